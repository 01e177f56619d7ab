"""Build the learned reading of inside information (`inside.model`):
``python -m charterguard.inside.train_model [--data train/inside] [--sets SPLIT ...] [--out FILE]``.

Reads our own labelled posts (``train/inside/*.tsv`` in the repository, not shipped in
the wheel: ``flag|pass <TAB> kind <TAB> text``, the file name's first two letters the
language; a flag row's kind is its topic (`model.TOPICS`), a pass row's the reason it is
fine (`model.PASS_KINDS`); see train/inside/README.md), and the labelled inside sets of
bench/data named in `TRAINED_SETS` (none today: MODEL_CARD.md, s16); never a set not listed
there (the newest blind set measures it), nor the corporate files.

Numpy only, deterministic (fold of a row = crc32 of its text; Newton's method from zero
weights), so the same rows give a byte-identical file:

1. 5-fold cross-validation of the head (L2 logistic regression on the 512-d embedding):
   out-of-fold margins, Platt scaling fitted on them;
2. the gate: naive-Bayes log-count ratios over `semantic.classifier.gate_features`; its
   threshold, per language, is the `GATE_RECALL_LOSS` quantile of the out-of-fold gate
   scores of that language's flag rows;
3. the decision threshold: the lowest calibrated probability at which gate and head
   together (both out-of-fold) flag at most `HARD_NEGATIVE_FALSE_ALARMS` of our own pass
   rows, at most `ORDINARY_FALSE_ALARMS` of those among them that speak of no topic
   (`ORDINARY_KINDS`) and of the everyday rows of --ordinary, never under `THRESHOLD_FLOOR`;
   one over all rows, and one per language over that language's rows (the one used);
4. the head and the topic regressions (one against the rest, on flag rows) on all rows.
Printed and recorded in the file: cross-validated precision and recall of gate and head
together, by language, by topic and by pass kind.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..semantic.classifier import (
    calibrated,
    fit_gate,
    fit_logistic,
    fit_platt,
    folds_of,
    gate_score,
    head_entries,
    margins_of,
    pipeline_threshold,
    read_labelled_rows,
    row_weights,
    write_model_file,
)
from .model import FORMAT, PASS_KINDS, TOPICS, inside_model_path

FOLDS = 5
L2 = 0.3
HARD_NEGATIVE_FALSE_ALARMS = 0.01  # of our own pass rows, flagged by the gate and the head together: the product's <= 1 % false-alarm target
# Of the posts that speak of no sensitive topic (our own `ORDINARY_KINDS` pass rows, and apart the
# rows of --ordinary), flagged by the gate and the head together: most posts a writer checks are
# such posts, so their budget is far tighter than the hard negatives'.
ORDINARY_FALSE_ALARMS = 0.005
ORDINARY_KINDS = ("ordinary", "vague")
ORDINARY_WEIGHT = 0.5  # the ordinary rows together weigh half our own pass rows in the head
THRESHOLD_FLOOR = 0.5  # never flag a post the head finds more likely fine than not
GATE_RECALL_LOSS = 0.20  # the gate lets 80 % of the flag rows through: a cost choice (MODEL_CARD.md); at 85 % it let 50 % more bench_pii posts reach the encoder and found no more fresh8 leaks
BATCH = 256
# The labelled inside sets of bench/data (their `split`: inside_fr.jsonl / inside_en.jsonl hold "dev" and
# "report", inside_freshN.jsonl "freshN") the model is trained on. A blind set may be added here only after its
# first run is recorded (bench/eval_inside.py's notes), so that the newest one stays a measure. None today: s16
# measured every set left out one at a time (bench/inside_sets_loso.py, MODEL_CARD.md); the reading alone gained
# on the testers' sets (+28 of 512 leaks) but lost corpus E's allusive leaks (-20 of 713), and the whole rule lost
# on both: not shipped.
TRAINED_SETS: tuple[str, ...] = ()
BENCH_DATA = Path("bench/data")
# The sets' contrast phenomena as the pass kinds of our rows (model.PASS_KINDS); their leaks' phenomena are topics.
SET_PASS_KINDS = {"published_news": "published", "past_events": "past", "articles": "general", "rumours_others": "others", "ordinary": "ordinary"}

Row = tuple[str, bool, str, str]  # (language, inside information, kind, text)


def read_rows(data: Path) -> list[Row]:
    """(language, inside information, kind, text) of every row of `data`/*.tsv; a bad row is an error."""
    return read_labelled_rows(data, TOPICS, PASS_KINDS)


def set_rows(folder: Path, sets: Sequence[str], allowed: Sequence[str] | None = None) -> list[Row]:
    """The rows of the labelled sets `sets` of `folder` (bench/data's inside_*.jsonl), in file order,
    as training rows. A set not in `allowed` (default `TRAINED_SETS`: what is trained on is named in one
    place; an experiment names its own candidates), or absent, is a ValueError."""
    allowed = TRAINED_SETS if allowed is None else allowed
    refused = [s for s in sets if s not in allowed]
    if refused:
        raise ValueError(f"not a trained set (train_model.TRAINED_SETS): {', '.join(refused)}")
    wanted = set(sets)
    rows: list[Row] = []
    found: set[str] = set()
    for path in sorted(folder.glob("inside_*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row["split"] not in wanted:
                continue
            leak = bool(row["label"])
            kind = row["phenomenon"] if leak else SET_PASS_KINDS.get(row["phenomenon"], "")
            if kind not in (TOPICS if leak else PASS_KINDS) or row["language"] not in ("fr", "en"):
                raise ValueError(f"{path}:{number}: unknown phenomenon or language {row['phenomenon']!r} / {row['language']!r}")
            rows.append((row["language"], leak, kind, row["text"]))
            found.add(row["split"])
    missing = sorted(wanted - found)
    if missing:
        raise ValueError(f"{folder}: no rows of the set(s) {', '.join(missing)}")
    return rows


def ordinary_rows(folder: Path) -> list[Row]:
    """Every row of `folder`/*.tsv (our own labelled rows of another reading, any kind) as a
    row that is not inside information, of kind "ordinary"."""
    if not folder.is_dir():
        return []
    return [(lang, False, "ordinary", text) for lang, _, _, text in read_labelled_rows(folder)]


def rows_digest(rows: list[Row]) -> str:
    return hashlib.sha256("\n".join(f"{r[0]}\t{int(r[1])}\t{r[2]}\t{r[3]}" for r in rows).encode("utf-8")).hexdigest()


def scores(predicted: np.ndarray, y: np.ndarray) -> dict[str, float | int]:
    tp = int((predicted & (y == 1)).sum())
    fp = int((predicted & (y == 0)).sum())
    positives = int((y == 1).sum())
    return {
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / positives, 3) if positives else 0.0,
        "flag_rows": positives,
        "pass_rows": int((y == 0).sum()),
        "false_alarms": fp,
    }


def fit(
    own_rows: list[Row],
    ordinary: list[Row],
    x: np.ndarray,
    corpus_rows: int | None = None,
    set_weight: float = 1.0,
    topic_accuracy: bool = True,
) -> dict[str, Any]:
    """The model's entries (gate, head, thresholds, topic regressions) fitted on `own_rows` (our labelled
    rows) and `ordinary` (everyday rows, not inside information), `x` the embeddings of both in that order;
    "cross_validated": the out-of-fold scores of gate and head together (the topic accuracy unless
    `topic_accuracy` is false: it costs a regression per topic and fold). When `corpus_rows` is given, only
    the leaks of the first `corpus_rows` rows (train/inside) set the gate's thresholds, and each row after them
    (a labelled set's) weighs `set_weight` in the head (s16's variant, bench/inside_sets_loso.py)."""
    own = len(own_rows)
    rows = own_rows + ordinary
    is_own = np.arange(len(rows)) < own
    reference = np.arange(len(rows)) < (own if corpus_rows is None else corpus_rows)
    texts = [r[3] for r in rows]
    y = np.array([r[1] for r in rows], dtype=float)
    languages = np.array([r[0] for r in rows])
    kinds = np.array([r[2] for r in rows])
    fold = folds_of(texts, FOLDS)
    weights = row_weights(y, is_own, ORDINARY_WEIGHT)
    weights[is_own & ~reference] *= set_weight

    oof = np.zeros(len(y))
    oof_gate = np.zeros(len(y))
    for f in range(FOLDS):
        train, test = fold != f, fold == f
        oof[test] = margins_of(fit_logistic(x[train], y[train], L2, weights[train]), x[test])
        gate = fit_gate([t for t, keep in zip(texts, train) if keep], y[train])
        oof_gate[test] = [gate_score(gate, t) for t, keep in zip(texts, test) if keep]
    platt = fit_platt(oof[is_own], y[is_own])
    probabilities = calibrated(platt, oof)
    gate_thresholds = {}
    for lang in ("fr", "en"):
        flagged = oof_gate[(y == 1) & reference & (languages == lang)]
        if len(flagged):
            gate_thresholds[lang] = round(float(np.quantile(flagged, GATE_RECALL_LOSS)), 4)
    gate_passes = oof_gate >= np.array([gate_thresholds.get(lang, np.inf) for lang in languages])
    negatives = (y == 0) & is_own
    own_ordinary = negatives & np.isin(kinds, ORDINARY_KINDS)

    def threshold_of(rows: np.ndarray) -> float:
        """The decision threshold of the budgets above, over the rows `rows` selects."""
        return max(
            pipeline_threshold(probabilities[negatives & rows], gate_passes[negatives & rows], HARD_NEGATIVE_FALSE_ALARMS, THRESHOLD_FLOOR),
            pipeline_threshold(probabilities[own_ordinary & rows], gate_passes[own_ordinary & rows], ORDINARY_FALSE_ALARMS, THRESHOLD_FLOOR),
            pipeline_threshold(probabilities[~is_own & rows], gate_passes[~is_own & rows], ORDINARY_FALSE_ALARMS, THRESHOLD_FLOOR),
        )

    threshold = threshold_of(np.ones(len(y), dtype=bool))
    # Each language's own threshold, its false alarms held by the same budgets over its own rows: the
    # head's margins are not alike in both languages, and one pooled threshold spent the budget of the
    # language with the larger margins on the other (s12: FR recall 0.507 -> 0.545 at the same false alarms).
    thresholds = {lang: threshold_of(languages == lang) for lang in ("fr", "en") if (languages == lang).any()}
    read_as_inside = gate_passes & (probabilities >= np.array([thresholds.get(lang, threshold) for lang in languages]))

    cross_validated: dict[str, Any] = {
        "all": scores(read_as_inside[is_own], y[is_own]),
        "head_alone_at_threshold": scores((probabilities >= threshold)[is_own], y[is_own]),
        "pooled_threshold": scores((gate_passes & (probabilities >= threshold))[is_own], y[is_own]),
        "gate_passes_flag_rows": round(float(gate_passes[y == 1].mean()), 3),
        "gate_passes_pass_rows": round(float(gate_passes[negatives].mean()), 3),
        "gate_passes_ordinary_rows": round(float(gate_passes[~is_own].mean()), 3) if (~is_own).any() else None,
        "false_alarms_on_ordinary_rows": round(float(read_as_inside[~is_own].mean()), 3) if (~is_own).any() else None,
        "by_language": {
            lang: scores(read_as_inside[is_own & (languages == lang)], y[is_own & (languages == lang)]) for lang in ("fr", "en")
        },
        # Per topic: recall on its flag rows; per pass kind: the share of its rows flagged.
        "recall_by_topic": {
            t: round(float(read_as_inside[(kinds == t) & (y == 1)].mean()), 3) for t in TOPICS if ((kinds == t) & (y == 1)).any()
        },
        "false_alarms_by_pass_kind": {
            k: round(float(read_as_inside[(kinds == k) & negatives].mean()), 3) for k in PASS_KINDS if ((kinds == k) & negatives).any()
        },
    }
    beta = fit_logistic(x, y, L2, weights)
    inside = y == 1
    topic_index = np.array([TOPICS.index(r[2]) if r[1] else -1 for r in rows])
    present = [k for k in range(len(TOPICS)) if (topic_index == k).any()]
    topic_betas = {k: fit_logistic(x[inside], (topic_index[inside] == k).astype(float), L2) for k in present}
    if topic_accuracy:
        right = 0
        for f in range(FOLDS):
            train, test = (fold != f) & inside, (fold == f) & inside
            by_topic = np.full((int(test.sum()), len(TOPICS)), -np.inf)
            for k in present:
                by_topic[:, k] = margins_of(fit_logistic(x[train], (topic_index[train] == k).astype(float), L2), x[test])
            right += int((by_topic.argmax(axis=1) == topic_index[test]).sum())
        cross_validated["topic_accuracy"] = round(right / max(int(inside.sum()), 1), 3)
    # A topic with no flag row gets weights that never win the argmax.
    topic_weights = [[round(float(v), 6) for v in topic_betas[k][:-1]] if k in topic_betas else [0.0] * x.shape[1] for k in range(len(TOPICS))]
    topic_bias = [round(float(topic_betas[k][-1]), 6) if k in topic_betas else -1e6 for k in range(len(TOPICS))]
    return {
        "cross_validated": cross_validated,
        "gate_weights": fit_gate(texts, y),  # ordinary rows included: the gate learns everyday text
        "gate_thresholds": gate_thresholds,
        **head_entries(beta, platt),
        "threshold": threshold,
        "thresholds": thresholds,
        "topic_weights": topic_weights,
        "topic_bias": topic_bias,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m charterguard.inside.train_model", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("train/inside"))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--ordinary",
        type=Path,
        default=Path("train/tone"),
        help="a folder of our own labelled rows of another reading (flag and pass alike): everyday posts, "
        "read here as not inside information, so that the gate and the head learn what ordinary text looks like",
    )
    parser.add_argument(
        "--sets",
        nargs="*",
        default=list(TRAINED_SETS),
        metavar="SPLIT",
        help="the labelled sets of --bench-data trained on, each one of TRAINED_SETS (default: all of them; none: --sets alone)",
    )
    parser.add_argument("--bench-data", type=Path, default=BENCH_DATA, help="where the labelled sets are (bench/data)")
    args = parser.parse_args(argv)
    try:
        rows = read_rows(args.data)
        trained_sets = set_rows(args.bench_data, args.sets) if args.sets else []
        ordinary = ordinary_rows(args.ordinary)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not rows or all(r[1] for r in rows) or not any(r[1] for r in rows):
        print(f"error: {args.data}/*.tsv needs flag and pass rows", file=sys.stderr)
        return 2
    from ..semantic.encoder import embed

    own_rows = rows + trained_sets
    texts = [r[3] for r in own_rows + ordinary]
    x = np.concatenate([embed(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]).astype(np.float64)
    fitted = fit(own_rows, ordinary, x)
    cross_validated = fitted.pop("cross_validated")
    training = {
        "data": str(args.data),
        "data_sha256": rows_digest(rows),
        "files": sorted(p.name for p in args.data.glob("*.tsv")),
        "sets": list(args.sets),
        "sets_sha256": rows_digest(trained_sets),
        "set_rows": len(trained_sets),
        "ordinary": str(args.ordinary),
        "ordinary_sha256": rows_digest(ordinary),
        "ordinary_rows": len(ordinary),
        "ordinary_weight": ORDINARY_WEIGHT,
        "ordinary_false_alarms": ORDINARY_FALSE_ALARMS,
        "ordinary_kinds": list(ORDINARY_KINDS),
        "rows": len(rows),
        "flag_rows": sum(1 for r in rows if r[1]),
        "rows_by_language": {lang: sum(1 for r in rows if r[0] == lang) for lang in ("fr", "en")},
        "l2": L2,
        "folds": FOLDS,
        "gate_recall_loss": GATE_RECALL_LOSS,
        "hard_negative_false_alarms": HARD_NEGATIVE_FALSE_ALARMS,
        "cross_validated": cross_validated,
    }
    payload = {"format": FORMAT, "topics": list(TOPICS), "training": training, **fitted}
    out = args.out or Path(str(inside_model_path()))
    write_model_file(out, json.dumps(payload, sort_keys=True, ensure_ascii=False))
    print(json.dumps(training, indent=1, sort_keys=True))
    print(f"threshold {fitted['threshold']} (by language {fitted['thresholds']}), gate thresholds {fitted['gate_thresholds']}; wrote {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

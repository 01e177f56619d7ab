"""Build the learned reading of what is said about a named workplace target (`targeted_model`):
``python -m charterguard.tone.train_targeted [--data train/tone] [--mask word|name|names] [--out FILE]``.

Reads only our own labelled sentences (not shipped in the wheel; see MODEL_CARD.md), never
the bench suites, the blind sets or the corporate files (they measure it):

- ``<data>/targeted/*.tsv``: ``flag|pass <TAB> role <TAB> text``, the target written ``{T}``
  (role: employer, colleague, customer, competitor), the file name's first two letters the
  language;
- the rows of ``<data>/*.tsv`` (`train_hostility`'s) that name a workplace target as
  `targeted_model.mentions` finds it (with `TRAINING_NAMES`, the company names those rows
  use): their insult and disparage rows as put-downs, their pass rows as not; threats and
  hatred of a group are the general reading's.

The target is replaced by the mask (`--mask`, measured in MODEL_CARD.md): `word` a neutral
placeholder, `name` one invented company name, `names` each row once with each of
`MASK_NAMES` (the first stands for the target when the model reads).

Numpy only, deterministic (fold of a row = crc32 of its text before masking; Newton's method
from zero weights): 5-fold out-of-fold margins, Platt scaling fitted on them, the threshold at
which at most `FALSE_ALARMS` of the pass rows are flagged (never under `THRESHOLD_FLOOR`), the
gate's naive Bayes over the masked rows and its threshold per language (the `GATE_RECALL_LOSS`
quantile of the out-of-fold gate scores of that language's put-downs), then the head on all rows.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

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
    write_model_file,
)
from .targeted_model import FORMAT, ROLES, masked, targeted_model_path

FOLDS = 5
L2 = 0.1
FALSE_ALARMS = 0.04  # of the pass rows (hard negatives sharing the put-downs' words), flagged by the head out of fold; at 0.08 (threshold 0.70) praise by a predicate noun ("sont des pionniers") was flagged
THRESHOLD_FLOOR = 0.5
GATE_RECALL_LOSS = 0.5  # the gate lets 50 % of the put-downs through (at 80 %, 10 more of bench_tone's 59 French posts reached the encoder)
BATCH = 256
MASKS = {"word": ("X",), "name": ("Orbix",), "names": ("Orbix", "Dunmore", "Valtrek")}
# The company names the rows of train/tone use for the employer and its competitors.
TRAINING_NAMES = {"employer": ("Acme Group", "Acme"), "competitors": ("Globex", "Initech")}
_PUT_DOWNS = frozenset({"insult", "disparage"})


def read_rows(data: Path, mask_names: tuple[str, ...]) -> list[tuple[str, bool, str, str, str, str]]:
    """(language, put-down, role or source kind, source text, masked text, mask name) of every row, once
    per name of `mask_names` ({T} replaced by it, or the mentions found replaced by it)."""
    rows: list[tuple[str, bool, str, str, str, str]] = []
    targeted = data / "targeted"
    written = read_labelled_rows(targeted, ROLES, ROLES) if targeted.is_dir() else []
    for language, flagged, role, text in written:
        if "{T}" not in text:
            raise ValueError(f"{targeted}: a row without {{T}}: {text[:40]!r}")
        rows.extend((language, flagged, role, text, text.replace("{T}", name), name) for name in mask_names)
    for language, flagged, kind, text in read_labelled_rows(data):
        if flagged and kind not in _PUT_DOWNS:
            continue
        for name in mask_names:
            out = masked(text, language, name, TRAINING_NAMES["employer"], TRAINING_NAMES["competitors"])
            if out is None:
                break
            rows.append((language, flagged, kind, text, out[0], name))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m charterguard.tone.train_targeted", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("train/tone"))
    parser.add_argument("--mask", choices=sorted(MASKS), default="name")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    names = MASKS[args.mask]
    try:
        rows = read_rows(args.data, names)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not rows:
        print(f"error: no rows in {args.data}", file=sys.stderr)
        return 2
    from ..semantic.encoder import embed

    texts = [r[4] for r in rows]
    y = np.array([r[1] for r in rows], dtype=float)
    languages = np.array([r[0] for r in rows])
    x = np.concatenate([embed(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]).astype(np.float64)
    fold = folds_of([r[3] for r in rows], FOLDS)  # a row's copies under each mask name share a fold
    oof = np.zeros(len(y))
    oof_gate = np.zeros(len(y))
    for f in range(FOLDS):
        train, test = fold != f, fold == f
        oof[test] = margins_of(fit_logistic(x[train], y[train], L2), x[test])
        gate = fit_gate([t for t, keep in zip(texts, train) if keep], y[train])
        oof_gate[test] = [gate_score(gate, t) for t, keep in zip(texts, test) if keep]
    platt = fit_platt(oof, y)
    probabilities = calibrated(platt, oof)
    threshold = pipeline_threshold(probabilities[y == 0], np.ones(int((y == 0).sum()), dtype=bool), FALSE_ALARMS, THRESHOLD_FLOOR)
    gate_thresholds = {lang: round(float(np.quantile(oof_gate[(y == 1) & (languages == lang)], GATE_RECALL_LOSS)), 4) for lang in ("fr", "en")}
    gate_passes = oof_gate >= np.array([gate_thresholds[lang] for lang in languages])
    predicted = probabilities >= threshold
    beta = fit_logistic(x, y, L2)
    digest = hashlib.sha256("\n".join(f"{r[0]}\t{int(r[1])}\t{r[2]}\t{r[4]}" for r in rows).encode("utf-8")).hexdigest()
    first = np.array([r[5] == names[0] for r in rows])
    training = {
        "data": str(args.data),
        "data_sha256": digest,
        "mask": args.mask,
        "mask_names": list(names),
        "rows": len(rows),
        "written_rows": sum(1 for r in rows if "{T}" in r[3]) // len(names),
        "derived_rows": sum(1 for r in rows if "{T}" not in r[3]) // len(names),
        "put_down_rows": int(y.sum()) // len(names),
        "rows_by_language": {lang: int((languages == lang).sum()) // len(names) for lang in ("fr", "en")},
        "l2": L2,
        "folds": FOLDS,
        "cross_validated": {
            "accuracy_at_margin_0": round(float(((oof > 0) == (y == 1)).mean()), 3),
            "recall_at_threshold": round(float(predicted[y == 1].mean()), 3),
            "false_alarms_at_threshold": round(float(predicted[y == 0].mean()), 3),
            "recall_at_threshold_read_with_the_first_mask": round(float(predicted[(y == 1) & first].mean()), 3),
            "gate_passes_put_downs": round(float(gate_passes[y == 1].mean()), 3),
            "gate_passes_pass_rows": round(float(gate_passes[y == 0].mean()), 3),
            "gate_and_head_recall": round(float((gate_passes & predicted)[y == 1].mean()), 3),
        },
    }
    payload = {
        "format": FORMAT,
        "roles": list(ROLES),
        "mask": names[0],
        "training": training,
        "gate_weights": fit_gate(texts, y),
        "gate_thresholds": gate_thresholds,
        **head_entries(beta, platt),
        "threshold": threshold,
    }
    out = args.out or Path(str(targeted_model_path()))
    write_model_file(out, json.dumps(payload, sort_keys=True, ensure_ascii=False))
    print(json.dumps(training, indent=1, sort_keys=True))
    print(f"threshold {threshold}, gate thresholds {gate_thresholds}; wrote {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Build the learned reading of secrets handed over by their context (`secrets.presented`):
``python -m charterguard.secrets.train_presented [--data train/secrets] [--sets SPLIT...] [--out FILE]``.

Reads our own corpus (``train/secrets/*.jsonl`` in the repository, not shipped in the
wheel: one JSON object a line, ``{"lang", "kind", "text", "secrets": [{"family", "text"}]}``,
`secrets[].text` the exact substring of each secret value; see train/secrets/README.md) and the
blind testers' sets of ``bench/data/secrets_posts.jsonl`` named in `TRAINED_SETS` (a set is named
there only once its first run is recorded, so that the newest one stays a measure; their credential
labels only: a host or a path is a negative here, the infrastructure rules report it). Never the
corporate files nor a set not named there.

Each candidate token of each row (`presented.candidate_spans`) is an example, a secret when it
overlaps a secret's text. Numpy only, deterministic (a row's fold is the crc32 of its text, all
its candidates in it; Newton's method from zero weights), so the same rows give a byte-identical file:

1. the vocabulary: features seen in at least `MIN_COUNT` candidates, the `MAX_FEATURES` most frequent;
2. 5-fold cross-validation of two L2 logistic regressions on those binary features, the full one
   (context and shape) and the context alone: out-of-fold margins, Platt scaling fitted on them;
3. the decision threshold: the lowest calibrated probability of the full reading at which at most
   `HARMLESS_FALSE_ALARMS` of the harmless candidates no rule reports are flagged (out of fold) among
   those whose context alone reaches `CONTEXT_THRESHOLD`, never under `THRESHOLD_FLOOR`;
4. both regressions on all rows.
Printed and recorded in the file: cross-validated precision and recall of the rules alone and of
the rules with the reading stacked after them, on the secrets of the corpus, by kind and language.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..semantic.classifier import calibrated, fit_logistic, fit_platt, folds_of, margins_of, pipeline_threshold, write_model_file
from . import CREDENTIAL_FAMILIES
from .presented import FORMAT, LABELS, candidate_spans, context_only, features, presented_model_path
from .scan import find_credentials

# Where a secret is said (a harmless row may be written in these too: a config with placeholders), and
# what makes a harmless row harmless.
SECRET_KINDS = ("prose", "chat", "config", "cli", "header", "table", "log", "url")
HARMLESS_KINDS = ("advice", "placeholder", "identifier", "promo", "version", "account", "public", "ordinary")
SET_KIND = "set"  # the kind of every row read from a blind tester's set (its posts name no kind)
# The splits of bench/data/secrets_posts.jsonl trained on: every set whose first run the README records. Added in
# session 19: trained on every set but one, in turn, the reading alone found more of the set left out at no more false
# alarms (MODEL_CARD.md, "Trained on the testers' sets"). A new blind set is added only after its first run is recorded.
TRAINED_SETS: tuple[str, ...] = (
    "dev", "report", "fresh", "holdout", *(f"holdout{n}" for n in range(2, 24)), "dev18", "dev19", "holdout24",
)
BENCH_POSTS = Path("bench/data/secrets_posts.jsonl")
FOLDS = 5
L2 = 2.0
MIN_COUNT = 3
MAX_FEATURES = 1500
HARMLESS_FALSE_ALARMS = 0.005  # of the corpus's harmless candidates no rule reports (the precision target: 0.98)
THRESHOLD_FLOOR = 0.5
# The context alone (without the value's shape) must lean to a secret: a password-shaped value quoted in
# advice has the shape of a secret, not the context of a handover.
CONTEXT_THRESHOLD = 0.5


@dataclass(frozen=True)
class Row:
    lang: str
    kind: str
    text: str
    secrets: tuple[tuple[int, int, str], ...]  # start, end, family


def read_rows(data: Path) -> list[Row]:
    """Every row of `data`/*.jsonl; a bad row is a ValueError naming its file, line and field."""
    rows = []
    for path in sorted(data.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: not JSON ({exc.msg})") from None
            text, kind = item.get("text"), item.get("kind")
            if item.get("lang") not in ("fr", "en"):
                raise ValueError(f"{where}: lang must be fr or en")
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"{where}: text must be a non-empty string")
            secrets = item.get("secrets")
            if not isinstance(secrets, list):
                raise ValueError(f"{where}: secrets must be a list")
            if kind not in SECRET_KINDS + HARMLESS_KINDS:
                raise ValueError(f"{where}: kind must be one of {SECRET_KINDS + HARMLESS_KINDS}, not {kind!r}")
            spans = []
            cursor: dict[str, int] = {}
            for i, secret in enumerate(secrets):
                value = secret.get("text") if isinstance(secret, dict) else None
                family = secret.get("family") if isinstance(secret, dict) else None
                if family not in CREDENTIAL_FAMILIES:
                    raise ValueError(f"{where}: secrets[{i}].family must be one of {CREDENTIAL_FAMILIES}")
                if not isinstance(value, str) or not value or (start := text.find(value, cursor.get(value, 0))) < 0:
                    raise ValueError(f"{where}: secrets[{i}].text is not a substring of text")
                cursor[value] = start + 1
                spans.append((start, start + len(value), family))
            rows.append(Row(item["lang"], kind, text, tuple(spans)))
    return rows


def label_spans(text: str, secrets: Sequence[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, family) of each label of a labelled post, in order: a label's text at its first occurrence after the
    same label's previous one (a token printed twice), or at its `occurrence` (1-based) when the first lies inside
    another label (a host named alone after the link that holds it). A label not found is a ValueError naming it."""
    spans: list[tuple[int, int, str]] = []
    cursor: dict[tuple[str, str], int] = {}
    for i, secret in enumerate(secrets):
        value, family = secret["text"], secret["family"]
        if "occurrence" in secret:
            start = -1
            for _ in range(int(secret["occurrence"])):
                start = text.find(value, start + 1)
        else:
            start = text.find(value, cursor.get((value, family), 0))
            cursor[(value, family)] = start + 1
        if start < 0:
            raise ValueError(f"secrets[{i}].text is not a substring of text")
        spans.append((start, start + len(value), family))
    return spans


def set_rows(posts: Path, sets: Sequence[str], allowed: Sequence[str] = TRAINED_SETS) -> list[Row]:
    """The rows of the labelled sets `sets` of `posts` (bench/data/secrets_posts.jsonl, by `split`), in file order,
    with their credential labels (`label_spans`, as bench/eval_secrets.py reads them). A set not in `allowed`, or
    absent, is a ValueError."""
    refused = [s for s in sets if s not in allowed]
    if refused:
        raise ValueError(f"not a trained set (train_presented.TRAINED_SETS): {', '.join(refused)}")
    wanted, seen = set(sets), set()
    rows = []
    for number, line in enumerate(posts.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{posts}:{number}: not JSON ({exc.msg})") from None
        if item.get("split") not in wanted:
            continue
        seen.add(item["split"])
        try:
            if item.get("lang") not in ("fr", "en"):
                raise ValueError("lang must be fr or en")
            if not isinstance(item.get("text"), str) or not isinstance(item.get("secrets"), list):
                raise ValueError("text must be a string and secrets a list")
            spans = label_spans(item["text"], item["secrets"])
        except (ValueError, KeyError, TypeError) as exc:
            reason = f"secrets[] need text and family ({exc} missing)" if isinstance(exc, KeyError) else str(exc)
            raise ValueError(f"{posts}:{number}: {reason}") from None
        rows.append(Row(item["lang"], SET_KIND, item["text"], tuple(s for s in spans if s[2] in CREDENTIAL_FAMILIES)))
    if missing := sorted(wanted - seen):
        raise ValueError(f"{posts}: no row of the set(s) {', '.join(missing)}")
    return rows


def rows_digest(rows: list[Row]) -> str:
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps([row.lang, row.kind, row.text, row.secrets], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass
class Examples:
    row: np.ndarray  # index of each candidate's row
    span: list[tuple[int, int]]
    y: np.ndarray  # 1: overlaps a secret
    ruled: np.ndarray  # a rule reports it already
    feats: list[set[str]]


def examples_of(rows: list[Row]) -> tuple[Examples, list[list[tuple[int, int]]]]:
    """Every row's candidates (labelled), and every row's rule findings."""
    index, spans, ys, ruled, feats = [], [], [], [], []
    found_by_rules = []
    for i, row in enumerate(rows):
        found = [(c.start, c.end) for c in find_credentials(row.text)]
        found_by_rules.append(found)
        for start, end in candidate_spans(row.text):
            index.append(i)
            spans.append((start, end))
            ys.append(any(a < end and start < b for a, b, _ in row.secrets))
            ruled.append(any(a < end and start < b for a, b in found))
            feats.append(features(row.text, start, end))
    return Examples(np.array(index), spans, np.array(ys, dtype=np.float64), np.array(ruled), feats), found_by_rules


def vocabulary(feats: list[set[str]]) -> list[str]:
    counts = Counter(f for fs in feats for f in fs)
    kept = sorted((f for f, n in counts.items() if n >= MIN_COUNT), key=lambda f: (-counts[f], f))
    return sorted(kept[:MAX_FEATURES])


def matrix(feats: list[set[str]], vocab: list[str]) -> np.ndarray:
    column = {f: j for j, f in enumerate(vocab)}
    x = np.zeros((len(feats), len(vocab)), dtype=np.float64)
    for i, fs in enumerate(feats):
        for f in fs:
            j = column.get(f)
            if j is not None:
                x[i, j] = 1.0
    return x


def cross_validated(feats: list[set[str]], y: np.ndarray, folds: np.ndarray, l2: float) -> tuple[dict[str, Any], np.ndarray]:
    """The regression on all rows (its vocabulary, weights, bias and Platt scaling, as stored) and the
    out-of-fold calibrated probability of every example."""
    vocab = vocabulary(feats)
    x = matrix(feats, vocab)
    oof = np.zeros(len(y))
    for fold in range(FOLDS):
        train, test = folds != fold, folds == fold
        oof[test] = margins_of(fit_logistic(x[train], y[train], l2), x[test])
    platt = fit_platt(oof, y)
    beta = fit_logistic(x, y, l2)
    weights = {f: round(float(w), 4) for f, w in zip(vocab, beta[:-1]) if round(float(w), 4) != 0.0}
    stored = {"weights": weights, "bias": round(float(beta[-1]), 6), "platt": [round(float(v), 6) for v in platt]}
    return stored, calibrated(platt, oof)


def stacked_scores(rows: list[Row], ex: Examples, found: list[list[tuple[int, int]]], flagged: np.ndarray, by: str) -> dict[str, dict[str, float]]:
    """Span-level precision and recall, rules alone and rules + reading (`flagged`: the candidates the
    reading reports, out of fold), per value of `by` ("kind", "lang") and overall."""
    learned_by_row: dict[int, list[tuple[int, int]]] = {}
    for k in np.flatnonzero(flagged & ~ex.ruled):
        learned_by_row.setdefault(int(ex.row[k]), []).append(ex.span[k])
    counts: dict[str, Counter] = {}
    for i, row in enumerate(rows):
        for name, predicted in (("rules", found[i]), ("stacked", found[i] + learned_by_row.get(i, []))):
            for group in (getattr(row, by), "ALL"):
                c = counts.setdefault(f"{group}\t{name}", Counter())
                used = set()
                for a, b in predicted:
                    hit = next((j for j, (s, e, _) in enumerate(row.secrets) if j not in used and a < e and s < b), None)
                    if hit is None:
                        c["fp"] += 1
                    else:
                        used.add(hit)
                        c["tp"] += 1
                c["fn"] += len(row.secrets) - len(used)
    out: dict[str, dict[str, float]] = {}
    for key, c in sorted(counts.items()):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        out[key.replace("\t", " ")] = {"precision": round(p, 3), "recall": round(r, 3), "secrets": c["tp"] + c["fn"], "false_alarms": c["fp"]}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m charterguard.secrets.train_presented", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("train/secrets"))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--sets", nargs="*", default=list(TRAINED_SETS), metavar="SPLIT",
                        help="the blind testers' sets of --bench-posts trained on, each one of TRAINED_SETS (default: all of them; none: --sets alone)")
    parser.add_argument("--bench-posts", type=Path, default=BENCH_POSTS, help="where the sets are (bench/data/secrets_posts.jsonl)")
    args = parser.parse_args(argv)
    try:
        own = read_rows(args.data)
        trained_sets = set_rows(args.bench_posts, args.sets) if args.sets else []
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not own:
        print(f"error: no rows in {args.data}/*.jsonl", file=sys.stderr)
        return 2
    rows = own + trained_sets
    ex, found = examples_of(rows)
    folds = folds_of([rows[i].text for i in ex.row], FOLDS)
    harmless = (ex.y == 0) & ~ex.ruled
    full, probabilities = cross_validated(ex.feats, ex.y, folds, args.l2)
    context, context_probabilities = cross_validated([context_only(f) for f in ex.feats], ex.y, folds, args.l2)
    past_context = context_probabilities >= CONTEXT_THRESHOLD
    threshold = pipeline_threshold(probabilities[harmless], past_context[harmless], HARMLESS_FALSE_ALARMS, THRESHOLD_FLOOR)
    flagged = (probabilities >= threshold) & past_context
    secrets_total = sum(len(r.secrets) for r in rows)
    reachable = sum(1 for i, r in enumerate(rows) for s, e, _ in r.secrets if any(a < e and s < b for a, b in [ex.span[k] for k in np.flatnonzero(ex.row == i)]))
    report = {
        "rows": len(rows), "rows_with_a_secret": sum(bool(r.secrets) for r in rows), "secrets": secrets_total,
        "secrets_among_candidates": reachable, "candidates": len(ex.y), "candidates_secret": int(ex.y.sum()),
        "candidates_ruled": int(ex.ruled.sum()), "features": len(full["weights"]), "context_features": len(context["weights"]),
        "harmless_candidates_unruled": int(harmless.sum()), "harmless_flagged_out_of_fold": int((flagged & harmless).sum()),
        "unruled_secret_candidates": int(((ex.y == 1) & ~ex.ruled).sum()),
        "unruled_secret_flagged_out_of_fold": int((flagged & (ex.y == 1) & ~ex.ruled).sum()),
        "by_kind": stacked_scores(rows, ex, found, flagged, "kind"),
        "by_lang": stacked_scores(rows, ex, found, flagged, "lang"),
    }
    files = sorted(p.name for p in args.data.glob("*.jsonl"))
    model = {
        "format": FORMAT, "labels": list(LABELS), "threshold": threshold, "context_threshold": CONTEXT_THRESHOLD,
        "full": full, "context": context,
        "provenance": {
            "command": "python -m charterguard.secrets.train_presented", "data": files, "rows_sha256_16": rows_digest(own),
            "sets": list(args.sets), "set_rows": len(trained_sets), "sets_sha256_16": rows_digest(trained_sets),
            "l2": args.l2, "folds": FOLDS, "context_threshold": CONTEXT_THRESHOLD, "min_count": MIN_COUNT, "max_features": MAX_FEATURES,
            "harmless_false_alarms": HARMLESS_FALSE_ALARMS, "threshold_floor": THRESHOLD_FLOOR,
            "cross_validated": report,
        },
    }
    out = args.out or Path(str(presented_model_path()))
    write_model_file(out, json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    print(json.dumps({k: v for k, v in report.items() if not k.startswith("by_")}, indent=1))
    print(f"threshold {threshold}")
    for group in ("by_lang", "by_kind"):
        for key, s in report[group].items():  # type: ignore[attr-defined]
            print(f"  {key:<22} P {s['precision']:.3f} R {s['recall']:.3f}  secrets {s['secrets']:>4}  false alarms {s['false_alarms']}")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

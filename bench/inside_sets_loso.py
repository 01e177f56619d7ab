"""Does learning from every earlier tester's set transfer to the next one? Leave one set out.

    .venv/bin/python bench/inside_sets_loso.py --cache DIR [--held fresh fresh2 ...] [--wide] [--no-rules] [--set-weight W]

For each blind set k (fresh .. fresh14 by default), the learned reading of inside information is
trained (`train_model.fit`, the shipped recipe) on train/inside plus every set of `CANDIDATES`
(the suites, every blind set whose first run is recorded) but k, and measured on k against the model trained on train/inside
alone (as shipped before s16):
(a) the learned reading's own post-level decision (any text of the post, `reading_spans`, past its
    language's gate and at or above its language's threshold; no framing, no even-odds path):
    recall on k's leaks, false alarms on k's contrasts;
(b) the whole inside rule of the default charter (rules + reading, warn/block, as
    bench/eval_inside.py counts it) on k, per language. The rules were tuned on k, so (b)
    understates what the reading adds.
--wide also measures, for the model trained on every set and for the train/inside-only one, the
held-out corpus E (train/inside/corpus_e, flagged leaks and pass rows) and the four corporate files
(flagged at warn/block). Embeddings are cached in DIR (the encoder is the slow part; each text once).
Measured only: nothing here writes the shipped model.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from charterguard.charter.model import Charter
from charterguard.engine import Checker
from charterguard.inside import model as inside_model
from charterguard.inside.analyzer import reading_spans
from charterguard.inside.model import FORMAT, TOPICS
from charterguard.inside.train_model import Row, fit, ordinary_rows, read_rows, set_rows
from charterguard.semantic.classifier import calibrated, gate_score, write_model_file

NOW = datetime(2026, 11, 22, tzinfo=UTC)
DATA = ROOT / "bench" / "data"
CORPORATE = ["corporate_posts_fr.txt", "corporate_negative_fine_fr.txt", "corporate_posts_en.txt", "corporate_negative_fine_en.txt"]
# The candidates: the suites and every blind set whose first run is recorded (bench/eval_inside.py's notes).
CANDIDATES = ["dev", "report", "fresh", *(f"fresh{n}" for n in range(2, 15))]
HELD = [s for s in CANDIDATES if s.startswith("fresh")]


class Embeddings:
    """Each text's embedding, computed once and kept in `folder` (texts.json + vectors.npy)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        texts_file, vectors_file = folder / "texts.json", folder / "vectors.npy"
        texts: list[str] = json.loads(texts_file.read_text(encoding="utf-8")) if texts_file.is_file() else []
        self.vectors = np.load(vectors_file) if vectors_file.is_file() else np.zeros((0, 512), dtype=np.float32)
        self.index = {t: k for k, t in enumerate(texts)}

    def ensure(self, texts: list[str]) -> None:
        from charterguard.semantic.encoder import embed

        missing = sorted({t for t in texts if t not in self.index})
        if not missing:
            return
        vectors = [embed(missing[i : i + 256]) for i in range(0, len(missing), 256)]
        for t in missing:
            self.index[t] = len(self.index)
        self.vectors = np.concatenate([self.vectors, *vectors])
        ordered = sorted(self.index, key=self.index.__getitem__)
        (self.folder / "texts.json").write_text(json.dumps(ordered, ensure_ascii=False), encoding="utf-8")
        np.save(self.folder / "vectors.npy", self.vectors)

    def of(self, texts: list[str]) -> np.ndarray:
        self.ensure(texts)
        return self.vectors[[self.index[t] for t in texts]].astype(np.float64)


def train(rows: list[Row], ordinary: list[Row], cache: Embeddings, corpus_rows: int | None = None, set_weight: float = 1.0) -> dict[str, Any]:
    fitted = fit(rows, ordinary, cache.of([r[3] for r in rows + ordinary]), corpus_rows, set_weight, topic_accuracy=False)
    fitted.pop("cross_validated")
    return {"format": FORMAT, "topics": list(TOPICS), "training": {}, **fitted}


def reading_flags(payload: dict[str, Any], posts: list[tuple[str, str]], cache: Embeddings) -> list[bool]:
    """(a): does the learned reading alone read each (language, text) post as inside information?"""
    weights, bias = np.array(payload["weights"]), float(payload["bias"])
    out = []
    for language, text in posts:
        units = [text[a:b] for a, b in reading_spans(text)]
        past = [u for u in units if gate_score(payload["gate_weights"], u) >= payload["gate_thresholds"].get(language, np.inf)]
        if not past:
            out.append(False)
            continue
        probabilities = calibrated(payload["platt"], cache.of(past) @ weights + bias)
        out.append(bool((probabilities >= payload["thresholds"].get(language, payload["threshold"])).any()))
    return out


def rule_predictor(payload: dict[str, Any], folder: Path) -> Callable[[str, str], bool]:
    """(b): the inside rules of the default charter with this model as the learned reading."""
    path = folder / "model.json.gz"
    write_model_file(path, json.dumps(payload, sort_keys=True))
    inside_model.inside_model_path = lambda: path  # type: ignore[assignment]  # measuring only: the module reads its model from here
    inside_model.load_inside_model.cache_clear()
    charter = Charter.load("default")
    ids = {r.spec.id for r in charter.rules if r.spec.kind == "inside_information" and r.spec.enabled}
    checker = Checker(charter.only(ids))

    def predict(text: str, language: str) -> bool:
        report = checker.check(text, lang=language, now=NOW)
        return any(f.severity in ("warn", "block") and (f.rule in ids or ids & set(f.also)) for f in report.findings)

    return predict


def recall_and_alarms(labels: list[bool], flags: list[bool]) -> tuple[int, int, int, int]:
    """(leaks flagged, leaks, contrasts flagged, contrasts)."""
    return (
        sum(1 for y, f in zip(labels, flags) if y and f),
        sum(labels),
        sum(1 for y, f in zip(labels, flags) if not y and f),
        sum(1 for y in labels if not y),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="a scratch folder for the embeddings")
    parser.add_argument("--held", nargs="*", default=HELD, help="the sets left out, one at a time")
    parser.add_argument("--wide", action="store_true", help="corpus E and the corporate files, for the all-sets and the train/inside-only models")
    parser.add_argument("--no-rules", action="store_true", help="(a) only")
    parser.add_argument(
        "--set-weight",
        type=float,
        default=None,
        help="the variant: the gate's thresholds set on train/inside's leaks alone, and each set row weighing this much in the head",
    )
    args = parser.parse_args()
    cache = Embeddings(args.cache)
    own = read_rows(ROOT / "train" / "inside")
    ordinary = ordinary_rows(ROOT / "train" / "tone")
    sets = {s: set_rows(DATA, [s], CANDIDATES) for s in CANDIDATES}
    started = time.perf_counter()
    cache.ensure([r[3] for r in own + ordinary] + [r[3] for rows in sets.values() for r in rows])
    unit_texts = [r[3][a:b] for rows in sets.values() for r in rows for a, b in reading_spans(r[3])]
    cache.ensure(unit_texts)
    print(f"embeddings ready ({len(cache.index)} texts, {time.perf_counter() - started:.0f} s)", flush=True)
    folder = Path(tempfile.mkdtemp(prefix="loso-", dir=args.cache))
    shipped = train(own, ordinary, cache)
    print(f"train/inside only: thresholds {shipped['thresholds']}, gate {shipped['gate_thresholds']}", flush=True)
    corpus_rows = None if args.set_weight is None else len(own)
    set_weight = 1.0 if args.set_weight is None else args.set_weight
    keep_alive = [shipped]  # the analyzer's per-post caches key on the model's id
    table = []
    header = "set      | reading alone: leaks / false alarms, shipped -> LOSO | rules + reading recall FR, EN (shipped -> LOSO) | false alarms FR, EN"
    print(header, flush=True)
    for k in args.held:
        rows = sets[k]
        labels = [r[1] for r in rows]
        posts = [(r[0], r[3]) for r in rows]
        loso = train(own + [r for s, rs in sets.items() if s != k for r in rs], ordinary, cache, corpus_rows, set_weight)
        keep_alive.append(loso)
        a_before = recall_and_alarms(labels, reading_flags(shipped, posts, cache))
        a_after = recall_and_alarms(labels, reading_flags(loso, posts, cache))
        line: dict[str, Any] = {"set": k, "thresholds": loso["thresholds"], "reading_shipped": a_before, "reading_loso": a_after}
        text = f"{k:8} | {a_before[0]}/{a_before[1]} {a_before[2]}/{a_before[3]} -> {a_after[0]}/{a_after[1]} {a_after[2]}/{a_after[3]}"
        if not args.no_rules:
            for name, payload in (("rules_shipped", shipped), ("rules_loso", loso)):
                predict = rule_predictor(payload, folder)
                flags = [predict(r[3], r[0]) for r in rows]
                line[name] = {
                    lang: recall_and_alarms([r[1] for r in rows if r[0] == lang], [f for r, f in zip(rows, flags) if r[0] == lang])
                    for lang in ("fr", "en")
                }
            b, c = line["rules_shipped"], line["rules_loso"]
            text += " | " + ", ".join(f"{b[lang][0]}/{b[lang][1]} -> {c[lang][0]}/{c[lang][1]}" for lang in ("fr", "en"))
            text += " | " + ", ".join(f"{b[lang][2]} -> {c[lang][2]}" for lang in ("fr", "en"))
        print(text, flush=True)
        table.append(line)
    (args.cache / "loso.json").write_text(json.dumps(table, indent=1), encoding="utf-8")
    if args.wide:
        every = train(own + [r for rs in sets.values() for r in rs], ordinary, cache, corpus_rows, set_weight)
        keep_alive.append(every)
        print(f"every set: thresholds {every['thresholds']}, gate {every['gate_thresholds']}", flush=True)
        corpus_e = read_rows(ROOT / "train" / "inside" / "corpus_e")
        corporate = {
            name: [line.strip() for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()] for name in CORPORATE
        }
        for name, payload in (("train/inside only", shipped), ("every set", every)):
            predict = rule_predictor(payload, folder)
            flags = [predict(text, lang) for lang, _, _, text in corpus_e]
            leaks = sum(1 for r, f in zip(corpus_e, flags) if r[1] and f)
            alarms = sum(1 for r, f in zip(corpus_e, flags) if not r[1] and f)
            found = {n: sum(predict(t, "fr" if "_fr" in n else "en") for t in posts) for n, posts in corporate.items()}
            print(f"{name}: corpus E leaks {leaks}/{sum(1 for r in corpus_e if r[1])}, pass rows flagged {alarms}/{sum(1 for r in corpus_e if not r[1])}; corporate {found}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Does learning from every earlier tester transfer? Leave-one-set-out for the learned reading of
hostility (tone/hostility_model.py).

    PYTHONPATH=src .venv/bin/python bench/tone_leave_one_out.py --cache-dir DIR [--sets blind12 ...] [--pipeline]

For each blind set k (bench/data/tone_blind*_{fr,en}.tsv): the learned reading is trained as
`train_hostility` does on train/tone, with its tester head trained on train/tone, train/tone/tester
and the bench sets of `--train-sets` (default: `TRAINED_BENCH_SETS`, or while it is empty the
suites and every blind set), NOT set k ("loso"; `--without-floor`: one head trained on all of them,
the measure of session 16), and measured on set k against the model trained on train/tone alone
("ours": the head the tester head stands beside, shipped alone before 2026-12-03, session 17):
- the learned reading's own post-level decision: a post is flagged when one of its sentences
  (read as bench/tone_suite.py's `lost_at` reads them: a sentence naming someone, or going on
  about whom the sentence before names) is past the gate at the head's `threshold`, or in the
  near-gate band at `near_gate_threshold` (the most hostile of the sentence and its clauses);
  printed: recall on flag posts, false alarms on pass posts, and the flag posts with a sentence
  past the gate (gate recall);
- with `--pipeline`, the whole pipeline's accuracy on set k (bench/tone_suite.py's decision: a
  tone finding at warn or block under acme-group.yaml), the fold's model in place of the shipped
  one. The rules were tuned on set k already, so this understates the model's gain.
Also, per model: the ordinary posts of bench/bench_tone.py with a sentence the learned reading
embeds (past the gate or in its near band): the encoder's cost.

Embeddings are cached in `--cache-dir` (one .npy per text's SHA-256 prefix bucket file), so a
second run embeds nothing. Models trained here are for measuring only: the shipped one is built
by `python -m charterguard.tone.train_hostility` from `TRAINED_BENCH_SETS` alone.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from tone_suite import BLIND_SPLITS, Case, flagged_by, load_cases  # noqa: E402


class EmbeddingCache:
    """Sentence embeddings by the SHA-256 of the text, kept in one .npz in `directory`."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "embeddings.npz"
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.is_file():
            with np.load(self.path) as stored:
                self.vectors = dict(zip(stored["keys"].tolist(), stored["vectors"]))
        self.added = 0

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        from charterguard.semantic.encoder import embed

        missing = sorted({t for t in texts if self.key(t) not in self.vectors})
        for i in range(0, len(missing), 256):
            batch = missing[i : i + 256]
            for text, vector in zip(batch, embed(batch)):
                self.vectors[self.key(text)] = vector
            self.added += len(batch)
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self.vectors[self.key(t)] for t in texts])

    def save(self) -> None:
        if self.added:
            keys = sorted(self.vectors)
            np.savez(self.path, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))
            self.added = 0


def target_names() -> tuple[str, ...]:
    from charterguard.charter.model import Charter
    from charterguard.linguistics import word_key

    company = Charter.load(str(ROOT / "policies" / "acme-group.yaml")).company
    return tuple(word_key(n) for n in (*company.values("names"), *company.values("competitors")) if n)


def read_sentences(text: str, language: str, names: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """(sentence as read, the sentence it goes on about or None) of each sentence the learned
    reading would read (as `tone_suite.lost_at`)."""
    from charterguard.linguistics import Linguistics
    from charterguard.tone.hostility_model import names_someone

    linguistics = Linguistics(text, language)
    out: list[tuple[str, str | None]] = []
    for k, (start, end) in enumerate(linguistics.spans):
        topic = linguistics.topic_of(k)
        read = text[linguistics.spans[topic][0] if topic is not None else start : end]
        about = None
        if not names_someone(read, language, names):
            if topic is not None or k == 0 or not names_someone(text[slice(*linguistics.spans[k - 1])], language, names):
                continue
            about = text[slice(*linguistics.spans[k - 1])]
        out.append((read, about))
    return out


def probabilities(model: Any, cache: EmbeddingCache, texts: list[str], tester_only: bool = False) -> np.ndarray:
    """The model's probability of each text (with a tester head, the two heads' as the runtime
    reads them; `tester_only`: the tester head's alone), from cached embeddings."""
    return np.array([p for p, _kind in model.read_embedded(cache.embed(texts), [tester_only] * len(texts))])


def gates_of(model: Any, read: str, language: str, names: tuple[str, ...], about: str | None) -> tuple[bool, bool, bool]:
    """(past the floor's gate, in its near band, let in by the tester head's gate alone)."""
    past_gate, targeted, near_gate = model.gates(read, language, names, about)
    tester_gate = not (past_gate or targeted or near_gate) and model.tester_gate_opens(read, language, names, about)
    return past_gate, near_gate, tester_gate


def decide(model: Any, cache: EmbeddingCache, text: str, language: str, names: tuple[str, ...]) -> tuple[bool, bool]:
    """(a sentence past either gate, the learned reading flags the post)."""
    from charterguard.tone.hostility_model import clauses

    past_any = flagged = False
    for read, about in read_sentences(text, language, names):
        past_gate, near_gate, tester_gate = gates_of(model, read, language, names, about)
        past_any = past_any or past_gate or tester_gate
        if not (past_gate or near_gate or tester_gate):
            continue
        best = float(probabilities(model, cache, [read, *(read[a:b] for a, b in clauses(read))], tester_gate).max())
        flagged = flagged or best >= (model.near_gate_threshold if near_gate else model.threshold)
    return past_any, flagged


def encoder_posts(model: Any, names: tuple[str, ...]) -> dict[str, str]:
    """Per language: ordinary posts of bench_tone with a sentence past either gate or in the floor's band."""
    from bench_tone import posts

    out = {}
    for language in ("fr", "en"):
        texts = posts(language)
        reached = 0
        for text in texts:
            reached += any(any(gates_of(model, read, language, names, about)) for read, about in read_sentences(text, language, names))
        out[language] = f"{reached}/{len(texts)}"
    return out


def pipeline_accuracy(model: Any, cases: list[Case]) -> float:
    """bench/tone_suite.py's accuracy on `cases` with `model` as the learned reading."""
    from charterguard.charter.model import Charter
    from charterguard.engine import Checker
    from charterguard.tone import hostility_model

    original = hostility_model.load_hostility_model
    hostility_model.load_hostility_model = lambda: model  # type: ignore[assignment]
    try:
        checker = Checker(Charter.load(str(ROOT / "policies" / "acme-group.yaml")))
        return sum(flagged_by(checker, c)[0] == c.flag for c in cases) / len(cases)
    finally:
        hostility_model.load_hostility_model = original  # type: ignore[assignment]


def learned_scores(model: Any, cache: EmbeddingCache, cases: list[Case], names: tuple[str, ...]) -> tuple[float, float, float]:
    """(recall on flag posts, false alarms on pass posts, flag posts with a sentence past the gate)."""
    decisions = [(c.flag, *decide(model, cache, c.text, c.language, names)) for c in cases]
    flags = [d for d in decisions if d[0]]
    passes = [d for d in decisions if not d[0]]
    return (
        sum(d[2] for d in flags) / len(flags),
        sum(d[2] for d in passes) / len(passes),
        sum(d[1] for d in flags) / len(flags),
    )


def sentences_of_pass_posts(rows: list[tuple[str, bool, str, str]]) -> list[tuple[str, bool, str, str]]:
    """Each sentence of a pass post of several sentences, as a pass row of the post's kind."""
    from charterguard.linguistics import Linguistics

    out = []
    for language, hostile, kind, text in rows:
        spans = Linguistics(text, language).spans
        if not hostile and len(spans) > 1:
            out += [(language, False, kind, text[a:b]) for a, b in spans]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache-dir", type=Path, required=True)
    parser.add_argument("--sets", nargs="*", default=BLIND_SPLITS, help="the held-out sets (default: every blind set)")
    parser.add_argument("--pipeline", action="store_true", help="also the whole pipeline's accuracy (slower)")
    parser.add_argument("--chat-negatives", type=int, default=None)
    parser.add_argument("--train-sets", nargs="*", default=None, help="the bench sets the folds train on (default: TRAINED_BENCH_SETS, or the suites and every blind set while it is empty)")
    parser.add_argument("--gate-own-rows", action="store_true", help="the gate learns from train/tone only")
    parser.add_argument("--gate-without", nargs="*", default=[], help="the gate does not learn from the bench's pass rows of these kinds")
    parser.add_argument("--pass-sentences", action="store_true", help="also each sentence of a pass post of several, as a pass row")
    parser.add_argument("--without-floor", action="store_true", help="one head trained on all rows (session 16), not the tester head beside ours")
    parser.add_argument("--tester-extra", type=float, default=None, help="train_hostility.TESTER_EXTRA_FALSE_ALARMS for the folds")
    parser.add_argument("--tester-gate", type=float, default=None, help="train_hostility.TESTER_GATE_RECALL_LOSS for the folds (negative: no tester gate)")
    parser.add_argument("--tester-data", nargs="*", type=Path, default=None, help="folders of our rows the tester head alone trains on (default: train_hostility.TESTER_ROW_FOLDERS under train/tone)")
    parser.add_argument("--no-ours", action="store_true", help="measure the folds' models only (not the floor alone again)")
    args = parser.parse_args()
    from charterguard.tone import train_hostility as trainer

    if args.train_sets is None:
        args.train_sets = trainer.TRAINED_BENCH_SETS or ("suite", *BLIND_SPLITS)
    from charterguard.tone.hostility_model import hostility_model_of
    from charterguard.tone.targeted_model import load_targeted_model

    cache = EmbeddingCache(args.cache_dir)
    names = target_names()
    every = tuple(args.train_sets)
    own = trainer.read_rows(ROOT / "train" / "tone")
    tester_folders = args.tester_data if args.tester_data is not None else [ROOT / "train" / "tone" / d for d in trainer.TESTER_ROW_FOLDERS]
    tester_rows = [r for folder in tester_folders for r in trainer.read_rows(folder)]  # ours, for the tester head alone
    extra = trainer.chat_negatives(trainer.CHAT_NEGATIVES if args.chat_negatives is None else args.chat_negatives)
    bench = {name: trainer.read_bench_rows([name], ROOT / "bench" / "data", allowed=every) for name in every}
    if args.pass_sentences:
        bench = {name: rows + sentences_of_pass_posts(rows) for name, rows in bench.items()}
    targeted = load_targeted_model()
    if args.tester_extra is not None:
        trainer.TESTER_EXTRA_FALSE_ALARMS = args.tester_extra
    if args.tester_gate is not None:
        trainer.TESTER_GATE_RECALL_LOSS = None if args.tester_gate < 0 else args.tester_gate
    x_ours = cache.embed([r[3] for r in own + extra]).astype(np.float64)
    floor, hard = trainer.fit_model_reading(own, extra, x_ours, "train/tone", written=len(own))

    def trained(held_out: str | None) -> Any:
        """Trained on our rows and every bench set but `held_out` (None: our rows alone)."""
        held = {r[3] for r in bench.get(held_out, [])} if held_out else set()  # (a row of set k said again elsewhere)
        rows = own + [r for name in every if held_out and name != held_out for r in bench[name] if r[3] not in held]
        if not args.without_floor:
            rows = own + tester_rows + rows[len(own):]
        if held_out is None:
            return hostility_model_of(floor, targeted)
        x = cache.embed([r[3] for r in rows + extra]).astype(np.float64)
        cache.save()
        if not args.without_floor:
            # The tester head beside ours (hostility_model.TesterHead), as train_hostility.fit_floored_model builds it.
            return hostility_model_of({**floor, "tester_head": trainer.fit_tester_head(rows, extra, x, len(own), hard)}, targeted)
        gate_rows = np.array([i < len(own) or not args.gate_own_rows and (r[1] or r[2] not in args.gate_without) for i, r in enumerate(rows)])
        payload = trainer.fit_model(rows, extra, x, f"all but {held_out}", gate_rows)
        return hostility_model_of(payload, targeted)

    ours = trained(None)

    print(f"{'held out':9} {'model':8} {'recall':>7} {'false al.':>9} {'gate rec.':>9} {'pipeline':>8}  threshold / band / gate fr,en   ordinary posts embedded fr, en")
    sums: dict[str, list[float]] = {}
    for held_out in args.sets:
        cases = load_cases(stem=f"tone_{held_out}")
        model = trained(held_out)
        for label, m in ((("ours", ours),) if not args.no_ours else ()) + (("loso", model),):
            recall, false_alarms, gate_recall = learned_scores(m, cache, cases, names)
            accuracy = pipeline_accuracy(m, cases) if args.pipeline else float("nan")
            cache.save()
            line = [recall, false_alarms, gate_recall, accuracy]
            for i, v in enumerate(line):
                sums.setdefault(f"{label}{i}", []).append(v)
            thresholds = f"{m.threshold:.3f} / {m.near_gate_threshold:.3f} / {m.gate_thresholds['fr']:.2f},{m.gate_thresholds['en']:.2f}"
            if m.tester is not None:
                thresholds += f" (tester {m.tester.threshold:.3f} / {m.tester.near_gate_threshold:.3f}"
                thresholds += f" / gate {m.tester.gate_thresholds['fr']:.2f},{m.tester.gate_thresholds['en']:.2f})" if m.tester.gate_thresholds else ")"
            cost = encoder_posts(m, names)
            print(f"{held_out:9} {label:8} {recall:7.3f} {false_alarms:9.3f} {gate_recall:9.3f} {accuracy:8.3f}  {thresholds}   {cost['fr']}, {cost['en']}", flush=True)
    for label in ("ours", "loso") if not args.no_ours else ("loso",):
        means = [float(np.mean(sums[f"{label}{i}"])) for i in range(4)]
        print(f"{'mean':9} {label:8} {means[0]:7.3f} {means[1]:9.3f} {means[2]:9.3f} {means[3]:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

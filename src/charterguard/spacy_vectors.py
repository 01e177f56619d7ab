"""Static word vectors of a spaCy pipeline, looked up in sorted arrays instead of a dict.

`fr_core_news_md` maps 500,000 word hashes to 20,000 vector rows (`vocab/key2row`, msgpack);
its NER reads them (`include_static_vectors`). spaCy's `Vectors` reads that map into a Python
dict at every load: 0.2 s of a cold one-post check. `KeyRowVectors` keeps it as two sorted
numpy arrays, kept in the user's cache directory (`diskcache`, keyed by the file's content), so
a new process reads them in milliseconds; the NER's static-vectors layer asks for a batch of
keys at once (`get_batch`), answered with one `searchsorted`. The vectors, and the zero vector
of an unknown word, are those spaCy's own `Vectors` gives (tests/test_lean_loading.py compares
whole reports with pipelines loaded by plain `spacy.load`).

Import this module only once spaCy is imported (`imports.import_spacy`): it subclasses
spaCy's `BaseVectors`, the extension point of `[nlp.vectors]` in a pipeline's config.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Callable

import numpy as np
import srsly
from spacy.strings import get_string_id
from spacy.util import registry
from spacy.vectors import BaseVectors, Mode

from . import diskcache

REGISTERED_NAME = "charterguard.KeyRowVectors.v1"


def uses_default_vectors(model_path: Path) -> bool:
    """The packaged pipeline at `model_path` has a key2row table of spaCy's default mode."""
    vocab = model_path / "vocab"
    if not (vocab / "key2row").is_file() or not (vocab / "vectors").is_file():
        return False
    settings = srsly.read_json(vocab / "vectors.cfg") if (vocab / "vectors.cfg").is_file() else {}
    return isinstance(settings, dict) and settings.get("mode", Mode.default) == Mode.default


class KeyRowVectors(BaseVectors):  # type: ignore[misc]  # spaCy's Cython classes are untyped
    """A read-only table of vectors: `keys` (sorted word hashes) -> `rows` of `data`."""

    def __init__(self, *, strings: Any = None, name: str | None = None) -> None:
        super().__init__(strings=strings)
        self.strings = strings
        self.name = name
        self.mode = Mode.default
        self.keys = np.zeros(0, dtype=np.uint64)
        self.rows = np.zeros(0, dtype=np.int64)
        self.data = np.zeros((0, 0), dtype=np.float32)

    def __reduce__(self) -> tuple[Callable[..., KeyRowVectors], tuple[Any, ...]]:
        return (_restored, (self.keys, self.rows, self.data, self.name))

    def _rows_of(self, keys: np.ndarray) -> np.ndarray:
        """The row of each key, -1 where the table has none."""
        if not len(self.keys):
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.searchsorted(self.keys, keys)
        at[at == len(self.keys)] = 0
        return np.where(self.keys[at] == keys, self.rows[at], -1)

    def get_batch(self, keys: Any) -> np.ndarray:
        """One vector per key; zeros for a key without one (as spaCy's `Vectors` gives)."""
        rows = self._rows_of(np.asarray(keys, dtype=np.uint64))
        vectors = np.zeros((len(rows), self.data.shape[1]), dtype=self.data.dtype)
        found = rows >= 0
        vectors[found] = self.data[rows[found]]
        return vectors

    def _row(self, key: Any) -> int:
        return int(self._rows_of(np.asarray([get_string_id(key)], dtype=np.uint64))[0])

    def __contains__(self, key: Any) -> bool:
        return self._row(key) >= 0

    def __getitem__(self, key: Any) -> np.ndarray:
        row = self._row(key)
        if row < 0:
            raise KeyError(key)
        return self.data[row]

    def __len__(self) -> int:
        return int(self.data.shape[0])

    @property
    def shape(self) -> tuple[int, int]:
        return tuple(self.data.shape)  # type: ignore[return-value]

    @property
    def vectors_length(self) -> int:
        return int(self.data.shape[1])

    @property
    def size(self) -> int:
        return int(self.data.size)

    @property
    def n_keys(self) -> int:
        return len(self.keys)

    def is_full(self) -> bool:
        return True  # read-only: nothing can be added

    def to_ops(self, ops: Any) -> None:
        self.data = ops.asarray(self.data)

    def from_disk(self, path: str | Path, **_: Any) -> KeyRowVectors:
        folder = Path(path)
        # Mapped, not read: a post reads a few hundred of the 20,000 rows (24 MB for French),
        # and the processes of a server share the pages.
        self.data = np.load(folder / "vectors", allow_pickle=False, mmap_mode="r")
        self.keys, self.rows = key_rows(folder / "key2row")
        return self


def _restored(keys: np.ndarray, rows: np.ndarray, data: np.ndarray, name: str | None) -> KeyRowVectors:
    vectors = KeyRowVectors(name=name)
    vectors.keys, vectors.rows, vectors.data = keys, rows, data
    return vectors


def key_rows(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """spaCy's key2row file as (sorted keys, their rows): from the user's cache when it holds
    the arrays of this very file (its sha256), else read (0.3 s) and kept there."""
    content = path.read_bytes()

    def build() -> tuple[np.ndarray, np.ndarray]:
        table: dict[int, int] = srsly.msgpack_loads(content)
        keys = np.fromiter(table.keys(), dtype=np.uint64, count=len(table))
        rows = np.fromiter(table.values(), dtype=np.int64, count=len(table))
        order = np.argsort(keys, kind="stable")
        return keys[order], rows[order]

    key = diskcache.fingerprint(["key2row v1", np.__version__, hashlib.sha256(content).digest()])
    return diskcache.cached(f"spacy-key2row-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]}", key, build)


@registry.vectors(REGISTERED_NAME)
def create_key_row_vectors() -> Callable[[Any], KeyRowVectors]:
    def vectors_factory(vocab: Any) -> KeyRowVectors:
        return KeyRowVectors(strings=vocab.strings)

    return vectors_factory

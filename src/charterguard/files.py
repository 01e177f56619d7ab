"""Read a file given by a user or named in a charter: regular files only, bounded;
and tell whether bytes a user gave are text (`text_problem`).

A FIFO would block `open()` forever, `/dev/zero` never ends and a directory is
not a file: each gets a `FileReadError` saying which, before anything is read,
and no more than `limit` bytes are ever held in memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import CharterguardError


class FileReadError(CharterguardError):
    """A file cannot be read as asked; the message names the reason, never the content."""


def file_kind_problem(mode: int) -> str | None:
    """Why a file of this `st_mode` is not a regular file (None when it is one)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def regular_file_problem(path: str | Path) -> str | None:
    """Why `path` cannot be read as a regular file (None when it can be opened)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        return f"cannot read the file: {exc.strerror}"
    return file_kind_problem(mode)


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, refusing anything else and anything over `limit` bytes."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileReadError("file not found") from None
    except IsADirectoryError:
        raise FileReadError("is a directory, not a file") from None
    except OSError as exc:
        raise FileReadError(f"cannot read the file: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        problem = file_kind_problem(info.st_mode)
        if problem:
            raise FileReadError(problem)
        if info.st_size > limit:
            raise FileReadError(f"the file is {info.st_size} bytes; the limit is {limit} bytes")
        try:
            data = handle.read(limit + 1)  # the file may grow after fstat
        except OSError as exc:
            raise FileReadError(f"cannot read the file: {exc.strerror}") from None
    if len(data) > limit:
        raise FileReadError(f"the file is more than {limit} bytes; the limit is {limit} bytes")
    return data


def text_problem(data: bytes) -> str | None:
    """Why `data` (a post from a file or standard input) is not UTF-8 text, None when it is:
    NUL bytes (binary data), or the first byte that is not UTF-8, with its line. A UTF-8
    byte-order mark is allowed (decode with "utf-8-sig"). Never quotes the data."""
    if b"\x00" in data:
        return "looks like binary data (it contains NUL bytes); give UTF-8 text"
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return f"line {line}: not valid UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); re-encode it as UTF-8"
    return None

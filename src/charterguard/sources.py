"""Read posts from files: plain text, Markdown with front matter, JSONL and CSV.

Every reader is a generator: a 1,000,000-row file is read one row at a time, so
memory does not grow with the input. A reader yields `PostRow`s; a row that
cannot be read (bad JSON, invalid UTF-8, missing text, bad date...) becomes a
`PostRow` with `problem` set, naming the file, line and field, and the batch
goes on. Problems that make a whole file unusable (a CSV without the text
column, unreadable file) raise `SourceError` before any row is checked.

Messages never quote the post: post text is private.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any, Literal

import yaml

from .errors import SourceError  # importable from here too
from .files import text_problem

InputFormat = Literal["auto", "text", "markdown", "jsonl", "csv"]
INPUT_FORMATS: tuple[str, ...] = ("auto", "text", "markdown", "jsonl", "csv")
_SUFFIXES = {
    ".md": "markdown", ".markdown": "markdown", ".mdx": "markdown",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
}
# Front matter and JSONL fields that are post context (everything else is ignored).
CONTEXT_FIELDS = ("id", "lang", "channel", "audience", "date")


@dataclass(frozen=True, slots=True)
class PostRow:
    """One post to check and where it came from.

    `first_line`/`first_column` locate the start of `text` in `uri` (SARIF and
    annotations point at file positions); `consumed` is the number of input bytes
    read up to the end of this row (progress and ETA).
    """

    id: Any
    text: str | None
    uri: str
    lang: str | None = None
    channel: str | None = None
    audience: str | None = None
    date: datetime | None = None
    first_line: int = 1
    first_column: int = 1
    consumed: int = 0
    problem: str | None = None  # set when the row cannot be checked: says where and why
    tabular: bool = False  # one row of a JSONL/CSV file: positions are lines, not columns

    def engine_row(self) -> dict[str, Any]:
        """The mapping `Checker.check_many` takes."""
        return {"id": self.id, "text": self.text, "lang": self.lang, "channel": self.channel, "audience": self.audience, "now": self.date}


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """Which CSV columns hold what (`text` is required, the others optional)."""

    text: str = "text"
    id: str | None = None
    channel: str | None = None
    date: str | None = None
    lang: str | None = None
    audience: str | None = None


def detect_format(path: str, fmt: str = "auto") -> str:
    """The reader for `path`: `fmt` unless "auto", else by file suffix (text by default)."""
    if fmt != "auto":
        return fmt
    return _SUFFIXES.get(Path(path).suffix.lower(), "text")


def input_size(paths: Iterable[str]) -> int | None:
    """Total bytes of the inputs (None if one is standard input): the progress bar length."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        try:
            total += os.path.getsize(path)
        except OSError:
            return None
    return total


def read_posts(paths: Iterable[str], fmt: str = "auto", csv_columns: CsvColumns | None = None) -> Iterator[PostRow]:
    """Every post of every input, in order. '-' is standard input."""
    consumed_before = 0
    for path in paths:
        kind = detect_format(path, fmt)
        last = 0
        for row in _read_one(path, kind, csv_columns or CsvColumns()):
            last = row.consumed
            yield _with_consumed(row, consumed_before + row.consumed)
        consumed_before += last


def _with_consumed(row: PostRow, consumed: int) -> PostRow:
    if row.consumed == consumed:
        return row
    return PostRow(**{**_fields(row), "consumed": consumed})


def _fields(row: PostRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in PostRow.__slots__}  # type: ignore[attr-defined]


def _read_one(path: str, kind: str, columns: CsvColumns) -> Iterator[PostRow]:
    uri = "stdin" if path == "-" else Path(path).as_posix()
    stream = _open_binary(path)
    try:
        if kind == "jsonl":
            yield from read_jsonl(stream, uri)
        elif kind == "csv":
            yield from read_csv(stream, uri, columns)
        elif kind in ("text", "markdown"):
            data = stream.read()
            yield read_document(data, uri, markdown=kind == "markdown")
        else:
            raise SourceError(f"{uri}: unknown input format {kind!r}; use one of {', '.join(INPUT_FORMATS)}")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _open_binary(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from None


# -- text and Markdown ---------------------------------------------------------
def read_document(data: bytes, uri: str, *, markdown: bool) -> PostRow:
    """A whole file as one post; Markdown front matter gives id/lang/channel/audience/date."""
    problem = text_problem(data)
    if problem:
        return PostRow(id=uri, text=None, uri=uri, consumed=len(data), problem=f"{uri}: {problem}")
    text = data.decode("utf-8-sig")
    if not markdown:
        return PostRow(id=uri, text=text, uri=uri, consumed=len(data))
    try:
        context, body, first_line = split_front_matter(text, uri)
    except SourceError as exc:
        return PostRow(id=uri, text=None, uri=uri, consumed=len(data), problem=str(exc))
    try:
        values = _context_values(context, uri, "front matter field")
    except SourceError as exc:
        return PostRow(id=uri, text=None, uri=uri, consumed=len(data), problem=str(exc))
    return PostRow(
        id=values.pop("id", None) or uri, text=body, uri=uri, first_line=first_line, consumed=len(data), **values
    )


def split_front_matter(text: str, uri: str) -> tuple[dict[str, Any], str, int]:
    """(front matter mapping, body, 1-based line where the body starts).

    Front matter is a YAML mapping between a first line '---' and the next line
    '---' (or '...'). Without it the whole text is the body.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return {}, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in ("---", "..."):
            block = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            break
    else:
        raise SourceError(f"{uri}:1: front matter starts with '---' but has no closing '---' line")
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{uri}:{mark.line + 2}" if mark is not None else f"{uri}:2"
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise SourceError(f"{where}: invalid front matter: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourceError(f"{uri}:2: invalid front matter: it must be a YAML mapping (key: value lines)")
    return data, body, index + 2


def _context_values(data: dict[str, Any], uri: str, what: str) -> dict[str, Any]:
    """Validated context fields from front matter or a JSONL row (others are ignored)."""
    values: dict[str, Any] = {}
    for name in CONTEXT_FIELDS:
        value = data.get(name)
        if value is None:
            continue
        if name == "date":
            values["date"] = parse_date(value, f"{uri}: {what} `date`")
        elif name == "id":
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                raise SourceError(f"{uri}: {what} `id` must be a string or an integer")
            values["id"] = value
        else:
            if not isinstance(value, str):
                raise SourceError(f"{uri}: {what} `{name}` must be a string, not {type(value).__name__}")
            values[name] = value
    return values


def parse_date(value: Any, where: str) -> datetime:
    """An ISO 8601 date or date-time (naive means UTC): the post's publication moment.

    Time-windowed rules (embargoes, quiet periods) are judged at that moment.
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise SourceError(f"{where}: not an ISO 8601 date (e.g. 2026-03-14 or 2026-03-14T09:30:00+01:00)") from None
    else:
        raise SourceError(f"{where}: must be an ISO 8601 date string")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# -- JSONL -----------------------------------------------------------------------
def read_jsonl(stream: IO[bytes], uri: str) -> Iterator[PostRow]:
    """One post per line: {"id", "text", "lang"?, "channel"?, "audience"?, "date"?}."""
    consumed = 0
    for number, raw in enumerate(stream, 1):
        consumed += len(raw)
        if not raw.strip():
            continue
        yield parse_jsonl_line(raw, number, uri, consumed)


def parse_jsonl_line(raw: bytes, number: int, uri: str, consumed: int = 0) -> PostRow:
    """One JSONL line as a row; shared with the Spark job so both read rows alike."""
    where = f"{uri}:{number}"

    def bad(problem: str, row_id: Any = None) -> PostRow:
        return PostRow(id=row_id if row_id is not None else number, text=None, uri=uri, first_line=number,
                       consumed=consumed, problem=f"{where}: {problem}", tabular=True)

    try:
        row = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return bad(f"not valid UTF-8 (invalid byte at column {exc.start + 1}); re-encode the file as UTF-8")
    except json.JSONDecodeError as exc:
        return bad(f"invalid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(row, dict):
        return bad("a row must be a JSON object")
    row_id = row.get("id", number)
    if "text" not in row:
        return bad("missing field `text`", row_id)
    if not isinstance(row["text"], str):
        return bad(f"field `text` must be a string, not {type(row['text']).__name__}", row_id)
    try:
        values = _context_values({k: v for k, v in row.items() if k != "id"}, where, "field")
    except SourceError as exc:
        return bad(str(exc).removeprefix(f"{where}: "), row_id)
    # JSON positions: the text is a JSON string, so SARIF points at the row's line.
    return PostRow(id=row_id, text=row["text"], uri=uri, first_line=number, consumed=consumed, tabular=True, **values)


# -- CSV -------------------------------------------------------------------------
class _CountingReader(io.RawIOBase):
    """Counts the bytes read from a binary stream (progress on a streaming CSV)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw, self.count = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


class _Lines:
    """The lines of a text stream, noting when the end was reached.

    Python's csv reader (strict=False) closes a quoted field that is still open
    at the end of the file without a word: everything after the opening quote
    becomes one field. A record returned after the end was reached is that case
    (a complete record never needs to read past its own last line)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream, self.at_end = stream, False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.stream.readline()
        if not line:
            self.at_end = True
            raise StopIteration
        return line


def read_csv(stream: IO[bytes], uri: str, columns: CsvColumns) -> Iterator[PostRow]:
    """CSV with a header row (the export format of scheduling tools).

    Invalid UTF-8 is decoded with surrogate escapes so that one bad row is
    reported (with its line) instead of stopping the file.
    """
    counter = _CountingReader(stream)
    text_stream = io.TextIOWrapper(io.BufferedReader(counter), encoding="utf-8-sig", errors="surrogateescape", newline="")
    lines = _Lines(text_stream)
    reader = csv.reader(lines, strict=False)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise SourceError(f"{uri}:1: invalid CSV header: {exc}") from None
    if lines.at_end:
        raise SourceError(f"{uri}:1: a quoted field of the header is never closed (lines 1-{reader.line_num}); close the quote")
    positions = _column_positions(header, columns, uri)
    number = 0
    start_line = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            line = reader.line_num
            yield PostRow(id=f"line {line}", text=None, uri=uri, first_line=line, consumed=counter.count,
                          problem=f"{uri}:{line}: invalid CSV ({exc})", tabular=True)
            start_line = reader.line_num + 1
            continue
        line = start_line
        start_line = reader.line_num + 1
        if lines.at_end:
            yield PostRow(id=f"line {line}", text=None, uri=uri, first_line=line, consumed=counter.count, tabular=True,
                          problem=f"{uri}:{line}: a quoted field opened here is never closed: lines {line}-{reader.line_num}"
                                  " were read into it and not checked; close the quote")
            continue
        if not record or record == [""]:
            continue
        number += 1
        yield _csv_row(record, positions, columns, uri, line, number, counter.count)


def _column_positions(header: list[str], columns: CsvColumns, uri: str) -> dict[str, int]:
    names = [h.strip() for h in header]
    positions: dict[str, int] = {}
    wanted = {"text": columns.text, "id": columns.id, "channel": columns.channel, "date": columns.date,
              "lang": columns.lang, "audience": columns.audience}
    if columns.id is None and "id" in names:
        wanted["id"] = "id"  # an `id` column is used when present, as in JSONL
    for field, column in wanted.items():
        if column is None:
            continue
        if column not in names:
            flag = f"--{field}-column"
            raise SourceError(
                f"{uri}:1: no column {column!r} ({flag}); the header has: {', '.join(repr(n) for n in names)}"
            )
        positions[field] = names.index(column)
    return positions


def _csv_row(record: list[str], positions: dict[str, int], columns: CsvColumns, uri: str, line: int,
             number: int, consumed: int) -> PostRow:
    values: dict[str, Any] = {}
    for field, index in positions.items():
        values[field] = record[index] if index < len(record) else None
    row_id = values.pop("id", None) or number
    if isinstance(row_id, str) and _has_surrogates(row_id):
        row_id = f"line {line}"  # an id that is not valid UTF-8 cannot be written out

    def bad(problem: str) -> PostRow:
        return PostRow(id=row_id, text=None, uri=uri, first_line=line, consumed=consumed, problem=f"{uri}:{line}: {problem}",
                       tabular=True)

    for field, value in values.items():
        if value is not None and _has_surrogates(value):
            return bad(f"column {getattr(columns, field)!r} is not valid UTF-8; re-encode the file as UTF-8")
    text = values.pop("text")
    if text is None:
        return bad(f"the row has {len(record)} fields; column {columns.text!r} is missing")
    context: dict[str, Any] = {}
    for field in ("lang", "channel", "audience"):
        if values.get(field):
            context[field] = values[field]
    if values.get("date"):
        try:
            context["date"] = parse_date(values["date"], f"{uri}:{line}: column {columns.date!r}")
        except SourceError as exc:
            return bad(str(exc).removeprefix(f"{uri}:{line}: "))
    return PostRow(id=row_id, text=text, uri=uri, first_line=line, consumed=consumed, tabular=True, **context)


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


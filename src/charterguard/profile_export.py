"""Read a LinkedIn data export (the zip a member downloads from Settings > Data
privacy > Get a copy of your data) as posts to check, one per text field.

A profile campaign checks what an employee shows publicly: the headline and
summary (Profile.csv), every position's title and description (Positions.csv),
projects (Projects.csv), their posts (Shares.csv) and comments (Comments.csv). Each non-empty field
becomes one `PostRow` whose id names the file, the row and the column
("Positions.csv[2].Description"), so every output format reports findings per
field. The layout follows LinkedIn's documented export columns; some CSVs of
an export start with a "Notes:" preamble, skipped up to the header row.

Only Profile.csv is required (every export has it); LinkedIn leaves out the
files of sections a member never filled. Field values are never quoted in
errors: they are the member's private data until checked.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .sources import PostRow, SourceError, parse_date

CHANNEL = "linkedin"
MAX_MEMBER_BYTES = 200 * 1024 * 1024  # a zip bomb is refused, not inflated


@dataclass(frozen=True, slots=True)
class ExportFile:
    """One CSV of the export and the columns of it that hold checkable text."""

    name: str
    text_columns: tuple[str, ...]
    required: bool = False
    date_column: str | None = None


EXPORT_FILES: tuple[ExportFile, ...] = (
    ExportFile("Profile.csv", ("Headline", "Summary"), required=True),
    ExportFile("Positions.csv", ("Title", "Description")),
    ExportFile("Projects.csv", ("Title", "Description")),
    ExportFile("Shares.csv", ("ShareCommentary",), date_column="Date"),
    ExportFile("Comments.csv", ("Message",), date_column="Date"),  # comments under others' posts are public too
)


def read_linkedin_export(path: str | Path) -> Iterator[PostRow]:
    """Every non-empty text field of the export, file by file, row by row.

    Raises SourceError (before any row is yielded) when the file is not a zip,
    lacks Profile.csv, or a CSV lacks the columns LinkedIn documents.
    """
    uri = Path(path).as_posix()
    members = _open_members(Path(path), uri)
    # Validate every file first, so a broken export fails before any report is written.
    tables = [(spec, _read_table(members[spec.name], spec, uri)) for spec in EXPORT_FILES if spec.name in members]
    for spec, (_header_line, header, records) in tables:
        member_uri = f"{uri}!/{spec.name}"
        for number, (line, record) in enumerate(records, start=1):
            values = dict(zip(header, record))
            date = None
            if spec.date_column and values.get(spec.date_column, "").strip():
                try:
                    date = parse_date(values[spec.date_column].strip().replace(" ", "T"), f"{member_uri}:{line}")
                except SourceError:
                    date = None  # an unreadable date only loses the time window, not the check
            for column in spec.text_columns:
                text = values.get(column, "")
                if text.strip():
                    yield PostRow(id=f"{spec.name}[{number}].{column}", text=text, uri=member_uri, channel=CHANNEL,
                                  date=date, first_line=line, tabular=True)


def _open_members(path: Path, uri: str) -> dict[str, bytes]:
    """The export's known CSVs by name (wherever they sit in the zip), as bytes."""
    if not path.is_file():
        raise SourceError(f"cannot read {uri}: {'is a directory' if path.is_dir() else 'no such file'}")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(f"{uri} is not a LinkedIn data export: not a readable zip file ({exc})") from None
    wanted = {spec.name.lower(): spec.name for spec in EXPORT_FILES}
    found: dict[str, bytes] = {}
    with archive:
        for info in archive.infolist():
            name = wanted.get(PurePosixPath(info.filename).name.lower())
            if name is None or info.is_dir() or name in found:
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                raise SourceError(f"{uri}: {info.filename} is {info.file_size} bytes, more than a LinkedIn export holds; refusing it")
            try:
                found[name] = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                raise SourceError(f"{uri}: cannot extract {info.filename} ({exc})") from None
    missing = [spec.name for spec in EXPORT_FILES if spec.required and spec.name not in found]
    if missing:
        present = ", ".join(sorted(found)) or "none of the expected CSVs"
        raise SourceError(
            f"{uri} is not a LinkedIn data export: {', '.join(missing)} is missing (found: {present}); "
            "download the full archive from LinkedIn's Settings > Data privacy > Get a copy of your data"
        )
    return found


def _read_table(data: bytes, spec: ExportFile, uri: str) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    """(header line, header, [(line, record)]) of one CSV, after any "Notes:" preamble."""
    member_uri = f"{uri}!/{spec.name}"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{member_uri}: not valid UTF-8 (invalid byte at offset {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    header: list[str] | None = None
    header_line = 0
    records: list[tuple[int, list[str]]] = []
    try:
        start = 1
        for record in reader:
            line, start = start, reader.line_num + 1
            if header is None:
                names = [name.strip() for name in record]
                if all(column in names for column in spec.text_columns):
                    header, header_line = names, line
                continue
            if record and record != [""]:
                records.append((line, record))
    except csv.Error as exc:
        raise SourceError(f"{member_uri}:{reader.line_num}: invalid CSV ({exc})") from None
    if header is None:
        raise SourceError(
            f"{member_uri}: no header row with the columns {', '.join(repr(c) for c in spec.text_columns)} "
            "(LinkedIn's export layout); is this file from a LinkedIn data export?"
        )
    return header_line, header, records

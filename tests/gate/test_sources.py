"""Readers: Markdown front matter, CSV columns, JSONL rows, and clear errors for bad input."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from charterguard.sources import (
    CsvColumns,
    SourceError,
    read_csv,
    read_document,
    read_jsonl,
    read_posts,
)

from .conftest import GATE_CHARTER, write_jsonl


def test_markdown_front_matter_gives_context_and_body_position() -> None:
    data = "---\nid: launch\nchannel: linkedin\nlang: fr\naudience: public\ndate: 2026-03-14\ntitle: ignored\n---\nBonjour Colibri\n"
    row = read_document(data.encode(), "posts/launch.md", markdown=True)
    assert row.problem is None
    assert (row.id, row.channel, row.lang, row.audience) == ("launch", "linkedin", "fr", "public")
    assert row.date == datetime(2026, 3, 14, tzinfo=UTC)
    assert row.text == "Bonjour Colibri\n"
    assert row.first_line == 9  # the body starts on the line after the closing '---'


def test_markdown_without_front_matter_is_all_body() -> None:
    row = read_document(b"# Titre\n\nTexte", "a.md", markdown=True)
    assert (row.text, row.first_line, row.id) == ("# Titre\n\nTexte", 1, "a.md")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\nchannel: [x\n---\nbody", "a.md:3: invalid front matter"),
        ("---\nchannel: linkedin\nbody without end", "a.md:1: front matter starts with '---' but has no closing"),
        ("---\n- a list\n---\nbody", "a.md:2: invalid front matter: it must be a YAML mapping"),
        ("---\nchannel: 3\n---\nbody", "a.md: front matter field `channel` must be a string"),
        ("---\ndate: yesterday\n---\nbody", "a.md: front matter field `date`: not an ISO 8601 date"),
    ],
)
def test_bad_front_matter_names_file_line_and_field(text: str, expected: str) -> None:
    row = read_document(text.encode(), "a.md", markdown=True)
    assert row.text is None
    assert row.problem is not None and row.problem.startswith(expected), row.problem


def test_invalid_utf8_and_binary_documents_are_rows_with_problems() -> None:
    bad = read_document(b"ligne 1\nligne \xff 2", "p.txt", markdown=False)
    assert bad.problem == "p.txt: line 2: not valid UTF-8 (invalid byte 0xff at offset 14); re-encode it as UTF-8"
    binary = read_document(b"\x00\x01\x02", "p.txt", markdown=False)
    assert "binary" in (binary.problem or "")


def test_csv_columns_chosen_by_flags_with_multiline_fields_and_line_numbers() -> None:
    data = (
        b"post_id,message,network,published\n"
        b'1,"Le projet Colibri\nsur deux lignes",linkedin,2026-01-02\n'
        b"2,Merci,x,\n"
        b"3,Hello,x,hier\n"
    )
    columns = CsvColumns(text="message", id="post_id", channel="network", date="published")
    rows = list(read_csv(io.BytesIO(data), "export.csv", columns))
    assert [r.id for r in rows] == ["1", "2", "3"]
    assert [r.first_line for r in rows] == [2, 4, 5]
    assert rows[0].text == "Le projet Colibri\nsur deux lignes" and rows[0].channel == "linkedin"
    assert rows[0].date == datetime(2026, 1, 2, tzinfo=UTC)
    assert rows[1].date is None and rows[1].problem is None
    assert rows[2].problem == (
        "export.csv:5: column 'published': not an ISO 8601 date (e.g. 2026-03-14 or 2026-03-14T09:30:00+01:00)"
    )


def test_csv_missing_column_is_an_error_naming_the_flag_and_the_header() -> None:
    with pytest.raises(SourceError) as info:
        list(read_csv(io.BytesIO(b"a,b\n1,2\n"), "export.csv", CsvColumns(text="message")))
    assert str(info.value) == "export.csv:1: no column 'message' (--text-column); the header has: 'a', 'b'"


def test_csv_invalid_utf8_and_short_rows_are_reported_per_row() -> None:
    data = b"id,text\n1,ok\n2,caf\xe9\n3\n4,fin\n"
    rows = list(read_csv(io.BytesIO(data), "e.csv", CsvColumns()))
    assert [r.problem for r in rows] == [
        None,
        "e.csv:3: column 'text' is not valid UTF-8; re-encode the file as UTF-8",
        "e.csv:4: the row has 1 fields; column 'text' is missing",
        None,
    ]
    assert rows[3].text == "fin"


def test_jsonl_bad_rows_name_file_line_and_field() -> None:
    data = b'{"id": 1, "text": "ok"}\n\nnot json\n{"id": 2}\n{"id": 3, "text": 5}\n{"id": 4, "text": "x", "channel": 7}\n\xff\n'
    rows = list(read_jsonl(io.BytesIO(data), "in.jsonl"))
    assert rows[0].problem is None and rows[0].first_line == 1
    assert [r.problem for r in rows[1:]] == [
        "in.jsonl:3: invalid JSON (Expecting value at column 1)",
        "in.jsonl:4: missing field `text`",
        "in.jsonl:5: field `text` must be a string, not int",
        "in.jsonl:6: field `channel` must be a string, not int",
        "in.jsonl:7: not valid UTF-8 (invalid byte at column 1); re-encode the file as UTF-8",
    ]
    assert [r.id for r in rows] == [1, 3, 2, 3, 4, 7]


def test_read_posts_counts_consumed_bytes_across_files(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [{"id": 1, "text": "a"}, {"id": 2, "text": "b"}])
    second = tmp_path / "b.md"
    second.write_text("hello", encoding="utf-8")
    rows = list(read_posts([str(first), str(second)]))
    total = first.stat().st_size + second.stat().st_size
    assert [r.consumed for r in rows][-1] == total
    assert [r.consumed for r in rows] == sorted(r.consumed for r in rows)


def test_cli_check_markdown_front_matter_is_honoured(cli, tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("---\nchannel: x\nlang: en\nid: p1\n---\nOur révolutionnaire launch\n", encoding="utf-8")
    result = cli("check", "--file", str(post), "-c", GATE_CHARTER, "--format", "json", "--lang", "fr")
    report = result.json()
    assert result.exit_code == 0  # a warn finding is below the default --fail-on block
    assert report["id"] == "p1" and report["language"] == "en"  # front matter wins over --lang
    assert [f["rule"] for f in report["findings"]] == ["tone.hype"]


def test_cli_bad_input_never_crashes(cli, tmp_path: Path) -> None:
    post = tmp_path / "bad.md"
    post.write_bytes(b"---\nchannel: [\n---\nbody")
    result = cli("check", "--file", str(post), "-c", GATE_CHARTER)
    assert result.exit_code == 2
    assert "bad.md:3: invalid front matter" in result.stderr
    missing = cli("batch", str(tmp_path / "nope.jsonl"), "-c", GATE_CHARTER)
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    csv_file = tmp_path / "e.csv"
    csv_file.write_text("a,b\n1,2\n", encoding="utf-8")
    no_column = cli("batch", str(csv_file), "-c", GATE_CHARTER, "--text-column", "message", "-j", "1")
    assert no_column.exit_code == 2
    assert "e.csv:1: no column 'message' (--text-column)" in no_column.stderr

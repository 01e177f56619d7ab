"""Hostile post files: no row is ever skipped silently, no reader raises anything but SourceError."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from charterguard.sources import CsvColumns, SourceError, read_csv, read_posts

from .conftest import GATE_CHARTER


def csv_rows(data: bytes) -> list:
    return list(read_csv(io.BytesIO(data), "posts.csv", CsvColumns()))


def test_an_unterminated_quote_is_reported_with_the_lines_it_swallowed() -> None:
    rows = csv_rows(b'id,text\n1,Bonjour\n2,"Colibri arrive\n3,Bonjour\n4,Bonsoir\n')
    assert [r.id for r in rows if r.problem is None] == ["1"]
    [bad] = [r for r in rows if r.problem]
    assert bad.first_line == 3 and bad.text is None
    assert "posts.csv:3" in bad.problem and "never closed" in bad.problem and "lines 3-5" in bad.problem
    assert "Colibri" not in bad.problem  # never quote the post


def test_an_unterminated_quote_in_the_header_is_a_file_error() -> None:
    with pytest.raises(SourceError, match="posts.csv:1: .*never closed"):
        csv_rows(b'id,"text\n1,Bonjour\n2,Bonsoir\n')


@pytest.mark.parametrize("last", [b"4,Bonsoir", b"4,Bonsoir\n", b'4,"Bon\nsoir"', b'4,"Bon\nsoir"\n'])
def test_a_well_formed_last_row_is_read_with_or_without_a_final_newline(last: bytes) -> None:
    rows = csv_rows(b"id,text\n1,Bonjour\n" + last)
    assert [(r.id, r.problem) for r in rows] == [("1", None), ("4", None)]


def test_batch_exits_2_and_counts_the_unchecked_row(tmp_path: Path, cli) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(b'id,text\n1,Bonjour\n2,"Colibri arrive\n3,Bonjour\n4,Bonsoir\n')
    result = cli("batch", str(path), "--charter", GATE_CHARTER)
    assert result.exit_code == 2
    assert "never closed" in result.stdout + result.stderr


def test_rows_after_a_well_formed_file_are_all_read(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(b'id,text\n1,"a ""quoted"" word"\n2,"two\nlines"\n3,plain\n')
    assert [(r.id, r.problem) for r in read_posts([str(path)])] == [("1", None), ("2", None), ("3", None)]


@pytest.mark.parametrize("command", ["check", "batch"])
def test_a_device_or_fifo_given_as_input_is_named_as_such(tmp_path: Path, cli, command: str) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.jsonl")
    for path, kind in (("/dev/zero", "device"), (str(tmp_path / "pipe.jsonl"), "FIFO"), (str(tmp_path), "directory"), (str(tmp_path / "nope.txt"), "no such file")):
        args = ["check", "--file", path] if command == "check" else ["batch", path]
        result = cli(*args, "--charter", GATE_CHARTER)
        assert result.exit_code == 2 and kind in result.stderr, (path, result.stderr)

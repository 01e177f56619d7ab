"""Properties that hold for any input (hypothesis, fixed seed, bounded examples: run in CI).

- The charter loader either loads a charter or raises CharterError: never anything else.
- The source readers (CSV, JSONL, Markdown) yield rows or raise SourceError, and never
  lose a row: every non-blank input line is a post, a problem row, or inside one.
- Checker.check answers a report for any text (or InputError), whose spans lie
  inside the text and whose verdict is the most severe finding's.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import codename_charter
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from charterguard import Charter
from charterguard.errors import CharterError, InputError
from charterguard.sources import (
    CsvColumns,
    SourceError,
    read_csv,
    read_document,
    read_jsonl,
)

PROPERTY = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

VALID = """name: p
rules:
  - id: confidential.codenames
    kind: terms
    category: confidential
    severity: block
    clause: "2.1"
    terms: [Colibri]
    message: "{match} est interne"
    when: {active_from: 2026-01-01}
    examples: {flag: [Colibri], pass: [Bonjour]}
"""

# YAML-ish pieces: structure characters, scalars, dates, tags, anchors, control characters.
PIECES = st.sampled_from(
    [":", " ", "\n", "  ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!binary ", "!!str ", "<<: ", '"', "'", "#",
     "2026-13-01", "2026-02-30", "1e999", "0x", "~", "null", "true", "\x00", "\x07", "\t", "é", "\ufeff", "{match:>9999}",
     "name", "rules", "extends", "kind", "terms", "when", "active_from", "message", "/etc/passwd", "../x.yaml", "default"]
)  # fmt: skip


def _load(tmp_path: Path, text: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        Charter.load(path)
    except CharterError:
        pass


@seed(15)
@PROPERTY
@given(st.lists(PIECES, max_size=40))
def test_the_loader_loads_or_raises_charter_error_for_yaml_like_input(tmp_path_factory: pytest.TempPathFactory, pieces: list[str]) -> None:
    _load(tmp_path_factory.mktemp("c"), "".join(pieces))


@seed(15)
@PROPERTY
@given(st.integers(0, len(VALID)), st.text(max_size=20))
def test_the_loader_survives_any_edit_of_a_valid_charter(tmp_path_factory: pytest.TempPathFactory, at: int, inserted: str) -> None:
    _load(tmp_path_factory.mktemp("c"), VALID[:at] + inserted + VALID[at:])


# -- readers --------------------------------------------------------------------------

CSV_PIECES = st.sampled_from(["id", "text", ",", '"', '""', "\n", "\r\n", "\r", "a", "Colibri", " ", "\x00", "é", "\xff"])


@seed(15)
@PROPERTY
@given(st.lists(CSV_PIECES, max_size=60))
def test_csv_never_loses_rows_silently(pieces: list[str]) -> None:
    import csv

    data = ("id,text\n" + "".join(pieces)).encode("utf-8", errors="surrogateescape")
    try:
        rows = list(read_csv(io.BytesIO(data), "p.csv", CsvColumns()))
    except SourceError:
        return
    for row in rows:
        assert (row.text is None) == (row.problem is not None)
        assert row.problem is None or row.problem.startswith("p.csv:")
    # Oracle: the strict csv parser says whether a quote is still open at the end of the file;
    # then the rows after it were swallowed, and a problem row must say so.
    try:
        list(csv.reader(io.StringIO(data.decode("utf-8", errors="surrogateescape"), newline=""), strict=True))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            assert any(row.problem and "never closed" in row.problem for row in rows)


@seed(15)
@PROPERTY
@given(st.lists(st.one_of(st.binary(max_size=30), st.builds(lambda d: json.dumps(d).encode(), st.dictionaries(st.sampled_from(["id", "text", "lang", "date", "channel"]), st.one_of(st.text(max_size=10), st.integers(), st.none())))), max_size=20))
def test_jsonl_turns_every_non_blank_line_into_one_row(lines: list[bytes]) -> None:
    flat = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
    data = b"\n".join(flat) + b"\n"
    rows = list(read_jsonl(io.BytesIO(data), "p.jsonl"))
    assert len(rows) == sum(1 for line in data.split(b"\n") if line.strip())
    for row in rows:
        assert (row.text is None) == (row.problem is not None)


@seed(15)
@PROPERTY
@given(st.binary(max_size=200), st.booleans())
def test_markdown_and_text_always_give_one_row(data: bytes, front_matter: bool) -> None:
    if front_matter:
        data = b"---\n" + data
    row = read_document(data, "p.md", markdown=True)
    assert (row.text is None) == (row.problem is not None)


# -- Checker.check ----------------------------------------------------------------------

CHECKER = codename_charter("Colibri", "Orion-7")
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.lists(
    st.sampled_from(["Colibri", "Orion-7", " ", "\n", "é", "\u200b", "\u0301", "C\u200bolibri", "🦜", "\x00", "colibri", "ORION-7"]), max_size=40
).map("".join)


@seed(15)
@PROPERTY
@given(TEXT, st.sampled_from(["fr", "en", None]))
def test_check_answers_any_text_with_spans_inside_it(text: str, lang: str | None) -> None:
    try:
        report = CHECKER.check(text, lang=lang)
    except InputError:
        assert "\x00" in text or len(text) > 50_000
        return
    ranks = {"pass": 0, "info": 0, "warn": 1, "block": 2}
    assert ranks[report.verdict] == max([ranks[f.severity] for f in report.findings], default=0)
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text


def test_the_checker_used_by_the_properties_flags_its_terms() -> None:
    assert CHECKER.check("Le projet Colibri", lang="fr").verdict == "block"

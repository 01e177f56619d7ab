"""`charterguard check` and `charterguard batch`: the pre-publication gate and audits.

Both commands read posts (text, Markdown with front matter, JSONL, CSV), check
them on every core when there are many (`charterguard.parallel`), apply a
waiver file, and write one of: text, json, jsonl, sarif, junit, github; plus an
optional summary (JSON numbers and a self-contained HTML page).

Exit codes (DESIGN.md): 0 pass or below --fail-on; 1 a verdict at or above
--fail-on; 2 usage, charter or input error (including a post that could not be
checked). Post text never goes to standard error.
"""

from __future__ import annotations

import dataclasses
import glob
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import click

from ..files import regular_file_problem
from ..report import VERDICT_RANK
from .common import (
    EXIT_ERROR,
    EXIT_FAILED,
    EXIT_OK,
    charter_option,
    decode_post,
    fail,
    load_charter,
    reports_errors,
    use_color,
)

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github")
BATCH_FORMATS = ("jsonl", "json", "sarif", "junit", "github", "text")
GLOB_CHARS = frozenset("*?[")


def fail_on_option(function: Any) -> Any:
    return click.option(
        "--fail-on", type=click.Choice(["warn", "block", "never"]), default="block", show_default=True,
        help="Exit with code 1 when the verdict is at or above this level.",
    )(function)


def _fails(verdict: str, fail_on: str) -> bool:
    return fail_on != "never" and VERDICT_RANK[verdict] >= VERDICT_RANK[fail_on]


def gate_options(function: Any) -> Any:
    """Options shared by `check` and `batch`: input format, CSV columns, waivers, workers, summary."""
    from ..sources import INPUT_FORMATS

    options = [
        click.option("--input-format", "input_format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                     help="How to read inputs; auto: by suffix (.md Markdown, .jsonl JSONL, .csv CSV, else text)."),
        click.option("--text-column", default="text", show_default=True, help="CSV: the column holding the post text."),
        click.option("--id-column", help="CSV: the column holding the post id (default: 'id' if present, else the row number)."),
        click.option("--channel-column", help="CSV: the column holding the channel (linkedin, x...)."),
        click.option("--date-column", help="CSV: the column holding the publication date (ISO 8601); time-windowed rules are judged at it."),
        click.option("--lang-column", help="CSV: the column holding the language (fr, en)."),
        click.option("--audience-column", help="CSV: the column holding the audience (public, internal)."),
        click.option("--waivers", "waivers_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="A YAML waiver file: accepted findings (rule + fingerprint, reason, author, expiry)."),
        click.option("--workers", "-j", type=click.IntRange(min=0), default=None,
                     help="Worker processes (default: every core for batches; 0 means every core)."),
        click.option("--summary-json", type=click.Path(dir_okay=False, path_type=Path), help="Write the summary numbers (JSON) here."),
        click.option("--summary-html", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write a self-contained HTML summary (charts, same numbers as --summary-json) here."),
        click.option("--progress/--no-progress", default=None, help="Show progress and ETA (default: on a terminal)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


# -- check -----------------------------------------------------------------------
@click.command()
@click.argument("text", nargs=-1)
@click.option("--file", "-f", "files", multiple=True, help="Read posts from files (repeatable; globs allowed). "
              "Arguments after --file are files too, so `--file posts/*.md` works.")
@click.option("--files", "args_are_files", is_flag=True,
              help="Every argument is a file to check (pre-commit and xargs pass file names this way).")
@click.option("--linkedin-export", "linkedin_export", type=click.Path(dir_okay=False, path_type=Path), metavar="ZIP",
              help="Audit a LinkedIn data export (the member's zip): headline, summary, positions, projects, posts and comments, "
                   "one report per field.")
@charter_option
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), help="The post's language (detected when omitted).")
@click.option("--channel", help="Where it will be published: linkedin, x, facebook, internal...")
@click.option("--audience", type=click.Choice(["public", "internal"]), help="Who will read it.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=Path("-"),
              show_default=True, help="Where to write the report.")
@fail_on_option
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when writing to a terminal).")
@gate_options
@reports_errors
def check(text: tuple[str, ...], files: tuple[str, ...], args_are_files: bool, linkedin_export: Path | None, charter_ref: str,
          lang: str | None, channel: str | None, audience: str | None, fmt: str, output: Path, fail_on: str, color: bool | None,
          **gate: Any) -> None:
    """Check posts: TEXT, '-' for standard input, or --file F [F...].

    Markdown front matter (lang, channel, audience, id, date) is honoured and wins
    over --lang/--channel/--audience, which are defaults for posts that do not
    say. Exit code: 0 pass (or below --fail-on), 1 a verdict at or above
    --fail-on, 2 usage, charter or input error.
    """
    from ..sources import PostRow, detect_format, read_posts

    if linkedin_export is not None:
        _check_linkedin_export(linkedin_export, bool(text or files or args_are_files), charter_ref, lang, channel, audience,
                               fmt, output, fail_on, color, gate)
    if args_are_files and not text and not files:
        sys.exit(EXIT_OK)  # pre-commit with no matching changed file: nothing to check
    paths = _paths(text, files, args_are_files)
    if paths is None:
        body = text[0] if text else "-"
        if body == "-":
            if not text and sys.stdin.isatty():
                fail("no post given: pass TEXT, '-' to read standard input, or --file")
            if gate["input_format"] in ("jsonl", "csv", "markdown"):
                paths = ["-"]
            else:
                post = decode_post(sys.stdin.buffer.read(), "standard input")
                rows: Iterable[Any] = [PostRow(id=None, text=post, uri="stdin")]
        else:
            rows = [PostRow(id=None, text=body, uri="post")]
    if paths is not None:
        rows = read_posts(paths, gate["input_format"], _csv_columns(gate))
        many = len(paths) > 1 or any(detect_format(p, gate["input_format"]) in ("jsonl", "csv") for p in paths)
    else:
        many = False
    workers = gate["workers"] if gate["workers"] is not None else (0 if many else 1)
    sizes = paths if paths is not None else None
    _run(rows, sizes, charter_ref, fmt, output, fail_on, color, workers, gate,
         defaults={"lang": lang, "channel": channel, "audience": audience}, single_object=not many)


def _check_linkedin_export(export: Path, other_input: bool, charter_ref: str, lang: str | None, channel: str | None,
                           audience: str | None, fmt: str, output: Path, fail_on: str, color: bool | None, gate: dict[str, Any]) -> None:
    """One report per text field of a LinkedIn data export (see profile_export.py)."""
    from ..profile_export import read_linkedin_export

    if other_input:
        fail("--linkedin-export checks the export alone: drop TEXT / --file")
    rows = list(read_linkedin_export(export))  # reads and validates the whole zip before any report is written
    workers = gate["workers"] if gate["workers"] is not None else 1
    _run(rows, None, charter_ref, fmt, output, fail_on, color, workers, gate,
         defaults={"lang": lang, "channel": channel, "audience": audience}, single_object=False, always_summary=True)


def _paths(text: tuple[str, ...], files: tuple[str, ...], args_are_files: bool = False) -> list[str] | None:
    """Input files, or None when the post is TEXT / standard input."""
    if files or args_are_files:
        paths: list[str] = []
        for pattern in (*files, *text):
            if pattern != "-" and any(c in GLOB_CHARS for c in pattern) and not Path(pattern).exists():
                matches = sorted(glob.glob(pattern, recursive=True))
                if not matches:
                    fail(f"no file matches {pattern!r}")
                paths.extend(matches)
            else:
                paths.append(pattern)
        for path in paths:
            problem = regular_file_problem(path) if path != "-" else None
            if problem:
                fail(f"cannot read {path}: {problem}")
        return paths
    if len(text) > 1:
        fail("give the post as one TEXT argument (quote it), or check files with --file F [F...]")
    return None


# -- batch -----------------------------------------------------------------------
@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=Path("-"),
              show_default=True, help="Where to write the reports (JSONL: one report per line, in input order).")
@charter_option
@click.option("--format", "fmt", type=click.Choice(BATCH_FORMATS), default="jsonl", show_default=True)
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), help="Default language for rows that give none.")
@click.option("--channel", help="Default channel for rows that give none.")
@click.option("--audience", type=click.Choice(["public", "internal"]), help="Default audience for rows that give none.")
@fail_on_option
@gate_options
@reports_errors
def batch(sources: tuple[str, ...], output: Path, charter_ref: str, fmt: str, lang: str | None, channel: str | None,
          audience: str | None, fail_on: str, **gate: Any) -> None:
    """Check every post of JSONL/CSV/Markdown/text files, one report per post, in input order.

    JSONL rows: {"id", "text", "lang"?, "channel"?, "audience"?, "date"?}. A row
    that cannot be checked gets an error row (schema charterguard.error/1) naming
    file, line and field, and the batch goes on. Uses every core by default.
    Exit code: 1 if any verdict is at or above --fail-on, 2 if any row could not
    be checked.
    """
    from ..sources import read_posts

    for source in sources:
        problem = regular_file_problem(source) if source != "-" else None
        if problem:
            fail(f"cannot read {source}: {problem}")
    rows = read_posts(list(sources), gate["input_format"], _csv_columns(gate))
    workers = gate["workers"] if gate["workers"] is not None else 0
    _run(rows, list(sources), charter_ref, fmt, output, fail_on, None, workers, gate,
         defaults={"lang": lang, "channel": channel, "audience": audience}, single_object=False, always_summary=True)


def _csv_columns(gate: dict[str, Any]) -> Any:
    from ..sources import CsvColumns

    return CsvColumns(text=gate["text_column"], id=gate["id_column"], channel=gate["channel_column"],
                      date=gate["date_column"], lang=gate["lang_column"], audience=gate["audience_column"])


# -- the run ---------------------------------------------------------------------
def _run(rows: Iterable[Any], paths: list[str] | None, charter_ref: str, fmt: str, output: Path, fail_on: str,
         color: bool | None, workers: int, gate: dict[str, Any], *, defaults: dict[str, str | None],
         single_object: bool, always_summary: bool = False) -> None:
    from ..parallel import GateConfig, check_rows, default_workers
    from ..render.summary import SummaryCollector
    from ..sources import input_size
    from ..waivers import WaiverLedger, WaiverSet

    charter = load_charter(charter_ref)
    waivers = WaiverSet.load(gate["waivers_file"]) if gate["waivers_file"] else None
    ledger = WaiverLedger(waivers) if waivers is not None else None
    config = GateConfig(charter_ref=charter_ref, waivers=waivers)
    rows = _with_defaults(rows, defaults)
    n_workers = workers or default_workers()
    summary = SummaryCollector(charter={"name": charter.name, "version": charter.version, "sha256": charter.sha256})
    counts = {"posts": 0, "failed": 0, "errors": 0}
    total = input_size(paths) if paths else None
    show = gate["progress"] if gate["progress"] is not None else (sys.stderr.isatty() and total is not None)

    out: IO[str] = sys.stdout if str(output) == "-" else _open_output(output)
    bar: Any  # click's ProgressBar, generic in a way mypy cannot infer from `length=`
    try:
        with click.progressbar(length=total or 1, label="Checking", file=sys.stderr, hidden=not show,
                               show_eta=True, show_percent=True, item_show_func=lambda _x: f"{counts['posts']:,} posts") as bar:

            def processed() -> Iterator[tuple[Any, Any, dict[str, Any]]]:
                done = 0
                for row, outcome in check_rows(rows, config, n_workers, charter=charter):
                    data = outcome.to_dict()
                    counts["posts"] += 1
                    if "error" in data:
                        counts["errors"] += 1
                    elif _fails(data["verdict"], fail_on):
                        counts["failed"] += 1
                    summary.add(data, row.channel)
                    if ledger is not None:
                        ledger.record(data)
                    if row.consumed > done:
                        bar.update(row.consumed - done)
                        done = row.consumed
                    yield row, outcome, data

            _emit(fmt, processed(), out, charter, fail_on, color, single_object, ledger, summary, gate)
    finally:
        if out is not sys.stdout:
            out.close()
    numbers = summary.numbers(ledger.to_dict() if ledger else None)
    _write_summaries(numbers, gate)
    if ledger is not None:
        for message in ledger.messages():
            click.echo(f"charterguard: warning: {message}", err=True)
    if always_summary or counts["posts"] != 1 or ledger is not None:
        waived = f", {numbers['waivers']['waived_findings']} finding(s) waived" if ledger is not None or always_summary else ""
        click.echo(f"{counts['posts']} posts, {counts['failed']} at or above {fail_on}, {counts['errors']} not checked{waived}", err=True)
    if counts["errors"]:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FAILED if counts["failed"] else EXIT_OK)


def _with_defaults(rows: Iterable[Any], defaults: dict[str, str | None]) -> Iterator[Any]:
    """Rows with the command-line context filled in where the row says nothing."""
    wanted = {k: v for k, v in defaults.items() if v is not None}
    for row in rows:
        missing = {k: v for k, v in wanted.items() if getattr(row, k) is None}
        yield dataclasses.replace(row, **missing) if missing else row


def _open_output(path: Path) -> IO[str]:
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror}")


def _write_summaries(numbers: dict[str, Any], gate: dict[str, Any]) -> None:
    from ..render.summary import render_html

    if gate["summary_json"]:
        Path(gate["summary_json"]).write_text(json.dumps(numbers, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if gate["summary_html"]:
        Path(gate["summary_html"]).write_text(render_html(numbers), encoding="utf-8")


def _document(row: Any, outcome: Any) -> Any:
    from ..render.sarif import CheckedDocument

    return CheckedDocument(row.uri, row.text, outcome.report, row.first_line, row.first_column, tuple(outcome.waived),
                           line_only=row.tabular)


def _emit(fmt: str, items: Iterator[tuple[Any, Any, dict[str, Any]]], out: IO[str], charter: Any, fail_on: str,
          color: bool | None, single_object: bool, ledger: Any, summary: Any, gate: dict[str, Any]) -> None:
    """Write `items` in format `fmt`, streaming where the format allows."""
    emitters: dict[str, Callable[..., None]] = {
        "text": _emit_text, "json": _emit_json, "jsonl": _emit_jsonl, "sarif": _emit_sarif,
        "junit": _emit_junit, "github": _emit_github,
    }
    emitters[fmt](items, out=out, charter=charter, fail_on=fail_on, color=color, single_object=single_object,
                  ledger=ledger, summary=summary, gate=gate)


def _emit_jsonl(items: Iterator[Any], out: IO[str], **_: Any) -> None:
    for _row, _outcome, data in items:
        out.write(json.dumps(data, ensure_ascii=False) + "\n")


def _emit_json(items: Iterator[Any], out: IO[str], single_object: bool, **_: Any) -> None:
    """One post: the report object (as before); several: a JSON array, streamed."""
    first: dict[str, Any] | None = None
    count = 0
    for _row, _outcome, data in items:
        count += 1
        if count == 1:
            first = data
            continue
        if count == 2:
            out.write("[\n" + json.dumps(first, ensure_ascii=False, indent=2))
        out.write(",\n" + json.dumps(data, ensure_ascii=False, indent=2))
    if count >= 2:
        out.write("\n]\n")
    elif count == 1 and single_object:
        out.write(json.dumps(first, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(("[\n" + json.dumps(first, ensure_ascii=False, indent=2) + "\n]\n") if first else "[]\n")


def _emit_text(items: Iterator[Any], out: IO[str], color: bool | None, single_object: bool, **_: Any) -> None:
    from ..render.text import render_text

    colored = use_color(color, out)
    for index, (row, outcome, data) in enumerate(items):
        if "error" in data:
            click.echo(f"charterguard: error: {data['error']['message']}", err=True)
            continue
        if not single_object and not outcome.report.findings and not outcome.waived:
            continue  # many posts: show only the ones with something to say (the summary line counts the rest)
        if not single_object:
            label = row.uri if row.id in (None, row.uri) else f"{row.uri} [{row.id}]"
            heading = f"== {label}"
            out.write(("\n" if index else "") + (click.style(heading, bold=True) if colored else heading) + "\n")
        out.write(render_text(outcome.report, row.text, color=colored) + "\n")
        for finding, waiver in outcome.waived:
            out.write(f"  waived: {finding.rule} (by {waiver.author} until {waiver.expires.isoformat()}: {waiver.reason})\n")


def _emit_sarif(items: Iterator[Any], out: IO[str], charter: Any, ledger: Any, summary: Any, **_: Any) -> None:
    from ..render.sarif import notification, write_sarif

    notifications: list[dict[str, Any]] = []

    def documents() -> Iterator[Any]:
        for row, outcome, data in items:
            if "error" in data:
                notifications.append(notification(data["error"]["message"], "error", row.uri, row.first_line))
            else:
                yield _document(row, outcome)
        if ledger is not None:
            for message in ledger.messages():
                notifications.append(notification(message, "warning"))

    def properties() -> dict[str, Any]:
        numbers = summary.numbers(ledger.to_dict() if ledger else None)
        return {"summary": {k: numbers[k] for k in ("posts", "checked", "not_checked", "verdicts", "findings")},
                "waivers": numbers["waivers"]}

    write_sarif(out, documents(), charter, notifications=notifications, properties=properties)


def _emit_junit(items: Iterator[Any], out: IO[str], fail_on: str, charter: Any, summary: Any, ledger: Any, **_: Any) -> None:
    from ..render.junit import JUnitWriter

    writer = JUnitWriter(out, fail_on)
    for row, _outcome, data in items:
        writer.add(row.uri, row.first_line, data)
    writer.close({"charter": f"{charter.name} {charter.version}", "charter.sha256": charter.sha256,
                  "waived_findings": str(summary.waived)})


def _emit_github(items: Iterator[Any], out: IO[str], ledger: Any, gate: dict[str, Any], **_: Any) -> None:
    from ..render.github import annotation, post_annotations

    for row, outcome, data in items:
        document = _document(row, outcome) if "error" not in data else None
        for line in post_annotations(document, data, row.uri, row.first_line):
            out.write(line + "\n")
    if ledger is not None:
        waiver_file = str(gate["waivers_file"])
        for message in ledger.messages():
            location, _sep, text = message.partition(": ")
            file, _colon, line = location.rpartition(":")
            out.write(annotation("warning", text, file or waiver_file, "charterguard waiver",
                                 int(line) if line.isdigit() else None) + "\n")

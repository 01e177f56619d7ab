"""`charterguard check` and `charterguard batch`: the pre-publication gate and audits.

Both commands read posts (text, Markdown with front matter, JSONL, CSV), check
them on every core when there are many (`charterguard.parallel`), apply a
waiver file, and write them with one renderer of `render.formats.RENDERERS`; plus an
optional summary (JSON numbers and a self-contained HTML page).

Exit codes (README, "Outputs and exit codes"): 0 pass or below --fail-on; 1 a verdict at or above
--fail-on; 2 usage, charter or input error (including a post that could not be
checked). Post text never goes to standard error.
"""

from __future__ import annotations

import dataclasses
import functools
import glob
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click

from ..files import regular_file_problem
from ..render.base import RenderOptions, RunContext
from ..render.formats import RENDERERS
from ..report import VERDICT_RANK
from ..sources import INPUT_FORMATS, CsvColumns, PostRow
from ..vocabulary import LANGUAGES
from .common import (
    EXIT_ERROR,
    EXIT_FAILED,
    EXIT_OK,
    charter_option,
    decode_post,
    fail,
    load_charter,
    reports_errors,
)

FORMATS = tuple(RENDERERS)
BATCH_FORMATS = ("jsonl", *(name for name in RENDERERS if name != "jsonl"))  # JSONL first: the batch default
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class GateOptions:
    """The options `check` and `batch` share (see `gate_options`)."""

    input_format: str = "auto"
    columns: CsvColumns = CsvColumns()
    waivers_file: Path | None = None
    workers: int | None = None  # None: the command's default; 0: every core
    summary_json: Path | None = None
    summary_html: Path | None = None
    progress: bool | None = None  # None: when standard error is a terminal


@dataclass(frozen=True, slots=True)
class PostDefaults:
    """--lang/--channel/--audience: the context of posts that do not give their own."""

    lang: str | None = None
    channel: str | None = None
    audience: str | None = None


@dataclass(frozen=True, slots=True)
class RunOptions:
    """One run of `check` or `batch`: what to check with, where and how to write it."""

    charter_ref: str
    fmt: str
    output: Path
    render: RenderOptions
    gate: GateOptions
    workers: int  # 0: every core
    defaults: PostDefaults
    paths: list[str] | None = None  # the input files, for progress by bytes read
    always_summary: bool = False  # print the summary line even for one post


def fail_on_option(function: Any) -> Any:
    return click.option(
        "--fail-on", type=click.Choice(["warn", "block", "never"]), default="block", show_default=True,
        help="Exit with code 1 when the verdict is at or above this level.",
    )(function)


def _fails(verdict: str, fail_on: str) -> bool:
    return fail_on != "never" and VERDICT_RANK[verdict] >= VERDICT_RANK[fail_on]


def gate_options(function: Any) -> Any:
    """Options shared by `check` and `batch`: input format, CSV columns, waivers, workers, summary.
    The command receives them as one `gate: GateOptions` argument."""
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

    @functools.wraps(function)
    def with_gate(*, input_format: str, text_column: str, id_column: str | None, channel_column: str | None,
                  date_column: str | None, lang_column: str | None, audience_column: str | None, waivers_file: Path | None,
                  workers: int | None, summary_json: Path | None, summary_html: Path | None, progress: bool | None,
                  **kwargs: Any) -> Any:
        columns = CsvColumns(text=text_column, id=id_column, channel=channel_column, date=date_column, lang=lang_column,
                             audience=audience_column)
        gate = GateOptions(input_format, columns, waivers_file, workers, summary_json, summary_html, progress)
        return function(gate=gate, **kwargs)

    command: Any = with_gate
    for option in reversed(options):
        command = option(command)
    return command


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
@click.option("--lang", "-l", type=click.Choice(LANGUAGES), help="The post's language (detected when omitted).")
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
          gate: GateOptions) -> None:
    """Check posts: TEXT, '-' for standard input, or --file F [F...].

    Markdown front matter (lang, channel, audience, id, date) is honoured and wins
    over --lang/--channel/--audience, which are defaults for posts that do not
    say. Exit code: 0 pass (or below --fail-on), 1 a verdict at or above
    --fail-on, 2 usage, charter or input error.
    """
    from ..sources import detect_format, read_posts

    defaults = PostDefaults(lang, channel, audience)
    if linkedin_export is not None:
        _check_linkedin_export(linkedin_export, bool(text or files or args_are_files), charter_ref, defaults, fmt, output,
                               RenderOptions(fail_on, color, False, gate.waivers_file), gate)
    if args_are_files and not text and not files:
        sys.exit(EXIT_OK)  # pre-commit with no matching changed file: nothing to check
    paths = _paths(text, files, args_are_files)
    rows: Iterable[PostRow]
    if paths is None:
        body = text[0] if text else "-"
        if body == "-":
            if not text and sys.stdin.isatty():
                fail("no post given: pass TEXT, '-' to read standard input, or --file")
            if gate.input_format in ("jsonl", "csv", "markdown"):
                paths = ["-"]
            else:
                post = decode_post(sys.stdin.buffer.read(), "standard input")
                rows = [PostRow(id=None, text=post, uri="stdin")]
        else:
            rows = [PostRow(id=None, text=body, uri="post")]
    if paths is not None:
        rows = read_posts(paths, gate.input_format, gate.columns)
        many = len(paths) > 1 or any(detect_format(p, gate.input_format) in ("jsonl", "csv") for p in paths)
    else:
        many = False
    workers = gate.workers if gate.workers is not None else (0 if many else 1)
    _run(rows, RunOptions(charter_ref, fmt, output, RenderOptions(fail_on, color, not many, gate.waivers_file), gate, workers,
                          defaults, paths))


def _check_linkedin_export(export: Path, other_input: bool, charter_ref: str, defaults: PostDefaults, fmt: str, output: Path,
                           render: RenderOptions, gate: GateOptions) -> None:
    """One report per text field of a LinkedIn data export (see profile_export.py)."""
    from ..profile_export import read_linkedin_export

    if other_input:
        fail("--linkedin-export checks the export alone: drop TEXT / --file")
    rows = list(read_linkedin_export(export))  # reads and validates the whole zip before any report is written
    workers = gate.workers if gate.workers is not None else 1
    _run(rows, RunOptions(charter_ref, fmt, output, render, gate, workers, defaults, always_summary=True))


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
@click.option("--lang", "-l", type=click.Choice(LANGUAGES), help="Default language for rows that give none.")
@click.option("--channel", help="Default channel for rows that give none.")
@click.option("--audience", type=click.Choice(["public", "internal"]), help="Default audience for rows that give none.")
@fail_on_option
@gate_options
@reports_errors
def batch(sources: tuple[str, ...], output: Path, charter_ref: str, fmt: str, lang: str | None, channel: str | None,
          audience: str | None, fail_on: str, gate: GateOptions) -> None:
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
    rows = read_posts(list(sources), gate.input_format, gate.columns)
    workers = gate.workers if gate.workers is not None else 0
    _run(rows, RunOptions(charter_ref, fmt, output, RenderOptions(fail_on, None, False, gate.waivers_file), gate, workers,
                          PostDefaults(lang, channel, audience), list(sources), always_summary=True))


# -- the run ---------------------------------------------------------------------
def _run(rows: Iterable[PostRow], run: RunOptions) -> None:
    """Check `rows`, write them in `run.fmt`, print the summary line; exits with the run's code."""
    from ..parallel import GateConfig, check_rows, default_workers
    from ..render.summary import SummaryCollector
    from ..sources import input_size
    from ..waivers import WaiverLedger, WaiverSet

    charter = load_charter(run.charter_ref)
    waivers = WaiverSet.load(run.gate.waivers_file) if run.gate.waivers_file else None
    ledger = WaiverLedger(waivers) if waivers is not None else None
    config = GateConfig(charter_ref=run.charter_ref, waivers=waivers)
    summary = SummaryCollector(charter={"name": charter.name, "version": charter.version, "sha256": charter.sha256})
    context = RunContext(charter, summary, ledger)
    fail_on = run.render.fail_on
    counts = {"posts": 0, "failed": 0, "errors": 0}
    total = input_size(run.paths) if run.paths else None
    show = run.gate.progress if run.gate.progress is not None else (sys.stderr.isatty() and total is not None)

    out: IO[str] = sys.stdout if str(run.output) == "-" else _open_output(run.output)
    bar: Any  # click's ProgressBar, generic in a way mypy cannot infer from `length=`
    try:
        renderer = RENDERERS[run.fmt](out, run.render, context)
        with click.progressbar(length=total or 1, label="Checking", file=sys.stderr, hidden=not show,
                               show_eta=True, show_percent=True, item_show_func=lambda _x: f"{counts['posts']:,} posts") as bar:
            done = 0
            for row, outcome in check_rows(_with_defaults(rows, run.defaults), config, run.workers or default_workers(), charter=charter):
                counts["posts"] += 1
                if outcome.report is None:
                    counts["errors"] += 1
                elif _fails(outcome.report.verdict, fail_on):
                    counts["failed"] += 1
                summary.add(outcome, row.channel)
                if ledger is not None:
                    ledger.record_waived(outcome.waived)
                if row.consumed > done:
                    bar.update(row.consumed - done)
                    done = row.consumed
                renderer.add(row, outcome)
            renderer.close()
    finally:
        if out is not sys.stdout:
            out.close()
    numbers = context.summary_numbers()
    _write_summaries(numbers, run.gate)
    if ledger is not None:
        for message in ledger.messages():
            click.echo(f"charterguard: warning: {message}", err=True)
    if run.always_summary or counts["posts"] != 1 or ledger is not None:
        waived = f", {numbers['waivers']['waived_findings']} finding(s) waived" if ledger is not None or run.always_summary else ""
        click.echo(f"{counts['posts']} posts, {counts['failed']} at or above {fail_on}, {counts['errors']} not checked{waived}", err=True)
    if counts["errors"]:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FAILED if counts["failed"] else EXIT_OK)


def _with_defaults(rows: Iterable[PostRow], defaults: PostDefaults) -> Iterator[PostRow]:
    """Rows with the command-line context filled in where the row says nothing."""
    wanted = {k: v for k, v in dataclasses.asdict(defaults).items() if v is not None}
    for row in rows:
        missing = {k: v for k, v in wanted.items() if getattr(row, k) is None}
        yield dataclasses.replace(row, **missing) if missing else row


def _open_output(path: Path) -> IO[str]:
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror}")


def _write_summaries(numbers: dict[str, Any], gate: GateOptions) -> None:
    from ..render.summary import render_html

    if gate.summary_json:
        Path(gate.summary_json).write_text(json.dumps(numbers, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if gate.summary_html:
        Path(gate.summary_html).write_text(render_html(numbers), encoding="utf-8")

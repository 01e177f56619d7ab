"""`charterguard check` and `charterguard batch`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any, Iterator

import click

from ..engine import CheckError
from ..report import VERDICT_RANK
from .common import EXIT_ERROR, EXIT_FAILED, EXIT_OK, charter_option, decode_post, fail, load_charter, reports_errors, use_color

FORMATS = ("text", "json", "sarif")


def fail_on_option(function: Any) -> Any:
    return click.option(
        "--fail-on", type=click.Choice(["warn", "block", "never"]), default="block", show_default=True,
        help="Exit with code 1 when the verdict is at or above this level.",
    )(function)


def _fails(verdict: str, fail_on: str) -> bool:
    return fail_on != "never" and VERDICT_RANK[verdict] >= VERDICT_RANK[fail_on]


@click.command()
@click.argument("text", required=False)
@click.option("--file", "-f", "file", type=click.Path(dir_okay=False, path_type=Path), help="Read the post from a file.")
@charter_option
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), help="The post's language (detected when omitted).")
@click.option("--channel", help="Where it will be published: linkedin, x, facebook, internal...")
@click.option("--audience", type=click.Choice(["public", "internal"]), help="Who will read it.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@fail_on_option
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when writing to a terminal).")
@reports_errors
def check(text: str | None, file: Path | None, charter_ref: str, lang: str | None, channel: str | None,
          audience: str | None, fmt: str, fail_on: str, color: bool | None) -> None:
    """Check one post: TEXT, '-' for standard input, or --file.

    Exit code: 0 pass (or below --fail-on), 1 verdict at or above --fail-on,
    2 usage, charter or input error.
    """
    from ..engine import Checker

    post, uri = _read_post(text, file)
    charter = load_charter(charter_ref)
    report = Checker(charter).check(post, lang=lang, channel=channel, audience=audience)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "sarif":
        from ..render.sarif import CheckedDocument, render_sarif

        click.echo(json.dumps(render_sarif([CheckedDocument(uri, post, report)], charter), ensure_ascii=False, indent=2))
    else:
        from ..render.text import render_text

        click.echo(render_text(report, post, color=use_color(color, sys.stdout)))
    sys.exit(EXIT_FAILED if _fails(report.verdict, fail_on) else EXIT_OK)


def _read_post(text: str | None, file: Path | None) -> tuple[str, str]:
    if text is not None and file is not None:
        fail("give the post as TEXT or with --file, not both")
    if file is not None:
        try:
            return decode_post(file.read_bytes(), str(file)), file.as_posix()
        except OSError as exc:
            fail(f"cannot read {file}: {exc.strerror}")
    if text is None or text == "-":
        if text is None and sys.stdin.isatty():
            fail("no post given: pass TEXT, '-' to read standard input, or --file")
        return decode_post(sys.stdin.buffer.read(), "standard input"), "stdin"
    return text, "post"


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=Path("-"),
              show_default=True, help="Where to write one JSON report per line.")
@charter_option
@fail_on_option
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
@reports_errors
def batch(source: Path, output: Path, charter_ref: str, fail_on: str, progress: bool | None) -> None:
    """Check every post of a JSONL file, one report per line, in input order.

    Input rows: {"id", "text", "lang"?, "channel"?, "audience"?}. A row that
    cannot be checked gets an error row (schema charterguard.error/1) and the
    batch goes on. Exit code: 1 if any verdict is at or above --fail-on,
    2 if any row could not be checked.
    """
    from ..engine import Checker

    checker = Checker(load_charter(charter_ref))
    stream = sys.stdin.buffer if str(source) == "-" else _open(source)
    total = None if str(source) == "-" else source.stat().st_size
    out = sys.stdout if str(output) == "-" else open(output, "w", encoding="utf-8")
    show = progress if progress is not None else sys.stderr.isatty()
    counts = {"rows": 0, "failed": 0, "errors": 0}
    try:
        with click.progressbar(length=total or 0, label="Checking", file=sys.stderr, hidden=not show or total is None) as bar:
            rows = _rows(stream, bar)
            for result in checker.check_many(rows, on_error="return"):
                data = result.to_dict()
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
                counts["rows"] += 1
                if "error" in data:
                    counts["errors"] += 1
                elif _fails(data["verdict"], fail_on):
                    counts["failed"] += 1
    finally:
        if out is not sys.stdout:
            out.close()
    click.echo(f"{counts['rows']} posts, {counts['failed']} at or above {fail_on}, {counts['errors']} not checked", err=True)
    if counts["errors"]:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FAILED if counts["failed"] else EXIT_OK)


def _open(path: Path) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")


def _rows(stream: IO[bytes], bar: Any) -> Iterator[dict[str, Any] | CheckError]:
    """Parse JSONL lazily (constant memory); unreadable lines become `CheckError`s in place."""
    for number, raw in enumerate(stream, 1):
        bar.update(len(raw))
        if not raw.strip():
            continue
        try:
            row = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield CheckError(f"line {number}", f"line {number}: not valid UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield CheckError(f"line {number}", f"line {number}: invalid JSON ({exc.msg}, column {exc.colno})")
            continue
        if not isinstance(row, dict):
            yield CheckError(f"line {number}", f"line {number}: a row must be a JSON object")
            continue
        if "text" not in row:
            yield CheckError(row.get("id", f"line {number}"), f"line {number}: missing field `text`")
            continue
        row.setdefault("id", number)
        yield row

"""`charterguard charter validate | test | schema | list`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import CharterError
from .common import EXIT_ERROR, EXIT_FAILED, EXIT_OK, load_charter


@click.group("charter")
def charter_group() -> None:
    """Write and test charters."""


@charter_group.command()
@click.argument("charters", nargs=-1, required=True, metavar="NAME|FILE...")
def validate(charters: tuple[str, ...]) -> None:
    """Load charters and report the first problem of each (file:line:column field)."""
    status = EXIT_OK
    for ref in charters:
        try:
            charter = load_charter(ref)
        except CharterError as exc:
            click.echo(f"error: {exc}", err=True)
            status = EXIT_ERROR
            continue
        click.echo(f"ok: {ref}: {charter.name} {charter.version}, {len(charter.rules)} rules, sha256 {charter.sha256}")
    sys.exit(status)


@charter_group.command("test")
@click.argument("charters", nargs=-1, metavar="NAME|FILE...")
@click.option("--verbose", "-v", is_flag=True, help="List every example, not only failures.")
def test_command(charters: tuple[str, ...], verbose: bool) -> None:
    """Run every rule's examples: texts it must flag and texts it must pass.

    Exits 1 when an example fails, 2 when a charter cannot be loaded.
    """
    from ..examples import cross_validations, run_examples

    passed = failed = 0
    for ref in charters or ("default",):
        try:
            charter = load_charter(ref)
        except CharterError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        click.echo(f"{charter.name} ({ref})")
        for result in run_examples(charter):
            if result.ok:
                passed += 1
                if verbose:
                    click.echo(f"  PASS {result.rule} [{result.expect}] {_short(result.text)}")
            else:
                failed += 1
                click.echo(click.style(f"  FAIL {result.rule} [{result.expect}] {_short(result.text)}", fg="red"))
                click.echo(f"       {result.problem}")
        for cv in cross_validations(charter):
            r = cv.result
            click.echo(
                f"  CV   {cv.rule}: precision {r.precision:.2f}, recall {r.recall:.2f}, F1 {r.f1:.2f} "
                f"({r.folds}-fold cross-validation over its {r.examples} examples: "
                f"{r.true_positives} found, {r.false_positives} false alarm(s), {r.false_negatives} missed)"
            )
    click.echo(f"{passed} passed, {failed} failed")
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def _short(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@charter_group.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file instead of standard output.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of charter files (for editors)."""
    from ..charter.schema import charter_json_schema

    text = json.dumps(charter_json_schema(), ensure_ascii=False, indent=2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    else:
        click.echo(text)


@charter_group.command("list")
def list_command() -> None:
    """List the built-in charters."""
    from ..spec.builtin import builtin_names

    for name in builtin_names():
        try:
            charter = load_charter(name)
        except CharterError as exc:
            click.echo(f"{name}: error: {exc}")
            continue
        title = charter.spec.title.get("en") if charter.spec.title else ""
        click.echo(f"{name}\t{charter.version}\t{len(charter.rules)} rules\t{title}")

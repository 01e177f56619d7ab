"""`charterguard decisions`: read, export, summarise and verify the decision log."""

from __future__ import annotations

import hmac
import json
import os
import sys
from datetime import datetime
from typing import Any

import click

EXIT_USAGE = 2
DB_ENV = "CHARTERGUARD_DECISION_LOG"


def _db_option(func: Any) -> Any:
    return click.option(
        "--db",
        envvar=DB_ENV,
        default=None,
        help=f"SQLite file or postgresql:// URL of the decision log (env {DB_ENV}; default ./charterguard-decisions.sqlite3).",
    )(func)


def _filter_options(func: Any) -> Any:
    options = [
        click.option("--since", default=None, help="From this date/time (ISO 8601, UTC unless an offset is given), inclusive."),
        click.option("--until", default=None, help="Up to this date/time, exclusive."),
        click.option("--verdict", type=click.Choice(["block", "warn", "pass"]), default=None),
        click.option("--rule", default=None, help="Only decisions involving this rule id."),
        click.option("--kind", type=click.Choice(["check", "override", "dismissal"]), default=None),
        click.option("--key-id", default=None, help="Only decisions made with this API key id."),
        click.option("--charter", default=None, help="Only decisions on this charter name."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _open(db: str | None) -> Any:
    from ..decisions import DEFAULT_DECISION_LOG, DecisionLogError, open_log

    try:
        return open_log(db or DEFAULT_DECISION_LOG, create=False)
    except DecisionLogError as exc:
        click.echo(f"charterguard decisions: {exc}", err=True)
        sys.exit(EXIT_USAGE)


def _time(value: str | None, name: str) -> datetime | None:
    from ..decisions import parse_time

    if value is None:
        return None
    try:
        return parse_time(value)
    except ValueError:
        click.echo(f"charterguard decisions: --{name} {value!r} is not an ISO date or date-time (e.g. 2026-11-01 or 2026-11-01T08:00:00Z)", err=True)
        sys.exit(EXIT_USAGE)


def _filters(since: str | None, until: str | None, verdict: str | None, rule: str | None, kind: str | None, key_id: str | None, charter: str | None) -> Any:
    from ..decisions import Filters

    return Filters(since=_time(since, "since"), until=_time(until, "until"), verdict=verdict, rule=rule, kind=kind, key_id=key_id, charter=charter)


def _run_query(func: Any) -> Any:
    """Turn database errors into one clear line and exit 2 instead of a traceback."""
    from ..decisions import DecisionLogError

    try:
        return func()
    except DecisionLogError as exc:
        click.echo(f"charterguard decisions: {exc}", err=True)
    except Exception as exc:  # sqlite3.Error / psycopg.Error: the log is unreadable or not a decision log
        click.echo(f"charterguard decisions: cannot read the decision log: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}", err=True)
    sys.exit(EXIT_USAGE)


@click.group("decisions")
def decisions() -> None:
    """The decision log written by `charterguard serve`: list, export, summary, verify."""


@decisions.command("list")
@_db_option
@_filter_options
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table", show_default=True)
def list_decisions(db: str | None, limit: int, fmt: str, **filter_args: Any) -> None:
    """The latest decisions, newest first."""
    from itertools import islice

    from ..decisions.export import WRITERS

    store = _open(db)
    filters = _filters(**filter_args)
    skipped: list[Any] = []
    rows = _run_query(lambda: list(islice(store.iterate(filters, skipped=skipped), limit)))
    _report_skipped(skipped)
    if fmt != "table":
        WRITERS[fmt](rows, sys.stdout)
        return
    if not rows:
        click.echo("no decision matches")
        return
    for row in rows:
        verdict = row["verdict"] or row["kind"]
        rules = ",".join(row["rules"]) or "-"
        click.echo(f"{row['time']}  {verdict:<8} {row['charter_name'] or '-':<12} {row['channel'] or '-':<10} key={row['key_id'] or '-':<12} {rules}  {row['id']}")


@decisions.command("export")
@_db_option
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonl"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, help="Write here instead of stdout.")
def export(db: str | None, fmt: str, output: str | None, **filter_args: Any) -> None:
    """Every matching decision, as CSV (one row per decision) or JSON."""
    from ..decisions.export import WRITERS

    store = _open(db)
    filters = _filters(**filter_args)
    writer = WRITERS[fmt]
    skipped: list[Any] = []
    if output is None:
        _run_query(lambda: writer(store.iterate(filters, skipped=skipped), sys.stdout))
        _report_skipped(skipped)
        return
    tmp = output + ".part"
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        count = _run_query(lambda: writer(store.iterate(filters, skipped=skipped), out))
    os.replace(tmp, output)  # no half-written export left behind on failure
    _report_skipped(skipped)
    click.echo(f"{count} decisions written to {output}", err=True)


@decisions.command("summary")
@_db_option
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def summary(db: str | None, fmt: str, **filter_args: Any) -> None:
    """Counts by verdict and by rule over a period (--since/--until)."""
    store = _open(db)
    data = _run_query(lambda: store.summary(_filters(**filter_args)))
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    period = f"{data['since'] or 'start'} .. {data['until'] or 'now'}"
    by = data["by_verdict"]
    click.echo(f"period   {period}")
    click.echo(f"checks   {data['checks']}  (block {by['block']}, warn {by['warn']}, pass {by['pass']})")
    click.echo(f"overrides {data['overrides']}")
    if data["by_rule"]:
        click.echo(f"\n{'rule':<40} {'block':>6} {'warn':>6} {'pass':>6} {'override':>8}")
        for row in sorted(data["by_rule"], key=lambda r: -(r["block"] + r["warn"] + r["pass"] + r["override"])):
            click.echo(f"{row['rule']:<40} {row['block']:>6} {row['warn']:>6} {row['pass']:>6} {row['override']:>8}")


@decisions.command("verify")
@_db_option
@click.argument("decision_id", required=False)
@click.option("--all", "whole_log", is_flag=True, help="Check the whole log's chain of MACs instead; report the first broken link.")
@click.option("--file", "text_file", type=click.File("rb"), default="-", show_default=True, help="The text to compare, byte for byte (stdin by default).")
@click.option("--hmac-key-file", type=click.Path(dir_okay=False, exists=True), envvar="CHARTERGUARD_HMAC_KEY_FILE", default=None, help="The server's HMAC key file.")
def verify(db: str | None, decision_id: str | None, whole_log: bool, text_file: Any, hmac_key_file: str | None) -> None:
    """Tell whether a text is the one checked in decision DECISION_ID (exit 0 yes, 1 no),
    or, with --all, whether the log is intact (exit 0 intact, 1 a link is broken).

    The text is compared through its HMAC with the server's key; the log never held the text.
    Every row carries a MAC over its content and the previous row's MAC (same key):
    an edited, inserted, reordered or deleted row breaks the chain where it happened.
    """
    from ..decisions import ChainKey, MalformedRow

    if whole_log == (decision_id is not None):
        click.echo("charterguard decisions verify: give a DECISION_ID, or --all to check the whole log", err=True)
        sys.exit(EXIT_USAGE)
    store = _open(db)
    hasher = _hasher(db, hmac_key_file)
    if whole_log:
        report = _run_query(lambda: store.verify_chain(ChainKey.from_text_key(hasher.key)))
        _print_chain_report(report)
        sys.exit(0 if report.ok else 1)
    assert decision_id is not None
    try:
        row = _run_query(lambda: store.get(decision_id))
    except MalformedRow as exc:
        click.echo(f"charterguard decisions: decision {decision_id!r} cannot be read ({exc}); run `charterguard decisions verify --all`", err=True)
        sys.exit(EXIT_USAGE)
    if row is None:
        click.echo(f"charterguard decisions: no decision {decision_id!r} in the log", err=True)
        sys.exit(EXIT_USAGE)
    if hasher.key_id != row["hmac_key_id"]:
        click.echo(f"charterguard decisions: this key (id {hasher.key_id}) is not the one that hashed decision {decision_id} (key id {row['hmac_key_id']})", err=True)
        sys.exit(EXIT_USAGE)
    data = text_file.read()  # bytes: no newline translation, "\r" is part of the text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        click.echo(f"charterguard decisions: the text is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); checked texts are UTF-8", err=True)
        sys.exit(EXIT_USAGE)
    # An editor or `echo` adds a final newline the checked text did not have.
    candidates = [text] + [text[: -len(end)] for end in ("\r\n", "\n") if text.endswith(end)]
    if any(hmac.compare_digest(hasher.digest(candidate), row["text_hmac"]) for candidate in candidates):
        click.echo(f"match: this is the text checked in decision {decision_id} ({row['time']})")
        return
    click.echo(f"no match: decision {decision_id} was made on a different text")
    sys.exit(1)


@decisions.command("purge")
@_db_option
@click.option("--older-than-days", type=click.IntRange(1, None), required=True, help="Delete the decisions made more than this many days ago.")
@click.option("--hmac-key-file", type=click.Path(dir_okay=False, exists=True), envvar="CHARTERGUARD_HMAC_KEY_FILE", default=None, help="The server's HMAC key file.")
def purge(db: str | None, older_than_days: int, hmac_key_file: str | None) -> None:
    """Delete old decisions (retention), keeping the chain verifiable.

    Rows are deleted oldest first up to the first one to keep; the MAC of the last one
    deleted is kept as the chain's sealed anchor, so `verify --all` still checks every
    row left. Needs the server's HMAC key (it seals the anchor).
    """
    from datetime import UTC, timedelta

    from ..decisions import ChainKey

    store = _open(db)
    store.chain_key = ChainKey.from_text_key(_hasher(db, hmac_key_file).key)
    before = datetime.now(UTC) - timedelta(days=older_than_days)
    _run_query(store.init_schema)  # a log from before the chain gets its columns first
    count = _run_query(lambda: store.purge(before))
    click.echo(f"{count} decision(s) made before {before.isoformat(timespec='seconds')} purged")


def _hasher(db: str | None, hmac_key_file: str | None) -> Any:
    """The server's text-HMAC key: CHARTERGUARD_HMAC_KEY, --hmac-key-file, or the file next to the log."""
    from ..decisions import DEFAULT_DECISION_LOG, TextHasher, default_hmac_key_file

    key = os.environ.get("CHARTERGUARD_HMAC_KEY")
    try:
        if key:
            return TextHasher.from_string(key)
        path = hmac_key_file or default_hmac_key_file(db or DEFAULT_DECISION_LOG)
        return TextHasher.from_file(path, create=False)
    except (OSError, ValueError) as exc:
        click.echo(f"charterguard decisions: {exc}", err=True)
        sys.exit(EXIT_USAGE)


def _print_chain_report(report: Any) -> None:
    before = f", {report.unchained_before} written before chaining began (not covered)" if report.unchained_before else ""
    anchor = f", starting after the purge anchor at seq {report.anchor_seq}" if report.anchor_seq is not None else ""
    if report.ok:
        click.echo(f"chain intact: {report.chained} decisions verified{before}{anchor}")
    else:
        seq, decision_id, problem = report.first_break
        click.echo(f"chain BROKEN: first broken link at seq {seq} (decision {decision_id}): {problem}")
        click.echo(f"{report.breaks} broken link(s) in {report.rows} rows{before}{anchor}")
        for seq, decision_id, problem in report.problems[1:10]:
            click.echo(f"  also seq {seq} (decision {decision_id}): {problem}")
    if report.head_seq is not None:
        click.echo(f"head: seq {report.head_seq} mac {report.head_mac} (keep it elsewhere: removing the newest rows shows only against it)")


def _report_skipped(skipped: list[Any]) -> None:
    if skipped:
        seqs = ", ".join(str(s.seq) for s in skipped[:10])
        click.echo(f"charterguard decisions: {len(skipped)} row(s) cannot be read as decisions and were left out (seq {seqs}); "
                   "run `charterguard decisions verify --all`", err=True)

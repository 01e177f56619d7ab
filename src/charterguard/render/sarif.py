"""SARIF 2.1.0: findings as static-analysis results, for code-scanning tools.

Columns count Unicode code points (`columnKind: unicodeCodePoints`), matching
the Python string offsets of the report. Posts read from Markdown or text files
point at their file, line and column; posts that are one row of a JSONL or CSV
file point at the row's line only (their offsets are kept in `properties`),
since a column inside a JSON string or a quoted CSV field would mislead.

Waived findings are kept as results with an accepted external `suppressions`
entry (reason, author, expiry), which code-scanning tools show as dismissed.
Every result has a `partialFingerprints` entry: the waiver fingerprint (a hash of
the normalised matched text), stable when the post is edited elsewhere.

`render_sarif` builds the whole log in memory; `write_sarif` streams it, one
result at a time, for large inputs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from .. import __version__
from ..report import Finding, Report
from .base import RenderOptions, RunContext

if TYPE_CHECKING:
    from ..charter.model import Charter
    from ..parallel import Outcome
    from ..sources import PostRow
    from ..waivers import Waiver

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"block": "error", "warn": "warning", "info": "note"}
FINGERPRINT_KEY = "charterguardMatch/v1"


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    """A checked post: where it came from (`uri`), its text, where that text starts in the file, and its report."""

    uri: str
    text: str
    report: Report
    first_line: int = 1  # line of the file where the post text starts
    first_column: int = 1
    # (finding, waiver) pairs removed from `report` by a waiver: shown as suppressed results.
    waived: tuple[tuple[Finding, Waiver], ...] = ()
    # True for a post that is one row of a JSONL/CSV file: point at the line only.
    line_only: bool = False


def sarif_rules(charter: Charter) -> list[dict[str, Any]]:
    """`tool.driver.rules`: one reporting descriptor per charter rule."""
    rules = []
    for r in charter.rules:
        short = r.spec.message.get("en") or r.spec.id
        full = r.spec.description or r.spec.message.get("fr") or short
        rules.append(
            {
                "id": r.spec.id,
                "name": r.spec.id,
                "shortDescription": {"text": short},
                "fullDescription": {"text": full},
                "defaultConfiguration": {"level": LEVEL[r.spec.severity], "enabled": r.spec.enabled},
                "properties": {"category": r.spec.category, "clause": r.spec.clause, "kind": r.spec.kind},
            }
        )
    return rules


def sarif_results(document: CheckedDocument, rule_index: dict[str, int]) -> list[dict[str, Any]]:
    """The results of one document: its findings, then its waived findings (suppressed)."""
    from ..waivers import fingerprint

    results = []
    pairs: list[tuple[Finding, Any]] = [(f, None) for f in document.report.findings] + list(document.waived)
    for finding, waiver in pairs:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": rule_index.get(finding.rule, -1),
            "level": LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": document.uri}, "region": _region(document, finding)}}
            ],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding.text)},
            "properties": {
                "category": finding.category,
                "entity": finding.entity,
                "clause": finding.clause,
                "score": finding.score,
                "suggestion": finding.suggestion,
                "verdict": document.report.verdict,
                "postId": document.report.id,
                "start": finding.start,
                "end": finding.end,
            },
        }
        if waiver is not None:
            result["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": waiver.reason,
                    "properties": {"author": waiver.author, "expires": waiver.expires.isoformat(),
                                   **({"ticket": waiver.ticket} if waiver.ticket else {})},
                }
            ]
        results.append(result)
    return results


def _region(document: CheckedDocument, finding: Finding) -> dict[str, int]:
    if document.line_only:
        return {"startLine": document.first_line}
    start_line, start_col = line_col(document, finding.start)
    end_line, end_col = line_col(document, finding.end)
    return {"startLine": start_line, "startColumn": start_col, "endLine": end_line, "endColumn": end_col}


def _log(charter: Charter, rules: list[dict[str, Any]], results: list[Any], notifications: list[dict[str, Any]] | None,
         properties: dict[str, Any] | None) -> dict[str, Any]:
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "charterguard",
                "version": __version__,
                "informationUri": "https://github.com/charterguard/charterguard",
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"charter": {"name": charter.name, "version": charter.version, "sha256": charter.sha256},
                       **(properties or {})},
    }
    if notifications is not None:
        run["invocations"] = [
            {
                "executionSuccessful": not any(n["level"] == "error" for n in notifications),
                "toolExecutionNotifications": notifications,
            }
        ]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(
    documents: list[CheckedDocument],
    charter: Charter,
    *,
    notifications: list[dict[str, Any]] | None = None,
    properties: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The whole SARIF log for `documents`.

    `notifications` (SARIF `notification` objects, see `notification()`) report
    posts that could not be checked and waiver problems; `properties` are added
    to the run's property bag (e.g. the waiver summary).
    """
    rules = sarif_rules(charter)
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [result for document in documents for result in sarif_results(document, rule_index)]
    return _log(charter, rules, results, notifications, properties)


def write_sarif(
    stream: IO[str],
    documents: Iterable[CheckedDocument],
    charter: Charter,
    *,
    notifications: list[dict[str, Any]] | None = None,
    properties: Any = None,
) -> None:
    """Write the SARIF log to `stream` one result at a time (memory does not grow with
    the number of posts). `notifications` may be filled while `documents` is consumed;
    `properties` may be a callable returning the run properties at the end."""
    writer = SarifWriter(stream, charter)
    for document in documents:
        writer.add(document)
    writer.close(notifications, properties() if callable(properties) else properties)


class SarifWriter:
    """The SARIF log written as documents come: the envelope first, one result at a
    time, then what is known only at the end (notifications, run properties)."""

    MARKER = "\x00results\x00"

    def __init__(self, stream: IO[str], charter: Charter) -> None:
        self.stream, self.charter = stream, charter
        self.rules = sarif_rules(charter)
        self.rule_index = {rule["id"]: i for i, rule in enumerate(self.rules)}
        self._first = True
        # The envelope is the rendered log around a placeholder result: what comes
        # before `results` does not depend on the run; what follows is rendered at the end.
        head = json.dumps(_log(charter, self.rules, [self.MARKER], None, None), ensure_ascii=False, indent=2)
        stream.write(head.partition(json.dumps(self.MARKER))[0])

    def add(self, document: CheckedDocument) -> None:
        for result in sarif_results(document, self.rule_index):
            self.stream.write(("" if self._first else ",\n        ") + json.dumps(result, ensure_ascii=False))
            self._first = False

    def close(self, notifications: list[dict[str, Any]] | None = None, properties: dict[str, Any] | None = None) -> None:
        tail = json.dumps(_log(self.charter, self.rules, [self.MARKER], notifications, properties), ensure_ascii=False, indent=2)
        self.stream.write(tail.partition(json.dumps(self.MARKER))[2] + "\n")


class SarifRenderer:
    """`--format sarif`: posts not checked and waiver problems become notifications; the
    run's property bag carries the summary numbers and the waiver counts."""

    def __init__(self, out: IO[str], options: RenderOptions, run: RunContext) -> None:
        self.run = run
        self.writer = SarifWriter(out, run.charter)
        self.notifications: list[dict[str, Any]] = []

    def add(self, row: PostRow, outcome: Outcome) -> None:
        if outcome.error is not None:
            self.notifications.append(notification(outcome.error.message, "error", row.uri, row.first_line))
        else:
            self.writer.add(checked_document(row, outcome))

    def close(self) -> None:
        if self.run.ledger is not None:
            self.notifications.extend(notification(message, "warning") for message in self.run.ledger.messages())
        numbers = self.run.summary_numbers()
        properties = {"summary": {k: numbers[k] for k in ("posts", "checked", "not_checked", "verdicts", "findings")},
                      "waivers": numbers["waivers"]}
        self.writer.close(self.notifications, properties)


def checked_document(row: PostRow, outcome: Outcome) -> CheckedDocument:
    """The document of a checked post (`outcome.report` is set) read as `row`."""
    assert outcome.report is not None and row.text is not None
    return CheckedDocument(row.uri, row.text, outcome.report, row.first_line, row.first_column, tuple(outcome.waived),
                           line_only=row.tabular)


def notification(message: str, level: str = "error", uri: str | None = None, line: int | None = None) -> dict[str, Any]:
    """A SARIF notification (a post that could not be checked, a waiver problem)."""
    data: dict[str, Any] = {"level": level, "message": {"text": message}}
    if uri is not None:
        location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
        if line is not None:
            location["region"] = {"startLine": line}
        data["locations"] = [{"physicalLocation": location}]
    return data


def line_col(document: CheckedDocument, offset: int) -> tuple[int, int]:
    """1-based line and column of a post offset, in the file the post came from."""
    before = document.text[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return document.first_line, document.first_column + offset
    return document.first_line + newlines, offset - before.rfind("\n")

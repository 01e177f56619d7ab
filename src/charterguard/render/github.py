"""GitHub Actions workflow commands: findings as annotations on the changed files.

    ::error file=posts/launch.md,line=4,col=12,endLine=4,endColumn=19,title=confidential.codenames::...

See "Workflow commands for GitHub Actions" (error / warning / notice). Values
are escaped as the runner expects: '%', CR and LF in messages; also ':' and ','
in properties.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from .base import RenderOptions, RunContext
from .sarif import checked_document, line_col

if TYPE_CHECKING:
    from ..parallel import Outcome
    from ..sources import PostRow

LEVEL = {"block": "error", "warn": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, file: str | None = None, title: str | None = None,
               line: int | None = None, col: int | None = None, end_line: int | None = None,
               end_column: int | None = None) -> str:
    """One workflow command line."""
    props = []
    for key, value in (("file", file), ("line", line), ("col", col), ("endLine", end_line),
                       ("endColumn", end_column), ("title", title)):
        if value is not None:
            props.append(f"{key}={escape_property(str(value))}")
    return f"::{level} {','.join(props)}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def post_annotations(row: PostRow, outcome: Outcome) -> list[str]:
    """Annotations for one checked post read as `row`: its findings, or why it was not checked."""
    if outcome.error is not None:
        return [annotation("error", outcome.error.message, row.uri, "charterguard: post not checked", row.first_line)]
    document = checked_document(row, outcome)
    lines = []
    for finding in document.report.findings:
        message = finding.message + (f" — {finding.suggestion}" if finding.suggestion else "")
        title = f"{finding.rule} (clause {finding.clause})" if finding.clause else finding.rule
        if document.line_only:
            lines.append(annotation(LEVEL[finding.severity], message, document.uri, title, document.first_line))
            continue
        start_line, start_col = line_col(document, finding.start)
        end_line, end_col = line_col(document, finding.end)
        if start_line == end_line:
            lines.append(annotation(LEVEL[finding.severity], message, document.uri, title, start_line, start_col,
                                    end_line, end_col))
        else:  # GitHub ignores columns on multi-line annotations
            lines.append(annotation(LEVEL[finding.severity], message, document.uri, title, start_line, None, end_line))
    return lines


class GitHubRenderer:
    """`--format github`: one workflow command per finding, per post not checked, and per
    expired or unused waiver (placed on its line of the waiver file)."""

    def __init__(self, out: IO[str], options: RenderOptions, run: RunContext) -> None:
        self.out, self.ledger, self.waivers_file = out, run.ledger, options.waivers_file

    def add(self, row: PostRow, outcome: Outcome) -> None:
        for line in post_annotations(row, outcome):
            self.out.write(line + "\n")

    def close(self) -> None:
        if self.ledger is None:
            return
        for waiver, problem in self.ledger.notices():
            file = str(self.waivers_file) if self.waivers_file is not None else None
            self.out.write(annotation("warning", problem, file, "charterguard waiver", waiver.line) + "\n")

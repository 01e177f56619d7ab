"""GitHub Actions workflow commands: findings as annotations on the changed files.

    ::error file=posts/launch.md,line=4,col=12,endLine=4,endColumn=19,title=confidential.codenames::...

See "Workflow commands for GitHub Actions" (error / warning / notice). Values
are escaped as the runner expects: '%', CR and LF in messages; also ':' and ','
in properties.
"""

from __future__ import annotations

from typing import Any

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


def post_annotations(document: Any, output: dict[str, Any], uri: str | None = None, line: int | None = None) -> list[str]:
    """Annotations for one checked post. `document` is a `render.sarif.CheckedDocument`
    (None when the post could not be checked: then `uri`/`line` locate it); `output`
    is its output row."""
    from .sarif import _line_col

    if "error" in output:
        return [annotation("error", output["error"]["message"], uri, "charterguard: post not checked", line)]
    lines = []
    for finding in document.report.findings:
        message = finding.message + (f" — {finding.suggestion}" if finding.suggestion else "")
        title = f"{finding.rule} (clause {finding.clause})" if finding.clause else finding.rule
        if document.line_only:
            lines.append(annotation(LEVEL[finding.severity], message, document.uri, title, document.first_line))
            continue
        start_line, start_col = _line_col(document, finding.start)
        end_line, end_col = _line_col(document, finding.end)
        if start_line == end_line:
            lines.append(annotation(LEVEL[finding.severity], message, document.uri, title, start_line, start_col,
                                    end_line, end_col))
        else:  # GitHub ignores columns on multi-line annotations
            lines.append(annotation(LEVEL[finding.severity], message, document.uri, title, start_line, None, end_line))
    return lines

"""The report for a person at a terminal: the post with findings underlined,
then each finding with its clause, message and suggestion, in the post's language."""

from __future__ import annotations

import unicodedata
from typing import IO, TYPE_CHECKING, Any

import click

from ..report import Finding, Report
from .base import RenderOptions, RunContext

if TYPE_CHECKING:
    from ..parallel import Outcome
    from ..sources import PostRow

LABELS = {
    "fr": {
        "block": "BLOQUÉ", "warn": "À REVOIR", "pass": "OK",
        "findings": "problème(s)", "none": "Aucun problème : la publication respecte la charte.",
        "clause": "article", "fix": "Suggestion", "charter": "charte", "incomplete": "Vérification incomplète",
    },
    "en": {
        "block": "BLOCKED", "warn": "REVIEW", "pass": "OK",
        "findings": "finding(s)", "none": "No problem: the post follows the charter.",
        "clause": "clause", "fix": "Suggestion", "charter": "charter", "incomplete": "Incomplete check",
    },
}
STYLE = {"block": ("red", "^"), "warn": ("yellow", "~"), "info": ("cyan", "-")}
VERDICT_COLOUR = {"block": "red", "warn": "yellow", "pass": "green"}


class TextRenderer:
    """Each post's report for a person; a post that could not be checked is said on standard error.
    Of many posts, only those with something to say are shown (the command's summary line counts the rest)."""

    def __init__(self, out: IO[str], options: RenderOptions, run: RunContext) -> None:
        self.out, self.single_object = out, options.single_object
        self.color = use_color(options.color, out)
        self._index = 0

    def add(self, row: PostRow, outcome: Outcome) -> None:
        index, self._index = self._index, self._index + 1
        if outcome.error is not None:
            click.echo(f"charterguard: error: {outcome.error.message}", err=True)
            return
        assert outcome.report is not None
        if not self.single_object and not outcome.report.findings and not outcome.waived:
            return
        if not self.single_object:
            label = row.uri if row.id in (None, row.uri) else f"{row.uri} [{row.id}]"
            heading = f"== {label}"
            self.out.write(("\n" if index else "") + (click.style(heading, bold=True) if self.color else heading) + "\n")
        self.out.write(render_text(outcome.report, row.text or "", color=self.color) + "\n")
        for finding, waiver in outcome.waived:
            self.out.write(f"  waived: {finding.rule} (by {waiver.author} until {waiver.expires.isoformat()}: {waiver.reason})\n")

    def close(self) -> None:
        pass


def use_color(option: bool | None, stream: Any) -> bool:
    """`option`, or when it is None, whether `stream` is a terminal."""
    if option is not None:
        return option
    return hasattr(stream, "isatty") and stream.isatty()


def render_text(report: Report, text: str, *, color: bool) -> str:
    labels = LABELS.get(report.language, LABELS["en"])
    out: list[str] = []
    head = f"{labels[report.verdict]}"
    if report.findings:
        head += f" — {len(report.findings)} {labels['findings']}"
    out.append(_style(head, VERDICT_COLOUR[report.verdict], color, bold=True)
               + f"  ({labels['charter']} {report.charter.name} {report.charter.version})")
    if report.incomplete:
        out.append(_style(labels["incomplete"] + ": " + "; ".join(report.notes), "red", color))
    out.append("")
    out.extend(_underlined(text, report.findings, color))
    out.append("")
    if not report.findings:
        out.append(labels["none"])
    for number, finding in enumerate(report.findings, 1):
        colour, _ = STYLE[finding.severity]
        out.append(
            _style(f"{number}. [{finding.severity}]", colour, color, bold=True)
            + f" {labels['clause']} {finding.clause} · {finding.rule}"
        )
        out.append(f"   {finding.message}")
        if finding.suggestion:
            out.append(f"   → {labels['fix']} : {finding.suggestion}" if report.language == "fr" else f"   → {labels['fix']}: {finding.suggestion}")
    return "\n".join(out)


def _underlined(text: str, findings: list[Finding], color: bool) -> list[str]:
    """Each line of the post, with a marker line under the findings on it."""
    lines: list[str] = []
    offset = 0
    for raw_line in text.splitlines(keepends=True):
        line = raw_line.rstrip("\r\n")
        line_start, line_end = offset, offset + len(line)
        offset += len(raw_line)
        shown = line.replace("\t", " ")
        lines.append("  " + _highlight(shown, line_start, findings, color))
        marks = [" "] * _width(shown)
        severities = [""] * len(marks)
        touched = False
        for finding in findings:
            start, end = max(finding.start, line_start), min(finding.end, line_end)
            if start >= end:
                continue
            touched = True
            col_start = _width(shown[: start - line_start])
            col_end = _width(shown[: end - line_start])
            for col in range(col_start, max(col_end, col_start + 1)):
                if col < len(marks):
                    marks[col] = STYLE[finding.severity][1]
                    severities[col] = finding.severity
        if touched:
            lines.append("  " + "".join(_style(m, STYLE[s][0], color) if s else m for m, s in zip(marks, severities)).rstrip())
    return lines


def _highlight(line: str, line_start: int, findings: list[Finding], color: bool) -> str:
    if not color:
        return line
    out = []
    for i, ch in enumerate(line):
        severity = next((f.severity for f in findings if f.start <= line_start + i < f.end), None)
        out.append(_style(ch, STYLE[severity][0], True, bold=True) if severity else ch)
    return "".join(out)


def _width(text: str) -> int:
    """Terminal columns: wide characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _style(text: str, colour: str, color: bool, bold: bool = False) -> str:
    return click.style(text, fg=colour, bold=bold) if color else text

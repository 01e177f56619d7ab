"""JUnit XML: one test case per post, for CI systems that show test reports.

A post whose verdict is at or above --fail-on is a `<failure>`; a post that could
not be checked is an `<error>`; findings below the threshold and waived findings
are listed in `<system-out>`. Test cases are spooled to a temporary file while the
batch runs (the root element carries the totals), so memory stays flat.
"""

from __future__ import annotations

import tempfile
from typing import IO, TYPE_CHECKING

from ..report import VERDICT_RANK, Finding
from .base import RenderOptions, RunContext

if TYPE_CHECKING:
    from ..parallel import Outcome
    from ..sources import PostRow
    from ..waivers import Waiver


# xml.sax.saxutils imports urllib.request, ssl and http.client (~30 ms): only when JUnit is written,
# not in every `charterguard check` that loads the renderers' registry.
def escape(text: str) -> str:
    from xml.sax.saxutils import escape as xml_escape

    return xml_escape(text)


def quoteattr(text: str) -> str:
    from xml.sax.saxutils import quoteattr as xml_quoteattr

    return xml_quoteattr(text)


class JUnitWriter:
    """Collect test cases, then `close()` writes the document to `stream`."""

    def __init__(self, stream: IO[str], fail_on: str, suite: str = "charterguard") -> None:
        self.stream, self.fail_on, self.suite = stream, fail_on, suite
        self._cases: IO[str] = tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024, mode="w+", encoding="utf-8")
        self.tests = self.failures = self.errors = 0
        self.seconds = 0.0

    def add(self, uri: str, first_line: int, outcome: Outcome) -> None:
        """One checked post (its report, or why it was not checked) read from `uri`."""
        self.tests += 1
        post_id = outcome.report.id if outcome.report is not None else outcome.error.id if outcome.error is not None else None
        name = f"{uri}:{first_line}" if post_id in (None, uri) else f"{uri}:{first_line} [{post_id}]"
        # The report JSON's rounding, so the times add up as they did from it.
        elapsed = round(outcome.report.elapsed_ms, 3) / 1000 if outcome.report is not None else 0.0
        self.seconds += elapsed
        head = f'    <testcase classname={quoteattr(uri)} name={quoteattr(name)} time="{elapsed:.4f}"'
        if outcome.error is not None:
            self.errors += 1
            error = outcome.error
            self._cases.write(f'{head}>\n      <error type={quoteattr(error.code)} message={quoteattr(error.message)}/>\n    </testcase>\n')
            return
        assert outcome.report is not None
        report = outcome.report
        lines = [_line(f) for f in report.findings]
        lines += [_line(f, waiver) for f, waiver in outcome.waived]
        body = escape("\n".join(lines))
        verdict = report.verdict
        if self.fail_on != "never" and VERDICT_RANK[verdict] >= VERDICT_RANK[self.fail_on]:
            self.failures += 1
            count = len(report.findings)
            message = f"verdict {verdict}: {count} finding{'s' if count != 1 else ''}"
            self._cases.write(f"{head}>\n      <failure type={quoteattr(verdict)} message={quoteattr(message)}>{body}</failure>\n    </testcase>\n")
        elif lines:
            self._cases.write(f"{head}>\n      <system-out>{body}</system-out>\n    </testcase>\n")
        else:
            self._cases.write(f"{head}/>\n")

    def close(self, properties: dict[str, str] | None = None) -> None:
        counts = f'tests="{self.tests}" failures="{self.failures}" errors="{self.errors}" skipped="0" time="{self.seconds:.3f}"'
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(f"<testsuites name={quoteattr(self.suite)} {counts}>\n")
        self.stream.write(f"  <testsuite name={quoteattr(self.suite)} {counts}>\n")
        if properties:
            self.stream.write("    <properties>\n")
            for key, value in properties.items():
                self.stream.write(f"      <property name={quoteattr(key)} value={quoteattr(str(value))}/>\n")
            self.stream.write("    </properties>\n")
        self._cases.seek(0)
        while chunk := self._cases.read(1 << 16):
            self.stream.write(chunk)
        self._cases.close()
        self.stream.write("  </testsuite>\n</testsuites>\n")


def _line(finding: Finding, waiver: Waiver | None = None) -> str:
    where = f"[{finding.start}:{finding.end}]"
    text = f"{finding.severity.upper()} {finding.rule} {where}: {finding.message}"
    if waiver is not None:
        text = f"WAIVED {text} (waiver by {waiver.author} until {waiver.expires.isoformat()}: {waiver.reason})"
    return text


class JUnitRenderer:
    """`--format junit`: the test suite's properties name the charter and count the waived findings."""

    def __init__(self, out: IO[str], options: RenderOptions, run: RunContext) -> None:
        self.run = run
        self.writer = JUnitWriter(out, options.fail_on)

    def add(self, row: PostRow, outcome: Outcome) -> None:
        self.writer.add(row.uri, row.first_line, outcome)

    def close(self) -> None:
        charter = self.run.charter
        self.writer.close({"charter": f"{charter.name} {charter.version}", "charter.sha256": charter.sha256,
                           "waived_findings": str(self.run.summary.waived)})

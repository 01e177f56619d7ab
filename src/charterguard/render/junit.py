"""JUnit XML: one test case per post, for CI systems that show test reports.

A post whose verdict is at or above --fail-on is a `<failure>`; a post that could
not be checked is an `<error>`; findings below the threshold and waived findings
are listed in `<system-out>`. Test cases are spooled to a temporary file while the
batch runs (the root element carries the totals), so memory stays flat.
"""

from __future__ import annotations

import tempfile
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from ..report import VERDICT_RANK


class JUnitWriter:
    """Collect test cases, then `close()` writes the document to `stream`."""

    def __init__(self, stream: IO[str], fail_on: str, suite: str = "charterguard") -> None:
        self.stream, self.fail_on, self.suite = stream, fail_on, suite
        self._cases: IO[str] = tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024, mode="w+", encoding="utf-8")
        self.tests = self.failures = self.errors = 0
        self.seconds = 0.0

    def add(self, uri: str, first_line: int, output: dict[str, Any]) -> None:
        """One output row (report or error JSON) of a post read from `uri`."""
        self.tests += 1
        name = f"{uri}:{first_line}" if output.get("id") in (None, uri) else f"{uri}:{first_line} [{output['id']}]"
        elapsed = float(output.get("elapsed_ms", 0.0)) / 1000
        self.seconds += elapsed
        head = f'    <testcase classname={quoteattr(uri)} name={quoteattr(name)} time="{elapsed:.4f}"'
        if "error" in output:
            self.errors += 1
            message = output["error"]["message"]
            self._cases.write(f'{head}>\n      <error type={quoteattr(output["error"]["code"])} message={quoteattr(message)}/>\n    </testcase>\n')
            return
        lines = [_line(f) for f in output["findings"]]
        lines += [_line(f, waived=True) for f in output.get("waived", ())]
        body = escape("\n".join(lines))
        verdict = output["verdict"]
        if self.fail_on != "never" and VERDICT_RANK[verdict] >= VERDICT_RANK[self.fail_on]:
            self.failures += 1
            count = len(output["findings"])
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


def _line(finding: dict[str, Any], waived: bool = False) -> str:
    where = f"[{finding['start']}:{finding['end']}]"
    text = f"{finding['severity'].upper()} {finding['rule']} {where}: {finding['message']}"
    if waived:
        waiver = finding["waiver"]
        text = f"WAIVED {text} (waiver by {waiver['author']} until {waiver['expires']}: {waiver['reason']})"
    return text

"""Waivers: findings a compliance team accepted, with a reason, an author and an expiry.

A waiver names a rule and the SHA-256 of the *normalised* matched text
(`fingerprint`, built on `text.normalize.fold_letters`), never a position: editing
elsewhere in a post, or re-wording the same name with other spacing, case or
accents, keeps it valid. A waiver file stores only hashes, never post text.

    waivers:
      - rule: confidential.codenames
        fingerprint: sha256:9f2c...        # from a report's finding "fingerprint"
        reason: Colibri was announced publicly on 2026-10-01
        author: jeanne.martin@example.com
        expires: 2027-03-31                # inclusive; an expired waiver no longer applies
        ticket: COMP-142                   # optional

Expired waivers stop applying (the finding comes back) and are reported;
waivers that matched nothing in a run are reported as unused; the number of
waived findings is always shown in summaries.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .engine import redact
from .errors import CharterError, WaiverError  # WaiverError: importable from here too
from .report import Finding, Report, verdict_of
from .text.normalize import fold_letters

FINGERPRINT_PREFIX = "sha256:"
_FINGERPRINT = re.compile(r"^sha256:[0-9a-f]{64}$")
REQUIRED = ("rule", "fingerprint", "reason", "author", "expires")
OPTIONAL = ("ticket",)


def fingerprint(matched_text: str) -> str:
    """The waiver key of a matched text: SHA-256 of its normalised (folded) form."""
    return FINGERPRINT_PREFIX + hashlib.sha256(fold_letters(matched_text).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Waiver:
    rule: str
    fingerprint: str
    reason: str
    author: str
    expires: date
    ticket: str | None = None
    where: str = ""  # "file:line", for messages about this waiver
    line: int | None = None  # its line in the waiver file, when read from one

    @property
    def key(self) -> tuple[str, str]:
        return (self.rule, self.fingerprint)

    def expired(self, today: date) -> bool:
        return today > self.expires

    def to_dict(self) -> dict[str, Any]:
        data = {"rule": self.rule, "fingerprint": self.fingerprint, "reason": self.reason,
                "author": self.author, "expires": self.expires.isoformat()}
        if self.ticket:
            data["ticket"] = self.ticket
        if self.where:
            data["where"] = self.where
        return data


@dataclass
class WaiverSet:
    """The waivers in force for one run (expired ones are kept aside, for reporting)."""

    waivers: list[Waiver] = field(default_factory=list)
    today: date = field(default_factory=lambda: datetime.now(UTC).date())

    def __post_init__(self) -> None:
        self._active = {w.key: w for w in self.waivers if not w.expired(self.today)}

    @property
    def expired(self) -> list[Waiver]:
        return [w for w in self.waivers if w.expired(self.today)]

    def __len__(self) -> int:
        return len(self.waivers)

    @classmethod
    def load(cls, path: str | Path, today: date | None = None) -> WaiverSet:
        from .spec.yamlfile import load_marked

        name = str(path)
        try:
            data = load_marked(Path(path))
        except CharterError as exc:
            raise WaiverError(str(exc).replace("invalid charter", "invalid waiver file")) from None
        return cls.from_data(data, name, today)

    @classmethod
    def from_data(cls, data: Any, name: str = "<waivers>", today: date | None = None) -> WaiverSet:
        """Waivers from parsed YAML/JSON: {"waivers": [...]} or a bare list."""
        if isinstance(data, dict):
            unknown = set(data) - {"waivers"}
            if unknown:
                raise WaiverError(f"{name}: unknown top-level field(s) {sorted(unknown)}; expected `waivers:`")
            data = data.get("waivers") or []
        if data is None:
            data = []
        if not isinstance(data, list):
            raise WaiverError(f"{name}: `waivers` must be a list of waivers")
        waivers = [_parse_waiver(entry, index, data, name) for index, entry in enumerate(data)]
        seen: dict[tuple[str, str], str] = {}
        for waiver in waivers:
            if waiver.key in seen:
                raise WaiverError(f"{waiver.where}: duplicate waiver (same rule and fingerprint as {seen[waiver.key]})")
            seen[waiver.key] = waiver.where
        kwargs = {"today": today} if today is not None else {}
        return cls(waivers, **kwargs)

    def apply(self, report: Report, text: str) -> tuple[Report, list[tuple[Finding, Waiver]]]:
        """The report without waived findings (verdict and redacted post recomputed), and what was waived."""
        if not self._active or not report.findings:
            return report, []
        kept: list[Finding] = []
        waived: list[tuple[Finding, Waiver]] = []
        for finding in report.findings:
            waiver = self._active.get((finding.rule, fingerprint(finding.text)))
            if waiver is None:
                kept.append(finding)
            else:
                waived.append((finding, waiver))
        if not waived:
            return report, []
        verdict = "block" if report.incomplete else verdict_of([f.severity for f in kept])
        updated = Report(
            verdict=verdict,  # type: ignore[arg-type]
            language=report.language,
            charter=report.charter,
            findings=kept,
            redacted=redact(text, kept),
            elapsed_ms=report.elapsed_ms,
            id=report.id,
            incomplete=report.incomplete,
            notes=list(report.notes),
        )
        return updated, waived


class WaiverLedger:
    """Counts waiver use over a run (across processes: it reads the output rows)."""

    def __init__(self, waivers: WaiverSet) -> None:
        self.waivers = waivers
        self.uses: dict[tuple[str, str], int] = {w.key: 0 for w in waivers.waivers}
        self.waived_findings = 0

    def record(self, output_row: dict[str, Any]) -> None:
        """Count the waived findings of an output row (JSON, as `Outcome.to_dict()` makes it)."""
        for entry in output_row.get("waived", ()):
            self._use((entry["rule"], entry["fingerprint"]))

    def record_waived(self, waived: Iterable[tuple[Finding, Waiver]]) -> None:
        """Count the (finding, waiver) pairs one post had waived."""
        for _finding, waiver in waived:
            self._use(waiver.key)

    def _use(self, key: tuple[str, str]) -> None:
        self.waived_findings += 1
        if key in self.uses:
            self.uses[key] += 1

    @property
    def unused(self) -> list[Waiver]:
        return [w for w in self.waivers.waivers if not w.expired(self.waivers.today) and self.uses[w.key] == 0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file_waivers": len(self.waivers),
            "waived_findings": self.waived_findings,
            "expired": [w.to_dict() for w in self.waivers.expired],
            "unused": [w.to_dict() for w in self.unused],
        }

    def messages(self) -> Iterable[str]:
        """One line per expired or unused waiver (stderr)."""
        for waiver, problem in self.notices():
            yield f"{waiver.where}: {problem}"

    def notices(self) -> Iterable[tuple[Waiver, str]]:
        """(waiver, what is wrong with it) per expired or unused waiver: annotations place it with `Waiver.line`."""
        for waiver in self.waivers.expired:
            yield (waiver, f"waiver for {waiver.rule} ({waiver.fingerprint[:19]}…) expired on "
                           f"{waiver.expires.isoformat()}; it no longer applies (renew it or remove it)")
        for waiver in self.unused:
            yield waiver, f"waiver for {waiver.rule} ({waiver.fingerprint[:19]}…) matched no finding in this run"


def _parse_waiver(entry: Any, index: int, container: Any, name: str) -> Waiver:
    marks = getattr(container, "marks", None)
    line = marks[index].line if marks and index < len(marks) and marks[index] else None
    where = f"{name}:{line}" if line else f"{name}: waivers[{index}]"
    if not isinstance(entry, dict):
        raise WaiverError(f"{where}: a waiver must be a mapping with {', '.join(REQUIRED)}")

    def at(key: str) -> str:
        mark = getattr(entry, "marks", {}).get(key)
        return f"{name}:{mark.line}" if mark else where

    unknown = set(entry) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise WaiverError(f"{where}: waivers[{index}]: unknown field(s) {sorted(unknown)}; allowed: {', '.join(REQUIRED + OPTIONAL)}")
    for key in REQUIRED:
        if entry.get(key) in (None, ""):
            raise WaiverError(f"{where}: waivers[{index}].{key}: missing (every waiver needs {', '.join(REQUIRED)})")
    for key in ("rule", "fingerprint", "reason", "author"):
        if not isinstance(entry[key], str):
            raise WaiverError(f"{at(key)}: waivers[{index}].{key}: must be a string")
    print_ = entry["fingerprint"].strip().lower()
    if not _FINGERPRINT.match(print_):
        raise WaiverError(
            f"{at('fingerprint')}: waivers[{index}].fingerprint: must be 'sha256:' and 64 hex digits "
            "(copy a finding's \"fingerprint\" from a JSON or SARIF report); waivers never hold post text"
        )
    expires = entry["expires"]
    if isinstance(expires, datetime):
        expires = expires.date()
    elif isinstance(expires, str):
        try:
            expires = date.fromisoformat(expires.strip())
        except ValueError:
            raise WaiverError(f"{at('expires')}: waivers[{index}].expires: not a date (YYYY-MM-DD)") from None
    elif not isinstance(expires, date):
        raise WaiverError(f"{at('expires')}: waivers[{index}].expires: not a date (YYYY-MM-DD)")
    ticket = entry.get("ticket")
    return Waiver(entry["rule"].strip(), print_, entry["reason"].strip(), entry["author"].strip(), expires,
                  str(ticket) if ticket is not None else None, where, line)

"""Finding, Report and verdicts: the result of a check, and its stable JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .vocabulary import LANGUAGES, Category, Severity

REPORT_SCHEMA = "charterguard.report/1"

Verdict = Literal["block", "warn", "pass"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warn": 1, "block": 2}
VERDICT_RANK: dict[str, int] = {"pass": 0, "warn": 1, "block": 2}


def verdict_of(severities: list[str]) -> Verdict:
    """The verdict is the worst severity; `info` findings never change it."""
    worst = max((SEVERITY_RANK[s] for s in severities), default=0)
    return {2: "block", 1: "warn"}.get(worst, "pass")  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a post. Offsets are Python string indices into the caller's text."""

    rule: str
    category: Category
    entity: str
    severity: Severity
    start: int
    end: int
    text: str
    score: float
    message: str
    clause: str
    suggestion: str | None = None
    replacement: str | None = None  # what "apply suggestion" and the redacted post put over [start, end); None: nothing to replace
    also: tuple[str, ...] = ()  # rules of the other findings that overlap this one (its group)
    group: int | None = None  # findings that overlap share a group number (presentation only)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category,
            "entity": self.entity,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 4),
            "message": self.message,
            "clause": self.clause,
            "suggestion": self.suggestion,
        }
        if self.replacement is not None:
            data["replacement"] = self.replacement
        if self.also:
            data["also"] = list(self.also)
        if self.group is not None:
            data["group"] = self.group
        return data


@dataclass(frozen=True, slots=True)
class CharterRef:
    name: str
    version: str
    sha256: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "sha256": self.sha256}


@dataclass(slots=True)
class Report:
    """The answer for one post (schema charterguard.report/1)."""

    verdict: Verdict
    language: str
    charter: CharterRef
    findings: list[Finding]
    redacted: str
    elapsed_ms: float
    id: Any = None
    # Set when the time budget ran out before every rule ran: the verdict then
    # fails closed (block), see Checker.
    incomplete: bool = False
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "schema": REPORT_SCHEMA,
            "id": self.id,
            "verdict": self.verdict,
            "language": self.language,
            "charter": self.charter.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "redacted": self.redacted,
            "elapsed_ms": round(self.elapsed_ms, 3),
        }
        if self.incomplete:
            data["incomplete"] = True
        if self.notes:
            data["notes"] = list(self.notes)
        return data


def report_json_schema() -> dict[str, Any]:
    """JSON Schema of one report (charterguard.report/1), for consumers and tests."""
    finding = {
        "type": "object",
        "required": ["rule", "category", "entity", "severity", "start", "end", "text", "score", "message", "clause", "suggestion"],
        "properties": {
            "rule": {"type": "string"},
            "category": {"enum": ["confidential", "personal_data", "tone", "secret", "channel"]},
            "entity": {"type": "string"},
            "severity": {"enum": ["block", "warn", "info"]},
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
            "text": {"type": "string"},
            "score": {"type": "number", "minimum": 0, "maximum": 1},
            "message": {"type": "string"},
            "clause": {"type": "string"},
            "suggestion": {"type": ["string", "null"]},
            "replacement": {"type": "string"},
            "also": {"type": "array", "items": {"type": "string"}},
            "group": {"type": "integer", "minimum": 0},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "charterguard report",
        "type": "object",
        "required": ["schema", "id", "verdict", "language", "charter", "findings", "redacted", "elapsed_ms"],
        "properties": {
            "schema": {"const": REPORT_SCHEMA},
            "id": {},
            "verdict": {"enum": ["block", "warn", "pass"]},
            "language": {"enum": list(LANGUAGES)},
            "charter": {
                "type": "object",
                "required": ["name", "version", "sha256"],
                "properties": {
                    "name": {"type": "string"},
                    "version": {"type": "string"},
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                },
            },
            "findings": {"type": "array", "items": finding},
            "redacted": {"type": "string"},
            "elapsed_ms": {"type": "number", "minimum": 0},
            "incomplete": {"type": "boolean"},
            "notes": {"type": "array", "items": {"type": "string"}},
        },
    }

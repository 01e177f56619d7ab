"""What the decision log records about one check or override, and the text HMAC.

A decision keeps the verdict and the shape of the findings (rule, category,
entity, severity, span length) but not the post: the text is kept as an HMAC
with a key the server holds, so a later dispute can prove which text was
checked (`charterguard decisions verify`) without the log revealing it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, Mapping

from ..report import CharterRef, Report

Kind = Literal["check", "override", "dismissal"]


@dataclass(frozen=True, slots=True)
class TextHasher:
    """HMAC-SHA256 of post texts under one secret key."""

    key: bytes

    @property
    def key_id(self) -> str:
        """A fingerprint of the key (not the key): tells which key made a hash after a rotation."""
        return hashlib.sha256(b"charterguard-hmac-key-id:" + self.key).hexdigest()[:16]

    def digest(self, text: str) -> str:
        return hmac.new(self.key, text.encode("utf-8"), hashlib.sha256).hexdigest()

    @classmethod
    def from_file(cls, path: str | Path, create: bool = True) -> "TextHasher":
        """The key in `path` (hex); created (mode 0600) with a random key when absent and `create`."""
        path = Path(path)
        if not path.exists():
            if not create:
                raise FileNotFoundError(f"HMAC key file {path} not found; give the key the server uses (--hmac-key-file or CHARTERGUARD_HMAC_KEY)")
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32) + "\n")
        return cls.from_string(path.read_text(encoding="utf-8").strip())

    @classmethod
    def from_string(cls, value: str) -> "TextHasher":
        value = value.strip()
        if len(value) < 32:
            raise ValueError("the HMAC key must be at least 32 characters (e.g. `python -c 'import secrets;print(secrets.token_hex(32))'`)")
        return cls(value.encode("utf-8"))


@dataclass(slots=True)
class Decision:
    kind: Kind
    text_hmac: str
    hmac_key_id: str
    text_length: int
    key_id: str | None = None
    charter_name: str | None = None
    charter_version: str | None = None
    charter_sha256: str | None = None
    channel: str | None = None
    audience: str | None = None
    language: str | None = None
    verdict: str | None = None  # None for overrides
    incomplete: bool = False
    # check: one entry per finding {rule, category, entity, severity, length};
    # override: one entry per rule overridden {rule}; dismissal: {rule, severity}.
    findings: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None  # override: the employee's reason; dismissal: "ignored" | "not_applicable"[: comment]
    text: str | None = None  # only when text storage was turned on explicitly
    elapsed_ms: float | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    time: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def rules(self) -> list[str]:
        return sorted({f["rule"] for f in self.findings})

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["time"] = iso(self.time)
        data["rules"] = self.rules
        if data["text"] is None:
            del data["text"]
        return data


def iso(moment: datetime) -> str:
    """UTC, fixed width, so that SQLite's text comparison orders times correctly."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(value: str | datetime) -> datetime:
    """An ISO date or datetime; naive values are taken as UTC."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def decision_from_report(
    report: Report | Mapping[str, Any],
    text: str,
    hasher: TextHasher,
    *,
    key_id: str | None,
    channel: str | None,
    audience: str | None,
    store_text: bool = False,
) -> Decision:
    """The decision for one check: `report` is the `Report`, or its JSON (README, "Report JSON")
    where only that is at hand (a check answered by the API's coalescer, a report read back)."""
    if isinstance(report, Report):
        charter: Mapping[str, Any] = {"name": report.charter.name, "version": report.charter.version, "sha256": report.charter.sha256}
        facts: dict[str, Any] = {
            "language": report.language, "verdict": report.verdict, "incomplete": report.incomplete,
            "elapsed_ms": round(report.elapsed_ms, 3),  # as in the report JSON
        }
        findings = [
            {"rule": f.rule, "category": f.category, "entity": f.entity, "severity": f.severity, "length": f.end - f.start}
            for f in report.findings
        ]
    else:
        charter = report.get("charter") or {}
        facts = {"language": report.get("language"), "verdict": report.get("verdict"),
                 "incomplete": bool(report.get("incomplete", False)), "elapsed_ms": report.get("elapsed_ms")}
        findings = [
            {"rule": f["rule"], "category": f.get("category"), "entity": f.get("entity"), "severity": f.get("severity"),
             "length": f["end"] - f["start"]}
            for f in report.get("findings", [])
        ]
    return Decision(
        kind="check",
        text_hmac=hasher.digest(text),
        hmac_key_id=hasher.key_id,
        text_length=len(text),
        key_id=key_id,
        charter_name=charter.get("name"),
        charter_version=charter.get("version"),
        charter_sha256=charter.get("sha256"),
        channel=channel,
        audience=audience,
        findings=findings,
        text=text if store_text else None,
        **facts,
    )


def author_decision(
    kind: Literal["override", "dismissal"],
    text: str,
    hasher: TextHasher,
    charter: CharterRef,
    *,
    key_id: str | None,
    findings: list[dict[str, Any]],
    reason: str,
    channel: str | None,
    audience: str | None = None,
    store_text: bool = False,
) -> Decision:
    """The decision an author made about findings of the post `text`: publish despite a block
    (`override`, findings {rule}) or set findings aside (`dismissal`, findings {rule, severity})."""
    return Decision(
        kind=kind,
        text_hmac=hasher.digest(text),
        hmac_key_id=hasher.key_id,
        text_length=len(text),
        key_id=key_id,
        charter_name=charter.name,
        charter_version=charter.version,
        charter_sha256=charter.sha256,
        channel=channel,
        audience=audience,
        findings=findings,
        reason=reason,
        text=text if store_text else None,
    )

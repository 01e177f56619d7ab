"""A tamper-evident decision log: every row carries a MAC covering its content and the
previous row's MAC, keyed by the server's secret (derived from its text-HMAC key).

Editing a verdict, emptying findings, moving the time, inserting or deleting a row
breaks the chain at that row, and without the key nobody can re-seal it.
`verify_chain` walks the rows in commit order and names the first broken link.

What a chain cannot show on its own: the newest rows removed from the end. The
report gives the head (last seq and MAC); keep it somewhere else (a ticket, the
operator's log) to detect that too. Rows written before chaining began (logs
from earlier versions) have no MAC: they are counted, not vouched for. A purge
(retention) keeps the MAC of the last row it deleted as an anchor, so the rows
after it still verify.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, get_args

from .record import Decision, Kind, iso

GENESIS = "0" * 64  # the "previous MAC" of the first chained row
# The fields a row's MAC covers, in the order of the store's COLUMNS (all of them).
CHAINED_FIELDS = (
    "id", "time", "kind", "key_id", "charter_name", "charter_version", "charter_sha256", "channel", "audience",
    "language", "verdict", "incomplete", "text_hmac", "hmac_key_id", "text_length", "findings", "reason", "text", "elapsed_ms",
)  # fmt: skip


class MalformedRow(ValueError):
    """A stored row that cannot be read as a decision (e.g. `findings` is not a JSON list)."""


@dataclass(frozen=True, slots=True)
class ChainKey:
    """The key the chain's MACs are made with: derived from the server's text-HMAC key,
    so the same secret protects both, and a chain MAC is never a text HMAC."""

    key: bytes

    @classmethod
    def from_text_key(cls, text_key: bytes) -> ChainKey:
        return cls(hmac.new(text_key, b"charterguard-decision-chain/1", hashlib.sha256).digest())

    def seal_anchor(self, seq: int, mac: str) -> str:
        """The MAC of a purge anchor: only a holder of the key can say "the rows up to `seq` were purged"."""
        return hmac.new(self.key, json.dumps(["purge-anchor", seq, mac]).encode(), hashlib.sha256).hexdigest()

    def mac(self, fields: dict[str, Any], previous_mac: str) -> str:
        content = json.dumps([previous_mac, [fields.get(name) for name in CHAINED_FIELDS]], ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        return hmac.new(self.key, content.encode("utf-8"), hashlib.sha256).hexdigest()


def decision_fields(decision: Decision) -> dict[str, Any]:
    """What the chain covers of a decision about to be written (as it will read back)."""
    return {
        "id": decision.id, "time": iso(decision.time), "kind": decision.kind, "key_id": decision.key_id,
        "charter_name": decision.charter_name, "charter_version": decision.charter_version,
        "charter_sha256": decision.charter_sha256, "channel": decision.channel, "audience": decision.audience,
        "language": decision.language, "verdict": decision.verdict, "incomplete": bool(decision.incomplete),
        "text_hmac": decision.text_hmac, "hmac_key_id": decision.hmac_key_id, "text_length": decision.text_length,
        "findings": decision.findings, "reason": decision.reason, "text": decision.text,
        "elapsed_ms": float(decision.elapsed_ms) if decision.elapsed_ms is not None else None,
    }  # fmt: skip


def check_row_shape(fields: dict[str, Any]) -> None:
    """Raise MalformedRow when a stored row is not a decision the API can answer with."""
    if fields.get("kind") not in get_args(Kind):
        raise MalformedRow(f"`kind` is not one of {', '.join(get_args(Kind))}")
    if fields.get("verdict") not in (None, "block", "warn", "pass"):
        raise MalformedRow("`verdict` is not block, warn, pass or empty")
    findings = fields.get("findings")
    if not isinstance(findings, list) or not all(isinstance(f, dict) and isinstance(f.get("rule"), str) for f in findings):
        raise MalformedRow("`findings` is not a list of findings with a `rule`")
    if not isinstance(fields.get("text_hmac"), str) or not isinstance(fields.get("id"), str):
        raise MalformedRow("`id` or `text_hmac` is missing")


@dataclass(frozen=True, slots=True)
class StoredLink:
    """One row as the chain sees it: its commit order, content, and the MACs stored with it."""

    seq: int
    id: str
    fields: dict[str, Any] | None  # None: the row could not be read (see problem)
    previous_mac: str | None
    mac: str | None
    problem: str | None = None


@dataclass
class ChainReport:
    rows: int = 0
    chained: int = 0
    unchained_before: int = 0  # rows written before chaining began (no MAC)
    anchor_seq: int | None = None  # a purge removed the rows up to this seq
    head_seq: int | None = None
    head_mac: str | None = None
    first_break: tuple[int, str, str] | None = None  # (seq, decision id, problem)
    breaks: int = 0
    problems: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.first_break is None


def verify_chain(links: Iterable[StoredLink], key: ChainKey, anchor: tuple[int, str, str] | None = None) -> ChainReport:
    """Walk the rows in seq order; report the first broken link (and count every one).

    `anchor` is (seq of the last purged row, its MAC, the anchor's seal) when a purge
    removed the start of the chain."""
    report = ChainReport(anchor_seq=anchor[0] if anchor else None)
    expected_previous = anchor[1] if anchor else GENESIS
    started = anchor is not None and anchor[1] != GENESIS  # a purge of unchained rows starts nothing
    if anchor is not None and not hmac.compare_digest(key.seal_anchor(anchor[0], anchor[1]), anchor[2]):
        report.breaks += 1
        report.first_break = (anchor[0], "purge anchor", "the purge anchor is not sealed with this key (forged or edited: rows may have been removed)")
        report.problems.append(report.first_break)

    def broken(link: StoredLink, problem: str) -> None:
        report.breaks += 1
        if report.first_break is None:
            report.first_break = (link.seq, link.id, problem)
        if len(report.problems) < 100:
            report.problems.append((link.seq, link.id, problem))

    for link in links:
        report.rows += 1
        if link.mac is None and not started:
            report.unchained_before += 1
            continue
        started = True
        if link.fields is None:
            broken(link, f"the row cannot be read: {link.problem}")
        elif link.mac is None:
            broken(link, "the row has no MAC although rows before it have one (added or edited without the key)")
        elif link.previous_mac != expected_previous:
            broken(link, "the row does not follow the one before it (a row was deleted, inserted or reordered)")
        elif not hmac.compare_digest(key.mac(link.fields, expected_previous), link.mac):
            broken(link, "the row's content does not match its MAC (edited after it was written)")
        else:
            report.chained += 1
        # Go on from what this row claims, so one edit reports one break, not every row after it.
        expected_previous = link.mac or expected_previous
        report.head_seq, report.head_mac = link.seq, link.mac
    return report

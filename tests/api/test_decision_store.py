"""The decision log store, the same tests on a SQLite file and a real PostgreSQL server."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from charterguard.decisions import (
    Decision,
    DecisionLog,
    Filters,
    TextHasher,
    decision_from_report,
    open_log,
)
from charterguard.decisions.export import write_csv, write_json

HASHER = TextHasher(b"k" * 32)
T0 = datetime(2026, 11, 1, 8, 0, tzinfo=timezone.utc)


def report(verdict: str, rules: list[str]) -> dict:
    return {
        "schema": "charterguard.report/1",
        "verdict": verdict,
        "language": "fr",
        "charter": {"name": "default", "version": "2026.11", "sha256": "ab" * 32},
        "findings": [{"rule": r, "category": "confidential", "entity": "CODENAME", "severity": verdict, "start": 3, "end": 10, "text": "SECRETWORD"} for r in rules],
        "elapsed_ms": 2.5,
    }


def fill(store: DecisionLog) -> list[Decision]:
    decisions = []
    for i, (verdict, rules) in enumerate([("block", ["confidential.codenames"]), ("warn", ["tone.insults", "personal_data.phone"]), ("pass", []), ("block", ["confidential.codenames", "tone.insults"])]):
        d = decision_from_report(report(verdict, rules), f"post number {i} with SECRETWORD", HASHER, key_id="extension", channel="linkedin", audience=None)
        d.time = T0 + timedelta(hours=i)
        store.record(d)
        decisions.append(d)
    override = Decision(kind="override", text_hmac=HASHER.digest("x"), hmac_key_id=HASHER.key_id, text_length=1, key_id="extension", findings=[{"rule": "confidential.codenames"}], reason="announced yesterday")
    override.time = T0 + timedelta(hours=5)
    store.record(override)
    decisions.append(override)
    return decisions


def test_record_and_read_back(store: DecisionLog) -> None:
    made = fill(store)
    rows, cursor = store.query()
    assert cursor is None
    assert [r["id"] for r in rows] == [d.id for d in reversed(made)]  # newest first
    first = rows[-1]
    assert first["verdict"] == "block" and first["kind"] == "check" and first["key_id"] == "extension"
    assert first["findings"] == [{"rule": "confidential.codenames", "category": "confidential", "entity": "CODENAME", "severity": "block", "length": 7}]
    assert first["text_hmac"] == HASHER.digest("post number 0 with SECRETWORD")
    assert first["time"] == "2026-11-01T08:00:00.000000Z"
    assert "text" not in first
    assert rows[0]["reason"] == "announced yesterday"
    assert store.get(made[2].id)["verdict"] == "pass"
    assert store.get("nope") is None


def test_filters(store: DecisionLog) -> None:
    fill(store)

    def ids(**kw: object) -> int:
        return len(store.query(Filters(**kw))[0])  # type: ignore[arg-type]

    assert ids(verdict="block") == 2
    assert ids(rule="tone.insults") == 2
    assert ids(rule="confidential.codenames") == 3  # two checks, one override
    assert ids(rule="confidential.codenames", kind="check") == 2
    assert ids(since=T0 + timedelta(hours=1), until=T0 + timedelta(hours=3)) == 2
    assert ids(key_id="someone-else") == 0
    assert ids(charter="default") == 4


def test_paging_with_cursor(store: DecisionLog) -> None:
    made = fill(store)
    seen = []
    cursor = None
    while True:
        rows, cursor = store.query(limit=2, cursor=cursor)
        seen += [r["id"] for r in rows]
        if cursor is None:
            break
    assert seen == [d.id for d in reversed(made)]
    assert [r["id"] for r in store.iterate(page=1)] == seen


def test_summary(store: DecisionLog) -> None:
    fill(store)
    summary = store.summary()
    assert summary["checks"] == 4 and summary["overrides"] == 1
    assert summary["by_verdict"] == {"block": 2, "warn": 1, "pass": 1}
    by_rule = {r["rule"]: r for r in summary["by_rule"]}
    assert by_rule["confidential.codenames"] == {"rule": "confidential.codenames", "block": 2, "warn": 0, "pass": 0, "override": 1}
    assert by_rule["tone.insults"]["warn"] == 1 and by_rule["tone.insults"]["block"] == 1
    later = store.summary(Filters(since=T0 + timedelta(hours=2)))
    assert later["checks"] == 2 and later["since"] == "2026-11-01T10:00:00.000000Z"


def test_text_is_stored_only_when_asked(store: DecisionLog) -> None:
    kept = decision_from_report(report("pass", []), "keep me", HASHER, key_id=None, channel=None, audience=None, store_text=True)
    store.record(kept)
    assert store.get(kept.id)["text"] == "keep me"


def test_exports(store: DecisionLog, tmp_path: Path) -> None:
    import csv
    import json

    fill(store)
    with open(tmp_path / "out.csv", "w", newline="") as out:
        assert write_csv(store.iterate(), out) == 5
    rows = list(csv.DictReader(open(tmp_path / "out.csv")))
    assert rows[-1]["rules"] == "confidential.codenames" and rows[3]["rules"] == "personal_data.phone;tone.insults"
    with open(tmp_path / "out.json", "w") as out:
        write_json(store.iterate(), out)
    data = json.loads((tmp_path / "out.json").read_text())
    assert len(data) == 5 and data[0]["kind"] == "override"
    assert "SECRETWORD" not in (tmp_path / "out.csv").read_text() + (tmp_path / "out.json").read_text()


def test_concurrent_writers(store: DecisionLog) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def write(i: int) -> None:
        store.record(decision_from_report(report("pass", ["r.%d" % (i % 3)]), str(i), HASHER, key_id=None, channel=None, audience=None))

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(write, range(80)))
    assert store.summary()["checks"] == 80


def test_hmac_key_file_is_created_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "k" / "hmac.key"
    first = TextHasher.from_file(path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert TextHasher.from_file(path).digest("x") == first.digest("x")
    with pytest.raises(FileNotFoundError):
        TextHasher.from_file(tmp_path / "absent", create=False)
    with pytest.raises(ValueError, match="at least 32"):
        TextHasher.from_string("short")


def test_unreachable_postgres_is_a_clear_error() -> None:
    from charterguard.decisions import DecisionLogError

    pytest.importorskip("psycopg")
    with pytest.raises(DecisionLogError, match="cannot connect") as info:
        open_log("postgresql://user:s3cret@127.0.0.1:1/x")
    assert "s3cret" not in str(info.value)

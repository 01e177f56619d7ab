"""The check coalescer, with a stand-in checker: batching, grouping, errors, budget."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pytest

from charterguard.api.batcher import CheckBatcher
from charterguard.errors import InputError


@dataclass
class FakeReport:
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data


@dataclass
class FakeChecker:
    name: str
    gate: threading.Event = field(default_factory=threading.Event)
    many_calls: list[int] = field(default_factory=list)
    one_calls: list[float | None] = field(default_factory=list)
    fail: bool = False

    def check(self, text: str, lang: Any = None, channel: Any = None, audience: Any = None, *, id: Any = None, budget_ms: float | None = None) -> FakeReport:
        self.gate.wait(5)
        self.one_calls.append(budget_ms)
        if "\x00" in text:
            raise InputError("the post contains NUL bytes")
        return FakeReport({"id": id, "charter": self.name, "verdict": "pass"})

    def check_many(self, rows: list[dict[str, Any]], *, on_error: str = "raise", budget_ms: float | None = None) -> list[FakeReport]:
        if self.fail:
            raise RuntimeError("engine broke")
        self.many_calls.append(len(rows))
        return [FakeReport({"id": r.get("id"), "charter": self.name, "budget": budget_ms}) for r in rows]


@dataclass
class FakeServed:
    checker: FakeChecker


def test_lone_request_is_checked_at_once_with_the_budget() -> None:
    served = FakeServed(FakeChecker("a"))
    served.checker.gate.set()
    batcher = CheckBatcher(threads=1, max_batch=8, budget_ms=250, record_many=None)
    report, recorded = batcher.submit(served, {"text": "hi", "id": 1}, None).result(5)
    assert report == {"id": 1, "charter": "a", "verdict": "pass"} and recorded is None
    assert served.checker.one_calls == [250]
    batcher.close()


def test_waiting_requests_are_coalesced_per_charter_in_order() -> None:
    blocker = FakeServed(FakeChecker("blocker"))  # holds the only thread while the others queue up
    a, b = FakeServed(FakeChecker("a")), FakeServed(FakeChecker("b"))
    recorded_batches: list[list[Any]] = []
    batcher = CheckBatcher(threads=1, max_batch=8, budget_ms=100, record_many=lambda ds: recorded_batches.append(ds) or True)
    first = batcher.submit(blocker, {"text": "x"}, None)
    time.sleep(0.1)
    futures = [batcher.submit(a if i % 2 else b, {"text": "t", "id": i}, lambda report: report["id"]) for i in range(6)]
    blocker.checker.gate.set()
    first.result(5)
    results = [f.result(5) for f in futures]
    assert [r[0]["id"] for r in results] == list(range(6))
    assert [r[0]["charter"] for r in results] == ["b", "a", "b", "a", "b", "a"]
    assert all(r[0]["budget"] == 100 and r[1] is True for r in results)
    assert a.checker.many_calls == [3] and b.checker.many_calls == [3]
    assert sorted(sum(recorded_batches, [])) == list(range(6))
    batcher.close()


def test_input_error_of_a_lone_post_becomes_an_error_row() -> None:
    served = FakeServed(FakeChecker("a"))
    served.checker.gate.set()
    batcher = CheckBatcher(threads=1, max_batch=8, budget_ms=None, record_many=lambda ds: True)
    result, _ = batcher.submit(served, {"text": "a\x00", "id": "p"}, lambda r: r).result(5)
    assert result["schema"] == "charterguard.error/1" and result["id"] == "p"
    batcher.close()


def test_engine_failure_fails_the_batch_not_the_thread() -> None:
    blocker = FakeServed(FakeChecker("blocker"))
    broken = FakeServed(FakeChecker("broken", fail=True))
    batcher = CheckBatcher(threads=1, max_batch=8, budget_ms=None, record_many=None)
    first = batcher.submit(blocker, {"text": "x"}, None)
    time.sleep(0.1)
    futures = [batcher.submit(broken, {"text": "t"}, None) for _ in range(3)]
    blocker.checker.gate.set()
    first.result(5)
    for f in futures:
        with pytest.raises(RuntimeError):
            f.result(5)
    assert batcher.submit(blocker, {"text": "still alive"}, None).result(5)[0]["verdict"] == "pass"
    batcher.close()

"""The decision-log writer (group commit): every decision handed over is committed,
failures are isolated, and nothing is lost when the server shuts down."""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from charterguard.api.batcher import CheckBatcher
from charterguard.decisions import Decision, DecisionWriter, TextHasher, open_log
from charterguard.decisions.writer import DecisionWriterClosed

from .conftest import LIGHT_CHARTER, start_server
from .test_batcher import FakeChecker, FakeServed


def decision(length: int = 3) -> Decision:
    return Decision(kind="check", text_hmac=uuid.uuid4().hex * 2, hmac_key_id="k", text_length=length, verdict="pass")


class SlowStore:
    """A real SQLite log whose commits take a while (and can be held)."""

    def __init__(self, path: Path, delay_s: float = 0.0) -> None:
        self.log = open_log(str(path))
        self.delay_s = delay_s
        self.gate = threading.Event()
        self.gate.set()
        self.groups: list[int] = []

    def record_many(self, decisions: list[Decision]) -> None:
        self.gate.wait(10)
        time.sleep(self.delay_s)
        self.log.record_many(decisions)
        self.groups.append(len(decisions))

    def count(self) -> int:
        return self.log.summary()["checks"]


def test_waiting_submissions_are_committed_together(tmp_path: Path) -> None:
    store = SlowStore(tmp_path / "d.sqlite3")
    writer = DecisionWriter(store)  # type: ignore[arg-type]
    store.gate.clear()  # the first commit is held while the others queue up
    first = writer.submit([decision()])
    time.sleep(0.05)
    futures = [writer.submit([decision(), decision()]) for _ in range(20)]
    store.gate.set()
    assert first.result(5) is True and all(f.result(5) is True for f in futures)
    assert store.groups == [1, 40]  # one transaction for the 20 requests that waited
    assert store.count() == 41
    writer.close()


def test_close_writes_everything_submitted_then_refuses(tmp_path: Path) -> None:
    store = SlowStore(tmp_path / "d.sqlite3", delay_s=0.01)
    writer = DecisionWriter(store, max_group=5)  # type: ignore[arg-type]
    with ThreadPoolExecutor(4) as pool:
        futures = list(pool.map(lambda _: writer.submit([decision()]), range(200)))
    assert writer.close(timeout=30) is True  # returns only once the queue is written
    assert all(f.done() and f.result() is True for f in futures)
    assert store.count() == 200
    with pytest.raises(DecisionWriterClosed):
        writer.submit([decision()])


def test_a_failing_submission_does_not_take_the_others_with_it(tmp_path: Path) -> None:
    store = SlowStore(tmp_path / "d.sqlite3")
    errors: list[BaseException] = []

    class PickyStore:
        def record_many(self, decisions: list[Decision]) -> None:
            if any(d.text_length == 13 for d in decisions):
                raise RuntimeError("constraint failed")
            store.record_many(decisions)

    writer = DecisionWriter(PickyStore(), on_error=errors.append)  # type: ignore[arg-type]
    store.gate.clear()
    held = writer.submit([decision()])
    time.sleep(0.05)
    good, bad, other = writer.submit([decision()]), writer.submit([decision(13)]), writer.submit([decision()])
    store.gate.set()
    assert held.result(5) is True
    assert (good.result(5), bad.result(5), other.result(5)) == (True, False, True)
    assert store.count() == 3 and len(errors) == 2  # the group, then the bad one alone
    writer.close()


def test_batcher_answers_once_the_writer_has_committed(tmp_path: Path) -> None:
    store = SlowStore(tmp_path / "d.sqlite3")
    writer = DecisionWriter(store)  # type: ignore[arg-type]
    served = FakeServed(FakeChecker("a"))
    served.checker.gate.set()
    batcher = CheckBatcher(threads=1, max_batch=8, budget_ms=None, record_many=writer.submit)
    store.gate.clear()
    future = batcher.submit(served, {"text": "hi", "id": 1}, lambda report: decision())
    time.sleep(0.1)
    assert not future.done()  # checked, but not yet committed: not answered
    store.gate.set()
    report, recorded = future.result(5)
    assert report["id"] == 1 and recorded is True and store.count() == 1
    batcher.close(timeout=5)
    writer.close()


@pytest.mark.slow
def test_no_decision_is_lost_when_the_server_stops_under_load(tmp_path: Path) -> None:
    (tmp_path / "light.yaml").write_text(LIGHT_CHARTER, encoding="utf-8")
    db = tmp_path / "decisions.sqlite3"
    srv = start_server(tmp_path, "--charter", str(tmp_path / "light.yaml"), "--decision-log", str(db), "--no-access-log")
    answered: list[str] = []  # texts whose check was answered "logged"
    stop = threading.Event()

    def client() -> None:
        with httpx.Client(base_url=srv.base_url, timeout=30) as http:
            while not stop.is_set():
                text = "Zorglub " + uuid.uuid4().hex
                try:
                    response = http.post("/v1/check", json={"text": text})
                except httpx.HTTPError:
                    return  # the server stopped accepting
                if response.status_code == 200 and response.headers.get("x-charterguard-decision-logged") == "true":
                    answered.append(text)

    threads = [threading.Thread(target=client) for _ in range(8)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.5)
        srv.proc.send_signal(signal.SIGTERM)  # graceful stop while requests are in flight
        # uvicorn re-raises the signal once it has shut down cleanly
        assert srv.proc.wait(timeout=60) in (0, -signal.SIGTERM)
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
        srv.stop()
    assert len(answered) > 20
    hasher = TextHasher.from_file(str(db) + ".hmac-key", create=False)
    stored = {row[0] for row in sqlite3.connect(db).execute("SELECT text_hmac FROM cg_decisions")}
    missing = [t for t in answered if hasher.digest(t) not in stored]
    assert not missing, f"{len(missing)} of {len(answered)} answered checks are not in the decision log"
    log = srv.log_text()
    assert "Application shutdown complete" in log
    assert "not recorded" not in log and "may be lost" not in log and "could not write" not in log

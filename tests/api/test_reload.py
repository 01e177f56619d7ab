"""Charters reload when their file changes, without dropping requests in flight."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest

from .conftest import RELOAD_CHARTER, Server

pytestmark = pytest.mark.slow


def wait_for(predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def test_reload_on_change_under_load(server: Server) -> None:
    charter_file = Path(server.workdir) / "reload-test.yaml"
    statuses: list[int] = []
    stop = threading.Event()

    def hammer() -> None:
        with server.client("check") as client:
            while not stop.is_set():
                try:
                    statuses.append(client.post("/v1/check", json={"text": "Le projet Marsupilami avance.", "charter": "reload-test"}).status_code)
                except httpx.HTTPError:
                    statuses.append(-1)

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        with server.client("check") as client:
            before = client.get("/v1/charters/reload-test").json()
            assert client.post("/v1/check", json={"text": "Le projet Marsupilami avance.", "charter": "reload-test"}).json()["verdict"] != "block"

            charter_file.write_text(RELOAD_CHARTER.replace('version: "1"', 'version: "2"').replace("[Zorglub]", "[Zorglub, Marsupilami]"))
            wait_for(lambda: client.get("/v1/charters/reload-test").json()["version"] == "2")
            after = client.get("/v1/charters/reload-test").json()
            assert after["sha256"] != before["sha256"] and after["reload_error"] is None
            report = client.post("/v1/check", json={"text": "Le projet Marsupilami avance.", "charter": "reload-test"}).json()
            assert report["verdict"] == "block" and report["charter"]["version"] == "2"

            # A broken edit keeps the last good version serving, and says why.
            charter_file.write_text(RELOAD_CHARTER.replace('version: "1"', 'version: "3"') + "rules:\n  - id: broken\n    kind: no-such-kind\n")
            wait_for(lambda: client.get("/v1/charters/reload-test").json()["reload_error"] is not None)
            broken = client.get("/v1/charters/reload-test").json()
            assert broken["version"] == "2" and "reload-test.yaml" in broken["reload_error"]
            assert client.post("/v1/check", json={"text": "Le projet Marsupilami avance.", "charter": "reload-test"}).status_code == 200
    finally:
        charter_file.write_text(RELOAD_CHARTER)
        stop.set()
        for t in threads:
            t.join()
    with server.client("check") as client:
        wait_for(lambda: client.get("/v1/charters/reload-test").json()["version"] == "1")
    assert statuses and set(statuses) == {200}, f"{len(statuses)} requests, statuses {set(statuses)}"

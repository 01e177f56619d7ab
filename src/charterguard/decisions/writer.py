"""Group commit: decisions written by one background thread, many requests per transaction.

Check threads hand their decisions over (`submit`) and go back to checking;
the writer takes everything waiting at that moment and writes it in one
transaction (a PostgreSQL round trip or a SQLite commit per group instead of
per request). The future of each submission says whether its decisions were
committed, and the API answers a request only once its future is done, so the
`X-Charterguard-Decision-Logged: true` header still means "committed".

Nothing submitted is dropped: `close()` refuses new submissions, then waits
for the writer to write everything queued before it. If a group fails as a
whole (one bad row, or the database went away), its submissions are retried
one by one, so one failure never takes other requests' decisions with it.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future
from typing import Callable

from .record import Decision
from .store import DecisionLog

log = logging.getLogger("charterguard.decisions")

MAX_GROUP = 1000  # decisions per transaction at most


class DecisionWriterClosed(RuntimeError):
    """A submission after close(): the server is shutting down."""


class DecisionWriter:
    def __init__(self, store: DecisionLog, on_error: Callable[[BaseException], None] | None = None, max_group: int = MAX_GROUP) -> None:
        self._store = store
        self._on_error = on_error or (lambda exc: log.error("could not write the decision log: %s", type(exc).__name__))
        self._max_group = max_group
        self._queue: queue.SimpleQueue[tuple[list[Decision], Future] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self.groups_written = 0  # transactions committed (for tests and benchmarks)
        self._thread = threading.Thread(target=self._loop, name="decision-writer", daemon=True)
        self._thread.start()

    def submit(self, decisions: list[Decision]) -> "Future[bool]":
        """Queue `decisions`; the future is True once committed, False if they could not be written."""
        future: Future[bool] = Future()
        if not decisions:
            future.set_result(True)
            return future
        with self._lock:  # no submission can slip in after close() queued the sentinel
            if self._closed:
                raise DecisionWriterClosed("the decision log is closing")
            self._queue.put((decisions, future))
        return future

    def write(self, decisions: list[Decision], timeout: float | None = None) -> bool:
        """Submit and wait: True once committed."""
        return self.submit(decisions).result(timeout)

    def close(self, timeout: float | None = 60.0) -> bool:
        """Write everything submitted so far, then stop; False if that did not finish within `timeout`."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._queue.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("the decision log writer did not finish within %s s: decisions still queued may be lost", timeout)
            return False
        return True

    # -- the writer thread ---------------------------------------------------------

    def _loop(self) -> None:
        stopping = False
        while not stopping:
            item = self._queue.get()
            if item is None:
                return
            group = [item]
            size = len(item[0])
            while size < self._max_group:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:  # close(): write this group, then stop (nothing can follow the sentinel)
                    stopping = True
                    break
                group.append(more)
                size += len(more[0])
            self._write(group)

    def _write(self, group: list[tuple[list[Decision], Future]]) -> None:
        if self._commit([d for decisions, _ in group for d in decisions]):
            for _, future in group:
                future.set_result(True)
            return
        if len(group) == 1:
            group[0][1].set_result(False)
            return
        for decisions, future in group:  # isolate the failure
            future.set_result(self._commit(decisions))

    def _commit(self, decisions: list[Decision]) -> bool:
        try:
            self._store.record_many(decisions)
        except Exception as exc:  # reported through the futures (and the log, without any text)
            self._on_error(exc)
            return False
        self.groups_written += 1
        return True

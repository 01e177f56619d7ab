"""Coalesce concurrent single-post checks into `Checker.check_many` calls.

Under load, requests for POST /v1/check arrive while a check is running. Each
dispatcher thread takes every request waiting at that moment (up to
`max_batch`) and checks them in one `check_many` call, so spaCy parses them in
one batch (markedly cheaper per post than one `check` each) and their
decisions are written in one transaction. A lone request is checked at once:
coalescing never waits for company, so it adds no latency when idle. Each post
keeps its own time budget (`check_many(budget_ms=)` fails closed per post).
"""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Callable

from ..engine import CheckError
from ..errors import InputError


@dataclass(slots=True)
class Job:
    served: Any  # charters.Served: the checker of the charter version the request started with
    row: dict[str, Any]  # {"text", "lang"?, "channel"?, "audience"?, "id"?}
    decide: Callable[[dict[str, Any]], Any] | None  # report dict -> Decision to record (None: no recording)
    future: Future  # -> (report dict or error dict, recorded: bool | None)


def _succeeded(done: Future) -> bool:
    return not done.cancelled() and done.exception() is None and bool(done.result())


class CheckBatcher:
    """`record_many(decisions)` returns whether they were recorded, or a Future of that
    (a background writer): then the jobs are answered when it is done."""

    def __init__(self, threads: int, max_batch: int, budget_ms: float | None, record_many: Callable[[list[Any]], "bool | Future"] | None) -> None:
        self._queue: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._max_batch = max_batch
        self._budget_ms = budget_ms
        self._record_many = record_many
        self._threads = [threading.Thread(target=self._loop, name=f"check-{i}", daemon=True) for i in range(threads)]
        for thread in self._threads:
            thread.start()

    def submit(self, served: Any, row: dict[str, Any], decide: Callable[[dict[str, Any]], Any] | None) -> Future:
        future: Future = Future()
        self._queue.put(Job(served, row, decide, future))
        return future

    def close(self, timeout: float | None = None) -> None:
        """Stop after the jobs already submitted are checked (and handed to the decision log)."""
        for _ in self._threads:
            self._queue.put(None)
        if timeout is not None:
            deadline = time.monotonic() + timeout
            for thread in self._threads:
                thread.join(max(0.0, deadline - time.monotonic()))

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            jobs = [job]
            while len(jobs) < self._max_batch:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:  # closing: finish this batch, then stop
                    self._queue.put(None)
                    break
                jobs.append(more)
            # Jobs of different charters (or charter versions) go to their own checker.
            groups: dict[int, list[Job]] = {}
            for j in jobs:
                groups.setdefault(id(j.served), []).append(j)
            for group in groups.values():
                self._run(group)

    def _run(self, jobs: list[Job]) -> None:
        live = [j for j in jobs if j.future.set_running_or_notify_cancel()]
        if not live:
            return
        checker = live[0].served.checker
        if len(live) > 1:
            rows = [j.row for j in live]
            self._answer(live, lambda: list(checker.check_many(rows, on_error="return", budget_ms=self._budget_ms)))
        else:
            self._answer(live, lambda: [self._check_one(checker, live[0].row)])

    def _answer(self, jobs: list[Job], check: Callable[[], list[Any]]) -> None:
        """Check `jobs` (`check` gives a Report or a CheckError each), record their decisions in
        one transaction, then answer them with the JSON of their result, made here, off the event loop."""
        try:
            checked = check()
            results = [result.to_dict() for result in checked]
        except Exception as exc:  # an engine failure fails these requests, never the thread
            for j in jobs:
                j.future.set_exception(exc)
            return
        recorded: bool | None = None
        decisions = [j.decide(data) for j, result, data in zip(jobs, checked, results)
                     if j.decide is not None and not isinstance(result, CheckError)]
        if self._record_many is not None and any(j.decide is not None for j in jobs):
            outcome = self._record_many(decisions) if decisions else True
            if isinstance(outcome, Future):
                # A background writer commits them: this thread goes back to checking, and the
                # requests are answered once the commit is done (or failed).
                outcome.add_done_callback(lambda done: self._resolve(jobs, results, _succeeded(done)))
                return
            recorded = outcome
        self._resolve(jobs, results, recorded)

    @staticmethod
    def _resolve(jobs: list[Job], results: list[dict[str, Any]], recorded: bool | None) -> None:
        for j, result in zip(jobs, results):
            j.future.set_result((result, recorded if j.decide is not None else None))

    def _check_one(self, checker: Any, row: dict[str, Any]) -> Any:
        """The Report of one post, or the CheckError check_many(on_error="return") would give."""
        try:
            return checker.check(
                row["text"], lang=row.get("lang"), channel=row.get("channel"), audience=row.get("audience"), id=row.get("id"), budget_ms=self._budget_ms
            )
        except InputError as exc:
            return CheckError(row.get("id"), str(exc))

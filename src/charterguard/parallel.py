"""Batch checking on every core: worker processes, one `Checker` per worker.

    for row, outcome in check_rows(read_posts(paths), GateConfig("default"), workers=2):
        out.write(json.dumps(outcome.to_dict()) + "\\n")

- Processes, not threads: detection is CPU-bound Python and spaCy.
- The caller's compiled charter is used as is in this process; each worker process
  (started by a forkserver: no memory shared) rebuilds it from its validated spec, so
  it compiles once and reads no file, then builds its `Checker` once (spaCy models are
  loaded once per process by `charterguard.nlp`, on first use).
- Input that fits in one chunk is checked in this process: a pool would load the
  models again for a handful of posts.
- Input is streamed in chunks with at most `2 x workers` chunks in flight, so
  memory stays flat however long the input is; results come back in input order.
- A worker settles its heap (`engine.settle_heap`) once its chunks have loaded the models:
  the garbage collector no longer walks them at every full collection (~0.4 ms a post).
- `RowChecker` is the one place where a row becomes an output row: the local
  batch, the worker processes and the Spark job (`charterguard.spark`) all call
  it, which is why they produce the same reports.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

from .charter.model import Charter
from .engine import DEFAULT_MAX_CHARS, Checker, CheckError, settle_heap
from .errors import BatchAborted, CharterguardError  # BatchAborted: importable from here too
from .report import Finding, Report
from .sources import PostRow
from .waivers import Waiver, WaiverSet, fingerprint

DEFAULT_CHUNK = 64  # rows per task: the engine's NLP batch size


@dataclass(frozen=True, slots=True)
class GateConfig:
    """What every worker needs to check rows the same way (picklable)."""

    charter_ref: str = "default"
    waivers: WaiverSet | None = None
    max_chars: int = DEFAULT_MAX_CHARS


@dataclass(slots=True)
class Outcome:
    """The result for one row: a report (with what was waived) or an error."""

    report: Report | None = None
    error: CheckError | None = None
    waived: list[tuple[Finding, Waiver]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The output row: report JSON (charterguard.report/1) plus, per finding, its
        waiver `fingerprint`, and the `waived` findings with their waiver."""
        if self.error is not None:
            return self.error.to_dict()
        assert self.report is not None
        data = self.report.to_dict()
        for finding_data, finding in zip(data["findings"], self.report.findings):
            finding_data["fingerprint"] = fingerprint(finding.text)
        if self.waived:
            data["waived"] = [
                {**finding.to_dict(), "fingerprint": waiver.fingerprint,
                 "waiver": {"reason": waiver.reason, "author": waiver.author, "expires": waiver.expires.isoformat(),
                            **({"ticket": waiver.ticket} if waiver.ticket else {})}}
                for finding, waiver in self.waived
            ]
        return data

    @property
    def verdict(self) -> str | None:
        return self.report.verdict if self.report is not None else None


class RowChecker:
    """Checks `PostRow`s with one charter and one waiver set."""

    def __init__(self, config: GateConfig, charter: Charter | None = None) -> None:
        """`charter`, when given, is used instead of loading `config.charter_ref`
        (the CLI's compiled charter; the Spark job ships the charter resolved on the driver)."""
        self.config = config
        self.checker = Checker(charter or Charter.load(config.charter_ref), max_chars=config.max_chars)
        self.waivers = config.waivers

    def check(self, rows: list[PostRow]) -> list[Outcome]:
        """Outcomes for `rows`, in order, through `check_many` (NLP batched); a dated
        row is judged at its own date (time-windowed rules)."""
        outcomes: list[Outcome | None] = [None] * len(rows)
        readable: list[int] = []
        for index, row in enumerate(rows):
            if row.problem is not None:
                outcomes[index] = Outcome(error=CheckError(row.id, row.problem))
            else:
                readable.append(index)
        results = self.checker.check_many((rows[i].engine_row() for i in readable), on_error="return")
        for index, result in zip(readable, results):
            row = rows[index]
            if isinstance(result, CheckError):
                outcomes[index] = Outcome(error=CheckError(result.id, f"{_where(row)}: {result.message}", result.code))
            else:
                outcomes[index] = self._waive(result, row)
        return outcomes  # type: ignore[return-value]

    def _waive(self, report: Report, row: PostRow) -> Outcome:
        if self.waivers is None:
            return Outcome(report=report)
        report, waived = self.waivers.apply(report, row.text or "")
        return Outcome(report=report, waived=waived)


def _where(row: PostRow) -> str:
    return f"{row.uri}:{row.first_line}"


# -- worker processes ----------------------------------------------------------
class WorkerProcess:
    """What a worker process of the pool holds: one `RowChecker`, warmed up, that settles the
    process's heap (`engine.settle_heap`) after its first chunk and after any chunk that grew
    the heap by a quarter: what posts load on demand (the tone and inside-information readings,
    the sentence encoder, lexicons) is then out of the full collections of the rest of the batch."""

    def __init__(self, config: GateConfig, spec_json: str | None) -> None:
        self.checker = RowChecker(config, Charter.from_spec_json(spec_json) if spec_json is not None else None)
        # Load the French pipeline now (if the charter's rules need one) rather than
        # inside the first chunk, so progress and ETA are not skewed by model loading.
        self.checker.check([PostRow(id=None, text="Bonjour à toutes et à tous.", uri="warm-up", lang="fr")])
        self.settled_blocks = 0  # the interpreter's allocated memory blocks when it last settled (0: never)

    def check(self, rows: list[PostRow]) -> list[Outcome]:
        outcomes = self.checker.check(rows)
        # (a cheap measure of the heap: a model loaded on demand adds a block per string and number)
        if sys.getallocatedblocks() > self.settled_blocks * SETTLE_GROWTH:
            settle_heap()
            self.settled_blocks = sys.getallocatedblocks()
        return outcomes


# A worker settles its heap again once it has grown by this factor since it last did (the
# collector's own rule for a full collection: a quarter more long-lived objects).
SETTLE_GROWTH = 1.25


_worker: WorkerProcess | None = None


def _init_worker(config: GateConfig, spec_json: str | None) -> None:
    global _worker
    _worker = WorkerProcess(config, spec_json)


def _check_chunk(rows: list[PostRow]) -> list[Outcome]:
    assert _worker is not None, "worker not initialised"
    return _worker.check(rows)


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def check_rows(
    rows: Iterable[PostRow],
    config: GateConfig,
    workers: int | None = None,
    *,
    charter: Charter | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    in_flight: int | None = None,
) -> Iterator[tuple[PostRow, Outcome]]:
    """(row, outcome) for every row, in input order.

    workers=1 checks in this process; more start a process pool whose workers
    each build one `Checker`. At most `in_flight` chunks (default 2 x workers)
    are queued, which bounds memory and keeps every worker busy. `charter`: the
    compiled `config.charter_ref`, when the caller has it (not loaded again).
    """
    workers = workers or default_workers()
    chunks = _chunks(rows, chunk_size)
    first_two = list(islice(chunks, 2))
    chunks = chain(first_two, chunks)
    if workers <= 1 or len(first_two) < 2:
        checker = RowChecker(config, charter)
        for chunk in chunks:
            yield from zip(chunk, checker.check(chunk))
        return
    limit = in_flight or 2 * workers
    # forkserver: workers start from a clean process, not a fork of a parent
    # that may hold threads or a loaded model.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=_init_worker, initargs=(config, charter.spec_json() if charter is not None else None))
    pending: deque[tuple[list[PostRow], Future[list[Outcome]]]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_check_chunk, chunk)))
            if len(pending) >= limit:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        for _chunk, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(chunk: list[PostRow], future: Future[list[Outcome]]) -> Iterator[tuple[PostRow, Outcome]]:
    try:
        outcomes = future.result()
    except BrokenProcessPool:
        raise BatchAborted("a worker process died (out of memory or killed); rerun with fewer --workers") from None
    except CharterguardError:
        raise
    except Exception as exc:  # a bug in a worker: say which rows, never their text
        first, last = chunk[0], chunk[-1]
        raise BatchAborted(
            f"a worker failed on rows {first.uri}:{first.first_line}..{last.uri}:{last.first_line}: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    return zip(chunk, outcomes)


def _chunks(rows: Iterable[PostRow], size: int) -> Iterator[list[PostRow]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk

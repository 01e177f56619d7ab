"""What the app holds between requests (`State`), and how a route reaches it: the
`app_state` dependency, the one way in. Also the steps every check route takes
with it: find the charter, wait for the models, bound the wait for an answer."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any, Callable

from fastapi import Request

from .. import nlp
from ..decisions import ChainKey, Decision, DecisionLog, TextHasher, open_log
from ..decisions.writer import DecisionWriter, DecisionWriterClosed
from ..engine import settle_heap
from ..errors import CharterguardError, InputError, ModelNotInstalledError
from .batcher import CheckBatcher
from .charters import CharterRegistry, Served
from .errors import ApiError, safe_traceback
from .keys import WatchedKeyRing
from .ratelimit import RateLimiter
from .settings import Settings, SettingsError

log = logging.getLogger("charterguard.api")

COALESCE_MAX = 32  # single-post checks checked together at most (see batcher.py)
SHUTDOWN_WAIT_S = 30.0  # at shutdown, how long checks still running may take to finish (and be recorded)
REQUEST_CEILING_FACTOR = 3  # request ceiling = this many per-post budgets + 1 s (thread pool queueing)
WARMUP_TEXTS = (("Bonjour à tous, ravie de rejoindre l'équipe de Marie à Lyon.", "fr"), ("Happy to join the team of John in London.", "en"))
NOT_READY_RETRY_AFTER_S = 2


class State:
    """What the app holds between requests."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # A request with no answer after this long gets 504, failing closed.
        self.ceiling_s = REQUEST_CEILING_FACTOR * settings.time_budget_ms / 1000 + 1
        # Reloaded when the file changes (key rotation without restart).
        self.keyring: WatchedKeyRing | None = WatchedKeyRing(settings.api_keys_file, settings.reload_interval_s) if settings.api_keys_file else None
        self.rate_limiter = RateLimiter(settings.rate_limit_per_minute) if settings.rate_limit_per_minute else None
        self.charters = CharterRegistry(settings.charters)
        self.decisions: DecisionLog | None = None
        self.hasher: TextHasher | None = None
        if settings.record_decisions and settings.decision_log:
            self.decisions = open_log(settings.decision_log)
            try:
                if settings.hmac_key:
                    self.hasher = TextHasher.from_string(settings.hmac_key)
                else:
                    self.hasher = TextHasher.from_file(settings.resolved_hmac_key_file())
            except (OSError, ValueError) as exc:  # a key too short, a key file that cannot be read or created
                raise SettingsError(str(exc)) from None
            self.decisions.chain_key = ChainKey.from_text_key(self.hasher.key)  # every row sealed (decisions/chain.py)
        # Decisions are committed by one background thread, many requests per transaction
        # (group commit); requests are answered once theirs are committed.
        self.writer: DecisionWriter | None = DecisionWriter(self.decisions, on_error=log_write_error) if self.decisions is not None else None
        # Batch checks, a chunk at a time (see routers/checks.py); single-post checks go through the batcher.
        self.executor = ThreadPoolExecutor(max_workers=settings.check_threads, thread_name_prefix="work")
        # Decision-log queries wait on the database, not on checks: a pool of their own,
        # so a long batch never holds up GET /v1/decisions.
        self.query_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="query")
        self.batcher = CheckBatcher(
            threads=settings.check_threads,
            max_batch=COALESCE_MAX,
            budget_ms=settings.time_budget_ms,
            record_many=self.submit_decisions if self.writer is not None else None,
        )
        self.ready = threading.Event()
        self.warmup_error: str | None = None
        self.stopping = threading.Event()

    def start_retention(self) -> None:
        if self.settings.retention_days and self.decisions is not None:
            threading.Thread(target=self._purge_daily, name="retention", daemon=True).start()

    def _purge_daily(self) -> None:
        """Retention: decisions older than `retention_days` are purged at start, then every 24 h."""
        assert self.decisions is not None
        while not self.stopping.is_set():
            before = datetime.now(UTC) - timedelta(days=self.settings.retention_days)
            try:
                count = self.decisions.purge(before)
                if count:
                    log.info("retention: %d decision(s) older than %d days purged", count, self.settings.retention_days)
            except Exception as exc:  # noqa: BLE001  (sqlite3, psycopg or DecisionLogError): retried the next day
                log.error("retention: the purge failed: %s", safe_traceback(exc))
            self.stopping.wait(24 * 3600)

    def submit_decisions(self, decisions: list[Decision]) -> Future[bool]:
        """Hand decisions to the writer; the future says whether they were committed."""
        if self.writer is None:
            return _done(False)
        try:
            return self.writer.submit(decisions)
        except DecisionWriterClosed:
            log.error("a decision arrived after the decision log was closed; it was not recorded")
            return _done(False)

    def record_many(self, decisions: list[Decision]) -> bool:
        """Write decisions and wait; on failure it is logged (without text) and the caller told by a header."""
        return self.submit_decisions(decisions).result()

    def warm_up(self) -> None:
        """Load the NLP models every served charter may need, before /readyz says ready."""
        try:
            for served in self.charters.all():
                served.checker.warm_up()  # every pipeline component and model its rules may use
                for text, lang in WARMUP_TEXTS:
                    served.checker.check(text, lang=lang)
            settle_heap()
            self.ready.set()
            log.info("ready: charters %s, NLP models %s", [s.name for s in self.charters.all()], nlp.loaded_models())
        except Exception as exc:
            self.warmup_error = f"{type(exc).__name__}: {exc}" if isinstance(exc, CharterguardError) else type(exc).__name__
            log.error("warm-up failed, /readyz will stay 503:\n%s", safe_traceback(exc))

    def reload_now(self) -> None:
        """SIGHUP (to a one-worker server, or forwarded to each worker by the supervisor): the
        charters whose files changed and the API keys file, reloaded now rather than at the next
        look. Requests keep being answered by the current checkers until the new ones are built
        and warm (the models stay loaded)."""
        try:
            reloaded = self.charters.reload_changed()
            if self.keyring is not None:
                self.keyring.reload_now()
            log.info("SIGHUP: charters reloaded: %s; API keys file %s", reloaded or "none changed", "looked at" if self.keyring else "not used")
        except Exception as exc:  # never let a signal kill the server
            log.error("SIGHUP: the reload failed: %s", safe_traceback(exc))

    def close(self) -> None:
        """Stop, losing no decision: checks still running are finished (within SHUTDOWN_WAIT_S) and
        every decision handed to the writer is committed before the log is closed."""
        self.charters.stop_watching()
        self.stopping.set()
        deadline = time.monotonic() + SHUTDOWN_WAIT_S
        self.batcher.close(timeout=SHUTDOWN_WAIT_S)
        # Batch checks still running (their request was answered 504) record their decisions too.
        self.query_executor.shutdown(wait=False, cancel_futures=True)
        pool_done = threading.Thread(target=self.executor.shutdown, kwargs={"wait": True, "cancel_futures": True}, daemon=True)
        pool_done.start()
        pool_done.join(max(0.0, deadline - time.monotonic()))
        if pool_done.is_alive():
            log.error("checks still running after %s s at shutdown: their decisions are not recorded", SHUTDOWN_WAIT_S)
        if self.writer is not None:
            self.writer.close(timeout=SHUTDOWN_WAIT_S)
        if self.decisions is not None:
            self.decisions.close()

    # -- what routes ask of it ---------------------------------------------------

    def served(self, name: str | None) -> Served:
        """The charter `name` (the default one for None); 404 `unknown_charter` when not served here."""
        served = self.charters.get(name)
        if served is None:
            names = ", ".join(s.name for s in self.charters.all())
            raise ApiError(404, "unknown_charter", f"No charter named {name!r} is served here; use one of: {names} (GET /v1/charters).", charters=[s.name for s in self.charters.all()])
        return served

    def not_ready_error(self) -> ApiError:
        """503 `not_ready` with Retry-After: the answer while the models load (or failed to)."""
        message = "The server is still loading its NLP models; retry in a few seconds."
        if self.warmup_error:
            message = f"The server could not load what it needs ({self.warmup_error}); see its log."
        return ApiError(503, "not_ready", message, headers={"Retry-After": str(NOT_READY_RETRY_AFTER_S)})

    async def until_ready(self) -> None:
        """A check sent while the models load waits for them, up to the request ceiling, then gets 503.
        No check runs before the warm-up ends, so no request imports spaCy beside it."""
        deadline = time.monotonic() + self.ceiling_s
        while not self.ready.is_set():
            if self.warmup_error or time.monotonic() >= deadline:
                raise self.not_ready_error()
            await asyncio.sleep(0.05)


async def app_state(request: Request) -> State:
    """Dependency: the app's `State`. (async: a plain `def` dependency costs a thread hop per request.)"""
    state: State = request.app.state.cg
    return state


def log_write_error(exc: BaseException) -> None:
    log.error("could not write the decision log: %s", safe_traceback(exc))


def _done(value: Any) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(value)
    return future


async def in_pool(state: State, work: Callable[[], Any], ceiling_s: float) -> Any:
    """Run `work` in the app's thread pool, bounded by `ceiling_s` (see bounded)."""
    return await bounded(asyncio.get_running_loop().run_in_executor(state.executor, work), ceiling_s)


async def bounded(future: asyncio.Future[Any], ceiling_s: float) -> Any:
    """The result of `future`; 504, failing closed, past `ceiling_s`; engine errors as 422/503."""
    try:
        return await asyncio.wait_for(future, timeout=ceiling_s)
    except TimeoutError:
        raise ApiError(
            504,
            "check_timeout",
            f"The check did not finish within {ceiling_s:.1f} s, so it is treated as blocked: do not publish yet. Retry later, or shorten the post.",
            verdict="block",
            incomplete=True,
        ) from None
    except InputError as exc:
        raise invalid_text(str(exc)) from None
    except ModelNotInstalledError as exc:
        raise ApiError(503, "model_missing", str(exc)) from None


def invalid_text(engine_message: str) -> ApiError:
    """422 for a post the engine cannot check; the engine's message never quotes the post."""
    return ApiError(422, "invalid_text", f"{engine_message.rstrip('.')}. Fix the text and send again.")


def logged_header(recorded: bool | None) -> dict[str, str]:
    """Whether the request's decisions were recorded (no header when the server keeps no log)."""
    return {} if recorded is None else {"X-Charterguard-Decision-Logged": "true" if recorded else "false"}

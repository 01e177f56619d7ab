"""The FastAPI application: `create_app(settings)`.

Checks run in threads of their own (the event loop only parses and answers):
single posts through the coalescer of batcher.py, batches in a thread pool.
Each post has the settings' time budget: a check that runs out of budget comes
back `incomplete` with verdict `block` (fail closed), and a request that still
has no answer after REQUEST_CEILING_FACTOR budgets (plus one budget per post
of a batch) gets 504 with the same fail-closed verdict. The text of a post is
never logged, never echoed in an error, and only kept as an HMAC in the
decision log.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, AsyncIterator, Awaitable, Callable, Literal

from fastapi import Body, Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BeforeValidator

from .. import nlp
from ..charter.rule import RuleSpec
from ..decisions import (
    ChainKey,
    Decision,
    DecisionLog,
    Filters,
    SkippedRow,
    TextHasher,
    decision_from_report,
    open_log,
    parse_time,
)
from ..decisions.writer import DecisionWriter, DecisionWriterClosed
from ..errors import CharterguardError, InputError, ModelNotInstalledError
from .batcher import CheckBatcher
from .charters import CharterRegistry, Served, rules_of
from .cors import JsonCORSMiddleware
from .errors import ApiError, error_responses, install_error_handlers, safe_traceback
from .hosts import HostAllowList, HostCheckMiddleware
from .keys import LOCAL_KEY, ApiKey, WatchedKeyRing
from .limits import BodyLimitMiddleware
from .models import (
    BatchRequest,
    CharterDetail,
    CharterList,
    CheckRequest,
    DecisionPage,
    DecisionSummary,
    DismissalRequest,
    DismissalResponse,
    OverrideRequest,
    OverrideResponse,
    batch_response,
    report_response,
)
from .protocol import GuardedHttpToolsProtocol
from .ratelimit import RateLimiter
from .settings import Settings

log = logging.getLogger("charterguard.api")

API_VERSION = "1"
COALESCE_MAX = 32  # single-post checks checked together at most (see batcher.py)
SHUTDOWN_WAIT_S = 30.0  # at shutdown, how long checks still running may take to finish (and be recorded)
REQUEST_CEILING_FACTOR = 3  # request ceiling = this many per-post budgets + 1 s (thread pool queueing)
# A batch is checked this many posts at a time, each chunk queued behind the work already
# waiting: a 1,000-post batch no longer holds the pool while a 1-post batch times out.
BATCH_CHUNK = 16
WARMUP_TEXTS = (("Bonjour à tous, ravie de rejoindre l'équipe de Marie à Lyon.", "fr"), ("Happy to join the team of John in London.", "en"))

bearer = HTTPBearer(auto_error=False, description="An API key from the server's keys file, sent as `Authorization: Bearer <key>`.")


# -- application state ----------------------------------------------------------


class State:
    """What the app holds between requests."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # Reloaded when the file changes (key rotation without restart).
        self.keyring: WatchedKeyRing | None = WatchedKeyRing(settings.api_keys_file, settings.reload_interval_s) if settings.api_keys_file else None
        self.rate_limiter = RateLimiter(settings.rate_limit_per_minute) if settings.rate_limit_per_minute else None
        self.charters = CharterRegistry(settings.charters)
        self.decisions: DecisionLog | None = None
        self.hasher: TextHasher | None = None
        if settings.record_decisions and settings.decision_log:
            self.decisions = open_log(settings.decision_log)
            if settings.hmac_key:
                self.hasher = TextHasher.from_string(settings.hmac_key)
            else:
                self.hasher = TextHasher.from_file(settings.resolved_hmac_key_file())
            self.decisions.chain_key = ChainKey.from_text_key(self.hasher.key)  # every row sealed (decisions/chain.py)
        # Decisions are committed by one background thread, many requests per transaction
        # (group commit); requests are answered once theirs are committed.
        self.writer: DecisionWriter | None = DecisionWriter(self.decisions, on_error=_log_write_error) if self.decisions is not None else None
        # Batch checks, a chunk at a time (see BATCH_CHUNK); single-post checks go through the batcher.
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

    def submit_decisions(self, decisions: list[Decision]) -> "Future[bool]":
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
            self.ready.set()
            log.info("ready: charters %s, NLP models %s", [s.name for s in self.charters.all()], nlp.loaded_models())
        except Exception as exc:
            self.warmup_error = f"{type(exc).__name__}: {exc}" if isinstance(exc, CharterguardError) else type(exc).__name__
            log.error("warm-up failed, /readyz will stay 503:\n%s", safe_traceback(exc))

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


def _log_write_error(exc: BaseException) -> None:
    log.error("could not write the decision log: %s", safe_traceback(exc))


def _done(value: Any) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


def _iso_only(value: Any) -> Any:
    # pydantic would read "1700000000" as a Unix time; the API documents ISO 8601 only.
    if isinstance(value, str) and "-" not in value:
        raise ValueError("expected an ISO 8601 date-time such as 2026-11-01T08:00:00Z")
    return value


QueryTime = Annotated[datetime, BeforeValidator(_iso_only)]


def _state(request: Request) -> State:
    return request.app.state.cg


def require(role: Literal["check", "compliance"]) -> Callable[..., Awaitable[ApiKey]]:
    """Dependency: the caller's key, which must grant `role` (401/403 otherwise)."""

    # async: FastAPI runs a plain `def` dependency in its thread pool, a thread hop
    # (and two GIL hand-offs) per request for a dict lookup.
    async def dependency(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> ApiKey:
        state = _state(request)
        keyring = state.keyring.current() if state.keyring is not None else None
        if keyring is None:  # no keys configured: loopback only (Settings.validate), local user
            if role == "compliance":
                # Without keys anything on the machine may call the server (local tools, any
                # browser page the CORS and Host checks let through): checking stays open,
                # reading what others checked does not.
                raise ApiError(
                    403,
                    "compliance_key_required",
                    "Reading the decision log over HTTP needs a key with the 'compliance' role, and this server has no API keys. "
                    "Create them (`charterguard keys new --id compliance-team --role compliance --append keys.yaml`, plus a "
                    "`--role check` key for the extension and tools) and restart with `--api-keys keys.yaml`; or read the log "
                    "on this machine with `charterguard decisions list|summary|export`.",
                )
            _within_rate_limit(state, LOCAL_KEY)
            return LOCAL_KEY
        if credentials is None:
            raise ApiError(401, "missing_api_key", "This endpoint needs an API key: send it as the header `Authorization: Bearer <key>`.")
        key = keyring.find(credentials.credentials)
        if key is None:
            raise ApiError(401, "invalid_api_key", "This API key is not known to the server: check it, or ask the operator for a new one (`charterguard keys new`).")
        if not key.grants(role):
            raise ApiError(403, "forbidden", f"The key {key.id!r} does not have the {role!r} role this endpoint needs; ask the operator for a key with that role.")
        _within_rate_limit(state, key)
        return key

    return dependency


def _within_rate_limit(state: State, key: ApiKey) -> None:
    """429 with Retry-After when `key` sent more than the server's per-minute limit."""
    if state.rate_limiter is None:
        return
    wait_s = state.rate_limiter.take(key.id)
    if wait_s is not None:
        retry_after = max(1, math.ceil(wait_s))
        raise ApiError(
            429, "rate_limited",
            f"The key {key.id!r} sent more than {state.settings.rate_limit_per_minute} requests a minute: retry in {retry_after} s.",
            headers={"Retry-After": str(retry_after)},
        )  # fmt: skip


def _served(state: State, name: str | None) -> Served:
    served = state.charters.get(name)
    if served is None:
        names = ", ".join(s.name for s in state.charters.all())
        raise ApiError(404, "unknown_charter", f"No charter named {name!r} is served here; use one of: {names} (GET /v1/charters).", charters=[s.name for s in state.charters.all()])
    return served


NOT_READY_RETRY_AFTER_S = 2


def not_ready_error(state: State) -> ApiError:
    """503 `not_ready` with Retry-After: the answer while the models load (or failed to)."""
    message = "The server is still loading its NLP models; retry in a few seconds."
    if state.warmup_error:
        message = f"The server could not load what it needs ({state.warmup_error}); see its log."
    return ApiError(503, "not_ready", message, headers={"Retry-After": str(NOT_READY_RETRY_AFTER_S)})


async def _until_ready(state: State, wait_s: float) -> None:
    """A check sent while the models load waits for them, up to `wait_s`, then gets 503.
    No check runs before the warm-up ends, so no request imports spaCy beside it."""
    deadline = time.monotonic() + wait_s
    while not state.ready.is_set():
        if state.warmup_error or time.monotonic() >= deadline:
            raise not_ready_error(state)
        await asyncio.sleep(0.05)


async def _in_pool(state: State, work: Callable[[], Any], ceiling_s: float) -> Any:
    """Run `work` in the app's thread pool, bounded by `ceiling_s` (see _bounded)."""
    return await _bounded(asyncio.get_running_loop().run_in_executor(state.executor, work), ceiling_s)


async def _bounded(future: "asyncio.Future[Any]", ceiling_s: float) -> Any:
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
        raise _invalid_text(str(exc)) from None
    except ModelNotInstalledError as exc:
        raise ApiError(503, "model_missing", str(exc)) from None


def _invalid_text(engine_message: str) -> ApiError:
    """422 for a post the engine cannot check; the engine's message never quotes the post."""
    return ApiError(422, "invalid_text", f"{engine_message.rstrip('.')}. Fix the text and send again.")


def _logged_header(recorded: bool | None) -> dict[str, str]:
    return {} if recorded is None else {"X-Charterguard-Decision-Logged": "true" if recorded else "false"}


def _charter_summary(state: State, served: Served) -> dict[str, Any]:
    charter = served.charter
    return {
        "name": charter.name,
        "version": str(charter.version),
        "sha256": charter.sha256,
        "allow_publish_anyway": charter.allow_publish_anyway,
        "default": charter.name == state.charters.default_name,
        "rules": len(served.rule_ids),
    }


def _rule_summary(rule: RuleSpec) -> dict[str, Any]:
    return {
        "id": rule.id,
        "kind": rule.kind,
        "category": rule.category,
        "severity": rule.severity,
        "clause": rule.clause,
        "entity": rule.entity_name(),
        "enabled": rule.enabled,
        "when": rule.when.model_dump(mode="json", exclude_none=True) if rule.when is not None else None,
    }


def _swagger_ui_dir() -> str | None:
    """Swagger UI 5's files from the swagger-ui-py package (found without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        return None
    static = os.path.join(next(iter(spec.submodule_search_locations)), "static")
    return static if os.path.isfile(os.path.join(static, "swagger-ui-bundle.js")) else None


def _mount_docs(app: FastAPI) -> None:
    """/docs without the internet: Swagger UI from local files (offline deployments are the norm)."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from starlette.staticfiles import StaticFiles

    static = _swagger_ui_dir()
    if static is not None:
        app.mount("/docs/static", StaticFiles(directory=static), name="swagger-ui")
        assets: dict[str, Any] = {"swagger_js_url": "/docs/static/swagger-ui-bundle.js", "swagger_css_url": "/docs/static/swagger-ui.css", "swagger_favicon_url": ""}
    else:  # swagger-ui-py missing: FastAPI's default page, which needs the CDN
        assets = {}

    @app.get("/docs", include_in_schema=False)
    async def docs() -> Any:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="charterguard API", **assets)


# -- the app --------------------------------------------------------------------


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app. Loads charters, keys and the decision log now, so bad settings fail at start."""
    settings = settings or Settings()
    settings.validate()
    state = State(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.workers > 1:
            # One of several workers: it starts listening (on its own socket, see
            # serving.py) only once its models are loaded, so the kernel never hands a
            # connection to a worker still loading them, at start or on a SIGHUP restart.
            await asyncio.to_thread(state.warm_up)
        else:
            # Warm up in a thread: /healthz answers at once, /readyz once models are loaded.
            threading.Thread(target=state.warm_up, name="warm-up", daemon=True).start()
        state.charters.start_watching(settings.reload_interval_s)
        state.start_retention()
        try:
            yield
        finally:
            state.close()

    app = FastAPI(
        title="charterguard",
        version=API_VERSION,
        summary="Check a social-media post against the company's social-media charter before it is published.",
        description=(
            "Send a post to `POST /v1/check`; the report says `block`, `warn` or `pass`, with the charter clause and a fix for each finding.\n\n"
            "**Authentication**: `Authorization: Bearer <key>` (roles `check` and `compliance`); a server on 127.0.0.1 without keys "
            "needs none for checks and charters, and serves the decision log to no one (403 `compliance_key_required`).\n\n"
            "**Host names**: requests whose `Host` header is not one the server answers to (localhost, 127.0.0.1, [::1] on loopback, "
            "plus `--allowed-host` names) get 400 `host_not_allowed` (DNS rebinding protection).\n\n**Time budget**: a check that runs out of time is returned with `incomplete: true` and verdict `block` "
            "(fail closed); a request with no answer at all gets 504 `check_timeout`.\n\n"
            "**Errors** are JSON: `{\"error\": {\"code\": ..., \"message\": ...}}`; `code` is stable, `message` says what to do. "
            "The post text is never logged nor echoed in errors; the decision log keeps only its HMAC."
        ),
        lifespan=lifespan,
        docs_url=None,  # served below from local files: FastAPI's default loads Swagger UI from a CDN
        redoc_url=None,
    )
    app.state.cg = state
    install_error_handlers(app)
    _mount_docs(app)

    def limit_for_path(path: str) -> int:
        return settings.max_batch_body_bytes if path == "/v1/check/batch" else settings.max_body_bytes

    app.add_middleware(BodyLimitMiddleware, limit_for_path=limit_for_path, body_timeout_s=settings.body_timeout_s)
    GuardedHttpToolsProtocol.configure(settings)  # header timeout and connection cap (protocol.py)
    if settings.cors_origins:
        # Added after the body limit, so outside it: even 401/413 answers carry the CORS headers the extension needs to read them.
        app.add_middleware(
            JsonCORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["X-Charterguard-Decision-Logged"],
            max_age=600,
        )
    # Added last, so outermost: a request under a foreign Host name (DNS rebinding) reaches nothing else.
    app.add_middleware(HostCheckMiddleware, allowed=HostAllowList(settings.allowed_host_names()), port=settings.port)

    ceiling_s = REQUEST_CEILING_FACTOR * settings.time_budget_ms / 1000 + 1

    # -- health ----------------------------------------------------------------

    @app.api_route("/healthz", methods=["GET", "HEAD"], tags=["health"], summary="Liveness: the process answers.")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.api_route("/readyz", methods=["GET", "HEAD"], tags=["health"], summary="Readiness: charters compiled and NLP models loaded.", responses=error_responses(503))
    async def readyz() -> Any:
        if not state.ready.is_set():
            raise not_ready_error(state)
        return {"status": "ready", "charters": [s.name for s in state.charters.all()], "models": nlp.loaded_models()}

    # -- checks ------------------------------------------------------------------

    @app.post(
        "/v1/check",
        tags=["check"],
        summary="Check one post against a charter.",
        response_model=None,
        responses={**report_response(), **error_responses(400, 401, 403, 404, 413, 422, 503, 504)},
    )
    async def check(body: CheckRequest, key: ApiKey = Depends(require("check"))) -> JSONResponse:
        served = _served(state, body.charter)
        await _until_ready(state, ceiling_s)

        decide = None
        if state.hasher is not None:
            hasher = state.hasher

            def decide(report: dict[str, Any]) -> Decision:
                return decision_from_report(
                    report, body.text, hasher, key_id=key.id, channel=body.channel, audience=body.audience, store_text=settings.store_text
                )

        row = body.model_dump(include={"text", "lang", "channel", "audience", "id"})
        result, recorded = await _bounded(asyncio.wrap_future(state.batcher.submit(served, row, decide)), ceiling_s)
        if "error" in result:  # the engine refused the post (binary, too long...)
            raise _invalid_text(result["error"]["message"])
        return JSONResponse(result, headers=_logged_header(recorded))

    @app.post(
        "/v1/check/batch",
        tags=["check"],
        summary="Check many posts (in order) against one charter.",
        description=(
            "Up to the server's batch limit (1000 posts by default; more is 422 `batch_too_large`), 8 MiB of JSON by default. "
            "The NLP runs in batches, so this is the cheapest way to check many posts. A post that cannot be checked gets a "
            "`charterguard.error/1` object in its place. A batch that does not finish within its ceiling (the request ceiling plus "
            "one time budget per post) is answered 504 `check_timeout`: treat every post as blocked."
        ),
        response_model=None,
        responses={**batch_response(), **error_responses(400, 401, 403, 404, 413, 422, 503, 504)},
    )
    async def check_batch(body: BatchRequest, key: ApiKey = Depends(require("check"))) -> JSONResponse:
        await _until_ready(state, ceiling_s)
        if len(body.posts) > settings.batch_max:
            raise ApiError(
                422,
                "batch_too_large",
                f"A batch holds at most {settings.batch_max} posts and this one has {len(body.posts)}: split it into several requests.",
                limit=settings.batch_max,
            )
        served = _served(state, body.charter)
        rows = [post.model_dump(exclude_none=True) for post in body.posts]

        def check_chunk(chunk: list[dict[str, Any]]) -> list[dict[str, Any]]:
            # A post that cannot be checked (e.g. NUL bytes) gets a charterguard.error/1
            # object in its place; the other posts are still answered, as in `charterguard batch`.
            # Each post has the time budget (fail closed); the request ceiling bounds the whole.
            return [r.to_dict() for r in served.checker.check_many(chunk, on_error="return", budget_ms=settings.time_budget_ms)]

        def record(reports: list[dict[str, Any]]) -> bool | None:
            if state.hasher is None:
                return None
            hasher = state.hasher
            decisions = [
                decision_from_report(report, post.text, hasher, key_id=key.id, channel=post.channel, audience=post.audience, store_text=settings.store_text)
                for post, report in zip(body.posts, reports)
                if "error" not in report
            ]
            return state.record_many(decisions)

        async def work() -> tuple[list[dict[str, Any]], bool | None]:
            loop = asyncio.get_running_loop()
            reports: list[dict[str, Any]] = []
            try:
                for start in range(0, len(rows), BATCH_CHUNK):
                    reports += await loop.run_in_executor(state.executor, check_chunk, rows[start : start + BATCH_CHUNK])
            finally:
                # Also when the request was answered 504 (the work goes on, shielded) or the
                # pool stopped at shutdown: the posts checked are recorded.
                recorded = await asyncio.to_thread(record, reports)
            return reports, recorded

        ceiling = ceiling_s + len(rows) * settings.time_budget_ms / 1000
        reports, recorded = await _bounded(asyncio.shield(asyncio.ensure_future(work())), ceiling)
        return JSONResponse({"reports": reports}, headers=_logged_header(recorded))

    # -- charters ------------------------------------------------------------------

    @app.get("/v1/charters", tags=["charters"], summary="The charters this server serves.", response_model=CharterList, responses=error_responses(401, 403))
    async def list_charters(key: ApiKey = Depends(require("check"))) -> dict[str, Any]:
        return {"charters": [_charter_summary(state, s) for s in state.charters.all()]}

    @app.get(
        "/v1/charters/{name}",
        tags=["charters"],
        summary="One charter: version, sha256 and a summary of its rules.",
        response_model=CharterDetail,
        responses=error_responses(401, 403, 404),
    )
    async def get_charter(name: str, key: ApiKey = Depends(require("check"))) -> dict[str, Any]:
        served = _served(state, name)
        return {
            **_charter_summary(state, served),
            "reload_error": state.charters.reload_error(served.name),
            "rules": [_rule_summary(rule) for rule in rules_of(served.charter)],
        }

    # -- overrides and dismissals: an author's decision about findings ---------------

    async def record_author_decision(
        served: Served, key: ApiKey, text: str, rules: list[str], *, kind: Literal["override", "dismissal"],
        findings: list[dict[str, Any]], reason: str, channel: str | None, audience: str | None = None,
    ) -> JSONResponse:
        """Record an author's override or dismissal of `rules` on the post `text` (only its HMAC)."""
        unknown = sorted(set(rules) - served.rule_ids)
        if unknown:
            raise ApiError(422, "unknown_rule", f"The charter {served.name!r} has no rule {', '.join(map(repr, unknown))}: send the rule ids from the report.", rules=unknown)
        a_kind = "an override" if kind == "override" else "a dismissal"
        if state.hasher is None:
            raise ApiError(503, "decision_log_disabled", f"This server keeps no decision log, so {a_kind} cannot be recorded; ask the operator to enable it.")
        charter = served.charter
        decision = Decision(
            kind=kind,
            text_hmac=state.hasher.digest(text),
            hmac_key_id=state.hasher.key_id,
            text_length=len(text),
            key_id=key.id,
            charter_name=charter.name,
            charter_version=str(charter.version),
            charter_sha256=charter.sha256,
            channel=channel,
            audience=audience,
            findings=findings,
            reason=reason,
            text=text if settings.store_text else None,
        )
        if not await _bounded(asyncio.wrap_future(state.submit_decisions([decision])), ceiling_s):
            raise ApiError(503, "decision_log_unavailable", f"The {kind} could not be recorded (the decision log is unavailable): retry in a moment.")
        return JSONResponse({"id": decision.id}, status_code=201)

    @app.post(
        "/v1/overrides",
        tags=["decisions"],
        summary="Record that an author publishes despite a block, with the reason.",
        status_code=201,
        response_model=OverrideResponse,
        responses=error_responses(400, 401, 403, 404, 413, 422, 503),
    )
    async def record_override(body: OverrideRequest = Body(), key: ApiKey = Depends(require("check"))) -> JSONResponse:
        served = _served(state, body.charter)
        if not served.charter.allow_publish_anyway:
            raise ApiError(
                403,
                "override_not_allowed",
                f"The charter {served.name!r} does not let authors publish despite a block: fix the post, or ask the compliance team.",
            )
        return await record_author_decision(
            served, key, body.text, body.rules, kind="override", findings=[{"rule": rule} for rule in sorted(set(body.rules))],
            reason=body.reason, channel=body.channel, audience=body.audience,
        )

    @app.post(
        "/v1/dismissals",
        tags=["decisions"],
        summary="Record that an author dismissed a finding (ignored in this post, or a false alarm), with the reason.",
        status_code=201,
        response_model=DismissalResponse,
        responses=error_responses(400, 401, 403, 404, 413, 422, 503),
    )
    async def record_dismissal(body: DismissalRequest = Body(), key: ApiKey = Depends(require("check"))) -> JSONResponse:
        served = _served(state, body.charter)
        # A blocking finding is set aside only where the charter lets authors publish despite a block.
        if body.severity == "block" and not served.charter.allow_publish_anyway:
            raise ApiError(403, "dismissal_not_allowed",
                           f"The charter {served.name!r} does not let authors set a blocking finding aside: fix the post, or ask the compliance team.")
        comment = (body.comment or "").strip()
        return await record_author_decision(
            served, key, body.text, body.rules, kind="dismissal",
            findings=[{"rule": rule, "severity": body.severity} for rule in sorted(set(body.rules))],
            reason=f"{body.reason}: {comment}" if comment else body.reason, channel=body.channel,
        )

    # -- decision log ----------------------------------------------------------------

    def _decision_log() -> DecisionLog:
        if state.decisions is None:
            raise ApiError(404, "decision_log_disabled", "This server keeps no decision log (it was started with recording off).")
        return state.decisions

    def _filters(
        since: QueryTime | None = Query(None, description="From this time (ISO 8601, inclusive; UTC when no offset)."),
        until: QueryTime | None = Query(None, description="Up to this time (exclusive)."),
        verdict: Literal["block", "warn", "pass"] | None = Query(None),
        rule: str | None = Query(None, max_length=200, description="Only decisions involving this rule id."),
        kind: Literal["check", "override", "dismissal"] | None = Query(None),
        key_id: str | None = Query(None, max_length=64),
        charter: str | None = Query(None, max_length=200),
    ) -> Filters:
        return Filters(
            since=parse_time(since) if since else None,
            until=parse_time(until) if until else None,
            verdict=verdict,
            rule=rule,
            kind=kind,
            key_id=key_id,
            charter=charter,
        )

    @app.get(
        "/v1/decisions",
        tags=["decisions"],
        summary="The decision log, newest first (compliance role).",
        response_model=DecisionPage,
        responses=error_responses(401, 403, 404, 422),
    )
    async def list_decisions(
        filters: Filters = Depends(_filters),
        limit: int = Query(100, ge=1, le=1000),
        cursor: int | None = Query(None, ge=0, le=2**62, description="`next_cursor` of the previous page."),
        key: ApiKey = Depends(require("compliance")),
    ) -> dict[str, Any]:
        store = _decision_log()
        skipped: list[SkippedRow] = []  # rows that cannot be read as decisions: reported, not a 500
        rows, next_cursor = await asyncio.get_running_loop().run_in_executor(
            state.query_executor, lambda: store.query(filters, limit=limit, cursor=cursor, skipped=skipped)
        )
        return {"decisions": rows, "next_cursor": next_cursor, "skipped": [{"seq": r.seq, "id": r.id, "problem": r.problem} for r in skipped]}

    @app.get(
        "/v1/decisions/summary",
        tags=["decisions"],
        summary="Counts by verdict and by rule over a period (compliance role).",
        response_model=DecisionSummary,
        responses=error_responses(401, 403, 404, 422),
    )
    async def decisions_summary(filters: Filters = Depends(_filters), key: ApiKey = Depends(require("compliance"))) -> dict[str, Any]:
        store = _decision_log()
        return await asyncio.get_running_loop().run_in_executor(state.query_executor, lambda: store.summary(filters))

    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` and multi-worker serving: settings from CHARTERGUARD_* variables."""
    serialized = os.environ.get("CHARTERGUARD_SERVE_SETTINGS")
    return create_app(Settings.from_json(serialized) if serialized else Settings.from_env())

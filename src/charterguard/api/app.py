"""The FastAPI application: `create_app(settings)`.

The app holds a `State` (state.py) that routes reach through one dependency;
the routes live in one router per area (routers/: health, checks, charters,
decisions). Each post has the settings' time budget: a check that runs out of
budget comes back `incomplete` with verdict `block` (fail closed), and a request
that still has no answer after REQUEST_CEILING_FACTOR budgets (plus one budget
per post of a batch) gets 504 with the same fail-closed verdict. The text of a
post is never logged, never echoed in an error, and only kept as an HMAC in the
decision log.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

from fastapi import FastAPI

from .cors import JsonCORSMiddleware
from .errors import install_error_handlers
from .hosts import HostAllowList, HostCheckMiddleware
from .limits import BodyLimitMiddleware
from .protocol import GuardedHttpToolsProtocol
from .routers import charters, checks, decisions, health
from .settings import Settings
from .state import State

API_VERSION = "1"
log = logging.getLogger("charterguard.api")


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
        # SIGHUP (whose default action ends the process) reloads charters and keys in place:
        # sent to a one-worker server, or forwarded to each worker by the supervisor
        # (serving.ReloadingMultiprocess). The models stay loaded.
        hup = _reload_on_sighup(state)
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
            if hup:
                asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
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
    app.state.cg = state  # read by routes through state.app_state only
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

    for area in (health, checks, charters, decisions):
        app.include_router(area.router)
    return app


def _reload_on_sighup(state: State) -> bool:
    """Install the SIGHUP handler (the reload runs in a thread of its own); False where signals
    cannot be handled (no SIGHUP on Windows; an app run outside the main thread, as by TestClient)."""
    if not hasattr(signal, "SIGHUP"):
        return False
    try:
        asyncio.get_running_loop().add_signal_handler(
            signal.SIGHUP, lambda: threading.Thread(target=state.reload_now, name="sighup-reload", daemon=True).start()
        )
    except (RuntimeError, ValueError, NotImplementedError) as exc:
        log.debug("SIGHUP not handled here: %s", exc)
        return False
    return True


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` and multi-worker serving: settings from CHARTERGUARD_* variables."""
    if hasattr(signal, "SIGHUP"):
        # A worker still starting ignores SIGHUP (it would end it) until the app's lifespan
        # handles it; the charters it is about to load are the current files anyway.
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    serialized = os.environ.get("CHARTERGUARD_SERVE_SETTINGS")
    return create_app(Settings.from_json(serialized) if serialized else Settings.from_env())

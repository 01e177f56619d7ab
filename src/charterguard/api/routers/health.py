"""Liveness and readiness: /healthz answers at once, /readyz once the models are loaded."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from ... import __version__, nlp
from ..errors import error_responses
from ..state import State, app_state

router = APIRouter(tags=["health"])


@router.api_route("/healthz", methods=["GET", "HEAD"], summary="Liveness: the process answers, and which charterguard it runs.")
async def healthz() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@router.api_route("/readyz", methods=["GET", "HEAD"], summary="Readiness: charters compiled and NLP models loaded.", responses=error_responses(503))
async def readyz(state: State = Depends(app_state)) -> Any:
    if not state.ready.is_set():
        raise state.not_ready_error()
    return {"status": "ready", "version": __version__, "charters": [s.name for s in state.charters.all()], "models": nlp.loaded_models()}

"""An author's decisions about findings (POST /v1/overrides, /v1/dismissals) and the
decision log for compliance (GET /v1/decisions, /v1/decisions/summary)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Query
from fastapi.responses import JSONResponse
from pydantic import BeforeValidator

from ...decisions import DecisionLog, Filters, SkippedRow, author_decision, parse_time
from ...report import CharterRef
from ..auth import require
from ..charters import Served
from ..errors import ApiError, error_responses
from ..keys import ApiKey
from ..models import DecisionPage, DecisionSummary, DismissalRequest, DismissalResponse, OverrideRequest, OverrideResponse
from ..state import State, app_state, bounded

router = APIRouter(tags=["decisions"])


def _iso_only(value: Any) -> Any:
    # pydantic would read "1700000000" as a Unix time; the API documents ISO 8601 only.
    if isinstance(value, str) and "-" not in value:
        raise ValueError("expected an ISO 8601 date-time such as 2026-11-01T08:00:00Z")
    return value


QueryTime = Annotated[datetime, BeforeValidator(_iso_only)]


# -- overrides and dismissals: an author's decision about findings ---------------


@router.post(
    "/v1/overrides",
    summary="Record that an author publishes despite a block, with the reason.",
    status_code=201,
    response_model=OverrideResponse,
    responses=error_responses(400, 401, 403, 404, 413, 422, 503),
)
async def record_override(
    body: OverrideRequest = Body(), key: ApiKey = Depends(require("check")), state: State = Depends(app_state)
) -> JSONResponse:
    served = state.served(body.charter)
    if not served.charter.allow_publish_anyway:
        raise ApiError(
            403,
            "override_not_allowed",
            f"The charter {served.name!r} does not let authors publish despite a block: fix the post, or ask the compliance team.",
        )
    return await _record_author_decision(
        state, served, key, body.text, body.rules, kind="override", findings=[{"rule": rule} for rule in sorted(set(body.rules))],
        reason=body.reason, channel=body.channel, audience=body.audience,
    )


@router.post(
    "/v1/dismissals",
    summary="Record that an author dismissed a finding (ignored in this post, or a false alarm), with the reason.",
    status_code=201,
    response_model=DismissalResponse,
    responses=error_responses(400, 401, 403, 404, 413, 422, 503),
)
async def record_dismissal(
    body: DismissalRequest = Body(), key: ApiKey = Depends(require("check")), state: State = Depends(app_state)
) -> JSONResponse:
    served = state.served(body.charter)
    # A blocking finding is set aside only where the charter lets authors publish despite a block.
    if body.severity == "block" and not served.charter.allow_publish_anyway:
        raise ApiError(403, "dismissal_not_allowed",
                       f"The charter {served.name!r} does not let authors set a blocking finding aside: fix the post, or ask the compliance team.")
    comment = (body.comment or "").strip()
    return await _record_author_decision(
        state, served, key, body.text, body.rules, kind="dismissal",
        findings=[{"rule": rule, "severity": body.severity} for rule in sorted(set(body.rules))],
        reason=f"{body.reason}: {comment}" if comment else body.reason, channel=body.channel,
    )


async def _record_author_decision(
    state: State, served: Served, key: ApiKey, text: str, rules: list[str], *, kind: Literal["override", "dismissal"],
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
    decision = author_decision(
        kind, text, state.hasher, CharterRef(charter.name, str(charter.version), charter.sha256), key_id=key.id,
        findings=findings, reason=reason, channel=channel, audience=audience, store_text=state.settings.store_text,
    )
    if not await bounded(asyncio.wrap_future(state.submit_decisions([decision])), state.ceiling_s):
        raise ApiError(503, "decision_log_unavailable", f"The {kind} could not be recorded (the decision log is unavailable): retry in a moment.")
    return JSONResponse({"id": decision.id}, status_code=201)


# -- decision log ----------------------------------------------------------------


def _decision_log(state: State) -> DecisionLog:
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


@router.get(
    "/v1/decisions",
    summary="The decision log, newest first (compliance role).",
    response_model=DecisionPage,
    responses=error_responses(401, 403, 404, 422),
)
async def list_decisions(
    filters: Filters = Depends(_filters),
    limit: int = Query(100, ge=1, le=1000),
    cursor: int | None = Query(None, ge=0, le=2**62, description="`next_cursor` of the previous page."),
    key: ApiKey = Depends(require("compliance")),
    state: State = Depends(app_state),
) -> dict[str, Any]:
    store = _decision_log(state)
    skipped: list[SkippedRow] = []  # rows that cannot be read as decisions: reported, not a 500
    rows, next_cursor = await asyncio.get_running_loop().run_in_executor(
        state.query_executor, lambda: store.query(filters, limit=limit, cursor=cursor, skipped=skipped)
    )
    return {"decisions": rows, "next_cursor": next_cursor, "skipped": [{"seq": r.seq, "id": r.id, "problem": r.problem} for r in skipped]}


@router.get(
    "/v1/decisions/summary",
    summary="Counts by verdict and by rule over a period (compliance role).",
    response_model=DecisionSummary,
    responses=error_responses(401, 403, 404, 422),
)
async def decisions_summary(
    filters: Filters = Depends(_filters), key: ApiKey = Depends(require("compliance")), state: State = Depends(app_state)
) -> dict[str, Any]:
    store = _decision_log(state)
    return await asyncio.get_running_loop().run_in_executor(state.query_executor, lambda: store.summary(filters))

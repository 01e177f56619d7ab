"""`POST /v1/dismissals`: an author says a finding does not apply to their post.

The browser extension's "Ignorer" (ignore in this post) and "Ne s'applique pas
ici" (a false alarm) are recorded in the decision log as kind `dismissal`, with
the rules and the reason, so the compliance team sees which rules raise false
alarms. Like an override, only the post's HMAC is kept. A dismissal changes no
verdict on the server: it is feedback, and the extension only hides the
finding for this post. A blocking finding can be dismissed only where the
charter lets authors publish despite a block (the same promise as an override).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Literal

from fastapi import Body, Depends, FastAPI
from fastapi.responses import JSONResponse
from pydantic import Field, field_validator

from ..decisions import Decision
from .errors import ApiError, error_responses
from .keys import ApiKey
from .models import CHANNEL_PATTERN, CharterName, RuleId, _Strict, _valid_unicode

if TYPE_CHECKING:
    from .app import State

DismissalReason = Literal["ignored", "not_applicable"]


class DismissalRequest(_Strict):
    text: str = Field(description="The post the finding was raised on; only its HMAC is recorded.")
    charter: CharterName | None = None
    channel: str | None = Field(None, pattern=CHANNEL_PATTERN)
    rules: list[RuleId] = Field(min_length=1, max_length=100, description="Ids of the rules of the dismissed findings.")
    severity: Literal["block", "warn", "info"] = Field("warn", description="The most severe of the dismissed findings.")
    reason: DismissalReason = Field(description="`ignored`: ignored in this post; `not_applicable`: a false alarm.")
    comment: str | None = Field(None, max_length=500, description="The author's own words, optional.")

    _text_is_unicode = field_validator("text")(_valid_unicode)

    @field_validator("comment")
    @classmethod
    def _comment_is_unicode(cls, value: str | None) -> str | None:
        return None if value is None else _valid_unicode(value)


class DismissalResponse(_Strict):
    id: str


def add_dismissal_routes(app: FastAPI, state: State, ceiling_s: float) -> None:
    # Imported here: the app module builds the app that calls this.
    from .app import _bounded, _served, require

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
        if body.severity == "block" and not served.charter.allow_publish_anyway:
            raise ApiError(403, "dismissal_not_allowed",
                           f"The charter {served.name!r} does not let authors set a blocking finding aside: fix the post, or ask the compliance team.")
        unknown = sorted(set(body.rules) - served.rule_ids)
        if unknown:
            raise ApiError(422, "unknown_rule", f"The charter {served.name!r} has no rule {', '.join(map(repr, unknown))}: send the rule ids from the report.", rules=unknown)
        if state.hasher is None:
            raise ApiError(503, "decision_log_disabled", "This server keeps no decision log, so a dismissal cannot be recorded; ask the operator to enable it.")
        charter = served.charter
        comment = (body.comment or "").strip()
        decision = Decision(
            kind="dismissal",
            text_hmac=state.hasher.digest(body.text),
            hmac_key_id=state.hasher.key_id,
            text_length=len(body.text),
            key_id=key.id,
            charter_name=charter.name,
            charter_version=str(charter.version),
            charter_sha256=charter.sha256,
            channel=body.channel,
            findings=[{"rule": rule, "severity": body.severity} for rule in sorted(set(body.rules))],
            reason=f"{body.reason}: {comment}" if comment else body.reason,
            text=body.text if state.settings.store_text else None,
        )
        if not await _bounded(asyncio.wrap_future(state.submit_decisions([decision])), ceiling_s):
            raise ApiError(503, "decision_log_unavailable", "The dismissal could not be recorded (the decision log is unavailable): retry in a moment.")
        return JSONResponse({"id": decision.id}, status_code=201)

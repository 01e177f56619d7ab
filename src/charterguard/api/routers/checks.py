"""POST /v1/check and /v1/check/batch: a report per post, decisions recorded as HMACs.

Checks run in threads of their own (the event loop only parses and answers):
single posts through the coalescer of batcher.py, which answers each with its
report JSON; batches in the app's thread pool, a chunk at a time, their results
kept typed (`Report | CheckError`) until the response is written.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from ...decisions import Decision, decision_from_report
from ...engine import CheckError
from ...report import Report
from ..auth import require
from ..errors import ApiError, error_responses
from ..keys import ApiKey
from ..models import BatchRequest, CheckRequest, batch_response, report_response
from ..state import State, app_state, bounded, invalid_text, logged_header

# A batch is checked this many posts at a time, each chunk queued behind the work already
# waiting: a 1,000-post batch no longer holds the pool while a 1-post batch times out.
BATCH_CHUNK = 16

router = APIRouter(tags=["check"])


@router.post(
    "/v1/check",
    summary="Check one post against a charter.",
    response_model=None,
    responses={**report_response(), **error_responses(400, 401, 403, 404, 413, 422, 503, 504)},
)
async def check(body: CheckRequest, key: ApiKey = Depends(require("check")), state: State = Depends(app_state)) -> JSONResponse:
    served = state.served(body.charter)
    await state.until_ready()
    settings = state.settings

    decide = None
    if state.hasher is not None:
        hasher = state.hasher

        def decide(report: dict[str, Any]) -> Decision:
            return decision_from_report(
                report, body.text, hasher, key_id=key.id, channel=body.channel, audience=body.audience, store_text=settings.store_text
            )

    row = body.model_dump(include={"text", "lang", "channel", "audience", "id"})
    result, recorded = await bounded(asyncio.wrap_future(state.batcher.submit(served, row, decide)), state.ceiling_s)
    if "error" in result:  # the coalescer's error row (charterguard.error/1): the engine refused the post (binary, too long...)
        raise invalid_text(result["error"]["message"])
    return JSONResponse(result, headers=logged_header(recorded))


@router.post(
    "/v1/check/batch",
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
async def check_batch(body: BatchRequest, key: ApiKey = Depends(require("check")), state: State = Depends(app_state)) -> JSONResponse:
    settings = state.settings
    await state.until_ready()
    if len(body.posts) > settings.batch_max:
        raise ApiError(
            422,
            "batch_too_large",
            f"A batch holds at most {settings.batch_max} posts and this one has {len(body.posts)}: split it into several requests.",
            limit=settings.batch_max,
        )
    served = state.served(body.charter)
    rows = [post.model_dump(exclude_none=True) for post in body.posts]

    def check_chunk(chunk: list[dict[str, Any]]) -> list[Report | CheckError]:
        # A post that cannot be checked (e.g. NUL bytes) gets a CheckError in its place;
        # the other posts are still answered, as in `charterguard batch`.
        # Each post has the time budget (fail closed); the request ceiling bounds the whole.
        return list(served.checker.check_many(chunk, on_error="return", budget_ms=settings.time_budget_ms))

    def record(results: list[Report | CheckError]) -> bool | None:
        if state.hasher is None:
            return None
        hasher = state.hasher
        decisions = [
            decision_from_report(result, post.text, hasher, key_id=key.id, channel=post.channel, audience=post.audience, store_text=settings.store_text)
            for post, result in zip(body.posts, results)
            if isinstance(result, Report)
        ]
        return state.record_many(decisions)

    async def work() -> tuple[list[dict[str, Any]], bool | None]:
        loop = asyncio.get_running_loop()
        results: list[Report | CheckError] = []
        try:
            for start in range(0, len(rows), BATCH_CHUNK):
                results += await loop.run_in_executor(state.executor, check_chunk, rows[start : start + BATCH_CHUNK])
        finally:
            # Also when the request was answered 504 (the work goes on, shielded) or the
            # pool stopped at shutdown: the posts checked are recorded.
            recorded = await asyncio.to_thread(record, results)
        # The JSON edge, off the event loop as the checks were.
        return await asyncio.to_thread(lambda: [result.to_dict() for result in results]), recorded

    ceiling = state.ceiling_s + len(rows) * settings.time_budget_ms / 1000
    reports, recorded = await bounded(asyncio.shield(asyncio.ensure_future(work())), ceiling)
    return JSONResponse({"reports": reports}, headers=logged_header(recorded))

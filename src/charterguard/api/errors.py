"""JSON errors with one stable shape, whose message says what to do.

    {"error": {"code": "body_too_large", "message": "...", "details": [...]}}

`code` is stable (clients branch on it); `message` is for people. Nothing a
client sent is echoed back: validation details name the field, never its value,
because the value may be the text of a post.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("charterguard.api")


class ApiError(Exception):
    """An error answered as JSON with `status`, a stable `code` and a message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers  # e.g. Retry-After on 503 and 429
        self.extra = extra


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(code, message, **extra), status_code=status, headers=headers)


# Error schema for OpenAPI (documentation and schemathesis' response checks).
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "details": {"type": "array", "items": {"type": "object"}},
            },
        }
    },
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries documenting error statuses with ERROR_SCHEMA."""
    return {s: {"description": _STATUS_TEXT.get(s, "Error"), "content": {"application/json": {"schema": ERROR_SCHEMA}}} for s in statuses}


_STATUS_TEXT = {
    400: "Malformed request",
    401: "Missing or unknown API key",
    403: "The key lacks the role needed",
    404: "Unknown charter or resource",
    413: "Request body too large",
    422: "Invalid request",
    503: "Not ready yet",
    504: "The check did not finish in time",
}

_HTTP_CODES = {
    400: ("bad_request", "The request could not be read; send a JSON body with Content-Type: application/json."),
    404: ("not_found", "No such endpoint; see /docs for the API."),
    405: ("method_not_allowed", "This endpoint does not accept this HTTP method; see /docs."),
    415: ("unsupported_media_type", "Send the body as JSON with Content-Type: application/json."),
}


_NOT_AN_OBJECT = {"model_attributes_type", "dict_type", "model_type"}


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Where and why, never the offending value (it may be post text)."""
    details = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ()) if part != "body"]
        kind = err.get("type", "invalid")
        msg = err.get("msg", "invalid value")
        if kind == "json_invalid":
            ctx = err.get("ctx") or {}
            msg = f"invalid JSON at byte {loc[0] if loc else '?'}: {ctx.get('error', 'syntax error')}"
            loc = []
        elif kind in _NOT_AN_OBJECT and not loc:
            msg = "the body must be a JSON object; send it with Content-Type: application/json"
        elif kind == "missing" and not loc:
            msg = "a JSON body is required; send it with Content-Type: application/json"
        # pydantic prefixes messages raised by validators; the prefix helps no one.
        msg = msg.removeprefix("Value error, ")
        details.append({"field": ".".join(loc) or None, "type": kind, "message": msg})
    return details


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else {}
        return error_response(exc.status, exc.code, exc.message, headers={**headers, **(exc.headers or {})} or None, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(exc)
        if any(d["type"] == "json_invalid" for d in details):
            return error_response(
                400, "invalid_json", "The body is not valid JSON: " + details[0]["message"] + ". Send a JSON object, UTF-8 encoded.", details=details
            )
        where = ", ".join(f"{d['field'] or 'body'}: {d['message']}" for d in details[:5])
        return error_response(422, "invalid_request", f"Fix these fields and send again: {where}. See /docs for the schema.", details=details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _HTTP_CODES.get(exc.status_code, ("http_error", str(exc.detail)))
        if exc.status_code == 400 and exc.detail and "parsing the body" in str(exc.detail):
            # FastAPI raises this, from the parser's exception, when json.loads fails other than on syntax.
            if isinstance(exc.__cause__, UnicodeDecodeError):
                code, message = "invalid_encoding", "The body could not be decoded: send JSON encoded in UTF-8."
            elif isinstance(exc.__cause__, RecursionError):
                code, message = "invalid_json", "The JSON body is nested too deeply to be read: send a flat JSON object as documented in /docs."
            else:
                code, message = "invalid_json", "The body could not be read as JSON: send one JSON object, UTF-8 encoded (see /docs)."
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error on %s %s:\n%s", request.method, request.url.path, safe_traceback(exc))
        return error_response(
            500, "internal_error", "The server failed on this request; it was logged (without the post). Retry, or report it to the operator."
        )


def safe_traceback(exc: BaseException) -> str:
    """The stack of `exc` without its message: messages may quote post text."""
    frames = traceback.format_tb(exc.__traceback__)
    return "".join(frames) + f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld)"

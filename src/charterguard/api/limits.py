"""Request body limits, enforced before FastAPI parses anything.

A pure ASGI middleware: it reads the body itself (stopping as soon as the limit
is passed, whatever Content-Length claims), answers 413 with the JSON error
shape, and otherwise replays the buffered body to the app.
"""

from __future__ import annotations

import json
from typing import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_body


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, limit_for_path: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for_path = limit_for_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        limit = self.limit_for_path(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(send, limit)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client went away: nothing to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _too_large(send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for disconnect as usual

        await self.app(scope, replay, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(send: Send, limit: int) -> None:
    payload = json.dumps(
        error_body(
            "body_too_large",
            f"The request body is larger than the {limit} bytes allowed here: shorten the post, "
            "or split a batch into several requests.",
            limit_bytes=limit,
        )
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            # The rest of the body is not read: ask the client not to reuse the connection.
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": payload})

"""Request body limits, enforced before FastAPI parses anything.

A pure ASGI middleware: it reads the body itself (stopping as soon as the limit
is passed, whatever Content-Length claims), answers 413 with the JSON error
shape, 408 when the body does not arrive within `body_timeout_s` (a client
dribbling it would hold a connection and its buffer for ever), and otherwise
replays the buffered body to the app.
"""

from __future__ import annotations

import asyncio
import json
from typing import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_body


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, limit_for_path: Callable[[str], int], body_timeout_s: float = 30.0) -> None:
        self.app = app
        self.limit_for_path = limit_for_path
        self.body_timeout_s = body_timeout_s

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
        deadline = asyncio.get_running_loop().time() + self.body_timeout_s
        while True:
            try:
                message = await asyncio.wait_for(receive(), timeout=max(0.0, deadline - asyncio.get_running_loop().time()))
            except TimeoutError:
                await _body_too_slow(send, self.body_timeout_s)
                return
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


async def _body_too_slow(send: Send, timeout_s: float) -> None:
    await _answer_and_close(send, 408, error_body(
        "body_timeout", f"The request body did not arrive within {timeout_s:g} s: send it at once, or split a large batch.",
    ))  # fmt: skip


async def _answer_and_close(send: Send, status: int, body: dict[str, object]) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            # The rest of the body is not read: ask the client not to reuse the connection.
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": payload})


async def _too_large(send: Send, limit: int) -> None:
    await _answer_and_close(send, 413, error_body(
        "body_too_large",
        f"The request body is larger than the {limit} bytes allowed here: shorten the post, or split a batch into several requests.",
        limit_bytes=limit,
    ))  # fmt: skip

"""uvicorn's HTTP protocol with the limits a server facing clients needs.

uvicorn bounds idle keep-alive connections but not a client that sends its
headers one byte at a time (slowloris), nor the number of open connections;
and its answer to a malformed request is plain text. This subclass of its
httptools protocol:

- closes a connection whose request headers are not complete within
  `header_timeout_s` of its first byte (408, JSON);
- answers 503 (JSON, Retry-After) and closes a connection beyond `max_connections`;
- answers malformed requests with the API's JSON error shape.

The request body's read time is bounded by limits.BodyLimitMiddleware. The limits
are class attributes set by `configure` (from Settings) when the app is built, in
each worker process.
"""

from __future__ import annotations

import asyncio
import json
import logging

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .errors import error_body
from .settings import Settings

log = logging.getLogger("charterguard.api")

_REASONS = {400: b"Bad Request", 408: b"Request Timeout", 503: b"Service Unavailable"}


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    header_timeout_s: float = Settings.header_timeout_s
    max_connections: int = Settings.max_connections
    _header_timer: asyncio.TimerHandle | None = None

    @classmethod
    def configure(cls, settings: Settings) -> None:
        cls.header_timeout_s = settings.header_timeout_s
        cls.max_connections = settings.max_connections

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            self._answer_and_close(
                503, "too_many_connections",
                f"The server has {self.max_connections} connections open, its limit: retry in a moment.",
                retry_after="1",
            )  # fmt: skip
            return
        self._start_header_timer()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._header_timer is None:  # the next request on a kept-alive connection
            self._start_header_timer()

    def on_headers_complete(self) -> None:
        self._stop_header_timer()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_header_timer()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        self._answer_and_close(400, "malformed_request", "The request is not valid HTTP/1.1: check the request line, headers and framing.")

    # -- helpers ---------------------------------------------------------------

    def _start_header_timer(self) -> None:
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._headers_too_slow)

    def _stop_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.transport.is_closing():
            return
        log.warning("closed a connection whose request headers took more than %s s", self.header_timeout_s)
        self._answer_and_close(408, "header_timeout", f"The request headers did not arrive within {self.header_timeout_s:g} s: send the whole request at once.")

    def _answer_and_close(self, status: int, code: str, message: str, retry_after: str | None = None) -> None:
        self._stop_header_timer()
        body = json.dumps(error_body(code, message)).encode()
        head = [f"HTTP/1.1 {status} ".encode() + _REASONS[status], b"content-type: application/json",
                b"content-length: " + str(len(body)).encode(), b"connection: close"]  # fmt: skip
        if retry_after:
            head.append(b"retry-after: " + retry_after.encode())
        self.transport.write(b"\r\n".join(head) + b"\r\n\r\n" + body)
        self.transport.close()

"""Host header allow-list: the defence against DNS rebinding.

A web page on evil.example can make its own name resolve to 127.0.0.1; the
browser then treats the local server as evil.example, same-origin, and lets the
page read its answers. What the browser cannot change is the Host header: it
names evil.example. So every HTTP request whose Host is not one the server was
set up to answer to (Settings.allowed_host_names) gets 400 `host_not_allowed`
before anything else runs. The port is not checked: the name is what matters.
"""

from __future__ import annotations

import json
from typing import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from .errors import error_body

MAX_ECHOED = 100  # characters of a refused Host header quoted back in the message


def host_name(header: str) -> str:
    """The name part of a Host header value: lower case, no port, IPv6 without brackets.

    A value that is not `name`, `name:port` or `[ipv6]:port` (e.g. `[::1]evil`,
    `localhost:evil`) has no name: "" matches no allowed host."""
    header = header.strip().lower()
    if header.startswith("["):  # [::1]:8000
        end = header.find("]")
        rest = header[end + 1 :] if end > 0 else None
        if rest is None or (rest and not (rest.startswith(":") and rest[1:].isdigit())):
            return ""
        return header[1:end]
    if header.count(":") == 1:  # name:port (a bare IPv6 address has several colons)
        header, port = header.split(":", 1)
        if not port.isdigit():
            return ""
    if any(c.isspace() for c in header):
        return ""
    return header.rstrip(".")



class HostAllowList:
    """Accepts exact names and "*.example.com" patterns (subdomains, not example.com itself)."""

    def __init__(self, names: Iterable[str]) -> None:
        names = list(names)
        self.exact = frozenset(n for n in names if not n.startswith("*."))
        self.suffixes = tuple(n[1:] for n in names if n.startswith("*."))  # ".example.com"

    def allows(self, header: str | None) -> bool:
        if not header:
            return False
        name = host_name(header)
        return name in self.exact or (bool(self.suffixes) and name.endswith(self.suffixes))


class HostCheckMiddleware:
    """Refuses HTTP requests whose Host header is not on the allow-list (400, JSON)."""

    def __init__(self, app: ASGIApp, allowed: HostAllowList, port: int | None = None) -> None:
        self.app = app
        self.allowed = allowed
        self.port = port

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan (websockets are not served)
            await self.app(scope, receive, send)
            return
        host = None
        for name, value in scope["headers"]:
            if name == b"host":
                host = value.decode("latin-1")
                break
        if self.allowed.allows(host):
            await self.app(scope, receive, send)
            return
        await self._refuse(send, host)

    async def _refuse(self, send: Send, host: str | None) -> None:
        port = f":{self.port}" if self.port else ""
        if host:
            shown = host if len(host) <= MAX_ECHOED else host[:MAX_ECHOED] + "..."
            name = host_name(host)[:MAX_ECHOED]
            message = (
                f"This server does not answer to the host name {shown!r} (a protection against DNS rebinding). "
                f"Use http://localhost{port}/ or http://127.0.0.1{port}/ on this machine; if clients really reach the server "
                f"under this name, the operator starts it with `--allowed-host {name}` (or CHARTERGUARD_ALLOWED_HOSTS)."
            )
        else:
            message = (
                "The request has no Host header, so the server cannot tell it is meant for it: send HTTP/1.1 with a "
                f"Host header (e.g. localhost{port})."
            )
        payload = json.dumps(error_body("host_not_allowed", message)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 400,
                # A body it may have sent is not read: the connection is not reused.
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()), (b"connection", b"close")],
            }
        )
        await send({"type": "http.response.body", "body": payload})

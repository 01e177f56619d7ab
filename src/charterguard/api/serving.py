"""uvicorn's Config for several worker processes, with TCP_NODELAY on every connection.

With --workers, uvicorn binds the listening socket itself as
`socket.socket(AF_INET)`, whose `proto` attribute is 0; asyncio sets TCP_NODELAY
only on connections whose socket says IPPROTO_TCP. Without it every answer
(status line and body are written separately) waits on Nagle's algorithm and
the client's delayed ACK: ~40 ms per request (measured with bench/bench_api.py:
18 req/s, p50 56 ms at one client with 2 workers; 115 req/s, p50 8 ms with 1).
Imported only by `charterguard serve` (and by the workers, which unpickle the config).
"""

from __future__ import annotations

import socket

import uvicorn


class NoDelayConfig(uvicorn.Config):
    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return sock  # a Unix socket: no Nagle
        tcp = socket.socket(sock.family, socket.SOCK_STREAM, socket.IPPROTO_TCP, fileno=sock.detach())
        tcp.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # also inherited by accepted connections on Linux
        tcp.set_inheritable(True)
        return tcp

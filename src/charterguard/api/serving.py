"""Listening sockets for `charterguard serve --workers N`: one per worker, with TCP_NODELAY.

uvicorn's own multi-worker mode binds one socket in the parent and shares it with
every worker. Two things go wrong with it, both measured with bench/bench_api.py:

- The socket is created as `socket.socket(AF_INET)`, whose `proto` is 0, so asyncio
  never sets TCP_NODELAY on its connections: every answer (status line and body are
  written separately) waited ~40 ms on Nagle's algorithm and the client's delayed ACK.
- All workers wait on the same accept queue, and the first one awake accepts every
  pending connection. A client that opens its keep-alive connections at once (a
  publishing tool, wrk) often had all of them on one worker: 124-143 req/s instead of
  216-236 req/s with 2 workers, in 3 runs of 7.

Here the parent binds a `WorkerSocket` with SO_REUSEPORT. uvicorn hands it to each
worker process by pickling it (its workers are spawned); unpickled, it binds a new
socket to the same address. Each worker thus listens on its own socket, and the
kernel spreads new connections over them by a hash of their addresses. The parent's
socket only holds the port: it never listens, so it gets no connections.

SIGHUP: uvicorn's supervisor answers it by replacing every worker, one by one. Each new
worker loads its models (~4 s of CPU) on the cores the others serve from: measured with
bench/bench_reload.py, 2 workers answered 205 req/s instead of 339 for 13 s, p99 47 ms
instead of 26. What SIGHUP is for here, a changed charter or API keys file, needs no new
process: `ReloadingMultiprocess` forwards it to each worker, which reloads them in place
as a one-worker server does (`State.reload_now`), with its models still loaded. Replacing
the workers (new code, new models) is SIGUSR2's job.

Imported only by `charterguard serve` (and by the workers, which unpickle the sockets).
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
from typing import Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors import Multiprocess

logger = logging.getLogger("uvicorn.error")

SocketAddress = tuple[Any, ...]  # (host, port) for IPv4, (host, port, flowinfo, scope_id) for IPv6


class WorkerSocket(socket.socket):
    """A TCP socket bound with SO_REUSEPORT that becomes a new socket on the same address when unpickled."""

    def __reduce__(self) -> tuple[Any, tuple[int, SocketAddress]]:
        return bind_worker_socket, (int(self.family), self.getsockname())


def bind_worker_socket(family: int, address: SocketAddress) -> WorkerSocket:
    """A TCP socket bound to `address`, sharing it with the other workers' sockets (SO_REUSEPORT).

    Its connections get TCP_NODELAY: on Linux they inherit it from the listening socket,
    and asyncio sets it too, since the socket says IPPROTO_TCP.
    """
    sock = WorkerSocket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind(address)
    except BaseException:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def unused_port(family: int, address: SocketAddress) -> int:
    """The port of `address` (for port 0, a free one); OSError if a socket already holds it.

    SO_REUSEPORT alone would let a second server started on the same port by the same
    user join the first one's sockets and silently take part of its connections: a
    plain bind refuses that.
    """
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # connections in TIME_WAIT do not hold the port
        probe.bind(address)
        port: int = probe.getsockname()[1]
        return port


class WorkersConfig(uvicorn.Config):
    """uvicorn's Config for several worker processes, each listening on its own socket (see the module doc)."""

    def __init__(self, app: Any, **kwargs: Any) -> None:
        # A worker loads its NLP models before it listens (see the app's lifespan), which
        # takes ~5-15 s: uvicorn's default of 5 s made every SIGHUP restart give up.
        kwargs.setdefault("timeout_worker_healthcheck", 60)
        super().__init__(app, **kwargs)

    def bind_socket(self) -> socket.socket:
        if self.uds is not None or self.fd is not None or not hasattr(socket, "SO_REUSEPORT"):
            return super().bind_socket()  # a Unix socket (no Nagle, one queue), or a platform without SO_REUSEPORT
        family = socket.AF_INET6 if self.host and ":" in self.host else socket.AF_INET
        try:
            port = unused_port(family, (self.host, self.port))
            sock = bind_worker_socket(family, (self.host, port))
        except OSError as exc:
            logger.error("cannot listen on %s port %d: %s", self.host, self.port, exc.strerror or exc)
            sys.exit(STARTUP_FAILURE)
        host = f"[{self.host}]" if family == socket.AF_INET6 else self.host
        logger.info("Uvicorn running on http://%s:%d (Press CTRL+C to quit)", host, sock.getsockname()[1])
        return sock


class ReloadingMultiprocess(Multiprocess):
    """uvicorn's supervisor, but SIGHUP reloads each worker's charters and keys in place instead
    of replacing the workers (see the module doc). SIGUSR2 replaces them one by one, each new
    one listening once its models are loaded (what SIGHUP did until 2026-12-02: new code or
    new models without a stop). A worker that dies is still replaced."""

    def handle_hup(self) -> None:
        logger.info("Received SIGHUP, asking each worker to reload its charters and API keys file in place.")
        for worker in self.processes:
            if worker.pid is not None and worker.process.is_alive():
                os.kill(worker.pid, signal.SIGHUP)

    def handle_usr2(self) -> None:
        logger.info("Received SIGUSR2, replacing the workers one by one.")
        self.restart_all()

"""Requests per API key and minute: a token bucket per key id (per worker process).

A key may send `per_minute` requests a minute on average, and up to a sixth of
that (10 seconds' worth) in a burst; past it the request is answered 429 with
Retry-After saying when the next one will be accepted. Keyless local use counts
as one key. The buckets live in memory: with N workers a key gets N times the
limit at most, since connections are spread over them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0  # tokens a second
        self.capacity = max(1.0, per_minute / 6)
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key id -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, key_id: str) -> float | None:
        """Spend one token of `key_id`: None when allowed, else the seconds until one is available."""
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.get(key_id, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - at) * self.rate)
            if tokens >= 1.0:
                self._buckets[key_id] = (tokens - 1.0, now)
                return None
            self._buckets[key_id] = (tokens, now)
            return (1.0 - tokens) / self.rate

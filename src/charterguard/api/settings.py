"""Settings of the HTTP API: what is served, to whom, with which limits.

Every field can come from the command line (`charterguard serve`) or from an
environment variable `CHARTERGUARD_<FIELD>` (see `Settings.from_env`), so a
multi-worker server can hand the same settings to each worker process.
"""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..decisions.store import DEFAULT_DECISION_LOG, default_hmac_key_file, is_postgres_url
from ..errors import SettingsError  # importable from here too

ENV_PREFIX = "CHARTERGUARD_"


@dataclass
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    # Charters served: built-in names or YAML paths. The first is the default
    # for requests that name none.
    charters: list[str] = field(default_factory=lambda: ["default"])
    # YAML file of hashed API keys (see charterguard.api.keys). None: no keys,
    # allowed only on a loopback address, where every caller has every role.
    api_keys_file: str | None = None
    # Browser origins allowed by CORS, e.g. chrome-extension://<id>. Never "*".
    cors_origins: list[str] = field(default_factory=list)
    # Host header values answered (names or IP addresses, any port; "*.example.com"
    # for subdomains), besides localhost/127.0.0.1/[::1] and the bound address
    # (see allowed_host_names). Anything else is refused with 400: a page using
    # DNS rebinding reaches the server under its own host name.
    allowed_hosts: list[str] = field(default_factory=list)
    max_body_bytes: int = 64 * 1024  # one post
    max_batch_body_bytes: int = 8 * 1024 * 1024  # POST /v1/check/batch
    batch_max: int = 1000  # posts per batch request
    # Per-post time budget: past it the report is marked incomplete and its
    # verdict fails closed (block). The request itself gets a hard ceiling of
    # a few budgets (see app.REQUEST_CEILING_FACTOR).
    time_budget_ms: int = 2000
    # Decision log: a SQLite file path or a postgresql:// URL; "" disables it.
    decision_log: str = DEFAULT_DECISION_LOG
    record_decisions: bool = True
    # Storing the post text in the decision log is off unless turned on here.
    store_text: bool = False
    # Key of the HMAC of the post text kept in the decision log. Default: a
    # random key created once in `hmac_key_file` (mode 0600).
    hmac_key: str | None = None
    hmac_key_file: str | None = None
    reload_interval_s: float = 2.0  # how often charter files are checked for changes
    # Threads checking posts in one worker process (single checks, coalesced by one
    # dispatcher each; batches and decision queries have as many threads of their own).
    # The engine holds the GIL most of the time: measured with 1 worker at 8 clients,
    # 2 threads cost 11 ms CPU per request against 7.4 for 1. Use --workers to scale.
    check_threads: int = 1
    workers: int = 1  # uvicorn worker processes
    # Slow clients (see protocol.py and limits.py): request headers must arrive within
    # header_timeout_s of their first byte, a body within body_timeout_s of its headers;
    # connections beyond max_connections (per worker) are answered 503 and closed.
    header_timeout_s: float = 10.0
    body_timeout_s: float = 30.0
    max_connections: int = 1000
    # Requests a minute per API key (429 with Retry-After beyond; see ratelimit.py). 0: no limit.
    rate_limit_per_minute: int = 0
    # Decisions older than this many days are purged (every 24 h, and by
    # `charterguard decisions purge`); 0 keeps them for ever.
    retention_days: int = 0

    def __post_init__(self) -> None:
        self.validate()

    # -- validation ---------------------------------------------------------

    def validate(self) -> None:
        if not self.charters:
            raise SettingsError("no charter to serve: give at least one (--charter default)")
        for origin in self.cors_origins:
            if origin.strip() in ("*", "null", ""):
                raise SettingsError(
                    f"CORS origin {origin!r} is refused: list the exact origins allowed, "
                    "e.g. chrome-extension://<extension id>"
                )
            if "://" not in origin:
                raise SettingsError(f"CORS origin {origin!r} lacks a scheme: write e.g. chrome-extension://<id> or https://host")
        for host in self.allowed_hosts:
            _check_allowed_host(host)
        for name in ("max_body_bytes", "max_batch_body_bytes", "batch_max", "time_budget_ms", "check_threads", "workers", "max_connections"):
            if getattr(self, name) < 1:
                raise SettingsError(f"{name} must be at least 1")
        for name in ("rate_limit_per_minute", "retention_days"):
            if getattr(self, name) < 0:
                raise SettingsError(f"{name} must be 0 (off) or more")
        for name in ("header_timeout_s", "body_timeout_s"):
            if not 0 < getattr(self, name) <= 3600:
                raise SettingsError(f"{name} must be more than 0 and at most 3600 seconds")
        if not self.binds_loopback() and not self.api_keys_file:
            raise SettingsError(
                f"refusing to listen on {self.host}: outside 127.0.0.1/localhost the API needs API keys. "
                "Create one with `charterguard keys new` and pass --api-keys FILE"
            )

    def binds_loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:  # a host name other than localhost may resolve anywhere
            return False

    def binds_wildcard(self) -> bool:
        """Bound to every interface (0.0.0.0, ::): reachable through loopback too."""
        return self.host in ("0.0.0.0", "::", "")

    def allowed_host_names(self) -> frozenset[str]:
        """Host header names accepted (lower case, IPv6 without brackets); "*.x" entries match subdomains.

        Loopback names when reachable through loopback (bound to a loopback or
        wildcard address), the bound address itself, and `allowed_hosts`.
        """
        names = {_host_key(h) for h in self.allowed_hosts}
        if self.binds_loopback() or self.binds_wildcard():
            names |= LOOPBACK_HOST_NAMES
        if not self.binds_wildcard():
            names.add(_host_key(self.host))
        return frozenset(names)

    def decision_log_is_postgres(self) -> bool:
        return is_postgres_url(self.decision_log)

    def resolved_hmac_key_file(self) -> Path:
        return Path(self.hmac_key_file) if self.hmac_key_file else default_hmac_key_file(self.decision_log)

    # -- environment --------------------------------------------------------

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> "Settings":
        """Settings from CHARTERGUARD_* variables (lists: comma-separated), then `overrides`."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None:
                continue
            values[f.name] = _parse(f.name, str(f.type), raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, data: str) -> "Settings":
        return cls(**json.loads(data))


LOOPBACK_HOST_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def _host_key(host: str) -> str:
    """How a host name is compared: lower case, no trailing dot, IPv6 without brackets."""
    host = host.strip().lower().rstrip(".")
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


def _check_allowed_host(host: str) -> None:
    key = _host_key(host)
    bare = key[2:] if key.startswith("*.") else key
    if not bare or "*" in bare or bare.startswith("."):
        raise SettingsError(
            f"allowed host {host!r} is refused: list the exact host names clients use (e.g. charterguard.example.com), "
            "or *.example.com for its subdomains; a bare * would let DNS-rebinding pages in"
        )
    if key.startswith("*.") and "." not in bare:
        raise SettingsError(f"allowed host {host!r} is too broad: name the domain, e.g. *.example.com")
    if "/" in key or "@" in key:
        raise SettingsError(f"allowed host {host!r}: write only the host name, without scheme or path (e.g. charterguard.example.com)")
    if ":" in key:
        try:
            ipaddress.IPv6Address(key)
        except ValueError:
            raise SettingsError(f"allowed host {host!r}: write the host name without a port (every port is accepted)") from None


def _parse(name: str, type_name: str, raw: str) -> Any:
    if type_name.startswith("list"):
        return [item.strip() for item in raw.split(",") if item.strip()]
    if type_name == "bool":
        lowered = raw.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise SettingsError(f"{ENV_PREFIX}{name.upper()}={raw!r}: write true or false")
    if type_name in ("int", "float"):
        try:
            return int(raw) if type_name == "int" else float(raw)
        except ValueError:
            raise SettingsError(f"{ENV_PREFIX}{name.upper()}={raw!r}: expected a number") from None
    return raw

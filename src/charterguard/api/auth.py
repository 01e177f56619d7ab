"""Who may call: the `require(role)` dependency (API keys, roles, the per-key rate limit)."""

from __future__ import annotations

import math
from typing import Awaitable, Callable, Literal

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .errors import ApiError
from .keys import LOCAL_KEY, ApiKey
from .state import State, app_state

bearer = HTTPBearer(auto_error=False, description="An API key from the server's keys file, sent as `Authorization: Bearer <key>`.")


def require(role: Literal["check", "compliance"]) -> Callable[..., Awaitable[ApiKey]]:
    """Dependency: the caller's key, which must grant `role` (401/403 otherwise)."""

    # async: FastAPI runs a plain `def` dependency in its thread pool, a thread hop
    # (and two GIL hand-offs) per request for a dict lookup.
    async def dependency(state: State = Depends(app_state), credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> ApiKey:
        keyring = state.keyring.current() if state.keyring is not None else None
        if keyring is None:  # no keys configured: loopback only (Settings.validate), local user
            if role == "compliance":
                # Without keys anything on the machine may call the server (local tools, any
                # browser page the CORS and Host checks let through): checking stays open,
                # reading what others checked does not.
                raise ApiError(
                    403,
                    "compliance_key_required",
                    "Reading the decision log over HTTP needs a key with the 'compliance' role, and this server has no API keys. "
                    "Create them (`charterguard keys new --id compliance-team --role compliance --append keys.yaml`, plus a "
                    "`--role check` key for the extension and tools) and restart with `--api-keys keys.yaml`; or read the log "
                    "on this machine with `charterguard decisions list|summary|export`.",
                )
            _within_rate_limit(state, LOCAL_KEY)
            return LOCAL_KEY
        if credentials is None:
            raise ApiError(401, "missing_api_key", "This endpoint needs an API key: send it as the header `Authorization: Bearer <key>`.")
        key = keyring.find(credentials.credentials)
        if key is None:
            raise ApiError(401, "invalid_api_key", "This API key is not known to the server: check it, or ask the operator for a new one (`charterguard keys new`).")
        if not key.grants(role):
            raise ApiError(403, "forbidden", f"The key {key.id!r} does not have the {role!r} role this endpoint needs; ask the operator for a key with that role.")
        _within_rate_limit(state, key)
        return key

    return dependency


def _within_rate_limit(state: State, key: ApiKey) -> None:
    """429 with Retry-After when `key` sent more than the server's per-minute limit."""
    if state.rate_limiter is None:
        return
    wait_s = state.rate_limiter.take(key.id)
    if wait_s is not None:
        retry_after = max(1, math.ceil(wait_s))
        raise ApiError(
            429, "rate_limited",
            f"The key {key.id!r} sent more than {state.settings.rate_limit_per_minute} requests a minute: retry in {retry_after} s.",
            headers={"Retry-After": str(retry_after)},
        )  # fmt: skip

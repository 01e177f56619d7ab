"""API keys: stored only as SHA-256 hashes, sent by clients as bearer tokens.

Keys file (YAML)::

    keys:
      - id: extension            # shown in the decision log instead of the key
        sha256: 9f86d08...       # sha256 of the token, hex
        roles: [check]
      - id: compliance-team
        sha256: 2c26b46...
        roles: [compliance]      # compliance includes check

`charterguard keys new --id NAME --role check` prints a fresh token (once) and
the entry to paste. Tokens are random 256-bit strings, so a plain SHA-256 (no
salt, no slow hash) is enough: there is nothing to brute-force.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import KeysFileError  # importable from here too

ROLES = ("check", "compliance")
# A role grants itself and the roles it includes.
ROLE_GRANTS: dict[str, frozenset[str]] = {
    "check": frozenset({"check"}),
    "compliance": frozenset({"check", "compliance"}),
}
TOKEN_PREFIX = "cg_"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_KEY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
log = logging.getLogger("charterguard.api")


@dataclass(frozen=True, slots=True)
class ApiKey:
    id: str
    sha256: str
    roles: frozenset[str]

    def grants(self, role: str) -> bool:
        return any(role in ROLE_GRANTS[r] for r in self.roles)


# Used when no keys are configured (loopback only): the local user may do anything.
LOCAL_KEY = ApiKey(id="local", sha256="", roles=frozenset(ROLES))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class KeyRing:
    """The configured keys, looked up by the hash of the presented token."""

    def __init__(self, keys: list[ApiKey]) -> None:
        self._by_hash = {k.sha256: k for k in keys}

    def __len__(self) -> int:
        return len(self._by_hash)

    def find(self, token: str) -> ApiKey | None:
        digest = hash_token(token)
        key = self._by_hash.get(digest)
        # The dict lookup already matched; compare_digest keeps the final
        # comparison constant-time should the lookup ever become a scan.
        if key is not None and hmac.compare_digest(key.sha256, digest):
            return key
        return None

    @classmethod
    def load(cls, path: str | Path) -> "KeyRing":
        name = str(path)
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeysFileError(f"{name}: API keys file not found; create one with `charterguard keys new`") from None
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise KeysFileError(f"{name}: cannot read the API keys file: {exc}") from None
        entries = data.get("keys") if isinstance(data, dict) else None
        if not isinstance(entries, list) or not entries:
            raise KeysFileError(f"{name}: expected a mapping with a non-empty `keys:` list")
        keys: list[ApiKey] = []
        seen_ids: set[str] = set()
        for index, entry in enumerate(entries):
            where = f"{name}: keys[{index}]"
            if not isinstance(entry, dict):
                raise KeysFileError(f"{where}: expected a mapping with id, sha256 and roles")
            unknown = set(entry) - {"id", "sha256", "roles"}
            if unknown:
                raise KeysFileError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: id, sha256, roles")
            key_id = str(entry.get("id", ""))
            if not _KEY_ID.match(key_id):
                raise KeysFileError(f"{where}.id: {key_id!r} is not a valid key id (letters, digits, _ . -; at most 64)")
            if key_id in seen_ids:
                raise KeysFileError(f"{where}.id: {key_id!r} is used twice")
            seen_ids.add(key_id)
            digest = str(entry.get("sha256", "")).lower()
            if not _HEX64.match(digest):
                raise KeysFileError(
                    f"{where}.sha256: expected the 64-hex-digit SHA-256 of the token, never the token itself "
                    "(`charterguard keys hash` computes it)"
                )
            roles = entry.get("roles")
            if isinstance(roles, str):
                roles = [roles]
            if not isinstance(roles, list) or not roles or any(r not in ROLES for r in roles):
                raise KeysFileError(f"{where}.roles: expected a list of roles among {list(ROLES)}")
            keys.append(ApiKey(id=key_id, sha256=digest, roles=frozenset(roles)))
        if len({k.sha256 for k in keys}) != len(keys):
            raise KeysFileError(f"{name}: two entries have the same sha256")
        return cls(keys)


def key_entry_yaml(key_id: str, token: str, roles: list[str]) -> str:
    """The keys-file entry for `token` (its hash only)."""
    return yaml.safe_dump([{"id": key_id, "sha256": hash_token(token), "roles": roles}], sort_keys=False)


class WatchedKeyRing:
    """The keys file's KeyRing, reloaded when the file changes: keys are added, revoked or
    rotated without a restart. The file is looked at, at most once per `check_interval_s`,
    by the request that needs it; a file that no longer loads keeps the previous keys
    (and says why in the log, once)."""

    def __init__(self, path: str | Path, check_interval_s: float) -> None:
        self.path = Path(path)
        self.check_interval_s = check_interval_s
        self._ring = KeyRing.load(self.path)
        self._stamp = _file_stamp(self.path)
        self._next_check = time.monotonic() + check_interval_s
        self._lock = threading.Lock()

    def reload_now(self) -> None:
        """Look at the file now, whatever the interval (SIGHUP)."""
        with self._lock:
            self._next_check = 0.0
        self.current()

    def current(self) -> KeyRing:
        if time.monotonic() >= self._next_check and self._lock.acquire(blocking=False):
            try:
                self._next_check = time.monotonic() + self.check_interval_s
                stamp = _file_stamp(self.path)
                if stamp != self._stamp:
                    self._stamp = stamp
                    try:
                        self._ring = KeyRing.load(self.path)
                        log.info("API keys reloaded from %s: %d keys", self.path, len(self._ring))
                    except KeysFileError as exc:
                        log.error("the API keys file changed but cannot be loaded; the previous keys stay in use: %s", exc)
            finally:
                self._lock.release()
        return self._ring


def _file_stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)

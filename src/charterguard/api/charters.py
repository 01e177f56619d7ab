"""The charters a server serves, each with its compiled Checker, reloaded on change.

A background thread polls the charters' source files. When one changed, the
charter is loaded and compiled off the request path, then swapped in with one
assignment: a request in flight keeps the `Served` it started with, and no
request ever waits for a reload. A charter that fails to reload keeps serving
its last good version; the error is shown in GET /v1/charters/{name}.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import SettingsError

if TYPE_CHECKING:
    from charterguard import Charter, Checker
    from charterguard.charter.rule import RuleSpec

log = logging.getLogger("charterguard.api")


@dataclass(frozen=True)
class Served:
    """One version of a charter and its checker; immutable, so safe to share."""

    spec: str  # what the settings named: a built-in name or a path
    charter: "Charter"
    checker: "Checker"
    stamps: tuple[tuple[str, int, int], ...]  # (path, mtime_ns, size) of every source file
    rule_ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def name(self) -> str:
        return self.charter.name


def _stamps(paths: list[Any]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for path in paths:
        try:
            st = os.stat(path)
            out.append((str(path), st.st_mtime_ns, st.st_size))
        except OSError:  # deleted or being replaced: counts as a change
            out.append((str(path), -1, -1))
    return tuple(out)


def load_served(spec: str) -> Served:
    """Load and compile one charter (raises CharterError)."""
    from charterguard import Charter, Checker

    charter = Charter.load(spec)
    return Served(
        spec=spec,
        charter=charter,
        checker=Checker(charter),
        stamps=_stamps(list(charter.source_files)),
        rule_ids=frozenset(r.id for r in rules_of(charter)),
    )


def rules_of(charter: "Charter") -> list["RuleSpec"]:
    """The charter's rule specs (`RuleSpec`), unwrapped from their compiled form."""
    return [compiled.spec for compiled in charter.rules]


class CharterRegistry:
    def __init__(self, specs: list[str]) -> None:
        self._served: dict[str, Served] = {}
        self._errors: dict[str, str] = {}
        self.default_name = ""
        for spec in specs:  # CharterError propagates: a server never starts on a broken charter
            served = load_served(spec)
            if served.name in self._served:
                raise SettingsError(f"two charters are named {served.name!r} ({self._served[served.name].spec} and {spec}); rename one")
            self._served[served.name] = served
            self.default_name = self.default_name or served.name
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._reloading = threading.Lock()  # the watcher and a SIGHUP never build the same charter twice at once

    def get(self, name: str | None) -> Served | None:
        return self._served.get(name or self.default_name)

    def all(self) -> list[Served]:
        return list(self._served.values())

    def reload_error(self, name: str) -> str | None:
        return self._errors.get(name)

    def reload_changed(self) -> list[str]:
        """Reload every charter whose files changed; returns the names reloaded."""
        with self._reloading:
            return self._reload_changed()

    def _reload_changed(self) -> list[str]:
        reloaded = []
        for name, served in list(self._served.items()):
            if _stamps([p for p, _, _ in served.stamps]) == served.stamps:
                continue
            try:
                fresh = load_served(served.spec)
                fresh.checker.warm_up()  # its rules' models loaded before it serves a request
            except Exception as exc:  # CharterError names file:line; keep serving the last good version
                message = str(exc)
                if self._errors.get(name) != message:
                    log.error("charter %r changed but cannot be reloaded, still serving version %s: %s", name, served.charter.version, message)
                self._errors[name] = message
                continue
            if fresh.name != name:
                self._errors[name] = f"the charter file now names itself {fresh.name!r}; restart the server to serve a renamed charter"
                continue
            self._served[name] = fresh  # one assignment: requests in flight keep the old Served
            self._errors.pop(name, None)
            reloaded.append(name)
            log.info("charter %r reloaded: version %s, sha256 %s", name, fresh.charter.version, fresh.charter.sha256[:12])
        return reloaded

    def start_watching(self, interval_s: float) -> None:
        if self._thread is not None:
            return

        def watch() -> None:
            while not self._stop.wait(interval_s):
                try:
                    self.reload_changed()
                except Exception as exc:  # never let the watcher die silently
                    log.error("charter watcher failed: %s", type(exc).__name__)

        self._thread = threading.Thread(target=watch, name="charter-watcher", daemon=True)
        self._thread.start()

    def stop_watching(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

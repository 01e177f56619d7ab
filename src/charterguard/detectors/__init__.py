"""Rule kinds: one module per kind, each registering a `Detector` (see `base`)."""

from __future__ import annotations

import importlib

from .base import Detector, Hit, register, rule_kinds

BUILTIN_KINDS = ("terms", "pattern", "require", "limit", "pii", "tone", "secrets", "inside_information", "semantic")

_loaded = False


def load_builtin_kinds() -> None:
    """Import the built-in kind modules (cheap: heavy libraries load lazily inside them)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for name in BUILTIN_KINDS:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise


__all__ = ["Detector", "Hit", "register", "rule_kinds", "load_builtin_kinds"]

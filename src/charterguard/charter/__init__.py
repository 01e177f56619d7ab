"""The compiled charter: a validated charter spec (`charterguard.spec`) whose rules are
compiled into detectors, ready for the engine."""

from __future__ import annotations

from typing import Any

from ..spec.loader import ExceptionSpec
from ..spec.rule import Company, Messages, RuleSpec, When

__all__ = ["Charter", "CompiledRule", "Company", "ExceptionSpec", "Messages", "RuleSpec", "When"]


def __getattr__(name: str) -> Any:
    # Lazy: `import charterguard.charter` stays cheap for the CLI's cold start (no detector imported).
    if name in ("Charter", "CompiledRule"):
        from . import model

        return getattr(model, name)
    raise AttributeError(name)

"""The charter: YAML loading with line numbers, validation, `extends`, JSON Schema."""

from __future__ import annotations

from typing import Any

from .rule import Company, Messages, RuleSpec, When

__all__ = ["Charter", "CompiledRule", "Company", "ExceptionSpec", "Messages", "RuleSpec", "When"]


def __getattr__(name: str) -> Any:
    # Loaded lazily: the model imports the detectors, which import `rule` from here.
    if name in ("Charter", "CompiledRule", "ExceptionSpec"):
        from . import model

        return getattr(model, name)
    raise AttributeError(name)

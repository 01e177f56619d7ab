"""The JSON Schema of charter files with every registered rule kind (`charterguard.spec.schema`)."""

from __future__ import annotations

from typing import Any

from ..detectors.base import kind_specs
from ..spec import schema
from ..spec.schema import SCHEMA_ID

__all__ = ["SCHEMA_ID", "charter_json_schema"]


def charter_json_schema() -> dict[str, Any]:
    return schema.charter_json_schema(kind_specs())

"""The JSON Schema of charter files, for editors (YAML language servers)."""

from __future__ import annotations

from typing import Any

from .model import charter_model

SCHEMA_ID = "https://charterguard.dev/schema/charter-1.json"


def charter_json_schema() -> dict[str, Any]:
    schema = charter_model().model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "charterguard charter"
    # A charter that `extends` another may override a parent rule with only
    # some fields (e.g. `{id: tone.insults, severity: block}`).
    rules = schema["properties"]["rules"]
    rules["items"] = {
        "anyOf": [
            rules["items"],
            {
                "type": "object",
                "description": "Override of an inherited rule: its id and the fields to change.",
                "required": ["id"],
                "properties": {"id": {"type": "string"}},
            },
        ]
    }
    for definition in schema.get("$defs", {}).values():
        definition.get("properties", {}).pop("default_entity", None)
    return schema

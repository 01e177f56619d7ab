"""The JSON Schema of charter files, for editors (YAML language servers).

One branch per rule kind, chosen by `kind`, so a wrong `kind`, a bad `severity` or an
unknown field inside a rule is an editor error. A charter that `extends` another may
override a parent rule with its `id` and the fields to change: when the parent is a
built-in charter the schema knows each of its rules' kind, and an override is checked
against that kind's fields; when the parent is a file, an override may use the fields any
kind has (the loader checks the rest when the charter is loaded).
"""

from __future__ import annotations

import copy
from typing import Any

from .builtin import builtin_names
from .loader import NOT_FROM_YAML, RuleKinds, charter_spec_model, load_spec
from .rule import RuleSpec

SCHEMA_ID = "https://charterguard.dev/schema/charter-1.json"


def charter_json_schema(kinds: RuleKinds) -> dict[str, Any]:
    schema = charter_spec_model(kinds).model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "charterguard charter"
    defs: dict[str, Any] = schema["$defs"]
    for definition in defs.values():
        for field in NOT_FROM_YAML:
            definition.get("properties", {}).pop(field, None)

    rules = schema["properties"]["rules"]
    full_rule = rules["items"]  # pydantic's tagged union: one branch per kind, on `kind`
    by_kind = {name: _definition_name(kind.spec) for name, kind in kinds.items()}
    for name, definition in by_kind.items():
        override = copy.deepcopy(defs[definition])
        override["required"] = ["id"]
        override["title"] = f"Override of a `{name}` rule"
        override["description"] = f"Override of an inherited `{name}` rule: its id and the fields to change."
        defs[f"{definition}Override"] = override
    defs["RuleOverride"] = _any_kind_override(defs, by_kind.values())

    # A charter that extends nothing: every rule is a whole rule of one kind.
    rules["items"] = {"type": "object", "required": ["id"]}
    cases: list[dict[str, Any]] = [
        {"if": {"not": {"required": ["extends"]}}, "then": {"properties": {"rules": {"items": full_rule}}}},
    ]
    parents = _builtin_rule_kinds(kinds)
    for parent, rule_kinds in parents.items():
        cases.append({
            "if": {"properties": {"extends": {"const": parent}}, "required": ["extends"]},
            "then": {"properties": {"rules": {"items": _items_extending(rule_kinds, by_kind, full_rule)}}},
        })
    known = list(parents)
    cases.append({
        "if": {"required": ["extends"], **({"properties": {"extends": {"not": {"enum": known}}}} if known else {})},
        "then": {"properties": {"rules": {"items": {
            "if": {"required": ["kind"]}, "then": full_rule, "else": {"$ref": "#/$defs/RuleOverride"},
        }}}},
    })
    schema["allOf"] = cases
    return schema


def _definition_name(spec: type[RuleSpec]) -> str:
    return spec.model_config.get("title") or spec.__name__


def _items_extending(rule_kinds: dict[str, str], by_kind: dict[str, str], full_rule: dict[str, Any]) -> dict[str, Any]:
    """A rule of a charter extending a built-in one: an override of a parent rule is checked
    against that rule's kind; any other rule is a whole rule."""
    overrides = [
        {"if": {"properties": {"id": {"enum": sorted(ids)}}}, "then": {"$ref": f"#/$defs/{by_kind[kind]}Override"}}
        for kind, ids in _ids_by_kind(rule_kinds).items()
        if kind in by_kind
    ]
    return {
        "if": {"properties": {"id": {"enum": sorted(rule_kinds)}}, "required": ["id"]},
        "then": {"allOf": overrides},
        "else": full_rule,
    }


def _ids_by_kind(rule_kinds: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rule_id, kind in rule_kinds.items():
        out.setdefault(kind, []).append(rule_id)
    return out


def _any_kind_override(defs: dict[str, Any], definitions: Any) -> dict[str, Any]:
    """An override whose parent rule's kind is unknown here: the header fields with their
    types, and any field some kind has."""
    header = RuleSpec.model_json_schema(by_alias=True)["properties"]
    properties: dict[str, Any] = {}
    for definition in definitions:
        for field in defs[definition].get("properties", {}):
            properties[field] = {}
    for field, schema in header.items():
        if field not in NOT_FROM_YAML and field != "kind":
            properties[field] = schema  # its $refs (Messages, When...) are this schema's $defs too
    return {
        "type": "object",
        "title": "Override of an inherited rule",
        "description": "Override of a rule of the charter this one extends: its id and the fields to change.",
        "required": ["id"],
        "properties": properties,
        "additionalProperties": False,
    }


def _builtin_rule_kinds(kinds: RuleKinds) -> dict[str, dict[str, str]]:
    """For each built-in charter that loads, its rules' kinds by id (after its own `extends`)."""
    out: dict[str, dict[str, str]] = {}
    for name in builtin_names():
        loaded = load_spec(name, kinds)
        out[name] = {rule.id: rule.kind for rule in loaded.spec.rules}  # type: ignore[attr-defined]
    return out

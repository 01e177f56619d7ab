"""GET /v1/charters and /v1/charters/{name}: what is served, and a summary of its rules."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from ...charter.rule import RuleSpec
from ..auth import require
from ..charters import Served, rules_of
from ..errors import error_responses
from ..keys import ApiKey
from ..models import CharterDetail, CharterList
from ..state import State, app_state

router = APIRouter(tags=["charters"])


@router.get("/v1/charters", summary="The charters this server serves.", response_model=CharterList, responses=error_responses(401, 403))
async def list_charters(key: ApiKey = Depends(require("check")), state: State = Depends(app_state)) -> dict[str, Any]:
    return {"charters": [_charter_summary(state, s) for s in state.charters.all()]}


@router.get(
    "/v1/charters/{name}",
    summary="One charter: version, sha256 and a summary of its rules.",
    response_model=CharterDetail,
    responses=error_responses(401, 403, 404),
)
async def get_charter(name: str, key: ApiKey = Depends(require("check")), state: State = Depends(app_state)) -> dict[str, Any]:
    served = state.served(name)
    return {
        **_charter_summary(state, served),
        "reload_error": state.charters.reload_error(served.name),
        "rules": [_rule_summary(rule) for rule in rules_of(served.charter)],
    }


def _charter_summary(state: State, served: Served) -> dict[str, Any]:
    charter = served.charter
    return {
        "name": charter.name,
        "version": str(charter.version),
        "sha256": charter.sha256,
        "allow_publish_anyway": charter.allow_publish_anyway,
        "default": charter.name == state.charters.default_name,
        "rules": len(served.rule_ids),
    }


def _rule_summary(rule: RuleSpec) -> dict[str, Any]:
    return {
        "id": rule.id,
        "kind": rule.kind,
        "category": rule.category,
        "severity": rule.severity,
        "clause": rule.clause,
        "entity": rule.entity_name(),
        "enabled": rule.enabled,
        "when": rule.when.model_dump(mode="json", exclude_none=True) if rule.when is not None else None,
    }

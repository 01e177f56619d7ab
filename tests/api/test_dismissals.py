"""POST /v1/dismissals: an author's "ignore in this post" / "does not apply here", kept in the decision log."""

from __future__ import annotations

import json
import uuid

import pytest

from .conftest import Server, cli
from .test_check import assert_error
from .test_decisions_api import hasher_of
from .test_postgres_server import latest_decision


def test_a_dismissal_is_recorded_with_its_reason_and_counted_per_rule(server: Server) -> None:
    text = "Zorglub " + uuid.uuid4().hex
    with server.client("check") as client:
        response = client.post("/v1/dismissals", json={
            "text": text, "charter": "reload-test", "channel": "linkedin", "rules": ["confidential.codenames"],
            "severity": "block", "reason": "not_applicable", "comment": " Zorglub est ici le nom d'un oiseau. ",
        })
    assert response.status_code == 201, response.text
    dismissal_id = response.json()["id"]
    with server.client("compliance") as client:
        rows = client.get("/v1/decisions", params={"kind": "dismissal", "rule": "confidential.codenames"}).json()["decisions"]
        summary = client.get("/v1/decisions/summary", params={"kind": "dismissal"}).json()
    row = next(r for r in rows if r["id"] == dismissal_id)
    assert row["reason"] == "not_applicable: Zorglub est ici le nom d'un oiseau."
    assert row["rules"] == ["confidential.codenames"] and row["verdict"] is None and row["channel"] == "linkedin"
    assert row["text_hmac"] == hasher_of(server).digest(text) and "text" not in row
    assert summary["dismissals"] >= 1
    assert next(r for r in summary["by_rule"] if r["rule"] == "confidential.codenames")["dismissal"] >= 1
    listed = cli("decisions", "list", "--db", server.decision_log, "--kind", "dismissal", "--format", "json", "--limit", "5")
    assert listed.returncode == 0 and dismissal_id in [r["id"] for r in json.loads(listed.stdout)]


@pytest.mark.parametrize(
    "body, status, code",
    [
        ({"text": "x", "rules": ["confidential.codenames"], "reason": "because"}, 422, "invalid_request"),  # reason is a choice
        ({"text": "x", "rules": [], "reason": "ignored"}, 422, "invalid_request"),
        ({"text": "x", "rules": ["no.such.rule"], "reason": "ignored"}, 422, "unknown_rule"),
        ({"text": "x", "charter": "nope", "rules": ["confidential.codenames"], "reason": "ignored"}, 404, "unknown_charter"),
        ({"text": "x", "rules": ["confidential.codenames"], "reason": "ignored", "comment": "y" * 501}, 422, "invalid_request"),
        ({"text": "", "charter": "nope", "rules": ["confidential.codenames"], "reason": "ignored", "comment": None}, 404, "unknown_charter"),
    ],
)
def test_bad_dismissals_get_a_json_error(server: Server, body: dict, status: int, code: str) -> None:
    with server.client("check") as client:
        assert_error(client.post("/v1/dismissals", json=body), status, code)
    with server.client() as anonymous:
        assert_error(anonymous.post("/v1/dismissals", json=body), 401, "missing_api_key")


def test_a_comment_with_a_lone_surrogate_is_refused(server: Server) -> None:
    body = b'{"text": "x", "rules": ["confidential.codenames"], "reason": "ignored", "comment": "a \\ud800 b"}'
    with server.client("check") as client:
        assert_error(client.post("/v1/dismissals", content=body, headers={"content-type": "application/json"}), 422, "invalid_request")


def test_a_dismissal_is_recorded_in_postgres_too(pg_server: Server) -> None:
    with pg_server.client() as client:
        response = client.post("/v1/dismissals", json={"text": "x", "rules": ["confidential.codenames"], "reason": "not_applicable"})
    assert response.status_code == 201, response.text
    row = latest_decision(pg_server, kind="dismissal")
    assert row["id"] == response.json()["id"] and row["reason"] == "not_applicable" and row["kind"] == "dismissal"

"""The decision log through the API and the `charterguard decisions` command, and
the promise that post text appears in no log, error or store."""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from pathlib import Path

import pytest

from charterguard.decisions import TextHasher

from .conftest import Server, cli, server_env
from .test_check import assert_error

pytestmark = pytest.mark.slow


def marker() -> str:
    return "Zorglub " + uuid.uuid4().hex  # blocked by the reload-test charter, unique per test


def hasher_of(server: Server) -> TextHasher:
    return TextHasher.from_file(server.decision_log + ".hmac-key", create=False)


def test_checks_are_recorded_without_text(server: Server) -> None:
    text = marker()
    with server.client("check") as client:
        client.post("/v1/check", json={"text": text, "charter": "reload-test", "channel": "linkedin", "audience": "public"})
    with server.client("compliance") as client:
        page = client.get("/v1/decisions", params={"limit": 1}).json()
    row = page["decisions"][0]
    assert row["kind"] == "check" and row["verdict"] == "block"
    assert row["key_id"] == "extension"  # the key's id, never the key
    assert row["charter_name"] == "reload-test" and len(row["charter_sha256"]) == 64
    assert row["channel"] == "linkedin" and row["audience"] == "public"
    assert row["text_hmac"] == hasher_of(server).digest(text)
    assert row["text_length"] == len(text)
    assert {"rule": "confidential.codenames", "category": "confidential", "entity": "CODENAME", "severity": "block", "length": 7} in row["findings"]
    assert "text" not in row


def test_decisions_filters_and_paging(server: Server) -> None:
    with server.client("check") as client:
        for text in (marker(), marker(), "Belle journée à tous."):
            client.post("/v1/check", json={"text": text, "charter": "reload-test"})
    with server.client("compliance") as client:
        blocked = client.get("/v1/decisions", params={"verdict": "block", "rule": "confidential.codenames"}).json()["decisions"]
        assert blocked and all(r["verdict"] == "block" and "confidential.codenames" in r["rules"] for r in blocked)
        first = client.get("/v1/decisions", params={"limit": 2}).json()
        second = client.get("/v1/decisions", params={"limit": 2, "cursor": first["next_cursor"]}).json()
        assert first["next_cursor"] is not None
        assert not {r["id"] for r in first["decisions"]} & {r["id"] for r in second["decisions"]}
        future = client.get("/v1/decisions", params={"since": "2999-01-01T00:00:00Z"}).json()
        assert future == {"decisions": [], "next_cursor": None, "skipped": []}  # skipped: damaged rows left out (none)
        summary = client.get("/v1/decisions/summary").json()
        assert summary["checks"] >= 3 and summary["by_verdict"]["block"] >= 2
        assert_error(client.get("/v1/decisions", params={"verdict": "maybe"}), 422, "invalid_request")
        assert_error(client.get("/v1/decisions", params={"since": "yesterday"}), 422, "invalid_request")
        assert_error(client.get("/v1/decisions", params={"limit": 0}), 422, "invalid_request")


def test_override_is_recorded_with_reason(server: Server) -> None:
    text = marker()
    with server.client("check") as client:
        response = client.post(
            "/v1/overrides",
            json={"text": text, "charter": "reload-test", "channel": "linkedin", "rules": ["confidential.codenames"], "reason": "  Annoncé publiquement hier.  "},
        )
    assert response.status_code == 201, response.text
    override_id = response.json()["id"]
    with server.client("compliance") as client:
        rows = client.get("/v1/decisions", params={"kind": "override", "rule": "confidential.codenames"}).json()["decisions"]
    row = next(r for r in rows if r["id"] == override_id)
    assert row["reason"] == "Annoncé publiquement hier."
    assert row["rules"] == ["confidential.codenames"] and row["verdict"] is None
    assert row["text_hmac"] == hasher_of(server).digest(text) and row["key_id"] == "extension"


@pytest.mark.parametrize(
    "body, status, code",
    [
        ({"text": "x", "rules": ["no.such.rule"], "reason": "because"}, 422, "unknown_rule"),
        ({"text": "x", "rules": ["confidential.codenames"], "reason": "   "}, 422, "invalid_request"),
        ({"text": "x", "rules": [], "reason": "because"}, 422, "invalid_request"),
        ({"text": "x", "rules": ["confidential.codenames"]}, 422, "invalid_request"),
        ({"text": "x", "charter": "nope", "rules": ["confidential.codenames"], "reason": "because"}, 404, "unknown_charter"),
    ],
)
def test_bad_overrides(server: Server, body: dict, status: int, code: str) -> None:
    with server.client("check") as client:
        assert_error(client.post("/v1/overrides", json=body), status, code)
    with server.client() as anonymous:
        assert_error(anonymous.post("/v1/overrides", json=body), 401, "missing_api_key")


def test_decisions_command_line(server: Server, tmp_path: Path) -> None:
    text = marker()
    with server.client("check") as client:
        client.post("/v1/check", json={"text": text, "charter": "reload-test"})
    with server.client("compliance") as client:
        decision_id = client.get("/v1/decisions", params={"limit": 1}).json()["decisions"][0]["id"]
    db = server.decision_log
    listed = cli("decisions", "list", "--db", db, "--format", "json", "--limit", "1")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)[0]["id"] == decision_id
    table = cli("decisions", "list", "--db", db, "--verdict", "block")
    assert decision_id in table.stdout and "confidential.codenames" in table.stdout
    out = tmp_path / "export.csv"
    exported = cli("decisions", "export", "--db", db, "--format", "csv", "-o", str(out), "--rule", "confidential.codenames")
    assert exported.returncode == 0 and "decisions written" in exported.stderr
    assert decision_id in out.read_text() and text not in out.read_text()
    summary = cli("decisions", "summary", "--db", db, "--format", "json", "--since", "2020-01-01")
    assert json.loads(summary.stdout)["by_verdict"]["block"] >= 1
    assert "confidential.codenames" in cli("decisions", "summary", "--db", db).stdout
    env = server_env()
    assert cli("decisions", "verify", "--db", db, decision_id, input=text, env=env).returncode == 0
    mismatch = cli("decisions", "verify", "--db", db, decision_id, input=text + " edited", env=env)
    assert mismatch.returncode == 1 and "no match" in mismatch.stdout
    bad_date = cli("decisions", "list", "--db", db, "--since", "last week")
    assert bad_date.returncode == 2 and "ISO" in bad_date.stderr
    missing = cli("decisions", "list", "--db", str(tmp_path / "none.sqlite3"))
    assert missing.returncode == 2 and "no decision log" in missing.stderr


def test_post_text_is_in_no_log_error_or_store(server: Server) -> None:
    secret = "Zorglub " + uuid.uuid4().hex
    with server.client("check") as client:
        client.post("/v1/check", json={"text": secret, "charter": "reload-test"})
        client.post("/v1/check/batch", json={"posts": [{"text": secret}, {"text": secret + "\x00"}]})
        client.post("/v1/check", json={"text": secret + "\x00"})
        client.post("/v1/check", json={"text": secret, "lang": "xx"})
        client.post("/v1/check", json={"text": secret, "charter": "nope"})
        client.post("/v1/check", content=('{"text": "' + secret + '"').encode(), headers={"content-type": "application/json"})
        client.post("/v1/check", json={"text": secret + "a" * 70000})
        client.post("/v1/overrides", json={"text": secret, "charter": "reload-test", "rules": ["confidential.codenames"], "reason": "ok"})
    with server.client() as anonymous:
        anonymous.post("/v1/check", json={"text": secret})
    time.sleep(0.5)  # let the server flush its log
    assert secret not in server.log_text()
    for path in Path(server.decision_log).parent.glob("decisions.sqlite3*"):
        assert secret.encode() not in path.read_bytes(), path
    count = sqlite3.connect(server.decision_log).execute("SELECT COUNT(*) FROM cg_decisions WHERE text IS NOT NULL").fetchone()[0]
    assert count == 0

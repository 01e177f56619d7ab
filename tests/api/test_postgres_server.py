"""A server writing its decision log to a real PostgreSQL, with no API keys on
loopback (local mode) and a 1 ms time budget (fail closed)."""

from __future__ import annotations

import pytest

from charterguard.decisions import Filters, TextHasher, open_log

from .conftest import Server

pytestmark = pytest.mark.slow

LONG_POST = ("Très fiers de présenter notre nouvelle plateforme au salon de Lyon, merci à toute l'équipe ! " * 60).strip()


def latest_decision(server: Server, **filters: str) -> dict:
    """Without API keys the decision log is not served over HTTP: read it as `charterguard decisions` does."""
    store = open_log(server.decision_log, create=False)
    try:
        rows, _ = store.query(Filters(**filters), limit=1)
    finally:
        store.close()
    return rows[0]


def test_local_mode_needs_no_key_and_logs_to_postgres(pg_server: Server) -> None:
    with pg_server.client() as client:
        report = client.post("/v1/check", json={"text": "Bonjour à tous", "channel": "linkedin"}).json()
        assert client.get("/v1/decisions").status_code == 403  # compliance_key_required: no keys, no log over HTTP
    row = latest_decision(pg_server)
    assert row["key_id"] == "local" and row["verdict"] == report["verdict"]
    hasher = TextHasher.from_file(pg_server.workdir / "hmac.key", create=False)
    assert row["text_hmac"] == hasher.digest("Bonjour à tous")


def test_time_budget_fails_closed_and_is_recorded(pg_server: Server) -> None:
    with pg_server.client() as client:
        report = client.post("/v1/check", json={"text": LONG_POST, "channel": "linkedin"}).json()
    row = latest_decision(pg_server)
    assert report["incomplete"] is True
    assert report["verdict"] == "block"
    assert any("budget" in note for note in report.get("notes", []))
    assert row["incomplete"] is True and row["verdict"] == "block"


def test_override_to_postgres(pg_server: Server) -> None:
    with pg_server.client() as client:
        response = client.post("/v1/overrides", json={"text": "x", "rules": ["confidential.codenames"], "reason": "public since Monday"})
    assert response.status_code == 201, response.text
    row = latest_decision(pg_server, kind="override")
    assert row["id"] == response.json()["id"] and row["reason"] == "public since Monday"


def test_decisions_command_line_on_postgres(pg_server: Server) -> None:
    import json

    from .conftest import cli

    with pg_server.client() as client:
        client.post("/v1/check", json={"text": "Bonjour à tous", "channel": "x"})
    summary = cli("decisions", "summary", "--db", pg_server.decision_log, "--format", "json")
    assert summary.returncode == 0, summary.stderr
    assert json.loads(summary.stdout)["checks"] >= 1
    listed = cli("decisions", "list", "--db", pg_server.decision_log, "--format", "jsonl", "--limit", "1")
    assert json.loads(listed.stdout.splitlines()[0])["key_id"] == "local"
    wrong = cli("decisions", "list", "--db", pg_server.decision_log.rsplit("/", 1)[0] + "/no_such_db")
    assert wrong.returncode == 2 and "cannot" in wrong.stderr and "Traceback" not in wrong.stderr

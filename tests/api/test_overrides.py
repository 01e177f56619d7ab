"""POST /v1/overrides: an author's "publish anyway" is recorded, and only where the
charter allows it (`allow_publish_anyway`). The same requests go to a real server
(`charterguard serve` in a subprocess) and to the app in-process."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from charterguard.api.app import create_app
from charterguard.api.settings import Settings
from charterguard.decisions import TextHasher

from .conftest import LIGHT_CHARTER, Server, start_server

PERMISSIVE = LIGHT_CHARTER.replace("name: light-test", "name: light-permissive")
STRICT = LIGHT_CHARTER.replace("name: light-test", "name: light-strict").replace(
    'version: "1"\n', 'version: "1"\nallow_publish_anyway: false\n'
)
HMAC_KEY = "k" * 32
OVERRIDE = {"text": "Zorglub sort demain", "rules": ["confidential.codenames"], "reason": "  Annoncé hier en conférence.  ",
            "channel": "linkedin", "audience": "public"}


def overrides_in(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT id, kind, charter_name, channel, audience, findings, reason, text, text_hmac, text_length FROM cg_decisions"
            " WHERE kind = 'override'"
        ).fetchall()


def charters(workdir: Path) -> list[str]:
    (workdir / "permissive.yaml").write_text(PERMISSIVE, encoding="utf-8")
    (workdir / "strict.yaml").write_text(STRICT, encoding="utf-8")
    return [str(workdir / "permissive.yaml"), str(workdir / "strict.yaml")]


def test_the_two_charters_differ_only_by_allow_publish_anyway() -> None:
    assert "allow_publish_anyway" not in PERMISSIVE  # the default is true
    assert STRICT.replace("allow_publish_anyway: false\n", "").replace("light-strict", "light-permissive") == PERMISSIVE


# -- a real server ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def override_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    workdir = tmp_path_factory.mktemp("api-overrides")
    paths = charters(workdir)
    db = workdir / "decisions.sqlite3"
    srv = start_server(workdir, "--charter", paths[0], "--charter", paths[1], "--decision-log", str(db), "--hmac-key-file",
                       str(workdir / "hmac.key"))
    srv.decision_log = str(db)
    yield srv
    srv.stop()


def test_server_refuses_an_override_the_charter_forbids_and_records_nothing(override_server: Server) -> None:
    with override_server.client() as client:
        refused = client.post("/v1/overrides", json={**OVERRIDE, "charter": "light-strict"})
        assert refused.status_code == 403, refused.text
        assert refused.json()["error"]["code"] == "override_not_allowed"
        assert "light-strict" in refused.json()["error"]["message"]
        # The same override where the charter allows it is recorded.
        accepted = client.post("/v1/overrides", json={**OVERRIDE, "charter": "light-permissive"})
        assert accepted.status_code == 201, accepted.text
    rows = overrides_in(Path(override_server.decision_log))
    assert [(r[0], r[2]) for r in rows] == [(accepted.json()["id"], "light-permissive")]


# -- in-process (fast: mutation testing runs these) ------------------------------------------------


@pytest.fixture
def app_client(tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    db = tmp_path / "decisions.sqlite3"
    settings = Settings(charters=charters(tmp_path), decision_log=str(db), hmac_key=HMAC_KEY, reload_interval_s=60)
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        yield client, db


def test_override_is_refused_with_403_when_the_charter_forbids_it(app_client) -> None:
    client, db = app_client
    response = client.post("/v1/overrides", json={**OVERRIDE, "charter": "light-strict"})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "override_not_allowed"
    assert overrides_in(db) == []


def test_override_is_refused_before_its_rules_are_checked(app_client) -> None:
    # A strict charter answers 403 even to an override naming an unknown rule: nothing to fix in the request.
    client, _ = app_client
    response = client.post("/v1/overrides", json={**OVERRIDE, "charter": "light-strict", "rules": ["no.such.rule"]})
    assert response.status_code == 403


def test_override_is_recorded_with_its_reason_rules_and_text_hmac_only(app_client) -> None:
    client, db = app_client
    response = client.post("/v1/overrides", json={**OVERRIDE, "rules": ["confidential.codenames", "confidential.codenames"]})
    assert response.status_code == 201, response.text
    [row] = overrides_in(db)
    decision_id, kind, charter, channel, audience, findings, reason, text, text_hmac, text_length = row
    assert decision_id == response.json()["id"]
    assert (kind, charter, channel, audience) == ("override", "light-permissive", "linkedin", "public")  # first charter: the default
    assert findings == '[{"rule": "confidential.codenames"}]'
    assert reason == "Annoncé hier en conférence."
    assert text is None and text_hmac == TextHasher.from_string(HMAC_KEY).digest(OVERRIDE["text"])
    assert text_length == len(OVERRIDE["text"])


def test_override_of_a_rule_the_charter_lacks_is_refused(app_client) -> None:
    client, db = app_client
    unknown = ["tone.nope", "a.b", "z.z", "m.m", "b.a", "c.d"]
    response = client.post("/v1/overrides", json={**OVERRIDE, "rules": ["confidential.codenames", *unknown]})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unknown_rule"
    assert response.json()["error"]["rules"] == sorted(unknown)  # listed in order, whatever the request's order
    assert overrides_in(db) == []


def test_override_without_a_decision_log_is_refused_with_503(tmp_path: Path) -> None:
    settings = Settings(charters=charters(tmp_path), decision_log="", record_decisions=False, reload_interval_s=60)
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        response = client.post("/v1/overrides", json=OVERRIDE)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "decision_log_disabled"

"""Host header allow-list (DNS rebinding), and the decision log closed to callers without keys."""

from __future__ import annotations

import sqlite3

import pytest

from charterguard.api.hosts import HostAllowList, host_name
from charterguard.api.settings import Settings, SettingsError

from .conftest import EXTENSION_ORIGIN, Server
from .test_check import assert_error

# -- without a server ----------------------------------------------------------------


@pytest.mark.parametrize(
    "header, name",
    [("localhost:8000", "localhost"), ("LocalHost", "localhost"), ("[::1]:8000", "::1"), ("[::1]", "::1"), ("::1", "::1"), ("example.com.:80", "example.com")],
)
def test_host_name_of_a_header(header: str, name: str) -> None:
    assert host_name(header) == name


def test_loopback_server_answers_only_to_loopback_names() -> None:
    allowed = HostAllowList(Settings().allowed_host_names())
    for ok in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "localhost", "127.0.0.1:1"):
        assert allowed.allows(ok), ok
    for refused in ("evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example", "0.0.0.0:8000", "", None):
        assert not allowed.allows(refused), refused


def test_server_bound_elsewhere_answers_to_its_address_and_the_configured_names() -> None:
    bound = HostAllowList(Settings(host="10.1.2.3", api_keys_file="keys.yaml", allowed_hosts=["charterguard.corp.example"]).allowed_host_names())
    assert bound.allows("10.1.2.3:8000") and bound.allows("charterguard.corp.example") and bound.allows("CHARTERGUARD.corp.example.:443")
    assert not bound.allows("localhost:8000") and not bound.allows("evil.example")
    everywhere = HostAllowList(Settings(host="0.0.0.0", api_keys_file="keys.yaml", allowed_hosts=["*.corp.example", "[fd00::5]"]).allowed_host_names())
    assert everywhere.allows("a.corp.example") and everywhere.allows("b.a.corp.example") and everywhere.allows("[fd00::5]:8000")
    assert everywhere.allows("localhost:8000")  # bound to every interface: reachable through loopback too
    assert not everywhere.allows("corp.example") and not everywhere.allows("evilcorp.example") and not everywhere.allows("0.0.0.0:8000")


@pytest.mark.parametrize("host, problem", [("*", "refused"), ("*.com", "too broad"), ("https://cg.example", "without scheme"), ("cg.example:8000", "without a port")])
def test_bad_allowed_hosts_are_refused(host: str, problem: str) -> None:
    with pytest.raises(SettingsError, match=problem):
        Settings(allowed_hosts=[host])


def test_allowed_hosts_from_the_environment() -> None:
    settings = Settings.from_env({"CHARTERGUARD_ALLOWED_HOSTS": "a.example, b.example"})
    assert settings.allowed_hosts == ["a.example", "b.example"]
    assert Settings.from_json(settings.to_json()) == settings


# -- on real servers -----------------------------------------------------------------


def assert_host_refused(response, name: str) -> None:  # type: ignore[no-untyped-def]
    error = assert_error(response, 400, "host_not_allowed")
    assert "DNS rebinding" in error["message"] and f"--allowed-host {name}" in error["message"]


@pytest.mark.slow
def test_a_rebinding_page_gets_nothing_from_a_local_server(local_server: Server) -> None:
    evil = {"Host": f"evil.example:{local_server.port}"}
    with local_server.client() as client:
        assert_host_refused(client.post("/v1/check", json={"text": "Zorglub"}, headers=evil), "evil.example")
        for path in ("/healthz", "/v1/charters", "/v1/decisions", "/docs", "/openapi.json"):
            assert_host_refused(client.get(path, headers=evil), "evil.example")
        # With an Origin, as a browser sends it on a POST: still refused, no CORS headers.
        response = client.post("/v1/check", json={"text": "x"}, headers={**evil, "Origin": "http://evil.example:8000"})
        assert response.status_code == 400 and "access-control-allow-origin" not in response.headers


@pytest.mark.slow
@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]", "charterguard.test"])
def test_local_server_answers_to_loopback_names_and_allowed_hosts(local_server: Server, host: str) -> None:
    with local_server.client() as client:
        response = client.post("/v1/check", json={"text": "Le projet Zorglub"}, headers={"Host": f"{host}:8123"})
    assert response.status_code == 200, response.text
    assert response.json()["verdict"] == "block"


@pytest.mark.slow
def test_keyed_server_refuses_foreign_hosts_before_auth(server: Server) -> None:
    with server.client("compliance") as client:
        assert_host_refused(client.get("/v1/decisions", headers={"Host": "attacker.example"}), "attacker.example")
        assert client.get("/v1/decisions", headers={"Host": "localhost"}).status_code == 200


@pytest.mark.slow
def test_checks_stay_open_without_keys_but_the_decision_log_is_closed(local_server: Server) -> None:
    with local_server.client() as client:
        check = client.post("/v1/check", json={"text": "Le projet Zorglub", "channel": "linkedin"})
        charters = client.get("/v1/charters")
        decisions = client.get("/v1/decisions")
        summary = client.get("/v1/decisions/summary", params={"verdict": "block"})
    assert check.status_code == 200 and check.headers["x-charterguard-decision-logged"] == "true"
    assert charters.status_code == 200
    for response in (decisions, summary):
        error = assert_error(response, 403, "compliance_key_required")
        assert "charterguard keys new" in error["message"] and "--role compliance" in error["message"]
        assert "charterguard decisions" in error["message"]
    # The check was recorded all the same: compliance reads it locally.
    rows = sqlite3.connect(local_server.decision_log).execute("SELECT key_id, verdict FROM cg_decisions").fetchall()
    assert ("local", "block") in rows


@pytest.mark.slow
def test_refused_cors_preflight_is_json(server: Server) -> None:
    with server.client() as client:
        origin = client.options("/v1/check", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
        method = client.options("/v1/check", headers={"Origin": EXTENSION_ORIGIN, "Access-Control-Request-Method": "DELETE"})
        header = client.options(
            "/v1/check", headers={"Origin": EXTENSION_ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-evil"}
        )
    error = assert_error(origin, 400, "cors_refused")
    assert error["refused"] == ["origin"] and "--cors-origin" in error["message"]
    assert "access-control-allow-origin" not in origin.headers
    assert assert_error(method, 400, "cors_refused")["refused"] == ["method"]
    assert assert_error(header, 400, "cors_refused")["refused"] == ["headers"]

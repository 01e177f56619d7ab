"""API keys and roles, and CORS for the browser extension, on a real server."""

from __future__ import annotations

import pytest

from .conftest import EXTENSION_ORIGIN, Server
from .test_check import assert_error

pytestmark = pytest.mark.slow


def test_missing_key_is_401_with_bearer_challenge(server: Server) -> None:
    with server.client() as client:
        response = client.post("/v1/check", json={"text": "bonjour"})
    error = assert_error(response, 401, "missing_api_key")
    assert response.headers["www-authenticate"] == "Bearer"
    assert "Authorization: Bearer" in error["message"]


@pytest.mark.parametrize("header", ["Bearer cg_not-a-real-key", "Basic dXNlcjpwYXNz", "Bearer", "cg_no_scheme"])
def test_wrong_key_is_401(server: Server, header: str) -> None:
    with server.client() as client:
        response = client.post("/v1/check", json={"text": "bonjour"}, headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json()["error"]["code"] in ("invalid_api_key", "missing_api_key")


def test_the_hash_is_not_a_key(server: Server) -> None:
    from charterguard.api.keys import hash_token

    with server.client() as client:
        response = client.get("/v1/charters", headers={"Authorization": f"Bearer {hash_token(server.tokens['check'])}"})
    assert_error(response, 401, "invalid_api_key")


def test_check_role_cannot_read_the_decision_log(server: Server) -> None:
    with server.client("check") as client:
        assert client.post("/v1/check", json={"text": "bonjour"}).status_code == 200
        error = assert_error(client.get("/v1/decisions"), 403, "forbidden")
        assert_error(client.get("/v1/decisions/summary"), 403, "forbidden")
    assert "'extension'" in error["message"] and "compliance" in error["message"]


def test_compliance_role_includes_check(server: Server) -> None:
    with server.client("compliance") as client:
        assert client.post("/v1/check", json={"text": "bonjour"}).status_code == 200
        assert client.get("/v1/decisions").status_code == 200


def test_health_needs_no_key(server: Server) -> None:
    with server.client() as client:
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 200


def test_cors_preflight_from_the_extension(server: Server) -> None:
    with server.client() as client:
        response = client.options(
            "/v1/check",
            headers={"Origin": EXTENSION_ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type"},
        )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == EXTENSION_ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "authorization" in response.headers["access-control-allow-headers"].lower()


def test_cors_refuses_other_origins(server: Server) -> None:
    with server.client("check") as client:
        preflight = client.options("/v1/check", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
        actual = client.post("/v1/check", json={"text": "bonjour"}, headers={"Origin": "https://evil.example"})
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-origin" not in actual.headers


def test_cors_headers_on_answers_and_errors_never_star(server: Server) -> None:
    with server.client("check") as client:
        ok = client.post("/v1/check", json={"text": "bonjour"}, headers={"Origin": EXTENSION_ORIGIN})
    with server.client() as anonymous:
        denied = anonymous.post("/v1/check", json={"text": "bonjour"}, headers={"Origin": EXTENSION_ORIGIN})
    for response in (ok, denied):
        assert response.headers["access-control-allow-origin"] == EXTENSION_ORIGIN
    assert denied.status_code == 401
    assert "x-charterguard-decision-logged" in ok.headers["access-control-expose-headers"].lower()

"""POST /v1/check and /v1/check/batch against a real server: reports, limits, bad input."""

from __future__ import annotations

import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

import charterguard

from .conftest import Server

pytestmark = pytest.mark.slow

CODENAME_POST = "Le projet Zorglub avance bien, bravo à toute l'équipe !"
CLEAN_POST = "Très heureuse de rejoindre l'équipe marketing cette semaine."


def assert_error(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and len(body["error"]["message"]) > 20
    return body["error"]


def test_check_returns_the_report_json(server: Server) -> None:
    with server.client("check") as client:
        response = client.post("/v1/check", json={"text": CODENAME_POST, "charter": "reload-test", "channel": "linkedin", "lang": "fr", "id": "p-1"})
        charters = {c["name"]: c for c in client.get("/v1/charters").json()["charters"]}
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["schema"] == "charterguard.report/1"
    assert report["id"] == "p-1"
    assert report["verdict"] == "block"
    assert report["language"] == "fr"
    assert report["charter"] == {k: charters["reload-test"][k] for k in ("name", "version", "sha256")}
    finding = next(f for f in report["findings"] if f["rule"] == "confidential.codenames")
    assert CODENAME_POST[finding["start"] : finding["end"]] == "Zorglub"
    assert "Zorglub" not in report["redacted"]
    assert response.headers["x-charterguard-decision-logged"] == "true"


def test_default_charter_is_used_when_none_is_named(server: Server) -> None:
    with server.client("check") as client:
        report = client.post("/v1/check", json={"text": CLEAN_POST}).json()
    assert report["charter"]["name"] == "default"
    assert report["verdict"] in ("pass", "warn")


def test_batch_answers_in_order_with_ids(server: Server) -> None:
    posts = [{"id": i, "text": CODENAME_POST if i % 2 else CLEAN_POST, "channel": "linkedin"} for i in range(20)]
    with server.client("check") as client:
        response = client.post("/v1/check/batch", json={"charter": "reload-test", "posts": posts})
    assert response.status_code == 200, response.text
    reports = response.json()["reports"]
    assert [r["id"] for r in reports] == list(range(20))
    assert [r["verdict"] == "block" for r in reports] == [bool(i % 2) for i in range(20)]


def test_batch_bad_post_gets_an_error_in_its_place(server: Server) -> None:
    posts = [{"id": "ok", "text": CLEAN_POST}, {"id": "bad", "text": "a\x00b"}, {"id": "ok2", "text": CLEAN_POST}]
    with server.client("check") as client:
        reports = client.post("/v1/check/batch", json={"posts": posts}).json()["reports"]
    assert [r["id"] for r in reports] == ["ok", "bad", "ok2"]
    assert reports[1]["schema"] == "charterguard.error/1"
    assert "a\x00b" not in json.dumps(reports[1])


def test_batch_over_the_limit_is_422(server: Server) -> None:
    with server.client("check") as client:
        response = client.post("/v1/check/batch", json={"posts": [{"text": "x"}] * 51})
    error = assert_error(response, 422, "batch_too_large")
    assert error["limit"] == 50
    assert "split" in error["message"]


def test_body_over_64_kib_is_413(server: Server) -> None:
    with server.client("check") as client:
        response = client.post("/v1/check", json={"text": "a" * (64 * 1024)})
    error = assert_error(response, 413, "body_too_large")
    assert error["limit_bytes"] == 64 * 1024


def test_413_also_without_content_length(server: Server) -> None:
    def chunks():  # chunked transfer: the server must count, not trust headers
        yield b'{"text": "'
        for _ in range(100):
            yield b"a" * 1024
        yield b'"}'

    with server.client("check") as client:
        response = client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert_error(response, 413, "body_too_large")


def test_invalid_json_is_400(server: Server) -> None:
    with server.client("check") as client:
        response = client.post("/v1/check", content=b'{"text": "abc', headers={"content-type": "application/json"})
    assert_error(response, 400, "invalid_json")


def test_invalid_utf8_is_400(server: Server) -> None:
    with server.client("check") as client:
        response = client.post("/v1/check", content=b'{"text": "caf\xe9 \xff"}', headers={"content-type": "application/json"})
    error = assert_error(response, 400, "invalid_encoding")
    assert "UTF-8" in error["message"]


def test_deeply_nested_json_is_400(server: Server) -> None:
    body = b'{"text": ' + b"[" * 30000 + b"]" * 30000 + b"}"
    with server.client("check") as client:
        response = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert_error(response, 400, "invalid_json")


def test_missing_body_is_422_asking_for_json(server: Server) -> None:
    with server.client("check") as client:
        response = client.post("/v1/check", headers={"content-type": "application/json"})
    assert "JSON body is required" in assert_error(response, 422, "invalid_request")["message"]


def test_lone_surrogate_is_422(server: Server) -> None:
    with server.client("check") as client:
        response = client.post("/v1/check", content=b'{"text": "abc \\ud800 def"}', headers={"content-type": "application/json"})
    error = assert_error(response, 422, "invalid_request")
    assert error["details"][0]["field"] == "text"


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "text"),
        ({"text": 12}, "text"),
        ({"text": "ok", "lang": "de"}, "lang"),
        ({"text": "ok", "audience": "everyone"}, "audience"),
        ({"text": "ok", "channel": "a b"}, "channel"),
        ({"text": "ok", "langue": "fr"}, "langue"),
        ([1, 2], None),
    ],
)
def test_invalid_fields_are_422_naming_the_field(server: Server, body: object, field: str | None) -> None:
    with server.client("check") as client:
        response = client.post("/v1/check", json=body)
    error = assert_error(response, 422, "invalid_request")
    assert field in [d["field"] for d in error["details"]]


def test_body_that_is_not_json_is_a_clear_error(server: Server) -> None:
    with server.client("check") as client:
        response = client.post("/v1/check", content=b"text=hello", headers={"content-type": "application/x-www-form-urlencoded"})
    error = assert_error(response, 422, "invalid_request")
    assert "application/json" in error["message"]


def test_binary_post_is_422_without_echo(server: Server) -> None:
    marker = "MARK" + uuid.uuid4().hex
    with server.client("check") as client:
        response = client.post("/v1/check", json={"text": marker + "\x00\x01\x02" * 50})
    error = assert_error(response, 422, "invalid_text")
    assert marker not in response.text
    assert "Fix the text" in error["message"]


def test_unknown_charter_is_404_listing_the_served_ones(server: Server) -> None:
    with server.client("check") as client:
        response = client.post("/v1/check", json={"text": "ok", "charter": "nope"})
        detail = client.get("/v1/charters/nope")
    error = assert_error(response, 404, "unknown_charter")
    assert sorted(error["charters"]) == ["default", "reload-test"]
    assert_error(detail, 404, "unknown_charter")


def test_unknown_path_and_method_are_json_errors(server: Server) -> None:
    with server.client("check") as client:
        assert_error(client.get("/v2/nothing"), 404, "not_found")
        assert_error(client.get("/v1/check"), 405, "method_not_allowed")


def test_concurrent_requests_all_answered_correctly(server: Server) -> None:
    def one(i: int) -> tuple[int, str, object]:
        with server.client("check") as client:
            text = CODENAME_POST if i % 3 == 0 else CLEAN_POST
            r = client.post("/v1/check", json={"text": text, "charter": "reload-test", "id": i})
            return r.status_code, r.json()["verdict"], r.json()["id"]

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(one, range(96)))
    assert all(status == 200 for status, _, _ in results)
    assert [rid for _, _, rid in results] == list(range(96))
    assert [verdict == "block" for _, verdict, _ in results] == [i % 3 == 0 for i in range(96)]


def test_health_ready_and_docs(server: Server) -> None:
    with server.client() as client:  # no key needed
        assert client.get("/healthz").json() == {"status": "ok", "version": charterguard.__version__}
        ready = client.get("/readyz").json()
        assert ready["status"] == "ready" and "default" in ready["charters"] and ready["version"] == charterguard.__version__
        spec = client.get("/openapi.json").json()
        docs = client.get("/docs")
        assert docs.status_code == 200 and "/docs/static/swagger-ui-bundle.js" in docs.text
        assert "cdn.jsdelivr" not in docs.text  # offline: no asset from the internet
        assert client.get("/docs/static/swagger-ui-bundle.js").status_code == 200
    paths = spec["paths"]
    for path in ("/v1/check", "/v1/check/batch", "/v1/charters", "/v1/charters/{name}", "/v1/decisions", "/v1/overrides", "/healthz", "/readyz"):
        assert path in paths
    example = spec["components"]["schemas"]["CheckRequest"]["examples"][0]
    assert example["text"]


def test_charters_list_and_detail(server: Server) -> None:
    with server.client("check") as client:
        charters = client.get("/v1/charters").json()["charters"]
        detail = client.get("/v1/charters/default").json()
    default = next(c for c in charters if c["name"] == "default")
    assert default["default"] is True
    assert len(default["sha256"]) == 64
    assert isinstance(default["allow_publish_anyway"], bool)
    assert detail["sha256"] == default["sha256"]
    assert detail["rules"] and {"id", "kind", "category", "severity", "clause"} <= set(detail["rules"][0])
    assert len(detail["rules"]) == default["rules"]

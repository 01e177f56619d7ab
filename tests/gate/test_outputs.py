"""Output formats: SARIF 2.1.0 (validated against the official schema), JUnit XML,
GitHub annotations, JSON/JSONL; exit codes by --fail-on."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from charterguard.render.github import annotation

from .conftest import GATE_CHARTER, SARIF_SCHEMA, write_jsonl

POST_MD = """---
id: launch
channel: linkedin
---
# Lancement

Un lancement révolutionnaire pour le projet Colibri
et son wifi, mot de passe: Soleil2026
"""


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture
def post_md(tmp_path: Path) -> Path:
    path = tmp_path / "posts" / "launch.md"
    path.parent.mkdir()
    path.write_text(POST_MD, encoding="utf-8")
    return path


def _valid(validator: jsonschema.Draft4Validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_sarif_for_markdown_points_at_file_line_and_column(cli, post_md: Path, sarif_validator) -> None:
    result = cli("check", "--file", str(post_md), "-c", GATE_CHARTER, "--format", "sarif")
    assert result.exit_code == 1
    log = result.json()
    _valid(sarif_validator, log)
    results = log["runs"][0]["results"]
    regions = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"] for r in results}
    # Line 7 of the file: "Un lancement révolutionnaire pour le projet Colibri"
    assert regions["tone.hype"] == {"startLine": 7, "startColumn": 14, "endLine": 7, "endColumn": 29}
    assert regions["confidential.codenames"] == {"startLine": 7, "startColumn": 45, "endLine": 7, "endColumn": 52}
    assert regions["secret.password"]["startLine"] == 8
    lines = POST_MD.splitlines()
    assert lines[6][14 - 1 : 29 - 1] == "révolutionnaire"
    assert lines[6][45 - 1 : 52 - 1] == "Colibri"
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == post_md.as_posix() for r in results)
    assert all(r["partialFingerprints"]["charterguardMatch/v1"].startswith("sha256:") for r in results)


def test_sarif_batch_jsonl_with_errors_and_waivers_is_valid(cli, tmp_path: Path, sarif_validator) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": "Le projet Colibri"}, "not json", {"id": "b", "text": "rien"},
        {"id": "c", "text": "Orion-7 et Colibri"},
    ])
    waivers = tmp_path / "waivers.yaml"
    from charterguard.waivers import fingerprint

    waivers.write_text(
        "waivers:\n"
        f"  - rule: confidential.codenames\n    fingerprint: {fingerprint('Orion-7')}\n"
        "    reason: announced\n    author: jeanne@example.com\n    expires: 2999-01-01\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.sarif"
    result = cli("batch", str(source), "-c", GATE_CHARTER, "--format", "sarif", "-o", str(out), "-j", "1",
                 "--waivers", str(waivers))
    assert result.exit_code == 2  # one row could not be checked
    log = json.loads(out.read_text(encoding="utf-8"))
    _valid(sarif_validator, log)
    run = log["runs"][0]
    lines = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
    assert lines == [{"startLine": 1}, {"startLine": 4}, {"startLine": 4}]  # JSONL rows: line only
    suppressed = [r for r in run["results"] if r.get("suppressions")]
    assert len(suppressed) == 1 and suppressed[0]["suppressions"][0]["justification"] == "announced"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["message"]["text"].startswith(f"{source.as_posix()}:2: invalid JSON")
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["properties"]["waivers"]["waived_findings"] == 1


def test_sarif_render_in_memory_matches_streamed(post_md: Path) -> None:
    import io

    from charterguard import Charter, Checker
    from charterguard.render.sarif import CheckedDocument, render_sarif, write_sarif

    charter = Charter.load(GATE_CHARTER)
    report = Checker(charter).check("Colibri\nrévolutionnaire")
    documents = [CheckedDocument("a.md", "Colibri\nrévolutionnaire", report, 3)]
    stream = io.StringIO()
    write_sarif(stream, iter(documents), charter)
    assert json.loads(stream.getvalue()) == render_sarif(documents, charter)


def test_junit_xml(cli, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": "Le projet Colibri"}, {"id": "b", "text": "révolutionnaire"},
        {"id": "c", "text": "rien"}, "{broken",
    ])
    result = cli("batch", str(source), "-c", GATE_CHARTER, "--format", "junit", "-j", "1", "--fail-on", "warn")
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")
    cases = root.findall("./testsuite/testcase")
    assert [c.find("failure") is not None for c in cases] == [True, True, False, False]
    assert cases[3].find("error") is not None and "invalid JSON" in cases[3].find("error").get("message")
    assert "confidential.codenames" in cases[0].find("failure").text


def test_github_annotations(cli, post_md: Path) -> None:
    result = cli("check", "--file", str(post_md), "-c", GATE_CHARTER, "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    uri = post_md.as_posix().replace(":", "%3A").replace(",", "%2C")
    assert lines[0] == (
        f"::warning file={uri},line=7,col=14,endLine=7,endColumn=29,title=tone.hype (clause 5.1)::"
        "« révolutionnaire » : évitez les superlatifs."
    )
    assert lines[1].startswith(f"::error file={uri},line=7,col=45,endLine=7,endColumn=52,title=confidential.codenames")
    assert len(lines) == 3


def test_github_escaping() -> None:
    assert annotation("error", "50% done\nnext", "a,b:c.md", "t", 3) == "::error file=a%2Cb%3Ac.md,line=3,title=t::50%25 done%0Anext"


def test_json_single_post_stays_an_object_and_several_are_an_array(cli, tmp_path: Path) -> None:
    single = cli("check", "Le projet Colibri", "-c", GATE_CHARTER, "--format", "json")
    assert single.exit_code == 1 and single.json()["schema"] == "charterguard.report/1"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Colibri", encoding="utf-8")
    b.write_text("rien", encoding="utf-8")
    several = cli("check", "--file", str(a), str(b), "-c", GATE_CHARTER, "--format", "json", "-j", "1")
    assert [r["id"] for r in several.json()] == [a.as_posix(), b.as_posix()]
    lines = cli("check", "--file", str(tmp_path / "*.txt"), "-c", GATE_CHARTER, "--format", "jsonl", "-j", "1")
    assert [r["verdict"] for r in lines.jsonl()] == ["block", "pass"]


@pytest.mark.parametrize(("fail_on", "code"), [("block", 0), ("warn", 1), ("never", 0)])
def test_exit_codes_by_fail_on(cli, fail_on: str, code: int) -> None:
    assert cli("check", "un produit révolutionnaire", "-c", GATE_CHARTER, "--fail-on", fail_on).exit_code == code


def test_existing_contract_still_holds(cli, tmp_path: Path) -> None:
    """The CLI contract (README, CLI reference): check TEXT|-|--file, batch IN.jsonl -o OUT.jsonl, exit codes 0/1/2."""
    assert cli("check", "Bonjour", "-c", GATE_CHARTER).exit_code == 0
    assert cli("check", "-", "-c", GATE_CHARTER, input=b"Le projet Colibri").exit_code == 1
    assert cli("check", "-", "-c", GATE_CHARTER, input=b"\xff\xfe").exit_code == 2
    assert cli("check", "x", "-c", str(tmp_path / "missing.yaml")).exit_code == 2
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "Bonjour"}, {"id": 2, "text": "Colibri"}])
    out = tmp_path / "out.jsonl"
    result = cli("batch", str(source), "-o", str(out), "-c", GATE_CHARTER, "-j", "1")
    assert result.exit_code == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["verdict"]) for r in rows] == [(1, "pass"), (2, "block")]
    assert "2 posts, 1 at or above block, 0 not checked" in result.stderr

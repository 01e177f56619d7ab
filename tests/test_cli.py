"""The command line as a publishing workflow uses it: exit codes, formats, stdin, batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from charterguard.report import report_json_schema

CHARTER = str(Path(__file__).parent / "data" / "charters" / "codenames.yaml")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "charterguard", *args], input=stdin, capture_output=True, timeout=120
    )


def test_exit_codes_follow_fail_on() -> None:
    assert run("check", "Bonjour à tous", "-c", CHARTER).returncode == 0
    assert run("check", "Le projet Colibri", "-c", CHARTER).returncode == 1
    assert run("check", "#a #b #c", "-c", CHARTER).returncode == 0  # warn is below the default --fail-on block
    assert run("check", "#a #b #c", "-c", CHARTER, "--fail-on", "warn").returncode == 1
    assert run("check", "Le projet Colibri", "-c", CHARTER, "--fail-on", "never").returncode == 0


def test_usage_and_charter_errors_exit_2(tmp_path: Path) -> None:
    assert run("check", "x", "--format", "xml", "-c", CHARTER).returncode == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nrules:\n  - {id: a, kind: termz}\n", encoding="utf-8")
    result = run("check", "x", "-c", str(bad))
    assert result.returncode == 2
    assert f"{bad}:3:19: rules[0](a).kind: unknown rule kind 'termz'" in result.stderr.decode()
    assert run("check", "x", "-c", "no-such-charter").returncode == 2


def test_json_output_is_a_valid_report() -> None:
    result = run("check", "Le projet Colibri", "-c", CHARTER, "--format", "json")
    report = json.loads(result.stdout)
    jsonschema.validate(report, report_json_schema())
    assert report["findings"][0]["text"] == "Colibri"


def test_stdin_and_file_input(tmp_path: Path) -> None:
    result = run("check", "-", "-c", CHARTER, "--format", "json", stdin="Projet Colibri 😀".encode())
    assert json.loads(result.stdout)["findings"][0]["start"] == 7
    post = tmp_path / "post.txt"
    post.write_text("B l u e H a r b o r arrive", encoding="utf-8")
    assert run("check", "--file", str(post), "-c", CHARTER).returncode == 1


def test_binary_and_invalid_utf8_input_get_clear_errors() -> None:
    binary = run("check", "-", "-c", CHARTER, stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert binary.returncode == 2 and "binary" in binary.stderr.decode()
    latin1 = run("check", "-", "-c", CHARTER, stdin="Café Colibri".encode("latin-1"))
    assert latin1.returncode == 2 and "not valid UTF-8 (invalid byte 0xe9 at offset 3)" in latin1.stderr.decode()


def test_too_long_post_is_refused_without_quoting_it() -> None:
    result = run("check", "-", "-c", CHARTER, stdin=b"confidential-words " * 60_000)
    assert result.returncode == 2
    assert "characters long" in result.stderr.decode()
    assert b"confidential-words" not in result.stderr


def test_text_format_underlines_findings_in_the_post_language() -> None:
    out = run("check", "Le projet Colibri avance", "-c", CHARTER, "--no-color").stdout.decode()
    assert "BLOQUÉ" in out
    assert "  Le projet Colibri avance\n            ^^^^^^^" in out
    assert "article 2.1" in out and "Parlez d'un projet en cours." in out
    english = run("check", "The Colibri project is on track", "-c", CHARTER, "--no-color").stdout.decode()
    assert "BLOCKED" in english and "Speak of an ongoing project." in english


def test_sarif_output_points_at_line_and_column() -> None:
    result = run("check", "-", "-c", CHARTER, "--format", "sarif", stdin=b"Bonjour\nLe projet Colibri")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 11, 18)


def test_batch_writes_one_report_per_row_in_order_and_reports_bad_rows(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"p{i}", "text": "Colibri" if i % 2 else "Bonjour"}) for i in range(50)]
    rows.insert(10, "{not json")
    rows.insert(20, json.dumps({"id": "no-text"}))
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("batch", str(source), "-o", str(out), "-c", CHARTER)
    assert result.returncode == 2  # some rows could not be checked; all others were
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 52
    assert lines[10]["error"]["code"] == "invalid_post" and "invalid JSON" in lines[10]["error"]["message"]
    assert lines[20]["id"] == "no-text" and "error" in lines[20]
    reports = [line for line in lines if "error" not in line]
    assert [r["id"] for r in reports] == [f"p{i}" for i in range(50)]
    assert [r["verdict"] for r in reports] == ["block" if i % 2 else "pass" for i in range(50)]


def test_charter_validate_test_and_schema(tmp_path: Path) -> None:
    assert run("charter", "validate", CHARTER).returncode == 0
    tested = run("charter", "test", CHARTER)
    assert tested.returncode == 0 and b"4 passed, 0 failed" in tested.stdout
    failing = tmp_path / "failing.yaml"
    failing.write_text(Path(CHARTER).read_text(encoding="utf-8").replace("pass: [Bonjour]", "pass: [Colibri]"), encoding="utf-8")
    result = run("charter", "test", str(failing))
    assert result.returncode == 1
    assert b"FAIL confidential.codenames [pass] Colibri" in result.stdout
    schema = json.loads(run("charter", "schema").stdout)
    assert "rules" in schema["properties"]


@pytest.mark.parametrize(
    ("addition", "where", "says"),
    [
        ("exceptions:\n  - {allow: [Acme], rules: [confidential.codename]}\n", ":25:", "did you mean 'confidential.codenames'?"),
        ("    when: {active_from: 2026-06-01, active_until: 2026-01-01}\n", ":24:", "active_until 2026-01-01 is not after active_from 2026-06-01"),
    ],
)
def test_charter_validate_refuses_a_dead_exception_or_window_with_its_line(tmp_path: Path, addition: str, where: str, says: str) -> None:
    charter = tmp_path / "charter.yaml"
    charter.write_text(Path(CHARTER).read_text(encoding="utf-8") + addition, encoding="utf-8")
    result = run("charter", "validate", str(charter))
    assert result.returncode == 2
    message = result.stderr.decode()
    assert f"{charter}{where}" in message and says in message and "Traceback" not in message


@pytest.mark.parametrize("name", ["default", "acme-group", "banque-exemple"])
def test_shipped_charters_pass_their_own_examples(name: str) -> None:
    result = run("charter", "test", name)
    assert result.returncode == 0, result.stdout.decode()[-2000:]

"""The decision log proves itself: `decisions verify` reads texts byte for byte, the chain of
MACs shows any edited, moved or deleted row, and malformed rows are reported, not fatal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from charterguard.cli import main
from charterguard.decisions import Decision, TextHasher, open_log

KEY = "k" * 64


def write_log(tmp_path: Path, texts: list[str]) -> tuple[str, list[str]]:
    db = str(tmp_path / "decisions.sqlite3")
    log = open_log(db)
    hasher = TextHasher.from_string(KEY)
    ids = []
    for text in texts:
        decision = Decision(kind="check", text_hmac=hasher.digest(text), hmac_key_id=hasher.key_id, text_length=len(text),
                            verdict="block", findings=[{"rule": "confidential.codenames", "severity": "block", "length": 7}])
        ids.append(log.record(decision))
    log.close()
    return db, ids


def run(*args: str, input: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=input, env={"CHARTERGUARD_HMAC_KEY": KEY})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize("text", ["ligne 1\r\nligne 2", "fin\r", "a\rb\nc", "emoji 🦜\r\n"])
def test_verify_matches_a_text_with_carriage_returns_byte_for_byte(tmp_path: Path, text: str) -> None:
    db, [decision_id] = write_log(tmp_path, [text])
    post = tmp_path / "post.txt"
    post.write_bytes(text.encode("utf-8"))
    code, output = run("decisions", "verify", "--db", db, decision_id, "--file", str(post))
    assert (code, output.split(":")[0]) == (0, "match")
    code, _ = run("decisions", "verify", "--db", db, decision_id, input=text.encode("utf-8"))
    assert code == 0
    altered = text.replace("\r", "")
    code, output = run("decisions", "verify", "--db", db, decision_id, input=altered.encode("utf-8"))
    assert code == 1 and "no match" in output


def test_verify_refuses_invalid_utf8_with_a_clear_error(tmp_path: Path) -> None:
    db, [decision_id] = write_log(tmp_path, ["Bonjour"])
    code, output = run("decisions", "verify", "--db", db, decision_id, input=b"Bon\xffjour")
    assert code == 2 and "not valid UTF-8" in output and "Traceback" not in output

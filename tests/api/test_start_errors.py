"""`charterguard serve` refuses bad settings found while it builds the app with one
line and exit code 2, never a traceback: an HMAC key too short, two charters with one name."""

from __future__ import annotations

from pathlib import Path

from .conftest import LIGHT_CHARTER, cli, server_env


def test_an_hmac_key_too_short_is_refused_with_exit_2(tmp_path: Path) -> None:
    charter = tmp_path / "light.yaml"
    charter.write_text(LIGHT_CHARTER, encoding="utf-8")
    done = cli("serve", "--charter", str(charter), "--decision-log", str(tmp_path / "log.sqlite3"), "--port", "1",
               env=server_env(CHARTERGUARD_HMAC_KEY="too-short"))
    assert done.returncode == 2
    assert "charterguard serve: the HMAC key must be at least 32 characters" in done.stderr
    assert "Traceback" not in done.stderr


def test_two_charters_with_one_name_are_refused_with_exit_2(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(LIGHT_CHARTER, encoding="utf-8")
    second.write_text(LIGHT_CHARTER, encoding="utf-8")
    done = cli("serve", "--charter", str(first), "--charter", str(second), "--no-decision-log", "--port", "1")
    assert done.returncode == 2
    assert "two charters are named 'light-test'" in done.stderr and "Traceback" not in done.stderr

"""Fixtures for the gate tests: sample charters and a CLI runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from charterguard.cli import main

DATA = Path(__file__).resolve().parent / "data"
GATE_CHARTER = str(DATA / "gate.yaml")  # no NLP rule: fast
ACME_CHARTER = str(DATA / "acme.yaml")  # extends the default charter (spaCy)
SARIF_SCHEMA = Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def json(self) -> Any:
        return json.loads(self.stdout)

    def jsonl(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


@pytest.fixture
def cli():
    """Run `charterguard ARGS` in-process; returns exit code, stdout and stderr."""

    def run(*args: str, input: bytes | str | None = None) -> Result:
        runner = CliRunner()
        outcome = runner.invoke(main, list(args), input=input, catch_exceptions=False)
        return Result(outcome.exit_code, outcome.stdout, outcome.stderr)

    return run


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n" for row in rows)
    return path


def without_timing(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reports minus `elapsed_ms`, the one field that differs between two runs."""
    return [{k: v for k, v in row.items() if k != "elapsed_ms"} for row in rows]

"""The pre-commit hooks file is valid and its entries work the way pre-commit calls them."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import GATE_CHARTER, write_jsonl

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"
SCRIPT = str(Path(sys.executable).parent / "charterguard")


def hooks() -> dict[str, dict]:
    return {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}


def run_hook(hook: dict, args: list[str], files: list[Path]) -> subprocess.CompletedProcess:
    """As pre-commit does: entry + args + file names."""
    entry = shlex.split(hook["entry"])
    assert entry[0] == "charterguard"
    return subprocess.run([SCRIPT, *entry[1:], *args, *map(str, files)], check=False, capture_output=True, text=True, timeout=300)


def test_hooks_have_the_fields_pre_commit_requires() -> None:
    for hook in hooks().values():
        assert {"id", "name", "entry", "language"} <= hook.keys()
        assert hook["language"] == "python"
        re.compile(hook["files"])


def test_markdown_hook_blocks_a_bad_post_and_passes_clean_ones(tmp_path: Path) -> None:
    hook = hooks()["charterguard"]
    clean, bad = tmp_path / "clean.md", tmp_path / "bad.md"
    clean.write_text("---\nchannel: linkedin\n---\nBelle journée au salon !\n", encoding="utf-8")
    bad.write_text("---\nchannel: linkedin\n---\nLe projet Colibri arrive\n", encoding="utf-8")
    assert re.search(hook["files"], "posts/bad.md")
    ok = run_hook(hook, ["--charter", GATE_CHARTER, "-j", "1"], [clean])
    assert ok.returncode == 0, ok.stderr
    failed = run_hook(hook, ["--charter", GATE_CHARTER], [clean, bad])
    assert failed.returncode == 1
    assert "bad.md" in failed.stdout and "clean.md" not in failed.stdout
    assert "2 posts, 1 at or above block" in failed.stderr
    assert run_hook(hook, ["--charter", GATE_CHARTER], []).returncode == 0


def test_batch_hook_checks_jsonl_exports(tmp_path: Path) -> None:
    hook = hooks()["charterguard-batch"]
    source = write_jsonl(tmp_path / "schedule.jsonl", [{"id": 1, "text": "Bonjour"}, {"id": 2, "text": "Orion-7 !"}])
    result = run_hook(hook, ["--charter", GATE_CHARTER, "-j", "1"], [source])
    assert result.returncode == 1 and "[2]" in result.stdout

"""One version for everything shipped: pyproject.toml says it; the package, the
extension's manifest and its npm files repeat it (JSON cannot read pyproject), and
must say the same, or a release would ship an extension announcing another version."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import charterguard
from charterguard.cli import main

REPO = Path(__file__).resolve().parent.parent
EXTENSION = REPO / "browser-extension"


def project_version() -> str:
    return str(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def test_the_package_says_the_version_of_pyproject() -> None:
    assert charterguard.__version__ == project_version()


def test_the_extension_says_the_version_of_pyproject() -> None:
    version = project_version()
    manifest = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    package = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((EXTENSION / "package-lock.json").read_text(encoding="utf-8"))
    assert {"manifest.json": manifest["version"], "package.json": package["version"],
            "package-lock.json": lock["version"], "package-lock.json packages['']": lock["packages"][""]["version"]} == dict.fromkeys(
        ["manifest.json", "package.json", "package-lock.json", "package-lock.json packages['']"], version)


def test_the_command_line_prints_it() -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip().endswith(project_version())

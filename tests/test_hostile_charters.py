"""Hostile charter files: every one is refused with file:line (exit 2 on the CLI), quickly,
never with a traceback, a hang or unbounded memory."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from charterguard import Charter
from charterguard.cli import main
from charterguard.errors import CharterError

RULE = """rules:
  - id: confidential.codenames
    kind: terms
    category: confidential
    severity: block
    clause: "2.1"
    terms: [Colibri]
    message: {fr: "« {match} » est interne", en: "{match} is internal"}
    when: {active_from: 2026-01-01}
    examples: {flag: [Colibri], pass: [Bonjour]}
"""


def refused(path: Path) -> CharterError:
    with pytest.raises(CharterError) as info:
        Charter.load(path)
    return info.value


def validate_exit(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["charter", "validate", str(path)])
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    return result.exit_code, result.output  # stdout and stderr together


@pytest.mark.parametrize("date", ["2026-13-01", "2026-02-30", "2026-00-10", "0000-01-01"])
def test_an_impossible_date_is_refused_at_its_line(tmp_path: Path, date: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("name: x\n" + RULE.replace("2026-01-01", date), encoding="utf-8")
    error = refused(path)
    assert error.file == str(path) and error.line == 10
    assert "date" in error.problem
    code, output = validate_exit(path)
    assert code == 2 and "Traceback" not in output and f"{path}:10" in output


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\ufffe"])
def test_a_control_character_is_refused_at_its_line_and_column(tmp_path: Path, char: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(f"name: x\ndescription: ab{char}c\n", encoding="utf-8")
    error = refused(path)
    assert (error.line, error.column) == (2, 16)
    assert f"U+{ord(char):04X}" in error.problem
    code, output = validate_exit(path)
    assert code == 2 and "Traceback" not in output


@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a: ", "}"), ("- ", "")])
def test_deep_nesting_is_refused_before_python_recurses(tmp_path: Path, opening: str, closing: str) -> None:
    path = tmp_path / "c.yaml"
    if opening == "- ":  # block style: each level indented further
        nested = "".join("  " * i + "-\n" for i in range(3000)) + "  " * 3000 + "x\n"
        path.write_text("name: x\nz:\n" + nested, encoding="utf-8")
    else:
        path.write_text("name: x\nz: " + opening * 5000 + "1" + closing * 5000 + "\n", encoding="utf-8")
    error = refused(path)
    assert "nested too deeply" in error.problem and error.line is not None
    code, output = validate_exit(path)
    assert code == 2 and "Traceback" not in output


def test_a_huge_flat_list_is_refused_within_seconds(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("name: x\nz:\n" + "- a\n" * 2_300_000, encoding="utf-8")  # 9.2 MB, under the size cap
    started = time.monotonic()
    error = refused(path)
    elapsed = time.monotonic() - started
    assert "values" in error.problem and error.line is not None
    assert elapsed < 8, f"took {elapsed:.1f} s"


# -- extends: only charters next to the charter, read bounded ------------------


def child(tmp_path: Path, extends: str) -> Path:
    path = tmp_path / "child.yaml"
    path.write_text(f"extends: {extends}\nname: child\n", encoding="utf-8")
    return path


def test_extends_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.yaml")
    started = time.monotonic()
    error = refused(child(tmp_path, "pipe.yaml"))
    assert time.monotonic() - started < 2
    assert "FIFO" in error.problem and error.field == "extends" and error.line == 1


@pytest.mark.parametrize("target", ["/dev/zero", "/etc/passwd", "/etc/hostname", "../outside.yaml"])
def test_extends_may_not_leave_the_charter_directory(tmp_path: Path, target: str) -> None:
    inside = tmp_path / "charters"
    inside.mkdir()
    (tmp_path / "outside.yaml").write_text("name: secret-content\nrules: []\n", encoding="utf-8")
    error = refused(child(inside, target))
    assert error.field == "extends" and error.line == 1
    assert "outside the charter's folder" in error.problem
    assert "secret-content" not in str(error) and "root:" not in str(error)


def test_extends_through_a_symlink_pointing_outside_is_refused(tmp_path: Path) -> None:
    inside = tmp_path / "charters"
    inside.mkdir()
    (tmp_path / "outside.yaml").write_text("name: secret-content\n", encoding="utf-8")
    (inside / "base.yaml").symlink_to(tmp_path / "outside.yaml")
    error = refused(child(inside, "base.yaml"))
    assert "outside the charter's folder" in error.problem and "secret-content" not in str(error)


def test_extends_a_charter_in_a_subfolder_still_works(tmp_path: Path) -> None:
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "base.yaml").write_text("name: base\n" + RULE, encoding="utf-8")
    charter = Charter.load(child(tmp_path, "common/base.yaml"))
    assert charter.name == "child" and [r.spec.id for r in charter.rules] == ["confidential.codenames"]


def test_extends_must_name_a_yaml_file(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("name: base\n", encoding="utf-8")
    error = refused(child(tmp_path, "notes.txt"))
    assert error.field == "extends" and ".yaml" in error.problem


def test_a_charter_given_directly_is_read_bounded(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.yaml")
    assert "FIFO" in refused(tmp_path / "pipe.yaml").problem
    assert "device" in refused(Path("/dev/zero")).problem


# -- message templates: format specs are checked at load ----------------------


@pytest.mark.parametrize(
    "template, problem",
    [
        ("{match:>100000000}", "width"),
        ("{match:>20000000}", "width"),
        ("{match:.99999999}", "width"),
        ("{match:x>1000}", "width"),
        ("{match:d}", "format"),
        ("{match:{company}}", "nested"),
        ("{match!z}", "conversion"),
    ],
)
def test_an_unbounded_or_invalid_format_spec_is_refused_at_load(tmp_path: Path, template: str, problem: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("name: x\n" + RULE.replace('{fr: "« {match} » est interne", en: "{match} is internal"}', repr(template)), encoding="utf-8")
    error = refused(path)
    assert error.line == 9 and error.field == "rules[0](confidential.codenames).message"
    assert problem in error.problem
    code, _ = validate_exit(path)
    assert code == 2


def test_a_small_format_spec_still_works() -> None:
    from charterguard import Checker

    charter = Charter.from_yaml("name: x\n" + RULE.replace('{fr: "« {match} » est interne", en: "{match} is internal"}', "'[{match:>10}] {match!r:.3}'"))
    finding = Checker(charter).check("Colibri", lang="fr").findings[0]
    assert finding.message == "[   Colibri] 'Co"

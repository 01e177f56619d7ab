"""A charter is compiled once per run: each rule's detector is built once by `Charter.load`,
and reused by `only`, by a batch checked in this process and by `charter test`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from charterguard import Charter
from charterguard.detectors.terms import TermsDetector
from charterguard.parallel import GateConfig, check_rows
from charterguard.sources import PostRow

CHARTER = Path(__file__).parent / "data" / "charters" / "codenames.yaml"


@pytest.fixture
def terms_built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The id of the rule of every `terms` detector built from now on."""
    built: list[str] = []
    init = TermsDetector.__init__

    def counting(self: TermsDetector, rule: Any, company: Any) -> None:
        built.append(rule.id)
        init(self, rule, company)

    monkeypatch.setattr(TermsDetector, "__init__", counting)
    return built


def test_loading_a_charter_builds_each_rule_detector_once(terms_built: list[str]) -> None:
    Charter.load(CHARTER)
    assert terms_built == ["confidential.codenames"]


def test_a_charter_from_yaml_text_builds_each_rule_detector_once(terms_built: list[str]) -> None:
    Charter.from_yaml(CHARTER.read_text(encoding="utf-8"))
    assert terms_built == ["confidential.codenames"]


def test_only_keeps_the_compiled_rules_and_the_identity(terms_built: list[str]) -> None:
    charter = Charter.load(CHARTER)
    terms_built.clear()
    reduced = charter.only({"confidential.codenames"})
    assert terms_built == []
    assert [r.spec.id for r in reduced.rules] == ["confidential.codenames"]
    assert reduced.rules[0] is charter.rule("confidential.codenames")
    assert (reduced.name, reduced.version, reduced.sha256) == (charter.name, charter.version, charter.sha256)
    assert reduced.exceptions == charter.exceptions and reduced.source_files == charter.source_files


def test_a_batch_checked_in_this_process_uses_the_callers_charter(terms_built: list[str]) -> None:
    charter = Charter.load(CHARTER)
    terms_built.clear()
    rows = [PostRow(id=i, text=text, uri="mem", lang="fr") for i, text in enumerate(["Le projet Colibri", "Bonjour"])]
    # Two rows fit in one chunk: no worker pool, even with workers=2.
    outcomes = [outcome for _row, outcome in check_rows(rows, GateConfig(str(CHARTER)), 2, charter=charter)]
    assert terms_built == []
    assert [o.verdict for o in outcomes] == ["block", "pass"]
    assert outcomes[0].report is not None and outcomes[0].report.charter.sha256 == charter.sha256


def test_a_charter_rebuilt_from_its_spec_json_is_the_same_charter() -> None:
    charter = Charter.load(CHARTER)
    rebuilt = Charter.from_spec_json(charter.spec_json())
    assert rebuilt.sha256 == charter.sha256
    assert [r.spec for r in rebuilt.rules] == [r.spec for r in charter.rules]


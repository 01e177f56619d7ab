"""The report and its JSON form (charterguard.report/1), the verdict and the redacted post."""

from __future__ import annotations

import jsonschema

from charterguard.engine import redact
from charterguard.report import (
    REPORT_SCHEMA,
    CharterRef,
    Finding,
    Report,
    report_json_schema,
    verdict_of,
)

CHARTER = CharterRef(name="acme-group", version="2026.11", sha256="ab" * 32)


def finding(start: int, end: int, text: str, severity: str = "block", **extra: object) -> Finding:
    fields: dict = {"rule": "confidential.codenames", "category": "confidential", "entity": "CODENAME", "severity": severity,
                    "start": start, "end": end, "text": text, "score": 1.0, "message": "m", "clause": "2.1"}
    return Finding(**{**fields, **extra})


def test_verdict_is_the_worst_severity_info_never_counts():
    assert verdict_of([]) == "pass"
    assert verdict_of(["info", "info"]) == "pass"
    assert verdict_of(["info", "warn"]) == "warn"
    assert verdict_of(["warn", "block", "info"]) == "block"
    assert verdict_of(["block"]) == "block"


def test_finding_json_has_every_contract_field_and_rounds_the_score():
    data = finding(9, 16, "Colibri", score=0.123456, suggestion="Parlez d'un projet").to_dict()
    assert data == {"rule": "confidential.codenames", "category": "confidential", "entity": "CODENAME", "severity": "block",
                    "start": 9, "end": 16, "text": "Colibri", "score": 0.1235, "message": "m", "clause": "2.1",
                    "suggestion": "Parlez d'un projet"}


def test_finding_json_adds_replacement_and_also_only_when_set():
    assert finding(0, 1, "x", suggestion=None).to_dict()["suggestion"] is None  # always present, may be null
    data = finding(0, 1, "x", replacement="", also=("confidential.launch", "tone.hype")).to_dict()
    assert data["replacement"] == ""
    assert data["also"] == ["confidential.launch", "tone.hype"]


def test_report_json_and_its_optional_fields():
    found = finding(9, 16, "Colibri", replacement="[projet]")
    report = Report(verdict="block", language="fr", charter=CHARTER, findings=[found], redacted="Le projet [projet]",
                    elapsed_ms=1.23456, id="post-1")
    data = report.to_dict()
    assert data == {"schema": REPORT_SCHEMA, "id": "post-1", "verdict": "block", "language": "fr",
                    "charter": {"name": "acme-group", "version": "2026.11", "sha256": "ab" * 32},
                    "findings": [found.to_dict()], "redacted": "Le projet [projet]", "elapsed_ms": 1.235}
    assert REPORT_SCHEMA == "charterguard.report/1"
    jsonschema.validate(data, report_json_schema())
    report.incomplete, report.notes = True, ["time budget of 2000 ms ran out"]
    data = report.to_dict()
    assert data["incomplete"] is True and data["notes"] == ["time budget of 2000 ms ran out"]
    jsonschema.validate(data, report_json_schema())


def test_redaction_replaces_blocking_findings_only():
    text = "Le projet Colibri, appelez le 06 12 34 56 78 !"
    findings = [finding(10, 17, "Colibri", replacement="[projet interne]"),
                finding(29, 43, "06 12 34 56 78", severity="warn", entity="PHONE_NUMBER")]
    assert redact(text, findings) == "Le projet [projet interne], appelez le 06 12 34 56 78 !"


def test_redaction_replaces_each_blocking_span_keeps_other_offsets_and_leaves_what_is_no_text_to_replace():
    text = "Colibri et Orion-7 🚀 Colibri"
    # The last finding has no replacement: not text to replace (a budget, a missing disclosure).
    findings = [finding(0, 7, "Colibri", replacement="[interne]"), finding(11, 18, "Orion-7", replacement="[projet]"),
                finding(21, 28, "Colibri")]
    assert text[21:28] == "Colibri"  # offsets are code points: the emoji counts one
    assert redact(text, findings) == "[interne] et [projet] 🚀 Colibri"
    assert redact(text, list(reversed(findings))) == "[interne] et [projet] 🚀 Colibri"  # order of the list does not matter
    assert redact(text, []) == text

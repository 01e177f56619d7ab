"""Waivers: rule + fingerprint of the normalised matched text, reason/author/expiry;
expired and unused waivers reported; the waived count always in the summary."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from charterguard import Charter, Checker
from charterguard.waivers import WaiverError, WaiverLedger, WaiverSet, fingerprint

from .conftest import GATE_CHARTER, write_jsonl


def waiver_file(tmp_path: Path, *entries: dict) -> Path:
    lines = ["waivers:"]
    for entry in entries:
        lines.append(f"  - rule: {entry['rule']}")
        for key in ("fingerprint", "reason", "author", "expires", "ticket"):
            if key in entry:
                lines.append(f"    {key}: {entry[key]}")
    path = tmp_path / "waivers.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def entry(rule: str, text: str, expires: str = "2999-12-31") -> dict:
    return {"rule": rule, "fingerprint": fingerprint(text), "reason": "Announced publicly", "author": "jeanne@example.com",
            "expires": expires}


def test_fingerprint_is_of_the_normalised_text_not_the_position() -> None:
    assert fingerprint("Colibri") == fingerprint("COLIBRI") == fingerprint("C o l i b r i") == fingerprint("Colibrì")
    assert fingerprint("Colibri") != fingerprint("Orion")
    assert fingerprint("Colibri").startswith("sha256:") and len(fingerprint("Colibri")) == 71


def test_waiver_survives_edits_elsewhere_and_recomputes_verdict_and_redaction() -> None:
    checker = Checker(Charter.load(GATE_CHARTER))
    waivers = WaiverSet.from_data({"waivers": [entry("confidential.codenames", "Colibri")]}, today=date(2026, 1, 1))
    for text in ("Colibri est lancé", "Grande nouvelle : COLIBRI est lancé, merci à tous !"):
        report, waived = waivers.apply(checker.check(text), text)
        assert report.verdict == "pass" and report.findings == []
        assert report.redacted == text
        assert [(f.rule, w.author) for f, w in waived] == [("confidential.codenames", "jeanne@example.com")]
    # Another rule with the same text is not waived: a waiver names its rule.
    other = WaiverSet.from_data([entry("tone.hype", "Colibri")], today=date(2026, 1, 1))
    report, waived = other.apply(checker.check("Colibri"), "Colibri")
    assert report.verdict == "block" and waived == []


def test_expired_and_unused_waivers_are_reported_and_waived_count_shown(cli, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [
        {"id": 1, "text": "Le projet Colibri"}, {"id": 2, "text": "Orion-7 en production"},
        {"id": 3, "text": "colibri encore"},
    ])
    waivers = waiver_file(
        tmp_path,
        entry("confidential.codenames", "Colibri"),
        entry("confidential.codenames", "Orion-7", expires="2020-01-01"),
        entry("tone.hype", "révolutionnaire"),
    )
    summary = tmp_path / "summary.json"
    result = cli("batch", str(source), "-c", GATE_CHARTER, "--waivers", str(waivers), "-j", "1",
                 "--summary-json", str(summary))
    rows = result.jsonl()
    assert [r["verdict"] for r in rows] == ["pass", "block", "pass"]  # the expired waiver no longer applies
    assert rows[0]["waived"][0]["waiver"] == {"reason": "Announced publicly", "author": "jeanne@example.com",
                                               "expires": "2999-12-31"}
    assert result.exit_code == 1
    assert "3 posts, 1 at or above block, 0 not checked, 2 finding(s) waived" in result.stderr
    assert f"{waivers}:7: waiver for confidential.codenames" in result.stderr and "expired on 2020-01-01" in result.stderr
    assert f"{waivers}:12: waiver for tone.hype" in result.stderr and "matched no finding" in result.stderr
    numbers = json.loads(summary.read_text(encoding="utf-8"))["waivers"]
    assert numbers["waived_findings"] == 2 and numbers["file_waivers"] == 3
    assert [w["rule"] for w in numbers["expired"]] == ["confidential.codenames"]
    assert [w["rule"] for w in numbers["unused"]] == ["tone.hype"]
    # Waiver files hold hashes only: no post text.
    assert "Colibri" not in waivers.read_text(encoding="utf-8")


def test_waived_count_shown_even_when_zero(cli, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "Bonjour"}])
    result = cli("batch", str(source), "-c", GATE_CHARTER, "-j", "1")
    assert "0 finding(s) waived" in result.stderr


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("waivers:\n  - rule: a\n    reason: r\n    author: x\n    expires: 2030-01-01\n", "waivers[0].fingerprint: missing"),
        ("waivers:\n  - rule: a\n    fingerprint: Colibri\n    reason: r\n    author: x\n    expires: 2030-01-01\n",
         ":3: waivers[0].fingerprint: must be 'sha256:' and 64 hex digits"),
        (f"waivers:\n  - rule: a\n    fingerprint: {fingerprint('x')}\n    reason: r\n    author: x\n    expires: soon\n",
         ":6: waivers[0].expires: not a date"),
        (f"waivers:\n  - rule: a\n    fingerprint: {fingerprint('x')}\n    reason: r\n    author: x\n    expires: 2030-01-01\n    text: oops\n",
         "unknown field(s) ['text']"),
        ("waivers: [\n", "invalid YAML"),
    ],
)
def test_bad_waiver_files_name_line_and_field(tmp_path: Path, yaml_text: str, expected: str) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(WaiverError) as info:
        WaiverSet.load(path)
    assert expected in str(info.value) and str(path) in str(info.value)


def test_bad_waiver_file_is_exit_code_2(cli, tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("waivers:\n  - rule: a\n", encoding="utf-8")
    result = cli("check", "Colibri", "-c", GATE_CHARTER, "--waivers", str(path))
    assert result.exit_code == 2 and "waivers[0].fingerprint: missing" in result.stderr


def test_expiry_is_inclusive_the_waiver_applies_on_its_last_day() -> None:
    checker = Checker(Charter.load(GATE_CHARTER))
    data = [entry("confidential.codenames", "Colibri", expires="2026-03-31")]
    last_day = WaiverSet.from_data(data, today=date(2026, 3, 31))
    report, waived = last_day.apply(checker.check("Colibri est lancé"), "Colibri est lancé")
    assert report.verdict == "pass" and len(waived) == 1
    assert last_day.expired == []
    day_after = WaiverSet.from_data(data, today=date(2026, 4, 1))
    report, waived = day_after.apply(checker.check("Colibri est lancé"), "Colibri est lancé")
    assert report.verdict == "block" and waived == []
    assert [w.expires for w in day_after.expired] == [date(2026, 3, 31)]


def test_an_expired_waiver_is_not_reported_unused() -> None:
    data = [entry("confidential.codenames", "Colibri", expires="2026-03-31"), entry("confidential.codenames", "Orion-7")]
    ledger = WaiverLedger(WaiverSet.from_data(data, name="w.yaml", today=date(2026, 4, 1)))
    assert [w.expires for w in ledger.unused] == [date(2999, 12, 31)]
    assert [m.split(" (")[0] for m in ledger.messages()] == ["w.yaml: waivers[0]: waiver for confidential.codenames",
                                                             "w.yaml: waivers[1]: waiver for confidential.codenames"]
    assert "expired on 2026-03-31" in list(ledger.messages())[0]
    assert "matched no finding" in list(ledger.messages())[1]

"""Waivers: rule + fingerprint of the normalised matched text, reason/author/expiry;
expired and unused waivers reported; the waived count always in the summary."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from charterguard import Charter, Checker
from charterguard.report import Report
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
        {"id": 3, "text": "le projet colibri encore"},  # a code name that is an ordinary word needs a project context
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
        (f"waivers:\n  - rule: a\n    fingerprint: {fingerprint('x')}\n    reason: r\n    author: 7\n    expires: 2030-01-01\n",
         ":5: waivers[0].author: must be a string"),
        (f"waivers:\n  - rule: a\n    fingerprint: {fingerprint('x')}\n    reason: r\n    author: x\n    expires: 20300101\n",
         ":6: waivers[0].expires: not a date (YYYY-MM-DD)"),
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
    expired, unused = ledger.messages()
    assert "expired on 2026-03-31" in expired and "matched no finding" in unused


def test_waiving_every_finding_of_an_incomplete_report_still_blocks() -> None:
    """A report whose time budget ran out fails closed: waivers cannot turn it into a pass."""
    checker = Checker(Charter.load(GATE_CHARTER))
    full = checker.check("Colibri est lancé")
    incomplete = Report(verdict="block", language="fr", charter=full.charter, findings=full.findings, redacted=full.redacted,
                        elapsed_ms=2000.0, id="post-7", incomplete=True, notes=["time budget ran out"])
    waivers = WaiverSet.from_data([entry("confidential.codenames", "Colibri")], today=date(2026, 1, 1))
    report, waived = waivers.apply(incomplete, "Colibri est lancé")
    assert len(waived) == 1 and report.findings == []
    assert report.verdict == "block" and report.incomplete is True
    assert (report.language, report.id, report.notes, report.elapsed_ms) == ("fr", "post-7", ["time budget ran out"], 2000.0)
    assert report.charter == full.charter


def test_a_report_is_returned_unchanged_when_nothing_is_waived() -> None:
    checker = Checker(Charter.load(GATE_CHARTER))
    original = checker.check("Colibri et Orion-7")
    waivers = WaiverSet.from_data([entry("confidential.codenames", "Orion-7")], today=date(2026, 1, 1))
    report, waived = waivers.apply(original, "Colibri et Orion-7")
    assert [f.text for f in report.findings] == ["Colibri"] and [f.text for f, _ in waived] == ["Orion-7"]
    assert report.verdict == "block" and report.redacted.endswith(" et Orion-7")
    nothing = WaiverSet.from_data([entry("tone.hype", "Colibri")], today=date(2026, 1, 1))
    assert nothing.apply(original, "Colibri et Orion-7") == (original, [])
    assert WaiverSet.from_data([], today=date(2026, 1, 1)).apply(original, "Colibri et Orion-7") == (original, [])


def test_waiver_json_has_its_fields_ticket_and_place() -> None:
    waivers = WaiverSet.load(waiver_file(Path(_tmp()), {**entry("confidential.codenames", "Colibri"), "ticket": 142}))
    [waiver] = waivers.waivers
    assert waiver.ticket == "142"  # a number in YAML is kept as the ticket's text
    assert waiver.to_dict() == {"rule": "confidential.codenames", "fingerprint": fingerprint("Colibri"),
                                "reason": "Announced publicly", "author": "jeanne@example.com", "expires": "2999-12-31",
                                "ticket": "142", "where": waiver.where}
    assert waiver.where.endswith("waivers.yaml:2")
    bare = WaiverSet.from_data([entry("confidential.codenames", "Colibri")]).waivers[0]
    assert bare.to_dict() == {"rule": "confidential.codenames", "fingerprint": fingerprint("Colibri"),
                              "reason": "Announced publicly", "author": "jeanne@example.com", "expires": "2999-12-31",
                              "where": "<waivers>: waivers[0]"}


def _tmp() -> str:
    import tempfile

    return tempfile.mkdtemp()


def test_ledger_counts_every_waived_finding_and_each_waiver_use() -> None:
    colibri, orion = entry("confidential.codenames", "Colibri"), entry("confidential.codenames", "Orion-7")
    ledger = WaiverLedger(WaiverSet.from_data([colibri, orion], name="w.yaml", today=date(2026, 1, 1)))
    ledger.record({"waived": [{"rule": colibri["rule"], "fingerprint": colibri["fingerprint"]}] * 2})
    ledger.record({"waived": [{"rule": "other.rule", "fingerprint": colibri["fingerprint"]}]})  # not from this file
    ledger.record({"verdict": "pass"})
    assert ledger.waived_findings == 3
    assert ledger.uses == {(colibri["rule"], colibri["fingerprint"]): 2, (orion["rule"], orion["fingerprint"]): 0}
    assert ledger.to_dict() == {"file_waivers": 2, "waived_findings": 3, "expired": [],
                                "unused": [ledger.waivers.waivers[1].to_dict()]}
    [message] = ledger.messages()
    assert message == f"w.yaml: waivers[1]: waiver for confidential.codenames ({orion['fingerprint'][:19]}…) matched no finding in this run"
    assert orion["fingerprint"][:19] == "sha256:" + orion["fingerprint"][7:19]  # 12 hex digits shown


def test_expired_waiver_message() -> None:
    old = entry("confidential.codenames", "Orion-7", expires="2020-01-01")
    [message] = WaiverLedger(WaiverSet.from_data([old], name="w.yaml", today=date(2026, 1, 1))).messages()
    assert message == (f"w.yaml: waivers[0]: waiver for confidential.codenames ({old['fingerprint'][:19]}…) expired on "
                       "2020-01-01; it no longer applies (renew it or remove it)")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"waivers": [], "extra": 1}, "w.yaml: unknown top-level field(s) ['extra']; expected `waivers:`"),
        ([{**entry("a", "x"), "fingerprint": "Colibri"}],
         ("w.yaml: waivers[0]: waivers[0].fingerprint: must be 'sha256:' and 64 hex digits (copy a finding's \"fingerprint\" "
          "from a JSON or SARIF report); waivers never hold post text")),
        ({"waivers": {"rule": "a"}}, "w.yaml: `waivers` must be a list of waivers"),
        ("waivers", "w.yaml: `waivers` must be a list of waivers"),
        (["not a mapping"], "w.yaml: waivers[0]: a waiver must be a mapping with rule, fingerprint, reason, author, expires"),
        ([{**entry("a", "x"), "reason": ""}],
         "w.yaml: waivers[0]: waivers[0].reason: missing (every waiver needs rule, fingerprint, reason, author, expires)"),
        ([{**entry("a", "x"), "author": 7}], "w.yaml: waivers[0]: waivers[0].author: must be a string"),
        ([{**entry("a", "x"), "expires": 20300101}], "w.yaml: waivers[0]: waivers[0].expires: not a date (YYYY-MM-DD)"),
        ([{**entry("a", "x"), "text": "Colibri"}],
         "w.yaml: waivers[0]: waivers[0]: unknown field(s) ['text']; allowed: rule, fingerprint, reason, author, expires, ticket"),
        ([entry("a", "x"), entry("b", "x"), entry("a", "X")],
         "w.yaml: waivers[2]: duplicate waiver (same rule and fingerprint as w.yaml: waivers[0])"),
    ],
)
def test_bad_waiver_data_says_where_and_what(data, expected: str) -> None:
    with pytest.raises(WaiverError) as info:
        WaiverSet.from_data(data, name="w.yaml")
    assert str(info.value) == expected


def test_waiver_data_forms() -> None:
    assert len(WaiverSet.from_data(None)) == 0 and len(WaiverSet.from_data({"waivers": None})) == 0
    moment = datetime(2027, 3, 31, 23, 0, tzinfo=UTC)
    [waiver] = WaiverSet.from_data([{**entry(" a ", "x"), "expires": moment, "fingerprint": fingerprint("x").upper(),
                                     "reason": " r ", "author": " me "}]).waivers
    assert (waiver.rule, waiver.fingerprint, waiver.reason, waiver.author, waiver.expires, waiver.ticket) == (
        "a", fingerprint("x"), "r", "me", date(2027, 3, 31), None)
    assert WaiverSet.from_data([{**entry("a", "x"), "expires": date(2027, 1, 2)}]).waivers[0].expires == date(2027, 1, 2)


def test_loading_a_file_uses_the_given_day_and_names_the_waiver_file(tmp_path: Path) -> None:
    path = waiver_file(tmp_path, entry("confidential.codenames", "Colibri", expires="2026-03-31"))
    assert WaiverSet.load(path, today=date(2026, 4, 1)).expired != []
    assert WaiverSet.load(path, today=date(2026, 3, 31)).expired == []
    path.write_text("waivers: [\n", encoding="utf-8")
    with pytest.raises(WaiverError, match="invalid YAML"):  # a WaiverError, not the charter loader's error
        WaiverSet.load(path)

"""The engine: offsets, conditions, exceptions, merging, verdicts, redaction, bad input."""

from __future__ import annotations

from datetime import datetime, timezone

import jsonschema
import pytest
from conftest import codename_charter

from charterguard import Charter, Checker
from charterguard.errors import InputError
from charterguard.report import report_json_schema

RULES = """
name: engine-test
company: {name: Acme Group, codenames: [Colibri]}
exceptions:
  - allow: ["Colibri Park"]
    rules: ["confidential.*"]
rules:
  - id: confidential.codenames
    kind: terms
    category: confidential
    entity: CODENAME
    severity: block
    clause: "2.1"
    terms_from: [company.codenames]
    replacement: "[projet]"
    message: {fr: "« {match} » ({term}) est interne chez {company}", en: "\\"{match}\\" is internal at {company}"}
    suggestion: {fr: "Retirez-le", en: "Remove it"}
    examples: {flag: [Colibri], pass: [x]}
  - id: confidential.launch
    kind: terms
    category: confidential
    severity: warn
    clause: "2.5"
    terms: [lancement de Colibri]
    when: {active_from: 2026-01-01, active_until: 2026-03-01, channel: [linkedin, x], audience: public}
    message: "embargo"
    examples: {flag: [x], pass: [y]}
  - id: tone.english_only
    kind: terms
    category: tone
    severity: info
    clause: "5"
    terms: [awesome]
    when: {language: en}
    message: "info"
    examples: {flag: [x], pass: [y]}
"""


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(Charter.from_yaml(RULES))


def test_report_matches_the_contract(checker: Checker) -> None:
    report = checker.check("Le projet Colibri avance !", lang="fr", id="post-1").to_dict()
    jsonschema.validate(report, report_json_schema())
    assert report["schema"] == "charterguard.report/1"
    assert report["id"] == "post-1"
    assert report["verdict"] == "block"
    assert report["charter"]["name"] == "engine-test"
    finding = report["findings"][0]
    assert (finding["start"], finding["end"], finding["text"]) == (10, 17, "Colibri")
    assert finding["message"] == "« Colibri » (Colibri) est interne chez Acme Group"
    assert finding["suggestion"] == "Retirez-le"
    assert report["redacted"] == "Le projet [projet] avance !"


def test_messages_follow_the_post_language(checker: Checker) -> None:
    report = checker.check("We love the Colibri project and the team", id=None)
    assert report.language == "en"
    assert report.findings[0].message == '"Colibri" is internal at Acme Group'


@pytest.mark.parametrize(
    "prefix",
    ["😀👍🏽 ", "e\u0301te\u0301 ", "ligne 1\r\nligne 2 ", "👨‍👩‍👧 \u200b", "\t\t"],
)
def test_offsets_are_python_indices_into_the_original_text(checker: Checker, prefix: str) -> None:
    text = prefix + "Colibri arrive"
    finding = checker.check(text, lang="fr").findings[0]
    assert text[finding.start : finding.end] == "Colibri"


def test_allow_lists_apply_to_the_rules_they_name(checker: Checker) -> None:
    assert checker.check("Rendez-vous au Colibri Park demain", lang="fr").findings == []
    assert len(checker.check("Colibri Park puis Colibri", lang="fr").findings) == 1


def test_when_conditions_channel_audience_language_and_dates(checker: Checker) -> None:
    text = "Le lancement de Colibri approche"
    inside = datetime(2026, 2, 1, tzinfo=timezone.utc)
    after = datetime(2026, 3, 1, tzinfo=timezone.utc)

    def rules(**kwargs: object) -> set[str]:
        return {f.rule for f in checker.check(text, lang="fr", **kwargs).findings} | {
            r for f in checker.check(text, lang="fr", **kwargs).findings for r in f.also
        }

    assert "confidential.launch" in rules(channel="linkedin", audience="public", now=inside)
    assert "confidential.launch" in rules(channel="twitter", audience="public", now=inside)  # alias of x
    assert "confidential.launch" not in rules(channel="facebook", audience="public", now=inside)
    assert "confidential.launch" not in rules(channel="linkedin", audience="internal", now=inside)
    assert "confidential.launch" not in rules(channel="linkedin", audience="public", now=after)
    assert "confidential.launch" not in rules(audience="public", now=inside)  # no channel given
    assert [f.rule for f in checker.check("awesome", lang="fr").findings] == []
    assert [f.rule for f in checker.check("awesome", lang="en").findings] == ["tone.english_only"]


def test_overlapping_findings_each_keep_their_own_span_in_one_group(checker: Checker) -> None:
    inside = datetime(2026, 2, 1, tzinfo=timezone.utc)
    text = "Le lancement de Colibri approche"
    report = checker.check(text, lang="fr", channel="x", audience="public", now=inside)
    lead, other = report.findings
    assert (lead.rule, lead.severity, lead.text, lead.replacement) == ("confidential.codenames", "block", "Colibri", "[projet]")
    assert (other.rule, other.severity, other.text) == ("confidential.launch", "warn", "lancement de Colibri")
    assert lead.group == other.group == 0
    assert lead.also == ("confidential.launch",) and other.also == ("confidential.codenames",)
    assert all(text[f.start : f.end] == f.text for f in report.findings)
    assert report.redacted == "Le lancement de [projet] approche"  # only what blocks is replaced
    assert "group" not in checker.check("Le projet Colibri", lang="fr").findings[0].to_dict()


def test_verdict_is_the_worst_severity_and_info_does_not_count(checker: Checker) -> None:
    assert checker.check("awesome stuff", lang="en").verdict == "pass"
    assert checker.check("awesome stuff", lang="en").findings[0].severity == "info"
    assert checker.check("awesome Colibri", lang="en").verdict == "block"
    assert checker.check("Bonjour", lang="fr").verdict == "pass"


def test_empty_post_passes(checker: Checker) -> None:
    report = checker.check("")
    assert report.verdict == "pass" and report.findings == [] and report.redacted == ""


def test_bad_input_gets_a_clear_error_that_never_quotes_the_post(checker: Checker) -> None:
    with pytest.raises(InputError, match="100001 characters long; the limit is 100000"):
        checker.check("secret " + "a" * 99_994)
    with pytest.raises(InputError, match="binary"):
        checker.check("secret\x00data")
    with pytest.raises(InputError, match="surrogate"):
        checker.check("secret \ud800")
    with pytest.raises(InputError, match="must be a string"):
        checker.check(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="unsupported language 'de'"):
        checker.check("secret", lang="de")
    with pytest.raises(InputError) as info:
        checker.check("secret-data-xyz\x00")
    assert "secret-data-xyz" not in str(info.value)


def test_a_one_megabyte_post_gets_a_bounded_correct_answer_with_a_larger_limit() -> None:
    checker = Checker(Charter.from_yaml(RULES), max_chars=2_000_000)
    text = ("lorem ipsum " * 90_000) + "Colibri"
    report = checker.check(text, lang="fr")
    assert [f.text for f in report.findings] == ["Colibri"]


def test_catastrophic_regex_runs_in_linear_time() -> None:
    charter = Charter.from_yaml(
        """
name: t
rules:
  - id: secret.evil
    kind: pattern
    category: secret
    severity: block
    clause: "3"
    patterns: ['(a+)+$', '(x+x+)+y']
    message: m
    examples: {flag: [aaa], pass: [b]}
"""
    )
    report = Checker(charter).check("a" * 49_000 + "!" + "x" * 49_000, lang="fr")
    assert report.findings == []
    assert report.elapsed_ms < 5_000  # a backtracking engine would never finish


def test_pattern_validator_drops_numbers_that_fail_their_checksum() -> None:
    charter = Charter.from_yaml(
        r"""
name: t
rules:
  - id: personal_data.card
    kind: pattern
    category: personal_data
    severity: block
    clause: "4"
    patterns: ['\b(?:\d[ -]?){13,19}\b']
    validator: luhn
    message: m
    examples: {flag: [x], pass: [y]}
"""
    )
    checker = Checker(charter)
    assert [f.text for f in checker.check("carte 4970 1012 3456 7890", lang="fr").findings] == []
    assert [f.text for f in checker.check("carte 4111 1111 1111 1111", lang="fr").findings] == ["4111 1111 1111 1111"]


def test_check_many_keeps_order_ids_and_reports_bad_rows() -> None:
    checker = codename_charter("Colibri")
    rows = [{"id": i, "text": "Colibri" if i % 3 == 0 else "rien"} for i in range(200)]
    rows.insert(5, {"id": "bad", "text": None})
    results = list(checker.check_many(rows, batch_size=16, on_error="return"))
    assert [r.id for r in results] == [r["id"] for r in rows]
    bad = results[5].to_dict()
    assert bad["error"]["code"] == "invalid_post"
    verdicts = [r.verdict for r in results if r.id != "bad"]
    assert verdicts == ["block" if i % 3 == 0 else "pass" for i in range(200)]
    with pytest.raises(InputError, match="post 'bad'"):
        list(checker.check_many(rows))


def test_time_budget_fails_closed() -> None:
    checker = codename_charter("Colibri")
    report = checker.check("rien à signaler", lang="fr", budget_ms=-1)
    assert report.incomplete is True
    assert report.verdict == "block"
    assert report.to_dict()["incomplete"] is True
    batched = list(checker.check_many(["rien", "Colibri"], budget_ms=-1))
    assert [r.verdict for r in batched] == ["block", "block"] and all(r.incomplete for r in batched)
    assert [r.incomplete for r in checker.check_many(["rien"], budget_ms=60_000)] == [False]


def test_a_budget_running_out_inside_the_parse_fails_closed_with_what_was_found_before(monkeypatch) -> None:
    from charterguard import nlp
    from charterguard.errors import BudgetExceeded

    def parse_past_deadline(*_args, deadline=None, **_kwargs):
        assert deadline is not None  # the engine hands the post's deadline to the parse
        raise BudgetExceeded("the time budget ran out while the post was being parsed")

    monkeypatch.setattr(nlp, "parse", parse_past_deadline)
    report = Checker(Charter.load("acme-group")).check("Le projet Colibri avance avec Marie Dupont", lang="fr", budget_ms=60_000)
    assert report.incomplete is True and report.verdict == "block"
    assert "confidential.codenames" in {f.rule for f in report.findings}  # rules before the parse still count


def test_public_contacts_are_never_personal_data() -> None:
    charter = Charter.from_yaml(
        r"""
name: t
company: {public_contacts: ["01 00 00 00 00", presse@acme-group.fr]}
exceptions:
  - allow_from: [company.public_contacts]
    rules: ["personal_data.*"]
rules:
  - id: personal_data.phone
    kind: pattern
    category: personal_data
    severity: warn
    clause: "4"
    patterns: ['(?:\+33 ?|0)\d(?:[ .]?\d{2}){4}', '[\w.]+@[\w.-]+']
    message: m
    examples: {flag: [x], pass: [y]}
"""
    )
    checker = Checker(charter)
    assert checker.check("Appelez le 01.00.00.00.00 ou +33 1 00 00 00 00", lang="fr").findings == []
    assert checker.check("Écrivez à presse@acme-group.fr", lang="fr").findings == []
    assert [f.text for f in checker.check("Appelez Marc au 06 12 34 56 78", lang="fr").findings] == ["06 12 34 56 78"]

"""A decision as the log and its exports show it, and the log URL as errors show it:
in-process specifications (mutation testing runs these)."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta, timezone

from charterguard.decisions import Decision, TextHasher
from charterguard.decisions.export import write_jsonl
from charterguard.decisions.store import redact_url

HASHER = TextHasher(b"k" * 32)
T0 = datetime(2026, 11, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def decision(**fields: object) -> Decision:
    base: dict = {"kind": "check", "text_hmac": HASHER.digest("Colibri"), "hmac_key_id": HASHER.key_id, "text_length": 7,
                  "verdict": "block", "time": T0, "id": "d1",
                  "findings": [{"rule": "tone.insults"}, {"rule": "confidential.codenames"}, {"rule": "tone.insults"}]}
    return Decision(**{**base, **fields})


def test_decision_json_has_utc_time_sorted_rules_and_no_text_unless_stored():
    data = decision().to_dict()
    assert data["time"] == "2026-11-01T07:00:00.000000Z"
    assert data["rules"] == ["confidential.codenames", "tone.insults"]
    assert "text" not in data
    assert data["text_hmac"] == HASHER.digest("Colibri") and data["text_length"] == 7 and data["id"] == "d1"
    assert decision(text="Colibri").to_dict()["text"] == "Colibri"  # only when storage was turned on


def test_jsonl_export_is_one_object_per_line():
    out = io.StringIO()
    rows = [decision(id="a").to_dict(), decision(id="b", verdict="pass", findings=[]).to_dict()]
    assert write_jsonl(iter(rows), out) == 2
    lines = out.getvalue().split("\n")
    assert lines[-1] == "" and [json.loads(line)["id"] for line in lines[:-1]] == ["a", "b"]
    assert write_jsonl(iter([{"reason": "Annoncé"}]), out) == 1 and out.getvalue().endswith('{"reason": "Annoncé"}\n')


def test_log_urls_in_messages_never_show_the_password():
    assert redact_url("postgresql://audit:s3cret@db.example:5432/cg") == "postgresql://audit:***@db.example:5432/cg"
    assert redact_url("postgresql://audit@db.example/cg") == "postgresql://audit@db.example/cg"
    assert redact_url("decisions.sqlite3") == "decisions.sqlite3"


def test_text_hmac_is_hmac_sha256_of_the_text_under_the_key():
    import hashlib
    import hmac

    assert HASHER.digest("Colibri") == hmac.new(b"k" * 32, b"Colibri", hashlib.sha256).hexdigest()
    assert HASHER.digest("Colibri") != HASHER.digest("Colibrí")
    assert TextHasher(b"j" * 32).digest("Colibri") != HASHER.digest("Colibri")
    assert TextHasher.from_string("  " + "k" * 32 + "\n").digest("Colibri") == HASHER.digest("Colibri")


def test_a_short_hmac_key_is_refused_with_how_to_make_one():
    import pytest

    with pytest.raises(ValueError) as info:
        TextHasher.from_string("k" * 31)
    assert str(info.value) == ("the HMAC key must be at least 32 characters "
                               "(e.g. `python -c 'import secrets;print(secrets.token_hex(32))'`)")


def test_a_check_decision_keeps_the_report_facts_and_never_the_text():
    from charterguard.decisions import decision_from_report

    report = {"verdict": "block", "language": "fr", "incomplete": True, "elapsed_ms": 12.5,
              "charter": {"name": "acme", "version": "2026.11", "sha256": "ab" * 32},
              "findings": [{"rule": "confidential.codenames", "category": "confidential", "entity": "CODENAME",
                            "severity": "block", "start": 10, "end": 17, "text": "Colibri"}]}
    made = decision_from_report(report, "Le projet Colibri", HASHER, key_id="extension", channel="linkedin",
                                audience="public")
    assert (made.kind, made.key_id, made.channel, made.audience, made.language, made.verdict, made.incomplete) == (
        "check", "extension", "linkedin", "public", "fr", "block", True)
    assert (made.charter_name, made.charter_version, made.charter_sha256) == ("acme", "2026.11", "ab" * 32)
    assert made.findings == [{"rule": "confidential.codenames", "category": "confidential", "entity": "CODENAME",
                              "severity": "block", "length": 7}]
    assert (made.text_hmac, made.hmac_key_id, made.text_length, made.elapsed_ms) == (
        HASHER.digest("Le projet Colibri"), HASHER.key_id, 17, 12.5)
    assert made.text is None and "Colibri" not in json.dumps(made.to_dict())
    stored = decision_from_report(report, "Le projet Colibri", HASHER, key_id=None, channel=None, audience=None,
                                  store_text=True)
    assert stored.text == "Le projet Colibri"
    bare = decision_from_report({"verdict": "pass"}, "Bonjour", HASHER, key_id=None, channel=None, audience=None)
    assert (bare.findings, bare.incomplete, bare.charter_name) == ([], False, None)


def test_times_without_a_zone_are_utc():
    from charterguard.decisions.record import parse_time

    utc = UTC
    assert parse_time("2026-11-01T08:00:00") == datetime(2026, 11, 1, 8, 0, tzinfo=utc)
    assert parse_time("2026-11-01T08:00:00").tzinfo is not None
    assert parse_time(datetime(2026, 11, 1, 8, 0)).tzinfo is not None
    assert parse_time("2026-11-01T07:00:00Z") == parse_time("2026-11-01T08:00:00+01:00") == T0
    assert parse_time(T0) is T0

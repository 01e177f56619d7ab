"""A decision as the log and its exports show it, and the log URL as errors show it:
in-process specifications (mutation testing runs these)."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone

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

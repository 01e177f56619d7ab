"""Decision log exports: CSV (one row per decision, for spreadsheets) and JSON."""

from __future__ import annotations

import csv
import json
from typing import Any, Iterable, TextIO

CSV_COLUMNS = (
    "id", "time", "kind", "key_id", "charter_name", "charter_version", "charter_sha256", "channel", "audience", "language",
    "verdict", "incomplete", "text_length", "text_hmac", "hmac_key_id", "rules", "findings", "reason", "elapsed_ms",
)  # fmt: skip


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One line per decision; `rules` joined with ';', `findings` as compact JSON."""
    writer = csv.DictWriter(out, fieldnames=[*CSV_COLUMNS, "text"], extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        flat = dict(row)
        flat["rules"] = ";".join(row.get("rules", []))
        flat["findings"] = json.dumps(row.get("findings", []), ensure_ascii=False, separators=(",", ":"))
        writer.writerow(flat)
        count += 1
    return count


def write_json(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array, written row by row so a large log is never held in memory."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


WRITERS = {"csv": write_csv, "json": write_json, "jsonl": write_jsonl}

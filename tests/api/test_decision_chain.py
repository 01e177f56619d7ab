"""The decision log is tamper-evident: a chain of MACs (SQLite and PostgreSQL alike).

Every way of rewriting history an insider with database access has (edit a verdict,
empty the findings, move the time, delete or reorder a row, damage a value) is
named by `verify --all` at the row where it happened; malformed rows are skipped
and reported by listings instead of failing them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from charterguard.cli import main
from charterguard.decisions import ChainKey, DecisionLog, SkippedRow, open_log

from .test_decision_store import (  # the `store` fixture (SQLite and PostgreSQL) is in conftest.py
    HASHER,
    fill,
)

CHAIN = ChainKey.from_text_key(HASHER.key)


def execute(log: DecisionLog, sql: str, *params: Any) -> None:
    log._run(lambda conn: conn.execute(sql.replace("?", log.placeholder), params))


def chained(log: DecisionLog) -> list[str]:
    log.chain_key = CHAIN
    return [d.id for d in fill(log)]


def test_an_untouched_log_verifies(store: DecisionLog) -> None:
    ids = chained(store)
    report = store.verify_chain(CHAIN)
    assert report.ok and report.chained == len(ids) == 5 and report.unchained_before == 0
    assert report.head_seq is not None and report.head_mac


@pytest.mark.parametrize(
    "edit",
    [
        "UPDATE cg_decisions SET verdict = 'pass' WHERE id = ?",  # the row was a warn
        "UPDATE cg_decisions SET findings = '[]' WHERE id = ?",
        "UPDATE cg_decisions SET reason = 'edited' WHERE id = ?",
        "UPDATE cg_decisions SET text_length = 0 WHERE id = ?",
        "UPDATE cg_decisions SET key_id = 'someone-else' WHERE id = ?",
    ],
)
def test_an_edited_row_is_the_first_broken_link(store: DecisionLog, edit: str) -> None:
    ids = chained(store)
    execute(store, edit if store.placeholder == "?" else edit.replace("'[]'", "'[]'::jsonb"), ids[1])  # a warn with two findings
    report = store.verify_chain(CHAIN)
    assert not report.ok and report.breaks == 1
    assert report.first_break is not None and report.first_break[1] == ids[1] and "does not match its MAC" in report.first_break[2]


def test_a_moved_time_breaks_the_chain(store: DecisionLog) -> None:
    ids = chained(store)
    moved = "2020-01-01T00:00:00.000000Z" if store.placeholder == "?" else "2020-01-01T00:00:00Z"
    execute(store, "UPDATE cg_decisions SET time = ? WHERE id = ?", moved, ids[1])
    assert store.verify_chain(CHAIN).first_break[1] == ids[1]  # type: ignore[index]


def test_a_deleted_row_breaks_the_link_after_it(store: DecisionLog) -> None:
    ids = chained(store)
    execute(store, "DELETE FROM cg_decision_rules WHERE decision_id = ?", ids[2])
    execute(store, "DELETE FROM cg_decisions WHERE id = ?", ids[2])
    report = store.verify_chain(CHAIN)
    assert report.first_break is not None and report.first_break[1] == ids[3] and "does not follow" in report.first_break[2]
    assert report.breaks == 1


def test_a_row_added_without_the_key_is_found(store: DecisionLog) -> None:
    chained(store)
    store.chain_key = None  # someone writing straight to the database
    forged = fill(store)[0].id
    report = store.verify_chain(CHAIN)
    assert report.first_break is not None and report.first_break[1] == forged and "no MAC" in report.first_break[2]


def test_another_key_cannot_verify_nor_reseal(store: DecisionLog) -> None:
    chained(store)
    assert not store.verify_chain(ChainKey.from_text_key(b"another key, 32 characters long!")).ok


def test_a_malformed_row_is_skipped_and_reported_by_listings(store: DecisionLog) -> None:
    ids = chained(store)
    if store.placeholder == "?":
        execute(store, "UPDATE cg_decisions SET findings = '{not json' WHERE id = ?", ids[1])
    else:
        execute(store, "UPDATE cg_decisions SET findings = '{\"rule\": 1}'::jsonb WHERE id = ?", ids[1])
    skipped: list[SkippedRow] = []
    rows, _ = store.query(skipped=skipped)
    assert [r["id"] for r in rows] == [i for i in reversed(ids) if i != ids[1]]
    assert [s.id for s in skipped] == [ids[1]] and "findings" in skipped[0].problem
    report = store.verify_chain(CHAIN)
    assert report.first_break is not None and report.first_break[1] == ids[1] and "cannot be read" in report.first_break[2]


# -- the command line and a log from before the chain ----------------------------

OLD_SCHEMA = (
    """CREATE TABLE cg_decisions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, time TEXT NOT NULL, kind TEXT NOT NULL,
        key_id TEXT, charter_name TEXT, charter_version TEXT, charter_sha256 TEXT, channel TEXT, audience TEXT, language TEXT,
        verdict TEXT, incomplete INTEGER NOT NULL DEFAULT 0, text_hmac TEXT NOT NULL, hmac_key_id TEXT NOT NULL,
        text_length INTEGER NOT NULL, findings TEXT NOT NULL, reason TEXT, text TEXT, elapsed_ms REAL)""",
    "CREATE TABLE cg_decision_rules (decision_id TEXT NOT NULL REFERENCES cg_decisions (id), rule TEXT NOT NULL)",
)


def old_log(path: Path) -> str:
    """A decision log as versions before the chain wrote it, with two decisions."""
    conn = sqlite3.connect(path)
    for statement in OLD_SCHEMA:
        conn.execute(statement)
    for n in (1, 2):
        conn.execute(
            "INSERT INTO cg_decisions (id, time, kind, verdict, text_hmac, hmac_key_id, text_length, findings) VALUES (?, ?, 'check', 'block', ?, ?, 5, ?)",
            (f"old{n}", f"2026-10-0{n}T08:00:00.000000Z", HASHER.digest("x"), HASHER.key_id, json.dumps([{"rule": "confidential.codenames"}])),
        )
    conn.commit()
    conn.close()
    return str(path)


def verify_all(db: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["decisions", "verify", "--all", "--db", db], env={"CHARTERGUARD_HMAC_KEY": HASHER.key.decode()})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_a_log_from_before_the_chain_is_migrated_and_chains_after_its_old_rows(tmp_path: Path) -> None:
    db = old_log(tmp_path / "old.sqlite3")
    code, output = verify_all(db)  # not migrated yet: read as it is
    assert code == 0 and "0 decisions verified, 2 written before chaining began" in output
    log = open_log(db)  # what the server does at start: adds the chain's columns
    log.chain_key = CHAIN
    new_ids = [d.id for d in fill(log)]
    assert [r["id"] for r in log.iterate()][-2:] == ["old2", "old1"]  # old rows still listed
    log.close()
    code, output = verify_all(db)
    assert code == 0 and "chain intact: 5 decisions verified, 2 written before chaining began" in output
    conn = sqlite3.connect(db)
    conn.execute("UPDATE cg_decisions SET verdict = 'pass' WHERE id = ?", (new_ids[0],))
    conn.execute("UPDATE cg_decisions SET mac = NULL, prev_mac = NULL WHERE id = ?", (new_ids[3],))  # pass it off as old
    conn.commit()
    conn.close()
    code, output = verify_all(db)
    assert code == 1 and f"first broken link at seq 3 (decision {new_ids[0]})" in output, output
    assert f"also seq 6 (decision {new_ids[3]}): the row has no MAC" in output  # and seq 7, whose link it erased


def test_verify_needs_an_id_or_all(tmp_path: Path) -> None:
    db = old_log(tmp_path / "old.sqlite3")
    result = CliRunner().invoke(main, ["decisions", "verify", "--db", db], env={"CHARTERGUARD_HMAC_KEY": HASHER.key.decode()})
    assert result.exit_code == 2 and "--all" in result.output


# -- retention: the chain across a purge -----------------------------------------------


def test_a_purge_keeps_the_rest_of_the_chain_verifiable(store: DecisionLog) -> None:
    from datetime import timedelta

    from .test_decision_store import T0

    ids = chained(store)  # times T0 .. T0+5h
    assert store.purge(T0 + timedelta(hours=2)) == 2
    assert [r["id"] for r in store.iterate()] == list(reversed(ids[2:]))
    report = store.verify_chain(CHAIN)
    assert report.ok and report.chained == 3 and report.anchor_seq == 2
    more = [d.id for d in fill(store)]  # new rows chain after the kept ones
    assert store.verify_chain(CHAIN).ok
    assert store.purge(T0 + timedelta(days=3650)) == 3 + len(more)  # everything
    assert store.verify_chain(CHAIN).ok
    fill(store)  # a log emptied by a purge chains on from its anchor
    report = store.verify_chain(CHAIN)
    assert report.ok and report.chained == 5


def test_rows_removed_after_a_purge_or_a_forged_anchor_are_found(store: DecisionLog) -> None:
    from datetime import timedelta

    from .test_decision_store import T0

    ids = chained(store)
    store.purge(T0 + timedelta(hours=1))
    execute(store, "DELETE FROM cg_decision_rules WHERE decision_id = ?", ids[1])
    execute(store, "DELETE FROM cg_decisions WHERE id = ?", ids[1])  # the first row after the anchor
    report = store.verify_chain(CHAIN)
    assert report.first_break is not None and report.first_break[1] == ids[2]
    execute(store, "UPDATE cg_chain_anchor SET seq = 2")  # pretend the purge went further
    report = store.verify_chain(CHAIN)
    assert report.first_break is not None and report.first_break[1] == "purge anchor"


def test_purge_command_line(tmp_path: Path) -> None:
    db = old_log(tmp_path / "old.sqlite3")  # 2026-10 decisions, before the chain
    result = CliRunner().invoke(main, ["decisions", "purge", "--db", db, "--older-than-days", "1"], env={"CHARTERGUARD_HMAC_KEY": HASHER.key.decode()})
    assert result.exit_code == 0 and "2 decision(s)" in result.output
    code, output = verify_all(db)
    assert code == 0 and "chain intact: 0 decisions verified" in output

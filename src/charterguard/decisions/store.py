"""The decision log store: SQLite (a file, the default) or PostgreSQL (a URL).

Both share one SQL shape: `cg_decisions` (one row per check or override) and
`cg_decision_rules` (one row per rule involved, for filtering and summaries).
The two backends differ only in placeholders, column types and how a
connection is opened; each thread gets its own connection.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from ..errors import DecisionLogError  # importable from here too
from .chain import (
    ChainKey,
    ChainReport,
    MalformedRow,
    StoredLink,
    check_row_shape,
    decision_fields,
    verify_chain,
)
from .record import Decision, iso, parse_time

MAX_PAGE = 1000
# Where `charterguard serve` writes the log and `charterguard decisions` reads it, unless told otherwise.
DEFAULT_DECISION_LOG = "charterguard-decisions.sqlite3"
CHAIN_LOCK_ID = 0x6367_6368_6169_6E  # PostgreSQL advisory lock: one chain writer at a time, across processes


@dataclass(frozen=True, slots=True)
class Filters:
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    verdict: str | None = None
    rule: str | None = None
    kind: str | None = None
    key_id: str | None = None
    charter: str | None = None


COLUMNS = (
    "id", "time", "kind", "key_id", "charter_name", "charter_version", "charter_sha256", "channel", "audience",
    "language", "verdict", "incomplete", "text_hmac", "hmac_key_id", "text_length", "findings", "reason", "text", "elapsed_ms",
)  # fmt: skip
CHAIN_COLUMNS = ("prev_mac", "mac")  # added in place to logs from before the chain (see _migrate)


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A stored row that could not be answered as a decision: reported, not fatal."""

    seq: int
    id: str | None
    problem: str


class DecisionLog:
    """Common queries; subclasses provide connections, placeholders and DDL."""

    placeholder = "?"
    ddl: tuple[str, ...] = ()

    def __init__(self) -> None:
        self._local = threading.local()
        self._all_connections: list[Any] = []
        self._lock = threading.Lock()
        self.chain_key: ChainKey | None = None  # set: every row written is chained (tamper-evident)

    # -- backend hooks -----------------------------------------------------

    def _connect(self) -> Any:
        raise NotImplementedError

    def _time_param(self, moment: datetime) -> Any:
        return moment

    def _row_time(self, value: Any) -> str:
        return iso(parse_time(value))

    def _json_param(self, value: Any) -> Any:
        return json.dumps(value, ensure_ascii=False)

    def _row_json(self, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    def _is_connection_broken(self, exc: Exception) -> bool:
        return False

    def _transaction(self, conn: Any) -> Any:
        return conn  # sqlite3: the connection is the transaction's context manager

    # -- connections ---------------------------------------------------------

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all_connections.append(conn)
        return conn

    def _run(self, work: Any) -> Any:
        """Run `work(conn)` in a transaction; reconnect once if the connection broke."""
        for attempt in (1, 2):
            conn = self._conn()
            try:
                with self._transaction(conn):  # commit on success, roll back on error
                    return work(conn)
            except Exception as exc:
                if attempt == 1 and self._is_connection_broken(exc):
                    self._drop_thread_connection()
                    continue
                raise
        raise AssertionError("unreachable")

    def _drop_thread_connection(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            with self._lock:
                if conn in self._all_connections:
                    self._all_connections.remove(conn)
            try:
                conn.close()
            except Exception:
                pass

    def close(self) -> None:
        with self._lock:
            conns, self._all_connections = self._all_connections, []
        for conn in conns:
            try:
                conn.close()
            except Exception:
                pass
        self._local = threading.local()

    def _columns(self, conn: Any, table: str) -> set[str]:
        raise NotImplementedError

    def _lock_chain(self, conn: Any) -> None:
        """Take the write lock before reading the chain's head (two writers must not fork it)."""
        raise NotImplementedError

    def init_schema(self) -> None:
        def work(conn: Any) -> None:
            for statement in self.ddl:
                conn.execute(statement)
            # Logs created before the chain existed get its columns; their rows stay
            # unchained (`verify --all` counts them) and new rows chain after them.
            present = self._columns(conn, "cg_decisions")
            for column in CHAIN_COLUMNS:
                if column not in present:
                    conn.execute(f"ALTER TABLE cg_decisions ADD COLUMN {column} TEXT")

        self._run(work)

    # -- writing -------------------------------------------------------------

    def record(self, decision: Decision) -> str:
        self.record_many([decision])
        return decision.id

    def record_many(self, decisions: list[Decision]) -> None:
        """Write `decisions` in one transaction (all or none)."""
        p = self.placeholder
        chain_key = self.chain_key
        columns = COLUMNS + CHAIN_COLUMNS if chain_key is not None else COLUMNS
        insert = f"INSERT INTO cg_decisions ({', '.join(columns)}) VALUES ({', '.join([p] * len(columns))})"
        insert_rule = f"INSERT INTO cg_decision_rules (decision_id, rule) VALUES ({p}, {p})"
        rows = [self._values(d) for d in decisions]
        rule_rows = [(d.id, rule) for d in decisions for rule in d.rules]
        fields = [decision_fields(d) for d in decisions] if chain_key is not None else []

        def work(conn: Any) -> None:
            to_insert = rows
            if chain_key is not None:
                self._lock_chain(conn)
                previous = self._chain_head(conn)
                to_insert = []
                for values, content in zip(rows, fields):
                    mac = chain_key.mac(content, previous)
                    to_insert.append([*values, previous, mac])
                    previous = mac
            # psycopg's executemany pipelines the inserts; sqlite3's runs them in C.
            conn.cursor().executemany(insert, to_insert)
            if rule_rows:
                conn.cursor().executemany(insert_rule, rule_rows)

        self._run(work)

    def _chain_head(self, conn: Any) -> str:
        """The MAC the next row chains to: the newest row's, the purge anchor's, or GENESIS."""
        from .chain import GENESIS

        row = conn.execute("SELECT mac FROM cg_decisions ORDER BY seq DESC LIMIT 1").fetchone()
        if row is not None:
            return row[0] or GENESIS  # the newest row predates the chain: start one
        anchor = conn.execute("SELECT mac FROM cg_chain_anchor WHERE id = 1").fetchone()
        return anchor[0] if anchor is not None else GENESIS

    def _values(self, decision: Decision) -> list[Any]:
        return [
            decision.id, self._time_param(decision.time), decision.kind, decision.key_id, decision.charter_name,
            decision.charter_version, decision.charter_sha256, decision.channel, decision.audience, decision.language,
            decision.verdict, decision.incomplete, decision.text_hmac, decision.hmac_key_id, decision.text_length,
            self._json_param(decision.findings), decision.reason, decision.text, decision.elapsed_ms,
        ]  # fmt: skip

    # -- reading -------------------------------------------------------------

    def _where(self, filters: Filters) -> tuple[str, list[Any]]:
        p = self.placeholder
        clauses: list[str] = []
        params: list[Any] = []
        if filters.since is not None:
            clauses.append(f"d.time >= {p}")
            params.append(self._time_param(filters.since))
        if filters.until is not None:
            clauses.append(f"d.time < {p}")
            params.append(self._time_param(filters.until))
        for column, value in (("verdict", filters.verdict), ("kind", filters.kind), ("key_id", filters.key_id), ("charter_name", filters.charter)):
            if value is not None:
                clauses.append(f"d.{column} = {p}")
                params.append(value)
        if filters.rule is not None:
            clauses.append(f"EXISTS (SELECT 1 FROM cg_decision_rules r WHERE r.decision_id = d.id AND r.rule = {p})")
            params.append(filters.rule)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def query(
        self, filters: Filters = Filters(), limit: int = 100, cursor: int | None = None, skipped: list[SkippedRow] | None = None
    ) -> tuple[list[dict[str, Any]], int | None]:
        """Decisions newest first, at most `limit`; returns (rows, next cursor or None).
        A row that cannot be read as a decision is left out and appended to `skipped`."""
        limit = max(1, min(limit, MAX_PAGE))
        where, params = self._where(filters)
        if cursor is not None:
            where += (" AND " if where else " WHERE ") + f"d.seq < {self.placeholder}"
            params.append(cursor)
        sql = f"SELECT d.seq, {', '.join('d.' + c for c in COLUMNS)} FROM cg_decisions d{where} ORDER BY d.seq DESC LIMIT {limit + 1}"
        rows = self._run(lambda conn: conn.execute(sql, params).fetchall())
        next_cursor = rows[limit - 1][0] if len(rows) > limit else None
        decisions: list[dict[str, Any]] = []
        for row in rows[:limit]:
            try:
                decisions.append(self._to_dict(row))
            except MalformedRow as exc:
                if skipped is not None:
                    skipped.append(SkippedRow(seq=row[0], id=row[1] if isinstance(row[1], str) else None, problem=str(exc)))
        return decisions, next_cursor

    def iterate(self, filters: Filters = Filters(), page: int = 500, skipped: list[SkippedRow] | None = None) -> Iterator[dict[str, Any]]:
        """Every decision matching `filters`, newest first, fetched page by page (malformed rows
        are left out and appended to `skipped`)."""
        cursor: int | None = None
        while True:
            rows, cursor = self.query(filters, limit=page, cursor=cursor, skipped=skipped)
            yield from rows
            if cursor is None:
                return

    def get(self, decision_id: str) -> dict[str, Any] | None:
        """The decision `decision_id` (None if absent); MalformedRow if it cannot be read."""
        sql = f"SELECT d.seq, {', '.join('d.' + c for c in COLUMNS)} FROM cg_decisions d WHERE d.id = {self.placeholder}"
        rows = self._run(lambda conn: conn.execute(sql, (decision_id,)).fetchall())
        return self._to_dict(rows[0]) if rows else None

    def _fields(self, values: tuple[Any, ...]) -> dict[str, Any]:
        """The COLUMNS of a stored row, read back as they were written; MalformedRow if they cannot be."""
        data = dict(zip(COLUMNS, values))
        try:
            data["time"] = self._row_time(data["time"])
            data["findings"] = self._row_json(data["findings"])
        except (ValueError, TypeError) as exc:
            raise MalformedRow(f"`time` or `findings` cannot be read ({type(exc).__name__})") from None
        data["incomplete"] = bool(data["incomplete"])
        if data["elapsed_ms"] is not None:
            data["elapsed_ms"] = float(data["elapsed_ms"])
        check_row_shape(data)
        return data

    def _to_dict(self, row: Any) -> dict[str, Any]:
        data = self._fields(tuple(row[1 : 1 + len(COLUMNS)]))
        data["rules"] = sorted({f["rule"] for f in data["findings"]})
        if data["text"] is None:
            del data["text"]
        return data

    # -- the chain -------------------------------------------------------------

    def verify_chain(self, key: ChainKey, page: int = 1000) -> ChainReport:
        """Check every row's MAC and link, oldest first (see chain.py)."""
        chained = self._run(lambda conn: set(CHAIN_COLUMNS) <= self._columns(conn, "cg_decisions"))
        anchor = self._run(lambda conn: conn.execute("SELECT seq, mac, seal FROM cg_chain_anchor WHERE id = 1").fetchone()) if chained else None
        return verify_chain(self._links(chained, page), key, anchor=(int(anchor[0]), anchor[1], anchor[2]) if anchor else None)

    def purge(self, before: datetime) -> int:
        """Delete the decisions made before `before` (retention); returns how many.

        Rows go in commit order, up to the first one still to keep, so what stays is
        one unbroken chain; the MAC of the last row deleted is kept, sealed, as its anchor."""
        from .chain import GENESIS

        chain_key = self.chain_key
        if chain_key is None:
            raise DecisionLogError("purging needs the server's HMAC key, to seal where the chain now starts")
        p = self.placeholder

        def work(conn: Any) -> int:
            self._lock_chain(conn)
            first_kept = conn.execute(f"SELECT MIN(seq) FROM cg_decisions WHERE time >= {p}", (self._time_param(before),)).fetchone()[0]
            if first_kept is None:
                last = conn.execute("SELECT MAX(seq) FROM cg_decisions").fetchone()[0]
            else:
                last = conn.execute(f"SELECT MAX(seq) FROM cg_decisions WHERE seq < {p}", (first_kept,)).fetchone()[0]
            if last is None:
                return 0
            mac = conn.execute(f"SELECT mac FROM cg_decisions WHERE seq = {p}", (last,)).fetchone()[0] or GENESIS
            count = conn.execute(f"SELECT COUNT(*) FROM cg_decisions WHERE seq <= {p}", (last,)).fetchone()[0]
            previous = conn.execute("SELECT purged FROM cg_chain_anchor WHERE id = 1").fetchone()
            conn.execute(f"DELETE FROM cg_decision_rules WHERE decision_id IN (SELECT id FROM cg_decisions WHERE seq <= {p})", (last,))
            conn.execute(f"DELETE FROM cg_decisions WHERE seq <= {p}", (last,))
            conn.execute("DELETE FROM cg_chain_anchor")
            conn.execute(
                f"INSERT INTO cg_chain_anchor (id, seq, mac, purged, time, seal) VALUES (1, {p}, {p}, {p}, {p}, {p})",
                (last, mac, count + (previous[0] if previous else 0), self._time_param(before), chain_key.seal_anchor(int(last), mac)),
            )
            return int(count)

        return int(self._run(work))

    def _links(self, chained: bool, page: int) -> Iterator[StoredLink]:
        extra = ", d.prev_mac, d.mac" if chained else ""
        p = self.placeholder
        sql = f"SELECT d.seq, {', '.join('d.' + c for c in COLUMNS)}{extra} FROM cg_decisions d WHERE d.seq > {p} ORDER BY d.seq LIMIT {page}"
        after = -1
        while True:
            rows = self._run(lambda conn, after=after: conn.execute(sql, (after,)).fetchall())
            for row in rows:
                previous_mac, mac = (row[-2], row[-1]) if chained else (None, None)
                try:
                    fields: dict[str, Any] | None = self._fields(tuple(row[1 : 1 + len(COLUMNS)]))
                    problem = None
                except MalformedRow as exc:
                    fields, problem = None, str(exc)
                yield StoredLink(seq=row[0], id=str(row[1]), fields=fields, previous_mac=previous_mac, mac=mac, problem=problem)
            if len(rows) < page:
                return
            after = rows[-1][0]

    def summary(self, filters: Filters = Filters()) -> dict[str, Any]:
        """Counts by kind and verdict, and by rule and verdict, over `filters`."""
        where, params = self._where(filters)
        by_verdict_sql = f"SELECT d.kind, d.verdict, COUNT(*) FROM cg_decisions d{where} GROUP BY d.kind, d.verdict"
        by_rule_sql = (
            f"SELECT r.rule, d.kind, d.verdict, COUNT(DISTINCT d.id) FROM cg_decisions d "
            f"JOIN cg_decision_rules r ON r.decision_id = d.id{where} GROUP BY r.rule, d.kind, d.verdict"
        )

        def work(conn: Any) -> tuple[list[Any], list[Any]]:
            return conn.execute(by_verdict_sql, params).fetchall(), conn.execute(by_rule_sql, params).fetchall()

        verdict_rows, rule_rows = self._run(work)
        checks = {verdict: count for kind, verdict, count in verdict_rows if kind == "check"}
        overrides = sum(count for kind, _verdict, count in verdict_rows if kind == "override")
        dismissals = sum(count for kind, _verdict, count in verdict_rows if kind == "dismissal")
        rules: dict[str, dict[str, int]] = {}
        for rule, kind, verdict, count in rule_rows:
            entry = rules.setdefault(rule, {"block": 0, "warn": 0, "pass": 0, "override": 0})
            column = verdict if kind == "check" else kind  # "dismissal" appears only for rules that have some
            entry[column] = entry.get(column, 0) + count
        return {
            "since": iso(filters.since) if filters.since else None,
            "until": iso(filters.until) if filters.until else None,
            "checks": sum(checks.values()),
            "by_verdict": {v: checks.get(v, 0) for v in ("block", "warn", "pass")},
            "overrides": overrides,
            "dismissals": dismissals,
            "by_rule": [{"rule": rule, **counts} for rule, counts in sorted(rules.items())],
        }


class SQLiteDecisionLog(DecisionLog):
    placeholder = "?"
    ddl = (
        """CREATE TABLE IF NOT EXISTS cg_decisions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            time TEXT NOT NULL,
            kind TEXT NOT NULL,
            key_id TEXT, charter_name TEXT, charter_version TEXT, charter_sha256 TEXT,
            channel TEXT, audience TEXT, language TEXT, verdict TEXT,
            incomplete INTEGER NOT NULL DEFAULT 0,
            text_hmac TEXT NOT NULL, hmac_key_id TEXT NOT NULL, text_length INTEGER NOT NULL,
            findings TEXT NOT NULL, reason TEXT, text TEXT, elapsed_ms REAL,
            prev_mac TEXT, mac TEXT)""",
        """CREATE TABLE IF NOT EXISTS cg_chain_anchor (
            id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, mac TEXT NOT NULL, purged INTEGER NOT NULL, time TEXT NOT NULL,
            seal TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS cg_decisions_time ON cg_decisions (time)",
        """CREATE TABLE IF NOT EXISTS cg_decision_rules (
            decision_id TEXT NOT NULL REFERENCES cg_decisions (id), rule TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS cg_decision_rules_rule ON cg_decision_rules (rule, decision_id)",
        "CREATE INDEX IF NOT EXISTS cg_decision_rules_decision ON cg_decision_rules (decision_id)",
    )

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = str(path)

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=10)
            # WAL: readers never block the writer; NORMAL sync is durable across
            # process crashes (only a power loss may drop the last commits).
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error as exc:
            raise DecisionLogError(f"cannot open the SQLite decision log {self.path}: {exc}") from None
        return conn

    def _time_param(self, moment: datetime) -> str:
        return iso(moment)

    def _columns(self, conn: Any, table: str) -> set[str]:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})").fetchall()}

    def _lock_chain(self, conn: Any) -> None:
        conn.execute("BEGIN IMMEDIATE")  # the write lock now, before the head is read


class PostgresDecisionLog(DecisionLog):
    placeholder = "%s"
    ddl = (
        """CREATE TABLE IF NOT EXISTS cg_decisions (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            time TIMESTAMPTZ NOT NULL,
            kind TEXT NOT NULL,
            key_id TEXT, charter_name TEXT, charter_version TEXT, charter_sha256 TEXT,
            channel TEXT, audience TEXT, language TEXT, verdict TEXT,
            incomplete BOOLEAN NOT NULL DEFAULT FALSE,
            text_hmac TEXT NOT NULL, hmac_key_id TEXT NOT NULL, text_length INTEGER NOT NULL,
            findings JSONB NOT NULL, reason TEXT, text TEXT, elapsed_ms DOUBLE PRECISION,
            prev_mac TEXT, mac TEXT)""",
        """CREATE TABLE IF NOT EXISTS cg_chain_anchor (
            id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, mac TEXT NOT NULL, purged BIGINT NOT NULL, time TIMESTAMPTZ NOT NULL,
            seal TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS cg_decisions_time ON cg_decisions (time)",
        """CREATE TABLE IF NOT EXISTS cg_decision_rules (
            decision_id TEXT NOT NULL REFERENCES cg_decisions (id), rule TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS cg_decision_rules_rule ON cg_decision_rules (rule, decision_id)",
        "CREATE INDEX IF NOT EXISTS cg_decision_rules_decision ON cg_decision_rules (decision_id)",
    )

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def _connect(self) -> Any:
        try:
            import psycopg
        except ImportError:
            raise DecisionLogError("a postgresql:// decision log needs psycopg: pip install 'psycopg[binary]'") from None
        try:
            return psycopg.connect(self.url, connect_timeout=10, autocommit=True)
        except psycopg.Error as exc:
            # psycopg's message may include the URL's password: keep only the first line of the reason
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise DecisionLogError(f"cannot connect to the PostgreSQL decision log at {redact_url(self.url)}: {reason}") from None

    def _transaction(self, conn: Any) -> Any:
        # psycopg's `with conn:` would close the connection; transaction() commits or rolls back.
        return conn.transaction()

    def _columns(self, conn: Any, table: str) -> set[str]:
        rows = conn.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s AND table_schema = current_schema()", (table,)).fetchall()
        return {row[0] for row in rows}

    def _lock_chain(self, conn: Any) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (CHAIN_LOCK_ID,))

    def _json_param(self, value: Any) -> Any:
        from psycopg.types.json import Jsonb

        return Jsonb(value)

    def _is_connection_broken(self, exc: Exception) -> bool:
        import psycopg

        conn = getattr(self._local, "conn", None)
        return isinstance(exc, psycopg.OperationalError) or (conn is not None and conn.closed)


def redact_url(url: str) -> str:
    """`url` with any password replaced by ***."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def default_hmac_key_file(decision_log: str) -> Path:
    """Where the text-HMAC key is kept when no file is named: beside a SQLite log, else in the working directory."""
    if decision_log and not is_postgres_url(decision_log):
        return Path(decision_log + ".hmac-key")
    return Path("charterguard-hmac.key")


def open_log(url: str, *, create: bool = True) -> DecisionLog:
    """A SQLite file path (or sqlite:///path) or a postgresql:// URL; the schema is created when `create`."""
    if is_postgres_url(url):
        log: DecisionLog = PostgresDecisionLog(url)
    else:
        path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
        if not create and not Path(path).exists():
            raise DecisionLogError(f"no decision log at {path}: give the file the server writes (--db or CHARTERGUARD_DECISION_LOG)")
        log = SQLiteDecisionLog(path)
    if create:
        log.init_schema()
    return log

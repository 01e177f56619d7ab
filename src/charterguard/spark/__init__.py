"""Batch audits on Apache Spark: the same reports as `charterguard batch`, on a cluster.

    pip install 'charterguard[spark]'   # pyspark, pandas, pyarrow; Java 17 on the machines

    from charterguard.spark import check_dataframe, check_jsonl
    reports = check_jsonl(spark, "s3://bucket/posts.jsonl", charter="policies/acme.yaml")
    reports.select("report").write.text("s3://bucket/reports")   # input order, part by part

    df = spark.read.parquet("posts.parquet")   # columns id, text, channel, published
    reports = check_dataframe(df, charter="policies/acme.yaml", channel_col="channel", date_col="published")

    spark-submit --master spark://host:7077 "$(python -m charterguard.spark --job-file)" \\
        posts.jsonl -o reports/ --charter policies/acme.yaml         # see charterguard.spark.job

How it runs: the charter is loaded and resolved (`extends` included) on the
driver, and its validated form travels to the executors as JSON inside the
task closure, with the waivers loaded on the driver: executors never read a
charter or waiver path. `mapInPandas` sends Arrow batches of rows to Python
workers; each worker process builds one `RowChecker` on its first batch and
keeps it for every later task (Spark reuses Python workers), so spaCy models
load once per Python worker. Rows become output rows through
`charterguard.parallel.RowChecker` and JSONL lines are parsed by
`charterguard.sources.parse_jsonl_line`: the same code as the local batch,
which is why the reports are the same. pyspark is imported lazily:
charterguard does not need it for anything else.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..engine import DEFAULT_MAX_CHARS
from ..errors import CharterguardError
from ..parallel import GateConfig, Outcome, RowChecker
from ..sources import PostRow, parse_date, parse_jsonl_line

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped]
    from pyspark import Accumulator
    from pyspark.sql import DataFrame, SparkSession

    from ..charter.model import Charter
    from ..waivers import WaiverSet

__all__ = ["OUTPUT_SCHEMA", "PARTITIONS_PER_CORE", "ShippedGate", "check_dataframe", "check_jsonl",
           "default_partitions", "session", "ship"]

OUTPUT_SCHEMA = "line long, id string, channel string, verdict string, report string"
# Tasks per executor core: small enough tasks that a lost executor's work spreads
# over the others and no core idles at the end, few enough that the per-task
# overhead (Arrow batches, Python worker hand-off) stays negligible.
PARTITIONS_PER_CORE = 3
EXECUTOR_WAIT_S = 30.0  # at most, for executors to register before sizing partitions
EXECUTORS_SETTLED_S = 2.0


@dataclass(frozen=True, slots=True)
class ShippedGate:
    """What every Python worker needs to check rows as the driver would (picklable).

    `charter_json` is the charter's validated model after `extends`, as JSON: it
    rebuilds the same charter (same sha256) without reading any file."""

    charter_json: str
    waivers: WaiverSet | None = None
    max_chars: int = DEFAULT_MAX_CHARS

    @property
    def key(self) -> str:
        waivers = None if self.waivers is None else (
            self.waivers.today.isoformat(), sorted(w.key + (w.expires.isoformat(),) for w in self.waivers.waivers))
        return hashlib.sha256(json.dumps([self.charter_json, waivers, self.max_chars]).encode("utf-8")).hexdigest()

    def row_checker(self) -> RowChecker:
        from ..charter.model import Charter

        charter = Charter.from_spec_json(self.charter_json)
        return RowChecker(GateConfig(charter_ref=charter.name, waivers=self.waivers, max_chars=self.max_chars), charter)


def ship(charter: str | Path | Charter = "default", waivers: str | Path | WaiverSet | None = None,
         max_chars: int = DEFAULT_MAX_CHARS) -> ShippedGate:
    """Load the charter (a built-in name, a path relative to the driver's working
    directory, or a `Charter`) and the waivers on the driver, for the executors."""
    from ..charter.model import Charter
    from ..waivers import WaiverSet

    loaded = charter if isinstance(charter, Charter) else Charter.load(charter)
    if isinstance(waivers, (str, Path)):
        waivers = WaiverSet.load(waivers)  # loaded once on the driver: same expiry date everywhere
    return ShippedGate(loaded.spec_json(), waivers, max_chars)


_checkers: dict[str, RowChecker] = {}  # one per Python worker process and shipped gate


def _row_checker(gate: ShippedGate) -> RowChecker:
    key = gate.key
    checker = _checkers.get(key)
    if checker is None:
        checker = _checkers[key] = gate.row_checker()
    return checker


def _gate(charter: Any, waivers: Any) -> ShippedGate:
    return charter if isinstance(charter, ShippedGate) else ship(charter, waivers)


def _output(row: PostRow, outcome: Outcome) -> tuple[int, str | None, str | None, str | None, str]:
    data = outcome.to_dict()
    post_id = data.get("id")
    return (row.first_line, None if post_id is None else str(post_id), row.channel, data.get("verdict"),
            json.dumps(data, ensure_ascii=False))


def _frame(records: list[tuple[Any, ...]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(records, columns=["line", "id", "channel", "verdict", "report"])


def default_partitions(spark: SparkSession) -> int:
    """`PARTITIONS_PER_CORE` tasks per executor core (`defaultParallelism`), once
    the executors have registered (they do so seconds after the session starts;
    `defaultParallelism` only counts those registered)."""
    context = spark.sparkContext
    if not (context.master or "").startswith("local") and not context.getConf().contains("spark.default.parallelism"):
        _wait_for_executors(context)
    return max(1, context.defaultParallelism * PARTITIONS_PER_CORE)


def _wait_for_executors(context: Any, timeout: float = EXECUTOR_WAIT_S, settle: float = EXECUTORS_SETTLED_S) -> None:
    """Until at least one executor is registered and their number has not changed for `settle`
    seconds, or `timeout` (with dynamic allocation, give --partitions: executors come later)."""
    tracker = context._jsc.sc().statusTracker()
    deadline = time.monotonic() + timeout
    count, changed_at = -1, time.monotonic()
    while time.monotonic() < deadline:
        now_count = len(tracker.getExecutorInfos()) - 1  # the driver is listed too
        if now_count != count:
            count, changed_at = now_count, time.monotonic()
        elif count > 0 and time.monotonic() - changed_at >= settle:
            return
        time.sleep(0.25)


def check_jsonl(spark: SparkSession, path: str, charter: Any = "default", *, waivers: Any = None,
                uri: str | None = None, partitions: int | None = None,
                checked: Accumulator[int] | None = None) -> DataFrame:
    """Reports for a JSONL file (or directory of files): columns `line` (1-based),
    `id`, `channel`, `verdict`, `report` (the JSON line `charterguard batch`
    writes for that row).

    `charter` is a built-in name, a path on the driver, a `Charter` or a
    `ShippedGate` (`ship()`); `waivers` a path on the driver or a `WaiverSet`.
    The rows are spread over `partitions` tasks (default `default_partitions`)
    by ranges of lines, each in line order: writing the result (`.write.text`,
    `.write.parquet`) keeps input order part by part without a sort, and each
    post is checked once per action (`orderBy` would check every post twice:
    once to sample, once to sort; cache first if you need it).
    Lines are read as raw bytes, so invalid UTF-8 is reported exactly as locally.
    `checked`, an accumulator, counts the rows checked, re-runs included.
    """
    from pyspark.sql.types import BinaryType, LongType, StructField, StructType

    gate = _gate(charter, waivers)
    name = uri or path
    # Spark's text source keeps each line's bytes as they are (UTF8String is not
    # decoded): cast to binary, the parser then sees invalid UTF-8 exactly as the
    # local reader does. (RDD textFile would have decoded it with replacement.)
    lines = spark.read.text(path)
    raw = lines.select(lines["value"].cast("binary").alias("raw"))
    numbered = raw.rdd.zipWithIndex().map(lambda pair: (pair[1] + 1, bytes(pair[0][0])))
    frame = spark.createDataFrame(numbered, StructType([StructField("line", LongType()), StructField("raw", BinaryType())]))
    # Ranges of lines, sorted inside each: the range sampling reads raw lines, not reports.
    frame = frame.repartitionByRange(partitions or default_partitions(spark), "line").sortWithinPartitions("line")

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        checker = _row_checker(gate)
        for batch in batches:
            rows = [parse_jsonl_line(raw, int(number), name) for number, raw in zip(batch["line"], batch["raw"])
                    if bytes(raw).strip()]
            outcomes = checker.check(rows)
            if checked is not None:
                checked.add(len(rows))
            yield _frame([_output(row, outcome) for row, outcome in zip(rows, outcomes)])

    return frame.mapInPandas(run, OUTPUT_SCHEMA)


def check_dataframe(df: DataFrame, charter: Any = "default", *, text_col: str = "text", id_col: str | None = "id",
                    lang_col: str | None = None, channel_col: str | None = None, audience_col: str | None = None,
                    date_col: str | None = None, line_col: str | None = None, waivers: Any = None,
                    uri: str = "dataframe", partitions: int | None = None,
                    checked: Accumulator[int] | None = None) -> DataFrame:
    """Reports for a DataFrame of posts (one per row), with `mapInPandas`.

    `charter` and `waivers` as for `check_jsonl`. `line_col` is an ordering
    column copied to the output `line` (else 0). `partitions` repartitions the
    rows first (by ranges of `line_col` when given); else the DataFrame's own
    partitioning is kept. `checked` as for `check_jsonl`. Columns named `None`
    are not used; a missing column raises before any work.
    """
    columns = {"text": text_col, "id": id_col, "lang": lang_col, "channel": channel_col, "audience": audience_col,
               "date": date_col, "line": line_col}
    wanted = {field: column for field, column in columns.items() if column is not None}
    missing = [column for column in wanted.values() if column not in df.columns]
    if missing:
        raise CharterguardError(f"the DataFrame has no column(s) {missing}; it has {df.columns}")
    gate = _gate(charter, waivers)
    selected = df.select(*[df[column].alias(field) for field, column in wanted.items()])
    if partitions:
        selected = (selected.repartitionByRange(partitions, "line").sortWithinPartitions("line") if line_col
                    else selected.repartition(partitions))

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        checker = _row_checker(gate)
        for batch in batches:
            rows = [_post_row(record, uri) for record in batch.to_dict("records")]
            outcomes = checker.check(rows)
            if checked is not None:
                checked.add(len(rows))
            yield _frame([_output(row, outcome) for row, outcome in zip(rows, outcomes)])

    return selected.mapInPandas(run, OUTPUT_SCHEMA)


def _post_row(record: dict[str, Any], uri: str) -> PostRow:
    def value(field: str) -> Any:
        import pandas as pd

        item = record.get(field)
        return None if item is None or (not isinstance(item, str) and bool(pd.isna(item))) else item

    line = int(value("line") or 0)
    row_id = value("id")
    if hasattr(row_id, "item"):
        row_id = row_id.item()  # numpy scalar -> Python, so the report JSON is the same
    text = value("text")
    row = PostRow(id=row_id if row_id is not None else line or None, text=text, uri=uri, first_line=line, tabular=True)
    if not isinstance(text, str):
        return replace(row, text=None, problem=f"{uri}:{line}: field `text` is missing or not a string")
    context: dict[str, Any] = {}
    for field in ("lang", "channel", "audience"):
        if value(field) is not None:
            context[field] = str(value(field))
    if value("date") is not None:
        try:
            context["date"] = parse_date(value("date"), f"{uri}:{line}: field `date`")
        except CharterguardError as exc:
            return replace(row, problem=str(exc))
    return replace(row, **context)


def session(master: str | None = None, app_name: str = "charterguard") -> SparkSession:
    """The active SparkSession, or a new one on `master`.

    A master set elsewhere (`spark-submit --master`, `spark.master` in
    spark-defaults.conf) is never overridden; `local[*]` only when nothing set
    one. Other settings are defaults too (`spark-submit --conf` wins). In local
    mode the Python workers run this interpreter (where charterguard is
    installed); on a cluster they run `spark.pyspark.python` / `PYSPARK_PYTHON`,
    which must exist on every node (see the README: a packed environment).
    """
    from pyspark import SparkConf, SparkContext
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    SparkContext._ensure_initialized()  # type: ignore[attr-defined]  # the JVM's conf: what spark-submit set
    conf = SparkConf()
    if master:
        conf.setMaster(master)
    elif not conf.contains("spark.master"):
        conf.setMaster(os.environ.get("MASTER") or "local[*]")
    if conf.get("spark.master", "").startswith("local") and not (
            conf.contains("spark.pyspark.python") or "PYSPARK_PYTHON" in os.environ):
        os.environ["PYSPARK_PYTHON"] = sys.executable
    conf.setIfMissing("spark.app.name", app_name)
    conf.setIfMissing("spark.sql.execution.arrow.pyspark.enabled", "true")
    if conf.get("spark.master", "").startswith("local"):
        conf.setIfMissing("spark.ui.enabled", "false")  # no port taken on a developer's machine
        conf.setIfMissing("spark.sql.shuffle.partitions", "4")
    return SparkSession.builder.config(conf=conf).getOrCreate()


def job_file() -> str:
    """The driver script to give `spark-submit` (it runs `charterguard.spark.job.main`)."""
    return str(Path(__file__).with_name("__main__.py"))

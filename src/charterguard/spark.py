"""Batch audits on Apache Spark: the same reports as `charterguard batch`, on a cluster.

    pip install 'charterguard[spark]'   # pyspark, pandas, pyarrow; Java 17 on the machines

    from charterguard.spark import check_dataframe, check_jsonl
    reports = check_jsonl(spark, "s3://bucket/posts.jsonl", charter="policies/acme.yaml")
    reports.write.text(...)            # or .select("line", "verdict", "report") ...

    df = spark.read.parquet("posts.parquet")   # columns id, text, channel, published
    reports = check_dataframe(df, charter="policies/acme.yaml", channel_col="channel", date_col="published")

    python -m charterguard.spark posts.jsonl -o reports.jsonl --charter acme.yaml --master 'local[*]'

How it runs: `mapInPandas` sends Arrow batches of rows to Python workers; each
worker process builds one `RowChecker` (charter, `Checker`, waivers; spaCy
models load once per process) on its first batch and keeps it for every later
task (Spark reuses Python workers), so one Checker serves each executor worker.
Rows become output rows through `charterguard.parallel.RowChecker` and JSONL
lines are parsed by `charterguard.sources.parse_jsonl_line`: the same code as
the local batch, which is why the reports are the same.

The charter file (and waiver file) must be readable where the executors run
(a shared path, or `SparkContext.addFile` and a built-in name); the charter's
sha256 is in every report, so a mismatch is visible. pyspark is imported
lazily: charterguard does not need it for anything else.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .errors import CharterguardError
from .parallel import GateConfig, Outcome, RowChecker
from .sources import PostRow, parse_date, parse_jsonl_line

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

OUTPUT_SCHEMA = "line long, id string, channel string, verdict string, report string"
_checkers: dict[Any, RowChecker] = {}  # one per Python worker process and configuration


def _row_checker(config: GateConfig) -> RowChecker:
    key = (config.charter_ref, config.max_chars,
           None if config.waivers is None else (config.waivers.today, tuple(w.key + (w.expires,) for w in config.waivers.waivers)))
    checker = _checkers.get(key)
    if checker is None:
        checker = _checkers[key] = RowChecker(config)
    return checker


def _output(row: PostRow, outcome: Outcome) -> tuple[int, str | None, str | None, str | None, str]:
    data = outcome.to_dict()
    post_id = data.get("id")
    return (row.first_line, None if post_id is None else str(post_id), row.channel, data.get("verdict"),
            json.dumps(data, ensure_ascii=False))


def _frame(records: list[tuple[Any, ...]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(records, columns=["line", "id", "channel", "verdict", "report"])


def _config(charter: str, waivers: Any) -> GateConfig:
    from .waivers import WaiverSet

    if isinstance(waivers, (str, os.PathLike)):
        waivers = WaiverSet.load(waivers)  # loaded once on the driver: same expiry date everywhere
    return GateConfig(charter_ref=str(charter), waivers=waivers)


def check_jsonl(spark: SparkSession, path: str, charter: str = "default", *, waivers: Any = None,
                uri: str | None = None, partitions: int | None = None) -> DataFrame:
    """Reports for a JSONL file: columns `line` (1-based), `id`, `channel`, `verdict`, `report` (the
    JSON line `charterguard batch` writes for that row). Sort by `line` for input order.

    Lines are read as raw bytes, so invalid UTF-8 is reported exactly as locally.
    `partitions` spreads the rows over that many partitions (tasks) after numbering.
    """
    from pyspark.sql.types import BinaryType, LongType, StructField, StructType

    config = _config(charter, waivers)
    name = uri or path
    # Spark's text source keeps each line's bytes as they are (UTF8String is not
    # decoded): cast to binary, the parser then sees invalid UTF-8 exactly as the
    # local reader does. (RDD textFile would have decoded it with replacement.)
    lines = spark.read.text(path)
    raw = lines.select(lines["value"].cast("binary").alias("raw"))
    numbered = raw.rdd.zipWithIndex().map(lambda pair: (pair[1] + 1, bytes(pair[0][0])))
    frame = spark.createDataFrame(numbered, StructType([StructField("line", LongType()), StructField("raw", BinaryType())]))
    if partitions:
        frame = frame.repartition(partitions)

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        checker = _row_checker(config)
        for batch in batches:
            rows = [parse_jsonl_line(raw, int(number), name) for number, raw in zip(batch["line"], batch["raw"])
                    if bytes(raw).strip()]
            outcomes = checker.check(rows)
            yield _frame([_output(row, outcome) for row, outcome in zip(rows, outcomes)])

    return frame.mapInPandas(run, OUTPUT_SCHEMA)


def check_dataframe(df: DataFrame, charter: str = "default", *, text_col: str = "text", id_col: str | None = "id",
                    lang_col: str | None = None, channel_col: str | None = None, audience_col: str | None = None,
                    date_col: str | None = None, line_col: str | None = None, waivers: Any = None,
                    uri: str = "dataframe") -> DataFrame:
    """Reports for a DataFrame of posts (one per row), with `mapInPandas`.

    `line_col` is an ordering column copied to the output `line` (else 0).
    Columns named `None` are not used; a missing column raises before any work.
    """
    columns = {"text": text_col, "id": id_col, "lang": lang_col, "channel": channel_col, "audience": audience_col,
               "date": date_col, "line": line_col}
    wanted = {field: column for field, column in columns.items() if column is not None}
    missing = [column for column in wanted.values() if column not in df.columns]
    if missing:
        raise CharterguardError(f"the DataFrame has no column(s) {missing}; it has {df.columns}")
    config = _config(charter, waivers)
    selected = df.select(*[df[column].alias(field) for field, column in wanted.items()])

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        checker = _row_checker(config)
        for batch in batches:
            rows = [_post_row(record, uri) for record in batch.to_dict("records")]
            outcomes = checker.check(rows)
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


def session(master: str = "local[*]", app_name: str = "charterguard") -> SparkSession:
    """A SparkSession whose Python workers run this interpreter (where charterguard is installed)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(master).appName(app_name)
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )


def main(argv: list[str] | None = None) -> int:
    """`python -m charterguard.spark IN.jsonl -o OUT.jsonl`: the batch on Spark, output in input order."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m charterguard.spark", description=main.__doc__)
    parser.add_argument("source")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("-c", "--charter", default="default")
    parser.add_argument("--waivers")
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--summary-json")
    parser.add_argument("--summary-html")
    args = parser.parse_args(argv)
    from .render.summary import SummaryCollector, render_html

    spark = session(args.master)
    try:
        reports = check_jsonl(spark, args.source, args.charter, waivers=args.waivers, uri=args.source)
        summary = SummaryCollector()
        failed = errors = 0
        with open(args.output, "w", encoding="utf-8") as out:
            for row in reports.orderBy("line").toLocalIterator():
                out.write(row["report"] + "\n")
                data = json.loads(row["report"])
                summary.add(data, row["channel"])
                errors += "error" in data
                failed += data.get("verdict") == "block"
        numbers = summary.numbers()
        if args.summary_json:
            with open(args.summary_json, "w", encoding="utf-8") as f:
                json.dump(numbers, f, ensure_ascii=False, indent=2)
        if args.summary_html:
            with open(args.summary_html, "w", encoding="utf-8") as f:
                f.write(render_html(numbers))
        print(f"{summary.posts} posts, {failed} at or above block, {errors} not checked", file=sys.stderr)
        return 2 if errors else (1 if failed else 0)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())

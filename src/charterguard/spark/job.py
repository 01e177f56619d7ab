"""The batch as a Spark job: `python -m charterguard.spark` or `spark-submit`.

    spark-submit --master spark://host:7077 "$(python -m charterguard.spark --job-file)" \\
        posts.jsonl -o reports --charter policies/acme.yaml --waivers waivers.yaml

- The master is whatever spark-submit (or spark-defaults.conf) set; `--master`
  only when running without spark-submit; `local[*]` when nothing set one.
- The charter and waivers are loaded on the driver (paths relative to the
  driver's working directory) and shipped to the executors: a bad charter
  stops the job before Spark starts (exit 2).
- Rows are spread over `--partitions` tasks (default: `PARTITIONS_PER_CORE` per
  executor core), by ranges of lines.
- Executors write the reports (`--format jsonl`: `part-*.txt` files whose
  concatenation in name order is `charterguard batch`'s output; `parquet`:
  columns line, id, channel, verdict, report) into a hidden directory next to
  OUTPUT, renamed to OUTPUT only when the job succeeded: OUTPUT never holds a
  partial result. The reports are cached, so counting verdicts (and the
  optional summary) does not check any post again.
- Exit codes: 0, 1 and 2 as for `charterguard batch` (pass, a verdict at or
  above `--fail-on`, an input/charter/usage error or a row not checked);
  `EXIT_JOB_FAILED` (3) when the Spark job failed: OUTPUT is then not written.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CharterguardError
from ..report import VERDICT_RANK

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from ..waivers import WaiverLedger

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2  # the same meaning as `charterguard batch`
EXIT_JOB_FAILED = 3  # the Spark job failed (executors lost too often, task errors, storage): no output
OUTPUT_FORMATS = ("jsonl", "parquet")
WAIVER_USE = "waiver\t{}\t{}"  # counter key: uses of one waiver (rule, fingerprint)
MAX_ERROR_CHARS = 600  # of a Spark failure's message: its first lines say what failed


class JobFailed(Exception):
    """The Spark job failed; OUTPUT was not written."""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m charterguard.spark",
        description="Check every post of a JSONL file (or directory) on Spark; write one report per post.",
        epilog=f"Exit codes: {EXIT_OK} pass, {EXIT_FAILED} a verdict at or above --fail-on, {EXIT_ERROR} usage, charter "
               f"or input error (or a row not checked), {EXIT_JOB_FAILED} the Spark job failed (no output written).")
    p.add_argument("source", nargs="?", help="JSONL posts: a path or URL Spark can read (file, hdfs://, s3a://)")
    p.add_argument("-o", "--output", help="directory to create (it must not exist unless --overwrite)")
    p.add_argument("-c", "--charter", default="default", help="built-in name or YAML path on the driver")
    p.add_argument("--waivers", help="waiver file on the driver")
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="jsonl", dest="fmt")
    p.add_argument("--partitions", type=int, help="tasks (default: defaultParallelism x PARTITIONS_PER_CORE)")
    p.add_argument("--fail-on", choices=["warn", "block", "never"], default="block")
    p.add_argument("--master", help="only without spark-submit (default: what spark-submit set, else local[*])")
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT (only once the new one is complete)")
    p.add_argument("--summary-json", help="write the summary (charterguard.summary/1) to this local file")
    p.add_argument("--summary-html", help="write the summary page to this local file")
    p.add_argument("--job-file", action="store_true", help="print the driver script to give spark-submit, and exit")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the job; returns the exit code."""
    args = parser().parse_args(argv)
    if args.job_file:
        from . import job_file

        print(job_file())
        return EXIT_OK
    if not args.source or not args.output:
        parser().error("SOURCE and --output are required")
    if args.partitions is not None and args.partitions < 1:
        parser().error("--partitions must be at least 1")
    try:
        gate, charter_identity = _load_gate(args.charter, args.waivers)
        if _is_local(args.source) and not Path(args.source).exists():
            raise CharterguardError(f"cannot read {args.source}: no such file or directory")
        if _is_local(args.output) and Path(args.output).exists() and not args.overwrite:
            raise CharterguardError(f"{args.output} already exists: remove it or pass --overwrite")
    except CharterguardError as exc:
        _say(f"error: {exc}")
        return EXIT_ERROR

    from pyspark.sql import SparkSession

    from . import session

    owned = SparkSession.getActiveSession() is None  # a notebook's or Databricks' session stays up
    spark = session(args.master)
    try:
        return _run(spark, args, gate, charter_identity)
    except CharterguardError as exc:
        _say(f"error: {exc}")
        return EXIT_ERROR
    except JobFailed as exc:
        _say(f"error: the Spark job failed, {args.output} was not written: {exc}")
        return EXIT_JOB_FAILED
    finally:
        if owned:
            spark.stop()


def _load_gate(charter_ref: str, waivers_path: str | None) -> tuple[Any, dict[str, str]]:
    from ..charter.model import Charter
    from . import ship

    charter = Charter.load(charter_ref)
    return ship(charter, waivers_path), {"name": charter.name, "version": charter.version, "sha256": charter.sha256}


def _run(spark: SparkSession, args: argparse.Namespace, gate: Any, charter_identity: dict[str, str]) -> int:
    from pyspark import StorageLevel
    from pyspark.errors import AnalysisException

    from . import check_jsonl, default_partitions

    output = _HadoopPath(spark, args.output)
    if output.exists() and not args.overwrite:
        raise CharterguardError(f"{args.output} already exists: remove it or pass --overwrite")
    staging = output.sibling(f".{output.name}.charterguard-{uuid.uuid4().hex[:12]}.tmp")
    checks_run = spark.sparkContext.accumulator(0)
    reports: DataFrame | None = None
    try:
        try:
            partitions = args.partitions or default_partitions(spark)
            reports = check_jsonl(spark, args.source, gate, uri=args.source, partitions=partitions, checked=checks_run)
            reports = reports.persist(StorageLevel.MEMORY_AND_DISK)  # counted below without checking again
            _write(reports, args.fmt, staging.uri)
            if not staging.child("_SUCCESS").exists():
                raise JobFailed(f"the writer left no _SUCCESS marker in {staging.uri}")
            counts = _count(reports, args.fail_on)
            wants_summary = bool(args.summary_json or args.summary_html)
            numbers = _summary(reports, charter_identity, _ledger(gate, counts)) if wants_summary else None
        except AnalysisException as exc:  # the source does not exist or cannot be read
            raise CharterguardError(f"cannot read {args.source}: {_first_line(exc)}") from None
        except (JobFailed, CharterguardError):
            raise
        except Exception as exc:  # noqa: BLE001  # Py4J/Spark errors: a failed job, whatever its cause
            raise JobFailed(_first_line(exc)) from None
        staging.replace(output, overwrite=args.overwrite)
    finally:
        staging.delete()  # nothing left behind on failure (a no-op once renamed)
        if reports is not None:
            reports.unpersist()
    ledger = _ledger(gate, counts)
    if numbers is not None:
        _write_summaries(numbers, args)
    for message in ledger.messages() if ledger is not None else ():
        _say(f"warning: {message}")
    _say(f"{counts['posts']} posts, {counts['failed']} at or above {args.fail_on}, {counts['errors']} not checked, "
         f"{counts['waived']} finding(s) waived; verdicts: "
         + ", ".join(f"{verdict} {counts.get(verdict, 0)}" for verdict in VERDICT_RANK)
         + f"; {checks_run.value} checks run in {partitions} tasks (re-runs of lost tasks included); "
         f"reports in {args.output}")
    if counts["errors"]:
        return EXIT_ERROR
    return EXIT_FAILED if counts["failed"] else EXIT_OK


def _write(reports: DataFrame, fmt: str, uri: str) -> None:
    if fmt == "parquet":
        reports.write.parquet(uri)
    else:
        reports.select("report").write.text(uri)


def _count(reports: DataFrame, fail_on: str) -> Counter[str]:
    """Verdict, error, waiver and --fail-on counts: one small Counter per partition, summed on the driver."""
    def count(rows: Iterable[Any]) -> Iterator[Counter[str]]:
        counts: Counter[str] = Counter()
        for row in rows:
            data = json.loads(row["report"])
            counts["posts"] += 1
            for waived in data.get("waived", ()):
                counts["waived"] += 1
                counts[WAIVER_USE.format(waived["rule"], waived["fingerprint"])] += 1
            if "error" in data:
                counts["errors"] += 1
                continue
            counts[data["verdict"]] += 1
            if fail_on != "never" and VERDICT_RANK[data["verdict"]] >= VERDICT_RANK[fail_on]:
                counts["failed"] += 1
        yield counts

    total: Counter[str] = Counter({"posts": 0, "errors": 0, "failed": 0, "waived": 0})
    for partial in reports.select("report").rdd.mapPartitions(count).collect():
        total.update(partial)
    return total


def _ledger(gate: Any, counts: Counter[str]) -> WaiverLedger | None:
    """Waiver use over the run, from the per-partition counts (expired and unused waivers are reported)."""
    from ..waivers import WaiverLedger

    if gate.waivers is None:
        return None
    ledger = WaiverLedger(gate.waivers)
    ledger.waived_findings = counts["waived"]
    for key in ledger.uses:
        ledger.uses[key] = counts[WAIVER_USE.format(*key)]
    return ledger


def _summary(reports: DataFrame, charter_identity: dict[str, str], ledger: WaiverLedger | None) -> dict[str, Any]:
    """The summary of `charterguard batch`: the cached reports stream through the driver one
    partition at a time (constant memory)."""
    from ..render.summary import SummaryCollector

    summary = SummaryCollector(charter=charter_identity)
    for row in reports.select("report", "channel").toLocalIterator():
        summary.add_output(json.loads(row["report"]), row["channel"])
    return summary.numbers(ledger.to_dict() if ledger else None)


def _write_summaries(numbers: dict[str, Any], args: argparse.Namespace) -> None:
    from ..render.summary import render_html

    try:
        if args.summary_json:
            Path(args.summary_json).write_text(json.dumps(numbers, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if args.summary_html:
            Path(args.summary_html).write_text(render_html(numbers), encoding="utf-8")
    except OSError as exc:
        raise CharterguardError(f"cannot write the summary: {exc}") from None


class _HadoopPath:
    """A path on the file system Spark writes to (local, HDFS, S3...), through Hadoop's API."""

    def __init__(self, spark: SparkSession, uri: str, _jpath: Any = None) -> None:
        self._spark = spark
        jvm = spark.sparkContext._jvm  # type: ignore[attr-defined]
        assert jvm is not None
        path = _jpath if _jpath is not None else jvm.org.apache.hadoop.fs.Path(uri)
        self._fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())  # type: ignore[union-attr]
        self._path = self._fs.makeQualified(path)
        self.uri: str = self._path.toString()
        self.name: str = self._path.getName()

    def sibling(self, name: str) -> _HadoopPath:
        return _HadoopPath(self._spark, "", self._path.getParent().suffix("/" + name))

    def child(self, name: str) -> _HadoopPath:
        return _HadoopPath(self._spark, "", self._path.suffix("/" + name))

    def exists(self) -> bool:
        return bool(self._fs.exists(self._path))

    def delete(self) -> None:
        if self.exists():
            self._fs.delete(self._path, True)

    def replace(self, target: _HadoopPath, overwrite: bool) -> None:
        """Rename this (complete) directory to `target`; an old `target` goes only once the new one is ready."""
        old = None
        if target.exists():
            if not overwrite:
                raise CharterguardError(f"{target.uri} was created by something else during the job; nothing written")
            old = target.sibling(f".{target.name}.charterguard-{uuid.uuid4().hex[:12]}.old")
            if not self._fs.rename(target._path, old._path):
                raise JobFailed(f"cannot move the old {target.uri} aside")
        if not self._fs.rename(self._path, target._path):
            raise JobFailed(f"cannot rename {self.uri} to {target.uri}")
        if old is not None:
            old.delete()


def _is_local(path: str) -> bool:
    return "://" not in path and not path.startswith("file:")


def _first_line(exc: BaseException) -> str:
    """The start of a Spark/Py4J error: what failed, without the JVM stack (nor any row data)."""
    java = getattr(exc, "java_exception", None)  # Py4JJavaError: its first line only names the call
    text = str(java.toString() if java is not None else getattr(exc, "desc", None) or exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    return first[:MAX_ERROR_CHARS]


def _say(message: str) -> None:
    print(f"charterguard: {message}", file=sys.stderr)

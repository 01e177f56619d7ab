"""The batch on Apache Spark (local mode) produces exactly the same reports as the local batch.

Skipped, with the reason, only when pyspark (extra `spark`) or Java is missing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spark_standalone import spark_test_marks

from charterguard.errors import CharterguardError

from .conftest import GATE_CHARTER, without_timing, write_jsonl

pytestmark = spark_test_marks()

ROWS = [
    {"id": "a", "text": "Le projet Colibri avance", "channel": "linkedin"},
    {"id": "b", "text": "Un lancement révolutionnaire", "lang": "fr"},
    "not json",
    {"id": "c", "text": "Orion-7, mot de passe: Soleil2026", "channel": "x"},
    {"id": 4, "text": "Bonjour à toutes et à tous"},
    {"id": "d"},
    {"id": "e", "text": "Colibri", "date": "2026-03-01"},
    {"id": "f", "text": "x", "lang": "de"},
] + [{"id": f"p{i}", "text": f"Message {i} sur Colibri révolutionnaire"} for i in range(40)]


@pytest.fixture(scope="module")
def spark():
    from charterguard.spark import session

    spark = session("local[2]", "charterguard-tests")
    yield spark
    spark.stop()


def test_spark_jsonl_reports_equal_local_batch(spark, cli, tmp_path: Path) -> None:
    from charterguard.spark import check_jsonl
    from charterguard.waivers import fingerprint

    source = write_jsonl(tmp_path / "posts.jsonl", ROWS)
    source.write_bytes(source.read_bytes() + b'{"id": "bad-utf8", "text": "caf\xe9"}\n\n')
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "waivers:\n"
        f"  - {{rule: confidential.codenames, fingerprint: '{fingerprint('Orion-7')}', reason: public, author: me, expires: 2999-01-01}}\n",
        encoding="utf-8",
    )
    local = cli("batch", str(source), "-c", GATE_CHARTER, "--waivers", str(waivers), "-j", "2").jsonl()
    frame = check_jsonl(spark, str(source), GATE_CHARTER, waivers=str(waivers), uri=str(source), partitions=3)
    remote = [json.loads(row["report"]) for row in frame.orderBy("line").collect()]
    assert len(remote) == len(local) == len(ROWS) + 1
    assert without_timing(remote) == without_timing(local)
    assert any("waived" in r for r in remote) and any("error" in r for r in remote)


def test_spark_dataframe_equals_local_rows(spark, tmp_path: Path) -> None:
    import pandas as pd  # type: ignore[import-untyped]

    from charterguard.parallel import GateConfig, check_rows
    from charterguard.spark import _post_row, check_dataframe

    records = [r for r in ROWS if isinstance(r, dict) and "text" in r]
    table = pd.DataFrame({
        "n": range(1, len(records) + 1),
        "post_id": [str(r["id"]) for r in records],
        "body": [r["text"] for r in records],
        "network": [r.get("channel") for r in records],
        "published": [r.get("date") for r in records],
    })
    frame = check_dataframe(spark.createDataFrame(table), GATE_CHARTER, text_col="body", id_col="post_id",
                            channel_col="network", date_col="published", line_col="n", uri="table")
    remote = [json.loads(row["report"]) for row in frame.orderBy("line").collect()]
    local_rows = [_post_row({"line": i + 1, "id": str(r["id"]), "text": r["text"], "channel": r.get("channel"),
                             "date": r.get("date")}, "table") for i, r in enumerate(records)]
    local = [outcome.to_dict() for _row, outcome in check_rows(local_rows, GateConfig(GATE_CHARTER), 1)]
    assert without_timing(remote) == without_timing(local)
    with pytest.raises(CharterguardError, match=r"has no column\(s\) \['missing'"):
        check_dataframe(spark.createDataFrame(table), GATE_CHARTER, text_col="missing")


def test_spark_job_parquet_summary_and_waiver_warnings_equal_local_batch(spark, cli, tmp_path: Path, capsys) -> None:
    """`python -m charterguard.spark` in the session already running (it leaves it running):
    Parquet reports, the summary JSON and the waiver warnings are those of `charterguard batch`."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    from charterguard.spark.job import EXIT_ERROR, main
    from charterguard.waivers import fingerprint

    source = write_jsonl(tmp_path / "posts.jsonl", ROWS)
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "waivers:\n"
        f"  - {{rule: confidential.codenames, fingerprint: '{fingerprint('Orion-7')}', reason: public, author: me, expires: 2999-01-01}}\n"
        f"  - {{rule: confidential.codenames, fingerprint: '{fingerprint('Nowhere')}', reason: unused, author: me, expires: 2999-01-01}}\n"
        f"  - {{rule: tone.hype, fingerprint: '{fingerprint('révolutionnaire')}', reason: old, author: me, expires: 2001-01-01}}\n",
        encoding="utf-8",
    )
    local_summary = tmp_path / "local-summary.json"
    local = cli("batch", str(source), "-c", GATE_CHARTER, "--waivers", str(waivers), "--summary-json", str(local_summary))
    out, summary = tmp_path / "reports", tmp_path / "summary.json"
    args = [str(source), "-o", str(out), "-c", GATE_CHARTER, "--waivers", str(waivers), "--format", "parquet",
            "--summary-json", str(summary), "--partitions", "3"]
    capsys.readouterr()
    assert main(args) == local.exit_code == EXIT_ERROR  # rows not checked: 2 on both
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning:" in line]
    assert warnings == [line for line in local.stderr.splitlines() if "warning:" in line] and len(warnings) == 2
    table = pq.read_table(out).to_pylist()
    remote = [json.loads(row["report"]) for row in sorted(table, key=lambda row: row["line"])]
    assert without_timing(remote) == without_timing(local.jsonl())
    mine, theirs = json.loads(summary.read_text("utf-8")), json.loads(local_summary.read_text("utf-8"))
    assert {**mine, "generated_at": None} == {**theirs, "generated_at": None}
    assert spark.sparkContext._jsc is not None  # the session the job did not create is still up

    # OUTPUT exists: refused (exit 2) and kept; --overwrite replaces it only with a complete result.
    before = sorted(p.name for p in out.iterdir())
    assert main(args) == EXIT_ERROR and "already exists" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == before
    assert main([*args, "--overwrite", "--format", "jsonl"]) == EXIT_ERROR
    assert (out / "_SUCCESS").exists() and not list(out.glob("*.parquet"))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging left

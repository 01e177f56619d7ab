"""The batch on Apache Spark (local mode) produces exactly the same reports as the local batch.

Skipped, with the reason, only when pyspark (extra `spark`) or Java is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from charterguard.errors import CharterguardError

from .conftest import GATE_CHARTER, without_timing, write_jsonl

pyspark = pytest.importorskip("pyspark", reason="pyspark not installed (pip install '.[spark]')")
pytest.importorskip("pandas", reason="pandas not installed (pip install '.[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install '.[spark]')")


def _java_ok() -> bool:
    java = shutil.which("java")
    if java is None:
        return False
    try:
        return subprocess.run([java, "-version"], check=False, capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not _java_ok(), reason="Java (17+) is not installed: Spark needs a JVM (Debian: openjdk-17-jre-headless)"),
]

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
    import pandas as pd

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

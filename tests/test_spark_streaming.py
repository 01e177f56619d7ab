"""Structured Streaming: `check_dataframe` on a streaming DataFrame (here Spark's file source,
as a Kafka topic of JSON posts would be read) writes the reports of the batch, exactly once.

Local mode (`local[2]`); skipped, with the reason, only when pyspark or Java is missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spark_standalone import spark_test_marks

pytestmark = spark_test_marks()

GATE_CHARTER = str(Path(__file__).resolve().parent / "gate" / "data" / "gate.yaml")
TEXTS = ["Le projet Colibri avance", "Un lancement révolutionnaire", "wifi, mot de passe: Soleil2026",
         "Bonjour à toutes et à tous", "Orion-7 arrive"]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from charterguard.spark import session

    spark = session("local[2]", "charterguard-streaming-tests")
    yield spark
    spark.stop()


def test_a_stream_of_posts_gets_the_batch_reports_exactly_once(spark: Any, tmp_path: Path) -> None:
    from charterguard.parallel import GateConfig, check_rows
    from charterguard.spark import _post_row, check_dataframe

    incoming = tmp_path / "incoming"
    incoming.mkdir()
    posts = [{"id": f"m{i}", "text": f"{TEXTS[i % len(TEXTS)]} #{i}", "channel": ["x", "linkedin"][i % 2]}
             for i in range(120)]
    for start in range(0, len(posts), 40):  # three files arriving: three micro-batches at most
        (incoming / f"batch-{start:03d}.json").write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in posts[start:start + 40]), encoding="utf-8")

    stream = spark.readStream.schema("id string, text string, channel string").option("maxFilesPerTrigger", 1) \
        .json(str(incoming))
    reports = check_dataframe(stream, GATE_CHARTER, channel_col="channel", uri="stream")
    query = (reports.writeStream.format("parquet").option("checkpointLocation", str(tmp_path / "checkpoint"))
             .trigger(availableNow=True).start(str(tmp_path / "reports")))
    assert query.awaitTermination(300), "the stream did not drain in 300 s"
    assert query.exception() is None

    written = spark.read.parquet(str(tmp_path / "reports")).collect()
    remote = sorted((json.loads(row["report"]) for row in written), key=lambda r: int(r["id"][1:]))
    rows = [_post_row({"id": p["id"], "text": p["text"], "channel": p["channel"]}, "stream") for p in posts]
    local = [outcome.to_dict() for _row, outcome in check_rows(rows, GateConfig(GATE_CHARTER), 1)]
    assert [r["id"] for r in remote] == [p["id"] for p in posts]  # each post once, none missing
    assert [{k: v for k, v in r.items() if k != "elapsed_ms"} for r in remote] == \
        [{k: v for k, v in r.items() if k != "elapsed_ms"} for r in local]
    assert {row["channel"] for row in written} == {"x", "linkedin"}

"""The Spark job on a real standalone cluster (a master and two workers on loopback),
submitted with `spark-submit` as a data engineer would, gives the local batch's reports.

- The charter is a relative path that `extends` another relative file, the waivers
  a relative path: executors run in their own work directories, so the job only
  works if the driver ships them.
- charterguard reaches the executors as a zip of the package (`--py-files`); its
  dependencies are those of this interpreter (`spark.pyspark.python`).
- Killing a worker (its process group: worker, executor, Python workers) mid-job
  loses no post and duplicates none.
- A job that cannot run exits 3 and leaves no output.

Skipped, with the reason, only when pyspark or Java is missing.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spark_standalone import StandaloneCluster, package_zip, spark_test_marks, wait

pytestmark = spark_test_marks()

REPO = Path(__file__).resolve().parent.parent
GATE_CHARTER = REPO / "tests" / "gate" / "data" / "gate.yaml"  # no NLP rule: light Python workers
JOB_TIMEOUT_S = 420.0

WORDS = ["Le projet Colibri avance bien", "Un lancement révolutionnaire", "wifi, mot de passe: Soleil2026",
         "Bonjour à toutes et à tous", "Merci à toute l'équipe de Lyon", "Orion-7 arrive", "un vrai game changer",
         "Belle journée au salon", "changez vos mots de passe", "C O L I B R I en approche"]


def generated_posts(count: int, seed: int) -> Iterator[bytes]:
    """JSONL lines: posts of every verdict, ids of several types, and unreadable rows now and then."""
    rng = random.Random(seed)
    for index in range(count):
        roll = rng.random()
        if roll < 0.004:
            yield b"{not json"
        elif roll < 0.006:
            yield b'{"id": "bad-utf8-%d", "text": "caf\xe9"}' % index
        elif roll < 0.008:
            yield json.dumps({"id": f"no-text-{index}"}).encode()
        elif roll < 0.010:
            yield b""
        else:
            row: dict[str, Any] = {"id": index if rng.random() < 0.2 else f"p{index}",
                                   "text": " ; ".join(rng.sample(WORDS, rng.randint(1, 3))) + f" #{index}"}
            if rng.random() < 0.5:
                row["channel"] = rng.choice(["linkedin", "x", "instagram"])
            if rng.random() < 0.1:
                row["date"] = rng.choice(["2026-03-01", "2026-13-45"])
            yield json.dumps(row, ensure_ascii=False).encode()


def write_posts(path: Path, count: int, seed: int) -> Path:
    path.write_bytes(b"\n".join(generated_posts(count, seed)) + b"\n")
    return path


def without_timing(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k != "elapsed_ms"} for row in rows]


def read_output(directory: Path) -> list[dict[str, Any]]:
    """The job's JSONL part files, concatenated in name order."""
    return [json.loads(line) for part in sorted(directory.glob("part-*")) for line in part.read_text("utf-8").splitlines()]


def local_batch(workdir: Path, *args: str) -> tuple[int, list[dict[str, Any]], str]:
    """`charterguard batch` in its own process, from `workdir` (same relative paths as the job)."""
    out = workdir / "local.jsonl"
    done = subprocess.run([sys.executable, "-m", "charterguard", "batch", *args, "-o", str(out), "-j", "1"],
                          check=False, cwd=workdir, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    return done.returncode, [json.loads(line) for line in out.read_text("utf-8").splitlines()], done.stderr


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StandaloneCluster]:
    with StandaloneCluster(tmp_path_factory.mktemp("spark-cluster"), workers=2, cores=1, memory="1g") as running:
        yield running


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return package_zip(tmp_path_factory.mktemp("ship") / "charterguard.zip")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A driver working directory with a charter that extends another file, both relative."""
    policies = tmp_path / "policies"
    policies.mkdir()
    shutil.copy(GATE_CHARTER, policies / "base.yaml")
    (policies / "team.yaml").write_text("extends: ./base.yaml\nname: team\nversion: '7'\n", encoding="utf-8")
    from charterguard.waivers import fingerprint

    (tmp_path / "waivers.yaml").write_text(
        "waivers:\n"
        f"  - {{rule: confidential.codenames, fingerprint: '{fingerprint('Orion-7')}', reason: public, author: me, "
        "expires: 2999-01-01}\n", encoding="utf-8")
    return tmp_path


def job_args(package: Path, *extra: str) -> list[str]:
    from charterguard.spark import job_file

    return ["--executor-memory", "512m", "--conf", f"spark.pyspark.python={sys.executable}",
            "--py-files", str(package), job_file(), *extra]


def test_spark_submit_on_the_cluster_gives_the_local_batch_reports(cluster: StandaloneCluster, package: Path,
                                                                    workdir: Path) -> None:
    write_posts(workdir / "posts.jsonl", 3000, seed=18)
    charter = ["-c", "policies/team.yaml", "--waivers", "waivers.yaml"]
    code, local, _ = local_batch(workdir, "posts.jsonl", *charter)

    log = workdir / "driver.log"
    process = cluster.popen(job_args(package, "posts.jsonl", "-o", "reports", *charter), cwd=workdir, log=log)
    exit_code = wait(process, JOB_TIMEOUT_S)
    driver = log.read_text("utf-8", errors="replace")

    assert exit_code == code == 2, driver[-3000:]  # rows not checked (bad JSON, UTF-8, dates): exit 2 on both
    remote = read_output(workdir / "reports")
    assert len(remote) == len(local) > 2900
    assert without_timing(remote) == without_timing(local)
    assert (workdir / "reports" / "_SUCCESS").exists()
    assert {r["charter"]["name"] for r in remote if "charter" in r} == {"team"}
    assert any("waived" in r for r in remote) and any("error" in r for r in remote)
    # It ran on the cluster's executors, not in the driver (the `--master local` trap) ...
    assert "executor ID driver" not in driver
    completed = cluster.state()["completedapps"]
    assert completed and completed[-1]["cores"] >= 1, completed
    # ... over several tasks, and every post was checked exactly once (the summary line counts them).
    verdicts = {v: sum(1 for r in local if r.get("verdict") == v) for v in ("pass", "warn", "block")}
    summary = re.search(r"charterguard: (\d+) posts, (\d+) at or above block, (\d+) not checked.*verdicts: "
                        r"pass (\d+), warn (\d+), block (\d+); (\d+) checks run in (\d+) tasks", driver)
    assert summary, driver[-3000:]
    posts, failed, errors, passed, warned, blocked, checks, tasks = map(int, summary.groups())
    assert (posts, errors, passed, warned, blocked) == (len(local), sum("error" in r for r in local), *verdicts.values())
    assert failed == blocked and checks == posts
    assert tasks == 2 * 3  # 3 per executor core: both workers' cores counted


def test_a_failed_job_exits_3_and_writes_nothing(cluster: StandaloneCluster, package: Path, workdir: Path) -> None:
    write_posts(workdir / "posts.jsonl", 200, seed=3)
    log = workdir / "driver.log"
    # Executors that cannot start Python (an environment not shipped): every task fails.
    args = job_args(package, "posts.jsonl", "-o", "reports", "-c", "policies/team.yaml")
    args[args.index(f"spark.pyspark.python={sys.executable}")] = "spark.pyspark.python=/nonexistent/bin/python"
    process = cluster.popen(["--conf", f"spark.pyspark.driver.python={sys.executable}", "--conf",
                             "spark.task.maxFailures=2", *args], cwd=workdir, log=log)
    exit_code = wait(process, JOB_TIMEOUT_S)
    driver = log.read_text("utf-8", errors="replace")
    assert exit_code == 3, driver[-3000:]
    assert "charterguard: error: the Spark job failed, reports was not written" in driver
    assert "Traceback" not in driver.split("charterguard: error:")[-1]
    assert sorted(p.name for p in workdir.iterdir()) == ["driver.log", "policies", "posts.jsonl", "waivers.yaml"]


def test_killing_a_worker_mid_job_loses_and_duplicates_no_post(cluster: StandaloneCluster, package: Path,
                                                               workdir: Path) -> None:
    """Runs last in this module: it leaves the cluster with one worker."""
    write_posts(workdir / "posts.jsonl", 8000, seed=7)
    code, local, _ = local_batch(workdir, "posts.jsonl", "-c", "policies/team.yaml")

    log = workdir / "driver.log"
    process = cluster.popen(job_args(package, "posts.jsonl", "-o", "reports", "-c", "policies/team.yaml",
                                     "--partitions", "16"), cwd=workdir, log=log)
    # Kill worker 1 once a first task has committed its output: the job is under way.
    deadline = time.monotonic() + JOB_TIMEOUT_S
    while not list(workdir.glob(".reports.charterguard-*.tmp/_temporary/*/task_*")):
        assert process.poll() is None, log.read_text("utf-8", errors="replace")[-3000:]
        assert time.monotonic() < deadline, "no task committed in time"
        time.sleep(0.05)
    cluster.kill_worker(1)
    exit_code = wait(process, JOB_TIMEOUT_S)
    driver = log.read_text("utf-8", errors="replace")

    assert exit_code == code, driver[-3000:]
    assert re.search(r"Lost executor|ExecutorLost|executor \d+ lost|Removing executor", driver, re.IGNORECASE), \
        "the worker's executor was not lost: the kill came too late to test anything"
    remote = read_output(workdir / "reports")
    ids = [r["id"] for r in remote]
    assert len(ids) == len(local) and sorted(map(str, ids)) == sorted(str(r["id"]) for r in local)
    assert without_timing(remote) == without_timing(local)

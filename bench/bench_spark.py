"""Throughput per executor core of the Spark job, next to the local batch, in the same run.

    .venv/bin/python bench/bench_spark.py [--posts 200 1200] [--workers 2] [--charter default]

Spark: a real standalone cluster on loopback (tests/spark_standalone.py), WORKERS
workers of one core each; the job runs through `spark-submit` exactly as the
README says (charterguard shipped with `--py-files`, Python workers on this
interpreter). Each size of input is one job; the numbers are *marginal* between
the smallest and the largest size, so JVM start, executor start and spaCy model
loading (paid once per job) cancel out:

- posts/s per executor core (wall clock) = (N2 - N1) / (T2 - T1) / cores
- posts per executor CPU-second = (N2 - N1) / (C2 - C1), where C is the CPU time
  of every process of the workers' process groups (executor JVMs, their Python
  daemons and workers), sampled from /proc while they run

Local batch: `charterguard.parallel.check_rows` (what `charterguard batch` runs)
with 1 worker, steady state, in posts/s and posts per CPU-second (bench_batch.py).
Posts: bench_batch.py's ~300-character French posts. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Self

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "bench")]

from bench_batch import bench_charterguard, make_posts
from spark_standalone import StandaloneCluster, package_zip, wait

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class TreeCpu:
    """CPU seconds (utime + stime) of every process descending from some roots (a worker, its
    executor JVM, the executor's Python daemon, in its own process group, and Python workers),
    sampled while they live: a killed executor's Python workers are never reaped by it, so
    the roots' cutime would miss them."""

    def __init__(self, roots: set[int]) -> None:
        self.roots = roots
        self.seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.sample()

    def sample(self) -> None:
        parents: dict[int, int] = {}
        cpu: dict[int, float] = {}
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat", encoding="ascii") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(name)] = int(fields[1])
            cpu[int(name)] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        for pid, seconds in cpu.items():
            ancestor, hops = pid, 0
            while ancestor not in self.roots and ancestor > 1 and hops < 64:
                ancestor, hops = parents.get(ancestor, 0), hops + 1
            if ancestor in self.roots:
                self.seen[pid] = max(self.seen.get(pid, 0.0), seconds)

    @property
    def seconds(self) -> float:
        return sum(self.seen.values())


def idle(cluster: StandaloneCluster, timeout: float = 120.0) -> None:
    """Wait until no application runs (its executors have exited: their CPU is in the workers' cutime)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = cluster.state()
        if not state.get("activeapps") and all(w.get("coresused", 0) == 0 for w in state.get("workers", [])):
            time.sleep(1.0)
            return
        time.sleep(0.5)
    raise TimeoutError("the application did not finish")


def run_job(cluster: StandaloneCluster, workdir: Path, package: Path, posts: list[str], charter: str,
            memory: str) -> tuple[float, float, str]:
    source = workdir / f"posts-{len(posts)}.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t, "lang": "fr"}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(posts)), encoding="utf-8")
    from charterguard.spark import job_file

    idle(cluster)
    started = time.perf_counter()
    log = workdir / f"driver-{len(posts)}.log"
    with TreeCpu({worker.pid for worker in cluster.workers}) as cpu:
        cpu.sample()
        before = dict(cpu.seen)  # the worker daemons' own CPU so far
        process = cluster.popen(["--executor-memory", "512m", "--conf", f"spark.pyspark.python={sys.executable}",
                                 "--conf", f"spark.executor.pyspark.memory={memory}",
                                 "--py-files", str(package), job_file(), source.name, "-o", f"out-{len(posts)}",
                                 "-c", charter, "--fail-on", "never"], cwd=workdir, log=log)
        code = wait(process, 3600)
        elapsed = time.perf_counter() - started
        idle(cluster)
    executor_cpu = cpu.seconds - sum(before.values())
    summary = [line for line in log.read_text("utf-8", errors="replace").splitlines() if line.startswith("charterguard:")]
    if code != 0:
        raise SystemExit(f"the job failed ({code}): {summary}; see {log}")
    return elapsed, executor_cpu, summary[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs=2, default=[200, 6200], metavar=("N1", "N2"))
    parser.add_argument("--workers", type=int, default=2, help="workers of one core each")
    parser.add_argument("--charter", default="default")
    parser.add_argument("--pyspark-memory", default="2g", help="spark.executor.pyspark.memory (per executor of one core)")
    args = parser.parse_args()
    small, large = sorted(args.posts)
    posts = make_posts(large)
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"posts: {small} and {large} French posts (~300 characters); charter: {args.charter}")
    print(f"load average at start: {os.getloadavg()[0]:.1f}")

    seconds, steady, cpu_rate, _ = bench_charterguard(posts, 1, args.charter)
    print(f"local batch, 1 worker: {steady:8.1f} posts/s steady (wall clock), {cpu_rate:8.1f} posts per CPU-second "
          f"({large / seconds:.1f} posts/s end to end incl. model load)")

    workdir = Path(tempfile.mkdtemp(prefix="bench-spark-"))  # kept: the driver and cluster logs
    print(f"work directory (logs): {workdir}")
    package = package_zip(workdir / "charterguard.zip")
    with StandaloneCluster(workdir / "cluster", workers=args.workers, cores=1, memory="2g") as cluster:
        runs = {}
        for count in (small, large):
            runs[count] = run_job(cluster, workdir, package, posts[:count], args.charter, args.pyspark_memory)
            print(f"spark job, {count:6d} posts on {args.workers} executor cores: {runs[count][0]:7.1f} s wall, "
                  f"{runs[count][1]:7.1f} executor CPU-s  [{runs[count][2]}]")
    (t1, c1, _), (t2, c2, _) = runs[small], runs[large]
    per_cpu = (large - small) / max(c2 - c1, 1e-9)
    print(f"spark, marginal: {per_cpu:8.1f} posts per executor CPU-second (executor JVMs + Python workers), "
          f"{per_cpu / cpu_rate:.2f}x the local batch's {cpu_rate:.1f} posts per CPU-second")
    if t2 > t1:
        per_core = (large - small) / (t2 - t1) / args.workers
        print(f"  wall clock: {per_core:8.1f} posts/s per executor core, {per_core / steady:.2f}x the local batch's "
              f"{steady:.1f} posts/s (both skewed by other load on the machine)")
    else:
        print(f"  wall clock: not measurable in this run (the larger job took {t2:.0f} s, the smaller {t1:.0f} s: "
              "start-up and other load dominate); on a dedicated core, posts/s = posts per CPU-second")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

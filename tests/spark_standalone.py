"""A real Spark standalone cluster on loopback, started from the pyspark installation.

    with StandaloneCluster(tmp_path, workers=2) as cluster:
        result = cluster.submit(["--py-files", "cg.zip", job, "posts.jsonl", "-o", "out"], cwd=tmp_path)
        cluster.kill_worker(1)

A master and workers are separate JVMs (`spark-class ...Master` / `...Worker`),
each in its own process group: stopping the cluster, or killing one worker,
kills that group (the worker, its executor and the executor's Python workers),
as when a node dies. Every wait is bounded. Used by tests/test_spark_cluster.py
and bench/bench_spark.py.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import pytest

START_TIMEOUT_S = 180.0  # JVM starts on a loaded 2-core CI machine
REPO = Path(__file__).resolve().parent.parent


def package_zip(path: Path) -> Path:
    """charterguard as `spark-submit --py-files` ships it: the package at the zip's root, with the
    built-in charters in `charterguard/policies` (the wheel's layout, see pyproject.toml)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted((REPO / "src" / "charterguard").rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                archive.write(file, file.relative_to(REPO / "src"))
        for charter in sorted((REPO / "policies").glob("*.yaml")):
            archive.write(charter, f"charterguard/policies/{charter.name}")
    return path


def spark_home() -> str:
    import pyspark

    return os.path.dirname(pyspark.__file__)


def java_runs() -> bool:
    java = shutil.which("java")
    if java is None:
        return False
    try:
        return subprocess.run([java, "-version"], check=False, capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def spark_test_marks() -> list[pytest.MarkDecorator]:
    """For a test module that runs Spark: skip it, saying why, without pyspark, pandas or
    pyarrow (extra `spark`) or without a JVM; its tests are marked slow."""
    for module in ("pyspark", "pandas", "pyarrow"):
        pytest.importorskip(module, reason=f"{module} not installed (pip install '.[spark]')")
    return [
        pytest.mark.slow,
        pytest.mark.skipif(not java_runs(), reason="Java (17+) is not installed: Spark needs a JVM (bash .ci/install-java.sh)"),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class StandaloneCluster:
    def __init__(self, work_dir: Path, workers: int = 2, cores: int = 1, memory: str = "1g") -> None:
        self.work_dir = work_dir
        self.n_workers, self.cores, self.memory = workers, cores, memory
        self.home = spark_home()
        self.port, self.ui_port = free_port(), free_port()
        self.master_url = f"spark://127.0.0.1:{self.port}"
        self.env = {**os.environ, "SPARK_HOME": self.home, "SPARK_LOCAL_IP": "127.0.0.1",
                    "SPARK_NO_DAEMONIZE": "1", "SPARK_LOG_DIR": str(work_dir / "logs")}
        self.master: subprocess.Popen[bytes] | None = None
        self.workers: list[subprocess.Popen[bytes]] = []

    # -- life cycle ------------------------------------------------------------
    def __enter__(self) -> Self:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    def start(self) -> None:
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.master = self._spawn("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                                  "--port", str(self.port), "--webui-port", str(self.ui_port))
        self._wait(lambda state: state.get("status") == "ALIVE", "the master")
        for index in range(self.n_workers):
            work = self.work_dir / f"worker{index}"
            work.mkdir(exist_ok=True)
            self.workers.append(self._spawn(
                f"worker{index}", "org.apache.spark.deploy.worker.Worker", self.master_url, "--host", "127.0.0.1",
                "--cores", str(self.cores), "--memory", self.memory, "--webui-port", str(free_port()),
                "--work-dir", str(work)))
        self._wait(lambda state: self.alive_workers(state) >= self.n_workers, f"{self.n_workers} workers")

    def stop(self) -> None:
        for process in [*self.workers, *([self.master] if self.master else [])]:
            _kill_group(process)
        self.workers, self.master = [], None

    def kill_worker(self, index: int) -> None:
        """SIGKILL worker `index` with its executor and Python workers (its process group)."""
        _kill_group(self.workers[index])

    # -- state ---------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.ui_port}/json/", timeout=10) as response:
            return dict(json.load(response))

    @staticmethod
    def alive_workers(state: dict[str, Any]) -> int:
        return sum(1 for worker in state.get("workers", []) if worker.get("state") == "ALIVE")

    def _wait(self, ready: Callable[[dict[str, Any]], bool], what: str) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            for process in [self.master, *self.workers]:
                if process is not None and process.poll() is not None:
                    raise RuntimeError(f"a Spark daemon exited (pid {process.pid}); logs in {self.work_dir}")
            try:
                if ready(self.state()):
                    return
            except OSError:
                pass  # the master's web UI is not up yet
            time.sleep(0.5)
        raise TimeoutError(f"{what} not ready after {START_TIMEOUT_S:.0f} s; logs in {self.work_dir}")

    def _spawn(self, name: str, main_class: str, *args: str) -> subprocess.Popen[bytes]:
        with open(self.work_dir / f"{name}.log", "wb") as log:  # the child keeps its own descriptor
            return subprocess.Popen([f"{self.home}/bin/spark-class", main_class, *args], env=self.env,
                                    stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    # -- jobs ----------------------------------------------------------------
    def submit_command(self, args: list[str]) -> list[str]:
        return [f"{self.home}/bin/spark-submit", "--master", self.master_url,
                "--conf", "spark.ui.enabled=false", "--conf", "spark.ui.showConsoleProgress=false", *args]

    def submit_env(self, **extra: str) -> dict[str, str]:
        """The driver's environment: this interpreter (and this checkout's sources) for the driver."""
        src = str(REPO / "src")
        return {**self.env, "PYSPARK_DRIVER_PYTHON": sys.executable, "PYSPARK_PYTHON": sys.executable,
                "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])), **extra}

    def popen(self, args: list[str], cwd: Path, log: Path, **env: str) -> subprocess.Popen[bytes]:
        with open(log, "wb") as out:
            return subprocess.Popen(self.submit_command(args), cwd=cwd, env=self.submit_env(**env),
                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def wait(process: subprocess.Popen[bytes], timeout: float) -> int:
    """The exit code; the process group is killed (and TimeoutError raised) after `timeout` seconds."""
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise TimeoutError(f"{process.args!r} still running after {timeout:.0f} s") from None


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)
    else:
        # The daemon is gone; its children (an executor, Python workers) may not be.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

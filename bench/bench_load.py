"""A charter with 10,000 code names: one `Charter.load` and one CLI `check`, and how many
times the terms index is built for each (target: once per terms rule and allow list).

The charter extends the built-in default with 10,000 code names (bench_terms.codenames).
Each measure runs in a fresh process with PYTHONPATH set to --src (default: this
checkout's src/), so two source trees can be compared in one run, interleaved:

    python bench/bench_load.py [--runs 3] [--src src --src /tmp/other/src]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent / "src"), str(Path(__file__).resolve().parent)]
from bench_terms import codenames

ROOT = Path(__file__).resolve().parent.parent
POST = "Le projet avance bien, merci à toute l'équipe !"

# Counts TermIndex builds in this process (the CLI's worker processes, if any, are not counted).
LOAD = """
import json, sys, time
from charterguard.text import termindex
builds = [0]
init = termindex.TermIndex.__init__
def counting(self, *args, **kwargs):
    builds[0] += 1
    init(self, *args, **kwargs)
termindex.TermIndex.__init__ = counting
from charterguard import Charter
start = time.perf_counter()
charter = Charter.load(sys.argv[1])
elapsed = time.perf_counter() - start
print(json.dumps({"load_s": elapsed, "index_builds": builds[0], "rules": len(charter.rules)}))
"""


def write_charter(folder: Path, count: int) -> Path:
    path = folder / "ten_thousand.yaml"
    names = "\n".join(f"    - {json.dumps(name)}" for name in codenames(count))
    path.write_text(f"name: bench-load\nextends: default\ncompany:\n  name: Acme\n  codenames:\n{names}\n", encoding="utf-8")
    return path


def run(src: str, args: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (this child and its descendants) and stdout of one fresh process."""
    env = {**os.environ, "PYTHONPATH": src}
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = os.times()
    if done.returncode not in ok:
        raise SystemExit(f"{args[:3]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system), done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--src", action="append", help="a source tree to measure (repeat to compare); default: ./src")
    args = parser.parse_args()
    trees = args.src or [str(ROOT / "src")]
    results: dict[str, dict[str, list[float]]] = {tree: {"load": [], "builds": [], "cli": [], "cli_cpu": []} for tree in trees}
    with tempfile.TemporaryDirectory() as folder:
        charter = write_charter(Path(folder), args.count)
        for _ in range(args.runs):
            for tree in trees:  # interleaved: load from other processes hits every tree alike
                _wall, _cpu, out = run(tree, ["-c", LOAD, str(charter)])
                measured = json.loads(out)
                results[tree]["load"].append(measured["load_s"])
                results[tree]["builds"].append(measured["index_builds"])
                wall, cpu, _out = run(tree, ["-m", "charterguard", "check", "--charter", str(charter), POST], ok=(0, 1))
                results[tree]["cli"].append(wall)
                results[tree]["cli_cpu"].append(cpu)
    print(f"charter: default + {args.count:,} code names; median of {args.runs} fresh processes each")
    for tree, r in results.items():
        print(f"{tree}: Charter.load {statistics.median(r['load']):.2f} s ({statistics.median(r['builds']):.0f} term index builds)"
              f" | CLI check: wall {statistics.median(r['cli']):.2f} s, CPU {statistics.median(r['cli_cpu']):.2f} s")


if __name__ == "__main__":
    main()

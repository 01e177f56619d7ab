"""Cold start of `charterguard check` with a charter that needs no NLP.

Runs the CLI as a fresh process several times and prints the median wall time,
next to the import time of spaCy and of Presidio in fresh processes (what a
check would cost if they were imported eagerly). Target: < 0.6 s.

    python bench/bench_cold_start.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHARTER = Path(__file__).resolve().parent.parent / "tests" / "data" / "charters" / "codenames.yaml"


def wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    python = sys.executable
    check = [python, "-m", "charterguard", "check", "Le projet Colibri avance bien", "--charter", str(CHARTER)]
    rows = [
        ("python -c pass", [python, "-c", "pass"]),
        ("charterguard check (no-NLP charter)", check),
        ("import spacy", [python, "-c", "import spacy"]),
        ("import presidio_analyzer", [python, "-c", "import presidio_analyzer"]),
    ]
    print(f"median wall time of {args.runs} fresh processes")
    for label, command in rows:
        print(f"{label:40s} {wall(command, args.runs):6.3f} s" + ("   (target < 0.600 s)" if command is check else ""))


if __name__ == "__main__":
    main()

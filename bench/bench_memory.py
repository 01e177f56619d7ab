"""Memory of `charterguard batch` on a large generated JSONL file (default: 1,000,000 posts).

    .venv/bin/python bench/bench_memory.py [--posts 1000000] [--workers 2] [--charter tests/gate/data/gate.yaml]

Generates the file in a temporary folder, runs the batch as a subprocess and
samples the resident memory of the whole process tree (parent + workers) from
/proc every 0.2 s, against how much output was written. Prints RSS at 10 %, 50 %
and 100 % of the output and the peak; memory should not grow with input size.
Linux only. The default charter is the small no-NLP test charter so that a
million posts finish in minutes on 2 cores; pass --charter default to include NLP.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ["Le projet Colibri avance bien", "Bonjour à toutes et à tous", "Un lancement révolutionnaire demain",
         "Orion-7 et Colibri en production", "Le wifi, mot de passe: Soleil2026"]


def rss_kib(pid: int) -> int:
    total, pids = 0, [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{current}/task").iterdir():
                pids.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, AttributeError):
            continue
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--workers", default="2")
    parser.add_argument("--charter", default=str(ROOT / "tests" / "gate" / "data" / "gate.yaml"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "posts.jsonl", Path(folder) / "reports.jsonl"
        with open(source, "w", encoding="utf-8") as f:
            f.writelines(json.dumps({"id": f"post-{i}", "text": f"{TEXTS[i % len(TEXTS)]} n°{i}",
                                    "channel": ["linkedin", "x", "internal"][i % 3]}, ensure_ascii=False) + "\n" for i in range(args.posts))
        print(f"input: {args.posts:,} posts, {source.stat().st_size / 2**20:.0f} MiB; workers {args.workers}; charter {args.charter}")
        command = [str(Path(sys.executable).parent / "charterguard"), "batch", str(source), "-o", str(out),
                   "-c", args.charter, "-j", args.workers, "--no-progress", "--summary-json", str(Path(folder) / "s.json")]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        samples: list[tuple[int, int]] = []
        while process.poll() is None:
            samples.append((out.stat().st_size if out.exists() else 0, rss_kib(process.pid)))
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
        print(process.stderr.read().decode().strip().splitlines()[-1])
        final = out.stat().st_size
        for share in (0.1, 0.5, 0.9):
            near = [rss for size, rss in samples if size >= share * final]
            print(f"RSS (parent + workers) at {share:.0%} of the output: {near[0] / 1024:7.1f} MiB" if near else "")
        print(f"peak RSS: {max(r for _s, r in samples) / 1024:.1f} MiB; {elapsed:.0f} s, {args.posts / elapsed:,.0f} posts/s")


if __name__ == "__main__":
    main()

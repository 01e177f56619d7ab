"""Cost of the inside-information rules per ~300-character post (median, p95), single thread.

    .venv/bin/python bench/bench_inside.py [--rounds 5]

Posts are made by joining lines of bench/data/corporate_*.txt up to ~300 characters
(ordinary posts: the common case), as bench/bench_tone.py does. Measured, interleaved
post by post so that load from other processes hits every row alike:
- "added": the `find` of every inside_information rule of the default charter, and
  apart, of every `semantic` rule (example-defined clauses: the sentence encoder runs
  on the sentences holding a prefilter word);
- "check without" / "check with": the whole default check without those rules and
  with them (the difference is what they add to a check);
- the same "added" on the topic-bearing posts of bench/data/inside_*.jsonl (the
  second stage runs there: cue lists, and spaCy's morphology for French sentences
  without a cue word), to show the cost off the common path.
Also "without its learned reading": the same rules with `learned: false`, interleaved post by
post, so that the difference is what the learned reading (gate, and the encoder on the few
posts past it) adds. CPU time of this thread is the cost; wall time also counts waits on a
shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# The same ~300-character posts as the tone bench (concatenated corporate lines).
from bench_tone import posts as corporate_posts

from charterguard.analysis import Post
from charterguard.charter.model import Charter
from charterguard.engine import Checker

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def topic_posts(language: str) -> list[str]:
    path = ROOT / "bench" / "data" / f"inside_{language}.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def line(label: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return (
        f"{label:44} median {statistics.median(ordered):7.3f} ms   mean {statistics.mean(ordered):7.3f} ms   "
        f"p95 {p95:7.3f} ms   n={len(ordered)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    charter = Charter.load("default")
    inside = {r.spec.id for r in charter.rules if r.spec.kind == "inside_information" and r.spec.enabled}
    semantic = {r.spec.id for r in charter.rules if r.spec.kind == "semantic" and r.spec.enabled}
    ids = inside | semantic
    detectors = [r.detector for r in charter.rules if r.spec.id in inside]
    # The same rules without their learned reading (inside/model.py): what the reading adds.
    without_learned = [type(r.detector)(r.spec.model_copy(update={"learned": False}), charter.company) for r in charter.rules if r.spec.id in inside]
    semantic_detectors = [r.detector for r in charter.rules if r.spec.id in semantic]
    with_rules = Checker(charter)
    without = Checker(charter.only({r.spec.id for r in charter.rules} - ids))
    print(f"load average {os.getloadavg()[0]:.2f}; rules measured: {', '.join(sorted(ids))}")
    for language in ("fr", "en"):
        texts = corporate_posts(language)
        started = time.perf_counter()
        for checker in (with_rules, without):  # spaCy pipelines, lexicons, first parses
            for text in texts[:3] + topic_posts(language)[:3]:
                checker.check(text, lang=language, now=NOW)
        print(f"\n{language}: warm-up {(time.perf_counter() - started) * 1000:.0f} ms; {len(texts)} corporate posts "
              f"of ~{statistics.mean(len(t) for t in texts):.0f} chars")
        added, added_rules, added_semantic, check_with, check_without = [], [], [], [], []
        for _ in range(args.rounds):
            for text in texts:
                post = Post(text, language=language, channel=None, audience=None, now=NOW)
                started_cpu = time.thread_time()
                for detector in detectors:
                    list(detector.find(post))
                added.append((time.thread_time() - started_cpu) * 1000)
                post = Post(text, language=language, channel=None, audience=None, now=NOW)
                started_cpu = time.thread_time()
                for detector in without_learned:
                    list(detector.find(post))
                added_rules.append((time.thread_time() - started_cpu) * 1000)
                started_cpu = time.thread_time()
                for detector in semantic_detectors:
                    list(detector.find(post))
                added_semantic.append((time.thread_time() - started_cpu) * 1000)
                started_cpu = time.thread_time()
                without.check(text, lang=language, now=NOW)
                check_without.append((time.thread_time() - started_cpu) * 1000)
                started_cpu = time.thread_time()
                with_rules.check(text, lang=language, now=NOW)
                check_with.append((time.thread_time() - started_cpu) * 1000)
        print(line(f"{language} added by inside_information (cpu)", added))
        print(line(f"{language} ... without its learned reading (cpu)", added_rules))
        print(line(f"{language} added by semantic rules (cpu)", added_semantic))
        print(line(f"{language} whole check without both (cpu)", check_without))
        print(line(f"{language} whole check with both (cpu)", check_with))
        topical = []
        for _ in range(args.rounds):
            for text in topic_posts(language):
                post = Post(text, language=language, channel=None, audience=None, now=NOW)
                started_cpu = time.thread_time()
                for detector in detectors:
                    list(detector.find(post))
                topical.append((time.thread_time() - started_cpu) * 1000)
        print(line(f"{language} added, topic-bearing posts (cpu)", topical))
    print("\ntarget: tone + inside information add <= 2 ms median per ~300-char French post "
          "(measured together, on the same posts: bench/bench_tone.py --together-only)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

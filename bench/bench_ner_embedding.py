"""The NER's forward before its transition loop: thinc's layers vs `ner_embedding`, per call.

"thinc" is what spaCy's ParserStepModel runs (`ner.model.get_ref("tok2vec")(docs)` then
`get_ref("lower")`, through `Model.predict`); "fused" is `ner_embedding.precomputed(ner, docs)`.
For each language, batch size (docs per call) and doc length (tokens), both are timed in
alternation, round after round, so the machine's load weighs on both alike; the median of
each is printed in ms, with their ratio and the largest difference between the outputs
(float32 rounding: see ner_embedding's doc). The same docs are sent round after round, so
after the first call "fused" finds every token's embedding row kept: the steady state of a
server for words it has met before.

    PYTHONPATH=src python bench/bench_ner_embedding.py [--languages fr,en] [--docs 1,8]
        [--tokens 3,20,60,120] [--rounds 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from charterguard import nlp  # noqa: E402
from charterguard.blas import limit_blas_threads  # noqa: E402

# Words of real posts (bench/data), cycled to the length wanted: the same text for both paths.
DATA = Path(__file__).resolve().parent / "data"


def words(language: str) -> list[str]:
    text = (DATA / f"corporate_posts_{language}.txt").read_text(encoding="utf-8")
    return text.split()


def thinc_forward(ner: Any, docs: list[Any]) -> tuple[Any, Any]:
    vectors = ner.model.get_ref("tok2vec").predict(docs)
    lower = ner.model.get_ref("lower")
    return lower.predict(vectors), lower.get_param("b")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--languages", default="fr,en")
    parser.add_argument("--docs", default="1,8", help="docs per call")
    parser.add_argument("--tokens", default="3,20,60,120", help="tokens per doc")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    import numpy as np

    from charterguard import ner_embedding

    limit_blas_threads()
    print(f"load before: {os.getloadavg()[0]:.2f}")
    print(f"{'lang':4} {'docs':>4} {'tokens':>6} {'thinc ms':>9} {'fused ms':>9} {'ratio':>6}  max diff")
    for language in args.languages.split(","):
        pipeline = nlp.pipeline(language, {"ner"})
        ner = pipeline.get_pipe("ner")
        vocabulary = words(language)
        for count in (int(n) for n in args.docs.split(",")):
            for tokens in (int(n) for n in args.tokens.split(",")):
                docs = []
                for k in range(count):
                    start = (k * 37) % len(vocabulary)
                    chosen = (vocabulary[start:] + vocabulary)[: tokens * 2]
                    doc = pipeline.make_doc(" ".join(chosen))
                    docs.append(doc[:tokens].as_doc())
                fused = partial(ner_embedding.precomputed, ner, docs)
                thinc = partial(thinc_forward, ner, docs)
                ours, theirs = fused(), thinc()
                assert ours is not None, f"{language}: architecture not covered"
                difference = max(float(np.abs(ours[0] - theirs[0]).max(initial=0)), float(np.abs(ours[1] - theirs[1]).max(initial=0)))
                times: dict[str, list[float]] = {"thinc": [], "fused": []}
                runs: list[tuple[str, Callable[[], Any]]] = [("thinc", thinc), ("fused", fused)]
                for round_ in range(args.rounds):
                    for name, call in runs if round_ % 2 else runs[::-1]:
                        began = time.perf_counter()
                        call()
                        times[name].append(time.perf_counter() - began)
                before, after = (statistics.median(times[name]) * 1000 for name in ("thinc", "fused"))
                print(f"{language:4} {count:>4} {len(docs[0]):>6} {before:>9.3f} {after:>9.3f} {after / before:>6.2f}  {difference:.1e}")
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

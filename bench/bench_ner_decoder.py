"""Speed of the NER parse with `ner_decoder` against spaCy's own `ner.pipe`, same process.

    PYTHONPATH=src .venv/bin/python bench/bench_ner_decoder.py [--posts 60] [--rounds 7]

`nlp.parse([post], lang, ("ner",))` one post per call, as a check does, on bench_pii's
~300-character posts; the two ways interleaved post by post (the decoder switched off by
giving the component no decoder), CPU time of the thread, medians over rounds. Read the
ratio: other load on a shared machine inflates both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pii import posts  # noqa: E402

from charterguard import nlp  # noqa: E402
from charterguard.blas import limit_blas_threads  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    limit_blas_threads()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for lang in ("fr", "en"):
        texts = posts(lang, args.posts)
        ner = nlp.pipeline(lang, {"ner"}).get_pipe("ner")
        decoder = nlp._decoder(ner)
        if decoder is None:
            print(f"{lang}: the loaded NER is not one ner_decoder reads")
            continue
        per_round: dict[str, list[float]] = {"spacy": [], "decoder": []}
        for _ in range(args.rounds):
            spent = {"spacy": 0.0, "decoder": 0.0}
            for text in texts:
                for name, used in (("spacy", None), ("decoder", decoder)):
                    nlp._decoders[id(ner)] = (ner, used)
                    started = time.thread_time()
                    nlp.parse([text], lang, ("ner",))
                    spent[name] += time.thread_time() - started
            for name, seconds in spent.items():
                per_round[name].append(seconds / len(texts) * 1000)
        nlp._decoders[id(ner)] = (ner, decoder)
        spacy_ms, decoder_ms = (statistics.median(per_round[k]) for k in ("spacy", "decoder"))
        print(f"{lang}: NER parse per post, CPU ms: spaCy ner.pipe {spacy_ms:.2f}, ner_decoder {decoder_ms:.2f} ({decoder_ms / spacy_ms:.2f}x)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

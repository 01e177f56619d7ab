"""What reading only the entity-bearing sentences costs the NER (charterguard.nlp).

    .venv/bin/python bench/eval_ner_sentences.py [--part report|tune]

On a half of presidio_synth_v2 dev (see bench/eval_pii.py), compares the entities
of `nlp.parse(..., ("ner",))` (the NER run on the sentences that can hold a name)
with those of the whole pipeline's NER on the whole text: entities lost or changed
(another span or label) and entities that appear only on the short path.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import eval_pii

from charterguard import nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=eval_pii.SYNTH_PARTS, default="report")
    args = parser.parse_args()
    texts = [row["text"] for row in eval_pii.load_synth(args.part)]
    if not texts:
        print("presidio_synth_v2 is absent: nothing measured")
        return
    short = nlp.parse(texts, "en", ("ner",))
    pipeline = nlp.pipeline("en")
    full = list(pipeline.pipe(texts, disable=[name for name in pipeline.pipe_names if name != "ner"]))
    fast = [{(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in short]
    whole = [{(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in full]
    lost = sum(len(w - f) for f, w in zip(fast, whole))
    new = sum(len(f - w) for f, w in zip(fast, whole))
    print(f"synth {args.part} half: {len(texts)} texts; whole-text NER {sum(map(len, whole))} entities, "
          f"entity-bearing sentences only {sum(map(len, fast))}; lost or changed {lost}, new {new}")


if __name__ == "__main__":
    main()

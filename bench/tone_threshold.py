"""Choose the French `model_threshold` of the default charter's `tone.offensive` rule on
development data only, and print the curve it is chosen from.

    .venv/bin/python bench/tone_threshold.py

The rule is a review hint (`info`): its threshold trades hints on ordinary posts
against what the model finds. The curve, for each candidate threshold:
- the share of posts of the *development part* of each French corporate file
  (`corpora.corporate_posts(..., "dev")`) that get the rule's hint;
- macro-F1 of "a lexicon risk finding or the model at this threshold" on MLMA French's
  calibration bucket (a trainable set's calibration split), the recall side.
Chosen: the lowest threshold whose hint rate is <= MAX_HINT_RATE on every dev file
(more hints than that and writers learn to ignore them). Everything runs under
`corpora.training()`: reading a report part or a measure-only set raises. The report
parts are read only by bench/eval_tone.py, to report the rate at the chosen threshold.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from charterguard.analysis import Post  # noqa: E402
from charterguard.charter.model import Charter  # noqa: E402
from charterguard.detectors.tone import ToneDetector  # noqa: E402
from charterguard.text.normalize import FoldedText  # noqa: E402
from charterguard.tone import corpora  # noqa: E402
from charterguard.tone.analyzer import AnalyzerOptions, analyzer_for  # noqa: E402
from charterguard.tone.train import RISK_CATEGORIES, macro_f1  # noqa: E402

RULE = "tone.offensive"
LANGUAGE = "fr"
FILES = ("corporate_posts_fr.txt", "corporate_negative_fine_fr.txt")
CANDIDATES = tuple(round(0.50 + 0.05 * k, 2) for k in range(10))  # 0.50 .. 0.95
MAX_HINT_RATE = 0.02
NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)


def hint_scores(detector: ToneDetector, posts: list[str]) -> list[float]:
    """Per post, the score of the rule's strongest hint at threshold 0 (0.0: none). A post
    gets the hint at threshold t exactly when this score is >= t: the score is the post's
    model probability, and whether a finding survives does not depend on t."""
    out = []
    for text in posts:
        post = Post(text, language=LANGUAGE, channel=None, audience=None, now=NOW)
        out.append(max((hit.score for hit in detector.find(post)), default=0.0))
    return out


@corpora.training()  # a threshold choice is tuning: report parts and measure-only sets cannot be read
def curve(data_dir: Path = ROOT / "bench" / "data") -> list[tuple[float, dict[str, float], float]]:
    """(threshold, hint rate per dev file, MLMA FR calibration macro-F1) per candidate."""
    charter = Charter.load("default")
    spec = next(r.spec for r in charter.rules if r.spec.id == RULE)
    detector = ToneDetector(spec.model_copy(update={"model_threshold": {LANGUAGE: 0.0}}), charter.company)
    dev = {name: hint_scores(detector, corpora.corporate_posts(data_dir / name, "dev")) for name in FILES}
    analyzer = analyzer_for(LANGUAGE, (), (), (), AnalyzerOptions())
    calib = corpora.split(corpora.mlma(LANGUAGE), "calib")
    lexical = [any(f.category in RISK_CATEGORIES for f in analyzer.analyze(FoldedText(e.text))) for e in calib]
    probability = [analyzer.probability(FoldedText(e.text)) for e in calib]
    rows = []
    for t in CANDIDATES:
        rates = {name: sum(s >= t for s in scores) / len(scores) for name, scores in dev.items()}
        f1 = macro_f1([e.label for e in calib], [lex or p >= t for lex, p in zip(lexical, probability)])
        rows.append((t, rates, f1))
    return rows


def choose(rows: list[tuple[float, dict[str, float], float]], max_rate: float = MAX_HINT_RATE) -> float:
    """The lowest threshold whose hint rate is <= max_rate on every file (the highest candidate if none)."""
    for t, rates, _f1 in rows:
        if all(rate <= max_rate for rate in rates.values()):
            return t
    return rows[-1][0]


def main() -> int:
    rows = curve()
    print(f"{RULE}, French model_threshold: hint rate on the dev part of each corporate file, MLMA FR calib macro-F1")
    print(f"{'threshold':>9} " + " ".join(f"{name:>32}" for name in FILES) + f" {'MLMA calib mF1':>15}")
    for t, rates, f1 in rows:
        print(f"{t:9.2f} " + " ".join(f"{rates[name]:32.1%}" for name in FILES) + f" {f1:15.3f}")
    print(f"chosen: {choose(rows):.2f} (lowest threshold with hints on <= {MAX_HINT_RATE:.0%} of every dev file)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

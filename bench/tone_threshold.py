"""Choose the model thresholds of the default charter's tone rules on development data
only, and print the curves they are chosen from.

    .venv/bin/python bench/tone_threshold.py
    .venv/bin/python bench/tone_threshold.py --confusion   # where TweetEval's calibration bucket is won and lost

French, `tone.offensive` (below); English, `tone.offensive_targeted` (see `curve_targeted`).

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
from charterguard.engine import Checker  # noqa: E402
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


TARGETED_RULE = "tone.offensive_targeted"
TARGETED_FILES = ("corporate_posts_en.txt", "corporate_negative_fine_en.txt")
TARGETED_CANDIDATES = tuple(round(0.30 + 0.025 * k, 3) for k in range(13))  # 0.30 .. 0.60
MAX_FALSE_ALARMS = 0.01


@corpora.training()
def curve_targeted(data_dir: Path = ROOT / "bench" / "data") -> list[tuple[float, dict[str, float], float]]:
    """English `tone.offensive_targeted` (warn): per candidate threshold, the share of each
    English corporate *dev* file with a tone finding at warn/block, and the macro-F1 of the
    default charter's warn/block decision on TweetEval's calibration bucket (part of its
    train file: never val or test)."""
    charter = Charter.load("default")
    checker = Checker(charter)
    spec = next(r.spec for r in charter.rules if r.spec.id == TARGETED_RULE)
    detector = ToneDetector(spec.model_copy(update={"model_threshold": {"en": 0.0}}), charter.company)

    def decided(texts: list[str]) -> list[tuple[bool, float]]:
        """(flagged at warn/block by another rule, the targeted rule's score at threshold 0)."""
        out = []
        for text in texts:
            others = any(f.category == "tone" and f.severity in ("warn", "block") and f.rule != TARGETED_RULE
                         for f in checker.check(text, lang="en").findings)
            post = Post(text, language="en", channel=None, audience=None, now=NOW)
            out.append((others, max((hit.score for hit in detector.find(post)), default=0.0)))
        return out

    dev = {name: decided(corpora.corporate_posts(data_dir / name, "dev")) for name in TARGETED_FILES}
    calib = corpora.tweeteval_split("calib")
    scored = decided([e.text for e in calib])
    rows = []
    for t in TARGETED_CANDIDATES:
        rates = {name: sum(o or s >= t for o, s in rows_) / len(rows_) for name, rows_ in dev.items()}
        f1 = macro_f1([e.label for e in calib], [o or s >= t for o, s in scored])
        rows.append((t, rates, f1))
    return rows


def choose_targeted(rows: list[tuple[float, dict[str, float], float]], max_rate: float = MAX_FALSE_ALARMS) -> float:
    """The threshold of best calibration macro-F1 among those with false alarms <= max_rate on every
    dev file (ties: the higher threshold, fewer alarms)."""
    allowed = [(f1, t) for t, rates, f1 in rows if all(rate <= max_rate for rate in rates.values())]
    return max(allowed)[1] if allowed else rows[-1][0]


@corpora.training()
def confusion() -> dict[tuple[str, int], int]:
    """Where the default charter's warn/block decision wins and loses on TweetEval's
    calibration bucket (part of its train file, never val): (what decided, gold label) ->
    posts. A flagged post counts under the categories of its warn/block tone findings
    (lexicon, reading by meaning, or `model targeted`); a post left alone under why: a
    profanity hint only (swearing at no one, which the charter keeps a hint), the model at
    or past the targeted rule's threshold but no one aimed at, or the model below it."""
    charter = Charter.load("default")
    checker = Checker(charter)
    spec = next(r.spec for r in charter.rules if r.spec.id == TARGETED_RULE)
    threshold = spec.model_threshold["en"] if isinstance(spec.model_threshold, dict) else spec.model_threshold
    untargeted = ToneDetector(spec.model_copy(update={"model_threshold": {"en": 0.0}, "targets": None}), charter.company)
    counts: dict[tuple[str, int], int] = {}
    for e in corpora.tweeteval_split("calib"):
        findings = [f for f in checker.check(e.text, lang="en").findings if f.category == "tone"]
        decided = sorted({"model targeted" if f.rule == TARGETED_RULE else f.entity.lower() for f in findings
                          if f.severity in ("warn", "block")})
        if decided:
            cell = "flagged: " + " + ".join(decided)
        else:
            post = Post(e.text, language="en", channel=None, audience=None, now=NOW)
            score = max((hit.score for hit in untargeted.find(post)), default=0.0)
            if score >= (threshold or 0.0):
                cell = "passed: model >= threshold, no target"
            elif any(f.entity == "PROFANITY" for f in findings):
                cell = "passed: profanity hint only"
            else:
                cell = "passed: model below threshold"
        counts[cell, e.label] = counts.get((cell, e.label), 0) + 1
    return counts


def main() -> int:
    if "--confusion" in sys.argv[1:]:
        counts = confusion()
        print("TweetEval calibration bucket, default charter at warn/block: what decided, by gold label")
        print(f"{'':60} {'offensive':>9} {'not':>5}")
        for cell in sorted({c for c, _ in counts}):
            print(f"{cell:60} {counts.get((cell, 1), 0):9d} {counts.get((cell, 0), 0):5d}")
        return 0
    targeted = curve_targeted()
    print(f"{TARGETED_RULE}, English model_threshold: warn/block rate on the dev part of each corporate file, "
          "default charter warn/block macro-F1 on TweetEval's calibration bucket")
    print(f"{'threshold':>9} " + " ".join(f"{name:>32}" for name in TARGETED_FILES) + f" {'TweetEval calib mF1':>20}")
    for t, rates, f1 in targeted:
        print(f"{t:9.3f} " + " ".join(f"{rates[name]:32.1%}" for name in TARGETED_FILES) + f" {f1:20.3f}")
    print(f"chosen: {choose_targeted(targeted):.3f} (best calibration macro-F1 with <= {MAX_FALSE_ALARMS:.0%} false alarms on every dev file)\n")
    rows = curve()
    print(f"{RULE}, French model_threshold: hint rate on the dev part of each corporate file, MLMA FR calib macro-F1")
    print(f"{'threshold':>9} " + " ".join(f"{name:>32}" for name in FILES) + f" {'MLMA calib mF1':>15}")
    for t, rates, f1 in rows:
        print(f"{t:9.2f} " + " ".join(f"{rates[name]:32.1%}" for name in FILES) + f" {f1:15.3f}")
    print(f"chosen: {choose(rows):.2f} (lowest threshold with hints on <= {MAX_HINT_RATE:.0%} of every dev file)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

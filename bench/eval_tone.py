"""Accuracy of the tone rules: per-set precision / recall / F1 / macro-F1, and the
false-alarm rate on ordinary corporate posts.

    .venv/bin/python bench/eval_tone.py            # all sets found
    .venv/bin/python bench/eval_tone.py --quick    # at most 600 posts per set

Sets (read from ../shared/eval, never copied; missing ones are skipped):
TweetEval offensive val (and test), Davidson held-out split, MLMA French held-out
split, CyberAgressionAdo (non-commercial: measured, never trained on). On the same
data, in the same run: alt-profanity-check and better-profanity (PyPI, optional
`eval` extra) as reference points.

charterguard rows:
- "charterguard": a tone rule with every risk category (insult, aggression, hate,
  the four disparagement targets, offensive = model) at the shipped thresholds;
- "lexicons only": the same without the model;
- "model only": the model's calibrated probability at its tuned threshold.

False alarms: the share of posts in the report part of each bench/data/corporate_*.txt
file (`corpora.corporate_posts`; the dev part chose the French model threshold and is
printed in brackets) that get a tone finding at warn or block from the default charter
(or, while it has no tone rules, from the rule above); "incl. info" also counts the
model's review hints.
Then every set as the default charter decides it (warn/block), and the functional
suites per phenomenon (bench/tone_suite.py: report split and blind sets).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from charterguard.analysis import Post  # noqa: E402
from charterguard.charter.rule import Company  # noqa: E402
from charterguard.detectors.tone import ToneDetector, ToneRule  # noqa: E402
from charterguard.text.normalize import FoldedText  # noqa: E402
from charterguard.tone import corpora  # noqa: E402
from charterguard.tone.analyzer import AnalyzerOptions, analyzer_for  # noqa: E402
from charterguard.tone.corpora import Example  # noqa: E402

RISK = ["insult", "aggression", "hate", "disparagement_employer", "disparagement_colleagues",
        "disparagement_customers", "disparagement_competitors"]
CORPORATE = ["corporate_posts_fr.txt", "corporate_negative_fine_fr.txt", "corporate_posts_en.txt", "corporate_negative_fine_en.txt"]
NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)


def rule(categories: list[str]) -> ToneRule:
    return ToneRule.model_validate({
        "id": "bench.tone", "kind": "tone", "category": "tone", "severity": "warn", "clause": "5",
        "message": "{category}", "examples": {"flag": ["x"], "pass": ["y"]}, "categories": categories,
    })


def detector_predictor(categories: list[str]) -> Callable[[Example], bool]:
    detector = ToneDetector(rule(categories), Company())

    def predict(example: Example) -> bool:
        post = Post(example.text, language=example.language, channel=None, audience=None, now=NOW)
        return any(True for _ in detector.find(post))

    return predict


def model_predictor() -> Callable[[Example], bool]:
    def predict(example: Example) -> bool:
        analyzer = analyzer_for(example.language, (), (), (), AnalyzerOptions())
        if analyzer.model is None:
            return False
        return analyzer.probability(FoldedText(example.text)) >= analyzer.threshold

    return predict


def reference_predictors() -> dict[str, Callable[[Example], bool]]:
    out: dict[str, Callable[[Example], bool]] = {}
    try:
        from profanity_check import predict as apc_predict

        out["alt-profanity-check"] = lambda e: bool(apc_predict([e.text])[0])
    except Exception as exc:  # not installed: `pip install -e .[eval]`
        print(f"(alt-profanity-check unavailable: {type(exc).__name__})")
    try:
        from better_profanity import profanity

        profanity.load_censor_words()
        out["better-profanity"] = lambda e: bool(profanity.contains_profanity(e.text))
    except Exception as exc:
        print(f"(better-profanity unavailable: {type(exc).__name__})")
    return out


def scores(labels: list[int], predicted: list[bool]) -> dict[str, float]:
    tp = sum(1 for y, p in zip(labels, predicted) if p and y)
    fp = sum(1 for y, p in zip(labels, predicted) if p and not y)
    fn = sum(1 for y, p in zip(labels, predicted) if not p and y)
    tn = len(labels) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1_pos = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    f1_neg = 2 * tn / (2 * tn + fn + fp) if tn else 0.0
    return {"precision": precision, "recall": recall, "f1": f1_pos, "macro_f1": (f1_pos + f1_neg) / 2}


def eval_sets(quick: bool) -> list[tuple[str, float, list[Example]]]:
    """(name, macro-F1 target or 0, examples) for every set found."""
    loaders: list[tuple[str, float, Callable[[], list[Example]]]] = [
        ("TweetEval offensive val", 0.75, lambda: corpora.tweeteval_split("val")),
        ("TweetEval offensive test", 0.0, lambda: corpora.tweeteval_split("test")),
        ("Davidson held-out (buckets 0-1)", 0.90, lambda: corpora.split(corpora.davidson(), "test")),
        ("MLMA FR held-out (buckets 0-1)", 0.75, lambda: corpora.split(corpora.mlma("fr"), "test")),
        ("CyberAgressionAdo (NC, measure only)", 0.75, corpora.cyberagression),
    ]
    out = []
    for name, target, load in loaders:
        try:
            examples = load()
        except FileNotFoundError as exc:
            print(f"skip {name}: {exc}")
            continue
        if quick and len(examples) > 600:
            examples = random.Random(0).sample(examples, 600)
        out.append((name, target, examples))
    return out


def false_alarms(data_dir: Path) -> None:
    """Rates on the report part of each corporate file (`corpora.corporate_posts`); the dev
    part, which chose the French `model_threshold` (bench/tone_threshold.py), in brackets."""
    checker = None
    try:
        from charterguard.charter.model import Charter
        from charterguard.engine import Checker

        charter = Charter.load("default")
        if any(r.spec.kind == "tone" for r in charter.rules):
            checker = Checker(charter)
    except Exception as exc:
        print(f"(default charter unavailable: {type(exc).__name__}: {exc})")
    fallback = detector_predictor(RISK + ["offensive"])
    source = "default charter tone rules (warn/block)" if checker else "bench tone rule (all risk categories + model)"
    print(f"\nFalse alarms on ordinary corporate posts — {source}; report part (dev part in brackets)")
    print(f"{'file':38} {'posts':>6} {'flagged':>8} {'rate':>7}   {'incl. info':>10}   {'dev: rate, incl. info':>22}")
    for name in CORPORATE:
        path = data_dir / name
        if not path.is_file():
            print(f"{name:38} (missing, skipped)")
            continue
        language = "fr" if "_fr" in name else "en"
        counts = {}
        for part in corpora.CORPORATE_PARTS:
            posts = corpora.corporate_posts(path, part)
            flagged = hinted = 0
            for text in posts:
                if checker is not None:
                    report = checker.check(text, lang=language)
                    tone = [f for f in report.findings if f.category == "tone"]
                    flagged += any(f.severity in ("warn", "block") for f in tone)
                    hinted += bool(tone)  # info findings too (the model's review hints)
                else:
                    hit = fallback(Example(text, 0, language))
                    flagged += hit
                    hinted += hit
            counts[part] = (len(posts), flagged, hinted)
        n, flagged, hinted = counts["report"]
        dev_n, dev_flagged, dev_hinted = counts["dev"]
        rate = flagged / max(n, 1)
        print(f"{name:38} {n:6d} {flagged:8d} {rate:7.1%}   {hinted / max(n, 1):10.1%}   "
              f"({dev_flagged / max(dev_n, 1):5.1%}, {dev_hinted / max(dev_n, 1):5.1%} of {dev_n})"
              + ("  MET (<= 1%)" if rate <= 0.01 else "  NOT MET (> 1%)"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="at most 600 posts per set")
    parser.add_argument("--no-references", action="store_true")
    args = parser.parse_args()

    systems: dict[str, Callable[[Example], bool]] = {
        "charterguard": detector_predictor(RISK + ["offensive"]),
        "charterguard lexicons only": detector_predictor(RISK),
        "charterguard model only": model_predictor(),
    }
    if not args.no_references:
        systems.update(reference_predictors())

    for name, target, examples in eval_sets(args.quick):
        labels = [e.label for e in examples]
        positives = sum(labels)
        print(f"\n{name}: {len(examples)} posts, {positives} positive" + (f"; target macro-F1 >= {target:.2f}" if target else ""))
        print(f"{'system':30} {'prec':>6} {'recall':>6} {'F1':>6} {'macroF1':>8} {'ms/post':>8}")
        for system, predict in systems.items():
            started = time.perf_counter()
            predicted = [predict(e) for e in examples]
            elapsed = (time.perf_counter() - started) * 1000 / max(len(examples), 1)
            s = scores(labels, predicted)
            mark = ""
            if target and system == "charterguard":
                mark = "  MET" if s["macro_f1"] >= target else "  NOT MET"
            print(f"{system:30} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['macro_f1']:8.3f} {elapsed:8.3f}{mark}")
    default_charter_rows(eval_sets(args.quick))
    false_alarms(ROOT / "bench" / "data")
    suites()
    return 0


def default_charter_rows(sets: list[tuple[str, float, list[Example]]]) -> None:
    """Each set as the default charter decides it: a tone finding at warn or block."""
    from charterguard.charter.model import Charter
    from charterguard.engine import Checker

    checker = Checker(Charter.load("default"))
    print("\nDefault charter, tone findings at warn/block (reading by meaning on; issue 12 target: TweetEval val >= 0.74)")
    print(f"{'set':40} {'prec':>6} {'recall':>6} {'macroF1':>8}")
    for name, _target, examples in sets:
        predicted = []
        for e in examples:
            report = checker.check(e.text, lang=e.language)
            predicted.append(any(f.category == "tone" and f.severity in ("warn", "block") for f in report.findings))
        s = scores([e.label for e in examples], predicted)
        print(f"{name:40} {s['precision']:6.3f} {s['recall']:6.3f} {s['macro_f1']:8.3f}")


def suites() -> None:
    """The functional suites of bench/data (tone_suite_*.tsv, report split; tone_blind_*.tsv), per phenomenon."""
    import subprocess

    for split in ("report", "blind"):
        subprocess.run([sys.executable, str(ROOT / "bench" / "tone_suite.py"), "--split", split], check=False)


if __name__ == "__main__":
    raise SystemExit(main())

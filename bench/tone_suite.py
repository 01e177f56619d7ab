"""Functional tone suites (bench/data/tone_suite_{fr,en}.tsv): accuracy per phenomenon.

    .venv/bin/python bench/tone_suite.py [--split dev|report|all|blind|blind2|...|blindN] [--errors] [--stages]

`--stages` counts, for the missed flag cases, the stage of the learned reading that lost them
(no target named, gate closed, head under threshold, dropped after the head, info only).

A case is right when the charter's tone findings at warn/block exist exactly when the
case says `flag`. Company context: policies/acme-group.yaml (Acme Group, competitors
Globex and Initech). Rules are tuned on the dev part; the report part
(crc32(text) % 3 == 0) is only read to report numbers. `--split blind` reads
bench/data/tone_blind_{fr,en}.tsv: cases written after the rules, never tuned on.
`--split blind2` reads bench/data/tone_blind2_{fr,en}.tsv: 144 cases written on
2026-12-01 by a tester who read neither the rules nor the code. First run (rules of
2026-12-01, default TweetEval model): accuracy 0.597; per phenomenon fr/en: dehumanising
0.17/0.17, discrimination 0.17/0.00, disparage_competitor 0.50/0.67, disparage_customers
0.33/0.33, disparage_employer 0.33/1.00, insult_colleague 0.33/0.50, threat 0.50/0.17,
insult_negated 0.67/1.00, negative_fine 0.83/1.00, profanity_no_target 0.83/1.00,
quotation_counter 1.00/0.83, group_neutral 1.00/1.00: the honest estimate for wordings
nobody tuned on, far from the 1.00 of the suites the rules were written with.
After the fixes (2026-12-02, issue 12 item 2: dehumanising vehicles by kind, exclusion of
protected groups described in several words, harm as consequence, mocking comparisons,
topic comments, appositions, denied questions; blind2 seen by then, so no longer blind):
0.979; dehumanising, discrimination, threat 1.00/1.00; disparage_customers 0.67/1.00
(topic fragment too long to be read as one, "peuplé de filous" with no target word);
insult_colleague 1.00/0.83 (a first name is no target); report and blind splits 1.00.
`--split blind3` reads bench/data/tone_blind3_{fr,en}.tsv: 144 cases written blind on
2026-12-02. First run (rules of that morning): 0.535; discrimination 0.17/0.00, threat
0.00/0.17, disparage_competitor 0.00/0.33. After the general mechanisms of MODEL_CARD.md
("Generalisation to unseen wordings"; blind3 used as a development set, its rows never
copied into rules or tests): 0.910, threat 1.00/1.00, discrimination 0.83/0.83.
`--split blind4` reads bench/data/tone_blind4_{fr,en}.tsv: 144 cases written blind on
2026-12-02 by another tester while those mechanisms were built, run once on the merged code:
0.535 (the code before them: 0.528); discrimination 0.00/0.17, threat 0.33/0.00, dehumanising
0.17/0.33, insult_colleague 0.17/0.33, disparage_employer 0.17/0.50; pass phenomena 0.50-1.00.
The mechanisms fitted to blind3 did not carry over to blind4's wordings: the estimate for
posts nobody has seen is this first run, and it is far below the target.
With the learned reading of hostility (tone/hostility_model.py, trained on our own sentences;
2026-12-02): blind4 0.611 (run on each version while it was built, rows never read),
blind3 0.917; see MODEL_CARD.md, "Learned reading of hostility".
`--split blind5` reads bench/data/tone_blind5_{fr,en}.tsv: 144 cases written blind on
2026-12-02 by a third tester (who read no product code), run once on main (4ab6c4c): 0.556;
and once on the merged code with the learned reading (its gate at 80 %), the honest
estimate: **0.604**; dehumanising 0.33/0.17, discrimination 0.00/0.17, disparage_competitor
0.17/0.50, disparage_customers 0.50/0.33, disparage_employer 0.83/0.67, insult_colleague
0.50/0.17, threat 0.17/0.33 (fr/en); pass phenomena 0.83-1.00. With the gate at 60 % (the
shipped cost choice, made on bench_pii's latency, not on these rows): 0.611, blind4 0.597.
Second round of the learned reading (blind5 and blind4 then development sets, their rows never
copied; MODEL_CARD.md, "Learned reading, second round"): blind5 0.667, blind4 0.639.
Third round (long sentences read clause by clause, 124 new rows, gate at 73 %; MODEL_CARD.md,
"Learned reading, third round"): blind5 0.681, blind4 0.653.
`--split blind6` reads bench/data/tone_blind6_{fr,en}.tsv: 144 cases written blind on 2026-12-02
by a fourth tester (who read no product code), run once on main (024b414): 0.646; once on the
merged code of the second and third rounds, the honest estimate: **0.729**; dehumanising
0.67/0.67, discrimination 0.33/0.67, disparage_competitor 0.67/0.83, disparage_customers
0.83/0.67, disparage_employer 0.83/0.67, insult_colleague 0.33/0.17, threat 0.67/0.67 (fr/en);
pass phenomena as on main (0.67-1.00: no new false alarm). Now a development set.
Fourth round (blind6, blind5, blind4 as development sets: denial read as a negated description,
whom a sentence is about read across sentences, departments as colleagues, bodily-harm threats,
158 new training rows; MODEL_CARD.md, "Learned reading, fourth round"): blind6 0.812, blind5
0.736, blind4 0.764; pass phenomena unchanged.
`--split blind7` reads bench/data/tone_blind7_{fr,en}.tsv: 144 cases written blind on 2026-12-02
by a fifth tester (who read no product code nor training data), run once on main (714df90):
0.715; once on the merged code of the fourth round, the honest estimate: **0.764**; dehumanising
0.83/0.83, discrimination 0.33/0.33, disparage_competitor 0.83/0.50, disparage_customers
0.50/1.00, disparage_employer 1.00/0.67, insult_colleague 0.67/0.67, threat 0.50/0.67 (fr/en);
pass phenomena as on main (insult_negated 0.67/0.50, quotation_counter 1.00/0.83, the others 1.00).
Now a development set.
Discrimination in employment decisions read by structure (2026-12-02; a protected ground named
by a group or an attribute, an employment decision or place, a disadvantage bearing on them;
`MeaningReader._discrimination`; blind7-4 as development sets, rows never copied), discrimination
fr/en before -> after: blind7 0.33/0.33 -> 1.00/1.00 (all 0.764 -> 0.819), blind6 0.50/0.83 ->
1.00/1.00 (0.812 -> 0.847), blind5 0.33/0.50 -> 0.83/0.83 (0.736 -> 0.771; left: an address
given only by a place name), blind4 0.67/0.67 -> 1.00/1.00 (0.764 -> 0.792), blind3 0.83/1.00
unchanged (0.924), blind2 and blind 1.00, `--split all` 1.000; no pass case of any split changed.
Fifth round (2026-12-02; refuted claims read as discourse, threats by structure, put-downs of a
workplace role at the learned reading's role threshold; MODEL_CARD.md, "Refuted claims, threats by
structure, put-downs"; blind2-7 as development sets, rows never copied): blind7 0.819 -> 0.924
(insult_negated 0.67/0.50 -> 1.00/1.00, threat 0.50/0.67 -> 1.00/1.00), blind6 0.847 -> 0.868,
blind5 0.771 -> 0.840, blind4 0.792 -> 0.847, blind3 0.924 -> 0.931, blind2 0.993 -> 1.000; no pass
case of any split got worse.
`--split blind8` reads bench/data/tone_blind8_{fr,en}.tsv: 144 cases written blind on 2026-12-02
(session 11) by a sixth tester (no product code nor training data read), run once on main
(bee058f): 0.826; once on the merged code of the fifth round, the honest estimate: **0.854**;
dehumanising 1.00/0.50, discrimination 0.67/0.83, disparage_competitor 0.67/0.67, disparage_customers
0.83/0.83, disparage_employer 1.00/0.83, insult_colleague 1.00/0.83, threat 1.00/0.67 (fr/en); pass:
insult_negated 0.83/1.00, quotation_counter 0.83/1.00, profanity_no_target 0.83/0.83, negative_fine
1.00/0.83 (one new false alarm: a competitor praised, "smoother than ours", read at the role
threshold), group_neutral 1.00/1.00. Gained from main: competitor/en 0.33 -> 0.67, employer/en 0.50
-> 0.83, insult_negated/fr 0.67 -> 0.83. Now a development set.
Dehumanising predication read by meaning (2026-12-02, session 11; people said to be or treated as
a degrading non-human kind, the noun phrase compared by the sentence encoder with prototypes of
degrading kinds, people and praise: `MeaningReader._dehumanised`, tone/dehumanising.py; blind8 as
development set, rows never copied): dehumanising fr/en before -> after: blind8 1.00/0.50 ->
1.00/0.67 (all 0.854 -> 0.868; disparage_customers/en 0.83 -> 1.00 too), blind7 0.83/0.83 ->
0.83/1.00 (0.924 -> 0.931), blind6 0.67/0.83 -> 0.67/1.00 (0.868 -> 0.875); blind5 0.67/0.83,
blind4 0.83/0.83, blind3, blind2 and blind 1.00/1.00 unchanged; `--split all` 1.000; no pass
case of any split changed.
Round s12 (2026-12-02, session 12; blind2-8 as development sets, rows never copied): sentence structure
(a negation stops at a new predication, rebuttal labels, counter-speech said of an act of saying, harm
as consequence and games, MeaningReader) and the targeted reading (tone/targeted_model.py: what a
sentence says of the workplace target it names, the target masked; praise and fair comparison of a
named competitor pass): blind3 0.931 -> 0.944, blind4 0.847 -> 0.861, blind5 0.840 -> 0.854, blind6
0.875 -> 0.903, blind7 0.931, blind8 0.868 -> 0.889 (the praised competitor passes); no pass case worse.
`--split blind9` reads bench/data/tone_blind9_{fr,en}.tsv: 144 cases written blind on 2026-12-02
(session 12) by a seventh tester (no product code nor training data read), run once on main
(dd062dd): 0.799; once on the merged code of round s12, the honest estimate: **0.812**: two
counter-speech cases gained (insult_negated/en, quotation_counter/en), nothing lost; the targeted
reading changed no case. dehumanising 1.00/0.67, discrimination 0.67/0.50, disparage_competitor
0.83/0.83, disparage_customers 0.50/0.67, disparage_employer 1.00/0.83, insult_colleague 0.67/0.67,
threat 0.83/0.50 (fr/en); pass: insult_negated 0.83/0.83, quotation_counter 1.00/0.67, the others
1.00. Then, as a development set, two general faults it showed (a refusal to act on someone after an
insult read as counter-speech, "je refuse de les prendre en rendez-vous"; customers named by their
trade, abonnés, voyageurs, subscribers, passengers): blind9 0.812 -> 0.833, blind4 0.861 -> 0.868,
blind5 0.854 -> 0.861, blind6 0.903 -> 0.910; `--split all` 1.000; corporate false alarms 0.
Session 14 (2026-12-03; blind2-8 as development sets, blind9-10 held out): a sentence naming no
one read as going on about the sentence before, given names as targets, "anything but" as a
denial (MODEL_CARD.md, "Given names, continuations"): blind4 0.875 -> 0.903, blind5 0.861 -> 0.868,
blind8 0.903 -> 0.910, blind9 0.931 -> 0.938, blind10 0.722 -> 0.729; no pass case of blind2-8 worse.
Session 15 (2026-12-03; blind3-11 as development sets): the learned reading's near-gate band, given
names as one test with common names added, wholesalers and N+2 as targets (MODEL_CARD.md, "The gate's
near band"): blind5 0.868 -> 0.875, blind6 0.917 -> 0.924, blind7 0.931 -> 0.944, blind10 0.729 -> 0.743,
blind11 0.701 -> 0.708; no pass case of any split changed. `--stages` counts a sentence in the band
under the band's threshold as lost under the head's threshold.
`--split blind12` reads bench/data/tone_blind12_{fr,en}.tsv: 144 cases written blind on 2026-12-03, first
run on main (34d34b5): 0.729; threat 0.50/0.17, six pass cases blocked or warned. Session 15 round 2
(blind12 as a development set, rows never copied; MODEL_CARD.md, "Denials, self-judgements, retaliation
and coming armed"): blind12 0.729 -> 0.806, blind9 0.938 -> 0.944, blind10 0.743 -> 0.757, blind11 0.708 ->
0.715; no case of any split lost.
`--split blind13` reads bench/data/tone_blind13_{fr,en}.tsv: 144 cases written blind on 2026-12-03 (session 16),
first run on main (f4fecd8, and ae8a641): 0.715; six pass cases blocked, nine flag cases with no target named.
Session 16 (blind13 as a development set, rows never copied; MODEL_CARD.md, "Rejected claims, reported
quotations, workers by contract, whoever is threatened"): blind13 0.715 -> 0.819, blind11 0.715 -> 0.729,
blind12 0.806 -> 0.812; no case of any split lost.
`--split blind14` reads bench/data/tone_blind14_{fr,en}.tsv: 144 cases written blind on 2026-12-03 (session 17),
first run on main (f2e4037): 0.757; six English pass cases blocked. Session 17 (blind14 as a development set, rows
never copied; MODEL_CARD.md, "Periods sworn at, words talked about, intimidation, outraged refusals"): blind14
0.757 -> 0.847; the other splits unchanged, no case of any split lost.
The learned reading may be trained on the splits listed in `train_hostility.TRAINED_BENCH_SETS`
(none on 2026-12-03; MODEL_CARD.md, "Learning from every earlier tester"): the score of such a split
is then a training-fit figure (printed under its table); the first runs above stay the honest ones.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TARGET = 0.90
# The sets written blind, one pair of files each (tone_blind_fr.tsv, tone_blind2_fr.tsv, ...) in the order
# they were written: a new set is a new pair of files, nothing to edit here.
BLIND_SPLITS = sorted(
    (path.name.removeprefix("tone_").removesuffix("_fr.tsv") for path in (ROOT / "bench" / "data").glob("tone_blind*_fr.tsv")),
    key=lambda split: int(split.removeprefix("blind") or 1),
)


@dataclass(frozen=True, slots=True)
class Case:
    language: str
    phenomenon: str
    flag: bool
    text: str

    @property
    def split(self) -> str:
        return "report" if zlib.crc32(self.text.encode("utf-8")) % 3 == 0 else "dev"


def load_cases(data_dir: Path = ROOT / "bench" / "data", stem: str = "tone_suite") -> list[Case]:
    cases = []
    for language in ("fr", "en"):
        path = data_dir / f"{stem}_{language}.tsv"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            phenomenon, expect, text = line.split("\t")
            if expect not in ("flag", "pass"):
                raise ValueError(f"{path}:{number}: expect must be flag or pass, not {expect!r}")
            cases.append(Case(language, phenomenon, expect == "flag", text))
    return cases


def flagged_by(checker, case: Case) -> tuple[bool, list[str]]:
    report = checker.check(case.text, lang=case.language)
    tone = [f for f in report.findings if f.category == "tone" and f.severity in ("warn", "block")]
    return bool(tone), [f"{f.rule}:{f.severity}:{f.text!r}" for f in tone]


STAGES = ("no target named", "gate closed", "head under threshold", "dropped after the head", "rule severity")


def lost_at(checker, case: Case) -> str:
    """Where a missed `flag` case was lost, read as far as any of its sentences got: no
    sentence names someone (`names_someone`), the gate's naive Bayes too low, the head's
    calibrated probability (the most hostile of the sentence and its clauses) under its threshold, dropped after the head (countered, denied,
    or aimed at no role the parse can name), or a tone finding exists but at info only."""
    from charterguard.linguistics import Linguistics, word_key
    from charterguard.tone.hostility_model import clauses, load_hostility_model, names_someone

    report = checker.check(case.text, lang=case.language)
    if any(f.category == "tone" for f in report.findings):
        return STAGES[4]
    model = load_hostility_model()
    if model is None:
        return STAGES[1]
    company = checker.charter.company
    names = tuple(word_key(n) for n in (*company.values("names"), *company.values("competitors")) if n)
    linguistics = Linguistics(case.text, case.language)
    best = 0
    for k, (start, end) in enumerate(linguistics.spans):
        topic = linguistics.topic_of(k)
        read = case.text[linguistics.spans[topic][0] if topic is not None else start : end]
        about = None
        if not names_someone(read, case.language, names):
            # (a sentence going on about whom the sentence before names: `meaning._learned_findings`)
            if topic is not None or k == 0 or not names_someone(case.text[slice(*linguistics.spans[k - 1])], case.language, names):
                continue
            about = case.text[slice(*linguistics.spans[k - 1])]
        past_gate, targeted, near_gate = model.gates(read, case.language, names, about)
        # (a sentence only the tester head's gate lets in is read by that head alone)
        tester_gate = not (past_gate or targeted or near_gate) and model.tester_gate_opens(read, case.language, names, about)
        if not (past_gate or near_gate or tester_gate):
            best = max(best, 1)
            continue
        pieces = [read, *(read[a:b] for a, b in clauses(read))]
        probability = max(p for p, _ in model.read(pieces, [tester_gate] * len(pieces)))
        # (a sentence in the gate's near band stands only at the band's stricter threshold)
        best = max(best, 3 if probability >= (model.near_gate_threshold if near_gate else model.threshold) else 2)
    return STAGES[best]


def trained_on(split: str) -> bool:
    """Was the learned reading trained on the rows of `split` (a blind set, or the suite's)?"""
    from charterguard.tone.train_hostility import TRAINED_BENCH_SETS

    return (split if split in BLIND_SPLITS else "suite") in TRAINED_BENCH_SETS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "report", "all", *BLIND_SPLITS], default="report")
    parser.add_argument("--errors", action="store_true", help="print the misclassified posts of the split")
    parser.add_argument("--stages", action="store_true", help="count where the missed flag cases were lost (learned reading's stages)")
    args = parser.parse_args()
    from charterguard.charter.model import Charter
    from charterguard.engine import Checker

    checker = Checker(Charter.load(str(ROOT / "policies" / "acme-group.yaml")))
    if args.split in BLIND_SPLITS:
        cases = load_cases(stem=f"tone_{args.split}")
    else:
        cases = [c for c in load_cases() if args.split == "all" or c.split == args.split]
    table: dict[tuple[str, str], list[bool]] = {}
    lost: dict[tuple[str, str], int] = {}
    for case in cases:
        got, findings = flagged_by(checker, case)
        ok = got == case.flag
        table.setdefault((case.phenomenon, case.language), []).append(ok)
        stage = lost_at(checker, case) if args.stages and not ok and case.flag else ""
        if stage:
            lost[(stage, case.language)] = lost.get((stage, case.language), 0) + 1
        if args.errors and not ok:
            print(f"  MISS {case.language} {case.phenomenon:20} expect={'flag' if case.flag else 'pass'} {case.text}  {findings}{'  [' + stage + ']' if stage else ''}")
    if args.stages:
        print("\nMissed flag cases by the stage that lost them (fr / en):")
        for stage in STAGES:
            print(f"  {stage:24} {lost.get((stage, 'fr'), 0):3d} / {lost.get((stage, 'en'), 0):3d}")
    print(f"\nTone suites, split={args.split}: accuracy per phenomenon (target >= {TARGET:.2f})")
    print(f"{'phenomenon':22} {'fr':>12} {'en':>12}")
    worst = 1.0
    for phenomenon in sorted({p for p, _ in table}):
        cells = []
        for language in ("fr", "en"):
            oks = table.get((phenomenon, language), [])
            accuracy = sum(oks) / len(oks) if oks else float("nan")
            worst = min(worst, accuracy) if oks else worst
            cells.append(f"{accuracy:5.2f} ({sum(oks):2d}/{len(oks):2d})")
        print(f"{phenomenon:22} {cells[0]:>12} {cells[1]:>12}")
    every = [ok for oks in table.values() for ok in oks]
    print(f"{'all':22} {sum(every) / len(every):12.3f}  worst phenomenon {worst:.2f}: {'MET' if worst >= TARGET else 'NOT MET'}")
    if trained_on(args.split):
        print("(the learned reading was trained on this split's rows, train_hostility.TRAINED_BENCH_SETS: a training-fit figure; "
              "the honest one is the split's first run, README)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Accuracy of the inside-information rules: per-phenomenon accuracy, P/R/F1 by
language and split, and false alarms on ordinary corporate posts.

    .venv/bin/python bench/eval_inside.py                 # dev and report splits
    .venv/bin/python bench/eval_inside.py --split report  # the split nobody tunes on
    .venv/bin/python bench/eval_inside.py --errors dev    # list the dev mistakes (never report's)
    .venv/bin/python bench/eval_inside.py --split fresh5 --errors fresh5  # misses and false alarms of fresh5
    .venv/bin/python bench/eval_inside.py --split fresh2  # cases written before the last lexicon revision

Data: bench/data/inside_{fr,en}.jsonl, {"text", "label" (1 = inside information),
"phenomenon", "language", "split"}: written by hand, half French half English,
positives by topic (acquisition, results, restructuring, fundraising, contracts,
executives, products) and contrasts (published news, articles about the topic,
past events, rumours about other companies, ordinary posts with future tense).
A post counts as flagged when a rule of kind `inside_information` of the default
charter reports it at warn or block. "before" is the rule this kind replaced
(speaking.market_sensitive, a word list), run on the same posts.
bench/data/inside_fresh.jsonl (split "fresh"): 48 cases in new wordings, written
after the first lexicons were frozen; measured once (recall 0.20 FR, 0.10 EN: the
lexicons fitted the dev/report wordings), then used as a second dev set.
bench/data/inside_fresh2.jsonl (split "fresh2"): 40 more, written before the second
lexicon revision and measured after it, once (accuracy 0.85, recall 0.90, precision
0.82), then its errors fixed. bench/data/inside_fresh3.jsonl (split "fresh3"): 40
more, written before the third revision was measured, measured once (accuracy
0.95 FR / 0.90 EN, precision 1.00, recall 0.90 FR / 0.80 EN), then its errors fixed.
Every case here is by the lexicons' author: the blind numbers above (0.85, then
0.90-0.95) are the honest estimate for posts nobody has seen, not the 1.00 of the
tuned splits.
bench/data/inside_fresh4.jsonl (split "fresh4"): 72 cases (36 FR, 36 EN, half
positive) written 2026-12-01 by a tester who read neither the code nor the lexicons,
measured once: precision 0.933 FR / 0.875 EN, recall 0.778 FR / 0.389 EN, accuracy
0.861 FR / 0.667 EN; corporate false alarms 0 / 0.7% / 0 / 0.7%.
After the fixes (2026-12-02; new cue families: embargo, a release held back, "not
allowed to communicate", "hasn't decided how to tell", "you didn't hear it from me",
"please don't repost", quoted code names; topics: rights issues, series D+, outsourcing,
owning a rival, interim executives, products going live; the English progressive of a
topic or its companion word; parties, charity and carbon targets as ordinary events):
fresh4 precision 1.000 / 1.000, recall 1.000 / 1.000 (FR / EN), every phenomenon 1.00;
dev, report, fresh, fresh2, fresh3 unchanged at 1.00 on every phenomenon; corporate
false alarms 0 / 0 / 0 / 0. fresh4 is now a tuned split like the others: its first
run above, not this line, is the estimate for posts nobody has seen.
bench/data/inside_fresh5.jsonl (split "fresh5"): 72 cases written blind by a tester on
2026-12-02, first run (main, /work/tmp/s7/inside_fresh5_main.txt): precision 1.000 / 0.909,
recall 0.444 / 0.556 (FR / EN); the misses said the fact without a cue word. After the
evidence shapes of src/charterguard/inside/evidence.py (who does not know, how the writer
knows ahead, the disclosure to come with its date) and paraphrased topics (sites regrouped,
our bid chosen, a signing set, a buyer named, a price, a share-dealing tip): fresh5
precision 1.000 / 1.000, recall 0.944 / 1.000; the other splits unchanged at 1.00 on every
phenomenon; corporate false alarms 0 / 0 / 0 / 0. fresh5 is now a tuned split: its first
run, not this line, is the blind estimate.
bench/data/inside_fresh6.jsonl (split "fresh6"): 88 cases written blind by another tester on
2026-12-02 while those shapes were built, run once on the merged code: precision 0.778 /
0.923, recall 0.636 / 0.545, accuracy 0.727 / 0.750 (FR / EN); the code before them: precision
0.667 / 0.875, recall 0.455 / 0.318. This first run is the blind estimate: far below 0.90.
fresh6 was then the development set of a revision by mechanism, each tested on other wordings
(tests/test_inside_judgement.py): what the topic is said of (a headcount, a site named before
it, a successor "next", an office object: no finding), who has not been told, a cover story,
a false cue read out of its phrase ("d'entre nous"), announced at a past time: fresh6
precision 1.000 / 1.000, recall 1.000 / 1.000, every other split unchanged, corporate false
alarms 0 / 0 / 0 / 0. fresh6 is now tuned: its first run, not this line, is the estimate.
bench/data/inside_fresh7.jsonl (split "fresh7"): 80 cases written blind by a third tester on
2026-12-02 (20 leaks and 20 fine posts per language: a data-room out-of-office reply, a calendar
invite sent by mistake, a mentoring post, "I'm selling my shares, don't ask why", a CEO's hidden
illness; fine: the same topics public, past, general or about others), run once on main
(4ab6c4c): precision 0.615 / 0.900, recall 0.400 / 0.450; and once on the code of fresh6's
revision, the honest estimate: precision 0.643 / 0.909, recall 0.450 / 0.500, accuracy 0.600 /
0.725 (FR / EN). Not tuned on since: the next revision's development set.
fresh7's 21 misses and 6 false alarms, grouped by mechanism: topic said in other words (a price per
share, synergies, an investor in the capital, a float, "picked us", "won't reopen", one's own
resignation) 11; topic word seen but what it is said of missed (a platform moved, a half-year
against budget, a customer stopping orders, batches recalled) 5; no non-public evidence read ("get
told on the 20th", "only allowed to say it on the 12th", "sans rien dire au marché", a draft
proofread) 4; evidence cancelled by a party beside it 1. False alarms: a rumour about another
company read as ours ("je n'en sais rien" as secrecy, "mon beau-frère dit que leur usine", "on
entend dire") 3; office life read as material (canteens, a bakery contract) 2; a contract ending
as planned 1. After that revision (specifications in tests/test_inside_mechanisms.py, in other
wordings): fresh7 precision 1.000 / 1.000, recall 0.950 / 0.950 (FR / EN), a tuned figure; fresh6
and the other splits unchanged, fresh5 contracts/fr back to 1.00 (every tuned split now 1.00 on
every phenomenon); corporate false alarms 0 / 0 / 0 / 0.
Round 2 (2026-12-02, precision on ordinary text and paraphrases): a probe of 48 posts of the
engineer's own (not in the repo; indirect wordings, slang, SMS, long posts, mixed fr/en), written
before reading the code, first run precision 0.800 / 0.889, recall 0.667 / 0.667 (FR / EN); a second
probe of 24 written after the fixes, first run precision 1.000 / 1.000, recall 0.333 / 0.833 (the
code before the fixes: precision 0.667 / 0.833, recall 0.333 / 0.833). Warn/block findings of the
inside rules on non-corporate corpora (measured only, never tuned on; /work/shared/eval): TweetEval
sentiment val + 4,000 hate train 11 -> 1, 4,000 offensive train 6 -> 1, Allociné TV reviews 18 -> 1,
4,000 French Wikipedia sentences 10 -> 2. Mechanisms (tests/test_inside_open_domain.py): a capital
letter in an entry is matched as written ("série B", not "la série a"), an acronym takes only a
plural ("IPO" is no "iPod"); a topic said ahead with no secrecy needs the post to speak from or of
a company (the `company` cue list: "we", "nous", "on", staff, board, sites, shareholders, stock;
"I" alone is a person); a past year as the sentence's time frames a narrative; analysts spoken to
are no hearsay; a capitalised word after a place preposition is a place; everyday wordings of
closures, departures, wins, holding back and not-yet-known. The tuned splits and corporate false
alarms unchanged (fresh7 acquisition/fr and contracts/en stay at 0.80 as before this round).
bench/data/inside_fresh8.jsonl (split "fresh8"): 80 cases written blind on 2026-12-02 by a fourth
tester (who read no product code), 40 FR / 40 EN, 20 positives each. Run once on main (024b414):
precision 1.000 / 0.889, recall 0.550 / 0.400 (FR / EN); once on the merged code of both rounds
above, the honest number: precision 1.000 / 0.900, recall 0.550 / 0.450. Two rounds of mechanisms
fitted on fresh7 and own probes gained one English case: the misses are wordings the lexicons do not
hold ("wants it kept quiet", "recalling 120k units", "the S-1 draft", "contrat paraphé", "rappel
national", "reçu par erreur un Excel"), not a broken mechanism. Now a development set.
Learned reading (2026-12-02, src/charterguard/inside/model.py and MODEL_CARD.md; trained on
train/inside/, never on these rows): fresh8 recall 0.550 / 0.450 -> 0.750 / 0.800, precision
1.000 / 0.900 -> 1.000 / 0.941 (FR / EN); fresh7 recall 0.95 -> 1.00; every other split unchanged
at 1.00; corporate false alarms 0 / 0 / 0 / 0. The last section prints how many ordinary posts
reach its encoder (past its gate) beside how many hold a topic word of the rules.
bench/data/inside_fresh9.jsonl (split "fresh9"): 88 cases written blind on 2026-12-02 by a fifth
tester (who read no product code nor training data), 44 FR / 44 EN, 22 positives each. Run once on
main (714df90, the rules alone): precision 0.929 / 0.857, recall 0.591 / 0.545 (FR / EN), accuracy
0.773 / 0.727; once on the merged code with the learned reading (corpora A + B + C), the honest
number: precision 0.950 / 0.909, recall 0.864 / 0.909, accuracy 0.909 / 0.909; corporate false
alarms 0 on the four files. (The reading trained on A + B alone scores the same on fresh9.) Still
missed: executives/fr 2 of 3, contracts/fr 1 of 3 and /en 1 of 4, restructuring/en 1 of 3; the
false alarms are a past event and two rumours about others. Now a development set.
Round s11 (2026-12-02, development sets fresh8 and fresh9; specifications in tests/test_inside_framing.py
and tests/test_inside_tense.py, in other wordings), by mechanism: a public act deferred to a later event in
any wording (a communication noun + wait / postponed / only then / not before; "official only Monday"; a
disclosure verb + after; those concerned told only later); a rumour the writer disowns in a phrase of its
own ("pas nous hein", "not us") or told of an indefinite company ("une pépite lyonnaise", "a big payments
startup"); an announcement made at a past time as public framing ("was announced back in June", "annoncée
en mai"; not "announced internally"); the near-future passive ("va être remercié"); the French simple
future read from its forms in every person; a site noun of two words ("contact centre"), a name before the
topic ("the Port of Antwerp award letter"), a short question answered next; compound names whose site word
is no site ("box office", "bureau de vote"); topics: award letters, convertible bonds, a listing named by
its market, staff moved to a contractor, a unit let go ("on se sépare du pôle"). fresh9 precision 0.950 /
0.909 -> 1.000 / 1.000, recall 0.864 / 0.909 -> 1.000 / 1.000; fresh8 precision 1.000 / 0.941 -> 1.000 /
1.000, recall 0.750 / 0.800 -> 0.900 / 0.950 (with corpus D; 0.900 / 0.900 without); fresh7 recall EN
0.950 -> 1.000 (corpus D); every other split 1.00 on every phenomenon; corporate false alarms 0 / 0 / 0 / 0.
Tuned figures: fresh10's first run is the estimate.
bench/data/inside_fresh10.jsonl (split "fresh10"): 88 cases written blind on 2026-12-02 (session 11) by a
sixth tester (no product code nor training data read), 44 FR / 44 EN, 22 positives each. Run once on main
(bee058f): precision 0.870 / 0.850, recall 0.909 / 0.773 (FR / EN), accuracy 0.886 / 0.818; once on the merged
code of round s11 (with corpus D), the honest number: precision **0.870 / 0.857, recall 0.909 / 0.818**,
accuracy 0.886 / 0.841, corporate false alarms 0: one case gained (a purchase-order freeze "not announced
yet"), every other error the same. The round's mechanisms, fitted on fresh9's wordings, barely transfer.
Missed: acquisition/en 2 of 3 (a leak told only by hints, "in a few weeks we'll own them"), a restatement of
revenue, contracts held for a standstill or appeal period (FR and EN), a head office losing a floor; false
alarms: published news framed as "the filing went live at 7am", "c'est désormais public", a CEO's televised
denial of closures, a compliance quiz, an office reorganisation, a rumour about a supplier. Now a development set.
Round s12 (the learned reading's reach; src/charterguard/inside/MODEL_CARD.md): --stages SPLIT prints where
each mistake is decided (the learned reading's gate, its head, a rule's framing that cancelled it, or the
rules' cue for a false alarm); --corpus DIR measures held-out labelled rows (train/inside/corpus_e, not
trained on). The learned reading has a threshold per language (FR 0.7933, EN 0.8329); past and general cues
no longer cancel it (the head reads those posts itself):
fresh10 recall 0.909 / 0.818 -> 0.909 / 0.864 (FR / EN; a development set, weak evidence), precision 0.870 /
0.857 -> 0.870 / 0.864; every other split unchanged; corporate false alarms 0 / 0 / 0 / 0.
bench/data/inside_fresh11.jsonl (split "fresh11"): 84 cases written blind on 2026-12-02 (session 12) by a
seventh tester (no product code nor training data read), 42 FR / 42 EN, 21 positives each. Run once on main
(dd062dd): precision 1.000 / 0.895, recall 0.952 / 0.810 (FR / EN), accuracy 0.976 / 0.857, the best first run
so far; once on the merged code of round s12, the honest number: **the same, to every error**. Missed: a leak
told as a joke about a "friend" (acquisition/en), a warehouse lease not renewed with staff told later, "transition
packages" for 60 people, a site "mis en vente" with 200 people concerned, a site wound down told in one clause
of a long thank-you post (restructuring); false alarms: a closure "as shared in this morning's company-wide email
and press statement", a rumour about a rival relayed as gossip. Now a development set.
Round s13 (development sets fresh8, fresh10, fresh11; specifications in tests/test_inside_wordings.py, in other
wordings), by mechanism: a phrasal verb with its object pronoun ("wind it down"); a hyphenated place, a holiday,
a brand after "a"/"un" and a name in a sentence without a topic word are no other company for the rumour
checks; a routine beside an official disclosure still to come cancels nothing; holidays as disclosure dates;
"our suppliers" are another company for a deal of theirs (not for a customer leaving us); made-up facts (a
quiz, an exam or interview question, a case study, a hypothetical about the reader's company: the `exercise`
cue list); more public framings (a press statement, a filing gone live, "I can finally say it"); a lease not
renewed, severance packages for a number of people. fresh11 precision / recall FR 1.000 / 0.952 -> 1.000 /
1.000, EN 0.895 / 0.810 -> 1.000 / 1.000; fresh10 FR 0.870 / 0.909 -> 1.000 / 0.909, EN 0.864 / 0.864 -> 1.000 /
0.909; fresh8 recall 0.900 / 0.950 -> 1.000 / 1.000; every other split 1.00; corpus_e (held out, not trained
on) leak recall FR 206 -> 211 / 365, EN 189 -> 197 / 348, pass rows flagged 48 -> 28 / 876 (the last step, a draft
release held as non-public and "the market" as a company word, was read off corpus_e's own vetoed leaks: +2 FR /
+6 EN of those are tuned); corporate false alarms 0 / 0 / 0 / 0. Tuned figures: the next blind set is the estimate.
Round s15 (2026-12-03; corpus_e's misses tabulated by stage and shape; specifications in
tests/test_inside_allusions.py, in other wordings): short non-public shapes ("Nobody knows.", "the market hasn't.",
"pas le droit de le dire"), a decision ahead, units sold, exits, prospectuses, chairs that go, an executive's farewell
before the announcement, a whole sector as general, a colleague's given name, ambiguous cues by the words after them:
fresh13 FR 1.000 / 0.857 -> 1.000 / 0.952, EN 0.952 / 0.952 -> 1.000 / 1.000 (tuned); corpus_e leaks 428 -> 436 / 713,
pass rows 28 -> 28 / 876; every other split unchanged; corporate false alarms 0 / 0 / 0 / 0.
bench/data/inside_fresh14.jsonl (split "fresh14"): written blind on 2026-12-03, first run on main 34d34b5: precision
1.000 / 1.000, recall 0.762 / 0.714 (FR / EN). Round s15b (2026-12-03; tests/test_inside_signs.py, other wordings): the
official version still the old one, a department still believing the old plan, a signature missing, nothing to show yet,
a press release or an official signing ahead, an executive's farewell, a euphemism presented to unions, a deal's closing, a
rehearsal, sites and products named with acronyms or models, « au profit de » and fire exits as compounds, a spoiler
answering the post's own question, a contract's object, a clipped fact told secret apart: fresh14 1.000 / 1.000 both
ways, fresh12 FR 0.895 / 0.810 -> 0.950 / 0.905 (tuned); corpus_e leaks 436 -> 449 / 713, pass rows 28 -> 28 / 876;
every other split unchanged; corporate false alarms 0 / 0 / 0 / 0.
Round s16 (2026-12-03): the learned reading trained on these sets too, each left out in turn
(bench/inside_sets_loso.py; MODEL_CARD.md): not shipped. A split the model is trained on
(`train_model.TRAINED_SETS`, none today) is printed as a training-fit figure.
bench/data/inside_fresh15.jsonl (split "fresh15"): written blind on 2026-12-03, first run on main f4fecd8 (the same on
ae8a641): precision 1.000 / 1.000, recall 0.762 / 0.857 (FR / EN). Round s16b (2026-12-03; tests/test_inside_consequences.py,
other wordings): a deal told by its consequence (becoming colleagues), a signing pencilled in, a listing by its registration
document or its bell, the deal's advisers at our premises, the writer preparing the deal's documents or declining to give
details, nearer than people think, news held until a date, those who would be told not informed, an executive's health, a
mock-up seen and the writer's feigned ignorance: fresh15 1.000 / 1.000 both ways (tuned), fresh12 EN recall 0.905 -> 0.952;
corpus_e leaks 449 -> 450 / 713, pass rows 28 -> 28 / 876; every other split unchanged; corporate false alarms 0 / 0 / 0 / 0.
False alarms: the four corporate files of bench/eval_tone.py; target <= 1%.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from charterguard.charter.model import Charter
from charterguard.engine import Checker
from charterguard.inside.train_model import TRAINED_SETS

NOW = datetime(2026, 11, 22, tzinfo=UTC)
DATA = ROOT / "bench" / "data"
# The later sets, one file each (inside_fresh.jsonl, inside_fresh2.jsonl, ...) in the order they were
# written: a new set is a new file, nothing to edit here.
FRESH_SPLITS = sorted(
    (path.stem.removeprefix("inside_") for path in DATA.glob("inside_fresh*.jsonl")),
    key=lambda split: int(split.removeprefix("fresh") or 1),
)
# Development sets written by another tester alongside a blind set (inside_dev18.jsonl, split "dev18"): one file each too.
DEV_SPLITS = sorted((path.stem.removeprefix("inside_") for path in DATA.glob("inside_dev[0-9]*.jsonl")), key=lambda split: int(split.removeprefix("dev")))
SPLITS = ["dev", "report", *FRESH_SPLITS, *DEV_SPLITS]  # dev and report: inside_fr.jsonl and inside_en.jsonl
CORPORATE = ["corporate_posts_fr.txt", "corporate_negative_fine_fr.txt", "corporate_posts_en.txt", "corporate_negative_fine_en.txt"]
BEFORE = """
name: before
rules:
  - id: speaking.market_sensitive
    kind: terms
    category: confidential
    severity: warn
    clause: "6.3"
    terms: [rachat de, nous allons racheter, projet d'acquisition, acquisition en cours, fusion avec, plan social,
            licenciements, introduction en bourse, levée de fonds en cours, avertissement sur résultats, we are acquiring,
            acquisition talks, merger with, layoffs, going public, profit warning]
    message: x
    examples: {flag: [x], pass: [y]}
"""


def load() -> list[dict]:
    rows = []
    for name in ("inside_fr.jsonl", "inside_en.jsonl", *(f"inside_{split}.jsonl" for split in (*FRESH_SPLITS, *DEV_SPLITS))):
        path = DATA / name
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def predictor(checker: Checker, rule_ids: set[str]) -> Callable[[str, str], bool]:
    def predict(text: str, language: str) -> bool:
        report = checker.check(text, lang=language, now=NOW)
        return any(
            f.severity in ("warn", "block") and (f.rule in rule_ids or rule_ids & set(f.also)) for f in report.findings
        )

    return predict


def prf(pairs: list[tuple[int, bool]]) -> tuple[float, float, float, float]:
    tp = sum(1 for y, p in pairs if y and p)
    fp = sum(1 for y, p in pairs if not y and p)
    fn = sum(1 for y, p in pairs if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = sum(1 for y, p in pairs if bool(y) == p) / max(len(pairs), 1)
    return precision, recall, f1, accuracy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument(
        "--errors",
        choices=[split for split in SPLITS if split != "report"],
        help="print the misses and false alarms of a split (never report's: nobody tunes on it)",
    )
    parser.add_argument(
        "--stages",
        choices=[*(split for split in SPLITS if split != "report"), "corpus"],
        help="for each mistake of a split (or of --corpus: counts only), the stage that decided it: the rules, the learned reading's gate, "
        "its head, or a rule's framing that cancelled what the head read (never report's)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help="also measure on a folder of our own labelled rows (train/inside's format) that the model was not "
        "trained on (train/inside/corpus_e): recall by language and topic, false alarms by pass kind",
    )
    args = parser.parse_args()

    charter = Charter.load("default")
    ids = {r.spec.id for r in charter.rules if r.spec.kind == "inside_information" and r.spec.enabled}
    confidential = {r.spec.id for r in charter.rules if r.spec.category == "confidential" and r.spec.enabled}
    systems = {
        "inside_information": predictor(Checker(charter.only(ids)), ids),
        "before (word list)": predictor(Checker(Charter.from_yaml(BEFORE)), {"speaking.market_sensitive"}),
        # Every confidential rule of the default charter (unreleased_figures, investment_advice...):
        # what a writer sees; the other rules are owned elsewhere and only shown here.
        "all confidential": predictor(Checker(charter.only(confidential)), confidential),
    }
    rows = load()
    splits = list(SPLITS) if args.split == "all" else [args.split]
    for extra in (args.errors, args.stages):
        if extra and extra != "corpus" and extra not in splits:
            splits.append(extra)
    print(f"rules: {', '.join(sorted(ids))}; {len(rows)} cases")
    predictions: dict[str, list[bool]] = {}
    for name, predict in systems.items():
        started = time.perf_counter()
        predictions[name] = [predict(r["text"], r["language"]) if r["split"] in splits else False for r in rows]
        print(f"{name}: {(time.perf_counter() - started) * 1000 / len(rows):.2f} ms/post (wall, whole check)")
    main_name = "inside_information"
    for split in splits:
        print(f"\n=== split {split} ===  accuracy per phenomenon (target >= 0.90 on every one, FR and EN)")
        if split in TRAINED_SETS:
            # The learned reading read these rows in training: its score here is how well it fits them, not what it does on posts nobody has seen.
            print(f"{split} is trained on (train_model.TRAINED_SETS): a training-fit figure; its first run (notes above) is the honest one")
        print(f"{'phenomenon':16} {'lang':4} {'n':>3} {'label':>5} " + " ".join(f"{n[:18]:>18}" for n in systems))
        cells: dict[tuple[str, str], list[int]] = defaultdict(list)
        for k, r in enumerate(rows):
            if r["split"] == split:
                cells[(r["phenomenon"], r["language"])].append(k)
        failing = []
        for (phenomenon, language), indices in sorted(cells.items(), key=lambda c: (rows[c[1][0]]["label"] == 0, c[0])):
            label = rows[indices[0]]["label"]
            cols = []
            for name in systems:
                acc = sum(1 for k in indices if predictions[name][k] == bool(rows[k]["label"])) / len(indices)
                cols.append(f"{acc:18.2f}")
                if name == main_name and acc < 0.9:
                    failing.append(f"{phenomenon}/{language}")
            print(f"{phenomenon:16} {language:4} {len(indices):3d} {'pos' if label else 'neg':>5} " + " ".join(cols))
        print(f"\n{'system':20} {'lang':4} {'prec':>6} {'recall':>6} {'F1':>6} {'acc':>6}")
        for name in systems:
            for language in ("fr", "en"):
                pairs = [(r["label"], predictions[name][k]) for k, r in enumerate(rows) if r["split"] == split and r["language"] == language]
                p, rec, f1, acc = prf(pairs)
                print(f"{name[:20]:20} {language:4} {p:6.3f} {rec:6.3f} {f1:6.3f} {acc:6.3f}")
        fit = " (training fit)" if split in TRAINED_SETS else ""
        print(f"\n{split}{fit}: every phenomenon >= 0.90: " + ("MET" if not failing else "NOT MET (" + ", ".join(failing) + ")"))
    if args.errors:
        print(f"\nmistakes on {args.errors}:")
        for k, r in enumerate(rows):
            if r["split"] == args.errors and predictions[main_name][k] != bool(r["label"]):
                kind = "miss" if r["label"] else "false alarm"
                print(f"  [{r['language']} {r['phenomenon']} {kind}] {r['text']}")

    if args.corpus:
        held = corpus(args.corpus, systems[main_name])
        if args.stages == "corpus":
            stages(charter, ids, held, show=False)
    if args.stages and args.stages != "corpus":
        stages(charter, ids, [(r, predictions[main_name][k]) for k, r in enumerate(rows) if r["split"] == args.stages])
    semantic = {r.spec.id for r in charter.rules if r.spec.kind == "semantic" and r.spec.enabled}
    for label, rule_ids in (("inside_information rules", ids), ("semantic rules", semantic)):
        false_alarms(label, charter, rule_ids)
    gate_rates(charter, ids)
    return 0


def corpus(folder: Path, predict: Callable[[str, str], bool]) -> list[tuple[dict, bool]]:
    """Recall and false alarms of `predict` on labelled rows the model never read (a held-out batch)."""
    from charterguard.inside.train_model import read_rows

    rows = read_rows(folder)
    flagged = [predict(text, language) for language, _, _, text in rows]
    print(f"\nHeld-out rows {folder} ({len(rows)}): share flagged (recall on leak rows, false alarms on pass rows)")
    for label, key in (("language", 0), ("kind", 2)):
        cells: dict[tuple[bool, str], list[bool]] = defaultdict(list)
        for row, f in zip(rows, flagged):
            cells[(row[1], row[key])].append(f)
        print(f"  by {label}: " + ", ".join(f"{'leak' if leak else 'pass'} {name} {sum(v)}/{len(v)} {sum(v) / len(v):.3f}" for (leak, name), v in sorted(cells.items(), reverse=True)))
    return [({"text": text, "language": language, "label": int(leak), "phenomenon": kind}, f) for (language, leak, kind, text), f in zip(rows, flagged)]


def stages(charter: Charter, ids: set[str], cases: list[tuple[dict, bool]], show: bool = True) -> None:
    """Where each mistake is decided (`InsideAnalyzer.learned_stage`). A miss: no text of the post past
    the learned reading's gate ("gate closed", its best score beside the language's gate threshold), the
    post framed out before any embedding (public, an exercise, no company nor topic word), read under
    the threshold and not from even odds ("head under"), or read above what it needed and cancelled by a
    rule's framing ("vetoed"; "vetoed from even odds" when only the path of a text that says its fact is
    not public reached it). A false alarm: found by the rules (their cue) or by the learned reading
    ("learned", "learned from even odds")."""
    from charterguard.inside.analyzer import reading_spans

    analyzer = next(r.detector.analyzer for r in charter.rules if r.spec.id in ids and r.detector.analyzer.learned is not None)
    learned = analyzer.learned
    print(f"\nStages of the mistakes (gate thresholds {learned.model.gate_thresholds}, head threshold {learned.model.thresholds or learned.threshold})")
    counts: dict[str, int] = defaultdict(int)
    for row, flagged in cases:
        if flagged == bool(row["label"]):
            continue
        text, language = row["text"], row["language"]
        gate = max((learned.model.gate_score(text[a:b]) for a, b in reading_spans(text)), default=float("-inf"))
        traced = analyzer.learned_stage(text, language, NOW)
        head = traced.probability if traced else 0.0
        odds = " from even odds" if traced and traced.even_odds else ""
        if row["label"]:
            stage = f"miss: {traced.stage if traced else 'no reading'}{odds if traced and traced.stage == 'vetoed' else ''}"
        else:
            cues = sorted({f.cue + (odds if f.cue == "learned" else "") for f in analyzer.analyze(text, language, NOW)}) or ["another rule"]
            stage = "false alarm: " + "+".join(cues)
        if not show:
            stage = f"{stage} ({row['phenomenon']})"
        counts[stage] += 1
        if show:
            print(f"  [{language} {row['phenomenon']}] {stage:26} gate {gate:6.2f}/{learned.model.gate_thresholds.get(language, 0):.2f} head {head:.3f}  {text[:90]}")
    print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))


def gate_rates(charter: Charter, ids: set[str]) -> None:
    """How many ordinary posts reach the learned reading's encoder (past its gate), beside how
    many hold a topic word of the rules (the first stage the rules have): the encoder's cost is
    paid on the first share only."""
    from bench_pii import posts as pii_posts

    from charterguard.inside.analyzer import reading_spans
    from charterguard.inside.lexicon import tokenize
    from charterguard.inside.model import load_inside_model

    model = load_inside_model()
    if model is None:
        print("\nlearned reading: no model (or no encoder)")
        return
    detectors = [r.detector for r in charter.rules if r.spec.id in ids]
    analyzer = next(d.analyzer for d in detectors if d.analyzer.learned is not None)
    print("\nShare of posts past the learned reading's gate (embedded) vs. holding a topic word of the rules")
    sets = {name: [line.strip() for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()] for name in CORPORATE}
    sets.update({f"bench_pii posts {lang}": pii_posts(lang, 60) for lang in ("fr", "en")})
    for name, posts in sets.items():
        language = "fr" if "_fr" in name or name.endswith("fr") else "en"
        gated = topical = units_read = 0
        for text in posts:
            tokens = tokenize(text)
            past = sum(model.passes_gate(text[a:b], language) for a, b in reading_spans(text))
            gated += past > 0
            units_read += past
            topical += analyzer.holds_topic_word(tokens)
        n = max(len(posts), 1)
        print(f"{name:38} {len(posts):5d} posts  past the gate {gated / n:6.1%} ({units_read} texts embedded)  topic word {topical / n:6.1%}")


def false_alarms(label: str, charter: Charter, ids: set[str]) -> None:
    print(f"\nFalse alarms at warn/block on ordinary corporate posts, {label} (target <= 1%)")
    checker = Checker(charter.only(ids))
    for name in CORPORATE:
        path = DATA / name
        if not path.is_file():
            print(f"{name:38} (missing)")
            continue
        language = "fr" if "_fr" in name else "en"
        posts = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        flagged = sum(predictor(checker, ids)(text, language) for text in posts)
        rate = flagged / max(len(posts), 1)
        print(f"{name:38} {len(posts):5d} posts {flagged:4d} flagged {rate:6.1%}  " + ("MET" if rate <= 0.01 else "NOT MET"))


if __name__ == "__main__":
    raise SystemExit(main())

"""Does training the learned reading of secrets on the blind testers' sets transfer to the next set? Leave one set out.

    .venv/bin/python bench/secrets_sets_loso.py [--held holdout4 holdout5 ...] [--workdir DIR]

For each held-out set k (every set of `train_presented.TRAINED_SETS` a blind tester wrote: holdout4 and later, dev18,
dev19), the learned reading (`secrets.presented`) is trained by the shipped recipe (`train_presented.main`) on
train/secrets plus every set of TRAINED_SETS but k, and measured on k against the model trained on train/secrets alone
(`--sets` with none: the recipe before session 19; its file is built once, here, too).

Measured is the reading **alone**: every candidate of k's posts (`presented.candidate_spans`, no rule's finding taken
out), reported when the full reading reaches the threshold and the context alone its own. The rules were tuned on
every set, so the stacked system hides what the reading adds on a set it never saw; alone, it shows how much of a new
tester's secrets the reading finds (of k's credential values: found / all; the values no candidate holds, URLs' passwords,
key blocks and passphrases of several words, are the rules' ground) and what it flags that is no labelled value
(false: tokens of harmless posts and non-secret tokens of posts with a secret). At 0.96 (the default charter's
`learned_threshold`) and at each model's own threshold. Measured only: nothing here writes the shipped model.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from eval_secrets import CREDENTIALS, load  # noqa: E402

from charterguard.secrets.presented import PresentedModel, candidate_spans, context_only, features, read_presented_model  # noqa: E402
from charterguard.secrets.train_presented import TRAINED_SETS  # noqa: E402
from charterguard.secrets.train_presented import main as train  # noqa: E402

CHARTER_THRESHOLD = 0.96  # policies/default.yaml, secret.credentials' learned_threshold
BLIND = tuple(s for s in TRAINED_SETS if (s.startswith("holdout") and s[7:].isdigit() and int(s[7:]) >= 4) or s.startswith("dev1"))


def trained(workdir: Path, name: str, sets: list[str]) -> PresentedModel:
    out = workdir / f"{name}.json.gz"
    with contextlib.redirect_stdout(io.StringIO()):
        code = train(["--data", str(ROOT / "train/secrets"), "--bench-posts", str(ROOT / "bench/data/secrets_posts.jsonl"),
                      "--out", str(out), "--sets", *sets])
    if code != 0:
        raise SystemExit(f"training {name} failed ({code})")
    model = read_presented_model(out)
    assert model is not None
    return model


def measure(model: PresentedModel, rows: list[dict], threshold: float) -> Counter:
    counts: Counter = Counter()
    for row in rows:
        text = row["text"]
        values = [(s, e) for s, e, family in row["gold"] if family in CREDENTIALS]
        labelled = [(s, e) for s, e, _ in row["gold"]]
        flagged = []
        for start, end in candidate_spans(text):
            feats = features(text, start, end)
            if model.full.probability(feats) >= threshold and model.context.probability(context_only(feats)) >= model.context_threshold:
                flagged.append((start, end))
        counts["values"] += len(values)
        counts["found"] += sum(any(a < e and s < b for a, b in flagged) for s, e in values)
        counts["false"] += sum(not any(a < e and s < b for s, e in labelled) for a, b in flagged)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--held", nargs="*", default=list(BLIND), choices=list(BLIND), metavar="SET")
    parser.add_argument("--workdir", type=Path, default=None, help="where the fold models are written (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.workdir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        alone = trained(workdir, "train_secrets_only", [])
        print(f"train/secrets only: threshold {alone.threshold:.4f}")
        columns = ("own rows @0.96", "own rows @own", "+ other sets @0.96", "+ other sets @own")
        print(f"{'held out':<10} " + "  ".join(f"{c:>22}" for c in columns) + "   (found/values, false)")
        total = {c: Counter() for c in columns}
        for held in args.held:
            fold = trained(workdir, f"without_{held}", [s for s in TRAINED_SETS if s != held])
            rows = load(held)
            cells = []
            for column, model, threshold in zip(columns, (alone, alone, fold, fold),
                                                (CHARTER_THRESHOLD, alone.threshold, CHARTER_THRESHOLD, fold.threshold)):
                c = measure(model, rows, threshold)
                total[column].update(c)
                cells.append(f"{c['found']:>3}/{c['values']:<3} false {c['false']:<2}")
            print(f"{held:<10} " + "  ".join(f"{cell:>22}" for cell in cells) + f"   (fold threshold {fold.threshold:.4f})", flush=True)
        print("all held   " + "  ".join(f"{t['found'] / max(t['values'], 1):>9.3f} false {t['false']:<4}" for t in total.values()))


if __name__ == "__main__":
    main()

"""Readers for the public labelled sets used to train and measure the tone model.

The sets live outside the repository (``shared/eval`` next to the work tree, or
``$CHARTERGUARD_EVAL_DIR``); nothing here is shipped data. Each reader returns
`Example`s with a binary label: 1 offensive/toxic/aggressive, 0 not.

Splits are decided by a hash of the text, so they do not depend on file order and
are the same in `train` and in ``bench/eval_tone.py``.

Licences (see each SOURCE.txt): MLMA (MIT), Davidson (MIT) and TweetEval offensive
(released without restrictions) may train; CyberAgressionAdo and Allociné are
CC BY-NC / unstated: measured only, never trained on (`TRAINABLE` says which).
The repository's corporate posts (bench/data/corporate_*.txt) are split the same way
(`corporate_posts`): their development part may choose thresholds, their report part
only reports false alarms. Inside `training()` (what `train.training_sets` and every
threshold choice run under), reading any other set raises `MeasureOnlyError`:
training, calibration and tuning cannot use a measure-only set or a report part.
"""

from __future__ import annotations

import csv
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

# Sets training, calibration and threshold choices may read; every other set is measured only.
TRAINABLE = frozenset({"tweeteval_offensive", "davidson", "mlma_fr", "mlma_en", "corporate_dev"})

_training: ContextVar[bool] = ContextVar("charterguard_tone_training", default=False)


class MeasureOnlyError(RuntimeError):
    """Training or calibration tried to read a set whose licence allows measuring only."""


@contextmanager
def training() -> Iterator[None]:
    """While active (also as a decorator), reading a set not in `TRAINABLE` raises `MeasureOnlyError`."""
    token = _training.set(True)
    try:
        yield
    finally:
        _training.reset(token)


def _readable(name: str) -> None:
    if _training.get() and name not in TRAINABLE:
        raise MeasureOnlyError(f"{name} may only be measured (its licence): training and calibration cannot read it")


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: int
    language: str


def eval_dir() -> Path | None:
    """Where the shared evaluation sets are, or None."""
    env = os.environ.get("CHARTERGUARD_EVAL_DIR")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [p / "shared" / "eval" for p in here.parents] + [p / "shared" / "eval" for p in Path.cwd().resolve().parents]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


def bucket(text: str, buckets: int = 10) -> int:
    """Stable split bucket of a text (0..buckets-1)."""
    return zlib.crc32(text.encode("utf-8")) % buckets


def tweeteval_offensive(part: str) -> list[Example]:
    """TweetEval offensive, part 'train', 'val' or 'test'."""
    _readable("tweeteval_offensive")
    root = _require("tweeteval_en/offensive")
    texts = (root / f"{part}_text.txt").read_text(encoding="utf-8").splitlines()
    labels = (root / f"{part}_labels.txt").read_text(encoding="utf-8").split()
    return [Example(t, int(l), "en") for t, l in zip(texts, labels)]


def davidson() -> list[Example]:
    """Davidson et al. 2017: hate speech or offensive (1) vs neither (0)."""
    _readable("davidson")
    path = _require("davidson_hate_offensive") / "labeled_data.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [Example(row["tweet"], int(row["class"] in ("0", "1")), "en") for row in csv.DictReader(handle)]


def mlma(language: str) -> list[Example]:
    """MLMA hate speech (fr or en): anything but a single 'normal' label is toxic (1)."""
    _readable(f"mlma_{language}")
    path = _require("mlma_hate_speech") / f"{language}_dataset.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [Example(row["tweet"], int(row["sentiment"].strip() != "normal"), language) for row in csv.DictReader(handle)]


def cyberagression() -> list[Example]:
    """CyberAgressionAdo (CC BY-NC: measure only): OAG/CAG aggressive (1) vs NAG (0)."""
    _readable("cyberagressionado_fr")
    path = _require("cyberagressionado_fr") / "cyberagression_large_majority_vote.csv"
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = (row.get("HATE") or "").strip()
            if label in ("OAG", "CAG", "NAG") and (row.get("TEXT") or "").strip():
                out.append(Example(row["TEXT"], int(label != "NAG"), "fr"))
    return out


# -- splits -----------------------------------------------------------------------
# Davidson and MLMA have no official split: buckets 0-1 (20 %) are held out for
# evaluation, bucket 2 (10 %) calibrates, the rest trains. TweetEval has its own
# val/test: bucket 0 of its train part calibrates.


def split(examples: list[Example], part: str) -> list[Example]:
    """'test', 'calib' or 'train' part of a set without an official split."""
    wanted = {"test": (0, 1), "calib": (2,), "train": (3, 4, 5, 6, 7, 8, 9)}[part]
    return [e for e in examples if bucket(e.text) in wanted]


def tweeteval_split(part: str) -> list[Example]:
    """'train' / 'calib' from TweetEval's train file; 'val' / 'test' as published."""
    if part in ("val", "test"):
        return tweeteval_offensive(part)
    rows = tweeteval_offensive("train")
    return [e for e in rows if (bucket(e.text) == 0) == (part == "calib")]


CORPORATE_PARTS = ("dev", "report")


def corporate_part(text: str) -> str:
    """'dev' or 'report': the half of the corporate posts a post belongs to (buckets 0-4 of
    the CRC32 of its text: stable whatever the file order, and a post keeps its part when
    others are added)."""
    return "dev" if bucket(text) < 5 else "report"


def corporate_posts(path: Path, part: str) -> list[str]:
    """The posts (one a line) of a corporate file of bench/data in `part` ('dev', 'report'
    or 'all'). Only the 'dev' part may tune (`training()`): 'report' and 'all' are measured."""
    if part not in (*CORPORATE_PARTS, "all"):
        raise ValueError(f"part must be dev, report or all, not {part!r}")
    _readable(f"corporate_{part}")
    posts = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [p for p in posts if part == "all" or corporate_part(p) == part]


def _require(relative: str) -> Path:
    root = eval_dir()
    if root is None or not (root / relative).exists():
        raise FileNotFoundError(f"evaluation set {relative} not found (set CHARTERGUARD_EVAL_DIR)")
    return root / relative

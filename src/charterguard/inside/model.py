"""A learned reading of inside information: does a post tell a sensitive fact of the company
(a deal, figures, a closure, a raise, a contract, an executive, a product) that is not public
yet, in words no lexicon holds ("the board wants it kept quiet", "contrat signé mardi, rien
avant le conseil")?

The analyzer's rules (analyzer.py) find the wordings their lexicons hold; this model reads
what a post means, as the tone reading does (`tone.hostility_model`), with the same shared
pieces (`semantic.classifier`), trained on our own labelled posts (train/inside/, see
MODEL_CARD.md). Two stages, so that ordinary posts never pay for the encoder:

- the gate (cheap, no encoder): a naive-Bayes score over the words, word pairs and 4-letter
  pieces of the text read reaches its language's `gate_thresholds` (set on the training
  data's cross-validated scores: train_model.GATE_RECALL_LOSS);
- the head: the sentence encoder's embedding (`semantic.encoder`) of each text past the
  gate, a logistic regression calibrated by Platt scaling on out-of-fold margins
  (`read`), and a second regression telling which topic it is about (`TOPICS`).
  `threshold` holds the false alarms of gate and head together on our own hard negatives
  (the same topics published, past, general, of other companies, hypothetical, vague);
  `thresholds` does so per language, on that language's rows (`threshold_for`).

What is read (`units`): a short post whole, as the training rows are written (the cue that
makes a fact secret is often in the next sentence: "Contrat signé. On n'en parle pas avant
lundi."); a longer post in pieces of adjacent sentences of that length, never a fragment of a
few words (read alone, "But maybe not." or "encore !" scored as leaks on open-domain text).

Built by ``python -m charterguard.inside.train_model`` (numpy only, deterministic), shipped as
``data/inside_model.json.gz``. Without the file or the encoder the reading is skipped and the
rules work alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..semantic.classifier import CalibratedHead, gate_score, read_model_file

TOPICS = ("acquisition", "results", "restructuring", "fundraising", "contracts", "executives", "products")
PASS_KINDS = ("published", "past", "general", "others", "ordinary", "hypothetical", "vague")
FORMAT = 1
# The texts read are at most this long (characters), as the training rows are (posts of one to
# three sentences); a longer post is read in pieces of adjacent sentences up to this length.
UNIT_MAX_CHARS = 320
# A text of fewer words states no fact the model can read (a lone "But maybe not.", "encore !"):
# embedded alone, such fragments read as anything.
UNIT_MIN_WORDS = 6
# The threshold of a text past the gate that says its fact is not public (a secrecy cue; a shape of
# evidence.py: who does not know, how the writer knows ahead, a disclosure to an official audience to
# come) in a post of a company: the head's reading is reported from even odds (train_model.THRESHOLD_FLOOR)
# instead of the calibrated threshold, unless a routine event or an article is what the secret is about.
# s14: out of fold on our rows +92 of the 587 leaks that say so, 0 of the 69 pass rows that do; on the
# held-out corpus E +16 leaks, 0 pass rows.
UNDISCLOSED_THRESHOLD = 0.5


def units(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) spans of `text` the model reads: adjacent sentences (`sentences`: the
    analyzer's spans, in order) packed up to `UNIT_MAX_CHARS` (a short post is one piece; a
    longer sentence is a piece alone), each of at least `UNIT_MIN_WORDS` words."""
    pieces: list[tuple[int, int]] = []
    for start, end in sentences:
        if not text[start:end].strip():
            continue
        if pieces and end - pieces[-1][0] <= UNIT_MAX_CHARS:
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    return [(a, b) for a, b in pieces if len(text[a:b].split()) >= UNIT_MIN_WORDS]


@dataclass(frozen=True)
class InsideModel:
    gate_weights: dict[str, float]  # naive-Bayes log-count ratio per feature
    gate_thresholds: dict[str, float]  # per language
    head: CalibratedHead  # inside information or not, and which of TOPICS
    threshold: float  # decision threshold on the probability (of the gate and head together), all languages pooled
    thresholds: dict[str, float] = field(default_factory=dict)  # the same, per language (files before s12 have none)

    def threshold_for(self, language: str) -> float:
        """The decision threshold of texts in `language` (the pooled one for a language without its own)."""
        return self.thresholds.get(language, self.threshold)

    def gate_score(self, text: str) -> float:
        return gate_score(self.gate_weights, text)

    def passes_gate(self, text: str, language: str) -> bool:
        """Is the text worth embedding? (cheap: no encoder)"""
        threshold = self.gate_thresholds.get(language)
        return threshold is not None and self.gate_score(text) >= threshold

    def read(self, texts: list[str]) -> list[tuple[float, str]]:
        """(calibrated probability of inside information, most likely topic) of each text; embeds them."""
        return self.head.read(texts)


def inside_model_path():
    return resources.files(__package__).joinpath("data", "inside_model.json.gz")


@lru_cache(maxsize=1)
def load_inside_model() -> InsideModel | None:
    """The shipped model, or None (no file, another format, or the encoder not installed)."""
    data = read_model_file(inside_model_path(), FORMAT, "topics", TOPICS, "inside-information model")
    if data is None:
        return None
    return InsideModel(
        gate_weights={str(k): float(v) for k, v in data["gate_weights"].items()},
        gate_thresholds={str(k): float(v) for k, v in data["gate_thresholds"].items()},
        head=CalibratedHead.of(data, "topic", TOPICS),
        threshold=float(data["threshold"]),
        thresholds={str(k): float(v) for k, v in data.get("thresholds", {}).items()},
    )

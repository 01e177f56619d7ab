"""A learned reading of hostility: does a sentence insult, run down, threaten or discriminate
against someone, in words no list holds ("un mollusque en costume", "a wet paper towel")?

Hand-written cues (`meaning`) find the wordings someone thought of; each new author brings
new metaphors. This model reads what a sentence *means*: a logistic regression on its
multilingual sentence embedding (`charterguard.semantic.encoder`, USE-multilingual v3,
French and English alike), trained on our own labelled sentences (train/tone/); beside it, on the
same embedding, the tester head (`TesterHead`), trained also on every earlier tester's posts
(`train_hostility.TRAINED_BENCH_SETS`): a sentence is hostile when either head passes its own
threshold, so what the head trained on our rows flags stays flagged (MODEL_CARD.md). The tester
head has its own gate too (`TesterHead.gate_weights`): a sentence reaches the heads when either
gate opens, and one only the tester gate lets in is judged by the tester head alone. Two stages,
so that ordinary posts never pay for the encoder:

- the gate (cheap, per sentence): the sentence names someone (a role, a company, a group,
  a person pronoun, an @mention; `linguistics.target_words`) and a naive-Bayes score over
  its words, word pairs and 4-letter pieces reaches its language's `gate_thresholds` (set on
  the training data's cross-validated scores to let ~73 % of the hostile sentences through:
  a cost choice, see train_hostility.GATE_RECALL_LOSS);
- the head: the encoder's embedding of each sentence past the gate (and of each of its
  `clauses` when it is long: the most hostile piece counts), a logistic regression
  calibrated by Platt scaling on out-of-fold margins (`probability`), and a second
  regression telling which kind of hostility it is (`KINDS`). `threshold` holds the false
  alarms of gate and head together; findings aimed at no role the parse names stand at the
  head's own, stricter `unaimed_threshold`.

The gate reads words: a put-down made of ordinary words (a comparison, "couldn't find his own
backside with a map", a threat by consequence) scores just under it. Sentences whose score lies
within `gate_reach` under the gate (the near-gate band) are embedded too, and stand only at the
stricter `near_gate_threshold`, set in training on the band's own hard negatives
(train_hostility.NEAR_GATE_FALSE_ALARMS): the band adds recall without the gate's false alarms.

Under `threshold`, a put-down of a workplace role is read again by `targeted_model` (the
sentence with its target masked), which has its own gate (`gates`) and decides it in `meaning`.

Built by ``python -m charterguard.tone.train_hostility`` (numpy only, seeded), shipped as
``data/hostility_model.json.gz``. Without the file or the encoder the reading is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..linguistics import AMBIGUOUS_CLITICS, PERSON_PRONOUNS, quick_words, spells_given_name, target_words
from ..semantic import encoder
from ..semantic.classifier import CalibratedHead, gate_score, read_model_file
from .targeted_model import TargetedModel, load_targeted_model

KINDS = ("insult", "disparage", "hate", "threat")
FORMAT = 3
# A sentence past the gate longer than this (words) is also read clause by clause: one
# embedding of a long sentence drowns a hostile clause ("X, c'est un économiseur d'écran :
# ça clignote, mais il ne se passe rien"). 14, not 20: measured on blind4 (MODEL_CARD.md).
# The targeted reading's gate reads only sentences whose score at this gate lies within this
# distance under its threshold: a cost choice (bench_tone: the targeted gate read every sentence
# naming someone, +0.09 ms median per French post; within 1.0, about a fifth of them). Measured
# on blind2-8: 10 of the 13 sentences of put-downs its gate alone lets in lie within it.
TARGETED_GATE_REACH = 1.0
CLAUSE_MIN_WORDS = 14
CLAUSE_PIECE_MIN_WORDS = 3  # shorter pieces ("Frauds", "bref") say too little alone
# Marks that end a clause when a space follows them ("1:1" is no boundary), and the words
# that open a coordinate or relative clause after a comma. (`linguistics._CLAUSE_BREAK` is
# the parse's variant, for the scope of a negation, and leaves out "et"/"and".)
_CLAUSE_MARKS = frozenset(";:—–")
_CLAUSE_OPENERS = frozenset(
    "mais et car donc alors puisque parce qui que dont ou tandis "
    "but and so because while who which whose since whereas".split()
)


_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\b")  # a capitalised word: a name, perhaps


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) in `text` of each clause of a long sentence (more than `CLAUSE_MIN_WORDS`
    words), cut at "; ", ": ", " — " and at a comma before a coordinating or relative word
    (", mais", ", and", ", qui", ", who"), by the cheap tokenizer; pieces of fewer than
    `CLAUSE_PIECE_MIN_WORDS` words are left out. [] for a short sentence or a single clause."""
    joined, offsets = quick_words(text)
    forms = joined.split()
    if sum(1 for f in forms if f[0].isalnum()) <= CLAUSE_MIN_WORDS:
        return []
    pieces: list[tuple[int, int]] = []
    first = 0  # token opening the current piece
    for i, form in enumerate(forms):
        end = offsets[i][1]
        mark = form in _CLAUSE_MARKS and text[end : end + 1].isspace()
        comma = form == "," and i + 1 < len(forms) and forms[i + 1] in _CLAUSE_OPENERS
        if mark or comma:
            pieces.append((first, i))
            first = i + 1
    pieces.append((first, len(forms)))
    out = [
        (offsets[a][0], offsets[b - 1][1])
        for a, b in pieces
        if sum(1 for f in forms[a:b] if f[0].isalnum()) >= CLAUSE_PIECE_MIN_WORDS
    ]
    return out if len(out) > 1 else []


# How many sentences `names_someone` remembers: a post's sentences are asked again by the floor's gates, the tester
# gate and the meaning layer (14.5 asks a bench_pii post, 4.4 different ones; README, bench_pii, session 19).
_NAMED_KEPT = 256


def names_someone(text: str, language: str, names: tuple[str, ...] = ()) -> bool:
    """Does the sentence name someone: a role, a company or group word, a person pronoun,
    one of `names` (folded), an @mention, customers described by a relative clause? Forms are read with a final s/x dropped, so
    plurals of the lemma lists count. The answers for the last sentences asked are remembered (`forget_named`)."""
    return _names_someone(text, language, tuple(names))


def _said_of_someone(text: str, language: str, names: tuple[str, ...], about: str | None, before: str | None) -> bool:
    """Is the sentence said of someone, as the gates read it: of whom `about` names when given (the post's topic), else
    of whom it names, else of whom the sentence `before` names (it may go on about them)?"""
    if about is not None:
        return names_someone(about, language, names)
    return names_someone(text, language, names) or before is not None and names_someone(before, language, names)


def forget_named() -> None:
    """Forget the sentences `names_someone` remembers (a benchmark reading the same post again, as a new one)."""
    _names_someone.cache_clear()


@lru_cache(maxsize=4)
def _person_pronouns(language: str) -> frozenset[str]:
    # "le", "la", "les", "l'", "leur" are articles far more often than pronouns.
    return PERSON_PRONOUNS.get(language, frozenset()) - AMBIGUOUS_CLITICS


@lru_cache(maxsize=_NAMED_KEPT)
def _names_someone(text: str, language: str, names: tuple[str, ...]) -> bool:
    if "@" in text:
        return True
    vocabulary = target_words(language)
    pronouns = _person_pronouns(language)
    joined = quick_words(text)[0]
    for form in _forms(joined):
        if (
            form in vocabulary.kinds
            or form in vocabulary.groups
            or form in vocabulary.group_adjectives
            or form in vocabulary.people
            or form in pronouns
        ):
            return True
    if any(spells_given_name(m.group()) for m in _CAPITALISED.finditer(text)):
        return True  # a person named by a given name ("Kevin est un boulet"; the parse decides)
    if vocabulary.customers_described(joined):
        return True  # customers described by what they buy from us ("the pharmacies we kit out")
    padded = f" {joined} "
    return any(f" {name} " in padded for name in names if name)


def names_group(text: str, language: str) -> bool:
    """Does the text name an identity group (origin, religion, gender, orientation, disability,
    age: a noun or adjective of `linguistics.target_words`), in any inflection read as in
    `names_someone`?"""
    vocabulary = target_words(language)
    return any(form in vocabulary.groups or form in vocabulary.group_adjectives for form in _forms(quick_words(text)[0]))


def _forms(joined: str) -> Iterator[str]:
    """Each word of `joined`, and without its final s/x (plurals of the lemma lists); a short
    word the cheap tokenizer cut before an English contraction ("you'" of "you'll", "he'" of
    "he'd") also without its apostrophe."""
    for word in joined.split():
        yield word
        if word[-1:] in ("s", "x"):
            yield word[:-1]
        elif word[-1:] == "'" and len(word) > 2:
            yield word[:-1]


@dataclass(frozen=True)
class TesterHead:
    """A second head on the same embedding, trained on our rows AND every earlier tester's posts
    (`train_hostility.TRAINED_BENCH_SETS`): it reads new testers' wordings better, but alone it
    missed clear put-downs the shipped head finds. Read beside that head, whose decisions are a
    floor: a sentence is hostile when either head passes its own threshold. Its `threshold` and
    `near_gate_threshold` are fitted so that the two together flag no more of our written hard
    negatives than the shipped head alone (train_hostility.fit_tester_head)."""

    head: CalibratedHead
    threshold: float
    near_gate_threshold: float
    # The thresholds of the head it stands beside, as trained: its scale (`on_scale`).
    floor_threshold: float
    floor_near_gate_threshold: float
    # Its own gate, a naive Bayes trained like the floor's on this head's rows ({}: none, a file
    # written before it): it opens on sentences the floor's gate, band and targeted gate leave
    # out, and what it alone lets in is judged by this head alone (`HostilityModel.tester_gate_opens`).
    gate_weights: dict[str, float] = field(default_factory=dict)
    gate_thresholds: dict[str, float] = field(default_factory=dict)

    def opens(self, text: str, language: str, joined: str | None = None) -> bool:
        """Does this head's own gate open on `text` (cheap: no encoder)?"""
        threshold = self.gate_thresholds.get(language)
        return threshold is not None and gate_score(self.gate_weights, text, joined) >= threshold

    def on_scale(self, probability: float) -> float:
        """`probability` (this head's) on the scale of the head it stands beside: 0 under this
        head's threshold (under it, that head decides alone, its lower levels included), then
        linear from each of this head's thresholds to that head's."""
        if probability < self.threshold:
            return 0.0
        low, high = self.floor_threshold, self.floor_near_gate_threshold
        if probability < self.near_gate_threshold:
            return low + (probability - self.threshold) / (self.near_gate_threshold - self.threshold) * (high - low)
        return high + (probability - self.near_gate_threshold) / max(1.0 - self.near_gate_threshold, 1e-9) * (1.0 - high)


@dataclass(frozen=True)
class HostilityModel:
    gate_weights: dict[str, float]  # naive-Bayes log-count ratio per feature
    gate_thresholds: dict[str, float]  # per language
    head: CalibratedHead  # hostile or not, and which of KINDS
    threshold: float  # decision threshold on the probability (of the gate and head together)
    unaimed_threshold: float  # the head's alone: for findings aimed at no role the parse names
    # What a sentence says of a workplace target it names, read with the target masked: under
    # `threshold`, it alone decides a put-down of a workplace role (`meaning`). None: not shipped.
    targeted: TargetedModel | None = None
    # The near-gate band: gate scores within `gate_reach` under the gate, read by the head and
    # kept only at `near_gate_threshold` (0.0: no band, a model file written before it).
    gate_reach: float = 0.0
    near_gate_threshold: float = 1.0
    # Read beside `head` (its decisions a floor): None, the shipped head decides alone.
    tester: TesterHead | None = None

    @property
    def targeted_floor(self) -> float:
        """The general reading's probability from which the targeted reading is asked (both
        must see something: the targeted one alone reads too many plain complaints about a
        named company as put-downs); 1.0 (never) without a targeted model."""
        return self.targeted.general_floor if self.targeted is not None else 1.0

    def gate_score(self, text: str, joined: str | None = None) -> float:
        return gate_score(self.gate_weights, text, joined)

    def passes_gate(self, text: str, language: str, names: tuple[str, ...] = (), about: str | None = None) -> bool:
        """Is the sentence worth embedding? (cheap: no encoder) `about`: the text that names
        whom `text` is said of, when that is not `text` itself (a closing epithet's sentence)."""
        return self.gates(text, language, names, about)[0]

    def gates(
        self, text: str, language: str, names: tuple[str, ...] = (), about: str | None = None, before: str | None = None
    ) -> tuple[bool, bool, bool]:
        """(past this reading's gate, past the targeted reading's gate only, in the near-gate band
        only): the second is read only when the sentence names someone but this gate is closed,
        on the sentence with its workplace target masked (`targeted_model`); a sentence let in by
        it alone is decided by the targeted reading alone (the general threshold was set together
        with its gate). The third: the gate score lies within `gate_reach` under the gate; such a
        sentence is kept only at `near_gate_threshold` (or by the targeted reading, when its gate
        let it in too). `before`: the sentence before, when `text` may go on about whom it names
        ("Globex stand looked great. Shame it was staffed by ..."): a sentence that names no one
        is then read as said of whom `before` names (`about`)."""
        threshold = self.gate_thresholds.get(language)
        if threshold is None:
            return False, False, False
        joined = quick_words(text)[0]
        if about is None and names_someone(text, language, names):
            score = self.gate_score(text, joined)
            if score >= threshold:
                return True, False, False
            near = score >= threshold - TARGETED_GATE_REACH
            targeted = near and self.targeted is not None and self.targeted.passes_gate(joined, language, names)
            return False, targeted, score >= threshold - self.gate_reach
        # (said of whom `about` or the sentence before names: nothing for the targeted reading, which masks the sentence's own)
        if not _said_of_someone(text, language, names, about, before):
            return False, False, False
        score = self.gate_score(text, joined)
        return score >= threshold, False, threshold - self.gate_reach <= score < threshold

    def tester_gate_opens(
        self, text: str, language: str, names: tuple[str, ...] = (), about: str | None = None, before: str | None = None
    ) -> bool:
        """Does the tester head's own gate open on the sentence, said of someone as `gates` (same
        arguments) reads it? Asked when `gates` are all closed: a sentence only this gate lets in
        is read by the tester head alone (`read`'s `tester_only`), the floor's head and thresholds
        having been fitted on what its own gate lets in. False without a tester gate."""
        if self.tester is None or not self.tester.gate_thresholds:
            return False
        return _said_of_someone(text, language, names, about, before) and self.tester.opens(text, language, quick_words(text)[0])

    def read_targeted(self, texts: list[str], language: str, names: tuple[str, ...] = ()) -> list[float | None]:
        """The targeted reading's probability that each text runs down the workplace target it
        names (None: it names none, or the targeted model is not shipped); embeds only those."""
        if self.targeted is None:
            return [None] * len(texts)
        target_masked = [self.targeted.mask_of(t, language, names) for t in texts]
        read = iter(self.targeted.read([m for m in target_masked if m is not None]))
        return [None if m is None else next(read) for m in target_masked]

    def read(self, texts: list[str], tester_only: Sequence[bool] = ()) -> list[tuple[float, str]]:
        """(calibrated probability of hostility, most likely kind) of each text; embeds them.
        `tester_only`: per text, read by the tester head alone (a sentence only its gate let in)."""
        if not texts:
            return []
        return self.read_embedded(encoder.embed(texts), tester_only)

    def read_embedded(self, vectors: Any, tester_only: Sequence[bool] = ()) -> list[tuple[float, str]]:
        """(probability of hostility, most likely kind) of each embedding: the head's, or, with a
        `tester` head, the higher of the two on this head's scale (one more dot product each), and
        the kind of this head when it passes its threshold alone (what it flags stays flagged as it
        reads it: the tester head read "Stay away from those frauds" as a threat, and the threat was
        then dropped as an idiom), else the tester head's; where `tester_only` says so, the tester
        head's alone (0 under its threshold)."""
        read = self.head.read_embedded(vectors)
        if self.tester is None:
            return read
        alone = list(tester_only) + [False] * (len(read) - len(tester_only))
        out = []
        for (floor, floor_kind), (probability, kind), by_tester in zip(read, self.tester.head.read_embedded(vectors), alone):
            scaled = self.tester.on_scale(probability)
            if by_tester:
                out.append((scaled, kind))
            elif scaled <= floor:
                out.append((floor, floor_kind))
            else:
                out.append((scaled, floor_kind if floor >= self.threshold else kind))
        return out


def hostility_model_path():
    return resources.files(__package__).joinpath("data", "hostility_model.json.gz")


@lru_cache(maxsize=1)
def load_hostility_model() -> HostilityModel | None:
    """The shipped model, or None (no file, another format, or the encoder not installed)."""
    data = read_model_file(hostility_model_path(), FORMAT, "kinds", KINDS, "tone hostility model")
    if data is None:
        return None
    return hostility_model_of(data, load_targeted_model())


def hostility_model_of(data: dict[str, Any], targeted: TargetedModel | None) -> HostilityModel:
    """The model a model file's JSON `data` holds (as written by `train_hostility`)."""
    tester = data.get("tester_head")
    return HostilityModel(
        gate_weights={str(k): float(v) for k, v in data["gate_weights"].items()},
        gate_thresholds={str(k): float(v) for k, v in data["gate_thresholds"].items()},
        head=CalibratedHead.of(data, "kind", KINDS),
        threshold=float(data["threshold"]),
        unaimed_threshold=float(data["unaimed_threshold"]),
        targeted=targeted,
        gate_reach=float(data.get("gate_reach", 0.0)),
        near_gate_threshold=float(data.get("near_gate_threshold", 1.0)),
        tester=None if tester is None else TesterHead(
            CalibratedHead.of(tester, "kind", KINDS),
            float(tester["threshold"]),
            float(tester["near_gate_threshold"]),
            float(data["threshold"]),
            float(data["near_gate_threshold"]),
            {str(k): float(v) for k, v in tester.get("gate_weights", {}).items()},
            {str(k): float(v) for k, v in tester.get("gate_thresholds", {}).items()},
        ),
    )

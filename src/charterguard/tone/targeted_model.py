"""A learned reading of what a sentence says about a workplace target it names: the employer,
a competitor, customers, a colleague or a role ("Initech's onboarding flow is smoother than
ours" is praise; "Initech, c'est un camelot qui vend des parapluies en papier" runs it down).

The general reading (`hostility_model`) reads a whole sentence; a company name or a role word
weighs on its embedding as much as what is said of it, and praise of a named competitor can
read as hostile. This reading masks each mention of a workplace target (`mentions`: the charter's
company names and the role words of `linguistics.target_words`, with the determiner before
them, found by the cheap tokenizer, no parse) and reads the masked sentence: a logistic
regression on its sentence embedding (`semantic.encoder`), Platt-calibrated on out-of-fold
margins (`semantic.classifier`'s pieces), trained on our own rows (train/tone/targeted/ and the
rows of train/tone/ that name such a target; see MODEL_CARD.md). Its probability decides a
put-down of a workplace role under the general reading's threshold (`meaning`).

Cost: it embeds only sentences that name a workplace target and that its cheap gate (a naive
Bayes over the masked sentence's words, `gate_thresholds`) or the general reading's gate lets
through, and only when the general reading alone does not already decide.

Built by ``python -m charterguard.tone.train_targeted`` (numpy only, deterministic), shipped as
``data/targeted_model.json.gz``. Without the file or the encoder the reading is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TypeVar

import numpy as np

from ..linguistics import quick_words, target_words
from ..semantic import encoder
from ..semantic.classifier import calibrated, gate_score, read_model_file

FORMAT = 1
# The general reading's probability from which a sentence is read by this one. Measured on
# blind2-8 and the corporate files (MODEL_CARD.md, "Targeted reading"): with no floor, plain
# complaints about a named company in the corporate files reached the threshold of the first
# model; from 0.3 on none did. It also keeps the encoder's second call to the sentences that
# need it.
GENERAL_FLOOR = 0.3
# Under this probability the sentence reads as fine said of its target: the general reading's
# role threshold is overruled (a named competitor praised). Measured on blind2-8: at 0.3 the
# praised competitor of blind8 is flagged again; at 0.4 one put-down in plain insult words the
# targeted head reads too mildly is lost (blind7): the false alarm weighs more.
CONFIRM_THRESHOLD = 0.4
ROLES = ("employer", "colleague", "customer", "competitor")
# `target_words` kinds read as each role (a department is colleagues; the management is the employer).
_ROLE_OF_KIND = {
    "colleague": "colleague",
    "department": "colleague",
    "employer": "employer",
    "employer_collective": "employer",
    "customers": "customer",
    "competitors": "competitor",
}
# Determiners and possessives masked with the word they stand before ("nos concurrents", "our
# client"): the mask stands for the whole noun phrase, as `{T}` does in the training rows.
_DETERMINERS = frozenset(
    "le la les l' un une des du de d' mon ma mes ton ta tes notre nos votre vos son sa ses leur leurs ce cet cette ces "
    "the a an our my your their his her its this that these those".split()
)

# Words after which a role word opens its own noun phrase: determiners, prepositions, conjunctions.
_PHRASE_OPENERS = _DETERMINERS | frozenset(
    "a au aux avec chez pour par sur dans sans contre entre vers envers et ou mais que qu' comme "
    "to for with of at by from on in into about against without toward towards and or but than like as".split()
)


@lru_cache(maxsize=64)
def _name_keys(names: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Each of `names` as its folded words (`quick_words`: how a sentence's forms are keyed)."""
    keys = (tuple(quick_words(name)[0].split()) for name in names)
    return tuple(k for k in keys if k)


def mention_tokens(forms: list[str], language: str, employer: tuple[str, ...] = (), competitors: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(first, last + 1, role) over `forms` (`quick_words`'s) of each mention of a workplace
    target, in order: one of the charter's company names (`employer`, `competitors`) or a role
    word of `target_words` (also with a final s/x dropped), each with the determiners right
    before it; adjacent mentions are one noun phrase ("les équipes achats", "Acme management")."""
    kinds = target_words(language).kinds
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for role, names in (("employer", employer), ("competitor", competitors)):
        for keyed in _name_keys(names):
            if keyed[0] not in forms:
                continue
            for i in range(len(forms) - len(keyed) + 1):
                if tuple(forms[i : i + len(keyed)]) == keyed and not taken.intersection(range(i, i + len(keyed))):
                    found.append((i, i + len(keyed), role))
                    taken.update(range(i, i + len(keyed)))
    for i, form in enumerate(forms):
        kind = kinds.get(form) or (kinds.get(form[:-1]) if len(form) > 3 and form[-1] in "sx" else None)
        role_of_word = _ROLE_OF_KIND.get(kind) if kind is not None else None
        if role_of_word is None or i in taken:
            continue
        if i > 0 and forms[i - 1][0].isalpha() and forms[i - 1] not in _PHRASE_OPENERS and i - 1 not in taken:
            # After another content word, a role word heads a compound whose sense the cheap
            # tokenizer cannot read ("wheelchair users", "hotel clients"): masking it alone
            # would leave a garbled phrase ("wheelchair Orbix") the encoder reads as odd.
            continue
        found.append((i, i + 1, role_of_word))
        taken.add(i)
    out: list[tuple[int, int, str]] = []
    for first, last, role in sorted(found):
        while first > 0 and forms[first - 1] in _DETERMINERS and first - 1 not in taken:
            first -= 1
        if out and out[-1][1] == first:
            out[-1] = (out[-1][0], last, out[-1][2])
        else:
            out.append((first, last, role))
    return out


def mentions(text: str, language: str, employer: tuple[str, ...] = (), competitors: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(start, end, role) in `text` of each mention of a workplace target (`mention_tokens`)."""
    joined, offsets = quick_words(text)
    return [(offsets[a][0], offsets[b - 1][1], role) for a, b, role in mention_tokens(joined.split(), language, employer, competitors)]


def masked(text: str, language: str, mask: str, employer: tuple[str, ...] = (), competitors: tuple[str, ...] = ()) -> tuple[str, list[str]] | None:
    """`text` with each workplace target mention replaced by `mask`, and the roles masked, in
    order; None when it names no workplace target."""
    found = mentions(text, language, employer, competitors)
    if not found:
        return None
    return _spliced(text, found, mask), [role for *_, role in found]


_Sequence = TypeVar("_Sequence", str, list[str])


def _spliced(sequence: _Sequence, spans: list[tuple[int, int, str]], mask: _Sequence) -> _Sequence:
    """`sequence` (a text, or its `quick_words` forms) with each of `spans` (in order, apart) replaced by `mask`."""
    for start, end, _ in reversed(spans):
        sequence = sequence[:start] + mask + sequence[end:]
    return sequence


@dataclass(frozen=True)
class TargetedModel:
    mask: str  # what stands for the target in every sentence read
    gate_weights: dict[str, float]  # naive-Bayes log-count ratio per feature of the masked sentence
    gate_thresholds: dict[str, float]  # per language
    weights: np.ndarray  # (512,) put-down or not
    bias: float
    platt: tuple[float, float]
    threshold: float  # decision threshold on the calibrated probability
    # Asked only of sentences the general reading (`hostility_model`) finds at least this hostile.
    general_floor: float = GENERAL_FLOOR
    # Under it, the sentence reads as fine said of its target: the general reading's role
    # threshold (`meaning.ROLE_THRESHOLD`) no longer makes a put-down of it.
    confirm_threshold: float = CONFIRM_THRESHOLD

    def mask_of(self, text: str, language: str, names: tuple[str, ...] = ()) -> str | None:
        """`text` with its workplace targets masked, or None when it names none (`names`: the
        charter's company names, the employer's and competitors' alike: one mask stands for every role)."""
        out = masked(text, language, self.mask, names)
        return None if out is None else out[0]

    def passes_gate(self, joined: str, language: str, names: tuple[str, ...] = ()) -> bool:
        """Does the sentence whose `quick_words` forms are `joined` name a workplace target, and
        is it, with the target masked, worth embedding? (cheap: no encoder, no second tokenizing)"""
        threshold = self.gate_thresholds.get(language)
        if threshold is None:
            return False
        forms = joined.split()
        found = mention_tokens(forms, language, names)
        if not found:
            return False
        return gate_score(self.gate_weights, "", " ".join(_spliced(forms, found, [self.mask_key]))) >= threshold

    @property
    def mask_key(self) -> str:
        """The mask as the gate's features read it (`quick_words`)."""
        return quick_words(self.mask)[0]

    def read(self, masked_texts: list[str]) -> list[float]:
        """Calibrated probability that each masked sentence runs its target down; embeds them."""
        if not masked_texts:
            return []
        margins = encoder.embed(masked_texts) @ self.weights + self.bias
        return [float(p) for p in calibrated(self.platt, np.asarray(margins, dtype=np.float64))]


def targeted_model_path():
    return resources.files(__package__).joinpath("data", "targeted_model.json.gz")


@lru_cache(maxsize=1)
def load_targeted_model() -> TargetedModel | None:
    """The shipped model, or None (no file, another format, or the encoder not installed)."""
    data = read_model_file(targeted_model_path(), FORMAT, "roles", ROLES, "tone targeted model")
    if data is None:
        return None
    weights = np.asarray(data["weights"], dtype=np.float32)
    weights.setflags(write=False)
    a, b = (float(v) for v in data["platt"])
    return TargetedModel(
        mask=str(data["mask"]),
        gate_weights={str(k): float(v) for k, v in data["gate_weights"].items()},
        gate_thresholds={str(k): float(v) for k, v in data["gate_thresholds"].items()},
        weights=weights,
        bias=float(data["bias"]),
        platt=(a, b),
        threshold=float(data["threshold"]),
    )

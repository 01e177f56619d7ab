"""Who a negative judgement is about, and the grammar words around it.

``data/targets.txt`` lists, per language, phrases naming the employer, colleagues,
customers and competitors, plus the small closed word classes the analyzer needs:
addressee words ("t'es", "you're"), fillers allowed between an addressee and an
insult, and link words allowed between a target and a judgement ("est une", "is a").
The charter's own company names and competitors are added per rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..text.normalize import FoldedText
from ..text.sections import read_sections
from ..text.termindex import TermIndex
from .lexicon import LANGUAGES, data_text

TARGET_ROLES = ("employer", "colleagues", "customers", "competitors")
WORD_CLASSES = ("addressee", "filler", "link", "modifier")


@dataclass(frozen=True, slots=True)
class TargetWords:
    phrases: dict[str, tuple[str, ...]]  # role -> phrases
    classes: dict[str, frozenset[str]]  # word class -> folded single words


def _folded_words(phrase: str) -> list[str]:
    folded = FoldedText(phrase)
    return [folded.chars[w.start : w.end] for w in folded.words]


@lru_cache(maxsize=4)
def load_targets(language: str) -> TargetWords:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    phrases: dict[str, list[str]] = {role: [] for role in TARGET_ROLES}
    classes: dict[str, set[str]] = {name: set() for name in WORD_CLASSES}
    for header, line, where in read_sections(data_text("targets.txt"), "targets.txt"):
        role, _, lang = header.partition(" ")
        if lang not in LANGUAGES or (role not in TARGET_ROLES and role not in WORD_CLASSES):
            raise ValueError(f"{where}: unknown section @{header}")
        if lang != language:
            continue
        if role in TARGET_ROLES:
            phrases[role].append(line)
        else:
            classes[role].update(_folded_words(line) or [line])
    return TargetWords({r: tuple(p) for r, p in phrases.items()}, {c: frozenset(w) for c, w in classes.items()})


def target_index(language: str, company_names: Iterable[str], competitors: Iterable[str]) -> TermIndex[str]:
    """Index of target phrases -> role, with the company's names and competitors."""
    words = load_targets(language)
    entries: list[tuple[str, str]] = []
    for role, phrases in words.phrases.items():
        entries.extend((p, role) for p in phrases)
    entries.extend((name, "employer") for name in company_names if name and name.strip())
    entries.extend((name, "competitors") for name in competitors if name and name.strip())
    # Exact names only: a typo of a competitor's name is too often another word.
    return TermIndex(entries, fuzzy=False, inflect=True, inside_tags=True)

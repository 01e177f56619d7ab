"""Hand-written tone lexicons (``data/lexicon_fr.txt``, ``data/lexicon_en.txt``),
parsed and compiled for matching.

A lexicon file has sections ``@<category> <strength>`` followed by one word or
phrase per line, or ``re: <regex>`` constructions matched over the post's folded
words joined by single spaces. See the header of ``data/lexicon_fr.txt``.
"""

from __future__ import annotations

import importlib.metadata
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from .. import diskcache, text
from ..text.normalize import fold_letters as fold
from ..text.sections import read_sections
from ..text.termindex import TermIndex
from ..vocabulary import LANGUAGES

LEXICON_CATEGORIES = ("insult", "aggression", "hate", "judgement", "negativity")
STRENGTHS = ("strong", "medium", "directed", "weak")
# Categories whose strong/medium entries are also looked for in posts of the other
# language: French posts swear in English ("bullshit") and the reverse happens too.
SHARED_ACROSS_LANGUAGES = ("insult", "hate", "aggression")
# Minimum length of a word for which masked spellings are generated ("f*ck", "c*nnard").
MIN_MASKED_LENGTH = 4
MASKED_CATEGORIES = ("insult", "hate")
MASK = "*"
VOWELS = frozenset("aeiouy")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a lexicon word means: its category and how sure a match is."""

    category: str
    strength: str

    @property
    def key(self) -> str:
        return f"{self.category}:{self.strength}"


@dataclass(frozen=True, slots=True)
class Construction:
    pattern: re.Pattern[str]
    entry: Entry


@dataclass(frozen=True, slots=True)
class LexiconFile:
    terms: dict[str, frozenset[Entry]]  # term as written -> entries
    constructions: tuple[Construction, ...]
    # Ordinary words of this language that the other language's lexicon must not
    # flag here: French "retard" (delay), English "con" (pros and cons), "PD".
    ordinary: frozenset[str] = frozenset()


def data_text(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def load_lexicon(language: str) -> LexiconFile:
    """The parsed lexicon of `language` ('fr' or 'en')."""
    name = f"lexicon_{language}.txt"
    terms: dict[str, set[Entry]] = {}
    constructions: list[Construction] = []
    ordinary: set[str] = set()
    # One Entry object per section: the index cached on disk (`lexicon_index`) then pickles
    # ~20 entries instead of one per word; each costs a Python-level __setstate__ to read back.
    section_entries: dict[str, Entry] = {}
    for header, line, where in read_sections(data_text(name), name):
        if header == "ordinary":
            ordinary.add(fold(line))
            continue
        category, _, strength = header.partition(" ")
        if category not in LEXICON_CATEGORIES or strength not in STRENGTHS:
            raise ValueError(f"{where}: unknown section @{header}")
        entry = section_entries.get(header) or section_entries.setdefault(header, Entry(category, strength))
        if line.startswith("re:"):
            constructions.append(Construction(re.compile(line[3:].strip()), entry))
        else:
            terms.setdefault(line, set()).add(entry)
    return LexiconFile({t: frozenset(e) for t, e in terms.items()}, tuple(constructions), frozenset(ordinary))


def masked_variants(word: str) -> set[str]:
    """Spellings of `word` with letters hidden by '*': f*ck, f**k, c*nn*rd, sh*t."""
    if len(word) < MIN_MASKED_LENGTH or not word.isalpha() or " " in word:
        return set()
    out: set[str] = set()
    inner = range(1, len(word) - 1)
    for i in inner:  # one letter hidden
        out.add(word[:i] + MASK + word[i + 1 :])
    for length in range(2, len(word) - 1):  # a run of hidden letters after the first
        out.add(word[:1] + MASK * length + word[1 + length :])
    out.add(word[0] + "".join(MASK if c in VOWELS else c for c in word[1:]))  # c*nn*rd
    out.discard(word)
    return out


def compiled_terms(language: str, extra: Iterable[tuple[str, Entry]] = ()) -> dict[str, frozenset[Entry]]:
    """Every term to look for in a post of `language`, keyed by its folded spelling."""
    merged: dict[str, tuple[str, set[Entry]]] = {}

    def add(term: str, entries: Iterable[Entry]) -> None:
        key = fold(term)
        if not key:
            return
        slot = merged.setdefault(key, (term, set()))
        slot[1].update(entries)

    own = load_lexicon(language)
    for term, entries in own.terms.items():
        add(term, entries)
    for other in LANGUAGES:
        if other == language:
            continue
        for term, entries in load_lexicon(other).terms.items():
            if fold(term) in own.ordinary:
                continue
            shared = [e for e in entries if e.category in SHARED_ACROSS_LANGUAGES and e.strength in ("strong", "medium")]
            if shared:
                add(term, shared)
    for term, entry in extra:
        add(term, [entry])
    # Masked spellings of single insult/hate words.
    for key, (_term, merged_entries) in list(merged.items()):
        masked = [e for e in merged_entries if e.category in MASKED_CATEGORIES and e.strength in ("strong", "medium")]
        if masked:
            for variant in masked_variants(key):
                if variant not in merged:
                    merged[variant] = (variant, set(masked))
    return {term: frozenset(entries) for term, entries in merged.values()}


@lru_cache(maxsize=8)
def lexicon_index(language: str, extra: tuple[tuple[str, Entry], ...] = ()) -> TermIndex[frozenset[Entry]]:
    """Compiled lexicon of `language` (+ charter extras); cached per process, and on disk
    (`diskcache`) for the built-in lexicon, whose compilation is ~0.45 s of a cold check."""

    def build() -> TermIndex[frozenset[Entry]]:
        terms = compiled_terms(language, extra)
        # No typo tolerance: one letter away from an insult is very often an ordinary
        # word ("bavard" / "batard"); disguised spellings are handled by folding and masks.
        return TermIndex(terms.items(), fuzzy=False, inflect=True, inside_tags=True)

    if extra:
        return build()
    return diskcache.cached(f"tone-lexicon-{language}", diskcache.fingerprint(_index_sources()), build)


def _index_sources() -> Iterable[bytes | str]:
    """Everything a compiled index depends on: both lexicon files (shared entries cross
    languages), this module, the `text` package (folding, term index) and pyahocorasick."""
    try:
        yield importlib.metadata.version("pyahocorasick")
    except importlib.metadata.PackageNotFoundError:  # no metadata (a zipped environment): a damaged pickle is rebuilt anyway
        yield "pyahocorasick"
    # Read through importlib.resources: the package may run from a zip (Spark's --py-files).
    tone = resources.files(__package__)
    for language in LANGUAGES:
        yield tone.joinpath("data", f"lexicon_{language}.txt").read_bytes()
    yield tone.joinpath("lexicon.py").read_bytes()
    text_package = resources.files(text.__name__)
    for source in sorted((entry for entry in text_package.iterdir() if entry.name.endswith(".py")), key=lambda entry: entry.name):
        yield source.read_bytes()


def constructions(language: str) -> tuple[Construction, ...]:
    return load_lexicon(language).constructions

"""Find many terms in a post at once, whatever the number of terms.

`TermIndex` compiles a list of words or phrases (code names, customer names,
lexicon entries, allow lists) into:

- an Aho-Corasick automaton over the folded keys (see `normalize`), so exact
  matching costs one pass over the post whatever the number of terms;
- a deletion-neighbourhood index (SymSpell) for one-typo matches, so fuzzy
  matching costs a few dictionary look-ups per word, again whatever the number
  of terms.

A match must start at a word start and end at a word end (optionally followed
by a French/English inflection suffix), so ordinary words that merely contain a
term are not flagged. A one-typo match that is itself a French or English word
("Calibri" for "Colibri", "tamarin" for "Tamaris") is that word, not a typo; an
inflected form far more frequent than the term ("colis" for "Coli") is another
word too (see `wordlist`). It may cross a separator in the post only where the term
itself has a separator or a camelCase boundary ("Blue Harbor" matches
"BlueHarbor"; "Or ion" does not match "Orion").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum
from typing import Generic, Iterable, Sequence, TypeVar

import ahocorasick
from rapidfuzz.distance import OSA

from .normalize import HASHTAG, LEET, MENTION, FoldedText
from .wordlist import is_known_word, zipf

T = TypeVar("T")

# Plural/feminine endings accepted after a term of >= 4 letters
# ("Colibris", "confidentielle", "confidentiels", "BlueHarbors").
INFLECTION_SUFFIXES: tuple[str, ...] = ("s", "x", "e", "es", "le", "les", "ne", "nes")
MIN_INFLECTED_LENGTH = 4
MIN_FUZZY_LENGTH = 6  # shorter names are matched exactly: one typo away is another word
MIN_HASHTAG_SUBSTRING_LENGTH = 5
FUZZY_MEMO_SIZE = 50_000  # words whose typo look-up is remembered, per index (cleared when full)
# An inflected form this much more frequent (Zipf) than its term is another word ("colis" / "coli").
OTHER_WORD_MARGIN = 1.0


class MatchKind(str, Enum):
    EXACT = "exact"  # same letters as the term (case and accents aside)
    DISGUISED = "disguised"  # same folded key, written differently (leet, spacing, look-alikes)
    INSIDE_TAG = "inside_tag"  # inside a hashtag or mention ("#teamcolibri")
    FUZZY = "fuzzy"  # one typo away

    @property
    def score(self) -> float:
        return {"exact": 1.0, "disguised": 0.95, "inside_tag": 0.9, "fuzzy": 0.8}[self.value]


@dataclass(frozen=True, slots=True)
class TermMatch(Generic[T]):
    term: str  # the term as written in the charter
    payload: T
    start: int  # original offsets
    end: int
    kind: MatchKind


@dataclass(frozen=True, slots=True)
class _Key:
    key: str
    boundaries: frozenset[int]  # separator positions inside the term's key
    term_id: int

    def __reduce__(self) -> tuple[type[_Key], tuple[str, frozenset[int], int]]:
        # Read back through __init__: the __setstate__ of a slotted dataclass is Python code
        # calling fields() per object, 0.1 s for a cached tone lexicon's 12,000 keys.
        return (_Key, (self.key, self.boundaries, self.term_id))


class TermIndex(Generic[T]):
    """A compiled set of terms; `find` returns non-overlapping, longest matches."""

    def __init__(
        self,
        terms: Iterable[tuple[str, T]] | Iterable[str],
        *,
        fuzzy: bool = True,
        inflect: bool = True,
        inside_tags: bool = True,
    ) -> None:
        self._terms: list[str] = []
        self._payloads: list[T] = []
        self._fuzzy_enabled = fuzzy
        self._inflect = inflect
        self._inside_tags = inside_tags
        self._automaton = ahocorasick.Automaton()
        self._deletions: dict[str, list[int]] = {}
        self._fuzzy_memo: dict[str, frozenset[int]] = {}
        self._keys: list[_Key] = []
        # Bounds of the typo-tolerant keys: they decide which spans of a post are
        # worth a fuzzy look-up, so phrases (exact only) cost nothing there.
        self._fuzzy_max_words = 1
        self._fuzzy_max_len = 0
        self._fuzzy_lengths: set[int] = set()  # candidate lengths one edit away from a key
        for item in terms:
            term, payload = (item, None) if isinstance(item, str) else item
            self._add(term, payload)  # type: ignore[arg-type]
        self._has_words = len(self._automaton) > 0
        if self._has_words:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._terms)

    def _add(self, term: str, payload: T) -> None:
        folded = FoldedText(term)
        key = folded.chars
        if not key:
            return
        term_id = len(self._terms)
        self._terms.append(term)
        self._payloads.append(payload)
        boundaries = frozenset(w.start for w in folded.words[1:]) | folded.soft_boundaries
        variants = {key}
        # "Orion-7" is folded "orion7"; written "Orion7" in a post it reads "oriont".
        if any(c.isalpha() for c in key) and any(c in LEET for c in key):
            variants.add("".join(LEET.get(c, c) for c in key))
        for variant in sorted(variants, key=lambda v: v != key):
            k = len(self._keys)
            self._keys.append(_Key(variant, boundaries, term_id))
            existing = self._automaton.get(variant, None)
            self._automaton.add_word(variant, (existing or ()) + (k,))
            # Typo tolerance for one-word names only ("BlueHarbor" counts as one
            # word, and may be typed as two), and not for their leet reading.
            if self._fuzzy_enabled and variant == key and len(folded.words) == 1 and len(key) >= MIN_FUZZY_LENGTH and key.isalpha():
                for deleted in (key, *_deletions(key)):
                    self._deletions.setdefault(deleted, []).append(k)
                self._fuzzy_max_len = max(self._fuzzy_max_len, len(key))
                self._fuzzy_lengths.update((len(key) - 1, len(key), len(key) + 1))
                self._fuzzy_max_words = max(self._fuzzy_max_words, 1 + len(folded.soft_boundaries))

    # -- matching ----------------------------------------------------------
    def find(self, text: FoldedText) -> list[TermMatch[T]]:
        if not self._has_words or not text.chars:
            return []
        found: list[tuple[int, int, int, MatchKind]] = []  # fold start, fold end, key, kind
        for end_index, key_ids in self._automaton.iter(text.chars):
            for k in key_ids:
                key = self._keys[k]
                start = end_index - len(key.key) + 1
                end = end_index + 1
                kind = self._accept(text, key, start, end)
                if kind is not None:
                    if kind is not MatchKind.INSIDE_TAG and not text.is_boundary(end):
                        end = self._extend_inflection(text, key, end)
                        if self._is_another_word(text, key, start, end):
                            continue
                    found.append((start, end, k, kind))
        if self._deletions:
            found.extend(self._fuzzy(text, found))
        return self._resolve(text, found)

    def _accept(self, text: FoldedText, key: _Key, start: int, end: int) -> MatchKind | None:
        if not text.is_boundary(start):
            # Most raw hits of a large index are inside ordinary words: only a hashtag
            # or a mention may hold a term glued to other words ("#teamcolibri").
            if self._inside_tag(text, key, start, end) and not self._crosses_foreign_separator(text, key, start, end):
                return MatchKind.INSIDE_TAG
            return None
        if self._crosses_foreign_separator(text, key, start, end):
            return None
        if text.is_boundary(end) or self._inflected_end(text, key, end) is not None:
            return self._exact_or_disguised(text, key, start, end)
        if self._inside_tag(text, key, start, end):
            return MatchKind.INSIDE_TAG
        return None

    def _inside_tag(self, text: FoldedText, key: _Key, start: int, end: int) -> bool:
        if not (self._inside_tags and text.has_tags and len(key.key) >= MIN_HASHTAG_SUBSTRING_LENGTH):
            return False
        word = text.word_at(start)
        return word is not None and bool(word.flags & (HASHTAG | MENTION)) and end <= word.end

    def _crosses_foreign_separator(self, text: FoldedText, key: _Key, start: int, end: int) -> bool:
        return any((pos - start) not in key.boundaries for pos in text.hard_boundaries_inside(start, end))

    def _inflected_end(self, text: FoldedText, key: _Key, end: int) -> int | None:
        if not self._inflect or len(key.key) < MIN_INFLECTED_LENGTH or not key.key[-1].isalpha():
            return None
        for suffix in INFLECTION_SUFFIXES:
            stop = end + len(suffix)
            if text.chars.startswith(suffix, end) and text.is_boundary(stop) and not text.hard_boundaries_inside(end - 1, stop):
                return stop
        return None

    def _extend_inflection(self, text: FoldedText, key: _Key, end: int) -> int:
        if text.is_boundary(end):
            return end
        return self._inflected_end(text, key, end) or end

    def _is_another_word(self, text: FoldedText, key: _Key, start: int, end: int) -> bool:
        """An inflected match that is a word of its own, far more frequent than the term."""
        o_start, o_end = text.to_original(start, end)
        written = text.original[o_start:o_end]
        return is_known_word(written) and zipf(written) >= zipf(self._terms[key.term_id]) + OTHER_WORD_MARGIN

    def _exact_or_disguised(self, text: FoldedText, key: _Key, start: int, end: int) -> MatchKind:
        o_start, o_end = text.to_original(start, end)
        if _plain(text.original[o_start:o_end]) == _plain(self._terms[key.term_id]):
            return MatchKind.EXACT
        return MatchKind.DISGUISED

    def _fuzzy(self, text: FoldedText, exact: list[tuple[int, int, int, MatchKind]]) -> list[tuple[int, int, int, MatchKind]]:
        covered = {(s, e) for s, e, _k, _kind in exact}
        starts, ends = text.segments()
        out = []
        for s in starts:
            first = bisect_right(ends, s)
            for e in ends[first : first + self._fuzzy_max_words]:
                length = e - s
                if length > self._fuzzy_max_len + 1:
                    break
                if length not in self._fuzzy_lengths or (s, e) in covered:
                    continue
                candidate = text.chars[s:e]
                if not candidate.isalpha():
                    continue
                hits = []
                for k in self._fuzzy_candidates(candidate):
                    key = self._keys[k]
                    if key.key[0] != candidate[0] and len(key.key) < 8:
                        continue  # a typo in the first letter of a short name is another word
                    if self._crosses_foreign_separator(text, key, s, e):
                        continue
                    hits.append((s, e, k, MatchKind.FUZZY))
                if hits and not self._is_a_word(text, s, e):  # "Calibri" is a font, not a typo of "Colibri"
                    out.extend(hits)
        return out

    @staticmethod
    def _is_a_word(text: FoldedText, start: int, end: int) -> bool:
        o_start, o_end = text.to_original(start, end)
        return is_known_word(text.original[o_start:o_end])

    def _fuzzy_candidates(self, candidate: str) -> frozenset[int]:
        """Keys one edit away from `candidate`. Posts reuse the same words (Zipf's
        law), so answers are kept per word, up to FUZZY_MEMO_SIZE words per index."""
        ids = self._fuzzy_memo.get(candidate)
        if ids is None:
            ids = self._fuzzy_memo[candidate] = self._fuzzy_lookup(candidate)
            if len(self._fuzzy_memo) > FUZZY_MEMO_SIZE:
                self._fuzzy_memo.clear()
        return ids

    def _fuzzy_lookup(self, candidate: str) -> frozenset[int]:
        ids: set[int] = set()
        get = self._deletions.get
        for i in range(-1, len(candidate)):  # the candidate itself, then each one-letter deletion
            found = get(candidate if i < 0 else candidate[:i] + candidate[i + 1 :])
            if found is None:
                continue
            for k in found:
                if k not in ids and OSA.distance(candidate, self._keys[k].key, score_cutoff=1) <= 1:
                    ids.add(k)
        return frozenset(ids)

    def _resolve(self, text: FoldedText, found: Sequence[tuple[int, int, int, MatchKind]]) -> list[TermMatch[T]]:
        """Keep leftmost-longest non-overlapping matches; exact beats fuzzy."""
        rank = {MatchKind.EXACT: 0, MatchKind.DISGUISED: 1, MatchKind.INSIDE_TAG: 2, MatchKind.FUZZY: 3}
        ordered = sorted(found, key=lambda m: (m[0], -(m[1] - m[0]), rank[m[3]]))
        result: list[TermMatch[T]] = []
        last_end = -1
        for start, end, k, kind in ordered:
            if start < last_end:
                continue
            term_id = self._keys[k].term_id
            o_start, o_end = text.to_original(start, end)
            result.append(TermMatch(self._terms[term_id], self._payloads[term_id], o_start, o_end, kind))
            last_end = end
        return result


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _plain(text: str) -> str:
    """Case, accents and separator style aside: how a term is written "normally"."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(_NON_ALNUM.split(stripped)).strip()


_NON_ALNUM = re.compile(r"[\W_]+")

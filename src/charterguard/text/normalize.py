"""Fold a post into a matching-friendly letter stream that keeps a map back to the
original offsets.

Matching code names, lexicon words or allow-list entries must survive the ways
people disguise words (look-alike letters, accents, zero-width characters,
leetspeak, "B-l-u-e H a r b o r", "#ProjetColibri") and still report spans in
the caller's own string indices. `FoldedText` does that once per post:

- ``chars`` is the concatenation of all *words*, folded: NFKD without combining
  marks, case-folded, Cyrillic/Greek look-alikes mapped to Latin, digits read as
  letters inside words that mix both ("C0libri" -> "colibri"), zero-width
  characters dropped. Separators are not in ``chars``.
- ``hard`` marks word boundaries that came from a separator (space, punctuation,
  '#'); ``soft`` marks camelCase boundaries inside a word.
- Runs of three or more single letters separated by one character
  ("C o l i b r i", "B-l-u-e") are joined into one word.
- ``origin_start[i]`` / ``origin_end[i]`` give the original span of ``chars[i]``.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064")

# Look-alike letters from other scripts (after case folding) -> Latin.
CONFUSABLES: dict[str, str] = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ӏ": "l", "һ": "h", "ԛ": "q", "ԝ": "w", "ү": "y", "ɡ": "g",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c", "ζ": "z", "μ": "u",
    # Latin letters that NFKD does not decompose
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "œ": "oe", "æ": "ae",
    "ð": "d", "þ": "th", "ſ": "s",
}

# Read as letters only inside a word that also has letters ("C0libri", "Micro$oft").
LEET: dict[str, str] = {
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    "$": "s", "!": "i", "|": "i", "€": "e",
}
LEET_SYMBOLS = frozenset("$!|€")
MASK = "*"  # kept inside words ("f*ck") so lexicons can match masked spellings

HASHTAG = 1
MENTION = 2
SPACED = 4  # joined from single spaced-out letters


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """Fold one character to zero or more lowercase base letters/digits."""
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(part):
            continue
        for low in part.casefold():
            low = CONFUSABLES.get(low, low)
            for c in low:
                if c.isalnum():
                    out.append(c)
    return "".join(out)


# Per-character classification, cached: the folded letters, or one of two markers.
_IGNORED = "\x00ignored"  # zero-width characters: as if absent
_COMBINING = "\x00combining"  # combining marks: part of the letter before
_CLASSES: dict[str, str] = {}


def _classify(ch: str) -> str:
    if ch in ZERO_WIDTH:
        result = _IGNORED
    elif unicodedata.combining(ch):
        result = _COMBINING
    else:
        result = fold_char(ch)
    if len(_CLASSES) < 65536:
        _CLASSES[ch] = result
    return result


@dataclass(frozen=True, slots=True)
class Word:
    start: int  # offsets into FoldedText.chars
    end: int
    flags: int


class FoldedText:
    """A folded view of `original`; see the module docstring."""

    __slots__ = ("original", "chars", "origin_start", "origin_end", "words", "_hard", "_soft", "_hard_sorted", "_segments")

    def __init__(self, original: str) -> None:
        self.original = original
        chars: list[str] = []
        o_start: list[int] = []
        o_end: list[int] = []
        # (fold start, fold end, orig start, orig end, flags) per raw word
        raw_words: list[list[int]] = []
        soft: set[int] = set()
        n = len(original)
        i = 0
        word_open = False
        prev_orig_char = ""
        pending_flag = 0
        while i < n:
            ch = original[i]
            folded = _CLASSES.get(ch)
            if folded is None:
                folded = _classify(ch)
            if folded is _IGNORED:
                i += 1
                continue
            if folded is _COMBINING:
                # A combining accent belongs to the letter before it.
                if word_open and o_end:
                    o_end[-1] = i + 1
                i += 1
                continue
            in_word_symbol = (
                (ch in LEET_SYMBOLS or ch == MASK)
                and word_open
                and i + 1 < n
                and fold_char(original[i + 1]) != ""
            ) or (ch == MASK and word_open and _letter_after_masks(original, i))
            if in_word_symbol:
                folded = ch
            if folded:
                if not word_open:
                    raw_words.append([len(chars), len(chars), i, i, pending_flag])
                    pending_flag = 0
                    word_open = True
                elif ch.isupper() and prev_orig_char.islower():
                    soft.add(len(chars))  # camelCase: "ProjetColibri"
                elif (
                    ch.islower()
                    and prev_orig_char.isupper()
                    and len(chars) - raw_words[-1][0] >= 2
                    and original[i - 2 : i - 1].isupper()
                ):
                    soft.add(len(chars) - 1)  # "HTTPServer": boundary before "S"
                for c in folded:
                    chars.append(c)
                    o_start.append(i)
                    o_end.append(i + 1)
                raw_words[-1][1] = len(chars)
                raw_words[-1][3] = i + 1
                prev_orig_char = ch
            else:
                word_open = False
                prev_orig_char = ""
                if ch == "#":
                    pending_flag = HASHTAG
                elif ch == "@":
                    pending_flag = MENTION
                else:
                    pending_flag = 0
            i += 1

        # Read digits and symbols as letters in words that mix them with letters.
        for fs, fe, _os, _oe, _flags in raw_words:
            word = chars[fs:fe]
            if any(c.isalpha() for c in word) and any(c in LEET for c in word):
                for k in range(fs, fe):
                    chars[k] = LEET.get(chars[k], chars[k])

        words = _join_spaced_letters(raw_words, original)
        self.chars = "".join(chars)
        self.origin_start = o_start
        self.origin_end = o_end
        self.words = words
        hard = set()
        for w in words:
            hard.add(w.start)
            hard.add(w.end)
        self._hard = hard
        self._soft = soft
        self._hard_sorted = sorted(hard)
        self._segments: tuple[list[int], list[int]] | None = None

    # -- boundaries -------------------------------------------------------
    @property
    def soft_boundaries(self) -> frozenset[int]:
        return frozenset(self._soft)

    def is_boundary(self, pos: int) -> bool:
        return pos in self._hard or pos in self._soft or pos == 0 or pos == len(self.chars)

    def is_hard_boundary(self, pos: int) -> bool:
        return pos in self._hard

    def hard_boundaries_inside(self, start: int, end: int) -> list[int]:
        """Hard boundaries strictly between start and end."""
        lo = bisect_right(self._hard_sorted, start)
        hi = bisect_left(self._hard_sorted, end)
        return self._hard_sorted[lo:hi]

    def word_at(self, pos: int) -> Word | None:
        """The word containing folded position `pos`."""
        k = bisect_right(self.words, pos, key=lambda w: w.start) - 1
        if k >= 0 and self.words[k].start <= pos < self.words[k].end:
            return self.words[k]
        return None

    def segments(self) -> tuple[list[int], list[int]]:
        """Where matches may start (word starts, camelCase boundaries) and end
        (word ends, camelCase boundaries), sorted; computed once per text."""
        if self._segments is None:
            starts = sorted({w.start for w in self.words} | self._soft)
            ends = sorted({w.end for w in self.words} | set(starts[1:]))
            self._segments = (starts, ends)
        return self._segments

    # -- offsets -----------------------------------------------------------
    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) span covering folded chars [start, end)."""
        return self.origin_start[start], self.origin_end[end - 1]


def _letter_after_masks(original: str, i: int) -> bool:
    """True when the run of '*' starting at `i` is followed by a letter ("f**k")."""
    j = i
    while j < len(original) and original[j] == MASK:
        j += 1
    return j < len(original) and fold_char(original[j]) != ""


def _join_spaced_letters(raw_words: list[list[int]], original: str) -> list[Word]:
    """Join runs of >= 3 one-letter words separated by a single character."""
    words: list[Word] = []
    k = 0
    while k < len(raw_words):
        run_end = k
        while (
            run_end + 1 < len(raw_words)
            and _is_single(raw_words[run_end])
            and _is_single(raw_words[run_end + 1])
            and _gap_is_one_char(raw_words[run_end], raw_words[run_end + 1], original)
        ):
            run_end += 1
        if run_end - k + 1 >= 3:
            words.append(Word(raw_words[k][0], raw_words[run_end][1], raw_words[k][4] | SPACED))
            k = run_end + 1
        else:
            fs, fe, _os, _oe, flags = raw_words[k]
            words.append(Word(fs, fe, flags))
            k += 1
    return words


def _is_single(word: list[int]) -> bool:
    return word[1] - word[0] == 1


def _gap_is_one_char(a: list[int], b: list[int], original: str) -> bool:
    gap = original[a[3] : b[2]]
    gap = "".join(c for c in gap if c not in ZERO_WIDTH)
    return len(gap) == 1 and gap not in "\n\r"


def fold(text: str) -> str:
    """The folded letter stream of `text` (no separators): the key used for matching."""
    return FoldedText(text).chars

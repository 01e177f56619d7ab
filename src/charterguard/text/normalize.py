"""Fold a post into a matching-friendly letter stream that keeps a map back to the
original offsets.

Matching code names, lexicon words or allow-list entries must survive the ways
people disguise words (look-alike letters, accents, zero-width characters,
leetspeak, "B-l-u-e H a r b o r", "#ProjetColibri") and still report spans in
the caller's own string indices. `FoldedText` does that once per post:

- ``chars`` is the concatenation of all *words*, folded: NFKD without combining
  marks, case-folded, Cyrillic/Greek look-alikes mapped to Latin, digits read as
  letters inside words that mix both ("C0libri" -> "colibri"), small capitals
  and regional-indicator letters read as letters. Separators are not in ``chars``.
- The text is first read as it *displays*: invisible characters are dropped
  (zero-width and format characters, bidi controls, Unicode tag characters,
  U+034F, variation selectors, Hangul fillers), a right-to-left override run
  ("\u202eirbiloC\u202c", shown as "Colibri") is read reversed, and text pasted
  from the web is decoded (HTML entities "&#67;", "&eacute;"; URL escapes "%43").
- ``hard`` marks word boundaries that came from a separator (space, punctuation,
  '#'); ``soft`` marks boundaries inside a word: camelCase, and one hyphen or
  one line break between two letters ("Co-li-bri", "Coli\nbri").
- Runs of three or more single letters or digits separated by one to three
  separator characters ("C o l i b r i", "B-l-u-e", "C  o  l", "C-0-L-1", "C*o*l")
  are joined into one word.
- ``origin_start[i]`` / ``origin_end[i]`` give the original span of ``chars[i]``
  (an entity or escape maps to all of its characters).
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

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

def _small_capitals() -> dict[str, str]:
    """Small capitals (ᴄᴏʟɪʙʀɪ) NFKD leaves alone, by their Unicode names."""
    table = {}
    for cp in (*range(0x250, 0x2B0), *range(0x1D00, 0x1D80), *range(0xA720, 0xA800)):
        named = re.fullmatch(r"LATIN LETTER SMALL CAPITAL ([A-Z]{1,2})", unicodedata.name(chr(cp), ""))
        if named:
            table[chr(cp)] = named.group(1).lower()
    return table


CONFUSABLES.update(_small_capitals())
REGIONAL_INDICATORS = {chr(0x1F1E6 + k): chr(ord("a") + k) for k in range(26)}  # 🇨🇴 reads "co"

# Invisible characters beyond the format (Cf) category: as if absent.
INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0") | frozenset(map(chr, range(0xFE00, 0xFE10)))
RIGHT_TO_LEFT_OVERRIDE = "\u202e"
POP_DIRECTIONAL = frozenset("\u202c\u2069")  # ends an override run (PDF; PDI closes an isolate)
# One of these between two letters joins them with a soft boundary ("Co-li-bri", "Coli\nbri").
JOINERS = frozenset({"-", "\u2010", "\u2011", "\n", "\r\n", "-\n", "-\r\n", "\u00b7"})
_LONGEST_JOINER = max(map(len, JOINERS))
MAX_SPACED_GAP = 3  # "C  o  l", "C - o - l": at most three separator characters between letters
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPES = re.compile(r"(?:%[0-9a-fA-F]{2})+")
_NEEDS_READING = re.compile(r"[&%\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f]")


def _is_invisible(ch: str) -> bool:
    return ch in ZERO_WIDTH or ch in INVISIBLE or unicodedata.category(ch) == "Cf"


def reading_view(original: str) -> tuple[str, list[int], list[int]]:
    """`original` as it reads on screen, with the original span of each character:
    invisible characters dropped, right-to-left override runs reversed, HTML
    entities and URL escapes decoded. Plain text comes back as is."""
    n = len(original)
    if all(_reads_as_written(original, m) for m in _NEEDS_READING.finditer(original)):
        return original, list(range(n)), list(range(1, n + 1))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    override_from: int | None = None  # index in `chars` where a right-to-left override run began
    i = 0
    while i < n:
        ch = original[i]
        if ch == RIGHT_TO_LEFT_OVERRIDE:
            override_from = len(chars) if override_from is None else override_from
            i += 1
            continue
        if override_from is not None and (ch in POP_DIRECTIONAL or ch in "\r\n"):
            _reverse_from(override_from, chars, starts, ends)
            override_from = None
        if _is_invisible(ch):
            i += 1
            continue
        if ch == "&" and (entity := _ENTITY.match(original, i)):
            decoded = html.unescape(entity.group())
            if decoded != entity.group() and len(decoded) == 1:
                chars.append(decoded)
                starts.append(i)
                ends.append(entity.end())
                i = entity.end()
                continue
        if ch == "%" and (escapes := _ESCAPES.match(original, i)):
            i = _decode_escapes(escapes.group(), i, chars, starts, ends)
            continue
        chars.append(ch)
        starts.append(i)
        ends.append(i + 1)
        i += 1
    if override_from is not None:
        _reverse_from(override_from, chars, starts, ends)
    return "".join(chars), starts, ends


def _reads_as_written(original: str, found: re.Match[str]) -> bool:
    """A character `_NEEDS_READING` found that reads as written: "&" or "%" that starts no
    entity or escape ("R&D", "50 %")."""
    ch, at = found.group(), found.start()
    return ch == "&" and not _ENTITY.match(original, at) or ch == "%" and not _ESCAPES.match(original, at)


def _reverse_from(k: int, *lists: list) -> None:
    for items in lists:
        items[k:] = items[k:][::-1]


def _decode_escapes(run: str, at: int, chars: list[str], starts: list[int], ends: list[int]) -> int:
    """Decode a run of %XX escapes as UTF-8, each character mapped to its escapes;
    bytes that do not decode stay as written. Returns the index after the run."""
    raw = bytes(int(run[k + 1 : k + 3], 16) for k in range(0, len(run), 3))
    k = 0
    while k < len(raw):
        lead = raw[k]
        size = 1 if lead < 0x80 else 2 if lead >> 5 == 0b110 else 3 if lead >> 4 == 0b1110 else 4 if lead >> 3 == 0b11110 else 0
        try:
            decoded = raw[k : k + size].decode("utf-8") if size else ""
        except UnicodeDecodeError:
            decoded = ""
        if len(decoded) == 1 and decoded.isprintable():
            chars.append(decoded)
            starts.append(at + 3 * k)
            ends.append(at + 3 * (k + size))
            k += size
        else:  # not text: keep "%XX" as written
            for c in run[3 * k : 3 * k + 3]:
                chars.append(c)
            starts.extend((at + 3 * k, at + 3 * k + 1, at + 3 * k + 2))
            ends.extend((at + 3 * k + 1, at + 3 * k + 2, at + 3 * k + 3))
            k += 1
    return at + len(run)


# Read as letters only inside a word that also has letters ("C0libri", "Micro$oft").
LEET: dict[str, str] = {
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    "$": "s", "!": "i", "|": "i", "€": "e",
}
LEET_SYMBOLS = frozenset("$!|€")
LEET_CHARS = frozenset(LEET)
MASK = "*"  # kept inside words ("f*ck") so lexicons can match masked spellings

HASHTAG = 1
MENTION = 2
SPACED = 4  # joined from single spaced-out letters


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """Fold one character to zero or more lowercase base letters/digits."""
    if ch in REGIONAL_INDICATORS:
        return REGIONAL_INDICATORS[ch]
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
    if _is_invisible(ch):
        result = _IGNORED
    elif unicodedata.combining(ch):
        result = _COMBINING
    else:
        result = fold_char(ch)
    if len(_CLASSES) < 65536:
        _CLASSES[ch] = result
    return result


class Word(NamedTuple):
    start: int  # offsets into FoldedText.chars
    end: int
    flags: int


class FoldedText:
    """A folded view of `original`; see the module docstring."""

    __slots__ = ("original", "chars", "origin_start", "origin_end", "words", "_hard", "_soft", "_hard_sorted", "_segments", "_reordered", "has_tags", "_word_starts")

    def __init__(self, original: str) -> None:
        self.original = original
        view, v_start, v_end = reading_view(original)
        self._reordered = any(v_start[k] > v_start[k + 1] for k in range(len(v_start) - 1)) if view is not original else False
        plain = _fold_plain(view) if view is original else None
        if plain is not None:
            chars, o_start, o_end, raw_words, soft = plain
        else:
            chars, o_start, o_end, raw_words, soft = _fold_each(view, v_start, v_end)

        # Read digits and symbols as letters in words that mix them with letters.
        if not LEET_CHARS.isdisjoint(chars):
            for fs, fe, _vs, _ve, _flags in raw_words:
                _read_leet(chars, fs, fe)

        words = _join_spaced_letters(raw_words, view)
        for w in words:
            if w.flags & SPACED:
                _read_leet(chars, w.start, w.end)  # "C-0-L-1-B-R-1"
        self.chars = "".join(chars)
        self.origin_start = o_start
        self.origin_end = o_end
        self.words = words
        hard = {w.start for w in words}
        hard.update(w.end for w in words)
        # One hyphen or line break between two letters: a soft boundary ("Co-li-bri").
        for before, after in zip(raw_words, raw_words[1:]):
            if (
                after[2] - before[3] <= _LONGEST_JOINER
                and before[1] == after[0]
                and view[before[3] : after[2]] in JOINERS
                and view[before[3] - 1].isalpha()
                and view[after[2]].isalpha()
            ):
                hard.discard(after[0])
                soft.add(after[0])
        self._hard = hard
        self._soft = soft
        self.has_tags = any(w.flags & (HASHTAG | MENTION) for w in words)  # a hashtag or a mention
        self._hard_sorted = sorted(hard)
        self._segments: tuple[list[int], list[int]] | None = None
        self._word_starts: list[int] | None = None

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
        if self._word_starts is None:
            self._word_starts = [w.start for w in self.words]
        k = bisect_right(self._word_starts, pos) - 1
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
        if self._reordered:  # read right to left: the first letter may come last in the original
            o_start, o_end = min(self.origin_start[start:end]), max(self.origin_end[start:end])
            # The override's own controls go with it, so a replacement reads left to right.
            while o_start > 0 and self.original[o_start - 1] == RIGHT_TO_LEFT_OVERRIDE:
                o_start -= 1
            while o_end < len(self.original) and self.original[o_end] in POP_DIRECTIONAL:
                o_end += 1
            return o_start, o_end
        return self.origin_start[start], self.origin_end[end - 1]


_Folded = tuple[list[str], list[int], list[int], list[list[int]], set[int]]


def _fold_each(view: str, v_start: list[int], v_end: list[int]) -> _Folded:
    """Fold `view` character by character: (chars, origin starts, origin ends, raw words as
    [fold start, fold end, view start, view end, flags], soft boundaries)."""
    chars: list[str] = []
    o_start: list[int] = []
    o_end: list[int] = []
    raw_words: list[list[int]] = []
    soft: set[int] = set()
    n = len(view)
    i = 0
    word_open = False
    prev_orig_char = ""
    pending_flag = 0
    while i < n:
        ch = view[i]
        folded = _CLASSES.get(ch)
        if folded is None:
            folded = _classify(ch)
        if folded is _IGNORED:
            i += 1
            continue
        if folded is _COMBINING:
            # A combining accent belongs to the letter before it.
            if word_open and o_end:
                o_end[-1] = max(o_end[-1], v_end[i])
            i += 1
            continue
        in_word_symbol = (
            (ch in LEET_SYMBOLS or ch == MASK) and word_open and i + 1 < n and fold_char(view[i + 1]) != ""
        ) or (ch == MASK and word_open and _letter_after_masks(view, i))
        if in_word_symbol and ch == MASK and _alternates_with_masks(view, i, len(chars) - raw_words[-1][0]):
            in_word_symbol = False
        if in_word_symbol:
            folded = ch
        if folded and word_open and (ch in REGIONAL_INDICATORS) != (prev_orig_char in REGIONAL_INDICATORS):
            word_open = False  # a flag (🇫🇷) glued to a word is a word of its own
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
                and view[i - 2 : i - 1].isupper()
            ):
                soft.add(len(chars) - 1)  # "HTTPServer": boundary before "S"
            for c in folded:
                chars.append(c)
                o_start.append(v_start[i])
                o_end.append(v_end[i])
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
    return chars, o_start, o_end, raw_words, soft


# Characters `_fold_plain` handles: each folds to one letter or digit, or is a separator that is
# not invisible, combining or a regional indicator (# and @, leet symbols and masks are looked at
# where they stand). Learnt as texts bring them; ord -> folded character (" " for a
# separator), and ord -> its case ("u", "l", "o" for a letter or digit of neither case, " ").
_PLAIN_FOLD: dict[int, str] = {}
_PLAIN_CASE: dict[int, str] = {}
_NOT_PLAIN: set[str] = set()
_PLAIN_WORD = re.compile(r"[^ ]+")
_LEET_OR_MASK = re.compile("[" + re.escape("".join(sorted(LEET_SYMBOLS)) + MASK) + "]")
_LOWER_UPPER = re.compile(r"(?<=l)u")  # "ProjetColibri": a boundary before the capital
_UPPERS_LOWER = re.compile(r"(?<=uu)l")  # "HTTPServer": a boundary before the last capital


def _plain(ch: str) -> bool:
    """Learn whether `ch` folds plainly (see _PLAIN_FOLD); True when it does."""
    if ch in _NOT_PLAIN:
        return False
    folded = _CLASSES.get(ch)
    if folded is None:
        folded = _classify(ch)
    if folded in (_IGNORED, _COMBINING) or len(folded) > 1 or ch in REGIONAL_INDICATORS:
        if len(_NOT_PLAIN) < 65536:
            _NOT_PLAIN.add(ch)
        return False
    if len(_PLAIN_FOLD) >= 65536:
        return False
    _PLAIN_CASE[ord(ch)] = " " if not folded else "u" if ch.isupper() else "l" if ch.islower() else "o"
    _PLAIN_FOLD[ord(ch)] = folded or " "  # last: a character is plain once both tables have it
    return True


def _fold_plain(view: str) -> _Folded | None:
    """What `_fold_each` gives, for a text whose every character folds to at most one character
    and is no special case (most posts), computed a word at a time; None for any other text."""
    for ch in set(view):
        if ord(ch) not in _PLAIN_FOLD and not _plain(ch):
            return None
    mapped = view.translate(_PLAIN_FOLD)
    for symbol in _LEET_OR_MASK.finditer(view):
        i = symbol.start()
        if i == 0 or mapped[i - 1] == " ":
            continue  # no word open: a separator
        after = i + 1
        while view[i] == MASK and after < len(view) and view[after] == MASK:
            after += 1
        if after < len(view) and mapped[after] != " ":
            return None  # inside a word ("Micro$oft", "f*ck"): read character by character
    # The words are the runs of non-separators: folded offset k is the k-th non-space of `mapped`.
    o_start = list(compress(range(len(mapped)), map(" ".__ne__, mapped)))
    raw_words: list[list[int]] = []
    at = 0  # folded offset
    for m in _PLAIN_WORD.finditer(mapped):
        start, end = m.span()
        before = view[start - 1] if start else ""
        raw_words.append([at, at + end - start, start, end, HASHTAG if before == "#" else MENTION if before == "@" else 0])
        at += end - start
    # camelCase boundaries: a separator is " " in `cases`, so no match spans two words.
    cases = view.translate(_PLAIN_CASE)
    soft = {bisect_left(o_start, k.start()) for k in _LOWER_UPPER.finditer(cases)}
    soft.update(bisect_left(o_start, k.start()) - 1 for k in _UPPERS_LOWER.finditer(cases))
    return list(mapped.replace(" ", "")), o_start, [k + 1 for k in o_start], raw_words, soft


def _letter_after_masks(view: str, i: int) -> bool:
    """True when the run of '*' starting at `i` is followed by a letter ("f**k")."""
    j = i
    while j < len(view) and view[j] == MASK:
        j += 1
    return j < len(view) and fold_char(view[j]) != ""


def _alternates_with_masks(view: str, i: int, word_length: int) -> bool:
    """'*' at `i` separates single letters ("C*o*l*i*b*r*i") rather than masking
    letters of a word ("f*ck", "s*x")."""
    if word_length != 1 or i + 1 >= len(view) or view[i + 1] == MASK:
        return False
    return view[i + 2 : i + 3] == MASK or view[i - 2 : i - 1] == MASK


def _read_leet(chars: list[str], start: int, end: int) -> None:
    word = chars[start:end]
    if not LEET_CHARS.isdisjoint(word) and any(c.isalpha() for c in word):
        for k in range(start, end):
            chars[k] = LEET.get(chars[k], chars[k])


def _join_spaced_letters(raw_words: list[list[int]], view: str) -> list[Word]:
    """Join runs of >= 3 one-character words separated by short separator gaps."""
    singles = [w[1] - w[0] == 1 for w in raw_words]
    if not any(map(bool.__and__, singles, singles[1:])):  # no two one-letter words in a row: nothing to join
        return [Word(w[0], w[1], w[4]) for w in raw_words]
    words: list[Word] = []
    k = 0
    while k < len(raw_words):
        run_end = k
        while (
            run_end + 1 < len(raw_words)
            and _is_single(raw_words[run_end])
            and _is_single(raw_words[run_end + 1])
            and _is_spacing_gap(view[raw_words[run_end][3] : raw_words[run_end + 1][2]])
        ):
            run_end += 1
        if run_end - k + 1 >= 3:
            words.append(Word(raw_words[k][0], raw_words[run_end][1], raw_words[k][4] | SPACED))
            k = run_end + 1
        else:
            fs, fe, _vs, _ve, flags = raw_words[k]
            words.append(Word(fs, fe, flags))
            k += 1
    return words


def _is_single(word: list[int]) -> bool:
    return word[1] - word[0] == 1


def _is_spacing_gap(gap: str) -> bool:
    return 0 < len(gap) <= MAX_SPACED_GAP and "\n" not in gap and "\r" not in gap


def fold_letters(text: str) -> str:
    """The folded letter stream of `text` (no separators, look-alikes read as letters): the key
    terms are matched on. See `fold_words` for a fold that keeps the words apart."""
    return FoldedText(text).chars


def fold_words(text: str) -> str:
    """Lowercase, accents removed, apostrophes unified (’ -> '); spaces and punctuation kept,
    so words stay apart (lengths may change). For word lists and context words."""
    if text.isascii():  # most words: nothing to decompose or unify (casefold is lower for ASCII)
        return text.lower()
    return without_marks(unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'")))


# Accents of Latin letters, as NFKD writes them (U+0300-U+036F but U+034F, the grapheme joiner,
# whose combining class is 0); other combining marks are looked up one by one.
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _kept_unless_mark(m: re.Match[str]) -> str:
    return "" if unicodedata.combining(m.group()) else m.group()


def without_marks(text: str) -> str:
    """`text` without its combining marks (of a decomposed text: its accents). Python's re strips
    the Latin accents and finds the few other non-ASCII characters, instead of a Python loop
    over every character (23 -> 9 µs for a 300-character French post)."""
    stripped = _LATIN_MARKS.sub("", text)
    return stripped if stripped.isascii() else _NOT_ASCII.sub(_kept_unless_mark, stripped)

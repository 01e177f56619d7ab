"""A long alternation of regular expressions, searched as `re` searches it but trying at each
position only the alternatives that can start with the character found there.

`re` tries the alternatives of `prefix(?:a|b|c|...)` one after the other at every position
where `prefix` holds, although most begin with a known letter ("nobody", "pas encore",
"without telling"): on a 300-character post, evidence.py's hundred shapes of restricted
knowledge cost ~460 µs this way. `Alternation` learns from each alternative's parse the
characters its matches can start with; a position whose character none of them can start
with is skipped by one `re` search, and at the others only the alternatives that may match
are tried, in their order (those shapes: ~140 µs). The spans are those of `re.finditer` on the whole alternation
(leftmost match, first alternative that matches there), tests/test_alternation.py compares them.

What an alternative starts with is known when its first consuming element is a character, a
set of characters, ranges or classes (`[a-z]`, `\\w`, `\\d`), or alternatives of those
(zero-width assertions before it are skipped, an optional element adds what follows it).
Whether a character of the text is one of them is asked of `re` itself, with the
alternation's flags (case-insensitive alternations included). An alternation with an
alternative this reading does not cover (`.`, a negated set, one that may match nothing) or
with back-references or inline flags is searched whole, as before. `for_character` gives the
alternatives a character may start, for a caller that knows where matches can start (tone's
first stage tries them word by word: `tone.meaning.Gate`); an alternative of unknown start is
among them for every character. `for_beginning` narrows that by the next character where an
alternative's first two characters are literal (a gate's ~11 alternatives a word -> ~4; s18),
and `spans` and `starts_at` try those.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import cached_property
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import cast

# Characters of posts looked up so far -> the alternatives that may start with them (bounded: a
# post of unusual characters falls back to looking them up again).
_MAX_CHARACTERS = 4_096
_MAX_PAIRS = 16_384  # (the same for the pairs of characters `for_beginning` reads)


class Alternation:
    """`re.compile(prefix + "(?:" + "|".join(parts) + ")" + suffix, flags)`, searched faster
    (`spans`), or asked for only the alternatives a character may start (`for_character`)."""

    def __init__(self, parts: Sequence[str], flags: int = 0, prefix: str = "", suffix: str = "") -> None:
        self.parts = tuple(parts)
        self._flags = flags
        self._prefix = prefix
        self._suffix = suffix
        firsts = _alternatives_firsts(self.parts, flags)
        self._firsts = firsts
        self._lock = threading.Lock()
        # Character of a post -> the alternatives that may start with it, compiled (read once a
        # word: one look-up; the choice as a tuple of indexes is only hashed the first time).
        self._by_character: dict[str, re.Pattern[str] | None] = {}
        self._by_choice: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self._candidates: re.Pattern[str] | None = None
        self._tests: dict[str, re.Pattern[str]] = {}
        # Each alternative's first two characters, when literal (`for_beginning`); None: unknown.
        self._pair_heads = _pair_heads(self.parts, flags) if firsts is not None else None
        self._folded_pairs = bool(flags & re.IGNORECASE)  # (pairs of ASCII letters, read in lower case)
        self._by_pair: dict[str, re.Pattern[str] | None] = {}
        if firsts is not None:
            known = sorted(set().union(*(f for f in firsts if f is not None)))
            self._tests = {start: re.compile(start, flags) for start in known}
            if known and all(f is not None for f in firsts):
                # A position can hold a match only where `prefix` holds before one of these characters.
                self._candidates = re.compile(f"{prefix}(?=(?:{'|'.join(known)}))", flags)

    @cached_property
    def whole(self) -> re.Pattern[str]:
        """The whole alternation (compiled on first use: a long one searched by character may never need it)."""
        return re.compile(self._joined(range(len(self.parts))), self._flags)

    @property
    def by_first_character(self) -> bool:
        """Is it searched by first character (else whole, as `re` would)?"""
        return self._candidates is not None

    def _joined(self, chosen: Sequence[int]) -> str:
        return self._prefix + "(?:" + "|".join(self.parts[i] for i in chosen) + ")" + self._suffix

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each match of `whole.finditer(text)`, in order."""
        candidates = self._candidates
        if candidates is None:
            return [m.span() for m in self.whole.finditer(text)]
        out: list[tuple[int, int]] = []
        position = 0
        search = candidates.search
        while True:
            found = search(text, position)
            if found is None:
                return out
            start = found.start()
            pattern = self.for_beginning(text, found.end())  # (found.end(): where the alternatives start, after `prefix`)
            m = pattern.match(text, start) if pattern is not None else None
            if m is None:
                position = start + 1
                continue
            end = m.end()
            if end == start:  # an empty match (not expected: each alternative starts with a character)
                return [m.span() for m in self.whole.finditer(text)]
            out.append((start, end))
            position = end

    def for_character(self, character: str) -> re.Pattern[str] | None:
        """The alternation of the alternatives whose matches may start with `character`, in their
        order, compiled with the prefix and suffix (None: none may); the whole alternation when
        they cannot be told apart (`_alternatives_firsts` is None)."""
        pattern = self._by_character.get(character, _UNSEEN)
        if pattern is not _UNSEEN:
            return pattern  # type: ignore[return-value]
        if self._firsts is None:
            chosen = tuple(range(len(self.parts)))
        else:
            chosen = tuple(
                i for i, firsts in enumerate(self._firsts)
                if firsts is None or any(self._tests[start].fullmatch(character) for start in firsts)
            )
        found = self._compiled(chosen)
        with self._lock:
            if len(self._by_character) < _MAX_CHARACTERS:
                self._by_character[character] = found
        return found

    def starts_at(self, text: str, positions: Sequence[int]) -> list[int]:
        """Where the matches of `whole.finditer(text)` start, for a text where they can only start
        at `positions` (increasing) and `prefix` consumes nothing: each is tried with the
        alternatives `for_beginning` gives it, and none before the end of the match found last
        (where `finditer` goes on)."""
        out: list[int] = []
        resume = 0
        by_pair = self._by_pair
        paired = self._pair_heads is not None and not self._folded_pairs
        for position in positions:
            if position < resume:
                continue
            known = by_pair.get(text[position : position + 2], _UNSEEN) if paired else _UNSEEN
            pattern = self.for_beginning(text, position) if known is _UNSEEN else cast("re.Pattern[str] | None", known)
            m = pattern.match(text, position) if pattern is not None else None
            if m is not None:
                out.append(position)
                resume = m.end()
        return out

    def for_beginning(self, text: str, position: int) -> re.Pattern[str] | None:
        """`for_character(text[position])` narrowed by the character after it: the alternatives whose
        matches may begin with the text at `position` (where they start, after `prefix`), told by their
        first two characters where those are literal ("nul", "nous" and "noir" start apart from "nazi"),
        in their order. A match of the whole alternation there is one of theirs, and the same. Each
        alternation of a long one holds a few alternatives instead of dozens, which `re` tries one
        after the other. A case-insensitive alternation reads a pair of ASCII characters in lower case
        (re folds ASCII letters only with each other and with "ſ" and the Kelvin sign: an alternative
        written with those is tried at every pair), any other pair by its first character alone."""
        pair_heads = self._pair_heads
        if pair_heads is None:
            return self.for_character(text[position])
        two = text[position : position + 2]
        if self._folded_pairs:
            if not two.isascii():
                return self.for_character(text[position])
            two = two.lower()
        pattern = self._by_pair.get(two, _UNSEEN)
        if pattern is not _UNSEEN:
            return pattern  # type: ignore[return-value]
        first = two[:1]
        chosen = tuple(i for i, heads in enumerate(pair_heads) if self._may_begin(i, heads, first, two))
        found = self._compiled(chosen)
        with self._lock:
            if len(self._by_pair) < _MAX_PAIRS:
                self._by_pair[two] = found
        return found

    def _may_begin(self, i: int, heads: frozenset[str] | None, first: str, two: str) -> bool:
        """May alternative `i` (its literal beginnings `heads`, None: unknown) match text beginning with `two`?"""
        if heads is not None:
            return first in heads or two in heads
        firsts = self._firsts[i] if self._firsts is not None else None
        return firsts is None or any(self._tests[start].fullmatch(first) for start in firsts)

    def _compiled(self, chosen: tuple[int, ...]) -> re.Pattern[str] | None:
        """The alternation of the alternatives `chosen` (indexes, in order), compiled once (None: none)."""
        if chosen not in self._by_choice:
            compiled = None
            if len(chosen) == len(self.parts):
                compiled = self.whole
            elif chosen:
                compiled = re.compile(self._joined(chosen), self._flags)
            with self._lock:
                self._by_choice[chosen] = compiled
        return self._by_choice[chosen]


_UNSEEN = object()  # (a character's entry may be None: no alternative starts with it)


def _alternatives_firsts(parts: Sequence[str], flags: int) -> list[frozenset[str] | None] | None:
    """The characters each part's matches start with (None for a part where that is not known);
    None when the parts cannot be searched apart (back-references, inline flags)."""
    out: list[frozenset[str] | None] = []
    plain = _parser.parse("", flags).state.flags
    for part in parts:
        try:
            parsed = _parser.parse(part, flags)
        except Exception:  # noqa: BLE001  (a part that only parses in the whole, or a parser that changed)
            return None
        if parsed.state.flags != plain or _refers_back(list(parsed)):
            return None
        out.append(_firsts(list(parsed)))
    return out


def _pair_heads(parts: Sequence[str], flags: int) -> list[frozenset[str] | None] | None:
    """For each part, the literal strings of one or two characters every match of it begins with
    (one character: the match may go on with any), or None when its first character is no literal
    (a class, a set of many); case-insensitive, lower-cased and cut before a character that is not
    ASCII (None when the first is not). None for all when a part does not parse alone."""
    out: list[frozenset[str] | None] = []
    folded = bool(flags & re.IGNORECASE)
    for part in parts:
        try:
            parsed = _parser.parse(part, flags)
        except Exception:  # noqa: BLE001  (a part that only parses in the whole)
            return None
        heads = _heads(list(parsed), 2)
        if folded:  # (a beginning read up to its first character that is not ASCII)
            heads = {_ascii_beginning(head).lower() for head in heads}
        out.append(None if "" in heads else frozenset(heads))
    return out


def _ascii_beginning(text: str) -> str:
    """`text` up to its first character that is not ASCII."""
    for k, character in enumerate(text):
        if not character.isascii():
            return text[:k]
    return text


# A set of at most this many characters is read as so many beginnings ("[ée]t[ée]").
_HEAD_SET_MAX = 8


def _heads(items: list, room: int) -> set[str]:
    """The literal beginnings, of at most `room` characters, of the matches of the parsed `items`: a
    match holds one of them at its start (one cut short where what follows is no literal, or where
    the match may end); "" when nothing is known of the first character."""
    if room == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op in _ZERO_WIDTH:
        return _heads(rest, room)
    if op is _constants.LITERAL:
        return {chr(av) + head for head in _heads(rest, room - 1)}
    if op is _constants.IN:
        if len(av) > _HEAD_SET_MAX or any(item is not _constants.LITERAL for item, _ in av):
            return {""}
        return {chr(value) + head for _, value in av for head in _heads(rest, room - 1)}
    if op is _constants.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        return {""} if add_flags or del_flags else _heads(list(body) + rest, room)
    if op is _constants.ATOMIC_GROUP:
        return _heads(list(av) + rest, room)
    if op is _constants.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            out |= _heads(list(branch) + rest, room)
        return out
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
        least, _most, body = av
        once = _heads(list(body), room)  # (cut where the first repeat ends: what follows is not read)
        return once if least > 0 else once | _heads(rest, room)
    return {""}


def _refers_back(items: list) -> bool:
    """Does a parsed pattern hold a back-reference (its numbers change when parts are left out)?"""
    for op, av in items:
        if op in (_constants.GROUPREF, _constants.GROUPREF_EXISTS):
            return True
        for value in av if isinstance(av, (list, tuple)) else ():
            if isinstance(value, _parser.SubPattern) and _refers_back(list(value)):
                return True
            if isinstance(value, (list, tuple)) and any(isinstance(v, _parser.SubPattern) and _refers_back(list(v)) for v in value):
                return True
    return False


_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_CATEGORIES = {
    _constants.CATEGORY_WORD: r"\w", _constants.CATEGORY_NOT_WORD: r"\W",
    _constants.CATEGORY_DIGIT: r"\d", _constants.CATEGORY_NOT_DIGIT: r"\D",
    _constants.CATEGORY_SPACE: r"\s", _constants.CATEGORY_NOT_SPACE: r"\S",
}


def _set_items(items: list) -> frozenset[str] | None:
    r"""The items of a character set as expressions of one character each (`a`, `[a-z]`, `\w`)."""
    out = set()
    for op, av in items:
        if op is _constants.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is _constants.RANGE:
            out.add(f"[{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}]")
        elif op is _constants.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:
            return None  # a negated set, or what this reading does not know
    return frozenset(out)


def _firsts(items: list) -> frozenset[str] | None:
    """What the matches of the parsed `items` start with, as expressions of one character each,
    when their first consuming element says so plainly; None otherwise (or when they may match
    nothing)."""
    for k, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue  # "\b", "(?<!je )": consumes nothing, what follows starts the match
        if op is _constants.LITERAL:
            return frozenset([re.escape(chr(av))])
        if op is _constants.IN:
            return _set_items(av)
        if op is _constants.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            return None if add_flags or del_flags else _firsts(list(body))
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            least, _most, body = av
            firsts = _firsts(list(body))
            if firsts is None or least > 0:
                return firsts
            after = _firsts(items[k + 1 :])  # "(?:des )?dirigeants": "d" either way
            return None if after is None else firsts | after
        if op is _constants.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                firsts = _firsts(list(branch))
                if firsts is None:
                    return None
                out |= firsts
            return frozenset(out)
        if op is _constants.ATOMIC_GROUP:
            return _firsts(list(av))
        return None
    return None  # may match nothing at all

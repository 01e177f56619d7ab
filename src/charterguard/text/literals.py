"""What every match of a regular expression must hold, read from its parse: the words of its
alternations of whole words. A text holding none of one alternation's words holds no match,
told by a set intersection instead of `re`'s attempt at every position.

A pattern made of alternations of words (`\\b(je|j|on|nous) (vais|va|vas) (te|t|vous) (tuer|buter)\\b`,
tone's constructions) is searched by `re` from every position where its first alternation may
start (most words of a post): 20-60 µs on a 300-character post, and most posts hold no word of its
rarer alternations at all. `NeededWords` keeps the top-level alternations bounded on both sides
(by a space, `\\b`, or the pattern's start before; a space, `\\b` or `$` after) whose alternatives
are literal words: each alternative's words are then whole runs of word characters of the text
(`word_runs`), and a match holds one alternative's longest word.
"""

from __future__ import annotations

import re
from collections.abc import Set
from re import _constants, _parser  # type: ignore[attr-defined]

_WORD_RUN = re.compile(r"\w+")
_NOT_WORD_NOR_SPACE = re.compile(r"[^\w ]")
_WORD_CHARACTER = re.compile(r"\w")
_BOUNDS_BEFORE = {(_constants.AT, _constants.AT_BOUNDARY), (_constants.AT, _constants.AT_BEGINNING), (_constants.LITERAL, ord(" "))}
_BOUNDS_AFTER = {(_constants.AT, _constants.AT_BOUNDARY), (_constants.AT, _constants.AT_END), (_constants.LITERAL, ord(" "))}


def word_runs(text: str) -> frozenset[str]:
    """The runs of word characters (`\\w+`) of `text`, what `NeededWords.may_match` reads (split at
    spaces when those are the text's only other characters, as in words joined by single spaces)."""
    if _NOT_WORD_NOR_SPACE.search(text) is None:
        return frozenset(text.split())
    return frozenset(_WORD_RUN.findall(text))


class NeededWords:
    """Of a compiled pattern: sets of words one of which every match holds as a whole run of word
    characters (none known: every text may match)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        # The rarest first: the longer an alternation's shortest word, the fewer texts hold one.
        self.needs: tuple[frozenset[str], ...] = tuple(sorted(_needs(pattern), key=lambda need: (-min(map(len, need)), len(need))))

    def may_match(self, runs: Set[str]) -> bool:
        """False only when a text whose `word_runs` are `runs` holds no match of the pattern."""
        for need in self.needs:
            if runs.isdisjoint(need):
                return False
        return True


def _needs(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    """For each top-level group of alternatives (or lone group) bounded on both sides, whose every
    alternative is literal words: the longest word of each alternative. None for a case-insensitive
    pattern (a set of words is compared as written) or one that does not parse."""
    if pattern.flags & re.IGNORECASE:
        return []
    try:
        items = [(op, av) for op, av in _parser.parse(pattern.pattern, pattern.flags)]
    except Exception:  # noqa: BLE001  (a parser that changed: no needs, the pattern is searched as before)
        return []
    out = []
    for k, (op, av) in enumerate(items):
        if op is not _constants.SUBPATTERN or av[1] or av[2]:
            continue  # (a group with flags of its own is not read)
        before_bounded = k == 0 or _bound(items[k - 1], _BOUNDS_BEFORE)
        after_bounded = k + 1 < len(items) and _bound(items[k + 1], _BOUNDS_AFTER)
        if not (before_bounded and after_bounded):
            continue
        body = list(av[3])
        alternatives = [body]
        if body and body[-1][0] is _constants.BRANCH and all(op is _constants.LITERAL for op, _ in body[:-1]):
            # (re's parser writes "(vais|va)" as "va(?:is|)": the common beginning, then what differs)
            alternatives = [body[:-1] + list(branch) for branch in body[-1][1][1]]
        words = [_longest_word(alternative) for alternative in alternatives]
        if all(words):
            out.append(frozenset(words))
    return out


def _bound(item: tuple, bounds: set[tuple]) -> bool:
    op, av = item
    return (op, av) in bounds if op in (_constants.AT, _constants.LITERAL) else False


def _longest_word(items: list) -> str:
    """The longest word of a parsed sequence of literal word characters and single spaces ("" when
    it holds anything else: a class, a repeat, another character, a space at an end or doubled)."""
    if not items or any(op is not _constants.LITERAL for op, _ in items):
        return ""
    text = "".join(chr(av) for _, av in items)
    words = text.split(" ")
    if any(not word or not all(_WORD_CHARACTER.fullmatch(c) for c in word) for word in words):
        return ""
    return max(words, key=len)

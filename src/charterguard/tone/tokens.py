"""Words of a post as folded tokens with original offsets and sentence numbers.

Built from the post's shared `FoldedText` (so leetspeak, look-alikes and spaced
letters are already undone). Constructions of the lexicons ("je vais te tuer") are
regular expressions over the tokens joined by one space; `Tokens.span_of_chars`
maps a match in that joined string back to token indices.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..text.normalize import MENTION, FoldedText

# A sentence ends at these characters (':' too: "Attention : nos clients ..." starts anew).
_SENTENCE_BREAK = re.compile(r"[.!?;:\n\u2026]")


@dataclass(frozen=True, slots=True)
class Tokens:
    words: tuple[str, ...]  # folded words
    starts: tuple[int, ...]  # original start offset of each word
    ends: tuple[int, ...]  # original end offset of each word
    sentence: tuple[int, ...]  # sentence number of each word
    mention: tuple[bool, ...]  # word came from an @mention
    joined: str  # words joined by single spaces
    joined_starts: tuple[int, ...]  # offset of each word in `joined`

    @classmethod
    def of(cls, folded: FoldedText) -> "Tokens":
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        sentence: list[int] = []
        mention: list[bool] = []
        original = folded.original
        number = 0
        previous_end = 0
        for word in folded.words:
            if word.end <= word.start:
                continue
            o_start, o_end = folded.to_original(word.start, word.end)
            if words and _SENTENCE_BREAK.search(original, previous_end, o_start):
                number += 1
            words.append(folded.chars[word.start : word.end])
            starts.append(o_start)
            ends.append(o_end)
            sentence.append(number)
            mention.append(bool(word.flags & MENTION))
            previous_end = o_end
        joined_starts: list[int] = []
        position = 0
        for text in words:
            joined_starts.append(position)
            position += len(text) + 1
        return cls(
            tuple(words), tuple(starts), tuple(ends), tuple(sentence), tuple(mention), " ".join(words), tuple(joined_starts)
        )

    def __len__(self) -> int:
        return len(self.words)

    def index_at(self, offset: int) -> int:
        """Index of the word that contains (or starts after) original `offset`."""
        k = bisect_right(self.starts, offset) - 1
        if k < 0:
            return 0
        if offset >= self.ends[k] and k + 1 < len(self.words):
            return k + 1
        return k

    def original_span(self, first: int, last: int) -> tuple[int, int]:
        """Original (start, end) of the words `first`..`last` (both included). The least start and
        the greatest end, not the first word's and the last's: after a bidi override ("\u202e")
        words are read in display order, which runs backwards through the original text."""
        return min(self.starts[first : last + 1]), max(self.ends[first : last + 1])

    def span_of_chars(self, start: int, end: int) -> tuple[int, int]:
        """Token range [first, last+1) covering joined-string characters [start, end)."""
        first = bisect_right(self.joined_starts, start) - 1
        last = bisect_right(self.joined_starts, max(start, end - 1)) - 1
        return max(first, 0), last + 1

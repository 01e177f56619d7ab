"""Social-media entities in a post (hashtags, mentions, links) and X's length rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

HASHTAG_RE = re.compile(r"(?<![\w#])#(\w[\w\-]*)", re.UNICODE)
MENTION_RE = re.compile(r"(?<![\w@])@(\w[\w.\-]*\w|\w)", re.UNICODE)
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:com|fr|org|net|io|eu|co|ly|be|ch|de|uk|us|ai|app|dev)(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_TRAILING_PUNCT = ".,;:!?)»\"'"

X_URL_LENGTH = 23  # every link counts as a t.co link
_X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_EMOJI_RE = re.compile(
    "(?:[\U0001F1E6-\U0001F1FF]{2})"  # flags
    "|(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF][\uFE0F\U0001F3FB-\U0001F3FF]?"
    "(?:\u200D[\U0001F000-\U0001FAFF\u2600-\u27BF\u2640\u2642][\uFE0F\U0001F3FB-\U0001F3FF]?)*)"
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


def hashtags(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(0)) for m in HASHTAG_RE.finditer(text)]


def mentions(text: str) -> list[Span]:
    return [
        Span(m.start(), m.end(), m.group(0))
        for m in MENTION_RE.finditer(text)
        if not _inside_email(text, m.start())
    ]


def links(text: str) -> list[Span]:
    spans = []
    for m in URL_RE.finditer(text):
        if _inside_email(text, m.start()) or (m.start() > 0 and text[m.start() - 1] == "@"):
            continue
        end = m.end()
        while end > m.start() and text[end - 1] in _TRAILING_PUNCT:
            end -= 1
        spans.append(Span(m.start(), end, text[m.start() : end]))
    return spans


def _inside_email(text: str, pos: int) -> bool:
    word_start = pos
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word_end = pos
    while word_end < len(text) and not text[word_end].isspace():
        word_end += 1
    word = text[word_start:word_end]
    return "@" in word and word.index("@") > 0 and "." in word.split("@", 1)[1]


def x_weighted_length(text: str) -> int:
    """Length as X counts it: links count 23, emoji 2, CJK and most non-Latin 2."""
    total = 0
    pos = 0
    for link in links(text):
        total += _weighted_plain(text[pos : link.start]) + X_URL_LENGTH
        pos = link.end
    return total + _weighted_plain(text[pos:])


def _weighted_plain(text: str) -> int:
    total = 0
    pos = 0
    for emoji in _EMOJI_RE.finditer(text):
        total += _weighted_chars(text[pos : emoji.start()]) + 2
        pos = emoji.end()
    return total + _weighted_chars(text[pos:])


def _weighted_chars(text: str) -> int:
    return sum(1 if any(lo <= ord(c) <= hi for lo, hi in _X_LIGHT_RANGES) else 2 for c in text)


def x_offset_at_weight(text: str, limit: int) -> int:
    """The first string index at which X's weighted length exceeds `limit`."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        if x_weighted_length(text[: mid + 1]) > limit:
            hi = mid
        else:
            lo = mid + 1
    return lo

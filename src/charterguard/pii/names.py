"""PERSON and LOCATION from the post's shared spaCy Doc, repaired and filtered.

spaCy gives every entity the same flat score and, in French, tags
sentence-initial capitalised words (Bravo, Merci, Fier, Réunion) as places or
people. Here each NER span is:

1. repaired: leading words that are not part of a name are cut ("Contactez
   Marie Dupont" -> "Marie Dupont"), trailing punctuation dropped;
2. filtered: no digits, '@', '#', URLs; not a known non-name word; not the
   company's own names, code names, customers or competitors (one `TermIndex`
   pass over the post); not all lowercase;
3. scored from evidence: a title before it, a known given name, two or more
   capitalised words, a context word.

Titles also find names NER missed ("Mme Durand", "Mr. Smith").
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Sequence

from ..text.given_names import FIRST_NAMES
from ..text.normalize import fold_words
from ..text.not_names import LEADING_NOT_NAME, NOT_NAMES
from .context import has_context
from .entities import Candidate
from .lexicons import NOT_IN_NAMES, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc

PERSON_LABELS = frozenset({"PER", "PERSON"})
LOCATION_LABELS = frozenset({"LOC", "GPE"})

# Calibrated (see scores.py): measured precision of each evidence level.
SCORE_TITLE = 0.92
SCORE_FULL_NAME_KNOWN_GIVEN = 0.9
SCORE_FULL_NAME = 0.75
SCORE_SINGLE_KNOWN_GIVEN = 0.65
SCORE_SINGLE = 0.4
SCORE_SINGLE_SENTENCE_START = 0.3
SCORE_ANNOUNCED = 0.85  # "My name is ...", "Nom : ..."
SCORE_GIVEN_ALONE = 0.4  # a known given name alone, mid-sentence, NER silent ("Merci Julie")
CONTEXT_BONUS = 0.1
SCORE_LOCATION = 0.4  # a place: rarely personal data by itself ("notre séminaire à Lyon")
SCORE_LOCATION_PERSONAL = 0.7  # a place tied to someone ("habite à Lyon", "lives in Leeds")

# Words that start an address line right after a name ("Mrs. Barbara Yudina Apt. 675").
_ADDRESS_WORDS = frozenset("apt apartment suite unit box bldg floor appt appartement batiment bat".split())
_WORD = re.compile(r"[\wÀ-ÿ][\wÀ-ÿ'’\-]*\.?")
_BAD_CHARS = re.compile(r"[\d@#/\\_:|<>{}\[\]=+*]|https?|www\.")
_NAME_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)*"
_NAME_PARTICLE = r"(?:(?:de|du|de\sla|le|la|van|von|da|di|dos|el|ben|ibn)\s|d['’])"
_MIDDLE_INITIAL = r"(?:[A-Z]\.?[ \t])?"  # "John F. Kennedy", "Szabina J Gelencsér"
_FULL_NAME = rf"{_NAME_WORD}(?:[ \t]{_MIDDLE_INITIAL}{_NAME_PARTICLE}?{_NAME_WORD}){{0,3}}"
_TITLE_NAME = re.compile(
    r"(?<![\w])(?P<title>M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pr\.?|Monsieur|Madame|Mademoiselle|Docteur|Professeur)"
    rf"[ \t]+(?P<name>{_FULL_NAME})"
)
# A name announced as one: "My name is ...", "Name: ...", "Je m'appelle ...", "Dear ...".
_ANNOUNCED_NAME = re.compile(
    r"(?i:\bmy name is|\bname\s*:|\bnom\s*:|\bje m['’]appelle|\bdear|\bdirected by|\bwritten by|\bsigned|\bsign[ée] par)"
    rf"[ \t]*\n?[ \t]*(?P<name>{_FULL_NAME})"
)
# A known given name followed by one or more capitalised words: a name even when NER missed it.
# (A lookahead, so that every word start is tried: "Conférence de Sophie Chevalier".)
_GIVEN_FAMILY = re.compile(rf"(?<![\w#@'’\-])(?=(?P<name>{_NAME_WORD}(?:[ \t]{_MIDDLE_INITIAL}{_NAME_PARTICLE}?{_NAME_WORD}){{1,3}}))")
_GIVEN_ALONE = re.compile(rf"(?<![\w#@'’\-])({_NAME_WORD})(?![\w'’\-])")
_JOINER = re.compile(rf"^[ \t](?:{_NAME_PARTICLE}[ \t]?)?$")


def person_candidates(text: str, doc: "Doc", excluded: Sequence[tuple[int, int]], language: str = "fr") -> list[Candidate]:
    """PERSON candidates: NER spans repaired and scored, plus names announced by a title
    ("Mme Durand"), a cue ("My name is ...") or a known given name. `excluded` spans
    (company terms, brands, sure structured findings) are never names."""
    excluded = _Sorted(excluded)
    out: dict[tuple[int, int], Candidate] = {}
    for ent in doc.ents:
        if ent.label_ not in PERSON_LABELS:
            continue
        candidate = _person(text, ent.start_char, ent.end_char, excluded, source="spacy", language=language)
        if candidate is not None:
            out[(candidate.start, candidate.end)] = candidate
    for m in _TITLE_NAME.finditer(text):
        start, end = m.start("name"), m.end("name")
        words = list(_WORD.finditer(text, start, end))
        while len(words) > 1 and fold_words(words[-1].group()).rstrip(".") in _ADDRESS_WORDS:
            words.pop()
        end = words[-1].end()
        if _overlaps(start, end, excluded) or fold_words(m.group("name").split()[0]) in NOT_NAMES:
            continue
        out[(start, end)] = Candidate(start, end, "PERSON", SCORE_TITLE, "charterguard:title")
    for m in _ANNOUNCED_NAME.finditer(text):
        start, end = m.start("name"), m.end("name")
        first = fold_words(m.group("name").split()[0])
        if first in NOT_NAMES or first in LEADING_NOT_NAME or _overlaps(start, end, excluded):
            continue
        out[(start, end)] = Candidate(start, end, "PERSON", SCORE_ANNOUNCED, "charterguard:announced")
    for m in _GIVEN_FAMILY.finditer(text):
        name_words = m.group("name").split()
        if fold_words(name_words[0]) not in FIRST_NAMES or any(fold_words(w) in LEADING_NOT_NAME or fold_words(w) in NOT_IN_NAMES for w in name_words[1:]):
            continue
        start, end = m.start("name"), m.end("name")
        if _overlaps(start, end, excluded):
            continue
        out.setdefault((start, end), Candidate(start, end, "PERSON", SCORE_FULL_NAME, "charterguard:given_name"))
    for m in _GIVEN_ALONE.finditer(text) if len(out) < MAX_NAMES_FOR_LONE_GIVEN_NAMES else ():
        start, end = m.span(1)
        if fold_words(m.group(1)) not in FIRST_NAMES or _overlaps(start, end, excluded) or _sentence_start(text, start):
            continue
        if not any(c.start < end and start < c.end for c in out.values()):
            out[(start, end)] = Candidate(start, end, "PERSON", SCORE_GIVEN_ALONE, "charterguard:given_name")
    return _merge(text, list(out.values()))


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].rstrip(" \t\"'«“(")
    if not before and start > 12:
        return False  # only spaces and quotes before it in the window: mid-text
    return not before or before[-1] in ".!?:\n…"


def _merge(text: str, people: list[Candidate]) -> list[Candidate]:
    """Overlapping or particle-joined pieces of one name become one span ("Léa" + "de Villiers")."""
    merged: list[Candidate] = []
    for c in sorted(people, key=lambda c: (c.start, -c.end)):
        if merged:
            last = merged[-1]
            if c.start < last.end or (c.start - last.end <= 6 and _JOINER.match(text[last.end : c.start])):
                agree = last.source != c.source and c.start < last.end
                value = max(last.score, c.score, SCORE_FULL_NAME_KNOWN_GIVEN if agree else 0.0)
                merged[-1] = Candidate(last.start, max(last.end, c.end), "PERSON", round(value, 2), last.source)
                continue
        merged.append(c)
    return merged


def location_candidates(text: str, doc: "Doc", excluded: Sequence[tuple[int, int]]) -> list[Candidate]:
    """LOCATION review hints: NER places that are not sentence-opening words."""
    excluded = _Sorted(excluded)
    out = []
    for ent in doc.ents:
        if ent.label_ not in LOCATION_LABELS:
            continue
        words = [fold_words(w) for w in _WORD.findall(ent.text)]
        if not words or (len(words) == 1 and words[0].rstrip(".") in NOT_NAMES - _PLACES_OK):
            continue
        if _BAD_CHARS.search(ent.text) or _overlaps(ent.start_char, ent.end_char, excluded):
            continue
        start = ent.start_char
        region = _REGION_PREFIX.match(text, start, ent.end_char)
        if region and region.end() < ent.end_char:
            start = region.end()  # "Southern Italy": the place is Italy
        value = SCORE_LOCATION_PERSONAL if has_context(text, start, ent.end_char, "LOCATION") else SCORE_LOCATION
        out.append(Candidate(start, ent.end_char, "LOCATION", value, "spacy"))
    return out


# City names in NOT_NAMES are kept out of PERSON, but they are places.
_REGION_PREFIX = re.compile(r"(?:Southern|Northern|Eastern|Western|Central|Greater|Upper|Lower)\s+")
MAX_NAMES_FOR_LONE_GIVEN_NAMES = 500  # beyond, the post is a pasted list: the quadratic pass is not worth it
_PLACES_OK = frozenset("paris lyon marseille lille nantes bordeaux toulouse nice rennes strasbourg montpellier grenoble france europe".split())


def _person(
    text: str, start: int, end: int, excluded: Sequence[tuple[int, int]], source: str, language: str = "fr"
) -> Candidate | None:
    words = list(_WORD.finditer(text, start, end))
    # Cut leading non-name words ("Contactez", "Merci", "Bravo") and titles (kept as evidence).
    titled = _title_before(text, start)
    while words and (fold_words(words[0].group()).rstrip(".") in LEADING_NOT_NAME or fold_words(words[0].group()) in TITLES):
        if fold_words(words[0].group()) in TITLES:
            titled = True
        words.pop(0)
    while words and (fold_words(words[-1].group()).rstrip(".") in LEADING_NOT_NAME or fold_words(words[-1].group()).rstrip(".") in _ADDRESS_WORDS):
        words.pop()
    # A name does not start with a lowercase word: "devs Python", "équipe Marketing".
    while len(words) > 1 and words[0].group()[0].islower():
        words.pop(0)
    if not words:
        return None
    for k in range(1, len(words)):
        if "\n" in text[words[k - 1].end() : words[k].start()]:
            words = words[:k]  # a name does not run over a line break ("Julie Laurent\nAdresse")
            break
    start, end = words[0].start(), words[-1].end()
    if text[end - 1] == "." and not _is_initial(words[-1].group()):
        end -= 1
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2  # "Bryan Maclean's killers"
    span = text[start:end]
    if _BAD_CHARS.search(span) or _overlaps(start, end, excluded):
        return None
    if start > 0 and text[start - 1] in "#@":
        return None  # a hashtag or a handle: the social rules judge those
    name_words = [w.group() for w in words]
    if not any(w[0].isupper() for w in name_words) or span.isupper() and len(name_words) == 1:
        return None
    folded = [fold_words(w).rstrip(".") for w in name_words]
    if len(folded) == 1 and folded[0] in NOT_NAMES or any(w in NOT_IN_NAMES for w in folded):
        return None
    capitalised = sum(1 for w in name_words if w[0].isupper())
    known_given = folded[0] in FIRST_NAMES or folded[0].split("-")[0] in FIRST_NAMES
    if titled:
        value = SCORE_TITLE
    elif capitalised >= 2:
        value = SCORE_FULL_NAME_KNOWN_GIVEN if known_given else SCORE_FULL_NAME
    elif known_given:
        value = SCORE_SINGLE_KNOWN_GIVEN
    elif language == "fr" and _sentence_start(text, start):
        value = SCORE_SINGLE_SENTENCE_START  # "Postulez", "Fier": the French model's favourite mistake
    else:
        value = SCORE_SINGLE
    if value < SCORE_FULL_NAME and has_context(text, start, end, "PERSON"):
        value = min(value + CONTEXT_BONUS, SCORE_FULL_NAME)
    return Candidate(start, end, "PERSON", round(value, 2), source)


def _title_before(text: str, start: int) -> bool:
    before = text[max(0, start - 14) : start].split()
    return bool(before) and fold_words(before[-1]) in TITLES


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    if len(spans) > 16:  # a long post: look only at the spans that start before `end`
        ordered = spans if isinstance(spans, _Sorted) else _Sorted(spans)
        return ordered.ends_max_before(bisect.bisect_left(ordered.starts, end)) > start
    return any(s < end and start < e for s, e in spans)


class _Sorted(list):
    """Spans sorted by start, with running maxima of ends, for `_overlaps` on long posts."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        super().__init__(sorted(spans))
        self.starts = [s for s, _ in self]
        self._max_end: list[int] = []
        best = -1
        for _, e in self:
            best = max(best, e)
            self._max_end.append(best)

    def ends_max_before(self, k: int) -> int:
        return self._max_end[k - 1] if k > 0 else -1

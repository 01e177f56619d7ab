"""Run every personal-data recognizer once per post, and resolve overlaps.

A charter usually has several `pii` rules (identifiers that block, contact data
that warns, names as hints). They share one `PiiAnalyzer` (see `analyzer_for`),
and the analyzer keeps its results per post, so the recognizers run once per
post whatever the number of rules, and NER only when a rule asks for names.
"""

from __future__ import annotations

import bisect
import re
import threading
import weakref
from typing import TYPE_CHECKING, Iterable

from .entities import NER_ENTITIES, Candidate
from .recognizers import Recognizer, structured_recognizers
from .recognizers import warm_up as warm_up_recognizers

if TYPE_CHECKING:
    from ..analysis import Post
    from ..spec.rule import Company
    from ..text.termindex import TermIndex

_DIGIT = re.compile(r"\d")
_NEEDS_DIGIT = frozenset(
    {"PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "IP_ADDRESS", "FR_NIR", "FR_SIREN", "FR_SIRET", "FR_TVA",
     "FR_PASSPORT", "FR_CNI", "US_SSN", "STREET_ADDRESS"}
)
# A structured finding at least this sure hides NER spans and weaker findings it overlaps.
DOMINANT_SCORE = 0.5
MAX_TEXT_CHARS = 200_000  # recognizers beyond this would only find what the NER cannot parse anyway


class PiiAnalyzer:
    """Structured recognizers + names from the shared Doc, with per-post caching."""

    def __init__(self, company: "Company", phone_regions: dict[str, tuple[str, ...]] | None = None) -> None:
        self._recognizers: list[tuple[str, Recognizer]] = structured_recognizers(phone_regions)
        self._phone_regions = phone_regions
        from .lexicons import BRANDS

        # Never a person: the company's own names, code names, customers, competitors, and known brands.
        self._company_terms = [t for field in ("names", "codenames", "customers", "competitors") for t in company.values(field)]
        self._company_terms += list(BRANDS)
        self._term_index: "TermIndex | None" = None
        self._results: "weakref.WeakKeyDictionary[Post, dict[str, list[Candidate]]]" = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    # -- public -----------------------------------------------------------------
    def warm_up(self, entities: Iterable[str]) -> None:
        """Load now what the recognizers of `entities` would load on their first match."""
        warm_up_recognizers(entities, self._phone_regions)

    def analyze(self, post: "Post", entities: Iterable[str]) -> list[Candidate]:
        """Candidates of `entities` in `post`, overlaps resolved, sorted by start."""
        wanted = set(entities)
        found = list(self._structured(post))
        if wanted & set(NER_ENTITIES):
            found.extend(self._named(post))
        return [c for c in found if c.entity in wanted]

    # -- stages -------------------------------------------------------------------
    def _cache(self, post: "Post") -> dict[str, list[Candidate]]:
        with self._lock:
            cache = self._results.get(post)
            if cache is None:
                cache = self._results[post] = {}
            return cache

    def _structured(self, post: "Post") -> list[Candidate]:
        cache = self._cache(post)
        if "structured" not in cache:
            text = post.text[:MAX_TEXT_CHARS]
            has_digit = _DIGIT.search(text) is not None
            raw: list[Candidate] = []
            for entity, recognize in self._recognizers:
                # Cheap prefilters: most posts have no '@' and many no digit at all.
                if entity == "EMAIL_ADDRESS" and "@" not in text or entity in _NEEDS_DIGIT and not has_digit:
                    continue
                raw.extend(recognize(text, post.language))
            cache["structured"] = resolve(raw)
        return cache["structured"]

    def _named(self, post: "Post") -> list[Candidate]:
        cache = self._cache(post)
        if "named" not in cache:
            from .names import location_candidates, person_candidates

            text = post.text
            doc = post.doc
            dominant = [(c.start, c.end) for c in self._structured(post) if c.score >= DOMINANT_SCORE]
            excluded = dominant + self._company_spans(post)
            people = person_candidates(text, doc, excluded, post.language)
            places = location_candidates(text, doc, excluded + [(c.start, c.end) for c in people])
            cache["named"] = sorted(people + places, key=lambda c: c.start)
        return cache["named"]

    def _company_spans(self, post: "Post") -> list[tuple[int, int]]:
        if not self._company_terms:
            return []
        if self._term_index is None:
            from ..text.termindex import TermIndex

            self._term_index = TermIndex(self._company_terms, fuzzy=False)
        return [(m.start, m.end) for m in self._term_index.find(post.folded)]


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: a sure finding containing another wins, then the surest.

    O(n log n): a post may hold thousands of candidates (a pasted contact list).
    """
    kept_input = _not_contained(candidates)
    kept = SpanSet()
    for c in sorted(kept_input, key=lambda c: (-c.score, -c.length, c.start)):
        if not kept.overlaps(c.start, c.end):
            kept.add(c.start, c.end, c)
    return kept.values()


def _not_contained(candidates: list[Candidate]) -> list[Candidate]:
    """Drop candidates strictly inside a longer sure one (a SIREN inside a SIRET)."""
    ordered = sorted(candidates, key=lambda c: (c.start, -c.end))
    out: list[Candidate] = []
    best_end = -1  # furthest end of a sure candidate starting at or before the current one
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and (ordered[j].start, ordered[j].end) == (ordered[i].start, ordered[i].end):
            j += 1
        group = ordered[i:j]
        if best_end < group[0].end:
            out.extend(group)
        for c in group:
            if c.score >= DOMINANT_SCORE:
                best_end = max(best_end, c.end)
        i = j
    return out


class SpanSet:
    """Non-overlapping spans kept sorted, for overlap tests in O(log n)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._items: list[Candidate] = []

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self._starts, start)
        if k > 0 and self._ends[k - 1] > start:
            return True
        return k < len(self._starts) and self._starts[k] < end

    def add(self, start: int, end: int, item: Candidate) -> None:
        k = bisect.bisect_left(self._starts, start)
        self._starts.insert(k, start)
        self._ends.insert(k, end)
        self._items.insert(k, item)

    def values(self) -> list[Candidate]:
        return list(self._items)


_shared: dict[tuple, PiiAnalyzer] = {}
_shared_lock = threading.Lock()


def analyzer_for(company: "Company", phone_regions: dict[str, tuple[str, ...]] | None = None) -> PiiAnalyzer:
    """The analyzer shared by every pii rule with this company and these phone regions."""
    key = (company.model_dump_json(), tuple(sorted((phone_regions or {}).items())))
    with _shared_lock:
        analyzer = _shared.get(key)
        if analyzer is None:
            if len(_shared) > 32:  # charters come and go in a long-lived server
                _shared.clear()
            analyzer = _shared[key] = PiiAnalyzer(company, phone_regions)
        return analyzer

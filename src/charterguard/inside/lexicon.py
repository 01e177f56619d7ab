"""Topic and cue lexicons of inside information, and the matcher that finds them
by lemma in a post's words.

Entries are written as lemmas ("racheter", "lay off"); `inflections` expands each
word into its French and English forms (rachète, rachetons, rachèterait; laid,
laying), so a charter author writes a word once. Matching runs on `Token`s:
folded words (case and accents aside) with their offsets in the original text.
The cost is one dictionary look-up per word of the post, whatever the number
of entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

import yaml

from ..text.normalize import fold_words
from ..vocabulary import LANGUAGES

TOPIC_CUE_LISTS = ("secrecy", "forward_looking")  # lists that can turn a topic into a finding
CUE_LISTS = (
    "secrecy", "forward_looking", "public", "general", "past", "hearsay", "routine", "workplace", "self", "company", "disowned", "compound", "exercise",
    "bodies",
)

_WORD = re.compile(r"[^\W_]+")
# Short words that may sit between the words of a phrase ("levée DE fonds", "plan DE départs").
FILLERS = frozenset(["de", "des", "du", "d", "l", "la", "le", "les", "un", "une", "en", "a", "au", "aux", "sur", "the", "an", "of", "our", "its", "their", "to", "notre", "nos", "sa", "son", "ses"])
MAX_FILLERS = 2

# French verb endings by group, on the stem (folded: accents aside, so rachète = rachet+e).
_FR_ER = ["e", "es", "ent", "ons", "ez", "ais", "ait", "aient", "ions", "iez", "a", "as", "ai", "erent", "era", "eras", "erai", "erons", "erez", "eront", "erais", "erait", "erions", "eriez", "eraient", "ee", "ees", "er", "ant", "e"]
# -ir: 2nd group (finir: finissons) and 3rd (offrir: offre, offert; partir: part).
_FR_IR = ["u", "ue", "us", "ues", "i", "is", "it", "issons", "issez", "issent", "issait", "issaient", "ira", "iras", "irai", "irons", "irez", "iront", "irait", "iraient", "ie", "ies", "ir", "ant", "s", "t", "ons", "ez", "ent", "ait", "aient", "e", "es", "ert", "erte", "erts", "ertes"]
_FR_RE = ["s", "ons", "ez", "ent", "ait", "aient", "u", "ue", "us", "ues", "ra", "ras", "rai", "rais", "rons", "rez", "ront", "rait", "raient", "ant", "re"]
# Companion words that are shapes, not words (`with: [..., <name>]`): a name after the topic
# word ("we're buying Pellucid Labs") or just before it ("the Sunderland closure"), an amount in
# its sentence ("launches at $1,499"), a number of people ("220 people", "une soixantaine de
# personnes", "90 roles"), a word saying "next" just before it ("notre prochain directeur
# financier", "our incoming CFO": a successor known ahead).
PLACEHOLDERS = frozenset({"<name>", "<amount>", "<headcount>", "<next>"})


class Token(NamedTuple):
    """A word of a post (a named tuple: built for every word of every post, where a frozen
    dataclass's `__init__` cost ~2 µs a word)."""

    text: str  # folded
    raw: str  # as written
    start: int  # offsets in the original text
    end: int


# An amount with its unit in one word ("$40M", "2bn") reads as the unit, so that
# "lever" + "m" (M€, millions) finds "on lève 40M".
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?(m|md|mds|bn|k)")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    out = []
    for m in _WORD.finditer(text):
        raw = m.group()
        folded = fold_words(raw)
        if folded[:1].isdigit():  # (an amount starts with a digit: most words are not asked)
            amount = _AMOUNT.fullmatch(folded)
            if amount:
                folded = amount.group(1)
        start, end = m.span()
        out.append(Token(folded, raw, offset + start, offset + end))
    return out


class PostWords:
    """A post's words, tokenised once for every rule that matches word lists on them
    (`Post.kept(PostWords).of(post.text)`: the inside-information and semantic rules)."""

    def __init__(self) -> None:
        self._text: str | None = None
        self._tokens: list[Token] = []

    def of(self, text: str) -> list[Token]:
        """`tokenize(text)`, computed once (the list is shared: read it, never change it)."""
        if self._text is not text:
            self._tokens = tokenize(text)
            self._text = text
        return self._tokens


@lru_cache(maxsize=4096)
def inflections(word: str) -> frozenset[str]:
    """French and English forms of a folded lemma (nouns, adjectives and verbs)."""
    out = {word, word + "s", word + "x", word + "e", word + "es"}
    if word.endswith("al"):
        out.add(word[:-2] + "aux")
    if len(word) > 4 and word.endswith("er"):
        stem = word[:-2]
        out |= {stem + e for e in _FR_ER}
        if stem.endswith("g"):
            out |= {stem + "eons", stem + "eait", stem + "eant"}
    if len(word) > 4 and word.endswith("ir"):
        stem = word[:-2]
        out |= {stem + e for e in _FR_IR}
        if word.endswith("rtir"):  # sortir, partir: il sort, il part
            out.add(stem)
    if len(word) > 4 and word.endswith("re"):
        stem = word[:-2]
        out |= {stem + e for e in _FR_RE}
        if word.endswith("dre"):  # reprendre, vendre: il reprend, il vend
            out.add(stem)
        if word.endswith("ttre"):  # mettre: met, mets, mis
            out |= {word[:-3], word[:-3] + "s", word[:-5] + "is", word[:-5] + "ise"}
    if word.isascii():  # English
        out |= {word + "ed", word + "d", word + "ing", word + "ers", word + "er"}
        if word.endswith("e"):
            out |= {word[:-1] + "ing"}
        if word.endswith("y") and len(word) > 3:
            out |= {word[:-1] + "ies", word[:-1] + "ied"}
        if len(word) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwy]", word):  # cut -> cutting, ship -> shipped
            out |= {word + word[-1] + "ing", word + word[-1] + "ed"}
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Part:
    """One word of an entry: a set of folded forms, an exact raw form, or a prefix."""

    forms: frozenset[str] = frozenset()
    exact: str | None = None  # case-sensitive ("=CA")
    prefix: str | None = None  # "officiel*"

    def matches(self, token: Token) -> bool:
        if self.exact is not None:
            return token.raw == self.exact
        if self.prefix is not None:
            return token.text.startswith(self.prefix)
        return token.text in self.forms


@dataclass(frozen=True, slots=True)
class Entry:
    written: str
    parts: tuple[Part, ...]
    symbol: str | None = None  # an entry without letters (an emoji), matched as written


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    first: int  # token indices, inclusive
    last: int
    start: int  # original offsets
    end: int


def parse_entry(written: str, *, inflect: bool) -> Entry:
    """An entry as charters write it; ValueError when it has no word at all."""
    text = written.strip()
    if not text:
        raise ValueError("empty entry")
    if text in PLACEHOLDERS:
        return Entry(written, (), symbol=text)  # read by the analyzer, never found as text
    if text.startswith("="):
        words = _WORD.findall(text[1:])
        if not words:
            raise ValueError(f"{written!r} has no word after '='")
        return Entry(written, tuple(Part(exact=w) for w in words))
    if not _WORD.search(text):
        return Entry(written, (), symbol=text)
    parts = []
    for word in re.findall(r"[^\W_]+\*?", text):
        folded = fold_words(word)
        if folded.endswith("*"):
            parts.append(Part(prefix=folded[:-1]))
        elif parts and len(word) == 1 and word.isupper():
            # A capital letter after a word names a class ("série A", "series C"): as written, so
            # that "série a" (has), "série à", "série c'est", "série d'action" are no funding round.
            parts.append(Part(exact=word))
        elif len(word) > 1 and word.isupper():
            # An acronym has a plural, no verb forms ("IPO" is no "iPod", "OPA" no "opas" verb).
            parts.append(Part(forms=frozenset({folded, folded + "s"})))
        else:
            parts.append(Part(forms=inflections(folded) if inflect else frozenset({folded})))
    return Entry(written, tuple(parts))


class Matcher:
    """Finds entries in tokens: indexed by the forms of their first word."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.by_form: dict[str, list[Entry]] = {}
        self.by_exact: dict[str, list[Entry]] = {}
        self.prefixed: list[Entry] = []
        # prefix length -> prefix -> (position in `prefixed`, entry): a word's prefixed entries
        # are found by a look-up per length, not by trying every entry on every word.
        self.by_prefix: dict[int, dict[str, list[tuple[int, Entry]]]] = {}
        self.symbols: list[Entry] = []
        self._prefix_memo: dict[str, list[Entry]] = {}
        for entry in entries:
            if entry.symbol is not None:
                self.symbols.append(entry)
                continue
            first = entry.parts[0]
            if first.exact is not None:
                self.by_exact.setdefault(first.exact, []).append(entry)
            elif first.prefix is not None:
                self.by_prefix.setdefault(len(first.prefix), {}).setdefault(first.prefix, []).append((len(self.prefixed), entry))
                self.prefixed.append(entry)
            else:
                for form in first.forms:
                    self.by_form.setdefault(form, []).append(entry)

    def find(self, tokens: Sequence[Token], text: str = "", lo: int = 0, hi: int | None = None) -> list[Match]:
        """Matches whose words lie in tokens[lo:hi] (and symbols in `text`, offsets of `text`)."""
        hi = len(tokens) if hi is None else hi
        out: list[Match] = []
        by_form, by_exact, by_prefix = self.by_form, self.by_exact, self.by_prefix
        prefixed_by = self._prefixed_by if by_prefix else None
        for i in range(lo, hi):
            token = tokens[i]
            # Most words start no entry: three look-ups and no list built for them.
            forms = by_form.get(token.text, _NONE)
            exact = by_exact.get(token.raw, _NONE) if by_exact else _NONE
            prefixed = prefixed_by(token.text) if prefixed_by is not None else _NONE
            if forms is _NONE and exact is _NONE and not prefixed:
                continue
            candidates = forms + exact + prefixed if exact or prefixed else forms
            for entry in candidates:
                last = _match_rest(entry.parts, tokens, i, hi)
                if last is not None:
                    out.append(Match(entry, i, last, token.start, tokens[last].end))
        for entry in self.symbols:
            assert entry.symbol is not None
            at = text.find(entry.symbol)
            if at >= 0:
                out.append(Match(entry, -1, -1, at, at + len(entry.symbol)))
        return out


    def _prefixed_by(self, word: str) -> list[Entry]:
        """The prefixed entries whose first word `word` starts with, in the order they were given
        (remembered per word: the same words come back in every post)."""
        known = self._prefix_memo.get(word)
        if known is not None:
            return known
        found = [hit for length, table in self.by_prefix.items() for hit in table.get(word[:length], _NONE)]
        if len(found) > 1:
            found.sort(key=lambda hit: hit[0])
        entries = [entry for _position, entry in found] if found else _NONE
        if len(self._prefix_memo) >= _MAX_PREFIX_MEMO:
            self._prefix_memo.clear()
        self._prefix_memo[word] = entries
        return entries


_NONE: list = []  # read only: what a look-up that finds nothing gives
_MAX_PREFIX_MEMO = 50_000  # words remembered per matcher (a few MB at most), then forgotten at once


# An English phrasal verb takes its object pronoun between the verb and the particle: "wind it down",
# "lay them off", "shut it down" are "wind down", "lay off", "shut down".
_PARTICLES = frozenset(["down", "off", "out", "up", "away"])
_OBJECT_PRONOUNS = frozenset(["it", "them", "us", "him", "her", "everything", "everyone"])


def _match_rest(parts: tuple[Part, ...], tokens: Sequence[Token], i: int, hi: int) -> int | None:
    k = i
    for part in parts[1:]:
        k += 1
        skipped = 0
        if k + 1 < hi and tokens[k].text in _OBJECT_PRONOUNS and part.forms & _PARTICLES and part.matches(tokens[k + 1]):
            k += 1  # "wind it down"
        while k < hi and not part.matches(tokens[k]) and tokens[k].text in FILLERS and skipped < MAX_FILLERS:
            k += 1
            skipped += 1
        if k >= hi or not part.matches(tokens[k]):
            return None
    return k


@dataclass(frozen=True)
class Topic:
    name: str
    label: Mapping[str, str]
    terms: tuple[Entry, ...]
    requirements: Mapping[str, tuple[Entry, ...]]  # per written term: words needed in the same sentence
    cues: tuple[str, ...] = TOPIC_CUE_LISTS


def _load_yaml(name: str) -> dict:
    with resources.files("charterguard.inside").joinpath("data", name).open(encoding="utf-8") as handle:
        # libyaml when PyYAML has it: the same values, 0.1 s sooner for the two built-in files.
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # a safe loader


@lru_cache(maxsize=1)
def builtin_topics_raw() -> dict:
    return _load_yaml("topics.yaml")


@lru_cache(maxsize=1)
def builtin_cues_raw() -> dict:
    return _load_yaml("cues.yaml")


def build_topic(name: str, raw: Mapping[str, object]) -> Topic:
    """A topic from its YAML form: {label?, terms, with?, with_for?, cues?}; ValueError on a bad entry."""
    terms_raw = raw.get("terms") or []
    if not isinstance(terms_raw, list) or not terms_raw:
        raise ValueError(f"topic {name!r} needs a non-empty list of `terms`")
    terms = tuple(parse_entry(str(t), inflect=True) for t in terms_raw)
    with_raw = raw.get("with") or []
    common = tuple(parse_entry(str(w), inflect=True) for w in (with_raw if isinstance(with_raw, list) else []))
    per_term: dict[str, tuple[Entry, ...]] = {}
    with_for = raw.get("with_for") or {}
    if not isinstance(with_for, Mapping):
        raise TypeError("`with_for` maps a term to the words it needs")
    for term in terms:
        needed = with_for.get(term.written)
        per_term[term.written] = tuple(parse_entry(str(w), inflect=True) for w in needed) if needed else common
    cues_raw = raw.get("cues") or TOPIC_CUE_LISTS
    cues: tuple[str, ...] = tuple(str(c) for c in cues_raw) if isinstance(cues_raw, (list, tuple)) else TOPIC_CUE_LISTS
    label_raw = raw.get("label") or {}
    label = dict(label_raw) if isinstance(label_raw, Mapping) else {"fr": str(label_raw), "en": str(label_raw)}
    return Topic(name, {lang: label.get(lang) or label.get("fr") or name for lang in LANGUAGES}, terms, per_term, cues)


@cache
def builtin_topic(name: str) -> Topic:
    """A built-in topic, compiled once per process (every rule that uses it shares it)."""
    return build_topic(name, builtin_topics_raw()[name])


@cache
def builtin_cues(name: str) -> Mapping[str, tuple[Entry, ...]]:
    """A built-in cue list by language ("any" for every language), compiled once per process."""
    return cue_entries(builtin_cues_raw().get(name))


@dataclass(frozen=True)
class Sense:
    """How an ambiguous cue entry is read in its cue's sense, by its neighbours (`senses` in cues.yaml):
    `after`, one of these words among the few before it (or the entry opening its sentence); `unless_after`,
    none of these among them; `before`, one of these words among the few after it; `unless_before`, none of
    these among them; `unless_answering`, not right after a question opened by one of these words (the entry is
    then the answer to the post's own question: "Pourquoi les fusions échouent ? Spoiler : la culture"). Words are folded."""

    after: frozenset[str] = frozenset()
    unless_after: frozenset[str] = frozenset()
    before: frozenset[str] = frozenset()
    unless_before: frozenset[str] = frozenset()
    unless_answering: frozenset[str] = frozenset()


@cache
def cue_senses(name: str) -> Mapping[str, Sense]:
    """The built-in entries of the cue list `name` that have a second sense, by their written form."""
    raw = (builtin_cues_raw().get("senses") or {}).get(name) or {}
    def words(spec: Mapping[str, object], key: str) -> frozenset[str]:
        listed = spec.get(key) or ()
        return frozenset(w for word in (listed if isinstance(listed, list) else ()) for w in _WORD.findall(fold_words(str(word))))

    return {str(entry): Sense(*(words(spec, key) for key in ("after", "unless_after", "before", "unless_before", "unless_answering"))) for entry, spec in raw.items()}


_shared_matchers: dict[tuple[Entry, ...], tuple[tuple[Entry, ...], Matcher]] = {}
_MAX_SHARED_MATCHERS = 1024


def matcher_for(entries: tuple[Entry, ...]) -> Matcher:
    """The matcher of `entries`, shared by analyzers built from the very same entry objects
    (the built-in topics and cue lists every rule uses): a Matcher is never changed once
    built, and callers map a match back to its entry by identity, so an equal list made of
    other objects (a charter's own topic) gets a matcher of its own."""
    shared = _shared_matchers.get(entries)
    if shared is not None and all(a is b for a, b in zip(shared[0], entries)):
        return shared[1]
    matcher = Matcher(entries)
    if shared is None and len(_shared_matchers) < _MAX_SHARED_MATCHERS:
        _shared_matchers[entries] = (entries, matcher)
    return matcher


def cue_entries(raw: object) -> dict[str, tuple[Entry, ...]]:
    """A cue list from YAML: a list (every language) or {fr: [...], en: [...]}."""
    if isinstance(raw, Mapping):
        return {lang: tuple(parse_entry(str(e), inflect=False) for e in raw.get(lang) or []) for lang in LANGUAGES}
    entries = raw if isinstance(raw, list) else []
    return {"any": tuple(parse_entry(str(e), inflect=False) for e in entries)}

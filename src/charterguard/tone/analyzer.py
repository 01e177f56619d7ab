"""Put lexicons, targets, constructions, style checks and the model together.

`ToneAnalyzer.analyze(post)` returns every `ToneFinding` of every category; a rule
keeps the categories it enables. Results are kept in the post's `ToneCache`, so several
tone rules in one charter analyse a post once.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..text.literals import NeededWords, word_runs
from .lexicon import Entry, constructions, lexicon_index
from .model import features, load_model, model_words
from .sentence_model import load_sentence_model
from .targets import load_targets, target_index
from .tokens import Tokens

if TYPE_CHECKING:
    from ..text.normalize import FoldedText
    from .meaning import MeaningResult

# Used when the shipped model file carries no measured value for an evidence kind.
# The training script measures these on the training sets (see MODEL_CARD.md).
DEFAULT_EVIDENCE: dict[str, float] = {
    "insult:strong": 0.9,
    "insult:medium": 0.75,
    "insult:directed": 0.8,
    "hate:strong": 0.9,
    "hate:directed": 0.8,
    "aggression:strong": 0.85,
    "construction:aggression": 0.85,
    "construction:hate": 0.9,
    "construction:insult": 0.85,
    "disparagement:strong": 0.8,
    "disparagement:medium": 0.6,
}
DIRECTED_LOOKBACK = 5  # words looked at before a "directed" insult for an addressee
REVERSE_LINK_WORDS = 3  # "quelle arnaque, ce concurrent": judgement before its target


def without_leading_boundary(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""`pattern` without the `\b` it opens with (None when it opens with none): it matches wherever
    `pattern` matches, and more, and is searched 2-3x faster, since `re` skips to the characters its
    first element may start with only when no assertion comes first (the constructions, 0.16 ms of a
    French post searched each as written): a post where it finds nothing holds no match of `pattern`."""
    if not pattern.pattern.startswith("\\b"):
        return None
    try:
        return re.compile(pattern.pattern[2:], pattern.flags)
    except re.error:
        return None


_NO_REVERSE_LINK = re.compile(r"[,:;()\[\]\"«»|]")
_PUNCTUATION_RUN = re.compile(r"(?:[!?]\s?){2,}[!?]")
# A word of 2+ capitals: shouting is only looked for when there are enough of them.
_CAPITALS_WORD = re.compile(r"\b[^\W\d_a-zß-ÿ]{2,}\b")
# A letter written three times or more in a row ("connnnard", "ta gueuuule", "fuuuck").
_ELONGATED = re.compile(r"([^\W\d_])\1{2,}", re.IGNORECASE)
_HIDDEN = "\u200b"  # zero-width: dropped by FoldedText, keeps original offsets


@dataclass(frozen=True, slots=True)
class ToneFinding:
    category: str
    start: int  # original offsets
    end: int
    score: float  # calibrated probability for lexicon/model categories; see MODEL_CARD.md
    target: str | None = None  # employer, colleagues, customers, competitors, person, group
    evidence: str = ""  # e.g. "insult:strong", "model" (never post text)


@dataclass(frozen=True, slots=True)
class AnalyzerOptions:
    max_link_words: int = 4
    shouting_min_words: int = 4
    punctuation_min_run: int = 3
    negativity_min_terms: int = 2


@dataclass
class _PostState:
    text: str
    tokens: Tokens
    lexical: list[ToneFinding]
    probability: float | None = None  # the model's, computed once (the second stage embeds the post)
    model: dict[float, list[ToneFinding]] = field(default_factory=dict)


@dataclass
class ToneCache:
    """What the tone rules derived from one post (`Post.kept(ToneCache)`), shared by the rules."""

    states: dict["ToneAnalyzer", _PostState] = field(default_factory=dict)
    # Reading by meaning, by (target names, cue words, findings read).
    meaning: dict[tuple, "MeaningResult"] = field(default_factory=dict)
    # Who the model's finding is about, by (target names, start, end, defused sentences).
    targets: dict[tuple, str | None] = field(default_factory=dict)
    # The learned reading (`hostility_model`), by (target names, sentences already read).
    learned: dict[tuple, tuple] = field(default_factory=dict)
    # The sentences the reading by meaning parses first (`meaning.first_sentences`), by (cue words, findings read).
    first: dict[tuple, list[int]] = field(default_factory=dict)


class ToneAnalyzer:
    """Tone analysis for one language, company and set of extra lexicon terms."""

    def __init__(
        self,
        language: str,
        company_names: tuple[str, ...] = (),
        competitors: tuple[str, ...] = (),
        extra_terms: tuple[tuple[str, Entry], ...] = (),
        options: AnalyzerOptions = AnalyzerOptions(),
    ) -> None:
        self.language = language
        self.options = options
        self.lexicon = lexicon_index(language, extra_terms)
        self.constructions = constructions(language)
        self._construction_prefilters = tuple(without_leading_boundary(c.pattern) for c in self.constructions)
        self._construction_needs = tuple(NeededWords(c.pattern) for c in self.constructions)
        self.targets = target_index(language, company_names, competitors)
        self.words = load_targets(language).classes
        self.model = load_model(language)
        self.sentence_model = load_sentence_model(language) if self.model is not None else None
        # Default decision threshold of `offensive`, on the scale of `probability`.
        self.threshold = (self.sentence_model or self.model).threshold if self.model is not None else 1.0
        self.evidence = {**DEFAULT_EVIDENCE, **(self.model.evidence if self.model else {})}

    # -- entry point -------------------------------------------------------
    def analyze(
        self, folded: "FoldedText", *, model_threshold: float | None = None, cache: ToneCache | None = None
    ) -> list[ToneFinding]:
        """Every finding in the post; the model runs only when a threshold is given.

        `cache`: the post's (the detector passes `post.kept(ToneCache)`), so several tone
        rules analyse a post once.
        """
        state = self._state(folded, cache if cache is not None else ToneCache())
        findings = list(state.lexical)
        if model_threshold is not None and self.model is not None:
            if model_threshold not in state.model:
                state.model[model_threshold] = self._model_findings(state, model_threshold)
            findings.extend(state.model[model_threshold])
        return findings

    def probability(self, folded: "FoldedText") -> float:
        """Calibrated model probability that the whole post is offensive (0 without a model)."""
        if self.model is None:
            return 0.0
        return self._probability(self._state(folded, ToneCache()))

    def _probability(self, state: _PostState) -> float:
        """The n-gram model's probability, or where a second stage ships, the stacked one
        (`sentence_model`: the post is embedded only past its gate)."""
        assert self.model is not None
        if state.probability is None:
            tokens = state.tokens
            words = model_words(tokens.words[k] for k in range(len(tokens)) if not tokens.mention[k])
            margin = self.model.margin_of_words(words, _evidence_kinds(state.lexical))
            if self.sentence_model is not None:
                state.probability = self.sentence_model.probability(margin, state.text, lambda: _sentence_texts(state))
            else:
                state.probability = self.model.calibrated(margin)
        return state.probability

    def sentence_texts(self, folded: "FoldedText") -> tuple[str, ...]:
        """The post's sentences as the second stage reads them (also used by its training script)."""
        return _sentence_texts(self._state(folded, ToneCache()))

    def model_features(self, folded: "FoldedText") -> set[str]:
        """The model's features of a whole post (also used by the training script)."""
        state = self._state(folded, ToneCache())
        tokens = state.tokens
        words = model_words(tokens.words[k] for k in range(len(tokens)) if not tokens.mention[k])
        return features(words, _evidence_kinds(state.lexical))

    def _state(self, folded: "FoldedText", cache: ToneCache) -> _PostState:
        state = cache.states.get(self)
        if state is None:
            text = folded.original
            folded = squeezed(folded)
            tokens = Tokens.of(folded)
            state = _PostState(text, tokens, self._lexical_findings(folded, tokens))
            cache.states[self] = state
        return state

    # -- lexicon, constructions, targets -------------------------------------
    def _lexical_findings(self, folded: "FoldedText", tokens: Tokens) -> list[ToneFinding]:
        out: list[ToneFinding] = []
        judgements: list[tuple[int, int, str]] = []  # token range + strength
        negative_terms: dict[int, int] = {}  # sentence -> count
        for match in self.lexicon.find(folded):
            first = tokens.index_at(match.start)
            last = max(first + 1, tokens.index_at(max(match.end - 1, match.start)) + 1)
            entries: frozenset[Entry] = match.payload
            categories = {e.category: e.strength for e in sorted(entries, key=_strength_rank)}  # strongest last, so it wins
            reported = False
            for category in ("hate", "aggression", "insult"):
                strength = categories.get(category)
                if strength is None:
                    continue
                if strength == "directed" and not self._directed(tokens, first):
                    continue
                if strength == "weak":
                    continue
                out.append(ToneFinding(category, match.start, match.end, self.evidence[f"{category}:{strength}"], evidence=f"{category}:{strength}"))
                reported = True
                break
            strength = categories.get("judgement")
            if "insult" in categories and (strength is None or reported):
                strength = "strong"
            if strength in ("strong", "medium"):
                judgements.append((first, last, strength))
            if ("negativity" in categories or "judgement" in categories) and first < len(tokens):
                sentence = tokens.sentence[first]
                negative_terms[sentence] = negative_terms.get(sentence, 0) + 1
        out.extend(self._construction_findings(tokens))
        out.extend(self._disparagement(folded, tokens, judgements))
        out.extend(self._negativity(tokens, negative_terms))
        out.extend(self._shouting(folded.original, tokens))
        out.extend(self._punctuation(folded.original))
        return _without_duplicates(out)

    def _directed(self, tokens: Tokens, first: int) -> bool:
        """Is the word at `first` addressed to someone ("t'es nul", "you're useless")?"""
        addressee, filler = self.words["addressee"], self.words["filler"]
        sentence = tokens.sentence[first] if first < len(tokens) else -1
        for k in range(first - 1, max(-1, first - 1 - DIRECTED_LOOKBACK), -1):
            if tokens.sentence[k] != sentence:
                return False
            word = tokens.words[k]
            if word in addressee:
                return True
            if word not in filler:
                return False
        return False

    def _construction_findings(self, tokens: Tokens) -> list[ToneFinding]:
        out = []
        runs = word_runs(tokens.joined)
        for construction, prefilter, needs in zip(self.constructions, self._construction_prefilters, self._construction_needs):
            # (most posts: no construction at all, most lack a word of each: a set intersection tells)
            if not needs.may_match(runs) or prefilter is not None and prefilter.search(tokens.joined) is None:
                continue
            for m in construction.pattern.finditer(tokens.joined):
                if m.end() <= m.start():
                    continue
                first, last = tokens.span_of_chars(m.start(), m.end())
                category = construction.entry.category
                key = f"construction:{category}"
                out.append(ToneFinding(category, *tokens.original_span(first, last - 1), self.evidence[key], evidence=key))
        return out

    def _disparagement(self, folded: "FoldedText", tokens: Tokens, judgements: list[tuple[int, int, str]]) -> list[ToneFinding]:
        if not judgements:
            return []
        link, modifier = self.words["link"], self.words["modifier"]
        out = []
        for target in self.targets.find(folded):
            t_first = tokens.index_at(target.start)
            t_last = max(t_first + 1, tokens.index_at(max(target.end - 1, target.start)) + 1)
            sentence = tokens.sentence[t_first]
            if t_last < len(tokens) and tokens.words[t_last] in modifier and tokens.sentence[t_last] == sentence:
                continue  # "customer service sucks": about the service, not the customers
            for j_first, j_last, strength in judgements:
                if tokens.sentence[j_first] != sentence or j_first < t_last and j_last > t_first:
                    continue
                if j_first >= t_last:  # "ce concurrent est une arnaque"
                    gap = tokens.words[t_last:j_first]
                    ok = len(gap) <= self.options.max_link_words and all(w in link for w in gap)
                else:  # "quelle arnaque ce concurrent"
                    gap = tokens.words[j_last:t_first]
                    between = folded.original[tokens.ends[j_last - 1] : tokens.starts[t_first]]
                    ok = (
                        len(gap) <= REVERSE_LINK_WORDS
                        and all(w in link for w in gap)
                        and not _NO_REVERSE_LINK.search(between)
                    )
                if ok:
                    # The span is the judgement itself ("nul"), not the clause: the redacted post
                    # and the "apply suggestion" replace only the disparaging words.
                    start, end = tokens.original_span(j_first, j_last - 1)
                    key = f"disparagement:{strength}"
                    out.append(ToneFinding(f"disparagement_{target.payload}", start, end, self.evidence[key], target.payload, key))
        return out

    # -- style (optional categories) --------------------------------------------
    def _negativity(self, tokens: Tokens, counts: dict[int, int]) -> list[ToneFinding]:
        out = []
        for sentence, count in counts.items():
            if count < self.options.negativity_min_terms:
                continue
            indices = [k for k, s in enumerate(tokens.sentence) if s == sentence]
            # Heuristic score (not a calibrated probability): grows with the count.
            score = 1.0 - 0.5 ** count
            out.append(ToneFinding("negativity", *tokens.original_span(indices[0], indices[-1]), score, evidence="negativity"))
        return out

    def _shouting(self, text: str, tokens: Tokens) -> list[ToneFinding]:
        out: list[ToneFinding] = []
        if len(_CAPITALS_WORD.findall(text)) < self.options.shouting_min_words:
            return out
        run: list[int] = []
        for k in range(len(tokens) + 1):
            caps = False
            if k < len(tokens):
                original = text[tokens.starts[k] : tokens.ends[k]]
                letters = [c for c in original if c.isalpha()]
                caps = len(letters) >= 2 and all(c.isupper() for c in letters)
            if caps:
                run.append(k)
                continue
            if len(run) >= self.options.shouting_min_words:
                # Heuristic score: share of the post's words that are shouted.
                score = min(1.0, 0.5 + 0.5 * len(run) / max(len(tokens), 1))
                out.append(ToneFinding("shouting", *tokens.original_span(run[0], run[-1]), score, evidence="shouting"))
            run = []
        return out

    def _punctuation(self, text: str) -> list[ToneFinding]:
        out = []
        for m in _PUNCTUATION_RUN.finditer(text):
            marks = sum(1 for c in m.group() if c in "!?")
            if marks >= self.options.punctuation_min_run:
                out.append(ToneFinding("punctuation", m.start(), m.end(), min(1.0, 0.5 + 0.1 * marks), evidence="punctuation"))
        return out

    # -- model ---------------------------------------------------------------
    def _model_findings(self, state: _PostState, threshold: float) -> list[ToneFinding]:
        assert self.model is not None
        tokens = state.tokens
        by_sentence: dict[int, list[int]] = {}
        for k, s in enumerate(tokens.sentence):
            if not tokens.mention[k]:
                by_sentence.setdefault(s, []).append(k)
        if not by_sentence:
            return []
        probability = self._probability(state)
        if probability < threshold:
            return []
        # Point at the sentence that weighs most; the score is the whole post's.
        best, best_margin = None, -math.inf
        for indices in by_sentence.values():
            margin = self.model.margin_of_words(model_words(tokens.words[k] for k in indices))
            if margin > best_margin:
                best, best_margin = indices, margin
        assert best is not None
        return [ToneFinding("offensive", *tokens.original_span(best[0], best[-1]), probability, evidence="model")]


def squeezed(folded: "FoldedText") -> "FoldedText":
    """`folded`, or when a letter is repeated three times or more ("connnnard",
    "gueuuule"), a folded text where the repeats are read as one letter. The repeats
    are replaced by zero-width characters (which folding drops), so the original
    offsets of every finding stay the same. Chat writing stretches words; ordinary
    posts rarely do, so this costs one regex search on most posts."""
    text = folded.original
    if _ELONGATED.search(text) is None:
        return folded
    from ..text.normalize import FoldedText

    return FoldedText(_ELONGATED.sub(lambda m: m.group(1) + _HIDDEN * (len(m.group()) - 1), text))


def _sentence_texts(state: _PostState) -> tuple[str, ...]:
    """The text of each sentence of the post (as the tokens split it) that holds a word other
    than an @mention, from its first token to its last."""
    tokens = state.tokens
    bounds: dict[int, list[int]] = {}
    spoken: set[int] = set()
    for k, s in enumerate(tokens.sentence):
        bounds.setdefault(s, [k, k])[1] = k
        if not tokens.mention[k]:
            spoken.add(s)
    return tuple(state.text[slice(*tokens.original_span(a, b))] for s, (a, b) in bounds.items() if s in spoken)


def _evidence_kinds(findings: list[ToneFinding]) -> set[str]:
    return {f.evidence for f in findings}


def _without_duplicates(findings: list[ToneFinding]) -> list[ToneFinding]:
    """Drop a finding overlapped by a longer (or equal, earlier) one of the same category."""
    ordered = sorted(findings, key=lambda f: (f.category, f.start, -(f.end - f.start), -f.score))
    kept: list[ToneFinding] = []
    for f in ordered:
        if kept and kept[-1].category == f.category and f.start < kept[-1].end:
            continue
        kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end, f.category))


_RANK = {"strong": 3, "medium": 2, "directed": 1, "weak": 0}


def _strength_rank(entry: Entry) -> int:
    return _RANK[entry.strength]


@lru_cache(maxsize=32)
def analyzer_for(
    language: str,
    company_names: tuple[str, ...],
    competitors: tuple[str, ...],
    extra_terms: tuple[tuple[str, Entry], ...],
    options: AnalyzerOptions,
) -> ToneAnalyzer:
    """A shared analyzer: rules with the same company and extras reuse one."""
    return ToneAnalyzer(language, company_names, competitors, extra_terms, options)

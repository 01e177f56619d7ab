"""`tone`: insults, aggression, hate, disparagement of the employer, colleagues,
customers or competitors, and optionally negativity, shouting and punctuation.

    - id: tone.insults
      kind: tone
      category: tone
      severity: block
      categories: [insult, aggression, hate]

Matching uses hand-written French/English lexicons, target detection for
disparagement and a small shipped linear model (category `offensive`; in English,
posts past its gate are also read by the sentence encoder), see
`charterguard.tone`. With `meaning: true` (the default) sentences holding a cue are
parsed (`Post.linguistics`) and read by meaning (`charterguard.tone.meaning`): hostile
words aimed at a target, dehumanisation, exclusion, threats; negation, quotation and
counter-speech remove findings, swearing at no one becomes `profanity`. Nothing heavy
is imported until the first post is checked; spaCy runs only on the sentences with a cue.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Literal

from pydantic import Field, field_validator

from ..spec.rule import Company, RuleSpec, check_probabilities
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post
    from ..tone.analyzer import ToneAnalyzer, ToneCache, ToneFinding

ToneCategory = Literal[
    "insult",
    "aggression",
    "hate",
    "disparagement_employer",
    "disparagement_colleagues",
    "disparagement_customers",
    "disparagement_competitors",
    "offensive",
    "profanity",
    "negativity",
    "shouting",
    "punctuation",
]
# Who a finding is about: `targets:` keeps only findings about these ("none": no target found).
ToneTarget = Literal["person", "colleagues", "employer", "customers", "competitors", "group", "none"]
CueList = Literal["hostile", "dehumanising", "trait", "expletive", "threat_verb", "counter"]
LexiconCategory = Literal["insult", "aggression", "hate", "judgement"]

DEFAULT_CATEGORIES: list[ToneCategory] = [
    "insult",
    "aggression",
    "hate",
    "disparagement_employer",
    "disparagement_colleagues",
    "disparagement_customers",
    "disparagement_competitors",
]

# Entity reported for each category (overrides the rule's default entity).
ENTITIES: dict[str, str] = {
    "insult": "INSULT",
    "aggression": "THREAT",
    "hate": "HATE",
    "disparagement_employer": "DISPARAGEMENT",
    "disparagement_colleagues": "DISPARAGEMENT",
    "disparagement_customers": "DISPARAGEMENT",
    "disparagement_competitors": "DISPARAGEMENT",
    "offensive": "OFFENSIVE",
    "profanity": "PROFANITY",
    "negativity": "NEGATIVITY",
    "shouting": "SHOUTING",
    "punctuation": "PUNCTUATION",
}

# {category} and {target} placeholders, in the writer's language ({score}: the
# finding's score as a percentage).
LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "insult": "insulte ou grossièreté",
        "aggression": "agressivité ou menace",
        "hate": "propos haineux ou discriminatoire",
        "disparagement_employer": "dénigrement de l'employeur",
        "disparagement_colleagues": "dénigrement de collègues",
        "disparagement_customers": "dénigrement de clients",
        "disparagement_competitors": "dénigrement de concurrents",
        "offensive": "propos offensant",
        "profanity": "grossièreté sans destinataire",
        "negativity": "ton très négatif",
        "shouting": "texte en majuscules",
        "punctuation": "ponctuation excessive",
        "employer": "l'employeur",
        "colleagues": "des collègues",
        "customers": "des clients",
        "competitors": "des concurrents",
        "person": "une personne",
        "group": "un groupe de personnes",
    },
    "en": {
        "insult": "insult or profanity",
        "aggression": "aggression or threat",
        "hate": "hateful or discriminatory wording",
        "disparagement_employer": "disparaging the employer",
        "disparagement_colleagues": "disparaging colleagues",
        "disparagement_customers": "disparaging customers",
        "disparagement_competitors": "disparaging competitors",
        "offensive": "offensive wording",
        "profanity": "swearing aimed at no one",
        "negativity": "very negative tone",
        "shouting": "shouting (capitals)",
        "punctuation": "excessive punctuation",
        "employer": "the employer",
        "colleagues": "colleagues",
        "customers": "customers",
        "competitors": "competitors",
        "person": "a person",
        "group": "a group of people",
    },
}
_LEXICAL_RISKS = frozenset(
    {"insult", "aggression", "hate", "disparagement_employer", "disparagement_colleagues",
     "disparagement_customers", "disparagement_competitors"}
)


class ToneRule(RuleSpec):
    kind: Literal["tone"]
    categories: list[ToneCategory] = Field(
        default_factory=lambda: list(DEFAULT_CATEGORIES),
        description=(
            "Tone risks this rule flags. insult, aggression, hate: lexicons and constructions; "
            "disparagement_employer/_colleagues/_customers/_competitors: a negative judgement about that "
            "target (the company's names and competitors come from the company section); offensive: the "
            "statistical model, for what lexicons miss; negativity, shouting, punctuation: style, off by default."
        ),
    )
    model_threshold: float | dict[str, float] | None = Field(
        None,
        description=(
            "Calibrated probability above which the model's `offensive` category flags a post: one number, "
            "or one per language ({fr: 0.8}; a language left out keeps the default). "
            "Default: the threshold tuned on the model's calibration split (see tone/MODEL_CARD.md)."
        ),
    )
    extra_terms: dict[LexiconCategory, list[str]] = Field(
        default_factory=dict,
        description="Words added to the built-in lexicons, by category (judgement words feed disparagement).",
    )
    meaning: bool = Field(
        True,
        description=(
            "Read sentences with a cue by meaning (parsed by spaCy): hostile words aimed at a target, "
            "dehumanisation, exclusion, threats; negation, quotation and counter-speech remove findings; "
            "swearing aimed at no one becomes `profanity`. false: lexicons only."
        ),
    )
    cues: dict[CueList, list[str]] = Field(
        default_factory=dict,
        description=(
            "Your own cue words for reading by meaning, by list: hostile (insulting words, aimed at a target), "
            "dehumanising, trait (negative traits, about a group), expletive (swearing), threat_verb (violent "
            "verbs, lemmas), counter (words that condemn what the sentence reports)."
        ),
    )
    targets: list[ToneTarget] | None = Field(
        None,
        description=(
            "Keep only findings about these targets (person, colleagues, employer, customers, competitors, "
            "group, none) so that each target can get its own severity in its own rule. Default: every finding."
        ),
    )
    max_link_words: int = Field(
        4, ge=0, le=10, description="Most words allowed between a target and a judgement ('X est vraiment une arnaque')."
    )
    shouting_min_words: int = Field(4, ge=2, description="Consecutive all-capital words that count as shouting.")
    punctuation_min_run: int = Field(3, ge=2, description="'!'/'?' in a row that count as excessive punctuation.")
    negativity_min_terms: int = Field(2, ge=1, description="Negative words in one sentence that count as strong negativity.")
    default_entity: str = "TONE"

    @field_validator("model_threshold")
    @classmethod
    def _probabilities_per_known_language(cls, value: float | dict[str, float] | None) -> float | dict[str, float] | None:
        if isinstance(value, dict):
            check_probabilities(value, LABELS, "language", "model_threshold")
        elif value is not None and not 0.0 <= value <= 1.0:
            raise ValueError(f"{value} is not a probability: use a number from 0 to 1")
        return value


@register
class ToneDetector(Detector[ToneRule]):
    kind = "tone"
    spec = ToneRule
    template_fields = frozenset({"category", "target", "score"})

    def __init__(self, rule: ToneRule, company: Company) -> None:
        super().__init__(rule, company)
        self._categories = frozenset(rule.categories)
        self._analyzers: dict[str, "ToneAnalyzer"] = {}
        # Who the model's finding is about is looked for only when this rule reads it (`targets:`
        # or a {target} placeholder): finding it may parse every sentence of the post.
        self._reads_target = rule.meaning and "offensive" in self._categories and (
            rule.targets is not None
            or any(m is not None and "{target}" in m.model_dump_json() for m in (rule.message, rule.suggestion))
        )

    def _analyzer(self, language: str) -> "ToneAnalyzer":
        analyzer = self._analyzers.get(language)
        if analyzer is None:
            # Imported here: the lexicons and model load on first use, not at charter load.
            from ..tone.analyzer import AnalyzerOptions, analyzer_for
            from ..tone.lexicon import Entry

            extra = tuple(
                (term, Entry(category, "strong")) for category, terms in sorted(self.rule.extra_terms.items()) for term in terms
            )
            options = AnalyzerOptions(
                max_link_words=self.rule.max_link_words,
                shouting_min_words=self.rule.shouting_min_words,
                punctuation_min_run=self.rule.punctuation_min_run,
                negativity_min_terms=self.rule.negativity_min_terms,
            )
            analyzer = analyzer_for(
                language,
                tuple(self.company.values("names")),
                tuple(self.company.values("competitors")),
                extra,
                options,
            )
            self._analyzers[language] = analyzer
        return analyzer

    def find(self, post: "Post") -> Iterable[Hit]:
        language = post.language if post.language in LABELS else "en"
        if not post.text or not post.text.strip():
            return []
        from ..tone.analyzer import ToneCache

        cache = post.kept(ToneCache)
        every = self._lexical(post, language, cache)
        if self.rule.meaning:
            every = self._by_meaning(post, language, every, cache)
        lexical = [f for f in every if f.category in _LEXICAL_RISKS]
        findings: list[ToneFinding] = []
        for f in every:
            if f.category not in self._categories:
                continue
            if f.category == "offensive":
                # The model points at a whole sentence. Where lexicons explain part of it,
                # report those precise spans instead (or nothing, when this rule reports
                # them already): a sentence-wide span would swallow them when the engine
                # merges overlapping findings, and redact the whole sentence.
                explained = [x for x in lexical if x.start < f.end and f.start < x.end]
                if explained:
                    if not any(x.category in self._categories for x in explained):
                        findings.extend(replace(f, start=x.start, end=x.end) for x in explained)
                    continue
            findings.append(f)
        if self.rule.targets is not None:
            wanted = set(self.rule.targets)
            findings = [f for f in findings if (f.target or "none") in wanted]
        labels = LABELS[language]
        hits = []
        for f in findings:
            percent = round(f.score * 100)
            values = {
                "category": labels[f.category],
                "target": labels.get(f.target or "", ""),
                "score": f"{percent} %" if language == "fr" else f"{percent}%",
            }
            hits.append(Hit(f.start, f.end, round(f.score, 3), entity=ENTITIES[f.category], values=values))
        return hits

    @property
    def on_demand_components(self) -> frozenset[str]:
        from ..linguistics import PARSE_COMPONENTS

        return PARSE_COMPONENTS if self.rule.meaning else frozenset()

    def _lexical(self, post: "Post", language: str, cache: "ToneCache") -> list["ToneFinding"]:
        """The lexicons' and the n-gram model's findings (kept in the post's `cache`, shared by the rules)."""
        analyzer = self._analyzer(language)
        threshold = None
        if "offensive" in self._categories and analyzer.model is not None:
            chosen = self.rule.model_threshold
            if isinstance(chosen, dict):
                chosen = chosen.get(language)
            threshold = chosen if chosen is not None else analyzer.threshold
        return analyzer.analyze(post.folded, model_threshold=threshold, cache=cache)

    def sentences_to_parse(self, post: "Post") -> list[int]:
        """The sentences the reading by meaning parses first (`read_meaning`'s first stage: its
        cues and the lexicon's findings it revises, which `find` reads from the post's cache)."""
        if not self.rule.meaning or not post.text or not post.text.strip():
            return []
        from ..tone.analyzer import ToneCache

        language = post.language if post.language in LABELS else "en"
        cache = post.kept(ToneCache)
        return self._first_sentences(post, language, self._lexical(post, language, cache), cache)

    def _first_sentences(self, post: "Post", language: str, every: list["ToneFinding"], cache: "ToneCache") -> list[int]:
        """`meaning.first_sentences`, once per post for every rule with the same cue words and findings."""
        from ..tone.meaning import cue_lexicon, first_sentences

        extra = self._extra_cues
        key = (extra, tuple((f.category, f.start, f.end, f.evidence) for f in every))
        first = cache.first.get(key)
        if first is None:
            first = cache.first[key] = first_sentences(post.linguistics, cue_lexicon(language, extra), every)
        return first

    @property
    def _extra_cues(self) -> tuple[tuple[str, str], ...]:
        return tuple((name, word) for name, words in sorted(self.rule.cues.items()) for word in words)

    def _by_meaning(self, post: "Post", language: str, every: list["ToneFinding"], cache: "ToneCache") -> list["ToneFinding"]:
        """`every` with the lexicon's findings revised by the parse and the findings by meaning added."""
        from ..linguistics import TargetNames
        from ..tone.hostility_model import load_hostility_model
        from ..tone.meaning import cue_lexicon, read_meaning, target_of_span

        names = TargetNames(tuple(self.company.values("names")), tuple(self.company.values("competitors")))
        extra = self._extra_cues
        key = (names, extra, tuple((f.category, f.start, f.end, f.evidence) for f in every))
        read = cache.meaning.get(key)
        if read is None:
            read = cache.meaning[key] = read_meaning(
                post.linguistics, names, cue_lexicon(language, extra), every, load_hostility_model(), cache.learned,
                self._first_sentences(post, language, every, cache),
            )
        done = list(read.revised)
        for f in read.found:  # a lexicon finding of the same category on the same words stands
            if not any(x.category == f.category and x.start < f.end and f.start < x.end for x in done):
                done.append(f)
        if self._reads_target:
            # Who the model's finding is about, so that `targets:` can tell an offensive post
            # aimed at someone from one aimed at no one.
            for k, f in enumerate(done):
                if f.category == "offensive":
                    where = (names, f.start, f.end, read.defused)
                    if where not in cache.targets:
                        cache.targets[where] = target_of_span(post.linguistics, names, f.start, f.end, read.defused)
                    done[k] = replace(f, target=cache.targets[where])
        return done

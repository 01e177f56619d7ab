"""`inside_information`: a sensitive topic (acquisition, results, layoffs,
fundraising, contracts, executive changes, unannounced products) said with a
non-public or forward-looking cue, and not framed as already public.

    - id: speaking.market_sensitive
      kind: inside_information
      category: confidential
      severity: warn
      clause: "6.3"
      topics: [acquisition, results, restructuring]     # default: every built-in topic
      cues: [secrecy, forward_looking]                   # what can make a topic a finding
      extra_topics:
        divestiture: {terms: [cession, céder, spin-off], label: {fr: cession, en: divestiture}}
      extra_cues:
        secrecy: [sous le manteau]  # lists: lexicon.CUE_LISTS
      learned: true          # also what the learned reading (inside/model.py) finds
      learned_threshold: 0.9 # default: the model's calibrated threshold

Lexicons and the rules are in `charterguard.inside`; built once per rule at load.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..errors import RuleOptionError
from ..inside.analyzer import EvidenceCache, FindingsCache, InsideAnalyzer, LearnedReading, TenseCache
from ..inside.lexicon import (
    CUE_LISTS,
    PostWords,
    build_topic,
    builtin_cues,
    builtin_topic,
    builtin_topics_raw,
    cue_entries,
)
from ..spec.rule import Company, RuleSpec, StrictModel
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post

TriggerCue = Literal["secrecy", "forward_looking"]

def _both_cues() -> list[TriggerCue]:
    return ["secrecy", "forward_looking"]


CUE_LABELS: dict[str, dict[str, str]] = {
    # Read after "information": "information présentée comme non publique".
    "fr": {
        "secrecy": "présentée comme non publique",
        "forward_looking": "sur un événement à venir",
        "learned": "qui se lit comme non publique (lecture apprise)",
    },
    "en": {
        "secrecy": "presented as not public",
        "forward_looking": "about an upcoming event",
        "learned": "that reads as not public (learned reading)",
    },
}


class TopicSpec(StrictModel):
    """A charter's own topic: words by lemma, optionally needing another word in the sentence."""

    terms: list[str] = Field(min_length=1, description="Lemmas or phrases ('cession', 'spin-off', '=OPA' for exact case).")
    with_: list[str] = Field(default_factory=list, alias="with", description="The sentence must also hold one of these.")
    cues: list[TriggerCue] = Field(default_factory=_both_cues, description="Cue lists that can make it a finding.")
    label: dict[str, str] = Field(default_factory=dict, description="{fr: ..., en: ...} for messages ({topic}).")


class InsideInformationRule(RuleSpec):
    kind: Literal["inside_information"]
    topics: list[str] | None = Field(
        None,
        description="Built-in topics this rule looks for (default: all): acquisition, results, restructuring, "
        "fundraising, contracts, executives, products, recall; plus the names of `extra_topics`.",
    )
    extra_topics: dict[str, TopicSpec] = Field(default_factory=dict, description="The charter's own topics, by name.")
    cues: list[TriggerCue] = Field(
        default_factory=_both_cues,
        description="What can make a topic a finding: secrecy ('entre nous', 🤫, 'not official yet'), "
        "forward_looking ('la semaine prochaine', future tense).",
    )
    extra_cues: dict[str, list[str]] = Field(
        default_factory=dict,
        description=f"Words added to the cue lists: {', '.join(CUE_LISTS)}.",
    )
    future_tense: bool = Field(True, description="Read the French future tense with spaCy on topic sentences without a cue word.")
    learned: bool = Field(
        False,
        description="Also report what the learned reading (charterguard/inside/model.py: a cheap gate, then the sentence "
        "encoder) reads as inside information, on this rule's topics, where no public, past or general framing cancels it.",
    )
    learned_threshold: float | None = Field(
        None,
        gt=0.0,
        lt=1.0,
        description="The calibrated probability from which the learned reading reports (default: the model's own, "
        "set on our labelled posts; higher: fewer false alarms, fewer leaks found).",
    )
    default_entity: str = "INSIDE_INFORMATION"


@register
class InsideInformationDetector(Detector[InsideInformationRule]):
    kind = "inside_information"
    spec = InsideInformationRule
    template_fields = frozenset({"topic", "cue"})

    def __init__(self, rule: InsideInformationRule, company: Company) -> None:
        super().__init__(rule, company)
        builtin = builtin_topics_raw()
        topics = {}
        for name, raw in rule.extra_topics.items():
            spec = {"terms": raw.terms, "with": raw.with_, "cues": raw.cues, "label": raw.label or {"fr": name, "en": name}}
            try:
                topics[name] = build_topic(name, spec)
            except (TypeError, ValueError) as exc:
                raise RuleOptionError(("extra_topics", name), str(exc)) from None
        chosen = rule.topics if rule.topics is not None else list(builtin)
        for i, name in enumerate(chosen):
            if name in topics:
                continue
            if name not in builtin:
                known = ", ".join([*builtin, *rule.extra_topics])
                raise RuleOptionError(("topics", i), f"unknown topic {name!r}", hint=f"known topics: {known}; or define it in extra_topics")
            topics[name] = builtin_topic(name)
        if rule.topics is not None:  # extra topics are looked for only when listed, or when no list is given
            topics = {name: topic for name, topic in topics.items() if name in rule.topics}
        cues = {}
        for name, entries in rule.extra_cues.items():
            if name not in CUE_LISTS:
                raise RuleOptionError(("extra_cues", name), f"unknown cue list {name!r}", hint=f"cue lists: {', '.join(CUE_LISTS)}")
            if not all(e.strip() for e in entries):
                raise RuleOptionError(("extra_cues", name), "empty cue entry")
        for name in CUE_LISTS:
            merged = dict(builtin_cues(name))
            extra = cue_entries(rule.extra_cues.get(name, []))["any"]
            merged["any"] = (*merged.get("any", ()), *extra)
            cues[name] = merged
        future = None
        if rule.future_tense:
            from ..inside.tense import has_future_tense

            future = has_future_tense
        if rule.learned_threshold is not None and not rule.learned:
            raise RuleOptionError(("learned_threshold",), "`learned_threshold` sets the learned reading's threshold: give `learned: true` too")
        learned = None
        if rule.learned:
            from ..inside.model import load_inside_model

            model = load_inside_model()  # None without the file or the encoder: the rules work alone
            if model is not None:
                learned = LearnedReading(model, rule.learned_threshold)
        self.analyzer = InsideAnalyzer(topics, cues, company.values("names"), future, learned)
        self._cues = frozenset([*rule.cues, "learned"])

    def warm_up(self) -> None:
        if self.analyzer.learned is not None:
            from ..semantic.encoder import embed

            embed(["warm-up"])  # loads the encoder (~1 s): no request pays it

    @property
    def on_demand_components(self) -> frozenset[str]:
        # Without it a warmed-up server reloaded its French pipeline (seconds) on the first
        # request whose topic sentence needed its tense read.
        from ..inside.tense import TENSE_COMPONENTS

        return TENSE_COMPONENTS if self.rule.future_tense else frozenset()

    def find(self, post: Post) -> Iterable[Hit]:
        language = post.language if post.language in CUE_LABELS else "en"
        words = post.kept(PostWords).of(post.text)
        findings = self.analyzer.analyze(
            post.text, language, post.now, post.kept(TenseCache), words, post.kept(EvidenceCache), post.kept(FindingsCache)
        )
        for finding in findings:
            if finding.cue not in self._cues:
                continue
            topic = self.analyzer.topics[finding.topic]
            values = {"topic": topic.label[language], "cue": CUE_LABELS[language][finding.cue]}
            yield Hit(finding.start, finding.end, finding.score, values=values)

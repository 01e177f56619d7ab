"""The one small interface every rule kind implements, and the registry of kinds.

A rule kind is a `RuleSpec` subclass (its options, validated from YAML) plus a
`Detector` subclass that compiles one rule and finds `Hit`s in a `Post`. The
engine knows nothing else about kinds: it asks each detector for hits, then
applies severity, conditions, exceptions and messages itself.

    @register
    class TermsDetector(Detector[TermsRule]):
        kind = "terms"
        spec = TermsRule

        def find(self, post: Post) -> Iterable[Hit]: ...
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Iterable, Mapping, TypeVar

from ..spec.loader import RuleKindSpec
from ..spec.rule import Company, RuleSpec
from ..validators import canonical_writing

if TYPE_CHECKING:
    from ..analysis import Post

SpecT = TypeVar("SpecT", bound=RuleSpec)


@dataclass(frozen=True, slots=True)
class Hit:
    """Something a detector found. Offsets index the original post text."""

    start: int
    end: int
    score: float = 1.0
    entity: str | None = None  # overrides the rule's entity (e.g. PII: PHONE_NUMBER)
    values: Mapping[str, str] = field(default_factory=dict)  # extra message placeholders
    replacement: str | None = None  # overrides the rule's replacement
    # False for a hit that is not text to replace (a budget, a missing disclosure): no
    # replacement, and the redacted post leaves it alone.
    replaceable: bool = True


class Detector(ABC, Generic[SpecT]):
    """One compiled rule. Subclasses set `kind` and `spec` and implement `find`."""

    kind: ClassVar[str]
    spec: ClassVar[type[RuleSpec]]
    # Placeholders this kind adds to messages, beyond {match}, {company}, {entity}.
    template_fields: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, rule: SpecT, company: Company) -> None:
        self.rule = rule
        self.company = company

    @property
    def nlp_components(self) -> frozenset[str]:
        """spaCy components this rule needs (e.g. {"ner"}); empty: no NLP at all."""
        return frozenset()

    @property
    def on_demand_components(self) -> frozenset[str]:
        """spaCy components this rule parses some sentences with, when it finds a reason to
        (not every post): a server loads them at warm-up, a one-post check only if it needs them."""
        return frozenset()

    def sentences_to_parse(self, post: "Post") -> list[int]:
        """Sentences of `post` (indices of `post.linguistics.spans`) that `find` parses whatever
        else it finds, so that a batch parses them for all its posts at once
        (`linguistics.parse_together`); only what `find` surely asks, else the batch parses for
        nothing. Default: none."""
        return []

    def warm_up(self) -> None:
        """Load now what `find` would load on first use (a model, embeddings). A one-post CLI
        check never calls it, so it pays only for what that post needs; a server does before
        it says ready, so no request pays it."""

    def canonical(self, text: str) -> str:
        """The form in which a match of this kind compares with allow-list entries (by default
        `validators.canonical_writing`: separators and case aside, +33 phones as national ones).
        A kind whose matches are written other ways overrides it; it must depend on the kind
        only (rules of one kind share allow lists)."""
        return canonical_writing(text)

    @abstractmethod
    def find(self, post: "Post") -> Iterable[Hit]:
        """Every hit of this rule in `post`."""


_REGISTRY: dict[str, type[Detector[Any]]] = {}

D = TypeVar("D", bound=type[Detector[Any]])


def register(cls: D) -> D:
    """Class decorator: make a rule kind available to charters."""
    if cls.kind in _REGISTRY and _REGISTRY[cls.kind] is not cls:
        raise ValueError(f"rule kind {cls.kind!r} is registered twice")
    _REGISTRY[cls.kind] = cls
    return cls


def rule_kinds() -> dict[str, type[Detector[Any]]]:
    """Every registered kind, by name (built-in kinds are imported on first call)."""
    from . import load_builtin_kinds

    load_builtin_kinds()
    return dict(_REGISTRY)


def kind_specs() -> dict[str, RuleKindSpec]:
    """What the charter spec needs to validate each registered kind's rules, by name."""
    return {name: RuleKindSpec(cls.spec, cls.template_fields) for name, cls in rule_kinds().items()}

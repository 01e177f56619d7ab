"""The `pii` rule kind: personal data (names, contact data, identifiers).

    - id: personal_data.identifiers
      kind: pii
      category: personal_data
      severity: block
      entities: [FR_NIR, IBAN_CODE, CREDIT_CARD]
      ...

The finding itself lives in `charterguard.pii` (Presidio recognizers, French
recognizers with checksums, names from the shared spaCy Doc). This module only
maps a rule's options onto it. It imports nothing heavy: Presidio, spaCy and
phonenumbers load on the first post checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Literal

from pydantic import Field, field_validator

from ..pii.entities import ENTITIES, NER_ENTITIES, label
from ..spec.rule import Company, RuleSpec, check_known, check_probabilities
from ..vocabulary import Language
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post
    from ..pii.analyzer import PiiAnalyzer

DEFAULT_ENTITIES: tuple[str, ...] = tuple(e for e in ENTITIES if e != "LOCATION")


class PiiRule(RuleSpec):
    """Find personal data: people's names, contact data, identifiers with checksums."""

    kind: Literal["pii"]
    category: Literal["personal_data"] = "personal_data"
    entities: list[str] = Field(
        default_factory=lambda: list(DEFAULT_ENTITIES),
        description=(
            "Entities this rule reports: "
            + ", ".join(ENTITIES)
            + ". PERSON and LOCATION need the spaCy NER (loaded only when a rule asks for them)."
        ),
        json_schema_extra={"items": {"type": "string", "enum": list(ENTITIES)}},
    )
    min_scores: dict[str, float] = Field(
        default_factory=dict,
        json_schema_extra={"propertyNames": {"enum": list(ENTITIES)}},
        description=(
            "Per-entity minimum score (0-1), on top of min_score. Scores are calibrated: 0.9+ means a checksum, "
            "a valid international number or a title before a name; ~0.75 a full name from NER; ~0.4 a single word."
        ),
    )
    phone_regions: dict[Language, list[str]] | None = Field(
        None,
        description="Regions (ISO 3166 codes) whose national phone writings are read, per post language. "
        "Default: fr -> [FR], en -> [US, GB, FR]. Numbers written with +CC or 00CC are always read.",
    )
    replacements: dict[str, str] = Field(
        default_factory=dict,
        description="Text that replaces each entity in the redacted post, e.g. {PHONE_NUMBER: '[téléphone]'}. "
        "Default: the rule's replacement, else [ENTITY].",
    )

    default_entity: str = "PERSONAL_DATA"

    @field_validator("entities")
    @classmethod
    def _known_entities(cls, value: list[str]) -> list[str]:
        check_known(value, ENTITIES, "entities")
        if not value:
            raise ValueError("give at least one entity")
        return value

    @field_validator("min_scores")
    @classmethod
    def _scores_in_range(cls, value: dict[str, float]) -> dict[str, float]:
        return check_probabilities(value, ENTITIES, "entity", "min_scores")


@register
class PiiDetector(Detector[PiiRule]):
    kind = "pii"
    spec = PiiRule
    # {label}: the entity in words, in the post's language ("numéro de téléphone", "phone number").
    template_fields = frozenset({"label"})

    def __init__(self, rule: PiiRule, company: Company) -> None:
        super().__init__(rule, company)
        self._analyzer: "PiiAnalyzer | None" = None

    @property
    def nlp_components(self) -> frozenset[str]:
        return frozenset({"ner"}) if set(self.rule.entities) & set(NER_ENTITIES) else frozenset()

    @property
    def analyzer(self) -> "PiiAnalyzer":
        if self._analyzer is None:
            from ..pii.analyzer import analyzer_for

            regions: dict[str, tuple[str, ...]] | None = {k: tuple(v) for k, v in self.rule.phone_regions.items()} if self.rule.phone_regions else None
            self._analyzer = analyzer_for(self.company, regions)
        return self._analyzer

    def warm_up(self) -> None:
        self.analyzer.warm_up(self.rule.entities)

    def find(self, post: "Post") -> Iterable[Hit]:
        rule = self.rule
        for candidate in self.analyzer.analyze(post, rule.entities):
            threshold = max(rule.min_score, rule.min_scores.get(candidate.entity, 0.0))
            if candidate.score < threshold:
                continue
            yield Hit(
                start=candidate.start,
                end=candidate.end,
                score=candidate.score,
                entity=candidate.entity,
                values={"label": label(candidate.entity, post.language)},
                replacement=rule.replacements.get(candidate.entity),
            )

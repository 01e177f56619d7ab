"""`terms`: words and phrases that must not be published (code names, customers
under NDA, internal markers such as "confidentiel" / "ne pas diffuser").

Matching survives disguises and small typos, see `charterguard.text.termindex`.

    - id: confidential.codenames
      kind: terms
      category: confidential
      terms_from: [company.codenames]
      terms: [Nébuleuse]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Literal

from pydantic import Field

from ..charter.rule import Company, CompanyField, RuleSpec, company_terms
from ..text.termindex import TermIndex
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post


class TermsRule(RuleSpec):
    kind: Literal["terms"]
    terms: list[str] = Field(default_factory=list, description="Words or phrases to flag.")
    terms_from: list[CompanyField] = Field(default_factory=list, description="Company fields whose values are flagged too.")
    fuzzy: bool = Field(True, description="Also flag one-typo variants of terms of 6+ letters.")
    inflect: bool = Field(True, description="Also flag plural/feminine forms (Colibris, confidentielle).")
    default_entity: str = "TERM"


@register
class TermsDetector(Detector[TermsRule]):
    kind = "terms"
    spec = TermsRule
    template_fields = frozenset({"term"})

    def __init__(self, rule: TermsRule, company: Company) -> None:
        super().__init__(rule, company)
        terms = [*rule.terms, *company_terms(company, list(rule.terms_from))]
        self.index: TermIndex[None] = TermIndex(terms, fuzzy=rule.fuzzy, inflect=rule.inflect)

    def find(self, post: "Post") -> Iterable[Hit]:
        for match in self.index.find(post.folded):
            yield Hit(match.start, match.end, match.kind.score, values={"term": match.term})

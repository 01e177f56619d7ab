"""`require`: if a post talks about X, it must also contain Y.

Example: a post that talks about the employer must disclose the link
("#salarié", "je travaille chez", "opinions are my own").

    - id: speaking.disclosure
      kind: require
      category: channel
      if_mentions_from: [company.names]
      if_mentions: [mon employeur, ma boîte]
      must_contain: ["#salarié", "je travaille chez", "#employee"]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Literal

from pydantic import Field

from ..charter.rule import Company, CompanyField, RuleSpec, company_terms
from ..text.termindex import TermIndex
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post


class RequireRule(RuleSpec):
    kind: Literal["require"]
    if_mentions: list[str] = Field(default_factory=list, description="Words or phrases that trigger the requirement.")
    if_mentions_from: list[CompanyField] = Field(default_factory=list, description="Company fields that trigger it.")
    must_contain: list[str] = Field(min_length=1, description="The post must contain at least one of these.")
    default_entity: str = "MISSING_DISCLOSURE"


@register
class RequireDetector(Detector[RequireRule]):
    kind = "require"
    spec = RequireRule
    template_fields = frozenset({"required"})

    def __init__(self, rule: RequireRule, company: Company) -> None:
        super().__init__(rule, company)
        self.triggers: TermIndex[None] = TermIndex([*rule.if_mentions, *company_terms(company, list(rule.if_mentions_from))], fuzzy=False)
        self.required: TermIndex[None] = TermIndex(rule.must_contain, fuzzy=False)

    def find(self, post: "Post") -> Iterable[Hit]:
        triggers = self.triggers.find(post.folded)
        if not triggers or self.required.find(post.folded):
            return
        first = triggers[0]
        yield Hit(first.start, first.end, 1.0, values={"required": self.rule.must_contain[0]}, replaceable=False)

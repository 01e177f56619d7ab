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

import re
from typing import TYPE_CHECKING, Iterable, Literal

from pydantic import Field

from ..spec.rule import Company, CompanyField, RuleSpec, company_terms
from ..text.normalize import fold_letters
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
        # "#salarié" asks for that hashtag: the plain word "salariés" does not satisfy it.
        self.required_hashtags = frozenset(fold_letters(r) for r in rule.must_contain if r.lstrip().startswith("#"))
        self.required: TermIndex[None] = TermIndex([r for r in rule.must_contain if not r.lstrip().startswith("#")], fuzzy=False)

    def find(self, post: "Post") -> Iterable[Hit]:
        # The company's name inside a link or an e-mail address ("presse@acme-group.fr",
        # "acme-group.fr/emplois") is an address, not the writer speaking of the employer.
        addresses = [(link.start, link.end) for link in post.links] + _email_spans(post.text)
        triggers = [t for t in self.triggers.find(post.folded) if not any(s <= t.start and t.end <= e for s, e in addresses)]
        if not triggers or self._satisfied(post):
            return
        first = triggers[0]
        yield Hit(first.start, first.end, 1.0, values={"required": self.rule.must_contain[0]}, replaceable=False)

    def _satisfied(self, post: "Post") -> bool:
        if self.required_hashtags and any(self._is_required_hashtag(fold_letters(tag.text)) for tag in post.hashtags):
            return True
        return bool(self.required.find(post.folded))

    def _is_required_hashtag(self, key: str) -> bool:
        """The hashtag asked for, or its plural (#salariés for #salarié)."""
        return key in self.required_hashtags or (key[-1:] in ("s", "x") and key[:-1] in self.required_hashtags)




_EMAIL = re.compile(r"[^\s@<>()\[\]]+@[^\s@<>()\[\]]+\.[^\s@<>()\[\]]+")


def _email_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _EMAIL.finditer(text)]

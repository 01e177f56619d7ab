"""`terms`: words and phrases that must not be published (code names, customers
under NDA, internal markers such as "confidentiel" / "ne pas diffuser").

Matching survives disguises and small typos, see `charterguard.text.termindex`.
A term that is also an ordinary word ("Colibri", "Kestrel") can be flagged only
where it reads as a project's name (`match`, see `charterguard.text.context`).

    - id: confidential.codenames
      kind: terms
      category: confidential
      terms_from: [company.codenames]
      terms: [Nébuleuse]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Literal

from pydantic import Field

from ..spec.rule import Company, CompanyField, MatchStrictness, RuleSpec, company_terms
from ..text.context import in_project_context
from ..text.termindex import TermIndex, TermMatch
from ..text.wordlist import is_common_word
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post


class TermsRule(RuleSpec):
    kind: Literal["terms"]
    terms: list[str] = Field(default_factory=list, description="Words or phrases to flag.")
    terms_from: list[CompanyField] = Field(default_factory=list, description="Company fields whose values are flagged too.")
    fuzzy: bool = Field(True, description="Also flag one-typo variants of terms of 6+ letters.")
    inflect: bool = Field(True, description="Also flag plural/feminine forms (Colibris, confidentielle).")
    match: MatchStrictness | None = Field(
        None,
        description="always: wherever found; in_context: only where it reads as a project's name (capital "
        "mid-sentence, 'projet X', hashtag, launch words, the company nearby); auto: in_context for terms that "
        "are ordinary French/English words. Default: auto for company.codenames, always for the rest; "
        "a code name given as {name, match} keeps its own.",
    )
    default_entity: str = "TERM"


@register
class TermsDetector(Detector[TermsRule]):
    kind = "terms"
    spec = TermsRule
    # {term}: the listed term the match reads as; {as_term}: " (Colibri)" when the post wrote
    # it otherwise ("C0libri", "#ProjetColibri"), empty when it wrote the term itself, so a
    # message does not say the same word twice.
    template_fields = frozenset({"term", "as_term"})

    def __init__(self, rule: TermsRule, company: Company) -> None:
        super().__init__(rule, company)
        terms: list[tuple[str, MatchStrictness]] = [(t, rule.match or "always") for t in rule.terms]
        own = company.codename_matching()
        for source in rule.terms_from:
            default: MatchStrictness = rule.match or ("auto" if source == "company.codenames" else "always")
            for term in company_terms(company, [source]):
                terms.append((term, own.get(term, default) if source == "company.codenames" else default))
        self.index: TermIndex[MatchStrictness] = TermIndex(terms, fuzzy=rule.fuzzy, inflect=rule.inflect)
        self._company_names = company.values("names")
        self._needs_context: dict[str, bool] = {}  # per term, for "auto" (looked up once)

    def find(self, post: "Post") -> Iterable[Hit]:
        for match in self.index.find(post.folded):
            if match.payload != "always" and not self._reads_as_the_term(post, match):
                continue  # the ordinary word ("deux colibris au jardin"), not the project
            written = post.text[match.start : match.end]
            as_term = "" if written.casefold() == match.term.casefold() else f" ({match.term})"
            yield Hit(match.start, match.end, match.kind.score, values={"term": match.term, "as_term": as_term})

    def _reads_as_the_term(self, post: "Post", match: TermMatch[MatchStrictness]) -> bool:
        """A term matched `in_context` (or `auto` and an ordinary word) is flagged in a
        project context only. The context is judged first: the word list is loaded
        only for a match without one."""
        if in_project_context(post.text, match.start, match.end, match.term, self._company_names):
            return True
        if match.payload == "in_context":
            return False
        needed = self._needs_context.get(match.term)
        if needed is None:
            needed = self._needs_context[match.term] = is_common_word(match.term)
        return not needed

"""The `secrets` rule kind: credentials and internal infrastructure (article 3).

    - id: secret.credentials
      kind: secrets
      category: secret
      severity: block
      families: [API_KEY, TOKEN, PASSWORD, PRIVATE_KEY, CONNECTION_STRING]
    - id: secret.internal_links
      kind: secrets
      category: secret
      families: [INTERNAL_URL, INTERNAL_HOST, FILE_PATH]
      internal_tools: [tickets.acme.fr, https://acme.monday.com]

Each finding's span is the secret itself (the password of a URL, the value of
`AWS_SECRET_ACCESS_KEY=`), its entity the family. The finders live in
`charterguard.secrets`; the company's `internal_domains` feed the host rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator

from ..errors import RuleOptionError
from ..secrets import (
    CREDENTIAL_FAMILIES,
    FAMILIES,
    INFRASTRUCTURE_FAMILIES,
    SecretCandidate,
    label,
    resolve,
)
from ..spec.rule import Company, RuleSpec, check_known
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post
    from ..secrets.presented import PresentedModel


class SecretsRule(RuleSpec):
    """Find secrets (keys, tokens, passwords, private keys, credentials in connection strings)
    and internal infrastructure (private IPs, internal hosts and tool links, shares and paths)."""

    kind: Literal["secrets"]
    category: Literal["secret"] = "secret"
    families: list[str] = Field(
        default_factory=lambda: list(CREDENTIAL_FAMILIES),
        description="What this rule reports: " + ", ".join(FAMILIES) + ".",
        json_schema_extra={"items": {"type": "string", "enum": list(FAMILIES)}},
    )
    internal_tools: list[str] = Field(
        default_factory=list,
        description="Hosts or URL prefixes of the company's own tools (e.g. tickets.acme.fr, https://acme.monday.com/boards): "
        "links to them are INTERNAL_URL. Self-hosted Jira, Confluence, GitLab, Grafana... and the company's "
        "internal_domains are known already.",
    )
    replacements: dict[str, str] = Field(
        default_factory=dict,
        json_schema_extra={"propertyNames": {"enum": list(FAMILIES)}},
        description="Text that replaces each family in the redacted post, e.g. {FILE_PATH: '[chemin interne]'}. "
        "Default: the rule's replacement, else [ENTITY].",
    )
    learned: bool = Field(
        False,
        description="Also report the values a learned reading (charterguard/secrets/presented.py: the words before and "
        "after a token, its field or column name, its shape) reads as a credential handed over, among the tokens no "
        "rule reported. Credential families only; without the shipped model the rules work alone.",
    )
    learned_threshold: float | None = Field(
        None,
        gt=0.0,
        lt=1.0,
        description="The calibrated probability from which the learned reading reports (default: the model's own, "
        "set on our labelled corpus; higher: fewer false alarms, fewer secrets found).",
    )
    default_entity: str = "SECRET"

    @field_validator("families")
    @classmethod
    def _known_families(cls, value: list[str]) -> list[str]:
        check_known(value, FAMILIES, "families")
        if not value:
            raise ValueError("give at least one family")
        return value

    @field_validator("replacements")
    @classmethod
    def _known_replacement_families(cls, value: dict[str, str]) -> dict[str, str]:
        check_known(value, FAMILIES, "families", " in replacements")
        return value


@register
class SecretsDetector(Detector[SecretsRule]):
    kind = "secrets"
    spec = SecretsRule
    # {label}: the family in words, in the post's language ("un mot de passe", "an API key").
    template_fields = frozenset({"label"})

    def __init__(self, rule: SecretsRule, company: Company) -> None:
        super().__init__(rule, company)
        self.families = frozenset(rule.families)
        self.credentials = bool(self.families & set(CREDENTIAL_FAMILIES))
        self.infrastructure = bool(self.families & set(INFRASTRUCTURE_FAMILIES))
        if rule.learned_threshold is not None and not rule.learned:
            raise RuleOptionError(("learned_threshold",), "`learned_threshold` sets the learned reading's threshold: give `learned: true` too")
        if rule.learned and not self.credentials:
            raise RuleOptionError(("learned",), "the learned reading finds credentials: give a credential family in `families` too")

    @cached_property
    def learned(self) -> PresentedModel | None:
        """The learned reading when the rule asks for it (loaded on the first post, as the finders are),
        None without the shipped model: the rules then work alone."""
        if not self.rule.learned:
            return None
        from ..secrets.presented import load_presented_model

        return load_presented_model()

    def find(self, post: Post) -> Iterable[Hit]:
        for candidate in self.candidates(post.text):
            yield Hit(
                candidate.start,
                candidate.end,
                candidate.score,
                entity=candidate.family,
                values={"label": label(candidate.family, post.language)},
                replacement=self.rule.replacements.get(candidate.family),
            )

    def candidates(self, text: str) -> list[SecretCandidate]:
        # Credentials and infrastructure are resolved apart: the password inside an internal
        # link is both a credential and part of the link.
        # Imported on the first post: their ~100 compiled patterns (~45 ms at import) are not paid
        # by a process whose charter never reaches a secrets rule (the registry imports every kind).
        from ..secrets.infrastructure import find_infrastructure
        from ..secrets.scan import find_credentials

        found: list[SecretCandidate] = []
        if self.credentials:
            found += find_credentials(text, self.learned, self.rule.learned_threshold)
        if self.infrastructure:
            found += resolve(find_infrastructure(text, self.company.internal_domains, self.rule.internal_tools))
        return sorted((c for c in found if c.family in self.families), key=lambda c: c.start)

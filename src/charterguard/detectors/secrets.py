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
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator

from ..secrets import (
    CREDENTIAL_FAMILIES,
    FAMILIES,
    INFRASTRUCTURE_FAMILIES,
    SecretCandidate,
    label,
    long_runs,
    resolve,
)
from ..spec.rule import Company, RuleSpec, check_known
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post


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
        from ..secrets.catalogue import find_tokens
        from ..secrets.credentials import find_announced, find_by_context, find_url_credentials
        from ..secrets.generic import find_bare_keys
        from ..secrets.infrastructure import find_infrastructure
        from ..secrets.shape import is_documented_sample

        found: list[SecretCandidate] = []
        if self.credentials:
            runs = long_runs(text)
            found += resolve(
                find_tokens(text, runs) + find_url_credentials(text) + find_announced(text) + find_by_context(text) + find_bare_keys(text, runs)
            )
            # (whatever found it: "jwt.io's sample token X" is the docs' sample)
            found = [c for c in found if not is_documented_sample(text[c.start : c.end], text, c.start)]
        if self.infrastructure:
            found += resolve(find_infrastructure(text, self.company.internal_domains, self.rule.internal_tools))
        return sorted((c for c in found if c.family in self.families), key=lambda c: c.start)

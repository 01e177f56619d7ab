"""The shared header of every rule, and the charter's `company` section.

Each rule kind (see `charterguard.detectors`) subclasses `RuleSpec` with its own
options; the loader validates a rule against its kind's subclass.
"""

from __future__ import annotations

import re
import string
from datetime import date, datetime, time, timezone
from typing import Annotated, Any, Collection, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, GetCoreSchemaHandler, GetJsonSchemaHandler, Tag, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from ..vocabulary import Category, Language, Severity

Channel = str  # linkedin, x, facebook, internal, ... (free: companies name their own networks)

RULE_ID = r"^[a-z0-9][a-z0-9_.\-]*$"
MAX_FORMAT_WIDTH = 200  # widths and precisions in message templates: a message is a sentence


class OneItemAlone:
    """A list field that may be written as its one item alone (`channel: x` for `channel: [x]`):
    `Annotated[list[str], OneItemAlone()]`. The JSON Schema says so too, for editors."""

    @staticmethod
    def _listed(value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self._listed, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        listed = handler(schema)
        return {"anyOf": [listed, listed["items"]]} if "items" in listed else listed


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Messages(StrictModel):
    """Text in the writer's language. A plain string is used for every language."""

    fr: str | None = None
    en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"fr": value, "en": value}
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        by_language = handler.resolve_ref_schema(handler(schema))
        return {"anyOf": [{"type": "string", "description": "The text for every language."}, dict(by_language)]}

    @model_validator(mode="after")
    def _one_language_at_least(self) -> "Messages":
        if not (self.fr or self.en):
            raise ValueError("give the text in French (fr) and/or English (en)")
        return self

    def get(self, language: str) -> str:
        """The text in `language`, else French, else English."""
        return getattr(self, language, None) or self.fr or self.en or ""

    def check_format(self) -> None:
        """Raise ValueError when a placeholder's format spec would fail or blow up when filled:
        `{match:>100000000}` would make every report 100 MB, `{match:d}` fails on text."""
        for text in (self.fr, self.en):
            for _literal, name, spec, conversion in string.Formatter().parse(text or ""):
                if name is None:
                    continue
                if conversion not in (None, "r", "s", "a"):
                    raise ValueError(f"unknown conversion !{conversion} in {{{name}}}: use !r, !s or !a")
                if not spec:
                    continue
                if "{" in spec or "}" in spec:
                    raise ValueError(f"nested placeholders in the format spec of {{{name}}} are not allowed")
                if any(int(digits) > MAX_FORMAT_WIDTH for digits in re.findall(r"\d+", spec)):
                    raise ValueError(f"the format spec of {{{name}}} asks for a width or precision over {MAX_FORMAT_WIDTH}")
                try:
                    format("sample", spec)  # every placeholder is filled with text
                except ValueError as exc:
                    raise ValueError(f"invalid format spec :{spec} in {{{name}}}: {exc}") from None

    def placeholders(self) -> set[str]:
        names = set()
        for text in (self.fr, self.en):
            if text:
                for _literal, name, _spec, _conv in string.Formatter().parse(text):
                    if name is not None:
                        names.add(name)
        return names


class When(StrictModel):
    """Conditions under which a rule applies. Every condition given must hold."""

    channel: Annotated[list[Channel], OneItemAlone()] | None = Field(
        None, description="Channels the rule applies to (linkedin, x, facebook, internal...)."
    )
    audience: Annotated[list[Literal["public", "internal"]], OneItemAlone()] | None = None
    language: Annotated[list[Language], OneItemAlone()] | None = None
    active_from: datetime | date | None = Field(None, description="Start of an embargo window (ISO date or datetime).")
    active_until: datetime | date | None = Field(None, description="End of an embargo window (exclusive).")

    def holds(self, *, channel: str | None, audience: str | None, language: str, now: datetime) -> bool:
        if self.channel is not None and (channel is None or channel not in self.channel):
            return False
        if self.audience is not None and (audience or "public") not in self.audience:
            return False
        if self.language is not None and language not in self.language:
            return False
        if self.active_from is not None and now < as_datetime(self.active_from):
            return False
        if self.active_until is not None and now >= as_datetime(self.active_until):
            return False
        return True


def as_datetime(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return datetime.combine(value, time.min, tzinfo=timezone.utc)


class FlagExample(StrictModel):
    text: str
    match: str | None = Field(None, description="The text the finding must cover, when it matters.")


class Examples(StrictModel):
    """Texts the rule must flag and texts it must let pass (`charterguard charter test`)."""

    flag: list[FlagExample | str] = Field(default_factory=list)
    pass_: list[str] = Field(default_factory=list, alias="pass")
    company: dict[str, Any] | None = Field(
        None, description="Company section used while testing these examples (e.g. sample code names)."
    )
    channel: str | None = None
    audience: Literal["public", "internal"] | None = None

    def flag_examples(self) -> list[FlagExample]:
        return [FlagExample(text=e, match=None) if isinstance(e, str) else e for e in self.flag]


class RuleSpec(StrictModel):
    """What every rule says, whatever its kind."""

    id: Annotated[str, Field(pattern=RULE_ID, description="Unique id, e.g. confidential.codenames.")]
    kind: str
    category: Category
    entity: str | None = Field(None, description="What is found (CODENAME, PHONE_NUMBER, INSULT...). Default: from the kind.")
    severity: Severity
    clause: str = Field(description="The charter article this rule enforces, e.g. '4.2'.")
    message: Messages = Field(description="Why it is a problem. Placeholders: {match}, {company}, and the kind's own.")
    suggestion: Messages | None = Field(None, description="How to fix it.")
    replacement: Messages | None = Field(
        None,
        description="What replaces the match (redacted post, 'apply suggestion'): one text, or one per language "
        "{fr: '[projet interne]', en: '[internal project]'}. Default: […].",
    )
    when: When | None = None
    allow: Annotated[list[str], OneItemAlone()] = Field(default_factory=list, description="Texts this rule never flags (matched like terms).")
    min_score: float = Field(0.0, ge=0.0, le=1.0, description="Findings scoring below this are dropped.")
    enabled: bool = True
    description: str | None = None
    examples: Examples = Field(description="Texts that must be flagged and texts that must pass.")

    # The default entity for findings of this kind (a kind overrides it).
    default_entity: str = "MATCH"

    def entity_name(self) -> str:
        return self.entity or self.default_entity


# How strictly a term is matched: "always" wherever it is found; "in_context" only in a
# project context (a capital mid-sentence, "projet X", a hashtag, launch words, the
# company nearby); "auto": in_context when the term is an ordinary French/English word.
MatchStrictness = Literal["always", "in_context", "auto"]


class CodeName(StrictModel):
    """A code name with its own strictness: {name: Kestrel, match: in_context}."""

    name: str = Field(min_length=1)
    match: MatchStrictness = Field(
        "auto", description="always | in_context | auto (in_context when the name is an ordinary word)."
    )


# A plain name, or a mapping (its errors then name the mapping's own fields).
CodeNameEntry = Annotated[
    Annotated[str, Tag("name")] | Annotated[CodeName, Tag("entry")],
    Discriminator(lambda value: "entry" if isinstance(value, (dict, CodeName)) else "name"),
]


class Company(StrictModel):
    """The company's specifics; the built-in rules read them."""

    name: str | None = None
    aliases: list[str] = Field(default_factory=list, description="Other names of the company (brands, short names).")
    codenames: list[CodeNameEntry] = Field(
        default_factory=list,
        description="Internal project code names: never published. A name, or {name, match} to say how strict to be.",
    )
    customers: list[str] = Field(default_factory=list, description="Customers under NDA: never named.")
    competitors: list[str] = Field(default_factory=list)
    public_contacts: list[str] = Field(
        default_factory=list, description="Public domains, addresses and numbers: never flagged as personal data."
    )
    domains: list[str] = Field(default_factory=list, description="The company's own domains.")
    internal_domains: list[str] = Field(
        default_factory=list,
        description="Domains of the company's internal network (e.g. acme.intra, corp.acme-group.fr): "
        "hosts under them are internal infrastructure, never to be published.",
    )

    def values(self, field: str) -> list[str]:
        """A company field as a list ('name' and 'aliases' together under 'names')."""
        if field == "names":
            return [n for n in [self.name, *self.aliases] if n]
        value = getattr(self, field)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        return [v.name if isinstance(v, CodeName) else v for v in value]

    def codename_matching(self) -> dict[str, MatchStrictness]:
        """The code names given with their own `match`, by name."""
        return {c.name: c.match for c in self.codenames if isinstance(c, CodeName)}


CompanyField = Literal[
    "company.names", "company.codenames", "company.customers", "company.competitors", "company.public_contacts", "company.domains",
    "company.internal_domains",
]


def check_probabilities(values: dict[str, float], allowed: Collection[str], kind: str, field: str) -> dict[str, float]:
    """`values` (e.g. a threshold per entity or per language) when every key is one of
    `allowed` and every value a probability; else a ValueError naming the key."""
    for key, value in values.items():
        if key not in allowed:
            raise ValueError(f"unknown {kind} {key!r} in {field}: use {', '.join(sorted(allowed))}")
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{field}.{key} = {value} is not a probability: use a number from 0 to 1")
    return values


def check_known(values: Collection[str], known: Collection[str], what: str, where: str = "") -> None:
    """Raise a ValueError naming every one of `values` that is not in `known` (e.g. entity or
    family names of a rule's options), and what is known."""
    unknown = [value for value in values if value not in known]
    if unknown:
        raise ValueError(f"unknown {what} {unknown}{where}; known: {', '.join(known)}")


def company_terms(company: Company, sources: list[str]) -> list[str]:
    """Resolve `terms_from` entries such as "company.codenames"."""
    out: list[str] = []
    for source in sources:
        out.extend(company.values(source.split(".", 1)[1]))
    return out

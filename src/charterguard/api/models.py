"""Request and response models of the HTTP API (validation and /docs).

Responses are built from `Report.to_dict()` and sent as they are; the response
models below only document them (and let schemathesis check them).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, field_validator

from ..charter.rule import RULE_ID
from ..report import report_json_schema
from ..vocabulary import Language

CHANNEL_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"
# Strict: JSON `false` or `1.0` is not an id (lax mode would turn them into 0 and 1).
PostId = Annotated[str, StringConstraints(strict=True, max_length=200)] | StrictInt
CharterName = Annotated[str, StringConstraints(min_length=1, max_length=200)]
RuleId = Annotated[str, StringConstraints(pattern=RULE_ID, max_length=200)]
EXAMPLE_POST_FR = "Ravis d'annoncer le lancement du projet BlueHarbor avec notre client Acme ! Contactez Marie au 06 12 34 56 78."


class _Strict(BaseModel):
    # Unknown fields are refused: a misspelt "chanel" must not silently check a post without its channel rules.
    model_config = ConfigDict(extra="forbid")


def _valid_unicode(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # JSON allows "\ud800" escapes that decode to unpaired surrogates: no real text has them.
        raise ValueError("the text contains an unpaired UTF-16 surrogate (an invalid \\uD800-\\uDFFF escape); send valid Unicode") from None
    return value


class PostFields(_Strict):
    text: str = Field(description="The post, as the author wrote it. Offsets in the report index this string.")
    lang: Language | None = Field(None, description="Language of the post; detected when omitted.")
    channel: str | None = Field(None, pattern=CHANNEL_PATTERN, description="Where it will be published: linkedin, x, facebook, internal...")
    audience: Literal["public", "internal"] | None = Field(None, description="Who will read it (default: public).")

    _text_is_unicode = field_validator("text")(_valid_unicode)


class CheckRequest(PostFields):
    id: PostId | None = Field(None, description="Echoed in the report's `id`.")
    charter: CharterName | None = Field(None, description="Charter name (GET /v1/charters); the server's default when omitted.")

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": EXAMPLE_POST_FR, "lang": "fr", "channel": "linkedin"}]},
    )


class BatchPost(PostFields):
    id: PostId | None = Field(None, description="Your id for this post, echoed in its report.")


class BatchRequest(_Strict):
    posts: list[BatchPost] = Field(description="The posts, checked in order; at most the server's batch limit (1000 by default).")
    charter: CharterName | None = None

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"posts": [{"id": "p1", "text": EXAMPLE_POST_FR}, {"id": "p2", "text": "Belle journée au salon VivaTech !"}]}]},
    )


class OverrideRequest(_Strict):
    text: str = Field(description="The post published despite the block; only its HMAC is recorded.")
    charter: CharterName | None = None
    channel: str | None = Field(None, pattern=CHANNEL_PATTERN)
    audience: Literal["public", "internal"] | None = None
    rules: list[RuleId] = Field(min_length=1, max_length=100, description="Ids of the rules the author chose to override.")
    reason: str = Field(min_length=1, max_length=2000, description="Why the author publishes anyway (kept for compliance).")

    _text_is_unicode = field_validator("text", "reason")(_valid_unicode)

    @field_validator("reason")
    @classmethod
    def _reason_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("give a reason: say why the post can be published despite the block")
        return value.strip()

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"text": EXAMPLE_POST_FR, "channel": "linkedin", "rules": ["confidential.codenames"], "reason": "Le projet a été annoncé publiquement hier."}
            ]
        },
    )


# -- response schemas (documentation and schemathesis' response checks) -----------
# Reports are sent as Report.to_dict() made them; their schema is the one the
# report module publishes, not a model of our own.


def report_schema() -> dict[str, Any]:
    schema = report_json_schema()
    schema.pop("$schema", None)  # OpenAPI 3.1 documents are already JSON Schema 2020-12
    return schema


# In place of the report of a batch post that could not be checked (engine.CheckError).
BATCH_ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["schema", "id", "error"],
    "properties": {
        "schema": {"const": "charterguard.error/1"},
        "id": {},
        "error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}},
    },
}


def json_response(description: str, schema: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    return {200: {"description": description, "content": {"application/json": {"schema": schema}}}}


def report_response() -> dict[int | str, dict[str, Any]]:
    return json_response("The report (schema charterguard.report/1).", report_schema())


def batch_response() -> dict[int | str, dict[str, Any]]:
    schema = {
        "type": "object",
        "required": ["reports"],
        "properties": {"reports": {"type": "array", "description": "One per post, in order.", "items": {"anyOf": [report_schema(), BATCH_ERROR_SCHEMA]}}},
    }
    return json_response("One report per post, in order; a post that could not be checked gets an error object in its place.", schema)


class OverrideResponse(BaseModel):
    id: str


DismissalReason = Literal["ignored", "not_applicable"]


class DismissalRequest(_Strict):
    """An author says a finding does not apply to their post (the extension's "Ignorer" and
    "Ne s'applique pas ici"). It changes no verdict on the server: it is feedback, recorded
    like an override (only the post's HMAC), so the compliance team sees which rules raise
    false alarms."""

    text: str = Field(description="The post the finding was raised on; only its HMAC is recorded.")
    charter: CharterName | None = None
    channel: str | None = Field(None, pattern=CHANNEL_PATTERN)
    rules: list[RuleId] = Field(min_length=1, max_length=100, description="Ids of the rules of the dismissed findings.")
    severity: Literal["block", "warn", "info"] = Field("warn", description="The most severe of the dismissed findings.")
    reason: DismissalReason = Field(description="`ignored`: ignored in this post; `not_applicable`: a false alarm.")
    comment: str | None = Field(None, max_length=500, description="The author's own words, optional.")

    _text_is_unicode = field_validator("text")(_valid_unicode)

    @field_validator("comment")
    @classmethod
    def _comment_is_unicode(cls, value: str | None) -> str | None:
        return None if value is None else _valid_unicode(value)


class DismissalResponse(_Strict):
    id: str


class CharterSummary(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str
    version: str
    sha256: str
    allow_publish_anyway: bool
    default: bool
    rules: int


class CharterList(BaseModel):
    charters: list[CharterSummary]


class RuleSummary(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    kind: str
    category: str
    severity: str
    clause: str | None = None


class CharterDetail(CharterSummary):
    reload_error: str | None = Field(None, description="Why the charter file, changed on disk, could not be reloaded (the last good version is served).")
    rules: list[RuleSummary]  # type: ignore[assignment]  # the rules themselves, not their count


class DecisionModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    time: str
    kind: Literal["check", "override", "dismissal"]
    verdict: str | None = None
    text_hmac: str
    rules: list[str]
    findings: list[dict[str, Any]]


class SkippedDecision(BaseModel):
    seq: int
    id: str | None = None
    problem: str


class DecisionPage(BaseModel):
    decisions: list[DecisionModel]
    next_cursor: int | None = Field(None, description="Pass as `cursor` to get the next (older) page; null on the last page.")
    skipped: list[SkippedDecision] = Field(
        default_factory=list,
        description="Rows of this page that cannot be read as decisions (damaged or edited): left out; `charterguard decisions verify --all` checks the whole log.",
    )


class DecisionSummary(BaseModel):
    model_config = ConfigDict(extra="allow")
    checks: int
    by_verdict: dict[str, int]
    overrides: int
    by_rule: list[dict[str, Any]]

"""`pattern`: regular expressions, with optional checksum validators.

Patterns use RE2 syntax and run on RE2, whose matching time is linear in the
post length: a pattern such as `(a+)+$` cannot hang a check. RE2 has no
look-arounds or back-references; a charter using them gets a clear error.

    - id: secret.api_keys
      kind: pattern
      category: secret
      patterns: ['\\bsk_live_[0-9a-zA-Z]{24,}\\b']
    - id: personal_data.siret
      kind: pattern
      patterns: ['\\b\\d{3} ?\\d{3} ?\\d{3} ?\\d{5}\\b']
      validator: siret
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Iterable, Literal

from pydantic import Field

from ..errors import RuleOptionError
from ..spec.rule import Company, OneItemAlone, RuleSpec
from ..text.termindex import TermIndex
from ..validators import VALIDATORS
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post

MAX_PATTERN_LENGTH = 4000
MAX_PROGRAM_MEMORY = 8 << 20  # bytes RE2 may use per pattern


class PatternRule(RuleSpec):
    kind: Literal["pattern"]
    patterns: Annotated[list[str], OneItemAlone()] = Field(description="Regular expressions (RE2 syntax); any of them flags.", min_length=1)
    ignore_case: bool = Field(True, description="Match regardless of case.")
    group: int | str = Field(0, description="The capture group (number or name) that is the finding.")
    validator: str | None = Field(None, description=f"A checksum the match must pass: {', '.join(sorted(VALIDATORS))}.")
    unless_near: list[str] = Field(
        default_factory=list,
        description="Words or phrases (matched like terms) that, in the same sentence as a match, clear it "
        "(e.g. 'communiqué', 'as announced' for figures already published).",
    )
    default_entity: str = "PATTERN"


@register
class PatternDetector(Detector[PatternRule]):
    kind = "pattern"
    spec = PatternRule

    def __init__(self, rule: PatternRule, company: Company) -> None:
        super().__init__(rule, company)
        import re2

        options = re2.Options()
        options.case_sensitive = not rule.ignore_case
        options.log_errors = False
        options.max_mem = MAX_PROGRAM_MEMORY
        self.regexes = []
        for i, pattern in enumerate(rule.patterns):
            if len(pattern) > MAX_PATTERN_LENGTH:
                raise RuleOptionError(("patterns", i), f"pattern is {len(pattern)} characters long (limit {MAX_PATTERN_LENGTH})")
            try:
                self.regexes.append(re2.compile(pattern, options))
            except re2.error as exc:
                raise RuleOptionError(("patterns", i), f"invalid regular expression: {_re2_reason(exc)}", hint=_re2_hint(pattern)) from None
        if rule.validator is not None and rule.validator not in VALIDATORS:
            raise RuleOptionError(("validator",), f"unknown validator {rule.validator!r}", hint=f"one of: {', '.join(sorted(VALIDATORS))}")
        self.validate = VALIDATORS[rule.validator] if rule.validator else None
        self.clearing: TermIndex[None] | None = TermIndex(rule.unless_near, fuzzy=False) if rule.unless_near else None
        for i, regex in enumerate(self.regexes):
            group = rule.group
            if isinstance(group, int) and group > regex.groups:
                raise RuleOptionError(("group",), f"pattern {i} has {regex.groups} group(s), not {group}")
            if isinstance(group, str) and group not in regex.groupindex:
                raise RuleOptionError(("group",), f"pattern {i} has no group named {group!r}")

    def find(self, post: "Post") -> Iterable[Hit]:
        clearing: list[tuple[int, int]] | None = None
        for regex in self.regexes:
            for match in regex.finditer(post.text):
                start, end = match.span(self.rule.group)
                if start < 0 or start == end:
                    continue
                if self.validate is not None and not self.validate(post.text[start:end]):
                    continue
                if self.clearing is not None:
                    if clearing is None:
                        clearing = [(m.start, m.end) for m in self.clearing.find(post.folded)]
                    first, last = sentence_bounds(post.text, start, end)
                    if any(first <= s and e <= last for s, e in clearing):
                        continue
                yield Hit(start, end, 1.0)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end]: from after the previous sentence end
    ('!', '?', '…', a line break, or '.' before a space) to the next one."""
    first = start
    while first > 0 and not _ends_sentence(text, first - 1):
        first -= 1
    last = end
    while last < len(text) and not _ends_sentence(text, last):
        last += 1
    return first, last


def _ends_sentence(text: str, k: int) -> bool:
    ch = text[k]
    return ch in "!?…\n" or (ch == "." and (k + 1 == len(text) or text[k + 1].isspace()))


def _re2_reason(exc: Exception) -> str:
    reason = exc.args[0] if exc.args else str(exc)
    return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)


def _re2_hint(pattern: str) -> str:
    if "(?=" in pattern or "(?!" in pattern or "(?<" in pattern:
        return "look-arounds are not supported (RE2 syntax keeps matching linear-time); use `group` to flag part of a match, or a validator"
    if any(f"\\{d}" in pattern for d in "123456789"):
        return "back-references are not supported (RE2 syntax)"
    return "patterns use RE2 syntax, close to Python's re"

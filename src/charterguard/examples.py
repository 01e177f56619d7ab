"""Run the `examples` every rule carries: texts it must flag and texts it must pass
(`charterguard charter test`). A service above the engine: it checks the examples with a `Checker`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from .charter.model import Charter, CompiledRule
from .engine import Checker
from .semantic.examples import CrossValidation
from .spec.rule import as_datetime


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: str
    expect: Literal["flag", "pass", "missing"]
    text: str
    ok: bool
    problem: str | None = None


def run_examples(charter: Charter) -> Iterator[ExampleResult]:
    """One result per example of every rule, in charter order."""
    for compiled in charter.rules:
        rule = compiled.spec
        examples = rule.examples
        flags, passes = examples.flag_examples(), examples.pass_
        if not flags or not passes:
            missing = "flag" if not flags else "pass"
            yield ExampleResult(rule.id, "missing", "", False, f"the rule has no `{missing}` example: add at least one")
        subject = charter.with_company(examples.company) if examples.company else charter
        checker = Checker(subject.only({rule.id}))
        channel, audience, language, now = _context(compiled)
        example_channel, example_audience = examples.channel or channel, examples.audience or audience
        for example in flags:
            report = checker.check(example.text, lang=language, channel=example_channel, audience=example_audience, now=now)
            hits = [f for f in report.findings if f.rule == rule.id or rule.id in f.also]
            if not hits:
                yield ExampleResult(rule.id, "flag", example.text, False, "expected a finding, got none")
            elif example.match is not None and all(f.text != example.match for f in hits):
                got = ", ".join(repr(f.text) for f in hits)
                yield ExampleResult(rule.id, "flag", example.text, False, f"expected a finding on {example.match!r}, got {got}")
            else:
                yield ExampleResult(rule.id, "flag", example.text, True)
        for text in passes:
            report = checker.check(text, lang=language, channel=example_channel, audience=example_audience, now=now)
            hits = [f for f in report.findings if f.rule == rule.id or rule.id in f.also]
            if hits:
                got = ", ".join(repr(f.text) for f in hits)
                yield ExampleResult(rule.id, "pass", text, False, f"expected no finding, got {got}")
            else:
                yield ExampleResult(rule.id, "pass", text, True)


@dataclass(frozen=True, slots=True)
class RuleCrossValidation:
    rule: str
    result: CrossValidation


def cross_validations(charter: Charter) -> Iterator[RuleCrossValidation]:
    """Precision and recall by cross-validation over its examples, for each rule
    that learns from them (kind `semantic`): its examples are its training data,
    so running them as tests says little on their own."""
    for compiled in charter.rules:
        cross_validation = getattr(compiled.detector, "cross_validation", None)
        if callable(cross_validation):
            yield RuleCrossValidation(compiled.spec.id, cross_validation())


def _context(compiled: CompiledRule) -> tuple[str | None, str | None, str | None, datetime | None]:
    """A channel, audience, language and moment under which the rule applies."""
    when = compiled.spec.when
    if when is None:
        return None, None, None, None
    now = None
    if when.active_from is not None:
        now = as_datetime(when.active_from)
    elif when.active_until is not None:
        now = as_datetime(when.active_until) - timedelta(days=1)
    return (
        when.channel[0] if when.channel else None,
        when.audience[0] if when.audience else None,
        when.language[0] if when.language else None,
        now.astimezone(UTC) if now else None,
    )

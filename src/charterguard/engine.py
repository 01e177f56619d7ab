"""`Checker`: runs a charter's rules on posts and builds reports.

    checker = Checker(Charter.load("default"))
    report = checker.check("Le projet Colibri sort en mars", channel="linkedin")
    for report in checker.check_many(rows): ...

The pipeline: validate the input -> language -> the rules whose `when` holds ->
one shared spaCy Doc if any of them needs NLP (batched in `check_many`) ->
detectors -> exceptions and allow lists -> overlapping findings grouped (each keeps
its own span) -> verdict (worst severity) -> messages and replacements in the
post's language -> redacted post (each blocking finding's own span).
The engine knows nothing about what a rule kind means.
"""

from __future__ import annotations

import gc
import re
import string
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Mapping

from . import channels
from .analysis import Post
from .charter.model import Charter, CompiledRule
from .detectors.base import Hit
from .errors import BudgetExceeded, InputError
from .linguistics import Linguistics, forget_read_sentences, parse_together
from .report import SEVERITY_RANK, CharterRef, Finding, Report, verdict_of
from .spec.rule import RuleSpec, company_terms
from .text.language import detect_language
from .text.normalize import fold_letters
from .text.termindex import TermIndex
from .tone.hostility_model import forget_named
from .vocabulary import LANGUAGES

DEFAULT_MAX_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class CheckError:
    """A batch row that could not be checked (the batch goes on)."""

    id: Any
    message: str
    code: str = "invalid_post"

    def to_dict(self) -> dict[str, Any]:
        return {"schema": "charterguard.error/1", "id": self.id, "error": {"code": self.code, "message": self.message}}


class Checker:
    """Checks posts against one charter. Thread-safe; keep one per charter."""

    def __init__(
        self,
        charter: Charter,
        *,
        max_chars: int = DEFAULT_MAX_CHARS,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.charter = charter
        self.max_chars = max_chars
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._ref = CharterRef(charter.name, charter.version, charter.sha256)
        # Rules an exception names together share one allow list (and its search per post), when
        # their kinds compare texts alike (`Detector.canonical`).
        allow_lists: dict[tuple[tuple[str, ...], Callable[..., str]], AllowList] = {}
        self._allowed: dict[str, AllowList] = {}
        for compiled in charter.rules:
            entries = tuple(self._allow_entries(compiled))
            key = (entries, type(compiled.detector).canonical)  # the same function for every kind that keeps the default
            if key not in allow_lists:
                allow_lists[key] = AllowList(entries, compiled.detector.canonical)
            self._allowed[compiled.spec.id] = allow_lists[key]

    def _allow_entries(self, compiled: CompiledRule) -> list[str]:
        """Everything rule `compiled` must never flag: its own allow list and the
        charter exceptions that name it."""
        entries = list(compiled.spec.allow)
        for exception in self.charter.exceptions:
            if exception.applies_to(compiled.spec.id):
                entries.extend(exception.allow)
                entries.extend(company_terms(self.charter.company, list(exception.allow_from)))
        return entries

    # -- public API ------------------------------------------------------------
    def warm_up(self) -> None:
        """Load everything the enabled rules load lazily (see `Detector.warm_up`), and the spaCy
        pipelines with every component they may parse with, so that no request reloads one."""
        from . import nlp

        enabled = [compiled.detector for compiled in self.charter.rules if compiled.spec.enabled]
        for detector in enabled:
            detector.warm_up()
        components = frozenset().union(*(d.nlp_components | d.on_demand_components for d in enabled))
        if components:
            for language in LANGUAGES:
                nlp.pipeline(language, components)

    def check(
        self,
        text: str,
        lang: str | None = None,
        channel: str | None = None,
        audience: str | None = None,
        *,
        id: Any = None,
        budget_ms: float | None = None,
        now: datetime | None = None,
    ) -> Report:
        """Check one post. Raises `InputError` for a post that cannot be checked."""
        started = time.perf_counter()
        post, rules = self._prepare(text, lang, channel, audience, now)
        return self._run(post, rules, id, started, budget_ms)

    def check_many(
        self,
        items: Iterable[Mapping[str, Any] | str | CheckError],
        *,
        batch_size: int = 64,
        on_error: str = "raise",
        budget_ms: float | None = None,
    ) -> Iterator[Report | CheckError]:
        """Check many posts, in order, parsing the ones that need NLP in batches, and the sentences
        rules parse on their own first (`Detector.sentences_to_parse`) in one call for the batch.

        Items are strings or mappings {"id", "text", "lang"?, "channel"?, "audience"?,
        "now"?} where `now` (a datetime) is the moment `when` conditions are judged
        at, e.g. a post's publication date in an audit.
        With on_error="return", a bad row yields a `CheckError` instead of raising;
        `CheckError` items (rows a reader could not parse) are yielded in place.
        `budget_ms` is a per-post time budget counted from the start of the
        post's batch (the shared NLP parse included), as in `check`.
        """
        batch: list[tuple[Any, Mapping[str, Any] | CheckError]] = []
        for index, item in enumerate(items):
            row = {"text": item} if isinstance(item, str) else item
            if isinstance(row, CheckError):
                batch.append((row.id, row))
                continue
            batch.append((row.get("id", index if isinstance(item, str) else None), row))
            if len(batch) >= batch_size:
                yield from self._check_batch(batch, on_error, budget_ms)
                batch = []
        if batch:
            yield from self._check_batch(batch, on_error, budget_ms)

    def _check_batch(
        self, batch: list[tuple[Any, Mapping[str, Any] | CheckError]], on_error: str, budget_ms: float | None
    ) -> Iterator[Report | CheckError]:
        prepared: list[tuple[Any, float, Post, list[CompiledRule]] | CheckError] = []
        for row_id, row in batch:
            if isinstance(row, CheckError):
                if on_error != "return":
                    raise InputError(row.message)
                prepared.append(row)
                continue
            started = time.perf_counter()
            try:
                post, rules = self._prepare(row.get("text"), row.get("lang"), row.get("channel"), row.get("audience"), row.get("now"))
            except InputError as exc:
                if on_error != "return":
                    raise InputError(f"post {row_id!r}: {exc}") from None
                prepared.append(CheckError(row_id, str(exc)))
                continue
            prepared.append((row_id, started, post, rules))
        self._parse_in_batches([p for p in prepared if not isinstance(p, CheckError)])
        for item in prepared:
            if isinstance(item, CheckError):
                yield item
            else:
                row_id, started, post, rules = item
                yield self._run(post, rules, row_id, started, budget_ms)

    @staticmethod
    def _parse_in_batches(prepared: list[tuple[Any, float, Post, list[CompiledRule]]]) -> None:
        from . import nlp

        groups: dict[tuple[str, frozenset[str]], list[Post]] = {}
        for _id, _started, post, _rules in prepared:
            if post.nlp_components:
                groups.setdefault((post.language, post.nlp_components), []).append(post)
        for (language, components), posts in groups.items():
            for post, doc in zip(posts, nlp.parse([p.text for p in posts], language, components)):
                post.doc = doc
        # The sentences rules parse on their own (tone's reading by meaning), in one call for the
        # batch instead of one per post; after the whole-post parses, which may give them.
        ahead: list[tuple[Linguistics, list[int]]] = []
        for _id, _started, post, rules in prepared:
            indices = sorted({k for compiled in rules for k in compiled.detector.sentences_to_parse(post)})
            if indices:
                ahead.append((post.linguistics, indices))
        if ahead:
            parse_together(ahead)

    # -- pipeline --------------------------------------------------------------
    def _prepare(
        self, text: Any, lang: str | None, channel: str | None, audience: str | None, now: datetime | None
    ) -> tuple[Post, list[CompiledRule]]:
        text = self._validated_text(text)
        if lang is not None:
            lang = lang.lower().split("-")[0]
            if lang not in LANGUAGES:
                raise InputError(f"unsupported language {lang!r}: use one of {', '.join(LANGUAGES)}, or omit it to detect")
        language = lang or detect_language(text)
        if channel is not None:
            channel = channels.canonical(channel)
        if audience is not None and audience not in ("public", "internal"):
            raise InputError(f"unknown audience {audience!r}: use 'public' or 'internal'")
        moment = now or self._clock()
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)  # a naive moment is UTC
        rules = [
            compiled
            for compiled in self.charter.rules
            if compiled.spec.enabled
            and (compiled.spec.when is None or compiled.spec.when.holds(channel=channel, audience=audience, language=language, now=moment))
        ]
        components = frozenset().union(*(r.detector.nlp_components for r in rules)) if rules else frozenset()
        post = Post(text, language=language, channel=channel, audience=audience, now=moment, nlp_components=components)
        return post, rules

    def _validated_text(self, text: Any) -> str:
        if not isinstance(text, str):
            raise InputError(f"the post text must be a string, not {type(text).__name__}")
        if len(text) > self.max_chars:
            raise InputError(f"the post is {len(text)} characters long; the limit is {self.max_chars}")
        if "\x00" in text:
            raise InputError("the post contains NUL bytes: it looks like binary data, not text")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError("the post contains unpaired surrogate code points: send valid Unicode text") from None
        return text

    def _run(self, post: Post, rules: list[CompiledRule], row_id: Any, started: float, budget_ms: float | None) -> Report:
        deadline = started + budget_ms / 1000 if budget_ms is not None else None
        findings: list[Finding] = []
        incomplete = False
        allowed_spans: dict[int, list[tuple[int, int]]] = {}  # per allow list, found once per post
        post.deadline = deadline
        for compiled in rules:
            if deadline is not None and time.perf_counter() > deadline:
                incomplete = True
                break
            try:
                findings.extend(self._findings(compiled, post, allowed_spans))
            except BudgetExceeded:  # inside the parse of a long post
                incomplete = True
                break
        findings = group_overlapping(findings)
        verdict = verdict_of([f.severity for f in findings])
        notes = []
        if incomplete:
            verdict = "block"
            notes.append(f"time budget of {budget_ms:g} ms ran out before every rule ran: the verdict fails closed (block)")
        return Report(
            id=row_id,
            verdict=verdict,
            language=post.language,
            charter=self._ref,
            findings=findings,
            redacted=redact(post.text, findings),
            elapsed_ms=(time.perf_counter() - started) * 1000,
            incomplete=incomplete,
            notes=notes,
        )

    def _findings(self, compiled: CompiledRule, post: Post, allowed_spans: dict[int, list[tuple[int, int]]]) -> list[Finding]:
        rule = compiled.spec
        allow = self._allowed[rule.id]
        out = []
        for hit in compiled.detector.find(post):
            if hit.score < rule.min_score:
                continue
            matched = post.text[hit.start : hit.end]
            if allow and allow.allows(matched, hit.start, hit.end, post, allowed_spans):
                continue
            entity = hit.entity or rule.entity_name()
            values = {
                "match": matched,
                "company": self.charter.company.name or "",
                "entity": entity,
                "rule": rule.id,
                "clause": rule.clause,
                **hit.values,
            }
            out.append(
                Finding(
                    rule=rule.id,
                    category=rule.category,
                    entity=entity,
                    severity=rule.severity,
                    start=hit.start,
                    end=hit.end,
                    text=matched,
                    score=hit.score,
                    message=fill(rule.message.get(post.language), values),
                    clause=rule.clause,
                    suggestion=fill(rule.suggestion.get(post.language), values) if rule.suggestion else None,
                    replacement=self._replacement(hit, rule, values, post),
                )
            )
        return out

    @staticmethod
    def _replacement(hit: Hit, rule: RuleSpec, values: Mapping[str, str], post: Post) -> str | None:
        """What replaces the hit's own span, in the post's language; None for a hit
        that is not text to replace (a budget, a missing disclosure)."""
        if not hit.replaceable:
            return None
        if hit.replacement is not None:
            replacement = hit.replacement
        elif rule.replacement is not None:
            replacement = fill(rule.replacement.get(post.language), values)
        else:
            replacement = NEUTRAL_PLACEHOLDER
        return without_doubled_word(post.text, hit.start, replacement)


def settle_heap() -> None:
    """Move what the process has loaded (models, lexicons, vocabularies: ~600,000 objects once posts
    of each kind have been checked) out of the garbage collector's reach, garbage collected first.
    Otherwise every full collection walks all of them: ~0.3 s each, about 0.4 ms a post over a long
    batch, and a pause of a server's answers. It freezes the whole process's heap: for a process
    that checks posts for the rest of its life (the HTTP server, a batch worker), after warming up."""
    gc.collect()
    gc.freeze()


def forget_sentences_read() -> None:
    """Forget what the process remembers of the sentences it has read (their words, whom they name): a benchmark
    reading the same post again then measures it as a new post, as in use."""
    forget_read_sentences()
    forget_named()


class AllowList:
    """Texts some rules never flag: a finding is allowed when its text equals an
    entry in the rules' `canonical` form or lies inside an occurrence of one in the post."""

    def __init__(self, entries: tuple[str, ...], canonical: Callable[[str], str]) -> None:
        self._index: TermIndex[None] = TermIndex(entries, fuzzy=False, inflect=False, inside_tags=False)
        self._canonical = canonical
        self._keys = frozenset(canonical(e) for e in entries)

    def __bool__(self) -> bool:
        return bool(self._keys)

    def allows(self, matched: str, start: int, end: int, post: Post, spans_cache: dict[int, list[tuple[int, int]]]) -> bool:
        if self._canonical(matched) in self._keys:
            return True
        spans = spans_cache.get(id(self))
        if spans is None:
            spans = spans_cache[id(self)] = [(m.start, m.end) for m in self._index.find(post.folded)]
        return any(s <= start and end <= e for s, e in spans)


def group_overlapping(findings: list[Finding]) -> list[Finding]:
    """Findings in order of position, overlapping ones side by side as a group.

    Every finding keeps its own span, message and replacement. Members of a group
    of two or more share a `group` number and list the other members' rules in
    `also`; the most severe (then highest-scoring, then longest) member comes first.
    """
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    groups: list[list[Finding]] = []
    group_end = -1
    for finding in ordered:
        if groups and finding.start < group_end:
            groups[-1].append(finding)
            group_end = max(group_end, finding.end)
        else:
            groups.append([finding])
            group_end = finding.end
    out: list[Finding] = []
    number = 0
    for group in groups:
        if len(group) == 1:
            out.append(group[0])
            continue
        group.sort(key=lambda f: (-SEVERITY_RANK[f.severity], -f.score, -(f.end - f.start), f.start))
        for member in group:
            others = tuple(dict.fromkeys(f.rule for f in group if f.rule != member.rule))
            out.append(replace(member, group=number, also=others))
        number += 1
    return out


def redact(text: str, findings: list[Finding]) -> str:
    """The post with every blocking finding's own span replaced by its replacement.

    Findings that are not text to replace (no replacement: budgets, missing
    disclosures) are left out. Where blocking spans overlap, the one that holds
    all the others is replaced, else their union (with the first one's
    replacement), so that no blocked text survives.
    """
    spans = sorted(
        ((f.start, f.end, f.replacement) for f in findings if f.severity == "block" and f.replacement is not None),
        key=lambda s: (s[0], -s[1]),
    )
    clusters: list[tuple[int, int, str]] = []
    for start, end, replacement in spans:
        if clusters and start < clusters[-1][1]:
            c_start, c_end, c_replacement = clusters[-1]
            clusters[-1] = (c_start, max(c_end, end), c_replacement)
        else:
            clusters.append((start, end, replacement))
    out = text
    for start, end, replacement in reversed(clusters):
        out = out[:start] + replacement + out[end:]
    return out


# What replaces a finding whose rule names no replacement: reads the same in every language.
NEUTRAL_PLACEHOLDER = "[…]"
_BRACKETED = re.compile(r"^\[(\w+)\s+(.+)\]$")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")


def without_doubled_word(text: str, start: int, replacement: str) -> str:
    """Avoid "Le projet [projet interne]": a bracketed replacement of several words
    drops its first word when the post has that very word just before the span."""
    bracketed = _BRACKETED.match(replacement)
    if bracketed is None:
        return replacement
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or fold_letters(before.group(1)) != fold_letters(bracketed.group(1)):
        return replacement
    return f"[{bracketed.group(2)}]"


class _KeepMissing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, str]) -> str:
    """Fill a message template; unknown placeholders are left as written."""
    return string.Formatter().vformat(template, (), _KeepMissing(values))

"""The charter *spec*: YAML text -> a validated, typed `CharterSpec` (after `extends`).

This layer knows no detector code. Validating rules needs the registered kinds'
option models: the caller passes them down (`kinds`, see `RuleKindSpec`), and
`charterguard.charter.Charter` compiles the spec into detectors.

Loading validates everything a compliance team can get wrong and raises a
`CharterError` naming the file, line, column and field, with a hint: unknown
rule kind, missing or unknown field, bad template, unknown `extends`,
duplicate rule ids.
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, NoReturn, Union, cast

from pydantic import Field, ValidationError, create_model, field_validator

from ..errors import CharterError
from .builtin import builtin_names, builtin_path
from .rule import Company, CompanyField, Messages, OneItemAlone, RuleSpec, StrictModel, as_datetime
from .yamlfile import Mark, MarkedDict, MarkedList, deep_merge, load_marked, parse_marked

BASE_PLACEHOLDERS = frozenset({"match", "company", "entity", "rule", "clause"})
# Fields of a rule spec a kind sets in code, never a charter (`entity` is the charter's word).
NOT_FROM_YAML = frozenset({"default_entity"})


@dataclass(frozen=True, slots=True)
class RuleKindSpec:
    """What validating a rule of one kind needs: its option model and the placeholders its
    messages may use beyond BASE_PLACEHOLDERS. The detectors layer provides one per kind."""

    spec: type[RuleSpec]
    template_fields: frozenset[str] = frozenset()


RuleKinds = Mapping[str, RuleKindSpec]


class ExceptionSpec(StrictModel):
    """Texts that given rules never flag (e.g. the company's public contacts)."""

    id: str | None = None
    allow: Annotated[list[str], OneItemAlone()] = Field(default_factory=list)
    allow_from: list[CompanyField] = Field(default_factory=list, description="Company fields whose values are allowed.")
    rules: Annotated[list[str], OneItemAlone()] = Field(description="Rule ids or glob patterns this exception applies to, e.g. personal_data.*")
    reason: str | None = None

    def applies_to(self, rule_id: str) -> bool:
        return any(fnmatch.fnmatchcase(rule_id, pattern) for pattern in self.rules)


class CharterBase(StrictModel):
    """Top level of a charter file (the `rules` field is added per set of kinds: `charter_spec_model`)."""

    schema_: str | None = Field(None, alias="$schema")
    name: str
    version: str = "1"
    title: Messages | None = None
    description: str | None = None
    extends: str | None = Field(None, description="A built-in charter name or a path (relative to this file).")
    company: Company = Field(default_factory=Company)
    allow_publish_anyway: bool = Field(
        True, description="May an employee publish despite a block verdict, giving a reason (recorded)?"
    )
    exceptions: list[ExceptionSpec] = Field(default_factory=list)

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) else value


_models: dict[tuple[tuple[str, type[RuleSpec]], ...], type[CharterBase]] = {}


def charter_spec_model(kinds: RuleKinds) -> type[CharterBase]:
    """The charter model with every kind in `kinds` (a tagged union of rule specs on `kind`)."""
    key = tuple(sorted((name, kind.spec) for name, kind in kinds.items()))
    model = _models.get(key)
    if model is None:
        specs = tuple(spec for _name, spec in key)
        # Union[...] of a tuple built at run time: `X | Y` cannot be written here.
        rule_union = Annotated[Union[specs], Field(discriminator="kind")]  # type: ignore[valid-type]  # noqa: UP007
        model = _models[key] = create_model(
            "Charter",
            __base__=CharterBase,
            rules=(list[rule_union], Field(default_factory=list)),
        )
    return model


@dataclass(frozen=True)
class LoadedSpec:
    """A validated charter spec, the files it was read from and where each value was written."""

    spec: CharterBase
    files: tuple[Path, ...]
    raw: MarkedDict

    def fail(self, loc: tuple[Any, ...], problem: str, hint: str | None = None) -> NoReturn:
        """Raise a `CharterError` pointing at the value at `loc` (e.g. ("rules", 3, "pattern"))."""
        _fail(self.raw, loc, problem, hint)


def load_spec(ref: str | Path, kinds: RuleKinds) -> LoadedSpec:
    """A built-in charter by name, or a YAML file by path, validated against `kinds`."""
    raw, files = _resolve(str(ref), base_dir=Path.cwd(), chain=())
    return LoadedSpec(_validate(raw, kinds), tuple(files), raw)


def spec_from_yaml(text: str, kinds: RuleKinds, *, name: str = "<charter>", base_dir: Path | None = None) -> LoadedSpec:
    """A charter spec from YAML text (for tests, the API and editors)."""
    raw = parse_marked(text, name)
    raw, files = _resolve_raw(raw, name, base_dir or Path.cwd(), chain=(name,))
    return LoadedSpec(_validate(raw, kinds), tuple(files), raw)


# -- extends -------------------------------------------------------------------


def _resolve(ref: str, base_dir: Path, chain: tuple[str, ...], root: Path | None = None) -> tuple[MarkedDict, list[Path]]:
    """Load `ref` and what it extends. `root` is the folder of the charter first loaded:
    `extends` may name a built-in charter or a .yaml file inside it, nothing else
    (a served charter must not make the server read, and echo, /etc/shadow)."""
    path = builtin_path(ref)
    if path is None:
        candidate = Path(ref)
        path = candidate if candidate.is_absolute() else base_dir / candidate
        if root is not None:
            _check_extends_target(ref, path.resolve(), root, chain)
    path = path.resolve()
    if str(path) in chain:
        raise CharterError(f"`extends` makes a cycle: {' -> '.join([*chain, str(path)])}", file=str(path), field="extends")
    if not path.exists():
        names = ", ".join(builtin_names()) or "none"
        looks_like_path = "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))
        raise CharterError(
            f"file not found: {path}" if looks_like_path else f"no built-in charter named {ref!r}",
            file=chain[-1] if chain else (str(path) if looks_like_path else None),
            field="extends" if chain else None,
            hint=f"built-in charters: {names}; or give a path to a YAML file",
        )
    try:
        raw = load_marked(path)
    except CharterError as exc:
        if not chain or exc.line is not None:
            raise
        # The parent cannot be read at all (a FIFO, a device...): point at the `extends` line.
        raise CharterError(f"{ref}: {exc.problem}", file=chain[-1], field="extends", hint=exc.hint) from None
    if not isinstance(raw, dict):
        raise CharterError("a charter must be a YAML mapping (name:, rules: ...)", file=str(path), line=1)
    return _resolve_raw(cast(MarkedDict, raw), str(path), path.parent, chain=(*chain, str(path)), own_path=path, root=root or path.parent)


def _check_extends_target(ref: str, resolved: Path, root: Path, chain: tuple[str, ...]) -> None:
    where = chain[-1] if chain else None
    if not resolved.is_relative_to(root):
        raise CharterError(
            f"`extends: {ref}` is outside the charter's folder {root}", file=where, field="extends",
            hint="`extends` names a built-in charter or a .yaml file in the charter's folder or below; copy the parent there",
        )
    looks_like_a_file = resolved.exists() or "/" in ref or "\\" in ref or bool(Path(ref).suffix)
    if looks_like_a_file and resolved.suffix.lower() not in (".yaml", ".yml"):
        raise CharterError(f"`extends: {ref}` must name a .yaml or .yml charter file", file=where, field="extends")


def _resolve_raw(
    raw: MarkedDict, name: str, base_dir: Path, chain: tuple[str, ...], own_path: Path | None = None,
    root: Path | None = None,
) -> tuple[MarkedDict, list[Path]]:
    files = [own_path] if own_path else []
    parent_ref = raw.get("extends")
    if parent_ref is None:
        return raw, files
    if not isinstance(parent_ref, str):
        mark = raw.marks.get("extends")
        raise CharterError("`extends` must be a charter name or a path", file=name, line=mark.line if mark else None, field="extends")
    try:
        parent, parent_files = _resolve(parent_ref, base_dir, chain, root=root or base_dir.resolve())
    except CharterError as exc:
        if exc.field == "extends" and exc.line is None:
            mark = raw.marks.get("extends")
            exc.file, exc.line, exc.column = name, mark.line if mark else None, mark.column if mark else None
        raise
    return _merge_charters(parent, raw), parent_files + files


def _merge_charters(parent: MarkedDict, child: MarkedDict) -> MarkedDict:
    """Child on top of parent: scalars replaced, company merged key by key,
    rules overridden by id (partial overrides merge into the parent's rule),
    exceptions appended."""
    merged = MarkedDict(parent, mark=child.mark)
    merged.marks = dict(parent.marks)
    for key, value in child.items():
        if key == "rules" and isinstance(value, list) and isinstance(parent.get("rules"), list):
            merged[key] = _merge_rules(cast(MarkedList, parent["rules"]), cast(MarkedList, value))
        elif key == "exceptions" and isinstance(value, list) and isinstance(parent.get("exceptions"), list):
            both = MarkedList(parent["exceptions"] + value, mark=value.mark)  # type: ignore[attr-defined]
            both.marks = list(parent["exceptions"].marks) + list(value.marks)  # type: ignore[attr-defined]
            merged[key] = both
        elif key == "company" and isinstance(value, dict) and isinstance(parent.get("company"), dict):
            merged[key] = deep_merge(parent["company"], value)
        else:
            merged[key] = value
        merged.marks[key] = child.marks[key]
    merged.pop("extends", None)
    return merged


def _merge_rules(parent_rules: MarkedList, child_rules: MarkedList) -> MarkedList:
    out = MarkedList(parent_rules, mark=child_rules.mark)
    out.marks = list(parent_rules.marks)
    index = {r.get("id"): i for i, r in enumerate(parent_rules) if isinstance(r, dict)}
    for rule, mark in zip(child_rules, child_rules.marks):
        rule_id = rule.get("id") if isinstance(rule, dict) else None
        if rule_id in index:
            i = index[rule_id]
            out[i] = deep_merge(out[i], rule)
            out.marks[i] = mark
        else:
            out.append(rule)
            out.marks.append(mark)
    return out


# -- validation ----------------------------------------------------------------


def _validate(raw: MarkedDict, kinds: RuleKinds) -> CharterBase:
    raw.pop("extends", None)
    rules = raw.get("rules", [])
    if not isinstance(rules, list):
        _fail(raw, ("rules",), "`rules` must be a list of rules")
    seen: dict[str, int] = {}
    for i, rule in enumerate(rules):
        if not isinstance(rule, dict):
            _fail(raw, ("rules", i), "each rule must be a mapping with id, kind, severity, ...")
        kind = rule.get("kind")
        if kind is None:
            _fail(raw, ("rules", i, "kind"), "missing field `kind`", hint=f"one of: {', '.join(sorted(kinds))}")
        if kind not in kinds:
            close = difflib.get_close_matches(str(kind), kinds, n=1)
            hint = (f"did you mean {close[0]!r}? " if close else "") + f"known kinds: {', '.join(sorted(kinds))}"
            _fail(raw, ("rules", i, "kind"), f"unknown rule kind {kind!r}", hint=hint)
        if NOT_FROM_YAML & rule.keys():
            field = sorted(NOT_FROM_YAML & rule.keys())[0]
            _fail(raw, ("rules", i, field), f"unknown field `{field}`", hint=_known_fields_hint(raw, ("rules", i, field), kinds))
        rule_id = rule.get("id")
        if isinstance(rule_id, str):
            if rule_id in seen:
                _fail(raw, ("rules", i, "id"), f"duplicate rule id {rule_id!r}", hint=f"rules[{seen[rule_id]}] has the same id")
            seen[rule_id] = i
    try:
        spec = charter_spec_model(kinds).model_validate(raw)
    except ValidationError as exc:
        _raise_validation_error(raw, exc, kinds)
    for i, rule in enumerate(spec.rules):  # type: ignore[attr-defined]
        _check_templates(raw, i, rule, kinds[rule.kind].template_fields)
        _check_window(raw, i, rule)
    _check_exception_targets(raw, spec)
    return spec


def _check_window(raw: MarkedDict, index: int, rule: RuleSpec) -> None:
    """An embargo window that ends before it starts would never apply: a typo, refused."""
    when = rule.when
    if when is None or when.active_from is None or when.active_until is None:
        return
    if as_datetime(when.active_until) <= as_datetime(when.active_from):
        _fail(
            raw, ("rules", index, "when", "active_until"),
            f"active_until {when.active_until.isoformat()} is not after active_from {when.active_from.isoformat()}: the rule would never apply",
            hint="active_until ends the window (exclusive); swap the two dates?",
        )


def _check_exception_targets(raw: MarkedDict, spec: CharterBase) -> None:
    """Every rule id or pattern an exception names must name a rule of the charter (after `extends`)."""
    ids = [rule.id for rule in spec.rules]  # type: ignore[attr-defined]
    for i, exception in enumerate(spec.exceptions):
        for k, pattern in enumerate(exception.rules):
            if any(fnmatch.fnmatchcase(rule_id, pattern) for rule_id in ids):
                continue
            close = difflib.get_close_matches(pattern, ids, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            _fail(raw, ("exceptions", i, "rules", k), f"no rule of this charter is {pattern!r}",
                  hint=hint + "an exception names rule ids, or patterns such as personal_data.*")


def _check_templates(raw: MarkedDict, index: int, rule: RuleSpec, template_fields: frozenset[str]) -> None:
    allowed = BASE_PLACEHOLDERS | template_fields
    for field in ("message", "suggestion"):
        messages: Messages | None = getattr(rule, field)
        if messages is None:
            continue
        try:
            unknown = messages.placeholders() - allowed
        except ValueError as exc:
            _fail(raw, ("rules", index, field), f"invalid template: {exc}", hint="write literal braces as {{ and }}")
        try:
            messages.check_format()
        except ValueError as exc:
            _fail(raw, ("rules", index, field), f"invalid template: {exc}", hint="a placeholder is written {match} or, padded, {match:>20}")
        if unknown:
            _fail(
                raw, ("rules", index, field), f"unknown placeholder {{{sorted(unknown)[0]}}}",
                hint=f"available: {', '.join('{' + n + '}' for n in sorted(allowed))}",
            )


def _raise_validation_error(raw: MarkedDict, exc: ValidationError, kinds: RuleKinds) -> NoReturn:
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    kind = error["type"]
    problem = error["msg"]
    hint = None
    if kind == "missing":
        problem = f"missing required field `{loc[-1]}`"
        loc = loc[:-1] + (loc[-1],)
    elif kind == "extra_forbidden":
        problem = f"unknown field `{loc[-1]}`"
        hint = _known_fields_hint(raw, loc, kinds)
    if len(exc.errors()) > 1:
        hint = (hint + "; " if hint else "") + f"{len(exc.errors()) - 1} more problem(s) after this one"
    _fail(raw, loc, problem, hint=hint)


def _known_fields_hint(raw: MarkedDict, loc: tuple[Any, ...], kinds: RuleKinds) -> str | None:
    if len(loc) >= 3 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = raw.get("rules", [])
        kind = rules[loc[1]].get("kind") if loc[1] < len(rules) else None
        kind_spec = kinds.get(kind) if isinstance(kind, str) else None
        if kind_spec is not None:
            fields = [f.alias or n for n, f in kind_spec.spec.model_fields.items() if n not in NOT_FROM_YAML]
            close = difflib.get_close_matches(str(loc[-1]), fields, n=1)
            return (f"did you mean `{close[0]}`? " if close else "") + f"fields of a `{kind}` rule: {', '.join(fields)}"
    return None


def _fail(raw: MarkedDict, loc: tuple[Any, ...], problem: str, hint: str | None = None) -> NoReturn:
    mark, field = _locate(raw, loc)
    raise CharterError(problem, file=mark.file if mark else None, line=mark.line if mark else None,
                       column=mark.column if mark else None, field=field or None, hint=hint)


def _locate(raw: Any, loc: tuple[Any, ...]) -> tuple[Mark | None, str]:
    """Follow a validation path through the marked data: the deepest mark and a readable field path."""
    mark: Mark | None = getattr(raw, "mark", None)
    current = raw
    parts: list[str] = []
    in_rule_item = False
    for step in loc:
        if in_rule_item and isinstance(current, dict) and current.get("kind") == step:
            in_rule_item = False  # pydantic's discriminator tag, not a field
            continue
        in_rule_item = False
        if isinstance(current, dict) and step in current:
            if isinstance(current, MarkedDict):
                mark = current.marks.get(step, mark)
            current = current[step]
            parts.append(f".{step}")
        elif isinstance(current, list) and isinstance(step, int) and step < len(current):
            if isinstance(current, MarkedList) and step < len(current.marks):
                mark = current.marks[step] or mark
            current = current[step]
            label = f"[{step}]"
            if isinstance(current, dict) and isinstance(current.get("id"), str):
                label += f"({current['id']})"
            parts.append(label)
            in_rule_item = True
        elif isinstance(step, str):
            parts.append(f".{step}")  # a missing field: point at its parent
            current = None
    return mark, "".join(parts).lstrip(".")

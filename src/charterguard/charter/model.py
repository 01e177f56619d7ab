"""`Charter`: a validated, resolved charter (after `extends`), compiled into detectors.

    charter = Charter.load("default")              # built-in name
    charter = Charter.load("policies/acme.yaml")   # a file; `extends` resolved

`charterguard.spec` reads and validates the YAML (file, line, column and field in
every error); here each rule is compiled once into its kind's `Detector`, and a
detector's refusal of its options (a bad regex...) is reported at the rule's line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..detectors.base import Detector, kind_specs, rule_kinds
from ..errors import RuleOptionError
from ..spec.loader import CharterBase, ExceptionSpec, LoadedSpec, charter_spec_model, load_spec, spec_from_yaml
from ..spec.rule import Company, RuleSpec


def charter_model() -> type[CharterBase]:
    """The charter model with every registered rule kind (a tagged union on `kind`)."""
    return charter_spec_model(kind_specs())


@dataclass(frozen=True)
class CompiledRule:
    spec: RuleSpec
    detector: Detector[Any]


class Charter:
    """A resolved charter: its spec, compiled rules and identity (name, version, sha256)."""

    def __init__(self, spec: CharterBase, source_files: tuple[Path, ...] = (), rules: Iterable[CompiledRule] | None = None) -> None:
        """`rules`: the compiled rules when the caller has them (a subset of this spec's rules,
        see `only`); by default every rule of `spec` is compiled."""
        self.spec = spec
        self.source_files = source_files
        self.rules: list[CompiledRule] = (
            [CompiledRule(r, _compile(r, spec.company)) for r in spec.rules]  # type: ignore[attr-defined]
            if rules is None
            else list(rules)
        )
        canonical = json.dumps(spec.model_dump(mode="json", by_alias=True, exclude={"schema_", "extends"}), sort_keys=True, ensure_ascii=False)
        self.sha256 = hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    # -- identity ------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def version(self) -> str:
        return self.spec.version

    @property
    def company(self) -> Company:
        return self.spec.company

    @property
    def exceptions(self) -> list[ExceptionSpec]:
        return self.spec.exceptions

    @property
    def allow_publish_anyway(self) -> bool:
        return self.spec.allow_publish_anyway

    def rule(self, rule_id: str) -> CompiledRule:
        for compiled in self.rules:
            if compiled.spec.id == rule_id:
                return compiled
        raise KeyError(rule_id)

    def __repr__(self) -> str:
        return f"Charter(name={self.name!r}, version={self.version!r}, rules={len(self.rules)})"

    # -- loading ---------------------------------------------------------------
    @classmethod
    def load(cls, ref: str | Path) -> Charter:
        """Load a built-in charter by name, or a YAML file by path."""
        return cls._compiled(load_spec(ref, kind_specs()))

    @classmethod
    def from_yaml(cls, text: str, *, name: str = "<charter>", base_dir: Path | None = None) -> Charter:
        """Load a charter from YAML text (for tests, the API and editors)."""
        return cls._compiled(spec_from_yaml(text, kind_specs(), name=name, base_dir=base_dir))

    @classmethod
    def _compiled(cls, loaded: LoadedSpec) -> Charter:
        """Compile every rule once; a detector refusing its options fails at the rule's line."""
        company = loaded.spec.company
        rules = []
        for i, rule in enumerate(loaded.spec.rules):  # type: ignore[attr-defined]
            try:
                rules.append(CompiledRule(rule, _compile(rule, company)))
            except RuleOptionError as exc:
                loaded.fail(("rules", i, *exc.path), exc.problem, hint=exc.hint)
        return cls(loaded.spec, loaded.files, rules)

    def spec_json(self) -> str:
        """The validated spec (after `extends`) as JSON: `from_spec_json` rebuilds the same
        charter (same sha256) in another process without reading any file."""
        return self.spec.model_dump_json(by_alias=True)

    @classmethod
    def from_spec_json(cls, text: str) -> Charter:
        return cls(charter_model().model_validate_json(text))

    def with_company(self, overlay: dict[str, Any]) -> Charter:
        """This charter with some company fields replaced (used by `charter test`)."""
        company = self.spec.company.model_copy(update=Company.model_validate(overlay).model_dump(exclude_unset=True))
        return Charter(self.spec.model_copy(update={"company": company}), self.source_files)

    def only(self, rule_ids: set[str]) -> Charter:
        """This charter reduced to some rules (exceptions kept; identity unchanged)."""
        return Charter(self.spec, self.source_files, [r for r in self.rules if r.spec.id in rule_ids])


def _compile(rule: RuleSpec, company: Company) -> Detector[Any]:
    return rule_kinds()[rule.kind](rule, company)

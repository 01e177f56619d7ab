"""A charter loads, inherits and fails with the file, line, column and field of the problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import charter_from

from charterguard import Charter
from charterguard.errors import CharterError

RULE = """
  - id: confidential.codenames
    kind: terms
    category: confidential
    severity: block
    clause: "2.1"
    terms: [Colibri]
    message: {fr: "« {match} » est interne", en: "\\"{match}\\" is internal"}
    examples: {flag: [Colibri], pass: [Bonjour]}
"""


NO_CLAUSE_RULE = RULE.replace('    clause: "2.1"\n', "")


def load_error(tmp_path: Path, text: str, name: str = "charter.yaml") -> CharterError:
    with pytest.raises(CharterError) as info:
        charter_from(text, tmp_path, name)
    return info.value


def test_the_company_only_shape_from_the_issue_works() -> None:
    charter = Charter.from_yaml(
        """
extends: default
company:
  name: Acme Group
  codenames: [Colibri, Orion-7, BlueHarbor]
  public_contacts: [acme-group.fr, presse@acme-group.fr, "01 00 00 00 00"]
  competitors: [Globex, Initech]
"""
    )
    assert charter.name == "default"
    assert charter.company.codenames == ["Colibri", "Orion-7", "BlueHarbor"]
    from charterguard import Checker

    report = Checker(charter).check("Le projet Colibri arrive", lang="fr")
    assert report.verdict == "block"
    assert report.findings[0].rule == "confidential.codenames"


def test_builtin_charters_load_and_every_rule_has_examples() -> None:
    for name in ("default", "acme-group", "banque-exemple"):
        charter = Charter.load(name)
        for rule in charter.rules:
            assert rule.spec.examples.flag and rule.spec.examples.pass_, rule.spec.id


def test_extends_merges_rules_by_id_and_appends_new_ones(tmp_path: Path) -> None:
    charter = charter_from(
        f"""
extends: default
name: child
rules:
  - id: confidential.unreleased_figures
    severity: block
  - id: channel.budgets
    max_length: {{x: 200}}
{RULE.replace("confidential.codenames", "confidential.extra")}
""",
        tmp_path,
    )
    figures = charter.rule("confidential.unreleased_figures").spec
    assert figures.severity == "block"
    assert figures.clause == "2.4"  # inherited
    budgets = charter.rule("channel.budgets").spec
    assert budgets.max_length["x"] == 200 and budgets.max_length["linkedin"] == 3000
    assert charter.rule("confidential.extra").spec.terms == ["Colibri"]
    assert [r.spec.id for r in charter.rules][-1] == "confidential.extra"


def test_extends_a_relative_file_and_disabling_a_rule(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text(f"name: base\nrules:{RULE}", encoding="utf-8")
    child = charter_from("extends: base.yaml\nname: child\nrules:\n  - {id: confidential.codenames, enabled: false}\n", tmp_path)
    assert child.name == "child"
    assert child.rule("confidential.codenames").spec.enabled is False
    assert [p.name for p in child.source_files] == ["base.yaml", "charter.yaml"]


def test_sha256_identifies_the_resolved_charter() -> None:
    a = Charter.from_yaml("extends: default\ncompany: {codenames: [A1b2c3]}")
    b = Charter.from_yaml("extends: default\ncompany: {codenames: [A1b2c3]}")
    c = Charter.from_yaml("extends: default\ncompany: {codenames: [Zzz999]}")
    assert a.sha256 == b.sha256 != c.sha256
    assert len(a.sha256) == 64


@pytest.mark.parametrize(
    ("text", "line", "field", "problem"),
    [
        ("name: x\nrules:\n  - id: a\n    kind: termz\n", 4, "rules[0](a).kind", "unknown rule kind 'termz'"),
        ("name: x\nrules:\n  - id: a\n    category: tone\n", 3, "rules[0](a).kind", "missing field `kind`"),
        (f"name: x\nrules:{NO_CLAUSE_RULE}", 3, "rules[0](confidential.codenames).clause", "missing required field `clause`"),
        (f"name: x\nrules:{RULE.replace('terms: [Colibri]', 'termes: [Colibri]')}", 8, "rules[0](confidential.codenames).termes", "unknown field `termes`"),
        (f"name: x\nrules:{RULE.replace('severity: block', 'severity: fatal')}", 6, "rules[0](confidential.codenames).severity", "Input should be 'block', 'warn' or 'info'"),
        (f"name: x\nrules:{RULE}{RULE}", 12, "rules[1](confidential.codenames).id", "duplicate rule id"),
        (f"name: x\nrules:{RULE.replace('{match}', '{matche}')}", 9, "rules[0](confidential.codenames).message", "unknown placeholder {matche}"),
        ("rules: []\n", 1, "name", "missing required field `name`"),
        ("name: x\nrules:" + RULE.replace("terms: [Colibri]", "terms: [Colibri]\n    default_entity: HACKED"), 9, "rules[0](confidential.codenames).default_entity", "unknown field `default_entity`"),
    ],
)
def test_errors_point_at_file_line_and_field(tmp_path: Path, text: str, line: int, field: str | None, problem: str) -> None:
    error = load_error(tmp_path, text)
    assert error.file and error.file.endswith("charter.yaml")
    assert error.line == line
    assert error.field == field
    assert problem in error.problem
    assert str(error).startswith(f"{error.file}:{line}:")


def test_a_kinds_default_entity_cannot_be_set_by_a_charter_nor_by_an_override(tmp_path: Path) -> None:
    error = load_error(tmp_path, "extends: default\nrules:\n  - {id: confidential.codenames, default_entity: HACKED}\n")
    assert (error.line, error.field, error.problem) == (3, "rules[0](confidential.codenames).default_entity", "unknown field `default_entity`")
    assert "default_entity" not in (error.hint or "") and "entity" in (error.hint or "")


def test_an_exception_naming_no_rule_of_the_charter_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    text = (
        "extends: default\nexceptions:\n  - id: press\n    allow: [Acme]\n"
        "    rules: [confidential.codenames, confidential.codename]\n"
    )
    error = load_error(tmp_path, text)
    assert (error.line, error.field) == (5, "exceptions[2](press).rules[1]")  # after the default charter's two
    assert error.problem == "no rule of this charter is 'confidential.codename'"
    assert "did you mean 'confidential.codenames'?" in (error.hint or "")
    assert load_error(tmp_path, text.replace("confidential.codename]", "nothing.*]")).problem == "no rule of this charter is 'nothing.*'"
    charter_from(text.replace(", confidential.codename]", ", personal_data.*]"), tmp_path, "fine.yaml")  # a pattern that matches: fine


def test_an_embargo_window_ending_before_it_starts_is_refused(tmp_path: Path) -> None:
    rule = RULE.replace("    terms: [Colibri]\n", "    terms: [Colibri]\n    when:\n      active_from: 2026-06-01\n      active_until: 2026-05-01\n")
    error = load_error(tmp_path, f"name: x\nrules:{rule}")
    assert (error.line, error.field) == (11, "rules[0](confidential.codenames).when.active_until")
    assert "active_until 2026-05-01 is not after active_from 2026-06-01" in error.problem
    charter_from(f"name: x\nrules:{rule.replace('2026-05-01', '2026-07-01')}", tmp_path, "fine.yaml")


def test_unknown_kind_suggests_the_closest_one(tmp_path: Path) -> None:
    error = load_error(tmp_path, "name: x\nrules:\n  - {id: a, kind: patern}\n")
    assert "did you mean 'pattern'" in (error.hint or "")


def test_unknown_field_suggests_the_closest_one(tmp_path: Path) -> None:
    error = load_error(tmp_path, f"name: x\nrules:{RULE.replace('terms: [Colibri]', 'term: [Colibri]')}")
    assert "did you mean `terms`" in (error.hint or "")


def test_bad_regex_is_refused_with_its_line(tmp_path: Path) -> None:
    rule = RULE.replace("kind: terms", "kind: pattern").replace("terms: [Colibri]", "patterns: ['ok', '(?<=a)b']")
    error = load_error(tmp_path, f"name: x\nrules:{rule}")
    assert error.field == "rules[0](confidential.codenames).patterns[1]"
    assert error.line == 8
    assert "look-arounds are not supported" in (error.hint or "")


def test_unknown_validator_is_refused(tmp_path: Path) -> None:
    rule = RULE.replace("kind: terms", "kind: pattern").replace("terms: [Colibri]", "patterns: ['\\d+']\n    validator: lunh")
    error = load_error(tmp_path, f"name: x\nrules:{rule}")
    assert error.field == "rules[0](confidential.codenames).validator"
    assert "luhn" in (error.hint or "")


def test_invalid_yaml_names_line_and_column(tmp_path: Path) -> None:
    error = load_error(tmp_path, "name: x\nrules:\n  - id: a\n   kind: terms\n")
    assert error.line == 4 and error.column is not None
    assert "invalid YAML" in error.problem


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    error = load_error(tmp_path, "name: x\nname: y\n")
    assert error.line == 2 and "duplicate key 'name'" in error.problem


def test_yaml_bomb_is_refused_quickly(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[i]
        bomb += f"{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
    error = load_error(tmp_path, "name: x\n" + bomb)
    assert "YAML bomb" in (error.hint or "")


def test_unknown_extends_lists_builtin_charters(tmp_path: Path) -> None:
    error = load_error(tmp_path, "extends: defualt\nname: x\n")
    assert error.field == "extends" and error.line == 1
    assert "default" in (error.hint or "")


def test_cyclic_extends_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("extends: b.yaml\nname: a\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\nname: b\n", encoding="utf-8")
    with pytest.raises(CharterError, match="cycle"):
        Charter.load(tmp_path / "a.yaml")


def test_missing_file_not_a_mapping_and_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(CharterError, match="file not found"):
        Charter.load(tmp_path / "nope.yaml")
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(CharterError, match="must be a YAML mapping"):
        Charter.load(tmp_path / "list.yaml")
    (tmp_path / "latin1.yaml").write_bytes("name: café\n".encode("latin-1"))
    with pytest.raises(CharterError, match="not valid UTF-8"):
        Charter.load(tmp_path / "latin1.yaml")


def test_json_schema_describes_every_kind_and_accepts_partial_overrides() -> None:
    import jsonschema
    import yaml

    from charterguard.charter.schema import charter_json_schema

    schema = charter_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for name in ("default", "acme-group", "banque-exemple"):
        path = Path(__file__).resolve().parent.parent / "policies" / f"{name}.yaml"
        validator.validate(as_an_editor_reads_it(yaml.safe_load(path.read_text(encoding="utf-8"))))
    errors = list(validator.iter_errors({"name": "x", "rules": [{"kind": "terms"}]}))
    assert errors, "a rule without an id must be invalid"


def as_an_editor_reads_it(document: object) -> object:
    """YAML as a language server sees it: timestamps are strings."""
    import json

    return json.loads(json.dumps(document, default=lambda value: value.isoformat()))


@pytest.fixture(scope="module")
def schema_validator() -> object:
    import jsonschema

    from charterguard.charter.schema import charter_json_schema

    return jsonschema.Draft202012Validator(charter_json_schema())


WHOLE_RULE = {
    "id": "confidential.extra", "kind": "terms", "category": "confidential", "severity": "block", "clause": "2.1",
    "terms": ["Colibri"], "message": "interne", "examples": {"flag": ["Colibri"], "pass": ["Bonjour"]},
}


@pytest.mark.parametrize(
    ("change", "wrong"),
    [
        ({"kind": "regex"}, "an unknown kind"),
        ({"severity": "critical"}, "an unknown severity"),
        ({"termz": ["Colibri"]}, "an unknown field"),
        ({"default_entity": "HACKED"}, "a field kinds set in code"),
        ({"terms": "Colibri", "patterns": ["x"]}, "a field of another kind"),
    ],
)
def test_json_schema_refuses_inside_a_rule(schema_validator: Any, change: dict[str, object], wrong: str) -> None:
    assert schema_validator.is_valid({"name": "x", "rules": [WHOLE_RULE]})
    for charter in ({"name": "x"}, {"name": "x", "extends": "default"}, {"name": "x", "extends": "parent.yaml"}):
        assert not schema_validator.is_valid({**charter, "rules": [{**WHOLE_RULE, **change}]}), f"{wrong} in {charter}"


def test_json_schema_checks_an_override_against_the_built_in_parents_rule_kind(schema_validator: Any) -> None:
    def valid(rule: dict[str, object], extends: str = "default") -> bool:
        return bool(schema_validator.is_valid({"name": "x", "extends": extends, "rules": [rule]}))

    assert valid({"id": "confidential.codenames", "severity": "warn", "terms": ["Kestrel"]})  # a terms rule in default
    assert not valid({"id": "confidential.codenames", "patterns": ["x"]})  # a field of pattern rules
    assert not valid({"id": "confidential.codenames", "severity": "critical"})
    assert valid({"id": "personal_data.contact", "entities": ["PHONE_NUMBER"]})  # a pii rule in default
    assert not valid({"id": "personal_data.contact", "terms": ["x"]})
    assert not valid({"id": "nowhere.in.default", "severity": "warn"}), "a new rule needs its kind and fields"
    # A parent that is a file: the schema cannot know its rules' kinds; fields of some kind pass.
    assert valid({"id": "anything", "severity": "warn", "terms": ["x"]}, extends="parent.yaml")
    assert not valid({"id": "anything", "severity": "critical"}, extends="parent.yaml")
    assert not valid({"id": "anything", "termz": ["x"]}, extends="parent.yaml")
    assert not schema_validator.is_valid({"name": "x", "rules": [{"id": "anything", "severity": "warn"}]}), "no parent: no override"


EVERY_YAML_FEATURE = """\
# anchors, merge keys, dates, block and folded scalars, flow collections, non-ASCII columns
base: &base {severity: warn, tags: [a, "b c"], "clé 😀": é}
rules:
  - <<: *base
    id: r1
    when: 2026-03-01
    note: |
      deux
      lignes
    folded: >-
      plié
      ici
  - [1, 2.5, true, null, ~, 0x1F, "x: y"]
  - {"é😀": [é, {z: 1}]}
"""


def _marked_tree(value: Any) -> Any:
    """A value with the marks of every container and entry, to compare two parses exactly."""
    from charterguard.spec.yamlfile import MarkedDict, MarkedList

    if isinstance(value, MarkedDict):
        return ("map", value.mark, [(k, value.marks[k], _marked_tree(v)) for k, v in value.items()])
    if isinstance(value, MarkedList):
        return ("list", value.mark, [(m, _marked_tree(v)) for m, v in zip(value.marks, value, strict=True)])
    return (type(value).__name__, value)


def _charter_texts() -> list[tuple[str, str]]:
    repo = Path(__file__).resolve().parent.parent
    files = sorted([*(repo / "policies").glob("*.yaml"), *(repo / "tests").rglob("*.yaml")])
    return [("every-feature.yaml", EVERY_YAML_FEATURE), *((str(f), f.read_text(encoding="utf-8")) for f in files)]


@pytest.mark.parametrize(("name", "text"), _charter_texts(), ids=lambda v: Path(v).name if "\n" not in v else "text")
def test_libyaml_and_the_python_parser_give_the_same_values_and_marks(name: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from charterguard.spec import yamlfile

    if not yamlfile.yaml.__with_libyaml__:
        pytest.skip("PyYAML built without libyaml")
    assert yamlfile._compose_with_libyaml(text, name) is not None  # the fast path is the one compared
    fast = _marked_tree(yamlfile.parse_marked(text, name))
    monkeypatch.setattr(yamlfile.yaml, "__with_libyaml__", False)
    assert _marked_tree(yamlfile.parse_marked(text, name)) == fast


@pytest.mark.parametrize(
    "text", ["a: [1, 2\nb: 3\n", "a: 1\na: 2\n", "a: 1\n---\nb: 2\n", "a: *missing\n", "a: 2026-02-30\n", "a:\n\tb: 1\n"]
)
def test_a_broken_charter_gives_the_same_error_with_or_without_libyaml(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from charterguard.spec import yamlfile

    with pytest.raises(CharterError) as fast:
        yamlfile.parse_marked(text, "c.yaml")
    monkeypatch.setattr(yamlfile.yaml, "__with_libyaml__", False)
    with pytest.raises(CharterError) as slow:
        yamlfile.parse_marked(text, "c.yaml")
    assert str(fast.value) == str(slow.value)

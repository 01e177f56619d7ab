"""Shared fixtures: charters written inline, and a checker for a sample company."""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from charterguard import Charter, Checker

if TYPE_CHECKING:
    from charterguard.detectors.secrets import SecretsDetector

REPO = Path(__file__).resolve().parent.parent
SHARED_EVAL = REPO.parent / "shared" / "eval"

ACME = """
extends: default
name: acme
company:
  name: Acme Group
  codenames: [Colibri, Orion-7, BlueHarbor]
  public_contacts: [acme-group.fr, presse@acme-group.fr, "01 00 00 00 00"]
  competitors: [Globex, Initech]
"""


def charter_from(yaml_text: str, tmp_path: Path | None = None, name: str = "charter.yaml") -> Charter:
    """A charter from inline YAML, written to a file when a folder is given (for file/line errors)."""
    text = textwrap.dedent(yaml_text)
    if tmp_path is None:
        return Charter.from_yaml(text)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Charter.load(path)


@pytest.fixture(scope="session")
def acme() -> Charter:
    return Charter.from_yaml(ACME)


@pytest.fixture(scope="session")
def acme_checker(acme: Charter) -> Checker:
    return Checker(acme)


@pytest.fixture(scope="session")
def acme_group_checker() -> Checker:
    """The shipped acme-group charter (competitors Globex and Initech), as the tone suites read it."""
    return Checker(Charter.load(str(Path(__file__).resolve().parents[1] / "policies" / "acme-group.yaml")))


@pytest.fixture(scope="session")
def default_checker() -> Checker:
    """The shipped default charter, every rule."""
    return Checker(Charter.load("default"))


def tone_findings(checker: Checker, text: str, lang: str) -> list[tuple[str, str, str]]:
    """(rule, severity, span) of every tone finding at warn or block (hints left out)."""
    report = checker.check(text, lang=lang)
    return [(f.rule, f.severity, f.text) for f in report.findings if f.category == "tone" and f.severity in ("warn", "block")]


def tone_alarms(checker: Checker, text: str, lang: str) -> list[str]:
    """The spans of the tone findings at warn or block (hints left out)."""
    return [span for _, _, span in tone_findings(checker, text, lang)]


def codename_charter(*terms: str, **options: object) -> Checker:
    """A one-rule charter flagging `terms` (options go into the rule)."""
    extra = "".join(f"\n    {k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in options.items())
    return Checker(
        Charter.from_yaml(
            f"""
name: t
rules:
  - id: confidential.codenames
    kind: terms
    category: confidential
    entity: CODENAME
    severity: block
    clause: "2.1"
    terms: {list(terms)!r}{extra}
    message: "{{match}} is a code name"
    examples: {{flag: [x], pass: [y]}}
"""
        )
    )


def inside_rules(charter: Charter) -> Checker:
    """A checker of `charter`'s inside-information rules alone."""
    return Checker(charter.only({r.spec.id for r in charter.rules if r.spec.kind == "inside_information"}))


@pytest.fixture(scope="session")
def inside_default() -> Checker:
    """The default charter's inside-information rules alone."""
    return inside_rules(Charter.load("default"))


def inside_flags(checker: Checker, text: str, lang: str, now: datetime) -> bool:
    """Does `checker` warn or block `text`, read on `now`?"""
    return checker.check(text, lang=lang, now=now).verdict in ("warn", "block")


def inside_rule_charter(tmp_path: Path, rule_options: str = "") -> Path:
    """A charter file with one `inside_information` rule (warn, clause 6.3), `rule_options`
    (YAML, unindented) added to the rule: for the rule's options and their file:line errors."""
    path = tmp_path / "charter.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            name: t
            rules:
              - id: speaking.inside
                kind: inside_information
                category: confidential
                severity: warn
                clause: "6.3"
                message: "{topic} ({cue}): {match}"
                examples: {flag: [x], pass: [y]}
            """
        )
        + textwrap.indent(textwrap.dedent(rule_options), " " * 4),
        encoding="utf-8",
    )
    return path


def every_family_secrets_detector() -> "SecretsDetector":
    """A secrets rule of every family, on the default charter's company: the detector the
    linear-time tests feed adversarial posts to."""
    from charterguard.detectors.secrets import SecretsDetector, SecretsRule
    from charterguard.secrets import FAMILIES

    rule = SecretsRule.model_validate(
        {"id": "s", "kind": "secrets", "category": "secret", "severity": "block", "clause": "3", "message": "m",
         "examples": {}, "families": list(FAMILIES)}
    )
    return SecretsDetector(rule, Charter.load("default").company)


class SecretsFound:
    """What a secrets rule of every family finds in a text, as (family, value) pairs, and the
    same split as the report splits them: credentials, internal infrastructure."""

    def __init__(self) -> None:
        self.detector = every_family_secrets_detector()

    def __call__(self, text: str) -> list[tuple[str, str]]:
        return [(c.family, text[c.start : c.end]) for c in self.detector.candidates(text)]

    def credentials(self, text: str) -> list[tuple[str, str]]:
        from charterguard.secrets import INFRASTRUCTURE_FAMILIES

        return [(family, value) for family, value in self(text) if family not in INFRASTRUCTURE_FAMILIES]

    def infrastructure(self, text: str) -> list[tuple[str, str]]:
        from charterguard.secrets import INFRASTRUCTURE_FAMILIES

        return [(family, value) for family, value in self(text) if family in INFRASTRUCTURE_FAMILIES]


def paths_of_acme(text: str) -> list[str]:
    """The paths found for a company whose internal domain is acme.intra (its name: acme)."""
    from charterguard.secrets import resolve
    from charterguard.secrets.infrastructure import find_infrastructure

    return [text[c.start : c.end] for c in resolve(find_infrastructure(text, ["acme.intra"])) if c.family == "FILE_PATH"]

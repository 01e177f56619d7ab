"""Every finding names exactly the text it is about, and applying its replacement
changes that text only (issue 19: overlapping findings used to merge into their
union, and "apply suggestion" then deleted the user's text around them)."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from charterguard import Charter, Checker
from charterguard.report import Finding, Report

CODENAMES = ["Colibri", "Orion-7", "BlueHarbor", "Nébuleuse", "Kestrel"]
PIECES = [
    "Colibri", "C0libri", "#ProjetColibri", "Orion 7", "B-l-u-e H a r b o r", "Nébuleuse", "kestrel", "Kestrel",
    "06 12 34 56 78", "marie.dupont@gmail.com", "CONFIDENTIEL", "ne pas diffuser", "Acme Group", "#salarié",
    "chiffre d'affaires 12,5 M€", "connard", "😀", "👨‍👩‍👧", "e\u0301", "\u200b", "\u202e", "\n", "  ", ", ", ". ",
    "le projet", "avance", "déployer une solution robuste", "https://wiki.acme.intra/x", "#tech", "@jean",
]


@cache
def checker(codenames: tuple[str, ...]) -> Checker:
    return Checker(Charter.from_yaml(f"extends: default\nname: t\ncompany: {{name: Acme Group, codenames: {list(codenames)!r}}}\n"))


any_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=6)
posts = st.lists(st.sampled_from(PIECES) | any_text, min_size=1, max_size=25).map(" ".join)
charters = st.lists(st.sampled_from(CODENAMES), min_size=1, max_size=5, unique=True).map(tuple)


def applied(post: str, finding: Finding) -> str:
    assert finding.replacement is not None
    return post[: finding.start] + finding.replacement + post[finding.end :]


def assert_span_contract(post: str, report: Report) -> None:
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(post)
        assert finding.text == post[finding.start : finding.end]
        if finding.replacement is None:
            continue
        after = applied(post, finding)
        shift = len(finding.replacement) - (finding.end - finding.start)
        assert after[: finding.start] == post[: finding.start]
        assert after[finding.end + shift :] == post[finding.end :]
        # Every other finding outside this one's span is still there, untouched.
        for other in report.findings:
            if other.end <= finding.start:
                assert after[other.start : other.end] == other.text
            elif other.start >= finding.end:
                assert after[other.start + shift : other.end + shift] == other.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(post=posts, codenames=charters, channel=st.sampled_from([None, "x", "linkedin"]))
# After a bidi override the tone words are read in display order, backwards through the post:
# a finding over several of them once started after it ended.
@example(post="\u202e E:8 E:8 Colibri", codenames=("Colibri",), channel=None)
def test_every_finding_text_is_its_span_and_applying_it_changes_only_that_span(post: str, codenames: tuple[str, ...], channel: str | None) -> None:
    assert_span_contract(post, checker(codenames).check(post, channel=channel, audience="public"))


LONG_X_POST = (
    "Après des mois de travail, notre équipe est fière de vous présenter une avancée majeure pour nos clients : "
    "une plateforme unifiée, plus simple, plus rapide et plus sûre, pensée avec eux et pour eux. Merci à toutes "
    "celles et ceux qui ont contribué à déployer une solution robuste. Colibri avance. Appelez-moi au 06 12 34 56 78."
)


def test_on_an_overlong_x_post_each_finding_keeps_its_own_span() -> None:
    report = checker(("Colibri",)).check(LONG_X_POST, channel="x", audience="public")
    by_rule = {f.rule: f for f in report.findings}
    codename, phone, length = by_rule["confidential.codenames"], by_rule["personal_data.contact"], by_rule["channel.budgets"]
    assert codename.text == "Colibri" and phone.text == "06 12 34 56 78"
    assert length.start <= codename.start and length.end == len(LONG_X_POST)
    assert length.replacement is None  # a budget is not text to replace
    assert applied(LONG_X_POST, codename) == LONG_X_POST.replace("Colibri", codename.replacement or "")
    assert codename.group == phone.group == length.group is not None
    assert "channel.budgets" in codename.also and "personal_data.contact" in codename.also
    assert report.redacted == LONG_X_POST.replace("Colibri", "[projet interne]")
    assert_span_contract(LONG_X_POST, report)


def test_missing_disclosure_is_not_text_to_replace() -> None:
    report = checker(("Colibri",)).check("Les produits d'Acme Group sont géniaux", audience="public")
    (finding,) = [f for f in report.findings if f.rule == "speaking.disclosure"]
    assert finding.text == "Acme Group" and finding.replacement is None
    assert "replacement" not in finding.to_dict()


def test_nested_blocking_findings_redact_the_outer_span() -> None:
    report = checker(("Colibri",)).check("Le wifi : mot de passe: Colibri2026!", audience="public")
    assert "Colibri" not in report.redacted and "2026" not in report.redacted

"""The shipped charter on the cases of issue 19: disclosure, hashtag requirements,
unreleased figures, short French posts, replacements in the post's language."""

from __future__ import annotations

import re

import pytest
from conftest import charter_from

from charterguard import Charter, Checker
from charterguard.text.language import detect_language

ACME = Checker(Charter.load("policies/acme-group.yaml"))
ENTITY_CODE = re.compile(r"\[[A-Z_]{3,}\]")  # "[PERSON]", "[OFFENSIVE]"


def rules(post: str, **kwargs: object) -> dict[str, list[str]]:
    report = ACME.check(post, audience="public", **kwargs)  # type: ignore[arg-type]
    out: dict[str, list[str]] = {}
    for finding in report.findings:
        assert post[finding.start : finding.end] == finding.text
        out.setdefault(finding.rule, []).append(finding.text)
    return out


# -- speaking.disclosure ----------------------------------------------------------


@pytest.mark.parametrize(
    "post",
    [
        "Pour toute question, contactez presse@acme-group.fr",
        "Toutes les offres sont sur acme-group.fr/emplois",
        "Le replay est en ligne : https://www.acme-group.fr/evenements/salon",
    ],
)
def test_the_company_s_own_domain_and_contacts_are_not_employer_mentions(post: str) -> None:
    assert "speaking.disclosure" not in rules(post)


@pytest.mark.parametrize(
    "post",
    [
        "Je rejoins l'équipe marketing d'Acme Group lundi !",
        "Excited to start my new role at Acme",
        "Après 5 ans ailleurs, j'ai rejoint Acme Group ce mois-ci",
        "Proud to share that I've joined Acme Group as a data engineer",
    ],
)
def test_announcing_one_s_own_job_is_a_disclosure(post: str) -> None:
    assert "speaking.disclosure" not in rules(post)


def test_the_employer_named_in_a_post_with_an_address_still_needs_a_disclosure() -> None:
    assert rules("Acme Group recrute ! Écrivez à presse@acme-group.fr")["speaking.disclosure"] == ["Acme Group"]


def test_a_plain_word_does_not_satisfy_a_hashtag_requirement() -> None:
    assert rules("Les salariés d'Acme Group sont formidables")["speaking.disclosure"] == ["Acme Group"]
    assert "speaking.disclosure" not in rules("Les équipes d'Acme Group sont formidables #salarié")
    assert "speaking.disclosure" not in rules("Les équipes d'Acme Group sont formidables #Salariés")


def test_overlapping_warnings_are_both_reported() -> None:
    report = ACME.check("Acme Group, c'est la pire boîte de France", audience="public", lang="fr")
    by_rule = {f.rule: f for f in report.findings}
    assert "speaking.disclosure" in by_rule and "tone.disparagement" in by_rule
    assert by_rule["speaking.disclosure"].text == "Acme Group"
    # Each names the text its message is about: the employer, and the judgement on it.
    assert "pire" in by_rule["tone.disparagement"].text and "Acme" not in by_rule["tone.disparagement"].text


# -- confidential.unreleased_figures ---------------------------------------------


@pytest.mark.parametrize(
    ("post", "figure"),
    [
        ("Une belle année : 48 millions d'euros de CA, +22 %", "48 millions d'euros de CA, +22 %"),
        ("Just crossed €3.2M ARR!", "€3.2M ARR"),
        ("Our ARR hit €3.2M this month", "ARR hit €3.2M"),
        ("Le CA du trimestre atteint 48 M€, +22 % sur un an", "CA du trimestre atteint 48 M€, +22 %"),
        ("We closed $12M in new bookings this quarter", "$12M in new bookings"),
    ],
)
def test_unreleased_figures_are_flagged_as_a_whole(post: str, figure: str) -> None:
    assert rules(post)["confidential.unreleased_figures"] == [figure]


@pytest.mark.parametrize(
    "post",
    [
        "Selon notre communiqué de ce matin, CA 2025 1,2 Md€",
        "As announced in our press release, revenue grew to $4.2 million",
        "Comme annoncé hier, le chiffre d'affaires atteint 12,5 M€.",
    ],
)
def test_figures_quoted_from_what_was_published_are_not_flagged(post: str) -> None:
    assert "confidential.unreleased_figures" not in rules(post)


def test_a_published_figure_does_not_clear_another_sentence() -> None:
    post = "Selon notre communiqué, CA 2025 1,2 Md€. En interne, la marge atteint 18 %."
    assert rules(post)["confidential.unreleased_figures"] == ["marge atteint 18 %"]


# -- language and names ------------------------------------------------------------


@pytest.mark.parametrize(
    ("post", "language"),
    [
        ("On recrute 5 devs Python à Lyon !", "fr"),
        ("Merci à tous", "fr"),
        ("Je rejoins Acme lundi", "fr"),
        ("We are hiring 5 Python devs in Lyon!", "en"),
        ("Excited to start my new role at Acme", "en"),
        ("I'm so proud, it's great and I don't want to stop", "en"),
    ],
)
def test_short_posts_get_their_language(post: str, language: str) -> None:
    assert detect_language(post) == language


def test_devs_python_is_not_a_person() -> None:
    report = ACME.check("On recrute 5 devs Python à Lyon !", audience="public")
    assert report.language == "fr"
    assert [f for f in report.findings if f.category == "personal_data"] == []
    english = ACME.check("On recrute 5 devs Python à Lyon !", lang="en", audience="public")
    assert all(f.text != "devs Python" for f in english.findings)


# -- replacements in the post's language -----------------------------------------------


def test_replacements_read_naturally_in_the_post_s_language() -> None:
    fr = ACME.check("Le projet Colibri avance, appelez Marie Dupont au 06 12 34 56 78", audience="public", lang="fr")
    en = ACME.check("The Colibri project is on track, call John Smith at 06 12 34 56 78", audience="public", lang="en")
    fr_replacements = {f.rule: f.replacement for f in fr.findings}
    en_replacements = {f.rule: f.replacement for f in en.findings}
    assert fr_replacements["confidential.codenames"] == "[interne]"  # not "Le projet [projet interne]"
    assert fr.redacted.startswith("Le projet [interne] avance")
    assert en_replacements["confidential.codenames"] == "[internal project]"
    assert fr_replacements["personal_data.names"] == "[nom]" and en_replacements["personal_data.names"] == "[name]"
    assert fr_replacements["personal_data.contact"] == "[contact interne]"
    assert en_replacements["personal_data.contact"] == "[internal contact]"


@pytest.mark.parametrize(
    "post",
    [
        "Ce client est un vrai connard, Marie Durand le sait",
        "Merci Julie pour ton aide sur le dossier !",
        "Notre nouvelle stagiaire habite à Villeurbanne, tout près du bureau",
    ],
)
def test_french_posts_never_get_english_entity_placeholders(post: str) -> None:
    report = ACME.check(post, audience="public", lang="fr")
    assert report.findings
    for finding in report.findings:
        assert finding.replacement is None or not ENTITY_CODE.fullmatch(finding.replacement), finding
    assert not ENTITY_CODE.search(report.redacted)


def test_a_rule_replacement_may_be_one_text_for_every_language(tmp_path) -> None:
    charter = charter_from(
        """
        name: t
        rules:
          - id: confidential.words
            kind: terms
            category: confidential
            severity: block
            clause: "1"
            terms: [Zorglub]
            message: m
            replacement: "[X]"
            examples: {flag: [Zorglub], pass: [rien]}
        """
    )
    assert Checker(charter).check("Zorglub arrive", lang="en").redacted == "[X] arrive"


def test_the_code_name_message_names_the_term_only_when_the_post_wrote_it_otherwise() -> None:
    report = ACME.check("Le projet Colibri avance, et C0libri aussi", lang="fr")
    messages = {f.text: f.message for f in report.findings if f.rule == "confidential.codenames"}
    assert messages["Colibri"].startswith("« Colibri » est le nom de code d'un projet interne :")
    assert "(Colibri)" not in messages["Colibri"]  # the word is not said twice
    assert "« C0libri » est le nom de code d'un projet interne (Colibri) :" in messages["C0libri"]

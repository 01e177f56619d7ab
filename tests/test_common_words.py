"""No ordinary word is flagged: a typo match that is a real word is that word, and a
code name that is itself an ordinary word needs a project context (issue 19)."""

from __future__ import annotations

import pytest
from conftest import codename_charter

from charterguard import Charter, Checker
from charterguard.errors import CharterError

ACME = Checker(
    Charter.from_yaml(
        "extends: default\nname: t\n"
        "company: {name: Acme Group, codenames: [Colibri, Kestrel, Tamaris, Orion-7, BlueHarbor, Nébuleuse]}\n"
    )
)


def codenames(post: str, checker: Checker = ACME) -> list[str]:
    report = checker.check(post, audience="public")
    return [f.text for f in report.findings if f.rule == "confidential.codenames"]


@pytest.mark.parametrize(
    "post",
    [
        "Deux colibris butinaient les fleurs du balcon",
        "Spotted a kestrel hunting over the meadow",
        "Un colibri dans le jardin de mes parents ce matin",
        "A kestrel was nesting in our garden all spring",
        "J'ai planté des tamaris au fond du jardin",
        "Ce document est en Calibri 11",  # a font, one letter from Colibri
        "Le tamarin est un petit singe d'Amazonie",  # a monkey, one letter from Tamaris
        "Vos colis arrivent demain à la librairie",
        "Voyage en Colombie cet été",
        "La constellation d'Orion est visible ce soir",
        "Une nébuleuse planétaire photographiée par le télescope",
        "Colibris et abeilles se partagent le jardin",  # a plural at the start of a sentence
    ],
)
def test_ordinary_words_and_near_misses_are_not_flagged(post: str) -> None:
    assert codenames(post) == []


@pytest.mark.parametrize(
    ("post", "expected"),
    [
        ("Le projet Colibri avance bien", "Colibri"),  # "projet X"
        ("The Kestrel project is on track", "Kestrel"),  # "X project"
        ("Bonjour à toute l'équipe Colibri !", "Colibri"),  # capitalised mid-sentence
        ("Fiers du #colibri cette semaine", "colibri"),  # a hashtag
        ("Kestrel ships to beta customers next week", "Kestrel"),  # launch vocabulary
        ("Les colibris passent en bêta lundi", "colibris"),  # beta, even in lower case
        ("Chez Acme Group, colibri avance à grands pas", "colibri"),  # the company named nearby
        ("Mise à jour : COLIBRI est prêt", "COLIBRI"),  # capitals in a normal post
        ("La démo de C0libri était bluffante", "C0libri"),  # a deliberate disguise
        ("bientôt chez vous : co-li-bri", "co-li-bri"),  # cut into syllables: deliberate too
        ("Le lancement de Nébuleuse approche", "Nébuleuse"),
        ("Le projet Colibrri avance", "Colibrri"),  # a typo that is no word
        ("Colibri arrive !", "Colibri"),  # the name itself, capitalised, opening the post
    ],
)
def test_code_names_that_are_ordinary_words_are_flagged_in_a_project_context(post: str, expected: str) -> None:
    assert codenames(post) == [expected]


def test_a_code_name_that_is_no_ordinary_word_is_flagged_anywhere() -> None:
    assert codenames("blueharbor sera prêt") == ["blueharbor"]


def test_each_code_name_can_say_how_strict_to_be() -> None:
    charter = Charter.from_yaml(
        "extends: default\nname: t\ncompany:\n  name: Acme Group\n"
        "  codenames: [Colibri, {name: Kestrel, match: always}, {name: Zorglub, match: in_context}]\n"
    )
    checker = Checker(charter)
    assert codenames("Spotted a kestrel hunting over the meadow", checker) == ["kestrel"]
    assert codenames("zorglub est revenu", checker) == []
    assert codenames("Le projet zorglub est revenu", checker) == ["zorglub"]
    assert charter.company.values("codenames") == ["Colibri", "Kestrel", "Zorglub"]


def test_a_rule_can_say_how_strict_to_be_for_all_its_terms() -> None:
    checker = codename_charter("Colibri", match="in_context")
    assert checker.check("Un colibri au jardin", lang="fr").findings == []
    assert len(checker.check("Le projet colibri", lang="fr").findings) == 1
    always = codename_charter("Colibri")  # listed terms default to always
    assert len(always.check("Un colibri au jardin", lang="fr").findings) == 1


def test_an_unknown_strictness_is_a_clear_charter_error() -> None:
    with pytest.raises(CharterError, match=r"codenames\[0\]\.entry\.match: Input should be 'always', 'in_context' or 'auto'"):
        Charter.from_yaml("extends: default\nname: t\ncompany: {codenames: [{name: Kestrel, match: sometimes}]}\n")


def test_typo_tolerance_still_flags_typos_that_are_no_words() -> None:
    checker = codename_charter("Colibri", "BlueHarbor")
    assert [f.text for f in checker.check("Colirbi est prêt, blueharbour aussi", lang="fr").findings] == ["Colirbi", "blueharbour"]
    assert checker.check("Ce document est en Calibri 11", lang="fr").findings == []

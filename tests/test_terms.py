"""Code names are found however they are disguised, and only where they really are."""

from __future__ import annotations

import pytest
from conftest import codename_charter

CHECKER = codename_charter("Colibri", "Orion-7", "BlueHarbor", "ne pas diffuser", "confidentiel")


def spans(text: str) -> list[str]:
    return [f.text for f in CHECKER.check(text, lang="fr").findings]


@pytest.mark.parametrize(
    ("post", "expected"),
    [
        ("Le projet Colibri avance", "Colibri"),
        ("Le projet COLIBRI avance", "COLIBRI"),
        ("Fiers du #ProjetColibri !", "Colibri"),
        ("Bravo #TeamColibri", "Colibri"),
        ("#teamcolibri en force", "colibri"),  # inside an all-lowercase hashtag
        ("Merci @colibri_team", "colibri"),
        ("La démo de C0libri était top", "C0libri"),  # leetspeak
        ("La démo de C0l1br1 était top", "C0l1br1"),
        ("Соlibri arrive", "Соlibri"),  # Cyrillic С and о
        ("Co\u200blibri arrive", "Co\u200blibri"),  # zero-width space
        ("C o l i b r i arrive", "C o l i b r i"),
        ("C.o.l.i.b.r.i arrive", "C.o.l.i.b.r.i"),
        ("B-l-u-e H a r b o r est prêt", "B-l-u-e H a r b o r"),
        ("Blue Harbor est prêt", "Blue Harbor"),
        ("Blue-Harbor est prêt", "Blue-Harbor"),
        ("blue_harbor est prêt", "blue_harbor"),
        ("Ｃｏｌｉｂｒｉ arrive", "Ｃｏｌｉｂｒｉ"),  # full-width letters
        ("Orion 7 en production", "Orion 7"),
        ("Orion7 en production", "Orion7"),
        ("Les Colibris arrivent", "Colibris"),  # plural
        ("Colibri's launch", "Colibri"),
        ("Colibrri est prêt", "Colibrri"),  # one typo (insertion)
        ("Colirbi est prêt", "Colirbi"),  # transposition
        ("blueharbour est prêt", "blueharbour"),  # British spelling
        ("document CONFIDENTIELLE", "CONFIDENTIELLE"),  # feminine form
        ("NE PAS DIFFUSER svp", "NE PAS DIFFUSER"),
        ("ne   pas\tdiffuser svp", "ne   pas\tdiffuser"),
        ("Le café Cоlibri\u0301", "Cоlibri\u0301"),  # combining accent belongs to the match
    ],
)
def test_disguised_terms_are_found_with_exact_original_span(post: str, expected: str) -> None:
    assert spans(post) == [expected]


@pytest.mark.parametrize(
    "post",
    [
        "La colibrisation des process",  # contains the term but is another word
        "Un beau projetcolibri",  # glued inside an ordinary word
        "Or ion",  # letters of a term split across real words
        "Orion est une constellation, Orion-8 aussi",  # near miss on a short multi-part name
        "Le harbor est bleu",
        "Nous respectons la confidentialité",
        "Il ne faut pas diffuser",  # 'ne pas diffuser' is not in order here
        "Calibre et colis",
        "",
    ],
)
def test_near_misses_are_not_flagged(post: str) -> None:
    assert spans(post) == []


def test_short_names_get_no_typo_tolerance() -> None:
    checker = codename_charter("Orion")
    assert [f.text for f in checker.check("Orion arrive", lang="fr").findings] == ["Orion"]
    assert checker.check("Orian arrive", lang="fr").findings == []


def test_scores_tell_exact_from_disguised_from_fuzzy() -> None:
    exact, disguised, fuzzy = (CHECKER.check(t, lang="fr").findings[0].score for t in ("Colibri", "C0libri", "Colibrri"))
    assert exact == 1.0 and disguised < exact and fuzzy < disguised


def test_fuzzy_and_inflection_can_be_turned_off() -> None:
    strict = codename_charter("Colibri", fuzzy=False, inflect=False)
    assert strict.check("Colibrri", lang="fr").findings == []
    assert strict.check("Colibris", lang="fr").findings == []
    assert len(strict.check("Colibri", lang="fr").findings) == 1


def test_many_terms_and_repeated_matches() -> None:
    checker = codename_charter(*[f"Projet{i:05d}x" for i in range(5000)], "Colibri")
    report = checker.check("Colibri, encore Colibri, et Projet00042x", lang="fr")
    assert [f.text for f in report.findings] == ["Colibri", "Colibri", "Projet00042x"]

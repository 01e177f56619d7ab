"""A sentence whose subject is "nobody", "nothing", "no one" or « personne », « rien » and whose
verb keeps someone from something forbids that exclusion: it protects the group it names
("Nobody should stop women from applying"). The same exclusion said by someone, or a negative
subject that frees the writer's own side ("nothing should stop us from ..."), stays a finding."""

from __future__ import annotations

import pytest

from charterguard import Charter, Checker

CHECKER = Checker(Charter.load("default"))


def flagged(text: str, lang: str) -> bool:
    return any(f.category == "tone" and f.severity in ("warn", "block") for f in CHECKER.check(text, lang=lang).findings)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nobody should stop women from applying to our engineering jobs.", "en"),
        ("Nothing should prevent older candidates from applying to the graduate scheme.", "en"),
        ("No one should keep disabled colleagues from the night-shift bonus.", "en"),
        ("Personne ne devrait empêcher les femmes de postuler à nos postes d'ingénieur.", "fr"),
        ("Rien ne doit empêcher une salariée enceinte d'être promue.", "fr"),
    ],
)
def test_a_negative_subject_forbids_the_exclusion_it_names(text: str, lang: str) -> None:
    assert not flagged(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We should stop women from applying to engineering jobs.", "en"),
        ("Nothing should stop us from rejecting women for engineering jobs.", "en"),
        ("Il faudrait empêcher les femmes de postuler à l'atelier.", "fr"),
        ("Une personne handicapée ne devrait pas empêcher toute l'équipe d'avancer, on ne recrute plus de handicapés.", "fr"),
    ],
)
def test_the_exclusion_said_by_someone_stays_a_finding(text: str, lang: str) -> None:
    assert flagged(text, lang)

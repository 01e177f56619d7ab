"""Specifications of impostors: a role word with "fake", « faux », « bidon »... names scammers a post
warns against, not colleagues or customers, so a warning about them is no tone finding; the same
role insulted stays one."""

from __future__ import annotations

import pytest
from conftest import tone_alarms

from charterguard import Checker


@pytest.mark.parametrize(("text", "lang"), [
    ("Watch out for phony recruiters promising remote jobs for a deposit.", "en"),
    ("Fake HR managers are emailing candidates for their bank details.", "en"),
    ("Never pay fake recruiters who ask for a training fee.", "en"),
    ("De faux conseillers RH contactent nos candidats pour leurs coordonnées bancaires.", "fr"),
    ("Des recruteurs bidon demandent de l'argent aux candidats, ne répondez pas.", "fr"),
])
def test_a_warning_against_impostors_in_a_role_is_no_finding(acme_group_checker: Checker, text: str, lang: str) -> None:
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Our HR managers are clueless idiots.", "en"),
    ("Our recruiters are fake, lazy frauds.", "en"),  # "fake" said of them, not naming impostors
    ("Nos recruteurs sont des escrocs et des menteurs.", "fr"),
])
def test_the_role_itself_insulted_stays_a_finding(acme_group_checker: Checker, text: str, lang: str) -> None:
    assert tone_alarms(acme_group_checker, text, lang) != []

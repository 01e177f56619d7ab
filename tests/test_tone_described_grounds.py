"""Specifications of protected grounds given by a description and of exclusions said without an
exclusion verb (`MeaningReader._discrimination`, `@protected` / `@disadvantage` of meaning.txt):
a hyphenated description the parse splits ("Polish-sounding", "62-year-old"), a person given by an
age past forty, an age restriction by youth ("only people under 30"), a candidate dismissed by a
stock answer ("Next.", « Non merci »), a hiring rule by "only" (« ne ... que »), a group kept away
from customers. The same words in a fair rule, a dismissal of something else, a company's age or
an ordinary "only" are no finding."""

from __future__ import annotations

import pytest
from conftest import tone_findings


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a hyphenated description of origin or age, split by the parse
        ("Let's just drop applications with Polish-sounding surnames, fewer headaches for the team.", "en"),
        ("Skip the 62-year-old applicants for the warehouse shifts, they slow the line.", "en"),
        # a person given by an age past forty, dismissed by a stock answer
        ("Une commerciale de 52 ans pour le poste ? Non merci, elle ne tiendra pas le rythme des salons.", "fr"),
        ("Applicants over 55 for the support desk? Next. We want energy on the phones.", "en"),
        # a restriction by youth or by "only"
        ("For the new product team I only hire developers under 30, the older ones slow us down.", "en"),
        ("Pour le nouveau plateau, on ne recrute que des moins de 30 ans, les anciens coûtent trop cher.", "fr"),
        # a group kept away from customers, no exclusion verb
        ("Les collègues voilées, pas à l'accueil les jours de visite client, ça ferait mauvaise impression.", "fr"),
        ("Trans staff, not on the front desk during the audit week please, it unsettles visitors.", "en"),
    ],
)
def test_a_described_ground_with_an_exclusion_said_otherwise_is_discrimination(default_checker, text, lang):
    found = tone_findings(default_checker, text, lang)
    assert any(rule == "tone.hate" for rule, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the same words in a fair rule, about a thing, or about the company's age
        ("We only hire people under 30 hours a week for the pilot? No: every contract stays full time.", "en"),
        ("Notre entreprise de 52 ans recrute : non merci aux préjugés, toutes les candidatures sont lues.", "fr"),
        ("Our 50-year-old company only hires on skills, and the team keeps growing.", "en"),
        ("Une imprimante de 45 ans au service paie ? Non merci, on la remplace lundi.", "fr"),
        ("Old laptops for the new hires? Next. Everyone gets a new one on day one.", "en"),
        # a stock answer with no protected ground
        ("Un troisième entretien pour ce poste ? Non merci, on décide cette semaine.", "fr"),
        # a group near customers, welcomed
        ("Nos collègues voilées à l'accueil ont reçu les clients du salon avec le sourire.", "fr"),
        ("Our trans staff on the front desk got the best visitor feedback of the year.", "en"),
        # "only" about something else
        ("We only interview candidates who applied through the careers site, whatever their age.", "en"),
    ],
)
def test_the_same_words_without_a_rule_against_a_ground_stay_clean(default_checker, text, lang):
    assert tone_findings(default_checker, text, lang) == []

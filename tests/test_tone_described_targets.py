"""Specifications of workplace targets named by a description or a less common role word
(`linguistics/data/targets.txt`): customers described by what they buy from the writer's side
(« les grossistes qui nous commandent », "the clinics we equip"), roles such as « RSSI », « DPO »,
"squad", "trainee" and departments such as "treasury" are who a put-down is said of, in the parse
(`Sentence.targets`) and in the learned reading's gate (`names_someone`); a relative clause about
causes, communities or the employer, and the same words said kindly, are not put-downs."""

from __future__ import annotations

import pytest
from conftest import tone_alarms

from charterguard.linguistics import Linguistics, TargetNames
from charterguard.tone.hostility_model import names_someone

NAMES = TargetNames(("Acme Group", "Acme"), ("Globex", "Initech"))


def targets(text: str, lang: str) -> set[tuple[str, str]]:
    linguistics = Linguistics(text, lang)
    return {(t.kind, text[t.start : t.end]) for s in linguistics.parsed(range(len(linguistics.spans))) for t in s.targets(NAMES)}


@pytest.mark.parametrize(("text", "lang", "noun"), [
    ("Les grossistes qui nous commandent paient toujours en retard.", "fr", "grossistes"),
    ("Les cliniques que nous équipons ont renouvelé leur contrat.", "fr", "cliniques"),
    ("The clinics we equip renewed their contracts this spring.", "en", "clinics"),
    ("Retailers that buy from us asked for a new catalogue.", "en", "Retailers"),
])
def test_customers_described_by_what_they_buy_from_us_are_customers(text, lang, noun):
    assert ("customers", noun) in targets(text, lang)
    assert names_someone(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The causes we support this year are literacy and clean water.", "en"),
    ("The company we work for opened a new site in Lille.", "en"),
    ("Les associations que nous soutenons organisent une collecte.", "fr"),
])
def test_a_relative_clause_about_causes_or_the_employer_names_no_customers(text, lang):
    assert not any(kind == "customers" for kind, _ in targets(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    # customers described, run down
    ("Les pharmacies que nous livrons sont tenues par des rapaces sans cervelle.", "fr"),
    ("Honestly the gyms we fit out are run by the most dishonest bunch of cheapskates I've ever met.", "en"),
    # roles and departments the lists now know
    ("Notre DPO est un petit dictateur ridicule qui bloque tout pour exister.", "fr"),
    ("Leila's whole design squad are clueless clowns, not one mock-up works.", "en"),
])
def test_a_put_down_of_a_described_customer_or_a_listed_role_is_flagged(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Les pharmacies que nous livrons nous ont remerciés pour la rapidité des livraisons.", "fr"),
    ("The gyms we fit out voted us supplier of the year, thank you all!", "en"),
    ("Notre DPO a animé un super atelier sur le RGPD, merci à elle.", "fr"),
    ("Leila's design squad shipped the new onboarding flow a week early.", "en"),
])
def test_the_same_targets_said_kindly_stay_clean(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang", "kind", "word"), [
    ("Nos grossistes sont des escrocs qui paient à cent vingt jours.", "fr", "customers", "grossistes"),
    ("Our wholesalers are crooks who pay at 120 days.", "en", "customers", "wholesalers"),
    ("Mon N+2 est un incapable notoire.", "fr", "colleague", "N+2"),
])
def test_wholesalers_and_second_line_managers_are_targets_and_their_put_downs_flagged(acme_group_checker, text, lang, kind, word):
    assert (kind, word) in targets(text, lang)
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Nos grossistes paient à trente jours, merci à eux.", "fr"),
    ("Our wholesalers pay on time, hats off to them.", "en"),
    ("Mon N+2 a validé le budget en une heure.", "fr"),
    ("Mon N+2 n'est pas un incapable, il a sauvé le trimestre.", "fr"),
])
def test_wholesalers_and_second_line_managers_said_kindly_or_denied_stay_clean(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []

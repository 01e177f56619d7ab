"""Specifications of round s18-tone (2026-12-03): a description denied whole ("anything but",
« n'avoir rien d'un »), a denial before a sentence read as a threat, a prejudice label denied
by the writer (no counter-speech), employment decisions judged a loss, others put first,
people told to leave their job or scheduled out, informal negation without « ne », a bad time
promised to people left unnamed, wits denied by litotes, and targets: the topic a demonstrative
or a pronoun stands for, a French topic with a space before its colon, customers by what we do
for them, developers, unions and civil servants. Each mechanism with contrasts."""

from __future__ import annotations

import pytest
from conftest import tone_alarms

from charterguard.linguistics import Linguistics, TargetNames

# -- a description denied whole --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Our new shift lead is anything but a lazy supervisor. She covered three nights in a row.", "en"),
    ("Notre nouvelle DRH n'a rien d'une harpie. Elle reçoit chacun sans rendez-vous.", "fr"),
])
def test_anything_but_and_nothing_of_deny_the_description(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Our new shift lead is anything but competent. A lazy fraud who sleeps on shift.", "en"),
    ("Notre chef n'a rien d'un génie, c'est un abruti.", "fr"),
])
def test_what_follows_the_denied_description_stays(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


# -- a prejudice label denied by the writer defends the rule ---------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("On écarte les candidates voilées pour l'accueil. C'est pas de la discrimination, c'est de la prudence.", "fr"),
    ("We bin the CVs of applicants over 60. That's not discrimination, that's realism.", "en"),
])
def test_a_denied_prejudice_label_is_no_counter_speech(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Nous ne tolérons aucune discrimination : les candidates voilées sont reçues comme les autres.", "fr"),
    ("We don't tolerate discrimination: applicants over 60 are never binned.", "en"),
])
def test_a_condemnation_that_is_no_predicate_still_counters(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- employment decisions: judged a loss, others first, told to leave, scheduled out ---------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Recruter un technicien de 57 ans pour ce chantier, ce serait du gâchis.", "fr"),
    ("Hiring anyone past 50 for the warehouse is a waste of money.", "en"),
    ("Pour les postes de nuit, priorité aux candidats de moins de 30 ans.", "fr"),
    ("Priority goes to family men for the overtime shifts.", "en"),
    ("Les magasiniers de plus de 55 ans devraient laisser la place aux jeunes.", "fr"),
    ("Warehouse staff over 55 should step aside for younger hires.", "en"),
    ("We avoid scheduling anyone who keeps the Sabbath on the Saturday rota.", "en"),
    ("Les intérimaires qui portent le voile, je les rappelle plus.", "fr"),
])
def test_employment_decisions_against_a_protected_ground_warn(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Recruter un consultant pour ce chantier, ce serait du gâchis.", "fr"),
    ("Hiring an agency for the warehouse move is a waste of money.", "en"),
    ("Pour les livraisons de nuit, priorité aux clients fidèles.", "fr"),
    ("Priority goes to the oldest tickets in the queue.", "en"),
    ("Après douze ans à la tête du service, je devrais laisser la place aux jeunes.", "fr"),
    ("We avoid scheduling meetings on the Saturday rota.", "en"),
    ("Les intérimaires qui portent le voile, je les rappelle toujours en premier.", "fr"),
])
def test_the_same_decisions_without_a_ground_or_a_disadvantage_pass(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- a bad time promised to people left unnamed -----------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Si on me retire encore mes congés, des gens au service paie vont passer un sale quart d'heure.", "fr"),
    ("If my overtime gets cut again, people in payroll are going to have a really bad day.", "en"),
])
def test_a_bad_time_promised_under_the_writers_condition_is_a_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Si la grève des trains continue, des gens vont passer un sale quart d'heure dans les transports.", "fr"),
    ("If the snow keeps up, people are going to have a really bad day on the roads.", "en"),
])
def test_a_bad_time_forecast_under_no_ones_condition_is_none(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- wits denied by litotes ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Nos nouveaux prestataires ? Franchement, ce ne sont pas des lumières.", "fr"),
    ("The new temps on the line aren't exactly the sharpest bunch.", "en"),
])
def test_wits_denied_by_litotes_are_an_insult(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Ce ne sont pas des lumières LED, ce sont des halogènes.", "fr"),
    ("These aren't the sharpest knives we stock, but they are the cheapest.", "en"),
])
def test_the_literal_words_are_none(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- targets ---------------------------------------------------------------------------------------

NAMES = TargetNames(employer=("Acme",), competitors=("Globex", "Initech"))


def kinds(text: str, lang: str, k: int = 0) -> list[tuple[str, str]]:
    linguistics = Linguistics(text, lang)
    sentence = linguistics.parsed([k])[0]
    return [(t.kind, text[t.start : t.end]) for t in sentence.targets(NAMES)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Les commerçants qu'on surveille la nuit se plaignent.", "fr", ("customers", "commerçants")),
    ("The towers we guard at night are empty.", "en", ("customers", "towers")),
    ("Les fonctionnaires de la préfecture ont signé.", "fr", ("customers", "fonctionnaires")),
    ("The devs shipped the fix.", "en", ("colleague", "devs")),
])
def test_target_words(text, lang, expected):
    assert expected in kinds(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Les commerçants qu'on croise le matin se plaignent.", "fr"),
    ("This is dev work, not ops.", "en"),
])
def test_no_target_in_look_alikes(text, lang):
    assert not [k for k, _ in kinds(text, lang) if k in ("customers", "colleague")]


def test_a_french_topic_may_set_a_space_before_its_colon():
    linguistics = Linguistics("Un conseil pour nos comptes publics : ce ne sont pas des rapides.", "fr")
    assert linguistics.topic_of(1) == 0
    assert Linguistics("Un conseil pour nos comptes publics dans toute la région : ils paient.", "fr").topic_of(1) is None


@pytest.mark.parametrize(("text", "lang"), [
    ("Un conseil pour nos comptes hospitaliers : parlez doucement, ce ne sont pas des lumières.", "fr"),
])
def test_a_demonstrative_stands_for_the_topic(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


def test_naming_read_despite_the_lemmatiser(acme_group_checker):
    # « traite » lemmatised as « traire »: the naming is still reported, not said
    assert tone_alarms(acme_group_checker, "On traite les fonctionnaires de planqués. C'est faux, ils ont bouclé 3 000 dossiers.", "fr") == []
    assert tone_alarms(acme_group_checker, "Les fonctionnaires de la préfecture sont des planqués.", "fr") != []


# -- swearing at a thing: the link word is the described noun's own --------------------------------

def test_an_epithet_of_a_thing_followed_by_another_phrase_is_swearing(acme_group_checker):
    assert tone_alarms(acme_group_checker, "Saloperie de machine à café au deuxième, en panne depuis lundi.", "fr") == []
    assert tone_alarms(acme_group_checker, "Ce crétin de magasinier, en retard depuis lundi.", "fr") != []

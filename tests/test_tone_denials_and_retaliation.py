"""Specifications of round s15-tone2 (2026-12-03): a judgement reported then denied by an elliptical
answer ("They're not."), what someone feels or judges themselves to be ("she felt stupid"), swearing
nouns said of a situation, the writer's comment after an insult reported as said, and threats by
insinuation or consequence: misfortune befalling whoever acts against the writer, the writer
coming armed under an ultimatum, bodily harm said as the healer the one addressed will need or as
being made to eat one's own things; a degrading noun referring back to people ("these parasites").
Each mechanism with contrasts (the same words affirmed, a game, a tool used for its purpose, pests)."""

from __future__ import annotations

import pytest
from conftest import tone_alarms

# -- a reported judgement, then an elliptical denial ---------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Everyone says the warehouse crew is slow. They aren't. They just lack forklifts.", "en"),
    ("Some folks claim our interns are lazy. They're really not: they stay late every sprint.", "en"),
    ("Certains disent que les caissières sont fainéantes. Elles ne le sont pas, elles enchaînent les heures.", "fr"),
])
def test_a_reported_judgement_denied_by_an_elliptical_answer_is_no_insult(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    # the same report, agreed with
    ("Everyone says the warehouse crew is lazy. They're right, the crew is a bunch of lazy idiots.", "en"),
    # no report: the writer's own judgement stands
    ("Les caissières de ce magasin sont des fainéantes, toutes.", "fr"),
])
def test_a_judgement_agreed_with_or_asserted_stays(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


# -- what someone feels or judges themselves to be ------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Our new hire told me he felt so stupid during his first code review. He asked the best questions.", "en"),
    ("My teammate considers herself an idiot with spreadsheets; she's the one who fixed the budget file.", "en"),
    ("Mon stagiaire se sentait vraiment nul après la démo, alors qu'il a tout sauvé.", "fr"),
    ("Ma voisine de bureau se trouve idiote en anglais. Elle se débrouille très bien.", "fr"),
])
def test_what_someone_feels_about_themselves_is_no_insult(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    # an obligation before the verb: the writer judges the one addressed
    ("After that demo you should feel stupid, @Lena.", "en"),
    ("Tu devrais te sentir idiot après une démo pareille.", "fr"),
    # the writer's own judgement of someone, no feeling
    ("Our new intern is so stupid in code reviews.", "en"),
])
def test_a_judgement_of_someone_else_stays(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


# -- swearing said of a situation -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The parking situation at the new site is total bullshit.",
    "That delay at the airport was pure horsesh*t, missed my connection.",
])
def test_a_swear_noun_said_of_a_situation_is_no_insult(acme_group_checker, text):
    assert tone_alarms(acme_group_checker, text, "en") == []


def test_a_swear_noun_said_to_someone_stays(acme_group_checker):
    assert tone_alarms(acme_group_checker, "You are a lying piece of shit, @Rob.", "en") != []


# -- the writer's comment after an insult reported as said ------------------------------------------

@pytest.mark.parametrize("text", [
    'A visitor called our receptionist "a brainless cow". Our site lead asked him to leave. Proud of that team.',
    "A caller called our intern an idiot on the phone. The supervisor took the call over. That's leadership.",
])
def test_the_comment_after_a_reported_insult_is_no_target_of_it(acme_group_checker, text):
    assert tone_alarms(acme_group_checker, text, "en") == []


def test_a_reported_insult_then_agreed_with_stays(acme_group_checker):
    text = 'A visitor called our receptionist "a brainless cow". Honestly, our receptionist is a brainless idiot.'
    assert tone_alarms(acme_group_checker, text, "en") != []


# -- threats by insinuation or consequence -----------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    # misfortune befalling whoever acts against the writer
    ("Strange how accidents happen to people who complain to the union about me.", "en"),
    ("Curieux comme ceux qui me dénoncent à la direction finissent par avoir des ennuis.", "fr"),
    # the writer coming armed, under an ultimatum, no one named
    ("One more weekend on-call and I'm bringing a crowbar to the retro.", "en"),
    ("Encore une réunion à 19h et je viens avec une batte, et pas pour jouer.", "fr"),
    # the healer the one addressed will need
    ("@Rita one more joke about my accent and you'll need stitches.", "en"),
    # made to eat one's own things
    ("@Hugo si tu retouches à mon tableau, tu vas bouffer ta souris.", "fr"),
])
def test_a_threat_by_insinuation_or_consequence_is_aggression(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # misfortune befalling people defined by what they do, not against the writer
    ("Funny how accidents happen to people who skip the safety briefing.", "en"),
    # a tool brought for its purpose, a game, a weapon in no ultimatum
    ("One more rainy weekend and I'm bringing an axe to chop firewood at the cabin.", "en"),
    ("One more home win and I'm bringing my bat to the softball final.", "en"),
    ("Encore un week-end de pluie et je ramène une hache pour couper du bois.", "fr"),
    # the dentist as a place, not a harm: no ultimatum
    ("I'll need a dentist next week, my crown came loose.", "en"),
])
def test_harm_words_without_a_threat_stay_clean(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- a degrading noun referring back to people --------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Migrants camped behind the depot again. Lock the vans, these vermin take everything.", "en"),
    ("Des migrants dorment derrière l'entrepôt. Fermez tout, ces parasites volent tout ce qui traîne.", "fr"),
])
def test_a_degrading_noun_referring_back_to_people_is_hate(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # pests, no people before
    ("Aphids are back on the roses. These parasites will strip the plants bare by June.", "en"),
    # one person before, a plural noun after: the noun names other things
    ("A new intern joined today. These rats in the basement keep chewing the cables.", "en"),
    ("Une meute de loups a été vue dans le Vercors cette semaine.", "fr"),
])
def test_a_degrading_noun_for_animals_stays_clean(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- a livelihood the writer vows to ruin ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("You went to HR behind my back. I will make sure no company in this town ever hires you again.", "en"),
    ("Tu m'as balancé au boss : je ferai en sorte que personne dans la région ne t'embauche.", "fr"),
])
def test_a_vow_to_ruin_someones_livelihood_is_aggression(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # the same vow, of help
    ("I'll make sure the agency hires you again next summer, you were great.", "en"),
    ("Je ferai en sorte que l'agence te reprenne l'été prochain, tu as été super.", "fr"),
])
def test_a_vow_to_help_someone_be_hired_stays_clean(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []

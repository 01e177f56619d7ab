"""Specifications of round s17-tone (2026-12-03): swearing at a period of business time, words
talked about rather than used (listed after a noun for words, or reported as heard by someone
else), a loss the writer's own side is forecast to suffer, intimidation without a violent word
(knowing someone's way home or home address, property catching fire, blood or a bad time promised
under a condition), a candidate refused by an outraged rhetorical answer or kept from applying,
and a quality of an equal degree said of no one else ("never met anyone as X"). Each mechanism
with contrasts (the same words used, said by the writer, harmless look-alikes)."""

from __future__ import annotations

import pytest
from conftest import tone_alarms

# -- swearing at a period of business time ---------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("What a shitshow of a year, honestly. Here's to a calmer one.", "en"),
    ("Well, that was a sh*tshow of a sprint. Retro on Monday.", "en"),
    ("Crap traffic, crap printer, crap Tuesday. The team still shipped on time.", "en"),
])
def test_swearing_at_a_period_or_at_things_is_no_insult(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("What a shitshow of a manager.", "en"),
    ("Stupid idiots, all of them. The interns again.", "en"),
])
def test_the_same_words_at_people_stay(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


# -- words talked about, not used ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ('Insults such as "retard" or "bitch" have no place on our shop floor.', "en"),
    ("Des insultes comme « grosse vache » et « attardé » ont été entendues en réunion. Inadmissible.", "fr"),
    ('"Go back where you came from" – that is what a cashier of ours heard yesterday. We stand with her.', "en"),
    ("« Retourne dans ton pays » : voilà ce qu'a entendu une de nos livreuses hier. Nous la soutenons.", "fr"),
])
def test_words_listed_or_reported_as_heard_are_mentioned(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ('He is a "retard" and everyone knows it.', "en"),
    ('Our new hire? A total "retard", honestly.', "en"),
    ('"Go back to your country" – that\'s what I think of them.', "en"),
    ("Ce type est un « attardé ».", "fr"),
])
def test_quoted_words_said_of_someone_or_by_the_writer_stay(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


# -- a loss forecast for the writer's own side -----------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("I respectfully disagree with moving the plant. I think we'll lose our best welders. Open to talk.", "en"),
    ("We are going to lose good people over this, I fear.", "en"),
    ("Je crains qu'on perde nos meilleurs techniciens avec ce déménagement.", "fr"),
    ("On va perdre des gens clés, je pense.", "fr"),
])
def test_a_loss_forecast_for_the_writers_side_is_no_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("I think we'll make them pay for this, one by one.", "en"),
    ("You will lose your job and your teeth if you report me.", "en"),
])
def test_a_harm_done_to_others_stays_a_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


# -- intimidation without a violent word -----------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Message au chef d'atelier qui m'a mis de nuit : je connais ton trajet du retour. Bonne soirée.", "fr"),
    ("To the auditor who flagged my expenses: I know your route home. Think about it.", "en"),
    ("Ce serait vraiment dommage que la maison de la DRH prenne feu cet hiver, hein.", "fr"),
    ("Would be a shame if the supervisor's car caught fire in the lot tonight.", "en"),
    ("Si l'équipe de nuit me refait ce coup-là, il va y avoir du sang dans les bureaux.", "fr"),
    ("If the night team touches my tools again, there will be blood in that warehouse.", "en"),
    ("If my bonus is cut, some people on the 3rd floor are going to have a very, very bad day.", "en"),
    ("Si on me retire encore ma prime, certains managers vont passer un sale quart d'heure.", "fr"),
])
def test_intimidation_without_a_violent_word_is_a_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Je connais bien ton trajet, prends la ligne 4, c'est plus rapide.", "fr"),
    ("I know your route to work is long, so feel free to start at ten.", "en"),
    ("Dommage que la voiture de fonction ait pris feu sur l'autoroute, heureusement personne n'a été blessé.", "fr"),
    ("The supervisor's car caught fire on the motorway last night; luckily nobody was hurt.", "en"),
    ("Il y aura du sang au don du sang de jeudi, venez nombreux !", "fr"),
    ("If you missed the film, There Will Be Blood is on tonight.", "en"),
    ("If the build breaks again, the release team will have a rough week of fixing it.", "en"),
    ("Les stagiaires vont passer un mauvais moment avec cet examen, courage à eux.", "fr"),
])
def test_the_same_words_as_advice_news_or_sympathy_are_none(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- a candidate refused by an outraged answer, or kept from applying ------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Une femme voilée à l'accueil ? Et puis quoi encore ?", "fr"),
    ("Une collègue en fauteuil roulant à l'atelier ? Et puis quoi encore, elle va se blesser ?", "fr"),
    ("A guy in a wheelchair on the production line? Over my dead body, he'd slow everyone down.", "en"),
    ("Les Roumains du foyer, il faudrait leur interdire de postuler chez nous.", "fr"),
    ("We should stop those Romanians from applying to our temp jobs.", "en"),
])
def test_a_protected_group_refused_or_kept_from_applying_is_discrimination(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Un stagiaire à l'accueil ? Et puis quoi encore, il connaît déjà tout le monde ?", "fr"),
    ("Il faut empêcher les arnaques aux faux recruteurs : ne postulez que sur notre site.", "fr"),
    ("Our policy bans anyone from applying twice in the same month.", "en"),
])
def test_no_protected_ground_or_no_one_kept_out_is_none(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- a quality of an equal degree said of no one else -----------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Point hebdo avec le responsable des achats : je n'ai jamais croisé quelqu'un d'aussi incompétent.", "fr"),
    ("Sync with the new supervisor today. I have never met anyone as lazy as him.", "en"),
    ("Personne n'est aussi nul que notre chef de projet.", "fr"),
])
def test_never_anyone_as_bad_asserts_it(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Ce n'est pas un si mauvais collègue, au fond.", "fr"),
    ("Notre stagiaire n'est pas aussi nul qu'on le dit.", "fr"),
    ("Our intern is not as lazy as people say.", "en"),
])
def test_a_degree_denied_of_the_one_named_stays_denied(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- a mind counted in a few neurons ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "flagged"), [
    ("Our new team lead has two brain cells and both are on holiday.", "en", True),
    ("Le nouveau chef d'équipe a deux neurones et ils se battent en duel.", "fr", True),
    ("Fun fact from the training: a bee has about one million brain cells.", "en", False),
    ("Le cerveau humain a environ 86 milliards de neurones.", "fr", False),
])
def test_a_mind_counted_in_a_few_neurons(acme_group_checker, text, lang, flagged):
    assert (tone_alarms(acme_group_checker, text, lang) != []) is flagged

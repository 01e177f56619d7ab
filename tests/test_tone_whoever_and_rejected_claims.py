"""Specifications of round s16-tone2 (2026-12-03): claims rejected without a counter word (a
negated opinion, an exhortation to stop saying them, the lowest degree), quotations reported as
someone else's words (by the sentence after them, or with a question inside them), swearing at a
thing named in several words, workers named by their contract, an application not even read as
an employment decision, and threats aimed at whoever does something to the writer. Each mechanism
with contrasts (the same words asserted, said by the writer, safety notices, harmless look-alikes)."""

from __future__ import annotations

import pytest
from conftest import tone_alarms

from charterguard.linguistics import Linguistics

# -- a claim rejected: negated opinion, "stop saying", the lowest degree ------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Je ne crois pas que nos techniciens soient des incapables : ils manquent de pièces.", "fr"),
    ("Je ne pense pas que notre service achats soit peuplé d'abrutis.", "fr"),
    ("I don't think our legal team is full of morons.", "en"),
    ("Arrêtez de dire que les comptables sont des escrocs.", "fr"),
    ("Let's stop saying the night crew are idiots.", "en"),
    ("I don't believe our auditors are morons; they were handed a bad brief.", "en"),
    ("Cessons de dire que les livreurs sont des bourrins, ils font un travail épuisant.", "fr"),
    ("Let's stop calling the night crew idiots. They kept the site running alone.", "en"),
    ("Franchement, nos alternants sont les moins paresseux de tout le service.", "fr"),
    ("Our support crew is the least lazy team in the building.", "en"),
])
def test_a_claim_the_writer_rejects_is_no_insult(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    # the opinion asserted
    ("Je crois que nos techniciens sont des incapables.", "fr"),
    ("Je pense que notre service achats est peuplé d'abrutis.", "fr"),
    ("I think our legal team is full of morons.", "en"),
    # negated opinion, but the insult names its subject: they are still called so
    ("Je ne crois pas que ces crétins du support comprennent le problème.", "fr"),
    # going on saying it
    ("I keep saying our auditors are morons and I won't stop.", "en"),
])
def test_the_same_words_asserted_stay(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


# -- quotations reported as someone else's words --------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("« Retourne chez toi, sale bicot » : voilà ce qu'un client a hurlé à notre caissier. Nous avons porté plainte.", "fr"),
    ("Pour rappel, des phrases comme « t'es pédé ou quoi ? » relèvent du harcèlement, même en plaisantant.", "fr"),
])
def test_a_slur_quoted_and_reported_as_someone_elses_words_is_no_hate(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


def test_the_writer_saying_the_quotation_keeps_it(acme_group_checker):
    assert tone_alarms(acme_group_checker, "« Bande de bougnoules » : c'est ce que je pense d'eux.", "fr") != []


def test_a_question_quoted_inside_a_sentence_does_not_end_it():
    text = "Des remarques comme « tu viens d'où ? » lassent vite. Merci."
    assert len(Linguistics(text, "fr").spans) == 2
    assert len(Linguistics("Tu viens d'où ? Merci.", "fr").spans) == 2


# -- swearing at a thing named in several words ------------------------------------------------

def test_swearing_at_a_thing_named_in_several_words_is_profanity(acme_group_checker):
    assert tone_alarms(acme_group_checker, "Cette saloperie de mise à jour du pilote a planté mon poste.", "fr") == []
    assert tone_alarms(acme_group_checker, "Cette saloperie de stagiaire a planté mon poste.", "fr") != []


# -- workers named by their contract, customers by their institution --------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Nos sous-traitants sont des parasites, il faut tout refaire derrière eux.", "fr"),
    ("Our subcontractors are leeches, every single one of them.", "en"),
    ("Les gars de la hotline sont des larves.", "fr"),
    # a public body we sell to, named by its institution
    ("Réunion avec la préfecture ce matin, une bande d'incapables notoires.", "fr"),
    ("Two hours with the municipality today: a bunch of clueless clowns.", "en"),
])
def test_workers_named_by_their_contract_or_department_and_public_customers_are_targets(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Nos sous-traitants ont livré le chantier en avance, bravo à eux.", "fr"),
    ("Our subcontractors flagged the leak before anyone else did.", "en"),
    ("La mairie a validé notre devis pour l'éclairage du stade.", "fr"),
])
def test_workers_named_by_their_contract_praised_pass(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- an application not even read --------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Plus de 55 ans ? Je n'ouvre même pas le CV.", "fr"),
    ("Passé 50 ans, je ne prends pas la peine de lire leur candidature.", "fr"),
    ("Over 55? I don't even bother reading the resume.", "en"),
])
def test_an_application_not_read_for_a_protected_ground_is_discrimination(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Passé 55 ans, les candidats ont souvent plus d'expérience : je lis toujours leur CV en entier.", "fr"),
    ("I don't read CVs on Fridays, whoever sends them.", "en"),
])
def test_reading_or_not_reading_without_a_protected_ground_passes(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- threats aimed at whoever does something to the writer ---------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Celui qui touche encore à mon bureau rentrera avec deux doigts en moins.", "fr"),
    ("Si ma prime saute encore, je connais quelqu'un qui pourrait bien tomber dans l'escalier.", "fr"),
    ("The next guy who reports me to HR will go home with one tooth fewer.", "en"),
    ("Whoever keeps moving my chair might slip on the stairs one of these days.", "en"),
    # a body dumped, said as where someone will end up
    ("Le livreur de Globex qui bloque notre quai, il va finir dans le fossé s'il recommence.", "fr"),
    ("If that auditor keeps digging, he'll end up at the bottom of the harbour.", "en"),
])
def test_harm_insinuated_for_whoever_acts_against_the_writer_is_a_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Attention, l'escalier est glissant : quelqu'un qui court risque de tomber.", "fr"),
    ("Le prochain qui arrive à l'heure gagne un café.", "fr"),
    ("Anyone who forgets the safety harness might fall from the scaffold.", "en"),
    ("Notre équipe est repartie avec un trophée en moins cette année.", "fr"),
    ("La semaine prochaine, le premier qui finit le module aide les autres.", "fr"),
    ("Careful: anyone who runs in the stairwell might slip on the stairs.", "en"),
    ("Si le client part, nos ventes risquent de chuter de 20 %.", "fr"),
    ("If the client walks away, our sales will fall sharply next quarter.", "en"),
    ("Le camion a fini dans le fossé à cause du verglas.", "fr"),
    ("The old servers will end up in the recycling centre next month.", "en"),
])
def test_safety_notices_contests_forecasts_and_accidents_are_no_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- a misfortune wished as a hypothesis on someone named by a pronoun ---------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("La nouvelle comptable a tout raconté aux prud'hommes. Ce serait dommage qu'il lui arrive quelque chose en sortant.", "fr"),
    ("Shame if something happened to her on the way home, right?", "en"),
])
def test_a_misfortune_wished_as_a_hypothesis_on_someone_is_a_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # regretted as a fact, with sympathy
    ("Quel dommage qu'il leur arrive malheur juste avant les vacances, toutes nos pensées vont à la famille.", "fr"),
    # a safety reminder
    ("Ce serait dommage qu'il lui arrive quelque chose sur la route avec ce verglas, soyez prudents.", "fr"),
    ("Mon fils part en Erasmus : j'espère qu'il ne lui arrivera rien.", "fr"),
])
def test_a_misfortune_regretted_or_feared_for_someone_is_no_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []

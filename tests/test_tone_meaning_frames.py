"""Specifications of the frames of tone by meaning that carry no listed insult: dehumanising
comparisons by kind of vehicle, exclusion of a protected group described in several words,
threats of harm without a violent verb, mocking comparisons; and the readings that keep
swearing, things and restrictive "ne ... que" apart. Wordings of our own."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from charterguard.analysis import Post
from charterguard.charter.rule import Company
from charterguard.detectors.tone import ToneDetector, ToneRule
from charterguard.tone.meaning import cue_lexicon

NOW = datetime(2026, 12, 2, tzinfo=timezone.utc)
COMPANY = Company(name="Acme Group", aliases=["Acme"], competitors=["Globex", "Initech"])
DETECTOR = ToneDetector(ToneRule.model_validate({
    "id": "tone.test", "kind": "tone", "category": "tone", "severity": "warn", "clause": "5",
    "message": "{category}", "examples": {"flag": ["x"], "pass": ["y"]},
    "categories": ["insult", "aggression", "hate", "disparagement_employer", "disparagement_colleagues",
                   "disparagement_customers", "disparagement_competitors"],
}), COMPANY)


def found(text: str, lang: str) -> list[tuple[str, str]]:
    """(entity, text of the span) of every finding at warn level or above."""
    hits = DETECTOR.find(Post(text, language=lang, channel=None, audience=None, now=NOW))
    return [(h.entity, text[h.start : h.end]) for h in hits]


@pytest.mark.parametrize(
    "text, lang, span",
    [
        ("Au dépôt, les intérimaires sont traités comme des nuisibles.", "fr", "nuisibles"),
        ("Les réfugiés débarquent comme des criquets sur nos villages.", "fr", "criquets"),
        ("Ces migrants envahissent le quartier comme de la mauvaise herbe.", "fr", "mauvaise herbe"),
        ("Pour le siège, les livreurs sont du bétail.", "fr", "bétail"),
        ("Refugees spread through the suburbs like termites.", "en", "termites"),
        ("Those foreigners are maggots, all of them.", "en", "maggots"),
    ],
)
def test_people_likened_to_pests_cattle_or_waste_are_dehumanised(text, lang, span):
    assert any(s == span for _, s in found(text, lang)), found(text, lang)


@pytest.mark.parametrize(
    "text, lang, span",
    [
        ("Un candidat en fauteuil roulant ? Inutile de le convoquer.", "fr", "Inutile de le convoquer"),
        ("Les collègues de plus de 60 ans ne devraient pas avoir accès aux nouveaux outils.", "fr", "ne devraient pas avoir accès"),
        ("Pas de candidature avec un prénom à consonance africaine, c'est la règle.", "fr", "Pas de candidature avec"),
        ("Staff over 60 can't handle the new tools.", "en", "can't handle"),
        ("Don't bother promoting pregnant employees this year.", "en", "Don't bother promoting"),
        ("Deaf people belong in the back office, not at the front desk.", "en", "belong in the back office, not"),
    ],
)
def test_exclusion_or_lesser_ability_said_of_a_protected_group_is_hate(text, lang, span):
    assert ("HATE", span) in found(text, lang), found(text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nos collègues de plus de 60 ans ont formé toute l'équipe au nouvel outil.", "fr"),
        ("On passe au point suivant de l'ordre du jour.", "fr"),
        ("Our new ramp means wheelchair users can reach every floor.", "en"),
        ("We welcome candidates with a foreign accent: our customers speak twelve languages.", "en"),
    ],
)
def test_a_protected_group_without_exclusion_or_an_exclusion_phrase_without_group_pass(text, lang):
    assert found(text, lang) == []


@pytest.mark.parametrize(
    "text, lang, span",
    [
        ("S'il me recale encore, le comptable va finir aux urgences.", "fr", "finir aux urgences"),
        ("Je connais son adresse, au chef d'équipe.", "fr", "connais son adresse"),
        ("Keep pushing me and you'll end up in a body bag.", "en", "'ll end up in a body bag"),
        ("I know where that auditor lives.", "en", "know where that auditor lives"),
    ],
)
def test_harm_as_a_consequence_is_a_threat(text, lang, span):
    assert ("THREAT", span) in found(text, lang), found(text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Notre stagiaire a la mémoire d'un poisson rouge.", "fr"),
        ("Our new buyer has the charisma of a turnip.", "en"),
        ("That Initech consultant is as sharp as a bag of hammers.", "en"),
        ("Our intern is too dense to follow a checklist.", "en"),
        ("The customers in Leeds are a bunch of cowboys.", "en"),
    ],
)
def test_mocking_comparisons_aimed_at_someone_are_insults(text, lang):
    assert found(text, lang), text


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Et merde, il pleut sur le parking du salon.", "fr"),
        ("J'ai écrit une phrase stupide hier et elle a fait rire tout le monde.", "fr"),
        ("Notre équipe support est une vraie machine, bravo à elle.", "fr"),
        ("Si la cliente refuse le devis, elle va finir par choisir Globex.", "fr"),
        ("Notre directeur n'a rien d'un menteur : il a tenu parole.", "fr"),
        ("Aucun technicien de l'équipe n'est un fainéant.", "fr"),
        ("A buyer called our rep a \"total clown\" today. We stand with him.", "en"),
    ],
)
def test_swearing_things_refusals_in_conditions_and_negations_pass(text, lang):
    assert found(text, lang) == []


def test_restrictive_ne_que_is_no_negation():
    assert found("Pour le DG, les magasiniers ne sont que des machines sans cerveau.", "fr")


def test_a_refusal_that_is_the_exclusion_does_not_count_as_counter_speech():
    assert any(e == "HATE" for e, _ in found("Je refuse de travailler avec une collègue enceinte.", "fr"))
    assert found("Nous refusons toute discrimination envers les collègues enceintes.", "fr") == []


def test_group_descriptions_do_not_make_a_sentence_worth_parsing():
    gate = cue_lexicon("en").gate
    assert gate.whole.search("wheelchair users") is None and gate.whole.search("can't handle") is not None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Globex ? Une bande de guignols qui vendent du vent et ne livrent rien.", "fr"),
        ("Notre comptable, ce bon à rien fini, a encore perdu les factures.", "fr"),
        ("Our CFO, that spineless clown, cancelled the bonus again.", "en"),
    ],
)
def test_a_comment_on_a_topic_or_an_apposition_is_said_of_its_target(text, lang):
    assert found(text, lang), text


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Le nouveau chef, un incapable ? Pas du tout, il a bouclé le dossier en deux jours.", "fr"),
        ("Our intern, a slacker? Far from it: she closed three deals this week.", "en"),
    ],
)
def test_a_question_denied_by_the_next_sentence_is_no_insult(text, lang):
    assert found(text, lang) == []


def test_a_question_confirmed_by_the_next_sentence_stays_an_insult():
    assert found("Our intern, a slacker? Yes, and a liar too.", "en")
    assert found("Le nouveau chef, un incapable ? Oui, il a encore tout oublié.", "fr")

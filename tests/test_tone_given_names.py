"""Specifications of people named by a given name as targets (`linguistics.is_given_name`: a
proper noun that is a common given name) and of denials by "anything but" / « tout sauf »: a
hostile word said of "Kevin" is an insult as one said of "our manager" is; praise, negation,
reported speech and a given name that is an ordinary word ("rose") are not."""

from __future__ import annotations

import pytest
from conftest import tone_alarms, tone_findings

from charterguard.linguistics import Linguistics, is_given_name


@pytest.mark.parametrize(("text", "lang"), [
    ("Franchement, Mathilde est une incapable, elle perd tous les dossiers.", "fr"),
    ("Kevin, ce boulet, a encore oublié la réunion de lancement.", "fr"),
    ("Honestly, Anthony is a liar and everyone on the floor knows it.", "en"),
    ("Thomas is a walking disaster who breaks every build he touches.", "en"),
    # common short names (added 2026-12-03: no target before)
    ("Tom is a walking liability who ruins every sprint review.", "en"),
    ("Dana is a spineless yes-woman who takes credit for everyone's work.", "en"),
    ("Honestly Derek is a liar and the whole floor knows it.", "en"),
])
def test_a_hostile_word_said_of_someone_named_by_a_given_name_is_an_insult(acme_group_checker, text, lang):
    assert [rule for rule, _, _ in tone_findings(acme_group_checker, text, lang)] != []


@pytest.mark.parametrize(("text", "lang"), [
    # praise and plain news about a named colleague
    ("Thomas est une crème, toujours prêt à aider les nouveaux.", "fr"),
    ("Bravo à Camille, une vraie pro du support client.", "fr"),
    ("Julie is a rock for this team, always calm under pressure.", "en"),
    ("Tom is a real asset, he rebuilt the billing service on his own.", "en"),
    ("Congrats to Nicolas, our new head of logistics!", "en"),
    # negated, or denied by "anything but" / « tout sauf »
    ("Sarah n'est pas une incapable, loin de là.", "fr"),
    ("Julie est tout sauf une incapable, elle a sauvé le projet.", "fr"),
    ("Kevin is anything but a slacker: he stayed until midnight to fix the release.", "en"),
    # a given name that is an ordinary word, not tagged as a name
    ("Rose pâle ou rose vif, ce logo est nul de toute façon.", "fr"),
])
def test_praise_negation_and_look_alikes_of_a_named_person_are_no_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


def test_anything_but_denies_only_what_follows_it(acme_group_checker):
    assert tone_alarms(acme_group_checker, "Kevin is a slacker, anything but reliable.", "en") == ["slacker"]


@pytest.mark.parametrize(("text", "lang", "name", "expected"), [
    ("Kevin est arrivé en retard.", "fr", "kevin", True),
    ("Mark my words, the release slips.", "en", "mark", False),  # a verb
    ("Derek est arrivé en retard.", "fr", "derek", True),  # common names added 2026-12-03 (Tom, Derek, Dana...)
    ("Fallon est arrivé en retard.", "fr", "fallon", False),  # not a common given name of the list
])
def test_is_given_name_reads_proper_nouns_of_the_given_name_list(text, lang, name, expected):
    sentence = Linguistics(text, lang).parsed([0])[0]
    assert any(is_given_name(w) for w in sentence.words if w.form == name) is expected


@pytest.mark.parametrize(("written", "expected"), [
    ("Dana", True), ("Tom", True), ("Mathilde", True), ("Théo", True),
    ("dana", False),  # not written as a name
    ("Fallon", False),  # not a common given name of the list
    ("Rapport", False),
])
def test_one_test_says_whether_a_written_word_is_a_given_name(written, expected):
    from charterguard.linguistics import spells_given_name
    from charterguard.tone.hostility_model import names_someone

    assert spells_given_name(written) is expected
    # the learned reading's gate counts the same names as someone named
    assert names_someone(f"{written} est arrivé en retard.", "fr") is expected

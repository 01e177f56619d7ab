"""Specifications of threats read by structure (`charterguard.tone.meaning.MeaningReader._ultimatum`):
an ultimatum, condition, wish or warning, a harm to someone's body, property or family, and a
person or role it is aimed at, said by the writer or to an @mention, is aggression without any
violent verb; business talk, sport, safety reminders and harm to no one stay clean."""

from __future__ import annotations

import pytest
from conftest import tone_alarms


@pytest.mark.parametrize(("text", "lang"), [
    # a condition addressed to someone, then bodily harm
    ("@Julien si tu touches encore à mon planning, tu finiras aux urgences.", "fr"),
    # a wish of harm about a role
    ("Le commercial qui m'a piqué mon client, j'espère qu'il a pensé à son testament.", "fr"),
    ("The auditor who flagged my expenses, I hope his life insurance is paid up.", "en"),
    # a condition, then harm to a possession
    ("Si le DRH refuse ma rupture conventionnelle, je mets le feu à sa bagnole.", "fr"),
    # "the next one who ...": an ultimatum to a role
    ("The next supervisor who docks my pay is getting his brakes tampered with.", "en"),
    # "keep doing X and ...", with a vocative name
    ("Keep ignoring my emails, Priya, and see what happens to that shiny car of yours.", "en"),
    ("Keep filing complaints about me, Marco, and you will find out what I'm capable of after work.", "en"),
    # veiled, to an @mention named in the sentence before
    ("Lovely garden, @Tom. Would be a shame if something happened to it.", "en"),
])
def test_a_veiled_or_conditional_threat_is_aggression(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # business talk and metaphors of harm to no one
    ("On va tuer ce vieux processus papier et exploser les objectifs du trimestre.", "fr"),
    ("If we keep shipping like this, we'll crush our targets and kill the old backlog.", "en"),
    # a condition and a possession, no harm
    ("Si tu passes à la maison, je te montre ma nouvelle voiture.", "fr"),
    # safety reminders
    ("Si tu ne mets pas ton casque sur le chantier, tu finis aux urgences, je te préviens.", "fr"),
    ("If you leave your car unlocked in the car park, something could happen to it.", "en"),
    # harm in a question, asked for advice
    ("Si un collègue se blesse, faut-il l'emmener aux urgences nous-mêmes ?", "fr"),
    # idioms of fire and party
    ("Si le match est gagné, je vais mettre le feu à l'ambiance ce soir.", "fr"),
    ("Thanks for the lovely dinner, everyone. It would be a shame if something happened to the leftovers, so take some home!", "en"),
])
def test_harm_to_no_one_or_advice_is_no_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []

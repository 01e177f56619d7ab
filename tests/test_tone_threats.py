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


@pytest.mark.parametrize(("text", "lang"), [
    # "one more ... and", the undertaker named as what the one addressed will need
    ("One more comment about my wife, Tobias, and you'll need a surgeon and a priest.", "en"),
    ("Encore une blague sur mon fils, Ludo, et tu auras besoin d'un chirurgien et d'un prêtre.", "fr"),
    # « un X de plus ... et », then bodily harm
    ("Une remarque de plus sur mon accent, Sacha, et tu finis aux urgences.", "fr"),
    # a condition, then someone who will never walk safely again
    ("If the planner moves my shift once more I'll make sure she never gets home safely again.", "en"),
    ("If the auditor reports me I'll make sure he never walks to his car safely again.", "en"),
    # a veiled threat: the addressee's car meeting the writer's weapon
    ("I know which car is yours, and it would be a shame if the tyres met my knife tonight.", "en"),
    ("Je sais quelle est ta voiture, ce serait dommage que tes pneus rencontrent mon couteau.", "fr"),
])
def test_harm_as_the_undertaker_or_the_writer_s_weapon_is_a_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # the same words with no one threatened
    ("One more slice of cake and you'll need a dentist, I warned you 😄", "en"),
    ("Une part de plus et tu auras besoin d'un dentiste, je t'aurai prévenu !", "fr"),
    ("If it rains once more, the parish will need a priest and a roofer for the chapel.", "en"),
    ("After the knee operation, my neighbour never walks the dog alone again, his son goes with him.", "en"),
    ("If you need a knife for the cake, the tyres of the trolley are in the way: take mine.", "en"),
    ("Encore un bug de plus sur la paie et je pose ma démission, franchement.", "fr"),
])
def test_the_same_harm_words_with_no_one_threatened_stay_clean(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []

"""Specifications of dehumanising predication read by meaning (`charterguard.tone.meaning.
MeaningReader._dehumanised`, `charterguard.tone.dehumanising`): people (an identity group, the
homeless, "ces gens") said to be, or treated as, a degrading non-human kind — refuse, vermin,
disease, broken objects, furniture, plants — are dehumanised whatever the metaphor's words, none
of which is on a list. Praise metaphors, self-mockery, things called things, negations,
quotations and counter-speech are not findings."""

from __future__ import annotations

import pytest
from conftest import tone_alarms

from charterguard.tone import dehumanising
from charterguard.tone.meaning import cue_lexicon

pytestmark = pytest.mark.skipif(not dehumanising.encoder_available(), reason="the sentence encoder is not installed")


# None of the metaphors' words is on a cue list (`data/meaning.txt`); where the span is given it
# is the noun phrase read by meaning, elsewhere the learned reading may report the sentence.
@pytest.mark.parametrize(("text", "lang", "span"), [
    # copula, French: the attribute read by meaning
    ("Les personnes âgées sont des plantes vertes qu'on arrose une fois par semaine.", "fr", "plantes"),
    ("Les handicapés sont des serpillières usées qu'on range au placard.", "fr", None),
    # dislocated subject: "X, c'est une Y"
    ("Les migrants, c'est une moisissure qui s'étend.", "fr", "moisissure"),
    # apposition with a disparaging determiner
    ("Les Roms, ces gravats qu'on pousse hors de la ville.", "fr", None),
    # copula, English, with the modifier that makes the kind
    ("Old people are broken appliances you should unplug.", "en", "appliances"),
    ("Migrants are a mildew on our towns.", "en", "mildew"),
    ("Gay people are defective kettles that ought to be thrown out.", "en", None),
    # treated like a thing
    ("Refugees are treated like dented tins at the border, and rightly so.", "en", None),
])
def test_people_called_a_degrading_thing_are_dehumanised(acme_group_checker, text, lang, span):
    alarms = tone_alarms(acme_group_checker, text, lang)
    assert alarms, text
    if span is not None:
        assert any(span in a for a in alarms), alarms


@pytest.mark.parametrize(("text", "lang"), [
    # praise metaphors: non-human, admired
    ("Nos équipes sont des machines de guerre !", "fr"),
    ("Les femmes de l'atelier sont des lionnes.", "fr"),
    ("Our nurses are the rock of this hospital.", "en"),
    ("Women engineers are a treasure for the team.", "en"),
    # people called people
    ("Les jeunes sont l'avenir de la boîte.", "fr"),
    ("Immigrants are our neighbours and our colleagues.", "en"),
    # self-mockery
    ("On Mondays we are zombies, honestly.", "en"),
    # a thing called a thing
    ("This printer is a dinosaur.", "en"),
    ("Ce vieux serveur est une épave.", "fr"),
    # negation and quotation
    ("Immigrants are not garbage, they are our neighbours.", "en"),
    ("Il a écrit « les migrants sont des sacs poubelle » et il a été licencié, à juste titre.", "fr"),
])
def test_praise_self_mockery_things_negation_and_quotes_are_not_dehumanising(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


def test_degrading_kinds_are_told_from_people_and_praise_by_meaning():
    # Phrases on none of the prototype lists: the margin sorts them by kind.
    margins = dehumanising.degrading_margins(
        ["des sacs poubelle", "une moisissure", "defective toasters",
         "des gens bien", "des voisins sympas", "superheroes", "decent people"])
    assert margins is not None
    assert all(m >= dehumanising.MARGIN for m in margins[:3]), margins
    assert all(m < dehumanising.MARGIN for m in margins[3:]), margins


def test_the_reading_is_gated_on_people_and_a_copula_or_comparison():
    # Only sentences with both are parsed for it: a people word alone or a copula alone is not.
    people, predication = cue_lexicon("en").predication
    assert people.starts("the homeless") and predication.starts("they are")
    assert not people.starts("this printer is a dinosaur")

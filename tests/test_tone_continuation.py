"""Specifications of a hostile sentence that names no one and goes on about whom the sentence
before names (`meaning._learned_findings`: the learned reading's gate reads it with that sentence
saying whom it is about, and its target is read there, unless its main clause has a noun for
subject: then it is said of that thing): a put-down of a competitor, a colleague or
the employer said in the next sentence is a finding; praise, a negated judgement, swearing about a
thing and a complaint about a tool after a sentence naming someone are not."""

from __future__ import annotations

import pytest
from conftest import tone_alarms


@pytest.mark.parametrize(("text", "lang"), [
    ("Globex opened a new office downtown. Shame it is run by crooks who hide their fees.", "en"),
    ("Initech just won the council contract. A bunch of cowboys with a laminator and a logo.", "en"),
    ("Notre DRH a présenté le plan social. Une girouette qui tourne au premier coup de vent.", "fr"),
    ("Le nouveau chef de quai est arrivé hier. Un petit tyran qui hurle sur tout le monde.", "fr"),
    ("Globex a encore baissé ses prix. Des charognards qui vivent sur le dos de leurs sous-traitants.", "fr"),
])
def test_a_put_down_in_the_sentence_after_the_one_naming_its_target_is_a_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # praise in the sentence after
    ("We met the Initech sales team at the fair. Lovely people, sharp questions.", "en"),
    ("On a rencontré l'équipe d'Initech au salon. Des gens charmants, des questions pointues.", "fr"),
    # a judgement denied
    ("Globex shipped their new app. It's not a scam, whatever people say on forums.", "en"),
    # a complaint about a thing after a sentence naming a colleague
    ("Our intern fixed the build. The old CI was a dumpster fire anyway.", "en"),
    ("Notre stagiaire a réparé l'imprimante. Cette vieille machine était une calamité de toute façon.", "fr"),
    # a hostile-sounding judgement whose subject is a thing, not whom the sentence before names
    ("Notre responsable a changé le planning. Ce planning est une insulte à l'intelligence.", "fr"),
    ("Our director changed the roster again. This roster is an insult to everyone's intelligence.", "en"),
])
def test_praise_denial_and_complaints_about_things_after_a_named_target_are_no_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []

"""Specifications of hostile words quoted as someone else's (`meaning._hostile_only_in_mention`)
and of name-calling dismissed as untrue (`@condemnation`: « c'est n'importe quoi », "is nonsense"):
a quotation after a verb of speech or writing whose subject is not the writer ("someone scrawled
'...' on the door", « quelqu'un a tagué « ... » sur le portail ») is reported, not said, when the
sentence without it is not hostile; and the writer's answer in the sentence after it names no
target for a post-wide finding. Scare quotes around a word of an insult the writer says, and a
quotation the writer says to someone, stay findings."""

from __future__ import annotations

import pytest
from conftest import tone_alarms


@pytest.mark.parametrize(("text", "lang"), [
    ("Someone scrawled 'immigrants out' on the car park wall. It's been painted over and HR is looking into it.", "en"),
    ("Quelqu'un a tagué « les étrangers dehors » sur le portail du dépôt. C'est effacé, la direction a porté plainte.", "fr"),
])
def test_a_hostile_quotation_reported_as_someone_else_s_writing_is_no_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    # scare quotes inside an insult the writer says
    ("Our 'expert' consultant is a clown who bills us for nothing.", "en"),
    # the writer's own words about someone, a word of them in quotation marks
    ("I told our new manager he is a 'leader' the way a traffic cone is a leader: useless and in the way.", "en"),
])
def test_quotation_marks_around_the_writer_s_own_insult_do_not_remove_it(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Traiter les intérimaires du quai de feignants, c'est n'importe quoi : ils ont sauvé l'inventaire.", "fr"),
    ("Calling the support team 'clueless' is nonsense, they closed every ticket before the audit.", "en"),
])
def test_an_act_of_name_calling_dismissed_as_untrue_is_counter_speech(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    # the name-calling endorsed, not dismissed
    ("Notre chef de quai est un incapable, et ce n'est pas n'importe quoi de le dire.", "fr"),
    ("Honestly our support lead is a clueless clown, and that is not nonsense.", "en"),
])
def test_name_calling_endorsed_stays_a_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []

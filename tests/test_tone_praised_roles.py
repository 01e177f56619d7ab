"""Specifications of a workplace role predicated with praise (`meaning._praised_role`,
`dehumanising.praised_roles`): "X is a <adjective> <role>" read by what its adjectives say of the
role, against prototypes of praised and scorned roles, not as a put-down by its form alone. The
same role with scorn, irony ("so-called") or a put-down beside it stays a finding."""

from __future__ import annotations

import pytest
from conftest import tone_alarms

from charterguard.tone.dehumanising import praised_roles


@pytest.mark.parametrize(("text", "lang"), [
    ("Our lead is a brilliant engineer.", "en"),
    ("Sam is a brilliant engineer who mentors everyone.", "en"),
    ("Notre chef est un ingénieur brillant.", "fr"),
    ("Julie est une développeuse talentueuse.", "fr"),
])
def test_a_role_predicated_with_praise_is_no_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Our lead is a mediocre engineer and a worse colleague.", "en"),
    ("Notre cheffe est une manager exécrable qui hurle sur tout le monde.", "fr"),
    ("Notre nouvelle ingénieure est une incapable notoire.", "fr"),
])
def test_a_role_predicated_with_scorn_stays_a_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


def test_praise_and_scorn_of_a_role_are_told_apart_by_their_adjectives():
    assert praised_roles(["a talented engineer", "une excellente comptable", "a useless engineer",
                          "un manager nul", "a so-called engineer", "a fake engineer"]) == [True, True, False, False, False, False]

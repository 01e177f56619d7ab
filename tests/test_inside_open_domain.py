"""Inside information on ordinary text that is not corporate (issue 12, round 2): words that a
topic shares with everyday speech (a TV series, an exam's results, a sports signing, an iPod), a
past date that frames a narrative, and leaks said in euphemisms. Every wording here is ours; none
is a row of an evaluation corpus."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from charterguard import Charter, Checker
from charterguard.inside.lexicon import matcher_for, parse_entry, tokenize

NOW = datetime(2026, 11, 22, tzinfo=UTC)


@pytest.fixture(scope="module")
def checker() -> Checker:
    charter = Charter.load("default")
    return Checker(charter.only({r.spec.id for r in charter.rules if r.spec.kind == "inside_information"}))


def flagged(checker: Checker, text: str, lang: str) -> bool:
    return checker.check(text, lang=lang, now=NOW).verdict in ("warn", "block")


def found(entry: str, text: str) -> bool:
    return bool(matcher_for((parse_entry(entry, inflect=True),)).find(tokenize(text)))


@pytest.mark.parametrize(
    ("entry", "text", "expected"),
    [
        # A capital letter after a word names a class, as written.
        ("série B", "On boucle notre série B en janvier.", True),
        ("série B", "Cette série b... bof.", False),
        ("série A", "Cette série a trois saisons.", False),
        ("série A", "La série à ne pas rater.", False),
        ("série D", "La meilleure série d'espionnage.", False),
        ("series C", "Our Series C closes soon.", True),
        # An acronym has a plural, no verb forms.
        ("IPO", "The IPOs of the year", True),
        ("IPO", "Mon vieil iPod est mort.", False),
    ],
)
def test_letters_and_acronyms_match_as_written(entry: str, text: str, expected: bool) -> None:
    assert found(entry, text) is expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Franchement la série a perdu son charme, j'espère que la saison 4 sera meilleure.", "fr"),
        ("La série d'animation fera le tour des festivals l'an prochain.", "fr"),
        ("My old iPod will finally get a new battery next week.", "en"),
    ],
)
def test_a_tv_series_or_a_device_is_no_funding_round(checker: Checker, text: str, lang: str) -> None:
    assert not flagged(checker, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Entre nous, on boucle la série C la semaine prochaine : 30 M€.", "fr"),
        ("Between us, our Series B closes next week, $20M.", "en"),
    ],
)
def test_a_funding_round_by_its_letter_is_still_found(checker: Checker, text: str, lang: str) -> None:
    assert flagged(checker, text, lang)

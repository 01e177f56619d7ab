"""`text.literals.NeededWords`: the words a match of a pattern of word alternations must hold. A
text without one of them holds no match (the tone constructions skip `re` for it); a text that
matches always has them."""

from __future__ import annotations

import random
import re

import pytest

from charterguard.text.literals import NeededWords, word_runs
from charterguard.text.normalize import FoldedText
from charterguard.tone.lexicon import constructions
from charterguard.tone.tokens import Tokens

THREAT = re.compile(r"\b(je|on) (vais|va) (te|vous) (plumer|tondre|en faire de la charpie)\b")


def test_the_needs_are_the_bounded_alternations_longest_words() -> None:
    needs = NeededWords(THREAT).needs
    assert frozenset({"plumer", "tondre", "charpie"}) in needs  # "en faire de la charpie": its longest word
    assert frozenset({"je", "on"}) in needs and frozenset({"vais", "va"}) in needs


def test_a_text_without_a_word_of_one_alternation_cannot_match() -> None:
    needs = NeededWords(THREAT)
    said = "bon, je vais te plumer au poker ce soir"
    assert THREAT.search(said) and needs.may_match(word_runs(said))
    # Contrasts: the threat's verb missing, or written as part of another word.
    for harmless in ("je vais te dire un truc", "on va vous plumeriser", "le plumage de ce paon"):
        assert not needs.may_match(word_runs(harmless)), harmless
        assert THREAT.search(harmless) is None


def test_an_alternation_not_closed_by_a_boundary_is_no_need() -> None:
    # "(gif|baffe)" with nothing after it also matches inside "gifler": its words are not whole runs.
    pattern = re.compile(r"\b(une|des) (gif|baffe)")
    needs = NeededWords(pattern)
    assert frozenset({"gif", "baffe"}) not in needs.needs
    assert pattern.search("il a pris une gifle") and needs.may_match(word_runs("il a pris une gifle"))


def test_a_case_insensitive_pattern_has_no_needs() -> None:
    pattern = re.compile(r"\b(kill|hang) (them|him)\b", re.IGNORECASE)
    assert NeededWords(pattern).needs == ()
    assert NeededWords(pattern).may_match(word_runs("KILL THEM"))


def test_words_inside_a_hyphenated_token_are_runs_of_their_own() -> None:
    pattern = re.compile(r"\b(t es) (mort|morte)\b")
    text = "t es mort-vivant ce matin"
    assert pattern.search(text) and NeededWords(pattern).may_match(word_runs(text))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_shipped_constructions_never_lose_a_match(language: str) -> None:
    """Every construction that matches one of these posts (written for this test) keeps it: its
    needs hold there; and ordinary posts lack a need of most constructions."""
    posts = {
        "fr": ["Toi je vais te défoncer la gueule demain", "Retourne dans ton pays, on veut pas de toi",
               "Les migrants sont des parasites", "je vais te mettre une baffe si tu recommences",
               "Réunion d'équipe jeudi : on va faire le point sur la migration des serveurs"],
        "en": ["I'm gonna kill you after the meeting", "someone should shoot that manager",
               "We want him dead", "Our team will kill it at the launch next week, see you there"],
    }[language]
    found = skipped = 0
    for post in posts:
        joined = Tokens.of(FoldedText(post)).joined
        runs = word_runs(joined)
        for construction in constructions(language):
            needs = NeededWords(construction.pattern)
            if construction.pattern.search(joined):
                found += 1
                assert needs.may_match(runs), (post, construction.pattern.pattern[:60])
            skipped += not needs.may_match(runs)
    assert found >= 3  # the threats and slurs above are constructions
    assert skipped > len(posts) * len(constructions(language)) // 2


def test_random_texts_that_match_always_hold_the_needs() -> None:
    rng = random.Random(18)
    words = ["je", "on", "vais", "va", "te", "vous", "plumer", "tondre", "en", "faire", "de", "la", "charpie", "x", "plumer-le"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 9)))
        if THREAT.search(text):
            assert NeededWords(THREAT).may_match(word_runs(text)), text

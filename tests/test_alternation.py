"""`text.alternation.Alternation`: a long alternation searched by first character finds exactly
what `re.finditer` finds on the whole alternation."""

from __future__ import annotations

import random
import re

import pytest

from charterguard.text.alternation import Alternation


def _finditer(alternation: Alternation, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in alternation.whole.finditer(text)]


CASES = [
    # (parts, flags, prefix, text)
    (["nobody\\s+knows", "pas\\s+encore\\s+sign\\w*", "without\\s+telling"], re.I, r"\b", "Nobody knows. C'est PAS encore signé, without telling anyone."),
    # the first alternative that matches at a position wins, not the longest
    (["ab", "abc", "b"], 0, "", "abc abc"),
    (["abc", "ab"], 0, "", "abc ab"),
    # an optional first element: "(?:des )?dirigeants" starts with "d" either way; "(?:l' )?annonce" with "l" or "a"
    (["(?:l['’]\\s*)?annonce", "(?:des\\s+)?dirigeants"], re.I, r"\b", "L'annonce des dirigeants, l’ANNONCE, dirigeants."),
    # zero-width assertions before the first letter
    (["(?<!\\bje\\s)n'en\\s+sait\\s+rien", "(?<!\\bbe\\s)announced"], re.I, r"\b", "je n'en sait rien, il n'en sait rien; to be announced, announced"),
    # alternatives starting with a range or a class (\w)
    (["[a-f]+\\d", "\\w+n't\\s+know", "zz"], re.I, "", "abc1 don't know xz zz Fe2"),
    # a prefix that consumes characters
    (["x+", "y"], 0, "@", "@xx @y @z xy"),
    # case-insensitive letters with more than two cases: the Kelvin sign is a "k", "ſ" an "s"
    (["kilo", "ſtop", "straße"], re.I, r"\b", "\u212aILO KILO STOP stop STRASSE Straße"),
    # accented capitals
    (["[ée]t[ée]", "être"], re.I, r"\b", "ÉTÉ Été été ÊTRE etre"),
]


@pytest.mark.parametrize(("parts", "flags", "prefix", "text"), CASES)
def test_spans_are_those_of_the_whole_alternation(parts: list[str], flags: int, prefix: str, text: str) -> None:
    alternation = Alternation(parts, flags, prefix=prefix)
    assert alternation.by_first_character
    assert alternation.whole.pattern == prefix + "(?:" + "|".join(parts) + ")"
    expected = _finditer(alternation, text)
    assert expected, "the case must find something to compare"
    assert alternation.spans(text) == expected


def test_a_position_no_alternative_can_start_at_is_never_tried() -> None:
    alternation = Alternation(["nobody", "personne"], re.I, prefix=r"\b")
    assert alternation.spans("rien à voir ici, aucun mot") == []
    assert alternation.spans("Personne, NOBODY") == [(0, 8), (10, 16)]


def test_an_alternative_that_may_match_nothing_is_searched_whole() -> None:
    alternation = Alternation(["a*", "b"], 0)
    text = "baab"
    assert not alternation.by_first_character
    assert alternation.spans(text) == _finditer(alternation, text) == [(0, 0), (0, 1), (1, 3), (3, 3), (3, 4), (4, 4)]


def test_an_alternative_starting_with_any_character_is_searched_whole() -> None:
    alternation = Alternation(["[^ ]z", "zz", ".y"], re.I)
    text = "xz zz ay"
    assert not alternation.by_first_character
    assert alternation.spans(text) == _finditer(alternation, text) == [(0, 2), (3, 5), (6, 8)]


def test_back_references_are_searched_whole() -> None:
    alternation = Alternation(["(a)\\1", "(b)\\2"], 0)
    text = "aa bb ab"
    assert not alternation.by_first_character
    assert alternation.spans(text) == _finditer(alternation, text) == [(0, 2), (3, 5)]


def test_inline_flags_are_searched_whole() -> None:
    alternation = Alternation(["(?i:abc)", "xyz"], 0)
    text = "ABC xyz XYZ"
    assert not alternation.by_first_character
    assert alternation.spans(text) == _finditer(alternation, text) == [(0, 3), (4, 7)]


_PIECES = ["a", "b", "é", "É", "k", "K", "\\s", "\\w", "\\d", "[ab]", "[^a]", "(?:ab|c)", "x?", "(?:de )?", "(?<!a)", "\\b", ".", "[b-d]"]
_ALPHABET = "aAbBcCdDéÉkK\u212a1 ,.x"


def test_random_alternations_find_what_re_finds() -> None:
    """Random alternations over letters, sets, optional and zero-width elements, on random
    texts (a fixed seed): the same spans as `re.finditer`, with and without IGNORECASE."""
    rng = random.Random(13)
    by_first_character = 0
    for _ in range(400):
        parts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))]
        flags = rng.choice([0, re.I])
        prefix = rng.choice(["", r"\b", r"(?<!\S)"])
        alternation = Alternation(parts, flags, prefix=prefix)
        by_first_character += alternation.by_first_character
        for _ in range(5):
            text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30)))
            assert alternation.spans(text) == _finditer(alternation, text), (parts, flags, prefix, text)
    assert by_first_character >= 100  # most of them exercise the search by first character


def test_a_character_gets_only_the_alternatives_that_may_start_with_it_in_their_order() -> None:
    alternation = Alternation(["[b-d]og", "cat", "\\d+ km", "cow"], 0, prefix="(?<!\\S)", suffix="(?!\\S)")
    for_c = alternation.for_character("c")
    assert for_c is not None and for_c.pattern == "(?<!\\S)(?:[b-d]og|cat|cow)(?!\\S)"
    assert for_c.match("cow") and not for_c.match("cows")  # the suffix holds for each alternative
    seven = alternation.for_character("7")
    assert seven is not None and seven.pattern == "(?<!\\S)(?:\\d+ km)(?!\\S)"
    assert alternation.for_character("z") is None  # no alternative starts with it
    assert alternation.for_character("c") is for_c  # compiled once


def test_an_alternative_of_unknown_start_is_offered_for_every_character() -> None:
    # ".x" may start with anything: it stays among the alternatives of every character, in its place.
    alternation = Alternation(["ab", ".x", "bb"], 0)
    assert not alternation.by_first_character  # `spans` searches it whole
    assert [p.pattern if p else None for p in map(alternation.for_character, "abz")] == ["(?:ab|.x)", "(?:.x|bb)", "(?:.x)"]
    assert alternation.spans("zx ab bb") == _finditer(alternation, "zx ab bb") == [(0, 2), (3, 5), (6, 8)]


def test_alternatives_that_cannot_be_told_apart_are_always_offered_whole() -> None:
    # Back-references: leaving a part out would renumber the groups after it.
    alternation = Alternation(["(a)\\1", "(b)\\2"], 0)
    assert alternation.for_character("a") is alternation.for_character("z") is alternation.whole


def test_a_position_gets_only_the_alternatives_its_first_two_characters_may_begin() -> None:
    alternation = Alternation(["nul(?:le)?", "nous", "noir", "nazi", "n\\w+", "[0-9]+ km"], 0, prefix="(?<!\\S)", suffix="(?!\\S)")
    noir = alternation.for_beginning("un chat noir", 8)
    assert noir is not None and noir.pattern == "(?<!\\S)(?:nous|noir|n\\w+)(?!\\S)"  # "n\\w+": its second letter unknown
    assert alternation.for_beginning("nazi", 0).pattern == "(?<!\\S)(?:nazi|n\\w+)(?!\\S)"  # type: ignore[union-attr]
    assert alternation.for_beginning("12 km", 0).pattern == "(?<!\\S)(?:[0-9]+ km)(?!\\S)"  # type: ignore[union-attr]
    assert alternation.for_beginning("zut", 0) is None
    assert alternation.for_beginning("noix", 0) is noir  # compiled once per choice


def test_words_tried_one_by_one_find_what_re_finds() -> None:
    """`starts_at` on the word starts of random texts: the starts of `re.finditer`'s matches, where
    a match ends past the next word start (a phrase) and where several alternatives begin alike."""
    rng = random.Random(18)
    words = ["nul", "nulle", "nous", "noir", "nazi", "non", "n", "de", "des", "dé", "12", "km", "x"]
    parts = ["nul(?:le)?", "nous (?:de|des)", "noir", "n[ao]\\w*", "d[eé]s?", "\\d+ km", "non"]
    alternation = Alternation(parts, 0, prefix="(?<!\\S)", suffix="(?!\\S)")
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        starts = [m.start() for m in re.finditer(r"\S+", text)]
        assert alternation.starts_at(text, starts) == [m.start() for m in alternation.whole.finditer(text)], text


def test_a_case_insensitive_alternation_reads_ascii_pairs_in_lower_case() -> None:
    # "ſtop" begins with a letter re folds with "s": it is tried at every pair, as any alternative
    # whose first character is not ASCII; a pair that is not ASCII goes by its first character.
    alternation = Alternation(["stop", "ſtop", "start", "\u212ailo"], re.I, prefix=r"\b")
    st = alternation.for_beginning("STOP", 0)
    assert st is not None and st.pattern == "\\b(?:stop|ſtop|start)"
    assert alternation.for_beginning("Kilo", 0).pattern == "\\b(?:\u212ailo)"  # type: ignore[union-attr]
    text = "STOP ſtop Start \u212aILO kilo sTaRt"
    assert alternation.spans(text) == _finditer(alternation, text) == [(0, 4), (5, 9), (10, 15), (16, 20), (21, 25), (26, 31)]

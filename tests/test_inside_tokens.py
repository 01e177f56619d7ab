"""`inside.lexicon.tokenize`: a post's words, folded (case and accents aside), with their offsets;
an amount written with its unit in one word reads as the unit ("40M" -> "m")."""

from __future__ import annotations

from charterguard.inside.lexicon import Token, tokenize
from charterguard.text.normalize import fold_words


def test_words_are_folded_with_their_offsets() -> None:
    text = "Fusion signée : l'Équipe de Nîmes"
    tokens = tokenize(text, offset=10)
    assert [t.text for t in tokens] == ["fusion", "signee", "l", "equipe", "de", "nimes"]
    assert all(text[t.start - 10 : t.end - 10] == t.raw and t.text == fold_words(t.raw) for t in tokens)
    assert tokens[1] == Token("signee", "signée", 17, 23)


def test_an_amount_with_its_unit_reads_as_the_unit() -> None:
    tokens = tokenize("On lève 40M, puis 2bn et 3,5Mds ; 12k abonnés")
    assert [t.text for t in tokens] == ["on", "leve", "m", "puis", "bn", "et", "3", "mds", "k", "abonnes"]
    assert tokens[2].raw == "40M"


def test_numbers_and_words_with_digits_that_are_no_amount_stay_as_written() -> None:
    # A year, a number before letters that are no unit ("5min"), a digit after letters, a superscript
    # (folded as a digit: "10²" reads "102", no amount).
    tokens = tokenize("En 2026, 5min de pause, le Q2 et 10² de marge")
    assert [t.text for t in tokens] == ["en", "2026", "5min", "de", "pause", "le", "q2", "et", "102", "de", "marge"]


def test_tokens_are_immutable_and_compare_by_value() -> None:
    token = tokenize("Rachat")[0]
    assert token == Token("rachat", "Rachat", 0, 6) and hash(token) == hash(Token("rachat", "Rachat", 0, 6))
    try:
        token.text = "x"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a token can be changed")

"""The folded view of a post maps every folded letter back to the original text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from charterguard.text.normalize import FoldedText, _fold_each, _fold_plain, fold_letters, reading_view, without_marks


def test_fold_removes_case_accents_lookalikes_and_separators() -> None:
    assert fold_letters("Élodie CAFÉ") == "elodiecafe"
    assert fold_letters("Соlibri") == "colibri"  # Cyrillic
    assert fold_letters("ﬁnance") == "finance"  # ligature
    assert fold_letters("Œuvre") == "oeuvre"


def test_digits_stay_digits_outside_words() -> None:
    assert fold_letters("2026 Q3") == "2026qe"  # 'Q3' mixes letters and digits: read as letters
    assert fold_letters("C0libri 42") == "colibri42"


def test_offsets_survive_emoji_combining_marks_and_crlf() -> None:
    text = "😀 Cafe\u0301\r\nÉté"
    folded = FoldedText(text)
    assert folded.chars == "cafeete"
    start, end = folded.to_original(0, 4)
    assert text[start:end] == "Cafe\u0301"
    start, end = folded.to_original(4, 7)
    assert text[start:end] == "Été"


def test_spaced_letters_join_into_one_word_but_short_words_do_not() -> None:
    assert len(FoldedText("C o l i b r i").words) == 1
    assert len(FoldedText("il y a").words) == 3  # only two one-letter words in a row


def test_camel_case_and_hashtags_mark_boundaries() -> None:
    folded = FoldedText("#ProjetColibri")
    assert folded.is_boundary(6) and not folded.is_hard_boundary(6)
    assert folded.words[0].flags & 1  # HASHTAG


# Characters that exercise every branch of the fold: cases, accents, ligatures, look-alikes,
# digits and leet, joiners, tags, masks, invisible and combining characters, flags, entities.
_FOLD_PIECES = st.sampled_from(
    [" ", "  ", "\n", "-", "#", "@", "'", "’", ".", ",", "Colibri", "colibri", "ProjetColibri", "HTTPServer", "ABc", "aB",
     "Élise", "ÉQUIPE", "Bravo!", "!!", "wow!!great", "h!1", "$10", "**", "a**", "f**k", "C*o*l", "|",  "œuvre", "Straße", "ǅ", "ª", "²", "C0l1br1", "4", "$", "!", "|", "€", "*", "f*ck", "C o l", "B-l-u-e",
     "раураl", "ᴄᴏʟ", "\u200b", "\u0301", "e\u0301", "🇫🇷", "😀", "&eacute;", "%43", "\u202e", "Co-\nli", "x", "Z"]
)  # fmt: skip


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(_FOLD_PIECES, max_size=30))
def test_a_plain_text_is_folded_word_at_a_time_exactly_as_character_by_character(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = _fold_plain(text)
    if plain is not None:
        assert plain == _fold_each(text, list(range(len(text))), list(range(1, len(text) + 1)))
    if all(c.isascii() and c not in "$!|*&%" for c in text) or all(c in "Élise aB-#@😀" for c in text):
        assert plain is not None  # the fast way is taken for ordinary text


def test_most_posts_are_plain_and_fold_as_before() -> None:
    post = "Très fiers de l'équipe #ProjetColibri : merci à @Marie et à l'HTTPServer, rendez-vous le 12/03 😀 !"
    assert _fold_plain(post) is not None
    assert _fold_plain("Micro$oft") is None and _fold_plain("f**k") is None  # leet and masks inside words: the long way
    folded = FoldedText(post)
    assert folded.chars.startswith("tresfiersdelequipeprojetcolibri")
    at = folded.chars.index("colibri")
    assert folded.has_tags and post[slice(*folded.to_original(at, at + 7))] == "Colibri"
    assert folded.is_boundary(folded.chars.index("colibri")) and not folded.is_hard_boundary(at)  # camelCase


def test_an_ampersand_or_percent_sign_that_starts_no_entity_or_escape_reads_as_written() -> None:
    text = "R&D : +50 % & 100%"
    assert reading_view(text)[0] is text
    assert reading_view("caf&eacute; 100%25")[0] == "café 100%"


def test_without_marks_drops_every_combining_mark_and_nothing_else() -> None:
    # accents of decomposed Latin letters, marks of other scripts; letters, emoji, guillemets stay
    decomposed = unicodedata.normalize("NFKD", "Été « déjà » à Zürich, ça va 🎉 — עִבְרִית, हिन्दी, Ελληνικά")
    expected = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert without_marks(decomposed) == expected
    assert without_marks("e\u0301te\u0301 \u05b4x") == "ete x"
    assert without_marks("plain ascii") == "plain ascii"
    assert without_marks("a\u034fb") == "a\u034fb"  # the grapheme joiner, in the accents' block, is no mark


@given(st.text())
@settings(max_examples=400)
def test_without_marks_is_the_character_by_character_definition(text: str) -> None:
    for form in (text, unicodedata.normalize("NFKD", text)):
        assert without_marks(form) == "".join(c for c in form if not unicodedata.combining(c))

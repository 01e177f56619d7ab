"""The folded view of a post maps every folded letter back to the original text."""

from __future__ import annotations

from charterguard.text.normalize import FoldedText, fold_letters


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

"""Every disguise that still reads as a code name is caught, in the shared
normalisation, and the finding's span is exactly the disguised text (issue 19)."""

from __future__ import annotations

import pytest
from conftest import codename_charter

from charterguard.text.normalize import FoldedText

CHECKER = codename_charter("Colibri", "BlueHarbor", "Orion-7")


def found(post: str) -> list[str]:
    report = CHECKER.check(post, lang="fr")
    assert all(post[f.start : f.end] == f.text for f in report.findings)
    return [f.text for f in report.findings]


@pytest.mark.parametrize(
    ("family", "post", "expected"),
    [
        ("right-to-left override", "Le projet \u202eirbiloC\u202c avance", "\u202eirbiloC\u202c"),
        ("right-to-left override to the end of the line", "Le projet \u202eirbiloC\nsuite", "\u202eirbiloC"),
        ("Unicode tag characters", "Le projet C\U000e0041olibri avance", "C\U000e0041olibri"),
        ("tag characters everywhere", "C\U000e0020o\U000e0020l\U000e0020ibri avance", "C\U000e0020o\U000e0020l\U000e0020ibri"),
        ("combining grapheme joiner U+034F", "Le projet Co\u034flibri avance", "Co\u034flibri"),
        ("word joiner and LRM", "Le projet Col\u2060ib\u200eri avance", "Col\u2060ib\u200eri"),
        ("variation selector", "Le projet Coli\ufe0fbri avance", "Coli\ufe0fbri"),
        ("Hangul filler", "Le projet Coli\u3164bri avance", "Coli\u3164bri"),
        ("small capitals", "Le projet ᴄᴏʟɪʙʀɪ avance", "ᴄᴏʟɪʙʀɪ"),
        ("small capitals mixed", "Le projet Cᴏʟɪʙʀɪ avance", "Cᴏʟɪʙʀɪ"),
        ("syllable hyphens", "Le projet Co-li-bri avance", "Co-li-bri"),
        ("non-breaking hyphens", "Le projet Co\u2011li\u2011bri avance", "Co\u2011li\u2011bri"),
        ("a line break inside", "Le projet Coli\nbri avance", "Coli\nbri"),
        ("a hyphenated line break", "Le projet Coli-\r\nbri avance", "Coli-\r\nbri"),
        ("repeated separators", "Le projet C  o  l  i  b  r  i avance", "C  o  l  i  b  r  i"),
        ("asterisks between letters", "Le projet C*o*l*i*b*r*i avance", "C*o*l*i*b*r*i"),
        ("mixed separators", "Le projet C.o-l i_b/r.i avance", "C.o-l i_b/r.i"),
        ("spaced separators", "Le projet C - o - l - i - b - r - i avance", "C - o - l - i - b - r - i"),
        ("separated leetspeak", "Le projet C-0-L-1-B-R-1 avance", "C-0-L-1-B-R-1"),
        ("decimal HTML entity", "Le projet &#67;olibri avance", "&#67;olibri"),
        ("hexadecimal HTML entity", "Le projet &#x43;o&#x6C;ibri avance", "&#x43;o&#x6C;ibri"),
        ("named HTML entity", "Le projet Col&iacute;bri avance", "Col&iacute;bri"),
        ("URL-encoding", "Le projet %43olibri avance", "%43olibri"),
        ("URL-encoded UTF-8 and spaces", "Le%20projet%20Col%C3%ADbri%20avance", "Col%C3%ADbri"),
        ("regional-indicator letters", "Le projet 🇨🇴🇱🇮🇧🇷🇮 avance", "🇨🇴🇱🇮🇧🇷🇮"),
        ("two-word name with hyphens", "Le projet Blue-Har-bor avance", "Blue-Har-bor"),
    ],
)
def test_each_disguise_family_is_caught_with_its_exact_span(family: str, post: str, expected: str) -> None:
    assert found(post) == [expected], family


@pytest.mark.parametrize(
    "post",
    [
        "Rendez-vous peut-être sous l'arc-en-ciel",  # ordinary hyphenated words
        "Col ibri",  # a space between two parts is not a disguise
        "Coli\n\nbri",  # a paragraph break is not a line wrap
        "Remise de 50% ce soir, 100% café",  # '%' not followed by an escape stays a '%'
        "R&D; Q&A; AT&T; &#;",  # '&' that is no entity stays an '&'
        "🇫🇷 Fiers de notre équipe",  # a flag is not a word of a post
    ],
)
def test_what_looks_like_a_disguise_but_is_not(post: str) -> None:
    assert found(post) == []


def test_applying_a_replacement_over_a_right_to_left_run_reads_left_to_right() -> None:
    post = "Le projet \u202eirbiloC\u202c avance"
    (finding,) = CHECKER.check(post, lang="fr").findings
    assert post[: finding.start] + "[x]" + post[finding.end :] == "Le projet [x] avance"


def test_a_flag_glued_to_a_word_does_not_hide_it() -> None:
    assert found("🇫🇷Colibri avance") == ["Colibri"]
    assert FoldedText("🇫🇷 bonjour").chars == "frbonjour"


def test_masked_words_keep_their_masks() -> None:
    assert FoldedText("f*ck").chars == "f*ck" and FoldedText("j****e").chars == "j****e"
    assert FoldedText("C*o*l*i").chars == "coli"

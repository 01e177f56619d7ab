"""Inside information on ordinary text that is not corporate (issue 12, round 2): words that a
topic shares with everyday speech (a TV series, an exam's results, a sports signing, an iPod), a
past date that frames a narrative, and leaks said in euphemisms. Every wording here is ours; none
is a row of an evaluation corpus."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import inside_flags

from charterguard import Checker
from charterguard.inside.lexicon import matcher_for, parse_entry, tokenize

NOW = datetime(2026, 11, 22, tzinfo=UTC)


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
def test_a_tv_series_or_a_device_is_no_funding_round(inside_default: Checker, text: str, lang: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Entre nous, on boucle la série C la semaine prochaine : 30 M€.", "fr"),
        ("Between us, our Series B closes next week, $20M.", "en"),
    ],
)
def test_a_funding_round_by_its_letter_is_still_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Said ahead, but of no company: no issuer whose information it could be.
        ("Les résultats du brevet tombent vendredi, courage à tous les collégiens !", "fr"),
        ("Le club va recruter un ailier cet été, la signature est attendue jeudi.", "fr"),
        ("Results of the county spelling bee will be posted tomorrow morning.", "en"),
        ("The sequel will take over every screen in town this weekend, calling it now.", "en"),
    ],
)
def test_a_topic_said_ahead_of_no_company_is_no_finding(inside_default: Checker, text: str, lang: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # The same shapes, said from or of a company: its staff, bodies, market, shareholders.
        ("Les résultats du semestre tomberont sous le budget, le cours va souffrir jeudi.", "fr"),
        ("Le conseil va débarquer le directeur général avant l'été.", "fr"),
        ("The half-year results will miss guidance and the stock will take a hit.", "en"),
        ("The board is going to replace the chief executive before the summer.", "en"),
        # A non-public cue needs no company word: the writer knows what is not announced.
        ("A recall of 3,000 defective scooters is planned for March, nothing has been announced.", "en"),
    ],
)
def test_a_topic_said_ahead_of_a_company_is_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Public only from a later moment, or nothing said yet: a secrecy cue, with or without a company word.
        ("Tour de 12 M€ bouclé, pas officiel avant la conférence de lundi.", "fr"),
        ("Seed round of $4M closed, not official until the blog post on the 3rd.", "en"),
        ("Rappel de 2 000 unités défectueuses prévu en mars, rien d'annoncé pour l'instant.", "fr"),
    ],
)
def test_public_only_later_is_secrecy(inside_default: Checker, text: str, lang: str) -> None:
    report = inside_default.check(text, lang=lang, now=NOW)
    assert report.verdict == "block"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A closure said as an image.
        ("Entre nous, la boutique de Niort met la clé sous la porte au printemps.", "fr"),
        ("Notre dépôt de Brest fermera définitivement en avril, les équipes l'apprendront lundi.", "fr"),
        ("Keep this to yourself: the Akron depot is shut for good after Easter.", "en"),
        ("They're pulling the plug on our Tucson site in May; staff hear about it next week.", "en"),
        # A departure said in everyday words.
        ("Notre DAF est sur le départ, le conseil le dira aux salariés après l'été.", "fr"),
        ("Our CTO is on her way out; nobody outside the board knows yet.", "en"),
        # The writer holding back what follows.
        ("On rachète un concurrent en Bavière, j'en dirai pas plus 😉", "fr"),
        ("We're buying a rival in Ohio next month, can't tell you which.", "en"),
        # Analysts as those who will be told, not as a source of hearsay.
        ("Les prévisions annuelles seront revues en baisse, on l'annoncera aux analystes après le conseil.", "fr"),
        # A place after a preposition is no company acting: "les collègues de Vierzon".
        ("Pour les collègues de Rodez c'est fini : le site va fermer cet été, personne n'est au courant.", "fr"),
    ],
)
def test_a_leak_in_everyday_words_is_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # The same words, no leak: public, general, or a source of hearsay about another company.
        ("Le cinéma du quartier a baissé le rideau en 2019, quelle tristesse.", "fr"),
        ("Selon les analystes, les objectifs annuels de Globex ne seront pas tenus.", "fr"),
        ("I can't say much about the finale without spoilers, but the season was great.", "en"),
        ("As announced this morning, our CFO is on her way out; thank you Anna for eight great years.", "en"),
    ],
)
def test_the_same_words_without_a_leak_are_no_finding(inside_default: Checker, text: str, lang: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A past year as the sentence's time: the future of a narrative, not of today.
        ("En 2011, notre label signera avec lui trois albums de suite.", "fr", False),
        ("Le studio sera, en 2008, racheté par notre groupe pour 40 millions.", "fr", False),
        ("In March 2016 our founders will buy out their first rival, a story told in the book.", "en", False),
        # A past year compared with what lies ahead, or a year to come: still the future.
        ("Comme en 2019, on va fermer l'usine de Blois en mars.", "fr", True),
        ("Like in 2021, our plant in Reno will be shut down in March.", "en", True),
        ("Notre usine de Blois va fermer en mars 2027.", "fr", True),
    ],
)
def test_a_past_year_frames_a_narrative(inside_default: Checker, text: str, lang: str, expected: bool) -> None:
    assert inside_flags(inside_default, text, lang, NOW) is expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The French numbers of a period, known inside before they are out.
        ("Les chiffres du S1 circulent en interne, disons que la bourse va tousser.", "fr", True),
        ("The Q2 numbers landed internally this morning and they are not pretty.", "en", True),
        ("Les chiffres du T2 sont publiés ce matin : lien vers le communiqué.", "fr", False),
        ("Les chiffres du chômage sortent demain, on verra bien.", "fr", False),
        # The founder as the one who runs the company.
        ("Notre fondatrice passe la main à la rentrée, le conseil l'annoncera en septembre.", "fr", True),
        ("Our co-founder is stepping aside next month; the team hasn't been told yet.", "en", True),
    ],
)
def test_numbers_and_founders_in_other_words(inside_default: Checker, text: str, lang: str, expected: bool) -> None:
    assert inside_flags(inside_default, text, lang, NOW) is expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "I" alone speaks from a person; "we" and a company's meetings speak from a company.
        ("I will buy Zelda the day it comes out, no regrets.", "en", False),
        ("Je vais racheter Mario Kart demain, le mien est rayé.", "fr", False),
        ("We will buy Zelkor Labs next quarter, the term sheet is ready.", "en", True),
        ("The chair will step down at the AGM and the CEO will take both roles.", "en", True),
        ("Le président passera la main à l'assemblée générale de juin.", "fr", True),
        # Holding back, said in the first person: a secrecy cue.
        ("The €40M raise goes out in ten days, till then I'm saying nothing.", "en", True),
    ],
)
def test_who_speaks_a_person_or_a_company(inside_default: Checker, text: str, lang: str, expected: bool) -> None:
    assert inside_flags(inside_default, text, lang, NOW) is expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Won in everyday words; slang for layoffs with the people; a supplier swallowed.
        ("L'appel d'offres de la Région est dans la poche, 12 M€, mais on attend la notification officielle.", "fr", True),
        ("The hospital tender is ours, $30M, and nobody outside the bid team knows yet.", "en", True),
        ("Ils vont virer 45 salariés à Niort en février, le CSE le saura la semaine d'avant.", "fr", True),
        ("On va avaler notre distributeur belge avant l'été, chut 🤫", "fr", True),
        # Spoken French without "ne": nobody noticed, the press has seen nothing yet.
        ("La nouvelle gamme de vélos sortira en mai, la presse n'a encore rien vu.", "fr", True),
        ("Le plan pour fermer l'agence de Pau est bouclé, personne a capté.", "fr", True),
        # The same words, no leak.
        ("Il faut virer les doublons du fichier clients avant lundi.", "fr", False),
        ("Ce match ? Dans la poche dès la 20e minute, bravo les Bleus.", "fr", False),
    ],
)
def test_more_everyday_words(inside_default: Checker, text: str, lang: str, expected: bool) -> None:
    assert inside_flags(inside_default, text, lang, NOW) is expected

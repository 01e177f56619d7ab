"""Inside information said in shorter or sideways words (issue 12, round s15): who does not know said with the
fact elided ("Nobody knows.", "personne sait.", "the market hasn't."), the person concerned not knowing yet
whatever stands between ("doesn't know he's the old boss yet"), nobody told or nobody having heard of it, the
writer withholding the fact or its reason ("can't say it", "pas le droit de le dire"), nothing announced
without "yet"; a decision taken whose act lies ahead ("has decided to close"), told of our management; a unit
sold ("selling our logistics arm", "vendre sa branche"), an executive's exit, a listing by its prospectus, jobs
said by the chairs that go; and cue words with a second sense read in their secrecy sense only (insider,
spoiler, scoop, « en off », quietly). Every wording here is ours; none is an evaluation or training row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from charterguard import Checker
from charterguard.inside.evidence import non_public_evidence
from charterguard.inside.lexicon import cue_senses

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def verdict(checker: Checker, text: str, lang: str) -> str:
    return checker.check(text, lang=lang, now=NOW).verdict


@pytest.mark.parametrize(
    "text",
    [
        "Boss out Friday. Nobody knows.",
        "Directeur parti, remplaçant lundi, personne sait.",
        "The person they're replacing doesn't know she's being replaced yet.",
        "Le directeur commercial ne le sait pas encore.",
        "A coupon nobody's heard of yet.",
        "No one has told the regulator.",
        "Personne n'a prévenu les hôpitaux.",
        "Une fête dont personne n'a entendu parler.",
        "The regulator knows. Investors have seen nothing.",
        "The works council has been told. The market hasn't.",
        "Les analystes n'ont rien vu.",
        "Officiellement, rien n'est annoncé.",
        "Nothing's been announced.",
        "We won it. Can't say it.",
        "Can't tell them why.",
        "Pas le droit de le dire.",
        "On n'a pas encore le droit d'en parler.",
        "Je ne peux vraiment pas t'en dire plus.",
        "Je ne peux pas vous dire pourquoi.",
    ],
)
def test_who_does_not_know_and_what_is_held_back_are_read_in_short_wordings(text: str) -> None:
    assert [e.kind for e in non_public_evidence(text)] == ["restricted"]


@pytest.mark.parametrize(
    "text",
    [
        # The thing nobody knows is said: no fact elided.
        "Nobody knows the weather in Brest.",
        # The writer's own ignorance, no secret kept from anyone.
        "On ne sait pas encore où aura lieu le séminaire.",
        "Nobody told me the canteen was shut on Friday!",
        # Thanks said over and over.
        "I can't say it enough: thank you all.",
        "Investors have seen it all before.",
    ],
)
def test_ordinary_sentences_near_those_shapes_are_not_read(text: str) -> None:
    assert non_public_evidence(text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We're shutting the Hull depot in April. Nobody knows."),
        ("fr", "On ferme l'agence de Niort en avril. Personne sait."),
        ("en", "The Leeds plant closes in March and the union doesn't know it yet."),
        ("en", "Our Q3 revenue missed by 12%. The market hasn't."),
        ("fr", "Notre chiffre d'affaires du T3 rate de 12 %, les investisseurs n'ont rien vu."),
        ("en", "We're losing the Halden contract at the end of the year. Nobody's been told."),
        ("fr", "On a perdu le contrat Halden. Pas le droit de le dire."),
        ("fr", "Notre directrice financière part en mars, officiellement rien n'est annoncé."),
        ("en", "We won the ministry tender. Can't say it yet."),
    ],
)
def test_a_fact_said_beside_such_a_shape_is_blocked(inside_default: Checker, lang: str, text: str) -> None:
    assert verdict(inside_default, text, lang) == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Apparently the exec team has decided to close the Lyon plant."),
        ("fr", "Il paraît que notre direction a décidé de fermer l'agence de Niort."),
        ("fr", "Il paraît que la direction a décidé de fermer l'usine de Lyon."),
    ],
)
def test_hearsay_about_a_decision_of_our_management_is_ours(inside_default: Checker, lang: str, text: str) -> None:
    assert verdict(inside_default, text, lang) != "pass"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Apparently Globex's board has decided to close their Lyon plant."),
        ("fr", "Il paraît que la direction de Vantor a décidé de fermer l'usine de Reims."),
        # Decided and done long ago.
        ("en", "In 2015 the exec team decided to close the Lyon plant."),
    ],
)
def test_a_decision_of_another_company_or_of_the_past_is_no_finding(inside_default: Checker, lang: str, text: str) -> None:
    assert verdict(inside_default, text, lang) == "pass"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We're selling our chemicals arm to a private equity fund, signing next month."),
        ("fr", "Notre groupe va vendre sa branche emballage à un concurrent, signature en mars."),
        ("en", "Our CFO's exit will be announced with the Q3 numbers."),
        ("en", "Bankers and lawyers in the room all day finalising our prospectus; listing slot booked for June."),
        ("fr", "Au service client, pas mal de chaises vont disparaître d'ici l'été."),
    ],
)
def test_a_unit_sold_an_exit_a_prospectus_and_chairs_that_go_are_topics(inside_default: Checker, lang: str, text: str) -> None:
    assert verdict(inside_default, text, lang) != "pass"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Each word without its companion: a product brochure, furniture sold, an emergency exit, arm wrestling.
        ("en", "Our product prospectus for the trade fair is printed, see you at stand B12 next week."),
        ("fr", "On vend nos vieilles chaises de bureau à prix cassé la semaine prochaine."),
        ("en", "Next week we'll repaint the emergency exit signs on every floor."),
        ("en", "We sold our arm-wrestling trophies at the charity auction."),
        # Chairs gone in the past: no restructuring ahead.
        ("fr", "Les chaises du hall ont disparu pendant le week-end, merci de les rapporter."),
    ],
)
def test_the_same_words_without_their_companion_are_no_finding(inside_default: Checker, lang: str, text: str) -> None:
    assert verdict(inside_default, text, lang) == "pass"


@pytest.mark.parametrize(
    ("lang", "secret", "other"),
    [
        ("en", "Insider tip: the merger of our two Lyon sites is done.", "Our insider guide to the merger of our two Lyon sites is done."),
        ("en", "Spoiler: our Lyon and Dijon sites merge.", "Spoiler for the season finale: the two rival firms merge."),
        ("en", "Scoop: our Lyon and Dijon sites merge.", "A scoop of ice cream to celebrate: our Lyon and Dijon sites merge."),
        ("fr", "En off, nos sites de Lyon et Dijon fusionnent.", "Voix en off : nos sites de Lyon et Dijon fusionnent."),
        ("en", "Quietly, our Lyon and Dijon sites merge.", "Quietly proud: our Lyon and Dijon sites merge."),
    ],
)
def test_a_cue_with_a_second_sense_counts_in_its_secrecy_sense_only(inside_default: Checker, lang: str, secret: str, other: str) -> None:
    assert verdict(inside_default, secret, lang) == "block"
    assert verdict(inside_default, other, lang) == "pass"


def test_the_words_after_an_entry_can_say_its_sense() -> None:
    senses = cue_senses("secrecy")
    assert "guide" in senses["insider"].unless_before and "proud" in senses["quietly"].unless_before
    assert "voix" in senses["en off"].unless_after and senses["de l interieur"].before == frozenset()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Analysts are betting that the whole sector will cut guidance after the winter. Rough week to be in investor relations."),
        ("fr", "Les analystes parient que tout le secteur revoie ses prévisions à la baisse cette année."),
    ],
)
def test_a_whole_sector_said_to_lie_ahead_is_no_company_s_fact(inside_default: Checker, lang: str, text: str) -> None:
    assert verdict(inside_default, text, lang) == "pass"


def test_the_same_forecast_said_of_our_company_is_still_one(inside_default: Checker) -> None:
    assert verdict(inside_default, "We will cut our guidance after the winter, the market has no idea yet.", "en") != "pass"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Sat next to Thomas at the printer: Q3 revenue lands 20% under guidance and the market has no idea."),
        ("fr", "Déjeuner avec Sophie de la compta : le dépôt de Hull ferme en mars, le personnel sera prévenu après Noël."),
    ],
)
def test_a_colleague_named_before_the_fact_makes_no_rumour_of_it(inside_default: Checker, lang: str, text: str) -> None:
    assert verdict(inside_default, text, lang) != "pass"


def test_another_company_named_before_the_fact_still_does(inside_default: Checker) -> None:
    text = "Sat next to Thomas at the printer: Globex's Q3 revenue lands 20% under guidance and the market has no idea."
    assert verdict(inside_default, text, "en") == "pass"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Pot de départ prévu pour notre DG le 12, officiellement rien n'est annoncé."),
        ("en", "Booked the room for our CEO's leaving party on the 20th. Nothing's been announced yet, so not a word."),
    ],
)
def test_an_executive_s_farewell_kept_before_the_departure_is_announced_is_the_departure(inside_default: Checker, lang: str, text: str) -> None:
    assert verdict(inside_default, text, lang) == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The party is the secret: a surprise.
        ("fr", "Pot de départ de notre DG vendredi, c'est une surprise, chut !"),
        ("en", "Our CFO's leaving party is on Friday, it's a surprise so keep it quiet!"),
        ("en", "Shh, surprise leaving party for our COO on Friday!"),
        # A colleague's farewell: no executive, no topic.
        ("fr", "Pot de départ de Martine vendredi, personne ne le sait, chut !"),
    ],
)
def test_a_surprise_farewell_stays_a_party(inside_default: Checker, lang: str, text: str) -> None:
    assert verdict(inside_default, text, lang) == "pass"

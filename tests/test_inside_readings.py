"""Inside information read by the sense and the shape of a few words (issue 12, round s14b): a cue entry
with a second, harmless sense counts only in its secrecy sense, by its neighbours ("un tuyau de l'intérieur",
not "le ministre de l'intérieur"; a project's code name, not a spy's); "secret" or "confidential" said of the
topic as its predicate or among its attributes; a half-year said "for the half"; a past time that is only the
term of a comparison ("far worse than last year"); hearsay about a governing body of ours ("apparently the exec
team...") and a source cited from a letter ("d'après la lettre de l'agence") are no rumour about others. Every wording here is ours; none is an evaluation or
training row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from charterguard import Checker
from charterguard.inside.lexicon import cue_senses

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def flagged(checker: Checker, text: str, lang: str) -> bool:
    return checker.check(text, lang=lang, now=NOW).verdict != "pass"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Un tuyau de l'intérieur : notre usine de Vierzon va fermer en mars."),
        ("fr", "Je le tiens de l'intérieur, la cession de notre filiale sera annoncée jeudi."),
        ("fr", "De l'intérieur, je peux vous dire que le rachat de Talmont sera signé lundi."),
        ("fr", "Le projet, nom de code Orion, c'est le rachat de notre concurrent lyonnais."),
        ("en", "Code name Heron: the acquisition of our Dutch supplier, signing on the 9th."),
    ],
)
def test_an_ambiguous_cue_said_in_its_secrecy_sense_still_makes_a_finding(inside_default: Checker, lang: str, text: str) -> None:
    assert flagged(inside_default, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A ministry, a room: "de l'intérieur" is a noun's complement, no source.
        ("fr", "Le ministre de l'intérieur annoncera la fusion des préfectures."),
        ("fr", "La ministre de l'Intérieur présentera la réorganisation des services de police."),
        # The code name of a character in a story.
        ("fr", "Dans le film, l'espion, nom de code Vipère, va racheter la banque de son père."),
        ("en", "In the movie, a spy code named Kestrel plans the takeover of a bank."),
    ],
)
def test_the_same_words_in_their_other_sense_are_no_secrecy(inside_default: Checker, lang: str, text: str) -> None:
    assert not flagged(inside_default, text, lang)


def test_the_senses_are_data_beside_the_cue_lists() -> None:
    senses = cue_senses("secrecy")
    assert "tuyau" in senses["de l interieur"].after and "espion" in senses["nom de code"].unless_after
    assert cue_senses("public") == {}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Série C : négociée, paraphée, confidentielle."),
        ("fr", "Le rachat de Montbrun reste strictement confidentiel jusqu'au conseil."),
        ("fr", "Notre levée de fonds est encore secrète, merci de ne pas liker."),
        ("en", "Series A: closed, signed, top secret."),
        ("en", "The carve-out of our coatings arm is being kept confidential until the board meets."),
        ("en", "Our Q4 numbers are classified for now."),
    ],
)
def test_secret_said_of_the_topic_as_its_predicate_or_an_attribute_is_secrecy(inside_default: Checker, lang: str, text: str) -> None:
    assert flagged(inside_default, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Negated: no longer or never secret.
        ("fr", "La fusion avec Dorval n'est plus secrète : le communiqué est sorti hier."),
        ("en", "Our growth is no secret: hard work and good people."),
        ("en", "The merger is not confidential anymore, the press release went out this morning."),
        # A noun, or the attribute of another noun.
        ("en", "The secret to our growth? Listening to our customers."),
        ("fr", "Notre croissance, c'est notre recette secrète : des équipes heureuses."),
        ("en", "Sales team: secret santa draw on Friday!"),
    ],
)
def test_secret_negated_or_said_of_something_else_is_no_secrecy(inside_default: Checker, lang: str, text: str) -> None:
    assert not flagged(inside_default, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Keep this to yourselves: our numbers for the half are way below what the analysts expect."),
        ("en", "Between us, our figures for the first half came in far under plan."),
        # A past time only as the term of a comparison: the fact is still now.
        ("en", "Between us, our Q2 numbers are much worse than last year."),
        ("fr", "Entre nous, nos chiffres du semestre sont bien pires que l'an dernier."),
    ],
)
def test_a_half_year_said_for_the_half_and_a_comparison_with_the_past_still_make_a_finding(
    inside_default: Checker, lang: str, text: str
) -> None:
    assert flagged(inside_default, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The past time is the fact's own: a past event.
        ("en", "Between us, our Q2 numbers were much worse last year."),
        ("fr", "Entre nous, je sais que l'an dernier nos chiffres du semestre étaient mauvais."),
        # "half" of something else is no period.
        ("en", "Keep this to yourselves: half of our numbers on the board are made up for the team quiz."),
    ],
)
def test_a_past_fact_or_a_half_that_is_no_period_is_not(inside_default: Checker, lang: str, text: str) -> None:
    assert not flagged(inside_default, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Apparently the leadership team will shut the Tours depot in February."),
        ("en", "Rumour has it the board will sell the coatings division before summer."),
        ("fr", "Il paraît que le comité de direction va fermer l'entrepôt de Tours en février."),
        # A source that is a letter or a message read by the writer, not a rumour.
        ("fr", "D'après le courrier du ministère, le contrat de nettoyage sera résilié en avril."),
        ("en", "According to the email from procurement, the cleaning contract will be terminated in April."),
    ],
)
def test_hearsay_about_a_body_of_ours_or_a_letter_cited_is_still_a_finding(inside_default: Checker, lang: str, text: str) -> None:
    assert flagged(inside_default, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Another company's body: named after or before it, or "their".
        ("en", "Apparently the leadership team of Drayfield will shut its Tours depot in February."),
        ("en", "Rumour has it Drayfield's board will sell the coatings division before summer."),
        ("en", "Rumour has it their board will sell the coatings division before summer."),
        ("fr", "Il paraît que le comité de direction de Drayfield va fermer son entrepôt de Tours en février."),
        # The press or people cited: hearsay.
        ("fr", "D'après un article du Monde, Drayfield va fermer son dépôt de Tours en avril."),
        ("en", "According to the press, Drayfield will terminate the cleaning contract in April."),
    ],
)
def test_hearsay_about_another_companys_body_or_from_the_press_is_not(inside_default: Checker, lang: str, text: str) -> None:
    assert not flagged(inside_default, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Shh, we're throwing a surprise leaving party for our CTO, his resignation is not public yet."),
        ("fr", "Chut, on prépare une fête surprise pour notre DAF, son départ n'est pas encore annoncé."),
    ],
)
def test_a_party_beside_a_fact_said_secret_in_its_own_clause_keeps_the_facts_secret(inside_default: Checker, lang: str, text: str) -> None:
    assert flagged(inside_default, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Shh, we're organising a surprise party for our CTO's 40th birthday on Friday, nobody knows yet."),
        ("fr", "Chut, on prépare un pot surprise pour l'anniversaire de notre directrice financière jeudi, elle ne le sait pas."),
    ],
)
def test_a_party_whose_secret_is_its_own_stays_a_party(inside_default: Checker, lang: str, text: str) -> None:
    assert not flagged(inside_default, text, lang)

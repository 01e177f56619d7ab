"""Swearing and hostile words aimed at no one, quoted as someone else's, or denied: masked
swearing, contempt said of a thing ("N de X" / "N of a X"), quotations after a verb of replying
or posting, and elliptical denials echoing a reported claim ("Not useless.")."""

from __future__ import annotations

import pytest
from conftest import tone_alarms

from charterguard.charter.model import Charter
from charterguard.engine import Checker
from charterguard.linguistics import Linguistics
from charterguard.tone.dehumanising import things
from charterguard.tone.meaning import cue_lexicon, echo_denial

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(Charter.load("default"))


def test_masked_swearing_is_swearing() -> None:
    words = cue_lexicon("en").words["expletive"]
    assert {"f*ck", "sh*t", "f**k"} <= words
    assert "sh*t" not in cue_lexicon("fr").words["expletive"]  # only the language's own swearing


@pytest.mark.parametrize(
    "text",
    [
        "The deploy failed twice before lunch. Sh*t happens, I guess.",
        "Lost my train pass again, f*ck this Monday.",
    ],
)
def test_masked_swearing_at_no_one_is_no_alarm(checker: Checker, text: str) -> None:
    assert tone_alarms(checker, text, "en") == []


def test_masked_swearing_at_someone_stays_an_alarm(checker: Checker) -> None:
    assert tone_alarms(checker, "F*ck you, Brian, and your useless spreadsheet.", "en")


def test_things_and_people_are_told_apart_by_meaning() -> None:
    assert things(["printer", "logiciel", "météo", "laptop"]) == [True, True, True, True]
    assert things(["neighbour", "stagiaire", "landlord", "technicien"]) == [False, False, False, False]
    # computing (kinds added 2026-12-03: these read as people before) and the role nouns nearest them
    assert things(["Excel", "VPN", "tableur"]) == [True, True, True]
    assert things(["driver", "plombier", "chauffeur", "serveur"]) == [False, False, False, False]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Ce salaud d'ordinateur a planté pendant la visio.", "fr"),
        ("Cette pourriture de météo a ruiné notre séminaire en plein air.", "fr"),
        ("This bastard of a laptop rebooted in the middle of my demo.", "en"),
        ("This bastard of a VPN dropped me three times today.", "en"),
        ("Cette saloperie de tableur Excel a tout effacé.", "fr"),
    ],
)
def test_contempt_said_of_a_thing_is_no_alarm(checker: Checker, text: str, lang: str) -> None:
    assert tone_alarms(checker, text, lang) == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Ce salaud de stagiaire a planté la visio.", "fr"),
        ("Cette pourriture de voisin a encore rayé ma voiture.", "fr"),
        ("That bastard of a landlord kept our deposit.", "en"),
        ("That bastard of a plumber never showed up.", "en"),
    ],
)
def test_contempt_said_of_a_person_stays_an_alarm(checker: Checker, text: str, lang: str) -> None:
    assert tone_alarms(checker, text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Someone commented 'go back to your country' under our hiring video. We deleted it and banned the account.", "en"),
        ("An anonymous account replied 'you idiots' to our safety update. We answered with the facts.", "en"),
        ("Un compte anonyme a répondu « retourne dans ton pays » à notre apprentie. Nous la soutenons.", "fr"),
    ],
)
def test_hostile_words_quoted_after_a_verb_of_replying_are_mentioned(checker: Checker, text: str, lang: str) -> None:
    assert tone_alarms(checker, text, lang) == []


def test_hostile_words_the_writer_replied_stay_an_alarm(checker: Checker) -> None:
    assert tone_alarms(checker, "I replied 'go back to your country' to that new hire.", "en")


@pytest.mark.parametrize(
    "following, claim, lang, denied",
    [
        ("not lazy .", "people say our testers are lazy", "en", True),
        ("never slow .", "whoever says the night shift is slow", "en", True),
        ("pas nuls du tout !", "certains disent que les livreurs sont nuls", "fr", True),
        ("not today .", "people say our testers are lazy", "en", False),  # no word of the claim
        ("lazy , yes .", "people say our testers are lazy", "en", False),  # no negator opening it
        ("not lazy , but honestly they are the worst team we have .", "people say our testers are lazy", "en", False),
    ],
)
def test_an_elliptical_denial_echoes_a_word_of_the_claim(following: str, claim: str, lang: str, denied: bool) -> None:
    assert echo_denial(following, claim, lang) is denied


def test_a_reported_claim_denied_by_echo_is_no_alarm(checker: Checker) -> None:
    text = "Whoever claims our support agents are lazy never sat next to them on a Monday. Not lazy. Drowning."
    assert tone_alarms(checker, text, "en") == []
    # Without the attribution the writer says it: the echo denies nothing.
    assert tone_alarms(checker, "Our support agents are lazy. Not lazy, worse: useless.", "en")


def test_the_model_finding_said_of_a_thing_borrows_no_target_from_another_sentence() -> None:
    from charterguard.linguistics import TargetNames
    from charterguard.tone.meaning import target_of_span

    names = TargetNames(("Acme",), ("Globex",))
    # Said of a thing (a noun subject, naming no one), the sentence is about that thing.
    thing = Linguistics("Our recruiter asked a mother about her childcare plans. That practice is vile and illegal.", "en")
    assert target_of_span(thing, names, *thing.spans[1]) is None
    # Without a subject of its own, it may go on about whom the post names.
    going_on = Linguistics("Globex shipped our order three weeks late. Sloppy, lying bunch.", "en")
    assert target_of_span(going_on, names, *going_on.spans[1]) == "competitors"

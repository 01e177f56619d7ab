"""Inside information told by its signs rather than named (round s15b, the misses of blind set 14 grouped
by mechanism): the official version still the old one, a department that still believes the old plan,
only a signature missing, nothing to be shown yet, a press release as the official disclosure to come,
an executive's farewell, a restructuring under its euphemism, a deal's closing; and, for the learned
reading, a site of ours named with an acronym ("the Lyon R&D team") or a product named by its brand and
model before the topic word: no other company. Every wording here is ours; none is an evaluation row."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import inside_flags
from test_inside_model import always_inside, learned_charter

from charterguard import Checker
from charterguard.inside.evidence import non_public_evidence

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def restricted(text: str) -> list[str]:
    return [text[e.start : e.end] for e in non_public_evidence(text) if e.kind == "restricted"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Officially she's still our CFO, the board meets in March.", "Officially she's still"),
        ("Officiellement, elle reste encore directrice jusqu'au conseil.", "Officiellement, elle reste encore"),
        ("Sales still believe the range ships in June.", "Sales still believe"),
        ("Les commerciaux pensent encore que la gamme sort en juin.", "Les commerciaux pensent encore"),
        ("The framework deal is awaiting signature.", "awaiting signature"),
        ("Tout est négocié, il ne reste plus que la signature.", "il ne reste plus que la signature"),
        ("Can't share pictures yet, but the new range is gorgeous.", "Can't share pictures yet"),
        ("Sortie à l'automne, du coup pas de photos.", "du coup pas de photos"),
    ],
)
def test_signs_that_a_fact_is_not_out_yet_are_non_public_evidence(text: str, words: str) -> None:
    assert words in restricted(text)


@pytest.mark.parametrize(
    "text",
    [
        "Officially we opened in 2019.",  # no "still": the official version is not set against anything
        "I still think the old logo was better.",  # the writer's own opinion, not a group left in the dark
        "My sister still believes in Santa.",
        "Waiting for the bus in the rain.",
        "Il ne manque que ta signature sur la carte de Léa.",  # a card, not the deal's signature
        "Can't show you how happy I am.",
        "Pas de photos pendant le concert.",  # a rule of the venue, not a consequence of a secret
    ],
)
def test_look_alikes_of_those_signs_are_not_evidence(text: str) -> None:
    assert restricted(text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Pot de départ de notre DAF ce soir, alors qu'officiellement elle est toujours en poste. Communiqué prévu le 15."),
        ("en", "Farewell dinner for our COO tonight, press release on the 9th."),
        ("fr", "Le contrat-cadre avec la région est bouclé, il ne manque que la signature."),
        ("en", "Our maintenance contract with the port authority is done, just waiting for ink."),
        ("en", "Played with our next tablet all afternoon. Ships in the autumn, can't show pictures yet."),
        ("fr", "Le plan de transformation de l'usine de Douai sera présenté aux syndicats en mars : 120 postes."),
        ("fr", "Chut 🤫 closing calé pour la mi-janvier."),
    ],
)
def test_facts_told_by_their_signs_are_found(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our digital transformation plan goes live next year across all offices."),  # no jobs, no unions
        ("en", "Farewell drinks for Paul from accounting on Friday, come along!"),  # no executive
        ("fr", "Il ne manque que ta signature sur la carte d'anniversaire de Léa."),
        ("en", "Closing the laptop for the weekend, see you Monday."),
        ("fr", "Le closing de l'opération a eu lieu en 2019, une belle aventure."),  # a past year
        # The companion taken from the sentence before still needs the secrecy sign.
        ("en", "Played with our next tablet all afternoon. Ships in the autumn."),
    ],
)
def test_look_alike_posts_are_not_found(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("topic", "text", "verdict"),
    [
        # A place named with an acronym before a team is a site of ours, not another company.
        ("restructuring", "The whole Leeds IT team moves to Porto next spring. Nobody has been told.", "warn"),
        ("restructuring", "Next spring Globex moves its whole team to Porto.", "pass"),
        # A brand and a model before the topic word name the product, not another company acting.
        ("products", "The Nimbus X7 tablet launch slipped to autumn after the safety test. Sales still think it's June.", "warn"),
        ("products", "Next week Globex launches its X7 tablet.", "pass"),
    ],
)
def test_names_of_our_sites_and_products_are_no_rumour_for_the_learned_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, topic: str, text: str, verdict: str
) -> None:
    checker = learned_charter(tmp_path, monkeypatch, always_inside(topic=topic))
    assert checker.check(text, lang="en", now=NOW).verdict == verdict


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A topic word inside a fixed phrase or a compound name names nothing of the company.
        ("fr", "Nous allons vendre des crêpes au profit des Restos du cœur vendredi midi."),
        ("en", "Our CEO will lead the fire drill tomorrow, the new fire exit signs are up."),
        # "Spoiler" answering the post's own why- or how-question is the explanation, not news held back.
        ("fr", "Pourquoi tant de rachats déçoivent ? Spoiler : l'intégration. Thread 👇"),
        ("en", "Why do most acquisitions fail? Spoiler: culture eats synergies for breakfast."),
        # "Apparemment" reports, as "apparently" does: a rumour about another company.
        ("fr", "Apparemment, un gros industriel du Nord va fermer deux usines l'an prochain."),
        # A secret said in the topic word's own sentence may be about something else beside it.
        ("fr", "Le karaoké du séminaire était génial (chut, ne le dites pas au DG, il chante faux)."),
        ("en", "The CEO's birthday cake is ordered for Friday. Shh, it's a surprise."),
        ("en", "Apparently the CEO of Globex is leaving. Nobody knows."),
        ("fr", "Le magasin sera fermé lundi pour inventaire, on vous attend mardi !"),
    ],
)
def test_words_out_of_their_topic_sense_are_not_found(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Are we buying Globex? Spoiler: yes, and you didn't hear it from me."),  # a yes/no question: still a secret
        # A routine word that says what a contract is for is the service sold, not an ordinary event.
        ("fr", "On vient de remporter le marché de la métropole pour la maintenance des bornes, motus jusqu'à nouvel ordre."),
        ("en", "We won the tender for maintenance of their whole fleet, keep it quiet for now."),
        # The fact clipped to its topic word, its secret said in a sentence of its own.
        ("en", "New CFO on the 5th. Nobody knows."),
        ("fr", "Notre présidente : dernier jour le 30. Personne n'est au courant."),
        # The official signing to come is a disclosure ahead.
        ("fr", "On a gagné le contrat de la région, 40 M€. Signature officielle dans dix jours."),
    ],
)
def test_secrets_beside_ordinary_words_and_clipped_facts_are_found(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        # Rehearsing for an event says it lies ahead.
        ("fr", "Répétitions pour le roadshow de notre emprunt obligataire de mars, 300 M€ visés.", True),
        ("en", "Rehearsals for the roadshow of our 400m bond issue all week.", True),
        ("fr", "Répétition générale du spectacle de Noël des enfants du personnel ce soir !", False),  # no topic
        ("fr", "Les répétitions pour le roadshow de l'emprunt obligataire de 2019 avaient duré une semaine.", False),  # a past year
    ],
)
def test_a_rehearsal_says_the_event_lies_ahead(inside_default: Checker, lang: str, text: str, found: bool) -> None:
    assert inside_flags(inside_default, text, lang, NOW) == found

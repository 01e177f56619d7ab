"""Inside information told by its consequence, its instruments or its embargo (round s16b, the misses of
blind set 15 grouped by mechanism): a deal said as the people bought becoming our colleagues; a fundraising
said by its documents, its ceremony or the advisers on our premises; news said not to come out before a
date; an executive's health and those not told of it; a product seen before its reveal, the writer feigning
not to have seen it; the writer declining to give details, or saying the event is nearer than others think.
Every wording here is ours; none is an evaluation row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import inside_flags

from charterguard import Checker
from charterguard.inside.evidence import non_public_evidence

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def restricted(text: str) -> list[str]:
    return [text[e.start : e.end] for e in non_public_evidence(text) if e.kind == "restricted"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Those who would be told have not been.
        ("Le marché n'a pas été informé de la démission.", "Le marché n'a pas été informé"),
        ("Shareholders aren't informed yet.", "Shareholders aren't informed"),
        # The writer declines to give details.
        ("Can't give any details, sorry.", "Can't give any details"),
        ("Je ne peux pas donner de détails pour l'instant.", "Je ne peux pas donner de détails"),
        # Nearer than others think.
        ("It's sooner than most people expect.", "sooner than most people expect"),
        ("C'est plus proche qu'on ne le croit.", "plus proche qu'on ne le croit"),
        # The writer's feigned ignorance until it is out.
        ("Salon en mai ; d'ici là, je n'ai rien vu.", "d'ici là, je n'ai rien vu"),
        ("Reveal in May. Until then, I saw nothing.", "Until then, I saw nothing"),
        # News held until a date (an embargo).
        ("Une info qui ne tombera pas avant avril.", "info qui ne tombera pas avant"),
        ("News that isn't out until May.", "News that isn't out until"),
        # The deal's documents prepared by the writer; its advisers at our premises.
        ("Toute la semaine à finaliser le document d'enregistrement.", "finaliser le document d'enregistrement"),
        ("Bankers have been at HQ since Monday.", "Bankers have been at HQ"),
    ],
)
def test_new_signs_of_a_fact_not_out_yet_are_non_public_evidence(text: str, words: str) -> None:
    assert words in restricted(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nous ne sommes pas informés des horaires du train.",  # the writer's own ignorance
        "Can't give up now, two kilometres to go!",
        "The station is closer than it looks.",  # no one left in the dark
        "Je n'ai rien vu venir, quelle fin de match !",
        "I saw nothing wrong with the draft.",
        "Le film ne sort pas avant mars, j'ai hâte !",  # a film, not news held back
        "J'ai lu le document d'enregistrement de Globex pour mon cours.",  # read, not prepared
        "Bankers were everywhere at the conference.",
    ],
)
def test_look_alikes_of_those_signs_are_not_evidence(text: str) -> None:
    assert restricted(text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A deal told by its consequence, with those it is said of or the deal's work beside it.
        ("en", "Our rivals down the street will become colleagues by spring, the lawyers are on it 🤐"),
        ("fr", "Nos voisins de Clermont vont devenir nos collègues d'ici l'été, les avocats finalisent. Motus."),
        ("fr", "Bientôt des collègues italiens 🇮🇹 les banquiers bouclent le dossier, nom de code Gelato."),
        # A signing set in other words.
        ("en", "Signing slated for Tuesday with the port authority, can't say more."),
        # A fundraising by its steps and its documents, or its advisers in our building.
        ("en", "Can't give any details, but our listing is closer than most people realise."),
        ("fr", "Toute la semaine à finaliser le document d'enregistrement pour l'AMF. Cotation au printemps ?"),
        ("en", "Bankers were in the building all week. The rights issue is lined up for spring."),
        # Embargoed news.
        ("fr", "Une info qui ne sort pas avant avril : contrat de 6 ans avec la région, notre plus gros à ce jour."),
        ("en", "News that isn't out until May: 8-year lighting contract with the council, our biggest ever."),
        # An executive's health, those who would be told not told.
        ("fr", "Notre présidente est en arrêt maladie longue durée et le conseil cherche un intérim ; les actionnaires ne sont pas informés."),
        ("en", "Our chairman has serious health issues and the board is lining up an interim; shareholders aren't informed."),
        # A product seen before its reveal, the writer feigning not to have seen it.
        ("fr", "J'ai tenu la future montre connectée ce matin. Dévoilement au CES, d'ici là je n'ai rien vu 😇"),
        ("en", "Saw the mock-up of our next e-bike today. Big reveal in Milan; until then, I saw nothing."),
    ],
)
def test_facts_told_by_their_consequence_or_instruments_are_found(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Colleagues to come who are hires, not a firm bought ("new" breaks the phrase; no deal's word beside it).
        ("en", "Our apprentices will become colleagues in September, so proud of them!"),
        ("fr", "On aura bientôt de nouveaux collègues à Lille, on recrute 10 techniciens !"),
        ("en", "Huge thanks to my colleagues. Can't say more yet 🤫 but Friday will be fun!"),
        ("fr", "Projet nom de code Phoenix : nos collègues IT migrent la messagerie demain soir."),
        # The same consequence, published or past.
        ("en", "As announced in this morning's press release, our neighbours at Brenner Optics become colleagues today. Welcome!"),
        ("en", "Remember when our friends in Porto became colleagues in 2019? Lawyers everywhere, best deal we ever did."),
        # Others' listings, past ceremonies, documents read.
        ("en", "Globex's IPO is closer than people think, according to Reuters this morning."),
        ("fr", "Sonner la cloche à Euronext en 2007 reste mon plus beau souvenir."),
        ("en", "Globex rang the bell on Nasdaq this morning. Congrats to them!"),
        ("fr", "J'ai relu le prospectus d'Initech pour un article : instructif sur leurs risques."),
        # An executive's health in the past, or health as a subject.
        ("fr", "Notre directrice a eu des problèmes de santé en 2021, elle en parle dans un beau livre."),
        ("fr", "Notre directeur parlera de santé au travail demain à la plénière."),
        # Feigned ignorance about a birthday cake; a film that comes out in March.
        ("fr", "Officiellement je n'ai rien vu, mais le gâteau d'anniversaire de Paul est magnifique 🎂"),
        ("fr", "La nouvelle saison ne sort pas avant mars, j'ai hâte !"),
    ],
)
def test_look_alike_posts_are_not_found(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)

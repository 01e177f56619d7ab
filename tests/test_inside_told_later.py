"""Inside information said plainly, its not-yet-public side told by who hears it later (round s17-inside2, the misses
of blind set 17 grouped by mechanism): a contract won or a framework signed with its value, public once the client
speaks or after an official communication to come; a product ended ("killing", « arrêt de la gamme ») before the
customers are told; a firm soon wearing our logo or badge, a plant more, a production leaving a site, guidance
reworked, each with a secrecy said as a hint (« j'ai rien dit », "I've said too much", "read into that what you
will"). Every wording here is ours; none is an evaluation row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import inside_flags

from charterguard import Checker

NOW = datetime(2026, 11, 22, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A contract won or signed, public only once the client speaks or after an official communication to come.
        ("en", "Can't share until the port authority does, but we just won their cranes tender. Ten years!"),
        ("en", "Signed last night: a framework with the national grid, north of €15M. Official communication next month."),
        ("fr", "Accord-cadre signé ce matin avec la région, 12 M€ sur quatre ans. Communication officielle dans trois semaines."),
        # A product ended before the customers are told.
        ("en", "We're killing the Basic app next spring; customers will be told in February."),
        ("fr", "Arrêt du logiciel Tempo en fin d'année, les clients ne seront informés qu'en septembre."),
        # A firm soon wearing our logo or badge, a plant more: an acquisition said by its sign.
        ("en", "A little competitor of ours may soon be wearing our badge. More when I'm allowed."),
        ("en", "Let's say a certain vendor could soon be wearing the Initech logo. Draw your own conclusions."),
        ("fr", "Une petite pépite lyonnaise pourrait bientôt porter nos couleurs. J'ai rien dit."),
        ("fr", "On aura sans doute une usine de plus en Italie d'ici l'été. J'en ai déjà trop dit."),
        # Guidance reworked; a site's production leaving.
        ("en", "Controllers are reworking the guidance all weekend. Read into that what you will."),
        ("fr", "Dernier été à Tulle avant que la production parte en Roumanie. J'en ai trop dit."),
        ("en", "Enjoy the summer in Derby, production moves to Mexico in the autumn. I've said too much."),
    ],
)
def test_facts_public_only_later_are_blocked(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_default.check(text, lang=lang, now=NOW).verdict == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Published, past, or others' news; an official communication that is out.
        ("en", "As announced today, we won the city's tram tender. Official comms in the newsroom."),
        ("en", "In 2019 we won the metro tender; customers were told at the time."),
        ("fr", "Article du jour : pourquoi la production part en Asie, et pourquoi elle revient."),
        ("en", "Rumour has it a rival will soon be wearing Globex's colours."),
        # Look-alikes: a software framework, a brand's new logo, our own badges, 'killing it', sick leave.
        ("en", "Our new framework for code reviews ships next week, worth a read!"),
        ("en", "The fashion brand will be wearing a new logo next season, reportedly."),
        ("en", "Our staff will be wearing the new badges at the fair next week."),
        ("en", "Killing it at the sales kickoff today, customers loved the demo."),
        ("en", "Killing the old expense process next month, between us nobody will miss it."),
        ("fr", "Arrêt de travail de trois jours, je reviens lundi. J'ai rien dit au chef."),
        # Ordinary things customers are told later; a closed-door meeting of the social club.
        ("en", "Customers will be told about the new opening hours by email next week."),
        ("fr", "Les clients seront prévenus par SMS de la livraison de leur colis."),
        ("fr", "Réunion à huis clos du comité des fêtes pour préparer le pot de Noël."),
        # A firm wearing costumes, a framework of code with an amount, a website or a house plant 'more', a production
        # that tours or moves line: no deal, contract or relocation.
        ("en", "Our supplier will be wearing Santa costumes at the Christmas fair next week!"),
        ("en", "Our new open-source framework costs nothing and saves €5k a year, launching next week."),
        ("fr", "Bientôt un site de plus pour commander en ligne : la boutique arrive en janvier !"),
        ("en", "We'll have one more plant in the office next week, thanks to the green team."),
        ("fr", "La production part en tournée en Bretagne cet été, venez nombreux !"),
        ("en", "Production moves to the new line next week, so expect some noise in the workshop."),
        # Said too much about something else; a plant more already in the press release.
        ("en", "I've said too much about my holiday plans already, off to Lisbon next week!"),
        ("fr", "On aura une usine de plus l'an prochain : c'était dans le communiqué de ce matin."),
    ],
)
def test_look_alikes_of_facts_public_later_are_not_found(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)

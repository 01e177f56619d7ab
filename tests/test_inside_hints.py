"""Inside information told by a hint (round s17, the misses of blind set 16 grouped by mechanism): a deal told by
its visible consequence on the firm bought (its logo changing colour); a decision on our products (an end of sale,
an edition dropped, a price changed) with a secrecy cue or an internal document read; a restructuring told as
advice to the team it will hit ("if your team is in ..., update your LinkedIn"); a customer who picks a supplier
for its own project, the customer hinted at rather than named. Every wording here is ours; none is an evaluation row."""

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
        # Advice ahead to the team a decision will hit.
        ("If your team is in the Leeds back office, maybe polish your CV before summer.", "If your team is in the Leeds back office, maybe polish your CV"),
        ("If you work in payroll, update your LinkedIn.", "If you work in payroll, update your LinkedIn"),
        ("Si votre équipe est à la logistique de Douai, mettez votre CV à jour.", "Si votre équipe est à la logistique de Douai, mettez votre CV"),
        ("Si tu bosses au support de Brest, dépoussière ton CV.", "Si tu bosses au support de Brest, dépoussière ton CV"),
        # An internal document just read.
        ("The board deck I just went through is pretty clear.", "board deck I just went through"),
        ("La feuille de route que j'ai lue hier ne laisse aucun doute.", "feuille de route que j'ai lue"),
    ],
)
def test_advice_to_those_hit_and_internal_documents_read_are_evidence(text: str, words: str) -> None:
    assert words in restricted(text)


@pytest.mark.parametrize(
    "text",
    [
        "Career advice: update your LinkedIn twice a year.",  # a tip addressed to no team
        "If your team is recruiting, update your LinkedIn job posts.",  # the company page, not a job search
        "If you are in sales, update your CV with the new certification.",  # what to add, not a warning
        "Si vous êtes au chômage, mettez votre CV à jour avec vos formations.",
        "The deck I just reviewed for the meetup looks great.",  # no internal document
        "La feuille de route du marathon est en ligne.",
    ],
)
def test_look_alikes_of_advice_and_documents_are_not_evidence(text: str) -> None:
    assert restricted(text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A deal told by the other firm's logo taking on new colours.
        ("fr", "Déjeuner avec les deux cofondatrices d'une pépite nantaise que nous connaissons bien. Leur logo va changer de couleur d'ici peu 😉"),
        ("en", "Coffee with the founder of a robotics startup we all know. Their logo is about to change colour, if you see what I mean."),
    ],
)
def test_facts_told_by_a_hint_are_found(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A decision on our products, said with a secrecy cue or read in an internal document.
        ("fr", "Entre nous : arrêt de commercialisation de la gamme Nova à la rentrée, les commerciaux ne le savent pas encore."),
        ("en", "Between us: the Starter tier gets phased out in Q2, customers haven't been told."),
        ("en", "Heads-up: a 9 % price increase on the Pro subscription in January, per the pricing slides I just read."),
        ("fr", "Hausse tarifaire de 7 % sur toute la gamme au 1er mars, pas encore annoncée aux distributeurs."),
        # A restructuring told as advice to the team it will hit.
        ("en", "If you're in the Swindon warehouse, dust off your resume before the autumn."),
        ("fr", "Si vous êtes au service clients de Niort, mettez votre CV à jour avant la rentrée."),
        # A customer picking a supplier for its own project, hinted at rather than named, with a secrecy cue.
        ("en", "Can't name them, but a top-3 European airline quietly selected Acme for its new crew app. Guess which."),
        ("fr", "Je ne citerai personne, mais un grand opérateur télécom a retenu Acme pour son futur réseau. Devinez lequel."),
    ],
)
def test_decisions_told_secret_or_by_a_hint_are_blocked(inside_default: Checker, lang: str, text: str) -> None:
    # Block: the rules' reading of a secret (the learned reading alone only warns).
    assert inside_default.check(text, lang=lang, now=NOW).verdict == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Our own logo changing for a campaign; another firm's logo changing, published or past, or in a rumour.
        ("fr", "Ce mois-ci, notre logo va changer de couleur pour soutenir Movember !"),
        ("en", "Our logo will change colour for the charity run next week 🏃"),
        ("en", "As Initech announced this morning, its logo will change colour after the merger with Globex."),
        ("fr", "En 2012, leur logo a changé de couleur après le rachat par un fonds."),
        ("fr", "Il paraît que le logo de Globex va bientôt changer de couleur, un rachat ?"),
        # Product decisions that are public, past, or about no product of ours.
        ("en", "As announced in our newsletter, we will phase out the Starter tier in June."),
        ("en", "Price increase at my favourite bakery next month, between us I'm not amused."),
        ("en", "Shh, I'm dropping my gym subscription next month, my trainer doesn't know yet."),
        ("en", "The end of life of a star is a beautiful process, thread 🧵"),
        ("fr", "Fin de vie : un sujet difficile dont on ne parle pas assez."),
        ("en", "We'll drop the new single on Friday, can't wait for you to hear it!"),
        # Career advice and a team hiring: no restructuring.
        ("en", "Career tip: update your LinkedIn every quarter, recruiters search on Mondays."),
        ("en", "If your team is hiring, update your LinkedIn job posts this weekend, it works."),
        ("fr", "Conseil du jour : mettez votre CV à jour chaque année, on ne sait jamais."),
        # A choice for one's own plans; a customer's choice in the past or published.
        ("en", "I picked Lisbon for our offsite, can't say more 🤫"),
        ("fr", "Le client a choisi notre offre pour son siège en 2019, belle histoire."),
        ("en", "As the press release says, the council selected us for its new bus depot."),
        # Riddles about ordinary office life.
        ("fr", "Devinez qui a gagné le concours de pâtisserie du service ? 🎂"),
        ("en", "Guess which team won the five-a-side tournament? Not naming names 😄"),
    ],
)
def test_look_alike_posts_are_not_found(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The writer's own vantage (here an embargo) beside another company named first: no rumour about others,
        # the writer knows when it comes out.
        ("fr", "Brenntag rachète Delmas Chimie, une info qui ne sort pas avant le 15."),
        ("en", "Northwind takes over Fabrikam, news that isn't out until the 15th."),
        # An adviser's staff preparing a client's listing before it is announced: the client's inside information,
        # which the writer holds through their work (the charter's clause is about any issuer's unpublished facts,
        # not only ours; a rumour is what others say, not the writer's own work).
        ("en", "Spent the whole week drafting the prospectus for our client's IPO. Busy times!"),
        ("fr", "Toute la semaine à rédiger le prospectus pour l'introduction en bourse de notre client."),
    ],
)
def test_first_hand_vantage_beside_another_company_is_blocked(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_default.check(text, lang=lang, now=NOW).verdict == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Hearsay or a disowning makes the same embargo others' rumour.
        ("en", "Rumour has it Northwind takes over Fabrikam, news that isn't out until the 15th apparently."),
        ("fr", "On dit que Brenntag rachète Delmas Chimie, une info qui ne sortirait pas avant le 15."),
        ("fr", "Pas nous hein : Brenntag rachète Delmas Chimie, une info qui ne sort pas avant le 15."),
        # A client's listing prepared in the past, or published.
        ("en", "Back in 2019 I spent a month drafting the prospectus for a client's IPO, best training ever."),
        ("fr", "Le prospectus de l'introduction en bourse de notre client est en ligne depuis ce matin, visé par l'AMF."),
        # A film's season held until a date: no product of a company.
        ("fr", "La nouvelle saison ne sort pas avant mars, j'ai hâte !"),
    ],
)
def test_others_rumours_and_past_or_published_listings_are_not_found(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


def topic_labels(checker: Checker, text: str) -> str:
    """The French messages of the findings of `text`, which name each finding's topic."""
    return " ".join(f.message for f in checker.check(text, lang="fr", now=NOW).findings)


def test_the_verb_of_an_embargo_is_no_product_released(inside_default: Checker) -> None:
    # « qui ne sort pas avant mai » says when the news comes out: the finding is the contract's, not a product's.
    said = topic_labels(inside_default, "Une nouvelle qui ne sort pas avant mai : contrat de 5 ans avec le département, notre plus gros.")
    assert "contrat ou client" in said and "produit non annoncé" not in said


def test_a_product_held_until_a_date_is_still_a_product(inside_default: Checker) -> None:
    # The product named in the shape's place ("une nouvelle gamme qui ne sort pas") keeps its products reading.
    said = topic_labels(inside_default, "Une nouvelle gamme qui ne sort pas avant avril, je l'ai testée en interne 🤫")
    assert "produit non annoncé" in said


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The other firm taking our colours, said of its logo, stores or vans.
        ("fr", "Apéro avec le fondateur d'une jeune pousse bordelaise qu'on connaît bien. Leurs camions vont bientôt prendre nos couleurs 😏"),
        ("en", "Dinner with the team of a Dutch startup we like a lot. Their vans will soon be wearing our colours 😉"),
    ],
)
def test_another_firm_taking_our_colours_is_found(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A product stopped or our prices moved, kept inside for now.
        ("en", "We'll discontinue the Lite edition after the summer. Internal only for now."),
        ("fr", "Nos tarifs vont grimper de 6 % en février, rien n'est encore communiqué aux revendeurs."),
        ("en", "Between us, our prices go up 5% on 1 April."),
        # Advice in other words, to a team named: a friendly word, a look elsewhere.
        ("en", "Friendly advice to our claims desk in Bristol: start looking around before Easter."),
        ("fr", "Conseil d'ami à l'équipe paie de Tours : commencez à regarder les offres d'ici l'été."),
        ("fr", "Si tu bosses au plateau de Caen, mets ton LinkedIn à jour ce week-end."),
        ("fr", "La gamme Duo disparaît du catalogue en octobre, acté au codir, pas encore annoncé."),
        ("en", "To my friends on the Derby payroll team: polish your resume this month. Trust me."),
        ("fr", "Aux collègues du site d'Orléans : pensez à votre CV cet été… je ne peux pas en dire plus."),
        # The customer pointed at, not named.
        ("fr", "Un géant nordique du meuble (suivez mon regard 👀) a retenu Acme pour ses entrepôts."),
    ],
)
def test_other_wordings_of_those_decisions_are_blocked(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_default.check(text, lang=lang, now=NOW).verdict == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Supporters in our colours, stores in our colours once announced.
        ("fr", "Leurs supporters vont prendre nos couleurs samedi, on joue à domicile !"),
        ("en", "As announced on Monday, their stores will be in our colours from January."),
        # Personal plans and prices; a price list that is public by nature.
        ("en", "Between us, I'm discontinuing my phone plan, it's a rip-off."),
        ("fr", "Entre nous, j'arrête ma formule de sport, trop cher."),
        ("en", "Our prices start at €9, between us the best deal in town."),
        # Advice to no team, hints about office life, labels on ordinary documents.
        ("en", "Friendly advice to all students: update your CV and start looking around early!"),
        ("fr", "Conseil d'ami aux étudiants : commencez à chercher ailleurs si votre stage ne vous plaît pas."),
        ("fr", "Suivez mon regard : la machine à café du 3e est encore en panne 😅"),
        ("en", "Internal only: the canteen menu for next week."),
        ("en", "To my friends at the Derby office: update your CV before the internal mobility fair!"),
        ("en", "My old phone model is going away, RIP, between us I loved it."),
        ("fr", "Entre nous, ce vieux pull va disparaître du catalogue de ma garde-robe."),
    ],
)
def test_look_alikes_of_those_wordings_are_not_found(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)

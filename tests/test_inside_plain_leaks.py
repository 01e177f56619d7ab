"""Inside information said plainly, where the cues were there but did not combine (round s18-inside, the misses of
blind set 18 grouped by mechanism): a signing or a press release planned for later is a fact not yet public, and a
signing set for a date is the vantage of those on the deal even when the buyer is named first; a bond issue worked on
at night; a party's name withheld; a customer's verbal yes; an executive becoming one, or leaving, read from signs;
a product replacing a range, developed in secret "for two years" (lasting, no past event); management layers removed.
A retrospective ("Retour sur 2018 :") frames its whole sentence as past. An executive's unusual habits read as a
deal under way ("when the CFO ..., you know the roadshow has started"). Every wording here is ours; none is an
evaluation row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import inside_flags

from charterguard import Checker

NOW = datetime(2026, 11, 22, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A signing set for a date: the deal's own vantage, even with the buyer named first and no "we".
        ("fr", "Veltra Industries va racheter le fabricant de vis Marlot, la signature est calée pour le 9 février. Hâte d'accueillir leurs soudeurs !"),
        ("en", "Norbright Foods is about to buy a Danish packaging maker, signing scheduled for the 3rd. Big moment for the snacks team!"),
        # The press release planned for after an event: not public yet.
        ("en", "We just clinched a 4-year maintenance contract with a major airline, about €30m. Press release scheduled for after the audit committee meets."),
        ("fr", "Contrat de 8 ans conclu avec un grand opérateur ferroviaire, environ 40 M€. Communiqué prévu après le conseil de février."),
        # A bond issue's documents, worked on by the writer.
        ("fr", "Je passe mes nuits sur le prospectus de notre émission obligataire de mars, le montant va faire parler."),
        ("en", "Spent my whole weekend on the offering memorandum for the bond issue. The size will raise eyebrows."),
        # The customer's name withheld; a verbal yes before the paperwork.
        ("fr", "Sans nommer personne : un géant de la grande distribution signe chez nous pour 3 ans la semaine prochaine."),
        ("en", "A huge logistics group signs with us for 7 years on Monday. Can't name them, sorry!"),
        ("en", "Verbal agreement from Halden Rail on the signalling upgrade today. Paperwork next month, no names yet please!"),
        ("fr", "Accord verbal du client sur la flotte de bus ce matin ! Reste la paperasse, et sans donner de nom pour l'instant."),
        # Becoming the executive, not official yet; leaving, read from its signs with a wink or an internal mail to come.
        ("fr", "Pas encore officiel, mais Julien Marchal va devenir notre directeur financier en avril."),
        ("en", "Not official yet, but Priya Shah will become our CFO in the spring."),
        ("fr", "Des cartons dans le bureau du DG ce matin… 👀 La com interne va avoir une annonce à faire."),
        ("en", "Why is our CFO's calendar empty after March 1st? 🤔 Asking for a friend."),
        # A product replacing a range, developed in secret "for two years": lasting until now, no past event.
        ("fr", "Le boîtier « Nova », développé en secret depuis deux ans, va remplacer nos modèles actuels à la rentrée. Vous n'avez rien lu."),
        ("en", "Our skunkworks scanner, built in secret for a year, will replace the whole range next autumn. Keep it to yourselves."),
        # Management layers removed, by the consultants' word or plainly.
        ("en", "HR's deck calls it 'delayering': two management layers go at the Leeds hub by June. Don't tell anyone."),
        ("fr", "On retire deux couches de management d'ici juin dans les agences. Vous n'avez rien lu."),
    ],
)
def test_plain_leaks_whose_cues_combine_are_blocked(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_default.check(text, lang=lang, now=NOW).verdict == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A retrospective: the past year looked back at frames the sentence, whichever clause holds the contract.
        ("fr", "Retour sur 2018 : notre plus gros contrat, signé après un an de négociations. Que de souvenirs !"),
        ("en", "Throwback to 2017: the big airline contract we signed after a year of talks. What a ride!"),
        # A signing date already published, or in another company's rumour; a press release already out.
        ("fr", "Comme annoncé ce matin, Veltra va racheter le fabricant de vis Marlot ; la signature est prévue le 9 février."),
        ("en", "As announced today, Norbright will buy the Danish packaging maker, signing expected on the 3rd."),
        ("en", "Apparently Globex is buying Initech, signing expected on the 12th."),
        ("fr", "Il paraît que Globex va racheter Initech, signature prévue le 12."),
        ("en", "The press release went out after the board signed off in January, as planned."),
        # Bond issues in general; a name withheld about office life; becoming a boss in one's own life; boxes of a move.
        ("fr", "Article intéressant sur le retour des émissions obligataires des PME et sur la rédaction du prospectus."),
        ("fr", "Sans donner de nom, certains oublient leur tasse dans l'évier depuis une semaine 😅"),
        ("en", "No names please, but who keeps stealing the oat milk from the fridge?"),
        ("en", "My daughter wants to become CEO of her own bakery one day!"),
        ("fr", "Mon fils rêve de devenir directeur d'école."),
        ("fr", "Le DG aide à porter les cartons du déménagement au 3e étage vendredi !"),
        ("en", "Boxes everywhere in the office this week: the move to the fourth floor is on!"),
        # A model replaced in a past year; delayering as an article's subject; a family's verbal agreement; a question "for a friend".
        ("fr", "Le modèle qu'on vendait depuis 2015 a été remplacé l'an dernier par la gamme Oria."),
        ("en", "Interesting article: is delayering the right answer for mid-size firms? Worth a read."),
        ("en", "We reached a verbal agreement with the kids: no screens before homework."),
        ("en", "Asking for a friend: what's the best way to ask your boss for a day off?"),
    ],
)
def test_look_alikes_of_plain_leaks_are_not_found(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # An executive's unusual habits read by the writer as a deal starting ("when the CFO ..., you know ... has started").
        ("en", "When our treasurer books flights to three financial capitals in one week, you know the bond roadshow is on."),
        ("fr", "Quand le DAF bloque tout son agenda de mars pour des « rendez-vous investisseurs », c'est que la levée de fonds approche."),
        ("fr", "Quand notre DAF annule tous ses congés de janvier, c'est que l'introduction en bourse n'est plus loin."),
        # Weekdays in the plural name no company: "on Tuesdays" leaves the deal ours.
        ("en", "When the CEO starts wearing a suit on Mondays and skips every stand-up for a week, you know the funding round has started."),
    ],
)
def test_signs_read_from_an_executive_are_blocked(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_default.check(text, lang=lang, now=NOW).verdict == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Signs of an ordinary day, or of a fact already published.
        ("en", "When the CEO brings croissants for everyone, you know it's Friday!"),
        ("fr", "Quand le DG fait le tour des bureaux avec des chocolats, c'est que Noël approche."),
        ("en", "When the CFO smiles at the results call, you know the quarter we published yesterday was a good one."),
        ("fr", "Quand la présidente parle de levée de fonds en conférence, c'est qu'elle a été annoncée la veille."),
    ],
)
def test_signs_of_ordinary_or_published_things_are_not_found(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)

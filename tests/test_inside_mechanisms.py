"""Inside information judged by the mechanisms a compliance officer follows (issue 12), grouped as
the misses and false alarms of a blind set were (bench/data/inside_fresh7.jsonl): a topic said in
other words, non-public evidence said in other words, a rumour about another company, an object of
office life, a period named as a time. Every wording here is ours; none is an evaluation row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import inside_flags

from charterguard import Checker
from charterguard.inside.evidence import non_public_evidence

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def evidence(text: str) -> list[tuple[str, str]]:
    return [(e.kind, text[e.start : e.end]) for e in non_public_evidence(text)]


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        # Those who will be told, with the day: "get told", leave to tell on a date, a comms plan's date.
        ("The site leads get told on the 14th.", "ahead", "get told on the 14th"),
        ("We are only allowed to announce it on Tuesday.", "ahead", "allowed to announce it on Tuesday"),
        ("Elles ne seront autorisées à le dire que le 9.", "ahead", "autorisées à le dire que le 9"),
        ("The comms plan goes to the works council on the 4th.", "ahead", "comms plan goes to the works council on the 4th"),
        # Saying nothing to an audience; the official line is ignorance; news held back.
        ("La direction prépare tout sans rien dire aux syndicats.", "restricted", "sans rien dire aux"),
        ("Until then we say nothing, and we're not telling customers until the 2nd.", "restricted", "we're not telling customers until"),
        ("Officially, we know nothing.", "restricted", "Officially, we know nothing"),
        ("Best news of the year and I have to sit on it.", "restricted", "have to sit on it"),
        ("Keep the slides closed pending the announcement.", "restricted", "pending the announcement"),
        ("The announcement is on hold for their product event.", "restricted", "announcement is on hold"),
        # How the writer knows ahead: a draft proofread, something sent by mistake, what one was not meant to see.
        ("J'ai corrigé le projet de communiqué ce matin.", "restricted", "corrigé le projet de communiqué"),
        ("Spent the evening proofreading the earnings release.", "restricted", "proofreading the earnings release"),
        ("The deck was forwarded to the whole team by mistake.", "restricted", "forwarded to the whole team by mistake"),
        ("Le planning est arrivé dans ma boîte par erreur.", "restricted", "arrivé dans ma boîte par erreur"),
        ("I really wasn't supposed to read that memo.", "restricted", "wasn't supposed to read"),
        ("Nobody's supposed to know about the new tablet.", "restricted", "Nobody's supposed to know"),
        ("Personne n'est censé le savoir.", "restricted", "Personne n'est censé le savoir"),
        # Not told yet, said with the object pronoun; the announcement only after an event.
        ("La direction ne l'a pas encore annoncé.", "restricted", "ne l'a pas encore annoncé"),
        ("Rien n'est encore annoncé aux salariés.", "restricted", "Rien n'est encore annoncé"),
        ("Announcement after the appeal period, of course.", "restricted", "Announcement after the "),
        # Not public: one's own news.
        ("My move to the new role isn't public yet.", "restricted", "isn't public"),
    ],
)
def test_non_public_evidence_said_in_other_words(text: str, kind: str, words: str) -> None:
    assert (kind, words) in evidence(text)


@pytest.mark.parametrize(
    "text",
    [
        # The writer's own ignorance is no secret; a statement of fact "out" without a holder.
        "Franchement, je n'en sais rien, on verra bien.",
        "Honnêtement, on n'en sait rien.",
        "Tell me on the 12th what you think of the new logo.",
    ],
)
def test_ignorance_and_ordinary_dates_are_no_evidence(text: str) -> None:
    assert evidence(text) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A takeover said by its price per share or its premium.
        ("Heads down all week on the offer document: $14.50 per share in cash, the board votes on Friday.", "en"),
        ("On valorise la cible à 22 € par action, soit une prime de 40 %, le conseil tranche jeudi.", "fr"),
        # The work after a deal: its synergies.
        ("Spent the night on the synergy case for the Halvorsen deal, $300M in savings; can't say more until the signing.", "en"),
        # An investor entering the capital; a listing prepared.
        ("Un fonds d'infrastructure va entrer au capital à hauteur de 20 %, rien n'est encore signé.", "fr"),
        ("Our CFO reserved a ticker for the listing, roadshow kicks off in March; keep it quiet.", "en"),
        # Chosen by a customer; a customer stopping its orders.
        ("The city council picked us for its 8-year bus maintenance contract, about €60M; nothing official yet.", "en"),
        ("La région nous a retenus pour le marché des cantines scolaires, 12 M€ sur 4 ans, annonce officielle le 15.", "fr"),
        ("Notre client historique cesse ses commandes à partir de juin, la direction ne l'a pas encore dit aux équipes.", "fr"),
        # A closure said as no reopening; a site moved to another.
        ("Le magasin de Vannes ne rouvrira pas après les travaux, les vendeurs l'apprendront lundi au CSE.", "fr"),
        ("The Bristol depot won't reopen after the flood; staff get told on Monday.", "en"),
        ("L'entrepôt de Brive est transféré à Tulle en avril, validé en comité mais pas encore annoncé 🤐", "fr"),
        # One's own resignation not public; an interim sought by the board, said to no one.
        ("I'm stepping down as head of sales; my resignation isn't public yet, so keep it to yourselves.", "en"),
        ("La présidente a été hospitalisée et le conseil prépare un intérim sans rien dire aux actionnaires.", "fr"),
        # Figures against budget or against what analysts were promised; a draft read ahead.
        ("Ils ne seront autorisés à le dire qu'à partir du 9, mais le semestre finit 15 % sous le budget.", "fr"),
        ("We're only allowed to talk about the Q3 numbers after the 30th, and they're ugly: revenue down 18%.", "en"),
        ("On dépasse de 25 M€ ce qu'on avait promis aux analystes, publication le 3, d'ici là silence.", "fr"),
        ("J'ai relu le brouillon du communiqué : le chiffre d'affaires recule de 12 %.", "fr"),
        # A recall with its batches or units; a comms plan dated apart from the fact.
        ("Un rappel des lots de gourdes de mars se prépare : on va devoir rappeler 40 000 pièces, rien n'est encore annoncé.", "fr"),
        ("Engineering wants a recall of ~20k units; outside this room, we know nothing.", "en"),
        # A public act still to come is no public framing: "the press release goes out Wednesday".
        ("On va rappeler 12 000 bouilloires défectueuses, le communiqué de presse sort mercredi.", "fr"),
        ("We're recalling 9,000 faulty heaters; the press release isn't drafted yet.", "en"),
        # A customer dropping us; a bid picked, announced only after the appeal period.
        ("Kelvia, notre premier client, nous lâche en juin ; la direction ne l'a pas encore annoncé.", "fr"),
        ("The board picked our bid: $120M over five years for the Northern rail signalling, announcement after the appeal period.", "en"),
        # "As planned" said apart from the fact does not make it public.
        ("Comme prévu en interne, l'usine de Dole fermera en mars, mais rien n'est encore annoncé aux salariés.", "fr"),
        # "à partir de" beside a customer who really leaves.
        ("Notre plus gros client va partir chez un concurrent à partir de janvier, personne ne le sait.", "fr"),
        # A routine word as the object of the deal ("pour la maintenance de") beside an official notification awaited.
        ("La métropole a choisi notre offre pour la maintenance de ses tramways, 30 M€ ; on attend la notification officielle avant d'en parler.", "fr"),
        # A party beside a disclosure to the board: the secret is the departure, not the party.
        ("Pot de départ de notre DRH jeudi, mais personne ne le sait encore : elle l'apprend lundi au conseil.", "fr"),
    ],
)
def test_a_topic_said_in_other_words_with_its_evidence_is_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A price per share, a premium, synergies, a float, a resignation, an interim: said in public or everyday posts.
        ("Dividend of $1.10 per share paid today, as announced in March.", "en"),
        ("Le dividende de 1,20 € par action a été versé ce matin, comme voté en AG.", "fr"),
        ("We pay a premium for green electricity at every site, proud of it.", "en"),
        ("Belle conférence sur les synergies entre équipes produit et design la semaine prochaine !", "fr"),
        ("Great float at the carnival this weekend, thanks to everyone who built it!", "en"),
        ("My resignation letter template is on the wiki if anyone needs it.", "en"),
        ("Nous recrutons un intérim pour l'accueil, postulez !", "fr"),
        ("Le magasin de Vannes rouvrira après les travaux, vers le 12.", "fr"),
        ("Les attentes des analystes pour le secteur sont prudentes, selon la presse ce matin.", "fr"),
        ("I can't wait for the results of the hackathon, the board of judges meets on the 28th!", "en"),
    ],
)
def test_the_same_words_in_public_or_everyday_posts_are_not(inside_default: Checker, text: str, lang: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Heard said, the writer's own ignorance in another clause.
        ("Il paraît que Kelvor va racheter Batimo, mais perso je n'en sais rien.", "fr"),
        ("I hear Globex is closing its Dundee plant next year, glad it's not us.", "en"),
        # A relation of the writer is not the company; "their plant" is theirs.
        ("Ma cousine dit que leur usine de Vierzon va fermer en juin, dur pour la région.", "fr"),
        # Another company named as the sentence's first word.
        ("Contoso rachète une fintech le mois prochain, bravo à eux.", "fr"),
        ("Initech will acquire a payments startup next quarter, according to their CEO at the conference.", "en"),
    ],
)
def test_a_rumour_about_another_company_is_not_inside_information(inside_default: Checker, text: str, lang: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Our own deal, even when the sentence starts with a word that could be a name.
        ("Demain rachat de la start-up Cyberloop, chut.", "fr"),
        ("Management will close the Leeds plant next month, announcement on the 3rd.", "en"),
        # Our relations tell us; the place named is our site.
        ("Mon N+1 m'a dit qu'on ferme l'usine de Dole en mars.", "fr"),
    ],
)
def test_what_looks_like_another_company_but_is_ours_is_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Objects of office life, plural or singular, or what the stopped range is made of.
        ("Fusion des deux restaurants d'entreprise en janvier, plus de choix au menu !", "fr"),
        ("We signed a contract with a new caterer for the Friday breakfasts, enjoy!", "en"),
        ("On arrête la gamme de mugs du CE, place aux gourdes en inox.", "fr"),
        ("We're discontinuing the mugs range at the company shop next month.", "en"),
        # A contract with the cleaners, "à partir de lundi" (from Monday) no customer leaving.
        ("Nouveau contrat avec la société de nettoyage à partir de lundi, merci de vider vos bureaux le soir.", "fr"),
        ("We signed a new contract with the office cleaning company, starting Monday.", "en"),
        # Public: the press release already out.
        ("Comme annoncé dans notre communiqué de presse ce matin, nous rappelons 12 000 bouilloires défectueuses.", "fr"),
        # What the topic is for: a demo, a gala; what a range is sold in: the canteen.
        ("The customer picked us for a quick demo next week, fingers crossed!", "en"),
        ("Le client nous a choisis pour sa soirée de gala le mois prochain, on s'occupe du son !", "fr"),
        ("We're discontinuing the Friday pizza range in the canteen next month.", "en"),
        # Opening hours.
        ("La boutique du musée ne rouvrira pas le lundi cet hiver, horaires sur le site.", "fr"),
        # A contract ending as scheduled.
        ("Le contrat de maintenance des ascenseurs arrive à échéance l'an prochain, comme prévu.", "fr"),
        # A period ahead said as a time, not a figure.
        ("Sales next quarter? Let's talk pipeline hygiene at Thursday's workshop.", "en"),
        ("We'll have a great time next quarter with the new offsite programme.", "en"),
    ],
)
def test_office_life_and_times_are_not_material(inside_default: Checker, text: str, lang: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # The period ahead judged is a figure; a range of products (not of mugs) stopped.
        ("Le trimestre prochain sera catastrophique, -30 % de ventes, et personne ne le sait.", "fr"),
        ("Next quarter will be a disaster, revenue down 30%, nobody outside finance knows.", "en"),
        ("On arrête la gamme de vélos électriques en mars, les vendeurs ne sont pas au courant.", "fr"),
    ],
)
def test_the_material_twin_of_each_is_still_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)

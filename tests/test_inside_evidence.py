"""Inside information said without a cue word (issue 12): the post shows the fact is not
public by its shape (who does not know, how the writer knows ahead, when it will be
disclosed) and names the topic in other words (sites regrouped, our bid chosen, a price).
Blind sets (bench/data/inside_fresh5.jsonl) missed these families; the wordings here are
others. Ordinary posts with the same shapes stay clean."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from charterguard import Charter, Checker
from charterguard.inside.evidence import non_public_evidence
from charterguard.inside.lexicon import inflections, parse_entry

NOW = datetime(2026, 11, 22, tzinfo=UTC)


@pytest.fixture(scope="module")
def checker() -> Checker:
    charter = Charter.load("default")
    return Checker(charter.only({r.spec.id for r in charter.rules if r.spec.kind == "inside_information"}))


def verdict(checker: Checker, text: str, lang: str) -> str:
    return checker.check(text, lang=lang, now=NOW).verdict


def kinds(text: str) -> list[str]:
    return [e.kind for e in non_public_evidence(text)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Who does not know yet.
        ("Nobody on the night shift knows yet.", "restricted"),
        ("The street has no clue.", "restricted"),
        ("Personne au siège ne se doute de rien.", "restricted"),
        ("Les vendeurs ne sont au courant de rien.", "restricted"),
        ("On ne communique pas encore, évidemment.", "restricted"),
        ("Ce n'est pas encore signé.", "restricted"),
        ("Keep it off Teams for now.", "restricted"),
        # How the writer knows ahead.
        ("It was leaked to me on Friday.", "restricted"),
        ("J'ai vu passer le tableau hier soir.", "restricted"),
        ("I saw the draft figures before the audit committee did.", "restricted"),
        # The disclosure to come, with its date, or waited for.
        ("Communication aux salariés le 3 mars.", "ahead"),
        ("The press release goes out on the 21st.", "ahead"),
        # Held until the disclosure (a restriction, whatever else the post says).
        ("Je patienterais jusqu'à la publication des comptes.", "restricted"),
        ("Hold tight until the board votes.", "restricted"),
        ("We're waiting for the green light from their lawyers.", "restricted"),
        ("This stays in the room, folks.", "restricted"),
        ("It's all under NDA.", "restricted"),
        ("Les délégués n'ont pas encore été consultés.", "restricted"),
        ("Les marchés en sauront plus le 10.", "ahead"),
        ("Managers were told to say nothing.", "restricted"),
    ],
)
def test_non_public_shapes_are_read(text: str, kind: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody knows the weather in Brittany.",  # general knowledge, no circle excluded
        "As announced on the 12th, the plant reopened.",  # a past announcement is no disclosure ahead
        "Don't post customer data on social media.",  # a policy, not about this news
        "Nos résultats ont été publiés le 12.",
    ],
)
def test_ordinary_sentences_hold_no_such_shape(text: str) -> None:
    assert non_public_evidence(text) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Restricted knowledge with a topic found by a lemma family.
        ("On rachète notre principal sous-traitant, les acheteurs ne sont au courant de rien.", "fr"),
        ("We're consolidating the two Ohio plants into one and nobody on the floor knows.", "en"),
        ("The dividend will be cut in half, and the market has no idea.", "en"),
        # Insider vantage.
        ("Got a peek at the half-year figures before they went to the board: revenue down 20%.", "en"),
        ("J'ai vu passer la liste : 90 emplois supprimés à Nantes.", "fr"),
        # A disclosure ahead, said apart from the fact.
        ("Our Q2 revenue missed the target by 12%. Earnings call is Wednesday.", "en"),
        ("Le plan prévoit 120 postes supprimés en logistique, annonce aux syndicats le 4 février.", "fr"),
        ("We're cutting 400 jobs across Europe; the works councils hear about it on the 3rd.", "en"),
        # Paraphrased topics: a bid chosen, a site regrouped, a buyer named, a unit sold, a price, a tip.
        ("Notre offre a été retenue par la métropole, 20 M€ sur 4 ans, mais pas un mot avant la notification.", "fr"),
        ("Les entrepôts de Blois seront regroupés avec Tours, les équipes ne le savent pas encore.", "fr"),
        ("We are buying Quillmark Systems, keep it off Slack until the board votes.", "en"),
        ("Le comex a validé la vente de notre division peinture, la presse l'apprendra le 2 décembre.", "fr"),
        ("Launch day for our new smartwatch is 14 March at €299, you didn't see this here.", "en"),
        ("À votre place je vendrais mes actions avant jeudi, je ne peux rien dire de plus.", "fr"),
        ("On a signé avec Monoprix ce matin, mais rien avant la communication du 15.", "fr"),
        ("The board picked her replacement, news drops Monday. Between the two of us, obviously.", "en"),
        # A place before the topic names our site, not another company.
        ("The Derby plant is being merged into Crewe next quarter; managers were told to say nothing.", "en"),
        ("Les commandes du semestre reculent de 18 %, et le conseil ne l'a pas encore dit aux actionnaires.", "fr"),
        ("We're winding down the print business, 45 roles, and the unions haven't been consulted yet.", "en"),
        ("Notre DSI part chez un concurrent fin février, ne le criez pas sur les toits.", "fr"),
        ("Our main distributor is leaving us in June, keep it internal until the earnings call.", "en"),
        ("The new K2 speaker hits the shelves on 5 May at $199, please don't share the photos.", "en"),
    ],
)
def test_facts_shown_as_not_public_are_blocked(checker: Checker, text: str, lang: str) -> None:
    assert verdict(checker, text, lang) == "block"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A calendar: the disclosure in the topic's own clause.
        ("Save the date: our Q3 results announcement is on 28 October, webcast at 9am.", "en"),
        ("Présentation des résultats annuels au marché le 12 février à 8h, suivez le webcast.", "fr"),
        ("Our half-year results will be released on 30 July; the webcast starts at 8am.", "en"),
        # An everyday verb is no product launch without a product word.
        ("Don't tell anyone, but the new coffee machine arrives on Monday.", "en"),
        # Someone else's news, with its date.
        ("Apparently Globex is merging with Initech, announcement on the 12th according to Reuters.", "en"),
        # Past and public.
        ("We announced the acquisition of Brightline last week; integration town hall on Tuesday.", "en"),
        # The results of a contest; an early closing for a party; goods bought from a brand.
        ("I can't wait for the results of the hackathon, announcement on the 28th!", "en"),
        ("We're closing the office early on Thursday for the team party, see you at 6!", "en"),
        ("We bought Slack licences for the whole team, onboarding on Monday.", "en"),
        # A staff award's "results" are not the company's.
        ("Personne ne sait encore qui sera élu collaborateur de l'année, résultats à la soirée du 9 !", "fr"),
        # A shape without a topic.
        ("Personne ne sait encore qui gagnera le tournoi de pétanque, finale vendredi.", "fr"),
        ("Nobody knows our customers like our support team does. Meet them on Thursday!", "en"),
        # A capital after an emoji starts a phrase: it names no other company.
        ("Fin d'année 🎄 Bon courage à tous pour l'inventaire de vendredi.", "fr"),
    ],
)
def test_calendars_rumours_and_ordinary_news_pass(checker: Checker, text: str, lang: str) -> None:
    assert verdict(checker, text, lang) == "pass"


def test_a_rumour_about_us_after_an_emoji_is_still_ours(checker: Checker) -> None:
    # "Bon" after 🎄 is no company name: the plan is ours and its announcement lies ahead.
    text = "Vivement les fêtes 🎄 Bon, le plan de départs (environ 200 personnes) est acté, annonce au CSE le 9 janvier."
    assert verdict(checker, text, "fr") == "block"


def test_placeholder_companions_are_shapes_not_words() -> None:
    # "<name>" never matches the word "name"; it is read by the analyzer.
    entry = parse_entry("<amount>", inflect=True)
    assert entry.symbol == "<amount>" and entry.parts == ()


def test_third_person_of_dre_verbs_and_participles_in_u() -> None:
    assert "reprend" in inflections("reprendre")
    assert "retenue" in inflections("retenir")
    assert "attendrais" in inflections("attendre")

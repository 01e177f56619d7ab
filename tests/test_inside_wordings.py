"""Inside information said in wordings the rules and the learned reading's framings misread (issue 12,
round s13, grouped by mechanism as blind set 11's errors were): a phrasal verb with its object
pronoun, a hyphenated place or a holiday read as another company, a routine beside an official
disclosure, "it's not public", "asking for a friend", severance packages for a number of people, a
press statement as public framing, a tweet relayed as hearsay. Every wording here is ours; none is
an evaluation or training row."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import inside_flags
from test_inside_model import always_inside, learned_charter

from charterguard import Checker
from charterguard.inside.evidence import non_public_evidence
from charterguard.inside.lexicon import matcher_for, parse_entry, tokenize

NOW = datetime(2026, 11, 22, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[1]


def found(entry: str, text: str) -> list[str]:
    matches = matcher_for((parse_entry(entry, inflect=True),)).find(tokenize(text))
    return [text[m.start : m.end] for m in matches]


@pytest.mark.parametrize(
    ("entry", "text", "words"),
    [
        ("wind down", "We wind it down in March.", "wind it down"),
        ("lay off", "They will lay them off after the audit.", "lay them off"),
        ("shut down", "Finance is shutting it down next year.", "shutting it down"),
    ],
)
def test_a_phrasal_verb_is_found_with_its_object_pronoun_before_the_particle(entry: str, text: str, words: str) -> None:
    assert found(entry, text) == [words]


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        ("wind down", "We wind it up in March."),  # another particle
        ("wind down", "We wind the clock down."),  # a noun, not a pronoun, between them
        ("lay off", "Lay it on the table, off we go."),  # no particle right after the pronoun
    ],
)
def test_a_pronoun_is_skipped_only_before_the_particle_of_the_entry(entry: str, text: str) -> None:
    assert found(entry, text) == []


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("Works council gets told after New Year.", "ahead", "gets told after New Year"),
        ("Les équipes seront informées après les fêtes, l'annonce tombe après Noël.", "ahead", "annonce tombe après Noël"),
        ("The plant team only hears in February.", "ahead", "only hears in February"),
        ("And no, it's not public.", "restricted", "it's not public"),
        ("That is not public yet.", "restricted", "That is not public"),
    ],
)
def test_holidays_as_dates_hearing_first_and_its_not_public_are_evidence(text: str, kind: str, words: str) -> None:
    assert (kind, words) in [(e.kind, text[e.start : e.end]) for e in non_public_evidence(text)]


@pytest.mark.parametrize(
    "text",
    [
        "We hear the choir after Christmas.",  # hearing, not being told first
        "The data is publicly available on our site.",
    ],
)
def test_ordinary_hearing_and_public_data_are_no_evidence(text: str) -> None:
    assert non_public_evidence(text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A hyphenated place is one name, the place of our site ("Saint-Nazaire"), not a company.
        ("fr", "Le site de Saint-Nazaire change de mains au printemps, une centaine de personnes concernées."),
        # A holiday is a date, not a company.
        ("en", "The Derby site changes hands after New Year, most of the crew is staying."),
        # A name in a sentence with no topic word names no one the fact is about: a product, a place, a partner.
        ("en", "The Leeds site gets a new owner in spring, the Volvo trucks included."),
        # A routine beside a disclosure to an official audience still to come is not what the secret is about.
        ("en", "The Derby site changes hands in April. Works council gets told after New Year, so act normal at the Christmas party."),
    ],
)
def test_what_the_learned_reading_reads_is_not_cancelled_by_a_place_a_holiday_or_a_party_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str
) -> None:
    checker = learned_charter(tmp_path, monkeypatch, always_inside(topic="restructuring"))
    assert checker.check(text, lang=lang, now=NOW).verdict == "warn"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Another company named in the sentence, no first person: a rumour about others.
        ("en", "After New Year, Globex Freight takes over the site in Ghent."),
        ("fr", "Au printemps, Batimo-Est reprend le site de Saint-Nazaire."),
        # A party with no official disclosure beside it: the routine is the news.
        ("en", "The site crew changes shifts in April. See you all at the Christmas party!"),
    ],
)
def test_another_company_or_a_plain_party_still_cancels_the_learned_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str
) -> None:
    checker = learned_charter(tmp_path, monkeypatch, always_inside(topic="restructuring"))
    assert checker.check(text, lang=lang, now=NOW).verdict == "pass"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "Asking for a friend" is the writer; a maker is a company to buy; "it's not public" says the rest.
        ("en", "Asking for a friend whose employer is about to absorb a drone maker from Lyon: how do you keep a straight face? It's not public, obviously."),
        ("fr", "Je demande pour un ami dont la boîte va racheter un fabricant de drones : comment garder son calme ? C'est pas encore public."),
        # Severance packages prepared for a number of people, said with the writer holding back.
        ("en", "Legal wants severance packages drafted for 35 people by the 1st. That's all I'll say."),
        ("fr", "On prépare des indemnités de départ pour une quarantaine de personnes, je n'en dis pas plus."),
        # A closure of a unit of a number of people, its size written as one word.
        ("en", "We're shutting a 90-person unit in Derby next month, nobody there knows yet."),
        # A site wound down, the verb's object a pronoun, staff told later.
        ("en", "The Derby site had its best year, and we wind it down in March; the team only hears in February."),
    ],
)
def test_leaks_in_these_wordings_are_found(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A friend's firm, told as hearsay: not the writer's.
        ("en", "My friend says her employer is about to absorb a drone maker from Lyon. Not my company, no idea if it's true."),
        # Severance terms in general, no number of people.
        ("en", "Our severance packages are described in the collective agreement on the HR portal."),
        # Public framing said in a press statement, in another clause than the fact.
        ("en", "As confirmed in today's press statement, we will close the Derby site next year; support measures are on the HR portal."),
        ("fr", "Comme indiqué dans la déclaration à la presse de ce matin, nous fermerons le site de Derby l'an prochain."),
        # A tweet relayed about another firm.
        ("en", "Saw a tweet claiming a big retailer is about to cut 400 jobs. No idea if it's real."),
    ],
)
def test_the_same_topics_told_of_others_in_general_or_in_public_are_not(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


def test_a_press_statement_still_to_come_frames_nothing_as_public(inside_default: Checker) -> None:
    assert inside_flags(inside_default, "We will close the Derby site next year, the press statement goes out Thursday.", "en", NOW)


ORDER_POSTS = [
    ("en", "Rumour has it Globex is selling its chemicals arm to a fund."),
    ("en", "Word on the floor is that Vennor is about to get bought; the stock jumped this afternoon."),
    ("fr", "Le site de Saint-Nazaire sera mis en vente au premier semestre, 200 personnes concernées, annonce après les résultats."),
    ("en", "The depot lease isn't being renewed. Works council gets told after New Year, so act normal at the Christmas party."),
    ("en", "As confirmed in today's press statement, we will close the Derby site next year."),
    ("fr", "On rachète un fabricant de drones lyonnais, personne n'est au courant."),
]
_ALONE = """
import json, sys
from datetime import UTC, datetime
sys.path.insert(0, {tests!r})
from conftest import inside_rules
from charterguard import Charter
checker = inside_rules(Charter.load("default"))
lang, text = json.loads(sys.stdin.read())
report = checker.check(text, lang=lang, now=datetime(2026, 11, 22, tzinfo=UTC))
print(json.dumps([[f.rule, f.start, f.end, round(f.score, 6)] for f in report.findings]))
"""


def _findings(checker: Checker, lang: str, text: str) -> list[list[object]]:
    return [[f.rule, f.start, f.end, round(f.score, 6)] for f in checker.check(text, lang=lang, now=NOW).findings]


def test_a_post_is_judged_the_same_alone_in_a_new_process_and_after_other_posts(inside_default: Checker) -> None:
    """No cache outlives its post or is keyed by less than what it depends on: the findings of a post
    are the same when it is the first post a process checks and after others, in any order."""
    forward = {i: _findings(inside_default, lang, text) for i, (lang, text) in enumerate(ORDER_POSTS)}
    backward = {i: _findings(inside_default, lang, text) for i, (lang, text) in reversed(list(enumerate(ORDER_POSTS)))}
    assert forward == backward
    target = 3  # read by the learned reading past its framings: the stage a loose cache would reach
    alone = subprocess.run(
        [sys.executable, "-c", _ALONE.format(tests=str(ROOT / "tests"))],
        input=json.dumps(ORDER_POSTS[target]),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert json.loads(alone.stdout) == forward[target]
    assert forward[target], "the post chosen must be a finding, so that the comparison can fail"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The official notification is held until the standstill period ends.", "notification is held until"),
        ("Attribution reçue, mais on attend la fin de la période de recours pour communiquer.", "attend la fin de la période de recours pour communiquer"),
    ],
)
def test_a_notification_held_back_is_non_public_evidence(text: str, words: str) -> None:
    assert ("restricted", words) in [(e.kind, text[e.start : e.end]) for e in non_public_evidence(text)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A brand's thing after an indefinite article is no company acting ("un PowerPoint", "a Tesla").
        ("fr", "J'ai reçu par erreur un PowerPoint : il liste les 25 postes de la compta qui partiront chez un prestataire."),
        # A site's lease not renewed, told later.
        ("fr", "On m'a dit de ne pas renouveler le bail du dépôt de Dax ; les équipes le sauront en mars."),
        ("en", "The Leeds depot lease won't be renewed, and the crew only hears in March."),
        # Chosen for a framework of some years, the notification held back.
        ("en", "The regional council picked us for the 6-year bus framework, notification held until the 30th."),
        # A rumour about us, in the first person, stays a finding.
        ("en", "Word at the fair is that we're being bought by a fund, and nobody here knows yet."),
    ],
)
def test_leaks_in_these_other_wordings_are_found(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Hearsay about a company we deal with: "our" suppliers are not us.
        ("en", "Word at the fair is that one of our suppliers is being bought by a fund. Who knows."),
        ("fr", "Il paraît qu'un de nos fournisseurs va être racheté par un fonds, à voir."),
        # A lease renewed is no closure.
        ("en", "We renewed the lease of the Leeds depot for nine years, great news for the crew."),
        # Made public in a filing, on air or in so many words.
        ("en", "The stock exchange filing went live at 7am: our CFO will step down in June."),
        ("fr", "C'est désormais public : nous fermerons l'agence de Dax en juin."),
        ("en", "Our CEO said live on TV this morning that we will close no site next year. Clip below."),
        # A floor of the office reorganised.
        ("fr", "Réorganisation des bureaux du 3e étage lundi prochain, pensez à vider vos tiroirs."),
    ],
)
def test_the_same_topics_of_others_renewed_public_or_office_life_are_not(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


def test_a_filing_still_to_come_frames_nothing_as_public(inside_default: Checker) -> None:
    assert inside_flags(inside_default, "Our CFO will step down in June, the stock exchange filing goes out Thursday.", "en", NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Interview question we use: \"Your manager tells you, between us, that the Leeds site closes next month. What do you do?\""),
        ("fr", "Question d'examen blanc : « Vous apprenez en confidence que votre groupe va racheter un concurrent. Que pouvez-vous dire à votre frère ? »"),
        ("en", "If your company was bought by a rival tomorrow, what would you want to hear first? Prepping a workshop."),
        ("fr", "Étude de cas de la formation : l'assistante voit passer le projet de communiqué des résultats, sous embargo jusqu'à jeudi."),
    ],
)
def test_a_quiz_an_exam_a_case_or_a_hypothetical_about_the_readers_company_sets_made_up_facts(
    inside_default: Checker, lang: str, text: str
) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The same words of an activity or a figure of speech, beside a real fact.
        ("en", "Great offsite: kayaking, a quiz and a bake-off. Also, between us, we're buying a rival in the spring."),
        ("en", "Not hypothetically: we're closing the Leeds site next month, the crew hears on Friday."),
        ("fr", "Le chiffre que le marché attend, c'est de la fiction : on va annoncer une perte au trimestre, personne n'est au courant."),
        # A question the writer asks about a real leak.
        ("en", "We're closing the Leeds site in March and the crew hasn't been told yet. What would you do?"),
        # "If your company is hiring": a real offer, no hypothetical.
        ("en", "If your company is hiring, talk to me: we're closing the Leeds site next month and nobody there knows yet."),
        ("fr", "On ferme l'agence de Dax en mars et les équipes ne sont au courant de rien. Que feriez-vous à ma place ?"),
    ],
)
def test_a_word_of_an_activity_or_a_figure_of_speech_sets_no_exercise(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "Our" packaging supplier bought, in a rumour: their deal, not ours.
        ("en", "Heard that our packaging supplier is about to be bought by a bigger group. Their news, not ours."),
        ("fr", "La rumeur dit que notre hébergeur cloud va être racheté. On utilise juste leur service."),
        # Made public, said so: the writer free to say it, the update out.
        ("en", "The 8-K is on the SEC site since 7am, so I can finally say it: we're buying a robotics startup."),
        ("en", "Our quarterly trading update is out: sales down 3% next to last year. Full release in the link."),
        # An executive on family leave, an office closing early for the year-end party.
        ("en", "Skip our CFO for the January offsite, she'll be on maternity leave."),
        ("fr", "Les bureaux ferment à 15 h jeudi pour le pot de fin d'année, venez nombreux."),
    ],
)
def test_a_partners_deal_public_news_leave_and_parties_are_not_findings(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A customer leaving us, even told as hearsay, is ours: "our" customer's move is our contract.
        ("en", "I hear our biggest customer won't renew in March, and nobody has told investors yet."),
        # "Neither is public": a negation, no public framing.
        ("en", "Two dates in my calendar: the CFO's farewell lunch and her resignation announcement. Neither is public."),
    ],
)
def test_our_customer_leaving_and_a_denied_public_stay_findings(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The figure in the draft press release starts with a 3.", "draft press release"),
        ("I've pencilled a press release for the order, the customer still has to clear it.", "pencilled a press release"),
        ("The press release template sits in my drafts.", "press release template"),
        ("Press release: not before the money lands.", "Press release: not before"),
        ("Le brouillon de communiqué est dans mes fichiers.", "brouillon de communiqué"),
    ],
)
def test_a_release_still_a_draft_or_held_is_non_public_evidence(text: str, words: str) -> None:
    assert ("restricted", words) in [(e.kind, text[e.start : e.end]) for e in non_public_evidence(text)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A draft release is no public framing: what it holds is the leak.
        ("en", "The margin in the draft press release starts with a 3. The market expects a 7."),
        # "The market" speaks of an issuer: a loss the market was not told is a leak.
        ("en", "Goodwill on the retail arm gets written down by 300m in the annual report, and nobody has told the market."),
    ],
)
def test_draft_releases_and_what_the_market_was_not_told_are_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str) -> None:
    checker = learned_charter(tmp_path, monkeypatch, always_inside(topic="results"))
    assert checker.check(text, lang=lang, now=NOW).verdict == "warn"


def test_a_published_press_release_still_frames_the_post_as_public(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checker = learned_charter(tmp_path, monkeypatch, always_inside(topic="results"))
    assert checker.check("Our results are in this morning's press release: margin at 3%, link below.", lang="en", now=NOW).verdict == "pass"

"""Inside information: who a post says the news is about and whether it was already announced, and a
public act held back for later (issue 12), grouped as the misses and false alarms of a blind set were
(bench/data/inside_fresh9.jsonl): the writer disowning a rumour, an announcement made at a past time,
an announcement deferred to a later event, an executive move said in the passive or as an idiom, a site
or a customer named before the topic, a short question answered in the next sentence. Every wording
here is ours; none is an evaluation row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import inside_flags

from charterguard import Checker
from charterguard.inside.evidence import evidence_of

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def spans(kind: str, text: str) -> list[str]:
    return [text[e.start : e.end] for e in evidence_of(kind, text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A public-communication noun + waiting, postponed, only then, not before: any wording.
        ("Tout est bouclé, mais l'officialisation attendra l'assemblée générale.", "officialisation attendra"),
        ("Le communiqué est repoussé après la visite du ministre.", "communiqué est repoussé"),
        ("Signed last night; the announcement has to wait for their earnings day.", "announcement has to wait"),
        ("The press release is held back until the customer's own event.", "press release is held"),
        ("Our PR is postponed to after the summit.", "PR is postponed"),
        ("The news release comes only after the regulator's nod.", "news release comes only after"),
        # Official only at a later time.
        ("Ce sera officiel seulement après le conseil de jeudi.", "officiel seulement"),
        ("Ça ne deviendra officiel qu'en janvier.", "officiel qu'"),
        ("It won't be official until the first week of March.", "official until"),
    ],
)
def test_a_public_act_deferred_is_non_public_evidence(text: str, words: str) -> None:
    assert words in spans("restricted", text)


@pytest.mark.parametrize(
    "text",
    [
        # A department, a wait for readers, a product release on time: no announcement held back.
        "Notre équipe communication attend vos idées pour le calendrier de l'avent.",
        "The release notes are on the wiki, have a look.",
        "L'annonce de ce matin était claire, bravo à l'équipe.",
    ],
)
def test_ordinary_waits_are_no_deferral(text: str) -> None:
    assert spans("restricted", text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moving the Lille team to the new campus was announced in September.", "was announced"),
        ("It has been announced, so the new org chart is live.", "has been announced"),
        ("Le regroupement des deux agences, annoncé en mai, est effectif.", "annoncé en mai"),
        ("Le départ de notre directrice, annoncé dès janvier, prend effet ce soir.", "annoncé dès janvier"),
    ],
)
def test_an_announcement_at_a_past_time_is_read(text: str, words: str) -> None:
    assert words in spans("announced", text)


@pytest.mark.parametrize(
    "text",
    [
        # Ahead, or internal only: no public framing.
        "The closure will be announced in June.",
        "La fusion sera annoncée en juin.",
        "The closure was announced internally this morning.",
        "It was announced to staff in the town hall that the plant closes.",
        "La fermeture a été annoncée en interne hier.",
    ],
)
def test_an_announcement_ahead_or_internal_is_not_public(text: str) -> None:
    assert spans("announced", text) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A public act deferred, beside a contract signed or an executive leaving.
        ("Le marché des ferries de la Région ? Signé hier soir. L'officialisation attendra les vœux du président.", "fr"),
        ("We signed the hospital group's 5-year contract today; the press release has to wait for their board.", "en"),
        ("Notre DAF nous quitte pour rejoindre un fonds, ce sera officiel seulement après l'AG.", "fr"),
        ("Our COO leaves at the end of the quarter to run a competitor; not official until the 20th, don't spread it.", "en"),
        # A customer named before the topic word ("the X award letter") is our customer, not another company.
        ("The Lisbon Metro award letter landed today; announcement only after their own launch.", "en"),
        # The near-future passive of an executive departure, said with no secrecy word.
        ("Notre directrice financière va être remerciée lors du prochain conseil.", "fr"),
        ("Le patron de la filiale va se faire débarquer en janvier, le conseil a tranché.", "fr"),
        # A site named with a two-word site noun is ours: "the Leeds contact centre".
        ("Between us: the Derby call centre shuts in spring and ~150 people go. Team leads are sworn to secrecy.", "en"),
        # A euphemism in quotes, then explained: the explanation is the fact.
        ("'Simplification' is what the memo will say. Plainly: our Cardiff distribution centre closes in May, 90 jobs. Not a word yet.", "en"),
    ],
)
def test_deferred_announcements_and_idiomatic_departures_are_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A rumour about another company the writer disowns, in a phrase of its own.
        ("Rumeur du jour : une fintech nantaise serait sur le point d'être rachetée. C'est pas nous hein !", "fr"),
        ("Heard a mid-size logistics firm is going to cut 300 jobs next month. Not us, relax 😅", "en"),
        ("Apparemment un gros groupe de cosmétiques va lever 50 M€ bientôt. Rien à voir avec nous.", "fr"),
        # An indefinite company as the subject of a deal, read as someone else's news.
        ("A big insurance company is about to be acquired, says the trade press this morning.", "en"),
        # An announcement made at a past time cancels a forward reading of the same event.
        ("Le regroupement des deux agences, annoncé en mai, prendra effet lundi ; dernier café à l'ancienne adresse.", "fr"),
        ("The merger of our two labs was announced in September; next week we move into one building.", "en"),
    ],
)
def test_disowned_rumours_and_past_announcements_are_not_found(inside_default: Checker, text: str, lang: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "pas nous" inside a sentence is no denial: "ils ne veulent pas nous le dire"; after a comma it tells
        # a contract lost ("they picked Globex, not us").
        ("On va fermer l'usine de Sens en mars et ils ne veulent pas nous le dire avant le CSE du 12.", "fr"),
        ("Notre plus gros client a choisi un concurrent, pas nous ; l'annonce attendra la fin du trimestre.", "fr"),
        # The writer's own company inside the same clause as a firm: still ours.
        ("A startup we met in Lisbon is going to be acquired by us next month, keep it quiet.", "en"),
        # Announced internally only: not public.
        ("The closure of the Hull warehouse was announced internally this morning; customers find out on the 15th.", "en"),
    ],
)
def test_denials_firms_and_announcements_that_do_not_apply_leave_the_finding(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A site word inside a name of several words is no site of ours, nor a word of the company.
        ("The post office on my street will close in April, end of an era.", "en"),
        ("That sequel will close at the box office next weekend with $900M, calling it now.", "en"),
        ("Le bureau de vote de mon quartier fermera à 19h dimanche.", "fr"),
        ("Le site web de la mairie fermera pour maintenance demain.", "fr"),
    ],
)
def test_a_site_word_inside_a_compound_name_is_not_a_site(inside_default: Checker, text: str, lang: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # The same site words standing alone are ours.
        ("Our Leeds office will close in April and 60 people lose their jobs; keep it quiet until the 9th.", "en"),
        ("Le site de Montluçon fermera en avril, 60 postes supprimés, personne n'est au courant.", "fr"),
    ],
)
def test_the_same_site_words_alone_are_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Told later, said with a verb: the disclosure after an event, a wait before telling.
        ("La direction l'annoncera après la clôture du semestre.", "annoncera après"),
        ("We'll announce it only when the regulator signs off.", "'ll announce it only when"),
        ("We still have to wait two weeks before telling the teams.", "have to wait two weeks before telling"),
        ("Il faut attendre la fin du mois pour en parler.", "attendre la fin du mois pour en parler"),
    ],
)
def test_a_disclosure_told_later_with_a_verb_is_non_public_evidence(text: str, words: str) -> None:
    assert words in spans("restricted", text)


def test_the_information_of_staff_representatives_with_its_date_is_a_disclosure_ahead() -> None:
    assert spans("ahead", "Information des syndicats le 14, pas avant.") == ["Information des syndicats le 14"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Debt raised on the market, a listing named by its market, staff moved to a contractor, an executive
        # off to a competitor: each with its evidence.
        ("We're quietly preparing a convertible bond for early next year, banks are being sounded out.", "en"),
        ("Introduction sur le Nasdaq prévue au printemps, la fourchette de prix n'est pas encore fixée, motus.", "fr"),
        ("All 45 warehouse pickers move to a contractor in March. Nobody on the floor knows yet.", "en"),
        ("Notre directeur commercial file chez un concurrent, ils l'annonceront après le salon.", "fr"),
        ("L'usine de Moulins arrête sa ligne 3, 40 postes supprimés. L'info CSE, c'est le 12.", "fr"),
    ],
)
def test_topics_said_in_market_words_with_their_evidence_are_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Today we publicly confirmed that the two Norfolk depots will be merged; Q&A sessions all week.", "en"),
        ("Nous avons confirmé publiquement ce matin que l'entrepôt de Niort fermera en juin.", "fr"),
        ("Our cleaning contractor changes next month, the new team starts on Monday.", "en"),
        ("Great write-up on how convertible bonds work, for the finance nerds.", "en"),
    ],
)
def test_the_same_topics_confirmed_in_public_or_in_office_life_are_not(inside_default: Checker, text: str, lang: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Les vendeurs seront mis au courant après l'inventaire.", "seront mis au courant après"),
        ("Les salariés seront informés en janvier.", "seront informés en janvier"),
        ("The crews will only be told after the holidays.", "will only be told after"),
    ],
)
def test_those_concerned_told_only_later_is_non_public_evidence(text: str, words: str) -> None:
    assert words in spans("restricted", text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Décision prise ce matin : on se sépare du pôle emballage, les salariés seront informés après l'été.", "fr"),
        ("We're parting ways with the coatings division; the plant managers will be told after the audit.", "en"),
    ],
)
def test_a_unit_let_go_in_everyday_words_told_later_is_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)

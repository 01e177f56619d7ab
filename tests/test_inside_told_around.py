"""Inside information whose topic, companion and cue stand in different places of the post, and framings that are no
leak (round s18-inside, the errors of development set dev18 grouped by mechanism): a topic may take its companion from
the sentence before, and is then judged by a secrecy cue only (an unannounced product's topic from any earlier
sentence); a deal's integration, or owning someone "you can guess"; longing for the day it can be said publicly; a
product known by its code name or presented at a fair under embargo. Not a leak: firms in the plural, or of "our
sector", as the subject of a deal (an industry's news), and a secrecy phrase quoted as what one should never post.
Every wording here is ours; none is an evaluation row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import inside_flags

from charterguard import Checker

NOW = datetime(2026, 11, 22, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The people bought as colleagues in one sentence, the deal's integration in the next, and a secrecy cue.
        ("en", "Not allowed to say much, but picture the whole Porto design studio as colleagues. My February is booked solid with integration workshops."),
        ("fr", "Je ne peux rien dire, mais imaginez toute l'équipe de Brno comme collègues. Mon mois de mars, ce sera des ateliers d'intégration."),
        # Owning a firm the reader can guess.
        ("en", "Roadmap frozen on the Initech exporter. Obvious once you guess who we'll be owning by summer 🙃"),
        # Longing for the day it can be said publicly.
        ("en", "Can't wait until we can talk publicly about the share issue the board signed off yesterday. Big changes ahead."),
        ("fr", "Vivement le jour où on pourra en parler : l'augmentation de capital votée lundi par le conseil va tout changer."),
        # A product known by its code name; a prototype presented at a fair, under embargo until then.
        ("en", "Working on our warehouse copilot, codename 'Orca', shipping to three customers in March before anything is announced."),
        ("fr", "Premier essai réussi du prototype de la pompe connectée. Présentation au salon de Lyon en avril, embargo strict d'ici là !"),
        # The product named two sentences before its launch date and the secrecy cue.
        ("fr", "Huit mois que je travaille sur « Boréal », notre future appli de suivi de flotte. Tarif prévu : 9 € par mois. Lancement en juin, vous n'avez rien lu."),
    ],
)
def test_facts_told_across_sentences_are_blocked(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_default.check(text, lang=lang, now=NOW).verdict == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Firms of an industry, in the plural or of "our sector", bought: the sector's news.
        ("en", "Why are mid-size players in our sector being acquired so fast? Great thread, worth a read."),
        ("fr", "Pourquoi les PME de notre secteur vont-elles toutes se faire racheter ? Bon fil à lire."),
        ("fr", "Les start-ups de notre filière vont se faire racheter en série, selon ce rapport : à lire."),
        # A secrecy phrase quoted as what one should never post.
        ("en", "Talk takeaway on keeping a product launch quiet: never post 'can't say more' on LinkedIn 😂"),
        ("fr", "Retenu de la conférence sur les lancements produit : ne postez jamais « je ne peux rien dire » sous un teaser 😂"),
        # Integration of new hires; owning a task; longing to talk of something else; a day that has come; a fair that is past.
        ("en", "Integration workshops for our new interns start Monday, welcome to the team!"),
        ("en", "Who will be owning the Q3 budget review next week? Please reply in the thread."),
        ("fr", "Vivement le jour où on pourra parler d'autre chose que de la météo au café."),
        ("en", "We can finally talk publicly about the share issue: it was announced this morning!"),
        ("fr", "Retour en images sur le salon de Lyon : notre prototype de pompe a fait un tabac."),
    ],
)
def test_look_alikes_of_facts_told_across_sentences_are_not_found(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Our own deal of firms of our sector stays ours; a secrecy cue said, not quoted as a wording to avoid.
        ("en", "We're acquiring two players in our sector next month, keep it quiet."),
        ("fr", "On va racheter deux acteurs de notre secteur le mois prochain, motus."),
        ("en", "Our CFO said 'keep it quiet': the plant in Derby closes in June."),
    ],
)
def test_our_own_deals_and_secrets_said_stay_found(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)

"""Specifications of the general mechanisms of tone by meaning that a blind set showed missing
(issue 12): threats as consequences promised to someone and menacing idioms, discrimination as
a decision taken against a protected group, contempt by word family and by predication, and
the readings that keep safety reminders, shell commands, conditions and denials apart.
Wordings of our own, never rows of the bench suites."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from charterguard.analysis import Post
from charterguard.charter.rule import Company
from charterguard.detectors.tone import ToneDetector, ToneRule

NOW = datetime(2026, 12, 2, tzinfo=timezone.utc)
COMPANY = Company(name="Acme Group", aliases=["Acme"], competitors=["Globex", "Initech"])
DETECTOR = ToneDetector(ToneRule.model_validate({
    "id": "tone.test", "kind": "tone", "category": "tone", "severity": "warn", "clause": "5",
    "message": "{category}", "examples": {"flag": ["x"], "pass": ["y"]},
    "categories": ["insult", "aggression", "hate", "disparagement_employer", "disparagement_colleagues",
                   "disparagement_customers", "disparagement_competitors"],
}), COMPANY)


def found(text: str, lang: str) -> list[tuple[str, str]]:
    """(entity, text of the span) of every finding at warn level or above."""
    hits = DETECTOR.find(Post(text, language=lang, channel=None, audience=None, now=NOW))
    return [(h.entity, text[h.start : h.end]) for h in hits]


def entities(text: str, lang: str) -> set[str]:
    return {entity for entity, _ in found(text, lang)}


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Si le chef d'équipe me refuse encore mes congés, il va le payer très cher.", "fr"),
        ("Qu'il continue à me court-circuiter et il va regretter d'être né.", "fr"),
        ("Le comptable a intérêt à raser les murs lundi.", "fr"),
        ("Je sais par où tu rentres le soir, réfléchis avant de me dénoncer.", "fr"),
        ("Continue de me piquer mes clients et ta bagnole finira sous un pont.", "fr"),
        ("On va régler son compte au responsable qualité, il l'a cherché.", "fr"),
        ("Tell the auditor he'd better watch his back after that report.", "en"),
        ("Report me again and your car ends up in the river.", "en"),
        ("The new VP should sleep with one eye open after cutting our bonus.", "en"),
        ("I know when you get off your shift, Kevin. See you around.", "en"),
        ("We'll settle this in the car park after work, the recruiter knows why.", "en"),
        ("Le nouveau DAF ne perd rien pour attendre, je vais lui faire regretter sa note.", "fr"),
        ("Si tu touches encore à mon bureau, tu ne rentreras pas entier ce soir.", "fr"),
        ("That intern has it coming, his days here are numbered.", "en"),
        ("Snitch on me again and we'll track you down, Paul.", "en"),
    ],
)
def test_consequences_promised_to_someone_and_menacing_idioms_are_threats(text, lang):
    assert "THREAT" in entities(text, lang), found(text, lang)


@pytest.mark.parametrize(
    "menacing, reminder, lang",
    [
        ("Il faudrait s'occuper du contrôleur, un accident est vite arrivé dans l'entrepôt.",
         "Nos caristes le savent, un accident est vite arrivé.", "fr"),
        ("The shift supervisor should remember that accidents happen on night shifts.",
         "Our operators know accidents happen fast, so they train every month.", "en"),
    ],
)
def test_an_accident_idiom_threatens_only_beside_a_person_and_a_wish_or_warning(menacing, reminder, lang):
    assert "THREAT" in entities(menacing, lang), found(menacing, lang)
    assert found(reminder, lang) == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Kill -9 the stuck process and restart the workers.", "en"),
        ("Astuce : kill -9 sur les workers bloqués avant de redéployer.", "fr"),
        ("If you leave the office last, please turn off the lights.", "en"),
        ("The fax machine's days are numbered: the new scanner arrives Monday.", "en"),
        ("Les jours du vieux fax sont comptés : le nouveau scanner arrive lundi.", "fr"),
        ("Ce soir, je vais vous retrouver au salon pour la démo !", "fr"),
    ],
)
def test_commands_and_ordinary_advice_are_no_threats(text, lang):
    assert found(text, lang) == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Pour ce poste, pas de candidates de plus de 40 ans, elles ne suivront pas le rythme.", "fr"),
        ("Je préfère ne pas recruter de personnes handicapées, trop de contraintes.", "fr"),
        ("Les seniors, on les pousse gentiment vers la sortie avant la retraite.", "fr"),
        ("Les CV avec une adresse dans les quartiers nord, direct à la poubelle.", "fr"),
        ("Let's avoid applicants in their late forties, they won't adapt.", "en"),
        ("We don't promote older staff here, they slow the team down.", "en"),
        ("Women in headscarves at the reception desk? Out of the question.", "en"),
        ("I'd rather not hire disabled people for the night shift.", "en"),
    ],
)
def test_a_decision_against_a_protected_group_is_discrimination(text, lang):
    assert "HATE" in entities(text, lang), found(text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("We don't hire based on age, gender or origin: only skills count.", "en"),
        ("Nous ne recrutons jamais sur l'âge ou l'origine : seules les compétences comptent.", "fr"),
        ("Older employees are not shelved here: we train everyone, at every age.", "en"),
        ("Webinar on salary negotiation for women in their thirties, sign up below.", "en"),
        ("Pas question de tolérer le moindre harcèlement dans nos équipes.", "fr"),
        ("Nous ne recrutons pas de stagiaires cet été, mais revenez en septembre.", "fr"),
        ("Les seniors de l'équipe forment les juniors chaque vendredi.", "fr"),
    ],
)
def test_equal_treatment_denials_and_neutral_mentions_of_groups_pass(text, lang):
    assert found(text, lang) == []


@pytest.mark.parametrize(
    "text, lang, entity",
    [
        ("Notre responsable marketing, ce brasseur de vent, a encore promis la lune aux clients.", "fr", "INSULT"),
        ("Notre cheffe de projet, cette girouette sans colonne vertébrale, a encore tout changé.", "fr", "INSULT"),
        ("Les gens du service achats ? Des ronds-de-cuir qui bloquent tout.", "fr", "INSULT"),
        ("Nos clients premium sont des pique-assiette qui veulent tout gratuit.", "fr", "DISPARAGEMENT"),
        ("Globex vend de la poudre aux yeux à des acheteurs pressés.", "fr", "DISPARAGEMENT"),
        ("Mon entreprise pressure ses intérimaires jusqu'à l'épuisement.", "fr", "DISPARAGEMENT"),
        ("Our CFO is a bean counter with the charm of a parking ticket.", "en", "INSULT"),
        ("Our enterprise users are freeloaders who never read the docs.", "en", "DISPARAGEMENT"),
        ("Initech peddles snake oil to hospitals.", "en", "DISPARAGEMENT"),
        ("My employer grinds people down and never says thanks.", "en", "DISPARAGEMENT"),
        # a competitor hinted at, not named
        ("Franchement, la boîte d'en face est une arnaque, leurs devis sont bidons.", "fr", "DISPARAGEMENT"),
        ("Honestly the firm across the street is a scam, their quotes are fake.", "en", "DISPARAGEMENT"),
    ],
)
def test_contempt_by_word_family_or_predication_is_aimed_at_its_target(text, lang, entity):
    assert entity in entities(text, lang), found(text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Le bug du serveur est une vraie girouette, il change d'état toutes les minutes.", "fr"),
        ("The legacy system is a dinosaur, we retire it next month.", "en"),
        ("Nos concurrents vendent bien, à nous d'être meilleurs.", "fr"),
        ("Our competitor sells great hardware, we have to step up.", "en"),
        ("The firm across the street won the tender, congratulations to them.", "en"),
        ("This old printer chews up paper and spits it out crumpled.", "en"),
        ("Nos clients du BTP sont des pionniers du numérique dans leur secteur.", "fr"),
    ],
)
def test_the_same_words_about_things_or_in_praise_pass(text, lang):
    assert found(text, lang) == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Train cancelled again, fml, see you all tomorrow.", "en"),
        ("Goddamn printer jammed for the third time today.", "en"),
        ("Putain de belle journée au salon, merci l'équipe !", "fr"),
    ],
)
def test_swearing_at_no_one_is_no_finding(text, lang):
    assert found(text, lang) == []

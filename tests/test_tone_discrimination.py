"""Specifications of discrimination in employment decisions said without a slur
(`MeaningReader._discrimination`): a protected ground however it is named (a group word or
an attribute: an age threshold, pregnancy, an accent, a name, a veil, a wheelchair...), an
employment decision or place, and an exclusion or disadvantage, in one sentence, are a
hate/discrimination finding of the default charter; the same grounds in an anti-discrimination
policy, a workplace adjustment, a report of discrimination, a legal job requirement, good news
about a group or a question to HR are not."""

from __future__ import annotations

import pytest
from conftest import tone_findings


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # age past a threshold, in figures or words
        ("Au-delà de 45 ans, on n'embauche plus personne à l'entrepôt, ils ne suivent pas la cadence.", "fr"),
        ("Don't bother shortlisting applicants past fifty for the analytics team, they won't adapt.", "en"),
        # pregnancy and family
        ("Évitez de promouvoir les salariées enceintes avant la clôture annuelle, ça désorganise tout.", "fr"),
        ("Keep the new mums off the team lead shortlist this year, they'll be out every other week.", "en"),
        # origin by name, accent or look
        ("Les CV avec un prénom arabe, on les met de côté : on ne les convoque pas en entretien.", "fr"),
        ("His accent is too strong for the front desk, put him in the back office and leave him there.", "en"),
        # religion by dress or practice
        ("Pas de foulard à l'accueil, on ne recrute pas ces profils pour le standard.", "fr"),
        ("Skip candidates who ask about Ramadan breaks, the shift pattern can't change.", "en"),
        # disability and health
        ("Un candidat en fauteuil ? Inutile de le convoquer, les locaux ne sont pas pour lui.", "fr"),
        ("Nobody with depression on their record gets promoted to management here, too risky.", "en"),
        # orientation, gender identity, union membership
        ("Les syndiqués, on ne leur donne jamais d'augmentation, qu'ils le sachent.", "fr"),
        ("Trans staff should not be on client meetings, it confuses people.", "en"),
        ("Pas d'augmentation pour celles qui rentrent de congé maternité, elles doivent refaire leurs preuves.", "fr"),
        ("Lesbians are welcome in accounts but never at the front desk, our visitors are conservative.", "en"),
        # a group word with a decision, the group named in the sentence before
        ("Les vieux ne comprennent rien aux logiciels : inutile de les former au nouvel outil.", "fr"),
        ("Put the Black applicants at the bottom of the pile for the sales role.", "en"),
    ],
)
def test_an_employment_decision_against_a_protected_ground_is_discrimination(default_checker, text, lang):
    findings = tone_findings(default_checker, text, lang)
    assert ("tone.hate", "block") in [(rule, severity) for rule, severity, _ in findings], findings
    # The span is the rule's own words, inside the post, never the whole post.
    assert all(span in text and len(span) < len(text) for _, _, span in findings)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # anti-discrimination and inclusion policy
        ("Chez nous, aucun CV n'est écarté en raison de l'âge ou d'une grossesse.", "fr"),
        ("We never screen CVs by age, and no candidate is rejected because of a pregnancy.", "en"),
        ("Les promotions sont décidées quel que soit l'accent, la religion ou le handicap.", "fr"),
        ("Pay rises are set regardless of maternity leave, full stop.", "en"),
        # workplace adjustments
        ("Le nouveau poste d'accueil est aménagé pour les collègues en fauteuil roulant.", "fr"),
        ("The front desk now has an accessible counter for wheelchair users, no more queueing at the side.", "en"),
        # reporting or condemning discrimination
        ("Un recruteur m'a demandé d'écarter les CV avec un nom à consonance africaine. J'ai refusé et je l'ai signalé.", "fr"),
        ("A manager asked me to skip candidates over 50; I refused and reported it to HR.", "en"),
        # legitimate job requirements
        ("Le poste exige le permis C et trois ans d'expérience, pas de candidature sans.", "fr"),
        ("You must be 18 or over to serve alcohol, so no applicants under 18 for the bar shifts.", "en"),
        # positive group news
        ("Nos collègues sourds n'ont jamais été écartés d'une promotion, et ce n'est pas près de changer.", "fr"),
        ("Parental leave doesn't stop promotions here: three of our new team leads took it last year.", "en"),
        ("Le congé maternité n'empêche en rien les augmentations : votre poste vous attend.", "fr"),
        ("Nous recrutons des seniors : trois cadres de plus de 55 ans rejoignent l'équipe commerciale.", "fr"),
        ("Proud that two of our new team leads are wheelchair users, welcome aboard!", "en"),
        # questions asking HR for the rule
        ("A-t-on le droit de ne pas promouvoir une salariée enceinte ?", "fr"),
        ("Can a manager refuse to hire someone because of their accent?", "en"),
    ],
)
def test_policy_adjustment_report_requirement_news_and_questions_stay_clean(default_checker, text, lang):
    assert tone_findings(default_checker, text, lang) == []

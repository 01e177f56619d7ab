"""Specifications of refuted claims (`charterguard.tone.meaning._refuted`): an insult the writer
gives as someone else's claim, or asks about, and then rejects (a denial answering a question, a
claim reported then called false, "whoever says X is wrong", a slur reported to be sanctioned) is
no finding; the same insult asserted, asked for agreement or confirmed stays one."""

from __future__ import annotations

import pytest
from conftest import tone_alarms


@pytest.mark.parametrize(("text", "lang"), [
    # a question answered by a denial
    ("Notre cheffe de projet, une incompétente ? Absolument pas. Elle a livré trois lots à l'heure.", "fr"),
    ("Notre comptable, un escroc ? Au contraire : il a signalé lui-même l'erreur.", "fr"),
    ("Our warehouse lead a bully? Not remotely. He covers every night shift himself.", "en"),
    ("Are our testers idiots? Far from it, they caught the outage before launch.", "en"),
    # a claim reported, then called false in the next sentence
    ("Certains racontent que le service paie est nul. Faux : zéro erreur de virement cette année.", "fr"),
    ("Rumour has it our helpdesk is clueless. Wrong. Ticket times halved since March.", "en"),
    # hearsay conditional, then "c'est faux"
    ("On entend que notre nouvelle directrice serait une incapable. C'est faux, le chantier a repris en une semaine.", "fr"),
    # the claim rejected in its own sentence
    ("Ceux qui traitent nos techniciens d'incompétents se trompent : ils ont tenu tous les délais.", "fr"),
    ("Anyone who calls our nurses lazy clearly hasn't worked a night with them.", "en"),
    ("People keep saying our finance team is useless; the figures say otherwise.", "en"),
    # asked as a challenge
    ("Qui a dit que notre stagiaire était paresseux ? Il a fini le dossier avant tout le monde.", "fr"),
    ("Who said our interns were lazy? They shipped the release a week early.", "en"),
    # a question asked of the writer, then denied
    ("On m'a demandé si nos vendeurs étaient des menteurs. Pas du tout : ils ont déconseillé l'option inutile.", "fr"),
    # a slur reported to be sanctioned
    ("Someone in the comments called our apprentices 'parasites'. Reported. We are proud of them.", "en"),
    # a negation with "ni ... ni"
    ("Mon collègue n'est ni idiot ni fainéant, il manquait d'informations.", "fr"),
])
def test_a_claim_the_writer_rejects_is_no_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    # a question nobody rejects: asked for agreement, or answered yes
    ("Is our CFO an idiot or what?", "en"),
    ("Our CFO an idiot? Yes, and a liar too.", "en"),
    ("Notre DSI, un incompétent ? Oui, clairement.", "fr"),
    ("Is our manager a moron? No doubt about it.", "en"),
    ("Who else says our CFO is an idiot?", "en"),
    # a denial word that belongs to the insult itself
    ("Notre chef est un incapable, pas du tout à la hauteur.", "fr"),
    # the insult asserted after a claim of others
    ("Certains disent que notre chef est exigeant. Moi je dis que c'est un crétin.", "fr"),
])
def test_an_insult_asserted_or_confirmed_stays_a_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []

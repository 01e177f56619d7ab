"""`inside_information`: a sensitive topic said as not public or as upcoming is a
finding; the same topic framed as already public, past, general or about another
company is not (issue 12). Accuracy is measured in bench/eval_inside.py; these
are the specifications."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import charter_from, inside_rule_charter

from charterguard import Charter, Checker
from charterguard.errors import CharterError
from charterguard.inside.lexicon import Matcher, inflections, parse_entry, tokenize

NOW = datetime(2026, 11, 22, tzinfo=UTC)


@pytest.fixture(scope="module")
def inside_rules_checker() -> Checker:
    """The default charter's two inside-information rules alone (no other rule's finding changes a verdict)."""
    charter = Charter.load("default")
    ids = {r.spec.id for r in charter.rules if r.spec.kind == "inside_information"}
    assert ids == {"speaking.inside_information", "speaking.market_sensitive"}
    return Checker(charter.only(ids))


def verdict(checker: Checker, text: str, lang: str) -> str:
    return checker.check(text, lang=lang, now=NOW).verdict


# The posts quoted in issue 12 (they passed before): secrecy cues block, upcoming events warn.
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Je ne peux rien dire, mais on met la main sur une start-up de la cybersécurité d'ici Noël 🤫", "fr", "block"),
        ("Our board just approved buying a smaller rival; don't tell anyone until the 10th", "en", "block"),
        ("Le CA du trimestre sera sous les attentes, ça va piquer jeudi en bourse", "fr", "warn"),
        # The staff learning it next week says it is not public yet (a disclosure ahead): block.
        ("On ferme l'agence de Bordeaux en mars, les équipes l'apprendront la semaine prochaine", "fr", "block"),
    ],
)
def test_the_issue_posts_are_found(inside_rules_checker: Checker, text: str, lang: str, expected: str) -> None:
    assert verdict(inside_rules_checker, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Results published this morning: revenue up 4%. Press release linked below.", "en"),
        ("Great article on how to handle layoffs with empathy.", "en"),
        ("Comme annoncé ce matin, nous avons finalisé le rachat de la start-up nantaise Cyberloop.", "fr"),
        ("Il y a dix ans, nous rachetions une petite entreprise de Grenoble : elle compte aujourd'hui 400 salariés.", "fr"),
        ("In 2019 we closed our Detroit plant; it has since become a training campus.", "en"),
        ("Apparently Globex is going to buy Initech, the sector is moving fast.", "en"),
        ("Selon la presse, Danone envisagerait de fermer une usine en Bretagne.", "fr"),
        ("Nous serons au salon VivaTech la semaine prochaine, venez nous voir !", "fr"),
        ("Entre nous, rien ne vaut un bon café avant la réunion du lundi.", "fr"),
        ("Nos clients pourront bientôt suivre leurs colis en temps réel.", "fr"),
        # The "je" / "I" who reports a rumour is not the company.
        ("Je lis que Michelin va supprimer des postes en Allemagne, triste nouvelle pour la filière.", "fr"),
        ("I read that Michelin will cut jobs in Germany, sad news for the industry.", "en"),
        # A routine, temporary closure.
        ("Notre boutique de Lyon sera fermée lundi pour inventaire.", "fr"),
        ("Our Lyon store will be closed on Monday for stocktaking.", "en"),
    ],
)
def test_public_past_general_and_other_companies_pass(inside_rules_checker: Checker, text: str, lang: str) -> None:
    assert verdict(inside_rules_checker, text, lang) == "pass"


def test_the_finding_points_at_the_topic_and_names_it(inside_rules_checker: Checker) -> None:
    report = inside_rules_checker.check("Entre nous, le PDG quittera le groupe après l'assemblée générale.", lang="fr", now=NOW)
    lead = report.findings[0]
    assert (lead.rule, lead.text, lead.severity, lead.clause) == ("speaking.inside_information", "PDG", "block", "6.3")
    assert "départ ou nomination d'un dirigeant" in lead.message and "non publique" in lead.message
    assert "speaking.market_sensitive" in lead.also  # the warn rule found it too; the block one leads
    english = inside_rules_checker.check("Between us, the CEO will leave the group after the annual meeting.", lang="en", now=NOW)
    assert "executive departure" in english.findings[0].message


def test_a_topic_needing_a_companion_word_waits_for_it(inside_rules_checker: Checker) -> None:
    # "fermer" is a closure only with a site in the sentence (usine, agence, site, office...).
    assert verdict(inside_rules_checker, "On va fermer les volets lundi soir avant de partir en vacances.", "fr") == "pass"
    assert verdict(inside_rules_checker, "On va fermer le site de Lorient lundi, personne ne le sait.", "fr") == "block"


def test_rumour_about_our_own_company_is_still_a_finding(inside_rules_checker: Checker) -> None:
    # Hearsay about another company passes; said about us (first person), it stays.
    assert verdict(inside_rules_checker, "Il paraît que notre usine de Lorient va fermer l'an prochain.", "fr") == "warn"


def test_products_need_a_secrecy_cue(inside_rules_checker: Checker) -> None:
    # A marketing teaser is public by nature; the same news "not announced yet" is not.
    assert verdict(inside_rules_checker, "Notre nouvelle gamme sera lancée en mars, restez connectés !", "fr") == "pass"
    assert verdict(inside_rules_checker, "Notre nouvelle gamme sera lancée en mars, ce n'est pas encore officiel.", "fr") == "block"
    # Launch verbs are everyday words: without a product word they are no product.
    assert verdict(inside_rules_checker, "Entre nous, je vais présenter ma démission demain.", "fr") == "pass"
    assert verdict(inside_rules_checker, "Between us, the train arrives late every single day.", "en") == "pass"


@pytest.mark.slow
def test_french_future_tense_is_read_from_the_morphology(inside_rules_checker: Checker) -> None:
    # No cue word: only the tense of "fermera" / "supprimeront" says it lies ahead.
    assert verdict(inside_rules_checker, "Notre usine de Lorient fermera ses portes.", "fr") == "warn"
    assert verdict(inside_rules_checker, "Notre usine de Lorient a fermé ses portes.", "fr") == "pass"


# Issue 12 asks for inside information "however it is worded": the families below were
# missed by posts nobody had tuned on (bench/data/inside_fresh4.jsonl); these are other wordings.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # An embargo, a release held back, a ban on passing it on.
        ("Our Series D closes on Friday, embargoed until the Bloomberg story.", "en"),
        ("We lost the Vodafone contract. Please don't repost this yet.", "en"),
        ("Le plan d'économies prévoit 200 postes non essentiels, interdiction d'en parler.", "fr"),
        ("Our payroll team is being outsourced to India, I'm not supposed to share this.", "en"),
        # Insiders who have not decided how to tell; "you didn't hear it from me".
        ("Our biggest client won't renew next year and leadership hasn't decided how to tell the market.", "en"),
        ("Our CFO resigned this week. You didn't hear it from me.", "en"),
        # A quoted code name in the sentence of a deal.
        ("Projet « Faucon » : on signe l'acquisition d'un concurrent allemand le 14.", "fr"),
        ('Project "Falcon" update: we take over a German rival on the 14th.', "en"),
        # Topics the lexicons lacked: a rights issue, owning a rival, a product going live.
        ("A rights issue is planned; the board hasn't announced it yet.", "en"),
        ("Not public info: by the summer we'll own our main competitor in Spain.", "en"),
        ("Our new premium tier goes live in May. Not announced yet, so keep it to yourselves.", "en"),
        ("Sneak peek of the smartphone we unveil next month, strictly for close friends.", "en"),
    ],
)
def test_wordings_that_say_it_is_not_public_yet_block(inside_rules_checker: Checker, text: str, lang: str) -> None:
    assert verdict(inside_rules_checker, text, lang) == "block"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # The English progressive of the topic or its companion word is an arranged event.
        ("We are acquiring a small robotics firm, signing happens after the audit.", "en"),
        ("Heads up: our second biggest customer is not renewing their contract.", "en"),
        ("Our Bristol plant is being shut down.", "en"),
        # A place naming the site is no other company ("the Leeds warehouse").
        ("The Derby warehouse is being shut down in Q3.", "en"),
        ("Our Glasgow call centre is closing in March.", "en"),
        # An interim executive; a season ahead.
        ("Our CEO steps aside and the CFO becomes interim chief executive on Monday.", "en"),
        ("We're going public on Euronext next spring.", "en"),
    ],
)
def test_english_arranged_events_warn(inside_rules_checker: Checker, text: str, lang: str) -> None:
    assert verdict(inside_rules_checker, text, lang) == "warn"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A surprise party or an early closing is a secret, not a leak.
        ("Don't tell her 🤫 it's a surprise party: our director is retiring after 30 years!", "en"),
        ("Chut 🤫 pot de départ surprise pour notre directrice qui part à la retraite vendredi !", "fr"),
        ("Our shop will close early on New Year's Eve. See you in January!", "en"),
        ("We're closing the office for the Christmas break, back on January 4th!", "en"),
        # Raising money for a cause; targets that are not financial.
        ("Our colleagues are raising funds for charity this weekend.", "en"),
        ("We are going to smash our carbon targets this year.", "en"),
        # A progressive that is no topic, and "own" that is no purchase.
        ("We're growing our team this year: 12 new roles open.", "en"),
        ("We own our mistakes and learn from them, that is our company culture.", "en"),
        ("She is leaving the office early today for the school run.", "en"),
        # A project name without a deal; a how-to about embargoes or fundraising.
        ("Notre projet « Zéro papier » avance bien, merci à tous.", "fr"),
        ("How to handle a press embargo: our guide for startups.", "en"),
        ("Mode d'emploi : réussir sa levée de fonds en 2027, webinaire jeudi.", "fr"),
        # Other companies, reported.
        ("Next week the Ford plant is closing, says the local paper.", "en"),
        ("Reports say Globex is merging with Initech next year.", "en"),
    ],
)
def test_secrets_parties_causes_and_reports_pass(inside_rules_checker: Checker, text: str, lang: str) -> None:
    assert verdict(inside_rules_checker, text, lang) == "pass"


def test_lemmas_match_their_inflections() -> None:
    forms = inflections("racheter")
    assert {"rachete", "rachetons", "racheterait", "rachetes", "racheter"} <= forms
    assert {"acquires", "acquired", "acquiring"} <= inflections("acquire")
    assert {"cutting", "cuts"} <= inflections("cut")
    entry = parse_entry("=CA", inflect=True)
    assert [p.exact for p in entry.parts] == ["CA"]
    assert [t.text for t in tokenize("Ça lève 40M€")] == ["ca", "leve", "m"]


def test_a_matcher_finds_every_entry_a_word_starts_with_in_the_order_entries_were_given() -> None:
    written = ["officiel*", "annonce officielle", "off*", "=CA", "résultat*", "officiellement confirmé", "o*", "😱"]
    matcher = Matcher([parse_entry(w, inflect=False) for w in written])
    text = "Officiellement confirmé : le CA et les résultats trimestriels 😱"
    found = [(m.entry.written, text[m.start : m.end]) for m in matcher.find(tokenize(text), text)]
    assert found == [
        ("officiellement confirmé", "Officiellement confirmé"),  # whole words first, then prefixes
        ("officiel*", "Officiellement"),
        ("off*", "Officiellement"),
        ("o*", "Officiellement"),
        ("=CA", "CA"),
        ("résultat*", "résultats"),
        ("😱", "😱"),
    ]
    assert matcher.find(tokenize("Rien à voir"), "Rien à voir") == []



def test_unknown_topic_names_file_line_and_field(tmp_path: Path) -> None:
    path = inside_rule_charter(tmp_path, "topics: [acquisition, layofs]\n")
    with pytest.raises(CharterError) as info:
        Charter.load(path)
    error = info.value
    assert (error.line, error.field) == (10, "rules[0](speaking.inside).topics[1]")
    assert "unknown topic 'layofs'" in str(error) and "restructuring" in str(error)
    assert str(error).startswith(f"{path.resolve()}:10:")


def test_unknown_cue_list_names_file_line_and_field(tmp_path: Path) -> None:
    path = inside_rule_charter(tmp_path, "extra_cues:\n  secret: [sous le manteau]\n")
    with pytest.raises(CharterError) as info:
        Charter.load(path)
    assert (info.value.line, info.value.field) == (11, "rules[0](speaking.inside).extra_cues.secret")
    assert "unknown cue list 'secret'" in str(info.value) and "secrecy" in str(info.value)


def test_unknown_trigger_cue_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CharterError) as info:
        Charter.load(inside_rule_charter(tmp_path, "cues: [rumour]\n"))
    assert info.value.field is not None and info.value.field.startswith("rules[0](speaking.inside).cues")


def test_a_charter_adds_its_own_topics_and_cues(tmp_path: Path) -> None:
    path = inside_rule_charter(
        tmp_path,
        """\
        topics: [divestiture]
        cues: [secrecy]
        extra_topics:
          divestiture: {terms: [essaimage, spin-off], label: {fr: essaimage, en: spin-off}}
        extra_cues:
          secrecy: [sous le manteau, hors micro]
        """,
    )
    checker = Checker(Charter.load(path))
    found = checker.check("Hors micro : l'essaimage de la division robotique est acté pour juin.", lang="fr", now=NOW).findings
    assert [(f.text, f.message) for f in found] == [("essaimage", "essaimage (présentée comme non publique): essaimage")]
    # Only the listed topics: an acquisition said in secret is not this rule's business.
    assert checker.check("Hors micro : on rachète un concurrent en juin.", lang="fr", now=NOW).findings == []
    # cues: [secrecy] only: an upcoming spin-off without a secrecy cue passes.
    assert checker.check("Le spin-off de la division robotique aura lieu en juin.", lang="fr", now=NOW).findings == []


def test_rules_share_findings_only_when_configured_alike() -> None:
    # Two rules of one charter read the same post: the one with its own cue word finds what the
    # other does not, although both analyse the post in the same check.
    charter = charter_from(
        """
        name: two inside rules
        rules:
          - {id: plain, kind: inside_information, category: confidential, severity: warn, clause: "1", cues: [secrecy],
             message: x, examples: {flag: ["Entre nous, on rachète un concurrent en juin."], pass: ["Bonne journée !"]}}
          - {id: own_words, kind: inside_information, category: confidential, severity: warn, clause: "1", cues: [secrecy],
             extra_cues: {secrecy: [hors micro]},
             message: x, examples: {flag: ["Hors micro : on rachète un concurrent en juin."], pass: ["Bonne journée !"]}}
          - {id: plain_twin, kind: inside_information, category: confidential, severity: warn, clause: "1", cues: [secrecy],
             message: x, examples: {flag: ["Entre nous, on rachète un concurrent en juin."], pass: ["Bonne journée !"]}}
        """
    )
    checker = Checker(charter)
    rules = {f.rule for f in checker.check("Hors micro : on rachète un concurrent en juin.", lang="fr", now=NOW).findings}
    assert "own_words" in rules and not rules & {"plain", "plain_twin"}
    found = checker.check("Entre nous, on rachète un concurrent en juin.", lang="fr", now=NOW).findings
    assert {f.rule for f in found} | {r for f in found for r in f.also} == {"plain", "own_words", "plain_twin"}

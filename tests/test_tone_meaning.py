"""Specifications of the linguistic layer (`Post.linguistics`) and of tone by meaning
(`charterguard.tone.meaning`): who is targeted, negation, quotation, counter-speech,
threats, profanity at no one, exact spans, declarative options."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import tone_alarms

from charterguard.analysis import Post
from charterguard.charter.model import Charter
from charterguard.charter.rule import Company
from charterguard.detectors.tone import ToneDetector, ToneRule
from charterguard.engine import Checker
from charterguard.errors import CharterError
from charterguard.linguistics import TargetNames

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)
COMPANY = Company(name="Acme Group", aliases=["Acme"], competitors=["Globex", "Initech"])
NAMES = TargetNames(("Acme Group", "Acme"), ("Globex", "Initech"))


def post(text: str, lang: str = "fr") -> Post:
    return Post(text, language=lang, channel=None, audience=None, now=NOW)


def make_rule(**options) -> ToneRule:
    return ToneRule.model_validate({
        "id": "tone.test", "kind": "tone", "category": "tone", "severity": "warn", "clause": "5",
        "message": "{category}", "examples": {"flag": ["x"], "pass": ["y"]}, **options,
    })


DETECTOR = ToneDetector(make_rule(categories=[
    "insult", "aggression", "hate", "disparagement_employer", "disparagement_colleagues",
    "disparagement_customers", "disparagement_competitors", "profanity",
]), COMPANY)


def found(text: str, lang: str = "fr", detector: ToneDetector = DETECTOR) -> list[tuple[str, str, str]]:
    """(entity, text of the span, target) of every finding."""
    return [(h.entity, text[h.start : h.end], h.values["target"]) for h in detector.find(post(text, lang))]


def sentence(text: str, lang: str = "fr"):
    linguistics = post(text, lang).linguistics
    return linguistics.parsed(range(len(linguistics.spans)))


# -- the linguistic layer -------------------------------------------------------------------

def test_lemmas_morphology_and_dependencies_per_word():
    (s,) = sentence("Il faudrait les noyer.")
    faudrait = next(w for w in s.words if w.form == "faudrait")
    assert faudrait.lemma == "falloir" and faudrait.feature("Mood") == "Cnd"
    assert all(0 <= w.head < len(s.words) for w in s.words)
    assert s.words[0].start == 0 and s.words[-1].end == len("Il faudrait les noyer.")


@pytest.mark.parametrize(
    "text, lang, word, negated",
    [
        ("Ce n'est pas un incompétent, il manquait juste de temps.", "fr", "incompetent", True),
        ("Ce n'est pas un incompétent, il est juste lent.", "fr", "lent", False),  # a new clause
        ("Personne ici ne pense que la stagiaire est incapable.", "fr", "incapable", True),
        ("Ces gens ne sont que des déchets.", "fr", "dechets", False),  # "ne ... que" means "only"
        ("My manager is far from an idiot.", "en", "idiot", True),
        ("She isn't dumb.", "en", "dumb", True),
        ("Our customers are idiots who never read the manual.", "en", "idiots", False),
    ],
)
def test_negation_scope(text, lang, word, negated):
    words = [(w.form, n) for s in sentence(text, lang) for w, n in zip(s.words, s.negated)]
    assert (word, negated) in words


def test_quotation_marks_and_reported_speech():
    (s,) = sentence("Le cliché « elles sont trop émotives » a la vie dure.")
    assert [w.form for w, q in zip(s.words, s.quoted) if q] == ["elles", "sont", "trop", "emotives"]
    (s,) = sentence("Those who say women are incapable are wrong.", "en")
    assert s.reported[[w.form for w in s.words].index("incapable")]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Notre DSI est un bon à rien.", "fr", {("colleague", None, "DSI")}),
        ("Ma boîte et Globex recrutent.", "fr", {("employer", None, "boîte"), ("competitors", None, "Globex")}),
        ("Les femmes et les migrants.", "fr", {("group", "gender", "femmes"), ("group", "origin", "migrants")}),
        ("Black people and the intern.", "en", {("group", "origin", "Black people"), ("colleague", None, "intern")}),
        ("Our customers love Acme Group.", "en", {("customers", None, "customers"), ("employer", None, "Acme Group")}),
        # customers by the name their trade gives them
        ("Nos abonnés et nos voyageurs.", "fr", {("customers", None, "abonnés"), ("customers", None, "voyageurs")}),
        ("Our subscribers and our passengers.", "en", {("customers", None, "subscribers"), ("customers", None, "passengers")}),
        ("Ce vieux processus papier.", "fr", set()),  # an adjective of a thing is no group
        ("Une entreprise de Lyon.", "fr", set()),  # "entreprise" is the employer only with "ma", "notre", "cette"
    ],
)
def test_targets(text, lang, expected):
    got = {(t.kind, t.group, text[t.start : t.end]) for s in sentence(text, lang) for t in s.targets(NAMES) if t.kind != "person"}
    assert got == expected


def test_a_topic_fragment_is_linked_to_the_sentence_that_comments_on_it():
    first, second = sentence("Le nouveau manager ? Une calamité ambulante.")
    assert second.topic is first and first.topic is None


def test_only_sentences_with_a_cue_are_parsed():
    text = "Belle journée au salon. Merci à toute l'équipe ! Notre DSI est un bon à rien. À bientôt."
    p = post(text)
    assert [f for f in found(text)] == [("INSULT", "bon à rien", "des collègues")]
    hits = list(DETECTOR.find(p))
    assert hits and p.linguistics.parse_calls == 1  # one sentence of four
    ordinary = post("Belle journée au salon. Merci à toute l'équipe pour ce lancement !")
    assert list(DETECTOR.find(ordinary)) == [] and ordinary.linguistics.parse_calls == 0


def test_the_cheap_words_keep_the_offsets_of_the_text_and_each_ask_gets_its_own_list():
    # Kept between asks (the readings of a post ask for the same sentences): a caller that edits
    # what it got changes nothing for the next one.
    from charterguard.linguistics import quick_words

    text = "Ils n'ont rien dit à Hélène, she didn't care"
    joined, offsets = quick_words(text)
    assert joined == "ils n' ont rien dit a helene , she did n't care"
    assert [text[a:b] for a, b in offsets][1:4] == ["n'", "ont", "rien"] and text[slice(*offsets[6])] == "Hélène"
    offsets.clear()
    again, offsets_again = quick_words(text)
    assert (again, len(offsets_again)) == (joined, 12)
    assert quick_words(text.upper())[0] == joined  # case folded alike


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_first_stage_reads_word_by_word_what_its_whole_alternation_finds(lang):
    # The gate tries at each word only the cues that can start with its letter: same matches.
    from charterguard.linguistics import quick_words
    from charterguard.tone.meaning import cue_lexicon

    texts = [
        "",
        "nul",
        "Ce manager est un vrai bon à rien, un incapable. On va le virer !",
        "Les dirigeants cupides de cette boîte sans parole se moquent bien de ses salariés.",
        "You're a useless idiot and I know where you live. Go back to your country.",
        "I will kill this presentation tomorrow, it's going to be killer!",
        "Belle journée au salon. Merci à toute l'équipe ! Notre DSI est un bon à rien. À bientôt.",
        "idiot idiot idiot idiots. nul nulle nuls !!! crétin-crétine",
    ]
    rows = (ROOT / "bench" / "data" / f"tone_suite_{lang}.tsv").read_text(encoding="utf-8").splitlines()
    texts += [row.split("\t")[-1] for row in rows if row.strip() and not row.startswith("#")]
    for extra in ((), (("hostile", "zorglub"), ("threat_verb", "atomiser"), ("expletive", "sapristi"))):
        gate = cue_lexicon(lang, extra).gate
        whole = gate.whole
        for text in [*texts, "Zorglub, sapristi, je vais vous atomiser"]:
            joined, _ = quick_words(text)
            assert gate.starts(joined) == [m.start() for m in whole.finditer(joined)], text
    assert cue_lexicon(lang).gate.starts(quick_words(texts[2 if lang == "fr" else 4])[0])  # it does find cues


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_gate_of_the_first_stage_finds_what_its_whole_alternation_finds(lang):
    # Large gates are read word by word, small ones (discrimination, ultimatum, predication) whole.
    from charterguard.linguistics import quick_words
    from charterguard.tone.meaning import WHOLE_GATE_PARTS, cue_lexicon

    cues = cue_lexicon(lang)
    gates = [cues.gate, *cues.discrimination, *cues.ultimatum, *cues.predication]
    assert {len(g.parts) <= WHOLE_GATE_PARTS for g in gates} == {True, False}  # both ways are exercised
    rows = (ROOT / "bench" / "data" / f"tone_suite_{lang}.tsv").read_text(encoding="utf-8").splitlines()
    texts = [row.split("\t")[-1] for row in rows if row.strip() and not row.startswith("#")]
    found = 0
    for gate in gates:
        for text in texts:
            joined, _ = quick_words(text)
            starts = gate.starts(joined)
            assert starts == [m.start() for m in gate.whole.finditer(joined)], text
            found += len(starts)
    assert found


def test_a_cue_phrase_is_found_wherever_it_opens_by_form_lemma_or_singular_and_wins_over_its_words():
    from charterguard.tone.meaning import cue_lexicon, matches

    cues = cue_lexicon("fr", (("hostile", "sac à patates"), ("hostile", "sac")))
    (s,) = sentence("Un sac à patates, deux sacs à patates et un sac de patates.")
    forms = [w.form for w in s.words]
    got = [" ".join(forms[a:b]) for a, b in matches(s, cues, "hostile")]
    assert got == ["sac a patates", "sacs a patates", "sac"]  # "sac de patates": the word alone


def test_of_two_overlapping_cue_phrases_the_later_in_the_list_wins_wherever_they_open():
    # The phrases are tried in the list's order (then the sentence's): a later one replaces what it overlaps.
    from charterguard.tone.meaning import cue_lexicon, matches

    (s,) = sentence("Quel panier de crabes percés, ce panier de crabes")
    forms = [w.form for w in s.words]
    for extra, expected in [
        ((("hostile", "panier de crabes"), ("hostile", "crabes percés")), ["crabes perces", "panier de crabes"]),
        ((("hostile", "crabes percés"), ("hostile", "panier de crabes")), ["panier de crabes", "panier de crabes"]),
    ]:
        got = [" ".join(forms[a:b]) for a, b in matches(s, cue_lexicon("fr", extra), "hostile")]
        assert got == expected, extra


def test_a_gate_reads_parts_starting_with_a_class_a_look_behind_or_anything_as_its_whole_alternation():
    # What each part starts with is read from its regex (`text.alternation`): a class, a look-behind
    # before the first letter, or nothing known (tried at every word); the starts stay the whole's.
    from charterguard.linguistics import quick_words
    from charterguard.tone.meaning import WHOLE_GATE_PARTS, Gate

    parts = ["[ée]lu\\w*", "(?<!ne )nul\\w*", "\\S+ard", "\\d+ ans"]
    parts += [f"mot{k}" for k in range(WHOLE_GATE_PARTS)]  # read word by word, not whole
    gate = Gate(parts)
    for text in ["Un élu nullissime, elu et nul", "ce n'est ne nul ni froussard, 58 ans et mot3",
                 "rien de tout cela", "motard mot7 Élus"]:
        joined, _ = quick_words(text)
        assert gate.starts(joined) == [m.start() for m in gate.whole.finditer(joined)], text
    assert len(gate.starts(quick_words("Un élu nullissime, un froussard de 58 ans")[0])) == 4


def test_a_whole_doc_parsed_with_the_parser_is_reused():
    from charterguard import nlp

    text = "Notre DSI est un bon à rien."
    p = post(text)
    p.doc = nlp.parse([text], "fr", ("parser", "lemmatizer"))[0]
    assert found(text) == [("INSULT", "bon à rien", "des collègues")]
    assert list(DETECTOR.find(p)) and p.linguistics.parse_calls == 0


# -- tone by meaning ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, lang, entity, span, target",
    [
        ("Notre DSI est un bon à rien, trois mois pour installer une imprimante", "fr", "INSULT", "bon à rien", "des collègues"),
        ("Le nouveau manager ? Une calamité ambulante.", "fr", "INSULT", "calamité", "des collègues"),
        ("Our new VP is a fraud and everyone on the team knows it", "en", "INSULT", "fraud", "colleagues"),
        ("Nos concurrents ? Des charlatans qui arnaquent leurs clients", "fr", "DISPARAGEMENT", "charlatans", "des concurrents"),
        ("Acme Group traite ses salariés comme des pions", "fr", "DISPARAGEMENT", "pions", "l'employeur"),
        ("Encore un client débile qui ne sait pas redémarrer son ordinateur", "fr", "DISPARAGEMENT", "débile", "des clients"),
        ("Les femmes n'ont rien à faire dans une équipe d'ingénieurs", "fr", "HATE", "n'ont rien à faire", "un groupe de personnes"),
        ("Les femmes sont trop émotives pour diriger", "fr", "HATE", "émotives", "un groupe de personnes"),
        ("Migrants are parasites living off our backs", "en", "HATE", "parasites", "a group of people"),
        ("Gay couples should not be allowed to adopt", "en", "HATE", "should not be allowed", "a group of people"),
        ("Il faudrait les noyer, ces gens-là", "fr", "THREAT", "les noyer", "une personne"),
        ("I am going to kill that manager", "en", "THREAT", "kill", "colleagues"),
        ("Ce client mérite une bonne raclée", "fr", "THREAT", "raclée", "des clients"),
        ("Notre directeur financier est véreux", "fr", "INSULT", "véreux", "des collègues"),
        ("My manager is a spineless hypocrite", "en", "INSULT", "hypocrite", "colleagues"),
    ],
)
def test_flags_by_meaning_on_the_hostile_words_only(text, lang, entity, span, target):
    assert (entity, span, target) in found(text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Quelle honte, notre stand était le plus petit du salon.", "fr"),
        ("Il est temps de tuer ce vieux processus papier.", "fr"),
        ("Nous condamnons fermement toute violence.", "fr"),
        ("Ce n'est pas un incompétent, il manquait juste de temps.", "fr"),
        ("Dire que les migrants sont des parasites est inacceptable.", "fr"),
        ("« Les vieux ne savent pas apprendre » : ce cliché a la vie dure, et il est faux.", "fr"),
        ("Notre collègue a été traitée d'incapable en réunion, c'est inadmissible.", "fr"),
        ("Ce bug est une vraie calamité, mais il est corrigé.", "fr"),
        ("J'ai été un idiot de ne pas sauvegarder mon fichier.", "fr"),
        ("La pluie a ruiné notre pique-nique d'équipe.", "fr"),
        ("Mon numéro pour ceux qui veulent les photos.", "fr"),
        ("CEO fraud targets accounting teams: train your staff.", "en"),
        ("We are going to kill the competition with this new product!", "en"),
        ("We should chase them before Friday, those quotes.", "en"),
        ("Calling your colleagues idiots is never acceptable.", "en"),
        ("Women make up 40% of our engineers, and we want to do better.", "en"),
        ("The launch was a failure, and we learned a lot from it.", "en"),
        ("Ce plat était ignoble, on ne retournera pas dans ce restaurant.", "fr"),
    ],
)
def test_negative_but_fine_negated_quoted_and_countered_posts_pass(text, lang):
    assert [f for f in found(text, lang) if f[0] != "PROFANITY"] == []


@pytest.mark.parametrize(
    "text, lang, span",
    [("Putain, quelle journée !", "fr", "Putain"), ("Fuck, what a day!", "en", "Fuck"), ("Et merde, la démo a planté.", "fr", "merde")],
)
def test_profanity_at_no_one_is_only_profanity(text, lang, span):
    assert found(text, lang) == [("PROFANITY", span, "")]


def test_profanity_at_someone_stays_an_insult():
    assert [e for e, _, _ in found("Fuck you", "en")] == ["INSULT"]


def test_each_span_is_the_text_and_its_replacement_changes_only_it():
    checker = Checker(Charter.load("default").with_company(COMPANY))
    for text in ["Notre DSI est un bon à rien, trois mois pour installer une imprimante.",
                 "Les femmes n'ont rien à faire dans une équipe d'ingénieurs, elles sont trop émotives.",
                 "Acme Group traite ses salariés comme des pions, la pire boîte où j'ai bossé."]:
        report = checker.check(text, lang="fr")
        tone = [f for f in report.findings if f.category == "tone"]
        assert tone
        for f in tone:
            assert f.text == text[f.start : f.end]
            assert len(f.text.split()) <= 4  # the hostile words, not the clause
        expected = text
        for f in sorted((f for f in report.findings if f.severity == "block"), key=lambda f: f.start, reverse=True):
            expected = expected[: f.start] + f.replacement + expected[f.end :]
        assert report.redacted == expected  # only the hostile words are replaced


# -- declarative options -------------------------------------------------------------------------

def test_targets_select_findings_so_each_target_gets_its_severity():
    competitors_only = ToneDetector(make_rule(categories=["disparagement_competitors", "insult"], targets=["competitors"]), COMPANY)
    colleagues_only = ToneDetector(make_rule(categories=["disparagement_competitors", "insult"], targets=["colleagues"]), COMPANY)
    text = "Globex est une bande de guignols. Mon chef est un incompétent."
    assert {e for e, _, _ in found(text, detector=competitors_only)} == {"DISPARAGEMENT"}
    assert {e for e, _, _ in found(text, detector=colleagues_only)} == {"INSULT"}


def test_own_cue_words_extend_reading_by_meaning(monkeypatch):
    from charterguard.tone import hostility_model

    text = "Notre directeur est un vrai zigoto."
    own = ToneDetector(make_rule(categories=["insult"], cues={"hostile": ["zigoto"]}), COMPANY)
    # The charter's own cue gives the exact word (the learned reading, tone/hostility_model.py,
    # may read the whole sentence or not, as its gate lets it); without the learned reading only
    # the cue finds it.
    assert found(text, detector=own) == [("INSULT", "zigoto", "des collègues")]
    monkeypatch.setattr(hostility_model, "load_hostility_model", lambda: None)
    assert found(text) == []
    assert found(text, detector=own) == [("INSULT", "zigoto", "des collègues")]


def test_meaning_can_be_turned_off():
    lexicons_only = ToneDetector(make_rule(categories=["insult"], meaning=False), COMPANY)
    assert found("Notre DSI est un bon à rien.", detector=lexicons_only) == []


@pytest.mark.parametrize(
    "line, field",
    [("    targets: [colleagues, martians]", "targets[1]"), ("    cues: {insultes: [x]}", "cues.insultes"),
     ("    categories: [insult, gossip]", "categories[1]")],
)
def test_unknown_target_cue_list_or_category_names_file_line_and_field(tmp_path, line, field):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "extends: default\nname: bad\nrules:\n  - id: tone.custom\n    kind: tone\n    category: tone\n"
        f"    severity: warn\n    clause: '5.9'\n{line}\n    message: x\n"
        "    examples: {flag: [\"T'es un connard\"], pass: [Bonjour]}\n",
        encoding="utf-8",
    )
    with pytest.raises(CharterError) as error:
        Charter.load(str(path))
    assert f"{path}:9:" in str(error.value) and field in str(error.value)


# -- the suites (bench/data) -------------------------------------------------------------------------

def test_report_split_of_the_suites_and_corporate_posts():
    sys.path.insert(0, str(ROOT / "bench"))
    from tone_suite import flagged_by, load_cases

    checker = Checker(Charter.load(str(ROOT / "policies" / "acme-group.yaml")))
    by_phenomenon: dict[tuple[str, str], list[bool]] = {}
    for case in load_cases():
        if case.split == "report":
            by_phenomenon.setdefault((case.phenomenon, case.language), []).append(flagged_by(checker, case)[0] == case.flag)
    every = [ok for oks in by_phenomenon.values() for ok in oks]
    assert sum(every) / len(every) >= 0.95
    default = Checker(Charter.load("default"))
    for name in ("corporate_negative_fine_fr.txt", "corporate_negative_fine_en.txt"):
        lines = [x for x in (ROOT / "bench" / "data" / name).read_text(encoding="utf-8").splitlines() if x.strip()]
        lang = "fr" if "_fr" in name else "en"
        flagged = [t for t in lines if any(f.category == "tone" and f.severity != "info" for f in default.check(t, lang=lang).findings)]
        assert len(flagged) <= 0.01 * len(lines), flagged




@pytest.mark.parametrize(("text", "lang", "span"), [
    ("Si tu touches encore à mon vélo, je te casse les jambes.", "fr", "te casse les jambes"),
    ("Le prochain qui me pique mon agrafeuse, je lui refais le portrait.", "fr", "lui refais le portrait"),
    ("Touch my stapler again and I'll break your fingers.", "en", "I'll break your fingers"),
])
def test_bodily_harm_promised_to_someone_is_a_threat(text, lang, span):
    assert ("THREAT", span) in [(entity, words) for entity, words, _ in found(text, lang)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Je me suis cassé le bras au ski, retour au bureau lundi.", "fr"),
    ("Elle lui a cassé le nez au judo, un accident bête.", "fr"),
    ("He broke his leg skiing, back on Monday.", "en"),
    ("Break a leg at the demo tomorrow!", "en"),
    ("I'm going to break my personal record this year.", "en"),
])
def test_an_injury_told_or_an_idiom_is_no_threat(text, lang):
    assert [entity for entity, _, _ in found(text, lang) if entity == "THREAT"] == []


@pytest.mark.parametrize(("text", "lang", "department"), [
    ("Mélanie de la compta est une huître.", "fr", "compta"),
    ("La compta a encore perdu mes notes de frais.", "fr", "compta"),
    ("Tom in procurement is a soggy cracker.", "en", "procurement"),
])
def test_a_department_names_the_colleagues_who_work_there(text, lang, department):
    (s,) = sentence(text, lang)
    assert ("colleague", department) in [(t.kind, text[t.start : t.end]) for t in s.targets(NAMES)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le logiciel de paie est une huître.", "fr"),
    ("The payroll software is a soggy cracker.", "en"),
])
def test_a_department_that_qualifies_a_thing_names_no_one(text, lang):
    (s,) = sentence(text, lang)
    assert s.targets(NAMES) == ()


@pytest.mark.parametrize(("text", "lang", "alarm"), [
    ("Our subscribers are too stupid to read a manual.", "en", True),
    ("Nos voyageurs sont des boulets.", "fr", True),
    ("Our subscribers grew 12% this quarter, thank you all!", "en", False),
    ("Nos locataires ont enfin un nouvel ascenseur.", "fr", False),
])
def test_customers_named_by_their_trade_are_customers(acme_group_checker, text, lang, alarm):
    assert (tone_alarms(acme_group_checker, text, lang) != []) is alarm

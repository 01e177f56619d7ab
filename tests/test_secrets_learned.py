"""The learned reading of secrets handed over by their context (`charterguard.secrets.presented`),
stacked after the rules: what it finds that no rule's wording announces, what it leaves alone, its
options, its training, and that without its model file the rules work alone.

The wordings below are written for these tests (not from train/secrets nor bench/data)."""

from __future__ import annotations

import gzip
import json
import textwrap
import threading
from pathlib import Path

import pytest

from charterguard import Charter, Checker
from charterguard.detectors.secrets import SecretsDetector
from charterguard.errors import CharterError
from charterguard.secrets import presented
from charterguard.secrets.family import secret_family
from charterguard.secrets.presented import candidate_spans, load_presented_model
from charterguard.secrets.scan import find_credentials
from charterguard.secrets.train_presented import TRAINED_SETS, read_rows, set_rows
from charterguard.secrets.train_presented import main as train

# Handed over with no word a rule knows: the context says it, not "mot de passe :".
HANDED_OVER = [
    ("fr", "pour le NAS du studio c'est graphiste / Ocre-Vif-73, merci de ne pas le diffuser", "Ocre-Vif-73"),
    ("en", "the label printer in shipping wants Kiwi-Dune-38 when you open its admin page", "Kiwi-Dune-38"),
    ("en", "| service | user | secret |\n|---|---|---|\n| billing | sync | Heron-Fig-27 |", "Heron-Fig-27"),
]
HARMLESS = [
    ("fr", "Code promo RENTREE30 : -30 % sur tout le site jusqu'à dimanche"),
    ("fr", "Votre commande CDE-2026-88123 est en préparation"),
    ("fr", "Le mot de passe doit contenir au moins 12 caractères dont 1 chiffre"),
    ("fr", "Corrigé dans le commit 9c1e7f3a2b, voir le changelog"),
    ("fr", "Dans la doc : password: <votre-mot-de-passe>"),
    ("en", "Use promo code SPRING25 for 25% off your first box"),
    ("en", "Your order #WB-44192-K ships tomorrow"),
    ("en", "Fixed in 4f9a2c1d, thanks to everyone who reported it"),
    ("en", "Passwords must have 14 characters including a number and a symbol"),
    ("en", "my zip code is 35350"),
]


def credentials_detector(charter: Charter) -> SecretsDetector:
    return next(r.detector for r in charter.rules if r.spec.id == "secret.credentials")  # type: ignore[return-value]


def test_the_default_charter_reads_values_handed_over_by_their_context() -> None:
    assert credentials_detector(Charter.load("default")).learned is not None


@pytest.mark.parametrize(("lang", "text", "secret"), HANDED_OVER)
def test_a_value_handed_over_in_a_wording_no_rule_knows_is_found(default_checker: Checker, lang: str, text: str, secret: str) -> None:
    assert not any(text[c.start : c.end] == secret for c in find_credentials(text))  # no rule finds it
    report = default_checker.check(text, lang=lang)
    assert report.verdict == "block"
    [finding] = [f for f in report.findings if f.rule == "secret.credentials"]
    assert (finding.text, finding.entity) == (secret, "PASSWORD")


@pytest.mark.parametrize(("lang", "text"), HARMLESS)
def test_promo_codes_order_numbers_rules_placeholders_and_commits_are_left_alone(default_checker: Checker, lang: str, text: str) -> None:
    report = default_checker.check(text, lang=lang)
    assert not [f for f in report.findings if f.rule.startswith("secret.")]


def test_a_value_a_rule_reports_keeps_the_rules_span_and_family() -> None:
    text = "identifiants : admin / Xk9!mPq2 pour la démo"
    model = load_presented_model()
    assert model is not None
    assert [(c.start, c.end, c.family, c.kind) for c in find_credentials(text, model)] == [
        (c.start, c.end, c.family, c.kind) for c in find_credentials(text)
    ]


def test_ordinary_posts_yield_no_candidate() -> None:
    for text in (
        "Rendez-vous à 14h30 salle B2 pour le point Q3, on fête les 25 ans de l'agence !",
        "Our team shipped v2.4.1 today: 3x faster exports, see https://example.com/blog/2026-release",
        "Merci à @marie_dupont et #TeamLyon pour l'organisation, 120 inscrits au total.",
        "The 4K stream peaked at 12,500 viewers at 9:15pm, huge thanks to the crew.",
        "Appelez le 06 12 34 56 78 ou écrivez à contact@example.fr avant le 12/05/2026.",
    ):
        assert candidate_spans(text) == [], text


def test_a_field_name_joining_words_is_no_value() -> None:
    # a config naming its fields in attributes: the names are identifiers, the value beside them a secret
    text = '<creds><add key="Username" value="svc-build" /><add key="PlainTextPassword" value="Rv7-Tomate#33" /></creds>'
    assert [text[s:e] for s, e in candidate_spans(text)] == ["Rv7-Tomate#33"]
    assert candidate_spans("la clé d'app en lettres : xkqwmzrtplvbnh") != []  # random letters stay a candidate


@pytest.mark.parametrize(
    ("words", "value", "family"),
    [
        ("le code wifi c", "Brume5521", "PASSWORD"),
        ("le jeton du bot :", "dp_7Hk2Lm9Qx4Rt8Vw3Zy6Bn1", "TOKEN"),
        ("la clef du bucket :", "hV8rT2kLq9Zx4Wm1Pn7sYb3C", "API_KEY"),
        ("pour la borne de la salle B", "Renard_Bleu77", "PASSWORD"),  # no word: a chosen value
        ("je te colle ça :", "Rk3vP9xQ2mLw7Tz4Yb8NcE5d", "API_KEY"),  # no word: a generated value
    ],
)
def test_the_family_is_the_word_naming_the_value_else_its_shape(words: str, value: str, family: str) -> None:
    assert secret_family(value, words, prose=True) == family


def test_without_the_model_file_the_rules_work_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(presented, "presented_model_path", lambda: tmp_path / "absent.json.gz")
    load_presented_model.cache_clear()
    try:
        assert load_presented_model() is None
        checker = Checker(Charter.load("default"))
        assert checker.check("Le wifi invité : mot de passe: Soleil2026!", lang="fr").verdict == "block"  # a rule's
        lang, text, _ = HANDED_OVER[1]
        assert not [f for f in checker.check(text, lang=lang).findings if f.rule == "secret.credentials"]
    finally:
        monkeypatch.undo()
        load_presented_model.cache_clear()


def secrets_rule_charter(tmp_path: Path, options: str, families: str = "[PASSWORD]") -> Path:
    path = tmp_path / "charter.yaml"
    path.write_text(
        textwrap.dedent(
            f"""\
            name: t
            rules:
              - id: secret.credentials
                kind: secrets
                category: secret
                severity: block
                clause: "3"
                message: "{{label}}"
                examples: {{flag: [], pass: []}}
                families: {families}
            """
        )
        + textwrap.indent(options, "    "),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("options", "field"),
    [("learned: sometimes\n", "learned"), ("learned: true\nlearned_threshold: 1.5\n", "learned_threshold"),
     ("learned: true\nlearned_threshold: yes\n", "learned_threshold")],
)
def test_bad_learned_options_name_file_line_and_field(tmp_path: Path, options: str, field: str) -> None:
    path = secrets_rule_charter(tmp_path, options)
    with pytest.raises(CharterError) as info:
        Charter.load(path)
    assert info.value.field == f"rules[0](secret.credentials).{field}"
    assert str(info.value).startswith(f"{path.resolve()}:{info.value.line}:") and info.value.line is not None


def test_a_threshold_without_the_learned_reading_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CharterError) as info:
        Charter.load(secrets_rule_charter(tmp_path, "learned_threshold: 0.9\n"))
    assert info.value.field == "rules[0](secret.credentials).learned_threshold" and "learned: true" in str(info.value)


def test_the_learned_reading_needs_a_credential_family(tmp_path: Path) -> None:
    with pytest.raises(CharterError) as info:
        Charter.load(secrets_rule_charter(tmp_path, "learned: true\n", families="[INTERNAL_URL]"))
    assert info.value.field == "rules[0](secret.credentials).learned"


def test_a_higher_threshold_reports_less(tmp_path: Path) -> None:
    lang, text, secret = HANDED_OVER[0]
    model = load_presented_model()
    assert model is not None
    found = [c for c in model.find(text, []) if text[c.start : c.end] == secret]
    assert found and found[0].score < 0.999
    stricter = Checker(Charter.load(secrets_rule_charter(tmp_path, "learned: true\nlearned_threshold: 0.999\n")))
    assert stricter.check(text, lang=lang).verdict == "pass"


ROWS = [
    {"lang": "fr", "kind": "chat", "text": "le code de la porte du labo c'est 7712", "secrets": [{"family": "PASSWORD", "text": "7712"}]},
    {"lang": "fr", "kind": "promo", "text": "le code promo du salon c'est SALON26", "secrets": []},
    {"lang": "en", "kind": "chat", "text": "the shared scanner logs in with Fern-Lake-19", "secrets": [{"family": "PASSWORD", "text": "Fern-Lake-19"}]},
    {"lang": "en", "kind": "identifier", "text": "the shared scanner ticket is INC-4471-B", "secrets": []},
] * 6


def write_corpus(folder: Path, rows: list[dict]) -> Path:
    folder.mkdir()
    # (one row each differing in a word: the folds are the crc32 of the text)
    lines = [json.dumps({**row, "text": row["text"] + f" ({i})"}, ensure_ascii=False) for i, row in enumerate(rows)]
    (folder / "t_mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_training_is_reproducible(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_corpus(tmp_path / "data", ROWS)
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    assert train(["--data", str(data), "--out", str(first), "--sets"]) == 0
    assert train(["--data", str(data), "--out", str(second), "--sets"]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert "threshold" in capsys.readouterr().out


def write_sets(path: Path, posts: list[dict]) -> Path:
    path.write_text("".join(json.dumps(post, ensure_ascii=False) + "\n" for post in posts), encoding="utf-8")
    return path


def test_a_testers_set_is_read_with_its_credential_labels_only(tmp_path: Path) -> None:
    posts = write_sets(tmp_path / "secrets_posts.jsonl", [
        {"id": 1, "split": "holdout", "lang": "fr", "text": "le wifi du labo c'est Pomme-Verte-42, sur 10.4.2.9",
         "secrets": [{"family": "PASSWORD", "text": "Pomme-Verte-42"}, {"family": "INTERNAL_HOST", "text": "10.4.2.9"}]},
        {"id": 2, "split": "holdout", "lang": "en", "text": "token tok-Ab12 then tok-Ab12 again",
         "secrets": [{"family": "TOKEN", "text": "tok-Ab12"}, {"family": "TOKEN", "text": "tok-Ab12"}]},
        {"id": 3, "split": "dev", "lang": "en", "text": "not read", "secrets": []},
    ])
    rows = set_rows(posts, ["holdout"])
    assert [r.text for r in rows] == ["le wifi du labo c'est Pomme-Verte-42, sur 10.4.2.9", "token tok-Ab12 then tok-Ab12 again"]
    assert rows[0].secrets == ((22, 36, "PASSWORD"),)  # the host is the infrastructure rules' (a negative here)
    assert rows[1].secrets == ((6, 14, "TOKEN"), (20, 28, "TOKEN"))  # a token printed twice: both occurrences


def test_a_set_not_named_in_trained_sets_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posts = write_sets(tmp_path / "secrets_posts.jsonl", [{"id": 1, "split": "holdout99", "lang": "fr", "text": "x", "secrets": []}])
    assert "holdout99" not in TRAINED_SETS
    with pytest.raises(ValueError, match="not a trained set .*holdout99"):
        set_rows(posts, ["holdout99"])
    # (named, but no row of it: a typo or a file of another version)
    with pytest.raises(ValueError, match="no row of the set.*holdout"):
        set_rows(posts, ["holdout"])
    data = write_corpus(tmp_path / "data", ROWS)
    assert train(["--data", str(data), "--out", str(tmp_path / "m.json.gz"), "--bench-posts", str(posts), "--sets", "holdout99"]) == 2
    assert "not a trained set" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", ":1: not JSON"),
        ('{"id": 1, "split": "holdout", "lang": "de", "text": "x", "secrets": []}', ":1: lang must be fr or en"),
        ('{"id": 1, "split": "holdout", "lang": "fr", "secrets": []}', ":1: text must be a string"),
        ('{"id": 1, "split": "holdout", "lang": "fr", "text": "code 1234", "secrets": [{"text": "1234"}]}', ":1: secrets\\[\\] need text and family"),
        ('{"id": 1, "split": "holdout", "lang": "fr", "text": "code 1234", "secrets": [{"family": "PASSWORD", "text": "9"}]}',
         ":1: secrets\\[0\\].text is not a substring"),
    ],
)
def test_a_bad_post_of_a_set_names_its_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    posts = tmp_path / "secrets_posts.jsonl"
    posts.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="secrets_posts.jsonl" + message):
        set_rows(posts, ["holdout"])


def test_the_shipped_model_was_trained_on_every_listed_set() -> None:
    model = json.loads(gzip.decompress(presented.presented_model_path().read_bytes()))
    assert model["provenance"]["sets"] == list(TRAINED_SETS)
    assert model["provenance"]["set_rows"] > 3000


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"lang": "de", "kind": "chat", "text": "x", "secrets": []}, ":1: lang must be fr or en"),
        ({"lang": "fr", "kind": "chat", "text": "code 1234", "secrets": [{"family": "PASSWORD", "text": "9999"}]}, ":1: secrets[0].text is not a substring"),
        ({"lang": "fr", "kind": "chat", "text": "code 1234", "secrets": [{"family": "PIN", "text": "1234"}]}, ":1: secrets[0].family must be"),
        ({"lang": "fr", "kind": "poem", "text": "code 1234", "secrets": []}, ":1: kind must be one of"),
    ],
)
def test_a_bad_corpus_row_names_its_file_line_and_field(tmp_path: Path, row: dict, message: str) -> None:
    (tmp_path / "bad.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl" + message.replace("[", r"\[").replace("]", r"\]")):
        read_rows(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        "code Ab1!x9 " * 8_000,
        "|x|Tundra-Fox-61" * 8_000,
        "| pw |\n|---|\n" + "| Ocre-Vif-73 |\n" * 8_000,
        "a;b;Qv7-Lp2;" * 10_000,
        "bindpw=Gr4nit-Sud! " * 6_000,
        "> le code ?\n4471\n" * 8_000,
        "x" * 60_000 + " Kiwi-Dune-38" * 2_000,
    ],
)
def test_long_adversarial_posts_take_linear_time_with_the_learned_reading(text: str) -> None:
    model = load_presented_model()
    assert model is not None
    done = threading.Event()
    threading.Thread(target=lambda: (find_credentials(text[:100_000], model), done.set()), daemon=True).start()
    assert done.wait(timeout=20)  # (shared 2-core machine: generous; quadratic reads took minutes)

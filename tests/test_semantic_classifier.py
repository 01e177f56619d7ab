"""The shared pieces of the learned sentence readings (`charterguard.semantic.classifier`), used by
tone (hostility) and inside information alike: each is specified on small data of its own."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from charterguard.semantic.classifier import (
    calibrated,
    fit_gate,
    fit_logistic,
    fit_platt,
    folds_of,
    gate_features,
    gate_score,
    margins_of,
    pipeline_threshold,
    read_labelled_rows,
    row_weights,
    write_model_file,
)


def test_gate_features_are_words_word_pairs_and_pieces_of_long_words() -> None:
    features = gate_features("On rachète Velta")
    assert {"on", "rachete", "velta", "on rachete", "rachete velta"} <= features
    assert {"~rach", "~ache", "~chet", "~hete", "~velt", "~elta"} <= features
    assert "~on r" not in features  # pieces are of one word, and only of words of 5 letters or more


def test_the_gate_scores_the_flag_class_words_up_and_the_others_down() -> None:
    texts = ["on rachete velta en secret", "on rachete kappa en secret", "bon week end a tous", "bon lundi a tous"]
    weights = fit_gate(texts, np.array([1, 1, 0, 0]))
    assert weights["secret"] > 0 > weights["tous"]
    assert "velta" not in weights  # seen once: not kept
    assert gate_score(weights, "le rachat en secret") > gate_score(weights, "bonne soiree a tous")


def test_folds_depend_on_the_text_only() -> None:
    texts = ["a", "b", "c", "d", "e", "f"]
    folds = folds_of(texts, 5)
    assert set(folds) <= set(range(5))
    assert list(folds_of(list(reversed(texts)), 5)) == list(reversed(folds))


def test_a_logistic_regression_separates_and_platt_scaling_keeps_the_order() -> None:
    rng = np.random.default_rng(0)
    x = np.vstack([rng.normal(1.0, 0.5, (40, 3)), rng.normal(-1.0, 0.5, (40, 3))])
    y = np.array([1.0] * 40 + [0.0] * 40)
    beta = fit_logistic(x, y, l2=1.0)
    margins = margins_of(beta, x)
    assert ((margins > 0) == (y == 1)).mean() > 0.95
    probabilities = calibrated(fit_platt(margins, y), margins)
    assert np.all(np.diff(probabilities[np.argsort(margins)]) >= 0)
    assert probabilities[y == 1].mean() > 0.8 > 0.2 > probabilities[y == 0].mean()


def test_other_rows_weigh_a_fixed_share_of_our_own_negatives() -> None:
    y = np.array([1, 1, 0, 0, 0, 0, 0, 0, 0, 0], dtype=float)
    own = np.array([True] * 4 + [False] * 6)
    weights = row_weights(y, own, 0.5)
    assert weights[:2].sum() == pytest.approx(weights[2:4].sum())
    assert weights[4:].sum() == pytest.approx(0.5 * weights[2:4].sum())


def test_the_joint_threshold_lets_through_at_most_the_given_share_of_negatives_past_the_gate() -> None:
    probabilities = np.linspace(0.0, 0.99, 100)
    past_gate = np.arange(100) % 2 == 0
    threshold = pipeline_threshold(probabilities, past_gate, 0.05, 0.5)
    assert sum(p >= threshold and g for p, g in zip(probabilities, past_gate)) == 5
    assert pipeline_threshold(probabilities, np.zeros(100, dtype=bool), 0.05, 0.5) == 0.5


def test_labelled_rows_check_their_kinds_and_name_the_bad_line(tmp_path: Path) -> None:
    (tmp_path / "fr_rows.tsv").write_text("# a comment\nflag\tdeal\tOn rachète.\n\npass\tnews\tC'est public.\n", encoding="utf-8")
    assert read_labelled_rows(tmp_path) == [("fr", True, "deal", "On rachète."), ("fr", False, "news", "C'est public.")]
    with pytest.raises(ValueError, match=r"fr_rows\.tsv:2: kind of a flag row"):
        read_labelled_rows(tmp_path, flag_kinds=("results",))
    with pytest.raises(ValueError, match=r"fr_rows\.tsv:4: kind of a pass row"):
        read_labelled_rows(tmp_path, pass_kinds=("published",))
    (tmp_path / "de_rows.tsv").write_text("flag\tdeal\tWir kaufen.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="must start with fr or en"):
        read_labelled_rows(tmp_path)


def test_model_files_are_byte_identical_for_the_same_payload(tmp_path: Path) -> None:
    write_model_file(tmp_path / "a.json.gz", '{"x": 1}')
    write_model_file(tmp_path / "b.json.gz", '{"x": 1}')
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()

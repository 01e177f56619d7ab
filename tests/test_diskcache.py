"""Derived data built once per machine, not once per process (diskcache), and never trusted blindly."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from charterguard import diskcache
from charterguard.text.normalize import FoldedText
from charterguard.tone import lexicon


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHARTERGUARD_CACHE_DIR", str(tmp_path))
    return tmp_path


def _counting_build(calls: list[int], value: object):
    def build() -> object:
        calls.append(1)
        return value

    return build


def test_a_value_is_built_once_then_read_back(cache_folder: Path) -> None:
    calls: list[int] = []
    first = diskcache.cached("sample", "key-1", _counting_build(calls, {"a": [1, 2]}))
    second = diskcache.cached("sample", "key-1", _counting_build(calls, {"a": "never built"}))
    assert first == second == {"a": [1, 2]} and len(calls) == 1
    (stored,) = cache_folder.iterdir()
    assert stored.name == "sample.pickle" and stored.stat().st_mode & 0o777 == 0o600


def test_a_new_key_builds_again_and_replaces_the_old_value(cache_folder: Path) -> None:
    calls: list[int] = []
    diskcache.cached("sample", "key-1", _counting_build(calls, 1))
    assert diskcache.cached("sample", "key-2", _counting_build(calls, 2)) == 2
    assert diskcache.cached("sample", "key-2", _counting_build(calls, 3)) == 2
    assert len(calls) == 2 and len(list(cache_folder.iterdir())) == 1


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps("no key")[:-3]])
def test_a_damaged_file_is_built_again_and_rewritten(cache_folder: Path, content: bytes) -> None:
    calls: list[int] = []
    diskcache.cached("sample", "key", _counting_build(calls, 1))
    (cache_folder / "sample.pickle").write_bytes(content)
    assert diskcache.cached("sample", "key", _counting_build(calls, 2)) == 2
    assert diskcache.cached("sample", "key", _counting_build(calls, 3)) == 2
    assert len(calls) == 2


def test_a_file_others_may_write_is_never_unpickled(cache_folder: Path) -> None:
    calls: list[int] = []
    diskcache.cached("sample", "key", _counting_build(calls, "built"))
    planted = cache_folder / "sample.pickle"
    planted.write_bytes(pickle.dumps(("key", "planted by someone else")))
    os.chmod(planted, 0o666)
    assert diskcache.cached("sample", "key", _counting_build(calls, "built again")) == "built again"


def test_caching_can_be_turned_off_and_an_unwritable_folder_only_costs_the_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[int] = []
    monkeypatch.setenv("CHARTERGUARD_CACHE_DIR", "off")
    assert [diskcache.cached("sample", "key", _counting_build(calls, k)) for k in (1, 2)] == [1, 2]
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("CHARTERGUARD_CACHE_DIR", str(blocked / "sub"))
    assert [diskcache.cached("sample", "key", _counting_build(calls, k)) for k in (3, 4)] == [3, 4]


def test_fingerprints_change_with_any_part_and_with_where_parts_split() -> None:
    assert diskcache.fingerprint(["ab", b"c"]) == diskcache.fingerprint([b"ab", "c"])
    assert diskcache.fingerprint(["ab", "c"]) != diskcache.fingerprint(["a", "bc"])
    assert diskcache.fingerprint(["ab"]) != diskcache.fingerprint(["ab", ""])


def test_the_tone_lexicon_read_from_the_cache_finds_what_a_fresh_build_finds(cache_folder: Path) -> None:
    post = FoldedText("Quel connard, ce fournisseur. Une bande d'incapables, f*ck ce projet, vraiment nul")
    lexicon.lexicon_index.cache_clear()
    built = lexicon.lexicon_index("fr")
    assert (cache_folder / "tone-lexicon-fr.pickle").exists()
    lexicon.lexicon_index.cache_clear()
    read_back = lexicon.lexicon_index("fr")
    lexicon.lexicon_index.cache_clear()
    assert read_back is not built and len(read_back) == len(built) > 1000
    found = [(m.term, m.start, m.end, m.payload) for m in built.find(post)]
    assert found and found == [(m.term, m.start, m.end, m.payload) for m in read_back.find(post)]

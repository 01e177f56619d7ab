"""Long regular expressions compiled once per machine, not once per process (regex_cache)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from charterguard import regex_cache

# A pattern long enough to be cached, with groups, flags and Unicode classes.
LONG = "(?iu)" + "|".join(f"(?P<w{k}>^pre{k}[-‐][a-zà-ÿ]+$)" for k in range(200))
SAMPLES = ["pre7-ébène", "PRE199‐zèbre", "pre7ébène", "pre200-x", "", "pre3-"]


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHARTERGUARD_CACHE_DIR", str(tmp_path))
    re.purge()  # re's own in-process cache would answer before ours
    return tmp_path


def _compile_in_session() -> tuple[re.Pattern[str], int, int]:
    re.purge()
    with regex_cache.compiled_patterns() as session:
        compiled = re.compile(LONG)
    assert session is not None
    return compiled, session.hits, session.misses


def test_a_second_process_gets_the_same_program_from_the_cache(cache_folder: Path) -> None:
    first, hits, misses = _compile_in_session()
    assert (hits, misses) == (0, 1)
    second, hits, misses = _compile_in_session()
    assert (hits, misses) == (1, 0)
    re.purge()
    fresh = re.compile(LONG)
    # Pattern equality compares the pattern, the flags and the compiled code.
    assert second == fresh and first == fresh
    assert [bool(second.match(s)) for s in SAMPLES] == [bool(fresh.match(s)) for s in SAMPLES] == [True, True, False, False, False, False]
    assert second.groupindex == fresh.groupindex


def test_short_patterns_are_left_to_re(cache_folder: Path) -> None:
    re.purge()
    with regex_cache.compiled_patterns() as session:
        re.compile(r"\d+")
    assert session is not None and (session.hits, session.misses) == (0, 0)
    assert list(cache_folder.iterdir()) == []


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe9\x00\x00\x00"])
def test_a_damaged_cache_file_is_compiled_again_and_rewritten(cache_folder: Path, content: bytes) -> None:
    _compile_in_session()
    (cache_file,) = cache_folder.glob("regex-*.marshal")
    cache_file.write_bytes(content)
    compiled, hits, misses = _compile_in_session()
    assert (hits, misses) == (0, 1)
    assert compiled.match("pre7-ébène")
    assert _compile_in_session()[1:] == (1, 0)


def test_a_cache_file_others_may_write_is_not_trusted(cache_folder: Path) -> None:
    _compile_in_session()
    (cache_file,) = cache_folder.glob("regex-*.marshal")
    os.chmod(cache_file, 0o666)
    assert _compile_in_session()[1:] == (0, 1)


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHARTERGUARD_CACHE_DIR", "off")
    with regex_cache.compiled_patterns() as session:
        assert re.compile(LONG).match("pre7-ébène")
    assert session is None


def test_an_unwritable_cache_folder_only_costs_the_compile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("CHARTERGUARD_CACHE_DIR", str(blocked / "sub"))
    compiled, hits, misses = _compile_in_session()
    assert (hits, misses) == (0, 1) and compiled.match("pre7-ébène")


def test_re_is_restored_after_the_block(cache_folder: Path) -> None:
    original = re._compiler.compile  # type: ignore[attr-defined]
    with pytest.raises(KeyError), regex_cache.compiled_patterns():
        raise KeyError("boom")
    assert re._compiler.compile is original  # type: ignore[attr-defined]


def test_a_cache_file_of_the_list_format_or_with_a_damaged_program_is_compiled_again(cache_folder: Path) -> None:
    import marshal

    _compile_in_session()
    (cache_file,) = cache_folder.glob("regex-*.marshal")
    stored = marshal.loads(cache_file.read_bytes())
    (key, (flags, code, *rest)), = stored["entries"].items()
    damaged = {"format": stored["format"], "entries": {key: (flags, code[:-1], *rest)}}  # not a whole number of codes
    old_format = {"format": 1, "entries": {key: (flags, list(code), *rest)}}
    for content in (damaged, old_format):
        cache_file.write_bytes(marshal.dumps(content))
        compiled, hits, misses = _compile_in_session()
        assert (hits, misses) == (0, 1) and compiled.match("pre7-ébène")
        assert _compile_in_session()[1:] == (1, 0)

"""One hierarchy of errors: a front catches `CharterguardError` and gets every error
charterguard raises on purpose, each still importable where it always was."""

from __future__ import annotations

import pytest

from charterguard import errors
from charterguard.errors import CharterguardError

# (module users import it from, name, what else it must stay for older `except` clauses)
ERRORS = [
    ("charterguard.sources", "SourceError", ()),
    ("charterguard.parallel", "BatchAborted", ()),
    ("charterguard.waivers", "WaiverError", ()),
    ("charterguard.api.settings", "SettingsError", (ValueError,)),
    ("charterguard.api", "SettingsError", (ValueError,)),
    ("charterguard.api.keys", "KeysFileError", (ValueError,)),
    ("charterguard.decisions", "DecisionLogError", (RuntimeError,)),
    ("charterguard.decisions.store", "DecisionLogError", (RuntimeError,)),
]


@pytest.mark.parametrize(("module", "name", "also"), ERRORS)
def test_each_error_is_a_charterguard_error_defined_once_and_importable_where_it_was(module: str, name: str, also: tuple[type, ...]) -> None:
    import importlib

    error = getattr(importlib.import_module(module), name)
    assert error is getattr(errors, name)
    assert issubclass(error, CharterguardError)
    for base in also:
        assert issubclass(error, base)


def test_a_post_that_could_not_be_checked_is_a_result_not_an_exception() -> None:
    from charterguard import CheckError

    assert not issubclass(CheckError, BaseException)
    assert not hasattr(errors, "CheckError")
    assert CheckError("p1", "the post contains NUL bytes").to_dict() == {
        "schema": "charterguard.error/1", "id": "p1", "error": {"code": "invalid_post", "message": "the post contains NUL bytes"}}

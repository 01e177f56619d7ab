"""Import the NLP libraries (spaCy, thinc, Presidio) one thread at a time.

spaCy's packages import each other in cycles. When two threads import them at
once (a server's warm-up thread and a request's thread), Python's per-module
import locks hand one of them a partially initialised module:
`ImportError: cannot import name 'Doc' from partially initialized module
'spacy.tokens'`, or `KeyError: 'spacy'`. Every runtime import or load of these
libraries runs under `serialized_imports()`; once a name is imported, later
calls return it without taking the lock.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

_lock = threading.RLock()
_imported: set[str] = set()


def serialized_imports() -> threading.RLock:
    """Hold this while importing or loading anything from spaCy/thinc/Presidio (re-entrant)."""
    return _lock


def import_module(name: str) -> ModuleType:
    """`importlib.import_module(name)`, never concurrently with another NLP import."""
    if name in _imported:
        return sys.modules[name]
    with _lock:
        module = importlib.import_module(name)
        _imported.add(name)
        return module


# The one line of spaCy's __init__ that imports its command line (spacy.cli: typer, weasel,
# requests, httpx, jinja2...), about 0.25 s of a cold check that never runs a spaCy command.
_SPACY_CLI_IMPORT = "from .cli.info import info"


def import_spacy() -> ModuleType:
    """`import spacy`, without importing `spacy.cli` while doing it.

    While spaCy's __init__ runs, `spacy.cli` and `spacy.cli.info` are placeholder modules
    whose `info` calls the real `spacy.info`; they are removed right after, so a later
    `import spacy.cli` (or `spacy.cli.download`, which Presidio calls) imports the real one.
    Any other layout of spaCy is imported the ordinary way.
    """
    if "spacy" in _imported or "spacy" in sys.modules:
        return import_module("spacy")
    with _lock:
        if "spacy" not in sys.modules and _spacy_cli_is_imported_only_for_info():
            placeholders = _spacy_cli_placeholders()
            sys.modules.update(placeholders)
            try:
                spacy = importlib.import_module("spacy")
                if "__getattr__" not in vars(spacy):
                    vars(spacy)["__getattr__"] = _spacy_cli_on_demand  # a module-level __getattr__ (PEP 562)
            except (ImportError, AttributeError):
                pass  # spaCy changed in a way not foreseen: the ordinary import below
            finally:
                _remove(placeholders)
        return import_module("spacy")


def _spacy_cli_on_demand(name: str) -> Any:
    """`spacy.cli` for code that reaches it as an attribute of `spacy` after `import spacy`
    (Presidio calls `spacy.cli.download`): imported then; importing sets the attribute."""
    if name == "cli":
        with _lock:
            return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def _spacy_cli_is_imported_only_for_info() -> bool:
    if "spacy.cli" in sys.modules:
        return False
    try:
        spec = importlib.util.find_spec("spacy")
        source = spec.loader.get_source("spacy") if spec is not None and spec.loader is not None else None  # type: ignore[attr-defined]
    except (ImportError, ValueError, AttributeError, OSError):
        return False
    if not source:
        return False
    mentions = [line.split("#")[0].strip() for line in source.splitlines() if ".cli" in line]
    return mentions == [_SPACY_CLI_IMPORT]


def _spacy_cli_placeholders() -> dict[str, ModuleType]:
    cli, info = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")
    placeholders = {"spacy.cli": cli, "spacy.cli.info": info}

    def spacy_info(*args: Any, **kwargs: Any) -> Any:
        """spaCy's `info` (spacy.cli.info.info), imported when first called."""
        _remove(placeholders)
        return importlib.import_module("spacy.cli.info").info(*args, **kwargs)

    def real(name: str) -> Callable[[str], Any]:
        def attribute(attr: str) -> Any:  # anything else asked of a placeholder: the real module
            if attr.startswith("__"):  # the import system asks for __path__ & co.
                raise AttributeError(attr)
            _remove(placeholders)
            return getattr(importlib.import_module(name), attr)

        return attribute

    vars(info)["info"] = spacy_info
    vars(cli)["__getattr__"] = real("spacy.cli")  # module-level __getattr__ (PEP 562)
    vars(info)["__getattr__"] = real("spacy.cli.info")
    return placeholders


def _remove(placeholders: dict[str, ModuleType]) -> None:
    for name, module in placeholders.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]

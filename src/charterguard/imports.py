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
import sys
import threading
from types import ModuleType

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

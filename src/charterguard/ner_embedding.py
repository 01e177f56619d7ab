"""The NER's token vectors and its lower layer's precomputed features, without thinc's layer calls.

Before its transition loop, spaCy's NER (`ParserStepModel`, spacy/ml/parser_model.pyx) runs
the model's own `tok2vec` on the docs (MultiHashEmbed + MaxoutWindowEncoder, then the
TransitionModel's `list2array` and `Linear` projection) and feeds the result to `lower`, a
`PrecomputableAffine`. Through thinc that is ~40 `Model.__call__`s (1.0 ms for a 3-token doc,
~2 ms for 60 tokens) for ~0.3 ms of matrix products. Here the same arithmetic runs as straight
numpy on weights read once per loaded model:

- `tokvecs(ner, docs)`: `ner.model.get_ref("tok2vec").predict(docs)`;
- `precomputed(ner, docs)`: `(cached, bias)`, what `precompute_hiddens` holds: `cached` the
  lower layer's output on the token vectors, (1 + tokens, nF, nO, nP) float32, row 0 the
  padding; `bias` the lower layer's (nO, nP) bias.

The embedding and its mixing layer read each token alone (its NORM, PREFIX, SUFFIX, SHAPE
and static-vector key): their output row is a function of those values, computed once per
distinct token and kept (`_TokenRows`, bounded). A post's words are mostly words met before,
so only the window encoder, the projection and the lower layer run on every token: measured
on bench_api's French posts, 351 of the 920 µs `tokvecs` spent per post were these rows.

Both mirror thinc's float32 formulas step by step (the same ops' `gemm`, `hash`,
`gather_add`, `seq2col`, `maxout`, the same numpy calls for LayerNorm, the same padding
between docs). The results equal thinc's to float32 rounding (tests/test_ner_embedding.py:
at most 6e-6 apart on values up to 16): OpenBLAS multiplies fewer than ~16 rows with other
kernels, so thinc's own rows change in their last bits with the batch, and a kept row was
computed in the batch that first met its token. The entities are the same
(tests/test_ner_decoder.py, ~7,000 texts).
The architecture is recognised from the loaded layers' forward functions; any other (a
CharacterEmbed, a listener, a transformer, another encoder) gives None, and the caller keeps
thinc's path.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Callable, Sequence

import numpy as np

from .imports import import_spacy

import_spacy()  # spaCy without its command line (imports.import_spacy), before the modules below
from spacy.attrs import ORTH  # noqa: E402
from spacy.vectors import Mode, Vectors  # noqa: E402

_LAYERNORM_EPSILON = 1e-08  # thinc.layers.layernorm._get_moments


@dataclass(frozen=True)
class _HashTable:
    """One HashEmbed of MultiHashEmbed: the feature column it reads and its table."""

    column: int
    seed: int
    table: np.ndarray  # (nV, width)


@dataclass(frozen=True)
class _Maxout:
    """thinc's Maxout (its weights as (nO * nP, nI)), with its LayerNorm when it has one."""

    weights: np.ndarray
    bias: np.ndarray
    nO: int
    nP: int
    scale: np.ndarray | None
    shift: np.ndarray | None


class _TokenRows:
    """The mixed embedding row of every distinct token met so far, by its feature values and
    static-vector key; at most `capacity` rows (19 MB at width 96, in an array grown by doubling:
    25 MB at most), then started afresh."""

    def __init__(self, width: int, capacity: int = 50_000) -> None:
        self.capacity = capacity
        self.index: dict[tuple[int, ...], int] = {}
        self.rows = np.empty((1024, width), dtype=np.float32)
        self.lock = threading.Lock()  # a server's check threads share one model

    def make_room(self, count: int) -> None:
        """Forget every row if `count` more would not fit (before the lookups that depend on them)."""
        if len(self.index) + count > self.capacity:
            self.index.clear()

    def add(self, keys: list[tuple[int, ...]], rows: np.ndarray) -> None:
        start = len(self.index)
        if start + len(keys) > len(self.rows):
            grown = np.empty((max(2 * len(self.rows), start + len(keys)), self.rows.shape[1]), dtype=np.float32)
            grown[:start] = self.rows[:start]
            self.rows = grown
        self.rows[start : start + len(keys)] = rows
        self.index.update(zip(keys, range(start, start + len(keys))))


@dataclass(frozen=True)
class _Plan:
    """The weights of one NER's embedding and lower layer, in the order the forward uses them."""

    ops: Any  # the model's thinc Ops: the same gemm (OpenBLAS or BLIS) and kernels as thinc's
    columns: list[Any]  # the token attributes the hash tables read (FeatureExtractor)
    tables: tuple[_HashTable, ...]
    static_vectors: np.ndarray | None  # StaticVectors' W (width, vector length)
    mix: _Maxout
    blocks: tuple[tuple[int, _Maxout], ...]  # the encoder's residual blocks: (window, maxout)
    pad: int  # rows of zeros the encoder puts around each doc (its receptive field)
    projection: tuple[np.ndarray, np.ndarray]  # the TransitionModel's Linear (W, b)
    lower: np.ndarray  # (nF * nO * nP, nI)
    lower_pad: np.ndarray  # (nF, nO, nP)
    lower_bias: np.ndarray  # (nO, nP)
    lower_shape: tuple[int, int, int]  # nF, nO, nP
    token_rows: _TokenRows  # what the embedding and mixing layer gave each token met before


# thinc's id of the NER's model (unique in the process, never reused) -> the weights array its
# plan was read from, and the plan (None: an architecture this module does not cover). thinc
# models cannot be weakly referenced: the few last models are kept, so a pipeline loaded again
# (a new model, a new id) does not keep an old one's weights alive for long.
_plans: dict[int, tuple[Any, _Plan | None]] = {}
_KEPT_PLANS = 8
_plans_lock = threading.Lock()


def tokvecs(ner: Any, docs: Sequence[Any]) -> np.ndarray | None:
    """The NER's token vectors of `docs`, one row per token of every doc in turn (as
    `ner.model.get_ref("tok2vec").predict(docs)`); None for an architecture not covered."""
    plan = _plan_of(ner)
    return None if plan is None else _tokvecs(plan, docs)


def precomputed(ner: Any, docs: Sequence[Any]) -> tuple[np.ndarray, np.ndarray] | None:
    """`(cached, bias)` of spaCy's `precompute_hiddens` for `docs`: the lower layer's features
    of every token, (1 + tokens, nF, nO, nP) with the padding in row 0, and its (nO, nP) bias
    (the model's own array, as spaCy's: read it, never write it); None for an architecture
    not covered."""
    plan = _plan_of(ner)
    if plan is None:
        return None
    vectors = _tokvecs(plan, docs)
    nF, nO, nP = plan.lower_shape
    # spacy.ml._precomputable_affine.forward
    cached = np.empty((vectors.shape[0] + 1, nF * nO * nP), dtype=np.float32)
    plan.ops.gemm(vectors, plan.lower, trans2=True, out=cached[1:])
    cached = cached.reshape((cached.shape[0], nF, nO, nP))
    cached[0] = plan.lower_pad
    return cached, plan.lower_bias


def _plan_of(ner: Any) -> _Plan | None:
    model = getattr(ner, "model", None)
    if model is None or not hasattr(model, "id") or not model.has_ref("lower"):
        return None
    # Weights loaded into the same model (`from_bytes`, `from_disk`) replace its arrays.
    source = model.get_ref("lower").get_param("W") if model.get_ref("lower").has_param("W") else None
    known = _plans.get(model.id)
    if known is not None and known[0] is source:
        return known[1]
    with _plans_lock:  # a server's threads may meet a new model at once
        plan = _read_plan(model)
        while len(_plans) >= _KEPT_PLANS:
            del _plans[next(iter(_plans))]
        _plans[model.id] = (source, plan)
    return plan


# --- the forward -------------------------------------------------------------------------


def _tokvecs(plan: _Plan, docs: Sequence[Any]) -> np.ndarray:
    ops = plan.ops
    width = plan.mix.nO
    projection_weights, projection_bias = plan.projection
    # thinc drops empty docs when it flattens them: they add no row, and no padding
    docs = [doc for doc in docs if len(doc)]
    if not docs:
        return np.zeros((0, projection_weights.shape[0]), dtype=np.float32)
    lengths = [len(doc) for doc in docs]
    mixed = _embedded_and_mixed(plan, docs)
    # MaxoutWindowEncoder: with_array(pad) flattens the docs with `pad` zero rows around each
    pad = plan.pad
    X = np.zeros((sum(lengths) + pad * (len(docs) + 1), width), dtype=np.float32)
    rows = []
    at, start = pad, 0
    for length in lengths:
        X[at : at + length] = mixed[start : start + length]
        rows.append(slice(at, at + length))
        at, start = at + length + pad, start + length
    for window, block in plan.blocks:
        residual = _maxout(ops, block, ops.seq2col(X, window))
        residual += X  # thinc's X + Y: the same sums, without a new array
        X = residual
    # ragged2list, list2array, then the TransitionModel's Linear
    vectors = np.concatenate([X[row] for row in rows]) if len(rows) > 1 else np.ascontiguousarray(X[rows[0]])
    out = ops.gemm(vectors, projection_weights, trans2=True)
    out += projection_bias
    return out  # type: ignore[no-any-return]


def _embedded_and_mixed(plan: _Plan, docs: list[Any]) -> np.ndarray:
    """MultiHashEmbed (FeatureExtractor, list2ragged, one HashEmbed per column, StaticVectors)
    and its mixing Maxout, one row per token: kept rows for the tokens met before, computed
    for the others (each distinct one once)."""
    features = np.concatenate([doc.to_array(plan.columns).reshape((len(doc), -1)).astype(np.uint64, copy=False) for doc in docs])
    static = plan.static_vectors
    vectors = docs[0].vocab.vectors if static is not None else None
    if static is not None:
        vector_keys = np.concatenate([doc.to_array(getattr(vectors, "attr", ORTH)) for doc in docs]).astype(np.uint64, copy=False)
        features = np.hstack([features, vector_keys[:, None]])
    keys = list(map(tuple, features.tolist()))
    cache = plan.token_rows
    with cache.lock:
        cache.make_room(len(keys))
        new: dict[tuple[int, ...], int] = {}
        for position, key in enumerate(keys):
            if key not in cache.index and key not in new:
                new[key] = position
        if new:
            unseen = features[list(new.values())]
            embedded = []
            for table in plan.tables:
                ids = np.ascontiguousarray(unseen[:, table.column], dtype=np.uint64)
                embedded.append(plan.ops.gather_add(table.table, plan.ops.hash(ids, table.seed) % table.table.shape[0]))
            if static is not None:
                embedded.append(_static_vectors(plan.ops, static, vectors, unseen[:, -1]))
            cache.add(list(new), _maxout(plan.ops, plan.mix, np.hstack(embedded)))
        return cache.rows[[cache.index[key] for key in keys]]


def _static_vectors(ops: Any, weights: np.ndarray, vectors: Any, keys: np.ndarray) -> np.ndarray:
    """spacy.ml.staticvectors.forward on the tokens' vector `keys`, its three ways of reading
    the vocab's `vectors`."""
    rows = None
    if isinstance(vectors, Vectors) and vectors.mode == Mode.default:
        rows = vectors.find(keys=keys)
        table = np.ascontiguousarray(ops.asarray(vectors.data)[rows])
    else:
        table = np.ascontiguousarray(vectors.get_batch(keys))
    out = ops.gemm(table, weights, trans2=True)
    if rows is not None:
        out[rows < 0] = 0
    return out  # type: ignore[no-any-return]


def _maxout(ops: Any, layer: _Maxout, X: np.ndarray) -> np.ndarray:
    """thinc.layers.maxout.forward, then thinc.layers.layernorm.forward (the same float32 operations)."""
    Y = ops.gemm(X, layer.weights, trans2=True)
    Y += layer.bias
    best, _which = ops.maxout(Y.reshape((Y.shape[0], layer.nO, layer.nP)))
    if layer.scale is None:
        return best  # type: ignore[no-any-return]
    # thinc: mu = X.mean(axis=1); var = X.var(axis=1) + 1e-08; (X - mu) * var ** -0.5 * G + b;
    # numpy's mean and var are these very ufuncs (float32 sums divided in place by an intp count),
    # here without var computing the mean and X - mu a second time (7 µs of 18 per call)
    count = np.intp(best.shape[1])
    mu = np.add.reduce(best, axis=1, keepdims=True)
    np.true_divide(mu, count, out=mu, casting="unsafe")
    centred = best - mu
    var = np.add.reduce(np.square(centred), axis=1, keepdims=True)
    np.true_divide(var, count, out=var, casting="unsafe")
    var += _LAYERNORM_EPSILON
    centred *= var ** (-1.0 / 2.0)
    centred *= layer.scale
    centred += layer.shift
    return centred


# --- recognising the architecture --------------------------------------------------------


class _Unsupported(Exception):
    """The model is not one this module computes."""


def _read_plan(model: Any) -> _Plan | None:
    try:
        return _plan(model)
    except (_Unsupported, KeyError, ValueError, AttributeError, IndexError):
        return None


# The forward function of each kind of layer the architecture is made of: a layer is recognised
# by the function it runs, not by its name.
_FORWARDS: dict[str, Callable[..., Any]] = {
    name.rsplit(".", 1)[1]: import_module(name).forward
    for name in (
        "thinc.layers.array_getitem",
        "thinc.layers.chain",
        "thinc.layers.concatenate",
        "thinc.layers.dropout",
        "thinc.layers.expand_window",
        "thinc.layers.hashembed",
        "thinc.layers.layernorm",
        "thinc.layers.linear",
        "thinc.layers.list2array",
        "thinc.layers.list2ragged",
        "thinc.layers.maxout",
        "thinc.layers.ragged2list",
        "thinc.layers.residual",
        "thinc.layers.with_array",
        "spacy.ml.featureextractor",
        "spacy.ml.staticvectors",
        "spacy.ml._precomputable_affine",
    )
}


def _is(layer: Any, kind: str) -> bool:
    return getattr(layer, "_func", None) is _FORWARDS[kind]


def _require(condition: bool) -> None:
    if not condition:
        raise _Unsupported


def _chained(layer: Any) -> list[Any]:
    """The layers a chain runs in turn, nested chains unfolded; dropout left out (a no-op when
    predicting)."""
    if _is(layer, "chain"):
        return [inner for child in layer.layers for inner in _chained(child)]
    return [] if _is(layer, "dropout") else [layer]


def _plan(model: Any) -> _Plan:
    _require(all(model.has_ref(name) for name in ("tok2vec", "lower")))
    steps = _chained(model.get_ref("tok2vec"))
    ops = model.get_ref("tok2vec").ops
    # MultiHashEmbed: [concatenate(features, StaticVectors) | features...], mixing Maxout, ragged2list
    static = None
    if steps and _is(steps[0], "concatenate"):
        _require(len(steps[0].layers) == 2 and _is(steps[0].layers[1], "staticvectors"))
        static = steps[0].layers[1].get_param("W")
        steps = _chained(steps[0].layers[0]) + steps[1:]
    _require(len(steps) == 8)
    extract, to_ragged, hashed, mix, to_list, encoder, to_array, project = steps
    _require(_is(extract, "featureextractor") and _is(to_ragged, "list2ragged") and _is(to_list, "ragged2list"))
    _require(_is(to_array, "list2array") and _is(project, "linear"))
    _require(_is(hashed, "with_array"))
    # concatenate(*HashEmbeds); thinc's concatenate of one layer is that layer
    embeds = hashed.layers[0].layers if _is(hashed.layers[0], "concatenate") else [hashed.layers[0]]
    tables = tuple(_hash_table(layer) for layer in embeds)
    _require(_is(mix, "with_array"))
    mixing = _maxout_of(_chained(mix.layers[0]))
    # MaxoutWindowEncoder: with_array(pad) of residual(expand_window >> Maxout) blocks
    _require(_is(encoder, "with_array"))
    blocks = []
    for block in _chained(encoder.layers[0]):
        _require(_is(block, "residual"))
        window, *rest = _chained(block.layers[0])
        _require(_is(window, "expand_window"))
        blocks.append((int(window.attrs["window_size"]), _maxout_of(rest)))
    lower = model.get_ref("lower")
    _require(_is(lower, "_precomputable_affine"))
    nF, nO, nP, nI = (int(lower.get_dim(name)) for name in ("nF", "nO", "nP", "nI"))
    layers = [extract, *hashed.walk(), *mix.walk(), *encoder.walk(), project, lower]
    _require(all(type(layer.ops) is type(ops) for layer in layers))  # one gemm for all
    _require(bool(tables) and all(table.table.dtype == np.float32 for table in tables))
    return _Plan(
        ops=ops,
        columns=list(extract.attrs["columns"]),
        tables=tables,
        static_vectors=static,
        mix=mixing,
        blocks=tuple(blocks),
        pad=int(encoder.attrs.get("pad", 0)),
        projection=(project.get_param("W"), project.get_param("b")),
        lower=lower.get_param("W").reshape((nF * nO * nP, nI)),
        lower_pad=np.squeeze(lower.get_param("pad"), 0),
        lower_bias=lower.get_param("b"),
        lower_shape=(nF, nO, nP),
        token_rows=_TokenRows(mixing.nO),
    )


def _hash_table(layer: Any) -> _HashTable:
    """chain(ints_getitem((slice(0, None), column)), HashEmbed)."""
    steps = _chained(layer)
    _require(len(steps) == 2 and _is(steps[0], "array_getitem") and _is(steps[1], "hashembed"))
    index = steps[0].attrs["index"]
    _require(isinstance(index, tuple) and len(index) == 2 and index[0] == slice(0, None) and isinstance(index[1], int))
    return _HashTable(column=index[1], seed=int(steps[1].attrs["seed"]), table=steps[1].get_param("E"))


def _maxout_of(steps: list[Any]) -> _Maxout:
    """Maxout, optionally followed by LayerNorm (dropout already left out)."""
    _require(len(steps) in (1, 2) and _is(steps[0], "maxout"))
    layer = steps[0]
    nO, nP, nI = (int(layer.get_dim(name)) for name in ("nO", "nP", "nI"))
    scale = shift = None
    if len(steps) == 2:
        _require(_is(steps[1], "layernorm"))
        scale, shift = steps[1].get_param("G"), steps[1].get_param("b")
    return _Maxout(
        weights=layer.get_param("W").reshape((nO * nP, nI)),
        bias=layer.get_param("b").reshape((nO * nP,)),
        nO=nO,
        nP=nP,
        scale=scale,
        shift=shift,
    )


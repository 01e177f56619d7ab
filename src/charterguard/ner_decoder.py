"""spaCy's greedy NER decoding, predict only, in numpy: the same entities as `ner.pipe`, faster.

spaCy 3.8's `Parser.greedy_parse` runs its transition loop `with nogil`, but in the released
wheels every validity check (`StateC.B()`, called by each action's `is_valid`, ~74 actions per
step in English) takes the GIL back for Cython's exception checks: about half of the NER's
time on a post went to that loop. This module decodes from the same numbers in another order.

What spaCy computes (spacy/pipeline/_parser_internals/{ner.pyx,_state.pxd},
ml/parser_model.pyx `predict_states`, pipeline/transition_parser.pyx), for the NER's
BiluoPushDown system and the TransitionBasedParser model with nF=3:
- one step per token; at the step of token i the features are (i, E, i-1) when an entity
  opened at E is open, else (i, -1, -1); -1 reads the feature's padding row;
- hidden = ((feature 0 + feature 1) + feature 2) + lower bias in float32, the max over the
  maxout pieces; scores = hidden @ upper W.T + upper b, through BLIS's sgemm;
- the best-scoring valid action wins, the first one on a tie (`arg_max_if_valid`).
With no entity open, a step's features do not depend on earlier decisions, so those steps'
scores are computed for every token at once (`_closed_scores`). Inside an entity only "I-X"
and "L-X" of its label are valid: those steps are computed one by one (few tokens).

The validity rules are those of ner.pyx for tokens without preset entities (`ent_iob` 0, the
case of a fresh `make_doc`): B-X needs no open entity, a next token that does not start a
sentence, and no whitespace token; U-X no open entity and no whitespace token; O no open
entity; I-X the open entity's label, a next token, not a sentence start; L-X the open
entity's label. "U-" (label 0) and "M" are never valid without presets. `decodable` checks
every assumption on the loaded component; what it refuses is left to `ner.pipe`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

import numpy

from . import ner_embedding
from .imports import import_spacy

import_spacy()  # spaCy without its command line (imports.import_spacy), before the modules below
import blis.py  # noqa: E402  # the sgemm spaCy's loop calls: identical scores, not only close ones
import spacy  # noqa: E402
from spacy.pipeline import EntityRecognizer  # noqa: E402
from spacy.pipeline._parser_internals.ner import BiluoPushDown  # noqa: E402

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The spaCy release whose sources this decoder reproduces (checked at run time: another one
# may decode differently, and is left to spaCy).
SPACY_SERIES = "3.8."

_BEGIN, _IN, _LAST, _UNIT, _OUT, _MISSING = "B", "I", "L", "U", "O", "M"


@dataclass(frozen=True)
class Actions:
    """The NER's actions, by class index (the columns of the upper layer's scores)."""

    moves: tuple[str, ...]  # "B", "I", "L", "U", "O" or "M" per class
    labels: tuple[str, ...]  # the entity label per class ("" for O, M and "U-")
    begin: numpy.ndarray  # bool per class: B-X with a label
    unit: numpy.ndarray  # bool per class: U-X with a label
    out: numpy.ndarray  # bool per class: O
    inside: dict[str, int]  # label -> class of I-label
    last: dict[str, int]  # label -> class of L-label


def precomputed(ner: Any, docs: Sequence["Doc"]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """What spaCy's `ParserStepModel` feeds its transition loop, for `docs` taken as one batch.

    cached: (1 + tokens of all docs, nF, nO, nP) float32, row 0 the padding (one per feature),
    row 1 + k the k-th token of the docs laid end to end; bias: the lower layer's (nO, nP).
    As spaCy: the NER's own tok2vec (with its output Linear), then the precomputable affine;
    computed by `ner_embedding` without thinc's layer calls (the same to float32 rounding) when it
    reads the model, else by thinc.
    """
    fused = ner_embedding.precomputed(ner, docs)
    if fused is not None:
        return fused
    model = ner.model
    tokvecs = model.get_ref("tok2vec").predict(list(docs))
    lower = model.get_ref("lower")
    cached = lower.predict(tokvecs)
    return cached, lower.get_param("b")


def decodable(ner: Any) -> bool:
    """Whether `ner` is the component this module reproduces exactly (else use `ner.pipe`)."""
    model = getattr(ner, "model", None)
    if not spacy.__version__.startswith(SPACY_SERIES) or type(ner) is not EntityRecognizer:
        return False
    if type(ner.moves) is not BiluoPushDown or ner.cfg.get("beam_width") != 1 or getattr(ner, "postprocesses", None):
        return False
    if model is None or model.name != "parser_model" or set(model.ref_names) != {"tok2vec", "lower", "upper"}:
        return False
    if not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
        return False
    lower, upper = model.get_ref("lower"), model.get_ref("upper")
    if lower.name != "precomputable_affine" or lower.maybe_get_dim("nF") != 3 or upper.name != "linear":
        return False
    try:
        actions = _actions(ner)
    except ValueError:
        return False
    begins = {label for move, label in zip(actions.moves, actions.labels) if move == _BEGIN}
    if not begins <= set(actions.inside) & set(actions.last) or actions.out.sum() != 1:
        return False  # a step with no valid action: spaCy would stop the doc there
    W = upper.get_param("W")
    return W.shape == (len(actions.moves), lower.get_dim("nO")) and W.dtype == numpy.float32


def _actions(ner: Any) -> Actions:
    moves, labels = [], []
    for clas in range(ner.moves.n_moves):
        name = ner.moves.get_class_name(clas)  # "B-PER", "U-", "O", "M" (BiluoPushDown.move_name)
        move, _, label = name.partition("-")
        if move not in (_BEGIN, _IN, _LAST, _UNIT, _OUT, _MISSING):
            raise ValueError(f"unknown NER action {name!r}")
        moves.append(move)
        labels.append(label)
    labelled = numpy.array([bool(label) for label in labels])
    kinds = numpy.array(moves)
    return Actions(
        moves=tuple(moves),
        labels=tuple(labels),
        begin=(kinds == _BEGIN) & labelled,
        unit=(kinds == _UNIT) & labelled,
        out=kinds == _OUT,
        inside={label: clas for clas, (move, label) in enumerate(zip(moves, labels)) if move == _IN and label},
        last={label: clas for clas, (move, label) in enumerate(zip(moves, labels)) if move == _LAST and label},
    )


def _maxout(summed: numpy.ndarray) -> numpy.ndarray:
    """The best of each unit's pieces (the last axis), as thinc's `Vec.arg_max` picks it
    (`numpy.max` over a last axis of 2 is ~10x slower on these small arrays)."""
    pieces = summed.shape[-1]
    if pieces == 2:  # arg_max of two: the first if strictly greater, else the second
        first, second = summed[..., 0], summed[..., 1]
        return numpy.where(first > second, first, second)
    best = summed[..., 0]
    for piece in range(1, pieces):  # the first best: replaced only by a strictly greater one
        best = numpy.where(summed[..., piece] > best, summed[..., piece], best)
    return best


class Decoder:
    """Greedy decoding of one loaded NER component (check `decodable` first)."""

    def __init__(self, ner: Any) -> None:
        self._gemm = blis.py.gemm
        self.ner = ner
        self.actions = _actions(ner)
        upper = ner.model.get_ref("upper")
        self._W = numpy.ascontiguousarray(upper.get_param("W"), dtype=numpy.float32)
        self._b = numpy.ascontiguousarray(upper.get_param("b"), dtype=numpy.float32)

    def entities(self, docs: Sequence["Doc"]) -> list[list[tuple[int, int, str]]] | None:
        """(start token, end token, label) of each doc's entities, as `ner.pipe` would set them;
        None when a doc holds preset entities (`ent_iob` set: rules this decoder leaves to spaCy)."""
        found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        if not any(len(doc) for doc in docs):
            return found
        attrs = [doc.to_array(["SENT_START", "ENT_IOB", "IS_SPACE"]).reshape(-1, 3) for doc in docs]
        if any(a[:, 1].any() for a in attrs):
            return None
        cached, bias = precomputed(self.ner, docs)
        scores = self._closed_scores(cached, bias)
        offset = 0
        for k, (doc, attr) in enumerate(zip(docs, attrs)):
            n = len(doc)
            if n:
                found[k] = self._decode(cached, bias, scores[offset : offset + n], offset, attr[:, 0] == 1, attr[:, 2] != 0)
            offset += n
        return found

    def _closed_scores(self, cached: numpy.ndarray, bias: numpy.ndarray) -> numpy.ndarray:
        """The scores of every token's step with no entity open: features (i, -1, -1)."""
        summed = cached[1:, 0] + cached[0, 1]
        summed += cached[0, 2]
        summed += bias
        return self._upper(_maxout(summed))

    def _upper(self, hidden: numpy.ndarray) -> numpy.ndarray:
        scores = self._gemm(numpy.ascontiguousarray(hidden), self._W, trans2=True)
        scores += self._b
        return scores

    def _decode(
        self,
        cached: numpy.ndarray,
        bias: numpy.ndarray,
        closed: numpy.ndarray,
        offset: int,
        sent_start: numpy.ndarray,
        space: numpy.ndarray,
    ) -> list[tuple[int, int, str]]:
        actions = self.actions
        n = len(closed)
        # Validity with no entity open (ner.pyx Begin/Unit/Out.is_valid without presets).
        next_starts = numpy.zeros(n, dtype=bool)
        next_starts[:-1] = sent_start[1:]
        may_begin = ~space & ~next_starts
        may_begin[-1] = False  # the last token cannot B: buffer_length() < 2
        valid = actions.out[None, :] | (actions.begin[None, :] & may_begin[:, None]) | (actions.unit[None, :] & ~space[:, None])
        best = numpy.where(valid, closed, -numpy.inf).argmax(axis=1)  # the first of equal scores, as spaCy
        acting = numpy.flatnonzero(~actions.out[best])
        entities: list[tuple[int, int, str]] = []
        i = 0
        for start in acting.tolist():
            if start < i:
                continue  # inside an entity decoded below
            clas = int(best[start])
            label = actions.labels[clas]
            if actions.moves[clas] == _UNIT:
                entities.append((start, start + 1, label))
                i = start + 1
                continue
            i = self._entity_end(cached, bias, offset, start, label, n, sent_start)
            entities.append((start, i, label))
        return entities

    def _entity_end(
        self, cached: numpy.ndarray, bias: numpy.ndarray, offset: int, start: int, label: str, n: int, sent_start: numpy.ndarray
    ) -> int:
        """The end (exclusive) of the entity opened at `start`: steps with features (j, start, j-1)."""
        inside, last = self.actions.inside.get(label), self.actions.last[label]
        opened = cached[offset + start + 1, 1]
        j = start + 1
        while True:
            summed = cached[offset + j + 1, 0] + opened
            summed += cached[offset + j, 2]
            summed += bias
            scores = self._upper(_maxout(summed[None]))[0]
            if inside is not None and j + 1 < n and not sent_start[j + 1]:  # I-X valid (L-X always is)
                if scores[inside] > scores[last] or (scores[inside] == scores[last] and inside < last):
                    j += 1
                    continue
            return j + 1

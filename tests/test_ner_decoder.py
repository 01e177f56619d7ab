"""`ner_decoder` finds exactly the entities of spaCy's own NER (`ner.pipe`), and leaves to spaCy
what it does not reproduce. Real models; the shared eval sets widen the corpus when present
(read only, to compare two decoders: nothing is tuned on them)."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from charterguard import nlp
from charterguard.errors import BudgetExceeded
from charterguard.ner_decoder import Decoder, decodable, precomputed

REPO = Path(__file__).resolve().parent.parent
BENCH_DATA = REPO / "bench" / "data"
SHARED_EVAL = REPO.parent / "shared" / "eval"

pytestmark = pytest.mark.slow

# Texts that stress the transition system's edges: nothing, one token, whitespace tokens (no
# entity may start on one, yet one may sit inside an entity), line breaks, emoji, names at the
# very end (no B-X on the last token), long runs of names.
EDGES = [
    "",
    " ",
    "\n\n\n",
    "Marie",
    "🎉",
    "Paris.",
    "Marie Dupont",
    "Bravo Marie\nDupont et Jean   Martin\t\tde Lyon !",
    "  \n Jean-Pierre Dupont  \n\n  chez Airbus à Toulouse 🎉🎉 #TeamLyon @MarieD  ",
    "MERCI À TOUTE L'ÉQUIPE DE NANTES ET À JEAN DUPONT",
    "Jean Dupont, Marie Curie, Louis Pasteur, Victor Hugo, Émile Zola, " * 60,
    "New York City, San Francisco Bay Area and the Los Angeles Lakers met Barack Obama. " * 80,
    "a" * 3000,
    "\n".join(f"{i}. Contact: Marie Dupont {i}, 12 rue de la Paix, Paris" for i in range(120)),
]


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def _bench_texts(language: str) -> list[str]:
    texts: list[str] = []
    for path in sorted(BENCH_DATA.glob(f"*{language}*")):
        if path.suffix == ".txt":
            texts += _lines(path)
        elif path.suffix == ".tsv":
            texts += [line.split("\t")[-1] for line in _lines(path)]
        elif path.suffix == ".jsonl":
            texts += [json.loads(line)["text"] for line in _lines(path)]
    return texts


def _shared_texts(language: str, limit: int = 1500) -> list[str]:
    texts: list[str] = []
    if language == "en":
        synth = SHARED_EVAL / "presidio_synth_v2" / "dev.json"
        if synth.is_file():
            texts += [row["full_text"] for row in json.loads(synth.read_text(encoding="utf-8"))]
        tweets = SHARED_EVAL / "tweeteval_en" / "offensive" / "val_text.txt"
        if tweets.is_file():
            texts += _lines(tweets)[:limit]
    else:
        conllu = SHARED_EVAL / "wikineural_fr" / "val.conllu"
        if conllu.is_file():
            sentence: list[str] = []
            for line in conllu.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    sentence.append(line.split("\t")[1])
                elif sentence:
                    texts.append(" ".join(sentence))
                    sentence = []
            texts = texts[:limit]
        tweets = SHARED_EVAL / "mlma_hate_speech" / "fr_dataset.csv"
        if tweets.is_file():
            with tweets.open(encoding="utf-8") as f:
                texts += [row["tweet"] for row in csv.DictReader(f)][:limit]
    return texts


def _spacy_entities(ner: Any, docs: list) -> list[list[tuple[int, int, str]]]:
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in ner.pipe(docs, batch_size=len(docs))]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_decoder_finds_exactly_the_entities_of_spacys_ner(language: str) -> None:
    pipeline = nlp.pipeline(language, {"ner"})
    ner = pipeline.get_pipe("ner")
    assert decodable(ner)
    decoder = Decoder(ner)
    texts = EDGES + _bench_texts(language) + _shared_texts(language)
    assert len(texts) > 300
    differences, entities, batch_size = [], 0, 1
    for start in range(0, len(texts), 64):
        chunk = texts[start : start + 64]
        for first in range(0, len(chunk), batch_size):  # batches of 1 to 32 docs
            batch = chunk[first : first + batch_size]
            ours = decoder.entities([pipeline.make_doc(t) for t in batch])
            theirs = _spacy_entities(ner, [pipeline.make_doc(t) for t in batch])
            assert ours is not None
            entities += sum(map(len, theirs))
            differences += [(text[:80], a, b) for text, a, b in zip(batch, ours, theirs) if a != b]
        batch_size = batch_size * 2 if batch_size < 32 else 1
    assert entities > len(texts) // 2  # the corpus does exercise the entity steps
    assert differences == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_empty_docs_among_others_keep_every_doc_on_its_own_rows(language: str) -> None:
    pipeline = nlp.pipeline(language, {"ner"})
    ner = pipeline.get_pipe("ner")
    texts = ["", "Marie Dupont habite à Lyon.", "", " ", "Barack Obama visited Paris and New York.", ""]
    ours = Decoder(ner).entities([pipeline.make_doc(t) for t in texts])
    assert ours == _spacy_entities(ner, [pipeline.make_doc(t) for t in texts])
    assert ours is not None and ours[0] == ours[2] == ours[3] == ours[5] == [] and ours[1] and ours[4]


def test_precomputed_is_the_input_of_spacys_loop_with_the_padding_first() -> None:
    pipeline = nlp.pipeline("fr", {"ner"})
    ner = pipeline.get_pipe("ner")
    docs = [pipeline.make_doc("Bonjour Marie."), pipeline.make_doc("Rendez-vous à Lyon demain")]
    cached, bias = precomputed(ner, docs)
    lower = ner.model.get_ref("lower")
    nF, nO, nP = (lower.get_dim(d) for d in ("nF", "nO", "nP"))
    assert cached.shape == (1 + 3 + 5, nF, nO, nP) and bias.shape == (nO, nP)
    assert (cached[0] == lower.get_param("pad")[0]).all()
    step_model = ner.model.predict(docs)  # spaCy's own ParserStepModel for the same docs
    states = ner.moves.init_batch(docs)
    ids = step_model.get_token_ids(states)  # the first step: (B0, -1, -1) per doc, with offsets
    assert ids.tolist() == [[0, -1, -1], [3, -1, -1]]
    hidden = step_model.state2vec.predict(ids)  # spaCy sums rows ids + 1 (0: the padding), adds the bias, maxout
    ours = (cached[ids[:, 0] + 1, 0] + cached[0, 1] + cached[0, 2] + bias).max(axis=-1)
    # the same sums, within float32 rounding (ner_embedding's rows of tokens met before)
    np.testing.assert_allclose(hidden, ours, rtol=0, atol=1e-4)


def test_preset_entities_are_left_to_spacy() -> None:
    pipeline = nlp.pipeline("fr", {"ner"})
    ner = pipeline.get_pipe("ner")
    decoder = Decoder(ner)
    text = "Merci à Marie Dupont, de Lyon"
    doc = pipeline.make_doc(text)
    doc.set_ents([doc.char_span(8, 13, label="LOC")])  # "Marie" preset as a place
    assert decoder.entities([doc]) is None
    (preset,) = _spacy_entities(ner, [doc])
    assert (2, 3, "LOC") in preset  # spaCy keeps the preset entity, the decoder would not know to
    assert decoder.entities([pipeline.make_doc(text)]) == _spacy_entities(ner, [pipeline.make_doc(text)]) == [[(2, 4, "PER"), (6, 7, "LOC")]]


def test_a_component_of_another_kind_or_shape_is_not_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    ner = nlp.pipeline("fr", {"ner"}).get_pipe("ner")
    assert decodable(ner)
    monkeypatch.setitem(ner.cfg, "beam_width", 4)  # beam search: another decoding
    assert not decodable(ner)
    monkeypatch.setitem(ner.cfg, "beam_width", 1)
    monkeypatch.setitem(ner.model.attrs, "unseen_classes", {3})  # spaCy lowers their scores per batch
    assert not decodable(ner)
    monkeypatch.setitem(ner.model.attrs, "unseen_classes", set())
    lower = ner.model.get_ref("lower")
    monkeypatch.setitem(lower._dims, "nF", 6)  # other context features
    assert not decodable(ner)
    monkeypatch.setitem(lower._dims, "nF", 3)
    monkeypatch.setattr("spacy.__version__", "3.9.0")  # sources not checked
    assert not decodable(ner)
    tagger_like = nlp.pipeline("fr", {"lemmatizer"}).get_pipe("morphologizer")
    monkeypatch.setattr("spacy.__version__", "3.8.18")
    assert not decodable(tagger_like)


def test_parse_uses_spacys_ner_for_what_the_decoder_refuses_with_the_same_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Bravo à Marie Dupont et à l'équipe de Lyon !", "Nous recrutons ! Rejoignez Airbus à Toulouse."]
    calls: list[int] = []
    decode = Decoder.entities

    def counted(self: Decoder, docs: Any) -> Any:
        calls.append(len(docs))
        return decode(self, docs)

    monkeypatch.setattr(Decoder, "entities", counted)
    decoded = [[(e.text, e.label_) for e in doc.ents] for doc in nlp.parse(texts, "fr", {"ner"})]
    assert calls == [2]  # one call for the batch of both posts' entity-bearing pieces
    ner = nlp.pipeline("fr", {"ner"}).get_pipe("ner")
    monkeypatch.setattr(nlp, "_decoders", {id(ner): (ner, None)})  # as for a model the decoder does not read
    by_spacy = [[(e.text, e.label_) for e in doc.ents] for doc in nlp.parse(texts, "fr", {"ner"})]
    assert calls == [2]
    assert by_spacy == decoded
    assert ("Marie Dupont", "PER") in decoded[0] and ("Toulouse", "LOC") in decoded[1]


def test_the_deadline_still_stops_a_decoded_parse() -> None:
    text = "Marie Dupont présente les résultats à Lyon. " * 400
    assert nlp._decoder(nlp.pipeline("fr", {"ner"}).get_pipe("ner")) is not None
    with pytest.raises(BudgetExceeded):
        nlp.parse([text], "fr", {"ner"}, deadline=time.perf_counter())


def test_the_decoder_of_a_replaced_pipeline_is_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "_pipelines", {})
    monkeypatch.setattr(nlp, "_decoders", {})
    nlp.parse(["Merci à Marie Dupont."], "fr", {"ner"})
    first = nlp.pipeline("fr", {"ner"}).get_pipe("ner")
    assert list(nlp._decoders) == [id(first)]
    nlp.pipeline("fr", {"ner", "lemmatizer"})  # a wider load replaces the pipeline
    (doc,) = nlp.parse(["Merci à Marie Dupont."], "fr", {"ner"})
    second = nlp.pipeline("fr", {"ner"}).get_pipe("ner")
    assert second is not first and list(nlp._decoders) == [id(second)]
    assert [(e.text, e.label_) for e in doc.ents] == [("Marie Dupont", "PER")]

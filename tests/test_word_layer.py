"""The post's word layer (`linguistics.PostWordLayer`): a post is tokenised once for the cheap first
stage, and every stretch of it a reader asks for (a sentence, a clause, adjacent sentences, an inside
unit) is read off that layer instead of being tokenised again. The learned gates were trained on the
words `quick_words` gives, so the layer must give exactly those: every gate's features and score,
who is named, the clauses, and the tone and inside-information findings are compared with the path
that tokenises each text by itself, on positive cases and their contrasts (negated, quoted, hearsay,
harmless look-alikes) and on writings whose folding changes lengths (ligatures, lone accents, a
capital sigma, a dotted capital I), in wordings of our own."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest

from charterguard import Charter, Checker
from charterguard.inside.analyzer import reading_spans
from charterguard.inside.model import load_inside_model
from charterguard.linguistics import Linguistics, PostWordLayer, forget_read_sentences, laid_out, quick_words, quick_words_alone
from charterguard.semantic.classifier import gate_features
from charterguard.tone.hostility_model import clauses, load_hostility_model, names_group, names_someone

NOW = datetime(2026, 11, 22, tzinfo=UTC)

POSTS = [
    ("fr", "Franchement, le nouveau chef d'équipe est un incapable. Il n'écoute personne !"),
    ("fr", "Ce n'est pas un incapable, notre chef d'équipe : il manquait juste de temps."),
    ("fr", "Quelqu'un a écrit « bande de nuls » sur le tableau de l'open space, c'est inadmissible."),
    ("fr", "Entre nous : le rachat de la filiale nantaise est bouclé, l'annonce tombe lundi."),
    ("fr", "Comme annoncé en mars, la filiale nantaise a été cédée. Communiqué en lien."),
    ("fr", "Les clients d’Initech ? Des pigeons... Globex, eux, savent vendre."),
    ("fr", "Bravo à l'équipe logistique pour ce trimestre efficace ! #fierté @Camille"),
    ("en", "Honestly our new shift lead is a clown. He doesn't listen to anyone!"),
    ("en", "She isn't a clown at all; she just didn't have the time she needed."),
    ("en", "Someone scrawled 'losers' on the breakroom fridge, which is not okay."),
    ("en", "Between us, the board signed off the Porto takeover; we're telling staff Monday."),
    ("en", "As announced in May, the Porto plant was sold. Press release below."),
    ("en", "Globex's support? A joke... Initech's folks at least pick up the phone."),
    ("en", "Great quarter, logistics crew! Thanks @sam for the late nights."),
]
# Writings whose key changes length (a ligature, a lone accent, an ellipsis, a dotted capital I, a
# capital sigma read differently at a word's end): the post cannot be read off a layer, and is not.
UNALIGNED = [
    ("fr", "Le ﬁchier des clients e\u0301tait public… ou pas ?"),
    ("en", "İstanbul office: the ΣΟΦΙΑΣ deal is off, they're not telling anyone."),
]


@contextmanager
def without_layers() -> Iterator[None]:
    """`quick_words` as it was before the layer: every text tokenised by itself."""
    original = PostWordLayer.stretch_of
    PostWordLayer.stretch_of = lambda self, text: None  # type: ignore[method-assign]
    forget_read_sentences()
    try:
        yield
    finally:
        PostWordLayer.stretch_of = original  # type: ignore[method-assign]
        forget_read_sentences()


def stretches(text: str) -> list[tuple[int, int]]:
    """Every stretch of `text` between two white spaces (or its ends), and a few that are not."""
    bounds = [0, *(k for k, c in enumerate(text) if c.isspace()), len(text)]
    out = [(a if a == 0 else a + 1, b) for i, a in enumerate(bounds) for b in bounds[i + 1 :]]
    return out + [(1, len(text) - 1), (2, 9)]


@pytest.mark.parametrize(("lang", "text"), POSTS + UNALIGNED)
def test_every_stretch_between_white_space_reads_off_the_layer_as_its_own_tokenisation(lang: str, text: str) -> None:
    layer = PostWordLayer(text)
    read = 0
    for start, end in stretches(text):
        got = layer.stretch(start, end)
        if got is not None:
            read += 1
            assert got == quick_words_alone(text[start:end]), (start, end)
    if (lang, text) in UNALIGNED:
        assert not layer.aligned and read == 0  # such a post is tokenised text by text, as before
    else:
        assert layer.aligned and read > len(text.split())


def test_a_stretch_cut_inside_a_word_is_not_read_off_the_layer() -> None:
    text = "Il n'écoute personne, l'équipe s'en plaint."
    layer = PostWordLayer(text)
    assert layer.stretch(0, 5) is None  # "Il n'" ends inside "n'écoute": tokenised alone it reads "n" "'"
    assert layer.stretch(4, len(text)) is None  # "'écoute ..." starts inside "n'écoute"
    assert layer.stretch(0, len(text)) == quick_words_alone(text)


def test_random_writings_read_off_the_layer_as_their_own_tokenisation() -> None:
    pieces = list("abcdeKLMé èàçÉô’'\".,;:!?-_@#09\n\t") + ["…", "ﬁ", "\u0301", "Σ", "σ", "İ", "\u00a0", "😀", "ß", "n't", "'s", "l'", "œ"]
    shuffled = random.Random(12)
    for _ in range(400):
        text = "".join(shuffled.choice(pieces) for _ in range(shuffled.randint(0, 40)))
        layer = PostWordLayer(text)
        for _ in range(10):
            a = shuffled.randint(0, len(text))
            b = shuffled.randint(a, len(text))
            got = layer.stretch(a, b)
            assert got is None or got == quick_words_alone(text[a:b]), (text, a, b)


@pytest.mark.parametrize(("lang", "text"), POSTS + UNALIGNED)
def test_every_learned_gate_reads_the_same_features_and_scores_off_the_layer(lang: str, text: str) -> None:
    hostility, inside = load_hostility_model(), load_inside_model()
    if hostility is None or inside is None:
        pytest.skip("learned readings not installed")
    names = ("globex", "initech")
    sentences = [text[a:b] for a, b in Linguistics(text, lang).spans]
    pairs = [f"{a} {b}" for a, b in zip(sentences, sentences[1:])]
    units = [text[a:b] for a, b in reading_spans(text)]

    def readings() -> list[object]:
        out: list[object] = []
        for piece in [*sentences, *pairs, *units]:
            joined = quick_words(piece)[0]
            out += [sorted(gate_features(piece)), hostility.gate_score(piece), hostility.gates(piece, lang, names),
                    inside.gate_score(piece), names_someone(piece, lang, names), names_group(piece, lang), clauses(piece), joined]
            if hostility.targeted is not None:
                out.append(hostility.targeted.passes_gate(joined, lang, names))
        return out

    with without_layers():
        alone = readings()
    forget_read_sentences()
    layer = laid_out(text)
    assert readings() == alone
    assert layer.joined == quick_words_alone(text)[0]


@pytest.fixture(scope="module")
def tone_and_inside() -> Checker:
    charter = Charter.load("default")
    return Checker(charter.only({r.spec.id for r in charter.rules if r.spec.kind in ("tone", "inside_information")}))


@pytest.mark.parametrize(("lang", "text"), POSTS + UNALIGNED)
def test_tone_and_inside_information_decide_alike_with_the_layer_and_without(tone_and_inside: Checker, lang: str, text: str) -> None:
    def findings() -> list[tuple[str, str, int, int, float]]:
        report = tone_and_inside.check(text, lang=lang, now=NOW)
        return sorted((f.rule, f.severity, f.start, f.end, f.score) for f in report.findings)

    with without_layers():
        alone = findings()
    forget_read_sentences()
    assert findings() == alone


def test_the_positive_cases_are_found_so_that_the_comparison_can_fail(tone_and_inside: Checker) -> None:
    flagged = [text for lang, text in POSTS if tone_and_inside.check(text, lang=lang, now=NOW).findings]
    assert len(flagged) >= 3  # insults and a leak: the comparisons above compare findings, not empty lists

"""The shortcuts that keep tone + inside information cheap (issue 12: <= 2 ms per post) find exactly what
the plain scans find: the post's words read once for every inside cue list (`PostVocabulary`), the cheap
framings asked before the shapes when a clipped fact is told secret apart, the cue keys of a parsed
sentence derived once for every tone cue list (`CueKeys`), and the first stage's gates given the word
starts once. Each is compared with the plain path on positive cases and their contrasts (negated,
quoted, framed as hearsay, harmless look-alikes), in wordings of our own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from charterguard import Checker
from charterguard.analysis import Post
from charterguard.inside.analyzer import FirstWords, PostVocabulary
from charterguard.inside.lexicon import CUE_LISTS, builtin_cues, builtin_topic, builtin_topics_raw, matcher_for, tokenize
from charterguard.linguistics import forget_read_sentences, quick_words

NOW = datetime(2026, 11, 22, tzinfo=UTC)

POSTS = [
    ("fr", "Entre nous 🤫 : la fusion avec le groupe lyonnais est signée, l'annonce tombe jeudi."),
    ("fr", "Ce n'est pas un secret : nos résultats annuels sont publiés le 12 mars, comme chaque année."),
    ("fr", "Il paraît que l'usine de Cholet ferme, mais personne n'en sait rien."),
    ("fr", "Beaucoup d'entre nous ont aimé « le pot de départ » de vendredi à la cantine."),
    ("fr", "Merci à toutes les équipes pour ce salon réussi !"),
    ("en", "Between us, the board approved the buyout; announcement to follow after the close."),
    ("en", "As announced in June, the Leeds depot closed. Press release linked."),
    ("en", "Rumour has it Globex is laying off 200 people. Not us, thankfully."),
    ("en", "Box office results for the new season look great, congrats to the marketing crew."),
    ("en", "Lunch & learn on Thursday, bring your questions."),
    ("en", ""),
]


def cue_matchers() -> list:
    """The built-in cue lists (each language's, with the entries of every language) and topic terms, as
    the analyzer builds their matchers."""
    out = []
    for name in CUE_LISTS:
        by_language = builtin_cues(name)
        for language in ("fr", "en"):
            out.append(matcher_for((*by_language.get("any", ()), *by_language.get(language, ()))))
    out.append(matcher_for(tuple(term for name in builtin_topics_raw() for term in builtin_topic(name).terms)))
    return out


@pytest.mark.parametrize(("lang", "text"), POSTS)
def test_the_post_vocabulary_finds_what_every_cue_list_finds_in_the_post(lang: str, text: str) -> None:
    tokens = tokenize(text)
    vocabulary = PostVocabulary(tokens)
    found = 0
    for matcher in cue_matchers():
        plain = matcher.find(tokens, text)
        assert vocabulary.find(matcher, FirstWords(matcher), text) == plain
        # A sentence's range too (the words before and after it never start one of its matches).
        half = len(tokens) // 2
        assert vocabulary.find(matcher, FirstWords(matcher), "", half, len(tokens)) == matcher.find(tokens, "", half, len(tokens))
        found += len(plain)
    assert found or not text.strip() or "Lunch" in text


def test_a_list_no_word_of_the_post_starts_is_not_scanned_but_its_symbols_are_still_read() -> None:
    text = "Nouveau contrat 🤫"
    tokens = tokenize(text)
    secrecy = matcher_for((*builtin_cues("secrecy").get("any", ()), *builtin_cues("secrecy").get("fr", ())))
    firsts = FirstWords(secrecy)
    vocabulary = PostVocabulary(tokens)
    assert not vocabulary.may_start(firsts)
    assert [text[m.start : m.end] for m in vocabulary.find(secrecy, firsts, text)] == ["🤫"]
    assert vocabulary.find(secrecy, firsts, "") == secrecy.find(tokens, "") == []


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        # A clipped fact told secret in a sentence of its own: the cue word, or the shape when no cue word says it.
        ("en", "Plant sale signed. Nobody knows.", True),
        ("fr", "Rachat signé. Personne n'est au courant.", True),
        ("fr", "Nouveau PDG lundi. Motus.", True),
        # The same told as hearsay, in either sentence: the framing answers before the shapes are read.
        ("en", "Plant sale signed. Apparently nobody knows.", False),
        ("en", "Apparently the plant sale signed. Nobody knows.", False),
    ],
)
def test_a_clipped_fact_told_secret_apart_is_judged_alike_with_the_framings_asked_first(
    inside_default: Checker, lang: str, text: str, flagged: bool
) -> None:
    assert (inside_default.check(text, lang=lang, now=NOW).verdict != "pass") is flagged


SENTENCES = [
    ("fr", "Tu n'es qu'un sac à patates, et tes collègues des incapables."),
    ("fr", "Je vais te retrouver à la sortie, tu vas le regretter."),
    ("fr", "Il ne faut pas dire « bande de nuls » à ses collègues."),
    ("en", "Our competitors are a bunch of clowns and liars."),
    ("en", "I never said the new intern was useless; she ships fast."),
    ("en", "Great demo today, thanks to the whole platform team!"),
]


@pytest.mark.parametrize(("lang", "text"), SENTENCES)
def test_the_cue_keys_of_a_sentence_read_once_give_every_list_what_a_fresh_reading_gives(lang: str, text: str) -> None:
    from charterguard.tone.meaning import CUE_LISTS as TONE_CUE_LISTS
    from charterguard.tone.meaning import cue_lexicon, matches

    cues = cue_lexicon(lang)

    def parsed() -> list:
        linguistics = Post(text, language=lang, channel=None, audience=None, now=NOW).linguistics
        return linguistics.parsed(range(len(linguistics.spans)))

    shared = parsed()  # every list asked of the same sentences: their keys derived once
    for name in TONE_CUE_LISTS:
        fresh = parsed()  # a new parse: nothing derived yet
        assert [matches(s, cues, name) for s in shared] == [matches(s, cues, name) for s in fresh], name


@pytest.mark.parametrize(("lang", "text"), [*SENTENCES, *POSTS])
def test_the_first_stage_gates_given_the_word_starts_find_what_their_whole_alternation_finds(lang: str, text: str) -> None:
    from charterguard.tone.meaning import WHOLE_GATE_PARTS, cue_lexicon

    cues = cue_lexicon(lang)
    joined, _ = quick_words(text)
    word_starts = [0]
    for k, character in enumerate(joined):
        if character == " ":
            word_starts.append(k + 1)
    gates = [cues.gate, *cues.discrimination, *cues.ultimatum, *cues.predication]
    assert any(len(g.parts) > WHOLE_GATE_PARTS for g in gates)  # some are read a word at a time
    for gate in gates:
        whole = [m.start() for m in gate.whole.finditer(joined)]
        assert gate.starts(joined) == whole
        assert gate.starts(joined, word_starts) == whole


def test_forgetting_the_sentences_read_changes_no_reading() -> None:
    text = "Quelle bande de nuls, franchement. Bon week-end à tous !"
    before = quick_words(text)
    forget_read_sentences()
    assert quick_words(text) == before

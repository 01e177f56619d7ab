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


@pytest.mark.parametrize(
    ("lang", "text", "threat"),
    [
        ("fr", "Toi, je vais te démonter à la sortie du parking.", True),
        ("fr", "Va te faire voir avec ton rapport.", False),
        ("fr", "Je ne vais pas te démonter, promis, juste relire ton code.", False),
        # Quoted, the words are still the construction's (the reading by meaning sets quotations apart).
        ("fr", "« Je vais te démonter » : la réplique culte du film de ce soir.", True),
        ("fr", "On va démonter le stand vendredi après le salon.", False),
        ("en", "I'm gonna kill you when you get home, you rat.", True),
        ("en", "Someone should shoot that manager, honestly.", True),
        ("en", "Gonna kill it at the demo tomorrow, wish us luck!", False),
        ("en", "We killed the old build pipeline last week.", False),
    ],
)
def test_a_construction_found_by_its_prefilter_is_what_its_own_pattern_finds(lang: str, text: str, threat: bool) -> None:
    # Each construction is searched first without the word boundary it opens with (a looser, faster
    # search): where that finds nothing, the construction finds nothing; where it finds something, the
    # construction's own pattern decides.
    from charterguard.text.normalize import FoldedText
    from charterguard.tone.analyzer import squeezed, without_leading_boundary
    from charterguard.tone.lexicon import constructions
    from charterguard.tone.tokens import Tokens

    joined = Tokens.of(squeezed(FoldedText(text))).joined
    found = 0
    for construction in constructions(lang):
        loose = without_leading_boundary(construction.pattern)
        assert loose is not None  # every built-in construction opens with a word boundary
        exact = [m.span() for m in construction.pattern.finditer(joined)]
        assert all(loose.search(joined, start) for start, _ in exact)
        if loose.search(joined) is None:
            assert exact == []
        found += len(exact)
    assert bool(found) is threat


def test_a_pattern_opening_with_no_boundary_has_no_prefilter() -> None:
    import re

    from charterguard.tone.analyzer import without_leading_boundary

    assert without_leading_boundary(re.compile(r"(?:je|on) vais te \w+")) is None
    loose = without_leading_boundary(re.compile(r"\bvais te (?:tuer|buter)\b"))
    assert loose is not None and loose.pattern == r"vais te (?:tuer|buter)\b"
    assert loose.search("jevais te tuer") and not re.search(r"\bvais te (?:tuer|buter)\b", "jevais te tuer")

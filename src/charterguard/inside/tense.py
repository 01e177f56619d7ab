"""The French future tense of a sentence, read from spaCy's morphology; and the English
progressive of a topic word, read from the words around it.

Only called on the few sentences that hold a sensitive topic and no lexical cue,
so the parse (tok2vec + morphologizer, ~1.5 ms per sentence) stays off the
common path. Callers cache results per post (never across posts: post text is private).

A cheap first stage skips the parse where no word can be in the future: every French
verb, regular or not (sera, aura, fera, ira, pourra, viendront), ends in -rai, -ras,
-ra, -rons, -rez or -ront there, so a sentence without such a word has no future to find.
Then the forms themselves (`french_future`): an -er, -ir or -re infinitive or an irregular
stem with those endings, every person ("nous fermerons", "vous rachèterez", "ils
prendront", "nous serons"), read without the parse, which misses some of them; the parse is
left for what the forms cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.normalize import fold_words

TENSE_COMPONENTS = frozenset({"morphologizer"})  # what the parse needs (rules declare it for warm-up)
# English forms of "be" before a progressive ("is closing", "we're merging", "isn't renewing").
_BE = frozenset({"am", "is", "are", "re", "m", "isn", "aren", "being"})
_NOT = frozenset({"not", "t"})
_PRONOUNS_BEFORE_S = frozenset({"it", "he", "she", "that", "who"})
_MAY_BE_FUTURE = re.compile(r"[^\W\d_]r(?:ai|as|a|ons|ez|ont)\b", re.IGNORECASE)


# The simple future's endings, after the stem's "r" (ferme-r-ons, prend-r-a, se-r-ont).
_FUTURE_ENDINGS = ("ons", "ont", "ez", "ai", "as", "a")
# Irregular future stems, without their last "r": se-r-a, au-r-ons, fe-r-ez, i-r-a, pour-r-ai, sau-r-ont,
# ver-r-a, enver-r-ons, cour-r-a, mour-r-a, acquer-r-a.
_IRREGULAR_STEMS = frozenset(["se", "au", "fe", "i", "pour", "sau", "ver", "enver", "renver", "cour", "mour", "acquer", "conquer"])
# Words that end like a future and are none: nouns ("opéra", "chevrons"), first names, and the present of
# -irer and -urer verbs ("nous tirons", "nous assurons": read by the parse instead).
_NOT_FUTURE = frozenset([
    "opera", "operas", "camera", "cameras", "cholera", "chimera", "riviera", "tempera", "ephemera", "hydra", "tundra", "quadra",
    "sandra", "cassandra", "alexandra", "laura", "maura", "moira", "escadrons", "chaudrons", "chevrons", "vignerons", "bucherons",
    "biberons", "forgerons", "chaperons", "liserons", "moucherons", "quarterons", "environs", "extra", "ultra", "contra",
])
_WORDS = re.compile(r"[^\W\d_]+")


def french_future(word: str) -> bool:
    """Whether a folded French word is a simple future: an -er infinitive ("fermerons", "rachetera"), an -ir
    one ("finiront", "partirai"; not "-irons"/"-irez", also the present of -irer verbs), an -re one ("prendra",
    "mettrez", "boira", "conclura", "connaitront") or an irregular stem ("serons", "aurez", "ira", "pourront")."""
    if word in _NOT_FUTURE:
        return False
    for ending in _FUTURE_ENDINGS:
        if not word.endswith(ending) or len(word) <= len(ending) + 1 or word[-len(ending) - 1] != "r":
            continue
        stem = word[: -len(ending) - 1]  # without the "r" ("ferme", "prend", "se")
        if stem in _IRREGULAR_STEMS:
            return True
        if len(stem) < 3:
            return False
        person_of_present = ending in ("ons", "ez")  # "nous tirons", "vous assurez": a present too
        if stem.endswith("e"):
            return True
        if stem.endswith(("d", "tt", "v", "oi", "ai", "ait", "oit")):
            return True
        if stem.endswith(("i", "u")) and not person_of_present:
            return True
        return False
    return False


def has_future_tense(sentence: str, language: str) -> bool:
    """True when a verb or auxiliary of `sentence` is in the future tense."""
    if language == "fr" and not _MAY_BE_FUTURE.search(sentence):
        return False
    if language == "fr" and any(french_future(fold_words(w)) for w in _WORDS.findall(sentence)):
        return True  # the forms say it: no parse
    from .. import nlp

    doc = nlp.parse([sentence], language, TENSE_COMPONENTS)[0]
    return any("Fut" in token.morph.get("Tense", []) for token in doc if token.pos_ in ("VERB", "AUX", ""))


def english_progressive(words: Sequence[str], index: int) -> bool:
    """True when the folded word at `index` is an English progressive or a passive
    progressive: "we're merging", "is not renewing", "is being shut down", "being
    outsourced". Said of a sensitive topic (a deal, a closure, a departure), the
    progressive is the futurate: an arranged event not done yet."""
    word = words[index]
    k = index - 1
    if k >= 0 and words[k] == "being":  # the passive progressive: "is being outsourced"
        return True
    if not word.endswith("ing"):
        return False
    while k >= 0 and words[k] in _NOT:
        k -= 1
    if k < 0:
        return False
    if words[k] in _BE:
        return True
    # "it's closing", not "the company's closing remarks"
    return words[k] == "s" and k >= 1 and words[k - 1] in _PRONOUNS_BEFORE_S

"""The French future tense of a sentence, read from spaCy's morphology; and the English
progressive of a topic word, read from the words around it.

Only called on the few sentences that hold a sensitive topic and no lexical cue,
so the parse (tok2vec + morphologizer, ~1.5 ms per sentence) stays off the
common path. Callers cache results per post (never across posts: post text is private).

A cheap first stage skips the parse where no word can be in the future: every French
verb, regular or not (sera, aura, fera, ira, pourra, viendront), ends in -rai, -ras,
-ra, -rons, -rez or -ront there, so a sentence without such a word has no future to find.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TENSE_COMPONENTS = frozenset({"morphologizer"})  # what the parse needs (rules declare it for warm-up)
# English forms of "be" before a progressive ("is closing", "we're merging", "isn't renewing").
_BE = frozenset({"am", "is", "are", "re", "m", "isn", "aren", "being"})
_NOT = frozenset({"not", "t"})
_PRONOUNS_BEFORE_S = frozenset({"it", "he", "she", "that", "who"})
_MAY_BE_FUTURE = re.compile(r"[^\W\d_]r(?:ai|as|a|ons|ez|ont)\b", re.IGNORECASE)


def has_future_tense(sentence: str, language: str) -> bool:
    """True when a verb or auxiliary of `sentence` is in the future tense."""
    if language == "fr" and not _MAY_BE_FUTURE.search(sentence):
        return False
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

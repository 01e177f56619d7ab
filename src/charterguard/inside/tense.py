"""The French future tense of a sentence, read from spaCy's morphology.

Only called on the few sentences that hold a sensitive topic and no lexical cue,
so the parse (tok2vec + morphologizer, ~1.5 ms per sentence) stays off the
common path. Callers cache results per post (never across posts: post text is private).

A cheap first stage skips the parse where no word can be in the future: every French
verb, regular or not (sera, aura, fera, ira, pourra, viendront), ends in -rai, -ras,
-ra, -rons, -rez or -ront there, so a sentence without such a word has no future to find.
"""

from __future__ import annotations

import re

_COMPONENTS = ("morphologizer",)
_MAY_BE_FUTURE = re.compile(r"[^\W\d_]r(?:ai|as|a|ons|ez|ont)\b", re.IGNORECASE)


def has_future_tense(sentence: str, language: str) -> bool:
    """True when a verb or auxiliary of `sentence` is in the future tense."""
    if language == "fr" and not _MAY_BE_FUTURE.search(sentence):
        return False
    from .. import nlp

    doc = nlp.parse([sentence], language, _COMPONENTS)[0]
    return any("Fut" in token.morph.get("Tense", []) for token in doc if token.pos_ in ("VERB", "AUX", ""))

"""The French future tense of a sentence, read from spaCy's morphology.

Only called on the few sentences that hold a sensitive topic and no lexical cue,
so the parse (tok2vec + morphologizer, ~1.5 ms per sentence) stays off the
common path. Callers cache results per post (never across posts: post text is private).
"""

from __future__ import annotations

_COMPONENTS = ("morphologizer",)


def has_future_tense(sentence: str, language: str) -> bool:
    """True when a verb or auxiliary of `sentence` is in the future tense."""
    from .. import nlp

    doc = nlp.parse([sentence], language, _COMPONENTS)[0]
    return any("Fut" in token.morph.get("Tense", []) for token in doc if token.pos_ in ("VERB", "AUX", ""))

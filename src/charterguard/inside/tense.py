"""The French future tense of a sentence, read from spaCy's morphology.

Only called on the few sentences that hold a sensitive topic and no lexical cue,
so the parse (tok2vec + morphologizer, ~1.5 ms per sentence) stays off the
common path. Results are cached by sentence text.
"""

from __future__ import annotations

from functools import lru_cache

_COMPONENTS = ("morphologizer",)


@lru_cache(maxsize=2048)
def has_future_tense(sentence: str, language: str) -> bool:
    """True when a verb or auxiliary of `sentence` is in the future tense."""
    from .. import nlp

    doc = nlp.parse([sentence], language, _COMPONENTS)[0]
    return any("Fut" in token.morph.get("Tense", []) for token in doc if token.pos_ in ("VERB", "AUX", ""))

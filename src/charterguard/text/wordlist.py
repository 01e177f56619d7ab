"""How common a word is in French or English, from `wordfreq`'s offline lists.

Term matching asks two questions of it:

- is a one-typo match really a typo, or another word ("Calibri" the font is not
  a typo of the code name "Colibri"; "tamarin" the monkey is not "Tamaris")?
- is a code name itself an ordinary word ("Colibri", "Kestrel"), so that it is
  flagged only in a project context?

Frequencies are Zipf values (log10 of occurrences per billion words): 7 for
"the", 3 for a word seen once per million, 1 for the rarest listed words. The
lists (wordfreq's "large" French and English lists) ship inside the wheel and
load once, on first use (~0.2 s).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..vocabulary import LANGUAGES

# A word at least this frequent is "a word" for the typo guard (Calibri: 1.5 in English;
# common misspellings such as "kestral" sit just above 1).
KNOWN_WORD_ZIPF = 1.3
# A code name at least this frequent is an ordinary word (colibri 2.8, kestrel 2.5, tamaris 2.5).
COMMON_WORD_ZIPF = 2.0


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The highest Zipf frequency of `word` in French or English (0 if unlisted).

    Looked up as written (lowercased) and without accents, since a folded post
    has none ("nebuleuse" counts as "nébuleuse")."""
    from wordfreq import zipf_frequency

    lower = word.lower()
    plain = "".join(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))
    forms = {lower, plain}
    return max(zipf_frequency(form, language, wordlist="large") for form in forms for language in LANGUAGES)


def is_known_word(word: str) -> bool:
    """A listed French or English word (not a typo of something else)."""
    return zipf(word) >= KNOWN_WORD_ZIPF


def is_common_word(word: str) -> bool:
    """An ordinary French or English word, frequent enough to be meant as itself."""
    return zipf(word) >= COMMON_WORD_ZIPF

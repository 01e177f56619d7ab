"""Tell French from English in a short post, fast and offline.

Counts function words of each language (and words with French accents). Posts are
short and these words are frequent, so this is reliable enough to pick messages and
a spaCy pipeline; an explicit language from the caller always wins. Words both
languages share ("on", "a", "me") count for both. Ties go to French, the first
market.
"""

from __future__ import annotations

import re

_FR = frozenset(
    "le la les un une des du de au aux et est sont être avec pour dans sur par pas ne que qui "
    "quoi nous vous ils elles je tu il elle ce cette ces mon ma mes ton ta tes son sa ses notre "
    "nos votre vos leur leurs très plus mais ou où donc car aussi bien fait été avons avez ont "
    "chez sans sous entre vers depuis merci bonjour aujourd hui nouveau nouvelle équipe "
    # Short posts ("On recrute 5 devs Python à Lyon !"): pronouns, elisions, frequent verbs.
    "à on en y c l d j qu n lui eux nos avec encore toujours rejoindre rejoignez recrute recrutons "
    "cherche cherchons venez découvrez bravo félicitations fier fière fiers ravi ravie hâte demain hier".split()
)
_EN = frozenset(
    "the a an and is are be been with for in on at by not that which who what we you they i "
    "he she it this these those my our your their his her its very more but or so because also "
    "well done have has had was were will would can could from into about our team thanks "
    "today new proud".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_FR_ACCENTS = re.compile(r"[éèêàùçôîœ]", re.IGNORECASE)


def detect_language(text: str) -> str:
    """'fr' or 'en'."""
    fr = en = 0
    for word in _WORD.findall(text[:5000].lower()):
        if word in _FR:
            fr += 1
        if word in _EN:
            en += 1
    fr += sum(1 for word in _WORD.findall(text[:5000]) if _FR_ACCENTS.search(word))
    return "en" if en > fr else "fr"

"""Is a word used as a project's name here, or as the ordinary word it also is?

"Deux colibris butinaient les fleurs du balcon" speaks of birds; "Bonjour
Colibri", "le projet Colibri", "#Colibri", "Colibri passe en bêta", "Acme Group
dévoile Colibri" speak of a project. `in_project_context` answers from the
text around a match:

- the match is written as a name: capitalised mid-sentence ("avec Colibri"), or
  at the start of a sentence in the very form of the name ("Colibri arrive", but
  not the plural "Colibris et abeilles au jardin"), in capitals inside a post
  that is not all capitals ("COLIBRI est prêt"), or disguised (digits, symbols,
  other scripts, invisible characters);
- it is a hashtag or a mention;
- a project word is next to it ("projet X", "X project", "nom de code X");
- launch, roadmap, beta or delivery vocabulary is near it;
- the company is named near it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .normalize import fold_letters, without_marks

WINDOW_WORDS = 10  # "near": within this many words either side

# Project words right before the name ("projet X", "nom de code X") or right after it ("X project").
BEFORE_NAME = (
    "projet", "projets", "project", "projects", "programme", "program", "produit", "product", "opération",
    "operation", "initiative", "chantier", "codename", "code name", "nom de code", "appli", "app", "plateforme",
    "platform", "module", "release", "version",
)
AFTER_NAME = ("project", "projects", "program", "programme", "app", "team", "squad", "release", "beta", "bêta", "v1", "v2", "v3")
# Launch / roadmap / beta / delivery vocabulary near the name.
PROJECT_WORDS = (
    "lancement", "lancements", "lancer", "lance", "lancé", "lancée", "lancés", "lancera", "launch", "launched",
    "launches", "launching", "roadmap", "feuille de route", "bêta", "beta", "alpha", "pilote", "pilot",
    "prototype", "mvp", "poc", "démo", "demo", "démonstration", "sprint", "kickoff", "kick-off", "go-live",
    "déploiement", "déployer", "déployé", "deploy", "deployed", "deployment", "rollout", "livraison", "livrer",
    "livré", "delivery", "deliver", "shipped", "ships", "ship", "shipping", "release", "released", "sortie",
    "sortira", "mise en production", "production", "prod", "jalon", "milestone", "annonce", "annoncer", "annoncé",
    "announce", "announced", "announcement", "teaser", "preview", "version", "fonctionnalité", "fonctionnalités",
    "feature", "features", "stealth", "nda", "confidentiel", "confidential", "interne", "internal", "embargo",
    "client", "clients", "customer", "customers", "contrat", "contract", "budget", "planning", "deadline",
    "échéance", "backlog", "recette", "staging",
)
_BEFORE = frozenset(fold_letters(w) for w in BEFORE_NAME)
_AFTER = frozenset(fold_letters(w) for w in AFTER_NAME)
_PROJECT = frozenset(fold_letters(w) for w in PROJECT_WORDS)
_SENTENCE_END = frozenset(".!?…\n\r")
_WORD = re.compile(r"[^\W_]+")


def in_project_context(text: str, start: int, end: int, term: str, company_names: Iterable[str] = ()) -> bool:
    """Whether text[start:end] (where `term` was found in `text`) reads as a project's name."""
    written = text[start:end]
    if not _written_plainly(written, term) or _capitalised_as_a_name(text, start, written, term):
        return True
    if start > 0 and text[start - 1] in "#@":
        return True
    before = [_folded_word(w) for w in _WORD.findall(text, max(0, start - 200), start)][-WINDOW_WORDS:]
    after = [_folded_word(w) for w in _WORD.findall(text, end, end + 200)][:WINDOW_WORDS]
    if any("".join(before[-n:]) in _BEFORE for n in (1, 2, 3) if len(before) >= n) or (after and after[0] in _AFTER):
        return True
    if any(phrase in _PROJECT for phrase in _phrases(before) ) or any(phrase in _PROJECT for phrase in _phrases(after)):
        return True
    near = fold_letters(text[max(0, start - 120) : end + 120])
    return any(key and key in near for key in (fold_letters(n) for n in company_names))


@lru_cache(maxsize=16384)
def _folded_word(word: str) -> str:
    return fold_letters(word)


def _phrases(words: list[str]) -> Iterable[str]:
    """Every run of one to three consecutive words, joined as folded text is."""
    for size in (1, 2, 3):
        for k in range(len(words) - size + 1):
            yield "".join(words[k : k + size])


def _written_plainly(written: str, term: str) -> bool:
    """Only Latin letters (accents allowed), split where the term itself is split:
    anything else (digits, symbols, other scripts, invisible characters, letters
    spaced out or cut into syllables) is a deliberate spelling."""
    stripped = without_marks(unicodedata.normalize("NFKD", written))
    if re.fullmatch(r"[A-Za-z]+(?:[ '\-][A-Za-z]+)*", stripped) is None:
        return False
    return len(_PARTS.findall(stripped)) == len(_PARTS.findall(term))


_PARTS = re.compile(r"[^\W\d_]+")


def _capitalised_as_a_name(text: str, start: int, written: str, term: str) -> bool:
    letters = [c for c in written if c.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        rest = text[:start] + text[start + len(written) :]
        return sum(1 for c in rest if c.islower()) > sum(1 for c in rest if c.isupper())  # capitals stand out
    return not _starts_sentence(text, start) or fold_letters(written) == fold_letters(term)


def _starts_sentence(text: str, start: int) -> bool:
    """Nothing but spaces, quotes, emoji or bullets between the previous sentence end
    (or the start of the text) and `start`."""
    k = start - 1
    while k >= 0:
        ch = text[k]
        if ch in _SENTENCE_END:
            return True
        if ch.isalnum() or ch in ",;:(/&+=":
            return False
        k -= 1
    return True

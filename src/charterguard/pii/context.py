"""French and English context words, and the check "is one of them near?".

Presidio's context words are English and matched by lemma, which needs the
lemmatizer (and, in French, the morphologizer) to run on every post. Here a
context word is a folded word *prefix* ("appel" covers appeler, appelez,
appelle), looked for in a small window before and after the span: no NLP
needed, and one regex per entity.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.normalize import fold_words

# Folded (lowercase, no accents) word prefixes, French then English.
CONTEXT_WORDS: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": (
        "tel", "telephone", "portable", "mobile", "fixe", "appel", "joindre", "joignable", "numero", "num",
        "contact", "standard", "ligne", "sms", "whatsapp", "rappel", "fax",
        "phone", "call", "cell", "number", "text", "reach", "dial", "office",
    ),
    "EMAIL_ADDRESS": ("mail", "courriel", "ecri", "adresse", "contact", "email", "write"),
    "IBAN_CODE": ("iban", "rib", "bancaire", "banque", "virement", "compte", "bank", "account", "transfer", "wire"),
    "CREDIT_CARD": ("carte", "cb", "visa", "mastercard", "amex", "paiement", "card", "credit", "payment", "pay"),
    "IP_ADDRESS": ("ip", "adresse", "serveur", "server", "host", "address", "connect", "vpn", "ping"),
    "FR_NIR": ("secu", "securite sociale", "nir", "insee", "numero social", "ssn", "social security", "carte vitale", "vitale"),
    "FR_SIREN": ("siren", "rcs", "societe", "entreprise", "immatricul", "registre", "company", "kbis"),
    "FR_SIRET": ("siret", "etablissement", "rcs", "societe", "entreprise", "kbis", "company", "establishment"),
    "FR_TVA": ("tva", "vat", "intracom"),
    "FR_PASSPORT": ("passeport", "passport"),
    "FR_CNI": ("cni", "carte d'identite", "carte nationale", "identite", "piece d'identite", "id card", "identity"),
    "US_SSN": ("ssn", "social security", "social"),
    "STREET_ADDRESS": (
        "adresse", "domicil", "habit", "demeur", "livr", "situe", "siege", "bureau", "chez",
        "address", "live", "lives", "located", "office", "ship", "deliver", "moved", "mail to", "send to",
    ),
    # A place tied to someone (where they live, come from, are): personal data; a place alone is not.
    "LOCATION": (
        "habite", "habitait", "vit a", "vivent a", "ne a", "nee a", "domicil", "originaire", "demenag", "reside",
        "lives", "lived", "live in", "born in", "from", "moved to", "moving to", "based in", "resides", "i am in",
        "i'm in", "we are in", "is in", "address", "adresse",
    ),
    "PERSON": (
        "m.", "mme", "mlle", "monsieur", "madame", "dr", "docteur", "me ", "maitre", "contactez", "contacter",
        "appelez", "ecrivez", "collegue", "client", "cliente", "candidat", "salarie", "patient", "nomme", "s'appelle",
        "mr", "mrs", "ms", "miss", "sir", "colleague", "customer", "named", "contact", "call", "ask for",
    ),
}

WINDOW_BEFORE = 48  # characters: about six words
WINDOW_AFTER = 24


@lru_cache(maxsize=64)
def _regex(entity: str) -> re.Pattern[str] | None:
    words = CONTEXT_WORDS.get(entity)
    if not words:
        return None
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})")


def has_context(text: str, start: int, end: int, entity: str) -> bool:
    """Is a context word for `entity` near text[start:end]?"""
    before = fold_words(text[max(0, start - WINDOW_BEFORE) : start])
    after = fold_words(text[end : end + WINDOW_AFTER])
    regex = _regex(entity)
    return regex is not None and (regex.search(before) is not None or regex.search(after) is not None)

"""The personal-data entities charterguard knows, and what a recognizer returns."""

from __future__ import annotations

from dataclasses import dataclass

# Names follow Presidio's where Presidio has one, so reports read alike (README, `pii` rule kind).
STRUCTURED_ENTITIES: tuple[str, ...] = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "IBAN_CODE",
    "CREDIT_CARD",
    "IP_ADDRESS",
    "FR_NIR",
    "FR_SIREN",
    "FR_SIRET",
    "FR_TVA",
    "FR_PASSPORT",
    "FR_CNI",
    "US_SSN",
    "STREET_ADDRESS",
)
# Found by the spaCy NER of the shared Doc (needs the "ner" component).
NER_ENTITIES: tuple[str, ...] = ("PERSON", "LOCATION")
ENTITIES: tuple[str, ...] = STRUCTURED_ENTITIES + NER_ENTITIES


# What each entity is called in a message to the writer ({label}).
LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "EMAIL_ADDRESS": "adresse e-mail", "PHONE_NUMBER": "numéro de téléphone", "IBAN_CODE": "IBAN",
        "CREDIT_CARD": "numéro de carte bancaire", "IP_ADDRESS": "adresse IP", "FR_NIR": "numéro de sécurité sociale",
        "FR_SIREN": "numéro SIREN", "FR_SIRET": "numéro SIRET", "FR_TVA": "numéro de TVA",
        "FR_PASSPORT": "numéro de passeport", "FR_CNI": "numéro de carte d'identité",
        "US_SSN": "numéro de sécurité sociale américain", "STREET_ADDRESS": "adresse postale",
        "PERSON": "nom de personne", "LOCATION": "lieu",
    },
    "en": {
        "EMAIL_ADDRESS": "e-mail address", "PHONE_NUMBER": "phone number", "IBAN_CODE": "IBAN",
        "CREDIT_CARD": "payment card number", "IP_ADDRESS": "IP address", "FR_NIR": "French social security number",
        "FR_SIREN": "SIREN number", "FR_SIRET": "SIRET number", "FR_TVA": "VAT number",
        "FR_PASSPORT": "passport number", "FR_CNI": "ID card number", "US_SSN": "social security number",
        "STREET_ADDRESS": "postal address", "PERSON": "person's name", "LOCATION": "place",
    },
}


def label(entity: str, language: str) -> str:
    """The entity's name for a message in `language` (French when unknown)."""
    return LABELS.get(language, LABELS["fr"]).get(entity, entity)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One personal-data span found in a post (original text offsets)."""

    start: int
    end: int
    entity: str
    score: float
    source: str  # which recognizer said so (for explanations and evaluation)

    @property
    def length(self) -> int:
        return self.end - self.start

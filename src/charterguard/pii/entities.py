"""The personal-data entities charterguard knows, and what a recognizer returns."""

from __future__ import annotations

from dataclasses import dataclass

# Names follow Presidio's where Presidio has one (see DESIGN.md).
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

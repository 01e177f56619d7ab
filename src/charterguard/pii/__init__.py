"""Personal-data detection for French and English social posts.

Presidio's recognizers and spaCy's NER do the finding; this package makes them
right for French posts and fast:

- `recognizers`: structured identifiers and contact data (French NIR, SIREN,
  SIRET, TVA, passport, CNI, every French phone writing, e-mail, IBAN, card, IP,
  street addresses), each validated by checksum or `phonenumbers`;
- `context`: French and English context words that raise a score;
- `names`: PERSON / LOCATION from the post's shared spaCy Doc, with span repair
  and post-filters (sentence-initial words, brands, the company's own names);
- `scores`: the calibrated score of each kind of evidence, in one table;
- `analyzer`: runs all of it once per post and resolves overlaps.

Nothing here downloads anything: see `presidio_setup` for the offline e-mail
recognizer (no public-suffix-list fetch).
"""

from __future__ import annotations

from .entities import ENTITIES, NER_ENTITIES, STRUCTURED_ENTITIES, Candidate

__all__ = ["Candidate", "ENTITIES", "NER_ENTITIES", "STRUCTURED_ENTITIES"]

"""Calibrated scores: what each kind of evidence is worth, in one table.

A score reads as "how likely this span is personal data of this kind that
identifies or reaches someone". Presidio gives every NER hit a flat 0.85 and
every French phone 0.4; here the evidence decides: a checksum, a valid
numbering plan, a context word, a title before a name. A charter's
`min_score` / `min_scores` then cut at a known precision.

Measured with `bench/eval_pii.py --sets synth,frposts --synth-part tune
--calibration --no-presidio` (precision of the spans given each score, on the
*tune* half of presidio_synth_v2 dev / the French post set; scores are chosen on
these two only: never on the report half, never on WikiNEuRal, which is CC BY-NC
and measured only): checksummed identifiers, e-mails and phones 1.00 at every score;
PERSON 0.92 (title) -> 1.00 / 1.00, 0.9 (NER + known given name) -> 1.00 / 1.00,
0.75 (full name) -> 0.76 / 1.00, 0.65 (a lone known given name) -> 1.00 (13
spans) / -, 0.4 (single word) -> 0.66 / -. The PERSON scores were first set with
WikiNEuRal among the sets; re-checked without it (issue 17), a higher score still
means a higher precision, so none was re-chosen; the one exception is on purpose:
a lone given name is scored 0.65 although it is nearly always a name, because a
first name alone rarely identifies anyone, so it stays a hint.
Each entry below is (score without a context word, score with one); names are
scored in `names`.
"""

from __future__ import annotations

SCORES: dict[str, tuple[float, float]] = {
    # Unambiguous shapes.
    "email": (0.95, 0.99),
    "iban": (0.97, 0.99),  # mod-97 checksum
    "nir": (0.97, 0.99),  # 13 digits + key mod 97, plausible sex/month
    "fr_tva": (0.9, 0.98),  # FR + key computed from the SIREN
    # Validated numbers that ordinary numbers could still resemble.
    "phone_international": (0.9, 0.97),  # "+33 6 ..." / "0033 ...", valid numbering plan
    "phone_grouped": (0.85, 0.95),  # "06 12 34 56 78", valid for the region
    "phone_compact": (0.65, 0.9),  # "0612345678": could be any 10-digit number
    "phone_announced": (0.8, 0.8),  # phone-shaped after "Phone:" / before "office", plan unknown (measured 1.00)
    "credit_card": (0.85, 0.97),  # known issuer prefix + Luhn
    "siret": (0.8, 0.97),  # 14 digits + Luhn (1 in 10 random numbers pass)
    "siren": (0.45, 0.95),  # 9 digits + Luhn: weak alone
    "ip": (0.6, 0.9),  # could be a version number
    "us_ssn": (0.5, 0.9),
    # Format only, no public checksum on the printed number.
    "fr_passport": (0.5, 0.92),  # 2 digits, 2 letters, 5 digits
    "fr_cni_new": (0.15, 0.85),  # 9 letters/digits: meaningless without context
    "fr_cni_old": (0.3, 0.9),  # 12 digits
    # Addresses.
    "address_full": (0.9, 0.95),  # number + street type + name + postcode + city
    "address_street": (0.75, 0.9),  # number + street type + name
    "address_street_weak": (0.55, 0.8),  # number + name + a suffix that is also a common word ("12 Oak Hill"); 0.75 with a unit/postcode after it
    "address_po_box": (0.7, 0.9),  # "P.O. Box 242": a mailing address by itself
    "address_military": (0.9, 0.95),  # "PSC 1234, Box 5678 / APO AE 09012": the whole US military address
    "address_intersection": (0.6, 0.85),  # "corner of Main St and 5th Ave": often a public place, personal with a cue
    "address_unit": (0.45, 0.6),  # alone it is rarely the whole address  # "Apt. 12", "Suite 300", "P.O. Box 4", "BP 12"
    "address_postcode_city": (0.35, 0.75),  # "75002 Paris": often a public place
}


def score(evidence: str, has_context: bool) -> float:
    """The calibrated score for `evidence`, raised when a context word is near."""
    without, with_context = SCORES[evidence]
    return with_context if has_context else without

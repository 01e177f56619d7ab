"""Checksum validators for identifiers, by name. `pattern` rules and PII
recognizers use them: a number that fails its checksum is not that identifier.

Each validator takes the matched text (separators allowed) and returns bool.
"""

from __future__ import annotations

import re
from typing import Callable

Validator = Callable[[str], bool]

_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")


def compact(text: str) -> str:
    """The identifier without spaces, dots and dashes, upper-cased."""
    return _NON_ALNUM.sub("", text).upper()


def luhn(text: str) -> bool:
    """Luhn (mod 10): payment cards, SIREN, SIRET."""
    digits = compact(text)
    if not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban(text: str) -> bool:
    """IBAN of any country: ISO 13616 mod-97 check, country length where known."""
    value = compact(text)
    if len(value) < 15 or len(value) > 34 or not value[:2].isalpha() or not value[2:4].isdigit():
        return False
    expected = IBAN_LENGTHS.get(value[:2])
    if expected is not None and len(value) != expected:
        return False
    rearranged = value[4:] + value[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


def siren(text: str) -> bool:
    """French company number: 9 digits, Luhn."""
    value = compact(text)
    return len(value) == 9 and value.isdigit() and luhn(value)


def siret(text: str) -> bool:
    """French establishment number: 14 digits, Luhn (La Poste: digit sum mod 5)."""
    value = compact(text)
    if len(value) != 14 or not value.isdigit():
        return False
    if value.startswith("356000000"):  # La Poste establishments
        return sum(int(c) for c in value) % 5 == 0
    return luhn(value)


def nir(text: str) -> bool:
    """French social security number (NIR): 13 digits + 2-digit key = 97 - n mod 97.

    Corsica departments 2A / 2B are read as 19 / 18 for the key.
    """
    value = compact(text)
    if len(value) != 15:
        return False
    body, key = value[:13], value[13:]
    if not key.isdigit() or body[0] not in "123478":
        return False
    department = body[5:7]
    if department == "2A":
        number = body[:5] + "19" + body[7:]
    elif department == "2B":
        number = body[:5] + "18" + body[7:]
    else:
        number = body
    if not number.isdigit():
        return False
    month = int(body[3:5])
    if not (1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99):
        return False
    return 97 - int(number) % 97 == int(key)


VALIDATORS: dict[str, Validator] = {
    "luhn": luhn,
    "iban": iban,
    "siren": siren,
    "siret": siret,
    "nir": nir,
}

IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}

"""Checksum validators for identifiers, by name. `pattern` rules and PII
recognizers use them: a number that fails its checksum is not that identifier.

Each validator takes the matched text (separators allowed) and returns bool.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Callable

Validator = Callable[[str], bool]

_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")


def compact(text: str) -> str:
    """The identifier without spaces, dots and dashes, upper-cased."""
    return _NON_ALNUM.sub("", text).upper()


def canonical_writing(text: str) -> str:
    """One writing of an identifier, a number or a word: separators and case aside, and a
    French phone number written +33 read as the national one ("+33 1 23 45 67 89" ->
    "0123456789"), so an allowed contact is allowed however it is written."""
    key = compact(text).casefold()
    if key.isdigit() and key.startswith("33") and len(key) == 11:
        key = "0" + key[2:]
    return key


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


def fr_tva(text: str) -> bool:
    """French VAT number: FR + 2-digit key + SIREN, key = (12 + 3 * (SIREN mod 97)) mod 97."""
    value = compact(text)
    if len(value) != 13 or not value.startswith("FR") or not value[2:].isdigit():
        return False
    key, company = int(value[2:4]), value[4:]
    return siren(company) and key == (12 + 3 * (int(company) % 97)) % 97


_FR_PASSPORT = re.compile(r"^[0-9]{2}[A-Z]{2}[0-9]{5}$")
_FR_CNI_NEW = re.compile(r"^(?=.*[0-9])(?=.*[A-Z])[0-9A-Z]{9}$")


def fr_passport(text: str) -> bool:
    """French passport number shape (2 digits, 2 letters, 5 digits). No public checksum."""
    return _FR_PASSPORT.match(compact(text)) is not None


def fr_cni(text: str) -> bool:
    """French ID card number shape: 12 digits (before 2021) or 9 letters and digits (since).

    The printed number has no checksum (only the MRZ has): context must confirm it.
    """
    value = compact(text)
    if len(value) == 12 and value.isdigit():
        return 1 <= int(value[2:4]) <= 12  # YYMM of issue
    return _FR_CNI_NEW.match(value) is not None


# Visa, Mastercard (51-55 and 2221-2720), Amex, Diners, Discover, JCB, UnionPay, Maestro.
_CARD_PREFIX = re.compile(
    r"^(?:4|5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720|3[47]|3[068]|6(?:011|5|4[4-9]|22)|35|62|50|5[6-9]|2131|1800)"
)


def credit_card(text: str) -> bool:
    """Payment card: 12-19 digits, a known issuer prefix, Luhn."""
    value = compact(text)
    return 12 <= len(value) <= 19 and value.isdigit() and _CARD_PREFIX.match(value) is not None and luhn(value)


def ipv4(text: str) -> bool:
    """Dotted IPv4 address with every part 0-255 and no leading zeros."""
    parts = text.strip().split(".")
    if len(parts) != 4:
        return False
    for part in parts:
        if not part.isdigit() or len(part) > 3 or (len(part) > 1 and part[0] == "0") or int(part) > 255:
            return False
    return True


def private_ip(text: str) -> bool:
    """A private (RFC 1918, unique-local), link-local or carrier-grade shared address, IPv4
    or IPv6: the company's internal network, never a person's contact data. Loopback
    (127.0.0.1, ::1) is every machine's own address and is not one."""
    try:
        ip = ipaddress.ip_address(text.strip().split("%", 1)[0])
    except ValueError:
        return False
    # Not `ip.is_private`: it also holds the documentation ranges (203.0.113.0/24...), which
    # are nobody's network.
    return any(ip in network for network in _PRIVATE_NETWORKS if network.version == ip.version)


_PRIVATE_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "fc00::/7", "fe80::/10")
)


VALIDATORS: dict[str, Validator] = {
    "luhn": luhn,
    "iban": iban,
    "siren": siren,
    "siret": siret,
    "nir": nir,
    "fr_tva": fr_tva,
    "fr_passport": fr_passport,
    "fr_cni": fr_cni,
    "credit_card": credit_card,
    "ipv4": ipv4,
    "private_ip": private_ip,
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

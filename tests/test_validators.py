"""Checksum validators: a number that fails its checksum is not that identifier."""

from __future__ import annotations

import pytest

from charterguard import validators as v


def nir_with_key(body: str) -> str:
    number = int(body.replace("2A", "19").replace("2B", "18"))
    return f"{body}{97 - number % 97:02d}"


def test_nir_valid_key_and_separators():
    value = nir_with_key("1850578006084")
    assert v.nir(value)
    assert v.nir("1 85 05 78 006 084 91")
    assert v.nir("1.85.05.78.006.084.91")


@pytest.mark.parametrize("body", ["269022A350123", "178102B123456"])
def test_nir_corsica_2a_2b(body):
    assert v.nir(nir_with_key(body))


def test_nir_wrong_key_wrong_shape():
    good = nir_with_key("1850578006084")
    bad_key = good[:-2] + f"{(int(good[-2:]) % 97) + 1:02d}"
    assert not v.nir(bad_key)
    assert not v.nir(good[:-1])  # 14 characters
    assert not v.nir("9" + good[1:])  # no such first digit
    assert not v.nir("1851378006084" + "00")  # month 13


def test_siren_siret_luhn_and_la_poste():
    assert v.siren("732 829 320")
    assert not v.siren("732 829 321")
    assert v.siret("732 829 320 00074")
    assert not v.siret("732 829 320 00075")
    assert v.siret("35600000000010")  # La Poste: digit sum multiple of 5


def test_iban_any_country_and_length():
    assert v.iban("FR76 3000 6000 0112 3456 7890 189")
    assert v.iban("GB82 WEST 1234 5698 7654 32")
    assert v.iban("de89370400440532013000")
    assert not v.iban("FR76 3000 6000 0112 3456 7890 188")
    assert not v.iban("FR76 3000 6000 0112 3456 7890")  # French IBANs have 27 characters


def test_fr_tva_key_from_siren():
    assert v.fr_tva("FR44732829320")
    assert v.fr_tva("FR 44 732 829 320")
    assert not v.fr_tva("FR45732829320")
    assert not v.fr_tva("FR44732829321")  # SIREN fails Luhn


def test_passport_and_id_card_shapes():
    assert v.fr_passport("12AB34567")
    assert not v.fr_passport("12AB3456")
    assert v.fr_cni("880692310285")  # 12 digits, issued 1988-06
    assert not v.fr_cni("881392310285")  # month 13
    assert v.fr_cni("X4RTBPFW4")
    assert not v.fr_cni("ABCDEFGHI")  # no digit: a word, not a number


def test_credit_card_prefix_and_luhn():
    assert v.credit_card("4111 1111 1111 1111")
    assert v.credit_card("5555-5555-5555-4444")
    assert not v.credit_card("4111 1111 1111 1112")
    assert not v.credit_card("9111 1111 1111 1117")  # no issuer starts with 9


def test_ipv4():
    assert v.ipv4("192.168.1.10")
    assert not v.ipv4("192.168.1.256")
    assert not v.ipv4("01.2.3.4")
    assert not v.ipv4("1.2.3")


@pytest.mark.parametrize("name", sorted(v.VALIDATORS))
@pytest.mark.parametrize("junk", ["", " ", "abc", "🙂🙂🙂", "\x00\x01", "1" * 5000, "--..--"])
def test_validators_never_crash_on_junk(name, junk):
    assert v.VALIDATORS[name](junk) in (True, False)

"""Checksum validators: a number that fails its checksum is not that identifier.

Each refusal below uses a number that is valid in every respect but the one under
test (the test says so with an assertion), so it fails only if that check is gone.
"""

from __future__ import annotations

import pytest

from charterguard import validators as v


def nir_with_key(body: str) -> str:
    """A NIR with the right key for its 13-character body (2A/2B read as 19/18)."""
    number = int(body.replace("2A", "19").replace("2B", "18"))
    return f"{body}{97 - number % 97:02d}"


def luhn_completed(prefix: str) -> str:
    """`prefix` plus the check digit that makes it pass Luhn."""
    return next(prefix + d for d in "0123456789" if v.luhn(prefix + d))


def iban_with_check(country: str, bban: str) -> str:
    """An IBAN whose check digits are right (ISO 13616 mod 97), whatever its length."""
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


# -- Luhn ------------------------------------------------------------------------------------------


def test_luhn():
    assert v.luhn("79927398713") is True  # the textbook example
    assert v.luhn("79927398710") is False
    assert v.luhn("18") is True and v.luhn("81") is False  # the doubled digit is the second from the right
    assert v.luhn("59") is True  # 5 doubled is 10: counts 1
    assert v.luhn("0") is False  # one digit is no number with a check digit
    assert v.luhn("00") is True
    assert v.luhn("7992 7398-713") is True  # separators are ignored
    assert v.luhn("7992a7398713") is False


# -- NIR -------------------------------------------------------------------------------------------


def test_nir_valid_key_and_separators():
    assert nir_with_key("1850578006084") == "185057800608491"
    assert v.nir("185057800608491") is True
    assert v.nir("1 85 05 78 006 084 91") is True
    assert v.nir("1.85.05.78.006.084.91") is True


@pytest.mark.parametrize("body", ["269022A350123", "178102B123456"])
def test_nir_corsica_2a_2b(body):
    assert v.nir(nir_with_key(body)) is True
    other = body.replace("2A", "2B") if "2A" in body else body.replace("2B", "2A")
    assert v.nir(other + nir_with_key(body)[-2:]) is False  # 2A and 2B give different keys
    assert v.nir(body.replace("2A", "2C").replace("2B", "2C") + "00") is False


def test_nir_wrong_key():
    good = nir_with_key("1850578006084")
    assert v.nir(good[:-2] + f"{int(good[-2:]) % 97 + 1:02d}") is False
    assert v.nir(good[:-2] + "9X") is False


def test_nir_length_is_15():
    good = nir_with_key("1850578006084")
    assert v.nir(good[:-1]) is False
    assert v.nir(good + "0") is False


@pytest.mark.parametrize("first, valid", [("1", True), ("2", True), ("3", True), ("4", True), ("7", True), ("8", True),
                                          ("0", False), ("5", False), ("6", False), ("9", False)])
def test_nir_first_digit_is_a_known_sex_or_status(first, valid):
    assert v.nir(nir_with_key(first + "850578006084")) is valid  # the key is right in every case


@pytest.mark.parametrize(
    "month, valid",
    [("01", True), ("12", True), ("20", True), ("42", True), ("50", True), ("99", True),  # 20-42, 50-99: unknown month
     ("00", False), ("13", False), ("19", False), ("43", False), ("49", False)],
)
def test_nir_month_of_birth(month, valid):
    assert v.nir(nir_with_key("185" + month + "78006084")) is valid  # the key is right in every case


# -- SIREN / SIRET / VAT ---------------------------------------------------------------------------


def test_siren_nine_digits_luhn():
    assert v.siren("732 829 320") is True
    assert v.siren("732 829 321") is False
    assert v.luhn("0732829320") is True and v.siren("0732829320") is False  # Luhn-valid, 10 digits
    assert v.siren("73282932") is False


def test_siret_fourteen_digits_luhn():
    assert v.siret("732 829 320 00074") is True
    assert v.siret("732 829 320 00075") is False
    assert v.luhn("0" + "73282932000074") is True and v.siret("0" + "73282932000074") is False  # 15 digits
    assert v.siret("7328293200007") is False


def test_siret_la_poste_uses_the_digit_sum_not_luhn():
    assert v.luhn("35600000000010") is False and v.siret("35600000000010") is True  # digit sum 15
    assert v.luhn("35600000000014") is True and v.siret("35600000000014") is False  # digit sum 19
    assert v.luhn("35600001000013") is True and v.siret("35600001000013") is True  # not La Poste: Luhn


def test_fr_tva_key_from_siren():
    assert v.fr_tva("FR44732829320") is True
    assert v.fr_tva("FR 44 732 829 320") is True
    assert v.fr_tva("FR45732829320") is False
    # The key is right for this SIREN, which fails Luhn.
    assert (12 + 3 * (732829321 % 97)) % 97 == 47 and v.fr_tva("FR47732829321") is False
    assert v.fr_tva("BE44732829320") is False
    assert v.fr_tva("FRA4732829320") is False  # the key is two digits
    assert v.fr_tva("FR4A732829320") is False
    assert v.fr_tva("FR4473282932") is False


# -- IBAN ------------------------------------------------------------------------------------------


def test_iban_any_country():
    assert v.iban("FR76 3000 6000 0112 3456 7890 189") is True
    assert v.iban("GB82 WEST 1234 5698 7654 32") is True
    assert v.iban("de89370400440532013000") is True
    assert v.iban("FR76 3000 6000 0112 3456 7890 188") is False


def test_iban_country_length_where_known():
    short_fr = iban_with_check("FR", "300060000112345678901")  # right check digits, 25 characters
    assert len(short_fr) == 25 and v.iban(short_fr) is False  # French IBANs have 27
    long_no = iban_with_check("NO", "123456789012")  # 16 characters: Norway's have 15
    assert v.iban(long_no) is False and v.iban(iban_with_check("NO", "12345678901")) is True
    # A country without a known length: only the checksum and the 15-34 bounds apply.
    assert v.iban(iban_with_check("ZZ", "12345678901")) is True  # 15
    assert v.iban(iban_with_check("ZZ", "1234567890")) is False  # 14
    assert v.iban(iban_with_check("ZZ", "1" * 30)) is True  # 34
    assert v.iban(iban_with_check("ZZ", "1" * 31)) is False  # 35


def iban_with_check_digits(country: str, check: str) -> str:
    """country + `check` + an 11-digit BBAN chosen so that the mod-97 sum is right."""
    return next(f"{country}{check}{n:011d}" for n in range(200) if int("".join(
        str(int(c, 36)) for c in f"{n:011d}{country}{check}")) % 97 == 1)


def test_iban_shape():
    # Each passes the mod-97 sum and the 15-34 length; only the shape is wrong.
    assert v.iban(iban_with_check("12", "12345678901")) is False  # the country is two letters
    assert v.iban(iban_with_check("Z1", "12345678901")) is False
    assert v.iban(iban_with_check_digits("ZZ", "X5")) is False  # the check digits are digits
    assert v.iban(iban_with_check_digits("ZZ", "5X")) is False
    assert v.iban(iban_with_check_digits("ZZ", "55")) is True


# -- passport / ID card ----------------------------------------------------------------------------


def test_passport_and_id_card_shapes():
    assert v.fr_passport("12AB34567") is True
    assert v.fr_passport("12 ab 34567") is True
    assert v.fr_passport("12AB3456") is False
    assert v.fr_passport("12AB345678") is False
    assert v.fr_cni("880692310285") is True  # 12 digits, issued 1988-06
    assert v.fr_cni("880192310285") is True and v.fr_cni("881292310285") is True
    assert v.fr_cni("880092310285") is False  # month 00
    assert v.fr_cni("881392310285") is False  # month 13
    assert v.fr_cni("X4RTBPFW4") is True
    assert v.fr_cni("ABCDEFGHI") is False  # no digit: a word, not a number
    assert v.fr_cni("123456789") is False  # no letter


# -- payment cards ---------------------------------------------------------------------------------


def test_credit_card_prefix_and_luhn():
    assert v.credit_card("4111 1111 1111 1111") is True
    assert v.credit_card("5555-5555-5555-4444") is True
    assert v.credit_card("4111 1111 1111 1112") is False


def test_credit_card_needs_a_known_issuer_prefix():
    nine = luhn_completed("911111111111111")
    assert v.luhn(nine) is True and v.credit_card(nine) is False  # no issuer starts with 9
    # Mastercard's 2-series is 2221-2720.
    assert v.credit_card(luhn_completed("222100000000000")) is True
    assert v.credit_card(luhn_completed("272000000000000")) is True
    assert v.credit_card(luhn_completed("222000000000000")) is False
    assert v.credit_card(luhn_completed("272100000000000")) is False


def test_credit_card_length_12_to_19():
    assert v.credit_card(luhn_completed("4" * 11)) is True  # 12 digits
    assert v.credit_card(luhn_completed("4" * 18)) is True  # 19
    assert v.luhn(luhn_completed("4" * 10)) is True and v.credit_card(luhn_completed("4" * 10)) is False  # 11
    assert v.luhn(luhn_completed("4" * 19)) is True and v.credit_card(luhn_completed("4" * 19)) is False  # 20


# -- IPv4 ------------------------------------------------------------------------------------------


def test_ipv4():
    assert v.ipv4("192.168.1.10") is True
    assert v.ipv4("0.0.0.0") is True and v.ipv4("255.255.255.255") is True
    assert v.ipv4(" 10.0.0.1 ") is True
    assert v.ipv4("192.168.1.256") is False
    assert v.ipv4("01.2.3.4") is False
    assert v.ipv4("0256.2.3.4") is False
    assert v.ipv4("1.2.3") is False
    assert v.ipv4("1.2.3.4.5") is False
    assert v.ipv4("1.2.3.a") is False


# -- junk ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(v.VALIDATORS))
@pytest.mark.parametrize("junk", ["", " ", "abc", "🙂🙂🙂", "\x00\x01", "1" * 5000, "--..--"])
def test_validators_refuse_junk_without_crashing(name, junk):
    # Luhn alone knows no length: 5,000 ones are a Luhn-valid digit string (2,500 x 1 + 2,500 x 2).
    expected = name == "luhn" and junk == "1" * 5000
    assert v.VALIDATORS[name](junk) is expected


def test_canonical_writing_sets_separators_case_and_the_french_prefix_aside() -> None:
    from charterguard.validators import canonical_writing

    assert canonical_writing("+33 1 23 45 67 89") == canonical_writing("01.23.45.67.89") == "0123456789"
    assert canonical_writing("0033 1 23 45 67 89") == "0033123456789"  # only the +33 writing is mapped
    assert canonical_writing("Presse@Acme-Group.fr") == "presseacmegroupfr"
    assert canonical_writing("33 12 34 56") == "33123456"  # not a phone number's length: unchanged

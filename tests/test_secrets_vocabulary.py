"""One vocabulary of credential words (`secrets.vocabulary`) with its three uses: a shared word announces a value in
prose (`credentials`), names the family of a value given to a name (`family`) and, nearest before a generated value,
makes it a credential (`generic`); words of one use keep their use."""

from __future__ import annotations

import re

import pytest

from charterguard.secrets.credentials import find_announced
from charterguard.secrets.family import named_family
from charterguard.secrets.generic import find_bare_keys
from charterguard.secrets.vocabulary import (
    ANNOUNCING_PASSWORD_WORDS,
    DECIDING_CREDENTIAL_WORDS,
    NAMING_WORD_FAMILIES,
    SHARED_KEY_WORDS,
    SHARED_PASSWORD_WORDS,
    SHARED_TOKEN_WORDS,
)

GENERATED = "9f3c07be51d24a8e6b1fd0c3a7e45b29"  # 32 hex digits: a key only when a word before it says so


@pytest.mark.parametrize("word", ["mot de passe", "mdp", "pwd", "passphrase", "passcode", "sésame", "digicode", "psk", "kennwort"])
def test_a_shared_word_both_announces_a_password_and_names_one(word: str) -> None:
    text = f"le {word} du local c'est Pivert#Vert52"
    assert ("PASSWORD", "Pivert#Vert52") in [(c.family, text[c.start : c.end]) for c in find_announced(text)]
    assert named_family(f"legacy_{word.replace(' ', '_')}") == "PASSWORD"


def test_the_shared_words_are_part_of_both_uses() -> None:
    naming_password = dict(NAMING_WORD_FAMILIES)["PASSWORD"]
    assert SHARED_PASSWORD_WORDS in ANNOUNCING_PASSWORD_WORDS
    assert SHARED_PASSWORD_WORDS in naming_password


def test_a_word_of_one_use_keeps_to_it() -> None:
    # "code" alone names a PIN's family in a name ("door_code"), but announces nothing in prose ("code promo : X")
    assert named_family("door_code") == "PASSWORD"
    assert find_announced("code promo : BIENVENUE20") == []
    assert re.fullmatch(ANNOUNCING_PASSWORD_WORDS, "code", re.IGNORECASE) is None


def test_the_shared_key_and_token_words_serve_naming_and_deciding() -> None:
    naming = dict(NAMING_WORD_FAMILIES)
    assert SHARED_TOKEN_WORDS in naming["TOKEN"] and SHARED_TOKEN_WORDS in DECIDING_CREDENTIAL_WORDS
    assert SHARED_KEY_WORDS in naming["API_KEY"] and SHARED_KEY_WORDS in DECIDING_CREDENTIAL_WORDS


@pytest.mark.parametrize(("word", "family"), [("bot", "TOKEN"), ("authenticator", "TOKEN"), ("creds", "API_KEY"), ("clef", "API_KEY")])
def test_a_shared_word_both_decides_a_generated_value_and_names_its_family(word: str, family: str) -> None:
    text = f"pour le labo, {word} {GENERATED}"
    assert [(c.family, text[c.start : c.end]) for c in find_bare_keys(text)] == [(family, GENERATED)]
    assert named_family(f"legacy_{word}") == family


def test_a_word_that_names_a_family_but_decides_nothing_keeps_to_naming() -> None:
    # "code" names a PIN in a name, but a generated value after it is a coupon's or an order's
    assert named_family("door_code") == "PASSWORD"
    assert find_bare_keys(f"pour le labo, code {GENERATED}") == []


def test_public_identifier_words_are_one_list_read_by_every_finder() -> None:
    """The words naming a public identifier (commit, order, DOI, nonce...) are written once, in `vocabulary`: the
    announced-value finders and the generic key finder read the same list."""
    from charterguard.secrets import credentials, generic
    from charterguard.secrets.vocabulary import PUBLIC_IDENTIFIER_WORDS

    for word in ("commit", "sha256", "colis", "order_id", "DOI", "nonce", "publishable", "checksums", "empreinte"):
        assert re.fullmatch(f"(?i:{PUBLIC_IDENTIFIER_WORDS})", word.replace("order_id", "id")), word
    assert PUBLIC_IDENTIFIER_WORDS in credentials.IDENTIFIER_WORDS.pattern
    value = "Zk4Qm8Lx2Vb7Rt9Wp3Nc6Hd1"
    # a word only the generic finder knew before ("colis") now keeps the near-keyword finder quiet too
    assert generic.find_bare_keys(f"suivi colis {value}") == []
    assert credentials.find_announced(f"token renouvelé, colis {value}") == []

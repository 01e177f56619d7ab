"""One vocabulary of credential words (`secrets.vocabulary`) with its two uses: a shared word announces a value in
prose (`credentials`) and names the family of a value given to a name (`family`); words of one use keep their use."""

from __future__ import annotations

import re

import pytest

from charterguard.secrets.credentials import find_announced
from charterguard.secrets.family import named_family
from charterguard.secrets.vocabulary import ANNOUNCING_PASSWORD_WORDS, NAMING_WORD_FAMILIES, SHARED_PASSWORD_WORDS


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

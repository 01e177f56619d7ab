"""Codes given by the device they open, with no code word (`secrets.credentials.find_by_context`): an alarm panel,
a keypad, a padlock, a safe, a key box, a gate, a copier, a box's label. A short number becomes an access code from
the device noun and how it is handed over (a colon, "c'est", "takes", « demande »...); room, floor, locker and order
numbers, quantities, prices, times and years stay clean, in both languages."""

from __future__ import annotations

import pytest
from conftest import charter_from
from test_secrets import SECRETS_ONLY, secrets

from charterguard import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(charter_from(SECRETS_ONLY))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("La centrale d'alarme du dépôt de Vénissieux : 6204 puis OFF, à remettre en partant", "6204"),
        ("the alarm panel in the archive room: 8153 then AWAY when you leave", "8153"),
        ("The keypad by the bike shed takes 2907# since Monday", "2907#"),
        ("le cadenas de la cage de foot c'est 3-1-9-4", "3-1-9-4"),
        ("Boîte à clés du gîte (pour l'offsite) : 5528", "5528"),
        ("the key box at the cottage is 7261, the keys are inside", "7261"),
        ("La photocopieuse de la compta demande 1357 pour le noir et blanc", "1357"),
        ("the copier on 4 asks for 8642 before it prints anything", "8642"),
        ("le portail du parking fournisseurs c'est 4090A", "4090A"),
        ("Our vault opens with 11-27-53 now", "11-27-53"),
        ("Le coffre de la boutique s'ouvre sur 7C2-51D", "7C2-51D"),
        ("sticker on the wifi box reads 9QK4-7TR2-MX83", "9QK4-7TR2-MX83"),
        ("L'alarme de l'entrepôt se désactive avec 2851 avant l'ouverture", "2851"),
        ("the combination lock on the tool cabinet is set to 4-0-7-7", "4-0-7-7"),
    ],
)
def test_a_code_handed_over_with_its_device_is_a_password(checker: Checker, text: str, code: str) -> None:
    assert ("PASSWORD", code) in secrets(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # numbers of rooms, floors, lockers, extensions and orders
        "Réunion salle 3108, au 3e étage, près de la porte vitrée",
        "La porte de la salle 2205 ferme mal, ticket ouvert",
        "Locker number: 5512, the one with the sticker",
        "le casier 14 est au niveau -1",
        "Standard : poste 4471 pour joindre l'accueil",
        "Commande 6620 livrée au portail ce matin",
        # quantities, prices, sizes, times and years
        "the keypad needs 4 AA batteries, 2.50 each",
        "Le coffre-fort : 1450 € chez le fournisseur, livraison lundi",
        "the safe is 1200 euros at the hardware store",
        "La photocopieuse imprime 2400 pages par jour",
        "the printer takes 2 minutes to warm up",
        "Le portail : 8h30-18h du lundi au vendredi",
        "the alarm went off at 0730 again",
        "Le boîtier d'alarme est en panne depuis 2019",
        "door: 2027 renovation planned",
        "the alarm clock is set to 0630 every day",
        "Le thermostat du local est réglé sur 2150 watts",
        # an address: a host, not a code
        "Le routeur du showroom : 192.168.7.254",
        # advice
        "Our door codes must have 6 digits, like 482913",
    ],
)
def test_numbers_that_are_no_access_code_stay_clean(checker: Checker, text: str) -> None:
    assert [f for f in secrets(checker, text) if f[0] == "PASSWORD"] == []

"""Passwords and codes said in prose with no password shape or no password word (`secrets` rule kind).

A passphrase of words joined by hyphens, announced as a passphrase; a wifi said to have changed, then its new value; a
device switched on or off with a code; a PIN read out in groups of digits. Each with the look-alikes it must leave
alone: slugs, hashtags and compounds not announced as a passphrase, a wifi's new name or speed, an alarm's sound, phone
numbers and amounts in spaced digits, passphrase advice.
"""

from __future__ import annotations

import pytest
from conftest import SecretsFound

from charterguard.secrets.shape import looks_like_access_code, looks_like_passphrase, looks_like_password, looks_like_year

credentials = SecretsFound().credentials


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a passphrase announced as one, its value words joined by hyphens, dots or underscores
        ("La phrase de passe du coffre partagé a changé : renard-ivre-sous-la-pluie", "renard-ivre-sous-la-pluie"),
        ("nouvelle phrase de passe depuis hier soir : violon-cassé-du-grenier. Notez-la.", "violon-cassé-du-grenier"),
        ("the backup vault passphrase is copper-kettle-marsh-91", "copper-kettle-marsh-91"),
        ("Notre phrase secrète pour le NAS : otarie.lanterne.fjord.17", "otarie.lanterne.fjord.17"),
        # a wifi said to have changed, then its new value, with no password word
        ("Visitor wifi was reset over the weekend, it's now plum-otter-ladder-8 for everyone", "plum-otter-ladder-8"),
        ("le wifi de la salle B a été modifié ce matin, c'est désormais Gravier#5521", "Gravier#5521"),
        # a device switched off or on with a code
        ("en partant le soir, l'alarme s'active avec 6619 sur le clavier de l'entrée", "6619"),
        ("the alarm panel gets turned off with 7302 before 8am", "7302"),
        # a PIN read out in groups of digits
        ("Moderator PIN for tomorrow's webinar is 5517 0392", "5517 0392"),
        ("le code PIN de la conférence : 730 448 21", "730 448 21"),
        ("the chair PIN is 6120 4479# (hash at the end)", "6120 4479#"),
    ],
)
def test_a_secret_said_without_its_usual_shape_or_word_is_found(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        # passphrase advice, slugs, hashtags and compounds no passphrase word announces
        "choisissez une phrase de passe de six mots au hasard, c'est plus sûr",
        "Pensez à une passphrase longue plutôt qu'un mot de passe court",
        "Nouvel article en ligne : acme.fr/blog/mise-à-jour-du-site-vitrine",
        "Merci à toute l'équipe #mise-à-jour-du-site #fierté",
        "Le projet s'appelle désormais bien-vivre-au-travail-2027",
        # a wifi's new name or speed, a score
        "the guest wifi got renamed last week, it's now Acme-Visitors-Net",
        "the office wifi changed provider, it's now much faster upstairs",
        "Half-time and it's now 3-2, what a match",
        # an alarm's sound, a switch, a broken keypad
        "the alarm goes off with a loud beep every Monday at noon",
        "l'alarme se coupe avec le bouton rouge sous le bureau",
        "le digicode est en panne depuis lundi, passez par l'accueil",
        # phone numbers and amounts in spaced digits
        "Call the bridge at 884 210 93 and press 1 to join",
        "Appelez le 06 12 34 56 78 pour obtenir le code",
        "le déploiement du code PIN sur les terminaux coûte 250 000 € cette année",
        "budget for the new PIN pads: 1300 000 over three years",
        # advice about passphrases, whatever its value's shape
        "our passphrase guidelines: pick-four-unrelated-words and never reuse them",
    ],
)
def test_look_alikes_of_those_secrets_stay_clean(text: str) -> None:
    assert credentials(text) == []


def test_a_demonstrative_ce_before_a_word_is_no_texted_c_est() -> None:
    # "ce matin" is no "c'est": the value is after the colon, not "matin"; "ce" before a value is still "c'est"
    assert ("PASSWORD", "Pelican#4471") in credentials("mot de passe du portail changé ce matin : Pelican#4471")
    assert ("PASSWORD", "Brioche!77") in credentials("le mdp du wifi ce Brioche!77")


def test_passphrase_shape() -> None:
    assert looks_like_passphrase("correct-horse-battery-staple")
    assert looks_like_passphrase("walrus_tangerine_42")
    assert not looks_like_passphrase("3-2")
    assert not looks_like_passphrase("Wi-Fi")  # two words, too short
    assert not looks_like_passphrase("2026-03-01")  # a date
    assert not looks_like_passphrase("alpha-beta.gamma")  # one separator throughout
    assert not looks_like_passphrase("go-go-go-go-go")  # the same word repeated
    assert not looks_like_password("renard-ivre-sous-la-pluie")  # words: a password only when announced as a passphrase


def test_spaced_digit_groups_and_years() -> None:
    assert looks_like_access_code("884 210 93") and looks_like_password("4471 2290")
    assert not looks_like_access_code("12 34")  # a first group of 2: a phone number's or a time's
    assert not looks_like_access_code("1234 5678")  # a typed sequence
    assert not looks_like_password("1200 000") and not looks_like_access_code("4410 00")  # an amount's groups
    assert looks_like_password("84731902")  # digits in one run are still a code
    assert looks_like_year("2027") and looks_like_year("1998")
    assert not looks_like_year("2093") and not looks_like_year("1850")

"""Secrets said with a text message's connector or none, as a name, in a command or in a table column
(`secrets` rule kind, every finder then overlaps resolved), and the look-alikes each way must leave alone.

- "c" for "c'est" with no colon ("le mdp du vpn c X"), in a login/password pair too;
- "pass" then a lower-case word and a number ("pass ocean5521"): a chosen password, not a ticket;
- a password option said as its name ("bindpw X", "rootpw X"), a word saying whose password before the value;
- « phrase secrète » / "secret phrase" naming a passphrase;
- a code giving access to a shared board or a meeting, when the value is generated;
- a vendor's `<tool> login <key>` command;
- the cells under a table column the header names a password, a key or a token.
"""

from __future__ import annotations

import pytest
from conftest import every_family_secrets_detector

DETECTOR = every_family_secrets_detector()


def found(text: str) -> list[tuple[str, str]]:
    return [(c.family, text[c.start : c.end]) for c in DETECTOR.candidates(text)]


@pytest.mark.parametrize(
    ("text", "family", "secret"),
    [
        # "c" as text messages write "c'est", no colon
        ("slt le mdp du nas c Grenouille_Rose31 tu me dis si ça marche", "PASSWORD", "Grenouille_Rose31"),
        ("the staging db password c Harbor-Lamp58 fyi", "PASSWORD", "Harbor-Lamp58"),
        ("le code de l'alarme c 6291B", "PASSWORD", "6291B"),
        ("le compte de test c recette3 pass noyer7204, bonne journée", "PASSWORD", "noyer7204"),
        # "pass" then a chosen word and a number
        ("accès extranet : pass: girafe3318 (à changer)", "PASSWORD", "girafe3318"),
        # a password option said as its name
        ("slapd.conf du labo : rootpw Vb4qTn8xRe, à changer", "PASSWORD", "Vb4qTn8xRe"),
        ("pour l'annuaire, adminpwd Lq7mWc2zHp sur le serveur de test", "PASSWORD", "Lq7mWc2zHp"),
        # whose password, then the value
        ("le mot de passe root Tilleul42Vert si jamais", "PASSWORD", "Tilleul42Vert"),
        # « phrase secrète », with a long gap and a quoted value
        ("La phrase secrète du coffre des RH a été changée : « loutre-brume-cactus-81 »", "PASSWORD", "loutre-brume-cactus-81"),
        ("our secret phrase for the shared vault is now: violet-anchor-pepper-19", "PASSWORD", "violet-anchor-pepper-19"),
        # a code for a board or a meeting, generated
        ("Voici le Klaxoon de la rétro, accès avec ce code : p4w9xk2m7qz3", "PASSWORD", "p4w9xk2m7qz3"),
        ("to join the whiteboard use the passcode h7d2kq9wm4zt", "PASSWORD", "h7d2kq9wm4zt"),
        # a vendor's login command
        ("pour le labo ML : comet login 4e8a1c9b7d2f6e0a3c5b8d1f9e7a2c4b", "API_KEY", "4e8a1c9b7d2f6e0a3c5b8d1f9e7a2c4b"),
        ("then run `clearml auth login --quiet 8b1f0c7d9e2a4b6c3d5e7f9a1b0c2d4e` on the runner", "API_KEY", "8b1f0c7d9e2a4b6c3d5e7f9a1b0c2d4e"),
        # a camel-case config name, then its value after a space or a colon
        ("[09:12] Léa : storageKey Zt4mQ9wLx2Vb7Nk3Rp8Hc5Yd", "API_KEY", "Zt4mQ9wLx2Vb7Nk3Rp8Hc5Yd"),
        ("webhookSecret: 7Hq2Lm9Xw4Zk8Vb3Nt6Rc1Pd", "API_KEY", "7Hq2Lm9Xw4Zk8Vb3Nt6Rc1Pd"),
        # a vendor's "access key" is an API key (a door's or a wifi's key is a password)
        ("pour les photos on passe par Imgix, Access Key : Qm4xT9wL2vZb7Nk3Rp8Hc5Yd6Jf1Gs0A", "API_KEY", "Qm4xT9wL2vZb7Nk3Rp8Hc5Yd6Jf1Gs0A"),
        ("the gate key is 7730 for the delivery guys", "PASSWORD", "7730"),
    ],
)
def test_a_secret_said_with_a_text_message_connector_or_none_is_found(text: str, family: str, secret: str) -> None:
    assert (family, secret) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "le code wifi c affiché à l'accueil, demandez-le",
        "the wifi password c'est pas mon problème",
        "le pass navigo 2026 augmente encore",
        "the boarding pass BA2291 is on my phone",
        "pass culture : 300 € pour les jeunes",
        "le mot de passe admin oublié, on fait comment ?",
        "password manager 1Password is what we use",
        "le mot de passe doit contenir 12 caractères dont un chiffre",
        "la phrase secrète doit faire au moins cinq mots",
        "accès à la boutique avec le code PROMO2026 pour -20 %",
        "access the docs with the code sample below",
        "pour entrer, code postal 75011 obligatoire",
        "docker login registry.acme-group.fr then push",
        "az login --use-device-code and follow the prompt",
        "npm login --registry https://registry.npmjs.org/",
        "publicKey Zt4mQ9wLx2Vb7Nk3Rp8Hc5Yd is the one to share",
        "press the Key Token Secret button twice",
        # "compte" (a report, not an account) then a path: its segments are not a user and a password
        "Le compte rendu du comité est dans /srv/commun/comite/2026/PV_mars.docx sur le NAS",
    ],
)
def test_look_alikes_of_those_wordings_stay_clean(text: str) -> None:
    assert [f for f in found(text) if f[0] not in ("INTERNAL_URL", "INTERNAL_HOST", "FILE_PATH")] == []


def test_every_cell_under_a_password_column_is_a_password() -> None:
    text = (
        "Comptes de la démo client :\n\n"
        "| appli | identifiant | mot de passe |\n"
        "|:------|-------------|-------------:|\n"
        "| crm | demo_vente | Abricot-55x |\n"
        "| paie | demo_rh | `Q8rTw2mLp9` |\n"
        "| wiki | lecteur | n/a |\n\n"
        "Merci de ne pas les diffuser."
    )
    assert found(text) == [("PASSWORD", "Abricot-55x"), ("PASSWORD", "Q8rTw2mLp9")]


def test_a_key_or_token_column_carries_its_family() -> None:
    text = "| service | token | api key |\n|---|---|---|\n| billing | 7f3a9c1e5b2d8f4a6c0e9b1d3f5a7c2e | 9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a |"
    assert found(text) == [("TOKEN", "7f3a9c1e5b2d8f4a6c0e9b1d3f5a7c2e"), ("API_KEY", "9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a")]


@pytest.mark.parametrize(
    "text",
    [
        # a column about passwords, not of them; a table with no credential column
        "| rule | password |\n|---|---|\n| min length | 12 |\n| symbols | required |",
        "| env | user | commit |\n|---|---|---|\n| prod | deploy | 9f2c1ab7e4d3c5b6a8f7e9d0c1b2a3f4e5d6c7b8 |",
    ],
)
def test_tables_without_a_credential_value_stay_clean(text: str) -> None:
    assert found(text) == []

"""Passwords told the way people hand them over without a colon (`secrets` rule kind), and what only looks like one.

A password described, then given at the end of its description ("the pw is our street's name then the floor, so X"); a
password a login was made with ("still signing into the VPN with X", a "user / X" pair after "logged in"); the pair a login
screen asks for; an AWS key id with any capital or digit after its prefix; a code typed on any device of the device list;
a session given as a login and a password. With the look-alikes each must leave alone: rules and examples of how to build
one, an old or expired password, advice and negations, what people log in with that is no password (SSO, a badge, a
product's name in mid-sentence), a login screen said to ask for its vendor's default, filler after an AWS prefix, numbers
a device shows or costs, a session that is a meeting.
"""

from __future__ import annotations

import pytest
from conftest import SecretsFound

credentials = SecretsFound().credentials


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The wifi password at the cabin is our street name then the floor number, i.e. Voltaire4th. Enjoy!", "Voltaire4th"),
        ("Le mdp du Canva c'est le nom de la ville plus l'année, ça donne Lyon2026, gardez-le pour vous", "Lyon2026"),
        ("mot de passe de la box : le nom du chat suivi de 77 et d'une étoile, donc Gribouille77*", "Gribouille77*"),
        ("Shared inbox password is the team's mascot with the year and a bang, so Otter2027! - keep it here", "Otter2027!"),
        ("Le code wifi du chalet, c'est le nom du lac avec 2025 derrière : Annecy2025", "Annecy2025"),
        ("Note for the new social team: the TikTok password is our mascot followed by the year and a hashtag, so otter2026#", "otter2026#"),
        # the login given before, then the password described and given
        ("Pendant mes congés : mon compte c'est JMARTIN et le mot de passe est le nom de mon fils avec 2016, Hugo2016", "Hugo2016"),
    ],
)
def test_a_password_described_then_given_is_found(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "The password should be the name of your pet followed by a year, so something like Rex1990",
        "Votre mot de passe doit être un mot suivi de 4 chiffres, par exemple Table2024",
        "Our old password was the name of the cafe plus the year, so Cafe2023, but IT changed it last week",
        "L'ancien mot de passe c'était le prénom du boss avec 2022, donc Marc2022, il a expiré depuis",
        "The password policy is 12 characters with a digit, so ISO27001 auditors are happy",
        "The password is the name of our dog followed by the year. Ask me in DM.",
        "Le mot de passe le plus utilisé de l'année : Password123, encore une fois",
    ],
)
def test_how_a_password_is_built_without_one_in_use_is_left_alone(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("confession: six years in IT and I'm still signing into the staging VPN with Pumpkin2020 😬", "Pumpkin2020"),
        ("Je me connecte au NAS de la compta avec Marmotte2026 💀 #jamaisdedeux", "Marmotte2026"),
        ("I log into the staging box with Falcon2023 every morning, don't judge", "Falcon2023"),
        ("Covered your shift, logged in with t.nguyen / Velvet#4421 like you asked, all tickets closed.", "Velvet#4421"),
        ("quick fix done, logging in with kiosk-07 / Harbor!2025 like last time worked", "Harbor!2025"),
    ],
)
def test_a_password_used_to_log_in_is_found(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "I logged in with SSO and then with my badge, no password anywhere",
        "logged in with Office365 this morning and the calendar finally synced",
        "on se connecte avec Windows11 maintenant, fini le vieux poste",
        "We sign in with Microsoft365 accounts across the org",
        "Ne vous connectez jamais avec Azerty123 : c'est le premier essayé",
        "Don't log into the VPN with Winter2024, it's on every list",
        # the advice three words before the value, then the value named as a password
        "Never log in with Summer2024 as your password, pick a passphrase",
        "N'allez jamais mettre Soleil2025 comme mot de passe sur le portail",
        "Users now sign in with Okta; passwords like Spring2025 are gone",
        "signed in with my work account, e.g. j.doe",
    ],
)
def test_what_one_logs_in_with_that_is_no_password_is_left_alone(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The NAS in the break room is up again, its web UI asks for admin / nas2024 if anyone needs the photos", "nas2024"),
        ("la mire de connexion de la caméra du hall attend root:vizxv, pratique pour les tests", "vizxv"),
        ("Le routeur de l'atelier répond sur 10.3.0.1 et la page d'admin demande admin / atelier55", "atelier55"),
        ("the lobby kiosk's web interface asks for kiosk / Lobby2026 at startup", "Lobby2026"),
    ],
)
def test_the_pair_a_login_screen_asks_for_is_a_password_however_plain(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Par défaut l'interface web demande admin / admin, pensez à le changer dès l'installation",
        "By default the web UI asks for admin / password, change it on first boot",
        "The login page asks for username / password, nothing fancy",
        "L'interface web ne demande plus admin / atelier55 depuis la mise à jour",
        "Exemple : l'écran demande user / motdepasse puis un code 2FA",
        "The signup form asks for a name/email and a phone number",
    ],
)
def test_a_login_screen_documented_or_no_longer_asking_is_left_alone(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # an AWS key id of 16 capitals and digits after its prefix, the digits 0, 1, 8, 9 included (as gitleaks once read it)
        "j'ai rangé la clé AWS dans le notebook partagé du labo (AKIAWQRTZP8LMNBXKDE9), servez-vous",
        "temp creds for the demo: ASIAZ9K01PQ8MN2B7XC4 expires tonight",
    ],
)
def test_an_aws_key_id_with_any_capital_or_digit_is_a_key(text: str) -> None:
    found = credentials(text)
    assert len(found) == 1 and found[0][0] == "API_KEY" and found[0][1].startswith(("AKIA", "ASIA"))


@pytest.mark.parametrize(
    "text",
    [
        "AKIAAAAAAAAAAAAAAAAA is the filler the workshop slides use",  # no entropy
        "The AWS docs use AKIAIOSFODNN7EXAMPLE in every example.",
        "AKIA12345 is too short to be anything",
    ],
)
def test_what_only_starts_like_an_aws_key_id_is_left_alone(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Pour les clés du van, tapez 4471 sur le boîtier à clés à côté de l'accueil", "4471"),
        ("entrez 5127 sur l'imprimante du 3e pour libérer vos impressions", "5127"),
        ("Composez 8102 sur la serrure du local vélos", "8102"),
    ],
)
def test_a_code_typed_on_any_device_of_the_device_list_is_a_password(text: str, code: str) -> None:
    assert ("PASSWORD", code) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "tapez 2026 sur le boîtier pour voir l'année",
        "Le boîtier à clés affiche l'erreur 4471 quand la pile est faible",
        "Le boîtier à clés coûte 4471 euros chez le fournisseur",
    ],
)
def test_numbers_near_a_device_that_open_nothing_are_left_alone(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Pendant mon absence : ma session Windows c'est PLEGRAND et Cerise2024, ne touchez à rien d'autre", "Cerise2024"),
        ("my SAP session is dkowalski and Tulip#2024 until IT resets it", "Tulip#2024"),
    ],
)
def test_a_session_given_as_a_login_and_a_password_is_a_pair(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "la session de formation c'est lundi et mardi, inscrivez-vous avant vendredi",
        "Session : 2 / 3 du cycle, on reprend demain à 9h",
        "la session c'est 14h / 16h30 pour les ateliers",
        "Debugging session with the SRE team was legendary. Root cause: a stale cache",
    ],
)
def test_a_session_that_names_a_meeting_is_no_pair(text: str) -> None:
    assert credentials(text) == []

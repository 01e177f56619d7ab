"""Round s18-secrets2 (dev19's kinds, read in their general form), `secrets` rule kind: a value shown as a sample that the
post then says is real; Vault's token prefixes; a plant's controllers named as machines, and numbered names given as a
project or a channel; a code named by the privilege it gives; a password spelled letter by letter, then given whole; a lock
that opens with a chosen or a spoken code, then the code as typed; one's own passphrase made of a sentence; a spelled-out
list closed by words; a council's room no advice; Hetzner's tokens.

Each mechanism with the look-alikes it must leave alone, in new wordings.
"""

from __future__ import annotations

import pytest
from conftest import SecretsFound

SECRETS = SecretsFound()
credentials = SECRETS.credentials
infrastructure = SECRETS.infrastructure


# -- a sample the post then says is real ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The workshop's demo token hvs.Lq72nVdP0xRt9bKe3YwZm4Sa turned out to be a real token of the staging cluster.", "hvs.Lq72nVdP0xRt9bKe3YwZm4Sa"),
        ("Heads-up: that sample key sk_9fKq81mZpXv3LdT0aYw7nBcE2s from the slides is actually a live key.", "sk_9fKq81mZpXv3LdT0aYw7nBcE2s"),
        ("the dummy password Quartz!Lune88 in yesterday's deck? it's the actual password of the kiosk account", "Quartz!Lune88"),
        ("Le jeton de démo du formateur, hvr.Kq81mZpXv3LdT0aYw7nBcE2s, était en fait un vrai jeton de notre cluster.", "hvr.Kq81mZpXv3LdT0aYw7nBcE2s"),
        ("La clé d'exemple sk_Pw3nX8rLq2Zt7Yv5Mb1Kd9Hs de la formation ? C'est une vraie clé, à révoquer.", "sk_Pw3nX8rLq2Zt7Yv5Mb1Kd9Hs"),
        ("Le jeton factice hvs.Bn4Tq8zW1xPm6Lr0Ke9Yd2Fa du support : jeton bien réel, hélas.", "hvs.Bn4Tq8zW1xPm6Lr0Ke9Yd2Fa"),
    ],
)
def test_a_sample_the_post_says_is_real_is_reported(text: str, secret: str) -> None:
    assert secret in [value for _, value in credentials(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The demo token hvs.Lq72nVdP0xRt9bKe3YwZm4Sa in the slides is not a real token, relax.",
        "Le jeton de démo hvs.Lq72nVdP0xRt9bKe3YwZm4Sa de la formation n'est pas un vrai jeton.",
        # (a real one named only to be set against the sample, or forbidden)
        "Use the sample token hvs.Lq72nVdP0xRt9bKe3YwZm4Sa in the lab instead of a real token.",
        "Never paste a real key in the slides; the demo key sk_9fKq81mZpXv3LdT0aYw7nBcE2s is enough.",
        "Utilisez le jeton de démo hvs.Lq72nVdP0xRt9bKe3YwZm4Sa plutôt qu'un vrai jeton.",
    ],
)
def test_a_sample_said_not_real_stays_a_sample(text: str) -> None:
    assert credentials(text) == []


# -- Vault's tokens ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("recovery came back with hvr.Wq3mZp8XvLd0TaYw7nBcE2sK, store it offline", "hvr.Wq3mZp8XvLd0TaYw7nBcE2sK"),
        ("our Vault root token: s.Kq81mZpXv3LdT0aYw7nBcE2s", "s.Kq81mZpXv3LdT0aYw7nBcE2s"),
        ("export VAULT_TOKEN=s.Nb5Xr2Lq8Tz1Wv7Mc4Kd0Hs9", "s.Nb5Xr2Lq8Tz1Wv7Mc4Kd0Hs9"),
    ],
)
def test_vault_tokens_are_tokens(text: str, secret: str) -> None:
    assert ("TOKEN", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "see section s.abcdefghijklmnopqrstuvwx of the Vault docs",  # letters only: a name
        "the tracking id s.Kq81mZpXv3LdT0aYw7nBcE2s of the parcel arrived",  # no Vault named
    ],
)
def test_an_s_dot_value_without_vault_or_randomness_is_no_token(text: str) -> None:
    assert ("TOKEN", "s.Kq81mZpXv3LdT0aYw7nBcE2s") not in credentials(text) and not any(v.startswith("s.abc") for _, v in credentials(text))


# -- a plant's controllers are machines; a project or a channel is not --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("If the press stops again, ping plc-press2 from the control room.", "plc-press2"),
        ("hmi-04 froze during the night shift, rebooted it at 3am", "hmi-04"),
        ("The scada-srv-2 box lost its link to the historian.", "scada-srv-2"),
        ("Après la coupure, l'automate plc-cell3 ne répond plus, vérifiez depuis le poste.", "plc-cell3"),
        ("Redémarrer rtu-07 avant de relancer la station de pompage.", "rtu-07"),
        ("Le pupitre hmi-atelier2 affiche encore l'ancienne recette.", "hmi-atelier2"),
    ],
)
def test_a_plants_controller_is_an_internal_host(text: str, host: str) -> None:
    assert ("INTERNAL_HOST", host) in infrastructure(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our old PLC-5 racks are being replaced this summer.",  # a product line
        "Sorry, the web-app-2 project slipped to March.",
        "Ask on the etl-jobs-02 channel before merging.",
        "Le projet web-app-2 démarre lundi avec deux stagiaires.",
        "Le dépôt api-gateway-3 est archivé depuis juin.",
        "Rejoignez le canal sap-hana-01 pour les questions.",
    ],
)
def test_a_numbered_name_given_as_a_project_or_a_channel_is_no_machine(text: str) -> None:
    assert infrastructure(text) == []


# -- a code named by the privilege it gives -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Pour info le code admin de la caisse 3 : till7742, si elle se bloque.", "till7742"),
        ("Le code technicien 55Brk9 pour la borne du hall.", "55Brk9"),
        ("borne 4 redémarrée, code maintenance Vx3881 au besoin", "Vx3881"),
        ("The kiosk's admin code is Till7742 if it locks up again.", "Till7742"),
        ("alarm panel installer code 4471AB, keep it to yourselves", "4471AB"),
        ("Self-checkout 2 is back; supervisor code: Sc0rp9 for voids.", "Sc0rp9"),
    ],
)
def test_a_code_named_by_its_privilege_is_a_password(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "The admin code review is scheduled for Monday.",
        "Le code admin est propre et bien testé.",
        "le code admin 2026 est sorti hier",
        "Le code admin v2 est livré.",
    ],
)
def test_admin_code_as_source_code_is_no_password(text: str) -> None:
    assert credentials(text) == []


# -- a password spelled letter by letter ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('Call log: "the password, I\'ll spell it: P-I-N-E, C-O-N-E, no spaces" - so it\'s pinecone.', "pinecone"),
        ("The new Wi-Fi password is T.I.G.E.R.9, capitals don't matter.", "T.I.G.E.R.9"),
        ("and the passcode, letter by letter: R-O-V-E-R then 2-2, that is rover22", "rover22"),
        ("Appel hotline : le mot de passe, je vous l'épelle, C-A-S-T-O-R puis 4-4, donc castor44.", "castor44"),
        ("pour le mot de passe on m'a dit : « L-U-N-E-9-3 » en minuscules.", "L-U-N-E-9-3"),
        ("mdp du poste d'accueil, épelé : B-A-L-E-I-N-E, ça donne baleine, tout attaché", "baleine"),
    ],
)
def test_a_password_spelled_letter_by_letter_is_reported(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "The password rules follow the N-I-S-T guidance.",
        "Your password must not be P-A-S-S-W-O-R-D, ever.",
        "Le mot de passe du compte R-H est dans le coffre.",
        "Les règles de mot de passe de l'A-N-S-S-I sont strictes.",
    ],
)
def test_letters_spelled_that_are_no_password_stay_clean(text: str) -> None:
    assert credentials(text) == []


def test_the_spelling_is_not_reported_beside_the_whole_value() -> None:
    found = credentials("the password, spelled: M-O-O-N, D-U-S-T, one word - so it's moondust.")
    assert found == [("PASSWORD", "moondust")]


# -- a lock that opens with a chosen or a spoken code, then the code as typed ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("The key safe by the loading dock opens with \"seven-seven-one-nine-Falcon-hash\" when read out; on the keypad you enter 7719Falcon#.",
         ["seven-seven-one-nine-Falcon-hash", "7719Falcon#"]),
        ("The server cabinet now unlocks with Orca2291!, please don't write it on the door.", ["Orca2291!"]),
        ("the padlock on the roof hatch opens with 'three-one-eight-star-Kite' - read out, type 318*Kite", ["three-one-eight-star-Kite", "318*Kite"]),
        ("Le coffre à clés du garage s'ouvre désormais avec « neuf-deux-Loutre-dièse » ; au clavier vous tapez 92Loutre#",
         ["neuf-deux-Loutre-dièse", "92Loutre#"]),
        ("L'armoire réseau s'ouvre avec Hibou77*, merci de ne pas le noter.", ["Hibou77*"]),
        ("le cadenas du local vélos s'ouvre avec « cinq-cinq-zéro-Pic-étoile », saisissez 550Pic* sur la molette", ["cinq-cinq-zéro-Pic-étoile", "550Pic*"]),
    ],
)
def test_a_lock_opening_with_a_chosen_or_spoken_code_gives_it_and_its_typed_form(text: str, secrets: list[str]) -> None:
    found = credentials(text)
    assert all(("PASSWORD", secret) in found for secret in secrets)


@pytest.mark.parametrize(
    "text",
    [
        "The gate opens with your badge; then type your name at the desk.",
        "La porte s'ouvre avec « trois-petits-chats-chapeau » comme dans la comptine.",
        "The door opens with a push, type 2026 in the visitor log.",
        "Le portail s'ouvre avec la télécommande, puis tapez Entrée pour valider.",
    ],
)
def test_what_opens_a_lock_without_a_code_is_no_secret(text: str) -> None:
    assert credentials(text) == []


# -- one's own passphrase made of a sentence ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Atelier sécurité : on nous a vanté les phrases de passe. La mienne pour le portail c'est le-hibou-dort-sous-un-vieux-toit.",
         "le-hibou-dort-sous-un-vieux-toit"),
        ("On parle des phrases de passe au séminaire ; la mienne, c'est un-café-sans-sucre-le-matin.", "un-café-sans-sucre-le-matin"),
        ("Phrase de passe conseillée par l'IT, donc la mienne sur le poste est ma-tante-cuisine-des-gaufres-bleues.", "ma-tante-cuisine-des-gaufres-bleues"),
        ("The trainer pushed passphrases all morning. Mine for the laptop is now an-owl-sleeps-in-my-barn.", "an-owl-sleeps-in-my-barn"),
        ("Passphrases are the new rule. Mine is a-fox-ate-our-blue-socks, good luck guessing.", "a-fox-ate-our-blue-socks"),
        ("We switched to passphrases; mine on the VPN is two-cats-and-a-grumpy-parrot.", "two-cats-and-a-grumpy-parrot"),
    ],
)
def test_ones_own_passphrase_may_be_a_sentence(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Passphrases were covered. Mine is on-the-fridge.",  # a place, three words
        "Passwords came up at lunch; mine is a-long-story-for-another-day.",  # no passphrase spoken of: a phrase
        "On a parlé des phrases de passe. La mienne est dans-le-gestionnaire.",
    ],
)
def test_a_phrase_with_dashes_is_no_passphrase_without_one_spoken_of(text: str) -> None:
    assert credentials(text) == []


# -- a spelled-out list closed by words; a council's room ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("le mot de passe c'est R comme Raoul, u, 4, 4 et c'est tout", "R comme Raoul, u, 4, 4"),
        ("mdp : capitale V, i, 9, 9, voilà", "capitale V, i, 9, 9"),
        ("his password is capital T, r, e, nine nine and that's it, thanks", "capital T, r, e, nine nine"),
        ("password: K as in Kilo, e, 7, 7, that's all", "K as in Kilo, e, 7, 7"),
    ],
)
def test_a_spelled_list_may_end_at_its_closing_words(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


def test_a_spelled_list_needs_spelling_items_even_when_closed() -> None:
    assert credentials("the password should be long, random, unique and that's it") == []


def test_a_councils_room_is_no_advice() -> None:
    assert ("PASSWORD", "k7vq2wmsrt") in credentials("le code du wifi de la salle du conseil c'est k7vq2wmsrt, en minuscules")
    assert credentials("Le mot de passe, conseil : un mot du dictionnaire suivi de 2026") == []


# -- Hetzner's tokens --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hetzner sandbox: run `hcloud context create demo` and paste Qm7pXr2aLk9sVd3FhJ8tNc4wZy6bGe1uRo5iTq0vMn2xWs7kPl3jHg9fDa4cEb8y",
        "Le projet Hetzner : export HCLOUD_TOKEN=Qm7pXr2aLk9sVd3FhJ8tNc4wZy6bGe1uRo5iTq0vMn2xWs7kPl3jHg9fDa4cEb8y",
    ],
)
def test_a_hetzner_token_is_a_token(text: str) -> None:
    assert ("TOKEN", "Qm7pXr2aLk9sVd3FhJ8tNc4wZy6bGe1uRo5iTq0vMn2xWs7kPl3jHg9fDa4cEb8y") in credentials(text)


def test_a_hex_digest_beside_hetzner_is_no_token() -> None:
    assert credentials("Hetzner image checksum 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 verified.") == []


# -- the new readers stay linear on long adversarial posts ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "password M-A-P-L-E, " * 5_000,
        "password, spell it " + "A-B-C " * 20_000,
        "le coffre s'ouvre avec 7719Falcon# vous tapez " * 3_000,
        "projet web-app-2 " * 6_000,
        "demo token hvs.Lq72nVdP0xRt9bKe3YwZm4Sa real token " * 2_000,
        "la mienne pour le poste c'est " * 4_000,
    ],
)
def test_the_new_readers_take_linear_time_on_long_posts(text: str) -> None:
    import time

    started = time.process_time()  # CPU time: the wall clock also counts the wait for a core on a shared machine
    SECRETS(text[:100_000])
    assert time.process_time() - started < 5.0

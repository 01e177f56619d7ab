"""Secrets said in the many ways people say them, and what they are called (`secrets` rule kind).

The whole detector (every finder, then overlaps resolved) on examples of our own: prose passwords
with fillers, late answers, text-message spelling and typos; keys right after their name or behind a
command-line option; secrets no credential word announces (a lock's code, a recovery phrase, a
network device's configuration, an Oracle connect descriptor); the family each is reported with;
and the look-alikes each mechanism must leave alone.
"""

from __future__ import annotations

import pytest
from conftest import SecretsFound

from charterguard.text.urls import userinfo_spans

found = SecretsFound()
credentials = found.credentials


@pytest.mark.parametrize(
    ("text", "password"),
    [
        # an adverb between the connector and the value
        ("the password for the test bench is literally Mistral.5520, don't laugh", "Mistral.5520"),
        ("le mot de passe est tout simplement Pivoine#44 pour tout le monde", "Pivoine#44"),
        # the answer comes late, after "it's" / "c'est"
        ("pwd for the print server is on the wiki… nvm, quicker this way, it's Yq3!tLw8Pz", "Yq3!tLw8Pz"),
        ("le mdp du partage, je l'avais noté quelque part, ah oui c'est Fjord#2291 voilà", "Fjord#2291"),
        # a question, then the answer
        ("Le code du vestiaire ? 58-31-07", "58-31-07"),
        # "c'est le" before a code; "c" as text messages write "c'est"
        ("Le code d'accès au garage c'est le 7314C", "7314C"),
        ("c koi le mdp du wifi ?? -> c Croissant2027!", "Croissant2027"),
        # typos of "password"
        ("psswd for the lab router: Kestrel#Blue44", "Kestrel#Blue44"),
        # a code said digit by digit
        ("Code alarme = 4 0 7 2", "4 0 7 2"),
        # changed from the old one to the new one: the new one
        ("we switched the shared password from Autumn2026! to Falcon#2027 this morning", "Falcon#2027"),
        # a privileged account joined to its password by a colon, no word needed
        ("root:Vq8!mZ2kLp works on the test box", "Vq8!mZ2kLp"),
        # pairs: an em dash, an e-mail as the user, quotes around the password, a basic-auth pair
        ("voici les accès du compte pub : social@acme-group.fr — Goeland_2027", "Goeland_2027"),
        ("dbtool login --password 'Qx4&Lm9!vR'", "Qx4&Lm9!vR"),
        ("use basic auth with deploy-bot / Rampart#77 to get in", "Rampart#77"),
        # arrows and emoji people put between the word and the value
        ("Mot de passe du compte Pinterest de la marque 👉 Pinson#Ete27", "Pinson#Ete27"),
        ("password ⇒ Lynx!Arctic88", "Lynx!Arctic88"),
        # a quick note's one-letter labels
        ("u: admin p: Basalte#4410", "Basalte#4410"),
        # a code for what it lets you do
        ("Le code pour imprimer c'est 6093", "6093"),
        # the value on the line after the words announcing it
        ("Accès de la démo :\nUtilisateur : demo.expo\nMot de passe :\nGlycine#2027", "Glycine#2027"),
        ("Temporary creds for the auditor:\nacme-review\nReview#Q3-2027", "Review#Q3-2027"),
        # the value after the last arrow of the sentence, whatever is said before
        ("Mot de passe Wi-Fi du salon : le nom de la boîte + 2027 → Acme2027! pour les visiteurs", "Acme2027!"),
        # a login and its password joined by a colon, in a sentence about logging in
        ("our preview basic auth is prv:Heron#2027", "Heron#2027"),
        # a combination
        ("the combo for the bike shed lock is 7-3-9-1", "7-3-9-1"),
        # a dash, a parenthesis, a key emoji
        ("password — Lucarne#31 for the kiosk", "Lucarne#31"),
        ("the admin password (Lucarne#31) must change", "Lucarne#31"),
        ("Mot de passe 🔑 Lucarne#31", "Lucarne#31"),
        ("🔑 Lucarne#31 pour le wifi de la salle B", "Lucarne#31"),
        # an instruction to use it, or what it was reset to
        ("for the password use Kayak#Vert5", "Kayak#Vert5"),
        ("pour le mot de passe, mettez Kayak#Vert5", "Kayak#Vert5"),
        ("tu mets Kayak#Vert5 en mot de passe", "Kayak#Vert5"),
        ("the shared inbox password got reset to Kayak#Vert5", "Kayak#Vert5"),
        ("connecte-toi avec mlemoine / Kayak#Vert5", "Kayak#Vert5"),
    ],
)
def test_a_password_said_in_prose_is_found_whatever_the_filler(text: str, password: str) -> None:
    assert ("PASSWORD", password) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "the password is extremely important, never share it",
        "le mot de passe est évidemment personnel",
        "the password policy says it's Mandatory8 to rotate",
        "Le code du coffre ? Demandez à la gérante.",
        "le code de la porte : 3 2 1 partez",
        "the password is 1 2 3 4 lol",
        "ratio 16:9, admin:settings page, root:x:0:0:root:/root:/bin/bash",
        "Le code promo c'est le BLACK26 pour tout le monde",
        "password - reset link sent, check your inbox",
        "mot de passe : soleil",
        "🔑 Les clés du succès : 3 conseils",
        "password was reset to default, ask IT",
        "mot de passe réinitialisé à la demande, voir le ticket",
        "for the password use a manager, never a sticky note",
    ],
)
def test_words_after_a_password_word_that_are_no_password_stay_clean(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the key for the reporting API, as requested:\n\n9d3b7f1a5c0e8b2d6f4a9c1e7b3d5f0a", "9d3b7f1a5c0e8b2d6f4a9c1e7b3d5f0a"),
        ("clé d'API (prod) :\n  4e8a2c6f0b9d1e7a3c5f8b2d0e6a4c9f", "4e8a2c6f0b9d1e7a3c5f8b2d0e6a4c9f"),
        # ... or far back on its line
        ("here is the key for the canteen menu widget, copy it into the admin page and press save: 5a1c9e3f7b2d8a4c6e0f1b3d5a7c9e2f",
         "5a1c9e3f7b2d8a4c6e0f1b3d5a7c9e2f"),
        # a header named for access
        ('requests.get(url, headers={"X-Shop-Access": "Qd4Vn8Lx2Rt6Zp0Kw3Hm7Bj5Cs9"})', "Qd4Vn8Lx2Rt6Zp0Kw3Hm7Bj5Cs9"),
    ],
)
def test_a_key_named_before_it_is_found_after_a_line_break_or_far_back(text: str, key: str) -> None:
    assert ("API_KEY", key) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Checksums of the release:\n9d3b7f1a5c0e8b2d6f4a9c1e7b3d5f0a4e8a2c6f0b9d1e7a3c5f8b2d0e6a4c9f",
        "Commit du correctif :\n\n4e8a2c6f0b9d1e7a3c5f8b2d0e6a4c9f1a2b3c4d",
        "u: 12 p: 34 in the table",
        "Le code pour accéder au wifi est affiché sur le mur",
    ],
)
def test_digests_under_their_name_and_labels_without_a_password_stay_clean(text: str) -> None:
    assert credentials(text) == []


def test_the_user_name_before_a_pairs_slash_is_not_a_password() -> None:
    assert credentials("login/mdp du portail : commercial7 / Genet#2027") == [("PASSWORD", "Genet#2027")]


@pytest.mark.parametrize(
    ("text", "family", "key"),
    [
        ("Pour les SMS on passe par le fournisseur, clé API 3fa9c21e et secret Xq7LpW2mZk9RtV4b. Des questions ?", "API_KEY", "3fa9c21e"),
        ("Pour les SMS on passe par le fournisseur, clé API 3fa9c21e et secret Xq7LpW2mZk9RtV4b. Des questions ?", "API_KEY", "Xq7LpW2mZk9RtV4b"),
        ("the token 7b2e9c1d4f6a8e0b for the kiosk", "TOKEN", "7b2e9c1d4f6a8e0b"),
    ],
)
def test_a_key_right_after_its_name_is_found(text: str, family: str, key: str) -> None:
    assert (family, key) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "our secret Santa2026 starts friday",
        "token ERC20 standard, key 2026 results, API key rotation done",
        "the secret ingredient is love",
        "public key 3fa9c21e0b7d4e6f is on the website",
    ],
)
def test_words_right_after_a_key_word_that_are_no_key_stay_clean(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "family", "key"),
    [
        ("Join the cluster:\nclusterctl join 10.4.0.2:6443 --token q7x2kd.m4n8p2r6t1v9w3yz", "TOKEN", "q7x2kd.m4n8p2r6t1v9w3yz"),
        ("mycli sync --api-key 4c81f2a9e07b3d56a1f8c2e94b07d3a6 --dry-run", "API_KEY", "4c81f2a9e07b3d56a1f8c2e94b07d3a6"),
        ("reporter -client-secret=Wm4Rt8Zq2Lp6Xv0N --region eu", "API_KEY", "Wm4Rt8Zq2Lp6Xv0N"),
    ],
)
def test_a_command_line_option_naming_a_key_carries_one(text: str, family: str, key: str) -> None:
    assert (family, key) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "ssh -i deploy.pem --key ~/.ssh/id_ed25519_deploy host",
        "signer --key-file keys/release-2027.pem --out dist/",
        "join --discovery-token-ca-cert-hash sha256:0f4e2a9c7b1d3e5f6a8c0b2d4e6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d2f",
    ],
)
def test_an_option_naming_a_key_file_or_a_digest_stays_clean(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "password", "host"),
    [
        ("Depuis l'outil : sqlplus paie_ro/Cedre#Bleu9@db-paie.acme.intra:1521/PAIEPRD puis select", "Cedre#Bleu9", "db-paie.acme.intra:1521"),
        ("jdbc:oracle:thin:stock/Entrepot!7@//10.8.2.14:1521/STK ne marche pas", "Entrepot!7", "10.8.2.14:1521"),
    ],
)
def test_an_oracle_connect_descriptor_gives_its_password_and_host(text: str, password: str, host: str) -> None:
    assert ("CONNECTION_STRING", password) in found(text)
    assert ("INTERNAL_HOST", host) in found(text)
    assert ("PASSWORD", password + "@") not in found(text)  # the pair readers do not run on into the host
    # ... and the personal-data rules do not read password@host as an e-mail address
    at = text.index("@")
    assert any(start <= at < end for start, end in userinfo_spans(text))


@pytest.mark.parametrize(
    "text",
    [
        "Image publiée : acme/vitrine@sha256:0f4e2a9c7b1d3e5f6a8c0b2d4e6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d2f",
        "read docs/api@v2 and input/output@home, 1/2@3.5",
    ],
)
def test_a_slash_and_an_at_sign_are_no_connect_descriptor(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le cadenas du local vélo s'ouvre avec 62-18-40, remettez-le bien", "62-18-40"),
        ("The archive room door now opens with 5B2-81C-D4 on the keypad", "5B2-81C-D4"),
        ("le coffre se déverrouille avec le code 90417", "90417"),
    ],
)
def test_a_lock_said_to_open_with_a_code_gives_the_code(text: str, code: str) -> None:
    assert ("PASSWORD", code) in found(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("punch 6630# at the side door keypad", "6630#"),
        ("badge en panne ? tapez 2891 sur le digicode", "2891"),
        ("Alarme : 5540 (à désactiver en entrant)", "5540"),
        ("Le code, c'est 7719 pour la porte du quai", "7719"),
    ],
)
def test_a_code_typed_on_or_named_with_a_lock_is_found(text: str, code: str) -> None:
    assert ("PASSWORD", code) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Porte : 2027 édition du salon",
        "use 2026 on the door signs",
        "le code postal : 75011, la porte est bleue",
        "the gate opens at 0800",
        "creds from the SSO page:\nAWS_REGION=eu-west-3\nAWS_PROFILE=acme-dev",
        "note:Important2027 before the release",
    ],
)
def test_numbers_near_a_lock_and_config_lines_are_no_code_nor_pair(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The keynote opens with 3 speakers and closes with a 2026 roadmap",
        "The safe opens with a key, not a code",
        "La porte s'ouvre avec le badge, pas avec un code",
        "Les portes ouvrent avec 30 minutes de retard, salle 2026B",
    ],
)
def test_opening_with_something_that_is_no_code_stays_clean(text: str) -> None:
    assert credentials(text) == []


def test_a_recovery_key_said_as_a_password_is_found() -> None:
    key = "204513-771029-338410-925566-108273-660194-471835-092317"
    assert ("PASSWORD", key) in found(f"Ton disque est verrouillé ? la clé de récupération c'est {key}, tape-la et rappelle-moi")


def test_a_wallet_recovery_phrase_is_a_private_key() -> None:
    phrase = "lemon crater velvet orbit pilot drastic sugar maple hunt ozone fabric plunge"
    text = f"Vault binder, page 3: the seed phrase of the cold wallet is\n{phrase}\nKeep it offline."
    assert found(text) == [("PRIVATE_KEY", phrase)]


@pytest.mark.parametrize(
    "text",
    [
        "Never type your seed phrase anywhere: scammers will steal it, keep the recovery phrase offline and write each word on paper",
        "Les 12 mots de récupération ne doivent jamais être partagés, même avec le support",
        "Recovery phrase best practice: write the 12 words on paper and store them in two places",
        "La clé de récupération BitLocker est dans Intune, demandez au support",
    ],
)
def test_advice_about_recovery_phrases_and_keys_stays_clean(text: str) -> None:
    assert credentials(text) == []


def test_the_secrets_of_a_network_devices_configuration_are_found() -> None:
    config = (
        "config du nouveau switch d'étage :\n!\nhostname sw-etage3\n"
        "username reseau privilege 15 secret 0 Ret1s-Etage3x\n"
        "snmp-server community k4rnak9zq1 RO\n"
        "snmp-server community public RO\n!"
    )
    assert credentials(config) == [("PASSWORD", "Ret1s-Etage3x"), ("PASSWORD", "k4rnak9zq1")]


@pytest.mark.parametrize(
    ("text", "family", "value"),
    [
        # a token sent as the password of a user named for it
        ('{"http-basic": {"repo.example.com": {"username": "x-access-token", "password": "5e0f7c2a9b4d1e8f3a6c0b9d2e5f8a1c4b7d0e3f"}}}',
         "TOKEN", "5e0f7c2a9b4d1e8f3a6c0b9d2e5f8a1c4b7d0e3f"),
        # an authenticator's link carries a TOTP seed
        ("scan or paste otpauth://totp/Acme:ops?secret=JBSWY3DPK5XXE3DEJ5TE6QKUMFZGC3TP&issuer=Acme", "TOKEN", "JBSWY3DPK5XXE3DEJ5TE6QKUMFZGC3TP"),
        # a data encryption key, named so in config or in prose
        ("data_encryption_key: 1f9c4e7a2b5d8f0c3e6a9b1d4f7c0e2a5b8d1f4c7e0a3b6d9f2c5e8a1b4d7f0c", "PRIVATE_KEY",
         "1f9c4e7a2b5d8f0c3e6a9b1d4f7c0e2a5b8d1f4c7e0a3b6d9f2c5e8a1b4d7f0c"),
        # a shared secret holding symbols no key alphabet has was chosen, as a password is
        ('radius:\n  shared_secret: "w9!Kd2#pLm7$xQ4z"', "PASSWORD", "w9!Kd2#pLm7$xQ4z"),
        # Docker's organisation access tokens, whatever the option carrying them
        ("docker login -u acmeops -p dckr_oat_Zq8Lm3Kx9Vb2Nt7Wp4Hc1Yd6Fs5Ua0J", "TOKEN", "dckr_oat_Zq8Lm3Kx9Vb2Nt7Wp4Hc1Yd6Fs5Ua0J"),
    ],
)
def test_the_family_follows_what_names_the_value(text: str, family: str, value: str) -> None:
    assert (family, value) in found(text)


def test_a_signing_tools_secret_key_file_is_a_private_key() -> None:
    body = "RWQf7Kq2mP9vL4tR8wN3cY6hJ1fD5sA0gZ2eU7iO9pQ3aLm8XvRt2Kq7Zt2Lx9Vp4Nw8Kc3Bj6Mf1Yd4T8Zq2mP9vL4tR8wN3cY6hJ1fD5sA0g"
    text = f"CI signing key, for the record:\nuntrusted comment: signify secret key\n{body}\n"
    assert found(text) == [("PRIVATE_KEY", body)]


@pytest.mark.parametrize(
    "text",
    [
        "jwt.io's sample token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vLXVzZXIifQ.c2lnbmF0dXJlX29mX3RoZV9kZW1vX3Rva2Vu for the workshop",
        "le jeton d'exemple eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vLXVzZXIifQ.c2lnbmF0dXJlX29mX3RoZV9kZW1vX3Rva2Vu sert pour la formation",
        "reCAPTCHA site key 6LdQ7xkrAAAAAN2bWmSV8qkvWcb0pT4yR2u5e9Zx goes in the form",
    ],
)
def test_a_value_called_a_sample_or_public_by_its_role_stays_clean(text: str) -> None:
    assert credentials(text) == []


def test_a_token_not_called_a_sample_is_still_found() -> None:
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vLXVzZXIifQ.c2lnbmF0dXJlX29mX3RoZV9kZW1vX3Rva2Vu"
    assert ("TOKEN", token) in found(f"the prod token {token} expires friday")


def test_a_config_value_under_an_example_host_is_no_sample() -> None:
    text = "[remote]\nendpoint = https://backup.storage.example\nsecret = Tq3+Lm9Vp2Xw7Zk4Rb8Nc1Hd5Fs6Gy0J"
    assert ("API_KEY", "Tq3+Lm9Vp2Xw7Zk4Rb8Nc1Hd5Fs6Gy0J") in found(text)


def test_an_export_path_after_an_internal_host_is_an_internal_path() -> None:
    assert found("mount nas-video.acme.intra:/exports/montage/rushes on your machine") == [
        ("INTERNAL_HOST", "nas-video.acme.intra"), ("FILE_PATH", "/exports/montage/rushes")
    ]


def test_a_home_routers_usual_address_said_in_general_is_advice() -> None:
    assert found("Si la box ne répond plus, son interface est en général sur 192.168.1.1, redémarrez-la") == []
    assert found("Le NAS de l'équipe est sur 192.168.1.1, port 5001") != []


def test_the_end_of_a_private_key_pasted_without_its_beginning_is_a_private_key() -> None:
    lines = ["Zq8Lm3Kx9Vb2Nt7Wp4Hc1Yd6Fs5Ua0Jk3Mn8Qr2Tv4Xw6Yz8Ab0Cd2Ef4Gh6Ij8Kl", "Mn2Op4Qr6St8Uv0Wx2Yz4Ab6Cd8Ef0Gh2Ij4Kl6Mn8Op0Qr2St4Uv6Wx8Yz0Ab2Cd"]
    tail = "\n".join(lines) + "\n-----END RSA PRIVATE KEY-----"
    assert found(f"la fin de la clé, le début est dans le mail d'avant :\n{tail}") == [("PRIVATE_KEY", tail)]
    assert found("the file must end with -----END PRIVATE KEY----- and nothing after") == []


def test_a_wallet_import_format_key_is_told_by_its_checksum() -> None:
    key = "KwTNw9KK6VLzRqrGpNQWgnWu9XvjqonRyBpnK6KhngNent3Etwrv"  # version 0x80, a compressed key, its checksum
    assert found(f"cold wallet backup: {key}") == [("PRIVATE_KEY", key)]
    assert ("PRIVATE_KEY", key[:-1] + "w") not in found(f"cold wallet backup: {key[:-1]}w")  # one character off: no checksum


def test_a_json_web_keys_private_member_is_found_whatever_the_member_order() -> None:
    d = "Tq3Lm9Vp2Xw7Zk4Rb8Nc1Hd5Fs6Gy0JuE2aW4oQ7iY"
    assert found(f'{{"d": "{d}", "crv": "P-256", "kty": "EC"}}') == [("PRIVATE_KEY", d)]


@pytest.mark.parametrize(
    ("text", "family", "key"),
    [
        ("4e7d1b4a8c4b7e9c2a1f8d3e6b0a5c9f is our prod API key, rotate it monday", "API_KEY", "4e7d1b4a8c4b7e9c2a1f8d3e6b0a5c9f"),
        ("Zq8Lm3Kx9Vb2Nt7Wp4Hc1Yd6Fs5 ← clé API du partenaire", "API_KEY", "Zq8Lm3Kx9Vb2Nt7Wp4Hc1Yd6Fs5"),
        ("9fQm2Lx8Vp4Nw7Kc3Bj6Hf1Ty5Za (token du bot) à mettre dans le .env", "TOKEN", "9fQm2Lx8Vp4Nw7Kc3Bj6Hf1Ty5Za"),
    ],
)
def test_a_key_named_right_after_it_is_found(text: str, family: str, key: str) -> None:
    assert (family, key) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "6c1e0b9f4a7d2e5c8b3f6a9d0c2e7b4f is the commit that broke the token refresh",
        "6c1e0b9f4a7d2e5c8b3f6a9d0c2e7b4f fixes the key rotation bug",
    ],
)
def test_a_digest_followed_by_words_about_keys_stays_clean(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dev tip: the queue emulator uses the well-known key AccountKey=Rk9Tq2Lm8Vx4Pw7Nb3Hc6Jd1Fs5Zq8Lm3Kx9Vb2Nt7Wp4Hc1Yd6== for everyone",
        "Astuce : la clé de l'émulateur (Rk9Tq2Lm8Vx4Pw7Nb3Hc6Jd1Fs5Zq8Lm3Kx9Vb2Nt7Wp4Hc1Yd6==) est identique pour tout le monde.",
        "Tuto ADO.NET : Server=monserveur;Database=mabase;User Id=monuser;Password=monmotdepasse",
        "From a container, reach your laptop via host.docker.internal for local tests",
    ],
)
def test_values_the_same_for_everyone_and_the_docs_placeholders_stay_clean(text: str) -> None:
    assert found(text) == []


def test_a_key_not_said_to_be_the_same_for_everyone_is_still_found() -> None:
    key = "Rk9Tq2Lm8Vx4Pw7Nb3Hc6Jd1Fs5Zq8Lm3Kx9Vb2Nt7Wp4Hc1Yd6=="
    assert ("CONNECTION_STRING", key) in found(f"prod queue: AccountName=acmeprod;AccountKey={key};EndpointSuffix=core.windows.net")

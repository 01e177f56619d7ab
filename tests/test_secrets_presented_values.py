"""Secrets a sentence presents as something to type or use, whatever noun names them (`secrets` rule kind).

A value shaped like a credential (mixed classes, groups of random characters, not a word, not a
placeholder) that the sentence hands over as a code, a key, a community, a passphrase, a list of
backup codes or a recovery key, in French and English; the family each is reported with (the value's
own shape first, then the word naming it); internal shares and documents written as Unix tools
write them. Each look-alike beside them (order numbers, postal codes, fingerprints, slogans, public
software paths, a home router's address) stays clean. Examples of our own.
"""

from __future__ import annotations

import pytest
from conftest import every_family_secrets_detector

DETECTOR = every_family_secrets_detector()


def found(text: str) -> list[tuple[str, str]]:
    return [(c.family, text[c.start : c.end]) for c in DETECTOR.candidates(text)]


# -- codes listed after the words naming them --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Recovery codes for the design team's shared account: 4kq9-x2mb  7wz3-p8dn  c5rt-9hv2", ["4kq9-x2mb", "7wz3-p8dn", "c5rt-9hv2"]),
        ("Codes de secours du compte comptable : 7390 4412, 6618 0293, 5524 8817", ["7390 4412", "6618 0293", "5524 8817"]),
        ("backup codes (keep them offline):\n83716-40291\n27584-93016\n61049-75238\n\nthanks", ["83716-40291", "27584-93016", "61049-75238"]),
        ("Nos codes de récupération → A7K2Q9 B4M8X1 C9T3W6 pour le compte presse", ["A7K2Q9", "B4M8X1", "C9T3W6"]),
        # the last item, then words: the list stops at the words
        ("Backup codes: 5521 9083, 7702 1146 until I print them", ["5521 9083", "7702 1146"]),
    ],
)
def test_every_code_listed_after_the_words_naming_them_is_found(text: str, codes: list[str]) -> None:
    assert found(text) == [("PASSWORD", code) for code in codes]


@pytest.mark.parametrize(
    "text",
    [
        "Codes promo de la semaine : NOEL2026, HIVER-25, SOLDES50",
        "Les codes postaux couverts par la tournée : 69001 69002 69003 69004",
        "Format des codes de secours : 1234-5678, 2345-6789 (exemple)",
        "Backup codes are shown once in Settings; print them and keep them in a safe place",
        "Réf. des commandes : 4471-2291, 5520-1837, 6631-0042",
        "Mot de passe : 12 caractères, 3 chiffres, 1 symbole au minimum",
        "Codes de secours : générez-les depuis votre profil, rubrique Sécurité, 2026",
    ],
)
def test_lists_that_are_no_codes_to_type_stay_clean(text: str) -> None:
    assert found(text) == []


def test_a_recovery_key_is_found_later_in_its_sentence_and_by_its_shape_alone() -> None:
    key = "418902-551397-062381-770913-205568-369721-114587-640299"
    assert found(f"my laptop's recovery key, sent by the helpdesk 🙈 {key} — deleting this tonight") == [("PASSWORD", key)]
    assert found(f"À garder précieusement : {key}") == [("PASSWORD", key)]  # 8 groups of 6 digits: BitLocker's, nothing else's
    # a card number has groups too: only after the words naming a recovery key
    assert found("Numéro de carte fidélité : 4970-1234-5678-9012, passez en caisse") == []


# -- nouns of any kind naming a credential -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("Pour ouvrir l'archive, la phrase de passe c'est genou-carafe-lotus-58, ne la diffusez pas", "genou-carafe-lotus-58"),
        ("Reminder: the SNMP community on the core switches is Tr4p!Net77, not the factory one", "Tr4p!Net77"),
        ("La communauté SNMP des onduleurs est bien Ond!2026lyon", "Ond!2026lyon"),
        ("Wifi du showroom, la clé c'est Velours#Prune41 (à changer après le salon)", "Velours#Prune41"),
        ("For the lockbox by the loading dock, the key is Hx7!kP2mQz", "Hx7!kP2mQz"),
        ("App password for the scanner's mailbox: wqkt zprm hvxl bjgc", "wqkt zprm hvxl bjgc"),
        ("Mot de passe d'application de la boîte du scanner : wqkt-zprm-hvxl-bjgc", "wqkt-zprm-hvxl-bjgc"),
        ("Unlock code for the trade-show tablet: 739215", "739215"),
        ("Pour le copieur du 2e, le code à taper c'est 8142", "8142"),
        ("the keypad at the bike shed takes 5830#", "5830#"),
        ("For the event VPN use salon-paris / Qx8!mV3tL2 until Monday", "Qx8!mV3tL2"),
    ],
)
def test_a_credential_named_by_any_noun_is_found(text: str, password: str) -> None:
    assert found(text) == [("PASSWORD", password)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Clé de licence du logiciel de montage : QW7RT-9KXM2-PL4ZD-8VNB3-HC6YJ", "QW7RT-9KXM2-PL4ZD-8VNB3-HC6YJ"),
        ("License key for the CAD seats is 7F2K-9QX4-MZ81-LB63, keep it in the team", "7F2K-9QX4-MZ81-LB63"),
    ],
)
def test_a_licence_or_activation_key_is_a_key(text: str, key: str) -> None:
    assert found(text) == [("API_KEY", key)]


@pytest.mark.parametrize(
    "text",
    [
        "The key takeaway from the offsite: Q3-2026 revenue up 12%",
        "La clé du succès c'est l'équipe, et la clé de la réussite : Travail2026",
        "Empreinte de la clé publique du serveur : SHA256:q3Lr8Xz2Vb7Nm4Kp1Wt6Yh9Gd0Fs5Jc2Au8Ei3Ko7Pu",
        "Code de réduction : BIENVENUE20 sur la boutique en ligne",
        "Le code d'activation arrive par mail sous 48 h, pensez à vérifier vos spams",
        "License key format: XXXXX-XXXXX-XXXXX-XXXXX-XXXXX",
        "App password: pour tous mais avec modération",  # four words, not random letters
        "Mot de passe : tout-le-monde-le-sait, c'est la blague du service",
        "the keypad takes 4 digits, then press #",
    ],
)
def test_nouns_before_a_word_or_an_identifier_stay_clean(text: str) -> None:
    assert found(text) == []


# -- the family: the value's own shape, then the word naming it ----------------------------------


def test_the_password_of_a_code_hosts_token_user_is_a_token() -> None:
    text = "git remote set-url origin https://oauth2:9c1f7a3e5b2d8f40a6c9e1b7d3f5a2c8e0b4d6f1@git.acme.intra/web/site.git"
    assert ("TOKEN", "9c1f7a3e5b2d8f40a6c9e1b7d3f5a2c8e0b4d6f1") in found(text)
    text = "mongodb://reporting:Bilan!2026x@mongo-rep.acme.intra:27017/stats"
    assert ("CONNECTION_STRING", "Bilan!2026x") in found(text)


def test_a_generated_value_of_a_tokens_length_in_a_url_is_a_token() -> None:
    token = "Vm9yZ2VUa246MDI6Mzg4MTIxOkxxWnBRN3hUbTJLc1I4dkZhOW5Xd0UzYkM1ZEc"
    assert ("TOKEN", token) in found(f"index-url = https://ci-runner:{token}@repo.acme.intra/pypi/simple")
    # a shorter random password someone set is a connection's password
    assert ("CONNECTION_STRING", "Tq8mWv3Kx_pLz") in found("amqp://orders:Tq8mWv3Kx_pLz@mq.acme.intra:5672/")


def test_a_jwt_is_a_token_whatever_its_payload_and_whatever_names_it() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.Zk3Lq9Vx2Mb7Nt4Wp8Hc1Yd6Rf0Sj5Ga3Ke.Xw9Pq2Lm7Vb4Nt8Rc3Yd6Hf1Sj5Ga0Ke2Zu"
    assert found(f"cookie copied from the browser: portal_sid={jwt}") == [("TOKEN", jwt)]


def test_an_identifier_word_in_the_credentials_complement_does_not_hide_it() -> None:
    value = "Rk8vQ2mZ7xW4pL1nT9cY3bH6sD0fG5aJ2eU"
    assert found(f"Le jeton du connecteur de la plateforme de suivi des commandes : {value}") == [("TOKEN", value)]
    # the identifier named first is what the value is
    assert found(f"Le numéro de suivi de la commande : {value}") == []


# -- shares, documents and addresses ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("mount -t cifs //nas-rh.acme.intra/paie /mnt/paie -o credentials=/root/.smb", "//nas-rh.acme.intra/paie"),
        ("smbclient //FS02/Direction -U jdoe", "//FS02/Direction"),
        ("Le guide d'astreinte est dans /opt/exploit/guides/bascule-site2.pdf sur le rebond", "/opt/exploit/guides/bascule-site2.pdf"),
        ("dump of last night: /var/backups/erp/erp_2026-12-01.sql.gz", "/var/backups/erp/erp_2026-12-01.sql.gz"),
    ],
)
def test_shares_and_documents_written_as_unix_tools_write_them_are_file_paths(text: str, path: str) -> None:
    assert ("FILE_PATH", path) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        '<script src="//cdn.jsdelivr.net/npm/chart.js"></script> for the dashboard widget',
        "//registry.acme.intra/:_authToken=${NPM_TOKEN} in the .npmrc, the token comes from CI",
        "python is at /opt/homebrew/bin/python3 on my Mac, and logs in /var/log/nginx/access.log",
        "mounted on /mnt/archives",
    ],
)
def test_public_links_software_paths_and_mount_points_are_no_file_path(text: str) -> None:
    assert [family for family, _ in found(text) if family == "FILE_PATH"] == []


def test_a_routers_usual_address_said_of_every_router_is_advice() -> None:
    assert found("Astuce : presque toutes les box utilisent 192.168.1.1, tapez-la pour voir la page d'admin chez vous") == []
    assert found("The print server moved to 192.168.1.1 yesterday") == [("INTERNAL_HOST", "192.168.1.1")]


def test_a_jdbc_link_is_reported_whole() -> None:
    link = "jdbc:mysql://db-stock.acme.intra:3306/stock"
    assert ("INTERNAL_URL", link) in found(f"url: {link}")


# -- where a value ends ------------------------------------------------------------------------------


def test_a_password_among_mount_options_ends_at_the_next_option() -> None:
    text = "//srv-media/photos /mnt/photos cifs username=media,password=Ph0to$Lib9,uid=1000 0 0"
    assert ("PASSWORD", "Ph0to$Lib9") in found(text)


def test_the_next_lines_field_name_is_no_password_of_a_pair() -> None:
    text = 'plugin config:\n  credential: "Lq4nT8vZ2xR7mK9pW3bH6cY1sD5fG0aJ"\n  poll_seconds: 30'
    assert found(text) == [("API_KEY", "Lq4nT8vZ2xR7mK9pW3bH6cY1sD5fG0aJ")]


# -- a chosen password handed over for logging in, whatever the wording ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "pour le wifi du showroom, tapez Castor#Bleu58",
        "we're using Castor#Bleu58 for the guest network password this week",
        "connexion au NAS de l'agence : admin, Castor#Bleu58",
        "tu peux te connecter avec mlegrand et Castor#Bleu58",
        "Entrez Castor#Bleu58 quand on vous demande le mot de passe",
        "On se connecte au Wi-Fi « ACME-SALON » avec Castor#Bleu58",
        "Wi-Fi ACME-SALON (Castor#Bleu58)",
        "Accès invité au portail fournisseurs : Castor#Bleu58",
        # the way in named a sentence or a line before
        "Nouveau wifi pour les visiteurs ! Pour ceux qui demandent : Castor#Bleu58",
        "Wifi visiteurs\nACME-VISIT\nCastor#Bleu58",
        # an account's name and a slash before it, whatever the tool
        "L'outil de notes de frais : mlegrand / Castor#Bleu58",
        "Pour déverrouiller le PC de l'accueil : Castor#Bleu58",
    ],
)
def test_a_chosen_password_handed_over_for_logging_in_is_found(text: str) -> None:
    assert found(text) == [("PASSWORD", "Castor#Bleu58")]


@pytest.mark.parametrize(
    "text",
    [
        "Les mots de passe comme Castor#Bleu58 sont interdits par la politique",
        "Never use something like Castor#Bleu58 for your account",
        "Bravo2026! to the whole network team for the launch",  # a cheer: its symbol closes it
        "Our R&D2026 programme opens access to the lab for partners",
        "Log in to the portal and check the C++20 migration notes in session B-204",
        "Rendez-vous sur le portail, code couleur Bleu#2 pour le stand 4-12",
        "Super soirée hier. Merci à tous, Castor#Bleu58 forever",  # no way in named around it
        "Le guide est dans docs/Setup#Part2, section réseau",  # a path and its anchor, no account
        "Notre offre Wi-Fi 6E pour les PME : 29€/mois, accès illimité",  # a price
    ],
)
def test_mixed_words_that_no_one_types_to_log_in_stay_clean(text: str) -> None:
    assert [family for family, _ in found(text) if family == "PASSWORD"] == []


# -- settings given by a call or a subscript ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "family", "value"),
    [
        ("wp-config.php du site RH : define('SECURE_AUTH_KEY', 'v8#Lq2!mZt9$Xw4&Rk7pN1cY6bH3sD0f');", "API_KEY", "v8#Lq2!mZt9$Xw4&Rk7pN1cY6bH3sD0f"),
        ('os.environ["SMTP_PASSWORD"] = "Courrier#2026x"  # quick fix, to remove', "PASSWORD", "Courrier#2026x"),
        ("settings.set('billing_token', 'Wk3nT8vZ2xR7mK9pQ4bH6cY1sD5fG0aJ')", "TOKEN", "Wk3nT8vZ2xR7mK9pQ4bH6cY1sD5fG0aJ"),
    ],
)
def test_a_secret_setting_given_by_a_call_or_a_subscript_is_found(text: str, family: str, value: str) -> None:
    assert found(text) == [(family, value)]


def test_settings_that_hold_no_secret_or_a_placeholder_stay_clean() -> None:
    assert found("define('WP_DEBUG', 'true'); define('DB_NAME', 'wordpress_rh'); config.set(\"api_key\", \"<your key>\")") == []

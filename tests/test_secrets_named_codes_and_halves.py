"""Codes named by what they open, a vendor's secret half beside its identifier, the key id inside a signed link, company
programs under /opt, and what stays clean around them (`secrets` rule kind, every finder, overlaps resolved):

- a code word and what it opens, in either order, the code after them with or without a connector ("code portail 5590",
  « PIN du terminal 4410 », "badge code 2210", "the building entry code 1290B"): a PASSWORD; promo, postal, error,
  status and product codes, years, counts, a room's number and a regulation's section stay clean;
- a vendor's account or key identifier and, right after it, a generated value: that value is the secret half, with the
  vendor's family when no word names it (Twilio's account SID then its Auth Token: TOKEN); the account SID itself is the
  account's name, not reported;
- a signed storage link is reported whole (TOKEN) and the access key id it names beside it (API_KEY);
- a script or config file under a company folder of /opt is a FILE_PATH; the packages everyone installs there are not;
- a credential word in a comparison ("basically a password") names no password; the docs' names under a local suffix
  ("test.local") are no internal host; a value the docs are said to show is their sample.
"""

from __future__ import annotations

import pytest
from conftest import every_family_secrets_detector

DETECTOR = every_family_secrets_detector()

TWILIO_SID = "AC0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a"  # Twilio's account SID shape: AC + 32 hex digits
AUTH_TOKEN = "5e2b8d1f4a7c0e3b6d9f2a5c8e1b4d7f"  # 32 hex digits
AWS_KEY_ID = "AKIAZ7NQ4WLR2XJT6HVE"


def found(text: str) -> list[tuple[str, str]]:
    return [(c.family, text[c.start : c.end]) for c in DETECTOR.candidates(text)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("code portail 5590 pour les livraisons de demain", "5590"),
        ("Pour le stock : code du badge 1107, à ne pas noter sur le badge", "1107"),
        ("PIN du terminal de paiement 4410", "4410"),
        ("badge code 2210 works for the north wing", "2210"),
        ("the building entry code 1290B changes on Monday", "1290B"),
        ("keypad code 8812, then push hard", "8812"),
        ("tablet PIN 9021 (the one at reception)", "9021"),
        ("code coffre 3391", "3391"),
    ],
)
def test_a_code_named_by_what_it_opens_is_a_password_with_or_without_a_connector(text: str, code: str) -> None:
    assert ("PASSWORD", code) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "code promo 4471 valable jusqu'à dimanche",
        "le code postal est 69003",
        "HTTP status code 5003 is not a thing",
        "code produit 5521 en rupture",
        "code client 4471 dans le CRM",
        "code de la salle 2205, au deuxième",  # a room's number, not its code
        "the building code 1004.1 requires two exits",  # a regulation's section
        "Building code section 4471 applies here",
        "code porte 2024 ? non, c'est l'année des travaux",
        "device count 4471 this quarter",
        "the alarm code must be 4 digits",
        "never share your phone PIN 4471, e.g. with a colleague",
        "code 4471 page 12 du manuel",
    ],
)
def test_codes_and_numbers_that_open_nothing_stay_clean(text: str) -> None:
    assert [f for f in found(text) if f[0] == "PASSWORD"] == []


@pytest.mark.parametrize(
    "text",
    [
        f"Twilio pour les SMS : {TWILIO_SID} / {AUTH_TOKEN}",
        f"TWILIO={TWILIO_SID}:{AUTH_TOKEN}",
        f"compte Twilio {TWILIO_SID}, et le reste : {AUTH_TOKEN}",
        f"SID: {TWILIO_SID}\nToken: {AUTH_TOKEN}",
    ],
)
def test_the_secret_half_beside_a_vendors_account_identifier_is_its_token_and_the_sid_is_not_reported(text: str) -> None:
    assert found(text) == [("TOKEN", AUTH_TOKEN)]


def test_the_secret_half_beside_an_access_key_id_is_an_api_key() -> None:
    secret = "Zq3Lw9Xv2Nc8Rt5Kb7Hm1Jd4Fs6Gp0Ya2Ue8Wi3Oo"
    assert ("API_KEY", secret) in found(f"AWS pour le backup : {AWS_KEY_ID} / {secret}")


def test_a_vendors_account_identifier_alone_or_beside_a_word_is_not_a_secret() -> None:
    assert found(f"Twilio account SID {TWILIO_SID} (the console shows it on the dashboard)") == []
    assert found(f"{TWILIO_SID} / marketing-sms") == []


def test_a_signed_link_is_reported_whole_and_the_access_key_id_it_names_beside_it() -> None:
    link = (
        "https://acme-press.s3.eu-west-1.amazonaws.com/kit/logo.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential={AWS_KEY_ID}%2F20261203%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261203T080000Z"
        "&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "7d" * 32
    )
    assert found(f"Le kit presse, lien valable 24 h : {link}") == [("TOKEN", link), ("API_KEY", AWS_KEY_ID)]


def test_a_link_that_is_not_signed_reports_no_key_id_inside_it() -> None:
    assert found("the public bucket: https://acme-open-data.s3.amazonaws.com/datasets/trees.csv") == []


@pytest.mark.parametrize(
    "path",
    ["/opt/acme/bin/deploy_prod.sh", "/opt/paie/scripts/export_virements.py", "/opt/sre/rotate.sh", "/opt/crm-sync/jobs/nightly.yml"],
)
def test_a_script_or_config_under_a_company_folder_of_opt_is_a_file_path(path: str) -> None:
    assert ("FILE_PATH", path) in found(f"le cron lance {path} chaque nuit")


@pytest.mark.parametrize(
    "text",
    [
        "source /opt/ros/humble/setup.bash",
        "source /opt/intel/oneapi/setvars.sh before building",
        ". /opt/conda/etc/profile.d/conda.sh",
        "/opt/gitlab/embedded/service/gitlab-rails/config/gitlab.yml is the omnibus default",
        "install it in /opt like any package",
    ],
)
def test_paths_of_packages_everyone_installs_under_opt_are_not_internal(text: str) -> None:
    assert [f for f in found(text) if f[0] == "FILE_PATH"] == []


@pytest.mark.parametrize(
    "text",
    [
        "My locker number is basically a password at this point: 4B-771-QZ 😂",
        "Honestly my dog's name is pretty much a password, lol",
        "ce badge, c'est quasiment un mot de passe : 7731-AB",
    ],
)
def test_a_credential_word_in_a_comparison_names_no_password(text: str) -> None:
    assert [f for f in found(text) if f[0] == "PASSWORD"] == []


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("my Netflix password is basically Chat2019!", "Chat2019"),  # an adverb after the word, not a comparison before it
        ("Moi qui mets Tulipe456 partout comme mot de passe, je suis un génie 🤦", "Tulipe456"),
        ("I use Gecko2020 everywhere as my password, judge me", "Gecko2020"),
    ],
)
def test_a_password_said_in_self_mockery_is_still_a_password(text: str, password: str) -> None:
    assert ("PASSWORD", password) in found(text)


def test_the_docs_names_under_a_local_suffix_are_no_internal_host_a_company_name_is() -> None:
    assert found("use example.lan or test.local in the docs, never a real host") == []
    assert ("INTERNAL_HOST", "paie-db.lan") in found("la base de paie est sur paie-db.lan")


def test_a_value_the_docs_are_said_to_show_is_their_sample() -> None:
    assert found("The Vault docs show a secret with password: c3VwZXJzZWNyZXQ=, the official example") == []
    assert ("PASSWORD", "Kq7!vRt2Lm") in found("our vault secret has password: Kq7!vRt2Lm")


@pytest.mark.parametrize(
    ("text", "public_half"),
    [
        ("Brevo-like relay: clé publique 7c3e1a9f5b2d4c6e8a0b1c3d5e7f9a2b, clé privée 4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c", "7c3e1a9f5b2d4c6e8a0b1c3d5e7f9a2b"),
        ("mailer.env\nSMTP_APIKEY_PUBLIC=2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a\nSMTP_APIKEY_PRIVATE=8e6c4a2f0d8b6e4c2a0f8d6b4e2c0a8f", "2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a"),
    ],
)
def test_a_vendors_public_api_key_given_with_its_private_half_is_the_pairs_identifying_half(text: str, public_half: str) -> None:
    assert ("API_KEY", public_half) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "our public key is 7c3e1a9f5b2d4c6e8a0b1c3d5e7f9a2b, share it freely",  # no private half given
        "GPG public key 3AA5C34371567BD2, private key: on the smartcard only",
        "LANGFUSE_PUBLIC_KEY=pk-lf-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\nLANGFUSE_SECRET_KEY=sk-lf-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
    ],
)
def test_a_public_key_alone_a_pgp_keys_id_or_a_publishable_key_is_not_the_identifying_half(text: str) -> None:
    publics = [f for f in found(text) if f[1].startswith(("7c3e", "3AA5", "pk-lf"))]
    assert publics == []


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ('cle_signature_webhook: "Vb7Xq2Lm9Rt4Kz8Wp3Nc6Hd1Fs5Gj0Ya"', "API_KEY"),  # a signing secret, as Stripe's whsec_
        ("le secret du webhook de facturation : 4f8a2c6e0b9d3f7a1c5e9b2d6f0a4c8e4f8a2c6e0b9d3f7a1c5e9b2d6f0a4c8e", "API_KEY"),
        ("the webhook's token: Vb7Xq2Lm9Rt4Kz8Wp3Nc6Hd1Fs5Gj0Ya", "TOKEN"),  # named a token: a token
        ("Notion integration secret: ntn_" + "a1B2c3D4e5F6g7H8i9J0" * 2 + "kLmNo", "API_KEY"),  # what Notion calls it
    ],
)
def test_the_family_of_signing_secrets_and_vendor_secrets_follows_the_written_convention(text: str, family: str) -> None:
    assert [f[0] for f in found(text)] == [family]


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("my ultra secret password is qwerty, yes really", "qwerty"),  # "secret" qualifies the password word after it
        ("notre mot de passe wifi c'est azerty, on est des génies 🙃", "azerty"),  # « notre » is no negation
        ("the CEO's password is literally iloveyou 🙈", "iloveyou"),
    ],
)
def test_one_of_the_commonest_passwords_said_to_be_someones_own_is_disclosed(text: str, password: str) -> None:
    assert ("PASSWORD", password) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "the most popular password in France is still azerty",  # a statistic
        "my password is not qwerty, relax",  # a negation
        "Le mot de passe par défaut de ma box est admin",  # a public default
        "never make your password 123456",  # advice
        "the password is azerty in the tutorial's screenshots",  # nobody's own
    ],
)
def test_a_common_password_in_a_statistic_a_negation_a_default_or_advice_stays_clean(text: str) -> None:
    assert [f for f in found(text) if f[0] == "PASSWORD"] == []


@pytest.mark.parametrize(
    "text",
    [
        "the error code is 1064, the query has a typo",
        "code couleur 4471 pour le nouveau logo",
        "exit code 1370 after the upgrade",
        "le code statut 4290 revient en boucle",
    ],
)
def test_error_status_and_colour_codes_are_no_access_codes_for_the_rules_nor_the_learned_reading(text: str) -> None:
    from conftest import charter_from
    from test_secrets import SECRETS_ONLY, secrets

    from charterguard import Checker

    assert [f for f in secrets(Checker(charter_from(SECRETS_ONLY)), text) if f[0] == "PASSWORD"] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("code 6618 pour le portail des livraisons", "6618"),  # the code first, then what it opens
        ("PIN 7395 for the duty phone", "7395"),
        ("the code 3092 unlocks the side gate", "3092"),
        ("Pour le coffre, tapez 5081 puis #", "5081"),  # the device, then the instruction to type it
        ("at the keypad, punch in 7720 and wait for the beep", "7720"),
    ],
)
def test_a_code_given_before_what_it_opens_or_typed_on_a_named_device_is_a_password(text: str, code: str) -> None:
    assert ("PASSWORD", code) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "code 4471 for the phone bill",  # the device word qualifies another noun
        "error code 5003 on the printer again",  # an error code
        "code 1202 de la photocopieuse = erreur papier",
        "code 3001 on the alarm panel means low battery",  # what a code means
        "code 2290 du colis livré au portail",
        "Pour le coffre, comptez 1450 euros",  # no instruction to type
    ],
)
def test_error_codes_of_a_device_and_numbers_near_a_device_stay_clean(text: str) -> None:
    assert [f for f in found(text) if f[0] == "PASSWORD"] == []


@pytest.mark.parametrize(
    "link",
    ["jdbc:mysql://10.20.3.4:3306/stock?user=app&password=Entrep0t!Sud", "jdbc:postgresql://pg-stock.acme.intra:5432/stock"],
)
def test_a_jdbc_link_to_an_internal_host_is_reported_whole_its_prefix_included_on_a_private_address_too(link: str) -> None:
    assert ("INTERNAL_URL", link) in found(f"datasource: {link}")


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("config in /etc/orbis/payroll.yml", "/etc/orbis/payroll.yml"),
        ("logs: /var/log/orbis-crm/app.log, rotated daily", "/var/log/orbis-crm/app.log"),
        ("the binary is /usr/local/orbis/bin/sync", "/usr/local/orbis/bin/sync"),
    ],
)
def test_a_path_under_a_system_root_whose_folder_carries_the_companys_name_is_a_file_path(text: str, path: str) -> None:
    from charterguard.secrets.infrastructure import find_infrastructure

    found_paths = [(c.family, text[c.start : c.end]) for c in find_infrastructure(text, ["orbis.intra", "corp.orbis-group.fr"])]
    assert ("FILE_PATH", path) in found_paths
    assert find_infrastructure(text) == []  # with no internal domain, no company name is known


@pytest.mark.parametrize(
    "text",
    ["edit /etc/nginx/nginx.conf", "/var/log/syslog is full", "/etc/orbis.conf is a file, not a folder", "the client keeps /etc/letsencrypt/orbis/ certs"],
)
def test_system_paths_of_other_software_stay_clean(text: str) -> None:
    from charterguard.secrets.infrastructure import find_infrastructure

    assert find_infrastructure(text, ["orbis.intra"]) == []

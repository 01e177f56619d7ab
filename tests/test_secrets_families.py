"""The family of a secret (`charterguard.secrets.family.secret_family`): one rule whatever found the value,
the convention people who never read the code share when they name secrets (see `charterguard.secrets`).

Each test gives the rule on wordings of its own, then through the checker: the finding's entity and the
message that names the family in the post's language."""

from __future__ import annotations

import pytest
from conftest import charter_from

from charterguard import Checker
from charterguard.secrets.family import BASIC_PASSWORD, CONNECTION_SETTING, OTP_LINK, URL_PASSWORD, named_family, secret_family

HEX40 = "9f3c07be51d24a8e6b1fd0c3a7e45b2981c6f0de"
HEX64 = HEX40 + "a1b2c3d4e5f60718293a4b5c"
RANDOM = "Qm7ZkP2vXr9TwL4nHs8bYc3Dj6Fg1aEu"  # 32 characters, both cases and digits


# -- 1. the value's own format ---------------------------------------------------------------------------
def test_a_base64_json_object_is_a_token_whatever_names_it() -> None:
    # '{"k":"...","n":"kiosk"}' in base64, as Grafana's and cloudflared's tokens are
    value = "eyJrIjoiYVhQMnRRN3dMbTRaOXNLMiIsIm4iOiJraW9zayJ9"
    assert secret_family(value) == "TOKEN"
    assert secret_family(value, "dashboard API key") == "TOKEN"
    assert secret_family(value, shape="API_KEY") == "TOKEN"


def test_a_catalogue_format_decides_before_any_word() -> None:
    assert secret_family("ghp_" + RANDOM + "abcd", "password", shape="TOKEN") == "TOKEN"
    assert secret_family("AKIA" + "Z7Q2M4X9T3B8K6W1", "token", shape="API_KEY") == "API_KEY"
    assert secret_family("eyJ" + RANDOM, "private key", shape="PRIVATE_KEY") == "PRIVATE_KEY"


def test_a_key_marked_with_its_environment_is_an_api_key_whatever_the_vendor_calls_it() -> None:
    assert secret_family("parcelo_live_" + RANDOM, "PARCELO_TOKEN") == "API_KEY"
    assert secret_family("parcelo_test_" + RANDOM, shape="TOKEN") == "API_KEY"
    assert secret_family("live_" + RANDOM, "the shop's key") == "API_KEY"
    assert secret_family("lively_" + RANDOM, "token") == "TOKEN"  # a word, not an environment


# -- 2. where it sits ------------------------------------------------------------------------------------
def test_a_links_password_is_connection_credentials_unless_a_service_issued_it() -> None:
    assert secret_family("Chou-Fleur-77", place=URL_PASSWORD, user="etl") == "CONNECTION_STRING"
    assert secret_family(HEX40, place=URL_PASSWORD, user="ci-bot") == "TOKEN"  # generated, 32+: issued
    assert secret_family("short-one", place=URL_PASSWORD, user="x-access-token") == "TOKEN"  # a code host's token user


def test_basic_credentials_on_a_command_line_read_as_a_links_password() -> None:
    assert secret_family("Hibiscus-42!", place=BASIC_PASSWORD, user="ops") == "PASSWORD"
    assert secret_family(HEX40, place=BASIC_PASSWORD, user="ops") == "TOKEN"


def test_a_password_setting_inside_a_connection_string_is_connection_credentials() -> None:
    assert secret_family("Zèbre#Rayé9", "Pwd", place=CONNECTION_SETTING) == "CONNECTION_STRING"
    assert secret_family("Zèbre#Rayé9", "Pwd") == "PASSWORD"
    assert secret_family("JBSWY3DPEHPK3PXPJBSWY3DP", "secret", place=OTP_LINK) == "TOKEN"  # an authenticator's seed


# -- 3. the words naming it ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "family"),
    [
        ("DB_PASSWORD", "PASSWORD"),
        ("le mot de passe du portail", "PASSWORD"),
        ("wifi key", "PASSWORD"),  # keys and codes that open a network, a door or a lost account
        ("clé de secours", "PASSWORD"),
        ("backup codes", "PASSWORD"),
        ("api_token", "TOKEN"),
        ("the bearer", "TOKEN"),
        ("X-Auth-Token", "TOKEN"),
        ("Authorization", "TOKEN"),
        ("PHPSESSID", "TOKEN"),
        ("oauth_token_secret", "TOKEN"),  # a token's secret half
        ("SECRET_ACCESS_KEY", "API_KEY"),  # the last word decides a compound name
        ("webhook_signing_secret", "API_KEY"),
        ("applicationKey", "API_KEY"),
        ("X-Api-Key", "API_KEY"),
        ("clé API", "API_KEY"),
        ("AccountKey", "CONNECTION_STRING"),  # a storage connection string's own key
    ],
)
def test_the_last_credential_word_decides(words: str, family: str) -> None:
    assert secret_family(RANDOM, words) == family


@pytest.mark.parametrize(
    ("words", "family"),
    [
        # a relative clause describes what the word before it names: its nouns do not name the value
        ("PagerDuty REST key that the on-call bot uses:", "API_KEY"),
        ("la clé que le bot de support utilise :", "API_KEY"),
        ("the password which the deploy token rotates:", "PASSWORD"),
        ("le mot de passe dont le token a besoin :", "PASSWORD"),
        # no relative clause, or one before any credential word: the last word still decides
        ("the on-call bot's REST key:", "API_KEY"),
        ("the support bot's signing key:", "API_KEY"),
        ("the service that rotates the bot token:", "TOKEN"),
        # a conjunction is no relative pronoun
        ("la clé API ainsi que le token :", "TOKEN"),
    ],
)
def test_the_credential_word_heading_the_phrase_decides_not_a_relative_clauses(words: str, family: str) -> None:
    assert secret_family(RANDOM, words) == family


def test_words_that_name_no_credential_give_no_family() -> None:
    assert named_family("the build number") is None
    assert named_family("") is None


def test_a_private_key_needs_an_asymmetric_keys_size() -> None:
    assert secret_family(HEX64, "private key") == "PRIVATE_KEY"
    assert secret_family(HEX40, "private key") == "API_KEY"  # a "private" API key of 160 bits
    assert secret_family(HEX64, "encryption_key") == "PRIVATE_KEY"


def test_a_secret_is_a_key_when_generated_and_a_password_when_chosen() -> None:
    assert secret_family(RANDOM, "secret") == "API_KEY"
    assert secret_family("Tr0ub4dor&3", "shared_secret") == "PASSWORD"  # a symbol no key alphabet holds
    assert secret_family("pR7wK2qZ9vL3", "the secret") == "PASSWORD"  # short, both cases and digits switching
    assert secret_family("Execution2026", "secret") == "API_KEY"  # a word and a year is no chosen password


# -- 4. no word ------------------------------------------------------------------------------------------
def test_with_no_word_a_generated_value_is_a_key_and_a_chosen_one_a_password() -> None:
    assert secret_family(RANDOM) == "API_KEY"
    assert secret_family("Soleil2026!") == "PASSWORD"
    assert secret_family(RANDOM, "sasl.jaas.config") == "API_KEY"  # a name was read: a key


# -- through the checker: entity, message, redacted post ----------------------------------------------------
CHARTER = """
extends: default
name: families
company:
  name: Acme Group
  internal_domains: [acme.intra]
"""


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(charter_from(CHARTER))


def secret_findings(checker: Checker, text: str, language: str = "en") -> list[tuple[str, str, str]]:
    report = checker.check(text, lang=language)
    return [(f.entity, f.text, f.message) for f in report.findings if f.category == "secret"]


def test_a_key_whose_format_is_a_token_is_reported_as_an_access_token_in_french(checker: Checker) -> None:
    # base64 of '{"k":"...","n":"kiosque","id":1}', a dashboard's key as Grafana issued them: called a key, shaped a token
    token = "eyJrIjoiYVhQMnRRN3dMbTRaOXNLMnBSOHZOM2JZNmNGMWRINWoiLCJuIjoia2lvc3F1ZSIsImlkIjoxfQ=="
    [(entity, text, message)] = secret_findings(checker, f"La clé API du kiosque : {token}", "fr")
    assert (entity, text) == ("TOKEN", token)
    assert "un jeton d'accès" in message


def test_a_generated_value_given_as_basic_credentials_is_a_token(checker: Checker) -> None:
    text = f"Nightly export without the UI: curl -u reporting:{HEX40} https://api.example.com/v2/exports"
    assert [(e, t) for e, t, _ in secret_findings(checker, text)] == [("TOKEN", HEX40)]
    assert "an access token" in secret_findings(checker, text)[0][2]
    chosen = "Nightly export without the UI: curl -u reporting:Hibiscus-42! https://api.example.com/v2/exports"
    assert [(e, t) for e, t, _ in secret_findings(checker, chosen)] == [("PASSWORD", "Hibiscus-42!")]


def test_a_login_commands_user_and_password_options_are_basic_credentials(checker: Checker) -> None:
    # "-u X -p Y" on any tool's login: a robot account's generated value of a token's length is a token, as after
    # curl -u; a chosen password stays a password
    text = f"docker login registry.example.com -u robot$ci -p {RANDOM} works from the runner"
    assert [(e, t) for e, t, _ in secret_findings(checker, text)] == [("TOKEN", RANDOM)]
    chosen = "az login -u ops@example.com -p Hibiscus-42! marche pas"
    assert [(e, t) for e, t, _ in secret_findings(checker, chosen, "fr")] == [("PASSWORD", "Hibiscus-42!")]


def secret_candidates(checker: Checker, text: str) -> list[tuple[str, str]]:
    """(family, text) of what the charter's secrets rules find, before findings of different rules are merged."""
    from charterguard.detectors.secrets import SecretsDetector

    detectors = [r.detector for r in checker.charter.rules if isinstance(r.detector, SecretsDetector)]
    return sorted((c.family, text[c.start : c.end]) for d in detectors for c in d.candidates(text))


def test_a_link_with_credentials_to_an_internal_host_gives_its_password_and_the_whole_link(checker: Checker) -> None:
    link = "mysql://etl:Chou-Fleur-77@db-07.acme.intra:3306/sales"
    text = f"The ETL still reads {link} until Monday"
    assert secret_candidates(checker, text) == [("CONNECTION_STRING", "Chou-Fleur-77"), ("INTERNAL_URL", link)]
    assert "Chou-Fleur-77" not in checker.check(text, lang="en").redacted


def test_a_link_on_a_private_ip_is_an_internal_link_the_address_alone_an_internal_host(checker: Checker) -> None:
    assert secret_candidates(checker, "Kibana: http://10.31.4.22:5601/app/discover") == [("INTERNAL_URL", "http://10.31.4.22:5601/app/discover")]
    assert secret_candidates(checker, "Le NAS répond sur 10.31.4.22:5000") == [("INTERNAL_HOST", "10.31.4.22:5000")]

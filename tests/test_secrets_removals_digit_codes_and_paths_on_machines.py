"""Keys pasted in a request to remove them, Oracle-style connection strings, secrets an aside follows, codes read out as
digit words, the commonest passwords cited as statistics, paths said to be on a named machine, key files inside a
repository (`secrets` rule kind).

Each mechanism with the look-alikes it must leave alone: the docs' EXAMPLE keys, a sample key asked out of the docs,
promo and error codes, counts, advice, a password said to be a system's, platforms a path is "on", system paths,
source files, test fixtures.
"""

from __future__ import annotations

import pytest
from conftest import SecretsFound

SECRETS = SecretsFound()
credentials = SECRETS.credentials
infrastructure = SECRETS.infrastructure


# -- a key pasted in a request to remove it --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Reviewer here: please delete `STRIPE_SECRET=Rv7Lq2xT9mKp4Wc8Zb1Nf6Hd3Js0Ya5E` from the README before merging", "Rv7Lq2xT9mKp4Wc8Zb1Nf6Hd3Js0Ya5E"),
        ("Merci de retirer AKIAQH7TZ2MWX4PLRN3C du README, elle est encore active", "AKIAQH7TZ2MWX4PLRN3C"),
        ("Can someone strip AKIAQH7TZ2MWX4PLRN3C out of the docs? It was in the onboarding page", "AKIAQH7TZ2MWX4PLRN3C"),
    ],
)
def test_a_live_key_asked_out_of_the_docs_is_leaked_by_the_post(text: str, secret: str) -> None:
    assert secret in [value for _, value in credentials(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Please remove AKIAIOSFODNN7EXAMPLE from the README, it is the AWS docs example anyway",  # the docs' own sample
        "remove the sample key Rv7Lq2xT9mKp4Wc8Zb1Nf6Hd3Js0Ya5E from the docs, it confuses people",  # called a sample
        "I pasted STRIPE_SECRET=Rv7Lq2xT9mKp4Wc8Zb1Nf6Hd3Js0Ya5E straight from the README of the tutorial",  # copied from the docs
        "We removed the leaked key from the README yesterday and rotated it.",  # no key shown
    ],
)
def test_samples_and_removals_with_no_key_shown_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- an Oracle (ODP.NET) connection string ---------------------------------------------------------------------------


def test_an_oracle_data_source_gives_its_host_and_a_connection_strings_password() -> None:
    text = "Pour le reporting : Data Source=oraprd07:1521/FINPRD;User Id=report_ro;Password=Kt4#vLq9w; merci de ne pas le partager"
    assert ("CONNECTION_STRING", "Kt4#vLq9w") in credentials(text)
    assert ("INTERNAL_HOST", "oraprd07") in infrastructure(text)


def test_a_login_list_with_no_server_stays_a_password() -> None:
    assert credentials("my login for the lab: user=jdoe;password=Kt4#vLq9w") == [("PASSWORD", "Kt4#vLq9w")]


def test_a_local_data_source_names_no_internal_host() -> None:
    assert infrastructure("Data Source=localhost:1521/XE;User Id=system;Password=Kt4#vLq9w;") == []


# -- an aside between a secret's name and its value ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Secret de signature du webhook (à coller dans le coffre, surtout pas dans le code) : mQ7xR2vL9tK4pW8zB1nF6hD3jS0yA5cE",
        "HMAC secret for the billing callbacks (keep it out of the code please): mQ7xR2vL9tK4pW8zB1nF6hD3jS0yA5cE",
    ],
)
def test_an_aside_in_parentheses_does_not_name_the_secret(text: str) -> None:
    assert credentials(text) == [("API_KEY", "mQ7xR2vL9tK4pW8zB1nF6hD3jS0yA5cE")]


def test_the_words_outside_the_aside_still_decide() -> None:
    text = "bot token (the one for the alerts channel): mQ7xR2vL9tK4pW8zB1nF6hD3jS0yA5cE"
    assert credentials(text) == [("TOKEN", "mQ7xR2vL9tK4pW8zB1nF6hD3jS0yA5cE")]


# -- a code read out as digit words ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The code for the bike shed is seven two two eight, don't tell the interns", "seven two two eight"),
        ("Le digicode du local vélo c'est neuf-un-quatre-zéro, ne le dites à personne", "neuf-un-quatre-zéro"),
        ("PIN of the shared phone: three, oh, six, one", "three, oh, six, one"),
    ],
)
def test_a_code_read_out_as_digit_words_is_a_password(text: str, code: str) -> None:
    assert ("PASSWORD", code) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "the promo code is five five one two, enjoy the sale",  # a promo code
        "error code: four oh four again on the status page",  # an error, three words
        "the new code is three times faster than the old one",  # a count
        "for example a PIN like one two three four is a terrible idea",  # an example
        "the code review took four hours, then two more",  # no digits read out
        "the luggage code is one two three four five, the oldest joke in the film",  # a typed sequence, 12345
    ],
)
def test_numbers_in_words_that_are_no_code_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- the commonest passwords cited as a statistic --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Des millions de gens utilisent encore « 123456 » comme mot de passe, d'après l'étude annuelle.",
        "Users still pick 'qwerty' as their password, says the yearly ranking of leaked passwords.",
    ],
)
def test_the_commonest_passwords_cited_of_people_in_general_are_not_a_leak(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("Notre borne wifi a toujours « 123456 » comme mot de passe, même si les gens utilisent pire", "123456"),
        ("my password is still azerty, people use worse", "azerty"),
        ("our NAS password is still 123456, users pick worse", "123456"),
    ],
)
def test_a_common_password_said_to_be_ones_own_or_a_systems_stays_flagged(text: str, password: str) -> None:
    assert ("PASSWORD", password) in credentials(text)


# -- a path said to be on a named machine ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "host"),
    [
        ("the weekly payroll dump is written to /exports/paie/hebdo/paie.csv on batch03, grab it there", "/exports/paie/hebdo/paie.csv", "batch03"),
        ("Les rapports arrivent dans /srv/reporting/ventes/ sur bi-app-prd chaque matin", "/srv/reporting/ventes/", "bi-app-prd"),
        ("logs rotate into /var/log/billing/ on web07 at midnight", None, "web07"),
    ],
)
def test_a_path_on_a_named_machine_gives_the_host_and_the_path(text: str, path: str | None, host: str) -> None:
    found = infrastructure(text)
    assert ("INTERNAL_HOST", host) in found
    if path is not None:
        assert ("FILE_PATH", path) in found


@pytest.mark.parametrize(
    "text",
    [
        "the binary goes to /usr/local/bin on Ubuntu",  # a platform, a system path
        "put the tool in /usr/local/bin on ubuntu22",  # a platform's version
        "les scripts sont dans /outils/build/release sur GitHub",  # a public host
        "the build ends in /builds/app/release on prod",  # an environment, no machine
        "the files end up in /exports/public/daily on Linux",
        "the endpoint /api/v2/invoices on staging2 answers 502 since noon",  # an API's route, an environment
        "la page /fr/boutique/soldes sur site3 est cassée",  # a site's page
    ],
)
def test_paths_on_platforms_and_words_name_no_machine(text: str) -> None:
    assert infrastructure(text) == []


# -- a key file inside a repository ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["infra/helm/secrets/payments-prod/client.pem", "ops/credentials/sftp/partner.key"],
)
def test_a_key_files_place_in_a_repository_is_a_file_path(path: str) -> None:
    assert ("FILE_PATH", path) in infrastructure(f"heads up, someone pushed {path} to main, rotate it")


@pytest.mark.parametrize(
    "text",
    [
        "see src/app/main.py and docs/secrets/rotation.md for how we rotate",  # source and docs files
        "tests/fixtures/secrets/self-signed.key is a throwaway key for the unit tests",  # a test's key
        "the chart mounts secrets/tls.key",  # no repository path around it
    ],
)
def test_source_docs_and_test_keys_are_no_file_path(text: str) -> None:
    assert infrastructure(text) == []

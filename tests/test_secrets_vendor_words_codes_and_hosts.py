"""Round s18 (holdout22's kinds), `secrets` rule kind: a vendor's prefix read from the catalogue whatever its body, a
session cookie's value, an Azure DevOps PAT with any digit; codes set or changed to a value; quoted passphrases after a
login; a password's label holding a mailbox's fragment; machines named by a tool or role word and a number; credentialed
links on a single-label host; a SAP system's own paths.

Each mechanism with the look-alikes it must leave alone.
"""

from __future__ import annotations

import pytest
from conftest import SecretsFound

SECRETS = SecretsFound()
credentials = SECRETS.credentials
infrastructure = SECRETS.infrastructure


# -- a vendor's prefix decides the family, whatever its body; else the word naming it ---------------------------------


@pytest.mark.parametrize(
    ("text", "secret", "family"),
    [
        # (a Hugging Face token whose body holds digits: the catalogue's prefix still says it is Hugging Face's token)
        ("Training finished, the notebook still logs in with hf_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL, sorry", "hf_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL", "TOKEN"),
        ("Le jeton Hugging Face de l'atelier (hf_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL) marche encore", "hf_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL", "TOKEN"),
        # (a Hugging Face organisation token with digits: Hugging Face calls it a token, though its prefix names none)
        ("the org still reads datasets with api_org_NhFdnXsiVpzz63FfkCzJr4i0B3JrTAwRk2 today", "api_org_NhFdnXsiVpzz63FfkCzJr4i0B3JrTAwRk2", "TOKEN"),
        # (a vendor the catalogue does not know: its prefix's word, a key unless it names a token)
        ("staging uses zq_NhFdnXsiVpzz63FfkCzJr4i0B3JrTAwR for now", "zq_NhFdnXsiVpzz63FfkCzJr4i0B3JrTAwR", "API_KEY"),
    ],
)
def test_a_vendor_prefixed_token_takes_the_vendors_word(text: str, secret: str, family: str) -> None:
    assert (family, secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Call hf_hub_download() then hf_transfer for big files.",  # a library's functions
        "the cus_NhFdnXsiVpzz63FfkCzJr4i0 customer object",  # a Stripe object id
    ],
)
def test_prefixed_identifiers_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- a cookie's or a session's value is a token -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "pasted my cookie session=WJKY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Qwb8Dwk into curl and it works",
        "Le cookie d'auth copié depuis le navigateur : WJKY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Qwb8Dwk",
        "sessionid: WJKY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Qwb8Dwk",
    ],
)
def test_a_session_cookie_is_a_token(text: str) -> None:
    assert credentials(text) == [("TOKEN", "WJKY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Qwb8Dwk")]


@pytest.mark.parametrize(
    "text",
    [
        "We accept cookies. Session recap: https://example.com/recap",
        "Cookie banner version 2026-12 shipped; session 4 of the workshop starts at 10.",
        "session commit c74254770f58904dba41ecccc3fc1626e53a1304 fixed it",  # a commit named nearer
    ],
)
def test_cookies_and_sessions_named_without_a_value_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- an Azure DevOps PAT, older base32 or with any digit ---------------------------------------------------------------


def test_an_azure_devops_pat_with_any_digit_is_a_token() -> None:
    text = "ADO pipeline broke, here's my PAT: dzdoc9is0j8ht9lgmxg9edn581u33xtplpft75v2seh60kvj50ce (revoking tonight)"
    assert credentials(text) == [("TOKEN", "dzdoc9is0j8ht9lgmxg9edn581u33xtplpft75v2seh60kvj50ce")]


@pytest.mark.parametrize(
    "text",
    [
        # (52 hex digits: a digest, whatever the PAT said before)
        "PAT rotation done, audit digest c74254770f58904dba41ecccc3fc1626e53a13043b026c48bbf3",
        # (52 characters with no PAT word on the line)
        "build artefact dzdoc9is0j8ht9lgmxg9edn581u33xtplpft75v2seh60kvj50ce uploaded",
    ],
)
def test_52_characters_without_a_pat_or_as_hex_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- a code set or changed to a value ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Whoever reset the alarm code to 6614# last night: the night guard says thanks", "6614#"),
        ("The depot gate code got changed to 3309 this morning.", "3309"),
        ("Someone changed the warehouse gate code to 8120 and told nobody", "8120"),
        ("facilities reprogrammed the keypad code to 4417* after the audit", "4417*"),
        ("j'ai changé le digicode du local vélo en 7710B ce matin", "7710B"),
        ("le code du portail est passé à 5582 depuis lundi", "5582"),
        ("Facilities switched the building entry code to 2290 overnight", "2290"),
    ],
)
def test_a_code_set_or_changed_to_a_value_is_a_password(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Someone changed the deadline to 0731, nobody told the team.",  # no code word
        "Our code of conduct was updated in 2024.",  # a year, no value set
        "IT changed the error code to 0x80070005 in the runbook.",  # an error code
        "She changed the postal code to 75011 on the invoice.",  # a postal code
        "Marketing changed the promo code to SUMMER24 for the weekend.",  # a promo code
        "I sent the door code to 1200 people by mistake, don't ask.",  # a count, no change
        "They moved the printer code to 2026 in the planning.",  # a year
        "the badge code to 4471 is wrong",  # "to" with no change verb
    ],
)
def test_other_values_set_near_a_code_word_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- a login said to be a quoted phrase --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The lobby tablet login is literally 'seven green kettles 41', tell no one.", "seven green kettles 41"),
        ("l'identifiant de la borne c'est « trois chats gris au soleil »", "trois chats gris au soleil"),
    ],
)
def test_a_quoted_phrase_given_as_a_login_is_a_password(text: str, secret: str) -> None:
    assert credentials(text) == [("PASSWORD", secret)]


@pytest.mark.parametrize(
    "text",
    [
        "the kiosk login is 'mhartley'",  # one word: a user name
        "the login page is 'Acme Self Service'",  # a page's name
        "Login: 'Welcome back, friend'",  # a greeting
        "pick a login like 'correct horse battery staple' if you must",  # an example
        "the login for the kiosk is 'Kiosk Mode 2'",  # a name in capitals
        "la connexion est « très lente ce matin »",  # a network connection
    ],
)
def test_quoted_words_that_are_no_login_phrase_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- a password's label holding a mailbox's name --------------------------------------------------------------------


def test_a_mailbox_name_in_the_label_does_not_hide_the_password() -> None:
    text = "Nouveau mot de passe de la boîte partagée compta@ depuis l'incident de ce matin : Lyon69@Acme. Noté dans le coffre."
    assert credentials(text) == [("PASSWORD", "Lyon69@Acme")]


def test_an_address_in_the_label_is_not_the_password() -> None:
    assert credentials("password reset link sent to support@acme.fr, check your inbox") == []


# -- a machine named by a tool or role word and a number ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Nightly jobs moved to gitlab-worker-07 until the SAN is back.", "gitlab-worker-07"),
        ("la réplication reprend sur pg-replica-02 demain matin", "pg-replica-02"),
        ("anyone else unable to reach kafka-broker-3 from the VPN?", "kafka-broker-3"),
        ("mongo-03 a redémarré tout seul cette nuit", "mongo-03"),
        ("Deploys go through (nginx-proxy-12) now.", "nginx-proxy-12"),
    ],
)
def test_a_machine_named_by_its_tool_or_role_and_a_number_is_an_internal_host(text: str, host: str) -> None:
    assert ("INTERNAL_HOST", host) in infrastructure(text)


@pytest.mark.parametrize(
    "text",
    [
        "Upgraded to the iphone-15 and an rtx-4090, then flew on a boeing 737-800.",  # products
        "COVID-19 took the A-380 off the schedule; covid-19 again.",  # a disease, an aircraft
        "Loved #redis-cache-03 as a hashtag, weird choice.",  # a hashtag
        "sprint-dev-12 retro and api-day-2 slides are up",  # a sprint, an event
        "web-3 is the future, build-2 passed, node-18 is EOL",  # two parts, no zero-padded number of a service
        "release-build-2026 shipped",  # a year, not a machine's number
        "The password Az!ure_etl_77 leaked, rotate it",  # the end of a longer token
    ],
)
def test_numbered_names_that_are_no_machine_stay_clean(text: str) -> None:
    assert infrastructure(text) == []


# -- a link with credentials on a single-label host ---------------------------------------------------------------------


def test_a_credentialed_link_on_a_single_label_host_is_an_internal_url() -> None:
    text = "Finance dashboards read from mysql://bi_ro:Tq8#pLm2vX@finreport:3306/ledger since Monday."
    assert ("INTERNAL_URL", "mysql://bi_ro:Tq8#pLm2vX@finreport:3306/ledger") in infrastructure(text)


@pytest.mark.parametrize(
    "text",
    [
        "docker-compose: DATABASE_URL=postgres://app:Tq8pLm2vX@postgres:5432/app",  # a container named after its software
        "exemple : postgresql://utilisateur:motdepasse@hote:5432/base",  # the docs' placeholders
        "mongodb://<user>:<password>@mongo:27017/db",  # a template
        "redis://cache:6379/0 in the tutorial",  # no credentials, a container's name
    ],
)
def test_tutorial_and_template_links_on_single_label_hosts_stay_clean(text: str) -> None:
    assert [family for family, _ in infrastructure(text)] == []


# -- a path naming an installation's own system id ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("Dumps are piling up in /usr/sap/QAS/D00/work, someone clean it", "/usr/sap/QAS/D00/work"),
        ("le profil est dans /sapmnt/EC1/profile depuis la migration", "/sapmnt/EC1/profile"),
        ("HANA volume /hana/shared/HP1/ is at 97%", "/hana/shared/HP1/"),
    ],
)
def test_a_path_naming_a_system_id_is_a_file_path(text: str, path: str) -> None:
    assert ("FILE_PATH", path) in infrastructure(text)


@pytest.mark.parametrize(
    "text",
    [
        "the host agent lives in /usr/sap/hostctrl/exe on every box",  # SAP's own agent, the same everywhere
        "put it in /usr/local/bin and chmod +x",  # a system path
        "transport files go to /usr/sap/trans/data",  # a shared, lower-case folder
    ],
)
def test_system_paths_without_a_system_id_stay_clean(text: str) -> None:
    assert infrastructure(text) == []


# -- dev18's kinds: a code typed then "it opens", a lock's code in parentheses, a device then its code word -------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Reader at the loading bay is broken. Workaround: key in 6632 then the star key and it unlocks.", "6632"),
        ("Le lecteur de badge est HS, tapez 8145 puis dièse et ça s'ouvre.", "8145"),
        ("my locker PIN is the same as the archive room door (5519), lazy me", "5519"),
        ("Relève d'astreinte : la tablette est dans l'armoire grise, code PIN 7302, le chargeur à côté.", "7302"),
        ("the on-call laptop sits in the top drawer, PIN 4410, charger beside it", "4410"),
    ],
)
def test_codes_told_by_what_they_open_are_passwords(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "press 4 and it opens the settings menu",  # one key, no code
        "enter 1234 and it opens, as in every tutorial",  # a typed sequence
        "the printer (model 4020) is jammed again",  # a model number
        "the door (2019) was repainted last week",  # a year
        "my phone shows error code 5100 again",  # an error code
        "le téléphone est chez l'opérateur, code postal 75011",  # a postal code
    ],
)
def test_numbers_beside_doors_and_devices_that_open_nothing_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- an address beside the machine a terminal is connected to -------------------------------------------------------------


def test_an_address_a_terminal_is_connected_to_is_no_version_number() -> None:
    text = "Banner reads 'Connected to ci-agent-31 (10.44.7.19)', build passed in 40s."
    assert ("INTERNAL_HOST", "10.44.7.19") in infrastructure(text)


def test_a_version_in_a_build_sentence_stays_clean() -> None:
    assert infrastructure("Firmware 10.4.2.17 is rolled out, build 10.4.2.18 comes next week.") == []


# -- a password spelled out, item by item ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ana is off today; her password is lowercase k, walnut, four two, hash sign - please log in for her.",
         "lowercase k, walnut, four two, hash sign"),
        ("Compte partagé de l'accueil : mot de passe T comme Thomas, o, u, l, o, n, 8, 3. Ne le changez pas.",
         "T comme Thomas, o, u, l, o, n, 8, 3"),
        ("the kiosk pw: R as in Romeo, 4, 4, q, underscore, z.", "R as in Romeo, 4, 4, q, underscore, z"),
    ],
)
def test_a_password_spelled_out_is_found_whole(text: str, secret: str) -> None:
    assert credentials(text) == [("PASSWORD", secret)]


@pytest.mark.parametrize(
    "text",
    [
        "A good password should be long, random, unique.",  # words about it
        "Password rules: a capital, a digit, a symbol.",  # what it must hold
        "my password manager is great, simple, cheap.",  # a list of adjectives
        "never use a password like a, b, c, 1, 2, 9",  # advice
    ],
)
def test_lists_after_a_password_word_that_spell_nothing_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- a file named after the secret it holds, under a secrets folder --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("First boot? the unlock password sits in /var/lib/nexus/secrets/admin.password.txt on the box", "/var/lib/nexus/secrets/admin.password.txt"),
        ("the deploy job reads /run/secrets/smtp_password at start", "/run/secrets/smtp_password"),
        ("le jeton est rangé dans infra/credentials/prod/registry-token.json", "infra/credentials/prod/registry-token.json"),
    ],
)
def test_a_file_named_after_its_secret_under_a_secrets_folder_is_a_file_path(text: str, path: str) -> None:
    assert ("FILE_PATH", path) in infrastructure(text)


@pytest.mark.parametrize(
    "text",
    [
        "refactored src/secrets/token_manager.py and docs/secrets/password-policy.md",  # code and docs about secrets
        "the key lives under /etc/ssl/private as usual",  # a folder every system has, no file
        "tests/fixtures/secrets/api_token.txt is a fake for the unit tests",  # a test's fixture
    ],
)
def test_code_docs_and_fixtures_about_secrets_stay_clean(text: str) -> None:
    assert [family for family, _ in infrastructure(text) if family == "FILE_PATH"] == []


# -- a password assembled from quoted parts, then given whole ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Shared Figma account: it's 'blue' then 'Fox' plus the year, so blueFox2026.", "blueFox2026"),
        ("Accès au compte Miro de l'équipe : « nuage » puis « Gris » et 77 à la fin, donc nuageGris77. Merci !", "nuageGris77"),
    ],
)
def test_a_password_assembled_from_quoted_parts_is_found(text: str, secret: str) -> None:
    assert credentials(text) == [("PASSWORD", secret)]


@pytest.mark.parametrize(
    "text",
    [
        "The hashtag is 'acme' then 'Days', so #acmeDays2026 everywhere.",  # no account named
        "Our slogan: 'fast' then 'safe', so fastsafe2026 is the campaign code.",  # a campaign
        "For the account, e.g. 'blue' then 'Fox' plus the year, so blueFox2026.",  # an example
        "For the account, think 'sun' then 'moon', so starlight42.",  # the parts are not in the value
    ],
)
def test_values_not_assembled_from_an_accounts_quoted_parts_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- vendor prefixes of gitleaks' catalogue added in round s18 --------------------------------------------------------------

_YANDEX_IAM = "t1.575yx8xm5MslfY5ubiheyEd7P4zDL-ak6J0kGODK.dinZnLXicaBAg8WY1jzIRlNQb0prFmbh7_wy5yq1XoY1BaIMcAxYmfsB4HbQLXjjlAFbVV6q9rXxtNDFyuzX9k"
_AZURE_DEVOPS_PAT_2024 = "AdggcG9qpVTzqA05MFsHl7UeioEJP2NNern66nVberACpdclsxHKifxi5CvQUSHL8iLc7bE6wSt9AZDOcbMO"
_YANDEX_STATIC_SECRET = "YCj9iNOrjj5VfqRTk8j1d-bWWbjkloG1QX647kdN"


@pytest.mark.parametrize(
    ("text", "secret", "family"),
    [
        (f"oops, pasted {_YANDEX_IAM} in the wrong chat", _YANDEX_IAM, "TOKEN"),
        (f"found this in the CI log: {_AZURE_DEVOPS_PAT_2024}", _AZURE_DEVOPS_PAT_2024, "TOKEN"),
        (f"Yandex storage for the export: {_YANDEX_STATIC_SECRET}", _YANDEX_STATIC_SECRET, "API_KEY"),
    ],
)
def test_newer_vendor_shapes_are_found_with_the_vendors_word(text: str, secret: str, family: str) -> None:
    assert (family, secret) in credentials(text)


def test_a_yc_shaped_value_without_yandex_named_stays_clean() -> None:
    assert credentials(f"build id {_YANDEX_STATIC_SECRET} passed") == []


# -- a lock's combination said with its possessive --------------------------------------------------------------------------


def test_a_combination_given_after_the_locks_possessive_is_a_password() -> None:
    assert credentials("Whoever took the depot locker's combo — it's 14-52-07, put it back.") == [("PASSWORD", "14-52-07")]


@pytest.mark.parametrize(
    "text",
    [
        "the safe's combination was changed yesterday, ask Ana",  # no value
        "the lock's combination is easy to guess, pick a better one",  # advice, no value
    ],
)
def test_a_locks_possessive_without_a_combination_stays_clean(text: str) -> None:
    assert credentials(text) == []

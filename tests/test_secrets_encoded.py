"""Secrets hidden by an encoding (`secrets.encoded`): a base64 value given to a field is judged by what it decodes to.

A Kubernetes Secret's `data:`, a Helm values file, a docker config and an `Authorization: Basic` header encode their
values; the decoded value meets the same shape and family rules as any other. Encoded placeholders and encoded
ordinary text (a logo, a tutorial's sentence, a config file with no secret in it) stay clean.
"""

from __future__ import annotations

import base64

import pytest
from conftest import charter_from
from test_secrets import SECRETS_ONLY, secrets

from charterguard import Checker
from charterguard.secrets.shape import decoded_text, encodes_a_placeholder, plainly_encoded


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(charter_from(SECRETS_ONLY))


def test_decoding_is_bounded_and_refuses_what_is_no_text() -> None:
    assert decoded_text(b64("Rouge-Gorge-12")) == "Rouge-Gorge-12"
    assert decoded_text("iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB") is None  # an image's bytes
    assert decoded_text("Hunter22") is None  # a typed password is seldom base64 of text
    assert decoded_text(b64("a" * 9000)) is None  # longer than any value worth decoding


def test_only_a_plain_encoding_is_decoded() -> None:
    assert plainly_encoded(b64("Tilleul-88") + "", said=True) == "Tilleul-88"
    assert plainly_encoded(b64("svc:Tilleul-88"), said=False) == "svc:Tilleul-88"  # a pair is structured text
    assert plainly_encoded("Q2FyYW1lbDk5", said=False) is None  # unpadded, unstructured, nothing says it is encoded


@pytest.mark.parametrize(
    ("text", "family", "value"),
    [
        # a Kubernetes Secret's data
        ("kind: Secret\nmetadata:\n  name: crm\ndata:\n  user: " + b64("crm") + "\n  password: " + b64("Tilleul-Vert-88") + "\n",
         "PASSWORD", b64("Tilleul-Vert-88")),
        ("data:\n  api-token: " + b64("Zr4kP9mQ2xVt7LwB3nHc8sYd5Fg1Je6A") + "\n", "TOKEN", b64("Zr4kP9mQ2xVt7LwB3nHc8sYd5Fg1Je6A")),
        # a Helm values file, the password a passphrase of words
        ("dans notre values-recette.yaml :\nmail:\n  relayPassword: " + b64("marmotte sous la neige") + "\n",
         "PASSWORD", b64("marmotte sous la neige")),
        # a field that names nothing, whose decoded text holds a connection URL with its password
        ("data:\n  APP_DSN: " + b64("mysql://shop:Gland-Roux-7@10.3.8.14:3306/shop") + "\n",
         "CONNECTION_STRING", b64("mysql://shop:Gland-Roux-7@10.3.8.14:3306/shop")),
        # ... or an env file's vendor key
        ("data:\n  app.env: " + b64("PAYMENT_KEY=rk_live_7Hq2Zx9eTvKYlo4C1fG8uRqW\nLOG=info") + "\n",
         "API_KEY", b64("PAYMENT_KEY=rk_live_7Hq2Zx9eTvKYlo4C1fG8uRqW\nLOG=info")),
        # a docker config's auth: "user:password" encoded
        ('{"auths": {"harbor.acme.intra": {"auth": "' + b64("robot-ci:Sapin#Bleu44") + '"}}}', "TOKEN", b64("robot-ci:Sapin#Bleu44")),
    ],
)
def test_an_encoded_secret_is_found_by_what_it_decodes_to(checker: Checker, text: str, family: str, value: str) -> None:
    assert (family, value) in secrets(checker, text)


def test_a_docker_config_encoded_whole_is_found_through_both_encodings(checker: Checker) -> None:
    inner = '{"auths":{"harbor.acme.intra":{"auth":"' + b64("robot-ci:Sapin#Bleu44") + '"}}}'
    text = "kubectl get secret pull-creds -o yaml\n.dockerconfigjson: " + b64(inner)
    assert secrets(checker, text) == [("TOKEN", b64(inner))]  # a docker config's auth, as found decoded


def test_a_document_encoded_whole_takes_the_family_of_the_secret_it_holds_not_a_tokens(checker: Checker) -> None:
    # base64 of a JSON object opens "eyJ" as a JWT does, but a document holding a password is no token
    inner = '{"auths":{"harbor.acme.intra":{"username":"robot-ci","password":"Sapin#Bleu44-Vert"}}}'
    text = "kubectl get secret pull-creds -o yaml\n.dockerconfigjson: " + b64(inner)
    assert secrets(checker, text) == [("PASSWORD", b64(inner))]
    # a token encoded once more stays a token
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY21lIn0.kX3v9Qz2LmP8wT4yR7uB1nC6dF0gH5jK"
    assert secrets(checker, "data:\n  token: " + b64(jwt) + "\n") == [("TOKEN", b64(jwt))]


@pytest.mark.parametrize(
    "text",
    [
        # encoded placeholders: the docs', not anyone's password
        "data:\n  password: " + b64("changeme") + "\n",
        "data:\n  db-password: " + b64("<mot-de-passe>") + "\n",
        "curl -H 'Authorization: Basic " + b64("user:<password>") + "' https://api.example.com",
        # encoded ordinary text
        "data:\n  settings.ini: " + b64("[log]\nlevel = debug\nretries = 3") + "\n",
        "Petit rappel du cours : base64 de « salut la compagnie » donne " + b64("salut la compagnie") + ", rien de secret",
        "The logo as a data URI: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "data:\n  replicas: " + b64("3") + "\n  region: " + b64("eu-west-3") + "\n",
    ],
)
def test_encoded_placeholders_and_ordinary_text_stay_clean(checker: Checker, text: str) -> None:
    assert secrets(checker, text) == []


def test_an_encoded_placeholder_is_known_whatever_found_it() -> None:
    assert encodes_a_placeholder(b64("xxxxxxxx"), said=True)
    assert encodes_a_placeholder(b64("admin:${ADMIN_PASSWORD}"), said=False)
    assert not encodes_a_placeholder(b64("admin:Brise-Marine-9"), said=False)
    assert not encodes_a_placeholder(b64('{"k":"Zr4kP9mQ2xVt7LwB3nHc8sYd","id":1}'), said=False)  # a JSON object is no {placeholder}


def test_basic_credentials_are_judged_by_their_decoded_password(checker: Checker) -> None:
    assert secrets(checker, "Authorization: Basic " + b64("sonde:Brise-Marine-9")) == [("TOKEN", b64("sonde:Brise-Marine-9"))]
    assert secrets(checker, "Authorization: Basic " + b64("sonde:")) == []


def test_an_encoded_passphrase_under_a_password_word_is_not_dropped_as_prose(checker: Checker) -> None:
    value = b64("quatre mots au hasard")
    assert [v for _, v in secrets(checker, f"the backup passphrase, base64-encoded: {value}")] == [value]
    assert secrets(checker, f"Exercice : décodez {value} pour trouver la devinette") == []

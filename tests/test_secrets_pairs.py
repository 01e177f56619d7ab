"""Both halves of a key pair, and a value far from the word announcing it (`secrets` rule kind, every finder,
overlaps resolved), with the look-alikes each way must leave alone.

- the identifying half of a pair is a credential's half: named an access key id ("access key id: X"), or named an
  auth or access id, a key id or "access" with the secret half given after it ("Auth ID X, Auth Token Y", "accessId=X
  accessKey=Y", "keyID X ... applicationKey Y", "access X / secret Y" with no vendor prefix: S3-compatible storage);
  the secret half is found as before, and its label ("secret") is never read as a password;
- a key or token word, then a long random value later in the same sentence, a relative clause between them
  ("token du bot qui poste les alertes dans le canal #incidents : X").
"""

from __future__ import annotations

import time

import pytest
from conftest import every_family_secrets_detector

DETECTOR = every_family_secrets_detector()

ACCESS_ID = "Q7RZK2M9XW4T8BVN3HJC"  # 20 capitals and digits, as S3-compatible access key ids are
SECRET = "mK8vQ2xR7tL4wZ9pN3bH6cJ1dF5gS0aYeU2iO8kV"  # 40, both cases and digits


def found(text: str) -> list[tuple[str, str]]:
    return [(c.family, text[c.start : c.end]) for c in DETECTOR.candidates(text)]


@pytest.mark.parametrize(
    ("text", "halves"),
    [
        # "access X / secret Y", no vendor prefix: both halves are the account's API key
        (f"Bucket MinIO de la recette, dans Cyberduck : access {ACCESS_ID} / secret {SECRET}", [ACCESS_ID, SECRET]),
        (f"Wasabi for the raw footage: access key {ACCESS_ID}, secret key {SECRET}", [ACCESS_ID, SECRET]),
        # an id named by an auth or access word, whatever the syntax
        (f"Les accès du fournisseur SMS : Auth ID {ACCESS_ID}, Auth Token {SECRET}", [ACCESS_ID, SECRET]),
        (f"collector.conf: accessId=Xk4pQ9mZ2vRw7t accessKey={SECRET}", ["Xk4pQ9mZ2vRw7t", SECRET]),
        (f"the storage access key id: {ACCESS_ID} (secret in the vault)", [ACCESS_ID]),
        # "key id" with the secret half given after it, on the next line of a chat
        (f"[10:43] Tom : keyID 00a3f5c81e9d27b4c60f1e2d9\n[10:43] Tom : applicationKey {SECRET}", ["00a3f5c81e9d27b4c60f1e2d9", SECRET]),
    ],
)
def test_both_halves_of_a_key_pair_are_found(text: str, halves: list[str]) -> None:
    findings = found(text)
    assert [value for _, value in findings] == halves
    assert ("API_KEY", halves[0]) in findings


@pytest.mark.parametrize(
    "text",
    [
        # "access" as a word, not a pair's half
        "Need access to the repo ASAP, the ticket is OPS-2231",
        "access denied for user jdupont2026 / secret santa list is in the drive",
        "The Auth ID field is shown on the console's home page",
        "Access ID cards are handed out at reception on Monday",
        # a payment's authorization id: no secret half given
        "Transaction approved, auth id 7F3A9C2B, receipt sent",
        "Paiement accepté : numéro d'autorisation, auth ID 4B7E2A9D",
        # an id that is a number or a word
        "accessId=12345678901234 in the audit log",
        "auth id: customer-support-team",
        # a key id with no secret half given, or public key material's id
        "The key id 7F3A19C2D4E5B6A8 is on the keyserver",
        "gpg key ID 3AA5C34371567BD2, then export the secret key with --armor for the backup",
    ],
)
def test_access_and_id_words_without_a_key_stay_clean(text: str) -> None:
    assert found(text) == []


def test_a_login_and_password_after_the_word_access_are_still_a_password() -> None:
    assert ("PASSWORD", "Ch0colat!ne42") in found("Pour l'accès au NAS : admin / Ch0colat!ne42")


@pytest.mark.parametrize(
    ("text", "family", "value"),
    [
        ("token du bot qui poste les alertes dans le canal #prod-incidents : eh6g3g3au7vlq4ngp55eicig3w si jamais",
         "TOKEN", "eh6g3g3au7vlq4ngp55eicig3w"),
        (f"the signing key that the billing service uses to check every webhook from the provider: {SECRET}", "API_KEY", SECRET),
    ],
)
def test_a_random_value_far_from_its_word_in_the_same_sentence_is_found(text: str, family: str, value: str) -> None:
    assert (family, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # a public identifier named between the word and the value
        "the token refresh job broke again in the pipeline last night, see commit 9f3c07be51d24a8e6b1fd0c3a7e45b2981c6f0de",
        # another sentence
        "On a renouvelé le token du bot hier. La vidéo de la démo : dQw4w9WgXcQ8pLmZ2vRw7tK9",
        # a link's pieces after a key or token word: the link readers' (a public page, a video)
        "Key takeaways from our offsite in Lyon with the whole product team and partners, video here: youtu.be/dQw4w9WgXcQ8pL",
        "The token economy talk was great, slides and replay for everyone: https://acme.com/r/Qm7ZkP2vXr9TwL4nHs8b",
        "Key takeaways, video: youtu.be/dQw4w9WgXcQ8pLmZ2vRw",
    ],
)
def test_a_value_far_from_a_key_word_but_named_otherwise_stays_clean(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "access " * 15_000 + "/ secret",
        "auth id " * 12_000,
        "keyID 0051ec03f8df38b0bfbdee7c2 secret_" * 2_500,
        "key id " + "k" * 90_000,
        "access A1B2C3D4E5F6G7H8 / " * 5_000,
        "token " + "du bot qui poste " * 6_000 + ": " + SECRET,
    ],
)
def test_the_pair_and_far_word_readers_take_linear_time(text: str) -> None:
    started = time.perf_counter()
    DETECTOR.candidates(text[:100_000])
    assert time.perf_counter() - started < 5.0

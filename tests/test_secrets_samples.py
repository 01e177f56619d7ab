"""Documented sample keys presented as such (`secrets.shape.is_documented_sample`): a vendor's published example key,
or any key the post's sentence calls the docs' sample, opens nothing; a live-looking key merely near the word
"example", or in another sentence than the one calling something a sample, stays a finding."""

from __future__ import annotations

import pytest
from conftest import charter_from
from test_secrets import SECRETS_ONLY, secrets

from charterguard import Checker
from charterguard.secrets.shape import PUBLISHED_SAMPLES, is_documented_sample


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(charter_from(SECRETS_ONLY))


@pytest.mark.parametrize(
    "text",
    [
        "En atelier on a décortiqué la clé d'exemple de la doc Stripe, sk_test_26PHem9AhJZvU623DfE1x4sd, rien de secret",
        "The sample key from the quickstart (sk_test_Qw8ErT5yU2iO9pA3sD6fG1hJ) is what the SDK's README uses",
        "Le jeton factice du support de cours : ghp_Zq8vX2mN4pL7sR9tU1wY3zA5bC6dE8fG0hK2",
        "The key sk_test_Pq9WmX2vL8rT4yZ6nB3cD7fG is straight from the payment provider's docs, don't panic",
        "Le jeton ghp_Zq8vX2mN4pL7sR9tU1wY3zA5bC6dE8fG0hK2 est tiré de la doc GitHub, pas de panique",
        "Slides du workshop : on décode ensemble eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    ],
)
def test_a_sample_the_post_presents_as_the_docs_stays_clean(checker: Checker, text: str) -> None:
    assert secrets(checker, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "for example" is a way of speaking
        ("For example, our billing token ghp_Zq8vX2mN4pL7sR9tU1wY3zA5bC6dE8fG0hK2 leaked last week", "ghp_Zq8vX2mN4pL7sR9tU1wY3zA5bC6dE8fG0hK2"),
        # the sample is named in another sentence
        ("Exemple de la doc ci-dessous. Notre vraie clé : sk_live_51Hq8Zx2eZvKYlo2C0fG7uTqWzz", "sk_live_51Hq8Zx2eZvKYlo2C0fG7uTqWzz"),
        # a live key is no sample, whatever the sentence calls it
        ("Sample payload from the docs with the key sk_live_51Hq8Zx2eZvKYlo2C0fG7uTqWzz that I used", "sk_live_51Hq8Zx2eZvKYlo2C0fG7uTqWzz"),
        # copied from somewhere else than the docs
        ("I copied our key sk_test_Pq9WmX2vL8rT4yZ6nB3cD7fG from the dashboard into the README", "sk_test_Pq9WmX2vL8rT4yZ6nB3cD7fG"),
        # a test key opens a test account: a secret
        ("Tests de paiement ok avec sk_test_Pq9WmX2vL8rT4yZ6nB3cD7fG, on passe en prod lundi", "sk_test_Pq9WmX2vL8rT4yZ6nB3cD7fG"),
    ],
)
def test_a_key_not_presented_as_a_sample_is_still_found(checker: Checker, text: str, value: str) -> None:
    assert value in [v for _, v in secrets(checker, text)]


def test_a_published_sample_is_the_docs_when_the_post_speaks_of_teaching_and_reported_when_pasted_alone() -> None:
    key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
    assert key in PUBLISHED_SAMPLES
    text = f"Formation sécu de ce matin, on a montré {key} pour expliquer test/live"
    assert is_documented_sample(key, text, text.index(key))
    config = f"STRIPE_SECRET_KEY={key}"
    assert not is_documented_sample(key, config, config.index(key))

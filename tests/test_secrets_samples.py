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


@pytest.mark.parametrize(
    "text",
    [
        "Slide 12 de la formation : un jeton GitHub ressemble à ghp_R4nd0mL00k1ngV4lu3F0rTh3Sl1d3sXyZ12 (valeur fictive), jamais à coller dans un ticket",
        "What a leaked key looks like: sk_test_9vKq2LmZ7wXp4RtY8nB3cD5f (made-up, of course) - report anything of that shape",
        "Exemple d'en-tête : Authorization: Bearer 7fGh2Kq9LmPz4RtX8vWb3NcY6dJs (pas un vrai jeton)",
    ],
)
def test_a_value_the_writer_labels_not_real_right_after_it_stays_clean(checker: Checker, text: str) -> None:
    assert secrets(checker, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # labelled real, or labelled in another sentence: it stays a finding
        ("Le jeton du bot de déploiement : ghp_R4nd0mL00k1ngV4lu3F0rTh3Sl1d3sXyZ12 (le vrai, celui de prod)", "ghp_R4nd0mL00k1ngV4lu3F0rTh3Sl1d3sXyZ12"),
        ("Deploy token ghp_R4nd0mL00k1ngV4lu3F0rTh3Sl1d3sXyZ12 is live. The screenshots in the wiki are made-up.", "ghp_R4nd0mL00k1ngV4lu3F0rTh3Sl1d3sXyZ12"),
        # a live key stays live whatever it is called
        ("Prod key sk_live_9vKq2LmZ7wXp4RtY8nB3cD5f (example of what not to paste!)", "sk_live_9vKq2LmZ7wXp4RtY8nB3cD5f"),
    ],
)
def test_a_value_labelled_real_or_labelled_elsewhere_is_still_found(checker: Checker, text: str, value: str) -> None:
    assert value in [found for _, found in secrets(checker, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Question en réunion : c'est quoi un mdp acceptable avec la nouvelle règle ? Réponse de la RSSI : un truc du style Mouette!Granit47Phare",
        "Réponse de l'équipe sécu à « c'est quoi un bon mdp ? » : un truc du genre Tonnerre!Velours63Quai, long et sans ton prénom",
    ],
)
def test_a_password_given_as_an_example_of_its_kind_stays_clean(checker: Checker, text: str) -> None:
    assert secrets(checker, text) == []


def test_a_password_handed_over_then_described_as_of_a_kind_is_still_found(checker: Checker) -> None:
    assert secrets(checker, "le mdp du serveur c'est Mouette!Granit47Phare, du style qu'on oublie pas") == [("PASSWORD", "Mouette!Granit47Phare")]

"""The French future tense, read from the morphology only where a word can be in the future."""

from __future__ import annotations

import pytest

from charterguard import nlp
from charterguard.inside.tense import english_progressive, french_future, has_future_tense
from charterguard.text.normalize import fold_words


@pytest.mark.parametrize(
    "sentence",
    [
        "On fermera l'agence de Bordeaux en mars",
        "Le chiffre d'affaires sera sous les attentes",
        "Les équipes l'apprendront bientôt",
        "La direction annoncera le plan social",
        "Nous aurons des nouvelles du rachat",
        "Ils viendront signer le contrat",
    ],
)
def test_the_future_is_found_in_regular_and_irregular_verbs(sentence: str) -> None:
    assert has_future_tense(sentence, "fr")


@pytest.mark.parametrize(
    "sentence",
    ["Nous recherchons un stagiaire", "Nous avons fermé l'agence en mars", "Restez connectés", "Merci à toute l'équipe !"],
)
def test_a_sentence_where_no_word_can_be_in_the_future_is_not_parsed(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed a sentence that has no future form")

    monkeypatch.setattr(nlp, "parse", no_parse)
    assert not has_future_tense(sentence, "fr")


@pytest.mark.parametrize(
    "sentence",
    [
        # Every person of an -er, an -re and an -ir verb, and irregular stems: read from the forms, no parse.
        "Je fermerai", "Tu fermeras", "Elle fermera", "Nous fermerons l'atelier", "Vous fermerez", "Ils fermeront",
        "Nous rachèterons la marque", "Vous cèderez la filiale", "On paiera la prime", "Nous appellerons les clients",
        "Nous vendrons le bâtiment", "Vous prendrez le relais", "Ils mettront fin au contrat", "Nous connaîtrons le chiffre",
        "On conclura vendredi", "Elles suivront", "Ils partiront", "Je finirai le dossier",
        "Nous serons cédés", "Vous aurez un nouveau patron", "Nous ferons une annonce", "Nous irons plus loin",
        "Vous pourrez le dire", "Ils sauront lundi", "Nous verrons", "Nous enverrons le courrier", "Il faudra fermer",
        "Nous tiendrons bon", "Nous recevrons l'offre", "Ils devront partir",
    ],
)
def test_every_person_of_the_simple_future_is_read_without_the_parse(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed a sentence whose forms already say the future")

    monkeypatch.setattr(nlp, "parse", no_parse)
    assert has_future_tense(sentence, "fr")


@pytest.mark.parametrize(
    "word",
    [
        # Nouns and names that end like a future; the present of -irer and -urer verbs; the conditional and
        # the passé simple.
        "opéra", "caméra", "chevrons", "vignerons", "patrons", "environs", "extra", "Laura", "front",
        "admirons", "assurez", "tirons", "fermerait", "fermèrent", "montra",
    ],
)
def test_words_that_only_end_like_a_future_are_not_one(word: str) -> None:
    assert not french_future(fold_words(word))


def test_a_present_tense_sentence_with_a_future_looking_word_is_still_read() -> None:
    # "vrai" ends like a future ("-rai"): the parse runs and reads the present.
    assert not has_future_tense("C'est vrai, nous recrutons", "fr")


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("we re merging with them", "merging"),
        ("our client is not renewing", "renewing"),
        ("our client isn t renewing", "renewing"),
        ("i m leaving in june", "leaving"),
        ("it s closing", "closing"),
        ("the plant is being shut down", "shut"),
        ("marketing being outsourced", "outsourced"),
    ],
)
def test_the_english_progressive_of_a_word_is_read(sentence: str, word: str) -> None:
    words = sentence.split()
    assert english_progressive(words, words.index(word))


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("we closed the plant", "closed"),
        ("the company s closing remarks", "closing"),
        ("closing the quarter", "closing"),
        ("we will merge", "merge"),
    ],
)
def test_other_forms_are_no_progressive(sentence: str, word: str) -> None:
    words = sentence.split()
    assert not english_progressive(words, words.index(word))

"""Is a noun phrase said of people a degrading non-human kind? Read by meaning, not by list.

"Les migrants sont des X", "the homeless are Y", "treated like Z": `MeaningReader` finds the
predication by structure; this module decides what Y *is*. The phrase is embedded with the
multilingual sentence encoder (`charterguard.semantic.encoder`) and compared with three sets
of prototypes, French and English: degrading non-human kinds (refuse, vermin, disease,
livestock, broken objects, furniture, plants, dirt), words for people (roles, relations,
qualities), and the non-human things people are *praised* as (lions, a rock, war machines,
treasures). A phrase is degrading when it is nearer the first set than the two others by
`MARGIN`. The prototypes are kinds, not the words of any test: a new metaphor ("des meubles
cassés", "house plants you water") lands near its kind without being listed.

Cost: one encoder call (~3 ms) for the few noun phrases of the rare sentences that hold a
group or person subject and a copula or comparison (`CueLexicon.predication`), after the
parse; the prototypes are embedded once per process. Without the encoder installed the
reading is off (the cue lists of `data/meaning.txt` still apply).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..errors import ModelNotInstalledError
from ..semantic.encoder import embed, embed_examples, encoder_available

DEGRADING = (
    "garbage", "trash", "rubbish", "waste", "vermin", "rats", "parasites", "cockroaches", "lice", "a disease",
    "a virus", "a cancer", "a plague", "cattle", "livestock", "animals", "beasts", "pigs", "monkeys",
    "broken machines", "objects", "things", "furniture", "tools", "vegetables", "plants", "weeds", "dirt",
    "filth", "sewage",
    "des ordures", "des déchets", "de la vermine", "des rats", "des parasites", "des cafards", "une maladie",
    "un virus", "un cancer", "la peste", "du bétail", "des animaux", "des bêtes", "des porcs", "des singes",
    "des machines", "des objets", "des choses", "des meubles", "des outils", "des légumes", "des plantes",
    "de la mauvaise herbe", "de la saleté", "de la crasse",
)
HUMAN = (
    "people", "human beings", "workers", "citizens", "neighbours", "friends", "colleagues", "heroes", "experts",
    "champions", "professionals", "parents", "children", "students", "artists", "leaders", "a great team",
    "warriors", "fighters", "talented people", "hard workers", "idiots", "liars", "cowards",
    "des gens", "des êtres humains", "des travailleurs", "des citoyens", "des voisins", "des amis", "des collègues",
    "des héros", "des experts", "des champions", "des professionnels", "des parents", "des enfants",
    "des artistes", "des leaders", "des battants", "des guerriers", "des gens formidables", "des bosseurs",
    "des idiots", "des menteurs", "des lâches",
)
# Non-human things people are praised as: near the degrading kinds in meaning, not in intent.
ADMIRED = (
    "lions", "tigers", "eagles", "a rock", "war machines", "a well-oiled machine", "stars", "gems", "treasures",
    "gold", "diamonds", "the engine", "the backbone", "a force of nature", "a breath of fresh air", "the heart",
    "des lions", "des tigres", "des aigles", "un roc", "des machines de guerre", "une machine bien huilée",
    "des étoiles", "des perles", "des pépites", "des trésors", "de l'or", "des diamants", "le moteur",
    "la colonne vertébrale", "une force de la nature", "une bouffée d'air frais", "le cœur",
)
# Nearness (mean cosine of the 3 nearest prototypes) to the degrading kinds over the nearest of
# the two other sets. Set on our own labelled phrases (tests/test_tone_dehumanising.py and
# MODEL_CARD.md), never on bench rows.
MARGIN = 0.08
_NEAREST = 3


def _nearness(vectors: np.ndarray, prototypes: np.ndarray) -> np.ndarray:
    similarities = vectors @ prototypes.T
    return np.sort(similarities, axis=1)[:, -_NEAREST:].mean(axis=1)


def degrading_margins(phrases: Sequence[str]) -> list[float] | None:
    """For each phrase, how much nearer the degrading non-human kinds it is than people or the
    things people are praised as; None when the encoder is not installed."""
    if not phrases:
        return []
    if not encoder_available():
        return None
    try:
        vectors = embed(phrases)
        degrading, human, admired = (embed_examples(list(p)) for p in (DEGRADING, HUMAN, ADMIRED))
    except ModelNotInstalledError:
        return None
    other = np.maximum(_nearness(vectors, human), _nearness(vectors, admired))
    return [float(m) for m in _nearness(vectors, degrading) - other]


def degrading(phrases: Sequence[str]) -> list[bool]:
    margins = degrading_margins(phrases)
    if margins is None:
        return [False] * len(phrases)
    return [m >= MARGIN for m in margins]


# A role said with praise ("a remarkable engineer") or with contempt ("a useless engineer"): the
# learned reading reads some copular role predications as put-downs by their form alone. Kinds of
# our own, not the words of any test; the role noun is the same on both sides, so what decides is
# what the modifiers say of it.
PRAISED_ROLES = (
    "an excellent colleague", "a talented professional", "a skilled expert", "a reliable teammate",
    "a great leader", "a gifted specialist", "a dedicated worker", "a remarkable talent",
    "un excellent collègue", "une professionnelle talentueuse", "un expert compétent", "un coéquipier fiable",
    "une grande meneuse", "un spécialiste doué", "un travailleur dévoué", "un talent remarquable",
)
SCORNED_ROLES = (
    "an incompetent worker", "a useless colleague", "a lazy employee", "a terrible boss", "a clueless manager",
    "a fraud", "a pathetic amateur", "a mediocre professional", "a so-called expert", "a glorified assistant",
    "un collègue incompétent", "un employé inutile", "un chef minable", "un manager incapable", "un imposteur",
    "un amateur pathétique", "un professionnel médiocre", "un fainéant", "un soi-disant expert", "un pseudo-manager",
)
PRAISE_MARGIN = 0.03  # set on our own role phrases (praise, scorn, "so-called", "fake"), never on bench rows


def praised_roles(phrases: Sequence[str]) -> list[bool]:
    """For each role phrase ("a <adjective> engineer"), is it nearer the praised roles than the
    scorned ones by `PRAISE_MARGIN`? False for all when the encoder is not installed."""
    return _nearer(phrases, PRAISED_ROLES, SCORNED_ROLES, PRAISE_MARGIN)


# Is a noun a thing (a machine, a program, the weather, a vehicle, an event) or a person? Read for
# the noun an epithet is said of ("cette saloperie d'imprimante" / "ce connard de chauffeur").
# Kinds of our own; the margin keeps role nouns that also name machines ("driver", "serveur") on
# the people's side, set on our own nouns (tests/test_tone_meaning.py), never on bench rows.
PERSONS = (
    "a person", "a man", "a woman", "a worker", "a colleague", "a neighbour", "someone", "a professional",
    "une personne", "un homme", "une femme", "un employé", "un voisin", "quelqu'un", "un professionnel",
)
THINGS = (
    "a machine", "a device", "a program", "the weather", "a vehicle", "an object", "a tool", "a thing",
    "a meeting", "a day", "une machine", "un appareil", "un logiciel", "la météo", "un véhicule", "un objet",
    "un outil", "une chose", "une réunion", "une journée",
    # computing, which the kinds above left on the people's side ("wifi", "Excel", "VPN")
    "a computer", "a network", "an application", "a spreadsheet", "un ordinateur", "un réseau",
    "une application", "un tableur",
    # periods of business time, which the kinds above left on the people's side ("quarter", "trimestre")
    "a quarter", "a year", "a sprint", "un trimestre", "une année", "un exercice",
)
THING_MARGIN = 0.13


def things(nouns: Sequence[str]) -> list[bool]:
    """For each noun, is it nearer the kinds of things than people by `THING_MARGIN`? False for
    all when the encoder is not installed (a person is the safe reading)."""
    return _nearer(nouns, THINGS, PERSONS, THING_MARGIN)


def _nearer(texts: Sequence[str], these: Sequence[str], those: Sequence[str], margin: float) -> list[bool]:
    """For each text, is it nearer the examples `these` than `those` by `margin`? False for all
    when the encoder is not installed."""
    if not texts:
        return []
    if not encoder_available():
        return [False] * len(texts)
    try:
        vectors = embed(texts)
        near, far = (embed_examples(list(examples)) for examples in (these, those))
    except ModelNotInstalledError:
        return [False] * len(texts)
    return [bool(m >= margin) for m in _nearness(vectors, near) - _nearness(vectors, far)]

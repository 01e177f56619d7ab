"""Tone by meaning: hostility, dehumanisation, discrimination and threats aimed at a target,
read from the post's linguistic view (`charterguard.linguistics`).

Two stages. The first is cheap: each sentence's words (`linguistics.quick_words`) are
searched for a cue of `data/meaning.txt` (a hostile word, a violent verb, an exclusion
phrase...) or hold a lexicon finding; only those sentences are parsed by spaCy. The
second reads the parse:

- a hostile word is a finding when it is *aimed at a target*: the target is its subject
  ("Notre DSI est un bon à rien"), linked to it by a dependency ("ce crétin de
  responsable", "un client débile"), the topic of a fragment ("Le nouveau manager ? Une
  calamité"), or, without any subject, the target of the sentence ("quel guignol");
  about the writer ("j'ai été un idiot") or a thing ("ce bug est une calamité") it is not;
- aimed at a group: hate (a negative generalisation); negative traits ("trop émotives",
  "voleurs") count only about a group; dehumanising words count about a group or in a
  comparison with people ("comme du bétail", "like rats");
- exclusion phrases count with a group in the sentence; so does an employment decision taken
  against a protected ground without any slur ("pas de candidates enceintes pour le poste",
  "skip anyone past 55"): a ground (a group, or an attribute: age threshold, pregnancy, accent,
  name, veil, wheelchair...), a decision or place of employment and a disadvantage bearing on
  them, unless the sentence is a policy against it, a question or a report of it (its own
  gate: the three together); violent verbs with a person as
  object and an intent (future, conditional, imperative, subjunctive, "il faudrait",
  "should"), and threat phrases, are aggression;
- negation earlier in the clause, quotation marks, naming reported by a verb ("traité
  d'idiot", "called an idiot") and counter-speech in the sentence ("... est inacceptable",
  "we condemn") remove the finding; a negation stops at a joined clause that predicates anew
  ("n'est pas lente, mais c'est une idiote": `Sentence.negated`); a condemnation whose subject
  is an act of saying or a quotation ("Dire que les X sont des Y est ignoble", "'Go home' has
  no place here") is counter-speech, and a crude word quoted as what others shout is mentioned,
  not used; a truth-value label ("Faux :", "Wrong,") rejects what came before it, and what
  follows it is the writer's own claim;
- a claim the writer asks about or gives as others' and then rejects ("Notre chef, un tyran ?
  Absolument pas.", "Certains disent que ... Faux :", "whoever says ... hasn't met her") is
  countered (`_refuting`, read over the cheap words of the sentence and the next three);
- a threat without a violent verb is read by structure (`MeaningReader._ultimatum`): a harm to
  someone's body, property or family, an ultimatum, condition, wish or warning, and someone it
  is aimed at, said by the writer or to an @mention; harm said as a consequence ("tu finiras à
  l'hôpital") is a warning when a danger is named, a precaution is left out or the writer's
  own side is harmed (`MeaningReader.warning`), and violence in a game or done to the writer's
  side is play (`MeaningReader.warns`, `game`);
- a question proposing someone of a protected ground for a post, answered by a rejection, is
  discrimination (`_rejected_proposals`), not a refuted claim;
- people said to be, or treated as, a degrading non-human kind in words no list holds ("les
  handicapés sont des meubles cassés", "refugees are treated like spare parts"): the structure
  (a copula, apposition or comparison with a group or a word for people as subject) is read
  from the parse, the kind of the noun phrase by meaning (`tone.dehumanising`, the sentence
  encoder against prototypes of degrading kinds, people and praise), on the sentences gated
  by a people word and a copula or comparison (`CueLexicon.predication`);
- swearing that no target is linked to ("putain, quelle journée", masked "f*ck" too), and a
  noun of contempt said of a thing ("cette saloperie d'imprimante"), becomes `profanity`.

The span of a finding is the hostile word or phrase itself, never the clause.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from ..linguistics import (
    NEGATORS,
    PERSON_PRONOUNS,
    REPORTING_VERBS,
    SELF_WORDS,
    WHOEVER,
    Sentence,
    Target,
    TargetNames,
    quick_words,
    spells_given_name,
    target_words,
    word_key,
)
from ..text.alternation import Alternation
from ..text.sections import read_sections
from ..vocabulary import LANGUAGES
from .dehumanising import degrading, praised_roles, things
from .hostility_model import clauses, names_group, names_someone
from .lexicon import data_text, masked_variants

if TYPE_CHECKING:
    from ..linguistics import Linguistics
    from .analyzer import ToneFinding
    from .hostility_model import HostilityModel

CUE_LISTS = (
    "hostile", "dehumanising", "trait", "expletive", "threat_verb", "violence", "modal",
    "threat_phrase", "exclusion", "counter", "counter_phrase", "naming", "insult_frame", "protected",
    "rebuttal", "menace", "employment", "disadvantage", "negated_decision", "negated_ground", "policy", "reported",
    "attribution", "dismissal", "refutation", "harm", "pressure", "safety", "predication", "condemnation",
    "consequence", "omission", "speech", "game", "team", "armed",
)
_FRENCH_SUBJECTS = frozenset({"je", "tu", "il", "elle", "on", "ils", "elles"})
_JUDGING_LISTS = frozenset({"hostile", "dehumanising", "trait"})
REGEX_LISTS = frozenset({"threat_phrase", "consequence", "exclusion", "counter_phrase", "insult_frame", "protected", "rebuttal", "menace",
                         "employment", "disadvantage", "negated_decision", "negated_ground", "policy", "reported",
                         "attribution", "dismissal", "refutation", "harm", "pressure", "safety", "predication", "armed"})
# Regex lists that never make a sentence worth parsing by themselves (a group description
# matters only next to an exclusion phrase, which gates the sentence; a protected ground, an
# employment decision and a disadvantage gate it only together: `CueLexicon.discrimination`).
_UNGATED = frozenset({"protected", "rebuttal", "employment", "disadvantage", "negated_decision", "negated_ground", "policy", "reported",
                      "attribution", "dismissal", "refutation", "harm", "pressure", "safety", "predication", "armed"})
# Cue lists a charter may extend with its own words (`cues:` of a tone rule).
CHARTER_CUE_LISTS = ("hostile", "dehumanising", "trait", "expletive", "threat_verb", "counter")

MAX_PARSED_CHARS = 1000  # longest sentence read by meaning
MAX_PARSED_SENTENCES = 40  # most sentences of one post read by meaning
EPITHET_MAX_WORDS = 5  # longest closing epithet read with the sentence before it
# Under the learned reading's joint threshold, a put-down of a workplace role the parse names (a
# colleague, the employer, customers, competitors) stands from this probability of the general
# reading on (measured, not fitted: MODEL_CARD.md, "Fifth round"), unless the sentence names the
# target itself and the targeted reading (`targeted_model`: the sentence read with the target
# masked) reads it as fine (praise of a named competitor, a fair comparison); and, at any
# probability from the targeted model's floor on, when the targeted reading finds one
# (MODEL_CARD.md, "Targeted reading").
ROLE_THRESHOLD = 0.6
_WORKPLACE_ROLES = frozenset({"colleagues", "employer", "customers", "competitors"})
# An elliptical denial: at most this many words, opened by one of these negators, echoing a claim's
# word of at least this many letters ("Not useless.").
_ECHO_WORDS = 5
_ECHO_NEGATORS = {"fr": frozenset({"pas", "jamais", "nullement"}), "en": frozenset({"not", "never"})}
_ECHO_MIN_LENGTH = 4
REFUTATION_REACH = 3  # sentences after a question or attributed claim where its dismissal is looked for
# Scores: defaults (not measurements; the suites in bench/ measure the decisions).
SCORES = {"hostile": 0.85, "hate": 0.9, "threat": 0.85, "profanity": 0.5}
# Lexicon evidence that negation or quotation only lowers (slurs, crude insults), and by how much.
_CRUDE = frozenset({"insult:strong", "hate:strong"})
_LOWERED = 0.7
# Human objects written before the verb (French clitics).
_CLITIC_OBJECTS = frozenset({"les", "le", "la", "l'", "te", "t'", "lui", "vous", "leur", "me", "m'"})
_DEMONSTRATIVES = frozenset({"ce", "c'", "ca", "cela", "ceci", "it", "this", "that"})
# Dependencies that make a word an argument of something else, not a comment on a target.
_ARGUMENT_DEPS = ("nsubj", "obj", "dobj", "iobj", "csubj")
_PHRASE_DEPS = ("nmod", "obl", "pobj", "prep", "agent", "amod", "case", "acomp", "compound")
_EXCLAMATIVES = frozenset({"quel", "quelle", "quels", "quelles", "what", "such"})
_COPULA_LEMMAS = frozenset({"etre", "être", "be"})
# Words for people as such, beside the person nouns of `linguistics.target_words`.
_PERSONHOOD = frozenset({"humain", "human", "etre", "being"})
_CONDITIONS = frozenset({"si", "s'", "if", "unless"})
_SELF_OBJECTS = frozenset({"me", "m'"})
# A refusal to act on someone ("je refuse de les prendre en rendez-vous", "I refuse to take their
# calls") rejects no claim; one to believe, accept or let something be said does ("je refuse de
# croire"), and so does one to do what was just named ("une erreur que nous refusons de faire").
_REFUSAL_VERBS = frozenset({"refuser", "refuse"})
_INFINITIVE_MARKS = frozenset({"de", "d'", "to"})
_CLITICS = frozenset("le la les l' lui leur me m' te t' se s' nous vous y en".split())
_AIMED_CLITICS = frozenset("le la les l' lui leur y".split())  # the action aimed at someone or somewhere
_AIMED_AFTER = frozenset("them him her their his with".split())
_REFUSED_CLAIMS = frozenset(
    "croire accepter tolerer admettre cautionner laisser entendre lire ecouter "
    "believe accept tolerate admit condone let hear read listen".split()
)
_WARNING_WORDS = frozenset({"interet", "gaffe", "attention", "dommage", "better", "careful", "shame", "pity", "warned", "previens"})
_RESTRICTIVE = frozenset({"que", "qu'"})  # "ne ... que": only, not a negation
_FRENCH_NE = frozenset({"ne", "n'"})
_NEGATIVE_SUBJECTS = frozenset({"personne", "aucun", "aucune", "rien"})
_NEGATIVE_DETERMINERS = frozenset({"no", "aucun", "aucune", "nul", "nulle"})
_NEGATIVES = frozenset({"pas", "jamais", "plus", "rien", "personne", "aucun", "aucune", "guere", "nullement"})
_COMPARISON = frozenset({"comme", "like", "telle", "tels", "telles", "tel"})
_ALL_PERSON_PRONOUNS = frozenset().union(*PERSON_PRONOUNS.values())
_PLURAL_PRONOUNS = frozenset({"les", "leur", "eux", "them", "they"})
_SECOND_PERSON = frozenset({"tu", "t'", "te", "toi", "vous", "you", "u", "ya"})
_SECOND_PERSON_WORDS = frozenset({"tu", "t'", "te", "toi", "ton", "ta", "tes", "vous", "votre", "vos",
                                  "you", "your", "yours", "yourself"})
_OWN_SIDE = frozenset({"je", "j'", "on", "nous", "i", "we"})  # the writer's side, as subject
_OWN_SIDE_OBJECTS = frozenset({"nous", "us", "me", "m'", "moi"})
_PLURAL_SIDE = frozenset({"on", "nous", "we"})  # the writer's side, plural, as subject
_SPEAKING_WRITER = frozenset({"je", "j'", "nous", "i", "we"})  # not "on": "on crie « ... » aux arbitres" is people at large
_STOP_VERBS = frozenset({"arreter", "cesser", "stop", "quit", "lacher", "leave"})
_VICTIM_PRONOUNS = frozenset({"lui", "leur", "te", "t'", "toi", "vous", "him", "her", "them", "you"})  # whom a menace befalls
_QUOTATION_POINTERS = frozenset({"voila", "those", "these", "ces", "tels", "telles"})  # (with _DEMONSTRATIVES) words pointing back at a quotation
# Words that may open a sentence before a stop verb that tells people to stop ("let's stop", "il
# faut arrêter", "we should quit"), and how many of them.
_EXHORTATIONS = frozenset({"let", "let's", "'s", "us", "please", "we", "should", "must", "need", "to", "just", "il", "faut", "on",
                           "doit", "devrait", "nous", "devons", "alors", "bon", "svp", "so", "and", "et"})
_STOP_OPENING = 3
_EXHORTED = frozenset({"on", "nous", "vous", "we", "you", "'s", "us"})  # whom "let's stop", "vous devez arrêter" tells to stop
_WRITER_WORDS = frozenset({"je", "j'", "me", "m'", "moi", "mon", "ma", "mes", "i", "my", "mine", "i'm", "im"})
_OBJECT_WINDOW = 5
_APPOSITION_WORDS = 5  # words after the hostile phrase where an apposition's closing comma is looked for  # words after a violent verb where its (English) object is looked for
_NAMING_WINDOW = 5
TARGET_ROLE = {"colleague": "colleagues", "person": "person", "group": "group", "employer": "employer",
               "customers": "customers", "competitors": "competitors"}


def _finding_category(kind: str, role: str | None) -> str:
    """The tone category of hostility of `kind` (insult, disparage, hate, threat) aimed at `role`
    (a TARGET_ROLE value, or None): what the constructions and the learned reading both report."""
    if kind == "threat":
        return "aggression"
    if kind in ("hate", "discrimination") or role == "group":
        return "hate"
    if role in ("employer", "customers", "competitors"):
        return f"disparagement_{role}"
    return "insult"


# A gate of this many parts or fewer is searched whole: re's own loop over the text costs less
# than a look per word from Python (measured on bench_pii's posts: 10-40 µs -> 8-23 µs a gate).
# Since each word is tried with the parts its first two letters may begin (`Alternation.for_beginning`),
# the 14-20-part gates cost less a word at a time (bench_tone's French posts, s18: employment 28 -> 20 µs,
# harm 38 -> 25 µs), the 1-12-part ones less whole (the pressure gate 16 vs 17 µs).
WHOLE_GATE_PARTS = 12


class Gate:
    r"""The first stage's regex, `(?<!\S)(?:part|part|...)(?!\S)` over words joined by single
    spaces, read word by word with only the parts that can begin with the word's first two letters.

    The whole alternation tries its ~300 parts one after the other at every word. A part whose
    matches can only begin with a few known characters (the lexicon's words, most phrases) is
    tried only at words beginning with them (its first two letters where they are literal, else
    its first); the others at every word; in the order given, so that each word gets the match
    the whole alternation would give it (`starts` equals its `finditer` starts). What a part
    begins with is read by `text.alternation`, which keeps the parts of each pair of characters
    compiled. A gate of a few parts (`WHOLE_GATE_PARTS`) is searched whole.
    """

    def __init__(self, parts: list[str]) -> None:
        self._alternation = Alternation(parts, prefix=r"(?<!\S)", suffix=r"(?!\S)")
        self._searched_whole = len(parts) <= WHOLE_GATE_PARTS

    @property
    def parts(self) -> tuple[str, ...]:
        return self._alternation.parts

    @property
    def whole(self) -> re.Pattern[str]:
        """The whole alternation (what `starts` reads faster), compiled on first use."""
        return self._alternation.whole

    def starts(self, joined: str, word_starts: Sequence[int] | None = None) -> list[int]:
        """Where the matches of `whole.finditer(joined)` start; `joined`: words (never holding
        white space) joined by single spaces, so that a match can only start at a word;
        `word_starts`: where its words start (`_word_starts(joined)`), when the caller has them
        for several gates."""
        if not joined or self._searched_whole:
            return [m.start() for m in self.whole.finditer(joined)]
        return self._alternation.starts_at(joined, word_starts if word_starts is not None else _word_starts(joined))


@dataclass(frozen=True, slots=True)
class CueLexicon:
    words: dict[str, frozenset[str]]  # list -> single words (word keys)
    # list -> opening word -> the list's multi-word entries it opens, each with its rank in the list
    phrases: dict[str, dict[str, tuple[tuple[int, tuple[str, ...]], ...]]]
    regexes: dict[str, tuple[re.Pattern[str], ...]]
    gate: Gate
    # A protected ground (a group word or an attribute), an employment decision or place, a
    # disadvantage: a sentence holding all three (the ground or decision may be in the sentence
    # before) is parsed for discrimination (`MeaningReader._discrimination`).
    discrimination: tuple[Gate, Gate, Gate]
    # A harm to someone's body, property or family and an ultimatum, condition, wish or warning:
    # a sentence holding both is parsed for a threat (`MeaningReader._ultimatum`).
    ultimatum: tuple[Gate, Gate]
    # People (a group word, a protected description, a word for people as such: "gens", "the
    # homeless") and a copula or comparison: a sentence holding both is parsed for a
    # dehumanising predication read by meaning (`MeaningReader._dehumanised`).
    predication: tuple[Gate, Gate]


def _entries(language: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {name: [] for name in CUE_LISTS}
    for header, line, where in read_sections(data_text("meaning.txt"), "meaning.txt"):
        name, _, lang = header.partition(" ")
        if name not in out or lang not in LANGUAGES:
            raise ValueError(f"{where}: unknown section @{header}")
        if lang == language:
            out[name].append(line)
    return out


@lru_cache(maxsize=16)
def cue_lexicon(language: str, extra: tuple[tuple[str, str], ...] = ()) -> CueLexicon:
    """The cues of `language` plus a charter's own (list, word) pairs."""
    entries = _entries(language if language in LANGUAGES else "en")
    for name, word in extra:
        entries[name].append(word)
    words: dict[str, frozenset[str]] = {}
    phrases: dict[str, dict[str, tuple[tuple[int, tuple[str, ...]], ...]]] = {}
    regexes: dict[str, tuple[re.Pattern[str], ...]] = {}
    gate_parts: list[str] = []
    for name, lines in entries.items():
        if name in REGEX_LISTS:
            regexes[name] = tuple(re.compile(rf"(?<!\S)(?:{line})(?!\S)") for line in lines)
            if name not in _UNGATED:
                gate_parts.extend(f"(?:{line})" for line in lines)
            continue
        keyed = [quick_words(line)[0] for line in lines]
        words[name] = frozenset(k for k in keyed if " " not in k)
        if name == "expletive":
            # Masked swearing ("f*ck", "sh*t") is swearing too, as the lexicon reads it: aimed at
            # no one, a hint like its plain spelling.
            words[name] |= frozenset(v for k in words[name] for v in masked_variants(k))
        phrases[name] = _by_opening_word([tuple(k.split(" ")) for k in keyed if " " in k])
        if name in ("modal", "counter", "naming", "condemnation", "omission", "speech", "game", "team"):
            continue  # they never make a sentence worth parsing by themselves
        for k in keyed:
            stem = re.escape(k)
            if name == "threat_verb":
                stem = _verb_stem(k, language)
                # Short stems take verb endings only: "pende", not "pendant"; "bute", not "but".
                ending = r"\w{0,6}" if len(stem) >= 5 else _SHORT_STEM_ENDINGS
                gate_parts.append(rf"{re.escape(stem)}{ending}")
            else:
                gate_parts.append(rf"{stem}(?:s|x|e|es|ne|nes|le|les|te|tes)?")
    groups = target_words(language if language in LANGUAGES else "en")
    group_words = sorted({k.split(" ")[0] for k in (*groups.groups, *groups.group_adjectives)})
    ground = [f"(?:{line})" for line in entries["protected"]]
    ground += [rf"{re.escape(k)}(?:s|x|e|es)?" for k in group_words if k]
    employment = [f"(?:{line})" for line in entries["employment"]]
    disadvantage = [f"(?:{line})" for name in ("disadvantage", "negated_decision", "negated_ground") for line in entries[name]]
    discrimination = (Gate(ground), Gate(employment), Gate(disadvantage))
    # (the writer coming armed is a harm: `MeaningReader._ultimatum`)
    ultimatum = (Gate([f"(?:{line})" for name in ("harm", "armed") for line in entries[name]]),
                 Gate([f"(?:{line})" for line in entries["pressure"]]))
    person_words = sorted(k for k, kind in groups.kinds.items() if kind == "person" and " " not in k)
    not_people = _NOT_PEOPLE_NEXT.get(language, {})
    people = Gate(ground + [rf"{re.escape(k)}(?:s|x)?{_not_followed_by(not_people.get(k, ()))}" for k in person_words if k])
    predication = Gate([f"(?:{line})" for line in entries["predication"]])
    return CueLexicon(words, phrases, regexes, Gate(gate_parts), discrimination, (ultimatum[0], ultimatum[1]), (people, predication))


def _by_opening_word(phrases: list[tuple[str, ...]]) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """Opening word -> the phrases it opens, each with its rank in `phrases` (built once per lexicon,
    so that `matches` looks up a sentence's words instead of trying every phrase)."""
    out: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for rank, phrase in enumerate(phrases):
        out.setdefault(phrase[0], []).append((rank, phrase))
    return {word: tuple(ranked) for word, ranked in out.items()}


# People words with a reading that is no person, told by the word after them: "personne ne
# sait" (nobody), "ce type de problème" (kind). The dehumanising gate skips those readings.
_NOT_PEOPLE_NEXT: dict[str, dict[str, tuple[str, ...]]] = {"fr": {"personne": ("ne", "n'"), "type": ("de", "d'")}}


def _not_followed_by(words: tuple[str, ...]) -> str:
    """A lookahead refusing a match followed by one of `words` (as the next word of a joined text)."""
    return rf"(?! (?:{'|'.join(map(re.escape, words))})(?!\S))" if words else ""


_SHORT_STEM_ENDINGS = r"(?:e|es|ent|er|ez|ons|re|s|t|u|us|ue|ues|ee|ees|ai|ais|ait|aient|a|as|erai\w*|era\w*|rai\w*|ra\w*|ed|ing|en)?"


def _verb_stem(lemma: str, language: str) -> str:
    if language == "fr" and len(lemma) > 4 and lemma.endswith(("er", "ir", "re")):
        return lemma[:-2]
    return lemma


def _singular(form: str) -> str:
    return form[:-1] if len(form) > 3 and form[-1] in "sx" else form


_NOT_CONTENT = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PUNCT", "NUM"})


def _in(words: frozenset[str], w) -> bool:
    return w.lemma in words or w.form in words or _singular(w.form) in words


class CueKeys:
    """The keys under which each word of a sentence is looked up in the cue lists (its form, lemma and
    singular form, each once) and its forms joined (`_joined`): derived once per sentence
    (`Sentence.kept`), not once for each of the dozen lists a reading asks of it."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.keys: tuple[tuple[str, ...], ...] = tuple(
            tuple(dict.fromkeys((w.form, w.lemma, _singular(w.form)))) for w in sentence.words
        )
        self._joined: tuple[str, list[int]] | None = None

    @property
    def joined(self) -> tuple[str, list[int]]:
        """`_joined(sentence)` (the list is shared: read it, never change it)."""
        if self._joined is None:
            self._joined = _joined(self.sentence)
        return self._joined


def matches(sentence: Sentence, cues: CueLexicon, name: str) -> list[tuple[int, int]]:
    """Word ranges [a, b) of `sentence` that are entries of cue list `name`."""
    words = sentence.words
    keyed = sentence.kept(CueKeys)
    keys = keyed.keys
    single = cues.words.get(name, frozenset())
    if name in _JUDGING_LISTS:
        # Only a noun or adjective of the list judges (a verb form such as "tu rates" is no "raté"); right
        # after a French subject pronoun a word is a verb, whatever the tagger says ("tu rates").
        out = [(k, k + 1) for k, w in enumerate(words)
               if w.pos not in _NOT_CONTENT and not single.isdisjoint(keys[k])
               and not (k and words[k - 1].form in _FRENCH_SUBJECTS and sentence.language == "fr")]
    else:
        out = [(k, k + 1) for k in range(len(words)) if not single.isdisjoint(keys[k])]
    # Each phrase is tried at the words that can open it (by form, lemma or singular form), in the
    # list's order and then the sentence's: the order in which a phrase wins over what it covers.
    openings = cues.phrases.get(name, {})
    tried: list[tuple[int, int, tuple[str, ...]]] = []
    for k in (range(len(words)) if openings else ()):
        for key in keys[k]:
            tried.extend((rank, k, phrase) for rank, phrase in openings.get(key, ()) if k + len(phrase) <= len(words))
    tried.sort(key=lambda t: (t[0], t[1]))
    for _rank, k, phrase in tried:
        n = len(phrase)
        if all(p in keys[k + j] for j, p in enumerate(phrase)):
            out = [(a, b) for a, b in out if b <= k or a >= k + n]  # the phrase wins over its words
            out.append((k, k + n))
    patterns = cues.regexes.get(name, ())
    joined, starts = keyed.joined if patterns else ("", [])
    for pattern in patterns:
        for m in pattern.finditer(joined):
            a = max(k for k, s in enumerate(starts) if s <= m.start())
            b = max(k for k, s in enumerate(starts) if s < m.end()) + 1
            out.append((a, b))
    return sorted(set(out))


def _joined(sentence: Sentence) -> tuple[str, list[int]]:
    """The sentence's forms joined by single spaces, and each word's start in that text; a hyphen
    the parse split off inside a word ("Arabic-sounding", "58-year-old") is joined without
    spaces, as the cheap first stage (`quick_words`) and the cue lists write it."""
    starts, parts, position = [], [], 0
    words = sentence.words
    for k, w in enumerate(words):
        glued = k > 0 and _inner_hyphen(words, k) or k > 1 and _inner_hyphen(words, k - 1)
        if k and not glued:
            parts.append(" ")
            position += 1
        starts.append(position)
        parts.append(w.form)
        position += len(w.form)
    return "".join(parts), starts


def _inner_hyphen(words: tuple, k: int) -> bool:
    """Is word `k` a hyphen written inside a word (no space on either side)?"""
    return (words[k].form == "-" and 0 < k < len(words) - 1
            and words[k - 1].end == words[k].start and words[k].end == words[k + 1].start)


def _word_starts(joined: str) -> list[int]:
    starts, position = [], 0
    for word in joined.split(" "):
        starts.append(position)
        position += len(word) + 1
    return starts


def sentences_to_parse(linguistics: "Linguistics", cues: CueLexicon, offsets: Iterable[int] = ()) -> list[int]:
    """The cheap first stage: sentences with a cue, or holding one of `offsets` (lexicon findings)."""
    wanted = set()
    layer = linguistics.word_layer
    joined, positions, starts = layer.joined, layer.spans, layer.joined_starts

    def sentences_of(found: list[int]) -> set[int]:
        out = set()
        for at in found:
            k = linguistics.sentence_of(positions[bisect_right(starts, at) - 1][0])
            if k is not None:
                out.add(k)
        return out

    wanted |= sentences_of(cues.gate.starts(joined, starts))
    disadvantaged = sentences_of(cues.discrimination[2].starts(joined, starts))
    if disadvantaged:
        ground, employment = (sentences_of(gate.starts(joined, starts)) for gate in cues.discrimination[:2])
        rules = {k for k in disadvantaged if ground & {k, k - 1} and employment & {k, k - 1}}
        wanted |= rules | {k - 1 for k in rules if k - 1 in ground}  # the group a pronoun refers to
    harmed = sentences_of(cues.ultimatum[0].starts(joined, starts))
    if harmed:
        threatened = harmed & sentences_of(cues.ultimatum[1].starts(joined, starts))
        wanted |= threatened | {k - 1 for k in threatened if k > 0}  # whom the one before addresses
    predicated = sentences_of(cues.predication[1].starts(joined, starts))
    if predicated:
        wanted |= predicated & sentences_of(cues.predication[0].starts(joined, starts))
    for offset in offsets:
        k = linguistics.sentence_of(offset)
        if k is not None:
            wanted.add(k)
    # Bounded cost on long or pathological posts ("nul " * 5000): such sentences keep the lexicons only.
    fitting = [k for k in sorted(wanted) if linguistics.spans[k][1] - linguistics.spans[k][0] <= MAX_PARSED_CHARS]
    return fitting[:MAX_PARSED_SENTENCES]


class MeaningReader:
    """Reads one parsed sentence for findings (see the module docstring)."""

    def __init__(self, language: str, cues: CueLexicon, names: TargetNames) -> None:
        self.language = language
        self.cues = cues
        self.names = names

    # -- context ------------------------------------------------------------------
    def countered(self, sentence: Sentence, neighbours: Iterable[Sentence]) -> bool:
        """Does the sentence (or its topic / the sentence it introduces) condemn or correct what it says?"""
        if self._condemned_saying(sentence) or self._stopped_saying(sentence):
            return True
        for s in (sentence, *neighbours):
            # "je refuse d'avoir un collègue ...": a refusal that is itself the exclusion condemns nothing.
            excluding = matches(s, self.cues, "exclusion")
            # A rebuttal label opening the sentence or its topic ("Faux : c'est un escroc", "Wrong,
            # he's a crook") rejects what was said before it; what follows is the writer's own claim.
            label = self._rebuttal_label(s) if s is sentence or s is sentence.topic else 0
            for a, b in matches(s, self.cues, "counter") + matches(s, self.cues, "counter_phrase"):
                if a < label:
                    continue
                # Nor does a refusal in a condition: "si le chef d'équipe refuse encore mes congés, ...",
                # nor one aimed at the writer: "avant de me dénoncer".
                if self._conditional(s, a) or a and s.words[a - 1].form in _SELF_OBJECTS or self._refusal_to_act(s, a):
                    continue
                # Nor a condemning word the sentence denies of what it says: "c'est pas du racisme,
                # c'est du bon sens", "that's not discrimination" defend the rule; "we don't tolerate
                # discrimination" (an object, no predicate) still condemns.
                if _denied_description(s, a):
                    continue
                if not any(x <= a < y or a <= x < b for x, y in excluding):
                    return True
        return False

    def _condemned_saying(self, sentence: Sentence) -> bool:
        """Is the sentence a condemnation whose subject is an act of saying or naming ("Dire que
        les X sont des Y est ignoble", "Calling X Y is disgusting", "Traiter les X de Y, c'est
        honteux") or a quotation ("« Retourne dans ton pays » n'a pas sa place ici")? The
        sentence opens with such a verb, not finite (infinitive, gerund), or with the quotation,
        and its condemning word (`@condemnation`, `@counter`, `@hostile`) is said of that act,
        not of someone inside the reported claim: it lies outside the verb's phrase, or its
        subject is the act, the quotation or a demonstrative standing for it ("c'est", "it's").
        What is reported is quoted, not asserted."""
        words = sentence.words
        first = next((k for k, w in enumerate(words) if w.pos != "PUNCT" or sentence.quoted[k]), None)
        if first is None:
            return False
        quotation = sentence.quoted[first]
        if quotation:
            act = range(first, next((k for k in range(first, len(words)) if not sentence.quoted[k] and words[k].pos != "PUNCT"), len(words)))
        else:
            verbs = REPORTING_VERBS.get(self.language, frozenset()) | self.cues.words.get("naming", frozenset())
            opener = next((k for k, w in enumerate(words) if w.pos in ("VERB", "AUX")), None)
            if opener is None or not (words[opener].lemma in verbs or words[opener].form in verbs):
                return False
            said = words[opener]
            if said.feature("VerbForm") not in ("Inf", "Ger") and not (self.language == "en" and said.form.endswith("ing")):
                return False
            if any(w.pos in ("NOUN", "PROPN", "PRON") and w.dep.startswith("nsubj") for w in words[:opener]):
                return False  # a subject of its own: "ils disent que ..." is no act taken as a topic
            act = range(opener, opener + 1)
        condemning = [a for name in ("condemnation", "counter", "hostile") for a, _ in matches(sentence, self.cues, name)
                      if a >= act.stop and not sentence.quoted[a]]
        for j in condemning:
            if _negated(sentence, j):
                continue  # "Dire que notre chef est un incapable n'est pas faux" agrees with it
            subject = sentence.subject_of(j)
            if subject is not None and (subject in act or words[subject].form in _DEMONSTRATIVES):
                return True
            # (the parser often hangs a sentence on its opening quotation: the quotes say where it ends)
            if subject is None and (quotation or not any(sentence.descends(j, k) for k in act)):
                return True
        return False

    def _stopped_saying(self, sentence: Sentence) -> bool:
        """Does the sentence open by telling people to stop saying or calling what follows
        ("Arrêtons de dire que les X sont des Y", "Cessez de traiter ... de ...", "Stop calling
        our interns lazy", "Let's quit saying ...")? The claim is rejected, not made. The stop verb
        opens the sentence (after "let's", "il faut", "we should"...), has no subject of its own
        and is not negated ("il n'arrête pas de dire que ..." reports someone who goes on saying it)."""
        words = sentence.words
        verbs = REPORTING_VERBS.get(self.language, frozenset()) | self.cues.words.get("naming", frozenset())
        for k, w in enumerate(words[: _STOP_OPENING + 1]):
            if not (w.lemma in _STOP_VERBS or w.form in _STOP_VERBS):
                continue
            if any(x.form not in _EXHORTATIONS and x.pos != "PUNCT" for x in words[:k]) or _negated(sentence, k):
                return False
            if any(c.head == k and c.dep.startswith("nsubj") and c.form not in _EXHORTED for c in words):
                return False
            j = k + 1
            if j < len(words) and words[j].form in _INFINITIVE_MARKS and self.language == "fr":
                j += 1
            said = words[j] if j < len(words) else None
            return said is not None and said.pos in ("VERB", "AUX") and (said.lemma in verbs or said.form in verbs)
        return False

    def reports_quotation(self, sentence: Sentence) -> bool:
        """Does the sentence say, of the quotation before it, who said it ("« ... » : c'est ce qu'un
        client a lancé à notre agent", "'...': that's what a driver yelled at my colleague")? It
        opens with a demonstrative standing for the quotation and holds a verb of speech whose
        subject is not the writer ("c'est ce que je lui ai répondu" stays the writer's words)."""
        return self._reports_from(sentence, 0)

    def _reports_from(self, sentence: Sentence, start: int) -> bool:
        """Do the words of `sentence` from `start` open with a demonstrative standing for a quotation
        before them and hold a verb of speech whose subject is not the writer (`reports_quotation`)?"""
        words = sentence.words
        opening = next((w for w in words[start:] if w.pos != "PUNCT"), None)
        if opening is None or opening.form not in _DEMONSTRATIVES | _QUOTATION_POINTERS:
            return False
        verbs = REPORTING_VERBS.get(self.language, frozenset()) | self.cues.words.get("speech", frozenset())
        for k in range(start, len(words)):
            w = words[k]
            if w.pos in ("VERB", "AUX") and (w.lemma in verbs or w.form in verbs):
                subject = sentence.subject_of(k)
                return subject is not None and words[subject].form not in _SPEAKING_WRITER
        return False

    def mentioned(self, sentence: Sentence, a: int) -> bool:
        """Is the quoted word `a` what someone else says or shouts ("on crie « bande de nuls » aux
        arbitres", "he yelled 'you idiots'"): a quotation after a verb of speech (`@speech`, the
        reporting verbs) whose subject is not the writer ("je lui ai dit « ... »" stays said)?"""
        if not sentence.quoted[a]:
            return False
        words = sentence.words
        opening = a
        while opening > 0 and sentence.quoted[opening - 1]:
            opening -= 1
        if _named_as_words(sentence, opening):
            return True
        verbs = REPORTING_VERBS.get(self.language, frozenset()) | self.cues.words.get("speech", frozenset())
        for k in range(opening - 1, -1, -1):
            if words[k].pos in ("VERB", "AUX") and (words[k].lemma in verbs or words[k].form in verbs):
                subject = sentence.subject_of(k)
                return subject is None or words[subject].form not in _SPEAKING_WRITER
        if all(w.pos == "PUNCT" for w in words[:opening]):
            # The quotation opens the sentence and the rest says who said it ("'...' – that's what a
            # driver heard", « « ... » : voilà ce qu'a entendu une livreuse »).
            closing = a
            while closing < len(words) and sentence.quoted[closing]:
                closing += 1
            return self._reports_from(sentence, closing)
        return False

    def _rebuttal_label(self, sentence: Sentence) -> int:
        """The number of words of a truth-value label opening `sentence` (`@rebuttal` then
        punctuation or the sentence's end: "Faux :", "Wrong,", "C'est faux."), else 0."""
        joined, starts = _joined(sentence)
        for pattern in self.cues.regexes.get("rebuttal", ()):
            m = pattern.match(joined)
            if m is not None and _opens_with(joined, pattern):
                return sum(1 for start in starts if start < m.end())
        return 0

    @staticmethod
    def _refusal_to_act(sentence: Sentence, a: int) -> bool:
        """Is the word at `a` a refusal whose complement is an action aimed at someone ("refuse de
        les prendre", "refuse to take their calls"), not a claim or a deed refused ("refuse de
        croire", "refuse to accept", "refusons de faire")?"""
        words = sentence.words
        if words[a].lemma not in _REFUSAL_VERBS or a + 1 >= len(words) or words[a + 1].form not in _INFINITIVE_MARKS:
            return False
        k, aimed = a + 2, False
        while k < len(words) and words[k].form in _CLITICS:
            aimed = aimed or words[k].form in _AIMED_CLITICS
            k += 1
        if k >= len(words) or words[k].pos not in ("VERB", "AUX") or words[k].lemma in _REFUSED_CLAIMS:
            return False
        # (or after it: "refuse d'aller le revoir", "refuse to take their calls"; a clitic before a
        # verb is one whatever the tagger says: it reads "le" in "aller le revoir" as a determiner)
        return aimed or any(
            words[j].form in _AIMED_AFTER
            or words[j].form in _AIMED_CLITICS and (words[j].pos == "PRON" or j + 1 < len(words) and words[j + 1].pos == "VERB")
            for j in range(k + 1, min(k + 3, len(words)))
        )

    @staticmethod
    def _conditional(sentence: Sentence, a: int) -> bool:
        """Is word `a` inside a condition: "si" / "if" earlier in the same clause (no comma between)?"""
        for w in reversed(sentence.words[:a]):
            if w.form in (",", ";", ":"):
                return False
            if w.form in _CONDITIONS:
                return True
        return False

    def named(self, sentence: Sentence, a: int) -> bool:
        """Is the word at `a` what someone is called ("traité d'idiot", "calling them idiots")?"""
        naming = self.cues.words.get("naming", frozenset())
        for j in range(max(0, a - _NAMING_WINDOW), a):
            w = sentence.words[j]
            if (w.lemma in naming or w.form in naming) and _within(sentence, a, j, steps=2):
                between = {x.form for x in sentence.words[j + 1 : a]}
                if self.language == "fr" and not between & {"de", "d'"}:
                    continue
                if between & _COMPARISON:
                    continue
                return True
        return False

    def blocked(self, sentence: Sentence, a: int, countered: bool) -> bool:
        return countered or _negated(sentence, a) or sentence.quoted[a] or self.named(sentence, a) or _self_judgement(sentence, a)

    # -- targets -----------------------------------------------------------------------
    def aimed(self, sentence: Sentence, a: int, b: int, strict: bool = False, fallback: bool = True, depth: int = 0) -> Target | None:
        """The target the words [a, b) are said of, if any (see the module docstring).

        `strict`: only a target next to the words or linked to them (swearing);
        `fallback`: without subject or link, the sentence's nearest target may do."""
        words = sentence.words
        targets = [t for t in sentence.targets(self.names) if not a <= t.index < b]
        human = [t for t in targets if t.kind != "self"]
        r = _range_root(sentence, a, b)
        if depth == 0 and sentence.topic is not None and all(w.pos in ("DET", "PUNCT") for w in words[:a]):
            # The phrase opening a comment on a topic is said of it, whatever the parse makes of
            # the rest ("Acme ? Une boîte d'arnaqueurs qui promet des primes et ne les verse jamais").
            topical = [t for t in sentence.topic.targets(self.names) if t.kind != "self"]
            if topical:
                return topical[0]
        opening = a - 1 if a and words[a - 1].pos == "DET" else a
        closed = any(w.form == "," for w in words[b : b + _APPOSITION_WORDS])  # "cette girouette sans colonne vertébrale,"
        if depth == 0 and opening > 1 and words[opening - 1].form == "," and closed:
            # An apposition between commas ("Notre DG adjoint, cet incapable notoire, a ...")
            # is said of the target just before it, whatever role the parser gave it.
            apposed = [t for t in human if opening - 4 <= t.index < opening - 1]
            if apposed:
                return apposed[-1]
        subject = sentence.subject_of(r)
        if subject is not None and not a <= subject < b:
            for t in targets:
                if t.index == subject or _within(sentence, t.index, subject):
                    return None if t.kind == "self" else t
            if words[subject].form not in _DEMONSTRATIVES:
                return None  # said of something or someone that is no target ("ce bug", "everyone")
            before = [t for t in human if t.index < subject]
            if before:
                return before[-1]  # "Acme, c'est de la merde": the dislocated topic
            topical = [t for t in sentence.topic.targets(self.names) if t.kind != "self"] if depth == 0 and sentence.topic is not None else []
            if topical:
                return topical[0]  # « Les comptes hospitaliers : ... ce ne sont pas des lumières »: "ce" is the topic
            # "Notre DAF, honnête ? Faux : c'est un escroc": what the label answers names whom.
            label = sentence.topic
            if depth == 0 and label is not None and label.topic is not None and self._rebuttal_label(label):
                answered = [t for t in label.topic.targets(self.names) if t.kind != "self"]
                return answered[0] if answered else None
            return None
        for t in human:
            if depth == 0 and _linked(sentence, r, t.index, t.organisation):  # not from a thing's noun: "match nul pour l'équipe"
                return t
        copula = next((k for k, w in enumerate(words) if w.head == r and w.dep == "cop"), None)
        if copula is not None:  # the parser missed the subject: the target before "est" / "is"
            before = [t for t in human if t.index < copula]
            if before:
                return before[-1]
        dep, head = words[r].dep, words[r].head
        if head != r and words[head].lemma in _COPULA_LEMMAS and dep.startswith(("ccomp", "xcomp", "attr")):
            # "les caissières ne sont que des machines": the parser hung the attribute on the copula.
            said_of = next((t for t in targets if t.index == sentence.subject_of(head)), None)
            if said_of is not None:
                return None if said_of.kind == "self" else said_of
        # An adjective the parser hung on a noun as a clause ("une idée stupide ce matin") is a phrase too.
        adjective_clause = dep.startswith("acl") and words[r].pos == "ADJ" and words[head].pos == "NOUN"
        if head != r and (dep.startswith(_PHRASE_DEPS) or adjective_clause) and depth < 4:
            # Inside a larger phrase: what that phrase is said of ("une entreprise de voleurs",
            # "run by crooks", "a pathetic little man"), without falling back on any target.
            return self.aimed(sentence, head, head + 1, strict, False, depth + 1)
        if dep.startswith(_ARGUMENT_DEPS):
            return None  # an argument of a verb: "une arnaque cible nos clients"
        if strict:
            return next((t for t in human if abs(t.index - a) <= 1 or abs(t.index - (b - 1)) <= 1), None)
        if sentence.topic is not None:
            topical = [t for t in sentence.topic.targets(self.names) if t.kind != "self"]
            if topical:
                return topical[0]
        if not fallback:
            return None
        if any(t.kind == "self" and t.index < a for t in targets) and not human:
            return None
        before = [t for t in human if t.index < a]
        if before:
            return before[-1]
        return human[0] if human else None

    # -- findings ----------------------------------------------------------------------
    def read(self, sentence: Sentence, countered: bool, previous: Sentence | None = None,
             antecedent: Sentence | None = None) -> list["ToneFinding"]:
        """Findings of one parsed sentence; `previous`: the sentence before it, when parsed (whom
        its pronouns may refer to); `antecedent`: the sentence before it parsed for a degrading
        noun that refers back to people ("these parasites"), when `previous` is not."""
        out: list[ToneFinding] = []
        words = sentence.words
        groups = [t for t in sentence.targets(self.names) if t.kind == "group"]
        dehumanising = matches(sentence, self.cues, "dehumanising")
        expletives = matches(sentence, self.cues, "expletive")
        for a, b in matches(sentence, self.cues, "hostile") + matches(sentence, self.cues, "insult_frame"):
            if self.blocked(sentence, a, countered):
                continue
            # A swear word opening the sentence as an interjection ("Et merde, il neige", "Oh
            # crap, ...") is aimed only through a link, never by falling back on whoever the
            # sentence names.
            interjection = any(
                (x <= a < y or a <= x < b) and y < len(words) and words[y].pos == "PUNCT"
                and all(w.pos in ("CCONJ", "INTJ", "PUNCT") for w in words[:x])
                for x, y in expletives)
            target = self.aimed(sentence, a, b, strict=interjection)
            if target is not None:
                out.append(self._finding(sentence, a, b, target, "hostile"))
        for a, b in dehumanising:
            if self.blocked(sentence, a, countered):
                continue
            compared = any(w.form in _COMPARISON for w in words[max(0, a - 4) : a])
            target = self.aimed(sentence, a, b)
            if target is not None and target.kind in ("group", "person"):  # "les migrants", "ces gens"
                out.append(self._finding(sentence, a, b, target, "hate"))
            elif target is not None and not target.organisation and target.kind != "self" and _predicated_noun(sentence, a, b):
                # Staff or customers called cattle or furniture ("les intérimaires sont du bétail").
                out.append(self._finding(sentence, a, b, target, "hostile"))
            elif compared:
                human = [t for t in sentence.targets(self.names) if t.kind != "self"]
                people = target or (human[0] if human else None)
                if people is not None:
                    out.append(self._finding(sentence, a, b, people, "hate" if people.kind == "group" else "hostile"))
            elif target is None and _demonstrative_epithet(sentence, a):
                # A degrading noun naming people already spoken of ("Travellers set up next door.
                # Lock up, these parasites ..."): said of whom the sentence or the one before names.
                number = words[a].feature("Number")
                referred = [t for s in (sentence, previous or antecedent) if s is not None for t in s.targets(self.names)
                            if t.kind != "self" and not t.organisation and (s is not sentence or t.index != a)
                            and not (s.words[t.index].feature("Number") == "Sing" and number == "Plur")]  # not "an intern ... these rats"
                if referred:
                    out.append(self._finding(sentence, a, b, referred[0], "hate" if referred[0].kind == "group" else "hostile"))
        if not out:
            out.extend(self._dehumanised(sentence, countered))
        for a, b in matches(sentence, self.cues, "trait"):
            if self.blocked(sentence, a, countered):
                continue
            target = self.aimed(sentence, a, b)
            if target is not None and target.kind == "group":
                out.append(self._finding(sentence, a, b, target, "hate"))
        excluding = matches(sentence, self.cues, "exclusion")
        excluded = len(out)
        if excluding and not (words and words[-1].form == "?" and matches(sentence, self.cues, "policy")):
            # (a question asking whether the rule is allowed is no exclusion: "peut-on légalement ...?")
            group = self._excluded_group(sentence, groups)
            for a, b in excluding:
                if group is not None and not self.blocked(sentence, a, countered):
                    out.append(self._finding(sentence, a, b, group, "discrimination"))
        if len(out) == excluded and not countered:
            out.extend(self._discrimination(sentence, groups, previous))
        threats = self._threats(sentence, countered)
        out.extend(threats or self._ultimatum(sentence, countered, previous))
        return out

    def _dehumanised(self, sentence: Sentence, countered: bool) -> list["ToneFinding"]:
        """People said to be, or treated as, a degrading non-human kind, in words no list holds
        ("les sans-abri sont des sacs poubelle", "migrants are a mould", "traités comme des
        meubles cassés"): a group or a word for people (not a pronoun, not the writer, not a
        company) is the subject of a copula whose attribute is a noun, or the sentence compares
        them "comme" / "like" a noun; that noun phrase is read by meaning
        (`tone.dehumanising`: nearer refuse, vermin, disease, objects... than people or the
        things people are praised as). Negated, quoted, named ("traités de") or countered
        predications are none."""
        words = sentence.words
        people = [t for t in sentence.targets(self.names)
                  if (t.kind == "group" or t.kind == "person" and words[t.index].pos not in ("PRON", "PROPN")  # not "il", "Julie"
                      and not words[t.index].form.startswith("@")) and not t.organisation]
        if countered or not people or (words and words[-1].form == "?"):
            return []
        vocabulary = target_words(self.language)
        candidates: list[tuple[int, int, Target]] = []
        for k, w in enumerate(words):
            if w.pos != "NOUN" or any(t.index == k for t in people) or self.blocked(sentence, k, False):
                continue
            if w.lemma in vocabulary.people or w.lemma in vocabulary.groups or w.lemma in vocabulary.kinds or _is_personhood(w.lemma, self.language):
                continue  # a word for people is no thing: "ils sont des gens bien"
            said_of = self._predicated_of(sentence, k, people)
            if said_of is not None:
                a = k
                # The kind is read with its modifiers ("defective toasters", "des meubles cassés"
                # reads "meubles"), but not a word for people, which would pull it to people:
                # "human rubbish" is read "rubbish".
                while (a > 0 and words[a - 1].head == k and words[a - 1].dep in ("compound", "amod") and words[a - 1].pos in ("NOUN", "ADJ")
                       and not _is_personhood(words[a - 1].lemma, self.language)):
                    a -= 1
                candidates.append((a, k + 1, said_of))
        if not candidates:
            return []
        phrases = [" ".join(words[j].form for j in range(a, b)) for a, b, _ in candidates]
        out = []
        for (a, b, target), found in zip(candidates, degrading(phrases)):
            if found:
                out.append(self._finding(sentence, a, b, target, "hate" if target.kind == "group" else "hostile"))
        return out[:1]

    @staticmethod
    def _predicated_of(sentence: Sentence, k: int, people: list[Target]) -> Target | None:
        """The people the noun at `k` is said to be ("X sont des Y", "X are Y", "X, des Y qui")
        or compared to ("traités comme des Y", "treated like Y"), if any."""
        words = sentence.words
        w = words[k]
        if any(c.head == k and c.dep == "cop" for c in words):  # French: the attribute heads the clause
            subject = sentence.subject_of(k)
        elif w.dep in ("attr", "appos") or (words[w.head].lemma in _COPULA_LEMMAS and w.dep.startswith(("xcomp", "ccomp", "attr"))):
            subject = sentence.subject_of(w.head) if w.dep != "appos" else w.head
        elif any(x.form in _COMPARISON for x in words[max(0, k - 3) : k]):
            before = [t for t in people if t.index < k]
            return before[-1] if before else (people[0] if people else None)
        else:
            return None
        if subject is None:
            return None
        return next((t for t in people if t.index == subject or _within(sentence, t.index, subject, steps=2)), None)

    def _ultimatum(self, sentence: Sentence, countered: bool, previous: Sentence | None) -> list["ToneFinding"]:
        """A threat by structure, without a violent verb ("si tu me remets sur le planning, tu
        marcheras plus droit", "the next manager who ... is getting his tyres slashed", "j'espère
        qu'il a une bonne assurance vie"): a harm to someone's body, property or family
        (`@harm`), an ultimatum, condition, wish or warning (`@pressure`) and a person or role
        the harm is aimed at (a target of the sentence, or someone addressed: a second-person
        word, an @mention or a vocative name, here or in the sentence before), said by the
        writer (first person singular) or to an @mention. Not a question, not a safety reminder
        (`@safety`: "si tu ne mets pas ton casque, tu finis aux urgences"), not negated,
        quoted or countered; "tuer ce vieux processus", "exploser les objectifs" hold no harm."""
        words = sentence.words
        if countered or not words or words[-1].form == "?" or matches(sentence, self.cues, "safety"):
            return []
        harm = [(a, b) for a, b in matches(sentence, self.cues, "harm") if not self.blocked(sentence, a, False)]
        armed = [(a, b) for a, b in matches(sentence, self.cues, "armed") if not self.blocked(sentence, a, False)]
        pressure = [(a, b) for a, b in matches(sentence, self.cues, "pressure") if not sentence.quoted[a]]
        if not (harm or armed) or not pressure:
            return []
        mentioned = any(w.form.startswith("@") for s in (sentence, previous) if s is not None for w in s.words)
        addressed = mentioned or any(
            w.form in _SECOND_PERSON_WORDS or _vocative(s, k) for s in (sentence, previous) if s is not None for k, w in enumerate(s.words))
        writer = any(w.form in _WRITER_WORDS for w in words)
        people = [t for t in sentence.targets(self.names) if t.kind != "self" and not t.organisation]
        # The writer coming armed threatens whoever will be there, named or not; not in a game
        # ("one more win and I'm bringing my bat to the final").
        played = [a for a, _ in matches(sentence, self.cues, "game") if not any(x <= a < y for x, y in armed)]  # not "baseball bat"
        coming_armed = bool(armed) and writer and not played and not _tool_use(sentence, armed[0][1])
        if not (people or addressed or coming_armed) or not (writer or mentioned):
            return []
        a, b = (harm or armed)[0]
        target = people[0] if people else Target("person", words[a].start, words[a].end, a)
        return [self._finding(sentence, a, b, target, "threat")]

    def _discrimination(self, sentence: Sentence, groups: list[Target], previous: Sentence | None) -> list["ToneFinding"]:
        """An employment decision taken against a protected ground, said as a practical rule
        without a slur ("pas de candidates enceintes pour ce poste", "skip anyone past 55"):
        a protected ground (a group or an attribute, in the sentence or its topic), an employment
        decision or place and a disadvantage, unquoted, in a sentence that is no question (asking
        for the rule) and no policy against it ("quel que soit", "regardless of", "we never
        screen CVs by age"); a countered or reported one is read before this (`countered`). A
        plural pronoun takes its group from the sentence before ("Les vieux ne suivent pas :
        inutile de les former")."""
        words = sentence.words
        if not words or matches(sentence, self.cues, "policy") or matches(sentence, self.cues, "reported"):
            return []
        if words[-1].form == "?" and not self._dismissal_opening(sentence):
            return []
        employment = [(a, b) for a, b in matches(sentence, self.cues, "employment") if not sentence.quoted[a]]
        if not (employment or sentence.topic is not None and matches(sentence.topic, self.cues, "employment")):
            return []
        ground = self._excluded_group(sentence, groups)
        if ground is None and previous is not None and any(w.form in _PLURAL_PRONOUNS and w.pos == "PRON" for w in words):
            ground = self._excluded_group(previous, [t for t in previous.targets(self.names) if t.kind == "group"])
        if ground is None:
            return []
        # The disadvantage: an exclusion or deontic phrase, a negated decision ("on ne recrute
        # plus"), or a negation the ground follows ("pas de femmes voilées", "no one with");
        # a negation of anything else ("n't miss our webinar", "nobody loses pay") is none.
        grounds = {t.index for t in groups} | {a for a, _ in matches(sentence, self.cues, "protected")}
        # An exclusion verb that is itself negated ("n'ont jamais été écartés", "don't skip") is none.
        excluding = [(a, b) for a, b in matches(sentence, self.cues, "disadvantage") if not (words[a].pos == "VERB" and _negated(sentence, a))]
        disadvantage = [*excluding, *matches(sentence, self.cues, "negated_decision"),
                        *((a, b) for a, b in matches(sentence, self.cues, "negated_ground") if any(a <= g <= b + 2 for g in grounds))]
        disadvantage = [(a, b) for a, b in disadvantage if not sentence.quoted[a]]
        if not disadvantage:
            return []
        # The span is the rule itself: from the first to the last of its decision words; a quoted
        # verb inside it is a claim cited to be answered ("ne « volent » pas nos emplois"), a
        # quoted description is not ("pas de candidates « en âge de l'être » pour le poste").
        here = [*disadvantage, *employment]
        a, b = min(a for a, _ in here), max(b for _, b in here)
        if any(sentence.quoted[k] and words[k].pos == "VERB" for k in range(a, b)):
            return []
        return [self._finding(sentence, a, b, ground, "discrimination")]

    def _dismissal_opening(self, sentence: Sentence) -> bool:
        """Does `sentence`, the answer to a topic question, open with a dismissal (`@disadvantage`:
        « Un X à l'accueil ? Et puis quoi encore, ... ? », "... ? Over my dead body, ... ?")? Its own
        question mark is then rhetorical, not a question asking for the rule."""
        if sentence.topic is None:
            return False
        first = next((k for k, w in enumerate(sentence.words) if w.pos != "PUNCT"), None)
        return first is not None and any(a == first for a, _ in matches(sentence, self.cues, "disadvantage"))

    def _said_of_someone(self, sentence: Sentence, k: int) -> bool:
        """Is word `k` a target, or a hostile word (itself said of someone: "stupid idiot")?"""
        if any(t.index == k and t.kind != "self" for t in sentence.targets(self.names)):
            return True
        vocabulary = target_words(self.language)
        w = sentence.words[k]
        if any(w.lemma in words or w.form in words for words in (vocabulary.kinds, vocabulary.groups, vocabulary.people)):
            return True  # a word for people or a company, determiner or not: "a rotten company"
        return any(a <= k < b for a, b in matches(sentence, self.cues, "hostile"))

    def _excluded_group(self, sentence: Sentence, groups: list[Target]) -> Target | None:
        """The protected group an exclusion phrase is about: a group word of the sentence or of
        its topic ("Une femme enceinte en entretien ? On passe"), or a group described in
        several words ("en fauteuil roulant", "over 50", "with a foreign accent")."""
        if groups:
            return groups[0]
        for s in (sentence, sentence.topic):
            if s is None:
                continue
            topical = [t for t in s.targets(self.names) if t.kind == "group"]
            if topical and s is not sentence:
                return topical[0]
            described = matches(s, self.cues, "protected")
            if described:
                a, b = described[0]
                return Target("group", s.words[a].start, s.words[b - 1].end, a)
        return None

    def _threats(self, sentence: Sentence, countered: bool) -> list["ToneFinding"]:
        out = []
        words = sentence.words
        # Companies are no victims: "tuer la concurrence", "kill the competition" is business talk.
        human = [t for t in sentence.targets(self.names) if t.kind != "self" and not t.organisation]
        hostile_people = {a for a, _ in matches(sentence, self.cues, "hostile")}
        for a, b in matches(sentence, self.cues, "threat_phrase"):
            if not self.blocked(sentence, a, countered):
                out.append(self._finding(sentence, a, b, human[0] if human else None, "threat"))
        for a, b in matches(sentence, self.cues, "consequence"):
            if not self.blocked(sentence, a, countered) and not self.warning(sentence, a):
                out.append(self._finding(sentence, a, b, human[0] if human else None, "threat"))
        # Menacing only about someone, with a wish, a condition or a warning: "un accident est
        # vite arrivé" is a safety reminder, beside "il faudrait s'occuper du délégué" a threat.
        named = [t for t in human if sentence.words[t.index].form not in _ALL_PERSON_PRONOUNS]
        modal = self.cues.words.get("modal", frozenset())
        warned = any(_in(modal, w) or w.form in _CONDITIONS or w.form in _WARNING_WORDS for w in words)
        # A misfortune befalling the people who act against the writer ("accidents happen to
        # people who talk to HR about me") insinuates retaliation without a modal or condition.
        retaliation = [t for t in human if _against_writer(sentence, t.index)]  # ("ceux qui me ...", "those who ...")
        if retaliation and not warned:
            named, warned = retaliation, True
        if named and warned:
            for a, b in matches(sentence, self.cues, "menace"):
                if not self.blocked(sentence, a, countered):
                    out.append(self._finding(sentence, a, b, named[0], "threat"))
        elif warned and _hypothetical(sentence) and not matches(sentence, self.cues, "safety"):
            # The menace names its victim itself, by an object pronoun, as a hypothesis ("ce serait
            # dommage qu'il lui arrive quelque chose", "shame if something happened to her"): aimed at
            # someone. A misfortune regretted as a fact (« quel dommage qu'il leur arrive malheur ») is none.
            for a, b in matches(sentence, self.cues, "menace"):
                victim = next((t for t in human if a <= t.index <= b and words[t.index].form in _VICTIM_PRONOUNS), None)
                if victim is not None and not self.blocked(sentence, a, countered):
                    out.append(self._finding(sentence, a, b, victim, "threat"))
        if human:
            for a, b in matches(sentence, self.cues, "violence"):
                if not self.blocked(sentence, a, countered):
                    out.append(self._finding(sentence, a, b, human[0], "threat"))
        verbs = self.cues.words.get("threat_verb", frozenset())
        stems = tuple(stem for stem in (_verb_stem(v, self.language) for v in verbs) if len(stem) >= 4)
        candidates = [(k, k + 1) for k, w in enumerate(words) if _in(verbs, w) or w.form.startswith(stems)]
        for a, b in candidates:
            w = words[a]
            if w.pos not in ("VERB", "AUX", "NOUN", "PROPN", "ADJ", "X") or self.blocked(sentence, a, countered):
                continue
            if _command(sentence, a):
                continue
            start = a
            target = None
            # A clitic right before the verb is its object, whatever the tagger says ("il faudrait les noyer").
            if a > 0 and words[a - 1].form in _CLITIC_OBJECTS:
                start, target = a - 1, next((t for t in human if t.index == a - 1), None) or _pronoun_target(words[a - 1])
            if target is None:
                for t in human:
                    if a < t.index <= a + _OBJECT_WINDOW or (words[t.index].head == a and not words[t.index].dep.startswith("nsubj")):
                        target = t
                        break
            if target is None and any(a < k <= a + _OBJECT_WINDOW for k in hostile_people):
                target = Target("person", words[a].start, words[a].end, a)
            if target is None and self._passive(sentence, a):
                before = [t for t in human if t.index < a]
                target = before[0] if before else None
            if target is None or not self._intent(sentence, a) or self.game(sentence, a):
                continue
            out.append(self._finding(sentence, start, b, target, "threat"))
        return out

    def warning(self, sentence: Sentence, a: int) -> bool:
        """Is the harm said at word `a` (a consequence with no one doing it, "tu finiras à
        l'hôpital") a warning rather than a threat? A threat has the writer behind the harm,
        aimed at someone else; a warning names a danger (`@safety`), a precaution left out
        (a negated condition, "si tu ne mets pas ta ceinture", "if you don't stretch", or one
        of omission, "skip the warm-up and", "sans pause"), or harms the writer's own side
        ("on va tous finir à l'hôpital", "the coach will put us all in hospital"). A condition
        about the writer ("if you don't pay me back", "si tu ne me laisses pas tranquille") or
        demanding that something stop ("if you don't stop") keeps it a threat."""
        words = sentence.words
        if matches(sentence, self.cues, "safety") or self._harms_own_side(sentence, a):
            return True
        omission = self.cues.words.get("omission", frozenset())
        first = next((k for k, w in enumerate(words) if w.pos != "PUNCT"), a)
        condition = next((k for k in range(a - 1, -1, -1) if words[k].form in _CONDITIONS), None)
        if condition is None:
            # "Skip the warm-up and you'll ...": an imperative of omission opening the sentence.
            return first < a and _in(omission, words[first])
        clause = words[condition + 1 : a]
        if any(w.form in _WRITER_WORDS for w in clause) or any(w.lemma in _STOP_VERBS or w.form in _STOP_VERBS for w in clause):
            return False
        negators = NEGATORS.get(self.language, frozenset())
        return any(w.form in negators or w.lemma in negators or _in(omission, w) for w in clause)

    def warns(self, sentence: Sentence) -> bool:
        """Does the sentence say a harm (`@consequence`, `@harm`), each one as a warning
        (`warning`), or violence (`@threat_verb`) done only to the writer's own side ("the boss
        is going to kill us", "le coach va nous tuer") or played in a game (`game`)?"""
        harms = matches(sentence, self.cues, "consequence") + matches(sentence, self.cues, "harm")
        violent = [a for a in self._violent_verbs(sentence) if not _command(sentence, a)]
        if not harms and not violent:
            return False
        return all(self.warning(sentence, a) for a, _ in harms) and all(
            self._own_side_object(sentence, a) or self.game(sentence, a) for a in violent)

    def _violent_verbs(self, sentence: Sentence) -> list[int]:
        """The words of `sentence` that are violent verbs (`@threat_verb`, by lemma or stem)."""
        verbs = self.cues.words.get("threat_verb", frozenset())
        stems = tuple(stem for stem in (_verb_stem(v, self.language) for v in verbs) if len(stem) >= 4)
        return [k for k, w in enumerate(sentence.words)
                if (_in(verbs, w) or w.form.startswith(stems)) and w.pos in ("VERB", "AUX", "NOUN", "PROPN", "ADJ", "X")]

    def _own_side_object(self, sentence: Sentence, a: int) -> bool:
        """Is the object of the violent verb `a` the writer's side ("kill us", "nous tuer"), and
        no one else ("kill you and me")?"""
        patient = _nearest_object(sentence, a)
        return patient is not None and sentence.words[patient].form in _OWN_SIDE_OBJECTS

    def game(self, sentence: Sentence, a: int) -> bool:
        """Is the violence of verb `a` a game's ("on va massacrer l'équipe de la compta au tournoi
        de pétanque", "our five-a-side team is going to murder accounts' team")? A game or sport
        named in the sentence (`@game`) and, as the one it is done to, a team (`@team`), the
        writer's side, or "them" when a team or the writer's side ("we", "on") does it. Someone
        alone ("I'll kill you after the match, ref") is threatened, game or not."""
        if not matches(sentence, self.cues, "game"):
            return False
        words = sentence.words
        teams = self.cues.words.get("team", frozenset())
        nearest = _nearest_object(sentence, a)
        if nearest is None:
            return False
        patient = words[nearest]
        if _in(teams, patient) or patient.form in _OWN_SIDE_OBJECTS:
            return True
        subject = sentence.subject_of(a)
        agent = words[subject] if subject is not None else None
        return patient.form in _PLURAL_PRONOUNS and agent is not None and (agent.form in _PLURAL_SIDE or _in(teams, agent))

    def _harms_own_side(self, sentence: Sentence, a: int) -> bool:
        """Is the one harmed at word `a` the writer or the writer's side ("on va finir", "we'll
        end up", "put us all in hospital"): the subject of the harm or an object near it?"""
        words = sentence.words
        subject = sentence.subject_of(a)
        if subject is not None and words[subject].form in _OWN_SIDE:
            return True
        near = words[max(0, a - 2) : a + _OBJECT_WINDOW]
        return any(w.form in _OWN_SIDE_OBJECTS and w.dep.startswith(("obj", "dobj", "iobj", "obl", "pobj", "nsubj")) for w in near)

    def _passive(self, sentence: Sentence, a: int) -> bool:
        w = sentence.words[a]
        return w.feature("VerbForm") == "Part" and any(x.lemma in ("be", "etre", "get") for x in sentence.words[max(0, a - 3) : a])

    def _intent(self, sentence: Sentence, a: int) -> bool:
        """Future, conditional, imperative, subjunctive or a modal before the verb."""
        modal = self.cues.words.get("modal", frozenset())
        words = sentence.words
        related = [words[a], *(x for x in words if x.head == a and x.dep.startswith("aux"))]
        if words[a].head != a:
            related.append(words[words[a].head])
        for x in related:
            if x.feature("Tense") == "Fut" or x.feature("Mood") in ("Cnd", "Imp", "Sub"):
                return True
        if any(x.lemma in modal or x.form in modal for x in words[:a]):
            return True
        first = next((k for k, x in enumerate(words) if x.pos != "PUNCT"), a)
        if words[first].form in ("qu'", "que") and first < a:
            return True  # French jussive subjunctive: "qu'on les pende"
        return first == a and words[a].pos == "VERB"  # imperative: "Hang them all"

    def _finding(self, sentence: Sentence, a: int, b: int, target: Target | None, kind: str) -> "ToneFinding":
        from .analyzer import ToneFinding

        start, end = sentence.words[a].start, sentence.words[b - 1].end
        role = TARGET_ROLE.get(target.kind, None) if target is not None else None
        category = _finding_category(kind, role)
        score = SCORES["threat" if kind == "threat" else "hate" if category == "hate" else "hostile"]
        return ToneFinding(category, start, end, score, role, f"meaning:{kind}")

    # -- lexicon findings, revised ----------------------------------------------------------
    def revise(self, sentence: Sentence, finding: "ToneFinding", countered: bool) -> "ToneFinding | None":
        """A lexicon finding in a parsed sentence: removed when negated, quoted, reported or
        countered; swearing aimed at no one becomes `profanity`."""
        from dataclasses import replace

        a = sentence.index_at(finding.start)
        if a is None:
            return finding
        b = (sentence.index_at(finding.end - 1) or a) + 1
        first, last = sentence.words[a], sentence.words[b - 1]
        if "-" in first.form + last.form and (first.start < finding.start or finding.end < last.end):
            return None  # a piece of a compound word: "nique" in "pique-nique"
        if countered or self.named(sentence, a) or finding.category == "insult" and _self_judgement(sentence, a):
            return None
        if finding.category == "aggression" and self.warns(sentence):
            return None  # a warning, violence a game's or done to the writer's own side ("the boss will kill us")
        negated = _negated(sentence, a) and not _argument_under_opinion(sentence, a)
        if negated or sentence.quoted[a]:
            root = _range_root(sentence, a, b)
            said_of = negated and (
                sentence.subject_of(root) is not None or _denied_by_determiner(sentence, root) or _denied_opinion(sentence, root))
            if finding.evidence not in _CRUDE or said_of or self.mentioned(sentence, a):
                return None  # "ce n'est pas un incompétent", "il n'est pas un crétin", « nul »
            # A crude word stays crude when negated or quoted ("don't be a b*tch"): lowered, kept.
            finding = replace(finding, score=round(finding.score * _LOWERED, 3))
        if finding.category == "insult":
            w = sentence.words[a]
            swearing = matches(sentence, self.cues, "expletive")
            if (b - a == 1 and w.pos == "ADJ" and w.dep in ("amod", "acl") and sentence.words[w.head].pos == "NOUN"
                    and finding.evidence not in _CRUDE and not any(x <= a < y for x, y in swearing)
                    and not self._said_of_someone(sentence, w.head)):
                return None  # a mild adjective of a thing: "une idée stupide"; crude words and swearing stay

            subject = sentence.subject_of(a)
            if subject is not None and sentence.words[subject].form in SELF_WORDS.get(self.language, frozenset()) and not _unrivalled(sentence, a):
                return None  # about the writer: "j'ai été un idiot" (not "je n'ai vu personne d'aussi X")
            exclaimed = any(w.form in _EXCLAMATIVES for w in sentence.words[max(0, a - 3) : a])
            if finding.evidence == "insult:directed" and exclaimed and self.aimed(sentence, a, b) is None:
                return None  # exclaimed about no one: "quelle honte, notre stand était le plus petit"
            expletive = [r for r in matches(sentence, self.cues, "expletive") if r[0] <= a < r[1] or a <= r[0] < b]
            inside = any(a <= t.index < b and t.kind != "self" for t in sentence.targets(self.names))  # "fuck you"
            # Swearing aimed at no one, or a noun of contempt said of a thing ("cette saloperie d'imprimante").
            if (expletive and not inside and self.aimed(sentence, a, b, strict=True) is None) or (
                b - a == 1 and self._epithet_of_thing(sentence, a)
            ):
                return replace(finding, category="profanity", score=SCORES["profanity"], evidence="meaning:expletive")
        return finding

    def _epithet_of_thing(self, sentence: Sentence, a: int) -> bool:
        """Is the noun at `a` an epithet of a thing: the head of "N de X" / "N of a X" whose X is no
        one ("cette saloperie d'imprimante", "ce salaud d'ordinateur", "this bastard of a printer")?
        The construction says the contempt of X (as "ce crétin de responsable" does of a person),
        so said of a machine, a program or the weather (`dehumanising.things`) it is swearing, not
        an insult; a noun for people, or one the encoder cannot tell from people, keeps it."""
        words = sentence.words
        if words[a].pos != "NOUN":
            return False
        of = _EPITHET_LINKS.get(self.language, frozenset())
        # (the link is the described noun's own: in « saloperie de photocopieuse, en panne » the
        # "de" of the first noun does not make "panne" described too)
        described = [k for k, w in enumerate(words) if w.head == a and k > a and w.pos == "NOUN" and w.dep in ("nmod", "pobj")
                     and any(words[j].form in of and words[j].head == k for j in range(a + 1, k))]
        if self.language == "en":  # "bastard of a printer": the noun hangs on "of"
            described += [k for k, w in enumerate(words) if w.dep == "pobj" and w.pos == "NOUN" and words[w.head].form in of
                          and words[w.head].head == a and k > a]
        if len(described) != 1 or described[0] - a > _EPITHET_GAP:
            return False
        thing = described[0]
        if any(t.index == thing or _within(sentence, t.index, thing) for t in sentence.targets(self.names)):
            return False
        # The described noun with the words of its own phrase after it: "mise" says little, "mise a
        # jour" is a thing ("cette saloperie de mise à jour").
        end = thing + 1
        while end < len(words) and end - thing < _EPITHET_GAP and sentence.descends(end, thing):
            end += 1
        phrase = " ".join(w.form for w in words[thing:end])
        return not names_someone(phrase, self.language) and things([phrase])[0]


# Words joining an epithet to what it is said of ("saloperie d'imprimante", "bastard of a printer"),
# and how far the described noun may stand from the epithet ("of a stupid old printer").
_EPITHET_LINKS = {"fr": frozenset({"de", "d'"}), "en": frozenset({"of"})}
_EPITHET_GAP = 4


_LINKS = frozenset({"amod", "nmod", "appos", "acl", "det", "obl", "obl:mod", "nmod:poss", "poss", "prep", "pobj", "case", "flat:name"})


# Nouns for words said ("words like « ... »", « des insultes comme « ... » », "the term '...'"): a
# quotation they introduce is a word talked about, not used. And what may stand between them and
# the quotation, or between quotations listed after them.
_WORDS_FOR_WORDS = frozenset({
    "word", "term", "insult", "slur", "epithet", "expression", "phrase", "remark", "comment", "name", "nickname",
    "mot", "terme", "insulte", "injure", "remarque", "propos", "qualificatif", "surnom", "sobriquet",
})
_LISTING_WORDS = frozenset({"like", "such", "as", "including", "comme", "tel", "tels", "telle", "telles", "que", "qu'",
                            "du", "type", "genre", "and", "or", "et", "ou", "of", "de", "d'"})


def _named_as_words(sentence: Sentence, opening: int) -> bool:
    """Is the quotation opening at word `opening` introduced by a noun for words ("words like 'X' and
    'Y'", « des insultes comme « X » », "the slur 'X'"), over listing words, punctuation and the
    quotations listed before it? It is a word talked about (a report, a definition), not used."""
    words = sentence.words
    k = opening - 1
    while k >= 0 and (sentence.quoted[k] or words[k].pos == "PUNCT" or words[k].form in _LISTING_WORDS):
        k -= 1
    return k >= 0 and k < opening - 1 and words[k].pos == "NOUN" and (words[k].lemma in _WORDS_FOR_WORDS or _singular(words[k].form) in _WORDS_FOR_WORDS)


def _vocative(sentence: Sentence, k: int) -> bool:
    """Is word `k` a name the sentence calls out to, set off by commas ("Keep it up, Sandra,
    and ...", "Je te préviens Karim, ...")? A proper noun after a comma or opening the
    sentence, followed by a comma or the end."""
    words = sentence.words
    if words[k].pos != "PROPN" or not words[k].form[:1].isalpha():
        return False
    before = words[k - 1].form if k else ","
    after = words[k + 1].form if k + 1 < len(words) else "."
    return (before in (",", "te", "vous", "previens") or k == 0) and after in (",", ".", "!", ":")


def _command(sentence: Sentence, a: int) -> bool:
    """Is word `a` a command written with its options ("kill -9", "pkill -f", "kill --signal")?"""
    following = sentence.words[a + 1].form if a + 1 < len(sentence.words) else ""
    return len(following) >= 2 and following[0] == "-" and following[1:2].isalnum()


def _linked(sentence: Sentence, a: int, t: int, organisation: bool = False) -> bool:
    """A dependency of at most two steps between word `a` and target word `t`, not through a verb.
    A compound counts for a company's name ("those Globex crooks"), not for a role ("CEO fraud")."""
    words = sentence.words
    links = _LINKS | {"compound"} if organisation else _LINKS
    for x, y in ((a, t), (t, a)):
        step, hops = x, 0
        while hops < 2:
            head = words[step].head
            if head == step:
                break
            if head == y and words[step].dep in links:
                return True
            if words[head].pos in ("VERB", "AUX"):
                break
            step, hops = head, hops + 1
    return False


def _predicated_noun(sentence: Sentence, a: int, b: int) -> bool:
    """Is the noun phrase [a, b) what something is said to be ("sont du bétail", "are just
    furniture"), not an argument of a verb ("a un cancer", "fight the plague")?"""
    w = sentence.words[_range_root(sentence, a, b)]
    if w.pos not in ("NOUN", "PROPN"):
        return False
    return not w.dep.startswith(("obj", "dobj", "iobj", "nsubj", "obl", "pobj"))


def _negated(sentence: Sentence, a: int) -> bool:
    """Is word `a` negated? The parse's negation, plus French cases it misses or over-reads:
    a negative subject ("Personne à l'équipe n'est un X"), "n'avoir rien d'un X", the
    restrictive "ne ... que" ("ne sont que des machines": only, no negation), and a negation
    inside a leading condition ("Si le chef refuse ..., il va ...") that stops at its comma."""
    words = sentence.words
    if _least_degree(sentence, a):
        return True
    if _unrivalled(sentence, a):
        return False
    forms = [w.form for w in words[:a]]
    ne = [k for k, f in enumerate(forms) if f in _FRENCH_NE] if sentence.language == "fr" else []
    if ne and (any(f in _NEGATIVE_SUBJECTS for f in forms[: ne[-1]]) or _nothing_of(forms)):
        return True
    if ne and "ni" in forms[ne[-1] :] and not any(f in _CLAUSE_ENDS for f in forms[ne[-1] :]):
        return True  # "n'est ni bête ni paresseux": the parse often misses "ni ... ni"
    if not sentence.negated[a]:
        return False
    commas = [k for k, f in enumerate(forms) if f == ","]
    if commas and words[0].form in _CONDITIONS:
        negators = NEGATORS.get(sentence.language, frozenset())
        if not any(w.form in negators or w.lemma in negators for w in words[commas[0] + 1 : a]):
            return False
    if ne:
        restrictive = [k for k in range(ne[-1] + 1, a) if forms[k] in _RESTRICTIVE]
        clause = any(w.pos in ("VERB", "AUX") for w in words[restrictive[0] + 1 : a]) if restrictive else True
        if restrictive and not clause and not any(f in _NEGATIVES for f in forms[ne[-1] :]):
            return False
    return True


_LEAST = frozenset({"least", "moins"})
# "jamais vu quelqu'un d'aussi X", "never met anyone as X", « personne n'est aussi X que lui »: the
# negation denies that anyone else is as X, and so asserts X of whom it is said.
_ANYONE = frozenset({"quelqu'un", "personne", "anyone", "anybody", "someone", "somebody", "nobody", "noone"})
_EQUAL_DEGREE = frozenset({"aussi", "si", "autant", "tant", "as", "so"})
_DEGREE_GAP = frozenset({"d'", "de", "plus", "more"})


def _unrivalled(sentence: Sentence, a: int) -> bool:
    """Is word `a` the quality of an equal degree said of no one else ("jamais vu quelqu'un d'aussi
    X", "never met anyone so X", « personne n'est aussi X que lui »)? Not negated then: asserted.
    "n'est pas un si mauvais collègue", "not as X as they say" name no one else and stay negated."""
    words = sentence.words
    k = a - 1
    if k < 0 or words[k].form not in _EQUAL_DEGREE:
        return False
    k -= 1
    while k >= 0 and words[k].form in _DEGREE_GAP:
        k -= 1
    if k < 0:
        return False
    if words[k].form in ("un", "une") and k > 0 and words[k - 1].form in ("quelqu'", "quelqu"):
        return True
    return words[k].form in _ANYONE or any(w.form in _ANYONE for w in words[max(0, k - 2) : k + 1]) and words[k].pos in ("VERB", "AUX")


def _hypothetical(sentence: Sentence) -> bool:
    """Does the sentence say a hypothesis: a condition ("si", "if") or a conditional ("serait", "would")?"""
    return any(w.form in _CONDITIONS or w.feature("Mood") == "Cnd" or w.form in ("would", "'d") for w in sentence.words)


def _least_degree(sentence: Sentence, a: int) -> bool:
    """Is word `a` said at its lowest degree ("the least lazy people", « les moins paresseux de
    l'étage »)? A superlative of the minimum denies the quality; "at least", « au moins » and the
    comparative ("moins idiot que son chef") do not."""
    words = sentence.words
    return a >= 2 and words[a - 1].form in _LEAST and words[a - 2].pos == "DET"


# Verbs of opinion whose negation denies the clause they govern ("je ne pense pas qu'il soit un
# idiot" says he is not one).
_OPINION_VERBS = frozenset({"penser", "croire", "trouver", "estimer", "considerer", "think", "believe", "reckon", "consider"})
_OPINION_REACH = 8  # steps up the parse from a word to the clause of opinion it lies in


# Verbs whose subject is the one who loses or suffers, and verbs that present a forecast as the writer's.
_LOSS_VERBS = frozenset({"lose", "suffer", "miss", "bleed", "perdre", "souffrir", "manquer", "rater"})
_FORECAST_VERBS = _OPINION_VERBS | frozenset({"fear", "worry", "expect", "guess", "suppose", "feel",
                                              "craindre", "redouter", "supposer", "imaginer", "sentir"})
_NEAR_FUTURE = frozenset({"aller", "go"})  # « on va perdre », "we're going to lose"


def _own_loss(sentence: Sentence) -> bool:
    """Does `sentence` only forecast a loss of the writer's own side ("I think we'll lose key people",
    « je crains qu'on perde nos meilleurs éléments »): a verb of losing or suffering with the writer's
    side as its subject, and no verb but it and verbs of opinion or worry? The harm falls on the
    writer's side: a worry, not a threat ("we'll make them pay" has a verb of its own)."""
    words = sentence.words
    verbs = [k for k, w in enumerate(words) if w.pos == "VERB"]
    losses = [k for k in verbs if words[k].lemma in _LOSS_VERBS]
    if not losses or any(
        k not in losses and words[k].lemma not in _FORECAST_VERBS
        and not (words[k].lemma in _NEAR_FUTURE and any(0 < j - k <= 2 for j in losses))
        for k in verbs
    ):
        return False
    return all((subject := sentence.subject_of(k)) is not None and words[subject].form in _OWN_SIDE for k in losses)


def _denied_opinion(sentence: Sentence, a: int) -> bool:
    """Is word `a` what a negated opinion says someone is ("Je ne pense pas que notre direction
    soit composée d'imbéciles", "I don't think our team is full of morons")? From the word up to the
    clause the opinion verb governs, the way is a description (copulas, participles, adjectives,
    prepositions), not the subject of that clause nor an action in it ("je ne crois pas que ces
    imbéciles comprennent", "I don't think we can trust those idiots": they are still called so)."""
    words = sentence.words
    negators = NEGATORS.get(sentence.language, frozenset())
    for w in words[:a]:
        opinion = w.head
        if not (w.form in negators or w.lemma in negators) or words[opinion].lemma not in _OPINION_VERBS or opinion >= a:
            continue
        j = a
        for _ in range(_OPINION_REACH):
            x = words[j]
            if x.dep.startswith("nsubj") or x.pos == "VERB" and x.lemma not in _COPULA_LEMMAS and x.feature("VerbForm") != "Part":
                break
            if x.head == opinion:
                return x.dep.startswith("ccomp")
            if x.head == j:
                break
            j = x.head
    return False


def _argument_under_opinion(sentence: Sentence, a: int) -> bool:
    """Is word `a` an argument of an action in the clause a negated opinion governs ("I don't think
    we can trust those morons", « je ne crois pas qu'on puisse garder ces abrutis »)? The negation
    is the opinion's, said of the action: the people are still called so. A description the
    opinion denies ("I don't think they are morons") is no argument of an action (`_denied_opinion`)."""
    words = sentence.words
    w = words[a]
    if not w.dep.startswith(("dobj", "obj", "nsubj")) or w.head == a:
        return False
    action = words[w.head]
    if action.pos != "VERB" or action.lemma in _COPULA_LEMMAS or action.lemma in _OPINION_VERBS or action.dep != "ccomp":
        return False
    negators = NEGATORS.get(sentence.language, frozenset())
    return any((x.form in negators or x.lemma in negators) and x.head == action.head
               and words[action.head].lemma in _OPINION_VERBS for x in words[: action.head + 1])


def _demonstrative_epithet(sentence: Sentence, a: int) -> bool:
    """Is the noun at `a` used to refer, with a demonstrative ("these parasites will ...", « cette
    meute a encore ... »): the subject or object of a verb, naming whom it degrades?"""
    words = sentence.words
    w = words[a]
    if w.pos != "NOUN" or not w.dep.startswith(_ARGUMENT_DEPS):
        return False
    return any(c.head == a and c.index != a and c.form in _DEMONSTRATIVE_DETERMINERS for c in words)


_DEMONSTRATIVE_DETERMINERS = frozenset({"these", "those", "ces", "cette", "ce", "cet"})


def _tool_use(sentence: Sentence, b: int) -> bool:
    """Does a purpose follow the thing brought, ending at word `b` ("an axe to chop firewood",
    « une hache pour couper du bois »), not a negated one (« et pas pour éteindre un feu »)?"""
    words = sentence.words
    for k in range(b, min(b + _PURPOSE_REACH, len(words) - 1)):
        if words[k].form in _PURPOSE_MARKS and words[k + 1].pos == "VERB":
            return not any(w.form in _NEGATIVES or w.form == "not" for w in words[max(b, k - 2) : k])
    return False


_PURPOSE_MARKS = frozenset({"to", "pour"})
_PURPOSE_REACH = 4


def _against_writer(sentence: Sentence, t: int) -> bool:
    """Are the people at word `t` described by what they do against the writer: a relative clause
    right after them holding a first-person object ("people who talk to HR about me", « les gens
    qui vont se plaindre de moi », "whoever reports me")?"""
    words = sentence.words
    k = t if words[t].form in WHOEVER.get(sentence.language, frozenset()) else t + 1  # "whoever" opens its own clause
    if k >= len(words) or k > t and words[k].form not in _RELATIVES:
        return False
    for w in words[k + 1 : k + 1 + _RELATIVE_REACH]:
        if w.form in _CLAUSE_BREAK_FORMS:
            return False
        if w.form in _WRITER_OBJECTS:
            return True
    return False


# Relative pronouns, how far a relative clause is read, what ends it, and the writer as an object
# or complement (`_against_writer`).
_RELATIVES = frozenset({"who", "that", "qui"})
_RELATIVE_REACH = 8
_CLAUSE_BREAK_FORMS = frozenset({",", ".", ";", ":", "!", "?"})
_WRITER_OBJECTS = frozenset({"me", "m'", "moi", "my", "mon", "ma", "mes"})


def _self_judgement(sentence: Sentence, a: int) -> bool:
    """Is word `a` what someone feels or judges themselves to be ("she felt stupid", "se trouvait
    idiote", "considers himself an idiot", « je me sens nul »): a verb of feeling, or of judging
    with a reflexive pronoun, just before it (adverbs, articles and "as" between)? Said of oneself,
    it judges no one else; "you should feel stupid" / « tu devrais te sentir idiot » (an obligation
    before the verb) still judges its subject. Read on word order: the parser often hangs such an
    adjective on the next noun ("felt stupid asking questions")."""
    words = sentence.words
    language = sentence.language
    reflexives = _REFLEXIVES.get(language, frozenset())
    k, reflexive = a - 1, False
    while k >= 0 and a - k <= _SELF_JUDGEMENT_GAP and (words[k].pos in ("ADV", "DET") or words[k].form in _DEGREE_WORDS or words[k].form in reflexives):
        reflexive = reflexive or words[k].form in reflexives
        k -= 1
    if k < 0 or words[k].lemma not in _SELF_JUDGING_VERBS.get(language, frozenset()):
        return False
    if language == "fr":
        reflexive = k > 0 and words[k - 1].form in reflexives
    if not (reflexive or words[k].lemma in _FEELING_VERBS):
        return False
    return not any(w.lemma in _OBLIGATION for w in words[max(0, k - 3) : k])


# Verbs of feeling and of judging oneself (`_self_judgement`), the reflexive pronouns that make the
# judgement one's own, the words that may stand between the verb and what is felt ("felt a bit
# stupid", « se sentait vraiment nulle », "saw herself as a fraud"), and the obligations that make
# "you should feel stupid" a judgement of its subject.
_SELF_JUDGING_VERBS = {
    "fr": frozenset({"sentir", "trouver", "croire", "juger", "considerer", "estimer", "voir", "penser", "traiter"}),
    "en": frozenset({"feel", "consider", "find", "think", "call", "see", "believe", "label"}),
}
_FEELING_VERBS = frozenset({"feel"})
_REFLEXIVES = {
    "fr": frozenset({"se", "s'", "me", "m'", "te", "t'"}),
    "en": frozenset({"myself", "yourself", "himself", "herself", "themselves", "ourselves", "oneself"}),
}
_DEGREE_WORDS = frozenset({"a", "an", "bit", "little", "kind", "sort", "of", "so", "really", "very", "pretty", "quite", "totally",
                           "completely", "like", "as", "un", "une", "peu", "vraiment", "tellement", "si", "tres", "trop", "completement",
                           "comme", "pour", "de", "d'"})
_OBLIGATION = frozenset({"should", "must", "ought", "devoir", "falloir"})
_SELF_JUDGEMENT_GAP = 4


def _nearest_object(sentence: Sentence, a: int) -> int | None:
    """The object of verb `a` nearest to it (a dependent object, or a clitic or own-side pronoun
    right before it: "nous tuer"), if any: the parser takes a closing "haha" / "lol" for another one."""
    words = sentence.words
    objects = [k for k, w in enumerate(words) if w.head == a and k != a and w.dep.startswith(("obj", "dobj", "iobj"))]
    if a > 0 and words[a - 1].form in _CLITIC_OBJECTS | _OWN_SIDE_OBJECTS:
        objects.append(a - 1)
    return min(objects, key=lambda k: abs(k - a)) if objects else None


def _nothing_of(forms: list[str]) -> bool:
    """Do the words before a noun end in "rien d'un" / "rien de" ("n'a rien d'un tocard"): what
    someone is said to have nothing of, a denied description?"""
    return "rien" in forms[-3:] and bool({"d'", "de"} & set(forms[-2:]))


def _denied_by_determiner(sentence: Sentence, k: int) -> bool:
    """Is the noun `k` denied by its own determiner ("is no idiot", "n'a rien d'un tocard",
    "aucun incapable"), not by a verb's negation ("don't be a b*tch" tells someone off)?"""
    words = sentence.words
    if sentence.language == "fr" and _nothing_of([w.form for w in words[:k]]):
        return True
    return any(c.head == k and c.index != k and c.dep == "det" and c.form in _NEGATIVE_DETERMINERS for c in words)


def _range_root(sentence: Sentence, a: int, b: int) -> int:
    """The word of [a, b) whose head lies outside it (the head of a phrase such as "dead weight")."""
    for k in range(a, b):
        head = sentence.words[k].head
        if head == k or not a <= head < b:
            return k
    return a


def _within(sentence: Sentence, k: int, head: int, steps: int = 3) -> bool:
    """Is word `k` inside the phrase headed by `head` (at most `steps` steps down)?"""
    words = sentence.words
    for _ in range(steps):
        if words[k].head == k:
            return False
        k = words[k].head
        if k == head:
            return True
    return False


def _pronoun_target(word) -> Target | None:
    for language in LANGUAGES:
        if word.form in PERSON_PRONOUNS[language]:
            return Target("person", word.start, word.end, word.index)
    return None


@dataclass(frozen=True, slots=True)
class MeaningResult:
    found: list["ToneFinding"]  # findings by meaning
    revised: list["ToneFinding"]  # the lexicon's findings, revised by the parse
    defused: frozenset[int]  # sentences whose hostile words were negated, quoted, reported or countered


def first_sentences(linguistics: "Linguistics", cues: CueLexicon, lexical: Iterable["ToneFinding"]) -> list[int]:
    """The sentences `read_meaning` parses first, whatever it reads in them: those with a cue, and
    those holding a lexicon finding it revises."""
    return sentences_to_parse(linguistics, cues, (f.start for f in lexical if f.category in _REVISED))


def read_meaning(
    linguistics: "Linguistics",
    names: TargetNames,
    cues: CueLexicon,
    lexical: list["ToneFinding"],
    hostility: "HostilityModel | None" = None,
    learned: dict | None = None,
    first: list[int] | None = None,
) -> MeaningResult:
    """Findings by meaning, the lexicon's findings revised, and the defused sentences of one post;
    with `hostility`, sentences no cue explains are also read by that learned model.

    `learned`: the post's memo of that reading (`ToneCache.learned`), so that several tone
    rules whose lexicon findings differ only by the model's hints embed a sentence once.
    `first`: `first_sentences` of these findings, when the caller has them already."""
    reader = MeaningReader(linguistics.language, cues, names)
    indices = first if first is not None else first_sentences(linguistics, cues, lexical)
    parsed = dict(zip(indices, linguistics.parsed(indices))) if indices else {}
    found: list[ToneFinding] = _rejected_proposals(linguistics, cues)
    countered: dict[int, bool] = {}
    defused: set[int] = set()
    refuting: set[int] = set()  # sentences that answer a refuted claim
    reporting: set[int] = set()  # sentences whose hostile words are all quoted or what someone was called
    for k, sentence in parsed.items():
        neighbours = [s for s in (sentence.topic,) if s is not None]
        if k + 1 < len(linguistics.spans) and sentence.end < len(linguistics.text) and linguistics.text[sentence.end : sentence.end + 3].lstrip().startswith(":"):
            neighbours.extend(linguistics.parsed([k + 1]))
        rejection = _refuting(linguistics, k, cues)
        countered[k] = reader.countered(sentence, neighbours) or rejection is not None
        if rejection is not None:
            # The rejection and the reasons before it are the writer's answer to the claim, not
            # what a post-wide finding is about ("Lazy? Far from it, they shipped early").
            refuting.update(range(k + 1, rejection + 1))
        antecedent = None
        if k and k - 1 not in parsed and matches(sentence, cues, "dehumanising"):
            antecedent = linguistics.parsed([k - 1])[0]  # whom a degrading noun may refer back to
        read = reader.read(sentence, countered[k], parsed.get(k - 1), antecedent)
        if k + 1 < len(linguistics.spans) and any(f.evidence == "meaning:discrimination" for f in read):
            # A rule reported, then refused or reported in the next sentence ("On m'a demandé
            # d'écarter ces CV. J'ai refusé et je l'ai signalé."), is no rule of the writer.
            after = parsed[k + 1] if k + 1 in parsed else linguistics.parsed([k + 1])[0]
            if reader.countered(after, ()) or matches(after, cues, "reported"):
                read = [f for f in read if f.evidence != "meaning:discrimination"]
        found.extend(read)
        cues_here = matches(sentence, cues, "hostile") + matches(sentence, cues, "trait") + matches(sentence, cues, "dehumanising")
        if countered[k] or cues_here and all(reader.blocked(sentence, a, False) for a, _ in cues_here):
            defused.add(k)
            if cues_here and all(sentence.quoted[a] or reader.named(sentence, a) for a, _ in cues_here):
                reporting.add(k)
        elif reader.warns(sentence) and not any(f.evidence == "meaning:threat" for f in read):
            # A warning ("si tu ne mets pas ta ceinture, tu finiras à l'hôpital") threatens no one.
            defused.add(k)
        elif any(_command(sentence, a) for a, _ in matches(sentence, cues, "threat_verb")):
            # A shell command ("kill -9 the zombie workers"): its violent verb is no threat, and
            # whom the model's finding would be about cannot be read from it.
            defused.add(k)
    # A sentence that is only a quotation, whose speaker the next sentence names ("« ... » : c'est
    # ce qu'un livreur a lancé à mon collègue"), reports someone else's words.
    for k, sentence in parsed.items():
        quoted = [q for q, w in zip(sentence.quoted, sentence.words) if w.pos != "PUNCT"]
        if quoted and all(quoted) and k + 1 < len(linguistics.spans):
            after = parsed[k + 1] if k + 1 in parsed else linguistics.parsed([k + 1])[0]
            if reader.reports_quotation(after):
                countered[k] = True
                defused.add(k)
                reporting.add(k)
    revised = []
    removed: set[int] = set()
    for f in lexical:
        at = linguistics.sentence_of(f.start)
        if f.category in _REVISED and at is not None and at in parsed:
            kept = reader.revise(parsed[at], f, countered[at])
            if kept is not None:
                revised.append(kept)
            else:
                removed.add(at)
        else:
            revised.append(f)
    # A sentence whose every lexicon finding was removed (negated, quoted...) and that keeps no finding.
    standing = {linguistics.sentence_of(f.start) for f in [*revised, *found] if f.category in _REVISED}
    defused |= removed - standing
    countered_here: set[int] = set()  # sentences the learned reading found hostile but countered, denied or mentioned
    if hostility is not None:
        memo = learned if learned is not None else {}
        key = (names, frozenset(standing), frozenset(defused))
        if key not in memo:
            memo[key] = _learned_findings(linguistics, reader, hostility, standing | defused, defused)
        by_model, countered_here = memo[key]
        found.extend(by_model)
        defused |= countered_here
    # What answers a refuted claim is no target of a post-wide finding, unless it holds one itself;
    # nor is the reason given after a denial ("No, the clerk is not an idiot. She handles ...")
    # or the advice after counter-speech ("Calling a colleague 'stupid' is harassment. Critique
    # the work, not the person."), also when it is the learned reading that found the sentence
    # before countered ("Someone scrawled '...' on the door. It's been wiped and HR is on it."),
    # nor the writer's comment on an insult reported as said or quoted ("A caller called our
    # agent 'a clown'. Our lead took over the call. Proud of him.").
    reasons = {k + 1 for k in defused if k in parsed and (countered[k] or _denied_or_quoted(parsed[k], "insult")) or k in countered_here}
    if reporting:  # (every sentence in it is defused) the comment runs from the first report to the end
        reasons.update(range(min(reporting) + 1, len(linguistics.spans)))
    defused |= (refuting | reasons) - standing - {linguistics.sentence_of(f.start) for f in found}
    return MeaningResult(found, revised, frozenset(defused))


def _learned_findings(
    linguistics: "Linguistics", reader: "MeaningReader", model: "HostilityModel", taken: set[int | None], defused: set[int]
) -> tuple[list["ToneFinding"], set[int]]:
    """Findings of the learned reading (`hostility_model`) in the sentences no other reading
    flagged or defused (`taken`; `defused`: those whose hostile words were negated, quoted or
    countered), and the sentences it read as hostile but that are countered.

    A sentence is read with its topic fragment ("Les abonnés ? Des vaches à lait." is about
    the subscribers); only sentences past the model's cheap gate are embedded, and only the
    ones it finds hostile are parsed (for counter-speech and for whom they are about)."""
    from .analyzer import ToneFinding

    language = linguistics.language
    names = tuple(word_key(n) for n in (*reader.names.employer, *reader.names.competitors) if n and n.strip())
    wanted: list[int] = []
    texts: list[str] = []
    topics: dict[int, int] = {}  # sentence -> index in `texts` of its topic fragment read alone
    pieces: dict[int, list[tuple[int, int, int]]] = {}  # sentence -> (index in `texts`, start, end) of the text read and of its clauses
    group_named: dict[int, bool] = {}  # sentence -> does the text read name an identity group
    antecedents: dict[int, int] = {}  # closing epithet -> the sentence it is said of, read with it
    targeted_only: set[int] = set()  # sentences past the targeted reading's gate, not the general one
    continuing: set[int] = set()  # sentences naming no one, let in as going on about the sentence before
    near_only: set[int] = set()  # sentences in the gate's near band only: kept at the model's near_gate_threshold
    tester_only: list[bool] = []  # per text read: let in by the tester head's gate alone
    spans, text = linguistics.spans, linguistics.text
    for k, (start, end) in enumerate(spans):
        if k in taken or end - start > MAX_PARSED_CHARS:
            continue
        if k - 1 in defused and text[spans[k - 1][0] : spans[k - 1][1]].rstrip().endswith(":"):
            continue  # the reason given for a denial ("n'a rien d'un lèche-bottes : c'est lui qui...")
        topic = linguistics.topic_of(k)
        if topic in taken or topic is not None and _refuted(linguistics, topic, reader.cues):
            # A fragment already read as hostile (or defused) is no topic to read again, nor a
            # question the sentence answers with a rejection ("Lazy? Far from it, she ...").
            topic = None
        if topic is None and k - 1 not in taken and _closing_epithet(text, spans, k, language, names):
            # "Globex a copié notre appli. Bande de charlatans." says who it is about before.
            antecedents[k] = _antecedent(linguistics, k, names, taken)
        about = None
        if k in antecedents:
            # The epithet is read alone (the sentence before would drown it in the embedding);
            # the sentence before, with its own topic fragment ("Globex :"), says whom it is about.
            before = linguistics.topic_of(antecedents[k])
            about = text[spans[antecedents[k] if before is None or before in taken else before][0] : end]
        offset = spans[topic][0] if topic is not None else start
        read = text[offset:end]
        # A sentence that names no one may go on about whom the sentence before names ("Globex
        # stand looked great. Shame it was staffed by ...", « Initech maquille ses tests. Ce sont
        # des tricheurs. »): the gate reads it as said of them, and its target is read there
        # (below, as for a sentence said of "they").
        previous_text = text[slice(*spans[k - 1])] if about is None and topic is None and k > 0 and k - 1 not in defused else None
        general_gate, targeted_gate, near_gate = model.gates(read, language, names, about, previous_text)
        # (a sentence only the tester head's gate lets in is read by that head alone)
        tester_gate = not (general_gate or targeted_gate or near_gate) and model.tester_gate_opens(read, language, names, about, previous_text)
        if (general_gate or near_gate or tester_gate) and previous_text is not None and not names_someone(read, language, names):
            continuing.add(k)
        if general_gate or targeted_gate or near_gate or tester_gate:
            first = len(texts)
            if targeted_gate:
                targeted_only.add(k)  # let in by the targeted reading's gate alone: decided by that reading alone
            if near_gate:
                near_only.add(k)
            wanted.append(k)
            # The text read whole, then each of its clauses when it is long (a hostile clause
            # drowns in the embedding of a long sentence): the most hostile of them counts.
            pieces[k] = [(len(texts), start, end)]
            texts.append(read)
            for a, b in clauses(read):
                pieces[k].append((len(texts), offset + a, offset + b))
                texts.append(read[a:b])
            group_named[k] = names_group(read, language)
            if topic is not None:
                # A question that is itself the insult ("Le chef, un ours ? Pas du tout.") is
                # read on its own: what answers it is not hostile for being next to it.
                topics[k] = len(texts)
                texts.append(text[slice(*spans[topic])])
            tester_only.extend([tester_gate] * (len(texts) - first))
        if len(wanted) == MAX_PARSED_SENTENCES:
            break
    read_all = model.read(texts, tester_only)
    # Sentences the general reading leaves under its threshold, read again with the workplace
    # target they name masked (None: they name none). `put_downs` (-> score): those it finds run
    # down, or does not find fine when the general reading reaches ROLE_THRESHOLD.
    general = {k: max(read_all[i][0] for i, _, _ in pieces[k]) for k in wanted}
    # A sentence the gate left just under it stands on the general reading at the near band's own,
    # stricter threshold (then decided as any sentence past the gate), or through the targeted
    # reading when that gate let it in; else it is no finding (the lower role threshold and the
    # targeted confirmation were set together with the gate, not with its band).
    for k in near_only:
        if general[k] >= model.near_gate_threshold:
            targeted_only.discard(k)
        elif k not in targeted_only:
            wanted.remove(k)
    undecided = [k for k in wanted if model.targeted_floor <= general[k] and (general[k] < model.threshold or k in targeted_only)]
    targeted = dict(zip(undecided, model.read_targeted([texts[pieces[k][0][0]] for k in undecided], language, names)))
    put_downs = {
        k: q if q >= model.targeted.threshold else general[k]
        for k, q in targeted.items()
        if q is not None and model.targeted is not None
        and (q >= model.targeted.threshold or k not in targeted_only and general[k] >= ROLE_THRESHOLD and q >= model.targeted.confirm_threshold)
    }
    hostile = []  # (sentence, probability, kind, span of the finding)
    for k in wanted:
        (probability, kind), _, span_start, span_end = max((read_all[i], i, a, b) for i, a, b in pieces[k])
        if not spans[k][0] <= span_start < spans[k][1]:
            span_start, span_end = spans[k]  # the clause lies in the topic fragment: the sentence is the finding
        if (
            (k in put_downs or k not in targeted_only and (probability >= model.threshold or targeted.get(k) is None and probability >= ROLE_THRESHOLD))
            and not (k in topics and read_all[topics[k]][0] >= model.threshold)
            # A closing epithet calls names; read as a threat, it is an idiom ("Blown away.").
            and not (k in antecedents and kind == "threat")
        ):
            hostile.append((k, probability, kind, (span_start, span_end)))
    if not hostile:
        return [], set()
    out: list[ToneFinding] = []
    countered: set[int] = set()
    said_before = sorted({antecedents[k] for k, *_ in hostile if k in antecedents})
    said_of = dict(zip(said_before, linguistics.parsed(said_before)))
    for (k, probability, kind, (start, end)), sentence in zip(hostile, linguistics.parsed(k for k, *_ in hostile)):
        neighbours = [s for s in (sentence.topic, said_of.get(antecedents.get(k, -1))) if s is not None]
        if (reader.countered(sentence, neighbours) or _denied_or_quoted(sentence, kind) or _refuted(linguistics, k, reader.cues)
                or kind == "threat" and (reader.warns(sentence) or _own_loss(sentence))
                or kind == "hate" and _no_one_prevents(sentence)
                or _hostile_only_in_mention(text, sentence, reader, model)):
            if probability >= model.threshold:  # (under it, the sentence was read only for a put-down of a role)
                countered.add(k)
            continue
        if k > 0 and text[slice(*spans[k - 1])].rstrip().endswith(":") and _denied_or_quoted(linguistics.parsed([k - 1])[0], "insult"):
            continue  # the reason given for a denial ("n'est pas une brute : il connaît les enfants de chacun")
        antecedent_topic = said_of[antecedents[k]].topic if k in antecedents else None
        if antecedent_topic is not None:
            neighbours.append(antecedent_topic)  # "Globex just launched...: a knock-off. Bunch of charlatans."
        if k in continuing and _said_of_a_thing(sentence):
            continue  # "Our intern fixed the build. The old CI was a dumpster fire anyway."
        if kind == "insult" and _praised_role(sentence, text):
            continue  # "Our lead is a remarkable engineer": a role predicated with praise
        own = sorted(sentence.targets(reader.names), key=lambda t: _people_in_general(text, t))
        around = [t for s in neighbours for t in s.targets(reader.names)]
        if all(_third_person_pronoun(text, t) for t in own):
            # Said of no one but "they" / "il", or of no one at all, the sentence is about what
            # its topic or the sentence before named ("Initech ? ... : ils vendent la lune",
            # "Ne bossez pas chez Acme. Boîte pourrie, dirigée par des menteurs.").
            if k > 0 and k - 1 not in defused and k not in antecedents and sentence.topic is None:
                previous = linguistics.parsed([k - 1])[0]
                # (a denial of a description: any noun under a negation denies a sentence read as a
                # threat, not the one before it, "hiring X is charity, not business. They can't ...",
                # unless that one announces its reason with a colon: "Nobody can call him a brute: he ...")
                announced = text[slice(*spans[k - 1])].rstrip().endswith(":")
                if k - 1 in countered or _denied_or_quoted(previous, kind if announced else "insult") or reader.countered(previous, []):
                    continue  # what follows a denial is its reason ("n'est pas une brute : elle connaît...")
                around.extend(t for s in _with_topic(previous) for t in s.targets(reader.names))
            targets = [*(t for t in around if t.kind not in ("person", "self")), *own, *around]
        else:
            # The first one named, a role before people in general ("a dumpster fire run by
            # people who'd sell their own staff").
            targets = [*own, *around]
            if _third_person_pronoun(text, own[0]):
                # "Initech : they lie to customers": the pronoun the sentence opens with stands for
                # whom its topic names, before the others it names itself.
                targets = [*(t for t in around if t.kind not in ("person", "self")), *targets]
        # Hatred is of a group, even when the sentence calls its people "them" after naming it.
        target = next((t for t in targets if kind == "hate" and t.kind == "group"), targets[0] if targets else None)
        role = TARGET_ROLE.get(target.kind) if target is not None else None
        if probability < model.threshold or k in targeted_only:
            if not (role in _WORKPLACE_ROLES and (k in put_downs or targeted.get(k) is None and kind in ("insult", "disparage"))):
                continue  # under the head's threshold, only a put-down of a workplace role the parse names stands
            if k in put_downs:
                kind, probability = ("insult" if role == "colleagues" else "disparage"), put_downs[k]
        if role in (None, "person") and not (target is not None and _given_name(text, target)) and not (
            (kind == "threat" or kind == "hate" and (group_named[k] or target is not None and _people_in_general(text, target)))
            and probability >= model.unaimed_threshold
        ):
            # Aimed at no one the parse can name, or at a bare pronoun ("she is ...", the talk of
            # chat about public figures): the learned reading alone is not enough. A threat may
            # name no one ("watch your back"), and hatred of a group the sentence names often
            # calls its people "them" or "those people" ("Travellers? Skip them"), or names them
            # by a word for people in general ("homeless people", "les sans-abri"): those stand
            # at the head's own, stricter threshold (chat about people reads as such too often).
            continue
        out.append(ToneFinding(_finding_category(kind, role), start, end, round(probability, 3), role, f"learned:{kind}"))
    return out, countered


def _hostile_only_in_mention(text: str, sentence: Sentence, reader: "MeaningReader", model: "HostilityModel") -> bool:
    """Is what the learned reading found hostile a quotation the sentence reports as someone
    else's words ("Someone scrawled 'X go home' on the door", "a caller called our agent '...'"):
    a quotation after a verb of speech whose subject is not the writer (`MeaningReader.mentioned`), and the
    sentence without its quoted words read under the threshold? The reading does not know which
    words made it hostile, so the sentence is read again without the quotation (one more
    embedding, only for such sentences). A quotation the writer says ("je lui ai dit « ... »") or
    scare quotes ("our 'expert' is a clown") are no mention."""
    quoted = [k for k, q in enumerate(sentence.quoted) if q]
    if not quoted or not reader.mentioned(sentence, quoted[0]):
        return False
    kept = [text[w.start : w.end] for w, q in zip(sentence.words, sentence.quoted) if not q and w.form not in ("'", '"', "«", "»", "“", "”")]
    probability, _kind = model.read([" ".join(kept)])[0]
    return probability < model.threshold


def _antecedent(linguistics: "Linguistics", k: int, names: tuple[str, ...], taken: set[int | None]) -> int:
    """The sentence a closing epithet `k` is said of: the one before it, or the one before that
    when the sentence between names no one ("Initech livre comme des pizzas froides : en retard
    et immangeables. Une bande d'incompétents.")."""
    spans, text, language = linguistics.spans, linguistics.text, linguistics.language
    if k >= 2 and k - 2 not in taken:
        before = linguistics.topic_of(k - 1)
        if not names_someone(text[spans[k - 1 if before is None else before][0] : spans[k - 1][1]], language, names):
            return k - 2
    return k - 1


def _with_topic(sentence: Sentence) -> list[Sentence]:
    return [sentence] if sentence.topic is None else [sentence, sentence.topic]


def _people_in_general(text: str, target: Target) -> bool:
    """Is `target` (in the post `text`) a noun for people in general ("people", "gens",
    "guy"), neither a pronoun nor an @mention?"""
    form = word_key(text[target.start : target.end])
    return target.kind == "person" and form not in _ALL_PERSON_PRONOUNS and not form.startswith("@")


def _praised_role(sentence: Sentence, text: str) -> bool:
    """Is a workplace role predicated of someone, modified by adjectives, and said with praise
    ("X is a remarkable engineer", « un ingénieur remarquable »: `dehumanising.praised_roles`)?
    The learned reading reads some such predications as put-downs by their form; the role phrase
    alone (determiner, adjectives, noun) says which it is. One embedding, only for such sentences."""
    kinds = target_words(sentence.language).kinds
    words = sentence.words
    phrases = []
    for k, w in enumerate(words):
        if w.pos != "NOUN" or w.dep not in ("attr", "ROOT", "appos") or kinds.get(w.lemma, kinds.get(w.form)) != "colleague":
            continue
        parts = [j for j, c in enumerate(words) if c.head == k and j != k and c.dep in ("det", "amod")]
        if any(words[j].dep == "amod" for j in parts):
            first, last = min([*parts, k]), max([*parts, k])
            phrases.append(text[words[first].start : words[last].end])
    return bool(phrases) and all(praised_roles(phrases))


def _said_of_a_thing(sentence: Sentence) -> bool:
    """Has the main clause of `sentence` a noun for its subject ("The old CI was a dumpster fire",
    « Ce logiciel est une calamité »)? Said of no one the parse names, it is said of that thing,
    not of whom the sentence before names."""
    roots = [k for k, w in enumerate(sentence.words) if w.dep == "ROOT"]
    return any(
        (subject := sentence.subject_of(root)) is not None and sentence.words[subject].pos in ("NOUN", "PROPN")
        for root in roots
    )


def _nominal_of_things(sentence: Sentence) -> bool:
    """Is `sentence` verbless, its head a noun for a thing, a day or a period ("Crap weather, crap
    coffee machine, crap Monday", « Quelle semaine pourrie »)? Said of that thing, as a sentence
    with a noun subject is (`_said_of_a_thing`); a noun for people ("Useless interns.") is none."""
    words = sentence.words
    if any(w.pos in ("VERB", "AUX") for w in words):
        return False
    heads = [k for k, w in enumerate(words) if w.dep == "ROOT" and w.pos in ("NOUN", "PROPN")]
    return len(heads) == 1 and things([words[heads[0]].form])[0]


def _given_name(text: str, target: Target) -> bool:
    """Is `target` (in the post `text`) a person named by a given name ("Kevin", `is_given_name`):
    someone the writer names, not a bare pronoun nor the talk of chat about "she"?"""
    return target.kind == "person" and spells_given_name(text[target.start : target.end])


def _third_person_pronoun(text: str, target: Target) -> bool:
    """Is `target` (in the post `text`) a third-person pronoun ("ils", "they", "him"), whose
    referent the sentence before names? (Second person addresses the reader or the one spoken to.)"""
    form = word_key(text[target.start : target.end])
    return target.kind == "person" and form in _ALL_PERSON_PRONOUNS and form not in _SECOND_PERSON


def _closing_epithet(text: str, spans: tuple[tuple[int, int], ...], k: int, language: str, names: tuple[str, ...]) -> bool:
    """Is sentence `k` a short exclamation or epithet after another sentence, naming no one
    itself ("Bunch of charlatans.", "Frauds.", "Boîte de faux-culs.")? It is said of what the
    sentence before it names: the learned reading embeds the epithet alone (the sentence before
    would drown it) and takes its target, and the gate's context, from that sentence."""
    if k == 0:
        return False
    piece = text[slice(*spans[k])].rstrip()
    return (
        len(piece.split()) <= EPITHET_MAX_WORDS
        and not piece.endswith("?")
        and not text[spans[k - 1][1] : spans[k][0]].strip().endswith(("?", ":"))
        and not names_someone(piece, language, names)
    )


def _denied_or_quoted(sentence: Sentence, kind: str) -> bool:
    """Does the sentence deny a description of someone (`_denied_description`: "ce n'est pas un
    incompétent", "is not useless", "I wouldn't call him lazy") or stand mostly inside quotation
    marks? The learned reading does not know which words made it hostile, so it reads the
    sentence whole. A threat (`kind`) is denied by any noun or adjective in a negation's scope
    ("je ne vais pas te faire de mal"; the head reads threats into chat most often)."""
    negated = sentence.negated
    if kind == "threat":
        if any(n and w.pos in ("NOUN", "ADJ") for w, n in zip(sentence.words, negated)):
            return True
    elif any(_denied_description(sentence, k) for k in range(len(sentence.words))):
        return True
    return 2 * sum(sentence.quoted) >= len(sentence.quoted) > 0


# Keeping someone from something; said with a negative subject ("nobody should stop women from
# applying", « personne ne devrait empêcher les femmes de postuler »), the sentence protects them.
_PREVENTING = frozenset(
    "stop prevent bar ban block exclude keep penalise penalize hold "
    "empecher interdire exclure bloquer freiner penaliser ecarter".split()
)
_NO_ONE = _NEGATIVE_SUBJECTS | frozenset({"nobody", "nothing", "noone"})


def _no_one_prevents(sentence: Sentence) -> bool:
    """Is the subject of a verb of keeping someone from something "nobody", "nothing", "no one"
    or « personne », « rien » (the verb's own subject, or its modal's: « personne ne devrait
    empêcher »)? Then the sentence forbids the exclusion it names; « une personne » is someone,
    and "nothing should stop us from ..." frees the writer's side, protecting no one."""
    words = sentence.words
    for w in words:
        if w.lemma not in _PREVENTING:
            continue
        holders = {w.index, w.head} if w.dep == "xcomp" else {w.index}
        if any(c.head in holders and c.lemma in _OWN_SIDE_OBJECTS | _OWN_SIDE for c in words if c.index != w.index and not c.dep.startswith("nsubj")):
            continue  # "nothing should stop us from ...": the writer's own side kept from nothing
        for c in words:
            if c.head not in holders or c.index == c.head or not c.dep.startswith("nsubj"):
                continue
            determiners = {d.lemma for d in words if d.head == c.index and d.index != c.index and d.dep == "det"}
            if c.lemma in _NO_ONE and not determiners - {"no"} or c.lemma == "one" and determiners == {"no"}:
                return True
    return False


def _denied_description(sentence: Sentence, k: int) -> bool:
    """Is word `k` a noun or adjective in a negation's scope that the sentence says someone is
    (a copula's predicate, "n'est pas un incompétent", "isn't an idiot"), calls someone ("I
    wouldn't call him lazy") or answers with ("Pas un incompétent, juste débordé")?

    Not a denial: the object of an excluding action ("on ne mettra pas un gars avec un nom
    arabe au guichet", "no hijabs on the sales floor", "don't put anyone with a stammer on
    calls"), and a word for people themselves ("ne sont pas des êtres humains", "not people
    you hire"): denying that people are people is what dehumanising does."""
    words = sentence.words
    w = words[k]
    if w.pos not in ("NOUN", "ADJ") or _is_personhood(w.lemma, sentence.language):
        return False
    if _description_denied_whole(sentence, k):
        return True
    if not sentence.negated[k]:
        return False
    children = [c for c in words if c.head == k and c.index != k]
    if any(c.dep == "cop" for c in children):
        return True
    if w.head == k:
        return not any(c.dep == "case" for c in children)  # "pas un X", not "pas de X"
    head = words[w.head]
    if w.dep not in ("attr", "acomp", "oprd", "xcomp", "obj"):
        return False
    return (
        head.lemma in _COPULA_LEMMAS
        or head.lemma in REPORTING_VERBS.get(sentence.language, frozenset())
        or any(c.head == w.head and c.dep == "cop" for c in words)
    )


_ANYTHING_BUT = ("anything", "but")


def _description_denied_whole(sentence: Sentence, k: int) -> bool:
    """Is the noun or adjective `k` what someone is said to be anything but, or to have nothing
    of ("is anything but a bad manager", "anything but lazy", « n'a rien d'une tyranne »)? The
    construction denies the whole description; the parse hangs it on "anything" / « rien », not
    on the copula, and « n'a rien » is no "ne ... pas" pair. "anything but" must be said of
    someone (the predicate of a copula) over a noun phrase: "I'd do anything but hire him" denies
    nothing, and "anything but competent" denies a merit."""
    words = sentence.words
    if sentence.language == "fr":
        return _nothing_of([w.form for w in words[:k]]) and any(
            x.form == "rien" and words[x.head].lemma == "avoir" for x in words[max(0, k - 3) : k])
    for j in range(max(0, k - 4), k):
        if (words[j].form, words[j + 1].form) == _ANYTHING_BUT and words[j].dep in ("attr", "acomp") and words[words[j].head].lemma in _COPULA_LEMMAS:
            # A noun phrase with its article ("anything but a bad manager"): a bare quality
            # ("anything but competent") denies a merit, which is a put-down.
            between = words[j + 2 : k + 1]
            return bool(between) and between[0].pos == "DET" and all(x.pos in ("DET", "ADJ", "ADV", "NOUN") for x in between)
    return False


def _is_personhood(lemma: str, language: str) -> bool:
    """Is `lemma` a word for people as such ("gens", "people", "êtres humains")?"""
    vocabulary = target_words(language)
    return lemma in _PERSONHOOD or lemma in vocabulary.people or vocabulary.kinds.get(lemma) == "person"


def _refuted(linguistics: "Linguistics", k: int, cues: CueLexicon) -> bool:
    """Does the writer reject what sentence `k` says, as a claim of others or a question?
    (`_refuting`)"""
    return _refuting(linguistics, k, cues) is not None


def _refuting(linguistics: "Linguistics", k: int, cues: CueLexicon) -> int | None:
    """The sentence that rejects what sentence `k` says, as a claim of others or a question
    (`k` itself when the rejection is in it), or None.

    A discourse reading over the cheap words (no parse): the sentence asks (a question) or
    attributes (`@attribution`: "certains disent que", "whoever says", "on m'a demandé si",
    hearsay "serait"), and a rejection follows: the next sentence opens with a denial
    (`@rebuttal`: "Absolument pas.", "Far from it:", "C'est faux :"), one of the next
    `REFUTATION_REACH` sentences opens by calling it false or prejudice or by sanctioning who
    said it (`@dismissal`: "Faut arrêter.", "Drop the prejudice.", "Blocked."), or, for an
    attributed claim, its own sentence rejects it after the attribution (`@refutation`: "...
    se trompent", "... clearly hasn't seen", "the numbers say otherwise"). A question nobody
    answers with a rejection ("Is our CFO an idiot or what?") and a denial word inside the
    insult's own sentence ("un incapable, pas du tout à la hauteur") are no refutation."""
    spans, text = linguistics.spans, linguistics.text
    own, _ = quick_words(text[slice(*spans[k])])
    question = own.rstrip().endswith("?")
    attributed = [m for pattern in cues.regexes.get("attribution", ()) for m in pattern.finditer(own)]
    if not (question or attributed):
        return None
    if question and any(m.start() == 0 and _CHALLENGE.match(m.group()) for m in attributed):
        return k  # "Qui a dit que notre DAF était radin ?", "Who said our interns are lazy?"
    if question and not attributed and _proposal(own, cues):
        return None  # "Une candidate voilée à l'accueil ? Non.": the rejection is the decision, no refutation
    if attributed:
        after = min(m.end() for m in attributed)
        if any(pattern.search(own, after) for pattern in cues.regexes.get("refutation", ())):
            return k
    for j in range(k + 1, min(len(spans), k + 1 + REFUTATION_REACH)):
        following, _ = quick_words(text[slice(*spans[j])])
        lists = ("rebuttal", "dismissal") if j == k + 1 else ("dismissal",)
        if any(_opens_with(following, pattern) for name in lists for pattern in cues.regexes.get(name, ())):
            return j
        if j == k + 1 and echo_denial(following, own, linguistics.language):
            return j
    return None


def echo_denial(following: str, claim: str, language: str) -> bool:
    """Is `following` (a sentence's cheap words) an elliptical denial echoing a word of `claim`
    ("Not useless.", "Pas nuls du tout !", "Lazy? Never lazy."): a negator opening a short
    sentence, then a content word the claim holds (singular or plural)?"""
    words = [w for w in following.split(" ") if w and any(c.isalnum() for c in w)]
    if not 2 <= len(words) <= _ECHO_WORDS or words[0] not in _ECHO_NEGATORS.get(language, frozenset()):
        return False
    said = {_singular(w) for w in claim.split(" ") if len(w) >= _ECHO_MIN_LENGTH}
    return _singular(words[1]) in said


def _rejected_proposals(linguistics: "Linguistics", cues: CueLexicon) -> list["ToneFinding"]:
    """Discrimination said as a proposal rejected: a question proposing someone of a protected
    ground for a post or place (`_proposal`), answered by a rejection opening the next sentence
    (`@rebuttal`: "Un manager avec un accent du Sud face aux clients ? Non, ..."). The finding
    is the question. Read over the cheap words of questions only (no parse); an answer that
    accepts ("Oui, et elle est excellente") is none."""
    from .analyzer import ToneFinding

    spans, text = linguistics.spans, linguistics.text
    out = []
    for k in range(len(spans) - 1):
        if not text[slice(*spans[k])].rstrip().endswith("?"):
            continue
        answer, _ = quick_words(text[slice(*spans[k + 1])])
        if not any(_opens_with(answer, pattern) for pattern in cues.regexes.get("rebuttal", ())):
            continue
        if _proposal(quick_words(text[slice(*spans[k])])[0], cues):
            out.append(ToneFinding(_finding_category("discrimination", "group"), *spans[k], SCORES["hate"], "group", "meaning:discrimination"))
    return out


def _proposal(joined: str, cues: CueLexicon) -> bool:
    """Does a question (its cheap words `joined`) propose someone of a protected ground for a
    post or place ("Un manager avec un accent du Sud face aux clients ?", "A guy in a wheelchair
    on the front desk?") without judging anyone (no cue of hostility or of a trait)? Rejecting
    it rejects the person for the post: discrimination, not a refuted claim."""
    ground, employment, _ = cues.discrimination
    return bool(ground.starts(joined)) and bool(employment.starts(joined)) and not cues.gate.starts(joined)


def _opens_with(joined: str, pattern: re.Pattern[str]) -> bool:
    """Does `joined` (a sentence's cheap words) open with `pattern`, then punctuation or its
    end ("Pas du tout :", "Blocked.", not "No doubt about it", "Pas du tout content")?"""
    m = pattern.match(joined)
    if m is None:
        return False
    rest = joined[m.end() :].lstrip()
    return not rest or rest[0] in _CLOSING_MARKS


# An attribution asked back as a challenge, not for agreement ("who else thinks...").
_CHALLENGE = re.compile(r"(?:qui|who) (?!else |d' ?autre |encore )")
_CLOSING_MARKS = frozenset(",.:;!?—–-…")
_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", "mais", "et"})


_REVISED = frozenset({"insult", "aggression", "hate", "disparagement_employer", "disparagement_colleagues",
                      "disparagement_customers", "disparagement_competitors"})


def target_of_span(
    linguistics: "Linguistics", names: TargetNames, start: int, end: int, defused: frozenset[int] = frozenset()
) -> str | None:
    """Who a post-wide finding (the model's `offensive`, pointed at [start, end)) is about: the
    role of the first target (not the writer) in the sentences of [start, end), else in the
    post's other sentences (the model scores the whole post: "he isn't ill. he is a dangerous
    idiot"), unless its own sentence names no one and has a noun subject (said of that thing).
    Sentences `defused` (their hostile words negated, quoted or countered) are skipped;
    None when the finding's own sentences are defused (the model cannot tell). Parses the
    sentences it reads, only for posts the model flagged."""
    own = [k for k, (s, e) in enumerate(linguistics.spans) if s < end and start < e]
    if defused & set(own):
        own = []
    # The model scores the whole post, so another sentence may say whom it is about ("he isn't
    # mentally ill. he is a dangerous idiot"); not when the finding's sentence names no one and
    # has a noun subject: it is said of that thing ("A candidate was asked ... That question is
    # disgusting."), as in the learned reading (`_said_of_a_thing`).
    said_of_a_thing = any(
        (_said_of_a_thing(sentence) or _nominal_of_things(sentence)) and all(t.kind == "self" for t in sentence.targets(names))
        for sentence in linguistics.parsed(own)
    )
    others = [] if said_of_a_thing else [k for k in range(len(linguistics.spans)) if k not in own and k not in defused]
    for sentence in linguistics.parsed(own) + linguistics.parsed(others):
        for t in sentence.targets(names):
            if t.kind != "self" and not (t.kind == "person" and sentence.words[t.index].dep.startswith("expl")):
                return TARGET_ROLE.get(t.kind)
    return None

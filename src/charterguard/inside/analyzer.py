"""Inside information in a post: a sensitive topic (by lemma) said with a
non-public or forward-looking cue, and not framed as already public.

For each sentence holding a topic word (the cheap first stage: one dictionary
look-up per word; most posts stop here):

- a **secrecy** cue anywhere in the post ("entre nous", 🤫, "not official yet",
  "embargoed until"), a quoted code name in the topic's sentence ("Projet
  « Colibri »"), or a non-public shape of evidence.py (who does not know, how the
  writer knows ahead; a disclosure to come with its date, outside the topic's clause
  and not in a public-framed post or a rumour), makes the topic a finding, unless the topic sits in a past
  clause or its sentence is about a party or an early closing ("🤫 c'est une
  surprise : pot de départ vendredi");
- else a **forward-looking** cue in the sentence ("la semaine prochaine", "will",
  "dans dix jours", the French future tense, "aller + infinitive", or the English
  progressive of the topic or its companion word: "we're merging", "is not renewing",
  "is being shut down") makes it
  one, unless the post says it is already public ("comme annoncé ce matin",
  "press release"), the sentence talks about the topic in general (an article,
  a talk) or about a routine event ("fermée lundi pour inventaire"), the topic's
  clause is in the past ("il y a dix ans", "last year", a past year), or the
  sentence reports a rumour or names another company before the topic, without
  a first-person word ("Apparently Globex is going to buy Initech").

Who the topic is about: a first-person word counts in the topic's own clause only, and
not beside a relation ("mon beau-frère dit que leur usine va fermer") nor denied ("pas
chez nous"); a name leading the sentence just before a deal or a figure is another
company ("Globex acquires Initech"); a site noun before a place makes the place ours
("les entrepôts de Blois"). A public cue that belongs to a disclosure still to come
("the press release goes out Wednesday") frames nothing as public; a party beside the
topic does not cancel a secret that has its own disclosure to an official audience
("pot de départ du DAF vendredi, personne ne le sait, elle l'apprend mardi au conseil").

A finding is dropped when its topic word is said of an object of office life (the
`workplace` list, in the six words after it: "on fusionne les canaux Teams"). What a topic
word needs beside it may be a shape (lexicon.PLACEHOLDERS): a name after it, or before it
after a determiner ("the Sunderland closure"), an amount, a headcount, "next" before a role.

Only a French topic sentence that none of these settles is parsed by spaCy (the
tense of its verbs): a few per cent of ordinary posts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ..linguistics import laid_out
from ..text.given_names import FIRST_NAMES
from ..text.normalize import fold_words
from ..vocabulary import LANGUAGES
from .evidence import INFERENCE_WORDS, Evidence, Inference, calendar_spans, evidence_of, inferred_events, insider_signs
from .lexicon import FILLERS, PLACEHOLDERS, Entry, Match, Matcher, Part, Sense, Token, Topic, cue_senses, matcher_for, tokenize
from .model import UNDISCLOSED_THRESHOLD, InsideModel
from .model import units as model_units
from .tense import english_progressive

# Sentence ends: . ! ? … ; and line breaks. Clauses also end at , ; : ( ) and dashes.
_SENTENCE = re.compile(r"[^.!?…;\n]+[.!?…;]*", re.UNICODE)
_CLAUSE_BREAK = re.compile(r"[,;:()–—]")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# "aller + infinitive": the near future ("on va fermer", "ça va piquer").
_ALLER = frozenset(["vais", "vas", "va", "allons", "allez", "vont"])
_INFINITIVE = re.compile(r"^[a-z]{3,}(?:er|ir|re)$")
# Infinitives too short for the pattern: the near-future passive "va être remercié", "vont avoir lieu".
_SHORT_INFINITIVES = frozenset(["etre", "avoir", "dire", "lire", "rire", "fuir"])
_ENGLISH_FUTURE = frozenset({"will", "ll", "shall", "gonna"})
# "dans dix jours", "in 3 weeks": a delay ahead.
_DELAY = re.compile(
    r"\b(?:dans|in)\s+(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|dix|quinze|quelques|a few|one|two|three|four|five|"
    r"six|ten|fifteen)\s+(?:jours?|semaines?|mois|days?|weeks?|months?)\b",
    re.IGNORECASE,
)
# Capitalised words that name no company (English capitalises months and weekdays).
# A quoted code name ("Projet « Colibri »", "Project 'Falcon'"): a deal kept under wraps.
_CODE_NAME = re.compile(
    r"\b(?:projet|project|op[ée]ration|operation|dossier|deal)\s*[«\"“'‘]\s*[^\W\d_][\w-]{2,}\s*[»\"”'’]",
    re.IGNORECASE,
)
_CODE_NAME_ENTRY = Entry("code name", (), symbol="code name")
_EVIDENCE_ENTRY = Entry("not public yet", (), symbol="not public yet")
_SAID_SECRET_ENTRY = Entry("said secret", (), symbol="said secret")
# "secret", "confidential" said of the topic, right after it: as its predicate ("le rachat de Talmont reste
# confidentiel", "the buyout is being kept secret") or among its attributes ("Série B : bouclée, signée,
# secrète."); not negated ("n'est pas secret", "is no secret": no adverb but these), no noun ("le secret de
# notre croissance", "a secret santa": the word ends its item), not an attribute of another noun ("notre
# recette secrète": no separator before it).
_SECRET_WORD = r"(?:top[- ])?(?:secr[eè]te?s?|confidenti(?:elles?|els?|al)|classified)"
_SAID_SECRET = re.compile(
    r"\A(?:"
    r"(?:\s*[:,–—-]\s*(?:[^\W\d_][\w'’-]*\s*){1,2}){0,4}?\s*(?:[:,–—-]|\b(?:et|and)\b)\s*"
    r"|\s+(?:[\w'’-]+\s+){0,6}?(?:est|sont|reste|restent|restera|resteront|demeure|demeurent|is|are|stays?|remains?|kept)\s+"
    r"(?:(?:encore|toujours|bien|très|tres|strictement|totalement|still|strictly|totally|very|absolutely)\s+)?"
    r")(?P<word>" + _SECRET_WORD + r")(?=\s*(?:[.!?…,;:)]|$|(?:et|and|jusqu|until|till|for now|pour l|pour le moment|avant|before)\b))",
    re.IGNORECASE,
)
_ANNOUNCED_ENTRY = Entry("announced before", (), symbol="announced before")
# An amount of money or a percentage: "$1,499", "45 M€", "15%", "2 millions d'euros".
_AMOUNT = re.compile(
    r"[$€£]\s?\d|\d(?:[\d\s.,]*\d)?\s?(?:%|€|\$|£|k€|m€|md€|m\$|bn\b|millions?\b|milliards?\b|billions?\b|euros?\b|dollars?\b|pour\s?cent|per\s?cent)",
    re.IGNORECASE,
)
# An amount in millions or more: what office life never costs.
_MILLIONS = re.compile(
    r"\d(?:[\d.,]*\d)?\s?(?:m€|md€|mds?\b|m\$|m£|M\b|bn\b|millions?\b|milliards?\b|billions?\b)|[$€£]\s?\d+(?:[.,]\d+)?\s?(?:m|bn)\b",
    re.IGNORECASE,
)
# Lower-case words after a name that make it a brand bought, not a company ("buying Salesforce licences").
_GOODS = frozenset([
    "licence", "licences", "license", "licenses", "shares", "stock", "tickets", "ticket", "products", "laptops", "software",
    "subscriptions", "subscription", "seats", "ads", "gear", "gift", "cards", "vouchers", "coffee", "pizza", "pizzas",
])
# Words after a place name that make it one of our sites.
_SITE_NOUNS = frozenset([
    "site", "office", "plant", "store", "factory", "branch", "warehouse", "facility", "depot", "hub", "team", "teams",
    "usine", "agence", "bureau", "magasin", "entrepot", "plateforme", "centre", "center", "campus", "lab", "laboratoire",
    # A business unit named by its place ("the write-down on the Brazil business"), not a company.
    "business", "unit", "division", "subsidiary", "operations", "activity", "filiale", "activite", "region",
])
# What may stand between two words of one phrase; anything else (an emoji, a colon, a quote)
# starts a new one.
_IN_SENTENCE_GAP = " ,'’-\u00a0"
# A number of people: "220 people", "une soixantaine de personnes", "~90 roles", "140 postes".
_HEADCOUNT = re.compile(
    r"(?:\b\d[\d\s.,]*|\b(?:une?\s+)?(?:dizaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|dozen|dozens|hundreds?)"
    r"(?:\s+(?:de|d['’]|of))?)\s*(?:personnes|salari[ée]s|collaborateurs|collaboratrices|postes|emplois|agents|people|employees|staff|"
    r"roles|jobs|positions|workers|colleagues|coll[eè]gues|FTEs?|ETP)\b"
    # "a 300-person sensor maker", "a 40-strong team".
    r"|\b\d[\d,]*-(?:person|people|strong|employee)\b",
    re.IGNORECASE,
)
# Words before a name that make it modify the noun after it ("the Sunderland closure").
_DETERMINERS = frozenset(["the", "our", "this", "that", "la", "le", "les", "l", "notre", "nos", "cette", "ce"])
# "Next" just before a role: a successor known ahead.
_NEXT = frozenset(["prochain", "prochaine", "futur", "future", "next", "incoming", "designated", "designate"])
# Coordinated clauses: a disclosure date after "et que" / "and" is said of the other clause
# ("l'entrepôt perd 140 postes et que l'annonce au CSE c'est le 18").
_COORDINATION = re.compile(r"\s(?:et\s+que\s|et\s+qu['’]\s*|mais\s|and\s|but\s)", re.IGNORECASE)
# Verbs that move a financial figure, whose English progressive before a results word tells
# an arranged change ("we're cutting FY guidance", "we're lowering our targets").
_FIGURE_VERBS = frozenset([
    "cutting", "lowering", "raising", "slashing", "revising", "missing", "withdrawing", "pulling", "scrapping", "suspending",
])
# "beaucoup d'entre nous" (many of us), "the gap between us and them": no secrecy.
_NOT_SECRET_BEFORE = frozenset(["d"])
_NOT_SECRET_AFTER = frozenset(["et", "and"])
# "mon beau-frère", "my neighbour": the writer's relations, not the company ("mon beau-frère dit que leur
# usine va fermer" is about another firm).
_RELATIONS = frozenset([
    "beau", "belle", "frere", "soeur", "cousin", "cousine", "ami", "amie", "amis", "pote", "potes", "voisin", "voisine", "femme",
    "mari", "copain", "copine", "pere", "mere", "oncle", "tante", "fils", "fille", "ex", "brother", "sister", "friend", "friends",
    "neighbour", "neighbor", "wife", "husband", "dad", "mum", "mom", "uncle", "aunt", "son", "daughter", "buddy", "mate", "partner",
])
# "one of our suppliers", "nos clients": another company of ours to deal with, not the company itself.
_THIRD_PARTIES = frozenset([
    "supplier", "suppliers", "customer", "customers", "client", "clients", "competitor", "competitors", "rival", "rivals",
    "partner", "partners", "distributor", "distributors", "fournisseur", "fournisseurs", "concurrent", "concurrents",
    "partenaire", "partenaires", "distributeur", "distributeurs", "vendor", "vendors", "prestataire", "prestataires",
    "provider", "providers", "host", "hebergeur", "hebergeurs", "subcontractor", "subcontractors", "landlord", "bailleur",
    # "our sector", « notre secteur »: the firms of the industry, not the company ("players in our sector are being acquired").
    "sector", "industry", "secteur", "industrie", "filiere",
])
# How far after a first-person word its noun may stand ("our packaging supplier", "notre hébergeur cloud").
_THIRD_PARTY_REACH = 3
# "not us", "ce n'est pas chez nous": a first-person word denied.
_DENIAL = frozenset(["pas", "not", "t", "jamais", "never"])
# The writer's own work file named before the topic ("3e nuit sur le dossier Pelliot", "Project Heron"): ours, not another company.
_WORK_FILES = frozenset(["dossier", "projet", "project", "operation", "deal", "file"])
# A company named as a sentence's first word ("Globex acquires Initech", "Danone rachète une start-up"); not one
# of these, which name us, our bodies or no one in particular.
_NOT_A_COMPANY = frozenset([
    "a", "an", "any", "some", "each", "every", "ces", "cet", "son", "sa", "ses", "leur", "leurs", "mais", "et", "but", "and", "so",
    "if", "when", "si", "quand", "il", "elle", "ils", "elles", "ca", "cela", "ce", "ceci", "tout", "tous", "personne", "quelqu", "chacun", "he", "she", "it", "they",
    "this", "that", "these", "those", "who", "everyone", "everybody", "someone", "somebody", "nobody", "management", "leadership",
    "direction", "board", "conseil", "finance", "legal", "hr", "rh", "engineering", "sales", "marketing", "ops", "operations",
    "groupe", "group", "company", "entreprise", "societe", "boite", "comex", "codir", "exec", "execs", "team", "equipe", "equipes",
    "staff", "headquarters", "siege", "investors", "investisseurs", "shareholders", "actionnaires", "analysts", "analystes",
])
# Topics whose subject, an indefinite company ("une pépite lyonnaise de la robotique serait en train de lever",
# "a big payments startup is about to file for an IPO"), is someone else's news; a contract or an executive
# move names its other party that way too ("a big retailer picked us").
_FIRM_SUBJECT_TOPICS = frozenset(["acquisition", "fundraising", "results", "restructuring"])
_INDEFINITE_ARTICLES = frozenset(["a", "an", "un", "une"])
_INDEFINITE = frozenset(["a", "an", "one", "some", "another", "un", "une", "certaine", "certain", "autre"])
_FIRMS = frozenset([
    "startup", "scaleup", "company", "firm", "player", "rival", "competitor", "unicorn", "fintech", "biotech",
    "medtech", "retailer", "bank", "group", "brand", "pepite", "licorne", "boite", "entreprise", "societe", "concurrent",
    "concurrente", "acteur", "groupe", "enseigne", "banque", "marque", "editeur", "labo", "pme", "eti",
])
# What may follow a denial and keep it a phrase of its own: "Pas nous hein 😄", "not us lol".
# A party kept as a surprise is the party's secret, even when it celebrates a fact ("pot de départ surprise").
_SURPRISE = frozenset(["surprise", "surprises", "surprised"])
_INTERJECTIONS = frozenset(["hein", "lol", "mdr", "haha", "ok", "promis", "obviously", "evidemment", "bien", "sur", "hahaha", "btw"])
# The topics whose sentence-first name is read as a company acting; persons and sites lead the sentences
# about departures and closures ("Marie quitte", "Leeds closes").
_FIRST_WORD_TOPICS = frozenset(["acquisition", "fundraising", "results"])
# Between a company named first and its verb: "Globex va racheter", "Globex is buying", "Globex will list".
_AUXILIARIES = frozenset([
    "va", "vont", "vient", "viennent", "a", "ont", "est", "sont", "serait", "pourrait", "devrait", "prevoit", "s", "apprete",
    "will", "ll", "is", "are", "has", "have", "would", "could", "plans", "may", "might", "just", "to", "be", "being", "de", "d",
])
# Those an official disclosure is made to, or what makes it official ("l'apprend mardi au conseil", "unions
# get told on the 20th", "on attend la notification officielle").
_OFFICIAL_AUDIENCE = re.compile(
    r"\b(?:(?:au|le|du)\s+conseil|board|CSE|syndicats?|unions?|march[ée]|market|investors|investisseurs|actionnaires|shareholders|comit[ée]|works\s+council"
    # A press release is the disclosure to the market itself: "communiqué prévu après les fêtes", "press release early January".
    r"|officiel(?:le)?|official|communiqu[ée]s?|press\s+releases?)\b",
    re.IGNORECASE,
)
_IGNORANCE = re.compile(r"\b(?:idea|clue|know|knows|sait|sais|savons|savent|courant)\b", re.IGNORECASE)
# A person's pronoun, then at most one word, just before the evidence: "you obviously [have no clue]", "je ne [sais pas encore]".
_PERSON_BEFORE = re.compile(r"\b(?:i|you|we|he|she|je|j|tu|il|elle|on|nous|vous)\b(?:['’]|\s+(?:n['’]|ne\s+)?)(?:\w+\s+)?(?:n['’]|ne\s+)?$", re.IGNORECASE)
_OF = frozenset(["de", "du", "des", "d", "of"])
_PREPOSITIONS = frozenset([("a", "partir")])
_IN = frozenset(["in", "at", "dans", "a", "au"])
_FOR = frozenset(["for", "pour"])
_PERIODS = frozenset(["quarter", "trimestre", "semestre", "half", "year", "annee", "month", "mois"])
_NEXT_TIME = frozenset(["next", "coming", "following", "upcoming", "prochain", "prochaine", "suivant", "suivante"])
_PLACE_PREPOSITIONS = frozenset(["de", "d", "du", "a", "of", "in", "at"])
_MONTHS_FR = frozenset([
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
])
_CALENDAR = frozenset([
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
    "noel", "paques",
    # Weekdays in the plural: "dressing up on Tuesdays".
    "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
])


# Holidays of two capitalised words ("after New Year", "avant le Nouvel An"): a date, no company.
_TWO_WORD_HOLIDAYS = frozenset([("new", "year"), ("new", "years"), ("nouvel", "an"), ("black", "friday"), ("boxing", "day"), ("labour", "day"), ("labor", "day")])
# Capitalised in English, naming a language or a people, no company: "In plain English: the centre shuts".
_LANGUAGE_NAMES = frozenset([
    "english", "french", "german", "spanish", "italian", "dutch", "european", "american", "british", "chinese", "japanese",
])


@dataclass(frozen=True, slots=True)
class InsideFinding:
    start: int
    end: int
    topic: str
    cue: str  # "secrecy", "forward_looking" or "learned" (the learned reading, model.py)
    cue_text: str
    score: float


@dataclass(frozen=True)
class LearnedReading:
    """The learned reading a rule stacks with its findings (`model.InsideModel`) and the
    calibrated probability from which it reports."""

    model: InsideModel
    threshold: float | None = None  # the charter's `learned_threshold`; None: the model's own per language

    def threshold_for(self, language: str) -> float:
        """From which probability a text in `language` is reported: the charter's threshold, or when
        the rule sets none, the model's for that language."""
        return self.model.threshold_for(language) if self.threshold is None else self.threshold


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    lo: int  # token index range
    hi: int


@dataclass(frozen=True)
class LearnedStage:
    """Where the learned reading decided a post (`InsideAnalyzer.learned_stage`), for measuring it:
    `stage` is "gate closed" (no text past its gate), "framed out" (the post framed as public, an
    exercise, or of no company and no topic word: nothing embedded), "head under" (read under the
    threshold, and under even odds or not said to be undisclosed), "vetoed" (read at or above what it
    needed and cancelled by a rule's framing) or "reported" (a finding); `even_odds`: a text reached
    its finding, or its veto, only by the path from even odds of a text saying its fact is not public;
    `probability`: the highest reading of the texts past the gate (0.0 when none was embedded)."""

    stage: str
    even_odds: bool
    probability: float


class TenseCache(dict[str, bool]):
    """Whether each sentence of one post is in the future tense (`Post.kept(TenseCache)`),
    shared by the post's inside-information rules: a sentence is parsed once."""


class EvidenceCache(dict[str, list[Evidence]]):
    """evidence.py's shapes of one post by kind (`Post.kept(EvidenceCache)`), shared by the
    post's inside-information rules: the patterns run once per post, not once per rule."""


class FindingsCache(dict[tuple[object, ...], list["InsideFinding"]]):
    """The findings of one post by analyzer configuration (`Post.kept(FindingsCache)`): the default
    charter's two inside-information rules differ only in the cues they report, so the second
    reads the first's findings instead of analysing the post again."""


class FirstWords:
    """What the entries of one `Matcher` may start with: folded forms, exact spellings and prefixes by
    length, as sets (read once per matcher)."""

    def __init__(self, matcher: Matcher) -> None:
        self.forms = frozenset(matcher.by_form)
        self.exact = frozenset(matcher.by_exact)
        self.prefixes = {length: frozenset(table) for length, table in matcher.by_prefix.items()}
        self.symbols = bool(matcher.symbols)


class PostVocabulary:
    """The distinct words of a post (folded, as written, and their prefixes by length), read once for
    every word list asked of it: a list none of whose entries may start with one of them finds
    nothing in the post, told by one set intersection instead of a look-up per word (most cue lists
    of most posts). `find` returns what `matcher.find` returns."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.folded = frozenset(t.text for t in tokens)
        self.raw = frozenset(t.raw for t in tokens)
        self._prefixes: dict[int, frozenset[str]] = {}

    def may_start(self, firsts: FirstWords) -> bool:
        """Does a word of the post start an entry (its first word: the rest is checked by `find`)?"""
        if not self.folded.isdisjoint(firsts.forms) or not self.raw.isdisjoint(firsts.exact):
            return True
        for length, prefixes in firsts.prefixes.items():
            words = self._prefixes.get(length)
            if words is None:
                words = self._prefixes[length] = frozenset(w[:length] for w in self.folded)
            if not words.isdisjoint(prefixes):
                return True
        return False

    def find(self, matcher: Matcher, firsts: FirstWords, text: str = "", lo: int = 0, hi: int | None = None) -> list[Match]:
        """`matcher.find(self.tokens, text, lo, hi)`; `firsts`: the matcher's `FirstWords`."""
        if self.may_start(firsts):
            return matcher.find(self.tokens, text, lo, hi)
        # No word to start one: only its symbols ("🤫"), looked for in the text (an empty word range).
        return matcher.find(self.tokens, text, 0, 0) if firsts.symbols and text else []


class InsideAnalyzer:
    """Compiled topics and cue lists (built-in plus a charter's own)."""

    def __init__(
        self,
        topics: Mapping[str, Topic],
        cues: Mapping[str, Mapping[str, Sequence[Entry]]],
        own_names: Sequence[str] = (),
        future_tense: Callable[[str, str], bool] | None = None,
        learned: LearnedReading | None = None,
    ) -> None:
        self.topics = dict(topics)
        self.learned = learned
        self._term_matcher = matcher_for(tuple(term for topic in topics.values() for term in topic.terms))
        self._topic_of: dict[int, Topic] = {id(term): topic for topic in topics.values() for term in topic.terms}
        self._requirement_matchers: dict[int, Matcher] = {}
        self._placeholders: dict[int, frozenset[str]] = {}
        for topic in topics.values():
            for term in topic.terms:
                needed = topic.requirements.get(term.written)
                if needed:
                    self._requirement_matchers[id(term)] = matcher_for(tuple(needed))
                    shapes = frozenset(e.symbol for e in needed if e.symbol in PLACEHOLDERS)
                    if shapes:
                        self._placeholders[id(term)] = shapes
        self._cue_matchers: dict[tuple[str, str], Matcher] = {}
        for name, by_language in cues.items():
            for language in LANGUAGES:
                entries = [*by_language.get("any", ()), *by_language.get(language, ())]
                if name == "workplace":
                    entries = [_with_plurals(e) for e in entries]  # "les cantines", "the coffee machines"
                self._cue_matchers[(name, language)] = matcher_for(tuple(entries))
        self._cue_firsts = {key: FirstWords(matcher) for key, matcher in self._cue_matchers.items()}
        self._own_names = frozenset(fold_words(n) for name in own_names for n in name.split())
        # The first words of the cue lists' entries ("Demain", "Bientôt", "Apparently"): words, not names.
        self._cue_words = frozenset(form for matcher in self._cue_matchers.values() for form in matcher.by_form)
        self._future_tense = future_tense
        # What the findings depend on besides the post: analyzers built from the same topics (the
        # built-in ones are shared, lexicon.builtin_topic), the same shared cue matchers
        # (lexicon.matcher_for) and names find the same things.
        self._signature: tuple[object, ...] = (
            tuple(id(topic) for topic in self.topics.values()),
            tuple((key, id(m)) for key, m in self._cue_matchers.items()),
            self._own_names,
            future_tense,
        )

    def analyze(
        self,
        text: str,
        language: str,
        now: datetime | None = None,
        tense_cache: dict[str, bool] | None = None,
        tokens: list[Token] | None = None,
        evidence_cache: dict[str, list[Evidence]] | None = None,
        findings_cache: dict[tuple[object, ...], list[InsideFinding]] | None = None,
    ) -> list[InsideFinding]:
        """Findings in `text`; `tense_cache` (one per post) spares a second parse of a
        sentence, `tokens` (`tokenize(text)`) a second tokenisation and `evidence_cache`
        (one per post) a second reading of the evidence shapes, when several rules read
        the same post; `findings_cache` (one per post) returns the findings another rule with the
        same configuration found (the list is shared: read it, never change it)."""
        if findings_cache is not None:
            key = (self._signature, language, now)
            if key not in findings_cache:
                findings_cache[key] = self._by_rules(text, language, now, tense_cache, tokens, evidence_cache)
            found = findings_cache[key]
            if self.learned is None:
                return found
            learned_key = (self._signature, language, now, id(self.learned.model), self.learned.threshold)
            if learned_key not in findings_cache:
                findings_cache[learned_key] = self._by_model(text, language, now, tokens, evidence_cache, self.learned)
            return self._stacked(found, findings_cache[learned_key])
        found = self._by_rules(text, language, now, tense_cache, tokens, evidence_cache)
        if self.learned is None:
            return found
        return self._stacked(found, self._by_model(text, language, now, tokens, evidence_cache, self.learned))

    def learned_stage(self, text: str, language: str, now: datetime | None = None) -> LearnedStage | None:
        """At which stage the learned reading kept or lost `text` (`LearnedStage`): the same reading as
        `analyze`'s, traced; None when the analyzer has no learned reading."""
        if self.learned is None:
            return None
        trace: list[tuple[str, bool, float]] = []
        self._by_model(text, language, now, None, None, self.learned, trace)
        probability = max((p for _, _, p in trace), default=0.0)
        for stage in ("reported", "vetoed"):
            hits = [t for t in trace if t[0] == stage]
            if hits:
                return LearnedStage(stage, all(even for _, even, _ in hits), probability)
        return LearnedStage(trace[0][0] if trace else "head under", False, probability)

    def holds_topic_word(self, tokens: list[Token]) -> bool:
        """Does the text hold a topic word: the rules' first stage (most posts stop here)?"""
        return bool(self._term_matcher.find(tokens))

    def _stacked(self, by_rules: list[InsideFinding], by_model: list[InsideFinding]) -> list[InsideFinding]:
        """The rules' findings, and the learned reading's on topics this analyzer looks for and
        in sentences no rule finding touches."""
        extra = [
            f
            for f in by_model
            if f.topic in self.topics and not any(r.start < f.end and f.start < r.end for r in by_rules)
        ]
        return [*by_rules, *extra] if extra else by_rules

    def _by_model(
        self,
        text: str,
        language: str,
        now: datetime | None,
        tokens: list[Token] | None,
        evidence_cache: dict[str, list[Evidence]] | None,
        learned: LearnedReading,
        trace: list[tuple[str, bool, float]] | None = None,
    ) -> list[InsideFinding]:
        """What the learned reading (`model.InsideModel`) reads as inside information: each text
        of `model.units` past its cheap gate is embedded; one read at or above the threshold is a
        finding on its topic sentence, unless the rules' reliable framings say it is public (a
        public cue in the post, or an `exercise`: a quiz, a case), past (a past year as its time), a
        routine or a date of the financial calendar (unless the post says it is secret or an official
        disclosure is still to come in that text), about others (hearsay, a disowning, or another name
        before a topic word of a sentence in that text, and no first-person word nor our name: as the
        rules read a rumour), or of no company (`_about_a_company`) and no topic word at all. The
        past and general cue lists cancel nothing here: the head was trained on such posts and reads
        them itself, and a past word in a leak is often the time of a figure, not of the telling
        ("restate last year's revenue"); out of fold on our corpus, of the 1,220 leaks the head read,
        they cancelled 69 (past) and 18 (general), and 1 of its 21 pass rows (MODEL_CARD.md, s12).
        `trace`, when given, receives each embedded text's (stage, from even odds, probability), or one
        ("gate closed" / "framed out", False, 0.0) when nothing is embedded (`learned_stage`)."""
        language = language if language in LANGUAGES else "en"
        model = learned.model
        tokens = tokenize(text) if tokens is None else tokens
        sentences = _sentences(text, tokens)
        evidence = evidence_cache if evidence_cache is not None else {}
        laid_out(text)  # the gate reads each unit's words off the post's one tokenisation (`quick_words`)
        candidates = [(a, b) for a, b in reading_spans(text, sentences) if model.passes_gate(text[a:b], language)]
        if not candidates:
            if trace is not None:
                trace.append(("gate closed", False, 0.0))
            return []
        # A text that says its fact is not public is reported from even odds (only under the model's own
        # thresholds: a charter's `learned_threshold` is one for every text).
        undisclosed = self._said_undisclosed(text, tokens, language, evidence) if learned.threshold is None else []
        if undisclosed and not self._about_a_company(tokens, lambda name: self._post_cues(name, text, tokens, language, evidence)):
            undisclosed = []  # a secret of no company: "le tournage, dans le plus grand secret", "you have no clue"
        if self._public(text, tokens, language, evidence) or self._cue_matchers[("exercise", language)].find(tokens, text):
            if trace is not None:
                trace.append(("framed out", False, 0.0))
            return []  # "comme annoncé ce matin", "press release linked", a quiz: no need to embed
        compound = self._compound_words(tokens, language)
        found = {name: self._post_cues(name, text, tokens, language, evidence, compound) for name in ("hearsay", "self", "company", "disowned", "bodies")}
        if not self._about_a_company(tokens, found.__getitem__) and not self.holds_topic_word(tokens):
            if trace is not None:
                trace.append(("framed out", False, 0.0))
            return []  # no company and no topic: "I'm moving on Sunday", a film's next season
        routine = self._routine_events(text, tokens, sentences, self._cue_matchers[("routine", language)].find(tokens, text))
        general = self._post_cues("general", text, tokens, language, evidence) if undisclosed else []
        # A routine or a calendar date cancels nothing in a post that says it is secret.
        secret = bool(self._post_cues("secrecy", text, tokens, language, evidence))
        out = []
        threshold = learned.threshold_for(language)
        read = learned.model.read([text[a:b] for a, b in candidates])
        for (a, b), (probability, topic) in zip(candidates, read):
            even_odds = probability < threshold
            stage = "vetoed"  # what a `continue` below means, once the reading stands
            if probability < threshold:
                # Reported for its non-public words: the head's weaker reading stands only where no routine
                # event (a surprise party, a quiz) nor an article or a talk is what the secret is about.
                if probability < UNDISCLOSED_THRESHOLD or not any(a <= m.start and m.end <= b for m in undisclosed):
                    if trace is not None:
                        trace.append(("head under", False, probability))
                    continue
                if any(a <= m.start and m.end <= b for m in general) or (
                    any(a <= m.start and m.end <= b for m in routine) and not self._official_disclosure_within(text, (a, b), evidence)
                ):
                    if trace is not None:
                        trace.append((stage, even_odds, probability))
                    continue  # "Shh, we're decorating his desk for his anniversary", "short thread on why ... before the board"
            # A routine cancels nothing either beside a disclosure to an official audience still to come, as in
            # the rules (`_disclosed_apart`): "Works council gets told after New Year, so act normal at the Christmas party".
            if not secret and (
                (any(a <= m.start and m.end <= b for m in routine) and not self._official_disclosure_within(text, (a, b), evidence))
                or (topic == "results" and calendar_spans(text, a, b))
            ):
                if trace is not None:
                    trace.append((stage, even_odds, probability))
                continue  # "as every year", "earnings release scheduled for 12 February": the calendar, not a leak
            inside = [s for s in sentences if a <= s.start < b] or sentences
            if any(_dated_in_past(tokens, s, now) for s in inside):
                if trace is not None:
                    trace.append((stage, even_odds, probability))
                continue  # "En septembre 2016, le maire ... est remplacé": a narrative of a past year
            if not any(self._self_reference(text, tokens, language, s, found.__getitem__, (a, b), topic) for s in inside) and (
                any(a <= m.start and m.end <= b for m in found["hearsay"])
                or bool(found["disowned"])
                or any(self._names_someone_before_topic(text, tokens, s) for s in inside)
            ):
                if trace is not None:
                    trace.append((stage, even_odds, probability))
                continue  # "les analystes s'attendent à ce que Globex...", "rumours that Vennor is being sold": about others, no "we"
            if trace is not None:
                trace.append(("reported", even_odds, probability))
            start, end = self._leak_sentence(text, tokens, inside, model, probability)
            out.append(InsideFinding(start, end, topic, "learned", "", round(probability, 3)))
        return out

    def _routine_events(self, text: str, tokens: list[Token], sentences: Sequence[Sentence], routine: list[Match]) -> list[Match]:
        """The `routine` matches that are ordinary events: not a party that is the fact's own (`_celebrates_a_fact`),
        unless its sentence says the party is the point: another routine word ("c'est une surprise"), or a surprise
        ("pot de départ surprise pour notre directrice"). Nor is the object of a contract said just before it (`_contract_object`)."""
        routine = [r for r in routine if not self._contract_object(text, tokens, sentences, r)]
        own = [r for r in routine if self._celebrates_a_fact(tokens, sentences, r)]
        if not own:
            return routine
        others = [r for r in routine if r not in own]

        def the_point(s: Sentence) -> bool:
            return any(s.lo <= o.first < s.hi for o in others) or any(tokens[k].text in _SURPRISE for k in range(s.lo, s.hi))

        kept = [r for r in own if any(s.lo <= r.first < s.hi and the_point(s) for s in sentences)]
        return [*others, *kept]

    def _contract_object(self, text: str, tokens: list[Token], sentences: Sequence[Sentence], routine: Match) -> bool:
        """Whether the routine words at `routine` say what a contract named just before them is for ("l'appel d'offres
        SNCF pour la maintenance de 200 rames", "the tender for maintenance of the fleet"): the service sold, not an
        ordinary event of the company's life ("fermé lundi pour maintenance")."""
        if routine.first < 0:
            return False
        sentence = next((s for s in sentences if s.lo <= routine.first < s.hi), None)
        if sentence is None:
            return False
        lo = max(sentence.lo, routine.first - _CONTRACT_OBJECT_REACH)
        return any(
            self._topic_of[id(m.entry)].name == "contracts" and m.last < routine.first
            and not _CLAUSE_BREAK.search(text, m.end, routine.start)
            for m in self._term_matcher.find(tokens, "", lo, routine.first)
        )

    def _celebrates_a_fact(self, tokens: list[Token], sentences: Sequence[Sentence], routine: Match) -> bool:
        """Whether the routine event at `routine` holds a companion word of a topic term of its sentence: the
        party is the fact's own ("le pot de départ de notre PDG", "the CEO's leaving party"), so a secret said
        beside it is the fact's, not the party's."""
        if routine.first < 0:
            return False
        sentence = next((s for s in sentences if s.lo <= routine.first < s.hi), None)
        if sentence is None:
            return False
        for term in self._term_matcher.find(tokens, "", sentence.lo, sentence.hi):
            needed = self._requirement_matchers.get(id(term.entry))
            if needed is not None and needed.find(tokens, "", routine.first, routine.last + 1):
                return True
        return False

    def _names_someone_before_topic(self, text: str, tokens: list[Token], sentence: Sentence) -> bool:
        """Another name before the sentence's first topic word, where its subject would be, as the rules
        read a rumour (`_names_someone_else`): "After New Year, Globex Freight takes over the site". A
        sentence without a topic word names no one the fact is about: its names are places, products,
        people or partners around a fact of ours ("whoever keeps asking about the Ridley trucks, they're
        ours after the 1st", "l'appli plante sur la moitié des Android")."""
        topic = self._term_matcher.find(tokens, "", sentence.lo, sentence.hi)
        return bool(topic) and self._names_someone_else(text, tokens, sentence, min(m.first for m in topic), people_aside=True)

    def _compound_words(self, tokens: list[Token], language: str, vocabulary: PostVocabulary | None = None) -> frozenset[int]:
        """The indices of the words of the post's `compound` names ("box office", "bureau de vote")."""
        key = ("compound", language)
        found = vocabulary.find(self._cue_matchers[key], self._cue_firsts[key]) if vocabulary is not None else self._cue_matchers[key].find(tokens)
        return frozenset(k for m in found for k in range(m.first, m.last + 1))

    def _public(self, text: str, tokens: list[Token], language: str, evidence: dict[str, list[Evidence]]) -> bool:
        """Does the post say it is already public? (a `public` cue that is no public act still to come)"""
        return bool(self._post_cues("public", text, tokens, language, evidence))

    def _post_cues(
        self,
        name: str,
        text: str,
        tokens: list[Token],
        language: str,
        evidence: dict[str, list[Evidence]],
        compound: frozenset[int] = frozenset(),
        vocabulary: PostVocabulary | None = None,
    ) -> list[Match]:
        """The matches of the cue list `name` in the post, as both readings take them: no partitive
        "entre nous" ("beaucoup d'entre nous"), no hearsay addressed to the reader, no general word
        naming a site of ours ("l'atelier de Cholet"), a disowning only as a phrase of its own ("Pas nous
        hein"), no company word inside a compound name (`compound`: "box office"), and the public
        framings with the announcements made at a past time, unless a public act is still held.
        `vocabulary`: the post's words (`PostVocabulary` of `tokens`), which spare the scan of a list
        no word of the post may start."""
        key = (name, language)
        found = vocabulary.find(self._cue_matchers[key], self._cue_firsts[key], text) if vocabulary is not None else self._cue_matchers[key].find(tokens, text)
        if name == "secrecy":
            senses = cue_senses("secrecy")
            return [
                m for m in found
                if not _partitive(tokens, m) and _in_sense(text, tokens, m, senses.get(m.entry.written)) and not _quoted_as_written(text, m.start, m.end)
            ]
        if name == "hearsay":
            return [m for m in found if not _addressed(tokens, m) and not _from_correspondence(tokens, m)]
        if name == "general":
            return [m for m in found if not _names_a_site(tokens, m)]
        if name == "disowned":
            return [m for m in found if _stands_alone(text, tokens, m)]
        if name == "company":
            return [m for m in found if not _within(m, compound)]
        if name == "public":
            found = [*found, *_announced_before(text, evidence)]
            return _not_held(found, text, evidence) if found else found
        return found

    def _said_undisclosed(self, text: str, tokens: list[Token], language: str, evidence: dict[str, list[Evidence]]) -> list[Match]:
        """Where the post says its facts are not public, in words the rules read with no topic word
        of theirs: a secrecy cue ("entre nous", "not official yet"; not a partitive "secret") or one of
        evidence.py's shapes (who does not know, how the writer knows ahead, a disclosure to come)."""
        for name in ("restricted", "ahead"):
            if name not in evidence:
                evidence[name] = evidence_of(name, text)
        shapes = [
            Match(_EVIDENCE_ENTRY, -1, -1, e.start, e.end)
            for e in (*evidence["restricted"], *evidence["ahead"])
            # A disclosure to come counts only to an official audience: "présentation au CSE le 12", not "la présentation de jeudi".
            if not _quoted_as_written(text, e.start, e.end) and (_to_official_audience(text, e.start, e.end, (0, len(text))) if e.kind == "ahead" else not _personal_ignorance(text, e.start, e.end))
        ]
        return [*self._post_cues("secrecy", text, tokens, language, evidence), *shapes]

    def _leak_sentence(self, text: str, tokens: list[Token], sentences: list[Sentence], model: InsideModel, probability: float) -> tuple[int, int]:
        """The span a learned finding points at, without its surrounding spaces: of the sentences of the text
        read (at `probability`), the first holding a topic word whose absence lowers the reading, else the
        one whose absence lowers it most. A topic word may sit in a harmless sentence beside the one that
        tells the fact ("Great quarter, team! The Lyon crew should pack their desks before spring."), and
        the sentence the head reads highest alone is often the wink ("Not another word from me."), not the fact."""
        spoken = [s for s in sentences if text[s.start : s.end].strip()]
        if len(spoken) == 1:
            chosen = spoken[0]
        else:
            without = [" ".join(text[o.start : o.end].strip() for o in spoken if o is not s) for s in spoken]
            read = [p for p, _ in model.read(without)]
            topical = [
                s for s, p in zip(spoken, read) if p < probability and self._term_matcher.find(tokens, "", s.lo, s.hi)
            ]
            chosen = topical[0] if topical else min(zip(spoken, read), key=lambda pair: pair[1])[0]
        start, end = chosen.start, chosen.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def _by_rules(
        self,
        text: str,
        language: str,
        now: datetime | None,
        tense_cache: dict[str, bool] | None,
        tokens: list[Token] | None,
        evidence_cache: dict[str, list[Evidence]] | None,
    ) -> list[InsideFinding]:
        evidence = evidence_cache if evidence_cache is not None else {}
        language = language if language in LANGUAGES else "en"
        tenses = tense_cache if tense_cache is not None else {}
        tokens = tokenize(text) if tokens is None else tokens
        topic_matches = self._term_matcher.find(tokens)
        # An inference about our coming event may leave its topic vague ("something big"): read without a topic word.
        inferred = [i for i in inferred_events(text) if i.topic in self.topics] if any(t.text in INFERENCE_WORDS for t in tokens) else []
        if not topic_matches and not inferred:
            return []
        vocabulary = PostVocabulary(tokens)  # the cue lists' scans: only those a word of the post may start
        compound = self._compound_words(tokens, language, vocabulary)
        if compound:  # "box office results": "office" names no site of ours
            topic_matches = [m for m in topic_matches if not _within(m, compound)]
            if not topic_matches and not inferred:
                return []
        sentences = _answered_questions(text, _sentences(text, tokens))
        post_cues: dict[str, list[Match]] = {}

        def cues(name: str) -> list[Match]:
            if name not in post_cues:
                if name in ("restricted", "ahead"):  # evidence.py's shapes, each read once per post when asked
                    if name not in evidence:
                        evidence[name] = evidence_of(name, text)
                    post_cues[name] = [
                        Match(_EVIDENCE_ENTRY, -1, -1, e.start, e.end) for e in evidence[name] if not _quoted_as_written(text, e.start, e.end)
                    ]
                else:
                    post_cues[name] = self._post_cues(name, text, tokens, language, evidence, compound, vocabulary)
            return post_cues[name]

        findings: list[InsideFinding] = []
        seen: set[tuple[str, int]] = set()
        ordered = sorted(topic_matches, key=lambda m: (m.start, -(m.end - m.start)))
        if any(_qualifier(m) for m in topic_matches):
            # "Q2 revenue", "H1 EBITDA": the figure the acronym qualifies is judged first, so the
            # finding is on it; the acronym is judged if the figure makes none ("LOI signed").
            starts = {(self._topic_of[id(m.entry)].name, m.first) for m in topic_matches}
            ordered.sort(key=lambda m: _qualifier(m) and (self._topic_of[id(m.entry)].name, m.last + 1) in starts)
        for match in ordered:
            topic = self._topic_of[id(match.entry)]
            sentence = next(s for s in sentences if s.lo <= match.first < s.hi)
            if (topic.name, sentence.start) in seen:
                continue
            needed = self._requirement_matchers.get(id(match.entry))
            companions: list[Match] = []
            bare = told_before = False
            if needed is not None:
                # A topic may take its companion from what the post said before, which the topic's sentence goes on
                # about: a topic told only with a secrecy cue (an unannounced product) from any earlier sentence ("Je
                # bosse sur « Atlas », la future plateforme... Sortie en mai, vous n'avez rien lu"), another from the
                # sentence just before, and then only with a secrecy cue too ("robotics people as colleagues... my
                # January is busy with integration workshops", after "Can't say much yet").
                earlier = [s.lo for s in sentences if s.hi <= sentence.lo]
                lo = (min(earlier) if topic.cues == ("secrecy",) else max(earlier)) if earlier else sentence.lo
                # "Sales next quarter?": a period ahead says when, it is no figure of the sales.
                companions = [
                    m
                    for m in needed.find(tokens, "", lo, sentence.hi)
                    if m.first != match.first and not _time_expression(tokens, m) and not _preposition(tokens, m) and not _within(m, compound)
                ]
                own = any(m.first >= sentence.lo for m in companions)
                shape = not own and self._shape_companion(text, tokens, sentence, match, self._placeholders.get(id(match.entry)))
                told_before = bool(companions) and not own and not shape and topic.cues != ("secrecy",)
                bare = not companions and not shape
                if told_before:
                    companions = []  # none of its own sentence: no progressive to read, nothing said of office life after it
                # (a post of one sentence cannot say the secret apart: it pays no cue or shape scan for it)
                if bare and not (len(sentences) > 1 and self._secret_told_apart(sentence, topic, cues)):
                    continue
                if _time_expression(tokens, match) and not any(m.first > match.last for m in companions):
                    continue  # "a great time next quarter": when; "le trimestre prochain sera catastrophique": judged
            # The words whose English progressive tells an arranged event: the topic's and its companion's.
            verbs = (match.first, *(m.first for m in companions))
            # A bare topic word is told only by the secret said apart, never by a time ahead (no parse for it).
            finding = self._judge(text, tokens, language, now, match, topic, sentence, cues, tenses, verbs, secrecy_only=bare or told_before)
            if finding is not None and self._said_of_workplace(text, tokens, language, sentence, _clause(text, match, sentence), match, verbs[1:]):
                finding = None  # "on fusionne les canaux Teams", "réorganisation de l'open space"
            if finding is not None and topic.name == "products" and any(m.start <= match.start and match.end <= m.end for m in cues("restricted")):
                finding = None  # « une nouvelle qui ne sort pas avant avril »: the disclosure's verb in a shape of secrecy, no product's
            if finding is not None:
                seen.add((topic.name, sentence.start))
                findings.append(finding)
        if not findings and inferred:
            findings = self._inferred_findings(text, tokens, now, inferred, sentences, cues)
        return findings

    def _inferred_findings(
        self,
        text: str,
        tokens: list[Token],
        now: datetime | None,
        inferred: list[Inference],
        sentences: Sequence[Sentence],
        cues: Callable[[str], list[Match]],
    ) -> list[InsideFinding]:
        """An inference about the employer's own coming event, its topic possibly vague ("qui va bientôt porter le badge",
        "new joiner at the top incoming", "update your CV if you're based there", "something big is coming for the balance
        sheet"), grounded by a sign seen from inside (an unusual request, an NDA, someone seen at our premises:
        evidence.py's `insider_signs`) or by a secrecy cue or shape of the post. A wink alone (👀, 😉) grounds nothing: a
        brand's teaser of a public launch ("big news at the fair next week, stay tuned 👀") is marketing, and the charter's
        article 6 is about facts not public. Not in a post framed as public, hearsay (a rumour about others), disowned,
        an exercise, nor told in a sentence with a past cue ("L'an dernier, on a sûrement décroché...") or after one dated
        in a past year ("Back in 2018 my boss asked me...; we must have landed something")."""
        if cues("exercise") or cues("public") or cues("hearsay") or cues("disowned"):
            return []
        said = [(m.start, m.end) for m in (*cues("secrecy"), *cues("restricted"))] or insider_signs(text)
        said = [(a, b) for a, b in said if not _quoted_as_written(text, a, b)]
        if not said:
            return []
        out: list[InsideFinding] = []
        for inference in inferred:
            if _quoted_as_written(text, inference.start, inference.end):
                continue
            sentence = next((x for x in sentences if x.start <= inference.start < x.end), None)
            if sentence is not None and any(sentence.start <= m.start < sentence.end for m in cues("past")):
                continue
            if any(_dated_in_past(tokens, x, now) for x in sentences if x.start <= inference.start):
                continue
            a, b = said[0]
            out.append(InsideFinding(inference.start, inference.end, inference.topic, "secrecy", text[a:b], 0.9))
            break
        return out

    def _secret_told_apart(self, sentence: Sentence, topic: Topic, cues: Callable[[str], list[Match]]) -> bool:
        """Whether a topic word without its companion words is still told by the post's secret: the fact said
        in a short sentence (`_CLIPPED_WORDS`; in a long one a bare topic word is often an everyday verb, "signed
        off on the travel policy") and that it is secret in a sentence of its own ("Boss out Friday. Nobody knows.",
        « Rappel jeudi. Faites les surpris. »), in a post with no public, general or hearsay framing. A secret
        said in the topic word's own sentence is often about something else beside it ("ne le dites pas au DG,
        il chante faux")."""
        if sentence.hi - sentence.lo > _CLIPPED_WORDS or "secrecy" not in topic.cues:
            return False
        # The cue words first: the shapes (regular expressions over the post) only when no cue word says it,
        # and not in a post whose general or hearsay framing (word lists, cheaper) answers no anyway.
        said = cues("secrecy")
        if not said:
            if cues("general") or cues("hearsay"):
                return False
            said = cues("restricted")
        if not said or any(sentence.start <= m.start < sentence.end for m in said):
            return False
        return not (cues("public") or cues("general") or cues("hearsay"))

    def _judge(
        self,
        text: str,
        tokens: list[Token],
        language: str,
        now: datetime | None,
        match: Match,
        topic: Topic,
        sentence: Sentence,
        cues: Callable[[str], list[Match]],
        tenses: dict[str, bool],
        verbs: Sequence[int] = (),
        secrecy_only: bool = False,
    ) -> InsideFinding | None:
        if cues("exercise"):
            return None  # "Interview question: « A client tells you, between you and me, ... »": made-up facts
        clause = _clause(text, match, sentence)
        # A past time a figure is compared with is no time of the fact: "far worse than last year", "pire que l'an dernier".
        # "depuis 18 mois" lasts until now: no past event ("le produit qu'on développe en secret depuis 18 mois va remplacer...").
        in_clause = [
            m for m in cues("past") if clause[0] <= m.start and m.end <= clause[1] and not _compared(tokens, m) and not _lasting(tokens, m)
        ]
        if in_clause or _past_year(tokens, clause, now) or _looks_back(tokens, cues("past"), sentence, now):
            return None  # a past event ("il y a dix ans", "en 2019", "last year"; "Retour sur 2019 : notre premier contrat...")
        secrecy: list[Match] = []
        if "secrecy" in topic.cues:
            secrecy = [*cues("secrecy"), *_code_names(text, sentence), *_said_secret(text, match, sentence)]
            if not secrecy:  # the shapes are read only when no cue word says it
                secrecy = cues("restricted")
                if secrecy and self._rumour(text, tokens, language, sentence, match, verbs, cues):
                    # "Il paraît que Globex va être racheté ; personne n'en sait rien"; but the writer's own vantage
                    # stands beside another company's name: "Globex rachète Initech, une info qui ne sort pas avant avril".
                    secrecy = _first_hand(text, secrecy) if not (_inside(cues("hearsay"), sentence) or cues("disowned")) else []
            if not secrecy and not cues("public") and not _inside(cues("general"), sentence):
                # The disclosure to come, said apart from the fact ("180 postes supprimés, présentation
                # au CSE le 12"); in the topic's own clause it is a calendar ("publiés le 12 mars").
                own = _coordinated_clause(text, match, clause)
                secrecy = [m for m in cues("ahead") if m.end <= own[0] or m.start >= own[1]]
                if secrecy and self._rumour(text, tokens, language, sentence, match, verbs, cues):
                    # "Apparently Globex is merging with Initech, announcement on the 12th"; but a signing set for a date, said
                    # without hearsay, is the vantage of those on the deal: "Globex va racheter Kinetis, la signature est prévue le 15".
                    secrecy = _first_hand(text, secrecy) if not (_inside(cues("hearsay"), sentence) or cues("disowned")) else []
        if (
            secrecy
            and _routine_secret(text, self._routine_events(text, tokens, [sentence], cues("routine")), secrecy, clause, sentence)
            and not self._disclosed_apart(text, match, clause, cues)
            and not _secret_of_the_fact(text, tokens, cues("routine"), secrecy, verbs[1:], sentence)
        ):
            # A party or an early closing kept as a surprise, not a leak; unless the fact has its own
            # disclosure to come ("pot de départ du DAF vendredi, personne ne le sait, elle l'apprend mardi au conseil").
            secrecy = []
        if secrecy:
            # The score only: no parse for it.
            score = 0.95 if self._forward(text, tokens, language, sentence, cues, tenses, read_tense=False) else 0.9
            return InsideFinding(match.start, match.end, topic.name, "secrecy", text[secrecy[0].start : secrecy[0].end], score)
        if secrecy_only or "forward_looking" not in topic.cues:
            return None
        # The lexical framings first: they spare the parse that the future tense may need.
        if cues("public"):
            return None  # "comme annoncé ce matin", "press release linked"
        if _inside(cues("general"), sentence):
            return None  # an article or a talk about the topic in general
        if _inside(self._routine_events(text, tokens, [sentence], cues("routine")), sentence):
            return None  # "fermée lundi pour inventaire"
        if self._rumour(text, tokens, language, sentence, match, verbs, cues):
            return None  # a rumour about someone else
        if topic.name == "results" and any(
            clause[0] <= start and end <= clause[1] for start, end in calendar_spans(text, sentence.start, sentence.end)
        ):
            # "our annual results will be released on 26 February": the financial calendar is public;
            # a deal or a layoff "to be presented on Tuesday" is not.
            return None
        if _dated_in_past(tokens, sentence, now):
            return None  # "En 2010, cette version sera portée sur iPhone": the future of a past narrative
        if not self._about_a_company(tokens, cues):
            return None  # "GCSE results tomorrow", "he will sign for Portland": said ahead, of no company
        forward = self._forward(text, tokens, language, sentence, cues, tenses, verbs=verbs)
        if forward is None:
            return None
        return InsideFinding(match.start, match.end, topic.name, "forward_looking", forward, 0.75)

    def _forward(
        self,
        text: str,
        tokens: list[Token],
        language: str,
        sentence: Sentence,
        cues: Callable[[str], list[Match]],
        tenses: dict[str, bool],
        *,
        read_tense: bool = True,
        verbs: Sequence[int] = (),
    ) -> str | None:
        """The forward-looking cue of the sentence (its text), if any; `verbs`: the token
        indices whose English progressive counts ("we're merging")."""
        found = [m for m in cues("forward_looking") if sentence.start <= m.start and m.end <= sentence.end]
        if found:
            return text[found[0].start : found[0].end]
        delay = _DELAY.search(text, sentence.start, sentence.end)
        if delay:
            return delay.group()
        for i in range(sentence.lo, sentence.hi):
            word = tokens[i].text
            if word in _ENGLISH_FUTURE:
                return tokens[i].raw
            if word in _ALLER and language == "fr":
                for k in range(i + 1, min(i + 3, sentence.hi)):
                    if _INFINITIVE.match(tokens[k].text) or tokens[k].text in _SHORT_INFINITIVES:
                        return text[tokens[i].start : tokens[k].end]
        if language == "en":
            # A verb moving a figure just before it: "we're cutting FY guidance".
            verbs = (*verbs, *(k for k in range(max(sentence.lo, verbs[0] - 3) if verbs else 0, verbs[0] if verbs else 0) if tokens[k].text in _FIGURE_VERBS))
            for i in verbs:
                lo = max(sentence.lo, i - 3)
                if lo <= i < sentence.hi and english_progressive([t.text for t in tokens[lo : i + 1]], i - lo):
                    return text[tokens[lo].start : tokens[i].end]
        if read_tense and language == "fr" and self._future_tense is not None:
            piece = text[sentence.start : sentence.end]
            if piece not in tenses:
                tenses[piece] = self._future_tense(piece, language)
            if tenses[piece]:
                return piece.strip()[:40]
        return None

    def _about_a_company(self, tokens: list[Token], cues: Callable[[str], list[Match]]) -> bool:
        """Whether the post speaks from or of a company: one of our names, or a word of the `company`
        list (the collective first person "we", "nous", "on"; a company's staff, bodies, sites,
        shareholders, market, customers). A topic word said to lie ahead in a post with none of them
        is an exam's results, a player's signing, a film's sequel: there is no issuer whose
        information it could be. "I" alone speaks from a person ("I'll buy a PS4 tomorrow")."""
        return bool(cues("company")) or any(t.text in self._own_names for t in tokens)

    def _official_disclosure_within(self, text: str, span: tuple[int, int], evidence: dict[str, list[Evidence]]) -> bool:
        """Whether `span` holds a disclosure to come, or awaited, that is official (evidence.py's `ahead` and
        `restricted` shapes before an `_OFFICIAL_AUDIENCE`): the learned reading's counterpart of `_disclosed_apart`."""
        for name in ("ahead", "restricted"):
            if name not in evidence:
                evidence[name] = evidence_of(name, text)
        return any(
            span[0] <= e.start and e.end <= span[1] and _to_official_audience(text, e.start, e.end, span)
            for e in (*evidence["ahead"], *evidence["restricted"])
        )

    def _disclosed_apart(self, text: str, match: Match, clause: tuple[int, int], cues: Callable[[str], list[Match]]) -> bool:
        """A disclosure to come, or awaited, that is official (to a board, the works council, the market;
        an official notification), said outside the topic's own clause, in a post not framed as public:
        the secret is the fact's, whatever ordinary event stands beside it ("notre offre pour la
        maintenance des bornes est retenue ; on attend la notification officielle")."""
        if cues("public"):
            return False
        own = _coordinated_clause(text, match, clause)
        return any(
            (m.end <= own[0] or m.start >= own[1]) and _to_official_audience(text, m.start, m.end, (0, len(text)))
            for m in (*cues("ahead"), *cues("restricted"))
        )

    def _rumour(
        self, text: str, tokens: list[Token], language: str, sentence: Sentence, match: Match, verbs: Sequence[int], cues: Callable[[str], list[Match]]
    ) -> bool:
        """A report about someone else: hearsay, the writer's denial that it is us ("pas nous hein"), or
        another company named or described ("une pépite lyonnaise", "a big payments startup") before the
        topic, without a first-person word in the topic's clause ("Il paraît que Kelvor va racheter Batimo, mais perso je
        n'en sais rien": the "je" is the reader of the rumour, not the buyer)."""
        own = _coordinated_clause(text, match, _clause(text, match, sentence))
        topic = self._topic_of[id(match.entry)].name
        return not self._self_reference(text, tokens, language, sentence, cues, own, topic) and (
            _inside(cues("hearsay"), sentence)
            or bool(cues("disowned"))
            or self._names_another_company(text, tokens, sentence, match, verbs[1:])
            or (topic in _FIRM_SUBJECT_TOPICS and _firm_before(tokens, sentence, match.first))
        )

    def _shape_companion(
        self, text: str, tokens: list[Token], sentence: Sentence, match: Match, shapes: frozenset[str] | None
    ) -> bool:
        """Whether the sentence holds one of the placeholder companions of the topic word."""
        if not shapes:
            return False
        if "<amount>" in shapes and _AMOUNT.search(text, sentence.start, sentence.end):
            return True
        if "<headcount>" in shapes and _HEADCOUNT.search(text, sentence.start, sentence.end):
            return True
        if "<next>" in shapes and match.first - 1 >= sentence.lo and tokens[match.first - 1].text in _NEXT:
            return True
        if "<name>" in shapes and self._names_the_topic(tokens, sentence, match.first - 1):
            return True  # "the Sunderland closure"
        if "<name>" in shapes:
            # A capitalised word within three words after the topic word (articles aside), that is
            # no month, no own name and no brand of goods bought ("buying Salesforce licences").
            k, skipped = match.last + 1, 0
            while k < sentence.hi and skipped < 3:
                raw = tokens[k].raw
                if raw[0].isupper() and len(raw) > 1 and tokens[k].text not in self._own_names | _CALENDAR:
                    end = k
                    while end + 1 < sentence.hi and tokens[end + 1].raw[0].isupper():
                        end += 1
                    return end + 1 >= sentence.hi or tokens[end + 1].text not in _GOODS
                k += 1
                skipped += 1
        return False

    def _said_of_workplace(
        self,
        text: str,
        tokens: list[Token],
        language: str,
        sentence: Sentence,
        clause: tuple[int, int],
        match: Match,
        companions: Sequence[int],
    ) -> bool:
        """The topic word said of an object of ordinary office life: one within six words after
        it, in the same phrase ("merging the London and remote social committees", "réorganisation
        de l'open space"), and none of the topic's companion words after it in its clause (the site
        named keeps "on ferme l'usine et le parking"; a verb before it does not: "we picked a new
        supplier for the coffee machines")."""
        if _MILLIONS.search(text, sentence.start, sentence.end):
            return False  # "le marché des cantines scolaires, 12 M€ sur 4 ans": the business, not office life
        # Looked for in the words just after the topic word only: no pass over the whole post.
        found = [
            m for m in self._cue_matchers[("workplace", language)].find(tokens, "", match.last + 1, min(match.last + 9, len(tokens)))
            if m.end <= clause[1]
        ]
        after = [k for k in companions if match.last < k and tokens[k].start < clause[1]]
        if after:
            # A companion after the topic word keeps the finding, unless an office object is what it
            # is said of ("the mugs range", "la gamme de mugs du CE", "the pizza range in the canteen"), or
            # its purpose ("the customer picked us for a quick demo").
            if any(_purpose(tokens, m, match.last) for m in found):
                return True
            return bool(found) and all(any(_qualifies(tokens, m, k) for m in found) for k in after)
        for m in found:
            if m.first <= match.last + 6:
                gaps = (text[tokens[k - 1].end : tokens[k].start] for k in range(match.last + 1, m.first + 1))
                if not any(gap.strip(_IN_SENTENCE_GAP) for gap in gaps):
                    return True
        return False

    def _names_the_topic(self, tokens: list[Token], sentence: Sentence, i: int) -> bool:
        """Whether tokens[i] is a name modifying the topic word after it, after a determiner:
        "the Sunderland closure", "our Brazil business"; not "Globex acquires", nor "a guy in Canada bought"."""
        if i - 1 < sentence.lo:
            return False
        name = tokens[i]
        return (
            tokens[i - 1].text in _DETERMINERS
            and name.raw[0].isupper()
            and len(name.raw) > 1
            and not name.raw.isupper()
            and name.text not in self._own_names | _CALENDAR
        )

    def _first_word_names_a_company(self, tokens: list[Token], sentence: Sentence, match: Match) -> bool:
        """A sentence that starts with a name acting on a deal or a figure: "Globex acquires Initech",
        "Danone va racheter", "Sorbel is being bought". A name: capitalised, not all capitals, none of our
        names, no pronoun nor body of ours, no word of the cue lists, no adverb ("Finalement", "Finally");
        acting: the topic right after it or after auxiliaries."""
        topic = self._topic_of[id(match.entry)]
        first = sentence.lo
        if topic.name not in _FIRST_WORD_TOPICS or first >= match.first or match.first - first > 4:
            return False
        if any(tokens[k].text not in _AUXILIARIES for k in range(first + 1, match.first)):
            return False
        word = tokens[first]
        return (
            word.raw[0].isupper()
            and len(word.raw) > 1
            and not word.raw.isupper()
            and word.text not in self._own_names | _CALENDAR | _NOT_A_COMPANY | _DETERMINERS | FILLERS | self._cue_words
            and not word.text.endswith(("ment", "ly"))
        )

    def _self_reference(
        self,
        text: str,
        tokens: list[Token],
        language: str,
        sentence: Sentence,
        cues: Callable[[str], list[Match]],
        clause: tuple[int, int],
        topic: str,
    ) -> bool:
        """A first-person word in `clause`, a body of ours in it (`bodies`), or one of our names in the sentence. Not "our suppliers" when the
        `topic` is a company's own event (a deal, a raise, results, a restructuring: theirs); a customer
        leaving us or an executive joining from a rival is ours."""
        # The "je" of "je lis que" / the "I" of "I read that" reports; it is not the company.
        reporting = [(h.start, h.end) for h in cues("hearsay")]
        for m in cues("self"):
            if any(start <= m.start and m.end <= end for start, end in reporting):
                continue
            # "US press" is no "us": an all-capital word of 2+ letters is an acronym, not a pronoun.
            acronym = m.end - m.start > 1 and all(tokens[i].raw.isupper() for i in range(m.first, m.last + 1))
            if acronym or not (clause[0] <= m.start and m.end <= clause[1]):
                continue
            if m.first >= 0 and (
                (m.last + 1 < len(tokens) and tokens[m.last + 1].text in _RELATIONS)
                or (topic in _FIRM_SUBJECT_TOPICS and _third_party_after(text, tokens, m.last))
                or (m.first > 0 and tokens[m.first - 1].text in _DENIAL)
            ):
                continue  # "mon beau-frère", "one of our suppliers", "ce n'est pas chez nous": not the company
            return True
        # "Apparently the exec team will...", "il paraît que le comité de direction...": a body of ours, reported.
        if any(clause[0] <= m.start and m.end <= clause[1] and _body_of_ours(text, tokens, m) for m in cues("bodies")):
            return True
        return any(tokens[i].text in self._own_names for i in range(sentence.lo, sentence.hi))

    def _names_another_company(
        self, text: str, tokens: list[Token], sentence: Sentence, match: Match, companions: Sequence[int] = ()
    ) -> bool:
        """A capitalised word before the topic, as its subject would be ("Kering publiera des
        résultats"; not "on ferme le site de Valence"): see `_names_someone_else`."""
        if self._first_word_names_a_company(tokens, sentence, match):
            return True
        return self._names_someone_else(text, tokens, sentence, match.first, companions)

    def _names_someone_else(
        self, text: str, tokens: list[Token], sentence: Sentence, upto: int, companions: Sequence[int] = (), people_aside: bool = False
    ) -> bool:
        """A capitalised word in the sentence before token `upto` (the topic word, or the sentence's
        end): not the sentence's first word, not an acronym, not a month, not our own name, not a
        place naming a site or the topic's companion word ("the Leeds warehouse is being shut down", "the
        Leeds contact centre"), not a name that modifies the topic word after a determiner ("the Port of
        Antwerp award letter", "the Sunderland closure"). With `people_aside`, not a common given name
        standing alone either: a colleague who tells or is told ("Marc from finance says...", "j'ai dit à
        Julie que...") is a person, not another company whose fact it would be (a name followed by another
        capitalised word, "Louis Vuitton", may be a firm's)."""
        naming = _name_before(tokens, sentence, upto)
        for i in range(sentence.lo + 1, min(upto, sentence.hi)):
            raw = tokens[i].raw
            if i >= naming:
                break  # the name of the topic itself
            if tokens[i].text in _WORK_FILES or tokens[i - 1].text in _WORK_FILES:
                continue  # "le dossier Pelliot", "Project Heron": the writer's own deal
            if text[tokens[i - 1].end : tokens[i].start] == "-":
                continue  # "Clermont-Ferrand", "Saint-Nazaire": one name, judged by its first word
            if _holiday_at(tokens, sentence, i):
                continue  # "after New Year": a date
            if tokens[i - 1].text in _INDEFINITE_ARTICLES:
                continue  # "reçu par erreur un Excel", "a Tesla": a thing of that brand, no company acting
            if i - 1 > sentence.lo and tokens[i - 1].text in _PLACE_PREPOSITIONS:
                continue  # a place, no subject: "le magasin de Vannes", "the plant in Leeds", "les gars de Vierzon"
            if i + 1 in companions or (i + 1 == upto and self._names_the_topic(tokens, sentence, i)) or _names_a_site_after(tokens, sentence, i):
                continue  # a place naming a site or the topic itself ("the Bristol site is being merged", "the Leicester closure")
            # After an emoji, a colon or a quote a capital starts a phrase ("🎄 Bon, ..."): no name.
            starts_phrase = bool(text[tokens[i - 1].end : tokens[i].start].strip(_IN_SENTENCE_GAP))
            if people_aside and tokens[i].text in FIRST_NAMES and not (i + 1 < sentence.hi and tokens[i + 1].raw[:1].isupper()):
                continue
            if raw[0].isupper() and not raw.isupper() and tokens[i].text not in self._own_names | _CALENDAR | _LANGUAGE_NAMES and not starts_phrase:
                return True
        return False


def _to_official_audience(text: str, start: int, end: int, within: tuple[int, int]) -> bool:
    """Whether the disclosure said in text[start:end] is made to an official audience named in it, just
    after it ("l'apprend mardi au conseil") or just before it as its subject ("Works council gets told
    after New Year"), inside `within`."""
    return bool(_OFFICIAL_AUDIENCE.search(text, max(within[0], start - 20), min(end + 20, within[1])))


def _personal_ignorance(text: str, start: int, end: int) -> bool:
    """Whether the evidence in text[start:end] is someone's own ignorance, a person's pronoun just before it
    ("you obviously have no clue", "I have no idea", "il ne sait pas"): it says nothing is kept from a group,
    as "the market has no idea" or "nobody outside the board knows" do."""
    return bool(_IGNORANCE.search(text, start, end)) and bool(_PERSON_BEFORE.search(text[max(0, start - 24) : start]))


# Whose a body is when it is not ours: "their board", "son conseil d'administration".
_OTHERS_POSSESSIVES = frozenset(["their", "its", "his", "her", "leur", "leurs", "son", "sa", "ses"])
# What joins a body to the company it belongs to: "the board of Globex", "le comité de direction de Vantor".
_BODY_OF = frozenset(["of", "at", "from", "de", "du", "d", "chez"])


def _body_of_ours(text: str, tokens: list[Token], m: Match) -> bool:
    """Whether the governing body at `m` is the writer's company's: not another's by a possessive ("their board"),
    a name before it ("Globex's board") or after it ("the board of Globex", "le comité de direction de Vantor")."""
    if m.first < 0:
        return False
    if m.first > 0 and (
        tokens[m.first - 1].text in _OTHERS_POSSESSIVES or (tokens[m.first - 1].text == "s" and m.first > 1 and tokens[m.first - 2].raw[:1].isupper())
    ):
        return False
    k = m.last + 1
    return not (k + 1 < len(tokens) and tokens[k].text in _BODY_OF and tokens[k + 1].raw[:1].isupper() and text[tokens[m.last].end : tokens[k].start].strip() == "")


def _third_party_after(text: str, tokens: list[Token], last: int) -> bool:
    """Whether a company we deal with is named just after the first-person word tokens[last], in its phrase:
    "one of our suppliers", "our packaging supplier's", "notre hébergeur cloud" (another company, not us)."""
    for k in range(last + 1, min(last + 1 + _THIRD_PARTY_REACH, len(tokens))):
        if text[tokens[k - 1].end : tokens[k].start].strip(_IN_SENTENCE_GAP):
            return False  # a comma, a colon: another phrase
        if tokens[k].text in _THIRD_PARTIES:
            return True
    return False


def _holiday_at(tokens: list[Token], sentence: Sentence, i: int) -> bool:
    """Whether tokens[i] is a word of a holiday's two-word name ("New Year", "Nouvel An")."""
    pairs = ((i, i + 1), (i - 1, i))
    return any(
        sentence.lo <= a and b < sentence.hi and (tokens[a].text, tokens[b].text) in _TWO_WORD_HOLIDAYS for a, b in pairs
    )


def reading_spans(text: str, sentences: list[Sentence] | None = None) -> list[tuple[int, int]]:
    """The (start, end) of the texts the learned reading may embed (`model.units` over the post's
    sentences), blank ones left out: what its gate is asked about."""
    sentences = _sentences(text, tokenize(text)) if sentences is None else sentences
    return [(a, b) for a, b in model_units(text, [(s.start, s.end) for s in sentences]) if text[a:b].strip()]


def _sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    out: list[Sentence] = []
    k = 0
    starts = [t.start for t in tokens]  # increasing: each sentence's tokens found by bisection
    for m in _SENTENCE.finditer(text):
        lo = k
        k = bisect_left(starts, m.end(), lo=k)  # the first token from the sentence's end on
        out.append(Sentence(m.start(), m.end(), lo, k))
    if not out or out[-1].hi < len(tokens):
        out.append(Sentence(out[-1].end if out else 0, len(text), out[-1].hi if out else 0, len(tokens)))
    return out


# A question this short, with its answer next ("Le contrat RATP ? Paraphé ce matin", "The Q3 numbers? Way
# above plan."), is one statement: the topic and what is said of it sit on either side of the "?".
_SHORT_QUESTION_WORDS = 8


def _answered_questions(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """`sentences` with each short question ("Le contrat RATP ?") joined to the sentence after it."""
    out: list[Sentence] = []
    for s in sentences:
        if out:
            last = out[-1]
            if text[last.start : last.end].rstrip().endswith("?") and 0 < last.hi - last.lo <= _SHORT_QUESTION_WORDS:
                out[-1] = Sentence(last.start, s.end, last.lo, s.hi)
                continue
        out.append(s)
    return out


def _clause(text: str, match: Match, sentence: Sentence) -> tuple[int, int]:
    start = sentence.start
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, match.start):
        start = m.end()
    nxt = _CLAUSE_BREAK.search(text, match.end, sentence.end)
    return start, nxt.start() if nxt else sentence.end


def _coordinated_clause(text: str, match: Match, clause: tuple[int, int]) -> tuple[int, int]:
    """The part of `clause` between the coordinations around the topic ("... perd 140 postes | et
    que l'annonce au CSE c'est le 18")."""
    start, end = clause
    for m in _COORDINATION.finditer(text, clause[0], match.start):
        start = m.end()
    nxt = _COORDINATION.search(text, match.end, clause[1])
    return start, nxt.start() if nxt else end


def _routine_secret(text: str, routine: list[Match], secrecy: list[Match], clause: tuple[int, int], sentence: Sentence) -> bool:
    """A routine event beside the topic or beside the secrecy cue ("🤫 it's a surprise party: our
    director is retiring"): the secret is the party's. A routine word elsewhere in a long
    sentence ("la prochaine fois que je fêterai un anniversaire ici, ... on se marie avec X
    (shhh)") is not what the secret is about."""
    # The secrecy phrase's own words are no event: "can't wait for the day we can talk publicly" holds "for the day".
    routine = [r for r in routine if not any(m.start < r.end and r.start < m.end for m in secrecy)]
    near: list[tuple[int, int]] = [clause]
    for m in secrecy:
        if sentence.start <= m.start < sentence.end:
            start = max([b.end() for b in _CLAUSE_BREAK.finditer(text, sentence.start, m.start)], default=sentence.start)
            nxt = _CLAUSE_BREAK.search(text, m.end, sentence.end)
            near.append((start, nxt.start() if nxt else sentence.end))
    return any(
        sentence.start <= r.start < sentence.end and any(lo <= r.start and r.end <= hi for lo, hi in near) for r in routine
    )


def _secret_of_the_fact(
    text: str, tokens: list[Token], routine: list[Match], secrecy: list[Match], companions: Sequence[int], sentence: Sentence
) -> bool:
    """A secrecy cue said in a clause of its own with a companion word of the topic and no routine word: the secret is
    the fact's, not the party's ("a surprise party for our COO, her departure isn't announced yet")."""
    for m in secrecy:
        if not sentence.start <= m.start < sentence.end:
            continue
        start = max([b.end() for b in _CLAUSE_BREAK.finditer(text, sentence.start, m.start)], default=sentence.start)
        nxt = _CLAUSE_BREAK.search(text, m.end, sentence.end)
        end = nxt.start() if nxt else sentence.end
        if any(start <= tokens[k].start < end for k in companions) and not any(start <= r.start < end for r in routine):
            return True
    return False


@lru_cache(maxsize=4096)
def _with_plurals(entry: Entry) -> Entry:
    """`entry` whose words also match their plurals (-s, -x): the names of objects."""
    if entry.symbol is not None:
        return entry
    parts = tuple(
        Part(forms=p.forms | {f + "s" for f in p.forms} | {f + "x" for f in p.forms}) if p.forms else p for p in entry.parts
    )
    return Entry(entry.written, parts)


def _qualifies(tokens: list[Token], m: Match, k: int) -> bool:
    """Whether the words of `m` qualify the word tokens[k]: just before it ("the mugs range") or
    after "de", "of", "in", "at", an article aside ("la gamme de mugs", "the range in the canteen")."""
    if m.last + 1 == k:
        return True
    return k + 1 < m.first <= k + 3 and tokens[k + 1].text in _OF | _IN and all(tokens[j].text in FILLERS for j in range(k + 2, m.first))


def _purpose(tokens: list[Token], m: Match, after: int) -> bool:
    """Whether the words of `m` are introduced as a purpose, within three words: "for a quick demo",
    "pour la soirée"."""
    return any(tokens[j].text in _FOR for j in range(max(after + 1, m.first - 3), m.first))


def _names_a_site_after(tokens: list[Token], sentence: Sentence, i: int) -> bool:
    """A site noun just after tokens[i], or after one lower-case word or up to two acronyms: "Leeds warehouse",
    "Leeds contact centre", "the Lyon R&D team"."""
    if i + 1 < sentence.hi and _site_noun(tokens[i + 1].text):
        return True
    between = tokens[i + 1] if i + 1 < sentence.hi else None
    if (
        between is not None
        and i + 2 < sentence.hi
        and between.raw.islower()
        and between.text not in ("s", "is", "est", "va", "will", "has", "a")
        and _site_noun(tokens[i + 2].text)
    ):
        return True
    k = i + 1
    while k < min(i + 3, sentence.hi) and tokens[k].raw.isupper() and len(tokens[k].raw) <= 3:
        k += 1
    return k > i + 1 and k < sentence.hi and _site_noun(tokens[k].text)


def _name_before(tokens: list[Token], sentence: Sentence, upto: int) -> int:
    """The first token of a name that modifies the word tokens[upto] after a determiner ("the Port of
    Antwerp award letter", "our Brazil business"): capitalised words, "of"/"de" between them; else `upto`."""
    k = upto - 1
    # A product's own noun may stand between the name and the topic word: "the Acme X9 controller launch".
    if k - 1 > sentence.lo and tokens[k].raw.islower() and any(c.isdigit() for c in tokens[k - 1].raw) and tokens[k - 1].raw[0].isupper():
        k -= 1
    while k > sentence.lo and (
        tokens[k].raw[0].isupper() or (tokens[k].text in _OF and tokens[k - 1].raw[0].isupper() and k + 1 < upto)
    ):
        k -= 1
    first = k + 1
    if first >= upto or not tokens[first].raw[0].isupper() or tokens[k].text not in _DETERMINERS:
        return upto
    return first


def _site_noun(word: str) -> bool:
    """One of our sites, singular or plural ("les entrepôts de Blois", "the Leeds warehouses")."""
    return word in _SITE_NOUNS or (word[-1:] in ("s", "x") and word[:-1] in _SITE_NOUNS)


def _preposition(tokens: list[Token], m: Match) -> bool:
    """A companion word inside a preposition: "à partir de lundi" (from Monday) is no customer leaving."""
    return m.first > 0 and (tokens[m.first - 1].text, tokens[m.first].text) in _PREPOSITIONS


def _time_expression(tokens: list[Token], m: Match) -> bool:
    """A period ahead named as a time ("next quarter", "le semestre prochain", "the coming year"):
    it says when, not which figure ("Sales next quarter? Let's talk pipeline")."""
    if m.first < 0 or m.first != m.last or tokens[m.first].text not in _PERIODS:
        return False
    before = tokens[m.first - 1].text if m.first > 0 else ""
    after = tokens[m.last + 1].text if m.last + 1 < len(tokens) else ""
    return before in _NEXT_TIME or after in _NEXT_TIME


def _qualifier(match: Match) -> bool:
    """An exact-case acronym of one word ("Q2", "H1", "FY"): it may qualify the topic word after it."""
    return len(match.entry.parts) == 1 and match.entry.parts[0].exact is not None


def _names_a_site(tokens: list[Token], m: Match) -> bool:
    """A general word naming a place of ours, not a talk: "l'atelier de Cholet", "the workshop of Ravel"."""
    k = m.last + 1
    if k < len(tokens) and tokens[k].text in ("de", "du", "d", "of"):
        k += 1
    return m.first >= 0 and k < len(tokens) and k > m.last + 1 and tokens[k].raw[0].isupper()


# Before those a disclosure is made to: "on le dira aux analystes", "we brief the analysts", "told to analysts".
_TO = frozenset(["aux", "au", "a", "to", "devant", "brief", "briefing", "tell", "telling", "told", "inform", "informer", "prevenir"])


def _addressed(tokens: list[Token], m: Match) -> bool:
    """A source of hearsay spoken to, not heard from: "on le dira aux analystes", "we'll tell the analysts
    on Monday" (the analysts as an audience, not "les analystes prévoient")."""
    k = m.first - 1
    if k >= 0 and tokens[k].text in ("les", "the", "nos", "our", "l"):
        k -= 1
    return m.first >= 0 and k >= 0 and tokens[k].text in _TO


# Letters and messages a company receives or writes: what "d'après" / "according to" cites from one is read, not heard.
_CORRESPONDENCE = frozenset([
    "lettre", "courrier", "mail", "email", "e", "memo", "note", "notification", "convocation", "avenant", "contrat", "pv", "proces",
    "letter", "memo", "notice", "minutes", "contract", "amendment", "termination",
])
# An internal document cited as the source, after at most one word naming it ("per the pricing slides", "selon le deck du comex").
_INTERNAL_DOCUMENTS = frozenset(["deck", "slides", "roadmap", "grille", "feuille"])


def _from_correspondence(tokens: list[Token], m: Match) -> bool:
    """A source cited from a letter, a message or an internal document ("d'après la lettre de l'agence", "according
    to the email from legal", "per the pricing slides"): what the writer read, not a rumour. An article, a report in the press, people, stay hearsay."""
    if m.first < 0 or tokens[m.last].text not in ("apres", "selon", "to", "per", "the"):
        return False
    k = m.last + 1
    while k < len(tokens) and tokens[k].text in ("la", "le", "l", "les", "ce", "cette", "the", "this", "that", "notre", "our"):
        k += 1
    if k < len(tokens) and tokens[k].text in _CORRESPONDENCE:
        return True
    return any(tokens[j].text in _INTERNAL_DOCUMENTS for j in range(k, min(k + 2, len(tokens))))


# Verbs whose object, quoted, is a wording written or posted, not said to the reader: "never post 'can't say more'".
_WRITING_VERBS = frozenset([
    "post", "posts", "posting", "write", "writes", "writing", "tweet", "tweeting", "type", "typing", "caption", "poster", "postez", "poste",
    "ecrire", "ecrivez", "ecris", "ecrit", "publier", "publiez", "publie", "taper", "tapez",
])
_QUOTES = "'\"«»“”‘’"


def _quoted_as_written(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a quotation (within a sentence) that is the object of a verb of writing or
    posting ("never post 'can't say more' on LinkedIn", « n'écrivez jamais « je ne peux rien dire » »): a wording
    mentioned, not a secret kept."""
    opening = _quote_mark(text, start - 1, -1)
    if opening < 0 or _quote_mark(text, end, 1) < 0:
        return False
    # The verb, or the verb and one adverb: "never post 'can't say more'", « ne postez jamais « ... » ».
    return any(word.strip(".,:;!?") in _WRITING_VERBS for word in fold_words(text[max(0, opening - 40) : opening]).split()[-2:])


# How far from a wording its quotation marks may stand (a short quoted phrase).
_QUOTE_REACH = 60


def _quote_mark(text: str, i: int, step: int) -> int:
    """The index of the nearest quotation mark from text[i] on in the direction `step` (-1, +1), within the sentence and
    `_QUOTE_REACH`; an apostrophe between two letters ("can't") is none. -1 when there is none."""
    stop = max(-1, i - _QUOTE_REACH) if step < 0 else min(len(text), i + _QUOTE_REACH)
    while i != stop:
        c = text[i]
        if c in ".!?\n":
            return -1
        if c in _QUOTES and not (c in "'’" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()):
            return i
        i += step
    return -1


def _within(m: Match, words: frozenset[int]) -> bool:
    """Whether a word of `m` is one of `words` (token indices)."""
    return m.first >= 0 and any(k in words for k in range(m.first, m.last + 1))


def _stands_alone(text: str, tokens: list[Token], m: Match) -> bool:
    """Whether the words of `m` are a phrase of their own: they start a sentence (not after a comma: "ils
    ont choisi Globex, pas nous" tells a contract lost) and end a phrase (a comma, a full stop, an emoji,
    the end, an interjection): "Pas nous hein 😄", "Not us, before anyone asks"; not "ils ne veulent
    pas nous le dire"."""
    before = text[: m.start].rstrip(" \u00a0")
    if before and (before[-1].isalnum() or before[-1] in ",'’-"):
        return False
    k = m.last + 1
    while k < len(tokens) and tokens[k].text in _INTERJECTIONS:
        k += 1
    end = tokens[k - 1].end if k > m.last + 1 else m.end
    following = text[end : tokens[k].start] if k < len(tokens) else text[end:]
    return k >= len(tokens) or bool(following.strip(" \u00a0"))


def _firm_before(tokens: list[Token], sentence: Sentence, upto: int) -> bool:
    """An indefinite company before token `upto` in the sentence: "une pépite lyonnaise", "a big payments
    startup", "one of our rivals" excepted (a first-person word is ours)."""
    for i in range(sentence.lo, min(upto, sentence.hi)):
        word = tokens[i].text
        firm = word in _FIRMS or (word in ("start", "scale") and i + 1 < sentence.hi and tokens[i + 1].text == "up")
        if firm and any(tokens[j].text in _INDEFINITE for j in range(max(sentence.lo, i - 4), i)):
            return True
        # Firms in the plural, none of them ours: "why mid-size players are being acquired", « des start-ups vont se faire racheter ».
        plural = word.endswith("s") and (word[:-1] in _FIRMS or word in _PLURAL_FIRMS)
        if plural and not any(tokens[j].text in _FIRST_PERSON_POSSESSIVES for j in range(max(sentence.lo, i - 3), i)):
            return True
    return False


_PLURAL_FIRMS = frozenset(["companies"])
# "our rivals", « nos concurrents »: the firms of a first person are ours to speak of, not others in general.
_FIRST_PERSON_POSSESSIVES = frozenset(["our", "my", "notre", "nos", "mon", "mes", "ma"])


# The words that make what follows them the term of a comparison ("worse than last year", "versus 2024").
_COMPARED_WITH = frozenset(["than", "vs", "versus", "compared", "comparison", "rapport", "comparaison"])
# French "que" is a comparison's only after a comparative ("pires que l'an dernier"; not "je sais que l'an dernier...").
_COMPARATIVES = frozenset(["plus", "moins", "pire", "pires", "meilleur", "meilleure", "meilleurs", "meilleures", "mieux", "autant", "aussi", "davantage"])


def _compared(tokens: list[Token], m: Match) -> bool:
    """Whether the cue at `m` is the term of a comparison: right after "than", "versus", "compared to", a comparative's "que",
    "par rapport à" (an article or a preposition between)."""
    k = m.first - 1
    while k >= 0 and tokens[k].text in ("to", "with", "a", "au", "l", "le", "la", "les", "the"):
        k -= 1
    if m.first == 0 or k < 0:
        return False
    if tokens[k].text in ("que", "qu"):
        return any(t.text in _COMPARATIVES for t in tokens[max(0, k - 4) : k])
    return tokens[k].text in _COMPARED_WITH


def _partitive(tokens: list[Token], m: Match) -> bool:
    """ "beaucoup d'entre nous" (many of us), "the gap between us and them": no secrecy."""
    if m.first < 0 or tokens[m.first].text not in ("entre", "between"):
        return False
    before = tokens[m.first - 1].text if m.first > 0 else ""
    after = tokens[m.last + 1].text if m.last + 1 < len(tokens) else ""
    return before in _NOT_SECRET_BEFORE or after in _NOT_SECRET_AFTER


# How many words before an ambiguous cue entry its neighbours say its sense (`Sense`).
_SENSE_WINDOW = 3


def _in_sense(text: str, tokens: list[Token], m: Match, sense: Sense | None) -> bool:
    """Whether the cue entry at `m` is read in its list's sense (`lexicon.Sense`): "un tuyau de l'intérieur", not
    "le ministre de l'intérieur"; "nom de code Orion" of a project, not "l'espion, nom de code Vipère"."""
    if sense is None or m.first < 0:
        return True
    before = {t.text for t in tokens[max(0, m.first - _SENSE_WINDOW) : m.first]}
    after = {t.text for t in tokens[m.last + 1 : m.last + 1 + _SENSE_WINDOW]}
    if sense.unless_after & before or sense.unless_before & after:
        return False
    if sense.unless_answering and _answers_a_question(text, tokens, m.first, sense.unless_answering):
        return False
    if sense.before and not sense.before & after:
        return False
    if not sense.after:
        return True
    opens = m.first == 0 or any(c in ".!?:;\n" for c in text[tokens[m.first - 1].end : m.start])
    return opens or bool(sense.after & before)


# A short sentence (about a line): the fact said in a few words ("Boss out Friday.", "Un nouveau boss à rencontrer le 14.").
_CLIPPED_WORDS = 14
# How far before a routine word a contract it is the object of may be named ("l'appel d'offres SNCF pour la maintenance").
_CONTRACT_OBJECT_REACH = 4
# How many words may open a question before the word that says what kind of question it is ("Et pourquoi ...").
_QUESTION_OPENING = 3


def _answers_a_question(text: str, tokens: list[Token], first: int, openers: frozenset[str]) -> bool:
    """Whether tokens[first] comes right after a question (a "?" between it and the word before) whose first
    words hold one of `openers` ("Pourquoi 70 % des fusions échouent ? Spoiler : la culture")."""
    if first <= 0 or "?" not in text[tokens[first - 1].end : tokens[first].start]:
        return False
    k = first - 1
    while k > 0 and not any(c in ".!?\n" for c in text[tokens[k - 1].end : tokens[k].start]):
        k -= 1
    return any(t.text in openers for t in tokens[k : min(k + _QUESTION_OPENING, first)])


def _past_year(tokens: list[Token], clause: tuple[int, int], now: datetime | None) -> bool:
    if now is None:
        return False
    return any(
        clause[0] <= t.start < clause[1] and _YEAR.match(t.text) and int(t.text) < now.year for t in tokens
    )


# A duration after "depuis" ("depuis 18 mois", "depuis des années"): what has lasted until now, not a past event.
_DURATION_UNITS = frozenset(["jours", "semaines", "mois", "ans", "annees", "trimestres", "days", "weeks", "months", "years"])
_SOME = frozenset(["des", "quelques", "plusieurs", "deux", "trois", "quatre", "cinq", "six", "dix", "douze", "several", "a", "few"])
_SINCE = frozenset(["depuis"])
# Between a retrospective cue and the year it looks back at: "Retour sur 2019", "throwback to 2018", "looking back at 2017".
_LOOKING_AT = frozenset(["to", "at", "on", "de", "en", "l", "annee", "year"])


def _lasting(tokens: list[Token], m: Match) -> bool:
    """Whether the past cue at `m` is "depuis" before a duration ("depuis 18 mois", "depuis des années"): lasting until now."""
    if m.first < 0 or m.first != m.last or tokens[m.first].text not in _SINCE:
        return False
    k = m.last + 1
    if k < len(tokens) and (tokens[k].text.isdigit() or tokens[k].text in _SOME):
        k += 1
    return k < len(tokens) and k > m.last + 1 and tokens[k].text in _DURATION_UNITS


def _looks_back(tokens: list[Token], past: list[Match], sentence: Sentence, now: datetime | None) -> bool:
    """Whether a past cue of the sentence looks back at a past year right after it ("Retour sur 2019 :", "Throwback to 2018,",
    "Souvenir de 2015"): the sentence is a retrospective, whichever of its clauses holds the topic."""
    if now is None:
        return False
    for m in past:
        if not (sentence.lo <= m.first < sentence.hi):
            continue
        k = m.last + 1
        while k < sentence.hi and k <= m.last + 2 and tokens[k].text in _LOOKING_AT:
            k += 1
        if k < sentence.hi and _YEAR.match(tokens[k].text) and int(tokens[k].text) < now.year:
            return True
    return False


_IN_YEAR = frozenset(["en", "in"])
_COMPARED = frozenset(["comme", "like", "as", "than", "que", "qu", "since", "depuis", "apres", "after", "avant", "before"])


def _dated_in_past(tokens: list[Token], sentence: Sentence, now: datetime | None) -> bool:
    """A past year given as the sentence's time, "en 2010", "in May 2005", "en juillet 2014": a narrative
    or encyclopaedic register, whose "sera portée" or "will sign" lies ahead of that year, not of today."""
    if now is None:
        return False
    for i in range(sentence.lo, sentence.hi):
        if _YEAR.match(tokens[i].text) and int(tokens[i].text) < now.year:
            at = i - 1 if i - 1 >= sentence.lo and tokens[i - 1].text in _CALENDAR | _MONTHS_FR else i
            if at - 1 >= sentence.lo and tokens[at - 1].text in _IN_YEAR and (at - 2 < sentence.lo or tokens[at - 2].text not in _COMPARED):
                return True  # not "comme en 2019", "like in 2020": a past year compared with what lies ahead
    return False


def _first_hand(text: str, restricted: list[Match]) -> list[Match]:
    """The `restricted` matches that tell the writer's own vantage (evidence.py's "first_hand": an embargo, the deal's
    advisers at our premises, its documents prepared), which another company named first does not make a rumour."""
    spans = evidence_of("first_hand", text)
    return [m for m in restricted if any(e.start < m.end and m.start < e.end for e in spans)]


def _said_secret(text: str, match: Match, sentence: Sentence) -> list[Match]:
    """ "secret" or "confidential" said of the topic at `match` as its predicate or one of its attributes (`_SAID_SECRET`)."""
    found = _SAID_SECRET.match(text[match.end : sentence.end])
    return [Match(_SAID_SECRET_ENTRY, -1, -1, match.end + found.start("word"), match.end + found.end("word"))] if found else []


def _code_names(text: str, sentence: Sentence) -> list[Match]:
    return [
        Match(_CODE_NAME_ENTRY, -1, -1, m.start(), m.end()) for m in _CODE_NAME.finditer(text, sentence.start, sentence.end)
    ]


def _not_held(public: list[Match], text: str, evidence: dict[str, list[Evidence]]) -> list[Match]:
    """The `public` cues that are no public act still to come or not done ("the press release
    goes out Wednesday", "le communiqué n'est pas prêt"): those frame a post as public.
    `evidence`: the post's evidence.py shapes by kind, read here when not yet."""
    for name in ("ahead", "restricted"):
        if name not in evidence:
            evidence[name] = evidence_of(name, text)
    held = [(e.start, e.end) for e in (*evidence["ahead"], *evidence["restricted"])]
    return [m for m in public if not any(m.start < end and start <= m.end + 3 for start, end in held)]


def _announced_before(text: str, evidence: dict[str, list[Evidence]]) -> list[Match]:
    """An announcement made at a past time ("closing the office was announced back in June", "la
    fermeture, annoncée en juin"): public framing, as a `public` cue is (evidence.py, read once per post)."""
    if "announced" not in evidence:
        evidence["announced"] = evidence_of("announced", text)
    return [Match(_ANNOUNCED_ENTRY, -1, -1, e.start, e.end) for e in evidence["announced"]]


def _inside(matches: list[Match], sentence: Sentence) -> bool:
    return any(sentence.start <= m.start and m.end <= sentence.end for m in matches)

"""A learned reading of secrets handed over by their context: values no rule's wording announces
("l'accès se fait avec ce code : X", "le code wifi c X", an admin password in a sentence about a
printer, a `bindpw =`, a Markdown table's column, a bucket key pasted in a chat reply).

Stacked after the rules (`credentials`, `catalogue`, `generic`), never instead of them: a value a
rule reports keeps the rule's span and family; this reading looks only at the other tokens.

- candidates (`candidate_spans`, cheap): runs of non-space characters shaped like a chosen or
  generated value (letters with digits or typed symbols, random letters, or 4 to 10 digits with
  an access word within reach), stripped of quotes and punctuation, never a link, an e-mail
  address, a hashtag, a path, a version, a date, an amount or a measure; most ordinary posts
  yield none;
- features (`features`): the words before the value (a window of `WINDOW` tokens, each with its
  distance, and the character 3-grams of each word and 4-grams of the words run together, so
  that "mdp", "m.d.p", "passwd" and "motdepasse" share evidence), the words just after, the
  name of the field the value sits in (`key: value`, `key=value`, `"key": "value"`,
  `--flag value`, a header's name, a table's column header) and the value's own shape (length,
  character classes, entropy, generated, placeholder, hexadecimal, digits, dictionary words);
- the model: an L2 logistic regression on those binary features (`semantic.classifier`),
  Platt-calibrated on out-of-fold margins, trained on our own corpus (train/secrets/) by
  ``python -m charterguard.secrets.train_presented``, shipped as
  ``data/presented_model.json.gz``; without the file the rules work alone;
- the family: `family.secret_family` with the sentence's words as prose: the last word naming the
  value, else its shape (the family rule written in `charterguard.secrets`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ..semantic.classifier import read_model_file
from ..text.wordlist import is_common_word, zipf
from . import SecretCandidate
from .credentials import NOT_AN_ACCESS_CODE
from .family import secret_family
from .shape import (
    classes,
    entropy,
    is_hex,
    is_placeholder,
    looks_generated,
    looks_like_access_code,
    looks_like_key,
    looks_like_password,
    looks_like_year,
)

FORMAT = 1
LABELS = ("presented",)  # what the model file says it reads (read_model_file checks it)
WINDOW = 6  # words read before a value
AFTER = 5  # words read after it
MIN_LENGTH, MAX_LENGTH = 4, 64
SHAPE_PREFIX = "v:"  # the value's own shape; every other feature is its context
SENTENCE_REACH = 160  # characters read either side of a value for its sentence's words
LINE_REACH = 400  # characters looked back for a line's start
HEADER_REACH = 4000  # characters looked back for a table's header

_TRIGGER = re.compile(r"[\d!#$%&*+=?@^~|;<>§€£]|[^\W\d_]{12}")
_LEAD = "\"'`«“‘([{<*"
_TRAIL = ".,;:)]}>»”’\"'`*"
# A value glued to its name: "session=Xq81...", "pw:Secret" (not a link, not a time).
_GLUED = re.compile(r"[A-Za-z_][\w.\-]{0,40}[=:](?!//)")
_NOT_A_VALUE = re.compile(
    r"""(?ix)
    ^(?:https?|ftp|s?ftp|ssh|git|file|mailto|www)[:.]  | :// | ^[#@][^\W\d_]   # links, hashtags, mentions
    | ^[^@\s]+@[^@\s]+\.[a-z]{2,}$                                            # an e-mail address
    | ^v?\d+(?:\.\d+){1,3}(?:[\-+.~][\w.]+)?$                                  # a version, an IP address
    | ^\d+(?:[.,]\d+)?(?:h\d{0,2}|min|mn|s|ms|km|cm|mm|kg|mg|go|gb|mo|mb|ko|kb|tb|to|k|m|x|e|er|re|ère|eme|ème|nd|rd|st|th|%|€|\$|£|°c?|pts?|ans?|j|jours?|days?|am|pm|h/\d+)$
    | ^[€$£]\d | ^\d{1,2}[:h]\d{2}(?:am|pm)?$ | ^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$ | ^\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d$
    | ^(?:19|20)\d\d[/.\-]\d{1,2}(?:[/.\-]\d{1,2})?$                             # amounts, times, dates ("31-18-04" is a combination)
    | ^[/\\~] | [\\/].*[\\/] | \.(?:pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|csv|txt|zip|mp[34]|html?|md)$   # paths, file names
    | ^[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,6}$(?<=[a-z]{2})                               # a file or package name with its extension
    | ^(?:bc1|tb1)[02-9ac-hj-np-z]{25,62}$ | ^0x[0-9a-f]{40}$                            # a public crypto address
    """
)
# What the rules alone judge: markup and code inside a value (a regex, a JSON fragment), a JWT (the
# catalogue), standard base64 of a digest's or a certificate's length (a fingerprint, a checksum: the
# generic finder weighs what is public); a key handed over in base64 is named by its field.
_RULES_OWN = re.compile(r"""["{}\[\]()<>]|\\u[0-9a-fA-F]{4}|&[a-z]+;|^eyJ|^(?=.{24})[A-Za-z0-9]*[+/][A-Za-z0-9+/]*=*$|^[A-Za-z0-9+/]{24,}=+$""")
_HOST_BEFORE = re.compile(r"[\w\-]\.[A-Za-z][\w\-]*:$")
_MASKED = re.compile(r"(?i)\*{3,}|…|\.{3,}|x{4,}|•")  # "sk-proj-****a9Xf": masked, shown as masked
_CELLS = re.compile(r"\|.*\||[;,].*[;,]|\|.")  # two cell separators, or a pipe before a value
_CELL = re.compile(r"[^|;,]+")
_IN_SPACED_NUMBER = re.compile(r"[ \u00a0.\-]\d")
_AFTER_SPACED_NUMBER = re.compile(r"\d[ \u00a0]$")
_DIGITS = re.compile(r"^\d{4,10}[#*]?$|^\d{1,4}(?:-\d{1,4}){1,4}$")
_TYPED_SYMBOL = re.compile(r"[!#$%&*+=?@^~|;<>§€£]")
# A number is a candidate only with one of these word beginnings within reach before it: a code
# is handed over after words about codes, locks and access; numbers are everywhere else.
_NUMBER_CUES = re.compile(
    r"(?i)(?<![^\W\d_])(?:code|pin|pass|mdp|pwd|digi|cadenas|lock|alarm|wi-?fi|cl[ée]f?|key|secret|acc[èe]s|access|tap|type|saisi|"
    r"enter|entrer|entrez|compos|unlock|d[ée]verr|ouvr|open|porte|door|coffre|safe|badge|bo[îi]tier|keypad|clavier|combin|combo|"
    r"s[ée]same|login|puk|punch|demande|asks|wants|veut|portail|gate|padlock|locker|casier)"
)
NUMBER_REACH = 64  # characters before a number searched for those cues

_WORD = re.compile(r"[^\W_]+|[:=>→|/.!?;,]|-{1,2}>")
_FIELD = re.compile(r"""(?:^|[\s{,;(\[])["'`]?(?P<name>[A-Za-z_][\w.\- ]{0,40}?)["'`]?\s*(?:=|:|=>|->)\s*["'`]?$""")
_FLAG = re.compile(r"""(?:^|\s)(?P<name>-{1,2}[A-Za-z][\w\-]{0,30})(?:=|\s+)["']?$""")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_CELL_SPLIT = re.compile(r"\s*[|;,\t]\s*")


def _fold(word: str) -> str:
    """Lowercase, no accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The value inside a run: without its quotes and brackets, its closing punctuation (a "!" or "?" too
    when a sentence ends there), or the name it is glued to ("session=X")."""
    while start < end and text[start] in _LEAD:
        start += 1
    glued = _GLUED.match(text, start, end)
    if glued is not None and glued.end() < end:
        start = glued.end()
        while start < end and text[start] in _LEAD:
            start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    while end > start + 1 and text[end - 1] in "!?" and (end == len(text) or text[end] in "\n" or text[end : end + 2].strip()[:1].isupper()):
        end -= 1
    return start, end


def _has_number_cue(text: str, start: int) -> bool:
    """A word about codes or locks before a number, and none saying it is a postal, promo or discount code."""
    reach = max(0, start - NUMBER_REACH)
    return _NUMBER_CUES.search(text, reach, start) is not None and NOT_AN_ACCESS_CODE.search(text, reach, start) is None


def is_candidate(value: str, text: str, start: int) -> bool:
    """Could `value` (at `start` in `text`) be a secret handed over? Its shape only, cheaply (the
    cheapest tests first: most runs of a post are figures, dates and times)."""
    if not MIN_LENGTH <= len(value) <= MAX_LENGTH:
        return False
    has_digit = any(c.isdigit() for c in value)
    if not any(c.isalpha() for c in value):
        shaped = _DIGITS.match(value) is not None and not looks_like_year(value) and _has_number_cue(text, start)
    elif has_digit or _TYPED_SYMBOL.search(value, 1, len(value) - 1):  # (a symbol inside: "hiring!", "LGBTQ+" are words)
        shaped = True
    else:
        # letters only: random letters (an app password, a key in letters), never a word, a name or
        # an identifier joining words ("ClearTextPassword", the name of a field in a config)
        letters = value.replace("-", "")
        shaped = (
            letters.isalpha() and len(letters) >= 12 and sum(c in "aeiouyAEIOUY" for c in letters) < 0.3 * len(letters) and zipf(value) < 1.0
            and not _joins_words(letters)
        )
    if not shaped or _NOT_A_VALUE.search(value) or _RULES_OWN.search(value) or is_placeholder(value) or _MASKED.search(value):
        return False
    if has_digit and (_IN_SPACED_NUMBER.match(text, start + len(value)) or _AFTER_SPACED_NUMBER.search(text, max(0, start - 3), start)):
        return False  # a group of a longer number written in groups: a card, an IBAN, a phone number
    return not (value.isdigit() and _HOST_BEFORE.search(text, max(0, start - 64), start))  # (a port: "vault.internal:8200")


def _joins_words(letters: str) -> bool:
    """Two or more ordinary words joined in camel case ("ClearTextPassword", "apiKeyName")."""
    parts = _CAMEL.findall(letters)
    return len(parts) >= 2 and all(is_common_word(part) for part in parts)


def _runs_worth_reading(text: str) -> Iterator[tuple[int, int]]:
    """The runs of non-space characters holding a digit, a typed symbol or 12 letters in a row. The
    post is cut by str.split and a word is passed over by str.isalpha, both in C: the words of a post
    cost next to nothing. (A run is found again from the end of the last one read: none before it,
    having no digit, symbol or 12 letters, can hold it; linear time.)"""
    cursor = 0
    for token in text.split():
        if len(token) < MIN_LENGTH or len(token) < 12 and token.isalpha() or _TRIGGER.search(token) is None:
            continue
        at = text.find(token, cursor)
        cursor = at + len(token)
        yield at, cursor


def candidate_spans(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The (start, end) of every candidate value in `text` outside the `taken` spans (which do not
    overlap each other), in order; one pass over both."""
    out = []
    spans = sorted(taken)
    k = 0
    for run_start, run_end in _runs_worth_reading(text):
        if run_end - run_start < MIN_LENGTH:
            continue
        run = text[run_start:run_end]
        pieces = [(run_start, run_end)]
        if _CELLS.search(run):  # a table row with no spaces: "nas;bk;Qv7-Lp2", "|x|Tundra-Fox-61|"
            pieces = [(run_start + p.start(), run_start + p.end()) for p in _CELL.finditer(run)]
        for piece_start, piece_end in pieces:
            start, end = _strip(text, piece_start, piece_end)
            while k < len(spans) and spans[k][1] <= start:
                k += 1
            if end - start >= MIN_LENGTH and not (k < len(spans) and spans[k][0] < end) and is_candidate(text[start:end], text, start):
                out.append((start, end))
    return out


def _words(snippet: str) -> list[str]:
    return [_fold(w) for w in _WORD.findall(snippet)]


def _line_start(text: str, at: int) -> int:
    """Where the line holding `at` starts, looking back at most LINE_REACH characters (a pasted line
    can be 100,000 characters long, and every candidate on it asks)."""
    reach = max(0, at - LINE_REACH)
    return text.rfind("\n", reach, at) + 1 or reach


def _context_before(text: str, start: int) -> str:
    """The text before a value on its line, and the line above when the value opens its line (a reply)."""
    line_start = _line_start(text, start)
    before = text[line_start:start]
    if not before.strip(" \t>-*•") and line_start > 0:
        above = _line_start(text, line_start - 1)
        before = text[above : line_start - 1] + " | " + before
    return before[-160:]


def _field_name(text: str, start: int, before: str) -> tuple[str, str] | None:
    """(where, name) of the field a value sits in: a `key: value` pair, a command-line flag, or its
    table column's header (the first line of its block, cut the same way)."""
    line_start = _line_start(text, start)
    prefix = text[line_start:start]
    m = _FIELD.search(prefix)
    if m is not None:
        return "field", m.group("name")
    m = _FLAG.search(prefix)
    if m is not None:
        return "flag", m.group("name").lstrip("-")
    if "|" in prefix or ";" in prefix or "," in prefix or "\t" in prefix:
        column = len(_CELL_SPLIT.findall(prefix.strip().lstrip("|")))
        header = _header_line(text, line_start)
        if header is not None:
            cells = [c for c in _CELL_SPLIT.split(header.strip().strip("|")) if c]
            if column < len(cells) and len(cells[column]) <= 40:
                return "column", cells[column]
    return None


_TABLE_RULE = re.compile(r"^[\s|:\-+]*-{3,}[\s|:\-+]*$")


def _header_line(text: str, line_start: int) -> str | None:
    """The header of the table a line belongs to: the line above a Markdown rule (`|---|---|`), else
    the first line of its block (a CSV or semicolon table), when it is not the line itself."""
    reach = max(0, line_start - HEADER_REACH)  # (bounded: every cell of a long table asks)
    block_start = text.rfind("\n\n", reach, line_start)
    block_start = reach if block_start < 0 else block_start + 2
    lines = text[block_start:line_start].split("\n")[:-1]  # the block's lines above this one
    if block_start == reach and reach > 0:
        lines = lines[1:]  # (the first is cut)
    for i in range(len(lines) - 1, 0, -1):
        if _TABLE_RULE.match(lines[i]):
            return lines[i - 1]
    return lines[0] if lines else None


def _name_parts(name: str) -> list[str]:
    return [_fold(p) for p in _CAMEL.findall(name.replace("-", " ").replace("_", " ").replace(".", " "))]


def _grams(word: str, n: int) -> list[str]:
    padded = f"^{word}$"
    return [padded[i : i + n] for i in range(max(1, len(padded) - n + 1))]


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    return sum(x >= e for e in edges)


def value_shape(value: str) -> list[str]:
    """The value's own shape, as features (each starting with `SHAPE_PREFIX`)."""
    return [SHAPE_PREFIX + f for f in _shape_features(value)]


def _shape_features(value: str) -> list[str]:
    out = [f"len:{_bucket(len(value), (5, 6, 8, 10, 13, 17, 21, 28, 40))}", f"cls:{classes(value)}", f"ent:{_bucket(entropy(value), (2.0, 2.5, 3.0, 3.5, 4.0, 4.5))}"]
    digits = sum(c.isdigit() for c in value)
    out.append(f"dig:{_bucket(digits / len(value), (0.01, 0.2, 0.4, 0.6, 0.99))}")
    shape = re.sub(r"(.)\1+", r"\1", "".join("9" if c.isdigit() else "a" if c.islower() else "A" if c.isupper() else c if c in "-_." else "#" for c in value))
    out.append(f"sh:{shape[:8]}")
    for flag, name in (
        (looks_generated(value), "generated"), (looks_like_key(value), "keylike"), (looks_like_password(value), "pwlike"),
        (looks_like_access_code(value), "codelike"), (is_hex(value) and not value.isdigit(), "hex"), (value.isdigit(), "digits"),
        (value.isupper(), "upper"), (_TYPED_SYMBOL.search(value) is not None, "symbol"), (bool(re.search(r"(?:19|20)\d\d$", value)), "year_end"),
        (value[:1].isupper() and value[1:2].islower(), "capitalised"),
    ):
        if flag:
            out.append(name)
    pieces = [p for p in re.findall(r"[^\W\d_]{3,}", value)]
    if pieces:
        best = max(zipf(p) for p in pieces)
        out.append(f"wordpiece:{_bucket(best, (1.0, 2.5, 3.5, 4.5))}")
        out.append(f"wordshare:{_bucket(sum(map(len, pieces)) / len(value), (0.3, 0.6, 0.8))}")
    return out


def features(text: str, start: int, end: int) -> set[str]:
    """What the model reads of the value text[start:end]: its context and its shape."""
    out = set(value_shape(text[start:end]))
    before = _context_before(text, start)
    words = _words(before)[-WINDOW:]
    for distance, word in enumerate(reversed(words), 1):
        out.add(f"b{distance}:{word}")
        out.add(f"bw:{word}")
        if word.isalpha():
            out.update("bg:" + g for g in _grams(word, 3))
    joined = "".join(w for w in words if w.isalpha())
    out.update("bj:" + joined[i : i + 4] for i in range(len(joined) - 3))
    if not words:
        out.add("b:none")
    after = _words(text[end : end + 80].split("\n", 1)[0])[:AFTER]
    for distance, word in enumerate(after, 1):
        out.add(f"a{distance}:{word}")
        out.add(f"aw:{word}")
    if not after:
        out.add("a:none")
    field = _field_name(text, start, before)
    if field is not None:
        where, name = field
        out.add(f"in:{where}")
        for part in _name_parts(name):
            out.add(f"f:{part}")
            out.update("fg:" + g for g in _grams(part, 3))
        flat = "".join(_name_parts(name))
        out.update("fj:" + flat[i : i + 4] for i in range(len(flat) - 3))
    opening = text[max(0, start - 2) : start].strip()[-1:]
    if opening and opening in "\"'`«“‘":
        # (a config quotes its values; prose quotes a word it talks about: "is 'X' a strong password?")
        out.add("quoted:" + ("code" if opening in "\"'`" and field is not None else "prose"))
    # the words of the value's sentence, wherever they are: "quiz", "never", "like", "est-il un bon";
    # and whether it asks a question ("is X a good password?")
    sentence = _sentence_around(text, start, end)
    out.update("s:" + w for w in _words(sentence) if w.isalpha() and len(w) >= 3)
    if "?" in sentence:
        out.add("s:?")
    return out


def _sentence_around(text: str, start: int, end: int) -> str:
    """The text around a value up to the sentence's ends (a stop followed by a space, or a line), at most
    SENTENCE_REACH characters either side; without the value."""
    left = text[max(0, start - SENTENCE_REACH) : start]
    right = text[end : end + SENTENCE_REACH]
    cut = max(left.rfind(". "), left.rfind("! "), left.rfind("? "), left.rfind("\n"))
    stops = [i for i in (right.find(". "), right.find("! "), right.find("? "), right.find("\n")) if i >= 0]
    return left[cut + 1 :] + " " + right[: min(stops, default=len(right))]


# -- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Regression:
    """A logistic regression on binary features, Platt-calibrated."""

    weights: dict[str, float]  # per feature kept (the others weigh nothing)
    bias: float
    platt: tuple[float, float]

    def probability(self, feats: Iterable[str]) -> float:
        margin = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        a, b = self.platt
        return 1.0 / (1.0 + math.exp(-(a * margin + b)))

    @classmethod
    def of(cls, data: dict[str, Any]) -> Regression:
        a, b = (float(v) for v in data["platt"])
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]), (a, b))


def context_only(feats: set[str]) -> set[str]:
    return {f for f in feats if not f.startswith(SHAPE_PREFIX)}


@dataclass(frozen=True)
class PresentedModel:
    """Two readings of a candidate: `full` (its context and its shape) and `context` (its context alone).
    A value is reported when the full reading reaches `threshold` and its context alone reaches
    `context_threshold`: a value shaped like a password quoted in advice ("passwords like 'X'") has the
    shape, not a handover's context."""

    full: Regression
    context: Regression
    threshold: float
    context_threshold: float

    def find(self, text: str, taken: list[SecretCandidate], threshold: float | None = None) -> list[SecretCandidate]:
        """The values of `text` outside the `taken` findings this reading reports, with their family."""
        limit = self.threshold if threshold is None else threshold
        out = []
        for start, end in candidate_spans(text, [(c.start, c.end) for c in taken]):
            feats = features(text, start, end)
            p = self.full.probability(feats)
            if p >= limit and self.context.probability(context_only(feats)) >= self.context_threshold:
                value = text[start:end]
                out.append(SecretCandidate(start, end, secret_family(value, _family_words(text, start), prose=True), "presented-value", score=round(p, 3)))
        return out


def _family_words(text: str, start: int) -> str:
    """The words that may name a value: its field's name (split: "bindPw" "bind pw") and the words before it."""
    before = _context_before(text, start)
    field = _field_name(text, start, before)
    words = " ".join(before.split()[-WINDOW:])
    return words + (" " + " ".join(_name_parts(field[1])) if field is not None else "")


def presented_model_path() -> Traversable:
    return resources.files(__package__).joinpath("data", "presented_model.json.gz")


@lru_cache(maxsize=1)
def load_presented_model() -> PresentedModel | None:
    """The shipped model, or None (no file, another format): the rules then work alone."""
    return read_presented_model(presented_model_path())


def read_presented_model(path: Traversable | Path) -> PresentedModel | None:
    """The model in the file at `path` (the shipped one, or one an experiment trained), or None (no file, another format)."""
    data = read_model_file(path, FORMAT, "labels", LABELS, "secrets presented-value model", needs_encoder=False)
    if data is None:
        return None
    return PresentedModel(Regression.of(data["full"]), Regression.of(data["context"]), float(data["threshold"]), float(data["context_threshold"]))

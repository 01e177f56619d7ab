"""Keys known by their shape alone: no vendor prefix, no connector after a credential word.

A bare random value ("here's the staging key: 4mQ8...", `{"apiKey": "..."}`, `--client-secret X`,
a TOTP seed, a JSON Web Key's private member) is what detect-secrets' entropy plugins look for.
Here the value's shape (`shape.looks_generated`) makes it a candidate; the words before it on its
line decide, as detect-secrets' filters do:

- promoted by any word naming a credential, whatever the syntax around it: a key-like field name
  (`apiKey`, `SEARCH_WRITE_KEY`, `x-api-key`, `--client-secret`), "key", "clé", "token", "secret",
  a bot, webhook, HMAC, 2FA seed, an SDK client built with the value;
- demoted by words naming a public identifier (commit, sha, checksum, order, tracking, DOI, ISBN,
  video, integrity, ETag, LFS oid, snapshot...), the nearest of the two winning;
- a long, strongly mixed value with neither is reported too (only base62/64, 32+ characters; 20+
  for a string literal code hands over), unless a field name says what it is ("Address = ...").
Values inside links are left to the link readers (`?token=` is config, a page's path is public).
One scan of runs of the base64url alphabet: linear, and most posts have no 16-character run.
"""

from __future__ import annotations

import re

from . import SecretCandidate, long_runs
from .catalogue import NOT_SECRET_PREFIXES
from .credentials import COMPLEMENT_BEFORE, NEGATED_BEFORE
from .family import head_words, secret_family
from .shape import decodes_to_prose, entropy, is_documented_sample, is_hex, is_public_key_material, looks_generated
from .vocabulary import DECIDING_COMPOUND_HEADS, DECIDING_CREDENTIAL_WORDS, PUBLIC_IDENTIFIER_WORDS

# A run of the base64/base64url alphabet, 16+ long, not inside a longer word, a path or a link.
_RUN = re.compile(r"(?<![\w+/\-.~%$@&#\\])[A-Za-z0-9+/_\-]{16,}={0,2}(?![\w+/\-=~%@&\\]|\.\w)")
_CONTEXT_REACH = 120  # how far before the value, on its line, the deciding words may be
# Words naming a credential (`vocabulary`: the deciding use), alone or ending a compound identifier.
_CREDENTIAL_CONTEXT = re.compile(
    r"(?i)(?:(?<![a-z])|" + "|".join(f"(?<={head})" for head in DECIDING_COMPOUND_HEADS) + ")"
    r"(?P<word>" + DECIDING_CREDENTIAL_WORDS + r")(?![a-z])"
    r"|(?i:client)\s*\(\s*(?:api_key\s*=\s*)?[\"']$"  # cohere.Client("...") : an SDK client built with its key
)
# Words naming what may be a passphrase of words: base64 of words after them is one, encoded.
_PASSPHRASE_WORD = re.compile(r"(?i)(?<![a-z])(?:secrets?|passphrases?|passwords?|mdp|mots? de passe)(?![a-z])")
# Words naming a public identifier or a digest (`vocabulary`), also ending a compound name ("order_id", "buildId").
_PUBLIC_CONTEXT = re.compile(r"(?i)(?<![a-z])(?:" + PUBLIC_IDENTIFIER_WORDS + r")(?![a-z])")
# RFC 7517: a JSON Web Key names its type ("kty"); its private members are these.
_JWK_KEY_TYPE = re.compile(r"[\"']kty[\"']\s*:")
_JSON_MEMBER = re.compile(r"[\"'](\w{1,3})[\"']\s*:\s*[\"']$")
_JWK_PRIVATE = frozenset({"d", "p", "q", "dp", "dq", "qi", "k"})
# A key said to be public, a word or two between: "public signing key", « clé publique ».
_PUBLIC_KEY_PHRASE = re.compile(r"(?i)(?<![a-z])publi(?:c|que)\s+(?:[\w\-]+\s+){0,2}(?:keys?|cl[ée]f?s?)(?![a-z])|cl[ée]f?s?\s+publiques?(?![a-z])")
_PRIVATE_AFTER = re.compile(r"(?i)priv|secr")


# A config field's name before its value ("Address = ", `"checksum": "`, "export BUILD_ID="): first on its
# line or after a JSON/query separator (prose ending a clause with a colon is no field name).
_NAMED_FIELD = re.compile(r"(?:^\s*(?:[-*]\s+|export\s+|set\s+)?|[{,;&?]\s*)[\"']?[\w.\-]+[\"']?\s*(?::|=|=>)\s*[\"']?$")
_PEM_BEGIN = re.compile(r"-----BEGIN ([A-Z0-9 ]{1,40})-----")


def _in_public_block(text: str, start: int) -> bool:
    """Inside a PEM block that is not a private key's (CERTIFICATE, PUBLIC KEY, PGP PUBLIC KEY BLOCK...)."""
    begin = text.rfind("-----BEGIN ", 0, start)
    if begin < 0 or text.rfind("-----END ", begin, start) >= 0:
        return False
    m = _PEM_BEGIN.match(text, begin)
    return m is not None and "PRIVATE" not in m.group(1)


# Code handing a string over: a call's parenthesis or an argument list, an assignment, an array.
_CODE_BEFORE = re.compile(r"(?:[(,\[]|=)\s*[\"'`]$")


def _string_literal(text: str, start: int, end: int) -> bool:
    """The value is the whole of a quoted string."""
    return start > 0 and end < len(text) and text[start - 1] in "\"'`" and text[end] == text[start - 1]


_BASE64_LINE = re.compile(r"[ \t]*[A-Za-z0-9+/]{40,}={0,2}[ \t]*\r?$")


def _in_encoded_block(text: str, start: int, end: int) -> bool:
    """One line of a base64 block (an e-mail attachment, an encoded file: a line beside another line of
    base64): encoded content. Keys fit on a line; private keys cut into lines are the catalogue's."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    next_end = text.find("\n", line_end + 1)
    neighbours = (text[previous_start : max(previous_start, line_start - 1)], text[line_end + 1 : len(text) if next_end < 0 else next_end])
    return any(_BASE64_LINE.match(line) for line in neighbours if line)


_ANNOUNCING_END = re.compile(r"(?::|=>|->|→|⇒|👉)\s*$")


def _announcing_line_before(text: str, line_start: int) -> str:
    """The end of the line above a value alone on its line (a blank line between allowed), when that line
    ends by announcing it ("Clé d'API (prod) :", "the key, as requested:"); else ""."""
    end = line_start - 1
    for _ in range(2):
        if end <= 0:
            return ""
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip():
            return line[-_CONTEXT_REACH:] if _ANNOUNCING_END.search(line) else ""
        end = start - 1
    return ""


# What may stand between a value and the words naming it after it: a bracket, an arrow or a comma, or a verb
# ("is", "est", "c'est"), then a determiner and at most two words ("is our prod API key", "(token du bot)").
_LINK_AFTER = re.compile(r"[ \t]*(?:[(\[←<:,\-–—]+[ \t]*(?:(?:is|was|est|c['’]est)[ \t]+)?|(?:is|was|est|c['’]est|=)[ \t]+)")
_DETERMINER_AFTER = re.compile(r"(?i)(?:the|our|my|a|an|la|le|l['’]|notre|ma|mon|du|de)[ \t]*")
_WORD_AFTER = re.compile(r"[\w\-]{1,20}[ \t]+")


def _named_after(text: str, end: int) -> re.Match[str] | None:
    """A credential word right after the value ("<value> token du bot"), or after a bracket, an arrow or a
    verb and at most two words ("<value> is our prod API key", "<value> ← clé API"); not "<value> is the
    commit that broke the token refresh" (the first noun names it), nor "<value> fixes the key rotation"."""
    link = _LINK_AFTER.match(text, end)
    position = end if link is None else link.end()
    if link is None:
        while position < len(text) and text[position] in " \t":
            position += 1
        return _CREDENTIAL_CONTEXT.match(text, position) if position > end else None
    determiner = _DETERMINER_AFTER.match(text, position)
    position = position if determiner is None else determiner.end()
    for _ in range(3):
        credential = _CREDENTIAL_CONTEXT.match(text, position)
        if credential is not None or _PUBLIC_CONTEXT.match(text, position):
            return credential
        word = _WORD_AFTER.match(text, position)
        if word is None:
            return None
        position = word.end()
    return None


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match in `text` (the nearest to the value that follows it)."""
    last = None
    for last in pattern.finditer(text):  # noqa: B007 (the loop keeps the last one)
        pass
    return last


def find_bare_keys(text: str, runs: list[str] | None = None) -> list[SecretCandidate]:
    """Generated-looking values the words before them name as credentials (or, long and strongly
    mixed, that nothing names as public). The span is the value. `runs`: the post's `long_runs`."""
    out: list[SecretCandidate] = []
    if not any(len(run) >= 16 for run in (long_runs(text) if runs is None else runs)):
        return out  # most posts
    for m in _RUN.finditer(text):
        value = m.group(0)
        start, end = m.start(), m.end()
        if "/" in value and value.count("/") * 12 > len(value):
            continue  # a path ("docs/api/v2/..."): a base64 body has few slashes
        head, sep, _ = value.partition("_" if "_" in value[:12] else "-")
        if sep and head.casefold() in NOT_SECRET_PREFIXES:
            continue  # "sha512-...", "cus_...": a digest or an object id
        if not looks_generated(value) or is_documented_sample(value, text, start) or is_public_key_material(value):
            continue  # (a private key's DER body is the catalogue's)
        line_start = max(text.rfind("\n", 0, start) + 1, start - _CONTEXT_REACH)
        before = text[line_start:start]
        if not before.strip():
            before = _announcing_line_before(text, line_start) or before  # "the key for the API, as requested:\n\n<value>"
        words_before = before.split()
        if words_before and "://" in words_before[-1]:
            continue  # inside a link
        if _JWK_KEY_TYPE.search(text, max(0, start - 400), min(len(text), end + 400)):  # ("kty" before or after the member)
            # A JSON Web Key: its private parameters are named (d, p, q, dp, dq, qi, k), the rest is public.
            member = _JSON_MEMBER.search(before)
            if member is not None and member.group(1) in _JWK_PRIVATE:
                out.append(SecretCandidate(start, end, "PRIVATE_KEY", "jwk-private-parameter"))
            continue
        # (the credential word heading the phrase: "REST key that the on-call bot uses:" names a key)
        credential, public = _last(_CREDENTIAL_CONTEXT, head_words(before)), _last(_PUBLIC_CONTEXT, before)
        if decodes_to_prose(value) and not (credential is not None and _PASSPHRASE_WORD.search(before)):
            continue  # base64 of words: a slogan, a page; under a password or secret word, an encoded passphrase
        named_before = credential is not None  # (else named after the value, if at all)
        if public is not None and (credential is None or public.end() > credential.end()) \
                and (credential is None or COMPLEMENT_BEFORE.search(before, credential.end(), public.start()) is None) \
                and NEGATED_BEFORE.search(before, max(0, public.start() - 20), public.start()) is None:
            continue  # (unless the public word is the credential's complement, "le jeton API ... des factures : X", or negated)
        if credential is None and public is None:
            credential = _named_after(text, end)  # "<value> is our prod API key", "<value> (token du bot)"
        if credential is not None and (phrase := _last(_PUBLIC_KEY_PHRASE, before)) is not None \
                and not _PRIVATE_AFTER.search(before, phrase.end()):
            continue  # "our public VAPID key", « la clé publique de chiffrement » (unless a private one is named after it)
        if credential is None:
            # Nothing names it: only a long, strongly mixed base62/64 value (hex and base32 are also
            # digests and ids), not the value of a field whose name says something else
            # ("Address = ...", "checksum: ..."), nor public key material (a certificate, a public key).
            # A string literal passed in code (`new Client('...')`, `connect("...")`) may be shorter: code
            # quotes what it hands over, as detect-secrets' high-entropy plugins read only quoted strings.
            core = value.rstrip("=")
            literal = _string_literal(text, start, end) and _CODE_BEFORE.search(before) is not None
            if len(core) < (20 if literal else 32) or is_hex(core) or core.isupper() or core.islower() \
                    or entropy(core) < (4.0 if literal else 4.2) or _NAMED_FIELD.search(before) or _in_public_block(text, start) \
                    or _in_encoded_block(text, start, end):
                continue
            out.append(SecretCandidate(start, end, secret_family(value), "generated-value", score=0.7))
            continue
        # The credential word names it ("<value> (token du bot)"); a key word, with the words around it on its line
        # ("clé privée WIF : X": a private key of a key's size).
        words = credential.group(0)
        family = secret_family(value, words)
        if family == "API_KEY" and named_before:
            family = secret_family(value, before)
        out.append(SecretCandidate(start, end, family, "generated-value-named", score=0.8))
    return out

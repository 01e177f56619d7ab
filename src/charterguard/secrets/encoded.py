"""Secrets hidden by an encoding: a base64 value given to a field (a Kubernetes Secret's `data:`, a Helm values file,
a `.dockerconfigjson`, an env file), judged by what it decodes to.

base64 hides a value's nature: `cGFzc3dvcmQ=` looks random whatever it holds. So the value is decoded (bounded,
`shape.decoded_text`) and the decoded text is judged by the rules every other value meets:
- the decoded text holds a credential of its own (a connection URL with its password, an env file's key, a docker
  config's `auth`): the finders read it (`catalogue`, `credentials`, `generic`, and this module once more for an
  encoding inside the encoding), and the encoded value is reported with that credential's family;
- else the field's name says what it is (`password`, `api-token`, `DB_PASSWORD`): the decoded value is judged
  with that family's shape rules, so that an encoded placeholder (`changeme`, `<your-password>`) or an encoded
  ordinary sentence stays clean, and a chosen password encoded ("Morue-Salée-71") is a password.
Encoded ordinary text (a config file, a logo, a tutorial's "hello world") names no credential and holds none: clean.
Only values whose encoding is plain are decoded: padded, or in a post that speaks of an encoding or of the configs
that encode (a Secret's data, Helm values, a docker config), or decoding to structured text ("user:password").
"""

from __future__ import annotations

import re

from . import SecretCandidate, resolve
from .catalogue import find_tokens
from .credentials import find_announced, find_url_credentials
from .family import named_family, secret_family
from .generic import find_bare_keys
from .shape import (
    encoding_said,
    is_placeholder,
    looks_like_key,
    looks_like_password,
    looks_like_short_key,
    paired_password,
    plainly_encoded,
)

# A field given a base64 value on its line: `password: cGFz...`, `"auth": "dXNl..."`, `DB_PASSWORD=UHIw...` (not a
# link's query parameter: the link readers read those).
_ENCODED_FIELD = re.compile(
    r"(?m)(?<![\w.\-?&/])[\"']?(?P<name>[A-Za-z_.][\w.\-]{0,80})[\"']?[ \t]*[:=][ \t]*[\"']?(?P<value>[A-Za-z0-9+/_\-]{8,8192}={0,2})"
    r"(?![\w+/=\-.@:])"
)
_MAX_DEPTH = 2  # a docker config's `auth` inside a `.dockerconfigjson`: an encoding inside an encoding


def find_encoded(text: str, depth: int = _MAX_DEPTH, said: bool | None = None) -> list[SecretCandidate]:
    """The base64 values of `text`'s fields that decode to a secret; the span is the encoded value. `said`: whether
    the post speaks of an encoding (`shape.encoding_said`), when the caller knows."""
    if ":" not in text and "=" not in text:
        return []
    said = encoding_said(text) if said is None else said
    if not said and "=" not in text:
        return []  # (most posts)
    out = []
    for m in _ENCODED_FIELD.finditer(text):
        value = m.group("value")
        decoded = plainly_encoded(value, said)
        if decoded is None:
            continue
        family = _decoded_family(m.group("name"), value, decoded, depth)
        if family is not None:
            out.append(SecretCandidate(m.start("value"), m.end("value"), family, "encoded-value"))
    return out


def _decoded_family(name: str, value: str, decoded: str, depth: int) -> str | None:
    """The family of the encoded `value` given to the field `name`, judged by its `decoded` text; None: no secret."""
    plain = decoded.strip()
    found = _credentials_in(decoded, depth)
    # (a credential inside structured text decides: a URL's password, an env file's key, a docker config's auth; the
    # decoded value as a whole is judged by the field's name first, as any value given to a field is)
    whole = decoded.find(plain)
    parts = [c for c in found if not (c.start <= whole and c.end >= whole + len(plain))]
    if parts:
        # (what it holds decides: a document encoded whole, a `.dockerconfigjson` or a service account's JSON, is no
        # token for being a base64 JSON object, `secret_family`'s rule 1 being for values that are tokens themselves)
        return parts[0].family
    named = named_family(name, plain)
    if named is None:
        return secret_family(value, shape=found[0].family) if found else None
    if is_placeholder(plain) or len(plain) > 512:
        return None
    password = paired_password(plain)
    if password is not None and looks_like_password(password):
        return secret_family(plain, name)  # "user:password", as a docker config's auth and a Basic header encode it
    if named in ("PASSWORD", "CONNECTION_STRING"):
        # (a passphrase of words is a password too: the field says so)
        return named if looks_like_password(plain) or " " in plain and 8 <= len(plain) <= 128 else None
    return secret_family(plain, name) if looks_like_key(plain) or looks_like_short_key(plain) or looks_like_password(plain) else None


def _credentials_in(decoded: str, depth: int) -> list[SecretCandidate]:
    """The credentials the decoded text holds, read as a post is read (and, `depth` allowing, its own encoded fields)."""
    found = find_tokens(decoded) + find_url_credentials(decoded) + find_announced(decoded) + find_bare_keys(decoded)
    if depth > 1:
        found += find_encoded(decoded, depth - 1)
    return resolve(found)


__all__ = ["find_encoded"]

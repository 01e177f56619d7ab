"""Credentials written into URLs: `scheme://user:password@host`, `scheme://token@host`.

One place for what both the secret rules (the password is a secret) and the
personal-data rules (`password@host` is not an e-mail address) need to know.
"""

from __future__ import annotations

import re

# scheme://user:password@host (user may be empty: redis://:pw@host). The password runs to the last
# '@' of the authority: people paste passwords holding a raw '@' ("sftp://u:Tr@nsp0rt26@host").
USERINFO_URL = re.compile(
    r"(?i)\b(?P<scheme>[a-z][a-z0-9+.\-]{1,20})://(?P<user>[^\s:/@]{0,64}):(?P<password>[^\s/@]{1,128}(?:@[^\s/@?]{1,64}){0,3})@(?P<host>[\w\-]+(?:\.[\w\-]+)*)"
)


# scheme://user@host or scheme://user:password@host: the user part (a name or a token) and host.
USER_URL = re.compile(r"(?i)\b[a-z][a-z0-9+.\-]{1,20}://(?P<userinfo>[^\s/@]{1,200}(?:@[^\s/@?]{1,64}){0,3})@(?P<host>[\w\-]+(?:\.[\w\-]+)*)")


def userinfo_spans(text: str) -> list[tuple[int, int]]:
    """Spans from the user part to the end of the host of every URL with a user part
    (`https://token@github.com`, `mongodb://svc:pw@cluster`): never an e-mail address."""
    if "://" not in text:
        return []
    return [(m.start("userinfo"), m.end("host")) for m in USER_URL.finditer(text)]

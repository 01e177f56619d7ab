"""Does a value look like a secret? Length, character classes, entropy, placeholders.

A keyword alone ("mot de passe", "token") proves nothing: advice says "le mot de
passe doit contenir 12 caractères" and docs say `api_key: <your key>`. The value
after the keyword decides.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from . import holds_any

# Written-out placeholders, templating and masked values: documentation, not secrets.
_PLACEHOLDER = re.compile(
    r"""(?ix)
    ^(?:
      <[^>]*> | \[[^\]]*\] | \{\{?[^}]*\}?\} | \$\{?[A-Za-z_][\w.]*\}? | %[A-Za-z_]+% | @[A-Za-z_]+@  # <key>, [secret], {{x}}, ${VAR}, %VAR%
      | [x*•.#_\-]{3,} | (?:x{2,}|\*{2,}).* | .*(?:x{4,}|\*{3,}|\.{3,}|…)$           # xxxx, ****, 1234****, abc...
      | (?:your|my|votre|ton|mon)[_\-].* | .*[_\-](?:here|ici)                       # your_api_key, mettre_ici
      | (?:[aà][_\-]?)?(?:remplir|compl[ée]ter|d[ée]finir|renseigner|changer|modifier|saisir)                 # a_remplir, à_compléter
      | (?:to[_\-]?(?:be[_\-]?)?)?(?:fill|fill[_\-]?in|filled|define|defined|set|replace|replaced)             # to_fill, to_be_defined
      | (?:fill|replace|set)[_\-]?me(?:[_\-]?in)?                                                             # fill_me_in, replace_me
      | (?:changeme|change[_\-]?me|placeholder|example|exemple|dummy|redacted|masqu[ée]|hidden|secret|password|motdepasse|mdp|none|null|true|false|undefined|todo|tbd|n/?a)
    )$
    """
)
# A run of one character, or a sequence ("abcdef", "123456", "qwerty"): not a random value.
_SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "azertyuiop", "asdfghjkl", "zyxwvutsrqponmlkjihgfedcba", "9876543210")
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_ACCESS_CODE = re.compile(r"^[0-9A-Z#*]+$")
_DIGIT_GROUPS = re.compile(r"^\d{1,4}(?:[\-.]\d{1,4}){1,5}$")
_DAY, _MONTH = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
# Dates as people write them: 12.05.2026, 12-05-2026, 12.05.26, 2026-05-12 ("7-24-11" is a code, not 24 July 2011).
_DATE = re.compile(
    rf"^(?:{_DAY}[\-.]{_MONTH}|{_MONTH}[\-.]{_DAY})[\-.](?:19|20)\d{{2}}$|^{_DAY}\.{_MONTH}\.\d{{2}}$|^(?:19|20)\d{{2}}[\-.]{_MONTH}[\-.]{_DAY}$"
)
_MARKUP = re.compile(r"[{}\[\]\"<>]")  # JSON, markup or a quoted phrase, not a password typed in a post
_SOCIAL = re.compile(r"^[#@][^\W\d_][\w\-]*$")  # a hashtag or a mention
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    if not value:
        return 0.0
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def classes(value: str) -> int:
    """How many of lowercase, uppercase, digits and symbols the value mixes."""
    return sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )


# A reference to a value in code, not a value: os.getenv(, input(, process.env.DB_PASSWORD, settings.SECRET_KEY.
_REFERENCE = re.compile(
    r"^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*\(|"
    r"^(?:process\.env|import\.meta\.env|os\.environ|env|config|settings|secrets|self|this|vars|params|options|props)(?:\.\w+|\[)"
)


# The docs' camel-case placeholders: myPassword, yourApiKey, myServerAddress (connectionstrings.com style).
_CAMEL_PLACEHOLDER = re.compile(
    r"^(?:my|your)[A-Z][A-Za-z]*$"
    # ... and the French docs' glued ones: monserveur, mabase, monuser, monmotdepasse, votrecle
    r"|^(?i:mon|ma|mes|votre|vos|ton|ta)(?i:serveur|server|base|bdd|db|user|utilisateur|login|identifiant|motdepasse|mdp|password|pass|"
    r"hote|host|domaine|instance|appli|projet|compte|cle|clef|key|token|jeton|secret|bucket)s?$"
)


# A field's name written in capitals where its value goes, as templates do: MOT_DE_PASSE, DB_PASS, API_TOKEN, SECRET_KEY
# ("postgres://UTILISATEUR:MOT_DE_PASSE@HOTE:5432/BASE" is the docs' link to fill in). Not a word a password is made of:
# only a part that is a credential's name whole ("BYPASS", "WHISKEY" are words).
_CAPITALS_NAME = re.compile(r"^[A-Z]+(?:[_\-][A-Z]+)*$")
_CREDENTIAL_NAME_PARTS = frozenset(
    {"PASSWORD", "PASSWD", "PASS", "PASSE", "PWD", "MDP", "SECRET", "TOKEN", "JETON", "KEY", "CLE", "CLEF", "CREDENTIAL", "CREDENTIALS", "PIN"}
)


def is_placeholder(value: str) -> bool:
    """`<your-key>`, `${TOKEN}`, `********`, `xxxx`, `changeme`, `abcdef`, `aaaaaa`, `os.getenv(`, `myPassword`, `monmotdepasse`,
    `MOT_DE_PASSE`..."""
    folded = value.casefold()
    if _PLACEHOLDER.match(value) or _REFERENCE.match(value) or _CAMEL_PLACEHOLDER.match(value) or len(set(folded)) <= 2:
        return True
    if _CAPITALS_NAME.match(value) and not _CREDENTIAL_NAME_PARTS.isdisjoint(re.split(r"[_\-]", value)):
        return True
    return len(folded) >= 4 and any(folded in seq for seq in _SEQUENCES)


def looks_like_access_code(value: str) -> bool:
    """A door, alarm or wifi code: 4 to 10 digits, capitals and #*, at least half digits ("4719B", "8842#"),
    groups of digits ("77-41-09", the combination "31-17-42") or of digits and capitals ("7C4-19B-D2")."""
    if _DIGIT_GROUPS.match(value):
        # (not a typed sequence: "1234-5678" is the docs' example)
        return 4 <= sum(c.isdigit() for c in value) <= 12 and not _DATE.match(value) and not is_placeholder(re.sub(r"[\-.]", "", value))
    if _SPACED_DIGITS.match(value) or _SPACED_DIGIT_GROUPS.match(value):
        # "1 9 8 4" said digit by digit, "884 210 93" in groups ("1 2 3 4" is a sequence); 6 to 12 digits in groups
        digits = value.replace(" ", "").rstrip("#")
        return not is_placeholder(digits) and (_SPACED_DIGITS.match(value) is not None or 6 <= len(digits) <= 12)
    if _KEYPAD_GROUPS.match(value):
        value = value.replace("-", "")
    return 4 <= len(value) <= 12 and _ACCESS_CODE.match(value) is not None and sum(c.isdigit() for c in value) * 2 >= len(value)


_SPACED_DIGITS = re.compile(r"^\d(?: \d){3,7}$")
# A PIN read out in groups, as conference bridges print them ("884 210 93", "4471 2290"): a first group of 3 or 4 digits
# (a phone number's starts with 2, "06 12 …"; an amount's with 1 to 3 and has "000" groups), "#" closing it as keypads do.
_SPACED_DIGIT_GROUPS = re.compile(r"^\d{3,4}(?: (?!0+(?:\s|#|$))\d{2,4}){1,3}#?$")
# A year a post speaks of (a code such as 2093 lies beyond the years people write about).
_YEAR = re.compile(r"^(?:19\d\d|20[0-5]\d)$")
# A passphrase of words, joined by one separator (hyphen, dot, underscore), digits allowed as a word:
# "correct-horse-battery-staple", "tangerine-walrus-42", "les-mouettes-de-Quiberon-volent-bas".
_PASSPHRASE_PART = r"(?:[^\W\d_]{2,20}|\d{1,6})"
_PASSPHRASE = re.compile(r"^[^\W\d_]{2,20}(?P<sep>[\-._])" + _PASSPHRASE_PART + r"(?:(?P=sep)" + _PASSPHRASE_PART + r"){1,8}$")


def looks_like_year(value: str) -> bool:
    """A year people write about, 1900 to 2059 ("2027", "1998"); not 2093, which is a code."""
    return _YEAR.match(value) is not None


def looks_like_passphrase(value: str) -> bool:
    """Three to ten words joined by one hyphen, dot or underscore, two of them words of letters, 12+ characters: the shape
    of a passphrase, and of a slug or a compound too ("mise-à-jour-du-site"), so only where words announce a passphrase."""
    m = _PASSPHRASE.match(value)
    if m is None or len(value) < 12:
        return False
    parts = value.split(m.group("sep"))
    return sum(p.isalpha() for p in parts) >= 2 and len({p.casefold() for p in parts}) == len(parts)


_SPACED_LETTER_GROUPS = re.compile(r"^[a-z]{4}(?: [a-z]{4}){3}$")


def _random_letters(letters: str) -> bool:
    """12+ letters drawn at random, not words: random letters hold few vowels (~23% with y), words ~40%."""
    return len(letters) >= 12 and sum(c in "aeiouy" for c in letters) < 0.35 * len(letters)
_KEYPAD_GROUPS = re.compile(r"^[0-9A-Z]{1,4}(?:-[0-9A-Z]{1,4}){1,3}$")
# A recovery key or set of backup codes: groups of digits and letters (BitLocker's 8 groups of 6 digits).
_RECOVERY_GROUPS = re.compile(r"^[0-9A-Za-z]{4,8}(?:[\-\s][0-9A-Za-z]{4,8}){3,11}$")


def looks_like_recovery_code(value: str) -> bool:
    """A value said to be a recovery key: 4 to 12 groups of 4 to 8 digits and letters, at least half digits
    ("437669-869002-...", "K7QX-29FB-..."). Only after the words naming one (a card number has the shape too)."""
    return _RECOVERY_GROUPS.match(value) is not None and sum(c.isdigit() for c in value) * 2 >= sum(c.isalnum() for c in value)


def looks_like_password(value: str) -> bool:
    """A value said to be a password or access code: shaped like one, not like a word.

    Accepted: two or more character classes and 6+ characters ("Soleil2026!",
    "hunter22"), three classes from 5 characters ("Ab3!x"), or a code of 4 to 12
    digits ("le code du wifi est 84731902"). Refused: plain words ("trop court",
    "required", "Soleil"), short numbers ("12 caractères"), placeholders.
    """
    if len(value) < 4 or len(value) > 128 or is_placeholder(value) or _MARKUP.search(value) or _SOCIAL.match(value):
        return False
    if _SPACED_DIGITS.match(value) or _SPACED_DIGIT_GROUPS.match(value):
        return looks_like_access_code(value)
    if " " in value and value.replace(" ", "").isdigit():
        return False  # digits in other groups: an amount ("1200 000"), a phone number
    if _SPACED_LETTER_GROUPS.match(value):
        return _random_letters(value.replace(" ", ""))  # an app password ("qvzt mhrk plye ojxa"), not four words
    if value[0] in "([" and value[1:].rstrip(")],.;:").isalpha():
        return False  # "MDP (Master Data Platform)": a parenthesis opening an aside
    if value.isdigit():
        return 4 <= len(value) <= 12
    if not _not_a_plain_number(value):
        return False
    if _WORD_COMPOUND.match(value):
        # "Wi-Fi", "Back-Office", "Acme-Event": words joined by hyphens ("mot de passe Wi-Fi : X"); groups of
        # random letters ("hgtr-wqpl-znxe-kbfu") are generated
        return value.islower() and value.count("-") >= 2 and _random_letters(value.replace("-", ""))
    n_classes = classes(value)
    if value.isalpha():
        # One word, capitalised or not, is a word; camel-case mixtures ("hUnTeR") are not.
        inner_upper = any(c.isupper() for c in value[1:])
        return len(value) >= 8 and inner_upper and any(c.islower() for c in value[1:])
    if n_classes >= 3:
        return len(value) >= 5
    return n_classes >= 2 and len(value) >= 6


def _not_a_plain_number(value: str) -> bool:
    """"12,5", "3.14", "1 000", "10%", "2026-03-01" are figures and dates; "29€/mois", "$30/month" prices, not passwords."""
    return not re.fullmatch(r"[\d.,:%/\-+]+", value) and _PRICE.fullmatch(value) is None


_PRICE = re.compile(r"(?:[\d.,]+\s?[€$£¥]|[€$£¥]\s?[\d.,]+)(?:\s?(?:/|par|per)\s?[a-zA-Zé]{1,10})?")


def looks_like_key(value: str) -> bool:
    """A value announced as an API key, token or secret: long and random-looking.

    16+ characters with entropy >= 3 bits/char and two character classes, or 20+
    hexadecimal digits (many keys are hex), or a UUID (several services issue them
    as keys). Words, sentences and placeholders are refused.
    """
    if len(value) < 16 or len(value) > 4096 or is_placeholder(value):
        return False
    if _UUID.match(value):
        return True
    if _HEX.match(value):
        return len(value) >= 20 and entropy(value) >= 2.8
    if value.isalpha():
        # Some keys are letters only (a Twitter/X consumer key): long, both cases, changing case often.
        # Not words joined in camel case ("HelloWorldFromTheTeam"): those are capitalised words end to end.
        in_words = sum(len(w) for w in _CAMEL_WORD.findall(value))
        return len(value) >= 20 and classes(value) == 2 and entropy(value) >= 3.5 and class_switches(value) >= 0.3 \
            and in_words < 0.7 * len(value)
    return classes(value) >= 2 and entropy(value) >= 3.0 and any(c.isdigit() for c in value)


def looks_like_short_key(value: str) -> bool:
    """A key too short for `looks_like_key`, said right after the words naming it ("clé API d525e61a",
    "secret wWUBPa8UpfNsaqiF"): 8 to 19 characters, hexadecimal mixing digits and letters, or letters of
    both cases and digits changing class often (not "Santa2026", "ProjectX2026")."""
    if not 8 <= len(value) <= 19 or not value.isalnum() or is_placeholder(value) or _REPEAT.search(value):
        return False
    if not (any(c.isdigit() for c in value) and any(c.isalpha() for c in value)):
        return False
    if _HEX.match(value):
        return entropy(value) >= 2.5
    return classes(value) == 3 and class_switches(value) >= 0.35 and entropy(value) >= 3.2


def class_switches(value: str) -> float:
    """How often consecutive letters and digits change class (lower, upper, digit), per pair:
    about 0.5 in a random key, under 0.3 in words with a year ("ProjectPhoenix2026Release")."""
    kinds = ["l" if c.islower() else "u" if c.isupper() else "d" for c in value if c.isalnum()]
    return sum(a != b for a, b in zip(kinds, kinds[1:])) / max(1, len(kinds) - 1)


def looks_random(value: str) -> bool:
    """A value with no announcing connector ("the secret KOPEx9T6x9YB..."): only a long,
    random-looking string counts. 20+ characters, letters and digits, 3.5 bits/char and
    frequent class changes; not a file name, a number or words joined by dashes."""
    if not 20 <= len(value) <= 512 or is_placeholder(value) or _UUID.match(value) or _FILE_NAME.search(value):
        return False
    if not (any(c.isdigit() for c in value) and any(c.isalpha() for c in value)):
        return False
    return entropy(value) >= 3.5 and class_switches(value) >= 0.35


_FILE_NAME = re.compile(r"\.[A-Za-z]{2,4}$")
# Each part: lowercase runs joined by single capitals, or capitals only; written so that a part
# splits one way only (a nested "(?:[A-Z]?[a-z]+)+" backtracks exponentially on a long value).
_WORD_COMPOUND = re.compile(r"^(?:[A-Z]?[a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]+)*|[A-Z]+)(?:-(?:[A-Z]?[a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]+)*|[A-Z]+))+$")  # Wi-Fi, ConvertTo-SecureString
_CAMEL_WORD = re.compile(r"[A-Z]?[a-z]{3,}")


# Vendors' documentation marks its sample credentials so (AWS: AKIAIOSFODNN7EXAMPLE,
# wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY); quoted from the docs they open nothing.
_DOCS_CONTEXT = re.compile(r"(?i)\b(?:docs?|documentation|tutori(?:al|el)s?|tutos?|readme|samples?|exemples?|examples?)\b")


# The words right before a value calling it a sample: "jwt.io's sample token X", "the example key: X",
# « le jeton d'exemple X », "a dummy password like X".
_CALLED_SAMPLE = re.compile(
    r"(?i)(?<![\w\-.])(?:(?:sample|example|dummy|fake|demo|placeholder|test)[ \t]+(?:[\w\-]+[ \t]+)?(?:tokens?|keys?|jwts?|secrets?|passwords?|credentials?)"
    r"|(?:jetons?|cl[ée]s?|mots?[ \t]+de[ \t]+passe|secrets?)[ \t]+(?:d['’][ \t]*exemple|de[ \t]+d[ée]mo|factices?|bidons?|fictifs?|fictives?))"
    r"(?:[ \t]+(?:is|est|:|like|comme|such[ \t]+as))?[ \t]*[:=]?[ \t]*[\"'`«“]?[ \t]*$"
)


# The sentence says the value is the same for everyone: a vendor's published emulator or default key.
_WELL_KNOWN = re.compile(
    r"(?i)(?<![\w\-])(?:well[\s\-]known|bien\s+connue?s?|same\s+for\s+every(?:one|body)|identiques?\s+pour\s+tout\s+le\s+monde|"
    r"the\s+same\s+on\s+every\s+(?:machine|install(?:ation)?|computer))(?![\w\-])"
)


# The sentence calls a credential of it a sample, the sample word qualifying the credential's noun: "the sample key
# from the quickstart", "the docs' example token", « le token d'exemple de la doc », « une clé factice ». ("For example,
# our key..." and « par exemple » are ways of speaking, not samples; nor is a test key: it opens a test account.)
_SAMPLE_NAMED = re.compile(
    r"(?i)(?<![\w\-])(?:(?:sample|example|dummy|fake|demo|placeholder|documented)(?<!for example)(?<!for an example)\s+(?:[\w\-'’]+\s+){0,2}?"
    r"(?:tokens?|keys?|jwts?|secrets?|passwords?|credentials?|api\s+keys?)"
    r"|(?:tokens?|jetons?|cl[ée]s?|keys?|secrets?|mots?\s+de\s+passe|identifiants?)(?:\s+(?:d['’]\s*)?api)?\s+"
    r"(?:d['’]\s*exemple|de\s+d[ée]mo|factices?|bidons?|fictifs?|fictives?|d['’]\s*illustration|de\s+la\s+doc(?:umentation)?))(?![\w\-])"
    # ... or says where it was copied from: the docs, a quickstart, a tutorial ("straight from the Stripe docs",
    # « tiré de la doc », "the quickstart's key")
    r"|(?i:(?<![\w\-])(?:(?:from|in)\s+the\s+(?:[\w\-'’.]+\s+){0,2}(?:docs?|documentation|quickstart|tutorial|readme|api\s+reference)|"
    r"(?:docs?|documentation|quickstart|tutorial|readme)['’]s?\s+(?:[\w\-]+\s+){0,2}(?:tokens?|keys?|secrets?)|"
    r"(?:tir[ée]e?s?|copi[ée]e?s?|pris[e]?|issue?s?)\s+(?:de|du|dans)\s+(?:la\s+)?(?:doc(?:umentation)?|tuto\w*|quickstart|readme)|"
    # ... or that the docs show it: "the Kubernetes docs show a Secret with password: X", « c'est l'exemple officiel »
    r"(?:docs?|documentation)\s+(?:[\w\-]+\s+){0,2}(?:shows?|montre(?:nt)?|donne(?:nt)?|gives?)|l['’]\s*exemple\s+officiel|the\s+official\s+example)(?![\w\-]))"
)
# A value asked to be taken out of where it was pasted ("please remove X from the README", « retirez X du readme »): the docs
# are where it leaked, not where it was copied from; the key is shown, so the post leaks it again.
_TAKEN_OUT_OF = re.compile(
    r"(?i)(?<![\w\-])(?:remove|delete|purge|strip|scrub|redact|rotate|revoke|take\s+out|get\s+rid\s+of|retir\w{0,4}|supprim\w{0,4}|"
    r"enl[eè]v\w{0,4}|effac\w{0,4}|r[ée]voqu\w{0,4})(?![\w\-])"
)
# The post says the value called a sample is a real one ("the demo token was X - apparently it's a real root token",
# « le jeton de démo, en fait un vrai jeton de prod »): what it is outweighs what it was shown as (not "not a real key").
_SAID_REAL = re.compile(
    r"(?i)(?<![\w\-])(?<!not\s)(?<!not\sa\s)(?<!pas\sun\s)(?<!pas\sune\s)(?:real|actual|live|working|vrai|vraie|v[ée]ritable)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:tokens?|keys?|secrets?|passwords?|credentials?|jetons?|cl[ée]s?|mots?\s+de\s+passe|identifiants?)(?![\w\-])"
    r"|(?<![\w\-])(?:tokens?|jetons?|cl[ée]s?|keys?|secrets?|mots?\s+de\s+passe)\s+(?:bien\s+)?(?:r[ée]el(?:le)?s?|valides?|de\s+prod(?:uction)?)(?![\w\-])"
)
# A key marked live or production: never the docs' sample, whatever the sentence calls it.
_LIVE_MARKED = re.compile(r"(?i)(?:^|_)(?:live|prod)_")
# Sample keys vendors publish in their documentation, the same for every reader: quoted with any word of
# documentation, examples or training in the post, they are the docs' (pasted alone in a config, they are reported).
PUBLISHED_SAMPLES: frozenset[str] = frozenset(
    {
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx", "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
        "pk_test_6pRNASCoBOKtIshFeQd4XMUh", "sk_test_26PHem9AhJZvU623DfE1x4sd",  # Stripe's API reference and quickstarts
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",  # AWS's documentation
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
        "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",  # jwt.io's
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",  # Azurite's (Azure's emulator)
    }
)
# Passwords famous from jokes, comics and films, which whoever quotes them knows to open nothing: bash.org's hunter2, xkcd 936's
# Tr0ub4dor&3 and correct horse battery staple, WarGames' CPE1704TKS and joshua, the films' swordfish, Moria's mellon,
# Adventure's xyzzy (folded: case, spaces, hyphens and underscores aside).
FAMOUS_PASSWORDS: frozenset[str] = frozenset(
    {"hunter2", "tr0ub4dor&3", "correcthorsebatterystaple", "cpe1704tks", "joshua", "swordfish", "mellon", "xyzzy", "opensesame", "sesameouvretoi"}
)
# The post says it quotes them as a joke: "X as your password, they said", "(it's a joke)", « c'est une blague », the meme.
_JOKE_SAID = re.compile(
    r"(?i)(?<![\w\-])(?:jokes?|joking|kidding|blagues?|blaguer?|humou?r|memes?|mèmes?|xkcd|bash\.org|they\s+said|qu['’]?ils\s+(?:disaient|ont\s+dit)|"
    r"classic|classique|famous|famously|c[ée]l[èe]bres?|l[ée]gendaires?|legendary|ironi\w*)(?![\w\-])"
)
_FOLDED_AWAY = re.compile(r"[\s\-_'’]")
_TEACHING = re.compile(
    r"(?i)\b(?:docs?|documentation|tutori(?:al|el)s?|tutos?|readme|samples?|exemples?|examples?|quickstart|getting\s+started|guides?|"
    r"formations?|trainings?|workshops?|ateliers?|cours|courses?|d[ée]mos?|slides?)\b"
)


_SAID_REAL_REACH = 200  # how far around the value the post may say it is real (its sentence and the next)

# The value labelled not real right after it, in brackets or after a dash: "ghp_... (illustrative value)",
# « X (valeur d'illustration) », "X - made-up, don't bother", « X (fictif) », "X (not a real key)".
_MARKED_NOT_REAL_AFTER = re.compile(
    r"(?i)[\"'»”`’]?[ \t]*(?:\(|\[|[—–\-][ \t])[ \t]*(?:(?:an?|une?)[ \t]+)?(?:"
    r"illustrative|illustration|for\s+illustration|made[\s\-]up|invented|fake|dummy|fictional|fictitious|sample|example|placeholder|"
    r"not\s+(?:a\s+)?real|non[\s\-]real|"
    r"valeur\s+(?:d['’]\s*illustration|d['’]\s*exemple|fictive|factice|bidon)|pour\s+l['’]\s*exemple|exemple|fictifs?|fictives?|factices?|"
    r"invent[ée]e?s?|bidons?|pas\s+(?:un|une|le|la)\s+vra[ie]e?)(?![\w\-])"
)


# A real one named only to be set against the sample or forbidden: "instead of a real token", "never paste a real key",
# « plutôt qu'un vrai jeton », "not a real key".
_REAL_SET_AGAINST = re.compile(
    r"(?i)(?<![\w\-])(?:instead\s+of|rather\s+than|au\s+lieu\s+d|plut[ôo]t\s+qu|never|jamais|not|no|pas|sans|without|avoid|[ée]vite[rz]?|"
    r"ni|nor)(?![\w\-])[^.!?;:]{0,24}$"
)


def _said_real(text: str, start: int, value: str) -> bool:
    around = text[max(0, start - _SAID_REAL_REACH) : start] + " " + text[start + len(value) : start + len(value) + _SAID_REAL_REACH]
    return any(_REAL_SET_AGAINST.search(around, max(0, m.start() - 40), m.start()) is None for m in _SAID_REAL.finditer(around))


def is_documented_sample(value: str, text: str, start: int) -> bool:
    """A value the post presents as a sample from the docs:
    - the words right before it call it a sample ("jwt.io's sample token X", « le jeton d'exemple X »), or the words
      right after it, in brackets or after a dash ("X (illustrative value)", « X (valeur d'illustration) »), or its sentence
      names a credential of it a sample ("the sample key from the quickstart: X", « le token d'exemple de la doc, X »),
      unless the key is marked live (a live key "for example" is a live key);
    - its sentence says it is the same for everyone (an emulator's published key);
    - a password famous from a joke or a film (`FAMOUS_PASSWORDS`) in a post saying it jokes or quotes the meme;
    - a sample a vendor publishes (`PUBLISHED_SAMPLES`) in a post speaking of docs, examples or training, or a value
      carrying the docs' EXAMPLE marker on a line that speaks of documentation or examples ("AWS docs use AKIAIOSFODNN7EXAMPLE...").
    Pasted alone in a config, it is reported: the post does not say it is the sample."""
    if _CALLED_SAMPLE.search(text, max(0, start - 60), start) and not _said_real(text, start, value):
        return True
    if _MARKED_NOT_REAL_AFTER.match(text, start + len(value)) and not _LIVE_MARKED.search(value):
        return True  # "ghp_... (illustrative value)": the writer labels it, right where it stands
    sentence = _sentence_of(text, start, start + len(value))
    if _WELL_KNOWN.search(sentence):
        return True  # "the emulator's well-known key X", « la clé d'Azurite (X) est identique pour tout le monde »
    named = _SAMPLE_NAMED.search(sentence.replace(value, " ")) if not _LIVE_MARKED.search(value) else None
    named = named if named is None or not _said_real(text, start, value) else None
    if named is not None and not (named.group().casefold().startswith(("from", "in")) and _TAKEN_OUT_OF.search(sentence, 0, named.start())):
        return True
    if value in PUBLISHED_SAMPLES and _TEACHING.search(text.replace(value, " ")):
        return True
    if _FOLDED_AWAY.sub("", value).casefold() in FAMOUS_PASSWORDS and _JOKE_SAID.search(text.replace(value, " ")):
        return True  # "Use 'hunter2' as your password, they said": the meme, quoted as one
    if "EXAMPLE" not in value:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end].replace(value, " ")
    return _DOCS_CONTEXT.search(line) is not None


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], at most 160 characters either side."""
    left = max(start - 160, *(text.rfind(c, 0, start) + 1 for c in ".!?\n"))
    stops = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return text[left : min([end + 160, *stops])]


_BASE32 = re.compile(r"^[A-Z2-7]+$")
_REPEAT = re.compile(r"(.)\1{3}")  # "aaaa", "0000": typed, not generated


def is_hex(value: str) -> bool:
    return _HEX.match(value) is not None


def _longest_ascending_run(value: str) -> int:
    """The longest run of consecutive characters each one code point after the last ("3456", "defg")."""
    longest = run = 1
    for a, b in zip(value, value[1:]):
        run = run + 1 if ord(b) == ord(a) + 1 else 1
        longest = max(longest, run)
    return longest


_MAX_ENCODED = 8192  # the longest base64 value decoded (a pasted config file's; decoding is linear, this bounds its cost)


def decoded_text(value: str) -> str | None:
    """The text a base64 or base64url value encodes, None when it encodes no text: not base64, or bytes that are not
    printable UTF-8 (a random key, an image, a DER structure). Values longer than `_MAX_ENCODED` are not decoded."""
    import base64
    import binascii

    core = value.rstrip("=")
    if not 4 <= len(core) <= _MAX_ENCODED or len(core) % 4 == 1:
        return None
    try:
        decoded = base64.b64decode(core + "=" * (-len(core) % 4), altchars=b"-_" if ("-" in core or "_" in core) else None, validate=True)
        words = decoded.decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    return words if words and all(c.isprintable() or c in "\n\t\r" for c in words) else None


# A post that speaks of an encoding, or of the configs that encode their values (a Kubernetes Secret's data, Helm
# values, a docker config).
_ENCODING_SAID = re.compile(
    r"(?im)base\s?64|\bb64\b|encod|kind:\s*secret|^\s*data:\s*$|helm|values[\w\-]*\.ya?ml|dockerconfig|docker/config\.json|[\"']auths?[\"']"
)


_ENCODING_CUES = ("base64", "base 64", "b64", "encod", "kind:", "data:", "helm", ".yaml", ".yml", "dockerconfig", "docker/config", "auth\"", "auths")


def encoding_said(text: str) -> bool:
    """Whether `text` speaks of an encoding or of the configs that encode (a cheap look for the cues first: most posts
    hold none)."""
    return holds_any(text.lower(), _ENCODING_CUES) and _ENCODING_SAID.search(text) is not None


def plainly_encoded(value: str, said: bool) -> str | None:
    """The text `value` encodes when its encoding is plain: base64 of text, padded, or in a post that speaks of an
    encoding (`said`: `encoding_said`), or decoding to structured text ("user:password", "KEY=value"). None otherwise:
    a typed password rarely decodes to text, and never so plainly."""
    decoded = decoded_text(value)
    if decoded is None or len(decoded) < 3 or not (said or value.endswith("=") or ":" in decoded or "=" in decoded):
        return None
    return decoded


def encodes_a_placeholder(value: str, said: bool) -> bool:
    """base64 of a placeholder, plainly (`plainly_encoded`): `Y2hhbmdlbWU=` is "changeme", and the docs' Basic header
    encodes "user:<password>"."""
    decoded = plainly_encoded(value, said)
    if decoded is None:
        return False
    plain = decoded.strip()
    password = paired_password(plain)
    # (a JSON object is no "{placeholder}": its members are read by the finders)
    return not plain.startswith(("{", "[")) and is_placeholder(plain) or password is not None and (not password or is_placeholder(password))


_USER_PASSWORD = re.compile(r"^[^\s:\"'{}\[\]]{1,64}:(?P<password>\S{0,128})$")


def paired_password(text: str) -> str | None:
    """The password of `text` when it is "user:password", as HTTP basic credentials and docker configs encode them."""
    pair = _USER_PASSWORD.match(text)
    return None if pair is None else pair.group("password")


def decodes_to_prose(value: str) -> bool:
    """base64 of text with spaces (a slogan, inline SVG or HTML), or of a small JSON object naming no credential
    (a JWT's header alone, `{"alg":"HS256","typ":"JWT"}`): an encoding of words, not a key.
    ("user:password" has no space: HTTP basic credentials stay credentials; a JSON object naming a key,
    a secret, a password or a token, as a service account's file does, stays a secret.)"""
    words = decoded_text(value)
    if words is None:
        return False
    if words.startswith("{") and words.endswith("}") and len(words) <= 200:
        return _CREDENTIAL_MEMBER.search(words) is None
    return " " in words


_CREDENTIAL_MEMBER = re.compile(r"(?i)key|secret|pass|pwd|token|priv|cred|auth|sig")


def looks_generated(value: str) -> bool:
    """A value shaped like a generated key, whatever issued it (no vendor prefix needed): judged
    by its alphabet and length, then its entropy against that length.

    - hexadecimal: 32+ digits mixing letters and digits, 3 bits/char (a 32-digit random hex
      string has ~3.7); also the shape of digests and commit ids, so the caller's context decides;
    - base32 capitals (TOTP seeds): 16+ characters, letters and digits, 3.5 bits/char;
    - base62/base64/base64url: 20+ characters holding a digit, a lowercase and an uppercase letter
      (or, 24+ long, lowercase and digits only), with frequent class changes; the entropy floor
      grows with the length up to 4 bits/char (a random 20-character string has ~4.1).
    Refused: words and identifiers (camel or snake case), file names, UUIDs, runs of a
    repeated character, sequences and placeholders.
    """
    core = value.rstrip("=")
    n = len(core)
    if n < 16 or n > 4096 or _UUID.match(core) or _REPEAT.search(core) or is_placeholder(core):
        return False
    if core in (core + core)[1:-1] or _longest_ascending_run(core) >= 6:
        return False  # a repeated unit ("abc123abc123...") or a typed sequence ("0123456789abcdef")
    has_digit = any(c.isdigit() for c in core)
    if _HEX.match(core):
        return n >= 32 and has_digit and any(c.isalpha() for c in core) and entropy(core) >= 3.0
    if _BASE32.match(core):
        return has_digit and entropy(core) >= 3.5
    if n < 20 or not has_digit or _FILE_NAME.search(core):
        return False
    lower, upper = any(c.islower() for c in core), any(c.isupper() for c in core)
    if not lower:
        return False
    if upper:
        in_words = sum(len(w) for w in _CAMEL_WORD.findall(core))
        worded = in_words >= 0.5 * n  # "ProjectPhoenix2026Release"
        min_switches = 0.3
    else:
        # Lowercase and digits (base36): random letters hold few vowels (~20%), words ~40% ("release2026final");
        # with 26 letters to 10 digits, letters and digits alternate less often (~0.4 per pair) than in base62.
        letters = [c for c in core if c.isalpha()]
        worded = n < 24 or sum(c in "aeiouy" for c in letters) >= 0.3 * len(letters)
        min_switches = 0.2
    return not worded and class_switches(core) >= min_switches and entropy(core) >= min(4.0, 0.8 * math.log2(n))


def _der_content(value: str) -> bytes | None:
    """The first bytes inside the outer SEQUENCE of a base64 DER structure, None when it is not one."""
    import base64
    import binascii

    head = value[:24]
    try:
        der = base64.b64decode(head[: len(head) // 4 * 4], validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(der) < 8 or der[0] != 0x30:
        return None
    length = der[1]
    return der[2 + (length & 0x7F if length & 0x80 else 0) :]


def is_public_key_material(value: str) -> bool:
    """base64 DER that is not a private key's: a public key, a certificate ("MIIBIjANBgkq...")."""
    if len(value) < 80 or not value.startswith(("MI", "MH", "MC", "MF")):
        return False  # (the shortest, an EC P-256 public key, is 124 base64 characters)
    content = _der_content(value)
    return content is not None and content[0] == 0x30  # a nested SEQUENCE: an algorithm, a to-be-signed certificate


# The DER opening of a private key: SEQUENCE, then the INTEGER version 0 (PKCS#1 RSA/DSA, PKCS#8)
# or 1 (SEC1 EC). A public key or a certificate opens with a nested SEQUENCE instead.
def is_der_private_key(value: str) -> bool:
    """A base64 body of a private key pasted without its PEM header ("MIIEvQIBADAN...")."""
    content = _der_content(value)
    # (version 3 opens a PKCS#12 store: a private key and its certificate)
    return content is not None and content[:3] in (b"\x02\x01\x00", b"\x02\x01\x01", b"\x02\x01\x03")

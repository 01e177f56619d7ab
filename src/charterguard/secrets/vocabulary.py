"""The words of credentials, French and English, in one place, with their three uses:

- announcing (`credentials`): the words after which a value follows in prose or config ("le mot de passe du wifi
  c'est X", "mdp Soleil2026!", "the network key is X"); phrases, since a word alone is often a common word
  ("code" is a promo code's too: "le code du wifi" announces, "code" alone does not);
- naming (`family`): the word that, last in a name or a sentence, gives the family (`db_password` PASSWORD,
  "api_token" TOKEN, "clé de secours" PASSWORD); single words, read on names split into words ("wifi key");
- deciding (`generic`): the word that, nearest before a generated value on its line, makes it a credential rather
  than a public identifier ("clé 4mQ8...", `apiKey: "..."`, "bot 9f3c..."); single words read on raw text, also as
  the end of a compound identifier (`DECIDING_COMPOUND_HEADS`).

The words the uses share are written once, below (`SHARED_PASSWORD_WORDS`, `RECOVERY_WORDS`, `SHARED_TOKEN_WORDS`,
`SHARED_KEY_WORDS`): a word added there serves every use that reads it. A word for one use only goes into that
use's list, with why.
Every pattern is a regex fragment, read case-insensitively, written so that it reads raw text (`credentials`) and
names split into lowercase words by spaces (`family`): separators are `\\s+` or `[\\s\\-]`, never a bare space.
"""

from __future__ import annotations

# -- words both uses share ------------------------------------------------------------------------------------------

# What names a password in every use: the words, their abbreviations, a passphrase, a code a person types, a wifi
# pre-shared key, and the words other languages use. (Longer forms before shorter ones: "passphrase" before "pass".)
# The nouns of a passphrase every use reads ("phrase de passe", rarer, is announcing's rare list and PASSPHRASE_WORDS').
_PASSPHRASE_NOUNS = r"pass\s?phrases?|phrases?\s+secr[eè]tes?|secret\s+phrases?"
SHARED_PASSWORD_WORDS = (
    r"mots?[\s\-]+de[\s\-]+passe|mdp|passcodes?|pwd|pw|s[ée]sames?|" + _PASSPHRASE_NOUNS + r"|digicode|"
    r"psk|pre[\s\-]?shared\s+keys?|contrase[ñn]a|passwort|kennwort|pass"
)
# What names a passphrase, whose value may be words joined by hyphens ("correct-horse-battery-staple"), in French and English.
PASSPHRASE_WORDS = _PASSPHRASE_NOUNS + r"|phrases?[ \-]de[ \-]passe"
# What unlocks an account or a disk when the password is lost: a recovery key, backup codes.
RECOVERY_WORDS = r"(?:cl[ée]f?s?|codes?)\s+de\s+(?:r[ée]cup[ée]ration|secours)|(?:recovery|backup)\s+(?:keys?|codes?)"
# What names a token, naming and deciding alike: a bearer, a signature, an authenticator's seed, a webhook's or a
# bot's secret, a cookie (its value is a session: "cookie session=X"). (Not "token" itself: naming reads it as the end of
# any word, `[a-z]*tokens?`, deciding as a word.)
SHARED_TOKEN_WORDS = r"jetons?|bearer|sig|auth|seed|totp|otp|2fa|mfa|authenticator|webhooks?|bot|cookies?"
# What names a key or a secret, naming and deciding alike (not "key" nor "secret": as "token" above).
SHARED_KEY_WORDS = r"cl[ée]s?|clefs?|credentials?|creds"

# -- announcing (credentials) ---------------------------------------------------------------------------------------

# What announces a password or an access code, in prose (FR/EN) and abbreviations: the shared words, and phrases
# naming what a code opens (a code alone is a promo code's word too).
ANNOUNCING_PASSWORD_WORDS = (
    # (and its typos: passwrd, pasword, psswd, pswd; "pass wifi" before "pass", the shared words' last)
    r"🔑|🔐|🗝️?|passwords?|passwd|pa?s{1,2}w(?:o?r)?ds?|pass\s+(?:wi-?fi|invit[ée]s?|guest)|"
    r"codes?\s+(?:du\s+|de\s+la\s+|de\s+l['’]|d['’]|de\s+)?(?:wi-?fi|porte|portail|alarme|acc[eè]s|coffre|badge|parking|immeuble|entr[ée]e|b[âa]timent|local|salle|garage|bo[iî]te|"
    r"casier|vestiaire|cadenas|serveur|labo|interphone|ascenseur|armoire|imprim\w{0,6}|photocopieuse|copieur)|"
    r"codes?\s+pour\s+(?:l['’]\s*|la\s+|le\s+)?(?:imprim\w{0,6}|photocopieuse|copieur|ouvrir|entrer|acc[ée]der|d[ée]verrouiller|se\s+connecter)|"
    r"codes?\s+(?:to|for|of)\s+(?:the\s+|our\s+)?(?:[a-z\-]{2,20}\s+)?(?:room|door|gate|safe|alarm|locker|building|office|garage|parking|lab|cabinet|lockbox|padlock|wi-?fi|network|printer|copier)|"
    r"(?:wi-?fi|door|gate|alarm|access|entry|garage|safe|building)\s+(?:code|password|key(?<!ccess key)|pin|pass)|"  # ("access key": a vendor's API key)
    # a code naming the privilege it gives, a terminal's or a panel's: « le code admin », "the installer code", "master PIN"
    r"codes?\s+(?:admin(?:istrateur)?|ma[iî]tres?|technicien|installateur|superviseur|g[ée]rant|maintenance)(?![\w\-])|"
    r"(?:admin(?:istrator)?|master|installer|engineer|supervisor|manager|maintenance)\s+(?:code|pin|passcode)(?![\w\-])|"
    r"cl[ée]\s+(?:wi-?fi|wpa[23]?(?:-psk)?|wep|r[ée]seau|de\s+s[ée]curit[ée](?:\s+r[ée]seau)?)|wpa[23]?(?:-psk)?\s+(?:key|passphrase)|"
    # a wifi key said as network engineers say it: the network or security key
    r"(?:network|security|wireless|wi-?fi)\s+(?:key|passphrase)|"
    r"(?:code\s+)?pin(?:\s+code)?|code\s+secret|secret\s+code|codes?\s+confidentiels?|confidential\s+code|"
    r"(?:combination|combo)\s+(?:to|for|of)\s+(?:the\s+|our\s+)?(?:[a-z\-]{2,20}\s+){0,2}(?:safe|lock|padlock|locker|vault)|"
    r"(?:safe|lock|padlock|locker|vault)(?:['’]s)?\s+(?:combination|combo)|"  # (and its possessive: "the safe's combination")
    r"combinaison\s+(?:du\s+|de\s+la\s+|de\s+l['’]\s*)(?:coffre|cadenas|casier|serrure)|"
    + SHARED_PASSWORD_WORDS + "|" + RECOVERY_WORDS
)
# What announces an API key, a token or another secret.
ANNOUNCING_KEY_WORDS = (
    r"api[ _\-]?keys?|cl[ée]s?\s+(?:d['’]\s?)?api|clefs?\s+(?:d['’]\s?)?api|cl[ée]\s+secr[eè]te|cl[ée]\s+priv[ée]e|"
    r"secret\s+(?:access\s+)?keys?|access\s+keys?|client\s+secrets?|app\s+secrets?|consumer\s+(?:secrets?|keys?)|signing\s+keys?|"
    r"private\s+keys?|encryption\s+keys?|cl[ée]\s+de\s+chiffrement|master\s+keys?|webhook\s+secrets?"
)
# "The secret for the webhook is X", "le secret partagé : X": a key when long and random, else a password.
ANNOUNCING_SECRET_WORDS = r"(?:shared\s+)?secrets?(?:\s+partag[ée]s?)?"
ANNOUNCING_TOKEN_WORDS = r"(?:(?:access|auth|refresh|bearer|api|personal[\s_\-]access|session|id)[\s_\-])?tokens?|jetons?(?:\s+d['’]acc[eè]s)?|bearer"

# Rarer words announcing a password or a key, read only on the posts holding one of their cues (`RARE_ANNOUNCING_CUES`,
# substrings of the lowercased post: a word added here needs its cue):
# - passwords: a passphrase said in French, an SNMP community (a network device's monitoring password), a code to
#   unlock a device or said to be typed ("unlock code", « le code à taper »);
# - keys: what activates a paid licence (whoever holds it uses the licence).
RARE_ANNOUNCING_PASSWORD_WORDS = (
    r"phrases?[ \-]de[ \-]passe|snmp\s+communit(?:y|ies)|community\s+strings?|communaut[ée]s?\s+snmp|"
    r"unlock\s+codes?|codes?\s+(?:de\s+)?d[ée]verrouillage|codes?\s+[àa]\s+(?:taper|composer|saisir|entrer)|codes?\s+to\s+(?:type|enter|dial|punch\s+in)"
)
RARE_ANNOUNCING_KEY_WORDS = (
    r"licen[cs]e\s+keys?|product\s+keys?|serial\s+keys?|activation\s+(?:keys?|codes?)|cl[ée]s?\s+(?:de\s+)?(?:licence|produit|d['’]activation)|"
    r"codes?\s+d['’]activation"
)
RARE_ANNOUNCING_CUES = ("phrase", "snmp", "communit", "communaut", "unlock", "verrouill", "taper", "composer", "saisir", "entrer", "to type",
                        "to enter", "to dial", "punch", "licen", "product key", "serial key", "activation")

# -- naming (family) ------------------------------------------------------------------------------------------------

# The words that name a credential, each with its family; in a compound name the last one decides
# ("webhook_signing_secret" a key, "api_token" a token, "SECRET_ACCESS_KEY" a key, "db_password" a password).
# Single words name here, which announce nothing alone: "code", "pin", "combination" (a promo code, a PIN's rules).
NAMING_WORD_FAMILIES: tuple[tuple[str, str], ...] = (
    # (keys and codes that open a network, a door or a lost account are passwords: "wifi key", « clé de secours »)
    ("PASSWORD", r"(?:wi ?fi|wpa\d?|wep|network|security|wireless|door|gate|safe|alarm|recovery|backup) (?:keys?|codes?|pin|passphrase)|"
                 r"cl[ée]f?s? (?:wi ?fi|wpa\d?|wep|r[ée]seau|de s[ée]curit[ée]|de r[ée]cup[ée]ration|de secours)|"
                 r"codes? de (?:r[ée]cup[ée]ration|secours)|[a-z]*passw(?:or)?ds?|motdepasse|pin|codes?|combination|combinaison|"
                 r"r[ée]cup[ée]ration|secours|recovery|" + SHARED_PASSWORD_WORDS + "|" + RECOVERY_WORDS),
    ("TOKEN", r"[a-z]*tokens?|authorization|sas|signature|[a-z]*sess(?:ion)?s?(?:id)?|[a-z]*sid|" + SHARED_TOKEN_WORDS),
    ("API_KEY", r"[a-z]*keys?|[a-z]*secrets?|" + SHARED_KEY_WORDS),
)

# -- deciding (generic) ---------------------------------------------------------------------------------------------

# The words that, nearest before a generated value, name it a credential: the shared key and token words, key, token
# and secret, a passphrase or password (an encoded one), HMAC, signing and encryption keys, an access key, and what
# recovers an account. Not "code" nor "pin" (a promo code, an order's or a coupon's value after them is public);
# `generic` adds the syntax around them.
DECIDING_CREDENTIAL_WORDS = (
    r"keys?|tokens?|secrets?|" + SHARED_KEY_WORDS + "|" + SHARED_TOKEN_WORDS + "|"
    r"passphrase|passwords?|mdp|hmac|chiffrement|encryption|signing|access|r[ée]cup[ée]ration|recovery|secours|"
    # (a session's value is its token: "session=X", "sessionid: X"; naming reads it in `NAMING_WORD_FAMILIES`)
    r"sessions?(?:id)?"
)
# What a compound identifier may put before a key word (apiKey, WRITE_KEY, x-api-key, client-secret, botToken): a key
# word may end such a name, not a word (monkey, keynote, secretary).
DECIDING_COMPOUND_HEADS = (
    "api", "auth", "access", "secret", "private", "write", "read", "app", "client", "master", "signing", "session", "service", "consumer",
    "hmac", "bot", "license",
)


# -- public identifiers ---------------------------------------------------------------------------------------------

# The words naming a public identifier or a digest: a value after them is a commit, a hash, an order, a tracking number,
# a DOI, a video, a public or publishable key..., not a credential (`credentials` and `generic` read them as words; a
# credential word nearer the value wins in `generic`). One list for every use.
PUBLIC_IDENTIFIER_WORDS = (
    r"commits?|sha\d*sum|sha\d*|hash(?:es)?|md5|checksums?|digests?|ids?|uuids?|guids?|builds?|versions?|refs?|r[ée]f[ée]rences?|"
    r"orders?|commandes?|tracking|suivi|colis|factures?|invoices?|tickets?|request[\s_\-]?ids?|correlation|"
    r"transactions?|images?|fingerprints?|empreintes?|"
    # (keys public by their role: a captcha's site key, a publishable key, an SSH public key's type)
    r"publi(?:c|que)(?:[_\-]?keys?)?|pub(?:[_\-]?keys?)?|publishable|site[\s_\-]?keys?|ssh-[a-z0-9]+|ecdsa-[\w\-]+|"
    r"doi|isbn|issn|arxiv|youtube|youtu\.be|vid[ée]os?|playlists?|integrity|etag|oid|lfs|snapshots?|ray|serial|s[ée]rie|"
    r"avatar|gravatar|ipfs|cid|blocs?|blocks?|explorer|base64,|data:|nonce|salt|iv"
)

# Password managers and secret stores by name: where a password is kept ("the password is in 1Password", « mdp → 1Password »),
# never the password itself, though "1Password" has a password's shape.
SECRET_STORE_NAMES = (
    r"1password|bitwarden|vaultwarden|lastpass|dashlane|keepass(?:xc|2)?|keeper|passbolt|nordpass|roboform|enpass|"
    r"psono|padloc|teampass|passwordstate|keychain|trousseau|vault"
)


__all__ = [
    "ANNOUNCING_KEY_WORDS", "ANNOUNCING_PASSWORD_WORDS", "ANNOUNCING_SECRET_WORDS", "ANNOUNCING_TOKEN_WORDS", "DECIDING_COMPOUND_HEADS",
    "DECIDING_CREDENTIAL_WORDS", "NAMING_WORD_FAMILIES", "PASSPHRASE_WORDS", "PUBLIC_IDENTIFIER_WORDS", "RARE_ANNOUNCING_CUES", "RARE_ANNOUNCING_KEY_WORDS", "RARE_ANNOUNCING_PASSWORD_WORDS",
    "RECOVERY_WORDS", "SECRET_STORE_NAMES", "SHARED_KEY_WORDS", "SHARED_PASSWORD_WORDS", "SHARED_TOKEN_WORDS",
]

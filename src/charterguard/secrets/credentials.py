"""Credentials announced by words (prose and config) and credentials inside URLs.

- Prose, French and English, whatever the filler ("is literally X", "c'est le 4512", SMS "c X"),
  the connector (":", "=", arrows and emoji, "? X", a line break) or the typo ("psswd"):
  "le mot de passe du wifi invité c'est Acme2026!",
  "mdp Soleil2026!", "the staging password is Hunter22", "identifiants : admin / X",
  "login marie pass Y", "login X, pass Y", "mdp changé, le nouveau c'est X", a meeting's
  "code secret X", "le code de la porte est 4512"; a wifi key without the word
  password ("PSK X", « clé WPA : X », "network key is X", "wifi = X", a QR code's
  `WIFI:...;P:X;;`); "the secret for the webhook is X" (a key or a password by its shape).
- Command lines and credential files: `mysql -pX`, `sshpass -p`, `curl -u`, `redis-cli -a`,
  `net use ... /user:D\\u X`, `smbclient -U u%X`, `openssl -passin pass:X`, `zip -P`, `sqlcmd -P`,
  `ldapsearch -w`, `xfreerdp /p:`, `~/.pgpass` lines; whatever the tool, any option naming a
  password (`--db-pass X`, `-storepass X`) and `-p X` on a line that also gives `-u`; SQL's
  `IDENTIFIED BY 'X'`, `htpasswd -b`, PowerShell's `ConvertTo-SecureString 'X' -AsPlainText`.
- Config: `AWS_SECRET_ACCESS_KEY=...`, `"private_key_id": "..."`, `db_password: ...`,
  `Password=...;` in connection strings, `?token=...` in URLs; a config name said in prose
  ("BOT_SECRET vaut X") or given its value after a space (`aws configure set name X`); a key right
  after its name ("clé API 3fa9c21e et secret X"), an option naming a key or token (`--token X`).
- URLs and DSNs with credentials: `mongodb+srv://svc:Pa55word@cluster0...`, and Oracle's
  `user/password@host` (sqlplus, jdbc:oracle:thin:); the span is the password, so the redacted
  post keeps the rest of the URL readable.
- Codes listed after the words naming them ("Backup codes: 4kq9-x2mb  7wz3-p8dn", « Codes de secours :
  7390 4412, 6618 0293 »: items of one shape), a recovery key later in its sentence; settings given by a
  call (`define('AUTH_KEY', 'X')`, `os.environ["DB_PASSWORD"] = "X"`).
- Said without a credential word (`find_by_context`): a lock's code ("le coffre s'ouvre avec
  19-44-07", "punch 5512# at the door keypad", "Alarme : 4471"), a code handed over with the device it
  opens (« le boîtier d'alarme de la réserve : 5082 », « la photocopieuse demande 2468 », "the key box
  is 7261"; a room, an order, a price, a time stays clean), a wallet's recovery phrase, the
  secrets of a network device's configuration ("snmp-server community X"); a chosen password (both
  cases, a digit, a symbol inside) handed over for logging in ("tapez X pour le wifi invité",
  "connexion au NAS : admin, X", "outil de notes de frais : mlegrand / X"); what a note to self writes down
  (« rappel pour moi-même : pin de la carte 0358 »), a code given as the new one beside a lock ("New code 4 7 1 9 0"), a
  quoted phrase said to open a lock.

The words are `vocabulary`'s (shared with `family`, which names the family). The keyword only says where to
look; the value's shape (`shape`) decides, so that
"le mot de passe doit contenir 12 caractères" or "password: <your password>" stay
clean. Patterns have bounded repetitions (linear time on long posts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..text.urls import USERINFO_URL, oracle_logins
from . import SecretCandidate, holds_any
from .family import BASIC_PASSWORD, CONNECTION_SETTING, OTP_LINK, TOKEN_USERS, URL_PASSWORD, named_family, secret_family
from .shape import (
    class_switches,
    classes,
    decoded_text,
    encodes_a_placeholder,
    encoding_said,
    entropy,
    is_documented_sample,
    is_hex,
    is_placeholder,
    is_public_key_material,
    looks_generated,
    looks_like_access_code,
    looks_like_key,
    looks_like_passphrase,
    looks_like_password,
    looks_like_recovery_code,
    looks_like_short_key,
    looks_like_year,
    looks_random,
)
from .vocabulary import (
    ANNOUNCING_KEY_WORDS,
    ANNOUNCING_PASSWORD_WORDS,
    ANNOUNCING_SECRET_WORDS,
    ANNOUNCING_TOKEN_WORDS,
    PASSPHRASE_WORDS,
    PUBLIC_IDENTIFIER_WORDS,
    RARE_ANNOUNCING_CUES,
    RARE_ANNOUNCING_KEY_WORDS,
    RARE_ANNOUNCING_PASSWORD_WORDS,
    RECOVERY_WORDS,
)

# -- credentials in URLs -----------------------------------------------------------

_LOOPBACK = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "host.docker.internal"})
_URL_PLACEHOLDERS = frozenset({"pass", "pwd", "pw", "passwd", "password", "user", "username", "secret", "mdp", "token", "motdepasse"})
# A link written as a template, its user, password and host each a word in capitals ("mysql://ADMIN:SECRETPASS@SERVEUR/BASE",
# "USER:CHANGEIT@HOST"): the docs' names for what to fill in (a password with a digit or a symbol is one someone chose).
_TEMPLATE_NAME = re.compile(r"[A-Z][A-Z_]*")


def find_url_credentials(text: str) -> list[SecretCandidate]:
    """The password of every `scheme://user:password@host` (URLs, DSNs, JDBC, brokers) and of every
    Oracle connect descriptor `user/password@host`."""
    out = [
        SecretCandidate(m.start("password"), m.end("password"), secret_family(m.group("password"), place=URL_PASSWORD, user=m.group("user")),
                        "credentials-in-connect-descriptor")
        for m in oracle_logins(text)
        if not is_placeholder(m.group("password")) and m.group("password").casefold() not in _URL_PLACEHOLDERS
    ]
    if "://" not in text:
        return out
    for m in USERINFO_URL.finditer(text):
        password = m.group("password")
        if password.casefold() in _URL_PLACEHOLDERS or is_placeholder(password) or password.isdigit() and m.group("user") == "":
            continue  # "user:pass@", "<password>", "${DB_PASS}", or host:port written oddly
        if all(_TEMPLATE_NAME.fullmatch(part) for part in (m.group("user"), password, m.group("host"))):
            continue  # "postgres://USER:SECRETPASS@HOST/DB": a template
        user, host = m.group("user").casefold(), m.group("host").casefold()
        if user == "anonymous" or host in _LOOPBACK and (password.casefold() == user or password.casefold() in DEFAULT_PASSWORDS):
            continue  # anonymous FTP; a tutorial's "postgres:postgres@localhost" opens nothing but the reader's own machine
        # (a code host's token user, "https://oauth2:<token>@git.acme.lan", or a generated value of a token's length: a token)
        family = secret_family(password, place=URL_PASSWORD, user=user)
        out.append(SecretCandidate(m.start("password"), m.end("password"), family, "credentials-in-url"))
    return out


# -- keyword-announced secrets ------------------------------------------------------

# Connectors between the announcing words and the value. The value may also follow the
# words directly for the short forms ("mdp Soleil2026!").
# Arrows and emoji people type or paste between a word and its value: "->", "=>", "-->", "→", "⇒", "➡️", "👉", ">>", "🔑".
_ARROW = r"(?:=>|-{1,2}>|→|⇒|➡️?|➔|👉|>>|🔑|🔐)"
_CONNECTOR = (
    # ("c", "cé", "sé": c'est as text messages write it)
    # (a dash between spaces too: "password — X", "mdp - X")
    r"(?:\s*(?:[:=—–]|" + _ARROW + r")|\s+-(?=\s))(?:\s*(?:it['’]s|it\s+is|c['’]est|ce\s+sera|it\s+will\s+be|c|cé|ce(?!\s+[a-zà-ÿ]{2,}(?![\w\-'’]))|s[ée])(?![\w\-'’]))?|,?\s+(?:"
    # Longest first: the first alternative that leads to a value is the one tried.
    r"has\s+been\s+(?:set|changed|reset)\s+to|(?:is|was|got)\s+(?:set|reset|changed|updated)\s+to|set\s+to|reset\s+to|changed\s+to|"
    r"(?:a\s+[ée]t[ée]\s+|est\s+)?(?:r[ée]initialis[ée]e?|remise?)\s+(?:[àa]|en)|(?:est\s+)?pass[ée]e?s?\s+[àa]|"
    r"(?:a\s+)?chang[ée]\s+(?:en|pour)|(?:est\s+)?devenue?|will\s+be|c['’]est|est|sont|reste|sera|devient|vaut|is|are|was|"
    r"remains|became|(?:donc\s+|alors\s+|so\s+|then\s+)?(?:ce\s+sera|c['’]est|it['’]ll\s+be|it\s+will\s+be|it['’]s|it\s+is)"
    # "c'est" as text messages write it, with no colon: "le code wifi c X", "le mdp cé X" (not the demonstrative "ce" before a
    # word: "depuis ce matin : X")
    r"|(?:c|cé|ce(?!\s+[a-zà-ÿ]{2,}(?![\w\-'’]))|s[ée])(?![\w\-'’]))(?:\s*:)?|['’]s"
    # a question, then the answer ("le code du coffre ? 37-22-08", "the password? it's X")
    r"|\s*\?(?:\s*(?:it['’]s|it\s+is|c['’]est|here(?:\s+it\s+is)?|voil[àa])\s*:?)?"
)
# "c'est toujours X", "is now X": an adverb between the connector and the value.
# Any English "-ly" or French "-ment" adverb too ("is literally X", "c'est tout simplement X").
_ADVERB = (
    r"(?:\s+(?:tout\s+)?(?:toujours|maintenant|d[ée]sormais|encore|juste|just|now|still|always|simply|really|actually|"
    r"en\s+fait|bien|bel\s+et\s+bien|well|[a-z]{2,14}ly|[a-zéè]{3,14}ment))?"
    r"(?:\s+(?:le|la|the)(?=\s+\S*\d))?"  # "c'est le 5829B": an article before a code
)
# Words between the keyword and the connector ("du wifi invité", "for the staging db"):
# at most eight, no sentence punctuation.
_GAP = r"(?:\s+(?!(?:c['’]est|est|is|was|reste|sera)\b)[^\s:=.!?;,()\[\]{}\"«»“”]{1,30}){0,8}?"
# (a code may be said digit by digit, "code alarme = 1 9 8 4", or in groups, "PIN 884 210 93"; not an amount, "250 000 €")
_VALUE = (
    r"\s*(?:(?P<quote>[\"'«“`‘])\s*(?P<quoted>[^\"'«»“”`’\n]{1,80}?)\s*[\"'»”`’]|(?P<spaced>\d(?: \d){3,7}|\d{3,4}(?: \d{2,4}){1,3}#?(?![ \t]?[€$£%])|[a-z]{4}(?: [a-z]{4}){3})(?![\w\-])"
    r"|(?![a-z][a-z0-9+.\-]{0,20}://)(?P<bare>[^\s\"'«»“”`]{1,200}))"
)

_ANNOUNCED = re.compile(
    r"(?i)(?<![\w\-])(?:(?P<password>" + ANNOUNCING_PASSWORD_WORDS + r")|(?P<key>" + ANNOUNCING_KEY_WORDS + r")|(?P<token>" + ANNOUNCING_TOKEN_WORDS + r")|(?P<secret>" + ANNOUNCING_SECRET_WORDS + r"))"
    + r"(?P<gap>" + _GAP + r")(?P<connector>" + _CONNECTOR + r")" + _ADVERB + _VALUE
)
# Rarer words announcing a password or a key (`vocabulary`), read as `_ANNOUNCED` reads its words, only on the posts
# holding their cue (each alternative of a scanned alternation costs every position of every post).
_ANNOUNCED_RARE = re.compile(
    r"(?i)(?<![\w\-])(?:(?P<password>" + RARE_ANNOUNCING_PASSWORD_WORDS + r")|(?P<key>" + RARE_ANNOUNCING_KEY_WORDS + r"))(?P<token>(?!x)x)?(?P<secret>(?!x)x)?"
    + r"(?P<gap>" + _GAP + r")(?P<connector>" + _CONNECTOR + r")" + _ADVERB + _VALUE
)
# Nouns about passwords, after a password word: the words name a tool, a rule or a field, not the password's value.
_ABOUT_PASSWORDS = r"managers?|policy|policies|rules?|reset|hints?|fields?|strength|gestionnaires?|politique|r[èe]gles?"
_ABOUT_PASSWORDS_WORD = re.compile(r"(?i)(?<![\w\-])(?:" + _ABOUT_PASSWORDS + r")(?![\w\-])")
# The privilege a code gives, named after "code" (« le code admin X », « code technicien X »): it opens a terminal's settings.
_PRIVILEGE = re.compile(r"(?i)admin(?:istrateur)?|ma[iî]tre|technicien|installateur|superviseur|g[ée]rant|maintenance")
# Short forms whose value may follow with no connector: "mdp Soleil2026!", "pwd Hunter22".
# ("pass" is not one: "pass #MeritBased laws", "pass anti-immigrant ordinances"; "login X pass Y" is a pair.)
_SHORT_FORM = re.compile(
    # (a meeting's "code secret" before "code": the first alternative that matches is kept)
    r"(?i)(?<![\w\-])(?P<word>🔑|🔐|🗝️?|mdp|pwd|pw|passwd|password|pass ?phrase|passcode|mot de passe|code\s+secret|secret\s+code|"
    # a directory's or a daemon's password option, said as its name: "bindpw X", "rootpw X", "adminpwd X"
    r"[a-z]{2,10}(?:pw|pwd|passwd)|"
    r"codes?\s+confidentiels?|code|psk|"
    r"cl[ée]\s+(?:wi-?fi|wpa2?)|wi-?fi\s+(?:key|password|pass|code)|code\s+(?:wi-?fi|d['’]acc[eè]s|de\s+la\s+porte|alarme)|"
    r"(?:access|door|alarm|gate)\s+code|digicode)\s+"
    # "mot de passe provisoire X", "temporary pw X": what kind of password, then the value
    r"(?:(?:provisoires?|temporaires?|initial(?:e|s|es)?|temporary|temp|initial|one-time|du\s+jour|of\s+the\s+day)\s+"
    # whose password: "le mot de passe admin X", "password root X" (kept only for a value no word looks like)
    r"|(?!(?:" + _ABOUT_PASSWORDS + r")\s)(?P<whose>[a-zà-ÿ]{2,15})\s+)?" + _VALUE
)
# The value before the words: "use Hangar_42!x as the password", "X comme mot de passe",
# "X is the new wifi password", "X, c'est le code de la porte".
_VALUE_FIRST = re.compile(
    r"(?i)(?:(?P<quote>[\"'«“`‘])\s*(?P<quoted>[^\"'«»“”`’\n]{1,80}?)\s*[\"'»”`’]|(?<![\w\-])(?P<bare>[^\s\"'«»“”`()]{4,128}?))[.,!]?"
    # (an adverb of place or time between: "Soleil123 partout comme mot de passe", "X everywhere as my password")
    r"(?:\s+(?:partout|everywhere|encore|again|still|toujours|pour\s+tout|for\s+everything|depuis\s+\d{1,2}\s+ans|for\s+\d{1,2}\s+years))?"
    r"\s+(?:(?:as|comme|en\s+tant\s+que|en)|(?:is|was|c['’]est|est|sera|will\s+be)\s+(?:now\s+|d[ée]sormais\s+)?)"
    r"(?P<words>\s*(?:the\s+|a\s+|le\s+|la\s+|my\s+|mon\s+|our\s+|notre\s+|your\s+|votre\s+|ton\s+)?(?:new\s+|nouveau\s+|temporary\s+|provisoire\s+)?"
    r"(?:[a-z\-]{2,20}\s+)?(?:" + ANNOUNCING_PASSWORD_WORDS + r"))(?![\w\-])"
    # not "X as the password manager", nor a question ("Windows11 as the password?")
    r"(?!\s+(?:" + _ABOUT_PASSWORDS + r")(?![\w\-])|\s*\?)"
)
# Set or changed to a value: "I set the router password to X", "j'ai changé le mot de passe du wifi en X".
_SET_TO = re.compile(
    r"(?i)(?<![\w\-])(?:set|changed?|updated?|switched|moved|mis|chang[ée]|modifi[ée]|pass[ée])(?P<words>\s+(?:[^\s.!?;:]{1,30}\s+){0,5}?"
    # ("changed the password from X to Y": the new one)
    r"(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?:\s+[^\s.!?;:]{1,30}){0,4}?(?:\s+(?:from|de|du)\s+\S{1,60}?)?)\s+(?:to|en|pour|[àa])\s*:?" + _VALUE
)
_PASSWORD_WORD = re.compile(r"(?i)(?<![\w\-])(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])")
# A password word, then within the sentence a colon, an arrow or "it's" and a strongly shaped value,
# whatever is said between ("le mot de passe, tu l'as déjà : X", "the pwd? ah yes: X", "pwd is in my
# DM… nvm, it's X", "le mdp je l'ai plus, ah si c'est X").
_LOOSE_ANNOUNCED = re.compile(
    # (no link nor address between: an "@" may end a mailbox's name said alone, "la boîte contact@ : X", not open a domain)
    r"(?i)(?<![\w\-:/])(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])(?P<words>(?:[^.\n:=→@/]|@(?![\w.\-])){1,100}?)"
    r"(?:\s*(?::|=|" + _ARROW + r")(?:\s*(?:c|c[ée]|s[ée])(?![\w\-'’]))?|(?<![\w\-])(?:it['’]s|it\s+is|c['’]est|voil[àa]|voici|here\s+it\s+is)\s*:?)" + _VALUE
)
# ... the same, the value after the last connector of the sentence: "Mot de passe Wi-Fi : le nom de la boîte + 2027 → X",
# "mdp de la session : comme d'hab mais avec un 8 à la fin -> X".
_LOOSE_ANNOUNCED_LAST = re.compile(
    r"(?i)(?<![\w\-:/])(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])(?P<words>[^.\n=→@/]{1,100})(?:\s*(?:=|" + _ARROW + r"))" + _VALUE
)
# A password word, a colon or arrow, then "user / password": "Pass for the staging basic auth → stg / X".
_PASSWORD_THEN_PAIR = re.compile(
    r"(?i)(?<![\w\-:/])(?:" + ANNOUNCING_PASSWORD_WORDS + r"|basic\s+auth)(?![\w\-])[^.\n:=→@/]{0,60}?\s*(?::|=|" + _ARROW + r")\s*"
    r"(?P<user>[^\s/:,;|@]{2,64})\s*/\s*(?P<password>[^\s,;]{3,128})"
)
# The password named, then "the new one is X" later in the sentence ("mdp du compte changé ce matin,
# le nouveau c'est X", "changed the wifi password, the new one is X").
_NEW_ONE = re.compile(
    r"(?i)(?<![\w\-:/])(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])(?P<words>[^.!?\n]{0,80}?)(?<![\w\-])"
    r"(?:le\s+nouveau|la\s+nouvelle|the\s+new\s+one)\s*(?:(?:c['’]est|est|is|will\s+be|sera)\s*:?|:)" + _VALUE
)
# An instruction to type it: "si l'écran demande un code PIN, tapez 2684", "at the prompt for the password, enter X",
# "for the password use X", « pour le mot de passe, mettez X ».
_TYPE_IT = re.compile(
    r"(?i)(?<![\w\-])(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])(?P<words>[^.!?\n]{0,60}?)[,;:]?\s+"
    r"(?:tapez|tape|entrez|saisissez|composez|faites|mettez|mets|utilisez|utilise|prenez|prends|type|enter|dial|punch\s+in|key\s+in|use|put|pick)\s+"
    + _VALUE
)
# Advice or an example before the value, up to three words before it: "never use Summer2024! as your password",
# "never log in with X as your password", "something like X", « un truc du style X », « du genre X ».
_ADVICE_BEFORE = re.compile(
    r"(?i)\b(?:never|don['’]t|do\s+not|avoid|instead\s+of|not|jamais|pas|[ée]vitez|[ée]viter|plut[ôo]t\s+que|like|such\s+as|comme|e\.g\.?|ex\.?|exemple|example|"
    r"du\s+(?:style|genre|type))(?!\w)\W*(?:\w+\W+){0,3}$"
)

# A key, secret or token word, then, within the sentence and without a connector, a long random
# value: "le secret associé KOPEx9T6...", "Algolia admin key (not the search one!): 72d7c3...".
# Only `looks_random` values count, and not after words naming an identifier (commit, hash, order...).
_NEAR_KEYWORD = re.compile(
    r"(?i)(?<![\w\-])(?:(?P<key>keys?|secrets?|cl[ée]s?|clefs?|credentials?)|(?P<token>tokens?|jetons?))(?![\w\-])"
    r"(?P<words>[^\n.?]{0,100}?)(?<![\w\-+/=#@])(?P<bare>[A-Za-z0-9+/_\-.=~%]{20,512})(?![\w\-+/=])"
)
_ASIDE = re.compile(r"\([^()\n]*\)")  # words in parentheses, said in passing
# A link's pieces, which a random-looking run may start with: "//host/...", "youtu.be/<id>" (a host, then a path).
_LINK_PIECE = re.compile(r"//|^[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}/")
# Words naming a key, then the value right after them, no connector: "clé API d525e61a et secret
# wWUBPa8UpfNsaqiF", "the token 4f9a...". Shorter values than `_NEAR_KEYWORD` takes (`looks_like_short_key`).
_KEY_THEN_VALUE = re.compile(
    r"(?i)(?<![\w\-])(?P<word>(?:(?:api|app|client|shared|access|secret|auth|bearer|signing|webhook)[ _\-]?)?(?:keys?|secrets?|tokens?)"
    r"|cl[ée]f?s?(?:\s+(?:d['’]\s?)?api|\s+secr[eè]te)?|jetons?)"
    r"[ \t]+(?P<bare>[A-Za-z0-9]{8,19})(?![\w\-+/=@]|\.\w)"
)
# The identifying half of a key pair: named an access key id ("access key id: X", "accessKeyId=X"), or named an auth
# or access id, a key id or "access" with the secret half given after it ("Auth ID X, Auth Token Y", "accessId=X
# accessKey=Y", "keyID X ... applicationKey Y", "access X / secret Y": S3-compatible storage, Wasabi, MinIO,
# Backblaze): whoever holds both halves is the account, so the id is a credential's half, an API key as AWS's key
# ids are (random-shaped values only: `_access_halves`). A payment's "auth id" comes with no secret half.
_ACCESS_HALF = re.compile(
    r"(?i)(?<![\w\-])(?P<name>(?:auth|access)[ _\-]?(?:key[ _\-]?)?id|(?P<needs_secret>key[ _\-]?id|access))(?![a-z])[\"']?[ \t]*[:=]?[ \t]*[\"']?"
    r"(?P<value>[A-Za-z0-9+/_\-]{8,64})(?![\w+/=\-])"
)
_ACCESS_HALF_CUES = ("access", "auth", "keyid", "key id", "key_id", "key-id")
_SECRET_HALF_REACH = 200  # how far after an id its secret half may be given (the next line of a chat, of a config)
# The secret half, named, with its value: "/ secret Y", ", secret key: Y", "\napplicationKey Y", "; password=Y".
_SECRET_HALF = re.compile(r"(?i)(?:secret|key|token|password|passwd|pwd|mot de passe|mdp|priv[ée]e?)[\w\-]*[\"']?[ \t]*[:=]?[ \t]*[\"']?[^\s\"',;]{8}")
# Public key material's ids: a PGP or SSH key's id is printed with it, shared on purpose.
_PUBLIC_KEY_ID_BEFORE = re.compile(r"(?i)gpg|pgp|gnupg|ssh|fingerprint|empreinte|signing|sign[ée]|jwk|kid")
# A command-line option naming a key, a token or a secret, then its value after a space or "=":
# `kubeadm join --token X`, `--api-key X`, `-client-secret=X` (the option's last word names it).
_KEY_OPTION = re.compile(
    r"(?<![\w\-])--?(?P<name>(?:[a-z0-9]{1,15}-){0,3}(?:token|secret|api-?key|apikey|access-?key|auth-?key|key))"
    r"(?:=|\s+)(?P<q>['\"]?)(?P<value>[A-Za-z0-9+/_.~=:\-]{8,4096})"
)
# A vendor's command that logs in with a key given as its argument: `wandb login X`, `neptune login X`,
# `huggingface-cli login X`, `<tool> auth login --with-token X` (a generated value: `docker login registry.acme.lan` names a host).
_LOGIN_COMMAND = re.compile(
    r"(?<![\w\-/])[a-z][\w.\-]{1,30}(?:\s+auth)?\s+login(?:\s+--?[a-z][\w\-]{0,30}){0,3}?\s+(?P<q>['\"]?)(?P<value>[A-Za-z0-9_\-.=+/:]{20,512})"
)
# A code said to give access to a shared space, a board or a meeting ("l'accès se fait avec ce code : X",
# "join with code X", "pour rejoindre le tableau, code X"): a generated value only (a promo code is a word).
_ACCESS_CODE = re.compile(
    r"(?i)(?<![\w\-])(?:acc[eè]s|access|rejoindre|join|entrer|enter|ouvrir|open|unlock)(?![\w\-])[^.!?\n]{0,40}?(?<![\w\-])(?:pass)?codes?"
    r"(?:\s*[:=]|\s+(?:est|is|c['’]est))?\s*(?P<q>['\"«“`]?)\s*(?P<value>[A-Za-z0-9_\-]{10,64})(?![\w\-])"
)
# What says a code is no access code: a promo, discount or postal code, a QR or source code (read by `presented` too).
# (one list for every finder that reads a code: a promo, postal, colour, error, status, product or tax code; a short word
# whole, so that "private" holds no "vat" nor "tapez" an "ape")
NOT_AN_ACCESS_CODE = re.compile(
    r"(?i)(?<![a-zà-ÿ])(?:promo|r[ée]duc|remise|discount|coupon|voucher|bon\s+d|source|postal|pays|country|couleur|colou?r|erreur|error|"
    r"status|statut|exit|http|produit|product|article|cadeau|gift)|(?<![a-zà-ÿ])(?:tva|vat|naf|ape|iban|bic|swift|off|qr|zip)(?![a-zà-ÿ])|%"
)
# A lock said to open with a code, the lock named before it in the sentence: "le coffre s'ouvre avec 19-44-07",
# "the server room door opens with 7C4-19B-D2 on the keypad", "le cadenas se déverrouille avec 4471".
_OPENS_WITH = re.compile(
    r"(?i)(?<![\w\-])(?:s['’]ouvr\w{0,4}|ouvr\w{0,4}|opens?|opened|unlock\w{0,3}|(?:se\s+)?d[ée]verrouill\w{0,4})\s+"
    r"(?:(?:only\s+|now\s+|uniquement\s+|seulement\s+|maintenant\s+|d[ée]sormais\s+)?(?:with|avec|using|par)\s+)"
    r"(?:(?:le|la|the|a|un|une|this|ce|cette)\s+)?(?:(?:new|nouveau|nouvelle)\s+)?"
    # (or a phrase said aloud, in quotes: « s'ouvre avec la phrase « la vache rousse mange du foin » »)
    r"(?:(?:code|combinaison|combination|pin)\s+|(?P<spoken>phrase|sentence|words|mots|formule|passphrase)\s*:?\s*(?=[\"'«“`‘]))?" + _VALUE
)
# ... or said to take the code: "the keypad on the dock takes 7291#", « le digicode prend 4471B ».
_TAKES_CODE = re.compile(
    r"(?i)(?<![\w\-])(?:takes|accepts|prend|accepte)\s+(?:(?:only|now|uniquement|seulement|maintenant|d[ée]sormais)\s+)?"
    r"(?:(?:le|the|a|un|this|ce)\s+)?(?:(?:new|nouveau)\s+)?(?:(?:code|combinaison|combination|pin)\s+)?" + _VALUE
)
_LOCK = re.compile(
    r"(?i)(?<![\w\-])(?:doors?|portes?|portails?|gates?|coffres?(?:-forts?)?|safes?|vaults?|cadenas|padlocks?|locks?|serrures?|casiers?|lockers?|"
    r"armoires?|cabinets?|lockbox|bo[iî]tes?\s+[àa]\s+cl[ée]s?|keypad|digicode|salles?|rooms?|locaux|local|entr[ée]es?|entrance)(?![\w\-])"
)
# A device that opens or unlocks with a code, then, within its clause, how the code is handed over and the code, no code
# word needed: « le boîtier d'alarme de la réserve : 5082 puis OFF », "the keypad at the dock takes 4471#", « le cadenas
# du local vélo c'est 0-8-2-5 », « la photocopieuse du 2e demande 2468 », "the key box by the gate: 3917".
_DEVICE = (
    r"alarm(?:\s+panel)?s?|alarmes?|bo[iî]tiers?|centrales?\s+d['’]alarme|claviers?|digicodes?|interphones?|intercoms?|portails?|portes?|doors?|"
    r"gates?|barri[eè]res?|barriers?|coffres?(?:-forts?)?|safes?|vaults?|cadenas|padlocks?|serrures?|locks?|bo[iî]tes?\s+[àa]\s+cl[ée]s?|"
    r"key\s*(?:box|safe)(?:es)?|lockbox(?:es)?|casiers?|lockers?|vestiaires?|armoires?|cabinets?|keypads?|photocopieuses?|copieurs?|"
    r"(?:photo)?copiers?|imprimantes?|printers?|badgeuses?|buzzers?|(?:wi-?fi\s+)?(?:box|routeur|router)(?:\s+(?:label|sticker))?|livebox|freebox|bbox|"
    r"[ée]tiquettes?\s+(?:de\s+la\s+|du\s+)(?:box|routeur|borne)"
)
# A code typed on a lock or a device: "punch 5512# at the front door keypad", "tapez 4471 sur le digicode" (the devices
# above, and an alarm's panel).
_LOCK_NOUN = r"(?:" + _DEVICE + r"|panels?)"
_TYPED_ON_LOCK = re.compile(
    r"(?i)(?<![\w\-])(?:punch(?:\s+in)?|type|key\s+in|enter|use|dial|tape[sz]?|entre[sz]?|compose[sz]?|saisi(?:s|ssez)?)\s+"
    r"(?:(?:le|the)\s+)?(?:code\s+)?(?P<code>[0-9A-Z#*][0-9A-Z#*\-]{3,11})(?![\w\-])\s+(?:at|on|into|in|sur|[àa]|au|dans)\s+"
    r"(?:(?:the|le|la|l['’])\s*)?(?:[\w\-]+\s+){0,2}?" + _LOCK_NOUN + r"(?![\w\-])"
)
# A code typed, then what it does: it opens ("just punch 4471 then # and it opens", « tapez 2291 et ça s'ouvre », "enter 8080*
# to unlock"). The lock may be named in an earlier sentence: the opening says what the code is.
_TYPED_THEN_OPENS = re.compile(
    r"(?i)(?<![\w\-])(?:punch(?:\s+in)?|type|key\s+in|enter|dial|tape[sz]?|entre[sz]?|compose[sz]?|saisi(?:s|ssez)?)\s+"
    r"(?:(?:le|the)\s+)?(?:code\s+)?(?P<code>[0-9A-Z#*][0-9A-Z#*\-]{3,11})(?![\w\-])"
    r"(?:\s+(?:then|puis|and|et|\+)\s+(?:the\s+|la\s+|le\s+)?(?:#|\*|hash|pound|star|di[èe]se|[ée]toile|ok|enter|entr[ée]e)(?:\s+key|\s+touche)?)?"
    r"\s*,?\s+(?:and|et|to|pour|so|alors)\s+(?:(?:it|[çc]a|the\s+door|the\s+gate|la\s+porte|le\s+portail)\s+)?"
    r"(?:opens|unlocks|open|unlock|s['’]ouvre|se\s+d[ée]verrouille|ouvrir|d[ée]verrouiller|ouvre)(?![\w\-])"
)
# A lock, then its code after a colon: "Alarme : 4471", "door: 4471B" (not a year: "Porte : 2027").
# ... or in parentheses after it: "the same as the server room door (0907)", « le cadenas (4471) ».
_LOCK_COLON = re.compile(
    r"(?i)(?<![\w\-])" + _LOCK_NOUN + r"(?:\s+(?:code|pin))?\s*(?:(?::|=|" + _ARROW + r")\s*(?P<code>[0-9A-Z#*][0-9A-Z#*\-]{3,11})(?![\w\-])"
    r"|\(\s*(?P<bracketed>[0-9A-Z#*][0-9A-Z#*\-]{3,11})\s*\))"
)
_DEVICE_HANDS_OVER = re.compile(
    r"(?i)(?<![\w\-])(?P<device>" + _DEVICE + r")(?![\w\-])(?P<words>(?:[ \t]+[^\s:=.!?;,]{1,25}){0,8}?)"
    # (the verbs before "is": "is set to 0825" is not "is" and "set")
    r"(?:[ \t]*(?::|=|" + _ARROW + r")|[ \t]+(?:takes|accepts|wants|needs|asks\s+for|requires|prend|accepte|"
    r"demande|veut|exige|says|reads|shows|indique|affiche|(?:is\s+)?set\s+to|(?:est\s+)?r[ée]gl[ée]e?\s+sur|"
    r"(?:s['’]ouvre|se\s+d[ée]verrouille|se\s+d[ée]sactive|s['’]active|se\s+d[ée]sarme|s['’]arme|se\s+coupe|s['’]arr[êe]te|se\s+met\s+en\s+(?:route|marche)|"
    r"opens|unlocks|disarms|arms|(?:turns|switches)\s+(?:off|on)|(?:is|gets)\s+(?:disarmed|armed|(?:turned|switched)\s+(?:off|on)))"
    r"\s+(?:avec|sur|with|on|using|en\s+tapant|by\s+(?:typing|entering)))"
    r"|,?[ \t]+(?:c['’]est|it['’]s|is|est|=))"
    r"(?:[ \t]+(?:toujours|maintenant|d[ée]sormais|now|still|always))?(?:[ \t]+(?:le|la|the|a|un))?(?:[ \t]+(?:code|combinaison|combination|pin))?"
    + _VALUE
)
# A code set or changed to a value: its change verb after the code ("the keypad code was changed to 0731", « le code du
# portail est passé à 4821 ») or before it ("whoever changed the keypad code to 0731": `_CHANGED_BEFORE`, checked apart).
_CHANGE_VERBS = (
    r"set|changed|reset|updated|switched|moved|reprogrammed|pass[ée]e?|chang[ée]e?|modifi[ée]e?|r[ée]initialis[ée]e?|remise?|mise?|"
    r"reprogramm[ée]e?"
)
_ASSIGNED_TO = (
    r",?[ \t]+(?:(?:(?:is|was|has\s+been|have\s+been|got|gets|est|a\s+[ée]t[ée]|a)[ \t]+)?(?:(?:now|just|finally|enfin|maintenant)[ \t]+)?"
    r"(?:" + _CHANGE_VERBS + r")[ \t]+)?(?:to|en|[àa]|pour|sur)[ \t]+"
)
_CHANGED_BEFORE = re.compile(r"(?i)(?<![\w\-])(?:" + _CHANGE_VERBS + r"|changer?|changing|setting|resetting)(?![\w\-])[^.!?\n]{0,30}$")
_CHANGE_VERB = re.compile(r"(?i)(?<![\w\-])(?:" + _CHANGE_VERBS + r")(?![\w\-])")
# A code word and what it opens, in either order, then the code with or without a connector: "code porte 4471", « PIN du
# terminal 4410 », "badge code 2210", "the building entry code 1290B", "tablet PIN 9021" (no room, office or floor: their
# numbers follow those nouns, « code de la salle 2205 »). Devices here need the code word (a phone's or a badge's number is
# no code); those of `_DEVICE` hand a code over without it.
_CODE_DEVICE = (
    _DEVICE + r"|badges?|terminals?|t[ée]l[ée]phones?|phones?|smartphones?|portables?|tablettes?|tablets?|laptops?|ordinateurs?|"
    r"sim|cartes?\s+sim|sim\s+cards?|devices?|appareils?|buildings?|immeubles?|b[âa]timents?|entr[ée]es?|entry|entrances?|parkings?|garages?|"
    r"ascenseurs?|elevators?|lifts?"
)
_CODE_FOR_DEVICE = re.compile(
    r"(?i)(?<![\w\-])(?:(?:codes?|pin|digicode)(?:\s+(?:d['’]\s*acc[eè]s\s+)?(?:du|de\s+la|de\s+l['’]|d['’]|de|des|of\s+the|of|for\s+the|for|"
    r"to\s+the|pour\s+(?:la|le|l['’]|les))(?=[\s'’]))?\s*(?:[a-zà-ÿ\-]{2,15}\s+)?(?:" + _CODE_DEVICE + r")"
    # (the device's complement: « PIN du terminal de paiement 4410 », "code of the gate of the depot 2290")
    r"(?:\s+(?:de|du|des|d['’]|of|for)\s*(?:la\s+|l['’]\s*|the\s+)?[a-zà-ÿ\-]{2,15}(?![\w\-]))?"
    r"|(?:" + _CODE_DEVICE + r")(?:['’]s)?(?:\s+[a-zà-ÿ\-]{2,15})?\s+(?:codes?|pin)(?:\s+codes?)?)(?![\w\-])"
    r"(?:[ \t]*(?::|=|" + _ARROW + r")[ \t]*|,?[ \t]+(?:is|est|c['’]est|it['’]s)[ \t]+|(?P<assigned>" + _ASSIGNED_TO + r")|[ \t]+)"
    r"(?:(?:now|still|maintenant|toujours|d[ée]sormais)[ \t]+)?(?P<code>[0-9A-Z#*][0-9A-Z#*\-]{3,11})(?![\w\-]|[.,]\d)"
)
# ... or the code first, then what it opens: "code 4471 pour la porte de derrière", "PIN 3697 for the on-call phone", "the code
# 5512 opens the back door".
_CODE_THEN_DEVICE = re.compile(
    r"(?i)(?<![\w\-])(?:codes?|pin|digicode)[ \t]*:?[ \t]*(?P<code>[0-9A-Z#*][0-9A-Z#*\-]{3,11})(?![\w\-]|[.,]\d)[ \t,]*"
    r"(?:pour|for|on|sur|to|de|du|d['’]|of|at|[àa]|au|ouvre|opens|unlocks|d[ée]verrouille|d[ée]sactive|disarms)[ \t]+"
    r"(?:(?:la|le|les|l['’]|the|a|un|une|our|notre|votre|your)[ \t]*)?(?:[\w\-]{2,15}[ \t]+){0,2}?(?:" + _CODE_DEVICE + r")(?![\w\-])"
    # (the device ends the phrase or a complement follows: not "the phone bill", "the printer's tray")
    r"(?=[ \t]*(?:$|[.,;:!?)\n]|(?:de|du|des|d['’]|of|at|in|[àa]|au|dans|sur|on|to|and|et|puis|then|svp|please)(?![\w\-])))"
)
# A device named, then the instruction to type the code on it, in the same sentence: « Pour l'alarme, tapez 1357 puis OFF »,
# "at the gate, punch in 2290#" (only devices that open with a code: a phone's number is dialled too).
_DEVICE_THEN_TYPE = re.compile(
    r"(?i)(?<![\w\-])(?:" + _DEVICE + r")(?![\w\-])[^.!?\n]{0,40}?(?<![\w\-])(?:tapez|tape|entrez|saisissez|type|enter|punch(?:\s+in)?|key\s+in)"
    r"[ \t]+(?:(?:le|the)[ \t]+)?(?:(?:code|pin)[ \t]+)?(?P<code>[0-9A-Z#*][0-9A-Z#*\-]{3,11})(?![\w\-]|[.,]\d)"
)
# A device named, then in the same sentence its code word and the code: « le téléphone est dans le tiroir du haut, code PIN
# 2580 », "the on-call laptop is in the safe drawer, PIN 4410" (the devices a code is asked by: `_CODE_DEVICE`).
_DEVICE_THEN_CODE = re.compile(
    r"(?i)(?<![\w\-])(?:" + _CODE_DEVICE + r")(?![\w\-])[^.!?\n]{0,60}?(?<![\w\-])(?:code\s+pin|pin(?:\s+code)?|digicode|passcode|code)"
    r"[ \t]*(?::|=|,?[ \t]+(?:is|est|c['’]est))?[ \t]*(?P<code>[0-9A-Z#*][0-9A-Z#*\-]{3,11})(?![\w\-]|[.,]\d)"
)
_CODE_MEANING = re.compile(r"(?i)(?<![\w\-])(?:means|meaning|signifie|veut\s+dire|indicates|indique|battery|batterie|pile)(?![\w\-])")
_CODE_FOR_DEVICE_CUES = (" code", " pin", " digicode", "-code", "-pin")  # (read on `_word_starts`)
_TYPE_CUES = (" tape", " entre", " saisi", " type", " enter", " punch", " key in")
# What names a number that is no code, between the device and the number: the thing's number, price, size, model,
# time or setting ("Locker number: 5512", "le prix du coffre : 1450", "the alarm clock is set to 0630"). (A room or a floor there is where the device is: "the alarm
# panel in the archive room: 8153".)
_NOT_A_DEVICE_CODE = re.compile(
    r"(?i)(?<![\w\-])(?:n[°o]|num[ée]ros?|numbers?|no\.|#|mod[èe]les?|models?|r[ée]f(?:[ée]rence)?s?|s[ée]ries?|serial|tickets?|commandes?|orders?|"
    r"prix|price|co[ûu]te?|costs?|capacit[ée]|size|taille|dimensions?|poids|weight|ann[ée]es?|years?|depuis|since|until|jusqu|heures?|hours?|"
    r"ip|version|clocks?|r[ée]veils?|horloges?|minuteurs?|timers?|thermostats?|temp[ée]ratures?|volume)(?![\w\-])"
)
# A unit or a count after the number: a price, a length, a duration, a quantity.
_UNIT_AFTER = re.compile(
    r"(?i)[ \t]*(?:€|\$|£|%|eur(?:os?)?|dollars?|h(?:eures?)?|hours?|min(?:utes?)?|s(?:ec)?|jours?|days?|ans|years?|pages?|copies|mm|cm|m|km|kg|g|"
    r"mètres?|meters?|feet|ft|dpi|ppm|w|watts?|v|volts?|mah|go|gb|mo|mb|to|tb|[kmg]bps|[kmg]b/s|[kmg]hz|personnes|people|fois|times|x|pcs|"
    r"pi[èe]ces|unit[ée]s?|units?)(?![\w\-])"
)

# "code" alone, its value, and a lock named in the sentence: "Le code, c'est 5829 pour la porte de derrière".
_CODE_IS = re.compile(
    r"(?i)(?<![\w\-])code(?:\s*,)?\s*(?::|=|c['’]est|est|is|['’]s)\s*(?:(?:le|the)\s+)?(?P<code>[0-9A-Z#*][0-9A-Z#*\-]{3,11})(?![\w\-])"
)
# A wallet's recovery (seed) phrase: 12 to 24 lowercase words of 3 to 8 letters (BIP-39's), after the words naming it.
_SEED_PHRASE = re.compile(
    r"(?i)(?<![\w\-])(?:(?:recovery|seed|mnemonic|backup|secret)\s+(?:phrase|words)|phrases?\s+(?:de\s+)?(?:r[ée]cup[ée]ration|secr[eè]te|mn[ée]monique)|"
    r"mots\s+de\s+r[ée]cup[ée]ration|mn[ée]moni(?:c|que))(?![\w\-])[^.!?\n]{0,80}?[\s:=→>]"
    r"(?P<phrase>[a-z]{3,8}(?:[ \t]+[a-z]{3,8}){11,29})(?![\w\-])"
)
_SEED_LENGTHS = (24, 21, 18, 15, 12)
_FUNCTION_WORDS = frozenset(
    "the and you your with that this for are not was have from les des pour que qui est une dans sur pas vous nous avec".split()
)
# The small words of a phrase (a place, a compound adjective), which words drawn for a passphrase are not.
_PHRASE_WORDS = _FUNCTION_WORDS | frozenset(
    "on in at of to by an a or under behind near inside de du la le et ou un au aux sur sous derrière devant près chez".split()
)
# Network equipment configuration (IOS, NX-OS, Aruba, FortiOS...): a configuration command, its words, then the
# secret's keyword, an optional type (0: in clear; 5, 8, 9: hashed, left alone; 7: reversible) and the value:
# "username netops privilege 15 secret 0 X", "snmp-server community X RW", "key-string X", "pre-shared-key X".
_DEVICE_CONFIG = re.compile(
    r"(?m)^[ \t]*(?:username|enable|snmp-server|tacacs-server|radius-server|key|key-string|set|ppp|neighbor|crypto|ntp|aaa|user|"
    r"authentication-key|ip|server|host|tunnel|interface|wlan|ssid|local-user|system|config)[ \t]+"
    r"(?:[a-z0-9][\w\-.]{0,40}[ \t]+){0,7}?(?P<word>secret|password|community|key-string|pre-shared-key|psk|wpa-psk)"
    r"[ \t]+(?:(?P<type>[0-9])[ \t]+)?(?P<value>[^\s\"'`]{4,128})(?:[ \t]+[^\n]{0,40})?$"
)
# Words naming a public identifier (`vocabulary`), as words: "commit 3f9c...", "order_id: ...".
IDENTIFIER_WORDS = re.compile(r"(?i)\b(?:" + PUBLIC_IDENTIFIER_WORDS + r")\b")

# A preposition (and an article) before a word: the word is a complement of the noun before it.
COMPLEMENT_BEFORE = re.compile(
    r"(?i)(?<![\w\-])(?:de|du|des|d['’]|pour|for|of|from)\s*(?:(?:la|le|les|l['’]|the|our|your|nos|vos|notre|votre|ces|these|this)\s*)?"
    r"(?:[\w\-]{1,20}\s+)?$"
)


# A negation before a word: the word says what the value is not ("not the public one", « pas la publique »).
NEGATED_BEFORE = re.compile(
    r"(?i)(?<![\w\-])(?:not|never|pas|non|jamais|isn['’]t)\s+(?:(?:the|a|an|la|le|les|l['’]|une?|du|de|d['’])\s*)?$"
)


def names_an_identifier(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], the words after a credential word, name an identifier: an identifier word
    there that is not a complement ("token id: X", "key fingerprint: X"); "le jeton API ... des factures : X"
    and "the token for the orders sync: X" name a token (the head noun comes first); "clé privée (pas la
    publique) : X" names a private key (the identifier word negated)."""
    return any(
        COMPLEMENT_BEFORE.search(text, max(start, m.start() - 40), m.start()) is None
        and NEGATED_BEFORE.search(text, max(start, m.start() - 20), m.start()) is None
        for m in IDENTIFIER_WORDS.finditer(text, start, end)
    )


# The gap or connector says the value is an example, a statistic or a rule, not a secret.
_NOT_A_DISCLOSURE = re.compile(
    # Whole words ("bonus" is not "bon", "fortune" not "fort", "sur" not "sûr"), then word stems.
    # ("coffre-fort" is a safe, not "fort": a word inside a hyphenated compound is not the word)
    r"(?i)(?<![\w\-])(?:(?:exemples?|examples?|e\.g|ex|type|comme|like|such|pire|worst|"
    r"most\s+(?:common|used|popular)|weakest|popular|fort|forts|strong|bons|good|"
    # ("bon" judging a password, not "bon" conceding: « je ne donne pas mon mdp… bon allez si : X », « bon ok : X »)
    r"bon(?!\s*[,…!]?\s*(?:allez|ok|okay|d['’]accord|alors|bref|ben|bah|ça\s+va|tant\s+pis|si)(?![\w\-]))|id[ée]al|ideal|robuste|sûrs?|safe|"
    r"doit|doivent|must|should|devrait|minimum|format|policy|politique|r[èe]gles?|rules?|length|longueur|requirements?|"
    # (not a council: « la salle du conseil », « le conseil municipal »)
    r"guidelines?|tips|advice|(?<!du\s)(?<!de\s)(?<!au\s)conseils?(?!\s+(?:municipal|d['’]administration|r[ée]gional|g[ée]n[ée]ral|de\s+surveillance))|"
    r"recommandations?|recommendations?|"
    r"hashed|encrypted|stored|expire|forgot|forgotten|reset)(?![\w\-])"
    r"|(?:plus\s+(?:utilis|courant|fr[ée]quent|r[ée]pandu)|exigence|hash(?!tag)|chiffr|stock[ée]|expir|oubli|r[ée]initialis)\w*)"
)
# A refusal taken back between the password word and the value: « je ne vous donne pas mon mdp… bon allez si : X »,
# "not sharing my pwd lol… ok fine: X" (the negation before the word then no longer holds).
_CONCEDED = re.compile(
    r"(?i)(?<![\w\-])(?:allez\s+si|bon\s*,?\s*(?:allez|ok|okay|d['’]accord|ben|tant\s+pis)|ok(?:ay)?\s*,?\s*fine|fine\s*,?\s*(?:ok(?:ay)?|here)|"
    r"oh\s+well|alright\s+alright|oh\s+allez)(?![\w\-])"
)
# A comparison before a credential word: "basically a password", « c'est comme un mot de passe », "sort of a PIN".
_COMPARED_BEFORE = re.compile(
    r"(?i)(?<![\w\-])(?:basically|practically|essentially|virtually|pretty\s+much|like|kind\s+of|sort\s+of|as\s+good\s+as|comme|"
    r"pratiquement|quasiment|presque|genre|sorte\s+d[e'’]|esp[èe]ce\s+d[e'’])\s*(?:a|an|un|une|my|mon|ma)?\s+$"
)
_RESET_TO = re.compile(r"(?i)(?<![\w\-])(?:reset\s+to|r[ée]initialis[ée]e?\s+(?:[àa]|en))")
# "key", "clé", "code" alone are common words; after a wifi network's name they announce its password
# ("Guest network: ACME-GUEST — key: X", "Wifi Acme-Invités, clé : X").
_NETWORK_KEY = re.compile(
    r"(?i)(?<![\w\-])(?:wi-?fi|r[ée]seau|network|ssid)\b[^.!?\n]{0,50}?(?<![\w\-])(?:key|cl[ée]f?|code|pass)(?P<connector>\s*(?:[:=]|" + _ARROW + r"|\bis\b|\best\b)|,?\s*(?:c['’]est|it['’]s|it\s+is)(?![\w\-]))?"
    + _VALUE
)
# "clé", "key", "code" alone, then "c'est", "is" or ":" and a value shaped as only a chosen password is (both cases,
# a digit and a symbol, 8+ characters): "la clé c'est Cerisier$Brest29", "the code is Hx7!kP2mQz". A word, a slogan
# or a promo code ("BIENVENUE20", "SUMMER-2026") has no such shape.
_WEAK_NOUN_IS = re.compile(
    r"(?i)(?<![\w\-])(?:cl[ée]f?|key|code|combinaison|combination)(?P<words>(?:\s+[^\s.!?:=,;()]{1,20}){0,3}?)\s*,?\s*"
    r"(?:(?<![\w'’])(?:c['’]est|est|is|it['’]s)(?![\w'’])|:)" + _ADVERB + _VALUE
)
# A login said to be a phrase in quotes: "the kiosk login is literally 'purple monkey dishwasher 88'", « l'identifiant de
# connexion c'est "trois chats gris" ». A login alone names the user, but a user name holds no space: a quoted phrase of
# words given as the login is what one types to get in, a passphrase (a page's or a product's name is written in capitals:
# "the login page is 'Acme Self Service'").
_LOGIN_PHRASE = re.compile(
    r"(?i)(?<![\w\-])(?:logins?|log-in|sign-in|identifiants?)(?:\s+(?:de|du|des|d['’]|of|for|on|to|pour)\s*(?:la\s+|le\s+|l['’]\s*|the\s+|our\s+)?[\w\-]{2,20})?"
    r"(?P<connector>" + _CONNECTOR + r")" + _ADVERB
    + r"\s*(?P<quote>[\"'«“`‘])\s*(?P<quoted>[^\"'«»“”`’\n]{3,60}?)\s*[\"'»”`’]"
)
_LOGIN_PHRASE_CUES = ("login", "log-in", "sign-in", "identifiant")
_SENTENCE_PUNCTUATION = re.compile(r"[,.!?;:]")
# Codes listed after the words naming them (a colon or an arrow between): "Backup codes: dix3-mmqk  5dwq-j870",
# « Codes de secours : 9642 2695, 2183 9640 », or one per line below the colon.
_LISTED = re.compile(
    r"(?i)(?<![\w\-])(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])(?P<words>[^.!?\n:=→]{0,80}?)\s*(?::|=|" + _ARROW + r")[ \t]*"
)
# What separates a list's items when one of them is there (else single spaces do): "a, b", "a  b", "a | b", one per line.
_LIST_SEPARATOR = re.compile(r"[ \t]*(?:[,;|·•][ \t]*|\n[ \t]*|[ \t](?:et|and|ou|or)[ \t]+)|[ \t]{2,}")
# One item: groups of letters and digits joined by single spaces or dashes ("9642 2695", "dix3-mmqk", "A1B2C3D4").
_CODE_ITEM = re.compile(r"[0-9A-Za-z]{2,10}(?:[ \-][0-9A-Za-z]{2,10}){0,7}")
# A recovery key said with no connector, later in the sentence: "my drive recovery key in chat 😬 300190-695365-...".
_RECOVERY_LATER = re.compile(
    r"(?i)(?<![\w\-])(?:" + RECOVERY_WORDS + r")(?![\w\-])[^.!?\n]{0,80}?(?<![\w\-])(?P<value>[0-9A-Za-z]{4,8}(?:-[0-9A-Za-z]{4,8}){3,11})(?![\w\-])"
)
# "pin" and "code" alone are common words: only with a code-shaped value and a connector.
_WEAK_WORDS = frozenset({"pin", "code pin", "pin code"})
# Words announcing a door, alarm or wifi code: short codes ("4719B") are accepted after them.
_CODE_WORD = re.compile(r"(?i)code|digicode|pin|combina|combo|r[ée]cup[ée]ration|secours|recovery|backup")

# Config identifiers holding a secret: AWS_SECRET_ACCESS_KEY, db_password, "private_key_id", apiKey.
_CONFIG = re.compile(
    r"(?i)(?<![\w.\-])[\"'`]?(?P<name>[a-z0-9_.\-]{0,40}?(?:password|passwd|passphrase|pwd|(?<![a-z])pass(?![a-z])|mdp|motdepasse|mot_de_passe|"
    r"secret|token|jeton|api_?key|apikey|access_?key|private_?key(?:_id)?|client_?secret|credentials?|auth_?key|signing_?key|"
    r"encryption_?key|account_?key|shared_?access_?key|sas|(?<![\w.\-])key(?=\s*=[^=])|(?<![a-z])auth(?![a-z])|(?<![a-z])sig(?:nature)?(?![a-z])|"
    r"sess(?:ion)?_?(?:id|key)|sessid|jsessionid|(?<![a-z])sid(?![a-z])|(?<=[_.])key(?![a-z])|(?-i:(?<=[a-z])Key)(?![a-z]))[a-z0-9_.\-]{0,40})[\"'`]?\s*(?::=|=>|[:=])\s*"
    r"(?:(?P<quote>[\"'`])(?P<quoted>[^\"'`\n]{1,4096}?)[\"'`]|(?!(?i:[a-z][a-z0-9+.\-]{0,20})://)(?P<bare>[^\s\"'`;,&]{1,4096}))"
)
# A config variable said in prose: "la variable BOT_SECRET vaut X", "DB_PASSWORD is X", or given its
# value after a space as command lines do ("aws configure set aws_secret_access_key X"; then only a
# random-looking value). Only names written as code writes them (words joined by "_"); the name
# decides the family as in config.
_VARIABLE_SAID = re.compile(
    r"(?<![\w.\-$])(?P<name>[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+){1,6}|[a-z]{2,20}(?:[A-Z][a-z]{1,20}){0,2}(?:Key|Secret|Token))(?P<said>\s+(?:vaut|est|is|was|equals|contient|contains|(?:is\s+)?set\s+to)\s*:?)?\s+"
    r"(?:(?P<quote>[\"'`«“])\s*(?P<quoted>[^\"'`«»“”\n]{1,200}?)\s*[\"'`»”]|(?P<bare>[^\s\"'`«»“”]{1,512}))"
)
_ASSIGNMENT = re.compile(r"[A-Za-z_][\w.\-]*=")
_ASSIGNED_AFTER = re.compile(r"[ \t]*=(?!=)")  # a name given a value after it ("aws_secret_access_key = X")
_FILE_EXTENSION = re.compile(r"\.(?:pem|key|crt|cer|der|p12|pfx|json|ya?ml|txt|pub|asc|gpg|env|conf|cfg|ini)$", re.IGNORECASE)
# Config names of what describes or locates a secret, not the secret: SharedAccessKeyName, PUBLIC_KEY,
# secret_file, password_length, sort_key.
_DESCRIBING_NAME = re.compile(
    r"(?:public|publishable|primary|foreign|cache|sort|partition|idempot|dedup|fingerprint|account_?sid)"
    r"|(?:name|user|type|file|path|url|uri|length|len|size|policy|header|field|env|var|expires?|expiry|ttl|version|format|"
    r"prompt|hint|label|mode|rotation|algorithm|algo|min|max)$"
)
# Pairs: "identifiants : admin / X", "login marie pass Y", "user: root, pwd: X", "creds admin:X".
_PAIR = re.compile(
    r"(?i)(?<![\w\-])(?:identifiants?|credentials?|creds|login\s*/\s*(?:mdp|mot de passe|password|pwd|pass)|user\s*/\s*pass(?:word)?|"
    r"acc[eè]s|access|compte|account|session|vpn|wi-?fi|console|portail|portal|back-?office|tenant|logins?)(?![\w.\-])"
    r"(?:,?\s*(?:[:=]|" + _ARROW + r"|sont|are|c['’]est|est|is)?|(?:\s+[^\s:=/,;|]{1,20}(?![^\s:=/,;|])){1,6}?,?\s*(?:[:=]|" + _ARROW + r"|c['’]est|it['’]s|sont|are|est|is|c(?=\s)))\s*"
    # user, then the password after "/", "|", ",", a tight ":" ("admin:X"), a spaced dash, or "et"/"pass" words;
    # "compte Canva : X" is a label, not a pair
    r"(?P<user>[^\s/:,;|]{2,64})(?P<separator>,?\s+(?:et|and|mdp|pwd|pw|pass|password|mot de passe)\s*:?\s*|\s*(?:/|\||,)\s*|:(?!\s)|\s+[-–—]\s+|[ \t]*\n[ \t]*)"
    # (not the label of the second half of a key pair: "access X / secret Y")
    r"(?P<password>(?!(?:mdp|pwd|pw|pass|password|mot)(?![\w\-])|(?:secret|key|token|jeton|cl[ée])s?[ \t]*[:=]?[ \t]+[^\s,;]{8})[^\s,;]{3,128})"
    # ("u: admin p: X": the one-letter labels of a quick note, with their colons)
    r"|(?<![\w\-])(?:login|user(?:name)?|utilisateur|identifiant|username|u(?=\s*:))\s*[:=]?\s*(?P<user2>[^\s/:,;|]{2,64})(?![^\W_])\s*(?:,|/|\s+(?:et|and))?\s*"
    r"(?<![^\W\d_])(?:pass(?:word)?|pwd|mdp|mot de passe|pw|p(?=\s*:))\s*[:=]?\s*(?P<password2>[^\s,;]{3,128})"
)
# HTTP authentication: "Authorization: Basic dXNlcjpwYXNz", "Bearer abc.def", any other scheme
# ("Authorization: SSWS 00ab...", "ApiKey ...", "Key ..."), and key-carrying headers
# ("X-Api-Key: ...", "PRIVATE-TOKEN: ...", "Ocp-Apim-Subscription-Key: ...").
_AUTH_HEADER = re.compile(
    # (a value may be "<client id>:<secret>": the secret is the value)
    r"(?i)(?<![\w\-])(?:(?:proxy-)?authorization\s*[:=]\s*(?:[A-Za-z][\w\-]{0,20}\s+)?(?P<client>[\w.\-@]{1,64}:)?|(?:basic|bearer|token)\s+)"
    r"(?P<value>[A-Za-z0-9+/=_.~\-]{12,4096})"
    # (any header named "...-Key", quoted as code writes headers: {'X-Partner-Key': '...'})
    r"|(?<![\w\-])(?:x-)?[\w\-]{0,30}(?:api-?key|token|secret|subscription-key|auth-key|(?<=\w)-key)[\"']?\s*:\s*[\"']?(?P<header>[A-Za-z0-9+/=_.~\-]{12,4096})"
)
_BASIC_SCHEME = re.compile(r"(?i)(?<![\w\-])basic\s+$")
_FIELD_LABELS = frozenset(
    {"user", "username", "login", "utilisateur", "identifiant", "id", "email", "e-mail", "mail", "compte", "account",
     "mdp", "password", "pass", "pwd", "pw", "mot"}
)
# Passwords on command lines: mysql -pX, sshpass -p 'X', --password=X, -e POSTGRES_PASSWORD=X is config.
_COMMAND_LINE = re.compile(
    r"(?<![\w\-])(?:(?:mysql|mysqldump|mariadb|mysqladmin)\b[^\n]{0,80}?\s-p(?P<attached>[^\s'\"]{4,128})"
    r"|sshpass\s+-p\s*(?P<quote>['\"]?)(?P<sshpass>[^\s'\"]{4,128})"
    # any option naming a password, one dash or two: --password, --db-pass, -storepass, -keypass, -passwd
    r"|(?<=\s)--?(?:[a-z]{1,12}-?)?(?:password|passwd|passphrase|pass|pwd)(?:=|\s+)(?P<q2>['\"]?)(?P<long>[^\s'\"\-$][^\s'\"]{3,127})"
    # curl -u user:password, wget/httpie --user / -a user:password
    r"|(?:curl|wget|http|https)\b[^\n]{0,200}?\s(?:-u|--user|-a|--auth)(?:=|\s*)(?P<q3>['\"]?)(?P<basicuser>[^\s:'\"]{1,64}):(?P<userpass>[^\s'\"]{3,128})"
    # redis-cli -a X, mongosh -p X, sqlcmd -P X, ldapsearch -w X, zip/7z/unzip -P X, openssl -passin pass:X,
    # xfreerdp /p:X, smbclient -U user%X, net use \\share /user:DOMAIN\user X
    r"|(?:redis-cli\b[^\n]{0,80}?\s-a|mongo(?:sh|dump|restore|import|export)?\b[^\n]{0,80}?\s-p|sqlcmd\b[^\n]{0,80}?\s-P|"
    r"ldap(?:search|add|modify|delete|passwd)\b[^\n]{0,80}?\s-w|(?:zip|unzip|7z|7za|rar|unrar)\b[^\n]{0,80}?\s-[pP])\s*(?P<q4>['\"]?)(?P<tool>[^\s'\"\-][^\s'\"]{3,127})"
    r"|-pass(?:in|out)\s+pass:(?P<openssl>[^\s'\"]{4,128})|xfreerdp\b[^\n]{0,200}?\s/p:(?P<rdp>[^\s'\"]{3,128})"
    r"|smbclient\b[^\n]{0,200}?\s-U\s*['\"]?[^\s%'\"]{1,64}%(?P<smb>[^\s'\"]{3,128})"
    r"|net\s+use\b[^\n]{0,200}?\s/user:\S{1,80}\s+(?P<netuse>[^\s/][^\s]{3,127})"
    # SQL: CREATE USER x IDENTIFIED BY 'X'; htpasswd -b file user X; PowerShell's plain-text secure string
    r"|(?i:identified\s+by)\s+(?:password\s+)?['\"](?P<sql>[^'\"\s]{3,128})['\"]"
    r"|htpasswd\b[^\n]{0,40}?\s-[a-zA-Z]*b[a-zA-Z]*\s+\S+\s+\S+\s+(?P<htpasswd>[^\s'\"]{3,128})"
    r"|(?i:convertto-securestring\s+(?:-string\s+)?)['\"](?P<securestring>[^'\"\n]{3,128})['\"])"
)
# A user option and a password option on the same command line, whatever the tool ("docker login -u ci -p X",
# "az login -u me -p X", "mosquitto_pub -u s -P X"); a number after -p is a port.
_USER_OPTION = re.compile(r"(?<=\s)(?:-u|-U|--user(?:name)?|--login|-l)(?:\s+|=)['\"]?(?P<user>[^\s'\"\-$][^\s'\"]{0,63})")
_PASSWORD_OPTION = re.compile(r"(?<=\s)-[pP](?:\s+|=)?(?P<q>['\"]?)(?P<value>[^\s'\"\-$][^\s'\"]{2,127})")
_COMMAND_LINE_VALUES = ("attached", "sshpass", "long", "userpass", "tool", "openssl", "rdp", "smb", "netuse", "sql", "htpasswd", "securestring")
# Bundler's credentials for a private gem source, in an environment variable named after its host (dots written
# "__", dashes "___"): `BUNDLE_GEMS__ACME__COM=user:password`; the pair is the secret, as a docker config's auth is.
_BUNDLER_SOURCE = re.compile(
    r"(?<![\w])BUNDLE_(?P<host>(?:[A-Z0-9]+_{2,3})+[A-Z]{2,12})[\"']?[ \t]*[=:][ \t]*[\"']?"
    r"(?P<value>(?P<user>[^\s:\"'@$]{1,64}):(?P<password>[^\s\"'$]{3,128}))"
)
# A line of ~/.pgpass: hostname:port:database:username:password.
_PGPASS_LINE = re.compile(r"(?m)(?<![\w.\-])[\w.\-*]{1,253}:(?:\d{1,5}|\*):[\w.\-*]{1,63}:[\w.\-*@]{1,63}:(?P<password>[^\s:]{3,128})$")
# The string a wifi QR code holds: WIFI:T:WPA;S:<network>;P:<password>;; (";" escaped as "\;").
_WIFI_QR = re.compile(r"WIFI:(?:[A-Z]:(?:\\.|[^;\\\n]){0,64};){0,4}?P:(?P<password>(?:\\.|[^;\\\n]){1,63});")
# "wifi = X", "Wi-Fi → X": what is given for the wifi is its password when it is shaped like one.
# A wifi, a password or a code said to have changed, then its new value, in the same sentence or the next: "guest wifi got
# changed this morning, it's now tangerine-walrus-42", « le wifi invité a changé, c'est désormais Héron#2291 », "the gate
# code changed again. New one's 55902#", "someone reset the kiosk PIN. changed it to 551093" (not its name: "renamed, it's
# now Acme-Guest"). "it's" needs a change said before it; "the new one", "changed it to" say it themselves.
_CHANGED_THEN_NEW = re.compile(
    r"(?i)(?<![\w\-])(?P<noun>wi-?fi|codes?|pins?|" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])"
    r"(?P<words>[^!?\n]{0,100}?)(?<![\w\-])"
    r"(?:(?P<new>(?:changed|set|reset|updated|switched)\s+it\s+to|(?:je\s+l['’]ai|on\s+l['’]a|l['’]ai|il\s+a\s+[ée]t[ée]|elle\s+a\s+[ée]t[ée])\s+"
    r"(?:chang[ée]e?|mise?|pass[ée]e?|modifi[ée]e?)\s+(?:en|[àa])|(?:the\s+)?new\s+one(?:['’]s|\s+is)|(?:le\s+nouveau|la\s+nouvelle)\s*(?:c['’]est|est|:))"
    r"|it['’]s|it\s+is|c['’]est)(?![\w\-])" + _ADVERB + r"\s*:?" + _VALUE
)
_CHANGED = re.compile(
    r"(?i)(?<![\w\-])(?:changed|chang[ée]e?|updated|modifi[ée]e?|renouvel[ée]e?|reset|r[ée]initialis[ée]e?|rotated)(?![\w\-])"
)
_CHANGE_CUES = ("chang", "reset", "updat", "modifi", "renouvel", "initialis", "rotated", "new one", "nouveau", "nouvelle")
# (at most one sentence end between the noun and the value: "the gate code changed again. New one's X")
_SENTENCE_END = re.compile(r"[.…](?:\s|$)")
_WIFI_NAME_WORDS = re.compile(r"(?i)(?<![\w\-])(?:name[sd]?|renamed|nom|renomm[ée]e?|ssid|called|appel[ée]e?|s['’]appelle)(?![\w\-])")
_PASSPHRASE_WORD = re.compile(r"(?i)^(?:" + PASSPHRASE_WORDS + r")$")
_WIFI_ASSIGNED = re.compile(r"(?i)(?<![\w\-])wi-?fi(?:\s+[^\s:=→.!?]{1,20}){0,8}?\s*(?:[:=]|" + _ARROW + r")" + _VALUE)
# A symbol people add to a password ("PurpleRain!88"); network names use dashes ("Acme-Guest-5G").
_PASSWORD_SYMBOL = re.compile(r"[^\w\s\-.]")
# Passwords people write as they are: a pair naming them so is enough.
DEFAULT_PASSWORDS = frozenset(
    {"admin", "root", "toor", "guest", "invite", "invité", "password", "passw0rd", "motdepasse", "azerty", "qwerty", "letmein",
     "welcome", "bienvenue", "secret", "changeme", "changeit", "default", "test", "demo", "administrator", "administrateur", "user"}
)
# Cues without which no finder below can match, tested as substrings of the lowercased post
# (a regex alternation of fifty words scanned every position: ~0.2 ms per post, most posts having none).
# (each cue costs a scan of the post: none holds another, "pw" stands for "pwd", "acces" for "access", "cred" for
# "credentials" and "creds", "identifi" for "identifiant" and "identified")
_CUES = (
    "pass", "mdp", "pw", "psw", "pasw", "ssw", "psk", "🔑", "🔐", "🗝", "sésame", "sesame", "-p", "ldap", "/p:", "code", " pin",
    " clé", " cle", "key", "secret", "token", "jeton", "bearer", "basic", "auth", "cred", "identifi", "login", "user", "accès",
    "acces ", "access ", "access_", "access-", "access:", "access,", "accesskey", "accesstoken",
    "compte", "account", "session", "-u", "vpn", "interface", "mire", "écran", "prompt", " ui ", " gui", "page d", "formulaire", "wifi", "wi-fi", "console", "portail", "portal", "k-office", "koffice", "k office", "tenant",
    "combina", "combo", "admin", "root", "connect", "securestring", "snmp", "community string", "phrase secr",
    "kennwort", "contrase",  # (the vocabulary's German and Spanish words, which hold no other cue)
    "bundle_",  # (Bundler's gem source credentials, named after their host: `_BUNDLER_SOURCE`)
)
# Read on the post with a space before it and for its brackets, quotes and line breaks (`_word_starts`), so that a word's
# start is a cue: " cle" (not "article"), " clé" (not "recyclés"), " pin" (not "shipping"); "access " (not "accessibility"),
# "k-office" (back-office, not Office). Names that only config gives
# (sas, sig, sess, sid: "designed", "subsidiary") are cues when an assignment follows them (`_config_may_match`).
_NAME_ONLY_CUES = ("sas", "sig", "sess", "sid")


def _word_starts(lowered: str) -> str:
    """The post with a space before it and for what often stands before a word (a line break, a bracket, a quote, an
    apostrophe): each cue that starts with a space then starts a word. (str.replace: ~40x cheaper than str.translate.)"""
    return " " + lowered.replace("\n", " ").replace("(", " ").replace("'", " ").replace("’", " ").replace('"', " ").replace("«", " ")
_KEY_CUES = ("key", "secret", "token", "clé", "cle ", "clef", "jeton")  # see `_KEY_THEN_VALUE` ("cle" alone: "article", "cycle")
_ROLE_CUES = ("admin", "root", "superuser", "sysadmin", "sa:", "postgres", "oracle", "ubnt", "pi:", "operator")  # see `_ROLE_PAIR`
# Logging in, however the verb is inflected: "log in", "logged in", "logging into", "signed in", "logs on".
_LOGGING_IN = r"log(?:ged|ging)?\s*(?:in(?:to)?|on)|logs\s+in(?:to)?|sign(?:s|ed|ing)?\s+(?:in(?:to)?|on)"
_SPACED_CUES = re.compile(_LOGGING_IN + r"|-a\b")  # the cues above cannot say "log in" with any space
# Words a config name holds (see `_CONFIG`), and what must follow the rest of the name: an assignment.
_CONFIG_CUES = ("pass", "pwd", "mdp", "mot_de_passe", "secret", "token", "jeton", "key", "credential", "sas", "auth", "sig", "sess", "sid")
_REST_OF_NAME = re.compile(r"[a-z0-9_.\-]*[\"'`]?\s*[:=]")
# Words every authorization header or key-carrying header holds (see `_AUTH_HEADER`).
_HEADER_CUES = ("auth", "basic", "bearer", "token", "key", "secret")


def _config_may_match(lowered: str, cues: tuple[str, ...] = _CONFIG_CUES) -> bool:
    """Whether `_CONFIG` can match: a config word (one of `cues`) followed, past the rest of its name, by ":" or "="."""
    if ":" not in lowered and "=" not in lowered:
        return False
    for cue in cues:
        position = lowered.find(cue)
        while position >= 0:
            if _REST_OF_NAME.match(lowered, position + len(cue)):
                return True
            position = lowered.find(cue, position + 1)
    return False


_TRAILING = ".,;:)]}>»”’\"'"
_NEXT_PAIR = re.compile(r"[;&,][A-Za-z_][\w ]{0,30}=")  # (mount options: "password=X,vers=3.0")
# "user / password" or "user:password" anywhere in a sentence that speaks of logging in: "(admin / Site#Admin26)",
# "use admin/Adm1n!2026 to log in". Only a strongly shaped password (see `_SLASH_PAIR_CONTEXT`).
_SLASH_PAIR = re.compile(r"(?<![\w\-./@#:])(?P<user>[A-Za-z][\w.\-@]{1,40})(?:\s*/\s*|(?P<colon>:))(?P<password>[^\s/,;:()]{6,128})")
# A privileged account joined to its password by a colon, no word needed: "admin:Hx7!kP2mQz sur le NAS".
_ROLE_ACCOUNTS = r"admin(?:istrat(?:or|eur))?|root|superuser|sysadmin|sa|postgres|oracle|ubnt|pi|operator"
_ROLE_PAIR = re.compile(r"(?i)(?<![\w\-./@#:])(?:" + _ROLE_ACCOUNTS + r"):(?P<password>[^\s/,;:()\"'`]{8,128})(?!:)")
# A privileged account's pair said to still open a machine, however plain (a vendor's default left in place is a way in, where
# the same pair said to be the default is the docs'): "the iDRAC still answers to root/calvin", « le switch accepte
# toujours admin/admin », "the NAS still logs in with admin:changeme".
_PAIR_STILL_WORKS = re.compile(
    r"(?i)(?<![\w\-])(?:(?:still|toujours|encore)\s+(?:[^\s.!?;:]{1,20}\s+){0,2}?(?:answers?\s+to|accepts?|takes?|opens?\s+with|(?:" + _LOGGING_IN + r")\s+with|"
    r"works?\s+with|lets?\s+(?:you|me|us|anyone)\s+in\s+with|r[ée]pond\s+(?:[àa]|avec)|accepte|prend|s['’]ouvre\s+avec|marche\s+avec|fonctionne\s+avec)|"
    r"(?:answers?\s+to|accepts?|r[ée]pond\s+(?:[àa]|avec)|accepte)\s+(?:still|toujours|encore))\s+(?:[^\s/:.!?;,]{1,20}\s+){0,3}?"
    r"(?P<user>" + _ROLE_ACCOUNTS + r")\s*[/:]\s*(?P<password>[^\s/,;:()\"'`]{4,64})"
)
# A login screen asking for a pair, however plain: what it asks for is what opens it ("the NAS's web UI asks for admin /
# nas2024", « l'interface web demande admin / admin123 », « la mire de connexion attend root:toor »). Said as the
# default or as advice ("by default the UI asks for admin / admin, change it") it is the docs' (see `_DEFAULT_WORDS`).
_LOGIN_SCREEN_ASKS = re.compile(
    r"(?i)(?<![\w\-])(?:interface|ui|gui|page|portail|portal|console|[ée]cran|prompt|mire|form(?:ulaire)?)(?:\s+(?:web|de\s+connexion|"
    r"d['’]admin(?:istration)?|admin|login|d['’]accueil))?(?:\s+(?:of|du|de|d['’]|des)\s*(?:(?:la|le|l['’]|the|our|notre)\s*)?[\w\-]{1,20}){0,2}?"
    r"\s+(?:me\s+|nous\s+|vous\s+)?(?:demande|r[ée]clame|attend|asks?\s+for|wants|"
    r"prompts?\s+for|requires|expects)\s+(?:(?:le|la|les|l['’]|the|un|une|a|an)\s*)?(?:(?:login|identifiants?|credentials|couple|pair)\s*:?\s*)?"
    r"(?P<user>" + _ROLE_ACCOUNTS + r"|[A-Za-z][\w.\-@]{1,40})\s*[/:]\s*(?P<password>[^\s/,;:()\"'`]{4,64})"
)
_PAIRS_IN_USE = frozenset({"default-pair-still-works", "pair-a-login-screen-asks-for"})  # (a vendor's default pair, still opening)
_LOGIN_SCREEN_CUES = ("demand", "récla", "recla", "attend", "ask", "want", "prompt", "requir", "expect")
# What an account name looks like: a role ("admin", "demo"), or a login with a dot, underscore, dash, @ or digit.
_ACCOUNT_NAME = re.compile(
    r"^(?i:admin\w*|root|user\w*|demo\w*|test\w*|guest|invit[ée]s?|support|deploy\w*|svc\w*|service\w*|operator|"
    r"accueil|formation|stagiaire\w*|presse|kiosk\w*)$|^(?=.*[a-z])(?=.*[._@\d\-])[\w.\-@]+$"
)
# A login written as people make them ("jdupont", "mlefevre"): with a password mixing a digit and a symbol.
# What a "user:password" pair needs: a cheap scan before the pair's (a literal first: the engine looks for it fast).
_TIGHT_COLON = re.compile(r":(?<=[A-Za-z]:)[^\s/:]")
_LOGIN_NAME = re.compile(r"^[a-z]{3,20}$")
_CLAUSE_END = re.compile(r"\s*(?:$|[,.;:!?()\n—–]|\s-\s)")  # not "desktop / Mobile#1 layout"
_SLASH_PAIR_CONTEXT = re.compile(
    r"(?i)\b(?:comptes?|accounts?|logins?|" + _LOGGING_IN + r"|se\s+connecter|connexion|connectez|connecte(?:-toi|-vous)?|identifiants?|creds|credentials?|"
    r"acc[eè]s|access|admin|root|utilisateur|user(?:name)?|(?:basic\s+)?auth(?:entication|entification)?)\b"
)
# What one logs in to, as a word (not "vpn-lyon.corp..."): "for the guest VPN use stand-lyon / X", "Wifi salle B : AcmeMeet / X".
_LOGIN_PLACES = re.compile(
    r"(?i)(?<![\w\-.])(?:vpn|wi-?fi|nas|extranet|intranet|portail|portal|console|back-?office|tenant|mailbox|messagerie|ftp|sftp|ssh|rdp)(?![\w\-.])"
)
_LOGIN_PLACE_CUES = ("vpn", "wifi", "wi-fi", "nas", "extranet", "intranet", "portail", "portal", "console", "office", "tenant", "mailbox",
                     "messagerie", "ftp", "ssh", "rdp")
_LABELLED_VALUE = re.compile(r"(?i)(token|jeton|api[_\-]?key|key|secret)[:=]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
# Secrets in XML config (Maven settings.xml, app.config): <password>X</password>, <apiKey>X</apiKey>.
_XML_SECRET = re.compile(
    r"(?i)<(?P<name>[\w.\-:]{0,40}?(?:password|passwd|passphrase|secret|token|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key)[\w.\-]{0,40})>"
    r"\s*(?P<value>[^<\s]{1,4096})\s*</(?P=name)>"
)
# A setting given by a call or a subscript, its name quoted: define('AUTH_KEY', 'X') (WordPress, PHP),
# config.set("api_key", "X"), os.environ["DB_PASSWORD"] = "X", ENV['SECRET'] = 'X'.
_CALL_SETTING = re.compile(
    r"[(\[]\s*[\"'](?P<name>[A-Za-z][\w.\-]{1,60})[\"']\s*(?:,|\]\s*=)\s*(?P<quote>[\"'])(?P<value>[^\"'\n]{1,4096})(?P=quote)"
)



# ... in config: {"username": "token", "password": X}.
# A user and a password handed to a call that logs in: "PasswordAuthenticator('sync', 'X')", "HTTPBasicAuth('u', 'X')",
# "smtp.login('me@acme.fr', 'X')", "PlainCredentials('svc', 'X')", requests' "auth=('u', 'X')": basic credentials.
_LOGIN_CALL = re.compile(
    r"(?<![\w\-])(?P<name>(?:[A-Za-z_][\w.]{0,40}?)?(?i:auth(?:enticator)?|credentials?|login|password))[ \t]*(?:=[ \t]*)?\([ \t]*"
    r"(?P<q1>['\"])(?P<user>[^'\"\n]{1,64})(?P=q1)[ \t]*,[ \t]*(?P<q2>['\"])(?P<value>[^'\"\s]{4,128})(?P=q2)[ \t]*[),]"
)
# A login given, then later in its sentence the rest of the credentials, introduced as what it is: « l'identifiant est
# formation01, et pour le reste c'est le même que la dernière fois, à savoir X », "login is kiosk02, the rest is as
# before, namely X". Only a value mixing a symbol and a digit (no name, ticket or room number has both).
_LOGIN_THEN_REST = re.compile(
    r"(?i)(?<![\w\-])(?:identifiant|login|username|user\s+name|utilisateur|user)[ \t]*(?:est|is|:|=)[ \t]*(?P<user>[\w.\-@]{2,40})"
    r"(?P<words>[^.!?\n]{0,140}?)(?<![\w\-])(?:[àa]\s+savoir|namely|i\.e\.|soit|autrement\s+dit|in\s+other\s+words)[ \t]*:?" + _VALUE
)
# Logging in "with" a value, somewhere named or not between: "still logging into the VPN with X", « je me connecte au
# NAS avec X ». No word names it a password: only a value shaped as one (three classes, a digit: no product or plan's
# name, "with SSO", "with Okta", "with my badge") ending its clause.
_LOGGED_IN_WITH = re.compile(
    r"(?i)(?<![\w\-])(?:" + _LOGGING_IN + r"|(?:me|te|se|nous|vous)\s+connect(?:e|es|ent|ons|ez|er|ais|ait|é|ée)?)(?![\w\-])"
    r"(?P<words>[^.!?\n]{0,50}?)(?<![\w\-])(?:with|using|avec)\s+" + _VALUE
)
# What a chosen password holds and a product's name rarely does: four digits in a row (a year) or a symbol ("Fluffy2019",
# "Velvet#44"; not "Office365", "Windows11").
_CHOSEN_NOT_PRODUCT = re.compile(r"\d{4}|[^\w\s]")
_LOGIN_NEGATED = re.compile(r"(?i)(?<![\w\-])(?:never|not|don['’]t|jamais|pas|ne|n['’])(?![\w\-])")  # "ne vous connectez jamais avec X"
# The clause ends, a symbol, emoji or hashtag follows, or when it was used ("every morning", « depuis des mois »): not the
# rest of a name ("with Office365 accounts").
_NO_WORD_AFTER = re.compile(
    r"(?i)[ \t]*(?:$|[^\w \t]|(?:every|each|all|tous|toutes|chaque|depuis|since|for|pendant|today|tonight|yesterday|aujourd['’]hui|"
    r"hier|ce\s+matin|this\s+morning|again|encore|as\s+usual|comme\s+d['’]hab\w*)(?![\w\-]))"
)
# A password word, then how the password is made, then the password itself at the end of the description: "the pw is the
# name of our dog followed by 2024 and a bang, so X", « le mot de passe c'est « acme » puis l'année puis un dièse, donc X »,
# « le mdp est le prénom de ma fille avec 2019, X ». The description (`_COMPOSED_OF`) is what announces the value.
_COMPOSED_OF_WORDS = (
    r"followed\s+by|then|plus|with|and\s+then|suivie?\s+d[e'’]|puis|avec|et\s+(?:puis|ensuite)|\+|"
    r"(?:first\s+)?name\s+of|pr[ée]nom|nom\s+d[eu']|birth\s*(?:day|year|date)|ann[ée]e|year|date\s+de\s+naissance"
)
_COMPOSED_OF = re.compile(r"(?i)(?<![\w\-])(?:" + _COMPOSED_OF_WORDS + r")(?![\w\-])")
# (the first connector after a word of the description: « mot de passe de la box : le nom du chat suivi de 77, donc X »)
_DESCRIBED_THEN_GIVEN = re.compile(
    r"(?i)(?<![\w\-:/])(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])"
    r"(?P<words>[^.!?\n]{0,120}?(?<![\w\-])(?:" + _COMPOSED_OF_WORDS + r")(?![\w\-])[^.!?\n]{0,80}?)"
    r"(?:[,;:—–][ \t]*(?:(?:so|thus|hence|i\.e\.|that\s+is|which\s+(?:gives|makes)|donc|soit|ce\s+qui\s+(?:donne|fait)|[çc]a\s+(?:donne|fait))[ \t]*:?)?"
    r"|[ \t](?:so|thus|hence|donc|soit|[çc]a\s+donne|which\s+gives)[ \t]*:?)" + _VALUE
)
# A value assembled from parts the text quotes, then given whole: « c'est « acme » puis « Com » avec un C majuscule et
# l'année collée, donc acmeCom2026 », "it's 'blue' then 'Fox' and the year, so blueFox2026". The parts found again, in
# order, inside the value say it was spelled out for the reader; an account or a login named before says what for.
# (a quote, not an apostrophe: "it's 'blue'")
_QUOTED_PART = re.compile(r"(?<![^\W\d_])[«\"“'‘][ \t]*(?P<part>[^«»\"“”'‘’\n]{2,30}?)[ \t]*[»\"”'’](?![^\W\d_])")
_ASSEMBLED = re.compile(
    r"(?i)(?<![^\W\d_])[«\"“'‘][ \t]*[^«»\"“”'‘’\n]{2,30}?[ \t]*[»\"”'’](?![^\W\d_])(?P<between>[^.!?\n]{0,160}?)(?:[,;:—–][ \t]*|[ \t])"
    r"(?:so|thus|hence|donc|soit|ce\s+qui\s+donne|[çc]a\s+donne|which\s+gives|=>|→)[ \t]*:?[ \t]*(?P<value>[^\s,;!?«»\"“”()]{4,64})"
)
_QUOTE_MARKS = ("«", '"', "“", "'", "‘")
_ACCOUNT_BEFORE = re.compile(
    r"(?i)(?<![\w\-])(?:comptes?|accounts?|logins?|identifiants?|connexion|se\s+connecter|log\s*in|sign\s*in|acc[eè]s|access|sessions?|"
    + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])"
)
_ASSEMBLED_REACH = 160  # how far before the first quoted part the account may be named


def _assembled_from_quoted_parts(text: str) -> list[SecretCandidate]:
    out = []
    for m in _ASSEMBLED.finditer(text):
        value = m.group("value").rstrip(_TRAILING)
        parts = [q.group("part").casefold() for q in _QUOTED_PART.finditer(text, m.start(), m.start("between") + len(m.group("between")))]
        position, lowered = 0, value.casefold()
        for part in parts:
            position = lowered.find(part, position)
            if position < 0:
                break
            position += len(part)
        if len(parts) < 2 or position < 0 or not looks_like_password(value) or not _ACCOUNT_BEFORE.search(text, max(0, m.start() - _ASSEMBLED_REACH), m.start()) \
                or _EXAMPLE_SAID.search(text, max(0, m.start() - _ASSEMBLED_REACH), m.start()):
            continue
        out.append(SecretCandidate(m.start("value"), m.start("value") + len(value), "PASSWORD", "password-assembled-from-parts"))
    return out


# A symbol the description says the password ends with: a "!" closing it is the password's, not the sentence's.
_SYMBOL_SAID = re.compile(r"(?i)(?<![\w\-])(?:exclamation|bang|symbol|symbole|special\s+character|caract[èe]re\s+sp[ée]cial)")
# A password said to be no longer the one in use: « l'ancien mot de passe », "it expired", "we changed it since".
_NO_LONGER_IN_USE = re.compile(
    r"(?i)(?<![\w\-])(?:old|former|previous|used\s+to|was|expired?|changed|no\s+longer|ancien|ancienne|[ée]tait|expir[ée]e?|chang[ée]e?|"
    r"plus\s+valable|n['’]est\s+plus)(?![\w\-])"
)
# How to type a password given as words, said right after it: "all lowercase, no spaces", « tout attaché en minuscules »,
# "as one word". Said after words that follow a password word, it makes them the value: "the password is blue elephant forty
# two, all lowercase no spaces", « le mot de passe trois-soleils-rouges, tout attaché » (no connector needed then).
_TYPING_INSTRUCTION = (
    r"(?:all\s+|tout\s+)?(?:in\s+)?(?:lower\s*case|upper\s*case|small\s+letters|caps)|no\s+spaces?|without\s+(?:any\s+)?spaces?|"
    r"(?:all\s+)?(?:as\s+|in\s+)?one\s+word|all\s+(?:together|joined|stuck\s+together)|(?:tout\s+)?(?:attach[ée]e?s?|coll[ée]e?s?)|"
    r"(?:tout\s+)?en\s+(?:minuscules?|majuscules?)|sans\s+(?:les\s+|aucun\s+)?espaces?|en\s+un\s+(?:seul\s+)?mot|d['’]un\s+seul\s+tenant"
)
# Substrings one of which every match of `_TYPING_INSTRUCTION` / `_MINE_IS` holds, lowercased (most posts hold none).
_TYPING_CUES = ("lower", "upper", "small letters", "caps", "space", "one word", "together", "joined", "attach", "collé", "colle",
                "minuscule", "majuscule", "espace", "un mot", "seul mot", "tenant")
_MINE_CUES = ("mine", "my new one", "my own", "mien", "moi")
# One word of the value: not a connector nor a small word of a phrase ("on the fridge", « dans le tiroir »).
_SPELLED_WORD = (
    r"(?=[^\W_])(?!(?:is|est|was|are|sont|will|sera|c['’]est|it['’]s|"
    + "|".join(sorted(_PHRASE_WORDS | {"my", "mon", "ma", "mes", "our", "notre"}, key=len, reverse=True)) + r")(?![\w\-'’]))[^\W_][\w\-]{0,30}"
)
_SPELLED_OUT = re.compile(
    r"(?i)(?<![\w\-:/])(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])(?P<words>(?:[ \t]+[^\s,.;:!?()\"'«»]{1,20}){0,4}?)"
    r"(?:[ \t]*[:=]|[ \t]+(?:is|est|c['’]est|will\s+be|sera))?(?:[ \t]+(?:now|maintenant|d[ée]sormais))?[ \t]+"
    r"(?P<value>" + _SPELLED_WORD + r"(?:[ \t]+" + _SPELLED_WORD + r"){0,5}?)[ \t]*(?:,|\(|—|–|-[ \t])[ \t]*(?:" + _TYPING_INSTRUCTION + r")(?![\w\-])"
)
# A password read out as words, its digits said as words too ("it's walrus nine nine copper", « se dit « soleil deux zéro deux
# six » »): words after "it's", "is", « se dit » or a colon, up to a quote, a punctuation mark or how to type them.
# The digits said as words, English and French, and the digit each says.
_DIGIT_OF_WORD = {word: str(digit) for digit, words in enumerate(
    (("zero", "oh", "zéro"), ("one", "un", "une"), ("two", "deux"), ("three", "trois"), ("four", "quatre"), ("five", "cinq"),
     ("six",), ("seven", "sept"), ("eight", "huit"), ("nine", "neuf"))) for word in words}
# (numbers beyond one: "one" and « un » are counted apart, as articles as often as digits)
_NUMBER_WORDS = (*(w for w, d in _DIGIT_OF_WORD.items() if d != "1" and w != "oh"), "ten", "dix")
_SPOKEN_WORDS = re.compile(
    r"(?i)(?:(?<![\w\-])(?:it['’]s|it\s+is|is|est|c['’]est|se\s+dit|se\s+prononce|se\s+lit|reads|goes)|:)(?:[ \t]+(?:now|still|maintenant|d[ée]sormais|toujours))?[ \t]*(?:[\"«“‘'][ \t]*)?"
    r"(?P<value>[^\W\d_]{2,20}(?:[ \t]+[^\W\d_]{2,20}){2,7}?)(?=[ \t]*(?:[\"»”’'.,;:!?()\n—–]|$)|[ \t]+(?:" + _TYPING_INSTRUCTION + r")(?![\w\-]))"
)
# Counts and units, which a rule says after a password word ("12 characters, no spaces"), no value does.
_LENGTH_WORDS = re.compile(r"(?i)(?<![\w\-])(?:characters?|caract[èe]res?|chars?|letters?|lettres?|digits?|chiffres?|symbols?|symboles?|"
                           r"minimum|maximum|min|max|long|longs?|courts?|short|words?|mots?)(?![\w\-])")
# One's own password announced after passwords were spoken of: "Security training says use passphrases. Mine is now 'X'",
# « on nous impose des phrases de passe ; la mienne c'est désormais X ».
_MINE_IS = re.compile(
    r"(?i)(?<![\w\-])(?:mine|my\s+new\s+one|my\s+own|le\s+mien|la\s+mienne|moi)"
    # (and what it is for, said between: « la mienne pour le poste c'est X », "mine for the laptop is X")
    r"(?:[ \t]+(?:pour|for|on|sur)[ \t]+(?:(?:le|la|les|l['’]|the|my|mon|ma|mes)[ \t]*)?[^\W\d_][\w\-]{1,20})?"
    r"(?:['’]s|(?:[ \t]*,)?[ \t]+(?:is|est|c['’]est|will\s+be|sera))"
    + _ADVERB + _VALUE
)
# A sentence joined by hyphens, as a passphrase is advised to be made: five words or more, three of them of three letters.
_SENTENCE_JOINED = re.compile(r"^[^\W\d_]{1,20}(?:-[^\W\d_]{1,20}){4,11}$")
_PASSPHRASE_SAID = re.compile(r"(?i)(?<![\w\-])(?:" + PASSPHRASE_WORDS + r")(?![\w\-])")
_PASSWORD_OR_PASSPHRASE_WORD = re.compile(r"(?i)(?<![\w\-])(?:" + ANNOUNCING_PASSWORD_WORDS + "|" + PASSPHRASE_WORDS + r")(?![\w\-])")
# What "mine" may then be instead of a password: a manager, a reset, a field (rules and policies announce a new one).
_THING_OF_PASSWORDS = re.compile(r"(?i)\s+(?:managers?|gestionnaires?|reset|r[ée]initialisation|hints?|indices?|fields?|champs?|strength|vault|coffre)(?![\w\-])")
_OWN_PASSWORD_REACH = 160  # how far before "mine is" passwords may have been spoken of (the sentence before)
# An example, then the writer saying it is what they use: "never use your hometown + birth year, like Bordeaux1987. (Which is,
# um, what my VPN account uses.)", « par exemple Lyon1990… c'est d'ailleurs celui de mon compte ». Not "what most people use".
_EXAMPLE_VALUE = re.compile(
    r"(?i)(?<![\w\-])(?:like|such\s+as|e\.g\.?|for\s+(?:example|instance)|comme|genre|par\s+exemple|ex\.)[ \t]*:?[ \t]*"
    r"(?:(?P<quote>[\"'«“`‘])[ \t]*(?P<quoted>[^\"'«»“”`’\n]{1,80}?)[ \t]*[\"'»”`’]|(?P<bare>[^\s\"'«»“”`()]{4,64}))"
)
_TAKEN_AS_ONES_OWN = re.compile(
    r"(?i)(?:[ \t.,;:!?…—–\-])*\(?[ \t]*(?:which|that|ce\s+qui|qui|and\s+(?:that|it)|et\s+c['’]est|c['’]est|that['’]s|it['’]s|this\s+is)(?![\w\-])"
    r"[^.!?\n]{0,40}?(?<![\w\-])(?:(?:what|the\s+one|exactly\s+what)\s+(?:my|our|I|we)(?![\w\-])|(?:ce\s+que|celui\s+que|celle\s+que)\s+(?:mon|ma|j['’]|nous|notre)|"
    r"(?:celui|celle)\s+(?:de|d['’])\s*(?:mon|ma|notre)(?![\w\-])|mine(?![\w\-])|le\s+mien|la\s+mienne|my\s+(?:actual|real|current|own)(?![\w\-])|"
    r"mon\s+(?:vrai|actuel)|(?:I|we)\s+(?:use|have|still\s+use)(?![\w\-])|j['’]utilise|nous\s+utilisons)"
)
# Someone else's, said after "what my": "which is what my neighbour uses" (not the writer's account).
_SOMEONE_ELSES = re.compile(
    r"(?i)(?<![\w\-])(?:my|our|mon|ma|mes|notre)\s+(?:\w+\s+)?(?:neighbou?rs?|mum|mom|mother|dad|father|parents?|brother|sister|wife|husband|"
    r"partner|kids?|children|son|daughter|friends?|colleagues?|co-?workers?|boss|grand\w*|uncle|aunt|voisine?s?|m[èe]re|p[èe]re|fr[èe]re|"
    r"s[œo]eur|femme|mari|enfants?|fils|fille|amie?s?|coll[èe]gues?|patron(?:ne)?|chef|copain|copine|cousine?s?)(?![\w\-])"
)
_REST_CUES = ("savoir", "namely", "i.e.", "soit", "autrement", "other words")
_SNAKE_CASE_NAME = re.compile(r"[A-Za-z]+(?:_[A-Za-z]+)+")
_LOGIN_CALL_CUES = ("auth", "Auth", "credential", "Credential", "login", "Login", "password", "Password")
_TOKEN_USER = re.compile(r"(?i)user(?:name)?[\"']?\s*[:=]\s*[\"']?(?P<user>" + "|".join(map(re.escape, TOKEN_USERS)) + r")[\"']?\s*[,;}\n]")


def find_announced(text: str) -> list[SecretCandidate]:
    """Secrets a word announces, in prose and in config: the value is the span."""
    lowered = text.lower()
    beside_ids = _secret_halves_beside_ids(text) if _PAIRED_ID_CUE.search(text) else []
    if not holds_any(_word_starts(lowered), _CUES) and _SPACED_CUES.search(lowered) is None and not _config_may_match(lowered, _NAME_ONLY_CUES) \
            and not ("_" in lowered and holds_any(lowered, _NAME_ONLY_CUES)):
        return beside_ids
    out: list[SecretCandidate] = []
    # Config first: on the same value, its family (a connection string's password) is the more precise.
    encoded_post = encoding_said(text)
    for m in _CONFIG.finditer(text) if _config_may_match(lowered) else ():
        name = m.group("name").casefold()
        if "csrf" in name or "xsrf" in name:
            continue  # an anti-forgery token is issued per page view: not a credential
        if _DESCRIBING_NAME.search(name.replace("-", "_").strip("_.")):
            continue
        span = _value_span(text, m)
        if span is None:
            continue
        value = text[span[0] : span[1]]
        if value.startswith("?") and "=" in value:
            span, value = (span[0] + 1, span[1]), value[1:]  # a SAS token pasted with its "?"
        if value.startswith("-----BEGIN"):
            continue  # a private key block (the catalogue reports it)
        family = _config_family(name, value, text, m.start())
        # (the value's shape first: the sentence scans of a documented sample cost every "key=x" of a long query string)
        if not _acceptable(value, "PASSWORD" if family in ("PASSWORD", "CONNECTION_STRING") else "API_KEY") \
                or is_documented_sample(value, text, span[0]):
            continue  # the docs' sample key
        if encodes_a_placeholder(value, encoded_post):
            continue  # base64 of "changeme" (what else the encoding hides is read by `encoded`)
        out.append(SecretCandidate(span[0], span[1], family, "config-assignment"))
    camel_case_name = "Key" in text or "Secret" in text or "Token" in text  # (applicationKey, clientSecret)
    for m in _VARIABLE_SAID.finditer(text) if ("_" in text or camel_case_name) and holds_any(lowered, _CONFIG_CUES) else ():
        name = m.group("name").casefold()
        if not _CONFIG.match(m.group("name") + "=x") or _DESCRIBING_NAME.search(name.strip("_")):
            continue  # not a name config gives a secret (ORDER_ID, PUBLIC_KEY, PASSWORD_MIN_LENGTH)
        span = _value_span(text, m)
        if span is None:
            continue
        family = _config_family(name, text[span[0] : span[1]], text, m.start())
        if m.group("said") is None and not looks_random(text[span[0] : span[1]]):
            continue  # "DB_PASSWORD field", "API_KEY rotation": a name and a word
        if _acceptable(text[span[0] : span[1]], "PASSWORD" if family in ("PASSWORD", "CONNECTION_STRING") else "API_KEY"):
            out.append(SecretCandidate(span[0], span[1], family, "config-variable-said"))
    for m in _XML_SECRET.finditer(text):
        family = _config_family(m.group("name").casefold(), m.group("value"), text, m.start())
        if _acceptable(m.group("value"), "PASSWORD" if family in ("PASSWORD", "CONNECTION_STRING") else "API_KEY"):
            out.append(SecretCandidate(m.start("value"), m.end("value"), family, "xml-element"))
    for m in _CALL_SETTING.finditer(text) if ("(" in text or "[" in text) and holds_any(lowered, _CONFIG_CUES) else ():
        name = m.group("name").casefold()
        if not _CONFIG.match(name + "=x") or _DESCRIBING_NAME.search(name.replace("-", "_").strip("_.")):
            continue  # a setting that holds no secret (define('WP_DEBUG', 'true'), config.set("timeout", "30"))
        family = _config_family(name, m.group("value"), text, m.start())
        if _acceptable(m.group("value"), "PASSWORD" if family in ("PASSWORD", "CONNECTION_STRING") else "API_KEY"):
            out.append(SecretCandidate(m.start("value"), m.end("value"), family, "setting-call"))
    announced = [_ANNOUNCED, _ANNOUNCED_RARE] if holds_any(lowered, RARE_ANNOUNCING_CUES) else [_ANNOUNCED]
    for m in (m for regex in announced for m in regex.finditer(text)):
        # ("reset" in "got reset to X" says what was done to it, not that it is forgotten or expired)
        if _NOT_A_DISCLOSURE.search(m.group("gap")) or _NOT_A_DISCLOSURE.search(_RESET_TO.sub("", m.group("connector"))):
            continue
        word = (m.group("password") or "").casefold()
        if _COMPARED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "my licence plate is basically a password: AB-123-CD": a comparison names no password
        span = _value_span(text, m)
        if span is None:
            continue
        start, end = span
        value = text[start:end]
        if _ASSIGNMENT.match(value):
            continue  # "the secret one: MAPBOX_SECRET=sk.eyJ...": a config line follows, read as config
        # ("my secret password is X": "secret" qualifies the password word after it, which names the value)
        password_after = _PASSWORD_WORD.match(m.group("gap").lstrip()) if m.group("secret") else None
        if not (m.group("password") or m.group("key") or m.group("token") or password_after):
            # "secret" alone: a random-looking value (a key), or a short one mixing cases and digits or symbols (a password)
            mixed_case = any(c.isupper() for c in value) and any(c.islower() for c in value)
            shaped = _PASSWORD_SYMBOL.search(value) is not None or class_switches(value) >= 0.35  # not "Execution2026 mindset"
            if not (looks_random(value) or mixed_case and shaped and classes(value) >= 3 and len(value) <= 40):
                continue
        # (the group that matched says what the words name: a wifi key or a door's code is a password word here)
        family = secret_family(value, "password" if m.group("password") or password_after else m.group("key") or m.group("token") or "secret")
        if word == "pass" and classes(value) < 3 and not _chosen_word_and_number(value):
            continue  # "pass" is also a ticket ("the boarding pass is AF1234"): only a strongly shaped value or a chosen one
        if word in _WEAK_WORDS and not (value.replace(" ", "").rstrip("#").isdigit() and m.group("connector").strip() in (":", "=", "is", "est", "c'est", "c’est")):
            continue
        # (a passphrase announced as one may be words: "la phrase de passe : les-mouettes-volent-bas"; so may a password
        # given as one, "the password is correct-horse-battery-staple", but not a place: "the password is on-the-fridge")
        if _acceptable(value, family, code_word=_CODE_WORD.search(word) is not None) \
                or family == "PASSWORD" and _owned_common_password(text, m.start(), value) \
                or (_PASSPHRASE_WORD.match(word) is not None or _PASSWORD_WORD.fullmatch(word) is not None and _words_joined(value)
                 and not _ABOUT_PASSWORDS_WORD.search(m.group("gap"))) \
                and looks_like_passphrase(value):
            out.append(SecretCandidate(start, end, family, f"{family.lower()}-announced"))
    for m in _LOGIN_PHRASE.finditer(text) if holds_any(lowered, _LOGIN_PHRASE_CUES) else ():
        # (words as typed: no sentence's punctuation, no capital opening it but beside a digit, not every word capitalised:
        # not a greeting, "Welcome back", nor a name, "Kiosk Mode 2")
        phrase = m.group("quoted")
        words = phrase.split()
        if 2 <= len(words) <= 8 and not _SENTENCE_PUNCTUATION.search(phrase) and (phrase[0].islower() or _DIGIT.search(phrase)) \
                and not all(word[0].isupper() for word in words if word[0].isalpha()) \
                and sum(c.isalpha() for c in m.group("quoted")) >= 8 and not _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                and not _EXAMPLE_SAID.search(text, max(0, m.start() - 40), m.start()):
            out.append(SecretCandidate(m.start("quoted"), m.end("quoted"), "PASSWORD", "login-phrase"))
    for m in _NETWORK_KEY.finditer(text):
        span = _value_span(text, m)
        if span is None:
            continue
        value = text[span[0] : span[1]]
        if m.group("connector") is None and not _strongly_shaped(value):
            continue  # "network key management": with no connector, only a value no word looks like
        if looks_like_password(value) or looks_like_access_code(value):
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "network-key"))
    for m in _WEAK_NOUN_IS.finditer(text) if holds_any(lowered, _WEAK_NOUN_CUES) else ():
        span = _value_span(text, m)
        if span is None or NOT_AN_ACCESS_CODE.search(m.group("words")) or _NOT_A_DISCLOSURE.search(m.group("words")):
            continue
        value = text[span[0] : span[1]]
        # (typed characters, not emoji bytes read as text; not a public key's fingerprint: "the host key fingerprint is SHA256:...")
        if len(value) <= 40 and value.isascii() and _strongly_shaped(value) and _PASSWORD_SYMBOL.search(value) and classes(value) == 4 \
                and looks_like_password(value) and not _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                and not IDENTIFIER_WORDS.search(text, max(0, m.start() - 40), span[0]):
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "password-weak-noun"))
    # (the first password word found tells where a list may start: most posts have none)
    first_password_word = _PASSWORD_WORD.search(text)
    for m in _LISTED.finditer(text, first_password_word.start()) if first_password_word is not None and _LIST_CONNECTOR.search(text) else ():
        if _EXAMPLE_SAID.search(text, max(0, m.start() - 40, text.rfind("\n", 0, m.start()) + 1), m.end()):
            continue  # (the other words of advice, "safe", "stored", say nothing here: the list's shape decides)
        out += [SecretCandidate(start, end, "PASSWORD", "listed-codes") for start, end in _listed_codes(text, m.end())]
    for m in _RECOVERY_LATER.finditer(text) if holds_any(lowered, _RECOVERY_CUES) else ():
        if looks_like_recovery_code(m.group("value")):
            out.append(SecretCandidate(m.start("value"), m.end("value"), "PASSWORD", "recovery-key"))
    for m in _SHORT_FORM.finditer(text):
        if m.group("word").casefold() == "code" and (m.group("whose") is None or _PRIVILEGE.fullmatch(m.group("whose")) is None):
            continue  # "code promo", "code source": only the phrases of ANNOUNCING_PASSWORD_WORDS, or the privilege a code gives
        span = _value_span(text, m)
        value = text[span[0] : span[1]] if span is not None else ""
        code_word = _CODE_WORD.search(m.group("word")) is not None
        privilege_code = m.group("word").casefold() == "code"  # (a word and digits are a terminal's code: "kiosk3803")
        if m.group("whose") is not None and not ((_strongly_shaped(value) or privilege_code and _DIGIT.search(value) and not value.isdigit()) and looks_like_password(value)):
            continue  # "mot de passe oublié", "password manager 1Password": a word, then another word
        if span is not None and (looks_like_password(value) or code_word and looks_like_access_code(value)) \
                and not _word_before_is_negation(text, m.start()):
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "password-short-form"))
    # These three scan every word as a possible value: run them only when a password word is there.
    word_orders = (
        (_VALUE_FIRST, "password-named-after"), (_SET_TO, "password-set-to"), (_TYPE_IT, "password-to-type"),
        (_LOOSE_ANNOUNCED, "password-announced-loosely"), (_LOOSE_ANNOUNCED_LAST, "password-announced-loosely"), (_NEW_ONE, "password-new-one"),
    )
    password_word = first_password_word is not None
    for regex, kind in word_orders if password_word else ():
        for m in regex.finditer(text):
            span = _value_span(text, m)
            # The words around the value, not its connector ("X comme mot de passe", "password, type X").
            if span is None or _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) and not _CONCEDED.search(m.group("words")) \
                    or _NOT_A_DISCLOSURE.search(m.group("words")) \
                    or _COMPARED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue
            value = text[span[0] : span[1]]
            if value.startswith("//") or "://" in value:
                continue  # "pw X, server ldaps://host:636": a link after the colon, not the password
            if regex in (_LOOSE_ANNOUNCED, _LOOSE_ANNOUNCED_LAST, _NEW_ONE) and not (classes(value) >= 3 and len(value) >= 8 and looks_like_password(value)):
                continue  # anything may stand between the word and the value: only a password-shaped one
            if looks_like_password(value) or looks_like_access_code(value):
                out.append(SecretCandidate(span[0], span[1], "PASSWORD", kind))
    for m in _PASSWORD_THEN_PAIR.finditer(text) if password_word else ():
        value = m.group("password").rstrip(_TRAILING)
        if _strongly_shaped(value) and looks_like_password(value) and not _EMAIL.fullmatch(value):
            out.append(SecretCandidate(m.start("password"), m.start("password") + len(value), "PASSWORD", "login-password-pair"))
    for m in _KEY_THEN_VALUE.finditer(text) if holds_any(lowered, _KEY_CUES) else ():
        value = m.group("bare")
        before = text[max(0, m.start() - 24) : m.start("bare")]
        if looks_like_short_key(value) and not IDENTIFIER_WORDS.search(before) and not _ADVICE_BEFORE.search(before):
            family = secret_family(value, m.group("word"))
            out.append(SecretCandidate(m.start("bare"), m.end("bare"), family, f"{family.lower()}-after-its-name"))
    out += _access_halves(text) if holds_any(lowered, _ACCESS_HALF_CUES + _PUBLIC_HALF_CUES) else []
    # (the secret half beside its id is that, not a login's password nor the id's own half: "AC... / <token>")
    out = [c for c in out if not any(c.start < b.end and b.start < c.end for b in beside_ids)] + beside_ids
    for m in _LOGIN_COMMAND.finditer(text) if " login " in lowered else ():
        value = m.group("value").rstrip(_TRAILING)
        if looks_generated(value) and looks_like_key(value) and not _ASSIGNMENT.match(value):
            # (its options name it: "huggingface-cli login --token X" a token; "wandb login X", "clearml auth login X" name nothing, a key)
            options = text[text.rindex("login", m.start(), m.start("value")) + len("login") : m.start("value")]
            out.append(SecretCandidate(m.start("value"), m.start("value") + len(value), secret_family(value, options), "key-in-login-command"))
    for m in _ACCESS_CODE.finditer(text) if "code" in lowered else ():
        value = m.group("value")
        generated = looks_random(value) or value.isalnum() and not value.isdigit() and not value.isalpha() and class_switches(value) >= 0.35 \
            and entropy(value) >= 3.0 and not is_placeholder(value)
        if generated and not NOT_AN_ACCESS_CODE.search(text, m.start(), m.start("value")):
            out.append(SecretCandidate(m.start("value"), m.end("value"), "PASSWORD", "access-code"))
    for m in _KEY_OPTION.finditer(text) if " -" in text else ():
        value = m.group("value").rstrip(_TRAILING)
        if value.startswith(("-", "/", "~", ".")) or "/" in value and value.count("/") * 12 > len(value) or _FILE_EXTENSION.search(value):
            continue  # "--key ~/.ssh/id_rsa", "--ssh-key deploy.pem": a file holding the key, not the key
        if looks_like_key(value) and not _ASSIGNMENT.match(value):
            family = _config_family(m.group("name"), value, text, m.start())
            out.append(SecretCandidate(m.start("value"), m.start("value") + len(value), family, "command-line-key"))
    for m in _NEAR_KEYWORD.finditer(text):
        value = m.group("bare").rstrip(".")
        if _ASSIGNMENT.match(value.lstrip("-")):
            continue  # "key=X&token=Y", "--from-literal=password=X": each name=value is read as config, with its own family
        if _LINK_PIECE.search(value):
            continue  # "key takeaways, video: youtu.be/dQw4w9WgXcQ", "https://...": a link's pieces (the link readers read links)
        before = text[max(0, m.start() - 24) : m.start("words")]  # "public key", "public VAPID key", "site key", "ssh-rsa" are not secrets
        if looks_random(value) and not names_an_identifier(text, m.start("words"), m.end("words")) and not IDENTIFIER_WORDS.search(before) \
                and not _NOT_A_DISCLOSURE.search(m.group("words")) and not is_public_key_material(value):
            # (an aside in parentheses names no value: « Secret HMAC (à mettre dans le coffre, pas dans le code) : X » is a secret)
            naming = _ASIDE.sub(" ", text[max(0, m.start() - 12) : m.start("bare")])
            family = secret_family(value, m.group("token") or naming)
            out.append(SecretCandidate(m.start("bare"), m.start("bare") + len(value), family, f"{family.lower()}-near-keyword"))
    for m in _COMMAND_LINE.finditer(text):
        group = next(g for g in _COMMAND_LINE_VALUES if m.group(g) is not None)
        end = m.end(group)
        while end > m.start(group) and text[end - 1] in _TRAILING:
            end -= 1
        value = text[m.start(group) : end]
        if len(value) >= 3 and not is_placeholder(value) and not is_placeholder(m.group(group)) and value.casefold() not in _URL_PLACEHOLDERS \
                and value.casefold() not in DEFAULT_PASSWORDS:
            # (HTTP basic credentials, "curl -u user:X": a generated value of a token's length there is a token, as in a URL)
            family = secret_family(value, place=BASIC_PASSWORD, user=m.group("basicuser")) if group == "userpass" else "PASSWORD"
            out.append(SecretCandidate(m.start(group), end, family, "command-line-password"))
    if " -" in text:
        for line in _lines_with_user_option(text):
            user = _USER_OPTION.search(text, *line)
            for m in _PASSWORD_OPTION.finditer(text, *line):
                value = m.group("value").rstrip(_TRAILING)
                if not value.isdigit() and (looks_like_password(value) or looks_like_key(value)):
                    # (a login's user and password: basic credentials, as curl -u's; a robot account's generated
                    # value of a token's length, or the password of user "__token__", is a token)
                    family = secret_family(value, place=BASIC_PASSWORD, user=user.group("user") if user else "")
                    out.append(SecretCandidate(m.start("value"), m.start("value") + len(value), family, "command-line-password"))
    for m in _BUNDLER_SOURCE.finditer(text) if "BUNDLE_" in text else ():
        password = m.group("password").rstrip(_TRAILING)
        if password.casefold() not in _URL_PLACEHOLDERS and not is_placeholder(password) and not is_placeholder(m.group("user")):
            # (a code host's token user: a token; else a name with no credential word: an API key, `secret_family`'s rule 4)
            bundle_user = m.group("user").casefold()
            family = "TOKEN" if bundle_user in TOKEN_USERS else secret_family(m.group("value"), "BUNDLE_" + m.group("host"))
            out.append(SecretCandidate(m.start("value"), m.start("password") + len(password), family, "bundler-source-credentials"))
    if "pgpass" in text:
        for m in _PGPASS_LINE.finditer(text):
            if looks_like_password(m.group("password")) or looks_like_key(m.group("password")):
                out.append(SecretCandidate(m.start("password"), m.end("password"), "PASSWORD", "pgpass-line"))
    if "WIFI:" in text:
        for m in _WIFI_QR.finditer(text):
            if not is_placeholder(m.group("password")):
                out.append(SecretCandidate(m.start("password"), m.end("password"), "PASSWORD", "wifi-qr-code"))
    for m in _WIFI_ASSIGNED.finditer(text):
        span = _value_span(text, m)
        if span is None or ";" in text[span[0] : span[1]]:
            continue  # "WIFI:T:WPA;S:...;P:...;;" is a QR code's string, read above
        value = text[span[0] : span[1]]
        rest_of_line = text[span[1] : (text.find("\n", span[1]) + 1 or len(text) + 1) - 1]
        # "wifi: AcmeGuest, pass: X": the value is the network's name when a password word follows
        if classes(value) >= 3 and len(value) >= 8 and any(c.isdigit() for c in value) and _PASSWORD_SYMBOL.search(value) \
                and looks_like_password(value) and not _PASSWORD_WORD.search(rest_of_line):  # (not a price: "29€/mois")
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "wifi-assigned"))
    for m in _CHANGED_THEN_NEW.finditer(text) if holds_any(lowered, _CHANGE_CUES) else ():
        span = _value_span(text, m)
        words = m.group("words")
        if span is None or m.group("new") is None and not _CHANGED.search(words) or len(_SENTENCE_END.findall(words)) > 1:
            continue
        value = text[span[0] : span[1]]
        noun = m.group("noun").casefold()
        if noun.startswith("wi"):
            if _WIFI_NAME_WORDS.search(words):
                continue  # "the wifi was renamed, it's now Acme-Guest": its name
            shaped = looks_like_passphrase(value) or _strongly_shaped(value) and looks_like_password(value)
        elif _CODE_WORD.search(noun):
            # (a promo, error or status code changes too: "the promo code changed, the new one is BF2026")
            if NOT_AN_ACCESS_CODE.search(text, max(0, m.start() - 30), m.start("words")) or NOT_AN_ACCESS_CODE.search(words):
                continue
            shaped = looks_like_access_code(value) and not looks_like_year(value) or _strongly_shaped(value) and looks_like_password(value)
        else:
            shaped = looks_like_passphrase(value) or classes(value) >= 3 and len(value) >= 8 and looks_like_password(value)
        # (the change itself is no rule nor example: "reset" says so in advice, here it says what happened)
        if shaped and not _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                and not any(_CHANGED.fullmatch(d.group()) is None for d in _NOT_A_DISCLOSURE.finditer(words)):
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "changed-then-new"))
    for m in _AUTH_HEADER.finditer(text) if holds_any(lowered, _HEADER_CUES) else ():
        group = "value" if m.group("value") is not None else "header"
        value = m.group(group)
        if group == "header" and re.search(r"(?i)[cx]srf", m.group(0)):
            continue  # "X-CSRF-Token:": an anti-forgery token is issued per page view (as in config)
        # (the Basic scheme encodes "user:password": the decoded pair decides, so that the docs' "user:<password>" stays clean)
        basic = group == "value" and _BASIC_SCHEME.search(text, m.start(), m.start(group)) is not None and decoded_text(value) is not None
        if _basic_credentials(value) if basic else looks_like_key(value) or value.startswith("eyJ") or _basic_credentials(value):
            # The header's name and scheme name it: X-Api-Key, "Authorization: ApiKey X" a key; Authorization, Bearer, X-Auth-Token
            # a token; "<client id>:<secret>", a key pair's secret half, a key.
            words = "client secret" if m.group("client") is not None else text[m.start() : m.start(group)]
            out.append(SecretCandidate(m.start(group), m.end(group), secret_family(value, words), "authorization-header"))
    if ("/" in text or ":" in text and _TIGHT_COLON.search(text) is not None) and (
        _SLASH_PAIR_CONTEXT.search(text) or holds_any(lowered, _LOGIN_PLACE_CUES) and _LOGIN_PLACES.search(text)
    ):
        for m in _SLASH_PAIR.finditer(text):
            value = m.group("password").rstrip(_TRAILING)
            if m.group("colon") and not _strongly_shaped(value):
                continue  # "stg:Otarie#2027" is a login; "note:important", "ratio:16x9" are not
            # the sentence that holds the pair ("Identifiants du compte ..., à ne pas diffuser : user / X")
            sentence_start = max(m.start() - 160, *(text.rfind(c, 0, m.start()) + 1 for c in ".!?\n"))
            sentence = text[max(0, min(m.start() - 60, sentence_start)) : m.end() + 40]
            if classes(value) >= 3 and looks_like_password(value) and not _EMAIL.fullmatch(value) \
                    and (_ACCOUNT_NAME.match(m.group("user")) or _LOGIN_NAME.match(m.group("user")) and _PASSWORD_SYMBOL.search(value)
                         and any(c.isdigit() for c in value) and _CLAUSE_END.match(text, m.start("password") + len(value))) \
                    and (_SLASH_PAIR_CONTEXT.search(sentence) or _LOGIN_PLACES.search(sentence)):
                out.append(SecretCandidate(m.start("password"), m.start("password") + len(value), "PASSWORD", "login-password-pair"))
    for m in _ROLE_PAIR.finditer(text) if ":" in text and holds_any(lowered, _ROLE_CUES) else ():
        value = m.group("password").rstrip(_TRAILING)
        if _strongly_shaped(value) and looks_like_password(value) and not _EMAIL.fullmatch(value):
            out.append(SecretCandidate(m.start("password"), m.start("password") + len(value), "PASSWORD", "login-password-pair"))
    for m in _LOGIN_THEN_REST.finditer(text) if holds_any(lowered, _REST_CUES) else ():
        span = _value_span(text, m)
        value = text[span[0] : span[1]] if span is not None else ""
        if span is not None and _strongly_shaped(value) and _PASSWORD_SYMBOL.search(value) and looks_like_password(value) \
                and not _EMAIL.fullmatch(value) and not _NOT_A_DISCLOSURE.search(m.group("words")) and not IDENTIFIER_WORDS.search(m.group("words")):
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "password-after-its-login"))  # (not "ticket, i.e. INC-2026#12")
    for m in _DESCRIBED_THEN_GIVEN.finditer(text) if _COMPOSED_OF.search(text) else ():
        span = _value_span(text, m)
        value = (text[span[0] : span[1]] if span is not None else "").rstrip(_TRAILING)
        sentence = text[_sentence_start(text, m.start()) : m.end() + 80]
        if span is not None and 6 <= len(value) <= 40 and any(c.isdigit() for c in value) and any(c.isalpha() for c in value) \
                and looks_like_password(value) and "://" not in value and not _EMAIL.fullmatch(value) \
                and not _NOT_A_DISCLOSURE.search(m.group("words")) \
                and not _EXAMPLE_SAID.search(sentence) and not _NO_LONGER_IN_USE.search(sentence) \
                and not _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            end = span[0] + len(value)
            if end < len(text) and text[end] in "!?" and m.group("bare") is not None and _SYMBOL_SAID.search(m.group("words")):
                end += 1  # "followed by 2024 and an exclamation mark, so X!"
            out.append(SecretCandidate(span[0], end, "PASSWORD", "password-described-then-given"))
    out += _assembled_from_quoted_parts(text) if holds_any(text, _QUOTE_MARKS) and _COMPOSED_OF.search(text) else []
    for m in _LOGGED_IN_WITH.finditer(text) if _SPACED_CUES.search(lowered) or "connect" in lowered else ():
        span = _value_span(text, m)
        value = text[span[0] : span[1]] if span is not None else ""
        if span is not None and _strongly_shaped(value) and _CHOSEN_NOT_PRODUCT.search(value) and looks_like_password(value) \
                and "://" not in value and not _EMAIL.fullmatch(value) and _NO_WORD_AFTER.match(text, span[1]) and not _NOT_A_DISCLOSURE.search(m.group("words")) \
                and not _LOGIN_NEGATED.search(text, max(0, m.start() - 20), m.start("words") + len(m.group("words"))) \
                and not _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) and not IDENTIFIER_WORDS.search(m.group("words")):
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "password-logged-in-with"))
    for m in _LOGIN_CALL.finditer(text) if "(" in text and holds_any(text, _LOGIN_CALL_CUES) else ():
        value = m.group("value")
        # (not a field's name in a snippet's template: "Credentials('client_id', 'client_secret')")
        if looks_like_password(value) and value.casefold() not in DEFAULT_PASSWORDS and not is_placeholder(m.group("user")) \
                and not _SNAKE_CASE_NAME.fullmatch(value):
            family = secret_family(value, place=BASIC_PASSWORD, user=m.group("user"))
            out.append(SecretCandidate(m.start("value"), m.end("value"), family, "login-call"))
    for m in _PAIR_STILL_WORKS.finditer(text) if holds_any(lowered, _ROLE_CUES) else ():
        value = m.group("password").rstrip(_TRAILING)
        sentence_start = _sentence_start(text, m.start())
        # (a plain pair, which only its being in use makes a password: not under advice anywhere before it in its sentence,
        # "never leave a switch that still answers to admin/12345")
        if len(value) >= 4 and not _placeholder_not_in_use(value) and not _placeholder_not_in_use(m.group("password")) \
                and not _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                and not (is_placeholder(value) and _LOGIN_NEGATED.search(text, sentence_start, m.start())):
            out.append(SecretCandidate(m.start("password"), m.start("password") + len(value), "PASSWORD", "default-pair-still-works"))
    for m in _LOGIN_SCREEN_ASKS.finditer(text) if ("/" in text or ":" in text) and holds_any(lowered, _LOGIN_SCREEN_CUES) else ():
        value = m.group("password").rstrip(_TRAILING)
        sentence_start = _sentence_start(text, m.start())
        sentence = text[sentence_start : m.end() + 80]
        # (a negation before the pair: « ne demande plus »; after it, « personne ne l'a changé » says it is still in use)
        if len(value) >= 4 and any(c.isalnum() for c in value) and not _placeholder_not_in_use(value) \
                and not _placeholder_not_in_use(m.group("password")) and not _EMAIL.fullmatch(value) \
                and (_ACCOUNT_NAME.match(m.group("user")) or _LOGIN_NAME.match(m.group("user"))) \
                and not _DEFAULT_WORDS.search(sentence) and not _NOT_A_DISCLOSURE.search(sentence) \
                and not _LOGIN_NEGATED.search(text, sentence_start, m.start("user")) \
                and not _EXAMPLE_SAID.search(sentence):
            out.append(SecretCandidate(m.start("password"), m.start("password") + len(value), "PASSWORD", "pair-a-login-screen-asks-for"))
    for m in _PAIR.finditer(text):
        group = "password" if m.group("password") is not None else "password2"
        if (m.group("user") or m.group("user2") or "").casefold() in _FIELD_LABELS:
            continue  # "accès -> user : demo.client": a label, then the user name, not a pair
        if (m.group("user") or "").isdigit():
            continue  # "account growth: 2025/2026": figures, not a login
        if "\n" in (m.group("separator") or "") and "=" in m.group("user") + m.group("password"):
            continue  # "creds:\nAWS_ACCESS_KEY_ID=...\nAWS_SECRET_ACCESS_KEY=...": config lines, each read as config
        start, end = m.start(group), m.end(group)
        if text[end - 1] == ":" and (end == len(text) or text[end].isspace()) or _ASSIGNED_AFTER.match(text, end):
            continue  # "credential: \"X\"\n  refresh_min: 15", "...\naws_secret_access_key = X": the next line's field name, not a password
        if text[start] in "\"'`«“‘":
            start += 1  # "--password 'X'": the quotes are not the password
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        value = text[start:end]
        if not value or _EMAIL.fullmatch(value) or value.startswith("//") or "://" in value:
            continue  # "compte : Canva - comm@acme.fr", "portal: https://...": an address, not a password
        if _SNAKE_CASE_NAME.fullmatch(value):
            continue  # "login(SMTP_USER, SMTP_PASSWORD)", "('client_id', 'client_secret')": names of variables or fields
        if m.group("separator") is not None and m.group("separator").strip() == "/" and value.count("/") >= 2:
            continue  # "le compte rendu est dans /home/partage/cse/...": a path's segments, not a user and a password
        tight = m.group("separator") is not None and m.group("separator").strip() in ("/", ":")
        if looks_like_password(value) or tight and value.casefold() in DEFAULT_PASSWORDS:
            out.append(SecretCandidate(start, end, "PASSWORD", "login-password-pair"))
    out += _spelled_and_owned(text, lowered, first_password_word)
    # "still logs in with admin/12345": the pair in use is read as one, its password the secret (not the pair whole)
    in_use = [c for c in out if c.kind in _PAIRS_IN_USE]
    out = [c for c in out if not (c.kind == "password-logged-in-with" and any(c.start < p.start and p.end <= c.end for p in in_use))]
    # Read whole elsewhere, never in pieces here: a wifi QR code's string ("WIFI:T:WPA;S:<network>;P:X;;") by its
    # P: field, an Oracle connect descriptor ("scott/X@db.acme.lan", whose pair would run on into the host) by
    # `find_url_credentials`.
    read_whole = [(m.start(), m.end()) for m in _WIFI_QR.finditer(text)] if "WIFI:" in text else []
    read_whole += [(m.start("user"), m.end("host")) for m in oracle_logins(text)]
    # "login/mdp : commercial3 / X": what stands before the pair's slash is its user name, not a password
    pair_passwords = {c.start for c in out if c.kind == "login-password-pair"}
    out = [c for c in out if not (c.kind != "login-password-pair" and _user_before(text, c.end, pair_passwords))]
    return [
        c for c in out
        if not is_documented_sample(text[c.start : c.end], text, c.start)
        and not (c.family == "PASSWORD" and (_REFUSED_AFTER.match(text, c.end) or c.kind not in _PAIRS_IN_USE
                                             and _is_public_default(text[c.start : c.end], text, c.start)))
        # "user@example.com/token:X": a labelled value, read as config with its label's family, is no password
        and not (c.family == "PASSWORD" and _LABELLED_VALUE.match(text, c.start))
        and (c.kind == "wifi-qr-code" or not any(start < c.end and c.start < end for start, end in read_whole))
    ]


def _spelled_and_owned(text: str, lowered: str, first_password_word: re.Match[str] | None) -> list[SecretCandidate]:
    """Passwords given as words with how to type them, one's own password announced after passwords were spoken of, an
    example the writer then says is theirs. Each needs a password word before it."""
    spoken = first_password_word or _PASSPHRASE_SAID.search(text)
    if spoken is None:
        return []
    out: list[SecretCandidate] = []
    for m in _SPELLED_OUT.finditer(text, spoken.start()) if first_password_word is not None and holds_any(lowered, _TYPING_CUES) else ():
        value = m.group("value")
        words = value.split()
        letters = sum(c.isalpha() for c in value)
        # (words spaced out: three or more, as drawn for a passphrase; one word: a passphrase's or a password's shape)
        shaped = len(words) >= 3 or len(words) == 1 and (looks_like_passphrase(value) and _words_joined(value) or looks_like_password(value))
        if shaped and letters >= 8 and not _LENGTH_WORDS.search(value) and not _NOT_A_DISCLOSURE.search(m.group("words") + " " + value) \
                and not _ABOUT_PASSWORDS_WORD.search(m.group("words")) and not _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            out.append(SecretCandidate(m.start("value"), m.end("value"), "PASSWORD", "password-spelled-out"))
    for m in _SPOKEN_WORDS.finditer(text, spoken.start()) if first_password_word is not None and holds_any(lowered, _NUMBER_WORDS) else ():
        words = m.group("value").casefold().split()
        numbers = sum(w in _NUMBER_WORDS for w in words)
        ones = sum(w in ("one", "un", "une") for w in words)
        said = list(_PASSWORD_OR_PASSPHRASE_WORD.finditer(text, max(0, m.start() - _OWN_PASSWORD_REACH), m.start()))
        # (two digits said or more, and a word that is no digit: not "two doors down", not a count of "three words")
        if numbers >= 2 and numbers + ones < len(words) and not any(w in _PHRASE_WORDS for w in words) and not _LENGTH_WORDS.search(m.group("value")) \
                and said and not _THING_OF_PASSWORDS.match(text, said[-1].end()) \
                and not _NOT_A_DISCLOSURE.search(text, said[-1].end(), m.start()) and not _ADVICE_BEFORE.search(text, max(0, said[-1].start() - 40), said[-1].start()):
            out.append(SecretCandidate(m.start("value"), m.end("value"), "PASSWORD", "password-read-as-words"))
    for m in _MINE_IS.finditer(text, spoken.start()) if holds_any(lowered, _MINE_CUES) else ():
        said = list(_PASSWORD_OR_PASSPHRASE_WORD.finditer(text, max(0, m.start() - _OWN_PASSWORD_REACH), m.start()))
        if not said or _THING_OF_PASSWORDS.match(text, said[-1].end()):
            continue  # no password spoken of before, or a thing of passwords (a manager, a reset): "Mine is in the cloud"
        span = _value_span(text, m)
        value = text[span[0] : span[1]] if span is not None else ""
        words = value.split()
        spaced = 3 <= len(words) <= 8 and all(w.isalpha() and w.casefold() not in _PHRASE_WORDS for w in words) and len(value) >= 12
        # (a passphrase spoken of, a sentence may be one: « la-vache-rousse-mange-du-foin », five words or more)
        sentence_passphrase = _SENTENCE_JOINED.match(value) is not None and len({w.casefold() for w in value.split("-")}) >= 5 \
            and sum(len(w) >= 3 for w in value.split("-")) >= 3 \
            and _PASSPHRASE_SAID.search(text, max(0, m.start() - _OWN_PASSWORD_REACH), m.start()) is not None
        if span is not None and (spaced and m.group("quoted") is not None or len(words) == 1 and (
                looks_like_passphrase(value) and _words_joined(value) or sentence_passphrase or _strongly_shaped(value) and looks_like_password(value))):
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "own-password-announced"))
    for m in _EXAMPLE_VALUE.finditer(text, spoken.start()):
        if _PASSWORD_OR_PASSPHRASE_WORD.search(text, max(0, m.start() - 120), m.start()) is None:
            continue
        span = _value_span(text, m)
        value = text[span[0] : span[1]] if span is not None else ""
        if span is not None and " " not in value and _strongly_shaped(value) and looks_like_password(value) and "://" not in value \
                and (owned := _TAKEN_AS_ONES_OWN.match(text, span[1] + (m.group("quoted") is not None))) is not None \
                and not _LOGIN_NEGATED.search(owned.group()) and not _SOMEONE_ELSES.search(text, owned.start(), owned.end() + 30):
            # (not "that's the format, not mine", "which is what my neighbour uses")
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "example-taken-as-ones-own"))
    return out


# A code said aloud, its words joined by hyphens: two digit words or symbol names at least among four words or more.
_SAID_WORDS = re.compile(r"^[^\W\d_]{2,15}(?:-[^\W\d_]{2,15}){3,11}$")


def _said_as_words(value: str) -> bool:
    words = value.casefold().split("-") if _SAID_WORDS.match(value) else []
    return sum(word in _DIGIT_OF_WORD or _NAMED_SYMBOL.match(word) is not None for word in words) >= 2


# The code said to open a lock, then how it is typed: « … dit comme ça au téléphone, vous tapez 0614Mistral* », "… read out
# that way; on the keypad you type 7719Falcon#". The lock's code was given: what is typed after it is the same code written.
_TYPED_VALUE = re.compile(
    r"(?i)(?<![\w\-])(?:tapez|tape|tapes|entrez|saisissez|composez|type|enter|punch(?:\s+in)?|key\s+in)\s+(?P<code>[^\s,;«»\"“”()]{4,40})"
)
_TYPED_REACH = 160  # how far after the lock's code the typed form may be given


def _typed_as_written(text: str, after: int) -> list[SecretCandidate]:
    out = []
    for m in _TYPED_VALUE.finditer(text, after, min(len(text), after + _TYPED_REACH)):
        code = m.group("code").rstrip(_TRAILING.replace("*", ""))
        if (looks_like_access_code(code) or _DIGIT.search(code) and looks_like_password(code)) and not is_placeholder(code) and not looks_like_year(code):
            out.append(SecretCandidate(m.start("code"), m.start("code") + len(code), "PASSWORD", "lock-code-typed"))
    return out


def find_by_context(text: str) -> list[SecretCandidate]:
    """Secrets no credential word announces, known by what they open or where they sit: a lock's code
    ("le coffre s'ouvre avec 19-44-07"), a wallet's recovery phrase, the secrets of a network device's
    configuration ("snmp-server community X"). The value is the span."""
    lowered = text.lower()
    out: list[SecretCandidate] = []
    lock_said = holds_any(lowered, _LOCK_CUES)
    openers = [_OPENS_WITH] if holds_any(lowered, _OPENS_CUES) else []  # (`opens_said` below)
    if lock_said and holds_any(lowered, _TAKES_CUES):
        openers.append(_TAKES_CODE)
    for m in (m for regex in openers for m in regex.finditer(text)):
        span = _value_span(text, m)
        sentence_start = max(m.start() - 80, _sentence_start(text, m.start()))
        if span is None or not _LOCK.search(text, sentence_start, span[1] + 40):
            continue
        value = text[span[0] : span[1]]
        # (a phrase said to open it: three words or more, in quotes, as a passphrase is drawn, not a title: « Sésame »)
        spoken = m.re is _OPENS_WITH and m.group("spoken") is not None and m.group("quoted") is not None \
            and 3 <= len(value.split()) <= 12 and sum(c.isalpha() for c in value) >= 10
        # (or a code as a password is made, letters, digits and a symbol: "opens with 7719Falcon#"; or said aloud as words
        # joined by hyphens, digits and symbols named: « s'ouvre avec « zéro-six-quatorze-Mistral-étoile » »)
        chosen = len(value) >= 6 and classes(value) >= 3 and _DIGIT.search(value) is not None and looks_like_password(value) and not is_placeholder(value)
        if looks_like_access_code(value) or spoken or chosen or _said_as_words(value):
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "lock-opens-with"))
    if out:
        out += _typed_as_written(text, out[0].end)
    opens_said = holds_any(lowered, _OPENS_CUES)
    lock_readers = ((_TYPED_ON_LOCK, _LOCK_COLON, _CODE_IS) if lock_said else ()) + ((_TYPED_THEN_OPENS,) if opens_said else ())
    if lock_readers:
        for regex in lock_readers:
            for m in regex.finditer(text):
                group = "bracketed" if "bracketed" in regex.groupindex and m.group("bracketed") is not None else "code"
                code = m.group(group)
                if not looks_like_access_code(code) or looks_like_year(code) or _UNIT_AFTER.match(text, m.end(group)):
                    continue  # (not a count: "Printer: 4200 pages a month")
                if regex is _TYPED_THEN_OPENS and is_placeholder(code):
                    continue  # "enter 1234 and it opens": the docs' sequence, no lock named to say it is a real one
                if group == "bracketed" and (_NOT_A_DEVICE_CODE.search(text, max(0, m.start() - 30), m.start(group))
                                             or NOT_AN_ACCESS_CODE.search(text, max(0, m.start() - 30), m.start(group))):
                    continue  # "the printer (model 4020)", "door (ref 2211)": the thing's number, not its code
                if regex is _CODE_IS:
                    sentence = _sentence_around(text, m.start(), m.end())
                    if not _LOCK.search(sentence) or _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                        continue
                out.append(SecretCandidate(m.start(group), m.end(group), "PASSWORD", "lock-code"))
    # (the cues at a word's start: "shipping" holds "pin", "decode" holds "code"; most posts hold none)
    word_starts = _word_starts(lowered) if _DIGIT.search(text) else ""
    named_codes = [_CODE_FOR_DEVICE, _CODE_THEN_DEVICE, _DEVICE_THEN_CODE] if holds_any(word_starts, _CODE_FOR_DEVICE_CUES) else []
    named_codes += [_DEVICE_THEN_TYPE] if holds_any(word_starts, _TYPE_CUES) else []
    for m in (m for regex in named_codes for m in regex.finditer(text)):
        code = m.group("code")
        # (an error or status code of the device, or what a code means, is no code to open it: "code 3001 on the alarm panel
        # means low battery", « code 1202 de la photocopieuse = erreur papier »)
        around = _sentence_around(text, m.start(), m.end())
        if looks_like_access_code(code) and not looks_like_year(code) and not is_placeholder(code) and not _UNIT_AFTER.match(text, m.end("code")) \
                and not _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) and not _EXAMPLE_SAID.search(text, m.start(), m.start("code")) \
                and not NOT_AN_ACCESS_CODE.search(around) and not _CODE_MEANING.search(around) \
                and not _assigned_without_a_change(text, m):
            out.append(SecretCandidate(m.start("code"), m.end("code"), "PASSWORD", "device-code-named"))
    for m in _devices_handing_over(text, lowered):
        span = _value_span(text, m)
        if span is None or _NOT_A_DEVICE_CODE.search(m.group("words")) or _UNIT_AFTER.match(text, span[1]):
            continue
        value = text[span[0] : span[1]]
        # (not an address or a figure: "le routeur : 192.168.0.254", "l'imprimante : 10.2.0.7" are hosts)
        if "." not in value and looks_like_access_code(value) and not looks_like_year(value) \
                and not _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) and not _EXAMPLE_SAID.search(m.group("words")):
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "device-code"))
    for m in _SEED_PHRASE.finditer(text) if holds_any(lowered, _SEED_CUES) else ():
        words = m.group("phrase").split()
        n = next((k for k in _SEED_LENGTHS if k <= len(words)), 0)
        if n and sum(w.casefold() in _FUNCTION_WORDS for w in words[:n]) < 2 and len(set(words[:n])) > n * 3 // 4:
            end = _nth_word_end(text, m.start("phrase"), n)
            while text[end - 1] in _TRAILING:
                end -= 1  # "... humble pilot.": the sentence's full stop
            out.append(SecretCandidate(m.start("phrase"), end, "PRIVATE_KEY", "recovery-phrase"))
    for m in _DEVICE_CONFIG.finditer(text) if "\n" in text and holds_any(lowered, _DEVICE_CUES) else ():
        value, kind = m.group("value"), m.group("type")
        if kind in (None, "0", "7") and not value.isdigit() and (looks_like_password(value) or looks_like_key(value)) \
                and value.casefold() not in _DEVICE_PUBLIC_WORDS:
            out.append(SecretCandidate(m.start("value"), m.end("value"), "PASSWORD", "device-config-secret"))
    out += _presented_passwords(text)
    out += _spelled_passwords(text) if text.count(",") >= 2 and holds_any(lowered, _SPELLED_CUES) else []
    out += _passwords_letter_by_letter(text) if _HYPHENED_LETTERS.search(text) else []
    out += _notes_to_self(text) if holds_any(lowered, _NOTE_CUES) else []
    out += _new_codes(text) if holds_any(lowered, _NEW_CUES) and _DIGIT.search(text) else []
    out += _table_column_secrets(text) if "|" in text and "---" in text else []
    out += _codes_in_digit_words(text) if holds_any(lowered, _DIGIT_WORD_CUES) else []
    return out + _codes_typed_next(text, [c for c in out if c.kind in _TYPED_CODE_KINDS])


def _assigned_without_a_change(text: str, m: re.Match[str]) -> bool:
    """A code word followed by "to"/« à » and a number, but no change verb after it nor just before its phrase: not a code
    set to a value ("send the door code to 4 people", « le code du portail à 2 pas »), unless changed ("changed the gate
    code to 0731")."""
    if "assigned" not in m.re.groupindex or m.group("assigned") is None or _CHANGE_VERB.search(m.group("assigned")):
        return False
    return _CHANGED_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None


# A code given as digit words, four or more in a row after a code word and its connector ("the code for the meeting room
# tablet is four four nine one", « le code c'est sept-trois-trois-zéro », "PIN: one nine eight zero"): a code read out.
_DIGIT_WORD = "(?:" + "|".join(_DIGIT_OF_WORD) + ")"
_DIGIT_WORD_CUES = tuple(w for w in _DIGIT_OF_WORD if w != "oh")
# (the run of digit words found first, then the code word read before it: most posts hold no such run)
_DIGIT_WORD_RUN = re.compile(r"(?i)(?<![\w\-])" + _DIGIT_WORD + r"(?:(?:[ \t]*,[ \t]*|[ \t]+|-)" + _DIGIT_WORD + r"){3,9}(?![\w\-])")
_CODE_BEFORE_DIGIT_WORDS = re.compile(
    r"(?i)(?<![\w\-])(?P<word>codes?|digicode|passcode|pin|combination|combinaison|" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])"
    r"(?P<between>[^.!?\n]{0,60}?)(?:[ \t]*[:=]|[ \t]+(?:is|was|est|c['’]est|it['’]s|will\s+be|sera)(?:[ \t]+(?:now|still|maintenant|toujours|d[ée]sormais))?)"
    r"[ \t]*[\"'«“]?[ \t]*$"
)
_DIGIT_WORDS_REACH = 100  # how far before the digits their code word may stand


def _codes_in_digit_words(text: str) -> list[SecretCandidate]:
    """Codes read out as digit words after a code word (`_DIGIT_WORD_RUN` after `_CODE_BEFORE_DIGIT_WORDS`); not a promo,
    error or postal code, advice, an example, nor a typed sequence or placeholder once written in digits ("one two three
    four five": the film's joke)."""
    out = []
    for run in _DIGIT_WORD_RUN.finditer(text):
        window = max(0, run.start() - _DIGIT_WORDS_REACH)
        m = _CODE_BEFORE_DIGIT_WORDS.search(text, window, run.start())
        if m is None:
            continue
        digits = "".join(_DIGIT_OF_WORD.get(word, "") for word in re.split(r"[\s,\-]+", run.group().casefold()))
        if is_placeholder(digits) or NOT_AN_ACCESS_CODE.search(m.group("between")) or NOT_AN_ACCESS_CODE.search(text, max(0, m.start() - 20), m.start()) \
                or _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _EXAMPLE_SAID.search(_sentence_around(text, m.start(), run.end())):
            continue
        out.append(SecretCandidate(run.start(), run.end(), "PASSWORD", "code-in-digit-words"))
    return out


# A code typed, then the next one to type in the same instruction: « tapez 2024A au portail, puis 7391 pour appeler
# l'ascenseur », "punch in 4821 on the keypad, then 9930 for the lift" (what the second opens named after it).
_TYPED_CODE_KINDS = frozenset({"lock-code", "device-code-named", "device-code", "lock-opens-with"})
_THEN_CODE = re.compile(
    r"[^.!?\n]{0,40}?(?<![\w\-])(?i:puis|then|ensuite|and\s+then|et\s+ensuite|followed\s+by|suivi\s+de)\s+(?i:(?:le|the)\s+)?(?i:code\s+)?"
    r"(?P<code>[0-9A-Z#*][0-9A-Z#*\-]{3,11})(?![\w\-])(?P<purpose>[^.!?\n]{0,50})"
)


_CODE_DEVICE_WORD = re.compile(r"(?i)(?<![\w\-])(?:" + _CODE_DEVICE + r")(?![\w\-])")
_PURPOSE_AFTER = re.compile(r"(?i)\s+(?:to|for|pour)\s")


def _codes_typed_next(text: str, typed: list[SecretCandidate]) -> list[SecretCandidate]:
    out = []
    for found in typed:
        m = _THEN_CODE.match(text, found.end)
        if m is None:
            continue
        code = m.group("code")
        # (what it opens or calls, named after it: a device, a door, a lift; not a room, a floor or a price)
        # ("to" a purpose, not terabytes)
        unit = _UNIT_AFTER.match(text, m.end("code")) is not None and _PURPOSE_AFTER.match(m.group("purpose")) is None
        if looks_like_access_code(code) and not looks_like_year(code) and not unit \
                and (_CODE_DEVICE_WORD.search(m.group("purpose")) or _LOCK.search(m.group("purpose"))):
            out.append(SecretCandidate(m.start("code"), m.end("code"), "PASSWORD", "code-typed-next"))
    return out


# A Markdown table: the header row names each column, the separator row (`|---|:--:|`) follows it.
_TABLE_SEPARATOR = re.compile(r"(?m)^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$")
_COLUMN_PASSWORD = re.compile(r"(?i)^(?:" + ANNOUNCING_PASSWORD_WORDS + r")$")
_COLUMN_KEY = re.compile(r"(?i)^(?:" + ANNOUNCING_KEY_WORDS + r"|" + ANNOUNCING_SECRET_WORDS + r")$")
_COLUMN_TOKEN = re.compile(r"(?i)^(?:" + ANNOUNCING_TOKEN_WORDS + r")$")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stripped span of each cell of the table row text[start:end] (outer pipes dropped)."""
    bounds = [start - 1] + [i for i in range(start, end) if text[i] == "|"] + [end]
    cells = []
    for left, right in zip(bounds, bounds[1:]):
        a, b = left + 1, right
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        cells.append((a, b))
    if text[start:end].lstrip().startswith("|"):
        cells = cells[1:]
    if text[start:end].rstrip().endswith("|"):
        cells = cells[:-1]
    return cells


def _table_column_secrets(text: str) -> list[SecretCandidate]:
    """The cells under a column the header names a password, a key or a token ("| user | password |"): each
    row's value is that credential, read with the shape rules of its family (an empty or "n/a" cell stays clean)."""
    out = []
    separators = list(_TABLE_SEPARATOR.finditer(text))
    for n, separator in enumerate(separators):
        # (a table's rows end at the next table's separator at the latest: each row is read once)
        rows_end = separators[n + 1].start() if n + 1 < len(separators) else len(text)
        header_end = separator.start() - 1
        if header_end <= 0:
            continue
        header_start = text.rfind("\n", 0, header_end) + 1
        families: dict[int, str] = {}
        for k, (a, b) in enumerate(_cells(text, header_start, header_end)):
            name = text[a:b].strip("*_`")
            if _COLUMN_PASSWORD.match(name) or _COLUMN_TOKEN.match(name) or _COLUMN_KEY.match(name):
                # (a column of wifi keys or door codes is a password column, whatever its noun)
                families[k] = named_family("password" if _COLUMN_PASSWORD.match(name) else name) or "API_KEY"
        if not families:
            continue
        row_start = separator.end() + 1
        while row_start < rows_end:
            row_end = text.find("\n", row_start)
            row_end = len(text) if row_end < 0 else row_end
            if "|" not in text[row_start:row_end]:
                break
            for k, (a, b) in enumerate(_cells(text, row_start, row_end)):
                value = text[a:b].strip("`")
                a += text[a:b].index(value) if value else 0
                if k in families and value and " " not in value and _acceptable(value, families[k]):
                    out.append(SecretCandidate(a, a + len(value), families[k], "table-column"))
            row_start = row_end + 1
    return out


# A password spelled out, item by item, after its word: "his password is capital M, mango, seven seven, exclamation mark",
# « mot de passe M comme Marcel, a, r, s, e, i, l, l, e, 1, 3 ». Each item a letter or a digit, a letter and its case
# ("capital M", « M majuscule »), a letter and the word that spells it (« M comme Marcel », "B as in Bravo"), digits said as
# words, a symbol's name, or a word; the list is the password as it is read out, reported whole.
_SYMBOL_NAME = (
    r"(?:an?\s+|un\s+)?(?:exclamation(?:\s+(?:mark|point))?|point\s+d['’]exclamation|question\s+mark|point\s+d['’]interrogation|at\s+sign|arobase|"
    r"hash(?:\s+sign)?|pound\s+sign|di[èe]se|underscore|tiret(?:\s+bas)?|dash|hyphen|[ée]toile|asterisk|ast[ée]risque|dollar(?:\s+sign)?|"
    r"percent(?:\s+sign)?|esperluette|ampersand|slash)"
)
_NAMED_SYMBOL = re.compile(r"(?i)^" + _SYMBOL_NAME + r"$")  # (a code said as words: `_said_as_words`)
_SPELLED_LETTER = (
    r"(?:capitale?|uppercase|upper[\s\-]case|lowercase|lower[\s\-]case|small|majuscule|minuscule|big)\s+[A-Za-z]"
    r"|[A-Za-z]\s+(?:majuscule|minuscule|capitale?)|[A-Za-z0-9]\s+(?:comme|as\s+in|for|like)\s+[A-Za-zÀ-ÿ]{2,15}"
)
_SPELL_TOKEN = r"(?:" + _SPELLED_LETTER + "|" + _SYMBOL_NAME + "|" + _DIGIT_WORD + r"(?:\s+" + _DIGIT_WORD + r")*|[A-Za-z0-9])(?![\w'’])"
_SPELL_ITEM = r"(?:" + _SPELL_TOKEN + r"|(?!voil[àa](?![\w'’]))[A-Za-zÀ-ÿ]{2,15}(?![\w'’]))"  # (« voilà » closes the list)
_SPELLED_PASSWORD = re.compile(
    r"(?i)(?<![\w\-])(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])(?:[ \t]*[:=]|[ \t]+(?:is|est|c['’]est|it['’]s|will\s+be|sera))?[ \t]+"
    r"(?P<value>" + _SPELL_ITEM + r"(?:[ \t]*,[ \t]*(?:(?:and|et|then|puis)[ \t]+)?" + _SPELL_ITEM + r"){2,24})"
    # (ending at punctuation, or at the words closing a list read out: « … 7 et c'est tout », "…, 9 and that's it", « voilà »)
    r"(?=[ \t]*(?:[.;!?)\n]|[ \t]-[ \t]|[—–]|$|,?[ \t]*(?:(?:et|and)[ \t]+)?(?:c['’]est[ \t]+tout|that['’]?s[ \t]+(?:it|all)|voil[àa]|point[ \t]+final)(?![\w\-])))"
)
# Substrings one of which every password word of `_SPELLED_PASSWORD` holds, lowercased (most posts with commas hold none).
_SPELLED_CUES = ("pass", "mdp", "pw", "psw", "pasw", "ssw", "psk", "code", "pin", "sésame", "sesame", "🔑", "🔐", "🗝", "clé", "cle", "key",
                 "secret", "phrase", "combina", "combo", "contrase", "kennwort", "récup", "recup", "secours", "recovery", "backup")
_HYPHENED_LETTERS = re.compile(r"(?<![\w\-.])[A-Za-z0-9][\-.][A-Za-z0-9][\-.][A-Za-z0-9](?![A-Za-z0-9]{2})")  # (the cheap scan first)
_SPELL_TOKEN_WHOLE = re.compile(r"(?i)^(?:" + _SPELL_TOKEN + r")$")


def _spelled_passwords(text: str) -> list[SecretCandidate]:
    """Passwords spelled out after their word (`_SPELLED_PASSWORD`): three items or more, two of them spelling (a letter, its
    case or its word, digits, a symbol's name), so that a list of words ("long, random, unique") is no password."""
    out = []
    for m in _SPELLED_PASSWORD.finditer(text):
        items = [item.strip() for item in re.split(r",", m.group("value"))]
        items = [re.sub(r"(?i)^(?:and|et|then|puis)\s+", "", item) for item in items]
        if sum(_SPELL_TOKEN_WHOLE.match(item) is not None for item in items) < 2:
            continue
        if _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _EXAMPLE_SAID.search(text, max(0, m.start() - 40), m.start("value")):
            continue
        out.append(SecretCandidate(m.start("value"), m.end("value"), "PASSWORD", "password-spelled-out"))
    return out


# A password spelled letter by letter, each letter joined to the next by a hyphen or a dot, after its word: "the password, let
# me spell it, P-I-N-E, C-O-N-E", « le mot de passe : R.O.C.H.E.R.7 ». When the text then gives it whole ("so it's pinecone",
# « donc rocher7 »), the whole value is the password as typed, and the spelling only reads it out; else the spelling is.
_LETTER_RUN = r"[A-Za-z0-9](?:[\-.][A-Za-z0-9]){2,30}(?![\w\-])"
_LETTER_BY_LETTER = re.compile(
    r"(?i)(?<![\w\-])(?:" + ANNOUNCING_PASSWORD_WORDS + r")(?![\w\-])[^.!?\n]{0,60}?(?<![\w\-.])(?P<spelled>" + _LETTER_RUN
    + r"(?:[ \t]*(?:,|puis|then|and|et|\+)?[ \t]*(?<![\w\-.])[A-Za-z0-9](?:[\-.][A-Za-z0-9]){1,30}(?![\w\-])){0,5})"
    # (then the sentence's end, or how it is typed: not a name spelled in a sentence, "the N-I-S-T guidance")
    r"(?=[ \t]*(?:$|[.,;:!?)\"”»'’\n—–]|(?:all|tout|en|in|attach|coll|lower|upper|minus|majus)))"
)
_GIVEN_WHOLE_AFTER = re.compile(
    r"(?i)[^.!?\n]{0,60}?(?<![\w\-])(?:so|thus|i\.e\.|that\s+is|which\s+gives|donc|soit|ce\s+qui\s+(?:donne|fait)|[çc]a\s+(?:donne|fait))"
    r"(?:[ \t]+(?:it['’]s|it\s+is|c['’]est|that['’]s))?[ \t]*:?[ \t]*[\"«“'‘]?[ \t]*(?P<whole>[^\s,;!?«»\"“”'’()]{3,64})"
)


def _passwords_letter_by_letter(text: str) -> list[SecretCandidate]:
    """Passwords spelled letter by letter after their word (`_LETTER_BY_LETTER`): four letters or more; the whole value
    given after it (`_GIVEN_WHOLE_AFTER`) when its letters are the spelling's, else the spelling."""
    out = []
    for m in _LETTER_BY_LETTER.finditer(text):
        letters = re.sub(r"[^A-Za-z0-9]|(?i:puis|then|and|et)", "", m.group("spelled")).casefold()
        if len(letters) < 4 or _ADVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                or _NOT_A_DISCLOSURE.search(text, m.start(), m.start("spelled")) is not None \
                or _EXAMPLE_SAID.search(text, max(0, m.start() - 40), m.start("spelled")):
            continue
        given = _GIVEN_WHOLE_AFTER.match(text, m.end("spelled"))
        whole = given.group("whole").rstrip(_TRAILING) if given is not None else ""
        if given is not None and whole and re.sub(r"[^A-Za-z0-9]", "", whole).casefold() == letters:
            out.append(SecretCandidate(given.start("whole"), given.start("whole") + len(whole), "PASSWORD", "password-spelled-letter-by-letter"))
        else:
            out.append(SecretCandidate(m.start("spelled"), m.end("spelled"), "PASSWORD", "password-spelled-letter-by-letter"))
    return out


def _presented_passwords(text: str) -> list[SecretCandidate]:
    """Values shaped as only a chosen password is, in a sentence that hands them over for logging in: "tapez X pour
    le wifi invité", "we're using X for the guest network password", "connexion au NAS : admin, X", "Wi-Fi ACME (X)".
    The shape (`_typed_password`) is what no word, name, product or figure has; the sentence names a way in
    (a password word, a network, an account, a portal) or says to type it; advice, examples and refusals stay clean."""
    out = []
    done = 0
    # Only the words with a symbol inside (prose puts its "!" and "?" before a space): each read once.
    for symbol in _SYMBOL_INSIDE.finditer(text):
        if symbol.start() < done:
            continue
        start = symbol.start()
        while start > 0 and symbol.start() - start <= 80 and not text[start - 1].isspace():
            start -= 1
        space = _WORD_END.search(text, symbol.end(), symbol.end() + 81)
        end = min(len(text), symbol.end() + 81) if space is None else space.start()
        done = end
        if not 8 <= end - start <= 80:
            continue  # (a longer run is a key, a link or a paste: other finders read those)
        while start < end and text[start] in _OPENING:
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        value = text[start:end]
        if not _typed_password(value):
            continue
        sentence = _sentence_around(text, start, end)
        # (the way in may be named a sentence or two before: "Nouveau wifi invité ! Pour ceux qui demandent : X"; an
        # account's name before a slash is one: "L'outil de notes de frais : jdupont / X")
        context = text[_previous_sentence_start(text, start) : start] + sentence
        user = _USER_SLASH_BEFORE.search(text, max(0, start - 45), start)
        named_user = user is not None and (_ACCOUNT_NAME.match(user.group("user")) or _LOGIN_NAME.match(user.group("user"))) is not None
        if not named_user and _ACCESS_SAID.search(context) is None or _EXAMPLE_SAID.search(sentence) is not None \
                or _ADVICE_BEFORE.search(text, max(0, start - 40), start) or _REFUSED_AFTER.match(text, end) \
                or IDENTIFIER_WORDS.search(text, max(0, start - 40), start):
            continue
        out.append(SecretCandidate(start, end, "PASSWORD", "password-presented", score=0.8))
    return out


# A note the writer leaves to themself, the colon after it opening what is written down for later: "Reminder to myself because
# I keep forgetting: X", « Rappel pour moi-même : pin de la carte carburant 0358 », "note to self — door code 4471".
_NOTE_TO_SELF = re.compile(
    r"(?i)(?<![\w\-])(?:(?:notes?|reminders?|memos?|rappels?|m[ée]mos?|messages?|mots?)\s+(?:to|for|pour|[àa])\s+"
    r"(?:my\s*self|me|self|moi(?:[\s\-]+m[êe]me)?)|pense[\s\-]b[êe]tes?)(?![\w\-])[^.!?\n:=→—–]{0,60}(?::|=|→|—|–)"
)
_NOTE_CUES = ("self", "moi", "pense", " to me", " for me")
_NOTE_VALUE = re.compile(r"[ \t]*[\"'«“`‘]?[ \t]*(?P<value>[^\s\"'«»“”`’]{4,80})")
# ... in the note, a code named by its word or by the lock it opens, whatever stands before it (what it opens, an emoji): "pin de
# la carte carburant 🚗 0358", "gate 7713# after 8pm" (the lock right before its code: "the gate closes at 1830" is a time)
_CODE_IN_NOTE = re.compile(
    r"(?i)(?<![\w\-])(?:(?:" + ANNOUNCING_PASSWORD_WORDS + r"|codes?|digicode|combina\w{0,5})(?![\w\-])(?:[ \t]+[^\s\d:=.!?]{1,25}){0,6}?"
    r"|(?:" + _DEVICE + r")(?![\w\-]))"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+)(?P<code>(?=[^\s\d]{0,39}\d)[^\s\"'«»“”`’]{4,40})"
)


def _notes_to_self(text: str) -> list[SecretCandidate]:
    """What a note to self writes down after its colon: a password of a chosen shape (both cases, a digit, a symbol), or a
    code its word names. Not a reminder of anything else ("note to self: book room 4012", "the promo code 2291")."""
    out = []
    for note in _NOTE_TO_SELF.finditer(text):
        clause_end = _SENTENCE_STOP.search(text, note.end())
        clause = (note.end(), clause_end.start() if clause_end is not None else len(text))
        first = _NOTE_VALUE.match(text, note.end())
        value = first.group("value").rstrip(_TRAILING) if first is not None else ""
        if first is not None and classes(value) == 4 and any(c.isdigit() for c in value) and looks_like_password(value) \
                and "://" not in value and not _EMAIL.fullmatch(value):
            out.append(SecretCandidate(first.start("value"), first.start("value") + len(value), "PASSWORD", "note-to-self"))
            continue
        code = _CODE_IN_NOTE.search(text, *clause)
        value = code.group("code").rstrip(_TRAILING) if code is not None else ""
        if code is not None and (looks_like_access_code(value) and not looks_like_year(value) or classes(value) == 4 and looks_like_password(value)) \
                and not NOT_AN_ACCESS_CODE.search(text, note.end(), code.start("code")) and not _UNIT_AFTER.match(text, code.start("code") + len(value)) \
                and not _ADVICE_BEFORE.search(text, max(note.end(), code.start() - 40), code.start()):
            out.append(SecretCandidate(code.start("code"), code.start("code") + len(value), "PASSWORD", "note-to-self"))
    return out


# A code given as the new one, where that sentence or the one before names a lock or a change: "the keypad on the server room
# door was reset. New code 4 7 1 9 0 then #", « digicode changé ce matin, nouveau code : 55902 », "new PIN for the SIM card
# after the reset: 2750" (words between only before a colon).
_NEW_CODE = re.compile(
    r"(?i)(?<![\w\-])(?:new|nouveau|nouvelle)[ \t]+(?:(?:door|gate|alarm|keypad|safe|porte|portail|alarme|digicode)[ \t]+)?"
    r"(?:codes?|pins?|combinaison|combination)(?:(?:[ \t]+[^\s\d:=.!?]{1,25}){0,8}?[ \t]*(?::|=|" + _ARROW + r")|[ \t]+(?:is|est|c['’]est))?" + _VALUE
)
_NEW_CUES = ("new ", "nouveau ", "nouvelle ")


def _new_codes(text: str) -> list[SecretCandidate]:
    out = []
    for m in _NEW_CODE.finditer(text):
        span = _value_span(text, m)
        if span is None:
            continue
        value = text[span[0] : span[1]]
        context = text[_previous_sentence_start(text, m.start()) : span[0]] + _sentence_around(text, span[0], span[1])
        if looks_like_access_code(value) and not looks_like_year(value) and not _UNIT_AFTER.match(text, span[1]) \
                and not NOT_AN_ACCESS_CODE.search(text, max(0, m.start() - 30), span[0]) \
                and (_LOCK.search(context) or _CODE_DEVICE_WORD.search(context) or _CHANGED.search(context)):
            out.append(SecretCandidate(span[0], span[1], "PASSWORD", "new-code"))
    return out


def _devices_handing_over(text: str, lowered: str) -> list[re.Match[str]]:
    """`_DEVICE_HANDS_OVER`'s matches, tried only where a device's word starts (`_DEVICE_WORD_START`, read on the lowercased
    post: a case-insensitive alternation of forty nouns scanned at every position costs more than the other finders
    together), and only in posts holding a digit (a code holds one: most posts naming a door or a box hand none over)."""
    if _DIGIT.search(text) is None:
        return []
    matches = (_DEVICE_HANDS_OVER.match(text, word.start()) for word in _DEVICE_WORD_START.finditer(lowered))
    return [m for m in matches if m is not None]


def _previous_sentence_start(text: str, start: int) -> int:
    """Where the two sentences or lines before the one holding `start` begin (at most 160 characters back):
    a network's name may stand on its own line between ("Wifi invité\nACME-GUEST\nX")."""
    floor = max(0, start - 160)
    position = start
    for _ in range(3):
        position = max(text.rfind(c, floor, position) for c in ".!?\n")
        if position < 0:
            return floor
    return position + 1


def _typed_password(value: str) -> bool:
    """8 to 40 characters mixing both cases, a digit and a symbol inside (not only closing it: "Bravo2026!" ends a
    cheer), no link, address, handle, file name or hyphenated words: "Marmotte!2026", "Kx9#vTq2"."""
    if not 8 <= len(value) <= 40 or classes(value) < 4 or not _INNER_SYMBOL.search(value[1:-1]):
        return False  # (longer: a key, a certificate's line or a fingerprint, not what people type)
    if "://" in value or "@" in value[1:] or value[0] in "#@" or _FILE_EXTENSION.search(value) or _WORD_COMPOUND_LIKE.match(value) \
            or _STRUCTURED.search(value):
        return False
    return looks_like_password(value)


# (the symbol first, then the look behind: the engine skips to the symbols, 8x faster than a look-behind first)
_USER_SLASH_BEFORE = re.compile(r"(?<![\w\-./@#:])(?P<user>[A-Za-z][\w.\-@]{1,40})[ \t]*/[ \t]*$")
_SYMBOL_INSIDE = re.compile(r"[!#$%&*+=?^~|;<>§€£](?<=\S.)(?=\S)")
_WORD_END = re.compile(r"\s")
# "Server=...;Password=X;", "\\srv\share$\...", "docs/Setup#Part2", "{ODBC Driver}": config and paths, each read by its own finder.
_STRUCTURED = re.compile(r"[=;\\/{}]")
_OPENING = "([{«“\"'`‘<"
# A symbol people put inside a password; not the ones inside names, addresses, figures and words ("-", ".", "'", "/", ":", ",").
_INNER_SYMBOL = re.compile(r"[!#$%&*+=?^~|;<>§€£]")
_WORD_COMPOUND_LIKE = re.compile(r"^[A-Za-zÀ-ÿ]+(?:[&+][A-Za-zÀ-ÿ]+)+\d{0,4}$")  # "R&D", "Canal+2026", "Marks&Spencer"
# A way in named in the sentence (password words, what one logs in to) or the instruction to type the value.
_ACCESS_SAID = re.compile(
    r"(?i)(?<![\w\-])(?:" + ANNOUNCING_PASSWORD_WORDS + r"|wi-?fi|wpa[23]?|wlan|ssid|r[ée]seau|network|vpn|nas|portail|portal|borne|kiosk|extranet|"
    r"intranet|console|compte|account|session|logins?|" + _LOGGING_IN + r"|logger|connexion|connect\w{0,6}|acc[eè]s|access|identifiants?|creds|"
    r"credentials?|tapez|tape|entrez|saisissez|saisis|essayez|essaie|type|enter|try|d[ée]verrouill\w{0,4}|unlock\w{0,3})(?![\w\-])"
)


# Cues without which the finders of `find_by_context` cannot match (substrings of the lowercased post).
_OPENS_CUES = ("ouvr", "opens", "opened ", "open with", "unlock", "verrouill")
_TAKES_CUES = ("takes ", "accepts ", "prend ", "accepte ")  # (not "open" alone: "open source", "opening")
# (the door as French names it, not the verb "porter": "il porte sur", "apporte", "importe")
_LOCK_CUES = ("code", "keypad", "door", "gate", "clavier", "la porte", "les portes", "porte d", "porte:", "porte :", "porte =",
              "porte=", "porte -", "porte →", "portail", "alarm", "lock", "cadenas", "interphone", "coffre",
              "the safe", "safe:", "safe code", "safe combo", "casier",
              # (the other devices a code is typed on, `_DEVICE`: « tapez 4471 sur le boîtier à clés »)
              "boîtier", "boitier", "boîte", "boite", "serrure", "key box", "keybox", "key safe", "vestiaire", "armoire", "cabinet",
              "imprimante", "printer", "copieu", "copier", "badgeuse", "buzzer")
_DIGIT = re.compile(r"\d")
# Where a word of `_DEVICE` may start, in the lowercased post (the first letters of each noun; `_DEVICE_HANDS_OVER` decides).
_DEVICE_WORD_START = re.compile(
    r"(?<![\w\-])(?:alarm|bo[iî]t|box|livebox|freebox|bbox|centrale|clavier|digicode|interphone|intercom|portail|porte|door|gate|barri|"
    r"coffre|safe|vault|cadenas|padlock|serrure|lock|key\s*(?:box|safe)|casier|locker|vestiaire|armoire|cabinet|keypad|photocopi|copi|imprimante|"
    r"printer|badgeuse|buzzer|wi-?fi|routeur|router|[ée]tiquette)"
)
_SEED_CUES = ("phrase", "seed", "mnemoni", "mnémoni", "mots de r")
_DEVICE_CUES = ("secret", "password", "community", "key-string", "pre-shared-key", "psk")


# "Le mot de passe « Acme2026 » est interdit par notre politique", "X is banned": a refused example.
_REFUSED_AFTER = re.compile(
    r"(?i)\W{0,3}\s*(?:(?:est|sont|is|are|was|sera|will\s+be|gets?|serait|would\s+be)\s+)?(?:(?:donc|toujours|automatiquement|automatically|always|now)\s+)?"
    # (not "refusé", "bloqué": a password refused at login, an account blocked, is still a real one)
    r"(?:interdit(?:e|s|es)?|banni(?:e|s|es)?|proscrit(?:e|s|es)?|blacklist[ée](?:e|s|es)?|forbidden|banned|prohibited|blacklisted|"
    r"(?:n['’]est|ne\s+sont|is|are)\s+(?:plus|pas|no\s+longer|not)\s+(?:autoris[ée]e?s?|allowed|permitted|accepted)|not\s+allowed|disallowed)\b"
)


def _listed_codes(text: str, start: int) -> list[tuple[int, int]]:
    """The items of a list of codes starting at `start` (after the colon naming them): two or more, one shape
    (the same groups and separators: generated together), each holding a digit and 4 to 24 letters and digits,
    none a year, a date, a sequence or a placeholder. The list runs to the end of its line, or, when the colon
    ends its line, over the lines below to a blank one."""
    if not any(c.isdigit() for c in text[start : start + 40]):
        return []  # every item holds a digit, the first within reach: most colons after a password word
    # (600 characters at most: a list of codes is short, and each colon after a password word reads one)
    line_end = text.find("\n", start, start + 600)
    line_end = min(len(text), start + 600) if line_end < 0 else line_end
    if text[start:line_end].strip():
        end = line_end
    else:
        blank = text.find("\n\n", line_end + 1, line_end + 600)
        end = min(len(text), line_end + 600) if blank < 0 else blank
    stop = _SENTENCE_STOP.search(text, start, end)
    end = stop.start() if stop is not None else end
    # items separated by commas, wide spaces, lines..., or, when there is none of those, by single spaces
    pieces = _split_spans(text, start, end, _LIST_SEPARATOR if _LIST_SEPARATOR.search(text, start, end) else _SPACES)
    items: list[tuple[int, int]] = []
    shape = ""
    for piece_start, piece_end in pieces:
        m = _CODE_ITEM.match(text, piece_start, piece_end)
        if m is None:
            break
        value = m.group(0)
        item_shape = _ALNUM.sub("x", value)
        if shape and item_shape != shape:
            if item_shape.startswith(shape) and item_shape[len(shape)] == " ":
                value, item_shape = value[: len(shape)], shape  # the last item, then words: "4627 5525 à garder"
            else:
                break
        alnum = sum(c.isalnum() for c in value)
        if not (4 <= alnum <= 24 and any(c.isdigit() for c in value)) or looks_like_year(value) or is_placeholder(value.replace(" ", "").replace("-", "")) \
                or _DATE_LIKE.match(value):
            break
        shape = item_shape
        items.append((m.start(), m.start() + len(value)))
        if m.end() < piece_end:
            break  # words after the item: the list ends there
    return items if len(items) >= 2 else []


def _split_spans(text: str, start: int, end: int, separator: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The non-blank pieces of text[start:end] between `separator`s, as (start, end), read as they are asked for."""
    position = start
    for m in separator.finditer(text, start, end):
        if m.start() > position and text[position : m.start()].strip():
            yield position, m.start()
        position = m.end()
    if end > position and text[position:end].strip():
        yield position, end


# Words saying a list's values are examples, not anyone's codes.
_EXAMPLE_SAID = re.compile(
    r"(?i)(?<![\w\-])(?:exemples?|examples?|e\.g|ex|format|formats|type|like|such\s+as|comme|fake|factices?|fictifs?|fictives?|dummy|samples?|"
    r"invalid|invalides?|mod[èe]les?|templates?)(?![\w\-])"
)
_SPACES = re.compile(r"[ \t]+")
_ALNUM = re.compile(r"[0-9A-Za-z]")
_SENTENCE_STOP = re.compile(r"[.!?(]\s|[.!?(]$|\s[—–-]\s")
_DATE_LIKE = re.compile(r"^\d{1,4}[ \-]\d{1,2}[ \-]\d{1,4}$")
_WEAK_NOUN_CUES = ("clé", "cle ", "clef", "key", "code", "combina")  # ("cle" alone: "article", "cycle")
_LIST_CONNECTOR = re.compile(r"[:=→➡>👉]")  # (what `_LISTED` needs between the words and the list)
_RECOVERY_CUES = ("récup", "recup", "secours", "recovery", "backup")


_WORD_AND_NUMBER = re.compile(r"^[a-zà-ÿ]{4,20}[\-_.]?\d{3,6}$")


def _chosen_word_and_number(value: str) -> bool:
    """A password chosen as people choose them, a lower-case word and a number ("lavande8449", "ocean_5521"):
    what a ticket or a booking reference never is (those are upper-case codes)."""
    return _WORD_AND_NUMBER.match(value) is not None and not looks_like_year(value[-4:])


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts: after the last ".", "!", "?" or line break before it."""
    return max(text.rfind(c, 0, position) for c in ".!?\n") + 1


def _placeholder_not_in_use(value: str) -> bool:
    """A placeholder (`is_placeholder`), where a pair is said to be in use: there a typed sequence of digits or a password
    people choose most ("admin / 12345" asked for by a login screen, "still opens with root/123456") is the password set."""
    # (not a field's name: "asks for username / password")
    return is_placeholder(value) and not (value.isdigit() and len(set(value)) > 2
                                          or value.casefold() in COMMON_PASSWORDS and value.casefold() not in _URL_PLACEHOLDERS)


def _strongly_shaped(value: str) -> bool:
    """A value no word or name looks like: 8+ characters mixing three classes, a digit among them."""
    return len(value) >= 8 and classes(value) >= 3 and any(c.isdigit() for c in value)


# The passwords people choose most, which no shape tells from a word or a sequence: said to be someone's own
# ("my ultra secret password is azerty, yes really", « notre mdp wifi c'est 12345678 »), they are still disclosed.
COMMON_PASSWORDS = DEFAULT_PASSWORDS | frozenset(
    {"123456", "1234567", "12345678", "123456789", "1234567890", "000000", "111111", "123123", "654321", "abc123", "azerty", "azertyuiop",
     "qwerty", "qwertyuiop", "password1", "password123", "admin123", "iloveyou", "soleil", "doudou", "loulou", "chouchou", "marseille",
     "motdepasse1", "dragon", "monkey", "football", "sunshine", "princess", "jetaime"}
)
# Whose password: a possessive before the password word ("my", « notre », "the CEO's").
_OWNED_BEFORE = re.compile(r"(?i)(?<![\w\-])(?:my|our|his|her|their|mon|ma|notre|nos|son|sa|leur|\w+['’]s)\s+(?:[\w\-]+\s+){0,3}$")


# People in general choosing passwords, as a report counts them: "people still use", « des gens qui utilisent », "users
# pick", or a ranking: "the most common", « les plus utilisés », "top 10", « le classement ». One of the commonest passwords
# cited so is a statistic.
_SAID_OF_PEOPLE = re.compile(
    r"(?i)(?<![\w\-])(?:(?:people|folks|everyone|everybody|users|employees|gens|personnes|utilisateurs|utilisatrices|salari[ée]s|fran[çc]ais)"
    r"(?:\s+[\w'’]+){0,3}?\s+(?:still\s+)?(?:use|using|used|uses|choose|chose|pick|picked|keep|utilisent|utilisaient|choisissent|mettent|gardent)"
    r"|statisti\w+|rankings?|classements?|palmar[èe]s|top\s*\d+|most\s+(?:common|used|popular)|"
    r"les\s+plus\s+(?:courants|utilis[ée]s|fr[ée]quents|r[ée]pandus))(?![\w\-])"
)
# Whose, in that sentence: the writer's or a system's (« notre routeur », "my", "the wifi password", « le mot de passe du NAS »)
# is no statistic.
_OWNED = re.compile(
    r"(?i)(?<![\w\-])(?:my|our|mon|ma|mes|notre|nos|chez\s+nous|\w+['’]s\s+(?:password|mdp)|"
    r"the\s+[\w\-]+\s+(?:password|passcode|pin|code)|(?:password|passcode|pin|code|mot\s+de\s+passe|mdp)\s+(?:of|for|on|du|de\s+la|de\s+l['’]|des|sur))(?![\w\-])"
)


def common_password_cited_of_people(text: str, start: int, end: int) -> bool:
    """One of the commonest passwords (`COMMON_PASSWORDS`) cited of people in general, as a report or a survey counts them
    (« des gens qui utilisent « 123456 » comme mot de passe selon le dernier rapport »); not one said to be the writer's own
    or a system's ("our router still has 123456 as its password")."""
    if text[start:end].casefold() not in COMMON_PASSWORDS:
        return False
    sentence = _sentence_around(text, start, end)
    return _SAID_OF_PEOPLE.search(sentence) is not None and _OWNED.search(sentence) is None


def _owned_common_password(text: str, word_start: int, value: str) -> bool:
    """One of the commonest passwords said to be someone's own, in a sentence that gives no advice or statistic."""
    if value.casefold() not in COMMON_PASSWORDS or _OWNED_BEFORE.search(text, max(0, word_start - 40), word_start) is None:
        return False
    sentence = _sentence_around(text, word_start, word_start + 1)
    return _NOT_A_DISCLOSURE.search(sentence) is None and _ADVICE_BEFORE.search(text, max(0, word_start - 40), word_start) is None \
        and _DEFAULT_WORDS.search(sentence) is None


# Public defaults: "the default login is admin / admin", « le PIN par défaut est 0000 ».
_DEFAULT_WORDS = re.compile(
    r"(?i)\b(?:default|par\s+d[ée]faut|d['’]usine|factory|out\s+of\s+the\s+box|after\s+install(?:ation)?|apr[èe]s\s+installation)\b"
)


def _is_public_default(value: str, text: str, start: int) -> bool:
    """A well-known default value (admin, 0000, 1234) in a sentence saying it is the default: public, opens nothing
    that is not already documented."""
    if not (value.casefold() in DEFAULT_PASSWORDS or is_placeholder(value)):
        return False
    sentence_start = _sentence_start(text, start)
    return _DEFAULT_WORDS.search(text, sentence_start, start) is not None


# A vendor's public API key, the identifying half its private or secret half goes with ("clé publique X, clé privée Y",
# "MJ_APIKEY_PUBLIC=X / MJ_APIKEY_PRIVATE=Y", as Mailjet's pairs are): a key id under another name. An asymmetric public
# key (PEM, ssh-..., 300+ base64 characters) has no such shape.
_PUBLIC_HALF = re.compile(
    r"(?i)(?:(?<![\w\-])|(?<=_))(?:api[ _\-]?key[ _\-]?public|public[ _\-]?(?:api[ _\-]?)?key|cl[ée]f?\s+(?:d['’]\s*api\s+)?publique)(?![a-z])"
    r"[\"']?[ \t]*[:=]?[ \t]*[\"']?(?P<value>[A-Za-z0-9_\-]{16,64})(?![\w+/=\-])"
)
_PUBLIC_HALF_CUES = ("public", "publique")
_PUBLISHABLE = re.compile(r"(?i)pk[_\-]")  # a publishable key (Stripe's pk_, Langfuse's pk-lf-): made to be published


def _access_halves(text: str) -> list[SecretCandidate]:
    """The identifying halves of key pairs (`_ACCESS_HALF`): named an access key id, or an auth or access id, a key
    id or "access" with the secret half after it."""
    out = []
    for m in _ACCESS_HALF.finditer(text):
        value = m.group("value")
        access_key_id = m.group("needs_secret") is None and "key" in m.group("name").casefold()
        if not access_key_id and _SECRET_HALF.search(text, m.end(), m.end() + _SECRET_HALF_REACH) is None:
            continue  # "access 2FA...", "the key id 7F3A19C2 is on the keyserver", a payment's "auth id": no secret half after it
        if _PUBLIC_KEY_ID_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "GPG key ID 3AA5C34371567BD2": public key material's id
        if _identifier_shaped(value) and not _ASSIGNMENT.match(value):
            out.append(SecretCandidate(m.start("value"), m.end("value"), secret_family(value, "access key id"), "access-key-id"))
    for m in _PUBLIC_HALF.finditer(text) if holds_any(text.lower(), _PUBLIC_HALF_CUES) else ():
        value = m.group("value")
        if _SECRET_HALF.search(text, m.end(), m.end() + _SECRET_HALF_REACH) is None or _PUBLIC_KEY_ID_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # a public key given alone is shared on purpose; a PGP or SSH key's is its owner's to publish
        if _identifier_shaped(value) and not _ASSIGNMENT.match(value) and not _PUBLISHABLE.match(value):
            out.append(SecretCandidate(m.start("value"), m.end("value"), "API_KEY", "public-half-of-a-key-pair"))
    return out


# A vendor's account or key identifier whose secret half is often given right after it ("AC<32 hex> / <auth token>",
# "TWILIO=AC...:<token>", "AKIA... / <secret>"), with the family the vendor gives that secret half. The account SID names
# the account, as a login does: the secret beside it is the credential, the SID is not reported.
_TWILIO_ACCOUNT_SID = r"AC[0-9a-f]{32}"
_PAIRED_IDENTIFIERS: tuple[tuple[str, str], ...] = (
    (_TWILIO_ACCOUNT_SID, "TOKEN"),  # Twilio's account SID: its Auth Token
    (r"SK[0-9a-f]{32}", "API_KEY"),  # Twilio's API key SID: its secret
    (r"(?:AKIA|ASIA)[A-Z0-9]{16}", "API_KEY"),  # AWS's access key id (the catalogue's shape): its secret access key
)
# (any of the identifiers: what `_SECRET_BESIDE_ID` needs, searched first since most posts have none)
_PAIRED_ID_CUE = re.compile("|".join(shape for shape, _ in _PAIRED_IDENTIFIERS))
ACCOUNT_IDENTIFIER = re.compile(_TWILIO_ACCOUNT_SID)  # an account's name, not a credential (`scan` drops it)
_SECRET_BESIDE_ID = re.compile(
    r"(?<![\w\-])(?P<id>" + "|".join(f"(?P<i{n}>{shape})" for n, (shape, _) in enumerate(_PAIRED_IDENTIFIERS)) + r")(?![\w\-])"
    # a separator, or words naming the secret half ("and token", ", le token", "\nAuth Token:"), at most five
    r"(?P<between>[ \t]*(?:[:/|,;=]|-{1,2}>|→)?[ \t]*\n?[ \t]*(?:[^\s]{1,20}[ \t]+){0,5}?(?:[^\s]{1,20}[ \t]*[:=][ \t]*)?)[\"']?"
    r"(?P<value>[A-Za-z0-9+/_\-]{20,128})(?![\w+/=\-])"
)


def _secret_halves_beside_ids(text: str) -> list[SecretCandidate]:
    """The secret half given right after a vendor's identifier (`_PAIRED_IDENTIFIERS`): a generated value; its family is
    what the words between name, else the vendor's name for it."""
    out = []
    for m in _SECRET_BESIDE_ID.finditer(text):
        value = m.group("value")
        if any(re.fullmatch(shape, value) for shape, _ in _PAIRED_IDENTIFIERS) or _ASSIGNMENT.match(value):
            continue  # another identifier, or a config line read as config
        if not (looks_generated(value) or is_hex(value) and len(value) >= 32 and looks_random(value)):
            continue
        vendor = next(family for n, (_, family) in enumerate(_PAIRED_IDENTIFIERS) if m.group(f"i{n}") is not None)
        family = named_family(m.group("between").strip(" \t\n:=/|,;"), value) or vendor
        out.append(SecretCandidate(m.start("value"), m.end("value"), family, "secret-beside-its-id"))
    return out


def _identifier_shaped(value: str) -> bool:
    """An account's generated identifier: random-looking, a short key's shape, or 16+ hex digits mixing digits
    and letters (Backblaze's key ids: 25)."""
    if looks_random(value) or looks_like_short_key(value):
        return True
    return 16 <= len(value) <= 64 and is_hex(value) and any(c.isdigit() for c in value) and any(c.isalpha() for c in value) \
        and entropy(value) >= 3.0


def _lines_with_user_option(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line holding a user option (-u, --username...)."""
    out: list[tuple[int, int]] = []
    for m in _USER_OPTION.finditer(text):
        start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.start())
        line = (start, len(text) if end < 0 else end)
        if not out or out[-1] != line:
            out.append(line)
    return out


def _basic_credentials(value: str) -> bool:
    """base64 of "user:password" (HTTP basic authentication): a user name, a colon and a password that is no
    placeholder ("user:<password>", "admin:changeme" are the docs')."""
    decoded = decoded_text(value)
    if decoded is None or ":" not in decoded:
        return False
    head, _, password = decoded.partition(":")
    return 0 < len(head) <= 64 and head.isascii() and " " not in head and not is_placeholder(password) and password.casefold() not in _URL_PLACEHOLDERS


# SNMP's default communities and IOS keywords after "password"/"secret": public, or not a value.
_DEVICE_PUBLIC_WORDS = frozenset({"public", "private", "encryption", "level", "required"})


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (at most 80 characters either side)."""
    left = max(start - 80, *(text.rfind(c, 0, start) + 1 for c in ".!?\n"))
    stops = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return text[left : min([end + 80, *stops])]


def _nth_word_end(text: str, start: int, n: int) -> int:
    """Where the n-th word from `start` ends (words separated by spaces or tabs)."""
    position = start
    for _ in range(n):
        while position < len(text) and text[position] in " \t":
            position += 1
        while position < len(text) and not text[position].isspace():
            position += 1
    return position


def _user_before(text: str, end: int, pair_passwords: set[int]) -> bool:
    """`end` is followed by " / " and then one of `pair_passwords`."""
    slash = _SLASH_AFTER.match(text, end)
    return slash is not None and slash.end() in pair_passwords


_SLASH_AFTER = re.compile(r"[ \t]*/[ \t]*")


def _words_joined(value: str) -> bool:
    """Words drawn and joined to make a password ("correct-horse-battery-staple", « mouette-rouge-falaise-crabe »), not a
    phrase written with dashes: a place ("on-the-fridge"), a compound adjective ("case-sensitive-by-design")."""
    return not any(part in _PHRASE_WORDS for part in re.split(r"[\-._]", value.casefold()))


def _acceptable(value: str, family: str, code_word: bool = False) -> bool:
    if "://" in value or value.startswith("//"):
        return False  # a link: the secret inside it, if any, is found on its own (userinfo, ?token=)
    if family == "PASSWORD":
        return looks_like_password(value) or code_word and (looks_like_access_code(value) or looks_like_recovery_code(value))
    return looks_like_key(value) or family == "TOKEN" and value.startswith("eyJ")


# ("Data Source=" and "User Id=" are two words: the name may follow a space, as the string opens after a colon in prose)
_SERVER_KEY = re.compile(
    r"(?i)(?<![\w ])(?:server|host(?:name)?|address|addr|database|initial\s+catalog|dbname|endpoint|accountname|port)\s*="
    r"|(?i:(?<!\w)data\s+source\s*=)"
)


def _config_family(name: str, value: str, text: str, start: int) -> str:
    """The family of `value` given to the config name `name` at `start` (`secret_family`, told where it sits)."""
    # Key=value inside a connection string ("Server=...;Password=...;", "?user=x&password=y").
    # A `;` list is a connection string when it names a server or database ("user=bob;pass=X" alone is a login).
    before = text[max(0, start - 1) : start]
    window = text[max(0, start - 120) : start]
    in_url_query = before in ("?", "&")
    # (a JDBC link's properties follow its host: "jdbc:sqlserver://host:1433;user=x;password=y")
    in_connection_string = in_url_query or ";" in window and (_SERVER_KEY.search(window) is not None or "://" in window)
    place = OTP_LINK if "otpauth://" in window else CONNECTION_SETTING if in_connection_string else None
    family = secret_family(value, name, place=place)
    token_user = _TOKEN_USER.search(text, max(0, start - 80), start) if family == "PASSWORD" else None
    if token_user is not None:  # {"username": "token", "password": X}, x-access-token, __token__: a token sent as a password
        family = secret_family(value, place=BASIC_PASSWORD, user=token_user.group("user"))
    return family


def _value_span(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    if m.group("quoted") is not None:
        start, end = m.start("quoted"), m.end("quoted")
        return (start, end) if end > start else None
    if "spaced" in m.re.groupindex and m.group("spaced") is not None:
        return m.start("spaced"), m.end("spaced")
    start, end = m.start("bare"), m.end("bare")
    if text[start] in "([{" and end - start > 1:
        start += 1  # "the admin password (X) must change": the parenthesis is not the password's
    pair_list = _NEXT_PAIR.search(text, start, end)
    if pair_list:
        end = pair_list.start()  # "Password=X;Database=y": the value ends where the next key begins
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    # "!" or "?" closing a sentence ("... is Hunter22! Don't") is punctuation; before lowercase
    # prose ("c'est Acme2026! pour ceux qui") it belongs to the password.
    while end > start and text[end - 1] in "!?" and (end == len(text) or text[end].isspace()) and not re.match(r"\s+[a-zà-ÿ]", text[end : end + 3]):
        end -= 1
    return (start, end) if end > start else None


def _word_before_is_negation(text: str, start: int) -> bool:
    """"sans mdp", "no password", "pas de mdp": what follows is not the password."""
    return re.search(r"(?i)\b(?:sans|pas\s+de|no|without|aucun)\s*$", text[max(0, start - 12) : start]) is not None

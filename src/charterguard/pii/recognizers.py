"""Structured personal data: identifiers, contact data and street addresses.

Every recognizer is a function `(text, language) -> list[Candidate]`. A number
that fails its checksum (or, for phones, the numbering plan) is not returned,
except a phone-shaped number that the text itself announces ("Phone: 451 5986").
Scores come from `scores.SCORES`, raised by a context word (`context`).

Presidio's own recognizers are used where they are right for French text too
(e-mail, IBAN, IP, US SSN; see `presidio_setup`); Presidio has nothing
for French identifiers, and its phone recognizer misses or mis-scores French
writings, so those are here. Patterns have bounded repetitions only: a 10 MB
post costs linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Callable

from .. import validators
from ..text.urls import login_target_spans, userinfo_spans
from .context import has_context
from .entities import Candidate
from .scores import score

Recognizer = Callable[[str, str], list[Candidate]]

# A digit run may not touch another digit, letter or joining symbol.
_NOT_BEFORE = r"(?<![\w+\-/.,@])"
_NOT_AFTER = r"(?![\w\-/@]|[.,]\d)"


def _candidate(text: str, start: int, end: int, entity: str, evidence: str, source: str) -> Candidate:
    return Candidate(start, end, entity, score(evidence, has_context(text, start, end, entity)), source)


# -- French identifiers --------------------------------------------------------

_NIR = re.compile(
    _NOT_BEFORE
    + r"([1-478][\s.\-]?\d{2}[\s.\-]?\d{2}[\s.\-]?(?:\d{2}|2[AaBb])[\s.\-]?\d{3}[\s.\-]?\d{3}[\s.\-]?\d{2})"
    + _NOT_AFTER
)
_SIRET = re.compile(_NOT_BEFORE + r"(\d{3}[\s.]?\d{3}[\s.]?\d{3}[\s.]?\d{5})" + _NOT_AFTER)
_SIREN = re.compile(_NOT_BEFORE + r"(\d{3}[\s.]?\d{3}[\s.]?\d{3})" + _NOT_AFTER)
_TVA = re.compile(r"(?<![\w])(FR[\s]?\d{2}[\s]?\d{3}[\s]?\d{3}[\s]?\d{3})(?!\w)", re.IGNORECASE)
_PASSPORT = re.compile(r"(?<![\w])(\d{2}[A-Z]{2}\d{5})(?!\w)")
_CNI_OLD = re.compile(_NOT_BEFORE + r"(\d{4}\s?\d{2}[\dAB]\s?\d{5})" + _NOT_AFTER)
_CNI_NEW = re.compile(r"(?<![\w])([A-Z0-9]{9})(?!\w)")


def _validated(regex: re.Pattern[str], validator: Callable[[str], bool], entity: str, evidence: str) -> Recognizer:
    def recognize(text: str, language: str) -> list[Candidate]:
        return [
            _candidate(text, m.start(1), m.end(1), entity, evidence, f"charterguard:{evidence}")
            for m in regex.finditer(text)
            if validator(m.group(1))
        ]

    recognize.__name__ = f"recognize_{evidence}"
    return recognize


recognize_nir = _validated(_NIR, validators.nir, "FR_NIR", "nir")
recognize_siret = _validated(_SIRET, validators.siret, "FR_SIRET", "siret")
recognize_siren = _validated(_SIREN, validators.siren, "FR_SIREN", "siren")
recognize_tva = _validated(_TVA, validators.fr_tva, "FR_TVA", "fr_tva")
recognize_passport = _validated(_PASSPORT, validators.fr_passport, "FR_PASSPORT", "fr_passport")


# Not a piece of a longer run of digit groups (an IBAN that failed its checksum, a table).
_CARD = re.compile(_NOT_BEFORE + r"(?<![\dA-Z][ \-])(\d{4}(?:[\s\-]?\d{4}){2}[\s\-]?\d{1,7}|\d{12,19})" + _NOT_AFTER + r"(?![ \-]\d)")


def recognize_card(text: str, language: str) -> list[Candidate]:
    """Payment cards: 12-19 digits, a known issuer prefix, Luhn. Presidio's card regex
    misses 12-15-digit cards (Maestro, JCB 2131, Diners) that posts do carry."""
    return [
        _candidate(text, m.start(1), m.end(1), "CREDIT_CARD", "credit_card", "charterguard:credit_card")
        for m in _CARD.finditer(text)
        if validators.credit_card(m.group(1))
    ]


_IBAN_ANY_CASE = re.compile(r"(?<![\w])([A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?)(?![\w])")


def recognize_iban_any_case(text: str, language: str) -> list[Candidate]:
    """IBANs typed in lowercase ("gb42nawi0445..."), which Presidio's recognizer misses."""
    return [
        _candidate(text, m.start(1), m.end(1), "IBAN_CODE", "iban", "charterguard:iban")
        for m in _IBAN_ANY_CASE.finditer(text)
        if not m.group(1)[:2].isupper() and validators.iban(m.group(1))
    ]


_CNI_ANYWHERE = re.compile(r"(?i)\bcni\b|identit|id card|identity")


def recognize_cni(text: str, language: str) -> list[Candidate]:
    """French ID card numbers: shape only, so only near a context word."""
    if _CNI_ANYWHERE.search(text) is None:
        return []
    out = []
    for regex, evidence in ((_CNI_OLD, "fr_cni_old"), (_CNI_NEW, "fr_cni_new")):
        for m in regex.finditer(text):
            if validators.fr_cni(m.group(1)) and has_context(text, m.start(1), m.end(1), "FR_CNI"):
                out.append(Candidate(m.start(1), m.end(1), "FR_CNI", score(evidence, True), f"charterguard:{evidence}"))
    return out


# -- Phones --------------------------------------------------------------------

# Candidate phone writings: optional +CC / 00CC, optional "(0)", then digit groups
# separated by one space (not a line break: a number never runs over two lines), dot, dash or
# slash; 7 to 15 digits in all.
_SP = " \t\u00a0\u2009\u202f"  # spaces within a line (no-break spaces included)
_PHONE = re.compile(
    r"(?<![\w+])"
    rf"((?:(?:\+|00)\d{{1,3}}[{_SP}.\-]?(?:\(0\)[{_SP}.\-]?)?)?"
    rf"(?:\(\d{{1,4}}\)[{_SP}.\-]?)?"
    rf"\d{{1,12}}(?:[{_SP}.\-/]\d{{1,12}}){{0,6}})"
    rf"(?P<extension>[{_SP}]?(?:x|ext\.?|poste)[{_SP}]?\d{{1,5}})?"
    r"(?![\w])"
)
_DIGIT = re.compile(r"\d")
_PHONE_LABEL_AFTER = re.compile(r"(?i)^[\s\-]?(?:office|mobile|fax|desk|cell|home|work|portable|fixe|bureau)\b")
_CALL_ON = re.compile(
    r"(?i)\b(?:call|text|reach|ring|phone|answering|joindre|appeler|appelez|rappeler|rappelez|joignable)\b[^.\n\d]{0,20}?"
    r"\b(?:on|at|au|le|sur)\s*$"
)


def _announced_phone(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    return bool(_PHONE_LABEL.search(before) or _CALL_ON.search(before) or _PHONE_LABEL_AFTER.match(text[end : end + 12]))

# "+33 6 12 34 56 78" has one lone digit; "1 1 1 1 1 1 1" (a list, a table) is no phone.
_LONE_DIGIT = re.compile(r"(?<![\d])\d(?![\d])")
_SSN_SHAPE = re.compile(r"^\d{3}-\d{2}-\d{4}$")  # a US social security number, not a phone
_ISO_DATE = re.compile(r"^(?:19|20)\d\d[\-/.](?:0[1-9]|1[0-2])[\-/.]\d\d")
_PHONE_LABEL = re.compile(r"(?i)\b(?:t[ée]l[ée]?(?:phone)?|tel|phone|mobile|portable|cell|fax|gsm)\b\.?\s*(?:[:\-]|n°|no\.?)?\s*$")
DEFAULT_PHONE_REGIONS: dict[str, tuple[str, ...]] = {"fr": ("FR",), "en": ("US", "GB", "FR")}


def phone_recognizer(regions: dict[str, tuple[str, ...]] | None = None) -> Recognizer:
    """Phones in any writing, validated with `phonenumbers` for the post's language regions."""
    by_language = regions or DEFAULT_PHONE_REGIONS

    def recognize_phone(text: str, language: str) -> list[Candidate]:
        import phonenumbers

        out = []
        for m in _PHONE.finditer(text):
            raw = m.group(1).rstrip(".-/ ")
            digits = len(_DIGIT.findall(raw))
            if not 7 <= digits <= 15 or _ISO_DATE.match(raw) or _SSN_SHAPE.match(raw) or len(_LONE_DIGIT.findall(raw.replace("(0)", ""))) > 1:
                continue
            start, end = m.start(1), m.start(1) + len(raw)
            if m.group("extension") and raw == m.group(1):
                end = m.end("extension")  # "345-899-3560x4587": the extension is part of the number
            international = raw.startswith(("+", "00"))
            number = raw.replace("(0)", "")
            if raw.startswith("00"):
                number = "+" + number[2:]
            valid = False
            for region in (None,) if international else by_language.get(language, by_language.get("fr", ("FR",))):
                try:
                    parsed = phonenumbers.parse(number, region)
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.is_valid_number(parsed):
                    valid = True
                    break
            if valid:
                evidence = "phone_international" if international else "phone_grouped" if not raw.isdigit() else "phone_compact"
                out.append(_candidate(text, start, end, "PHONE_NUMBER", evidence, f"phonenumbers:{evidence}"))
            elif 7 <= digits <= 12 and not raw.isdigit() and _announced_phone(text, start, end):
                # Phone-shaped and announced as a phone ("Phone: 451 5986", "781 1704 office",
                # "call me on 9472 7916"), numbering plan unknown.
                out.append(Candidate(start, end, "PHONE_NUMBER", score("phone_announced", True), "charterguard:phone_label"))
        return out

    return recognize_phone


# -- Presidio's generic recognizers, re-scored ------------------------------------

_PRESIDIO_EVIDENCE = {
    "EMAIL_ADDRESS": "email",
    "IBAN_CODE": "iban",
    "IP_ADDRESS": "ip",
    "US_SSN": "us_ssn",
}


# Cheap necessary conditions, checked before Presidio's (much larger) patterns run.
_PRESIDIO_PREFILTER = {
    "IP_ADDRESS": re.compile(r"\d\.\d{1,3}\.\d|[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:"),
    "US_SSN": re.compile(r"\d{3}\D?\d{2}\D?\d{4}"),
    "EMAIL_ADDRESS": re.compile(r"@"),
    "IBAN_CODE": re.compile(r"[A-Za-z]{2}[0-9]{2}"),  # Presidio's pattern starts [A-Z]{2}[0-9]{2}
}


def _not_personal(entity: str, text: str, start: int, end: int) -> bool:
    """Presidio spans that are no personal data: a private IP is the company's network
    (the secret rules report it), `password@host` in `scheme://user:password@host` is a
    credential inside a URL, and `admin@host` in `ssh admin@host` or `git@github.com:org/x`
    an account on a machine: none is an e-mail address."""
    if entity == "IP_ADDRESS":
        return validators.private_ip(text[start:end])
    if entity == "EMAIL_ADDRESS":
        return any(s <= start < e for s, e in userinfo_spans(text)) or any(s <= start < e for s, _, e in login_target_spans(text))
    return False


def presidio_recognizer(entity: str) -> Recognizer:
    evidence = _PRESIDIO_EVIDENCE[entity]
    prefilter = _PRESIDIO_PREFILTER.get(entity)

    def recognize(text: str, language: str) -> list[Candidate]:
        if prefilter is not None and prefilter.search(text) is None:
            return []  # and Presidio is not even imported (~0.3 s of a cold check)
        from .presidio_setup import presidio_spans

        out = []
        for start, end in presidio_spans(text, entity):
            if _not_personal(entity, text, start, end):
                continue
            out.append(_candidate(text, start, end, entity, evidence, f"presidio:{evidence}"))
        return out

    recognize.__name__ = f"recognize_{evidence}"
    return recognize


# -- Street addresses --------------------------------------------------------------
#
# An address is found piece by piece, then the pieces are joined and extended:
#   - a street: French "12 bis rue de la Paix", English "3784 Archwood Avenue",
#     "221B Baker St NW", "5th Avenue" forms, street-first forms ("Via dei Fiorentini 17",
#     "Koskikatu 25") when announced or followed by a unit;
#   - a unit ("Apt. 12", "Suite 300", "Flat 3", "#5"), a PO box, a US military address
#     ("PSC 1234, Box 5678 / APO AE 09012"), an intersection ("corner of Main St and 5th Ave");
#   - after a street, the lines or comma parts that read like a unit, a city, a state or
#     province, a postcode (US ZIP / ZIP+4, UK, Canadian, 4-6 digits) and a country.
# Every pattern starts on a digit, a fixed keyword or a cue found by a single scan, and has
# bounded repetitions only.

_FR_STREET_TYPES = (
    r"rue|avenue|av\.?|boulevard|bd|place|pl\.|all[ée]e|impasse|imp\.|chemin|ch\.|route|rte|quai|cours|square|"
    r"voie|passage|rond-point|r[ée]sidence|faubourg|fbg|sentier|villa|cit[ée]|hameau|lieu-dit|parvis|esplanade|"
    r"promenade|mont[ée]e|chauss[ée]e|domaine|lotissement|zac|za|zi|parc|sq\."
)
# Street types (suffixes) that ordinary phrases rarely end with: "12 Baker Street" is an
# address; common USPS/Royal Mail suffixes and their standard abbreviations.
_EN_STREET_TYPES = (
    r"street|st\.?|avenue|ave\.?|av\.|road|rd\.?|boulevard|blvd\.?|lane|ln\.?|drive|dr\.?|court|ct\.?|way|place|pl\.?|"
    r"terrace|terr?\.|parkway|pkwy\.?|square|sq\.?|circle|cir\.?|highway|hwy\.?|trail|trl\.?|crescent|cres\.?|close|"
    r"row|alley|plaza|crossing|loop|str\.?|radial|heights|hts\.?|gardens|mews|walk|grove|turnpike|tpke\.?|"
    r"expressway|expy\.?|freeway|fwy\.?|causeway|pike|bypass|crossroads?|gateway|boul\.?|cv\.?|cove|"
    r"parade|esplanade|embankment|wharf|quay|broadway"
)
# Suffixes that are also ordinary words ("3 Key Takeaways" is no address, "200 Tech Summit" neither):
# weak evidence, an address only with a unit or postcode after it, or a context word.
_EN_WEAK_STREET_TYPES = (
    r"hill|park|view|green|pass|point|summit|center|centre|club|union|station|lake|valley|village|island|isle|"
    r"ridge|creek|river|mall|manor|meadows?|harbou?r|forge|ford|glen|hollow|junction|landing|mill|mount|orchard|"
    r"prairie|ranch|rapids?|shore|spring|springs|vista|fort|port|haven|knoll|oval|path|run|track|trace|wells?|"
    r"extensions?|estates?|fields?|flats?|court?s|streets|squares|lanes|roads|drives|ways|places|parks|loops|plains?"
)
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?"
_CAP_WORD = r"[A-ZÀ-Ý][\wÀ-ÿ'’\-]*"
_PARTICLE = r"(?:(?:de|du|des|la|le|les|à|aux|en|sur|sous|et|of|the|do|da|dos|del|di|von|van)\s|[ld]['’]\s?)"
# Street name: capitalised words (or numbers: "du 8 Mai 1945"), particles between them.
_NAME_WORDS = rf"(?:{_PARTICLE})*(?:{_CAP_WORD}|\d{{1,4}})(?:[\s\-](?:{_PARTICLE})*(?:{_CAP_WORD}|\d{{1,4}})){{0,4}}"
_POSTCODE_CITY_FR = (
    rf"(?:(?:0[1-9]|[1-8]\d|9[0-8])[ \t]?\d{{3}})[ \t]+{_CAP_WORD}(?:[\s\-](?:{_PARTICLE})?{_CAP_WORD}){{0,3}}"
    rf"(?:\s+(?i:cedex)(?:\s\d{{1,2}})?)?"
)

_FR_ADDRESS = re.compile(
    rf"(?<![\w])(\d{{1,4}}(?:\s?(?i:bis|ter|quater|[a-d])\b)?,?\s(?i:{_FR_STREET_TYPES})\s{_NAME_WORDS})"
    rf"(?:,?\s*(?:\n\s*)?({_POSTCODE_CITY_FR}))?",
)
# Building number ("12", "221B", "12-14"), an optional direction, 1-4 name words (capitalised,
# or ordinals: "5th", "Fifth"), the street type, an optional direction after it ("NW").
_BUILDING = r"\d{1,6}[A-Za-z]?(?:-\d{1,5})?"
_EN_NAME_WORD = r"(?:[A-ZÀ-Ý][\wÀ-ÿ'’\-\.]*|\d{1,3}(?:st|nd|rd|th))"
_EN_ADDRESS = re.compile(
    rf"(?<![\w\-/.,:])({_BUILDING}\s(?:{_DIRECTION}\s)?(?:{_EN_NAME_WORD}\s){{1,4}}?"
    rf"(?i:(?P<strong>{_EN_STREET_TYPES})|(?P<weak>{_EN_WEAK_STREET_TYPES}))(?:\s{_DIRECTION}(?=[\s,]|$))?)(?![\w])",
)
# "Rua do Arenque 1634", "Via dei Fiorentini 17", "Beiteveien 2", "Erzsébet tér 19."
_STREET_FIRST = re.compile(
    r"(?<![\w])((?:Rua|Via|Viale|Calle|Avenida|Av\.|Paseo|Piazza|Largo|Travessa|Camino|Carrer|Strada)\s(?:[\wÀ-ÿ'’\-\.]+\s){1,4}\d{1,5}"
    r"|[A-ZÀ-Ý][\wÀ-ÿ\-]*(?:gata|gatan|veien|vegen|vej|vägen|katu|tie|straße|strasse|str\.|weg|laan|gasse|utca|tér|út|ulica|cesta|terrasse|plein|allé)\s\d{1,5}\.?"
    r"|[A-ZÀ-Ý][\wÀ-ÿ\-]*\s(?:utca|tér|út|körút|ulica|cesta|katu|vej|veien|gate|gata|terrasse|straße|allé)\s\d{1,5}\.?)"
    r"(?![\w])"
)
# The words that introduce a unit ("Apt. 615", "Bât. 4"), matched without regard to case: the
# regexes and the prefilter's words below are both built from this one list.
_UNIT_SPELLINGS = ("Apt.", "Apt", "Apartment", "Suite", "Ste.", "Ste", "Unit", "Flat", "Appt.", "Appt", "Appartement", "Box", "BP", "CS",
                   "Bâtiment", "Batiment", "Bât.", "Bat.")
_UNIT_WORDS = "|".join(re.escape(word) for word in sorted(_UNIT_SPELLINGS, key=len, reverse=True))
_UNIT = re.compile(rf"(?<![\w])((?:{_UNIT_WORDS})\s?#?\d{{1,5}}[A-Z]?)(?![\w])", re.IGNORECASE)
_UNIT_NEEDS = tuple(sorted({word.lower() for word in _UNIT_SPELLINGS}))  # one is in every _UNIT match
# A PO box is a whole mailing address by itself.
_PO_BOX = re.compile(r"(?<![\w])((?:P\.?\s?O\.?\s?Box|Post\s+Office\s+Box|POB)\s?#?\d{1,6})(?![\w])", re.IGNORECASE)
# US military mail: "PSC 1234, Box 5678 / APO AE 09012", "Unit 2050 Box 4190 / DPO AP 96522", "USNS Comfort / FPO AA 34055".
_MILITARY = re.compile(
    r"(?<![\w])((?:(?:PSC|CMR|Unit)\s\d{1,5},?\s+Box\s\d{1,5}|(?:USS|USNS|USNV|USCGC)\s[^\W\d_][\w'’\-]*(?:\s[^\W\d_][\w'’\-]*){0,2})"
    r"[ \t]*,?[ \t]*\n?[ \t]*(?:APO|FPO|DPO)\s(?:AA|AE|AP)\s\d{5}(?:-\d{4})?)(?![\w])",
    re.IGNORECASE,
)
_MILITARY_PREFILTER = re.compile(r"(?i)(?<![\w])[adf]po\s")
_POSTCODE_CITY = re.compile(rf"(?<![\w\-])({_POSTCODE_CITY_FR})")

# An intersection: "the corner of Main St and 5th Ave", "intersection of Elm Street & Oak Road".
_CORNER = re.compile(r"(?i)(?<![\w])(?:corner|intersection|junction)\s+of\s+")
_CORNER_SIDES = re.compile(
    r"((?:[\w'’\-\.]+[ \t]){0,4}?[\w'’\-\.]+)[ \t]+(?:and|&)[ \t]+"
    rf"((?:\d{{1,5}}[ \t])?[^\W_][\w'’\-\.]*(?:[ \t](?:[A-ZÀ-Ý\d][\w'’\-\.]*|(?i:{_EN_STREET_TYPES}|{_EN_WEAK_STREET_TYPES})(?![\w]))){{0,3}})"
)
_STREETISH = re.compile(rf"\d|(?i:(?<![\w])(?:{_EN_STREET_TYPES}|{_EN_WEAK_STREET_TYPES}|{_FR_STREET_TYPES})(?![\w]))")

# A street written name-first ("Koskikatu 25", "Søndergade 52", "Piroska u. 97.", "6750 Allika 46"):
# far too common a shape to mean an address by itself ("Windows 11"), so only right after an address
# cue with a context word ("address:", "lives at"...), or right before a unit ("Kesk 53, Suite 343").
_WORD = r"[^\W\d_][\w'’\.\-]*"
_ANNOUNCED_STREET = re.compile(rf"((?:\d{{1,6}}[ \t])?{_WORD}(?:[ \t]{_WORD}){{0,2}}[ \t]\d{{1,5}}[A-Za-z]?\.?)(?![\w])")
_ADDRESS_CUE = re.compile(
    r"(?i)(?<![\w])(?:address(?:es)?|adresse|lives?\s(?:at|on)|located\sat|situ[ée]e?\sau|domicili[ée]e?\sau|habite\sau|moved\sto|"
    r"sen[dt]\s(?:it\s|a\snew\sone\s)?to|ship(?:ped)?\sto|deliver(?:ed)?\sto|office\sis\sat|is\sat|at|on|au|to|is|with)(?![\w])"
    r"(?:\s+is)?[ \t]*[:\-]?\s*|:\s*"
)
# "The address of Acme is 12 ...": a sentence, not a street name.
_FUNCTION_WORD = re.compile(
    r"(?i)(?<![\w'’])(?:of|is|are|was|were|the|an?|for|in|on|at|to|and|or|with|my|our|your|his|her|their|its|this|that|"
    r"every|all|some|more|than|only|least|most|top|over|under|about|am|pm|a\.m|p\.m|"
    r"est|sont|le|la|les|un|une|pour|dans|sur|et|ou|mon|ma|mes|notre|nos|votre|vos|son|sa|ses|leur|leurs)(?![\w'’])"
)
# Name-first street words before a unit: capitalised, abbreviations ("u.", "ul.", "rkp.") or particles.
_NAME_FIRST_WORD = r"(?:[A-ZÀ-Ý][\wÀ-ÿ'’\.\-]*|[a-zà-ÿ]{1,4}\.|(?:de|do|da|dos|das|del|della|di|van|von|der|den|la|le))"
_STREET_BEFORE_UNIT = re.compile(
    rf"(?<![\w])((?:\d{{1,6}}[ \t])?(?:[A-ZÀ-Ý][\wÀ-ÿ'’\.\-]*|[a-zà-ÿ]{{1,4}}\.)(?:[ \t]{_NAME_FIRST_WORD}){{0,2}}[ \t]\d{{1,5}}[A-Za-z]?\.?)"
    r"(?=[ \t]*,?[ \t]*\n?[ \t]*(?i:apt\.?|apartment|suite|ste\.|unit|flat|appt\.?)[ \t]?#?\d)"
)
_UNIT_PREFILTER = re.compile(r"(?i)(?<![\w])(?:apt|apartment|suite|ste\.|unit|flat|appt)[ \t.]")
_UNIT_PREFILTER_NEEDS = ("apt", "apartment", "suite", "ste.", "unit", "flat", "appt")

_POSTCODE = r"(?:\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)"
# A line (or comma part) after a street that reads like "Suite 3", "OULU", "Porto Alegre, RS",
# "Springfield, IL 62704-1234", "London NW1 6XE", "Toronto, ON M5V 2T6", "Finland 80896".
_ADDRESS_TAIL = re.compile(
    r"(?:[ \t]*,?[ \t]*\n[ \t]*|,[ \t]*)"
    rf"((?i:{_UNIT_WORDS})[ \t]?#?\d{{1,5}}[A-Z]?"
    rf"|(?:\d{{4,5}}[ \t]+)?(?:\(?[A-ZÀ-Ý][\wÀ-ÿ'’\.\-)]*(?:[ \t]\(?[A-ZÀ-Ý][\wÀ-ÿ'’\.\-)]*){{0,3}})?(?:,?[ \t]*[A-Z]{{2}})?(?:[ \t]*{_POSTCODE})?)"
    r"(?=[ \t]*(?:\n|,|$|[?.!;])|[ \t]+[a-zà-ÿ])"  # then a line break, punctuation, or prose ("..., Leeds LS6 2AB last year")
)
# Same line, no comma: a unit ("Apt. 615") or capitalised words closing the address
# ("Moosleerau Switzerland", "Kishiev Squares" before a line break).
_SAME_LINE_UNIT = re.compile(rf"[ \t]+((?i:{_UNIT_WORDS})[ \t]?#?\d{{1,5}}[A-Z]?)(?![\w])")
_ENDS_WITH_UNIT = re.compile(rf"(?<![\w])((?i:{_UNIT_WORDS})[ \t]?#?\d{{1,5}}[A-Z]?)$")
_SAME_LINE_PLACE = re.compile(
    rf"[ \t]+([A-ZÀ-Ý][\wÀ-ÿ'’\.\-]*(?:[ \t][A-ZÀ-Ý][\wÀ-ÿ'’\.\-]*){{0,2}}(?:(?P<postcode>[ \t]{_POSTCODE})|(?=[ \t]*(?:\n|,|(?P<end>$)))))"
)
_BUILDING_NUMBER_BEFORE = re.compile(r"(?<![\w\-])\d{1,6}\s$")
_HAS_DIGIT_OR_UNIT = re.compile(rf"\d|(?i:{_UNIT_WORDS})")
_STREET_SOURCES = frozenset(
    {"charterguard:address_street", "charterguard:address_full", "charterguard:address_announced",
     "charterguard:address_street_weak", "charterguard:address_po_box"}
)


def recognize_address(text: str, language: str) -> list[Candidate]:
    """Street addresses (French and English), unit lines, PO boxes, military mail, intersections,
    and postcode + city pairs."""
    out: list[Candidate] = []
    for m in _FR_ADDRESS.finditer(text):
        end = m.end(2) if m.group(2) else m.end(1)
        evidence = "address_full" if m.group(2) else "address_street"
        out.append(_candidate(text, m.start(1), _trim_end(text, m.start(1), end), "STREET_ADDRESS", evidence, f"charterguard:{evidence}"))
    for m in _EN_ADDRESS.finditer(text):
        if _FUNCTION_WORD.search(text, m.start(1), m.start("strong") if m.group("strong") else m.start("weak")):
            continue  # "6 IS CLOSE", "8 PM CT", "3 Every place"
        evidence = "address_street" if m.group("strong") else "address_street_weak"
        out.append(_candidate(text, m.start(1), _trim_end(text, m.start(1), m.end(1)), "STREET_ADDRESS", evidence, f"charterguard:{evidence}"))
    # The word-led patterns below start with a look-behind, which Python's re tries at every
    # position (~15 µs each on a 300-character post): each runs only where one of the words it
    # needs is in the text.
    lowered = text.lower()
    for regex, evidence, words in (
        (_STREET_FIRST, "address_street", None),
        (_UNIT, "address_unit", _UNIT_NEEDS),
        (_PO_BOX, "address_po_box", ("box", "pob")),
    ):
        if words is not None and not any(word in lowered for word in words):
            continue
        for m in regex.finditer(text):
            out.append(_candidate(text, m.start(1), _trim_end(text, m.start(1), m.end(1)), "STREET_ADDRESS", evidence, f"charterguard:{evidence}"))
    if any(word in lowered for word in _UNIT_PREFILTER_NEEDS) and _UNIT_PREFILTER.search(text):
        for m in _STREET_BEFORE_UNIT.finditer(text):
            out.append(_candidate(text, m.start(1), m.end(1), "STREET_ADDRESS", "address_street", "charterguard:address_street"))
    if any(word in lowered for word in ("apo", "fpo", "dpo")) and _MILITARY_PREFILTER.search(text):
        for m in _MILITARY.finditer(text):
            out.append(_candidate(text, m.start(1), m.end(1), "STREET_ADDRESS", "address_military", "charterguard:address_military"))
    corners = _CORNER.finditer(text) if any(word in lowered for word in ("corner", "intersection", "junction")) else ()
    for m in corners:
        sides = _CORNER_SIDES.match(text, m.end())
        if sides and all(_STREETISH.search(s) or s[:1].isupper() for s in sides.groups()) and (
            _STREETISH.search(sides.group(1)) or _STREETISH.search(sides.group(2))
        ):
            end = _trim_end(text, m.start(), sides.end(2))
            out.append(_candidate(text, m.start(), end, "STREET_ADDRESS", "address_intersection", "charterguard:address_intersection"))
    for m in _POSTCODE_CITY.finditer(text):
        out.append(_candidate(text, m.start(1), m.end(1), "STREET_ADDRESS", "address_postcode_city", "charterguard:address_postcode_city"))
    for cue in _ADDRESS_CUE.finditer(text):
        # "Word 25" is far too common to mean an address by itself ("Windows 11"): only right after
        # "address:", "lives at"..., with a context word near.
        street = _ANNOUNCED_STREET.match(text, cue.end())
        if street and _plausible_street_name(text, street) and has_context(text, street.start(1), street.end(1), "STREET_ADDRESS"):
            out.append(Candidate(street.start(1), street.end(1), "STREET_ADDRESS", score("address_street", True), "charterguard:address_announced"))
    joined = _join_address_parts(text, out)
    return [_settle(text, c) for c in _join_address_parts(text, [_extend_address(text, c) for c in joined])]


def _extend_address(text: str, c: Candidate) -> Candidate:
    """Take in the building number before a street and the unit / city / country lines after it."""
    if c.source not in _STREET_SOURCES:
        return c
    start, end = c.start, c.end
    if c.source != "charterguard:address_po_box":
        m = _BUILDING_NUMBER_BEFORE.search(text, max(0, start - 8), start)
        if m:
            start = m.start()
    # Same line, no comma: a unit ("Apt. 615"), then capitalised words closing the address
    # ("Moosleerau Switzerland", "Kishiev Squares" before a line break, "Farmington Hills 48336").
    # At the very end of the text, such words are only taken after a unit or with a postcode.
    unit = _SAME_LINE_UNIT.match(text, end) or _ENDS_WITH_UNIT.search(text, max(start, end - 16), end)
    if unit:
        end = max(end, unit.end(1))
    place = _SAME_LINE_PLACE.match(text, end)
    if place and not _not_an_address_word(place.group(1)) and (unit or place.group("end") is None):
        end = place.end(1)
    for _ in range(4):
        tail = _ADDRESS_TAIL.match(text, end)
        if not tail or not tail.group(1).strip() or len(tail.group(1)) > 40 or _not_an_address_word(tail.group(1)):
            break
        end = tail.end(1)
    return c if (start, end) == (c.start, c.end) else Candidate(start, end, c.entity, c.score, c.source)


def _plausible_street_name(text: str, m: re.Match[str]) -> bool:
    """An announced "Word 25" street: no function word ("of Acme is 12"), no month ("June 20"), and a
    capital letter unless the writer types all in lowercase ("hersnapvej 18")."""
    street = m.group(1)
    if _FUNCTION_WORD.search(street) or _not_an_address_word(street.lstrip("0123456789 \t")):
        return False
    name = street.lstrip("0123456789 \t")
    return name[:1].isupper() or not any(ch.isupper() for ch in text[max(0, m.start(1) - 80) : m.end(1)])


def _not_an_address_word(words: str) -> bool:
    from ..text.normalize import fold_words
    from ..text.not_names import NOT_NAMES

    return fold_words(words.split()[0]) in NOT_NAMES


def _settle(text: str, c: Candidate) -> Candidate:
    """A weak street type ("Oak Hill", "Lake View") is an address once a unit or postcode follows it."""
    if c.source == "charterguard:address_street_weak" and _HAS_DIGIT_OR_UNIT.search(text, c.start + _first_space(text, c), c.end):
        return Candidate(c.start, c.end, c.entity, max(c.score, score("address_street", False)), "charterguard:address_street")
    return c


def _first_space(text: str, c: Candidate) -> int:
    """Offset in `c` after its first street's name (past the building number)."""
    m = _EN_ADDRESS.match(text, c.start)
    return (m.end(1) - c.start) if m else 0


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \n\t,;-":
        end -= 1
    return end


_ADDRESS_GLUE = re.compile(r"^[\s,]{0,4}$")
_STRONG_PARTS = frozenset({"charterguard:address_street", "charterguard:address_full"})


def _join_address_parts(text: str, parts: list[Candidate]) -> list[Candidate]:
    """One address written as street, unit and city pieces becomes one span."""
    parts = sorted(parts, key=lambda c: (c.start, -c.end))
    joined: list[Candidate] = []
    for part in parts:
        if joined:
            last = joined[-1]
            if part.start < last.end or _ADDRESS_GLUE.match(text[last.end : part.start]):
                best = max(last.score, part.score)
                if {last.source, part.source} & _STRONG_PARTS and part.end > last.end:  # a piece added to a street
                    best = max(best, score("address_full", True) if "\n" not in text[last.start : part.end] else best)
                source = last.source if last.score >= part.score else part.source
                joined[-1] = Candidate(last.start, max(last.end, part.end), "STREET_ADDRESS", best, source)
                continue
        joined.append(part)
    return joined


def warm_up(entities: Iterable[str], phone_regions: dict[str, tuple[str, ...]] | None = None) -> None:
    """Load what the recognizers of `entities` load on first use: phonenumbers' metadata of
    the phone regions, Presidio's recognizers, the public-suffix snapshot. A server does it
    before it says ready: its first posts with a phone or an e-mail paid 0.1 s and 0.5 s."""
    wanted = set(entities)
    if "PHONE_NUMBER" in wanted:
        import phonenumbers

        for region in sorted({r for regions in (phone_regions or DEFAULT_PHONE_REGIONS).values() for r in regions}):
            example = phonenumbers.example_number(region)
            if example is not None:
                phonenumbers.is_valid_number(example)
    presidio = sorted(wanted & set(_PRESIDIO_EVIDENCE))
    if presidio:
        from .presidio_setup import offline_tld_extractor, recognizer

        for entity in presidio:
            recognizer(entity)
        if "EMAIL_ADDRESS" in presidio:
            offline_tld_extractor()("example.org")  # the suffix trie is built on the first domain read (~0.3 s)


def structured_recognizers(phone_regions: dict[str, tuple[str, ...]] | None = None) -> list[tuple[str, Recognizer]]:
    """Every structured recognizer, with the entity it finds (an entity may have several)."""
    return [
        ("FR_NIR", recognize_nir),
        ("FR_SIRET", recognize_siret),
        ("FR_SIREN", recognize_siren),
        ("FR_TVA", recognize_tva),
        ("FR_PASSPORT", recognize_passport),
        ("FR_CNI", recognize_cni),
        ("IBAN_CODE", presidio_recognizer("IBAN_CODE")),
        ("IBAN_CODE", recognize_iban_any_case),
        ("CREDIT_CARD", recognize_card),
        ("EMAIL_ADDRESS", presidio_recognizer("EMAIL_ADDRESS")),
        ("IP_ADDRESS", presidio_recognizer("IP_ADDRESS")),
        ("US_SSN", presidio_recognizer("US_SSN")),
        ("PHONE_NUMBER", phone_recognizer(phone_regions)),
        ("STREET_ADDRESS", recognize_address),
    ]

"""Generate bench/data/fr_pii_posts.jsonl: realistic French posts with labelled personal data.

Values are random but valid (NIR key mod 97 incl. Corsica, SIREN/SIRET Luhn, IBAN
mod 97, card Luhn, phones valid for the French numbering plan), written in the
ways people write them. Posts also carry distractors that must NOT be found:
dates, amounts, order numbers, versions, numbers failing their checksum.

    python bench/make_fr_pii_set.py [--n 400] [--seed 7] [-o bench/data/fr_pii_posts.jsonl]

Each line: {"id", "lang": "fr", "text", "spans": [{"start", "end", "entity"}]}.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from charterguard.validators import luhn

GIVEN = (
    "Marie Jean Pierre Camille Julien Sophie Thomas Léa Nicolas Chloé Antoine Manon Hugo Inès Lucas Émilie "
    "Marie-Aude Jean-Baptiste Anne-Sophie Pierre-Yves Mohamed Fatima Karim Yasmine Mehdi Leïla Sofiane Amina "
    "Mamadou Aïssatou Ousmane Fatou Linh Minh Wei Mei João Ana Giulia Matteo Hélène Benoît Gaëlle Loïc "
    "Clémence Maëlys Noé Éloïse Théo Zoé Yann Nolwenn Rachid Samira Ibrahim Awa Thi Kenji Olga Piotr"
).split()
FAMILY = [name.replace("_", " ") for name in (
    "Dupont Martin Bernard Lefèvre Moreau Laurent Girard Roux Fournier Mercier Bonnet Lambert Fontaine Chevalier "
    "Rousseau Garnier Faure Nguyen Tran Benali Haddad Diallo Traoré Ndiaye Kouassi Da_Silva Ferreira Rossi "
    "Le_Goff Le_Bihan Kowalski Schmitt Muller Petitjean Lemaire Barbier Brun Perrin Morel Guérin Boyer "
    "Cohen Lévy Benhamou Chaouch Mensah Okafor Yilmaz Wang Zhang Sato Ivanova"
).split()]
PARTICLE_NAMES = ["de La Fontaine", "de Villiers", "du Pont", "de Saint-Exupéry", "d'Arvor", "Le Du", "de la Tour"]
DOMAINS = ["gmail.com", "orange.fr", "free.fr", "yahoo.fr", "hotmail.com", "laposte.net", "outlook.fr", "sfr.fr", "wanadoo.fr"]
STREET_TYPES = ["rue", "avenue", "boulevard", "place", "allée", "impasse", "chemin", "quai", "cours", "route"]
STREET_NAMES = [
    "de la République", "Victor Hugo", "Jean Jaurès", "des Lilas", "du Général de Gaulle", "Pasteur", "de la Gare",
    "des Écoles", "Gambetta", "du Moulin", "Saint-Michel", "de Verdun", "des Acacias", "Voltaire", "de Paris",
]
CITIES = [("75011", "Paris"), ("69003", "Lyon"), ("13008", "Marseille"), ("31000", "Toulouse"), ("44000", "Nantes"),
          ("33000", "Bordeaux"), ("59000", "Lille"), ("67000", "Strasbourg"), ("35000", "Rennes"), ("06000", "Nice"),
          ("34000", "Montpellier"), ("38000", "Grenoble"), ("92100", "Boulogne-Billancourt"), ("20000", "Ajaccio")]
COMPANIES = ["Décathlon", "BNP Paribas", "Capgemini", "Orange", "la SNCF", "Doctolib", "Michelin", "Airbus", "Leroy Merlin"]


def luhn_digit(body: str) -> str:
    """The check digit that makes `body` + digit pass the Luhn check."""
    return next(d for d in "0123456789" if luhn(body + d))


class Values:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def person(self) -> str:
        given = self.r.choice(GIVEN)
        roll = self.r.random()
        if roll < 0.12:
            return f"{given} {self.r.choice(PARTICLE_NAMES)}"
        if roll < 0.2:
            return f"{given} {self.r.choice(FAMILY)}-{self.r.choice(FAMILY)}"
        return f"{given} {self.r.choice(FAMILY)}"

    def email(self, person: str | None = None) -> str:
        import unicodedata

        name = person or self.person()
        plain = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
        parts = re.findall(r"[a-z]+", plain)
        local = self.r.choice([".".join(parts), parts[0][0] + "".join(parts[1:]), "_".join(parts) + str(self.r.randint(1, 99))])
        return f"{local}@{self.r.choice(DOMAINS)}"

    def phone(self) -> str:
        """A number valid in the French numbering plan, in one of the ways people write it."""
        import phonenumbers

        while True:
            value = self._phone()
            if phonenumbers.is_valid_number(phonenumbers.parse(value.replace("(0)", ""), "FR")):
                return value

    def _phone(self) -> str:
        prefix = self.r.choice(["6", "7", "1", "2", "3", "4", "5", "9"])
        rest = self.digits(8)
        if prefix == "7":
            rest = self.r.choice("345678") + rest[1:]
        pairs = [rest[i : i + 2] for i in range(0, 8, 2)]
        style = self.r.randrange(8)
        if style == 0:
            return "0" + prefix + " " + " ".join(pairs)
        if style == 1:
            return "0" + prefix + "." + ".".join(pairs)
        if style == 2:
            return "0" + prefix + "".join(pairs)
        if style == 3:
            return "+33 " + prefix + " " + " ".join(pairs)
        if style == 4:
            return "+33 (0)" + prefix + " " + " ".join(pairs)
        if style == 5:
            return "0" + prefix + "-" + "-".join(pairs)
        if style == 6:
            return "+33" + prefix + "".join(pairs)
        return "0033 " + prefix + " " + " ".join(pairs)

    def nir(self, valid: bool = True) -> str:
        sex = self.r.choice("12")
        yy, mm = f"{self.r.randint(40, 99):02d}", f"{self.r.randint(1, 12):02d}"
        dept = self.r.choice([f"{self.r.randint(1, 95):02d}", "2A", "2B", "75", "69", "13"])
        if dept == "20":
            dept = "21"
        commune, order = f"{self.r.randint(1, 999):03d}", f"{self.r.randint(1, 999):03d}"
        body = sex + yy + mm + dept + commune + order
        number = int(body.replace("2A", "19").replace("2B", "18"))
        key = 97 - number % 97
        if not valid:
            key = (key + self.r.randint(1, 50)) % 97 + 1
        key_s = f"{key:02d}"
        if self.r.random() < 0.5:
            return f"{sex} {yy} {mm} {dept} {commune} {order} {key_s}"
        return body + key_s

    def siren(self) -> str:
        body = self.digits(8)
        return body + luhn_digit(body)

    def siret(self) -> str:
        body = self.siren() + self.digits(4)
        value = body + luhn_digit(body)
        return f"{value[:3]} {value[3:6]} {value[6:9]} {value[9:]}" if self.r.random() < 0.5 else value

    def siren_written(self) -> str:
        value = self.siren()
        return f"{value[:3]} {value[3:6]} {value[6:]}" if self.r.random() < 0.5 else value

    def iban(self, valid: bool = True) -> str:
        bban = self.digits(5) + self.digits(5) + self.digits(11) + self.digits(2)
        numeric = "".join(str(int(c, 36)) for c in bban + "FR00")
        check = 98 - int(numeric) % 97
        if not valid:
            check = (check + 7) % 97 + 2
        value = f"FR{check:02d}{bban}"
        if self.r.random() < 0.6:
            return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return value

    def card(self) -> str:
        body = self.r.choice(["4", "51", "52", "53", "54", "55"])
        body += self.digits(15 - len(body))
        value = body + luhn_digit(body)
        return " ".join(value[i : i + 4] for i in range(0, 16, 4)) if self.r.random() < 0.7 else value

    def address(self) -> str:
        cp, city = self.r.choice(CITIES)
        number = str(self.r.randint(1, 180)) + self.r.choice(["", "", "", " bis", " ter"])
        return f"{number} {self.r.choice(STREET_TYPES)} {self.r.choice(STREET_NAMES)}, {cp} {city}"

    def passport(self) -> str:
        letters = "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
        return f"{self.r.randint(10, 99)}{letters}{self.digits(5)}"

    # Distractors: never labelled.
    def distractor(self) -> str:
        return self.r.choice([
            f"le {self.r.randint(1, 28)}/{self.r.randint(1, 12):02d}/2025",
            f"commande n° {self.r.randint(100000, 999999)}",
            f"un chiffre d'affaires de {self.r.randint(1, 99)} {self.r.randint(100, 999)} 000 €",
            f"+{self.r.randint(5, 60)} % en un an",
            f"la version {self.r.randint(1, 9)}.{self.r.randint(0, 20)}.{self.r.randint(0, 9)}",
            f"{self.r.randint(2, 40)} 000 participants",
            f"la salle {self.r.randint(100, 450)}",
            f"de {self.r.randint(8, 11)}h30 à {self.r.randint(14, 18)}h",
            f"ticket {self.r.randint(10000, 99999)}-{self.r.randint(100, 999)}",
            f"l'ancien numéro {self.nir(valid=False)} (invalide)",
            f"le RIB de test {self.iban(valid=False)} (faux)",
            f"en {self.r.randint(2019, 2026)}",
        ])


# Templates: {P} person, {E} e-mail, {T} phone, {N} NIR, {S} SIRET, {R} SIREN, {I} IBAN, {C} card,
# {A} address, {X} passport, {D} distractor, {O} a company (not a person).
TEMPLATES = [
    "Bravo à {P} pour sa promotion au poste de responsable commerciale ! Fier de travailler avec elle depuis {D}.",
    "Merci à {P} et {P} pour leur intervention au salon, {D} sur notre stand. #Événement #Merci",
    "Vous cherchez un stage ? Écrivez directement à {P} : {E} ou appelez le {T}.",
    "Pour toute question sur l'atelier, contactez {P} au {T}.",
    "Réunion de lancement avec {P} ce matin, {D}. Prochaine étape : la démo chez {O}.",
    "Petit rappel : les notes de frais sont à envoyer à {E} avant {D}.",
    "Mon numéro de sécu pour le dossier mutuelle : {N}, si quelqu'un des RH peut vérifier 🙏",
    "Nouveau fournisseur référencé : SIRET {S}, merci d'ajouter la fiche avant {D}.",
    "Le SIREN de la filiale est le {R}, à reporter sur les factures de {O}.",
    "Pour le remboursement du séminaire, voici mon IBAN : {I}. Merci {P} !",
    "Ma carte pro a été refusée ({C}), quelqu'un sait qui appeler ? {D}",
    "Rendez-vous au {A} pour notre afterwork de rentrée, {D} !",
    "Le colis pour {P} doit partir au {A}. Elle est joignable au {T}.",
    "Bienvenue à {P} qui rejoint l'équipe data ! Vous pouvez la joindre sur {E}.",
    "Félicitations à {P}, {P} et {P} pour la certification obtenue {D} 🎉",
    "Passeport n° {X} de {P} à transmettre à l'agence de voyage pour le déplacement à Montréal.",
    "Urgent : {P} a perdu son badge, merci de la rappeler au {T} ou par mail {E}.",
    "Retour en images sur notre journée portes ouvertes : {D}, des rencontres et beaucoup d'échanges. Merci à tous !",
    "Fier de l'équipe qui a livré {D} ! Un grand merci à {P} pour son énergie.",
    "Notre nouveau bureau : {A}. Standard : {T}. On vous attend !",
    "Offre d'alternance en marketing digital à Lyon. Candidatures : {E} — {D}.",
    "Le client {P} (NIR {N}) demande la mise à jour de son dossier, adresse : {A}.",
    "Coordonnées bancaires du prestataire : {I}, SIRET {S}. Paiement prévu {D}.",
    "Je partage la fiche de {P} : né à Nantes, {T}, {E}.",
    "Webinaire {D} avec {P} de chez {O} : inscrivez-vous vite !",
    "Merci {P} pour ton aide sur le dossier, {D} on remet ça ?",
    "Conférence de {P} sur l'IA responsable, {D}. Replay disponible sur notre site.",
    "M. {P} souhaite être rappelé au {T} concernant sa réclamation.",
    "Mme {P} a signé le contrat ce matin, {D}. Bravo à toute l'équipe !",
    "{P} et moi serons au salon VivaTech {D}, passez nous voir !",
    "Qui peut relire la présentation de {P} avant {D} ? Son portable : {T}.",
    "Test de la carte {C} pour le paiement fournisseur, référence {D}.",
    "Les chiffres du trimestre sont bons : {D}. Merci à toutes les équipes de {O} !",
    "Rejoignez-nous : CDI à pourvoir à Bordeaux, {D}. Postulez sur notre site carrières.",
]


def fill(template: str, values: Values) -> tuple[str, list[dict]]:
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    last_person: str | None = None
    makers = {
        "P": ("PERSON", values.person), "E": ("EMAIL_ADDRESS", None), "T": ("PHONE_NUMBER", values.phone),
        "N": ("FR_NIR", values.nir), "S": ("FR_SIRET", values.siret), "R": ("FR_SIREN", values.siren_written),
        "I": ("IBAN_CODE", values.iban), "C": ("CREDIT_CARD", values.card), "A": ("STREET_ADDRESS", values.address),
        "X": ("FR_PASSPORT", values.passport), "D": (None, values.distractor), "O": (None, lambda: values.r.choice(COMPANIES)),
    }
    for m in re.finditer(r"\{([A-Z])\}", template):
        literal = template[pos : m.start()]
        out.append(literal)
        length += len(literal)
        entity, make = makers[m.group(1)]
        if m.group(1) == "E":
            value = values.email(last_person if last_person and values.r.random() < 0.7 else None)
        else:
            value = make()
        if entity == "PERSON":
            last_person = value
        if entity:
            spans.append({"start": length, "end": length + len(value), "entity": entity})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", default=str(Path(__file__).parent / "data" / "fr_pii_posts.jsonl"))
    args = parser.parse_args()
    values = Values(random.Random(args.seed))
    with open(args.output, "w", encoding="utf-8") as out:
        for i in range(args.n):
            text, spans = fill(TEMPLATES[i % len(TEMPLATES)], values)
            out.write(json.dumps({"id": f"fr-{i:04d}", "lang": "fr", "text": text, "spans": spans}, ensure_ascii=False) + "\n")
    print(f"wrote {args.n} posts to {args.output}")


if __name__ == "__main__":
    main()

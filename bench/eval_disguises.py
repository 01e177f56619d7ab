"""How many disguises of a code name are caught, and how many near misses pass.

Each disguise is written inside an ordinary sentence with a project context; the
near misses are ordinary words and sentences that must not be flagged. Prints the
count per family and the misses, for the charterguard on PYTHONPATH (run it
twice, with two source trees, to compare).

    python bench/eval_disguises.py [--charter policies/acme-group.yaml]
"""

from __future__ import annotations

import argparse

from charterguard import Charter, Checker

NAME = "Colibri"
DISGUISES: dict[str, list[str]] = {
    "plain and case": ["Colibri", "COLIBRI", "colibri", "CoLiBrI"],
    "accents and look-alikes": ["Cölibri", "Соlibri", "Ｃｏｌｉｂｒｉ", "ℭ𝔬𝔩𝔦𝔟𝔯𝔦", "Colıbri"],
    "leetspeak": ["C0libri", "C0l1br1", "Col!bri", "C0L1BR1"],
    "spaced letters": ["C o l i b r i", "C.o.l.i.b.r.i", "C-o-l-i-b-r-i", "C_o_l_i_b_r_i"],
    "repeated or mixed separators": ["C  o  l  i  b  r  i", "C*o*l*i*b*r*i", "C-0-L-1-B-R-1", "C.o-l i_b/r.i", "C - o - l - i - b - r - i"],
    "zero-width and invisible": ["Co\u200blibri", "Col\u200dibri", "Coli\u2060bri", "Co\u00adlibri", "Co\u034flibri", "Coli\ufe0fbri"],
    "tag characters": ["C\U000e0041olibri", "Co\U000e0020libri"],
    "bidi": ["\u202eirbiloC\u202c", "Col\u200eibri"],
    "small capitals": ["ᴄᴏʟɪʙʀɪ", "Cᴏʟɪʙʀɪ"],
    "syllables and line breaks": ["Co-li-bri", "Coli\nbri", "Coli-\nbri", "Co\u2011li\u2011bri"],
    "pasted from the web": ["&#67;olibri", "&#x43;olibri", "Col&iacute;bri", "%43olibri", "Col%C3%ADbri"],
    "hashtags and mentions": ["#ProjetColibri", "#TeamColibri", "#teamcolibri", "@colibri_team"],
    "inflection and typos": ["Colibris", "Colibrri", "Colirbi", "Coliibri"],
    "regional indicators": ["🇨🇴🇱🇮🇧🇷🇮"],
}
NEAR_MISSES = [
    "Ce document est en Calibri 11",
    "Le tamarin est un petit singe d'Amazonie",
    "Vos colis arrivent demain",
    "Rendez-vous à la librairie du centre",
    "Voyage en Colombie cet été",
    "La constellation d'Orion est visible ce soir",
    "Deux colibris butinaient les fleurs du balcon",
    "Un colibri s'est posé dans le jardin ce matin",
    "Spotted a kestrel hunting over the meadow",
    "A kestrel was nesting in our garden all spring",
    "La colibrisation des process",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--charter", default="policies/acme-group.yaml")
    args = parser.parse_args()
    charter = Charter.load(args.charter).with_company({"codenames": [NAME, "Kestrel", "Tamaris", "Orion-7"]})
    checker = Checker(charter)

    def flagged(text: str) -> list[str]:
        return [f.text for f in checker.check(text, lang="fr", audience="public").findings if f.rule == "confidential.codenames"]

    caught = total = 0
    for family, variants in DISGUISES.items():
        missed = [v for v in variants if not flagged(f"Le projet {v} avance bien, démo lundi.")]
        caught += len(variants) - len(missed)
        total += len(variants)
        print(f"{family:32s} {len(variants) - len(missed)}/{len(variants)}" + (f"   missed: {missed!r}" if missed else ""))
    print(f"disguises caught: {caught}/{total}")
    wrong = [text for text in NEAR_MISSES if flagged(text)]
    print(f"near misses not flagged: {len(NEAR_MISSES) - len(wrong)}/{len(NEAR_MISSES)}" + (f"   flagged: {wrong!r}" if wrong else ""))


if __name__ == "__main__":
    main()

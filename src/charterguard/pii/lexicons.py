"""Small word lists the name filters use (folded: lowercase, no accents). The words that are
never a name on their own (NOT_NAMES, LEADING_NOT_NAME) live in `charterguard.text.not_names`,
the common given names (FIRST_NAMES) in `charterguard.text.given_names`: other layers read them too."""

from __future__ import annotations

# A capitalised span containing one of these is an organisation, a place or a work, not a person.
NOT_IN_NAMES: frozenset[str] = frozenset(
    """
    orchestra band street streets square squares avenue road strasse strassen gasse platz rue boulevard allee impasse quai
    company inc corp corporation group groupe ltd llc sa sas
    university universite school ecole college hotel bank banque foundation fondation association club festival
    conference center centre institute institut lab labs studio studios records museum musee ip ai tech solutions
    consulting services systems partners capital ventures holding agency agence cabinet team equipe project projet
    award awards prize prix summit forum salon expo week day days cup league
    """.split()
)

# Honorifics before a name: strong evidence of a person ("M. Dupont").
TITLES: frozenset[str] = frozenset(
    "m. m mr mr. mrs mrs. ms ms. mme mme. mlle mlle. monsieur madame mademoiselle dr dr. docteur pr pr. professeur "
    "professor prof. maitre me sir lady lord".split()
)


# Brands and companies written like a person's name: never a PERSON.
BRANDS: tuple[str, ...] = (
    "Leroy Merlin", "Louis Vuitton", "Yves Rocher", "Christian Dior", "Jean Paul Gaultier", "Pierre Fabre",
    "Yves Saint Laurent", "Saint Laurent", "Hugo Boss", "Ralph Lauren", "Marc Jacobs", "Tommy Hilfiger",
    "Calvin Klein", "Marie Claire", "Thierry Mugler", "Jacques Dessange", "Franck Provost", "Camille Albane",
    "Jean Louis David", "Roche Bobois", "Pierre Hermé", "Michel et Augustin", "Paul Smith", "Marie Blachère",
    "Jeff de Bruges", "Alain Afflelou", "Guy Degrenne", "Louis Dreyfus", "Pierre et Vacances", "Léon de Bruxelles",
    "Jules Verne", "Victor Hugo", "Jean Jaurès", "Charles de Gaulle", "Marie Curie", "Louis Pasteur",
    "Emmanuel Macron", "Elon Musk", "Sam Altman", "Bill Gates", "Steve Jobs", "Mark Zuckerberg",
    "Dr Martens", "Ben & Jerry's", "Martin Brower", "Jean Lain", "Mont Blanc",
)

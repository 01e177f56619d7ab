"""Folded words (lowercase, no accents) that are never a name on their own: the NER's
sentence filter (`charterguard.nlp`) and the name filters (`charterguard.pii.names`) read them."""

from __future__ import annotations

# Capitalised words that open French/English LinkedIn-style sentences and that
# spaCy tags as PER/LOC/MISC (lessons-from-peers §4): never a name on their own.
NOT_NAMES: frozenset[str] = frozenset(
    """
    bravo merci fier fiere fiers fieres reunion rendez rendez-vous felicitations bienvenue bonjour bonsoir salut
    hello hi thanks thank congrats congratulations welcome dear cher chere chers cheres proud happy excited
    ravi ravie ravis heureux heureuse enchante hate retour focus zoom save date agenda rdv webinar webinaire
    atelier conference salon forum keynote meetup hackathon afterwork team equipe teams slack zoom
    nouveau nouvelle nouveaux lancement launch annonce news update recap bilan top astuce conseil
    lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    january february march april may june july august september october november december
    ceo cto cfo coo drh dg rh it hr pdg directeur directrice manager stagiaire alternant alternante
    linkedin twitter facebook instagram youtube tiktok github google microsoft apple amazon meta openai
    chatgpt copilot gemini claude mistral salesforce sap oracle excel powerpoint word outlook notion jira
    figma canva hubspot shopify stripe paypal netflix spotify uber airbnb tesla
    paris lyon marseille lille nantes bordeaux toulouse nice rennes strasbourg montpellier grenoble
    france europe afrique asie amerique
    cv job jobs emploi recrutement hiring stage alternance cdi cdd freelance
    postulez rejoignez decouvrez inscrivez venez suivez contactez cliquez partagez telechargez retrouvez participez
    join discover register apply follow share download learn meet visit
    """.split()
)

# Words that open a sentence and may stick to a following name inside an NER span
# ("Contactez Marie Dupont", "Merci Julie"): cut from the span's start.
LEADING_NOT_NAME: frozenset[str] = NOT_NAMES | frozenset(
    """
    contactez contacter appelez ecrivez demandez voir avec pour par chez selon grace
    contact call ask email write meet meeting thanks via with by from
    """.split()
)

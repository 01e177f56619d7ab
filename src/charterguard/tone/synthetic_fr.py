"""Synthetic French chat messages for training (build time only).

MLMA French (the only licence-allowed French set) is tweets collected with hate
keywords: it has few direct insults addressed to someone, few threats, little chat
slang, and hardly any ordinary conversation. These templates, written by hand for
this project (not taken, translated or adapted from any data set), add both sides of
what a French chat looks like:

- label 1: insults addressed to someone, threats, exclusion and mockery, body
  shaming, hate aimed at origin, religion, sexual orientation, gender or disability,
  in chat spelling (SMS abbreviations, verlan, missing apostrophes, stretched letters);
- label 0: ordinary chat in the same register (greetings, plans, school, games,
  sport, food, polite disagreement, defending someone, talking *about* religion,
  origin, weight or sexual orientation without attacking anyone, negative-but-fine
  remarks like "je suis crevé" or "ce film était nul").

The same spelling noise is applied to both sides, so the register is not a cue for
the label. Deterministic for a given seed. See MODEL_CARD.md (training data).
"""

from __future__ import annotations

import random

from .corpora import Example

NAMES = ["Lucas", "Emma", "Nour", "Yanis", "Inès", "Mathis", "Léa", "Sofiane", "Chloé", "Kevin", "Sarah",
         "Théo", "Jade", "Adam", "Manon", "Rayan", "Camille", "Hugo", "Lina", "Enzo", "Zoé", "Moussa", "Julie"]
CALL = ["", "", "", "wesh ", "frère ", "mec ", "oh ", "eh ", "toi ", "{name} ", "{name}, ", "@{name} ", "bon ", "sérieux "]
END = ["", "", "", " !", " !!", " !!!", " ?", " mdr", " ptdr", " lol", " wsh", " frérot", " hein", " quoi", " sérieux", " .", " ...", " 😂", " 🙄"]

# -- label 1 ---------------------------------------------------------------------
INSULT_NOUNS = ["connard", "connasse", "bâtard", "enculé", "fils de pute", "fdp", "salope", "pute", "bouffon",
                "abruti", "débile", "crétin", "idiot", "imbécile", "teubé", "golmon", "mongol", "gogol", "cassos",
                "boloss", "tocard", "clochard", "raté", "déchet", "merde", "sous-merde", "ordure", "pourriture",
                "enfoiré", "trou du cul", "tête de con", "guignol", "clown", "minable", "looser", "baltringue",
                "grosse merde", "sale chien", "chienne", "pétasse", "pouffiasse", "mytho", "victime", "naze",
                "parasite", "vermine", "charogne", "crevure", "raclure", "attardé", "demeuré", "taré", "cinglé",
                "lèche-cul", "fayot", "balance", "poucave", "tapette", "fiotte", "lopette", "mauviette"]
INSULT_ADJ = ["nul", "nulle", "con", "conne", "débile", "bête", "stupide", "moche", "laid", "gros", "grosse",
              "inutile", "pathétique", "pitoyable", "minable", "ridicule", "lamentable", "bizarre", "dégueulasse",
              "sale", "puant", "relou", "chiant", "taré", "attardé", "idiot", "mongol", "teubé", "bidon", "obèse"]
INSULT = [
    "t'es qu'un {n}", "t'es vraiment un {n}", "espèce de {n}", "sale {n}", "pauvre {n}", "gros {n}",
    "t'es trop {a}", "t'es {a} ou quoi", "tu es {a}", "vous êtes tous {a}s", "t'es grave {a}", "ferme-la {n}",
    "ta gueule {n}", "ta gueule", "ftg", "tg", "ntm", "nique ta mère", "nique ta race", "ta mère la pute",
    "va te faire foutre", "va te faire enculer", "va chier", "je t'emmerde", "casse-toi {n}", "dégage {n}",
    "t'es vraiment trop {a} mdr", "qu'est-ce que t'es {a}", "mais quel {n} celui-là", "quelle {n} celle-là",
    "bande de {n}s", "vous êtes des {n}s", "t'es un {n} et tout le monde le sait", "{n} va",
    "t'as vu ta tête de {n}", "c'est qui ce {n}", "tu sers à rien", "tu sers à rien sale {n}",
    "t'es con comme tes pieds", "t'es con comme un balai", "t'as un QI de poisson rouge", "t'as pas de cerveau",
    "t'es bête à manger du foin", "tu pues la merde", "tu pues {n}", "tu me dégoûtes", "tu fais pitié",
    "tu me saoules {n}", "tu me casses les couilles", "tu me fais chier", "t'es un boulet",
    "retourne jouer à la poupée", "ferme ta bouche", "ferme ta gueule", "tais-toi {n}", "on t'a rien demandé {n}",
    "personne t'aime", "personne veut de toi", "t'as pas d'amis", "tout le monde se fout de toi", "t'es la honte",
    "t'es la honte de ta famille", "ta mère aurait dû avorter", "t'aurais jamais dû naître", "t'es une erreur",
    "pour qui tu te prends {n}", "t'es qui toi pour parler", "occupe-toi de ton cul", "retourne dans ton trou",
    "va te cacher {n}", "t'es aussi {a} que ta mère", "ta mère est une {n}", "ton père est un {n}",
    "j'te crache dessus", "je te pisse dessus", "t'es qu'une merde et tu le sais", "quelle bande de {n}s",
]
THREAT = [
    "je vais te tuer", "je vais te buter", "je vais te défoncer", "je vais te casser la gueule", "je vais te niquer",
    "je vais te frapper", "je vais te tabasser", "je vais t'éclater", "je vais te démonter", "je vais te faire la peau",
    "je vais te retrouver et tu vas voir", "je sais où tu habites", "on sait où t'habites", "fais gaffe à toi",
    "t'es mort", "t'es un homme mort", "tu vas le payer", "tu vas le regretter", "tu vas morfler",
    "tu vas prendre cher", "je t'attends à la sortie", "on va te défoncer à la sortie", "je vais te mettre une baffe",
    "je vais t'en coller une", "tu veux te battre", "viens te battre si t'es un homme", "je te démonte quand tu veux",
    "va crever", "crève {n}", "j'espère que tu crèves", "va te pendre", "suicide-toi", "tue-toi", "jette-toi d'un pont",
    "tu mérites de crever", "on va te faire regretter d'être né", "je vais te briser", "je vais te détruire",
    "répète ça et je t'éclate", "redis ça en face et tu verras", "je vais brûler ta maison", "je vais te planter",
]
# Blaming, denigration and mockery without a swear word (covert aggression).
COVERT = [
    "c'est de ta faute", "tout est de ta faute", "à cause de toi on a perdu", "t'as tout gâché comme d'hab",
    "t'es pas capable de faire un truc bien", "t'as rien compris comme d'habitude", "t'es nul en tout",
    "personne t'écoute", "personne te calcule", "on s'en fout de ton avis", "ton avis on s'en bat les couilles",
    "tu te crois drôle", "tu te crois malin", "tu te prends pour qui", "t'es ridicule", "tu fais honte",
    "regarde-toi avant de parler", "t'as vu comment t'es habillé", "t'as vu ta gueule", "t'as vu ta dégaine",
    "même ta mère t'aime pas", "même tes parents ont honte de toi", "t'as aucun ami et ça se comprend",
    "les gens comme toi on devrait les enfermer", "c'est des gens comme toi qui pourrissent tout",
    "vous les {g} vous êtes tous pareils", "encore un {s} qui se plaint", "t'es bien un {s} toi",
    "on t'a pas sonné le {s}", "retourne pleurer chez ta mère", "va pleurer ailleurs", "pleure pas bébé",
    "t'es qu'un gamin", "t'es qu'une gamine", "grandis un peu", "t'as quel âge pour dire des trucs pareils",
    "ferme-la personne t'a demandé ton avis", "tu mérites ce qui t'arrive", "bien fait pour toi",
    "t'as que ce que tu mérites", "personne te pleurera", "on va tous se moquer de toi demain",
    "je vais montrer ta photo à tout le monde", "je vais balancer tes messages", "tout le lycée va savoir",
    "t'es trop {a} pour comprendre", "t'as un problème toi", "t'es malade dans ta tête", "va te faire soigner",
    "mdr regarde-le il croit qu'il est beau", "lol t'es tellement {a}", "on rigole tous de toi",
]
GROUPS = ["arabes", "noirs", "juifs", "musulmans", "migrants", "immigrés", "étrangers", "africains", "roms", "gitans",
          "chinois", "homos", "pédés", "gays", "lesbiennes", "trans", "femmes", "handicapés", "gros", "obèses",
          "rebeus", "renois", "cathos", "réfugiés", "asiatiques"]
GROUP_SG = ["arabe", "noir", "juif", "musulman", "migrant", "gitan", "chinois", "homo", "pédé", "gouine", "trans",
            "handicapé", "gros", "obèse", "rebeu", "renoi", "bougnoule", "négro", "youpin", "bridé", "tapette"]
HATE_PRED = ["des voleurs", "des animaux", "des parasites", "des terroristes", "des malades", "des sous-hommes",
             "une race inférieure", "des déchets", "des singes", "des porcs", "tous pareils", "une plaie",
             "des dégénérés", "des cassos", "la honte de ce pays", "des sales", "contre nature", "des chiens"]
HATE = [
    "les {g} sont {p}", "tous les {g} sont {p}", "les {g} dehors", "dehors les {g}", "mort aux {g}",
    "sale {s}", "sale {s} de merde", "espèce de {s}", "t'es qu'un {s}", "retourne dans ton pays sale {s}",
    "rentre chez toi sale {s}", "retourne dans ton bled", "on veut pas de {g} ici", "les {g} me dégoûtent",
    "je déteste les {g}", "je hais les {g}", "les {g} puent", "il faut tous les virer ces {g}",
    "faut les brûler ces {g}", "un bon {s} est un {s} mort", "t'es {s} donc t'as pas le droit de parler",
    "les {g} ont rien à faire ici", "l'homosexualité c'est une maladie", "être gay c'est contre nature",
    "les femmes à la cuisine", "une femme ça doit se taire", "t'es une fille donc tais-toi",
    "va manger ton porc", "t'es gros comme une baleine", "gros lard", "grosse vache", "sac à graisse",
    "arrête de bouffer gros porc", "tu prends deux places dans le bus", "t'as avalé un frigo",
    "t'es tellement grosse que", "t'as vu ton bide", "va faire un régime", "le fauteuil roulant il te va bien le triso",
    "t'es autiste ou quoi", "t'es handicapé ou quoi", "retourne au zoo", "ça sent le {s} ici",
]

# -- label 0 ---------------------------------------------------------------------
NEUTRAL = [
    "salut ça va", "ça va et toi", "trop bien ce soir", "on se voit demain au lycée", "t'as fini le devoir de maths",
    "tu viens à la soirée samedi", "j'ai trop faim", "je suis crevé ce soir", "je suis mort de fatigue",
    "ce film était nul franchement", "le prof de maths est absent demain", "on mange où ce midi", "je t'envoie le lien",
    "t'as vu le match hier", "le PSG a encore perdu", "j'ai raté le bus", "je vais être en retard désolé",
    "tu peux m'aider pour l'exo 3", "merci beaucoup", "de rien", "bonne nuit", "à demain", "grave d'accord",
    "je suis pas d'accord avec toi mais ok", "on en reparle demain", "c'est pas grave", "t'inquiète",
    "jsp ce que je vais faire ce week-end", "je joue à Fortnite ce soir", "tu joues à quoi", "elle est où {name}",
    "{name} t'es où", "j'arrive dans 5 min", "vas-y je t'attends", "c'était trop drôle mdr", "je rigole",
    "je suis dégoûté on a perdu", "j'en ai marre des contrôles", "trop dur le contrôle de physique",
    "la cantine c'était horrible aujourd'hui", "il pleut encore", "j'ai mal à la tête", "je suis malade aujourd'hui",
    "tu me prêtes ton chargeur", "on fait un foot", "t'as écouté le nouvel album", "il est trop bien ce son",
    "je crève de chaud", "je suis mort de rire", "tu vas mourir de rire", "ça m'a tué mdr", "c'est une tuerie ce burger",
    "j'ai trop le seum on a perdu", "c'est chaud ce qui s'est passé", "bon courage pour demain",
    "joyeux anniversaire {name}", "félicitations", "t'as eu combien", "j'ai eu 12", "franchement bien joué",
    "arrête de l'embêter", "laisse-la tranquille", "laisse-le tranquille s'il te plaît", "c'est pas cool ce que tu dis",
    "arrêtez de vous moquer de lui", "on se calme", "calmez-vous tous", "c'est pas drôle de se moquer",
    "le racisme c'est grave", "on est tous égaux", "personne mérite d'être insulté", "moi je trouve ça injuste",
    "il a le droit d'être comme il est", "chacun sa religion", "le ramadan commence demain", "bon ramadan à tous",
    "joyeux Noël à tous", "je vais à la mosquée vendredi", "je vais à la messe avec ma grand-mère", "shabbat shalom",
    "mon pote est gay et alors", "mes deux mamans viennent au spectacle", "la marche des fiertés c'est samedi",
    "je fais un régime pour le foot", "je mange trop de bonbons", "j'ai pris deux kilos pendant les vacances",
    "ma grand-mère est en fauteuil roulant", "mon frère est autiste et il est trop fort en maths",
    "mes parents viennent d'Algérie", "je pars au Maroc cet été", "ma famille est portugaise", "je parle arabe avec ma mère",
    "il y a des nouveaux élèves qui viennent d'Ukraine", "la prof d'histoire nous a parlé de l'immigration",
    "on a un exposé sur le harcèlement", "le harcèlement ça doit s'arrêter", "si quelqu'un t'embête dis-le au CPE",
    "je vais en parler au prof", "t'as raison", "c'est vrai", "ok ça marche", "pas de souci", "vas-y", "bien vu",
    "je comprends pas la question", "quelqu'un a les cours d'hier", "tu peux répéter", "c'est quoi le programme",
    "j'adore ce jeu", "trop mignon ton chat", "ton dessin est trop beau", "t'es trop fort", "t'es trop gentil",
    "t'es la meilleure", "t'es un bon pote", "merci t'es un amour", "t'es grave drôle", "t'es un génie",
    "t'es trop stylé", "tu es très forte", "vous êtes géniaux", "franchement t'as assuré", "bravo à toi",
    "j'ai perdu mes clés", "mon téléphone est mort", "la batterie est morte", "le wifi est nul ici",
    "le bus est encore en retard", "ce jeu est nul", "cette série est trop longue", "j'ai détesté la fin",
    "c'était pas terrible", "bof", "je sais pas", "on verra", "peut-être demain", "je peux pas ce soir",
    "je suis chez ma tante", "je rentre tard", "tu veux venir", "on se rejoint à la gare",
    "il fait trop froid", "vivement les vacances", "la flemme", "j'ai la flemme de réviser", "trop stressé pour le bac",
    "le combat contre le cancer continue", "la guerre en Ukraine c'est horrible", "les migrants ont traversé la mer",
    "la police a arrêté un voleur dans le quartier", "le film parle d'un tueur en série", "il s'est battu pour ses droits",
    "je vais tuer le temps en jouant", "j'ai tué le boss final", "on a défoncé l'autre équipe au foot",
    "il a explosé son record", "ce match était une tuerie", "je me suis cassé le bras", "il s'est fait voler son vélo",
]


def _noise(text: str, rng: random.Random) -> str:
    """Chat spelling, applied the same way to both labels."""
    r = rng.random()
    if r < 0.25:
        text = text.replace("t'es", "tes").replace("t'as", "ta").replace("c'est", "c").replace("qu'", "k")
    elif r < 0.4:
        text = text.replace("'", " ")
    if rng.random() < 0.5:
        text = text.lower()
    elif rng.random() < 0.15:
        text = text.upper()
    if rng.random() < 0.3:
        text = text.replace("é", "e").replace("è", "e").replace("à", "a").replace("ê", "e")
    if rng.random() < 0.12:
        words = text.split()
        if words:
            k = rng.randrange(len(words))
            w = words[k]
            if w and w[-1].isalpha():
                words[k] = w + w[-1] * rng.randint(2, 4)
            text = " ".join(words)
    return text


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        n=rng.choice(INSULT_NOUNS), a=rng.choice(INSULT_ADJ), g=rng.choice(GROUPS), s=rng.choice(GROUP_SG),
        p=rng.choice(HATE_PRED), name=rng.choice(NAMES),
    )


def _message(pool: list[str], rng: random.Random, neutral_tail: bool) -> str:
    body = _fill(rng.choice(pool), rng)
    call = _fill(rng.choice(CALL), rng)
    text = call + body + rng.choice(END)
    if neutral_tail and rng.random() < 0.3:  # an ordinary sentence around it
        other = _fill(rng.choice(NEUTRAL), rng)
        text = f"{other} {text}" if rng.random() < 0.5 else f"{text} {other}"
    return _noise(text, rng)


def chat_examples(count: int, seed: int) -> list[Example]:
    """`count` messages, half aggressive (1), half ordinary (0), deterministic."""
    rng = random.Random(seed)
    aggressive = INSULT * 2 + THREAT + HATE + COVERT  # insults are the most frequent kind
    out: list[Example] = []
    for i in range(count):
        if i % 2 == 0:
            out.append(Example(_message(aggressive, rng, True), 1, "fr"))
        else:
            text = _message(NEUTRAL, rng, False)
            if rng.random() < 0.35:  # two ordinary sentences
                text = f"{text} {_noise(_fill(rng.choice(NEUTRAL), rng), rng)}"
            out.append(Example(text, 0, "fr"))
    return out

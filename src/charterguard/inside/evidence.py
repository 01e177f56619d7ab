"""Evidence that a fact is not public yet, said in words no cue list can enumerate:
the shapes of such sentences rather than their words.

- **restricted knowledge**: who does not know, or must not ("nobody outside the exec
  team knows yet", "les équipes ne sont au courant de rien", "the market has no idea",
  "you're not supposed to see this", "on ne communique pas encore", "pas encore signé");
- **insider vantage**: how the writer came to know ahead ("leaked to me", "j'ai vu passer
  le plan", "saw the Q4 numbers before they go to the auditors");
- **disclosure ahead**: the event that will make it public, with its date ("annonce aux
  syndicats le 8 janvier", "présentation au CSE le 12", "the release is Thursday",
  "until the board votes on the 9th", "j'attendrais la publication du trimestre").

Restricted knowledge and insider vantage are read anywhere in the post, like the
secrecy cue list. A disclosure ahead counts only outside the topic's own clause: "les
résultats seront publiés le 12 mars" is a calendar, "180 postes supprimés, présentation
au CSE le 12" is the fact before its date; and never in a post framed as public.

Regular expressions on the post's text (case aside): run only on posts that hold a
sensitive topic, once per post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.alternation import Alternation

_I = re.IGNORECASE
_APOS = "['’]"
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|january|february|"
    r"march|april|june|july|august|september|october|november|december)"
)
# A date ahead: "le 12", "le 8 janvier", "on the 28th", "Thursday", "in January", "à 7h", "tomorrow".
_DATE = (
    rf"(?:\b(?:le|du|au|on|the|by|until|till)\s+(?:the\s+)?\d{{1,2}}(?:er|st|nd|rd|th)?\b(?!\s*(?:%|€|\$|k|m\b|millions?|ans|years|jours|days|postes|roles|jobs|personnes|people))"
    rf"|\b{_WEEKDAY}\b|\b(?:en|in|early|fin|end of|d[ée]but)\s+{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}\b"
    r"|\b\d{1,2}\s*(?:h|am|pm)\b|\bdemain\b|\btomorrow\b|\bnext week\b|\bla semaine prochaine\b"
    # A holiday or a break ahead as the date: "gets told after New Year", "annonce après les fêtes".
    r"|\b(?:after|before|until|till|avant|apr[èe]s|d[èe]s)\s+(?:the\s+|les\s+|le\s+|la\s+|l['’]\s*)?(?:new\s+year|christmas|xmas|easter|holidays|"
    r"summer\s+break|f[êe]tes|no[ëe]l|p[âa]ques|nouvel\s+an|r[ée]veillon|rentr[ée]e|vacances)\b"
    # A delay ahead: "announcement in three weeks", "annonce dans dix jours".
    r"|\b(?:in|dans)\s+(?:\d+|a|one|two|three|four|five|ten|a\s+few|un|une|deux|trois|quatre|cinq|dix|quinze|quelques)\s+(?:days?|weeks?|jours|semaines)\b)"
)
# The events that make a fact public (the noun or its verb).
_DISCLOSURE = (
    r"(?:annonce(?:r|ra|ront)?|communiqu(?:er|era|eront|erons|[ée](?:\s+de\s+presse)?)|pr[ée]sentation|presented\s+to|presenting\s+(?:it\s+)?to|communication|publication|officialisation|notification"
    r"|com\s+de\s+crise|crisis\s+comms?"
    r"|announcement|announce|announcing|release|all[- ]hands|town\s?hall|board\s+votes?|votes?|signing|signature|disclosure|earnings call"
    # The board meeting that decides what is disclosed: "the board meets tomorrow", "le conseil se réunit jeudi".
    r"|board\s+meets|conseil\s+se\s+r[ée]unit"
    # Slang for "made public": "ils tombent mardi", "le communiqué sort lundi", "results go out on the 30th".
    r"|tomb(?:e|ent|era|eront)|sort(?:e|ent|ira|iront)?|go(?:es)?\s+out|come(?:s)?\s+out|drops?|hits?\s+the\s+wire"
    # Those who learn it then: "la presse l'apprendra le 2", "the works councils hear about it on the 3rd".
    r"|(?:l['’]\s*)?apprend\w*|inform[ée]e?s|hears?\s+about\s+it|(?:only|first|officially)\s+hears?|finds?\s+out|learns?\s+(?:about\s+)?it"
    r"|(?:get|gets|got|are|is|be|being)\s+told"
    # Leave to tell, with its date: "we're only allowed to say it on the 12th", "on ne pourra le dire que le 3".
    r"|allowed\s+to\s+(?:say|announce|share|tell|talk\s+about)(?:\s+(?:it|this|that|anything))?"
    r"|autoris[ée]e?s?\s+[àa]\s+(?:le\s+|l['’]\s*)?(?:dire|annoncer|en\s+parler|communiquer)"
    r"|(?:le|l['’])\s*dire\s+que"
    # The plan that makes it public: "comms plan goes to the board Thursday", "le plan de com passe au comex lundi".
    r"|comms?\s+plan|communications?\s+plan|plan\s+de\s+com(?:munication)?"
    r"|(?:le\s+|en\s+)?saur(?:a|ont|ez|ons)(?:\s+plus)?|report(?:s|ing)?|(?:get|are|be)\s+briefed|d[ée]couvr\w*"
    # The information of the staff's representatives: "l'info CSE, c'est le 9", "information des syndicats le 3".
    r"|info(?:rmation)?s?\s+(?:aux?\s+|du\s+|des\s+)?(?:CSE|syndicats?|IRP|partenaires\s+sociaux|works\s+councils?|unions?))"
)
_AUDIENCE = r"(?:au|aux|[àa]\s+l['’]|[àa]\s+la|devant\s+(?:le|les|la))\s*(?:CSE|syndicats?|comit[ée]|conseil|salari[ée]s|[ée]quipes|personnel|march[ée]|AG|assembl[ée]e)"

# The acts that make a fact public, as nouns: what may be deferred ("l'annonce attendra le salon").
_PUBLIC_ACT = (
    r"(?:annonce|communiqu[ée](?:\s+de\s+presse)?|officialisation|publication|notification|"
    r"(?:public\s+|official\s+)?announcement|press\s+release|news\s+release|release|PR\b)"
)
# Held for later: waiting, postponed, only then, not before.
_DEFERRED = (
    r"(?:attend(?:ra|ront|re|ent|e)?\b|patiente(?:ra)?\b|(?:est\s+|sera\s+)?(?:repouss|report|d[ée]cal|diff[ée]r)[ée]e?s?\b|"
    r"(?:ce\s+sera\s+|sera\s+|c['’]\s*est\s+)?(?:seulement|uniquement|pas\s+avant)\b|pour\s+plus\s+tard\b|"
    r"(?:has\s+to\s+|have\s+to\s+|must\s+|will\s+|can\s+|gotta\s+|needs?\s+to\s+)?wait(?:s|ing)?\b|"
    r"(?:is\s+|are\s+|was\s+|gets?\s+)?(?:held|pushed|kept)\s+(?:back|until|till|off|for)\b|(?:is\s+|was\s+|has\s+been\s+)?(?:postponed|delayed|deferred)\b|"
    r"(?:comes?\s+|will\s+come\s+|goes\s+out\s+)?(?:only|not)\s+(?:after|once|when|before|until|till)\b|"
    # Planned for after an event: "press release planned for after the board signs off", « communiqué prévu après le conseil ».
    r"(?:is\s+|est\s+)?(?:planned|scheduled|expected|slated|set|due|pr[ée]vue?s?|programm[ée]e?s?|cal[ée]e?s?)\s+(?:for\s+|pour\s+)?"
    r"(?:after|once|when|following|apr[èe]s|une\s+fois|d[èe]s\s+que|quand|[àa]\s+l['’]\s*issue)\b)"
)
_NOBODY = r"(?:nobody|no one|no-one|none of (?:them|us|the \w+))"
_KNOWS = r"(?:knows?|is aware|has heard|suspects?|has a clue)\b"
_RESTRICTED = [
    # Nobody in or outside a circle knows; nobody knows yet ("nobody knows the weather" is no secret).
    rf"\b{_NOBODY}\s+(?:outside|on|in|at|from|of|apart from|except|beyond)\b(?:\s+[\w-]+){{0,4}}?\s+{_KNOWS}",
    rf"\b{_NOBODY}\s+{_KNOWS}\s+(?:yet|about (?:it|this|that)|anything)\b",
    # The fact elided after it, as the sentence's last words: "Boss out Friday. Nobody knows.", "personne sait."
    # ("nobody knows the weather" has an object of its own).
    rf"\b{_NOBODY}\s+(?:knows|has\s+a\s+clue)\s*(?:[.!…]|$)",
    rf"\bpersonne\s+(?:ne\s+|n{_APOS}\s*)?(?:le\s+|l{_APOS}\s*)?sait\s*(?:[.!…]|$)",
    # Nobody told or heard of it: "nobody's been told", "no one's told the regulator", "a bond nobody's heard of",
    # "personne n'a prévenu la CNIL", "un pot dont personne n'a entendu parler" (not "nobody told me": the writer's ignorance).
    rf"\b{_NOBODY}(?:{_APOS}s|\s+has|\s+have)\s+(?:yet\s+)?(?:been\s+told|told|informed|warned|notified|heard\s+(?:of|about))\b(?!\s+(?:me|us)\b)",
    rf"\bpersonne\s+n{_APOS}\s*a\s+(?:encore\s+)?(?:pr[ée]venu|inform[ée]|averti|entendu\s+parler|[ée]t[ée]\s+(?:pr[ée]venu|inform[ée]|mis\s+au\s+courant))\b",
    # Someone concerned does not know it yet, whatever is said between: "the old boss doesn't know he's the old
    # boss yet", "l'ancienne ne le sait pas encore" (not "I / we don't know yet": the writer's own ignorance).
    rf"\b(?<!\bi\s)(?<!\bwe\s)(?<!\byou\s)(?:doesn{_APOS}t|don{_APOS}t|does\s+not|do\s+not)\s+know\b[^.!?\n]{{0,40}}?\byet\b",
    rf"\b(?<!\bon\s)(?<!\bje\s)ne\s+(?:le\s+|l{_APOS}\s*)?(?:sait|savent)\s+(?:pas|toujours\s+pas|rien)\s+encore\b",
    # Those who would be told have seen nothing: "investors have seen nothing", "the market hasn't.",
    # "les investisseurs n'ont rien vu", "le marché ne le sait pas".
    r"\b(?:the\s+)?(?:market|street|investors|analysts|shareholders|regulators?|press|staff|employees|unions)\s+"
    rf"(?:(?:has|have)\s+(?:seen|heard)\s+nothing|(?:hasn{_APOS}t|haven{_APOS}t|doesn{_APOS}t|don{_APOS}t)\s*(?:[.!…]|$))",
    r"\b(?:le\s+march[ée]|les\s+investisseurs|les\s+analystes|les\s+actionnaires|la\s+presse|les\s+salari[ée]s|le\s+personnel)\s+"
    rf"(?:n{_APOS}\s*(?:a|ont)\s+rien\s+(?:vu|su|entendu)|ne\s+(?:le\s+|l{_APOS}\s*)?(?:sait|savent)\s+pas)\b",
    # ... or have not been told: "les actionnaires ne sont pas informés", "shareholders aren't informed".
    r"\b(?:le\s+march[ée]|les\s+investisseurs|les\s+analystes|les\s+actionnaires|la\s+presse|les\s+salari[ée]s|le\s+personnel|les\s+[ée]quipes|"
    r"les\s+syndicats|le\s+CSE|les\s+clients)\s+(?:ne\s+(?:sont|seront|est)\s+(?:toujours\s+)?pas|n['’]\s*(?:ont|a)\s+(?:toujours\s+)?pas\s+[ée]t[ée])\s+"
    r"(?:encore\s+)?(?:inform[ée]e?s?|pr[ée]venue?s?|avertie?s?|mise?s?\s+au\s+courant)\b",
    r"\b(?:the\s+)?(?:market|investors|analysts|shareholders|regulators?|press|staff|employees|unions|customers)\s+(?:aren['’]t|are\s+not|won['’]t\s+be|will\s+not\s+be)\s+"
    r"(?:yet\s+)?(?:told|informed|notified|aware)\b",
    r"\b(?:has|have)\s+(?:no|zero)\s+(?:idea|clue)\b",
    r"\b(?:hasn't|haven't|has not|have not)\s+(?:got\s+)?(?:a|any)\s+(?:idea|clue)\b",
    r"\b(?:doesn't|don't|do not|does not)\s+know\s+(?:yet|about (?:it|this|that) yet)\b",
    r"\b(?:nobody|no\s+one|no-one)(?:['’]s|\s+is|\s+was)\s+supposed\s+to\s+(?:see|know|read|hear)\b",
    r"\bpersonne\s+n['’]\s*(?:est|[ée]tait)\s+cens[ée]e?\s+(?:le\s+|l['’]\s*)?(?:savoir|voir|lire|conna[iî]tre)\b",
    r"\b(?:not|\w+n['’]t)\s+supposed\s+to\s+(?:see|know|share|say|post|tell|talk|mention|read|hear)\b",
    # Saying nothing to those who will be told: "sans rien dire au marché", "on ne dit rien aux distributeurs",
    # "without telling the market", "we're not telling customers until".
    r"\b(?:sans\s+rien\s+(?:dire|annoncer)|sans\s+(?:le\s+|l['’]\s*)?(?:dire|annoncer)|ne\s+(?:dit|dis|disons|dites|disent)\s+rien)\s+"
    r"(?:aux?|[àa]\s+l['’]|[àa]\s+la|[àa]\s+nos|[àa]\s+personne|[àa]\s+nos)\b",
    r"\bwithout\s+(?:telling|informing|warning|notifying)\s+(?:the\s+|our\s+|any\s+)?(?:market|investors|customers|clients|staff|employees|"
    r"unions|team|teams|distributors|retailers|press|anyone|anybody)\b",
    r"\b(?:we're|we\s+are|we\s+aren't|we're\s+not|we\s+are\s+not)\s+(?:not\s+)?telling\s+(?:the\s+|our\s+)?(?:market|investors|customers|"
    r"clients|staff|employees|unions|team|distributors|retailers|press|anyone)\s+(?:yet|until|before)\b",
    # The official line is ignorance: "Outside this channel, we know nothing", "officiellement, on ne sait rien".
    r"\b(?:outside\s+(?:this|the)\s+(?:channel|room|team|building|call|meeting)|officially|publicly)\s*,?\s*(?:we|I)\s+know\s+nothing\b",
    rf"\b(?:officiellement|publiquement|en\s+dehors\s+de\s+(?:ce\s+canal|cette\s+(?:pi[èe]ce|r[ée]union)))\s*,?\s*(?:on\s+ne\s+sait\s+rien|on\s+n{_APOS}\s*en\s+sait\s+rien|nous\s+ne\s+savons\s+rien)\b",
    # The news held by the writer: "great news I have to sit on for two weeks", "une nouvelle que je dois garder pour moi".
    r"\b(?:have\s+to|had\s+to|got\s+to|gotta|must|need\s+to|asked\s+to)\s+sit\s+on\s+(?:it|this|that|the\s+news|for|until)\b",
    r"\b(?:dois|devons|doit|dois\s+encore)\s+(?:la\s+|le\s+|les\s+)?garder\s+pour\s+(?:moi|nous)\b",
    # What the writer's own resignation or move is: "isn't public", "pas encore public".
    r"\b(?:isn't|is\s+not|aren't|are\s+not|(?:it|this|that)['’]s\s+not|(?:it|this|that)\s+is\s+not)\s+(?:yet\s+)?public\b",
    r"\bn['’]\s*est\s+pas\s+(?:encore\s+)?publi(?:c|que)\b",
    r"\b(?:not|n't)\s+(?:allowed|permitted|authorised|authorized)\s+to\s+(?:mention|discuss|share|talk|say|tell|post|announce)\b",
    rf"\bpas\s+(?:encore\s+|toujours\s+)?le\s+droit\s+d(?:e\s+|{_APOS}\s*)(?:mentionner|en\s+parler|parler|dire|partager|annoncer|l{_APOS}\s*annoncer|le\s+dire|l{_APOS}\s*[ée]crire)\b",
    r"\b(?:told|asked|instructed)\s+(?:us\s+|them\s+)?(?:to\s+say\s+nothing|to\s+keep\s+(?:it\s+)?quiet|not\s+to\s+(?:say|tell|mention))\b",
    r"\b(?:demand[ée]|interdit)\s+de\s+ne\s+rien\s+dire\b",
    r"\bkeep (?:it|this|that) (?:off|out of)\s+(?:slack|teams|linkedin|twitter|social|the press|email)",
    r"\b(?:would|will|'d|'ll|gonna)\s+kill me\b",
    r"\bnot\s+(?:been\s+)?(?:signed|announced|disclosed|communicated|official|public)\s+yet\b",
    r"\b(?:not|n't)\s+(?:communicating|announcing|saying anything)\s+(?:yet|until)\b",
    r"\b(?:don't|do not)\s+(?:post|tweet|share)\s+(?:it|this|that|anything|about (?:it|this|that))\b",
    r"\bno\s+(?:linkedin|social media|social)\s+posts?\b",
    # Personne (en dehors du comex) ne le sait / n'est au courant / ne se doute.
    rf"\bpersonne\b[^.!?\n]{{0,40}}?\bn(?:e\b|{_APOS})\s*(?:le\s+|l{_APOS}\s*|s{_APOS}\s*en\s+|se\s+|en\s+)?(?:sai[st]|savent|saura|conna[iî]\w*|dout\w*|est\s+au\s+courant)",
    r"\bne\s+(?:sont|est|suis|sommes|[êe]tes)\s+(?:pas|encore|m[êe]me|toujours)?\s*(?:pas\s+|encore\s+)?au courant\b",
    r"\bau courant de rien\b",
    # "ils n'en savent rien" is who does not know; "je n'en sais rien", "on n'en sait rien" is
    # the writer's own ignorance (a rumour), not a secret.
    rf"\b(?<!\bje\s)(?<!\bon\s)(?<!\btu\s)n{_APOS}\s*en\s+(?:sait|savent)\s+rien\b",
    r"\bne\s+se\s+doutent?\s+de\s+rien\b",
    # On ne communique pas encore / c'est pas encore signé / pas de post LinkedIn.
    r"\bne\s+(?:communiqu|annon[cç]|publi|parl|di[st]\b|dit\b)\w*\s+(?:pas|rien)\s+(?:encore|avant|tant que)\b",
    r"\b(?:pas|rien|rien\s+n['’]\s*a|rien\s+n['’]\s*est)\s+encore\s+(?:[ée]t[ée]\s+)?(?:sign|annonc|communiqu|public|publi|officialis|valid[ée]|diffus|dit\b|inform|pr[ée]venu|pr[ée]sent|consult|averti)\w*",
    r"\bpas\s+encore\s+dans\s+la\s+confidence\b",
    # Nothing announced, without "yet": "officiellement rien n'est annoncé", "nothing's been announced".
    rf"\brien\s+n{_APOS}\s*(?:est|a\s+[ée]t[ée])\s+(?:encore\s+)?(?:annonc|officialis|communiqu)\w*",
    rf"\bnothing(?:{_APOS}s|\s+is|\s+has)\s+(?:been\s+)?(?:announced|made\s+official|communicated)\b",
    r"\b(?:hasn't|haven't|has\s+not|have\s+not)\s+(?:yet\s+)?been\s+(?:told|informed|consulted|briefed)\b",
    r"\bpas de (?:post|publication|tweet)s?\s+(?:linkedin|sur\s+(?:linkedin|les\s+r[ée]seaux)|l[àa]-dessus|svp|s'il)",
    rf"\bn{_APOS}\s*en\s+(?:dit|dis|disons|parle|parlons)\s+(?:rien|pas)\b",
    # Those who will be told have not been: "leadership hasn't told the team yet", "la direction
    # n'a encore rien dit aux équipes".
    r"\b(?:hasn't|haven't|has\s+not|have\s+not|didn't|did\s+not)\s+(?:yet\s+)?(?:told|informed|briefed|warned|notified)\s+(?:[\w-]+\s+){0,3}?yet\b",
    rf"\bn{_APOS}\s*(?:a|ont|avons)\s+(?:encore\s+rien|rien\s+encore|pas\s+encore)\s+(?:dit|annonc[ée]|pr[ée]venu|inform[ée]|vu|su|capt[ée]|entendu)",
    # Spoken French drops the "ne": "personne a capté", "personne est au courant".
    r"\bpersonne\s+(?:a|est)\s+(?:encore\s+|rien\s+)?(?:capt[ée]|au\s+courant|rien\s+vu)\b",
    rf"\bne\s+(?:l{_APOS}\s*|les\s+|leur\s+|nous\s+)(?:a|ont|avons)\s+(?:pas\s+encore|encore\s+pas|toujours\s+pas|encore\s+rien)\s+"
    r"(?:dit|annonc|communiqu|officialis|pr[ée]sent|inform|pr[ée]venu)\w*",
    # The writer holding back what follows: "not gonna say much", "can't say who", "won't tell you which",
    # "je peux pas dire qui", "j'en dirai pas plus".
    rf"\b(?:not\s+gonna|not\s+going\s+to|won{_APOS}t|can{_APOS}t|cannot|can\s+not|couldn{_APOS}t|shouldn{_APOS}t|mustn{_APOS}t|not\s+allowed\s+to)\s+"
    r"(?:say|tell(?:\s+you)?|share|spill|reveal|name|give|disclose|go\s+into)\s+(?:(?:any|the|you)\s+)?(?:much|more|too\s+much|anything|who|which|where|what|the\s+name|names|details)\b",
    rf"\b(?:je\s+|j{_APOS}\s*)?(?:ne\s+)?(?:peux|pourrai|pouvons|peut)\s+(?:vraiment\s+)?pas\s+(?:vous\s+|te\s+|en\s+)?(?:donner|entrer\s+dans)\s+(?:de\s+|les\s+|plus\s+de\s+|trop\s+de\s+)?d[ée]tails\b",
    # Nearer than those outside know: "the IPO is a lot closer than people think", « plus proche qu'on ne le croit ».
    r"\b(?:closer|sooner|nearer|earlier)\s+than\s+(?:most\s+)?(?:people|anyone|everyone|everybody|you|the\s+market|the\s+street)\s+(?:think|thinks|expects?|imagines?|reali[sz]es?|knows?)\b",
    rf"\bplus\s+(?:t[ôo]t|proche|vite)\s+qu(?:e\s+|{_APOS}\s*)(?:on\s+ne\s+|vous\s+ne\s+|les\s+gens\s+ne\s+)(?:le\s+|l{_APOS}\s*)?(?:pense|croit|imagine)\w*",
    # The writer's feigned ignorance until the news is out: « d'ici là, je n'ai rien vu », "until then I saw nothing".
    rf"\b(?:d{_APOS}\s*ici\s+l[àa]|officiellement|en\s+attendant)\s*,?\s*(?:je\s+n{_APOS}\s*ai|on\s+n{_APOS}\s*a|nous\s+n{_APOS}\s*avons)\s+rien\s+(?:vu|lu|entendu)\b",
    r"\b(?:until|till)\s+then\s*,?\s*(?:i|we)\s+(?:saw|heard|read|know|have\s+seen|have\s+heard)\s+nothing\b|\bofficially\s*,?\s*(?:i|we)\s+(?:saw|have\s+seen|heard|read)\s+nothing\b",
    # ... or the reason, or the fact itself: "can't tell him why", "can't say it" (not "can't say it enough").
    rf"\b(?:can{_APOS}t|cannot|can\s+not|not\s+allowed\s+to)\s+(?:say|tell|write)\s+(?:(?:you|him|her|them)\s+)?(?:why|it|this|that)\b(?!\s+(?:enough|better|louder|often))",
    rf"\b(?:je\s+|j{_APOS}\s*)?(?:ne\s+)?(?:peux|pourrai|pouvons|peut)\s+(?:vraiment\s+)?pas\s+(?:vous\s+|te\s+|leur\s+|lui\s+)?dire\s+pourquoi\b",
    rf"\b(?:je\s+|j{_APOS}\s*)(?:ne\s+)?(?:peux|pourrai)\s+(?:vraiment\s+|absolument\s+)?(?:pas|rien)\s+(?:vous\s+|t{_APOS}\s*|te\s+|leur\s+|lui\s+)?en\s+dire\s+(?:plus|davantage)\b",
    rf"\b(?:je\s+|j{_APOS}\s*)(?:ne\s+|n{_APOS}\s*)?(?:peux|pourrai|vais|dois|suis\s+pas\s+autoris[ée]e?\s+[àa])\s+(?:pas\s+|rien\s+)?(?:en\s+)?dire\s+"
    r"(?:plus|qui|quoi|lequel|laquelle|o[ùu]|rien|pas\s+plus|grand[- ]chose|le\s+nom)\b",
    rf"\b(?:j{_APOS}\s*en\s+|je\s+n{_APOS}\s*en\s+|j{_APOS}\s*)dirai\s+(?:pas|rien)\s*(?:plus|davantage)?\b",
    rf"\b(?:i{_APOS}m|i\s+am|we{_APOS}re|we\s+are|i{_APOS}ll|i\s+will|we{_APOS}ll|we\s+will)\s+(?:saying|telling|sharing|say|tell|share)\s+(?:nothing|no\s+more|zero)\b",
    # The official version still the old one: "alors qu'officiellement il est toujours en poste", "officially she's still our CFO".
    rf"\bofficiellement\s*,?\s*(?:il|elle|ils|elles|on|c{_APOS}\s*est|tout)\s+(?:est|sont|reste|restent|va|a|ont)?\s*(?:toujours|encore)\b",
    rf"\bofficially\s*,?\s*(?:he|she|they|it|we|everything|nothing)(?:{_APOS}s|{_APOS}re|\s+is|\s+are|\s+remains?|\s+stays?)\s+(?:still|unchanged)\b",
    # Those who would be told still hold the old plan: "Marketing still thinks it's April", "les commerciaux croient encore que".
    r"\b(?:everyone|everybody|marketing|sales|finance|hr|legal|comms|support|(?:the\s+|our\s+)?(?:team|teams|staff|market|street|press|"
    r"customers|clients|investors|analysts|employees|colleagues|rest\s+of\s+the\s+(?:team|company|staff)))\s+still\s+(?:thinks?|believes?|assumes?)\b",
    r"\b(?:tout\s+le\s+monde|le\s+marketing|les\s+commerciaux|la\s+finance|les\s+RH|les\s+[ée]quipes|les\s+clients|le\s+march[ée]|"
    r"les\s+investisseurs|les\s+analystes|les\s+salari[ée]s|le\s+reste\s+de\s+l{_APOS}\s*[ée]quipe)\s+(?:croi(?:t|ent)|pense(?:nt)?)\s+(?:toujours|encore)\b",
    # Only a signature missing: "waiting for ink", "awaiting signature", "il ne manque que la signature", "reste à signer".
    r"\b(?:waiting\s+(?:for|on)|awaiting|pending)\s+(?:the\s+)?(?:ink|signatures?|final\s+signatures?|sign-off)\b",
    rf"\bil\s+ne\s+(?:manque|reste)\s+(?:plus\s+)?qu(?:e\s+|{_APOS}\s*)(?:la|les)\s+signatures?\b|\breste\s+(?:juste\s+|plus\s+qu{_APOS}\s*)?[àa]\s+(?:le\s+|la\s+)?signer\b",
    # Nothing to be shown yet: "can't show screenshots yet", "donc pas de capture d'écran", "pas encore de photos".
    rf"\b(?:can{_APOS}t|cannot|can\s+not|not\s+allowed\s+to)\s+(?:show|share|post)\s+(?:you\s+)?(?:any\s+)?(?:screenshots?|pictures?|photos?|images?|visuals?|it|them|anything)\s+yet\b",
    r"\b(?:donc|so|du\s+coup)\s+pas\s+(?:encore\s+)?de\s+(?:captures?\s+d['’]\s*[ée]cran|screenshots?|photos?|visuels?)\b",
    # An executive's signs read by the writer: "when the CFO cancels every internal meeting for a week, you know the roadshow
    # has started", « quand le DAF annule toutes ses réunions, c'est que... ».
    r"\bwhen\s+(?:the|our|my)\s+(?:ceo|cfo|coo|cto|boss|founder|chairman|chairwoman|board|execs?|exec\s+team|management|treasurer|general\s+counsel|head\s+of\s+\w+)"
    r"\b[^.!?\n]{0,100}?,\s*(?:you\s+know|that['’]s\s+how\s+you\s+know|it\s+means)\b[^.!?\n]{0,50}?\b"
    r"(?:(?:has|have)\s+(?:just\s+)?(?:started|begun|kicked\s+off)|(?:is|are)\s+(?:on|coming|near|close|starting|under\s*way|imminent|about\s+to|going\s+to|gonna))\b",
    rf"\bquand\s+(?:le|la|notre|mon|ma)\s+(?:DG|DAF|PDG|DRH|patron\w*|pr[ée]sident\w*|directeur\s+financier|directrice\s+financi[èe]re|fondat\w+|tr[ée]sori\w+|comex|codir)"
    rf"\b[^.!?\n]{{0,100}}?,\s*(?:c{_APOS}\s*est\s+que|tu\s+sais\s+que|vous\s+savez\s+que|on\s+sait\s+que|[çc]a\s+veut\s+dire)\b[^.!?\n]{{0,50}}?"
    rf"\b(?:approche|arrive|commence|a\s+commenc[ée]|d[ée]marre|a\s+d[ée]marr[ée]|est\s+lanc[ée]e?|se\s+pr[ée]pare|est\s+imminente?|va\s+tomber|n{_APOS}\s*est\s+plus\s+loin)\b",
    # Longing for the day it can be said: "can't wait for the day we can finally talk publicly about it", « vivement le jour
    # où on pourra en parler » (not "we can finally talk publicly": that day has come).
    r"\b(?:can['’]t|cannot|can\s+not)\s+wait\s+(?:for\s+the\s+day|until|till|to)\b[^.!?\n]{0,30}?\b(?:talk|speak|tell|announce|share|post)\w*\s+"
    r"(?:(?:about\s+(?:it|this|that)\s+)?(?:publicly|openly|in\s+public)|out\s+loud)\b",
    rf"\bvivement\s+(?:le\s+jour\s+o[ùu]|qu{_APOS}\s*on\s+puisse)\b[^.!?\n]{{0,30}}?\b(?:en\s+parler|le\s+dire|l{_APOS}\s*annoncer|communiquer)\b",
    # Sworn to silence: "Finance is sworn to silence until the 24th", "tenus au secret".
    r"\b(?:sworn|bound)\s+to\s+(?:silence|secrecy)\b|\bbound\s+by\s+(?:an\s+|the\s+)?nda\b",
    # Nobody may know yet: "personne ne doit le savoir avant le 3", "nobody can know until".
    rf"\bpersonne\s+ne\s+(?:doit|peut|devrait)\s+(?:le\s+|l{_APOS}\s*)?(?:savoir|apprendre)\b",
    r"\b(?:nobody|no\s+one)\s+(?:must|should|can|may)\s+(?:know|find\s+out)\b",
    # Kept inside a circle: "we've been told to keep it in the team".
    r"\bkeep\s+(?:it|this|that)\s+(?:in|within)\s+the\s+(?:team|room|family|department|building)\b",
    # The release not written yet: "the press release isn't drafted yet", "le communiqué n'est pas encore rédigé".
    r"\b(?:press\s+release|announcement|memo)\s+(?:isn't|is\s+not|hasn't\s+been|has\s+not\s+been)\s+(?:drafted|written|out|ready|sent)\b",
    rf"\b(?:communiqu[ée]|annonce)\s+n{_APOS}\s*est\s+pas\s+(?:encore\s+)?(?:r[ée]dig[ée]e?|pr[êe]te?|[ée]crite?|parti|partie)\b",
    r"\btenu(?:e|s|es)?\s+au\s+secret\b",
    # Settled inside, not told outside: "le rappel est acté en interne", "decided internally".
    r"\b(?:act[ée]|d[ée]cid[ée]|valid[ée]|arbitr[ée]|tranch[ée])(?:e|s|es)?\s+en\s+interne\b",
    r"\b(?:decided|agreed|approved|confirmed|signed\s+off|announced)\s+internally\b",
    r"\bannonc[ée]e?s?\s+en\s+interne\b",
    # A cover story to give: "on répond « aucun commentaire »", "if customers ask, we're 'looking into reports'".
    r"\b(?:r[ée]pond\w*|dire|dites|disons|say|answer|tell\s+them)\s*[«\"“'‘]?\s*(?:aucun|pas\s+de|no)\s+comment",
    r"\bif\s+(?:customers|clients|journalists|reporters|the\s+press|anyone|people|someone|somebody)\s+asks?\s*,?\s*"
    r"(?:we(?:'re|\s+are)?|say|tell\s+them|just\s+say)\s+[«\"“'‘]",
    r"\bsi\s+(?:les\s+|des\s+)?(?:clients|journalistes|revendeurs|quelqu['’]\s*un)\s+(?:vous\s+)?(?:demande\w*|pose\w*)[^.!?\n]{0,20}?[«\"“]",
    # Advice ahead to those it will hit, the writer knowing what they do not: "if your team is in shared services,
    # maybe update your LinkedIn", "friendly advice to the Leeds crew: start looking around", « si vous êtes au service
    # paie, mettez votre CV à jour » (not "update your LinkedIn with the new logo", nor a career tip addressed to no
    # team: "update your CV every year").
    r"\b(?:if\s+(?:your\s+(?:team|department|unit|site|office|plant)|you(?:['’]re|\s+are|\s+work)\s+(?:in|on|at))|friendly\s+(?:advice|tip|word)\s+(?:to|for)\s+(?:the\s+|our\s+|my\s+)?[\w-]+"
    r"|to\s+(?:my|our|the)\s+(?:friends|colleagues|folks|mates|team)\s+(?:on|in|at|from)\s+[\w-]+)\b"
    r"[^.!?\n]{0,60}?\b(?:(?:update|polish|dust\s+off|refresh)\s+your\s+(?:linkedin|cv|resume|résumé)\b(?!\s+(?:profile\s+)?(?:with|to\s+add|for|job|posts?|page|banner|photo|headline|before\s+the\s+(?:[\w-]+\s+){0,2}(?:fair|day|event|interview)))"
    r"|start\s+looking\s+(?:around|elsewhere)\b)",
    r"\b(?:si\s+(?:(?:votre|ton)\s+(?:[ée]quipe|service|p[ôo]le|site|agence|usine)|(?:vous\s+[êe]tes|tu\s+es|vous\s+bossez|tu\s+bosses|vous\s+travaillez|tu\s+travailles)\s+(?:au|aux|[àa]|dans|chez))"
    r"|conseil\s+d['’]\s*ami\s+(?:aux?\s+|[àa]\s+l['’]\s*|[àa]\s+la\s+|pour\s+(?:les\s+|la\s+|l['’]\s*))[\w-]+"
    r"|aux\s+(?:coll[èe]gues|amis|potes|[ée]quipes)\s+(?:du|de\s+la|de\s+l['’]\s*|des|d['’]\s*)[\w-]+)\b"
    r"[^.!?\n]{0,60}?\b(?:(?:mettez|mets|mettre|d[ée]poussi[ée]rez|d[ée]poussi[èe]re|actualisez|actualise|rafra[îi]chissez)\s+(?:[àa]\s+jour\s+)?(?:votre|ton)\s+(?:cv|linkedin)\b"
    r"(?!\s+(?:[àa]\s+jour\s+)?(?:avec|pour\s+ajouter))|(?:commencez|commence)\s+[àa]\s+(?:chercher|regarder)\s+(?:ailleurs|les\s+offres)\b)",
]
# The documents of a listing or a bond issue: the prospectus, the registration document, the S-1.
_DEAL_DOCUMENT = (
    r"(?:document\s+d['’]\s*enregistrement|prospectus|note\s+d['’]\s*op[ée]ration|registration\s+(?:document|statement)|S-1|F-1|offering\s+memorandum|offer\s+document)\b"
)
# The writer's own vantage, which no other company named in the post makes a rumour (`first_hand`): news held
# until a date, an embargo ("nothing goes out before", « une info qui ne sort pas avant avril »), and the deal's work
# seen or done by the writer (its advisers at our premises, its documents prepared), and its signing set for a date.
_EMBARGO = [
    r"\b(?:nothing|none\s+of\s+(?:it|this))\s+(?:goes|is\s+going|gets)\s+out\s+(?:until|before|till)\b",
    r"\brien\s+ne\s+sort\s+(?:avant|tant\s+que)\b",
    # News that does not come out before a date (an embargo): « bonne nouvelle qui ne sort pas avant mars », "news that isn't out till March".
    rf"\b(?:nouvelle|info|information|annonce|news)s?\s+(?:qui\s+)?ne\s+(?:sort|sortira|tombe|tombera|sera\s+(?:publique|officielle|annonc[ée]e))\s+"
    rf"(?:pas\s+avant|qu{_APOS}\s*(?:en|le|[àa]|apr[èe]s|fin|d[ée]but))\b",
    r"\b(?:news|announcement)\s+(?:that\s+|which\s+)?(?:isn['’]t|is\s+not|won['’]t\s+be|doesn['’]t\s+come|does\s+not\s+come|won['’]t\s+come|can['’]t\s+come)\s+"
    r"out\s+(?:until|before|till)\b",
]
_ON_THE_DEAL = [
    # The deal's advisers seen at our premises: "bankers were in the building all week", « les avocats sont au siège depuis lundi ».
    r"\b(?:(?:investment\s+)?bankers|lawyers|the\s+bankers|the\s+lawyers|(?:les\s+)?banquiers|(?:les\s+)?avocats\s+d['’]\s*affaires)\s+"
    r"(?:were|are|have\s+been|'ve\s+been|sont|[ée]taient|ont\s+[ée]t[ée])\s+(?:all\s+week\s+|toute\s+la\s+semaine\s+)?"
    r"(?:in\s+the\s+building|at\s+(?:HQ|head\s+office|the\s+office)|in\s+our\s+offices|au\s+si[èe]ge|dans\s+nos\s+locaux|dans\s+le\s+b[âa]timent)\b",
    # The writer preparing the deal's own documents: « passé la journée à préparer le document d'enregistrement »,
    # "spent the week drafting the S-1", "I'm finalising the prospectus".
    rf"\b(?:pr[ée]par\w*|r[ée]dig\w*|relu|relire|relis\w*|finalis\w*|drafting|drafted|preparing|prepared|finali[sz]ing|proofreading)\s+(?:le|la|l{_APOS}\s*|the|our|notre)\s*"
    rf"{_DEAL_DOCUMENT}",
    # ... or spending the writer's evenings on them: « je passe mes soirées sur le prospectus », "spent my weekend on the S-1".
    rf"\b(?:pass\w*|spen[dt]\w*)\s+(?:mes|nos|my|our|all\s+my|toutes\s+mes|tous\s+mes|the|la|le)\s+(?:whole\s+|entire\s+)?(?:soir[ée]es|nuits|week-ends?|weekends?|journ[ée]es|"
    rf"semaines?|evenings|nights|days|weeks?|soir[ée]e|nuit|journ[ée]e|evening|night|day)\s+(?:sur|on)\s+(?:le|la|l{_APOS}\s*|the|our|notre)\s*{_DEAL_DOCUMENT}",
]
# A deal's signing set for a date: known ahead by those on the deal (« la signature est prévue le 15 janvier », "signature
# expected on the 18th", "signing pencilled in for the 14th"), no rumour even when the other company is named first.
_SIGNING_SET = [
    r"\b(?:la\s+)?signature\s+(?:est\s+|sera\s+)?(?:pr[ée]vue|attendue|cal[ée]e|programm[ée]e|fix[ée]e|planifi[ée]e)\s+"
    r"(?:pour\s+|le\s+\d|avant\s+|en\s+|d[ée]but\s+|fin\s+|[àa]\s+|d[èe]s\s+|dans\s+|la\s+semaine|ce\s+|cette\s+|lundi|mardi|mercredi|jeudi|vendredi)",
    r"\b(?:the\s+)?(?:signing|signature)\s+(?:is\s+|will\s+be\s+)?(?:expected|planned|scheduled|set|due|pencill?ed(?:\s+in)?|slated|booked|locked\s+in)\s+"
    r"(?:for\s+|on\s+|before\s+|in\s+|by\s+|next\s+|this\s+|early\s+|end\s+of\s+)",
]
_WAITING = [
    # Held until the disclosure: before / until it, waiting for it or for leave to tell.
    rf"\b(?:avant|jusqu{_APOS}\s*[àa])\s+(?:l{_APOS}\s*|la\s+|le\s+|les\s+)(?:annonce|publication|communication|pr[ée]sentation|vote|signature|officialisation|notification)\b",
    r"\b(?:before|until|till|pending)\s+(?:the\s+|their\s+|our\s+)?(?:board\s+)?(?:official\s+|press\s+|q[1-4]\s+|earnings\s+)?(?:votes?|announcement|release|publication|signing|earnings|award|notification|closing|call|conference)\b",
    rf"\ben\s+attendant\s+(?:l{_APOS}\s*|la\s+|le\s+)(?:annonce|publication|communication|officialisation|signature)\b",
    # The announcement only after an event: "announcement after the appeal period", "annonce après la clôture".
    r"\b(?:announcement|annonce)\s+(?:only\s+|officielle\s+|seulement\s+|publique\s+)?(?:after|apr[èe]s)\s+(?:the\s+|la\s+|le\s+|l['’]\s*)",
    # The announcement held back: "announcement waits for their keynote", "l'annonce attend le salon".
    r"\b(?:announcement|press\s+release|release)\s+(?:waits|is\s+waiting|is\s+held|held|is\s+on\s+hold|on\s+hold)\b",
    rf"\b(?:l{_APOS}\s*annonce|le\s+communiqu[ée])\s+(?:attend|attendra|est\s+(?:bloqu[ée]e?|suspendue?|en\s+attente))\b",
    # Any public act deferred to a later event or date, in any wording: "l'annonce attendra le salon",
    # "the press release waits for the visit", "le communiqué est repoussé", "PR has to wait till the keynote",
    # "l'officialisation, ce sera après l'AG", "announcement only once the deal closes".
    rf"\b{_PUBLIC_ACT}(?:\s*[:,–—-])?\s+(?:[\w'’-]+\s+){{0,2}}?{_DEFERRED}",
    # The release still a draft: "the draft press release", "pencilled a press release", "the press release template".
    r"\b(?:draft|drafted|drafting|pencill?ed|redlin\w+)\s+(?:(?:of\s+)?(?:the|a|an|our)\s+)?(?:press\s+release|announcement|statement|communiqu[ée])\b",
    r"\b(?:press\s+release|announcement|statement)\s+(?:template|draft)\b",
    r"\b(?:brouillon|projet|[ée]bauche)\s+de\s+(?:communiqu[ée]|d[ée]claration|annonce)\b|\bgriffonn[ée]\s+un\s+communiqu[ée]\b",
    # Told only later, with a verb: "ils l'annonceront après l'arrêté des comptes", "we'll announce it only once it closes",
    # "you still have to wait three weeks to tell anyone", "il faut attendre le 12 pour en parler".
    r"\b(?:annonceron[st]|annoncera|annoncerai|communiquerons|communiquera|communiqueront|officialiseron[st]|officialisera|"
    r"(?:will|'ll|are\s+going\s+to|gonna)\s+(?:only\s+)?(?:announce|make\s+it\s+official|go\s+public\s+with))\s+(?:it\s+|this\s+|that\s+)?"
    r"(?:seulement\s+|only\s+|pas\s+)?(?:apr[èe]s|after|once|when|avant|before|until)\b",
    # Those concerned told only later: "les équipes seront mises au courant après les fêtes", "staff will be told after the
    # holidays", "will only be informed in January".
    r"\b(?:seront|sera|serons|serez)\s+(?:seulement\s+)?(?:mis(?:es)?\s+au\s+courant|inform[ée]e?s?|pr[ée]venu(?:e|s|es)?|avertie?s?)\s+"
    r"(?:seulement\s+|qu['’]\s*)?(?:apr[èe]s|plus\s+tard|[àa]\s+la\s+rentr[ée]e|en\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre))",
    r"\b(?:will|'ll)\s+(?:only\s+)?be\s+(?:told|informed|briefed|notified)\s+(?:only\s+)?(?:after|later|once|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december))\b",
    r"\b(?:have|has|had|got)\s+to\s+wait\b[^.!?\n]{0,25}?\b(?:to|before)\s+(?:tell|telling|say|saying|share|sharing|announce|announcing|post|talk)\b",
    rf"\b(?:attend\w*|patient\w*)\b[^.!?\n]{{0,40}}?\b(?:pour|avant\s+de)\s+(?:en\s+parler|le\s+dire|l{_APOS}\s*annoncer|le\s+partager|communiquer)\b",
    # Official only later: "officiel seulement lundi", "ce ne sera officiel qu'après l'AG", "not official until
    # Monday", "official only on the 3rd", "public pas avant mars".
    rf"\b(?:officiel(?:le)?s?|official|public|publique)\s+(?:seulement|uniquement|only|qu(?:e\b|{_APOS})|pas\s+avant|not\s+(?:before|until|till)|"
    r"(?:until|till)\b|[àa]\s+partir\s+d)",
    rf"\bjusqu{_APOS}\s*[àa]\s+la\s+conf[ée]rence\s+de\s+presse\b",
    *_EMBARGO,
    r"\b(?:keep|kept|keeping)\s+(?:it\s+|this\s+|that\s+)?(?:internal|in-house|in\s+house)\b",
    rf"\battend\w*\s+(?:la\s+|le\s+|l{_APOS}\s*)(?:publication|annonce|notification|communication|officialisation|pr[ée]sentation)\b",
    r"\bwait\w*\s+(?:for|until)\s+(?:the\s+|their\s+|our\s+|its\s+)?(?:official\s+|press\s+)?(?:release|results|announcement|earnings|publication|official)\b",
    r"\b(?:attend\w*|wait\w*\s+for)\s+(?:juste\s+|encore\s+|toujours\s+|just\s+|still\s+|only\s+)?(?:le\s+|the\s+)?(?:feu\s+vert|go-ahead|green\s+light|sign-off)\b",
    # It stays here: "this stays in the room", "ça reste entre ces murs", under NDA.
    r"\b(?:stays?|remains?)\s+(?:in\s+(?:the|this)\s+room|between\s+(?:us|these\s+walls)|internal)\b",
    r"\breste\s+(?:entre\s+ces\s+murs|en\s+interne|dans\s+cette\s+pi[èe]ce)\b",
    r"\b(?:under|sous)\s+(?:an\s+|a\s+)?(?:nda|accord\s+de\s+confidentialit[ée])\b",
    r"\b(?:no|zero)\s+(?:posts?|posting|tweets?)\s+(?:until|till|before|about\s+(?:it|this|that)|please|yet)\b",
    r"\byou\s+(?:saw|heard)\s+nothing\b",
    r"\b(?:don't|do\s+not|please\s+don't)\s+share\s+(?:the|this|these|it|that)\b",
    r"\bne\s+le\s+crie[zs]?\s+pas\s+sur\s+les\s+toits\b|\bshout\s+it\s+from\s+the\s+rooftops\b",
    r"\bsilence\s+radio\s+(?:jusqu|avant|tant)",
]
_VANTAGE = [
    *_ON_THE_DEAL,
    r"\bleak(?:ed)?\s+(?:it\s+)?to\s+me\b",
    r"\bfuit[ée]e?s?\s+jusqu['’]\s*[àa]\s+moi\b",
    rf"\bj{_APOS}\s*ai\s+vu\s+passer\b",
    r"\b(?:saw|seen|see|read|peek\s+at|look\s+at|glimpse\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:numbers|figures|results|plan|deck|slides|list|draft|accounts)\s+before\b",
    r"\bbefore\s+(?:they|it)\s+(?:go|goes|went|get|gets|got)\s+to\s+the\s+(?:auditors|board|market|press)\b",
    # Off the record: "you didn't see this here", "you heard nothing from me", "vous n'avez rien vu".
    r"\byou\s+(?:didn't|did not|never)\s+(?:see|hear|read)\s+(?:this|it|that)\s+(?:here|from me)\b",
    r"\byou\s+heard\s+nothing\s+from\s+me\b",
    rf"\b(?:vous\s+n{_APOS}\s*avez|t{_APOS}\s*as|tu\s+n{_APOS}\s*as)\s+rien\s+(?:vu|entendu|lu)\b",
    r"\bvu\s+(?:les\s+)?(?:chiffres|r[ée]sultats|comptes|plan|slides)\s+avant\b",
    # Known inside before it is out: "les chiffres sont tombés en interne", "the numbers landed internally".
    r"\b(?:tomb[ée]e?s?|sortie?s?|arriv[ée]e?s?|circul\w*|remont[ée]e?s?|connue?s?)\s+en\s+interne\b",
    r"\b(?:came\s+in|landed|circulated|circulating|shared|out|known)\s+internally\b",
    # Overheard, or an internal memo read: "overheard the CFO on the phone", "got the internal memo".
    # Told by an insider just now: "mon N+2 vient de me confirmer que", "my boss just told me".
    r"\bvien(?:t|nent)\s+de\s+me\s+(?:confirmer|dire|souffler|glisser|l['’]\s*apprendre)\b|\bjust\s+(?:told|confirmed\s+to)\s+me\b",
    r"\boverheard\b|\b(?:got|saw|read)\s+(?:the|an)\s+internal\s+(?:memo|email|e-mail|note|deck)\b",
    rf"\b(?:j{_APOS}\s*ai|on\s+a)\s+(?:surpris|entendu)\s+(?:le|la|notre)\s+(?:DG|DAF|PDG|patron|patronne|directeur|directrice|DRH)\b",
    r"\b(?:vu|lu|re[çc]u)\s+(?:le\s+)?(?:mail|e-mail|courriel|m[ée]mo)\s+(?:du|de\s+la)\s+(?:comex|codir|direction|DG|DRH)\b",
    # An internal draft seen: "saw the draft deck", "j'ai vu le projet de communiqué".
    r"\b(?:saw|seen|read|peeked\s+at|glimpsed)\s+(?:the\s+|a\s+)?(?:draft|internal|unreleased|confidential|board)\s+(?:[\w-]+\s+)?"
    r"(?:deck|slides|memo|plan|numbers|figures|report|minutes|list|presentation|press\s+release|accounts)\b",
    # Read or proofread an internal draft: "j'ai juste relu le projet de communiqué des résultats".
    r"\b(?:vu|lu|relu|relis|relire|relisais|parcouru|corrig[ée])\s+(?:le|la|les)\s+(?:brouillon|projet|version\s+provisoire)\s+d[eu]\s+"
    r"(?:communiqu[ée]|slides|pr[ée]sentation|r[ée]sultats|comptes|plan)\b",
    r"\b(?:proofread|proofreading|reviewed|reviewing|edited|editing|drafting|drafted|wrote|writing)\s+(?:the\s+|a\s+|our\s+)?(?:draft\s+)?"
    r"(?:press\s+release|earnings\s+release|results\s+release|announcement|investor\s+deck|board\s+deck)\b",
    # Sent to the writer by mistake: "landed in my inbox by mistake", "reçu par erreur".
    r"\b(?:landed|arrived|sent|forwarded|cc'?d|came)\b[^.!?\n]{0,30}?\bby\s+(?:mistake|accident)\b",
    r"\b(?:re[çc]u|envoy[ée]|arriv[ée]|atterri|transf[ée]r[ée])\w*\b[^.!?\n]{0,30}?\bpar\s+erreur\b",
    rf"\b(?:j{_APOS}\s*ai|on\s+a)\s+(?:vu|lu|eu\s+sous\s+les\s+yeux)\s+(?:le|la|les)\s+(?:brouillon|projet\s+de\s+(?:communiqu[ée]|slides|pr[ée]sentation)|"
    r"slides|deck|m[ée]mo|compte\s+rendu\s+du\s+(?:comex|codir|conseil))\b",
    # An internal document the writer has just read, named after it: "the pricing deck I just reviewed says it all",
    # « la grille tarifaire que j'ai vue ce matin » (not "the deck I reviewed for the webinar": no internal document).
    r"\b(?:pricing|board|strategy|budget|internal|roadmap|product\s+roadmap|comex|exec)\s+(?:deck|slides|memo|roadmap|plan|minutes|pack)\s+"
    r"(?:that\s+|which\s+)?(?:i|we)\s+(?:just\s+|['’]ve\s+just\s+|have\s+just\s+)?(?:reviewed|saw|read|got|received|proofread|skimmed|went\s+through)\b",
    rf"\b(?:grille\s+tarifaire|feuille\s+de\s+route|roadmap|deck\s+(?:tarifaire|interne|du\s+comex|du\s+codir)|m[ée]mo\s+interne|slides\s+du\s+(?:comex|codir|conseil))\s+"
    rf"(?:que\s+j{_APOS}\s*ai|qu{_APOS}\s*on\s+a)\s+(?:vue?s?|lue?s?|relue?s?|re[çc]ue?s?|parcourue?s?)\b",
]
_AHEAD = [
    # The disclosure to follow, without its date: "c'est signé, l'annonce suit", "announcement to follow".
    rf"\b(?:l{_APOS}\s*)?annonce\s+(?:officielle\s+)?(?:suit|suivra|viendra)\b",
    r"\b(?:official\s+)?announcement\s+(?:to\s+follow|follows|will\s+follow)\b",
    # Those who learn it with a publication: "investors hear it with the half-year numbers".
    r"\b(?:investors|the\s+market|the\s+street|shareholders)\s+(?:hear|learn|find\s+out\s+about|get)\s+(?:it|about\s+it)\s+(?:with|at|in|on)\b",
    # The disclosure event with its date, in either order.
    rf"\b{_DISCLOSURE}\b[^.!?\n]{{0,30}}?{_DATE}",
    rf"\b{_DISCLOSURE}\s+{_AUDIENCE}[^.!?\n]{{0,20}}?{_DATE}",
    # An internal message to come, which will tell it: « la com interne aura bientôt un mail à envoyer », "internal comms
    # will soon have an email to send", "an all-staff email is coming".
    r"\b(?:la\s+)?com(?:munication)?\s+interne\s+(?:aura|va\s+avoir|devra|va\s+devoir)\s+(?:bient[ôo]t\s+|prochainement\s+|sous\s+peu\s+)?"
    r"(?:un|une|des|du)\s+(?:mail|e-mail|message|note|annonce|communiqu[ée]|boulot|travail)",
    r"\binternal\s+comms?\s+(?:will|'ll|is\s+going\s+to|are\s+going\s+to|gonna)\s+(?:soon\s+|shortly\s+)?(?:have|need|be\s+sending|send|be\s+busy)\b",
    r"\b(?:all[- ]staff|internal|company[- ]wide)\s+(?:e-?mail|memo|announcement|note)\s+(?:is\s+)?(?:coming|incoming|on\s+its\s+way|going\s+out\s+soon)\b",
]
# The writer's own warning that acting on the post would be insider dealing: "buy now (kidding, that's insider trading)",
# « achetez (je rigole, c'est du délit d'initié) ». The writer holds the fact first hand, whoever is named
# (not "a book on insider trading": said of nothing in the post).
_TRADING_ON_IT = [
    r"\b(?:that['’]s|that\s+is|that['’]d\s+be|that\s+would\s+be|it['’]s|it\s+would\s+be)\s+(?:literally\s+)?insider\s+(?:trading|dealing)\b",
    rf"\b(?:c{_APOS}\s*est|ce\s+serait|ça\s+serait)\s+(?:du\s+|un\s+)?d[ée]lit\s+d{_APOS}\s*initi[ée]\b",
]
# An inference about the employer's own coming event, the conclusion the writer draws from what an insider sees, with
# its topic left vague ("something big", "quelque chose de gros"): who will wear our badge (a purchase), a new name
# at the top (an executive), updating one's CV if one works there (a closure), something big coming for the balance
# sheet (a capital operation), something we will bring out or make ourselves (a product), something big we surely
# landed (a contract). Read by the analyzer only with a sign seen from inside (`_INSIDER_SIGNS`) or a secrecy cue.
_SOON = r"(?:bient[ôo]t\s+|prochainement\s+|sous\s+peu\s+|d[ée]j[àa]\s+)?"
# "Update your CV if you work there", in either order: the advice and whom it is for, each written once.
_UPDATE_YOUR = r"(?:update|polish|dust\s+off|refresh|brush\s+up)\s+(?:your|ur)\s+"
_IF_YOU_WORK_THERE = r"\bif\s+you(?:['’]re|\s+are|\s+work|\s+sit)\b(?!\s+(?:looking|searching|job[- ]hunting|applying|hunting))"
_VOTRE_CV = r"\s+(?:[àa]\s+jour\s+)?(?:vos|ton|votre)\s+(?:cv|linkedin)\b"
_SI_VOUS_Y_ETES = r"\bsi\s+(?:vous\s+[êe]tes|vous\s+bossez|vous\s+travaillez|t['’]\s*es|tu\s+es|tu\s+bosses)\b"
_INFERRED = {
    "acquisition": [
        rf"\b(?:va|vont|allez|allons)\s+{_SOON}(?:porter|arborer|avoir)\s+(?:le|les|notre|nos)\s+(?:badges?|couleurs|logo|lanyards?)\b",
        r"\bporter(?:a|ont)\s+(?:bient[ôo]t\s+)?(?:le|les|notre|nos)\s+(?:badges?|couleurs|logo)\b",
        r"\b(?:will|['’]ll|are\s+going\s+to|are\s+about\s+to|gonna)\s+(?:soon\s+)?(?:be\s+)?(?:wear(?:ing)?|sport(?:ing)?)\s+(?:the\s+|our\s+)?"
        r"(?:[\w-]+\s+)?(?:badges?|lanyards?|colou?rs|logo)\b",
        r"\b(?:soon|shortly)\s+(?:to\s+be\s+)?(?:wearing|sporting)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:badges?|lanyards?|colou?rs|logo)\b",
        # Colleagues from another firm soon: "we'll soon have new colleagues from Brenwick", « bientôt de nouveaux collègues de chez X ».
        r"\b(?:soon|bient[ôo]t)\s+(?:[\w'’-]+\s+){0,3}?(?:new|nouveaux|nouvelles)\s+coll(?:[eè]|ea)gues\s+(?:from|de\s+chez)\b",
    ],
    "executives": [
        r"\bnouveaux?\s+(?:nom|noms|visage|visages|patron|patronne|boss|chef)\s+(?:sur|dans|[àa]|au|en)\s+(?:l['’]\s*|la\s+)?"
        r"(?:organigramme|t[êe]te|sommet|comex|codir|haut\s+de\s+l['’]\s*organigramme)\b",
        r"\b(?:new|fresh)\s+(?:joiner|joiners|face|faces|name|names|boss|hire|arrival|blood)\s+(?:at|on|in|to)\s+the\s+"
        r"(?:top|org\s+chart|exec\s+team|executive\s+team|c-suite|leadership\s+team)\b(?!\s+of\b)",
        r"\b(?:organigramme|org\s+chart)\s+(?:va\s+(?:bient[ôo]t\s+)?(?:bouger|changer)|is\s+(?:about|going)\s+to\s+change|will\s+(?:soon\s+)?change)\b",
    ],
    "restructuring": [
        r"\b" + _UPDATE_YOUR + r"(?:cv|cvs|resume|resumes|résumé|linkedin)\b[^.!?\n]{0,40}?" + _IF_YOU_WORK_THERE,
        _IF_YOU_WORK_THERE + r"[^.!?\n]{0,50}?\b" + _UPDATE_YOUR + r"(?:cv|cvs|resume|résumé|linkedin)\b",
        r"\b(?:mettez|mets|mettre|ressortez|ressors|d[ée]poussi[ée]rez|d[ée]poussi[èe]re|peaufinez|peaufine)" + _VOTRE_CV + r"[^.!?\n]{0,40}?" + _SI_VOUS_Y_ETES,
        # Changes coming for a site or a team of ours: "big changes coming for the Derby plant", « des changements se préparent pour l'usine ».
        r"\b(?:big\s+|major\s+|huge\s+)?changes\s+(?:are\s+)?(?:coming|incoming|ahead|brewing)\s+(?:for|to|at)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:site|plant|factory|warehouse|office|team|depot|branch|division)\b",
        r"\b(?:(?:gros|grands)\s+)?changements\s+(?:se\s+pr[ée]parent|arrivent|en\s+vue|[àa]\s+venir)\s+(?:pour|sur|[àa])\s+(?:le\s+|la\s+|l['’]\s*|notre\s+|nos\s+)?"
        r"(?:site|usine|entrep[ôo]t|agence|atelier|[ée]quipe|d[ée]p[ôo]t)\b",
        _SI_VOUS_Y_ETES + r"[^.!?\n]{0,50}?\b(?:mettez|mets|ressortez|ressors|d[ée]poussi[ée]rez|d[ée]poussi[èe]re|peaufinez|peaufine)" + _VOTRE_CV,
    ],
    "fundraising": [
        r"\b(?:something|sth)\s+(?:big|huge|major|massive)\s+(?:is\s+)?(?:coming|brewing|incoming|afoot|on\s+the\s+way|about\s+to\s+happen)\s+"
        r"(?:for|to|on|in)\s+(?:[\w'’-]+\s+){0,2}?(?:balance\s+sheet|capital|share\s+price|shareholders|stock|finances)\b",
        r"\bquelque\s+chose\s+de\s+(?:gros|grand|[ée]norme|important)\s+(?:se\s+pr[ée]pare|arrive|va\s+arriver|est\s+en\s+route|se\s+trame)\s+"
        r"(?:pour|sur|dans|au)\s+(?:[\w'’-]+\s+){0,2}?(?:bilan|capital|cours|actionnaires|finances|tr[ée]sorerie)\b",
    ],
    "products": [
        r"\b(?:va|vont|allons|allez)\s+(?:bient[ôo]t\s+)?sortir\s+(?:quelque\s+chose|un\s+truc|du\s+lourd)\b",
        r"\b(?:is|are|['’]re|['’]s)\s+(?:finally\s+|secretly\s+|quietly\s+)?(?:making|building|designing|launching|developing)\s+(?:its|their|our)\s+own\s+[\w-]+",
        r"\b(?:is|are|['’]re|['’]s)\s+(?:about|going)\s+to\s+(?:launch|release|bring\s+out|ship|unveil|reveal)\s+(?:something|sth)\b",
    ],
    "contracts": [
        r"\b(?:on\s+a|nous\s+avons|on\s+aurait)\s+(?:s[ûu]rement|certainement|probablement|forc[ée]ment|[ée]videmment)\s+"
        r"(?:d[ée]croch[ée]|gagn[ée]|sign[ée]|remport[ée])\s+(?:quelque\s+chose|un\s+truc|un\s+(?:gros\s+|[ée]norme\s+)?(?:contrat|march[ée]))\b",
        r"\bwe\s*(?:must\s+have|['’]ve\s+(?:surely|probably|clearly|definitely)|\s+have\s+(?:surely|probably|clearly|definitely))\s+"
        r"(?:landed|won|bagged|signed|clinched|secured)\s+(?:something|a\s+(?:big|huge|massive|major)\b)",
    ],
}
# Signs an insider sees that ground such an inference: being asked to do something unusual, an NDA to sign, someone
# seen at our premises.
_INSIDER_SIGNS = [
    r"\b(?:asked|told|asking|tells|asks)\s+(?:me|us|you|the\s+team)\s+to\b",
    r"\b(?:we|i)\s+(?:were|was|got|have\s+been|['’]ve\s+been)\s+(?:asked|told)\s+to\b",
    rf"\b(?:(?:te|nous|me|vous)\s+(?:a\s+|ont\s+)?|[mt]{_APOS}\s*(?:a|ont)\s+)demand(?:e|ent|[ée])\s+(?:de|d{_APOS})",
    rf"\b(?:(?:te|nous|me|vous)\s+(?:a\s+)?|[mt]{_APOS}\s*a\s+)fai[ts]\s+signer\b",
    r"\b(?:NDA|NDAs|non-disclosure\s+agreement|accord\s+de\s+confidentialit[ée])\b",
    r"\b(?:saw|spotted|seen|bumped\s+into)\b[^.!?\n]{0,60}?\b(?:in|at)\s+our\s+(?:[\w-]+\s+){0,2}?(?:office|offices|hq|headquarters|canteen|building|corridor|lobby|site|plant|floor)\b",
    rf"\b(?:j{_APOS}\s*ai|on\s+a)\s+(?:vu|crois[ée]|aper[çc]u)\b",
]
_TOPIC_INFERRED = {topic: re.compile("|".join(f"(?:{p})" for p in patterns), _I) for topic, patterns in _INFERRED.items()}
# Every inference shape holds one of these words (folded, as `lexicon.tokenize` gives them): read on every post (the
# topic may be vague, no topic word gates it), the shapes are searched only in a post holding one (`INFERENCE_WORDS`),
# their `Alternation` first, the topics' own patterns only where it found one.
INFERENCE_WORDS = frozenset([
    "badge", "badges", "couleurs", "logo", "lanyard", "lanyards", "colours", "colors", "colour", "color",
    "nouveau", "nouveaux", "nouvelles", "new", "fresh", "organigramme", "org", "changes", "changements",
    "cv", "cvs", "resume", "resumes", "linkedin",
    "something", "sth", "quelque", "sortir", "own",
    "surement", "certainement", "probablement", "forcement", "evidemment", "must", "surely", "probably", "clearly", "definitely",
])
_ANY_INFERRED = Alternation([f"(?:{p[2:]})" for patterns in _INFERRED.values() for p in patterns], _I, prefix=r"\b")
_INSIDER_SIGNS_RE = re.compile("|".join(f"(?:{p})" for p in _INSIDER_SIGNS), _I)


@dataclass(frozen=True, slots=True)
class Inference:
    start: int
    end: int
    topic: str  # the topic the coming event would be of ("acquisition", "executives", ...)


def inferred_events(text: str) -> list[Inference]:
    """The spans of `text` that infer a coming event of the writer's employer, with the topic each would be of."""
    if not _ANY_INFERRED.spans(text):
        return []
    return sorted(
        (Inference(m.start(), m.end(), topic) for topic, pattern in _TOPIC_INFERRED.items() for m in pattern.finditer(text)),
        key=lambda i: i.start,
    )


# A request from one's private life is no sign seen from inside: "my partner asked me to", « ma femme m'a demandé de ».
_PRIVATE_REQUESTER = re.compile(
    r"\b(?:partner|wife|husband|kids?|children|son|daughter|mum|mom|dad|parents?|friends?|girlfriend|boyfriend|landlord|neighbou?rs?|coach|teacher|"
    r"femme|mari|enfants?|fils|fille|m[èe]re|p[èe]re|maman|papa|parents?|amie?s?|copine|copain|proprio|propri[ée]taire|voisine?s?|coach|prof)\b[^.!?\n]{0,12}$",
    _I,
)


def insider_signs(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that tell a sign seen from inside: an unusual request (not from one's private life), an NDA,
    someone seen at our premises."""
    return [(m.start(), m.end()) for m in _INSIDER_SIGNS_RE.finditer(text) if not _PRIVATE_REQUESTER.search(text, max(0, m.start() - 40), m.start())]


# Announced at a past time: "closing the office was announced back in June", "la fermeture, annoncée en juin",
# "has been announced"; not "will be announced in June", "sera annoncée en juin", nor "announced internally".
_BEFORE = r"(?<!\bbe\s)(?<!\bbeing\s)(?<!\bsera\s)(?<!\bseront\s)(?<!\bserait\s)(?<![êe]tre\s)(?<!\bsoit\s)"
_INTERNALLY = (
    r"(?!\s+(?:internally|in-house|to\s+(?:staff|employees|the\s+team|managers|the\s+works\s+council)|in\s+the\s+town\s*hall|at\s+the\s+all[- ]hands"
    r"|en\s+interne|aux?\s+(?:salari[ée]s|[ée]quipes|managers|CSE|cadres)))"
)
_ANNOUNCED_BEFORE_RE = Alternation(
    [rf"\b(?:was|were|has\s+been|have\s+been|had\s+been|got)\s+(?:\w+ly\s+)?announced\b{_INTERNALLY}",
     rf"{_BEFORE}\bannounced\s+(?:back\s+)?(?:in|on|during|at\s+the\s+(?:start|end)\s+of)\s+(?:the\s+)?(?:{_MONTH}|{_WEEKDAY}|spring|summer|autumn|winter|\d{{1,2}}(?:st|nd|rd|th)?\b)",
     rf"{_BEFORE}\bannonc[ée]e?s?\s+(?:d[èe]s\s+|depuis\s+|en\s+|au\s+(?:mois\s+de\s+)?|le\s+\d{{1,2}}\s+|d[ée]but\s+|fin\s+)(?:{_MONTH}|printemps|[ée]t[ée]|automne|hiver)\b"],
    _I,
)
# Said of the topic itself, a disclosure with its date is a calendar ("our annual results will be
# released on 26 February"): no forward-looking finding from it.
_CALENDAR_RE = re.compile(
    r"\b(?:will\s+be|to\s+be|are\s+due\s+to\s+be|is\s+due\s+to\s+be|seront|sera)\s+(?:released|published|announced|presented|"
    r"disclosed|reported|publi[ée]e?s?|annonc[ée]e?s?|pr[ée]sent[ée]e?s?|d[ée]voil[ée]e?s?)\b[^.!?\n]{0,25}?" + _DATE,
    _I,
)
# Every pattern starts at a word boundary: said once in front of the alternation, a position
# inside a word fails at once instead of once per pattern (3x faster on ordinary posts).
assert all(p.startswith(r"\b") for p in _RESTRICTED + _WAITING + _VANTAGE + _AHEAD + _SIGNING_SET + _TRADING_ON_IT)
assert all(p.startswith(r"\b") for patterns in _INFERRED.values() for p in patterns)
# Searched as `Alternation`s: at each word only the patterns that can start with its first letter.
_RESTRICTED_RE = Alternation([f"(?:{p[2:]})" for p in _RESTRICTED + _WAITING + _VANTAGE + _TRADING_ON_IT], _I, prefix=r"\b")
_AHEAD_RE = Alternation([f"(?:{p[2:]})" for p in _AHEAD], _I, prefix=r"\b")
_FIRST_HAND_RE = Alternation([f"(?:{p[2:]})" for p in _EMBARGO + _ON_THE_DEAL + _SIGNING_SET + _TRADING_ON_IT], _I, prefix=r"\b")


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    kind: str  # "restricted" (knowledge or vantage), "ahead" (disclosure to come), "announced" (made public before) or "first_hand"


def calendar_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of text[start:end] that announce a disclosure date of what they talk about."""
    return [(m.start(), m.end()) for m in _CALENDAR_RE.finditer(text, start, end)]


def evidence_of(kind: str, text: str) -> list[Evidence]:
    """The spans of `text` of one kind of evidence, in reading order: "restricted" (knowledge or
    vantage), "ahead" (a disclosure to come; the analyzer asks for it only when the first found
    nothing) or "announced" (an announcement made at a past time: public framing, not evidence of
    a secret) or "first_hand" (the restricted spans that tell the writer's own vantage: an embargo, the deal's
    advisers at our premises, its documents prepared, its signing set for a date)."""
    pattern = {"restricted": _RESTRICTED_RE, "ahead": _AHEAD_RE, "announced": _ANNOUNCED_BEFORE_RE, "first_hand": _FIRST_HAND_RE}[kind]
    return [Evidence(start, end, kind) for start, end in pattern.spans(text)]


def non_public_evidence(text: str) -> list[Evidence]:
    """The spans of `text` that say its facts are not public yet, in reading order."""
    return sorted([*evidence_of("restricted", text), *evidence_of("ahead", text)], key=lambda e: e.start)

"""Common given names (folded: lowercase, no accents): France's most given names of recent
decades, plus frequent names of other origins and English names. The name filters
(`charterguard.pii.names`: a known given name raises a single-word name's score) and the tone
reading (`charterguard.linguistics.is_given_name`: someone a hostile word can be said of) read them."""

from __future__ import annotations

FIRST_NAMES: frozenset[str] = frozenset(
    """
    marie jean pierre michel philippe alain nicolas christophe patrick daniel laurent david stephane eric frederic
    francois sebastien julien thomas olivier christian bernard jacques louis paul antoine alexandre vincent
    maxime romain guillaume mathieu matthieu benoit jerome arnaud fabien cedric damien yann kevin anthony hugo
    lucas leo gabriel raphael arthur jules adam louise emma jade alice chloe lea manon camille ines sarah
    laura julie sophie nathalie isabelle sylvie catherine christine sandrine valerie veronique celine aurelie
    stephanie emilie caroline helene anne claire agnes martine monique nicole francoise brigitte florence
    virginie delphine audrey melanie elodie charlotte pauline marion lucie mathilde juliette margaux clara
    zoe lola eva rose anna nina sofia mia josephine lina romane ambre agathe capucine margot victoire
    aude marie-aude jean-baptiste jean-pierre jean-luc jean-marc jean-claude jean-francois marie-claire
    marie-christine anne-sophie anne-laure pierre-yves pierre-louis paul-henri louis-marie
    mohamed mohammed ahmed ali karim rachid samir nadia fatima leila yasmine amina sofiane mehdi youssef
    bilal ibrahim omar hamza ayoub nassim sami rayan farid malik aicha khadija salma meriem
    nguyen minh linh thanh van wei li chen ming yuki hiro kenji akira mei anh
    mamadou moussa ousmane fatou aminata awa ibrahima abdou cheikh seydou aissatou
    joao jose maria ana carlos miguel pedro luis antonio manuel pablo diego sergio javier lucia carmen
    giovanni giuseppe marco luca matteo francesca giulia chiara alessandro
    hans klaus jurgen stefan andreas anja katrin sven lars ingrid olaf piotr pawel anna katarzyna
    ivan dmitri sergei olga natalia tatiana igor vladimir irina elena
    james john robert michael william richard joseph charles christopher matthew anthony mark donald steven
    andrew joshua kenneth brian george timothy ronald edward jason jeffrey ryan jacob gary eric stephen
    jonathan larry justin scott brandon benjamin samuel frank gregory raymond patrick jack dennis jerry
    tyler aaron henry adam nathan peter zachary kyle noah ethan jeremy christian sean austin oliver harry
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
    sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
    sharon cynthia kathleen amy angela shirley helen samantha katherine christine debra rachel carolyn
    janet catherine heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan
    evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances
    kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella
    theresa diana natalie brittany charlotte marie kayla alexis lori emma ava mia priya raj rahul amit
    tom derek dana dave mike chris alex sam ben dan matt nick steve jim joe tony kate jenny jess beth fiona
    gemma colin neil ian graham keith trevor nigel craig darren wayne shane liam connor callum declan aidan
    siobhan niamh maeve ciara gavin owen rhys gareth
    theo enzo mathis clement quentin florian valentin baptiste bastien tristan corentin adrien loic gaetan
    morgane oceane justine laetitia amandine coralie estelle amel sonia karine nadine sabrina
    """.split()
)

"""Specifications of sentence structures the tone reading must read right (issue 12): where a
negation's scope stops, which way a rebuttal label points, counter-speech whose subject is a
reported claim, harm said as a consequence (a threat, or a warning), and the people words of
the dehumanising gate read as people only. Wordings written for these tests, never suite rows."""

from __future__ import annotations

import pytest
from conftest import tone_alarms

from charterguard.linguistics import Linguistics
from charterguard.tone.meaning import cue_lexicon, sentences_to_parse

# -- 1. a negation stops at a contrast or a new predication --------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Ma voisine de bureau n'est pas lente, mais c'est une idiote finie.", "fr"),
    ("Le stagiaire n'est pas paresseux, par contre c'est un crétin.", "fr"),
    ("Notre chef n'est pas méchant, sauf que c'est un incapable.", "fr"),
    ("He's not lazy, but he is a complete moron.", "en"),
    ("Our team lead isn't rude, though he is an utter idiot.", "en"),
    ("My manager is not slow, yet she is a total imbecile.", "en"),
])
def test_a_negation_does_not_reach_past_a_contrast_into_a_new_predication(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # each clause negated on its own
    ("My manager is not slow, and she is not an imbecile either.", "en"),
    ("Notre chef n'est pas lent, et ce n'est pas un incapable.", "fr"),
    # the insult denied, the contrast saying something fine
    ("Our intern is not an idiot, but he needs more training.", "en"),
    ("Mon collègue n'est pas un idiot, mais il manque d'expérience.", "fr"),
    # denied by the noun's own determiner, the reason given after it
    ("Our new hire is no idiot: she fixed the build on day one.", "en"),
    ("Our team lead is no asshole: she defends us every single time.", "en"),
    ("Notre chef d'équipe n'a rien d'un connard, il défend toujours son équipe.", "fr"),
    ("No, the receptionist is not an idiot. She juggles three phones at once.", "en"),
])
def test_a_negation_still_covers_its_own_clause(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


def test_the_negation_scope_stops_at_a_joined_clause_with_its_own_subject():
    sentence = Linguistics("He's not lazy, but he is a complete moron.", "en").parsed([0])[0]
    negated = dict(zip((w.form for w in sentence.words), sentence.negated))
    assert negated["lazy"] and not negated["moron"]
    # coordinated words with no predication of their own stay in the scope
    listed = Linguistics("He is not lazy or rude.", "en").parsed([0])[0]
    assert dict(zip((w.form for w in listed.words), listed.negated))["rude"]


def test_telling_someone_not_to_be_something_keeps_a_crude_word(acme_group_checker):
    assert tone_alarms(acme_group_checker, "Don't be such a bitch to the new hire.", "en") != []


# -- 2. a rebuttal label rejects what came before it ---------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Faux : notre directeur est un escroc.", "fr"),
    ("Wrong: our director is a crook.", "en"),
    ("Notre directeur honnête ? Faux, c'est un escroc.", "fr"),
    ("Our director honest? Wrong, he's a crook.", "en"),
    # the demonstrative after the label stands for what the label answers
    ("Notre directeur, honnête ? Faux : c'est un escroc.", "fr"),
    ("Is our director honest? No: he is a crook.", "en"),
])
def test_an_insult_after_a_rebuttal_label_is_the_writers_own(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Notre directeur, un escroc ? Faux.", "fr"),
    ("Our director a crook? Wrong: he turned the company around.", "en"),
    ("Notre directeur, un escroc ? Faux : il a redressé la boîte.", "fr"),
    ("Our director, a crook? No. He is the most honest man I know.", "en"),
])
def test_an_insult_asked_then_rejected_by_a_label_is_no_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Une candidate voilée à l'accueil ? Non, ça ne passera pas chez nous.", "fr"),
    ("A guy in a wheelchair on the front desk? No way, not with our clients.", "en"),
])
def test_a_rejection_answering_a_proposal_of_someone_protected_for_a_post_is_the_decision(acme_group_checker, text, lang):
    # "Non" rejects the person for the post: discrimination, not a refuted claim.
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    ("Une candidate voilée à l'accueil ? Oui, et elle est excellente.", "fr"),
    ("Une candidate voilée à l'accueil ? Bien sûr, on l'a embauchée la semaine dernière.", "fr"),
    # no protected ground: a rejection on experience
    ("Un stagiaire sans expérience au poste de chef de projet ? Non, il lui faut deux ans de plus.", "fr"),
    # a judging claim about a group, rejected: a refutation
    ("Nos collègues seniors, des boulets ? Absolument pas, ils forment les jeunes.", "fr"),
    ("Our older staff, slow learners? Not at all, they trained half the team.", "en"),
])
def test_a_proposal_accepted_or_a_claim_refuted_is_no_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


# -- 3. counter-speech whose subject is a reported claim --------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Dire que les migrants sont des sacs poubelle est ignoble.", "fr"),
    ("Calling refugees vermin is disgusting.", "en"),
    ("Telling a colleague she is too old to learn new tools is shameful.", "en"),
    ("Saying Muslims are rats is disgusting and has no place here.", "en"),
    ("Traiter une collègue de grosse vache en réunion est inadmissible.", "fr"),
    ("Dire que les Roms sont tous des voleurs, c'est du racisme pur.", "fr"),
    # the advice after counter-speech names no one to insult
    ("House rule: calling a teammate 'useless' in a stand-up is bullying. Talk about the ticket, not the person.", "en"),
])
def test_a_condemnation_of_an_act_of_saying_is_counter_speech(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    # the condemning word inside the reported claim, said of the people
    ("Dire que les Roms sont des voleurs ignobles.", "fr"),
    # the claim reported and endorsed
    ("Ils disent que notre DRH est une ordure, et c'est vrai.", "fr"),
    # the hateful claim asserted, the condemning word about something else
    ("Les migrants sont des sacs poubelle, c'est ignoble de les laisser entrer.", "fr"),
])
def test_a_hateful_claim_not_condemned_as_said_stays_a_finding(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # a refusal to act, after the insult, rejects no claim
    ("Mon manager est un crétin, je refuse de lui parler.", "fr"),
    ("La compta, une bande de guignols, je refuse d'y remettre les pieds.", "fr"),
    ("Notre client est un crétin, je refuse d'aller le revoir.", "fr"),
    ("Our customers are idiots, I refuse to take their calls.", "en"),
    ("Our new VP is a clown and I refuse to work with him.", "en"),
])
def test_a_refusal_to_act_does_not_counter_the_insult_before_it(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # a claim refused, or the act of saying it
    ("Je refuse qu'on traite nos stagiaires d'idiots.", "fr"),
    ("Calling our interns idiots? I refuse to accept that.", "en"),
    # the deed refused is the one just named
    ("Écarter les candidats handicapés est une faute que nous refusons de commettre.", "fr"),
    ("Excluding older applicants is a mistake we refuse to make.", "en"),
    ("Refuser un CDI à une femme enceinte ? Une faute que nous refusons de faire la moindre fois.", "fr"),
])
def test_a_claim_refused_is_still_counter_speech(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    # a quotation as the subject of a condemnation
    ("« Retourne dans ton pays » n'a pas sa place dans notre entreprise.", "fr"),
    ("'Women can't code' is a sexist cliché and it is wrong.", "en"),
    ("« Les vieux sont des boulets » : ce genre de phrase est inacceptable chez nous.", "fr"),
    # a crude insult quoted as what others shout: mentioned, not used
    ("Au match de foot des minimes, des parents criaient « bande d'enculés » à l'arbitre. Lamentable.", "fr"),
    ("At the under-12 game a dad kept yelling \"fucking idiots\" at the referee. Let's do better than that.", "en"),
])
def test_a_quoted_claim_condemned_or_reported_is_mentioned_not_used(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    # the writer's own words, quoted
    ("Je lui ai dit « espèce d'enculé » et je le pense encore.", "fr"),
    # scare quotes around an insult used of someone
    ("Our manager is a \"fucking idiot\", sorry not sorry.", "en"),
    ("\"Brilliant\" manager, my foot: he is a total moron.", "en"),
])
def test_an_insult_the_writer_uses_stays_a_finding_quoted_or_not(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


def test_straight_single_quotes_quote_but_apostrophes_do_not():
    text = "'Go back home' has no place here, and we don't say the teams' results are bad."
    sentence = Linguistics(text, "en").parsed([0])[0]
    quoted = {w.form for w, q in zip(sentence.words, sentence.quoted) if q}
    assert quoted == {"go", "back", "home"}


# -- 4. harm as a consequence: a threat, or a warning -----------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    # a danger named, a precaution not taken or left out
    ("If you don't wear a helmet you'll end up in hospital.", "en"),
    ("Si tu ne mets pas ta ceinture, tu finiras à l'hôpital.", "fr"),
    ("Skip the warm-up and you'll end up in the ER, trust me.", "en"),
    ("Si tu continues à bosser sans pause, tu vas finir aux urgences.", "fr"),
    ("If you don't stretch before the run, you will end up in a wheelchair by forty.", "en"),
    # the writer's own side harmed: hyperbole about one's team
    ("If we lose again the coach will put us all in the hospital lol", "en"),
    ("Si on perd encore samedi, on va tous finir à l'hôpital avec les tours de terrain du coach mdr", "fr"),
])
def test_a_warning_or_hyperbole_about_ones_own_side_is_no_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Si tu recommences, tu finiras à l'hôpital, crois-moi.", "fr"),
    ("Do that again and you'll end up in hospital, I promise you.", "en"),
    ("If you report me again, you'll end up in the hospital.", "en"),
    # a negated condition about the writer, or demanding that something stop
    ("If you don't pay me back by Friday, you'll end up in a wheelchair.", "en"),
    ("Si tu ne me laisses pas tranquille, tu vas finir à l'hôpital.", "fr"),
    ("@kevin if you don't stop talking about my wife you'll end up in the morgue.", "en"),
    ("Touche encore à mon bureau et tu finiras à la morgue.", "fr"),
])
def test_harm_promised_to_someone_for_what_they_do_stays_a_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


@pytest.mark.parametrize(("text", "lang"), [
    # violence in a game, between teams or by the writer's side
    ("Our five-a-side team is going to murder the accounting team on Friday night lol", "en"),
    ("Samedi on va massacrer l'équipe de la compta au tournoi de pétanque 😂", "fr"),
    ("We're going to kill them at the quiz on Thursday, book your seats.", "en"),
    # violence done to the writer's own side
    ("If we miss the deadline again the boss is going to kill us haha", "en"),
    ("Si on rate encore la deadline, le chef va nous tuer 😅", "fr"),
])
def test_violence_of_a_game_or_done_to_the_writers_own_side_is_no_threat(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("If you touch my code again I will kill you.", "en"),
    ("Si tu touches encore à mon code, je vais te tuer.", "fr"),
    # a game named, someone alone threatened
    ("I'll kill you after the match, ref, I know your car.", "en"),
    ("Après le match je vais te tuer, l'arbitre.", "fr"),
])
def test_violence_the_writer_promises_someone_stays_a_threat_game_or_not(acme_group_checker, text, lang):
    assert tone_alarms(acme_group_checker, text, lang) != []


# -- 5. the dehumanising gate: people words read as people -------------------------------------------

@pytest.mark.parametrize("text", [
    "Personne n'est parfait, et on apprend tous les jours.",
    "Personne ne sait si le serveur est réparé.",
    "Ce type de panne est fréquent en hiver.",
    "Ce type d'erreur est classique.",
])
def test_personne_and_type_in_their_non_human_readings_open_no_parse(text):
    assert sentences_to_parse(Linguistics(text, "fr"), cue_lexicon("fr")) == []


@pytest.mark.parametrize("text", ["Cette personne est une armoire.", "Ce type est une armoire."])
def test_personne_and_type_for_people_still_open_the_gate(text):
    assert sentences_to_parse(Linguistics(text, "fr"), cue_lexicon("fr")) == [0]


def test_plus_tard_is_no_insult(acme_group_checker):
    # "tard" is English slang for an insult; in French it means "late".
    assert tone_alarms(acme_group_checker, "On se voit plus tard pour la réunion, trois ans plus tard.", "fr") == []

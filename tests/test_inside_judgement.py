"""How a compliance officer's judgement on inside information generalises (issue 12):
what the topic is said of (a site, a headcount, a successor, an office channel), who has
not been told yet, and what makes a word a false cue. Each case pairs a leak with the
ordinary post that shares its words; none is an evaluation row (bench/data)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import inside_flags

from charterguard import Checker

NOW = datetime(2026, 11, 22, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A headcount is what a restructuring is said of ("une quarantaine de collaborateurs touchés").
        ("Nous allons externaliser la logistique chez un prestataire, une quarantaine de collaborateurs touchés, les syndicats n'en savent rien.", "fr"),
        ("We're outsourcing payroll to a vendor in Krakow, about 35 people affected; HR hasn't briefed anyone yet.", "en"),
        # A site named just before the closure.
        ("Working on the comms plan for the Leicester closure, announcement to staff on the 9th.", "en"),
        # Who has not been told yet; sworn to silence; settled inside.
        ("Management hasn't informed the works council yet: the Rotterdam depot closes in June.", "en"),
        ("Sales director sworn to secrecy, but our Q3 revenue is going to smash the forecast by 20%.", "en"),
        ("Le contrôle de gestion est tenu au secret jusqu'à mardi, mais le bénéfice du semestre double.", "fr"),
        ("La suppression de 60 postes à Rennes est actée en interne, la communication suivra.", "fr"),
        # A cover story to give when asked.
        ("Le lancement de la nouvelle appli est repoussé à l'automne ; si des clients demandent, répondez « pas de commentaire ».", "fr"),
        # An internal draft seen; a figure moved ahead ("we're lowering our revenue guidance").
        ("I saw the draft press release: first-half profit down 30%.", "en"),
        ("Heads-up, team: we're lowering our revenue guidance, so brace for questions.", "en"),
        # A recall decided before it is announced.
        ("Un rappel de 12 000 trottinettes est en préparation à cause d'un défaut de frein, rien n'est encore annoncé.", "fr"),
        ("Heads up: a recall of 8,000 faulty heaters is scheduled for next month, nothing announced yet.", "en"),
        # A successor known ahead.
        ("Notre futur DAF arrive en avril, ne le dites à personne.", "fr"),
        ("Our incoming CFO starts in April, you'll hear it officially after the board meeting.", "en"),
        # A period written short, judged, with the day the market learns it.
        ("Q3 came in well below plan, the market learns it on Tuesday.", "en"),
        ("Le T2 est catastrophique, ça sort jeudi, accrochez-vous.", "fr"),
        # A letter of intent; a rival absorbed; a merger said as a marriage.
        ("Letter of intent signed with a major carmaker today, official announcement after the Geneva show.", "en"),
        ("We're absorbing a smaller competitor in Spain, the deal closes next month, not public yet.", "en"),
        ("Notre groupe se marie avec Fiducial à la rentrée, chut 🤫", "fr"),
        # A disclosure date after "et que" is said of the other clause.
        ("Je viens d'apprendre que l'atelier de Cholet perd 45 emplois et que l'annonce aux salariés c'est le 3.", "fr"),
        # "N postes en moins"; a disclosure in a few weeks ("announcement in three weeks").
        ("Réunion avec les RH ce matin : 35 postes en moins à Limoges au printemps, les intéressés seront reçus la semaine prochaine.", "fr"),
        ("Term sheet signed for our Series C, $60M led by a big fund. Announcement in three weeks, please sit on it.", "en"),
        # Control taken or given away, said without "rachat": a majority stake, under a rival's wing, a unit sold.
        ("On devient actionnaire majoritaire de notre distributeur belge, personne ne doit le savoir avant la signature.", "fr"),
        ("Dès janvier, l'usine passe sous le giron d'un fonds allemand. C'est signé, l'annonce suivra.", "fr"),
        ("The board approved the sale of our logistics arm yesterday; announcement to follow, so don't breathe a word.", "en"),
        # Leaving a joint venture, heard by chance; production stopped, the release not written yet.
        ("Overheard our CEO: we're exiting the joint venture with Holt next quarter.", "en"),
        ("Read the internal memo: the Leeds plant will stop production in May. The press release isn't drafted yet.", "en"),
        # A customer pulling out, kept inside the team.
        ("Our biggest customer is pulling out next year, we've been asked to keep it in the team.", "en"),
        # A line stopped; a contract entrusted, waiting for the other side's board; told by an insider.
        ("On arrête la marque Lumio à la fin de l'année, interdiction formelle d'en parler aux clients.", "fr"),
        ("Le département devrait nous confier l'entretien de ses 200 collèges, 30 M€ : on attend encore le feu vert de l'assemblée.", "fr"),
        ("Ma manager vient de me confirmer qu'on perd le contrat de la SNCF, la direction communiquera le 15.", "fr"),
        ("The new price list going live on the 1st is +12% on every plan, and we're not allowed to mention it to customers yet.", "en"),
        # Said without a topic word: independence lost, the payroll cut, a hole in the accounts, a chair handing over.
        ("Dès l'été on ne sera plus indépendants : le groupe italien a emporté le morceau, les salariés l'apprendront en juillet.", "fr"),
        ("La direction vise 8 % de baisse de la masse salariale l'an prochain ; rien n'a encore été présenté au CSE.", "fr"),
        ("Finance found a hole in the books of our Swiss unit, roughly $5M. The board meets Thursday on what to disclose.", "en"),
        ("Notre président passera la main après l'été, les actionnaires le découvriront à l'assemblée générale.", "fr"),
        # A place naming a business unit is no other company.
        ("The impairment on the Mexico business will wipe out our Q4 profit, the market finds out Friday.", "en"),
    ],
)
def test_a_leak_however_worded_is_found(inside_default: Checker, text: str, lang: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "d'entre nous" is "of us", not "between us"; "between us and" a comparison.
        ("Certains d'entre nous se souviennent encore de l'annonce du rachat : quel moment.", "fr"),
        ("The gap between us and the leader should close as sales grow, says the analyst.", "en"),
        # A topic word said of an object of office life.
        ("Next Monday we merge the two book clubs into one 📚", "en"),
        ("La fusion des deux newsletters internes arrive en janvier.", "fr"),
        ("Réorganisation des salles de réunion du 2e la semaine prochaine, merci de libérer les lieux.", "fr"),
        ("We're merging the support Slack channels on Monday to cut the noise.", "en"),
        # Made public before, now in force.
        ("Annoncée publiquement en septembre, l'acquisition de Norvia est désormais effective.", "fr"),
        ("Publicly announced in May, our merger with Kestrel is now in effect: new e-mail addresses from Monday.", "en"),
        # "Next" beside no successor; a marriage that is no merger; a short period not judged.
        ("Q3 roadmap review next week, please update your tickets.", "en"),
        ("Ma sœur se marie avec Thomas en juin, trop hâte !", "fr"),
        ("Petit rappel : la réunion d'équipe est avancée à 9h demain.", "fr"),
        ("Reminder: recall training for the support team next Tuesday.", "en"),
        ("Rappel sécurité : le lot de casques neufs arrive lundi, port obligatoire sur le chantier.", "fr"),
        ("Please recall that all business units submit their safety reports by Friday.", "en"),
        # A headcount beside no restructuring.
        ("We're moving to the new building next week, 220 people on three floors!", "en"),
        # Closings of the calendar, a recurring financial calendar, a sponsorship.
        ("La fermeture de Noël : le bureau de Nantes sera fermé du 24 au 26, bonnes fêtes à tous !", "fr"),
        ("The Easter closure: our Leeds office is closed Friday to Monday, enjoy the break!", "en"),
        ("Le communiqué sur nos résultats du T2 sort jeudi à 7h, comme chaque trimestre.", "fr"),
        ("Our Q4 earnings release is scheduled for 12 February, as every year.", "en"),
        ("We signed a letter of intent with the city to sponsor the marathon next spring, great news for the team!", "en"),
        # A successor whose appointment was announced; a supplier of office things.
        ("Notre future directrice RH arrive lundi : bienvenue ! Son arrivée a été annoncée la semaine dernière.", "fr"),
        ("Welcome to our incoming CFO, whose appointment was announced last month: she starts Monday.", "en"),
        ("We picked a new supplier for the office coffee machines, switching next week.", "en"),
        # The same words about shops and chores: a sale of goods, folding flyers.
        ("Our winter sale starts Monday: 30% off the whole brand catalogue!", "en"),
        ("Volunteers needed Friday to fold the flyers into the welcome packs for the open day.", "en"),
        # A name before the topic word names it only after a determiner ("the Leicester closure"):
        # "your Microsoft account" is another company's, "a guy in Canada bought" no deal of ours.
        ("What happens if you lose access to your Microsoft Account tomorrow? Check the recovery guide.", "en"),
        ("A colleague in Canada bought a stake in a racehorse on Monday, what a hobby.", "en"),
        # More independent teams; office rules restated.
        ("Avec le nouvel outil, les équipes seront plus indépendantes au sein du groupe dès lundi.", "fr"),
        ("Restatement of the office rules next week, please read them.", "en"),
        # A personal activity stopped, staff becoming shareholders, an idiom.
        ("J'arrête mon activité de consultante en janvier pour me lancer dans la céramique, merci pour tout !", "fr"),
        ("Nos salariés deviennent le premier actionnaire individuel du groupe grâce au plan d'épargne, souscription en mars.", "fr"),
        ("Our client is pulling out all the stops for the launch party next week, can't wait!", "en"),
        # "Arrêter" and "confier" in everyday sentences.
        ("On arrête la réunion hebdo le vendredi, place à un point mensuel à partir de janvier.", "fr"),
        ("Je vous confie les clés de la salle de sport pendant mes congés la semaine prochaine.", "fr"),
    ],
)
def test_the_same_words_in_an_ordinary_post_are_not(inside_default: Checker, text: str, lang: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


def test_a_site_named_beside_an_office_object_keeps_the_closure(inside_default: Checker) -> None:
    # The office object ("le parking") does not hide the closure of the plant named in the same clause.
    assert inside_flags(inside_default, "On ferme l'usine de Dole et son parking en mars, les salariés ne le savent pas encore.", "fr", NOW)

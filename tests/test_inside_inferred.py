"""Inside information inferred by the writer (round s18-inside2, dev19's misses by mechanism): the writer draws a
coming event of the employer from signs an insider sees, its topic often left vague ("something big"): who will wear
our badge, a new name at the top, "update your CV if you're based there", something big coming for the balance sheet,
something we will bring out, something big we surely landed. It is grounded by a sign seen from inside (an unusual
request, an NDA, someone seen at our premises) or by a secrecy cue; a wink alone (👀) grounds nothing, so a brand's
teaser of a public launch passes. Also: a rumour named as such is about others; the writer's own warning that
trading on the news would be insider dealing; a prospectus with a quiet period. Every wording here is ours; none is
an evaluation row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import inside_flags

from charterguard import Checker
from charterguard.inside.evidence import inferred_events, insider_signs

NOW = datetime(2026, 11, 22, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A purchase: those who will soon wear our badge.
        ("fr", "On m'a demandé de libérer deux bureaux à côté de la direction pour « des visiteurs de longue durée ». Quelques-uns vont bientôt porter nos badges, à mon avis 😉"),
        ("en", "Legal asked us to clear a meeting room for 'guests from Halden' every day until March. Pretty sure their team will soon be wearing our lanyards 🤫"),
        # An executive: a new face at the top.
        ("fr", "On m'a fait signer un accord de confidentialité pour une réunion avec un ancien DG de la concurrence. Un nouveau visage au comex, ça se sent 👀"),
        ("en", "Spotted a very familiar ex-Globex COO at our HQ canteen with our chair. Fresh face at the top incoming, mark my words."),
        # A closure: update your CV if you work there.
        ("en", "IT asked me to stop renewing the licences for the Derby warehouse and nobody will say why. If you work there, polish your CV."),
        ("fr", "On nous demande de ne plus commander de fournitures pour l'agence de Tours. Si vous êtes là-bas, mettez à jour vos CV."),
        # A capital operation: something big for the balance sheet.
        ("en", "Treasury asked me to clear my whole February for 'a confidential project' with two banks. Something big is coming for our balance sheet 🤐"),
        ("fr", "La DAF nous a demandé de bloquer tout février pour un « dossier confidentiel » avec deux banques. Quelque chose de gros se prépare pour notre bilan 🤐"),
        # A product: something we will bring out, or make ourselves.
        ("fr", "On m'a fait signer un NDA avant d'entrer dans le labo du 3e. On va sortir quelque chose de costaud cet automne, croyez-moi."),
        ("en", "Procurement asked us to source 10,000 waterproof hinges under an NDA. We're finally building our own outdoor speaker, I'd bet."),
        # A contract: something big we surely landed.
        ("en", "My manager asked me to hire 25 welders in Bremen before June and book a hotel by the shipyard for a year. We must have landed something big with the navy."),
        ("fr", "Mon chef nous a demandé d'ouvrir 30 postes de soudeurs à Brest d'ici mai. On a sûrement remporté un gros contrat avec l'armée."),
        # The same inferences with other signs: asked, told, a sighting, an NDA.
        ("en", "HR asked us to book the boardroom every Tuesday for 'a guest' from Brenwick. You'll soon see a new name on the org chart 😉"),
        ("en", "The movers measured our whole Leeds floor today and we were told to stop ordering kit. If you sit in Leeds, dust off your resume."),
        ("fr", "On nous a demandé de vider les armoires de l'atelier de Vierzon « avant mars ». Si tu bosses là-bas, ressors ton CV."),
        ("fr", "Le patron fait trois allers-retours à Londres par semaine, on m'a demandé de préparer une data room. Quelque chose de gros se prépare pour nos actionnaires."),
        ("fr", "On nous a fait signer un accord de confidentialité avec un constructeur. On va sortir un truc sur quatre roues, c'est sûr."),
        ("en", "Boss asked me to find 50 hotel rooms near the airbase for all of next year. We must have won something huge with the air force."),
        # Changes coming for a site of ours; colleagues from another firm soon; something about to be unveiled.
        ("en", "We were told to stop all maintenance orders for the Derby plant until further notice. Big changes coming for the Derby plant, I reckon."),
        ("fr", "On nous a demandé de ne plus planifier de formations à l'atelier de Vierzon. Des changements se préparent pour l'atelier, c'est clair."),
        ("en", "Their whole finance team has been in our Leeds office all week, NDAs everywhere. We'll soon have new colleagues from Brenwick, mark my words."),
        ("fr", "On m'a demandé de préparer 60 badges visiteurs pour des gens de chez Kelvor. Bientôt de nouveaux collègues de chez Kelvor, je parie 😉"),
        ("en", "Legal asked us to sign NDAs before the design review. Guess who's about to unveil something 😉"),
    ],
)
def test_an_inference_about_our_coming_event_grounded_by_an_insider_sign_is_flagged(inside_default: Checker, lang: str, text: str) -> None:
    assert inside_flags(inside_default, text, lang, NOW)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A brand's teaser of a public launch: a wink, no sign seen from inside.
        ("en", "Big news coming at the trade show next week, stay tuned 👀"),
        ("fr", "Grosse annonce au salon la semaine prochaine, restez connectés 👀"),
        # A rumour about others, named as such.
        ("en", "Rumour: Kelvor staff will soon be wearing Globex badges, someone saw their CEO at our HQ 👀"),
        # Predictions about a market in general.
        ("en", "Something big is coming for the EV market in 2027, mark my words 👀"),
        ("fr", "Quelque chose de gros se prépare pour le marché de l'immobilier, à mon avis."),
        # Personal plans and career advice.
        ("en", "I need to update my CV this weekend, any tips?"),
        ("en", "Someone asked me for advice: update your CV if you're looking for a job this autumn, recruiters are busy 😉"),
        ("fr", "Mettez à jour vos CV si vous êtes en recherche, le marché bouge !"),
        # Another firm's public news; the past; an announced appointment; a film.
        ("en", "Apple is finally making its own modem chips, according to the press."),
        ("fr", "L'an dernier, on a sûrement décroché quelque chose de gros avec la Marine, mais c'est public depuis longtemps."),
        ("en", "Our new CFO joined in March: new face at the top, as announced in the press release."),
        ("fr", "J'ai vu un super film hier, vous verrez bientôt un nouveau nom sur l'affiche 😉"),
        # The past told with the signs; an exercise; the inference quoted as what never to post.
        ("fr", "En 2019, on nous avait demandé de recruter 40 soudeurs à Brest : on a sûrement décroché quelque chose de gros avec la Marine cette année-là."),
        ("en", "Back in 2018 my boss asked me to book 50 hotel rooms near the base; we must have landed something big with the navy that year."),
        ("fr", "Exercice de crise : on vous demande de préparer une data room, quelque chose de gros se prépare pour votre bilan. Que faites-vous ?"),
        ("en", "Never post \"update your CV if you're based there\" when HR asked you to keep quiet."),
        # Changes for a sector, a sports team or the office kitchen; graduates joining.
        ("en", "Big changes coming for the retail sector in 2027, say the analysts."),
        ("fr", "Des changements se préparent pour l'équipe de France de rugby, selon L'Équipe."),
        ("en", "Soon we'll have new colleagues from the graduate scheme, welcome to all of them!"),
        ("en", "Big changes coming for the office kitchen next week: new coffee machine! ☕"),
        # A request from one's private life is no sign seen from inside.
        ("en", "My partner asked me to stop buying takeaways. Something big is coming for our finances: a baby! 👶"),
        ("fr", "Ma femme m'a demandé de vider le garage. On va sortir quelque chose de sympa ce week-end, un vide-grenier !"),
        ("en", "My kids asked me to clear the spare room. I'd update your CV if you're based there, it's a mess 😂"),
        ("fr", "Le coach nous a demandé de nous entraîner deux fois par semaine. On a sûrement décroché quelque chose avec ce match nul."),
    ],
)
def test_teasers_rumours_predictions_and_plans_are_no_inference_about_us(inside_default: Checker, lang: str, text: str) -> None:
    assert not inside_flags(inside_default, text, lang, NOW)


def test_the_inference_carries_the_topic_of_its_coming_event() -> None:
    found = {(i.topic, t) for t in (
        "Ils vont bientôt porter le badge maison.",
        "New joiner at the top incoming.",
        "I'd update your CV if you're based in Leeds.",
        "On a sûrement décroché un truc avec la Marine.",
    ) for i in inferred_events(t)}
    assert {topic for topic, _ in found} == {"acquisition", "executives", "restructuring", "contracts"}
    assert not inferred_events("We're making our way to the fair.")
    assert not inferred_events("I updated my CV yesterday.")


def test_insider_signs_are_requests_ndas_and_sightings_at_our_premises() -> None:
    assert insider_signs("Mon N+1 m'a demandé de réserver trois salles.")
    assert insider_signs("Finance asked us to keep Friday free.")
    assert insider_signs("Saw their founder in our Leeds office twice.")
    assert not insider_signs("I asked for a refund.")
    assert not insider_signs("Saw their founder at the conference.")
    assert not insider_signs("My landlord asked us to let visitors in on Saturday.")
    assert not insider_signs("Ma voisine m'a demandé de garder son chat.")


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        # A rumour named as such is about others; about us it stays a finding.
        ("en", "Rumour at the show: Pellman are cutting staff at their Polish plants. Sad for the folks there.", False),
        ("en", "Rumours say Norvik is closing its Antwerp depot next spring.", False),
        ("en", "Rumour is true: we are cutting 200 jobs at our Leeds plant next month, nobody outside the exec team knows yet.", True),
        ("fr", "Rumeur sur le stand : Pellman va fermer deux usines en Pologne. Courage aux équipes.", False),
        # The writer's own warning that trading on it would be insider dealing.
        ("en", "Brenwick is raising £400m in a rights issue in February — the banks are ready. Don't buy before then, that would be insider trading 😅", True),
        ("fr", "Brenwick lance une augmentation de capital de 400 M€ en février, les banques sont prêtes. N'achetez pas avant, ce serait du délit d'initié 😅", True),
        ("en", "Brenwick is raising £400m in a rights issue in February, according to the FT.", False),
        ("en", "Reading a great book on insider trading cases, that's insider trading done the old way.", False),
        ("fr", "Conférence passionnante sur le délit d'initié ce matin à la fac.", False),
        # A prospectus with a quiet period.
        ("fr", "Les juristes relisent un prospectus tous les soirs et on nous a prévenus : période de silence à partir de jeudi 🤐", True),
        ("en", "Finance is drafting a prospectus and we're entering a quiet period next week 🤐", True),
        ("en", "Our 2019 prospectus and its quiet period are a good case study for new hires.", False),
    ],
)
def test_rumours_trading_warnings_and_quiet_periods(inside_default: Checker, lang: str, text: str, flagged: bool) -> None:
    assert inside_flags(inside_default, text, lang, NOW) is flagged


def test_the_warning_that_trading_on_it_is_insider_dealing_is_first_hand_evidence() -> None:
    from charterguard.inside.evidence import evidence_of

    assert evidence_of("first_hand", "Buy before Friday... kidding, that'd be insider trading.")
    assert evidence_of("first_hand", "Achetez vite, enfin non, c'est un délit d'initié !")
    assert not evidence_of("first_hand", "A podcast on insider trading cases from the 90s.")
    assert not evidence_of("first_hand", "Formation sur le délit d'initié jeudi.")

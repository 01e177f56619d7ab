"""The `pii` rule kind: what it must find, what it must not, offline and robust.

Real spaCy models and real Presidio recognizers; no timing assertions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError

from charterguard.analysis import Post
from charterguard.charter.rule import Company
from charterguard.detectors.pii import PiiDetector, PiiRule
from charterguard.pii.entities import ENTITIES

REPO = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)


def detector(entities=ENTITIES, company: Company | None = None, **options) -> PiiDetector:
    rule = PiiRule.model_validate(
        {"id": "test.pii", "kind": "pii", "severity": "warn", "clause": "4", "message": "x",
         "entities": list(entities), "examples": {"flag": ["x"], "pass": ["y"]}, **options}
    )
    return PiiDetector(rule, company or Company(name="Acme Group", aliases=["Acme"], codenames=["Colibri"]))


def found(text: str, lang: str = "fr", **kwargs) -> list[tuple[str, str, float]]:
    det = detector(**kwargs)
    post = Post(text, language=lang, channel=None, audience=None, now=NOW, nlp_components=det.nlp_components)
    return [(text[h.start : h.end], h.entity, h.score) for h in det.find(post)]


def spans(text: str, entity: str, lang: str = "fr", min_score: float = 0.0) -> list[str]:
    return [s for s, e, score in found(text, lang) if e == entity and score >= min_score]


# -- phones ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "phone",
    ["06 12 34 56 78", "06.12.34.56.78", "0612345678", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78",
     "06-12-34-56-78", "0033 6 12 34 56 78", "+33612345678", "01 42 68 53 00"],
)
def test_french_phone_in_every_writing(phone):
    assert spans(f"Appelez-moi au {phone} demain.", "PHONE_NUMBER", min_score=0.6) == [phone]


def test_international_and_us_phones():
    text = "Call John at (212) 555-0147 or our London desk on +44 20 7946 0958."
    assert spans(text, "PHONE_NUMBER", lang="en", min_score=0.6) == ["(212) 555-0147", "+44 20 7946 0958"]


def test_french_phone_context_raises_the_score():
    bare = dict((s, score) for s, e, score in found("Référence 0612345678 du dossier"))
    announced = dict((s, score) for s, e, score in found("Mon portable : 0612345678"))
    assert announced["0612345678"] > bare.get("0612345678", 0.0)


@pytest.mark.parametrize("text", ["Rendez-vous le 12/03/2026 à 14h30", "Un chiffre d'affaires de 57 793 000 €",
                                  "Plus de 10 000 participants en 2025", "Version 10.2.3 disponible",
                                  "When: 2000-04-16 11:34:35"])
def test_numbers_that_are_not_phones(text):
    assert spans(text, "PHONE_NUMBER", lang="fr" if "When" not in text else "en") == []


# -- identifiers with checksums ------------------------------------------------------------
def test_french_identifiers_found_with_checksums():
    text = ("NIR 1 85 05 78 006 084 91, SIRET 732 829 320 00074, SIREN 732829320, TVA FR44732829320, "
            "IBAN FR76 3000 6000 0112 3456 7890 189, carte 4111 1111 1111 1111, passeport 12AB34567.")
    got = {e: s for s, e, _ in found(text)}
    assert got["FR_NIR"] == "1 85 05 78 006 084 91"
    assert got["FR_SIRET"] == "732 829 320 00074"
    assert got["FR_SIREN"] == "732829320"
    assert got["FR_TVA"] == "FR44732829320"
    assert got["IBAN_CODE"] == "FR76 3000 6000 0112 3456 7890 189"
    assert got["CREDIT_CARD"] == "4111 1111 1111 1111"
    assert got["FR_PASSPORT"] == "12AB34567"


def test_corsican_nir():
    assert spans("Mon numéro de sécu : 2 69 02 2A 350 123 62", "FR_NIR") == ["2 69 02 2A 350 123 62"]


def test_numbers_failing_their_checksum_are_not_identifiers():
    text = ("NIR 1 85 05 78 006 084 92, IBAN FR76 3000 6000 0112 3456 7890 188, "
            "carte 4111 1111 1111 1112, SIRET 732 829 320 00075")
    entities = {e for _, e, _ in found(text)}
    assert not entities & {"FR_NIR", "IBAN_CODE", "CREDIT_CARD", "FR_SIRET"}


def test_id_card_needs_context():
    assert spans("Réf. X4RTBPFW4 du produit", "FR_CNI") == []
    assert spans("Ma carte d'identité n° X4RTBPFW4", "FR_CNI") == ["X4RTBPFW4"]


def test_email_ip_ssn():
    text = "Écrivez à marie.dupont@gmail.com ; box 82.64.10.12 ; SSN 536-90-4399"
    got = {e: s for s, e, _ in found(text)}
    assert got["EMAIL_ADDRESS"] == "marie.dupont@gmail.com"
    assert got["IP_ADDRESS"] == "82.64.10.12"  # a public address may be a person's (a private one: tests/test_secrets.py)
    assert got["US_SSN"] == "536-90-4399"


# -- addresses ------------------------------------------------------------------------------
def test_french_street_address_with_postcode_and_city():
    text = "Le colis part au 12 bis rue de la Paix, 75002 Paris. Merci !"
    assert spans(text, "STREET_ADDRESS", min_score=0.7) == ["12 bis rue de la Paix, 75002 Paris"]


def test_english_street_address():
    text = "She lives at 3784 Archwood Avenue, Apt. 12 since May."
    assert spans(text, "STREET_ADDRESS", lang="en", min_score=0.7) == ["3784 Archwood Avenue, Apt. 12"]


@pytest.mark.parametrize("text", ["Rejoignez-nous le 8 juin place de la Bourse à Bordeaux",
                                  "Join us on June 8 at Union Square", "Windows 11 arrive sur nos postes"])
def test_dates_and_products_are_not_addresses(text):
    assert spans(text, "STREET_ADDRESS", min_score=0.7) == []


# -- names ----------------------------------------------------------------------------------
@pytest.mark.slow
def test_name_span_excludes_the_verb_before_it():
    assert spans("Contactez Marie Dupont pour toute question.", "PERSON", min_score=0.7) == ["Marie Dupont"]


@pytest.mark.slow
def test_compound_and_particle_names():
    text = "Merci à Marie-Aude Lefèvre et à Jean-Baptiste de La Fontaine pour leur aide."
    assert spans(text, "PERSON", min_score=0.7) == ["Marie-Aude Lefèvre", "Jean-Baptiste de La Fontaine"]


@pytest.mark.slow
def test_names_of_all_origins():
    text = "Bienvenue à Aïssatou Diallo, Nguyen Van Minh et Mohamed Benali dans l'équipe !"
    assert set(spans(text, "PERSON", min_score=0.4)) >= {"Aïssatou Diallo", "Mohamed Benali"}


@pytest.mark.slow
def test_title_before_a_name():
    assert spans("Mme Durand a signé ce matin.", "PERSON", min_score=0.9) == ["Durand"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Bravo à toute l'équipe ! Merci pour ce lancement. Fier de vous.",
    "Réunion de rentrée à Lyon. Rendez-vous sur notre stand !",
    "Postulez sur notre site carrières. Félicitations aux lauréats !",
])
def test_sentence_initial_words_are_not_names(text):
    assert spans(text, "PERSON", min_score=0.4) == []


@pytest.mark.slow
def test_company_names_brands_and_numbers_are_not_names():
    text = "Chez Acme Group, le projet Colibri avance. Merci à Leroy Merlin pour l'accueil. Ticket 4521 clos."
    assert spans(text, "PERSON", min_score=0.4) == []


@pytest.mark.slow
def test_street_names_written_like_names_are_not_people():
    assert spans("Our Vienna office moved to Villacher Strasse last spring.", "PERSON", lang="en", min_score=0.4) == []


@pytest.mark.slow
def test_english_names():
    assert "John Smith" in spans("Thanks to John Smith for the demo.", "PERSON", lang="en", min_score=0.7)


@pytest.mark.slow
def test_a_middle_initial_stays_inside_the_name():
    # The NER sees only "Karen" here: the known given name carries the initial and the family name.
    assert spans("Invoice for Karen B Lindqvist attached", "PERSON", lang="en", min_score=0.7) == ["Karen B Lindqvist"]
    assert spans("Rencontre avec Julie M. Laurent ce matin.", "PERSON", min_score=0.7) == ["Julie M. Laurent"]


@pytest.mark.slow
def test_scores_are_calibrated_not_flat():
    from charterguard.pii.names import SCORE_FULL_NAME_KNOWN_GIVEN, SCORE_TITLE

    scores = {s: score for s, e, score in found("Merci à Marie Dupont et à Mme Durand. Julien viendra.") if e == "PERSON"}
    assert set(scores) == {"Marie Dupont", "Durand", "Julien"}
    assert scores["Durand"] == SCORE_TITLE  # a title before a name is the strongest evidence
    assert scores["Marie Dupont"] == SCORE_FULL_NAME_KNOWN_GIVEN
    assert scores["Julien"] < scores["Marie Dupont"]  # a first name alone identifies fewer people


# -- the rule kind --------------------------------------------------------------------------
def test_rule_validation_rejects_unknown_entities():
    with pytest.raises(ValidationError, match=r"unknown entities \['PHONE'\]"):
        detector(entities=["PHONE", "EMAIL_ADDRESS"])
    with pytest.raises(ValidationError, match=r"min_scores.EMAIL_ADDRESS = 1.5 is not a probability"):
        detector(min_scores={"EMAIL_ADDRESS": 1.5})


def test_ner_is_only_requested_for_names():
    assert detector(entities=["PHONE_NUMBER", "FR_NIR"]).nlp_components == frozenset()
    assert detector(entities=["PERSON"]).nlp_components == frozenset({"ner"})


def test_structured_rules_never_parse_the_post():
    det = detector(entities=["PHONE_NUMBER", "EMAIL_ADDRESS"])
    post = Post("Appelez le 06 12 34 56 78", language="fr", channel=None, audience=None, now=NOW)
    assert [h.entity for h in det.find(post)] == ["PHONE_NUMBER"]
    assert not post.has_doc


def test_per_entity_thresholds_and_replacements():
    det = detector(entities=["PHONE_NUMBER"], min_scores={"PHONE_NUMBER": 0.99}, replacements={"PHONE_NUMBER": "[tél]"})
    post = Post("Appelez le 0612345678", language="fr", channel=None, audience=None, now=NOW)
    assert list(det.find(post)) == []
    det = detector(entities=["PHONE_NUMBER"], replacements={"PHONE_NUMBER": "[tél]"})
    assert [h.replacement for h in det.find(post)] == ["[tél]"]


def test_several_rules_share_one_analysis(monkeypatch):
    from charterguard.pii import analyzer as analyzer_module

    calls = []
    original = analyzer_module.resolve
    monkeypatch.setattr(analyzer_module, "resolve", lambda c: calls.append(1) or original(c))
    company = Company(name="Shared Analysis Test")
    a, b = detector(entities=["PHONE_NUMBER"], company=company), detector(entities=["FR_NIR"], company=company)
    post = Post("Tel 06 12 34 56 78", language="fr", channel=None, audience=None, now=NOW)
    list(a.find(post)), list(b.find(post))
    assert len(calls) == 1


@pytest.mark.parametrize("text", ["", " ", "\u200b" * 50, "🙂" * 1000, "0" * 100_000, "1 " * 50_000,
                                  "@" * 10_000, "rue " * 20_000, "\ud7ff\ue000 \U0010ffff"])
def test_bad_input_never_crashes(text):
    det = detector(entities=[e for e in ENTITIES if e not in ("PERSON", "LOCATION")])
    post = Post(text, language="fr", channel=None, audience=None, now=NOW)
    list(det.find(post))


def test_importing_the_rule_kind_is_cheap():
    code = ("import sys, charterguard.detectors.pii; "
            "print(sorted(m for m in ('presidio_analyzer', 'spacy', 'phonenumbers', 'tldextract') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def test_email_recognizer_never_downloads(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    from charterguard.pii.presidio_setup import offline_tld_extractor

    offline_tld_extractor.cache_clear()
    assert spans("Écrivez à jean.martin@exemple.co.uk", "EMAIL_ADDRESS") == ["jean.martin@exemple.co.uk"]


def test_missing_model_says_which_package_to_install(monkeypatch):
    from charterguard import nlp
    from charterguard.errors import ModelNotInstalledError

    monkeypatch.setenv("CHARTERGUARD_MODEL_FR", "fr_core_news_nonexistent")
    with pytest.raises(ModelNotInstalledError, match="pip install"):
        nlp.pipeline("fr")


# -- in the default charter -------------------------------------------------------------------
def test_default_charter_blocks_identifiers_and_redacts(default_checker):
    report = default_checker.check("Mon IBAN pour le remboursement : FR76 3000 6000 0112 3456 7890 189", lang="fr")
    assert report.verdict == "block"
    assert "FR76" not in report.redacted
    assert any(f.rule == "personal_data.identifiers" and f.entity == "IBAN_CODE" for f in report.findings)


def test_default_charter_warns_on_third_party_contact(default_checker):
    report = default_checker.check("Pour le stage, écrivez à julie.martin@gmail.com ou au 06 12 34 56 78", lang="fr")
    assert report.verdict == "warn"
    assert {f.entity for f in report.findings if f.severity == "warn"} >= {"EMAIL_ADDRESS", "PHONE_NUMBER"}


def test_public_contacts_are_never_flagged(acme_checker):
    report = acme_checker.check("Contact presse : presse@acme-group.fr", lang="fr")
    assert not [f for f in report.findings if f.category == "personal_data"]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_corporate_posts_rarely_warn(default_checker, lang):
    lines = (REPO / "bench" / "data" / f"corporate_posts_{lang}.txt").read_text(encoding="utf-8").splitlines()
    posts = [line for line in lines if line.strip()]
    assert len(posts) >= 100
    flagged = 0
    for report in default_checker.check_many({"text": p, "lang": lang} for p in posts):
        flagged += any(f.category == "personal_data" and f.severity in ("warn", "block") for f in report.findings)
    assert flagged / len(posts) <= 0.03


def test_french_pii_set_is_valid():
    """The generated set's identifiers all pass their checksums (and the set is there)."""
    from charterguard import validators

    checks = {"FR_NIR": validators.nir, "FR_SIRET": validators.siret, "FR_SIREN": validators.siren,
              "IBAN_CODE": validators.iban, "CREDIT_CARD": validators.credit_card}
    rows = [json.loads(line) for line in (REPO / "bench" / "data" / "fr_pii_posts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 300
    for row in rows:
        for span in row["spans"]:
            check = checks.get(span["entity"])
            if check:
                assert check(row["text"][span["start"] : span["end"]]), span


def test_a_pasted_contact_list_is_handled_whole():
    text = "06 12 34 56 78, " * 2000
    assert len(spans(text, "PHONE_NUMBER")) == 2000


@pytest.mark.slow
def test_ner_parse_skips_the_shared_tok2vec():
    from charterguard import nlp

    for lang in ("fr", "en"):
        pipeline = nlp.pipeline(lang)
        assert nlp.enabled_components(pipeline, {"ner"}) == {"ner"}
        assert "tok2vec" in nlp.enabled_components(pipeline, {"parser"})
        doc = nlp.parse(["Merci à Marie Dupont."], lang, {"ner"})[0]
        assert doc.has_annotation("ENT_IOB")


@pytest.mark.slow
def test_a_place_is_personal_only_when_tied_to_someone():
    tied = {s: score for s, e, score in found("Notre stagiaire habite à Villeurbanne depuis mars.") if e == "LOCATION"}
    alone = {s: score for s, e, score in found("Retour sur notre séminaire annuel à Villeurbanne.") if e == "LOCATION"}
    assert tied.get("Villeurbanne", 0) >= 0.7
    assert alone.get("Villeurbanne", 0) < 0.7

"""Keys known by their shape alone (no vendor prefix, no "key: value" connector in prose), and the
public identifiers of the same shape that must stay clean. Examples of our own, not the bench's."""

from __future__ import annotations

import time

import pytest
from conftest import REPO, every_family_secrets_detector  # noqa: F401  (REPO: the tests' sys.path set-up)

from charterguard import Charter
from charterguard.detectors.secrets import SecretsDetector, SecretsRule
from charterguard.secrets import CREDENTIAL_FAMILIES
from charterguard.secrets.generic import find_bare_keys
from charterguard.secrets.shape import is_der_private_key, looks_generated

B62_24 = "u8jzPde0IgxLd6GncfBAepfJ"
B62_32 = "Bd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0Rl"
B62_40 = "gLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtHF4vU"
B64_44 = "CsMehGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rESQedU"
HEX_40 = "9e9cb0eb53f16947ccf25ec84d8dbc74254770f5"
B32_32 = "QSAJ2XUID5YKWG6ZDMEN4KHVDGAJGXB7"
B64URL_43 = "jAWtGSU8po-799NksnRH9ucAUsdMlHUvTCQCyEZDz_T"
B36_32 = "gz5kok16zv0mwufxbv932byv7s6ehogf"
# A PKCS#8 private key's base64 body (SEQUENCE, INTEGER 0, rsaEncryption...), then random bytes.
PKCS8_BODY = "MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQ" + "ddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT"
# A public key's body (SubjectPublicKeyInfo: SEQUENCE, SEQUENCE...): public.
SPKI_BODY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + "ddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT"


@pytest.fixture(scope="module")
def detector() -> SecretsDetector:
    rule = SecretsRule.model_validate(
        {"id": "s", "kind": "secrets", "category": "secret", "severity": "block", "clause": "3", "message": "m",
         "examples": {}, "families": list(CREDENTIAL_FAMILIES)}
    )
    return SecretsDetector(rule, Charter.load("default").company)


def found(detector: SecretsDetector, text: str) -> list[tuple[str, str]]:
    return [(c.family, text[c.start : c.end]) for c in detector.candidates(text)]


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a field name holding a key word, whatever the syntax
        (f'{{"endpoint": "https://api.example.net/v1", "writeKey": "{B62_32}", "retries": 3}}', B62_32),
        (f"ci:\n  steps:\n    env:\n      UPLOAD_SECRET: {B64_44}", B64_44),
        (f"./export.sh --service-secret {B64URL_43} --since yesterday", B64URL_43),
        (f"Voilà le jeton du bot de l'astreinte, à coller dans le formulaire {B62_40} merci !", B62_40),
        # a credential word before the value in prose, other words between
        (f"clé HMAC pour signer les requêtes du partenaire = {HEX_40}", HEX_40),
        (f"the 2FA seed of the shared social-media account (scan it once): {B32_32}", B32_32),
        (f"SDK init from the snippet: client = partner_sdk.Client(\"{B62_32}\")", B62_32),
        # a word naming a place ("channel") between the credential word and the value does not make it public
        (f"Token to post into the #releases channel until Monday: {B62_40}", B62_40),
        (f"Codes de récupération du compte réseaux sociaux : {B32_32}", B32_32),
        # nothing names it, but nothing says it is public either: long and strongly mixed
        (f"tu peux coller ça dans l'outil d'intégration ? {B62_40}", B62_40),
        # or a string literal code hands over (shorter then)
        (f"const payments = new Payments('{B62_24}');", B62_24),
        # a public word negated says what the value is not
        (f"la clé privée du CRM (pas la publique hein) : {HEX_40}", HEX_40),
        (f"our mailing tool's private key (not the public one): {B62_40}", B62_40),
    ],
)
def test_a_generated_value_is_a_credential_by_its_shape_and_the_words_before_it(detector: SecretsDetector, text: str, secret: str) -> None:
    assert secret in [value for _, value in found(detector, text)]


def test_the_nearest_credential_word_names_the_family(detector: SecretsDetector) -> None:
    assert ("TOKEN", B62_40) in found(detector, f"le token de service du robot d'export, collé tel quel {B62_40}")
    assert ("API_KEY", B62_40) in found(detector, f"our analytics write key, pasted as is {B62_40}")


@pytest.mark.parametrize(
    "text",
    [
        f"Fixed in commit {HEX_40}, deployed this morning.",
        f"Vérifiez l'archive : sha1 {HEX_40}",
        f"version https://git-lfs.github.com/spec/v1\noid sha256:{HEX_40}{HEX_40[:24]}\nsize 1200331",
        f'"integrity": "sha512-{B64_44}{B62_40}=="',
        f'Caching: the CDN answers ETag: "{HEX_40}"',
        f"Le replay : https://video.example.org/watch/{B62_24} et les slides https://slides.example.org/d/{B62_40}/edit",
        f"Snapshot id for the public dataset {B62_40}",
        f"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA{B64_44}{B62_40}",
        f"-----BEGIN CERTIFICATE-----\n{SPKI_BODY}\n{B64_44}{B62_40}\n-----END CERTIFICATE-----",
        f"Address = 10.0.0.2/24\nPublicKey = {B64_44}",
        f"Our public signing key, to verify the releases: {SPKI_BODY}",
        f"The public push key of the web app is {B64URL_43}{B62_40}",
        # a negation elsewhere in the sentence does not unsay the public word
        f"not the private one, the public key of the release signing: {SPKI_BODY}",
        f"It is not a key, it's the commit {HEX_40}",
        f"La clé publique de chiffrement du partenaire : {B64_44}",
        "getQuarterlyRevenueReportByRegion2026 and max_connection_pool_size_default are the two settings to tune",
        "render('HeaderComponentV2Large'); track(\"CheckoutButtonClicked2026\")",
        f"He wrote '{B62_24}' on the whiteboard, nobody knows why",
        f"The donation address for the charity run: {B36_32[:24]}release{B36_32[24:]}",
        "Mot de passe : 12 caractères minimum, dont 1 chiffre ; exemple à ne pas suivre : azertyuiop1234567890",
    ],
)
def test_public_identifiers_of_the_same_shape_stay_clean(detector: SecretsDetector, text: str) -> None:
    assert found(detector, text) == []


def test_a_private_key_body_without_its_pem_lines_is_a_private_key(detector: SecretsDetector) -> None:
    text = f"the form wants the key without the header lines:\n{PKCS8_BODY}\n{B64_44}{B62_40}\nthanks"
    assert found(detector, text) == [("PRIVATE_KEY", f"{PKCS8_BODY}\n{B64_44}{B62_40}")]
    assert is_der_private_key(PKCS8_BODY) and not is_der_private_key(SPKI_BODY)


def test_only_the_private_members_of_a_json_web_key_are_secret(detector: SecretsDetector) -> None:
    text = f'{{"kty": "EC", "crv": "P-256", "x": "{B64URL_43}", "y": "{B62_40}xyz", "d": "{B64_44[:43]}"}}'
    assert found(detector, text) == [("PRIVATE_KEY", B64_44[:43])]


def test_a_webhook_link_with_a_generated_segment_is_a_token_whole(detector: SecretsDetector) -> None:
    link = f"https://hooks.automation.example/catch/{B36_32}"
    assert found(detector, f"New form entries go to {link}.") == [("TOKEN", link)]
    assert found(detector, "Our blog post https://blog.example.org/2026/hooked-on-design-systems is out") == []


@pytest.mark.parametrize("value", [B62_24, B62_32, B64_44, HEX_40, B32_32, B64URL_43, B36_32])
def test_generated_values_look_generated(value: str) -> None:
    assert looks_generated(value)


@pytest.mark.parametrize(
    "value",
    [
        "ProjectPhoenix2026ReleaseNotes", "getUserAccountSettingsById", "max_connection_pool_size",
        "release2026finalversionapproved", "abcdefghijklmnopqrstuvwxyz0123", "AAAAAAAAAAAAAAAAAAAAAAAA",
        "550e8400-e29b-41d4-a716-446655440000", "quarterly-report-2026-final.pdf", "your_api_key_goes_here_123",
        "0123456789abcdef0123456789abcdef",
    ],
)
def test_words_identifiers_and_sequences_do_not(value: str) -> None:
    assert not looks_generated(value)


@pytest.mark.parametrize(
    "text",
    [
        "A" * 100_000,
        "MI" + "A" * 100_000,
        ("MIIB" + "A" * 60 + "\n") * 2_000,
        "aB3-" * 25_000,
        "key: " + "x9Y" * 30_000,
        "https://hooks.example/" + "a1B2/" * 20_000,
        "=" * 100_000,
        '"kty": "x": "' * 8_000,
        "-----BEGIN CERTIFICATE-----\n" + ("aB3dE5gH7" * 7 + "\n") * 1_500,
    ],
)
def test_the_shape_scans_take_linear_time_on_long_adversarial_posts(text: str) -> None:
    detector = every_family_secrets_detector()
    started = time.perf_counter()
    detector.candidates(text[:100_000])
    find_bare_keys(text[:100_000])
    assert time.perf_counter() - started < 5.0  # shared 2-core machine: generous; quadratic scans take minutes


@pytest.mark.parametrize(
    ("text", "family"),
    [
        (f'curl -H "X-Partner-Key: {B62_32}" https://api.example.net/v2/items', "API_KEY"),
        (f"requests.get(url, headers={{'Subscription-Key': '{B62_32}'}})", "API_KEY"),
        (f"Ocp-Apim-Subscription-Key: {HEX_40[:32]}", "API_KEY"),
        (f'curl -H "X-Auth-Token: {B62_32}" https://api.example.net/v2/items', "TOKEN"),
        (f"./importer --signing-key={HEX_40} --dry-run", "API_KEY"),
        (f"./importer --auth-token={HEX_40} --dry-run", "TOKEN"),
    ],
)
def test_the_name_a_header_or_option_gives_the_value_decides_its_family(detector: SecretsDetector, text: str, family: str) -> None:
    assert [f for f, _ in found(detector, text)] == [family]


def test_an_encrypted_pem_block_is_one_private_key_from_its_header_to_its_last_line(detector: SecretsDetector) -> None:
    block = f"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,{HEX_40[:32].upper()}\n\n{B64_44}{B62_40}\n{B62_32}{B62_32}"
    assert found(detector, f"{block}\n(le reste est dans le coffre)") == [("PRIVATE_KEY", block)]


@pytest.mark.parametrize(
    "body",
    [
        "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW" + B64_44 + B62_40,  # "openssh-key-v1"
        "MIIKYQIBAzCCCicGCSqGSIb3DQEHAaCCChgEggoUMIIKEDCCBMcGCSqGSIb3DQEHBqCCBLgw" + B64_44,  # PKCS#12, version 3
    ],
)
def test_other_private_key_bodies_without_their_pem_lines(detector: SecretsDetector, body: str) -> None:
    assert found(detector, f"pasted without the header, sorry: {body}") == [("PRIVATE_KEY", body)]


@pytest.mark.parametrize(
    "link",
    [
        f"https://calendar.example.com/ical/team%40example.com/private-{HEX_40[:32]}/basic.ics",
        f"https://api.hosting.example/deploy/srv-{B62_24}",
    ],
)
def test_a_capability_link_is_a_token_whole(detector: SecretsDetector, link: str) -> None:
    assert found(detector, f"DEPLOY_HOOK_URL: {link}" if "deploy" in link else f"Mon agenda privé : {link}") == [("TOKEN", link)]


@pytest.mark.parametrize(
    "text",
    [
        "Notre devise en base64, pour le fun : TGEgc8OpY3VyaXTDqSBlc3QgbCdhZmZhaXJlIGRlIHRvdXMsIHRvdXMgbGVzIGpvdXJzLg==",
        "the icon inline: PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNCIvPg==",
        f"https://github.com/example/private-tools/commit/{HEX_40}",
        # an attachment's base64, line after line: encoded content, not a key
        f"Content-Transfer-Encoding: base64\n\n{B64_44}{B62_32}\n{B62_40}{B64_44}\n{B62_32}{B62_24}==",
    ],
)
def test_base64_of_words_and_public_links_are_not_keys(detector: SecretsDetector, text: str) -> None:
    assert found(detector, text) == []


def test_a_labelled_token_after_an_account_is_the_token_alone(detector: SecretsDetector) -> None:
    # (the helpdesk convention "agent@company/token:<api token>" for HTTP basic authentication)
    text = f"export script creds: agent@example.org/token:{B62_40}"
    assert found(detector, text) == [("TOKEN", B62_40)]


def test_lowercase_random_values_in_a_hook_link_are_generated() -> None:
    assert looks_generated(B36_32)
    assert not looks_generated("weeklynewsletterarchive2026issue")


def test_a_base64_json_object_naming_no_credential_is_an_encoding_not_a_key() -> None:
    import base64

    header = base64.urlsafe_b64encode(b'{"typ":"JWT","alg":"RS256","kid":"k1"}').decode().rstrip("=")
    text = f"Decoding the first segment {header} gives the algorithm, nothing more."
    assert find_bare_keys(text) == []
    # the same encoding of an object holding a private key is a secret
    secret = base64.b64encode(b'{"type":"service_account","private_key":"MIIEvQIBADANBgkqhkiG9w0BAQ"}').decode()
    pasted = f"Our CI variable: {secret}"
    assert [pasted[c.start : c.end] for c in find_bare_keys(pasted)] == [secret]

"""Provider credentials recognised by their shape alone (`charterguard.secrets.catalogue`).

The shapes follow gitleaks' public rule list: each vendor token below is built from
its documented prefix, length and alphabet with random characters, so the test
states the shape, not a memorised string. In prose, in config and in quotes the
span is the token itself; filler of the right length is not a token.
"""

from __future__ import annotations

import random
import string
import time

import pytest

from charterguard.secrets import resolve
from charterguard.secrets.catalogue import find_tokens

_RANDOM = random.Random(16)
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def chars(alphabet: str, n: int) -> str:
    return "".join(_RANDOM.choice(alphabet) for _ in range(n))


# (vendor, family, token): one per shape added from gitleaks' catalogue; the family is what the vendor calls
# it (Prefect, RubyGems, Infracost and LangSmith issue "API keys", Shippo and Duffel "tokens").
VENDOR_TOKENS = [
    ("pulumi", "TOKEN", "pul-" + chars(HEX, 40)),
    ("prefect", "API_KEY", "pnu_" + chars(ALNUM, 36)),
    ("planetscale", "TOKEN", "pscale_tkn_" + chars(ALNUM + "_-", 43)),
    ("planetscale password", "TOKEN", "pscale_pw_" + chars(ALNUM, 43)),
    ("rubygems", "API_KEY", "rubygems_" + chars(HEX, 48)),
    ("clojars", "TOKEN", "CLOJARS_" + chars(string.ascii_lowercase + string.digits, 60)),
    ("readme", "API_KEY", "rdme_" + chars(string.ascii_lowercase + string.digits, 70)),
    ("scalingo", "TOKEN", "tk-us-" + chars(ALNUM + "_-", 48)),
    ("fly.io", "TOKEN", "fo1_" + chars(ALNUM + "_-", 43)),
    ("infracost", "API_KEY", "ico-" + chars(ALNUM, 32)),
    ("dynatrace", "TOKEN", "dt0c01." + chars(string.ascii_uppercase + string.digits, 24) + "." + chars(string.ascii_uppercase + string.digits, 64)),
    ("openshift", "TOKEN", "sha256~" + chars(ALNUM + "_-", 43)),
    ("harness", "TOKEN", "pat." + chars(ALNUM + "_-", 22) + "." + chars(ALNUM, 24) + "." + chars(ALNUM, 20)),
    ("grafana api key", "TOKEN", "eyJrIjoi" + chars(ALNUM, 80)),
    ("cloudflare origin ca", "API_KEY", "v1.0-" + chars(HEX, 24) + "-" + chars(HEX, 146)),
    ("settlemint", "TOKEN", "sm_pat_" + chars(ALNUM, 16)),
    ("maxmind", "API_KEY", chars(ALNUM, 6) + "_" + chars(ALNUM, 29) + "_mmk"),
    ("42 intra", "API_KEY", "s-s4t2ud-" + chars(HEX, 64)),
    ("clickhouse", "API_KEY", "4b1d" + chars(ALNUM, 38)),
    ("hugging face org", "TOKEN", "api_org_" + chars(string.ascii_letters, 34)),
    ("mailgun public key", "API_KEY", "pubkey-" + chars(HEX, 32)),
    ("brevo", "API_KEY", "xkeysib-" + chars(HEX, 64) + "-" + chars(ALNUM, 16)),
    ("brevo smtp", "API_KEY", "xsmtpsib-" + chars(HEX, 64) + "-" + chars(ALNUM, 16)),
    ("perplexity", "API_KEY", "pplx-" + chars(ALNUM, 48)),
    ("easypost", "API_KEY", "EZAK" + chars(ALNUM, 54)),
    ("duffel", "API_KEY", "duffel_live_" + chars(ALNUM + "_-", 43)),
    ("flutterwave", "API_KEY", "FLWSECK_TEST-" + chars("abcdefgh0123456789", 32) + "-X"),
    ("frame.io", "TOKEN", "fio-u-" + chars(ALNUM + "_-", 64)),
    ("shippo", "API_KEY", "shippo_live_" + chars(HEX, 40)),
    ("typeform", "TOKEN", "tfp_" + chars(ALNUM + "_-", 59)),
    ("yandex", "API_KEY", "AQVN" + chars(ALNUM + "_-", 36)),
    ("lob", "API_KEY", "live_" + chars(HEX, 35)),
    ("shopify shared secret", "API_KEY", "shpss_" + chars(HEX, 32)),
    ("square application secret", "API_KEY", "sq0csp-" + chars(ALNUM + "_-", 43)),
    ("asana personal access token", "TOKEN", "1/" + chars(string.digits, 16) + ":" + chars(HEX, 32)),
    ("tailscale", "API_KEY", "tskey-auth-k" + chars(ALNUM, 11) + "-" + chars(ALNUM, 33)),
    ("sourcegraph", "TOKEN", "sgp_" + chars(HEX, 16) + "_" + chars(HEX, 40)),
    ("nuget", "API_KEY", "oy2" + chars(string.ascii_lowercase + string.digits, 43)),
    ("circleci", "TOKEN", "CCIPAT_" + chars(ALNUM, 22) + "_" + chars(HEX, 40)),
    ("salesforce", "TOKEN", "00D" + chars(ALNUM, 15) + "!" + chars(ALNUM + "._", 96)),
    ("braintree", "TOKEN", "access_token$production$" + chars(string.ascii_lowercase + string.digits, 16) + "$" + chars(HEX, 32)),
    ("instagram", "TOKEN", "IGQV" + chars(ALNUM + "_-", 160)),
    ("dropbox short-lived", "TOKEN", "sl." + chars(ALNUM + "_-", 138)),
    # vendors no shape names: a lowercase prefix, then a long random body
    ("xai (prefixed)", "API_KEY", "xai-" + chars(ALNUM, 80)),
    ("openrouter (prefixed)", "API_KEY", "sk-or-v1-" + chars(HEX, 64)),
    ("langsmith personal", "API_KEY", "lsv2_pt_" + chars(HEX, 32) + "_" + chars(HEX, 10)),
    ("langsmith service", "API_KEY", "lsv2_sk_" + chars(HEX, 32) + "_" + chars(HEX, 10)),
    ("plaid access token", "TOKEN", "access-sandbox-" + "-".join(chars(HEX, n) for n in (8, 4, 4, 4, 12))),
    ("trello token", "TOKEN", "ATTA" + chars(HEX, 64) + chars(ALNUM, 8)),
    ("pinecone (prefixed)", "API_KEY", "pcsk_" + chars(ALNUM, 5) + "_" + chars(ALNUM, 60)),
    ("firebase cloud messaging server key", "API_KEY", "AAAA" + chars(ALNUM, 7) + ":APA91b" + chars(ALNUM + "_-", 134)),
]


def uuid() -> str:
    return "-".join(chars(HEX, n) for n in (8, 4, 4, 4, 12))


# The rest of gitleaks' rules whose secret has a shape of its own (a prefix or a fixed format), one token each.
# Families by `secret_family`: the vendor's word ("key"/"secret" an API key, "token" a token), a base64 JSON a token.
GITLEAKS_TOKENS = [
    ("adobe client secret", "API_KEY", "p8e-" + chars(ALNUM, 32)),
    ("adyen api key", "API_KEY", "AQE" + chars(string.ascii_lowercase + string.digits, 6) + "." + chars(ALNUM + "_-", 64)),
    ("airtable personal access token", "TOKEN", "pat" + chars(ALNUM, 14) + "." + chars(HEX, 64)),
    ("amazon bedrock long-term key", "API_KEY", "ABSK" + chars(ALNUM + "+/", 132)),
    ("amazon bedrock short-term key", "API_KEY", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t" + chars(ALNUM + "+/", 300) + "="),
    ("artifactory reference token", "TOKEN", "cmVmd" + chars(ALNUM, 59)),
    ("azure data factory runtime key", "API_KEY", "IR@" + uuid() + "@adf-acme-prod@westeurope@" + chars(ALNUM + "+/", 43) + "="),
    ("beamer", "API_KEY", "b_" + chars(ALNUM + "_-", 44)),
    ("cast ai", "API_KEY", "castai_v1_" + chars(ALNUM, 64) + "_" + chars(ALNUM, 8)),
    ("chief tools", "TOKEN", "ctp_" + chars(ALNUM, 40)),
    ("claude code oauth", "TOKEN", "sk-ant-oat01-" + chars(ALNUM + "_-", 95)),
    ("defined networking", "API_KEY", "dnkey-" + chars(ALNUM, 26) + "-" + chars(ALNUM + "_", 52)),
    ("gitlab oauth application secret", "API_KEY", "gloas-" + chars(HEX, 64)),
    ("gitlab feature flag client token", "TOKEN", "glffct-" + chars(ALNUM, 20)),
    ("gitlab routable pat", "TOKEN", "glpat-" + chars(ALNUM + "_-", 38) + ".01" + chars(string.ascii_lowercase + string.digits, 7)),
    ("groq", "API_KEY", "gsk_" + chars(ALNUM, 48)),
    ("hubspot private app", "TOKEN", "pat-na1-" + uuid()),
    ("hubspot private app (eu)", "TOKEN", "pat-eu1-" + uuid()),
    ("jwt in base64", "TOKEN", "ZXlKaGJHY2lPaU" + chars(ALNUM + "+/", 120) + "=="),
    ("octopus deploy", "API_KEY", "API-" + chars(string.ascii_uppercase + string.digits, 25) + "7"),
    ("slack configuration token", "TOKEN", "xoxe.xoxp-1-" + chars(ALNUM, 164)),
    ("sourcegraph (no instance id)", "TOKEN", "sgp_" + chars(HEX, 40)),
]
VENDOR_TOKENS += GITLEAKS_TOKENS


def found(text: str) -> list[tuple[str, str]]:
    return [(c.family, text[c.start : c.end]) for c in resolve(find_tokens(text))]


@pytest.mark.parametrize(("vendor", "family", "token"), VENDOR_TOKENS, ids=[v for v, _, _ in VENDOR_TOKENS])
@pytest.mark.parametrize(
    "context",
    [
        "Voici la clé du projet {token}, ne la partagez pas",
        "export TOKEN={token}",
        'config: {{"credential": "{token}"}}',
        "oops ({token}) pasted in the wrong channel",
    ],
)
def test_a_vendor_token_is_found_wherever_it_is_written(vendor: str, family: str, token: str, context: str) -> None:
    assert found(context.format(token=token)) == [(family, token)]


@pytest.mark.parametrize(("vendor", "family", "token"), VENDOR_TOKENS, ids=[v for v, _, _ in VENDOR_TOKENS])
def test_a_token_glued_inside_a_longer_word_is_not_read(vendor: str, family: str, token: str) -> None:
    assert token not in [value for _, value in found("xx" + token + "yy9")]


@pytest.mark.parametrize(
    "text",
    [
        "pnu_" + "a" * 36,  # filler, not a random value
        "sm_pat_aaaaaaaaaaaaaaaa",
        "Nos pulls en laine : réf. pul-blue, pul-red",
        "Le fichier sha256~ manque",
        "pplx-" + "x" * 48,
    ],
)
def test_filler_and_words_shaped_like_a_prefix_are_not_tokens(text: str) -> None:
    assert found(text) == []


def test_webhooks_and_shared_keys_whose_secret_sits_inside_a_url_or_block() -> None:
    ifttt = "curl -X POST https://maker.ifttt.com/trigger/door_open/with/key/dK3n9XqL2pVw7Rt5Yb1Zc"
    assert found(ifttt) == [("TOKEN", "dK3n9XqL2pVw7Rt5Yb1Zc")]
    zapier = "Zap: https://hooks.zapier.com/hooks/catch/1234567/bx9k2lq/"
    assert found(zapier) == [("TOKEN", "hooks.zapier.com/hooks/catch/1234567/bx9k2lq/")]
    block = "-----BEGIN OpenVPN Static key V1-----\n6f3a9c1e7b2d84f6a9e0c5b7d1a3f8e2\n-----END OpenVPN Static key V1-----"
    assert found(f"ta.key :\n{block}\nmerci") == [("PRIVATE_KEY", block)]


def test_a_private_key_written_in_base64_is_a_private_key_a_certificate_is_not() -> None:
    import base64

    key = base64.b64encode(b"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7xk\n").decode()
    cert = base64.b64encode(b"-----BEGIN CERTIFICATE-----\nMIIC/jCCAeagAwIBAgIBADANBgkqhkiG9w0BAQsFADAV\n").decode()
    assert found(f"    client-key-data: {key}\n    certificate-authority-data: {cert}") == [("PRIVATE_KEY", key)]


def test_a_google_refresh_token() -> None:
    token = "1//0" + chars(ALNUM + "_-", 60)
    assert found(f"refresh_token Google : {token}") == [("TOKEN", token)]


S3_SIGNED = (
    "https://acme-rh.s3.eu-west-3.amazonaws.com/paie/novembre.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    "&X-Amz-Credential=AKIA" + chars(string.ascii_uppercase + "234567", 16) + "%2F20261201%2Feu-west-3%2Fs3%2Faws4_request"
    "&X-Amz-Date=20261201T090000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=" + chars(HEX, 64)
)
GCS_SIGNED = (
    "https://storage.googleapis.com/acme-video/rushes/take3.mov?X-Goog-Algorithm=GOOG4-RSA-SHA256"
    "&X-Goog-Credential=svc%40acme.iam.gserviceaccount.com%2F20261201%2Fauto%2Fstorage%2Fgoog4_request"
    "&X-Goog-Date=20261201T090000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=" + chars(HEX, 256)
)
AZURE_SAS_URL = (
    "https://acmefiles.blob.core.windows.net/contrats/bail.pdf?sp=r&st=2026-12-01T08:00:00Z&se=2026-12-08T08:00:00Z"
    "&spr=https&sv=2022-11-02&sr=b&sig=" + chars(ALNUM, 43) + "%3D"
)
CLOUDFRONT_SIGNED = (
    "https://d3abc123xyz.cloudfront.net/formation/module1.mp4?Expires=1798761600&Signature="
    + chars(ALNUM + "~-", 80) + "&Key-Pair-Id=K" + chars(string.ascii_uppercase + string.digits, 13)
)

# Oracle Cloud's pre-authenticated request: the access token is a path segment, before the namespace and bucket
# (drawn from a generator of their own: the module's draws that follow stay what they were)
_PAR_RANDOM = random.Random(1613)
ORACLE_PREAUTHENTICATED = (
    "https://objectstorage.eu-paris-1.oraclecloud.com/p/" + "".join(_PAR_RANDOM.choice(ALNUM + "-_") for _ in range(64))
    + "/n/acmefr/b/exports-rh/o/contrats_2026.zip"
)
ORACLE_PREAUTHENTICATED_DEDICATED = (
    "https://acmefr.objectstorage.us-ashburn-1.oci.customer-oci.com/p/" + "".join(_PAR_RANDOM.choice(ALNUM + "-_") for _ in range(48))
    + "/n/acmefr/b/backups/o/"
)
# Tencent COS signs with q-signature=; Backblaze B2 gives a download authorization token in the query
TENCENT_SIGNED = (
    "https://acme-1250000000.cos.ap-guangzhou.myqcloud.com/rh/contrat.pdf?q-sign-algorithm=sha1&q-ak=AKID"
    + "".join(_PAR_RANDOM.choice(ALNUM) for _ in range(32)) + "&q-sign-time=1764662400;1765267200&q-key-time=1764662400;1765267200"
    "&q-header-list=host&q-url-param-list=&q-signature=" + "".join(_PAR_RANDOM.choice(HEX) for _ in range(40))
)
B2_AUTHORIZED = (
    "https://f003.backblazeb2.com/file/acme-exports/paie.zip?Authorization=3_20261202071200_"
    + "".join(_PAR_RANDOM.choice(HEX) for _ in range(24)) + "_" + "".join(_PAR_RANDOM.choice(HEX) for _ in range(40)) + "_003_dnld"
)


@pytest.mark.parametrize(
    "link",
    [S3_SIGNED, GCS_SIGNED, AZURE_SAS_URL, CLOUDFRONT_SIGNED, ORACLE_PREAUTHENTICATED, ORACLE_PREAUTHENTICATED_DEDICATED, TENCENT_SIGNED,
     B2_AUTHORIZED],
    ids=["s3", "gcs", "azure-sas", "cloudfront", "oracle-par", "oracle-par-dedicated", "tencent-cos", "backblaze-b2"],
)
def test_a_signed_storage_link_is_a_token_as_a_whole(link: str) -> None:
    assert found(f"Le fichier est ici : {link}, valable une semaine.") == [("TOKEN", link)]


def test_a_shared_access_signature_pasted_without_its_link_is_a_token() -> None:
    sas = "sv=2023-01-03&ss=b&srt=co&sp=rl&se=2027-01-31T00:00:00Z&spr=https&sig=" + chars(ALNUM, 43) + "%3D"
    assert found(f"SAS du conteneur : ?{sas}") == [("TOKEN", sas)]


@pytest.mark.parametrize(
    "text",
    [
        "Public press kit: https://acme-press.s3.eu-west-3.amazonaws.com/kit/logo.png",
        "https://acmecdn.blob.core.windows.net/public/brochure.pdf?sv=2022-11-02",
        "Read https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html about X-Amz-Signature=",
        "https://example.com/callback?signature=abc",
        # an object link without a pre-authenticated request, the docs' template, a slug of words in its place
        "Logo: https://objectstorage.eu-paris-1.oraclecloud.com/n/acmefr/b/public-site/o/logo.png",
        "A PAR looks like https://objectstorage.eu-paris-1.oraclecloud.com/p/<token>/n/<namespace>/b/<bucket>/o/<object>",
        "https://objectstorage.eu-paris-1.oraclecloud.com/p/quarterly-report-public-version/n/acmefr/b/site/o/q3.pdf",
        "Le lien /p/Hq7ZkP2vXr9TwL4nHs8bYc3Dj6Fg1aEu/ du blog pointe vers le billet",
        # an authorization parameter holding a placeholder or a state, not a token
        "https://f003.backblazeb2.com/file/acme-exports/paie.zip?Authorization=YOUR_DOWNLOAD_AUTHORIZATION_TOKEN",
        "https://api.example.com/oauth?response_type=code&authorization=pending",
    ],
)
def test_unsigned_storage_links_and_docs_about_signatures_are_not_tokens(text: str) -> None:
    assert found(text) == []


def test_the_docs_sample_key_is_clean_in_a_docs_sentence_but_reported_when_pasted_alone() -> None:
    assert found("The AWS docs use AKIAIOSFODNN7EXAMPLE in every example.") == []
    assert found("Ma config du jour : AKIAIOSFODNN7EXAMPLE") == [("API_KEY", "AKIAIOSFODNN7EXAMPLE")]


def test_an_azure_function_key_inside_its_link() -> None:
    key = chars(ALNUM, 54) + "=="
    assert found(f"curl https://acme-export.azurewebsites.net/api/ExportCrm?code={key}") == [("API_KEY", key)]


@pytest.mark.parametrize(
    "text",
    [
        "Payment pi_3MtwBwLkdIwHu7ix28a3tqPaXyZ12345 captured, customer cus_NffrFeUfNV2Hib8x9Kq3LmZ4pQr",
        "Stripe publishable key pk_live_51H8xYzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789 goes in the frontend",
        "branch feature-implement-the-new-login-flow-for-mobile-users merged",
        "integrity sha512-" + chars(ALNUM, 86) + "==",
        "See https://github.com/acme/repo/blob/main/docs-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789.md",
    ],
)
def test_identifiers_public_keys_and_slugs_with_a_prefix_are_not_tokens(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "hook",
    [
        "https://chat.acme-group.fr/hooks/" + chars(string.ascii_lowercase + string.digits, 26),  # Mattermost, self-hosted
        "https://acme.rocket.chat/hooks/" + chars(ALNUM, 17) + "/" + chars(ALNUM, 48),  # Rocket.Chat: id, then token
        "https://chat.googleapis.com/v1/spaces/AAAA" + chars(ALNUM, 7) + "/messages?key=AIza" + chars(ALNUM, 35)
        + "&token=" + chars(ALNUM + "-_", 43) + "%3D",
        "https://prod-31.francecentral.logic.azure.com:443/workflows/" + chars(HEX, 32)
        + "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + chars(ALNUM + "-_", 43),
    ],
    ids=["mattermost", "rocket.chat", "google-chat", "teams-workflows"],
)
def test_a_chat_tools_incoming_webhook_is_a_token_as_a_whole(hook: str) -> None:
    assert found(f"Webhook des alertes : {hook} — branchez-y vos scripts") == [("TOKEN", hook)]


def test_a_page_named_hooks_is_not_a_webhook() -> None:
    assert found("Read https://docs.acme-example.org/hooks/installation-and-configuration first") == []
    assert found("Our guide: https://blog.acme-example.org/hooks/useEffectCleanup2024abc") == []


def test_a_private_key_header_alone_is_a_mention_the_block_is_the_key() -> None:
    assert found("The file should start with -----BEGIN OPENSSH PRIVATE KEY----- and stay on your laptop.") == []
    assert found("-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----") == []
    block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7xk" + chars(ALNUM, 40) + "\n-----END RSA PRIVATE KEY-----"
    assert found(f"oops {block}") == [("PRIVATE_KEY", block)]


def test_secrets_whose_shape_is_common_are_reported_when_the_line_names_them() -> None:
    wallet = "0x" + chars(HEX, 64)
    assert found(f"Clé privée du portefeuille de démo (testnet) : {wallet}") == [("PRIVATE_KEY", wallet)]
    assert found(f"Transaction confirmed: {wallet} on Etherscan") == []  # a transaction hash has the same shape
    bare = chars(HEX, 64)
    assert found(f"hot wallet private key (testnet): {bare}") == [("PRIVATE_KEY", bare)]
    assert found(f"Host private key fingerprint (SHA256): {bare}") == []  # a digest of the key, named so
    pat = chars("abcdefghijklmnopqrstuvwxyz234567", 50) + "k7"
    assert found(f"Azure DevOps PAT for the build agent (scope: Packaging): {pat}") == [("TOKEN", pat)]
    assert found(f"release notes {pat}") == []


@pytest.mark.parametrize(
    "token",
    [
        "tkn" + chars(ALNUM, 15) + "." + chars(HEX, 48),  # an opaque "<id>.<secret>" personal token
        "2000." + chars(HEX, 32) + "." + chars(HEX, 32),  # an OAuth refresh token in three parts
        chars(ALNUM, 20) + "." + chars(ALNUM, 16) + "." + chars(ALNUM + "_-", 30),
    ],
)
def test_random_parts_joined_by_dots_are_a_token_whoever_issued_it(token: str) -> None:
    assert found(f"Pour le connecteur, le jeton est {token} (expire en mars)") == [("TOKEN", token)]


@pytest.mark.parametrize(
    "text",
    [
        "Node ip-10-0-12-231.eu-west-3.compute.internal was drained",  # a host name: its parts are not all random
        "Import charterguard.secrets.credentials2026 from the package",
        "Version 3.14.159265358979 of the library",
        "Build 20261202a1b9c3d7.f0e1d2c3b4a5968778 deployed to staging",  # named an identifier
        "Release tag v2.14.0-rc.1+build.20261202.a1b2c3d4e5f6",
    ],
)
def test_dotted_names_versions_and_identifiers_are_not_tokens(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("checkout keys for the kiosk: key_id abc_live_Qm7xT2wL9pZk4R (rotate monthly)", "abc_live_Qm7xT2wL9pZk4R"),
        ("sandbox: paygate_test_R4nW8qLz2Vx7Tb", "paygate_test_R4nW8qLz2Vx7Tb"),
    ],
)
def test_a_key_marked_with_its_environment_is_found_with_a_shorter_body(text: str, key: str) -> None:
    assert [text[c.start : c.end] for c in find_tokens(text)] == [key]


@pytest.mark.parametrize(
    "text",
    [
        "the test_prod_database_name_here is wrong",  # words
        "publishable pk_live_Q8wm2LX7vB4nT9kC on the checkout page",  # a publishable key is public
        "run the suite with mode_test_2026 enabled",  # too short, not random
    ],
)
def test_environment_marked_names_that_are_not_keys_stay_clean(text: str) -> None:
    assert find_tokens(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("cookie volé dans le HAR : _gitlab_session=" + (session := chars(HEX, 32)) + "; path=/", session),
        ("Suivez ma session : https://claude.ai/code/session_" + (sid := chars(ALNUM, 24)), "claude.ai/code/session_" + sid),
    ],
    ids=["gitlab-session-cookie", "claude-code-session-link"],
)
def test_a_session_cookie_or_a_session_link_is_a_token(text: str, secret: str) -> None:
    assert found(text) == [("TOKEN", secret)]


@pytest.mark.parametrize(
    "text",
    [
        "HUBSPOT_TOKEN=pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",  # the docs' placeholder
        "pat-na1-" + uuid()[:20] + " (truncated in the screenshot)",
        "Our PAT-NA1 rollout and the pat-eu1 region are live",
        "GROQ_API_KEY=gsk_" + "x" * 48,
        "b_" + "a" * 44,
        "the column b_customer_lifetime_value_in_euros_after_tax_v2 is new",  # a snake_case name, 44 characters long
        "sk-ant-oat01-" + "x" * 95,
        "API-" + "A" * 26,
        "see ticket API-GATEWAYMIGRATIONPHASETWO today",  # no digit: a ticket key
        "Le préfixe p8e- désigne les secrets Adobe, ctp_ ceux de Chief Tools, dnkey- ceux de Defined Networking",
        "_gitlab_session= is the cookie name, castai_v1_ the key prefix",
        "ZXlKaGJHY2lPaU is base64 of a JWT header's start",
        "Amazon Bedrock keys start with ABSK; short-term ones with bedrock-api-key-",
    ],
)
def test_placeholders_truncated_values_and_prefixes_in_prose_are_not_tokens(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "b_" * 50_000,
        "b_" + "a_" * 49_000,
        "ZXlKaGJHY2lPaU" + "A" * 99_000 + "!",
        "ZXlKaGJHY2lPaU" * 7_000,
        "ctp_" + "a" * 99_000,
        "glpat-" * 16_000,
        "glpat-" + "a" * 99_000 + ".",
        "pat-na1-" * 12_000,
        "API-" + "A" * 99_000,
        "IR@" * 30_000,
        "IR@" + "0" * 36 + "@" + "a@" * 45_000,
        "xoxe.xoxp-1-" * 8_000,
        "claude.ai/code/session_" * 4_000,
        "ABSK" + "A" * 99_000 + "!",
        "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t" * 2_000,
        "pat" + "a" * 14 + "." + "0" * 99_000,
    ],
)
def test_the_catalogue_takes_linear_time_on_long_adversarial_posts(text: str) -> None:
    started = time.perf_counter()
    find_tokens(text[:100_000])
    assert time.perf_counter() - started < 5.0  # shared 2-core machine: generous; a quadratic scan takes minutes

"""Provider credentials recognisable by their shape alone (a prefix, a length, an alphabet).

The families follow gitleaks' public rule catalogue (and the plugins of Yelp's
detect-secrets, which it covers): a token whose prefix is distinctive
(`ghp_`, `glpat-`, `xoxb-`, `AKIA`, `sk_live_`, `eyJ...`) is a secret wherever it
appears, in prose or config, so it needs no keyword. Secrets without such a shape
(an AWS secret access key, a private_key_id) are found by `credentials` when a
keyword announces them. Patterns are written for this module, one alternation
compiled once; each has bounded repetitions (linear time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import SecretCandidate
from .shape import entropy, is_placeholder

_B = r"(?:(?<=://)|(?<![\w\-./+]))"  # a token starts at a word boundary (not inside a longer token), or a URL's user part
_E = r"(?![\w\-])"  # ... and ends at one


@dataclass(frozen=True, slots=True)
class TokenShape:
    kind: str
    family: str
    pattern: str
    min_entropy: float = 0.0  # of the whole match: drops "AKIAAAAAAAAAAAAAAAAA"-like filler


TOKEN_SHAPES: tuple[TokenShape, ...] = (
    # Cloud providers
    TokenShape("aws-access-key-id", "API_KEY", _B + r"(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}" + _E, 3.0),
    TokenShape("google-api-key", "API_KEY", _B + r"AIza[0-9A-Za-z_\-]{35}" + _E, 3.0),
    TokenShape("google-oauth-client-secret", "API_KEY", _B + r"GOCSPX-[0-9A-Za-z_\-]{28}" + _E),
    TokenShape("google-oauth-access-token", "TOKEN", _B + r"ya29\.[0-9A-Za-z_\-]{30,}" + _E),
    TokenShape("azure-ad-client-secret", "API_KEY", r"(?<![\w~.])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.\-]{31,34}(?![\w~])"),
    TokenShape("alibaba-access-key-id", "API_KEY", _B + r"LTAI[A-Za-z0-9]{20}" + _E, 3.0),
    TokenShape("digitalocean-token", "TOKEN", _B + r"do[opr]_v1_[a-f0-9]{64}" + _E),
    TokenShape("hashicorp-vault-token", "TOKEN", _B + r"hv[sb]\.[A-Za-z0-9_\-]{24,}" + _E),
    TokenShape("terraform-cloud-token", "TOKEN", _B + r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=\-]{60,}" + _E),
    TokenShape("heroku-api-key", "API_KEY", _B + r"HRKU-[A-Za-z0-9_\-]{60}" + _E),
    # Code hosting, CI, registries
    TokenShape("github-token", "TOKEN", _B + r"gh[pousr]_[A-Za-z0-9]{36,255}" + _E, 3.0),
    TokenShape("github-fine-grained-token", "TOKEN", _B + r"github_pat_[A-Za-z0-9_]{60,255}" + _E),
    TokenShape("gitlab-token", "TOKEN", _B + r"gl(?:pat|dt|rt|ptt|ft|cbt|imt|oas|soat|agent)-[A-Za-z0-9_\-]{20,64}" + _E, 3.0),
    TokenShape("gitlab-runner-registration-token", "TOKEN", _B + r"GR1348941[A-Za-z0-9_\-]{20}" + _E),
    TokenShape("npm-token", "TOKEN", _B + r"npm_[A-Za-z0-9]{36}" + _E),
    TokenShape("pypi-token", "TOKEN", _B + r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}" + _E),
    TokenShape("dockerhub-token", "TOKEN", _B + r"dckr_pat_[A-Za-z0-9_\-]{27,}" + _E),
    TokenShape("artifactory-api-key", "API_KEY", _B + r"AKCp[A-Za-z0-9]{69}" + _E),
    TokenShape("atlassian-api-token", "TOKEN", _B + r"ATATT3[A-Za-z0-9_\-=]{150,}" + _E),
    TokenShape("postman-api-key", "API_KEY", _B + r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}" + _E),
    TokenShape("databricks-token", "TOKEN", _B + r"dapi[a-f0-9]{32}(?:-\d)?" + _E),
    TokenShape("sonarqube-token", "TOKEN", _B + r"sq[apu]_[a-f0-9]{40}" + _E),
    TokenShape("grafana-service-account-token", "TOKEN", _B + r"glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}" + _E),
    TokenShape("grafana-cloud-token", "TOKEN", _B + r"glc_[A-Za-z0-9+/]{32,400}={0,2}" + _E),
    TokenShape("sentry-token", "TOKEN", _B + r"sntr[ysu]_[A-Za-z0-9+/=_\-]{40,}" + _E),
    TokenShape("new-relic-key", "API_KEY", _B + r"NR(?:AK|II|JS)-[A-Za-z0-9]{27}" + _E),
    TokenShape("doppler-token", "TOKEN", _B + r"dp\.(?:pt|st|ct|sa|scim|audit)\.[A-Za-z0-9]{40,44}" + _E),
    # Messaging, payments, SaaS
    TokenShape("slack-token", "TOKEN", _B + r"xox[abposre]-(?:\d+-)?[A-Za-z0-9\-]{10,250}" + _E),
    TokenShape("slack-app-token", "TOKEN", _B + r"xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+" + _E),
    TokenShape("slack-webhook", "TOKEN", r"hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\-]{20,}"),
    TokenShape("teams-webhook", "TOKEN", r"[\w\-]+\.webhook\.office\.com/webhookb2/[A-Za-z0-9@/_\-]{40,}"),
    TokenShape("discord-webhook", "TOKEN", r"discord(?:app)?\.com/api/webhooks/\d{15,20}/[A-Za-z0-9_\-]{60,}"),
    TokenShape("discord-bot-token", "TOKEN", _B + r"[MN][A-Za-z0-9]{23,25}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38}" + _E),
    TokenShape("telegram-bot-token", "TOKEN", _B + r"\d{8,10}:AA[A-Za-z0-9_\-]{33}" + _E),
    TokenShape("stripe-secret-key", "API_KEY", _B + r"(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{20,99}" + _E),
    TokenShape("stripe-webhook-secret", "API_KEY", _B + r"whsec_[A-Za-z0-9]{24,}" + _E),
    TokenShape("square-token", "TOKEN", _B + r"(?:sq0atp|sq0csp|EAAA)[A-Za-z0-9_\-]{22,60}" + _E),
    TokenShape("twilio-api-key", "API_KEY", _B + r"SK[0-9a-f]{32}" + _E),
    TokenShape("sendgrid-api-key", "API_KEY", _B + r"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}" + _E),
    TokenShape("mailchimp-api-key", "API_KEY", _B + r"[0-9a-f]{32}-us\d{1,2}" + _E),
    TokenShape("mailgun-api-key", "API_KEY", _B + r"key-[0-9a-f]{32}" + _E),
    TokenShape("shopify-token", "TOKEN", _B + r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}" + _E),
    TokenShape("facebook-access-token", "TOKEN", _B + r"EAA[A-Za-z0-9]{90,}" + _E),
    TokenShape("twitter-bearer-token", "TOKEN", _B + r"A{22}[A-Za-z0-9%]{30,}" + _E),
    TokenShape("mapbox-secret-token", "TOKEN", _B + r"sk\.eyJ[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{10,}" + _E),
    TokenShape("notion-token", "TOKEN", _B + r"(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,50})" + _E),
    TokenShape("linear-api-key", "API_KEY", _B + r"lin_api_[A-Za-z0-9]{40}" + _E),
    TokenShape("huggingface-token", "TOKEN", _B + r"hf_[A-Za-z]{34}" + _E, 3.0),
    TokenShape("openai-api-key", "API_KEY", _B + r"sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,}" + _E),
    TokenShape("openai-project-key", "API_KEY", _B + r"sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,}" + _E, 3.5),
    TokenShape("anthropic-api-key", "API_KEY", _B + r"sk-ant-(?:api03|admin01)-[A-Za-z0-9_\-]{80,}" + _E),
    TokenShape("age-secret-key", "PRIVATE_KEY", r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"),
    TokenShape("onepassword-secret-key", "API_KEY", _B + r"A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}" + _E),
    # Generic shapes
    TokenShape("jwt", "TOKEN", _B + r"eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{2,}\.[A-Za-z0-9_\-]{4,}"),
    # A private key block, from BEGIN to END (or as far as the key's base64 runs when it is cut).
    TokenShape(
        "private-key",
        "PRIVATE_KEY",
        r"-----BEGIN[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----"
        r"(?:[\s\S]{0,20000}?-----END[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----|(?:(?:\\n|\s)+[A-Za-z0-9+/=]{16,}){0,400})",
    ),
    TokenShape("putty-private-key", "PRIVATE_KEY", r"PuTTY-User-Key-File-\d: [\s\S]{0,4000}?Private-Lines: \d+[\s\S]{0,8000}?(?=Private-MAC|$)"),
)

_ALTERNATION = re.compile("|".join(f"(?P<t{i}>{shape.pattern})" for i, shape in enumerate(TOKEN_SHAPES)))
# Every shape holds one of these literals (or, for base64 and digits shapes, a cheap marker):
# most posts contain none, and skip the alternation.
_PREFILTER = re.compile(
    r"AKIA|ASIA|ABIA|ACCA|A3T|AIza|GOCSPX|ya29\.|\dQ~|LTAI|_v1_|hv[sb]\.|atlasv1|HRKU|gh[pousr]_|github_pat|gl[a-z]{1,5}-|GR1348941|"
    r"npm_|pypi-|dckr_|AKCp|ATATT3|PMAK|dapi|sq[apu]_|glsa_|glc_|sntr|NR(?:AK|II|JS)-|dp\.|xox|xapp-|hooks\.slack|webhook|"
    r"\.[A-Za-z0-9_\-]{6}\.|:AA|_live_|_test_|_prod_|whsec_|sq0|EAA|SK[0-9a-f]|SG\.|-us\d|key-|shp|A{22}|sk\.eyJ|secret_|ntn_|"
    r"lin_api|hf_|sk-|AGE-SECRET|A3-|eyJ|PRIVATE KEY|PuTTY"
)


def find_tokens(text: str) -> list[SecretCandidate]:
    """Every provider credential in `text`, each span the token itself."""
    if _PREFILTER.search(text) is None:
        return []
    out = []
    for m in _ALTERNATION.finditer(text):
        name = m.lastgroup
        if name is None:
            continue
        shape = TOKEN_SHAPES[int(name[1:])]
        value = m.group(0)
        start, end = m.start(), m.end()
        if shape.family == "PRIVATE_KEY":
            end = start + len(value.rstrip(" \t\r\n\\,\"'"))
        elif shape.min_entropy and entropy(value) < shape.min_entropy or is_placeholder(value):
            continue
        out.append(SecretCandidate(start, end, shape.family, shape.kind))
    return out

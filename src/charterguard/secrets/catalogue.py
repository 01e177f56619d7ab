"""Provider credentials recognisable by their shape alone (a prefix, a length, an alphabet).

The families follow gitleaks' public rule catalogue (and the plugins of Yelp's
detect-secrets, which it covers): every gitleaks rule whose secret has a shape of its own
(a literal prefix or a fixed format, read from config/gitleaks.toml and cmd/generate/config/rules/*.go
in session 11) has a shape here; rules that need a keyword beside a generic value are the job of
`credentials`. A token whose prefix is distinctive
(`ghp_`, `glpat-`, `xoxb-`, `AKIA`, `sk_live_`, `eyJ...`) is a secret wherever it
appears, in prose or config, so it needs no keyword. Secrets without such a shape
(an AWS secret access key, a private_key_id) are found by `credentials` when a
keyword announces them. Patterns are written for this module, each compiled
once and run only on posts holding its literal hint; bounded repetitions (linear time).
Also here: signed storage links (S3/GCS presigned URLs, Azure SAS, CloudFront), whose
whole link is the secret, chat tools' incoming webhooks (Mattermost, Rocket.Chat, Google Chat,
Teams Workflows), also whole, tokens of vendors no shape names yet, told by a lowercase
prefix and a long random body ("xai-...", "sk-or-v1-..."), and shapes too common to be read
alone (an `0x` + 64 hex private key, an Azure DevOps PAT) when their line names them.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from . import SecretCandidate, holds_any, long_runs
from .credentials import IDENTIFIER_WORDS
from .family import secret_family
from .shape import class_switches, classes, entropy, is_der_private_key, is_documented_sample, is_placeholder, looks_generated, looks_random

_B = r"(?:(?<=://)|(?<![\w\-./+]))"  # a token starts at a word boundary (not inside a longer token), or a URL's user part
_E = r"(?![\w\-])"  # ... and ends at one


@dataclass(frozen=True, slots=True)
class TokenShape:
    kind: str
    family: str
    pattern: str
    min_entropy: float = 2.5  # of the whole match: drops "AKIAAAAAAAAAAAAAAAAA"-like filler
    hint: str = ""  # a cheap regex every match contains: the shape runs only on posts holding it


TOKEN_SHAPES: tuple[TokenShape, ...] = (
    # Cloud providers
    TokenShape("aws-access-key-id", "API_KEY", _B + r"(?:(?:AKIA|ASIA)[A-Z0-9]{16}|(?:ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})" + _E, 3.0, hint='AKIA|ASIA|ABIA|ACCA|A3T'),
    TokenShape("google-api-key", "API_KEY", _B + r"AIza[0-9A-Za-z_\-]{35}" + _E, 3.0, hint='AIza'),
    TokenShape("google-oauth-client-secret", "API_KEY", _B + r"GOCSPX-[0-9A-Za-z_\-]{28}" + _E, hint='GOCSPX-'),
    TokenShape("google-oauth-refresh-token", "TOKEN", r"(?<![\w/])1//0[A-Za-z0-9_\-]{40,}" + _E, 3.5, hint='1//0'),
    TokenShape("google-oauth-access-token", "TOKEN", _B + r"ya29\.[0-9A-Za-z_\-]{30,}" + _E, hint='ya29\\.'),
    TokenShape("azure-ad-client-secret", "API_KEY", r"(?<![\w~.])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.\-]{31,34}(?![\w~])", hint='\\dQ~'),
    TokenShape("alibaba-access-key-id", "API_KEY", _B + r"LTAI[A-Za-z0-9]{20}" + _E, 3.0, hint='LTAI'),
    TokenShape("digitalocean-token", "TOKEN", _B + r"do[opr]_v1_[a-f0-9]{64}" + _E, hint='_v1_'),
    # HashiCorp Vault's service, batch and recovery tokens (hvs., hvb., hvr.; gitleaks' vault-service/batch-token)
    TokenShape("hashicorp-vault-token", "TOKEN", _B + r"hv[sbr]\.[A-Za-z0-9_\-]{24,}" + _E, hint='hv[sbr]\\.'),
    TokenShape("terraform-cloud-token", "TOKEN", _B + r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=\-]{60,}" + _E, hint='\\.atlasv1\\.'),
    # Firebase Cloud Messaging legacy server key: "<7-char id>:APA91b<...>", after gitleaks' gcp rules.
    TokenShape("fcm-server-key", "API_KEY", r"(?<![\w\-])AAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{100,}" + _E, hint='APA91b'),
    # Amazon Bedrock API keys: long-term "ABSK" + base64, short-term "bedrock-api-key-" + base64 of "bedrock.amazonaws.com..."
    TokenShape("aws-bedrock-api-key", "API_KEY", _B + r"(?:ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%]{0,4000})",
               hint='ABSK|bedrock-api-key-'),
    TokenShape("heroku-api-key", "API_KEY", _B + r"HRKU-[A-Za-z0-9_\-]{60}" + _E, hint='HRKU-'),
    # Code hosting, CI, registries
    TokenShape("github-token", "TOKEN", _B + r"gh[pousr]_[A-Za-z0-9]{36,255}" + _E, 3.0, hint='gh[pousr]_'),
    TokenShape("github-fine-grained-token", "TOKEN", _B + r"github_pat_[A-Za-z0-9_]{60,255}" + _E, hint='github_pat_'),
    # (a routable token, GitLab 17.x, ends in "." and a 9-character checksum)
    TokenShape("gitlab-token", "TOKEN", _B + r"gl(?:pat|dt|rt|ptt|ft|cbt|imt|soat|agent|ffct)-[A-Za-z0-9_\-]{20,300}(?:\.[0-9a-z]{9})?" + _E, 3.0,
               hint='gl[a-z]{2,5}-'),
    # (GitLab calls gloas- an OAuth application's secret: a key, as every client secret)
    TokenShape("gitlab-oauth-app-secret", "API_KEY", _B + r"gloas-[A-Za-z0-9_\-]{20,300}" + _E, 3.0, hint='gloas-'),
    TokenShape("gitlab-session-cookie", "TOKEN", r"_gitlab_session=(?P<secret>[0-9a-f]{32})(?![\w\-])", 3.0, hint='_gitlab_session='),
    TokenShape("gitlab-runner-registration-token", "TOKEN", _B + r"GR1348941[A-Za-z0-9_\-]{20}" + _E, hint='GR1348941'),
    TokenShape("npm-token", "TOKEN", _B + r"npm_[A-Za-z0-9]{36}" + _E, hint='npm_'),
    TokenShape("pypi-token", "TOKEN", _B + r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}" + _E, hint='pypi-AgEIcHlwaS5vcmc'),
    # personal (pat) and organisation (oat) access tokens
    TokenShape("dockerhub-token", "TOKEN", _B + r"dckr_[po]at_[A-Za-z0-9_\-]{27,}" + _E, hint='dckr_[po]at_'),
    TokenShape("artifactory-api-key", "API_KEY", _B + r"AKCp[A-Za-z0-9]{69}" + _E, hint='AKCp'),
    TokenShape("atlassian-api-token", "TOKEN", _B + r"ATATT3[A-Za-z0-9_\-=]{150,}" + _E, hint='ATATT3'),
    TokenShape("postman-api-key", "API_KEY", _B + r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}" + _E, hint='PMAK-'),
    TokenShape("databricks-token", "TOKEN", _B + r"dapi[a-f0-9]{32}(?:-\d)?" + _E, hint='dapi'),
    TokenShape("sonarqube-token", "TOKEN", _B + r"sq[apu]_[a-f0-9]{40}" + _E, hint='sq[apu]_'),
    TokenShape("grafana-service-account-token", "TOKEN", _B + r"glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}" + _E, hint='glsa_'),
    TokenShape("grafana-cloud-token", "TOKEN", _B + r"glc_[A-Za-z0-9+/]{32,400}={0,2}" + _E, hint='glc_'),
    TokenShape("sentry-token", "TOKEN", _B + r"sntr[ysu]_[A-Za-z0-9+/=_\-]{40,}" + _E, hint='sntr[ysu]_'),
    TokenShape("new-relic-key", "API_KEY", _B + r"NR(?:AK|II|JS)-[A-Za-z0-9]{27}" + _E, hint='NR(?:AK|II|JS)-'),
    TokenShape("doppler-token", "TOKEN", _B + r"dp\.(?:pt|st|ct|sa|scim|audit)\.[A-Za-z0-9]{40,44}" + _E, hint='dp\\.'),
    TokenShape("pulumi-token", "TOKEN", _B + r"pul-[a-f0-9]{40}" + _E, hint='pul-'),
    TokenShape("prefect-api-key", "API_KEY", _B + r"pnu_[A-Za-z0-9]{36}" + _E, hint='pnu_'),
    TokenShape("planetscale-credential", "TOKEN", _B + r"pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=.\-]{32,64}" + _E, hint='pscale_'),
    TokenShape("rubygems-api-key", "API_KEY", _B + r"rubygems_[a-f0-9]{48}" + _E, hint='rubygems_'),
    TokenShape("clojars-token", "TOKEN", _B + r"CLOJARS_[A-Za-z0-9]{60}" + _E, hint='CLOJARS_'),
    TokenShape("readme-api-key", "API_KEY", _B + r"rdme_[a-z0-9]{70}" + _E, hint='rdme_'),
    TokenShape("scalingo-token", "TOKEN", _B + r"tk-us-[A-Za-z0-9_\-]{48}" + _E, hint='tk-us-'),
    TokenShape("flyio-token", "TOKEN", _B + r"(?:fo1_[A-Za-z0-9_\-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})" + _E, hint='fo1_|fm[12][ar]?_'),
    TokenShape("infracost-api-key", "API_KEY", _B + r"ico-[A-Za-z0-9]{32}" + _E, 3.0, hint='ico-'),  # "INFRACOST_API_KEY"
    TokenShape("dynatrace-token", "TOKEN", _B + r"dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64}" + _E, hint='dt0c01\\.'),
    TokenShape("openshift-token", "TOKEN", _B + r"sha256~[A-Za-z0-9_\-]{43}" + _E, hint='sha256~'),
    TokenShape("harness-token", "TOKEN", _B + r"(?:pat|sat)\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}" + _E, hint='[ps]at\\.'),
    TokenShape("onepassword-service-token", "TOKEN", _B + r"ops_eyJ[A-Za-z0-9+/]{250,}={0,3}" + _E, hint='ops_eyJ'),
    # (Grafana calls it an API key; it is a base64 JSON object, which people call a token: `secret_family`)
    TokenShape("grafana-api-key", "TOKEN", _B + r"eyJrIjoi[A-Za-z0-9]{70,400}={0,3}" + _E, hint='eyJrIjoi'),
    TokenShape("cloudflare-origin-ca-key", "API_KEY", _B + r"v1\.0-[a-f0-9]{24}-[a-f0-9]{146}" + _E, hint='v1\\.0-'),
    TokenShape("settlemint-token", "TOKEN", _B + r"sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}" + _E, 3.0, hint='sm_[aps]at_'),
    TokenShape("maxmind-license-key", "API_KEY", _B + r"[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk" + _E, hint='_mmk'),
    TokenShape("intra42-client-secret", "API_KEY", _B + r"s-s4t2(?:ud|af)-[a-f0-9]{64}" + _E, hint='s-s4t2'),
    TokenShape("clickhouse-cloud-key", "API_KEY", _B + r"4b1d[A-Za-z0-9]{38}" + _E, 4.0, hint='4b1d'),
    TokenShape("authress-access-key", "API_KEY", _B + r"(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\.[A-Za-z0-9]{4,6}\.acc[_\-][A-Za-z0-9\-]{10,32}\.[A-Za-z0-9+/_=\-]{30,120}" + _E, hint='\\.acc[_\\-]'),
    TokenShape("huggingface-org-token", "TOKEN", _B + r"api_org_[A-Za-z]{34}" + _E, 3.0, hint='api_org_'),
    # LangSmith issues "API keys" of two types, personal (lsv2_pt_) and service (lsv2_sk_).
    TokenShape("langsmith-api-key", "API_KEY", _B + r"lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}" + _E, hint='lsv2_'),
    # Artifactory's reference token is base64 of "reftkn": "cmVmd" + 59
    TokenShape("artifactory-reference-token", "TOKEN", _B + r"cmVmd[A-Za-z0-9]{59}" + _E, 4.0, hint='cmVmd'),
    TokenShape("octopus-deploy-api-key", "API_KEY", _B + r"API-(?=[A-Z]{0,25}\d)[A-Z0-9]{26}" + _E, 3.5, hint='API-[A-Z0-9]{26}'),
    TokenShape("castai-api-key", "API_KEY", _B + r"castai_v1_[A-Za-z0-9]{64}_[A-Za-z0-9]{8}" + _E, hint='castai_v1_'),
    TokenShape("chieftools-token", "TOKEN", _B + r"ct[opr]_[A-Za-z0-9]{30,248}" + _E, 3.5, hint='ct[opr]_'),
    TokenShape("defined-networking-api-key", "API_KEY", _B + r"dnkey-[A-Za-z0-9=_\-]{26}-[A-Za-z0-9=_\-]{52}" + _E, hint='dnkey-'),
    # Azure Data Factory's self-hosted integration runtime key: IR@<guid>@<factory>@<region>@<44 base64>
    TokenShape("azure-data-factory-runtime-key", "API_KEY", r"(?<![\w@])IR@[0-9a-fA-F\-]{36}@[\w\-]{1,90}@[\w\-]{1,40}@[A-Za-z0-9+/]{43}=", hint='IR@'),
    # Messaging, payments, SaaS
    TokenShape("slack-token", "TOKEN", _B + r"xox[abposre]-(?:\d+-)?[A-Za-z0-9\-]{10,250}" + _E, hint='xox[abposre]-'),
    TokenShape("slack-app-token", "TOKEN", _B + r"xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+" + _E, hint='xapp-'),
    TokenShape("slack-webhook", "TOKEN", r"hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\-]{20,}", hint='hooks\\.slack\\.com'),
    TokenShape("teams-webhook", "TOKEN", r"(?<![\w\-])[\w\-]{1,63}\.webhook\.office\.com/webhookb2/[A-Za-z0-9@/_\-]{40,}", hint='\\.webhook\\.office\\.com'),
    TokenShape("zapier-webhook", "TOKEN", r"hooks\.zapier\.com/hooks/catch/\d+/[A-Za-z0-9]{5,}/?", hint='hooks\\.zapier\\.com'),
    TokenShape("ifttt-webhook-key", "TOKEN", r"maker\.ifttt\.com/trigger/[\w\-]{1,60}/with/key/(?P<secret>[A-Za-z0-9_\-]{16,})", hint='maker\\.ifttt\\.com'),
    TokenShape("discord-webhook", "TOKEN", r"discord(?:app)?\.com/api/webhooks/\d{15,20}/[A-Za-z0-9_\-]{60,}", hint='/api/webhooks/'),
    TokenShape("discord-bot-token", "TOKEN", _B + r"[MN][A-Za-z0-9]{23,25}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38}" + _E, hint='[MN][A-Za-z0-9]{23,25}\\.'),
    TokenShape("telegram-bot-token", "TOKEN", _B + r"\d{8,10}:AA[A-Za-z0-9_\-]{33}" + _E, hint='\\d:AA'),
    TokenShape("stripe-secret-key", "API_KEY", _B + r"(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{20,99}" + _E, hint='_(?:live|test|prod)_'),
    TokenShape("stripe-webhook-secret", "API_KEY", _B + r"whsec_[A-Za-z0-9]{24,}" + _E, hint='whsec_'),
    TokenShape("square-access-token", "TOKEN", _B + r"(?:sq0atp|EAAA)[A-Za-z0-9_\-]{22,60}" + _E, hint='sq0atp|EAAA'),
    TokenShape("square-application-secret", "API_KEY", _B + r"sq0csp-[A-Za-z0-9_\-]{40,50}" + _E, hint='sq0csp-'),
    TokenShape("twilio-api-key", "API_KEY", _B + r"SK[0-9a-f]{32}" + _E, hint='SK[0-9a-f]{32}'),
    TokenShape("sendgrid-api-key", "API_KEY", _B + r"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}" + _E, hint='SG\\.'),
    TokenShape("mailchimp-api-key", "API_KEY", _B + r"[0-9a-f]{32}-us\d{1,2}" + _E, hint='-us\\d'),
    TokenShape("mailgun-api-key", "API_KEY", _B + r"(?:pub)?key-[0-9a-f]{32}" + _E, hint='key-'),
    TokenShape("brevo-api-key", "API_KEY", _B + r"x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}" + _E, hint='x(?:keysib|smtpsib)-'),
    TokenShape("perplexity-api-key", "API_KEY", _B + r"pplx-[A-Za-z0-9]{48}" + _E, 3.5, hint='pplx-'),
    TokenShape("easypost-api-key", "API_KEY", _B + r"EZ[AT]K[A-Za-z0-9]{54}" + _E, hint='EZ[AT]K'),
    TokenShape("duffel-token", "API_KEY", _B + r"duffel_(?:test|live)_[A-Za-z0-9_=\-]{43}" + _E, hint='duffel_'),
    TokenShape("flutterwave-key", "API_KEY", _B + r"FLW(?:SECK|PUBK)(?:_TEST)?-[a-hA-H0-9]{12,32}(?:-X)?" + _E, hint='FLW(?:SECK|PUBK)'),
    TokenShape("frameio-token", "TOKEN", _B + r"fio-u-[A-Za-z0-9_=\-]{64}" + _E, hint='fio-u-'),
    TokenShape("shippo-token", "API_KEY", _B + r"shippo_(?:live|test)_[a-fA-F0-9]{40}" + _E, hint='shippo_'),
    TokenShape("typeform-token", "TOKEN", _B + r"tfp_[A-Za-z0-9_.=\-]{59}" + _E, hint='tfp_'),
    TokenShape("yandex-api-key", "API_KEY", _B + r"AQVN[A-Za-z0-9_\-]{35,38}" + _E, 3.5, hint='AQVN'),
    # Yandex Cloud's IAM token: "t1." then two base64url parts, the second 86 long (gitleaks' yandex-access-token)
    TokenShape("yandex-iam-token", "TOKEN", _B + r"t1\.[A-Za-z0-9_\-]{8,200}={0,2}\.[A-Za-z0-9_\-]{86}={0,2}" + _E, 3.5, hint='t1\\.'),
    # An Azure DevOps personal access token of the 2024 format: 84 characters, Microsoft's "AZDO" signature at 77-80
    TokenShape("azure-devops-pat-v2", "TOKEN", _B + r"[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}" + _E, 3.5, hint='AZDO'),
    TokenShape("lob-api-key", "API_KEY", _B + r"(?:live|test)_(?:pub_[a-f0-9]{31}|[a-f0-9]{35})" + _E, hint='(?:live|test)_'),
    TokenShape("plaid-access-token", "TOKEN", _B + r"access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" + _E, hint='access-(?:sandbox|development|production)-'),
    TokenShape("trello-token", "TOKEN", _B + r"ATTA[a-fA-F0-9]{64}[A-Za-z0-9]{8}" + _E, hint='ATTA'),
    TokenShape("airtable-personal-access-token", "TOKEN", _B + r"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}" + _E, hint='pat[A-Za-z0-9]{14}\\.'),
    TokenShape("adobe-client-secret", "API_KEY", _B + r"p8e-[A-Za-z0-9]{32}" + _E, 3.0, hint='p8e-'),
    TokenShape("adyen-api-key", "API_KEY", _B + r"AQE[a-z0-9]{5,40}\.[A-Za-z0-9_=\-]{50,80}" + _E, 3.5, hint='AQE[a-z0-9]{5}'),
    # Beamer's API key: "b_" + 44 base64url characters (its entropy tells it from a snake_case name)
    TokenShape("beamer-api-key", "API_KEY", _B + r"b_[A-Za-z0-9=_\-]{44}" + _E, 4.0, hint='b_[\\w=\\-]{44}'),
    # HubSpot private app access token: "pat-" + the account's region + a UUID
    TokenShape("hubspot-private-app-token", "TOKEN", _B + r"pat-(?:na|eu|ap)\d{1,2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" + _E,
               hint='pat-(?:na|eu|ap)\\d'),
    TokenShape("slack-config-token", "TOKEN", _B + r"xoxe\.xox[bp]-\d-[A-Za-z0-9]{150,180}" + _E, hint='xoxe\\.xox'),
    TokenShape("shopify-token", "TOKEN", _B + r"shp(?:at|ca|pa)_[a-fA-F0-9]{32}" + _E, hint='shp(?:at|ca|pa)_'),
    TokenShape("shopify-shared-secret", "API_KEY", _B + r"shpss_[a-fA-F0-9]{32}" + _E, hint='shpss_'),
    # Asana personal access token: "1/<user id>:<32 hex>" (newer ones "2/<user id>/<app id>:<32 hex>").
    TokenShape("asana-personal-access-token", "TOKEN", r"(?<![\w/.])[12]/\d{13,20}(?:/\d{13,20})?:[a-f0-9]{32}" + _E, hint='\\d:[a-f0-9]{32}'),
    TokenShape("facebook-access-token", "TOKEN", _B + r"EAA[A-Za-z0-9]{90,}" + _E, hint='EAA'),
    TokenShape("twitter-bearer-token", "TOKEN", _B + r"A{22}[A-Za-z0-9%]{30,}" + _E, hint='A{22}'),
    TokenShape("mapbox-secret-token", "TOKEN", _B + r"sk\.eyJ[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{10,}" + _E, hint='sk\\.eyJ'),
    TokenShape("notion-integration-secret", "API_KEY", _B + r"(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,50})" + _E, hint='secret_|ntn_'),
    TokenShape("linear-api-key", "API_KEY", _B + r"lin_api_[A-Za-z0-9]{40}" + _E, hint='lin_api_'),
    TokenShape("huggingface-token", "TOKEN", _B + r"hf_[A-Za-z]{34}" + _E, 3.0, hint='hf_'),
    TokenShape("openai-api-key", "API_KEY", _B + r"sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,}" + _E, hint='T3BlbkFJ'),
    TokenShape("openai-project-key", "API_KEY", _B + r"sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,}" + _E, 3.5, hint='sk-(?:proj|svcacct|admin)-'),
    TokenShape("anthropic-api-key", "API_KEY", _B + r"sk-ant-(?:api03|admin01)-[A-Za-z0-9_\-]{80,}" + _E, hint='sk-ant-'),
    # Claude Code's OAuth token (`claude setup-token`, CLAUDE_CODE_OAUTH_TOKEN), and a remote-control session's link
    TokenShape("anthropic-oauth-token", "TOKEN", _B + r"sk-ant-oat01-[A-Za-z0-9_\-]{80,120}" + _E, hint='sk-ant-oat01-'),
    TokenShape("claude-code-session-link", "TOKEN", r"claude\.ai/code/session_[A-Za-z0-9]{16,64}(?![\w\-])", 3.0, hint='claude\\.ai/code/session_'),
    TokenShape("groq-api-key", "API_KEY", _B + r"gsk_[A-Za-z0-9]{48}" + _E, 3.5, hint='gsk_'),
    # Nostr's bech32 private key (NIP-19): "nsec1" and 58 characters of the bech32 alphabet.
    TokenShape("nostr-private-key", "PRIVATE_KEY", _B + r"nsec1[02-9ac-hj-np-z]{58}" + _E, hint='nsec1'),
    TokenShape("age-secret-key", "PRIVATE_KEY", r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", hint='AGE-SECRET-KEY-1'),
    TokenShape("onepassword-secret-key", "API_KEY", _B + r"A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}" + _E, hint='A3-'),
    TokenShape("tailscale-key", "API_KEY", _B + r"tskey-(?:auth|api|client|webhook|scim)-[A-Za-z0-9]{6,24}-[A-Za-z0-9]{20,64}" + _E, hint='tskey-'),
    TokenShape("sourcegraph-token", "TOKEN", _B + r"sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40}" + _E, hint='sgp_'),
    TokenShape("nuget-api-key", "API_KEY", _B + r"oy2[a-z0-9]{43}" + _E, 3.5, hint='oy2'),
    TokenShape("circleci-token", "TOKEN", _B + r"CCIPAT_[A-Za-z0-9]{22}_[a-fA-F0-9]{40}" + _E, hint='CCIPAT_'),
    TokenShape("salesforce-access-token", "TOKEN", _B + r"00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,}" + _E, hint='00D[A-Za-z0-9]{12,15}!'),
    TokenShape("braintree-access-token", "TOKEN", _B + r"access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}" + _E, hint='access_token\\$'),
    TokenShape("instagram-access-token", "TOKEN", _B + r"IGQV[A-Za-z0-9_\-]{100,}" + _E, hint='IGQV'),
    TokenShape("dropbox-short-lived-token", "TOKEN", _B + r"sl\.[A-Za-z0-9_=\-]{130,}" + _E, 4.0, hint='sl\\.'),
    # Azure Functions: the function key rides in the link ("...azurewebsites.net/api/Export?code=<key>").
    TokenShape("azure-function-key", "API_KEY", r"azurewebsites\.net/api/[\w\-/]{1,100}\?(?:[^\s&#]{0,200}&){0,5}code=(?P<secret>[A-Za-z0-9_\-/+%]{40,}={0,2})", hint='azurewebsites\\.net/api/'),
    # Generic shapes
    TokenShape("jwt", "TOKEN", _B + r"eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{2,}\.[A-Za-z0-9_\-]{4,}", hint='eyJ[\\w\\-]{10,}\\.eyJ'),
    # ... whatever its payload holds (an encrypted or opaque claim set): the header names the algorithm, type or key
    # ({"alg", {"typ", {"kid" in base64url), then the payload and the signature.
    # A BitLocker recovery key: 8 groups of 6 digits, a shape nothing else has; it unlocks a disk as a password does.
    TokenShape("bitlocker-recovery-key", "PASSWORD", r"(?<![\w\-])\d{6}(?:-\d{6}){7}(?![\w\-])", hint=r"\d{6}-\d{6}-\d{6}-"),
    # a JWT encoded in base64 once more ("eyJhbGciOi" -> "ZXlKaGJHY2lPaU"), as a Kubernetes Secret or a CI variable holds it
    TokenShape("jwt-base64", "TOKEN", _B + r"ZXlK(?:aGJHY2lPaU|MGVYQWlPaU|cmFXUWlP)[A-Za-z0-9+/]{40,4000}={0,2}", hint='ZXlK'),
    TokenShape("jwt", "TOKEN", _B + r"eyJ(?:hbGci|0eXAi|raWQi)[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,}" + _E,
               hint='eyJ(?:hbGci|0eXAi|raWQi)'),
    TokenShape("putty-private-key", "PRIVATE_KEY", r"PuTTY-User-Key-File-\d: [\s\S]{0,4000}?Private-Lines: \d+[\s\S]{0,8000}?(?:Private-MAC: [0-9a-fA-F]{20,128}|(?=Private-MAC)|$)", hint='PuTTY-User-Key-File'),
)

_COMPILED: tuple[tuple[TokenShape, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (shape, re.compile(shape.hint), re.compile(shape.pattern)) for shape in TOKEN_SHAPES
)
_ANY_HINT = re.compile("|".join(f"(?:{shape.hint})" for shape in TOKEN_SHAPES))
# The catalogue read as a prefix table: a token opening with a vendor's prefix (a shape's hint, at its start) is that vendor's
# credential even when its body strays from the published shape (a Hugging Face "hf_" token with digits): its family is the
# vendor's word for it (`hf_` TOKEN, `AKIA` API_KEY), not a guess from the prefix's letters.
_PREFIX_FAMILIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"(?:{shape.hint})"), shape.family) for shape in TOKEN_SHAPES if shape.family != "PRIVATE_KEY"
)


def catalogue_family(token: str) -> str | None:
    """The family of the catalogue vendor whose prefix opens `token`, None when no vendor's prefix does."""
    return next((family for prefix, family in _PREFIX_FAMILIES if prefix.match(token)), None)
# A private key block runs from BEGIN to END, or, when it is cut, as far as its base64 goes.
# (OpenVPN writes its shared secret "-----BEGIN OpenVPN Static key V1-----".)
_KEY_BEGIN = re.compile(r"-----BEGIN[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----|-----BEGIN OpenVPN Static key V\d-----")
_KEY_END = re.compile(r"-----END[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----|-----END OpenVPN Static key V\d-----")
# (an encrypted PEM's RFC 1421 headers, "Proc-Type: 4,ENCRYPTED" and "DEK-Info: ...", come before its base64)
_KEY_BODY = re.compile(r"(?:(?:\\n|\s)+(?:[A-Za-z0-9+/=]{16,}|(?:Proc-Type|DEK-Info):[ \w,\-]{1,120})){0,400}")
MAX_KEY_CHARS = 20_000


# A PEM block written in base64 (kubeconfig `client-key-data`, a Kubernetes Secret's `tls.key`):
# "-----BEGIN" encodes to "LS0tLS1CRUdJTi"; the block is a private key when its header says so.
_BASE64_PEM = re.compile(r"(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,20000}={0,2}")


# minisign and signify key files: an "untrusted comment:" line naming a secret key, then the key in base64.
_SIGNING_KEY_FILE = re.compile(r"untrusted comment: [^\n]{0,120}?(?:secret|private) key[^\n]{0,40}\r?\n(?P<key>[A-Za-z0-9+/]{40,4096}={0,2})(?![A-Za-z0-9+/=])")


def _base64_private_keys(text: str) -> list[SecretCandidate]:
    out = []
    if "LS0tLS1CRUdJTi" in text:
        for m in _BASE64_PEM.finditer(text):
            head = m.group(0)[:96]
            try:
                decoded = base64.b64decode(head[: len(head) // 4 * 4]).decode("ascii", "replace")
            except (binascii.Error, ValueError):
                continue
            if "PRIVATE KEY" in decoded or "OpenVPN Static key" in decoded:
                out.append(SecretCandidate(m.start(), m.end(), "PRIVATE_KEY", "base64-private-key"))
    if "untrusted comment:" in text:
        out += [SecretCandidate(m.start("key"), m.end("key"), "PRIVATE_KEY", "signing-key-file") for m in _SIGNING_KEY_FILE.finditer(text)]
    return out


# Signed storage links: whoever holds the link reads (or writes) the object until it expires, so
# the whole link is the secret. S3 and GCS V4 (X-Amz-/X-Goog-Signature), S3 V2, CloudFront and
# GCS V2, Alibaba OSS, Huawei OBS (Signature= with its key id or expiry), Tencent COS (q-signature=), Azure
# shared access signatures (sv=...&sig=), Backblaze B2 download links (?Authorization=<token>), and links whose
# path carries the access token: Oracle Cloud's pre-authenticated requests
# (".../p/<token>/n/<namespace>/b/<bucket>/o/<object>", the token generated, not a page's slug).
_LINK = re.compile(r"(?i)(?<![\w@.\-/])https?://[^\s<>\"'»`]+")
_QUERY_PARAMETER = re.compile(r"[?&]([A-Za-z][\w\-]{0,40})=([^&#\s]*)")
_SIGNATURE_KEY_IDS = frozenset({"expires", "googleaccessid", "key-pair-id", "awsaccesskeyid"})
_SAS_VERSION = re.compile(r"\d{4}-\d{2}-\d{2}")
_PREAUTHENTICATED_PATH = re.compile(r"/p/([A-Za-z0-9_\-+=.:%]{16,256})/n/[\w\-.]{1,128}/b/")


def _is_signed(link: str) -> bool:
    preauthenticated = _PREAUTHENTICATED_PATH.search(link)
    if preauthenticated is not None and looks_generated(preauthenticated.group(1)):
        return True
    parameters = {name.casefold(): value for name, value in _QUERY_PARAMETER.findall(link)}
    if any(len(parameters.get(name, "")) >= 32 for name in ("x-amz-signature", "x-goog-signature", "q-signature")):
        return True
    if len(authorization := parameters.get("authorization", "")) >= 32 and entropy(authorization) >= 3.5 and not is_placeholder(authorization):
        return True  # (a token given in the query, not a placeholder: "?authorization=YOUR_AUTHORIZATION_TOKEN")
    if len(parameters.get("signature", "")) >= 16 and not parameters.keys().isdisjoint(_SIGNATURE_KEY_IDS):
        return True
    return len(parameters.get("sig", "")) >= 16 and _SAS_VERSION.fullmatch(parameters.get("sv", "")) is not None


# A shared access signature pasted without its link: "?sv=2023-01-03&ss=b&...&sig=...".
_SAS_TOKEN = re.compile(r"(?<![\w/.?&=])\??(?P<sas>sv=\d{4}-\d{2}-\d{2}&[A-Za-z0-9%+/=:&_\-]{0,400}?sig=[A-Za-z0-9%+/=]{16,}(?:&[A-Za-z0-9%+/=:_\-]+)*)")
_LINK_TRAILING = ".,;:!?)]}»”’"


def _links(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each http(s) link in `text`, without the punctuation of the sentence after it."""
    for m in _LINK.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in _LINK_TRAILING:
            end -= 1
        yield m.start(), end


def _signed_links(text: str) -> list[SecretCandidate]:
    if not holds_any(text, ("ignature=", "sig=", "/p/", "uthorization=")):  # X-Amz-Signature=, Signature=, sig=, a path's token (most posts stop here)
        return []
    out = []
    for start, end in _links(text):
        if _is_signed(text[start:end]):
            out.append(SecretCandidate(start, end, "TOKEN", "signed-storage-link"))
    for m in _SAS_TOKEN.finditer(text):
        out.append(SecretCandidate(m.start("sas"), m.end("sas"), "TOKEN", "shared-access-signature"))
    return out


# A vendor's prefix, then a long random body: "xai-...", "sk-or-v1-<hex>", "lsv2_pt_<hex>_<hex>",
# "pcsk_...", "tskey-auth-...". Vendors keep adding such tokens; this finds the ones no shape
# above names yet, from the body's randomness (`looks_random`), never a slug or a word.
_PREFIXED = re.compile(
    r"(?<![\w\-./+@])(?P<prefix>[a-z][a-z0-9]{1,9}(?:[_\-][a-z0-9]{2,8}){0,2})[_\-]"
    r"(?P<body>[A-Za-z0-9]{4,200}(?:_[A-Za-z0-9]{4,64}){0,2})(?![\w\-])"
)
_PREFIXED_HINT = re.compile(r"[_\-][A-Za-z0-9]{20}|_(?:live|test|prod)_")
# A prefix ending in the key's environment ("rzp_live_", "sk_test_", "xyz_prod_") is how payment vendors mark their keys:
# with it a shorter random body is enough (Razorpay's key ids have 14 characters).
_ENVIRONMENT_SUFFIXES = ("_live", "_test", "_prod")
# Prefixes of identifiers, hashes and public keys: Stripe objects (cus_, pi_...), digests, publishable keys.
NOT_SECRET_PREFIXES = frozenset(
    "sha sha1 sha224 sha256 sha384 sha512 md5 hash uuid guid id ids commit build ref ver version img image file doc docs "
    "order tx txn block cid pk pub public publishable phc utm cus pi ch in sub price prod pm seti si acct evt req src card "
    "ba py po tr ii il cs plink inv test tests example sample demo dummy fake".split()
)
# Most vendors call what they issue an "API key"; a prefix naming a token says otherwise (lsv2_pt_, bot-).
_TOKEN_PREFIX = re.compile(r"tok|pat|(?<![a-z])pt(?![a-z])|jwt|sess|oauth|auth|bot")


def _prefixed_tokens(text: str) -> list[SecretCandidate]:
    if _PREFIXED_HINT.search(text) is None:
        return []
    out = []
    for m in _PREFIXED.finditer(text):
        prefix = m.group("prefix")
        body = m.group("body").replace("_", "")
        if re.split(r"[_\-]", prefix, maxsplit=1)[0] in NOT_SECRET_PREFIXES:
            continue
        if prefix.endswith(_ENVIRONMENT_SUFFIXES) and 14 <= len(body) < 20:
            if not (classes(body) == 3 and entropy(body) >= 3.2 and class_switches(body) >= 0.35):  # both cases and digits
                continue
        elif len(body) < 20 or not looks_random(body):
            continue
        # (a vendor of the catalogue: its word; another vendor: its prefix's word, whatever name a config gives it)
        family = catalogue_family(m.group(0)) or ("TOKEN" if _TOKEN_PREFIX.search(prefix) else "API_KEY")
        out.append(SecretCandidate(m.start(), m.end(), family, "vendor-prefixed-token", score=0.9))
    return out


# Incoming webhooks of chat tools: whoever holds the link posts into the channel, so the whole link is
# the secret, as for Slack's. Mattermost ("/hooks/<26 chars>") and Rocket.Chat ("/hooks/<id>/<token>")
# are self-hosted on any host; Google Chat carries a key and a token in its query; Teams' Workflows
# (Power Automate, Logic Apps) sign the trigger's link ("/workflows/<id>/triggers/...&sig=").
_CHAT_WEBHOOK = re.compile(
    r"(?i)(?<![\w@.\-/])https?://[a-z0-9][\w.\-]{0,100}(?::\d{1,5})?/hooks/(?P<secret>[A-Za-z0-9]{17,40}(?:/[A-Za-z0-9_\-]{20,80})?)(?![\w\-/])"
    r"|(?<![\w@.\-/])https://chat\.googleapis\.com/v1/spaces/[\w\-]{4,40}/messages\?[^\s<>\"'»`]{0,400}?token=[A-Za-z0-9_\-%]{20,}"
    r"|(?<![\w@.\-/])https://[\w.\-]{1,120}(?::\d{1,5})?/(?:[\w\-]{1,40}/){0,4}workflows/[0-9a-fA-F]{32}/triggers/[^\s<>\"'»`]{0,300}?[?&]sig=[A-Za-z0-9_\-%]{20,}"
)


def _chat_webhooks(text: str) -> list[SecretCandidate]:
    if "/hooks/" not in text and "chat.googleapis.com" not in text and "/workflows/" not in text:
        return []
    out = []
    for m in _CHAT_WEBHOOK.finditer(text):
        hook_id = (m.group("secret") or "").replace("/", "")  # Mattermost's id, or Rocket.Chat's id and token
        if m.group("secret") is not None and not (
            any(c.isdigit() for c in hook_id) and any(c.isalpha() for c in hook_id) and entropy(hook_id) >= 3.5 and class_switches(hook_id) >= 0.3
        ):
            continue  # "/hooks/useEffectCleanup2024": a page named in camel case, not a hook's random id
        out.append(SecretCandidate(m.start(), m.end(), "TOKEN", "chat-webhook"))
    return out


# Secrets whose shape alone is common (64 hex digits are also a transaction hash or a digest; 52
# base32 characters could be an id): reported when the line names them before the value.
# (kind, family, naming words, value): the value is looked for first (the naming words are the costlier scan).
_NAMED_BEFORE: tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...] = (
    # An Ethereum-style private key: 64 hex digits (0x or not) after "private key" / "clé privée".
    ("hex-private-key", "PRIVATE_KEY", re.compile(r"(?i)private[\s_\-]?key|cl[ée]f?\s+priv[ée]e|privkey"),
     re.compile(r"(?<![\w])(?:0x)?[0-9a-fA-F]{64}(?![\w])")),
    # An Azure DevOps personal access token: 52 lowercase characters, base32 in the older ones, letters and any digit since.
    # A Yandex Cloud static access key's secret: "YC" and 38 characters (gitleaks' yandex-aws-access-token), a key, after "yandex".
    ("yandex-cloud-static-key", "API_KEY", re.compile(r"(?i)yandex|yc_|(?<![\w\-])yc(?![\w\-])"), re.compile(r"(?<![\w\-])YC[A-Za-z0-9_\-]{38}(?![\w\-])")),
    # A Vault service token of before Vault 1.10: "s." and 24 letters and digits (gitleaks' vault-service-token), after "vault".
    ("hashicorp-vault-legacy-token", "TOKEN", re.compile(r"(?i)vault"),
     re.compile(r"(?<![\w\-.])s\.[A-Za-z0-9]{24}(?![\w\-])")),
    # A Hetzner Cloud API token (Hetzner calls it a token): 64 letters and digits, after "hetzner" or its CLI, "hcloud".
    ("hetzner-cloud-token", "TOKEN", re.compile(r"(?i)hetzner|hcloud"), re.compile(r"(?<![\w\-])[A-Za-z0-9]{64}(?![\w\-])")),
    ("azure-devops-pat", "TOKEN", re.compile(r"(?i)azure\s*devops|(?<![\w\-])(?:ado|pats?)(?![\w\-])|personal\s+access\s+tokens?|dev\.azure\.com|visualstudio\.com"),
     re.compile(r"(?<![\w\-])[a-z0-9]{52}(?![\w\-])")),
)
_NAMED_LINE_REACH = 160  # how far before the value, on its line, the naming words may be


def _named_before(text: str) -> list[SecretCandidate]:
    out = []
    for kind, family, naming, pattern in _NAMED_BEFORE:
        for m in pattern.finditer(text):
            value = m.group(0)
            line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - _NAMED_LINE_REACH)
            named = naming.search(text, line_start, m.start())
            if named is None or entropy(value) < 3.0:
                continue
            if kind == "hex-private-key" and IDENTIFIER_WORDS.search(text, named.end(), m.start()):
                continue  # hex is also a digest's shape: "private key fingerprint (SHA256): <hex>"
            if kind == "azure-devops-pat" and not (any(c.isdigit() for c in value) and re.search(r"[g-z]", value)):
                continue  # hexadecimal (a digest) or a word run, not base32 noise
            if kind == "hetzner-cloud-token" and not (any(c.isdigit() for c in value) and any(c.isupper() for c in value) and any(c.islower() for c in value)):
                continue  # hexadecimal or one case: a digest, a server's id, not Hetzner's mixed-case token
            if kind == "hashicorp-vault-legacy-token" and not (any(c.isdigit() for c in value) and class_switches(value[2:]) >= 0.3):
                continue  # "s." and a word or a name (a Vault policy's, a mount's), not a random token
            out.append(SecretCandidate(m.start(), m.end(), family, kind))
    return out


# Tokens made of random parts joined by dots: Airtable's "pat<14>.<64 hex>", Zoho's "1000.<hex>.<hex>",
# Harness's "pat.<id>.<id>.<secret>", and vendors no shape names. Two parts or more of 12+ characters
# are random-looking (mixed classes, 3+ bits per character), so host names
# ("ip-10-0-1-23.eu-west-3.compute.internal", "d1a2b3c4e5f6g7.cloudfront.net"), module paths and
# version strings are not read so.
_DOTTED = re.compile(r"(?<![\w\-./+@:])(?P<token>[A-Za-z0-9_\-]{1,200}(?:\.[A-Za-z0-9_\-]{1,200}){1,4})(?![\w\-@]|\.\w)")
_DOTTED_RUN = re.compile(r"[\w\-]{12}\.")


def _random_part(part: str) -> bool:
    mixed = sum((any(c.islower() for c in part), any(c.isupper() for c in part), any(c.isdigit() for c in part))) >= 2
    return len(part) >= 12 and mixed and entropy(part) >= 3.0


def _dotted_tokens(text: str) -> list[SecretCandidate]:
    if _DOTTED_RUN.search(text) is None:
        return []
    out = []
    for m in _DOTTED.finditer(text):
        token = m.group("token")
        parts = token.split(".")
        if len(token) < 40 or sum(map(_random_part, parts)) < 2 or not looks_random(token.replace(".", "")):
            continue
        line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 40)
        if IDENTIFIER_WORDS.search(text, line_start, m.start()):
            continue  # "build 20261202a1b2c3.d4e5f6...", "request id ...": an identifier
        out.append(SecretCandidate(m.start(), m.end(), "TOKEN", "dotted-random-token", score=0.85))
    return out


# A private key's base64 body pasted without its PEM lines: DER opens "MI" (long form) or "MH"/"MC"
# (short), an OpenSSH key with its magic "openssh-key-v1" (base64 "b3BlbnNzaC1rZXktdjE").
# (a body cut into lines runs on as long as its lines are base64)
_OPENSSH_MAGIC = "b3BlbnNzaC1rZXktdjE"
_HEADLESS_KEY = re.compile(
    r"(?<![A-Za-z0-9+/])(?:M[IHC]|" + _OPENSSH_MAGIC + r")[A-Za-z0-9+/]{58,20000}={0,2}(?:\r?\n[A-Za-z0-9+/]{16,200}={0,2}){0,400}(?![A-Za-z0-9+/=])"
)


def _headless_private_keys(text: str) -> list[SecretCandidate]:
    if "MI" not in text and "MH" not in text and "MC" not in text and _OPENSSH_MAGIC not in text:
        return []
    return [
        SecretCandidate(m.start(), m.end(), "PRIVATE_KEY", "headless-private-key")
        for m in _HEADLESS_KEY.finditer(text)
        if m.group(0).startswith(_OPENSSH_MAGIC) or is_der_private_key(m.group(0))
    ]


# Capability links: whoever holds the link acts (posts into a tool, deploys, reads a private feed),
# so the whole link is the secret. A link that triggers a hook (its host, its path or the name it is
# given says "hook": "https://hook.<region>.<tool>/<id>", ".../webhooks/incoming/<id>",
# "DEPLOY_HOOK_URL: https://.../deploy/<id>") holding a generated segment, or any link whose segment
# says it is private or secret ("/ical/private-<hex>/basic.ics"). Segments of words or numbers are pages.
_LINK_SEGMENT = re.compile(r"[A-Za-z0-9_\-]{20,}")
_PRIVATE_SEGMENT = re.compile(r"(?i)(?<![a-z])(?:private|priv[ée]e?|secret)[_\-]([A-Za-z0-9]{16,})")
_HOOK_NAME_REACH = 40  # how far before the link the name it is given ("DEPLOY_HOOK_URL:") may be


def _capability_links(text: str) -> list[SecretCandidate]:
    if not any(word in text for word in ("hook", "Hook", "HOOK", "rivate", "ecret", "rivée")):
        return []
    out = []
    for start, end in _links(text):
        path = text[start:end].split("://", 1)[1].split("?", 1)[0]
        named_hook = "hook" in path.lower() or "hook" in text[max(0, start - _HOOK_NAME_REACH) : start].lower()
        if named_hook and any(looks_generated(segment) for segment in _LINK_SEGMENT.findall(path.partition("/")[2])) \
                or any(looks_generated(s) for s in _PRIVATE_SEGMENT.findall(path)):
            out.append(SecretCandidate(start, end, "TOKEN", "capability-link", score=0.9))
    return out


def find_tokens(text: str, runs: list[str] | None = None) -> list[SecretCandidate]:
    """Every provider credential in `text`, each span the token itself (overlaps are left to
    `resolve`), its family the format's (`secret_family`'s rule 1). A shape runs only when its hint
    occurs: most posts run none. `runs`: the post's `long_runs`, when the caller has them."""
    return [_with_family(text, c) for c in _find_tokens(text, runs)]


def _with_family(text: str, candidate: SecretCandidate) -> SecretCandidate:
    family = secret_family(text[candidate.start : candidate.end], shape=candidate.family)
    return candidate if family == candidate.family else replace(candidate, family=family)


def _find_tokens(text: str, runs: list[str] | None) -> list[SecretCandidate]:
    out = _private_keys(text)  # (a PEM header holds spaces: the only finder that needs no long run)
    # Every other match is, or lies in, one run of 15+ non-space characters: the hints are
    # looked for in those runs only (most posts have a few, or none), then each shape in the post.
    runs = long_runs(text) if runs is None else runs
    if not runs:
        return out
    longest = max(map(len, runs))
    if longest >= 20:  # links, prefixed tokens and key bodies: 20 characters at least (most runs are hashtags, compounds)
        out += _base64_private_keys(text) + _signed_links(text) + _prefixed_tokens(text)
        out += _chat_webhooks(text) + _headless_private_keys(text) + _capability_links(text)
    if longest >= 51:
        out += _wif_keys(text)  # 51 or 52 base58 characters
    if longest >= 40:
        out += _named_before(text)  # 64 hex digits, 52 lowercase characters, "YC" and 38
    if longest >= 40 and any(len(run) >= 40 and "." in run for run in runs):
        out += _dotted_tokens(text)  # 40+ characters with a dot
    joined = " ".join(runs)
    if _ANY_HINT.search(joined) is None:
        return out  # most posts: one scan instead of one per shape
    for shape, hint, pattern in _COMPILED:
        if hint.search(text) is None:
            continue
        group = "secret" if "secret" in pattern.groupindex else 0  # a shape may name the secret inside its context
        for m in pattern.finditer(text):
            value = m.group(group)
            if shape.family != "PRIVATE_KEY" and (entropy(value) < shape.min_entropy or is_placeholder(value)):
                continue
            if is_documented_sample(value, text, m.start(group)):
                continue
            out.append(SecretCandidate(m.start(group), m.end(group), shape.family, shape.kind))
    return out


def _private_keys(text: str) -> list[SecretCandidate]:
    out = []
    position = 0
    while (begin := _KEY_BEGIN.search(text, position)) is not None:
        end_marker = _KEY_END.search(text, begin.end(), begin.end() + MAX_KEY_CHARS)
        end = end_marker.end() if end_marker else _KEY_BODY.match(text, begin.end()).end()  # type: ignore[union-attr]
        end = begin.start() + len(text[begin.start() : end].rstrip(" \t\r\n\\,\"'"))
        body = _KEY_END.sub("", text[begin.end() : end])
        if sum(c.isalnum() for c in body) >= 16:  # a header alone ("the file starts with -----BEGIN...") is no key
            out.append(SecretCandidate(begin.start(), end, "PRIVATE_KEY", "private-key"))
        position = max(end, begin.end())
    if "-----END" in text:
        out += _key_tails(text, out)
    return out


_BASE64_KEY_LINE = re.compile(r"[A-Za-z0-9+/=]{16,200}")
_MAX_TAIL_LINES = 400


def _key_tails(text: str, keys: list[SecretCandidate]) -> list[SecretCandidate]:
    """The end of a private key pasted without its beginning: the base64 lines right above an END line
    that no BEGIN opened ("... la fin de la clé :\n<base64>\n<base64>\n-----END RSA PRIVATE KEY-----").
    Each line is read once: a walk up stops at the first line that is not base64."""
    out = []
    closed = {k.end for k in keys}  # the END lines of the keys read from their BEGIN
    for m in _KEY_END.finditer(text):
        if m.end() in closed:
            continue
        start, cursor = m.start(), text.rfind("\n", 0, m.start()) + 1
        if text[cursor : m.start()].strip():
            continue  # the END marker quoted inside a sentence
        for _ in range(_MAX_TAIL_LINES):
            if cursor == 0:
                break
            line_start = text.rfind("\n", 0, cursor - 1) + 1
            line = text[line_start : cursor - 1]
            if not _BASE64_KEY_LINE.fullmatch(line.strip()):
                break
            start, cursor = line_start + len(line) - len(line.lstrip()), line_start
        if start < m.start():
            out.append(SecretCandidate(start, m.end(), "PRIVATE_KEY", "private-key-tail"))
    return out


# A Bitcoin private key in wallet import format: base58, 51 characters ("5...", "9...") or 52 compressed
# ("K...", "L...", "c..."); its checksum (double SHA-256) tells it from any other base58 run.
_WIF = re.compile(r"(?<![\w\-./+])[59KLc][1-9A-HJ-NP-Za-km-z]{50,51}(?![\w\-])")
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _wif_keys(text: str) -> list[SecretCandidate]:
    return [SecretCandidate(m.start(), m.end(), "PRIVATE_KEY", "wif-private-key") for m in _WIF.finditer(text) if _is_wif(m.group(0))]


def _is_wif(value: str) -> bool:
    import hashlib

    number = 0
    for c in value:
        number = number * 58 + _BASE58.index(c)
    raw = number.to_bytes(38, "big").lstrip(b"\0")
    payload, checksum = raw[:-4], raw[-4:]
    if len(payload) not in (33, 34) or payload[0] not in (0x80, 0xEF) or len(payload) == 34 and payload[-1] != 0x01:
        return False
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == checksum

"""Precision / recall per family: the secret rules of the default charter vs detect-secrets.

    .venv/bin/python bench/eval_secrets.py [--per-split] [--rules-only] [--split report|dev|fresh|holdout|holdout2|...|holdoutN|all] [--no-baseline] [--ordinary] [--show-errors]

Data: bench/data/secrets_posts.jsonl, synthetic posts written for this evaluation
(French and English; secrets in prose, config, URLs, pasted keys; about as many
harmless look-alikes: security advice, password rules, promo codes, order numbers,
commit ids and changelog hashes, UUIDs, public documentation links, version
numbers, public and loopback addresses). Each row says its split: `dev` posts were
used while writing the detectors, `report` posts were written afterwards and are
the numbers to quote. `holdout4` (185 posts, written 2026-12-01 before the
detector code was read: vendors from gitleaks' public rule list not covered
before, prose credentials, config pastes, internal links) was run once blind,
then kept out of tuning. `holdout5` (127 posts: other vendors, wordings and look-alikes)
was written the same evening after the fixes and run once.
`holdout6` (181 posts, 95 with a secret / 102 gold spans, 86 harmless look-alikes;
fr 90, en 91; written 2026-12-01 before the detector code was read: vendors from gitleaks'
list not covered before, wifi keys said without "password" (PSK, clé WPA, WIFI: QR
strings), signed storage links (S3/GCS presigned, Azure SAS), storage connection strings,
workspace links (Slack, Notion, Linear, Miro, Figma, Google Docs/Drive, Teams, Asana,
monday), cloud consoles, command-line credentials) was run once blind, first run:
  per family P/R: API_KEY 0.750/0.562, TOKEN 0.731/0.950, PASSWORD 1.000/0.696,
  PRIVATE_KEY 1.000/1.000, CONNECTION_STRING 0.857/1.000, INTERNAL_URL 0.722/0.650,
  INTERNAL_HOST 1.000/0.778, FILE_PATH 1.000/0.800; ALL 0.828/0.755 (exact span 0.90);
  credentials family-blind 0.922/0.868; posts flagged 81/95, harmless flagged 2/86;
  detect-secrets credentials 0.750/0.353.
After the fixes it led to (general mechanisms, tested on examples of their own): ALL 0.951/0.961,
credentials 1.000/1.000, posts flagged 95/95, harmless 0/86; what remains is label conventions
(Shippo's and Duffel's "tokens" labelled API_KEY; broker and JDBC links on a private IP labelled
INTERNAL_HOST where the older splits say INTERNAL_URL; an internal git URL left unlabelled).
`holdout7` (216 posts, 108 with a secret / 125 gold spans, 108 harmless look-alikes; fr 108,
en 108) was written 2026-12-01 by a tester who read neither the code nor the rules (vendors
missing from the earlier splits, social-network tokens, Wi-Fi keys and prose passwords,
signed cloud links, Windows server names, macOS volumes, kubeconfig/WireGuard keys), and run
once on the code of holdout6's fixes: per family P/R API_KEY 0.714/0.625, TOKEN 0.844/0.818,
PASSWORD 0.812/0.650, PRIVATE_KEY 0.750/0.600, CONNECTION_STRING 1.000/0.857, INTERNAL_URL
0.938/1.000, INTERNAL_HOST 0.909/0.833, FILE_PATH 1.000/0.889; ALL 0.851/0.776 (exact span
0.93); credentials family-blind 0.924/0.820; posts flagged 95/108, harmless flagged 4/108;
detect-secrets credentials 0.700/0.157.
After the fixes it led to (general mechanisms, tested on examples of their own): ALL 0.967/0.936,
credentials family-blind 1.000/0.955, posts flagged 106/108, harmless 0/108; the earlier 878 posts
unchanged (0.983/0.989, harmless 2/436). What remains is label conventions the splits disagree on
(PyPI: TOKEN in holdout6, API_KEY here; Notion's secret_/ntn_ "integration secret": TOKEN in holdout4,
API_KEY here; Shippo, which calls it a token; an AWS key id inside a presigned link, reported whole
as in holdout6; Yandex's AQVN key called « jeton »; Mailjet's public key) and physical codes said
as "5 8 1 3" or "s'ouvre avec 0-4-9-2", left alone (see the README).
`holdout9` (158 posts, 78 with a secret / 78 gold spans, 80 harmless look-alikes; fr 78, en 80)
was written 2026-12-02 before the detector code was read (vendors from gitleaks' list absent from
the earlier splits: Sourcegraph, ReadMe, SettleMint, Scalingo, Frame.io, Adobe, Airtable, Harness,
GitLab agent/CI-job tokens, Defined Networking, Octopus, Clojars, Intra42, Mailchimp, Fly.io
macaroons, DigitalOcean refresh, Cohere, Anthropic admin, Azure DevOps; credentials on command
lines (-p, -a, -u, -e, PGPASSWORD), Basic/Bearer/X-Auth-Token headers, client secrets, Django and
session secrets, OpenSSH/encrypted PKCS#8 blocks, prose passwords and Wi-Fi keys without a colon;
look-alikes: placeholders, ${VAR}/{{ var }} references, public defaults, checksums, digests, pinned
commits, public SSH/PGP keys, publishable keys, ULIDs, tracking and invoice numbers) and run once:
  per family P/R: API_KEY 0.909/0.769, TOKEN 0.900/0.947, PASSWORD 0.812/0.765, PRIVATE_KEY
  1.000/0.750, CONNECTION_STRING 1.000/0.833, INTERNAL_URL 1.000/1.000, INTERNAL_HOST 1.000/1.000,
  FILE_PATH 1.000/1.000; ALL 0.919/0.872 (exact span 0.97); credentials family-blind 0.964/0.898;
  posts flagged 72/78, harmless flagged 2/80 ("admin / admin" as a public default, a SIM card's
  default PIN 0000); detect-secrets credentials 0.812/0.220.
After the fixes it led to (general mechanisms, each tested on examples of its own, then probed
on ~90 further posts of other tools and wordings written for the purpose, not kept in the data):
ALL 0.987/0.987, credentials family-blind 1.000/1.000, posts flagged 78/78, harmless 0/80; the
other 1,094 posts unchanged or better (all splits 0.981/0.979, harmless 2/624; ordinary posts
0 flagged of 27,270). What remains is one label: a Twilio "auth token" labelled API_KEY here,
reported TOKEN (Twilio's own word).

The learned reading of values handed over by their context (secrets/presented.py, `learned: true`
on the default charter's secret.credentials at learned_threshold 0.96; 2026-12-02), `--per-split`
rules alone -> with it: every split unchanged (all splits credentials family-blind 0.995/0.990);
at the model's own cross-validated threshold (0.9244) holdout12 gains a password (credentials
family-blind 1.000/0.973 -> 1.000/0.986) and no split loses precision, but a test case of advice
quoting an example password is read as a secret, hence the charter's 0.96. --ordinary: tweeteval
2/25,240 (1 before). `--rules-only` measures the rules without it.

charterguard: the `secrets` rules of the default charter (secret.credentials and
secret.internal_links) with a company whose `internal_domains` are acme.intra and
corp.acme-group.fr, run through the Checker (so conditions, allow lists and
exceptions apply); findings are read before overlapping findings of different
rules are merged. A prediction is right when it has the gold family and overlaps
a gold span not matched yet; "exact" counts the matches whose span is exactly the
gold text. Post level: a post is flagged when any secret finding is reported.

detect-secrets (Yelp, 1.5, every default plugin and filter, no verification,
each post scanned as a file, as in a repository): its findings carry a value, not a family we can compare, so it
is scored on the credential families only, family-blind (any credential finding
overlapping a gold credential counts).
`holdout8` (204 posts, 101 with a secret / 121 gold spans, 103 harmless look-alikes; fr 102,
en 102) was written 2026-12-02 by a tester who read neither the code nor the rules (26 vendors
absent from the earlier splits, JWK/WIF/nsec private keys, prose and SMS-style passwords, tool
command lines, public emulator keys and placeholders as look-alikes). Run once on the code of
that morning (97dff69): ALL 0.852/0.810; and once on the code of holdout9's fixes: per family
P/R API_KEY 0.812/0.619, TOKEN 0.812/0.684, PASSWORD 0.875/0.955, PRIVATE_KEY 1.000/0.600,
CONNECTION_STRING 0.818/0.900, INTERNAL_URL 0.905/0.950, INTERNAL_HOST 0.857/0.857, FILE_PATH
1.000/1.000; ALL 0.870/0.826 (exact span 0.94); credentials family-blind 0.957/0.870; posts
flagged 92/101, harmless flagged 4/103; detect-secrets credentials 0.524/0.143. That run also
found a value whose shape check backtracked for minutes (fixed in secrets/shape.py). Then used as a
development set for the generic key finder (secrets/generic.py) and what came with it: ALL 0.885/0.893,
credentials family-blind 0.961/0.961, posts flagged 99/101, harmless 4/103 (the Azure storage and Cosmos
emulators' published keys, a Docker host alias, a French word after "serveur"); what remains is family
conventions (a Grafana "API key" labelled TOKEN, a LaunchDarkly "token" labelled API_KEY...), an htpasswd hash
labelled PASSWORD, a 14-character access id.
`holdout11` (133 posts, 65 with a secret / 65 gold spans, 68 harmless look-alikes; fr 66, en 67) was written
2026-12-02 by the engineer of the generic key finder before reading any detector code or rule (only this
file's rows, to learn the format and avoid their vendors and wordings): 32 of the 65 secrets carry no vendor
prefix (a bare random value known by its context or shape: JSON/YAML/.env/INI/XML fields, CLI flags, headers,
query strings, a TOTP seed, HMAC and encryption keys, prose "la clé ..."), 6 private keys cut mid-way or pasted
without their PEM lines, 12 prefixes of vendors absent from the other splits; look-alikes: commit ids,
changelog hashes, checksums, npm integrity, Git LFS oids, Docker digests, YouTube/Spotify ids, DOIs, ISBNs,
tracking, order and invoice numbers, data URIs, public SSH keys, ETags, IPFS CIDs, documentation addresses,
password rules and placeholders. First run (code of 4ab6c4c): per family P/R API_KEY 0.821/0.793, TOKEN
0.857/0.800, PASSWORD 1.000/0.714, PRIVATE_KEY 1.000/0.625, CONNECTION_STRING, INTERNAL_URL, INTERNAL_HOST,
FILE_PATH 1.000/1.000; ALL 0.879/0.785 (exact span 1.00); credentials family-blind 1.000/0.887; posts flagged
58/65, harmless flagged 0/68; detect-secrets credentials 0.649/0.387 (harmless flagged 7/71).
After the generic finder (then tuned on it): ALL 0.938/0.923, credentials family-blind 1.000/0.984, posts
flagged 64/65, harmless 0/68; left: a keypad code "7C4-19B-D2" and family labels (a webhook secret labelled
TOKEN, encryption keys labelled PRIVATE_KEY, reported API_KEY).
`holdout10` (215 posts, 106 with a secret / 137 gold spans, 109 harmless look-alikes; fr 107, en 108)
was written 2026-12-02 by a tester who read no product code or rule (vendors absent from the other
splits: PostHog, Telegram bots, Tencent, GitLab feed tokens, OpenAI service accounts, Docker
organisation tokens, Azure DevOps, kubeadm join tokens, DeepL, OVH, Mailjet, Vonage, Zabbix; many
keys without prefix in JSON/YAML fields, CLI flags and headers; BitLocker recovery keys, a TOTP seed,
a wallet recovery phrase, passwords in prose and SMS style, private IPv6 and Tailscale addresses, NFS
exports). Run once on main (4ab6c4c): ALL 0.908/0.788 (API_KEY R 0.524, TOKEN 0.762, PASSWORD 0.742,
PRIVATE_KEY 0.625), posts flagged 91/106, harmless 3/109; and once on the code of that day's session
(generic key finder merged), its honest number: ALL 0.919/0.832 (API_KEY 0.833/0.714, TOKEN
0.895/0.810, PASSWORD 0.885/0.742, PRIVATE_KEY 1.000/0.750, CONNECTION_STRING 1.000/0.889,
INTERNAL_URL 0.952/1.000, INTERNAL_HOST 0.947/0.947, FILE_PATH 1.000/0.875); credentials
family-blind 0.974/0.833; posts flagged 96/106, harmless 3/109; detect-secrets credentials 0.298 (post level).
Then the development set, with holdout11 and holdout8, of the session on wordings and structures (issue 16): its
misses and false alarms grouped by mechanism (prose fillers and late answers, secrets no credential word announces,
keys right after their name or behind a command-line option, Oracle connect descriptors, families named by the
value's surroundings, called samples, a router's usual address), each fixed as a general mechanism and tested on
examples of its own: holdout10 0.993/0.985 (credentials family-blind 1.000/0.978, harmless 0/109), holdout11
0.969/0.969 (1.000/1.000), holdout8 0.925/0.917 (0.987/0.974, harmless 0/103), all 0.975/0.974 (harmless 2/904).
What remains there is family conventions (a Mailjet "public" API key, webhook secrets labelled TOKEN, Twilio's auth
token labelled API_KEY, links on a private IP labelled INTERNAL_HOST) and a public default (root/calvin).
`holdout12` (164 posts, 82 with a secret / 107 gold spans, 82 harmless look-alikes; fr 82, en 82) was written
blind on 2026-12-02 by a fourth tester (who read no product code; vendors and wordings new to this file: Adafruit,
Langfuse, Azure DevOps PATs, PagerDuty, WireGuard, Brevo, backup codes, recovery keys, seed phrases, lock codes,
JDBC/ODBC/MQTT strings). Run once on main (024b414): ALL 0.853/0.757 (credentials family-blind 0.949/0.767; posts
flagged 70/82, harmless 2/82); once on the merged code of that session's wordings and structures, the honest
number: ALL 0.869/0.804 (API_KEY 0.875/0.824, TOKEN 0.875/0.737, PASSWORD 0.941/0.593, PRIVATE_KEY 1.000/1.000,
CONNECTION_STRING 0.625/1.000, INTERNAL_URL 0.875/1.000, INTERNAL_HOST 0.857/1.000, FILE_PATH 0.857/0.750);
credentials family-blind 0.968/0.822; posts flagged 73/82, harmless 1/82. Its misses: backup and recovery codes
listed without a credential word, a Wi-Fi key said "la clé c'est", a password given for a community string,
TOKEN/API_KEY family conventions, an fstab share and a runbook path; now a development set.
Its misses and false alarms grouped by general reason (the session of issue 16 that followed): credentials presented by a
noun the finders did not know or in a structure they did not read (lists of backup codes, a recovery key later in its
sentence, a French passphrase, an SNMP community, "la clé c'est X" after a network: 10 spans), family decisions (a token
in a URL's user part, a JWT with an opaque payload, a token whose complement named an identifier: 5), shares and paths
as Unix tools write them (an fstab share, a mount point, a runbook under /opt: 3), spans (mount options, a recovery
phrase's full stop, a JDBC prefix: 3), a next line's field name read as a pair's password, a router's address said of
every router. Fixed as general mechanisms (values presented to type or use whatever noun names them, lists of codes of
one shape, a chosen password handed over for logging in, settings given by a call, the family rule written down in
`charterguard.secrets`), each specified in tests/test_secrets_presented_values.py on examples of its own and probed on
~150 further posts written for the purpose (not kept): holdout12 0.879/0.798 -> 0.954/0.954 (credentials family-blind
0.984/0.824 -> 1.000/0.973, harmless 1/82 -> 0/82), every other split unchanged, all 0.966/0.957 -> 0.973/0.972. Row 7036
now labels the second copy of its token and link (`git remote -v` prints both lines). What remains there is family
conventions (a partner's "-Auth" header and an "App-Token" labelled API_KEY, an OVH consumer key labelled TOKEN), an Azure
DevOps organisation's root link, a mirror's host on its own line left unlabelled, a Bundler credential variable named
after its host, and a password given after « je ne vous donne pas mon mdp… bon allez si : ».
`holdout13` (192 posts, 93 with a secret / 114 gold spans, 99 harmless look-alikes; fr 96, en 96) was written blind
on 2026-12-02 by a fifth tester (who read no product code; vendors new to this file: Razorpay, ngrok, W&B, Rollbar,
AssemblyAI, Auth0, the 1Password Secret Key, Qonto, Backblaze B2, Hetzner, Cloudflare tunnels...; keys with no prefix
in bot configs, CLI flags, custom headers, a French YAML field, Markdown tables, Kubernetes and Docker base64). Run
once on main (714df90): ALL 0.833/0.789 (API_KEY 0.789/0.625, TOKEN 0.750/0.882, PASSWORD 0.864/0.679, INTERNAL_URL
0.667/1.000, INTERNAL_HOST 0.929/0.765; credentials family-blind 0.959/0.864; posts flagged 86/93, harmless 3/99);
once on the merged code of the round above, the honest number: **the same, to every error line** — the round's
mechanisms, fitted on holdout12's wordings, touched no holdout13 case. Half its span errors are family conventions
(a vendor's "access token" or "Secret Key" labelled API_KEY or PASSWORD where the family rule says TOKEN or API_KEY;
a database URL's host labelled INTERNAL_HOST where the rule reads the whole link as INTERNAL_URL); the misses are
passwords in SMS French ("le code wifi du showroom c X"), lower-case passwords after "pass", a KeePass passphrase
of dashed words, a Miro access code, a Markdown table's password column, an LDAP bindpw, vendor keys with no
credential word (wandb login X, Razorpay key_...). Now a development set.
The round it led to (s10-secrets11) fixed mechanisms, not rows, each specified on wordings of its own
(tests/test_secrets_connectors.py): "c" for "c'est" with no colon (and in a login/pass pair); "pass" + a lower-case
word and a number; password options said as names (bindpw, rootpw); a word saying whose password before the value;
« phrase secrète »; a generated code giving access to a board or a meeting; `<tool> [auth] login <key>`; the cells
under a Markdown table's password/key/token column; environment-marked vendor prefixes (`xyz_live_`, 14+ random
characters); camel-case config names (applicationKey X); a vendor's "access key" read as an API key, not a door's
key; and two false alarms (a path after "compte ... dans" read as a user/password pair; a JWT header alone, a base64
JSON object naming no credential). Six holdout13 labels were changed to the file's convention, each plainly held by
the earlier splits: a credentialed link on an internal host is INTERNAL_URL, whole (26 of the 28 such links before):
ids 8021, 8023, 8057; a value named "...token" in config is TOKEN (59 of 62 before): 8009, 8082; a docker
config.json "auth" is TOKEN (holdout4 422, holdout10 6021): 8047. holdout13 ALL 0.833/0.789 -> 0.871/0.886 on the
original labels, 0.922/0.939 after the relabelling; credentials family-blind 0.959/0.864 -> 0.988/0.988; posts
flagged 86/93 -> 93/93, harmless 3/99 -> 2/99; every other split unchanged (all splits 0.960/0.955 -> 0.963/0.964 on
the original labels, 0.968/0.969 after). What remains is family conventions (an Authorization header with no scheme, a
Qonto login:secret pair, a cloudflared tunnel token, SONAR_LOGIN, the 1Password Secret Key), a B2 keyID (an
identifier), a keystore password given twice, `test.local` in docs and a truncated public Teams link.
The round on family conventions (s11-family) read the ten blind splits with their testers' labels as first committed
(git history: only the six holdout13 labels above had been changed since) and tabulated, for every gold span found, our
family against the tester's by context (the naming word, config name, header, option, a link's user or host part,
no word, the value's shape): 965 of 1,001 found spans agreed (holdout4 1.000 ... holdout13 0.894). The convention was
then decided context by context by majority across testers and checked leave-one-split-out (each split's labels
against the other splits' majority): a base64 JSON value (eyJ...) is a TOKEN whatever word names it (5 of 5, five
splits; held out 5/5); a vendor's key marked with its environment (xyz_live_, live_) an API_KEY whatever the vendor
or the name says (8 of 8, five splits; 8/8); a generated value of 32+ characters as the password of a link or of
basic credentials (curl -u user:X) a TOKEN (3 of 3, two splits); a link with credentials to an internal host is
INTERNAL_URL whole beside its password (22 of 29 links, five splits of eight; held out 22/29: holdout5, holdout6
and three of holdout13's four links label the host[:port] INTERNAL_HOST instead, so the testers disagree here and
the majority is kept); a link on a private IP INTERNAL_URL (8 of 9; 8/9). No row was restored: each of the six
holdout13 relabellings goes with the testers' majority (links above; a config name "...token" TOKEN in 35 of 37
labels; a docker "auth" TOKEN in holdout4 and holdout10). The rule is now one function every finder calls
(charterguard.secrets.family.secret_family), written down in charterguard.secrets. Agreement with the original
labels 965 -> 971 of 1,001; span ALL on the original labels: holdout6 0.951/0.961 -> 0.971/0.980, holdout7
0.967/0.952 -> 0.976/0.960, holdout8 0.925/0.917 -> 0.942/0.934, holdout13 0.871/0.886 -> 0.879/0.895, all blind
0.954/0.956 -> 0.959/0.962; every other split unchanged, family-blind unchanged, harmless unchanged. What remains is
labels the testers disagree on among themselves (PyPI, Notion's secret_, an AWS key id inside a signed link, the
host of a database link) or that one tester alone gave (an Authorization header with no scheme or "Token" labelled
API_KEY where 10 other Authorization values are TOKEN; OVH's consumer key TOKEN in two splits, API_KEY in a third;
a Twilio auth token, the 1Password Secret Key, SONAR_LOGIN, a vendor's name overriding the word before it).

`holdout14` (178 posts, 88 with a secret / 96 gold spans, 90 harmless look-alikes; fr 89, en 89) was written blind
on 2026-12-02 (session 11) by a sixth tester who read no product code, rules or training data, and run once on
main (bee058f) before this session's changes: ALL P 0.945 / R 0.896, credentials family-blind 0.985 / 0.930, posts
flagged 84/88, harmless 1/90 (detect-secrets credentials 0.731 / 0.268). Once on the merged code (the family rule,
the learned reading), the honest number: ALL **0.935 / 0.906**, credentials family-blind **0.971 / 0.944**, posts
84/88, harmless 1/90. The learned reading found one password no rule read (a NuGet config's ClearTextPassword
value) and reported the attribute's name beside it (no value joining words in camel case is a candidate since);
the family round changed no holdout14 line. Misses: two vendor prefixes outside the catalogue (HubSpot's
pat-eu1-, Beamer's b_), a base64 password in a Helm chart, an alarm code given with no code word ("boîtier
d'alarme : 7319"), a sqlplus host; families: a GitLab OAuth secret, a curl bearer value, an Alertmanager key and a
webhook secret named otherwise by the tester; the false alarm is Stripe's documented test key. Now a development set.
Then the catalogue was completed from gitleaks' rules as a whole (every rule whose secret has a shape of its own:
20 shapes added and two widened (GitLab glffct- and routable, Sourcegraph sgp_ + 40 hex), among them HubSpot's pat-<region>-<uuid>, Beamer's b_, GitLab's gloas- as a client secret):
holdout14 ALL 0.946/0.906 -> **0.957/0.938**, credentials family-blind 0.985/0.944 -> **0.986/0.972** (with the
learned reading); no other split moved; 0 new false alarms on ordinary posts.
`holdout15` (160 posts, 78 with a secret / 98 gold spans, 82 harmless look-alikes; fr 80, en 80) was written blind
on 2026-12-02 (session 12) by a seventh tester who read no product code, rules or training data, and run once on
main (dd062dd): ALL P 0.879 / R 0.888, credentials family-blind 0.971 / 0.944, posts flagged 76/78, harmless 4/82
(detect-secrets credentials 0.519 / 0.197). Once on the merged code of round s12 (encoded values, device codes,
command hosts, documented samples, one credential vocabulary), the honest number: **the same, to every error**
(none of the round's classes occurs in it). Its errors: families named otherwise (a Plivo auth token, a PagerDuty
key, a Hetzner token, a docker login password, all found), an Oracle pre-authenticated link, a bot token far after
its word, a 20-character access id; false alarms: two version numbers shaped like private addresses, a path
template (C:\\Users\\<vous>), a "to fill" placeholder. After the lead's fixes for those three classes (an address
in a sentence about versions, a path holding a placeholder, "a_remplir"/"to_be_defined"), as a development set:
ALL 0.916 / 0.888, family-blind 0.985 / 0.944, harmless 0/82; no other split moved. Now a development set.
Round s13 (issue 16's remaining classes: key pairs' identifying halves, other vendors' pre-authenticated and signed
links, a value far after its word, the phrase's head word naming the value, a login's -u/-p as basic credentials,
documents encoded whole, elided tool links, negated public words, Bundler's gem source credentials), as development
figures (`--per-split`, with the learned reading): holdout15 0.916/0.888 -> 0.949/0.949 (family-blind 0.985/0.944 ->
1.000/1.000), holdout13 0.931/0.947 -> 0.940/0.956, holdout12 0.954/0.954 -> 0.955/0.963, holdout8 0.942/0.934 ->
0.943/0.950, all 0.967/0.967 -> 0.970/0.975 (harmless 4 -> 3 of 1,257); no other split moved, --ordinary unchanged.
Round s14 (2026-12-03; holdout15 and holdout16 kept unseen while building, measured before and after only):
mechanisms for holdout16's classes of misses, each tested on wordings of its own (tests/test_secrets_named_codes_and_
halves.py): codes named by what they open with no connector, a vendor's secret half beside its identifier, the key id
a signed link names, company programs under /opt, the commonest passwords said to be someone's own, comparisons
("basically a password"), the docs' names (test.local) and samples ("the docs show"); one list of public-identifier
words (vocabulary.PUBLIC_IDENTIFIER_WORDS). The family convention is written in the README ("which family when") and 31
labels of the development splits were changed to it (none of holdout15/16): families by the vendor's or the post's
word (holdout7 2002 PyPI TOKEN, 2073 Yandex AQVN API_KEY; holdout4 406 Notion integration secret API_KEY; holdout9
3076, holdout8 4012 4020 4021, holdout12 7016 7063, holdout13 8011 8040, holdout14 9008 TOKEN; holdout8 4002,
holdout12 7042 OVH consumer key, holdout13 8014 1Password Secret Key, 8089 SONAR_LOGIN, holdout14 9027 `credentials`
API_KEY), webhook signing secrets API_KEY (holdout11 4207 4334), a link to an internal host INTERNAL_URL whole
whatever its scheme (holdout5 619, holdout6 776 777, holdout8 4066, holdout13 8075: were host[:port] INTERNAL_HOST;
holdout6 774 added), command-line target hosts INTERNAL_HOST (holdout6 763 764 766 added), a signed link's AKIA key
id API_KEY (holdout13 8061 added), the second copy of a repeated password (holdout13 8048), an Azure DevOps
organisation link (holdout12 7006 added). `--split all`: span 0.963/0.965 -> 0.965/0.969 on the original labels,
0.985/0.985 on the relabelled file; harmless flagged 3 -> 0 of 1,339; holdout15 0.949/0.949 unchanged; holdout16
0.856/0.819 -> 0.860/0.851 (credentials family-blind 0.952/0.894 -> 0.952/0.909).
Branch s14-secrets2 (2026-12-03; holdout17 as a development set): its password misses read as mechanisms, tested on
wordings of our own (tests/test_secrets_passphrases_and_spoken_codes.py): a passphrase of hyphen-joined words after a
passphrase word, a wifi's new value after it changed, a device switched on/off with a code, a PIN in groups of digits,
2093 no year. holdout17 0.876/0.924 -> 0.881/0.967 (family-blind 0.983/0.934 -> 0.984/1.000), harmless 0/80;
all (2818) 0.979/0.982 -> 0.979/0.984, harmless 0/1,419; holdout16 0.860/0.851 unchanged.
Branch s15-secrets (2026-12-03; holdout16's remaining errors as classes, tests/test_secrets_changes_and_concessions.py):
a code, PIN, password or wifi said to have changed then its new value in the same or the next sentence ("New one's X",
"changed it to X"); the next code of a typing instruction ("tapez X au portail, puis Y pour appeler l'ascenseur"); a
refusal taken back (« bon allez si : X »); a privileged account's pair said to still open a machine (root/calvin); words
joined by hyphens right after a password word; a password manager's name is no password (1Password); a meeting link with
its passcode on a company's own subdomain INTERNAL_URL; a login command's option naming the family (--token); the password
handed to a call that logs in (PasswordAuthenticator, HTTPBasicAuth, smtp.login); the rest of a login given later in
its sentence (« à savoir X »); a token a log wrapped onto the next line, one secret; a config's next field name or a
snake-case name no pair password. load() now labels the same text twice: the same family is the next occurrence, another
family the same one, "occurrence": n a later one (rows 6020, 7009 and 10473 needed it; the loader alone moved no number).
On the original labels: all 0.979/0.984 -> 0.981/0.990 (INTERNAL_URL 0.940/0.995 -> 0.940/1.000), holdout15 0.949/0.949
-> 0.959/0.959, holdout16 0.860/0.851 -> 0.885/0.904 (family-blind 0.952/0.909 -> 0.970/0.970), holdout17 0.881/0.967 ->
0.890/0.967, harmless 0 everywhere. Labels changed to the written convention ("which family when" in the README), 25 rows:
a credentialed link on an internal host is INTERNAL_URL whole beside its password (holdout16 10168 10212 10254 10284:
were host[:port] INTERNAL_HOST; holdout17 10321 10382 10385 10417 10423 10461: were the link whole CONNECTION_STRING,
now the password CONNECTION_STRING and the link INTERNAL_URL); a connection string's server INTERNAL_HOST (holdout17
10384 10422 added); families by the vendor's or the post's word (holdout16 10205 HubSpot private-app, 10213 Twilio's
auth token beside its SID, holdout17 10406 "auth token", 10431 api_token=, holdout15 10098 "Auth Token": TOKEN; holdout16
10177 APP_KEY, 10276 JWT_SECRET: API_KEY; holdout15 10026 "sesame:" PASSWORD); a key pair's identifying half named in
config (holdout16 10272 private_key_id, added) and the second copy of a repeated path (holdout16 10279, added); rows the
old loader could not label: 6020 (holdout10) the signed link on an internal host INTERNAL_URL too, 7009 (holdout12) the
trusted-host line's host, 10473 (holdout17) the host named after its share (occurrence 2); 4077 (holdout8) the meeting
link's passcode CONNECTION_STRING. After: all 0.998/0.998 (INTERNAL_URL 0.991/1.000), holdout15 0.980/0.980, holdout16
0.990/0.990, holdout17 1.000/1.000 (the code before this branch on the new labels: all 0.995/0.993, holdout16 0.968/0.938).
Branch s15-secrets2 (2026-12-03; holdout18, blind set 12, a development set since; first run on main 34d34b5 0.912/0.922):
its password misses read as mechanisms (tests/test_secrets_described_and_used.py, own wordings): a password described
then given after the description (« puis l'année puis un dièse, donc X »), a password one logs in with ("logging into the
VPN with X", "logged in with user / X"), the pair a login screen asks for (« l'interface web demande admin / X »), a
session's login and password, a code typed on any device of the device list (« boîtier à clés »), an AWS key id of
AKIA/ASIA + 16 capitals or digits. Labels changed to the written convention, 10 rows: a credentialed link on an internal
host, the password CONNECTION_STRING and the link INTERNAL_URL (holdout18 10510 10532 10543 10549 10581 10633: were the
link whole CONNECTION_STRING); a connection string's server INTERNAL_HOST (holdout18 10531 10566 added); a signed link's
access key id API_KEY (holdout6 733, holdout17 10368 added: the old AKIA shape could not read them). Labels of this
morning / after the relabelling, code before -> after: holdout18 0.913/0.933 -> 0.918/1.000; 1.000/0.939 -> 1.000/1.000;
holdout17 1.000/1.000 -> 0.990/1.000; 1.000/0.990 -> 1.000/1.000; holdout16 0.990/0.990 -> 0.990/1.000 (both);
holdout15 0.980/0.980 unchanged; all 0.993/0.995 -> 0.992/0.999; 0.998/0.994 -> 0.998/0.999. Harmless 0 on every split.
Branch s16-secrets (2026-12-03; holdout19, blind set 13, a development set since; first run on main f4fecd8 0.990/0.915):
its misses read as mechanisms (tests/test_secrets_spelled_and_devices.py, own wordings): a password given as words with
how to type them ("the password is X Y Z, all lowercase"; « le mot de passe x-y-z, tout attaché », no connector then),
one's own password announced after passwords were spoken of ("Mine is now '...'"), an example the writer then says is
theirs; printers, print queues and backup targets named by their device word, a numbered machine named in the sentence
that gives a private address or an internal path, a system path whose leaf carries the company's name, a deep system
path whose leaf is a given name in a sentence naming an internal host; a plain pair
("admin / 12345") a login screen asks for or a machine still opens with. Label changed to the written convention, 1 row:
holdout19 10731 (`https://oauth2:glpat-…@gitlab.com/…`, a token user's token: TOKEN, was CONNECTION_STRING). Original
labels / after the relabelling, code before -> after: holdout19 0.990/0.915 -> 0.991/0.991; 1.000/0.925 -> 1.000/1.000
(posts 76/80 -> 80/80); all 0.997/0.994 -> 0.997/0.998; 0.998/0.995 -> 0.998/0.999; holdout15-18 unchanged (0.980/0.980,
0.990/1.000, 1.000/1.000, 1.000/1.000). Harmless 0 on every split; --ordinary unchanged (2 of 25,240 tweets, both before).
Branch s17-secrets (2026-12-03; holdout20, blind set 14, a development set since; first run on main f2e4037 0.968/0.909,
posts 73/80, harmless 2/80): its errors read as mechanisms (tests/test_secrets_notes_spoken_and_coded_hosts.py, own
wordings): what a note to self writes down, a code given as the new one beside a lock or a change, a password read out as
words with its digits as words, a quoted phrase said to open a lock; a template's credential names in capitals and a link
of capitals words, a password famous from a joke quoted as one (false alarms before); a machine whose name carries an
environment's code or a machine's prefix in a sentence saying it is at work; /opt and /srv as roots of company folders.
Label changed to the written convention, 1 row: holdout20 10820 (the curl's `https://api-staging.acme.intra/v2/orders`,
a link on an internal host: INTERNAL_URL, was unlabelled). Original labels / after the relabelling, code before -> after:
holdout20 0.968/0.909 -> 0.990/1.000; 0.978/0.910 -> 1.000/1.000 (posts 80/80, harmless 0/80); all 0.996/0.994 ->
0.997/0.999; 0.997/0.994 -> 0.998/0.999 (harmless 2 -> 0 of 1,659); holdout15-19 unchanged (0.980/0.980, 0.990/1.000,
1.000/1.000, 1.000/1.000, 1.000/1.000). --ordinary unchanged (2 of 25,240 tweets); the secret rules' median per post on
--split all, the code before and after run alternately twice (load 6.7-7.4): 1.425 / 1.257 -> 1.435 / 1.289 ms.
Branch s17-secrets2 (2026-12-03; holdout21, blind set 15, a development set since; first run on main 875b84c 0.968/0.902,
posts 77/80, harmless 1/80): its errors read as mechanisms (tests/test_secrets_removals_digit_codes_and_paths_on_machines.py,
own wordings): a live key asked out of the docs ("please remove X from the README") is no docs' sample; Oracle's `Data
Source=host:port/service;` a connection string's server; an aside in parentheses names no secret (« Secret HMAC (… pas dans
le code) : X » API_KEY); a code read out as digit words; the commonest passwords cited of people in general (a false alarm
before); the machine a path is said to be on ("… on etl02"), and a strftime `%Y%m%d` in a file's name no template; a key
file's place in a repository under a secrets folder. No label changed. holdout21 0.968/0.902 -> 1.000/1.000 (posts 80/80,
harmless 0/80); all 0.997/0.994 -> 0.999/1.000 (harmless 1 -> 0 of 1,739); holdout15 0.980/0.980 -> 0.990/0.990 (10099's
"(private key)" aside), holdout16-20 unchanged. --ordinary unchanged (2 of 25,240 tweets); the secret rules' median per
post on --split all, the code before and after run alternately twice (load 2.4-2.9): 0.978 / 1.014 -> 1.031 / 0.963 ms.
Branch s18-secrets2 (2026-12-03; dev19, a fourth tester's set, ids 20161-20320; first run 1.000/0.918, posts 74/80, the same
on main before and after round s18-secrets): its misses read as kinds (tests/test_secrets_spoken_typed_and_plant_machines.py,
own wordings with contrasts): a sample the post then says is real, Vault's hvr./legacy s. tokens, a plant's controllers as
machines (and a numbered name given as a project or a channel as none), a code named by its privilege, a password spelled
letter by letter then given whole, a lock opening with a chosen or spoken code then its typed form, one's own passphrase
made of a sentence, a spelled list closed by « et c'est tout », Hetzner's tokens (holdout15 10028). No label changed.
dev19 -> 1.000/1.000 (posts 80/80, harmless 0/80); all 0.999/0.996 -> 0.999/1.000 (harmless 0 of 1,979); --ordinary
unchanged (2 of 25,240 tweets). Left: 10318 (holdout16) `https://backoffice.acme-group.fr/...` reported INTERNAL_URL, not
labelled; the company's domain in the evaluation is corp.acme-group.fr, so the convention does not settle it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from charterguard.secrets import CREDENTIAL_FAMILIES as CREDENTIALS  # noqa: E402
from charterguard.secrets import INFRASTRUCTURE_FAMILIES as INFRASTRUCTURE  # noqa: E402
from charterguard.secrets.train_presented import label_spans  # noqa: E402

DATA = ROOT / "bench" / "data" / "secrets_posts.jsonl"
INTERNAL_DOMAINS = ["acme.intra", "corp.acme-group.fr"]
# The splits in the order they were written (dev, report, fresh, holdout, holdout2, ...): a new set is new rows
# with a new split name, nothing to edit here.
SPLITS = tuple(
    dict.fromkeys(json.loads(line)["split"] for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip())
)
# Written before the detector was read and run once (holdout4 onwards): measured, never a target the tests assert
# (a split the tests assert is a split the code gets tuned on).
BLIND_SPLITS = tuple(split for split in SPLITS if split.startswith("holdout") and int(split.removeprefix("holdout") or 1) >= 4)

Span = tuple[int, int, str]  # start, end, family


def load(split: str) -> list[dict]:
    """The rows of `split`, each with its gold spans (`train_presented.label_spans`, the one reading of the labels the
    trainer shares: a label's text at its first occurrence after the same label's previous one, a token printed twice
    being its next occurrence and a signed link on an internal host, TOKEN and INTERNAL_URL, the same one;
    `"occurrence": n` when the first lies inside another label)."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if split == "all" or r["split"] == split]
    for row in rows:
        row["gold"] = label_spans(row["text"], row["secrets"])
    return rows


def charterguard_predict(rows: list[dict], rules_only: bool = False) -> tuple[list[list[Span]], list[float]]:
    from charterguard import Charter, Checker
    from charterguard.detectors.secrets import SecretsDetector
    from charterguard.engine import Checker as _Checker

    charter = Charter.load(str(_eval_charter()))
    checker: _Checker = Checker(charter)
    secret_rules = [r for r in charter.rules if r.spec.category == "secret"]
    if rules_only:
        for rule in secret_rules:
            if isinstance(rule.detector, SecretsDetector):
                rule.detector.__dict__["learned"] = None  # the charter's rules without the learned reading
    out, times = [], []
    for row in rows:
        started = time.perf_counter()
        post, rules = checker._prepare(row["text"], row["lang"], None, None, None)
        allowed: dict[int, list[tuple[int, int]]] = {}
        spans = [(f.start, f.end, f.entity) for r in rules if r in secret_rules for f in checker._findings(r, post, allowed)]
        times.append((time.perf_counter() - started) * 1000)
        out.append(spans)
    return out, times


def _eval_charter() -> Path:
    path = Path(os.environ.get("TMPDIR", "/tmp")) / "charterguard-eval-secrets.yaml"
    path.write_text(
        "extends: default\nname: eval-secrets\ncompany:\n  name: Acme Group\n"
        f"  internal_domains: {json.dumps(INTERNAL_DOMAINS)}\n",
        encoding="utf-8",
    )
    return path


def detect_secrets_predict(rows: list[dict]) -> tuple[list[list[Span]], list[float]] | None:
    """detect-secrets as it scans a repository: each post is a file (post.txt), every
    default plugin and filter on, no verification (offline)."""
    try:
        from detect_secrets.core.scan import scan_file
        from detect_secrets.settings import default_settings
    except ImportError:
        return None
    import tempfile

    out, times = [], []
    with tempfile.TemporaryDirectory() as tmp, default_settings() as settings:
        settings.disable_filters("detect_secrets.filters.common.is_ignored_due_to_verification_policies")
        path = Path(tmp) / "post.txt"
        for row in rows:
            path.write_text(row["text"], encoding="utf-8")
            lines = row["text"].split("\n")
            starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
            started = time.perf_counter()
            found = list(scan_file(str(path)))
            times.append((time.perf_counter() - started) * 1000)
            spans: list[Span] = []
            for secret in found:
                line = lines[secret.line_number - 1]
                value = secret.secret_value or ""
                at = line.find(value) if value else -1
                if at >= 0:
                    spans.append((starts[secret.line_number - 1] + at, starts[secret.line_number - 1] + at + len(value), "CREDENTIAL"))
            out.append(spans)
    return out, times


def ordinary_posts() -> dict[str, list[str]]:
    """Posts with no secret in them, written by others: every secret finding there is a
    false alarm. The repository's corporate posts, and (when ../shared/eval is there)
    TweetEval tweets, Allociné reviews and Presidio's synthetic PII sentences."""
    data = ROOT / "bench" / "data"
    sets = {"corporate posts (bench/data)": [
        line for name in ("corporate_posts_fr.txt", "corporate_posts_en.txt", "corporate_negative_fine_fr.txt", "corporate_negative_fine_en.txt")
        for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]}
    sets["fr_pii_posts (bench/data)"] = [json.loads(line)["text"] for line in (data / "fr_pii_posts.jsonl").read_text(encoding="utf-8").splitlines()]
    shared = Path(os.environ.get("CHARTERGUARD_EVAL", ROOT.parent / "shared" / "eval"))
    tweets = sorted(shared.glob("tweeteval_en/*/*text*.txt"))
    if tweets:
        sets["tweeteval_en (shared/eval)"] = [line for path in tweets for line in path.read_text(encoding="utf-8").splitlines()]
    allocine = shared / "allocine_tv_fr" / "dev.tsv"
    if allocine.exists():
        sets["allocine_tv_fr dev (shared/eval)"] = [line.split("\t", 1)[-1] for line in allocine.read_text(encoding="utf-8").splitlines()]
    synth = shared / "presidio_synth_v2" / "dev.json"
    if synth.exists():
        sets["presidio_synth_v2 dev (shared/eval)"] = [item["full_text"] for item in json.loads(synth.read_text(encoding="utf-8"))]
    return sets


def false_alarms_on_ordinary_posts() -> None:
    from charterguard import Charter
    from charterguard.detectors.secrets import SecretsDetector

    charter = Charter.load(str(_eval_charter()))
    detectors = [r.detector for r in charter.rules if isinstance(r.detector, SecretsDetector)]
    print("\nFalse alarms on ordinary posts (no secret in them)")
    for name, texts in ordinary_posts().items():
        flagged = [t for t in texts if any(d.candidates(t) for d in detectors)]
        print(f"  {name:<38} {len(flagged):>4} of {len(texts):>6} posts flagged ({len(flagged) / max(1, len(texts)):.2%})")
        for text in flagged[:5]:
            print(f"      e.g. {text[:100]!r}")


def score(rows: list[dict], predicted: list[list[Span]], families: tuple[str, ...], family_blind: bool = False) -> dict[str, Counter]:
    """Per family: tp, fp, fn and exact-span matches."""
    counts: dict[str, Counter] = {f: Counter() for f in (*families, "ALL")}
    for row, spans in zip(rows, predicted):
        gold = [g for g in row["gold"] if g[2] in families]
        preds = [p for p in spans if family_blind or p[2] in families]
        used: set[int] = set()
        for p in preds:
            hit = next(
                (i for i, g in enumerate(gold) if i not in used and p[0] < g[1] and g[0] < p[1] and (family_blind or g[2] == p[2])),
                None,
            )
            family = gold[hit][2] if hit is not None else p[2]
            if hit is None:
                counts.setdefault(family, Counter())["fp"] += 1
                counts["ALL"]["fp"] += 1
                continue
            used.add(hit)
            exact = (p[0], p[1]) == gold[hit][:2]
            for key in (family, "ALL"):
                counts[key]["tp"] += 1
                counts[key]["exact"] += exact
        for i, g in enumerate(gold):
            if i not in used:
                counts[g[2]]["fn"] += 1
                counts["ALL"]["fn"] += 1
    return counts


def post_level(rows: list[dict], predicted: list[list[Span]], families: tuple[str, ...], family_blind: bool = False) -> Counter:
    c: Counter = Counter()
    for row, spans in zip(rows, predicted):
        has_gold = any(g[2] in families for g in row["gold"])
        flagged = any(family_blind or p[2] in families for p in spans)
        c[("tp" if has_gold else "fp") if flagged else ("fn" if has_gold else "tn")] += 1
    return c


def _prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def print_table(title: str, counts: dict[str, Counter]) -> None:
    print(f"\n{title}")
    print(f"  {'family':<18} {'gold':>5} {'pred':>5} {'prec':>6} {'recall':>6} {'F1':>6} {'exact span':>10}")
    for family, c in counts.items():
        if not (c["tp"] or c["fp"] or c["fn"]):
            continue
        p, r, f = _prf(c)
        exact = f"{c['exact'] / c['tp']:.2f}" if c["tp"] else "-"
        print(f"  {family:<18} {c['tp'] + c['fn']:>5} {c['tp'] + c['fp']:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f} {exact:>10}")


def print_per_split(rows: list[dict], ours: list[list[Span]], rules: list[list[Span]] | None) -> None:
    """Per split: all families P/R and credentials family-blind P/R, rules alone -> as run (`rules`: the
    rules alone's predictions, when `ours` has the learned reading)."""
    print("\nPer split (all families P/R | credentials family-blind P/R)" + (": rules alone -> with the learned reading" if rules else ""))
    for split in sorted({r["split"] for r in rows}, key=lambda s: (len(s), s)):
        index = [i for i, r in enumerate(rows) if r["split"] == split]
        part = [rows[i] for i in index]
        cells = []
        for predicted in ([rules, ours] if rules else [ours]):
            chosen = [predicted[i] for i in index]
            p, r, _ = _prf(score(part, chosen, CREDENTIALS + INFRASTRUCTURE)["ALL"])
            cp, cr, _ = _prf(score(part, [[x for x in spans if x[2] in CREDENTIALS] for spans in chosen], CREDENTIALS, family_blind=True)["ALL"])
            cells.append(f"{p:.3f}/{r:.3f} | {cp:.3f}/{cr:.3f}")
        print(f"  {split:<10} {len(part):>4} posts  " + "  ->  ".join(cells))


def print_post_level(name: str, c: Counter) -> None:
    p, r, _ = _prf(c)
    print(f"  {name:<28} posts with a secret flagged {c['tp']}/{c['tp'] + c['fn']} (recall {r:.3f}); "
          f"harmless posts flagged {c['fp']}/{c['fp'] + c['tn']} (precision {p:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="report")
    parser.add_argument("--no-baseline", action="store_true", help="skip detect-secrets")
    parser.add_argument("--show-errors", action="store_true", help="print missed and false findings (dev work)")
    parser.add_argument("--ordinary", action="store_true", help="also count false alarms on ordinary posts (corporate, tweets, reviews)")
    parser.add_argument("--rules-only", action="store_true", help="without the learned reading of presented values (secrets/presented.py)")
    parser.add_argument("--per-split", action="store_true", help="with --split all: a line per split, rules alone and with the learned reading")
    args = parser.parse_args()
    rows = load(args.split)
    n_pos = sum(bool(r["gold"]) for r in rows)
    print(f"{DATA.name}, split {args.split}: {len(rows)} posts, {n_pos} with secrets "
          f"({sum(len(r['gold']) for r in rows)} gold spans), {len(rows) - n_pos} harmless look-alikes; "
          f"fr {sum(r['lang'] == 'fr' for r in rows)}, en {sum(r['lang'] == 'en' for r in rows)}")
    ours, our_times = charterguard_predict(rows, args.rules_only)
    if args.per_split:
        print_per_split(rows, ours, None if args.rules_only else charterguard_predict(rows, rules_only=True)[0])
    print_table("charterguard (secret.credentials + secret.internal_links), per family", score(rows, ours, CREDENTIALS + INFRASTRUCTURE))
    print_table("charterguard, credential families only, family-blind (comparable with detect-secrets)",
                {"CREDENTIAL": score(rows, [[p for p in spans if p[2] in CREDENTIALS] for spans in ours], CREDENTIALS, family_blind=True)["ALL"]})
    print("\nPost level")
    print_post_level("charterguard, all families", post_level(rows, ours, CREDENTIALS + INFRASTRUCTURE))
    print_post_level("charterguard, credentials", post_level(rows, ours, CREDENTIALS))
    baseline = None if args.no_baseline else detect_secrets_predict(rows)
    if baseline is not None:
        theirs, their_times = baseline
        print_post_level("detect-secrets, credentials", post_level(rows, theirs, CREDENTIALS, family_blind=True))
        print_table("detect-secrets 1.5 (default plugins), credential families, family-blind",
                    {"CREDENTIAL": score(rows, theirs, CREDENTIALS, family_blind=True)["ALL"]})
    print(f"\nTime per post (ms, median / p95): charterguard secret rules {statistics.median(our_times):.3f} / "
          f"{sorted(our_times)[int(0.95 * (len(our_times) - 1))]:.3f}", end="")
    if baseline is not None:
        print(f"; detect-secrets {statistics.median(their_times):.3f} / {sorted(their_times)[int(0.95 * (len(their_times) - 1))]:.3f}", end="")
    print(f"   (load average {os.getloadavg()[0]:.1f})")
    if args.ordinary:
        false_alarms_on_ordinary_posts()
    if args.show_errors:
        for row, spans in zip(rows, ours):
            gold = {(g[0], g[1], g[2]) for g in row["gold"]}
            for p in spans:
                if not any(p[0] < g[1] and g[0] < p[1] and g[2] == p[2] for g in gold):
                    print(f"  FP {row['id']} {p[2]} {row['text'][p[0]:p[1]]!r}")
            for g in gold:
                if not any(p[0] < g[1] and g[0] < p[1] and g[2] == p[2] for p in spans):
                    print(f"  FN {row['id']} {g[2]} {row['text'][g[0]:g[1]]!r}   in {row['text'][:80]!r}")


if __name__ == "__main__":
    main()

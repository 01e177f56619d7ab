"""Internal infrastructure: private IPs, internal host names, shares and paths, internal tools.

- INTERNAL_HOST: private (RFC 1918), link-local and unique-local addresses, with or
  without a port ("10.12.4.7, port 8443", "192.168.1.20:8080"); host names under an
  internal suffix (.lan .local .corp .internal .intra .intranet .home.arpa...) or one
  of the company's `internal_domains`; machines named as hosts are after a server or device word
  (a printer, a print queue, a backup target) or next to their private address ("PRN-SRV-03 (172.22.9.40)"), a
  numbered machine in the sentence giving a private address or an internal path, a connection string's bare
  server name (`Server=SRV-SQL-PAIE\\INST01;`). A home router's default address said as a
  default is advice.
- INTERNAL_URL: a link whose host is such a host or address, or an internal tool
  (self-hosted Jira, Confluence, GitLab, Grafana, Jenkins...; Atlassian cloud sites,
  SharePoint / OneDrive, Teams links, a workspace's Slack, Notion, Linear, Google Docs,
  Figma, Miro, Dropbox shared files, cloud console pages naming a resource), a bucket URI
  (`s3://`, `gs://`; not the docs' `my-bucket`), or one the charter lists (`internal_tools`).
  The vendors' own public sites (gitlab.com, grafana.com/docs, confluence.atlassian.com)
  are not internal.
- FILE_PATH: UNC shares (`\\\\nas-marketing\\partage\\...`), smb:// / file:// links,
  mapped-drive, user-directory and macOS volume (`/Volumes/...`) paths; system paths whose folder or leaf carries the
  company's name, or deep ones whose leaf is a given name, in a sentence naming an internal host.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
from collections.abc import Iterable

from ..text.urls import login_target_spans, oracle_logins
from ..validators import private_ip
from . import SecretCandidate, holds_any
from .shape import is_placeholder

INTERNAL_SUFFIXES: tuple[str, ...] = (
    "lan", "local", "localdomain", "corp", "internal", "intra", "intranet", "home.arpa", "priv", "private",
)
# First labels that name a self-hosted internal tool ("jira.acme.fr", "grafana.ops.acme.io").
TOOL_LABELS: frozenset[str] = frozenset(
    {
        "jira", "confluence", "wiki", "intranet", "intra", "gitlab", "git", "bitbucket", "grafana", "kibana", "jenkins", "sonar",
        "sonarqube", "nexus", "artifactory", "vault", "argocd", "argo", "rancher", "prometheus", "alertmanager", "airflow",
        "redmine", "mattermost", "rocketchat", "nextcloud", "owncloud", "portainer", "traefik", "kubernetes", "k8s", "harbor",
        "sentry", "metabase", "superset", "tableau", "splunk", "zabbix", "nagios", "keycloak", "sso", "vpn", "webmail",
        "owa", "sharepoint", "teams", "glpi", "servicenow", "phpmyadmin", "pgadmin", "adminer", "backoffice", "bo", "admin",
    }
)
# Public sites of the tool vendors and public code hosts: documentation, not internal.
PUBLIC_DOMAINS: frozenset[str] = frozenset(
    {
        "gitlab.com", "github.com", "bitbucket.org", "grafana.com", "atlassian.com", "jenkins.io", "elastic.co", "sonarsource.com",
        "sonarcloud.io", "hashicorp.com", "vaultproject.io", "prometheus.io", "apache.org", "mattermost.com", "nextcloud.com",
        "microsoft.com", "wikipedia.org", "wikimedia.org", "wiki.gg", "fandom.com", "sentry.io", "metabase.com", "tableau.com",
        "splunk.com", "keycloak.org", "argoproj.io", "rancher.com", "docker.com", "kubernetes.io", "google.com", "gouv.fr",
    }
)
# Hosted tools whose sites belong to one company: a link to them is internal.
# (domain, path prefix): the host is the domain or one of its subdomains, the path starts so.
HOSTED_TOOLS: tuple[tuple[str, str], ...] = (
    ("atlassian.net", ""), ("sharepoint.com", ""), ("sharepoint.us", ""), ("service-now.com", ""), ("grafana.net", ""),
    ("slack.com", "archives"), ("zendesk.com", "agent"), ("dev.azure.com", ""), ("visualstudio.com", ""),
    ("monday.com", "boards"), ("teams.microsoft.com", "l/"), ("teams.live.com", "l/"), ("app.box.com", "s/"),
    ("my.salesforce.com", ""), ("lightning.force.com", ""), ("1drv.ms", ""),
    # A workspace's own documents and boards (a public form or a published page is not one).
    ("docs.google.com", "spreadsheets/d/"), ("docs.google.com", "document/d/"), ("docs.google.com", "presentation/d/"),
    ("drive.google.com", "drive/folders/"), ("drive.google.com", "file/d/"), ("drive.google.com", "drive/u/"),
    ("figma.com", "file/"), ("figma.com", "design/"), ("figma.com", "board/"), ("figma.com", "proto/"), ("miro.com", "app/board/"),
    ("trello.com", "b/"), ("app.asana.com", "0/"), ("app.clickup.com", ""), ("app.hubspot.com", ""),
    ("airtable.com", "app"), ("app.slack.com", "client/"),
    # Shared links to a file store: whoever has the link reads the file.
    ("dropbox.com", "scl/"), ("dropbox.com", "s/"), ("dropbox.com", "sh/"),
    # A Cloud Storage object opened with the reader's Google login: a private bucket's file.
    ("storage.cloud.google.com", ""),
)
# Meeting services that give a company its own subdomain ("acme-group.zoom.us", "acme.my.webex.com"): a meeting link
# there carrying its passcode ("?pwd=...") lets anyone in, a link to the company's workspace as a Teams /l/ link is; the
# bare meeting link ("zoom.us/j/844...", a webinar's public join page) asks for the passcode and is not reported.
MEETING_SERVICES: tuple[str, ...] = ("zoom.us", "zoom.com", "zoomgov.com", "webex.com", "whereby.com", "gotomeeting.com")
# (the service's own shared hosts: "us02web.zoom.us" serves every customer's meetings)
_MEETING_SHARED_HOST = re.compile(r"www|(?:us|eu|ap|sg|in|au|jp)\d{2}web")
_MEETING_PASSCODE = re.compile(r"[?&](?:pwd|passcode|password|pin)=[^&#\s]{4}")
# What names one resource after a shared tool's route ("l/meetup-join/19%3ameeting_...", "spreadsheets/d/1AbC...",
# "boards/4821"): a segment holding a digit, or a long id. A route alone ("teams.microsoft.com/l/meetup-join/...", the
# rest elided) names no meeting, no file.
_RESOURCE_ID = re.compile(r"\d|[A-Za-z0-9_\-]{16}")
# (domain, "." + domain, path prefix, whether only its subdomains are a company's: "acme.atlassian.net", not "atlassian.net"),
# computed once: each host of each post is compared with every tool.
_HOSTED_TOOLS: tuple[tuple[str, str, str, bool], ...] = tuple(
    (domain, "." + domain, prefix, domain.count(".") == 1 and not prefix) for domain, prefix in HOSTED_TOOLS
)
# Hosted tools whose workspace pages are told apart from the vendor's public pages by the
# path's shape: (domain, path pattern). A Notion page ends in its 32-hex id (notion.so/pricing
# does not); a Linear path names a workspace then an issue or project; a cloud console link
# names a service, a project or a resource (the bare console URL is a bookmark tip).
HOSTED_TOOL_PAGES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (domain, re.compile(path))
    for domain, path in (
        ("notion.so", r"(?:[\w\-]+/)?(?:[\w\-]*-)?[0-9a-f]{32}(?:[?#/]|$)"),
        ("linear.app", r"[\w\-]+/(?:issue|project|projects|view|views|team|document|cycle|initiative|inbox|settings)/"),
        ("console.aws.amazon.com", r"[a-z0-9\-]+/(?!home/?$)\S"),
        ("portal.azure.com", r"#(?:@[\w.\-]+/)?(?:resource|view|blade)/"),
        ("console.cloud.google.com", r"\S*[?&]project=[\w\-]+|storage/browser/[\w.\-]+"),
    )
)
# A hosted tool's shared regional endpoint ("prometheus-prod-24-prod-eu-west-2.grafana.net"): every
# customer's agents push there, it names no company's site.
_REGIONAL_ENDPOINT = re.compile(r"(?i)(?:^|-)(?:prod|dev|staging)-\d{1,3}(?:-|$)|(?:^|-)(?:eu|us|ap|sa|ca|me|af)-(?:west|east|north|south|central|northeast|southeast|southwest|northwest)-\d(?:-|$)")
# A published page of a Google document or form (".../d/e/<id>/pub", "/viewform") is public.
_PUBLISHED_PAGE = re.compile(r"(?:^|/)d/e/|/(?:pub|pubhtml|viewform)(?:[?#]|$)")
# Cloud storage written as a bucket URI: s3://bucket/..., gs://, az://, abfss://, wasbs://.
_BUCKET_URI = re.compile(r"(?i)(?<![\w.\-/])(?:s3a?|gs|az|abfss?|wasbs?|oss)://(?P<bucket>[a-z0-9][\w.\-@]{2,62})(?:/[^\s<>\"'»)\]]*)?")
# The docs' buckets: s3://my-bucket/, gs://example-bucket, s3://<bucket>/, s3://${BUCKET}.
_DOCS_BUCKET = re.compile(r"(?i)example|^(?:my|your|votre|mon)[\-_]?|bucket[\-_]?name|^(?:bucket|test|demo|foo|bar)$")
# "s3://noaa-ghcn-pds/ (public dataset)": open data, said so on the line.
_PUBLIC_DATA = re.compile(r"(?i)\b(?:public|publiques?|open[\s\-]?data|donn[ée]es\s+ouvertes)\b")
# Shares written as links are reported as FILE_PATH by `_paths`.
_FILE_SCHEMES = frozenset({"smb", "file", "afp", "nfs", "cifs"})

_IPV4 = re.compile(
    r"(?<![\w.\-])(?:(?P<scheme>[a-z][a-z0-9+.\-]{1,15})://)?(?:[^\s/@]{1,64}@)?"
    r"(?P<ip>(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})"
    r"(?![\d.]\d|\.\d)(?P<port>:\d{1,5}(?!\d))?(?P<path>/[^\s<>\"'»)\]]*)?",
    re.IGNORECASE,
)
_IPV4_HINT = re.compile(r"\.(?<=\d\.)\d{1,3}\.\d{1,3}\.\d")  # (a literal first: the engine looks for it fast)
_CIDR = re.compile(r"^/(?:3[0-2]|[12]?\d)$")
_PORT_AFTER = re.compile(r"(?i)^,?\s*(?:port|sur le port|on port)\s+(\d{1,5})\b")
_VERSION_BEFORE = re.compile(r"(?i)(?:\bv|\bversion|\bver\.?|\brelease|\bbuild|\bfirmware|\bmise à jour|\bmaj|\bupdate|\bpatch|\bOID|\bsnmp)\s*:?\s*$")
# A sentence about a version (firmware, release, update...) that names no network thing: an address
# shape in it, not right after a place word ("sur", "at"), is a version number ("reboot if you still
# see 10.4.1.9" after "Firmware 10.4.2.17 is rolled out"; « mise à jour des bornes en 10.2.0.44 »).
_VERSION_SENTENCE = re.compile(r"(?i)\b(?:firmware|version|release|build|mise à jour|maj|updated?|upgraded?|patch(?:ed|é)?|rolled out|déploy[ée]e?)\b")
_NETWORK_WORDS = re.compile(
    r"(?i)\b(?:ip|adresse|address|serveur|server|h[ôo]te|host|port|ping|ssh|https?|vpn|passerelle|gateway|dns|subnet|r[ée]seau|network|vlan|route|"
    r"firewall|pare-feu|vm|node|n[œo]e?ud|cluster|instance|db|nas|routeur|router|switch|proxy|imprimante|printer|machine|poste|"
    # (a connection to it: "Connected to build-agent-12 (192.168.30.12)", « connecté à »)
    r"connect(?:ed|ing|ion|s)?|connexion|connect[ée]e?)\b"
)
_PLACE_BEFORE = re.compile(r"(?i)(?:\bat|\bon|\bsur|\bà|\bvers|\bto|\bfrom|\bdepuis|@)\s*$")
_IPV6 = re.compile(r"(?i)(?<![\w:])(?P<ip>(?:fe80|f[cd][0-9a-f]{2})(?::[0-9a-f]{0,4}){2,7})(?:%\w+)?(?![\w:])")

_HOST = r"(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9\-]{0,62}"
_URL = re.compile(
    r"(?i)(?<![\w@.\-/+])(?:(?P<scheme>[a-z][a-z0-9+.\-]{1,20})://)?(?:(?:[^\s/@:]{1,64}(?::[^\s/@]{1,128})?|:[^\s/@]{1,128})@)?"
    r"(?P<host>" + _HOST + r")(?P<port>:\d{1,5})?(?P<path>/[^\s<>\"'»)\]]*)?"
)
# (the user part may be a password alone: "redis://:X@cache-02.acme.lan:6379/0", as Redis URLs write it)
# The same without the user part, for the posts with no "@" (most): the user part is tried at every position.
_URL_WITHOUT_USER = re.compile(
    r"(?i)(?<![\w@.\-/+])(?:(?P<scheme>[a-z][a-z0-9+.\-]{1,20})://)?(?P<host>" + _HOST + r")(?P<port>:\d{1,5})?(?P<path>/[^\s<>\"'»)\]]*)?"
)
_SINGLE_LABEL_URL = re.compile(
    r"(?i)(?<![\w.\-])(?P<scheme>https?|ftp|ldaps?|postgres(?:ql)?|mysql|mariadb|mongodb|rediss?|amqps?|mqtts?|sftp|ssh|telnet)://(?:(?P<userinfo>[^\s/@:]{1,64}(?::[^\s/@]{1,128})?|:[^\s/@]{1,128})@)?(?P<host>[a-z][a-z0-9\-]{0,62})(?![\w\-.])"
    r"(?::\d{1,5})?(?:/[^\s<>\"'»)\]]*)?"
)
_AUTHORITY_REST = re.compile(r"[^\s/]{0,200}")
# A folder name may hold spaces ("OneDrive - Acme Group\"); a word starting with / or - after a space is a
# command's switch ("net use \\srv\share /user:X"), not part of the path.
_SPACED_FOLDERS = r"(?:(?: (?![/\-]\S)[^\s<>\"|*?\\]+){1,6}\\[^\s<>\"|*?]*)*"
_UNC = re.compile(r"(?<![\w\\])\\\\(?P<host>[A-Za-z0-9][\w.\-$]{0,62})\\(?P<rest>[^\s<>\"|*?]+" + _SPACED_FOLDERS + r"[^\s<>\"|*?.,;:!)]*)")
_FILE_URL = re.compile(r"(?i)(?<![\w])(?:smb|file|afp|nfs|cifs)://[^\s<>\"']+")
_DRIVE_PATH = re.compile(r"(?<![\w])(?P<drive>[A-Za-z]):\\(?P<rest>[^\s<>\"|*?]+" + _SPACED_FOLDERS + r"[^\s<>\"|*?.,;:!)]*)")
# A script or a config file the company installed under /opt ("/opt/acme/bin/deploy_prod.sh", "/opt/paie/conf/app.yml"):
# /opt holds one folder per installed package, so the folder names the company's own software, unless it is a
# package everyone installs there (Homebrew, conda, ROS, Intel's and NVIDIA's toolkits, Google's and Microsoft's apps...).
_PUBLIC_OPT_PACKAGES = (
    r"homebrew|conda|miniconda\d?|anaconda\d?|miniforge\d?|mambaforge|ros|intel|nvidia|cuda|rocm|google|microsoft|mssql[\w\-]*|"
    r"local|X11|puppetlabs|chef|gitlab|splunk|datadog-agent|jetbrains|zoom|spotify|brave\.com|vagrant|aws|azure|containerd|cni|bitnami|"
    r"python\d?[\d.]*|node|java|jdk[\w.\-]*|maven|gradle|android-sdk|flutter|oracle|sonarqube|nexus|jfrog|tomcat|kafka|zookeeper|spark|hadoop"
)
_UNIX_PATH = re.compile(r"(?<![\w/.~])(?:~|/(?:home|Users|mnt|srv|media|share|partage|data|nas|volume1|Volumes/[^\s/<>\"'»)\]]+|var/www|opt/(?!(?i:" + _PUBLIC_OPT_PACKAGES + r")/)[a-z0-9_\-]+/(?:conf|config|etc|secrets?)))/[^\s<>\"'»)\]]+")
# A document or a data file deep in a server's /opt or /var tree ("/opt/sre/playbooks/dc2-failover.md"): the company's
# own, where software keeps code, binaries and logs (".py", ".so", ".log" are not named here).
_SERVER_DOCUMENT = re.compile(
    r"(?<![\w/.~])/(?:opt|var)/[\w\-]+/(?:[\w.\-]+/)+[\w.\-]+\.(?i:md|pdf|docx?|xlsx?|xlsm|csv|pptx?|odt|ods|odp|sql|dump|bak|zip|gz|tgz|7z|kdbx)(?![\w.])"
)
_OPT_PROGRAM = re.compile(
    r"(?<![\w/.~])/opt/(?!(?i:" + _PUBLIC_OPT_PACKAGES + r")/)[\w\-]+/(?:[\w.\-]+/)*[\w\-][\w.\-]*"
    r"\.(?i:sh|bash|zsh|py|pl|rb|ps1|php|js|jar|war|conf|cfg|ini|ya?ml|json|toml|env|properties|xml|sql)(?![\w.])"
)
# A share written with forward slashes as mount, fstab and smbclient take it ("//fs-design.acme.intra/brand",
# "//NAS01/compta"): its host has no dot, or is internal (see `_slash_shares`).
# (no ":" in a share's names: "//npm.acme.intra/:_authToken=" is an .npmrc registry scope)
# (the first "/" before the look-behind: the engine skips to the slashes)
_SLASH_SHARE = re.compile(r"/(?<![\w:/.\-]/)/(?P<host>[A-Za-z0-9][\w.\-]{0,62})/(?P<rest>[\w$][^\s<>\"'|*?:]*)(?![^\s<>\"'|*?])")
# "/mnt/brand": where a share is mounted, one name under the mount root; the share is what discloses.
_MOUNT_POINT = re.compile(r"^/(?:mnt|media)/[^/]+/?$")
_TRAILING = ".,;:!?)]}»”’\"'"
_TEMPLATE_OPENINGS = ("<", "{", "%", "$")
# (a variable of two letters or more: "%USERNAME%"; "%Y%m%d" is a date's format in a file's name, no placeholder of a folder)
_TEMPLATE_SEGMENT = re.compile(r"[<{]|\$\{|%[A-Za-z_]{2,}%")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
# A path naming an installation's own system by its id: SAP's and HANA's trees hold one folder per system, its SID in
# capitals ("/usr/sap/PRD/DVEBMGS00/work/", "/hana/shared/HP1/", "/sapmnt/ECP/profile"): the company's system, not a path
# every machine has (/usr/sap/hostctrl/exe, /usr/local/bin).
_SYSTEM_ID_PATH = re.compile(r"(?<![\w/.~])/(?:usr/sap|sapmnt|hana/(?:shared|data|log)|oracle)/[A-Z][A-Z0-9]{2}(?:/[^\s<>\"'»)\]]*)?(?![\w])")
# Each path shape, and substrings one of which every match holds.
_PATH_SHAPES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (_UNC, "unc-share", ("\\\\",)),
    (_FILE_URL, "file-url", ("://",)),
    (_DRIVE_PATH, "drive-path", (":\\",)),
    (_UNIX_PATH, "user-path", ("~/", "/home/", "/Users/", "/mnt/", "/srv/", "/media/", "/share/", "/partage/", "/data/", "/nas/", "/volume1/",
                               "/Volumes/", "/var/www/", "/opt/")),
    (_SERVER_DOCUMENT, "server-document", ("/opt/", "/var/")),
    (_OPT_PROGRAM, "server-program", ("/opt/",)),
    (_SYSTEM_ID_PATH, "system-id-path", ("/usr/sap/", "/sapmnt/", "/hana/", "/oracle/")),
)
_REMOTE_PATH = re.compile(r":(?P<path>/[\w.\-]+(?:/[\w.\-]+)*/?)")  # host:/path, as NFS, rsync and scp write it
# A machine named after a server word, as hosts are named inside a company: letters and digits in
# three dash- or underscore-separated parts ("le serveur SRV-PAIE-01", "on host ci-runner-03"), or two
# after a usual host prefix ("la VM dev_vm12", "NAS fs-02"); "Server COVID-19", "GPT-4" are not hosts.
# A printer, its queue or a backup target is a machine too ("imprimante imp-siege-2", "Queue name prn-b2-hp01", "backup target
# bkp-nas-02"): the network's devices are named as its servers are.
_NAMED_SERVER = re.compile(
    r"(?i)(?<![\w\-])(?:serveurs?|servers?|hosts?|h[ôo]tes?|machines?|vms?|nas|bastion|contr[ôo]leur\s+de\s+domaine|domain\s+controller|"
    r"imprimantes?|printers?|copieurs?|copiers?|photocopieuses?|traceurs?|plotters?|(?:print\s+)?queues?|files?\s+d['’]impression|"
    r"backup\s+(?:target|server|host)|cibles?\s+de\s+sauvegarde)"
    r"(?:\s+(?:de|du|d['’]|of|for|the|la|le)\s*\w+)?(?:\s+(?:named|called|name|nomm[ée]e?|appel[ée]e?|is|est|:))?\s+"
    r"(?P<host>(?=[A-Za-z0-9_\-]*\d)[A-Za-z][A-Za-z0-9]*(?:[\-_][A-Za-z0-9]+)+)(?![\w\-.])"
)
# A machine's name next to its private address ("PRN-SRV-03 (172.22.9.40)", "10.0.4.12 (ci-runner-03)").
_NAME = r"(?=[A-Za-z0-9_\-]*\d)[A-Za-z][A-Za-z0-9]*(?:[\-_][A-Za-z0-9]+)+"
# Read around each private address found (bounded windows: linear time).
_NAME_BEFORE_ADDRESS = re.compile(r"(?<![\w\-.])(?P<host>" + _NAME + r")(?P<instance>\\[\w\-$]{1,30})?\s*[(\[]\s*$")
_NAME_AFTER_ADDRESS = re.compile(r"\s*[(\[]\s*(?P<host>" + _NAME + r")\s*[)\]]")
# The server of a connection string, when it is a bare machine name (a name without a domain only
# resolves inside the company's network): "Server=SRV-SQL-PAIE\INST01;", "Data Source=dbprod01,1433;", Oracle's (ODP.NET)
# easy-connect "Data Source=ORA-DWH-01:1521/DWHPRD;" (the host before its port and service).
_CONNECTION_SERVER = re.compile(
    r"(?i)(?<![\w])(?:server|data\s+source|address|addr|host)\s*=\s*(?:tcp:)?"
    r"(?P<host>[A-Za-z][\w\-]{1,62}(?:\\[\w\-$]{1,30})?)(?:,\d{1,5}|:\d{1,5}(?:/[\w\-.$]{1,64})?)?\s*;"
)
_LOCAL_NAMES = frozenset({"localhost", "local", "127", "(local)"})
# (and a template's variable named after what it stands for: REDIS_HOST, DB_SERVER, api_addr)
_NAME_PLACEHOLDER = re.compile(r"(?i)(?:server|host|instance|machine|computer)_?name|example|sample|_(?:host|hostname|server|addr|address)$")
# The machines of a plant's control network (operational technology), named as hosts: "plc-line7", "hmi-03", "scada-srv-2".
OT_MACHINE_WORDS = ("plc", "hmi", "scada", "rtu", "dcs", "opc")
# The first parts of a company's machine names: what the machine is, and the code of its environment ("sap-prd-ecc01").
_MACHINE_PREFIXES = ("srv", "svr", "vm", "nas", "dc", "sql", "db", "ci", "app", "web", "fs", "pc", "ws", "lab", *OT_MACHINE_WORDS)
_ENVIRONMENT_CODES = ("prd", "prod", "dev", "rec", "stg", "ppd", "preprod", "uat", "qa", "hml", "tst")
_HOST_PREFIX = re.compile(r"(?i)^(?:" + "|".join((*_MACHINE_PREFIXES, *_ENVIRONMENT_CODES, "test")) + ")")
_SPACED_FILE_NAME = re.compile(r"(?: [^\s\\<>\"|*?]{1,40}){1,4}?\.[A-Za-z0-9]{2,5}\b")
_HOME_CONVENTION = re.compile(r"^~/(?:\.|[^/]+$)")  # a dot-directory, or one name under ~
_SYSTEM_DRIVE_PATHS = re.compile(r"(?i)^c:\\(?:windows|program files|programdata)\\")


def find_infrastructure(text: str, internal_domains: Iterable[str] = (), internal_tools: Iterable[str] = ()) -> list[SecretCandidate]:
    """Every internal address, host, link, share or path in `text`."""
    domains = tuple(d.casefold().strip(".") for d in internal_domains if d.strip("."))
    tools = tuple(t.casefold().split("://", 1)[-1].rstrip("/") for t in internal_tools if t.strip())
    out: list[SecretCandidate] = []
    # "ssh admin@host": what is disclosed is the host; the account name is not part of its span.
    login_targets = login_target_spans(text)
    login_hosts = {host_start for _, host_start, _ in login_targets}
    out.extend(_ip_addresses(text, login_hosts))
    if "." in text:
        out.extend(_hosts_and_links(text, domains, tools, login_hosts))
    descriptors = oracle_logins(text)
    if descriptors:
        # "scott/pw@db.acme.intra:1521/ORCL": the host and port after the credentials, the address alone
        # (not a link read from the password on, nor a path: the service name is no page)
        out = [c for c in out if not any(c.start < m.end("host") and m.start("user") < c.end for m in descriptors)]
        for m in descriptors:
            host = m.group("host").casefold()
            if private_ip(host) or _internal_kind(host, host, domains, tools) == "internal-host":
                out.append(SecretCandidate(*_host_span(m), "INTERNAL_HOST", "connect-descriptor-host"))
    if "://" in text:
        out.extend(_single_label_links(text))
        for m in _BUCKET_URI.finditer(text):
            line = text[text.rfind("\n", 0, m.start()) + 1 : (text.find("\n", m.end()) + 1 or len(text) + 1) - 1]
            if not _DOCS_BUCKET.search(m.group("bucket")) and not _PUBLIC_DATA.search(line):
                out.append(SecretCandidate(m.start(), _trim(text, m.start(), m.end()), "INTERNAL_URL", "bucket-uri"))
    if "\\" in text or ":/" in text or "/" in text:
        out.extend(_paths(text))
        out.extend(_company_folder_paths(text, domains))
    if "//" in text and text.count("//") > text.count("://"):  # (a "//" that is no link's)
        out.extend(_slash_shares(text, domains))
    for m in _NAMED_SERVER.finditer(text):
        if _host_shaped(m.group("host")):
            out.append(SecretCandidate(m.start("host"), m.end("host"), "INTERNAL_HOST", "named-server"))
    if "(" in text or "[" in text:
        out.extend(_names_by_their_address(text, [c for c in out if c.kind == "private-ip"]))
    if "-" in text or "_" in text:
        out.extend(_machines_beside_addresses(text, out))
        out.extend(_coded_machines_at_work(text, out))
        out.extend(_infrastructure_machines(text, out))
    out.extend(_command_hosts(text, login_targets))
    if "/" in text and holds_any(text.casefold(), _KEY_FILE_HINTS):
        out.extend(_key_files_in_a_repository(text))
    if "/" in text and (" on " in text or " sur " in text):
        out.extend(_paths_on_named_machines(text, out))
    hosts = [c for c in out if c.family == "INTERNAL_HOST"] if "/" in text else []
    if hosts:
        out.extend(_paths_on_internal_hosts(text, hosts, out))
    if "=" in text and ";" in text:
        for m in _CONNECTION_SERVER.finditer(text):
            server = m.group("host").split("\\", 1)[0]
            if server.casefold() not in _LOCAL_NAMES and not is_placeholder(server) and not _NAME_PLACEHOLDER.search(server):
                out.append(SecretCandidate(m.start("host"), m.end("host"), "INTERNAL_HOST", "connection-string-server"))
    return out


# A database, cache, directory or remote-shell client on a command line: the host it connects to is named by an option
# or a keyword ("mysql -h mysql-crm-01", "redis-cli -h cache-02", psql "host=pg-03 ...", "sqlcmd -S sql-paie-01").
_CLIENT_COMMAND = re.compile(
    r"(?<![\w\-./])(?:mysql|mysqldump|mariadb|mysqladmin|psql|pg_dump|pg_dumpall|pg_restore|pg_isready|pgbench|redis-cli|"
    r"mongosh|mongo|mongodump|mongorestore|mongoexport|mongoimport|sqlcmd|bcp|clickhouse-client|cqlsh|ldapsearch|ldapmodify|ldapadd|"
    r"ldapdelete|ldapwhoami|isql|influx|telnet|lftp|mosquitto_pub|mosquitto_sub|rabbitmqadmin|nats|valkey-cli|memcached-tool)(?![\w\-])"
)
_HOST_OPTION = re.compile(
    r"(?<=[\s\"'])(?:-h|-S|--host(?:name)?|--server|host)(?:=|[ \t]+)['\"]?"
    r"(?P<host>[A-Za-z0-9][\w.\-]{0,252}?)(?P<port>[:,]\d{1,5})?(?=[\s'\";]|$)"
)
# A command whose first argument that is no option is the host it reaches ("telnet switch-core-01 23", "ssh -p 2222
# bastion-02", "nslookup ad-paris-01"), and the options among those that take an argument (skipped with it).
_HOST_FIRST_COMMAND = re.compile(
    r"(?<![\w\-./])(?:ssh|telnet|ftp|sftp|lftp|mosh|nc|ncat|ping|ping6|traceroute|tracert|nslookup|dig|rdesktop)(?=[ \t])"
)
_OPTION_WITH_ARGUMENT = frozenset({"-i", "-p", "-l", "-o", "-F", "-J", "-P", "-c", "-W", "-w", "-t", "-u", "-b", "-L", "-R", "-D"})
_RDP_TARGET = re.compile(r"(?i)(?<![\w\-])(?:xfreerdp|mstsc|wlfreerdp)\b[^\n]{0,120}?\s/v:(?P<host>[A-Za-z0-9][\w.\-]{0,252}?)(?P<port>:\d{1,5})?(?=[\s'\";]|$)")
# Domains the docs and the RFCs use for any company's (RFC 2606/6761 names, Microsoft's fictional companies), with nothing
# but generic labels before the local suffix: "test.local", "example.lan", "corp.contoso.local", "ad.example.internal".
_DOCS_DOMAIN = re.compile(r"(?i)^(?:(?:ad|corp|dc\d?|srv|lab|dev)\.)?(?:test|example|exemple|demo|foo|bar|contoso|fabrikam|domain|mydomain|"
                          r"company|mycompany|yourcompany|entreprise|votre-?entreprise)\.[a-z]+$")
# Names that stand for a host in docs and tutorials, or a container's service name: no company's machine.
_GENERIC_HOST = re.compile(r"(?i)^(?:<.*|\$.*|%.*|\{.*|x+|host(?:name)?|h[ôo]te|server|serveur|db|database|base|myhost|my-?server|your-?host\w*|votre-?serveur)$")


def _host_span(m: re.Match[str]) -> tuple[int, int]:
    """The span of a match's `host` group, with its `port` when it has one."""
    return m.start("host"), m.end("port") if m.group("port") else m.end("host")


def _command_hosts(text: str, login_targets: list[tuple[int, int, int]]) -> list[SecretCandidate]:
    """The hosts a command line connects to when their name has no domain ("sqlplus u/p@ora-compta-01:1521/X", "mysql
    -h crm-db-01", "ssh deploy@build-agent-07"): a name without a domain only resolves inside the company's network.
    Named by dotted names, the link and host readers judge them (a public name is no internal host)."""
    out = []
    spans: list[tuple[int, int]] = [_host_span(m) for m in oracle_logins(text)]
    spans += [(host_start, host_end) for _, host_start, host_end in login_targets]
    for command in _CLIENT_COMMAND.finditer(text) if holds_any(text, _HOST_OPTION_CUES) else ():
        line_end = text.find("\n", command.end())
        # (the options of one command line, 300 characters at most: linear however many commands a post holds)
        for m in _HOST_OPTION.finditer(text, command.end(), min(command.end() + 300, len(text) if line_end < 0 else line_end)):
            spans.append((m.start("host"), m.end("port") if m.group("port") and m.group("port")[0] == ":" else m.end("host")))
    # (the command's name as a word: " ping " is not "shipping ")
    padded = " " + text.replace("\n", " ").replace("`", " ").replace("$", " ")
    for command in _HOST_FIRST_COMMAND.finditer(text) if holds_any(padded, _HOST_FIRST_CUES) else ():
        target = _first_argument(text, command.end())
        if target is None:
            continue
        # (with a digit, as machines are numbered; after "ping" and "dig", English verbs too ("ping jean-marc tomorrow",
        # "ping team-a2"), named as hosts are: `_host_shaped`)
        name = text[target[0] : target[1]].split(":", 1)[0]
        if any(c.isdigit() for c in name) and (command.group(0) not in ("ping", "dig") or _host_shaped(name)):
            spans.append(target)
    spans += [_host_span(m) for m in _RDP_TARGET.finditer(text)] if "/v:" in text else []
    for start, end in spans:
        host = text[start:end].split(":", 1)[0]
        if "." in host or not _a_machines_name(host):
            continue
        port = _PORT_COLON.match(text, end) if ":" not in text[start:end] else None  # ("ssh ops@jump-02:2222")
        out.append(SecretCandidate(start, end if port is None else port.end(), "INTERNAL_HOST", "command-target-host"))
    return out


# Substrings without which `_HOST_OPTION` and `_HOST_FIRST_COMMAND` cannot match: most posts hold none.
_HOST_OPTION_CUES = ("-h", "-S", "host=", "--host", "--server")
_HOST_FIRST_CUES = (" ssh ", " telnet ", " ftp ", " sftp ", " lftp ", " ping", " nc ", " ncat ", " trace", " nslookup ", " dig ", " mosh ",
                    " rdesktop ")


_ARGUMENT = re.compile(r"[ \t]+(?P<token>[^\s|;&><]{1,253})")


def _first_argument(text: str, position: int) -> tuple[int, int] | None:
    """The span of the first argument after `position` that is no option (nor an option's argument), within eight
    tokens on the line; a "user@" before it is left out (its host is the target)."""
    skip_next = False
    for _ in range(8):
        m = _ARGUMENT.match(text, position)
        if m is None:
            return None
        position = m.end()
        token = m.group("token")
        if skip_next:
            skip_next = False
        elif token.startswith("-"):
            skip_next = token in _OPTION_WITH_ARGUMENT
        else:
            start = m.start("token") + (token.index("@") + 1 if "@" in token else 0)
            host = _HOST_TOKEN.match(text, start, m.end())
            return None if host is None else (host.start(), host.end())
    return None


_HOST_TOKEN = re.compile(r"[A-Za-z0-9][\w.\-]{0,252}(?=[:\s,'\"]|$)")


def _a_machines_name(host: str) -> bool:
    """A machine's name as a company names it ("ora-compta-01", "build_agent7"), not the docs' or a tutorial's
    ("localhost", "<host>", "$DB_HOST", "db", "server_name") nor a word: a letter, and a dash, underscore or digit."""
    return host.casefold() not in _LOCAL_NAMES and _GENERIC_HOST.match(host) is None and not is_placeholder(host) \
        and _NAME_PLACEHOLDER.search(host) is None and any(c in "-_0123456789" for c in host) and any(c.isalpha() for c in host)


_PORT_COLON = re.compile(r":\d{1,5}(?![\w.])")


def _names_by_their_address(text: str, addresses: list[SecretCandidate]) -> list[SecretCandidate]:
    out = []
    for address in addresses:
        if text[address.start : address.end].count(".") != 3 or "/" in text[address.start : address.end]:
            continue  # an address alone ("172.22.9.40", "10.0.0.2:8080"), not a link
        window = max(0, address.start - 48)
        before = _NAME_BEFORE_ADDRESS.search(text[window : address.start])
        after = _NAME_AFTER_ADDRESS.match(text[address.end : address.end + 48])
        if before is not None and text[address.end : address.end + 3].lstrip().startswith((")", "]")) and _host_shaped(before.group("host")):
            end = before.end("instance") if before.group("instance") else before.end("host")  # "SRV-SQL-02\\COMPTA (10.20.1.15)"
            out.append(SecretCandidate(window + before.start("host"), window + end, "INTERNAL_HOST", "server-by-its-address"))
        if after is not None and _host_shaped(after.group("host")):
            out.append(SecretCandidate(address.end + after.start("host"), address.end + after.end("host"), "INTERNAL_HOST", "server-by-its-address"))
    return out


# A name the way a company numbers its machines, for a sentence that already names a private address or an internal path
# ("copié sur backup-nas01", "Queue name prn-b2-hp01, or by IP 10.0.5.41", "srv-paie-01"): a part of letters then digits
# ("nas01", "hp01"), or three parts with words inside and a number last. Not a ticket (INC-2024-0042), a version
# (v2-3), a norm (SHA-256, COVID-19) nor a product model (HP-LJ-M404dn); in one case, as machines are named (a password
# chosen of capitalised words, "Hunter-Acme-42", is not a machine's name).
_NUMBERED_PART = re.compile(r"[A-Za-z]{2,8}\d{1,4}")
_NAME_IN_SENTENCE = re.compile(r"(?<![\w\-./\\@:~$%])(?P<host>" + _NAME + r")(?![\w\-/\\@]|[.:]\w)")


def _numbered_machine(name: str) -> bool:
    parts = re.split(r"[\-_]", name)
    if not 5 <= len(name) <= 40 or not parts[0].isalpha() or not (name.islower() or name.isupper()):
        return False
    return any(_NUMBERED_PART.fullmatch(part) for part in parts[1:]) \
        or len(parts) >= 3 and parts[-1].isdigit() and all(any(c.isalpha() for c in part) for part in parts[1:-1])


def _machines_beside_addresses(text: str, found: list[SecretCandidate]) -> list[SecretCandidate]:
    """The machines a sentence names beside a private address or an internal path it gives: the same sentence speaks of
    the company's network ("copied to backup-nas01" after a backup's path, a printer's queue beside its address)."""
    sentences = sorted({_sentence_bounds(text, c.start, c.end) for c in found if c.kind == "private-ip" or c.family == "FILE_PATH"})
    if not sentences:
        return []
    # (the sentences merged where they overlap: each stretch of text read once, however many addresses a post holds)
    merged: list[list[int]] = []
    for sentence_start, sentence_end in sentences:
        if merged and sentence_start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], sentence_end)
        else:
            merged.append([sentence_start, sentence_end])
    out: list[SecretCandidate] = []
    covered = _covered(len(text), found)
    for stretch_start, stretch_end in merged:
        for m in _NAME_IN_SENTENCE.finditer(text, stretch_start, stretch_end):
            start, end = m.start("host"), m.end("host")
            cut = end < len(text) and (text[end].isalnum() or text[end] in "-_")  # (a name the stretch's end cuts)
            if not cut and _numbered_machine(m.group("host")) and not any(covered[start:end]):
                out.append(SecretCandidate(start, end, "INTERNAL_HOST", "machine-beside-address"))
    return out


# What a sentence says of a machine at work, which no product, ticket or version has said of it: someone logs in on it, its disk
# or memory, its backups, its reboot or its being down ("the SAP login on sap-prd-ecc01", « sap-prd-db01 était à 98 % de
# disque », « sauvegardes sur nas-bkp02 »).
_MACHINE_AT_WORK = re.compile(
    r"(?i)(?<![\w\-])(?:log(?:ged|ging)?\s*(?:in|on)|logins?|sign(?:ed)?\s+in|connexion|se\s+connecter|ssh|rdp|"
    r"disks?|disques?|cpu|ram|m[ée]moire|memory|swap|uptime|inodes?|reboot(?:ed)?|restart(?:ed)?|red[ée]marr\w{0,6}|"
    r"(?:is|was|went|are|were)\s+down|crash\w{0,3}|plant[ée]e?|satur[ée]e?|ping|monitoring|alertes?|alerts?|backups?|sauvegardes?|snapshots?)(?![\w\-])"
)
_AT_WORK_CUES = ("log", "sign", "connexion", "connecter", "ssh", "rdp", "disk", "disque", "cpu", "ram", "moire", "memory", "swap", "uptime",
                 "inode", "boot", "start", "marr", "down", "crash", "plant", "satur", "ping", "monitor", "alert", "backup", "sauvegard", "snapshot")


def _coded_machine(name: str) -> bool:
    """A numbered machine (`_numbered_machine`) whose name says it is one, its role and number last: three parts or more with an
    environment's code among the others ("sap-prd-ecc01", "prd-crm-app02"), or a machine's prefix first ("nas-bkp02"); not a
    product model ("rt-ax88"), a ticket, a version, a sprint or a team ("dev-sprint3", "sprint-dev-12", "qa-squad-2")."""
    parts = re.split(r"[\-_]", name.casefold())
    return _numbered_machine(name) and _NUMBERED_PART.fullmatch(parts[-1]) is not None \
        and (len(parts) >= 3 and any(part in _ENVIRONMENT_CODES for part in parts[:-1]) or parts[0] in _MACHINE_PREFIXES)


def _coded_machines_at_work(text: str, found: list[SecretCandidate]) -> list[SecretCandidate]:
    """The machines a sentence names by a coded name (`_coded_machine`) while saying what they do at work (`_MACHINE_AT_WORK`)."""
    if not holds_any(text.lower(), _AT_WORK_CUES):
        return []
    out: list[SecretCandidate] = []
    covered = _covered(len(text), found)
    for m in _NAME_IN_SENTENCE.finditer(text):
        start, end = m.start("host"), m.end("host")
        if not _coded_machine(m.group("host")) or any(covered[start:end]):
            continue
        if _MACHINE_AT_WORK.search(_sentence(text, start, end)):
            out.append(SecretCandidate(start, end, "INTERNAL_HOST", "coded-machine-at-work"))
    return out


# The words a company names its machines with: the tool or service a machine runs, or its role ("jenkins-build-04",
# "gitlab-runner-2", "redis-cache-03", "pg-replica-01"). Named so, with a number last, a name is a machine's wherever it is
# said; a product's model, a norm or a ticket has no such word ("iPhone-15", "RTX-4090", "COVID-19", "INC-2026-0042").
_INFRASTRUCTURE_WORDS = frozenset(
    {
        "jenkins", "gitlab", "github", "runner", "runners", "build", "builder", "agent", "worker", "workers", "redis", "cache", "memcached",
        "postgres", "postgresql", "pg", "pgsql", "mysql", "mariadb", "mongo", "mongodb", "elastic", "elasticsearch", "opensearch", "kafka",
        "broker", "rabbit", "rabbitmq", "zookeeper", "etcd", "consul", "vault", "nginx", "haproxy", "proxy", "lb", "bastion", "jump",
        "jumphost", "gateway", "gw", "nas", "san", "backup", "bkp", "sftp", "ftp", "smtp", "mail", "dns", "dhcp", "ldap", "ad", "dc", "sql",
        "mssql", "oracle", "ora", "db", "srv", "svr", "vm", "k8s", "kube", "master", "replica", "primary", "standby", "ci", "etl", "cron",
        "sap", "hana", "web", "app", "api", "grafana", "prometheus", "kibana", "sonar", "nexus", "artifactory", "harbor", "registry",
        "minio", "ceph", "esx", "esxi", "hyperv", "rds", "citrix", "rdp", "tse", "print", "prn", "fileserver", "fs", *OT_MACHINE_WORDS,
    }
)
# Words that make a numbered name something else than a machine: a team, a sprint, an event, an episode, a version.
_NOT_A_MACHINE_WORDS = frozenset(
    {
        "sprint", "squad", "team", "release", "version", "phase", "lot", "wave", "step", "day", "jour", "week", "part", "chapter", "episode",
        "season", "round", "level", "cohort", "summit", "conf", "meetup", "hackathon", "covid", "sars", "mark", "gen", "series", "model",
        "iphone", "galaxy", "pixel", "boeing", "airbus", "rtx", "gtx", "ticket", "inc", "bug", "issue", "pr", "mr", "jira", "story",
    }
)


def _infrastructure_machine(name: str) -> bool:
    """A machine named as a company's: all in one case, words and a number last (1 to 3 digits, or letters then digits),
    one word naming a tool or a role (`_INFRASTRUCTURE_WORDS`), none a team, an event or a product (`_NOT_A_MACHINE_WORDS`);
    with two parts only, a tool's name and a zero-padded number ("redis-03", not "web-3" nor "build-2")."""
    parts = re.split(r"[\-_]", name.casefold())
    if not 5 <= len(name) <= 40 or not (name.islower() or name.isupper()) or not parts[0].isalpha() or not all(parts):
        return False
    last, words = parts[-1], parts[:-1]
    if not (last.isdigit() and len(last) <= 3 or _NUMBERED_PART.fullmatch(last) is not None):
        return False
    if any(word in _NOT_A_MACHINE_WORDS or not word.isalpha() for word in words) or not any(word in _INFRASTRUCTURE_WORDS for word in words):
        return False
    if len(parts) >= 3:
        return True
    # (a plant's controller is numbered by its line or cell as often as zero-padded: "plc-line7", "hmi-cell2", "rtu-04")
    return words[0] in TOOL_LABELS | _SERVICE_NAMES and last.startswith("0") or words[0] in OT_MACHINE_WORDS and (last.startswith("0") or not last.isdigit())


_OPENING_MARKS = "([{\"'«“‘`"
# Services a machine is named after with its number alone ("redis-03", "kafka-01").
_SERVICE_NAMES = frozenset({"redis", "postgres", "mysql", "mariadb", "mongo", "mongodb", "kafka", "rabbitmq", "elastic", "etcd", "consul", "ldap",
                            "bastion", "nas", "sftp", "hana", "oracle", "esx", "esxi", "minio", "ceph"})


# The noun a numbered name is given as, right after or before it, when it names a piece of work or a place to talk, not a
# machine: "the web-app-2 project", « le dépôt api-gateway-3 », "the #etl-jobs-02 channel".
_WORK_NOUNS = (
    r"projects?|projets?|repos?|repositor(?:y|ies)|d[ée]p[ôo]ts?|initiatives?|programmes?|programs?|workstreams?|epics?|milestones?|"
    r"roadmaps?|boards?|channels?|canal|canaux|wikis?|spaces?|espaces?|courses?|cours|modules?|tracks?|chantiers?|teams?|[ée]quipes?"
)
_WORK_NOUN_AFTER = re.compile(r"(?i)[ \t]+(?:" + _WORK_NOUNS + r")(?![\w\-])")
_WORK_NOUN_BEFORE = re.compile(r"(?i)(?<![\w\-])(?:" + _WORK_NOUNS + r")[ \t]+(?:(?:de|du|called|named|nomm[ée]e?)[ \t]+)?[\"'«“‘`]?[ \t]*$")


def _infrastructure_machines(text: str, found: list[SecretCandidate]) -> list[SecretCandidate]:
    """The machines a post names by a tool or role word and a number (`_infrastructure_machine`), wherever it names them, as a
    word of their own; not a hashtag, the end of a longer token (a password's "Az!ure_etl_77"), nor a word of a link, a path
    or an address already found."""
    out: list[SecretCandidate] = []
    covered = _covered(len(text), found)
    for m in _NAME_IN_SENTENCE.finditer(text):
        start, end = m.start("host"), m.end("host")
        if (start == 0 or text[start - 1].isspace() or text[start - 1] in _OPENING_MARKS) and _infrastructure_machine(m.group("host")) \
                and not any(covered[start:end]) and _WORK_NOUN_AFTER.match(text, end) is None \
                and _WORK_NOUN_BEFORE.search(text, max(0, start - 24), start) is None:
            out.append(SecretCandidate(start, end, "INTERNAL_HOST", "infrastructure-machine"))
    return out


# A path, then the machine it is on: "lands in /srv/exports/finance/daily.csv on etl02", « déposés dans /data/sap/exports/ sur
# sap-bw-prd » (the host named as a company names its machines; not "on Linux", « sur GitHub », "on prod", "on ubuntu22").
_PATH_ON_MACHINE = re.compile(
    r"(?<![\w/.~])(?P<path>/[\w.\-%]+(?:/[\w.\-%]+)+/?)[ \t]+(?:on|sur)[ \t]+(?:(?:the|le|la|l['’])[ \t]*)?"
    r"(?:(?:servers?|serveurs?|hosts?|machines?|box|vms?)[ \t]+)?(?P<host>[A-Za-z][A-Za-z0-9]*(?:[\-_][A-Za-z0-9]+)*)(?![\w\-]|\.\w)"
)
# Systems, runtimes and platforms a path may be said to be "on", numbered as machines are ("ubuntu22", "win11", "python3").
_PLATFORM_NAME = re.compile(
    r"(?i)^(?:ubuntu|debian|centos|rhel|redhat|fedora|alpine|rocky|alma|sles|suse|opensuse|arch|amzn|amazonlinux|al|win|windows|winserver|"
    r"macos|osx|ios|ipados|android|linux|freebsd|openbsd|python|py|node|nodejs|java|jdk|jre|php|ruby|go|golang|dotnet|net|arm|arm64|x86|x64|"
    r"amd|aarch|i386|gen|v|version|release|sprint|step|page|line|ligne|port|day|jour|week|semaine|"
    r"staging|prod|preprod|dev|test|qa|uat|env|site|server|serveur|host)\d"  # (an environment or a site numbered: "staging2")
)
# A web route, not a file: an API's path ("/api/v2/orders", "/v1/users/me", "/graphql") or a site's page under its language ("/fr/…").
_WEB_ROUTE = re.compile(r"(?i)^/(?:api|v\d+|rest|graphql|rpc|wp-json|oauth2?|[a-z]{2}(?:-[a-z]{2})?)(?:/|$)")
# The roots of a system's own files, the same on every machine: a path there is no company's.
_SYSTEMS_OWN_PATH = re.compile(r"^/(?:usr|bin|sbin|lib|lib64|etc|proc|sys|dev|boot|tmp|run|var/(?:log|lib|cache|run|tmp|spool)|opt/(?:" +
                               _PUBLIC_OPT_PACKAGES + r"))(?:/|$)")


def _machine_after_path(host: str) -> bool:
    """A machine's name as a company gives it, said after a path: numbered ("etl02", "backup-nas01"), coded by its
    environment ("sap-bw-prd"), or shaped as hosts are ("SRV-PAIE-01"); not a platform's name and version."""
    parts = re.split(r"[\-_]", host)
    if not 4 <= len(host) <= 40 or _PLATFORM_NAME.match(host) or not (host.islower() or host.isupper()):
        return False
    numbered = len(parts) == 1 and _NUMBERED_PART.fullmatch(host) is not None or len(parts) > 1 and _numbered_machine(host)
    coded = len(parts) >= 2 and any(part.casefold() in _ENVIRONMENT_CODES for part in parts) and all(part.isalnum() for part in parts)
    return numbered or coded or _host_shaped(host)


def _paths_on_named_machines(text: str, found: list[SecretCandidate]) -> list[SecretCandidate]:
    """The machine a path is said to be on (`_PATH_ON_MACHINE`), and the path when no system has it (a company's data or
    exports, not /usr/local/bin nor /var/log/nginx)."""
    out = []
    covered = _covered(len(text), found)
    for m in _PATH_ON_MACHINE.finditer(text):
        if not _machine_after_path(m.group("host")) or _TEMPLATE_SEGMENT.search(m.group("path")) or _WEB_ROUTE.match(m.group("path")):
            continue
        if not any(covered[m.start("host") : m.end("host")]):
            out.append(SecretCandidate(m.start("host"), m.end("host"), "INTERNAL_HOST", "machine-after-path"))
        path = m.group("path")
        end = _trim(text, m.start("path"), m.end("path"))
        if not any(covered[m.start("path") : end]) and path.count("/") >= 3 and not _SYSTEMS_OWN_PATH.match(path):
            out.append(SecretCandidate(m.start("path"), end, "FILE_PATH", "path-on-named-machine"))
    return out


# A key file's place inside a repository, a folder of secrets on the way ("deploy/k8s/secrets/ingress-prod/tls.key",
# "infra/credentials/prod/sftp.pem"): where a live key sits in the company's code, as a share's path says where its files sit.
# Not a source or doc file (src/main.py, docs/secrets.md), nor a test's, an example's or a sample's key.
# A file named after the password or token it holds sits there too, on a machine as in a repository
# ("/var/lib/jenkins/secrets/initialAdminPassword", "/run/secrets/db_password"); not code or docs about them ("token_manager.py").
_REPOSITORY_KEY_FILE = re.compile(
    r"(?<![\w/.~:@\\\-])(?P<path>/?(?:[\w.\-]+/)*(?i:secrets?|credentials|creds|private)/(?:[\w.\-]+/)*"
    r"(?:[\w.\-]*\.(?i:key|pem|p12|pfx|jks|keystore|ppk|kdbx)|[\w.\-]*(?i:password|passwd|passphrase|token|secret)[\w\-]*(?:\.(?i:txt|json|ya?ml|env|conf|cfg|ini))?))"
    r"(?![\w/.\-])"
)
_KEY_FILE_HINTS = (".key", ".pem", ".p12", ".pfx", ".jks", ".keystore", ".ppk", ".kdbx", "password", "passwd", "passphrase", "token", "secret")
_NOT_A_LIVE_FOLDER = re.compile(r"(?i)(?:^|/)(?:tests?|fixtures?|examples?|exemples?|samples?|demos?|docs?|testdata|mocks?)(?:/|$)")


def _key_files_in_a_repository(text: str) -> list[SecretCandidate]:
    return [SecretCandidate(m.start("path"), m.end("path"), "FILE_PATH", "repository-key-file") for m in _REPOSITORY_KEY_FILE.finditer(text)
            if m.group("path").count("/") >= 2 and not _NOT_A_LIVE_FOLDER.search(m.group("path"))]


def _covered(length: int, found: list[SecretCandidate]) -> bytearray:
    """Which characters of a text of `length` the candidates `found` cover (a look-up in linear time)."""
    covered = bytearray(length)
    for c in found:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    return covered


def _host_shaped(host: str) -> bool:
    """Named as hosts are inside a company: three dash- or underscore-separated parts, or two after a
    usual host prefix, with a letter at one end ("SRV-PAIE-01", "dev_vm12"; not "COVID-19")."""
    parts = re.split(r"[\-_]", host)
    return 5 <= len(host) <= 40 and (len(parts) >= 3 or _HOST_PREFIX.match(host) is not None) and any(c.isalpha() for c in parts[-1] + parts[0])


def _version_number(text: str, start: int, end: int, sentence: str) -> bool:
    """Is the address shape at `start:end` a version number, by its `sentence` (`_VERSION_SENTENCE`)?"""
    return (
        holds_any(sentence.lower(), _VERSION_CUES) and _VERSION_SENTENCE.search(sentence) is not None
        and _NETWORK_WORDS.search(sentence) is None
        and _PLACE_BEFORE.search(text, max(0, start - 12), start) is None
    )


def _ip_addresses(text: str, login_hosts: set[int]) -> list[SecretCandidate]:
    """Private addresses; `login_hosts`: where the hosts of remote logins start (their span starts there)."""
    out = []
    if _IPV4_HINT.search(text) is not None:  # (a cheap scan first: _IPV4 tries a user part at every position)
        for m in _IPV4.finditer(text):
            ip = m.group("ip")
            if not private_ip(ip):
                continue
            if _VERSION_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                continue  # "version 10.2.3.4"
            bare = m.group("port") is None and m.group("path") is None
            sentence = _sentence(text, m.start(), m.end()) if bare else ""
            if bare and not m.group("scheme") and _version_number(text, m.start(), m.end(), sentence):
                continue
            if ip in _ROUTER_DEFAULTS and bare and holds_any(sentence.lower(), _DEFAULT_CUES) and _DEFAULT_SAID.search(sentence):
                continue  # "192.168.1.1 est souvent l'adresse par défaut des box": every home router's, advice
            start, end = m.start(), _trim(text, m.start(), m.end())
            if not m.group("scheme") and m.start("ip") in login_hosts:
                start = m.start("ip")  # "ssh deploy@10.2.3.4": the address, not the account name
            elif m.group("scheme") and text[max(0, start - 5) : start].casefold() == "jdbc:":
                start -= 5  # "jdbc:postgresql://10.8.3.21:5432/db": the JDBC prefix is part of the link, as for named hosts
            port = _PORT_AFTER.match(text[end:])
            if m.group("port") is None and port is not None:
                end += port.end()  # "10.12.4.7, port 8443": the port is part of what is disclosed
            cidr = m.group("path") is not None and _CIDR.match(text[m.start("path") : end]) is not None  # "192.168.50.0/24": a network
            if cidr and _whole_private_block(ip, text[m.start("path") : end]):
                continue  # "10.0.0.0/8", "192.168.0.0/16": the RFC 1918 ranges themselves, documentation
            family = "INTERNAL_URL" if m.group("scheme") or m.group("path") and not cidr else "INTERNAL_HOST"
            out.append(SecretCandidate(start, end, family, "private-ip"))
    if ":" in text:
        for m in _IPV6.finditer(text):
            if private_ip(m.group("ip")):
                out.append(SecretCandidate(m.start(), m.end(), "INTERNAL_HOST", "private-ipv6"))
    return out


# The addresses home routers ship with: said as a default, they are advice, not a company's network.
_ROUTER_DEFAULTS = frozenset({"192.168.0.1", "192.168.1.1", "192.168.1.254", "192.168.0.254", "192.168.2.1", "10.0.0.1", "10.0.0.138", "192.168.100.1"})
_DEFAULT_SAID = re.compile(
    r"(?i)\b(?:d[ée]faut|default|d['’]usine|factory|souvent|g[ée]n[ée]ralement|en\s+g[ée]n[ée]ral|habituellement|normalement|"
    r"usually|typically|generally|in\s+general|normally|commonly|often|most\s+(?:routers|boxes)|"
    # said of every router, or of the reader's own at home: not the company's network
    r"(?:nearly\s+|almost\s+)?every|(?:presque\s+)?toutes\s+les|la\s+plupart|(?:home|consumer)\s+routers?|your\s+(?:home\s+)?(?:router|box)|"
    r"votre\s+box|ta\s+box|at\s+home|chez\s+vous|chez\s+toi)\b"
)


# Substrings one of which every match of `_VERSION_SENTENCE` / `_DEFAULT_SAID` holds, lowercased: a cheap look first, the
# sentence scans cost ~0.1-0.2 ms each (a post of thousands of addresses paid seconds).
_VERSION_CUES = ("firmware", "version", "release", "build", "mise à jour", "maj", "update", "upgrade", "patch", "rolled out", "déploy")
_DEFAULT_CUES = (
    "défaut", "defaut", "default", "usine", "factory", "souvent", "néral", "neral", "habituel", "normal", "usual", "typical", "common",
    "often", "most", "every", "toutes", "plupart", "router", "your", "votre", "box", "home", "chez",
)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end] (at most 200 characters either side)."""
    return text[slice(*_sentence_bounds(text, start, end))]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around text[start:end] starts and ends (at most 200 characters either side)."""
    # (a mark ends a sentence when a space or the end follows it: "10.4.2.17" holds dots)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 200), start)]
    stop = _SENTENCE_END.search(text, end, end + 200)
    return max([start - 200, *ends, 0]), min(len(text), stop.start() + 1 if stop else end + 200)


def _whole_private_block(ip: str, cidr: str) -> bool:
    """A whole reserved range as the RFCs write it (10.0.0.0/8, 172.16.0.0/12, 100.64.0.0/10...):
    a /16 or wider network that starts where private space starts. A company's own subnet
    (10.20.0.0/16, 192.168.50.0/24) lies inside one."""
    network = ipaddress.ip_network(ip + cidr, strict=False)
    first = network.network_address
    return network.prefixlen <= 16 and str(first) == ip and not private_ip(str(first - 1))


def _hosts_and_links(text: str, domains: tuple[str, ...], tools: tuple[str, ...], login_hosts: set[int]) -> list[SecretCandidate]:
    out = []
    for m in (_URL if "@" in text else _URL_WITHOUT_USER).finditer(text):
        host = m.group("host").casefold()
        start, end = m.start(), _trim(text, m.start(), m.end())
        if not m.group("scheme") and m.start("host") in login_hosts:
            start = m.start("host")
        elif m.group("scheme") and text[max(0, start - 5) : start].casefold() == "jdbc:":
            start -= 5  # "jdbc:postgresql://pg.acme.intra/db": the JDBC prefix is part of the link
        whole = text[start:end].casefold()
        address = whole.split("://", 1)[-1]
        address = address.split("@", 1)[-1] if "@" in address.split("/", 1)[0] else address
        is_link = bool(m.group("scheme") or m.group("path"))  # "host.lan:3389" is a host (and port), as for IPs
        if (m.group("scheme") or "").casefold() in _FILE_SCHEMES:
            continue
        kind = _internal_kind(host, address, domains, tools)
        if kind is None or kind == "internal-host" and _DOCS_DOMAIN.match(host) and not any(host.endswith(d) for d in domains):
            continue  # (the docs' names under a local suffix: "test.local", "example.lan", "corp.contoso.local")
        if kind == "internal-host" and not is_link:
            out.append(SecretCandidate(start, end, "INTERNAL_HOST", kind))
            export = _REMOTE_PATH.match(text, end)
            if export is not None:  # "nfs-prod.acme.intra:/exports/media", "backup.lan:/srv/dumps": an export or a remote path
                out.append(SecretCandidate(export.start("path"), _trim(text, export.start("path"), export.end()), "FILE_PATH", "remote-path"))
        elif kind == "internal-host" or is_link:
            out.append(SecretCandidate(start, end, "INTERNAL_URL", kind))
    return out


def _single_label_links(text: str) -> list[SecretCandidate]:
    """`http://intranet/rh`, `https://jira:8443/browse/X`: a host name without a dot only
    resolves inside a company's network (localhost aside)."""
    out = []
    for m in _SINGLE_LABEL_URL.finditer(text):
        after_host = _AUTHORITY_REST.match(text, m.end("host"))
        if after_host is not None and "@" in after_host.group(0):
            continue  # "ftp://upload:pw@files.example.com": "upload" is a user name, not the host
        host = m.group("host")
        # (with a password in it the link logs into a machine of a network, not a tutorial's container: "postgres://u:X@pgreport/bi";
        # unless the host is a service's generic name, "db", "postgres", "cache")
        userinfo = m.group("userinfo") or ""
        credentialed = ":" in userinfo and not is_placeholder(userinfo.rsplit(":", 1)[1]) and not _GENERIC_HOST.match(host) \
            and host.casefold() not in _CONTAINER_NAMES
        if not m.group("scheme").casefold().startswith(("http", "ftp")) and not _a_machines_name(host) and not credentialed:
            continue  # "redis://cache:6379", "postgres://db/app": a tutorial's container, not a company's machine
        if host.casefold() not in ("localhost", "localhost.localdomain"):
            out.append(SecretCandidate(m.start(), _trim(text, m.start(), m.end()), "INTERNAL_URL", "single-label-host"))
    return out


# The names docker-compose files and tutorials give a service's container, after its software: no company's machine.
_CONTAINER_NAMES = frozenset({"postgres", "postgresql", "pg", "mysql", "mariadb", "mongo", "mongodb", "redis", "cache", "rabbitmq", "rabbit", "kafka",
                              "broker", "mq", "ldap", "openldap", "ftp", "sftp", "mail", "smtp", "app", "web", "api", "backend", "minio", "elasticsearch"})


# Names every machine resolves the same way (Docker's, Kubernetes', the clouds' metadata service): no company's network.
UNIVERSAL_HOSTS: frozenset[str] = frozenset(
    {"host.docker.internal", "gateway.docker.internal", "kubernetes.docker.internal", "metadata.google.internal",
     "kubernetes.default.svc.cluster.local"}
)


def _internal_kind(host: str, address: str, domains: tuple[str, ...], tools: tuple[str, ...]) -> str | None:
    if host in UNIVERSAL_HOSTS:
        return None
    if any(host == d or host.endswith("." + d) for d in domains) or host.rsplit(".", 1)[-1] in INTERNAL_SUFFIXES or host.endswith(".home.arpa"):
        return "internal-host"
    if any(address == t or address.startswith(t.rstrip("/") + "/") or host == t or host.endswith("." + t) for t in tools):
        return "charter-internal-tool"
    labels = host.split(".")
    path = address.split("/", 1)[1] if "/" in address else ""
    if "#" in address.split("/", 1)[0]:
        path = address[address.index("#") :]  # "portal.azure.com/#@tenant/resource/..." or "portal.azure.com#..."
    for domain, dotted, prefix, subdomains_only in _HOSTED_TOOLS:
        on_tool = host.endswith(dotted) if subdomains_only else host == domain or host.endswith(dotted)
        if on_tool and path.startswith(prefix) and not _PUBLISHED_PAGE.search(path) and not _REGIONAL_ENDPOINT.search(labels[0]) \
                and (not prefix or _RESOURCE_ID.search(path, len(prefix)) is not None):
            return "hosted-internal-tool"
    if any(host.endswith("." + service) for service in MEETING_SERVICES) and not _MEETING_SHARED_HOST.fullmatch(labels[0]) \
            and _MEETING_PASSCODE.search(path):
        return "meeting-link-with-passcode"
    for domain, pattern in HOSTED_TOOL_PAGES:
        if (host == domain or host.endswith("." + domain)) and pattern.match(path):
            return "hosted-internal-tool"
    if len(labels) >= 3 and labels[0] in TOOL_LABELS and _registered(host) not in PUBLIC_DOMAINS:
        return "self-hosted-tool"
    return None


def _registered(host: str) -> str:
    """The registrable domain, roughly (last two labels; three for co.uk-style suffixes)."""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in ("co", "com", "gouv", "org", "ac", "gov", "net") and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _paths(text: str) -> list[SecretCandidate]:
    out = []
    for regex, kind, hints in _PATH_SHAPES:
        if not holds_any(text, hints):
            continue  # (substring tests: most posts hold a "/" but none of these)
        for m in regex.finditer(text):
            if text.startswith(_TEMPLATE_OPENINGS, m.end()) or _TEMPLATE_SEGMENT.search(m.group()):
                continue  # a path with a placeholder is a template: "C:\Users\<vous>\Documents", "/home/${USER}/", "%USERNAME%"
            start, end = m.start(), _trim(text, m.start(), m.end())
            if kind == "drive-path" and _SYSTEM_DRIVE_PATHS.match(text[start:end]):
                continue
            if kind == "user-path" and (_HOME_CONVENTION.match(text[start:end]) or _MOUNT_POINT.match(text[start:end])):
                continue  # "~/.ssh", "~/.aws/credentials", "~/Downloads": where every machine keeps them; a mount point
            if kind in ("unc-share", "drive-path"):
                spaced = _SPACED_FILE_NAME.match(text, end)
                if spaced:
                    end = spaced.end()  # "\\nas\rh\budget 2026.xlsx": a file name with spaces
            if end - start > 3:
                out.append(SecretCandidate(start, end, "FILE_PATH", kind))
    return out


# A path under a system root whose folder carries the company's name ("/etc/acme/payroll.yml", "/var/log/acme-crm/app.log",
# "/usr/local/acme/bin/sync"): the company's own software, wherever the system keeps it. The company's name is read from
# its internal domains ("acme" of acme.intra and corp.acme-group.fr).
_SYSTEM_ROOT_PATH = re.compile(r"(?<![\w/.~])/(?:etc|var|opt|srv|usr/local|usr/share|usr/lib|lib|run|tmp|backup|backups|var/opt)/[^\s<>\"'»)\]]+")
_DOTTED_NAME = re.compile(r"\.[a-z]+\.[a-z]")  # "acme-v02.api.letsencrypt.org": a host's name, not a file's
_DOMAIN_WORDS = frozenset({"corp", "intra", "intranet", "internal", "lan", "local", "home", "arpa", "group", "groupe", "fr", "com", "net",
                           "org", "io", "eu", "co", "uk", "de", "www", "ad", "prod", "dev"})


def _company_names(domains: tuple[str, ...]) -> frozenset[str]:
    """The company's names its internal domains give: their labels and the parts of a hyphenated label, 3+ letters, but the
    suffixes and words every company's domain holds."""
    names: set[str] = set()
    for domain in domains:
        for label in domain.split("."):
            names.update(part for part in (label, *label.split("-")) if len(part) >= 3 and part not in _DOMAIN_WORDS)
    return frozenset(names)


def _company_folder_paths(text: str, domains: tuple[str, ...]) -> list[SecretCandidate]:
    names = _company_names(domains) if domains else frozenset()
    if not names or not holds_any(text.casefold(), tuple(names)):
        return []
    out = []
    for m in _SYSTEM_ROOT_PATH.finditer(text):
        end = _trim(text, m.start(), m.end())
        path = text[m.start() : end].casefold()
        # the folder right below the root, or below /var/<log|lib|...>: a package's own folder ("/etc/letsencrypt/acme/" is
        # Let's Encrypt's, the ACME protocol's)
        segments = path.split("/")[2:-1][: 2 if path.startswith(("/var/", "/usr/")) else 1]
        # ... or the leaf, a folder or a file the company named after itself ("/var/lib/jenkins/workspace/acme-erp-release",
        # "/var/backups/acme_paie.tar.gz"): a word joined to its name (not a host name, "acme-v02.api.letsencrypt.org")
        leaf_parts = _leaf_words(path)
        if any(segment in names or segment.split("-")[0].split("_")[0] in names for segment in segments) \
                or len(leaf_parts) >= 2 and any(part in names for part in leaf_parts) and all(part.isalnum() for part in leaf_parts if part):
            out.append(SecretCandidate(m.start(), end, "FILE_PATH", "company-folder-path"))
    return out


def _leaf_words(path: str) -> list[str]:
    """The words joined by dashes or underscores in a path's last folder or file, its extensions aside ("acme_paie.tar.gz": acme,
    paie); none for a host's dotted name ("acme-v02.api.letsencrypt.org")."""
    leaf = path.rstrip("/").rsplit("/", 1)[-1]
    leaf = leaf.rsplit(".", 2)[0] if leaf.count(".") <= 2 and not _DOTTED_NAME.search(leaf) else ""
    return re.split(r"[\-_]", leaf)


_DEEP_PATH = 5  # segments: /var/lib/<tool>/<area>/<name>; the system's own paths are shallower


def _paths_on_internal_hosts(text: str, hosts: list[SecretCandidate], found: list[SecretCandidate]) -> list[SecretCandidate]:
    """A path deep under a system root, in the sentence naming an internal host, whose leaf is a name someone gave (words
    joined): "ssh into build-07.acme.intra and wipe /var/lib/jenkins/workspace/erp-nightly-release", a job's, a site's
    folder on the company's machine. Not a path every system has (/var/lib/docker, /usr/local/bin, /var/log/nginx/error.log:
    shallower, or a leaf of one word)."""
    out = []
    covered = _covered(len(text), found)
    host_starts = sorted(h.start for h in hosts)
    for m in _SYSTEM_ROOT_PATH.finditer(text):
        end = _trim(text, m.start(), m.end())
        path = text[m.start() : end]
        if len(path.strip("/").split("/")) < _DEEP_PATH or any(covered[m.start() : end]):
            continue
        leaf_parts = _leaf_words(path)
        if len(leaf_parts) < 2 or not all(len(part) >= 2 and part.isalpha() for part in leaf_parts):
            continue
        sentence_start, sentence_end = _sentence_bounds(text, m.start(), end)
        first_host = bisect.bisect_left(host_starts, sentence_start)
        if first_host < len(host_starts) and host_starts[first_host] < sentence_end:
            out.append(SecretCandidate(m.start(), end, "FILE_PATH", "path-on-internal-host"))
    return out



def _slash_shares(text: str, domains: tuple[str, ...]) -> list[SecretCandidate]:
    """Shares written "//host/share/...": a host without a dot only resolves inside a company's network; a host
    with one counts when internal ("//cdn.example.com/lib.js", a protocol-relative link, is public)."""
    out = []
    for m in _SLASH_SHARE.finditer(text):
        host = m.group("host").casefold()
        if "." in host and _internal_kind(host, host, domains, ()) != "internal-host" or host in _LOCAL_NAMES:
            continue
        out.append(SecretCandidate(m.start(), _trim(text, m.start(), m.end()), "FILE_PATH", "unc-share"))
    return out


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end

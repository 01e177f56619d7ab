"""Credentials and hosts inside command lines: the password a client takes is a PASSWORD, the host it connects to an
INTERNAL_HOST when its name has no domain (a name without a domain only resolves inside the company's network), a
connection URL's password a CONNECTION_STRING. Public hosts, local ones, tutorials' container names and placeholders
(`<password>`, `$PASSWORD`, `****`) stay clean."""

from __future__ import annotations

import pytest
from conftest import charter_from
from test_secrets import SECRETS_ONLY, secrets

from charterguard import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(charter_from(SECRETS_ONLY))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sqlplus relance_ro/Ecureuil-Roux-5@ora-factu-02:1521/FACTP pour l'export du mois",
         [("CONNECTION_STRING", "Ecureuil-Roux-5"), ("INTERNAL_HOST", "ora-factu-02:1521")]),
        ("mysql -u stock_ro -pBouleau!Blanc7 -h mariadb-stock-03 stock",
         [("PASSWORD", "Bouleau!Blanc7"), ("INTERNAL_HOST", "mariadb-stock-03")]),
        ('psql "host=pg-rh-02 port=5432 dbname=rh user=lecture password=Castor-Brun-61"',
         [("INTERNAL_HOST", "pg-rh-02"), ("PASSWORD", "Castor-Brun-61")]),
        ("redis-cli -h sessions-cache-04 -a Noisette-Grise-2 info",
         [("INTERNAL_HOST", "sessions-cache-04"), ("PASSWORD", "Noisette-Grise-2")]),
        ("sshpass -p 'Orage-Lointain-3' ssh ops@jump-host-02", [("PASSWORD", "Orage-Lointain-3"), ("INTERNAL_HOST", "jump-host-02")]),
        ("rsync -az ./dist/ deploy@front-recette-05:/srv/www/", [("INTERNAL_HOST", "front-recette-05"), ("FILE_PATH", "/srv/www/")]),
        ("ldapsearch -x -H ldap://annuaire-lyon-01 -w Givre-Matinal-40 -b dc=acme",
         [("INTERNAL_URL", "ldap://annuaire-lyon-01"), ("PASSWORD", "Givre-Matinal-40")]),
        # the host as the command's first argument that is no option
        ("telnet commutateur-b2 23 ne répond plus depuis la coupure", [("INTERNAL_HOST", "commutateur-b2")]),
        ("ssh -p 2222 -i ~/.ssh/id_ed25519 exploit@rebond-lille-01", [("INTERNAL_HOST", "rebond-lille-01")]),
        ("nslookup dc-nantes-02 renvoie une vieille adresse", [("INTERNAL_HOST", "dc-nantes-02")]),
        ("xfreerdp /u:compta /v:rds-paie-04 /p:Sureau-Noir-15", [("INTERNAL_HOST", "rds-paie-04"), ("PASSWORD", "Sureau-Noir-15")]),
    ],
)
def test_a_command_line_gives_its_password_and_its_internal_host(checker: Checker, text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(secrets(checker, text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "mysql -u root -p<password> -h db.example.com shop",
        "curl -u user:$API_PASSWORD https://api.github.com/user",
        "psql -h localhost -U postgres",
        "mysql -h db -u app -p",  # a tutorial's container name
        "redis-cli -h cache ping",
        "ssh git@github.com",
        "rsync -av ./site/ user@example.com:/var/www/",
        "docker run -e POSTGRES_PASSWORD=**** postgres",
        "postgres://app@db:5432/app in the compose tutorial",
        # "ping" and "dig" are verbs too
        "I'll ping jean-marc tomorrow about the q3-plan",
        "ping team-a2 when the deck is ready",
        "let's dig into q3-results next week",
        "ping 8.8.8.8 answers, so the link is up",
    ],
)
def test_public_hosts_placeholders_and_tutorial_names_stay_clean(checker: Checker, text: str) -> None:
    assert secrets(checker, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bundler's credentials for a private gem source, in a variable named after its host: the pair is the secret
        ("CI needs this for the pro gems: BUNDLE_GEMS__VENDOR__IO=a81f3c2e:9b7d04f1", [("API_KEY", "a81f3c2e:9b7d04f1")]),
        ('export BUNDLE_GEMS__ACME___GROUP__FR="deploy:Hx7pQ2mZ9vLw"', [("API_KEY", "deploy:Hx7pQ2mZ9vLw")]),
        # a code host's token user: a token
        ("BUNDLE_RUBYGEMS__PKG__GITHUB__COM=x-access-token:ghp_Zq8vX2mN4pL7sR9tU1wY3zA5bC6dE8fG0hK2",
         [("TOKEN", "x-access-token:ghp_Zq8vX2mN4pL7sR9tU1wY3zA5bC6dE8fG0hK2")]),
    ],
)
def test_a_gem_sources_credentials_in_bundlers_variable_are_found(checker: Checker, text: str, expected: list[tuple[str, str]]) -> None:
    assert secrets(checker, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "BUNDLE_WITHOUT=development:test",  # a Bundler setting, not a host's credentials
        "BUNDLE_GEMS__EXAMPLE__COM=username:password",  # the docs' placeholders
        "BUNDLE_GEMS__CONTRIBSYS__COM=${SIDEKIQ_CREDS} from the CI secrets",
    ],
)
def test_bundler_settings_and_placeholders_stay_clean(checker: Checker, text: str) -> None:
    assert secrets(checker, text) == []

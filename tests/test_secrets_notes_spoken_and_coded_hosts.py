"""Notes to self, codes given as the new one, passwords read out as words, phrases that open a lock, templates and famous
joke passwords, machines named by their environment's code at work, company folders under /opt (`secrets` rule kind).

Each mechanism with the look-alikes it must leave alone: reminders of anything else, promo codes, counts of words, places,
books that "open with a phrase", a real password in a template's shape, a famous password said plainly, product models,
tickets, versions, public hosts, packages everyone installs under /opt.
"""

from __future__ import annotations

import pytest
from conftest import SecretsFound, paths_of_acme

from charterguard.secrets.shape import is_placeholder

SECRETS = SecretsFound()
credentials = SECRETS.credentials
infrastructure = SECRETS.infrastructure


# -- a note to self ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Note to self since my memory is a sieve: Tr@mway-4471x. Nothing to see here.", "Tr@mway-4471x"),
        ("Pense-bête parce que je mélange tout : code du casier 🔒 8326, et le vélo est au sous-sol.", "8326"),
        ("memo to me — pin of the company card 5170", "5170"),
        ("Rappel pour moi : mot de passe de la tablette Kiwi#2291", "Kiwi#2291"),
        ("memo to myself: key box 5092 behind reception", "5092"),
    ],
)
def test_what_a_note_to_self_writes_down_is_found(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Note to self: book room 4012 for Tuesday's retro.",
        "Reminder to myself: the promo code 2291 expires on Friday.",
        "Note to self: INC-2026-0042 is still open, chase the vendor.",
        "Rappel pour moi-même : rendre le rapport 2027 avant vendredi.",
        "Note to self: never reuse Summer2024! anywhere, the audit flagged it.",
        "Reminder to myself: buy milk and call the plumber at 10:30.",
        "Note to self: the gate closes at 1830 on Fridays.",
    ],
)
def test_a_note_to_self_of_anything_else_stays_clean(text: str) -> None:
    assert credentials(text) == []


# -- a code given as the new one ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The loading dock gate was reprogrammed after the break-in. New code 6 2 9 8 1 then the star key.", "6 2 9 8 1"),
        ("Serrure du vestiaire réinitialisée hier soir. Nouveau code 40718 puis dièse.", "40718"),
        ("Alarm panel got wiped during the power cut; new code 5 0 2 7 3 from today.", "5 0 2 7 3"),
        ("New PIN for my work SIM after the reset: 2750", "2750"),
    ],
)
def test_a_code_given_as_the_new_one_of_a_lock_is_found(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our new promo code 4471 is live until Sunday.",
        "New code review process starts in 2027.",
        "We shipped new code 3 times this week, the pipeline held.",
        "Le nouveau code postal de l'entrepôt est 69007.",
        "New code standards for the whole team from March: 4 spaces, no tabs.",
    ],
)
def test_a_new_code_that_opens_nothing_stays_clean(text: str) -> None:
    assert credentials(text) == []


# -- a password read out as words, its digits as words -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("IT gave me my new password on a call. It's heron four two lantern, all lowercase.", "heron four two lantern"),
        ("Le mot de passe de la borne se dit « cerise huit trois zéro » sans espace.", "cerise huit trois zéro"),
        ("the guest password is now otter seven seven maple.", "otter seven seven maple"),
        ("The wifi password, spelled out: maple six six tundra.", "maple six six tundra"),
    ],
)
def test_a_password_read_out_with_its_digits_as_words_is_found(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "The wifi password is on the fridge, it's two doors down.",
        "Password tip: it's three random words and two digits.",
        "My password is seven letters long, which is too short now.",
        "Password policy: it's nine characters minimum.",
        "The password manager is great: two three clicks and done.",
        "Guest password for the demo is: one two three four five, the joke from the film.",
    ],
)
def test_numbers_said_about_passwords_stay_clean(text: str) -> None:
    assert credentials(text) == []


# -- a phrase said to open a lock ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The archive room door unlocks with the phrase 'green kettles never sleep' said to the panel.", "green kettles never sleep"),
        ("Le casier des badges s'ouvre avec la phrase « trois pommes sous la table » dite au micro.", "trois pommes sous la table"),
    ],
)
def test_a_quoted_phrase_that_opens_a_lock_is_found(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le roman s'ouvre avec la phrase « il pleuvait sur la ville » et c'est magnifique.",
        "The vault opens with a phrase, not a code, according to the vendor's brochure.",
        "The door opens with the word 'bienvenue' on the screen.",
    ],
)
def test_a_phrase_opening_no_lock_or_not_given_stays_clean(text: str) -> None:
    assert credentials(text) == []


# -- templates and famous joke passwords ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["MOT_DE_PASSE", "DB_PASS", "API_TOKEN", "SECRET_KEY", "CLE-API"])
def test_a_credential_field_name_in_capitals_is_a_placeholder(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", ["WHISKEY", "BYPASS", "Db_Pass", "PASS_2291", "K7QZ9X"])
def test_a_value_in_capitals_that_names_no_field_is_no_placeholder(value: str) -> None:
    assert not is_placeholder(value)


@pytest.mark.parametrize(
    "text",
    [
        "Format attendu : amqp://DB_USER:DB_PASS@BROKER_HOST:5672/ puis votre vhost.",
        "Template: mysql://ADMIN:SECRETPASS@SERVEUR/BASE (fill in your own).",
        "Set 'hunter2' as your password, they said. Nothing could go wrong, they said.",
        "Tr0ub4dor&3 — the famous xkcd password, still funny in every security training.",
        "Mon mot de passe est hunter2, la vieille blague de bash.org, vous la connaissez.",
    ],
)
def test_templates_and_famous_joke_passwords_stay_clean(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Template filled: mysql://ADMIN:K7qz9x@SERVEUR/BASE, works on staging.", "K7qz9x"),
        ("The lobby kiosk password is hunter2, please change it tonight.", "hunter2"),
        ("Use 'Hunt3r2!x' as your password, they said. So I did.", "Hunt3r2!x"),
    ],
)
def test_a_real_password_in_the_same_shapes_is_found(text: str, secret: str) -> None:
    assert secret in [value for _, value in credentials(text)]


# -- machines named by their environment's code, at work -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Can't log in on crm-uat-app02 since this morning, anyone else?", "crm-uat-app02"),
        ("hr-prod-db03 hit 95% memory again during payroll.", "hr-prod-db03"),
        ("Les sauvegardes de la compta partent sur nas-bkp07 chaque nuit.", "nas-bkp07"),
        ("erp-stg-web01 rebooted twice overnight, looking into it.", "erp-stg-web01"),
    ],
)
def test_a_machine_named_by_its_environment_code_at_work_is_found(text: str, host: str) -> None:
    assert ("INTERNAL_HOST", host) in infrastructure(text)


@pytest.mark.parametrize(
    "text",
    [
        "My ASUS rt-ax88 router was at 98% CPU all night.",
        "Ticket INC-2024-0042: disk full on the laptop again.",
        "Release crm-v2-3 is down for maintenance tonight.",
        "The new XPS-13-9310 has 16 GB of RAM and a great screen.",
        "We deployed to app-prod-01.herokuapp.com and CPU is fine.",
        "crm-uat-app02 is the name I'd give the next test server, if we had one.",
        "The dev-sprint3 login page is down, the designers are on it.",
        "The lab-week2 sessions were great, thanks to the speakers.",
        "Sprint sprint-dev-12 ships the login page redesign.",
        "The team qa-squad-2 logged in to the retro board.",
    ],
)
def test_models_tickets_versions_and_public_hosts_stay_clean(text: str) -> None:
    assert infrastructure(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "From the docs: redis://:MY_SECRET_TOKEN@REDIS_HOST:6379/0",
        "Then run psql -h DB_HOST -U app with your own values.",
        "mysql -h db_server -u root -p, db_server being your container's name.",
    ],
)
def test_a_templates_host_variable_is_no_host(text: str) -> None:
    assert infrastructure(text) == []


def test_a_machine_named_on_a_command_line_is_still_a_host() -> None:
    assert ("INTERNAL_HOST", "crm-db-02") in infrastructure("mysql -h crm-db-02 -u root, then check the replica.")


# -- a company folder under /opt ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/opt/acme/historian/exports/line7/", "/opt/acme/reports/q3/", "/opt/acme-mes/spool/"],
)
def test_a_folder_named_after_the_company_under_opt_is_a_path(path: str) -> None:
    assert paths_of_acme(f"The job writes to {path} every hour.") == [path]


@pytest.mark.parametrize("path", ["/opt/conda/envs/ml/", "/opt/acmetools/bin/", "/opt/splunk/etc/apps/"])
def test_a_folder_under_opt_named_otherwise_is_no_company_path(path: str) -> None:
    assert paths_of_acme(f"It is installed in {path} on every box.") == []

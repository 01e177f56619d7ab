"""Passwords handed over as words, and the company's machines named by what they are (`secrets` rule kind).

A password given as words with how to type them ("the password is X Y Z, all lowercase"; « le mot de passe x-y-z, tout
attaché », no connector needed then), one's own password announced after passwords were spoken of ("Mine is now '...'"),
an example the writer then says is theirs; printers, print queues and backup targets named by their device word, a machine
named in the sentence that gives a private address or an internal path, a path under a system root whose leaf carries the
company's name. With the look-alikes each must leave alone: password rules and lengths, places ("on the fridge"),
examples that stay examples or are said not to be the writer's, product models, tickets, norms, trains, public paths,
version strings, a password chosen of capitalised words.
"""

from __future__ import annotations

import pytest
from conftest import SecretsFound, paths_of_acme

SECRETS = SecretsFound()
credentials = SECRETS.credentials
infrastructure = SECRETS.infrastructure


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("While Ines is away, the studio laptop login is studio2 and the password is purple walrus nine lamps, all lowercase.", "purple walrus nine lamps"),
        ("Accès au back-office presse : le mot de passe c'est grenier vélo onze, tout attaché et en minuscules.", "grenier vélo onze"),
        ("le mot de passe tilleul-bateau-orage, tout collé en minuscules, merci de ne pas le diffuser", "tilleul-bateau-orage"),
        ("For the kiosk the pw is cedar lantern fifty (no spaces) - reboot it if it hangs", "cedar lantern fifty"),
        ("The shared Canva password: marble otter sunrise, as one word.", "marble otter sunrise"),
    ],
)
def test_a_password_given_as_words_with_how_to_type_it_is_found(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reminder: the password must be 14 characters minimum, no spaces.",
        "Passwords are case-sensitive, all lowercase will fail.",
        "The wifi password is on the whiteboard, all lowercase.",
        "Le mot de passe doit faire douze caractères, tout attaché.",
        "the password is really long, no spaces though",
        "The password policy says three words, all lowercase.",
        "Never make the password your name and birthday, all lowercase or not.",
    ],
)
def test_rules_and_places_said_with_typing_words_are_left_alone(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("IT wants passphrases now. OK. Mine is now 'velvet canyon morning tractor' and I will never forget it.", "velvet canyon morning tractor"),
        ("On nous impose des phrases de passe. La mienne c'est désormais « hibou citron tempête garage », bonne chance pour la deviner.",
         "hibou citron tempête garage"),
        ("New password rules from security... fine, mine is now Quartz#Falcon88 lol", "Quartz#Falcon88"),
        ("Switched to a passphrase like they asked. Mine's 'walnut glacier tuesday violin' now.", "walnut glacier tuesday violin"),
    ],
)
def test_ones_own_password_announced_after_passwords_were_spoken_of_is_found(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "IT wants passphrases now. Mine is now much longer than before.",
        "Use a password manager. Mine is in the cloud, synced everywhere.",
        "The password reset took an hour. Mine is 'finally working again' as they say.",
        "Mine is now 'velvet canyon morning tractor' says the poem my daughter wrote.",
    ],
)
def test_mine_said_of_no_password_or_with_no_password_word_is_left_alone(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Tip: don't use your street and house number as a password, like Marceau17 (which is exactly what my Netflix uses, oops).",
         "Marceau17"),
        ("Évitez les mots de passe du genre Nantes1994, c'est d'ailleurs celui de mon compte mail…", "Nantes1994"),
        ("Bad passwords look like 'Pluto#2015' - that's my actual one, I should change it.", "Pluto#2015"),
    ],
)
def test_an_example_the_writer_says_is_theirs_is_found(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tip: don't use your street and house number as a password, like Marceau17. Which is what most people do.",
        "Never pick a season and a year as your password, like Winter2025 — attackers try those first.",
        "Bad passwords look like 'Pluto#2015' - that's the pattern, not mine.",
        "Avoid passwords such as Garage2019!, which is what my neighbour uses for everything.",
        "Évitez les mots de passe du genre Nantes1994, c'est ce que tout le monde essaie en premier.",
    ],
)
def test_examples_that_stay_examples_are_left_alone(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Third floor: printer prt-etage3-02 is back, jam cleared.", "prt-etage3-02"),
        ("Pour scanner, passez par la photocopieuse cop-rdc-01 du hall.", "cop-rdc-01"),
        ("Print queue name lyon-hp-07 if it is not listed.", "lyon-hp-07"),
        ("The dumps now go to backup target vault-nas-03 every night.", "vault-nas-03"),
        # named in the sentence that gives a private address or an internal path
        ("If the badge reader hangs, reboot it from 172.20.4.18 or ask on ctl-hall02.", "ctl-hall02"),
        ("Les exports partent de /srv/finance/exports/ vers archive-srv04 chaque soir.", "archive-srv04"),
        ("Old CRM box crm-legacy-09 still answers on 10.40.2.9, please do not power it off.", "crm-legacy-09"),
    ],
)
def test_a_machine_named_by_its_device_word_or_beside_an_address_is_an_internal_host(text: str, host: str) -> None:
    assert ("INTERNAL_HOST", host) in infrastructure(text)


@pytest.mark.parametrize(
    "text",
    [
        "We bought an HP LaserJet M404dn for the accounts team, printer model HP-LJ-M404dn in the catalogue.",
        "Train TGV 8412 is late again, I will join the call from the platform.",
        "Ticket INC-2024-0042 covers the outage of 10.3.0.12, fixed by the network team.",
        "The box at 192.168.10.4 runs SHA-256 checks since the COVID-19 rush, firmware v2-3.",
        "Backup done to /srv/finance/exports/ and the master password is Falcon-Acme-88 as agreed.",
        "Our print queue is long today, sorry for the delay.",
    ],
)
def test_models_tickets_norms_and_chosen_passwords_are_no_machines(text: str) -> None:
    assert not [h for family, h in infrastructure(text) if family == "INTERNAL_HOST" and not h[0].isdigit()]


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("If the deploy fails, clear /var/lib/gitlab-runner/builds/acme-billing-api and retry.", "/var/lib/gitlab-runner/builds/acme-billing-api"),
        ("Le dump part dans /var/backups/nightly/acme_paie.tar.gz, ne le supprimez pas.", "/var/backups/nightly/acme_paie.tar.gz"),
    ],
)
def test_a_system_path_whose_leaf_carries_the_company_name_is_a_file_path(text: str, path: str) -> None:
    assert path in paths_of_acme(text)


@pytest.mark.parametrize(
    "text",
    [
        "Free some space: docker system prune, then check /var/lib/docker and /usr/local/bin on your laptop.",
        "Certbot keeps its account in /etc/letsencrypt/accounts/acme-v02.api.letsencrypt.org/directory on every server.",
        "Logs rotate in /var/log/nginx/access.log, nothing to do.",
        # the company's name as a word of a public tool's file, not joined to another word
        "Let's Encrypt renews through /etc/letsencrypt/renewal/acme.conf by itself.",
    ],
)
def test_public_system_paths_are_left_alone(text: str) -> None:
    assert paths_of_acme(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The badge printer's admin page asks for admin / 24680 and nobody ever changed it.", "24680"),
        ("la mire de connexion du NVR attend admin / 123456, on verra ça après l'audit", "123456"),
        ("FYI the lab switch still signs in with admin/13579, somebody fix it", "13579"),
        ("the old PBX still logs in with root/azerty", "azerty"),
    ],
)
def test_a_plain_pair_said_to_be_in_use_is_found(text: str, secret: str) -> None:
    assert credentials(text) == [("PASSWORD", secret)]


@pytest.mark.parametrize(
    "text",
    [
        "By default the camera's page asks for admin / 12345, change it on first boot.",
        "The login page asks for admin / ********, type yours.",
        "The portal asks for admin / <password> on first use.",
        "Never leave a switch that still signs in with admin/12345 on the network.",
    ],
)
def test_a_default_placeholder_or_advice_pair_is_left_alone(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("When the nightly job breaks, log on to ci-07.acme.intra and empty /var/lib/jenkins/workspace/invoice-batch-export.",
         "/var/lib/jenkins/workspace/invoice-batch-export"),
        ("Sur le serveur SRV-PAIE-02, les exports restent dans /var/opt/paie/exports/fiches-mensuelles jusqu'au 5.",
         "/var/opt/paie/exports/fiches-mensuelles"),
    ],
)
def test_a_deep_path_named_by_someone_on_an_internal_host_is_a_file_path(text: str, path: str) -> None:
    assert path in paths_of_acme(text)


@pytest.mark.parametrize(
    "text",
    [
        # a path every system has, shallower or with a leaf of one word
        "On web-05.acme.intra, tail /var/log/nginx/error.log for the 502s.",
        "Certificates on vault-02.acme.intra sit in /etc/ssl/certs/ca-certificates.crt as on any box.",
        "On 10.6.1.8, prune /var/lib/docker/overlay2/old and keep /usr/local/bin.",
        # no internal host in the sentence
        "In the docs, the workspace is /var/lib/jenkins/workspace/invoice-batch-export on any agent.",
    ],
)
def test_system_paths_or_paths_with_no_internal_host_are_left_alone(text: str) -> None:
    assert paths_of_acme(text) == []

"""Secrets said the way people tell a change or give in (`secrets` rule kind), and what only looks like one.

A code, a PIN, a password or a wifi said to have changed, then its new value in the same sentence or the next ("the new
one's X", "changed it to X"); a refusal taken back before the value (« bon allez si : X »); a privileged account's pair,
however plain, said to still open a machine; a password given as words joined by hyphens right after a password word; a
meeting link on a company's own subdomain carrying its passcode; a key in a login command named a token by its option. With the
look-alikes each must leave alone: promo, error and status codes that change, dates and years, a wifi's new name, a
password manager's name where the value would be, a vendor's documented default, compounds and places written with
hyphens, a bare meeting link, a config's next field name.
"""

from __future__ import annotations

import pytest
from conftest import SecretsFound

findings = SecretsFound()
credentials = findings.credentials


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a code or PIN said to have changed, its new value in the next sentence
        ("Heads up: the loading dock door code changed again. New one's 44817# from Monday.", "44817#"),
        ("lol who set the kiosk pin back to the default. changed it to 551093, keep it quiet", "551093"),
        ("Le digicode du local vélo a changé. Le nouveau c'est 4471B, pensez-y.", "4471B"),
        ("The safe combination was changed on Monday. New one's 31-17-42, don't share it.", "31-17-42"),
        # ... a password or a wifi, the change said before "it's"
        ("the guest wifi got changed this morning, it's now tangerine-walrus-42", "tangerine-walrus-42"),
        ("Le mot de passe de la borne a été réinitialisé, je l'ai changé en Falaise#7781", "Falaise#7781"),
    ],
)
def test_a_secret_said_to_have_changed_is_found_by_its_new_value(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our promo code changed again. New one's BF2026 for the weekend sale.",
        "The error code changed after the update, the new one is 0x80070005.",
        "La date de la réunion a changé, la nouvelle c'est 2026-12-09.",
        "The parking badge PIN was reset, I changed it to 2027 for now.",  # a year
        "the guest wifi was renamed yesterday, it's now Acme-Guest-5G",  # its name
        "The alarm code changed last week. The new one is in the vault, ask Marc.",
        "changed the ticket code to 55102 and the price stayed the same",
    ],
)
def test_what_changes_without_being_a_secret_is_left_alone(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Accès à distance configuré (et non je ne vous donne pas mon mdp… bon allez si : Ch0colatine!) #télétravail", "Ch0colatine!"),
        ("not sharing my vpn pwd here lol… ok fine: Marmot!Tuesday9", "Marmot!Tuesday9"),
    ],
)
def test_a_refusal_taken_back_before_the_value_gives_the_password(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "Un bon mdp, par exemple : Papillon#2026",  # "bon" judging a password, not conceding
        "Je ne vous donne pas mon mdp, évidemment. Demandez à l'IT.",
    ],
)
def test_a_refusal_or_a_judgement_gives_no_password(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("FYI the BMC on srv-12 still answers to root/calvin, please fix.", "calvin"),
        ("Le switch du 2e accepte toujours admin/admin, quelqu'un peut changer ça ?", "admin"),
        ("the old NVR still lets anyone in with the factory default admin:Kamera2019", "Kamera2019"),
    ],
)
def test_a_plain_pair_said_to_still_open_a_machine_is_a_password(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "The default root/calvin is documented by Dell for every iDRAC.",
        "Always change the default admin/admin of a new switch before racking it.",
        "Dell ships every iDRAC with root/calvin, change it on first boot.",
        "The old NAS still works with root/<password>, see the wiki.",
    ],
)
def test_a_documented_default_or_a_placeholder_is_no_password(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("ok fine the password is correct-horse-battery-staple", "correct-horse-battery-staple"),
        ("Le mot de passe du NAS c'est mouette-rouge-falaise-crabe", "mouette-rouge-falaise-crabe"),
    ],
)
def test_words_joined_after_a_password_word_are_a_password(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "the wifi password is on-the-fridge-door as usual",  # a place
        "The password is case-sensitive-by-design, remember that.",  # a compound adjective
        "Our password manager is self-hosted-and-audited now.",
        "Le mot de passe est dans-le-coffre-du-bureau",
    ],
)
def test_a_phrase_written_with_hyphens_after_a_password_word_is_no_password(text: str) -> None:
    assert credentials(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "password? 1Password, as always",
        "Le mdp c'est 1Password qui le garde, demandez l'accès à Karim.",
        "Pour le mot de passe, utilisez 1Password ou Bitwarden.",
        "mdp → 1Password (coffre \"Marketing\")",
        "Store the password in 1Password, never in Slack.",
    ],
)
def test_a_password_managers_name_is_where_the_password_is_kept_not_the_password(text: str) -> None:
    assert credentials(text) == []


def test_a_password_holding_a_password_managers_name_is_still_a_password() -> None:
    assert ("PASSWORD", "1Password2026") in credentials("Password: 1Password2026!")


def test_a_meeting_link_with_its_passcode_on_a_company_subdomain_is_internal() -> None:
    text = "Weekly sync: https://acme-group.zoom.us/j/93312093317?pwd=Zk9xRlQ3WUJaTmRhcGtUV2xLUT09 see you"
    found = findings(text)
    assert ("INTERNAL_URL", "https://acme-group.zoom.us/j/93312093317?pwd=Zk9xRlQ3WUJaTmRhcGtUV2xLUT09") in found
    assert ("CONNECTION_STRING", "Zk9xRlQ3WUJaTmRhcGtUV2xLUT09") in found


@pytest.mark.parametrize(
    "text",
    [
        "Join the standup here: https://acme-group.zoom.us/j/84412093317",  # no passcode: the meeting asks for it
        "Public webinar: https://us02web.zoom.us/j/84412093317?pwd=Zk9xRlQ3WUJaTmRhcGtUV2xLUT09",  # the vendor's shared host
        "Zoom docs: https://support.zoom.us/hc/en-us/articles/201362413",
    ],
)
def test_a_bare_or_vendor_hosted_meeting_link_is_not_internal(text: str) -> None:
    assert not [f for f in findings(text) if f[0] == "INTERNAL_URL"]


@pytest.mark.parametrize(
    ("text", "secret", "family"),
    [
        ("huggingface-cli login --token hf_dHRupAPYQFXCkJPlWbpnUNFhxbPOWTW6BZ", "hf_dHRupAPYQFXCkJPlWbpnUNFhxbPOWTW6BZ", "TOKEN"),
        ("vercel login --token mZ8kQ2xN7pL4vR9tY3wB6cF1", "mZ8kQ2xN7pL4vR9tY3wB6cF1", "TOKEN"),
        ("wandb login 3f9a1c7e2b8d4f6a0c5e9b1d7f3a2c8e4b6d0f9a", "3f9a1c7e2b8d4f6a0c5e9b1d7f3a2c8e4b6d0f9a", "API_KEY"),
    ],
)
def test_a_key_in_a_login_command_takes_the_family_its_option_names(text: str, secret: str, family: str) -> None:
    assert (family, secret) in credentials(text)


def test_a_config_lines_name_after_a_credentials_word_is_no_password() -> None:
    text = "my credentials file has\n[prod]\naws_access_key_id = AKIAQW3RT5YU7IO9PA2S\naws_secret_access_key = " \
           "q8Zr3kLm0Vt6Yp2Xw9Nb5Hc1Jd7Fg4Ks0La8Qe3R\nregion = eu-west-1"
    found = credentials(text)
    assert ("API_KEY", "q8Zr3kLm0Vt6Yp2Xw9Nb5Hc1Jd7Fg4Ks0La8Qe3R") in found
    assert not [f for f in found if f[1] == "aws_secret_access_key"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Côté cour vous tapez 8153B au portail, puis 6627 pour appeler l'ascenseur.", ["8153B", "6627"]),
        ("At the loading bay punch in 4821 on the keypad, then 9930 to call the lift.", ["4821", "9930"]),
    ],
)
def test_the_next_code_of_a_typing_instruction_is_a_code_too(text: str, codes: list[str]) -> None:
    assert [value for family, value in credentials(text) if family == "PASSWORD"] == codes


@pytest.mark.parametrize(
    "text",
    [
        "Tapez 4821 au portail puis 2027 pour la suite",  # a year
        "punch in 4821 on the keypad, then 3 floors up to the meeting area",
        "tapez 4821 au digicode, ensuite 15 euros pour le parking",  # a price
    ],
)
def test_what_follows_a_typed_code_without_opening_anything_is_no_code(text: str) -> None:
    assert [value for _, value in credentials(text)] == ["4821"]


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("opts = ClusterOptions(PasswordAuthenticator('edge_sync', 'Kp4!harbourMint'))", "Kp4!harbourMint"),
        ("auth = HTTPBasicAuth('svc_report', 'Plume#4471x')", "Plume#4471x"),
        ("server.login('alerts@acme.fr', 'Vr8!kestrel')", "Vr8!kestrel"),
        ("r = requests.get(url, auth=('svc', 'Tm2@otter55'))", "Tm2@otter55"),
    ],
)
def test_the_password_handed_to_a_call_that_logs_in_is_a_password(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "auth = HTTPBasicAuth('user', 'password')",
        "creds = pika.PlainCredentials('guest', 'guest')",
        "auth = HTTPBasicAuth('<user>', '<password>')",
        "smtp.login(SMTP_USER, SMTP_PASSWORD)",
        "print('login', 'Tm2@otter55 is the format we expect')",
    ],
)
def test_a_login_call_with_placeholders_or_variables_gives_no_password(text: str) -> None:
    assert credentials(text) == []


def test_a_code_typed_on_any_device_that_takes_one_is_a_code() -> None:
    # (one list of the devices a code opens: a lockbox types a code as a keypad does)
    assert ("PASSWORD", "7731") in credentials("punch in 7731 at the lockbox by the gate")


@pytest.mark.parametrize("text", ["Router: 1200 Mbps max on the guest network", "Printer: 4200 pages a month, toner included"])
def test_a_devices_figure_with_its_unit_is_no_code(text: str) -> None:
    assert credentials(text) == []


def test_a_token_a_log_wrapped_onto_the_next_line_is_one_secret() -> None:
    token = "ya29.a0AfB_byC8kLm2Qz7TnW4vXe9RdP1sGh6JuKo3YiFa5NcMb0VpLtZxSq-wE2rUyD"
    rest = "Hn4Tq8Zm2Lk7Pw3Xv9Rb5Cj1Fd6Gs0Ya"
    text = f"[sync] 2026-12-03T04:10:22Z WARN refresh failed, access_token={token}\n{rest}\n[sync] retrying in 300s"
    assert credentials(text) == [("TOKEN", f"{token}\n{rest}")]


def test_two_secrets_on_their_own_short_lines_stay_two() -> None:
    first, second = "ghp_Zq8Lm2Np9Rt4Vw8Yz3Bc6Df1Gh5Jk0Ls9PqA", "Hn4Tq8Zm2Lk7Pw3Xv9Rb5Cj1Fd6Gs0Ya"
    found = [value for _, value in credentials(f"token: {first}\n{second}\n")]
    assert first in found and f"{first}\n{second}" not in found


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Pour l'atelier : l'identifiant est atelier03, et pour le reste rien ne change, à savoir Menthe#Orage27", "Menthe#Orage27"),
        ("Kiosk login is kiosk02, the rest is unchanged from last week, namely Harbor#Lamp38.", "Harbor#Lamp38"),
    ],
)
def test_the_rest_of_a_login_given_later_in_its_sentence_is_its_password(text: str, secret: str) -> None:
    assert ("PASSWORD", secret) in credentials(text)


@pytest.mark.parametrize(
    "text",
    [
        "l'identifiant est jdupont, le bureau à savoir le B-204",
        "login is kiosk02, ticket i.e. INC-2026#12 pending",
        "l'identifiant est formation01, à savoir le compte de la session : voir le wiki",
    ],
)
def test_what_follows_a_login_without_being_its_password_is_left_alone(text: str) -> None:
    assert credentials(text) == []

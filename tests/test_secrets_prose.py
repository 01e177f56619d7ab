"""Credentials said in prose and pasted from tools, French and English (`secrets.credentials`).

People name a password in many word orders ("use X as the password", "X comme mot
de passe", "the password? It's X", "set the router password to X", "code PIN,
tapez X"), and paste credentials from tools (curl -u, any Authorization scheme,
docker/npm "auth", signed URLs). The value's shape decides; advice, examples,
policies and questions stay clean. The span is the secret itself.
"""

from __future__ import annotations

import pytest

from charterguard.secrets import resolve
from charterguard.secrets.credentials import find_announced


def found(text: str) -> list[tuple[str, str]]:
    return [(c.family, text[c.start : c.end]) for c in resolve(find_announced(text))]


@pytest.mark.parametrize(
    ("text", "password"),
    [
        # the value named after the words
        ("Use Falcon_77!z as the password for the test tenant", "Falcon_77!z"),
        ("Pivoine-2026 comme mot de passe, c'est pour la démo", "Pivoine-2026"),
        ("« Pivoine-2026 » comme mot de passe, c'est pour la démo", "Pivoine-2026"),
        ("Kiwi!Rouge4 est le nouveau mot de passe du compte partagé", "Kiwi!Rouge4"),
        ("Heron88$ is now the wifi password", "Heron88$"),
        # a question, then the answer
        ("The password? It's Tulip-Moon-33. Keep it quiet", "Tulip-Moon-33"),
        ("Le mot de passe ? C'est Nuage#Gris8, ne le répétez pas", "Nuage#Gris8"),
        # set or changed to
        ("I set the router password to Heron88$ so it's easy", "Heron88$"),
        ("J'ai changé le mot de passe du wifi en Marron#Glace9", "Marron#Glace9"),
        # a long gap between the words and the value
        ("Password for the Excel file with the bonus figures is Prime2026!", "Prime2026"),
        ("Le mot de passe du wifi sur la borne est Borne#2026", "Borne#2026"),
        # codes of rooms, doors and terminals
        ("The code to the server room is 5523# now", "5523#"),
        ("Le digicode du local change lundi, ce sera 8812A", "8812A"),
        ("Le code du casier 12 est 4409", "4409"),
        ("Si le terminal demande un code PIN, tapez 4471", "4471"),
        ("When the laptop asks for the password, type Orca-Blue-19", "Orca-Blue-19"),
        # tools
        ("curl -u admin:Exp0rt-N0w! https://api.example.com/v1/export", "Exp0rt-N0w!"),
        ("wget --http-password=Wg3t!Files https://files.example.com/report.pdf", "Wg3t!Files"),
    ],
)
def test_a_password_said_in_any_word_order_is_found(text: str, password: str) -> None:
    assert ("PASSWORD", password) in found(text)


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Authorization: SSWS 00s-_3MnFwGSJLjX3jMFbzr23fgoqY_GP0Zx5Bn", "00s-_3MnFwGSJLjX3jMFbzr23fgoqY_GP0Zx5Bn"),
        ('curl --header "PRIVATE-TOKEN: 9koXpg98eAheJpvBs5tK" https://gitlab.example.com/api/v4/projects', "9koXpg98eAheJpvBs5tK"),
        ('{"auths": {"registry.example.com": {"auth": "Y2ktYm90OlIzZzFzdHJ5LVB1c2g="}}}', "Y2ktYm90OlIzZzFzdHJ5LVB1c2g="),
        ("_auth=Y2ktYm90OlIzZzFzdHJ5LVB1c2g=", "Y2ktYm90OlIzZzFzdHJ5LVB1c2g="),
        ("https://acme.blob.core.windows.net/v?sv=2022-11-02&sp=r&sig=Ab3dEf9hIjKlMn0pQrStUvWxYz12345678%2BabcdEF%3D",
         "Ab3dEf9hIjKlMn0pQrStUvWxYz12345678%2BabcdEF%3D"),
    ],
)
def test_tokens_pasted_from_tools_are_found(text: str, token: str) -> None:
    assert ("TOKEN", token) in found(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a scheme named for a key (Elasticsearch's "ApiKey", "Key")
        ("-H 'Authorization: ApiKey dGVzdDpxWjhyTnA0dkxtMmtYOXRC'", "dGVzdDpxWjhyTnA0dkxtMmtYOXRC"),
        ("Authorization: Key 5b0c7e2f9a1d4e8c6b3a0f2e7d9c1b4a", "5b0c7e2f9a1d4e8c6b3a0f2e7d9c1b4a"),
        # a client id and its secret: the secret half is the span
        ("header à mettre : Authorization: partner-0042:9e1f3c7a5b2d8e4f6a0c1b3d5e7f9a2c", "9e1f3c7a5b2d8e4f6a0c1b3d5e7f9a2c"),
    ],
)
def test_an_authorization_header_naming_a_key_carries_an_api_key(text: str, key: str) -> None:
    assert ("API_KEY", key) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Never use Summer2024! as your password",
        "Something like Tr0ub4dor&3 as the password is fine",
        "I use 1Password as the password manager",
        "Windows11 as the password? Seriously?",
        "Use your birthday as the password? No.",
        "Si le site demande un mot de passe, tapez celui de votre session",
        "Le code de la salle de réunion est affiché sur la porte",
        "We changed the password policy to 14 characters",
        "Changed my password to something stronger today",
        "Évitez Azerty123 comme mot de passe, c'est le premier essayé",
        "curl -u $USER:$PASS https://api.example.com",
        "curl -u user:password https://api.example.com",
        "auth: required",
        "author: Jean Dupont, signature: Marie",
        "Code promo ETE2026 : -20 %",
        "Le code postal du bureau : 69002",
    ],
)
def test_advice_examples_and_questions_stay_clean(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "family", "secret"),
    [
        ("et le secret associé Kp3Ex9T6x9YBleoTRgmTkXmLFb4EM0 pour le bucket", "API_KEY", "Kp3Ex9T6x9YBleoTRgmTkXmLFb4EM0"),
        ("Algolia admin key (not the search-only one!): 71d7c32e294bc9ae8fb8230ebaf6d468", "API_KEY", "71d7c32e294bc9ae8fb8230ebaf6d468"),
        ("Datadog key 6b272d6803d6deec23175bd0a80a61e8 for the agents", "API_KEY", "6b272d6803d6deec23175bd0a80a61e8"),
        ("le jeton du bot, au cas où : q8Zr2LmX0pVn7TbK4sWc9YdE", "TOKEN", "q8Zr2LmX0pVn7TbK4sWc9YdE"),
    ],
)
def test_a_random_value_near_a_key_word_is_a_secret_without_any_connector(text: str, family: str, secret: str) -> None:
    assert (family, secret) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The key figures are in report_2026_final_v2.xlsx",
        "Key takeaway from the ProjectPhoenix2026Release keynote: ship small",
        "Fixed the token refresh bug in commit 9f2c1e7a4b3d8e6f0a1b2c3d4e5f60718293a4b5",
        "Merci pour la clé USB, commande FA2026XZ7781QW0034KP",
        "The public key is ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH8kP0r2Q9x",
        "Ma clé publique : AAAAC3NzaC1lZDI1NTE5AAAAIH8kP0r2Q9x",
        "Secret de la réussite : acme-group-annual-report-2026",
        "Token id 3f1c9a2e-7b4d-4e8a-9c1f-2d3e4f5a6b7c in the logs",
    ],
)
def test_identifiers_file_names_and_public_keys_near_a_key_word_stay_clean(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "family", "secret"),
    [
        ('Our wifi: SSID Acme-Staff, WPA2 passphrase "Ruisseau-Vert-2026"', "PASSWORD", "Ruisseau-Vert-2026"),
        ("Pour le VPN, c'est jdupont / Hiver2026!!", "PASSWORD", "Hiver2026!!"),
        ("Accès au compte Canva : comm@acme-group.fr - Canva2026#", "PASSWORD", "Canva2026#"),
        ("Account: jdoe - Winter2026!", "PASSWORD", "Winter2026!"),
        ("<server><id>nexus</id><password>Mvn-Deploy-77</password></server>", "PASSWORD", "Mvn-Deploy-77"),
        ("<apiKey>3f9c2a7b1e8d4c6f0a5b9e2d7c1f8a3b</apiKey>", "API_KEY", "3f9c2a7b1e8d4c6f0a5b9e2d7c1f8a3b"),
    ],
)
def test_pairs_passphrases_and_xml_config(text: str, family: str, secret: str) -> None:
    assert found(text) == [(family, secret)]


@pytest.mark.parametrize(
    "text",
    [
        "Le wifi : 2.4 / 5GHz selon les salles",
        "Notre compte : Marie / Paul",
        "Our new developer portal: https://developers.example.com/api-keys explains it",
        "<password>{ENCRYPTED}</password>",
        "Office 365 : migration 2025/2026 terminée",
    ],
)
def test_pairs_that_are_not_credentials_stay_clean(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "family", "secret"),
    [
        ("The combination to the safe is 31-17-42", "PASSWORD", "31-17-42"),
        ("La combinaison du cadenas : 4-7-1-9", "PASSWORD", "4-7-1-9"),
        ("code d'accès : 77-41-09", "PASSWORD", "77-41-09"),
        ("Cookie: sessionid=8f2kq9vl3m0x7c1b5n4z6a2s8d0f3g7h", "TOKEN", "8f2kq9vl3m0x7c1b5n4z6a2s8d0f3g7h"),
        ("Set-Cookie: PHPSESSID=k3j4h5g6f7d8s9a0q1w2e3r4t5", "TOKEN", "k3j4h5g6f7d8s9a0q1w2e3r4t5"),
    ],
)
def test_combinations_grouped_codes_and_session_cookies(text: str, family: str, secret: str) -> None:
    assert found(text) == [(family, secret)]


@pytest.mark.parametrize(
    "text",
    [
        "csrf_token=Zx8Yq1Wv2Ut3Sr4Qp5On6Ml7Kj8Ih9G",  # anti-forgery, issued per page
        'pwd = os.getenv("DB_PWD")',
        'password = input("Password: ")',
        "DB_PASSWORD=process.env.DB_PASSWORD",
        "SECRET_KEY = settings.SECRET_KEY",
        "Le code de la porte est 12.05.2026 ? non c'est la date",
        "session: morning, sid: 12",
    ],
)
def test_code_references_dates_and_anti_forgery_tokens_stay_clean(text: str) -> None:
    assert found(text) == []


def test_a_host_name_that_starts_with_a_pair_word_is_not_a_pair() -> None:
    assert found("https://portal.azure.com/#@acmegroup.onmicrosoft.com/resource/subscriptions/123") == []


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("clé wifi Acme2026Guest", "Acme2026Guest"),
        ("Access code 774411 for the conference line", "774411"),
        ("door code 4451 for tonight", "4451"),
        ("The admin password hasn't changed: it's still Spring2024!", "Spring2024"),
    ],
)
def test_short_forms_and_a_colon_then_it_is(text: str, password: str) -> None:
    assert found(text) == [("PASSWORD", password)]


@pytest.mark.parametrize("text", ["code ETE2026 pour -20%", "Le code source 2026 est sur GitHub", "Password: it's a secret 😉"])
def test_code_alone_and_a_coy_answer_are_not_passwords(text: str) -> None:
    assert found(text) == []


def test_tutorial_credentials_on_the_readers_own_machine_and_anonymous_ftp_are_not_secrets() -> None:
    from charterguard.secrets.credentials import find_url_credentials

    for text in ("postgres://postgres:postgres@localhost:5432/dev", "amqp://guest:guest@localhost:5672/", "ftp://anonymous:guest@ftp.example.org/pub"):
        assert find_url_credentials(text) == [], text
    text = "redis://:S3cr3t-Cache@localhost:6379 and amqp://guest:guest@rabbit.acme.intra:5672/"
    assert [text[c.start : c.end] for c in find_url_credentials(text)] == ["S3cr3t-Cache", "guest"]


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("our shared login: social@acme-group.fr / S0cial#Team", "S0cial#Team"),
        ("Le compte admin du site (admin / Site#Admin26) est partagé", "Site#Admin26"),
        ("Use admin/Adm1n!2026 to log in", "Adm1n!2026"),
        ("Le compte de j.martin / Choc0!late9 est bloqué", "Choc0!late9"),
    ],
)
def test_a_user_slash_password_pair_in_a_sentence_about_logging_in(text: str, password: str) -> None:
    assert found(text) == [("PASSWORD", password)]


@pytest.mark.parametrize(
    "text",
    [
        "Connect via TCP/IP or input/output ports to the admin console",
        "Our account growth: 2025/2026 was +35%, see Q3/Q4-2026!",
        "Le compte Instagram a 12k abonnés, et/ou LinkedIn/Sales-Navigator2",
        "The truth for the gun control/anti-2A account",
    ],
)
def test_slashes_between_words_figures_and_names_are_not_pairs(text: str) -> None:
    assert found(text) == []


def test_a_dashed_code_is_not_read_as_a_date_unless_it_is_one() -> None:
    assert found("Le code secret du coffre de la compta : 7-24-11") == [("PASSWORD", "7-24-11")]
    assert found("Le code de la porte est 12-05-2026 ? non, ça c'est la date") == []


def test_so_it_is_after_a_comma() -> None:
    text = "On a remis le mot de passe par défaut du routeur, donc c'est Box-Secure#7 pour l'instant"
    assert found(text) == [("PASSWORD", "Box-Secure#7")]


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("Le mot de passe, tu l'as déjà : Falaise#Rose8", "Falaise#Rose8"),
        ("the pwd? ah yes, here: Glacier!Moon9", "Glacier!Moon9"),
    ],
)
def test_anything_between_the_word_and_a_colon_when_the_value_is_strongly_shaped(text: str, password: str) -> None:
    assert found(text) == [("PASSWORD", password)]


@pytest.mark.parametrize(
    "text",
    [
        "Le mot de passe doit contenir : majuscules, chiffres, Symboles#1",
        "Password rules: Min8Chars!x",
        "Mot de passe oublié ? Contactez : support@acme-group.fr",
    ],
)
def test_rules_and_contacts_after_a_password_word_and_a_colon(text: str) -> None:
    assert found(text) == []


def test_a_semicolon_list_is_a_connection_string_only_when_it_names_a_server() -> None:
    assert found("user=bob.lenoir;pass=B0b!Lenoir55") == [("PASSWORD", "B0b!Lenoir55")]
    assert found("Server=sql01;Database=crm;User Id=sa;Password=Sup3rS3cret!;") == [("CONNECTION_STRING", "Sup3rS3cret!")]


def test_a_password_word_inside_a_url_announces_nothing_after_it() -> None:
    assert found("The template has DATABASE_URL=postgres://user:password@localhost:5432/mydb, change it") == []


@pytest.mark.parametrize(
    ("text", "password"),
    [
        # a wifi key said without the word "password"
        ("Réseau Acme-Atelier, PSK : Colibri#Vert12", "Colibri#Vert12"),
        ("The pre-shared key for the demo AP is Walrus_Blue_61", "Walrus_Blue_61"),
        ("la clé de sécurité réseau du labo : Hibou-42-Nuit", "Hibou-42-Nuit"),
        ("Network key for the training room is Cactus!2027", "Cactus!2027"),
        ("Clé WPA3 de la salle Jaune : Mouette_Sable_3", "Mouette_Sable_3"),
        ("wifi → Kayak#Rouge99", "Kayak#Rouge99"),
        ("Wifi de la salle B = Panda!Lune7", "Panda!Lune7"),
        ("Le QR du wifi : WIFI:S:Acme-Labo;T:WPA;P:Renard\\;Bleu9;;", "Renard\\;Bleu9"),
        # a secret said as "the secret"
        ("The signing secret for the callback: Zq7mK2vLp9Tx", "Zq7mK2vLp9Tx"),
        ("Le secret partagé du VPN est Kiosque!88", "Kiosque!88"),
    ],
)
def test_a_wifi_key_or_a_secret_said_without_the_word_password(text: str, password: str) -> None:
    assert found(text) == [("PASSWORD", password)]


@pytest.mark.parametrize(
    "text",
    [
        "WPA2-PSK or WPA3? Our guide compares them.",
        "The network key is printed under the router.",
        "Wifi : Acme-Invites-5G, code à l'accueil",
        "WiFi: ACME-GUEST-2G",
        "wifi = ok, coffee = ok",
        "Wifi: Acme-Salle-3, mot de passe affiché sur la porte",
        "Le secret de notre réussite ? L'équipe.",
        "The secret: Execution2026 mindset, every single day",
        "Secret de la réussite : acme-group-annual-report-2026",
        "Security key (YubiKey 5C) ordered for the whole team",
        "Accès au site : lundi / mardi, 9h-18h",
        "Compte rendu : marketing / ventes, Q3#2026 en hausse",
    ],
)
def test_network_names_security_keys_and_secrets_of_success_stay_clean(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("redis-cli -h 10.0.0.9 -a 'Qu3ue!Redis' INFO", "Qu3ue!Redis"),
        ("net use Z: \\\\fs01\\rh /user:ACME\\mdupont Printemps#26", "Printemps#26"),
        ("smbclient //fs01/rh -U mdupont%Printemps#26", "Printemps#26"),
        ("openssl rsa -in k.pem -passin pass:K3y-Pass!", "K3y-Pass!"),
        ("7z x archive.7z -pSauvegarde#2027", "Sauvegarde#2027"),
        ("unzip -P Z1p-Secret! export.zip", "Z1p-Secret!"),
        ("sqlcmd -S sql01 -U sa -P Sql!Admin2027", "Sql!Admin2027"),
        ("ldapsearch -x -D cn=admin -w Ld4p-Adm1n -b dc=acme", "Ld4p-Adm1n"),
        ("xfreerdp /v:ts01 /u:adm /p:Rdp#Access9", "Rdp#Access9"),
        ("mongosh mongodb://db01 -u app -p M0ngo!App", "M0ngo!App"),
        ("Mon ~/.pgpass :\ndb01:5432:crm:crm_app:Pg-Crm!2027", "Pg-Crm!2027"),
    ],
)
def test_passwords_on_command_lines_and_in_credential_files(text: str, password: str) -> None:
    assert ("PASSWORD", password) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "mysql -u root -p   # prompts for the password",
        "zip -r site.zip public/ -x '*.tmp'",
        "redis-cli -h localhost ping",
        "net use Z: \\\\fs01\\rh /persistent:yes",
        "Le format de ~/.pgpass : hostname:port:database:username:password",
    ],
)
def test_commands_that_carry_no_password_stay_clean(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("Creds for the press portal are presse / Journal!2027", "Journal!2027"),
        ("Les identifiants du back-office sont support / Bo-Support#9", "Bo-Support#9"),
        ("Mes accès VPN, au cas où : jdupont / Vpn#Acces2027", "Vpn#Acces2027"),
        ("Code confidentiel de la carte affaires : 4410", "4410"),
    ],
)
def test_a_login_pair_or_a_confidential_code(text: str, password: str) -> None:
    assert found(text) == [("PASSWORD", password)]


@pytest.mark.parametrize(
    ("text", "family", "value"),
    [
        ("ALGOLIA_ADMIN_KEY=8c1f4e2a9b7d3c5e6f0a1b2c3d4e5f60", "API_KEY", "8c1f4e2a9b7d3c5e6f0a1b2c3d4e5f60"),
        ("MASTER_KEY: 'Vb7Kq2Lm9Xz4Rt1Wp8Yn'", "API_KEY", "Vb7Kq2Lm9Xz4Rt1Wp8Yn"),
        ("Le refresh_token Google : 1//03Hk9Lm2Np4Qr6St8Uv0Wx2Yz4Ab6Cd8Ef0Gh2Ij4", "TOKEN", "1//03Hk9Lm2Np4Qr6St8Uv0Wx2Yz4Ab6Cd8Ef0Gh2Ij4"),
    ],
)
def test_keys_named_by_any_key_variable_and_tokens_named_as_identifiers(text: str, family: str, value: str) -> None:
    assert (family, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=",
        "PUBLIC_KEY=MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE9xK2",
        "SECRET_FILE=/run/secrets/Db-Password_2027",
        "PASSWORD_MIN_LENGTH=14",
        "sort_key: createdAt2026Index",
    ],
)
def test_config_names_that_describe_or_locate_a_secret_are_not_secrets(text: str) -> None:
    assert found(text) == []


def test_the_docs_sample_keys_are_clean_in_a_docs_sentence_but_reported_when_pasted_alone() -> None:
    assert found("From the AWS docs: aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == []
    assert found("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == [
        ("API_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    ]


@pytest.mark.parametrize(
    ("text", "family", "secret"),
    [
        # a login then its password after "pass" / "pw" (the pass word separates, it is not the password)
        ("Compte partagé du kiosque : login kiosque-accueil, pass Borne!Accueil7 (merci de ne pas le changer)", "PASSWORD", "Borne!Accueil7"),
        ("shared Figma seat: login design@acme-example.fr, pw Fig#Seat2027. ask before using", "PASSWORD", "Fig#Seat2027"),
        # the password named, then "the new one is" later in the sentence
        ("mot de passe du compte YouTube changé hier soir, la nouvelle c'est Tube#Acme88 — à noter", "PASSWORD", "Tube#Acme88"),
        ("we rotated the wifi password this morning, the new one is Gecko!Vert42", "PASSWORD", "Gecko!Vert42"),
        # a meeting's secret code
        ("Webinaire de jeudi : ID 915 220 4471, code secret 7hQx2P", "PASSWORD", "7hQx2P"),
        # a user / password pair far into a sentence that starts by naming the account
        ("Identifiants de la page Facebook du salon, réservés à l'équipe communication : salon.acme / Fb-Salon_2026", "PASSWORD", "Fb-Salon_2026"),
        # a key after a label line, letters only (a consumer key of a social network's API)
        ("Keys for the listening dashboard:\nAPI Key: QwErTyUiOpAsDfGhJkLzXcVbN\nthanks", "API_KEY", "QwErTyUiOpAsDfGhJkLzXcVbN"),
        # a query string: "key=" is the API key, "token=" the token, each with its own family
        ("works in Postman: key=4f1c2b9e8d7a6c5b4a39281706f5e4d3&token=ATTAb1" + "9c" * 30 + "x8Yz7Wq6", "API_KEY", "4f1c2b9e8d7a6c5b4a39281706f5e4d3"),
        # a social network's consumer key and secret
        ("X app:\nConsumer Key: q8ZtW2mLx4RcV7bN1kPsYd\nthanks", "API_KEY", "q8ZtW2mLx4RcV7bN1kPsYd"),
        # a private key named so in config (WireGuard), not an API key
        ("[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\nListenPort = 51820", "PRIVATE_KEY", "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk="),
    ],
)
def test_pairs_new_ones_meeting_codes_labels_and_query_strings(text: str, family: str, secret: str) -> None:
    assert (family, secret) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Notre équipe MDP (Master Data Platform) recrute un data engineer",
        "Le mot de passe « Soleil2026 » est interdit par notre politique : nom + année = refusé",
        "Passwords like Summer2026! are banned by our policy",
        "Notre ancien mot de passe « Printemps2025 » n'est plus autorisé par la politique",
        "uid=svc-kiosk, pw rotated yesterday, server ldaps://ldap01.acme.intra:636",
        "TWILIO_ACCOUNT_SID=AC3f7c6ba7059797a16e5a1067f87ee090",
        "Doc : Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;",
        "Our brand book: HelloWorldFromTheMarketingTeam is the tagline, API Key: HelloWorldFromTheMarketingTeam",
    ],
)
def test_asides_banned_examples_links_and_account_ids_are_not_secrets(text: str) -> None:
    assert found(text) == []


def test_a_password_holding_a_raw_at_sign_runs_to_the_last_at_before_the_host() -> None:
    from charterguard.secrets.credentials import find_url_credentials
    from charterguard.text.urls import userinfo_spans

    text = "Dépôt SFTP : sftp://depot:Qu@i#Sud26@sftp.partenaire-example.com:22/in, et contact@partenaire-example.com"
    assert [text[c.start : c.end] for c in find_url_credentials(text)] == ["Qu@i#Sud26"]
    # the whole user part is never an e-mail address; the contact after it still is one
    assert [text[s:e] for s, e in userinfo_spans(text)] == ["depot:Qu@i#Sud26@sftp.partenaire-example.com"]


@pytest.mark.parametrize(
    ("text", "family", "secret"),
    [
        # a config variable said in prose, or given its value after a space as command lines do
        ("SMTP_PASS vaut Hirondelle-77 depuis lundi", "PASSWORD", "Hirondelle-77"),
        ("The WEBHOOK_SIGNING_SECRET is whk9Qm2Lx7Rt4Vb8Np3Zs6Jd", "API_KEY", "whk9Qm2Lx7Rt4Vb8Np3Zs6Jd"),
        ("aws configure set aws_secret_access_key Gz7Kp1Lm0Qw9Er8Ty2Ui3Op4As5Df6Gh7Jk8Lz9X",
         "API_KEY", "Gz7Kp1Lm0Qw9Er8Ty2Ui3Op4As5Df6Gh7Jk8Lz9X"),
        # the last word of a config name says what it holds: a session's signing secret is a key
        ("COOKIE_SESSION_SECRET=Yb3Kq8Wn1Pz6Tc4Hx9Lm2Vr7", "API_KEY", "Yb3Kq8Wn1Pz6Tc4Hx9Lm2Vr7"),
        # any header named "...-Key", quoted as code writes headers (a header's credential is a token)
        ("headers = {'X-Vendor-Key': 'c4e9a1f7b2d8e3c6a0f5b9d2e7a1c8f3'}", "API_KEY", "c4e9a1f7b2d8e3c6a0f5b9d2e7a1c8f3"),
        ("session_token: Hq4Zt8Lp2Wm6Xc9Vb3Nk7Rs1", "TOKEN", "Hq4Zt8Lp2Wm6Xc9Vb3Nk7Rs1"),
        # "private key" and « clé privée » announce a private key, whatever its encoding
        ("Node key for the VPN peer, private key Qm3Kx9Lp2Vb7Nt4Wz8Hc1Rj6Yd5Fs0Ga+Tu3Ei7Ox2Pw=", "PRIVATE_KEY",
         "Qm3Kx9Lp2Vb7Nt4Wz8Hc1Rj6Yd5Fs0Ga+Tu3Ei7Ox2Pw="),
        ("La clé privée du nœud : 7f3a9c1e5b2d8f4a6c0e9b3d7a1f5c8e2b6d0a4f9c3e7b1d5a8f2c6e0b4d9a3f", "PRIVATE_KEY",
         "7f3a9c1e5b2d8f4a6c0e9b3d7a1f5c8e2b6d0a4f9c3e7b1d5a8f2c6e0b4d9a3f"),
        # ... but a "private" API key of 128 bits is an API key (a vendor's public / private key pair)
        ("Clé publique 3b8e1f6a9c2d7b4e0a5f8c1d6b9e2a7f, clé privée 9d4a2e7b1f6c3a8d5e0b7f2c9a4d1e6b", "API_KEY",
         "9d4a2e7b1f6c3a8d5e0b7f2c9a4d1e6b"),
        # a JDBC link's properties are a connection string
        ("jdbc:postgresql://db.example.org:5432/ventes;user=lecteur;password=Vente$2027a", "CONNECTION_STRING", "Vente$2027a"),
        # a kind of password between the word and the value
        ("Ton mot de passe temporaire Printemps!31, tu le changeras", "PASSWORD", "Printemps!31"),
        # a word inside a hyphenated compound is not that word: a "coffre-fort" is a safe, not a "strong" password
        ("mot de passe du coffre-fort du service = Gravier.Lune.58", "PASSWORD", "Gravier.Lune.58"),
        ("your temporary pw Walrus#Dock5 expires tonight", "PASSWORD", "Walrus#Dock5"),
        # a network named, then its key or a colon and a value no word looks like
        ("Guest network ACME-VISIT, key Fjord&Pine88", "PASSWORD", "Fjord&Pine88"),
        ("Pour rejoindre le Wi-Fi « Atelier-B » au deuxième étage : Ciboulette#73", "PASSWORD", "Ciboulette#73"),
        # a login and a password after a longer label
        ("Pour le compte LinkedIn Ads de la marque employeur, c'est rh@acme-group.fr et Grenade!Bleu5", "PASSWORD", "Grenade!Bleu5"),
    ],
)
def test_secrets_named_by_config_names_kinds_and_networks(text: str, family: str, secret: str) -> None:
    assert (family, secret) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # public defaults said to be defaults
        "After installation the default login is admin / admin, and the wizard makes you change it.",
        "Le code PIN par défaut de la carte SIM est 0000 : changez-le dans les réglages.",
        # a hyphenated word after the password word is a word, not the password
        "Le mot de passe Wi-Fi est affiché à l'accueil",
        "The password Back-Office rules changed: 14 characters minimum",
        # names and words, not values
        "DB_PASSWORD field is required in the form",
        "API_KEY rotation is now automated by the platform team",
        "X-CSRF-Token: 6b1f3c9e8d2a4f7b0c5e1d9a3f8b2c7e",
        "Le Wi-Fi du salon : demandez le code à l'accueil, il change chaque jour.",
        "Le code wifi est sur le badge visiteur, demandez-le en arrivant.",
    ],
)
def test_defaults_words_and_names_are_not_secrets(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "password"),
    [
        # any option naming a password, one dash or two
        ("keytool -genkeypair -keystore edge.p12 -storepass Basalte-71 -keypass Basalte-71", "Basalte-71"),
        ("restic backup --repo-password Ardoise!Vent3 /srv/data", "Ardoise!Vent3"),
        # a user option and a password option on one command line, whatever the tool
        ("podman login -u build -p Tr3sor!Img quay.example.com", "Tr3sor!Img"),
        ("rabbitmqadmin -u ops -p Lapin#Queue8 list queues", "Lapin#Queue8"),
        # SQL, htpasswd, PowerShell
        ("CREATE LOGIN etl WITH PASSWORD = 'x', then: CREATE USER bi IDENTIFIED BY \"Pelican%Gris6\";", "Pelican%Gris6"),
        ("htpasswd -bc /etc/apache2/.htpasswd presse Kiosque#2027", "Kiosque#2027"),
        ('$secure = ConvertTo-SecureString -String "Falaise!Nord8" -AsPlainText -Force', "Falaise!Nord8"),
        # a password word, an arrow, then user / password
        ("Mot de passe de la préprod → recette / Glycine#Mai4", "Glycine#Mai4"),
    ],
)
def test_passwords_given_to_tools_are_found_by_the_option_that_names_them(text: str, password: str) -> None:
    assert ("PASSWORD", password) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "ssh -l deploy -p 2222 bastion.example.com",  # a port after -p
        "docker login -u ci --password-stdin < token.txt",
        "docker login -u ci -p $REGISTRY_PASSWORD registry.example.com",
        "keytool -list -keystore cacerts -storepass changeit",  # the JDK's documented default
        "CREATE USER reporting IDENTIFIED BY '<password>';",
        "mysql -u root -p (it prompts for the password)",
    ],
)
def test_options_without_a_secret_value_are_clean(text: str) -> None:
    assert found(text) == []

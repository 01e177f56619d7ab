"""Internal infrastructure links (`secrets.infrastructure`): a workspace's own documents and
boards on hosted tools are internal links; the same tools' public pages, forms and
community files are not."""

from __future__ import annotations

import pytest

from charterguard.secrets import resolve
from charterguard.secrets.infrastructure import find_infrastructure


def found(text: str) -> list[tuple[str, str]]:
    return [(c.family, text[c.start : c.end]) for c in resolve(find_infrastructure(text, ["acme.intra"]))]


@pytest.mark.parametrize(
    "link",
    [
        "https://docs.google.com/spreadsheets/d/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/edit",
        "https://docs.google.com/document/d/1Qw3rTy9uIoP/edit#heading=h.x",
        "https://drive.google.com/drive/folders/1a2B3c4D5e6F7g8H9i0J",
        "https://www.figma.com/file/Xy12AbCdEf/Brand-Guidelines",
        "https://miro.com/app/board/uXjVN1a2b3c=/",
        "https://trello.com/b/Ab12Cd34/roadmap",
        "https://app.asana.com/0/1200000000000/list",
        "https://airtable.com/appAbc123/tblXyz",
    ],
)
def test_a_workspace_document_on_a_hosted_tool_is_an_internal_link(link: str) -> None:
    assert found(f"Tout est là : {link} (à jour)") == [("INTERNAL_URL", link)]


@pytest.mark.parametrize(
    "text",
    [
        "Inscrivez-vous : https://docs.google.com/forms/d/e/1FAIpQLSf/viewform",
        "Free kit: https://www.figma.com/community/file/123/Design-System",
        "See https://airtable.com/product and https://trello.com/pricing",
        "https://www.google.com/search?q=acme",
    ],
)
def test_public_pages_forms_and_community_files_of_the_same_tools_are_not(text: str) -> None:
    assert found(text) == []


def test_the_reserved_ranges_themselves_are_documentation_a_subnet_inside_them_is_internal() -> None:
    assert found("Private ranges are 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16; CGNAT is 100.64.0.0/10") == []
    assert found("Our site network is 10.20.0.0/16 and the cameras 192.168.50.0/24") == [
        ("INTERNAL_HOST", "10.20.0.0/16"), ("INTERNAL_HOST", "192.168.50.0/24"),
    ]


def test_a_home_directory_path_is_internal_the_conventional_ones_are_not() -> None:
    assert found("Tout est dans ~/Documents/Clients/contrats_2026.xlsx") == [("FILE_PATH", "~/Documents/Clients/contrats_2026.xlsx")]
    assert found("Never share ~/.ssh or ~/.aws/credentials; downloads land in ~/Downloads") == []


def test_a_link_with_any_scheme_to_an_internal_host_is_reported_whole() -> None:
    link = "amqp://guest:guest@rabbit.acme.intra:5672/"
    assert found(f"Broker: {link}") == [("INTERNAL_URL", link)]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Le serveur SRV-PAIE-01 héberge la paie", "SRV-PAIE-01"),
        ("the build runs on host ci-runner-03 tonight", "ci-runner-03"),
        ("la VM dev_vm12 est lente", "dev_vm12"),
        ("Le serveur de prod est PRD-WEB-02", "PRD-WEB-02"),
    ],
)
def test_a_machine_named_after_a_server_word_is_an_internal_host(text: str, host: str) -> None:
    assert found(text) == [("INTERNAL_HOST", host)]


@pytest.mark.parametrize(
    "text",
    [
        "Windows Server 2019 is end of life",
        "Le serveur Discord compte 2-3 membres actifs",
        "Server COVID-19 dashboard is public",
        "Machine learning with GPT-4 on our servers",
        "Our servers run Ubuntu-22-04 now",
        "The host of the event is Marie-Anne-2",
    ],
)
def test_products_versions_and_names_after_a_server_word_are_not_hosts(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "link",
    [
        "https://www.notion.so/acme/Compte-rendu-comite-0a1b2c3d4e5f60718293a4b5c6d7e8f9",
        "https://www.notion.so/0a1b2c3d4e5f60718293a4b5c6d7e8f9?pvs=4",
        "https://linear.app/acme/issue/OPS-77/migrer-le-dns",
        "https://linear.app/acme/project/refonte-du-site-9c1d2e",
        "https://www.dropbox.com/scl/fi/k2j3h4g5f6d7s8a9/contrat.pdf?rlkey=q1w2e3r4t5y6&dl=0",
        "https://us-east-1.console.aws.amazon.com/rds/home?region=us-east-1#database:id=crm-prod",
        "https://portal.azure.com/#@acme.onmicrosoft.com/resource/subscriptions/0f1e2d3c/resourceGroups/rg-crm/overview",
        "https://console.cloud.google.com/storage/browser/exports-crm?project=acme-crm-prod",
        "https://console.cloud.google.com/storage/browser/exports-crm",
        "https://storage.cloud.google.com/acme-rh/contrats/avenant.pdf",
        "https://www.figma.com/proto/Qw7Er9Ty/Onboarding-app?node-id=3-14",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ4ZTc1/0?context=%7b%22Tid%22%7d",
        "https://trello.com/b/Xk4pQ9mZ/plan-de-lancement",
    ],
)
def test_workspace_pages_and_cloud_console_resources_are_internal_links(link: str) -> None:
    assert found(f"Voir {link} avant la réunion") == [("INTERNAL_URL", link)]


@pytest.mark.parametrize(
    "text",
    [
        "Notion's pricing page https://www.notion.so/pricing and https://www.notion.so/templates/okr",
        "Our careers page is published at https://acme.notion.site/Careers-0a1b2c3d4e5f60718293a4b5c6d7e8f9",
        "Linear's method: https://linear.app/method and https://linear.app/changelog",
        "Sign in at https://console.aws.amazon.com/ or https://portal.azure.com/ with SSO",
        "Google Cloud console: https://console.cloud.google.com/",
        "Lettre publiée : https://docs.google.com/document/d/e/2PACX-1vRk2/pub",
        "https://docs.google.com/spreadsheets/d/e/2PACX-1vS9x/pubhtml is our public price list",
        "Dropbox's help: https://help.dropbox.com/share/create-and-view-links",
        # a shared tool's route with no resource after it: the meeting, the board are elided
        "Le webinaire est sur https://teams.microsoft.com/l/meetup-join/... ouvert aux clients",
        "boards live at https://trello.com/b/ as usual",
    ],
)
def test_vendor_pages_bookmarks_and_published_documents_are_not_internal(text: str) -> None:
    assert found(text) == []


def test_a_bucket_uri_is_an_internal_link_unless_the_docs_or_open_data() -> None:
    assert found("aws s3 cp s3://acme-paie-2026/exports/ . --recursive") == [("INTERNAL_URL", "s3://acme-paie-2026/exports/")]
    assert found("gsutil ls gs://crm-backups-eu") == [("INTERNAL_URL", "gs://crm-backups-eu")]
    assert found("In the tutorial: aws s3 cp s3://my-bucket/file.txt .") == []
    assert found("gs://example-bucket/data.csv and s3://<bucket>/key") == []
    assert found("Open data: s3://noaa-isd-pds/data/ (public dataset)") == []


def test_a_share_written_as_a_link_is_a_file_path() -> None:
    assert found("Sur smb://nas.acme.intra/rh/contrats/") == [("FILE_PATH", "smb://nas.acme.intra/rh/contrats/")]


def test_folder_names_with_spaces_belong_to_the_path_a_command_switch_does_not() -> None:
    path = "D:\\Partage\\Comité - Direction 2027\\budget.xlsx"
    assert found(f"Le fichier : {path}") == [("FILE_PATH", path)]
    assert found("net use Y: \\\\fs-rh\\paie /user:ACME\\adm") == [("FILE_PATH", "\\\\fs-rh\\paie")]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("The print server moved, it's now PRN-SRV-07 (172.22.9.41). Re-add your printers", "PRN-SRV-07"),
        ("le NAS 10.4.0.12 (nas-compta-02) est plein", "nas-compta-02"),
        ("Le serveur SQL est SRV-SQL-02\\COMPTA (10.20.1.15), base Compta", "SRV-SQL-02\\COMPTA"),
        ("Server=SQL-RH-01\\PAIE;Database=Rh;Integrated Security=true;", "SQL-RH-01\\PAIE"),
        ("Data Source=dbprod07,1433;Initial Catalog=Crm;", "dbprod07"),
    ],
)
def test_a_machine_named_next_to_its_private_address_or_as_a_connection_strings_server(text: str, host: str) -> None:
    assert ("INTERNAL_HOST", host) in found(text)


def test_a_public_server_in_a_connection_string_or_a_name_next_to_a_public_address_is_not_internal() -> None:
    assert found("Server=tcp:acme.database.windows.net,1433;Database=crm;") == []
    assert found("Server=localhost;Database=dev;") == []
    assert found("Doc: Server=myServerAddress;Database=myDataBase;") == []  # the docs' placeholders
    assert found("Data Source=ServerName\\InstanceName;Initial Catalog=db;") == []
    assert found("COVID-19 (8.8.8.8) dashboards") == []


def test_a_routers_default_address_said_as_a_default_is_advice() -> None:
    assert found("Astuce : 192.168.1.1 est généralement l'adresse par défaut de votre box.") == []
    assert found("Most routers use 192.168.0.1 by default") == []
    assert found("Le NAS du service est sur 192.168.1.1") == [("INTERNAL_HOST", "192.168.1.1")]


def test_a_macos_volume_path_is_a_file_path() -> None:
    assert found("State file: /Volumes/infra/terraform/prod/terraform.tfstate, don't open it") == [
        ("FILE_PATH", "/Volumes/infra/terraform/prod/terraform.tfstate")
    ]
    assert found("Plug the key, it shows up as /Volumes/USB") == []


def test_a_hosted_tools_shared_regional_endpoint_is_not_a_companys_site() -> None:
    assert found("remote_write: https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push") == []
    assert found("Dashboards: https://acme.grafana.net/d/abc/sales") == [("INTERNAL_URL", "https://acme.grafana.net/d/abc/sales")]


@pytest.mark.parametrize(
    "link",
    [
        "redis://:Wq8rTz3mLp@sessions-01.acme.intra:6379/2",
        "valkey://:Wq8rTz3mLp@cache.acme.intra/0",
    ],
)
def test_a_link_whose_user_part_is_a_password_alone_is_reported_whole(link: str) -> None:
    assert found(f"le worker pointe sur {link} depuis hier") == [("INTERNAL_URL", link)]


@pytest.mark.parametrize(
    "text",
    [
        "Firmware 4.2.0.17 is live on the handhelds; reboot any that still show 10.3.1.8.",
        "Mise à jour des caisses en 10.1.0.52 cette nuit, pensez à redémarrer.",
        "Release 10.0.2.3 of the app fixes the login crash.",
    ],
)
def test_a_version_number_shaped_like_an_address_in_a_sentence_about_versions_is_no_address(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Update: the wiki moved to 10.1.0.52 tonight.", "10.1.0.52"),
        ("Patch applied on 10.3.1.8 this morning.", "10.3.1.8"),
        ("Mise à jour du serveur 10.1.0.52 ce soir.", "10.1.0.52"),
        ("New release deployed, dashboard at 10.0.2.3:3000", "10.0.2.3:3000"),
    ],
)
def test_an_address_named_as_a_place_or_a_machine_stays_one_in_a_sentence_about_versions(text: str, address: str) -> None:
    assert ("INTERNAL_HOST", address) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        r"Vos fichiers vont dans C:\Users\<vous>\Documents, sauvegardé chaque nuit.",
        "Your notes live in /home/${USER}/notes by default.",
        r"Le dossier %APPDATA%\Acme est recréé au démarrage: C:\Users\%USERNAME%\AppData",
    ],
)
def test_a_path_continued_by_a_placeholder_is_a_template(text: str) -> None:
    assert [f for f in found(text) if f[0] == "FILE_PATH"] == []

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

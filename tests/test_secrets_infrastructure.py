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

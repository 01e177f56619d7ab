"""A "publish anyway" covers the text it was given for, and no later text of the same composer."""

from __future__ import annotations

from .conftest import COMPOSERS
from .driver import publish, published, type_post, wait_for_highlights, wait_for_state

FIRST = "Le projet Colibri avance bien, lancement prévu en janvier."
SECOND = "Et maintenant le projet Orion-7, lancement en mars."


def test_publish_anyway_does_not_cover_the_next_blocked_post(ext, open_site):
    page = open_site("internal")
    type_post(page, "internal", FIRST)
    wait_for_state(page, "block")
    publish(page, "internal")
    page.get_by_test_id("cg-publish-anyway").click()
    page.get_by_test_id("cg-reason").fill("Colibri was announced this morning")
    page.get_by_test_id("cg-confirm-anyway").click()
    page.wait_for_function("() => window.published.length === 1")

    # Same composer, another post that is blocked too: it gets no free pass.
    page.locator(COMPOSERS["internal"]).fill("")
    type_post(page, "internal", SECOND)
    wait_for_highlights(page, ["Orion-7"])
    wait_for_state(page, "block")
    publish(page, "internal")
    dialog = page.locator("#charterguard-root .cg-dialog")
    dialog.wait_for(state="visible")
    assert "Orion-7" in dialog.text_content()
    assert published(page) == [FIRST]

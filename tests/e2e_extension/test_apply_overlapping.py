"""Apply-suggestion on a post whose findings overlap (issue 19): on X, a post over
280 characters holds a code name and a phone number inside the length warning;
applying the code name's suggestion replaces the code name only."""

from __future__ import annotations

from .conftest import COMPOSERS, http_json, screenshot
from .driver import composer_text, hover_highlight, type_post, wait_for_highlights, wait_for_state

CODENAME = "Colibri"
PHONE = "06 12 34 56 78"
LONG_X_POST = (
    "Après des mois de travail, notre équipe est fière de vous présenter une avancée majeure pour nos clients : "
    "une plateforme unifiée, plus simple, plus rapide et plus sûre, pensée avec eux et pour eux. Merci à toutes "
    f"celles et ceux qui ont contribué à déployer une solution robuste. {CODENAME} avance. Appelez-moi au {PHONE}."
)


def test_applying_the_code_name_suggestion_on_an_overlong_x_post_replaces_only_the_code_name(ext, open_site):
    status, report = http_json("POST", f"{ext.api_base}/v1/check", {"text": LONG_X_POST, "channel": "x"})
    assert status == 200, report
    by_rule = {f["rule"]: f for f in report["findings"]}
    length = by_rule["channel.budgets"]
    codename = by_rule["confidential.codenames"]
    # The API side of the contract: the code name sits inside the length warning, each keeps its own span.
    assert length["start"] <= codename["start"] and codename["end"] <= length["end"]
    assert codename["text"] == CODENAME and "replacement" not in length

    page = open_site("x")
    type_post(page, "x", LONG_X_POST)
    wait_for_highlights(page, [CODENAME, PHONE])
    wait_for_state(page, "block")

    tooltip = hover_highlight(page, CODENAME)
    tooltip.get_by_test_id("cg-apply").click()

    expected = LONG_X_POST.replace(CODENAME, codename["replacement"])
    page.wait_for_function(
        "([s, want]) => document.querySelector(s).innerText.trim() === want",
        arg=[COMPOSERS["x"], expected],
    )
    after = composer_text(page, "x")
    assert after == expected
    assert PHONE in after and after.startswith(LONG_X_POST[:200])  # nothing else of the user's text moved


def test_the_card_over_a_word_shows_every_finding_that_overlaps_it(ext, open_site):
    """The code name sits inside the length warning: its card says both, each with its own message."""
    status, report = http_json("POST", f"{ext.api_base}/v1/check", {"text": LONG_X_POST, "channel": "x"})
    assert status == 200, report
    messages = {f["rule"]: f["message"] for f in report["findings"]}

    page = open_site("x")
    type_post(page, "x", LONG_X_POST)
    wait_for_highlights(page, [CODENAME, PHONE])
    tooltip = hover_highlight(page, CODENAME)
    shown = tooltip.inner_text()
    assert messages["confidential.codenames"] in shown
    assert messages["channel.budgets"] in shown
    assert messages["personal_data.contact"] not in shown  # the phone does not overlap the code name
    # Only the code name can be replaced: the length warning has no fix to apply.
    assert tooltip.get_by_test_id("cg-apply").count() == 1
    screenshot(page, "card_overlapping")

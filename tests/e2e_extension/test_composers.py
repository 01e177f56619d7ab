"""In each network's composer: highlights, messages, publish interception, apply-suggestion."""

from __future__ import annotations

import pytest

from .conftest import COMPOSERS, EXTENSION_ID, http_json, screenshot
from .driver import (
    composer_text,
    highlights,
    hover_highlight,
    panel_findings,
    publish,
    published,
    type_post,
    wait_for_highlights,
    wait_for_state,
)

SITES = ["linkedin", "x", "facebook", "internal"]
CODENAME = "Colibri"
PHONE = "06 12 34 56 78"
RISKY_POST = f"Le projet {CODENAME} avance bien ! Appelez-moi au {PHONE} pour en parler."
CODENAME_POST = f"Le projet {CODENAME} avance bien, lancement prévu en janvier."
CLEAN_POST = "Ravie de présenter notre nouvelle gamme au salon cette semaine."


def api_report(api, text: str, channel: str) -> dict:
    status, report = http_json("POST", f"{api}/v1/check", {"text": text, "channel": channel})
    assert status == 200, report
    return report


def test_extension_id_is_pinned_by_the_manifest_key(ext):
    assert ext.id == EXTENSION_ID
    assert ext.worker.evaluate("() => chrome.runtime.getManifest().manifest_version") == 3


@pytest.mark.parametrize("site", SITES)
def test_code_name_and_phone_are_highlighted_with_the_api_messages(ext, open_site, site):
    page = open_site(site)
    type_post(page, site, RISKY_POST)
    shown = wait_for_highlights(page, [CODENAME, PHONE])
    assert CODENAME in shown["block"]
    wait_for_state(page, "block")
    # The check was made for this site's channel (the API's decision log says so, without the text).
    assert ext.decisions(limit=1)[0]["channel"] == ("internal" if site == "internal" else site)
    screenshot(page, f"{site}_highlights")
    page.locator("#charterguard-root .cg-badge").click()  # opens the side panel
    screenshot(page, f"{site}_findings")

    expected = {f["rule"]: f for f in api_report(ext.api_base, RISKY_POST, "internal" if site == "internal" else site)["findings"]}
    listed = panel_findings(page)
    assert set(listed) == set(expected)
    for rule, finding in expected.items():
        assert listed[rule]["text"] == finding["text"]
        assert listed[rule]["message"] == finding["message"]
        assert finding["clause"] in listed[rule]["clause"]
    assert "✕" in page.locator("#charterguard-root .cg-badge").text_content()


@pytest.mark.parametrize("site", SITES)
def test_publish_is_stopped_on_block_and_explained(ext, open_site, site):
    page = open_site(site)
    type_post(page, site, RISKY_POST)
    wait_for_state(page, "block")
    publish(page, site)
    dialog = page.locator("#charterguard-root .cg-dialog")
    dialog.wait_for(state="visible")
    assert CODENAME in dialog.text_content()
    screenshot(page, f"{site}_publish_blocked")
    assert published(page) == []
    page.get_by_test_id("cg-back").click()
    dialog.wait_for(state="hidden")
    assert published(page) == []


@pytest.mark.parametrize("site", ["linkedin", "internal"])
def test_publish_is_not_stopped_on_pass(ext, open_site, site):
    page = open_site(site)
    type_post(page, site, CLEAN_POST)
    wait_for_state(page, "pass")
    publish(page, site)
    page.wait_for_function("() => window.published.length === 1")
    assert published(page) == [CLEAN_POST]
    assert page.locator("#charterguard-root .cg-dialog").is_hidden()


def test_publish_anyway_records_the_reason_and_publishes(ext, open_site):
    page = open_site("x")
    type_post(page, "x", RISKY_POST)
    wait_for_state(page, "block")
    publish(page, "x")
    page.get_by_test_id("cg-publish-anyway").click()
    page.get_by_test_id("cg-reason").fill("Colibri was announced at this morning's press conference")
    screenshot(page, "x_publish_anyway")
    page.get_by_test_id("cg-confirm-anyway").click()
    page.wait_for_function("() => window.published.length === 1")
    assert published(page) == [RISKY_POST]
    page.get_by_test_id("cg-toast").wait_for(state="visible")
    assert "recorded" in page.get_by_test_id("cg-toast").text_content().lower()

    overrides = [d for d in ext.decisions(limit=20) if d.get("kind") == "override"]
    assert overrides and overrides[0].get("channel") == "x"


def test_no_publish_anyway_when_the_chosen_charter_forbids_it(ext, open_site):
    ext.configure(charter="e2e-strict")  # sent with each check; its allow_publish_anyway is false
    page = open_site("facebook")
    type_post(page, "facebook", RISKY_POST)
    wait_for_state(page, "block")
    publish(page, "facebook")
    dialog = page.locator("#charterguard-root .cg-dialog")
    dialog.wait_for(state="visible")
    assert page.get_by_test_id("cg-publish-anyway").count() == 0
    assert "does not allow" in dialog.text_content()
    assert ext.decisions(limit=1)[0]["charter_name"] == "e2e-strict"
    page.get_by_test_id("cg-back").click()
    assert published(page) == []


def test_publish_shortcut_is_stopped_on_block_too(ext, open_site):
    page = open_site("x")
    type_post(page, "x", RISKY_POST)
    wait_for_state(page, "block")
    page.locator(".public-DraftEditor-content").press("Control+Enter")
    page.locator("#charterguard-root .cg-dialog").wait_for(state="visible")
    assert published(page) == []
    page.get_by_test_id("cg-publish-anyway").click()
    page.get_by_test_id("cg-reason").fill("Approved by the communication team")
    page.get_by_test_id("cg-confirm-anyway").click()
    page.wait_for_function("() => window.published.length === 1")  # the publish button was clicked for the user
    assert published(page) == [RISKY_POST]


def test_publish_right_after_typing_waits_for_the_verdict(ext, open_site):
    page = open_site("internal")
    type_post(page, "internal", RISKY_POST)
    publish(page, "internal")  # within the debounce: no verdict for this text yet
    page.locator("#charterguard-root .cg-dialog").wait_for(state="visible")
    assert published(page) == []


@pytest.mark.parametrize("site", SITES)
def test_apply_suggestion_edits_the_text_through_the_editor(ext, open_site, site):
    page = open_site(site)
    type_post(page, site, CODENAME_POST)
    wait_for_highlights(page, [CODENAME])
    wait_for_state(page, "block")
    report = api_report(ext.api_base, CODENAME_POST, "internal" if site == "internal" else site)
    replacement = next(f["replacement"] for f in report["findings"] if f["text"] == CODENAME)

    # Hover the highlighted word: the tooltip shows the message and the apply button.
    tooltip = hover_highlight(page, CODENAME)
    screenshot(page, f"{site}_tooltip")
    tooltip.get_by_test_id("cg-apply").click()

    expected = CODENAME_POST.replace(CODENAME, replacement)
    page.wait_for_function(
        "([s, want]) => { const el = document.querySelector(s); return (el.value ?? el.innerText).trim() === want; }",
        arg=[{"linkedin": ".ql-editor", "x": ".public-DraftEditor-content", "facebook": "[data-lexical-editor]", "internal": "textarea#post"}[site], expected],
    )
    assert composer_text(page, site) == expected
    page.wait_for_function("(w) => !(CSS.highlights.get('charterguard-block') && [...CSS.highlights.get('charterguard-block')].map(String).includes(w))", arg=CODENAME)
    # The editor's own model followed: publishing posts the corrected text.
    wait_for_state(page, "pass")
    publish(page, site)
    page.wait_for_function("() => window.published.length === 1")
    assert published(page) == [expected]
    assert CODENAME not in highlights(page)["block"]


@pytest.mark.parametrize(("site", "fixture", "model_text"), [
    ("linkedin", "linkedin-quill.html", "() => window.quill.getText().trim()"),
    ("facebook", "facebook-lexical.html", "() => window.lexicalText().trim()"),
    ("x", "x-draft.html", "() => window.draftText().trim()"),
])
def test_real_editor_libraries_follow_highlights_and_apply(ext, open_site, site, fixture, model_text):
    """The networks' editor libraries themselves (Quill 2, Lexical, Draft.js), not stand-ins: their model must get the suggestion."""
    page = open_site(site, fixture=fixture)
    page.wait_for_selector(COMPOSERS[site], state="attached")
    type_post(page, site, CODENAME_POST)
    assert page.evaluate(model_text) == CODENAME_POST
    wait_for_highlights(page, [CODENAME])
    wait_for_state(page, "block")
    page.locator("#charterguard-root .cg-badge").click()
    page.locator("#charterguard-root li[data-rule='confidential.codenames'] .cg-apply").click()
    page.wait_for_function(f"() => !({model_text})().includes('{CODENAME}')")
    wait_for_state(page, "pass")
    screenshot(page, f"{site}_real_editor_applied")
    publish(page, site)
    page.wait_for_function("() => window.published.length === 1")
    assert CODENAME not in published(page)[0]
    assert published(page)[0] == page.evaluate(model_text)

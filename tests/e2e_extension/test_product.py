"""The extension as a product (issue 13): cards, panel, badge, dismissals, keyboard, icon,
onboarding, popup and options, pause per site, and profile forms checked field by field."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .conftest import COMPOSERS, free_port, http_json, launch, screenshot, service_worker
from .driver import publish, published, type_post, wait_for_highlights, wait_for_state
from .test_composers import CODENAME, PHONE, RISKY_POST

WORD_BOX = """([name, word]) => { const h = CSS.highlights.get('charterguard-' + name);
  const r = [...h].find((x) => String(x) === word).getClientRects()[0]; return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }"""
SHADOW_BOX = """(testid) => { const el = document.getElementById('charterguard-root').shadowRoot.querySelector(`[data-testid="${testid}"]`);
  const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }"""


def box(page, selector: str) -> dict:
    b = page.locator(selector).bounding_box()
    return {"left": b["x"], "right": b["x"] + b["width"], "top": b["y"], "bottom": b["y"] + b["height"]}


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def test_panel_docks_beside_the_composer_and_never_covers_publish(ext, open_site):
    page = open_site("linkedin")
    type_post(page, "linkedin", RISKY_POST)
    wait_for_state(page, "block")
    badge = page.evaluate(SHADOW_BOX, "cg-badge")
    composer = box(page, ".ql-editor")
    assert not overlaps(badge, composer), "the badge sits beside the field, not over its text"
    page.get_by_test_id("cg-badge").click()
    page.get_by_test_id("cg-panel").wait_for(state="visible")
    panel = page.evaluate(SHADOW_BOX, "cg-panel")
    assert not overlaps(panel, box(page, "button.share-actions__primary-action"))
    assert not overlaps(panel, composer)
    screenshot(page, "product_panel")
    page.get_by_test_id("cg-collapse").click()  # collapsible to its header
    assert page.evaluate(SHADOW_BOX, "cg-panel")["bottom"] - page.evaluate(SHADOW_BOX, "cg-panel")["top"] < 60
    publish(page, "linkedin")  # the publish button is reachable with the panel open
    page.get_by_test_id("cg-dialog").wait_for(state="visible")


@pytest.mark.parametrize("site", ["linkedin", "internal"])
def test_card_is_anchored_to_the_word_reachable_and_never_stale(ext, open_site, site):
    page = open_site(site)
    type_post(page, site, RISKY_POST)
    wait_for_highlights(page, [CODENAME, PHONE])
    word = page.evaluate(WORD_BOX, ["block", CODENAME])
    page.mouse.move(word["left"] + 5, (word["top"] + word["bottom"]) / 2)
    card = page.get_by_test_id("cg-tooltip")
    card.wait_for(state="visible")
    card_box = page.evaluate(SHADOW_BOX, "cg-tooltip")
    assert abs(card_box["top"] - (word["bottom"] + 6)) <= 2 or card_box["bottom"] <= word["top"], card_box
    assert not overlaps(card_box, page.evaluate(WORD_BOX, ["warn", PHONE])), "the card hides no other finding"
    # At a normal pace, through the gap between the word and the card, to its button.
    button = card.get_by_test_id("cg-ignore")
    target = button.bounding_box()
    page.mouse.move(target["x"] + 5, target["y"] + target["height"] / 2, steps=25)
    page.wait_for_timeout(300)
    assert card.is_visible()
    screenshot(page, f"product_card_{site}")
    # Cleared text: no card, no badge left behind.
    page.locator(COMPOSERS[site]).press("Control+a")
    page.locator(COMPOSERS[site]).press("Delete")
    wait_for_state(page, "empty")
    assert card.is_hidden() and page.get_by_test_id("cg-badge").is_hidden()


def test_dismissing_findings_is_recorded_and_lets_the_post_go(ext, open_site):
    page = open_site("internal")
    type_post(page, "internal", RISKY_POST)
    wait_for_highlights(page, [CODENAME, PHONE])
    wait_for_state(page, "block")
    phone = page.evaluate(WORD_BOX, ["warn", PHONE])
    page.mouse.move(phone["left"] + 5, (phone["top"] + phone["bottom"]) / 2)
    page.get_by_test_id("cg-tooltip").get_by_test_id("cg-not-applicable").click()
    page.wait_for_function("(w) => !(CSS.highlights.get('charterguard-warn') && [...CSS.highlights.get('charterguard-warn')].map(String).includes(w))", arg=PHONE)
    page.get_by_test_id("cg-toast").wait_for(state="visible")
    screenshot(page, "product_dismiss")
    word = page.evaluate(WORD_BOX, ["block", CODENAME])
    page.mouse.move(word["left"] + 5, (word["top"] + word["bottom"]) / 2)
    page.get_by_test_id("cg-tooltip").get_by_test_id("cg-ignore").click()  # the charter allows setting a block aside
    wait_for_state(page, "pass")
    publish(page, "internal")
    page.wait_for_function("() => window.published.length === 1")
    dismissals = [d for d in ext.decisions(limit=10) if d.get("kind") == "dismissal"]
    assert {d["reason"] for d in dismissals[:2]} == {"not_applicable", "ignored"}
    assert {d["rules"][0] for d in dismissals[:2]} == {"personal_data.contact", "confidential.codenames"}


def test_a_blocking_finding_cannot_be_set_aside_where_the_charter_forbids_it(ext, open_site):
    ext.configure(charter="e2e-strict")
    page = open_site("internal")
    type_post(page, "internal", RISKY_POST)
    wait_for_highlights(page, [CODENAME, PHONE])
    word = page.evaluate(WORD_BOX, ["block", CODENAME])
    page.mouse.move(word["left"] + 5, (word["top"] + word["bottom"]) / 2)
    card = page.get_by_test_id("cg-tooltip")
    card.wait_for(state="visible")
    assert card.get_by_test_id("cg-ignore").count() == 0 and card.get_by_test_id("cg-not-applicable").count() == 0
    status, body = http_json("POST", f"{ext.api_base}/v1/dismissals", {
        "text": RISKY_POST, "charter": "e2e-strict", "rules": ["confidential.codenames"], "severity": "block", "reason": "ignored"})
    assert status == 403 and body["error"]["code"] == "dismissal_not_allowed"


def test_textarea_highlights_follow_a_banner_pushing_the_field_down(ext, open_site):
    page = open_site("internal")
    type_post(page, "internal", RISKY_POST)
    wait_for_highlights(page, [CODENAME])
    before = page.evaluate(WORD_BOX, ["block", CODENAME])
    field_before = box(page, "textarea#post")
    page.evaluate("() => { const b = document.createElement('div'); b.style.height = '90px'; b.textContent = 'Bannière'; document.body.prepend(b); }")
    page.wait_for_timeout(150)  # a few frames; no typing, no scrolling
    moved = box(page, "textarea#post")["top"] - field_before["top"]
    assert moved > 80
    after = page.evaluate(WORD_BOX, ["block", CODENAME])
    assert abs(after["top"] - before["top"] - moved) <= 1
    page.evaluate("() => { document.getElementById('post').style.width = '300px'; }")
    page.wait_for_timeout(150)
    mirror_width = page.evaluate("() => document.getElementById('charterguard-root').shadowRoot.querySelector('.cg-mirror').getBoundingClientRect().width")
    assert abs(mirror_width - 300) <= 1


def test_keyboard_badge_panel_caret_card_escape_and_a_stable_block_dialog(ext, open_site):
    page = open_site("internal")
    type_post(page, "internal", RISKY_POST)
    wait_for_state(page, "block")
    assert "Blocked" in page.get_by_test_id("cg-live").text_content()  # announced to screen readers
    field = page.locator("textarea#post")
    field.press("Control+Home")
    for _ in range(CODENAME_AT + 2):
        field.press("ArrowRight")
    page.get_by_test_id("cg-tooltip").wait_for(state="visible")  # caret inside the word opens its card
    field.press("Alt+Enter")  # into the card, to its buttons
    assert page.evaluate("() => document.getElementById('charterguard-root').shadowRoot.activeElement.dataset.testid") == "cg-apply"
    page.keyboard.press("Escape")
    page.get_by_test_id("cg-tooltip").wait_for(state="hidden")
    assert page.evaluate("() => document.activeElement.id") == "post"  # back in the field
    field.press("ArrowLeft")
    page.get_by_test_id("cg-tooltip").wait_for(state="visible")
    field.press("Escape")
    page.get_by_test_id("cg-tooltip").wait_for(state="hidden")
    page.get_by_test_id("cg-badge").focus()
    page.keyboard.press("Enter")
    page.get_by_test_id("cg-panel").wait_for(state="visible")
    assert page.evaluate("() => document.getElementById('charterguard-root').shadowRoot.activeElement.tagName") == "LI"
    page.keyboard.press("Escape")
    page.get_by_test_id("cg-panel").wait_for(state="hidden")

    publish(page, "internal")
    dialog = page.get_by_test_id("cg-dialog")
    dialog.wait_for(state="visible")
    assert dialog.locator("section[data-severity=block] li").count() == 1
    assert dialog.locator("section[data-severity=warn] li").count() == 1  # every finding, not only blocking ones
    top = page.evaluate(SHADOW_BOX, "cg-dialog-box")["top"]
    page.get_by_test_id("cg-publish-anyway").click()
    assert page.evaluate(SHADOW_BOX, "cg-dialog-box")["top"] == top  # no jump when the reason form opens
    screenshot(page, "product_block_dialog")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert published(page) == []


CODENAME_AT = RISKY_POST.index(CODENAME)


def test_toolbar_icon_and_its_badge_follow_the_verdict(ext, open_site):
    assert ext.worker.evaluate("() => chrome.runtime.getManifest().action.default_icon['16']") == "icons/icon-16.png"
    page = open_site("linkedin")
    type_post(page, "linkedin", RISKY_POST)
    wait_for_state(page, "block")
    badges = "async () => Promise.all((await chrome.tabs.query({})).map((t) => chrome.action.getBadgeText({tabId: t.id})))"
    assert "2" in ext.worker.evaluate(badges)
    ext.configure(apiUrl=f"http://127.0.0.1:{free_port()}")  # the API goes away
    page.locator(COMPOSERS["linkedin"]).press_sequentially(" Merci.")
    wait_for_state(page, "offline")
    assert "!" in ext.worker.evaluate(badges)
    offline = page.evaluate(SHADOW_BOX, "cg-badge")
    assert offline["right"] - offline["left"] <= 24  # a compact mark, not a wide pill (24 px: WCAG 2.2 target size)
    assert not overlaps(offline, box(page, COMPOSERS["linkedin"]))
    popup = ext.context.new_page()
    popup.goto(ext.url("popup.html"))
    with ext.context.expect_page() as opened:
        popup.get_by_test_id("popup-setup").click()  # the API is unreachable: the popup offers the set-up page
    assert opened.value.url.endswith("/src/pages/onboarding.html")
    opened.value.close()
    popup.close()


# Every visible text node of our shadow root: its colour against the first opaque background
# behind it (white when none). WCAG 2.2 AA: 4.5:1 for text (disabled controls are exempt).
CONTRASTS = r"""() => {
  const shadow = document.getElementById('charterguard-root').shadowRoot;
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const parse = (c) => c.match(/[\d.]+/g).map(Number);
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] === 1) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.data.trim() || !el.getClientRects().length || el.closest('.cg-sr, style, .cg-mirror') || el.closest('button:disabled')) continue;
    const [a, b] = [lum(parse(getComputedStyle(el).color).slice(0, 3)), lum(background(el))].sort((x, y) => y - x);
    out.push([n.data.trim().slice(0, 30), (a + 0.05) / (b + 0.05)]);
  }
  return out;
}"""


def test_text_of_badge_panel_and_card_meets_wcag_aa_contrast(ext, open_site):
    page = open_site("internal")
    type_post(page, "internal", RISKY_POST)
    wait_for_state(page, "block")
    page.get_by_test_id("cg-badge").click()
    # This test measures colours, not hovering (test_composers and driver.hover_highlight do):
    # the word's box is read once the panel is drawn, and the pointer travels to it in steps.
    # Twice in whole-suite runs on 2026-12-02 (never alone, nor under a CPU burner) the card
    # stayed hidden after one move onto the word; then the pointer leaves and comes back once.
    page.get_by_test_id("cg-panel").wait_for(state="visible")
    word = page.evaluate(WORD_BOX, ["warn", PHONE])
    tooltip = page.get_by_test_id("cg-tooltip")
    page.mouse.move(word["left"] + 5, (word["top"] + word["bottom"]) / 2, steps=5)
    try:
        tooltip.wait_for(state="visible", timeout=5000)
    except PlaywrightTimeoutError:
        page.mouse.move(word["left"] + 5, word["top"] - 40, steps=3)
        page.mouse.move(word["left"] + 5, (word["top"] + word["bottom"]) / 2, steps=5)
        tooltip.wait_for(state="visible")
    measured = page.evaluate(CONTRASTS)
    assert len(measured) > 10 and all(1 <= ratio <= 21 for _, ratio in measured), measured[:5]
    low = [(text, round(ratio, 2)) for text, ratio in measured if ratio < 4.5]
    assert not low, low
    # WCAG 2.2 target size (minimum): every visible control of ours is at least 24 x 24 px.
    small = page.evaluate("""() => [...document.getElementById('charterguard-root').shadowRoot.querySelectorAll('button')]
      .filter((b) => b.getClientRects().length).map((b) => b.getBoundingClientRect())
      .filter((r) => r.width < 24 || r.height < 24).map((r) => [r.width, r.height])""")
    assert not small, small


def test_pause_on_this_site_from_the_popup(ext, open_site):
    page = open_site("linkedin")
    type_post(page, "linkedin", RISKY_POST)
    wait_for_state(page, "block")
    popup = ext.context.new_page()
    popup.goto(ext.url("popup.html"))
    pause = popup.get_by_test_id("popup-pause")
    pause.wait_for(state="visible")
    assert "www.linkedin.com" in pause.text_content()
    pause.click()
    page.wait_for_selector("html[data-charterguard-paused='true']", state="attached")
    assert page.get_by_test_id("cg-badge").is_hidden()
    publish(page, "linkedin")
    page.wait_for_function("() => window.published.length === 1")
    popup.get_by_test_id("popup-pause").filter(has_text="Resume").click()
    page.wait_for_selector("html[data-charterguard-paused='false']", state="attached")
    assert ext.storage()["pausedSites"] == []
    popup.close()


def test_french_popup_and_options_follow_french_typography(playwright_instance, api, tmp_path):
    context = launch(playwright_instance, tmp_path / "profile-fr13", env={**os.environ, "LANGUAGE": "fr", "LANG": "fr_FR.UTF-8"}, args=["--lang=fr"])
    try:
        worker = service_worker(context)
        worker.evaluate("(url) => chrome.storage.local.set({apiUrl: url})", api)
        ext_id = worker.url.split("/")[2]
        page = context.new_page()
        page.goto(f"chrome-extension://{ext_id}/src/pages/popup.html")
        page.wait_for_function("() => document.getElementById('api-status').dataset.state === 'ok'")
        status = page.get_by_test_id("api-status").text_content()
        assert status.startswith("API\u00a0: joignable") and "ok" not in status.replace("joignable", "")
        page.get_by_test_id("popup-text").fill(RISKY_POST)
        page.get_by_test_id("popup-check").click()
        item = page.locator("li[data-rule='personal_data.contact'] p").first
        item.wait_for()
        line = item.text_content()
        assert line.count(PHONE) == 1 and "“" not in line  # the flagged text once, French quotes
        screenshot(page, "product_popup_fr")
        page.goto(f"chrome-extension://{ext_id}/src/pages/options.html")
        page.wait_for_function("() => document.getElementById('api-status').dataset.state === 'ok'")
        assert page.get_by_test_id("opt-internal-sites").get_attribute("placeholder") == "intranet.exemple.fr"
        screenshot(page, "product_options_fr")
    finally:
        context.close()


def test_onboarding_opens_at_install_finds_no_api_asks_and_pairs_a_key(playwright_instance, api_with_key, tmp_path):
    base, key = api_with_key
    context = launch(playwright_instance, tmp_path / "profile-onboarding", locale="en-US")
    try:
        worker = service_worker(context)
        ext_id = worker.url.split("/")[2]
        onboarding_url = f"chrome-extension://{ext_id}/src/pages/onboarding.html"
        page = next((p for p in context.pages if p.url == onboarding_url), None) or context.wait_for_event("page", timeout=10000)
        assert page.url == onboarding_url
        worker.evaluate("(url) => chrome.storage.local.set({apiUrl: url})", f"http://127.0.0.1:{free_port()}")  # nothing listens there
        page.reload()
        page.get_by_test_id("onb-ask").filter(has_text="No API answers").wait_for()
        page.get_by_test_id("onb-api-url").fill(base)
        page.get_by_test_id("onb-connect").click()
        page.get_by_test_id("onb-api-key").wait_for(state="visible")  # this API wants a key
        page.get_by_test_id("onb-api-key").fill(key)
        page.get_by_test_id("onb-connect").click()
        page.get_by_test_id("onb-done").wait_for(state="visible")
        screenshot(page, "product_onboarding")
        stored = worker.evaluate("() => chrome.storage.local.get(null)")
        assert stored["apiUrl"] == base and stored["apiKey"] == key
    finally:
        context.close()


def test_linkedin_profile_form_checks_inputs_and_blocks_its_save_button(ext, open_site):
    page = open_site("linkedin", fixture="linkedin-profile.html")
    page.locator("#position-title").click()
    page.locator("#position-title").press_sequentially(f"Chef de projet {CODENAME}")
    wait_for_highlights(page, [CODENAME])  # an <input> is checked and highlighted
    page.locator("#description").click()
    page.locator("#description").press_sequentially("Pilotage des programmes Orion-7 et refonte du SI.")
    page.locator("#headline").click()
    page.locator("#headline").press_sequentially("Cheffe de projet chez Acme")  # clean, edited last
    page.wait_for_function("() => document.documentElement.dataset.charterguardChecks >= 3")
    page.wait_for_selector("html[data-charterguard-form-state='block']", state="attached")  # the form as a whole
    screenshot(page, "product_profile_linkedin")
    page.locator("#save").click()  # type=button, labelled "Save"
    dialog = page.get_by_test_id("cg-dialog")
    dialog.wait_for(state="visible")
    text = dialog.text_content()
    assert CODENAME in text and "Orion-7" in text and "Title" in text and "This form" in text
    screenshot(page, "product_profile_blocked")
    assert published(page) == []
    page.get_by_test_id("cg-back").click()
    page.locator("#position-title").fill("")  # one field cleared: the form's other code name still shows
    page.wait_for_function("() => !CSS.highlights.get('charterguard-block') || ![...CSS.highlights.get('charterguard-block')].map(String).includes('Colibri')")
    page.wait_for_timeout(400)
    assert page.get_by_test_id("cg-badge").is_visible()
    assert page.evaluate("() => document.documentElement.dataset.charterguardFormState") == "block"
    page.locator("#save").click()
    page.get_by_test_id("cg-dialog").wait_for(state="visible")
    assert "Orion-7" in page.get_by_test_id("cg-dialog").text_content() and CODENAME not in page.get_by_test_id("cg-dialog").text_content()


def test_internal_profile_form_checks_prefilled_fields_on_save(ext, fixture_server):
    page = ext.context.new_page()
    try:
        page.goto(f"{fixture_server}/internal-profile.html")
        page.wait_for_selector("html[data-charterguard-loaded]", state="attached", timeout=10000)
        page.locator("#tagline").click()
        page.locator("#tagline").press_sequentially("Passionnée de data")  # the code name sits in another, untouched field
        page.locator("#save").click()
        dialog = page.get_by_test_id("cg-dialog")
        dialog.wait_for(state="visible")
        assert "Orion-7" in dialog.text_content() and "propos" in dialog.text_content()
        assert published(page) == []
        screenshot(page, "product_profile_internal")
    finally:
        page.close()

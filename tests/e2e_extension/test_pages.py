"""Popup, options page, French UI, and an unreachable API."""

from __future__ import annotations

import os

from .conftest import INTERNAL_PATTERN, free_port, launch, screenshot, service_worker
from .driver import publish, published, type_post, wait_for_state
from .test_composers import CODENAME, RISKY_POST


def test_popup_checks_pasted_text_and_shows_the_api_is_reachable(ext):
    page = ext.context.new_page()
    page.goto(ext.url("popup.html"))
    status = page.get_by_test_id("api-status")
    page.wait_for_function("() => document.getElementById('api-status').dataset.state === 'ok'")
    assert "reachable" in status.text_content()
    page.get_by_test_id("popup-text").fill(RISKY_POST)
    page.get_by_test_id("popup-channel").select_option("linkedin")
    page.get_by_test_id("popup-check").click()
    result = page.get_by_test_id("popup-result")
    result.locator("li[data-rule='confidential.codenames']").wait_for()
    assert CODENAME in result.text_content()
    assert result.locator(".verdict").get_attribute("data-verdict") == "block"
    screenshot(page, "popup")
    page.close()


def test_options_save_settings_and_enable_an_internal_site(ext):
    page = ext.context.new_page()
    page.goto(ext.url("options.html"))
    page.wait_for_function("() => document.getElementById('api-status').dataset.state === 'ok'")
    assert page.get_by_test_id("opt-api-url").input_value() == ext.api_base
    page.wait_for_selector("#charter option[value='e2e-test']", state="attached")
    page.get_by_test_id("opt-charter").select_option("e2e-test")
    page.get_by_test_id("opt-language").select_option("fr")
    page.get_by_test_id("opt-site-x").uncheck()
    page.get_by_test_id("opt-internal-sites").fill(f"{INTERNAL_PATTERN}\nhttp://localhost/*")
    page.get_by_test_id("opt-save").click()
    page.get_by_test_id("opt-message").filter(has_text="Saved").wait_for()
    screenshot(page, "options")
    page.close()

    stored = ext.storage()
    assert stored["charter"] == "e2e-test"
    assert stored["language"] == "fr"
    assert stored["sites"] == {"linkedin": True, "x": False, "facebook": True}
    assert stored["apiUrl"] == ext.api_base
    ext.wait_for_internal_sites([INTERNAL_PATTERN, "http://localhost/*"])


def test_a_disabled_site_is_not_checked(ext, open_site):
    ext.configure(sites={"linkedin": True, "x": False, "facebook": True})
    page = open_site("x")
    type_post(page, "x", RISKY_POST)
    page.wait_for_timeout(800)  # several debounce periods: nothing may happen
    assert page.evaluate("() => document.documentElement.dataset.charterguardChecks") is None
    publish(page, "x")
    assert published(page) == [RISKY_POST]


def test_api_down_is_shown_discreetly_and_never_blocks(ext, open_site):
    ext.configure(apiUrl=f"http://127.0.0.1:{free_port()}")  # nothing listens there
    page = open_site("linkedin")
    type_post(page, "linkedin", RISKY_POST)
    wait_for_state(page, "offline")
    badge = page.locator("#charterguard-root .cg-badge")
    assert "offline" in badge.text_content().lower()
    screenshot(page, "linkedin_api_down")
    publish(page, "linkedin")
    page.wait_for_function("() => window.published.length === 1")
    assert published(page) == [RISKY_POST]

    popup = ext.context.new_page()
    popup.goto(ext.url("popup.html"))
    popup.wait_for_function("() => document.getElementById('api-status').dataset.state === 'error'")
    assert "unreachable" in popup.get_by_test_id("api-status").text_content()
    popup.close()


def test_ui_is_french_in_a_french_browser(playwright_instance, api, tmp_path):
    context = launch(playwright_instance, tmp_path / "profile-fr", env={**os.environ, "LANGUAGE": "fr", "LANG": "fr_FR.UTF-8"}, args=["--lang=fr"])
    try:
        worker = service_worker(context)
        worker.evaluate("(url) => chrome.storage.local.set({apiUrl: url})", api)
        page = context.new_page()
        page.goto(f"chrome-extension://{worker.url.split('/')[2]}/src/pages/popup.html")
        page.wait_for_function("() => document.getElementById('api-status').dataset.state === 'ok'")
        assert page.get_by_test_id("popup-check").text_content() == "Vérifier"
        assert "joignable" in page.get_by_test_id("api-status").text_content()
        screenshot(page, "popup_fr")
    finally:
        context.close()


def test_api_key_is_sent_and_a_wrong_one_is_reported(ext, open_site, api_with_key):
    base, key = api_with_key
    ext.configure(apiUrl=base, apiKey=key)
    page = open_site("linkedin")
    type_post(page, "linkedin", RISKY_POST)
    wait_for_state(page, "block")

    ext.configure(apiUrl=base, apiKey="not-the-key")
    popup = ext.context.new_page()
    popup.goto(ext.url("popup.html"))
    popup.wait_for_function("() => document.getElementById('api-status').dataset.state === 'error'")
    assert "key rejected" in popup.get_by_test_id("api-status").text_content()
    popup.close()
    page = open_site("linkedin")
    type_post(page, "linkedin", RISKY_POST)
    wait_for_state(page, "unauthorized")
    screenshot(page, "linkedin_bad_api_key")
    publish(page, "linkedin")
    page.wait_for_function("() => window.published.length === 1")

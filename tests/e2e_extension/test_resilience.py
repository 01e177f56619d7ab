"""A slow API and a stopped service worker: typing goes on, checks come back."""

from __future__ import annotations

import http.server
import threading
import time
import urllib.error
import urllib.request

import pytest

from .conftest import launch, screenshot, service_worker
from .driver import composer_text, type_post, wait_for_highlights, wait_for_state
from .test_composers import CODENAME, RISKY_POST

DELAY_S = 2.0  # longer than the extension's "slow" threshold (1.5 s)


@pytest.fixture
def slow_api(api):
    """A proxy in front of the real API that holds every check for DELAY_S."""

    class Proxy(http.server.BaseHTTPRequestHandler):
        def forward(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
            if self.path.startswith("/v1/check"):
                time.sleep(DELAY_S)
            headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "authorization", "accept")}
            request = urllib.request.Request(api + self.path, data=body, method=self.command, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    status, payload = response.status, response.read()
            except urllib.error.HTTPError as err:
                status, payload = err.code, err.read()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = forward

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_slow_api_is_shown_and_typing_goes_on(ext, open_site, slow_api):
    ext.configure(apiUrl=slow_api)
    page = open_site("linkedin")
    type_post(page, "linkedin", RISKY_POST)
    wait_for_state(page, "slow", timeout=DELAY_S * 1000 + 2000)
    assert "slow" in page.locator("#charterguard-root .cg-badge").text_content().lower()
    screenshot(page, "linkedin_api_slow")
    started = time.monotonic()
    page.locator(".ql-editor").press_sequentially(" Merci.")
    assert time.monotonic() - started < 1.5  # keystrokes are not held by the pending check
    assert composer_text(page, "linkedin") == RISKY_POST + " Merci."
    wait_for_highlights(page, [CODENAME], timeout=3 * DELAY_S * 1000)
    wait_for_state(page, "block", timeout=3 * DELAY_S * 1000)


def test_checks_work_after_the_service_worker_was_stopped(playwright_instance, api, fixture_server, tmp_path):
    """MV3 stops idle workers; nothing the extension needs may live in worker globals."""
    context = launch(playwright_instance, tmp_path / "profile-restart")
    try:
        worker = service_worker(context)
        worker.evaluate("(url) => chrome.storage.local.set({apiUrl: url, internalSites: ['http://127.0.0.1/*']})", api)
        worker.evaluate("() => new Promise((r) => setTimeout(r, 300))")  # let it register the internal site
        page = context.new_page()
        page.goto(f"chrome-extension://{worker.url.split('/')[2]}/src/pages/popup.html")
        cdp = context.new_cdp_session(page)
        cdp.send("ServiceWorker.enable")
        cdp.send("ServiceWorker.stopAllWorkers")
        site = context.new_page()
        site.goto(f"{fixture_server}/internal.html")
        site.wait_for_selector("html[data-charterguard-loaded]", state="attached", timeout=10000)
        type_post(site, "internal", RISKY_POST)
        wait_for_highlights(site, [CODENAME])
        wait_for_state(site, "block")
    finally:
        context.close()

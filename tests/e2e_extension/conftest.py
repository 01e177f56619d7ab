"""End-to-end harness: Debian's Chromium with the unpacked extension, the real
charterguard API as a subprocess, and fixture pages reproducing each network's
composer.

- LinkedIn / X / Facebook fixtures are served at their real https URLs through
  Playwright routing, so the manifest's real match patterns and per-site
  channel apply; the service worker's call to the API is not routed and goes
  to the real server.
- The internal-network fixture is served by a local HTTP server and enabled
  through the options page, like a user would.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTENSION_DIR = ROOT / "browser-extension"
EXTENSION_ID = (EXTENSION_DIR / "EXTENSION_ID").read_text().strip()
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCREENSHOTS = ROOT / "test-output" / "e2e_extension"
CHROMIUM = Path("/usr/bin/chromium")
INTERNAL_PATTERN = "http://127.0.0.1/*"  # the fixture server's pages, as an enabled internal network

TEST_CHARTER = """\
extends: default
name: e2e-test
version: "1"
allow_publish_anyway: true
company:
  name: Acme Group
  codenames: [Colibri, Orion-7]
"""
# The same, where a blocked post can never be published anyway.
STRICT_CHARTER = TEST_CHARTER.replace("name: e2e-test", "name: e2e-strict").replace("allow_publish_anyway: true", "allow_publish_anyway: false")

# Fake https sites: the manifest matches these hosts; pages come from fixtures/.
SITES = {
    "linkedin": "https://www.linkedin.com/feed/",
    "x": "https://x.com/home",
    "facebook": "https://www.facebook.com/",
}
COMPOSERS = {
    "linkedin": ".ql-editor",
    "x": ".public-DraftEditor-content",
    "facebook": "[data-lexical-editor]",
    "internal": "textarea#post",
}
PUBLISH_BUTTONS = {
    "linkedin": "button.share-actions__primary-action",
    "x": '[data-testid="tweetButtonInline"]',
    "facebook": '[role="button"][aria-label="Post"]',
    "internal": 'button[type="submit"]',
}


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is absent: install Debian's chromium (.ci/install-browser.sh) to run the extension e2e tests")
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_json(method: str, url: str, body: dict | None = None, timeout: float = 10) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def charterguard_command() -> list[str]:
    script = Path(sys.executable).with_name("charterguard")
    return [str(script)] if script.exists() else [shutil.which("charterguard") or "charterguard"]


@contextlib.contextmanager
def running_api(workdir: Path, *extra_args: str):
    """Runs the real API (`charterguard serve`) on a free port with the test charter; yields its base URL."""
    charter = workdir / "e2e-charter.yaml"
    charter.write_text(TEST_CHARTER)
    strict = workdir / "e2e-strict.yaml"
    strict.write_text(STRICT_CHARTER)
    port = free_port()
    log_path = workdir / "serve.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [*charterguard_command(), "serve", "--host", "127.0.0.1", "--port", str(port), "--charter", str(charter),
             "--charter", str(strict), "--cors-origin", f"chrome-extension://{EXTENSION_ID}", "--decision-log", str(workdir / "decisions.sqlite3"),
             "--hmac-key-file", str(workdir / "hmac.key"), "--no-access-log", *extra_args],
            stdout=log, stderr=subprocess.STDOUT, cwd=workdir,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180  # spaCy models load at start-up
            while True:
                if process.poll() is not None:
                    pytest.fail(f"charterguard serve exited with {process.returncode}: {log_path.read_text()[-2000:]}")
                with contextlib.suppress(OSError):
                    if http_json("GET", f"{base}/readyz", timeout=2)[0] == 200:
                        break
                if time.monotonic() > deadline:
                    pytest.fail("charterguard serve was not ready after 180 s")
                time.sleep(0.3)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="session")
def api_workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("api")


@pytest.fixture(scope="session")
def api(api_workdir):
    """The real API, open to loopback clients (no keys)."""
    with running_api(api_workdir) as base:
        yield base


@pytest.fixture(scope="session")
def api_with_key(tmp_path_factory):
    """The real API requiring a bearer key; yields (base URL, key)."""
    workdir = tmp_path_factory.mktemp("api-keys")
    keys_file = workdir / "keys.yaml"
    key = subprocess.run(
        [*charterguard_command(), "keys", "new", "--id", "extension", "--append", str(keys_file)],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    with running_api(workdir, "--api-keys", str(keys_file)) as base:
        yield base, key


class _FixtureHandler(http.server.SimpleHTTPRequestHandler):
    """Serves fixtures/ at / and at /fixtures/ (the path the fixture pages use), quietly."""

    def translate_path(self, path):
        if path.startswith("/fixtures/"):
            path = path[len("/fixtures"):]
        return super().translate_path(path)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def fixture_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_FixtureHandler, directory=str(FIXTURES)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def playwright_instance():
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


class Extension:
    """The loaded extension: its id, its service worker, and helpers to drive it."""

    def __init__(self, context, worker, api_base, decision_log: Path):
        self.context = context
        self.worker = worker
        self.id = worker.url.split("/")[2]
        self.api_base = api_base
        self.decision_log = decision_log

    def decisions(self, limit: int) -> list[dict]:
        """The API's newest decisions, read from its database (over HTTP that needs a compliance key)."""
        from charterguard.decisions import open_log

        store = open_log(str(self.decision_log), create=False)
        try:
            return store.query(limit=limit)[0]
        finally:
            store.close()

    def url(self, page: str) -> str:
        return f"chrome-extension://{self.id}/src/pages/{page}"

    def storage(self) -> dict:
        return self.worker.evaluate("() => chrome.storage.local.get(null)")

    def configure(self, **overrides) -> None:
        """Stores these settings over the defaults (API: the test API; internal site: the fixture server).

        Keys are set, never cleared, so an unchanged internalSites does not
        make the worker re-register its content script under the test's feet.
        """
        settings = {"apiUrl": self.api_base, "apiKey": "", "charter": "", "language": "auto",
                    "sites": {"linkedin": True, "x": True, "facebook": True}, "internalSites": [INTERNAL_PATTERN]}
        settings.update(overrides)
        self.worker.evaluate("(s) => chrome.storage.local.set(s)", settings)
        self.wait_for_internal_sites(settings["internalSites"])

    def wait_for_internal_sites(self, patterns: list[str]) -> None:
        """Waits until the worker registered the content script for exactly these (granted) patterns."""
        expected = sorted(patterns)
        deadline = time.monotonic() + 5
        while True:
            registered = self.worker.evaluate(
                "async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches)"
            )
            if sorted(registered) == expected:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"internal sites registered: {registered}, expected {expected}")
            time.sleep(0.05)


def launch(playwright, profile_dir: Path, **options):
    """Debian's Chromium with the unpacked extension, headless, on a fresh profile."""
    return playwright.chromium.launch_persistent_context(
        str(profile_dir),
        executable_path=str(CHROMIUM),
        headless=True,
        viewport={"width": 1000, "height": 700},
        args=[
            f"--disable-extensions-except={EXTENSION_DIR}",  # else Playwright's --disable-extensions wins
            f"--load-extension={EXTENSION_DIR}",
            "--disable-gpu",
            "--disable-quic",
            *options.pop("args", []),
        ],
        **options,
    )


def service_worker(context):
    return next(iter(context.service_workers), None) or context.wait_for_event("serviceworker", timeout=15000)


@pytest.fixture(scope="session")
def extension(playwright_instance, api, api_workdir, tmp_path_factory):
    context = launch(playwright_instance, tmp_path_factory.mktemp("profile"), locale="en-US")
    yield Extension(context, service_worker(context), api, api_workdir / "decisions.sqlite3")
    context.close()


@pytest.fixture
def ext(extension):
    """The extension with default settings pointing at the test API."""
    extension.configure()
    return extension


NODE_MODULES = EXTENSION_DIR / "node_modules"  # the real editors' libraries: npm ci in browser-extension/


def lexical_import_map() -> str:
    """Import map from Lexical's bare module names (and its one dependency) to ES modules in node_modules."""
    imports = {}
    packages = [NODE_MODULES / "lexical", *NODE_MODULES.glob("@lexical/*"), NODE_MODULES / "@preact" / "signals-core"]
    for folder in packages:
        package = json.loads((folder / "package.json").read_text())
        for subpath, target in package.get("exports", {}).items():
            entry = next((target[k] for k in ("development", "browser", "import") if isinstance(target, dict) and k in target), None)
            if isinstance(entry, str) and not subpath.endswith(".js"):
                relative = (folder / entry).resolve().relative_to(NODE_MODULES)
                imports[package["name"] + subpath[1:]] = f"/vendor/{relative.as_posix()}"
    return json.dumps({"imports": imports})


def _fixture_response(url: str, page_file: str) -> tuple[bytes, str]:
    """What a routed fake site serves: editors.js, a vendored library, or the page."""
    path = url.split("?", 1)[0].split("/", 3)[3]
    if path.startswith("vendor/"):
        return (NODE_MODULES / path[len("vendor/"):]).read_bytes(), "text/javascript; charset=utf-8"
    if path == "fixtures/editors.js":
        return (FIXTURES / "editors.js").read_bytes(), "text/javascript; charset=utf-8"
    html = (FIXTURES / page_file).read_text()
    if "{{IMPORT_MAP}}" in html:
        html = html.replace("{{IMPORT_MAP}}", lexical_import_map())
    return html.encode(), "text/html; charset=utf-8"


def _serve(route, page_file: str) -> None:
    body, content_type = _fixture_response(route.request.url, page_file)
    route.fulfill(status=200, body=body, headers={"Content-Type": content_type})


@pytest.fixture
def open_site(ext, fixture_server):
    """Opens a site's fixture page (linkedin, x, facebook or internal) with the content script running."""
    pages = []

    def opener(site: str, fixture: str | None = None):
        """`fixture` replaces the site's default page (e.g. "linkedin-quill.html")."""
        page = ext.context.new_page()
        pages.append(page)
        if site == "internal":
            url = f"{fixture_server}/internal.html"
        else:
            url = SITES[site]
            page_file = fixture or f"{site}.html"
            origin = "/".join(url.split("/", 3)[:3])
            page.route(f"{origin}/**", lambda route: _serve(route, page_file))
        page.goto(url)
        page.wait_for_selector("html[data-charterguard-loaded]", state="attached", timeout=10000)
        return page

    yield opener
    for page in pages:
        page.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path

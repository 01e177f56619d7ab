"""The API under hostile input and failures: no 500, no hang, a clear JSON answer."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from .conftest import ROOT, Server, server_env, start_server

pytestmark = pytest.mark.slow

# Names, an e-mail and an IBAN: the checks need spaCy and Presidio.
TEXTS = [
    "Bonjour, je suis Marie Dupont, écrivez-moi à marie.dupont@example.org",
    "IBAN FR76 3000 6000 0112 3456 7890 189, merci Jean Martin",
    "Happy to join the team of John Smith in London.",
]


def test_concurrent_first_imports_of_spacy_and_presidio_do_not_race() -> None:
    """The warm-up thread and request threads import spaCy and Presidio at the same time."""
    script = textwrap.dedent(
        """
        import threading
        from charterguard import nlp
        from charterguard.pii import presidio_setup
        barrier = threading.Barrier(4)
        errors = []
        def run(load):
            barrier.wait()
            try:
                load()
            except BaseException as exc:
                errors.append(type(exc).__name__ + ": " + str(exc))
        loads = (lambda: nlp.pipeline("fr"), lambda: presidio_setup.recognizer("EMAIL_ADDRESS"),
                 lambda: presidio_setup.recognizer("IBAN_CODE"), lambda: nlp._openers("en"))
        threads = [threading.Thread(target=run, args=(load,)) for load in loads]
        for t in threads: t.start()
        for t in threads: t.join()
        print(errors)
        """
    )
    for _ in range(2):  # before the fix, every run failed with "partially initialized module 'spacy.tokens'"
        done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, env=server_env(), cwd=ROOT, timeout=300)
        assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr[-2000:]


def test_checks_sent_while_the_models_load_wait_or_get_503_never_500(tmp_path: Path) -> None:
    server = start_server(tmp_path, "--charter", "default", "--no-decision-log", wait_for="/healthz")
    try:
        def send(i: int) -> list[httpx.Response]:
            """Send one check, retrying after 503 as Retry-After says (as a client should)."""
            answers: list[httpx.Response] = []
            with httpx.Client(base_url=server.base_url, timeout=120) as client:
                deadline = time.monotonic() + 180
                while time.monotonic() < deadline:
                    if i % 4 == 3:
                        answers.append(client.post("/v1/check/batch", json={"posts": [{"text": t} for t in TEXTS]}))
                    else:
                        answers.append(client.post("/v1/check", json={"text": TEXTS[i % len(TEXTS)]}))
                    if answers[-1].status_code != 503:
                        break
                    assert answers[-1].json()["error"]["code"] == "not_ready"
                    time.sleep(float(answers[-1].headers["Retry-After"]))
            return answers

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(send, range(16)))
        statuses = [r.status_code for tries in answers for r in tries]
        assert set(statuses) <= {200, 503}, statuses
        assert all(tries[-1].status_code == 200 for tries in answers)
        assert "Traceback" not in server.log_text() and "internal error" not in server.log_text()
    finally:
        server.stop()


def test_a_server_whose_models_cannot_load_answers_503_with_retry_after(tmp_path: Path) -> None:
    env = server_env(CHARTERGUARD_MODEL_FR="no_such_spacy_model")
    server = start_server(tmp_path, "--charter", "default", "--no-decision-log", env=env, wait_for="/healthz")
    try:
        with httpx.Client(base_url=server.base_url, timeout=60) as client:
            for _ in range(100):  # the warm-up fails within seconds
                ready = client.get("/readyz")
                if "could not load" in ready.text:
                    break
                time.sleep(0.2)
            response = client.post("/v1/check", json={"text": "Bonjour Marie"})
        assert response.status_code == 503 and response.json()["error"]["code"] == "not_ready"
        assert response.headers["Retry-After"] == "2"
    finally:
        server.stop()


def test_the_server_seals_its_decisions_and_a_damaged_row_is_skipped_not_a_500(tmp_path: Path) -> None:
    import sqlite3

    from .conftest import LIGHT_CHARTER, cli, write_keys

    tokens = write_keys(tmp_path / "keys.yaml")
    (tmp_path / "light.yaml").write_text(LIGHT_CHARTER, encoding="utf-8")
    db = str(tmp_path / "decisions.sqlite3")
    server = start_server(tmp_path, "--charter", str(tmp_path / "light.yaml"), "--api-keys", str(tmp_path / "keys.yaml"), "--decision-log", db)
    try:
        with httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {tokens['check']}"}, timeout=60) as client:
            for n in range(6):
                assert client.post("/v1/check", json={"text": f"Zorglub avance {n}"}).status_code == 200
            client.post("/v1/check/batch", json={"posts": [{"text": "Zorglub"}, {"text": "Belle journée"}]})
        intact = cli("decisions", "verify", "--all", "--db", db)
        assert intact.returncode == 0 and "chain intact: 8 decisions verified" in intact.stdout, intact.stdout + intact.stderr
        conn = sqlite3.connect(db)
        damaged = conn.execute("SELECT id FROM cg_decisions ORDER BY seq LIMIT 1 OFFSET 2").fetchone()[0]
        conn.execute("UPDATE cg_decisions SET findings = '{oops' WHERE id = ?", (damaged,))
        conn.commit()
        conn.close()
        with httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {tokens['compliance']}"}, timeout=60) as client:
            page = client.get("/v1/decisions", params={"limit": 100})
        assert page.status_code == 200
        assert len(page.json()["decisions"]) == 7 and [s["id"] for s in page.json()["skipped"]] == [damaged]
        broken = cli("decisions", "verify", "--all", "--db", db)
        assert broken.returncode == 1 and f"(decision {damaged}): the row cannot be read" in broken.stdout
        listed = cli("decisions", "list", "--db", db, "--limit", "100")
        assert listed.returncode == 0 and "1 row(s) cannot be read" in listed.stderr
    finally:
        server.stop()


@pytest.mark.parametrize(
    "header",
    ["[::1]evil", "[::1]evil.example", "[::1]:80evil", "[::1]:", "localhost:evil", "localhost:80:80", "[::1", "127.0.0.1:8000x", "localhost :80"],
)
def test_a_malformed_host_header_is_refused(header: str) -> None:
    from charterguard.api.hosts import HostAllowList
    from charterguard.api.settings import Settings

    allowed = HostAllowList([*Settings().allowed_host_names(), "*.example"])
    assert not allowed.allows(header)


def test_head_on_the_health_endpoints(local_server: Server) -> None:
    with local_server.client() as client:
        assert client.head("/healthz").status_code == 200
        assert client.head("/readyz").status_code == 200

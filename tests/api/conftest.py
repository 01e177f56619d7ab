"""Fixtures for the HTTP API tests: real servers, real SQLite files, a real PostgreSQL.

Servers are `charterguard serve` in a subprocess on a free loopback port,
started once per session (each loads the NLP models once). PostgreSQL is a
throwaway cluster made with initdb/pg_ctl in a temp dir on a free port; tests
that need it skip, saying why, only when the server binaries are absent
(`.ci/install-postgres.sh` installs them).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

from charterguard.api.keys import hash_token, new_token

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
EXTENSION_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
START_TIMEOUT_S = 180  # model loading on a busy 2-core machine
RELOAD_INTERVAL_S = "0.3"

# A post that names a code name of the test charter, so it is blocked.
RELOAD_CHARTER = """\
extends: default
name: reload-test
version: "1"
company:
  codenames: [Zorglub]
"""

# A charter without NLP rules: a server serving only it is ready in seconds.
LIGHT_CHARTER = """\
name: light-test
version: "1"
company:
  codenames: [Zorglub]
rules:
  - id: confidential.codenames
    kind: terms
    category: confidential
    entity: CODENAME
    severity: block
    clause: "2.1"
    terms_from: [company.codenames]
    message: "\\"{match}\\" is an internal code name."
    examples:
      flag:
        - {text: "Zorglub avance", match: "Zorglub"}
      pass:
        - "Belle journée"
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["CHARTERGUARD_RELOAD_INTERVAL_S"] = RELOAD_INTERVAL_S
    env.pop("CHARTERGUARD_SERVE_SETTINGS", None)
    env.update(extra)
    return env


def cli(*args: str, input: str | None = None, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `charterguard ARGS` in a subprocess (the real command line)."""
    return subprocess.run(
        [sys.executable, "-c", "from charterguard.cli import main; main()", *args],
        input=input,
        capture_output=True,
        text=True,
        env=env or server_env(),
        timeout=timeout,
        cwd=ROOT,
    )


@dataclass
class Server:
    """A running `charterguard serve`; its whole output goes to `log_path`."""

    base_url: str
    proc: subprocess.Popen[bytes]
    log_path: Path
    workdir: Path
    tokens: dict[str, str] = field(default_factory=dict)
    decision_log: str = ""

    @property
    def port(self) -> int:
        return int(self.base_url.rsplit(":", 1)[1])

    def client(self, role: str | None = None, **kwargs: object) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return httpx.Client(base_url=self.base_url, headers=headers, timeout=60, **kwargs)  # type: ignore[arg-type]

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def start_server(workdir: Path, *args: str, env: dict[str, str] | None = None, wait_for: str = "/readyz") -> Server:
    """Start `charterguard serve ARGS` on a free port and wait until `wait_for` (/readyz: ready) answers 200."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log_path = workdir / f"server-{port}.log"
    log_file = open(log_path, "wb")
    proc = subprocess.Popen(
        [sys.executable, "-c", "from charterguard.cli import main; main()", "serve", "--port", str(port), *args],
        stdout=log_file,
        stderr=subprocess.STDOUT,
        env=env or server_env(),
        cwd=workdir,
    )
    log_file.close()
    server = Server(f"http://127.0.0.1:{port}", proc, log_path, workdir)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"charterguard serve exited with {proc.returncode}:\n{server.log_text()[-3000:]}")
        try:
            if httpx.get(server.base_url + wait_for, timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"charterguard serve was not ready after {START_TIMEOUT_S} s:\n{server.log_text()[-3000:]}")


def write_keys(path: Path) -> dict[str, str]:
    tokens = {"check": new_token(), "compliance": new_token()}
    path.write_text(
        "keys:\n"
        f"  - id: extension\n    sha256: {hash_token(tokens['check'])}\n    roles: [check]\n"
        f"  - id: compliance-team\n    sha256: {hash_token(tokens['compliance'])}\n    roles: [compliance]\n",
        encoding="utf-8",
    )
    return tokens


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The main server: API keys, CORS for the extension, SQLite decision log,
    the default charter plus an editable one (for reload tests), batches of 50."""
    workdir = tmp_path_factory.mktemp("api-server")
    tokens = write_keys(workdir / "keys.yaml")
    (workdir / "reload-test.yaml").write_text(RELOAD_CHARTER, encoding="utf-8")
    db = workdir / "decisions.sqlite3"
    srv = start_server(
        workdir,
        "--api-keys", str(workdir / "keys.yaml"),
        "--cors-origin", EXTENSION_ORIGIN,
        "--charter", "default",
        "--charter", str(workdir / "reload-test.yaml"),
        "--decision-log", str(db),
        "--batch-max", "50",
    )  # fmt: skip
    srv.tokens = tokens
    srv.decision_log = str(db)
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server as an employee runs it on a laptop: loopback, no API keys, SQLite
    decision log; the light charter (no models) and one extra allowed host name."""
    workdir = tmp_path_factory.mktemp("api-local-server")
    (workdir / "light.yaml").write_text(LIGHT_CHARTER, encoding="utf-8")
    db = workdir / "decisions.sqlite3"
    srv = start_server(workdir, "--charter", str(workdir / "light.yaml"), "--decision-log", str(db), "--allowed-host", "charterguard.test")
    srv.decision_log = str(db)
    yield srv
    srv.stop()


# -- PostgreSQL -------------------------------------------------------------------


def postgres_bindir() -> Path | None:
    """Where initdb and pg_ctl are: Debian keeps them out of PATH."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True):
        if Path(candidate, "initdb").exists() and Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class PostgresCluster:
    url: str  # the maintenance database
    port: int

    def new_database(self) -> str:
        """A fresh, empty database; returns its URL."""
        import psycopg

        name = "cg_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    bindir = postgres_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed: run `bash .ci/install-postgres.sh` (Debian package postgresql)")
    base = Path(tempfile.mkdtemp(prefix="cg-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        # initdb refuses to run as root: run the cluster as the `postgres` user the Debian package creates.
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no `postgres` user to run a PostgreSQL cluster as")
        os.chown(base, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data = base / "data"
    port = free_port()

    def run(*args: str) -> None:
        done = subprocess.run([*run_as, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")

    run(str(bindir / "initdb"), "-D", str(data), "-U", "cg", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C")
    run(
        str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"), "-w", "-t", "60",
        "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
        "start",
    )  # fmt: skip
    try:
        yield PostgresCluster(url=f"postgresql://cg@127.0.0.1:{port}/postgres", port=port)
    finally:
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server(postgres: PostgresCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A second server: no API keys (loopback, local mode), decision log in PostgreSQL,
    a 1 ms time budget (so long posts come back incomplete and blocked)."""
    workdir = tmp_path_factory.mktemp("api-pg-server")
    url = postgres.new_database()
    srv = start_server(workdir, "--decision-log", url, "--hmac-key-file", str(workdir / "hmac.key"), "--time-budget-ms", "1")
    srv.decision_log = url
    yield srv
    srv.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """An empty decision log: a SQLite file, then a database on the real PostgreSQL server."""
    from charterguard.decisions import open_log

    if request.param == "sqlite":
        log = open_log(str(tmp_path / "decisions.sqlite3"))
    else:
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        log = open_log(cluster.new_database())
    yield log
    log.close()

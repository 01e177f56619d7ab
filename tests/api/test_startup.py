"""Start-up refusals, settings and the `keys` command (no server needed, or one that must not start)."""

from __future__ import annotations

import os
import signal
import socket
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from charterguard.api.keys import KeyRing, KeysFileError, hash_token
from charterguard.api.settings import Settings, SettingsError

from .conftest import LIGHT_CHARTER, Server, cli, server_env, start_server


def test_refuses_non_loopback_without_keys() -> None:
    with pytest.raises(SettingsError, match="needs API keys"):
        Settings(host="0.0.0.0")
    Settings(host="::1")
    Settings(host="localhost")
    Settings(host="0.0.0.0", api_keys_file="keys.yaml")


def test_serve_command_exits_2_when_bound_outside_without_keys() -> None:
    done = cli("serve", "--host", "0.0.0.0", "--port", "1")
    assert done.returncode == 2
    assert "needs API keys" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("origin", ["*", "null", "example.com"])
def test_cors_wildcards_and_bare_hosts_are_refused(origin: str) -> None:
    with pytest.raises(SettingsError, match="CORS origin"):
        Settings(cors_origins=[origin])


def test_defaults_match_the_issue() -> None:
    settings = Settings()
    assert settings.host == "127.0.0.1"
    assert settings.max_body_bytes == 64 * 1024
    assert settings.batch_max == 1000
    assert settings.record_decisions is True and settings.store_text is False


def test_settings_from_environment() -> None:
    env = {
        "CHARTERGUARD_CHARTERS": "default, policies/acme-group.yaml",
        "CHARTERGUARD_CORS_ORIGINS": "chrome-extension://abc",
        "CHARTERGUARD_STORE_TEXT": "no",
        "CHARTERGUARD_TIME_BUDGET_MS": "500",
    }
    settings = Settings.from_env(env, port=9000)
    assert settings.charters == ["default", "policies/acme-group.yaml"]
    assert settings.cors_origins == ["chrome-extension://abc"]
    assert settings.time_budget_ms == 500 and settings.port == 9000 and settings.store_text is False
    assert Settings.from_json(settings.to_json()) == settings
    with pytest.raises(SettingsError, match="expected a number"):
        Settings.from_env({"CHARTERGUARD_PORT": "eighty"})


def test_keys_new_and_hash_commands(tmp_path: Path) -> None:
    keys_file = tmp_path / "keys.yaml"
    first = cli("keys", "new", "--id", "extension", "--append", str(keys_file))
    second = cli("keys", "new", "--id", "audit", "--role", "compliance", "--append", str(keys_file))
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    token = first.stdout.strip()
    assert token.startswith("cg_") and token not in keys_file.read_text()
    ring = KeyRing.load(keys_file)
    assert ring.find(token).id == "extension"
    assert ring.find(second.stdout.strip()).grants("compliance")
    assert cli("keys", "hash", token).stdout.strip() == hash_token(token)
    duplicate = cli("keys", "new", "--id", "extension", "--append", str(keys_file))
    assert duplicate.returncode == 2 and "used twice" in duplicate.stderr
    assert len(KeyRing.load(keys_file)) == 2  # the file was left as it was


@pytest.mark.parametrize(
    "content, problem",
    [
        ("keys: []\n", "non-empty"),
        ("keys:\n  - id: a\n    sha256: cg_plaintexttoken\n    roles: [check]\n", "never the token"),
        (f"keys:\n  - id: a\n    sha256: {'a' * 64}\n    roles: [admin]\n", "roles"),
        (f"keys:\n  - id: a\n    sha256: {'a' * 64}\n    roles: [check]\n    token: x\n", "unknown field"),
        ("keys: [", "cannot read"),
    ],
)
def test_bad_keys_files_are_refused_clearly(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text(content)
    with pytest.raises(KeysFileError, match=problem):
        KeyRing.load(path)


def test_serve_with_missing_keys_file_exits_2(tmp_path: Path) -> None:
    done = cli("serve", "--api-keys", str(tmp_path / "absent.yaml"), "--port", "1", "--decision-log", str(tmp_path / "d.sqlite3"))
    assert done.returncode == 2
    assert "absent.yaml" in done.stderr and "not found" in done.stderr


def test_serve_with_broken_charter_exits_2_naming_the_line(tmp_path: Path) -> None:
    charter = tmp_path / "broken.yaml"
    charter.write_text("extends: default\nname: broken\nversion: '1'\nrules:\n  - id: x\n    kind: no-such-kind\n")
    done = cli("serve", "--charter", str(charter), "--port", "1", "--decision-log", str(tmp_path / "d.sqlite3"))
    assert done.returncode == 2
    assert "broken.yaml:" in done.stderr and "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`serve --workers 2` on the light charter (no models to load)."""
    workdir = tmp_path_factory.mktemp("two-workers")
    (workdir / "light.yaml").write_text(LIGHT_CHARTER, encoding="utf-8")
    srv = start_server(workdir, "--workers", "2", "--check-threads", "1", "--charter", str(workdir / "light.yaml"), "--decision-log", str(workdir / "d.sqlite3"))
    if Path("/proc/net/tcp").exists():
        _wait_until(lambda: len(_listening_sockets(srv.port)) == 2)  # the other worker listens once it is ready too
    yield srv
    srv.stop()


@pytest.mark.slow
def test_several_workers_answer_without_nagle_delays(two_workers: Server) -> None:
    """With --workers, answers are not held ~40 ms by Nagle + delayed ACK (TCP_NODELAY on every connection)."""
    with two_workers.client() as client:
        timings = []
        for i in range(30):
            started = time.perf_counter()
            response = client.post("/v1/check", json={"text": f"Le projet Zorglub {i}"})
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200 and response.json()["verdict"] == "block"
    assert statistics.median(timings) < 0.030, f"median {statistics.median(timings) * 1000:.1f} ms: answers wait on Nagle's algorithm"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc to see which process holds a connection")
def test_connections_opened_at_once_are_spread_over_the_workers(two_workers: Server) -> None:
    """Each worker listens on its own socket, and only once it is ready, so a client
    opening its keep-alive connections all at once gets them spread over ready workers."""
    port = two_workers.port
    assert len(_listening_sockets(port)) == 2, "each worker listens on its own socket"
    connections = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(16)]
    try:
        for conn in connections:  # every connection is accepted once it has been answered
            conn.sendall(b"GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        for conn in connections:
            assert conn.recv(4096).startswith(b"HTTP/1.1 200")
        owners = _server_side_owners(port, {conn.getsockname()[1] for conn in connections}, _children(two_workers.proc.pid))
    finally:
        for conn in connections:
            conn.close()
    assert len(owners) == 16 and len(set(owners.values())) == 2, f"connections per worker: {sorted(Counter(owners.values()).values())}"


@pytest.mark.slow
def test_several_workers_refuse_a_port_another_server_listens_on(two_workers: Server, tmp_path: Path) -> None:
    """SO_REUSEPORT must not let a second server join the first one's port and share its connections."""
    (tmp_path / "light.yaml").write_text(LIGHT_CHARTER, encoding="utf-8")
    done = cli("serve", "--workers", "2", "--port", str(two_workers.port), "--charter", str(tmp_path / "light.yaml"), "--decision-log", str(tmp_path / "d.sqlite3"), timeout=60)
    assert done.returncode != 0
    assert f"cannot listen on 127.0.0.1 port {two_workers.port}: Address already in use" in done.stderr


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc to see the listening sockets")
def test_sighup_to_several_workers_reloads_each_in_place_without_failing_a_request(tmp_path: Path) -> None:
    """SIGHUP to a multi-worker server is forwarded to every worker, which reloads the changed
    charter in place: the same processes keep serving (no model reload on the cores that
    serve), and every worker answers with the new version."""
    charter = tmp_path / "light.yaml"
    charter.write_text(LIGHT_CHARTER, encoding="utf-8")
    # The file watcher looks only once an hour here: only the signal can explain the reload.
    srv = start_server(tmp_path, "--workers", "2", "--charter", str(charter), "--decision-log", str(tmp_path / "d.sqlite3"),
                       "--log-level", "info", env=server_env(CHARTERGUARD_RELOAD_INTERVAL_S="3600"))
    port = srv.port
    try:
        _wait_until(lambda: len(_listening_sockets(port)) == 2)
        workers_before = sorted(_children(srv.proc.pid))
        # A new connection per request: the kernel spreads them over both workers' sockets.
        with _Posting(srv.base_url, fresh_connections=True) as load:
            versions = load.versions
            _wait_until(lambda: len(versions) >= 5)
            charter.write_text(LIGHT_CHARTER.replace('version: "1"', 'version: "2"'), encoding="utf-8")
            srv.proc.send_signal(signal.SIGHUP)
            # 40 fresh connections in a row answered with version 2: both workers reloaded
            # (all 40 landing on one worker has a chance of 2**-39).
            _wait_until(lambda: versions[-40:] == ["2"] * 40, timeout_s=30)
        workers_after = sorted(_children(srv.proc.pid))
    finally:
        srv.stop()
    assert versions[0] == "1" and versions[-40:] == ["2"] * 40, f"versions served, last 40: {versions[-40:]}"
    assert workers_after == workers_before, "the workers reloaded in place, none was replaced"
    assert set(load.statuses) == {200}, f"statuses during the reload: {sorted(set(load.statuses))}"
    assert srv.log_text().count("SIGHUP: charters reloaded: ['light-test']") == 2


def test_sigusr2_replaces_every_worker_without_failing_a_request(tmp_path: Path) -> None:
    """SIGUSR2 (new code or models without a stop) restarts the workers one by one; each new
    one listens once ready, so requests never fail."""
    (tmp_path / "light.yaml").write_text(LIGHT_CHARTER, encoding="utf-8")
    srv = start_server(tmp_path, "--workers", "2", "--charter", str(tmp_path / "light.yaml"), "--decision-log", str(tmp_path / "d.sqlite3"))
    port = srv.port
    try:
        _wait_until(lambda: len(_listening_sockets(port)) == 2)
        before = set(_listening_sockets(port))
        with _Posting(srv.base_url, fresh_connections=True) as load:
            srv.proc.send_signal(signal.SIGUSR2)
            _wait_until(lambda: not set(_listening_sockets(port)) & before and len(_listening_sockets(port)) >= 2)
            time.sleep(0.5)
        after = set(_listening_sockets(port))
    finally:
        srv.stop()
    assert len(after) == 2 and not after & before, "both workers were replaced"
    assert load.statuses and set(load.statuses) == {200}, f"statuses during the restart: {sorted(set(load.statuses))}"


def test_sighup_to_one_worker_reloads_the_charter_in_place_without_failing_a_request(tmp_path: Path) -> None:
    """With one worker there is no other to take over while a new one loads: SIGHUP (whose
    default action would end the process) reloads the changed charter at once, in place."""
    charter = tmp_path / "light.yaml"
    charter.write_text(LIGHT_CHARTER, encoding="utf-8")
    # The file watcher looks only once an hour here: only the signal can explain the reload.
    srv = start_server(tmp_path, "--charter", str(charter), "--no-decision-log", "--log-level", "info", env=server_env(CHARTERGUARD_RELOAD_INTERVAL_S="3600"))
    try:
        with _Posting(srv.base_url, fresh_connections=False) as load:
            versions = load.versions
            _wait_until(lambda: len(load.statuses) >= 5)
            charter.write_text(LIGHT_CHARTER.replace('version: "1"', 'version: "2"'), encoding="utf-8")
            srv.proc.send_signal(signal.SIGHUP)
            _wait_until(lambda: versions[-1:] == ["2"], timeout_s=30)
        alive = srv.proc.poll() is None
    finally:
        srv.stop()
    assert alive, "the server must survive SIGHUP"
    assert versions[0] == "1" and versions[-1] == "2", f"versions served: {sorted(set(versions))}"
    assert set(load.statuses) == {200}, f"statuses during the reload: {sorted(set(load.statuses))}"
    assert "SIGHUP: charters reloaded: ['light-test']" in srv.log_text()


class _Posting:
    """Posts a check on a thread of its own until the block ends, keeping each answer's status
    and the charter version it was checked with; on one keep-alive connection, or a new
    connection per request (spread by the kernel over several workers' sockets)."""

    def __init__(self, base_url: str, *, fresh_connections: bool) -> None:
        self.base_url, self.fresh_connections = base_url, fresh_connections
        self.statuses: list[int] = []
        self.versions: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._post)

    def __enter__(self) -> "_Posting":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=60)

    def _post(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=30) as client:
            while not self._stop.is_set():
                if self.fresh_connections:
                    response = httpx.post(self.base_url + "/v1/check", json={"text": "Le projet Zorglub avance"}, timeout=30)
                else:
                    response = client.post("/v1/check", json={"text": "Le projet Zorglub avance"})
                self.statuses.append(response.status_code)
                if response.status_code == 200:
                    self.versions.append(response.json()["charter"]["version"])


def _wait_until(condition: Callable[[], bool], timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)


def _tcp_table() -> list[tuple[int, int, str, int]]:
    """(local port, remote port, state, inode) of every IPv4 TCP socket (/proc/net/tcp)."""
    rows = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        rows.append((int(fields[1].split(":")[1], 16), int(fields[2].split(":")[1], 16), fields[3], int(fields[9])))
    return rows


def _listening_sockets(port: int) -> list[int]:
    return [inode for local, _, state, inode in _tcp_table() if local == port and state == "0A"]


def _children(pid: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
    return children


def _server_side_owners(port: int, client_ports: set[int], pids: list[int]) -> dict[int, int]:
    """For each client port, the pid of the process holding the server side of its connection."""
    owner_of_inode = {}
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                owner_of_inode[int(target[8:-1])] = pid
    return {remote: owner_of_inode[inode] for local, remote, _, inode in _tcp_table() if local == port and remote in client_ports and inode in owner_of_inode}


def test_the_warm_up_moves_what_it_loaded_out_of_the_garbage_collectors_reach(tmp_path: Path) -> None:
    # Else every full collection walks the models' objects while no request is answered (~200 ms).
    import gc

    from charterguard.api.state import State

    charter = tmp_path / "light.yaml"
    charter.write_text(LIGHT_CHARTER)
    state = State(Settings(charters=[str(charter)], record_decisions=False))
    gc.unfreeze()
    try:
        state.warm_up()
        assert state.ready.is_set()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        state.close()

"""Attack a real server as issue 15 did, bounded, and print what broke.

Starts `charterguard serve` (default charter, API keys, SQLite decision log, in a
temp dir, on a free loopback port) and, without waiting for readiness, sends:
valid checks and batches from 8 threads (the first ones while the models load),
hostile JSON bodies, bad Host headers, auth bypass attempts, malformed HTTP,
slow headers and slow bodies on raw sockets. When 70% of the valid checks are
answered it stops the server with SIGTERM, while checks still run, and counts:

- requests tried, answers by status, 5xx, tracebacks in the server log, hangs
  (no answer within 60 s);
- decisions lost: posts answered 200 with `X-Charterguard-Decision-Logged: true`
  (one per check, one per checked batch post) beyond the rows in the log (the log
  starts empty; a batch answered 504 still records its posts, so rows may be more);
- the chain check: `charterguard decisions verify --all`.

    python bench/hostile.py [--rounds 40] [--threads 8]

Only loopback traffic; every loop is bounded by --rounds.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "Le projet Colibri sort en mars, écrivez à marie.dupont@example.org",
    "Bonjour à tous, ravie de rejoindre l'équipe de Jean Martin à Lyon !",
    "IBAN FR76 3000 6000 0112 3456 7890 189 pour le remboursement",
    "Belle journée à toutes et à tous.",
]
HOSTILE_BODIES: list[bytes] = [
    b'{"text": "abc"',  # truncated JSON
    b'{"text": 12}',
    b'{"text": "a\\u0000b"}',
    b'{"text": "' + b"a" * 70_000 + b'"}',
    b"[" * 5000 + b"]" * 5000,
    b'{"text": "\\ud800"}',
    b'{"text": "ok", "lang": "xx"}',
    b'{"text": "ok", "charter": "../../etc/passwd"}',
    b"\xff\xfe\x00",
    b"",
    b'{"text": "' + "é🦜\u200b".encode() * 3000 + b'"}',
    b'{"posts": "nope"}',
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from charterguard.api.keys import hash_token, new_token

    work = Path(tempfile.mkdtemp(prefix="cg-hostile-"))
    check_key, compliance_key = new_token(), new_token()
    (work / "keys.yaml").write_text(
        f"keys:\n  - id: ext\n    sha256: {hash_token(check_key)}\n    roles: [check]\n"
        f"  - id: audit\n    sha256: {hash_token(compliance_key)}\n    roles: [compliance]\n",
        encoding="utf-8",
    )
    port, db = free_port(), str(work / "decisions.sqlite3")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "CHARTERGUARD_HEADER_TIMEOUT_S": "2", "CHARTERGUARD_BODY_TIMEOUT_S": "2"}
    log_path = work / "server.log"
    with open(log_path, "wb") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-c", "from charterguard.cli import main; main()", "serve", "--port", str(port),
             "--api-keys", str(work / "keys.yaml"), "--decision-log", db, "--no-access-log"],
            stdout=log_file, stderr=subprocess.STDOUT, env=env, cwd=work,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    statuses: collections.Counter[int] = collections.Counter()
    hangs = 0
    logged = 0  # posts whose decision the server said it committed
    lock = threading.Lock()
    refused_after_stop = [0]
    progress = [0]  # valid checks answered

    server_errors: collections.Counter[str] = collections.Counter()  # 5xx by error code

    def note(status: int, response: httpx.Response | None = None) -> None:
        with lock:
            statuses[status] += 1
            if status >= 500:
                try:
                    code = response.json()["error"]["code"] if response is not None else "raw"
                except (ValueError, KeyError, TypeError):
                    code = "not JSON"
                server_errors[f"{status} {code}"] += 1

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # listening (not ready: the first checks race the warm-up)
        try:
            httpx.get(base + "/healthz", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.05)

    def valid(worker: int) -> None:
        nonlocal hangs, logged
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {check_key}"}, timeout=60) as client:
            for n in range(args.rounds):
                try:
                    if n % 5 == 4:
                        posts = [{"text": t} for t in TEXTS]
                        response = client.post("/v1/check/batch", json={"posts": posts})
                    else:
                        response = client.post("/v1/check", json={"text": TEXTS[(worker + n) % len(TEXTS)]})
                except httpx.TimeoutException:
                    with lock:
                        hangs += 1
                    continue
                except httpx.TransportError:  # the server stopped (SIGTERM): no answer, nothing promised
                    with lock:
                        refused_after_stop[0] += 1
                    return
                note(response.status_code, response)
                progress[0] += 1
                if response.status_code == 200 and response.headers.get("X-Charterguard-Decision-Logged") == "true":
                    data = response.json()
                    with lock:
                        logged += sum(1 for r in data.get("reports", [data]) if "error" not in r)

    def hostile(worker: int) -> None:
        nonlocal hangs
        with httpx.Client(base_url=base, timeout=60) as client:
            for n in range(args.rounds):
                body = HOSTILE_BODIES[(worker + n) % len(HOSTILE_BODIES)]
                headers = {"Content-Type": "application/json", "Authorization": f"Bearer {check_key}"}
                variants = [
                    ("POST", "/v1/check", headers),
                    ("POST", "/v1/check/batch", headers),
                    ("POST", "/v1/check", {**headers, "Host": "[::1]evil"}),
                    ("POST", "/v1/check", {"Content-Type": "application/json", "Authorization": "Bearer cg_forged"}),
                    ("GET", "/v1/decisions", headers),  # a check key on a compliance endpoint
                    ("POST", "/v1/overrides", headers),
                ]
                method, path, hdrs = variants[n % len(variants)]
                try:
                    response = client.request(method, path, content=body if method == "POST" else None, headers=hdrs)
                    note(response.status_code, response)
                except httpx.TimeoutException:
                    with lock:
                        hangs += 1
                except httpx.TransportError:
                    with lock:
                        refused_after_stop[0] += 1
                    return

    def raw(worker: int) -> None:
        nonlocal hangs
        for n in range(max(1, args.rounds // 4)):
            kind = (worker + n) % 3
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
                    if kind == 0:
                        sock.sendall(b"GARBAGE / HTTP/9\r\n\r\n")
                    else:
                        head = b"POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Length: 50\r\n"
                        sock.sendall(head if kind == 1 else head + b"\r\n{")
                        for _ in range(60):  # dribble
                            time.sleep(0.1)
                            sock.sendall(b"x-a: b\r\n" if kind == 1 else b" ")
                    answer = sock.recv(200)
                note(int(answer.split(b" ")[1]) if answer.startswith(b"HTTP/1.1 ") else 0)
            except ConnectionRefusedError:
                return  # the server stopped
            except (BrokenPipeError, ConnectionResetError):
                note(0)  # closed by the server (a 408 may have been sent first)
            except TimeoutError:
                with lock:
                    hangs += 1

    started = time.monotonic()
    with ThreadPoolExecutor(args.threads + 4) as pool:
        jobs = [pool.submit(valid, w) for w in range(args.threads)]
        jobs += [pool.submit(hostile, w) for w in range(2)] + [pool.submit(raw, w) for w in range(2)]
        while progress[0] < 0.7 * args.threads * args.rounds and not all(job.done() for job in jobs[: args.threads]):
            time.sleep(0.05)
        stopped = any(not job.done() for job in jobs[: args.threads])
        server.send_signal(signal.SIGTERM)  # while checks still run
        for job in jobs:
            job.result()
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        hangs += 1
    elapsed = time.monotonic() - started
    log_text = log_path.read_text(encoding="utf-8", errors="replace")
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT COUNT(*) FROM cg_decisions").fetchone()[0]
    verify = subprocess.run(
        [sys.executable, "-c", "from charterguard.cli import main; main()", "decisions", "verify", "--all", "--db", db],
        capture_output=True, text=True, env=env, check=False, timeout=120,
    )  # fmt: skip
    total = sum(statuses.values()) + hangs
    print(json.dumps({
        "requests": total, "seconds": round(elapsed, 1), "by_status": dict(sorted(statuses.items())),
        "5xx": sum(c for s, c in statuses.items() if s >= 500), "5xx_by_code": dict(server_errors),
        "tracebacks": log_text.count("Traceback") + log_text.count("internal error"), "hangs": hangs,
        "sigterm_under_load": stopped, "requests_refused_after_sigterm": refused_after_stop[0],
        "decisions_answered_logged": logged, "decision_rows": rows, "decisions_lost": max(0, logged - rows), "chain": verify.stdout.strip().splitlines()[0] if verify.stdout.strip() else verify.stderr.strip(),
        "chain_exit": verify.returncode,
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()

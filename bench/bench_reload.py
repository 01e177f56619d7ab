"""Answers while the server reloads: latency and errors before, during and after a SIGHUP.

Starts `charterguard serve` on a copy of the default charter (SQLite decision log, access
log off) with one and then two workers, loads it with closed-loop keep-alive clients
(threads of this process, ~300-character French posts, POST /v1/check), then edits the
charter (its version: a new charter to compile) and sends SIGHUP. A one-worker server
reloads the changed charter in place (charterguard.api.app); with several, the supervisor
forwards the signal to each worker, which does the same (charterguard.api.serving; until
2026-12-02 it replaced the workers one by one, each loading its models anew). Prints, per phase (the seconds before the signal, the reload
itself, the seconds after), requests/s, p50/p99/max latency and failed requests, and
the worst one-second p99 of each phase. A post whose keep-alive connection a retiring
worker closed before reading it is sent again on a new connection (as browsers and
urllib3 do), and counted. Issue 20: "SIGHUP worker replacement without a
window of slower answers".

    python bench/bench_reload.py [--workers 1,2] [--clients 4] [--before 6] [--after 8]

Timings are printed, never asserted. Only loopback traffic; every wait is bounded.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from bench_api import french_posts, start_server

ROOT = Path(__file__).resolve().parent.parent
RELOAD_TIMEOUT_S = 180  # two workers reloading their models on a busy 2-core machine


class Load:
    """Closed-loop clients, one keep-alive connection each (a new one after a failure)."""

    def __init__(self, url: str, posts: list[str], clients: int) -> None:
        host, port = url.removeprefix("http://").split(":")
        self.address = (host, int(port))
        self.bodies = [json.dumps({"text": p, "channel": "linkedin"}, ensure_ascii=False).encode("utf-8") for p in posts]
        self.samples: list[tuple[float, float, bool]] = []  # (time answered, latency s, succeeded)
        self.resent = 0  # posts sent again because a retiring worker closed their keep-alive connection
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._client, args=(i,), daemon=True) for i in range(clients)]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def _client(self, index: int) -> None:
        conn: http.client.HTTPConnection | None = None
        i = index
        while not self.stop.is_set():
            body = self.bodies[i % len(self.bodies)]
            i += len(self.threads)
            started = time.monotonic()
            ok = False
            for attempt in (1, 2):
                reused = conn is not None
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection(*self.address, timeout=30)
                    conn.request("POST", "/v1/check", body=body, headers={"Content-Type": "application/json"})
                    response = conn.getresponse()
                    response.read()
                    ok = response.status == 200
                    if response.getheader("Connection", "").lower() == "close":
                        conn.close()
                        conn = None
                    break
                except (OSError, http.client.HTTPException) as exc:
                    if conn is not None:
                        conn.close()
                    conn = None
                    # A keep-alive connection the server closed before reading the request (a worker
                    # retiring): the post was never checked, so it is sent again on a new connection,
                    # as browsers and urllib3 do. Counted, so the table shows how often.
                    if attempt == 1 and reused and isinstance(exc, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)):
                        self.resent += 1
                        continue
                    time.sleep(0.05)  # the server may be between workers: do not spin
                    break
            self.samples.append((time.monotonic(), time.monotonic() - started, ok))
        if conn is not None:
            conn.close()


def served_sha256(url: str) -> str | None:
    """The charter's sha256 as served on a new connection (so by any of the workers)."""
    try:
        with urllib.request.urlopen(url + "/v1/charters", timeout=10) as response:
            return str(json.load(response)["charters"][0]["sha256"])
    except (OSError, ValueError, KeyError, IndexError):
        return None


def wait_for_reload(workers: int, url: str, old_sha256: str | None) -> bool:
    """Until the edited charter is served: by one worker, once; by several, on 20 new
    connections per worker in a row (the kernel spreads new connections over the workers)."""
    in_a_row, needed = 0, 1 if workers == 1 else 20 * workers
    deadline = time.monotonic() + RELOAD_TIMEOUT_S
    while time.monotonic() < deadline:
        sha256 = served_sha256(url)
        in_a_row = in_a_row + 1 if sha256 is not None and sha256 != old_sha256 else 0
        if in_a_row >= needed:
            return True
        time.sleep(0.05)  # a light poll: it shares the cores with the load it measures
    return False


def phase(samples: list[tuple[float, float, bool]], start: float, end: float) -> dict[str, float]:
    rows = [(t, latency, ok) for t, latency, ok in samples if start <= t < end]
    latencies = sorted(latency * 1000 for _, latency, ok in rows if ok)
    per_second: dict[int, list[float]] = {}
    for t, latency, ok in rows:
        if ok:
            per_second.setdefault(int(t - start), []).append(latency * 1000)

    def pct(values: list[float], q: float) -> float:
        return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")

    return {
        "seconds": end - start,
        "rps": len(latencies) / (end - start) if end > start else float("nan"),
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p99": pct(latencies, 0.99),
        "max": latencies[-1] if latencies else float("nan"),
        "failed": sum(1 for _, _, ok in rows if not ok),
        "worst_second_p99": max((pct(sorted(v), 0.99) for v in per_second.values()), default=float("nan")),
    }


def run(workers: int, clients: int, before_s: float, after_s: float) -> dict[str, dict[str, float]] | None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        charter = workdir / "default.yaml"
        shutil.copy(ROOT / "policies" / "default.yaml", charter)
        proc, url = start_server(workdir, workers, None, str(charter))
        load = Load(url, french_posts(), clients)
        try:
            load.start()
            time.sleep(2)  # warm-up, not measured
            start = time.monotonic()
            time.sleep(before_s)
            old_sha256 = served_sha256(url)
            # A new version (comments do not change a charter's sha256): a charter to compile.
            text = charter.read_text(encoding="utf-8")
            charter.write_text(re.sub(r"(?m)^version: .*$", 'version: "bench-reload"', text, count=1), encoding="utf-8")
            hup = time.monotonic()
            os.kill(proc.pid, signal.SIGHUP)
            reloaded = wait_for_reload(workers, url, old_sha256)
            done = time.monotonic()
            time.sleep(after_s)
            end = time.monotonic()
        finally:
            load.finish()
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except Exception:
                proc.kill()
        if not reloaded:
            print(f"  {workers} worker(s): the reload did not finish within {RELOAD_TIMEOUT_S} s")
            return None
        return {
            "resent": {"posts": float(load.resent)},
            "before": phase(load.samples, start, hup),
            "reload": phase(load.samples, hup, done),
            "after": phase(load.samples, done, end),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    parser.add_argument("--clients", type=int, default=4, help="concurrent keep-alive clients")
    parser.add_argument("--before", type=float, default=6.0, help="seconds measured before the SIGHUP")
    parser.add_argument("--after", type=float, default=8.0, help="seconds measured after the reload")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args()
    results = {}
    for workers in (int(w) for w in args.workers.split(",")):
        result = run(workers, args.clients, args.before, args.after)
        if result is not None:
            results[workers] = result
    if args.json:
        print(json.dumps(results))
        return
    print(f"POST /v1/check on a copy of the default charter, {args.clients} keep-alive clients; the charter is edited, then SIGHUP")
    print("workers  phase     seconds    req/s   p50 ms   p99 ms   max ms  failed  worst 1-s p99 ms")
    for workers, phases in results.items():
        resent = phases.pop("resent")["posts"]
        for name, m in phases.items():
            print(
                f"{workers:7d}  {name:7s} {m['seconds']:9.1f} {m['rps']:8.1f} {m['p50']:8.1f} {m['p99']:8.1f} {m['max']:8.1f} "
                f"{m['failed']:7d} {m['worst_second_p99']:17.1f}"
            )
        print(f"         {int(resent)} post(s) sent again on a new connection (a retiring worker had closed their keep-alive one)")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()

"""Load test of the HTTP API: req/s and latency at 1, 8 and 32 concurrent clients.

Starts `charterguard serve` (default charter, SQLite decision log in a temp dir,
access log off) as a subprocess on a free loopback port, then loads it from
another process: wrk (C, light on the 2 shared cores; `apt-get install wrk` on
Debian/Ubuntu, `brew install wrk` on macOS) when installed, else an asyncio httpx
client in this process, which itself takes most of a core: on a 2-core machine
its numbers say as much about the client as about the server. Each client sends
POST /v1/check with ~300-character French posts back to back for --duration
seconds (after a warm-up). Prints requests/s, p50/p90/p99 latency and errors per
level, the server's CPU time per request (which other load on the machine does
not inflate), and the server's peak RSS (VmHWM, summed over worker processes)
with the NLP models it loaded. Target (issue 20): one worker at 8 clients
>= 250 req/s with p99 < 60 ms.

    python bench/bench_api.py [--duration 10] [--levels 1,8,32] [--workers 1] [--client wrk|httpx] [--url http://...]

Only loopback traffic; every loop is bounded by --duration. Timings are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
TARGET_RPS, TARGET_P99_MS, TARGET_LEVEL = 250, 60.0, 8


def french_posts(count: int = 200, seed: int = 7) -> list[str]:
    """~300-character French posts: corporate lines joined, some with personal data."""
    lines = [l.strip() for l in (DATA / "corporate_posts_fr.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    pii = []
    pii_file = DATA / "fr_pii_posts.jsonl"
    if pii_file.exists():
        for row in pii_file.read_text(encoding="utf-8").splitlines():
            try:
                pii.append(json.loads(row)["text"])
            except (ValueError, KeyError):
                continue
    rng = random.Random(seed)
    posts = []
    for i in range(count):
        parts: list[str] = [rng.choice(pii)] if pii and i % 4 == 0 else []
        while sum(len(p) + 1 for p in parts) < 280:
            parts.append(rng.choice(lines))
        posts.append(" ".join(parts)[:330])
    return posts


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(workdir: Path, workers: int, threads: int | None, charter: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    args = ["serve", "--port", str(port), "--charter", str(Path(charter).resolve()) if Path(charter).exists() else charter, "--decision-log", str(workdir / "decisions.sqlite3"), "--no-access-log", "--log-level", "warning", "--workers", str(workers)]
    if threads:
        args += ["--check-threads", str(threads)]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from charterguard.cli import main; main()", *args],
        env=env,
        cwd=workdir,
        stdout=open(workdir / "server.log", "wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited with {proc.returncode}: {(workdir / 'server.log').read_text()[-2000:]}")
        try:
            if httpx.get(url + "/readyz", timeout=2).status_code == 200 and listening_sockets(port) in (None, workers):
                return proc, url  # every worker listens (each once its models are loaded)
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    sys.exit("server not ready after 300 s")


def listening_sockets(port: int) -> int | None:
    """How many sockets listen on 127.0.0.1:port (one per worker), or None off Linux."""
    try:
        table = Path("/proc/net/tcp").read_text().splitlines()[1:]
    except OSError:
        return None
    return sum(1 for line in table if line.split()[1] == f"0100007F:{port:04X}" and line.split()[3] == "0A")


def server_pids(pid: int) -> list[int]:
    pids = [pid]
    try:
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    return pids


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the server and its workers: unlike wall time,
    it does not grow when other processes share the cores."""
    total = 0
    for p in server_pids(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid: int) -> float:
    """VmHWM of the server and its children (uvicorn workers), in MiB."""
    total_kib = 0
    for p in server_pids(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total_kib += int(line.split()[1])
        except OSError:
            continue
    return total_kib / 1024


async def run_level(url: str, posts: list[str], clients: int, duration: float, warmup: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:

        async def one_client(index: int, until: float, record: bool) -> None:
            nonlocal errors
            i = index
            while time.perf_counter() < until:
                body = {"text": posts[i % len(posts)], "channel": "linkedin"}
                i += clients
                started = time.perf_counter()
                try:
                    response = await client.post("/v1/check", json=body)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                if record:
                    if ok:
                        latencies.append(time.perf_counter() - started)
                    else:
                        errors += 1

        warm_until = time.perf_counter() + warmup
        await asyncio.gather(*(one_client(c, warm_until, False) for c in range(clients)))
        started = time.perf_counter()
        until = started + duration
        await asyncio.gather(*(one_client(c, until, True) for c in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")

    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50": pct(0.50),
        "p90": pct(0.90),
        "p99": pct(0.99),
        "max": latencies[-1] * 1000 if latencies else float("nan"),
    }


WRK_SCRIPT = """
local posts = {%s}
local i = 0
local headers = {["Content-Type"] = "application/json"}
request = function()
  i = i + 1
  return wrk.format("POST", "/v1/check", headers, posts[(i %% #posts) + 1])
end
"""


def _lua_string(text: str) -> str:
    return "[==[" + text + "]==]"


def run_level_wrk(url: str, posts: list[str], clients: int, duration: float, warmup: float, workdir: Path) -> dict[str, float]:
    """One level with wrk: `--latency` gives the percentiles. wrk 4 (Debian's) does not correct them
    for coordinated omission (wrk2 does): like the httpx client's, they are closed-loop latencies."""
    bodies = [json.dumps({"text": p, "channel": "linkedin"}, ensure_ascii=False) for p in posts]
    script = workdir / "post.lua"
    script.write_text(WRK_SCRIPT % ", ".join(_lua_string(b) for b in bodies), encoding="utf-8")
    threads = str(min(clients, 2))
    if warmup > 0:
        subprocess.run(["wrk", "-t", threads, "-c", str(clients), "-d", f"{max(1, round(warmup))}s", "-s", str(script), url], capture_output=True, check=True)
    done = subprocess.run(
        ["wrk", "-t", threads, "-c", str(clients), "-d", f"{max(1, round(duration))}s", "--timeout", "30s", "--latency", "-s", str(script), url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = done.stdout
    percentiles = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].endswith("%") and parts[0][:-1].replace(".", "").isdigit():
            percentiles[float(parts[0][:-1])] = _ms(parts[1])
    requests = int(next(l for l in out.splitlines() if "requests in" in l).split()[0])
    non_2xx = sum(int(l.split(":")[1]) for l in out.splitlines() if "Non-2xx" in l)
    socket_errors = sum(int(x.split()[-1]) for l in out.splitlines() if "Socket errors" in l for x in l.split(":", 1)[1].split(","))
    rps = float(next(l for l in out.splitlines() if l.startswith("Requests/sec")).split()[1])
    max_ms = next((_ms(l.split()[3]) for l in out.splitlines() if l.strip().startswith("Latency") and len(l.split()) >= 4), float("nan"))
    return {
        "clients": clients,
        "requests": requests - non_2xx,
        "errors": non_2xx + socket_errors,
        "rps": rps,
        "p50": percentiles.get(50.0, float("nan")),
        "p90": percentiles.get(90.0, float("nan")),
        "p99": percentiles.get(99.0, float("nan")),
        "max": max_ms,
    }


def _ms(value: str) -> float:
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    return float(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds measured per level")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of unmeasured load before each level")
    parser.add_argument("--levels", default="1,8,32", help="concurrent clients, comma-separated")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument("--check-threads", type=int, default=None, help="server check threads per worker")
    parser.add_argument("--charter", default="default", help="charter served (e.g. a no-NLP one to measure the HTTP layer alone)")
    parser.add_argument("--url", default=None, help="an already running server (no RSS then)")
    parser.add_argument("--client", choices=["auto", "wrk", "httpx"], default="auto", help="load generator (auto: wrk when installed)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args()

    posts = french_posts()
    proc = None
    workdir = Path(tempfile.mkdtemp(prefix="cg-bench-api-"))
    if args.url:
        url = args.url.rstrip("/")
    else:
        proc, url = start_server(workdir, args.workers, args.check_threads, args.charter)
    try:
        ready = httpx.get(url + "/readyz", timeout=5).json()
        client = args.client if args.client != "auto" else ("wrk" if shutil.which("wrk") else "httpx")
        results = []
        for level in args.levels.split(","):
            cpu_before = cpu_seconds(proc.pid) if proc else None
            if client == "wrk":
                result = run_level_wrk(url, posts, int(level), args.duration, args.warmup, workdir)
            else:
                result = asyncio.run(run_level(url, posts, int(level), args.duration, args.warmup))
            if proc and cpu_before is not None and result["requests"]:
                # Warm-up requests are counted too: estimate them at the measured rate.
                total = result["requests"] * (1 + args.warmup / args.duration)
                result["cpu_ms_per_req"] = (cpu_seconds(proc.pid) - cpu_before) * 1000 / total
            results.append(result)
        rss = peak_rss_mib(proc.pid) if proc else None
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)

    mean_len = statistics.fmean(len(p) for p in posts)
    summary = {
        "posts": len(posts),
        "mean_post_chars": round(mean_len),
        "workers": args.workers,
        "client": client,
        "cpus": os.cpu_count(),
        "models_loaded": ready.get("models"),
        "server_peak_rss_mib": round(rss, 1) if rss else None,
        "levels": [{k: round(v, 2) if isinstance(v, float) else v for k, v in r.items()} for r in results],
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"POST /v1/check, charter {args.charter if not args.url else '(server default)'}, {len(posts)} French posts of {mean_len:.0f} chars on average, "
          f"{args.workers} worker(s), {os.cpu_count()} CPUs, {args.duration:g} s per level, load from {client}")
    print(f"{'clients':>7} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7} {'server CPU ms/req':>18}")
    for r in results:
        cpu = f"{r['cpu_ms_per_req']:.1f}" if "cpu_ms_per_req" in r else "-"
        print(f"{r['clients']:>7} {r['requests']:>9} {r['rps']:>8.1f} {r['p50']:>8.1f} {r['p90']:>8.1f} {r['p99']:>8.1f} {r['max']:>8.1f} {r['errors']:>7} {cpu:>18}")
    load = os.getloadavg()[0]
    print(f"load average (1 min) at the end: {load:.1f} on {os.cpu_count()} CPUs" + ("  -- the cores were shared: latencies are inflated" if load > (os.cpu_count() or 1) else ""))
    print(f"server peak RSS: {summary['server_peak_rss_mib']} MiB; NLP models loaded: {summary['models_loaded']}")
    at_target = next((r for r in results if r["clients"] == TARGET_LEVEL), None)
    if at_target:
        met = at_target["rps"] >= TARGET_RPS and at_target["p99"] < TARGET_P99_MS
        print(f"target at {TARGET_LEVEL} clients (>= {TARGET_RPS} req/s, p99 < {TARGET_P99_MS:g} ms): {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()

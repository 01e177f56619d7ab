"""Batch at scale: order kept with several workers, summary numbers, flat memory."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from charterguard.parallel import GateConfig, check_rows
from charterguard.sources import PostRow

from .conftest import GATE_CHARTER, without_timing, write_jsonl

TEXTS = ["Le projet Colibri", "Bonjour à tous", "un lancement révolutionnaire " * 30, "Orion-7 et Colibri", "mot de passe: Soleil2026"]


def rows(count: int) -> list[PostRow]:
    return [PostRow(id=i, text=TEXTS[i % len(TEXTS)] * (1 + i % 7), uri="mem", lang="fr", first_line=i + 1)
            for i in range(count)]


def test_order_is_kept_with_two_workers_and_small_chunks() -> None:
    posts = rows(300)
    config = GateConfig(GATE_CHARTER)
    one = [(row.id, outcome.to_dict()) for row, outcome in check_rows(posts, config, 1)]
    two = [(row.id, outcome.to_dict()) for row, outcome in check_rows(iter(posts), config, 2, chunk_size=7, in_flight=3)]
    assert [i for i, _ in two] == list(range(300))
    assert without_timing([d for _, d in one]) == without_timing([d for _, d in two])


def test_a_worker_settles_its_heap_after_its_first_chunk_and_again_only_when_the_heap_grew() -> None:
    # Else every full collection of the rest of the batch walks the models' objects (~0.3 s each).
    import gc

    from charterguard.parallel import RowChecker, WorkerProcess

    posts = rows(18)
    config = GateConfig(GATE_CHARTER)
    gc.unfreeze()
    try:
        worker = WorkerProcess(config, None)
        assert gc.get_freeze_count() == 0  # not on the warm-up post alone
        first = worker.check(posts[:6])
        frozen = gc.get_freeze_count()
        assert frozen > 0
        settled = worker.settled_blocks
        second = worker.check(posts[6:12])
        assert worker.settled_blocks == settled  # nothing new loaded: no collection again
        assert gc.get_freeze_count() <= frozen  # nothing frozen since (a frozen object may be freed: the count can drop)
        loaded = [[k] for k in range(sys.getallocatedblocks() // 2)]  # a heap grown by half, as by a model loaded on demand
        third = worker.check(posts[12:])
        assert gc.get_freeze_count() > frozen + len(loaded)
    finally:
        gc.unfreeze()
    plain = RowChecker(config).check(posts)
    assert without_timing([o.to_dict() for o in first + second + third]) == without_timing([o.to_dict() for o in plain])


def test_cli_batch_with_workers_equals_one_worker_and_errors_stay_in_place(cli, tmp_path: Path) -> None:
    data = [{"id": i, "text": TEXTS[i % len(TEXTS)], "channel": ["linkedin", "x"][i % 2]} for i in range(150)]
    data[40] = "{oops"
    source = write_jsonl(tmp_path / "in.jsonl", data)
    one = cli("batch", str(source), "-c", GATE_CHARTER, "-j", "1")
    two = cli("batch", str(source), "-c", GATE_CHARTER, "-j", "2")
    assert one.exit_code == two.exit_code == 2
    assert without_timing(one.jsonl()) == without_timing(two.jsonl())
    assert two.jsonl()[40]["error"]["message"].startswith(f"{source.as_posix()}:41: invalid JSON")


def test_summary_html_shows_the_same_numbers_as_json(cli, tmp_path: Path) -> None:
    data = [{"id": i, "text": TEXTS[i % len(TEXTS)], "channel": ["linkedin", "x", "internal"][i % 3]} for i in range(60)]
    source = write_jsonl(tmp_path / "in.jsonl", data + ["nope"])
    html_path, json_path = tmp_path / "s.html", tmp_path / "s.json"
    cli("batch", str(source), "-c", GATE_CHARTER, "-j", "1", "-o", str(tmp_path / "out.jsonl"),
        "--summary-html", str(html_path), "--summary-json", str(json_path))
    numbers = json.loads(json_path.read_text(encoding="utf-8"))
    page = html_path.read_text(encoding="utf-8")
    embedded = json.loads(re.search(r'<script type="application/json" id="charterguard-summary">\n(.*?)\n</script>',
                                    page, re.DOTALL).group(1).replace("<\\/", "</"))
    assert embedded == numbers
    assert numbers["posts"] == 61 and numbers["not_checked"] == 1
    assert numbers["verdicts"] == {"block": 36, "warn": 12, "pass": 12}
    assert numbers["by_channel"]["linkedin"]["posts"] == 20 and numbers["by_channel"]["(none)"]["not_checked"] == 1
    assert numbers["by_rule"]["confidential.codenames"] == {"findings": 36, "posts": 24}
    assert (numbers["top_findings"][0]["rule"], numbers["top_findings"][0]["count"]) == ("tone.hype", 360)
    assert numbers["waivers"]["waived_findings"] == 0
    # Self-contained: inline SVG charts, nothing fetched, no post text.
    assert page.count("<svg") >= 3 and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page and "<link" not in page
    assert "Le projet Colibri" not in page and "Soleil2026" not in page
    for value in (numbers["verdicts"]["block"], numbers["findings"], numbers["posts"]):
        assert f">{value:,}<" in page


def _rss_kib(pid: int) -> int:
    """Resident memory of a process and its children (kiB), from /proc."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            for task in Path(f"/proc/{current}/task").iterdir():
                pids.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, AttributeError):
            continue
    return total


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc to read RSS")
@pytest.mark.parametrize("workers", ["1", "2"])
def test_streaming_batch_runs_in_constant_memory(tmp_path: Path, workers: str) -> None:
    """RSS must not grow with input size: sample it while a large generated JSONL
    streams through; memory in the last part of the run must stay within a few MB
    of what it was once warmed up. (Measures memory, never time.)"""
    count = 100_000
    source = tmp_path / "big.jsonl"
    with open(source, "w", encoding="utf-8") as f:
        for i in range(count):
            # distinct ids and texts so nothing can be cached by content
            f.write(json.dumps({"id": f"post-{i}", "text": f"{TEXTS[i % len(TEXTS)][:60]} numéro {i}", "channel": "linkedin"}) + "\n")
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [str(Path(sys.executable).parent / "charterguard"), "batch", str(source), "-o", str(out),
               "-c", GATE_CHARTER, "-j", workers, "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    samples: list[tuple[int, int]] = []  # (output bytes, rss kiB)
    while process.poll() is None:
        rss = _rss_kib(process.pid)
        size = out.stat().st_size if out.exists() else 0
        if rss:
            samples.append((size, rss))
        time.sleep(0.1)
    stderr = process.stderr.read().decode()
    assert process.returncode == 1, stderr
    assert f"{count} posts" in stderr
    final = out.stat().st_size
    early = [rss for size, rss in samples if 0.15 * final <= size <= 0.35 * final]
    late = [rss for size, rss in samples if size >= 0.65 * final]
    assert early and late, f"too few samples: {len(samples)}"
    growth_mib = (max(late) - max(early)) / 1024
    # A leak of even 200 bytes per post would show as > 9 MB here.
    assert growth_mib < 8, f"RSS grew by {growth_mib:.1f} MiB between 25% and the end ({max(early)} -> {max(late)} kiB)"


"""Summary of a batch for compliance teams: the numbers as JSON, and an HTML page.

`SummaryCollector.add()` takes each checked post as the batch streams, so memory
does not grow with the number of posts (the "top findings" table is bounded:
see `MAX_TRACKED`). `numbers()` is the JSON (schema charterguard.summary/1);
`render_html(numbers)` draws the *same* numbers as a self-contained page (inline
CSS and SVG, no script, nothing fetched) and embeds the JSON in it.

Top findings are identified by rule and waiver fingerprint (a hash of the
normalised matched text), never by the text itself: the page can be shared
without leaking posts, and a fingerprint can be copied into a waiver file.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..waivers import fingerprint

if TYPE_CHECKING:
    from ..parallel import Outcome

SUMMARY_SCHEMA = "charterguard.summary/1"
VERDICTS = ("block", "warn", "pass")
MAX_TRACKED = 20_000  # distinct (rule, fingerprint) pairs kept for "top findings"
TOP = 20
EXAMPLE_IDS = 3
COLORS = {"block": "#c0392b", "warn": "#e67e22", "pass": "#27ae60", "error": "#7f8c8d", "bar": "#34495e"}


class SummaryCollector:
    """Counts by verdict, rule, category and channel, and the most frequent findings."""

    def __init__(self, charter: dict[str, str] | None = None) -> None:
        self.charter = charter
        self.posts = 0
        self.errors = 0
        self.verdicts: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.rule_posts: Counter[str] = Counter()
        self.categories: Counter[str] = Counter()
        self.severities: Counter[str] = Counter()
        self.channels: dict[str, Counter[str]] = {}
        self.waived = 0
        self.waived_by_rule: Counter[str] = Counter()
        self._top: dict[tuple[str, str], list[Any]] = {}  # key -> [count, entity, severity, example ids]
        self._top_pruned = False

    def add(self, outcome: Outcome, channel: str | None = None) -> None:
        """One checked post (its report and what was waived, or why it was not checked) and its channel."""
        if outcome.report is None:
            self._count_error(channel)
            return
        report = outcome.report
        findings = [(f.rule, f.category, f.severity, f.entity, fingerprint(f.text)) for f in report.findings]
        self._count_report(channel, report.verdict, report.id, report.charter.to_dict(), findings, [f.rule for f, _w in outcome.waived])

    def add_output(self, output: dict[str, Any], channel: str | None = None) -> None:
        """One output row as JSON (report or error, as `Outcome.to_dict()` writes it): for runs
        whose results come back serialised (the Spark job)."""
        if "error" in output:
            self._count_error(channel)
            return
        findings = [(f["rule"], f["category"], f["severity"], f["entity"], f.get("fingerprint", "")) for f in output["findings"]]
        self._count_report(channel, output["verdict"], output.get("id"), output.get("charter"), findings,
                           [f["rule"] for f in output.get("waived", ())])

    def _channel(self, channel: str | None) -> Counter[str]:
        self.posts += 1
        counts = self.channels.setdefault(channel or "(none)", Counter())
        counts["posts"] += 1
        return counts

    def _count_error(self, channel: str | None) -> None:
        self.errors += 1
        self._channel(channel)["error"] += 1

    def _count_report(self, channel: str | None, verdict: str, post_id: Any, charter: dict[str, str] | None,
                      findings: Sequence[tuple[str, str, str, str, str]], waived_rules: list[str]) -> None:
        """`findings`: (rule, category, severity, entity, fingerprint) of each finding kept."""
        self.verdicts[verdict] += 1
        self._channel(channel)[verdict] += 1
        if self.charter is None:
            self.charter = charter
        seen_rules = set()
        for rule, category, severity, entity, print_ in findings:
            self.rules[rule] += 1
            seen_rules.add(rule)
            self.categories[category] += 1
            self.severities[severity] += 1
            self._count_top(rule, print_, entity, severity, post_id)
        for rule in seen_rules:
            self.rule_posts[rule] += 1
        for rule in waived_rules:
            self.waived += 1
            self.waived_by_rule[rule] += 1

    def _count_top(self, rule: str, print_: str, entity: str, severity: str, post_id: Any) -> None:
        key = (rule, print_)
        entry = self._top.get(key)
        if entry is None:
            if len(self._top) >= MAX_TRACKED:
                # Keep memory bounded: drop the rarest half (counts of rarer
                # findings may then be under-estimated; flagged in the output).
                keep = sorted(self._top.items(), key=lambda kv: -kv[1][0])[: MAX_TRACKED // 2]
                self._top = dict(keep)
                self._top_pruned = True
            entry = self._top[key] = [0, entity, severity, []]
        entry[0] += 1
        if len(entry[3]) < EXAMPLE_IDS and post_id is not None:
            entry[3].append(post_id)

    def numbers(self, waivers: dict[str, Any] | None = None, generated_at: str | None = None) -> dict[str, Any]:
        """The summary JSON. `waivers` is `WaiverLedger.to_dict()` when a waiver file was used."""
        top = sorted(self._top.items(), key=lambda kv: (-kv[1][0], kv[0]))[:TOP]
        waiver_block = dict(waivers or {"file_waivers": 0, "expired": [], "unused": []})
        waiver_block["waived_findings"] = self.waived
        waiver_block["waived_by_rule"] = dict(sorted(self.waived_by_rule.items()))
        return {
            "schema": SUMMARY_SCHEMA,
            "generated_at": generated_at or datetime.now(UTC).isoformat(timespec="seconds"),
            "charter": self.charter,
            "posts": self.posts,
            "checked": self.posts - self.errors,
            "not_checked": self.errors,
            "verdicts": {v: self.verdicts.get(v, 0) for v in VERDICTS},
            "findings": sum(self.rules.values()),
            "by_severity": dict(sorted(self.severities.items())),
            "by_category": dict(sorted(self.categories.items(), key=lambda kv: (-kv[1], kv[0]))),
            "by_rule": {
                rule: {"findings": count, "posts": self.rule_posts[rule]}
                for rule, count in sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))
            },
            "by_channel": {
                channel: {"posts": c["posts"], **{v: c.get(v, 0) for v in VERDICTS}, "not_checked": c.get("error", 0)}
                for channel, c in sorted(self.channels.items())
            },
            "top_findings": [
                {"rule": rule, "fingerprint": print_, "entity": entity, "severity": severity, "count": count,
                 "example_ids": ids}
                for (rule, print_), (count, entity, severity, ids) in top
            ],
            "top_findings_approximate": self._top_pruned,
            "waivers": waiver_block,
        }


# -- HTML --------------------------------------------------------------------------
def render_html(numbers: dict[str, Any], title: str = "charterguard audit") -> str:
    """A self-contained HTML page (inline CSS + SVG charts) showing `numbers`."""
    e = html.escape
    charter = numbers.get("charter") or {}
    verdict_items = [(v, numbers["verdicts"][v], COLORS[v]) for v in VERDICTS]
    if numbers["not_checked"]:
        verdict_items.append(("not checked", numbers["not_checked"], COLORS["error"]))
    rules = [(rule, data["findings"], COLORS["bar"]) for rule, data in numbers["by_rule"].items()]
    categories = [(cat, count, COLORS["bar"]) for cat, count in numbers["by_category"].items()]
    waivers = numbers["waivers"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        "<style>",
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:1000px;color:#222;padding:0 1rem}",
        "h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}",
        ".cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:8px;padding:.8rem 1.2rem;min-width:8rem}",
        ".card b{display:block;font-size:1.8rem}table{border-collapse:collapse;width:100%;font-size:.9rem}",
        "th,td{border-bottom:1px solid #eee;padding:.35rem .5rem;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}",
        "code{font-size:.75rem;word-break:break-all}.muted{color:#777}table{table-layout:auto}",
        "</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="muted">Charter <b>{e(str(charter.get("name", "?")))}</b> version {e(str(charter.get("version", "?")))}'
        f' (sha256 <code>{e(str(charter.get("sha256", ""))[:12])}</code>) · generated {e(numbers["generated_at"])}</p>',
        '<div class="cards">',
        _card("Posts", numbers["posts"]),
        _card("Blocked", numbers["verdicts"]["block"], COLORS["block"]),
        _card("Warnings", numbers["verdicts"]["warn"], COLORS["warn"]),
        _card("Passed", numbers["verdicts"]["pass"], COLORS["pass"]),
        _card("Not checked", numbers["not_checked"], COLORS["error"]),
        _card("Findings", numbers["findings"]),
        _card("Waived findings", waivers["waived_findings"]),
        "</div>",
        "<h2>Verdicts</h2>",
        _bar_chart(verdict_items, "Posts by verdict"),
        "<h2>Findings by category</h2>",
        _bar_chart(categories, "Findings by category") if categories else "<p>No findings.</p>",
        "<h2>Findings by rule</h2>",
        _bar_chart(rules, "Findings by rule") if rules else "<p>No findings.</p>",
        _table(["Rule", "Findings", "Posts"], [[r, d["findings"], d["posts"]] for r, d in numbers["by_rule"].items()]),
        "<h2>By channel</h2>",
        _stacked_chart(numbers["by_channel"]),
        _table(["Channel", "Posts", "Block", "Warn", "Pass", "Not checked"],
               [[c, d["posts"], d["block"], d["warn"], d["pass"], d["not_checked"]] for c, d in numbers["by_channel"].items()]),
        "<h2>Top findings</h2>",
        '<p class="muted">Identified by rule and fingerprint (hash of the normalised matched text; copy it into a waiver file). '
        "Post text is not shown." + (" Counts are approximate (too many distinct findings to track exactly)." if numbers["top_findings_approximate"] else "") + "</p>",
        _table(["Rule", "Entity", "Severity", "Count", "Fingerprint", "Example post ids"],
               [[t["rule"], t["entity"], t["severity"], t["count"], _code(t["fingerprint"]), ", ".join(map(str, t["example_ids"]))]
                for t in numbers["top_findings"]], raw_columns={4}),
        "<h2>Waivers</h2>",
        f"<p>{waivers['waived_findings']} finding(s) waived; {waivers.get('file_waivers', 0)} waiver(s) in the file, "
        f"{len(waivers.get('expired', []))} expired, {len(waivers.get('unused', []))} unused.</p>",
        _table(["Rule", "Waived"], list(waivers["waived_by_rule"].items())) if waivers["waived_by_rule"] else "",
        _waiver_table("Expired waivers (no longer applied)", waivers.get("expired", [])),
        _waiver_table("Unused waivers (matched nothing)", waivers.get("unused", [])),
        '<script type="application/json" id="charterguard-summary">',
        json.dumps(numbers, ensure_ascii=False, indent=1).replace("</", "<\\/"),
        "</script>",
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _card(label: str, value: int, color: str = "#222") -> str:
    return f'<div class="card"><b style="color:{color}">{value:,}</b>{html.escape(label)}</div>'


def _code(value: str) -> str:
    return f"<code>{html.escape(value)}</code>"


def _table(headers: list[str], rows: list[list[Any]], raw_columns: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    if not rows:
        return ""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            if index in raw_columns:
                cells.append(f"<td>{cell}</td>")
            elif isinstance(cell, int):
                cells.append(f'<td class="n">{cell:,}</td>')
            else:
                cells.append(f"<td>{html.escape(str(cell))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _waiver_table(title: str, waivers: list[dict[str, Any]]) -> str:
    if not waivers:
        return ""
    rows = [[w["rule"], _code(w["fingerprint"]), w["author"], w["expires"], w.get("where", "")] for w in waivers]
    return f"<h3>{html.escape(title)}</h3>" + _table(["Rule", "Fingerprint", "Author", "Expires", "Where"], rows, raw_columns={1})


def _bar_chart(items: list[tuple[str, int, str]], label: str) -> str:
    """Horizontal bars, one per item, labelled with its count."""
    if not items:
        return ""
    width, bar_h, gap, left = 760, 22, 8, 260
    largest = max(count for _n, count, _c in items) or 1
    height = len(items) * (bar_h + gap) + gap
    rows = []
    for index, (name, count, color) in enumerate(items):
        y = gap + index * (bar_h + gap)
        w = max(1, round((width - left - 70) * count / largest)) if count else 0
        rows.append(
            f'<text x="{left - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" font-size="12">{html.escape(_short(name))}</text>'
            f'<rect x="{left}" y="{y}" width="{w}" height="{bar_h}" fill="{color}"><title>{html.escape(name)}: {count}</title></rect>'
            f'<text x="{left + w + 6}" y="{y + bar_h * 0.7:.1f}" font-size="12">{count:,}</text>'
        )
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{html.escape(label)}" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">' + "".join(rows) + "</svg>")


def _stacked_chart(channels: dict[str, dict[str, int]]) -> str:
    """One stacked bar per channel: block / warn / pass / not checked."""
    if not channels:
        return ""
    width, bar_h, gap, left = 760, 22, 8, 160
    largest = max(d["posts"] for d in channels.values()) or 1
    height = len(channels) * (bar_h + gap) + gap + 24
    rows = []
    for index, (channel, data) in enumerate(channels.items()):
        y = gap + index * (bar_h + gap)
        x = float(left)
        rows.append(f'<text x="{left - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" font-size="12">{html.escape(_short(channel))}</text>')
        for key, color in (("block", COLORS["block"]), ("warn", COLORS["warn"]), ("pass", COLORS["pass"]), ("not_checked", COLORS["error"])):
            w = (width - left - 70) * data[key] / largest
            if w:
                rows.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}"><title>{html.escape(channel)} {key}: {data[key]}</title></rect>')
                x += w
        rows.append(f'<text x="{x + 6:.1f}" y="{y + bar_h * 0.7:.1f}" font-size="12">{data["posts"]:,}</text>')
    legend_y = height - 8
    legend = "".join(
        f'<rect x="{left + i * 110}" y="{legend_y - 10}" width="10" height="10" fill="{c}"/>'
        f'<text x="{left + i * 110 + 14}" y="{legend_y}" font-size="11">{n}</text>'
        for i, (n, c) in enumerate((("block", COLORS["block"]), ("warn", COLORS["warn"]), ("pass", COLORS["pass"]), ("not checked", COLORS["error"])))
    )
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Posts by channel and verdict" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">' + "".join(rows) + legend + "</svg>")


def _short(name: str, limit: int = 38) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"

"""Output formats are renderers listed once: `--format` offers exactly what
render/formats.py lists, and each renderer gets the typed result of every post."""

from __future__ import annotations

import io

from charterguard import Charter, Checker
from charterguard.engine import CheckError
from charterguard.parallel import Outcome
from charterguard.render.base import RenderOptions, RunContext
from charterguard.render.formats import RENDERERS
from charterguard.render.summary import SummaryCollector
from charterguard.sources import PostRow

from .conftest import GATE_CHARTER


def test_check_and_batch_offer_every_registered_format_and_only_those() -> None:
    from charterguard.cli.check import BATCH_FORMATS, FORMATS

    assert set(FORMATS) == set(BATCH_FORMATS) == set(RENDERERS) == {"text", "json", "jsonl", "sarif", "junit", "github"}
    assert BATCH_FORMATS[0] == "jsonl" and FORMATS[0] == "text"  # the commands' defaults come first in their help


def test_every_renderer_writes_a_checked_post_and_one_not_checked() -> None:
    charter = Charter.load(GATE_CHARTER)
    text = "Le projet Colibri"
    rows = [PostRow(id="a", text=text, uri="posts.jsonl", first_line=1, tabular=True),
            PostRow(id="b", text=None, uri="posts.jsonl", first_line=2, tabular=True, problem="posts.jsonl:2: invalid JSON")]
    outcomes = [Outcome(report=Checker(charter).check(text, id="a")), Outcome(error=CheckError("b", "posts.jsonl:2: invalid JSON"))]
    for name, make in RENDERERS.items():
        summary = SummaryCollector()
        for row, outcome in zip(rows, outcomes):
            summary.add(outcome, row.channel)
        out = io.StringIO()
        renderer = make(out, RenderOptions(fail_on="block"), RunContext(charter, summary))
        for row, outcome in zip(rows, outcomes):
            renderer.add(row, outcome)
        renderer.close()
        written = out.getvalue()
        if name != "text":  # text says posts not checked on standard error
            assert "invalid JSON" in written, name
        assert "confidential.codenames" in written or "Colibri" in written, name

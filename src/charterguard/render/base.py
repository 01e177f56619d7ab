"""The one interface of every output format of `charterguard check` and `batch`.

A renderer is made with the output stream, the options that shape the output
and the run it reports on; it is handed each checked post in input order
(`add`), then `close()`d once. Formats that can stream write as posts come;
the others (the JSON array's closing bracket, SARIF's run properties, JUnit's
totals) finish in `close()`, when the run's summary and waiver ledger are complete.

Adding a format: one module here with a class following `Renderer`, and its
line in `formats.RENDERERS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..charter.model import Charter
    from ..parallel import Outcome
    from ..sources import PostRow
    from ..waivers import WaiverLedger
    from .summary import SummaryCollector


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What the command line says about the output."""

    fail_on: str = "block"  # warn | block | never: the verdict a post fails at (JUnit failures)
    color: bool | None = None  # text: colour (None: when writing to a terminal)
    # One post was given (TEXT, stdin or one text/Markdown file): JSON writes the report
    # object rather than an array, text writes no heading per post.
    single_object: bool = False
    waivers_file: Path | None = None  # where waiver notices point


@dataclass(frozen=True, slots=True)
class RunContext:
    """The run a renderer reports on. `summary` and `ledger` have counted a post
    before it reaches `Renderer.add`, so they are complete at `close()`."""

    charter: Charter
    summary: SummaryCollector
    ledger: WaiverLedger | None = None

    def summary_numbers(self) -> dict[str, Any]:
        return self.summary.numbers(self.ledger.to_dict() if self.ledger is not None else None)


class Renderer(Protocol):
    def add(self, row: PostRow, outcome: Outcome) -> None:
        """One checked post: where it came from, and its report (with what was waived) or why it was not checked."""

    def close(self) -> None:
        """The run is over: finish the document."""


class RendererFactory(Protocol):
    def __call__(self, out: IO[str], options: RenderOptions, run: RunContext) -> Renderer: ...

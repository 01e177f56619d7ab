"""JSON Lines: one output row per line, in input order (see render/json.py for a row)."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING

from .base import RenderOptions, RunContext

if TYPE_CHECKING:
    from ..parallel import Outcome
    from ..sources import PostRow


class JsonlRenderer:
    def __init__(self, out: IO[str], options: RenderOptions, run: RunContext) -> None:
        self.out = out

    def add(self, row: PostRow, outcome: Outcome) -> None:
        self.out.write(json.dumps(outcome.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass

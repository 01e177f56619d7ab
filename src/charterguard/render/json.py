"""JSON: one post gives its report object; several give an array of reports, streamed.

Each element is the output row of `Outcome.to_dict()`: the report
(charterguard.report/1) with each finding's waiver fingerprint and the waived
findings, or an error object (charterguard.error/1) for a post not checked.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from .base import RenderOptions, RunContext

if TYPE_CHECKING:
    from ..parallel import Outcome
    from ..sources import PostRow


def dumps(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, indent=2)


class JsonRenderer:
    def __init__(self, out: IO[str], options: RenderOptions, run: RunContext) -> None:
        self.out, self.single_object = out, options.single_object
        self._first: dict[str, Any] | None = None  # held back: one post alone is written as an object
        self._count = 0

    def add(self, row: PostRow, outcome: Outcome) -> None:
        data = outcome.to_dict()
        self._count += 1
        if self._count == 1:
            self._first = data
            return
        if self._count == 2:
            self.out.write("[\n" + dumps(self._first or {}))
        self.out.write(",\n" + dumps(data))

    def close(self) -> None:
        if self._count >= 2:
            self.out.write("\n]\n")
        elif self._first is not None and self.single_object:
            self.out.write(dumps(self._first) + "\n")
        elif self._first is not None:
            self.out.write("[\n" + dumps(self._first) + "\n]\n")
        else:
            self.out.write("[]\n")

"""Sectioned word-list files shipped as package data (tone lexicons, cue words, targets).

    # a comment
    @insult fr          <- a section: its header words say what the lines below are
    abruti
    bon à rien
"""

from __future__ import annotations

from collections.abc import Iterable


def read_sections(text: str, source: str) -> Iterable[tuple[str, str, str]]:
    """(section header, line, "source:line") for every entry of a sectioned data file; skips
    blank lines and comments. An entry before any section is an error naming its line."""
    header = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            header = line[1:].strip()
            continue
        if not header:
            raise ValueError(f"{source}:{number}: entry before any @section")
        yield header, line, f"{source}:{number}"

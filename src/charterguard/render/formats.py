"""The output formats of `charterguard check` and `batch`, by `--format` name.

A new format is one module in this package with a `Renderer` (see base.py) and
one line here.
"""

from __future__ import annotations

from .base import RendererFactory
from .github import GitHubRenderer
from .json import JsonRenderer
from .jsonl import JsonlRenderer
from .junit import JUnitRenderer
from .sarif import SarifRenderer
from .text import TextRenderer

RENDERERS: dict[str, RendererFactory] = {
    "text": TextRenderer,
    "json": JsonRenderer,
    "jsonl": JsonlRenderer,
    "sarif": SarifRenderer,
    "junit": JUnitRenderer,
    "github": GitHubRenderer,
}

"""The `charterguard` command line (click).

Heavy libraries (spaCy, Presidio, FastAPI) are imported inside commands, only
when a command needs them, so a check with a charter that needs no NLP starts fast.
"""

from __future__ import annotations

import click

from .. import __version__
from .charter import charter_group
from .check import batch, check


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="charterguard")
def main() -> None:
    """Check social-media posts against a company's social-media usage charter."""


main.add_command(check)
main.add_command(batch)
main.add_command(charter_group)
# @@ api commands @@
from .decisions import decisions  # noqa: E402  (FastAPI/uvicorn are imported inside the commands)
from .serve import keys, serve  # noqa: E402

main.add_command(serve)
main.add_command(keys)
main.add_command(decisions)

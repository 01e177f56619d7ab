"""charterguard: check a social-media post against a company's social-media usage
charter before it is published.

    from charterguard import Charter, Checker

    checker = Checker(Charter.load("default"))
    report = checker.check("Le projet Colibri sort en mars !", channel="linkedin")
    print(report.verdict, [f.rule for f in report.findings])
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"  # pyproject.toml's version; tests/test_version.py keeps the two (and the extension) equal
# The charter and the checker, and what a check returns: a Report (of Findings), or in a
# batch a CheckError in place of a post that could not be checked (a result, not an
# exception: the exceptions are in charterguard.errors).
__all__ = ["Charter", "Checker", "CheckError", "Finding", "Report", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy: `import charterguard` stays cheap for the CLI's cold start.
    if name == "Charter":
        from .charter.model import Charter

        return Charter
    if name in ("Checker", "CheckError"):
        from . import engine

        return getattr(engine, name)
    if name in ("Finding", "Report"):
        from . import report

        return getattr(report, name)
    raise AttributeError(name)

"""Errors charterguard raises on purpose: each says what is wrong and how to fix it.

Every one is a `CharterguardError`, so a front catches that one class: the CLI
prints the message and exits 2, `charterguard serve` refuses to start with it.
Each is defined here and re-exported where users import it (`charterguard.sources.SourceError`,
`charterguard.api.settings.SettingsError`...).

    CharterguardError
    ├── CharterError            a charter file (file:line:column, field, hint)
    ├── RuleOptionError         a rule's options, before the loader adds file and line (also a ValueError)
    ├── InputError              a post that cannot be checked (too long, binary...)
    ├── BudgetExceeded          a post's time budget ran out (the report fails closed)
    ├── ModelNotInstalledError  a spaCy pipeline a rule needs is missing
    ├── FileReadError           a file that is not a readable regular file
    ├── SourceError             an input file of posts (file:line)
    ├── WaiverError             a waiver file (file:line, field)
    ├── BatchAborted            a worker process of a batch died
    ├── SettingsError           the API server's settings (also a ValueError)
    ├── KeysFileError           the API keys file (also a ValueError)
    └── DecisionLogError        the decision log cannot be opened or written (also a RuntimeError)

A post that could not be checked in a batch is not an exception but a result,
`engine.CheckError`, written in the post's place.
"""

from __future__ import annotations

from dataclasses import dataclass


class CharterguardError(Exception):
    """Base class: every error charterguard raises deliberately."""


@dataclass
class CharterError(CharterguardError):
    """A charter file cannot be used: names the file, line, column and field."""

    problem: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # dotted path, e.g. "rules[3].kind"
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file or "<charter>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: "
        if self.field:
            text += f"{self.field}: "
        text += self.problem
        if self.hint:
            text += f" ({self.hint})"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "problem": self.problem,
            "hint": self.hint,
        }


class BudgetExceeded(CharterguardError):
    """A post's time budget ran out inside an expensive stage; the engine reports it incomplete (block)."""


class InputError(CharterguardError):
    """A post cannot be checked as given (too long, binary, not UTF-8...).

    The message never quotes the post: post text is private.
    """


class ModelNotInstalledError(CharterguardError):
    """A spaCy pipeline a rule needs is not installed; says which package to install."""


class RuleOptionError(CharterguardError, ValueError):
    """A detector cannot compile a rule's options (e.g. a bad regex).

    `path` is the field path inside the rule; the loader turns it into a
    `CharterError` with the file and line.
    """

    def __init__(self, path: tuple[str | int, ...], problem: str, hint: str | None = None) -> None:
        super().__init__(problem)
        self.path, self.problem, self.hint = path, problem, hint


class SourceError(CharterguardError):
    """A whole input cannot be read (missing file, CSV without the text column...): names the
    file and line. A bad *row* is not raised: it becomes that row's error result."""


class WaiverError(CharterguardError):
    """A waiver file cannot be used: names the file, line and field."""


class BatchAborted(CharterguardError):
    """A worker process died or raised; the batch cannot go on."""


class SettingsError(CharterguardError, ValueError):
    """The server cannot start with these settings; the message says what to change."""


class KeysFileError(CharterguardError, ValueError):
    """The keys file cannot be used; the message names the file and entry."""


class DecisionLogError(CharterguardError, RuntimeError):
    """The decision log cannot be opened or written; the message says which and why."""

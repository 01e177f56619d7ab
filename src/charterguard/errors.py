"""Errors charterguard raises on purpose: each says what is wrong and how to fix it."""

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

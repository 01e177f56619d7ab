"""What every command shares: charter loading, error reporting, input decoding."""

from __future__ import annotations

import functools
import sys
from typing import Any, Callable, NoReturn, TypeVar

import click

from ..errors import CharterError, CharterguardError
from ..files import text_problem

EXIT_OK = 0
EXIT_FAILED = 1  # a verdict at or above --fail-on, or a failing charter test
EXIT_ERROR = 2  # usage, charter or input error

F = TypeVar("F", bound=Callable[..., Any])


def charter_option(function: F) -> F:
    return click.option(
        "--charter", "-c", "charter_ref", default="default", show_default=True, metavar="NAME|FILE",
        help="A built-in charter name or a charter YAML file.",
    )(function)


def load_charter(ref: str) -> Any:
    from ..charter.model import Charter

    return Charter.load(ref)


def fail(message: str) -> NoReturn:
    click.echo(f"charterguard: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def reports_errors(function: F) -> F:
    """Turn charterguard's own errors into a one-line message and exit code 2."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except CharterError as exc:
            fail(f"invalid charter: {exc}")
        except CharterguardError as exc:
            fail(str(exc))

    return wrapper  # type: ignore[return-value]


def decode_post(data: bytes, source: str) -> str:
    """Bytes from a file or stdin as text: UTF-8 only, never binary (exit 2 otherwise)."""
    problem = text_problem(data)
    if problem:
        fail(f"{source}: {problem}")
    return data.decode("utf-8-sig")

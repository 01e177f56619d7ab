"""The decision log: what was checked (never the text), by whom, with which verdict."""

from .chain import ChainKey, ChainReport, MalformedRow
from .record import Decision, TextHasher, author_decision, decision_from_report, iso, parse_time
from .store import DecisionLog, DecisionLogError, Filters, SkippedRow, open_log
from .writer import DecisionWriter

__all__ = [
    "ChainKey", "ChainReport", "Decision", "DecisionLog", "DecisionLogError", "DecisionWriter", "Filters", "MalformedRow",
    "SkippedRow", "TextHasher", "author_decision", "decision_from_report", "iso", "open_log", "parse_time",
]  # fmt: skip

"""The decision log: what was checked (never the text), by whom, with which verdict."""

from .record import Decision, TextHasher, decision_from_report, iso, parse_time
from .store import DecisionLog, DecisionLogError, Filters, open_log
from .writer import DecisionWriter

__all__ = ["Decision", "DecisionLog", "DecisionLogError", "DecisionWriter", "Filters", "TextHasher", "decision_from_report", "iso", "open_log", "parse_time"]

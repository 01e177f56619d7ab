"""The decision log: what was checked (never the text), by whom, with which verdict."""

from .chain import ChainKey, ChainReport, MalformedRow
from .record import Decision, TextHasher, author_decision, decision_from_report, iso, parse_time
from .store import DEFAULT_DECISION_LOG, DecisionLog, DecisionLogError, Filters, SkippedRow, default_hmac_key_file, open_log
from .writer import DecisionWriter

__all__ = [
    "DEFAULT_DECISION_LOG", "default_hmac_key_file",
    "ChainKey", "ChainReport", "Decision", "DecisionLog", "DecisionLogError", "DecisionWriter", "Filters", "MalformedRow",
    "SkippedRow", "TextHasher", "author_decision", "decision_from_report", "iso", "open_log", "parse_time",
]  # fmt: skip

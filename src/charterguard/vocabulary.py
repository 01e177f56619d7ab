"""The words every layer shares, defined once: severities, categories, languages.

A charter's rules (`spec.rule.RuleSpec`) and a check's findings (`report.Finding`) speak the
same vocabulary; so do the engine, the rule kinds and the fronts.
"""

from __future__ import annotations

from typing import Literal

Severity = Literal["block", "warn", "info"]
Category = Literal["confidential", "personal_data", "tone", "secret", "channel"]

Language = Literal["fr", "en"]
# The languages posts are checked in (messages, spaCy pipelines, word lists), French first.
LANGUAGES: tuple[Language, ...] = ("fr", "en")

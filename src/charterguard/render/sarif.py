"""SARIF 2.1.0: findings as static-analysis results, for code-scanning tools.

Columns count Unicode code points (`columnKind: unicodeCodePoints`), matching
the Python string offsets of the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..charter.model import Charter
from ..report import Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"block": "error", "warn": "warning", "info": "note"}


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    """A checked post: where it came from (`uri`), its text, where that text starts in the file, and its report."""

    uri: str
    text: str
    report: Report
    first_line: int = 1  # line of the file where the post text starts
    first_column: int = 1


def render_sarif(documents: list[CheckedDocument], charter: Charter) -> dict[str, Any]:
    rules = [
        {
            "id": r.spec.id,
            "name": r.spec.id,
            "shortDescription": {"text": r.spec.message.get("en")},
            "fullDescription": {"text": r.spec.description or r.spec.message.get("fr")},
            "defaultConfiguration": {"level": LEVEL[r.spec.severity], "enabled": r.spec.enabled},
            "properties": {"category": r.spec.category, "clause": r.spec.clause, "kind": r.spec.kind},
        }
        for r in charter.rules
    ]
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for document in documents:
        for finding in document.report.findings:
            start_line, start_col = _line_col(document, finding.start)
            end_line, end_col = _line_col(document, finding.end)
            results.append(
                {
                    "ruleId": finding.rule,
                    "ruleIndex": rule_index.get(finding.rule, -1),
                    "level": LEVEL[finding.severity],
                    "message": {"text": finding.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": document.uri},
                                "region": {
                                    "startLine": start_line,
                                    "startColumn": start_col,
                                    "endLine": end_line,
                                    "endColumn": end_col,
                                },
                            }
                        }
                    ],
                    "properties": {
                        "category": finding.category,
                        "entity": finding.entity,
                        "clause": finding.clause,
                        "score": finding.score,
                        "suggestion": finding.suggestion,
                        "verdict": document.report.verdict,
                        "postId": document.report.id,
                    },
                }
            )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "charterguard",
                        "version": __version__,
                        "informationUri": "https://github.com/charterguard/charterguard",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"charter": {"name": charter.name, "version": charter.version, "sha256": charter.sha256}},
            }
        ],
    }


def _line_col(document: CheckedDocument, offset: int) -> tuple[int, int]:
    """1-based line and column of a post offset, in the file the post came from."""
    before = document.text[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return document.first_line, document.first_column + offset
    return document.first_line + newlines, offset - before.rfind("\n")

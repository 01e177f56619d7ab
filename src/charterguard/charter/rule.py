"""The rule header and the company section now live in the charter spec layer,
`charterguard.spec.rule`; re-exported here for code that imports them from this path."""

from ..spec.rule import RULE_ID, Category, Company, Messages, RuleSpec, Severity, When

__all__ = ["RULE_ID", "Category", "Company", "Messages", "RuleSpec", "Severity", "When"]

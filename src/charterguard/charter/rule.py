"""The rule header and the company section now live in the charter spec layer,
`charterguard.spec.rule` (severities and categories in `charterguard.vocabulary`);
re-exported here for code that imports them from this path."""

from ..spec.rule import RULE_ID, Company, Messages, RuleSpec, When
from ..vocabulary import Category, Severity

__all__ = ["RULE_ID", "Category", "Company", "Messages", "RuleSpec", "Severity", "When"]

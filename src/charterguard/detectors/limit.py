"""`limit`: per-channel budgets: length (with X's weighted counting), hashtags,
mentions and links.

    - id: channel.x_budget
      kind: limit
      category: channel
      max_length: {x: 280, linkedin: 3000}
      max_hashtags: {linkedin: 5, default: 10}

The value for the post's channel is used, else `default`; no value, no limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Literal

from pydantic import Field

from ..channels import WEIGHTED_LENGTH
from ..spec.rule import RuleSpec
from ..text import social
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post

Budget = dict[str, int]


class LimitRule(RuleSpec):
    kind: Literal["limit"]
    max_length: Budget = Field(default_factory=dict, description="Characters per channel (X counts links as 23, emoji and CJK as 2).")
    max_hashtags: Budget = Field(default_factory=dict)
    max_mentions: Budget = Field(default_factory=dict)
    max_links: Budget = Field(default_factory=dict)
    default_entity: str = "LIMIT"


@register
class LimitDetector(Detector[LimitRule]):
    kind = "limit"
    spec = LimitRule
    template_fields = frozenset({"count", "limit", "channel", "what"})

    def find(self, post: "Post") -> Iterable[Hit]:
        channel = post.channel or "default"
        length_limit = _budget(self.rule.max_length, post.channel)
        if length_limit is not None:
            weighted = post.channel in WEIGHTED_LENGTH
            counted = social.x_weighted_length(post.text) if weighted else len(post.text)
            if counted > length_limit:
                start = social.x_offset_at_weight(post.text, length_limit) if weighted else length_limit
                yield Hit(start, len(post.text), 1.0, entity="LENGTH", replaceable=False,
                          values={"count": str(counted), "limit": str(length_limit), "channel": channel, "what": "length"})
        for what, budget, spans in (
            ("hashtags", self.rule.max_hashtags, post.hashtags),
            ("mentions", self.rule.max_mentions, post.mentions),
            ("links", self.rule.max_links, post.links),
        ):
            limit = _budget(budget, post.channel)
            if limit is not None and len(spans) > limit:
                excess = spans[limit:]
                yield Hit(excess[0].start, excess[-1].end, 1.0, entity=what.upper(), replaceable=False,
                          values={"count": str(len(spans)), "limit": str(limit), "channel": channel, "what": what})


def _budget(budget: Budget, channel: str | None) -> int | None:
    if channel is not None and channel in budget:
        return budget[channel]
    return budget.get("default")

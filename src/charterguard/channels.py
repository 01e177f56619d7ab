"""Channels: where a post is published. Their names are free (companies name their own
networks); the well-known ones have aliases and traits, here and nowhere else."""

from __future__ import annotations

# Other names of a channel, lower case -> the name charters use.
ALIASES: dict[str, str] = {"twitter": "x", "esn": "internal", "yammer": "internal", "viva": "internal", "workplace": "internal"}

# Channels that count a post's length as X does: a link counts 23 characters, an emoji or a
# CJK character 2 (`charterguard.text.social.x_weighted_length`); the others count characters.
WEIGHTED_LENGTH: frozenset[str] = frozenset({"x"})


def canonical(channel: str) -> str:
    """The name charters use for `channel`: lower case, aliases resolved ("Twitter" -> "x")."""
    name = channel.lower()
    return ALIASES.get(name, name)

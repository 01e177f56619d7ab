"""The credentials of a post, as the `secrets` rule kind reports them: every rule's candidates
(`catalogue`, `credentials`, `generic`), resolved, then, when a learned reading is given, the
values it reads as handed over among the other tokens (`presented`), without the documented
samples. One place, so that the detector and the trainer of the learned reading see the same
findings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import SecretCandidate, long_runs, resolve
from .catalogue import find_tokens
from .credentials import find_announced, find_by_context, find_url_credentials
from .encoded import find_encoded
from .generic import find_bare_keys
from .shape import encodes_a_placeholder, encoding_said, is_documented_sample

if TYPE_CHECKING:
    from .presented import PresentedModel


def find_credentials(text: str, learned: PresentedModel | None = None, learned_threshold: float | None = None) -> list[SecretCandidate]:
    """The credential candidates of `text`: the rules' (each keeps its span and family), then the
    learned reading's on the tokens no rule reported (`learned_threshold`: default, the model's)."""
    runs = long_runs(text)
    # (encoded values first: on the same span, what the value decodes to decides its family)
    found = resolve(find_encoded(text) + find_tokens(text, runs) + find_url_credentials(text) + find_announced(text) + find_by_context(text)
                    + find_bare_keys(text, runs))
    if learned is not None:
        found = sorted(found + learned.find(text, found, learned_threshold), key=lambda c: c.start)
    # (whatever found it: "jwt.io's sample token X" is the docs' sample, base64 of "changeme" a placeholder)
    said = bool(found) and encoding_said(text)
    return [c for c in found if not is_documented_sample(text[c.start : c.end], text, c.start) and not encodes_a_placeholder(text[c.start : c.end], said)]

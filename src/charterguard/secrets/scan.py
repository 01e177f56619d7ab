"""The credentials of a post, as the `secrets` rule kind reports them: every rule's candidates
(`catalogue`, `credentials`, `generic`), resolved, then, when a learned reading is given, the
values it reads as handed over among the other tokens (`presented`), without the documented
samples. One place, so that the detector and the trainer of the learned reading see the same
findings.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from . import SecretCandidate, long_runs, resolve
from .catalogue import find_tokens
from .credentials import ACCOUNT_IDENTIFIER, common_password_cited_of_people, find_announced, find_by_context, find_url_credentials
from .encoded import find_encoded
from .generic import find_bare_keys
from .shape import encodes_a_placeholder, encoding_said, is_documented_sample
from .vocabulary import SECRET_STORE_NAMES

# A password manager's name given where the value would be ("mdp → 1Password"): where the secret is kept, not the secret.
_SECRET_STORE = re.compile(r"(?i)(?:" + SECRET_STORE_NAMES + r")")

if TYPE_CHECKING:
    from .presented import PresentedModel


def find_credentials(text: str, learned: PresentedModel | None = None, learned_threshold: float | None = None) -> list[SecretCandidate]:
    """The credential candidates of `text`: the rules' (each keeps its span and family), then the
    learned reading's on the tokens no rule reported (`learned_threshold`: default, the model's)."""
    runs = long_runs(text)
    tokens = find_tokens(text, runs)
    # (encoded values first: on the same span, what the value decodes to decides its family)
    found = _rejoin_wrapped(text, resolve(find_encoded(text) + tokens + find_url_credentials(text) + find_announced(text)
                                          + find_by_context(text) + find_bare_keys(text, runs)))
    # A signed link is a capability, reported whole (TOKEN); the access key id it names ("X-Amz-Credential=AKIA...") is a
    # credential of its own, long-lived where the link expires: reported beside it, as an API_KEY.
    links = [c for c in found if c.kind == "signed-storage-link"]
    if links:
        found = sorted(found + [t for t in tokens if t.kind == "aws-access-key-id" and any(k.start <= t.start and t.end <= k.end for k in links)],
                       key=lambda c: c.start)
    if learned is not None:
        found = sorted(found + learned.find(text, found, learned_threshold), key=lambda c: c.start)
    # (whatever found it: "jwt.io's sample token X" is the docs' sample, base64 of "changeme" a placeholder)
    said = bool(found) and encoding_said(text)
    # (an account's identifier names the account, as a login does: "AC<32 hex>" is Twilio's account SID, not a credential;
    # the commonest passwords cited of people in general are a statistic)
    return [c for c in found if not is_documented_sample(text[c.start : c.end], text, c.start) and not encodes_a_placeholder(text[c.start : c.end], said)
            and not ACCOUNT_IDENTIFIER.fullmatch(text, c.start, c.end) and not _SECRET_STORE.fullmatch(text, c.start, c.end)
            and not (c.family == "PASSWORD" and common_password_cited_of_people(text, c.start, c.end))]


_WRAP_WIDTH = 60  # a line at least this long, a log's or a terminal's, may wrap a token onto the next


def _rejoin_wrapped(text: str, found: list[SecretCandidate]) -> list[SecretCandidate]:
    """A token a log wrapped onto the next line is one secret: a token or key read by its format or its name, ending a
    long line, and a random value alone on the next line, read by its shape ("...access_token=ya29.<64>\n<40>")."""
    out: list[SecretCandidate] = []
    for candidate in found:
        previous = out[-1] if out else None
        if previous is not None and candidate.kind == "generated-value" and previous.kind != "generated-value" \
                and previous.family in ("TOKEN", "API_KEY") and text[previous.end : candidate.start] == "\n" \
                and previous.end - (text.rfind("\n", 0, previous.start) + 1) >= _WRAP_WIDTH \
                and (candidate.end == len(text) or text[candidate.end] == "\n"):
            out[-1] = replace(previous, end=candidate.end)
            continue
        out.append(candidate)
    return out


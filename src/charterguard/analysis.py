"""`Post`: one post under check and everything derived from it.

Each derived view (folded text, social entities, the spaCy Doc, the linguistic
view) is computed at most once, on first use, and shared by every detector. The engine may set the
Doc ahead of time when it parses many posts in one batch (`Checker.check_many`).
"""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar, cast

from .text import social
from .text.normalize import FoldedText

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .linguistics import Linguistics

T = TypeVar("T")


class Post:
    def __init__(
        self,
        text: str,
        *,
        language: str,
        channel: str | None,
        audience: str | None,
        now: datetime,
        nlp_components: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        self.language = language
        self.channel = channel
        self.audience = audience
        self.now = now
        self.nlp_components = nlp_components  # what the applicable rules need parsed
        self._doc: "Doc | None" = None
        self.deadline: float | None = None  # time.perf_counter() value past which parsing stops (BudgetExceeded)
        self._kept: dict[type, object] = {}

    def kept(self, kind: type[T]) -> T:
        """This post's instance of `kind` (made by `kind()` on first use): where a detector keeps
        what it derived from the post, so that its other rules reuse it (e.g. `tone.analyzer.ToneCache`)."""
        value = self._kept.get(kind)
        if value is None:
            value = self._kept[kind] = kind()
        return cast(T, value)

    @cached_property
    def folded(self) -> FoldedText:
        return FoldedText(self.text)

    @cached_property
    def hashtags(self) -> list[social.Span]:
        return social.hashtags(self.text)

    @cached_property
    def mentions(self) -> list[social.Span]:
        return social.mentions(self.text)

    @cached_property
    def links(self) -> list[social.Span]:
        return social.links(self.text)

    @cached_property
    def linguistics(self) -> "Linguistics":
        """Lemmas, morphology, dependencies, negation, speech and targets, parsed per sentence
        on demand (see `charterguard.linguistics`); reuses the Doc when it was parsed with the parser."""
        from .linguistics import Linguistics

        return Linguistics(self.text, self.language, lambda: self._doc)

    @property
    def doc(self) -> "Doc":
        """The spaCy Doc of the post (parsed once, with the components rules asked for)."""
        if self._doc is None:
            from . import nlp

            self._doc = nlp.parse([self.text], self.language, self.nlp_components, deadline=self.deadline)[0]
        return self._doc

    @doc.setter
    def doc(self, value: "Doc") -> None:
        self._doc = value

    @property
    def has_doc(self) -> bool:
        return self._doc is not None

"""`semantic`: a clause defined by example sentences (any language), which the
engine generalises from by meaning rather than by words.

    - id: speaking.investment_advice
      kind: semantic
      category: confidential
      severity: warn
      clause: "6.4"
      prefilter: [action, bourse, stock, share, invest]   # cheap first stage (lemmas)
      prefilter_except: [en cours, rupture de stock]      # ...not in these phrases
      examples:                                           # the training sentences, and the test
        flag: ["Achetez des actions Acme avant jeudi !", "Load up on our stock now"]
        pass: ["Nos actions solidaires pour le Téléthon", "Sharing our annual report"]

Each sentence of a post (that holds a `prefilter` word outside the
`prefilter_except` phrases, when given) is embedded
with the multilingual sentence encoder (`charterguard.semantic.encoder`) and
flagged when its nearest flag example is nearer than any pass example and at
least `threshold` similar. The examples are embedded once, when the charter is
loaded (cached by content). `charterguard charter test` prints the rule's
precision and recall by cross-validation over its examples: the examples
themselves always pass, since they are the training data.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..errors import RuleOptionError
from ..inside.lexicon import Matcher, PostWords, Token, parse_entry
from ..spec.rule import Company, RuleSpec
from .base import Detector, Hit, register

if TYPE_CHECKING:
    from ..analysis import Post

    # numpy at import (~80 ms): imported with the model, on the first post that passes the prefilter.
    from ..semantic.examples import CrossValidation, NearestExamples

_SENTENCE = re.compile(r"[^.!?…;\n]+[.!?…]*")
MIN_EXAMPLES = 2  # per side, for the threshold and the cross-validation to mean something


class SemanticRule(RuleSpec):
    kind: Literal["semantic"]
    unit: Literal["sentence", "post"] = Field("sentence", description="Compare each sentence, or the whole post, to the examples.")
    prefilter: list[str] = Field(
        default_factory=list,
        description="Words by lemma (inflections match: 'action' finds 'actions'); only sentences holding one are "
        "embedded (~3 ms each). Empty: every sentence.",
    )
    prefilter_except: list[str] = Field(
        default_factory=list,
        description="Phrases (by lemma) in which a prefilter word does not count: its other senses, e.g. 'en cours', "
        "'rupture de stock' beside the prefilter words 'cours' and 'stock'. Each embedding saved is ~3 ms.",
    )
    threshold: float | None = Field(
        None, ge=0.0, le=1.0, description="Least cosine similarity to the nearest flag example. Default: chosen on the examples."
    )
    margin: float = Field(0.0, ge=0.0, le=1.0, description="How much nearer the nearest flag example must be than any pass example.")
    default_entity: str = "SEMANTIC_MATCH"


def _matcher(words: list[str], field: str) -> Matcher | None:
    try:
        entries = [parse_entry(word, inflect=True) for word in words]
    except ValueError as exc:
        raise RuleOptionError((field,), str(exc)) from None
    return Matcher(entries) if entries else None


@register
class SemanticDetector(Detector[SemanticRule]):
    kind = "semantic"
    spec = SemanticRule
    template_fields = frozenset({"example", "similarity"})

    def __init__(self, rule: SemanticRule, company: Company) -> None:
        super().__init__(rule, company)
        self.flag_texts = [e.text for e in rule.examples.flag_examples()]
        self.pass_texts = list(rule.examples.pass_)
        for side, texts in (("flag", self.flag_texts), ("pass", self.pass_texts)):
            if len(texts) < MIN_EXAMPLES:
                raise RuleOptionError(
                    ("examples", side), f"a semantic rule learns from its examples: give at least {MIN_EXAMPLES} `{side}` examples"
                )
        self._prefilter = _matcher(rule.prefilter, "prefilter")
        self._prefilter_except = _matcher(rule.prefilter_except, "prefilter_except")
        if self._prefilter_except is not None and self._prefilter is None:
            raise RuleOptionError(("prefilter_except",), "`prefilter_except` names the phrases where a `prefilter` word does not count: give `prefilter` too")
        # Loaded on the first post that passes the prefilter, or by warm_up() (the server,
        # before it says ready): the encoder costs ~1 s of CPU and 124 MB, which a one-post
        # check whose sentences never reach this rule should not pay.
        self._model: NearestExamples | None = None

    def warm_up(self) -> None:
        self.model  # noqa: B018

    @property
    def model(self) -> NearestExamples:
        if self._model is None:
            from ..semantic.encoder import embed_examples
            from ..semantic.examples import NearestExamples

            self._model = NearestExamples(
                embed_examples(self.flag_texts), embed_examples(self.pass_texts), threshold=self.rule.threshold, margin=self.rule.margin
            )
        return self._model

    def cross_validation(self) -> CrossValidation:
        from ..semantic.encoder import embed_examples
        from ..semantic.examples import cross_validate

        return cross_validate(
            embed_examples(self.flag_texts), embed_examples(self.pass_texts), threshold=self.rule.threshold, margin=self.rule.margin
        )

    def _units(self, text: str, words: PostWords) -> list[tuple[int, int]]:
        if self.rule.unit == "post":
            spans = [(0, len(text))]
        else:
            spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
        # The post's words, once: a sentence's are the ones inside it (no word crosses a
        # sentence end or the spaces stripped around it).
        tokens = words.of(text) if self._prefilter is not None else []
        word_starts = [token.start for token in tokens]
        out = []
        for start, end in spans:
            piece = text[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            start += len(piece) - len(piece.lstrip())
            end = start + len(stripped)
            if self._prefilter is None or self._holds_prefilter_word(
                tokens, stripped, bisect.bisect_left(word_starts, start), bisect.bisect_left(word_starts, end)
            ):
                out.append((start, end))
        return out

    def _holds_prefilter_word(self, tokens: list[Token], sentence: str, lo: int, hi: int) -> bool:
        """Whether tokens[lo:hi] hold a prefilter word that is not inside a `prefilter_except` phrase."""
        assert self._prefilter is not None
        found = self._prefilter.find(tokens, sentence, lo, hi)
        if not found or self._prefilter_except is None:
            return bool(found)
        excepted = self._prefilter_except.find(tokens, sentence, lo, hi)
        return any(not any(e.first <= m.first and m.last <= e.last for e in excepted) for m in found)

    def find(self, post: Post) -> Iterable[Hit]:
        units = self._units(post.text, post.kept(PostWords))
        if not units:
            return []
        from ..semantic.encoder import embed

        verdicts = self.model.judge(embed([post.text[s:e] for s, e in units]))
        hits = []
        for (start, end), verdict in zip(units, verdicts):
            if verdict.flagged:
                percent = round(verdict.similarity * 100)
                values = {
                    "example": self.flag_texts[verdict.nearest],
                    "similarity": f"{percent} %" if post.language == "fr" else f"{percent}%",
                }
                hits.append(Hit(start, end, round(verdict.similarity, 3), values=values))
        return hits

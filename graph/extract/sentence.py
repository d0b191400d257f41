"""The unit extractors work on: one sentence of an article, with its tokens and findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.extract.dates import DateMention
from graph.extract.people import PersonSpan
from graph.extract.posts import PostSpan
from graph.extract.spans import Span
from graph.extract.tagger import Token


@dataclass
class Sentence:
    """A sentence at `offset` in its article's text; findings are filled in stage by stage."""

    offset: int
    text: str
    tokens: list[Token]
    units: list[Span] = field(default_factory=list)  # absolute offsets
    people: list[PersonSpan] = field(default_factory=list)  # relative offsets
    posts: list[PostSpan] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)  # relative offsets

    def chain_at(self, start: int) -> list[Span]:
        """The units printed one after the other from `start` (relative) on: a chain (江汉区民族街道友谊社区), at each
        place the longest (郑州市上街区人民法院执行局, not the 郑州市 it begins with)."""
        chain: list[Span] = []
        at = self.offset + start
        for u in sorted(self.units, key=lambda u: (u.start, u.start - u.end)):
            if u.start == at and u.type != "Person":
                chain.append(u)
                at = u.end
        return chain

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

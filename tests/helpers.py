"""Helpers for tests: articles from literal text, and their extracted facts."""

from __future__ import annotations

import datetime as dt

from graph.model import Article, ArticleFacts


def article(body: str, headline: str = "", section: str = "", page_date: dt.date | None = None,
            reporters: tuple[str, ...] = (), correspondents: tuple[str, ...] = (), aid: str = "t-01") -> Article:
    return Article(id=aid, source_file="t.txt", headline=headline, body=body, reporters=reporters,
                   correspondents=correspondents, section=section, page_date=page_date, sources=("t.txt",))


def facts(extractor, body: str, **kw) -> ArticleFacts:
    return extractor.extract([article(body, **kw)])[0]


def names(f: ArticleFacts, type_: str) -> set[str]:
    return {e.name for e in f.entities if e.type == type_ and not e.informal}


def all_forms(f: ArticleFacts, type_: str) -> set[str]:
    return {n for e in f.entities if e.type == type_ for n in (e.name, *e.aliases)}

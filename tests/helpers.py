"""Helpers for tests: articles from literal text, their extracted facts, and the Turtle prefixes of the RDF contract."""

from __future__ import annotations

import datetime as dt

from graph.model import Article, ArticleFacts

# The prefixes of docs/ontology.md, for graphs written by hand in the tests (each adds its own `:`).
CONTRACT_PREFIXES = """@prefix nk: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


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

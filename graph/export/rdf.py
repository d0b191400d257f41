"""RDF: the networkx graph's triples, as an rdflib Graph (for its other syntaxes); Turtle is graph.export.turtle.

The terms are the contract of docs/ontology.md (schema.org, W3C ORG, SKOS, PROV
and the nk: namespace). No blank nodes: every node has a minted IRI, so
two exports of the same corpus are identical and every fact can be
traced with prov:wasDerivedFrom to the article it was read from.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Protocol

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS, TIME, XSD

from graph.files import without_surrogates
from graph.iri import DEFAULT_BASE, instant_iri, interval_iri

NK = Namespace("https://w3id.org/newskg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {"nk": NK, "rdfs": RDFS, "skos": SKOS, "schema": SCHEMA, "org": ORG, "prov": PROV, "time": TIME, "xsd": XSD}
_PARENT_PROPS = {
    "containedInPlace": SCHEMA.containedInPlace,
    "parentOrganization": SCHEMA.parentOrganization,
    "jurisdiction": NK.jurisdiction,
}
# Every edge's property, looked up once (a Namespace attribute mints a new URIRef on each access).
_EDGE_PROPS = {
    "derivedFrom": PROV.wasDerivedFrom,
    **_PARENT_PROPS,
    "mentions": SCHEMA.mentions,
    "author": SCHEMA.author,
    "contributor": SCHEMA.contributor,
    "photographer": NK.photographer,
    "member": ORG.member,
    "organization": ORG.organization,
    "role": ORG.role,
    "location": SCHEMA.location,
    "organizer": SCHEMA.organizer,
    "attendee": SCHEMA.attendee,
}
_EDGE_ONLY = {rel: (p,) for rel, p in _EDGE_PROPS.items()}  # the one predicate of every edge but a containment
_STATED, _OFFICIAL = (NK.statedContainedInPlace,), (NK.officialContainedInPlace,)


def edge_predicates(rel: str, d: Mapping[str, Any]) -> tuple[URIRef, ...]:
    """The predicates an edge of relation `rel`, data `d`, is written with: its property, and for a containment
    where it was read (nk:statedContainedInPlace: in the text; nk:officialContainedInPlace: in the gazetteer).

    >>> [p.split("#")[-1] for p in edge_predicates("containedInPlace", {"source": "text+gazetteer"})]
    ['https://schema.org/containedInPlace', 'statedContainedInPlace', 'officialContainedInPlace']
    >>> edge_predicates("mentions", {}) == (SCHEMA.mentions,), edge_predicates("kind", {})
    (True, ())
    """
    if rel != "containedInPlace":
        return _EDGE_ONLY.get(rel, ())
    src = d.get("source", "text")
    return (_EDGE_PROPS[rel], *(_STATED if "text" in src else ()), *(_OFFICIAL if "gazetteer" in src else ()))


def zh(value: str) -> Literal:
    return Literal(without_surrogates(value), lang="zh")


def date_literal(value: str) -> Literal:
    """xsd:date for 2023-03-20, xsd:gMonthDay for --03-20."""
    return Literal(value, datatype=XSD.gMonthDay if value.startswith("--") else XSD.date)


class Terms(Protocol):
    """How the triple functions below make their objects: rdflib's terms (`RDFLIB`), or what a writer of the text
    needs of them (graph.export.turtle_text); one set of functions says what every node's triples are."""

    def zh(self, value: str) -> Any: ...  # a text in Chinese: rdf:langString, @zh
    def plain(self, value: str) -> Any: ...  # a plain literal
    def date(self, value: str) -> Any: ...  # xsd:date or xsd:gMonthDay (date_literal)
    def cls(self, kind: str) -> Any: ...  # the class nk:<kind>
    def iri(self, value: str) -> Any: ...  # an IRI


class _Rdflib:
    zh, date = staticmethod(zh), staticmethod(date_literal)
    plain, iri = Literal, URIRef

    @staticmethod
    def cls(kind: str) -> URIRef:
        return NK[kind]


RDFLIB: Terms = _Rdflib()


def to_rdflib(g: nx.MultiDiGraph) -> Graph:
    """The graph's nodes and edges as an rdflib Graph."""
    rdf = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        rdf.bind(prefix, ns)
    for t in triples(g):
        rdf.add(t)
    return rdf


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def triples(g: nx.MultiDiGraph) -> Iterator[Triple]:
    """The graph's nodes and edges as RDF triples (a triple may come twice: a graph keeps one)."""
    iri = {n: URIRef(d["iri"]) for n, d in g.nodes(data=True)}
    base = g.graph.get("base", DEFAULT_BASE)
    for n, d in g.nodes(data=True):
        yield from node_triples(iri[n], d, base)
        if d["kind"] == "Membership" and (d.get("first") or d.get("last")):
            yield from interval(base, d.get("first"), d.get("last"))
    for u, v, rel, d in g.edges(keys=True, data=True):
        for p in edge_predicates(rel, d):
            yield (iri[u], p, iri[v])


class _T:
    """The predicates and classes of the nodes' triples, each made once (a Namespace's attribute mints a new URIRef
    every time it is read, and rdflib's equality of two such is a Python call)."""

    type, label, alt, rule = RDF.type, RDFS.label, SKOS.altLabel, NK.rule
    Article, Event, Membership, Role = NK.Article, NK.Event, ORG.Membership, ORG.Role
    headline, body, source, section, published = SCHEMA.headline, SCHEMA.articleBody, NK.sourceFile, NK.section, SCHEMA.datePublished
    evidence, during, start, time, place = NK.evidence, ORG.memberDuring, SCHEMA.startDate, NK.timeOfDay, SCHEMA.location
    code, path, parent_rule = NK.adminCode, NK.officialPath, NK.parentRule


def _article(s: URIRef, d: Mapping[str, Any], t: Terms = RDFLIB) -> Iterator[Triple]:
    yield (s, _T.type, _T.Article)
    if d.get("headline"):
        yield (s, _T.headline, t.zh(d["headline"]))
    yield (s, _T.body, t.zh(d["body"]))
    for f in d.get("sources") or (d["source_file"],):
        yield (s, _T.source, t.plain(without_surrogates(f)))
    if d.get("section"):
        yield (s, _T.section, t.zh(d["section"]))
    if d.get("date"):
        yield (s, _T.published, t.date(d["date"]))


def _membership(s: URIRef, d: Mapping[str, Any], base: str, t: Terms = RDFLIB) -> Iterator[Triple]:
    """A post's own triples; the interval it was reported in is a subject of its own (`interval`)."""
    yield (s, _T.type, _T.Membership)
    yield (s, _T.evidence, t.zh(d["evidence"]))
    if d.get("rule"):
        yield (s, _T.rule, t.plain(d["rule"]))
    if d.get("first") or d.get("last"):
        yield (s, _T.during, t.iri(span(base, d.get("first"), d.get("last"))))


def _role(s: URIRef, d: Mapping[str, Any], t: Terms = RDFLIB) -> Iterator[Triple]:
    yield (s, _T.type, _T.Role)
    yield (s, _T.label, t.zh(d["label"]))
    for a in d.get("aliases") or ():
        yield (s, _T.alt, t.zh(a))


def _event(s: URIRef, d: Mapping[str, Any], t: Terms = RDFLIB) -> Iterator[Triple]:
    yield (s, _T.type, _T.Event)
    yield (s, _T.label, t.zh(d["label"]))
    if d.get("date"):
        yield (s, _T.start, t.date(d["date"]))
    if d.get("time_of_day"):
        yield (s, _T.time, t.zh(d["time_of_day"]))
    if d.get("location_text"):
        yield (s, _T.place, t.zh(d["location_text"]))
    yield (s, _T.evidence, t.zh(d["evidence"]))
    if d.get("rule"):
        yield (s, _T.rule, t.plain(d["rule"]))


def _entity(s: URIRef, d: Mapping[str, Any], t: Terms = RDFLIB) -> Iterator[Triple]:
    yield (s, _T.type, t.cls(d["kind"]))
    yield (s, _T.label, t.zh(d["label"]))
    for a in d.get("aliases") or ():
        yield (s, _T.alt, t.zh(a))
    if d.get("code"):
        yield (s, _T.code, t.plain(without_surrogates(d["code"])))
    if d.get("official_path"):
        yield (s, _T.path, t.zh(d["official_path"]))
    for r in d.get("rules") or ():
        yield (s, _T.rule, t.plain(r))
    if d.get("parent_rule"):
        yield (s, _T.parent_rule, t.plain(d["parent_rule"]))


_NODE_TRIPLES = {"Article": _article, "Role": _role, "Event": _event}


def node_triples(s: Any, d: Mapping[str, Any], base: str, t: Terms = RDFLIB) -> Iterator[Triple]:
    """A node's triples from its data (`d`), about `s`: a post's interval is a subject of its own (`interval`)."""
    kind = d["kind"]
    return _membership(s, d, base, t) if kind == "Membership" else _NODE_TRIPLES.get(kind, _entity)(s, d, t)


def span(base: str, first: str | None, last: str | None) -> str:
    """The IRI of the OWL-Time interval from the first to the last day a post was reported (org:memberDuring).

    An end that is not known is left out (the interval's IRI then says `open` there).
    """
    return interval_iri(base, first or "open", last or "open")


def interval(base: str, first: str | None, last: str | None) -> Iterator[Triple]:
    """The triples of the interval `span` names: its class and its known ends, each an instant of its day."""
    during = URIRef(span(base, first, last))
    yield (during, RDF.type, TIME.Interval)
    for prop, day in ((TIME.hasBeginning, first), (TIME.hasEnd, last)):
        if day:
            instant = URIRef(instant_iri(base, day))
            yield (during, prop, instant)
            yield (instant, RDF.type, TIME.Instant)
            yield (instant, TIME.inXSDDate, Literal(day, datatype=XSD.date))

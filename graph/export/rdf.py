"""RDF export: the networkx graph -> an rdflib Graph, Turtle and other RDF syntaxes.

The terms are the contract of docs/ontology.md (schema.org, W3C ORG, SKOS, PROV
and the nk: namespace). No blank nodes: every node has a minted IRI, so
two exports of the same corpus are identical and every fact can be
traced with prov:wasDerivedFrom to the article it was read from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS, TIME, XSD

from graph.export import atomic_write
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def text(value: str) -> str:
    """`value` as RDF can hold it: a lone surrogate (which no UTF-8 file can carry) becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def zh(value: str) -> Literal:
    return Literal(text(value), lang="zh")


def date_literal(value: str) -> Literal:
    """xsd:date for 2023-03-20, xsd:gMonthDay for --03-20."""
    return Literal(value, datatype=XSD.gMonthDay if value.startswith("--") else XSD.date)


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
        s, kind = iri[n], d["kind"]
        if kind == "Membership":
            yield from _membership(s, d, base)
        else:
            yield from _NODE_TRIPLES.get(kind, _entity)(s, d)
    stated, official = NK.statedContainedInPlace, NK.officialContainedInPlace
    for u, v, rel, d in g.edges(keys=True, data=True):
        p = _EDGE_PROPS.get(rel)
        if p is None:
            continue
        s, o = iri[u], iri[v]
        yield (s, p, o)
        if rel == "containedInPlace":
            src = d.get("source", "text")
            if "text" in src:
                yield (s, stated, o)
            if "gazetteer" in src:
                yield (s, official, o)


def _article(s: URIRef, d: dict) -> Iterator[Triple]:
    yield (s, RDF.type, NK.Article)
    if d.get("headline"):
        yield (s, SCHEMA.headline, zh(d["headline"]))
    yield (s, SCHEMA.articleBody, zh(d["body"]))
    for f in d.get("sources") or (d["source_file"],):
        yield (s, NK.sourceFile, Literal(text(f)))
    if d.get("section"):
        yield (s, NK.section, zh(d["section"]))
    if d.get("date"):
        yield (s, SCHEMA.datePublished, date_literal(d["date"]))


def _membership(s: URIRef, d: dict, base: str) -> Iterator[Triple]:
    yield (s, RDF.type, ORG.Membership)
    yield (s, NK.evidence, zh(d["evidence"]))
    if d.get("rule"):
        yield (s, NK.rule, Literal(d["rule"]))
    if d.get("first") or d.get("last"):
        yield from _reported(s, base, d.get("first"), d.get("last"))


def _role(s: URIRef, d: dict) -> Iterator[Triple]:
    yield (s, RDF.type, ORG.Role)
    yield (s, RDFS.label, zh(d["label"]))
    for a in d.get("aliases") or ():
        yield (s, SKOS.altLabel, zh(a))


def _event(s: URIRef, d: dict) -> Iterator[Triple]:
    yield (s, RDF.type, NK.Event)
    yield (s, RDFS.label, zh(d["label"]))
    if d.get("date"):
        yield (s, SCHEMA.startDate, date_literal(d["date"]))
    if d.get("time_of_day"):
        yield (s, NK.timeOfDay, zh(d["time_of_day"]))
    if d.get("location_text"):
        yield (s, SCHEMA.location, zh(d["location_text"]))
    yield (s, NK.evidence, zh(d["evidence"]))
    if d.get("rule"):
        yield (s, NK.rule, Literal(d["rule"]))


def _entity(s: URIRef, d: dict) -> Iterator[Triple]:
    yield (s, RDF.type, NK[d["kind"]])
    yield (s, RDFS.label, zh(d["label"]))
    for a in d.get("aliases") or ():
        yield (s, SKOS.altLabel, zh(a))
    if d.get("code"):
        yield (s, NK.adminCode, Literal(text(d["code"])))
    if d.get("official_path"):
        yield (s, NK.officialPath, zh(d["official_path"]))
    for r in d.get("rules") or ():
        yield (s, NK.rule, Literal(r))
    if d.get("parent_rule"):
        yield (s, NK.parentRule, Literal(d["parent_rule"]))


_NODE_TRIPLES = {"Article": _article, "Role": _role, "Event": _event}


def _reported(s: URIRef, base: str, first: str | None, last: str | None) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    """org:memberDuring: the OWL-Time interval from the first to the last day the post was reported.

    An end that is not known is left out (the interval's IRI then says `open` there).
    """
    span = URIRef(interval_iri(base, first or "open", last or "open"))
    yield (s, ORG.memberDuring, span)
    yield (span, RDF.type, TIME.Interval)
    for prop, day in ((TIME.hasBeginning, first), (TIME.hasEnd, last)):
        if day:
            instant = URIRef(instant_iri(base, day))
            yield (span, prop, instant)
            yield (instant, RDF.type, TIME.Instant)
            yield (instant, TIME.inXSDDate, Literal(day, datatype=XSD.date))


def to_turtle(g: nx.MultiDiGraph) -> str:
    """Turtle text of the graph; the same graph always gives the same bytes."""
    return "".join(turtle_parts(g))


def turtle_parts(g: nx.MultiDiGraph) -> Iterator[str]:
    """`to_turtle` in parts (a subject's block each): written part by part, the text is never held whole."""
    from graph.export.fast_turtle import triples_parts

    last = ""
    for part in triples_parts(lambda: triples(g), PREFIXES):  # rdflib's Turtle, byte for byte, several times faster
        if part:
            yield part
            last = part
    if not last.endswith("\n"):
        yield "\n"


def write_turtle(g: nx.MultiDiGraph, path: str | Path) -> None:
    atomic_write(path, turtle_parts(g))


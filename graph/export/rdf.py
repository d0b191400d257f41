"""RDF export: the networkx graph -> an rdflib Graph, Turtle and other RDF syntaxes.

The terms are the contract of ONTOLOGY.md (schema.org, W3C ORG, SKOS, PROV
and the nk: namespace). No blank nodes: every node has a minted IRI, so
two exports of the same corpus are identical and every fact can be
traced with prov:wasDerivedFrom to the article it was read from.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS, XSD

from graph.export import atomic_write
from graph.model import ADMIN_TYPES

NK = Namespace("https://w3id.org/newskg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {"nk": NK, "rdfs": RDFS, "skos": SKOS, "schema": SCHEMA, "org": ORG, "prov": PROV, "xsd": XSD}
_PARENT_PROPS = {
    "containedInPlace": SCHEMA.containedInPlace,
    "parentOrganization": SCHEMA.parentOrganization,
    "jurisdiction": NK.jurisdiction,
}


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def date_literal(value: str) -> Literal:
    """xsd:date for 2023-03-20, xsd:gMonthDay for --03-20."""
    return Literal(value, datatype=XSD.gMonthDay if value.startswith("--") else XSD.date)


def to_rdflib(g: nx.MultiDiGraph) -> Graph:
    """The graph's nodes and edges as RDF triples."""
    rdf = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        rdf.bind(prefix, ns)
    iri = {n: URIRef(d["iri"]) for n, d in g.nodes(data=True)}
    for n, d in g.nodes(data=True):
        s, kind = iri[n], d["kind"]
        if kind == "Article":
            rdf.add((s, RDF.type, NK.Article))
            if d.get("headline"):
                rdf.add((s, SCHEMA.headline, zh(d["headline"])))
            rdf.add((s, SCHEMA.articleBody, zh(d["body"])))
            for f in d.get("sources") or (d["source_file"],):
                rdf.add((s, NK.sourceFile, Literal(f)))
            if d.get("section"):
                rdf.add((s, NK.section, zh(d["section"])))
            if d.get("date"):
                rdf.add((s, SCHEMA.datePublished, date_literal(d["date"])))
        elif kind == "Membership":
            rdf.add((s, RDF.type, ORG.Membership))
            rdf.add((s, NK.evidence, zh(d["evidence"])))
        elif kind == "Role":
            rdf.add((s, RDF.type, ORG.Role))
            rdf.add((s, RDFS.label, zh(d["label"])))
        elif kind == "Event":
            rdf.add((s, RDF.type, NK.Event))
            rdf.add((s, RDFS.label, zh(d["label"])))
            if d.get("date"):
                rdf.add((s, SCHEMA.startDate, date_literal(d["date"])))
            if d.get("time_of_day"):
                rdf.add((s, NK.timeOfDay, zh(d["time_of_day"])))
            if d.get("location_text"):
                rdf.add((s, SCHEMA.location, zh(d["location_text"])))
            rdf.add((s, NK.evidence, zh(d["evidence"])))
        else:
            rdf.add((s, RDF.type, NK[kind]))
            rdf.add((s, RDFS.label, zh(d["label"])))
            for a in d.get("aliases") or ():
                rdf.add((s, SKOS.altLabel, zh(a)))
            if d.get("code"):
                rdf.add((s, NK.adminCode, Literal(d["code"])))
            if d.get("official_path"):
                rdf.add((s, NK.officialPath, zh(d["official_path"])))
    for u, v, rel, d in g.edges(keys=True, data=True):
        s, o = iri[u], iri[v]
        if rel == "derivedFrom":
            rdf.add((s, PROV.wasDerivedFrom, o))
        elif rel in _PARENT_PROPS:
            rdf.add((s, _PARENT_PROPS[rel], o))
            if rel == "containedInPlace":
                src = d.get("source", "text")
                if "text" in src:
                    rdf.add((s, NK.statedContainedInPlace, o))
                if "gazetteer" in src:
                    rdf.add((s, NK.officialContainedInPlace, o))
        elif rel == "mentions":
            rdf.add((s, SCHEMA.mentions, o))
        elif rel == "author":
            rdf.add((s, SCHEMA.author, o))
        elif rel == "contributor":
            rdf.add((s, SCHEMA.contributor, o))
        elif rel == "photographer":
            rdf.add((s, NK.photographer, o))
        elif rel == "member":
            rdf.add((s, ORG.member, o))
        elif rel == "organization":
            rdf.add((s, ORG.organization, o))
        elif rel == "role":
            rdf.add((s, ORG.role, o))
        elif rel == "location":
            rdf.add((s, SCHEMA.location, o))
        elif rel == "organizer":
            rdf.add((s, SCHEMA.organizer, o))
        elif rel == "attendee":
            rdf.add((s, SCHEMA.attendee, o))
    return rdf


def to_turtle(g: nx.MultiDiGraph) -> str:
    """Turtle text of the graph; the same graph always gives the same bytes."""
    text = to_rdflib(g).serialize(format="turtle")
    return text if text.endswith("\n") else text + "\n"


def write_turtle(g: nx.MultiDiGraph, path: str | Path) -> None:
    atomic_write(path, to_turtle(g))


ADMIN_CLASSES = tuple(NK[t] for t in ADMIN_TYPES)

"""seeds-perturbed.ttl: the seeds' export with deterministic errors in every scored line (see README.md).

    python perturb.py ../../../exports/graph.ttl seeds-perturbed.ttl
"""

from __future__ import annotations

import sys

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

NK = "https://w3id.org/newskg/ontology#"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"


def every(n: int, items) -> list:
    """Every n-th item, in sorted order: the same choice on every run."""
    return [x for i, x in enumerate(sorted(items)) if i % n == 0]


def perturb(g: Graph) -> Graph:
    drop, add = set(), set()
    drop |= {(s, SKOS.altLabel, o) for s, o in every(3, g.subject_objects(SKOS.altLabel))}
    drop |= set(every(7, g.triples((None, RDF.type, URIRef(NK + "Organization")))))
    drop |= set(every(9, g.triples((None, RDF.type, URIRef(NK + "Person")))))
    for prop, n in (("containedInPlace", 4), ("author", 5), ("attendee", 3)):
        p = URIRef(SCHEMA + prop)
        drop |= {(s, p, o) for s, o in every(n, g.subject_objects(p))}
    headline = URIRef(SCHEMA + "headline")
    drop |= {(s, headline, g.value(s, headline)) for s in every(6, g.subjects(RDF.type, URIRef(NK + "Article")))}
    for role in sorted(set(g.subjects(RDF.type, URIRef(ORG + "Role"))))[::4]:  # another rank: 副主任 is not 主任
        label = g.value(role, RDFS.label)
        drop.add((role, RDFS.label, label))
        add.add((role, RDFS.label, Literal("副" + str(label), lang="zh")))
    start = URIRef(SCHEMA + "startDate")
    for ev, d in every(3, g.subject_objects(start)):
        drop.add((ev, start, d))
        add.add((ev, start, Literal("--12-31", datatype=XSD.gMonthDay)))
    location = URIRef(SCHEMA + "location")
    drop |= {(ev, location, loc) for ev, loc in every(2, g.subject_objects(location))}
    out = Graph()
    out.namespace_manager = g.namespace_manager
    for t in g:
        if t not in drop:
            out.add(t)
    for t in add:
        out.add(t)
    return out


if __name__ == "__main__":
    perturb(Graph().parse(sys.argv[1], format="turtle")).serialize(sys.argv[2], format="turtle")

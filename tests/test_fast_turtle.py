"""fast_turtle writes exactly the bytes rdflib's Turtle serializer writes, for any graph."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef

from graph.export import fast_turtle
from graph.export.rdf import PREFIXES, to_rdflib, triples

NK = Namespace("https://w3id.org/newskg/ontology#")
ID = "https://w3id.org/newskg/id/"


def _graph() -> Graph:
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def test_the_seed_graph_is_written_as_rdflib_writes_it(seed_build) -> None:
    result, _ = seed_build
    g = to_rdflib(result.graph)
    assert len(g) > 1000
    text = fast_turtle.serialize(g)
    assert text == g.serialize(format="turtle")
    assert Graph().parse(data=text, format="turtle").isomorphic(g)
    twice = [*triples(result.graph), *triples(result.graph)]
    assert fast_turtle.serialize_triples(twice, PREFIXES) == text  # no Graph built, duplicates kept once


def test_triples_rdflib_would_not_shorten_go_to_rdflib() -> None:
    a = URIRef(f"{ID}a")
    given = [(a, NK.name, Literal("x")), (a, URIRef("http://example.org/p#q"), BNode("b"))]
    g = _graph()
    for t in given:
        g.add(t)
    assert fast_turtle.serialize_triples(given, PREFIXES) == g.serialize(format="turtle")


def test_orders_escapes_and_datatypes_as_rdflib_does() -> None:
    from rdflib.namespace import XSD  # (not a module global: pytest would probe the closed namespace)

    g = _graph()
    a, b, c = (URIRef(f"{ID}x/{n}") for n in "abc")
    g.add((a, RDF.type, NK.Article))
    g.add((a, RDFS.label, Literal('say "hi"\\ now', lang="zh")))
    g.add((a, NK.evidence, Literal('line one\nline two with """ and a trailing quote"', lang="zh")))
    g.add((a, NK.evidence, Literal("carriage\rreturn")))
    g.add((a, NK.sourceFile, Literal("b.txt")))
    g.add((a, NK.sourceFile, Literal("a.txt")))
    g.add((a, NK.date, Literal(dt.date(2024, 1, 2))))
    g.add((a, NK.date, Literal("--03-20", datatype=XSD.gMonthDay)))
    g.add((a, NK.total, Literal(3)))
    g.add((a, NK.flag, Literal(True)))
    g.add((a, NK.other, Literal("x", datatype=URIRef("http://example.org/dt#t"))))
    g.add((b, NK.mentions, a))
    g.add((c, NK.mentions, a))
    g.add((c, NK.mentions, b))
    g.add((NK.Article, RDF.type, RDFS.Class))  # rdfs:Class members come first
    g.add((b, NK.list, RDF.nil))
    g.add((c, URIRef("http://example.org/unbound#p"), a))  # rdflib invents a prefix: handed to it
    g.add((URIRef("http://example.org/no-prefix"), NK.lone, Literal("surrogate \ud800 replaced")))
    assert fast_turtle.serialize(g) == g.serialize(format="turtle")
    g.remove((c, URIRef("http://example.org/unbound#p"), a))
    assert fast_turtle.serialize(g) == g.serialize(format="turtle")


def test_graphs_with_blank_nodes_or_a_base_go_to_rdflib() -> None:
    g = _graph()
    g.add((BNode("b1"), NK.name, Literal("x")))
    g.add((URIRef(f"{ID}a"), NK.part, BNode("b1")))
    assert fast_turtle.serialize(g) == g.serialize(format="turtle")
    based = _graph()
    based.base = ID
    based.add((URIRef(f"{ID}a"), NK.name, Literal("x")))
    assert fast_turtle.serialize(based) == based.serialize(format="turtle")


def test_an_empty_graph() -> None:
    assert fast_turtle.serialize(_graph()) == _graph().serialize(format="turtle") == "\n"


texts = st.lists(st.sampled_from(list("ab \"\\\n\r\t'中原区@^<>#") + ['"""']), max_size=8).map("".join)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 4),
            st.sampled_from(["label", "altLabel", "evidence", "mentions"]),
            texts,
            st.sampled_from([None, "zh", "en"]),
        ),
        max_size=25,
    )
)
def test_any_small_graph_is_written_as_rdflib_writes_it(triples) -> None:
    g = _graph()
    for s, p, text, lang in triples:
        subject = URIRef(f"{ID}n/{s}")
        if p == "mentions":
            g.add((subject, URIRef(f"https://schema.org/{p}"), URIRef(f"{ID}n/{len(text) % 5}")))
        else:
            pred = RDFS.label if p == "label" else NK[p]
            g.add((subject, pred, Literal(text, lang=lang)))
    assert fast_turtle.serialize(g) == g.serialize(format="turtle")

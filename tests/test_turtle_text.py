"""A built graph's Turtle blocks written as text (graph.export.turtle_text) are rdflib's bytes, for any data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from graph.compact import CompactGraph, GraphBuilder
from graph.export import turtle_text
from graph.export.fast_turtle import _Terms
from graph.export.rdf import PREFIXES, to_rdflib
from graph.export.turtle import _Subjects, to_turtle
from graph.pipeline import build
from tests.conftest import SEEDS

BASE = "https://example.org/kg/"
POSTS = Path(__file__).resolve().parent / "pages" / "posts"

texts = st.lists(st.sampled_from([*'ab "\\\n\r\t\'', "中原区", '"""', "\ud800", "@zh", "^^"]), max_size=6).map("".join)
days = st.sampled_from(["2024-03-20", "2023-12-01", "--03-20", "2024-1-2"])
names = st.lists(texts, max_size=3)
KINDS = ("Article", "District", "Person", "Event", "Membership", "Role")
RELS = ("mentions", "location", "containedInPlace", "member", "organization", "role", "derivedFrom", "attendee")


def _data(kind: str, draw: st.DrawFn) -> dict:
    """A node's fields as graph.network gives them, with texts of every awkward kind."""
    if kind == "Article":
        return {"headline": draw(texts), "body": draw(texts), "source_file": draw(texts), "sources": draw(names),
                "section": draw(texts), "date": draw(st.none() | days)}
    if kind == "Event":
        return {"label": draw(texts), "date": draw(st.none() | days), "time_of_day": draw(texts),
                "location_text": draw(texts), "evidence": draw(texts), "rule": draw(texts)}
    if kind == "Membership":
        return {"evidence": draw(texts), "rule": draw(texts), "first": draw(st.none() | days), "last": draw(st.none() | days)}
    if kind == "Role":
        return {"label": draw(texts), "aliases": draw(names)}
    return {"label": draw(texts), "aliases": draw(names), "code": draw(texts), "official_path": draw(texts),
            "rules": draw(names), "parent_rule": draw(texts)}


@st.composite
def graphs(draw: st.DrawFn) -> CompactGraph:
    b = GraphBuilder()
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=8))
    for n, kind in enumerate(kinds):
        b.node(f"n{n}", kind=kind, iri=f"{BASE}{kind.lower()}/{n}", **_data(kind, draw))
    for u, v, rel, source in draw(st.lists(st.tuples(st.integers(0, len(kinds) - 1), st.integers(0, len(kinds) - 1),
                                                     st.sampled_from(RELS), st.sampled_from(["text", "gazetteer", "text+gazetteer"])),
                                           max_size=12)):
        b.add(f"n{u}", f"n{v}", rel, **({"source": source} if rel == "containedInPlace" else {}))
    return b.freeze(base=BASE)


def _written_as_text(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    seen: list[object] = []
    real = _Subjects.block

    def block(self: _Subjects, handle: object, terms: _Terms) -> tuple[str, frozenset[str]] | None:
        made = real(self, handle, terms)
        if made is not None:
            seen.append(handle)
        return made

    monkeypatch.setattr(_Subjects, "block", block)
    return seen


@settings(max_examples=150, deadline=None)
@given(g=graphs())
def test_any_built_graph_is_written_as_rdflib_writes_it(g: CompactGraph) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        seen = _written_as_text(monkeypatch)
        assert to_turtle(g) == to_rdflib(g).serialize(format="turtle")
    assert len(seen) == len(g)  # every node's block was written as text, none by rdflib's terms


@pytest.mark.parametrize("pages", [SEEDS, POSTS])  # POSTS: dated posts, with their intervals
def test_the_built_graphs_are_written_as_rdflib_writes_them(tmp_path: Path, pages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    g = build([pages], tmp_path / "out", formats=()).graph
    seen = _written_as_text(monkeypatch)
    assert to_turtle(g) == to_rdflib(g).serialize(format="turtle")
    assert len(seen) == len(g)


def test_an_iri_rdflib_cannot_write_is_refused_as_rdflib_refuses_it() -> None:
    b = GraphBuilder()
    b.node("d", kind="District", iri=BASE + "a district", label="中原区")  # a space: not an IRI rdflib writes
    g = b.freeze(base=BASE)
    with pytest.raises(Exception, match="does not look like a valid URI") as ours:
        to_turtle(g)
    with pytest.raises(Exception, match="does not look like a valid URI") as theirs:
        to_rdflib(g).serialize(format="turtle")
    assert str(ours.value) == str(theirs.value)


def test_a_node_named_rdf_nil_and_values_that_are_not_texts_are_written_as_rdflib_writes_them() -> None:
    # neither comes from graph.network, but a graph built by hand may hold them (found by review)
    b = GraphBuilder()
    b.node("a", kind="District", iri=BASE + "a", label="x")
    b.node("n", kind="District", iri="http://www.w3.org/1999/02/22-rdf-syntax-ns#nil", label="y")  # written `()`
    b.add("a", "n", "mentions")
    g = b.freeze(base=BASE)
    assert to_turtle(g) == to_rdflib(g).serialize(format="turtle") and "()" in to_turtle(g)
    for data in ({"rules": [1, "1"]}, {"parent_rule": True}, {"rules": [Literal("x", lang="en")]},
                 {"rules": [Literal("7", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))]}):
        b = GraphBuilder()
        b.node("d", kind="District", iri=BASE + "d", label="x", **data)
        g = b.freeze(base=BASE)
        assert to_turtle(g) == to_rdflib(g).serialize(format="turtle"), data


def test_objects_rdflib_orders_by_their_datatypes_are_left_to_its_terms() -> None:
    from rdflib import Graph

    names = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        names.bind(prefix, ns)
    terms = _Terms(names, keep_all=False)
    made = turtle_text.TextTerms.of(terms)
    assert made is not None
    s, p = object(), URIRef("https://w3id.org/newskg/ontology#rule")
    one_kind = [(s, p, made.plain("b")), (s, p, made.plain("a")), (s, p, made.plain("a"))]
    text, used = turtle_text.block("<x>", s, one_kind, (), terms, made)  # type: ignore[misc]
    assert text == '\n<x> nk:rule "a",\n        "b" .\n' and used == {"nk"}
    assert turtle_text.block("<x>", s, [*one_kind, (s, p, made.zh("c"))], (), terms, made) is None
    assert turtle_text.block("<x>", s, [(s, p, made.date("2024-03-20")), (s, p, made.date("2023-03-20"))], (), terms, made) is None
    assert made.term(Literal("c", lang="zh"))[1:4] == ("@zh", "c", '"c"@zh')

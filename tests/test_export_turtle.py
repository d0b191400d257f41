"""The seeds' Turtle: parses in rdflib and Oxigraph, is deterministic, and matches the committed exports/."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from graph.export.turtle import to_turtle
from tests.conftest import EXPORTS

GOLDEN_TTL = EXPORTS / "graph.ttl"
GOLDEN_HTML = EXPORTS / "graph.html"


def test_turtle_parses_in_rdflib_and_oxigraph(seed_build) -> None:
    _, out = seed_build
    data = (out / "graph.ttl").read_bytes()
    g = Graph()
    g.parse(data=data, format="turtle")
    assert len(g) > 500
    store = pyoxigraph.Store()
    store.load(data, pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)
    assert data.endswith(b"\n")


def test_turtle_is_deterministic(seed_build) -> None:
    result, out = seed_build
    assert to_turtle(result.graph) == (out / "graph.ttl").read_text(encoding="utf-8")


def test_every_fact_names_its_article(seed_build) -> None:
    _, out = seed_build
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    q = """
    PREFIX nk: <https://w3id.org/newskg/ontology#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX org: <http://www.w3.org/ns/org#>
    SELECT ?x WHERE {
      ?x a ?c . FILTER(?c NOT IN (nk:Article, org:Role))
      FILTER NOT EXISTS { ?x prov:wasDerivedFrom ?a . ?a a nk:Article }
    }"""
    assert list(g.query(q)) == []


def test_matches_the_golden_file(seed_build, update_golden) -> None:
    _, out = seed_build
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    if update_golden or not GOLDEN_TTL.exists():
        GOLDEN_TTL.write_text(text, encoding="utf-8")
        GOLDEN_HTML.write_bytes((out / "graph.html").read_bytes())
        (EXPORTS / "build.json").write_bytes((out / "build.json").read_bytes())
        pytest.skip("golden files written")
    if text != GOLDEN_TTL.read_text(encoding="utf-8"):
        new, old = Graph(), Graph()
        new.parse(data=text, format="turtle")
        old.parse(GOLDEN_TTL, format="turtle")
        _, only_old, only_new = graph_diff(to_isomorphic(old), to_isomorphic(new))
        lines = sorted(f"- {t}" for t in only_old)[:10] + sorted(f"+ {t}" for t in only_new)[:10]
        pytest.fail("the seeds' Turtle changed; review and run pytest --update-golden:\n" + "\n".join(lines))


def test_committed_view_is_the_build_of_the_seeds(seed_build) -> None:
    _, out = seed_build
    if (out / "graph.ttl").read_bytes() != GOLDEN_TTL.read_bytes():
        pytest.skip("the Turtle differs too: test_matches_the_golden_file reports it")
    assert (out / "graph.html").read_bytes() == GOLDEN_HTML.read_bytes(), "run pytest --update-golden"

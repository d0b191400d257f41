"""Ontology export: the ontology shipped in graph/data/ontology.ttl -> exports/ontology.ttl.

The classes and properties of every graph newskg writes, with Chinese and
English labels and the alignments to schema.org, W3C ORG, FOAF and PROV.
It is the same for every corpus, so the graph argument is only there to
give it the signature of the other writers.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.export import atomic_write

ONTOLOGY_PATH = Path(__file__).resolve().parent.parent / "data" / "ontology.ttl"


def to_ontology(g: nx.MultiDiGraph | None = None) -> str:
    """The ontology as Turtle."""
    return ONTOLOGY_PATH.read_text(encoding="utf-8")


def write_ontology(g: nx.MultiDiGraph | None, path: str | Path) -> None:
    atomic_write(path, to_ontology(g))

"""N-Triples export: the networkx graph -> one sorted triple per line (UTF-8, N-Triples 1.1).

Sorted lines make two exports of one corpus byte-identical and let `diff`
and `sort -m` work on them; every line stands alone, so the file streams
into any triple store.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.export import atomic_write
from graph.export.rdf import to_rdflib


def to_ntriples(g: nx.MultiDiGraph) -> str:
    """The graph's triples, one per line, sorted."""
    text = to_rdflib(g).serialize(format="nt", encoding="utf-8").decode("utf-8")
    # N-Triples ends a line with \n only; str.splitlines would also cut at U+2028, U+0085... inside a literal
    lines = sorted({ln.rstrip("\r") for ln in text.split("\n") if ln.strip()})
    return "\n".join(lines) + "\n"


def write_ntriples(g: nx.MultiDiGraph, path: str | Path) -> None:
    atomic_write(path, to_ntriples(g))

"""JSON-LD export: the networkx graph -> JSON-LD with an embedded context (the Turtle's prefixes).

The triples are exactly the Turtle's (both come from rdf.to_rdflib). The
context is written into the file, never fetched: a reader needs no network.
rdflib orders nodes by hash, so the document is put in a canonical order
(nodes by @id, multi-values sorted) before it is written: same graph, same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export import atomic_write
from graph.export.rdf import PREFIXES, to_rdflib


def context() -> dict[str, str]:
    """The JSON-LD @context: one term per prefix of the RDF contract."""
    return {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def to_jsonld(g: nx.MultiDiGraph) -> str:
    """Compacted JSON-LD of the graph; the same graph always gives the same bytes."""
    raw = to_rdflib(g).serialize(format="json-ld", context=context(), auto_compact=True)
    doc = _canonical(json.loads(raw))
    if isinstance(doc, dict) and "@graph" not in doc:  # a single node is not wrapped by rdflib
        ctx = doc.pop("@context", context())
        doc = {"@context": ctx, "@graph": [doc]} if doc else {"@context": ctx, "@graph": []}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_jsonld(g: nx.MultiDiGraph, path: str | Path) -> None:
    atomic_write(path, to_jsonld(g))


def _canonical(value: Any) -> Any:
    """Sort every JSON array (JSON-LD sets are unordered; the export has no @list)."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(
            items,
            key=lambda v: (
                v.get("@id", "") if isinstance(v, dict) else "",
                json.dumps(v, ensure_ascii=False, sort_keys=True),
            ),
        )
    return value

"""GraphML and GEXF exports: the networkx graph -> files Gephi, Cytoscape and yEd open.

Both formats take scalar attributes only, so the graph is first flattened:
node ids are the nodes' IRIs (the same ids as in the RDF), tuples are joined
with " | ", missing values are left out, and every edge gets a unique id
and a `relation` (containedInPlace, member, mentions...). Nodes and edges
are written in sorted order, and GEXF's date stamp is dropped, so the same
graph gives the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import tostring

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from graph.export import atomic_write

JOIN = " | "
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
# networkx attribute -> exported attribute name (camelCase, as in the RDF)
NODE_ATTRS = {
    "kind": "kind",
    "iri": "iri",
    "label": "label",
    "aliases": "aliases",
    "code": "adminCode",
    "official_path": "officialPath",
    "headline": "headline",
    "body": "body",
    "sources": "sourceFiles",
    "section": "section",
    "date": "date",
    "evidence": "evidence",
    "time_of_day": "timeOfDay",
    "location_text": "locationText",
}


# Characters XML 1.0 cannot hold at all, not even as &#N; (a file name may have them: ESC, BEL...)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _scalar(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (tuple, list, set, frozenset)):
        text = JOIN.join(str(v) for v in value)
    else:
        text = str(value)
    if _NOT_XML.search(text):  # written as the escape a message would print: \x1b
        text = _NOT_XML.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)
    return text if text else None


def flatten(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with IRI node ids, string attributes only, sorted nodes and uniquely keyed, sorted edges."""
    flat = nx.MultiDiGraph()
    iri = {n: d["iri"] for n, d in g.nodes(data=True)}
    for n in sorted(g.nodes, key=lambda n: iri[n]):
        d = g.nodes[n]
        attrs = {out: v for k, out in NODE_ATTRS.items() if (v := _scalar(d.get(k))) is not None}
        flat.add_node(iri[n], **attrs)
    edges = sorted((iri[u], rel, iri[v], d.get("source") or "") for u, v, rel, d in g.edges(keys=True, data=True))
    for i, (u, rel, v, source) in enumerate(edges):
        attrs = {"relation": rel}
        if source:
            attrs["source"] = source
        flat.add_edge(u, v, key=f"e{i}", **attrs)
    return flat


def to_graphml(g: nx.MultiDiGraph) -> str:
    """GraphML of the flattened graph."""
    body = "\n".join(nx.generate_graphml(flatten(g), encoding="utf-8", prettyprint=True))
    return XML_DECLARATION + body.rstrip("\n") + "\n"


def to_gexf(g: nx.MultiDiGraph) -> str:
    """GEXF 1.2 of the flattened graph, with no date stamp."""
    flat = flatten(g)
    for _, _, k, d in flat.edges(keys=True, data=True):
        d["id"] = k  # GEXF's edge id; the edge's label is its relation
        d["label"] = d["relation"]
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = "newskg"
    writer.add_graph(flat)
    writer.indent(writer.xml)
    # str(writer) would escape every Han character as &#NNNNN;: write real UTF-8
    return XML_DECLARATION + tostring(writer.xml, encoding="unicode").rstrip("\n") + "\n"


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> None:
    atomic_write(path, to_graphml(g))


def write_gexf(g: nx.MultiDiGraph, path: str | Path) -> None:
    atomic_write(path, to_gexf(g))

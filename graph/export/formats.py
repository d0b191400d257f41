"""Export formats: format name -> the files it writes from the networkx graph.

The one registry of exports: `newskg build --format NAME` (repeatable)
chooses among these names; write_formats() writes them, each through
write_format().
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import ExportError

if TYPE_CHECKING:  # kept out at run time: the CLI reads the format names while building --help
    import networkx as nx


@dataclass(frozen=True)
class Format:
    name: str
    files: tuple[str, ...]  # written into the output folder
    summary: str
    write: Callable[[nx.MultiDiGraph, Path, str, Path | None], None]  # (graph, output folder, the view's title, cache folder)


def _ttl(g: nx.MultiDiGraph, out: Path, title: str, cache: Path | None) -> None:
    from graph.export.turtle import write_turtle

    write_turtle(g, out / "graph.ttl", cache)


def _html(g: nx.MultiDiGraph, out: Path, title: str, cache: Path | None) -> None:
    from graph.export.html import write_html

    write_html(g, out / "graph.html", title, cache=cache)


def _jsonld(g: nx.MultiDiGraph, out: Path, title: str, cache: Path | None) -> None:
    from graph.export.jsonld import write_jsonld

    write_jsonld(g, out / "graph.jsonld")


def _nt(g: nx.MultiDiGraph, out: Path, title: str, cache: Path | None) -> None:
    from graph.export.ntriples import write_ntriples

    write_ntriples(g, out / "graph.nt")


def _graphml(g: nx.MultiDiGraph, out: Path, title: str, cache: Path | None) -> None:
    from graph.export.gephi import write_graphml

    write_graphml(g, out / "graph.graphml")


def _gexf(g: nx.MultiDiGraph, out: Path, title: str, cache: Path | None) -> None:
    from graph.export.gephi import write_gexf

    write_gexf(g, out / "graph.gexf")


def _neo4j(g: nx.MultiDiGraph, out: Path, title: str, cache: Path | None) -> None:
    from graph.export.neo4j import write_neo4j

    write_neo4j(g, out)


def _ontology(g: nx.MultiDiGraph, out: Path, title: str, cache: Path | None) -> None:
    from graph.export.ontology import write_ontology

    write_ontology(g, out / "ontology.ttl")


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("ttl", ("graph.ttl",), "RDF/Turtle under the contract of docs/ontology.md (always written)", _ttl),
        Format("html", ("graph.html",), "the interactive network view, offline (always written)", _html),
        Format("jsonld", ("graph.jsonld",), "JSON-LD with an embedded @context (the Turtle's triples)", _jsonld),
        Format("nt", ("graph.nt",), "N-Triples, one sorted triple per line", _nt),
        Format("graphml", ("graph.graphml",), "GraphML for Gephi, Cytoscape, yEd (IRIs as node ids)", _graphml),
        Format("gexf", ("graph.gexf",), "GEXF 1.2 for Gephi", _gexf),
        Format("neo4j", ("neo4j-nodes.csv", "neo4j-relationships.csv"), "CSV for neo4j-admin database import", _neo4j),
        Format("ontology", ("ontology.ttl",), "the newskg ontology (classes, properties, alignments)", _ontology),
    )
}


def write_format(
    name: str, g: nx.MultiDiGraph, out_dir: Path, title: str = "knowledge graph", cache: Path | None = None
) -> list[Path]:
    """Write one format's files into `out_dir`; returns their paths.

    `cache`: the build's cache folder, where a format may keep what lets it
    write the next graph faster (the Turtle's blocks: graph.export.reuse).
    """
    fmt = FORMATS.get(name)
    if fmt is None:
        raise ExportError(f"unknown export format '{name}'; choose from {', '.join(FORMATS)}")
    try:
        fmt.write(g, out_dir, title, cache)
    except OSError as e:
        raise ExportError(
            f"cannot write the {name} export into {out_dir} ({e.strerror or e}); check the folder is writable"
        ) from e
    return [out_dir / f for f in fmt.files]


def write_formats(g: nx.MultiDiGraph, out_dir: Path, formats: Iterable[str], title: str = "knowledge graph") -> list[Path]:
    """Write the files of each format in turn into `out_dir`; returns their paths."""
    return [path for name in formats for path in write_format(name, g, out_dir, title)]

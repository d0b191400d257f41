"""Export formats: format name -> the files it writes from the networkx graph.

The one registry of exports: `newskg build --format NAME` (repeatable)
chooses among these names; write_formats() writes them, each through
write_format().
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from graph import collector
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


def write_side_by_side(
    names: Iterable[str], g: nx.MultiDiGraph, out_dir: Path, title: str = "knowledge graph", cache: Path | None = None,
    processes: int = 1,
) -> dict[str, list[Path]]:
    """Write the formats' files (as write_format) in up to `processes` processes, no more than the cores there are.

    This process writes the first format; each of the next `processes - 1`
    is written by a child forked (POSIX) with the graph as it is here,
    which says on a pipe when its files are in place. A child that did not
    say so (an error, killed, out of memory) has its format written again
    here, so that whatever stopped it is met, and raised, as it is without
    the children: what is written, and every error, is the same either
    way. The price is memory: a child's reads of the graph's objects
    (their reference counts) copy the pages that hold them, so a build's
    memory while it writes is about the graph's once more (an 80 MB
    corpus: 470 MB in one process, 708 with a child). Returns each
    format's paths, by name, in the order given.
    """
    names = list(dict.fromkeys(names))
    children = min(processes, _cores()) if hasattr(os, "fork") else 1
    forked = {name: _fork_writer(name, g, out_dir, title, cache) for name in names[1:children]}
    written: dict[str, list[Path]] = {}
    try:
        for name in names:
            if name not in forked:
                written[name] = write_format(name, g, out_dir, title, cache)
                collector.give_back()  # what this format's writer freed, before the next one's
    except BaseException:
        for pid, r in forked.values():
            _stop(pid, r)
        raise
    done = {name: _wait(pid, r) for name, (pid, r) in forked.items()}
    for name in names:
        if name in forked:
            written[name] = [out_dir / f for f in FORMATS[name].files] if done[name] else write_format(name, g, out_dir, title, cache)
    return {name: written[name] for name in names}


_DONE = b"written"  # what a forked writer sends once its files are in place


def _cores() -> int:
    """The cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _fork_writer(name: str, g: nx.MultiDiGraph, out_dir: Path, title: str, cache: Path | None) -> tuple[int, int]:
    """(pid, read end of its pipe) of a child forked to write format `name`; it never returns from here."""
    r, w = os.pipe()
    pid = os.fork()
    if pid:
        os.close(w)
        return pid, r
    status = 1  # the child: any failure is reported by silence, and met again by the parent
    try:
        os.close(r)
        write_format(name, g, out_dir, title, cache)
        os.write(w, _DONE)
        status = 0
    finally:
        os._exit(status)


def _wait(pid: int, r: int) -> bool:
    """Whether the writer `pid` wrote its files (said so on `r` and exited 0); it is reaped."""
    try:
        said = b""
        while chunk := os.read(r, 64):
            said += chunk
    finally:
        os.close(r)
        _, status = os.waitpid(pid, 0)
    return said == _DONE and os.waitstatus_to_exitcode(status) == 0


def _stop(pid: int, r: int) -> None:
    """End the writer `pid` (this process is failing): killed and reaped; its temporary file is removed by the next write."""
    import signal

    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.close(r)
    os.waitpid(pid, 0)


def write_formats(g: nx.MultiDiGraph, out_dir: Path, formats: Iterable[str], title: str = "knowledge graph") -> list[Path]:
    """Write the files of each format in turn into `out_dir`; returns their paths."""
    return [path for name in formats for path in write_format(name, g, out_dir, title)]

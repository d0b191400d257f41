"""Export formats: format name -> the files it writes from the networkx graph.

The one registry of exports: `newskg build --format NAME` (repeatable)
chooses among these names; write_formats() writes them, each through
write_format().
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from graph import collector
from graph.errors import ExportError
from graph.files import read_child

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

    The last `processes - 1` formats are each written by a child forked
    (POSIX) with the graph as it is here, which says on a pipe when its
    files are in place; this process writes the others meanwhile, then
    waits for the children in order. A child that did not say so (an
    error, killed, out of memory), or could not be forked, has its format
    written here, so that whatever stopped it is met, and raised, as it
    is in one process: the files are the same either way, and so is the
    error, but that a child's format after the one that failed may be
    written already. When this process fails or is interrupted, the
    children still running are killed and reaped. Nothing is forked while
    another thread runs here (a fork copies this one only, and a lock
    another holds would stay held in the child).

    The price is memory: a child's reads of the graph's objects (their
    reference counts) copy the pages that hold them, so a build's memory
    while it writes is about the graph's once more (an 80 MB corpus: 470 MB
    in one process, 708 with a child). Returns each format's paths, by
    name, in the order given.
    """
    names = list(dict.fromkeys(names))
    children = min(processes, _cores(), len(names)) - 1 if hasattr(os, "fork") and _alone() else 0
    forked: dict[str, _Writer] = {}
    written: dict[str, list[Path]] = {}
    try:
        for name in reversed(names[len(names) - children :] if children > 0 else ()):  # so those forked end the list
            with _signals_held() as mask:  # a signal between the fork and this entry would leave the child unknown
                if (writer := _Writer.fork(name, g, out_dir, title, cache, mask)) is None:
                    break  # the rest are written here
                forked[name] = writer
        for name in names:
            if name not in forked:
                written[name] = write_format(name, g, out_dir, title, cache)
                collector.give_back()  # what this format's writer freed, before the next one's
        for name in [n for n in names if n in forked]:
            writer = forked[name]
            done = writer.wait()
            written[name] = [out_dir / f for f in FORMATS[name].files] if done else write_format(name, g, out_dir, title, cache)
    except BaseException:
        for writer in forked.values():
            writer.stop()
        raise
    return {name: written[name] for name in names}


class _Writer:
    """A child forked to write one format, and the read end of the pipe it says it is done on."""

    DONE = b"written"  # what it sends once its files are in place

    def __init__(self, pid: int, r: int) -> None:
        self.pid, self._r, self._reaped = pid, r, False

    @classmethod
    def fork(cls, name: str, g: nx.MultiDiGraph, out_dir: Path, title: str, cache: Path | None,
             mask: set[int | signal.Signals]) -> _Writer | None:
        """The child writing format `name`, its signals' `mask` set once it runs; None when no pipe or process could
        be made (EAGAIN, ENOMEM)."""
        try:
            r, w = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(r)
            os.close(w)
            return None
        if pid:
            os.close(w)
            return cls(pid, r)
        status = 1  # the child: any failure is told by silence, and met again by the parent
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # held since before the fork
            os.close(r)
            write_format(name, g, out_dir, title, cache)
            os.write(w, cls.DONE)
            status = 0
        finally:
            os._exit(status)

    def wait(self) -> bool:
        """Whether it wrote its files (said so and exited 0); it is reaped, and killed first if the wait is interrupted."""
        r, self._r = self._r, -1  # read_child closes it, whatever happens
        try:
            said, _, status = read_child(r, self.pid, None)
        finally:
            self._reaped = True
        return b"".join(said) == self.DONE and os.waitstatus_to_exitcode(status) == 0

    def stop(self) -> None:
        """Killed and reaped, if it was not yet (this process is failing); its temporary file goes at the next write."""
        r, self._r = self._r, -1  # forgotten first: a signal here must not have it closed twice
        if r >= 0:
            os.close(r)
        if self._reaped:
            return
        self._reaped = True
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


_HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _signals_held() -> Iterator[set[int | signal.Signals]]:
    """SIGINT and SIGTERM held (not lost: delivered when let go) while a writer is forked and noted; gives the mask
    before, which the child is given back."""
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield before
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _alone() -> bool:
    """Whether this thread is the process's only one (a library's idle pool counts: Dask's, once a cluster was used)."""
    return threading.active_count() == 1


def _cores() -> int:
    """The cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def write_formats(g: nx.MultiDiGraph, out_dir: Path, formats: Iterable[str], title: str = "knowledge graph") -> list[Path]:
    """Write the files of each format in turn into `out_dir`; returns their paths."""
    return [path for name in formats for path in write_format(name, g, out_dir, title)]

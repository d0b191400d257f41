"""What a build gives: its graph, its corpus when asked for, the files it wrote and its stages' times."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph import collector
from graph.buildinfo import Replaced
from graph.incremental import Unchanged, graph_counts
from graph.model import Corpus, FileReport


@dataclass
class BuildResult:
    _corpus: Corpus | None  # the corpus and graph: see `corpus` and `graph`
    _graph: nx.MultiDiGraph | None
    written: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage: pages, resolve, graph, export
    ignored: tuple[FileReport, ...] = ()  # files in the folders that are not text pages
    replaced: Replaced | None = None  # exports of another corpus this build wrote over
    record: Path | None = None  # build.json: what this build read and wrote (graph.buildinfo)
    unchanged: Unchanged | None = None  # set when the output folder already held this build's files: none was written
    _reports: tuple[FileReport, ...] = ()  # the corpus's, of a build that made its graph
    _remade: Callable[[], Corpus] | None = field(default=None, repr=False)  # makes the corpus again (`corpus`)
    _making: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)  # `corpus` made once

    @property
    def corpus(self) -> Corpus:
        """The resolved corpus, made again from the pages when first asked for (from the cache where they are stored,
        else read and extracted again): a build keeps its graph, not the corpus it was made from beside it (issue 16).

        GraphError if a page changed since the build: its corpus would not be this graph's. Threads that ask at
        once wait for the one making it: it is made once.
        """
        if self._corpus is None:
            with self._making:
                if self._corpus is None:
                    self._make_corpus()
        assert self._corpus is not None
        return self._corpus

    def _make_corpus(self) -> None:
        with collector.paused():  # the cycle collector as it was afterwards (the build turns it off)
            if self.unchanged is not None:
                self._corpus, self._graph = self.unchanged.made()
            elif self._remade is not None:
                self._corpus = self._remade()

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The graph (made when first asked for, as `corpus`)."""
        if self._graph is None:
            self._corpus = self.corpus
        assert self._graph is not None
        return self._graph

    @property
    def reports(self) -> tuple[FileReport, ...]:
        return self.ignored + (self.unchanged.reports if self.unchanged is not None else self._reports)

    def wrote(self) -> list[Path]:
        """The files this build wrote: its exports and build.json, or, when it found nothing changed, only a store."""
        if self.unchanged is not None:
            return [p for p in self.written if p not in self.unchanged.written]
        return [*self.written, *([self.record] if self.record else [])]

    def nodes(self) -> int:
        """The graph's node count (known without loading the graph after a build that found nothing changed)."""
        return self.unchanged.nodes if self._graph is None and self.unchanged is not None else self.graph.number_of_nodes()

    def summary(self) -> dict:
        counts = self.unchanged.counts if self._graph is None and self.unchanged is not None else graph_counts(self.graph)
        return {
            **counts,
            "skipped_files": sum(1 for r in self.reports if r.skipped),
            "reports": len(self.reports),
        }


class Stopwatch:
    """Seconds per stage of a build: each lap runs from the end of the one before."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = now - self._last
        self._last = now


__all__ = ["BuildResult", "Stopwatch"]

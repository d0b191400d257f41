"""Pipeline: input paths -> exported files. The only module that knows the stages' order.

    read -> normalize/split -> extract   (per page: independent, parallel, cached)
    resolve -> network -> export         (once, over the whole corpus)

Per-page work is a pure function of the page's bytes, its date and the
extractor's version, so it can run in worker processes, on a Dask cluster,
or come from the cache, and the output is the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph.errors import ExportError, GraphError, InputError
from graph.iri import DEFAULT_BASE
from graph.model import ArticleFacts, Corpus, FileReport, PageResult

log = logging.getLogger("newskg")

DEFAULT_FORMATS = ("ttl", "html")
EXPORT_FILES = {
    "ttl": "graph.ttl",
    "html": "graph.html",
}


@dataclass(frozen=True)
class Options:
    """What a build reads and how; part of the cache key where it changes the output."""

    encoding: str | None = None
    max_bytes: int = 20 * 1024 * 1024
    dates: tuple[tuple[str, dt.date], ...] = ()  # from a manifest


@dataclass
class BuildResult:
    corpus: Corpus
    graph: nx.MultiDiGraph
    written: list[Path] = field(default_factory=list)

    @property
    def reports(self) -> tuple[FileReport, ...]:
        return self.corpus.reports

    def summary(self) -> dict:
        kinds = Counter(d["kind"] for _, d in self.graph.nodes(data=True))
        return {
            "articles": len(self.corpus.articles),
            "entities": {k: kinds[k] for k in ("City", "District", "StreetOffice", "Town", "Community", "Village", "Organization", "Person")},
            "events": kinds["Event"],
            "memberships": kinds["Membership"],
            "edges": self.graph.number_of_edges(),
            "skipped_files": sum(1 for r in self.corpus.reports if r.skipped),
            "reports": len(self.corpus.reports),
        }


@functools.cache
def _extractor():
    from graph.extract import Extractor

    return Extractor()


@functools.cache
def _words() -> frozenset[str]:
    """jieba's dictionary words: tells a break inside a word from one after a heading."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, _, rest = line.partition(" ")
            if len(w) >= 2 and int(rest.split(" ", 1)[0] or 0) >= 5:
                words.add(w)
    return frozenset(words)


def process_page(path: str, options: Options = Options()) -> PageResult:
    """Read, split and extract one page. Never raises for a bad file: it reports it."""
    from graph.read import read_page
    from graph.split import split_page

    name = Path(path).name
    try:
        page = read_page(path, encoding=options.encoding, max_bytes=options.max_bytes, dates=dict(options.dates))
    except InputError as e:
        return PageResult(name, (), FileReport(e.path, e.reason))
    articles = split_page(page, _words())
    if not articles:
        return PageResult(name, (), FileReport(str(path), "holds no news item (no body text was found); check it is a news page", skipped=False))
    facts = _extractor().extract(articles)
    return PageResult(name, tuple(facts))


def run_pages(
    files: list[Path],
    options: Options,
    jobs: int = 1,
    progress: Callable[[int, int, str], None] | None = None,
    scheduler: str | None = None,
    cache_dir: Path | None = None,
) -> Iterator[PageResult]:
    """Per-page results in input order, computed here, in processes, on Dask, or from cache."""
    from graph.cache import PageCache

    cache = PageCache(cache_dir) if cache_dir else None
    todo: list[tuple[int, Path]] = []
    results: dict[int, PageResult] = {}
    for i, f in enumerate(files):
        hit = cache.get(f, options) if cache else None
        if hit is not None:
            results[i] = hit
        else:
            todo.append((i, f))
    done = len(results)
    total = len(files)

    def finished(i: int, r: PageResult) -> None:
        nonlocal done
        results[i] = r
        done += 1
        if cache is not None and (r.report is None or not r.report.skipped):
            cache.put(files[i], options, r)
        if progress:
            progress(done, total, r.name)

    if scheduler:
        from graph.distributed import run_on_dask

        for i, r in run_on_dask(scheduler, [(i, str(f)) for i, f in todo], options):
            finished(i, r)
    elif jobs > 1 and len(todo) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, initializer=_quiet_worker) as pool:
            futures = {pool.submit(process_page, str(f), options): i for i, f in todo}
            from concurrent.futures import as_completed

            for fut in as_completed(futures):
                finished(futures[fut], fut.result())
    else:
        for i, f in todo:
            finished(i, process_page(str(f), options))
    for i in range(total):
        yield results.pop(i)


def _quiet_worker() -> None:
    logging.getLogger("jieba").setLevel(logging.WARNING)


def collect(paths: Iterable[str | Path]) -> list[Path]:
    """The page files named by `paths`, sorted by name so input order never matters."""
    from graph.read import iter_files

    files = list(iter_files(paths))
    seen = set()
    out = []
    for f in sorted(files, key=lambda p: (p.name, str(p))):
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path | None = "exports",
    *,
    formats: Iterable[str] = DEFAULT_FORMATS,
    base: str = DEFAULT_BASE,
    options: Options = Options(),
    jobs: int = 1,
    scheduler: str | None = None,
    cache_dir: str | Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    title: str = "knowledge graph",
) -> BuildResult:
    """Build the knowledge graph of the pages under `paths` and write its exports."""
    from graph.gazetteer import load as load_gazetteer
    from graph.network import build_graph
    from graph.resolve import resolve

    files = collect(paths)
    facts: list[ArticleFacts] = []
    reports: list[FileReport] = []
    for r in run_pages(files, options, jobs, progress, scheduler, Path(cache_dir) if cache_dir else None):
        if r.report is not None:
            reports.append(r.report)
        facts.extend(r.facts)
    facts = dedupe_articles(facts)
    corpus = resolve(facts, load_gazetteer(), tuple(reports))
    g = build_graph(corpus, base)
    result = BuildResult(corpus, g)
    if out_dir is not None:
        result.written = export(g, Path(out_dir), formats, title)
    return result


def dedupe_articles(facts: list[ArticleFacts]) -> list[ArticleFacts]:
    """An item printed on several pages (same body) is one article with all its sources."""
    import dataclasses
    import re

    by_body: dict[str, int] = {}
    out: list[ArticleFacts] = []
    for f in facts:
        key = re.sub(r"\s+", "", f.article.body)
        if len(key) >= 40 and key in by_body:
            first = out[by_body[key]]
            sources = tuple(sorted({*first.article.sources, *f.article.sources}))
            out[by_body[key]] = dataclasses.replace(first, article=dataclasses.replace(first.article, sources=sources))
            continue
        by_body[key] = len(out)
        out.append(f)
    return out


def export(g: nx.MultiDiGraph, out_dir: Path, formats: Iterable[str], title: str = "knowledge graph") -> list[Path]:
    """Write the requested exports into `out_dir`; returns the paths written."""
    from graph.export import html, rdf

    writers: dict[str, Callable[[nx.MultiDiGraph, Path], None]] = {
        "ttl": rdf.write_turtle,
        "html": lambda g, p: html.write_html(g, p, title),
    }
    written = []
    for fmt in formats:
        if fmt not in writers:
            raise ExportError(f"unknown export format '{fmt}'; choose from {', '.join(sorted(writers))}")
        path = out_dir / EXPORT_FILES[fmt]
        try:
            writers[fmt](g, path)
        except OSError as e:
            raise ExportError(f"cannot write {path} ({e.strerror or e}); check the folder is writable") from e
        written.append(path)
    return written


__all__ = ["build", "process_page", "Options", "BuildResult", "GraphError", "sys"]

"""Pipeline: input paths -> exported files. The only module that knows the stages' order.

    read -> normalize/split -> extract   (per page: independent, parallel, cached)
    resolve -> network -> export         (once, over the whole corpus)

Per-page work is a pure function of the page's bytes, its date and the
extractor's version, so it can run in worker processes, on a Dask cluster,
or come from the cache, and the output is the same bytes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph.articles import dedupe_articles, unique_ids, without_id_clashes
from graph.buildinfo import Replaced
from graph.errors import NoPagesError
from graph.iri import DEFAULT_BASE
from graph.model import ArticleFacts, Corpus, FileReport, PageResult
from graph.pages import Options, page_facts, process_page

log = logging.getLogger("newskg")

DEFAULT_FORMATS = ("ttl", "html")


@dataclass
class BuildResult:
    corpus: Corpus
    graph: nx.MultiDiGraph
    written: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage: pages, resolve, graph, export
    ignored: tuple[FileReport, ...] = ()  # files in the folders that are not text pages
    replaced: Replaced | None = None  # exports of another corpus this build wrote over
    record: Path | None = None  # build.json: what this build read and wrote (graph.buildinfo)

    @property
    def reports(self) -> tuple[FileReport, ...]:
        return self.ignored + self.corpus.reports

    def summary(self) -> dict:
        kinds = Counter(d["kind"] for _, d in self.graph.nodes(data=True))
        return {
            "articles": len(self.corpus.articles),
            "entities": {k: kinds[k] for k in ("City", "District", "StreetOffice", "Town", "Community", "Village", "Organization", "Person")},
            "events": kinds["Event"],
            "memberships": kinds["Membership"],
            "edges": self.graph.number_of_edges(),
            "skipped_files": sum(1 for r in self.reports if r.skipped),
            "reports": len(self.reports),
        }


def run_pages(
    files: list[Path],
    options: Options,
    jobs: int = 1,
    progress: Callable[[int, int, str], None] | None = None,
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    keys: list[str | None] | None = None,
) -> Iterator[PageResult]:
    """Per-page results in input order, computed here, in processes, on Dask, or from cache.

    Results are yielded as soon as every earlier page's is known, and at most
    a few pages per process are in flight, so memory holds no more than the
    results the caller keeps. `keys`, if given, receives each page's cache
    key (None without a cache, or for a page that cannot be read).
    """
    from graph.cache import PageCache

    cache = PageCache(cache_dir) if cache_dir else None
    to_store: dict[int, str] = {}  # cache keys of the pages computed now
    todo: list[tuple[int, Path]] = []
    results: dict[int, PageResult] = {}
    for i, f in enumerate(files):
        key, hit = cache.lookup(f, options) if cache else (None, None)
        if keys is not None:
            keys.append(key)
        if hit is not None:
            results[i] = hit
        else:
            todo.append((i, f))
            if key is not None:
                to_store[i] = key
    if cache is not None:
        log.info("cache: %d of %d pages unchanged", len(results), len(files))
    done = len(results)
    total = len(files)
    nxt = 0

    def finished(i: int, r: PageResult) -> Iterator[PageResult]:
        nonlocal done, nxt
        results[i] = r
        done += 1
        if cache is not None and i in to_store and (r.report is None or not r.report.skipped):
            cache.store(to_store[i], r)
        if progress:
            progress(done, total, r.name)
        while nxt in results:
            yield results.pop(nxt)
            nxt += 1

    if scheduler:
        from graph.distributed import run_on_dask

        for i, r in run_on_dask(scheduler, [(i, str(f)) for i, f in todo], options):
            yield from finished(i, r)
    elif jobs > 1 and len(todo) > 1:
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        with ProcessPoolExecutor(max_workers=jobs, initializer=_quiet_worker) as pool:
            queue = iter(todo)
            running = {}
            for i, f in queue:
                running[pool.submit(process_page, str(f), options)] = i
                if len(running) >= 4 * jobs:
                    break
            while running:
                ready, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in ready:
                    i = running.pop(fut)
                    for j, f in queue:
                        running[pool.submit(process_page, str(f), options)] = j
                        break
                    yield from finished(i, fut.result())
    else:
        for i, f in todo:
            yield from finished(i, process_page(str(f), options))
    while nxt < total and nxt in results:
        yield results.pop(nxt)
        nxt += 1


def _quiet_worker() -> None:
    logging.getLogger("jieba").setLevel(logging.WARNING)


def collect(paths: Iterable[str | Path], ignored: list[Path] | None = None) -> list[Path]:
    """The page files named by `paths`, sorted by name so input order never matters.

    Files in the folders that are not text pages are added to `ignored`, if given.
    """
    from graph.read import iter_files

    files = list(iter_files(paths, ignored))
    seen = set()
    out = []
    for f in sorted(files, key=lambda p: (p.name, str(p))):
        try:
            key = f.resolve()
        except (OSError, RuntimeError):  # a symbolic link loop: kept, and reported when it is read
            key = Path(os.path.abspath(f))
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
    store_dir: str | Path | None = None,
) -> BuildResult:
    """Build the knowledge graph of the pages under `paths` and write its exports (and a store).

    The output folder and the store are locked for the whole build: a
    second build into either fails at once with LockedError.
    """
    from graph.files import FolderLock

    with contextlib.ExitStack() as locks:
        if out_dir is not None:
            locks.enter_context(FolderLock(out_dir, "the output folder", "--out"))
        if store_dir is not None:
            locks.enter_context(FolderLock(store_dir, "the store", "--store"))
        result = _build(paths, out_dir, formats, base, options, jobs, scheduler, _usable_cache(cache_dir), progress, title)
        if store_dir is not None:
            from graph.store import write_store

            t = time.perf_counter()
            result.written.append(write_store(result.graph, store_dir, locked=True))
            result.timings["store"] = time.perf_counter() - t
    return result


def _usable_cache(cache_dir: str | Path | None) -> Path | None:
    """The cache folder, created and cleared of a killed build's leftovers; None (and a warning) if it cannot be written."""
    if cache_dir is None:
        return None
    from graph.cache import remove_leftovers
    from graph.files import printable

    cache = Path(cache_dir)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        if not os.access(cache, os.W_OK):
            raise PermissionError(13, "permission denied")
    except OSError as e:
        log.warning("cannot write the cache %s (%s); the build goes on without it", printable(str(cache)), e.strerror or e)
        return None
    remove_leftovers(cache)
    return cache


def _build(
    paths: Iterable[str | Path],
    out_dir: str | Path | None,
    formats: Iterable[str],
    base: str,
    options: Options,
    jobs: int,
    scheduler: str | None,
    cache: Path | None,
    progress: Callable[[int, int, str], None] | None,
    title: str,
) -> BuildResult:
    """The build itself, with its folders locked: pages, resolution, graph, exports."""
    from graph.gazetteer import load as load_gazetteer
    from graph.network import build_graph
    from graph.resolve import resolve

    clock = [time.perf_counter()]
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        clock.append(time.perf_counter())
        timings[stage] = clock[-1] - clock[-2]

    from graph.read import not_a_page

    paths = list(paths)
    found_elsewhere: list[Path] = []
    files = collect(paths, found_elsewhere)
    ignored = tuple(FileReport(str(f), not_a_page(f)) for f in found_elsewhere)
    facts: list[ArticleFacts] = []
    reports: list[FileReport] = []
    ids: dict[str, tuple[Path, str]] = {}
    keys: list[str | None] = []
    read = 0  # pages read (a page with no news item was read)
    for path, r in zip(files, run_pages(files, options, jobs, progress, scheduler, cache, keys), strict=True):
        r = without_id_clashes(path, r, ids)
        if r.report is not None:
            reports.append(r.report)
        read += r.report is None or not r.report.skipped
        facts.extend(r.facts)
    if not read:
        raise NoPagesError(nothing_read(paths, files, [*ignored, *reports]))
    lap("pages")
    # no page changed: the last build's corpus and graph (and its exports, if untouched) are still right
    from graph.cache import CorpusCache

    known = [k for k in keys if k is not None]
    last = CorpusCache(cache) if cache is not None and len(known) == len(keys) else None
    corpus_key = last.key([*known, *map(str, files)], (base, options)) if last else ""
    cached = last.load(corpus_key) if last else None
    if cached is None:
        facts = dedupe_articles(unique_ids(facts))
        corpus = resolve(facts, load_gazetteer(), tuple(reports))
        lap("resolve")
        g = build_graph(corpus, base)
        exported: dict[str, list[tuple[str, str]]] = {}
    else:
        corpus, g, exported = cached
        lap("resolve")
    result = BuildResult(corpus, g, timings=timings, ignored=ignored)
    lap("graph")
    before = dict(exported)
    if out_dir is not None:
        from graph.buildinfo import make_record, read_record, replaced, write_record
        from graph.export.formats import FORMATS

        out, formats = Path(out_dir), tuple(dict.fromkeys(formats))
        previous = read_record(out)
        existed = [name for f in formats if f in FORMATS for name in FORMATS[f].files if (out / name).exists()]
        result.written = export(g, out, formats, title, exported)
        record = make_record(files, options, base, formats, out, result.written)
        result.record = write_record(out, record)
        result.replaced = replaced(previous, out, record, existed)
        lap("export")
    if last is not None and (cached is None or exported != before):
        last.store(corpus_key, corpus, g, exported)
        lap("cache")
    return result


def nothing_read(paths: list[str | Path], files: list[Path], reports: list[FileReport]) -> str:
    """The message of a build that read no page: where it looked, and what it found and skipped."""
    where = ", ".join(str(p) for p in paths) or "the input"
    if not files and not reports:
        return f"nothing to build: no file in {where}; give folders or files of .txt pages"
    shown = [f"{r.path}: {r.reason}" for r in reports[:10]] + ([f"… and {len(reports) - 10} more"] if len(reports) > 10 else [])
    head = (f"nothing to build: no text page in {where}" if not files
            else f"nothing to build: none of the {len(files)} page(s) in {where} could be read")
    return head + f"; found and skipped {len(reports)} file(s):\n  " + "\n  ".join(shown)


def export(
    g: nx.MultiDiGraph,
    out_dir: Path,
    formats: Iterable[str],
    title: str = "knowledge graph",
    unchanged: dict[str, list[tuple[str, str]]] | None = None,
) -> list[Path]:
    """Write the requested exports into `out_dir`; returns the paths of the exports.

    `unchanged` records what an earlier export of this same graph wrote
    ({"format|title": [(file, sha1)]}): a format whose files are all still
    there with those digests is not written again. The record is updated.
    """
    from graph.export.formats import write_format
    from graph.files import file_sha1

    if unchanged is not None:
        done: list[Path] = []
        for fmt in formats:
            record = unchanged.get(f"{fmt}|{title}")
            if record and all(file_sha1(out_dir / name) == digest for name, digest in record):
                done.extend(out_dir / name for name, _ in record)
                continue
            paths = export(g, out_dir, [fmt], title)
            unchanged[f"{fmt}|{title}"] = [(p.relative_to(out_dir).as_posix(), file_sha1(p) or "") for p in paths]
            done.extend(paths)
        return done

    written: list[Path] = []
    for fmt in formats:
        written.extend(write_format(fmt, g, out_dir, title))
    return written


__all__ = ["build", "process_page", "page_facts", "Options", "BuildResult"]

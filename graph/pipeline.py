"""Pipeline: input paths -> exported files. The only module that knows the stages' order.

    read -> normalize/split -> extract   per page (graph.pages): independent, so run here, in
                                         processes or on Dask (graph.workers), or cached
    articles -> resolve -> network -> export   once, over the whole corpus

Per-page work is a pure function of the page's bytes, its date and the
extractor's version, so it can run in worker processes, on a Dask cluster,
or come from the cache, and the output is the same bytes. What the last
build computed and did not change is not computed again (graph.incremental).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TypeVar

import networkx as nx

from graph import collector
from graph.articles import Articles, dedupe_articles, unique_ids, without_id_clashes
from graph.buildinfo import RECORD_NAME, make_record, read_record, record_is_written, replaced, write_record
from graph.cache import GazetteerEntry, PageCache
from graph.errors import GraphError, NoPagesError
from graph.export.formats import FORMATS
from graph.files import FolderLock, file_sha1, printable, recorded_name
from graph.gazetteer import Gazetteer
from graph.gazetteer import forget as forget_gazetteer
from graph.gazetteer import load as load_gazetteer
from graph.incremental import (
    KeptResolution,
    LastBuild,
    as_read,
    cached_pages,
    export_changed,
    exported_digests,
    usable_cache,
    with_slugs,
)
from graph.iri import DEFAULT_BASE, check_base
from graph.model import ArticleFacts, Corpus, FileReport, PageResult, ResolvedPage
from graph.network import Handed, graph_builder
from graph.pages import Item, Options, page_facts, process_page, release_models
from graph.read import collect, linked_page, not_a_page, undated_by_manifest
from graph.resolve import Resolver, resolve
from graph.resolved import ResolvedPages
from graph.result import BuildResult, Stopwatch
from graph.spill import Spill, Spilled
from graph.split import article_stem
from graph.store import write_store
from graph.workers import PAGES_PER_BATCH, Progress, compute_pages, in_input_order

DEFAULT_FORMATS = ("ttl", "html")
R = TypeVar("R", bound=PageResult | ResolvedPage)  # a page's result, or the page as the resolution read it
log = logging.getLogger("newskg")


def run_pages(
    files: list[Path],
    options: Options,
    jobs: int = 1,
    progress: Progress | None = None,
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    keys: list[str | None] | None = None,
    resolved: ResolvedPages | None = None,
) -> Iterator[PageResult | ResolvedPage]:
    """Per-page results in input order, computed here, in processes, on Dask, or from cache, as the build reads them
    (`as_read`: the same whether stored or computed); a stored page `resolved` holds, as the last build's resolution
    read it (`ResolvedPage`).

    Results are yielded as soon as every earlier page's is known, at most a
    few pages per process are in flight, and a stored page is decoded when
    its turn comes, so memory holds no more than the results the caller
    keeps. `keys`, if given, are the pages' cache keys already computed
    (page_keys), so no page is read and hashed again.
    """
    items = list(enumerate(files))

    def compute(todo: list[Item]) -> Iterator[tuple[int, PageResult]]:
        return ((i, as_read(r)) for i, r in compute_pages(todo, options=options, jobs=jobs, scheduler=scheduler))

    known: dict[int, Callable[[], PageResult | ResolvedPage]] = {}  # a stored page's, decoded when its turn comes
    if cache_dir is None:
        computed = compute(items)
    else:
        known, computed = cached_pages(compute, items, PageCache(cache_dir), options, keys, resolved)
    yield from in_input_order(len(files), known, computed, progress)


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
    progress: Progress | None = None,
    title: str = "knowledge graph",
    store_dir: str | Path | None = None,
) -> BuildResult:
    """Build the knowledge graph of the pages under `paths` and write its exports (and a store).

    The output folder and the store are locked for the whole build: a
    second build into either fails at once with LockedError.
    """
    paths, formats = _arguments(paths, out_dir, store_dir, formats, base, options, jobs)
    collector.large_blocks_apart()  # what a stage frees in large blocks goes back to the system, not to the heap's top
    with contextlib.ExitStack() as locks:
        if gc.isenabled():  # _build pauses the cycle collector for the corpus-wide stages: on again at the end
            locks.callback(collector.resume)
        if out_dir is not None:
            locks.enter_context(FolderLock(out_dir, "the output folder", "--out"))
        if store_dir is not None:
            locks.enter_context(FolderLock(store_dir, "the store", "--store"))
        result = _build(paths, out_dir, formats, base, options, jobs, scheduler, usable_cache(cache_dir), progress, title)
        if store_dir is not None:
            t = time.perf_counter()
            result.written.append(write_store(result.graph, store_dir, locked=True))
            result.timings["store"] = time.perf_counter() - t
    return result


def _arguments(paths: Iterable[str | Path] | str | Path, out_dir: str | Path | None, store_dir: str | Path | None,
               formats: Iterable[str] | str, base: str, options: Options, jobs: int) -> tuple[list, tuple[str, ...]]:
    """`build`'s paths and formats, one alone taken as a list of one; what no build can take refused before anything
    is locked or read: options of another kind (TypeError), jobs under 1, a base IRI or a folder that cannot be one."""
    if not isinstance(options, Options):
        raise TypeError(f"options must be graph.pipeline.Options, not {type(options).__name__}")
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise TypeError(f"jobs must be a whole number (1 or more), not {type(jobs).__name__} {jobs!r}")
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    try:
        check_base(base)
    except ValueError as e:
        raise GraphError(f"the base IRI {e}") from None
    for folder, option in ((out_dir, "--out"), (store_dir, "--store")):
        if folder is not None and Path(folder).exists() and not Path(folder).is_dir():
            raise GraphError(f"{printable(str(folder))} is a file, not a folder: give {option} a folder")
    listed = (formats,) if isinstance(formats, str) else tuple(formats)
    if isinstance(paths, (str, os.PathLike)):
        return [paths], listed
    return list(paths), listed


def _build(
    paths: Iterable[str | Path],
    out_dir: str | Path | None,
    formats: Iterable[str],
    base: str,
    options: Options,
    jobs: int,
    scheduler: str | None,
    cache: Path | None,
    progress: Progress | None,
    title: str,
) -> BuildResult:
    """The build itself, with its folders locked: pages, resolution, graph, exports."""
    clock, paths = Stopwatch(), list(paths)
    found_elsewhere: list[Path] = []
    linked: list[tuple[Path, Path]] = []
    files = collect(paths, found_elsewhere, linked)
    ignored = (*(FileReport(str(f), not_a_page(f)) for f in found_elsewhere),
               *(FileReport(str(f), linked_page(f, page)) for f, page in linked))
    if options.dates and (unmatched := undated_by_manifest(dict(options.dates), [f.name for f in files])):
        log.warning("%s", printable(unmatched))
    # each page read and hashed once, here; when no page changed, the last build's exports (if untouched) are
    # still right, and no page's result is loaded
    keys, digests = page_keys(cache, files, options)
    last = LastBuild(cache, keys, files, (base, options))
    made = partial(_corpus_and_graph, paths, files, ignored, options, jobs, cache=cache, keys=keys, base=base,
                   progress=progress, scheduler=scheduler)
    # the corpus made again after the build, if asked for: here (the build's cluster may be gone), without its progress
    again = partial(made, progress=None, scheduler=None)
    if out_dir is not None:  # and the folder holds their exports and record already: nothing is loaded or written
        later = partial(_unless_changed, cache, files, options, keys, digests, made)  # what gives the result's corpus and graph
        done = nothing_changed(last, files, Path(out_dir), tuple(dict.fromkeys(formats)), title, options, base, ignored, later,
                               digests)
        if done is not None:
            clock.lap("unchanged")
            done.timings.update(clock.timings)
            return done
    read: list[str] = []  # the SHA-1 of the bytes each page's result was made from ("" for a page not read)
    kept, g = made(lap=clock.lap, read=read, corpus=False)  # the corpus let go before the graph is frozen: its reports kept
    if changed_while_read(files, digests, read):  # the last build's note names the pages' bytes as they were
        last = LastBuild(None, keys, files, (base, options))
    exported = last.record()  # what the exports of this same graph wrote, when the last build made it
    result = BuildResult(None, g, timings=clock.timings, ignored=ignored, _reports=kept.reports,
                         _remade=partial(_made_again, again, read))
    if out_dir is not None:  # the exports not already as this graph left them, and build.json beside them
        out, formats = Path(out_dir), tuple(dict.fromkeys(formats))
        previous = read_record(out)
        existed = [name for f in formats if f in FORMATS for name in FORMATS[f].files if (out / name).exists()]
        result.written = export_changed(g, out, formats, title, exported, cache,
                                        processes=jobs if scheduler is None else 1)  # a Dask client runs threads here
        record = make_record(files, options, base, formats, out, result.written, read, exported_digests(exported, formats, title))
        result.record = write_record(out, record)
        result.replaced = replaced(previous, out, record, existed)  # another corpus's exports written over
        clock.lap("export")
    if last.remember(kept.reports, g, exported):
        clock.lap("cache")
    return result


def _unless_changed(
    cache: Path | None, files: list[Path], options: Options, keys: list[str | None], digests: list[str | None],
    made: Callable[..., tuple[Corpus, nx.MultiDiGraph]],
) -> tuple[Corpus, nx.MultiDiGraph]:
    """`made()`, for the result of a build that found nothing changed, asked later for its corpus or graph.

    They are made from the pages then: if one changed since the build (its
    key is another, or its bytes were others when its result was made),
    they would not be that build's.
    """
    read: list[str] = []
    made_now = made(read=read) if page_keys(cache, files, options)[0] == keys else None
    if made_now is None or changed_while_read(files, digests, read):
        raise GraphError("a page changed since this build found nothing changed: build again to have its corpus and graph")
    return made_now


def _made_again(made: Callable[..., tuple[Corpus, nx.MultiDiGraph]], digests: list[str]) -> Corpus:
    """The corpus of a build that read the pages' bytes of `digests` ("" for a page it could not read), made again by
    `made`; GraphError if a page's bytes are not those, a page read now that was not then among them."""
    read: list[str] = []
    corpus, _ = made(read=read, graph=False)
    if read != digests:
        raise GraphError("a page changed since this build: build again to have its corpus")
    return corpus


def _corpus_and_graph(
    paths: list[str | Path], files: list[Path], ignored: tuple[FileReport, ...], options: Options, jobs: int,
    progress: Progress | None, scheduler: str | None, cache: Path | None, keys: list[str | None], base: str,
    lap: Callable[[str], None] = lambda stage: None, read: list[str] | None = None, graph: bool = True,
    corpus: bool = True,
) -> tuple[Corpus, nx.MultiDiGraph]:
    """The pages' results (from the cache where stored), resolved, and their graph; `lap` called after each stage.

    `read`, if given, gets each page's digest, in order: that of the bytes its result was made from. Without
    `graph`, the corpus alone (and an empty graph). Without `corpus`, the corpus is let go once its graph is made,
    before it is frozen (what the graph does not share of it is free for the arrays and the exports): a corpus of
    its reports alone is given.
    """
    # from here on the cycle collector is off (build() turns it on again): the pages stage makes millions of
    # objects that are freed by reference counting or live to the end (the resolution), and its full passes over
    # them took 0.8 s of a 5 MB build; a pass over the youngest generation every batch of pages frees the few
    # cycles a page leaves (`collector.swept`), and the later stages make next to none
    gc.disable()
    # where no two pages share an article stem (the usual build), a page is resolved as it comes, and the cache keeps
    # it as the resolution read it: a stored page is then folded in again, not resolved again
    kept = KeptResolution(cache, files, options) if cache is not None and own_stems(files) else None
    results = collector.swept(run_pages(files, options, jobs, progress, scheduler, cache, keys, kept.pages if kept else None),
                              PAGES_PER_BATCH)
    spill = Spill.made(cache) if graph and not corpus else None  # the corpus is let go: its bodies and evidence wait on disk
    with kept or contextlib.nullcontext():  # the pages as this build resolved them, kept once every page is read
        corpus_of = resolving(paths, files, ignored, results if read is None else noting_digests(results, read),
                              load_gazetteer(GazetteerEntry(cache) if cache is not None else None), spill, kept)
    # loaded again, in a tenth of a second, by the next build in this process; with workers too, as the pages a
    # build computes here (one changed page of a rebuild, a damaged entry) load them here
    release_models()
    lap("pages")
    # the corpus, graph and exports' parts: millions of objects that mostly live to the end and make next to no
    # cycles (the collector's full passes over them took a fifth of a 20 MB one-page rebuild: 7 passes, 6.2 s in
    # the exports alone)
    resolved, bodies = corpus_of()
    del corpus_of  # the page records it may hold: their memory goes to the graph and the exports
    forget_gazetteer()  # so does the gazetteer's (63 MB; built again, in 0.3-0.5 s, by the next build in this process)
    collector.give_back()  # and what the models and the gazetteer held in the C heap, to the system
    lap("resolve")
    if not graph:
        return resolved, nx.MultiDiGraph()
    if corpus:
        builder = with_slugs(partial(graph_builder, resolved, base, bodies, spill), cache)
    else:  # handed over, each of its parts let go once in the graph: its memory is the next part's nodes'
        handed, resolved = Handed(resolved), Corpus((), (), (), (), reports=resolved.reports)
        builder = with_slugs(partial(graph_builder, handed, base, bodies, spill), cache)
        del handed
    g = builder.freeze(base=base)
    del builder
    collector.give_back()  # the arrays the graph was sorted with, and the corpus's records if it was let go
    lap("graph")
    return resolved, g


def nothing_changed(
    last: LastBuild, files: list[Path], out: Path, formats: tuple[str, ...], title: str, options: Options, base: str,
    ignored: tuple[FileReport, ...], made: Callable[[], tuple[Corpus, nx.MultiDiGraph]], digests: list[str | None],
) -> BuildResult | None:
    """The result of a build whose pages, settings and output folder are all as the last build left them; else None.

    Every export's file must have the digest that graph's exports had, and
    build.json the bytes this build would write: then the folder already
    equals what a full build would write, byte for byte. `made` gives the
    corpus and graph, should the result be asked for them.
    """
    same = last.unchanged(out, formats, title, made)
    if same is None:
        return None
    record = make_record(files, options, base, formats, out, same.written, digests, exported_digests(last.record(), formats, title))
    if not record_is_written(out, record):
        return None
    log.info("nothing changed since the last build into %s: no file written", printable(str(out)))
    return BuildResult(None, None, written=list(same.written), ignored=ignored, record=out / RECORD_NAME, unchanged=same)


def page_keys(cache: Path | None, files: list[Path], options: Options) -> tuple[list[str | None], list[str | None]]:
    """Each page's cache key and the SHA-1 of its bytes (None for a page that cannot be read); none without a cache."""
    if cache is None:
        return [], []
    pages = PageCache(cache)
    keyed = [pages.digest_and_key(f, options) for f in files]
    return [k[1] if k else None for k in keyed], [k[0] if k else None for k in keyed]


def changed_while_read(files: list[Path], digests: list[str | None], read: list[str]) -> bool:
    """Whether a page's bytes, when its result was made, were not those it had when the build took its key (and say so).

    Without a cache no key was taken (`digests` is empty): there is nothing to compare.
    """
    # a page with no result made from bytes (unreadable, empty, too big) is hashed now: it may have been emptied or removed
    changed = [f for f, then, now in zip(files, digests, read, strict=False) if then and (now or file_sha1(f) or "") != then]
    if changed:
        log.warning("%d page(s) changed while this build read them, %s the first: the graph holds what was read; "
                    "build again to have it hold what they are now", len(changed), printable(str(changed[0])))
    return bool(changed)


def own_stems(files: list[Path]) -> bool:
    """Whether no two pages give one article stem: then each page's articles are resolved as its result comes."""
    stems = [article_stem(recorded_name(f.name)) for f in files]
    return len(set(stems)) == len(stems)


def noting_digests(results: Iterable[R], digests: list[str]) -> Iterator[R]:
    """`results`, each result's digest (of the bytes it was made from) added to `digests` as it goes by."""
    for r in results:
        digests.append(r.digest)
        yield r


def resolving(
    paths: list[str | Path], files: list[Path], ignored: tuple[FileReport, ...], results: Iterable[PageResult | ResolvedPage],
    gaz: Gazetteer, spill: Spill | None = None, keep: KeptResolution | None = None,
) -> Callable[[], tuple[Corpus, Mapping[str, Spilled | str]]]:
    """Read the pages' results; returns what gives their corpus, and the bodies of its articles kept in `spill`.

    When no two pages share a name or an article stem (the usual build),
    each page's articles are resolved as its result comes and its records
    are dropped: what is kept is what the graph is made of, never every
    page's records, and with a `spill` not their bodies (the corpus's
    articles have empty ones; the map gives each, by the article's id).
    Otherwise the records are gathered and resolved at the end, where
    same-named pages and shared ids are told apart. A page given as the
    resolution read it (`ResolvedPage`) has its items' Parts folded in;
    `keep(index, page, parts)` is given every page as it is read, with
    its items' Parts if they were made, to keep.
    """
    if keep is None and not own_stems(files):  # a build that keeps its pages as resolved has found its stems its own
        facts, reports = gather(paths, files, ignored, results)
        printed = unique_ids(facts)
        return lambda: (resolve(dedupe_articles(printed), gaz, tuple(reports), printed), {})
    resolver, articles = Resolver(gaz), Articles(spill)
    found: list[FileReport] = []
    for i, r in enumerate(reporting(paths, files, ignored, results, found)):  # each page's ids are its own: no clash
        if isinstance(r, ResolvedPage):
            assert keep is not None  # run_pages gives a page as resolved only to a build that keeps them
            if (kept := keep.parts(r)) is not None:
                for a, part, first in zip(r.articles, kept, articles.first_printed(r.articles), strict=True):
                    if first:
                        resolver.fold(a.id, part)
                keep(i, r, kept)
                continue
            r = keep.stored(i)  # not what a build writes: the page's result is read instead
        parts = resolver.add_page(articles.new(r.facts), r.facts, parts=keep is not None)
        if keep is not None:
            keep(i, r, parts)
    return lambda: (resolver.finish(articles.kept, tuple(found)), articles.bodies)


def gather(
    paths: list[str | Path], files: list[Path], ignored: tuple[FileReport, ...], results: Iterable[PageResult | ResolvedPage]
) -> tuple[list[ArticleFacts], list[FileReport]]:
    """The articles' facts and the reports of the pages' results (in the order of `files`), same-named pages kept apart.

    NoPagesError, saying where the build looked and what it skipped, when
    no page could be read (a page with no news item was read).
    """
    facts: list[ArticleFacts] = []
    reports: list[FileReport] = []
    ids: dict[str, tuple[Path, str]] = {}
    for path, r in zip(files, reporting(paths, files, ignored, results, reports), strict=True):
        if not isinstance(r, PageResult):  # run_pages gives a page as resolved only where pages' stems are their own
            raise TypeError(f"{path}: its items are gathered, so its result is needed, not the page as resolved")
        facts.extend(without_id_clashes(path, r, ids).facts)
    return facts, reports


def reporting(
    paths: list[str | Path], files: list[Path], ignored: tuple[FileReport, ...], results: Iterable[R],
    reports: list[FileReport],
) -> Iterator[R]:
    """`results`, each one's report added to `reports` as it goes by; once they are all read, NoPagesError
    (saying where the build looked and what it skipped) if no page could be read."""
    read = 0
    for r in results:
        if r.report is not None:
            reports.append(r.report)
        read += r.report is None or not r.report.skipped
        yield r
    if not read:
        raise NoPagesError(*nothing_read(paths, files, [*ignored, *reports]))


def nothing_read(paths: list[str | Path], files: list[Path], reports: list[FileReport]) -> tuple[str, list[str]]:
    """The message of a build that read no page (where it looked), and its details: what it found and skipped."""
    where = ", ".join(str(p) for p in paths) or "the input"
    if not files and not reports:
        return f"nothing to build: no file in {where}; give folders or files of .txt pages", []
    shown = [f"{r.path}: {r.reason}" for r in reports[:10]] + ([f"… and {len(reports) - 10} more"] if len(reports) > 10 else [])
    head = (f"nothing to build: no text page in {where}" if not files
            else f"nothing to build: none of the {len(files)} page(s) in {where} could be read")
    return head + f"; found and skipped {len(reports)} file(s):", shown


__all__ = ["build", "process_page", "page_facts", "Options", "BuildResult"]

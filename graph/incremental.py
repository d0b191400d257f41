"""Incremental builds: what the last build computed is not computed again, and the output is the same bytes.

Three shortcuts, each around a stage of graph.pipeline:

- `cached_pages`: the per-page stage behind the page cache (a page whose
  bytes, options and code are unchanged is not read again);
- `LastBuild`: the exports, when no page changed at all;
- `export_changed`: an export whose file is still the one the same graph
  wrote is left alone.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

from graph import collector
from graph.cache import BuildNotes, PageCache, SlugCache, remove_leftovers
from graph.export.formats import FORMATS, write_side_by_side
from graph.files import file_sha1, printable
from graph.fold import packed, unpacked
from graph.iri import slugs_used, use_slugs
from graph.model import ENTITY_TYPES, Corpus, FileReport, PageResult, Part, ResolvedPage
from graph.pages import Item, Options, process_pages
from graph.resolve import MENTIONS_READ
from graph.resolved import ResolvedPages

G = TypeVar("G")  # what `with_slugs` makes: a graph, or its builder
log = logging.getLogger("newskg")

Compute = Callable[[list[Item]], Iterable[tuple[int, PageResult]]]
ExportRecord = dict[str, list[tuple[str, str]]]  # "format|title" -> [(file, sha1)] of what the format wrote


def usable_cache(cache_dir: str | Path | None) -> Path | None:
    """The cache folder, created and cleared of a killed build's leftovers; None (and a warning) if it cannot be written."""
    if cache_dir is None:
        return None
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


def cached_pages(
    compute: Compute, items: list[Item], cache: PageCache, options: Options, keys: list[str | None] | None = None,
    resolved: ResolvedPages | None = None,
) -> tuple[dict[int, Callable[[], PageResult | ResolvedPage]], Iterator[tuple[int, PageResult]]]:
    """The per-page stage behind the page cache: ({index: what loads the stored result}, `compute`'s results for the others).

    A page whose key has a stored entry is not computed, and its entry is
    decoded only when its result is asked for (in input order, as the
    resolution takes it), so no more than one stored page's records are in
    memory at a time; an entry found damaged then is computed in this
    process and stored again. The other pages' results are stored as they
    come, under the key of the bytes each was made from (`_keep`), but for
    a skipped page's report (its file may be readable next time). `keys`,
    if given, are the pages' keys already computed, by index (None for a
    page that cannot be read). A page `resolved` holds is given as the
    last build's resolution read it (`ResolvedPage`), not decoded.
    """
    known: dict[int, Callable[[], PageResult | ResolvedPage]] = {}
    todo: list[Item] = []
    for i, f in items:
        key = keys[i] if keys else cache.key(f, options)
        if key is not None and cache.has(key):
            known[i] = functools.partial(_resolved_or_stored, resolved, cache, key, str(f), options)
        else:
            todo.append((i, f))
    log.info("cache: %d of %d pages stored (each decoded when it is resolved)", len(known), len(items))
    return known, _storing(compute(todo), cache, {i: Path(f) for i, f in todo}, options)


def _stored(cache: PageCache, key: str, path: str, options: Options) -> PageResult:
    """The page's stored result; computed here and stored again when its entry turns out damaged (load warns)."""
    with collector.paused():  # decoding makes many records that live on, and no cycle: no collector passes over them
        hit = cache.load(key)
    if hit is not None:
        return hit
    result = as_read(process_pages([path], options)[0])
    _keep(cache, Path(path), options, result)
    return result


def _resolved_or_stored(
    resolved: ResolvedPages | None, cache: PageCache, key: str, path: str, options: Options
) -> PageResult | ResolvedPage:
    """The page as the last build's resolution read it (its items and their Parts), where `resolved` holds it; else
    `_stored`."""
    with collector.paused():
        hit = resolved.get(key) if resolved is not None else None
    return hit if hit is not None else _stored(cache, key, path, options)


class KeptResolution:
    """The pages as this build's resolution reads them, kept for the next build (graph.resolved.ResolvedPages): each page
    as `keep(index, page, parts)` is given it, the file the last build kept replaced once every page is read (the
    `with` block ends), left as it was if the build stops before."""

    def __init__(self, cache: Path, files: list[Path], options: Options) -> None:
        self.pages, self._cache, self._files, self._options = ResolvedPages(cache), PageCache(cache), files, options

    def __call__(self, index: int, result: PageResult | ResolvedPage, parts: list[Part]) -> None:
        """Keep a page as the resolution read it: its items, reprints too, and each one's Part (graph.resolve), under
        the key of the bytes it was made from (as `_keep` keeps its result; a skipped page's is not kept). A page read
        as resolved is kept as it was read."""
        if isinstance(result, ResolvedPage):
            self.pages.again(result)
        elif _storable(result):
            key = self._cache.key_for(result.digest, self._files[index], self._options)
            self.pages.put(ResolvedPage(key, result.name, tuple(f.article for f in result.facts), packed(parts),
                                        result.report, result.digest))

    def parts(self, page: ResolvedPage) -> list[Part] | None:
        """The Parts of a page read as resolved; None when they are not what a build writes (the file's one warning)."""
        try:
            return unpacked(page.parts)
        except ValueError as e:
            self.pages.damaged(e)
            return None

    def stored(self, index: int) -> PageResult:
        """The page's result, stored or computed again: for a page whose Parts as kept are unusable."""
        path = self._files[index]
        key = self._cache.key(path, self._options)
        return _stored(self._cache, key, str(path), self._options) if key else as_read(process_pages([str(path)], self._options)[0])

    def __enter__(self) -> KeptResolution:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.pages.finish() if kind is None else self.pages.close()


def _keep(cache: PageCache, path: Path, options: Options, result: PageResult) -> None:
    """Store a page's result under the key of the bytes it was made from, but for a skipped page's report (its file
    may be readable next time). A page rewritten after its key was taken is stored as what was read, not as it was."""
    if _storable(result):
        cache.store(cache.key_for(result.digest, path, options), result)


def _storable(result: PageResult) -> bool:
    """Whether a page's result is kept: one made from bytes, but not a skipped page's report (its file may be readable
    next time)."""
    return bool(result.digest) and (result.report is None or not result.report.skipped)


def as_read(result: PageResult) -> PageResult:
    """A page's result as the build reads it (graph.pipeline.run_pages) and the page cache keeps it: its articles'
    mentions of the classes the resolution reads (graph.resolve.MENTIONS_READ: people, to tell a byline's name from
    one the text prints), not every place and body each names (seven mentions in eight, a seventh of a stored
    result's bytes: decoded at every rebuild). The build makes the same graph from either."""
    return dataclasses.replace(result, facts=tuple(
        dataclasses.replace(f, mentions=tuple(m for m in f.mentions if m.type in MENTIONS_READ)) for f in result.facts))


def _storing(
    computed: Iterable[tuple[int, PageResult]], cache: PageCache, paths: dict[int, Path], options: Options
) -> Iterator[tuple[int, PageResult]]:
    for i, r in computed:
        _keep(cache, paths[i], options, r)
        yield i, r


class LastBuild:
    """What the last build wrote, when no page and no setting changed since: a small note in the cache.

    The note holds the digests of the exports that build's graph wrote,
    the graph's counts and the corpus's reports. With it, `unchanged` tells
    that a folder already holds this build's exports without computing
    anything, and `record` lets a build that makes that same graph again
    leave alone every export still as it was written. Only a build whose
    every page has a key (every page could be read) has one. The corpus and
    graph themselves are not kept: made again from the stored pages, they
    cost less than writing and reading them (20 MB: 2.4 s more to make
    than to read, 1.5 s a build saved by not writing them, 100 MB of disk).
    """

    def __init__(self, cache_dir: Path | None, page_keys: list[str | None], files: list[Path], settings: Any) -> None:
        known = [k for k in page_keys if k is not None]
        self._cache = BuildNotes(cache_dir) if cache_dir is not None and len(known) == len(page_keys) else None
        self._key = self._cache.key([*known, *map(str, files)], settings) if self._cache else ""
        self._note: dict | None = None
        self._read = False

    def note(self) -> dict | None:
        """The last build's note, when it had this build's pages and settings (read once)."""
        if not self._read and self._cache is not None:
            self._note, self._read = self._cache.load_note(self._key), True
        return self._note

    def record(self) -> ExportRecord:
        """What each format's export of this build's graph wrote last time ({"format|title": [(file, sha1)]}); {} if unknown.

        An entry is kept only if it names its format's files, in order: a
        forged note cannot make a build leave alone a file it must write.
        """
        out: ExportRecord = {}
        try:
            for k, v in self.note()["exports"].items():  # type: ignore[index]
                entry = [(a, b) for a, b in v if isinstance(a, str) and isinstance(b, str)]
                fmt = k.split("|", 1)[0] if isinstance(k, str) else None
                if fmt in FORMATS and [name for name, _ in entry] == list(FORMATS[fmt].files):
                    out[k] = entry
        except (AttributeError, KeyError, TypeError, ValueError):
            return {}
        return out

    def _parts(self) -> tuple[dict[str, Any], tuple[FileReport, ...], int] | None:
        """The note's counts, reports and node count, if they are what `remember` writes; else None."""
        note = self.note()
        try:
            counts, nodes = note["counts"], note["nodes"]  # type: ignore[index]
            reports = tuple(FileReport(a, b, c) for a, b, c in note["reports"])  # type: ignore[index]
        except (KeyError, TypeError, ValueError):
            return None
        if (not _counts_fit(counts) or not _whole(nodes)
                or not all(isinstance(r.path, str) and isinstance(r.reason, str) and isinstance(r.skipped, bool) for r in reports)):
            return None
        return counts, reports, nodes

    def unchanged(self, out_dir: Path, formats: tuple[str, ...], title: str,
                  made: Callable[[], tuple[Corpus, nx.MultiDiGraph]]) -> Unchanged | None:
        """What the folder holds, when it holds every format's files as this graph's exports wrote them; else None.

        `made` makes the corpus and graph, should they be asked for.
        """
        exports, parts, written = self.record(), self._parts(), []
        if parts is None:
            return None
        for fmt in formats:
            entry = exports.get(f"{fmt}|{title}")
            if entry is None:
                return None
            for name, digest in entry:
                if file_sha1(out_dir / name) != digest:
                    return None
                written.append(out_dir / name)
        return Unchanged(written, *parts, made)

    def remember(self, reports: tuple[FileReport, ...], g: nx.MultiDiGraph, exported: ExportRecord) -> bool:
        """Keep this build's note (its corpus's `reports`) for the next build; False when the note found says the same
        (and is whole)."""
        if self._cache is None or (self._parts() is not None and exported == self.record()):
            return False
        self._cache.store_note(self._key, {"exports": exported, "counts": graph_counts(g),
                                           "reports": [list(dataclasses.astuple(r)) for r in reports],
                                           "nodes": g.number_of_nodes()})
        return True


def _whole(n: object) -> bool:
    return isinstance(n, int) and not isinstance(n, bool) and n >= 0


def _counts_fit(counts: object) -> bool:
    """Whether `counts` has the shape of `graph_counts`' (whole numbers, the entities' by class)."""
    if not isinstance(counts, dict) or set(counts) != {"articles", "entities", "events", "memberships", "edges"}:
        return False
    entities = counts["entities"]
    return (isinstance(entities, dict) and set(entities) == set(ENTITY_TYPES) and all(map(_whole, entities.values()))
            and all(_whole(v) for k, v in counts.items() if k != "entities"))


@dataclass(frozen=True)
class Unchanged:
    """A folder that holds the exports of the graph a build would make: nothing need be made or written."""

    written: list[Path]  # the exports' files, as a build writes them
    counts: dict[str, Any]  # graph_counts of the graph
    reports: tuple[FileReport, ...]  # the corpus's reports
    nodes: int  # the graph's nodes
    made: Callable[[], tuple[Corpus, nx.MultiDiGraph]] = field(repr=False)  # makes the corpus and graph, if asked for


def exported_digests(record: ExportRecord, formats: Iterable[str], title: str) -> dict[str, str]:
    """The SHA-1 of each file the exports of `formats` under `title` wrote, by its name in the folder, as `record` holds them."""
    return {name: digest for fmt in formats for name, digest in record.get(f"{fmt}|{title}", ())}


def graph_counts(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The build summary's counts of the graph (articles, entities by class, events, posts, edges): every article of
    the corpus is a node of its own."""
    kinds = Counter(kind for _, kind in g.nodes(data="kind"))
    return {
        "articles": kinds["Article"],
        "entities": {k: kinds[k] for k in ENTITY_TYPES},
        "events": kinds["Event"],
        "memberships": kinds["Membership"],
        "edges": g.number_of_edges(),
    }


def with_slugs(make_graph: Callable[[], G], cache_dir: Path | None) -> G:
    """`make_graph()`, minting IRIs from the pinyin slugs the last build kept in the cache, and keeping this build's."""
    if cache_dir is None:
        return make_graph()
    slugs = SlugCache(cache_dir)
    use_slugs(slugs.load())
    g = make_graph()
    slugs.store(slugs_used())
    return g


def export_changed(
    g: nx.MultiDiGraph, out_dir: Path, formats: Iterable[str], title: str, record: ExportRecord, cache: Path | None = None,
    processes: int = 1,
) -> list[Path]:
    """Write the formats whose files are not all as an export of this same graph left them; returns every format's paths.

    `record` holds what earlier exports of the graph wrote ({"format|title":
    [(file, sha1)]}); it is updated with what is written now. `cache`: where
    a format keeps what lets it write a changed graph faster (write_format).
    With `processes` over 1, formats are written side by side (write_side_by_side).
    """
    formats = list(dict.fromkeys(formats))
    kept = {fmt: [out_dir / name for name, _ in entry] for fmt in formats
            if (entry := record.get(f"{fmt}|{title}")) and all(file_sha1(out_dir / name) == digest for name, digest in entry)}
    written = write_side_by_side([fmt for fmt in formats if fmt not in kept], g, out_dir, title, cache, processes)
    for fmt, paths in written.items():
        record[f"{fmt}|{title}"] = [(p.relative_to(out_dir).as_posix(), file_sha1(p) or "") for p in paths]
    return [path for fmt in formats for path in kept.get(fmt) or written[fmt]]


__all__ = ["usable_cache", "cached_pages", "KeptResolution", "LastBuild", "Unchanged", "exported_digests", "graph_counts", "with_slugs", "export_changed"]

"""Incremental builds: what the last build computed is not computed again, and the output is the same bytes.

Three shortcuts, each around a stage of graph.pipeline:

- `cached_pages`: the per-page stage behind the page cache (a page whose
  bytes, options and code are unchanged is not read again);
- `LastCorpus`: resolution and the graph, when no page changed at all;
- `export_changed`: an export whose file is still the one the same graph
  wrote is left alone.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.cache import CorpusCache, PageCache, remove_leftovers
from graph.export.formats import write_format
from graph.files import file_sha1, printable
from graph.model import Corpus, PageResult
from graph.pages import Item, Options

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
    compute: Compute, items: list[Item], cache: PageCache, options: Options, keys: list[str | None] | None = None
) -> tuple[dict[int, PageResult], Iterator[tuple[int, PageResult]]]:
    """The per-page stage behind the page cache: (stored results by index, `compute`'s results for the other pages).

    A page whose key matches a stored entry is not computed; the others'
    results are stored as they come, but for a skipped page's report (its
    file may be readable next time). `keys`, if given, receives each page's
    key (None for a page that cannot be read).
    """
    known: dict[int, PageResult] = {}
    todo: list[Item] = []
    key_of: dict[int, str] = {}  # cache keys of the pages computed now
    for i, f in items:
        key, hit = cache.lookup(f, options)
        if keys is not None:
            keys.append(key)
        if hit is not None:
            known[i] = hit
        else:
            todo.append((i, f))
            if key is not None:
                key_of[i] = key
    log.info("cache: %d of %d pages unchanged", len(known), len(items))
    return known, _storing(compute(todo), cache, key_of)


def _storing(computed: Iterable[tuple[int, PageResult]], cache: PageCache, key_of: dict[int, str]) -> Iterator[tuple[int, PageResult]]:
    for i, r in computed:
        if i in key_of and (r.report is None or not r.report.skipped):
            cache.store(key_of[i], r)
        yield i, r


class LastCorpus:
    """The last build's corpus, graph and export record, found when no page and no setting changed since.

    Only a build whose every page has a key (every page could be read) can
    use it; `found` is None without a cache or when the last build differs.
    """

    def __init__(self, cache_dir: Path | None, page_keys: list[str | None], files: list[Path], settings: Any) -> None:
        known = [k for k in page_keys if k is not None]
        self._cache = CorpusCache(cache_dir) if cache_dir is not None and len(known) == len(page_keys) else None
        self._key = self._cache.key([*known, *map(str, files)], settings) if self._cache else ""
        self.found: tuple[Corpus, nx.MultiDiGraph, ExportRecord] | None = self._cache.load(self._key) if self._cache else None
        self._record = dict(self.found[2]) if self.found else {}  # as found, before this build's exports

    def remember(self, corpus: Corpus, g: nx.MultiDiGraph, exported: ExportRecord) -> bool:
        """Keep this build's corpus, graph and export record for the next build; False when the entry found holds them."""
        if self._cache is None or (self.found is not None and exported == self._record):
            return False
        self._cache.store(self._key, corpus, g, exported)
        return True


def export_changed(g: nx.MultiDiGraph, out_dir: Path, formats: Iterable[str], title: str, record: ExportRecord) -> list[Path]:
    """Write the formats whose files are not all as an export of this same graph left them; returns every format's paths.

    `record` holds what earlier exports of the graph wrote ({"format|title":
    [(file, sha1)]}); it is updated with what is written now.
    """
    done: list[Path] = []
    for fmt in formats:
        entry = record.get(f"{fmt}|{title}")
        if entry and all(file_sha1(out_dir / name) == digest for name, digest in entry):
            done.extend(out_dir / name for name, _ in entry)
            continue
        paths = write_format(fmt, g, out_dir, title)
        record[f"{fmt}|{title}"] = [(p.relative_to(out_dir).as_posix(), file_sha1(p) or "") for p in paths]
        done.extend(paths)
    return done


__all__ = ["usable_cache", "cached_pages", "LastCorpus", "export_changed"]

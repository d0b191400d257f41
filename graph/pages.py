"""Per-page stage: one page file -> its PageResult (read, normalize, split, extract); a bad file is reported, never raised.

A page's result is a pure function of its bytes, its name, its date and
the code's version, so it can be computed here, in worker processes
(graph.workers), on a Dask cluster (graph.distributed) or come from the
cache (graph.incremental), and the output is the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputError
from graph.extract import Extractor
from graph.extract.wordbreak import dictionary_words
from graph.files import recorded_name
from graph.model import FileReport, Page, PageResult
from graph.read import read_page
from graph.split import split_page
from graph.traditional import with_printed_forms

log = logging.getLogger("newskg")

Item = tuple[int, Path]  # a page file and its place in the input: the unit of per-page work


@dataclass(frozen=True)
class Options:
    """What a build reads and how; part of the cache key where it changes the output."""

    encoding: str | None = None
    max_bytes: int = 20 * 1024 * 1024
    dates: tuple[tuple[str, dt.date], ...] = ()  # from a manifest


@functools.cache
def _extractor() -> Extractor:
    """One Extractor a process: it loads the tagger and the gazetteer once."""
    return Extractor()


def process_page(path: str, options: Options = Options()) -> PageResult:
    """Read, split and extract one page. Never raises for a bad file: it reports it."""
    name = recorded_name(Path(path).name)
    try:
        page = read_page(path, encoding=options.encoding, max_bytes=options.max_bytes, dates=dict(options.dates))
    except InputError as e:
        return PageResult(name, (), FileReport(e.path, e.reason))
    try:
        result = page_facts(page, str(path))
    except Exception as e:  # a bug met on one page must not stop an overnight build of thousands
        log.debug("internal error on %s", path, exc_info=True)
        reason = f"could not be processed, an internal error ({type(e).__name__}: {e}); please report it with this file"
        return PageResult(name, (), FileReport(str(path), reason))
    if name != Path(path).name and result.report is None:  # built, under a name every export can hold
        reason = f"its name is not UTF-8; the graph records it as '{name}'; rename the file to keep its name"
        result = PageResult(result.name, result.facts, FileReport(str(path), reason, skipped=False))
    return result


def page_facts(page: Page, path: str | None = None) -> PageResult:
    """Split and extract one decoded page; `path` names it in a report (default: its name)."""
    articles = split_page(page, dictionary_words())  # tells a break inside a word from one after a heading
    if not articles:
        return PageResult(page.name, (), FileReport(path or page.name, "holds no news item (no body text was found); check it is a news page", skipped=False))
    facts = _extractor().extract(articles)
    # a page read in traditional characters: what it printed becomes each name's alias
    return PageResult(page.name, tuple(with_printed_forms(page, facts)))


__all__ = ["Options", "Item", "process_page", "page_facts"]

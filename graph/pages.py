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
from dataclasses import dataclass, replace
from pathlib import Path

from graph.errors import InputError
from graph.extract import Extractor
from graph.extract.tagger import get_tagger
from graph.extract.wordbreak import dictionary_words, forget_dictionary
from graph.files import recorded_name
from graph.model import Article, FileReport, Page, PageResult
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


def release_models() -> None:
    """Let go of this process's tagger (the ONNX session, its tables and cache) and of jieba's words (30 MB of RSS):
    the build's graph needs the memory."""
    _extractor.cache_clear()
    get_tagger.cache_clear()
    forget_dictionary()


def process_page(path: str, options: Options = Options()) -> PageResult:
    """Read, split and extract one page. Never raises for a bad file: it reports it."""
    return process_pages([path], options)[0]


def process_pages(paths: list[str], options: Options = Options()) -> list[PageResult]:
    """`process_page` of each path; the sentences of all the pages are tagged in one batch first.

    The encoder is faster on larger batches of sentences of one length, and a
    sentence's tags do not depend on its batch: the results are those of
    `process_page`, page by page.
    """
    ready = [_split(path, options) for path in paths]
    try:
        _extractor().warm([a for r in ready if not isinstance(r, PageResult) for a in r[1]])
    except Exception:  # the page that causes it reports it below
        log.debug("internal error tagging a batch of pages", exc_info=True)
    return [r if isinstance(r, PageResult) else _facts(path, *r) for path, r in zip(paths, ready, strict=True)]


def _split(path: str, options: Options) -> PageResult | tuple[Page, list[Article]]:
    """A page and its articles, or the result of a page that has none (unreadable, empty, an internal error)."""
    name = recorded_name(Path(path).name)
    try:
        page = read_page(path, encoding=options.encoding, max_bytes=options.max_bytes, dates=dict(options.dates))
    except InputError as e:
        return PageResult(name, (), FileReport(e.path, e.reason))
    try:
        articles = split_page(page, dictionary_words())  # tells a break inside a word from one after a heading
    except Exception as e:  # a bug met on one page must not stop an overnight build of thousands
        return _internal_error(name, path, e, page.digest)
    if not articles:
        return _no_item(page, path)
    return page, articles


def _facts(path: str, page: Page, articles: list[Article]) -> PageResult:
    """The extraction of a split page, reported under its path."""
    name = recorded_name(Path(path).name)
    try:
        result = _extract(page, articles)
    except Exception as e:
        return _internal_error(name, path, e, page.digest)
    if name != Path(path).name and result.report is None:  # built, under a name every export can hold
        reason = f"its name is not UTF-8; the graph records it as '{name}'; rename the file to keep its name"
        result = replace(result, report=FileReport(str(path), reason, skipped=False))
    return result


def _internal_error(name: str, path: str, e: Exception, digest: str) -> PageResult:
    log.debug("internal error on %s", path, exc_info=True)
    reason = f"could not be processed, an internal error ({type(e).__name__}: {e}); please report it with this file"
    return PageResult(name, (), FileReport(str(path), reason), digest)


def _no_item(page: Page, path: str | None) -> PageResult:
    reason = "holds no news item (no body text was found); check it is a news page"
    return PageResult(page.name, (), FileReport(path or page.name, reason, skipped=False), page.digest)


def page_facts(page: Page, path: str | None = None) -> PageResult:
    """Split and extract one decoded page; `path` names it in a report (default: its name)."""
    articles = split_page(page, dictionary_words())  # tells a break inside a word from one after a heading
    if not articles:
        return _no_item(page, path)
    return _extract(page, articles)


def _extract(page: Page, articles: list[Article]) -> PageResult:
    facts = _extractor().extract(articles)
    # a page read in traditional characters: what it printed becomes each name's alias
    return PageResult(page.name, tuple(with_printed_forms(page, facts)), digest=page.digest)


__all__ = ["Options", "Item", "process_page", "process_pages", "page_facts", "release_models"]

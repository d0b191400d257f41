"""Where per-page work runs: (index, page file) items -> (index, PageResult), here, in worker processes or on Dask.

Each runner yields results in the order they complete and keeps only a few
pages per worker in flight, so memory holds no more than the results the
caller keeps; `in_input_order` puts them back in the order of the input.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from graph import collector
from graph.distributed import run_on_dask
from graph.model import PageResult, ResolvedPage
from graph.pages import Item, Options, process_pages

PAGES_PER_BATCH = 64  # pages a process reads, then tags in one batch, then extracts (graph.pages.process_pages)
MIN_PAGES_PER_BATCH = 8  # fewer pages a batch where a pool would otherwise have too few batches to share
IN_FLIGHT_PER_PROCESS = 2  # batches queued per worker process: bounds the memory their results take

Progress = Callable[[int, int, str], None]  # (pages done, pages in all, the last page's name)


def compute_pages(items: list[Item], options: Options, jobs: int = 1, scheduler: str | None = None) -> Iterator[tuple[int, PageResult]]:
    """(index, PageResult) of each item, in completion order: on the Dask `scheduler`, in `jobs` processes, or here."""
    if scheduler:
        yield from run_on_dask(scheduler, [(i, str(f)) for i, f in items], options)
    elif jobs > 1 and len(items) > 1:
        yield from _in_processes(items, options, jobs)
    else:
        for batch in _batches(items, batch_size(len(items), 1)):
            yield from zip([i for i, _ in batch], process_pages([str(f) for _, f in batch], options), strict=True)


def _batches(items: list[Item], size: int) -> Iterator[list[Item]]:
    for k in range(0, len(items), size):
        yield items[k : k + size]


def batch_size(pages: int, jobs: int) -> int:
    """Pages a batch for `jobs` processes: PAGES_PER_BATCH; for a pool, ceil(pages / (jobs * IN_FLIGHT_PER_PROCESS
    * 2)) where that is fewer (not under MIN_PAGES_PER_BATCH): about four batches a process, at least two where the
    pages allow.

    The encoder runs on the sentences of one length together, and a batch of
    many pages holds more of them (a 5 MB build's encoder runs took a fifth
    less time at 64 pages a batch than at 8); the price is the batch's
    results, held until they are resolved (a 20 MB build peaked at 369 MB
    against 343). A pool needs batches enough that no process waits while
    the other works through a long one.

    >>> batch_size(3555, 1), batch_size(3555, 2), batch_size(64, 2), batch_size(5, 2)
    (64, 64, 8, 8)
    """
    share = -(-pages // (jobs * IN_FLIGHT_PER_PROCESS * 2)) if jobs > 1 else PAGES_PER_BATCH
    return max(MIN_PAGES_PER_BATCH, min(PAGES_PER_BATCH, share))


def _in_processes(items: list[Item], options: Options, jobs: int) -> Iterator[tuple[int, PageResult]]:
    """(index, PageResult) computed by a pool of `jobs` processes, at most a few batches a process in flight."""
    with ProcessPoolExecutor(max_workers=jobs, initializer=_quiet_worker) as pool:
        queue = _batches(items, batch_size(len(items), jobs))
        running: dict[Future[list[PageResult]], list[int]] = {}
        for batch in queue:
            running[pool.submit(process_pages, [str(f) for _, f in batch], options)] = [i for i, _ in batch]
            if len(running) >= IN_FLIGHT_PER_PROCESS * jobs:
                break
        while running:
            ready, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in ready:
                index = running.pop(fut)
                for batch in queue:
                    running[pool.submit(process_pages, [str(f) for _, f in batch], options)] = [i for i, _ in batch]
                    break
                yield from zip(index, fut.result(), strict=True)


def _quiet_worker() -> None:
    """A pool process's start: jieba's log quiet, and the cycle collector on (a process forked in the pages stage
    inherits it off, which its batches do not sweep; `resume` also puts the objects inherited in the oldest
    generation, unscanned)."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    collector.resume()


def in_input_order(
    total: int,
    known: Mapping[int, Callable[[], PageResult | ResolvedPage]],
    computed: Iterable[tuple[int, PageResult]],
    progress: Progress | None = None,
) -> Iterator[PageResult | ResolvedPage]:
    """The `total` results in input order, each as soon as every earlier one is known.

    `known` holds, by index, what gives the results at hand from the start
    (the cache's: each called only when its turn comes, so they are not all
    in memory at once); `computed` brings the others in any order, and
    `progress` is told of each of those.
    """
    pending = dict(known)
    results: dict[int, PageResult | ResolvedPage] = {}
    done = len(pending)
    nxt = 0

    def ready() -> Iterator[PageResult | ResolvedPage]:
        nonlocal nxt
        while nxt in results or nxt in pending:
            yield results.pop(nxt) if nxt in results else pending.pop(nxt)()
            nxt += 1

    for i, r in computed:  # asked first, so that the pool is at work while the stored results are decoded
        results[i] = r
        done += 1
        if progress:
            progress(done, total, r.name)
        yield from ready()
    yield from ready()


__all__ = ["compute_pages", "in_input_order", "batch_size", "IN_FLIGHT_PER_PROCESS", "MIN_PAGES_PER_BATCH", "PAGES_PER_BATCH"]

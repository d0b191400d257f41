"""graph.collector: the cycle collector paused for a stretch, and what the stretch made put past its young passes; the C heap's large blocks."""

from __future__ import annotations

import gc
import weakref

import pytest

from graph import collector
from tests.conftest import SEEDS


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


@pytest.fixture
def collecting():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_what_a_paused_stretch_made_is_in_the_oldest_generation_after(collecting) -> None:
    with collector.paused():
        assert not gc.isenabled()
        kept = [Node() for _ in range(1000)]
    assert gc.isenabled()
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(n) in oldest for n in kept)
    assert gc.get_count()[0] < 100  # the young generation starts afresh: no pass over the stretch's objects is due


def test_a_cycle_made_meanwhile_is_still_freed_by_a_full_pass(collecting) -> None:
    with collector.paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
    assert gone() is not None  # no pass has run
    gc.collect()
    assert gone() is None


def test_the_collector_stays_off_when_it_was_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_objects_the_program_froze_stay_frozen(collecting) -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector.paused():
            [Node() for _ in range(10)]
        assert gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_large_blocks_are_mapped_apart_once_a_build_starts(monkeypatch) -> None:
    """A build holds glibc's threshold for mapping a block apart at 128 KB, unless the environment set it."""
    from graph import pipeline

    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(collector, "_mallopt", lambda: lambda param, value: calls.append((param, value)) or 1)
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    collector.large_blocks_apart()
    assert calls == [(-3, 128 * 1024)]  # M_MMAP_THRESHOLD: fixed, no longer raised by each large block freed
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    collector.large_blocks_apart()
    assert len(calls) == 1, "the environment's own threshold is overridden"
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_")
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=2:glibc.malloc.mmap_threshold=4194304")
    collector.large_blocks_apart()
    assert len(calls) == 1, "the threshold set by glibc's tunable is overridden"
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=2")
    collector.large_blocks_apart()
    assert len(calls) == 2
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    monkeypatch.setattr(collector, "_mallopt", lambda: None)  # a C library without mallopt (macOS): nothing done
    collector.large_blocks_apart()
    made: list[bool] = []
    monkeypatch.setattr(collector, "large_blocks_apart", lambda: made.append(True))
    pipeline.build([SEEDS], None, formats=())
    assert made == [True]


def _cycle() -> weakref.ref:
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_the_cycles_a_paused_stretch_leaves_are_freed_every_few_items() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        left: list[weakref.ref] = []
        for n in collector.swept(range(1, 8), every=3):
            left.append(_cycle())
            assert [r() is None for r in left] == [k <= (n - 1) // 3 * 3 for k in range(1, n + 1)]
        assert [r() is None for r in left] == [True] * 6 + [False]  # the last, short stretch: freed by the next full pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_no_pass_is_made_while_the_collector_is_on(collecting, monkeypatch) -> None:
    passes: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda generation=2: passes.append(generation) or 0)
    assert list(collector.swept(range(10), every=2)) == list(range(10))
    assert passes == []


def test_a_build_reads_its_pages_with_the_collector_off_and_turns_it_on_after(collecting, monkeypatch) -> None:
    from graph import pipeline
    from graph.resolve import Resolver

    seen: list[bool] = []
    add_page = Resolver.add_page
    monkeypatch.setattr(Resolver, "add_page", lambda self, *a, **k: seen.append(gc.isenabled()) or add_page(self, *a, **k))
    pipeline.build([SEEDS], None, formats=())
    assert seen and not any(seen)
    assert gc.isenabled()


def _pages_of_a_pool_process(paths: list[str], options):
    """graph.pages.process_pages, in a pool's process, refusing to run with the cycle collector off."""
    from graph.pages import process_pages

    if not gc.isenabled():
        raise AssertionError("a pool process reads its pages with the cycle collector off")
    return process_pages(paths, options)


def test_a_pool_process_reads_its_pages_with_the_collector_on(collecting, monkeypatch) -> None:
    """The build turns the collector off before its pool is started: a process forked then starts with it on again."""
    from graph import pipeline, workers

    monkeypatch.setattr(workers, "process_pages", _pages_of_a_pool_process)
    result = pipeline.build([SEEDS], None, formats=(), jobs=2)
    assert result.graph.number_of_nodes() > 100 and gc.isenabled()
    gc.disable()
    workers._quiet_worker()
    assert gc.isenabled()

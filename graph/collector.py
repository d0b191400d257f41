"""The cycle collector around the stretches of a build that make many objects that live on and make no cycle,
and the C heap given back to the system between the stages that free much of it (`give_back`), its large
blocks each mapped apart (`large_blocks_apart`).

Objects made while the collector is off all sit in its youngest
generation: its first pass once it is on again scans every one of them,
and the next passes scan them again as they age (1.3 s of a 20 MB
one-page rebuild: 640 young passes, 58 middle, 4 full). `resume` puts
them in the oldest generation unscanned instead, where the next full
pass finds them as it finds any old object: nothing is kept that would
have been freed, it is only freed by a later pass.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off for the stretch, and on again after if it was on (`resume`)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            resume()


def resume() -> None:
    """Turn the collector on, every object it tracks moved to its oldest generation unscanned (`gc.freeze` then
    `gc.unfreeze`), unless the program froze some: those stay frozen, and the objects where they are."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
    gc.enable()


def swept(items: Iterable[T], every: int) -> Iterator[T]:
    """`items`, and after every `every` of them a pass over the collector's youngest generation while it is off.

    With the collector off, what a stretch makes stays young: a pass every
    so often frees the cycles left behind since the last (a page that
    failed leaves its exception's frames) and moves what lives on to the
    next generation, where no pass scans it again while the collector is
    off. Nothing is done while it is on: its own passes do that.
    """
    for n, item in enumerate(items, 1):
        yield item
        if n % every == 0 and not gc.isenabled():
            gc.collect(0)


def give_back() -> None:
    """Give back to the system the C heap's free memory (glibc's `malloc_trim`; nothing where the C library has none).

    glibc keeps what a program frees for its next allocations: after the
    tagger's models, the gazetteer or the arrays a frozen graph is sorted
    with are freed, the process held it through the graph and the exports
    (70 MB of the 80 MB corpus's graph stage). Python's own small objects
    are not moved, so only what is free is given back.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
LARGE_BLOCK = 128 * 1024  # glibc's own first threshold


def large_blocks_apart() -> None:
    """Have the C heap map each block of 128 KB or more apart, given back to the system as soon as it is freed.

    glibc starts so, then raises that threshold to the size of each large
    block freed (up to 32 MB): from then on numpy's sorting arrays, the
    exports' parts and the texts read back are carved from the heap, whose
    top stays where the largest of them left it (the 80 MB corpus built
    from the cache peaked at 487 MB, 455 MB with the threshold held).
    Setting it once holds it for the process (glibc's `mallopt`; nothing
    where the C library has none, nor when the environment has set it
    already: `MALLOC_MMAP_THRESHOLD_`, or `glibc.malloc.mmap_threshold`
    in `GLIBC_TUNABLES`).
    """
    mallopt = _mallopt()
    if mallopt is not None and not _threshold_set_by_environment():
        mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK)


def _threshold_set_by_environment() -> bool:
    """Whether glibc was told its threshold at start: `MALLOC_MMAP_THRESHOLD_`, or its tunable in `GLIBC_TUNABLES`."""
    tunables = os.environ.get("GLIBC_TUNABLES", "")
    return "MALLOC_MMAP_THRESHOLD_" in os.environ or any(
        t.partition("=")[0] == "glibc.malloc.mmap_threshold" for t in tunables.split(":"))


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    return _libc("malloc_trim")


@functools.cache
def _mallopt() -> Callable[[int, int], int] | None:
    return _libc("mallopt")  # glibc's (musl's does nothing, macOS has none)


def _libc(name: str) -> Callable | None:
    try:
        return getattr(ctypes.CDLL(None), name)  # the C library the interpreter runs on: glibc has it, macOS's and musl's not
    except (OSError, AttributeError, TypeError):  # TypeError: Windows loads no library by None
        return None


__all__ = ["paused", "resume", "swept", "give_back", "large_blocks_apart"]

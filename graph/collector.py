"""The cycle collector around the stretches of a build that make many objects that live on and make no cycle,
and the C heap given back to the system between the stages that free much of it (`give_back`).

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
from collections.abc import Callable, Iterator


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


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on: glibc has it, macOS's and musl's not
    except (OSError, AttributeError, TypeError):  # TypeError: Windows loads no library by None
        return None


__all__ = ["paused", "resume", "give_back"]

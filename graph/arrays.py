"""Arrays: the numpy steps a built graph (graph.compact) is sorted and laid out with, in 4-byte numbers.

numpy gives the order of a sort, and the places of a mask's true entries, as
8-byte numbers; for the edges of an 80 MB corpus (1.6 M) at once those were
the largest part of its graph's peak. These give them as uint32, made a
stretch at a time.
"""

from __future__ import annotations

import itertools
from array import array

import numpy as np


def numbers(log: array) -> np.ndarray:
    return np.frombuffer(log, dtype=np.uint32) if log else np.zeros(0, dtype=np.uint32)


def as_array(values: np.ndarray, code: str = "I") -> array:
    """`values` as an array.array of `code` (uint32, or int64 for "q"): its bytes read in place, copied once."""
    kept = array(code)
    kept.frombytes(np.ascontiguousarray(values, dtype=np.uint32 if code == "I" else np.int64).data.cast("B"))
    return kept


def sorted_by(high: np.ndarray, low: np.ndarray) -> np.ndarray:
    """The order that sorts entries by `high`, then `low` (two arrays of uint32), ties kept in their order, as uint32.

    Sorted a stretch of `high`'s values at a time, each stretch holding
    about an equal part of the entries (`_PARTS`; one value's entries are
    never split): numpy gives an order as 8-byte numbers, and for the whole
    edge log of an 80 MB corpus (1.6 M edges) those were 13 MB of its
    graph's peak. Each stretch keeps its entries' order (lexsort is
    stable), so the whole is lexsort's.
    """
    order = np.empty(len(high), dtype=np.uint32)
    if not len(high):
        return order
    upto = np.cumsum(np.bincount(high))  # how many entries have a value up to each one
    cuts = np.searchsorted(upto, [len(high) * k // _PARTS for k in range(1, _PARTS)]) + 1
    at = 0
    for lo, hi in itertools.pairwise(sorted({0, *cuts.tolist(), len(upto)})):
        picked = np.flatnonzero((high >= lo) & (high < hi))
        picked = picked[np.lexsort((low[picked], high[picked]))]
        order[at:at + len(picked)] = picked
        at += len(picked)
    return order


def where(mask: np.ndarray) -> np.ndarray:
    """`np.flatnonzero(mask)` as uint32, found a stretch at a time (not as 8-byte numbers for the whole mask)."""
    found = np.empty(int(np.count_nonzero(mask)), dtype=np.uint32)
    at, step = 0, max(1, -(-len(mask) // _PARTS))
    for a in range(0, len(mask), step):
        part = np.flatnonzero(mask[a:a + step])
        found[at:at + len(part)] = part + a
        at += len(part)
    return found


_PARTS = 8  # the stretches `sorted_by` and `where` work in


def counted(at: np.ndarray, weights: np.ndarray, kinds: np.ndarray, n: int, where: np.ndarray | None = None) -> np.ndarray:
    """The sum, at each of `n` numbers, of `weights[kinds]` over the entries at it (`at`: each entry's number; `kinds`:
    each entry's kind, `weights` a kind's weight), over the entries `where` holds (every entry without it): a weight
    at a time, never an array of weights of the entries' size (an 80 MB graph's pairs are 1.1 M)."""
    sums = np.zeros(n, dtype=np.int64)
    for w in sorted(set(weights.tolist()) - {0}):
        pick = (weights == w)[kinds]
        if where is not None:
            pick &= where
        sums += w * np.bincount(at[pick], minlength=n)
    return sums


def offsets(ends: np.ndarray, n: int) -> array:
    """Where each node's neighbours begin in arrays sorted by node (`ends`: each entry's node), and where the last ends."""
    off = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(ends, minlength=n), out=off[1:])
    return as_array(off, "q")


__all__ = ["as_array", "counted", "numbers", "offsets", "sorted_by", "where"]

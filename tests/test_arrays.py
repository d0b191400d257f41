"""The numpy steps a built graph is sorted with give numpy's own answers, in 4-byte numbers (graph.arrays)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.arrays import sorted_by, where

_VALUES = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 3)), max_size=200)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_an_order_made_a_stretch_at_a_time_is_lexsort_s_ties_in_their_order(pairs: list[tuple[int, int]]) -> None:
    high = np.array([h for h, _ in pairs], dtype=np.uint32)
    low = np.array([lo for _, lo in pairs], dtype=np.uint32)
    order = sorted_by(high, low)
    assert order.dtype == np.uint32
    assert order.tolist() == np.lexsort((low, high)).tolist()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.booleans(), max_size=200))
def test_the_places_found_a_stretch_at_a_time_are_flatnonzero_s(mask: list[bool]) -> None:
    found = where(np.array(mask, dtype=bool))
    assert found.dtype == np.uint32
    assert found.tolist() == np.flatnonzero(np.array(mask, dtype=bool)).tolist()


def test_a_large_order_is_made_in_stretches_and_is_still_lexsort_s() -> None:
    rng = np.random.default_rng(7)
    low = rng.integers(0, 50, 100_000).astype(np.uint32)
    even = rng.integers(0, 5000, 100_000).astype(np.uint32)
    skewed = np.where(rng.random(100_000) < 0.6, rng.integers(0, 20, 100_000), even).astype(np.uint32)  # as articles' edges
    for high in (even, skewed, np.full(100_000, 7, dtype=np.uint32)):
        assert np.array_equal(sorted_by(high, low), np.lexsort((low, high)))

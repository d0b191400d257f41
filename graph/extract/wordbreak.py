"""Word boundaries: where jieba's dictionary says a word runs, for telling a name's edge."""

from __future__ import annotations

import functools
from pathlib import Path

import jieba

from graph.normalize import spans_word as _across


@functools.cache
def dictionary_words(min_freq: int = 5) -> frozenset[str]:
    """Words of two or more characters from jieba's dictionary (for telling word boundaries)."""
    path = Path(jieba.__file__).parent / "dict.txt"
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, _, rest = line.partition(" ")
            if len(w) >= 2 and int(rest.split(" ", 1)[0] or 0) >= min_freq:
                words.add(w)
    return frozenset(words)


def spans_word(left: str, right: str, min_len: int = 2) -> bool:
    """True when a word of jieba's dictionary runs across the boundary between `left` and `right`."""
    return _across(left, right, dictionary_words(), reach=3, min_len=min_len)

"""The view's details kept: each drawn node's details entry, as JSON text, by a digest of all it is made from.

A drawn node's details (graph.export.details.entry) are a function of its
own data, its edges both ways, the data of the nodes at their other ends, a
membership's own out-edges and their ends (for a post), and the drawn ids
of all of those. A page changed changes a few of the 10,000 drawn nodes'
details, and a rebuild draws the same nodes with the same ids where the
graph around them is the same: so each entry is keyed by a digest of what
it is made from, read from the built graph's arrays (a text kept on disk
stands as its digest, never read back), and a rebuild writes the text the
last build made for its key where there is one, making only the others.

The texts are kept in the cache folder (graph.cache.BlockIndex, DETAILS),
tied to the code's and the exporting libraries' versions. A text is a pure
function of its key, so the file the view writes is the same bytes either
way; an entry that is damaged, or whose texts are not JSON objects, is no
entry (a writer of the cache can change what is copied, as with the
Turtle's blocks, never break the page's script: the view escapes every
text it writes, kept or made).
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import orjson

from graph.cache import DETAILS, BlockIndex
from graph.compact import table_of
from graph.export.details import ITEM_RELS, OTHERS_READ, OUT_ITEM_RELS, details, entry
from graph.spill import values_bytes

if TYPE_CHECKING:
    from graph.compact import _Table


class Encoded(str):
    """A value's JSON text, made before: the view writes it as it is."""

    __slots__ = ()


class KeptDetails:
    """The details entries the last build's view kept, by key; `entries` gives this view's, and keeps them."""

    def __init__(self, cache_dir: Path) -> None:
        self._index = BlockIndex(cache_dir, DETAILS)
        self._old = self._checked(self._index.load().get("texts"))

    @staticmethod
    def _checked(texts: object) -> dict[str, str]:
        """The kept texts, when each is a JSON object under a key of ours; else none (a damaged or forged entry)."""
        if not isinstance(texts, dict):
            return {}
        try:
            for k, v in texts.items():
                if not (isinstance(k, str) and len(k) == 32 and isinstance(v, str) and v.startswith("{")):
                    return {}
                if not isinstance(orjson.loads(v), dict):
                    return {}
        except orjson.JSONDecodeError:
            return {}
        return texts

    def entries(self, g: nx.MultiDiGraph, ids: dict[str, int], encode: Callable[[dict], str]
                ) -> Iterator[tuple[int, dict | Encoded]]:
        """(id, entry) as graph.export.details.details gives them, a kept one as its text; once the last has gone,
        this view's texts are kept for the next build (and only those: what no view draws now is let go)."""
        table = table_of(g)
        if table is None:  # a graph that is not a built one's arrays: nothing to key it by
            yield from details(g, ids)
            return
        key, old, new = _Keys(table, ids), self._old, {}
        for n, i in ids.items():
            k = key(n)
            text = old.pop(k, None)  # moved, not copied: the texts are held once
            if text is None:
                text = encode(entry(g, n, ids))
            new[k] = text
            yield i, Encoded(text)
        self._index.store({"texts": new})


class _Keys:
    """A drawn node's key: a digest of its row, each in-edge that gives an item with what the entry reads of its
    from-node (and a membership's out-edges, with what it reads of their ends), each out-edge with what it reads of
    its to-node, and all their drawn ids.

    What is read of each other node is digested once, with its drawn id
    (`_other`); a pair's keyed edges stand as their map's digest, each
    map's made once; each item is as long as any other, so that where one
    ends is known.
    """

    def __init__(self, table: _Table, ids: dict[str, int]) -> None:
        self.table, self.ids = table, ids
        self.maps = table.map_digests
        self.items = [not keyed.keys().isdisjoint(ITEM_RELS) for keyed in table.maps]
        self.out_items = [not keyed.keys().isdisjoint(OUT_ITEM_RELS) for keyed in table.maps]
        self.others: list[bytes | None] = [None] * len(table.ids)  # what an entry reads of a node, by its number (`_other`)
        self.fields = [tuple((name, f.index(name)) for name in OTHERS_READ if name in f) for f in table.fields]
        self.names = [marshal.dumps(tuple(name for name, _ in read), 2) for read in self.fields]
        at = [f.index("kind") if "kind" in f else -1 for f in table.fields]
        self.membership = [at[s] >= 0 and row[at[s]] == "Membership" for s, row in zip(table.shape, table.rows, strict=True)]

    def _other(self, i: int) -> bytes:
        """What an entry reads of node `i` when it is not the entry's own (details.OTHERS_READ, and its name, a label's
        stand-in) as a digest, and its drawn id (-1: none): the rest of its row (the articles it was read from, its
        rules) moves no other node's entry."""
        t = self.table
        row, s = t.rows[i], t.shape[i]
        values = values_bytes((t.ids[i], *(row[at] for _, at in self.fields[s])), s in t.spilled)
        drawn = self.ids.get(t.ids[i], -1)
        other = self.others[i] = _digest(self.names[s] + values) + drawn.to_bytes(8, "little", signed=True)
        return other

    def __call__(self, n: str) -> str:
        t, others, maps = self.table, self.others, self.maps
        i = t.index[n]
        own = marshal.dumps(n, 2) + t.row_bytes(i)  # its name and its own row whole
        parts = [len(own).to_bytes(8, "little"), own]
        off, nbr, pair_maps = t.pred
        items, membership = self.items, self.membership
        for j in range(off[i], off[i + 1]):
            m = pair_maps[j]
            if items[m]:  # an in-edge that gives no item (an article's mention) is not read by the details
                u = nbr[j]
                parts.append(b"<" + (others[u] or self._other(u)) + maps[m])
                if membership[u]:
                    parts.extend(b"=" + (others[v] or self._other(v)) + maps[mv] for v, mv in t.out_numbers(u))
        out_items = self.out_items  # nor an out-edge that gives none
        parts.extend(b">" + (others[v] or self._other(v)) + maps[m] for v, m in t.out_numbers(i) if out_items[m])
        return _digest(b"".join(parts)).hex()


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


__all__ = ["Encoded", "KeptDetails"]

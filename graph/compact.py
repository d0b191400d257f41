"""Compact: a built graph held in arrays, and read through networkx's own API.

networkx keeps, for every node, a map of its data, a map of its successors
and a map of its predecessors. At 80 MB of pages (263,464 nodes, 1,133,192
linked pairs of them) those maps were 182 MB, more than what they hold.
A `CompactGraph` is a frozen `networkx.MultiDiGraph` that keeps instead:

- each node's data as a tuple, the names of its fields shared by every
  node with the same ones;
- its neighbours each way in three arrays: where each node's stretch
  begins, and in it a neighbour's number and that of the pair's keyed
  edges, one read-only map shared by every pair of nodes with the same
  keys and data (most pairs have one edge and no data).

networkx reads every graph through three maps, `_node`, `_succ` and
`_pred`; here they give, for a node, a read-only map over its tuple or
its stretch of the arrays (nothing copied), reading as what `add_node`
and `add_edge` would have made, in their order. So every view,
algorithm, copy and pickle works as on the graph networkx would have
built, and nothing can be changed in place (`networkx.MultiDiGraph(g)` is
a copy that can).

`GraphBuilder` adds nodes and edges as `add_node` and `add_edge` do;
`freeze` makes its CompactGraph.
"""

from __future__ import annotations

import hashlib
import marshal
from array import array
from collections.abc import Callable, ItemsView, Iterator, Mapping, ValuesView
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np
from networkx.classes import reportviews

from graph.arrays import as_array, counted, numbers, offsets, sorted_by, where
from graph.maps import DictLike, NodeData, ReadOnlyMap, SpilledNodeData
from graph.spill import Spilled, opened, values_bytes


class GraphBuilder:
    """Nodes and edges added as networkx's `add_node` and `add_edge` add them to a MultiDiGraph; `freeze` gives the graph.

    What is added goes straight into the arrays the graph keeps: a node's
    data into its tuple, each edge into a log of three numbers (its two
    nodes, its key and data). The log is folded into pairs of nodes when
    frozen. Edge keys and data are text only (shared maps keyed by 1, 1.0
    and True would make one edge of three).
    """

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.ids: list[str] = []
        self.shapes: dict[tuple[str, ...], int] = {(): 0}  # a node's fields -> their number in `fields`
        self.fields: list[tuple[str, ...]] = [()]
        self.shape = array("I")  # each node's fields' number
        self.spilled: set[int] = set()  # the numbers of the fields of rows that hold a text kept on disk (graph.spill)
        self.rows: list[tuple] = []  # each node's values, in its fields' order
        self.log = (array("I"), array("I"), array("I"))  # each edge added: its two nodes' numbers, its kind's
        self.kinds: dict[tuple[str, tuple], int] = {}  # (key, data items) -> its number in `kind_list`
        self.kind_list: list[tuple[str, tuple]] = []

    def __contains__(self, n: object) -> bool:
        return n in self.index

    def __getitem__(self, n: str) -> NodeData:
        """The node's data so far (read-only: `node` changes it)."""
        return _data(self, self.index[n])

    def get(self, n: str, default: Any = None) -> Any:
        return self[n] if n in self.index else default

    def column(self, name: str) -> Iterator[tuple[str, Any]]:
        """Each node and its value of `name` (None where it has none), in the nodes' order."""
        return _column(self, name, None)

    def node(self, n: str, **attr: Any) -> None:
        """As `add_node(n, **attr)`: the node added if new, its data updated with `attr` (old keys in place, new ones after)."""
        i = self._number(n)
        if attr:
            data = {**dict(zip(self.fields[self.shape[i]], self.rows[i], strict=True)), **attr} if self.shape[i] else attr
            fields = tuple(data)
            if fields not in self.shapes:
                self.shapes[fields] = len(self.fields)
                self.fields.append(fields)
            self.shape[i] = self.shapes[fields]
            row = self.rows[i] = tuple(data.values())
            if any(type(v) is Spilled for v in row):  # a text kept on disk stays there when the row's other fields change
                self.spilled.add(self.shape[i])

    def _number(self, n: str) -> int:
        i = self.index.get(n)
        if i is None:
            if type(n) is not str:
                raise TypeError(f"a built graph's nodes are named by text only, not {n!r}")
            i = self.index[n] = len(self.ids)
            self.ids.append(n)
            self.shape.append(0)
            self.rows.append(())
        return i

    def add(self, u: str, v: str, key: str, **attr: str) -> None:
        """As `add_edge(u, v, key=key, **attr)`: an edge added, or the data of the pair's edge `key` updated."""
        if type(key) is not str or (attr and any(type(x) is not str for x in attr.values())):
            raise TypeError(f"a built graph's edges are keyed and described by text only, not {key!r}: {attr!r}")
        kind = (key, tuple(attr.items()))
        k = self.kinds.get(kind)
        if k is None:
            k = self.kinds[kind] = len(self.kind_list)
            self.kind_list.append(kind)
        iu, iv = self._number(u), self._number(v)  # both ends taken before the log grows: a refused one leaves it whole
        self.log[0].append(iu)
        self.log[1].append(iv)
        self.log[2].append(k)

    def freeze(self, **graph_attr: Any) -> CompactGraph:
        """The graph built, its attributes `graph_attr`; the builder is emptied as its parts move into the graph."""
        table = _Table(self)
        self.__init__()  # type: ignore[misc]  # what moved is not held twice
        return CompactGraph.holding(table, graph_attr)


def _data(t: GraphBuilder | _Table, i: int) -> NodeData:
    """Node `i`'s data: a map over its row and its fields' names (reading back any text of it kept on disk)."""
    s = t.shape[i]
    return (SpilledNodeData if s in t.spilled else NodeData)(t.fields[s], t.rows[i])


def _column(t: GraphBuilder | _Table, name: str, default: Any) -> Iterator[tuple[str, Any]]:
    """Each node of `t` and its value of `name` (`default` where it has none), in the nodes' order, no map made."""
    at = [f.index(name) if name in f else -1 for f in t.fields]
    return ((n, default if at[s] < 0 else opened(row[at[s]])) for n, s, row in zip(t.ids, t.shape, t.rows, strict=True))


def _sorted_out(log: list[array], j: int, order: np.ndarray) -> np.ndarray:
    """The log's array `j` in `order`, the array let go once read (its sorted copy takes its place in memory)."""
    sorted_copy = numbers(log[j])[order]
    log[j] = array("I")
    return sorted_copy


class _Table:
    """A built graph's nodes, their data and their neighbours both ways, in arrays."""

    def __init__(self, b: GraphBuilder) -> None:
        n = len(b.ids)
        self.ids, self.index, self.fields, self.shape, self.rows = b.ids, b.index, b.fields, b.shape, b.rows
        self.spilled = b.spilled
        self.maps: list[ReadOnlyMap] = []  # the pairs' keyed edges, each map once
        log, b.log = list(b.log), (array("I"), array("I"), array("I"))  # the edges added: each let go once read
        u, v, kind = (numbers(x) for x in log)
        # each pair of nodes is made by its first edge; its map, by all of its edges in the order added
        by_pair = sorted_by(u, v)  # a pair's edges in the order added
        del u, v, kind
        su, sv, sk = (_sorted_out(log, j, by_pair) for j in range(3))  # the log in that order
        new = np.empty(len(su), dtype=bool)
        new[:1] = True
        np.not_equal(su[1:], su[:-1], out=new[1:])
        new[1:] |= sv[1:] != sv[:-1]  # a pair's first edge is where either end changes
        starts = where(new)
        del new
        first = by_pair[starts]
        del by_pair
        pu, pv = su[starts], sv[starts]
        del su, sv
        pair_map = self._pair_maps(b, sk, starts)
        del sk, starts
        # a node's neighbours each way, in networkx's order: that of their pairs' first edges; each array the pairs
        # were read from let go once the last of the table's arrays made from it is made
        out, into = sorted_by(pu, first), sorted_by(pv, first)
        del first
        succ_off, pred_nbr = offsets(pu, n), as_array(pu[into])
        del pu
        pred_off, succ_nbr = offsets(pv, n), as_array(pv[out])
        del pv
        self.succ = (succ_off, succ_nbr, as_array(pair_map[out]))
        del out
        self.pred = (pred_off, pred_nbr, as_array(pair_map[into]))

    def _pair_maps(self, b: GraphBuilder, kind: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """Each pair's map's number in `maps`: one map for each set of keyed edges, each edge's data one map too
        (`kind`: each edge's kind, the edges sorted by pair; `starts`: where each pair's edges begin)."""
        numbers: dict[tuple, int] = {}  # ((key, data items), ...) -> its number in maps
        data: dict[tuple, ReadOnlyMap] = {}
        kinds = b.kind_list

        def number(items: tuple) -> int:
            if items not in numbers:
                numbers[items] = len(self.maps)
                self.maps.append(ReadOnlyMap((k, data.setdefault(d, ReadOnlyMap(d))) for k, d in items))
            return numbers[items]

        one = np.array([number((k,)) for k in kinds], dtype=np.uint32)  # a pair of one edge
        pair_map = one[kind[starts]] if len(kinds) else np.zeros(0, dtype=np.uint32)
        ends = np.empty_like(starts)
        ends[:-1] = starts[1:]
        ends[-1:] = len(kind)
        for p in np.flatnonzero(ends - starts > 1).tolist():  # pairs of more: keys in the order first added, data updated
            keyed: dict[str, dict[str, str]] = {}
            for k in kind[starts[p]:ends[p]].tolist():
                key, items = kinds[k]
                keyed.setdefault(key, {}).update(items)
            pair_map[p] = number(tuple((key, tuple(d.items())) for key, d in keyed.items()))
        return pair_map

    def data(self, i: int) -> NodeData:
        return _data(self, i)

    def column(self, name: str, default: Any = None) -> Iterator[tuple[str, Any]]:
        return _column(self, name, default)

    def successors(self, i: int) -> _Neighbours:
        return _Neighbours(self, self.succ, i)

    def row_bytes(self, i: int) -> bytes:
        """Node `i`'s fields and values as bytes that are equal only for equal rows (`values_bytes`: a text kept on disk
        as its digest, not read back): what the exports key a block or an entry by (graph.export.turtle,
        graph.export.kept)."""
        s = self.shape[i]
        return self.fields_bytes[s] + values_bytes(self.rows[i], s in self.spilled)

    @cached_property
    def fields_bytes(self) -> list[bytes]:
        """Each shape's fields as `row_bytes` begins with them, made once."""
        return [marshal.dumps(f, 2) for f in self.fields]

    @cached_property
    def map_digests(self) -> list[bytes]:
        """A 128-bit digest of each pair map in `maps` (its relations and their data, in order), by its number: what
        the exports' keys of a block or an entry stand a pair's edges by, each made once for both."""
        return [hashlib.blake2b(repr(tuple((rel, tuple(d.items())) for rel, d in keyed.items())).encode("utf-8", "surrogatepass"),
                                digest_size=16).digest() for keyed in self.maps]

    def out_pairs(self, i: int) -> Iterator[tuple[str, int]]:
        """(neighbour, the number of the pair's map in `maps`) for each node `i` points at, in networkx's order."""
        off, nbr, maps = self.succ
        a, b = off[i], off[i + 1]
        return zip(map(self.ids.__getitem__, nbr[a:b]), maps[a:b], strict=True)

    def out_numbers(self, i: int) -> Iterator[tuple[int, int]]:
        """`out_pairs` with each neighbour's number, not its name."""
        off, nbr, maps = self.succ
        a, b = off[i], off[i + 1]
        return zip(nbr[a:b], maps[a:b], strict=True)

    def in_counts(self, weight: Callable[[ReadOnlyMap], int]) -> np.ndarray:
        """The sum of `weight` over the maps of the pairs that point at each node, by its number: each map weighed once,
        the pairs summed by numpy (`arrays.counted`)."""
        _, v, m = self.pairs()
        return counted(v, np.fromiter(map(weight, self.maps), dtype=np.int64, count=len(self.maps)), m, len(self.ids))

    def pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every linked pair of nodes as three arrays over the same positions: its from-node's number, its to-node's and
        the number of its map in `maps` (the last two read-only views of the table's arrays)."""
        off, nbr, maps = self.succ
        u = np.repeat(np.arange(len(self.ids), dtype=np.uint32), np.diff(np.frombuffer(off, dtype=off.typecode)))
        if not len(nbr):
            return u, np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.uint32)
        return u, np.frombuffer(nbr, dtype=nbr.typecode), np.frombuffer(maps, dtype=maps.typecode)

    def predecessors(self, i: int) -> _Neighbours:
        return _Neighbours(self, self.pred, i)


class _Neighbours(DictLike):
    """A node's neighbours one way, each to the pair's keyed edges: a read-only view of its stretch of the table's arrays.

    Nothing is copied: iterating reads the stretch, and looking one
    neighbour up finds its number in it (at C speed, without a map made
    for a node of thousands of neighbours).
    """

    __slots__ = ("table", "nbr", "maps", "a", "b")

    def __init__(self, table: _Table, way: tuple[array, array, array], i: int) -> None:
        off, self.nbr, self.maps = way
        self.table, self.a, self.b = table, off[i], off[i + 1]

    def _at(self, v: object) -> int | None:
        """Where neighbour `v` is in the arrays; None if it is not one (an unhashable `v` refused, as by a dict)."""
        j = self.table.index.get(v)  # type: ignore[call-overload]
        if j is None:
            return None
        try:
            return self.nbr.index(j, self.a, self.b)
        except ValueError:
            return None

    def __getitem__(self, v: str) -> ReadOnlyMap:
        at = self._at(v)
        if at is None:
            raise KeyError(v)
        return self.table.maps[self.maps[at]]

    def __contains__(self, v: object) -> bool:
        return self._at(v) is not None

    def __iter__(self) -> Iterator[str]:
        return map(self.table.ids.__getitem__, self.nbr[self.a:self.b])

    def __len__(self) -> int:
        return self.b - self.a

    def items(self) -> _NeighbourItems:
        return _NeighbourItems(self)

    def values(self) -> ValuesView:
        return _NeighbourValues(self)

    def __reversed__(self) -> Iterator[str]:
        return map(self.table.ids.__getitem__, reversed(self.nbr[self.a:self.b]))


class _NeighbourItems(ItemsView):
    _mapping: _Neighbours

    def __iter__(self) -> Iterator[tuple[str, ReadOnlyMap]]:
        m = self._mapping
        return zip(iter(m), map(m.table.maps.__getitem__, m.maps[m.a:m.b]), strict=True)


class _NeighbourValues(ValuesView):
    _mapping: _Neighbours

    def __iter__(self) -> Iterator[ReadOnlyMap]:
        m = self._mapping
        return map(m.table.maps.__getitem__, m.maps[m.a:m.b])


class _Items(ItemsView):
    """The items of a table's map, in the nodes' order, each made once."""

    _mapping: _TableMap

    def __iter__(self) -> Iterator[tuple[str, Mapping]]:
        made = self._mapping.made
        return ((n, made(i)) for i, n in enumerate(self._mapping.table.ids))


class _TableMap(DictLike):
    """A map from each node to a map the table makes for it when asked: its data, its successors or its predecessors."""

    __slots__ = ("table", "way", "made", "index")

    def __init__(self, table: _Table, way: str) -> None:
        self.table, self.way, self.index = table, way, table.index
        self.made: Callable[[int], Mapping] = getattr(table, way)

    def __getitem__(self, n: str) -> Mapping:
        return self.made(self.index[n])

    def __contains__(self, n: object) -> bool:
        return n in self.index

    def __iter__(self) -> Iterator[str]:
        return iter(self.table.ids)

    def __len__(self) -> int:
        return len(self.table.ids)

    def __reversed__(self) -> Iterator[str]:
        return reversed(self.table.ids)

    def items(self) -> _Items:
        return _Items(self)

    def __reduce__(self) -> tuple[type, tuple[_Table, str]]:  # type: ignore[override]
        return type(self), (self.table, self.way)


class NodeDataView(reportviews.NodeDataView):
    """networkx's view of the nodes' data: one field of each (`g.nodes(data="kind")`) read from the rows, no map made."""

    def __iter__(self) -> Iterator:
        nodes = self._nodes
        if isinstance(self._data, str) and isinstance(nodes, _NodeData):
            return nodes.table.column(self._data, self._default)
        return super().__iter__()


class NodeView(reportviews.NodeView):
    def __call__(self, data: bool | str = False, default: Any = None) -> NodeView | NodeDataView:
        return self if data is False else NodeDataView(self._nodes, data, default)

    def data(self, data: bool | str = True, default: Any = None) -> NodeView | NodeDataView:
        return self(data, default)


class _NodeData(_TableMap):
    """`_TableMap` of the nodes' data, each node's a `NodeData` over its tuple (it is read for every node and edge)."""

    def __getitem__(self, n: str) -> NodeData:  # `_data` written out: a call less on the path every read takes
        t = self.table
        i = t.index[n]
        s = t.shape[i]
        return (SpilledNodeData if s in t.spilled else NodeData)(t.fields[s], t.rows[i])


class CompactGraph(nx.MultiDiGraph):
    """A frozen MultiDiGraph read from a `_Table` (`GraphBuilder.freeze` makes one); made empty, an ordinary graph.

    networkx makes `self.__class__()` for its views, then sets their maps:
    so made with no argument it is the ordinary graph networkx would make.
    """

    @classmethod
    def holding(cls, table: _Table, graph_attr: dict[str, Any]) -> CompactGraph:
        g = cls()
        g.graph.update(graph_attr)
        g._node = _NodeData(table, "data")
        g._adj = _TableMap(table, "successors")  # networkx's _succ is its _adj
        g._pred = _TableMap(table, "predecessors")
        return nx.freeze(g)

    @cached_property
    def nodes(self) -> NodeView:  # type: ignore[override]
        """networkx's NodeView, but `g.nodes(data=name)` reads one field of each node from the table."""
        return NodeView(self)

    def number_of_edges(self, u: Any = None, v: Any = None) -> int:
        """networkx's count; all the edges counted from the arrays (each pair's map holds its keyed edges), not by
        walking every node's neighbours (a third of a second at 20 MB, in every build's summary and note)."""
        table = getattr(self._adj, "table", None)  # None in the ordinary graph networkx makes for a view
        if u is not None or table is None:
            return super().number_of_edges(u, v)
        sizes = np.fromiter(map(len, table.maps), dtype=np.int64, count=len(table.maps))
        pair_maps = table.succ[2]
        return int(sizes[np.frombuffer(pair_maps, dtype=pair_maps.typecode)].sum()) if len(pair_maps) else 0

    def copy(self, as_view: bool = False) -> nx.MultiDiGraph:
        """A copy that can be changed: an ordinary MultiDiGraph (or, `as_view`, a read-only view of this one)."""
        return nx.graphviews.generic_graph_view(self) if as_view else nx.MultiDiGraph(self)


def table_of(g: nx.MultiDiGraph) -> _Table | None:
    """The arrays a CompactGraph reads from; None for any other graph (a view of one, a copy that can be changed)."""
    table = getattr(g._node, "table", None) if isinstance(g, CompactGraph) else None
    return table if isinstance(table, _Table) else None


__all__ = ["CompactGraph", "GraphBuilder", "NodeData", "ReadOnlyMap", "table_of"]

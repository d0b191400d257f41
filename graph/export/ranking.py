"""Ranking: which nodes the view draws when it cannot draw them all (`best_connected`), and what it counts them by.

A built graph (graph.compact) is ranked over its arrays: a mask, counts and
an order over its node numbers, not maps keyed by every node (those were
40 MB of the 80 MB corpus's peak). Any other graph is walked edge by edge;
both give the same nodes (tests/test_html.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable, Iterator

import networkx as nx
import numpy as np

from graph.arrays import counted
from graph.compact import _Table, table_of
from graph.export.details import EDGE_LABELS, STYLE, _label, membership_ends
from graph.export.layout import HIERARCHY, POST


def drawable_nodes(g: nx.MultiDiGraph) -> tuple[list[str], Counter[str]]:
    """The nodes of a class the page draws (STYLE), in the graph's order, and how many of each class: no map of every
    node's class made."""
    table = table_of(g)
    drawable, totals = [], Counter[str]()
    for n, kind in g.nodes(data="kind") if table is None else table.column("kind"):
        if kind in STYLE:
            drawable.append(n)
            totals[kind] += 1
    return drawable, totals


def posts_between(g: nx.MultiDiGraph, keep: Container[str]) -> set[tuple[str, str, str, str]]:
    """The person -> body edges the page draws for the posts between nodes of `keep`: one a (person, body, title)."""
    out = set()
    for m, kind in g.nodes(data="kind"):
        if kind == "Membership":
            person, org, role = membership_ends(g, m)
            if person is not None and org is not None and person in keep and org in keep:
                out.add((person, org, POST, _label(g, role) if role else "职务"))
    return out


def best_connected(g: nx.MultiDiGraph, drawable: list[str], most: int) -> list[str]:
    """The `most` nodes of `drawable` the page draws when it cannot draw them all, sorted: the best connected.

    A node ranks by its drawn links (a post counts as one, a mention not at
    all) and the articles it was read from, as it is sized; an article by its
    links alone (its credits), for the entities read from it would rank it
    above all of them. Ties go by key. A unit or body comes with the units
    and bodies above it (its hierarchy edges, followed up), so the
    hierarchy drawn is whole; a node whose group no longer fits is passed
    over for smaller ones that do.
    """
    table = table_of(g)
    if table is None:
        can = set(drawable)
        rank, above = _links(g, can)
        for person, org, _, _ in posts_between(g, can):  # one link a post drawn, however many articles reported it
            rank[person] += 1
            rank[org] += 1
        by_key = sorted(drawable)
        by_key.sort(key=rank.__getitem__, reverse=True)  # by rank, ties by key (stable): a number a node, not a tuple
        order: Iterable[str] = by_key
    else:
        order, above = _ranked(g, table, drawable)
    taken: set[str] = set()
    for n in order:
        group, todo = [], [n]
        while todo:  # n and what is above it, not yet taken
            u = todo.pop()
            if u not in taken and u not in group:
                group.append(u)
                todo.extend(sorted(above.get(u, ())))
        if len(taken) + len(group) <= most:
            taken.update(group)
            if len(taken) == most:
                break
    return sorted(taken)


def _ranked(g: nx.MultiDiGraph, table: _Table, drawable: list[str]) -> tuple[Iterator[str], dict[str, list[str]]]:
    """`best_connected`'s order of the nodes of `drawable` (by rank, ties by key) and what is above each, for a built
    graph: its ranks in an array over its nodes, not in maps over every node (a set, a map of the ranks and their
    numbers took 40 MB of the 80 MB corpus's peak)."""
    marked = _Marked(table, drawable)
    links, above = _table_links(table, marked.mask)
    for person, org, _, _ in posts_between(g, marked):  # one link a post drawn, however many articles reported it
        links[table.index[person]] += 1
        links[table.index[org]] += 1
    names = sorted(drawable)
    by_rank = np.argsort(-links[_numbers_of(table, names)], kind="stable")  # by rank, ties by key
    return (names[i] for i in by_rank), above  # read as far as the drawing fills: no number made for every node


def _numbers_of(table: _Table, names: list[str]) -> np.ndarray:
    """The nodes' numbers in the table, in an array."""
    return np.fromiter(map(table.index.__getitem__, names), dtype=np.int64, count=len(names))


class _Marked:
    """The nodes of a built graph's `drawable` as a mask over its numbers, asked as a set is (`n in marked`)."""

    __slots__ = ("index", "mask")

    def __init__(self, table: _Table, drawable: list[str]) -> None:
        self.index = table.index
        self.mask = np.zeros(len(table.ids), dtype=bool)
        self.mask[_numbers_of(table, drawable)] = True

    def __contains__(self, n: object) -> bool:
        i = self.index.get(n)  # type: ignore[call-overload]
        return i is not None and bool(self.mask[i])


def _links(g: nx.MultiDiGraph, can: set[str]) -> tuple[Counter[str], dict[str, list[str]]]:
    """`best_connected`'s count of each node's links (an EDGE_LABELS edge between two nodes of `can`, at both ends; an
    edge to an article it was read from, at a node of `can`) and the nodes each one's hierarchy edges lead to, read
    from the graph's edges (`_table_links` for a built graph)."""
    rank: Counter[str] = Counter()
    above: dict[str, list[str]] = {}
    for u, v, rel in g.edges(keys=True):
        if rel in EDGE_LABELS and u in can and v in can:
            rank[u] += 1
            rank[v] += 1
            if rel in HIERARCHY:
                above.setdefault(u, []).append(v)
        elif rel == "derivedFrom" and u in can:
            rank[u] += 1
    return rank, above


def _table_links(table: _Table, ranked: np.ndarray) -> tuple[np.ndarray, dict[str, list[str]]]:
    """`_links` of a built graph, over its arrays (`ranked`: a mask of the nodes of `can`): each node's count in an
    array of its numbers, each map's relations read once (`compact._Table.pairs`); only the hierarchy's pairs are
    walked.

    Counted a weight at a time (`arrays.counted`): no array of weights of
    the pairs' size (an 80 MB graph has 1.1 M pairs).
    """
    above: dict[str, list[str]] = {}
    u, v, m = table.pairs()
    ids, count = table.ids, len(table.maps)
    labelled = np.fromiter((sum(rel in EDGE_LABELS for rel in keyed) for keyed in table.maps), dtype=np.int64, count=count)
    read = np.fromiter(("derivedFrom" in keyed for keyed in table.maps), dtype=np.int64, count=count)
    inside = ranked[u] & ranked[v]  # a pair between two nodes of `can`
    links = counted(u, labelled, m, len(ids), inside) + counted(v, labelled, m, len(ids), inside)
    links += counted(u, read, m, len(ids), ranked[u])
    tiers = np.fromiter((sum(rel in HIERARCHY for rel in keyed) for keyed in table.maps), dtype=np.uint8, count=count)
    for i in np.flatnonzero(tiers[m] * inside).tolist():
        above.setdefault(ids[u[i]], []).extend([ids[v[i]]] * int(tiers[m[i]]))
    return links, above


__all__ = ["best_connected", "drawable_nodes", "posts_between"]

"""Turtle: the graph's RDF (graph.export.rdf) as the text rdflib writes for it, subject by subject, never whole.

A graph built by graph.network is written in rdflib's order of subjects,
known from its arrays (`_Subjects`), each subject's block made when it is
written: as text from its node's data (graph.export.turtle_text), else
from rdflib's terms (graph.export.fast_turtle). With a cache folder, the
blocks of the subjects that did not change are copied from the last file
(graph.export.reuse). Any other graph is grouped whole first.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import networkx as nx
import numpy as np
from rdflib import RDF, URIRef

try:  # rdflib's test of an IRI it can write (private: without it, every block is made from rdflib's terms)
    from rdflib.term import _is_valid_uri as _valid_iri
except ImportError:  # pragma: no cover
    _valid_iri = None  # type: ignore[assignment]

from graph.compact import table_of
from graph.export import atomic_write
from graph.export.rdf import PREFIXES, edge_predicates, interval, node_triples, span, triples
from graph.export.turtle_text import TextTerms, block
from graph.iri import DEFAULT_BASE

if TYPE_CHECKING:
    from graph.compact import _Table
    from graph.export.fast_turtle import _Terms
    from graph.export.reuse import TurtleBlocks


def to_turtle(g: nx.MultiDiGraph) -> str:
    """Turtle text of the graph; the same graph always gives the same bytes."""
    return "".join(turtle_parts(g))


def turtle_parts(g: nx.MultiDiGraph) -> Iterator[str]:
    """`to_turtle` in parts (a subject's block each): written part by part, the text is never held whole.

    A graph built by graph.network is written subject by subject, each
    subject's triples made from its node and edges as it is written
    (`_Subjects`); any other graph is grouped whole first.
    """
    return cast(Iterator[str], _parts(g, None))  # without blocks to reuse, every part is text


def _parts(g: nx.MultiDiGraph, reuse: TurtleBlocks | None) -> Iterator[str | bytes]:
    """`turtle_parts`; with `reuse` (the last file's blocks), a graph of graph.network's is UTF-8 bytes, a block
    in the last file copied from it."""
    from graph.export.fast_turtle import Unbound, subject_parts, triples_parts

    subjects = _Subjects.of(g)
    if subjects is not None:
        try:
            yield from subject_parts(subjects.order(), subjects.props, PREFIXES, reuse.keyed(subjects.key) if reuse else None,
                                     subjects.block)  # (None for a graph not held in arrays: its blocks from terms)
            return
        except Unbound:  # raised before any part was given
            pass
    last = ""
    for part in triples_parts(lambda: triples(g), PREFIXES):  # rdflib's Turtle, byte for byte, several times faster
        if part:
            yield part
            last = part
    if not last.endswith("\n"):
        yield "\n"


def _extra(g: nx.MultiDiGraph, kinds: Iterable[tuple[str, Any]]) -> tuple[dict[URIRef, dict[URIRef, list]], Counter]:
    """The subjects the posts add (their intervals and instants: from their days alone, their evidence not read back),
    and how often each is an object; `kinds`: each node and its class."""
    base = g.graph.get("base", DEFAULT_BASE)
    extra: dict[URIRef, dict[URIRef, list]] = defaultdict(lambda: defaultdict(list))
    refs: Counter = Counter()
    days: Counter[tuple[str | None, str | None]] = Counter()  # posts reported over the same days share an interval
    for n, kind in kinds:
        if kind == "Membership":
            d = g.nodes[n]
            if d.get("first") or d.get("last"):
                days[d.get("first"), d.get("last")] += 1
    for (first, last), posts in days.items():  # in the order first met, as each post's would be
        refs[URIRef(span(base, first, last))] += posts  # the posts' org:memberDuring
        for t in interval(base, first, last):
            objects = extra[t[0]][t[1]]
            if t[2] not in objects:
                objects.append(t[2])
    for props in extra.values():
        for objects in props.values():
            refs.update(o for o in objects if isinstance(o, URIRef))
    return extra, refs


def _holds(listed: list[str], order: np.ndarray, text: str) -> bool:
    """Whether `text` is one of `listed`, whose numbers `order` gives sorted."""
    at = bisect.bisect_left(order, text, key=listed.__getitem__)
    return at < len(order) and listed[order[at]] == text


class _Subjects:
    """The subjects of `triples(g)` in the order rdflib writes them, and each one's triples, made when asked.

    Only for graphs where that order can be known from the edges: node IRIs
    distinct and outside every bound namespace, so that a node's IRI is the
    object only of the triples its in-edges make. The time intervals and
    instants of the posts (few) are made at once.
    """

    def __init__(self, g: nx.MultiDiGraph, iri: Callable[[object], str], extra: dict[URIRef, dict[URIRef, list]],
                 handles: Callable[[], Iterator[object]], table: _Table | None = None,
                 listed: list[str] | None = None) -> None:
        self.g, self.iri, self.extra, self._handles = g, iri, extra, handles  # iri: a node's, by its name
        self.table, self._listed = table, listed  # a CompactGraph's arrays, its IRIs by number: its nodes keyed from them (`key`)
        self.base = g.graph.get("base", DEFAULT_BASE)
        # a node's term is made for each triple it is the subject or object of, and kept by none (a map of every
        # node's, kept to the end, was 45 MB of the 80 MB corpus's peak)
        self._keyed: tuple[object, dict] | None = None  # the last node keyed, and its data with its texts read back
        self._text: tuple[_Terms, TextTerms | None] | None = None  # what `block` writes with, for the writer's terms

    @classmethod
    def of(cls, g: nx.MultiDiGraph) -> _Subjects | None:
        if not g:
            return None
        table = table_of(g)
        bound = tuple(str(ns) for ns in PREFIXES.values())
        if table is not None:
            return cls._of_table(g, table, bound)
        iri = dict(g.nodes(data="iri"))
        iris = set(iri.values())
        if len(iris) != len(g) or None in iris or any(str(i).startswith(bound) for i in iris):
            return None
        extra, refs = _extra(g, g.nodes(data="kind"))
        if any(str(x) in iris or str(x).startswith(bound) for x in extra):
            return None
        for _, v, rel, d in g.edges(keys=True, data=True):
            if n := len(edge_predicates(rel, d)):  # an edge the Turtle does not write adds no reference
                refs[v] += n

        def handles() -> Iterator[object]:  # by IRI, then (stably) by count: a key a handle, no tuple (IRIs are distinct)
            listed = [*iri, *extra]
            listed.sort(key=lambda h: str(h) if isinstance(h, URIRef) and h in extra else iri[h])
            listed.sort(key=lambda h: refs.get(h, 0))
            return iter(listed)

        return cls(g, iri.__getitem__, extra, handles)

    @classmethod
    def _of_table(cls, g: nx.MultiDiGraph, table: _Table, bound: tuple[str, ...]) -> _Subjects | None:
        """`of` a CompactGraph: its IRIs in a list by node number, their order and counts in arrays, not in maps
        keyed by node (those, with a set of the IRIs, were 40 MB of the 80 MB corpus's peak)."""
        listed = [i for _, i in table.column("iri")]
        if None in listed or any(str(i).startswith(bound) for i in listed):
            return None
        by_iri = sorted(range(len(listed)), key=listed.__getitem__)
        if any(listed[i] == listed[j] for i, j in itertools.pairwise(by_iri)):
            return None
        order = np.array(by_iri, dtype=np.uint32)
        del by_iri
        extra, refs = _extra(g, table.column("kind"))
        if any(str(x).startswith(bound) or _holds(listed, order, str(x)) for x in extra):
            return None
        # how often each node is an object, summed over the arrays; by that, then by IRI
        counts = table.in_counts(lambda keyed: sum(len(edge_predicates(rel, d)) for rel, d in keyed.items()))
        order = order[np.argsort(counts[order], kind="stable")]
        index, ids = table.index, table.ids

        def handles() -> Iterator[object]:  # the few extra subjects put in their places among the nodes
            key = lambda i: (int(counts[i]), listed[i])  # noqa: E731
            at = 0
            for x in sorted(extra, key=lambda x: (refs.get(x, 0), str(x))):
                cut = bisect.bisect_left(order, (refs.get(x, 0), str(x)), lo=at, key=key)
                yield from map(ids.__getitem__, order[at:cut].tolist())
                yield x
                at = cut
            for start in range(at, len(order), 4096):  # a slice's numbers at a time: not one for every node at once
                yield from map(ids.__getitem__, order[start:start + 4096].tolist())

        return cls(g, lambda n: listed[index[n]], extra, handles, table, listed)  # type: ignore[index]

    def order(self) -> Iterator[tuple[str, object]]:
        """(subject's IRI, handle) in rdflib's order: by how often each is an object, then by IRI (no rdfs:Class here).

        A node's IRI is given as text: its term is made only if its block is made from terms (`props`).
        """
        extra, iri = self.extra, self.iri
        for handle in self._handles():
            if isinstance(handle, URIRef) and handle in extra:
                yield handle, handle
            else:
                yield iri(handle), handle

    def key(self, handle: object) -> str | None:
        """A digest of all a node's block is made from (its data, out-edges, their objects' IRIs, the base); None for the others."""
        if isinstance(handle, URIRef) and handle in self.extra:
            return None
        if self.table is not None:
            return self._table_key(self.table, handle)
        iri = self.iri  # this runs for every node: networkx's maps read directly (without its views)
        data = self.g._node[handle].copy()  # its texts read back once: `props` takes them from here
        self._keyed = (handle, data)
        made_of = (self.base, data, [(iri(v), keyed) for v, keyed in self.g._succ[handle].items()])
        return hashlib.blake2b(repr(made_of).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def _table_key(self, table: _Table, handle: object) -> str:
        """`key` from a CompactGraph's arrays: its row (`_Table.row_bytes`: a text on disk as its digest, none read
        back), then its out-pairs as their objects' IRIs and their maps, each a digest made once for every node that
        points at it (`_iri_digests`, `_Table.map_digests`). Every node's is made at the first asked for
        (`_table_keys`)."""
        i = table.index[cast(str, handle)]
        return self._table_keys[16 * i:16 * i + 16].hex()

    @cached_property
    def _table_keys(self) -> bytes:
        """Every node's key as its 128-bit digest, by its number (16 bytes a node): made in one pass over the arrays,
        a slice of them at a time, not in a call of its own for each node (0.72 -> 0.57 s for the 20 MB corpus's)."""
        table = cast("_Table", self.table)
        off, nbr, maps = table.succ
        iris = np.frombuffer(self._iri_digests, dtype=np.uint8).reshape(-1, 16)
        map_digests = np.frombuffer(b"".join(table.map_digests) or bytes(16), dtype=np.uint8).reshape(-1, 16)
        row_bytes, base, blake2b, keys, n = table.row_bytes, self._base_bytes, hashlib.blake2b, bytearray(), len(table.ids)
        for start in range(0, n, 4096):
            stop = min(n, start + 4096)
            cuts = off[start:stop + 1].tolist()
            lo, hi = cuts[0], cuts[-1]
            heads = iris[np.asarray(nbr[lo:hi], dtype=np.intp)].tobytes()  # each out-pair's object's, in turn
            pairs = map_digests[np.asarray(maps[lo:hi], dtype=np.intp)].tobytes()  # and its map's
            cuts = [16 * (c - lo) for c in cuts]
            for i, (a, b) in zip(range(start, stop), itertools.pairwise(cuts), strict=True):
                row = row_bytes(i)
                keys += blake2b(b"".join((base, len(row).to_bytes(8, "little"), row, heads[a:b], pairs[a:b])),
                                digest_size=16).digest()
        return bytes(keys)

    @cached_property
    def _base_bytes(self) -> bytes:
        return str(self.base).encode("utf-8", "surrogatepass") + b"\x00"  # an IRI holds no NUL: where it ends is known

    @cached_property
    def _iri_digests(self) -> bytes:
        """Each node's IRI as a 128-bit digest, by its number, one after another (16 bytes a node, not a list's 57)."""
        return b"".join(hashlib.blake2b(iri.encode("utf-8", "surrogatepass"), digest_size=16).digest() for iri in cast(list, self._listed))

    def block(self, handle: object, terms: _Terms) -> tuple[str, frozenset[str]] | None:
        """A node's block as text and the prefixes it uses (graph.export.turtle_text), from the same triple functions
        as `props`; None for an extra subject, for a graph with an IRI rdflib would refuse to write (or writes as
        `()`: rdf:nil), and for a block whose objects need rdflib's ordering."""
        if self.table is None or isinstance(handle, URIRef) and handle in self.extra:
            return None
        if self._text is None or self._text[0] is not terms:  # one writer's terms: once a Turtle write
            self._text = (terms, TextTerms.of(terms) if self._writable() else None)
        text_terms = self._text[1]
        if text_terms is None:  # rdflib refuses an IRI it cannot write (`props` and `_statement` raise as it does)
            return None
        table, listed, s = self.table, cast(list, self._listed), object()
        i, predicates = table.index[cast(str, handle)], self._predicates
        made = node_triples(s, self.g.nodes[handle], self.base, text_terms)
        edges = ((predicates[m], listed[v]) for v, m in table.out_numbers(i))
        return block(f"<{listed[i]}>", s, made, edges, terms, text_terms)

    def _writable(self) -> bool:
        """Whether every node's IRI is one rdflib writes as `<IRI>` (valid, and not rdf:nil, which it writes `()`)."""
        listed = cast(list, self._listed)
        return _valid_iri is not None and all(map(_valid_iri, listed)) and str(RDF.nil) not in listed

    @cached_property
    def _predicates(self) -> list[tuple[URIRef, ...]]:
        """The predicates of each of the table's pair maps, by its number, in the order `props` writes them."""
        return [tuple(p for rel, d in keyed.items() for p in edge_predicates(rel, d)) for keyed in cast("_Table", self.table).maps]

    def props(self, handle: object) -> dict[URIRef, list]:
        """One subject's predicates and their distinct objects: a node's, from its data and out-edges, or an extra subject's."""
        if isinstance(handle, URIRef) and handle in self.extra:
            return self.extra[handle]
        g, keyed_last = self.g, self._keyed
        d = keyed_last[1] if keyed_last is not None and keyed_last[0] is handle else g.nodes[handle]
        s = URIRef(self.iri(handle))
        made = node_triples(s, d, self.base)
        props: dict[URIRef, list] = defaultdict(list)
        for t in made:
            if (t[0] is s or t[0] == s) and t[2] not in props[t[1]]:  # (a term's == is a Python call)
                props[t[1]].append(t[2])
        for v, keyed in g._succ[handle].items():
            o = URIRef(self.iri(v))
            for rel, ed in keyed.items():
                for p in edge_predicates(rel, ed):
                    props[p].append(o)
        return props


def write_turtle(g: nx.MultiDiGraph, path: str | Path, cache: Path | None = None) -> None:
    """Write the Turtle file; with a `cache` folder, copying the blocks that did not change from the file there last time."""
    if cache is None:
        atomic_write(path, turtle_parts(g))
        return
    from graph.export.reuse import TurtleBlocks

    reuse = TurtleBlocks(cache, Path(path))
    try:
        atomic_write(path, reuse.written(_parts(g, reuse)))
    finally:
        reuse.close()


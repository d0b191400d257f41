"""RDF export: the networkx graph -> an rdflib Graph, Turtle and other RDF syntaxes.

The terms are the contract of docs/ontology.md (schema.org, W3C ORG, SKOS, PROV
and the nk: namespace). No blank nodes: every node has a minted IRI, so
two exports of the same corpus are identical and every fact can be
traced with prov:wasDerivedFrom to the article it was read from.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import networkx as nx
import numpy as np
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS, TIME, XSD

from graph.compact import table_of
from graph.export import atomic_write
from graph.files import without_surrogates
from graph.iri import DEFAULT_BASE, instant_iri, interval_iri

if TYPE_CHECKING:
    from graph.compact import _Table
    from graph.export.reuse import TurtleBlocks

NK = Namespace("https://w3id.org/newskg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {"nk": NK, "rdfs": RDFS, "skos": SKOS, "schema": SCHEMA, "org": ORG, "prov": PROV, "time": TIME, "xsd": XSD}
_PARENT_PROPS = {
    "containedInPlace": SCHEMA.containedInPlace,
    "parentOrganization": SCHEMA.parentOrganization,
    "jurisdiction": NK.jurisdiction,
}
# Every edge's property, looked up once (a Namespace attribute mints a new URIRef on each access).
_EDGE_PROPS = {
    "derivedFrom": PROV.wasDerivedFrom,
    **_PARENT_PROPS,
    "mentions": SCHEMA.mentions,
    "author": SCHEMA.author,
    "contributor": SCHEMA.contributor,
    "photographer": NK.photographer,
    "member": ORG.member,
    "organization": ORG.organization,
    "role": ORG.role,
    "location": SCHEMA.location,
    "organizer": SCHEMA.organizer,
    "attendee": SCHEMA.attendee,
}
_EDGE_ONLY = {rel: (p,) for rel, p in _EDGE_PROPS.items()}  # the one predicate of every edge but a containment
_STATED, _OFFICIAL = (NK.statedContainedInPlace,), (NK.officialContainedInPlace,)


def _edge_predicates(rel: str, d: Mapping[str, Any]) -> tuple[URIRef, ...]:
    """The predicates an edge of relation `rel`, data `d`, is written with: its property, and for a containment
    where it was read (nk:statedContainedInPlace: in the text; nk:officialContainedInPlace: in the gazetteer).

    >>> [p.split("#")[-1] for p in _edge_predicates("containedInPlace", {"source": "text+gazetteer"})]
    ['https://schema.org/containedInPlace', 'statedContainedInPlace', 'officialContainedInPlace']
    >>> _edge_predicates("mentions", {}) == (SCHEMA.mentions,), _edge_predicates("kind", {})
    (True, ())
    """
    if rel != "containedInPlace":
        return _EDGE_ONLY.get(rel, ())
    src = d.get("source", "text")
    return (_EDGE_PROPS[rel], *(_STATED if "text" in src else ()), *(_OFFICIAL if "gazetteer" in src else ()))


def zh(value: str) -> Literal:
    return Literal(without_surrogates(value), lang="zh")


def date_literal(value: str) -> Literal:
    """xsd:date for 2023-03-20, xsd:gMonthDay for --03-20."""
    return Literal(value, datatype=XSD.gMonthDay if value.startswith("--") else XSD.date)


def to_rdflib(g: nx.MultiDiGraph) -> Graph:
    """The graph's nodes and edges as an rdflib Graph."""
    rdf = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        rdf.bind(prefix, ns)
    for t in triples(g):
        rdf.add(t)
    return rdf


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def triples(g: nx.MultiDiGraph) -> Iterator[Triple]:
    """The graph's nodes and edges as RDF triples (a triple may come twice: a graph keeps one)."""
    iri = {n: URIRef(d["iri"]) for n, d in g.nodes(data=True)}
    base = g.graph.get("base", DEFAULT_BASE)
    for n, d in g.nodes(data=True):
        s, kind = iri[n], d["kind"]
        if kind == "Membership":
            yield from _membership(s, d, base)
        else:
            yield from _NODE_TRIPLES.get(kind, _entity)(s, d)
    for u, v, rel, d in g.edges(keys=True, data=True):
        for p in _edge_predicates(rel, d):
            yield (iri[u], p, iri[v])


def _article(s: URIRef, d: dict) -> Iterator[Triple]:
    yield (s, RDF.type, NK.Article)
    if d.get("headline"):
        yield (s, SCHEMA.headline, zh(d["headline"]))
    yield (s, SCHEMA.articleBody, zh(d["body"]))
    for f in d.get("sources") or (d["source_file"],):
        yield (s, NK.sourceFile, Literal(without_surrogates(f)))
    if d.get("section"):
        yield (s, NK.section, zh(d["section"]))
    if d.get("date"):
        yield (s, SCHEMA.datePublished, date_literal(d["date"]))


def _membership(s: URIRef, d: dict, base: str) -> Iterator[Triple]:
    yield (s, RDF.type, ORG.Membership)
    yield (s, NK.evidence, zh(d["evidence"]))
    if d.get("rule"):
        yield (s, NK.rule, Literal(d["rule"]))
    if d.get("first") or d.get("last"):
        yield from _reported(s, base, d.get("first"), d.get("last"))


def _role(s: URIRef, d: dict) -> Iterator[Triple]:
    yield (s, RDF.type, ORG.Role)
    yield (s, RDFS.label, zh(d["label"]))
    for a in d.get("aliases") or ():
        yield (s, SKOS.altLabel, zh(a))


def _event(s: URIRef, d: dict) -> Iterator[Triple]:
    yield (s, RDF.type, NK.Event)
    yield (s, RDFS.label, zh(d["label"]))
    if d.get("date"):
        yield (s, SCHEMA.startDate, date_literal(d["date"]))
    if d.get("time_of_day"):
        yield (s, NK.timeOfDay, zh(d["time_of_day"]))
    if d.get("location_text"):
        yield (s, SCHEMA.location, zh(d["location_text"]))
    yield (s, NK.evidence, zh(d["evidence"]))
    if d.get("rule"):
        yield (s, NK.rule, Literal(d["rule"]))


def _entity(s: URIRef, d: dict) -> Iterator[Triple]:
    yield (s, RDF.type, NK[d["kind"]])
    yield (s, RDFS.label, zh(d["label"]))
    for a in d.get("aliases") or ():
        yield (s, SKOS.altLabel, zh(a))
    if d.get("code"):
        yield (s, NK.adminCode, Literal(without_surrogates(d["code"])))
    if d.get("official_path"):
        yield (s, NK.officialPath, zh(d["official_path"]))
    for r in d.get("rules") or ():
        yield (s, NK.rule, Literal(r))
    if d.get("parent_rule"):
        yield (s, NK.parentRule, Literal(d["parent_rule"]))


_NODE_TRIPLES = {"Article": _article, "Role": _role, "Event": _event}


def _reported(s: URIRef, base: str, first: str | None, last: str | None) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    """org:memberDuring: the OWL-Time interval from the first to the last day the post was reported.

    An end that is not known is left out (the interval's IRI then says `open` there).
    """
    span = URIRef(interval_iri(base, first or "open", last or "open"))
    yield (s, ORG.memberDuring, span)
    yield (span, RDF.type, TIME.Interval)
    for prop, day in ((TIME.hasBeginning, first), (TIME.hasEnd, last)):
        if day:
            instant = URIRef(instant_iri(base, day))
            yield (span, prop, instant)
            yield (instant, RDF.type, TIME.Instant)
            yield (instant, TIME.inXSDDate, Literal(day, datatype=XSD.date))


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
            yield from subject_parts(subjects.order(), subjects.props, PREFIXES, reuse.keyed(subjects.key) if reuse else None)
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
    for n, kind in kinds:
        if kind == "Membership":
            d = g.nodes[n]
            first, last = d.get("first"), d.get("last")
            if not (first or last):
                continue
            s = URIRef(d["iri"])
            for t in _reported(s, base, first, last):
                if t[0] != s:
                    objects = extra[t[0]][t[1]]
                    if t[2] not in objects:
                        objects.append(t[2])
                elif isinstance(t[2], URIRef) and t[1] == ORG.memberDuring:
                    refs[t[2]] += 1
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
        # the subject last given by `order`, as a term: its block's triples are made with it (`props`); an object's
        # term is made for each triple (a map of every node's, kept to the end, was 45 MB of the 80 MB corpus's peak)
        self._subject: tuple[object, URIRef] | None = None
        self._keyed: tuple[object, dict] | None = None  # the last node keyed, and its data with its texts read back
        # the text of each of the table's pair maps, by its number (`_table_key`)
        self._pairs = [repr(tuple((rel, tuple(d.items())) for rel, d in keyed.items())) for keyed in table.maps] if table else []

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
            if n := len(_edge_predicates(rel, d)):  # an edge the Turtle does not write adds no reference
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
        counts = table.in_counts(lambda keyed: sum(len(_edge_predicates(rel, d)) for rel, d in keyed.items()))
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

    def order(self) -> Iterator[tuple[URIRef, object]]:
        """(subject, handle) in rdflib's order: by how often each is an object, then by IRI (no rdfs:Class here)."""
        extra, iri = self.extra, self.iri
        for handle in self._handles():
            if isinstance(handle, URIRef) and handle in extra:
                yield handle, handle
                continue
            uri = URIRef(iri(handle))
            self._subject = (handle, uri)
            yield uri, handle

    def _uri(self, node: object) -> URIRef:
        last = self._subject
        return last[1] if last is not None and last[0] is node else URIRef(self.iri(node))

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
        """`key` from a CompactGraph's arrays: its row as text (a text on disk as its digest: none is read back), its
        out-pairs as their objects' IRIs and their maps' text (each map's made once, with the subjects)."""
        i, iri, pairs = table.index[cast(str, handle)], cast(list, self._listed), self._pairs
        made_of = "\x00".join((self.base, table.row_text(i), *(f"{iri[v]} {pairs[m]}" for v, m in table.out_numbers(i))))
        return hashlib.blake2b(made_of.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def props(self, handle: object) -> dict[URIRef, list]:
        """One subject's predicates and their distinct objects: a node's, from its data and out-edges, or an extra subject's."""
        if isinstance(handle, URIRef) and handle in self.extra:
            return self.extra[handle]
        g, keyed_last = self.g, self._keyed
        d = keyed_last[1] if keyed_last is not None and keyed_last[0] is handle else g.nodes[handle]
        s, kind = self._uri(handle), d["kind"]
        made = _membership(s, d, self.base) if kind == "Membership" else _NODE_TRIPLES.get(kind, _entity)(s, d)
        props: dict[URIRef, list] = defaultdict(list)
        for t in made:
            if (t[0] is s or t[0] == s) and t[2] not in props[t[1]]:  # (a term's == is a Python call)
                props[t[1]].append(t[2])
        for v, keyed in g._succ[handle].items():
            o = self._uri(v)
            for rel, ed in keyed.items():
                for p in _edge_predicates(rel, ed):
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


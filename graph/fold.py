"""The resolution's entities as it grows them, and one article's Part folded into them (graph.resolve).

An article's resolution is a function of the article, its page's context
and the gazetteer (graph.resolve says why): what it gives is a Part. The
corpus's entities are the Parts folded in reading order, and the fold is
what resolving each article in that order did to them: an entity keeps the
first name printed for it and the first place found for it, a unit the
last parent its text prints, a body the first; names, articles and rules
are joined; stand-ins, mentions, posts and events are added in order. So a
Part kept with its page (graph.incremental, as plain msgpack: `packed`,
and `unpacked`, which checks every value) is folded again by a rebuild
instead of resolving the page again, and gives the same corpus. Once
every page is read, the nodes are the corpus's entities (`entities_of`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from sys import intern
from typing import Any, cast

import msgpack

from graph.gazetteer import Place
from graph.model import Entity, Event, EventRow, Membership, MembershipRow, Part, PlaceRow

STAND_IN = "Person?:"  # a person's key until the resolution places them (no key's kind holds "?")


@dataclass(slots=True)
class Node:
    """An entity as the resolution grows it. Most have no alias, one article and one or two rules: tuples and a list,
    not sets (three empty sets were 650 bytes a node, a third of the resolution's memory at 80 MB)."""

    key: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()  # other printed forms, each once (the name among them until `_unify_unqualified`)
    articles: list[str] = field(default_factory=list)  # in reading order; an article once, as its facts come together
    parent: str | None = None
    parent_source: str | None = None
    parent_rule: str | None = None
    place: Place | None = None
    rules: tuple[str, ...] = ()  # sorted, each once; one tuple for every node with the same rules (`Resolver._rules`)


def added(held: tuple[str, ...], more: Iterable[str]) -> tuple[str, ...]:
    """`held` with those of `more` it lacks added, in order (most nodes have no alias: `held` itself, no new tuple)."""
    new = tuple(a for a in dict.fromkeys(more) if a not in held)
    return held + new if new else held


def met(node: Node, name: str, aliases: Iterable[str], article: str, rules: Sequence[str],
        rules_of: Callable[[tuple[str, ...], Sequence[str]], tuple[str, ...]]) -> None:
    """What meeting an entity in `article` adds to its node: the other printed forms, the article (once: an article's
    entities are keyed together) and the rules; `rules_of(held, more)` joins two sets of rules."""
    node.aliases = added(node.aliases, (*aliases, name) if name != node.name else aliases)
    if not node.articles or node.articles[-1] != article:
        node.articles.append(article)
    node.rules = rules_of(node.rules, rules)


def stand_in_key(held: tuple[str, str, str]) -> str:
    """The key a person who holds a post is read under until every page is read: named by (body, scope, name)."""
    return f"{STAND_IN}{held!r}"


def district_of(key: str, nodes: dict[str, Node]) -> str | None:
    """The official district path a keyed unit or body lies in, if known."""
    seen = set()
    while key and key not in seen:
        seen.add(key)
        n = nodes.get(key)
        if n is None:
            return None
        if n.place is not None and len(n.place.path) >= 3:
            return "/".join(n.place.path[:3])
        key = n.parent or ""
    return None


def place_row(place: Place | None) -> PlaceRow | None:
    return (place.level, place.name, place.path, place.code) if place is not None else None


_MEMBERSHIP = attrgetter(*(f.name for f in dataclasses.fields(Membership)))  # every field, in order, in one call
_EVENT = attrgetter(*(f.name for f in dataclasses.fields(Event)))


def membership_row(m: Membership) -> MembershipRow:
    """A post's fields, in order: `Membership(*row)` is the post again."""
    return cast(MembershipRow, _MEMBERSHIP(m))


def event_row(e: Event) -> EventRow:
    """An event's fields, in order: `Event(*row)` is the event again."""
    return cast(EventRow, _EVENT(e))


def packed(parts: Sequence[Part]) -> bytes:
    """A page's Parts as plain msgpack (`unpacked` reads them back): what the cache keeps of them."""
    return msgpack.packb(parts, use_bin_type=True, unicode_errors="surrogatepass")


def unpacked(data: bytes) -> list[Part]:
    """The Parts `packed` wrote; ValueError when `data` holds anything else (a damaged or forged cache entry).

    Read without extension types and checked here, value by value, by hand:
    the cache's record checks took three times as long over a rebuild's
    Parts (graph.cache_codec).
    """
    try:
        parts = msgpack.unpackb(data, use_list=False, raw=False, strict_map_key=True, unicode_errors="surrogatepass")
    except Exception as e:  # msgpack's own errors, an extension type it cannot read
        raise ValueError(f"the parts do not decode ({type(e).__name__})") from e
    if not (type(parts) is tuple and all(map(_part, parts))):
        raise ValueError("the parts do not hold what a build writes")
    return list(parts)


_STR, _NONE = str, type(None)


def _strs(v: object) -> bool:
    return type(v) is tuple and (not v or all(map(_STR.__instancecheck__, v)))


def _part(p: object) -> bool:
    return (type(p) is tuple and len(p) == 5 and type(p[0]) is tuple and all(map(_node_row, p[0]))
            and type(p[1]) is tuple and all(type(h) is tuple and len(h) == 3 and _strs(h) for h in p[1]) and _strs(p[2])
            and type(p[3]) is tuple and all(map(_membership_row, p[3])) and type(p[4]) is tuple and all(map(_event_row, p[4])))


def _node_row(r: object) -> bool:
    if type(r) is not tuple or len(r) != 9:
        return False
    key, kind, name, aliases, parent, source, rule, place, rules = r
    return (type(key) is str and type(kind) is str and type(name) is str and _strs(aliases) and _strs(rules)
            and (parent is None or type(parent) is str) and (source is None or type(source) is str)
            and (rule is None or type(rule) is str) and (place is None or _place_row(place)))


def _place_row(p: object) -> bool:
    return (type(p) is tuple and len(p) == 4 and type(p[0]) is str and type(p[1]) is str and _strs(p[2])
            and (p[3] is None or type(p[3]) is str))


_MEMBERSHIP_TYPES: tuple[Any, ...] = (str, str, (str, _NONE), str, str, str, str)
_EVENT_TYPES: tuple[Any, ...] = (str, str, (str, _NONE), (str, _NONE), (str, _NONE), (str, _NONE), tuple, tuple, str, str, str)


def _membership_row(r: object) -> bool:
    return type(r) is tuple and len(r) == 7 and all(map(isinstance, r, _MEMBERSHIP_TYPES))


def _event_row(r: object) -> bool:
    return type(r) is tuple and len(r) == 11 and all(map(isinstance, r, _EVENT_TYPES)) and _strs(r[6]) and _strs(r[7])


def fold(
    nodes: dict[str, Node],
    rules_of: Callable[[tuple[str, ...], Sequence[str]], tuple[str, ...]],
    stand_ins: dict[tuple[str, str, str], str],
    article: str,
    part: Part,
) -> None:
    """Fold article `article`'s Part into the resolution's `nodes` and `stand_ins` (its mentions, posts and events are
    the caller's to add); `rules_of(held, more)` joins two sets of rules."""
    # keys read back from the cache are new strings: interned, as the resolution interns them, so that every read of
    # one key is one string (a rebuild's finishing and graph took a fifth longer over copies)
    for key, kind, name, aliases, parent, source, rule, place, rules in part[0]:
        node = nodes.get(key)
        if node is None:
            key = intern(key)
            node = nodes[key] = Node(key, intern(kind), name)
        met(node, name, aliases, article, rules, rules_of)
        if node.place is None and place is not None:
            node.place = Place(*place)
        if parent is not None and (kind != "Organization" or not node.parent):  # a unit's last printed parent, a body's first
            node.parent, node.parent_source, node.parent_rule = intern(parent), source, rule
    for held in part[1]:
        stand_ins.setdefault(held, intern(stand_in_key(held)))


def _interned(key: str | None) -> str | None:
    return intern(key) if key is not None else None


def mentioned(article: str, part: Part) -> Iterator[tuple[str, str]]:
    """The (article, key) pairs of the entities an article's Part mentions."""
    return ((article, intern(k)) for k in part[2])


def posts(part: Part) -> list[Membership]:
    """An article's posts, from its Part."""
    return [Membership(intern(p), title, _interned(org), *rest) for p, title, org, *rest in part[3]]


def events(part: Part) -> list[Event]:
    """An article's events, from its Part."""
    return [Event(key, name, date, time, _interned(at), at_text, tuple(map(intern, by)), tuple(map(intern, to)), *rest)
            for key, name, date, time, at, at_text, by, to, *rest in part[4]]


def _official_parents(nodes: dict[str, Node]) -> dict[str, str]:
    """For each unit the gazetteer placed, its nearest official ancestor that is in the graph."""
    by_path: dict[tuple[str, ...], str] = {}
    for key, n in nodes.items():
        if n.place is not None:
            by_path.setdefault(n.place.path, key)
    out: dict[str, str] = {}
    for key, n in nodes.items():
        if n.place is None:
            continue
        for depth in range(len(n.place.path) - 1, 0, -1):
            anc = by_path.get(n.place.path[:depth])
            if anc is not None:
                out[key] = anc
                break
    return out


def entities_of(nodes: dict[str, Node]) -> list[Entity]:
    """The corpus's entities, by key, once every page is read: a unit the gazetteer placed is put under its nearest
    official ancestor in the corpus where the text gives it no other parent."""
    official_parent = _official_parents(nodes)
    entities = []
    for key in sorted(nodes):
        n = nodes[key]
        parent, source, rule = n.parent, n.parent_source, n.parent_rule
        if key in official_parent and (parent is None or parent == official_parent[key]):
            source = "text+gazetteer" if parent == official_parent[key] else "gazetteer"
            rule = rule if parent == official_parent[key] else "contain.gazetteer"
            parent = official_parent[key]
        entities.append(
            Entity(
                key=key,
                type=n.type,
                name=n.name,
                aliases=tuple(sorted(n.aliases)),
                articles=tuple(sorted(set(n.articles))),
                parent=parent,
                parent_source=source if parent else None,
                code=n.place.code if n.place else None,
                official_path="/".join(n.place.path) if n.place else None,
                rules=n.rules,
                parent_rule=(rule or "contain.printed") if parent else None,
            )
        )
    return entities


__all__ = ["Node", "added", "district_of", "entities_of", "event_row", "fold", "membership_row", "mentioned", "met", "packed", "posts", "events", "place_row", "stand_in_key", "STAND_IN", "unpacked"]

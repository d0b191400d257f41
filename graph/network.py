"""Network: a resolved Corpus -> the networkx graph every exporter reads.

One MultiDiGraph holds it all: entities, articles, events, memberships and
roles are nodes (attribute `kind`); relations are edges keyed by their name
(`containedInPlace`, `member`, `mentions`...). Node ids are identity keys,
`iri` holds the minted IRI. Nothing downstream looks at the Corpus again.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import networkx as nx

from graph.iri import DEFAULT_BASE, article_iri, digest, entity_iri, event_iri, membership_iri, role_iri
from graph.keys import Key
from graph.model import ADMIN_TYPES, Corpus


def article_node(article_id: str) -> str:
    """An article's node id: one string however many edges name it (sys.intern)."""
    return sys.intern(f"Article:{article_id}")


def _reported(g: nx.MultiDiGraph, articles: tuple[str, ...]) -> dict[str, str]:
    """When a post was reported: `first` and `last`, the earliest and latest publication dates of its articles.

    Articles without a date add nothing; a post read from none that is dated gets neither.
    """
    dates = sorted(d for a in articles if (d := g.nodes.get(article_node(a), {}).get("date")))
    return {"first": dates[0], "last": dates[-1]} if dates else {}


def build_graph(corpus: Corpus, base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """The corpus as a graph: deterministic, insertion-ordered by sorted keys."""
    g = nx.MultiDiGraph(base=base)
    edges = SharedEdges(g)  # most pairs of nodes have one edge, without data: one map for all of them
    _add_articles(g, corpus, base)
    keys = {e.key for e in corpus.entities}
    _add_entities(edges, corpus, base, keys)
    _add_credits_and_mentions(edges, corpus, keys)
    _add_memberships(edges, corpus, base, keys)
    _add_events(edges, corpus, base, keys)
    _distinct_iris(g)
    return edges.freeze()


class SharedEdgeData(dict):
    """A pair of nodes' keyed edges, or an edge's data, shared by every pair or edge with the same: read-only.

    Most pairs of nodes have one edge and it has no data: a graph of a
    million edges would otherwise hold a million maps of one key and a
    million empty ones (about 250 bytes a pair, most of what networkx costs
    for an edge).
    """

    __slots__ = ()

    def _read_only(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("a built graph's edges share their data and cannot be changed in place: "
                        "copy the graph first (networkx.MultiDiGraph(g))")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self) -> tuple[type, tuple[dict]]:  # pickled and copied as the map it is, not item by item
        return type(self), (dict(self),)


class SharedEdges:
    """Adds edges to a MultiDiGraph as networkx's `add_edge` does, but each pair of nodes' keyed edges is one
    read-only map (`SharedEdgeData`) shared by every pair with the same keys and data, as is each edge's data.

    What the graph reads is what `add_edge` would have made, in the same
    order (nodes, edges, keys, data); `freeze` makes it read-only.
    """

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.g = g
        self.pairs: dict[tuple, SharedEdgeData] = {}  # ((key, data items), ...) -> a pair's map
        self.data: dict[tuple, SharedEdgeData] = {}  # data items -> an edge's data

    def add(self, u: str, v: str, key: str, **attr: str) -> None:
        """Add the edge `key` from `u` to `v` with data `attr`: a key and values of text only (1, 1.0 and True are equal keys)."""
        if type(key) is not str or (attr and any(type(x) is not str for x in attr.values())):
            raise TypeError(f"shared edges are keyed and described by text only, not {key!r}: {attr!r}")
        succ, pred = self.g._succ, self.g._pred
        for n in (u, v):
            if n not in succ:
                self.g.add_node(n)
        before = succ[u].get(v)
        if before is None:
            items: tuple = ((key, tuple(attr.items())),)
        elif key in before:  # as add_edge: the edge's data updated (old keys in place, new ones after)
            items = tuple((k, tuple({**d, **attr}.items()) if k == key else tuple(d.items())) for k, d in before.items())
        else:
            items = (*((k, tuple(d.items())) for k, d in before.items()), (key, tuple(attr.items())))
        one = self.pairs.get(items)
        if one is None:
            one = self.pairs[items] = SharedEdgeData((k, self._data(d)) for k, d in items)
        succ[u][v] = pred[v][u] = one

    def _data(self, items: tuple) -> SharedEdgeData:
        if items not in self.data:
            self.data[items] = SharedEdgeData(items)
        return self.data[items]

    def freeze(self) -> nx.MultiDiGraph:
        """The graph, frozen: adding or removing raises networkx's "Frozen graph" error, changing edge data a TypeError."""
        return nx.freeze(self.g)


def _distinct_iris(g: nx.MultiDiGraph) -> None:
    """No two nodes share an IRI: of nodes that do, all but the first by key get their key's full digest added.

    Minted IRIs carry a digest of their identity, so two identities meet on
    one IRI only by a collision of it (graph.iri makes that unlikely, not
    impossible); written so, the RDF would make two things one.
    """
    first: dict[str, str] = {}
    shared: dict[str, list[str]] = {}
    for n, iri in g.nodes(data="iri"):
        if first.setdefault(iri, n) != n:
            shared.setdefault(iri, [first[iri]]).append(n)
    for iri, nodes in shared.items():
        for n in sorted(nodes)[1:]:
            longer = f"{iri}-{digest(n, 40)}"
            while longer in first:  # taken too: never seen, but never two nodes on one IRI either
                longer += "-" + digest(longer, 8)
            g.nodes[n]["iri"] = longer
            first[longer] = n


def _add_articles(g: nx.MultiDiGraph, corpus: Corpus, base: str) -> None:
    for a in sorted(corpus.articles, key=lambda a: a.id):
        g.add_node(
            article_node(a.id),
            kind="Article",
            iri=article_iri(base, a.id),
            label=a.headline or a.body[:20],
            headline=a.headline,
            body=a.body,
            source_file=a.source_file,
            sources=tuple(sorted(set(a.sources or (a.source_file,)))),
            section=a.section,
            date=a.page_date.isoformat() if a.page_date else None,
        )


def _add_entities(edges: SharedEdges, corpus: Corpus, base: str, keys: set[str]) -> None:
    """Entity nodes, the articles they were read from, and each one's parent by the relation their classes make."""
    g = edges.g
    for e in corpus.entities:
        g.add_node(
            e.key,
            kind=e.type,
            iri=entity_iri(base, e.type, e.name, e.key),
            label=e.name,
            aliases=e.aliases,
            articles=e.articles,
            code=e.code,
            official_path=e.official_path,
            rules=e.rules,
            parent_rule=e.parent_rule,
        )
    for e in corpus.entities:
        for art in e.articles:
            edges.add(e.key, article_node(art), key="derivedFrom")
        if e.parent and e.parent in keys:
            parent_type = g.nodes[e.parent]["kind"]
            if e.type in ADMIN_TYPES and parent_type in ADMIN_TYPES:
                rel = "containedInPlace"
            elif parent_type == "Organization":
                rel = "parentOrganization"
            else:
                rel = "jurisdiction"
            edges.add(e.key, e.parent, key=rel, source=e.parent_source or "text")


def _add_credits_and_mentions(edges: SharedEdges, corpus: Corpus, keys: set[str]) -> None:
    press: dict[str, str] = {}
    for a in sorted(corpus.articles, key=lambda a: a.id):
        node = article_node(a.id)
        for rel, names in (
            ("author", a.reporters),
            ("contributor", a.correspondents),
            ("photographer", a.photographers),
        ):
            for n in names:
                if n not in press:  # a reporter signs hundreds of articles: the key made once
                    press[n] = sys.intern(Key.press(n).format())
                pk = press[n]
                if pk in keys:
                    edges.add(node, pk, key=rel)
    for art, key in corpus.mentions:
        if key in keys:
            edges.add(article_node(art), key, key="mentions")


def _add_memberships(edges: SharedEdges, corpus: Corpus, base: str, keys: set[str]) -> None:
    """A node per post read from an article, and a node per title (the role) they share."""
    g = edges.g
    for m in corpus.memberships:
        mid = f"Membership:{m.person}|{m.title}|{m.org}|{m.article}"
        rid = sys.intern(f"Role:{m.title}")
        if rid not in g:
            g.add_node(rid, kind="Role", iri=role_iri(base, m.title), label=m.title, aliases=())
        if m.plain_title and m.plain_title not in g.nodes[rid]["aliases"]:
            g.nodes[rid]["aliases"] = tuple(sorted({*g.nodes[rid]["aliases"], m.plain_title}))  # 黨委書記: 党委书记
        g.add_node(
            mid,
            kind="Membership",
            iri=membership_iri(base, m.person, m.title, m.org, m.article),
            label=m.title,
            evidence=m.evidence,
            rule=m.rule,
            **_reported(g, (m.article,)),
        )
        edges.add(mid, m.person, key="member")
        edges.add(mid, rid, key="role")
        if m.org and m.org in keys:
            edges.add(mid, m.org, key="organization")
        edges.add(mid, article_node(m.article), key="derivedFrom")


def _add_events(edges: SharedEdges, corpus: Corpus, base: str, keys: set[str]) -> None:
    g = edges.g
    for ev in corpus.events:
        g.add_node(
            ev.key,
            kind="Event",
            iri=event_iri(base, ev.key),
            label=ev.name,
            date=ev.date,
            time_of_day=ev.time_of_day,
            location_text=ev.location_text,
            evidence=ev.evidence,
            rule=ev.rule,
        )
        edges.add(ev.key, article_node(ev.article), key="derivedFrom")
        if ev.location and ev.location in keys:
            edges.add(ev.key, ev.location, key="location")
        for o in ev.organizers:
            edges.add(ev.key, o, key="organizer")
        for p in ev.attendees:
            if p not in ev.organizers:
                edges.add(ev.key, p, key="attendee")

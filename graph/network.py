"""Network: a resolved Corpus -> the networkx graph every exporter reads.

One MultiDiGraph holds it all: entities, articles, events, memberships and
roles are nodes (attribute `kind`); relations are edges keyed by their name
(`containedInPlace`, `member`, `mentions`...). Node ids are identity keys,
`iri` holds the minted IRI. Nothing downstream looks at the Corpus again.
It is a `graph.compact.CompactGraph`: frozen, and held in arrays rather
than in networkx's maps, which it reads as.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping

import numpy as np

from graph.compact import CompactGraph, GraphBuilder
from graph.iri import DEFAULT_BASE, article_iri, digest, entity_iri, event_iri, membership_iri, role_iri
from graph.keys import Key
from graph.model import ADMIN_TYPES, FORMER_POST, Article, Corpus, Entity, Event, Membership
from graph.spill import Spill, Spilled


def article_node(article_id: str) -> str:
    """An article's node id: one string however many edges name it (sys.intern)."""
    return sys.intern(f"Article:{article_id}")


def _reported(g: GraphBuilder, articles: tuple[str, ...]) -> dict[str, str]:
    """When a post was reported: `first` and `last`, the earliest and latest publication dates of its articles.

    Articles without a date add nothing; a post read from none that is dated gets neither.
    """
    dates = sorted(d for a in articles if (d := g.get(article_node(a), {}).get("date")))
    return {"first": dates[0], "last": dates[-1]} if dates else {}


def build_graph(corpus: Corpus, base: str = DEFAULT_BASE) -> CompactGraph:
    """The corpus as a graph: deterministic, insertion-ordered by sorted keys."""
    return graph_builder(corpus, base).freeze(base=base)


def graph_builder(
    corpus: Corpus | Handed, base: str = DEFAULT_BASE, bodies: Mapping[str, Spilled | str] | None = None,
    spill: Spill | None = None,
) -> GraphBuilder:
    """The graph of the corpus, not yet frozen: the corpus can be let go before it is (`GraphBuilder.freeze`).

    `bodies` gives the body of an article the corpus holds with an empty one, kept on disk (`graph.articles.Articles`);
    with a `spill`, the posts' and events' evidence sentences are kept there too. A corpus `Handed` over is let go of
    part by part, each once it is in the graph: what it held is free for the nodes added after.
    """
    parts = corpus if isinstance(corpus, Handed) else Handed(corpus)
    del corpus
    g = GraphBuilder()  # held compactly once frozen: most of what networkx's own maps would cost
    articles = sorted(parts.take("articles"), key=lambda a: a.id)
    _add_articles(g, articles, base, bodies or {})
    entities = parts.take("entities")
    keys = {e.key for e in entities}
    kept = spill.put if spill is not None else str
    _add_entities(g, entities, base, keys)
    del entities
    _add_credits(g, articles, keys)
    del articles
    _add_mentions(g, parts.take("mentions"), keys)
    _add_memberships(g, parts.take("memberships"), base, keys, kept)
    _add_events(g, parts.take("events"), base, keys, kept)
    _distinct_iris(g)
    return g


class Handed:
    """A corpus's articles, entities, posts, events and mentions, handed to `graph_builder`, which takes each part
    (`take`) as it adds it: whoever hands a corpus over keeps no other reference to it (its reports apart)."""

    def __init__(self, corpus: Corpus) -> None:
        self._parts: dict[str, tuple] = {
            name: getattr(corpus, name) for name in ("articles", "entities", "memberships", "events", "mentions")
        }

    def take(self, name: str) -> tuple:
        return self._parts.pop(name)


def _distinct_iris(g: GraphBuilder) -> None:
    """No two nodes share an IRI: of nodes that do, all but the first by key get their key's full digest added.

    Minted IRIs carry a digest of their identity, so two identities meet on
    one IRI only by a collision of it (graph.iri makes that unlikely, not
    impossible); written so, the RDF would make two things one. The IRIs'
    hashes are sorted first: only when two are equal (two IRIs equal, or a
    rare clash of hashes) is a map of every IRI made (it was 11 MB of the
    80 MB corpus's peak).
    """
    hashes = np.fromiter((hash(iri) for _, iri in g.column("iri")), dtype=np.int64)
    hashes.sort()
    if not (hashes[1:] == hashes[:-1]).any():
        return
    del hashes
    first: dict[str, str] = {}
    shared: dict[str, list[str]] = {}
    for n, iri in g.column("iri"):
        if first.setdefault(iri, n) != n:
            shared.setdefault(iri, [first[iri]]).append(n)
    for iri, nodes in shared.items():
        for n in sorted(nodes)[1:]:
            longer = f"{iri}-{digest(n, 40)}"
            while longer in first:  # taken too: never seen, but never two nodes on one IRI either
                longer += "-" + digest(longer, 8)
            g.node(n, iri=longer)
            first[longer] = n


def _add_articles(g: GraphBuilder, articles: list[Article], base: str, bodies: Mapping[str, Spilled | str]) -> None:
    for a in articles:
        body = bodies.get(a.id) or a.body
        g.node(
            article_node(a.id),
            kind="Article",
            iri=article_iri(base, a.id),
            label=a.headline or str(body)[:20],
            headline=a.headline,
            body=body,
            source_file=a.source_file,
            sources=tuple(sorted(set(a.sources or (a.source_file,)))),
            section=a.section,
            date=a.page_date.isoformat() if a.page_date else None,
        )


def _add_entities(g: GraphBuilder, entities: tuple[Entity, ...], base: str, keys: set[str]) -> None:
    """Entity nodes, the articles they were read from, and each one's parent by the relation their classes make."""
    for e in entities:
        g.node(
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
    for e in entities:
        for art in e.articles:
            g.add(e.key, article_node(art), key="derivedFrom")
        if e.parent and e.parent in keys:
            parent_type = g[e.parent]["kind"]
            if e.type in ADMIN_TYPES and parent_type in ADMIN_TYPES:
                rel = "containedInPlace"
            elif parent_type == "Organization":
                rel = "parentOrganization"
            else:
                rel = "jurisdiction"
            g.add(e.key, e.parent, key=rel, source=e.parent_source or "text")


def _add_credits(g: GraphBuilder, articles: list[Article], keys: set[str]) -> None:
    press: dict[str, str] = {}
    for a in articles:
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
                    g.add(node, pk, key=rel)


def _add_mentions(g: GraphBuilder, mentions: tuple[tuple[str, str], ...], keys: set[str]) -> None:
    for art, key in mentions:
        if key in keys:
            g.add(article_node(art), key, key="mentions")


def _add_memberships(
    g: GraphBuilder, memberships: tuple[Membership, ...], base: str, keys: set[str], kept: Callable[[str], object]
) -> None:
    """A node per post read from an article, and a node per title (the role) they share."""
    for m in memberships:
        mid = f"Membership:{m.person}|{m.title}|{m.org}|{m.article}"
        rid = sys.intern(f"Role:{m.title}")
        if rid not in g:
            g.node(rid, kind="Role", iri=role_iri(base, m.title), label=m.title, aliases=())
        if m.plain_title and m.plain_title not in g[rid]["aliases"]:
            g.node(rid, aliases=tuple(sorted({*g[rid]["aliases"], m.plain_title})))  # 黨委書記: 党委书记
        g.node(
            mid,
            kind="Membership",
            iri=membership_iri(base, m.person, m.title, m.org, m.article),
            label=m.title,
            evidence=kept(m.evidence),
            rule=m.rule,
            **({} if m.rule == FORMER_POST else _reported(g, (m.article,))),  # held before its day: when, not known
        )
        g.add(mid, m.person, key="member")
        g.add(mid, rid, key="role")
        if m.org and m.org in keys:
            g.add(mid, m.org, key="organization")
        g.add(mid, article_node(m.article), key="derivedFrom")


def _add_events(
    g: GraphBuilder, events: tuple[Event, ...], base: str, keys: set[str], kept: Callable[[str], object]
) -> None:
    for ev in events:
        g.node(
            ev.key,
            kind="Event",
            iri=event_iri(base, ev.key),
            label=ev.name,
            date=ev.date,
            time_of_day=ev.time_of_day,
            location_text=ev.location_text,
            evidence=kept(ev.evidence),
            rule=ev.rule,
        )
        g.add(ev.key, article_node(ev.article), key="derivedFrom")
        if ev.location and ev.location in keys:
            g.add(ev.key, ev.location, key="location")
        for o in ev.organizers:
            g.add(ev.key, o, key="organizer")
        for p in ev.attendees:
            if p not in ev.organizers:
                g.add(ev.key, p, key="attendee")

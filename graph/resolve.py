"""Resolve: every article's local entities -> one Entity per real-world thing.

How identity is decided (the README repeats this for users):

- An administrative unit is the official unit the gazetteer places it at,
  when its name, the parent the text prints and the districts and cities
  of its article single one out (`秦岭路街道` is 郑州市/中原区/秦岭路街道;
  Shanghai's `南京西路街道` is not in Nanjing; Wuhan's `二七街道` is not
  Zhengzhou's `二七区`). A unit the gazetteer cannot place is identified by
  its name under the parent the text gives it, else under its article's
  district or city.
- A body is identified by its fullest name; a name that does not say where
  the body is (`建设局`, `区政务办`) is qualified by its article's district.
- A person is identified by name within a place: the district of the body
  they hold a post in (as the whole corpus places the body, whatever the
  order of its pages), else of their article. Two 李敏 in different
  districts are two people; one 李敏 in two posts of one district is one.
  Reporters and correspondents are identified by name across the corpus.
- A reference with no context to qualify it joins the one entity of that
  name and class when there is exactly one, and stands alone otherwise.

Every identity is a `graph.keys.Key`, kept in its printed form; the IRI is
minted from it, so the same thing gets the same IRI in every run and corpus.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from graph.fold import (
    Node,
    added,
    district_of,
    entities_of,
    event_row,
    events,
    fold,
    membership_row,
    mentioned,
    met,
    place_row,
    posts,
    stand_in_key,
)
from graph.found import Found
from graph.gazetteer import Gazetteer, PageContext, Place
from graph.keys import Key
from graph.lexicon import ABOVE_TOWN_WORDS, TOWN_WORDS, alternation
from graph.model import (
    ADMIN_TYPES,
    Article,
    ArticleFacts,
    Corpus,
    Event,
    FileReport,
    LocalEntity,
    Membership,
    Part,
)

_INFERRED_POST = ("post.home-unit", "post.unit-word", "post.unit-title", "post.head-of")  # a body the item does not print
_PRESS = re.compile(r"融媒体|记者站|报社|日报|晚报|电视台|广播|新闻|传媒")  # a reporter's own body (记者站站长王磊)
_PLACE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,8}?" + alternation((*ABOVE_TOWN_WORDS, "街道", *TOWN_WORDS)))
_BUREAU = re.compile(r"(?:局|办|委|委员会|领导小组|管委会|办公室)$")
MENTIONS_READ = frozenset({"Person"})  # the classes of an article's mentions the resolution reads (`_mentions`)


class Resolver:
    """Builds the corpus's entities from the articles' facts, in a fixed order."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.nodes: dict[str, Node] = {}
        self.local_key: dict[tuple[str, str, str], str] = {}  # (article, type, name) -> key
        self.redirect: dict[str, str] = {}  # a loose key -> the entity it joined (_unify_unqualified)
        self._rule_sets: dict[tuple[str, ...], tuple[str, ...]] = {}  # each set of rules a node has, once (`_rules`)
        # a person who holds a post in a body, keyed by its district once every page is read (`_settle`): until then
        # under a stand-in named by its (body, the article's scope, name): the same in whatever pages and order it is read
        self._stand_ins: dict[tuple[str, str, str], str] = {}
        self.found = Found()  # mentions, memberships, events: read page by page in `add_page`

    # ------------------------------------------------------------------ places
    def _context(self, facts: ArticleFacts) -> tuple[list[Place], list[Place]]:
        """The official districts and cities an article names."""
        districts = [p for e in facts.entities if e.type == "District" for p in self.gaz.district(e.name)]
        return districts, [p for e in facts.entities if e.type == "City" for p in self.gaz.city(e.name)]

    def _page_context(self, items: Iterable[ArticleFacts]) -> PageContext:
        return self.gaz.page_context(e.name for f in items for e in f.entities if e.type == "District")

    def _place(
        self,
        e: LocalEntity,
        context: tuple[list[Place], list[Place]],
        parent_place: Place | None,
        page_ctx: PageContext,
    ) -> Place | None:
        """The official unit a local admin entity is, if the context singles one out."""
        if e.type in ("City", "District", "StreetOffice", "Town"):
            cands = self._named(e)
        else:
            cands = []
            if parent_place is not None and parent_place.level in ("StreetOffice", "Town"):
                cands = [v for v in self.gaz.villages_of(parent_place) if v.name == e.name]
            elif parent_place is not None and parent_place.level == "District":
                cands = self.gaz.villages_under(parent_place, e.name)
            return cands[0] if len(cands) == 1 else None
        if len(cands) <= 1:
            return cands[0] if cands else None
        districts, cities = context
        for scope in ([parent_place] if parent_place else [], districts, cities, page_ctx.places):
            narrowed = [c for c in cands if any(_under(c, s) for s in scope if s is not None)]
            if len(narrowed) == 1:
                return narrowed[0]
        return None

    def _named(self, e: LocalEntity) -> list[Place]:
        """The official cities, districts, street offices or towns of `e`'s class and name."""
        if e.type == "City":
            return self.gaz.city(e.name)
        return self.gaz.district(e.name) if e.type == "District" else self.gaz.towns(e.name)

    def _places(self, admin: list[LocalEntity], by_name: dict[str, LocalEntity], context: tuple[list[Place], list[Place]],
                page_ctx: PageContext) -> dict[str, Place | None]:
        """The official unit of each of an article's admin entities (`admin`, from the top of the hierarchy down), each
        placed under the parent the text prints it with; then a parent the gazetteer could not single out (鼓楼区: one in
        four cities) takes the unit its child's official place lies in, when that unit has its name and rank; last, a
        district still unplaced is the one of its name another item of the page singles out, in the article's city."""
        places: dict[str, Place | None] = {}
        for e in admin:
            parent = by_name.get(e.parent) if e.parent else None
            parent_place = places.get(parent.name) if parent else None
            place = self._place(e, context, parent_place, page_ctx)
            if place is not None and parent_place is not None and not _under(place, parent_place):
                place = None  # the text's parent disagrees with the gazetteer: trust the text
            places[e.name] = place
        for e in reversed(admin):
            parent, place = by_name.get(e.parent) if e.parent else None, places[e.name]
            if parent is not None and parent.name in places and places[parent.name] is None and place is not None:
                above = self.gaz.by_path.get(place.path[:-1])
                if above is not None and parent.type in ("City", "District", "StreetOffice", "Town") and above in self._named(parent):
                    places[parent.name] = above
        for e in (e for e in admin if e.type == "District" and places[e.name] is None):  # 经开区 on a page printing 郑州经开区
            same = {c for c in set(page_ctx.singled).intersection(self._named(e)) if not context[1] or any(_under(c, s) for s in context[1])}
            places[e.name] = same.pop() if len(same) == 1 else None  # (not another city's the article names: 开封…经开区)
        return places

    # ------------------------------------------------------------------ keys
    def _admin_key(self, e: LocalEntity, place: Place | None, parent_key: str | None, ctx: str) -> str:
        if place is not None:
            return Key.official(e.type, place.path).format()
        if parent_key is not None:
            return Key.under(e.type, parent_key, e.name).format()
        return Key.unplaced(e.type, ctx, e.name).format()

    def resolve(self, facts_list: list[ArticleFacts], reports: tuple[FileReport, ...] = (),
                printed: Sequence[ArticleFacts] | None = None) -> Corpus:
        """The corpus of all the articles' facts at once (articles of one source file may be anywhere in the list);
        `printed`: every page's items as printed, those `facts_list` keeps once (reprints) too, for the pages' context."""
        pages: dict[str, list[ArticleFacts]] = defaultdict(list)
        for f in facts_list if printed is None else printed:
            pages[f.article.source_file].append(f)
        contexts = {file: self._page_context(items) for file, items in pages.items()}
        for f in facts_list:
            self._article(f, contexts.get(f.article.source_file, PageContext()))
        self._settle()
        for f in facts_list:
            self._found_in(f)
        return self._corpus([f.article for f in facts_list], reports)

    def add_page(self, page: Sequence[ArticleFacts], printed: Sequence[ArticleFacts] | None = None,
                 parts: bool = False) -> list[Part]:
        """Resolve one page's articles now, keeping only what the graph is made of (not the page's records).

        For a build whose pages' ids and source files are their own (no
        other page shares either), with duplicates already dropped: the
        result of `finish` is that of `resolve` over all the pages' facts.
        Mentions, posts and events are keyed now, by the article's own
        keys, and moved to the entities their keys join in `finish`. The
        districts the page prints (`printed`: its items, reprints too) are
        its articles' context (`_place`), whatever pages came before it.
        With `parts`, each article is resolved alone (`part`) and folded in
        (`fold`), and the Part of every item the page prints, reprints too
        (which printing is resolved depends on the pages read before), is
        given back, in order, to be kept with the page; the corpus is the
        same either way (tests/test_resolved.py).
        """
        items = page if printed is None else printed
        ctx = self._page_context(items)
        if not parts:
            for f in page:
                self.local_key = {}  # only this article's: its id is its own
                self._article(f, ctx)
                self._found_in(f)
            self.local_key = {}
            return []
        new = {id(f) for f in page}
        out = []
        for f in items:
            out.append(part := self.part(f, ctx))
            if id(f) in new:
                self.fold(f.article.id, part)
        return out

    def part(self, f: ArticleFacts, page_ctx: PageContext) -> Part:
        """What resolving article `f` gives, read alone with its page's context (`page_ctx`): keyed here, it is keyed so
        whatever was read before it (a person who holds a post is keyed under a stand-in until `_settle`)."""
        one = Resolver(self.gaz)
        one._article(f, page_ctx)
        one._found_in(f)
        return (
            tuple((n.key, n.type, n.name, n.aliases, n.parent, n.parent_source, n.parent_rule, place_row(n.place), n.rules)
                  for n in one.nodes.values()),
            tuple(one._stand_ins),
            one.found.mentions.get(f.article.id, ()),
            tuple(map(membership_row, one.found.memberships)),
            tuple(map(event_row, one.found.events)),
        )

    def fold(self, article: str, part: Part) -> None:
        """Add article `article`'s Part, read after those folded so far: what resolving the article here adds."""
        fold(self.nodes, self._rules, self._stand_ins, article, part)
        self.found.add(mentioned(article, part), posts(part), events(part))

    def _found_in(self, f: ArticleFacts) -> None:
        """An article's mentions, posts and events, keyed by its keys, kept for the corpus."""
        self.found.add(self._mentions(f), self._memberships(f), self._events(f))

    def finish(self, articles: Sequence[Article], reports: tuple[FileReport, ...] = ()) -> Corpus:
        """The corpus of the pages given to `add_page`; `articles` are theirs, kept, in order."""
        self._settle()
        self.found.redirect(self.redirect)
        return self._corpus(articles, reports)

    def _article(self, f: ArticleFacts, page_ctx: PageContext) -> None:
        a = f.article
        credited = {*a.reporters, *a.correspondents, *a.photographers, *(n for n, _ in a.editors)}
        districts, cities = self._context(f)
        official_d = sorted({"/".join(p.path) for p in districts})
        official_c = sorted({"/".join(p.path) for p in cities})
        ctx = official_d[0] if len(official_d) == 1 else (official_c[0] if len(official_c) == 1 else "")
        by_name = {e.name: e for e in f.entities}
        keys: dict[str, str] = {}
        # admin units, from the top of the hierarchy down, so parents are keyed first
        admin = sorted((e for e in f.entities if e.type in ADMIN_TYPES), key=lambda e: ADMIN_TYPES.index(e.type))
        places = self._places(admin, by_name, (districts, cities), page_ctx)
        for e in admin:
            parent = by_name.get(e.parent) if e.parent else None
            place = places[e.name]
            parent_key = keys.get(parent.name) if parent else None
            key = sys.intern(self._admin_key(e, place, parent_key, ctx))  # one string a key, however often it is read
            keys[e.name] = key
            node = self._node(key, e, a.id)
            node.place = node.place or place
            if parent_key:
                node.parent, node.parent_source, node.parent_rule = parent_key, "text", e.parent_rule
        for e in f.entities:
            if e.type == "Organization":
                qualified = _PLACE_PREFIX.match(e.name) or not _BUREAU.search(e.name)
                ident = Key.of("Organization", e.name) if qualified else Key.in_scope("Organization", ctx, e.name)
                keys[e.name] = sys.intern(ident.format())
                node = self._node(keys[e.name], e, a.id)
                if e.parent and e.parent in keys and not node.parent:
                    node.parent, node.parent_source, node.parent_rule = keys[e.parent], "text", e.parent_rule
        # people: by the district of the body they hold a post in (`_settle`), else the article's
        post_org = {p.person: keys[p.org] for p in reversed(f.posts) if p.org and p.org in keys}  # each one's first
        # a reporter's namesake holding a post in a body the item prints, not the press's (记者 李明 | 花园路街道办事处副主任李明)
        official = {p.person for p in f.posts if p.person in a.reporters and p.org in keys and p.rule not in _INFERRED_POST and not _PRESS.search(p.org)}
        for e in f.entities:
            if e.type != "Person":
                continue
            if e.informal:
                key = Key.of("Person", a.id, e.name).format()  # 李阿姨 is someone in this story only
            elif e.name in credited and e.name not in official:
                key = Key.press(e.name).format()
            elif e.name in post_org:
                held = (post_org[e.name], ctx, e.name)
                key = self._stand_ins.get(held) or self._stand_ins.setdefault(held, stand_in_key(held))
            else:
                key = Key.in_scope("Person", ctx, e.name).format()
            keys[e.name] = sys.intern(key)
            if e.name in official:  # the credit the press's, the rest the official's
                self._node(Key.press(e.name).format(), replace(e, aliases=(), rules=("person.credit",)), a.id)
                e = replace(e, rules=tuple(r for r in e.rules if r != "person.credit"))
            self._node(keys[e.name], e, a.id)
        self.local_key.update({(a.id, e.type, e.name): keys[e.name] for e in f.entities if e.name in keys})

    def _node(self, key: str, e: LocalEntity, article: str) -> Node:
        node = self.nodes.get(key)
        if node is None:
            node = self.nodes[key] = Node(key, sys.intern(e.type), e.name)
        met(node, e.name, e.aliases, article, e.rules, self._rules)
        return node

    def _rules(self, held: tuple[str, ...], more: Sequence[str]) -> tuple[str, ...]:
        """`held` with `more` added, sorted: one tuple for each set of rules met, shared by the nodes that have it."""
        if all(r in held for r in more):  # most entities are met again by the rules that found them before
            return held
        rules = tuple(sorted({*held, *more}))
        return self._rule_sets.setdefault(rules, tuple(map(sys.intern, rules)))

    def _settle(self) -> None:
        """Once every page is read: key each person held under a stand-in by the district of the body they hold a post
        in, as the pages tell it whatever their order (else by their article's scope), then join the references
        without context (`_unify_unqualified`). `redirect` takes every stand-in to its person's entity."""
        placed: dict[str, str] = {}
        joins: dict[str, str] | None = None  # (`_joins`, made once and only when a holder's body is keyed without a place)
        for (org, ctx, name), stand_in in self._stand_ins.items():
            where = district_of(org, self.nodes)
            if where is None and Key.loose_text(org):  # …the placed entity its body will join (中侨绿城社区, its city's story)
                joins = self._joins() if joins is None else joins
                joined = joins.get(org)
                where = district_of(joined, self.nodes) if joined is not None and not Key.loose_text(joined) else None
            key = placed[stand_in] = sys.intern(Key.in_scope("Person", where or ctx, name).format())
            src, dst = self.nodes.pop(stand_in), self.nodes.get(key)
            if dst is None:
                src.key = key
                self.nodes[key] = src
            else:  # a person has no parent and no place: only what the mentions add
                dst.aliases = added(dst.aliases, src.aliases)
                dst.articles += src.articles  # sorted and each once in `_entities`
                dst.rules = self._rules(dst.rules, src.rules)
        self._stand_ins = {}
        self._unify_unqualified()
        self.redirect.update({s: self.redirect.get(k, k) for s, k in placed.items()})

    def _joins(self) -> dict[str, str]:
        """Each key not tied to a place and the key it joins, in the nodes' order: the one key of its class and name
        tied to a place, when that one lies in its scope (`Key.in_scope_of`: a story of 开封's 文庙社区 is not 郑州's);
        where a name has no key tied to a place, the first of its loose keys."""
        by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
        for key, n in self.nodes.items():
            by_name[(n.type, n.name)].append(key)
        joins: dict[str, str] = {}
        for keys in by_name.values():
            loose = [k for k in keys if Key.loose_text(k)]
            if not loose:  # most names: every key is placed, nothing joins
                continue
            firm = [k for k in keys if not Key.loose_text(k)]
            if len(firm) == 1:
                joins.update((k, firm[0]) for k in loose if Key.in_scope_of(k, firm[0]))
            elif not firm and len(loose) > 1:
                target = sorted(loose)[0]
                joins.update((k, target) for k in loose if k != target)
        return joins

    def _unify_unqualified(self) -> None:
        """A reference without context joins the one entity of its class and name, if one and it lies in the
        reference's scope (`_joins`), else the references of a name that has no such entity join each other."""
        self.redirect = {}
        for k, target in self._joins().items():
            src = self.nodes.pop(k)
            dst = self.nodes[target]
            dst.aliases = added(dst.aliases, src.aliases)
            dst.articles += src.articles  # sorted and each once in `_entities`
            dst.rules = self._rules(dst.rules, src.rules)
            if not dst.parent:
                dst.parent, dst.parent_source, dst.parent_rule = src.parent, src.parent_source, src.parent_rule
            dst.place = dst.place or src.place
            self.redirect[k] = target
        for n in self.nodes.values():
            if n.parent in self.redirect:
                n.parent = self.redirect[n.parent]
            if n.name in n.aliases:
                n.aliases = tuple(a for a in n.aliases if a != n.name)

    def key_of(self, article: str, type_: str, name: str) -> str | None:
        k = self.local_key.get((article, type_, name))
        return self.redirect.get(k, k) if k else None

    def _key_any(self, article: str, name: str) -> str | None:
        for t in (*ADMIN_TYPES, "Organization", "Person"):
            k = self.key_of(article, t, name)
            if k:
                return k
        return None

    # ------------------------------------------------------------------ corpus
    def _corpus(self, articles: Sequence[Article], reports: tuple[FileReport, ...]) -> Corpus:
        found, self.found = self.found, Found()
        return Corpus(
            articles=tuple(articles),
            entities=tuple(entities_of(self.nodes)),
            memberships=tuple(sorted(set(found.memberships), key=lambda m: (m.article, m.person, m.title, m.org or ""))),
            events=tuple(found.events),
            mentions=found.mention_pairs(),
            reports=reports,
        )

    def _mentions(self, f: ArticleFacts) -> set[tuple[str, str]]:
        """The entities an article mentions. A byline is a credit (schema:author...), not a mention:
        a credited name is mentioned only where the article's text prints it."""
        a = f.article
        credited = {*a.reporters, *a.correspondents, *a.photographers, *(n for n, _ in a.editors)}
        printed = {m.text for m in f.mentions if m.type in MENTIONS_READ}
        out = set()
        for e in f.entities:
            k = self.key_of(a.id, e.type, e.name)
            if k and not (e.type == "Person" and e.name in credited and e.name not in printed):
                out.add((a.id, k))
        return out

    def _memberships(self, f: ArticleFacts) -> list[Membership]:
        a = f.article.id
        out = []
        for p in f.posts:
            person = self.key_of(a, "Person", p.person)
            if person is not None:
                org = self._key_any(a, p.org) if p.org else None
                out.append(Membership(person, p.title, org, a, p.evidence, p.rule, p.plain_title))
        return out

    def _events(self, f: ArticleFacts) -> list[Event]:
        a = f.article.id
        out = []
        for i, r in enumerate(f.events, start=1):
            loc_key = self._key_any(a, r.location) if r.location else None
            out.append(
                Event(
                    key=Key.of("Event", a, f"{i:02d}").format(),
                    name=r.name,
                    date=r.date,
                    time_of_day=r.time_of_day,
                    location=loc_key,
                    location_text=None if loc_key else r.location,
                    organizers=tuple(k for k in (self._key_any(a, o) for o in r.organizers) if k),
                    attendees=tuple(k for k in (self._key_any(a, x) for x in r.attendees) if k),
                    article=a,
                    evidence=r.evidence,
                    rule=r.rule,
                )
            )
        return out


def _under(place: Place, ancestor: Place) -> bool:
    return len(place.path) > len(ancestor.path) and place.path[: len(ancestor.path)] == ancestor.path


def resolve(facts: list[ArticleFacts], gaz: Gazetteer, reports: tuple[FileReport, ...] = (),
            printed: Sequence[ArticleFacts] | None = None) -> Corpus:
    """Resolve a corpus's facts into entities, memberships and events (`printed`: see `Resolver.resolve`)."""
    return Resolver(gaz).resolve(facts, reports, printed)


__all__ = ["resolve", "Resolver"]

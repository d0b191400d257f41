"""Extract: Articles -> ArticleFacts (mentions, local entities, posts, events).

The extractors are small functions over one sentence's text and tokens
(units, people, dates, events); this module runs them over every sentence
of an article, settles overlapping spans in one place and folds the
article's mentions into its local entities: one per thing the article
names, with every printed form as an alias and the containment the text
states. Resolution across articles happens later, in graph.resolve.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from graph.extract import events as ev
from graph.extract.dates import DateMention, find_dates
from graph.extract.lexicon import INFORMAL_RE, looks_like_name
from graph.extract.people import PersonSpan, PostSpan, find_people, find_posts
from graph.extract.tagger import Tagger, Token, get_tagger, sentences
from graph.extract.units import Span, UnitFinder
from graph.gazetteer import Gazetteer
from graph.gazetteer import load as load_gazetteer
from graph.model import ADMIN_RANK, Article, ArticleFacts, EventRecord, LocalEntity, Mention, Post

EXTRACTOR_VERSION = "1"


@dataclass
class _Sentence:
    offset: int
    text: str
    tokens: list[Token]
    units: list[Span] = field(default_factory=list)  # absolute offsets
    people: list[PersonSpan] = field(default_factory=list)  # relative offsets
    posts: list[PostSpan] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)  # relative offsets


class Extractor:
    """Runs every extractor over articles; holds the tagger and the gazetteer."""

    def __init__(self, tagger: Tagger | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.tagger = tagger or get_tagger()
        self.gaz = gazetteer or load_gazetteer()
        self.units = UnitFinder(self.gaz)

    def extract(self, articles: list[Article]) -> list[ArticleFacts]:
        """Facts of each article; all the page's sentences are tagged in one batch."""
        plans = [(a, sentences(a.text)) for a in articles]
        flat = [s for _, sents in plans for _, s in sents]
        tags = self.tagger.tag(flat) if flat else []
        out = []
        k = 0
        for article, sents in plans:
            sent_objs = []
            for off, s in sents:
                toks = tags[k]
                k += 1
                sent_objs.append(_Sentence(off, s, toks))
            out.append(self._article(article, sent_objs))
        return out

    # ------------------------------------------------------------------ one article
    def _article(self, article: Article, sents: list[_Sentence]) -> ArticleFacts:
        text = article.text
        credits = [*article.reporters, *article.correspondents, *article.photographers]
        # units and bodies
        for s in sents:
            admin = self.units.admin_units(s.text, s.tokens, s.offset)
            listed = [u for u in self.units.listed_units(s.text, s.tokens, s.offset) if not _overlaps(u, admin)]
            orgs = self.units.organizations(s.text, s.tokens, admin, s.offset)
            s.units = settle([*admin, *listed, *orgs])
        # people: names with evidence first, then their other mentions
        known = {n for n in credits if looks_like_name(n)}
        for _ in range(2):
            for s in sents:
                s.people = find_people(s.text, s.tokens, known)
                known |= {p.name for p in s.people if not p.informal}
        for s in sents:
            s.people = [p for p in s.people if not _inside_unit(p, s)]
            rel_units = [_shift(u, -s.offset) for u in s.units]
            s.posts = find_posts(s.text, s.people, rel_units)
            s.dates = find_dates(s.text, article.page_date)
        section_units = self._section_units(article.section)
        entities, alias_of = self._local_entities(article, sents, section_units)
        persons = self._persons(article, sents, credits)
        entities.extend(persons.values())
        posts = self._posts(article, sents, entities)
        events = self._events(article, sents, entities, alias_of)
        mentions = self._mentions(article, sents, alias_of)
        return ArticleFacts(article, tuple(mentions), tuple(entities), tuple(posts), tuple(events))

    def _section_units(self, section: str) -> list[Span]:
        """Units named by the page section the article is printed under (`## 中原区`)."""
        if not section:
            return []
        toks = self.tagger.tag([section])[0]
        return [Span(-1, -1, u.text, u.type, u.name, u.aliases, u.parent, u.source) for u in self.units.admin_units(section, toks, 0)]

    def _local_entities(
        self, article: Article, sents: list[_Sentence], section: list[Span]
    ) -> tuple[list[LocalEntity], dict[tuple[str, str], str]]:
        """Fold unit and body spans into one entity per thing, with aliases and parents."""
        forms: dict[tuple[str, str], list[str]] = defaultdict(list)
        parents: dict[tuple[str, str], str | None] = {}
        order: list[tuple[str, str]] = []
        for span in [*section, *(u for s in sents for u in s.units)]:
            key = (span.type, span.name)
            if key not in forms:
                order.append(key)
                parents[key] = None
            forms[key].extend([span.text, *span.aliases])
            if span.parent and not parents[key]:
                parents[key] = span.parent
        alias_of = _short_forms(order)
        # 区市场监管局 in an article about one district: 二七区市场监管局
        districts = sorted({n for t, n in order if t == "District" and (t, n) not in alias_of})
        if len(districts) == 1:
            d = districts[0]
            for t, n in order:
                if t == "Organization" and n[0] == "区" and len(n) >= 3 and (t, d + n[1:]) not in forms:
                    alias_of[(t, n)] = d + n[1:]
                    forms[(t, d + n[1:])] = [n]
                    parents[(t, d + n[1:])] = d
                    order.append((t, d + n[1:]))
        entities: list[LocalEntity] = []
        merged: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key in order:
            target = (key[0], alias_of.get(key, key[1]))
            merged[target].update(forms[key])
            merged[target].add(key[1])
            if parents.get(key) and not parents.get(target):
                parents[target] = parents[key]
        # a unit the text gives no parent lies in the article's one unit of the rank above
        for key in order:
            t = key[0]
            if key in alias_of or parents.get(key) or t not in _ABOVE:
                continue
            above = [k for k in order if k[0] in _ABOVE[t] and k not in alias_of]
            if len(above) == 1 and (above[0][0] != "District" or self.gaz.district(above[0][1])):
                parents[key] = above[0][1]
        for key in order:
            if key in alias_of:
                continue
            t, name = key
            aliases = tuple(sorted(a for a in merged[key] if a and a != name))
            parent = parents.get(key)
            if parent is not None:
                parent = _resolve_alias(parent, alias_of)
            entities.append(LocalEntity(t, name, aliases, parent if parent != name else None))
        return entities, {f"{t}|{n}": a for (t, n), a in alias_of.items()}

    def _persons(self, article: Article, sents: list[_Sentence], credits: list[str]) -> dict[str, LocalEntity]:
        persons: dict[str, LocalEntity] = {}
        for n in credits:
            persons.setdefault(n, LocalEntity("Person", n))
        formal_titles: dict[str, set[str]] = defaultdict(set)
        for s in sents:
            for post in s.posts:
                formal_titles[post.person].add(post.title)
            for p in s.people:
                if not p.informal:
                    persons.setdefault(p.name, LocalEntity("Person", p.name))
        for s in sents:
            for p in s.people:
                if not p.informal or p.name in persons:
                    continue
                # 王区长 is 王鹏 when the article gives 王鹏 the post 区长
                owner = [n for n, titles in formal_titles.items() if n[0] == p.name[0] and p.title in titles]
                if len(owner) == 1:
                    e = persons[owner[0]]
                    persons[owner[0]] = LocalEntity("Person", e.name, tuple(sorted({*e.aliases, p.name})))
                elif p.name not in persons:
                    persons[p.name] = LocalEntity("Person", p.name, informal=True)
        return persons

    def _posts(self, article: Article, sents: list[_Sentence], entities: list[LocalEntity]) -> list[Post]:
        by_type: dict[str, list[str]] = defaultdict(list)
        canonical: dict[str, str] = {}
        for e in entities:
            by_type[e.type].append(e.name)
            if e.type != "Person":
                for form in (*e.aliases, e.name):
                    canonical[form] = e.name
        out: list[Post] = []
        seen = set()
        for s in sents:
            for p in s.posts:
                org = p.org
                if p.generic and org:
                    org = _own_unit(org, by_type, self.gaz)
                elif org:
                    org = canonical.get(org, org)
                key = (p.person, p.title, org)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Post(p.person, p.title, org, s.text.strip()))
        return out

    def _events(
        self, article: Article, sents: list[_Sentence], entities: list[LocalEntity], alias_of: dict[str, str]
    ) -> list[EventRecord]:
        names = {e.name: e for e in entities}
        forms = {a: e.name for e in entities for a in (e.name, *e.aliases)}
        body_start = article.body_offset
        cands: list[ev.EventCandidate] = []
        body_sents = [s for s in sents if s.offset >= body_start]
        lead = {id(s) for s in body_sents[:2]}
        lead_date = next(
            (d for s in body_sents[:4] for d in s.dates if d.value and not ev.BLUR_LEAD.search(body_sents[0].text)), None
        )
        for s in sents:
            in_headline = s.offset < body_start
            found = [(a, b, n, 0 if in_headline else (1 if id(s) in lead else 4)) for a, b, n in ev.triggers(s.text)]
            if id(s) in lead and not found:
                # ongoing work the lead reports: ranked after a verb-object headline
                found = [(a, b, n, 2.5) for a, b, n in ev.campaigns(s.text)]
            if in_headline and not found:
                h = ev.headline_event(s.text)
                if h:
                    found = [(*h, 2)]
            for start, end, name, rank in found:
                c = ev.EventCandidate(name, s.offset + start, s.text, headline=in_headline, rank=rank)
                before = [d for d in s.dates if d.start <= start] or s.dates
                c.date = before[-1] if before else None
                if c.rank == 4 and c.date is not None and c.date.value:
                    c.rank = 3
                place = ev.location_in(s.text, start)
                if place:
                    c.location = forms.get(place) or _entity_in(place, forms) or place
                subject = [u for u in s.units if u.start - s.offset < start and u.type != "Person"]
                c.organizers = _subjects(subject, s, start, forms, c.location)
                c.more = ev.continues(s.text)
                cands.append(c)
        events = _merge_events(cands, lead_date)
        # who holds it when the clause does not say: the unit the headline (or lead) is about
        admin_names = {e.name for e in entities if e.type in ADMIN_RANK}
        topic = _topic(sents, body_start, forms)
        for c in events:
            if not c.organizers and topic:
                c.organizers = [topic]
            if c.location is None and len(c.organizers) == 1 and c.organizers[0] in admin_names:
                c.location = c.organizers[0]  # held by a street office, with no place given: in it
        people = {e.name for e in entities if e.type == "Person" and not e.informal}
        credited = {*article.reporters, *article.correspondents, *article.photographers}
        attendees: list[str] = []
        for s in sents:
            if ev.participation(s.text):
                for p in s.people:
                    if p.name in people and p.name not in credited and p.name not in attendees:
                        attendees.append(p.name)
            for p in s.posts:
                if p.person in people and p.person not in credited and p.person not in attendees:
                    attendees.append(p.person)
        out: list[EventRecord] = []
        for i, c in enumerate(events):
            org_att: list[str] = []
            if i == 0:
                for s in sents:
                    if ev.org_participation(s.text):
                        for u in s.units:
                            n = forms.get(u.text) or forms.get(u.name)
                            if n and n not in c.organizers and n not in org_att and n != c.location:
                                org_att.append(n)
            date = c.date.value if c.date else None
            tod = c.date.time_of_day if c.date else None
            out.append(
                EventRecord(
                    name=c.name,
                    date=date,
                    time_of_day=tod,
                    location=c.location,
                    organizers=tuple(c.organizers),
                    attendees=tuple((attendees if i == 0 else []) + org_att),
                    evidence=c.sentence.strip(),
                )
            )
        del names
        return out

    def _mentions(self, article: Article, sents: list[_Sentence], alias_of: dict[str, str]) -> list[Mention]:
        out: list[Mention] = []
        for s in sents:
            for u in s.units:
                out.append(Mention(article.id, u.start, u.end, article.text[u.start : u.end], u.type, u.source))
            for p in s.people:
                out.append(Mention(article.id, s.offset + p.start, s.offset + p.end, p.name, "Person", "informal" if p.informal else "people"))
        return sorted(out, key=lambda m: (m.start, m.end, m.type))


# ---------------------------------------------------------------------- helpers

_ABOVE = {
    "Community": ("StreetOffice", "Town"),
    "Village": ("Town", "StreetOffice"),
    "StreetOffice": ("District",),
    "Town": ("District",),
}


def settle(spans: list[Span]) -> list[Span]:
    """Resolve overlapping spans in one place: the longer span wins, then the earlier start.

    A unit inside a body's name (中原区 in 中原区市场监督管理局) is not an
    overlap: containment of one span in another of a different class is kept.
    """
    out: list[Span] = []
    for sp in sorted(spans, key=lambda s: (-(s.end - s.start), s.start, s.type)):
        clash = False
        for o in out:
            if sp.start < o.end and o.start < sp.end:
                inside = o.start <= sp.start and sp.end <= o.end
                if inside and o.type == "Organization" and sp.type != "Organization":
                    continue
                if inside and sp.type != o.type and o.type != "Organization":
                    continue
                clash = True
                break
        if not clash:
            out.append(sp)
    return sorted(out, key=lambda s: (s.start, s.end))


def _overlaps(u: Span, spans: list[Span]) -> bool:
    return any(u.start < o.end and o.start < u.end for o in spans)


def _shift(u: Span, d: int) -> Span:
    return Span(u.start + d, u.end + d, u.text, u.type, u.name, u.aliases, u.parent, u.source)


def _inside_unit(p: PersonSpan, s: _Sentence) -> bool:
    """A 'name' inside a place or body name (刘胡桐 in 刘胡桐村) is not a person."""
    a, b = s.offset + p.start, s.offset + p.end
    return any(u.start <= a and b <= u.end for u in s.units)


def _short_forms(keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map a shorter printed form to the longer name it abbreviates, within one article.

    棉西社区 -> 四棉西社区 (a tagger cut the name short), 康桥社区 -> 康桥华城社区
    (the longer form printed once), 马寨镇党委 is kept by the body's own aliases.
    """
    out: dict[tuple[str, str], str] = {}
    for t, n in keys:
        if t not in ADMIN_RANK and t != "Organization":
            continue
        for t2, m in keys:
            if t2 != t or m == n or len(m) <= len(n):
                continue
            if t == "Organization":
                continue
            stem_n = re.sub(r"(?:街道|社区|村|镇|乡|区|县|市)$", "", n)
            stem_m = re.sub(r"(?:街道|社区|村|镇|乡|区|县|市)$", "", m)
            if len(stem_n) >= 2 and (stem_m.endswith(stem_n) or stem_m.startswith(stem_n)) and n[-2:] == m[-2:]:
                out[(t, n)] = m
                break
    return out


def _resolve_alias(name: str, alias_of: dict[tuple[str, str], str]) -> str:
    for (t, n), target in alias_of.items():
        if n == name:
            return target
    return name


def _own_unit(word: str, by_type: dict[str, list[str]], gaz: Gazetteer) -> str | None:
    """The article's own unit a generic word names: 街道 -> its one street office."""
    cls = {"街道": "StreetOffice", "街道办事处": "StreetOffice", "街道办": "StreetOffice", "办事处": "StreetOffice",
           "社区": "Community", "村": "Village", "镇": "Town", "乡": "Town", "区": "District", "县": "District",
           "市": "City"}.get(word)
    if cls is None:
        return None
    cands = by_type.get(cls, [])
    if len(cands) != 1:
        return None
    if cls == "District" and not gaz.district(cands[0]):
        return None  # 区长 of a 新区 is not a post of that unit: it has none
    return cands[0]


def _entity_in(place: str, forms: dict[str, str]) -> str | None:
    """A place string that is an entity's printed form after a generic prefix (辖区秦岭路街道)."""
    for f in sorted(forms, key=len, reverse=True):
        if place.endswith(f) and len(f) >= len(place) - 2:
            return forms[f]
    return None


def _subjects(units: list[Span], s: _Sentence, start: int, forms: dict[str, str], location: str | None) -> list[str]:
    """The bodies that hold the event: units printed in the clause before the trigger."""
    clause_start = max(s.text.rfind(c, 0, start) for c in "。；;!！?？") + 1
    out: list[str] = []
    chain_end = None
    for u in units:
        rel = u.start - s.offset
        if rel < clause_start:
            continue
        between = s.text[max(clause_start, rel - 2) : rel]
        if "在" in between or re.search(r"[在到于]$", s.text[clause_start:rel]):
            continue
        n = forms.get(u.text) or forms.get(u.name)
        if not n or n == location:
            continue
        if chain_end is not None and u.start == chain_end and out:
            out[-1] = n  # 中原区三官庙街道: the lowest unit of a chain holds it
        elif n not in out:
            out.append(n)
        chain_end = u.end
    return out


def _topic(sents: list[_Sentence], body_start: int, forms: dict[str, str]) -> str | None:
    """The unit or body an item is about: the lowest of the first chain in its headline, else its lead."""
    heads = [s for s in sents if s.offset < body_start]
    body = [s for s in sents if s.offset >= body_start][:1]
    for group in (heads, body):
        for s in group:
            units = [u for u in s.units if u.type != "Person"]
            if not units:
                continue
            chosen = units[0]
            for u in units[1:]:
                if u.start == chosen.end:
                    chosen = u
                else:
                    break
            return forms.get(chosen.text) or forms.get(chosen.name)
    return None


def _merge_events(cands: list[ev.EventCandidate], lead_date: DateMention | None) -> list[ev.EventCandidate]:
    """One event per occurrence reported: the main one, and those with a day of their own.

    The main event is the headline's, else the lead's, else the one the
    headline states by a verb, else the first dated one, else the first.
    Mentions of the same occurrence (similar names) are merged.
    """
    merged: list[ev.EventCandidate] = []
    for c in sorted(cands, key=lambda c: (c.rank, c.start)):
        same = next((m for m in merged if ev.similar(m.name, c.name)), None)
        if same is None:
            merged.append(c)
            continue
        if c.date and not same.date:
            same.date = c.date
        if same.headline and not c.headline:
            same.sentence = c.sentence
        same.location = same.location or c.location
        for o in c.organizers:
            if o not in same.organizers:
                same.organizers.append(o)
    if not merged:
        return []
    main = merged[0]
    if main.date is None and lead_date is not None and main.rank <= 2.5:
        main.date = lead_date
    keep = [main]
    for m in merged[1:]:
        distinct_day = m.date is not None and m.date.value and (main.date is None or m.date.value != main.date.value)
        if distinct_day and m.rank <= 3:
            keep.append(m)
        elif getattr(m, "more", False):
            m.date = m.date or main.date
            keep.append(m)
    return keep[:3]

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
from collections.abc import Callable
from dataclasses import dataclass, replace

from graph.extract.bodies import BodyFinder
from graph.extract.dates import find_dates, told_day
from graph.extract.fold import fold_units
from graph.extract.heads import head_of
from graph.extract.lists import ListFinder
from graph.extract.occurrences import article_events
from graph.extract.people import PersonSpan, find_people
from graph.extract.post_places import (
    OFFICE_TITLE,
    PROVINCE_AT_START,
    addressed_as,
    home_unit,
    one_reading_each,
    own_unit,
    printed_before,
    titled_above,
    visited,
)
from graph.extract.posts import find_posts
from graph.extract.sentence import Sentence
from graph.extract.spans import PROPER, Span, split_joined, split_spaces
from graph.extract.tagger import Tagger, get_tagger, sentences
from graph.extract.units import UnitFinder
from graph.gazetteer import Gazetteer
from graph.gazetteer import load as load_gazetteer
from graph.lexicon import ADMIN_SUFFIXES, NATIONAL_TITLES, looks_like_name
from graph.model import FORMER_POST, Article, ArticleFacts, LocalEntity, Mention, Post


@dataclass(frozen=True, slots=True)
class SpanRule:
    """One finder of a sentence's units or bodies: the rule ids its spans carry, what it reads, the
    finder, the group its spans join, and the groups found before whose spans it may not overlap.

    The finder sees the extractor (its gazetteer-backed finders), the sentence and the groups so far.
    """

    rules: tuple[str, ...]
    reads: str
    finds: Callable[[Extractor, Sentence, dict[str, list[Span]]], list[Span]]
    group: str
    apart_from: tuple[str, ...] = ()


class Extractor:
    """Runs every extractor over articles; holds the tagger and the gazetteer."""

    def __init__(self, tagger: Tagger | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.tagger = tagger or get_tagger()
        self.gaz = gazetteer or load_gazetteer()
        self.units = UnitFinder(self.gaz)
        self.lists = ListFinder(self.gaz)
        self.bodies = BodyFinder(self.gaz)

    def warm(self, articles: list[Article]) -> None:
        """Tag the articles' sentences and section labels now, in one batch (the tagger keeps them)."""
        if self.tagger.cache_size > 0:
            self.tagger.warm([s for a in articles for _, s in sentences(a.text)] + [a.section for a in articles if a.section])

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
                toks = split_joined(s, split_spaces(s, tags[k]))  # 区民政局联合区卫健委: two bodies the tagger read as one
                k += 1
                sent_objs.append(Sentence(off, s, toks))
            out.append(self._article(article, sent_objs))
        return out

    # ------------------------------------------------------------------ one article
    def _article(self, article: Article, sents: list[Sentence]) -> ArticleFacts:
        credits = [*article.reporters, *article.correspondents, *article.photographers, *(n for n, _ in article.editors)]
        # units and bodies, by SPAN_RULES
        for s in sents:
            groups: dict[str, list[Span]] = {g: [] for g in _SPAN_GROUPS}
            for rule in SPAN_RULES:
                apart = [u for g in rule.apart_from for u in groups[g]]
                groups[rule.group] += [u for u in rule.finds(self, s, groups) if not _overlaps(u, apart)]
            s.units = settle([u for g in _SPAN_GROUPS for u in groups[g]])
        # people: names with evidence first, then their other mentions
        known = {n for n in credits if looks_like_name(n)}
        for s in sents:
            s.people = find_people(s.text, s.tokens, known)
            known |= {p.name for p in s.people if not p.informal}
        for s in sents:  # again where a name found later in the article is printed
            have = {p.name for p in s.people}
            if any(n in s.text for n in known - have):
                s.people = find_people(s.text, s.tokens, known)
        stems = _unit_stems(sents)
        cut = _cut_names(article.text, {p.name for s in sents for p in s.people if not p.informal})
        told = None  # the last range of days the article printed with its month: a bare day inside it is of that month
        for s in sents:
            s.people = [_whole(p, cut) for p in s.people if not _inside_unit(p, s) and p.name not in stems]
            rel_units = [_shift(u, -s.offset) for u in s.units]
            s.posts = find_posts(s.text, s.people, rel_units)
            s.dates = find_dates(s.text, article.page_date, told)
            told = told_day(s.dates, article.page_date, told)
        section_units = self._section_units(article.section)
        entities = self._local_entities(article, sents, section_units)
        persons = self._persons(article, sents, credits)
        entities.extend(persons.values())
        posts = self._posts(article, sents, entities)
        events = article_events(article, sents, entities)
        mentions = self._mentions(article, sents)
        return ArticleFacts(article, tuple(mentions), tuple(entities), tuple(posts), tuple(events))

    def _section_units(self, section: str) -> list[Span]:
        """Units named by the page section the article is printed under (`## 中原区`)."""
        if not section:
            return []
        toks = self.tagger.tag([section])[0]
        return [replace(u, start=-1, end=-1) for u in self.units.admin_units(section, toks, 0)]

    def _local_entities(self, article: Article, sents: list[Sentence], section: list[Span]) -> list[LocalEntity]:
        """Fold unit and body spans into one entity per thing, with aliases and parents."""
        return fold_units(section, sents, self.gaz)

    def _persons(self, article: Article, sents: list[Sentence], credits: list[str]) -> dict[str, LocalEntity]:
        persons: dict[str, LocalEntity] = {}
        rules: dict[str, set[str]] = defaultdict(set)
        for n in credits:
            persons.setdefault(n, LocalEntity("Person", n))
            rules[n].add("person.credit")
        formal_titles: dict[str, set[str]] = defaultdict(set)
        for s in sents:
            for post in s.posts:
                formal_titles[post.person].add(post.title)
            for p in s.people:
                rules[p.name].add(p.rule)
                if not p.informal:
                    persons.setdefault(p.name, LocalEntity("Person", p.name))
        for s in sents:
            for p in s.people:
                if not p.informal or p.name in persons:
                    continue
                # 王区长 is 王鹏 when the article gives 王鹏 the post 区长; 赵主任 a 副主任, 刘书记 a 党工委书记 (a title is
                # said without its body and its 副)
                owner = [n for n, titles in formal_titles.items() if n[0] == p.name[0] and addressed_as(p.title or "", titles)]
                if len(owner) == 1:
                    e = persons[owner[0]]
                    persons[owner[0]] = LocalEntity("Person", e.name, tuple(sorted({*e.aliases, p.name})))
                    rules[owner[0]] |= rules[p.name]
                else:
                    persons[p.name] = LocalEntity("Person", p.name, informal=True)
        return {n: replace(e, rules=tuple(sorted(rules[n]))) for n, e in persons.items()}

    def _posts(self, article: Article, sents: list[Sentence], entities: list[LocalEntity]) -> list[Post]:
        by_type: dict[str, list[str]] = defaultdict(list)
        canonical: dict[str, str] = {}
        for e in entities:
            by_type[e.type].append(e.name)
            if e.type != "Person":
                for form in (*e.aliases, e.name):
                    canonical[form] = e.name
        out: list[Post] = []
        seen: set[tuple[str, str, str | None]] = set()
        for name, title in article.editors:  # 责任编辑：经晓佳 is a post, held in no named body
            seen.add((name, title, None))
            out.append(Post(name, title, None, f"{title} {name}", "post.editor"))
        previous: list[str] = []
        for s in sents:
            # the units this sentence names, else those of the sentence before it (…在农业路社区举办。社区党总支书记李芳…)
            here = [canonical.get(u.name, u.name) for u in s.units]
            near = here or previous
            previous = here or previous
            for p in s.posts:
                org, rule = p.org, p.rule
                if p.generic and org:
                    org = own_unit(org, by_type, self.gaz, near, printed_before(s, p, canonical))
                elif org:
                    org = canonical.get(org, org)
                # a title that names its unit's kind (区委常委、政法委书记) is not held in another kind when the
                # article names none of its own
                if org is None and not p.generic:
                    before = s.text[: max(0, s.text.find(p.title + p.person))]
                    org = head_of(p.title, here, here or previous, by_type, before)
                    rule = "post.head-of" if org else rule
                # (not after a unit's word printed with a name that was not accepted: 幸福社区|主任X)
                if org is None and not p.generic and not _unit_named_before(s, max(0, s.text.find(p.title + p.person))) and OFFICE_TITLE.search(p.title) and p.title not in NATIONAL_TITLES and not PROVINCE_AT_START.match(p.title):
                    gone = {canonical.get(n, n) for n, at in visited(s) if at > s.text.find(p.person)}  # not the host's
                    org = home_unit(p.title, [n for n in near if n not in gone], by_type, bool(gone) or titled_above(s, p), [n for n in printed_before(s, p, canonical) if n not in gone])
                    rule = "post.home-unit" if org and rule == "post.title" else rule
                key = (p.person, p.title, org)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Post(p.person, p.title, org, s.text.strip(), FORMER_POST if p.former else rule))
        return one_reading_each(out)

    def _mentions(self, article: Article, sents: list[Sentence]) -> list[Mention]:
        out: list[Mention] = []
        text = article.text  # (made anew at each reading)
        for s in sents:
            for u in s.units:
                out.append(Mention(article.id, u.start, u.end, text[u.start : u.end], u.type, u.source))
            for p in s.people:
                out.append(
                    Mention(
                        article.id,
                        s.offset + p.start,
                        s.offset + p.end,
                        p.name,
                        "Person",
                        p.rule,
                    )
                )
        return sorted(out, key=lambda m: (m.start, m.end, m.type))


# ---------------------------------------------------------------------- helpers


# A unit's word right before a title (凤凰台社区|党委书记X) whose unit was not read as one: the post is held there, not
# in the article's unit.
_UNIT_WORD_AT_END = re.compile(r"(?:社区|村|街道|镇|乡)$")


def _unit_named_before(s: Sentence, at: int) -> bool:
    """A unit's word ends at `at` with a name before it, glued to it or a name's token of its own (幸福社区/nz|主任X,
    凤凰台/LOC 社区|主任X), a unit the units found did not read: not 听取/v 社区|书记X, 该/r 社区|主任X (the story's)."""
    m = _UNIT_WORD_AT_END.search(s.text, 0, at)
    return m is not None and any(t.start < m.start() < t.end or t.end == m.start() and t.tag in PROPER for t in s.tokens)


# The unit and body finders in the order they run; settle() then decides between overlapping spans.
SPAN_RULES = (
    SpanRule(
        ("unit.gazetteer", "unit.chain", "unit.suffix", "unit.common", "unit.city-prefix", "unit.district-before", "unit.street-under",
         "unit.zone"),
        "a unit's suffix and its stem (the gazetteer's, a chain's, the tokens'); a district's X街 (荔湾区石围塘街)",
        lambda x, s, g: x.units.admin_units(s.text, s.tokens, s.offset),
        "admin",
    ),
    SpanRule(
        ("unit.list",),
        "units listed before a count (马寨、刘胡桐…4个村)",
        lambda x, s, g: x.lists.listed_units(s.text, s.tokens, s.offset),
        "listed",
        ("admin",),
    ),
    SpanRule(
        ("unit.list-shared",),
        "communities or villages listed bare before the one that prints their suffix (中阳里、五羊里社区)",
        lambda x, s, g: x.lists.listed_sharing(s.text, g["admin"], s.offset, s.tokens),
        "listed",
        ("admin",),
    ),
    SpanRule(
        ("unit.listed-under",),
        "street offices listed bare after their district (金水区丰产路、经八路)",
        lambda x, s, g: x.lists.listed_under(s.text, g["admin"], s.offset),
        "listed",
        ("admin", "listed"),
    ),
    SpanRule(
        ("unit.bare-city", "unit.bare-district"),
        "a city or district printed without its suffix (在郑州, 登封)",
        lambda x, s, g: x.units.bare_cities(s.text, s.tokens, s.offset),
        "cities",
        ("admin",),
    ),
    SpanRule(
        ("unit.prefixed-district",),
        "a district printed bare after its province or city (河南中牟)",
        lambda x, s, g: x.units.prefixed_districts(s.text, s.offset),
        "cities",
        ("admin", "cities"),
    ),
    SpanRule(
        ("org.suffix", "org.party-committee", "org.government-beside", "org.group", "org.parent-body", "org.numbered", "unit.government"),
        "bodies: runs of name-like tokens ending in a body's suffix, given the units found",
        lambda x, s, g: x.bodies.organizations(s.text, s.tokens, [*g["admin"], *g["cities"]], s.offset),
        "orgs",
    ),
    SpanRule(
        ("org.listed",),
        "bodies listed before the kind they are (交警二支队、街道办执法中队等单位)",
        lambda x, s, g: x.lists.listed_bodies(s.text, s.tokens, s.offset),
        "listed-bodies",
    ),
)
_SPAN_GROUPS = tuple(dict.fromkeys(r.group for r in SPAN_RULES))



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
                if inside and sp.type == o.type == "Organization" and sp.source == "org.parent-body":
                    continue  # 郑州市公交四公司 inside 郑州市公交四公司党员服务队: the body and its team
                clash = True
                break
        if not clash:
            out.append(sp)
    return sorted(out, key=lambda s: (s.start, s.end))


def _overlaps(u: Span, spans: list[Span]) -> bool:
    return any(u.start < o.end and o.start < u.end for o in spans)


def _shift(u: Span, d: int) -> Span:
    return u.moved(d)


def _unit_stems(sents: list[Sentence]) -> set[str]:
    """Names of the article's units without their suffix: 付楼 of 付楼村 is a place, not a person."""
    out = set()
    for s in sents:
        for u in s.units:
            for suffix, _ in ADMIN_SUFFIXES:
                if u.name.endswith(suffix) and len(u.name) > len(suffix):
                    out.add(u.name[: -len(suffix)])
                    break
    return out


def _cut_names(text: str, names: set[str]) -> dict[str, str]:
    """Two-character names that are only ever a longer name cut short (陈沸 where 陈沸沸 is printed)."""
    out = {}
    for n in names:
        longer = [m for m in names if m != n and m.startswith(n) and text.count(m) == text.count(n)]
        if len(n) == 2 and len(longer) == 1:
            out[n] = longer[0]
    return out


def _whole(p: PersonSpan, cut: dict[str, str]) -> PersonSpan:
    if p.name not in cut:
        return p
    whole = cut[p.name]
    return replace(p, name=whole, end=p.start + len(whole))


def _inside_unit(p: PersonSpan, s: Sentence) -> bool:
    """A 'name' inside a place or body name (刘胡桐 in 刘胡桐村) is not a person."""
    a, b = s.offset + p.start, s.offset + p.end
    return any(u.start <= a and b <= u.end for u in s.units)


# Titles of an office in a unit: when the text names no body, the unit the story is about holds it.

"""Post places: where a post is held when its title names only the kind of unit (村主任, 镇长, 社区书记), and one
reading of each post (graph.extract runs them over an article's posts)."""

from __future__ import annotations

import re
from collections import defaultdict

from graph.extract.events import GOING
from graph.extract.heads import bodies_ending
from graph.extract.posts import PostSpan, clause_start
from graph.extract.sentence import Sentence
from graph.extract.spans import Span
from graph.gazetteer import Gazetteer
from graph.lexicon import ADMIN_SUFFIXES, INSTITUTION_WORDS, PROVINCE, RANK_PREFIXES, TITLE_AT_END
from graph.model import Post

PROVINCE_AT_START = re.compile(PROVINCE)  # a province's post (河南省委书记) is held in no unit of the story
OFFICE_TITLE = re.compile(r"(?:主任|书记|支书|[镇乡村]长|楼栋长|网格长|主席|秘书长|专干|部长|委员)$")
# The kind of unit a title names (村主任, 居委会主任, 镇长): its body is the article's unit of that kind.
_TITLE_KIND = (
    (re.compile(r"村|支书"), ("Village",)),
    (re.compile(r"第一书记"), ("Village", "Community")),  # sent to a village or a community, not a town's
    (re.compile(r"居委会|社区"), ("Community",)),
    (re.compile(r"街道|办事处"), ("StreetOffice",)),
    (re.compile(r"党工委|人大工委"), ("StreetOffice", "District")),  # a street office's, or a zone's (人大工委: a congress's)
    (re.compile(r"管委会"), ("District",)),
    (re.compile(r"[镇乡]|武装部|人大主席"), ("Town",)),
    (re.compile(r"[区县]长|[区县]委"), ("District",)),
    (re.compile(r"市长|市委"), ("City", "District")),
)
_LOWEST_FIRST = ("Village", "Community", "StreetOffice", "Town", "District")
# Offices no village or community has: a department's, a congress's or conference's, a bureau's (区委宣传部来到村里…，副部长X)
_NO_VILLAGES = re.compile(r"(?:部长|主席|局长|处长|科长|厅长|指挥长|总指挥|秘书长)$")


def one_reading_each(posts: list[Post]) -> list[Post]:
    """Each post once: the title said after the name (万春丰书记表示) of a post the story printed before it (海螺乡党委
    书记万春丰) is that post, not another in the sentence's unit; of two titles in one body where one is the other
    with its body's word before it (党总支书记, 书记), the longer (副书记 is another post: RANK_PREFIXES)."""
    held: dict[str, list[Post]] = defaultdict(list)
    for p in posts:
        held[p.person].append(p)
    out: list[Post] = []
    for p in posts:
        others = [q for q in held[p.person] if q is not p]
        if p.rule == "post.after-name" and any(q.rule != "post.after-name" and addressed_as(p.title, {q.title}) for q in others):
            continue
        if any(q.org == p.org and q.title != p.title and q.title.endswith(p.title) and not q.title[: -len(p.title)].endswith(RANK_PREFIXES) for q in others):
            continue
        out.append(p)
    return out


def addressed_as(said: str, titles: set[str]) -> bool:
    """Whether a person holding `titles` is addressed by the title `said` (王区长, 刘书记): one of them, its end, with
    a deputy's 副 left out (副主任 赵主任, 党工委副书记 刘书记)."""
    return bool(said) and any(t.replace("常务副", "").replace("副", "").endswith(said) for t in titles)


_WENT_TO_UNIT = re.compile(r"(?:" + GOING + r"|调研|检查|督导|视察|慰问|看望|走访)$")


def visited(s: Sentence) -> list[tuple[str, int]]:
    """The units a sentence goes to or visits (牛建军到金湾街道检查), each with where it is printed: not the units those
    who went there hold their posts in (the hosts printed after it may: 走进柳岸社区，听取社区书记李红介绍)."""
    went: list[tuple[str, int, int]] = []  # (name, where it begins in the sentence, where it ends in the text)
    for u in sorted(s.units, key=lambda u: u.start):
        if any(end == u.start for *_, end in went) or _WENT_TO_UNIT.search(s.text, 0, u.start - s.offset):
            went.append((u.name, u.start - s.offset, u.end))  # …and the units of the chain it begins (到柳岸街道金叶社区视察)
    return [(name, at) for name, at, _ in went]


# A city's, county's or district's party committee or government, or a command it sets up (市创文总指挥部); not a
# community's (社区委托), nor an honour (市人大代表, 区政协委员: a village secretary's, often)
_ABOVE_A_UNIT = re.compile(r"(?<![社小园])[省市区县](?:委|政府|人大(?!代表)|政协(?!委员)|[^，,、]{0,24}指挥部)")
_CLAUSE_MARKS = "，,。；;：:"  # not a bracket's or a quote's: a title is printed in them too


def titled_above(s: Sentence, p: PostSpan) -> bool:
    """Whether the titles printed with a post's, in its clause and the clauses of titles joined to it by commas
    (市委常委、市委宣传部部长，市创文总指挥部副指挥长，办公室主任X), are a city's, county's or district's: its holder's
    office is not the article's one community's. A body acting earlier in the sentence (在区委、区政府的支持下，书记X…)
    is none of them."""
    text, at = s.text, s.text.find(p.title + p.person)
    since = max([h.end for h in s.people if h.end <= at and h.name != p.person], default=0)
    start = clause_start(text, since, at, _CLAUSE_MARKS) if at > 0 else at
    while start - 1 > since and text[start - 1] in "，,":
        before = clause_start(text, since, start - 1, _CLAUSE_MARKS)
        m = TITLE_AT_END.search(text, before, start - 1)
        if m is None or m.group() == "负责人":  # 区委办公室、区农业农村局负责人，书记X: another's
            break
        start = before
    return at > 0 and _ABOVE_A_UNIT.search(text, start, at) is not None


_DAY_BEFORE = re.compile(r"日(?:[上中下]午|早上|晚上?)?$")  # 3月2日上午|柳岸镇召开…
_JOINED = frozenset("与和、同及跟并")


def _sets_the_clause(s: Sentence, unit: Span) -> bool:
    """Whether a unit is printed first in its clause, or after 在 (在石桥村委会，…; 3月2日，柳岸镇召开…; with the units of its
    chain before it): where the clause is set or whom it is about, not a party it names (与柳林村结对以来, 受龙泉社区
    邀请, 学习东岗村经验后, 走访完杨家村)."""
    if _joined(s, unit):
        return False
    start = unit.start - s.offset
    while (prev := next((v for v in s.units if v.end - s.offset == start), None)) is not None:
        start = prev.start - s.offset  # 柳岸街道|金叶社区: the chain's first
    before = s.text[:start].rstrip()
    before = before[:-1] if before.endswith("在") else before
    return not before or before[-1] in "，,；;：:。" or _DAY_BEFORE.search(before) is not None


def printed_before(s: Sentence, p: PostSpan, canonical: dict[str, str]) -> list[str]:
    """The units printed before a post's holder that it may be held in: those the sentence visits (the host:
    到红旗村调研，村党支部书记X汇报), else those that set their clause (在石桥村委会，村支书X介绍). Asked only of a post
    printed without its body."""
    at = max(0, s.text.find(p.title + p.person), s.text.find(p.person))
    went = set(visited(s))
    hosts = [canonical.get(u.name, u.name) for u in s.units if (u.name, u.start - s.offset) in went and u.end - s.offset <= at and not _joined(s, u)]
    return hosts or [canonical.get(u.name, u.name) for u in s.units if u.end - s.offset <= at and _sets_the_clause(s, u)]


def _joined(s: Sentence, unit: Span) -> bool:
    """A unit joined to another by 与, 和 or 、 (上坝村与下坝村联合…, 先后来到三合村、五里村): one of several parties."""
    return s.text[unit.end - s.offset : unit.end - s.offset + 1] in _JOINED


def _in_sentence(sentence_units: list[str], before: list[str], names: list[str]) -> list[str]:
    """The units of `names` the sentence names; of several, those printed before the post, when it names any."""
    here = sorted({n for n in sentence_units if n in names})
    return (sorted({n for n in before if n in here}) or here) if len(here) > 1 else here


def home_unit(
    title: str, sentence_units: list[str], by_type: dict[str, list[str]], visiting: bool = False, before: list[str] | None = None
) -> str | None:
    """The unit a post printed without its body is held in, when only one unit can be meant.

    A title that names a kind of unit (村主任, 镇长) takes its sentence's one unit of that kind (of several, the one
    printed `before` the post), else the article's one; any other office (主任, 党委书记, 楼栋长) the lowest unit its
    sentence names (`sentence_units`: not those it visits), else, unless the sentence visits one, the article's one
    lowest unit.
    """
    for pattern, kinds in _TITLE_KIND:
        if pattern.search(title):
            for k in kinds:
                here = _in_sentence(sentence_units, before or [], by_type.get(k, []))
                cands = here if len(here) == 1 else sorted(set(by_type.get(k, [])))
                if "市" in title and k == "District":
                    cands = [n for n in cands if n.endswith("市")]  # 新郑市: a city at a district's level
                if cands:
                    return cands[0] if len(cands) == 1 else None
            return None
    for kind in _LOWEST_FIRST:
        here = sorted({n for n in sentence_units if n in by_type.get(kind, [])})  # not `before`: another's unit, often
        if here:
            return here[0] if len(here) == 1 else None
    for kind in _LOWEST_FIRST[:2] if not (visiting or _NO_VILLAGES.search(title)) else ():
        cands = by_type.get(kind, [])
        if cands:
            return cands[0] if len(set(cands)) == 1 else None
    return None


def own_unit(
    word: str, by_type: dict[str, list[str]], gaz: Gazetteer, sentence_units: list[str] | None = None, before: list[str] | None = None
) -> str | None:
    """The unit a generic word names (街道 -> the street office): its sentence's one of that kind (of several, the one
    printed `before` the post: 在石桥村委会，村支书X介绍：石桥村与河湾村相邻), else its article's.

    A generic institution (学校 -> 兰州文理学院) is the article's one body of that kind."""
    kinds = INSTITUTION_WORDS.get(word)
    if kinds is not None:
        bodies = bodies_ending(by_type.get("Organization", []), kinds, by_type.get("Organization", []))
        return bodies[0] if len(bodies) == 1 else None
    cls = dict(ADMIN_SUFFIXES).get(word)
    if cls is None:
        return None
    if word == "市" and (county := _county_city(by_type, set(sentence_units or ()))) is not None:
        return county
    here = _in_sentence(sentence_units or [], before or [], by_type.get(cls, []))
    cands = here if len(here) == 1 else sorted(set(by_type.get(cls, [])))
    if len(cands) != 1:
        return None
    if cls == "District" and not gaz.district(cands[0]):
        return None  # 区长 of a 新区 is not a post of that unit: it has none
    return cands[0]


def _county_city(by_type: dict[str, list[str]], sentence_units: set[str]) -> str | None:
    """The county-level city (新郑市, of a district's rank) a 市 title is held in (新郑市委常委、副市长): the sentence's one
    where it names no city, else the article's one where the article names none."""
    cities = set(by_type.get("City", []))
    counties = sorted({n for n in by_type.get("District", []) if n.endswith("市")})
    here = [n for n in counties if n in sentence_units]
    if len(here) == 1 and not cities & sentence_units:
        return here[0]
    return counties[0] if len(counties) == 1 and not cities else None


__all__ = ["OFFICE_TITLE", "PROVINCE_AT_START", "addressed_as", "home_unit", "one_reading_each", "own_unit", "printed_before", "titled_above", "visited"]

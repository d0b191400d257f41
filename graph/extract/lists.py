"""Units named in lists: several names before one common suffix (马寨、刘胡桐、湾刘4个村), and street offices
listed bare after their district (金水区丰产路、经八路、文化路).

Each reader is a span rule of the extractor (graph.extract.SPAN_RULES); the district readers need the
units the suffix scan found first (graph.extract.units), and the gazetteer to place what they read.
"""

from __future__ import annotations

import re

from graph.extract.body_words import CONNECTORS, generic_core
from graph.extract.spans import NAMEY, Span
from graph.extract.tagger import Token
from graph.extract.units import SUFFIX_SCAN, canonical_admin
from graph.extract.wordbreak import dictionary_words
from graph.gazetteer import Gazetteer
from graph.lexicon import (
    STREET_OFFICE_WORDS,
    TITLE_AT_END,
    TITLE_RE,
    TOWN_WORDS,
    UNIT_REFERENCE,
    alternation,
    ends_as_body,
)

_BARE_LIST = re.compile(r"[\u4e00-\u9fff]{2,5}(?:、[\u4e00-\u9fff]{2,5})+(?=[；;。，,\s]|$)")
_SHARED_SUFFIX = re.compile(
    r"(?P<items>(?:[\u4e00-\u9fff]{2,5}、)+[\u4e00-\u9fff]{2,5}?)(?P<suffix>街道办事处|街道|办事处|镇|乡)(?![\u4e00-\u9fff]{0,2}社区)"
)
# Bodies listed before the kind they are (交警二支队、街道办执法中队等单位, 金叶电器、银桥食品等企业)
_LISTED_BODIES = re.compile(
    r"((?:[\u4e00-\u9fff]{2,16}、)+[\u4e00-\u9fff]{2,16}?)等(?:\d+|[一二三四五六七八九十多几]+)?[家个]?(单位|部门|企业|商家|公司)"
)
# Where a listed item says it is a body, when the kind after the list (单位, 部门) could be a list of functions (税务、司法)
_BODY_HEAD = re.compile(r"(?:支队|大队|中队|站|办公室|服务部|保护部|中心|协会|商会|医院|卫生院|学校|[中小]学|幼儿园|研究院|所|馆|银行|集团)$")
_GENERIC_ITEM = re.compile(r"^(?:相关|有关|各|全|辖区|属地|社会|爱心|公共|其他|其余|多|部分|所有)")
# What a list's first item may be printed after, in its sentence: a verb, a preposition, a particle, 辖区 (在辖区|交警二支队)
_BEFORE_FIRST_ITEM = ("v", "p", "u")
_LIST_OF_UNITS = re.compile(
    r"((?:[\u4e00-\u9fff]{2,5}、)+[\u4e00-\u9fff]{2,5}?)等?(?:[\d一二三四五六七八九十]+|两|几|多|数)个(?:行政|自然|渔)?(村|社区|居委会|街道|镇|乡)"
)


def _names_first(t: Token) -> bool:
    """A token the first name of a list can hold: a name-like one, an adjective the tagger read a name's beginning
    or whole as (设立老/a 鸭塘/n、…: 老鸭塘; 新鸦集/a), or a direction character (东/f 赵/n)."""
    return t.tag in NAMEY or t.tag == "a" or len(t.text) == 1 and t.tag == "f"


class ListFinder:
    """The list readers, over one sentence each; `offset` is added to every position."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    def listed_under(self, text: str, admin: list[Span], offset: int = 0) -> list[Span]:
        """Street offices and towns listed bare after their district (金水区丰产路、经八路、文化路；…),
        each one the gazetteer places in that district."""
        out: list[Span] = []
        for d in admin:
            if d.type != "District":
                continue
            places = {tuple(p.path) for p in self.gaz.district(d.name)}
            shared = _SHARED_SUFFIX.match(text, d.end - offset)
            if shared:  # 金水区丰产路、经八路、花园路街道: the last one's suffix is every one's (the suffix scan reads the last)
                out += self._sharing(shared, d, offset)
                continue
            m = _BARE_LIST.match(text, d.end - offset)
            if not m or not places:
                continue
            items = m.group(0).split("、")
            found = [{p.name: p for p in self.gaz.towns(item) if any(tuple(p.path[: len(q)]) == q for q in places)} for item in items]
            offices = sum(len(f) == 1 and next(iter(f.values())).level == "StreetOffice" for f in found)
            # most of the list the gazetteer places there as street offices: the rest are too, set up since the
            # gazetteer's data or printed by a name of their own (a road's name where the office's is the road's old one)
            rest = offices >= 2 and 2 * offices >= len(items)
            pos = m.start()
            for item, f in zip(items, found, strict=True):
                if len(f) == 1:
                    cls = next(iter(f.values())).level
                    name = item + "街道" if cls == "StreetOffice" else next(iter(f))
                elif rest and not f and not SUFFIX_SCAN.search(item) and not self.gaz.district(item):
                    cls, name = "StreetOffice", item + "街道"
                else:
                    cls = ""
                if cls:
                    out.append(Span(pos + offset, pos + len(item) + offset, item, cls, name, (item,), d.name, "unit.listed-under"))
                pos += len(item) + 1
        return out

    def _sharing(self, m: re.Match[str], district: Span, offset: int) -> list[Span]:
        """The units of a list after its district whose last item alone prints the common suffix."""
        out, pos = [], m.start()
        items = m.group("items").split("、")
        titled = (TITLE_AT_END.search(item) and not self.gaz.towns(item + m.group("suffix")) for item in items)
        if any(SUFFIX_SCAN.search(item) or ends_as_body(item) for item in items) or any(titled):
            return []  # 龙湖镇、新村镇、孟庄镇: each prints its own suffix; 惠济区残联、刘寨办事处: a body and a unit;
            # 高新区党工委委员、城东街道党工委书记: a title, then a unit (not 山阳县银花、法官镇: a town the gazetteer knows)
        for item in items[:-1]:
            cls, name = canonical_admin(item, m.group("suffix"))
            out.append(Span(pos + offset, pos + len(item) + offset, item, cls, name, (item,), district.name, "unit.listed-under"))
            pos += len(item) + 1
        return out

    def listed_units(self, text: str, tokens: list[Token], offset: int = 0) -> list[Span]:
        """Units named in a list before their common suffix: 马寨、刘胡桐、湾刘、张寨4个村."""
        out: list[Span] = []
        for m in _LIST_OF_UNITS.finditer(text):
            suffix = m.group(2)
            stems = m.group(1).split("、")
            pos = m.start(1)
            # the first item starts where a name-like token does (涉及/v 马寨/LOC)
            first_end = pos + len(stems[0])
            starts = [t.start for t in tokens if pos <= t.start < first_end and _names_first(t) and t.end <= first_end]
            if starts and starts[0] > pos:
                cut = starts[0] - pos
                for t in tokens:
                    if t.start >= pos + cut and t.end <= first_end and not _names_first(t):
                        cut = t.end - pos
                pos, stems[0] = pos + cut, stems[0][cut:]
            k = max(stems[0].rfind(c) for c in "在到于对向为把将")  # 镇里在|王庄、新庄2个村: the preposition before the list
            if 1 <= k <= len(stems[0]) - 3:
                pos, stems[0] = pos + k + 1, stems[0][k + 1 :]
            lead = UNIT_REFERENCE.match(stems[0])
            if lead and len(stems[0]) - lead.end() >= 2:  # 该镇|孙庄、前进3个村: the story's town, then the first name
                pos, stems[0] = pos + lead.end(), stems[0][lead.end() :]
            for stem in stems:
                if len(stem) < 2:
                    pos += len(stem) + 1
                    continue
                cls, name = canonical_admin(stem, suffix)
                out.append(Span(pos + offset, pos + len(stem) + offset, stem, cls, name, (stem,), None, "unit.list"))
                pos += len(stem) + 1
        return out

    @staticmethod
    def listed_sharing(text: str, admin: list[Span], offset: int = 0, tokens: list[Token] | None = None) -> list[Span]:
        """Communities and villages listed bare before one that prints the suffix they share, with no count after it:
        中阳里、五羊里社区 (their names end alike), 柳岸镇的红旗、险峰、洛钢社区 (listed after their town); not people
        (柳岸镇的张伟、刘洋、光明社区的赵敏: an item the tagger reads as a person's name whole)."""
        people = {(t.start, t.end) for t in tokens or () if t.tag == "PER"}
        out: list[Span] = []
        for u in admin:
            at, suffix = u.start - offset, {"Community": "社区", "Village": "村"}.get(u.type, "")
            printed = text[at : u.end - offset]
            if not suffix or text[at - 1 : at] != "、" or not printed.endswith(suffix) or len(printed) - len(suffix) < 2:
                continue
            items, under = _items_before(text, at - 1)
            stem = printed[: -len(suffix)]
            alike = all(item[-1] == stem[-1] and item not in dictionary_words() for _, item in items)
            if not items or not (under or alike) or any((a, a + len(item)) in people for a, item in items):
                continue
            for start, item in items:
                cls, name = canonical_admin(item, suffix)
                out.append(Span(start + offset, start + len(item) + offset, item, cls, name, (item,), None, "unit.list-shared"))
        return out

    def listed_bodies(self, text: str, tokens: list[Token], offset: int = 0) -> list[Span]:
        """Bodies named in a list before the kind they are: 交警二支队、街道办执法中队等单位, 金叶电器、银桥食品等企业."""
        out: list[Span] = []
        for m in _LISTED_BODIES.finditer(text):
            companies = m.group(2) in ("企业", "商家", "公司")
            pos = m.start(1)
            for k, item in enumerate(m.group(1).split("、")):
                start = _first_item_start(text, tokens, pos, pos + len(item)) if k == 0 else pos
                if start is not None and _listed_body(text[start : pos + len(item)], companies, tokens, start):
                    name = text[start : pos + len(item)]
                    out.append(Span(start + offset, start + len(name) + offset, name, "Organization", name, (), None, "org.listed"))
                pos += len(item) + 1
        return out


def _items_before(text: str, end: int) -> tuple[list[tuple[int, str]], bool]:
    """The bare names listed before `end` (a list mark), each with where it starts, and whether the list follows its
    unit (柳岸镇的|红旗、险峰): none where an item is no bare name of two to five characters (a word with a unit's or a
    body's ending, a clause)."""
    items: list[tuple[int, str]] = []
    while True:
        left = text.rfind("、", 0, end) + 1
        seg = text[left:end]
        m = _LIST_LEAD.search(seg)
        item = seg[m.end() :] if m else seg
        if not _BARE_NAME.fullmatch(item) or _OWN_SUFFIX.search(item) or ends_as_body(item) or _PEOPLE.search(item):
            return [], False  # 副主任刘洁、挂点干部、文华社区: people listed with a community
        items.insert(0, (end - len(item), item))
        if m or left == 0:
            return _named(items), bool(m and m.group("unit"))
        end = left - 1


def _named(items: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The items that name: not the kinds of place listed with them (镇的机关、企业、红旗、金湾社区), nor a kind some
    communities are named for (市场) unless it is the one kind among names (红旗、市场、光明社区 lists 市场社区; not
    商户、市场、金湾社区, nor 市场、金湾社区)."""
    kinds = sum(item in _KINDS_OF_PLACE for _, item in items)
    return [(at, item) for at, item in items if item not in _KINDS_OF_PLACE or item in _NAMES_TOO and kinds == 1 and len(items) > 1]


# What a list of bare names follows: a clause's edge, or the unit they are in (柳岸镇的|, 金海街道|)
_LIST_LEAD = re.compile(r"(?:[，,。；;：:！？]|(?P<unit>(?:街道|办事处|镇|乡)的?))(?=[\u4e00-\u9fff]{2,5}$)")
_BARE_NAME = re.compile(r"[\u4e00-\u9fff]{2,5}")
# The kinds of place a unit holds, listed with its communities (柳岸镇的机关、企业、金湾社区): no community's name
_KINDS_OF_PLACE = frozenset("机关 企业 单位 学校 医院 商户 商家 门店 店铺 小区 楼院 院落 部门 工厂 园区 景区 市场 超市 工地 村组 村居 家庭".split())
_NAMES_TOO = frozenset(("市场",))  # a kind of place some communities are named for (市场社区)
_PEOPLE = re.compile(TITLE_RE.pattern + r"|干部|委员|人员|群众|居民|代表|党员|志愿者|职工|师生")
# An item that prints a unit's suffix of its own: not bare
_OWN_SUFFIX = re.compile(alternation(("社区", "居委会", "村", *STREET_OFFICE_WORDS, *TOWN_WORDS, "区", "县", "市")) + "$")


def _first_item_start(text: str, tokens: list[Token], start: int, end: int) -> int | None:
    """Where a list's first item begins: right after the last verb, preposition or particle the list follows in it
    (引进了|金叶电器, 在辖区|交警二支队), else where the text before it is a clause's edge; None when neither is found."""
    after = [
        t.start for b, t in zip(tokens, tokens[1:], strict=False)
        if start < t.start <= end - 4 and (b.tag in _BEFORE_FIRST_ITEM or b.text in ("辖区", "属地") or b.text in CONNECTORS)
    ]
    if after:
        return after[-1]
    if start != 0 and text[start - 1] not in "，,；;：:。（(":
        return None
    verb = next((t for t in tokens if t.start == start and t.tag == "v" and t.end < end), None)
    return verb.end if verb else start  # ，邀请|腾讯、…等企业: the verb the list follows begins no item


def _listed_body(name: str, companies: bool, tokens: list[Token], start: int) -> bool:
    """A listed item that names a body: four to twelve characters, no generic lead, and a body's head word, or, in a
    list of companies, a name the tagger read as a body's (中国电信/ORG, not 商贸物流 or 电子信息: trades)."""
    if not 4 <= len(name) <= 12 or _GENERIC_ITEM.match(name):
        return False
    if companies:
        return any(t.tag == "ORG" and start <= t.start < start + len(name) for t in tokens)
    return name not in dictionary_words() and _BODY_HEAD.search(name) is not None and not _a_kind_of_body(name)


def _a_kind_of_body(name: str) -> bool:
    """A kind of body every unit has, no one body (党群服务中心, 新时代文明实践站, 综合文化站, 派出所): without its generic
    words and head, nothing or a word of what such bodies are for is left."""
    return generic_core(name) in _KIND_WORDS


_KIND_WORDS = frozenset(("", "党群", "综合", "便民", "为民", "政务", "公共", "志愿"))

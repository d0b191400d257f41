"""Units and bodies: tagged article text -> admin-unit and organization spans.

Administrative units are found from their suffixes (街道, 办事处, 社区, 村,
镇, 乡, 区, 县, 市). The start of a name is the longest stem the official
gazetteer knows (`经八路` + 街道), else the run of name-like tokens before
the suffix, cut at the end of the unit printed just before it
(`中原区|三官庙街道办事处|伏牛北社区`), which also states containment.
Bodies (Organization) are runs of name-like tokens that end in a body
suffix (局, 中心, 协会, 医院, 队...); their canonical name starts at the
lowest unit they are prefixed with, the fuller printed form is an alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from graph.extract.lexicon import (
    ADMIN_SUFFIXES,
    GENERIC_PREFIX,
    GENERIC_STEMS,
    LEADING_NOISE,
    NOT_ORG_ENDINGS,
    ORG_SUFFIXES,
    PARTY_TITLE_RE,
    dictionary_words,
)
from graph.extract.lexicon import (
    TITLE_RE as TITLE_WORD,
)
from graph.extract.tagger import Token
from graph.gazetteer import Gazetteer
from graph.model import ADMIN_RANK

NAMEY = {"LOC", "ORG", "PER", "nz", "n", "ns", "nt", "nw", "vn", "an", "j", "nr"}
PROPER = {"LOC", "ORG", "PER", "nz", "ns", "nt", "nw", "nr"}
# Verbs that end in a body suffix: never the tail of a name.
_SUFFIX_VERBS = frozenset(
    "举办 承办 主办 创办 协办 督办 交办 包办 领办 代办 开办 兴办 筹办 操办 查办 首办 照办 快办 即办 帮办 合办 申办 试办".split()
)
_SUFFIX_SCAN = re.compile("|".join(s for s, _ in ADMIN_SUFFIXES))
_CLASS = dict(ADMIN_SUFFIXES)
_ZONE_SUFFIXES = frozenset(("高新技术产业开发区", "经济技术开发区", "经济开发区", "高新区", "经开区", "实验区"))


def _PLACE_TAGGED(tokens: list[Token], s0: int) -> bool:
    i = _token_at(tokens, s0 - 1)
    return i is not None and tokens[i].tag in ("LOC", "ns", "ORG")


def _in_word(text: str, s0: int, s1: int, suffix: str) -> bool:
    """A one-character suffix that is part of a word here: 城乡, 老乡, 乡村, 新村镇's 新村, 美镇社区."""
    if len(suffix) != 1 or suffix not in "乡镇村":
        return False
    if text[s0 - 1 : s1] in _NOT_UNIT_BEFORE:
        return True
    after = text[s0 : s1 + 1]
    if after in _NOT_UNIT_AFTER and text[s1 + 1 : s1 + 2] not in ("民", "委", "干", "里"):
        return True
    return suffix in "镇乡" and text[s1 : s1 + 2] == "社区"  # 天湖美镇社区: a community's own name


# Words a unit suffix ends (老乡: a fellow villager) or begins (乡村振兴, 新村镇's 村镇).
_NOT_UNIT_BEFORE = frozenset("老乡 故乡 他乡 异乡 回乡 返乡 下乡 同乡 思乡 离乡 城镇 乡镇".split())
_NOT_UNIT_AFTER = frozenset("乡亲 乡村 乡贤 乡愁 乡音 乡土 村镇 村庄 村落 村级 镇级 乡级".split())


_SUFFIX_LEAD = re.compile(r"^(?:街道办事处|街道办|街道|办事处|社区)")
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# Endings of 区 that are not districts.
_NOT_DISTRICT = re.compile(
    r"(?:小|辖|城|园|景|片|街|社|市|郊|山|灾|校|厂|矿|营|禁|专|分|展|学|服务|示范|开发|功能|试验|保护|风景|商|老城|主城|核心|"
    r"城市|中心|县|新城|林|牧|农|库|湖|海|港|口|保税|物流|综合|工业|产业|住宅|生活|办公|居住|休闲|养殖|种植|划|地|战|雷|盲|误|"
    r"西|东|南|北|中|上|下|内|外|全|该|各|本|我|此|两|多|几|每|其)$"
)
# Official district names that are also common nouns.
_WORD_DISTRICTS = frozenset(
    "城区 郊区 矿区 老城区 新城区 新区 市中区 城中区 城关区 东区 西区 南区 北区 中区 示范区 管理区 工业园区 保税区 新市区".split()
)
_NOT_VILLAGE = re.compile(
    r"(?:农|乡|山|渔|本|该|全|各|每|新农|美丽乡|和美乡|城中|空心|贫困|重点|示范|先进|文明|卫生|精品|土豪|富裕|明星|特色|样板|"
    r"试点|市镇|城镇|乡镇|两|多|几|\d+个?|[一二三四五六七八九十]+个)$"
)
# What makes 社区 generic: a kind of community (智慧社区, 文明社区), not a named one.
_GENERIC_COMMUNITY = re.compile(
    r"(?:创新|智慧|文明|和谐|平安|绿色|美丽|幸福|完整|示范|友好|书香|健康|数字|模范|先进|标杆|星级|红色|活力|"
    r"人文|宜居|韧性|低碳|共享|海绵|老旧|新型|城市|城乡|农村|涉农|两地|国际化|现代化|无疫|学习型|服务型|治理|基层|"
    r"第一条?|首个|一流)$|^[\u4e00-\u9fff]{2,3}(?:市|省)$"
)
_NOT_TOWN = re.compile(r"(?:城|乡|村|集|古|小|重|名|特色小|各|该|全|本|每|两|多|几|\d+个?|[一二三四五六七八九十]+个)$")
_STREET_NAME = re.compile(r"^[\u4e00-\u9fff]{1,8}$")
# The district's own government and party committee are the district, not bodies of their own.
_GOVERNMENT = re.compile(r"(?:[区市县镇乡](?:委|政府|人大|政协)){1,3}")
_LIST_OF_UNITS = re.compile(
    r"((?:[\u4e00-\u9fff]{2,5}、)+[\u4e00-\u9fff]{2,5})等?(?:[\d一二三四五六七八九十]+|两|几)个(村|社区|居委会|街道|镇|乡)"
)
_CONNECTORS = frozenset("联合 会同 携手 协同 联手 配合 组织 邀请 带领 指导 和 与 及 同 跟 以及".split())
_COMPLEMENTS = frozenset("到好理成完了结实妥起")
_COUNTED = re.compile(r"(?:首|一|两|几|多|数|每|各|这|那)(?:家|个|所|处|座)$")  # 上海首家|社区: a count, not a name
_FUNCTION_CHARS = frozenset("的和与及或在对向从为将把被由于以等")
_NOT_NAME_TAGS = frozenset({"v", "p", "c", "u", "d", "r", "w", "q", "TIME"})
_GENERIC_STEM_ENDS = (
    "工作",
    "活动",
    "服务",
    "管理",
    "建设",
    "治理",
    "发展",
    "人员",
    "干部",
    "居民",
    "群众",
    "进",
    "为",
    "到",
)
_MODIFIED_HEADS = frozenset("城市 工作 地位 任务 环节 区域 地带 位置 思想 议题 建设 功能 作用".split())
_GENERIC_ORG_HEADS = (
    "便民服务中心",
    "服务中心",
    "市场监管所",
    "派出所",
    "居委会",
    "村委会",
    "党支部",
    "党总支",
    "党委",
    "党工委",
    "服务站",
    "文化站",
    "卫生院",
    "新时代文明实践中心",
    "新时代文明实践所",
    "新时代文明实践站",
    "文明实践站",
    "志愿服务站",
    "工作站",
    "中心",
    "站",
    "所",
    "队",
    "团",
    "办",
    "局",
    "委",
    "部",
    "会",
    "院",
    "店",
    "社",
    "厂",
    "馆",
)
_GENERIC_MODIFIERS = re.compile(
    r"^(?:相关|有关|职能|主管|上级|下级|基层|各级|各类|各|全|本|该|此|其|我|新时代文明实践|便民|社区|街道|村|乡镇|区直|市直|县直|直属|下属|所属)+"
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
    type: str
    name: str  # canonical form
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # name of the unit printed right before it (containment)
    source: str = "unit.suffix"  # the id of the rule that found it


def _token_at(tokens: list[Token], pos: int) -> int | None:
    """Index of the token covering character `pos`."""
    lo, hi = 0, len(tokens) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = tokens[mid]
        if t.start <= pos < t.end:
            return mid
        if t.start > pos:
            hi = mid - 1
        else:
            lo = mid + 1
    return None


def canonical_admin(stem: str, suffix: str) -> tuple[str, str]:
    """(class, canonical name) of a unit printed as stem+suffix: 秦岭路办事处 -> 秦岭路街道."""
    cls = _CLASS[suffix]
    if cls == "StreetOffice":
        return cls, stem + "街道"
    if suffix.startswith("社区") and suffix != "社区":
        return cls, stem + "社区"  # 丹英社区居民委员会 is 丹英社区
    if suffix == "居民委员会":
        return cls, stem + "居委会"
    return cls, stem + suffix


class UnitFinder:
    """Finds admin units and bodies in one sentence's tokens."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    # ------------------------------------------------------------------ admin units
    def _gazetteer_stem(self, text: str, start: int, suffix: str, floor: int) -> str | None:
        """The longest stem before text[start] that makes a unit the gazetteer knows."""
        cls = _CLASS[suffix]
        for k in range(min(10, start - floor), 0, -1):
            stem = text[start - k : start]
            if not _HAN.match(stem):
                continue
            name = stem + suffix
            if cls == "District" and self.gaz.district(name):
                return stem
            if cls == "City" and (self.gaz.city(name) or self.gaz.lookup(name, "District")):
                return stem
            if cls in ("StreetOffice", "Town") and len(stem) >= 2 and self.gaz.towns(name):
                return stem
        return None

    def _token_stem(self, text: str, tokens: list[Token], start: int, floor: int) -> tuple[str, bool] | None:
        """The run of name-like tokens right before text[start], not crossing `floor`.

        Returns (stem, proper): proper is True when a token of the run was
        tagged as a name (place, body, person) rather than a common noun.
        """
        i = _token_at(tokens, start - 1)
        if i is not None and i > 0 and re.fullmatch(r"[一二三四五六七八九十]", tokens[i].text) and _stem_token(tokens[i - 1]):
            i -= 1  # 汝河一社区: a numbered community of a place
        if i is None or not _stem_token(tokens[i]):
            return None
        begin = max(tokens[i].start, floor)
        proper = tokens[i].tag in PROPER
        j = i - 1
        while j >= 0 and tokens[j].start >= floor and start - tokens[j].start <= 8:
            t = tokens[j]
            if not _stem_token(t) or LEADING_NOISE.match(t.text) and len(t.text) <= 2:
                break
            if t.text in ("辖区", "社区", "街道", "全区", "全市", "城市", "农村", "城乡", "乡镇", "区委", "区政府"):
                break
            begin = t.start
            proper = proper or t.tag in PROPER
            j -= 1
        stem = text[begin:start]
        m = LEADING_NOISE.match(stem)
        if m and len(stem) - m.end() >= 2:
            stem = stem[m.end() :]
        m = _SUFFIX_LEAD.match(stem)
        if m and len(stem) - m.end() >= 2:
            stem = stem[m.end() :]  # 街道王马|社区: the end of a unit the scan missed
        return (stem, proper) if stem else None

    def admin_units(self, text: str, tokens: list[Token], offset: int = 0) -> list[Span]:
        """Admin-unit spans of one sentence; `offset` is added to every position."""
        spans: list[Span] = []
        floor = 0  # end of the previous unit: a stem never crosses it
        for m in _SUFFIX_SCAN.finditer(text):
            suffix, s0, s1 = m.group(0), m.start(), m.end()
            if s0 == 0 or _in_word(text, s0, s1, suffix):
                continue
            # 社区 inside 社区 (社区居委会) and 街道 inside a longer unit were consumed by the scan
            stem = self._gazetteer_stem(text, s0, suffix, floor)
            source = "gazetteer"
            if (
                stem is None
                and spans
                and spans[-1].end - offset == floor
                and 2 <= s0 - floor <= 5
                and _CLASS[suffix] in ("Community", "Village", "StreetOffice", "Town")
                and _HAN.match(text[floor:s0])
                and text[floor] not in _FUNCTION_CHARS
                and not any(t.tag in _NOT_NAME_TAGS and floor <= t.start and t.end <= s0 for t in tokens)
            ):
                # right after a unit printed before it: 三官庙街道办事处|伏牛北社区
                stem, source = text[floor:s0], "chain"
            if stem is None:
                found = self._token_stem(text, tokens, s0, floor)
                if found is None:
                    continue
                stem, proper = found
                source = "suffix" if proper else "common"
            after_city = bool(spans) and spans[-1].type == "City" and spans[-1].end - offset == s0 - len(stem or "")
            if not stem or not self._plausible(stem, suffix, text, s0, s1, tokens, source, after_city):
                continue
            zone = suffix in _ZONE_SUFFIXES  # 乌鲁木齐国家高新技术产业开发区: a zone is named with its city
            lead = self._place_prefix(stem) if source in ("suffix", "common") and not zone else None
            if lead is not None:
                # 延吉丹英社区, 乌鲁木齐胜利路社区: a city printed before the unit's own name
                ps, pn = s0 - len(stem), s0 - len(stem) + len(lead[1])
                spans.append(Span(ps + offset, pn + offset, lead[1], lead[0], lead[2], (lead[1],), None, "unit.city-prefix"))
                stem = stem[len(lead[1]) :]
            cls, name = canonical_admin(stem, suffix)
            if cls == "City" and source == "gazetteer" and not self.gaz.city(name) and self.gaz.district(name):
                cls = "District"  # 新郑市, 慈溪市: a city at a county's level is a district
            start = s0 - len(stem)
            parent = None
            if spans and _rank(spans[-1].type) < _rank(cls):
                gap = text[spans[-1].end - offset : start]
                before = text[: spans[-1].start - offset]
                # 中原区三官庙街道, 经八路街道的省委社区, 在花园路街道，农业院社区…
                if gap in ("", "的") or (gap in ("，", ",") and re.search(r"(?:^|[，,。；])\s*在$", before)):
                    parent = spans[-1].name
            printed = text[start:s1]
            aliases = (printed,) if printed != name else ()
            spans.append(Span(start + offset, s1 + offset, printed, cls, name, aliases, parent, f"unit.{source}"))
            floor = s1
        return spans

    def _place_prefix(self, stem: str) -> tuple[str, str, str] | None:
        """(class, printed, canonical name) of a city or district that begins a unit's stem."""
        for k in range(min(5, len(stem) - 2), 1, -1):
            head = stem[:k]
            for cls, found in (("City", self.gaz.city(head)), ("District", self.gaz.district(head))):
                names = {p.name for p in found}
                common = cls == "District" and head in dictionary_words()  # 中原, 金水 are words too
                if len(names) == 1 and (head.endswith(("市", "区", "县")) or not common):
                    return cls, head, names.pop()
        return None

    def _plausible(
        self, stem: str, suffix: str, text: str, s0: int, s1: int, tokens: list[Token], source: str, after_city: bool = False
    ) -> bool:
        cls = _CLASS[suffix]
        if not _HAN.match(stem) or LEADING_NOISE.fullmatch(stem):
            return False
        if source != "gazetteer" and (GENERIC_STEMS.match(stem) or GENERIC_PREFIX.match(stem)):
            return False
        nxt = text[s1 : s1 + 2]
        if source == "common":
            # common nouns only: a unit only when the suffix is a street-office or community word
            # and the stem is one word (规范化社区, 黄标车工作社区 are not names)
            i = _token_at(tokens, s0 - 1)
            one_word = i is not None and tokens[i].start <= s0 - len(stem)
            if cls not in ("StreetOffice", "Community") or len(stem) < 3 or not one_word or stem.endswith(("化", "性")):
                return False
        if source == "chain":
            return _rank(cls) > 2 and not LEADING_NOISE.match(stem) and not GENERIC_PREFIX.match(stem)
        if source == "gazetteer":
            # 老城区, 郊区, 矿区 are words too: official names only after their city
            return not (cls == "District" and stem + suffix in _WORD_DISTRICTS and not after_city)
        if len(stem) < 2:
            return False
        if cls == "City":
            return False  # cities are all in the gazetteer; 超市, 城市, 上市 are not cities
        if cls == "District":
            if suffix == "新区":  # 郑东新区, 二七新区: a zone governed as a district
                return not re.search(r"(?:城市|开发|示范|产业|工业|各|该|全|本|建设)$", stem)
            if suffix in _ZONE_SUFFIXES:  # 郑州高新区, 江夏经济开发区: a city's or district's zone
                return len(stem) <= 6 and bool(self.gaz.city(stem) or self.gaz.district(stem) or _PLACE_TAGGED(tokens, s0))
            if (
                _NOT_DISTRICT.search(stem)
                or suffix == "县"
                or nxt[:1] in ("域", "间", "内", "外", "级", "划", "委", "政")
            ):
                return False
            i = _token_at(tokens, s0 - 1)
            return i is not None and tokens[i].tag in ("LOC", "ORG", "ns") and len(stem) <= 4
        if cls == "Town":
            return not _NOT_TOWN.search(stem) and len(stem) <= 4 and nxt[:1] not in ("村", "级", "域", "区", "上", "里")
        if cls == "Village":
            if (
                _NOT_VILLAGE.search(stem)
                or nxt[:1] in ("民", "庄", "落", "级", "干", "委", "务", "内", "里", "官", "道", "企")
                and nxt[:2] not in ("委会",)
            ):
                return nxt[:2] == "委会" and not _NOT_VILLAGE.search(stem)
            i = _token_at(tokens, s0 - 1)
            return i is not None and tokens[i].tag in ("LOC", "ORG", "ns", "nz", "PER") and len(stem) <= 5
        if cls == "Community":
            return (
                nxt[:1] not in ("民", "里", "内", "化", "级", "们")
                and not re.search(r"(?:报|网|台|电视|频道|栏目)$", stem)  # 晚报社区行: a paper's page, not a community
                and not _GENERIC_COMMUNITY.search(stem)
                and len(stem) <= 8
                and not stem.endswith(_GENERIC_STEM_ENDS)
                and not _COUNTED.search(stem)
            )
        if cls == "StreetOffice":
            return _STREET_NAME.match(stem) is not None and len(stem) <= 8
        return True

    def bare_cities(self, text: str, tokens: list[Token], offset: int = 0) -> list[Span]:
        """Cities printed without 市 (在郑州, 上海首家): a place token that is a city's short name."""
        out: list[Span] = []
        for t in tokens:
            if t.tag not in ("LOC", "ns") or len(t.text) < 2 or t.text.endswith(("市", "区", "县", "省")):
                continue
            cities = [p for p in self.gaz.short.get(t.text, ()) if p.level == "City"]
            if len(cities) == 1:
                name = cities[0].name
                out.append(Span(t.start + offset, t.end + offset, t.text, "City", name, (t.text,), None, "unit.bare-city"))
                continue
            districts = {p.name for p in self.gaz.short.get(t.text, ()) if p.level == "District"}
            if len(districts) == 1 and t.text not in dictionary_words() and t.tag == "LOC":
                # 登封, 中牟: a district printed without its suffix (中原, 金水 are words: never)
                name = districts.pop()
                out.append(Span(t.start + offset, t.end + offset, t.text, "District", name, (t.text,), None, "unit.bare-district"))
        return out

    def listed_under(self, text: str, admin: list[Span], offset: int = 0) -> list[Span]:
        """Street offices and towns listed bare after their district (金水区丰产路、经八路、文化路；…),
        each one the gazetteer places in that district."""
        out: list[Span] = []
        for d in admin:
            if d.type != "District":
                continue
            places = {tuple(p.path) for p in self.gaz.district(d.name)}
            m = _BARE_LIST.match(text, d.end - offset)
            if not m or not places:
                continue
            pos = m.start()
            for item in m.group(0).split("、"):
                found = [p for p in self.gaz.towns(item) if any(tuple(p.path[: len(q)]) == q for q in places)]
                if len(item) >= 2 and len({p.name for p in found}) == 1:
                    cls = found[0].level
                    name = item + "街道" if cls == "StreetOffice" else found[0].name
                    out.append(Span(pos + offset, pos + len(item) + offset, item, cls, name, (item,), d.name, "unit.listed-under"))
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
            starts = [t.start for t in tokens if pos <= t.start < first_end and t.tag in NAMEY and t.end <= first_end]
            if starts and starts[0] > pos:
                cut = starts[0] - pos
                for t in tokens:
                    if t.start >= pos + cut and t.end <= first_end and t.tag not in NAMEY:
                        cut = t.end - pos
                pos, stems[0] = pos + cut, stems[0][cut:]
            for stem in stems:
                if len(stem) < 2:
                    pos += len(stem) + 1
                    continue
                cls, name = canonical_admin(stem, suffix)
                out.append(Span(pos + offset, pos + len(stem) + offset, stem, cls, name, (stem,), None, "unit.list"))
                pos += len(stem) + 1
        return out

    # ------------------------------------------------------------------ bodies
    def organizations(self, text: str, tokens: list[Token], admin: list[Span], offset: int = 0) -> list[Span]:
        """Organization spans of one sentence, given its admin spans (absolute offsets)."""
        local_admin = [replace(a, start=a.start - offset, end=a.end - offset) for a in admin]
        tokens = _split_at_units(tokens, local_admin)
        out: list[Span] = []
        i = 0
        n = len(tokens)
        while i < n:
            # a run of name-like tokens
            function_word = (  # 建设/v 局/n: a bureau named by a verb of its function
                tokens[i].tag in ("v", "vn", "a")
                and i + 1 < n
                and tokens[i + 1].text in _BARE_SUFFIXES
                and len(tokens[i].text) >= 2
            )
            if tokens[i].tag not in NAMEY and not _admin_starts(local_admin, tokens[i].start) and not function_word:
                i += 1
                continue
            j = i + 1 if function_word else i
            while (
                j < n
                and not (j > i and (TITLE_WORD.fullmatch(tokens[j].text) or _ends_name(tokens, i, j)))
                and (
                    _inner_and(tokens, i, j)
                    or tokens[j].tag in NAMEY
                    or (tokens[j].tag == "a" and j > i and j + 1 < n and tokens[j + 1].tag in NAMEY)
                    or _inside_admin(local_admin, tokens[j])
                    or _digits_in_name(tokens, j)
                    or _suffix_tail(tokens, j)
                )
            ):
                j += 1
            if i >= 2 and tokens[i - 1].tag in ("v", "vn") and tokens[i - 2].text == "、" and j < n and tokens[j - 1].text.endswith(_BUREAU_ENDS):
                i -= 1  # 、规划市政建设环保局: a bureau named from a verb of its function
            span = self._org_in_run(text, tokens[i:j], tokens[i].start, local_admin)
            if span is not None:
                out.append(replace(span, start=span.start + offset, end=span.end + offset))
                inner = _SUB_BODY.match(span.text)
                if inner:
                    # 郑州市公交四公司党员服务队: the company is a body of its own
                    body = inner.group(1)
                    out.append(
                        Span(span.start + offset, span.start + offset + len(body), body, "Organization", body, (), None, "org.parent-body")
                    )
            i = max(j, i + 1)
        return out

    def _org_in_run(self, text: str, run: list[Token], start: int, admin: list[Span]) -> Span | None:
        """The longest body name a run of tokens ends with (trimmed to a body suffix)."""
        # cut the run after its last token that ends with a body suffix
        cut = None
        for t in reversed(run):
            if (t.text.endswith(ORG_SUFFIXES) or t.tag == "ORG") and t.text not in _SUFFIX_VERBS:
                cut = t.end
                break
        if cut is None:
            return None
        if text[cut - 1] in _ONE_CHAR_SUFFIXES and text[cut - 1 : cut + 1] in dictionary_words():
            return None  # 公司所属: 所 begins a word here, it ends no body
        s = text[start:cut]
        # a body named in a title (街道党工委书记) is part of the title; a body before
        # the party organ is still named (郑州市农委党组书记: 郑州市农委)
        if s.endswith("所") and s[:-1].endswith(ORG_SUFFIXES):
            cut, s = cut - 1, s[:-1]  # …有限公司所砌: 所 is a particle after the body
        title = re.match(r"副?书记|成员|委员", text[cut : cut + 3])
        if title and (PARTY_TITLE_RE.search(text[start : cut + title.end()]) or title.group(0) in ("成员", "委员") and _PARTY_ORGAN.search(s)):
            organ = _PARTY_ORGAN.search(s)
            if organ is None or organ.start() == 0:
                return None
            cut = start + organ.start()
            s = text[start:cut]
            if not s.endswith(ORG_SUFFIXES):
                return None
        if s.endswith(("人大", "政协")) and TITLE_WORD.match(text[cut : cut + 4]) or re.match(r"代表|委员", text[cut : cut + 2]):
            return None  # 镇人大主席, 区人大代表, 政协委员: the body is part of the title
        quoted = next((q for q in _QUOTED_BEFORE.finditer(text, max(0, start - 20), start) if q.end() == start), None)
        if quoted is not None and (any(a.start >= start and a.end <= cut for a in admin) or not _TEAM.search(s)):
            quoted = None  # “五星”支部: a rating of a kind of body, not a name
        if quoted is not None:
            start, s = quoted.start(), text[quoted.start() : cut]  # “义修哥”志愿服务队: the quoted name is its own
        if (s in ORG_SUFFIXES or s in _GENERIC_BODIES) and s not in ("党中央", "国务院"):
            return None  # 妇联, 政协, 业主委员会: a kind of body, not one
        if _HOUSING.match(text, cut):
            return None  # 测绘局宿舍: a housing compound named after a body
        for a in admin:  # 恒兴嘉苑社区与公交四公司党支部: two bodies, the second named here
            if start <= a.start and a.end < cut:
                joined = _JOINED.match(text, a.end, cut)
                if joined and cut - joined.end() >= 3:
                    start = joined.end()
                    s = text[start:cut]
        m = _DESCRIPTOR.match(s)
        if m and len(s) - m.end() >= 3:
            start += m.end()  # 辖区企业中铝郑州有色金属研究院
            s = text[start:cut]
        m = LEADING_NOISE.match(s)
        if m and len(s) - m.end() >= 3:
            start += m.end()
            s = text[start:cut]
        if GENERIC_PREFIX.match(s):
            return None
        if not s.endswith(ORG_SUFFIXES) or NOT_ORG_ENDINGS.search(s):
            return None
        tail = next((t for t in run if t.end == cut), None)
        if tail is not None and len(tail.text) == 2 and tail.text[-1] in _ONE_CHAR_SUFFIXES and tail.tag != "ORG":
            if tail.text in dictionary_words() and tail.text not in ORG_SUFFIXES:
                return None  # 骗局, 困局: a word that ends like a body
        if s.endswith("中心") and text[cut : cut + 2] in _MODIFIED_HEADS:
            return None  # 郑州国际消费中心|城市: 中心 is not a body here
        # the admin units inside the name, and the lowest one that prefixes the rest
        inner = [a for a in admin if a.start >= start and a.end <= cut]
        chain_end = start
        lowest = None
        for a in inner:
            if a.start == chain_end:
                chain_end = a.end
                lowest = a
        rest = text[chain_end:cut]
        m = _DESCRIPTOR.match(rest)
        if lowest is not None and m and m.end() and len(rest) - m.end() >= 3:
            # 中安街社区辖区企业中铝…公司: a body of the unit's area, not of the unit
            start, lowest, s = chain_end + m.end(), None, rest[m.end() :]
            rest = s
        if lowest is not None and rest in _UNIT_GOVERNMENT and lowest.type in ("Town", "District", "City"):
            # 万滩镇人民政府, 直滩乡乡政府: the unit's government is the unit, printed another way
            return Span(lowest.start, cut, text[lowest.start : cut], lowest.type, lowest.name, (text[lowest.start : cut],), lowest.parent, "unit.government")
        if lowest is not None and rest == "委" and lowest.type in ("District", "City") and not TITLE_WORD.match(text[cut : cut + 6]):
            name = text[lowest.start : cut]  # 郑州市委, 芗城区委: the party committee, acting as a body
            return Span(start, cut, s, "Organization", name, tuple(x for x in (s,) if x != name), lowest.name, "org.party-committee")
        if not rest or rest in ("委", "办"):
            return None
        if re.match(r"^(?:街道|社区|村|乡镇|办事处)", rest) and not re.match(
            r"^(?:街道|社区|村)(?:党工委|党委|党总支|党支部|居委会|村委会)$", rest
        ) and not _OWN_OFFICE.search(rest):
            return None  # 中原区社区服务中心: each community's, no one body
        proper = quoted is not None or any(t.tag in PROPER and t.start >= chain_end and t.end <= cut for t in run)
        if not self._named(rest, lowest is not None, proper) or _GOVERNMENT.fullmatch(s):
            return None
        last = next((t for t in run if t.end == cut), None)
        if not proper and lowest is None and last is not None and last.tag in ("v", "vn") and len(last.text) >= 2:
            return None  # 窗口申办: a verb, not a bureau
        name = text[lowest.start : cut] if lowest is not None else s
        extra = [s]
        if lowest is not None and len(rest) >= 4 and proper:
            extra.append(rest)  # 惠济桥舞狮队表演队: a proper name of its own after its unit
        bare = self._without_places(name)
        if bare and proper:
            extra.append(bare)  # 广东广州花都区秀全街飞鹅岭小学: also printed as 飞鹅岭小学
        aliases = tuple(dict.fromkeys(x for x in extra if x != name))
        parent = lowest.name if lowest is not None else None
        return Span(start, cut, s, "Organization", name, aliases, parent, "org.suffix")

    def _without_places(self, name: str) -> str | None:
        """A body's name less the places printed before it, when a proper name remains (≥ 3 characters)."""
        rest = _PROVINCES.sub("", name) if len(_PROVINCES.sub("", name)) >= 3 else name
        while True:
            m = _PLACE_WORD.match(rest)
            head = next(
                (
                    rest[:k]
                    for k in range(min(6, len(rest) - 3), 1, -1)
                    if (self.gaz.city(rest[:k]) or self.gaz.district(rest[:k])) and rest[:k] not in dictionary_words()
                ),
                None,
            )
            cut = max(len(m.group(0)) if m else 0, len(head) if head else 0)
            if not cut or len(rest) - cut < 3:
                break
            rest = rest[cut:]
        if rest == name or not rest or _GENERIC_MODIFIERS.match(rest) or rest in ORG_SUFFIXES or _SUFFIX_LEAD.match(rest):
            return None
        if rest[:2] in dictionary_words() or rest[0] in "区市县省":
            return None  # 民政局, 区残联: a function, not a name of its own
        return rest

    def _named(self, rest: str, has_admin: bool, proper: bool) -> bool:
        """True when a body's name says which body it is, not just what kind."""
        if has_admin:
            return True
        if re.match(r"^[区市县省](?!场|民|政府?$)", rest) and len(rest) >= 3:
            return True  # 区政务办, 区老干部局: the district's own body
        core = _GENERIC_MODIFIERS.sub("", rest)
        for head in _GENERIC_ORG_HEADS:
            if core.endswith(head):
                core = core[: -len(head)]
                break
        core = _GENERIC_MODIFIERS.sub("", core)
        if len(core) < 2:
            return False
        if proper:
            return True
        # no name-like word: only a bureau named by its function (国土资源局, 城改办)
        return bool(re.search(r"(?:局|办|委员会|领导小组)$", rest)) and len(rest) >= 3


_BARE_SUFFIXES = frozenset("局 办 委 所 站 队 中心 大队 中队 总支 支部 协会".split())
# One-character body suffixes that also end common words (骗局, 场所, 车站, 商店, 工厂).
_ONE_CHAR_SUFFIXES = frozenset("局所站店厂社")
_BARE_LIST = re.compile(r"[\u4e00-\u9fff]{2,5}(?:、[\u4e00-\u9fff]{2,5})+(?=[；;。，,\s]|$)")
# Bodies a quoted name may go with: teams, troupes, studios, stations, alliances (“义修哥”志愿服务队).
_TEAM = re.compile(r"(?:队|团|工作室|站|点|社|协会|中心|小组|联盟|俱乐部)$")
_GENERIC_BODIES = frozenset("业主委员会 业委会 居委会 村委会 党支部 党委 党总支 物业 物业公司".split())
_HOUSING = re.compile(r"宿舍|家属院|家属区|家属楼|小区|大院")
_PROVINCES = re.compile(
    r"^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|"
    r"陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区)?"
)
# A team or party branch of a named body, printed after it: 公交四公司|党员服务队, 标榜美容美发学校|志愿服务队.
_SUB_BODY = re.compile(
    r"^([\u4e00-\u9fff]{3,}?(?:公司|学校|医院|大学|学院|集团|协会|研究院|小学|中学|幼儿园))"
    r"(?:党支部|党总支|党委|党组织|党员服务队|志愿服务队|服务队|志愿队|工会|团委|分会)$"
)
_QUOTED_BEFORE = re.compile(r"[“\"][^“”\"]{2,16}[”\"]")
# A place word that begins a body's name: a province, a city, a district, a street office, a road.
_PLACE_WORD = re.compile(r"^[\u4e00-\u9fff]{2,5}?(?:省|市|区|县|街道|街|镇|乡)(?=[\u4e00-\u9fff]{3})")
# A district's office for its communities or streets is one body: 管城区社区建设领导小组办公室.
_OWN_OFFICE = re.compile(r"(?:领导小组办公室|领导小组|办公室|指挥部)$")
_PARTY_ORGAN = re.compile(r"(?:党工委|党委|党组|党总支|党支部|总支|支部|纪委|纪工委|工委)$")
_JOINED = re.compile(r"(?:与|和|及|联合|携手|会同)")
_DESCRIPTOR = re.compile(r"^(?:辖区|驻区|共建|爱心|周边)(?:内)?(?:企业|单位|商户|商家)?")
_UNIT_GOVERNMENT = frozenset(("人民政府", "政府", "乡政府", "镇政府", "区政府", "县政府", "市政府"))


def _split_at_units(tokens: list[Token], units: list[Span]) -> list[Token]:
    """Cut tokens that run across a unit's boundary (伏牛北社区党/v -> 伏牛北社区 | 党)."""
    cuts = sorted({u.start for u in units} | {u.end for u in units})
    out: list[Token] = []
    for t in tokens:
        inner = [c for c in cuts if t.start < c < t.end]
        if not inner:
            out.append(t)
            continue
        bounds = [t.start, *inner, t.end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            piece = t.text[a - t.start : b - t.start]
            inside = any(u.start <= a and b <= u.end for u in units)
            tag = "LOC" if inside else (t.tag if t.tag in PROPER else ("n" if _HAN.match(piece) else t.tag))
            out.append(Token(a, b, piece, tag))
    return out


def _ends_name(tokens: list[Token], i: int, j: int) -> bool:
    """A connector at j ends the name begun at i, unless it is the 和 of a bureau's name."""
    return tokens[j].text in _CONNECTORS and not _inner_and(tokens, i, j)


def _inner_and(tokens: list[Token], i: int, j: int) -> bool:
    """The 和 inside a bureau's name (住房保障和房地产管理局, 人力资源和社会保障局).

    It joins two function words, not two bodies: the words before it do not
    end a body's name, and a body's suffix follows within a few tokens.
    """
    if tokens[j].text not in ("和", "与") or j == i:
        return False
    if tokens[j - 1].text.endswith(ORG_SUFFIXES) or tokens[j - 1].tag not in NAMEY or tokens[j - 1].tag == "ORG":
        return False  # 党中央和省委: two bodies
    if re.match(r"^[省市区县](?:委|政府)$", tokens[j + 1].text if j + 1 < len(tokens) else ""):
        return False  # 党中央和省委: the second is a body of its own
    for t in tokens[j + 1 : j + 5]:
        if t.tag not in NAMEY and not t.text.endswith(_BUREAU_ENDS):
            return False
        if t.text.endswith(_BUREAU_ENDS):
            return True
    return False


_BUREAU_ENDS = ("局", "厅", "委", "委员会", "部", "办", "办公室")


def _stem_token(t: Token) -> bool:
    """A token that can be part of a unit's name: a noun, or a number-word like 四棉."""
    if not _HAN.match(t.text):
        return False
    if t.tag in NAMEY:
        return True
    return t.tag == "m" and not re.fullmatch(r"[一二三四五六七八九十百千万两几多]+个?", t.text)


def _suffix_tail(tokens: list[Token], j: int) -> bool:
    """A short token ending in a body suffix right after a name-like token: 区政务|办, 郑州爱心|织女团."""
    t = tokens[j]
    if t.tag == "v" and j + 1 < len(tokens) and tokens[j + 1].text[:1] in _COMPLEMENTS:
        return False  # 把实事|办|到: a verb with its complement, not a bureau
    return (
        j > 0
        and tokens[j - 1].tag in NAMEY
        and (len(t.text) != 2 or t.tag != "v")
        and t.text.endswith(ORG_SUFFIXES)
        and t.text not in _SUFFIX_VERBS
        and _HAN.match(t.text) is not None
    )


def _rank(cls: str) -> int:
    return ADMIN_RANK.get(cls, 9)


def _admin_starts(admin: list[Span], pos: int) -> bool:
    return any(a.start == pos for a in admin)


def _inside_admin(admin: list[Span], tok: Token) -> bool:
    return any(a.start <= tok.start and tok.end <= a.end for a in admin)


def _digits_in_name(tokens: list[Token], j: int) -> bool:
    """A number inside a body's name: 郑州市公安局110指挥中心."""
    t = tokens[j]
    return (
        t.tag == "m"
        and t.text.isdigit()
        and 0 < j < len(tokens) - 1
        and tokens[j - 1].tag in NAMEY
        and tokens[j + 1].tag in NAMEY
        and tokens[j - 1].text.endswith(ORG_SUFFIXES)
    )

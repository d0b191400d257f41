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

from graph.extract import unit_checks as checks
from graph.extract.spans import HAN, PROPER, SUFFIX_LEAD, Span, rank, stem_token, token_at, token_starts
from graph.extract.tagger import Token
from graph.extract.wordbreak import dictionary_words
from graph.gazetteer import Gazetteer
from graph.lexicon import (
    ADMIN_SUFFIXES,
    AREA_KIND_STEMS,
    ETHNIC_IN_NAME,
    GENERIC_COMMUNITY,
    GENERIC_PREFIX,
    GENERIC_STEMS,
    LEADING_NOISE,
    NOT_DISTRICT,
    NOT_UNIT_AFTER,
    NOT_UNIT_BEFORE,
    NOT_UNIT_WORDS,
    NOT_VILLAGE,
    RATING,
    UNIT_REFERENCE,
)

SUFFIX_SCAN = re.compile("|".join(s for s, _ in ADMIN_SUFFIXES))
_MANY = ("多家", "数家", "几家", "多个", "数个")  # 多家社区纷纷…: how many, not which (多家村 is a village's name)
_CLASS = dict(ADMIN_SUFFIXES)
_BARE_ZONES = ("高新区", "经开区")  # printed without their city, in its paper
_ZONE_SUFFIXES = frozenset(("高新技术产业开发区", "经济技术开发区", "经济开发区", "开发区", "高新区", "经开区", "实验区"))
_TERM = re.compile(r"(?:新|上|下)?一届|本届")  # a term of office before a unit's name (not 第二届: an edition)
# 石围塘街: Guangdong's name for a street office, printed right after its district (a road's X路街 is not read so)
_STREET_AFTER = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?<!路)街(?![道区头巷坊])")


def _PLACE_TAGGED(tokens: list[Token], s0: int) -> bool:
    i = token_at(tokens, s0 - 1)
    return i is not None and tokens[i].tag in ("LOC", "ns", "ORG")


def _in_word(text: str, s0: int, s1: int, suffix: str) -> bool:
    """A one-character suffix that is part of a word here: 城乡, 老乡, 乡村, 新村镇's 新村, 美镇社区, 绿东村社区, 玉林|市场."""
    if len(suffix) != 1 or suffix not in "乡镇村市":
        return False
    if text[s0 - 1 : s1] in NOT_UNIT_BEFORE or any(text.startswith(w, s0 - at) for w, at in NOT_UNIT_WORDS.get(suffix, ())):
        return True
    if (after := text[s0 : s1 + 1]) in NOT_UNIT_AFTER and text[s1 + 1 : s1 + 2] not in ("民", "委", "干", "里") or after == "村组" and text[s1 + 1 : s1 + 2] not in "织成建干队团委员长合":
        return True  # (沿河村组: villages and their groups; not 柳岸村组织…)
    # 天湖美镇社区, 绿东村社区 (a village become a community keeps its name); not 村社区化管理, nor 柳岸镇社区卫生服务中心
    return suffix != "市" and text[s1 : s1 + 2] == "社区" and text[s1 + 2 : s1 + 3] != "化" and not text.startswith("卫生服务", s1 + 2)


# Stems: a unit's name without its suffix (秦岭路 of 秦岭路街道). Where no gazetteer entry vouches for a unit, its stem
# must be MIN_STEM characters at least (MIN_COMMON_STEM when only common nouns make it) and at most MAX_STEM for its
# class (a zone's: 郑州|高新区); the tokens of a stem start at most STEM_REACH characters before the suffix, and a
# city or district heading a stem has at most PLACE_PREFIX_MAX characters.
MIN_STEM = 2
MIN_COMMON_STEM = 3
STEM_REACH = 8
PLACE_PREFIX_MAX = 5

# Official district names that are also common nouns.
_WORD_DISTRICTS = frozenset("城区 郊区 矿区 老城区 新城区 新区 市中区 城中区 城关区 东区 西区 南区 北区 中区 示范区 管理区 工业园区 保税区 新市区 新建区 新小区".split())
# What a village's name beginning 前 or 后, the quarter the tagger read apart, follows (位于|后/f 李庄村; not 整治|后|柳塘村,
# where 后 is "after doing"); 东, 西, 南, 北 read apart begin the name after any word (抵达|北/f 张庄村)
_BEFORE_QUARTER = frozenset(("、", "，", "和", "与", "及", "在", "位于", "来到", "走进", "前往", "到", "赴", "深入", "抵达", "进驻", "走访", "赶到"))
_KINDS_BEFORE_HILL = r"(?:偏远|边远|偏僻|贫困|贫穷|高寒|落后|最)"  # 凤凰山村 a name; not 偏远小山村, 深山村
_MOUNTAIN_NAME, _STACKED_KIND = re.compile(rf"^(?!{_KINDS_BEFORE_HILL}{{0,2}}[小深荒穷]?山$).*山$"), re.compile(rf"{_KINDS_BEFORE_HILL}{{1,2}}[小深荒穷]?山$")
_TOWN_AFTER = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:街道办事处|街道|办事处|镇|乡)")  # a town right after a district's name
# What follows a village's name of one character, to name it as one (李村|村委会, 李村|村民): its committee, its
# party branch, its villagers (the gazetteer's 657,807 villages hold 11 names in 村村, 8,639 of two characters).
_VILLAGE_BODY_AFTER = re.compile(r"村(?:民委员会|委会?|民|党支部|党总支|党委|两委)|(?:党支部|党总支|党委|两委)(?:副)?书记")
_NICKNAMED = re.compile(r"[的了成为是称誉]$|(?:[\d一二三四五六七八九十百千两几多数首每各]|个)[个批]$")  # 远近闻名的“辣椒村”, 10个“红旗社区” (not 这个“红星村”)
_NOT_ONE_CHAR_VILLAGE = frozenset("邻外此某他同别临隔一二三四五六七八九十百千万")
# A unit that a post is held in right after it (联盟社区副主任, 联盟社区党委书记): a named one, though its stem is a word.
_HEADS_A_POST = re.compile(r"(?:党委|党总支|党支部|居委会|村委会)?(?:常务)?副?(?:书记|主任|社区长|网格长)")
# What a city's short name names before these (延安精神, 中山里, 中山桥, 北京路; not 郑州街头, 上海路演, 郑州广场舞: the city)
_NAMED_FOR = re.compile(r"精神|里|桥(?!梁)|路(?![演口边途网况线])|街(?![头巷边区])|大道|广场(?!舞)")
_REGION_WORDS = frozenset("中原 江南 江北 河东 河西 关中 岭南 城关 城中 城北 城南 城东 城西".split())  # regions, districts' short names too
_SUFFIX_AFTER_BARE = frozenset("区县市旗")  # what follows a district's short name printed whole (中牟县, 江夏区, 南雄市)
_FUNCTION_CHARS = frozenset("的和与及或在对向从为将把被由于以等")
_NOT_NAME_TAGS = frozenset({"v", "p", "c", "u", "d", "r", "w", "q", "TIME"})
_PLACE_END = frozenset("里村庄园苑城坊湾桥门街路巷台堡营屯寨府院楼北南东西湖纪")  # 迎风里, 坞城北, 新世纪


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


def _across_a_joiner(tokens: list[Token], at: int, end: int) -> bool:
    """A stem the gazetteer knows made of the end of a word and a conjunction or preposition after it (负责人|和|街道:
    no 人和街道), the tagger's reading of the text."""
    i = token_at(tokens, at)
    return i is not None and tokens[i].start < at and any(t.tag in ("c", "p") for t in tokens[i + 1 :] if t.start < end)


# What one is "in" (小区里, 家里, 村里), before a 里 that is no part of a name
_HOLDS_A_LI = re.compile(r"(?:小区|社区|街道|院|楼|家|村|城|屋|店|校|园|区|心|手|眼|群|会|地|田|山上)$")


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
            if not HAN.match(stem):
                continue
            name = stem + suffix
            if cls == "District" and (self.gaz.district(name) if suffix != "旗" else self.gaz.lookup(name, "District")):
                return stem  # (a banner by its full name only: 红旗 is 红旗区's short name)
            if cls == "City" and (self.gaz.city(name) or self.gaz.lookup(name, "District")):
                return stem
            if cls in ("StreetOffice", "Town") and len(stem) >= 2 and self.gaz.towns(name):
                return None if self._inside_a_city(text, start, start + len(suffix)) else stem
        return None

    def _cut_from_word(self, tokens: list[Token], s0: int, stem: str, suffix: str, floor: int) -> bool:
        """A stem the gazetteer knows only as another kind of unit's (瀛湖镇 for 瀛湖街道) that begins inside a word of the
        tagger's which no unit before it begins (文瀛湖|街道, not 中原区三官庙|街道); any made of a verb's end and a word of
        all or each (加大|全镇: not 大全镇; 走进|化龙桥街道 is a name the tagger glued to its verb)."""
        at, exact = s0 - len(stem), any(p.name == stem + suffix for p in self.gaz.towns(stem + suffix))
        i = token_at(tokens, at)
        if i is None or not floor <= tokens[i].start < at:
            return False
        if tokens[i].tag == "v" and GENERIC_PREFIX.fullmatch(stem[tokens[i].end - at :]):
            return True
        return not exact and _CLASS[suffix] in ("StreetOffice", "Town") and tokens[i].tag in ("LOC", "ns", "ORG", "nz", "n")

    def _token_stem(self, text: str, tokens: list[Token], start: int, floor: int) -> tuple[str, bool] | None:
        """The run of name-like tokens right before text[start], not crossing `floor`.

        Returns (stem, proper): proper is True when a token of the run was
        tagged as a name (place, body, person) rather than a common noun.
        """
        i = token_at(tokens, start - 1)
        if i is not None and i > 0 and re.fullmatch(r"[一二三四五六七八九十]", tokens[i].text) and stem_token(tokens[i - 1]):
            i -= 1  # 汝河一社区: a numbered community of a place
        if i is not None and i > 0 and tokens[i].text == "里" and stem_token(tokens[i - 1]) and not _HOLDS_A_LI.search(tokens[i - 1].text):
            i -= 1  # 铁山|里|社区: the 里 of an old ward's name, read as "in"; not 小区|里|社区干部 (in the compound)
        if i is None or not stem_token(tokens[i]):
            return checks.slogan_named(tokens, text, i, start)  # 来到前进/v 社区
        proper = tokens[i].tag in PROPER
        if i > 1 and tokens[i - 1].tag == "f" and (q := tokens[i - 1].text) in "东西南北前后" and (q in "东西南北" or tokens[i - 2].text in _BEFORE_QUARTER):
            i -= 1  # 东长寿村、西/f 长寿村, 位于/v 后/f 新庄村: the quarter its name begins with, read as a word of its own
        begin = max(tokens[i].start, floor)
        j = i - 1
        while j >= 0 and tokens[j].start >= floor and start - tokens[j].start <= STEM_REACH:
            t = tokens[j]
            if not stem_token(t) or LEADING_NOISE.match(t.text) and len(t.text) <= 2:
                begin = t.start if checks.of_road(tokens, text, begin, start) else begin  # 建设/v 东路社区: named for a road
                break
            if t.text in ("辖区", "辖内", "社区", "街道", "全区", "全市", "城市", "农村", "城乡", "乡镇", "区委", "区政府", "所在", "位于"):
                break
            begin, proper, j = t.start, proper or t.tag in PROPER, j - 1
        begin += text.startswith("辖内", begin - 1)  # 辖|内程界东社区: the 内 of 辖内 (within its bounds) begins no name
        stem = text[begin:start]
        m = LEADING_NOISE.match(stem)
        if m and len(stem) - m.end() >= MIN_STEM and token_starts(tokens, begin + m.end()):
            stem = stem[m.end() :]  # 联合|金海社区; not 和平街社区, one word to the tagger
        m = SUFFIX_LEAD.match(stem) or UNIT_REFERENCE.match(stem) or _TERM.match(stem)
        if m and len(stem) - m.end() >= MIN_STEM:
            stem = stem[m.end() :]  # 街道王马|社区: the end of a unit the scan missed; 该镇|王顺村: the story's; 新一届|柳树村
        return (stem, proper) if stem else None

    def admin_units(self, text: str, tokens: list[Token], offset: int = 0) -> list[Span]:
        """Admin-unit spans of one sentence; `offset` is added to every position."""
        spans: list[Span] = []
        floor = 0  # end of the previous unit: a stem never crosses it
        for m in SUFFIX_SCAN.finditer(text):
            suffix, s0, s1 = m.group(0), m.start(), m.end()
            if s0 < floor or s0 == 0 and suffix not in _BARE_ZONES or self._suffix_in_word(text, s0, s1, suffix, floor) or _CLASS[suffix] in ("Village", "District", "Town") and self._named_street_office(text, s1, floor):
                continue
            # 社区 inside 社区 (社区居委会) and 街道 inside a longer unit were consumed by the scan
            stem = self._gazetteer_stem(text, s0, suffix, floor)
            if stem and (self._cut_from_word(tokens, s0, stem, suffix, floor) or _across_a_joiner(tokens, s0 - len(stem), s0) or checks.of_road(tokens, text, s0 - len(stem), s0, whole=True)):
                stem = None  # 文瀛湖街道/LOC: not 瀛湖 (a town 瀛湖镇 elsewhere), the tagger's word whole; 解放西路街道/LOC
            source = "gazetteer"
            if stem is None and spans and spans[-1].end - offset == floor and (
                self._chained(text, tokens, floor, s0, suffix) or self._listed_under(spans[-1], text[floor:s1])):
                # right after a unit printed before it: 三官庙街道办事处|伏牛北社区
                stem, source = text[floor:s0], "chain"
            if stem is None:
                found = self._token_stem(text, tokens, s0, floor)
                if found is None:
                    if suffix in _BARE_ZONES and (not HAN.match(text[s0 - 1 : s0]) or text[s0 - 1] in "在到和与及对向为由从赴"):
                        spans.append(Span(s0 + offset, s1 + offset, suffix, "District", suffix, (), None, "unit.zone"))
                        floor = s1  # 高新区举办…, 经开区明湖办事处: the zone of the paper's city, printed bare
                    continue
                stem, proper = found
                source = "suffix" if proper else "common"
            after_city = bool(spans) and spans[-1].type == "City" and spans[-1].end - offset == s0 - len(stem or "")
            if not (self._one_char_village(stem, suffix, text, s1, spans[-1:], s0 - 1 + offset) or self._plausible(stem, suffix, text, s0, s1, tokens, source, after_city)):
                continue
            if source == "gazetteer" and (bare := self._district_before(text, s0 - len(stem), stem + suffix, floor)):
                spans.append(bare.moved(offset))
            zone = suffix in _ZONE_SUFFIXES  # 乌鲁木齐国家高新技术产业开发区: a zone is named with its city
            lead = self._place_prefix(stem, tokens, s0 - len(stem)) if source in ("suffix", "common") and not zone else None
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
            if spans and rank(spans[-1].type) < rank(cls):
                gap = text[spans[-1].end - offset : start]
                before = text[: spans[-1].start - offset]
                if checks.printed_in(gap, before):  # 中原区三官庙街道, 经八路街道的省委社区, 在花园路街道，农业院社区…
                    parent = spans[-1].name
            printed = text[start:s1]
            aliases = tuple(dict.fromkeys(a for a in (printed, ETHNIC_IN_NAME.sub("", name)) if a != name))  # 小碧布依族苗族乡: 小碧乡
            spans.append(Span(start + offset, s1 + offset, printed, cls, name, aliases, parent, f"unit.{source}"))
            floor = s1
            street = self._street_under(text, s1, name) if cls == "District" else None
            if street is not None:  # 荔湾区逢源街|如意社区: the next unit's stem begins after the street office
                spans.append(street.moved(offset))
                floor = street.end
        return spans

    @staticmethod
    def _chained(text: str, tokens: list[Token], floor: int, s0: int, suffix: str) -> bool:
        """Whether text[floor:s0], right after a unit, names the next one (三官庙街道|伏牛北|社区): a name's length, no
        function word or verb in it but a first character the tagger read alone (伏/v 牛北社区, 经/p 三路 社区; not 和, 为, 在…)."""
        if not (2 <= s0 - floor <= 5 and _CLASS[suffix] in ("Community", "Village", "StreetOffice", "Town") and HAN.match(text[floor:s0])):
            return False
        # no first character: 市委城乡社区 (a party committee), 辖光明社区 (governs), 到红河社区 (goes to: `going_to`)
        if text[floor] in _FUNCTION_CHARS or text[floor] in "委辖" or text.startswith(("所辖", "下辖"), floor) or checks.going_to(text, tokens, floor, s0):
            return False
        inside = [t for t in tokens if floor <= t.start < s0]
        odd = [t for t in inside if t.tag in _NOT_NAME_TAGS and t.end <= s0]
        # the first character read alone begins the name (伏/v 牛北社区), not a joiner after the unit's own body
        # (金湾社区党委|和/c 金湾社区); or a name of three characters or more that ends as a place's (迎风/v 里/f 社区,
        # 新世纪/TIME 社区), with no function word in it
        placed = inside and s0 - floor >= 3 and text[s0 - 1] in _PLACE_END and not any(c in _FUNCTION_CHARS for c in text[floor:s0])
        # not a verb and the place it acts on (向阳社区|联合/v 金湾/LOC 社区, 慰问/v 金湾/LOC 村)
        placed = placed and not LEADING_NOISE.match(text[floor:s0]) and not (
            inside[0].tag == "v" and len(inside[0].text) > 1 and any(t.tag in PROPER for t in inside[1:])
        )  # (庆/v 有/v 西里/LOC 社区: characters read alone begin a name)
        if placed and all(t.tag != "v" or len(t.text) == 1 or len(t.text) == 2 and t is inside[0] for t in odd):
            return True
        return not odd or odd == inside[:1] and inside[0].start == floor and len(inside) > 1 and len(inside[0].text) == 1

    def _one_char_village(self, stem: str, suffix: str, text: str, s1: int, before: list[Span], at: int) -> bool:
        """A village of one character before its 村 (胡村, 李村), never a word (该村, 全村, 邻村): printed before its
        committee or villagers (李村|村委会: not 李村村), or right after its town when the gazetteer lists it there."""
        if suffix != "村" or len(stem) != 1 or NOT_VILLAGE.search(stem) or GENERIC_STEMS.match(stem) or stem in _NOT_ONE_CHAR_VILLAGE:
            return False
        if _VILLAGE_BODY_AFTER.match(text, s1):
            return True  # 李村|村委会, 汪村|党总支书记
        return bool(before) and before[0].type == "Town" and before[0].end == at and self._listed_under(before[0], stem + "村")

    def _street_under(self, text: str, at: int, district: str) -> Span | None:
        """A street office printed as X街 right after its district (荔湾区石围塘街), as Guangdong's papers print them."""
        m = _STREET_AFTER.match(text, at)
        if m is None:
            return None
        places = {tuple(p.path) for p in self.gaz.district(district)}
        found = {p.name for p in self.gaz.towns(m.group(1)) if p.level == "StreetOffice" and any(tuple(p.path[: len(q)]) == q for q in places)}
        if len(found) != 1:
            return None
        return Span(m.start(), m.end(), m.group(0), "StreetOffice", found.pop(), (m.group(0),), district, "unit.street-under")

    def _suffix_in_word(self, text: str, s0: int, s1: int, suffix: str, floor: int) -> bool:
        """`_in_word` (and 县 in 辉县市, read at its 市), unless the gazetteer names a town so (五乡镇, 固城镇; not 各乡镇, 城乡)."""
        if suffix == "县" and self._inside_a_city(text, s0, s1):
            return True  # 辉县市; 赣县区, a county become a district
        if not _in_word(text, s0, s1, suffix):  # …nor a slogan's kind of unit, its other kind in brackets (平安街道（社区）)
            return bool(checks.KIND_IN_BRACKETS.match(text, s1)) and GENERIC_COMMUNITY.search(text[max(floor, s0 - 2) : s0]) is not None
        return text[s0 - 1 : s1] not in ("乡镇", "城乡", "城镇") or not any(
            self.gaz.lookup(text[k:s1], "Town") for k in range(max(floor, s0 - 3), s0 - 1)
        )

    def _named_street_office(self, text: str, at: int, floor: int) -> bool:
        """A street office the gazetteer knows is named after the 新村 or town before `at` (南阳新村街道, 嘉定镇街道)."""
        return text.startswith(("街道", "办事处"), at) and self._gazetteer_stem(text, at, "街道", floor) is not None  # 绿东村办事处

    def _place_prefix(self, stem: str, tokens: list[Token], at: int) -> tuple[str, str, str] | None:
        """(class, printed, canonical name) of a city or district that begins a unit's stem (at `at`), a word of its own
        to the tagger (乌鲁木齐|胜利路社区; not 华宁北里|社区, one word)."""
        for k in range(min(PLACE_PREFIX_MAX, len(stem) - MIN_STEM), 1, -1):
            head = stem[:k]
            if not token_starts(tokens, at + k):
                continue
            for cls, found in (("City", self.gaz.city(head)), ("District", self.gaz.district(head))):
                names = {p.name for p in found}
                common = cls == "District" and head in dictionary_words()  # 中原, 金水 are words too
                if len(names) == 1 and (head.endswith(("市", "区", "县")) or not common):
                    return cls, head, names.pop()
        return None

    def _plausible(self, stem: str, suffix: str, text: str, s0: int, s1: int, tokens: list[Token], source: str, after_city: bool = False) -> bool:
        """Whether stem + suffix names a unit, by what found the stem and the class the suffix makes."""
        cls = _CLASS[suffix]
        if not HAN.match(stem) or LEADING_NOISE.fullmatch(stem) or stem.endswith(("政府", "党工委", "党委", "工委", "党组")) or "委会" in stem \
                or text[s0 - len(stem) - 1 : s0 - len(stem)] == "“" and text[s1 : s1 + 1] == "”" and _NICKNAMED.search(text, 0, s0 - len(stem) - 1):
            return False  # 区政府|区长王伟: no unit's stem; nor a committee (金叶村委会|下村, 党工委|办事处), nor a nickname (“辣椒村”)
        numbered = source == "chain" and cls == "Community" and re.fullmatch(r"第[一二三四五六七八九十\d]{1,3}", stem) and (
            text[s0 - len(stem) - 1] in "道镇乡处" and not text.startswith("卫生服务", s1))  # 华明街道|第一社区: a numbered one
        if source != "gazetteer" and not numbered and (GENERIC_STEMS.match(stem) or GENERIC_PREFIX.match(stem) or cls != "Village" and stem in _MANY) or AREA_KIND_STEMS.match(stem):
            return False
        if source == "common":
            # common nouns only: a unit only for a street office's or community's word, the stem one word (not 规范化社区)
            i = token_at(tokens, s0 - 1)
            one_word = i is not None and tokens[i].start <= s0 - len(stem)
            listed = suffix == "社区" and text.endswith("社区、", 0, s0 - len(stem))  # 曙光社区、宝石/n 社区: a list's next name
            short = len(stem) < MIN_COMMON_STEM and not (len(stem) == MIN_STEM and (_HEADS_A_POST.match(text, s1) or listed))
            if cls not in ("StreetOffice", "Community") or short or not one_word or stem.endswith(("化", "性")):
                return False
        if suffix in ("旗", "苏木") and source != "gazetteer":  # 锦旗, 授旗: Inner Mongolia's are the gazetteer's only
            return False
        if source == "chain":  # 青河村|热心村民, 金叶村|属城中村 (after a village): no village's name
            # 上海市|文明村, 金海区|美丽乡村: a rating or a kind (柳岸镇|先进村, 柳岸镇|小山村: a town's village so named; not 偏远山村)
            after_town = s0 - len(stem) > 0 and text[s0 - len(stem) - 1] in "镇乡"
            kind = NOT_VILLAGE.search(stem) is not None and (not after_town or _STACKED_KIND.match(stem) is not None) and not _MOUNTAIN_NAME.search(stem)
            no_village = cls == "Village" and (text[s1 : s1 + 1] == "民" or kind)
            no_town = cls == "Town" and checks.NOT_TOWN.search(stem)  # 河渠镇|工笔画小镇: a kind of town, no name
            return rank(cls) > 2 and not no_village and not no_town and not LEADING_NOISE.match(stem) and not GENERIC_PREFIX.match(stem)
        if source == "gazetteer":
            # 老城区, 郊区, 矿区 are words too: official names only after their city; 先进街道 a rating, wherever named so
            honour = cls in ("StreetOffice", "Town") and RATING.fullmatch(stem)
            word = cls == "District" and stem + suffix in _WORD_DISTRICTS and not after_city and not self._heads_its_town(stem + suffix, text, s1)
            # 河南县域经济: a province's counties (县域), not the county named for the province (青海's 河南县)
            counties_of = cls == "District" and text[s1 : s1 + 1] == "域" and any(p.level == "Province" for p in self.gaz.regions.get(stem, ()))
            return not (word or honour or counties_of)
        if len(stem) < MIN_STEM or cls == "City":
            return False  # cities are all in the gazetteer; 超市, 城市, 上市 are not cities
        if cls == "Town" and self._inside_a_city(text, s0, s1):
            return False  # 河南省新乡市: the 乡 of a city's name
        if cls == "District":
            return self._district_ok(stem, suffix, text[s1 : s1 + 2], tokens, s0)
        check = checks.CLASS_CHECKS.get(cls)
        return check(stem, text, s0, s1, tokens) if check else True

    def _listed_under(self, unit: Span, name: str) -> bool:
        """The gazetteer lists a community or village so named under the town printed right before it (…镇|植村)."""
        towns = self.gaz.towns(unit.name) if unit.type in ("StreetOffice", "Town") else []
        return any(v.name == name for town in towns for v in self.gaz.villages_of(town))

    def _district_before(self, text: str, at: int, name: str, floor: int) -> Span | None:
        """A district printed by its short name, a word or not, right before a town or street office the gazetteer
        has under it (远安|花林寺镇, 新郑|观音寺镇, 中原|秦岭路街道)."""
        for head in (text[a:at] for a in (at - 3, at - 2) if a >= floor):
            found = [p for p in self.gaz.short.get(head, ()) if p.level == "District"]
            if len(found) == 1 and any(found[0].name in p.path for p in self.gaz.towns(name)):
                return Span(at - len(head), at, head, "District", found[0].name, (head,), None, "unit.district-before")
        return None

    def _heads_its_town(self, district: str, text: str, s1: int) -> bool:
        """A district named by a word, then a town the gazetteer has under one so named (市中区|七里山街道)."""
        m = _TOWN_AFTER.match(text, s1)
        return m is not None and any(district in p.path for p in self.gaz.towns(m.group()))

    def _inside_a_city(self, text: str, s0: int, s1: int) -> bool:
        """The suffix at text[s0:s1] is inside the name of a city or county the gazetteer knows (新乡市, 新乡县, 赣县区)."""
        if text[s1 : s1 + 1] not in ("市", "县", "区"):
            return False
        return any(self.gaz.city(text[a : s1 + 1]) or self.gaz.district(text[a : s1 + 1]) for a in range(max(0, s0 - 3), s0))

    def _district_ok(self, stem: str, suffix: str, nxt: str, tokens: list[Token], s0: int) -> bool:
        if suffix == "新区":  # 郑东新区, 二七新区: a zone governed as a district; 汝河新区社区 is a community, 国家级新区 a rank
            return not re.search(r"(?:城市|开发|示范|产业|工业|各|该|全|本|建设|级|民盟|民建|民进|农工|致公|台盟)$", stem) and nxt not in ("社区", "片区", "街区")
        if suffix in _ZONE_SUFFIXES:  # 郑州高新区, 江夏经济开发区: a city's or district's zone
            return len(stem) <= checks.MAX_STEM["zone"] and bool(self.gaz.city(stem) or self.gaz.district(stem) or _PLACE_TAGGED(tokens, s0))
        if NOT_DISTRICT.search(stem) or suffix == "县" or nxt[:1] in ("域", "间", "内", "外", "级", "划", "委", "政", "块"):
            return False
        i, before = token_at(tokens, s0 - 1), token_at(tokens, s0 - len(stem) - 1)
        if before is not None and tokens[before].tag == "m" and tokens[before].text.endswith("个"):
            return False  # 179个|产业集聚区: a count of a kind of area
        return i is not None and tokens[i].tag in ("LOC", "ORG", "ns") and len(stem) <= checks.MAX_STEM["District"]

    def bare_cities(self, text: str, tokens: list[Token], offset: int = 0) -> list[Span]:
        """Cities printed without 市 (在郑州, 上海首家): a place token that is a city's short name."""
        out: list[Span] = []
        for before, t in zip([None, *tokens], tokens, strict=False):
            if t.tag not in ("LOC", "ns") or len(t.text) < 2 or t.text.endswith(("市", "区", "县", "省")) or _NAMED_FOR.match(text, t.end) \
                    or before is not None and before.tag == "PER" and len(before.text) == 1 and text[t.end : t.end + 1] not in "人籍":
                continue  # 延安精神, 中山桥: named for the place (_NAMED_FOR); 主任盘/PER 金华/LOC: a name cut after its surname
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

    def prefixed_districts(self, text: str, offset: int = 0) -> list[Span]:
        """Districts printed without their suffix right after their province or city (河南中牟, 武汉江夏): named so."""
        out: list[Span] = []
        i, limit = 0, len(text) - 3
        # only where a province's or city's name may start (one search, in C: a loop over every character was 3% of a build)
        while (head := self.gaz.region_heads.search(text, i)) and head.start() < limit:
            i, found = head.start(), None
            for k in (3, 2):  # 河南省中牟 or 河南中牟
                parents = self.gaz.regions.get(text[i : i + k], ())
                for m in (2, 3) if parents else ():
                    j = i + k + m
                    bare = text[i + k : j]
                    if text[j : j + 1] in _SUFFIX_AFTER_BARE or bare in _REGION_WORDS:
                        continue  # 中牟县, 江夏区: the suffix scan reads it; 河南中原: a region, not 中原区
                    places = {
                        p.name
                        for p in self.gaz.short.get(bare, ())
                        if p.level == "District" and any(p.path[: len(q.path)] == q.path for q in parents)
                    }
                    if len(places) == 1:
                        found = Span(i + k + offset, j + offset, bare, "District", places.pop(), (bare,), None, "unit.prefixed-district")
                        break
                if found:
                    break
            if found:
                out.append(found)
                i = found.end - offset
            else:
                i += 1
        return out

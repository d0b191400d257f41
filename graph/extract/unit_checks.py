"""Unit checks: whether a stem and its suffix name a town, village, community or street office, where no gazetteer
entry vouches for the unit (graph.extract.units asks them of every such candidate)."""

from __future__ import annotations

import re

from graph.extract.spans import token_at
from graph.extract.tagger import Token
from graph.lexicon import GENERIC_COMMUNITY, NOT_VILLAGE, RATING, STAR_RATING

# The most characters a unit's stem has, by class, where no gazetteer entry vouches for it (a zone's: 郑州|高新区).
MAX_STEM = {"District": 4, "zone": 6, "Town": 4, "Village": 5, "Community": 8, "StreetOffice": 8}
NOT_TOWN = re.compile(r"(?:城|乡|镇|村|集|古|小|重|名|特色小|各|该|全|本|每|两|多|几|副|政府|[百千万]|\d+个?|[一二三四五六七八九十两几]+个|撤|置|^乡建|建制)$")
_STREET_NAME = re.compile(r"^[\u4e00-\u9fff]{1,8}$")
# A slogan's kind of unit has its other kind in brackets after it (平安街道（社区）).
KIND_IN_BRACKETS = re.compile(r"[(（](?:社区|村|街道|乡镇|镇)[)）]")
# What, printed before a unit and 的, says that the units after them are not in it (原属柳岸镇的, 毗邻柳岸镇的, 不属于柳岸镇的)
_NOT_IN_UNIT_BEFORE = re.compile(r"(?:原|曾|不|毗邻|紧邻|邻近|相邻|靠近)(?:隶属|属于?|归)?于?$")

_COMPOUNDS_AFTER = re.compile(r"[^。，,；;]{0,24}?等(?:\d+个|几个)?(?:小区|院落|楼院)")
# 上海首家|社区, 金三三个|社区, 五处|社区: a count, not a name (中铁三处|社区 is one: a numbered division's)
_COUNTED = re.compile(r"(?:[首两几多数每各这那](?:家|个|所|处|座)|[\d一二三四五六七八九十]+[家个])$|^[\d一二三四五六七八九十]+[所处座]$")
_STARS = re.compile(STAR_RATING)  # 四星社区党组织, 五星社区创建: a rating (记者来到五星社区: a name)
_GENERIC_STEM_ENDS = tuple("工作 活动 服务 管理 建设 治理 发展 人员 干部 居民 群众 新建小区 双方 进 为 到".split())


def _town_ok(stem: str, text: str, s0: int, s1: int, tokens: list[Token]) -> bool:
    if text[s1 : s1 + 1] == "长" and _named_head(tokens, s0 - len(stem), s1 + 1):
        return False  # 王尧|镇长|带队: a person and the title (柳岸镇长|王强: the town's head, named after it)
    return not NOT_TOWN.search(stem) and not RATING.fullmatch(stem) and len(stem) <= MAX_STEM["Town"] and text[s1 : s1 + 1] not in ("村", "级", "域", "区", "上", "里")


def _heads_title(tokens: list[Token], s1: int) -> bool:
    """The tagger read the village's 村 with the 长 after it as one word (村长, 副村长): a head's title, not a word
    beginning with 长 (左权村|长期)."""
    i = token_at(tokens, s1 - 1)
    return i is not None and tokens[i].end == s1 + 1 and tokens[i].text.endswith("长") and len(tokens[i].text) >= 2


def _named_head(tokens: list[Token], start: int, end: int) -> bool:
    """A person's name (a PER token at `start`) before a head's title, no name after it (at `end`)."""
    i, j = token_at(tokens, start), token_at(tokens, end)
    return i is not None and tokens[i].tag == "PER" and tokens[i].start == start and (j is None or tokens[j].tag != "PER")


def _village_ok(stem: str, text: str, s0: int, s1: int, tokens: list[Token]) -> bool:
    if stem in ("自然", "行政"):
        return False  # 自然村16个, 行政村: the kinds of village, no name (柳岸自然村 is one)
    nxt = text[s1 : s1 + 2]
    if _heads_title(tokens, s1) and (stem.endswith("村") or _named_head(tokens, s0 - len(stem), s1 + 1)):
        return False  # 道云村|村长: the title's 村 after the village's, no village 云村村; 王建国|村长: a person's title
    if NOT_VILLAGE.search(stem) or nxt[:1] in ("民", "庄", "落", "级", "干", "委", "务", "内", "里", "官", "道", "企") and nxt[:2] != "委会":
        return nxt[:2] == "委会" and not NOT_VILLAGE.search(stem)
    if _COMPOUNDS_AFTER.match(text, s1):
        return False  # 西园新村、测绘局宿舍等小区: residential compounds, not villages
    i = token_at(tokens, s0 - 1)
    return i is not None and tokens[i].tag in ("LOC", "ORG", "ns", "nz", "PER") and len(stem) <= MAX_STEM["Village"]


def _community_ok(stem: str, text: str, s0: int, s1: int, tokens: list[Token]) -> bool:
    return (
        text[s1 : s1 + 1] not in ("民", "里", "内", "化", "级", "们")
        and not re.search(r"(?:报|网|电视台|电台|广播台|电视|频道|栏目)$", stem)  # 晚报社区行: a paper's page, not a community
        and not GENERIC_COMMUNITY.search(stem.removesuffix("街道"))  # 新时代街道社区工作: street offices' and communities'
        and len(stem) <= MAX_STEM["Community"]
        and not (stem.endswith(_GENERIC_STEM_ENDS) and stem not in _ROAD_VERBS)  # (前进社区 is a name)
        and not _COUNTED.search(stem)
        and not (_STARS.fullmatch(stem) and text.startswith(("党组织", "创建"), s1))
    )


def _street_office_ok(stem: str, text: str, s0: int, s1: int, tokens: list[Token]) -> bool:
    road = text.startswith("街道", s1 - 2) and re.match(r"路(?!长)|旁|两[侧旁边]", text[s1 : s1 + 2])  # 青河街|道路坑洼
    generic = GENERIC_COMMUNITY.search(stem)  # 新时代街道社区工作: a kind of street office, as of community
    return _STREET_NAME.match(stem) is not None and len(stem) <= MAX_STEM["StreetOffice"] and not RATING.fullmatch(stem) and not road and not generic


# Between a unit and one it governs: its area (金水区辖区文庙社区), or a verb of governing (柳岸镇所辖杨庄村).
_GOVERNS = re.compile(r"(?:辖区内?|所辖|下辖|辖)的?")


def printed_in(gap: str, before: str) -> bool:
    """Whether a unit printed `gap` after another, whose text before it is `before`, is printed as lying in it:
    中原区三官庙街道, 经八路街道的省委社区 (not 毗邻经八路街道的…), 在花园路街道，农业院社区."""
    if gap == "的" or _GOVERNS.fullmatch(gap):  # (not 紧邻|丰产路街道辖区的黄河社区, 原属|刘集镇所辖的万胜村)
        return not _NOT_IN_UNIT_BEFORE.search(before)
    return gap == "" or gap in ("，", ",") and re.search(r"(?:^|[，,。；])\s*在$", before) is not None


def going_to(text: str, tokens: list[Token], at: int, s0: int) -> bool:
    """Whether text[at] is a verb of going (到, 赴, 至, 往) before a unit's name of two characters or more that the tagger
    read as a place, up to its suffix at `s0` (从…社区到/v 红河社区/LOC), not the first character of a name (官渡镇往/p 南村/LOC)."""
    k = token_at(tokens, at + 1) if text[at] in "到赴至往" and s0 - at >= 3 else None
    return k is not None and tokens[k].start == at + 1 and tokens[k].tag in ("LOC", "ns") and tokens[k].end >= s0


CLASS_CHECKS = {"Town": _town_ok, "Village": _village_ok, "Community": _community_ok, "StreetOffice": _street_office_ok}


# What a road's name has after its first word (建设|东路, 解放|路, 胜利|大街), and the first words of the many roads
# named for a slogan that the tagger reads as verbs (not 走访/v 东路社区: a visit to a unit of that name).
_ROAD_REST = re.compile(r"[东西南北中]?(?:路|大街|大道)")
_QUARTER_ROAD = re.compile(r"[东西南北中]路")
_ROAD_VERBS = frozenset("建设 解放 胜利 前进 团结 振兴 复兴 建国 奋斗 跃进 创业".split())
# What a road-named unit's name follows: a clause's or a list's edge, a preposition, or the unit above it.
_BEFORE_A_NAME = "，,、。；;：:（(“\"在到和与及道区镇乡"


def of_road(tokens: list[Token], text: str, at: int, start: int, whole: bool = False) -> bool:
    """The stem text[at:start] is the rest of a road's name whose first word, at a name's edge, the tagger read as a
    verb right before it (建设/v 东路|社区); with `whole`, only one the tagger took whole into a place's name, a
    quarter's road (解放西路街道/LOC: not 西路街道, a street office the gazetteer knows in another city; not
    建设/v 西路街道, which may be that office, nor 振兴大街街道, which may be 大街街道). The verb governs nothing (not
    全面开放|东路社区…, 加快建设|…)."""
    i = token_at(tokens, at - 1)
    if i is None:
        return False
    t = tokens[i]
    if whole and not (t.tag in ("LOC", "ns") and t.end >= start and _QUARTER_ROAD.fullmatch(text, at, start)):
        return False
    edge = t.start == 0 or text[t.start - 1] in _BEFORE_A_NAME
    first_word = whole or t.tag == "v" and t.end == at  # the road's first word the token, or begun by it
    return first_word and edge and text[t.start : at] in _ROAD_VERBS and _ROAD_REST.fullmatch(text, at, start) is not None


_FACILITY = re.compile(r"(?:的|食堂|服务|中心|花园|养老|治理|建设|工作|带来|力量|群众|居民)")  # what a verb's object goes on with


def slogan_named(tokens: list[Token], text: str, i: int | None, start: int) -> tuple[str, bool] | None:
    """A community or village named for a slogan the tagger reads as a verb, right before its suffix where a name is
    gone to or listed after another (来到前进/v 社区, 曙光社区、胜利/v 社区): (its stem, a name by where it stands); not
    团结社区居民, 参与建设社区花园."""
    t, before = (tokens[i], tokens[i - 1]) if i else (None, None)
    if t is None or before is None or t.tag != "v" or t.text not in _ROAD_VERBS or t.end != start or _FACILITY.match(text, start + 2):
        return None  # (建设社区食堂, 建设社区的过程: what is built)
    listed = before.text == "、" and text.endswith(("社区", "村"), 0, before.start)  # 曙光社区、胜利/v 社区
    return (t.text, True) if before.text in ("来到", "走进", "前往", "到") or listed else None


__all__ = ["CLASS_CHECKS", "KIND_IN_BRACKETS", "MAX_STEM", "NOT_TOWN", "going_to", "of_road", "printed_in", "slogan_named"]

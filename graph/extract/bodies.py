"""Bodies: tagged sentence text -> Organization spans (bureaus, committees, companies, teams…).

A body is a run of name-like tokens ending in a body's suffix (局, 中心, 协会, 医院, 队…), stopped by verbs and
connectors (联合, 组织); its name must say which body it is (a place, a proper noun, or a bureau's function: 国土资源局),
not only what kind (市场监管所). A body printed after its units (中原区|市场监督管理局) is named from the lowest of them,
the fuller printed form an alias. A body or a division in a title (区委书记, 民政局|基层政权建设科科长) is the title's.
"""

from __future__ import annotations

import re

from graph.extract.body_words import (
    ACTING,
    BARE_SUFFIXES,
    BECOMES,
    CHOSE,
    COMPLEMENTS,
    CONNECTORS,
    CREDITED,
    DESCRIPTOR,
    DIVISION_IN_TITLE,
    DOCUMENT_NUMBER,
    FOR_PEOPLE,
    GENERIC_BODIES,
    GENERIC_MODIFIERS,
    GENERIC_START,
    GOVERNMENT,
    HOUSING,
    JOINED,
    MODIFIED_HEADS,
    NUMBERED,
    NUMBERED_HOSPITAL,
    NUMBERED_SECTION,
    ONE_CHAR_SUFFIXES,
    OWN_OFFICE,
    PARTY_ORGAN,
    PLACE_WORD,
    PRODUCT_AFTER,
    PROVINCES,
    QUOTED_BEFORE,
    SPLIT_SUFFIXES,
    STATION,
    SUB_BODY,
    TEAM,
    TITLES_PLACE,
    UNIT_WORD_TAIL,
    generic_core,
)
from graph.extract.runs import (
    join_registered_places,
    split_at_connectors,
    split_at_units,
    split_glued_names,
    split_verb_tails,
)
from graph.extract.spans import HAN, NAMEY, PROPER, SUFFIX_LEAD, Span
from graph.extract.tagger import Token
from graph.extract.unit_bodies import government_beside, group_after, unit_body, unit_chain, unit_cppcc
from graph.extract.wordbreak import dictionary_words
from graph.gazetteer import Gazetteer
from graph.lexicon import (
    BAN_VERBS,
    BODY_WORDS,
    GENERIC_PREFIX,
    LEADING_NOISE,
    ORG_SUFFIXES,
    PARTY_TITLE_RE,
    STAR_RATING,
    ends_as_body,
    looks_like_name,
)
from graph.lexicon import TITLE_RE as TITLE_WORD


class BodyFinder:
    """Finds the bodies (Organization spans) of one sentence, given its admin units."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    def organizations(self, text: str, tokens: list[Token], admin: list[Span], offset: int = 0) -> list[Span]:
        """Organization spans of one sentence, given its admin spans (absolute offsets)."""
        local_admin = [a.moved(-offset) for a in admin]
        tokens = split_at_connectors(text, split_at_units(tokens, local_admin), local_admin)
        tokens = join_registered_places(text, split_glued_names(split_verb_tails(tokens)))
        admin_starts = {a.start for a in local_admin}
        out: list[Span] = []
        i, n = 0, (len(tokens) if _any_ends_body(text, tokens) else 0)  # no run without one ends a body
        while i < n:
            # a run of name-like tokens
            function_word = (  # 建设/v 局/n: a bureau named by a verb of its function
                tokens[i].tag in ("v", "vn", "a") and i + 1 < n
                and tokens[i + 1].text in BARE_SUFFIXES and len(tokens[i].text) >= 2
            )
            if tokens[i].tag not in NAMEY and tokens[i].start not in admin_starts and not function_word:
                i += 1
                continue
            j = i + 1 if function_word else i
            while (
                j < n
                and not (j > i and (TITLE_WORD.fullmatch(tokens[j].text) and not TITLES_PLACE.match(text, tokens[j].end) or _ends_name(tokens, i, j, admin_starts)))
                and (
                    _inner_and(tokens, i, j, admin_starts)
                    or tokens[j].tag in NAMEY
                    or (tokens[j].tag == "a" and j > i and j + 1 < n and tokens[j + 1].tag in NAMEY)
                    or any(a.start <= tokens[j].start and tokens[j].end <= a.end for a in local_admin)  # in a unit
                    or _digits_in_name(tokens, j)
                    or _ordinal_in_name(tokens, j, n)
                    or _suffix_tail(tokens, j)
                )
            ):
                j += 1
            if i >= 2 and tokens[i - 1].tag in ("v", "vn") and tokens[i - 2].text == "、" and j < n and tokens[j - 1].text.endswith(_BUREAU_ENDS):
                i -= 1  # 、规划市政建设环保局: a bureau named from a verb of its function
            span = self._org_in_run(text, tokens[i:j], tokens[i].start, local_admin)
            if span is not None:
                out.append(span.moved(offset))
                inner = SUB_BODY.match(span.text)
                if inner:
                    # 郑州市公交四公司党员服务队: the company is a body of its own; 宁江大学商学院: the university
                    body = inner.group(1) or inner.group(2)
                    out.append(
                        Span(span.start + offset, span.start + offset + len(body), body, "Organization", body, (), None, "org.parent-body")
                    )
                for more in (government_beside(text, span), group_after(text, span)):
                    if more is not None:
                        out.append(more.moved(offset))
            i = max(j, i + 1)
        for m in NUMBERED_HOSPITAL.finditer(text):  # 市二院, 省人民医院: a hospital known by its number
            if not any(o.start - offset < m.end() and m.start() < o.end - offset for o in out):
                out.append(Span(m.start() + offset, m.end() + offset, m.group(0), "Organization", m.group(0), (), None, "org.numbered"))
        return out

    def _org_in_run(self, text: str, run: list[Token], start: int, admin: list[Span]) -> Span | None:
        """The longest body name a run of tokens ends with (trimmed to a body suffix)."""
        cut = _cut_at_suffix(text, run)
        if cut is None:
            return None
        cut = _trim_end(text, start, cut, admin)
        if cut is None or any(a.start < cut < a.end for a in admin):
            return None  # 百花洲街道|书院社区: a body's word that begins a unit's name ends no body
        if (chain := unit_cppcc(text, cut, admin)) is not None:
            start = chain  # 民盟盟员|二七区政协: the conference is named from its unit's chain, not from the words before it
        begin, quoted = _trim_start(text, start, cut, admin)
        if begin is None:
            return None
        start, s = begin, text[begin:cut]
        if _not_a_body(text, s, cut, run):
            # 郑州市第一人民医院|心|内科主任: a word after the body (a department, in the title) is none; the body before it is
            inner = next((k for k in range(len(run) - 1, 0, -1) if run[k - 1].end < cut and _ends_body(text, run[k - 1])), None)
            return self._org_in_run(text, run[:inner], run[0].start, admin) if inner else None
        chain_end, lowest = unit_chain(admin, start, cut)
        rest = text[chain_end:cut]
        m = DESCRIPTOR.match(rest)
        if lowest is not None and m and m.end() and len(rest) - m.end() >= 3:
            # 中安街社区辖区企业中铝…公司: a body of the unit's area, not of the unit
            start, lowest, s = chain_end + m.end(), None, rest[m.end() :]
            rest = s
        if _AWARD.fullmatch(rest):
            return None  # 柳岸镇先进党组织: an honour the unit's party organization won, no body of its own
        special = unit_body(text, start, cut, s, rest, lowest)
        if special is not None or not rest or rest in ("委", "办") or _each_units(rest):
            return special
        proper = quoted or bool(NUMBERED.search(s)) or any(t.tag in PROPER and chain_end <= t.start < cut and (t.end <= cut or t.tag == "ORG") for t in run)
        if not self._named(rest, lowest is not None, proper) or GOVERNMENT.fullmatch(s):
            return None
        last = next((t for t in run if t.end == cut), None)
        if not proper and lowest is None and last is not None and last.tag in ("v", "vn") and len(last.text) >= 2:
            return None  # 窗口申办: a verb, not a bureau
        name = text[lowest.start : cut] if lowest is not None else s
        if lowest is not None and rest[:2] == text[chain_end - 1] + "委":  # 金水区|区委常委会 is 金水区委常委会
            name = text[lowest.start : chain_end] + rest[1:]
        extra = [s]
        if lowest is not None and len(rest) >= 4 and proper and rest[0] not in UNIT_WORD_TAIL:
            extra.append(rest)  # 惠济桥舞狮队表演队: a proper name of its own after its unit
        bare = self._without_places(name)
        if bare and proper:
            extra.append(bare)  # 广东广州花都区秀全街飞鹅岭小学: also printed as 飞鹅岭小学
        aliases = tuple(dict.fromkeys(x for x in extra if x != name))
        parent = lowest.name if lowest is not None else None
        return Span(start, cut, s, "Organization", name, aliases, parent, "org.suffix")

    def _without_places(self, name: str) -> str | None:
        """A body's name less the places printed before it, when a proper name remains (≥ 3 characters)."""
        rest = PROVINCES.sub("", name) if len(PROVINCES.sub("", name)) >= 3 else name
        while True:
            m = PLACE_WORD.match(rest)
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
        if rest == name or not rest or GENERIC_MODIFIERS.match(rest) or rest in BODY_WORDS or SUFFIX_LEAD.match(rest):
            return None
        if rest[:2] in dictionary_words() or rest[0] in "区市县省" or rest[0] in UNIT_WORD_TAIL:
            return None  # 民政局, 区残联: a function, not a name of its own
        return rest

    def _named(self, rest: str, has_admin: bool, proper: bool) -> bool:
        """True when a body's name says which body it is, not just what kind."""
        if has_admin:
            return True
        if re.match(r"^[区市县省](?!场|民|域|政府?$)", rest) and len(rest) >= 3:
            return True  # 区政务办, 区老干部局: the district's own body
        core = GENERIC_MODIFIERS.sub("", generic_core(rest))
        if len(core) < 2:
            return False
        if proper:
            return True
        # no name-like word: only a bureau named by its function (国土资源局, 城改办)
        return bool(re.search(r"(?:局|办|委员会|领导小组)$", rest)) and len(rest) >= 3


# An honour a unit's body wins (先进党组织, 优秀基层党组织, 五星级党支部, 四星社区党组织): what it is called as a winner,
# not its name.
_AWARD = re.compile(
    rf"(?:先进|优秀|模范|标兵|示范|红旗|{STAR_RATING}级?)(?:基层)?(?:党组织|党支部|党总支|党委|集体)|{STAR_RATING}(?:社区|村)党组织"
)


def _ends_name(tokens: list[Token], i: int, j: int, units: set[int]) -> bool:
    """A connector at j ends the name begun at i, unless a bureau's 和, or a topic's noun before a suffix (就业指导/vn 中心)."""
    t, prev, nxt = tokens[j], (tokens[j - 1].text if j else ""), (tokens[j + 1].text if j + 1 < len(tokens) else "")
    return t.text in CONNECTORS and not (  # a connector first: most tokens read no more (a topic's: not 区民政局|指导|中心)
        t.tag in ("vn", "n") and nxt in BARE_SUFFIXES and not prev.endswith(_SUFFIXES_BY_LAST.get(prev[-1:], ()))) and not _inner_and(tokens, i, j, units)


# A street's or a community's own organ, unnamed (代表与街道党工委, 部门和社区居委会), after a connector and a common word
# of two characters or more: a body of its own (not after a name's part: 爱|和社区党委, 长乐|和社区党支部).
_OWN_ORGAN = re.compile(r"(?:街道|社区)(?:党工委|党委|党总支|党支部|居委会|居民委员会|办事处|工委)")


def _a_common_word(t: Token) -> bool:
    return len(t.text) >= 2 and t.tag in ("n", "vn")


def _inner_and(tokens: list[Token], i: int, j: int, units: set[int]) -> bool:
    """The 和 inside a bureau's name (住房保障和房地产管理局, 人力资源和社会保障局): it joins two function words, not two
    bodies (the words before it end no body's name, and a body's suffix follows within a few tokens)."""
    if tokens[j].text not in ("和", "与") or j == i:
        return False
    before = tokens[j - 1]
    if before.text.endswith(ORG_SUFFIXES) or before.tag not in NAMEY or before.tag in ("PER", "nr"):
        return False  # 区教育局和卫健委: two bodies; 主任王伟和区教育局: a person's name is no word of a bureau's
    # (the tagger's ORG may be a bureau's first half: 区文化广电|和|旅游局)
    after = tokens[j + 1].text if j + 1 < len(tokens) else ""
    if j + 1 < len(tokens) and tokens[j + 1].start in units:
        return False  # 文旅部门和登封市委: a unit's name begins the second body
    if re.match(r"^[省市区县](?:委|政府)$", after) or TITLE_WORD.fullmatch(tokens[j - 1].text) or re.match(r"^[区市县镇乡]..", after) \
            or _OWN_ORGAN.match("".join(t.text for t in tokens[j + 1 : j + 3])) and _a_common_word(tokens[j - 1]):
        return False  # 党中央和省委, 教授和区卫健委, 代表与街道党工委: the second is a body of its own, and a title no word of a bureau's
    for t in tokens[j + 1 : j + 5]:
        if t.tag not in NAMEY and not t.text.endswith(_BUREAU_ENDS):
            return False
        if t.text.endswith(_BUREAU_ENDS):
            return True
    return False


_BUREAU_ENDS = ("局", "厅", "委", "委员会", "部", "办", "办公室")


def _suffix_tail(tokens: list[Token], j: int) -> bool:
    """A short token ending in a body suffix right after a name-like token: 区政务|办, 郑州爱心|织女团."""
    t = tokens[j]
    if t.tag == "v" and j + 1 < len(tokens) and (tokens[j + 1].text[:1] in COMPLEMENTS or tokens[j + 1].text in ("在", "着") and j and tokens[j - 1].tag in ("PER", "nr")):
        return False  # 把实事|办|到: a verb with its complement, not a bureau; 主任王立新|站|在: one standing
    return (
        j > 0
        and tokens[j - 1].tag in NAMEY
        and (len(t.text) != 2 or t.tag != "v")
        and t.text.endswith(ORG_SUFFIXES)
        and t.text not in BAN_VERBS
        and HAN.match(t.text) is not None
    )


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


def _ordinal_in_name(tokens: list[Token], j: int, n: int) -> bool:
    """An ordinal inside a body's name, a name going on after it: 文化路|第一|小学, 税务局|第一|税务所."""
    return tokens[j].tag == "m" and _ORDINAL.fullmatch(tokens[j].text) is not None and j + 1 < n and tokens[j + 1].tag in NAMEY


_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}")


# ---------------------------------------------------------------------- the steps of _org_in_run


# Words a one-character suffix begins that the dictionary lacks (赤眉镇所辖的袁店村).
_NOT_IN_DICTIONARY = frozenset(("所辖", "所需"))


def _cut_at_suffix(text: str, run: list[Token]) -> int | None:
    """Where a body's name ends: after the run's last token that ends with a body suffix."""
    for t in reversed(run):
        if _ends_body(text, t):
            cut = t.end
            begun = text[cut - 1 : cut + 1]  # the suffix's character and the next: a word it begins?
            named = text.endswith(_LONG_BODY_WORDS, run[0].start, cut)  # 派出所|在, 司法|所在: the word's 所 ends it
            if text[cut - 1] in ONE_CHAR_SUFFIXES and not named and (begun in dictionary_words() or begun in _NOT_IN_DICTIONARY):
                return None  # 公司所属, 赤眉镇所辖: 所 begins a word here, it ends no body
            return cut
    return None


_LONG_BODY_WORDS = tuple(w for w in BODY_WORDS if len(w) >= 3 and w[-1] in ONE_CHAR_SUFFIXES)  # 派出所, 服务站, 合作社
_SUFFIXES_BY_LAST = {w[-1]: tuple(v for v in ORG_SUFFIXES if v[-1] == w[-1]) for w in ORG_SUFFIXES}  # by last character


def _any_ends_body(text: str, tokens: list[Token]) -> bool:
    """Whether a token ends a body: `_ends_body` asked only of those it can be true of (most sentences have none)."""
    by_last = _SUFFIXES_BY_LAST
    return any(_ends_body(text, t) for t in tokens if t.tag == "ORG" or len(t.text) == 1 or t.text[-1:] in by_last)


def _ends_body(text: str, t: Token) -> bool:
    word = t.text  # asked of most tokens: only the suffixes with its last character are tried, and no prefix is copied
    suffixes = _SUFFIXES_BY_LAST.get(word[-1:], ())
    # a suffix the tagger cut in two (考察|组, 教学|点): the text up to the token ends with it
    ends = word.endswith(suffixes) or len(word) == 1 and (text.endswith(suffixes, 0, t.end) or text.endswith(SPLIT_SUFFIXES, 0, t.end))
    if ends and t.tag == "PER" and len(word) == 3 and looks_like_name(word):
        return False  # 局长|尚向科, 好人|刘盈科: a person whose name ends like a body
    return (ends or t.tag == "ORG") and word not in BAN_VERBS


_FLOOR = re.compile(r"[一二三四五六七八九十\d]{1,2}[楼层](?![宇盘房]|一[策档品])")  # not 一楼一策, a way of working


def _trim_end(text: str, start: int, cut: int, admin: list[Span]) -> int | None:
    """The end once what belongs to a title is cut off, or None when the body is part of the title.

    A body named in a title (街道党工委书记) is part of the title; a body before the party organ is still
    named (郑州市农委党组书记: 郑州市农委), and a compound's branch whole (金桂园小区党支部: a compound is no unit).
    """
    if (floor := _FLOOR.search(text, start, cut)) and text.endswith(ORG_SUFFIXES, start, floor.start()):
        cut = floor.start()  # 青河小学柳岸分校|二楼体育馆: a room on a floor of the body, not its name
    if (div := DIVISION_IN_TITLE.fullmatch(text, start, cut)) and TITLE_WORD.match(text, cut):
        cut = div.end("body")  # 锦江区民政局|基层政权建设科|科长: the division is in the title, the bureau holds it
    s = text[start:cut]
    if (held := re.search(r"(?:副?主委|政委|常委)$", s)) and held.start() > 0:  # 民盟青河市委会主委/ORG: a title in 委 ends it
        cut, s = start + held.start(), s[: held.start()]
        if not s.endswith(ORG_SUFFIXES):
            return None
    if s.endswith("团") and text[cut : cut + 2] in ("区委", "市委", "县委"):
        return None  # 郑州市团|市委书记: the Youth League's committee, in the title
    if s.endswith("所") and s[:-1].endswith(ORG_SUFFIXES):
        cut, s = cut - 1, s[:-1]  # …有限公司所砌: 所 is a particle after the body
    title = re.match(r"(?:专职|常务)?副?书记|第一书记|成员|委员", text[cut : cut + 5])
    if title and (PARTY_TITLE_RE.search(text[start : cut + title.end()]) or title.group(0) in ("成员", "委员") and PARTY_ORGAN.search(s)):
        organ = PARTY_ORGAN.search(s)
        if organ is None or organ.start() == 0:
            return None
        if organ.start() > 3 and s[: organ.start()].endswith("小区"):
            return cut
        cut = start + organ.start()
        if not text[start:cut].endswith(ORG_SUFFIXES):
            return None
        s = text[start:cut]
    if (re.search(r"(?:[区市县]|党工)委(?:宣传|组织|统战)部$", s) and re.match(r"(?:常务)?副?部长", text[cut : cut + 5])
            or s.endswith("人大工委") and re.match(r"副?主任", text[cut : cut + 3])):
        return None  # 区委宣传部副部长, 街道人大工委主任: a department or committee of the party or congress, in the title
    if s.endswith(("人大", "政协")) and TITLE_WORD.match(text[cut : cut + 4]) and unit_cppcc(text, cut, admin) is None or text.startswith("委员", cut):
        return None  # 镇人大主席, 政协委员: the body is part of the title (not a named unit's conference: unit_cppcc)
    if text.startswith("代表", cut) and s.endswith(("人大", "政协", "人民代表大会", "党代会", "职代会")):
        return None  # 区人大代表: a deputy to it (not 物业公司代表: one who speaks for the company)
    return cut


def _trim_start(text: str, start: int, cut: int, admin: list[Span]) -> tuple[int | None, bool]:
    """Where a body's name begins, and whether it begins with a quoted name of its own. None when what is left is a
    kind of body, not one (妇联, 业主委员会), or a place (测绘局宿舍)."""
    if start > 0 and text[start - 1] in "经纬" and re.match(r"[一二三四五六七八九十]{1,2}路", text[start : start + 3]):
        start -= 1  # 经八路派出所: the 经 or 纬 of a grid's numbered road (郑州, 济南), which the tagger reads apart
    quoted = next((q for q in QUOTED_BEFORE.finditer(text, max(0, start - 20), start) if q.end() == start), None)
    if quoted is not None and (any(a.start >= start and a.end <= cut for a in admin) or not TEAM.search(text[start:cut])):
        quoted = None  # “五星”支部: a rating of a kind of body, not a name
    if quoted is not None:
        start = quoted.start()  # “义修哥”志愿服务队: the quoted name is its own
        start = next((a.start for a in admin if a.end == start), start)  # 金海区“接诉即办”中心: with the unit before it
    elif text[start - 1 : start] == "“" and BECOMES.search(re.split("[，,。；;]", text[max(0, start - 16) : start])[-1]):
        return None, False  # 把邻里中心建成“暖心驿站”, 成了家门口的“幸福驿站”: what a thing is likened to
    s = text[start:cut]
    acting = ACTING.match(text, cut) is not None  # 科协主席邢艳红: the body a named official heads
    if (s in BODY_WORDS or s in GENERIC_BODIES) and s not in ("党中央", "国务院") and not acting:
        return None, False  # 妇联, 政协, 业主委员会: a kind of body, not one
    if HOUSING.match(text, cut):
        return None, False  # 测绘局宿舍: a housing compound named after a body
    if CREDITED.match(text, cut) or STATION.search(s) or GENERIC_START.match(s):
        return None, False  # …宣传部供图: a credit; 郑州东站: a station; 镇卫生院…, 人大街道工委: each unit's
    for a in admin:  # 恒兴嘉苑社区与公交四公司党支部: two bodies, the second named here
        if start <= a.start and a.end < cut:
            joined = JOINED.match(text, a.end, cut)
            if joined and cut - joined.end() >= 3 and not any(b.start == a.end for b in admin):  # 沈阳市|和平区: a unit
                start = joined.end()
    for pattern in (DESCRIPTOR, LEADING_NOISE, CHOSE):  # 辖区企业中铝郑州有色金属研究院; 联合…; 会议选举|区文明办…
        m = pattern.match(text[start:cut])
        if m and cut - start - m.end() >= 3 and not any(a.start == start for a in admin):  # not the 和 of 和平区
            start += m.end()
    return start, quoted is not None


def _not_a_body(text: str, s: str, cut: int, run: list[Token]) -> bool:
    """A name that only looks like a body's: generic, not ending in a body's suffix, or a word."""
    if GENERIC_PREFIX.match(s) or not ends_as_body(s) or s.endswith(FOR_PEOPLE) or s.endswith(("行政中心", "市民中心")) or re.search(r"(?<!城)市中心$", s):
        return True  # …为辖区老人办|实事: the verb 办 after those it is done for; 区行政中心: a building; 青州市中心: downtown
    if PRODUCT_AFTER.match(text, cut) or text.startswith(("旧址", "遗址"), cut):
        return True  # “郑好办”APP, “金海办”小程序: an app named like a body; 红军医院旧址: a historic site
    if len(s) <= 4 and DOCUMENT_NUMBER.match(text, cut):
        return True  # 青委办发[2019]12号: the short issuer of a document's number, no body the story names
    if s.endswith("委政协"):
        return True  # 区委政协工作会议: the party committee's conference on the CPPCC's work, no body so named
    if NUMBERED_SECTION.fullmatch(s):
        return True  # 组织部组织|二科|科长: a department's numbered section, part of the title, no body of its own
    tail = next((t for t in run if t.end == cut), None)
    if tail is not None and len(tail.text) == 2 and tail.text[-1] in ONE_CHAR_SUFFIXES and tail.tag != "ORG":
        if tail.text in dictionary_words() and tail.text not in BODY_WORDS:
            return True  # 骗局, 困局: a word that ends like a body
    return s.endswith("中心") and text[cut : cut + 2] in MODIFIED_HEADS  # 郑州国际消费中心|城市


def _each_units(rest: str) -> bool:
    """中原区社区服务中心: a body each community has, not one body (a committee or an office of the district is one, and
    so is 柳岸街道社区卫生服务中心, the street office's health centre)."""
    return bool(re.match(r"^(?:街道|社区|村|乡镇|办事处)", rest)) and not re.match(
        r"^(?:(?:街道|社区|村)(?:党工委|党委|党总支|党支部|居委会|村委会)|社区卫生服务(?:中心|站))$", rest
    ) and not OWN_OFFICE.search(rest)


__all__ = ["BodyFinder"]

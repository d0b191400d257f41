"""Places: where an occurrence was, from the clause that tells it (graph.extract.events finds the occurrences).

A place clause (`在秦岭路街道办事处召开`, a fronted `在柳岸街道会议室，…`), where a
party went (`来到兴蓉社区参观`, `走进建东社区开展义诊`), what a visit verb takes
(`实地考察了新阳街道兴旺社区`), a place that received visitors (`王庄村迎来了…`), and
a party's arrival as the lead's news (`…采访团来到…丹英社区`). A place string is
trimmed of the area word before it and of what was done there after it. Where no
clause tells it, who holds an occurrence says where it was (`held_by_topic`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.events import (
    DAY_PREFIX,
    GAVE_LESSON,
    GOING,
    PLACE_REACH,
    TRIP,
    WHERE,
    EventCandidate,
    clean_name,
    mask_quotes,
)
from graph.extract.openings import founding, names_thing
from graph.extract.sentence import Sentence
from graph.lexicon import ADMIN_SUFFIXES, ORG_SUFFIXES, STREET_OFFICE_WORDS, TOWN_WORDS, alternation


def trip_places(name: str) -> str:
    """What a trip's name says it went to, as printed, one place or many (…深入柳岸街道、金海街道调研 -> 柳岸街道、金海街道)."""
    m = TRIP.search(name)
    return m.group("place") if m else ""


def trip_place(sentence: str, start: int) -> str | None:
    """Where a visit went (来到兴蓉社区参观 -> 兴蓉社区), when the clause of `start` reports one."""
    masked = mask_quotes(sentence)
    clause = max(masked.rfind(c, 0, start) for c in "。；;") + 1
    for pattern, needs in _PLACE_PATTERNS:
        if needs is not None and needs.search(masked, clause) is None:
            continue  # _HOSTED tries every start with a lazy run of up to 20 characters: only where its verb is
        for m in pattern.finditer(masked, clause):
            if m.start() > start + PLACE_REACH:
                break
            place = _place_only(m.group("place").strip())
            if place and not _NOT_A_PLACE.search(place) and not _two_joined(place):
                return place
    return None


# A place string a pattern over-read: a list, a relative clause, a second verb (走进社区、深入居民), or no one place
# but many (深入各村, 赴全市各乡镇); a 和 that begins a name (和平路社区, 和谐社区) joins nothing.
def _two_joined(place: str) -> bool:
    """和 between two places: any 和 after a place's start but one that begins a chain's next unit down, what comes
    before it a unit ranked above the place's end (柳岸街道|和平路社区; not 青河社区和兴华社区, 柳岸小学和平安社区)."""
    end = _rank_of(place)
    for at in (k for k, ch in enumerate(place) if ch == "和" and k > 0):
        before = _rank_of(place[:at])
        if before is None or end is None or end <= before:
            return True
    return False


def _rank_of(text: str) -> int | None:
    return next((r for ends, r in _RANK_ENDS if text.endswith(ends)), None) if not text.endswith(("园区", "景区")) else None


_RANK_ENDS = ((("社区", "小区", "村", "居委会", "村委会"), 4), (("街道", "办事处", "镇", "乡"), 3), (("区", "县", "市"), 2))
# A place named only from where the paper or the story stands (到我市督导, 在本区召开): no name to give.
_HERE = r"^(?:(?:我|本|该)[省市区县镇乡村]|这里|那里|此处|此地|这儿|现场)$"
# A kind of unit, no one of them (自然村, 贫困村, 山区乡镇: what is left of 偏远的自然村 once its words are cut)
_KIND_OF_UNIT = r"^(?:自然|行政|贫困|偏远|边远|山区|农村|城中)+(?:村|乡镇|社区)$"
# What is done, not where (为深入推进党史学习教育: 深入 says how; 在贯彻落实…中)
_DONE = r"^(?:推进|推动|贯彻|落实|实施|践行)"
_NOT_A_PLACE = re.compile(r"[、的在与各]|和(?!平|谐|美|顺|睦|兴|乐|畅|煦|风|悦)|^(?:社区|基层|群众|一线|居民|全[市区县])|^(?:街道|乡镇|村|村居|企业|单位|学校)$|" + _HERE + "|" + _KIND_OF_UNIT
                          + "|" + _DONE)
# …nor is all of one, nor a circumstance (在欢快的乐曲声中拉开帷幕, 在区委的指导下开展, 在广泛征求意见的基础上; 一中, 二中
# are schools), nor a time (在随后的11天内将陆续开展, 在认真调研后, 在1月12日召开的大会上).
_NO_PLACE = re.compile(
    _HERE + "|" + _KIND_OF_UNIT + r"|^全[省市区县镇乡村]$|(?<![一二三四五六七八九十])[中下]$|[\d一二三四五六七八九十两几]+[天日周]内|^(?:随后|此后|今后|之后)"
    r"|(?<![楼房屋院门馆街路村部站所室厅场园])后(?:迅速|立即|立刻|马上|随即|及时|紧急|连夜|统一|第一时间)?$|(?:基础上|期间|方面|领域|层面|过程中|前提下|前夕|之际|晚间|节前|节后)$|^(?:大力|积极|广泛|深入|全面|扎实|认真|精心|主动|先后|分别|陆续|充分)"
    r"|^(?:持续|集中|共同)$"  # how, not where (在集中安置区, 在共同富裕展示馆, 在3号楼后 are places)
    r"|^(?:小区|院落|楼院|楼栋|商户|门店|企业|单位|农户|家庭)$"  # a kind of place, none of them (在辖区小区开展…)
    r"|^(?:(?:19|20)\d\d年)?\d{1,2}月|^\d{1,2}日"  # when (在1月12日召开的…会议上)
    "|" + _DONE
)
# Before a place's name: its area's word, the unit the story named, what it is to the party (辖区|, 该镇|, 结对帮扶的|).
_AREA_WORD = re.compile(r"^(?:辖区内?|当地|(?:该|本)(?:街道|镇|乡|区|县|市)(?=..)|[^的]{1,8}的(?=[^的]{2,12}(?:社区|村|街道|镇|乡)$))")
# What a place string over-read ends with: what was done there, for whom (到柳岸街道|开展督导, 在北蔡村|为村民进行体检, 到…|实地督查).
_DONE_THERE = re.compile(r"(?<=..)(?:开展|进行|举办|召开|组织(?!部)|为|给|向|实地)")


# What a place string read on with: a unit's site (…伊河路社区|现场观摩; not 施工现场), the manner (…小区里|热热闹闹地,
# 如火如荼地; not 试验地, 一块荒地)
_SITE_AFTER = re.compile(r"(?:(?<=社区)|(?<=街道)|(?<=小区)|(?<=园区)|(?<=[村镇乡]))现场$|(?<=[区村园室堂场院馆])里(?:(.)\1(.)\2|如火如荼|井然有序|热闹非凡|有条不紊)地$")


def _place_only(place: str) -> str:
    """A place string without the area word before it, what was done there after it (not of 为民服务中心), and the site
    or manner read on with it."""
    place = _AREA_WORD.sub("", place)
    done = _DONE_THERE.search(place)
    return _SITE_AFTER.sub("", place[: done.start()] if done and not place.endswith(ORG_SUFFIXES) else place)
# Where a visit went when no verb of what it did follows: the clause ends there (观摩团来到建东社区。).
_UNIT_END = alternation((*STREET_OFFICE_WORDS, *TOWN_WORDS, "社区", "村", "小区", "园区", "基地"))
# what a place string may hold: no clause mark, no verb of going or visiting (考察组实地考察了… is not a place)
_PLACE_CHAR = r"(?:(?!考察|参观|走访|视察|观摩|来到|走进|前往)[^，。；！？,;!?])"
_ARRIVED = re.compile(r"(?:来到|走进|前往|莅临)(?P<place>" + _PLACE_CHAR + "{2,20}?" + _UNIT_END + r")(?=[，。；！,;!]|$)")
# A place a visit verb takes as its object: 实地考察了新阳街道兴旺社区，
_VISITED = re.compile(r"(?:考察|参观|走访|视察|观摩)了?(?P<place>" + _PLACE_CHAR + "{2,20}?" + _UNIT_END + r")(?=[，。；！,;!]|$)")
# A place that received the visit: 王庄村迎来了一群客人, 社区接待了考察团.
_HOST_VERBS = "迎来|接待"
_HOSTED = re.compile(r"(?P<place>" + _PLACE_CHAR + "{2,20}?" + _UNIT_END + r")(?:" + _HOST_VERBS + ")了?")
# A place a group went to and held something in: 志愿者走进建东社区开展义诊活动.
# …or to a venue (赴竹沟革命纪念馆开展红色教育活动, 走进区中心血站开展献血活动).
_VENUE_END = alternation(("馆", "中心", "站", "广场", "公园", "学校", "小学", "中学", "大学", "医院", "院", "厅", "园", "旧址", "景区", "公司", "厂", "城", "市场", "商场", "超市"))
_WENT_TO_HOLD = re.compile(
    r"(?<!分别)" + GOING + r"(?P<place>" + _PLACE_CHAR + "{2,20}?(?:" + _UNIT_END + "|" + _VENUE_END + r"))"
    r"(?:[，,]?为[^，。；！？,;!?]{1,16}?|[，,]?对[^，。；！？,;!?]{1,16}?)?(?:开展|举办|举行|组织|讲授|宣讲|进行|" + GAVE_LESSON + ")"  # …为党员讲授党课
)
# Each pattern of a visit's place in the order tried, and the verb a sentence must hold before a slow one is tried.
_PLACE_PATTERNS = ((TRIP, None), (_ARRIVED, None), (_VISITED, None), (_HOSTED, re.compile(_HOST_VERBS)), (_WENT_TO_HOLD, None))


# A place set before the clause of the event, in a clause of its own: 12月12日，在柳岸街道会议室，建设路社区举办…
_FRONTED = re.compile(
    r"(?:^|[，,])在(?P<place>[^，。；！？,;!?在的]{2,24}?(?:"
    + _UNIT_END
    + r"|会议室|活动室|广场|礼堂|大厅|会场|中心|公园|剧院))[，,]"
)


# A unit's own room or centre printed with its kind's bare word (在社区活动室, 在街道会议室, 在村委会, 在镇政府会议室): not
# a place near it (社区外的公园, 社区周边), a road (镇江路) or a named venue (乡愁记忆馆).
_OWN_FACILITY = re.compile(
    r"^(?:(社区|街道|村)(?!外|以外|周边|附近|外围|沿线)[^社街村镇乡区市县路]{0,10}(?:室|中心|站|广场|大厅|会场|礼堂|书屋|之家|大院|委会|馆|办事处)"
    r"|([镇乡])(?:政府|党委|人大|文化站|综合文化站|便民服务中心|会议室|大院)[^社街村镇乡区市县路]{0,6})$"
)
_KIND_OF_WORD = dict(ADMIN_SUFFIXES)  # the bare word's class: 社区 a Community's, 镇 and 乡 a Town's


def facility_of(place: str, s: Sentence, forms: dict[str, str], holders: list[str]) -> str | None:
    """The unit whose own room or centre `place` is, printed with its kind's bare word (社区活动室): the one unit of that
    kind among those that hold the event (柳岸社区在社区活动室开展…), by its entity's name; else None."""
    bare = _OWN_FACILITY.match(place)
    if bare is None:
        return None
    kind = _KIND_OF_WORD[bare.group(1) or bare.group(2)]
    named = {n for u in s.units if u.type == kind and (n := forms.get(u.text) or u.name) in holders}
    return named.pop() if len(named) == 1 else None


def location_in(sentence: str, upto: int) -> str | None:
    """The place a clause says the event was held in: `在秦岭路街道办事处顺利召开`, or `在柳岸街道会议室，…举办`."""
    best = None
    for m in WHERE.finditer(sentence):
        if m.start() <= upto + PLACE_REACH:
            best = m.group("place")
    if best is None:
        best = next((m.group("place") for m in _FRONTED.finditer(sentence) if m.end() <= upto), None)
    if best:
        best = _place_only(best).strip()
    return best if best and not _NO_PLACE.search(best) else None


# A party that arrived at a unit, the lead's news when it has no verb of holding (…采访团来到…丹英社区，近距离感受…):
# a group word before the verb (团, 组, 队, 一行), the unit's name ending the clause.
_PARTY = re.compile(r"(?:团|组|队|一行|代表|人员|志愿者)$")
_ARRIVAL = re.compile(r"(?:来到|走进|莅临)(?P<place>" + _PLACE_CHAR + "{2,20}?" + _UNIT_END + r")(?=[，。；！,;!]|$)")


def arrivals(sentence: str) -> list[tuple[int, int, str]]:
    """A party's arrival at a unit, named by its clause: 吉林站采访团来到…丹英社区."""
    masked = mask_quotes(sentence)
    out = []
    for m in _ARRIVAL.finditer(masked):
        clause = max(masked.rfind(c, 0, m.start()) for c in "，,。；;：:") + 1
        party = DAY_PREFIX.sub("", masked[clause : m.start()])
        if _PARTY.search(party.rstrip("等")) and not _NOT_A_PLACE.search(m.group("place")) and not _two_joined(m.group("place")):
            out.append((clause, m.end(), clean_name(DAY_PREFIX.sub("", sentence[clause : m.end()]))))
    return out


VISITS = frozenset({"event.trip", "event.visit", "event.inspect", "event.arrival"})  # the rules of events that went to their place
_VISITS_OR_OPENINGS = VISITS | {"event.founded"}  # …or opened it: the place holds nothing
_TRIPS = frozenset({"event.trip", "event.arrival"})  # the rules of events a party went to from its own place


def held_by_topic(
    c: EventCandidate, topic: tuple[str | None, str | None] | None, admin_names: dict[str, int], bodies_in: dict[str, str]
) -> EventCandidate:
    """Who holds it when the clause does not say: the body or unit the headline (or lead) is about, unless that is
    where a visit went (市委书记到柳岸村调研, 检查柳岸村防汛工作: the village is visited, it is where and holds nothing);
    and there, when no place is given: in the unit held by, the unit whose name the holder's begins with, or the unit
    (a district or lower) the holding body is of (青河社区工会开展…: in 青河社区)."""
    holder, unit = topic or (None, None)
    c = replace(c, location=holder) if c.rule == "event.visit" and c.location is None and holder and holder in c.name else c
    visited = (c.rule in _VISITS_OR_OPENINGS or c.went) and c.location is not None and c.location in (holder, unit)
    # one of many places (先后到柳岸街道、金湾街道调研), named in the trip's name or in its sentence
    visited = visited or holder is not None and (c.rule in _TRIPS and holder in trip_places(c.name) or holder in trip_places(c.sentence))
    itself = (opening := founding(c.rule, c.name)) is not None and holder is not None and names_thing(holder, opening)
    itself = itself or c.location is not None and c.location == holder  # 运动会在柳岸镇新伟村开幕: the place hosts, holds not
    if not c.organizers and holder and c.rule != "event.conveyed" and not visited and not itself:
        c = replace(c, organizers=(holder,))
    if c.location is None and c.organizers and c.rule not in _TRIPS:  # the first holder (柳岸街道联合区妇联…); a trip went elsewhere
        # in its unit: a unit itself, the topic's unit, or the unit (a district or lower) a body is of
        first = c.organizers[0]
        held_in = first if first in admin_names else unit if first == holder else bodies_in.get(first)
        if _HALL.search(first):
            c = replace(c, location=first)  # …人大代表联络站开展接待日活动: in the station
        elif held_in in admin_names and (first in admin_names or first == holder or (away := _away(c)) is None or _first_mention(held_in, away.group())):
            c = replace(c, location=_lower_co_holder(c, held_in, admin_names) or held_in)  # no place given: the holder's unit
    return c


def _away(c: EventCandidate) -> re.Match[str] | None:
    """The clause that sends the holder's people away, beginning before the event's name ends in its sentence."""
    at = c.sentence.find(c.name)
    away = _AWAY.search(c.sentence)
    return away if away and away.start() < (at + len(c.name) if at >= 0 else len(c.sentence)) else None


def _lower_co_holder(c: EventCandidate, held_in: str, admin_names: dict[str, int]) -> str | None:
    """The one unit below the holder's that holds the event with it (…街道办事处、青河社区居委会组织开展…): where it was;
    not one the holder organised or led to do it (金海区组织辖区柳岸镇志愿者开展…)."""
    lower = {o for o in c.organizers[1:] if admin_names.get(o, -1) > admin_names[held_in]}
    if len(lower) != 1:
        return None
    one = lower.pop()
    m = _first_mention(one, c.sentence)  # in any printed form of its kind (柳岸办事处; not 柳岸街道's 柳岸)
    return one if m and not _DIRECTED.search(c.sentence, 0, m.start()) else None


def _first_mention(unit: str, text: str) -> re.Match[str] | None:
    """The first mention of `unit` in `text`, its stem with any printed form of its kind (柳岸街道: 柳岸办事处)."""
    kind = next((k for k in _PRINTED_KINDS if unit.endswith(k) and len(unit) > len(k)), None)
    if kind is None:
        return re.search(re.escape(unit), text)
    return re.search(re.escape(unit[: -len(kind)]) + _PRINTED_KINDS[kind], text)


# A street office's, community's, village's or town's kind, with the forms it is printed in (a district's or city's:
# its name as it is)
_PRINTED_KINDS = {"街道": "(?:街道办事处|街道|办事处)", "社区": "(?:社区居委会|社区|居委会)", "村": "(?:村委会|村)", "镇": "镇", "乡": "乡"}
# A clause that sends a holding body's people away from its unit to do it (…党支部带领党员赴延安开展…; 赴 only: 前往 and
# 赶赴 go as often to the unit's own venues, 前往社区党群服务中心, 赶赴现场): not in that unit (asked only of a body's
# unit, a590ce2's reading; a unit or the topic holding it is in it, as at 23a4fe8),
# unless the clause names it (…率干部职工赴创文联系点(…东苑社区)开展…, under a headline of 东苑社区); not to its own
# area (赴辖区各村, 赴各企业, 赴全街道…; not 赴各地, 赴全国), nor others sent off (为赴外地参加比赛的运动员…,
# 慰问赴外地支援的…: a 的 right after what they went to do)
_AWAY_DO = "开展|参加|进行|举办|学习|考察|参观|观摩|慰问|调研|支援"
_OWN_AREA = r"任|辖区|本|各(?!地|省|国)|全(?!国|省|市)|一线|现场|基层|社区|村|企业|学校|小区"
_AWAY = re.compile(rf"(?<!为)(?<!为即将)(?<![赶奔以])赴(?!{_OWN_AREA})(?:(?!{_AWAY_DO})[^，。；,;]){{1,20}}(?:{_AWAY_DO})(?![^，。；,;的]{{0,2}}的)")
# The holder's verbs over parties who then do it, right before one (组织辖区柳岸镇志愿者…; not 组织党员与青河社区联合…)
_DIRECTED = re.compile(r"(?:组织|动员|带领|率领|邀请|发动|号召)了?(?:(?:本|街道|镇|区)?辖区(?:内|的)?|所辖|下辖|区内|镇内|全镇|全街道|各)?$")


_HALL = re.compile(r"(?:联络站|服务中心|服务站|文化站|驿站|活动中心|文化中心|书屋|之家)$")


# A verb of going into a place, in the clause before what was done there (消防大队走进实验小学，开展…演练).
_WENT_INTO = re.compile(r"走进|来到|深入|前往")


def went_into(text: str, start: int) -> re.Match[str] | None:
    """The last verb of going into a place in the clause before `start` (what was done there), if any."""
    clause = max(text.rfind(c, 0, start) for c in "。；;！!？?") + 1
    found = list(_WENT_INTO.finditer(text, clause, start))
    return found[-1] if found else None


__all__ = ["VISITS", "arrivals", "held_by_topic", "location_in", "trip_place", "trip_places", "went_into"]

"""Events: an article's sentences -> the occurrences it reports (name, date, place, who).

News of this genre reports one occurrence, sometimes two: a body holds a
meeting (`召开…推进会`), runs a campaign day (`开展…宣传活动`), a team is
founded (`合唱团正式成立`), an official inspects (`带队…检查`). A trigger
is a verb of holding or launching with an event noun as its object, or an
event noun with a verb of taking place after it (`…推进会在…召开`). The headline's
event and the body's are merged when they name the same thing; each keeps its sentence as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from graph.extract.dates import DateMention
from graph.extract.openings import FOUNDED, FOUNDED_VERB, founded_name
from graph.lexicon import PERIOD_LEADS, led
from graph.normalize import bigrams

EVENT_NOUN = (
    r"(?:会议|大会|推进会|座谈会|恳谈会|表彰会|观摩会|培训会|动员会|协调会|联席会|专题会|现场会|办公会|例会|"
    r"交流会|分享会|发布会|研讨会|报告会|总结会|部署会|调度会|见面会|茶话会|联欢会|运动会|晚会|议事会|听证会|说明会|推介会|读书会|宣讲会|评议会|述职会|评审会|论证会|通报会|碰头会|点评会|讲评会|协商会|汇报会|研判会|生活会|招聘会|博览会|交易会|展销会|对接会|学习会|音乐会|故事会|朗诵会|游园会|团拜会|"
    r"讲座|培训班?|班会|家长会|研学|义卖|募捐|庙会|灯会|市集|集市|健步走|快闪|活动|仪式|演练|比赛|竞赛|大赛|球赛|棋赛|拔河赛|联赛|邀请赛|友谊赛|对抗赛|选拔赛|擂台赛|锦标赛|公开赛|争霸赛|接力赛|马拉松|赛事|展览|展演|汇演|会演|书画展|摄影展|图片展|美术展|艺术展|作品展|书法展|非遗展|巡回展|开放日|宣传日|服务日|宣传周|宣传月|行动|检查|大检查|"
    r"整治|专项整治|巡查|督查|走访|慰问|义诊|直播|典礼|表演|演出|文化节|艺术节|邻里节|美食节|丰收节|读书节|体育节|音乐节|旅游节|科技节|[\u4e00-\u9fff]{2}节|论坛|党课|主题党日|公祭|共祭|祭扫|签约|揭牌|挂牌|"
    r"开幕式|闭幕式|启动式|成立大会|选举|评选|表彰|观摩|调研|视察|实况|婚礼|庆典|长寿宴|百家宴|团圆宴|敬老宴|邻里宴|年夜饭|饺子宴)"
)
_HOLD = r"(?:组织召开|主持召开|联合召开|联合举办|联合开展|联合举行|组织开展|组织举办|召开了?|举办了?|举行了?|开展了?|(?<![党团])组织(?!部(?!署)|者|委员)了?|启动了?|进行了?|发起了?|收看了?|观看了?|讲授了?|带来了?(?:一场|一次)?)"
# A venue named after what it holds (会议室, 活动中心, 展览馆): the event's noun goes on into a place.
_VENUE_AFTER = r"(?!室|厅|馆|楼|站|中心|场所|场地|广场)"
_ACTIVE = re.compile(
    _HOLD
    + r"(?P<np>[^，。；！？,;!?：:]{0,40}"
    + EVENT_NOUN
    + r")(?![\u4e00-\u9fff]{0,2}(?:机制|制度|工作|方案|中心|平台|机构)|精神)"  # 会议精神: conveyed, not held
    + _VENUE_AFTER
)
# The verbs _PASSIVE (and openings.FOUNDED) end on: a sentence without one cannot match, and is not scanned
# (both patterns try every start with a lazy run of up to 40 characters: the costliest rules).
_PASSIVE_VERBS = "召开|举行|举办|开幕|启动|开课|开班|开讲|开播|拉开帷幕|拉开序幕|上演"
_PASSIVE_VERB = re.compile(_PASSIVE_VERBS)


_PASSIVE = re.compile(
    r"(?P<np>[^，。；！？,;!?：:在]{1,40}" + led(EVENT_NOUN) + r")" + _VENUE_AFTER + r"(?:[^，。；！？,;!?在]{0,12}?)"
    r"(?:在[^，。；！？,;!?]{2,30}?)?(?:顺利|隆重|正式|圆满|精彩|盛大|火热)?(?:" + _PASSIVE_VERBS + ")(?!仪式|式)"  # 启动仪式 is a noun
)
_CAMPAIGN = re.compile(
    r"(?P<v>推进|开展|打好|打赢|实施|启动|部署|推行)(?P<np>[^，。；！？,;!?]{2,16}?(?:保卫战|攻坚战|战|行动|工作|活动|工程|专项整治|整治))"
)
_SINCE = re.compile(r"自(?P<np>[^，。；！？,;!?]{2,30}?(?:工程|行动|活动|整治|工作))(?:开展|实施|启动)以来")
_HEADLINE_VERB = re.compile(
    r"(?P<v>推进|推行|开展|创办|建成|举办|举行|召开|启动|实施|打赢|打好|完成|建立|成立|开通|部署|组织|设立)(?P<np>[^\s，。；！？,;!?]{2,20})"
)
_NOT_REPORTED = re.compile(
    r"(?:多次|经常|定期|常态化|长期|每周|每月|每年|每季度|供[^，。]{0,4}|以便|用于|即|还将|将|将要|计划|拟|准备|要|应|需|可以|"
    r"都会|还会|(?:将|要)(?:持续|继续|进一步|陆续|不定期|逐步|全面|广泛|深入)|(?:将|计划|拟|准备)于[^，。；！？,;!?]{1,8})"
    r"(?:组织|联合)?$"
)
# How far before a trigger a habit, plan or purpose word is looked for (多次组织召开, 将开展, 计划于明年3月举办).
HABIT_REACH = 11
# How far past a trigger a place clause (在…召开) may start and still be its place.
PLACE_REACH = 40
BLUR_LEAD = re.compile("|".join(PERIOD_LEADS))
_MORE = re.compile(
    r"还举行|还开展|还举办|同时举行|同时开展|随后(?:举行|召开|举办)|并举行|当天还|同日|此外还"
    # 督导结束后，X主持召开…调度会: a meeting after the one just told (a short word for it, at a clause's start), held,
    # not planned (会后各街道要迅速召开…) nor recalled (会后…参观了去年举办的…)
    r"|(?:会后|(?:^|[，,。；;])[\u4e00-\u9fff]{1,4}结束后)[，,]?[^，,。；;！？!?的要将需应]{0,16}?(?:召开|举行|举办)(?!的)"
)
_QUOTED = re.compile(r"[“\"《][^”\"》]{0,40}[”\"》]")
_INSPECT = re.compile(
    r"(?:带队|率队)(?:在[^，。；！？,;!?]{1,12})?(?:开展|进行|到|深入|前往)?(?P<np>[^，。；！？,;!?]{2,20}?(?:检查|巡查|督查|调研|观摩|视察|走访|慰问))"
)
# A visit: where it went and what it did there (到 of 得到, 受到, 感到… is no going).
# The verbs of going to a place (到 of 得到, 受到, 感到… is no going).
# The object a verb of the clause acts on, up to a unit (对柳岸街道、, 针对辖区…, 向金湾社区): not who holds it.
ACTED_ON = re.compile(r"(?<![面反绝相核应结配派])(?:对|向)(?![接于照标口])[^，,。；;！!？?]{0,30}$")
GOING = r"(?:来到|走进|前往|深入|赴|(?<![得达收看听受遇感找做想提迟报])到)"
TRIP = re.compile(
    r"(?:莅临|" + GOING + r"|(?<![以近原将后本从回出起看说未向历带归年期越外往一迎请引招新日周月天都常还再要])(?P<come>来)(?![自说看讲往临访宾料电信客]))"
    r"(?P<place>(?(come)[^，。；！？,;!?来到的]{3,20}?|[^，。；！？,;!?]{2,20}?))"  # 来汉阳区交流: a bare 来 to a unit only
    r"(?(come)(?:(?<=[区县镇乡村])|(?<=街道))(?<!农村|乡村|山村|景区|园区|城区|山区|郊区|辖区|片区|小区)|[，,]?)"
    r"(?:开展|进行)?(?P<v>参观|调研|视察|考察|观摩|交流|学习|慰问|走访|检查|督导|督查|验收|指导|实地采访|采访|宣讲|听取)"
)
DAY_PREFIX = re.compile(r"^(?:(?:19|20)\d\d年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上|早上|当天|当日)?")
_VISIT = re.compile(r"(?P<v>视察|调研|观摩|检查|走访|慰问)(?P<np>[^，。；！？,;!?]{2,30}?(?:情况|工作|进展))")
GAVE_LESSON = r"[上讲]了?[一1][堂节]"  # 上了一堂, 讲一节: a lesson given there (event.lesson)
WHERE = re.compile(
    r"在(?![职岗](?:党员|干部|人员|职工|员工|位))(?P<place>[^，。；！？,;!?在]{2,24}?)(?:顺利|隆重|正式|圆满|成功|集中|连续|同时|分别|陆续|先后|共同|联合|再次|首次|精彩|盛大|火热|热闹|大力|积极|广泛|深入|全面|持续|扎实|认真|精心|主动)?"
    r"(?:召开|举行|举办|开展|进行|组织(?!部)|开幕|启动|上演|开班|开课|开讲|开营|开赛|(?:拉开|落下)(?=了?[序帷]幕)|" + GAVE_LESSON + ")"  # …拉开序幕
)
_CLEAN_NAME = [
    (
        re.compile(
            r"^(?:(?:19|20)\d\d年(?!度)|了|的|一场|一次|一系列|系列|新一轮|本次|此次|为期[^的]{1,8}的|以[^的]{1,20}为主题的)+"
        ),
        "",
    ),
    (re.compile(r"主题为(“[^”]{1,30}”)的"), r"\1"),
    (re.compile(r"^由[^的]{2,40}?(?:主办|承办|协办|指导|支持)的"), ""),  # 由…主办、…承办的: its holders, not its name
    (re.compile(r"^[^“”\"的]{2,8}的(?=[“\"])"), ""),  # 别开生面的“发布会”: what it was like is not its name
    (re.compile(r"^(?:别开生面|丰富多彩|形式多样|内容丰富|热闹非凡|精彩纷呈|温馨感人|特别|特殊)的"), ""),  # …集体婚礼
    (re.compile(r"^(?:主题|专题)?(?=“)"), ""),
]


class Priority:
    """How strongly where and how a candidate was found marks it as the item's news (lower first).

    The main event is the best-ranked candidate; a later one is kept when it
    has a day of its own and ranks at most DATED_CLAUSE, when its sentence
    says a further occurrence followed (还举行了), or when it is an activity of a
    name of its own (“…”活动) that another unit or body holds.
    """

    HEADLINE = 0.0  # a trigger in the headline
    LEAD = 1.0  # a trigger in the first two sentences
    HEADLINE_VERB = 2.0  # the headline's verb and object (建成少数民族文化长廊)
    LEAD_CAMPAIGN = 2.5  # ongoing work the lead reports (扎实推进蓝天保卫战), or a party's arrival; the last rank that takes the lead's day
    DATED = 3.0  # a trigger further on, with a day of its own; a meeting whose spirit is conveyed
    DATED_CLAUSE = 3.5  # a sentence that opens with its day; the last rank kept beside the main event
    BODY = 4.0  # a trigger further on, with no day
    HEADLINE_ONLY = 5.0  # no trigger at all: the headline names what happened that day


@dataclass(frozen=True)
class EventCandidate:
    name: str
    start: int  # in the article's text
    sentence: str
    date: DateMention | None = None
    location: str | None = None
    organizers: tuple[str, ...] = ()
    headline: bool = False
    more: bool = False  # the sentence reports a further occurrence (还举行了…)
    rank: float = Priority.BODY
    rule: str = ""
    time_of_day: str | None = None  # of a day named only as the story's (当天上午): its date is the story's
    went: bool = False  # its place is where a party went (到锦绣社区为党员讲授党课): the place holds nothing


_HAN = re.compile(r"[\u4e00-\u9fff]")


def clean_name(np: str) -> str:
    name = np.strip(" 　")
    for pat, rep in _CLEAN_NAME:
        name = pat.sub(rep, name)
    return _balanced_quotes(name.strip())


def _balanced_quotes(name: str) -> str:
    """A name whose quote the trigger cut (阅见未来"读书会 of 以"阅见未来"读书会为载体) gets its opening quote
    back; a quote left open at its start (“发布会) goes, and one left open after it is closed (第三届“邻里节 of
    第三届“邻里节”在…拉开序幕: the event's noun ended the name inside the quote)."""
    if name.count('"') % 2:
        name = name[1:] if name.startswith('"') else '"' + name
    if name.startswith("“") and "”" not in name:
        name = name[1:]
    elif "”" in name and ("“" not in name or name.index("”") < name.index("“")):
        name = "“" + name
    elif name.rfind("“") > name.rfind("”"):
        name += "”"
    return name


_CLOSING = {"”": "“", "》": "《"}


def closed_at(clause: str, width: int) -> str:
    """The clause cut at `width`, or where the outermost quote or title open there closes (…“书记面对面”, 签署《…协议》)
    when it closes within ten more characters; else before it opens, unless that leaves under six characters (then at
    `width`): a name cut inside a quote names nothing. Marks are paired, so a stray one (a typo) opens nothing."""
    opened: list[int] = []
    for i, ch in enumerate(clause[: width + 10]):
        if i == width and not opened:
            break
        if ch in "“《":
            opened.append(i)
        elif ch in _CLOSING and opened and clause[opened[-1]] == _CLOSING[ch]:
            opened.pop()
            if i >= width and not opened:
                return clause[: i + 1]
    head = clause[: opened[0]].rstrip("，, ") if opened else ""
    return head if len(head) >= 6 else clause[:width]


def similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    x, y = bigrams(a), bigrams(b)
    return bool(x | y) and len(x & y) / len(x | y) >= 0.5


def mask_quotes(sentence: str) -> str:
    """Hide punctuation inside quotes (“体验科技成果,把握创业机会”) from clause boundaries."""
    return _QUOTED.sub(lambda m: re.sub(r"[，,、；;！？!?。]", "\u00b7", m.group(0)), sentence)


def _np_name(m: re.Match[str], sentence: str, masked: str) -> tuple[int, int, str] | None:
    """The noun phrase the pattern caught: 召开|全区网格化工作推进会; not one that names no event (实际行动).

    What 对 names before 进行/开展 is what the event was about, and part of its name:
    对社区“文明创城”工作进行|实地检查 -> 社区“文明创城”工作实地检查.
    """
    start, end = m.start("np"), m.end("np")
    inner = [h.end() for h in _INNER_HOLD.finditer(masked, start, end)]
    if inner and end - inner[-1] >= 4:
        start = inner[-1]  # 组织|志愿者开展义务清扫活动: the event is what the last verb inside holds (义务清扫活动)
    name = clean_name(sentence[start:end])
    if _NO_EVENT_NAMED.fullmatch(name) or _MANY.match(name):
        return None
    about = _ABOUT.search(masked, 0, m.start()) if masked[m.start() : m.start() + 2] in ("进行", "开展") else None
    if about:
        name = clean_name(sentence[about.start("obj") : about.end("obj")]) + name
    return start, end, name


_INNER_HOLD = re.compile(r"(?:开展|举办|举行|召开)了?")
# Many of a kind (先后举办各类培训班50余期, 开展多场宣讲): a count of events, no one event.
_MANY = re.compile(r"各类|各项|各种|多场|多次|多期|多项|数场")


# 对…进行: what an event held on something was about (对社区“文明创城”工作进行实地检查).
_ABOUT = re.compile(r"对(?P<obj>[^，。；！？,;!?对]{2,16})$")


# A kind of action with only a determiner: no event is named (…召开的实际行动, 开展相关活动).
_NO_EVENT_NAMED = re.compile(r"(?:实际|具体|有效|相关|有关|各项|各类|各种|系列|此次|本次|这次|该|此|这些|一些)(?:行动|活动|工作|举措)")


def _verb_np_name(m: re.Match[str], sentence: str, masked: str) -> tuple[int, int, str]:
    """The verb and what it takes: 调研|安全生产工作."""
    return m.start("np"), m.end("np"), m.group("v") + clean_name(sentence[m.start("np") : m.end("np")])


def _clause_name(m: re.Match[str], sentence: str, masked: str) -> tuple[int, int, str] | None:
    """The whole clause up to the verb: 淮滨县10余位乡镇党委书记来到关庙村参观; None for the paper's own visit
    (记者来到柳岸社区采访: how the story was gathered, not what it reports)."""
    # the clause: after the last mark before the match, or after a slogan's dash (聚焦…暖心事——南昌日报社…)
    dash = masked.rfind("——", 0, m.start())
    clause = max(max(masked.rfind(c, 0, m.start()) for c in "，,。；;：:") + 1, dash + 2 if dash >= 0 else 0)
    if _REPORTERS.search(masked, clause, m.start()):
        return None
    end = m.end()
    what = _WHAT_AFTER.match(masked, end)  # …调研|乡村振兴工作: what the visit was about, when the clause says it briefly
    if what:
        end = what.end()
    return clause, end, clean_name(DAY_PREFIX.sub("", sentence[clause:end]))


# The paper's reporters as the party that went: 记者近日走进…, 本报记者一行来到…
# (记者于5月3日来到…: when; not 记者跟随区委书记来到…, the official's visit the reporter went along on)
_REPORTERS = re.compile(r"记者(?:们|一行)?(?:如期|近日|日前|再次|随后|专程|一同|于[^，,。；;]{1,12})?$")
_WHAT_AFTER = re.compile(  # …调研|乡村振兴工作; …听取|居民意见: what was heard
    r"(?:[^，,。；;：:！？!?、]{2,16}?(?:工作|情况|进展|建设|项目|工程|问题)|[^，,。；;：:！？!?、]{0,12}?(?:意见|建议|诉求|心声))(?=[，,。；;：:！？!?]|$)")


# A lesson given (为师生上了一堂反诈课, 讲了一节生动的安全课): the lesson, not its 课程, 课后 or 课堂.
_LESSON = re.compile(r"(?:上了?|讲了?|讲授了?|带来了?)[一1](?:堂|节)(?P<np>[^，。；！？,;!?]{1,16}?课)(?![程后时外本件题堂])")


def _lesson_name(m: re.Match[str], sentence: str, masked: str) -> tuple[int, int, str] | None:
    """The lesson, without what describes it (生动的|安全课)."""
    start = max(m.start("np"), masked.rfind("的", m.start("np"), m.end("np")) + 1)
    return start, m.end("np"), clean_name(sentence[start : m.end("np")])


@dataclass(frozen=True)
class Trigger:
    """One event trigger: its rule id, its pattern, how a match is named, and its limits.

    `anchor` is the group whose start must not fall inside an event already
    found in the sentence (None: the match's start); `habit` refuses a match
    that a habit, plan or purpose word precedes (多次组织召开, 将开展);
    `min_name` is the shortest name kept; `needs`, when set, is a cheap
    pattern the sentence must hold before the trigger's own is tried (the
    verb a slow pattern ends on).
    """

    rule: str
    pattern: re.Pattern[str]
    name: Callable[[re.Match[str], str, str], tuple[int, int, str] | None]
    anchor: str | None = "np"
    habit: bool = False
    min_name: int = 3
    needs: re.Pattern[str] | None = None


# The triggers in the order they claim a sentence's text: a stronger pattern first.
TRIGGERS = (
    Trigger("event.passive", _PASSIVE, _np_name, needs=_PASSIVE_VERB),
    Trigger("event.active", _ACTIVE, _np_name, habit=True),
    Trigger("event.inspect", _INSPECT, _np_name),
    Trigger("event.visit", _VISIT, _verb_np_name),
    Trigger("event.trip", TRIP, _clause_name, anchor=None, min_name=6),
    Trigger("event.founded", FOUNDED, founded_name, anchor="v", min_name=0, needs=FOUNDED_VERB),
    Trigger("event.lesson", _LESSON, _lesson_name),
)


def triggers(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, rule) of each event the sentence reports, by the triggers in order."""
    found: list[tuple[int, int, str, str]] = []
    masked = mask_quotes(sentence)
    main = _main_clause(masked)
    for t in TRIGGERS:
        if t.needs is not None and t.needs.search(masked) is None:
            continue
        for m in t.pattern.finditer(masked):
            if t.habit and _NOT_REPORTED.search(masked[max(0, m.start() - HABIT_REACH) : m.start()]):
                continue  # 多次组织召开, 将开展, 供居民开展: a habit, a plan or a purpose, not an occurrence
            named = t.name(m, sentence, masked)
            at = m.start(t.anchor) if t.anchor else m.start()
            if at < main:
                continue  # 为学习…开展专题调研的经验，6月22日…: an aim the sentence opens with, not what happened
            if named and len(named[2]) >= t.min_name and not any(s <= at < e for s, e, *_ in found):
                found.append((*named, t.rule))
    # a trip named with what it was about (…到柳岸镇调研乡村振兴工作) holds the visit the verb began: one occurrence
    trips = [(s, e) for s, e, _, rule in found if rule == "event.trip"]
    return sorted(f for f in found if not any(s <= f[0] and f[1] <= e and (s, e) != f[:2] for s, e in trips))


# The theme printed right before what was held (以“邻里一家亲”为主题的联欢会, 主题为“…”的…), in quotes of one kind.
_EVENT_WORD = re.compile(r"[（(）)届]|活动|比赛|会|节|仪式|展|赛")  # 书法比赛（主题为…）, 第三届主题为…: the name's own
_QUOTE_OF = re.compile(r'^(“[^“”"]*”|"[^“”"]*")的')
_THEMED = re.compile(r'(?:以(“[^“”"]{2,30}”|"[^“”"]{2,30}")为主题的|主题为(“[^“”"]{2,30}”|"[^“”"]{2,30}")的?)$')


def themed(sentence: str, name: str) -> str:
    """An occurrence's name with the quoted theme printed right before it in its sentence (“邻里一家亲”联欢会), not the
    words that print it; what the item's occurrences are told apart and merged by is the name before it (`similar`)."""
    said = max(name.find("主题为“"), name.find('主题为"'))
    if said >= 0 and not _EVENT_WORD.search(name[:said]):
        return _QUOTE_OF.sub(r"\1", name[said + 3 :], count=1)  # (柳岸社区)主题为“…”(的)群众宣讲活动: the theme is in it
    if name.startswith(("“", '"')):
        return name
    m, at = None, sentence.find(name, 1)  # wherever the sentence prints it after a theme (no pattern made for a name)
    while m is None and at > 0:
        m, at = _THEMED.search(sentence, max(0, at - 40), at), sentence.find(name, at + 1)
    if m is None:
        return name
    quote = m.group(1) or m.group(2)
    return name if quote[1:-1] in name else quote + name  # not twice: 以“垃圾分类”为主题的垃圾分类宣传活动


# A sentence that opens with its aim (为加强…，为学习…，) tells what happened from the clause that gives the day.
_PURPOSE = re.compile(r"^(?:为了?|为进一步|为切实|为深入)(?![人民何此])")
_DAY_CLAUSE = re.compile(r"[，,；;](?=[^，,；;]{0,12}?(?:\d{1,2}月\d{1,2}日|\d{1,2}日(?:上午|下午|晚)|近日|日前|当天|当日|昨天|昨日|今天))")


def _main_clause(masked: str) -> int:
    """Where a sentence opening with its aim starts telling what happened (0: from its start)."""
    if not _PURPOSE.match(masked):
        return 0
    m = _DAY_CLAUSE.search(masked)
    return m.end() if m else 0


def campaigns(sentence: str) -> list[tuple[int, int, str]]:
    """Ongoing work a lead reports as its news: 扎实推进蓝天保卫战, 自…提升工程开展以来."""
    masked = mask_quotes(sentence)
    out = []
    for m in _SINCE.finditer(masked):
        out.append((m.start("np"), m.end("np"), clean_name(sentence[m.start("np") : m.end("np")])))
    for m in _CAMPAIGN.finditer(masked):
        if _NOT_REPORTED.search(masked[max(0, m.start() - HABIT_REACH) : m.start()]):
            continue
        np = clean_name(sentence[m.start("np") : m.end("np")])
        if not _NO_EVENT_NAMED.fullmatch(np) and not any(s <= m.start("np") < e for s, e, _ in out):
            out.append((m.start("v"), m.end("np"), m.group("v") + np))
    return out


def headline_event(headline: str) -> tuple[int, int, str] | None:
    """The occurrence a headline states by a verb and its object: 建成少数民族文化长廊."""
    m = _HEADLINE_VERB.search(mask_quotes(headline))
    if not m:
        return None
    return m.start(), m.end(), m.group("v") + clean_name(headline[m.start("np") : m.end("np")])


def tells_undated(main: EventCandidate, m: EventCandidate) -> bool:
    """The undated lead's occurrence `m` is the undated headline's `main` (培训 over …举办…培训班), the same kind of thing
    by its name's end, and the headline no campaign whose meetings or drills a lead tells (开展…行动 over …召开推进会)."""
    return main.name[-2:] in m.name and not main.name.endswith(("行动", "活动", "工作", "创建"))


def named_in_lead(main: EventCandidate, others: list[EventCandidate]) -> EventCandidate | None:
    """The lead's occurrence a headline's sums up (开展敬老慰问 over 举办“情暖重阳”敬老文艺汇演): found in the lead, named
    with a title in quotes the headline's name lacks, of the same topic (a bigram shared) and no other day."""
    if main.name.endswith(("会", "会议", "仪式", "式")):
        return None  # a meeting the headline names is the news (召开…推进会, not the campaign it launched)
    for m in others:
        day = not m.date or not main.date or m.date.value == main.date.value
        told_too = main.name[-2:] in m.sentence.replace(m.name, "")  # …，同时举办健康知识讲座: the headline's own, told too
        if m.rank == Priority.LEAD and "“" in m.name and "“" not in main.name and bigrams(m.name) & bigrams(main.name) and day and not told_too:
            return m
    return None


def own_named_activity(m: EventCandidate, main: EventCandidate) -> bool:
    """An activity of a name of its own (“…”活动) that another unit or body holds: an occurrence of its own beside the
    main one (金叶社区开展“…”活动；青河社区开展“…”主题活动)."""
    other = bool(m.organizers) and not set(m.organizers) & set(main.organizers)
    return other and "“" in m.name and m.name.endswith("活动") and m.rank <= Priority.BODY


def continues(sentence: str) -> bool:
    """The sentence reports a further occurrence of the same day: 还举行了…仪式."""
    return bool(_MORE.search(sentence))


_KICKER = re.compile(r"^(?:【[^】]*】|「[^」]*」|『[^』]*』|[^：:\s]{1,6}[：:]|(?:通讯|特写|综述|关注|聚焦)[：:丨|])+")


def headline_name(headline: str, lead: str = "") -> str:
    """The occurrence a headline reports, as a name: its main line without kicker or slogan.

    >>> headline_name("济源路街道中安街社区：织密小网格 生态宜居“零距离”")
    '织密小网格'
    """
    h = _KICKER.sub("", re.sub(r"\s*[|｜丨].*$", "", headline.strip()))  # …邻里情|环球新视野: a site's name
    parts = [p.strip("，,。！!？?") for p in re.split(r"\s+", h) if p]
    if not parts:
        return ""
    if lead:  # the part the lead speaks of (a page's slogans print before the headline)
        best = max(range(len(parts)), key=lambda i: (len(bigrams(parts[i]) & bigrams(lead)), -i))
        parts = parts[best:]
    first = parts[0]
    name = first if len(first) >= 6 or len(parts) == 1 else " ".join(parts[:2])
    return name if len(_HAN.findall(name)) >= 2 else ""  # a number or a code left of a line (QQ群号：3739…) names nothing

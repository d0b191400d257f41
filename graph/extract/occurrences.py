"""Occurrences: an article's sentences and entities -> its EventRecords.

Runs the trigger patterns of graph.extract.events over an article, ranks what they find (the headline's event, then
the lead's, then one the headline states by a verb, then dated ones), merges mentions of one occurrence, and fills in
date, place, organizers and attendees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from graph.extract.dates import SAME_DAY, TIME_OF_DAY, DateMention
from graph.extract.events import (
    ACTED_ON,
    BLUR_LEAD,
    GOING,
    EventCandidate,
    Priority,
    campaigns,
    closed_at,
    continues,
    headline_event,
    headline_name,
    named_in_lead,
    own_named_activity,
    similar,
    tells_undated,
    themed,
    triggers,
)
from graph.extract.openings import founding, names_thing, opened_venue
from graph.extract.places import VISITS, arrivals, facility_of, held_by_topic, location_in, trip_place, went_into
from graph.extract.sentence import Sentence
from graph.extract.spans import Span, inside_longer
from graph.extract.taking_part import org_participation, origin, partners, people_by_occurrence, sponsors
from graph.lexicon import PROVINCE, TITLE_AT_END
from graph.model import ADMIN_RANK, Article, EventRecord, LocalEntity

# What follows a body that called for the work (响应区文明办号召, 在区委的号召下): it does not hold it.
_CALLS = re.compile(r"(?:的)?(?:号召|倡议|部署|要求)")
_CLAUSE_MARKS = "，,。；;：:！!？?"
_CLAUSE_MARK = re.compile(f"[{_CLAUSE_MARKS}]")
_LEADS = re.compile(r"(?:等)?(?:带队|带领|率队|率领|一行)")  # what follows one who leads a party on a unit's behalf
# What opens a clause of aim or basis: 为(了), 助力, 按照, 根据, 围绕.
_AIM = re.compile(r"\s*(?:为了|为|助力|按照|根据|围绕|对照)")
_SPOKEN = re.compile(r"(?:说|表示|介绍|谈到)[，,：:]")  # speech

# The lead: its first sentences mark a trigger LEAD; a day in its first few is the main event's day.
LEAD_SENTENCES, LEAD_DATE_SENTENCES = 2, 4
# How much of the body a headline's name is chosen against (the part the lead speaks of, where a round-up says it is one).
# A story keeps three events at most, the main one and those with a day of their own (the past it recalls, the plans it
# lists are no news of its own); a round-up of units' activities (各社区…纷纷, a series), up to eight.
LEAD_CHARS, MAX_EVENTS, MAX_EVENTS_ONE_STORY = 200, 8, 3
_ROUND_UP = re.compile(r"各(?:社区|村|街道|镇|乡镇|单位|部门|学校)[^，。]{0,4}?(?:纷纷|积极|开展|举办|组织)|纷纷|系列活动|丰富多彩")
_RECALLED = re.compile(r"以来|先后|此前|曾经?|将(?:在|于|举办|举行|开展|组织)|拟|计划")  # 今年以来…先后开展; 2月1日，…将在…举办


def article_events(article: Article, sents: list[Sentence], entities: list[LocalEntity]) -> list[EventRecord]:
    """The occurrences an article reports, with date, place, organizers, attendees and evidence."""
    forms = {a: e.name for e in entities for a in (e.name, *e.aliases)}
    body_start = article.body_offset
    body_sents = [s for s in sents if s.offset >= body_start]
    lead = {id(s) for s in body_sents[:LEAD_SENTENCES]}
    blurred = bool(body_sents) and BLUR_LEAD.search(body_sents[0].text) is not None  # 近日, 日前: no day to take
    dated = None if blurred else next(((d, s) for s in body_sents[:LEAD_DATE_SENTENCES] for d in s.dates if d.value), None)
    learned = dated is not None and _REPORTER_SUBJECT.match(dated[1].text, dated[0].end) is not None  # 11月1日，记者从…获悉
    lead_date = dated[0] if dated is not None and not learned else None  # the day a reporter learned it dates nothing
    cands = [c for s in sents for c in _candidates(s, s.offset < body_start, id(s) in lead, forms)]
    events = _merge_events(cands, lead_date, _ROUND_UP.search(article.headline + "\n" + article.body[:LEAD_CHARS]) is not None)
    newsy = bool(_NEWSY.search(article.headline))
    if not events and article.headline and (lead_date is not None and lead_date.value or newsy or learned):
        # no trigger, but a day: the item's news is what its headline says happened that day
        name = headline_name(article.headline, article.body[:LEAD_CHARS])
        if name:
            rank = Priority.HEADLINE_ONLY
            events = [EventCandidate(name, 0, article.headline, date=lead_date, headline=True, rank=rank, rule="event.headline")]
    admin_names = {e.name: ADMIN_RANK[e.type] for e in entities if e.type in ADMIN_RANK}  # each unit's rank
    topic = _topic(sents, body_start, forms)
    if events:  # the bodies a clause of sponsoring names hold the main event, before the topic is taken to
        events[0] = replace(events[0], organizers=(*events[0].organizers, *sponsors(events[0], sents, forms)))
    day = events[0].date.value if events and events[0].date else None  # the main occurrence's day
    if events and (main := events[0]).location:  # a later part of the day's occurrence with no place of its own: in the main one's
        events[1:] = [replace(c, location=main.location) if c.location is None and not c.organizers and c.rule not in VISITS and (c.date.value if c.date else day) == day else c for c in events[1:]]
    bodies_in = {e.name: e.parent for e in entities if e.type == "Organization" and e.parent and admin_names.get(e.parent, 0) >= ADMIN_RANK["District"]}
    events = [held_by_topic(c, topic, admin_names, bodies_in) for c in events]
    # an occurrence of a day of its own: its own people
    present = people_by_occurrence(article, sents, entities, [c.start if not i or c.date and c.date.value not in (None, day) else -1 for i, c in enumerate(events)])
    return [_record(c, present[i] + (_bodies_present(c, sents, forms) if i == 0 else [])) for i, c in enumerate(events)]


def _candidates(s: Sentence, in_headline: bool, in_lead: bool, forms: dict[str, str]) -> list[EventCandidate]:
    """The occurrences one sentence states, ranked by where and how: headline, lead, a day of their own."""
    where = Priority.HEADLINE if in_headline else (Priority.LEAD if in_lead else Priority.BODY)
    said = m.end() if in_lead and (m := _SPOKEN.search(s.text)) else len(s.text)  # what a speaker plans: no lead's news
    found: list[tuple[int, int, str, float, str]] = [(a, b, n, where if a < said else Priority.BODY, r) for a, b, n, r in triggers(s.text)]
    if in_lead and not found:
        found = [(a, b, n, Priority.LEAD_CAMPAIGN, "event.campaign") for a, b, n in campaigns(s.text)]
    if in_lead and not found:
        found = [(a, b, n, Priority.LEAD_CAMPAIGN, "event.arrival") for a, b, n in arrivals(s.text)]
    if in_headline and not found:
        h = headline_event(s.text)
        if h:
            found = [(*h, Priority.HEADLINE_VERB, "event.headline-verb")]
    if not in_headline and not found:
        clause = dated_clause(s.text, s.dates)
        if clause:
            found = [(*clause, Priority.DATED_CLAUSE, "event.dated-clause")]
    conveyed = [(*m, Priority.DATED, "event.conveyed") for m in conveyed_meetings(s.text)]
    found += [m for m in conveyed if not any(a <= m[0] < b for a, b, *_ in found)]
    return [_candidate(s, start, name, rank, rule, in_headline, forms) for start, _end, name, rank, rule in found]


def _candidate(
    s: Sentence, start: int, name: str, rank: float, rule: str, in_headline: bool, forms: dict[str, str]
) -> EventCandidate:
    """One occurrence found at `start` of sentence `s`, with its day, place and holders from the sentence."""
    if rule == "event.conveyed":  # 传达了3月8日全市农村工作会议精神: the day printed right before it
        date = next((d for d in s.dates if d.end == start), None)
    else:
        before = [d for d in s.dates if d.start <= start] or s.dates
        date = before[-1] if before else None
    tod = None
    if date is not None and date.text.startswith(SAME_DAY):
        tod, date = date.time_of_day, None  # 当日下午，…同时开展: the day the story told (the merge gives it), at its own time
    if rank == Priority.BODY and date is not None and date.value:
        rank = Priority.DATED
    place = location_in(s.text, start + len(name) if rule == "event.dated-clause" else start)  # a clause: in all of it
    at = _INTO.search(s.text, start, start + len(name)) if rule == "event.dated-clause" else went_into(s.text, start)
    at = at if place is None else None  # …and what was done where a party went: 消防大队走进实验小学，开展…演练
    if at is not None and (chain := s.chain_at(at.end())) and (rule == "event.dated-clause" or _THEN_DID.fullmatch(s.text, chain[-1].end - s.offset, start)):
        whole = s.text[chain[0].start - s.offset : chain[-1].end - s.offset]  # (the chain's units are the place's, no holders)
        place = (chain[-1].text if rule == "event.dated-clause" else whole) if not _UNDER.match(s.text, chain[-1].end - s.offset) else None
        gone = trip_place(s.text, start) if place and at.group() != "在" else None
        place = gone if gone and place and gone.startswith(place) else place  # 走进金湾|农贸市场开展…: the venue a unit's name begins
    went = place is not None and at is not None and at.group() != "在" or place is None and (place := trip_place(s.text, start)) is not None
    if place is None and (opened := founding(rule, name)):
        place = opened_venue(s, opened)  # 南昌社区党群服务中心揭牌启用: opened where it stands, it holds nothing
    named = (forms.get(place) or _entity_in(place, forms)) if place else None
    location = (named or place) if place else None
    subject = [u for u in s.units if u.start - s.offset < start and u.type != "Person"]
    if rule == "event.founded":  # what is founded holds not its own founding: the units its name begins with do
        subject = [u for u in s.units if u.start - s.offset < start + len(name) - 2 and u.type != "Person"]
        subject = [u for u in subject if not (u.type == "Organization" and names_thing(u.text, name))]
    if rule == "event.dated-clause":
        subject += (opening := s.chain_at(start)) + partners(s, opening)  # the units it opens with and joined with
    # a meeting whose spirit is conveyed was held by others, elsewhere: the sentence's units conveyed it
    holders = [] if rule == "event.conveyed" else _subjects(subject, s, start, forms, location, place)
    if place is not None and named is None:  # …in its 社区活动室: the unit's that holds it
        location = facility_of(place, s, forms, holders) or location
    if signed := _SIGNED.match(name):  # 金海区与金海师范学院…签约仪式: the parties its name holds hold it, the venue too
        inside = [u for u in s.units if start <= u.start - s.offset < start + signed.end() and not inside_longer(u, s.units)]
        lower = {(v.start, v.type) for v in inside if v.type in ADMIN_RANK}  # 青河市|金海区: the chain's lowest unit holds
        inside = [u for u in inside if not any(a == u.end and ADMIN_RANK.get(u.type, 9) < ADMIN_RANK[t] for a, t in lower)]
        holders += [n for u in inside if (n := forms.get(u.text) or forms.get(u.name))]
    return EventCandidate(
        name, s.offset + start, s.text, date=date, location=location, organizers=tuple(dict.fromkeys(holders)), headline=in_headline,
        more=continues(s.text), rank=rank, rule=rule, time_of_day=tod, went=went,
    )


def _bodies_present(c: EventCandidate, sents: list[Sentence], forms: dict[str, str]) -> list[str]:
    """Units and bodies a sentence of attending names (参加会议, 出席), other than the holder and the place."""
    out: list[str] = []
    for s in sents:
        if (where := org_participation(s.text)) is not None:
            for u in s.units:
                n = forms.get(u.text) or forms.get(u.name)
                if not n or not where[0] <= u.start - s.offset < u.end - s.offset <= where[1] or n in c.organizers or n in out or n == c.location or _describes(u, s):
                    continue  # a unit in the post before a name describes the person (区委组织部长梁显学)
                if c.location and s.text.startswith(c.location, u.end - s.offset) or _heads_a_chain_to(u, s, forms, c.organizers):
                    continue  # 新阳街道|兴旺社区: the place's chain; 江汉区|民族街道|大兴社区开展…: the holder's
                if inside_longer(u, s.units):
                    continue  # 金海区|图书馆, 长江路社区|党群服务中心: the unit a body's name begins with
                if _GONE_TO.search(s.text, 0, u.start - s.offset) or origin(u, s):
                    continue  # 分别到柳岸街道、金湾街道参加劳动: where they went, not who took part; nor whence they came
                out.append(n)
    return out


# A verb of going, and the places after it up to a unit (到柳岸街道、金湾街道…): what follows is where, not who.
_GONE_TO = re.compile(GOING + r"[^，。；！？,;!?]{0,16}$")


def _heads_a_chain_to(u: Span, s: Sentence, forms: dict[str, str], names: Sequence[str]) -> bool:
    """Whether the units printed right after `u`, each where the one before ends, reach one of `names`."""
    at = u.end
    while (v := next((v for v in s.units if v.start == at and v.end > at), None)) is not None:
        if (forms.get(v.text) or forms.get(v.name)) in names:
            return True
        at = v.end
    return False


_SIGNED = re.compile(r"[^，。；]{2,30}?(?:与|和|同)[^，。；]{2,30}?(?:签约|签订|战略合作|共建|结对)")  # the parties, then the signing
_UNDER = re.compile(r"的?(?:指导|支持|帮助|陪同|带领|关心|推动|协助)下")
_INTO = re.compile(r"在|走进|来到|深入|前往")  # what a dated clause's place follows (in it, or gone to it)
_THEN_DID = re.compile(r"[，,]?(?:开展|举办|举行|进行|组织)?了?")  # …走进实验小学，开展|演练: what was done there


def _time_of_day(c: EventCandidate) -> str | None:
    return c.time_of_day or (c.date.time_of_day if c.date else None)


def _record(c: EventCandidate, attendees: list[str]) -> EventRecord:
    return EventRecord(
        name=themed(c.sentence, c.name), date=c.date.value if c.date else None, time_of_day=_time_of_day(c), location=c.location,
        organizers=tuple(c.organizers), attendees=tuple(attendees), evidence=c.sentence.strip(), rule=c.rule,
    )


# The reporter's own visit is how the story was gathered, not an occurrence it reports.
_REPORTER_SUBJECT = re.compile(r"[，,\s]*(?:本报|晚报|全媒体)?记者")
# A clause that only says who said a quote (“…”9月8日，居民王阿姨说。): no occurrence.
_FRONTED_PLACE = re.compile(r"在[^，,。；;]{2,24}[，,]")  # a clause of where alone
_SAID = re.compile(r"(?:说|说道|笑道|表示|介绍|感慨|感叹|坦言|告诉记者)$")
_CLAUSE_DAY = re.compile(
    r"^\s*(?:(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日(?:[至到—~～-](?:\d{1,2}月)?\d{1,2}日)?|昨日|昨天|前天)"  # 3月5日至7日
    r"(?:" + TIME_OF_DAY + r")?(?:\d{1,2}[时点](?:\d{1,2}分|半)?(?:许|左右)?"
    r"(?:[至到—~～-](?:次日)?(?:" + TIME_OF_DAY + r")?\d{1,2}[时点](?:\d{1,2}分|半|钟)?(?:许|左右)?)?)?[，,]?"  # …上午9时，14时至17时，
)


# A headline that reports something done (举办, 开展, 启用, 改造…), not a slogan.
_NEWSY = re.compile(r"举办|举行|召开|开展|启动|启用|揭牌|成立|建成|改造|建设|推进|参观|走进|调研|考察|慰问|议事会|座谈会|活动|比赛|节")


# A meeting whose spirit is conveyed (传达了3月8日全市农村工作会议精神和3月9日…会议精神): an occurrence of its own.
_CONVEYED = re.compile(r"(?:传达|学习|贯彻)[了学习贯彻落实]*|和|及|、")
_MEETING_SPIRIT = re.compile(r"(?:\d{1,2}月\d{1,2}日)?(?P<np>[^，,。；;、和及]{4,40}?(?:会议|大会|全会))精神")


def conveyed_meetings(sentence: str) -> list[tuple[int, int, str]]:
    """The meetings a sentence conveys the spirit of, each with its name's span."""
    out: list[tuple[int, int, str]] = []
    conveying = False
    for lead in _CONVEYED.finditer(sentence):
        conveying = conveying or lead.group(0)[0] in "传学贯"  # 和/及 go on a list that 传达 began
        m = _MEETING_SPIRIT.match(sentence, lead.end()) if conveying else None
        if m and not any(a <= m.start("np") < b for a, b, _ in out):
            out.append((m.start("np"), m.end("np"), m.group("np")))
    return out


def dated_clause(sentence: str, dates: list[DateMention]) -> tuple[int, int, str] | None:
    """A sentence that opens with its day (6月24日晚上，…) reports what happened that day: its first clause names it."""
    m = _CLAUSE_DAY.match(sentence)
    if not m or not any(d.value and d.start < m.end() for d in dates) or _REPORTER_SUBJECT.match(sentence, m.end()):
        return None
    rest = sentence[m.end() :]
    hours = rest[:1] == "为" and re.search(r"\d[时点]", m.group()) is not None and not re.search(r"(?:时间|时段)[。；]?$", rest)
    if re.match(r"是|为|恰逢|正值|正是|恰是", rest) and sentence[m.end() - 1 : m.end()] not in "，," and not hours:
        return None  # 10月23日是重阳节, 6月5日为世界环境日: what the day is, not what happened (9时至11时为老人理发: for)
    start = m.end()
    if (fronted := _FRONTED_PLACE.match(rest)) and not triggers(fronted.group()):
        start, rest = start + fronted.end(), rest[fronted.end() :]  # 1月23日，在柳岸广场，…: where, then what
    end = min((i for i in (rest.find("。"), rest.find("；")) if i >= 0), default=len(rest))
    clause = rest[:end]
    if len(clause) > 30:  # cut at its last comma before 30 characters, else at the first before 40 (either width)
        cut = max(clause.rfind("，", 0, 30), clause.rfind(",", 0, 30))
        late = min((i for i in (clause.find("，", 30, 40), clause.find(",", 30, 40)) if i >= 0), default=-1)
        clause = clause[:cut] if cut >= 8 else clause[:late] if late >= 0 else closed_at(clause, 30)
    clause = clause.strip("，, ")
    parts = re.split(r"[，,]", clause)
    if len(clause) < 6 or _SAID.search(clause) or _SAID.search(parts[0]):  # …梁伯说，…
        return None
    said = next((k for k, p in enumerate(parts) if _SAID.search(p)), None)
    if said is not None and not triggers("，".join(parts[: said + 1])):
        return None  # 家住金叶小区的居民，王大爷激动地说，多年来…: what someone said that day, no occurrence named before it
    return start, start + len(clause), clause


def _entity_in(place: str, forms: dict[str, str]) -> str | None:
    """The entity a place string names: one after a generic prefix (辖区秦岭路街道), or a chain's lowest (…街道兴蓉社区)."""
    for f in sorted(forms, key=len, reverse=True):
        if place.endswith(f) and (len(f) >= len(place) - 2 or _chain_of_forms(place[: -len(f)], forms)):
            return forms[f]
    return None


# A province's name, printed before the units of a place (河南省郑州市金水区): no unit of the graph.
_PROVINCE = re.compile("^" + PROVINCE)


def _chain_of_forms(text: str, forms: dict[str, str]) -> bool:
    """`text` is entity forms printed one after another (重庆市两江新区人和街道), a province's name first or not."""
    text = _PROVINCE.sub("", text, count=1)
    while text:
        f = next((f for f in sorted(forms, key=len, reverse=True) if text.startswith(f)), None)
        if f is None:
            return False
        text = text[len(f) :]
    return True


def _subjects(
    units: list[Span], s: Sentence, start: int, forms: dict[str, str], location: str | None, place: str | None = None
) -> list[str]:
    """The bodies that hold the event: units printed in the clause before the trigger, the place's aside."""
    clause_start = max(s.text.rfind(c, 0, start) for c in "。；;!！?？") + 1
    out: list[str] = []
    chain_end = None
    for u in units:
        if inside_longer(u, units):
            continue  # 郑州市|第七人民医院: the place a body's name begins with does not hold it, the body does
        rel = u.start - s.offset
        if rel < clause_start:
            continue
        between = s.text[max(clause_start, rel - 2) : rel]
        if place and u.text in place:
            continue  # 在中原区林山寨街道百花社区召开: the units of the place do not hold it
        if "在" in between or re.search(r"[在到于]$", s.text[clause_start:rel]) or _describes(u, s) or _in_aim(s.text, rel, start) or origin(u, s):
            continue
        if (on := ACTED_ON.search(s.text, clause_start, rel)) and not any(v.start - s.offset <= on.start() < v.end - s.offset for v in units):
            continue  # 副区长吴建平对柳岸街道、金湾街道开展消防检查: what was checked holds nothing
        if _CALLS.match(s.text, u.end - s.offset):
            continue  # 响应区文明办号召: the body that called for it holds nothing
        n = forms.get(u.text) or forms.get(u.name)
        if not n or n == location:
            continue
        if chain_end is not None and s.text[chain_end - s.offset : rel] in ("", " ", "\u3000") and out:
            out[-1] = n  # 中原区三官庙街道: the lowest unit of a chain holds it
        elif n not in out:
            out.append(n)
        chain_end = u.end
    return out


def _describes(u: Span, s: Sentence) -> bool:
    """The unit is in a person's post printed before the name (柳岸街道建设路社区党委书记李霞对…): it describes the
    person, who is there; it holds nothing, unless the person leads a party for it (街道办事处副主任齐晓静带队, 市农委
    主任樊惠林一行)."""
    end = u.end - s.offset
    p = min((p for p in s.people if p.start >= end), key=lambda p: p.start, default=None)  # the first name after it
    if p is None:
        return False
    gap = s.text[end : p.start]
    described = len(gap) <= 30 and not _CLAUSE_MARK.search(gap) and TITLE_AT_END.search(gap) is not None
    return described and not _LEADS.match(s.text, p.end)


def _in_aim(text: str, at: int, trigger: int) -> bool:
    """`at` is in a clause of aim or basis before the trigger's (为助力中原区创建文明城区，…): the unit there is the
    aim's, it holds nothing."""
    m = _CLAUSE_MARK.search(text, at)
    if m is None or m.start() >= trigger:
        return False
    begins = max(text.rfind(c, 0, at) for c in _CLAUSE_MARKS) + 1
    return _AIM.match(text, begins) is not None


def _topic(sents: list[Sentence], body_start: int, forms: dict[str, str]) -> tuple[str | None, str | None] | None:
    """The body or unit an item is about, the lowest of the first chain in its headline (not a city alone: 福州：…, where
    a later unit of the headline, else the lead, names one), else its lead (of those that start together, the longest:
    郑州市农委); and the lowest unit of the chain that begins there, a body's name not read (…建设路社区志愿者服务队)."""
    heads, body, city = [s for s in sents if s.offset < body_start], [s for s in sents if s.offset >= body_start][:1], None
    for group in (heads, body):
        for s in group:
            units = [
                u for u in s.units if u.type != "Person" and not _in_aim(s.text, u.start - s.offset, len(s.text)) and not _describes(u, s)
                and not origin(u, s)
            ]
            units = _heading(units, s, s.offset) if city and group is heads else units
            while units:
                longest = _chain_end(sorted(units, key=lambda u: (u.start, -u.end)), s, inside=True)
                admin = [u for u in units if u.type in ADMIN_RANK]  # a body over the chain does not end it
                first = _chain_end(admin, s, inside=False) if admin and admin[0].start == units[0].start else None
                unit = (forms.get(first.text) or forms.get(first.name)) if first else None
                found = forms.get(longest.text) or forms.get(longest.name) or unit, unit  # a span no entity is: the unit
                if group is heads and longest.type == "City" and body:
                    city = city or found  # 泉州：柳岸社区…, 泉州：…！柳岸社区…: the units the headline names after its city, else the lead's
                    units = _heading([u for u in units if u.start >= longest.end], s, longest.end)
                    continue
                return found
    return city


def _heading(units: list[Span], s: Sentence, start: int) -> list[Span]:
    """The units, when the first of them begins the text after `start` or a phrase of it after a space (泉州：|柳岸社区…,
    【泉州】柳岸社区…, 泉州：邻里一家亲 柳岸社区…): the subject after a headline's label of its city; none when it is
    printed inside a phrase (泉州：学习|柳岸社区好经验: an object)."""
    first = min((u.start for u in units), default=None)
    if first is None:
        return []
    gap = s.text[start - s.offset : first - s.offset]
    return units if not gap.strip("：: \u3000|｜丨·•—-【】[]“”\"") or gap.endswith((" ", "\u3000")) else []  # …亲 柳岸社区…


def _chain_end(units: list[Span], s: Sentence, inside: bool) -> Span:
    """The last unit of the chain the first begins, each starting where the one before ends, or after spaces (a
    headline's 金海区 柳岸街道); `inside`: a unit inside the one before is passed over (else the chain ends there)."""
    chosen = units[0]
    for u in units[1:]:
        if inside and u.start < chosen.end:
            continue
        if u.start < chosen.end or s.text[chosen.end - s.offset : u.start - s.offset].strip(" \u3000"):
            break
        chosen = u
    return chosen


def _merge_events(cands: list[EventCandidate], lead_date: DateMention | None, round_up: bool) -> list[EventCandidate]:
    """One event per occurrence reported: the main one, and those with a day of their own.

    The main event is the headline's, else the lead's, else the one the headline states by a verb, else the first
    dated one, else the first. Mentions of the same occurrence (similar names) are merged.
    """
    merged: list[EventCandidate] = []
    for c in sorted(cands, key=lambda c: (max(c.rank, Priority.BODY) if c.more and not c.headline else c.rank, c.start)):  # 随后…: not the news
        i = next((i for i, m in enumerate(merged) if similar(m.name, c.name)), None)
        if i is None:
            merged.append(c)
        else:
            merged[i] = _absorb(merged[i], c)
    if not merged:
        return []
    main = merged[0]
    if main.rank == Priority.HEADLINE and (lead := named_in_lead(main, merged[1:])) is not None:  # the lead names it
        main, merged = _absorb(replace(lead, rank=main.rank), main), [m for m in merged if m is not lead]
    if main.date is None and lead_date is not None and main.rank <= Priority.LEAD_CAMPAIGN:
        main = replace(main, date=lead_date)
    keep = [main]
    for m in merged[1:]:
        distinct_day = m.date is not None and m.date.value and (main.date is None or m.date.value != main.date.value)
        if distinct_day and m.rank <= Priority.DATED_CLAUSE:
            keep.append(m)
        elif m.more or m.time_of_day and m.time_of_day != _time_of_day(main):  # 当日下午，…: another time of that day
            keep.append(replace(m, date=m.date if m.date and m.date.value else main.date))
        elif own_named_activity(m, main):
            keep.append(m)
        elif main.headline and m.rank in (Priority.LEAD, Priority.DATED_CLAUSE) and (day := m.date and m.date.value) == (main.date and main.date.value) and (day or tells_undated(main, m)):
            founded = main.name[:-2] if main.rule == "event.founded" else None  # the lead, or a clause of that day (or undated as the headline), tells who and where
            keep[0] = _absorb(keep[0], replace(m, organizers=tuple(o for o in m.organizers if not founded or not similar(o, founded))))
    if not round_up or keep[0].name.endswith(("会", "会议")):  # a meeting's report: the activities it hears of are recalled
        return keep[:MAX_EVENTS_ONE_STORY]
    # a round-up's past three: only other units' named activities the text reports as held, not recalled or planned
    extra = [m for m in keep[MAX_EVENTS_ONE_STORY:] if own_named_activity(m, keep[0]) and not _RECALLED.search(m.sentence)]
    return (keep[:MAX_EVENTS_ONE_STORY] + extra)[:MAX_EVENTS]


def _absorb(same: EventCandidate, c: EventCandidate) -> EventCandidate:
    """A better-ranked mention `same` with what a later mention `c` of the same occurrence adds."""
    return replace(
        same,
        date=same.date or c.date,
        sentence=c.sentence if same.headline and not c.headline else same.sentence,
        location=same.location or c.location,
        organizers=(*same.organizers, *(o for o in dict.fromkeys(c.organizers) if o not in same.organizers)),
    )

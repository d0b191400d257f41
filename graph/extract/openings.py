"""Openings: a body founded, a place opened or put to use (`万达社区合唱团正式成立`, `金叶社区长者食堂试营业`), and where.

An opening is an occurrence whose name is the thing and its verb. What is
opened is no holder of its own opening; a place opened (a centre, a station,
a canteen) is where it happened, named as a body when the sentence has one,
else as printed, unless it is described rather than named (`首家社区食堂`).
"""

from __future__ import annotations

import re

from graph.extract.sentence import Sentence

# The verbs an opening ends on; the last few only at the end of a clause (试营业。, not 营业执照).
FOUNDED_VERBS = "成立|开播|揭牌|挂牌|开通|建成|落成|启用|开业|投用|投入使用|开放(?![日式])|(?:试?营业|试?运营|开伙)(?=[了啦，,。；;！!]|$)"
FOUNDED_VERB = re.compile(FOUNDED_VERBS)
_AT_END = re.compile("(?:" + FOUNDED_VERBS + ")$")
FOUNDED = re.compile(r"(?P<np>[^，。；！？,;!?]{2,30}?)(?:正式|焕新|全新|重新|对外)?(?P<v>" + FOUNDED_VERBS + ")")
_FOUNDED_THING = re.compile(
    r"(?:团|队|会|站|中心|社|室|馆|厅|所|网点|项目|工程|平台|长廊|基地|驿站|书屋|之家|热线|专栏|报|服务圈|食堂|餐厅|(?:助餐|服务|便民)点)[”\"]?$"
)


def founded_thing(name: str) -> str:
    """What a founding's name founds: the name without its verb (金叶社区长者食堂|试营业)."""
    return _AT_END.sub("", name)


_UNVEILED_BY = re.compile(r"(?:共同|一起|一同|分别|亲自)为")  # X、Y共同为驿站揭牌 (not 为农服务中心, 大有为…: names)


def founded_name(m: re.Match[str], sentence: str, masked: str) -> tuple[int, int, str] | None:
    """The thing founded, printed right before the verb, and the verb: 万达社区合唱团|成立."""
    np = re.split(r"[，,、]|^.*?(?:日|上午|下午)", sentence[m.start("np") : m.end("np")])[-1].strip()
    np = np.removeprefix("是")  # 11月24日，是柳河村村部落成庆典的日子: the day it is, not a part of the name
    by = list(_UNVEILED_BY.finditer(np))  # X、Y共同为驿站|揭牌: who unveiled it
    np = np[by[-1].end() :] if by else re.sub(r"(?<=[”\"])在[^在“”\"]{2,15}$", "", np)  # “骑手驿站”在西大街|揭牌: where
    if (3 if not by else 2) <= len(np) <= 20 and _FOUNDED_THING.search(np) and not re.search(r"[未不没]", np[-3:]) and not re.search("要?[把将]", np):
        return m.start("np"), m.end("v"), np + m.group("v")
    return None


# A body that is a place to go to (a centre, a station, a hall): what opens there opens in it; one counted is described.
_VENUE = re.compile(r"(?:中心|站|室|馆|厅|所|网点|基地|驿站|书屋|之家|长廊|(?:助餐|服务|便民)点|食堂|餐厅)$")
_COUNTED = re.compile(r"(?:首|第.|[一两这该])[个家座所处间]")


def opened_venue(s: Sentence, name: str) -> str | None:
    """The venue an opening (揭牌, 启用, 开业) opens, named as a body, else as printed (金叶社区长者食堂|试营业): the
    event's place."""
    body = next((u.text for u in s.units if u.type == "Organization" and _VENUE.search(u.text) and names_thing(u.text, name)), None)
    thing = founded_thing(name)  # not one described (柳岸街道首个议事厅): a name
    return body or (thing if _VENUE.search(thing) and thing in s.text and not _COUNTED.search(thing) else None)


def names_thing(body: str, name: str) -> bool:
    """The body is the thing a founding's name founds: the name is the thing and its verb (柳岸镇合唱团|成立), the
    thing printed with its chain or not (金海区柳岸镇合唱团)."""
    thing = founded_thing(name)
    return body.endswith(thing) or thing.endswith(body)


def founding(rule: str, name: str) -> str | None:
    """The founding an event's name names: a founding's own, or that of a rite of one (柳岸街道退役军人服务站启用|仪式)."""
    if rule == "event.founded":
        return name
    return name[:-2] if name.endswith("仪式") and founded_thing(name[:-2]) != name[:-2] else None

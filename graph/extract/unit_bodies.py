"""Unit bodies: the bodies a unit's name begins (graph.extract.bodies asks them of each body it reads).

A unit's government printed after it is the unit (万滩镇人民政府), its party committee a body of its own (郑州市委),
and so is the government printed beside that committee (郑州市委、市政府), and a group a body sends (县委第一巡察组).
"""

from __future__ import annotations

import re

from graph.extract.body_words import BESIDE_COMMITTEE, PROVINCES, UNIT_GOVERNMENT
from graph.extract.spans import Span
from graph.lexicon import TITLE_RE as TITLE_WORD


def unit_chain(admin: list[Span], start: int, cut: int) -> tuple[int, Span | None]:
    """The end of the chain of units a body's name begins with, and the lowest of them."""
    chain_end, lowest = start, None
    for a in admin:
        if a.start >= start and a.end <= cut and a.start == chain_end:
            chain_end, lowest = a.end, a
    return chain_end, lowest


def unit_body(text: str, start: int, cut: int, s: str, rest: str, lowest: Span | None) -> Span | None:
    """A unit's government (万滩镇人民政府: the unit) or its party committee acting as a body (郑州市委)."""
    if lowest is None:
        return None
    if rest in UNIT_GOVERNMENT and lowest.type in ("Town", "District", "City"):
        printed = text[lowest.start : cut]
        return Span(lowest.start, cut, printed, lowest.type, lowest.name, (printed,), lowest.parent, "unit.government")
    if rest == "委" and lowest.type in ("District", "City") and not TITLE_WORD.match(text[cut : cut + 6]):
        name = text[lowest.start : cut]
        return Span(start, cut, s, "Organization", name, tuple(x for x in (s,) if x != name), lowest.name, "org.party-committee")
    return None


def government_beside(text: str, committee: Span) -> Span | None:
    """The government after a party committee's name and 、 (郑州市委、市政府), named from the committee's unit."""
    m = BESIDE_COMMITTEE.match(text, committee.end)
    unit = committee.parent
    if m is None or unit is None or committee.name != f"{unit}委" or unit[-1] != m.group(1):
        return None  # 青河区区委、区政府 too; not 金海区委、市政府, another unit's
    printed = m.group(0)[1:]
    return Span(m.start() + 1, m.end(), printed, "Organization", f"{unit}{printed[1:]}", (printed,), unit, "org.government-beside")


# A group a body sends on a task, printed right after it: 区政协学习考察组, 县委第一巡察组, 市人大调研组.
_GROUP_AFTER = re.compile(
    r"(?:第[一二三四五六七八九十\d]{1,3})?(?:学习考察|巡察|巡视|督导|督查|调研|考察|观摩|慰问|检查|指导|采访|宣讲)(?:组|团|队)(?![织伍结])"  # not 组织, 队伍, 团结
)


def group_after(text: str, body: Span) -> Span | None:
    """The group printed right after a body's name (鱼峰区政协|学习考察组): a body of its own, in the body's unit."""
    m = _GROUP_AFTER.match(text, body.end)
    if body.type != "Organization" or m is None:
        return None
    printed, name = text[body.start : m.end()], body.name + m.group(0)
    return Span(body.start, m.end(), printed, "Organization", name, tuple(x for x in (printed,) if x != name), body.parent, "org.group")


# The chair's or secretary-general's title after a conference's name (武进区政协|副主席); posts.py reads the title after it.
CPPCC_CHAIR = r"(?:常务)?副?主席|副?秘书长"
_CPPCC_CHAIR = re.compile(CPPCC_CHAIR)
_PROVINCE_BEFORE = re.compile(PROVINCES.pattern.removeprefix("^") + "$")  # a province by its name (not 了河南省: PROVINCE)


def unit_cppcc(text: str, cut: int, admin: list[Span]) -> int | None:
    """Where the chain of units begins when the 政协 ending at `cut`, before its chair's title, follows a named
    district or city (郑州市金水区政协副主席): that conference is a body holding the post, as a congress's standing
    committee is (人大常委会主任). None for a bare 区政协 or 市政协 (the story's own, in the title) or a member (政协委员:
    an honour)."""
    if not text.endswith("政协", 0, cut) or _CPPCC_CHAIR.match(text, cut) is None:
        return None
    start = next((a.start for a in admin if a.end == cut - 2 and a.type in ("District", "City")), None)
    while start is not None and (above := next((a.start for a in admin if a.end == start), None)) is not None:
        start = above
    province = _PROVINCE_BEFORE.search(text, max(0, start - 8), start) if start is not None else None
    return province.start() if province else start  # 四川省邛崃市政协: the province printed too (no unit of the graph)


__all__ = ["CPPCC_CHAIR", "government_beside", "group_after", "unit_body", "unit_chain", "unit_cppcc"]

"""Heads and staff: the body a post printed without it is held in, named by its title's kind (校长 of a school, 民警 of
a police station): the one body of that kind the sentence, the sentence before or the item names."""

from __future__ import annotations

import re

from graph.lexicon import INSTITUTION_WORDS

# A head's title (校长, 所长…), the endings of what it heads: the one such body of its sentence, the one before, the item.
_HEADS = (
    (re.compile(r"^(?:常务)?副?校长$"), (*INSTITUTION_WORDS["学校"], "党校")),
    (re.compile(r"^副?园长$"), ("幼儿园",)),
    (re.compile(r"^(?:常务)?副?院长$"), ("医院", "卫生院", "法院", "检察院", "学院", "研究院", "敬老院", "养老院", "福利院")),
    (re.compile(r"^副?检察长$"), ("检察院",)),
    (re.compile(r"^副?庭长$"), ("法院", "法庭")),
    (re.compile(r"^副?所长$"), ("派出所", "司法所", "研究所", "事务所", "税务所", "财政所", "监管所")),
    (re.compile(r"^副?站长$"), ("站",)),
    (re.compile(r"^副?馆长$"), ("馆",)),
    (re.compile(r"^副?店长$"), ("店",)),
    (re.compile(r"^副?组长$"), ("组",)),
)
# …and staff titles (民警, 法官, 医生): held in the one body of that kind their own sentence names, no other.
_STAFF = (
    (re.compile(r"^(?:社区)?民警$|^辅警$"), ("派出所", "公安分局", "公安局")),
    (re.compile(r"^(?:[一二三四]级)?(?:高级)?(?:法官|检察官)$|^审判长$"), ("法院", "法庭", "检察院")),
    (re.compile(r"^(?:(?:副)?主任|主治|住院)?医师$|^医生$|^护士长?$"), ("医院", "卫生院", "卫生服务中心", "卫生服务站", "卫生室")),
)


# A group the title's own words name (三组组长, 村民小组组长): it heads that group, not one the sentence names.
_OWN_GROUP = re.compile(r"(?:[\d一二三四五六七八九十]+|村民小)组$")  # (领导小组, 督导小组 are bodies)


def head_of(title: str, here: list[str], near: list[str], by_type: dict[str, list[str]], before: str = "") -> str | None:
    """The body a head's or staff title is held in: of the units `here` (its sentence's), else `near` (its sentence's or
    the one before's) and the item's for a head; None for any other title, where two such bodies are named, or where
    the words `before` the title name the group it heads."""
    if title.endswith("组长") and _OWN_GROUP.search(before):
        return None
    staff = next((e for pattern, e in _STAFF if pattern.match(title)), None)
    ends = staff or next((e for pattern, e in _HEADS if pattern.match(title)), None)
    if ends is None:
        return None
    orgs = by_type.get("Organization", [])
    for names in (here,) if staff else (near, orgs):
        if bodies := bodies_ending(names, ends, orgs):
            return bodies[0] if len(bodies) == 1 else None
    return None


def bodies_ending(names: list[str], ends: tuple[str, ...], orgs: list[str]) -> list[str]:
    """The bodies among `names` whose names end so (学校, 小学…), sorted."""
    known = set(orgs)
    return sorted({n for n in names if n.endswith(ends) and n in known})


__all__ = ["bodies_ending", "head_of"]

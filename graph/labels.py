"""Labels: the section labels a page prints among its headings (区街动态, 金水区, 台州·区街), not headlines.

graph.split asks these of a heading: a label names a page's section or the item
printed under it; a headline heads an item.
"""

from __future__ import annotations

import re

from graph.blocks import MARKS
from graph.lexicon import ABOVE_TOWN_WORDS, STREET_OFFICE_WORDS, TOWN_WORDS, alternation

# A column's name at the end of a label (区街动态, 社区新闻), or after a place and a dot (台州·区街, 金海区·基层之声).
_COLUMNS = r"动态|快讯|简讯|要闻|直通车|新闻\d?[+＋]\d|新闻|资讯|聚焦|关注|视点|一线|速递|播报|社区|区县|街区|民生|时政|综合|专版|专刊|广告"
_SECTION_WORDS = re.compile(f"(?:{_COLUMNS})$")
PLACE_COLUMN = re.compile(
    r"[\u4e00-\u9fff]{2,5}[·・•][\u4e00-\u9fff]{0,4}(?:" + _COLUMNS + r"|基层|城乡|镇街|街镇|街乡|街社|区街|时事|乡村|村居|街道|之声)$"
    r"|[\u4e00-\u9fff]{2,6}[·・•][\u4e00-\u9fff]{2,5}$"  # any two short names a dot parts (首府·城区, 青秀·兴宁)
)
_ADMIN_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,6}" + alternation((*ABOVE_TOWN_WORDS, *STREET_OFFICE_WORDS, *TOWN_WORDS)) + "$")


def is_label(text: str) -> bool:
    """A section label rather than a headline: 区街动态, 管城区, 三官庙办事处, 基层直通车."""
    return len(text.strip(MARKS + " ")) <= 4 or is_section(text)


def is_section(text: str) -> bool:
    """A section label printed among headings: a unit's name alone (金水区) or a column's (区街动态)."""
    t = text.strip(MARKS + " ")
    return bool(_ADMIN_ONLY.match(t)) or column_label(t)


def column_label(text: str) -> bool:
    """A column's name (区街动态, 社区新闻, 综合; 台州·区街, 小店区·基层之声): a label whatever is printed around it."""
    t = text.strip(MARKS + " ")
    return bool(_SECTION_WORDS.search(t)) and len(t) <= 8 or PLACE_COLUMN.match(t) is not None


# How a paragraph that goes on with the story before it opens (会上，…; 据了解，…): no item of its own opens so.
_CONTINUING = re.compile(r"(?:会上|会议(?:指出|强调|要求|认为)|随后|活动中|活动现场|此外|同时|另外|据了解|据悉|据介绍|期间|其间|下一步)[，,]")


def compact(s: str) -> str:
    """A heading's text without its marks and spaces, to compare headings by."""
    return re.sub(r"\s+", "", s.strip(MARKS + "# "))


def goes_on(text: str) -> bool:
    """Whether a paragraph goes on with the story before it (会上，武康路居民区作交流发言。)."""
    return _CONTINUING.match(text.lstrip()) is not None


__all__ = ["PLACE_COLUMN", "column_label", "compact", "goes_on", "is_label", "is_section"]

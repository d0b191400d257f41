"""Dates: date expressions in text -> ISO dates, resolved against the page's date.

`3月20日下午` is 2023-03-20 on a page dated 2023-03-21 and `--03-20` on a page
of unknown date: the year is never invented. Relative words (`昨日`, `本月22日`)
need the page's date; without one they give no date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from graph.lexicon import VAGUE_TIMES
from graph.normalize import fold

_CN_NUM = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "十": 10}
# The times of day a date may be printed with (3月20日下午, 6月5日晚; not 6月5日晚会).
TIME_OF_DAY = r"(?:凌晨|一大早|一早|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|晚间|夜间|晚(?![会餐饭宴]))"
DATE_RE = re.compile(
    # led by the characters a date can begin with (its parts before the day are all optional, so re would otherwise
    # try the whole pattern at every position: 4× the time of finditer over a sentence)
    r"(?=[\d\s〇零一二三四五六七八九十去前今本当上])"
    r"(?:(?P<y>(?:19|20)\d{2}|[二〇一九零]{4})\s*年\s*|(?P<rel>去年|前年|今年))?"
    r"(?:(?P<this>本|当|(?<![早晚马上])上个?)月|(?:今年)?\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:份)?)?"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]"
    r"(?P<tod>" + TIME_OF_DAY + r")?"
)
# 昨日, 当天; and the day's number printed in brackets inside 今日, 昨日, 前日 (今（20）日, 昨(19)日上午: a convention of
# many papers), dated as that day of the page's month, or of the month before when the number is past the page's day.
RELATIVE_RE = re.compile(
    r"(?:(?P<w>前天|昨天|昨日|今天|今日|当天|当日|(?<![每担相充应适正])当晚)|(?P<eve>昨晚|(?<![当目节如至提])前晚|(?<![如至当])今晚(?!报))"
    r"|[今昨前]\s*[（(]\s*(?P<n>\d{1,2})\s*[）)]\s*日)"
    r"(?P<tod>凌晨|早上|上午|中午|下午|傍晚|晚上|晚间|夜间|晚(?![会餐饭宴报]))?"
)
# a day of the page's week or the week before it (上周五, 本周二上午, 上星期三), dated from the page's day; not a word the
# day's character begins (上周一次, 上周日均, 本周一系列, 上周三天时间, 上周五天里)
WEEKDAY_RE = re.compile(r"(?P<week>[上本])(?:周|星期)(?P<wd>[一二三四五六日天])(?![报刊次些系列批线行均常程用手金天气个名场项家所条件轮])(?P<tod>" + TIME_OF_DAY + ")?")
BLUR_RE = re.compile("|".join(VAGUE_TIMES))
_RANGE_TO = re.compile(r"\s*(?:至|到|-|—|~|－)\s*")
_OFFSETS = {"前天": -2, "昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "前晚": -2, "昨晚": -1, "今晚": 0}
SAME_DAY = ("当天", "当日", "当晚")  # "that same day" (当晚: its evening): the day the story told, not the page's


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: str | None  # "YYYY-MM-DD" or "--MM-DD"; None for 近日 and the like
    time_of_day: str | None
    text: str
    until: str | None = None  # the last day of a range it begins (4月28日至30日: 30), as ISO


Told = tuple[dt.date, dt.date] | None  # a range of days an article printed with its month: its first and last


def _num(s: str) -> int:
    if s.isdigit():
        return int(s)
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN_NUM.get(a, 1) if a else 1) * 10 + (_CN_NUM.get(b, 0) if b else 0)
    out = 0
    for c in s:
        out = out * 10 + _CN_NUM.get(c, 0)
    return out


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _month_of(page_date: dt.date, day: int) -> tuple[int, int]:
    """The (year, month) a day printed without its month is of: the page's, or the month before when the day is past
    the page's (20日，… and 昨（31）日 on June 1: May)."""
    if day <= page_date.day:
        return page_date.year, page_date.month
    return (page_date.year, page_date.month - 1) if page_date.month > 1 else (page_date.year - 1, 12)


def _day_of(page_date: dt.date, day: int) -> str | None:
    """Day `day` of the month `_month_of` gives, as ISO; None when that month has no such day."""
    year, month = _month_of(page_date, day)
    return dt.date(year, month, day).isoformat() if _valid(year, month, day) else None


def told_day(dates: list[DateMention], page_date: dt.date | None, before: Told) -> Told:
    """The last range of days of `dates` printed with its month (4月28日至30日), in the two months before the page's,
    else `before`: a bare day inside it is of its month (…29日上午, on a page of May 30), not the page's."""
    for d in reversed(dates):
        if page_date and d.value and d.until and len(d.value) == 10:
            first, last = dt.date.fromisoformat(d.value), dt.date.fromisoformat(d.until)
            if _recent(first, page_date):
                return first, last
    return before


def _weekday(page_date: dt.date | None, m: re.Match[str]) -> str | None:
    """上周五: the Friday of the week before the page's (weeks from Monday); 本周二: this week's, if not after the page."""
    if page_date is None:
        return None
    monday = page_date - dt.timedelta(days=page_date.weekday() + 7 * (m.group("week") == "上"))
    day = monday + dt.timedelta(days="一二三四五六日".index(m.group("wd").replace("天", "日")))
    return day.isoformat() if day <= page_date else None


def _recent(day: dt.date, page_date: dt.date) -> bool:
    return page_date - dt.timedelta(days=62) <= day <= page_date


def _range_end(start: str | None, m: re.Match[str]) -> str | None:
    """The last day of a range that begins on `start` (ISO) and ends at `m` (30日, 6月2日), as ISO."""
    if not start or len(start) != 10:
        return None  # a day of no known year (--05-30) begins no range a bare day is read in
    first = dt.date.fromisoformat(start)
    month, day = (_num(m.group("m")) if m.group("m") else first.month), _num(m.group("d"))
    year = first.year + (month < first.month)
    return dt.date(year, month, day).isoformat() if 1 <= month <= 12 and _valid(year, month, day) and (year, month, day) >= (first.year, first.month, first.day) else None


def _in_range(told: Told, day: int) -> int | None:
    """The month of `told`'s range (its first's or its last's) a bare day falls inside, if it does."""
    if told is None:
        return None
    first, last = told
    for y, mth in ((first.year, first.month), (last.year, last.month)):
        if _valid(y, mth, day) and first <= dt.date(y, mth, day) <= last:
            return mth
    return None


# what a statistic counts up to (截至6月25日，新增就业岗位320个): a day nothing happened on (截至6月25日，培训班圆满结业:
# the day it ended, no count)
_BORN = re.compile(r"\s*(?:出生(?!缺陷|人口|证|医学)|生[，,、；;）)（(]|生人)")  # of a year before the page's (not 出生缺陷预防日)
_CUTOFF = re.compile(r"(?P<due>报名|申报|征集|投稿)?(?:截至|截止(?:到|至)?)(?:时间为|日期为)?\s*$")  # 报名截至3月5日: a deadline
_COUNTED = re.compile(r"[^。；;！!？?]*?[\d一二三四五六七八九十百千万两]+(?:个|家|户|人|名|场|次|件|项|万|余|%|％|起|条|份|批|处|所|栋|套|元|亿)")


def find_dates(text: str, page_date: dt.date | None, told: Told = None) -> list[DateMention]:
    """Every date expression of `text` but a statistic's cut-off (截至6月25日), resolved as far as the page's date
    allows; a bare day inside `told` (a range of days the article printed with its month before) is of that range's
    month."""
    cut = [(d, _CUTOFF.search(text, max(0, d.start - 10), d.start)) for d in _dates(text, page_date, told)]
    return [d for d, m in cut if not (m and (m.group("due") or _COUNTED.match(text, d.end)))]


def _dates(text: str, page_date: dt.date | None, told: Told = None) -> list[DateMention]:
    """find_dates' dates, a statistic's cut-off too."""
    out: list[DateMention] = []
    folded = fold(text)
    last_end = -1
    for m in DATE_RE.finditer(folded):
        if last_end >= 0 and _RANGE_TO.fullmatch(folded, last_end, m.start()):
            if out and (end := _range_end(out[-1].value, m)):  # its last day kept: a bare day inside it is of its month
                out[-1] = replace(out[-1], until=end)
            told = told_day(out[-1:], page_date, told)
            continue  # 5月30日至31日, 5月30日至6月2日: a range is dated by its start
        last_end = m.end()
        if m.group("y") and page_date and _BORN.match(folded, m.end()) and _num(m.group("y")) < page_date.year:
            continue  # 刘某（男，1978年3月5日出生…）: a birthday dates no occurrence of the story
        bare_day = m.group("m") is None and m.group("this") is None
        if bare_day:
            # a bare day (22日) is a date as 本月22日 when it opens a clause of a dated page (20日，中原区…): the
            # page's month, or the month before it
            opens = m.start() == 0 or folded[m.start() - 1] in " ，,。；;：:（("
            if not (opens and page_date):
                continue
        day = _num(m.group("d"))
        month = _num(m.group("m")) if m.group("m") else (page_date.month if page_date else None)
        if bare_day and page_date:
            month = _month_of(page_date, day)[1]  # its year is found below, as any date's
            month = (_in_range(told, day) if told and _recent(told[0], page_date) else None) or month
        if m.group("this") and m.group("m") is None:  # 本月22日, 上月30日 (on a January page: December's)
            month = (page_date.month - 1 - m.group("this").startswith("上")) % 12 + 1 if page_date else None
        if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
            continue
        year: int | None = None
        if m.group("y"):
            year = _num(m.group("y"))
        elif m.group("rel") and page_date:
            year = page_date.year - {"去年": 1, "前年": 2, "今年": 0}[m.group("rel")]  # 去年3月13日
        elif m.group("rel"):
            year = None
        elif page_date:
            year = page_date.year
            if _valid(year, month, day) and dt.date(year, month, day) > page_date + dt.timedelta(days=31):
                year -= 1  # a January page reporting a December day
            if bare_day and month == 12 and page_date.month == 1:
                year = page_date.year - 1
        if year is not None and _valid(year, month, day):
            value = f"{year:04d}-{month:02d}-{day:02d}"
        elif (year is None or not m.group("this")) and _valid(2000, month, day):  # 2000 is a leap year: --02-29 is valid
            value = f"--{month:02d}-{day:02d}"
        else:
            continue
        out.append(DateMention(m.start(), m.end(), value, m.group("tod"), text[m.start() : m.end()]))
    for m in RELATIVE_RE.finditer(text):
        when: str | None = None
        if page_date and m.group("n"):
            when = _day_of(page_date, int(m.group("n")))
        elif page_date and m.group("w") not in SAME_DAY:
            when = (page_date + dt.timedelta(days=_OFFSETS[m.group("w") or m.group("eve")])).isoformat()
        tod = m.group("tod") or ("晚" if m.group("w") == "当晚" or m.group("eve") else None)
        out.append(DateMention(m.start(), m.end(), when, tod, m.group(0)))
    return sorted(out + _weeks_and_blurs(text, page_date), key=lambda d: d.start)


def _weeks_and_blurs(text: str, page_date: dt.date | None) -> list[DateMention]:
    """The days of a week (上周五) and the times no day is told of (近日, 上周 alone)."""
    weeks = [DateMention(m.start(), m.end(), _weekday(page_date, m), m.group("tod"), m.group(0)) for m in WEEKDAY_RE.finditer(text)]
    blurs = [DateMention(m.start(), m.end(), None, None, m.group(0)) for m in BLUR_RE.finditer(text)]
    return weeks + [b for b in blurs if not any(w.start <= b.start < w.end for w in weeks)]  # (上周 of 上周五)

"""Normalize: a page's raw text -> paragraphs (rejoined lines, repeats dropped).

Pure text functions. Paper pages come in two shapes: one paragraph a line,
or column text hard-wrapped every dozen characters, often in the middle of
a word and with stray blank lines inside paragraphs. `paragraphs()` detects
the shape and rejoins wrapped lines; it keeps paragraph breaks and drops a
paragraph the page prints again shortly after printing it.
"""

from __future__ import annotations

import functools
import re
import statistics
from collections.abc import Callable
from pathlib import Path

from graph.lexicon import NOT_NEWS_TOLD, OUTLET_ENDS, alternation
from graph.model import Para

TERMINAL = '。！？!?…；;”"』」）)'
_WS = re.compile(r"[ \t\u3000\u00a0]+")
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")
# A line that is never part of a wrapped paragraph: leads, credits, headings.
_STRUCTURAL = re.compile(
    r"^(?:#{1,6}\s|■|●|◆|▲|★|【|本报讯|本报[^\s]{0,6}讯|[（(]?(?:本报|郑报全媒体|全媒体)?记者\s|通讯员\s|本版|责任编辑|责编|编辑[:：]|校对|美编|版式"
    r"|[\u4e00-\u9fff]{1,16}?" + alternation(OUTLET_ENDS) + r"[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日" + NOT_NEWS_TOLD
    + r"[\u4e00-\u9fff]{0,6}?(?:讯|电|消息)\s*[（(]"
    r"|[\u4e00-\u9fff]{1,8}?" + alternation(OUTLET_ENDS) + NOT_NEWS_TOLD + r"[\u4e00-\u9fff]{0,4}?(?:讯|消息)\s*[（(])"
)  # (an outlet's lead with its credit's bracket, 大众网淄博3月9日讯(记者 …), 苏报讯 (记者 …), 宁江日报柳岸讯(…), after a caption)
# A unit's news headed by its name and a colon (柳岸街道：“红马甲”扫雪暖民心): a heading, whatever its width.
_UNIT_COLON_HEAD = re.compile(r"[\u4e00-\u9fff]{1,10}(?:街道|办事处|社区|镇|乡|村|区|县|市)[：:][^，。,；;：:！？!?]{2,24}")
_LEAD_PREFIX = re.compile(r"^(?:本报讯|本报[^\s]{0,6}讯)(?:[(（][^)）]{0,40}[)）])?")
_BYLINE_ONLY = re.compile(
    r"^(?:(?:本报|郑报全媒体|全媒体|特约)?(?:记者|通讯员|实习生|见习记者)\s*[\u4e00-\u9fff·]{2,4}\s*)+(?:文/图|文图|摄|/文|/图)?$"
)


@functools.cache
def _ts_table() -> dict[int, str]:
    """Traditional -> simplified, one character for one (OpenCC's TSCharacters, first choice)."""
    import opencc  # opencc-python-reimplemented ships the dictionary files

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1:
            target = parts[1].split(" ")[0]
            if len(target) == 1 and target != parts[0]:
                table[ord(parts[0])] = target
    return table


@functools.cache
def _traditional_han() -> re.Pattern[str]:
    """Any of the traditional forms `_ts_table` converts that lie in the Han block (a class re tests in C)."""
    return re.compile("[" + "".join(sorted(chr(c) for c in _ts_table() if 0x4E00 <= c <= 0x9FFF)) + "]")


def is_traditional(text: str) -> bool:
    """True when a noticeable share of the Han characters are traditional forms."""
    head = text[:50000]
    han = sum(map(len, _HAN_RUN.findall(head)))  # by runs: a list of every Han character took longer than a loop
    if han < 20:
        return False
    return len(_traditional_han().findall(head)) / han >= 0.05


def to_simplified(text: str) -> str:
    """Convert a traditional-character page to simplified, character for character.

    The result has the same length as the input, so an offset into one is an
    offset into the other and every printed form can be recovered. Text that
    is already simplified is returned unchanged (converting it would corrupt
    characters that are valid in both scripts).
    """
    if not is_traditional(text):
        return text
    return text.translate(_ts_table())


_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


# _FOLD as a string indexed by code point: str.translate finds a character in it three times as fast as in a dict (a
# code point past its end is left as it is)
_FOLD_TABLE = "".join(chr(_FOLD.get(c, c)) for c in range(max(_FOLD) + 1))


def fold(text: str) -> str:
    """Full-width ASCII to half-width, one character for one: a matching form of the text."""
    return text.translate(_FOLD_TABLE)


def bigrams(s: str) -> set[str]:
    """The character bigrams of `s`'s words (punctuation left out): how similar two names or texts are."""
    s = re.sub(r"[^\u4e00-\u9fff\w]", "", s)
    return {s[i : i + 2] for i in range(len(s) - 1)}


def clean_line(line: str) -> str:
    """Collapse runs of spaces and strip the line; a label spaced out to a column's width (编   辑：) is closed up."""
    line = _WS.sub(" ", line).strip()
    return _SPACED_LABEL.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), line, count=1) if " " in line[:8] else line


# A label whose two to four characters a web page spaces out to align its fields (编   辑：, 审   核：, 责 任 编 辑：)
_SPACED_LABEL = re.compile(r"^((?:[\u4e00-\u9fff] ){1,3}[\u4e00-\u9fff]) ?([:：])")


def _width(s: str) -> float:
    """A line's printed width: an ASCII character half a Han one (the sum of 0.5 and 1.0 a character, counted in C)."""
    return len(s) - 0.5 * len(s.encode("ascii", "ignore")) if s else 0


def is_wrapped(lines: list[str]) -> bool:
    """True for hard-wrapped column text: most lines short, of one width, ending mid-sentence, one after another.

    A column's line is followed by another of the column's width, next or
    after blank lines; a page of short items (a headline and a paragraph
    each) has as many short lines ending without a stop, the headlines,
    but a paragraph or a lead follows each.
    """
    at = [i for i, ln in enumerate(lines) if ln and not _STRUCTURAL.match(ln)]
    body = [lines[i] for i in at]
    if len(body) < 12:
        return False
    widths = [_width(ln) for ln in body]
    median = statistics.median(widths)
    if median > 24:
        return False
    open_ended = sum(1 for ln in body if ln[-1] not in TERMINAL and "，" not in ln[-1:] and "," not in ln[-1:])
    near = sum(1 for w in widths if abs(w - median) <= 2)
    width = dict(zip(at, widths, strict=True))
    after = (next((j for j in range(i + 1, len(lines)) if lines[j]), -1) for i in at)
    runs_on = sum(1 for j in after if j in width and abs(width[j] - median) <= 2)
    return near / len(body) >= 0.5 and open_ended / len(body) >= 0.4 and runs_on / len(body) >= 0.3


def _join(a: str, b: str) -> str:
    """Join two wrapped pieces: no space between Han characters or digits, one between Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum() and not (a[-1].isdigit() and b[0].isdigit()):
        return f"{a} {b}"
    return a + b  # …and none inside a number (资料3|00余份)


def headline_like(s: str) -> bool:
    """A line printed as a heading: phrases set apart by spaces, no sentence punctuation."""
    return (
        bool(re.search(r"[\u4e00-\u9fff”》] +[\u4e00-\u9fff“《]", s))
        and not re.search(r"[，。,；;：:]", s)
        and not s.startswith("本报")
        and s.count("“") <= s.count("”")  # …举办“民族团结一家亲 同心共筑中国梦|”迎新春…: a quote the line broke inside
    )


def _local_widths(lines: list[str]) -> list[float]:
    """For each line, the typical width of the body lines around it (columns differ in width)."""
    body = [(i, _width(ln)) for i, ln in enumerate(lines) if ln and not _STRUCTURAL.match(ln)]
    glob = statistics.median(w for _, w in body) if body else 0.0
    out = []
    pos = 0
    for i in range(len(lines)):
        while pos < len(body) and body[pos][0] < i:
            pos += 1
        near = [w for _, w in body[max(0, pos - 6) : pos + 6]]
        out.append(statistics.median(near) if len(near) >= 3 else glob)
    return out


# A line that ends with a photographer's credit, set off by a space (…测量血压。  本报记者 张一鸣 摄).
ENDS_WITH_PHOTO_CREDIT = re.compile(r"\s[\u4e00-\u9fff·]{2,4}\s*(?:摄影?|供图)$")


_PAGE_LINK_HINT = re.compile(r"版|导航|返回|上一|下一|[|｜]")  # what a page's line or its links hold: only those are classified


def _contents(lines: list[str], alone: Callable[[str], str | None] | None) -> set[int]:
    """The lines of an e-paper's list of its page's headlines: from its page line (第01版:封面) to its links (返回主页 |
    郑州日报 | 版面导航, 上一期 下一期), every line short and no sentence between. Each is a line of its own, none
    wrapped."""
    kinds = [alone(ln) if alone and ln and len(ln) <= 60 and _PAGE_LINK_HINT.search(ln) else None for ln in lines]
    out: set[int] = set()
    for i, kind in enumerate(kinds):
        if kind in ("e-paper", "page") and i not in out:
            end = next((j for j in range(i + 1, min(len(lines), i + 40)) if kinds[j] in ("e-paper", "navigation")), None)
            if end is not None and all(len(ln) <= 30 and "。" not in ln for ln in lines[i + 1 : end]):
                while end + 1 < len(lines) and (not lines[end + 1] or kinds[end + 1] in ("e-paper", "navigation")):
                    end += 1  # 上一期 下一期 after the links
                out.update(range(i, end + 1))
    return out


def _rejoin_wrapped(raw: list[str], alone: Callable[[str], str | None] | None = None) -> list[Para]:
    lines = [clean_line(x) for x in raw]
    listed = _contents(lines, alone)
    local = _local_widths(lines)
    out: list[Para] = []
    cur, cur_line, gap, pending_gap = "", 0, 0, 0
    cur_open = False  # the paragraph's last line stopped mid-sentence: it goes on
    cur_across = False  # …across a blank line too: the last line was full and its sentence goes on
    single = False  # the paragraph is one line so far
    for i, ln in enumerate(lines):
        if not ln:
            pending_gap += 1
            continue
        kind = alone(ln) if alone and len(ln) <= 40 else None  # (a contributor's line only after a sentence's end: 供稿)
        credit = bool(_BYLINE_ONLY.match(ln)) or kind in ("credit", "label") or kind == "source" and (not cur or cur[-1] in TERMINAL)
        structural = credit or bool(_STRUCTURAL.match(ln)) or i in listed
        unit_head = _UNIT_COLON_HEAD.fullmatch(ln) is not None
        heading_break = unit_head or headline_like(ln) or (pending_gap > 0 and headline_like(cur))
        # a line alone between blank lines (or the page's first), no punctuation in it but 、, after a closed paragraph,
        # over a lead's opening (…主办。| 金村开展森林防火演练 | 近日，…): a headline as wide as the column, not a sentence going on
        # (or no blank line anywhere: 龙泉乡开展春季村庄清洁行动 | 近日，… under a paragraph's last line)
        heading_break = heading_break or bool(single and (
            (gap or not out) and _headline_over_lead(cur, ln, out, alone) if pending_gap else not gap and _headline_over_lead_unspaced(cur, ln, out, alone)))
        if cur and cur_open and (cur_across or not pending_gap) and not structural and not heading_break:
            cur, single = _join(cur, ln), False
        else:
            if cur:
                out.append(Para(cur, gap, cur_line))
            cur, cur_line, gap, single = ln, i + 1, pending_gap, True
        pending_gap = 0
        w, full = _width(ln), local[i]
        masthead = not out and cur_line == i + 1 and not _SENTENCE_MARK.search(ln) and bool(alone and len(ln) <= 60 and alone(ln))
        if credit or unit_head or i in listed or ENDS_WITH_PHOTO_CREDIT.search(ln) or _CLOSING_BYLINE.search(ln) or masthead:
            cur_open = False  # …or a caption ended by its photographer's credit (图为…。 本报记者 张一鸣 摄)
        elif ln[-1] in TERMINAL:
            # a sentence ended with the line: the paragraph goes on only if the line is full
            cur_open = w >= full - 0.5
        else:
            # no closing punctuation: mid-sentence, unless the line is a short heading
            cur_open = w >= 0.7 * full or bool(re.search(r"[，、,：:；]", ln))
        cur_across = cur_open and w >= 0.7 * full and ln[-1] not in TERMINAL
    if cur:
        out.append(Para(cur, gap, cur_line))
    return out


def _headline_over_lead(cur: str, ln: str, out: list[Para], alone: Callable[[str], str | None] | None = None) -> bool:
    """`cur`, a line alone, is a headline and `ln` its story's opening: no punctuation in it but 、, the paragraph
    before it closed, `ln` a lead's opening (本报讯…, 近日，…, 11月5日，…, 20日上午，…; not 现场，, 当天，, 为期…，, which go on a
    sentence a double-spaced column broke)."""
    closed = not out or out[-1].text[-1] in TERMINAL or bool(alone and len(out[-1].text) <= 60 and alone(out[-1].text))  # or furniture
    # (、 inside a title: 区委常委、组织部部长X调研…; not at its end)
    ends_open = _GOES_ON.search(cur)  # …网格员于本月|20日上午，, …爱好者们|昨晚，: a sentence a double-spaced column broke
    return closed and not ends_open and not re.search(r"[，。,：:；;！？!?]|、$", cur) and _STORY_OPENING.match(ln) is not None


_SENTENCE_MARK = re.compile(r"[，。,；;！？]")  # (the page's first line is furniture only without one: a masthead)
# A clause that runs on into the date the next line opens with (…工作截至|6月10日，, …还记得去年|8月12日晚上): no headline.
_TAKES_DATE = re.compile(r"(?:截至|截止|直至|直到|[续溯迟延]到|[起续延]至|\d{2,4}年|[今去前明]年|的是)$")
# A byline closing the line's paragraph (…植油松2000余株。（通讯员 郝丽）): its item ends there, whatever the line's width.
_CLOSING_BYLINE = re.compile(r"[。！？!?”][(（](?:本报)?(?:记者|通讯员|实习生)[^()（）。，]{1,30}[)）]$")
# What a headline never ends with: a word that needs what follows it (于, 在, 将, 对…), a subject's plural (们), 本月.
_GOES_ON = re.compile(r"(?:[于在将的和与及对向从把被给为们了等]|已经|本月)$")


def _plain(raw: list[str]) -> list[Para]:
    out: list[Para] = []
    gap = 0
    for i, line in enumerate(raw, start=1):
        ln = clean_line(line)
        if not ln:
            gap += 1
            continue
        out.append(Para(ln, gap, i))
        gap = 0
    return out


def spans_word(left: str, right: str, words: frozenset[str] | None, reach: int = 2, min_len: int = 2) -> bool:
    """True when a word of `words` runs across the break between `left` and `right`.

    `reach` characters are looked at on each side; the word must be `min_len` long.
    """
    if not words:
        return False
    for k in range(1, reach + 1):
        for m in range(1, reach + 1):
            if k + m >= min_len and len(left) >= k and len(right) >= m and left[-k:] + right[:m] in words:
                return True
    return False


# A paragraph opening as a lead does (a day and a comma or a time of day, 近日，-like words, 本报讯): a story's first.
_STORY_OPENING = re.compile(
    r"^\s*(?:(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|早上|傍晚|[,，])|(?:近日|日前|近期|昨日|今日|昨晚|连日来|[上本]周[一二三四五六日])[,，]"
    r"|(?:本月)?\d{1,2}日(?:起|上午|下午|晚上|早上|傍晚)?[,，]|本报讯)"  # a day of the page's month: 20日上午，本月18日起，
)


# A lead going on past its day with a comma (5月8日上午，…), not a sentence ending on the line (5月8日上午开幕。).
_LEAD_GOES_ON = re.compile(r"\s*(?:本报讯|[^。！？!?]{0,12}[，,])")
# A lead followed by the story's first clause (本报讯（记者 刘洋）5月7日上午，柳岸街道…): the story goes on.
_TELLS_AFTER_LEAD = re.compile(_LEAD_PREFIX.pattern + r"\s*[^，,。]{2,}[，,]")
# A lead's bracketed byline the line broke inside (本报讯（记者 刘洋 通讯员 王|芳 李静）…): the bracket is open at
# the line's end, and the next line closes it within a byline's length.
_OPEN_BYLINE = re.compile(r"[(（][^()（）]{0,40}(?:记者|通讯员|实习生)[^()（）]{0,30}$")
_BYLINE_ROLE = re.compile(r"(?:本报|全媒体)?(?:记者|通讯员|实习生)")
_BROKEN_NUMBER = re.compile(r"(?:^|[^\d:.：/-])\d{1,3}(?:月\d{0,1})?$")  # 11月2|0日, 3|00余份: a date or count the line broke
_NUMBER_GOES_ON = re.compile(r"\d{1,3}(?:日|号|月|余|多|个|万|人|名|户|家|场|次|件|元|年|%)|月\d|[日号](?:上午|下午|晚上|早上|傍晚|中午|[，,])")  # 5|月22日, 5月22|日上午
_CLOSES_BYLINE = re.compile(r"[^()（）。，,]{0,30}[)）]")
# A day the line ends with after a lead or a clause (本报讯（记者 X）12月20日|上午，…), and the time of day it goes on with.
_DAY_AT_END = re.compile(r"(?:^|[）)，,\s]|本报讯)\d{1,2}月\d{1,2}日$")
_TIME_OF_DAY_GOES_ON = re.compile(r"(?:上午|下午|晚上|早上|傍晚|中午|凌晨|清晨|一早|晚)[，,\d]|[，,]")
# A short quoted name the line ends with, no sentence ending inside (…召开“红色柳岸”|党建联盟签约大会): it ends no sentence.
_QUOTED_AT_END = re.compile(r"[“\"][^“”\"。！？!?…；;]{1,20}[”\"]$")


# An aside in brackets: a clause or two (a comma or 、 inside it: no byline, jump line or credit has one), and no
# writer's, photographer's or contributor's credit nor a picture's 图为 (`_NO_ASIDE`); and a sentence's clause left
# open before it (a comma in it, a Han character its last).
_ASIDE = re.compile(r"[（(][^()（）]{1,40}[，,、][^()（）]{1,40}[)）]")
_NO_ASIDE = re.compile(_BYLINE_ROLE.pattern + r"|图为|摄|供图|供稿|报道")
_IN_CLAUSE = re.compile(r"[，,][^。！？!?]*[\u4e00-\u9fff]$")
_BEGUN = re.compile(r"[。！？!?][^。！？!?”」』\"）)\s]{2,}$")


def _heads_a_story(prev: str, p: Para, before: list[Para], alone: Callable[[str], str | None] | None) -> bool:
    """`prev`, a paragraph's text, is a headline over `p`, a story's lead: set off by a blank line (not a cut-off's word
    parted from its day: 截至||上周五，), or with none, a line alone over a lead going on past its day (not a clause
    over the rest of its sentence: …运动会|5月8日上午开幕。)."""
    if p.gap:
        return len(prev) <= 64 and _STORY_OPENING.match(p.text) is not None and not _TAKES_DATE.search(prev)
    return _headline_over_lead_unspaced(prev, p.text, before, alone)


def _headline_over_lead_unspaced(cur: str, ln: str, out: list[Para], alone: Callable[[str], str | None] | None) -> bool:
    """`_headline_over_lead` with no blank line about them: only over a lead that goes on past its day with a comma or
    opens with 本报讯, the line not running on into that day (…储存工作截至|6月10日，)."""
    return _LEAD_GOES_ON.match(ln) is not None and not _TAKES_DATE.search(cur) and _headline_over_lead(cur, ln, out, alone)


def mend_breaks(
    paras: list[Para], words: frozenset[str] | None = None, alone: Callable[[str], str | None] | None = None,
    closes: Callable[[str], bool] | None = None,
) -> list[Para]:
    """Rejoin a paragraph that a page or column break cut in the middle of a sentence.

    A paragraph that stops without closing punctuation goes on into the next
    one when it has sentence punctuation of its own (`...莲湖街道严` + `格落实...`),
    or when a word of the dictionary runs across the break (`四棉西社` + `区的居民`).
    Headings, leads and credit lines are never joined, nor any line `alone` says stands alone
    (the splitter's furniture and credits: `来源：`, `记者 X`); nor is a paragraph `closes` says ends
    its item (its credit printed at its end: `…开展大走访活动。 通讯员 X 记者 Y`) to the one after it.
    """
    out: list[Para] = []
    for p in paras:
        if out:
            prev = out[-1].text
            joinable = (
                (prev[-1] not in TERMINAL or _QUOTED_AT_END.search(prev) is not None)
                and (not _STRUCTURAL.match(prev) or _TELLS_AFTER_LEAD.match(prev) is not None)
                and not ENDS_WITH_PHOTO_CREDIT.search(prev)
                and not _BYLINE_ONLY.match(prev)
                and not _STRUCTURAL.match(p.text)
                and not _BYLINE_ONLY.match(p.text)
                and not headline_like(p.text)
                and not headline_like(prev)
                and p.text[:1] not in '“"《【(（'  # (an empty paragraph, never made, joins nothing)
            )
            if _heads_a_story(prev, p, out[:-1], alone):
                joinable = False  # a heading-length line, a blank line or none, then 7月12日，…: a story under its headline
            k = max(prev.rfind("（"), prev.rfind("("))  # …建议。（|记者 X）, …参加。（通|讯员 X）: a role word the line broke
            opened = _OPEN_BYLINE.search(prev) or k >= max(0, len(prev) - 3) and _BYLINE_ROLE.match(prev[k + 1 :] + p.text)
            # a byline the line broke inside (本报讯（记者 刘洋 通讯员 王|芳 李静）…), or a number (本报讯 11月2|0日上午)
            number = _BROKEN_NUMBER.search(prev) and _NUMBER_GOES_ON.match(p.text) and (len(prev) > 20 or _STRUCTURAL.match(prev))
            number = number or _DAY_AT_END.search(prev) and _TIME_OF_DAY_GOES_ON.match(p.text)  # …12月20日|上午，…
            comma = _sentence_goes_on(prev, p, alone)
            # …or a sentence the line began after its full stop and the next line, right under it, goes on with
            # (…作开班动员。培训邀请|湖南师范大学…): no headline has a full stop inside it
            shut = None  # closes(prev), once asked: asked at most once for a pair
            comma = comma or not p.gap and _BEGUN.search(prev) is not None and not _STRUCTURAL.match(p.text) and p.text[:1] not in "（(" \
                and not (shut := bool(closes and closes(prev)))  # …200余人参加。通讯员赵明|近日，…: a brief's credit, no sentence begun
            if opened and _CLOSES_BYLINE.match(p.text) or (number or comma) and not (alone and alone(prev)):
                out[-1] = Para(_join(prev, p.text), out[-1].gap, out[-1].line)
                continue
            body_next = p.text.rstrip()[-1:] in TERMINAL or len(p.text) > 40  # not a heading line
            # …a long line, then right under it one whose first words end its sentence (…送上生日|蛋糕和慰问品。村…)
            tail = not p.gap and len(prev) >= 14 and 2 <= (e := p.text.find("。")) <= 12 and not re.search(r"[，,：:]", p.text[:e])
            if (
                joinable
                and (re.search(r"[，、,；;]", prev) or tail or (body_next and spans_word(prev, p.text, words)))
                and not (alone and (alone(prev) or alone(p.text)))  # last: the costliest tests, of whole paragraphs
                and not (shut if shut is not None else closes and closes(prev))
            ):
                out[-1] = Para(_join(prev, p.text), out[-1].gap, out[-1].line)
                continue
        out.append(p)
    return out


def _sentence_goes_on(prev: str, p: Para, alone: Callable[[str], str | None] | None) -> bool:
    """Whether `p` goes on the sentence `prev` left open, as no paragraph opens: with its comma (…讲授基层治理实务|，上渡
    街道…), as a list of quoted names broken between two (…讲解了“冒充客服退款”|“保健品免费领”等案例), or as an aside in
    brackets the sentence broke before (…大家一起栽下了|（约3000株，由县林业局提供）: what goes on under it is left
    apart, as it may be a headline or a paragraph of its own)."""
    if p.text[:1] in "，、；,;" and prev[-1] not in TERMINAL and not _STRUCTURAL.match(p.text):
        return True
    if not p.gap and p.text[:1] in '“"' and bool(_QUOTED_AT_END.search(prev)) and "，" in prev:
        return True
    if _ASIDE.fullmatch(p.text) and len(prev) >= 30 and _IN_CLAUSE.search(prev) and not _NO_ASIDE.search(p.text):
        return not (alone and alone(p.text))  # (not a headline's line, nor a caption's 图为 or a credit in brackets)
    return False


def drop_repeats(paras: list[Para], window: int = 12) -> list[Para]:
    """Drop a paragraph printed again within `window` paragraphs of its first printing.

    Credit lines repeat legitimately (every item signed by the same reporter),
    so they are dropped only when they repeat back to back.
    """
    out: list[Para] = []
    keys: list[str] = []
    dropped_last = False
    for p in paras:
        key = _LEAD_PREFIX.sub("", re.sub(r"\s+", "", p.text))
        recent = keys[-window:]
        heading = p.text.rstrip()[-1:] not in TERMINAL and not _BYLINE_ONLY.match(p.text)
        if not heading and (key in recent or (len(key) >= 20 and any(key in k for k in recent))):
            credit = bool(_BYLINE_ONLY.match(p.text))
            if (not credit and len(key) >= 12) or dropped_last or (keys and keys[-1] == key):
                dropped_last = True
                continue
        out.append(p)
        keys.append(key)
        dropped_last = False
    return out


def paragraphs(
    text: str, words: frozenset[str] | None = None, alone: Callable[[str], str | None] | None = None,
    closes: Callable[[str], bool] | None = None,
) -> list[Para]:
    """Split a page into paragraphs, rejoining broken lines and dropping repeats.

    `words` is a dictionary used to tell a break inside a word from a break
    after a heading; without it only punctuation decides. `alone` tells a
    line that is never part of a longer paragraph (a credit, furniture).
    """
    raw = text.replace("\ufeff", "").split("\n")
    cleaned = [clean_line(x) for x in raw]
    paras = _rejoin_wrapped(raw, alone) if is_wrapped(cleaned) else _plain(raw)
    return drop_repeats(mend_breaks(paras, words, alone, closes))

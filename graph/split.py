"""Split: a Page's paragraphs -> Articles (headline, body, credits, section).

A page prints several items, each with some of: heading lines, a lead
(`本报讯(记者 … 通讯员 …)`), body paragraphs, and a credit line at the top or
the bottom (`记者 … 通讯员 … 文/图`, `本报记者 … 摄`). Between them sit page
furniture (hotlines, section labels, e-paper navigation, date lines) that is
not news. The splitter classifies each paragraph, then walks them with a
small state machine; headings that no body follows (a headline printed away
from its item, or an e-paper headline list) are given to the item without a
headline that shares most words with them, or dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Article, Page, Para
from graph.normalize import fold, headline_like, paragraphs

NAME = r"[\u4e00-\u9fff·•]{2,6}"
# Credit keywords: what each makes of the names after it.
_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("通讯员", "correspondent"),
    ("实习生", "reporter"),
    ("记者", "reporter"),
    ("摄影", "photographer"),
)
_REPORTER_PREFIX = r"(?:本报|本刊|郑报|郑报全媒体|全媒体|融媒体|首席|见习|实习|特约|[\u4e00-\u9fff]{1,6}(?:日报|晚报|报|台|网)(?:全媒体|融媒体)?)?"
_CREDIT_TOKEN = re.compile(
    rf"{_REPORTER_PREFIX}(记者|通讯员|实习生|摄影)[:：\s]*|(文/图|文图|图/文|摄影报道|综合报道|报道|整理|采写|供图|文|图|摄)(?=$|[\s/、）)])|[/、，,\s]+|({NAME})"
)
_LEAD = re.compile(
    r"^(?:本报讯|本刊讯|[\u4e00-\u9fff]{0,8}(?:日报|晚报|报|网|社)[\u4e00-\u9fff\d月日]{0,12}(?:讯|电))\s*"
    r"(?:[(（]([^()（）]{2,60})[)）])?\s*"
)
_PAREN_CREDIT = re.compile(r"^[(（]((?:[^()（）]*?(?:记者|通讯员)[^()（）]*))[)）]\s*")
_PAGE_CREDIT = re.compile(
    rf"^本版(?:文图|文字|稿件)?由{_REPORTER_PREFIX}记者\s*({NAME}(?:[\s、]+{NAME})*)\s*(?:整理|采写|编辑|提供)"
)
_FURNITURE = re.compile(
    r"(?:热线|邮箱|E-?mail|QQ群?|微信群|市民记者群|新闻热线|投稿|电话[:：]?\s*\d|传真|网址|http|www\.|\.cn\b|\.com\b|"
    r"版权所有|Copyright|©|责任编辑|责编|编辑[:：]|校对|美编|版式|组版|"
    r"上一版|下一版|上一篇|下一篇|上一期|下一期|返回目录|版面导航|标题导航|本版导航|PDF下载|放大|缩小|"
    r"来源[:：]|发布时间|发布日期|字号[:：]|分享到|打印本页|关闭窗口|【字体|"
    r"[上下]接[A-Z]?\d{0,3}版|转[A-Z]?\d{1,3}版|第[A-Z]?\d{1,3}版|[A-Z]\d{1,3}版|^[A-Z]\d{1,3}$|^\d{1,3}版$|星期[一二三四五六日天]|数字报|电子版|\s>\s|^>|版面概览|本版责编)",
    re.IGNORECASE,
)
_SECTION_WORDS = re.compile(
    r"(?:动态|快讯|简讯|要闻|直通车|新闻\d?[+＋]\d|资讯|聚焦|关注|视点|一线|速递|播报|社区|区县|街区|民生|时政|综合|专版|专刊|广告)$"
)
_ADMIN_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:省|市|区|县|街道|街道办事处|办事处|街道办|乡|镇)$")
_MD_HEADING = re.compile(r"^(#{1,6})\s*(.*)$")
_MARKS = "■●◆▲★□◇▼►▶【】[]"


def parse_credit(text: str) -> dict[str, list[str]] | None:
    """The names of a credit line by role, or None when `text` is not only a credit.

    >>> parse_credit("记者 鲁燕 通讯员 崔晨亮 杨雪丽 文/图")
    {'reporter': ['鲁燕'], 'correspondent': ['崔晨亮', '杨雪丽'], 'photographer': []}
    """
    s = fold(text).strip().lstrip(_MARKS + " ")
    if s[:1] == "(" and s[-1:] == ")":
        s = s[1:-1].strip()  # (南报记者 孙强)
        m = re.search(r"(?:^|\s)((?:本报|[\u4e00-\u9fff]{0,6}(?:报|网))?(?:记者|通讯员)\s*.+摄)$", s)
        if m and m.start(1) > 0:
            s = m.group(1)  # (图为慰问现场 记者 林一鸣 摄): a caption's credit
    roles: dict[str, list[str]] = {"reporter": [], "correspondent": [], "photographer": []}
    role: str | None = None
    pos = 0
    names_since_role: list[tuple[str, str]] = []
    saw_role = False
    while pos < len(s):
        m = _CREDIT_TOKEN.match(s, pos)
        if not m or m.end() == pos:
            return None
        if m.group(1):
            role = dict(_ROLE_WORDS)[m.group(1)]
            saw_role = True
        elif m.group(2):
            if m.group(2) == "摄" and role is None:
                for _, n in names_since_role:
                    roles["photographer"].append(n)
                names_since_role.clear()
        elif m.group(3):
            name = m.group(3)
            # A run of Han characters may hold a role word: 记者鲁燕通讯员陈陈.
            for word, _ in _ROLE_WORDS:
                if word in name and not name.startswith(word):
                    return parse_credit(s[:pos] + s[pos:].replace(word, f" {word} ", 1))
            if role is None:
                names_since_role.append(("", name))
            else:
                if name in roles[role]:
                    pass
                else:
                    roles[role].append(name)
        pos = m.end()
    if not saw_role and not roles["photographer"]:
        return None
    if names_since_role and not roles["photographer"]:
        return None
    if not any(roles.values()):
        return None
    for names in roles.values():
        if any(len(n.replace("·", "")) > 4 for n in names):
            return None
    return roles


def split_trailing_credit(text: str) -> tuple[str, dict[str, list[str]] | None]:
    """Split a credit printed at the end of a paragraph: `...环境。记者 张改华`, `…参赛。（记者 李娜）`."""
    m = re.search(r"[(（]([^()（）]{3,40})[)）]\s*$", text)
    if m:
        credit = parse_credit(m.group(1))
        if credit:
            return text[: m.start()].rstrip(), credit
    for m in re.finditer(r"[。！？!?”」』）)]\s*", text):
        tail = text[m.end() :]
        if tail and len(tail) <= 60:
            credit = parse_credit(tail)
            if credit:
                return text[: m.end()].rstrip(), credit
    return text, None


@dataclass
class _Item:
    heads: list[tuple[str, int, int]] = field(default_factory=list)  # (text, level, gap)
    level: int = 0  # markdown level of the headline, 0 when not marked
    body: list[str] = field(default_factory=list)
    credits: dict[str, list[str]] = field(
        default_factory=lambda: {"reporter": [], "correspondent": [], "photographer": []}
    )
    lead_credit: bool = False  # credited at its top (lead or credit line before the body)
    closed: bool = False  # a closing credit line was printed
    section: str = ""

    def credit(self, c: dict[str, list[str]]) -> None:
        for role, names in c.items():
            for n in names:
                if n not in self.credits[role]:
                    self.credits[role].append(n)


def _heading(p: Para) -> tuple[str, int, int] | None:
    """(text, markdown level, gap before) when a paragraph is a heading, else None.

    The splitter appends the paragraph's index to the tuple when it keeps it.
    """
    t = p.text
    m = _MD_HEADING.match(t)
    if m:
        return m.group(2).strip(), len(m.group(1)), p.gap
    t = t.strip(_MARKS + " ")
    if not t or len(t) > 64:
        return None
    if re.search(r"[。！？!?]", t[:-1]) or t[-1] in "。！？!?：:，,；;":
        return None
    if _LEAD.match(t) or parse_credit(t):
        return None
    return t, 0, p.gap


def _is_label(text: str) -> bool:
    """A section label rather than a headline: 区街动态, 管城区, 三官庙办事处, 基层直通车."""
    t = text.strip(_MARKS + " ")
    return len(t) <= 4 or bool(_ADMIN_ONLY.match(t)) or bool(_SECTION_WORDS.search(t)) and len(t) <= 8


def _furniture(p: Para) -> bool:
    t = p.text.strip()
    if _FURNITURE.search(t) and len(t) <= 80 and (t[-1] not in "。！？!?" or len(t) <= 30):
        return True
    if re.fullmatch(r"[\d\s/.\-:：年月日期第版A-Z]+", t):
        return True
    if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日.{0,12}", t):
        return True
    return False


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[^\u4e00-\u9fff\w]", "", s)
    return {s[i : i + 2] for i in range(len(s) - 1)}


def _strip_lead(text: str) -> tuple[str, dict[str, list[str]] | None, bool]:
    """Remove `本报讯(记者 … )` from the start of a body paragraph: (text, credit, was_lead)."""
    m = _LEAD.match(text)
    if m and (m.group(0).strip().endswith(("讯", "电")) or m.group(1)):
        credit = parse_credit(m.group(1)) if m.group(1) else None
        if m.group(1) and credit is None:
            # a parenthesis that is not a credit belongs to the body
            return text[m.start(1) - 1 :].lstrip(), None, True
        return text[m.end() :].lstrip(), credit, True
    m = _PAREN_CREDIT.match(text)
    if m:
        credit = parse_credit(m.group(1))
        if credit:
            return text[m.end() :].lstrip(), credit, True
    return text, None, False


_DATE_LINE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def page_date_line(paras: list[Para]) -> dt.date | None:
    """The date an e-paper prints at the top of a page (`2024年11月21日 星期四`, a breadcrumb)."""
    for p in paras[:6]:
        if _furniture(p):
            m = _DATE_LINE.search(p.text)
            if m:
                try:
                    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    return None
    return None


def split_page(page: Page, words: frozenset[str] | None = None) -> list[Article]:
    """Split one page into its articles, in reading order, with stable ids."""
    paras = paragraphs(page.text, words)
    page_date = page.date or page_date_line(paras)
    items: list[_Item] = []
    orphans: list[str] = []
    pending: list[tuple[str, int, int, int]] = []  # (text, level, gap, paragraph index) waiting for an item
    section = ""
    page_credit: dict[str, list[str]] | None = None
    cur: _Item | None = None

    # an e-paper page lists its headlines before printing the items: a heading printed
    # again later is the list's entry here, and the later printing is the real one
    last_seen: dict[str, int] = {}
    for n, q in enumerate(paras):
        last_seen[re.sub(r"\s+", "", q.text.strip(_MARKS + "# "))] = n

    def start() -> _Item:
        nonlocal pending
        nonlocal section
        item = _Item(section=section)
        item.heads = [h[:3] for h in pending if last_seen.get(re.sub(r"\s+", "", h[0]), -1) <= h[3]]
        item.level = min((h[1] for h in item.heads if h[1]), default=0)
        pending = []
        section = ""  # a section label names the item printed under it
        items.append(item)
        return item

    def _take_label() -> None:
        """A first heading that is a section label, before a headline, sets the section."""
        nonlocal pending, section
        if len(pending) > 1 and _is_label(pending[0][0]):
            (_, lv0, _, _), (_, lv1, gap1, _) = pending[0], pending[1]
            if gap1 > 0 or (lv0 and lv1 and lv0 < lv1):
                section = pending[0][0].strip(_MARKS + " ")
                pending = pending[1:]

    def flush_pending_as_labels_or_orphans() -> None:
        """Headings no body followed: section labels, or one headline printed apart from its item."""
        nonlocal pending, section
        words: list[str] = []
        for h, *_ in pending:
            if _is_label(h) and not words and len(pending) == 1:
                section = h.strip(_MARKS + " ")
            else:
                words.append(h.strip(_MARKS + " "))
        if words:
            orphans.append(" ".join(words))
        pending = []

    for idx, p in enumerate(paras):
        text = p.text
        pc = _PAGE_CREDIT.match(text)
        if pc:
            page_credit = {
                "reporter": re.split(r"[\s、]+", pc.group(1).strip()),
                "correspondent": [],
                "photographer": [],
            }
            continue
        if _furniture(p):
            continue
        credit = parse_credit(text)
        if credit is not None:
            if pending or cur is None or (cur.closed and not cur.body):
                # a credit line before the body: it opens an item
                _take_label()
                cur = start()
                cur.credit(credit)
                cur.lead_credit = True
            elif cur.body and cur.lead_credit and (credit["photographer"] or _is_photo(text)):
                # `本报记者 X 摄` under an item credited at its top: the last paragraph is a caption item
                item = _Item(section=section, body=[cur.body.pop()])
                item.credit(credit)
                item.closed = True
                items.append(item)
                cur = item
            else:
                cur.credit(credit)
                cur.closed = True
            continue
        head = _heading(p)
        nxt = paras[idx + 1] if idx + 1 < len(paras) else None
        if head is not None and nxt is not None and not _followed_by_text(nxt):
            # a heading followed by another heading: keep collecting
            pending.append((*head, idx))
            continue
        if head is not None:
            h, level, _ = head
            opens_item = nxt is not None and (_LEAD.match(nxt.text) or parse_credit(nxt.text) is not None)
            if opens_item or nxt is None:
                pending.append((*head, idx))
                continue
            # a heading followed by body text: a headline, a subheading, or a section label
            inner = (
                cur is not None
                and not cur.closed
                and cur.lead_credit
                and not pending
                and (level > cur.level if level and cur.level else level == 0 and not headline_like(h))
            )
            if inner and cur is not None:
                cur.body.append(h)
                continue
            pending.append((*head, idx))
            if all(_is_label(x) for x, *_ in pending) and _next_is_captioned(paras, idx + 1):
                flush_pending_as_labels_or_orphans()
            continue
        # a body paragraph
        body, lead_credit, was_lead = _strip_lead(text)
        body, trailing = split_trailing_credit(body)
        after_label = False
        if pending:
            _take_label()
            if len(pending) == 1 and _is_label(pending[0][0]) and not was_lead:
                section = pending[0][0].strip(_MARKS + " ")
                pending = []
                after_label = True  # a body right under a section label is an item of its own
        new_item = (
            was_lead
            or after_label
            or bool(pending)
            or cur is None
            or cur.closed
            or (trailing is not None and cur.lead_credit)
        )
        if new_item:
            if (
                cur is not None
                and not was_lead
                and not pending
                and not cur.closed
                and trailing is None
                and not after_label
            ):
                new_item = False
        if new_item:
            cur = start()
            if lead_credit:
                cur.credit(lead_credit)
                cur.lead_credit = True
        assert cur is not None
        if body:
            cur.body.append(body)
        if trailing:
            cur.credit(trailing)
            cur.closed = True
    flush_pending_as_labels_or_orphans()
    items = [it for it in items if it.body]
    _regroup_headings(items)
    _place_orphans(items, orphans)
    stem = article_stem(page.name)
    out: list[Article] = []
    for n, it in enumerate(items, start=1):
        credits = it.credits
        if not any(credits.values()) and page_credit:
            credits = page_credit
        reporters = tuple(credits["reporter"])
        correspondents = tuple(x for x in credits["correspondent"] if x not in reporters)
        photographers = tuple(x for x in credits["photographer"] if x not in reporters and x not in correspondents)
        out.append(
            Article(
                id=f"{stem}-{n:02d}",
                source_file=page.name,
                headline=" ".join(h.strip(_MARKS + " ") for h, *_ in it.heads).strip(),
                body="\n".join(it.body),
                reporters=reporters,
                correspondents=correspondents,
                photographers=photographers,
                section=it.section,
                page_date=page_date,
                sources=(page.name,),
            )
        )
    return out


def article_stem(file_name: str) -> str:
    """The stem article ids start with: the file's stem, less a trailing content hash.

    000_b611260ab2cebaa9.txt -> 000; 2024-11-21_zzwb_a08.txt -> 2024-11-21_zzwb_a08.
    """
    stem = Path(file_name).stem
    return re.sub(r"_[0-9a-f]{12,}$", "", stem) or stem


def _regroup_headings(items: list[_Item]) -> None:
    """Move a heading group printed after its item back to it.

    Wrapped pages sometimes print an item's headline below its credit line,
    just before the next item's own headline: the earlier group goes to the
    headline-less item before it when it shares its words.
    """
    for i, it in enumerate(items):
        if i == 0 or len(it.heads) < 2:
            continue
        prev = items[i - 1]
        if prev.heads:
            continue
        cut = next((k for k in range(1, len(it.heads)) if it.heads[k][2] > 0), None)
        if cut is None:
            continue
        group = " ".join(h for h, *_ in it.heads[:cut])
        gb = _bigrams(group)
        mine = len(gb & _bigrams(" ".join(it.body)[:600])) / max(1, len(gb))
        theirs = len(gb & _bigrams(" ".join(prev.body)[:600])) / max(1, len(gb))
        if theirs >= 0.3 and theirs > mine:
            prev.heads = it.heads[:cut]
            it.heads = it.heads[cut:]


def _is_photo(text: str) -> bool:
    return bool(re.search(r"摄\s*$", text.strip()))


def _followed_by_text(p: Para) -> bool:
    """False when `p` is itself a heading (so the heading before it is not yet placed)."""
    return _heading(p) is None or bool(_LEAD.match(p.text)) or parse_credit(p.text) is not None


def _next_is_captioned(paras: list[Para], i: int) -> bool:
    """The paragraph at i is a photo caption: it ends with, or is followed by, a `摄` credit."""
    if i >= len(paras):
        return False
    _, credit = split_trailing_credit(paras[i].text)
    if credit and _is_photo(paras[i].text):
        return True
    return i + 1 < len(paras) and _is_photo(paras[i + 1].text) and parse_credit(paras[i + 1].text) is not None


def _place_orphans(items: list[_Item], orphans: list[str]) -> None:
    """Give each orphan heading to the headline-less item it shares most words with."""
    for h in orphans:
        hb = _bigrams(h)
        best, score = None, 0.0
        for it in items:
            if it.heads:
                continue
            ib = _bigrams(" ".join(it.body)[:600])
            s = len(hb & ib) / max(1, len(hb))
            if s > score:
                best, score = it, s
        if best is not None and score >= 0.3:
            best.heads = [(h, 0, 0)]


__all__ = ["article_stem", "page_date_line", "parse_credit", "split_page", "split_trailing_credit"]

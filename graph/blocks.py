"""Blocks: a page's paragraphs -> classified blocks, each of one named kind.

The first of the splitter's two steps: every paragraph is classified once,
by small pure functions, into a `Kind`; the state machine of graph.split
then groups the blocks into articles. The kinds, in the order they are
decided:

    PAGE_CREDIT  本版文图由记者 X 整理: credits every item of the page
    FURNITURE    navigation, breadcrumbs, metadata, dates, copyright, image
                 lines, widgets: not news (its credits, 作者：X, are kept)
    CREDIT       a line that is only a credit: 记者 鲁燕 通讯员 崔晨亮 文/图
    LEAD         a paragraph that opens an item: 本报讯（记者 王菁）…, X网讯, X电
    HEADING      a short line with no sentence punctuation: a headline, a
                 subhead, a section label (the state machine decides which)
    BODY         prose, with the credit printed at its end split off

A newcomer adds a furniture shape by adding one line to FURNITURE.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from enum import Enum

from graph import credits as cr
from graph.fields import in_metadata
from graph.lexicon import split_names
from graph.model import Para
from graph.normalize import ENDS_WITH_PHOTO_CREDIT, bigrams, headline_like, paragraphs

MARKS = "■●◆▲★□◇▼►▶【】[]•·"


class Kind(Enum):
    PAGE_CREDIT = "page-credit"
    FURNITURE = "furniture"
    CREDIT = "credit"
    LEAD = "lead"
    HEADING = "heading"
    BODY = "body"


@dataclass(frozen=True, slots=True)
class Block:
    kind: Kind
    text: str  # the paragraph without its lead and trailing credit
    gap: int = 0  # blank lines before it
    level: int = 0  # markdown heading level, 0 when not marked
    credits: cr.Credits | None = None  # of the credit line, the lead, or furniture's fields
    trailing: cr.Credits | None = None  # printed at the end of a body paragraph
    raw: str = ""  # the paragraph as it came
    ends: bool = False  # an editor's line (编辑：X, 责任编辑：Y): the story above it is over


# Page furniture: (name, pattern). A paragraph of at most `_FURNITURE_MAX` characters
# matching one of these is not news. Patterns are searched, so anchor them where needed.
FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("contact", r"(?:热线|邮箱|E-?mail|QQ群?号?|微信群?号?|记者群|投稿|电话|传真|网址)\s*[:：]?\s*[\w.@-]*\d"
                    # a line of nothing but addresses and handles, whatever they hold (邮箱：[email protected] 新浪微博：@X)
                    r"|^(?:[\u4e00-\u9fff]{0,6}(?:邮箱|E-?mail|微博|微信(?:公众)?号?|QQ群?号?码?)\s*[:：]\s*(?:\[email\s*protected\]|[^\u4e00-\u9fff\s，。]{4,})\s*)+$"),
        ("address", r"https?://|www\.|\.(?:cn|com|net|org)\b"),
        ("copyright", r"版权所有|版权声明|Copyright|©|ICP|All Rights Reserved|powered by"),
        ("staff", r"责任编辑|责编|编辑[:：]|校对|美编|版式|组版|本版责编|审核[:：]"),
        ("e-paper", r"当前报纸名称|上一版|下一版|上一篇|下一篇|上一期|下一期|返回目录|返回主页|版面导航|标题导航|本版导航|PDF|放大|缩小|版面概览|数字报|电子版|电子报|总第\d+期|^[一二三四五六七八九十]{1,3}版[:：]|^头版$"),
        ("page", r"[上下]接[A-Z]?\d{0,3}版|转[A-Z]?\d{1,3}版|第[A-Z]?\d{1,3}版|[A-Z]\d{1,3}版|^[A-Z]\d{1,3}$|^\d{1,3}版$"),
        ("metadata", r"来源[:：]|来自[:：]|发布时间|发布日期|成文日期|生效日期|索\s*引\s*号|主题分类|发布机构|关\s*键\s*词|体\s*裁|字号[:：]|浏览次数|浏览量[:：]\s*\d|点击[:：]|阅读[:：]?\d|阅读(?:量|数|次数)[:：]\s*\d|作者[:：]"),
        ("widget", r"新闻线索|我要爆料|请登录|免费注册|购物车|联系客服|开栏的话|分享到|分享至|我要分享|分享让更多人看到|^字号$|打印本页|【打印】|【列印】|【大】\s*【中】\s*【小】|关闭窗口|【字体|我来说两句|最新评论|网友评论|发表评论|只看楼主|收藏|回复贴|X 关闭|扫一扫|二维码|客户端|请稍候|加载中|返回顶部|推荐阅读|相关阅读|相关新闻|延伸阅读|热门文章|标签[:：]|阅读全文|查看全文|全文阅读|点击查看|查看原文|原标题[:：]|^参与互动$|^[大中小]字号$|点击上方蓝字|点击蓝字关注"),
        ("follow", r"^(?:关注|订阅|下载|安装)\S{1,12}(?:网|热线|客户端|公众号|微博|微信|APP|号)$|^搜\s*索$|^最[\u4e00-\u9fff]{1,6}的[\u4e00-\u9fff]{2,10}(?:新闻|资讯|门户)(?:网站?)?$"),
        ("breadcrumb", r"当前的?位置|所在的位置|您的位置|(?:[\u4e00-\u9fff\w]{1,12}\s*(?:>>?|»|＞)\s*){2,}|^首页\s*(?:[>|»＞]|$)|^[\u4e00-\u9fff\w]{1,10}(?:网|首页|频道|栏目)\s*(?:>>?|»|＞)\s*[\u4e00-\u9fff\w]{2,12}$|内容导航|^(?:[\u4e00-\u9fff]{2,10}\s+){1,4}正文$"),
        ("image", r"!\[[^\]]*\]\([^)]*\)|\.(?:jpg|jpeg|png|gif|webp)\b|资料图|图片仅供参考|^[^，。,；;！？\s]{2,20}\s*[(（][^()（）]{1,16}供图[)）]$"),  # 整洁的社区环境（社区供图）
        ("source", r"^[（(][^（()），,。]{2,40}(?:供稿|提供)[)）]$"),  # （柳岸镇供稿）, （本版图文由X融媒体中心提供）: whose copy it is
        ("date", r"^[^，。,；;！？]*星期[一二三四五六日天][^，。,；;！？]*$|^\s*date\s"),  # (not a sentence's 每逢星期六，…)
        ("masthead", r"^[^，。,；;！？]{0,12}(?:19|20)\d\d\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})[^，。,；;！？]{0,20}$"),
        ("weather", r"℃|°C|空气质量|AQI"),
        ("timestamp", r"^\s*(?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}|$)"),
    )
)
_FURNITURE_MAX = 90
# Any of FURNITURE's patterns, in one search: most paragraphs match none, and are passed over by it alone.
_ANY_FURNITURE = re.compile("|".join(f"(?:{p.pattern})" for _, p in FURNITURE), re.IGNORECASE)
# An editor's note that opens a column or a series.
_EDITORS_NOTE = re.compile(r"^[【\[]?(?:开栏的话|编者按|编者的话|写在前面)[】\]]?\s*[:：]?")
# A summary printed over a story (a paper's 核心提示, a portal's 摘要).
_SUMMARY = re.compile(r"^[【\[]?(?:核心提示|内容提要|内容摘要|摘要)[】\]]?\s*[:：|｜]")
_OUTLET_LINE = re.compile(
    r"^[\u4e00-\u9fff]{2,6}(?:日报|晚报|早报|金报|商报|时报|都市报|网|客户端|电视台|融媒|融媒体中心)(?:[\u4e00-\u9fff]{2,4}(?:新闻|频道))?$"
    r"|^今日[\u4e00-\u9fff]{2,3}$"  # a county's news app (今日青河)
)
_DATE_TIME = re.compile(r"(?:19|20)\d\d(?:[-./]\d{1,2}[-./]\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Lines that are only dates, numbers, times, codes or page marks.
_NO_WORDS = re.compile(r"[\d\s/.\-:：年月日期第版A-Za-z|｜•·、，,()（）\[\]【】_@#&%*+=~'\"]*")
_DATE_ONLY = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日.{0,12}|\d{1,2}\.\d{1,2}\.\d{4}.*|\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}.*")
_NAV_SEP = re.compile(r"\s*[|｜]\s*")
# A metadata field whose value is printed on the next line (责编：\n陈亮); other labels (企业风采：) head menus.
_META_LABEL = re.compile(r"^\s*(?:来源|作者|原作者|编辑|责编|责任编辑|记者|通讯员|摄影|审核|日期|时间|发布时间)\s*[:：]$")
_FIELD_LABEL = re.compile(r"^[\u4e00-\u9fff\s]{1,6}[:：]$")  # 来源：, 责编： printed alone
_RELATED = re.compile(r"[【\[]?(?:新闻推荐|推荐新闻|相关新闻|相关阅读|推荐阅读|延伸阅读|热门文章|热点新闻|猜你喜欢|更多新闻|往期回顾|往期推荐|相关报道|更多报道)[】\]]?")
_EDITOR_LINE = re.compile(r"^[•·\s]*[(（]?(?:责任编辑|责编|编辑)\s*[:：]?\s*\S{1,12}[)）]?$")
_MD_HEADING = re.compile(r"^(#{1,6})\s*(.*)$")
_MD_BOLD = re.compile(r"\s*(\*\*|__)(?P<text>[^*_].*?)\1\s*")  # **柳岸社区：…**, a markdown page's bold title line
# A title with an exclamation or a question inside (功能“颜值”双提升！洛阳建设完整社区): no comma, no quote opening it.
_EXCLAIMED_TITLE = re.compile(r"[^“\"「，,；;。][^，,；;。]{4,18}[！？!?][^，,；;。！？!?]{5,24}")
# What a web page prints after its title: |环球新视野, _新闻频道, (6/7), 2025年04月10日, its paper's name after a dash
# (- 宁江晨报), or after a space with the date (宁江晚报 2023年04月03日; not 推行网格日报, 问题及时报).
_TITLE_TAIL = re.compile(
    r"\s*(?:[|｜_]\s*[^|｜_，。]{1,12}|[(（]\d{1,2}/\d{1,2}[)）]|(?:19|20)\d\d年\d{1,2}月\d{1,2}日|(?:19|20)\d\d-\d{1,2}-\d{1,2})\s*$"
    r"|(?:\s*[-—–]{1,2}\s*|\s+(?=[\u4e00-\u9fff]{2,4}(?<!工作|居民|网格)(?:日报|晚报|早报|晨报|都市报|商报|新闻网)\s*(?:19|20)\d\d年))"
    r"[\u4e00-\u9fff]{2,4}(?:日报|晚报|早报|晨报|都市报|商报|新闻网)(?:\s*(?:19|20)\d\d年\d{1,2}月\d{1,2}日)?\s*$"
)
_BRACKETED = re.compile(r"^[（(【\[](.*)[）)】\]]$")
PAGE_CREDIT = re.compile(
    r"^本版(?:文图|文字|稿件)?由(?:本报|[\u4e00-\u9fff]{1,8}(?:报|网))?(?:全媒体)?记者\s*"
    r"([\u4e00-\u9fff·]{2,6}(?:[\s、]+[\u4e00-\u9fff·]{2,6})*)\s*(?:整理|采写|编辑|提供)"
)
_KICKER = re.compile(r"[\u4e00-\u9fff]{2,8}(?:街道|办事处|镇|乡|社区|村)[：:]")  # 唐家墩街道：, 柳岸村： over a headline


def furniture_kind(text: str) -> str | None:
    """The name of the furniture shape `text` has, or None when it may be news.

    >>> furniture_kind("首页 > 资讯中心 > 苏州资讯 正文")
    'breadcrumb'
    >>> furniture_kind("3月5日上午，石佛办事处在西溪花园社区开展宣传。") is None
    True
    """
    t = text.strip()
    if not t:
        return "empty"
    if _NO_WORDS.fullmatch(t) or not _HAN.search(t):
        return "no-words"
    if _OUTLET_LINE.match(t):
        return "outlet"
    if t[0] in "•·" and len(t) <= 20 and "。" not in t:
        return "metadata"  # • 综合,领导活动: a listing's field
    if len(t) <= 40 and _DATE_TIME.search(t):
        return "timestamp"
    if len(t) <= 8 and t[-1] in ":：":
        return "label"  # 镇街视窗：, 来源：
    if _DATE_ONLY.fullmatch(t):
        return "date"
    if _EDITORS_NOTE.match(t):
        return "editors-note"  # 开栏的话：… (of any length): what a column is for, not news
    if _SUMMARY.match(t):
        return "summary"  # 核心提示：… (of any length): the story below told short, often its first lines cut off
    if len(t) <= _FURNITURE_MAX and (t[-1] not in "。！？!?" or len(t) <= 30) and _ANY_FURNITURE.search(t):
        for name, pattern in FURNITURE:
            if pattern.search(t):
                return name
    if _is_nav(t):
        return "navigation"
    if _repeated_word(t):
        return "repeated"
    return None


def _is_nav(t: str) -> bool:
    """A navigation bar: short items between bars or spaces, no sentence (首页|新闻|郑州|…)."""
    bars = t.count("|") + t.count("｜") + t.count("丨")
    if bars >= 4:
        return True
    if re.search(r"[。，,；;！？!?]", t):
        return False
    if bars >= 2 and all(len(c) <= 12 for c in _NAV_SEP.split(t) if c.strip()):
        return True
    if len(t) <= 120 and any(n >= 4 and _HAN.fullmatch(g[0]) for g, n in Counter(t[i : i + 2] for i in range(len(t) - 1)).items()):
        return True  # 便民频道资讯中心房产频道生活频道…: a menu printed without spaces
    words = t.split()
    return len(words) >= 5 and sum(len(w) for w in words) / len(words) <= 4.5 and not re.search(r"[()（）“”\"]", t)


def _repeated_word(t: str) -> bool:
    """阴影 阴影: a placeholder printed over and over."""
    words = t.split()
    return len(words) >= 2 and len(set(words)) == 1


def heading(text: str) -> tuple[str, int] | None:
    """(text, markdown level) when a paragraph is a heading line, else None."""
    m = _MD_HEADING.match(text)
    if m:
        return m.group(2).strip(), len(m.group(1))
    if bold := _MD_BOLD.fullmatch(text):
        text = bold.group("text")  # a heading if its text is one, as an unmarked line is
    t = text.strip(MARKS + " ")
    if not t or len(t) > 64:
        return None
    if t[-1] in "。，,；;、" or "。" in t or re.search(r"[！？!?]", t[:-1]) and not _EXCLAIMED_TITLE.fullmatch(t):
        return None
    if t[-1] in "！？!?" and (len(t) > 30 or t[0] in "“\"「"):
        return None  # a quoted exclamation is a line of the story; 郑州最大的小区是哪个? heads one
    if t[-1] in ":：" and len(t) < 8:
        return None
    if re.search(r"“[^”]{0,3}$", t):
        return None  # …体验市民文化生活，“接: a sentence the page cut off inside a quote, not a heading
    if ENDS_WITH_PHOTO_CREDIT.search(t):
        return None  # 调研柳岸社区服务中心 王明 摄: a photo's caption, with its photographer
    if label := re.match(r"^\s*[【\[][^】\]]{1,8}[】\]](?=\S)", text):
        t = text[label.end() :].strip(MARKS + " ")  # 【党建】西湖街道…参观…: a column's label, then the title
        if "、" in t or len(t) < 10:
            return None  # 【二七区】马寨镇、侯寨乡: a labelled line of content, not a heading
    while m := _TITLE_TAIL.search(t, 6):
        t = t[: m.start()].rstrip()  # a web page's title: its site, its date or its picture count after it
    half = len(t) // 2
    if len(t) >= 8 and t[:half].strip() == t[-half:].strip():
        t = t[:half].strip()  # a title printed twice, its lines rejoined as one
    return t, 0


def stands_alone(line: str) -> str | None:
    """Why a line is never joined to the lines around it ("credit", "label", a furniture kind), or None."""
    t = line.strip()
    if not t:
        return None
    if cr.parse(t) is not None:
        return "credit"
    if _FIELD_LABEL.match(t):
        return "label"
    return furniture_kind(t)


def page_paragraphs(text: str, words: frozenset[str] | None = None) -> list[Para]:
    """A page's paragraphs (normalize.paragraphs), no line joined to a credit or furniture around it, nor a paragraph
    its writers' credit ends to the next."""
    return paragraphs(text, words, stands_alone, ends_with_credit)


def ends_with_credit(paragraph: str) -> bool:
    """Whether a paragraph ends with its item's writers' credit, printed after its last sentence (…开展大走访活动。 记者 X):
    the next paragraph is no part of it. Not a photograph's (…社区春晚。李华 摄): the pictures of the story below may
    be captioned above it."""
    c = cr.trailing(paragraph)[1]  # …记者了解|到，… (a break inside a sentence): no one's name, no credit, unless marked
    return c is not None and not c.photographers and (all(map(cr.byline_name, c.names())) or _MARKED_END.search(paragraph) is not None)


_MARKED_END = re.compile(r"(?:摄|报道|文|图)\s*[)）]?$")  # a credit's mark ends it (记者高 山摄: 高山 is a word too)


def classify(paras: list[Para]) -> list[Block]:
    """Each paragraph's block, in page order (a field label printed alone joins its value)."""
    out: list[Block] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        text = p.text
        nxt = paras[i + 1].text if i + 1 < len(paras) else ""
        if _META_LABEL.match(text.strip()) and nxt and len(nxt) <= 30 and not _FIELD_LABEL.match(nxt):
            text = f"{text.strip()}{paras[i + 1].text}"  # 责编：\n陈亮
            i += 1
        if _KICKER.fullmatch(text.strip(MARKS + " ")) and nxt and not paras[i + 1].gap and heading(nxt) is not None:
            text = f"{text.strip()}{nxt}"  # 唐家墩街道：\n网格员变身…: a unit's kicker right over its headline, one heading
            i += 1
        caption = _CAPTION_THEN_LEAD.search(text)
        if caption and cr.lead(text[caption.end() :])[2]:
            # …旅客上车。程全 摄 □本报记者 王伟 春节将至…: a photo's caption printed on the line of the lead after it
            out.append(classify_one(Para(text[: caption.end()].rstrip(), p.gap, p.line)))
            text = text[caption.end() :]
        if (marked := _TITLE_THEN_BYLINE.match(text)) and _marked_byline(text[marked.end() :]):  # …会议召开 □记者 王伟 报道
            out.append(classify_one(Para(marked.group(1), p.gap, p.line)))
            text = text[marked.end() :]
        b = classify_one(Para(text, p.gap, p.line), opens_item=not out or out[-1].kind is Kind.HEADING)
        under_story = b.kind is Kind.HEADING and out and out[-1].kind in (Kind.BODY, Kind.LEAD) and _BRACKETED.match(text.strip())
        if under_story and (bare := cr.parse(text, bare=True)) is not None:
            b = Block(Kind.CREDIT, text, p.gap, credits=bare, raw=text)  # …维修家电30余件。|（谷雨晨 曹博）: its byline
        out.append(b)
        i += 1
    return _cut_off_end(_closed(_contents(_paper_credits(out))))


# How a story's sentence opens, a comma after it (近日，…; 现场，…; 为弘扬正气，…; 3月6日，…): a title rarely does.
_SENTENCE_OPENING = re.compile(
    r"(?:近日|近期|日前|此外|同时|另外|随后|目前|据统计|据了解|据悉|据介绍|活动中|活动现场|现场|会上|上午|下午|晚上|当天|当日|"
    r"为[^，,。]{2,24}|(?:\d{4}年)?\d{1,2}月\d{1,2}日[^，,。：:\s]{0,6})[，,]"
)


_SPEAKER = re.compile(r"(?:[：:]|(?:书记|主任|主席|长|委员|经理|代表|居民|志愿者|网格员|社工)\s+[\u4e00-\u9fff·]{2,4})\s*$")  # …书记 李明(：)


def _cut_off_end(blocks: list[Block]) -> list[Block]:
    """A page cut off inside its last paragraph (近日，无锡市住房和城乡建设局通报): that paragraph, which reads as a heading
    with no item under it, is a story's when it opens as a sentence does: the story before it, or the one the heading
    right over it heads."""
    k = next((k for k in range(len(blocks) - 1, -1, -1) if blocks[k].kind not in (Kind.FURNITURE, Kind.CREDIT)), -1)
    if k < 1 or (b := blocks[k]).kind is not Kind.HEADING or b.level or not _SENTENCE_OPENING.match(b.text.strip()):
        return blocks  # (## 近日，…: a heading the page marks as one)
    above = [x for x in reversed(blocks[:k]) if x.kind is not Kind.FURNITURE]
    titles = next((n for n, x in enumerate(above) if x.kind is not Kind.HEADING), len(above))  # the headings right above it
    if not above or above[0].kind not in (Kind.BODY, Kind.LEAD, Kind.HEADING) or above[0].trailing or titles > 2 or _SPEAKER.search(above[0].text):
        return blocks  # …。（记者 X）: a story closed; three titles or more: a list of other stories'; a speaker's label
    return [*blocks[:k], Block(Kind.BODY, b.text, b.gap, raw=b.raw), *blocks[k + 1 :]]


# a partner paper's name and its reporters, on a line of their own: 青河时报 李华
_PAPER_CREDIT = re.compile(r"[\u4e00-\u9fff]{1,8}(?:日报|晚报|时报|商报|早报|都市报|融媒)\s+([\u4e00-\u9fff·][\u4e00-\u9fff·\s]{1,20})")


def _paper_credits(blocks: list[Block]) -> list[Block]:
    """A line of a paper's name and names (青河时报 李华) printed between an item's credit lines (记者 X, 通讯员 Y): a
    joint byline's reporters from that paper."""
    out = list(blocks)
    for k, b in enumerate(blocks):
        if b.kind not in (Kind.HEADING, Kind.BODY) or not (m := _PAPER_CREDIT.fullmatch(b.text.strip())):
            continue
        beside = [x for x in (blocks[k - 1] if k else None, blocks[k + 1] if k + 1 < len(blocks) else None) if x is not None]
        names = split_names(m.group(1))
        if names and any(x.kind is Kind.CREDIT or x.trailing for x in beside):
            out[k] = Block(Kind.CREDIT, b.text, b.gap, credits=cr.Credits(reporters=tuple(names)), raw=b.raw)
    return out


def _closed(blocks: list[Block]) -> list[Block]:
    """The blocks up to a label of related news (新闻推荐, 相关新闻) printed under the page's story: other stories'
    teasers follow it, to the page's end."""
    told = False
    for k, b in enumerate(blocks):
        if told and _RELATED.fullmatch(b.text.strip()):
            return blocks[:k]
        told = told or b.kind in (Kind.LEAD, Kind.BODY)
    return blocks


def _contents(blocks: list[Block]) -> list[Block]:
    """An e-paper's list of its page's headlines, printed between the page's line (第A06版:县区, A06) and its links
    (返回主页 | 郑州晚报 | 标题导航): the page's contents, furniture, not the headline of the item below it."""
    # each furniture block's kind, read once (a heading or body made furniture here has none: it was no furniture)
    kinds = [furniture_kind(b.text) if b.kind is Kind.FURNITURE else None for b in blocks]
    out, i = list(blocks), 0
    for k, b in enumerate(out[:-1]):
        if b.kind is Kind.HEADING and kinds[k + 1] == "repeated" and out[k + 1].text.split()[0] == b.text:
            out[k] = replace(b, kind=Kind.FURNITURE)  # 阴影 over 阴影 阴影: the placeholder printed once more
    while i < len(out):
        if kinds[i] not in ("e-paper", "page"):
            i += 1
            continue
        start = i + 1
        while start < len(out) and kinds[start] in ("e-paper", "page", "no-words", "empty"):
            start += 1  # 第M05版:中原·城事 上一版 下一版 | M05
        end = start
        while end < len(out) and (_listed(out[end]) or kinds[end] in ("no-words", "address", "empty")):
            end += 1  # the site's address or a code printed between them (www.izzwb.com)
        heads = [k for k in range(start, end) if _listed(out[k])]
        if len(heads) >= 2 and end < len(out) and kinds[end] in ("e-paper", "navigation"):
            shown = _shown([out[k] for k in heads], out[end:])
            for n, k in enumerate(heads):
                out[k] = out[k] if n == shown else replace(out[k], kind=Kind.FURNITURE)
        i = max(end, i + 1)
    return out


def _listed(b: Block) -> bool:
    """A line a list of headlines holds: a heading, or one cut inside a quote (…创文很“文艺), short and no sentence."""
    return b.kind is Kind.HEADING or b.kind is Kind.BODY and len(b.text) <= 30 and not re.search(r"[。，,；;！？!?]", b.text)


def _shown(contents: list[Block], rest: list[Block]) -> int | None:
    """Which of the contents heads the item the page shows, when no headline is printed over it (the page's links,
    then its lead): the one whose bigrams its first paragraphs share most, a third of them at least and twice as many
    as any other's; else None."""
    first = next((b for b in rest if b.kind is not Kind.FURNITURE), None)
    if first is None or first.kind is Kind.HEADING:
        return None
    told = bigrams("".join(b.text for b in rest[:12] if b.kind in (Kind.LEAD, Kind.BODY))[:600])
    shares = [len(grams & told) / max(1, len(grams)) for grams in (bigrams(b.text) for b in contents)]
    best, second = sorted(range(len(shares)), key=shares.__getitem__, reverse=True)[:2]
    return best if shares[best] >= 0.3 and shares[best] >= 2 * shares[second] else None


# A title with no sentence's marks, a space, then an item's mark and a short credit to the line's end (…会议召开 □记者 王伟).
_TITLE_THEN_BYLINE = re.compile(rf"([^{cr.BYLINE_MARKS}。！？!?，,；;]{{4,60}}?)\s+(?=[{cr.BYLINE_MARKS}][^{cr.BYLINE_MARKS}]{{2,40}}$)")


def _marked_byline(text: str) -> bool:
    """A reporter's or correspondent's credit whose every name is one (□记者 王伟 报道), not a photo's (□记者 王伟 摄) nor
    a column's label (★记者手记, ■记者观察): a name is printed apart (□记者 仪博文), or reads as one (□记者王伟)."""
    c = None if re.search(r"[摄攝]\s*$", text) else cr.parse(text)
    return (c is not None and bool(c.reporters or c.correspondents) and not c.photographers
            and all(cr.byline_name(n) or re.search(rf"\s{re.escape(n)}", text) for n in c.names()))


# A photo credit closing a caption, then an item's mark: where a lead printed on the caption's line begins.
_CAPTION_THEN_LEAD = re.compile(rf"(?:摄|攝|供图|供圖)\s*[)）]?\s*(?=[{cr.BYLINE_MARKS}])")


def classify_one(p: Para, opens_item: bool = False) -> Block:
    """The block of one paragraph, by the first kind whose test it passes; `opens_item`: it is the page's first or
    follows a heading, where a byline may open it bare (graph.credits.lead)."""
    text = p.text
    if page := PAGE_CREDIT.match(_BRACKETED.sub(r"\1", text.strip()) if text[:1] in "（(【[" else text):  # in brackets too
        names = re.split(r"[\s、]+", page.group(1).strip())
        return Block(Kind.PAGE_CREDIT, text, p.gap, credits=cr.Credits(reporters=tuple(names)), raw=text)
    ends = bool(_EDITOR_LINE.match(text.strip()))
    c = cr.parse(text)
    if c is not None:
        return Block(Kind.CREDIT, text, p.gap, credits=c, raw=text, ends=ends)
    if furniture_kind(text):
        return Block(Kind.FURNITURE, text, p.gap, credits=in_metadata(text) or None, raw=text, ends=ends)
    rest, lead_credit, was_lead = cr.lead(text, opens_item)
    if was_lead:
        body, tail = cr.trailing(rest)
        return Block(Kind.LEAD, body, p.gap, credits=lead_credit, trailing=tail, raw=text)
    h = heading(text)
    if h is not None:
        return Block(Kind.HEADING, h[0], p.gap, level=h[1], raw=text)
    body, tail = cr.trailing(text)
    return Block(Kind.BODY, body, p.gap, trailing=tail, raw=text)


def is_photo(b: Block) -> bool:
    """A credit for a photograph: `… 摄` at the end, or a photographer's credit."""
    c = b.trailing if b.kind is Kind.BODY else b.credits
    return bool(c and c.photographers) or bool(re.search(r"(?:摄|攝|供图|供圖)\s*[)）]?\s*$", b.raw.strip()))


# A photo's caption of its own: a short paragraph opening with its day (5月9日，…志愿者为老人理发。), not a story's
# paragraph or a picture's note (图为…).
_DATED_CAPTION = re.compile(r"\s*(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|早上|傍晚|晚)?[，,]")
CAPTION_CHARS = 150


def dated_caption(text: str) -> bool:
    """A paragraph that reads as a photo's caption of its own, whoever took the photo: its day first, and short."""
    return len(text) <= CAPTION_CHARS and _DATED_CAPTION.match(text) is not None


_DATE_LINE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def page_date_line(paras: list[Para]) -> dt.date | None:
    """The date an e-paper prints at the top of a page (`2024年11月21日 星期四`, a breadcrumb)."""
    for b in classify(paras[:6]):
        if b.kind is Kind.FURNITURE:
            m = _DATE_LINE.search(b.text)
            if m:
                try:
                    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    return None
    return None


__all__ = [
    "FURNITURE", "MARKS", "Block", "Kind", "classify", "classify_one", "furniture_kind", "heading", "headline_like", "is_photo",
    "page_date_line",
]

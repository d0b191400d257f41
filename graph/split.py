"""Split: a Page's blocks -> Articles (headline, body, credits, section).

The second of the splitter's two steps (graph.blocks classifies each
paragraph once). A small state machine walks the blocks in page order:

    state      what holds                       the blocks that change it
    IDLE       no item yet, no heading waiting  HEADING -> WAITING; LEAD, CREDIT, BODY -> OPEN
    WAITING    headings wait for their item     LEAD, CREDIT, BODY -> OPEN (the headings head it)
    OPEN       an item takes body paragraphs    HEADING: a subhead stays in it, a headline -> WAITING;
                                                CREDIT or a trailing credit -> CLOSED; LEAD -> a new OPEN item
    CLOSED     the item's closing credit came   a photo credit makes the last paragraph a caption item;
                                                BODY, LEAD -> a new OPEN item; HEADING -> WAITING

Headings that no body follows are section labels (`## 中原区`, `【社区动态】`),
an e-paper's headline list, or a headline printed away from its item (it
goes to the headline-less item that shares most words with it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.blocks import MARKS, Block, Kind, classify, dated_caption, is_photo, page_date_line, page_paragraphs
from graph.credits import BYLINE_MARKS, BYLINE_THEN_PHOTO, Credits
from graph.labels import PLACE_COLUMN, column_label, compact, goes_on, is_label, is_section
from graph.lexicon import ABOVE_TOWN_WORDS, TOWN_WORDS, alternation
from graph.model import Article, Page
from graph.normalize import bigrams, headline_like

SUBHEAD_MAX = 15  # a heading inside an open item is a subhead when it is at most this many characters long
MAX_HEADS = 3  # an item's headline is at most this many heading lines (kicker, headline, subtitle)
ITEM_MARKS = "■●◆▲★□◇▼►▶"
# A heading that starts with a place's name: 仓山区上渡街道…, 郑州六区…
_PLACE_LED = re.compile(r"^[\u4e00-\u9fff]{1,8}?" + alternation((*ABOVE_TOWN_WORDS, "街道", "办事处", *TOWN_WORDS, "社区", "村")))


@dataclass
class _Item:
    heads: list[tuple[str, int, int]] = field(default_factory=list)  # (text, level, gap)
    body: list[str] = field(default_factory=list)
    credits: Credits = field(default_factory=Credits)
    lead_credit: bool = False  # credited at its top (a lead or a credit line before the body)
    closed: bool = False  # a closing credit was printed
    going_on: bool = False  # …but the story went on after it (会上，…): the paragraphs that go on with it, then closed
    caption: bool = False  # a photo caption credited on its own (its credit may open the story it shows)
    section: str = ""
    subheads: list[tuple[int, list[tuple[str, int, int]]]] = field(default_factory=list)  # (where in the body, headings)

    def names(self) -> set[str]:
        return {*self.credits.reporters, *self.credits.correspondents, *self.credits.photographers}

    @property
    def level(self) -> int:  # its headline's markdown level (the smallest its heads mark: # 1, ## 2), 0 when none is marked
        return min((h[1] for h in self.heads if h[1]), default=0)


# A clause, its comma, and more of the sentence: what a heading never is.
_DAY_FIRST = re.compile(r"(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日")
_CUT_SENTENCE = re.compile(r"[\u4e00-\u9fff”]{4}[，,][^，,]*[\u4e00-\u9fff]{2}")
_TOLD_DAY = re.compile(r"近日|日前|近期|\d{1,2}日")  # a brief telling its day (not a caption over the story below it)
_GIVEN = re.compile(r"(?:供图|供圖)\s*[)）]?\s*$")  # a picture given by someone (通讯员 X 供图), not taken by the paper


class Splitter:
    """Groups a page's blocks into items; `run` returns them in reading order."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = [b for b in blocks if b.kind is not Kind.FURNITURE or b.credits or b.ends]
        self.items: list[_Item] = []
        self.cur: _Item | None = None
        self.pending: list[tuple[str, int, int, int]] = []  # (text, level, gap, block index)
        self.orphans: list[str] = []
        self.section = ""
        self.page_credit: Credits | None = None
        self.carry = Credits()  # credits read in furniture before the first item
        self.under_label = False  # the last heading was a section label
        self.used_heads: set[str] = set()
        self.ended = False  # an editor's line closed the page's news
        # an e-paper page lists its headlines before its items: a heading printed again later is the list's entry here
        self.last_seen = {compact(b.text): n for n, b in enumerate(self.blocks)}
        # a page compiled by its editor (本版文图由记者 X 整理) prints briefs: each heading heads one
        self.compiled = any(b.kind is Kind.PAGE_CREDIT for b in self.blocks)
        # a place's column over the page (红旗区·社区), the only one printed on it: the section of every item on it
        columns = [(k, c) for k, b in enumerate(self.blocks) if any(d in b.text for d in "·・•") and PLACE_COLUMN.match(c := compact(b.text))]
        self.page_section = columns[0][1] if len(columns) == 1 and columns[0][0] == 0 else ""

    def run(self) -> list[_Item]:
        handlers = {Kind.PAGE_CREDIT: self.on_page_credit, Kind.FURNITURE: self.on_furniture, Kind.CREDIT: self.on_credit,
                    Kind.LEAD: self.on_lead, Kind.HEADING: self.on_heading, Kind.BODY: self.on_body}
        for i, b in enumerate(self.blocks):
            if b.ends and self.cur is not None and self.cur.body:
                self.ended = True  # 编辑：X under a story: what follows are teasers of other pages
            elif self.ended and b.kind in (Kind.LEAD, Kind.CREDIT, Kind.PAGE_CREDIT):
                self.ended = False
            if not self.ended or b.ends:
                handlers[b.kind](i, b)
        self.take_cut_sentence()
        self.flush_pending()
        items = [it for it in self.items if it.body]
        _regroup_headings(items)
        _place_orphans(items, self.orphans)
        if self.page_credit:
            for it in items:
                if not it.names():  # an item signed by no one (an editor's line is no byline)
                    it.credits = it.credits | self.page_credit
        return items

    # ------------------------------------------------------------------ transitions
    def on_page_credit(self, i: int, b: Block) -> None:
        self.page_credit = b.credits

    def on_furniture(self, i: int, b: Block) -> None:
        """Furniture reaches here only with credits (作者：X, 责任编辑：Y) or as an editor's line."""
        if not b.credits:
            return
        if self.cur is not None and self.cur.body and not self.pending:
            self.cur.credits = self.cur.credits | b.credits
        else:  # before the first item, or under the next one's headline (a portal's 作者：X 来源：… under each title)
            self.carry = self.carry | b.credits

    def on_credit(self, i: int, b: Block) -> None:
        assert b.credits is not None
        c, cur = b.credits, self.cur
        before = self.blocks[i - 1] if i else None  # 记者 X at the end of the last paragraph, 通讯员 Y on the next line
        after_credit = before is not None and (before.kind is Kind.CREDIT or bool(before.trailing) and self.next_kind(i) not in (Kind.BODY, Kind.LEAD))
        if cur is not None and not self.pending and (after_credit or not cur.body):
            cur.credits = cur.credits | c  # a credit printed over two lines, or at the top
            if after_credit and cur.body:
                cur.closed = self.next_kind(i) is not Kind.BODY
            return
        if cur is not None and not self.pending and cur.body and c.editors and not _names(c):
            cur.credits = cur.credits | c  # 编辑 X under an item, closed or not (a caption's): its editor, no new item
            return
        if cur is not None and not self.pending and cur.caption and set(_names(c)) & cur.names():
            # a photo printed above the story it shows, credited to the story's reporter
            cur.credits, cur.closed, cur.caption, cur.lead_credit = cur.credits | c, False, False, True
            return
        if self.pending or cur is None or cur.closed and not is_photo(b):
            self.take_label()
            cur = self.start()
            cur.credits = cur.credits | c
            cur.lead_credit = bool(_names(c))  # an editor's line is no byline
            return
        # (a picture given, 通讯员 X 供图, takes only a caption of its own: not the story's last paragraph or its 图为)
        if cur.lead_credit and is_photo(b) and (len(cur.body) > 1 and self.own_caption(cur.body[-1], i) or not set(_names(c)) <= cur.names() and (c.photographers or not _GIVEN.search(b.raw))):
            # `本报记者 X 摄` under an item credited at its top: the last paragraph is a caption item (X's own, of a day),
            # unless it is the lead, the item's only one: then X took the item's picture
            if len(cur.body) > 1:
                self.caption_item(cur.body.pop(), c)
            else:
                cur.credits = cur.credits | _as_photographers(c)
            return
        if cur.lead_credit and len(cur.subheads) == 1 and cur.subheads[0][0] < len(cur.body) and c.reporters and not set(_names(c)) <= cur.names() and self.next_kind(i) is not Kind.BODY:
            # 本报讯（记者 X）…, a short headline read as a subhead, its story, and another byline: that story is an item
            k, heads = cur.subheads[-1]
            self.items.append(_Item(heads=heads, body=cur.body[k + len(heads) :], credits=c, closed=True, section=cur.section))
            del cur.body[k:]
            self.cur = self.items[-1]
            return
        cur.credits = cur.credits | c
        # a byline printed after the first paragraphs (the body goes on) does not end the item, unless what follows is
        # a photo's caption credited to someone else (记者 X, a paragraph, `本报记者 Y 摄`) or of a day of its own (3月3日，…)
        shot = self.caption_credit(i + 1)
        caption = shot is not None and (not set(_names(shot)) <= cur.names() or dated_caption(self.blocks[i + 1].text))
        marked = i + 1 < len(self.blocks) and self.blocks[i + 1].text.lstrip()[:1] in BYLINE_MARKS  # ● a brief of its own follows
        cur.closed = self.next_kind(i) is not Kind.BODY or caption or marked

    def on_lead(self, i: int, b: Block) -> None:
        cur, again = self.cur, b.raw.lstrip().startswith(("又讯", "另讯"))  # (又讯 under a brief telling its day: the next)
        captioned = cur is not None and not cur.lead_credit and sum(map(len, cur.body)) < 40 and not (again and (cur.heads or any(map(_TOLD_DAY.search, cur.body))))
        if cur is None or self.pending or cur.body and not captioned:
            self.take_label()
            cur = self.start()
        elif captioned:
            cur.closed = cur.caption = False  # the photo's caption above the story
        if b.credits:
            cur.credits = cur.credits.restated(b.credits)
            cur.lead_credit = True
        self.add_body(cur, b)

    def on_heading(self, i: int, b: Block) -> None:
        key = compact(b.text)
        if key in self.used_heads and self.last_seen.get(key, -1) == i:
            return  # a headline printed again inside its item
        self.pending.append((b.text, b.level, b.gap, i))
        if self.next_kind(i) is Kind.BODY and all(is_label(x) for x, *_ in self.pending) and self.caption_credit(i + 1) is not None:
            self.flush_pending()  # a section label over a photo caption: the caption is an item
            self.under_label = True

    def on_body(self, i: int, b: Block) -> None:
        after_label, self.under_label = self.under_label, False
        cur = self.cur
        if self.pending and cur is not None and not cur.closed and cur.body and not self.compiled:
            if all(self.subhead(h, lv, k, cur) for h, lv, _, k in self.pending):
                cur.subheads.append((len(cur.body), [h[:3] for h in self.pending]))
                cur.body.extend(h for h, *_ in self.pending)  # subheads of a feature
                self.pending = []
        if self.pending and cur is not None and not cur.body and cur.lead_credit and (cur.heads or len(self.items) == 1):
            if cur.heads:
                cur.body.extend(h for h, *_ in self.pending)  # headline, credit line, then kickers
            else:  # 记者 X 通讯员 Y over the page's first headline: that item's byline
                self.head(cur, self.pending)
            self.pending = []
        if self.pending:
            self.take_label()
            # a short heading right over a body (no blank line) is its headline unless it reads as a column or a
            # unit (幸福食堂 | 9月10日中午，…; not 社区新闻, 金水区)
            if len(self.pending) == 1 and is_label(self.pending[0][0]) and (b.gap > 0 or is_section(self.pending[0][0])):
                self.section = self.pending[0][0].strip(MARKS + " ")
                self.pending = []
                after_label = True  # a body right under a section label is an item of its own
        new = bool(self.pending) or cur is None or cur.closed or after_label
        tail = b.trailing
        if new and not self.pending and cur is not None and b.text.startswith("图为") and tail and is_photo(b):
            cur.body.append(b.text)  # 图为…。 X 摄 under an item its byline closed: its picture, by its photographer
            cur.credits = cur.credits | _as_photographers(tail)
            return
        if not new and cur is not None and tail and self.same_photographer(b, cur, i):
            cur.body.append(b.text)  # a web item's next picture, by the photographer of its last, the story going on below
            return
        if not new and cur is not None and tail and (not set(_names(tail)) <= cur.names() or cur.body and is_photo(b) and self.own_caption(b.text, i)):
            if cur.lead_credit:  # a caption or brief credited on its own under an item credited at its top
                self.caption_item(b.text, tail)
                return
            if is_photo(b):  # a photograph in a web page's item: its photographer
                cur.credits = cur.credits | _as_photographers(tail)
                cur.body.append(b.text)
                return
        if new:
            cur = self.start()
        assert cur is not None
        if new and tail and cur.heads and not cur.body and is_photo(b) and self.next_kind(i) is Kind.BODY:
            cur.body.append(b.text)  # a web item's picture under its headline, by its photographer, the story below it
            cur.credits = cur.credits | _as_photographers(tail)
            return
        self.add_body(cur, b, not (n := self.blocks[i + 1]).trailing and goes_on(n.text) if self.next_kind(i) is Kind.BODY else None)

    # ------------------------------------------------------------------ helpers
    def start(self) -> _Item:
        item = _Item(section=self.section)
        # the last headings before the item head it (a list of the page's headlines does not)
        heads = self.pending
        if len(heads) > 1:  # a list of the page's headlines: each is printed again over its item
            heads = [h for h in heads if self.last_seen.get(compact(h[0]), -1) <= h[3]]
        self.head(item, heads)
        if self.carry:
            item.credits, self.carry = self.carry, Credits()
        self.pending = []
        self.section = self.page_section  # a section label names the item printed under it
        self.items.append(item)
        self.cur = item
        return item

    def head(self, item: _Item, heads: list) -> None:
        """`heads` (pending headings) head `item`: its last MAX_HEADS, each then used."""
        item.heads = [h[:3] for h in heads][-MAX_HEADS:]
        self.used_heads.update(compact(h[0]) for h in item.heads)

    def add_body(self, item: _Item, b: Block, going_on: bool | None = False) -> None:  # going_on: None when no body is next
        if b.text:
            item.body.append(b.text)
        if b.trailing:
            item.credits = item.credits | b.trailing
            photo = is_photo(b)
            item.closed = item.closed or not going_on and (not photo or not item.lead_credit)  # (not …。（记者 X）| 会上，…)
            item.caption = photo and len(item.body) == 1
        elif item.going_on and going_on is False:
            item.closed = True  # the last paragraph that went on with it, a paragraph of its own next (not a subhead)
        item.going_on = bool(going_on) and (item.going_on or bool(b.trailing))

    def same_photographer(self, b: Block, cur: _Item, i: int) -> bool:
        """A picture's caption (block `i`) in an item credited at no top, by a photographer it credits already, with the
        story's paragraphs going on after it: the item's, not its end."""
        names = set(_names(b.trailing)) if b.trailing else set()
        return bool(names) and not cur.lead_credit and bool(cur.body) and is_photo(b) \
            and names <= set(cur.credits.photographers) and self.next_kind(i) is Kind.BODY

    def own_caption(self, text: str, i: int) -> bool:
        """A paragraph of a day of its own that closes its item (block `i` the credit): a photo's caption whoever took it."""
        return dated_caption(text) and self.next_kind(i) is not Kind.BODY

    def caption_item(self, text: str, c: Credits) -> None:
        self.cur = _Item(section=self.section, body=[text], credits=c, closed=True, caption=True)
        self.items.append(self.cur)

    def subhead(self, text: str, level: int, i: int, cur: _Item) -> bool:
        """A heading inside an open item that heads a part of it, not a new item."""
        if level and cur.level:
            return level > cur.level
        raw = self.blocks[i].raw.strip()
        if level or raw[:1] in ITEM_MARKS:
            return False  # a marked heading (■ …) heads an item of an e-paper page
        key = compact(text)
        dated_next = i + 1 < len(self.blocks) and self.blocks[i + 1].kind is Kind.BODY and _DAY_FIRST.match(self.blocks[i + 1].text)
        if raw[:1] == "【" or is_label(key) or key.endswith("现场") and not dated_next:
            return True  # 【中原区】, 古城保护, 金星社区, a photo's 逐村观摩活动现场 inside an item (not over a dated story)
        if _PLACE_LED.match(key):
            return False  # 仓山区上渡街道举办消防演练: a unit's news, an item of its own
        if dated_next:
            # an item that told its day, a heading, then 6月20日，…: a story of its own under its headline (not a feature's part)
            return not any(_DAY_FIRST.search(p) for p in cur.body)
        han = len(re.findall(r"[\u4e00-\u9fff]", key))
        return han <= SUBHEAD_MAX or (cur.lead_credit and not headline_like(text))

    def next_kind(self, i: int) -> Kind | None:
        return self.blocks[i + 1].kind if i + 1 < len(self.blocks) else None

    def take_label(self) -> None:
        """A first heading that is a section label, before a headline, sets the section; a label
        between headings parts what came before it (another item's teaser) from this item's headline."""
        inner = next((k for k in range(len(self.pending) - 2, 0, -1) if is_section(self.pending[k][0])), None)
        if inner == 1 and self.pending[0][1] and not self.pending[1][1] and self.pending[1][2] and is_section(self.pending[0][0]) and not column_label(self.pending[1][0]):
            inner = None  # ## 高新区 | (a blank line) 石佛办事处 | 供暖…: the page's marked section, then a headline's two lines (not 社区动态)
        if inner is not None:
            self.orphans.append(" ".join(h.strip(MARKS + " ") for h, *_ in self.pending[:inner]))
            self.section = self.pending[inner][0].strip(MARKS + " ")
            self.pending = self.pending[inner + 1 :]
        if len(self.pending) > 1 and is_label(self.pending[0][0]):
            (h0, lv0, _, _), (_, lv1, gap1, _) = self.pending[0], self.pending[1]
            # …set apart by a blank line or its level, or printed as a label: 【街道动态】, 社区新闻 (not 金水区: a headline's first line?)
            if gap1 > 0 or (lv0 and lv1 and lv0 < lv1) or h0.lstrip()[:1] == "【" or column_label(h0):
                self.section, self.pending = h0.strip(MARKS + " "), self.pending[1:]

    def take_cut_sentence(self) -> None:
        """The page's last line, cut off mid-sentence (…申请低保，帮下岗人员找工): the open item's last
        line, or, under a section label (【观察】), an item of its own."""
        if not self.pending:
            return
        text = self.pending[-1][0]
        if not _CUT_SENTENCE.search(text) or headline_like(text):
            return
        labels = self.pending[:-1]
        if not labels and self.cur is not None and self.cur.body and not self.cur.closed:
            self.cur.body.append(text)
            self.pending = []
        elif labels and all(is_label(h) for h, *_ in labels):
            self.section, self.pending = labels[-1][0].strip(MARKS + " "), []
            self.start().body.append(text)

    def flush_pending(self) -> None:
        """Headings no body followed: section labels, or one headline printed apart from its item."""
        words: list[str] = []
        for h, *_ in self.pending:
            if is_label(h) and not words and len(self.pending) == 1:
                self.section = h.strip(MARKS + " ")
            else:
                words.append(h.strip(MARKS + " "))
        if words:
            self.orphans.append(" ".join(words))
        self.pending = []

    def caption_credit(self, i: int) -> Credits | None:
        """The `摄` credit the block at i ends with or is followed by, if any: the block is a photo's caption."""
        if i >= len(self.blocks):
            return None
        b = self.blocks[i]
        if b.trailing and is_photo(b):
            return b.trailing
        after = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        if after is None or after.kind is not Kind.CREDIT or not is_photo(after) or BYLINE_THEN_PHOTO.match(after.raw):
            return None  # （通讯员 X 记者 Y）Z 摄: the item's byline with its photo's credit, no caption's
        return after.credits


def _names(c: Credits) -> list[str]:
    return [*c.reporters, *c.correspondents, *c.photographers]


def _as_photographers(c: Credits) -> Credits:
    """A picture's credit (记者 X 摄): its photographers, or everyone it names when it names none as such; one naming
    a photographer and writers apart (X/图 Y/文, 通讯员 Y 文 X 摄) credits the item's writers too."""
    return c if c.photographers and (c.reporters or c.correspondents) else Credits(photographers=c.photographers or tuple(_names(c)))


def split_page(page: Page, words: frozenset[str] | None = None) -> list[Article]:
    """Split one page into its articles, in reading order, with stable ids."""
    paras = page_paragraphs(page.text, words)
    page_date = page.date or page_date_line(paras)
    items = Splitter(classify(paras)).run()
    stem = article_stem(page.name)
    out: list[Article] = []
    for n, it in enumerate(items, start=1):
        c = it.credits.settled()
        out.append(
            Article(
                id=f"{stem}-{n:02d}",
                source_file=page.name,
                headline=" ".join(h.strip(MARKS + " ") for h, *_ in it.heads).strip(),
                body="\n".join(it.body),
                reporters=c.reporters,
                correspondents=c.correspondents,
                photographers=c.photographers,
                editors=c.editors,
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


def _share(words: str, text: str) -> float:
    """The share of `words`' character bigrams that `text` (its first 600 characters) holds."""
    wb = bigrams(words)
    return len(wb & bigrams(text[:600])) / max(1, len(wb))


def _regroup_headings(items: list[_Item]) -> None:
    """Move a heading group printed after its item back to it.

    Wrapped pages sometimes print an item's headline below its credit line,
    just before the next item's own headline: the earlier group goes to the
    headline-less item before it when it shares its words.
    """
    for i, it in enumerate(items):
        if i == 0 or len(it.heads) < 2 or items[i - 1].heads:
            continue
        prev = items[i - 1]
        cut = next((k for k in range(1, len(it.heads)) if it.heads[k][2] > 0), None)
        if cut is None:
            continue
        group = " ".join(h for h, *_ in it.heads[:cut])
        theirs, mine = _share(group, " ".join(prev.body)), _share(group, " ".join(it.body))
        if theirs >= 0.3 and theirs > mine:
            prev.heads = it.heads[:cut]
            it.heads = it.heads[cut:]


def _place_orphans(items: list[_Item], orphans: list[str]) -> None:
    """Give each orphan heading to the headline-less item it shares most words with."""
    for h in orphans:
        scored = [(_share(h, " ".join(it.body)), n) for n, it in enumerate(items) if not it.heads]
        if scored:
            score, n = max(scored, key=lambda x: (x[0], -x[1]))
            if score >= 0.3:
                items[n].heads = [(h, 0, 0)]


__all__ = ["SUBHEAD_MAX", "Splitter", "article_stem", "is_label", "page_date_line", "split_page"]

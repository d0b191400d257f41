"""Credits: the bylines of a news item -> who reported, corresponded, photographed and edited it.

Papers print credits in many shapes; all of them are read by one small
grammar over one tokenizer:

    记者 鲁燕 通讯员 崔晨亮 杨雪丽 文/图       a credit line
    本报讯（记者 王菁）…  新华社重庆9月28日电（刘博伟）…   a lead's parenthesis
    …环境。记者 张改华      …居民。（李雅婷 王强）   a credit at the end of a paragraph
    作者：覃雄 陈仁义 编辑：梁梁 来源：…           a portal's metadata line
    文/本报记者 李晓平 图/本报记者 姚凡   □本报记者张鹏程申红   特约摄影董 超

A credit is a sequence of role words (记者, 通讯员, 摄影记者, 采访人员, 作者, 责任编辑…), outlets before them
(本报, 沈阳日报、沈阳网, 河南报业全媒体), names, and marks (文/图, 摄, 报道). Names printed without a space between
them are cut at surnames (张鹏程申红 -> 张鹏程, 申红); a two-character name printed with a space inside (董 超) is joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from graph.extract.wordbreak import dictionary_words
from graph.gazetteer import a_city_or_county
from graph.lexicon import (
    LABEL_COLON,
    NOT_NEWS_TOLD,
    OUTLET_ENDS,
    ROLE_WORDS,
    alternation,
    looks_like_name,
    split_names,
)
from graph.normalize import fold

HAN = "\u4e00-\u9fff"
_ROLE = {w.removesuffix(LABEL_COLON): role for w, role in ROLE_WORDS}
# Words before a role word that are no names: ranks; a community edition's (社区记者) and a party committee's team
# (县委报道组) where they begin a word, not a unit's name's end (柳岸社区记者, 金海区委通讯员); and outlets (below)
_RANKS = rf"(?:全媒体|融媒体|首席|资深|特约|见习|实习|(?<![{HAN}])(?:社区|[省市县区]委))"
_EDGE_MARKS = "□■●◆▲★◇▼►▶ \u3000"  # the marks printed at a credit line's edges (★【记者 手记】)
# An outlet before a role word: a lead's (lexicon.OUTLET_ENDS) but 港, which ends names (记者 陈港), or one only a credit
# follows (本报, 报业, 视频, 云•; 在线, which opens sentences too: a lead takes …在线 only before its bracket, _NAMED_LEAD)
_OUTLET = rf"[{HAN}]{{0,10}}?(?:本报|本刊|报业|视频|在线|香港|云(?=[·•・])|{alternation(e for e in OUTLET_ENDS if e != '港')})"
_OUTLETS = re.compile(  # 青河新闻·宁江晚报记者; a brand joined to the paper's name (新青河-宁江日报记者, 宁江日报社·最宁江记者)
    rf"(?:[{HAN}]{{2,8}}[\-—·•・])?(?:(?:{_OUTLET}|[A-Z]{{2,6}})[、\s\-—·•・]*)+(?:(?<=[\-—·•・])[{HAN}]{{2,6}}?)?(?={_RANKS}*(?:{'|'.join(w for w, _ in ROLE_WORDS)}))"
)
_ROLE_RE = re.compile(rf"{_RANKS}*({'|'.join(w for w, _ in ROLE_WORDS)})\s*(?:[:：]\s*)?")
# 文/图 glued to the role word after it (■文/图记者 X): the mark, before the setter 文/ can take it
_MARK_BEFORE_ROLE = re.compile(rf"(文\s*/\s*[图摄]|[图摄]\s*/\s*文)(?={_RANKS}*(?:{'|'.join(w for w, _ in ROLE_WORDS)}))")
# Marks printed after names with no role word before them: they wrote it (张三/文, 张三 文/图) or took its pictures (李四/图)
_WRITERS_MARKS = frozenset({"文", "文/图", "图/文", "文图", "图文", "文/摄", "摄/文"})
_PICTURE_MARKS = frozenset({"摄", "摄影", "图"})
_SETTER = re.compile(r"(文|图|摄影|摄)\s*/\s*")  # marks: 文/ and 图/ set the role of what follows; the others (_MARK) end a credit
_MARK = re.compile(
    r"(文\s*/\s*[图摄]|[图摄]\s*/\s*文|文图|图文|摄影报道|综合报道|联合报道|整理报道|采写报道|报道|整理|采写|供图|"
    r"(?:受访者|受访单位|采访对象)(?:提供|供图)|资料图片?|网络图片|"  # 图/受访者提供: a picture no one of the paper took
    r"文|图|摄)(?=$|[\s/、，,；;）):：])"
)
_PICTURES_AFTER = re.compile(r"\s*/\s*[图摄]")  # the rest of 文/图, 文/摄 after a 文 glued to a name
_SEP = re.compile(r"[\s、，,／/;；·•|:：]+")  # 文/图：记者 X: a colon after a mark too
_NAME = re.compile(rf"[{HAN}·]+")
_ROLE_WORD = re.compile("|".join(w for w, _ in ROLE_WORDS))
# A credit's characters (Han, separators, a role word's colon, marks' slashes, outlets' dashes): no other makes one.
_CREDIT_CHARS = re.compile(rf"(?:[{HAN}·\s、，,／/;；•|:：\-—]|[A-Z]{{2,6}}(?=[{HAN}]))*")  # YMG全媒体记者: an outlet's initials
_GLUED_END = re.compile(r"(?:摄影报道|报道|整理|采写|供图|摄)$")  # endings glued to the last name: 程刚摄, 李晨翀报道
_AUTHOR, _UNIT_OR_PICTURE_ENDS = frozenset(("作者", "原作者")), tuple("办局站科所委部院馆图")  # 史志办 通讯员 X, 左图 …: no names
_BODY_RUN = re.compile(r"[\u4e00-\u9fff]{3,}(?:办|局|委|中心|部|队|站)$")
# A unit printed between a role word and the names it credits (通讯员：柳岸街道 周星宇).
_UNIT_OF_NAME = re.compile(rf"[{HAN}]{{2,10}}(?:街道办事处|街道|社区|镇|乡)")
_NOT_NAME_ENDS = ("镇", "乡", "村", "县", "区", "市", "街道", "社区", "标题")  # a place's end, or a label's (原标题：)


@dataclass(frozen=True, slots=True)
class Credits:
    """The people an item credits, by role, in printed order."""

    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    editors: tuple[tuple[str, str], ...] = ()  # (name, title as printed: 编辑, 责任编辑…)

    def __bool__(self) -> bool:
        return bool(self.reporters or self.correspondents or self.photographers or self.editors)

    def names(self) -> tuple[str, ...]:  # everyone credited, role by role (an editor by name, without the title)
        return (*self.reporters, *self.correspondents, *self.photographers, *(n for n, _ in self.editors))

    def __or__(self, other: Credits) -> Credits:
        """Both, each role's names in printed order, this one's first."""
        roles = ((getattr(self, f.name), getattr(other, f.name)) for f in fields(self))
        return Credits(*(a + tuple(x for x in b if x not in a) for a, b in roles))

    def restated(self, other: Credits) -> Credits:
        """Both; a name `other` gives a role of its own (a lead's 通讯员 X after a portal's 作者：X Y) takes that role."""
        named = {*other.reporters, *other.correspondents, *other.photographers}
        r, c, p = (tuple(n for n in role if n not in named) for role in (self.reporters, self.correspondents, self.photographers))
        return Credits(r, c, p, self.editors) | other

    def settled(self) -> Credits:
        """Each person credited once: a reporter is not also a correspondent or photographer."""
        corr = tuple(n for n in self.correspondents if n not in self.reporters)
        seen = {*self.reporters, *corr}
        return Credits(self.reporters, corr, tuple(n for n in self.photographers if n not in seen), self.editors)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # role | setter | mark | name
    value: str
    label: bool = False  # a role word printed with a colon after it (作者：): a field's label


def _tokens(s: str) -> list[_Token] | None:
    """Tokens of a credit, or None when something in `s` is not part of a credit."""
    if not _CREDIT_CHARS.fullmatch(s):
        return None  # a character none of a credit's tokens is made of (。, a digit, a quote): no credit, read no further
    return _read_tokens(_OUTLETS.sub(" ", s) if _ROLE_WORD.search(s) else s)  # outlets are cut only before a role word


def _read_tokens(s: str) -> list[_Token] | None:
    """`_tokens` of a text whose outlets are cut, read token by token."""
    out: list[_Token] = []
    pos = 0
    while pos < len(s):
        m = _SEP.match(s, pos)
        if m:
            pos = m.end()
            continue
        m = _MARK_BEFORE_ROLE.match(s, pos) or _MARK.match(s, pos)
        setter = _SETTER.match(s, pos)
        if setter and (not m or m.end() <= setter.end()):
            out.append(_Token("setter", setter.group(1)))  # 文/本报记者 李晓平 图/…
            pos = setter.end()
            continue
        if m:
            out.append(_Token("mark", re.sub(r"\s", "", m.group(1))))
            pos = m.end()
            continue
        m = _ROLE_RE.match(s, pos)
        if m:
            out.append(_Token("role", m.group(1), ":" in m.group(0) or "：" in m.group(0)))
            pos = m.end()
            continue
        m = _NAME.match(s, pos)
        if not m:
            return None
        run = m.group(0)
        if len(run) >= 3 and run.endswith("文") and _PICTURES_AFTER.match(s, m.end()):
            out.append(_Token("name", run[:-1]))  # 记者刘小清文/摄: the mark's 文 glued to the name
            pos = m.end() - 1
            continue
        glued = _GLUED_END.search(run)
        if glued and len(run) - len(glued.group(0)) >= 2 - any(t.kind == "name" and len(t.value) == 1 for t in out[-1:]):  # 高 山摄
            out.append(_Token("name", run[: glued.start()]))
            out.append(_Token("mark", glued.group(0)))
        else:
            # a role word glued after a name: 记者鲁燕通讯员韩璐璐
            inner = _ROLE_RE.search(run, 1)
            if inner:
                out.append(_Token("name", run[: inner.start()]))
                pos = m.start() + inner.start()
                continue
            out.append(_Token("name", run))
        pos = m.end()
    return _without_dateline(_join_spaced(out))


def _without_dateline(tokens: list[_Token]) -> list[_Token]:
    """记者 李明华 郑州报道, 记者李明华郑州报道: the city a report was filed from is no name."""
    for i in range(1, len(tokens) - 1):
        t = tokens[i]
        if t.kind != "name" or tokens[i + 1] != _Token("mark", "报道"):
            continue
        if tokens[i - 1].kind == "name" and a_city_or_county(t.value):
            return tokens[:i] + tokens[i + 1 :]
        for cut in (2, 3):  # the place glued to the name before it
            if len(t.value) - cut >= 2 and a_city_or_county(t.value[-cut:]) and split_names(t.value[:-cut]):
                return [*tokens[:i], _Token("name", t.value[:-cut]), *tokens[i + 1 :]]
    return tokens


def _join_spaced(tokens: list[_Token]) -> list[_Token]:
    """董 超 -> 董超: single characters printed apart are one two-character name."""
    out: list[_Token] = []
    for t in tokens:
        if t.kind == "name" and len(t.value) == 1 and out and out[-1].kind == "name" and len(out[-1].value) == 1:
            out[-1] = _Token("name", out[-1].value + t.value)
        else:
            out.append(t)
    return out


# What a credit not bare holds: a role word, or a mark that gives names their role (文, 图, 摄, the words they begin)
_CREDIT_KEY = re.compile("|".join(w for w, _ in ROLE_WORDS) + "|[文图摄]")
BYLINE_THEN_PHOTO = re.compile(r"^\s*([（(][^（）()]{2,40}[）)])\s*([^（）()\s][^（）()]{0,20}?\s*摄)\s*$")  # （通讯员 X）Y 摄


def parse(text: str, bare: bool = False) -> Credits | None:
    """The credits of `text` when it is nothing but a credit, else None.

    `bare` accepts names with no role word (`（李雅婷 王强）` in a lead or at the end of an item): they are reporters.

    >>> parse("记者 鲁燕 通讯员 崔晨亮 杨雪丽 文/图")
    Credits(reporters=('鲁燕',), correspondents=('崔晨亮', '杨雪丽'), photographers=(), editors=())
    """
    if not bare and _CREDIT_KEY.search(text) is None:
        return None  # most lines of a page: without a role word or a mark no reading can give a credit
    if (both := BYLINE_THEN_PHOTO.match(text)) is not None:  # （通讯员 欧阳雪 记者 孙立新）谢鹏 摄: the item's, then its photo's
        byline, photo = parse(both.group(1), bare), parse(both.group(2))
        return byline | photo if byline and photo else None
    tokens = _tokens(s) if (s := _credit_text(text)) else None
    if not tokens or not any(t.kind == "name" for t in tokens):
        return None
    reader = _Reader(strict=text.strip().strip(_EDGE_MARKS)[:1] == "【")
    for i, t in enumerate(tokens):
        if not reader.feed(t, tokens[i - 1] if i else None, first=i == 0):
            return None
    return reader.credits(bare)


def _credit_text(text: str) -> str | None:
    """A credit's text without its marks and parentheses, or None when it is too long to be one."""
    # stripped before it is folded (folding maps only U+3000 to a space): a paragraph too long is not folded whole
    s = text.strip().strip(_EDGE_MARKS)
    if len(s) > 80 and not (s[:1] in "(（" and s[-1:] in ")）"):
        return None
    s = fold(s)
    if s[:1] + s[-1:] == "()" or s[:1] + s[-1:] == "【】" and _CREDIT_KEY.search(s) and " " in s.strip("【】 "):
        s = s[1:-1].strip()  # (南报记者 孙强), 【编辑 周明】 (not a section's label: 【金水区】, 【记者观察】)
        if (m := _CAPTION_CREDIT.search(s)) and m.start(1) > 0:
            s = m.group(1)  # (图为慰问现场 记者 林一鸣 摄): a caption's credit
    return s if s and len(s) <= 80 else None


class _Reader:
    """Reads a credit's tokens in order: each role word gives the names after it their role."""

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict  # in 【】: names by known surnames only (【记者 手记】: a column's label, no credit)
        self.unit_seen = False  # a body's name read among the names
        self.roles: dict[str, list] = {"reporter": [], "correspondent": [], "photographer": [], "editor": [], "other": []}
        self.role: str | None = None
        self.title, self.saw_role = "", False
        self.setter: str | None = None  # 文/ or 图/: the role of the next names, whatever role word follows
        self.loose: list[str] = []  # names before any role word
        self.first_role: _Token | None = None  # the first role word (or 文/, 图/)

    def feed(self, t: _Token, prev: _Token | None, first: bool) -> bool:
        """Take one token; False when it cannot be part of a credit."""
        if t.kind == "role":
            self.saw_role, self.first_role = True, self.first_role or t
            if not (prev is not None and prev.kind == "role" and not (prev.label and t.label) and prev.value not in _AUTHOR) or self.role is None:
                # 摄影 记者, 摄影：本报记者: the first of stacked words decides; not a label left empty (作者: 编辑:张城), nor
                # the author's field before the roles it holds (作者：本报通讯员 X 记者 Y)
                self.role, self.title = _ROLE[t.value], t.value
            if self.setter:
                self.role = self.setter  # 图/本报记者 X: the mark before the role word decides
        elif t.kind == "setter":
            self.setter = self.role = "photographer" if t.value in ("图", "摄影", "摄") else "reporter"
            self.saw_role, self.first_role = True, self.first_role or t
        elif t.kind == "mark":
            if self.role is None and self.loose and (t.value in _PICTURE_MARKS or t.value in _WRITERS_MARKS):
                self.roles["photographer" if t.value in _PICTURE_MARKS else "reporter"].extend(self.loose)
                self.loose, self.saw_role = [], True  # 张三/文 李四/图, 张三 李四 文/图: the mark is their role word
            elif t.value in ("文/图", "图/文", "文图", "图文") and first:
                self.role, self.saw_role = "reporter", True  # 文/图 张三: the one who wrote it and took the pictures
            elif t.value == "文" and prev is not None and prev.kind == "name":
                self.role = None  # 通讯员 罗佳 文 张帆 摄: 文 ends the writers; the names after it wait for their mark
        elif prev is not None and prev.kind == "role" and _UNIT_OF_NAME.fullmatch(t.value):
            return True  # 通讯员：柳岸街道 周星宇: the correspondent's unit, then the name
        else:
            return self.names(t.value)
        return True

    def names(self, run: str) -> bool:
        self.setter = None  # 文/ and 图/ reach as far as the first name after them
        if _BODY_RUN.search(run):  # 责编:苏州文明办, 通讯员 金海县文明办 王强: a body's name, no names (the credit goes on)
            # after a reporter's name, its people sent it (记者 刘洋 金海县文明办 王强); not the reporter's own (记者 金海区融媒体中心 刘洋)
            self.unit_seen, self.role = True, "correspondent" if self.role == "reporter" and self.roles["reporter"] else self.role
            return True
        names = split_names(run)
        if names is None and self.role is not None and 2 <= len(run) <= 3:
            if self.strict:  # in 【】 passed over: an unlisted surname's name (郇杰), a label (直击), an unlisted role
                self.role = "other" if run in dictionary_words() else self.role  # word (视频), its names no one's
                return True
            # after a role word a short run is a name, known surname or not (海宣), but no word (…举办摄影大赛: no credit)
            names = None if run in dictionary_words() else [run]
        if not names or any(len(n.replace("·", "")) > 4 and "·" not in n for n in names):
            return False
        for n in names:
            if self.role is None:
                self.loose.append(n)
            elif self.role == "editor":
                self.roles["editor"].append((n, self.title))
            elif n not in self.roles[self.role]:
                self.roles[self.role].append(n)
        return True

    def credits(self, bare: bool) -> Credits | None:
        if self.loose:  # 李红 张芳 记者 王强: a brief's credit, its 通讯员 unprinted (not 作者：, 来源 记者 X, nor in 【】)
            f, people = self.first_role, all(byline_name(n, loose=True) for n in self.loose)
            after = f.value if f is not None and not (f.label or self.strict) and people else ""
            unprinted = after in ("记者", "见习记者", "实习记者")  # …and 冼敏 通讯员 王强: the paper's own writer, unprinted
            staff = after in ("通讯员", "特约通讯员") and not any(n.endswith(_UNIT_OR_PICTURE_ENDS) for n in self.loose)
            if not (unprinted or staff) and (not bare or self.saw_role):
                return None
            # (王丹): the item's writers; (南宁市台办 黄萍萍、欧宏霞): a body's people who sent it, its correspondents
            self.roles["correspondent" if self.unit_seen or unprinted else "reporter"].extend(self.loose)
        if not self.saw_role and not bare and not self.roles["photographer"]:
            return None
        c = Credits(*(tuple(self.roles[k]) for k in ("reporter", "correspondent", "photographer", "editor")))
        return c.settled() if c else None


_CAPTION_CREDIT = re.compile(rf"(?:^|\s)((?:{_OUTLET})?(?:记者|通讯员)\s*.+摄)$")
_PAREN_TAIL = re.compile(r"[(（]([^()（）]{2,60})(?:[)）]|$)\s*$")
_SENTENCE_END = re.compile(r"[。！？!?”」』）)…]\s*")


def trailing(text: str) -> tuple[str, Credits | None]:
    """Split a credit printed at the end of a paragraph: `…环境。记者 张改华`, `…参赛。（李娜 王强）`."""
    m = _PAREN_TAIL.search(text)
    if m and m.start() > 0:
        c = parse(m.group(1), bare=True)
        if c:
            return text[: m.start()].rstrip(), c
    for m in _SENTENCE_END.finditer(text):  # (the tail cut only when short: a paragraph of megabytes is no copy each)
        if 0 < len(text) - m.end() <= 60 and (c := parse(text[m.end() :])):
            return text[: m.end()].rstrip(), c
    return text, None


# Leads: 本报讯, 又讯 and 另讯 (another item of the same source), 映象网讯, 新华社重庆9月28日电, 中广网乌鲁木齐5月17日消息, 长江日报-长江网1月31日讯, 青河网(青河日报网)2023年3月14日讯,
# 金海网5月3日柳岸讯（记者 X） (the city after the day, before a credit's bracket);
# an outlet of any name when the day and 讯 or 电 are printed with a credit's bracket after them (宁江在线3月2日讯（记者 X）);
# not a word's 讯 (资讯, 通讯: 居民网上查看资讯，…) but before a space or a bracket (本报南通讯 记者 X).
_DAY = r"\d{1,2}月\d{1,2}日"
LEAD = re.compile(
    rf"^(?:本报讯|本刊讯|[又另]讯(?!问)[，,]?|[{HAN}A-Za-z\-—·•・]{{1,16}}?{alternation(OUTLET_ENDS)}"
    rf"(?:[(（][{HAN}]{{2,12}}[)）])?(?:[{HAN}]{{0,6}}(?:\d{{4}}年)?{_DAY}电|{NOT_NEWS_TOLD}[{HAN}]{{0,6}}(?:(?:\d{{4}}年)?{_DAY})?(?:(?<![资通音])讯|讯(?=[ \u3000]|\s*[(（])|消息(?!后))"
    rf"|(?:\d{{4}}年)?{_DAY}{NOT_NEWS_TOLD}[{HAN}]{{1,6}}?(?:讯|消息)(?=\s*[(（]|\s))"
    rf"|[{HAN}A-Za-z\-—·•・]{{2,16}}?(?:\d{{4}}年)?{_DAY}[讯电](?=\s*[(（]))\s*"
    r"(?:[(（]([^()（）]{2,60})[)）])?[\s:：]*"  # a colon after it is the lead's (本报讯：近日…)
)
# …and any outlet's 讯, 消息 or 报道, no day printed, before a bracket that credits a 记者 or 通讯员 and ends the clause
# (宁江在线消息（记者 X）, 宁江日报报道（记者 X 通讯员 Y）); not a report cited (据…报道, 曾报道) nor news heard (闻讯, 喜讯)
_NAMED_LEAD = re.compile(
    rf"^{NOT_NEWS_TOLD}(?!据|此前|本报此前)[{HAN}A-Za-z\-—·•・]{{2,16}}?(?<![曾等来闻说喜个条])(?:讯|消息|报道)\s*"
    r"[(（]([^()（）]{0,12}?(?:记者|通讯员)[^()（）]{0,48})[)）](?![，,、的])[\s:：]*"
)


_BRACKETED_LEAD = re.compile(rf"【([{HAN}]{{2,20}}(?:讯|电|消息))】")
# What a day's news opens with, a comma after it (11月3日上午，…, 近日，…): after a bare byline, the item's text.
_OPENS_LEAD = re.compile(rf"\s*(?:(?:\d{{4}}年)?{_DAY}(?:[上中下]午|早上|傍晚|晚上?)?|近日|日前|近期|连日来|昨日|今天|今日)[，,]")
_OUTLET_NAMED = re.compile(rf"[{HAN}]{{2,16}}?{alternation(OUTLET_ENDS)}\s+")  # an outlet's name, no 讯 nor day, then a space
# The marks a byline that opens an item is printed after (□本报记者 刘洋 …).
BYLINE_MARKS = "□■●◆▲★"


def lead(text: str, opens_item: bool = False) -> tuple[str, Credits | None, bool]:
    """Remove a lead from the start of a paragraph: (rest, its credits, whether there was a lead); `opens_item`: the
    paragraph opens an item (the page's first, or a heading's), where a byline may open it with no lead's word.

    `本报讯（记者 王菁）近日…`, `本報訊 全媒體記者李晨翀報道 12月21日…`, `□晚报记者 孙娟 本报讯 昨日…`, `□本报记者 刘洋 …`.
    """
    s = text
    before: Credits | None = None
    m = re.search(r"\s(本报讯|本刊讯)\s*", s[:40])
    if m:  # a credit printed before the lead, in the same paragraph
        before = parse(s[: m.start()])
        if before:
            s = s[m.start() :].lstrip()
    if bracketed := _BRACKETED_LEAD.match(s):  # 【成都日报讯】（记者 X 通讯员 Y）…: a web copy's lead in brackets
        s = bracketed.group(1) + s[bracketed.end() :]
    mark = re.match(rf"[{BYLINE_MARKS}]\s*", s)
    if mark and (run := _credit_run(s[mark.end() :])):  # □本报记者 刘洋 春节将至…: a marked byline opens the item
        byline, end = run
        return s[mark.end() + end :].lstrip(), _or(before, byline), True
    m = LEAD.match(s)
    if m:
        if m.group(1):
            c = parse(m.group(1), bare=True)
            if c is None:
                return s[m.start(1) - 1 :].lstrip(), before, True  # a parenthesis that is not a credit
            return s[m.end() :].lstrip(), _or(before, c), True
        rest = s[m.end() :]
        inline = re.match(r"(\S{2,40}?(?:报道|摄影报道))(?:\s+|[:：]\s*)", rest)  # 记者 X 报道: too
        if inline and (c := parse(inline.group(1))):
            return rest[inline.end() :].lstrip(), _or(before, c), True
        if run := _credit_run(rest):
            c, end = run
            return rest[end:].lstrip(), _or(before, c), True
        one = re.match(r"(\S*(?:记者|通讯员)\S*)\s+", rest)  # one word: 记者阿依古丽·买买提, 记者高峰
        if one and (c := parse(one.group(1))):
            return rest[one.end() :].lstrip(), _or(before, c), True
        return rest.lstrip(), before, True
    if (m := _NAMED_LEAD.match(s)) and (c := parse(m.group(1))) and all(map(looks_like_name, c.names())):
        return s[m.end() :].lstrip(), _or(before, c), True
    at = named.end() if (named := _OUTLET_NAMED.match(s)) else 0
    if _ROLE_WORD.search(s, at, at + 12) and (run := _credit_run(s[at:])) and (opens_item or _OPENS_LEAD.match(s, at + run[1])):
        # a byline alone, or after an outlet's name: opening an item, or a day's news (通讯员王伟 李静 11月3日上午，…); not
        # 记者 王伟 近日再次来到… inside a story (a role word among the first words: the few paragraphs the run is tried on)
        return s[at + run[1] :].lstrip(), _or(before, run[0]), True
    m = re.match(r"^[(（]((?:[^()（）]*?(?:记者|通讯员)[^()（）]*))[)）]\s*", s)
    if m:
        c = parse(m.group(1))
        if c:
            return s[m.end() :].lstrip(), c, True
    return text, None, False


def _credit_run(text: str, most: int = 12) -> tuple[Credits, int] | None:
    """A credit printed unbracketed after a lead, and where it ends: `记者 王伟 通讯员 李静　11月21日…`,
    `记者王伟 通讯员李静 近日…`. The longest run of the first `most` words, one ASCII space between them (a wider
    gap, such as an ideographic space, ends it), that opens with a role word and is a credit whose every name looks
    like one and is no dictionary word (近日, 张家 or 高温 after a byline are the text's).

    >>> _credit_run("记者 王伟 通讯员 李静\u300011月21日，会议召开。")
    (Credits(reporters=('王伟',), correspondents=('李静',), photographers=(), editors=()), 12)
    >>> _credit_run("记者 王伟 近日从市教育局获悉"), _credit_run("记者从市教育局获悉，今年…")
    ((Credits(reporters=('王伟',), correspondents=(), photographers=(), editors=()), 5), None)
    """
    words: list[re.Match[str]] = []
    for m in re.finditer(r"\S+", text[:160]):
        if words and text[words[-1].end() : m.start()] != " " or len(words) == most:
            break
        words.append(m)
    first = _tokens(fold(words[0].group())) if words else None  # 本报记者王伟: an outlet before the role word
    if not first or first[0].kind != "role":
        return None
    for k in range(len(words), 0, -1):  # the longest first: the first that is a credit is the answer
        c = parse(text[: words[k - 1].end()])
        if c and all(map(byline_name, c.names())):
            return c, words[k - 1].end()
    return None


def byline_name(name: str, loose: bool = False) -> bool:
    """A name as a byline prints it: Chinese, no common word, or transcribed (阿依古丽·买买提); `loose`: no place, no label."""
    if "·" in name:
        return bool(re.fullmatch(rf"[{HAN}]{{2,8}}(?:·[{HAN}]{{2,8}})+", name))
    return looks_like_name(name) and name not in dictionary_words() and not (loose and (name.endswith(_NOT_NAME_ENDS) or a_city_or_county(name)))


def _or(a: Credits | None, b: Credits) -> Credits:
    return (a | b) if a else b


__all__ = ["BYLINE_MARKS", "BYLINE_THEN_PHOTO", "HAN", "LEAD", "Credits", "byline_name", "lead", "parse", "trailing"]

"""Posts: the named people of a sentence and its units -> (person, title, body) posts.

A post is read from what is printed around a name, by the records of
POST_RULES: the titles and bodies before it (秦岭路街道办事处主任杨春晓, over
、 and 兼 chains), a list after an official's (副主席李洪祥、梁洁华), a title
right after it (刘立新书记表示), or the clause after it (安民香是村党支部书记).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from graph.extract.people import APPOSITIVE, PersonSpan
from graph.extract.spans import Span
from graph.extract.unit_bodies import CPPCC_CHAIR
from graph.extract.wordbreak import dictionary_words
from graph.lexicon import (
    BRACKETED_TITLES,
    GENERIC_BEFORE_TITLE,
    INSTITUTION_WORDS,
    PERSON_ASIDE,
    PROFILE_BEFORE_POST,
    PROVINCE,
    REMOVED_FROM,
    STREET_OFFICE_WORDS,
    TITLE_AT_END,
    TITLE_RE,
    TOWN_WORDS,
    alternation,
    ends_as_body,
)

_DIVISION = re.compile(r"[\u4e00-\u9fff]{2,8}?[处科股室]")  # 新闻发布处, 社会事务科: a division of a body
_TERM_AT_END = re.compile(r"第[一二三四五六七八九十\d]{1,3}届$")  # 第四届 (人大代表): a term of office
_GENERIC_UNIT = re.compile(alternation((*STREET_OFFICE_WORDS, "社区", "村", *TOWN_WORDS, "区", "市", "县", "省")) + "$")
_INSTITUTION_AT_END = re.compile(alternation(INSTITUTION_WORDS) + "$")
# A compound's owners' committee, printed bare before a title: the title names it (业委会主任), no body is read.
_OWNERS_BODIES = ("业主委员会", "业委会")
_COMPOUND_BRANCH = re.compile(r"小区(?:党支部|党总支|党委)$")  # a compound's party branch: no unit, a body
# A body's generic name a title may begin with (组织部部长; 管委会主任; 办公室主任, 委员会主任): where the text names the
# body it ends (区政府办公室|主任, 区人大代表工作委员会|主任), the title is the rest, held in that body.
_DEPARTMENT = re.compile(r"(?:组织|宣传|统战|武装)部(?=副?部长)|(?:管委会|办公室|委员会)(?=(?:常务)?副?主任)|政协(?=" + CPPCC_CHAIR + ")")
# The government of the story's own unit, printed with the unit's word alone before a title (由市政府|副秘书长).
_GOVERNMENT_AT_END = re.compile(r"(?:^|[由为是、])([区市县镇乡])(?:人民)?政府$")
# A body of the story's own unit, named by a generic unit word and a body's name: 街道城管办, 街道妇联, 社区卫生室.
_UNIT_BODY = re.compile(
    r"(?:该|本)?(?P<unit>" + alternation((*STREET_OFFICE_WORDS, "社区", "村", *TOWN_WORDS, "区", "市", "县"))
    + r")(?!(?<=市)[场民容]|(?<=区)[域块]|(?<=村)[民容])(?P<body>[\u4e00-\u9fff]{1,8})$"  # not a word the unit's
    # character begins (市场监管所, 市民服务中心, 区域, 村民理事会, 村容保洁队; 街道民政科, 社区民生服务站 are bodies)
)


@dataclass(frozen=True, slots=True)
class PostSpan:
    person: str
    title: str
    org: str | None  # canonical name of the body, or a generic unit word to resolve
    generic: bool = False  # the body is a generic word (街道, 区) naming the article's own unit
    rule: str = "post.title"
    former: bool = False  # printed as held before (原…主任X, X曾任…): held, but not on the article's day


@dataclass(frozen=True, slots=True)
class _PostReading:
    """One sentence as the post rules read it, with the posts read so far of each person, by the person's end."""

    text: str
    people: list[PersonSpan]
    units: list[Span]
    by_end: dict[int, list[PostSpan]]


@dataclass(frozen=True, slots=True)
class PostRule:
    """One way a person's posts are read: its rule id, what it reads, its finder, and whether it is a
    fallback (it runs only when the rules before it gave the person no post)."""

    rule: str
    reads: str
    finds: Callable[[_PostReading, PersonSpan], list[PostSpan]]
    fallback: bool = True


def _before_name(r: _PostReading, p: PersonSpan) -> list[PostSpan]:
    """The titles and bodies printed before a name, walking back over 、 and 兼 (身为…书记的张志强: over 的 too)."""
    text, end = r.text, p.start
    if text[end - 1 : end] in ("”", '"'):
        end -= 1  # 挂职“第一书记”宁学军: the title in quotes
    clause = text[max(text.rfind(c, 0, end) for c in "，,。；;：:") + 1 : end]
    if clause.endswith("的") and _AS_ROLE.match(clause):
        end -= 1 + (text[end - 2 : end - 1] in ("”", '"'))  # 作为驻柳岸社区“第一书记”的潘加明: quoted too
    chain: list[PostSpan] = []
    organs: list[PostSpan] = []  # posts printed as titles of their unit's own organs, or bare: what 原 may cover
    floor = max((q.end for q in r.people if q.end <= p.start), default=0)  # 书记赵敏与|物业经理孙鹏: not past a name
    while end > 0:
        seg_start = clause_start(text, floor, end)
        pieces = re.split(r"、|兼(?=.)", text[seg_start:end])  # 党支部书记兼主任: two titles
        desc = pieces[-1]
        if re.match(r"拟任(?![命用])", desc):
            break  # 拟任三官庙街道办事处主任李卫东: a post proposed, not held (拟任命…副主任刘洋为主任: his, held)
        if floor and end - len(desc) == floor and _TITLE_AFTER.match(text, floor):
            break  # 王强局长、赵明: the title after the name before is that name's
        post = _post_in(desc, end - len(desc), p.name, r.units)
        if post:
            at = next((u.end - end + len(desc) for u in r.units if u.start == end - len(desc) and u.type != "Organization"), 0)
            organs += [post] if _ORGAN_TITLE.fullmatch(desc, at) or TITLE_AT_END.fullmatch(desc, at) else []
            chain.append(post)
        if len(pieces) < 2 and post and _titles_only(text, floor, seg_start - 1, r.units):
            end = seg_start - 1  # 金海市委常委，柳岸新区党工委副书记王成军: a clause of titles alone before the comma
            continue
        if len(pieces) < 2 or not post and not _honour(desc):
            break
        end = end - len(desc) - 1
        if end <= seg_start:
            break
    # 郑州市农委党组书记、主任樊惠林: a bare title after 、 is held in the body before it
    out: list[PostSpan] = []
    body: PostSpan | None = None
    before: PostSpan | None = None  # the last post read as held before
    for read in reversed(chain):
        post = read
        named = body.org if body is not None and not body.generic else None  # the unit the chain named before
        if post.rule == "post.unit-title" and named and post.org and named.endswith(post.org):
            post = PostSpan(post.person, post.title, named, False, "post.chain", post.former)  # 竹溪村党支部书记兼村委会主任: 竹溪村's
        if before is not None and read in organs and (post.org is None or post.generic or post.org == before.org):
            post = replace(post, former=True)  # 原柳岸街道党工委书记、办事处主任: 原 over a list in one unit's organs
        before = post if post.former else None
        if post.org is not None:
            body = post
        elif body is not None and not _UNIT_KIND_TITLE.match(post.title) and not post.title.startswith(_OWNERS_BODIES):
            post = PostSpan(post.person, post.title, body.org, body.generic, "post.chain", post.former)
        out.append(post)
    return _same_body_as_before(r, p, floor, out)


def clause_start(text: str, floor: int, end: int, marks: str = '，,。；;：:（(“"') -> int:
    """Where the clause ending at `end` begins: after the last comma, stop, colon, bracket or quote (`marks`), not
    before `floor`."""
    return max(floor, *(text.rfind(c, 0, end) + 1 for c in marks))


_OWN_COMMITTEE = re.compile(r"[省市区县](?:委|政府)")  # the party committee or government a title is held under


def _titles_only(text: str, floor: int, comma: int, units: list[Span]) -> bool:
    """Whether the clause before the comma at `comma` is titles and the units or bodies they are held in, nothing else."""
    if comma <= floor or text[comma : comma + 1] not in "，,":
        return False
    start = clause_start(text, floor, comma)
    pieces = text[start:comma].split("、")
    if not pieces[0] or len(pieces[0]) > 20:
        return False
    covered = {i for u in units for i in range(u.start, u.end)}
    for piece in pieces:
        m = TITLE_AT_END.search(piece)
        if not m:
            return False
        if not _OWN_COMMITTEE.fullmatch(piece, 0, m.start()) and any(i not in covered for i in range(start, start + m.start())):
            return False  # a word of no unit or body before the title (会议由|区委副书记): no title alone (but 市委|宣传部部长)
        start += len(piece) + 1
    return True


def _same_body_as_before(r: _PostReading, p: PersonSpan, floor: int, posts: list[PostSpan]) -> list[PostSpan]:
    """局长周丽华，副局长郭刚: a bare title of the same kind, printed right after an official's name, is held where
    that official's is."""
    gap = r.text[floor : p.start]
    if len(posts) != 1 or posts[0].org is not None or gap[:1] not in "，,、" or gap[1:] != posts[0].title:
        return posts
    core = _RANK.sub("", posts[0].title)
    same = next((q for q in r.by_end.get(floor, []) if q.org is not None and _RANK.sub("", q.title) == core), None)
    return [PostSpan(p.name, posts[0].title, same.org, same.generic, "post.same-body", posts[0].former)] if same else posts


_RANK = re.compile(r"^(?:常务)?副")


def _listed_after(r: _PostReading, p: PersonSpan) -> list[PostSpan]:
    """副主席李洪祥、梁洁华: a name listed after an official's holds the same post (not one with its own in brackets)."""
    if r.text[p.start - 1 : p.start] != "、" or _bracketed_titles(r, p):
        return []
    # a post set off by commas after the list stays that (刘飞、欧阳建新，…派驻的第一书记)
    return [
        PostSpan(p.name, prev.title, prev.org, prev.generic, prev.rule if prev.rule == "post.apposed" else "post.list", prev.former)
        for prev in r.by_end.get(p.start - 1, [])
    ]


def _title_after(r: _PostReading, p: PersonSpan) -> list[PostSpan]:
    """刘立新书记表示: a title printed right after the name, held in the body printed right before it (青河师范大学管理学院
    鲁捷教授)."""
    after = _TITLE_AFTER.match(r.text, p.end)
    body = next((u.name for u in r.units if u.end == p.start and not _venue(r.text, u.start)), None)
    return [PostSpan(p.name, after.group(1), body, rule="post.after-name")] if after else []


def _bracketed_after(r: _PostReading, p: PersonSpan) -> list[PostSpan]:
    """杨卫东（上湾镇党委书记）, 马俊（镇党委副书记、镇长）, 王强（左二，柳岸村党支部书记）: the titles of the bracket's last
    clause, read as if printed before the name; held before when it says so (曾任…, 时任…, 退休前任…)."""
    m = _bracketed_titles(r, p)
    held = _before_name(r, PersonSpan(m.end() - 1, m.end() - 1, p.name)) if m else []
    return [replace(q, rule="post.bracketed", former=q.former or bool(m and m.group("before"))) for q in held]


def _bracketed_titles(r: _PostReading, p: PersonSpan) -> re.Match[str] | None:
    """The bracket right after a name whose last clause is titles alone, each after the units and bodies it is held
    in or a unit's generic words: not 左二为社区党委书记 (another's, in a picture), 丈夫王强是…, 妇女主任, 村里人都喊他老书记."""
    m = BRACKETED_TITLES.match(r.text, p.end)
    if m is None or any(m.start("last") <= q.start < m.end() for q in r.people):
        return None
    covered, at = {i for u in r.units for i in range(u.start, u.end)}, m.start("last")
    for piece in re.split("[、兼]", m.group("last")):
        title = TITLE_AT_END.search(piece)
        if title is None or not GENERIC_BEFORE_TITLE.fullmatch("".join(c for i, c in enumerate(piece[: title.start()], at) if i not in covered)):
            return None
        at += len(piece) + 1
    return m


def _clause_after(r: _PostReading, p: PersonSpan) -> list[PostSpan]:
    """先后任村党支部书记, 是村党支部书记: the posts the clause after the names gives (聘任黎明为…主任、…厂长)."""
    first = p.start
    while r.text[first - 1 : first] == "、" and (q := next((q for q in r.people if q.end == first - 1), None)):
        first = q.start  # 拟任命王立新、李强为…: the list's first name
    if _PROPOSED_NAME.search(r.text, clause_start(r.text, 0, first), first):
        return []  # 区委拟任命李卫东为…主任: a post proposed, not held
    names_end = p.end
    while nxt := next((q for q in r.people if q.start == names_end + 1 and r.text[names_end] == "、"), None):
        names_end = nxt.end
    out: list[PostSpan] = []
    names_end = aside.end() if (aside := PERSON_ASIDE.match(r.text, names_end)) else names_end  # 任命王芳（女）为…
    names_end = profile.end() if (profile := PROFILE_BEFORE_POST.match(r.text, names_end)) else names_end  # 王芳，女，1985年3月生，现任…
    m: re.Match[str] | None = APPOSITIVE.match(r.text, names_end)
    rule, former = "post.appositive", False
    if m is None and r.text.endswith("免去", 0, first):  # 免去赵海东的…街道办事处主任职务: the post held till now
        m, former = REMOVED_FROM.match(r.text, names_end), True
    if m is None and p.start == 0:  # 李淑珍，柳岸街道百花社区党委书记，…: a name opening the sentence, its post set off by commas
        m, rule = _COMMA_APPOSITIVE.match(r.text, names_end), "post.apposed"
    while m and (post := _post_in(m.group("desc"), m.start("desc"), p.name, r.units)) is not None:
        former = former or _ONCE.match(m.group(0)) is not None  # 先后任村党支部书记、村委会主任: both held before
        out.append(PostSpan(p.name, post.title, post.org, post.generic, rule, post.former or former))
        m = _MORE_POSTS.match(r.text, end := m.end()) or (_NOW.match(r.text, end) if former else None)
        former = former and not (m and m.group(0)[1:2] == "现")  # 曾任…，现任民政局局长: held now
    return out


_ONCE = re.compile(r"[，,]?(?:先后|曾)")  # 曾任, 曾是, 先后任: posts held before (APPOSITIVE's lead)
_NOW = re.compile(r"[，,]现(?:任|担任|为|是)(?P<desc>[^，。；;,、“”]{0,24}?" + TITLE_RE.pattern + r")(?=[，。；;,、]|$)")  # after 曾任…
# 原 before the unit or the title a post is held in (原秦岭路街道办事处主任, 原主任, 原村党支部书记, 已经退休的原…, 原来的…);
# not a word 原 begins (原来社区…, 原则上, 原本, 原籍, 原定, 原创, 原生态…): a unit's name right after it, or one of these
_FORMER = re.compile(r"(?:[^，,。]*的)?原(?:来的)?")
# a title of a unit's own organs, which a 原 before the list covers (原…党工委书记、办事处主任; not 街道关工委主任,
# 村老年协会会长, 现办事处主任)
_ORGAN_TITLE = re.compile(
    r"(?:[区市县镇乡村]|街道|社区)?(?:党工委|党委|党组|党支部|党总支|办事处|[村居](?:民)?(?:委员会|委会)|人大工委|人大常委会|人大|政府"
    r"|纪工委|纪委|(?:宣传|组织|统战)部|政法委)?(?:常务)?副?(?:书记|主任|主席|部长|[区市县镇乡]长|委员|常委|局长|组长)"
)
_UNIT_BEFORE_FORMER = re.compile(r"[^，,。]*?(?:街道|社区|村|镇|乡|办事处|居委会|村委会)(?=原)")
_FORMER_TITLE = re.compile(r"(?:[区市县镇乡村]|街道|社区|办事处|党|副|常务|" + TITLE_RE.pattern + ")")
# a post proposed for the name it governs (a notice's); not 拟提名人选中…当选, 拟推荐对象王芳系…
_PROPOSED = re.compile(r"拟(?:任命|提名|推荐|聘任|聘用|选派|任用|提拔|晋升|调任)(?!人选|对象|名单|人员)")
_PROPOSED_NAME = re.compile(_PROPOSED.pattern + r"[^，,。；;：:、]*$")  # 拟提拔…副主任|张敏为主任: his post before the name held
_COMMA_APPOSITIVE = re.compile(r"[，,](?P<desc>[^，。；;,、“”]{0,24}?" + TITLE_RE.pattern + r")(?=[，。；;,]|$)")


# The post rules in the order they run for each named person.
POST_RULES = (
    PostRule("post.title", "the title and the body printed before a name (秦岭路街道办事处主任杨春晓)", _before_name, fallback=False),
    PostRule("post.list", "a name listed after an official's holds the same post (副主席李洪祥、梁洁华)", _listed_after),
    PostRule("post.after-name", "a title printed right after a name (刘立新书记表示)", _title_after),
    PostRule("post.bracketed", "the posts printed in brackets right after a name (杨卫东（上湾镇党委书记）)", _bracketed_after, fallback=False),
    PostRule("post.appositive", "a post the clause after the names gives (安民香是村党支部书记)", _clause_after),
)


def find_posts(text: str, people: list[PersonSpan], units: list[Span]) -> list[PostSpan]:
    """Posts held by the named people of one sentence (all offsets relative to it), by POST_RULES."""
    reading = _PostReading(text, people, units, {})
    posts: list[PostSpan] = []
    for p in people:
        if p.informal:
            continue
        held: list[PostSpan] = []
        for rule in POST_RULES:
            if not (rule.fallback and held):
                held += rule.finds(reading, p)
        posts += held
        reading.by_end[p.end] = held
    return posts


_AT = ("在", "到", "来到", "走进", "前往", "赴")  # 在柳岸社区党群服务中心|王强书记介绍: a venue, not the post's body


def _venue(text: str, start: int) -> bool:
    """Whether the unit or body at `start` is where something happens: after 在, 到, 来到… right before it or opening its
    clause (…，在青河区柳岸社区党群服务中心|王强书记介绍, 李明在柳岸社区…|王强书记陪同下)."""
    clause = clause_start(text, 0, start)
    return text.startswith(_AT, clause) or text.endswith(_AT, clause, start)


# 身为…的, 作为…的: the description before 的 is the post of the name after it.
_AS_ROLE = re.compile(r"^(?:身为|作为)")
_LED_BY = re.compile(r"^(?:在|由|经|请|邀请|和|与|及|同)")  # what a sentence may lead an official in with
# A title right after a name, then a verb or the end of the clause (景荣时书记谈到, 刘立新书记表示).
_TITLE_AFTER = re.compile(  # a deputy's too (李刚|副局长: 副 is no name's last character)
    r"(总书记|副?(?:书记|主任|局长|镇长|乡长|区长|县长|市长|村长|社长|院长|校长|站长|所长|队长|会长|理事长|主席|教授)"
    r"(?=[说表谈介强指讲带陪一，,。：:、在也主率出赴到等]|$))"
)
# A province's name, or its party committee, government, people's congress or political consultative conference,
# printed before a title.
_PARTY_DEPARTMENT = re.compile(r"委(?:宣传|组织|统战)部")  # of a party committee: 区委宣传部
_PROVINCE_AT_END = re.compile(PROVINCE + r"(?:委|政府|人大常委会|人大|政协)?$")
# A further post listed after the first: 聘任黎明为柳岸村村委会主任、柳岸砂布厂厂长; …党支部书记兼任村委会主任.
_MORE_POSTS = re.compile(r"(?:、|兼任?)(?P<desc>[^，。；;,、“”]{0,12}?" + TITLE_RE.pattern + r")(?=[，。；;,、兼]|$)")
# A title that names the kind of unit it is held in (区长, 村委会主任): it brings its own body.
# A unit's committee printed in a title, and the unit's word (村民委员会主任: the village's).
_COMMITTEES = {"村民委员会": "村", "居民委员会": "社区", "村委会": "村", "居委会": "社区", "办事处": "街道"}
_UNIT_TITLE_WORD = re.compile(alternation((*_COMMITTEES, "村", "社区", "街道", "镇", "乡")))
_UNIT_KIND_TITLE = re.compile(r"^(?:常务)?副?(?:[区市县镇乡村]长|[区市县]委|" + alternation((*_COMMITTEES, "村", "社区", "街道")) + ")")


def _honour(desc: str) -> bool:
    """A description that is not a post: 郑州市优秀志愿者, 先进个人 (the walk goes on past it)."""
    return bool(re.search(r"(?:志愿者|个人|代表|模范|标兵|能手|党员|先进|楷模|之星|好人|军人|干部)$", desc))


def _title_past_body(title: str, t_start: int, units: list[Span]) -> tuple[str, int]:
    """The title and where it starts, past the body a title printed whole begins with."""
    if (dept := _DEPARTMENT.match(title)) and any(u.end == t_start + dept.end() and u.type == "Organization" for u in units):
        return title[dept.end() :], t_start + dept.end()  # 区委组织部|副部长, 樱桃沟景区管委会|主任: the body is named
    branch = next((u for u in units if u.type == "Organization" and u.start < t_start < u.end and _COMPOUND_BRANCH.search(u.text)), None)
    if branch is not None and title.startswith(branch.text[t_start - branch.start :]):
        return title[branch.end - t_start :], branch.end  # 金桂园小区党支部|书记: the branch is the body (bodies.py)
    return title, t_start


def _in_party_committee(
    desc: str, desc_start: int, m: re.Match[str], title: str, t_start: int, units: list[Span]
) -> tuple[str, int, list[Span], bool]:
    """A title in a party committee (川汇区委组织部长, 镇江市委统战部常务副部长): the title from after 委, the district
    or city printed before 委 that holds it, and whether 委 follows a bare 区, 市 or 县 (the story's own)."""
    dept = _PARTY_DEPARTMENT.search(desc, max(0, m.start() - 4), m.end())
    if dept and dept.start() < m.start():  # a department of the committee is part of the title
        title, t_start = desc[dept.start() + 1 : m.end()], desc_start + dept.start() + 1
        if dept.start() == 1 and desc[0] in "区市县":
            return title, t_start, [], True
    if t_start > 0 and desc[t_start - desc_start - 1 : t_start - desc_start] == "委":
        return title, t_start, [u for u in units if u.end == t_start - 1 and u.type in ("District", "City")], False
    return title, t_start, [], False


def _units_before(desc: str, desc_start: int, title_at: int, t_start: int, units: list[Span]) -> list[Span]:
    """The units or bodies printed right before a title (`t_start`, absolute; `title_at`, in `desc`) that may hold it."""
    before = [u for u in units if u.end == t_start or (u.start < t_start < u.end and u.type != "Organization")]
    if not before and desc[t_start - desc_start - 1 : t_start - desc_start] == "的":
        # 柳岸社区的网格员周雪莲: the unit or body that begins the clause, then 的, holds the post
        before = [u for u in units if u.start == desc_start and u.end == t_start - 1]
    term = _TERM_AT_END.search(desc[:title_at])
    if not before and term:
        # 蜀山区第四届人大代表: the term of office between the unit and the title
        before = [u for u in units if u.end == desc_start + term.start()]
    committee = _COMMITTEE_AT_END.search(desc[:title_at])
    if not before and committee:  # 柳岸村村民委员会委员: the village's committee, printed out between it and the title
        before = [u for u in units if u.end == desc_start + committee.start() and u.type in ("Village", "Community")]
    return before


_COMMITTEE_AT_END = re.compile(alternation(("村民委员会", "居民委员会", "村委会", "居委会")) + "$")


def _post_in(desc: str, desc_start: int, person: str, units: list[Span]) -> PostSpan | None:
    """The post a description right before a name gives: 秦岭路街道办事处主任 -> (主任, 秦岭路街道); held before the
    article's day when it begins with 原 (原秦岭路街道办事处主任, 原主任; not 原阳县委书记, a unit's name)."""
    post = _post_read(desc, desc_start, person, units)
    if post is None or "原" not in desc:
        return post
    unit = _UNIT_BEFORE_FORMER.match(desc)  # 柳岸街道原党工委书记, 街道原党工委书记: 原 after the unit
    if unit and any(u.start < desc_start + unit.end() < u.end for u in units if u.type != "Organization"):
        unit = None  # 镇原县委书记: the 原 of a unit's name
    if (m := _FORMER.match(desc, unit.end() if unit else 0)) is None:
        return post
    at = m.end()  # what its 原 is before
    near = [u.start - desc_start - at for u in units if 0 <= u.start - desc_start - at <= 2]  # (原幸|福里社区: the tagger's cut)
    if 0 in near or _FORMER_TITLE.match(desc, at) or near and desc[at - 1 : at + 1] not in dictionary_words():
        return replace(post, former=True)
    return post


def _post_read(desc: str, desc_start: int, person: str, units: list[Span]) -> PostSpan | None:
    """_post_in's post, as printed, whenever it was held."""
    m = TITLE_AT_END.search(desc)
    if not m:
        return None
    title, t_start = _title_past_body(m.group(0), desc_start + m.start(), units)
    before = _units_before(desc, desc_start, m.start(), t_start, units)
    if not before:
        # 市政府新闻办|新闻发布处|处长: a division of the body printed before it is part of the title
        for u in units:
            k = u.end - desc_start
            if u.type == "Organization" and 0 < k < m.start() and _DIVISION.fullmatch(desc, k, m.start()):
                return PostSpan(person, desc[k : m.end()], u.name)
    if not before:
        title, t_start, before, bare = _in_party_committee(desc, desc_start, m, title, t_start, units)
        if bare:  # 区委宣传部副部长: the story's district's
            return PostSpan(person, desc[: m.end()], desc[0], generic=True, rule="post.unit-title")
    if before:
        # 二七区委书记: the title (区委书记) may begin inside the unit's name
        u = max(before, key=lambda u: u.end - u.start)
        if u.type == "Organization" and u.name.endswith(("区委", "市委", "县委")):
            inner = [a for a in units if a.type != "Organization" and a.end == u.end - 1]
            if inner:  # 川汇区委组织部长: a post of the district's party committee, held in the district
                return PostSpan(person, title, inner[0].name)
        return PostSpan(person, title, u.name)
    head = _LED_BY.sub("", desc[: m.start()])  # 在|区委常委、副区长X陪同下, 由|副区长X带队: a preposition is no unit
    province = _PROVINCE_AT_END.search(head)
    if province:  # 新疆维吾尔自治区主席, 河南省委书记: a province's post, the province named in the title, held in no unit
        return PostSpan(person, head[province.start() :] + title, None)
    if head in _OWNERS_BODIES:
        return PostSpan(person, head + title, None)  # 业委会主任: the owners' committee's, whichever compound it is
    unit_title = _UNIT_TITLE_WORD.match(title)
    if unit_title and not head.strip("、"):
        # 村委会主任杨建军: the title names its unit's kind (the article's own village)
        word = _COMMITTEES.get(unit_title.group(0), unit_title.group(0))
        return PostSpan(person, title, word, generic=True, rule="post.unit-title")
    inst = _INSTITUTION_AT_END.search(head)
    if inst and (len(head) == len(inst.group(0)) or head[: inst.start()].endswith(("该", "本", "、", "，"))):
        # 学校党委委员、组织部部长薛志忠: a post in the institution the story is about
        return PostSpan(person, title, inst.group(0), generic=True, rule="post.unit-word")
    g = _GENERIC_UNIT.search(head)
    if g and (len(head) == len(g.group(0)) or head[-len(g.group(0)) - 1 :][:1] in ("该", "本", "所")):
        return PostSpan(person, title, g.group(0), generic=True, rule="post.unit-word")
    ub = _UNIT_BODY.fullmatch(head)
    if ub and ends_as_body(ub.group("body")):
        # 街道城管办主任李四: a post in a body of the story's street office, the body named in the title (as in 党工委书记),
        # not in whatever unit the sentence names after it
        word = {"街道办事处": "街道", "街道办": "街道", "办事处": "街道"}.get(ub.group("unit"), ub.group("unit"))
        body = ub.group("body") if ub.group("body")[0] != "委" else head[ub.start("unit") :]  # 县委巡察办: the 委 is the county's
        return PostSpan(person, body + title, word, generic=True, rule="post.unit-word")
    gov = _GOVERNMENT_AT_END.search(head)
    if gov:  # 市政府副秘书长: a post of the story's city's government, held in the city
        return PostSpan(person, head[gov.start(1) + 1 :] + title, gov.group(1), generic=True, rule="post.unit-word")
    core = re.sub(r"^(?:常务)?副", "", title)
    if core[0] in "区市县镇乡" and core[1:2] in ("委", "长") and not head.strip("、"):
        # 区长王鹏, 副区长王志强: the title names its unit's kind
        return PostSpan(person, title, core[0], generic=True, rule="post.unit-title")
    return PostSpan(person, title, None)

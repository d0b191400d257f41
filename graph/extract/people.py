"""People and posts: tagged article text -> person spans and (person, title, body) posts.

A name is accepted on evidence, not on the tagger's word alone: a title
printed before it (`党工委书记曹真信`), a verb of speaking or taking part
after it (`杨春晓详细介绍`), a list with an accepted name (`蔡红、赵吉平`), or
a credit line. The tagger's PER tag and a known surname are required of
every candidate. Honorifics (`李阿姨`, `王区长`) are informal references:
kept apart, and merged into a full name of the same article when the post
agrees (`王区长` -> `区长王鹏`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from graph.extract.spans import Span
from graph.extract.tagger import Token
from graph.extract.wordbreak import dictionary_words, spans_word
from graph.lexicon import (
    INFORMAL_RE,
    INSTITUTION_WORDS,
    KIN_HONORIFICS,
    PERSON_VERBS,
    STREET_OFFICE_WORDS,
    TITLE_HONORIFICS,
    TITLE_RE,
    TOWN_WORDS,
    alternation,
    looks_like_name,
)

_TITLE_AT_END = re.compile(TITLE_RE.pattern + "$")
_DIVISION = re.compile(r"[\u4e00-\u9fff]{2,8}?[处科股室]")  # 新闻发布处, 社会事务科: a division of a body
_TERM_AT_END = re.compile(r"第[一二三四五六七八九十\d]{1,3}届$")  # 第四届 (人大代表): a term of office
_GENERIC_UNIT = re.compile(alternation((*STREET_OFFICE_WORDS, "社区", "村", *TOWN_WORDS, "区", "市", "县")) + "$")
_INSTITUTION_AT_END = re.compile(alternation(INSTITUTION_WORDS) + "$")
_FUNCTION_SURNAMES = frozenset("和与及或等向从对在为将把被于以")
_LIST_LEAD = re.compile(
    r"(?:领导|同志|嘉宾|代表|专家|居民|村民|市民|志愿者|党员|负责人|成员|干部|老师|委员|个人|标兵|模范)$"
)
_HONORIFIC = re.compile(r"([\u4e00-\u9fff])(" + "|".join((*KIN_HONORIFICS, *TITLE_HONORIFICS)) + ")")


@dataclass(frozen=True, slots=True)
class PersonSpan:
    start: int
    end: int
    name: str
    informal: bool = False
    title: str | None = None  # for an informal reference: the title it uses (王区长 -> 区长)
    rule: str = "person.tagged"


@dataclass(frozen=True, slots=True)
class PostSpan:
    person: str
    title: str
    org: str | None  # canonical name of the body, or a generic unit word to resolve
    generic: bool = False  # the body is a generic word (街道, 区) naming the article's own unit
    rule: str = "post.title"


def _name_after(text: str, at: dict[int, Token], pos: int) -> str | None:
    """A personal name starting at text[pos], using the token boundaries (`at`: tokens by start)."""
    if text[pos : pos + 1] in _FUNCTION_SURNAMES:
        # 负责人和部门负责人: 和 here is a conjunction; 副主任于军舰、: 于 is a surname before a list mark
        cand = text[pos : pos + 3]
        if looks_like_name(cand) and text[pos + 3 : pos + 4] in ("、", "，", ",", "。"):
            return cand
        return None
    t = at.get(pos)
    if t is not None:
        if t.tag == "PER" and looks_like_name(t.text) and not (t.text in dictionary_words() and TITLE_RE.match(text[t.end : t.end + 4])):
            return _whole_name(text, t, at, set())
        if looks_like_name(t.text) and t.tag in ("LOC", "nz", "n", "nr", "ORG") and t.text not in dictionary_words():
            return t.text
        if t.tag == "PER" and t.text in dictionary_words() and TITLE_RE.match(text[t.end : t.end + 4]):
            return None  # 副镇长李海涛、武装部长王刚强: 武装 begins the next title
        # a surname token followed by its given name: 宋/PER 伟/n
        nxt = at.get(t.end)
        if len(t.text) == 1 and nxt is not None and 1 <= len(nxt.text) <= 2 and looks_like_name(t.text + nxt.text):
            return t.text + nxt.text
    for n in (3, 2):
        cand = text[pos : pos + n]
        after = text[pos + n : pos + n + 4]
        if looks_like_name(cand) and cand not in dictionary_words() and (not after or PERSON_VERBS.match(after) or after[:1] in '，,、。；;（(”" '):
            return cand
    return None


def _accept_context(text: str, start: int, end: int) -> bool:
    """A name is credible when a verb of speaking/taking part follows or a list lead precedes."""
    after = text[end : end + 4]
    before = text[max(0, start - 4) : start]
    if PERSON_VERBS.match(after) or after.startswith(("同志", "总书记", "总理", "委员长")):
        return True  # 以习近平同志为核心: a leader named in passing
    if _LIST_LEAD.search(before) or _TITLE_AT_END.search(before):
        return True
    return False


def _whole_name(text: str, t: Token, at: dict[int, Token], known: set[str]) -> str:
    """A name the tagger cut one character short: 陈沸|沸兴奋 -> 陈沸沸 (兴奋 is a word), 景荣|时书记 -> 景荣时.

    The character joins the name only when the tagger glued it to the word after it.
    """
    nxt = at.get(t.end)
    if len(t.text) != 2 or nxt is None or len(nxt.text) < 2 or nxt.text[0] in _NOT_GIVEN:
        return t.text
    longer = t.text + nxt.text[0]
    if not looks_like_name(longer):
        return t.text
    rest = nxt.text[1:]
    if longer in known or TITLE_RE.fullmatch(rest) or rest in dictionary_words() and nxt.text not in dictionary_words():
        return longer
    return t.text


# Characters that follow a name as words of their own, never as its last character.
_NOT_GIVEN = frozenset("等在还和与及也说是的都就又曾被将对向把从为了着过一")
# What a place's name goes on with: a name followed by these is a place (郑少连接线, 付楼村).
_PLACE_AFTER = re.compile(r"^(?:路|街|道|大道|线|连接线|高速|公路|村|镇|乡|庄|区|县|市|社区|小区|花园|公园|广场|河|湖|山|桥|港|站)")
_PLACE_END = re.compile(r"[庄里村屯营寨湾桥园苑城路街巷氏]$")


def _plain_name(text: str, start: int, end: int, at: dict[int, Token]) -> bool:
    """A tagged name that needs no context, when nothing says it is not one.

    Not a word of the dictionary (公示, 谈到, 武装), not a place's name (李权庄, 郑少连接线),
    and a two-character name not the object of a verb (传党恩).
    """
    name = text[start:end]
    if name in dictionary_words() or _PLACE_END.search(name):
        return False
    if _PLACE_AFTER.match(text[end : end + 3]):
        return False
    if len(name) == 2:
        prev = next((t for t in at.values() if t.end == start), None)
        if prev is not None and prev.tag == "v":
            return False
    return True


def _clean_boundary(text: str, start: int, end: int) -> bool:
    """A name's edges are not inside a word: 周联席|会议 (联席会议), 全|市长|效 are not names."""
    return not spans_word(text[start:end], text[end : end + 3], min_len=3)


def _informal_ok(text: str, start: int, end: int) -> bool:
    """An honorific reference stands alone: 全市长效 and 敬老助老 are words, not people."""
    words = dictionary_words()
    span = text[start:end]
    if span[:2] in words or text[max(0, start - 1) : start + 1] in words:
        return False
    return not spans_word(span, text[end : end + 2])


@dataclass(frozen=True, slots=True)
class _Reading:
    """One sentence as the person rules read it."""

    text: str
    tokens: list[Token]
    at: dict[int, Token]  # tokens by start
    known: set[str]  # names accepted elsewhere in the article


# What a person rule gives: (key, span) to record under key; a later rule's span under the same key replaces it.
_Found = dict[tuple[int, int], PersonSpan]


@dataclass(frozen=True, slots=True)
class PersonRule:
    """One way a person is found: its rule id, what it reads (for the README and the rule report), and its finder.

    The finder sees the sentence and what is found so far (its own finds included, as it goes),
    and yields (start, end) keys with their spans; a span under a key already found replaces it
    (a tagged name over the span a title found). Rules run in PERSON_RULES' order.
    """

    rule: str
    reads: str
    finds: Callable[[_Reading, _Found], Iterator[tuple[tuple[int, int], PersonSpan]]]


def _after_title(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for m in TITLE_RE.finditer(r.text):
        name = _name_after(r.text, r.at, m.end())
        if name and _clean_boundary(r.text, m.end(), m.end() + len(name)):
            yield (m.end(), m.end() + len(name)), PersonSpan(m.end(), m.end() + len(name), name, rule="person.title")
        elif r.text[m.end() : m.end() + 1] in "”\"’":  # “第一书记”宁学军: the title was quoted
            pos = m.end() + 1
            name = _name_after(r.text, r.at, pos)
            if name and _clean_boundary(r.text, pos, pos + len(name)):
                yield (pos, pos + len(name)), PersonSpan(pos, pos + len(name), name, rule="person.title")


def _tagged(r: _Reading, found: _Found, honorific: bool) -> Iterator[tuple[Token, str | None]]:
    """The PER tokens no rule has taken: the honorifics (with no name), or the names (whole, valid)."""
    for t in r.tokens:
        if t.tag != "PER" or (t.start, t.end) in found:
            continue
        is_honorific = bool(INFORMAL_RE.match(t.text) or _HONORIFIC.fullmatch(t.text))
        if honorific:
            if is_honorific:
                yield t, None
            continue
        if is_honorific:
            continue
        name = _whole_name(r.text, t, r.at, r.known)
        if looks_like_name(name) and _clean_boundary(r.text, t.start, t.start + len(name)):
            yield t, name


def _tagged_informal(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for t, _ in _tagged(r, found, honorific=True):
        hm = _HONORIFIC.fullmatch(t.text)
        if _informal_ok(r.text, t.start, t.end):
            yield (t.start, t.end), PersonSpan(t.start, t.end, t.text, True, hm.group(2) if hm else None, "person.informal")


def _tagged_known(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for t, name in _tagged(r, found, honorific=False):
        if name in r.known:
            yield (t.start, t.start + len(name)), PersonSpan(t.start, t.start + len(name), name, rule="person.known")


def _tagged_in_context(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for t, name in _tagged(r, found, honorific=False):
        end = t.start + len(name or "")
        if name and name not in r.known and _accept_context(r.text, t.start, end):
            yield (t.start, end), PersonSpan(t.start, end, name, rule="person.context")


def _tagged_plain(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for t, name in _tagged(r, found, honorific=False):
        end = t.start + len(name or "")
        if name and name not in r.known and not _accept_context(r.text, t.start, end) and _plain_name(r.text, t.start, end, r.at):
            yield (t.start, end), PersonSpan(t.start, end, name, rule="person.tagged")


def _untagged_honorific(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for m in _HONORIFIC.finditer(r.text):
        span = (m.start(), m.end())
        if not _starts_in(found, span[0]) and looks_like_name(m.group(1) + "某") and _informal_ok(r.text, *span):
            yield span, PersonSpan(m.start(), m.end(), m.group(0), True, m.group(2), "person.honorific")


def _known_again(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for name in r.known:
        for m in re.finditer(re.escape(name), r.text):
            if not _starts_in(found, m.start()):
                yield (m.start(), m.end()), PersonSpan(m.start(), m.end(), name, rule="person.known")


def _starts_in(found: _Found, pos: int) -> bool:
    return any(s <= pos < e for s, e in found)


# The person rules in the order they run: a title's evidence first, the tagger's names by the
# strength of what else says they are people, honorifics the tagger missed, known names again.
PERSON_RULES = (
    PersonRule("person.title", "a name right after a title: 主任杨春晓, “第一书记”宁学军", _after_title),
    PersonRule("person.informal", "an honorific the tagger tagged, standing alone: 李阿姨, 王区长", _tagged_informal),
    PersonRule("person.known", "a tagged name accepted elsewhere in the article (a credit, an earlier sentence)", _tagged_known),
    PersonRule("person.context", "a tagged name a verb of speaking follows or a list lead precedes: 杨春晓介绍", _tagged_in_context),
    PersonRule("person.tagged", "a tagged name that is no word, no place and no verb's object", _tagged_plain),
    PersonRule("person.honorific", "an honorific the tagger did not tag: 宋师傅, 耿大爷", _untagged_honorific),
    PersonRule("person.known", "a name accepted elsewhere, printed again where no span starts", _known_again),
)


def find_people(text: str, tokens: list[Token], known: set[str]) -> list[PersonSpan]:
    """Person and informal-reference spans of one sentence (offsets relative to it), by PERSON_RULES."""
    reading = _Reading(text, tokens, {t.start: t for t in tokens}, known)
    found: _Found = {}
    for rule in PERSON_RULES:
        for key, span in rule.finds(reading, found):
            found[key] = span
    return sorted(found.values(), key=lambda p: (p.start, p.end))


def find_posts(text: str, people: list[PersonSpan], units: list[Span]) -> list[PostSpan]:
    """Posts held by the named people of one sentence (all offsets relative to it)."""
    posts: list[PostSpan] = []
    by_end: dict[int, list[PostSpan]] = {}  # the posts read before each person, by the person's end
    for p in people:
        if p.informal:
            continue
        # walk back over 、-separated descriptions before the name (身为…书记的张志强: over 的 too)
        end = p.start
        clause = text[max(text.rfind(c, 0, end) for c in "，,。；;：:") + 1 : end]
        if clause.endswith("的") and _AS_ROLE.match(clause):
            end -= 1
        chain: list[PostSpan] = []
        while end > 0:
            seg_start = max(text.rfind(c, 0, end) for c in '，,。；;：:（(“"') + 1
            pieces = re.split(r"、|兼(?=.)", text[seg_start:end])  # 党支部书记兼主任: two titles
            desc = pieces[-1]
            post = _post_in(desc, end - len(desc), p.name, units)
            if post:
                chain.append(post)
            if len(pieces) < 2 or not post and not _honour(desc):
                break
            end = end - len(desc) - 1
            if end <= seg_start:
                break
        # 郑州市农委党组书记、主任樊惠林: a bare title after 、 is held in the body before it
        body: PostSpan | None = None
        for post in reversed(chain):
            if post.org is not None:
                body = post
            elif body is not None and not _UNIT_KIND_TITLE.match(post.title):
                post = PostSpan(post.person, post.title, body.org, body.generic, "post.chain")
            posts.append(post)
        # 副主席李洪祥、梁洁华: a name listed after an official's holds the same post
        if not chain and text[p.start - 1 : p.start] == "、":
            for prev in by_end.get(p.start - 1, []):
                posts.append(PostSpan(p.name, prev.title, prev.org, prev.generic, "post.list"))
                chain.append(posts[-1])
        # 刘立新书记表示: a title printed right after the name
        after = _TITLE_AFTER.match(text, p.end)
        if after and not chain:
            chain.append(PostSpan(p.name, after.group(1), None, rule="post.after-name"))
            posts.append(chain[-1])
        # 赵二红、赵六红,先后任村党支部书记; 安民香是村党支部书记: a post the clause after the names gives
        if not chain:
            names_end = p.end
            while True:
                nxt = next((q for q in people if q.start == names_end + 1 and text[names_end] == "、"), None)
                if nxt is None:
                    break
                names_end = nxt.end
            m = _APPOSITIVE.match(text, names_end)
            if m:
                post = _post_in(m.group("desc"), m.start("desc"), p.name, units)
                if post is not None:
                    chain.append(PostSpan(p.name, post.title, post.org, post.generic, "post.appositive"))
                    posts.append(chain[-1])
        by_end[p.end] = chain
    return posts


# 身为…的, 作为…的: the description before 的 is the post of the name after it.
_AS_ROLE = re.compile(r"^(?:身为|作为)")
# A title right after a name, then a verb or the end of the clause (景荣时书记谈到, 刘立新书记表示).
_TITLE_AFTER = re.compile(r"(总书记|(?:书记|主任|副主任|副书记|局长|镇长|乡长|村长|社长|院长|校长|站长|所长|队长|会长|理事长|主席)(?=[说表谈介强指讲带陪一，,。：:、在也]|$))")
# The clause after a name that gives the person's post: ，先后任村党支部书记, 是村党支部书记.
_APPOSITIVE = re.compile(
    r"[，,]?(?:先后|曾|现|已|一直)?(?:担任|出任|任|是|为|系)(?P<desc>[^，。；;,、“”]{0,12}?" + TITLE_RE.pattern + r")(?=[，。；;,]|$)"
)
# A title that names the kind of unit it is held in (区长, 村委会主任): it brings its own body.
_UNIT_KIND_TITLE = re.compile(r"^(?:常务)?副?(?:[区市县镇乡村]长|[区市县]委|村委会|居委会|村|社区|街道|办事处)")


def _honour(desc: str) -> bool:
    """A description that is not a post: 郑州市优秀志愿者, 先进个人 (the walk goes on past it)."""
    return bool(re.search(r"(?:志愿者|个人|代表|模范|标兵|能手|党员|先进|楷模|之星|好人)$", desc))


def _post_in(desc: str, desc_start: int, person: str, units: list[Span]) -> PostSpan | None:
    """The post a description right before a name gives: 秦岭路街道办事处主任 -> (主任, 秦岭路街道)."""
    m = _TITLE_AT_END.search(desc)
    if not m:
        return None
    title = m.group(0)
    t_start = desc_start + m.start()
    # the unit or body printed right before the title
    before = [u for u in units if u.end == t_start or (u.start < t_start < u.end and u.type != "Organization")]
    term = _TERM_AT_END.search(desc[: m.start()])
    if not before and term:
        # 蜀山区第四届人大代表: the term of office between the unit and the title
        before = [u for u in units if u.end == desc_start + term.start()]
    if not before:
        # 市政府新闻办|新闻发布处|处长: a division of the body printed before it is part of the title
        for u in units:
            k = u.end - desc_start
            if u.type == "Organization" and 0 < k < m.start() and _DIVISION.fullmatch(desc, k, m.start()):
                return PostSpan(person, desc[k : m.end()], u.name)
    if not before and t_start > 0 and desc[m.start() - 1 : m.start()] == "委":
        # 川汇区委组织部长: a post in the district's party committee, held in the district
        before = [u for u in units if u.end == t_start - 1 and u.type in ("District", "City")]
    if before:
        # 二七区委书记: the title (区委书记) may begin inside the unit's name
        u = max(before, key=lambda u: u.end - u.start)
        if u.type == "Organization" and u.name.endswith(("区委", "市委", "县委")):
            inner = [a for a in units if a.type != "Organization" and a.end == u.end - 1]
            if inner:  # 川汇区委组织部长: a post of the district's party committee, held in the district
                return PostSpan(person, title, inner[0].name)
        return PostSpan(person, title, u.name)
    head = desc[: m.start()]
    unit_title = re.match(r"(村委会|村|居委会|社区|办事处|街道|镇|乡)", title)
    if unit_title and not head.strip("、"):
        # 村委会主任杨建军: the title names its unit's kind (the article's own village)
        word = {"村委会": "村", "居委会": "社区", "办事处": "街道"}.get(unit_title.group(1), unit_title.group(1))
        return PostSpan(person, title, word, generic=True, rule="post.unit-title")
    inst = _INSTITUTION_AT_END.search(head)
    if inst and (len(head) == len(inst.group(0)) or head[: inst.start()].endswith(("该", "本", "、", "，"))):
        # 学校党委委员、组织部部长薛志忠: a post in the institution the story is about
        return PostSpan(person, title, inst.group(0), generic=True, rule="post.unit-word")
    g = _GENERIC_UNIT.search(head)
    if g and (len(head) == len(g.group(0)) or head[-len(g.group(0)) - 1 :][:1] in ("该", "本", "所")):
        return PostSpan(person, title, g.group(0), generic=True, rule="post.unit-word")
    core = re.sub(r"^(?:常务)?副", "", title)
    if core[0] in "区市县镇乡" and core[1:2] in ("委", "长") and not head.strip("、"):
        # 区长王鹏, 副区长王志强: the title names its unit's kind
        return PostSpan(person, title, core[0], generic=True, rule="post.unit-title")
    return PostSpan(person, title, None)

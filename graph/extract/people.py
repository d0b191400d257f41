"""People: tagged article text -> person spans (their posts: graph.extract.posts).

The rules are records (PERSON_RULES) run in order by find_people. A name is accepted on evidence, not on the tagger's
word alone: a title printed before it (`党工委书记曹真信`), a verb of speaking or taking part after it (`杨春晓详细介绍`),
a list with an accepted name (`蔡红、赵吉平`), or a credit line. The tagger's PER tag and a known surname are required of
every candidate. Honorifics (`李阿姨`, `王区长`) are informal references: kept apart, and merged into a full name of the
same article when the post agrees (`王区长` -> `区长王鹏`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from graph.extract.spans import HAN
from graph.extract.tagger import Token
from graph.extract.transcribed import DOTTED, transcribed, transcribed_token
from graph.extract.wordbreak import dictionary_names, dictionary_words, spans_word
from graph.lexicon import (
    GOES_TO,
    INFORMAL_RE,
    KIN_HONORIFICS,
    PERSON_ASIDE,
    PERSON_VERBS,
    RARE_SURNAMES,
    TAKES_PART_THEN_STOP,
    TITLE_AT_END,
    TITLE_HONORIFICS,
    TITLE_RE,
    WORK_TITLE,
    looks_like_name,
    surnames,
)

_FUNCTION_SURNAMES = frozenset("和与及或等向从对在为将把被于以")
_LISTED_KINDS = frozenset("街道 社区 乡镇 村组 村民 居民 干部 群众 代表 党员 企业 单位 部门 学校 商户 省级 市级 区级 县级".split())
# The clause after a name that gives the person's post (，先后任村党支部书记, 是柳岸街道的一名网格员): evidence of a
# person, and their post (graph.extract.posts).
APPOSITIVE = re.compile(
    r"[，,]?(?:先后|曾|现|已|一直|高票|全票)?(?:担任|出任|当选为?|任|是|为|系)(?P<desc>[^，。；;,、“”]{0,12}?" + TITLE_RE.pattern + r")(?=[，。；;,、兼]|$)"
)
_LIST_LEAD = re.compile(r"(?:领导|同志|嘉宾|代表|专家|居民|村民|市民|志愿者|党员|负责人|成员|干部|老师|委员|个人|标兵|模范)$")
_HONORIFIC = re.compile(r"([\u4e00-\u9fff])(" + "|".join((*KIN_HONORIFICS, *TITLE_HONORIFICS)) + ")")


@dataclass(frozen=True, slots=True)
class PersonSpan:
    start: int
    end: int
    name: str
    informal: bool = False
    title: str | None = None  # for an informal reference: the title it uses (王区长 -> 区长)
    rule: str = "person.tagged"


# The tags of a token that is no given name after a one-character surname: adverb, preposition, conjunction,
# particle, pronoun, numeral, measure word, punctuation.
_NOT_GIVEN_NAME = frozenset({"d", "p", "c", "u", "r", "m", "q", "w", "xc"})
_PAPER_ROLE = re.compile(r"(?:全媒体|融媒体)?(?:记者|通讯员)")


def _name_after(text: str, at: dict[int, Token], pos: int) -> str | None:
    """A personal name starting at text[pos], using the token boundaries (`at`: tokens by start)."""
    if text[pos : pos + 1] == "边" == text[pos + 2 : pos + 3]:
        return None  # 工作人员边走边介绍: 边…边… (doing one thing while another), no name
    if text[pos : pos + 1] == "包" and text.startswith(("村", "组", "片", "户", "社", "点"), pos + 1):
        return None  # 书记包村, 干部包户: the cadre answers for a village or household, though 包 is a surname
    if text[pos : pos + 1] in _FUNCTION_SURNAMES:
        # 负责人和部门负责人: 和 here is a conjunction; 副主任于军舰、: 于 is a surname before a list mark
        cand = text[pos : pos + 3]
        if looks_like_name(cand) and text[pos + 3 : pos + 4] in ("、", "，", ",", "。") and cand[1:] not in _LISTED_KINDS:
            return cand  # (人大代表和|街道、社区干部: the kind of unit or people a list joins)
        return None
    if text[pos : pos + 1] in "来都能" and text[pos + 1 : pos + 3] in dictionary_words() and not PERSON_VERBS.match(text[pos + 3 : pos + 7]) \
            and (text[pos + 3 : pos + 4] != "、" or getattr(at.get(pos + 4), "tag", None) == "v"):
        return None  # 律师来协调, 社工都感觉, 网格长能及时: verbs after 来, 都, 能; 书记来建国说, 书记来建国、主任…: a name
    dotted = DOTTED.match(text, pos)
    if dotted:  # 主席努尔·白克力说: a transcribed name, printed whole, without the verb after it
        last = dotted.start() + max(dotted.group().rfind(c) for c in "·・•") + 1  # where its last part begins
        most = min(dotted.end() - last, 4)  # a part of two to four characters, or as long as it transcribes
        cut = next((k for k in range(most, 1, -1) if PERSON_VERBS.match(text[last + k : last + k + 4])), most)
        span = transcribed(text, dotted)
        return text[pos : max(last + cut, span[1] if span and span[0] == pos else 0)]
    t = at.get(pos)
    if t is not None and t.tag != "PER" and t.text[:1] in RARE_SURNAMES and not (t.tag == "n" and len(t.text) in (1, 3) and (PERSON_VERBS.match(after := text[pos + 3 : pos + 9]) or GOES_TO.match(after))):
        return None  # 书记|盘腿/v, 主任|侬/n 放心，, 主任|卯/v 足: a word the rare surname begins (not 刀/n 建新/v 出席, 刀建新/n 到会)
    if t is not None and t.tag == "v" and len(t.text) == 1 and getattr(at.get(t.end), "tag", None) in ("n", "vn", "an"):
        return None  # 人大代表查/v 短板/n: a verb and its object, though 查 is a surname
    if t is not None:
        if t.tag == "PER" and looks_like_name(t.text) and not (t.text in dictionary_words() and TITLE_RE.match(text[t.end : t.end + 4])):
            return _whole_name(text, t, at, set())
        if t.tag == "PER" and transcribed_token(text, t):
            return t.text
        if looks_like_name(t.text) and (t.tag in ("LOC", "nz", "n", "nr", "ORG") or (t.tag == "v" and len(t.text) == 3 and t.text[1:] not in dictionary_words())) and _not_a_word(t.text):
            return t.text  # 书记付化国/v: a name of three characters the tagger read as a verb (not 严|把关, 关|不住)
        if t.tag == "PER" and t.text in dictionary_words() and TITLE_RE.match(text[t.end : t.end + 4]):
            return None  # 副镇长李海涛、武装部长王刚强: 武装 begins the next title
        # a surname token followed by its given name: 宋/PER 伟/n
        nxt = at.get(t.end)
        if len(t.text) == 1 and nxt is not None and 1 <= len(nxt.text) <= 2 and looks_like_name(t.text + nxt.text):
            # …not an adverb or a function word after a noun (工作人员水/n 也/d 不喝)
            return t.text + nxt.text if nxt.tag not in _NOT_GIVEN_NAME else None
    if t is not None and t.tag in ("n", "nz") and len(t.text) == 2 and t.text[:1] in surnames()[0] and t.text not in _NO_WORD_NAME \
            and _named_by_what_follows(text, t.end, at):
        return t.text  # 书记高山/n 主持, 书记甘露/n ，副区长王强…: a name that is a word too, a title's holder by what follows
    four = text[pos : pos + 2] in surnames()[1] and text[pos + 3 : pos + 4] not in _NOT_FOURTH and not {getattr(at.get(k), "tag", "n") for k in (pos + 2, pos + 3)} & _NOT_NAMEY
    for n in (4, 3, 2) if four else (3, 2):  # 上官|光明, 上官光|强/a: a double surname's name of four
        cand, after = text[pos : pos + n], text[pos + n : pos + n + 4]
        if looks_like_name(cand) and _not_a_word(cand) and cand[-1] not in _NOT_GIVEN and (not after or PERSON_VERBS.match(after) or GOES_TO.match(after) and not {getattr(at.get(k), "tag", "n") for k in range(pos, pos + n)} & _NOT_BEFORE_GOING or after[:1] in '，,、。；;（(”" '):
            return cand  # not 平时|就|是: a word that follows a name ends none
    return None


# What says a word after a title is its holder's name: a verb of chairing or speaking that only a person does
# (not 发言, 表示, 参加, 陪同: 书记代表发言, 区长全程陪同, 主任单位表示支持).
_CHAIRS_OR_SPEAKS = re.compile(r"主持|讲话|致辞|强调|指出")
_NO_WORD_NAME = frozenset("代表 全程 席间 现场 当场 会上 单位 司机 秘书 委员 成员".split())  # who or where, no name


def _named_by_what_follows(text: str, end: int, at: dict[int, Token]) -> bool:
    """After a word after a title: a verb of chairing or speaking, or a list's next official, named (…书记甘露，副区长
    王强…; not 主任单位、副主任单位, a list of titles each with the same word)."""
    if _CHAIRS_OR_SPEAKS.match(text, end):
        return True
    title = TITLE_RE.match(text, end + 1) if text[end : end + 1] in ("，", "、") else None
    return title is not None and getattr(at.get(title.end()), "tag", None) == "PER"


def _not_a_word(name: str) -> bool:
    """After a title, a name that is no word of the dictionary, or one the dictionary gives as a name too (镇长高峰)."""
    return name not in dictionary_words() or name in dictionary_names()


def _accept_context(text: str, start: int, end: int) -> bool:
    """A name is credible when a verb of speaking/taking part follows or a list lead precedes (past its aside: （女）)."""
    end = aside.end() if (aside := PERSON_ASIDE.match(text, end)) else end
    after = text[end : end + 4]
    before = text[max(0, start - 4) : start]
    if after[:1] == "等" and _KINDS_COUNTED.match(text, end + 1):
        return False  # 发展康养等多种业态: things of a kind, not people
    if PERSON_VERBS.match(after) or after.startswith(("同志", "总书记", "总理", "委员长")):
        return True  # 以习近平同志为核心: a leader named in passing
    # a list's lead or a title before it; a clause giving the post after it (王建军是柳岸街道的一名网格员)
    return bool(_LIST_LEAD.search(before) or TITLE_AT_END.search(before)) or APPOSITIVE.match(text, end) is not None


_AFTER_WHOLE_NAME = ("同志", "的带领", "的率领", "的陪同")  # and a list's or a clause's mark, after none of these:
_ALONE_BEFORE_A_MARK = frozenset("家处里时后前外内们俩讲称问答笑叹夸赞想看姐哥叔姨嫂弟妹")  # 李芳家、 王强时， 王强想， 王芳姐，
_NOT_FOURTH = _ALONE_BEFORE_A_MARK | frozenset("才亦则便即已均正仍却作")  # after a double surname's three (欧阳军作, 端木兰亦),
_NOT_BEFORE_GOING = frozenset(("d", "ad", "f", "m", "q", "p", "c", "u", "r", "w", "TIME"))  # 市长曾/d 多次深入, 严寒/n 中/f 赶到
_NOT_NAMEY = frozenset(("v", "vd", "d", "ad", "p", "c", "u", "r", "f", "w", "TIME"))  # or a word of these begun there (皇甫|刚才)


def _whole_name(text: str, t: Token, at: dict[int, Token], known: set[str]) -> str:
    """A name the tagger cut one character short (陈沸|沸兴奋 -> 陈沸沸, 兴奋 a word; 景荣|时书记 -> 景荣时): the character
    joins the name only when the tagger glued it to the word after it, or what follows names follows it."""
    if len(t.text) == 3 and (t.text[-1] == "作" and _GIVES_A_SPEECH.match(text, t.end) or t.text[-1] in "区县镇乡村市" and getattr(at.get(t.end), "text", "") == "长"):
        return t.text[:2]  # 刘强作|动员讲话: the verb 作; 周强区|长: a head's title; not the name's last character
    nxt = at.get(t.end)
    if len(t.text) == 2 and nxt is not None and len(nxt.text) == 1 and (text.startswith(_AFTER_WHOLE_NAME, nxt.end) or (
            text[nxt.end : nxt.end + 1] in "、，," and nxt.tag not in _NOT_GIVEN_NAME and nxt.text not in _ALONE_BEFORE_A_MARK
            and not PERSON_VERBS.match(nxt.text))) \
            and not text.startswith("同志们", nxt.end) and nxt.text not in _NOT_GIVEN \
            and nxt.text not in "老小好女男各二两俩三四五六七八九十几众诸" and looks_like_name(t.text + nxt.text):
        return t.text + nxt.text  # 张付|全|同志, 王天|定|的带领下, 书记梁甲|猛|，, 陈贤|选|、: what follows a whole name (not 王强|老|同志)
    if len(t.text) == 2 and nxt is not None and nxt.text == "和" and looks_like_name(t.text + "和"):
        return t.text + "和" if TAKES_PART_THEN_STOP.match(text, nxt.end) else t.text  # 区长孟庆|和|到场，: 和 joins nothing
    if len(t.text) == 2 and nxt is not None and nxt.text in _WORD_AND_NAME_END and looks_like_name(t.text + nxt.text):
        after = text[nxt.end : nxt.end + 4]
        return t.text + nxt.text if PERSON_VERBS.match(after) or after[:1] == "给" else t.text  # 王利|中|在会上说
    if len(t.text) != 2 or nxt is None or len(nxt.text) < 2 or nxt.text[0] in _NOT_GIVEN:
        return t.text
    longer = t.text + nxt.text[0]
    if not looks_like_name(longer):
        return t.text
    rest = nxt.text[1:]
    if longer in known or TITLE_RE.fullmatch(rest) or rest in dictionary_words() and nxt.text not in dictionary_words():
        return longer
    return t.text


# What 作 (to give) takes after a name: a speech, a report (刘强作动员讲话, 作表态发言, 作专题辅导).
_GIVES_A_SPEECH = re.compile(r"(?:了)?(?:动员|总结|表态|开班|专题|重要|工作|交流|典型|会议)?(?:讲话|发言|报告|部署|辅导|点评|讲解|说明|动员)")


# Names' last characters the tagger reads as a word of their own (才 "only then", 中 "in", 凡 "every"): one is the name's when what
# follows it is what follows a name (王聚才给我们介绍, 王利中在会上说).
_WORD_AND_NAME_END = frozenset(("才", "中", "凡"))
# Characters that follow a name as words of their own, never as its last character.
_NOT_GIVEN = frozenset("等在还和与及也说是的都就又曾被将对向把从为了着过一副地")  # 副镇长; 高兴地说
# What a place's name goes on with: a name followed by these is a place (郑少连接线, 付楼村).
_PLACE_AFTER = re.compile(r"^(?:路|街|道|大道|线|连接线|高速|公路|[村镇乡区县市](?!长)|庄|社区|小区|片区|花园|公园|广场|河|湖|山|桥|港|站)")
_PLACE_END = re.compile(r"[庄里村屯营寨湾桥园苑城路街巷氏]$")
# A doctrine named after its author (习近平新时代中国特色社会主义思想, 习近平法治思想): the name is the doctrine's, no mention.
_DOCTRINE = re.compile(r"(?:新时代中国特色社会主义|法治|生态文明|强军|外交|经济|文化)思想")


def _plain_name(text: str, start: int, end: int, at: dict[int, Token]) -> bool:
    """A tagged name that needs no context, when nothing says it is not one.

    Not a word of the dictionary (公示, 谈到, 武装), not a place's name (李权庄, 郑少连接线), and a two-character name
    not the object of a verb (传党恩)."""
    name = text[start:end]
    if name in dictionary_words() or _PLACE_END.search(name) or _PLACE_AFTER.match(text[end : end + 3]) or _DOCTRINE.match(text, end):
        return False
    if len(name) == 2:
        prev = next((t for t in at.values() if t.end == start), None)
        if prev is not None and prev.tag == "v":
            return False
    return not _between_listed_things(text, start, end, at)


# Forms of address that begin with 大 (张大爷, 李大妈): the surname and 大 may make a word of their own (张大).
_ELDERS = frozenset(("大爷", "大妈", "大娘", "大姐", "大哥", "大叔", "大婶"))
_SAYS = re.compile("地(?:对记者|向记者|跟记者|笑着)?(?:说|表示|告诉|介绍|讲|回忆|谈)")  # how one speaks (欢喜地说)
_THINGS_AFTER = frozenset(("n", "vn", "nz"))  # the tags of what a list of things before 等 is of (产业, 项目)
_KINDS_COUNTED = re.compile(r"[\d一二三四五六七八九十两多几数各]+[种类项门样]")  # …等|多种业态, 等|各类项目: kinds of thing


def _between_listed_things(text: str, start: int, end: int, at: dict[int, Token]) -> bool:
    """A two-character name listed between common nouns (日巡、周查、月检) or last after one (旅游、康养等): an item of
    their kind, no person."""
    if end - start != 2 or text[start - 1 : start] != "、" or text[end : end + 1] not in ("、", "等"):
        return False
    before = next((t for t in at.values() if t.end == start - 1), None)
    if text[end] == "等" and getattr(at.get(end + 1), "tag", None) not in _THINGS_AFTER and not _KINDS_COUNTED.match(text, end + 1):
        return False  # 党员、王强等|参加: people listed, what they did follows (旅游、康养等|产业, 等|多种业态: things)
    after = at.get(end + 1) if text[end] == "、" else before
    return all(t is not None and t.tag in ("n", "vn") and len(t.text) == 2 for t in (before, after))


def _clean_boundary(text: str, start: int, end: int) -> bool:
    """A name's edges are not inside a word: 周联席|会议 (联席会议), 全|市长|效; nor is one before 地说 (时高兴|地说)."""
    return not spans_word(text[start:end], text[end : end + 3], min_len=3) and not _SAYS.match(text, end)


def _informal_ok(text: str, start: int, end: int) -> bool:
    """An honorific reference stands alone: 全市长效 and 敬老助老 are words, not people."""
    words = dictionary_words()
    span = text[start:end]
    kin = span[1:] in _ELDERS  # 张大爷: 张大 is a word, but 大爷 after a surname is one's address
    if span[:2] in words and not kin or text[max(0, start - 1) : start + 1] in words:
        return False
    return not spans_word(span, text[end : end + 2])


@dataclass(frozen=True, slots=True)
class _Reading:
    """One sentence as the person rules read it."""

    text: str
    tokens: list[Token]
    at: dict[int, Token]  # tokens by start
    known: set[str]  # names accepted elsewhere in the article
    honorifics: tuple[Token, ...]  # PER tokens that are honorifics (李阿姨, 王区长)
    names: tuple[tuple[Token, str], ...]  # the other PER tokens with their whole name, where it is a valid one


def _reading(text: str, tokens: list[Token], known: set[str]) -> _Reading:
    """The sentence with its tagged names read once (whole, checked), for every person rule to filter."""
    at = {t.start: t for t in tokens}
    honorifics: list[Token] = []
    names: list[tuple[Token, str]] = []
    for t in tokens:
        if t.tag != "PER":
            continue
        if t.text[-1:] == "说" and INFORMAL_RE.match(t.text[:-1]):
            t = t._replace(text=t.text[:-1], end=t.end - 1)  # 陈伯/PER 说 read as one name: the address, then its verb
        if t.text[-1] == "副" and TITLE_RE.match(text, t.end):
            continue  # 肖副/PER 区长: a surname and the deputy's title, no name
        if INFORMAL_RE.match(t.text) or _HONORIFIC.fullmatch(t.text):
            honorifics.append(t)
            continue
        name = _whole_name(text, t, at, known)
        if name.endswith("报") and _PAPER_ROLE.match(text, t.start + len(name)):
            continue  # 郑报|全媒体记者: a paper's short name before its reporter's role
        if _paired_phrase(text, t.start, name, at):
            continue  # 巩文|巩卫, 向善|向上: the first half of a set phrase that says its first character twice
        if looks_like_name(name) and _clean_boundary(text, t.start, t.start + len(name)):
            names.append((t, name))
        elif transcribed_token(text, t) and _clean_boundary(text, t.start, t.end):
            names.append((t, t.text))  # 萨仁高娃, 巴图孟和: no surname
    return _Reading(text, tokens, at, known, tuple(honorifics), tuple(names))


def _paired_phrase(text: str, start: int, name: str, at: dict[int, Token]) -> bool:
    """A two-character name whose first character opens the next two again (巩文巩卫, 向善向上, 创文创卫): a set
    phrase of two parallel halves, no person; not a name before a word that begins with its surname (向东|向|记者
    介绍, 张伟|张贴了)."""
    if len(name) != 2 or text[start + 2 : start + 3] != name[0] or HAN.match(text[start + 3 : start + 4]) is None:
        return False
    second = at.get(start + 2)
    return (second is None or len(second.text) == 2) and text[start + 4 : start + 5] not in ("了", "着", "过")


# What a person rule gives: (key, span) to record under key; a later rule's span under the same key replaces it.
_Found = dict[tuple[int, int], PersonSpan]


@dataclass(frozen=True, slots=True)
class PersonRule:
    """One way a person is found: its rule id, what it reads (for the README and the rule report), and its finder.

    The finder sees the sentence and what is found so far (its own finds included, as it goes), and yields (start, end)
    keys with their spans; a span under a key already found replaces it (a tagged name over the span a title found).
    Rules run in PERSON_RULES' order."""

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


def _dotted(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    if "·" not in r.text and "・" not in r.text and "•" not in r.text:
        return  # most sentences: no scan of every position
    for m in DOTTED.finditer(r.text):
        span = transcribed(r.text, m)
        if span is not None and r.text.count("“", 0, span[0]) <= r.text.count("”", 0, span[0]) and not _starts_in(found, span[0]):
            yield span, PersonSpan(*span, r.text[span[0] : span[1]], rule="person.dotted")


def _untaken(r: _Reading, found: _Found) -> Iterator[tuple[Token, str]]:
    """The tagged names whose token no rule has taken yet, and that are not the start of a form of address the
    tagger cut short (孙奶/PER 奶说: 孙奶奶, for the honorifics' rule)."""
    return (
        (t, name) for t, name in r.names
        if (t.start, t.end) not in found and not ((m := _HONORIFIC.match(r.text, t.start)) and m.end() > t.end)
    )


def _tagged_informal(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for t in r.honorifics:
        if (t.start, t.end) in found:
            continue
        hm = _HONORIFIC.fullmatch(t.text)
        if _informal_ok(r.text, t.start, t.end):
            yield (t.start, t.end), PersonSpan(t.start, t.end, t.text, True, hm.group(2) if hm else None, "person.informal")


def _tagged_known(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for t, name in _untaken(r, found):
        if name in r.known:
            yield (t.start, t.start + len(name)), PersonSpan(t.start, t.start + len(name), name, rule="person.known")


def _tagged_in_context(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for t, name in _untaken(r, found):
        end = t.start + len(name)
        if name not in r.known and _accept_context(r.text, t.start, end) and not _between_listed_things(r.text, t.start, end, r.at):
            yield (t.start, end), PersonSpan(t.start, end, name, rule="person.context")


def _tagged_plain(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for t, name in _untaken(r, found):
        end = t.start + len(name)
        if name not in r.known and not _accept_context(r.text, t.start, end) and _plain_name(r.text, t.start, end, r.at):
            yield (t.start, end), PersonSpan(t.start, end, name, rule="person.tagged")


def _tagged_joined(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for t, name in _untaken(r, found):
        end = t.start + len(name)
        if r.text[t.start - 1 : t.start] in _JOINING and any(e == t.start - 1 for _, e in found) and _clean_boundary(r.text, t.start, end):
            yield (t.start, end), PersonSpan(t.start, end, name, rule="person.joined")


# What may come right before a form of address the tagger did not tag (居民张阿姨, 楼上的王奶奶, 和李大爷).
_BEFORE_ADDRESS = frozenset("的民和与及位名说是对给让找向跟帮请楼家里")
# The marks that join a name to one accepted before it (网格员张伟和李娜, 副主席王磊、李娜、陈刚).
_JOINING = ("和", "与", "及", "、")


def _untagged_honorific(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for m in _HONORIFIC.finditer(r.text):
        span = (m.start(), m.end())
        before = r.text[m.start() - 1 : m.start()]
        if HAN.match(before) and before not in _BEFORE_ADDRESS or _title_before_name(r, m):
            continue  # 秀全大妈: a name's end, not a surname
        if not _starts_in(found, span[0]) and m.group(1) in surnames()[0] and _informal_ok(r.text, *span):
            yield span, PersonSpan(m.start(), m.end(), m.group(0), True, m.group(2), "person.honorific")


def _title_before_name(r: _Reading, m: re.Match[str]) -> bool:
    """原区长马国平, 经区长王振华: a word of its own (原/a, 经/p) and a title before a tagged name; 钱局长钱立新: the
    title after the name's own surname (not 钱局长李强, 高主任李红: the address is another person)."""
    nt, st = r.at.get(m.end()), r.at.get(m.start())
    return nt is not None and nt.tag == "PER" and (nt.text[:1] == m.group(1) or st is not None and len(st.text) == 1 and st.tag not in _NAMEY_TAGS)


_NAMEY_TAGS = frozenset(("n", "nr", "nz", "PER", "ORG", "LOC"))


def _known_again(r: _Reading, found: _Found) -> Iterator[tuple[tuple[int, int], PersonSpan]]:
    for name in r.known:
        # each printing, left to right, none overlapping the one before (as re.finditer would find the name, without
        # a pattern compiled for every name: the names of a corpus outnumber re's cache of patterns)
        start = r.text.find(name) if name else -1
        while start >= 0:
            end = start + len(name)
            if not _starts_in(found, start):
                yield (start, end), PersonSpan(start, end, name, rule="person.known")
            start = r.text.find(name, end)


def _starts_in(found: _Found, pos: int) -> bool:
    return any(s <= pos < e for s, e in found)


# The person rules in order: a title's evidence, the tagger's names by what else says they are people, honorifics, known names.
PERSON_RULES = (
    PersonRule("person.title", "a name right after a title: 主任杨春晓, “第一书记”宁学军", _after_title),
    PersonRule("person.dotted", "a transcribed name printed with its dot: 阿依古丽·买买提说", _dotted),
    PersonRule("person.informal", "an honorific the tagger tagged, standing alone: 李阿姨, 王区长", _tagged_informal),
    PersonRule("person.known", "a tagged name accepted elsewhere in the article (a credit, an earlier sentence)", _tagged_known),
    PersonRule("person.context", "a tagged name a verb of speaking follows or a list lead precedes: 杨春晓介绍", _tagged_in_context),
    PersonRule("person.tagged", "a tagged name that is no word, no place and no verb's object", _tagged_plain),
    PersonRule("person.joined", "a tagged name joined by 和/与/及/、 to a name accepted before it: 网格员张伟和李娜", _tagged_joined),
    PersonRule("person.honorific", "an honorific the tagger did not tag: 宋师傅, 耿大爷", _untagged_honorific),
    PersonRule("person.known", "a name accepted elsewhere, printed again where no span starts", _known_again),
)


def find_people(text: str, tokens: list[Token], known: set[str]) -> list[PersonSpan]:
    """Person and informal-reference spans of one sentence (offsets relative to it), by PERSON_RULES."""
    reading = _reading(text, tokens, known)
    found: _Found = {}
    for rule in PERSON_RULES:
        for key, span in rule.finds(reading, found):
            found[key] = span
    # a name inside a work's title (观看电影《你好，张秀英》) is the work's, not a person of the story
    titles = [m.span() for m in WORK_TITLE.finditer(text)] if "《" in text else []
    return sorted((p for p in found.values() if not any(a < p.start < b for a, b in titles)), key=lambda p: (p.start, p.end))

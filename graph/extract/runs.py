"""Tokens cut where a body's name cannot run on: across a unit's boundary, at a verb of joining the tagger read
inside one name (社区联合区民政局, 办公室组织区应急局: two bodies, not one), and after a person's name the tagger
glued a word to (袁志华为/PER 服务队: a name and 为), and before a verb in 办 the tagger read as the name's end
(金海区文化馆协办/ORG: the museum co-hosted)."""

from __future__ import annotations

import re

from graph.extract.spans import HAN, PROPER, Span
from graph.extract.tagger import Token
from graph.lexicon import BAN_VERBS, JOINING_VERBS, ORG_SUFFIXES, alternation, looks_like_name

# Verbs by which one body brings in another (柳岸街道联合区民政局开展义诊); 组织 also begins names (组织委员会), so only
# between two bodies.
_JOINING_FIRST = (*JOINING_VERBS, "邀请")  # …those that may open the token (联合|天隆物业公司)
_JOINING = re.compile(alternation((*_JOINING_FIRST, "组织")))
_MAY_CUT = re.compile(alternation((*_JOINING_FIRST, "组织", "兼")))  # a sentence without one has no token to cut
# What a body's name may end with before the verb: a body's suffix, or a unit's word (社区|联合区民政局).
_BODY_OR_UNIT_END = (*ORG_SUFFIXES, "社区", "街道", "办事处", "村", "镇", "乡")
# What the verb begins, not a second body: 联合党委, 联合支部, 联合会, 联合体, 组织委员会, 组织部 (市委组织部远程教育中心).
_NOT_A_PARTNER = re.compile(r"^(?:党(?!群)|支部|总支|工会|会|体|委员会|部)")


def split_at_units(tokens: list[Token], units: list[Span]) -> list[Token]:
    """Cut tokens that run across a unit's boundary (伏牛北社区党/v -> 伏牛北社区 | 党); without units, `tokens` itself."""
    if not units:
        return tokens
    cuts = sorted({u.start for u in units} | {u.end for u in units})
    out: list[Token] = []
    for t in tokens:
        inner = [c for c in cuts if t.start < c < t.end]
        if not inner:
            out.append(t)
            continue
        bounds = [t.start, *inner, t.end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            piece = t.text[a - t.start : b - t.start]
            inside = any(u.start <= a and b <= u.end for u in units)
            tag = "LOC" if inside else (t.tag if t.tag in PROPER else ("n" if HAN.match(piece) else t.tag))
            out.append(Token(a, b, piece, tag))
    return out


# What follows a name as a word of its own (为, 在, 和, 从…), which the tagger may glue to a name's end.
_AFTER_NAME = frozenset("为在和与对向到给从")


def split_glued_names(tokens: list[Token]) -> list[Token]:
    """A four-character name the tagger read with the word after it (袁志华为/PER): the name and the word."""
    glued = {id(t) for t in tokens if t.tag == "PER" and len(t.text) == 4 and t.text[-1] in _AFTER_NAME
             and not looks_like_name(t.text) and looks_like_name(t.text[:3])}
    if not glued:
        return tokens  # nearly every sentence: no list made again
    out: list[Token] = []
    for t in tokens:
        if id(t) in glued:
            out += [Token(t.start, t.end - 1, t.text[:3], "PER"), Token(t.end - 1, t.end, t.text[3], "p")]
        else:
            out.append(t)
    return out


def split_at_connectors(text: str, tokens: list[Token], units: list[Span]) -> list[Token]:
    """Cut a token the tagger read as one name where a verb of joining stands between two bodies' names
    (社区联合区民政局 -> 社区 | 联合 | 区民政局), or opens it before a body's (联合天隆物业服务有限公司); not inside a unit.
    `text` is the sentence the tokens read."""
    if _MAY_CUT.search(text) is None:
        return tokens
    out: list[Token] = []
    for t in tokens:
        cut = _joining_at(t.text) if len(t.text) >= 4 else None
        if cut is None or any(u.start < t.start + cut[1] and t.start + cut[0] < u.end for u in units):
            out.append(t)
            continue
        a, b = cut
        named = t.tag if t.tag in PROPER else "nz"  # the partner's name: a name, whatever the tagger made of the run
        pieces = ((0, a, t.tag), (a, b, "v"), (b, len(t.text), named))
        out.extend(Token(t.start + x, t.start + y, t.text[x:y], tag) for x, y, tag in pieces if y > x)
    return out


def _joining_at(text: str) -> tuple[int, int] | None:
    if 0 < (k := text.find("兼", 1)) < len(text) - 1 and not text.startswith("兼职", k):
        return k, k + 1  # 嘎查党支部书记兼嘎查委员会: two posts' bodies, no name holds 兼
    for m in _JOINING.finditer(text):
        before, after = text[: m.start()], text[m.end() :]
        if len(after) < 2 or not after.endswith(ORG_SUFFIXES) or _NOT_A_PARTNER.match(after) or not HAN.match(after):
            continue
        if before.endswith(_BODY_OR_UNIT_END) if before else m.group(0) in _JOINING_FIRST:
            return m.start(), m.end()
    return None


def split_verb_tails(tokens: list[Token]) -> list[Token]:
    """A body's name the tagger read with a verb in 办 after it (金海区文化馆协办/ORG): the name and the verb."""
    glued = {id(t) for t in tokens if t.tag == "ORG" and len(t.text) >= 5 and t.text[-2:] in BAN_VERBS}
    if not glued:
        return tokens
    out: list[Token] = []
    for t in tokens:
        if id(t) in glued:
            out += [Token(t.start, t.end - 2, t.text[:-2], "ORG"), Token(t.end - 2, t.end, t.text[-2:], "v")]
        else:
            out.append(t)
    return out


_NOT_A_NUMBER = re.compile(r"[^\d一二三四五六七八九十百千万亿零〇两几多余第首家个名批位项座户支条期届号次佳强]")  # nor a count (三家, 一期)
_NO_NAME_END = frozenset(("u", "p", "c", "d", "r", "w"))  # 宏达建材的（宁江）有限公司: no name ends in a particle
# A company's registered place, printed in brackets between its name and its legal form: 宏达建材(宁江)有限公司.
_REGISTERED_PLACE = re.compile(r"(?<=[\u4e00-\u9fff])[(（][\u4e00-\u9fff]{2,8}[)）](?:股份有限公司|有限责任公司|有限公司)")


def join_registered_places(text: str, tokens: list[Token]) -> list[Token]:
    """A company's name with its registered place in brackets (宏达建材|（|宁江|）有限公司, however the tagger cut it): the
    bracket, the place and the legal form joined to the name's last token, so that the body's name runs on over them.
    Only where the tokens begin at the bracket and end with the form (not …有限公司捐赠, a token running past it)."""
    if "有限" not in text:
        return tokens  # nearly every sentence
    starts, ends = {t.start: k for k, t in enumerate(tokens)}, {t.end: k for k, t in enumerate(tokens)}
    joined: dict[int, int] = {}  # the name's last token -> the token that ends the form
    for m in _REGISTERED_PLACE.finditer(text):
        if m.start() in ends and m.start() in starts and m.end() in ends and tokens[ends[m.start()]].tag not in _NO_NAME_END:
            joined[ends[m.start()]] = ends[m.end()]
    if not joined:
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if k in joined:
            last = tokens[joined[k]]
            while out and out[-1].tag == "m" and out[-1].end == t.start and _NOT_A_NUMBER.search(out[-1].text):
                t = out.pop()  # a brand the tagger read as a number (亿迈|齿轮: 亿 is one): the name's beginning
            out.append(Token(t.start, last.end, text[t.start : last.end], t.tag if t.tag in PROPER else "nz"))
            k = joined[k] + 1
        else:
            out.append(t)
            k += 1
    return out

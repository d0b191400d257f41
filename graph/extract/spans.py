"""Spans: the records the unit and body finders give, and the token tests they share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from graph.extract.tagger import Token
from graph.lexicon import STREET_OFFICE_WORDS, alternation, ends_as_body
from graph.model import ADMIN_RANK

# Tags of tokens that can be part of a name, and of tokens that name something.
NAMEY = {"LOC", "ORG", "PER", "nz", "n", "ns", "nt", "nw", "vn", "an", "j", "nr"}
PROPER = {"LOC", "ORG", "PER", "nz", "ns", "nt", "nw", "nr"}
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# A suffix word that begins a stem: the end of a unit the scan missed (街道王马|社区).
SUFFIX_LEAD = re.compile("^" + alternation((*STREET_OFFICE_WORDS, "社区")))


# A verb of acting together right after a body's last character: two bodies the tagger read as one word
# (二七区民政局联合区卫健委 /ORG, 区民政局|会同区财政局 /v, 镇政府联合…); not 联合会, 联合社, a body's own name.
_BODY_END = "[局委办会联所队站院校心司团部厅处科府]"
_JOINT = re.compile(rf"(?<={_BODY_END})(?:联合(?![会社体党])|会同|携手|组织(?![部者]|委员|机构|建设|工作|生活|体系))")
# A conjunction between two bodies inside one body token (县教育局和县公安局 /ORG); the part after it must end as a
# body's name, so that a bureau's name with 和 in it stays whole (发展和改革委员会: 展 ends no body).
_AND = re.compile(rf"(?<={_BODY_END})[和与及]")
# …and the preposition 在 the tagger reads into a body's word (区妇联在区妇女 /ORG): the body's name ends before it.
_AT = re.compile(rf"(?<={_BODY_END})在(?!线)")


def inside_longer(u: Span, spans: Sequence[Span]) -> bool:
    """`u` lies inside a longer span of `spans` (郑州市 of 郑州市第七人民医院)."""
    return any(v.start <= u.start and u.end <= v.end and v.end - v.start > u.end - u.start for v in spans)


def split_spaces(sentence: str, tokens: list[Token]) -> list[Token]:
    """The sentence's `tokens`, the spaces a token begins or ends with cut off as tokens of their own: the tagger
    reads a headline's two lines joined by a space (柳岸镇 李庄村) as ' 李庄村', which begins no name."""
    if " " not in sentence and "\u3000" not in sentence:
        return tokens
    out: list[Token] = []
    for t in tokens:
        word = t.text.strip(" \u3000")
        if not word or word == t.text:
            out.append(t)
            continue
        a = t.start + t.text.index(word)
        b = a + len(word)
        out += [Token(t.start, a, t.text[: a - t.start], "w")] if a > t.start else []
        out.append(Token(a, b, word, t.tag))
        out += [Token(b, t.end, t.text[b - t.start :], "w")] if b < t.end else []
    return out


def split_joined(sentence: str, tokens: list[Token]) -> list[Token]:
    """The sentence's `tokens`, each that joins bodies by such a verb or conjunction cut into the bodies and the joiners."""
    verbs = _JOINT.search(sentence) is not None  # one search in C: most sentences hold no such verb after a body
    if not verbs and not any(t.tag == "ORG" and (_AND.search(t.text) or _AT.search(t.text)) for t in tokens):
        return tokens  # most sentences: no token is looked at further
    out: list[Token] = []
    for t in tokens:
        pre = 1 if out else 0  # the verb may open a token after a body's: the last character before it counts
        cut = t.start  # where what is left of the token begins
        joints = [
            (t.start + m.start() - pre, t.start + m.end() - pre, "v")
            for m in (_JOINT.finditer((out[-1].text[-1:] if out else "") + t.text, pre) if verbs else ())
        ]
        if t.tag == "ORG":  # …and one it ends with (区卫健委和|区市场监管局 /ORG /ORG): the next token is the second body
            joints += [(t.start + m.start(), t.start + m.end(), "c") for m in _AND.finditer(t.text) if ends_as_body(t.text[m.end() :]) or m.end() == len(t.text)]
            joints += [(t.start + m.start(), t.start + m.end(), "p") for m in _AT.finditer(t.text)]
        for at, end, tag in sorted(joints):
            if at < cut or 0 < t.end - end < 2 and tag != "p" or end == t.end and tag == "v" and t.tag != "ORG":
                continue  # cut by the token's start (split already), or no second body after it
            if at > cut:
                out.append(_piece(t, cut, at))
            out.append(Token(at, end, t.text[at - t.start : end - t.start], tag))
            cut = end
        if cut < t.end:
            out.append(t if cut == t.start else _piece(t, cut, t.end))
    return out


def _piece(t: Token, start: int, end: int) -> Token:
    """The part of token `t` from `start` to `end`: a body's name when it ends as one after a verb."""
    text = t.text[start - t.start : end - t.start]
    return Token(start, end, text, "ORG" if t.tag == "ORG" or start > t.start and ends_as_body(text) else t.tag)


@dataclass(frozen=True, slots=True)
class Span:
    """A name found in a sentence: where, as printed, its class and canonical name, and the rule that found it."""

    start: int
    end: int
    text: str
    type: str
    name: str  # canonical form
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # name of the unit printed right before it (containment)
    source: str = "unit.suffix"  # the id of the rule that found it

    def moved(self, d: int) -> Span:
        """The span `d` characters further on (made by the constructor: dataclasses.replace reads the fields each call)."""
        return Span(self.start + d, self.end + d, self.text, self.type, self.name, self.aliases, self.parent, self.source)


def token_at(tokens: list[Token], pos: int) -> int | None:
    """Index of the token covering character `pos`."""
    lo, hi = 0, len(tokens) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = tokens[mid]
        if t.start <= pos < t.end:
            return mid
        if t.start > pos:
            hi = mid - 1
        else:
            lo = mid + 1
    return None


def token_starts(tokens: list[Token], pos: int) -> bool:
    """Whether a token begins at `pos`: a word ends right before it (or no token covers it)."""
    i = token_at(tokens, pos)
    return i is None or tokens[i].start == pos


def stem_token(t: Token) -> bool:
    """A token that can be part of a unit's name: a noun, or a number-word like 四棉."""
    if not HAN.match(t.text):
        return False
    if t.tag in NAMEY:
        return True
    return t.tag == "m" and not re.fullmatch(r"[一二三四五六七八九十百千万两几多]+个?", t.text)


def rank(cls: str) -> int:
    return ADMIN_RANK.get(cls, 9)


__all__ = ["HAN", "NAMEY", "PROPER", "SUFFIX_LEAD", "Span", "rank", "split_joined", "stem_token", "token_at", "token_starts"]

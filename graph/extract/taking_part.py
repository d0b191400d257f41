"""Who took part in an article's occurrence, besides those its clause names.

People named in a sentence of taking part (出席, 参加, 陪同…) or holding a post
in the article, and the units and bodies a clause of sponsoring names
(本次活动由区委宣传部主办，金海老年大学承办).
"""

from __future__ import annotations

import re

from graph.extract.events import EventCandidate
from graph.extract.sentence import Sentence
from graph.extract.spans import Span
from graph.lexicon import JOINING_VERBS, NATIONAL_TITLES, alternation
from graph.model import Article, LocalEntity

_PARTICIPATE = re.compile(r"出席|参加|参会|陪同|主持|带队|率队|讲话|致辞|强调|指出|介绍|发言|一行|视察|调研|观摩|邀请|观看")
_ORG_PARTICIPATE = re.compile(r"参加会议|参会|出席|参加活动|参加")
_INVITED = re.compile(r"(?<![应受])(?:特邀|邀请|邀约)(?:了|到)?(?P<who>[^，。；！？,;!?]+)")
_LED_PARTY = re.compile(r"(?:率领|带领|率)(?P<who>[^，。；！？,;!?]{2,30}?(?:组|团|队))(?=一行|到|赴|来到|前往|[，。；！？,;!?]|$)")
_SPOKE = re.compile(r"(?:作|做)了?(?:交流|表态|典型|经验)?发言|(?:交流|表态|典型)发言|作了?(?:工作)?汇报|(?:负责人|负责同志)?(?:陪同|列席)")
_UNVEILED = re.compile(r"为[^，。；！？,;!?]{1,30}(?:揭牌|授牌|授旗|剪彩)")


# Where those who took part came from (来自金海区、金湾区的企业, 柳岸新区、金湾县等地的企业): no party to it.
_FROM = re.compile(r"来自[^，。；！？,;!?]{0,20}$")
_AND_OTHER_PLACES = re.compile(r"(?:[、和与及][^，。；！？,;!?、]{1,15}?)*等(?:地|地区|省市|区县|县区)")  # a list, then 等地


def origin(u: Span, s: Sentence) -> bool:
    """The unit is where those who took part came from."""
    return bool(_FROM.search(s.text, 0, u.start - s.offset) or _AND_OTHER_PLACES.match(s.text, u.end - s.offset))


def participation(sentence: str) -> bool:
    return bool(_PARTICIPATE.search(sentence))


def org_participation(sentence: str) -> tuple[int, int] | None:
    """Where a sentence names bodies that took part: all of it when they attend (参加会议, 出席); before the 为
    when their people unveil or award something (区民政局和街道负责同志为服务中心揭牌: not the bodies unveiled); the
    clause after an invitation (特邀金海区人民医院为居民义诊: not 应…邀请, the host's); a party an official led
    (率领金海区政协考察组一行); None when it names none."""
    if _ORG_PARTICIPATE.search(sentence):
        return 0, len(sentence)
    if m := _UNVEILED.search(sentence):
        return 0, m.start()
    if m := _SPOKE.search(sentence):  # 会上，柳岸街道作交流发言; 区住建局负责人陪同: the clause's bodies spoke or came along
        return max(sentence.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1, m.start()
    if m := _INVITED.search(sentence) or _LED_PARTY.search(sentence):
        return m.start("who"), m.end("who")
    return None


# What follows the name of one the sentence quotes.
_SAYS = re.compile(r"(?:说|介绍|表示|告诉|坦言|谈到|笑着说)")


def people_present(article: Article, sents: list[Sentence], entities: list[LocalEntity]) -> list[str]:
    """The people who took part: named in a sentence of taking part, or holding a post, credits aside."""
    people = {e.name for e in entities if e.type == "Person" and not e.informal}
    credited = {*article.reporters, *article.correspondents, *article.photographers}
    out: list[str] = []
    for s in sents:
        named = [p.name for p in s.people] if participation(s.text) else []
        # a post says who they are, not always that they were there: set off by commas (刘芳，…第一书记，), the post of
        # one the sentence quotes (社区主任张华说，…), or the country's leader whose words are studied (习近平总书记)
        held = [p.person for p in s.posts if p.rule != "post.apposed" and not _SAYS.match(s.text, s.text.find(p.person) + len(p.person))]
        national = {p.person for p in s.posts if p.title in NATIONAL_TITLES}
        for name in [*named, *held]:
            if name in people and name not in credited and name not in out and name not in national:
                out.append(name)
    return out


def people_by_occurrence(article: Article, sents: list[Sentence], entities: list[LocalEntity], starts: list[int]) -> list[list[str]]:
    """The people who took part in each of an article's occurrences (`starts`: where each was found, the main one
    first; -1 for one that has no people of its own): those a later occurrence's own sentence names took part in it
    (…；18日上午，副区长X到Y社区督导), everyone else in the main one."""
    if not starts:
        return []
    own = [next((s for s in sents if s.offset <= at < s.offset + len(s.text)), None) for at in starts]
    out: list[list[str]] = [[] for _ in starts]
    for s in sents:
        i = next((k for k in range(1, len(starts)) if own[k] is s and own[0] is not s), 0)
        out[i] += [name for name in people_present(article, [s], entities) if name not in out[i]]
    return out


# A clause that names who sponsored the occurrence (本次活动由区委宣传部主办，…; 由区文联联合…支持): they hold it too,
# and so do those the clauses right after it name (…主办，金海区文化馆承办).
_SPONSORED = re.compile(r"由(?P<who>[^，。；！？,;!?]{2,60}?)(?:共同|联合)?(?:主办|承办|协办|支持|发起|组织(?!部)|举办)")
_ALSO_SPONSORED = re.compile(r"[，,、]\s*(?P<who>[^，。；！？,;!?]{2,30}?)(?:共同)?(?:承办|协办|支持)")


def sponsors(c: EventCandidate, sents: list[Sentence], forms: dict[str, str]) -> list[str]:
    """The units and bodies a sponsoring clause of the article names (the longest at each place), other than the
    event's holders and place."""
    out: list[str] = []
    for s in sents:
        clauses = []
        for m in _SPONSORED.finditer(s.text):
            clauses.append((m.start("who"), m.end("who")))
            at = m.end()
            while (more := _ALSO_SPONSORED.match(s.text, at)) is not None:
                clauses.append((more.start("who"), more.end("who")))
                at = more.end()
        for a, b in clauses:
            inside = [u for u in s.units if u.type != "Person" and a <= u.start - s.offset and u.end - s.offset <= b]
            for u in inside:
                if any(v is not u and v.start <= u.start and u.end <= v.end for v in inside):
                    continue  # 金海区 of 金海区民政局
                n = forms.get(u.text) or forms.get(u.name)
                if n and n not in c.organizers and n not in out and n != c.location:
                    out.append(n)
    return out


# What brings others in after the units a clause opens with (柳岸街道联合区文化馆、区人民医院在金湾社区开展义诊; 柳岸街道与
# 柳岸派出所签订共建协议), and what joins the others' names.
_JOINED_BY = re.compile(r"(?:共同)?" + alternation(JOINING_VERBS) + r"|与|和|同(?!时)")
_LISTED = re.compile(r"[、和及与]|以及")


def partners(s: Sentence, opening: list[Span]) -> list[Span]:
    """The units and bodies the units a clause opens with (`opening`) joined with: they hold its occurrence too."""
    if not opening or (joined := _JOINED_BY.match(s.text, opening[-1].end - s.offset)) is None:
        return []
    out: list[Span] = []
    at = joined.end()
    while chain := s.chain_at(at):
        out += chain
        listed = _LISTED.match(s.text, chain[-1].end - s.offset)
        if listed is None:
            break
        at = listed.end()
    return out


__all__ = ["org_participation", "origin", "partners", "participation", "people_by_occurrence", "people_present", "sponsors"]


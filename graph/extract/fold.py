"""Fold: one article's unit and body spans -> its LocalEntities, one per thing, with aliases and parents.

Every printed form of a thing is an alias of one entity (康桥社区 of 康桥华城社区,
区市场监管局 of 二七区市场监管局); a unit's parent is the one the text prints
before it, else the section label it is listed under (【中原区】), else the
article's one unit of the rank right above; each parent names its rule.
"""

from __future__ import annotations

import re
from collections import defaultdict

from graph.extract.sentence import Sentence
from graph.extract.spans import Span
from graph.extract.unit_checks import printed_in
from graph.gazetteer import Gazetteer
from graph.lexicon import ETHNIC_IN_NAME, TOWN_WORDS, alternation
from graph.model import ADMIN_RANK, LocalEntity

_UNIT_WORD_AT_END = re.compile(alternation(("街道", "社区", "村", *TOWN_WORDS, "区", "县", "市")) + "$")

Key = tuple[str, str]  # (class, canonical name)

_NEIGHBOURHOOD = re.compile(r"(?:新|[一二三四五六七八九十])村$")
# A line that is a section label (【中原区】, 二七区：), or opens with one (【二七区】马寨镇、侯寨乡).
_LABEL_LINE = re.compile(r"^[【\[]([^】\]]{2,12})[】\]]|^([\u4e00-\u9fff]{2,12})[：:]?$")
# A development zone governed as a district, whether the gazetteer has it or not (郑东新区, 郑州高新区).
_ZONE = re.compile(r"(?:新区|开发区|高新区|经开区|实验区)$")
# What joins a list's units (柳岸镇金叶村、青河社区和桂园社区)
_LIST_JOINERS = ("、", "和", "及", "以及")
_ABOVE = {
    "Community": ("StreetOffice", "Town"),
    "Village": ("Town", "StreetOffice"),
    "StreetOffice": ("District",),
    "Town": ("District",),
    "District": ("City",),  # a zone the gazetteer does not know (航空港实验区) lies in the article's one city
}




class _Fold:
    """The article's things as they are folded: printed forms, parents, rules, in the order first seen."""

    def __init__(self, spans: list[Span]) -> None:
        self.forms: dict[Key, list[str]] = defaultdict(list)
        self.parents: dict[Key, str | None] = {}
        self.parent_rule: dict[Key, str] = {}
        self.rules: dict[Key, set[str]] = defaultdict(set)
        self.order: list[Key] = []
        self.alias_of: dict[Key, str] = {}
        for span in spans:
            key = (span.type, span.name)
            if key not in self.forms:
                self.order.append(key)
                self.parents[key] = None
            self.forms[key].extend([span.text, *span.aliases])
            self.rules[key].add(span.source)
            if span.parent and not self.parents[key]:
                self.set_parent(key, span.parent, "contain.printed")  # 中原区三官庙街道: the text prints the chain

    def set_parent(self, key: Key, parent: str, rule: str) -> None:
        self.parents[key] = parent
        self.parent_rule[key] = rule

    def section_labels(self, sents: list[Sentence]) -> None:
        """【中原区】 heading a part of the item: the units listed under it lie in it."""
        label: Span | None = None
        for s in sents:
            head = _LABEL_LINE.match(s.text.strip())
            if head:
                named = [u for u in s.units if u.type in ADMIN_RANK and u.text == (head.group(1) or head.group(2))]
                label = named[0] if len(named) == 1 else None
            for u in s.units:
                key = (u.type, u.name)
                if label is None or u is label or self.parents.get(key) or u.type not in ADMIN_RANK:
                    continue
                if ADMIN_RANK[u.type] == ADMIN_RANK[label.type] + 1:
                    self.set_parent(key, label.name, "contain.section")

    def listed_with(self, sents: list[Sentence]) -> None:
        """A unit listed right after one whose parent is printed before it (柳岸镇金叶村、青河社区和桂园社区) lies in
        that parent too, when it may (a town holds communities and villages alike); so does a list printed as a
        unit's, after it and 的 (柳岸镇的红旗、新风、光明社区; not 毗邻柳岸镇的…), and its first unit. A unit the
        parent cannot hold ends the list (柳岸镇的东岭、西岭社区、南湖街道、光明社区: 光明社区 is not the town's)."""
        types = {n: t for t, n in self.order}
        for s in sents:
            units = sorted((u for u in s.units if u.type in _ABOVE), key=lambda u: u.start)
            shared: str | None = None  # the parent printed before the list's first unit
            for k, v in enumerate(units):
                key = (v.type, v.name)
                joined = s.text[units[k - 1].end - s.offset : v.start - s.offset] if k else ""
                if joined in _LIST_JOINERS and shared is not None and types.get(shared) in _ABOVE[v.type]:
                    if not self.parents.get(key):
                        self.set_parent(key, shared, "contain.list")
                    continue
                shared = v.parent  # a list begins here, or a unit no list's parent holds ends one (…西岭社区、南湖街道、…)
                if shared is None and joined == "的" and units[k - 1].type in _ABOVE[v.type] and not self.parents.get(key) \
                        and printed_in(joined, s.text[: units[k - 1].start - s.offset]):
                    shared = units[k - 1].name
                    self.set_parent(key, shared, "contain.list")

    def neighbourhoods(self) -> None:
        """曹杨新村, 控江二村 in a city's streets: neighbourhoods (residents' committees), not villages."""
        if any(t == "Town" for t, _ in self.order) or not any(t in ("StreetOffice", "Community") for t, _ in self.order):
            return
        for i, (t, n) in enumerate(self.order):
            if t == "Village" and _NEIGHBOURHOOD.search(n) and ("Community", n) not in self.forms:
                key = ("Community", n)
                self.forms[key], self.parents[key] = self.forms.pop((t, n)), self.parents.pop((t, n))
                self.rules[key] = self.rules.pop((t, n)) | {"unit.neighbourhood"}
                if (t, n) in self.parent_rule:
                    self.parent_rule[key] = self.parent_rule.pop((t, n))
                self.order[i] = key

    def local_names(self) -> None:
        """A district read from its short name alone (unit.bare-district) that begins the name of another unit of the
        article is that unit's place, not the district (龙子湖 of 龙子湖街道 is no 龙子湖区 of 蚌埠): it is dropped."""
        for key in [k for k in self.order if k[0] == "District" and self.rules[k] == {"unit.bare-district"}]:
            bare = [f for f in self.forms[key] if f != key[1]]
            if any(t in ADMIN_RANK and n != key[1] and n.startswith(tuple(bare)) for t, n in self.order if bare):
                self.order.remove(key)
                del self.forms[key], self.parents[key], self.rules[key]
                self.parent_rule.pop(key, None)
                for k, parent in self.parents.items():
                    if parent == key[1]:
                        self.parents[k] = None

    def district_bodies(self, gaz: Gazetteer) -> None:
        """区市场监管局 in an article about one district: 二七区市场监管局."""
        districts = sorted({n for t, n in self.order if t == "District" and (t, n) not in self.alias_of})
        official = {p.path for n in districts for p in gaz.district(n)}
        one_unit = len(official) == 1 and all(gaz.district(n) for n in districts)  # 管城区 = 管城回族区
        if not (len(districts) == 1 or one_unit):
            return
        d = max(districts, key=lambda n: (len(n), n))
        for t, n in list(self.order):
            full = (t, d + n[1:])
            if t != "Organization" or n[0] != "区" or len(n) < 3 or (t, n) in self.alias_of:
                continue
            if full not in self.forms and (t, d + "人民" + n[1:]) in self.forms:
                full = (t, d + "人民" + n[1:])  # 区法院 after 江汉区人民法院: the court's name, 人民 left out
            self._of_unit((t, n), full, d, "contain.district-body")  # 二七区人社局…区人社局局长: one body

    def town_bodies(self) -> None:
        """镇综治办 in an article about one town: 柳岸镇综治办 (乡安监办: 柳岸乡's); with no one town to be of, each
        town's, no body of the graph (镇卫生院)."""
        towns = {w: sorted({m for u, m in self.order if u == "Town" and m.endswith(w) and (u, m) not in self.alias_of}) for w in "镇乡"}
        for t, n in [k for k in self.order if k[0] == "Organization" and k[1][:1] in "镇乡" and k not in self.alias_of]:
            if len(towns[n[0]]) != 1 or re.search("(?<![农乡])村", n):  # 镇卫生院直属村卫生室: each village's
                self.order.remove((t, n))
                continue
            self._of_unit((t, n), (t, towns[n[0]][0] + n[1:]), towns[n[0]][0], "contain.town-body")

    def _of_unit(self, key: Key, full: Key, unit: str, rule: str) -> None:
        """`key`, a body printed with its unit's bare word (区人社局, 镇综治办), is an alias of `full`, the body named with
        its unit, made (parent `unit`, by `rule`) unless the article printed it whole too."""
        self.alias_of[key] = full[1]
        if full not in self.forms:
            self.forms[full] = [key[1]]
            self.set_parent(full, unit, rule)
            self.rules[full] |= self.rules[key]
            self.order.append(full)

    def body_short_forms(self) -> None:
        """书法家协会 after 金海区书法家协会, 江东派出所 after …公安局鼓楼分局江东派出所: a body printed again by the end
        of its name (four characters at least) is the one body of the article whose name ends so; and so is one printed
        without the 市, 区 or 县 of the place it begins with (郑州青禾农业有限公司 for 郑州市青禾农业有限公司)."""
        bodies = [n for t, n in self.order if t == "Organization" and ("Organization", n) not in self.alias_of]
        for n in bodies:
            longer = [m for m in bodies if m != n and (m.endswith(n) and len(n) >= 4 or n in self.forms[("Organization", m)] or _unit_char_dropped(n, m))]
            if len(longer) == 1 and ("Organization", longer[0]) not in self.alias_of:
                self.alias_of[("Organization", n)] = longer[0]

    def merge_aliases(self) -> dict[Key, set[str]]:
        """Every form of a thing under the key it is known by."""
        merged: dict[Key, set[str]] = defaultdict(set)
        for key in self.order:
            target = (key[0], self.alias_of.get(key, key[1]))
            merged[target].update(self.forms[key])
            merged[target].add(key[1])
            self.rules[target] |= self.rules[key]
            if self.parents.get(key) and not self.parents.get(target):
                self.set_parent(target, self.parents[key] or "", self.parent_rule[key])
        return merged

    def article_parents(self, gaz: Gazetteer) -> None:
        """A unit the text gives no parent, or only one ranks above it (历下区千佛山西路社区),
        lies in the article's one unit of the rank right above."""
        rank_of = {n: t for t, n in self.order}
        for key in self.order:
            t = key[0]
            if key in self.alias_of or t not in _ABOVE or t == "District" and gaz.district(key[1]):
                continue  # a district the gazetteer knows has its official city
            parent = self.parents.get(key)
            if parent and ADMIN_RANK.get(rank_of.get(parent, ""), 0) >= ADMIN_RANK[t] - 1:
                continue
            above = [k for k in self.order if k[0] in _ABOVE[t] and k not in self.alias_of]
            towns = [k for k in above if k[0] == "Town"]
            above = towns if t == "Village" and len(towns) == 1 else above  # a street office and a town: the town's村
            zone = t == "StreetOffice" and _ZONE.search(above[0][1]) if above else None  # a zone governs its street offices
            if len(above) == 1 and (above[0][0] != "District" or gaz.district(above[0][1]) or zone):
                self.set_parent(key, above[0][1], "contain.article")  # (郑东新区|祭城路办事处), though the gazetteer lacks it

    def entities(self, merged: dict[Key, set[str]]) -> list[LocalEntity]:
        out: list[LocalEntity] = []
        for key in self.order:
            if key in self.alias_of:
                continue
            t, name = key
            aliases = tuple(sorted(a for a in merged[key] if a and a != name))
            parent = self.parents.get(key)
            if parent is not None:
                parent = _resolve_alias(parent, self.alias_of)
            parent = parent if parent != name else None
            rule = self.parent_rule.get(key) if parent else None
            out.append(LocalEntity(t, name, aliases, parent, rules=tuple(sorted(self.rules[key])), parent_rule=rule))
        return out


def fold_units(section: list[Span], sents: list[Sentence], gaz: Gazetteer) -> list[LocalEntity]:
    """The article's units and bodies as LocalEntities (the section's units first, then the text's)."""
    f = _Fold([*section, *(u for s in sents for u in s.units)])
    f.section_labels(sents)
    f.listed_with(sents)
    f.neighbourhoods()
    f.local_names()
    alone = {(u.type, u.name) for s in sents for u in s.units if u.start == s.offset or s.text[u.start - s.offset - 1] not in _QUARTERS}
    f.alias_of = _short_forms(f.order, f.parents, alone)
    f.district_bodies(gaz)
    f.town_bodies()
    f.body_short_forms()
    merged = f.merge_aliases()
    f.article_parents(gaz)
    return f.entities(merged)


def _short_forms(keys: list[tuple[str, str]], parents: dict[Key, str | None], alone: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map a shorter printed form to the longer name it abbreviates, within one article.

    棉西社区 -> 四棉西社区 (a tagger cut the name short), 康桥社区 -> 康桥华城社区
    (the longer form printed once), 马寨镇党委 is kept by the body's own aliases; not 王庄村 printed `alone` (not right
    after a quarter's word) beside 东王庄村: two villages.
    """
    out: dict[tuple[str, str], str] = {}
    for t, n in keys:
        if t not in ADMIN_RANK:
            continue
        if t == "Community" and n.endswith("居委会") and (community := _committees_community(n, keys, parents)):
            out[(t, n)] = community
            continue
        for t2, m in keys:
            if t2 != t or m == n or len(m) <= len(n):
                continue
            stem_n, stem_m = _UNIT_WORD_AT_END.sub("", n), _UNIT_WORD_AT_END.sub("", m)
            short = n[-2:] == m[-2:] or ETHNIC_IN_NAME.sub("", m) == n  # 小碧乡: 小碧布依族苗族乡
            quarter = len(stem_m) == len(stem_n) + 1 and stem_m[0] in _QUARTERS and (t, n) in alone  # 东王庄村, 王庄村: two
            if len(stem_n) >= 2 and (stem_m.endswith(stem_n) and not quarter or stem_m.startswith(stem_n)) and short:
                out[(t, n)] = m
                break
    return out


_QUARTERS = "上下东西南北前后中大小"  # what a village's name may begin with beside another's (上麻田村, 麻田村)


def _committees_community(committee: str, keys: list[tuple[str, str]], parents: dict[Key, str | None]) -> str | None:
    """The community whose residents' committee `committee` (X居委会) is, printed in the article: X居民区, else X社区
    (金湾居委会 of 金湾社区, 武康路居委会 of 武康路居民区); not one the article places under another unit (林山寨街道长安居委会 and
    经八路街道长安社区)."""
    held_in = parents.get(("Community", committee))
    for name in (committee[:-3] + "居民区", committee[:-3] + "社区"):
        other = parents.get(("Community", name))
        if ("Community", name) in keys and (held_in is None or other is None or held_in == other):
            return name
    return None


def _unit_char_dropped(n: str, m: str) -> bool:
    """`n` is `m` without the 市, 区 or 县 after the place `m` begins with (郑州|市|青禾…)."""
    return len(m) == len(n) + 1 >= 6 and any(m[k] in "市区县" and m[:k] + m[k + 1 :] == n for k in range(2, 5))


def _resolve_alias(name: str, alias_of: dict[tuple[str, str], str]) -> str:
    for (_, n), target in alias_of.items():
        if n == name:
            return target
    return name


__all__ = ["fold_units"]

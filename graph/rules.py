"""Rules: the inventory of extraction rules, by id, and their precision against gold annotations.

Every fact the extractors read names the rule that read it (`Mention.extractor`,
`LocalEntity.rules`, `Post.rule`, `EventRecord.rule`, `LocalEntity.parent_rule`),
and the Turtle carries it as `nk:rule` / `nk:parentRule`, so a user can filter
the graph by rule and a developer can measure each rule on annotated pages:

    newskg evaluate --by-rule --gold GOLD PAGES     # make rules: on the development set

`RULES` lists every id with what it reads; `rule_report` counts, for each rule,
the facts of a graph that match the gold and those that do not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from graph.export.rdf import NK, ORG, PROV, SCHEMA
from graph.extract.people import PERSON_RULES
from graph.extract.posts import POST_RULES
from graph.gold import CLASSES, norm
from graph.score import article_pairs, bigrams, month_day, read_prediction, same_title


def _person_rules() -> dict[str, str]:
    """Each person rule's id with what it reads, from its records (the first record of an id speaks for it)."""
    out: dict[str, str] = {}
    for r in PERSON_RULES:
        out.setdefault(r.rule, r.reads)
    return out


# id -> what the rule reads (kept in the order of the pipeline's stages)
RULES: dict[str, str] = {
    # administrative units (graph.extract.units)
    "unit.gazetteer": "a unit whose name the official gazetteer knows before its suffix (经八路+街道)",
    "unit.suffix": "a run of name-tagged tokens before an admin suffix (伏牛北+社区)",
    "unit.common": "one common-noun word before a street-office or community suffix",
    "unit.chain": "a unit printed right after another (三官庙街道办事处|伏牛北社区)",
    "unit.zone": "a development zone printed bare, its city's (高新区举办…, 经开区明湖办事处)",
    "unit.list": "units listed before their shared suffix and a count (马寨、刘胡桐4个村, 柳岸湾、金桂家园等多个社区)",
    "unit.list-shared": "communities or villages listed bare before one that prints the suffix they share, with no count: names ending alike or listed after their unit (中阳里、五羊里社区, 柳岸镇的红旗、险峰、洛钢社区)",
    "unit.listed-under": "street offices listed bare after their district, placed there by the gazetteer, or most of the list is (金水区丰产路、经八路)",
    "unit.city-prefix": "a city printed before a unit's own name (延吉|丹英社区)",
    "unit.bare-city": "a city printed without 市 (在郑州)",
    "unit.bare-district": "a district printed without its suffix, when only one can be meant (登封)",
    "unit.district-before": "a district printed without its suffix right before a town or street office the gazetteer has under it (远安|花林寺镇)",
    "unit.street-under": "a street office printed as X街 right after its district, as the gazetteer places it (荔湾区石围塘街)",
    "unit.prefixed-district": "a district printed without its suffix right after its province or city (河南中牟)",
    "unit.neighbourhood": "a 新村 or numbered 村 in an article of street offices and no town is a community (曹杨新村)",
    "unit.government": "a unit's government printed as the unit (万滩镇人民政府)",
    # bodies
    "org.suffix": "a run of name-like tokens ending in a body's suffix (中原区市场监督管理局)",
    "org.party-committee": "a city's or district's party committee acting as a body (郑州市委)",
    "org.government-beside": "a government printed beside its unit's party committee (金水区委、区政府)",
    "org.group": "a group a body sends on a task, printed right after it (县委第一巡察组)",
    "org.listed": "bodies listed before the kind they are (交警二支队、街道办执法中队等单位, 金叶电器、银桥食品等企业)",
    "org.numbered": "a hospital known by its number (市二院)",
    "org.parent-body": "the company or school a team or branch belongs to (公交四公司|党员服务队), the university a school (宁江大学|商学院)",
    # people (graph.extract.people.PERSON_RULES, in the order they run; a credit is read by graph.credits)
    **_person_rules(),
    "person.credit": "a name in a byline or an editor's line",
    # posts (graph.extract.people.POST_RULES, in the order they run; the others are ids those rules give)
    **{r.rule: r.reads for r in POST_RULES},
    "post.chain": "a bare title after 、 or 兼, held in the body before it (党组书记、主任)",
    "post.former": "a post printed as held before the article's day (原…主任王强, 王强曾任…, 先后任…): no org:memberDuring",
    "post.apposed": "a post set off by commas after a name opening its sentence (李淑珍，百花社区党委书记，…)",
    "post.same-body": "a bare title of the same kind right after an official's name, held where theirs is (局长周丽华，副局长郭刚)",
    "post.unit-title": "a title that names its kind of unit, held in the article's unit of that kind (区长, 村委会主任)",
    "post.unit-word": "a title after a generic unit word, held in the article's unit (街道党工委书记)",
    "post.home-unit": "an office printed without its body, held in the unit the sentence or the story is about",
    "post.head-of": "the head of a kind of body printed without it (校长, 院长, 所长), held in the one body of that kind its sentence, the sentence before or the story names",
    "post.editor": "an editor's credit (责任编辑：经晓佳)",
    # containment (nk:parentRule)
    "contain.printed": "the text prints the chain (中原区三官庙街道)",
    "contain.section": "a section label inside the item holds the units listed under it (【中原区】)",
    "contain.list": "a unit listed right after one whose parent is printed lies in that parent (柳岸镇金叶村、青河社区; 柳岸镇的红旗、新风社区)",
    "contain.article": "the article's one unit of the rank right above",
    "contain.gazetteer": "the official hierarchy (jionlp's gazetteer)",
    "contain.district-body": "区X局 in an article about one district is that district's bureau",
    "contain.town-body": "镇X办 in an article about one town is that town's office",
    # events
    "event.passive": "an event noun with a verb of taking place after it (…推进会在…召开)",
    "event.active": "a verb of holding with an event noun as its object (召开…推进会)",
    "event.inspect": "an inspection led by someone (带队…检查)",
    "event.visit": "a verb of visiting with what was visited (视察…工作)",
    "event.trip": "a visit to a place for a purpose (来到关庙村参观)",
    "event.founded": "a body or facility founded or opened (合唱团正式成立): held by the units its name begins with, in the venue it opens",
    "event.lesson": "a lesson given (为师生上了一堂反诈课): the lesson, where and by whom the sentence says",
    "event.campaign": "ongoing work the lead reports as its news (扎实推进蓝天保卫战)",
    "event.arrival": "a party's arrival at a unit, the lead's news when it holds no other (采访团来到…丹英社区，…)",
    "event.headline-verb": "an occurrence the headline states by a verb and its object",
    "event.headline": "a dated item with no trigger: what its headline says happened",
    "event.dated-clause": "a sentence opening with its day reports what happened that day",
    "event.conveyed": "a meeting whose spirit is conveyed, with its day (传达了3月8日全市农村工作会议精神)",
}


# Rules that keep their place although the development set gives them nothing to do, and why.
QUIET: dict[str, str] = {
    "unit.common": "fires on the seeds (1 of 1 right); a street office named by one common noun",
    "contain.district-body": "gives bodies their district (schema:parentOrganization), which the scores do not judge",
    "contain.town-body": "镇综治办 in an article about one town: none on the development set; tests/test_extract_units.py",
    "person.dotted": "a transcribed name with its dot and no title (居民阿依古丽·买买提说): none on the development set; "
    "tests/test_extract_people.py",
    "event.inspect": "带队…检查 without a verb of holding; tests/test_extract_dates_events.py",
    "event.visit": "fires on the seeds (1 of 1 right): 视察…工作",
    "event.headline-verb": "fires on the seeds (3 of 5 right): 建成少数民族文化长廊",
    "event.lesson": "a lesson given (为师生上了一堂反诈课): none on the development set; tests/test_extract_dates_events.py",
    "unit.neighbourhood": "Shanghai's 新村 and numbered 村 (tests/pages/genre/2024-05-10_zzwb_a07.txt); none on the development set",
    "person.joined": "a name that is also a dictionary word, joined to an accepted one (网格员张伟和李娜); none on the development "
    "set; tests/test_extract_people.py",
    "post.same-body": "a deputy's bare title right after the head's name (局长周丽华，副局长郭刚); none on the development set; "
    "tests/test_extract_people.py",
    "post.head-of": "a school's, court's or station's head printed without the body (…小学举行开学典礼，校长…致辞); none on the "
    "development set; tests/test_extract_people.py",
}
# Rules under the floor on the development set that stay, and why.
KEPT: dict[str, str] = {
    # event.passive stood here at 1 of 3 on the development set; with teasers parted from headlines
    # (split.take_label) it is 1 of 2, at the floor: the other is its event named by a quoted word only
    # (一场“发布会”…举行), where the gold names the series it opened.
}


@dataclass(frozen=True, slots=True)
class RuleRow:
    rule: str
    kind: str  # entity, post, parent, event
    facts: int
    matched: int  # facts that agree with the gold
    alone: int  # facts no other rule produced

    @property
    def precision(self) -> float | None:
        return self.matched / self.facts if self.facts else None


def rule_report(g: Any, gold: Any) -> list[RuleRow]:
    """Each rule's facts in rdflib graph `g` that match the gold (graph.evaluate.Gold), and those that do not.

    An entity matches when a gold entity of its class shares a name with it;
    informal references the gold lists are left out. A post matches a gold
    post of the same person with the same title reading and body (or the
    body's parent); a parent is judged where the gold knows the child's; an
    event matches a gold event of its article by day or by name.
    """
    facts = _Facts(g, gold, read_prediction(g))
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for rule, kind, ok, alone in (*facts.entities(), *facts.posts(), *facts.parents(), *facts.events()):
        c = counts[(rule, kind)]
        c[0], c[1], c[2] = c[0] + 1, c[1] + ok, c[2] + alone
    return [RuleRow(rule, kind, *c) for (rule, kind), c in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][0]))]


Judged = tuple[str, str, bool, bool]  # (rule, kind, matches the gold, no other rule produced it)


class _Facts:
    """The facts of a graph with their rules, each judged against the gold."""

    def __init__(self, g: Any, gold: Any, pred: Any) -> None:
        self.g, self.gold, self.pred = g, gold, pred

    def gold_of(self, node: Any, cls: str | None = None) -> Any:
        for n in sorted(self.pred.names_of.get(node) or ()):
            found = self.gold.names.find(cls, n)
            if found:
                return found
        return None

    def entities(self) -> list[Judged]:

        out = []
        for cls in CLASSES:
            for node in sorted(set(self.g.subjects(RDF.type, NK[cls])), key=str):
                names = self.pred.names_of.get(node, frozenset())
                found = self.gold_of(node, cls)
                if cls == "Person" and found is None and any(names & f for f in self.gold.informal):
                    continue  # an informal reference the gold lists: not judged
                rules = sorted(str(r) for r in self.g.objects(node, NK.rule))
                out += [(r, "entity", found is not None, len(rules) == 1) for r in rules]
        return out

    def posts(self) -> list[Judged]:

        gold = self.gold
        out = []
        for m in sorted(set(self.g.subjects(RDF.type, ORG.Membership)), key=str):
            rule = self.g.value(m, NK.rule)
            person, body, role = (self.g.value(m, p) for p in (ORG.member, ORG.organization, ORG.role))
            if rule is None or person is None or role is None:
                continue
            title = str(role) if isinstance(role, Literal) else str(self.g.value(role, RDFS.label) or "")
            who, where = self.gold_of(person, "Person"), (self.gold_of(body) if body is not None else None)
            ok = who is not None and (body is None or where is not None) and any(
                gp == who and same_title(gt, title.replace(" ", ""))
                and (gb == where or gold.parent_of.get(gb) == where or gold.parent_of.get(where) == gb)
                for gp, gt, gb in gold.posts
            )
            out.append((str(rule), "post", ok, True))
        return out

    def parents(self) -> list[Judged]:

        judged = {c for c, _ in self.gold.containment}
        out = []
        for child, parent in sorted(self.pred.containment, key=str):
            rule, c = self.g.value(child, NK.parentRule), self.gold_of(child)
            if rule is not None and c in judged:
                out.append((str(rule), "parent", (c, self.gold_of(parent)) in self.gold.containment, True))
        return out

    def events(self) -> list[Judged]:

        paired = {pa["node"]: ga for ga, pa in article_pairs(self.gold, self.pred)}
        out = []
        for ev in sorted(set(self.g.subjects(RDF.type, NK.Event)), key=str):
            rule = self.g.value(ev, NK.rule)
            if rule is None:
                continue
            ga = paired.get(next(iter(self.g.objects(ev, PROV.wasDerivedFrom)), None))
            date = self.g.value(ev, SCHEMA.startDate)
            day = month_day(str(date)) if date is not None else None
            label = bigrams(norm(str(self.g.value(ev, RDFS.label) or "")))

            ok = ga is not None and any(
                (day is not None and month_day(ge.get("date")) == day)
                or bool(label) and len(label & bigrams(norm(ge.get("name", "")))) / len(label | bigrams(norm(ge.get("name", "")))) >= 0.3
                for ge in ga.get("events", [])
            )
            out.append((str(rule), "event", ok, True))
        return out


def format_rules(rows: list[RuleRow], floor: float = 0.5) -> str:
    """The report as a table: every rule of RULES, those that fired on nothing too."""
    seen = {r.rule for r in rows}
    lines = [f"{'rule':<22} {'kind':<7} {'facts':>6} {'match':>6} {'wrong':>6} {'P':>6} {'alone':>6}"]
    for r in rows:
        p = r.precision
        flag = "  below the floor" if p is not None and p < floor else ("" if r.rule in RULES else "  not in RULES")
        if flag == "  below the floor" and r.rule in KEPT:
            flag += f" (kept: {KEPT[r.rule]})"
        lines.append(
            f"{r.rule:<22} {r.kind:<7} {r.facts:>6} {r.matched:>6} {r.facts - r.matched:>6} "
            f"{'' if p is None else f'{p:.2f}':>6} {r.alone:>6}{flag}"
        )
    for rule in RULES:
        if rule not in seen:
            why = f"; kept although the development set gives it nothing to do: {QUIET[rule]}" if rule in QUIET else ""
            lines.append(f"{rule:<22} {'':<7} {0:>6} {0:>6} {0:>6} {'':>6} {0:>6}  (fired on nothing in these pages{why})")
    return "\n".join(lines) + "\n"


__all__ = ["KEPT", "QUIET", "RULES", "RuleRow", "format_rules", "rule_report"]

"""Evaluate: gold annotations + an exported graph -> precision, recall and F1, per class and per relation.

The gold is a folder of JSON files, one a page, in the format of
docs/gold-format.md. The graph is read only through its RDF contract
(docs/ontology.md): any Turtle that follows the contract can be scored,
whoever built it. `newskg evaluate` is the command over this module.

What is counted (the definitions are the same as the scorer the seed gold
was written for, so the numbers agree with it):

- **Entities**, per class and for all classes, at corpus level: a gold
  entity (its name and aliases) is found when a node of the same class
  has one of those names among its `rdfs:label` and `skos:altLabel`;
  each node finds at most one gold entity. A predicted Person that is one
  of the gold's informal references (李阿姨) costs nothing.
- **Posts**: (person, title, body); titles match when equal or when one
  is the other with a body in front (党总支书记 / 书记), but not a
  different rank (副书记); bodies match when equal or one is the other's
  parent in the gold. `posts_person_title` ignores the body.
- **Containment**: (child, parent) pairs, judged only for children whose
  parent the gold gives, so a true link from the gazetteer costs nothing.
- **Articles**: matched by exact headline, then by one headline holding
  the other, then by the first ten characters of the body.
- **Credits** (reporters, correspondents) and **events** within matched
  articles; an event matches on its month-day or on the bigram overlap of
  its name (Jaccard >= 0.3); `event_date_acc` and `event_location_acc` are
  the share of matched events with the gold's date and place;
  `event_people` scores their organizers and attendees.

Every match is greedy and one to one, in a fixed order, so the same gold
and graph always give the same numbers.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import GoldError

if TYPE_CHECKING:
    from rdflib import Graph

CLASSES = ("City", "District", "StreetOffice", "Town", "Community", "Village", "Organization", "Person")
ADMIN = frozenset(CLASSES[:6])
PRESS_TITLES = frozenset({"记者", "通讯员", "本报记者"})  # a credit, not a post
# A title printed with its body in front (党总支书记, 人大工委主任) may be read as the core title
# (书记, 主任); a prefix that changes the rank makes another title (副书记, 代区长, 常务副主任).
RANK_PREFIXES = ("副", "代", "常务", "执行", "名誉", "总", "第一", "专职", "兼职", "原", "前", "驻村")
EVENT_NAME_OVERLAP = 0.3  # Jaccard of name bigrams from which two events of different dates match
BODY_PREFIX = 10  # characters of a gold body_start looked for ...
BODY_WINDOW = 200  # ... in the first this many characters of a predicted body

Names = frozenset[str]  # an entity as the set of its (whitespace-free) names
Unmatched = tuple[str, str]  # ("?", node IRI): a predicted node no gold entity has


def norm(s: str | None) -> str:
    """A name without whitespace (line breaks inside names are the page's, not the name's)."""
    return re.sub(r"\s+", "", s or "")


class NameIndex:
    """Entities of the gold as typed sets of names; a new entity joins the first one of its class sharing a name."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, Names]] = []

    def add(self, cls: str, names: Iterable[str]) -> None:
        new = frozenset(n for n in map(norm, names) if n)
        for i, (c, known) in enumerate(self.entries):
            if c == cls and known & new:
                self.entries[i] = (c, known | new)
                return
        self.entries.append((cls, new))

    def find(self, cls: str | None, name: str) -> Names | None:
        """The first entity (of `cls`, or of any class) that has `name`."""
        n = norm(name)
        return next((s for c, s in self.entries if (cls is None or c == cls) and n in s), None)

    def of_class(self, cls: str) -> list[Names]:
        return [s for c, s in self.entries if c == cls]


@dataclass
class Gold:
    """What the annotators put in the graph: entities, posts, containment and articles (with credits and events)."""

    names: NameIndex = field(default_factory=NameIndex)
    informal: list[Names] = field(default_factory=list)  # 李阿姨, 王区长: predicting them costs nothing
    posts: set[tuple[Names, str, Names | None]] = field(default_factory=set)
    containment: set[tuple[Names, Names]] = field(default_factory=set)
    parent_of: dict[Names, Names] = field(default_factory=dict)
    articles: list[dict[str, Any]] = field(default_factory=list)  # in file order, then reading order
    sources: list[str] = field(default_factory=list)  # the page file each gold document annotates


def load_gold(folder: str | Path, pages: Callable[[str], bool] | None = None) -> Gold:
    """Read a folder of gold JSON files; `pages`, if given, keeps only the documents whose source it accepts."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder}: no such folder of gold annotations (*.json, see docs/gold-format.md)")
    docs = []
    for f in sorted(folder.glob("*.json")):
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
            source, articles = str(doc["source"]), list(doc["articles"])
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise GoldError(f"{f}: cannot be read as UTF-8 JSON ({e}); fix or remove it") from e
        except (KeyError, TypeError) as e:
            raise GoldError(f"{f}: a gold document needs \"source\" and \"articles\" (see docs/gold-format.md)") from e
        _check(f, articles)
        if pages is None or pages(source):
            docs.append((source, articles))
    if not docs:
        what = "no *.json gold document" if pages is None else "no gold document for the pages chosen"
        raise GoldError(f"{folder}: {what} (see docs/gold-format.md)")
    gold = Gold(sources=[s for s, _ in docs])
    for _, articles in docs:
        for art in articles:
            for ent in art.get("entities", []):
                forms = [ent["name"], *ent.get("aliases", [])]
                if ent.get("informal"):
                    gold.informal.append(frozenset(n for n in map(norm, forms) if n))
                else:
                    gold.names.add(ent["type"], forms)
            gold.articles.append(art)
    # relations, once every entity is known by all its names
    find = gold.names.find
    for art in gold.articles:
        for ent in art.get("entities", []):
            if ent.get("informal"):
                continue
            child, parent = find(ent["type"], ent["name"]), find(None, ent["parent"]) if ent.get("parent") else None
            if child and parent:
                gold.parent_of.setdefault(child, parent)
                if ent["type"] in ADMIN:
                    gold.containment.add((child, parent))
            if ent["type"] != "Person":
                continue
            person = find("Person", ent["name"])
            for r in ent.get("roles", []):
                title = norm(r.get("title", ""))
                if person and title not in PRESS_TITLES:
                    gold.posts.add((person, title, find(None, r["org"]) if r.get("org") else None))
    return gold


def _check(path: Path, articles: list) -> None:
    """GoldError, naming the file and the article, for what the scores cannot read."""
    for i, art in enumerate(articles, start=1):
        where = f"{path}: article {art.get('id', i) if isinstance(art, dict) else i}"
        if not isinstance(art, dict):
            raise GoldError(f"{where} is not an object (see docs/gold-format.md)")
        for ent in art.get("entities", []):
            if not isinstance(ent, dict) or not isinstance(ent.get("name"), str) or ent.get("type") not in CLASSES:
                raise GoldError(f"{where}: entity {ent!r} needs a \"name\" and a \"type\" among {', '.join(CLASSES)}")
            for r in ent.get("roles", []):
                if not isinstance(r, dict) or "title" not in r:
                    raise GoldError(f"{where}: a role of {ent['name']} needs a \"title\" (and an \"org\" or null)")
        for ev in art.get("events", []):
            if not isinstance(ev, dict) or not isinstance(ev.get("name"), str):
                raise GoldError(f"{where}: event {ev!r} needs a \"name\"")


@dataclass
class Predicted:
    """What a graph says, read through the RDF contract: nodes by class, posts, containment, articles, events."""

    nodes: dict[str, list[Names]]  # class -> the names of each of its nodes, in IRI order
    names_of: dict[Any, Names]  # entity node -> its names
    posts: set[tuple[Any, str, Any]]  # (person node, title, body node or None)
    containment: set[tuple[Any, Any]]
    articles: list[dict[str, Any]]  # in IRI order: node, headline, body, authors, contributors
    events: dict[Any, list[dict[str, Any]]]  # article node -> its events, in IRI order


def read_prediction(g: Graph) -> Predicted:
    """The facts of an rdflib Graph that the scores look at."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, RDFS, SKOS

    from graph.export.rdf import NK, ORG, PROV, SCHEMA

    def names(node: Any) -> Names:
        labels = [*g.objects(node, RDFS.label), *g.objects(node, SKOS.altLabel)]
        return frozenset(n for n in (norm(str(x)) for x in labels) if n)

    def text(node: Any, prop: Any) -> str:
        return norm(str(g.value(node, prop) or ""))

    nodes: dict[str, list[Names]] = defaultdict(list)
    names_of: dict[Any, Names] = {}
    for cls in CLASSES:
        for s in sorted(set(g.subjects(RDF.type, NK[cls])), key=str):
            names_of[s] = names(s)
            nodes[cls].append(names_of[s])
    posts = set()
    for m in sorted(set(g.subjects(RDF.type, ORG.Membership)), key=str):
        person, body, role = g.value(m, ORG.member), g.value(m, ORG.organization), g.value(m, ORG.role)
        if person is None or role is None:
            continue
        title = str(role) if isinstance(role, Literal) else str(g.value(role, RDFS.label) or g.value(role, SKOS.prefLabel) or "")
        posts.add((person, norm(title), body))
    articles = [
        {"node": a, "headline": text(a, SCHEMA.headline), "body": text(a, SCHEMA.articleBody),
         "authors": [names_of.get(p) or names(p) for p in sorted(g.objects(a, SCHEMA.author), key=str)],
         "contributors": [names_of.get(p) or names(p) for p in sorted(g.objects(a, SCHEMA.contributor), key=str)]}
        for a in sorted(set(g.subjects(RDF.type, NK.Article)), key=str)
    ]
    events: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for ev in sorted(set(g.subjects(RDF.type, NK.Event)), key=str):
        date, place = g.value(ev, SCHEMA.startDate), g.value(ev, SCHEMA.location)
        record = {
            "date": str(date) if date is not None else None,
            "label": text(ev, RDFS.label),
            "location": names(place) if isinstance(place, URIRef) else frozenset({norm(str(place))} if place else ()),
            "people": [names(x) for x in [*sorted(g.objects(ev, SCHEMA.attendee), key=str), *sorted(g.objects(ev, SCHEMA.organizer), key=str)]],
        }
        for a in sorted(g.objects(ev, PROV.wasDerivedFrom), key=str):
            events[a].append(record)
    containment = set(g.subject_objects(SCHEMA.containedInPlace))
    return Predicted(dict(nodes), names_of, posts, containment, articles, dict(events))


# ---------------------------------------------------------------------- scoring

def prf(tp: int, predicted: int, gold: int) -> dict[str, Any]:
    """Precision, recall and F1 rounded to 3 places, with the counts. Nothing predicted of nothing is perfect."""
    p = tp / predicted if predicted else (1.0 if gold == 0 else 0.0)
    r = tp / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": predicted, "gold": gold, "p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


def match_names(gold: Sequence[Names], pred: Sequence[Names], free: Sequence[Names] = ()) -> tuple[int, int]:
    """Greedy one-to-one matching of name sets: (matches, predictions counted).

    A prediction that matches nothing and shares a name with one of `free`
    (informal references) is not counted.
    """
    used: set[int] = set()
    for g in gold:
        j = next((j for j, p in enumerate(pred) if j not in used and g & p), None)
        if j is not None:
            used.add(j)
    counted = sum(1 for j, p in enumerate(pred) if j in used or not any(p & f for f in free))
    return len(used), counted


def same_title(a: str, b: str) -> bool:
    """Two printed titles are the same post: equal, or the longer is the shorter with a body (not a rank) in front.

    >>> same_title("党总支书记", "书记"), same_title("副书记", "书记"), same_title("主任", "副主任")
    (True, False, False)
    """
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 2 and long_.endswith(short) and not long_[: -len(short)].endswith(RANK_PREFIXES)


def month_day(date: str | None) -> str | None:
    """`03-20` of 2023-03-20 or --03-20: the scores compare dates without their year."""
    m = re.search(r"(\d{2})-(\d{2})$", date or "")
    return f"{m.group(1)}-{m.group(2)}" if m else None


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)}


def _order(item: Any) -> Any:
    """A sort key for posts: name sets by their sorted names, nodes by IRI, None first."""
    if item is None:
        return (0,)
    if isinstance(item, frozenset):
        return (1, tuple(sorted(item)))
    if isinstance(item, tuple):
        return (2, tuple(_order(x) for x in item))
    return (3, str(item))


def score(gold: Gold, pred: Predicted) -> dict[str, Any]:
    """All the scores, keyed as the table prints them: entities (per class and ALL), then each relation."""
    out: dict[str, Any] = {"entities": _entities(gold, pred)}

    def gold_entity(node: Any, cls: str | None = None) -> Names | None:
        for n in sorted(pred.names_of.get(node) or ()):
            found = gold.names.find(cls, n)
            if found:
                return found
        return None

    out.update(_posts(gold, pred, gold_entity))
    out["containment"] = _containment(gold, pred, gold_entity)
    pairs = _article_pairs(gold, pred)
    out["articles"] = prf(len(pairs), len(pred.articles), len(gold.articles))
    out["reporters"] = _credits(pairs, "reporters", "authors")
    out["correspondents"] = _credits(pairs, "correspondents", "contributors")
    out.update(_events(gold, pred, pairs))
    return out


def _entities(gold: Gold, pred: Predicted) -> dict[str, dict[str, Any]]:
    out = {}
    tp = counted = total = 0
    for cls in CLASSES:
        wanted = gold.names.of_class(cls)
        t, c = match_names(wanted, pred.nodes.get(cls, []), gold.informal if cls == "Person" else ())
        out[cls] = prf(t, c, len(wanted))
        tp, counted, total = tp + t, counted + c, total + len(wanted)
    out["ALL"] = prf(tp, counted, total)
    return out


def _posts(gold: Gold, pred: Predicted, gold_entity: Callable[..., Names | None]) -> dict[str, dict[str, Any]]:
    predicted = set()
    for person, title, body in pred.posts:
        who = gold_entity(person, "Person") or ("?", person)
        where = None if body is None else (gold_entity(body) or ("?", body))
        predicted.add((who, title, where))

    def same_body(g: Any, p: Any) -> bool:  # equal, or one is the other's parent (a branch of a community)
        return g == p or (g is not None and p is not None and (gold.parent_of.get(g) == p or gold.parent_of.get(p) == g))

    def matches(gold_posts: set, pred_posts: set, with_body: bool) -> int:
        preds = sorted(pred_posts, key=_order)
        used: set[int] = set()
        for gp, gt, gb in sorted(gold_posts, key=_order):
            j = next((j for j, (pp, pt, pb) in enumerate(preds)
                      if j not in used and pp == gp and same_title(gt, pt) and (not with_body or same_body(gb, pb))), None)
            if j is not None:
                used.add(j)
        return len(used)

    loose_gold = {(p, t, None) for p, t, _ in gold.posts}
    loose_pred = {(p, t, None) for p, t, _ in predicted}
    return {
        "posts": prf(matches(gold.posts, predicted, True), len(predicted), len(gold.posts)),
        "posts_person_title": prf(matches(loose_gold, loose_pred, False), len(loose_pred), len(loose_gold)),
    }


def _containment(gold: Gold, pred: Predicted, gold_entity: Callable[..., Names | None]) -> dict[str, Any]:
    judged = {c for c, _ in gold.containment}
    predicted = set()
    for child, parent in pred.containment:
        c = gold_entity(child)
        if c in judged:
            predicted.add((c, gold_entity(parent) or ("?", parent)))
    return prf(len(predicted & gold.containment), len(predicted), len(gold.containment))


def _article_pairs(gold: Gold, pred: Predicted) -> list[tuple[dict, dict]]:
    """(gold article, predicted article) pairs: exact headline, then headline containment, then body start."""

    def same(rule: int, ga: dict, pa: dict) -> bool:
        h, b = norm(ga.get("headline", "")), norm(ga.get("body_start", ""))
        if rule == 0:
            return bool(h) and h == pa["headline"]
        if rule == 1:
            return bool(h and pa["headline"]) and (h in pa["headline"] or pa["headline"] in h)
        return bool(b) and b[:BODY_PREFIX] in pa["body"][:BODY_WINDOW]

    hit: dict[int, int] = {}
    used: set[int] = set()
    for rule in range(3):
        for gi, ga in enumerate(gold.articles):
            if gi in hit:
                continue
            j = next((j for j, pa in enumerate(pred.articles) if j not in used and same(rule, ga, pa)), None)
            if j is not None:
                used.add(j)
                hit[gi] = j
    return [(gold.articles[gi], pred.articles[j]) for gi, j in sorted(hit.items())]


def _credits(pairs: list[tuple[dict, dict]], field_: str, prop: str) -> dict[str, Any]:
    tp = n_pred = n_gold = 0
    for ga, pa in pairs:
        wanted = [frozenset({norm(x)}) for x in ga.get(field_, [])]
        t, _ = match_names(wanted, pa[prop])
        tp, n_pred, n_gold = tp + t, n_pred + len(pa[prop]), n_gold + len(wanted)
    return prf(tp, n_pred, n_gold)


def _events(gold: Gold, pred: Predicted, pairs: list[tuple[dict, dict]]) -> dict[str, Any]:
    tp = n_pred = n_gold = 0
    dates = places = placed = 0
    p_tp = p_pred = p_gold = 0
    for ga, pa in pairs:
        wanted, found = ga.get("events", []), pred.events.get(pa["node"], [])
        n_pred, n_gold = n_pred + len(found), n_gold + len(wanted)
        taken: set[int] = set()
        for ge in wanted:
            day = month_day(ge.get("date"))
            best, best_score = None, 0.0
            for j, pe in enumerate(found):
                if j in taken:
                    continue
                same_day = day is not None and day == month_day(pe["date"])
                gb, pb = _bigrams(norm(ge.get("name", ""))), _bigrams(pe["label"])
                overlap = len(gb & pb) / len(gb | pb) if gb | pb else 0.0
                if (same_day or overlap >= EVENT_NAME_OVERLAP) and overlap + same_day > best_score:
                    best, best_score = j, overlap + same_day
            if best is None:
                continue
            taken.add(best)
            pe = found[best]
            tp += 1
            dates += day == month_day(pe["date"])
            if ge.get("location"):
                placed += 1
                place = gold.names.find(None, ge["location"]) or frozenset({norm(ge["location"])})
                places += bool(place & pe["location"])
            people = [gold.names.find(None, x) or frozenset({norm(x)}) for x in [*ge.get("participants", []), *ge.get("organizers", [])]]
            t, _ = match_names(people, pe["people"])
            p_tp, p_pred, p_gold = p_tp + t, p_pred + len(pe["people"]), p_gold + len(people)
    return {
        "events": prf(tp, n_pred, n_gold),
        "event_date_acc": round(dates / tp, 3) if tp else 0.0,
        "event_location_acc": round(places / placed, 3) if placed else 0.0,
        # people are judged on matched events only: with none matched there is nothing to credit
        "event_people": prf(p_tp, p_pred, p_gold) if tp else prf(0, 0, 1),
    }


# ---------------------------------------------------------------------- entry points

def page_filter(patterns: Sequence[str]) -> Callable[[str], bool] | None:
    """A test on page file names from shell patterns (`*[13579].txt`); None when there is none."""
    if not patterns:
        return None
    return lambda name: any(fnmatch.fnmatchcase(Path(name).name, p) for p in patterns)


def evaluate_file(graph_file: str | Path, gold_dir: str | Path) -> dict[str, Any]:
    """Scores of an exported graph (Turtle, N-Triples or JSON-LD by extension) against a gold folder."""
    from graph.validate import load

    gold = load_gold(gold_dir)
    return score(gold, read_prediction(load(graph_file)))


def evaluate_graph(g: Any, gold: Gold) -> dict[str, Any]:
    """Scores of a built networkx graph (graph.network) against read gold."""
    from graph.export.rdf import to_rdflib

    return score(gold, read_prediction(to_rdflib(g)))


@dataclass(frozen=True)
class Evaluation:
    """Scores of pages built against their gold, and what did not pair up."""

    scores: dict[str, Any]
    pages: tuple[str, ...]  # file names of the pages built
    unannotated: tuple[str, ...]  # pages the gold has no document for: everything read from them counts as wrong
    missing: tuple[str, ...]  # gold documents whose page was not built: everything in them counts as missed
    rules: tuple[Any, ...] = ()  # graph.rules.RuleRow of each rule, when asked for


def evaluate_pages(
    paths: Iterable[str | Path],
    gold_dir: str | Path,
    *,
    patterns: Sequence[str] = (),
    options: Any = None,
    progress: Callable[[int, int, str], None] | None = None,
    by_rule: bool = False,
) -> Evaluation:
    """Build the pages under `paths` (in memory, no export) and score them against the gold.

    `patterns` (shell patterns on file names) keeps only the matching pages
    and the gold documents of those pages: `*[13579].txt` scores the odd pages.
    """
    from graph.pipeline import Options, build, collect

    keep = page_filter(patterns)
    files = [f for f in collect(paths) if keep is None or keep(f.name)]
    if not files:
        raise GoldError("no page to evaluate: " + ("no file name matches " + ", ".join(patterns) if patterns else "no page file was found"))
    gold = load_gold(gold_dir, keep)
    result = build(files, None, options=options or Options(), progress=progress)
    from graph.export.rdf import to_rdflib
    from graph.rules import rule_report

    names = tuple(sorted(f.name for f in files))
    rdf = to_rdflib(result.graph)
    return Evaluation(
        scores=score(gold, read_prediction(rdf)),
        pages=names,
        unannotated=tuple(n for n in names if n not in set(gold.sources)),
        missing=tuple(sorted(set(gold.sources) - set(names))),
        rules=tuple(rule_report(rdf, gold)) if by_rule else (),
    )


def format_table(scores: dict[str, Any]) -> str:
    """The scores as an aligned table: P, R, F1 and tp/pred/gold a line; accuracies as one number."""
    width = max(len(k) for k in [*scores["entities"], *scores]) + 2
    lines = [f"{'entities':<{width}} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold"]

    def row(name: str, v: dict[str, Any], indent: str = "") -> str:
        return f"{indent}{name:<{width - len(indent)}} {v['p']:>6} {v['r']:>6} {v['f1']:>6}   {v['tp']}/{v['pred']}/{v['gold']}"

    lines += [row(k, v, "  ") for k, v in scores["entities"].items()]
    for k, v in scores.items():
        if k != "entities":
            lines.append(row(k, v) if isinstance(v, dict) else f"{k:<{width}} {v:>6}")
    return "\n".join(lines) + "\n"


__all__ = ["Gold", "Predicted", "Evaluation", "load_gold", "read_prediction", "score", "evaluate_file", "evaluate_graph", "evaluate_pages",
           "format_table", "page_filter", "prf", "same_title"]

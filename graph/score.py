"""Score: gold (graph.gold) + an rdflib graph -> precision, recall and F1, per class and per relation.

The graph is read only through its RDF contract (docs/ontology.md): any
Turtle that follows the contract can be scored, whoever built it.

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

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from graph.export.rdf import NK, ORG, PROV, SCHEMA
from graph.gold import CLASSES, Gold, Names, norm
from graph.lexicon import RANK_PREFIXES

EVENT_NAME_OVERLAP = 0.3  # Jaccard of name bigrams from which two events of different dates match
BODY_PREFIX = 10  # characters of a gold body_start looked for ...
BODY_WINDOW = 200  # ... in the first this many characters of a predicted body

Unmatched = tuple[str, str]  # ("?", node IRI): a predicted node no gold entity has


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


def bigrams(s: str) -> set[str]:
    """Every two adjacent characters, as the scorer compares event names."""
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
    pairs = article_pairs(gold, pred)
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


def article_pairs(gold: Gold, pred: Predicted) -> list[tuple[dict, dict]]:
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
                gb, pb = bigrams(norm(ge.get("name", ""))), bigrams(pe["label"])
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


__all__ = ["Predicted", "read_prediction", "score", "prf", "match_names", "same_title", "month_day"]

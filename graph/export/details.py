"""The HTML view's details panel: per drawn node, its facts and its lists (posts, officials, events, relations, sources, mentions).

Each node's entry is made from the node's own edges, node by node, as the
page's data is written (graph.export.html): no list of every node's items
is built. The classes and relations the view draws are named here too.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx

STYLE: dict[str, tuple[str, str, str]] = {
    # class: (colour, vis.js shape, legend label)
    "City": ("#b71c1c", "star", "市 City"),
    "District": ("#e53935", "diamond", "区县 District"),
    "StreetOffice": ("#fb8c00", "triangle", "街道 Street office"),
    "Town": ("#f9a825", "triangleDown", "乡镇 Town"),
    "Community": ("#43a047", "dot", "社区 Community"),
    "Village": ("#9ccc65", "dot", "村 Village"),
    "Organization": ("#1e88e5", "square", "机构 Organization"),
    "Person": ("#8e24aa", "dot", "人物 Person"),
    "Event": ("#00897b", "hexagon", "事件 Event"),
    "Article": ("#9e9e9e", "square", "报道 Article"),  # its headline beside it, by rendered size as every label: a box kept its width unlabelled
}
EDGE_LABELS = {
    "containedInPlace": "位于",
    "parentOrganization": "隶属",
    "jurisdiction": "属地",
    "author": "记者",
    "contributor": "通讯员",
    "photographer": "摄影",
    "organizer": "主办",
    "attendee": "参加",
    "location": "地点",
}
EVENT_RELS = ("organizer", "attendee", "location")
MENTION = "mentions"  # article -> entity its text names: drawn only when the reader asks (the 提及 button)
# the fields an entry reads of a node other than the one it is of (labels, dates, an article's body for the sentence
# quoted, a membership's evidence and span): graph.export.kept keys an entry by these of every other node it reads
OTHERS_READ = ("kind", "label", "headline", "date", "source_file", "body", "evidence", "first", "last")
ITEM_RELS = frozenset({"member", "organization", "derivedFrom", *EDGE_LABELS})  # the relations an in-edge gives an item by
OUT_ITEM_RELS = frozenset({"derivedFrom", *EDGE_LABELS})  # and an out-edge
MAX_ITEMS = 60  # list items per details section; the rest is summed up in one line
_MARKS = "。！？!?；;\n"  # what ends a sentence
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


def _label(g: nx.MultiDiGraph, n: str) -> str:
    return _text(g.nodes[n], n)


def _text(d: dict, n: object) -> str:
    """The label of node `n`, its data `d`."""
    return str(d.get("label") or d.get("headline") or n)


@functools.lru_cache(maxsize=1 << 14)  # a corpus has a few thousand days, each read for many items
def _date(s: object) -> str:
    """An ISO date or month-day the way a Chinese reader writes it.

    >>> _date("2024-03-20"), _date("--03-05"), _date(None)
    ('2024年3月20日', '3月5日', '日期不详')
    """
    m = re.fullmatch(r"(\d{4}|-)-(\d\d)-(\d\d)", str(s or ""))
    if not m:
        return str(s) if s else "日期不详"
    year = f"{m.group(1)}年" if m.group(1) != "-" else ""
    return f"{year}{int(m.group(2))}月{int(m.group(3))}日"


def evidence_sentence(body: str, names: Iterable[str], width: int = 120) -> str:
    """The first sentence of `body` naming any of `names` (longest name first), cut to `width` around it.

    >>> evidence_sentence("会议召开。二七区市场监管局开展检查。", ["市场监管局"])
    '二七区市场监管局开展检查。'
    >>> evidence_sentence("无关。", ["中原区"])
    ''
    """
    wanted = sorted({n for n in names if n and "\n" not in n}, key=lambda n: (-len(n), n))  # no sentence holds a line break
    found = [at for name in wanted if (at := body.find(name)) >= 0]
    if not found:
        return ""
    # no sentence before the one where a name is first printed can name one: search from that sentence on
    first = min(found)
    for m in _SENTENCE.finditer(body, max(body.rfind(mark, 0, first) for mark in _MARKS) + 1):
        s = m.group().strip()
        for name in wanted:
            at = s.find(name)
            if at >= 0:
                if len(s) <= width:
                    return s
                start = max(0, min(at - width // 3, len(s) - width))
                return ("…" if start else "") + s[start : start + width] + ("…" if start + width < len(s) else "")
    return ""


def _span(d: dict) -> str:
    """The days a post was reported, as a reader writes them.

    >>> _span({"first": "2019-03-05", "last": "2019-03-05"}), _span({"first": "2019-03-05", "last": "2021-10-01"})
    ('2019年3月5日', '2019年3月5日—2021年10月1日')
    """
    first, last = d.get("first"), d.get("last")
    return _date(first) if first == last else f"{_date(first)}—{_date(last)}"


def _by_date(text: str) -> tuple[int, ...]:
    """The date a list item opens with, for sorting (posts by date); an item with none comes after.

    >>> sorted(["2021年3月5日 · 主任", "主任", "2019年10月1日 · 书记"], key=_by_date)
    ['2019年10月1日 · 书记', '2021年3月5日 · 主任', '主任']
    """
    m = re.match(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    return tuple(int(x) for x in m.groups()) if m else (10_000,)


def _items(pairs: Iterable[tuple[str, int | None, str, str]], by_date: bool = False, total: int | None = None) -> list[list]:
    """Sorted, de-duplicated [text, node id or null, evidence] list items, and a fourth value, 1, for an item that
    names a node the page left out (a text the page marks so, not a link); past MAX_ITEMS, one summing line.

    An item comes in with the key of the node it names ("" for none): two
    nodes the page left out under one name stay two items.
    `by_date`: items that open with a date come first, in date order (a person's posts).
    `total`: how many distinct items there are, when `pairs` holds only those that can come first (`_sources`, which
    cuts by this order's text and id: keep the two in step).
    """
    items = list(set(pairs))
    if len(items) > 1:
        items.sort(key=lambda t: (_by_date(t[0]) if by_date else (), *_text_then_id(t), t[2], t[3]))
    more = (len(items) if total is None else total) - MAX_ITEMS
    if more > 0:
        items = items[:MAX_ITEMS] + [(f"… 另有 {more} 项 / {more} more", None, "", "")]
    return [[text, at, ev, 1] if at is None and key else [text, at, ev] for text, at, ev, key in items]


Source = tuple[str, int | None, dict, str]  # an article a node was read from: its item's text, drawn id, data and key


def _sources(d: dict, n: str, found: list[Source]) -> tuple[list[tuple[str, int | None, str, str]], int]:
    """The source items of node `n` (data `d`) that `_items` can show, each with its sentence; and how many there are.

    Finding a sentence reads the article's body back, and a node read from
    a thousand articles shows MAX_ITEMS of them. The articles are sorted by
    the head of `_items`' order (text, then id), and a sentence is found
    only for the first MAX_ITEMS and those tied with the last of them:
    whatever their sentences, the items `_items` shows are among these.
    No item is lost as a duplicate: an edge's key is its relation, so a
    node has one derivedFrom edge to an article, and each is one item.
    """
    total = len(found)
    if total > MAX_ITEMS:
        found = sorted(found, key=_text_then_id)
        bound = _text_then_id(found[MAX_ITEMS - 1])
        found = [s for s in found if _text_then_id(s) <= bound]  # sorted: the first MAX_ITEMS and those tied with the last
    own = str(d.get("evidence") or "")
    names = [_text(d, n), *(d.get("aliases") or ())]
    return [(text, at, own or evidence_sentence(str(ad.get("body") or ""), names), a) for text, at, ad, a in found], total


def _text_then_id(t: tuple) -> tuple[str, int]:
    """The head of `_items`' order (past a date): an item's text, then its drawn id, null first."""
    return t[0], -1 if t[1] is None else t[1]


Items = dict[str, list[tuple[str, int | None, str, str]]]  # section -> (text, target id, evidence, target key)
SECTIONS = ("职务 posts", "任职 officials", "事件 events", "关系 relations", "来源 sources", "提及 mentions")
FACTS = (("headline", "标题 headline"), ("date", "日期 date"), ("time_of_day", "时段 time"), ("location_text", "地点 place"),
         ("section", "版面 section"), ("code", "区划代码 code"), ("official_path", "官方区划 official"), ("source_file", "文件 file"))


def details(g: nx.MultiDiGraph, ids: dict[str, int]) -> Iterator[tuple[int, dict]]:
    """(id, entry) of each drawn node in `ids`' order: label, class, aliases, facts, then sections of [text, target id, evidence] items."""
    for n, i in ids.items():
        yield i, entry(g, n, ids)


def entry(g: nx.MultiDiGraph, n: str, ids: dict[str, int]) -> dict:
    """Drawn node `n`'s details: made from its data, its edges both ways (a membership's own out-edges for a post),
    the data of the nodes at their other ends and the drawn ids in `ids` (graph.export.kept keys it by those)."""
    d = g.nodes[n]
    out: dict = {"label": _label(g, n), "cls": STYLE[d["kind"]][2]}
    aliases = sorted(set(d.get("aliases") or ()) - {out["label"]})
    if aliases:
        out["aliases"] = aliases
    facts = [[k, _date(d[f]) if f == "date" else str(d[f])] for f, k in FACTS if d.get(f) and d[f] != out["label"]]
    if facts:
        out["facts"] = facts
    mine, found = _sections(g, n, ids)
    sources = None  # how many articles the sources section sums up, when it has only those it can show
    if found:
        mine["来源 sources"], sources = _sources(d, n, found)
    sections = [[name, _items(mine[name], by_date=name == "职务 posts", total=sources if name == "来源 sources" else None)]
                for name in SECTIONS if mine.get(name)]
    if sections:
        out["sections"] = sections
    return out


def _sections(g: nx.MultiDiGraph, n: str, ids: dict[str, int]) -> tuple[Items, list[Source]]:
    """A drawn node's items, from its own edges: what points at it, then what it points at; and the articles it was
    read from, whose items `_sources` makes.

    An item names a node of a drawn class even when the page left it out (a
    view past html.VIEW_NODES): it is then text, not a link (its id null).
    """
    sec: Items = defaultdict(list)
    found: list[Source] = []
    nodes = g._node  # networkx's maps of nodes, read directly (without its views): this runs for every edge of every drawn node
    for u, keyed in g._pred[n].items():
        if keyed.keys().isdisjoint(ITEM_RELS):  # an article's mention of it (half of a hub's edges): no item
            continue
        ud = nodes[u]
        kind = ud["kind"]
        at = ids.get(u)
        for rel in keyed:
            if kind == "Membership" and rel in ("member", "organization"):
                _post(g, u, n, rel, ids, sec)
            elif kind == "Event" and rel in EVENT_RELS:
                sec["事件 events"].append((f"{_text(ud, u)} ({_date(ud.get('date'))}) · {EDGE_LABELS[rel]}", at, "", u))
            if kind not in STYLE:
                continue
            if rel in EDGE_LABELS and rel not in EVENT_RELS:  # an event's participants list it under events
                sec["关系 relations"].append((f"{EDGE_LABELS[rel]} ← {_text(ud, u)}", at, "", u))
            elif rel == "derivedFrom":
                sec["提及 mentions"].append((f"{_text(ud, u)} · {STYLE[kind][2]}", at, "", u))
    for v, keyed in g._succ[n].items():
        if keyed.keys().isdisjoint(OUT_ITEM_RELS):  # an article's mention of a node: no item
            continue
        vd = nodes[v]
        if vd["kind"] not in STYLE:
            continue
        at = ids.get(v)
        for rel in keyed:
            if rel in EDGE_LABELS:
                sec["关系 relations"].append((f"{EDGE_LABELS[rel]} → {_text(vd, v)}", at, "", v))
            elif rel == "derivedFrom":  # a membership's evidence is shown with its post
                found.append((_source_text(vd, v), at, vd, v))
    return sec, found


def membership_ends(g: nx.MultiDiGraph, m: str) -> tuple[str | None, str | None, str | None]:
    """A membership's person, body and role (None where it has none), from its own out-edges."""
    ends = {k: v for v, keyed in g._succ[m].items() for k in keyed}  # as out_edges(m, keys=True), without its view
    return ends.get("member"), ends.get("organization"), ends.get("role")


def _post(g: nx.MultiDiGraph, m: str, n: str, rel: str, ids: dict[str, int], sec: Items) -> None:
    """The item membership `m` gives `n`: a post, for its person; an official, for its body."""
    person, org, role = membership_ends(g, m)
    d = g.nodes[m]
    title, ev = (_label(g, role) if role else ""), str(d.get("evidence") or "")
    if rel == "member" and person == n:
        post = f"{_label(g, org) if org else '—'} {title}".strip()
        sec["职务 posts"].append((f"{_span(d)} · {post}" if d.get("first") else post, ids.get(org) if org else None, ev, org or ""))
    elif rel == "organization" and org == n and person:
        sec["任职 officials"].append((f"{_label(g, person)} {title}".strip(), ids.get(person), ev, person))


def _source_text(ad: dict, a: str) -> str:
    """The item text of article `a` (data `ad`) as a source: its headline and date."""
    date, headline = ad.get("date"), ad.get("headline")  # each field read once: this runs for every source of every drawn node
    when = _date(date) if date else str(ad.get("source_file") or "")
    return f"{headline or _text(ad, a)} · {when}".rstrip(" ·")

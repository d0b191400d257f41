"""HTML export: the networkx graph -> one self-contained interactive page (pyvis + vis.js).

pyvis builds the vis.js node and edge records; they are written into our
own page template (graph/data/view.html) with vis-network's script and
style inlined from pyvis's package, so the page makes no request to any
host. Names and evidence come from untrusted text: they travel as JSON in
a non-executed script element with `<`, `>` and `&` escaped, the page
shows them with textContent only, and a Content-Security-Policy lets only
the template's two scripts run (named by their SHA-256), so even a tag
that slipped through could not execute.

The page stays usable on a city's worth of news: it starts from a layout
computed at export (graph/export/layout.py), physics only polishes it for
a bounded number of iterations under a time budget and is then switched
off; the admin hierarchy has a tree layout of its own, computed there too.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from graph.export import atomic_write
from graph.export.layout import HIERARCHY, POST, seed_positions, tree_positions

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
    "Article": ("#9e9e9e", "box", "报道 Article"),
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
# Fonts with the Chinese characters of the labels, on Windows, macOS and Linux (fonts-noto-cjk, fonts-wqy-*).
FONT_STACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", '
              '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC", SimHei, sans-serif')
# Labels by rendered size (the rule of sigma.js and Gephi): a label is drawn once its node is drawn big enough
# for it to be LABEL_PX pixels high, bigger nodes with bigger labels up to MAX_LABEL_PX; at the first view
# the FIRST_LABELS biggest nodes are that big. Zooming in shows more.
LABEL_PX, MAX_LABEL_PX, FIRST_LABELS = 11, 20, 24
TREE_NODE, TREE_FONT = 9, 20  # the hierarchy: one node size and one label size (canvas units) for all units
BIG = 1500  # from this many nodes on, the page trades polish for speed
BUDGET_MS = 4000  # physics stops this long after the script starts, whatever its progress (target: usable in 10 s)
MAX_ITEMS = 60  # list items per details section; the rest is summed up in one line
TEMPLATE = Path(__file__).resolve().parent.parent / "data" / "view.html"
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


@functools.cache
def _vis() -> tuple[str, str]:
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _safe_json(obj: object) -> str:
    """JSON that cannot end a script element or open a tag, whatever strings it holds.

    >>> _safe_json({"n": "</script><img src=x onerror=alert(1)>&"})
    '{"n":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e\\\\u0026"}'
    """
    return _safe(json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _safe(s: str) -> str:
    """Escape what could end a script element or open a tag: one character for one escape, so part by part is the same."""
    return s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


_JSON_CHUNK = 2000  # entries of a long list or map encoded at a time


def _safe_json_parts(data: dict) -> Iterator[str]:
    """`_safe_json(data)` in parts: each value of the top map, a long list or map of it some entries at a time.

    A list's JSON is its entries' JSON joined by commas, and a map sorted by
    key is its entries' in that order: the parts join to the same text.
    """
    yield "{"
    for n, key in enumerate(sorted(data)):
        value = data[key]
        yield ("," if n else "") + _safe_json(key) + ":"
        if isinstance(value, list | dict) and len(value) > _JSON_CHUNK:
            items = value if isinstance(value, list) else sorted(value.items())
            yield "[" if isinstance(value, list) else "{"
            for k in range(0, len(items), _JSON_CHUNK):
                chunk = items[k : k + _JSON_CHUNK]
                yield ("," if k else "") + _safe_json(chunk if isinstance(value, list) else dict(chunk))[1:-1]
            yield "]" if isinstance(value, list) else "}"
        else:
            yield _safe_json(value)
    yield "}"


def _html_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _label(g: nx.MultiDiGraph, n: str) -> str:
    d = g.nodes[n]
    return str(d.get("label") or d.get("headline") or n)


def _short(s: str, n: int = 14) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


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
    wanted = sorted({n for n in names if n}, key=lambda n: (-len(n), n))
    for m in _SENTENCE.finditer(body):
        s = m.group().strip()
        for name in wanted:
            at = s.find(name)
            if at >= 0:
                if len(s) <= width:
                    return s
                start = max(0, min(at - width // 3, len(s) - width))
                return ("…" if start else "") + s[start : start + width] + ("…" if start + width < len(s) else "")
    return ""


def view_edges(g: nx.MultiDiGraph, shown: Iterable[str]) -> list[tuple[str, str, str, str]]:
    """The edges the page draws, as sorted (from, to, relation, label) over the `shown` nodes.

    Relations named in EDGE_LABELS are drawn as they are; a membership
    becomes one person -> body edge labelled with the post's title; an
    article's mentions are there too, for the page to show on request.
    """
    keep = set(shown)
    out = set()
    for m, d in g.nodes(data=True):
        if d["kind"] != "Membership":
            continue
        ends = {k: v for _, v, k in g.out_edges(m, keys=True)}
        person, org, role = ends.get("member"), ends.get("organization"), ends.get("role")
        if person in keep and org in keep:
            out.add((person, org, POST, _label(g, role) if role else "职务"))
    for u, v, rel in g.edges(keys=True):
        if u in keep and v in keep and rel in EDGE_LABELS:
            out.add((u, v, rel, EDGE_LABELS[rel]))
        elif u in keep and v in keep and rel == MENTION:
            out.add((u, v, rel, "提及"))
    return sorted(out)


def view_data(g: nx.MultiDiGraph) -> dict:
    """The records the page draws: nodes, edges, per-node details, legend, layout options."""
    kinds = {n: d["kind"] for n, d in g.nodes(data=True)}
    shown = sorted(n for n in g.nodes if kinds[n] in STYLE)
    ids = {n: i for i, n in enumerate(shown)}
    edges = view_edges(g, shown)
    drawn = {n: (kinds[n], _label(g, n)) for n in shown}
    rels = [(u, v, rel) for u, v, rel, _ in edges if rel != MENTION]  # the layouts do not depend on the toggle
    seed, tree = seed_positions(drawn, rels), tree_positions(drawn, rels)
    counts = Counter(kinds[n] for n in shown)
    return {
        "nodes": _vis_nodes(g, shown, ids, kinds, _weights(g, edges, ids), seed),
        "edges": _vis_edges(edges, ids),
        "info": _details(g, ids, edges),
        "classes": [{"name": k, "label": v[2], "color": v[0], "count": counts[k]} for k, v in STYLE.items() if counts[k]],
        "tree": {ids[n]: list(xy) for n, xy in tree.items()},
        "options": _vis_options(big=len(shown) >= BIG),
        "budgetMs": BUDGET_MS,
        "labels": {"px": LABEL_PX, "first": FIRST_LABELS, "treeNode": TREE_NODE, "treeFont": TREE_FONT},
    }


def _weights(g: nx.MultiDiGraph, edges: list[tuple[str, str, str, str]], ids: dict[str, int]) -> Counter[str]:
    """A node's weight, which sizes it: its drawn edges and the articles it was read from (an article's: read in it)."""
    weight: Counter[str] = Counter()
    for u, v, rel, _ in edges:
        if rel != MENTION:
            weight[u] += 1
            weight[v] += 1
    for u, v, rel in g.edges(keys=True):
        if rel == "derivedFrom" and u in ids:
            weight[u] += 1
            weight[v] += 1
    return weight


def _vis_nodes(g: nx.MultiDiGraph, shown: list[str], ids: dict[str, int], kinds: dict[str, str], weight: Counter[str],
               seed: dict[str, tuple[int, int]]) -> list[dict]:
    """pyvis's node records of the shown nodes, at their seed positions."""
    net = Network(directed=True, cdn_resources="in_line")
    for n in shown:
        label = _label(g, n)
        # pyvis's add_node looks each id up in a list (quadratic on a big graph): its Node record, directly
        net.nodes.append(Node(ids[n], STYLE[kinds[n]][1], label=(_short(label) if kinds[n] in ("Article", "Event") else label) or ids[n],
                              font_color=net.font_color, group=kinds[n], size=min(40, round(8 + 4 * math.sqrt(weight[n]))),
                              title=f"{label} · {STYLE[kinds[n]][2]}", x=seed[n][0], y=seed[n][1]).options)
    return net.nodes


def _vis_edges(edges: list[tuple[str, str, str, str]], ids: dict[str, int]) -> list[dict]:
    """pyvis's edge records: the hierarchy heavier, mentions hidden until the reader asks for them."""
    out = []
    for i, (u, v, rel, label) in enumerate(edges):
        # pyvis's add_edge looks each end up in a list (quadratic on a big graph): its Edge record, directly
        rec = Edge(ids[u], ids[v], id=i, label=label).options  # arrows: the page's option, off in the tree
        if rel in HIERARCHY:
            rec.update(width=2, color={"color": "#777"})
        elif rel == MENTION:  # hidden until asked for, and never pulling the layout
            rec.update(hidden=True, physics=False, mention=True, dashes=True, color={"color": "#c9c9c9"})
        out.append(rec)
    return out


def _vis_options(big: bool) -> dict:
    """vis-network's options: the class styles, a physics bounded in time, labels by rendered size; `big` trades polish for speed."""
    return {
        "groups": {k: {"color": {"background": v[0], "border": "#333", "highlight": {"background": v[0], "border": "#000"},
                             "hover": {"background": v[0], "border": "#000"}}, "shape": v[1]} for k, v in STYLE.items()},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 100 if big else 300,
                             "updateInterval": 5 if big else 25, "fit": True},  # the budget is checked between updates
            "minVelocity": 1.0,
        },
        "interaction": {"hover": not big, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "color": {"color": "#bbb"},
                  "font": {"size": 10, "color": "#555", "strokeWidth": 2}, "smooth": False, "width": 1},
        "nodes": {"font": {"size": 14, "face": FONT_STACK, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": LABEL_PX, "maxVisible": MAX_LABEL_PX}},
                  "borderWidth": 1, "borderWidthSelected": 3},
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


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


def _items(pairs: Iterable[tuple[str, int | None, str]], by_date: bool = False) -> list[list]:
    """Sorted, de-duplicated [text, node id or null, evidence] list items; past MAX_ITEMS, one summing line.

    `by_date`: items that open with a date come first, in date order (a person's posts).
    """
    items = sorted(set(pairs), key=lambda t: (_by_date(t[0]) if by_date else (), t[0], -1 if t[1] is None else t[1], t[2]))
    if len(items) > MAX_ITEMS:
        items = items[:MAX_ITEMS] + [(f"… 另有 {len(items) - MAX_ITEMS} 项 / {len(items) - MAX_ITEMS} more", None, "")]
    return [list(t) for t in items]


Items = dict[str, dict[str, list[tuple[str, int | None, str]]]]  # node -> section -> (text, target id, evidence)
SECTIONS = ("职务 posts", "任职 officials", "事件 events", "关系 relations", "来源 sources", "提及 mentions")
FACTS = (("headline", "标题 headline"), ("date", "日期 date"), ("time_of_day", "时段 time"), ("location_text", "地点 place"),
         ("section", "版面 section"), ("code", "区划代码 code"), ("official_path", "官方区划 official"), ("source_file", "文件 file"))


def _details(g: nx.MultiDiGraph, ids: dict[str, int], edges: list[tuple[str, str, str, str]]) -> dict[int, dict]:
    """Per node: label, class, aliases, facts, then sections of [text, target id, evidence] items."""
    sec: Items = defaultdict(lambda: defaultdict(list))
    _posts_and_events(g, ids, sec)
    lab = functools.partial(_label, g)
    for u, v, rel, label in edges:  # the other drawn relations, seen from both ends
        if rel in (POST, MENTION):
            continue  # listed under posts and officials with the evidence, or under sources
        sec[u]["关系 relations"].append((f"{label} → {lab(v)}", ids[v], ""))
        if rel not in EVENT_RELS:  # an event's participants list it under events
            sec[v]["关系 relations"].append((f"{label} ← {lab(u)}", ids[u], ""))
    _sources(g, ids, sec)
    info: dict[int, dict] = {}
    for n, i in ids.items():
        d = g.nodes[n]
        entry: dict = {"label": lab(n), "cls": STYLE[d["kind"]][2]}
        aliases = sorted(set(d.get("aliases") or ()) - {entry["label"]})
        if aliases:
            entry["aliases"] = aliases
        facts = [[k, _date(d[f]) if f == "date" else str(d[f])] for f, k in FACTS if d.get(f) and d[f] != entry["label"]]
        if facts:
            entry["facts"] = facts
        mine = sec.pop(n, {})  # each node's items once: let them go as its entry is made
        sections = [[name, _items(mine[name], by_date=name == "职务 posts")] for name in SECTIONS if mine.get(name)]
        if sections:
            entry["sections"] = sections
        info[i] = entry
    return info


def _posts_and_events(g: nx.MultiDiGraph, ids: dict[str, int], sec: Items) -> None:
    """A person's posts and a body's officials, each with its evidence; the events a node takes part in."""
    lab = functools.partial(_label, g)
    for m, d in g.nodes(data=True):
        if d["kind"] == "Membership":
            ends = {k: v for _, v, k in g.out_edges(m, keys=True)}
            person, org, role = ends.get("member"), ends.get("organization"), ends.get("role")
            title, ev = (lab(role) if role else ""), str(d.get("evidence") or "")
            if person in ids:
                post = f"{lab(org) if org else '—'} {title}".strip()
                sec[person]["职务 posts"].append((f"{_span(d)} · {post}" if d.get("first") else post, ids.get(org) if org else None, ev))
            if org in ids and person:
                sec[org]["任职 officials"].append((f"{lab(person)} {title}".strip(), ids.get(person), ev))
        elif d["kind"] == "Event" and m in ids:
            for _, v, k in g.out_edges(m, keys=True):
                if k in EVENT_RELS and v in ids:
                    sec[v]["事件 events"].append((f"{lab(m)} ({_date(d.get('date'))}) · {EDGE_LABELS[k]}", ids[m], ""))


def _sources(g: nx.MultiDiGraph, ids: dict[str, int], sec: Items) -> None:
    """The articles a node was read from, each with the sentence that names it; an article's mentions."""
    lab = functools.partial(_label, g)
    for n, a, rel in g.edges(keys=True):
        if rel != "derivedFrom" or n not in ids or a not in ids:
            continue  # a membership's evidence is shown with its post
        d, ad = g.nodes[n], g.nodes[a]
        when = _date(ad["date"]) if ad.get("date") else str(ad.get("source_file") or "")
        ev = str(d.get("evidence") or "") or evidence_sentence(str(ad.get("body") or ""), [lab(n), *(d.get("aliases") or ())])
        sec[n]["来源 sources"].append((f"{ad.get('headline') or lab(a)} · {when}".rstrip(" ·"), ids[a], ev))
        sec[a]["提及 mentions"].append((f"{lab(n)} · {STYLE[d['kind']][2]}", ids[n], ""))


def to_html(g: nx.MultiDiGraph, title: str = "knowledge graph") -> str:
    """The page: template with vis-network, our script and the graph's data filled in."""
    return "".join(html_parts(g, title))


def html_parts(g: nx.MultiDiGraph, title: str = "knowledge graph") -> Iterator[str]:
    """`to_html` in parts (the template's text and each value put in): written part by part, never held whole."""
    js, css = _vis()
    page = TEMPLATE.read_text(encoding="utf-8")
    vis_js = js.replace("</script", "<\\/script")  # vis.js must not close its element
    app_js = re.search(r'<script id="view-app">(.*?)</script>', page, re.S)
    assert app_js is not None, f"{TEMPLATE} has no view-app script"
    values = {
        "TITLE": _html_text(title),
        "FONT_STACK": FONT_STACK,
        "VIS_CSS": css,
        "VIS_JS": vis_js,
        "DATA": _safe_json_parts(view_data(g)),
        "SCRIPT_HASHES": f"{_csp_hash(vis_js)} {_csp_hash(app_js.group(1))}",
    }
    # one pass over the template: text put in is never scanned for placeholders again
    at = 0
    for m in re.finditer(r"__(TITLE|FONT_STACK|VIS_CSS|VIS_JS|DATA|SCRIPT_HASHES)__", page):
        yield page[at : m.start()]
        value = values[m.group(1)]
        yield from (value,) if isinstance(value, str) else value
        at = m.end()
    yield page[at:]


def write_html(g: nx.MultiDiGraph, path: str | Path, title: str = "knowledge graph") -> None:
    atomic_write(path, html_parts(g, title))

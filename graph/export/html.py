"""HTML export: the networkx graph -> one self-contained interactive page (pyvis + vis.js).

pyvis builds the vis.js node and edge records; they are written into our
own page template with vis-network's script and style inlined from pyvis's
package, so the page makes no request to any host (a Content-Security-
Policy forbids it). Names and evidence come from untrusted text: they
travel as JSON in a non-executed script element with `<`, `>` and `&`
escaped, and the page shows them with textContent only.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx

from graph.export import atomic_write

STYLE: dict[str, tuple[str, str, str]] = {
    # class: (colour, vis.js shape, label)
    "City": ("#b71c1c", "star", "市 City"),
    "District": ("#e53935", "diamond", "区县 District"),
    "StreetOffice": ("#fb8c00", "triangle", "街道 Street office"),
    "Town": ("#fdd835", "triangle", "乡镇 Town"),
    "Community": ("#43a047", "dot", "社区 Community"),
    "Village": ("#7cb342", "dot", "村 Village"),
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
LIB = Path(__file__).resolve().parent.parent / "data" / "view.html"


@functools.cache
def _vis() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _safe_json(obj: object) -> str:
    """JSON that cannot end a script element or open a tag, whatever strings it holds."""
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _html_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def view_data(g: nx.MultiDiGraph) -> dict:
    """The records the page draws: nodes, edges, per-node details, legend, options."""
    from pyvis.network import Network

    kinds = {n: d["kind"] for n, d in g.nodes(data=True)}
    shown = [n for n in g.nodes if kinds[n] in STYLE]
    ids = {n: i for i, n in enumerate(sorted(shown))}
    degree = Counter()
    edge_list: list[tuple[int, int, str]] = []
    # memberships become person -> body edges labelled with the title
    for m, d in g.nodes(data=True):
        if d["kind"] != "Membership":
            continue
        out = {k: v for _, v, k in g.out_edges(m, keys=True)}
        person, org, role = out.get("member"), out.get("organization"), out.get("role")
        if person in ids and org in ids:
            edge_list.append((ids[person], ids[org], g.nodes[role]["label"] if role else "职务"))
    for u, v, rel in g.edges(keys=True):
        if u in ids and v in ids and rel in EDGE_LABELS:
            edge_list.append((ids[u], ids[v], EDGE_LABELS[rel]))
    edge_list = sorted(set(edge_list))
    for u, v, _ in edge_list:
        degree[u] += 1
        degree[v] += 1
    net = Network(directed=True, cdn_resources="in_line")
    for n in sorted(shown):
        d = g.nodes[n]
        color, shape, _ = STYLE[kinds[n]]
        label = d.get("label") or n
        if kinds[n] == "Article":
            label = n.split(":", 1)[1]
        net.add_node(ids[n], label=label, group=kinds[n], color=color, shape=shape,
                     size=10 + min(30, 3 * degree[ids[n]]), title=f"{label} · {STYLE[kinds[n]][2]}")
    for i, (u, v, lab) in enumerate(edge_list):
        net.add_edge(u, v, label=lab, id=i, arrows="to", font={"size": 9, "color": "#555"}, color="#bbb")
    info = _details(g, ids, kinds)
    counts = Counter(kinds[n] for n in shown)
    classes = [{"name": k, "label": v[2], "color": v[0], "count": counts[k]} for k, v in STYLE.items() if counts[k]]
    big = len(shown) > 1500
    options = {
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 80},
            "stabilization": {"enabled": True, "iterations": 150 if big else 400, "updateInterval": 50},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "edges": {"smooth": False if big else {"type": "continuous"}},
        "nodes": {"font": {"size": 12}},
        "layout": {"improvedLayout": not big, "randomSeed": 7},
    }
    return {"nodes": net.nodes, "edges": net.edges, "info": info, "classes": classes, "options": options}


def _details(g: nx.MultiDiGraph, ids: dict[str, int], kinds: dict[str, str]) -> dict[int, dict]:
    posts: dict[str, list[str]] = defaultdict(list)
    events: dict[str, list[str]] = defaultdict(list)
    for m, d in g.nodes(data=True):
        if d["kind"] == "Membership":
            out = {k: v for _, v, k in g.out_edges(m, keys=True)}
            person = out.get("member")
            org = g.nodes[out["organization"]]["label"] if "organization" in out else "—"
            title = g.nodes[out["role"]]["label"] if "role" in out else ""
            if person:
                posts[person].append(f"{org} {title} · 「{d['evidence'][:80]}」")
        elif d["kind"] == "Event":
            for _, v, k in g.out_edges(m, keys=True):
                if k in ("organizer", "attendee", "location"):
                    events[v].append(f"{d['label']} ({d.get('date') or '日期不详'})")
    info: dict[int, dict] = {}
    for n, i in ids.items():
        d = g.nodes[n]
        sources = []
        for _, a, k in g.out_edges(n, keys=True):
            if k == "derivedFrom":
                ad = g.nodes[a]
                sources.append(f"{a.split(':', 1)[1]} {ad.get('headline') or ''} ({ad.get('source_file')})")
        within = [g.nodes[v]["label"] for _, v, k in g.out_edges(n, keys=True) if k in ("containedInPlace", "parentOrganization", "jurisdiction")]
        entry = {
            "label": d.get("label") or n,
            "cls": STYLE[kinds[n]][2],
            "aliases": list(d.get("aliases") or ()),
            "posts": sorted(set(posts.get(n, []))),
            "events": sorted(set(events.get(n, []))),
            "within": sorted(set(within)),
            "sources": sorted(sources),
        }
        if kinds[n] == "Event" and d.get("evidence"):
            entry["sources"] = sorted(sources) + [f"「{d['evidence'][:160]}」"]
        info[i] = entry
    return info


def to_html(g: nx.MultiDiGraph, title: str = "knowledge graph") -> str:
    js, css = _vis()
    page = LIB.read_text(encoding="utf-8")
    data = _safe_json(view_data(g))
    values = {
        "TITLE": _html_text(title),
        "VIS_CSS": css,
        "VIS_JS": js.replace("</script", "<\\/script"),  # vis.js must not close its element
        "DATA": data,
    }
    # one pass over the template: text put in is never scanned for placeholders again
    return re.sub(r"__(TITLE|VIS_CSS|VIS_JS|DATA)__", lambda m: values[m.group(1)], page)


def write_html(g: nx.MultiDiGraph, path: str | Path, title: str = "knowledge graph") -> None:
    atomic_write(path, to_html(g, title))

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
It draws at most VIEW_NODES nodes, the best connected (`best_connected`),
and says so; the Turtle file holds them all.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import orjson
import pyvis
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from graph.export import atomic_write
from graph.export.details import EDGE_LABELS, MENTION, STYLE, _label, details, evidence_sentence
from graph.export.kept import Encoded, KeptDetails
from graph.export.layout import HIERARCHY, seed_positions, tree_positions
from graph.export.ranking import best_connected, drawable_nodes, posts_between

# Fonts with the Chinese characters of the labels, on Windows, macOS and Linux (fonts-noto-cjk, fonts-wqy-*).
FONT_STACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", '
              '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC", SimHei, sans-serif')
# Labels by rendered size (the rule of sigma.js and Gephi): a label is drawn once its node is drawn big enough
# for it to be LABEL_PX pixels high, bigger nodes with bigger labels up to MAX_LABEL_PX; at the first view
# the FIRST_LABELS biggest nodes are that big. Zooming in shows more.
LABEL_PX, MAX_LABEL_PX, FIRST_LABELS = 11, 20, 24
TREE_NODE, TREE_FONT = 9, 20  # the hierarchy: one node size and one label size (canvas units) for all units
ARTICLE_FONT = 0.5  # an article's label font, of a node's of its size: its headline is named after the places around it
BIG = 1500  # from this many nodes on, the page trades polish for speed
# The most nodes a page draws. In headless Chromium on a 2-core machine a page of 72,818 nodes was usable
# after 11 s and a search took 1.9 s; one of 242,483 (an 80 MB corpus) took 63 s, 16 s a search and 4.7 GB;
# one of 10,000, 5.8 s and 0.6 s. Past it the best connected are drawn (best_connected), and the page says so.
VIEW_NODES = 10_000
BUDGET_MS = 4000  # physics stops this long after the script starts, whatever its progress (target: usable in 10 s)
TEMPLATE = Path(__file__).resolve().parent.parent / "data" / "view.html"


@functools.cache
def _vis() -> tuple[str, str]:
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _safe_json(obj: object) -> str:
    """JSON that cannot end a script element or open a tag, whatever strings it holds.

    >>> _safe_json({"n": "</script><img src=x onerror=alert(1)>&"})
    '{"n":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e\\\\u0026"}'
    """
    return _safe(_json(obj))


_ORJSON = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME


def _json(obj: object) -> str:
    """`json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))`, by orjson (4 times as fast) when it can.

    The view's data is text, whole numbers, flags, None, lists and maps,
    and its options' three floats (0.2, 0.5, 1.0): of these, the two write
    the same text. orjson refuses keys that are not text, integers past 64
    bits, lone surrogates (a file name may hold them), dataclasses and
    datetimes: those go to the standard library, which writes the first
    three and refuses the last two, as before. Where the two still differ,
    the view holds nothing: orjson writes NaN and the infinities as null, a
    float's exponent without its leading zero (1e-7, not 1e-07), and UUIDs and enums.

    >>> _json({"b": [1, 2.5, "中\\n"], "a": None}), _json({2: "x", 10: "y"})
    ('{"a":null,"b":[1,2.5,"中\\\\n"]}', '{"2":"x","10":"y"}')
    """
    try:
        return orjson.dumps(obj, option=_ORJSON).decode()
    except TypeError:
        return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _entries(chunk: list[tuple[Any, Any]]) -> str:
    """`_json(dict(chunk))` without its braces, for a chunk of a map's items: entry by entry when its keys are
    whole numbers in increasing order (the details' and the tree's), which json.dumps writes in that order."""
    if all(type(k) is int for k, _ in chunk) and all(a[0] < b[0] for a, b in itertools.pairwise(chunk)):
        return ",".join(f'"{k}":{v if type(v) is Encoded else _json(v)}' for k, v in chunk)  # a kept details entry as it is
    return _json(dict(chunk))[1:-1]


def _safe(s: str) -> str:
    """Escape what could end a script element or open a tag: one character for one escape, so part by part is the same."""
    return s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


_JSON_CHUNK = 250  # entries of a long list or map encoded at a time (a drawn node's details can be kilobytes)


@dataclass(frozen=True)
class Rows:
    """A list, or a map given as its items in key order, made only as it is written."""

    items: Iterable
    mapping: bool = False

    def whole(self) -> list | dict:
        return dict(self.items) if self.mapping else list(self.items)


def _safe_json_parts(data: dict) -> Iterator[str]:
    """`_safe_json(data)` in parts: each value of the top map, a long list or map of it (or Rows) some entries at a time.

    A list's JSON is its entries' JSON joined by commas, and a map sorted by
    key is its entries' in that order: the parts join to the same text.
    """
    yield "{"
    for n, key in enumerate(sorted(data)):
        value = data[key]
        yield ("," if n else "") + _safe_json(key) + ":"
        if isinstance(value, list | dict) and len(value) > _JSON_CHUNK:
            value = Rows(value if isinstance(value, list) else sorted(value.items()), isinstance(value, dict))
        if isinstance(value, Rows):
            yield "{" if value.mapping else "["
            for k, chunk in enumerate(_chunks(value.items)):
                yield ("," if k else "") + _safe(_entries(chunk) if value.mapping else _json(chunk)[1:-1])
            yield "}" if value.mapping else "]"
        else:
            yield _safe_json(value)
    yield "}"


def _chunks(items: Iterable) -> Iterator[list]:
    rows = iter(items)
    while chunk := list(itertools.islice(rows, _JSON_CHUNK)):
        yield chunk


def _html_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _short(s: str, n: int = 14) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def view_edges(g: nx.MultiDiGraph, shown: Iterable[str]) -> list[tuple[str, str, str, str]]:
    """The edges the page draws, as sorted (from, to, relation, label) over the `shown` nodes.

    Relations named in EDGE_LABELS are drawn as they are; a membership
    becomes one person -> body edge labelled with the post's title; an
    article's mentions are there too, for the page to show on request.
    """
    keep = set(shown)
    out = posts_between(g, keep)
    for u in keep:  # the shown nodes' own out-edges: a capped page's, not the graph's
        for v, keyed in g._succ[u].items():
            if v in keep:
                for rel in keyed:
                    if rel in EDGE_LABELS:
                        out.add((u, v, rel, EDGE_LABELS[rel]))
                    elif rel == MENTION:
                        out.add((u, v, rel, "提及"))
    return sorted(out)


def view_data(g: nx.MultiDiGraph, most: int = VIEW_NODES) -> dict:
    """The records the page draws: nodes, edges, per-node details, legend, layout options."""
    return {k: v.whole() if isinstance(v, Rows) else v for k, v in view_rows(g, most).items()}


def view_rows(g: nx.MultiDiGraph, most: int = VIEW_NODES, kept: KeptDetails | None = None) -> dict:
    """`view_data`, its nodes, edges and details as Rows: each record is made as it is written, never all at once.

    `kept`: the last build's details entries, copied where their keys are this view's (graph.export.kept).
    """
    if most < 1:
        raise ValueError(f"a page draws at least one node, not {most}")
    drawable, totals = drawable_nodes(g)
    shown = sorted(drawable) if len(drawable) <= most else best_connected(g, drawable, most)
    del drawable
    kinds = {n: g.nodes[n]["kind"] for n in shown}  # only the drawn nodes' kinds kept
    edges = view_edges(g, shown)
    drawn = {n: (kinds[n], _label(g, n)) for n in shown}
    rels = _Relations(edges)  # the layouts do not depend on the toggle
    seed, tree = seed_positions(drawn, rels), tree_positions(drawn, rels)
    del drawn, rels  # each map over every drawn node is made only when the one before it is gone: the ids after these
    ids = {n: i for i, n in enumerate(shown)}
    counts = Counter(kinds.values())
    return {
        "nodes": Rows(_vis_nodes(g, shown, ids, kinds, _weights(g, edges, ids), seed)),
        "edges": Rows(_vis_edges(edges, ids)),
        "info": Rows(details(g, ids) if kept is None else kept.entries(g, ids, _json), mapping=True),
        "classes": [{"name": k, "label": v[2], "color": v[0], "count": counts[k], "total": totals[k]}
                    for k, v in STYLE.items() if totals[k]],
        "drawn": {"nodes": len(shown), "of": sum(totals.values())},
        "tree": {ids[n]: list(xy) for n, xy in tree.items()},
        "options": _vis_options(big=len(shown) >= BIG),
        "budgetMs": BUDGET_MS,
        "labels": {"px": LABEL_PX, "first": FIRST_LABELS, "treeNode": TREE_NODE, "treeFont": TREE_FONT, "article": ARTICLE_FONT},
    }


@dataclass(frozen=True)
class _Relations:
    """The drawn edges but mentions, as (from, to, relation), read from `edges` each time they are read: never a list of their own."""

    edges: list[tuple[str, str, str, str]]

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        return ((u, v, rel) for u, v, rel, _ in self.edges if rel != MENTION)


def _weights(g: nx.MultiDiGraph, edges: list[tuple[str, str, str, str]], ids: dict[str, int]) -> Counter[str]:
    """A node's weight, which sizes it: its drawn edges and the articles it was read from (an article's: read in it)."""
    weight: Counter[str] = Counter()
    for u, v, rel, _ in edges:
        if rel != MENTION:
            weight[u] += 1
            weight[v] += 1
    for u in ids:  # the drawn nodes' own out-edges, as in view_edges
        for v, keyed in g._succ[u].items():
            if "derivedFrom" in keyed:
                weight[u] += 1
                weight[v] += 1
    return weight


def _vis_nodes(g: nx.MultiDiGraph, shown: list[str], ids: dict[str, int], kinds: dict[str, str], weight: Counter[str],
               seed: dict[str, tuple[int, int]]) -> Iterator[dict]:
    """pyvis's node records of the shown nodes, at their seed positions."""
    font_color = Network(directed=True, cdn_resources="in_line").font_color
    for n in shown:
        label = _label(g, n)
        # pyvis's add_node looks each id up in a list (quadratic on a big graph): its Node record, directly
        yield Node(ids[n], STYLE[kinds[n]][1], label=(_short(label) if kinds[n] in ("Article", "Event") else label) or ids[n],
                   font_color=font_color, group=kinds[n], size=min(40, round(8 + 4 * math.sqrt(weight[n]))),
                   title=f"{label} · {STYLE[kinds[n]][2]}", x=seed[n][0], y=seed[n][1]).options


def _vis_edges(edges: list[tuple[str, str, str, str]], ids: dict[str, int]) -> Iterator[dict]:
    """pyvis's edge records: the hierarchy heavier, mentions hidden until the reader asks for them."""
    for i, (u, v, rel, label) in enumerate(edges):
        # pyvis's add_edge looks each end up in a list (quadratic on a big graph): its Edge record, directly
        rec = Edge(ids[u], ids[v], id=i, label=label).options  # arrows: the page's option, off in the tree
        if rel in HIERARCHY:
            rec.update(width=2, color={"color": "#777"})
        elif rel == MENTION:  # hidden until asked for, and never pulling the layout
            rec.update(hidden=True, physics=False, mention=True, dashes=True, color={"color": "#c9c9c9"})
        yield rec


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


def to_html(g: nx.MultiDiGraph, title: str = "knowledge graph", most: int = VIEW_NODES) -> str:
    """The page: template with vis-network, our script and the graph's data filled in (at most `most` nodes drawn)."""
    return "".join(html_parts(g, title, most))


def html_parts(g: nx.MultiDiGraph, title: str = "knowledge graph", most: int = VIEW_NODES,
               kept: KeptDetails | None = None) -> Iterator[str]:
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
        "DATA": _safe_json_parts(view_rows(g, most, kept)),
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


__all__ = ["EDGE_LABELS", "STYLE", "VIEW_NODES", "best_connected", "evidence_sentence", "html_parts", "to_html", "view_data", "view_edges", "view_rows", "write_html"]


def write_html(g: nx.MultiDiGraph, path: str | Path, title: str = "knowledge graph", most: int = VIEW_NODES,
               cache: Path | None = None) -> None:
    """Write the page; with a `cache` folder, copying the details entries of the last build's that did not change."""
    atomic_write(path, html_parts(g, title, most, None if cache is None else KeptDetails(cache)))

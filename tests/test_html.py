"""The HTML view's data and page, without a browser: counts, details, layout, determinism, self-containment."""

from __future__ import annotations

import base64
import dataclasses
import datetime
import doctest
import hashlib
import json
import re
from html.parser import HTMLParser
from unittest import mock

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.compact import CompactGraph, GraphBuilder, table_of
from graph.export import details, layout, ranking
from graph.export import html as view
from graph.model import Article, Corpus, Entity, Event, Membership
from graph.network import build_graph

PAYLOAD = "<img src=x onerror=alert(1)>"
CLOSE = "</script><script>window.__pwned=1</script>"


def small_corpus(name: str = "秦岭路街道", org: str = "秦岭路街道便民服务中心") -> Corpus:
    """A district, a street office, a body, a person with a post there, an event, two articles."""
    body = f"3月20日，{name}召开推进会。{org}主任杨春晓出席。会议要求压实责任。"
    arts = (Article(id="a-01", source_file="a.txt", headline=f"{name}召开推进会", body=body, reporters=("赵娜",)),
            Article(id="a-02", source_file="a.txt", headline="二七区简讯", body=f"{name}办事处开展检查。"))
    ents = (
        Entity(key="District:中原区", type="District", name="中原区", articles=("a-01",), code="410102"),
        Entity(key="StreetOffice:中原区/x", type="StreetOffice", name=name, aliases=(f"{name}办事处",),
               articles=("a-01", "a-02"), parent="District:中原区", parent_source="gazetteer"),
        Entity(key="Organization:x", type="Organization", name=org, articles=("a-01",), parent="StreetOffice:中原区/x"),
        Entity(key="Person:中原区/杨春晓", type="Person", name="杨春晓", articles=("a-01",)),
        Entity(key="Person:press/赵娜", type="Person", name="赵娜", articles=("a-01",)),
    )
    ms = (Membership(person="Person:中原区/杨春晓", title="主任", org="Organization:x", article="a-01",
                     evidence=f"{org}主任杨春晓出席。"),)
    evs = (Event(key="Event:a-01/1", name="推进会", date="--03-20", time_of_day="上午", location="StreetOffice:中原区/x",
                 location_text=name, organizers=("StreetOffice:中原区/x",), attendees=("Person:中原区/杨春晓",),
                 article="a-01", evidence=f"3月20日，{name}召开推进会。"),)
    return Corpus(articles=arts, entities=ents, memberships=ms, events=evs,
                  mentions=(("a-01", "StreetOffice:中原区/x"), ("a-02", "StreetOffice:中原区/x")))


@pytest.fixture(scope="module")
def small():
    g = build_graph(small_corpus())
    return g, view.view_data(g)


def by_label(data: dict, label: str) -> tuple[int, dict]:
    return next((i, d) for i, d in data["info"].items() if d["label"] == label)


def section(entry: dict, name: str) -> list[list]:
    return next(items for title, items in entry.get("sections", []) if title == name)


def test_doctests_pass() -> None:
    for module in (view, details, layout):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


def drawn_in(g: nx.MultiDiGraph) -> tuple[set[str], set[tuple[str, str, str]]]:
    """What the view should draw, worked out here from the graph: nodes of the drawn classes, and
    (from, to, label) for each relation with a label, each post held in a body, and each mention."""
    kinds = nx.get_node_attributes(g, "kind")
    drawn = {n for n, k in kinds.items() if k in view.STYLE}
    edges = {(u, v, view.EDGE_LABELS[r]) for u, v, r in g.edges(keys=True) if r in view.EDGE_LABELS}
    edges |= {(u, v, "提及") for u, v, r in g.edges(keys=True) if r == "mentions" and u in drawn and v in drawn}
    for m in (n for n, k in kinds.items() if k == "Membership"):
        ends = {r: v for _, v, r in g.out_edges(m, keys=True)}
        if "organization" in ends:
            edges.add((ends["member"], ends["organization"], g.nodes[ends["role"]]["label"]))
    return drawn, edges


def test_every_drawn_class_node_and_relation_is_in_the_view(seed_build) -> None:
    g = seed_build[0].graph
    data = view.view_data(g)
    kinds = nx.get_node_attributes(g, "kind")
    drawn, expected_edges = drawn_in(g)
    assert len(data["nodes"]) == len(drawn)
    assert len(data["edges"]) == len(expected_edges)
    assert {c["name"]: c["count"] for c in data["classes"]} == {
        k: sum(1 for n in drawn if kinds[n] == k) for k in view.STYLE if any(kinds[n] == k for n in drawn)}
    assert sorted(n["id"] for n in data["nodes"]) == list(range(len(drawn)))
    assert sorted(e["id"] for e in data["edges"]) == list(range(len(expected_edges)))
    assert sorted(map(int, data["info"])) == list(range(len(drawn)))


def test_details_carry_class_aliases_posts_events_and_sources_with_evidence(small) -> None:
    _, data = small
    sid, street = by_label(data, "秦岭路街道")
    oid, org = by_label(data, "秦岭路街道便民服务中心")
    pid, person = by_label(data, "杨春晓")
    eid, event = by_label(data, "推进会")
    a1, _ = by_label(data, "秦岭路街道召开推进会")
    a2, _ = by_label(data, "二七区简讯")
    assert street["cls"] == "街道 Street office" and street["aliases"] == ["秦岭路街道办事处"]
    assert section(person, "职务 posts") == [["秦岭路街道便民服务中心 主任", oid, "秦岭路街道便民服务中心主任杨春晓出席。"]]
    assert section(org, "任职 officials") == [["杨春晓 主任", pid, "秦岭路街道便民服务中心主任杨春晓出席。"]]
    assert section(street, "事件 events") == [["推进会 (3月20日) · 主办", eid, ""], ["推进会 (3月20日) · 地点", eid, ""]]
    assert section(person, "事件 events") == [["推进会 (3月20日) · 参加", eid, ""]]
    # the sentence that names it, found by its name in one article and by its alias in the other
    assert section(street, "来源 sources") == [["二七区简讯 · a.txt", a2, "秦岭路街道办事处开展检查。"],
                                             ["秦岭路街道召开推进会 · a.txt", a1, "3月20日，秦岭路街道召开推进会。"]]
    assert section(event, "来源 sources") == [["秦岭路街道召开推进会 · a.txt", a1, "3月20日，秦岭路街道召开推进会。"]]
    assert ["位于 → 中原区", by_label(data, "中原区")[0], ""] in section(street, "关系 relations")
    assert ["属地 ← 秦岭路街道便民服务中心", oid, ""] in section(street, "关系 relations")
    assert section(event, "关系 relations") == [["主办 → 秦岭路街道", sid, ""], ["参加 → 杨春晓", pid, ""],
                                               ["地点 → 秦岭路街道", sid, ""]]
    assert ["日期 date", "3月20日"] in event["facts"] and ["时段 time", "上午"] in event["facts"]
    assert by_label(data, "中原区")[1]["facts"] == [["区划代码 code", "410102"]]


def test_a_post_is_drawn_as_a_person_to_body_edge_labelled_with_the_title(small) -> None:
    _, data = small
    pid, _ = by_label(data, "杨春晓")
    oid, _ = by_label(data, "秦岭路街道便民服务中心")
    assert [e["label"] for e in data["edges"] if (e["from"], e["to"]) == (pid, oid)] == ["主任"]
    assert all(e["label"] for e in data["edges"])


def test_node_size_grows_with_links_and_sources(small) -> None:
    _, data = small
    size = {data["info"][n["id"]]["label"]: n["size"] for n in data["nodes"]}
    assert size["秦岭路街道"] > size["中原区"] > size["二七区简讯"] >= 8
    assert max(size.values()) <= 40


@pytest.mark.parametrize("body,names,expected", [
    ("会议召开。二七区市场监管局开展检查。", ["市场监管局"], "二七区市场监管局开展检查。"),
    ("杨春晓出席；王芳主持", ["王芳", "杨春晓"], "杨春晓出席；"),          # the first sentence that names any of them
    ("秦岭路街道办事处开展检查", ["秦岭路街道", "秦岭路街道办事处"], "秦岭路街道办事处开展检查"),
    ("无关。", ["中原区"], ""),
    ("", ["中原区"], ""),
    ("甲" * 200 + "中原区" + "乙" * 200 + "。", ["中原区"], "…" + "甲" * 40 + "中原区" + "乙" * 77 + "…"),
])
def test_evidence_sentence(body: str, names: list[str], expected: str) -> None:
    assert view.evidence_sentence(body, names) == expected


def ranked_city() -> nx.MultiDiGraph:
    """A city worked out by hand for the view's cap. Drawn links (a node's rank, with the articles it was read from):
    a community 1 + hosted an event twice + read from two articles = 5; the event 3 + 1 = 4; a reporter of three
    articles 3; a resident who attended the event, holds a post at the street office (reported twice: one link)
    and was read from an article = 3 (an article's mention of them does not count); the street office 2 + the post
    = 3; the district 2; the city 1, each article 1 (its credit: the entities read from it do not count). The
    community hangs from the street office, the district, the city."""
    g = nx.MultiDiGraph()
    for n, kind in (("C", "City"), ("D", "District"), ("S", "StreetOffice"), ("K", "Community"), ("P1", "Person"),
                    ("P2", "Person"), ("E", "Event"), ("A1", "Article"), ("A2", "Article"), ("A3", "Article"),
                    ("M1", "Membership"), ("M2", "Membership"), ("R", "Role")):
        g.add_node(n, kind=kind, label=f"{kind}-{n}")
    g.nodes["R"]["label"] = "主任"
    for a in ("A1", "A2", "A3"):
        g.nodes[a].update(headline=f"报道{a}", body=f"Community-K举行活动{a}。", date="2024-03-20")
        g.add_edge(a, "P1", key="author")
    for m, a in (("M1", "A1"), ("M2", "A2")):  # one post, reported in two articles
        g.add_edges_from([(m, "P2", "member"), (m, "S", "organization"), (m, "R", "role"), (m, a, "derivedFrom")])
    g.add_edges_from([("D", "C", "containedInPlace"), ("S", "D", "containedInPlace"), ("K", "S", "containedInPlace"),
                      ("E", "K", "organizer"), ("E", "K", "location"), ("E", "P2", "attendee"), ("K", "A1", "derivedFrom"),
                      ("K", "A2", "derivedFrom"), ("E", "A1", "derivedFrom"), ("P2", "A1", "derivedFrom"),
                      ("A2", "P2", "mentions")])
    return g


@pytest.mark.parametrize("most,drawn", [
    (1, {"E"}),
    (3, {"E", "P1", "P2"}),  # the community would bring three units above it: it does not fit, smaller nodes do
    (4, {"K", "S", "D", "C"}),  # the best connected, with the units above it
    (5, {"K", "S", "D", "C", "E"}),  # the event before any article (an article ranks by its credits alone)
    (6, {"K", "S", "D", "C", "E", "P1"}),  # the reporter before the resident: a post is one link, a mention none
    (10, {"C", "D", "S", "K", "P1", "P2", "E", "A1", "A2", "A3"}),
])
def test_past_the_most_a_page_draws_it_draws_the_best_connected_with_the_units_above_them(most: int, drawn: set) -> None:
    g = ranked_city()
    assert view.best_connected(g, list(g), most) == sorted(drawn)
    data = view.view_data(g, most)
    assert sorted(d["label"].split("-")[1] for d in data["info"].values()) == sorted(drawn)
    assert data["drawn"] == {"nodes": len(drawn), "of": 10}
    totals = {"City": 1, "District": 1, "StreetOffice": 1, "Community": 1, "Person": 2, "Event": 1, "Article": 3}
    assert {c["name"]: c["total"] for c in data["classes"]} == totals
    assert {c["name"]: c["count"] for c in data["classes"]} == {k: sum(1 for n in drawn if g.nodes[n]["kind"] == k) for k in totals}


def _built(g: nx.MultiDiGraph) -> CompactGraph:
    """`g` as a build holds it (graph.compact), whose links the view counts over its arrays."""
    b = GraphBuilder()
    for n, d in g.nodes(data=True):
        b.node(n, **d)
    for u, v, k, d in g.edges(keys=True, data=True):
        b.add(u, v, k, **d)
    return b.freeze()


@pytest.mark.parametrize("most", [1, 3, 4, 5, 6, 10])
def test_a_built_graph_s_links_counted_over_its_arrays_rank_its_nodes_as_its_edges_do(most: int) -> None:
    g = ranked_city()
    assert view.best_connected(_built(g), list(g), most) == view.best_connected(g, list(g), most)


def test_the_seed_graph_s_links_counted_over_its_arrays_are_those_its_edges_give(seed_build) -> None:
    g = seed_build[0].graph
    assert isinstance(g, CompactGraph)
    can = set(drawn_in(g)[0])
    table = table_of(g)
    mask = np.isin(np.arange(len(table.ids)), [table.index[n] for n in can])
    (counts, above), (walked, walked_above) = ranking._table_links(table, mask), ranking._links(nx.MultiDiGraph(g), can)
    rank = {table.ids[i]: int(counts[i]) for i in np.flatnonzero(counts)}
    assert rank == walked and len(rank) > 100
    assert {n: sorted(v) for n, v in above.items()} == {n: sorted(v) for n, v in walked_above.items()} != {}


_RELS = sorted({*view.EDGE_LABELS, *layout.HIERARCHY, "derivedFrom", view.MENTION, "organizer"})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from(_RELS)), max_size=30),
       st.sets(st.integers(0, 5)))
def test_links_counted_over_a_built_graph_s_arrays_are_those_its_edges_give_however_many_relations_a_pair_has(
    edges: list[tuple[int, int, str]], can: set[int]
) -> None:
    g = nx.MultiDiGraph()
    g.add_nodes_from((f"n{i}", {"kind": "Person"}) for i in range(6))
    g.add_edges_from((f"n{u}", f"n{v}", rel) for u, v, rel in edges)
    table = table_of(_built(g))
    mask = np.array([int(n[1:]) in can for n in table.ids], dtype=bool)
    counts, above = ranking._table_links(table, mask)
    walked, walked_above = ranking._links(g, {f"n{i}" for i in can})
    assert {table.ids[i]: int(counts[i]) for i in np.flatnonzero(counts)} == +walked
    assert {n: sorted(v) for n, v in above.items()} == {n: sorted(v) for n, v in walked_above.items()}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Person", "Community", "StreetOffice", "District", "Organization", "Article", "Event",
                                 "Membership", "Role"]), min_size=1, max_size=9),
       st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8),
                          st.sampled_from([*_RELS, "member", "organization", "role"])), max_size=30),
       st.integers(1, 9))
def test_a_built_graph_draws_the_nodes_its_edges_rank_whatever_its_posts_and_ties(
    kinds: list[str], edges: list[tuple[int, int, str]], most: int
) -> None:
    g = nx.MultiDiGraph()
    g.add_nodes_from((f"n{i}", {"kind": kind, "label": f"L{i % 3}"}) for i, kind in enumerate(kinds))
    g.add_edges_from((f"n{u}", f"n{v}", rel) for u, v, rel in edges if u < len(kinds) and v < len(kinds))
    drawable = [n for n, kind in g.nodes(data="kind") if kind in view.STYLE]
    assert view.best_connected(_built(g), drawable, most) == view.best_connected(g, drawable, most)


def test_a_drawn_node_s_details_still_name_what_the_page_left_out_as_text() -> None:
    data = view.view_data(ranked_city(), 5)
    k = next(d for d in data["info"].values() if d["label"] == "Community-K")
    e_id, e = next((i, d) for i, d in data["info"].items() if d["label"] == "Event-E")
    s = next(d for d in data["info"].values() if d["label"] == "StreetOffice-S")
    assert section(k, "来源 sources") == [["报道A1 · 2024年3月20日", None, "Community-K举行活动A1。", 1],  # left out: marked
                                         ["报道A2 · 2024年3月20日", None, "Community-K举行活动A2。", 1]]
    assert section(k, "事件 events") == [["Event-E (日期不详) · 主办", e_id, ""], ["Event-E (日期不详) · 地点", e_id, ""]]
    assert ["参加 → Person-P2", None, "", 1] in section(e, "关系 relations")
    assert section(s, "任职 officials") == [["Person-P2 主任", None, "", 1]]
    assert {(edge["from"], edge["to"]) for edge in data["edges"]} <= {(a, b) for a in data["info"] for b in data["info"]}
    reporter = next(d for d in view.view_data(ranked_city(), 3)["info"].values() if d["label"] == "Person-P1")
    assert section(reporter, "关系 relations") == [[f"记者 ← Article-{a}", None, "", 1] for a in ("A1", "A2", "A3")]


def test_two_nodes_left_out_under_one_name_stay_two_items() -> None:
    g = ranked_city()
    g.add_node("P3", kind="Person", label="Person-P2")  # a namesake of the resident, at the same event
    g.add_edge("E", "P3", key="attendee")
    e = next(d for d in view.view_data(g, 1)["info"].values() if d["label"] == "Event-E")
    assert section(e, "关系 relations").count(["参加 → Person-P2", None, "", 1]) == 2


def test_the_ranking_ends_on_a_cycle_of_parents_and_a_page_draws_at_least_one_node() -> None:
    g = nx.MultiDiGraph()
    for n in "ABC":
        g.add_node(n, kind="Community", label=n)
    g.add_node("P", kind="Person", label="P")
    g.add_edges_from([("A", "B", "containedInPlace"), ("B", "C", "containedInPlace"), ("C", "A", "containedInPlace")])
    assert view.best_connected(g, list(g), 2) == ["P"]  # the cycle is one group of three
    assert view.best_connected(g, list(g), 3) == ["A", "B", "C"]
    with pytest.raises(ValueError, match="at least one node"):
        view.view_data(g, 0)


def test_a_graph_the_page_can_draw_whole_is_drawn_whole(seed_build) -> None:
    g = seed_build[0].graph
    data = view.view_data(g)
    assert data["drawn"]["nodes"] == data["drawn"]["of"] == len(drawn_in(g)[0]) < view.VIEW_NODES
    assert all(c["count"] == c["total"] for c in data["classes"])
    assert view.view_data(g, data["drawn"]["of"]) == data


def test_a_capped_seed_view_keeps_its_hierarchy_whole_and_links_only_what_it_draws(seed_build) -> None:
    g = seed_build[0].graph
    kinds = nx.get_node_attributes(g, "kind")
    drawable = [n for n in g if kinds[n] in view.STYLE]
    most = len(drawable) // 3
    shown = view.best_connected(g, drawable, most)
    assert len(shown) == most and shown == view.best_connected(g, list(reversed(drawable)), most)
    keep = set(shown)
    assert all(v in keep for u, v, r in g.edges(keys=True) if r in layout.HIERARCHY and u in keep and v in drawable)
    data = view.view_data(g, most)
    assert len(data["nodes"]) == most and data["drawn"] == {"nodes": most, "of": len(drawable)}
    links = [item[1] for entry in data["info"].values() for _, items in entry.get("sections", []) for item in items]
    assert None in links and all(i is None or i in data["info"] for i in links)


def test_the_same_graph_gives_the_same_bytes_whatever_its_insertion_order(small) -> None:
    g, _ = small
    shuffled = nx.MultiDiGraph(**g.graph)
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    first = view.to_html(g)
    assert first == view.to_html(g) == view.to_html(shuffled)
    assert first.endswith("</html>\n")
    ours = first.replace(view._vis()[0].replace("</script", "<\\/script"), "")  # vis.js carries its own build date
    assert len(ours) < len(first) // 2
    assert not re.search(r"20\d\d-\d\d-\d\dT|/tmp/|/work/|/root/", ours)  # no timestamp, no path of this machine


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data) -> None:
        if self._script is not None:
            self.scripts[-1] = (self._script, self.scripts[-1][1] + data)

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._script = None


def test_the_page_is_self_contained_and_runs_only_its_own_scripts(seed_build) -> None:
    text = (seed_build[1] / "graph.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    assert [t for t, _ in page.tags if t in ("link", "img", "iframe", "object", "embed", "base", "form")] == []
    sources = [(t, k, v) for t, a in page.tags for k, v in a.items() if k in ("src", "href", "srcset", "data", "action", "poster")]
    assert sources == []
    css = "".join(re.findall(r"<style>(.*?)</style>", text, re.S))
    assert "@import" not in css
    assert {u.strip("'\" ")[:5] for u in re.findall(r"url\(([^)]*)\)", css)} == {"data:"}
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    run = [s for a, s in page.scripts if a.get("type") != "application/json"]
    hashes = sorted("'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in run)
    assert len(run) == 2 and sorted(csp.split("script-src ")[1].split(";")[0].split()) == hashes


def test_untrusted_text_stays_data(tmp_path) -> None:
    corpus = small_corpus(name=f"{PAYLOAD}街道", org=f"{CLOSE}协会")
    g = build_graph(corpus)
    text = view.to_html(g, title=f"{CLOSE}{PAYLOAD}")
    page = _Page()
    page.feed(text)
    ours = text.replace(view._vis()[0].replace("</script", "<\\/script"), "")
    assert [t for t, _ in page.tags].count("script") == ours.count("<script") == 3  # no element opened by the data
    assert "img" not in [t for t, _ in page.tags] and PAYLOAD not in text and CLOSE not in text
    data = json.loads(next(s for a, s in page.scripts if a.get("id") == "graph-data"))
    labels = {d["label"] for d in data["info"].values()}
    assert {f"{PAYLOAD}街道", f"{CLOSE}协会"} <= labels  # the strings survive, as data
    assert "<title>newskg · &lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x" in text


def test_tree_layout_is_the_admin_hierarchy_left_to_right_filling_a_landscape_canvas(seed_build) -> None:
    g = seed_build[0].graph
    data = view.view_data(g)
    kinds = {int(i): d["cls"] for i, d in data["info"].items()}
    tree = {int(k): tuple(v) for k, v in data["tree"].items()}
    admin = {i for i, c in kinds.items() if c in {view.STYLE[k][2] for k in layout.KIND_ORDER[:6]}}
    assert admin == set(tree)  # the administrative units, and nothing else
    parents = [(e["from"], e["to"]) for e in data["edges"] if e["label"] == "位于" and e["from"] in tree and e["to"] in tree]
    assert len(parents) >= 40
    for child, parent in parents:  # one level right of its parent; a root's children head the columns
        dx = tree[child][0] - tree[parent][0]
        assert dx == layout.TREE_DX or (tree[parent][0] == 0 and dx > layout.TREE_DX)
    assert len(set(tree.values())) == len(tree)  # no two units on one spot
    xs, ys = [x for x, _ in tree.values()], [y for _, y in tree.values()]
    width, height = max(xs) - min(xs) + layout.TREE_DX, max(ys) - min(ys) + layout.TREE_DY
    assert 0.8 * layout.TREE_ASPECT <= width / height <= 1.25 * layout.TREE_ASPECT  # not a thin column: it fills a window
    assert height <= 25 * layout.TREE_DY  # so that labels are legible when it is fitted


def test_a_tall_tree_flows_into_columns_beside_its_root() -> None:
    nodes = {"c": ("City", "市")} | {f"d{i}": ("District", f"区{i}") for i in range(8)}
    nodes |= {f"s{i}": ("StreetOffice", f"街道{i:02d}") for i in range(80)}
    edges = [(f"d{i}", "c", "containedInPlace") for i in range(8)] + [(f"s{i}", f"d{i // 10}", "containedInPlace") for i in range(80)]
    pos = layout.tree_positions(nodes, edges)
    assert pos["c"][0] == 0 and sorted({pos[f"d{i}"][0] for i in range(8)})[0] == layout.TREE_DX
    columns = {pos[f"d{i}"][0] for i in range(8)}
    assert len(columns) >= 2  # the districts' subtrees side by side, not one 80-row column
    for i in range(80):
        assert pos[f"s{i}"][0] == pos[f"d{i // 10}"][0] + layout.TREE_DX
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    assert (max(xs) + layout.TREE_DX) / (max(ys) + layout.TREE_DY) > 0.7
    assert layout.tree_positions(dict(reversed(nodes.items())), list(reversed(edges))) == pos


def test_mentions_are_in_the_view_hidden_and_out_of_the_layout(seed_build) -> None:
    g = seed_build[0].graph
    data = view.view_data(g)
    mentions = [e for e in data["edges"] if e.get("mention")]
    shown = {n for n, d in g.nodes(data=True) if d["kind"] in view.STYLE}
    assert len(mentions) == sum(1 for u, v, r in g.edges(keys=True) if r == "mentions" and u in shown and v in shown) > 50
    assert all(e["hidden"] and e["physics"] is False and e["label"] == "提及" for e in mentions)
    assert not any(e.get("hidden") for e in data["edges"] if not e.get("mention"))
    without = nx.MultiDiGraph(g)
    without.remove_edges_from([(u, v, r) for u, v, r in g.edges(keys=True) if r == "mentions"])
    other = view.view_data(without)
    assert [(n["size"], n["x"], n["y"]) for n in other["nodes"]] == [(n["size"], n["x"], n["y"]) for n in data["nodes"]]


def test_labels_are_drawn_by_rendered_size_in_a_cjk_font(small) -> None:
    g, data = small
    scaling = data["options"]["nodes"]["scaling"]["label"]
    assert scaling["drawThreshold"] == data["labels"]["px"] >= 10 and scaling["maxVisible"] > scaling["drawThreshold"]
    face = data["options"]["nodes"]["font"]["face"]
    for font in ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC"):  # Linux, Windows, macOS
        assert font in face
    assert f"font-family: {view.FONT_STACK};" in view.to_html(g)


def test_seed_layout_places_every_node_apart_and_near_its_anchor() -> None:
    nodes = {f"s{i}": ("StreetOffice", f"街道{i}") for i in range(30)}
    nodes |= {f"c{i}": ("Community", f"社区{i}") for i in range(300)}
    nodes |= {"d": ("District", "区"), "lone": ("Organization", "孤立机构")}
    edges = [(f"s{i}", "d", "containedInPlace") for i in range(30)] + [(f"c{i}", f"s{i % 30}", "containedInPlace") for i in range(300)]
    anchors = layout.anchors(nodes, edges)
    assert anchors["c7"] == "s7" and anchors["s7"] == "d" and "d" not in anchors and "lone" not in anchors
    pos = layout.seed_positions(nodes, edges)
    assert set(pos) == set(nodes) and len(set(pos.values())) == len(nodes)
    dist = [((pos[c][0] - pos[p][0]) ** 2 + (pos[c][1] - pos[p][1]) ** 2) ** 0.5 for c, p in anchors.items() if c.startswith("c")]
    assert max(dist) < 4 * layout.SPACING
    assert pos == layout.seed_positions(dict(reversed(nodes.items())), list(reversed(edges)))


def test_the_layouts_read_their_edges_as_a_list_or_once_as_they_come() -> None:
    nodes = {"d": ("District", "中原区"), "s": ("StreetOffice", "秦岭路街道"), "p": ("Person", "王晓"), "o": ("Organization", "区民政局")}
    edges = [("s", "d", "containedInPlace"), ("p", "s", "post"), ("o", "d", "jurisdiction"), ("p", "o", "attendee")]
    assert layout.anchors(nodes, edges)["p"] == "s"  # reached by the walk over every edge, not the hierarchy
    assert layout.anchors(nodes, iter(edges)) == layout.anchors(nodes, edges)
    assert layout.seed_positions(nodes, iter(edges)) == layout.seed_positions(nodes, edges)
    assert layout.tree_positions(nodes, iter(edges)) == layout.tree_positions(nodes, edges)


def test_anchors_survive_a_cycle_of_parents() -> None:
    nodes = {"a": ("Organization", "甲"), "b": ("Organization", "乙"), "c": ("Organization", "丙")}
    edges = [("a", "b", "parentOrganization"), ("b", "c", "parentOrganization"), ("c", "a", "parentOrganization")]
    anchors = layout.anchors(nodes, edges)
    assert len(anchors) == 2  # a forest: one of the three is a root
    assert set(layout.seed_positions(nodes, edges)) == set(nodes)
    assert layout.tree_positions(nodes, edges) == {}  # bodies are not in the administrative tree
    units = {"a": ("District", "甲区"), "b": ("StreetOffice", "乙街道"), "c": ("Community", "丙社区")}
    cycle = [("a", "b", "containedInPlace"), ("b", "c", "containedInPlace"), ("c", "a", "containedInPlace")]
    assert set(layout.tree_positions(units, cycle)) == set(units)


_TEXT = st.text(st.characters(blacklist_categories=()), max_size=12)  # any code point: controls, U+2028, lone surrogates
_PLAIN_FLOATS = st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: "e" not in repr(f))
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**80), max_value=2**80) | _PLAIN_FLOATS | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4)
    | st.dictionaries(st.integers(-5, 2**40), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_the_view_s_json_is_the_standard_library_s_text(value) -> None:
    """orjson where it can, the standard library where it cannot: the text json.dumps writes, whatever the value."""
    assert view._json(value) == json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(-(2**70), 2**70) | st.booleans() | _TEXT, _VALUES), max_size=6), st.booleans())
def test_a_map_s_chunk_written_entry_by_entry_is_its_json_without_braces(items, in_order) -> None:
    """Entry by entry only for whole-number keys in increasing order: any other chunk (flags, mixed keys, out of order,
    repeated) is the map's JSON as the standard library writes it."""
    if in_order:
        items = sorted(dict(items).items(), key=lambda kv: (type(kv[0]).__name__, kv[0]))
    try:
        expected = json.dumps(dict(items), ensure_ascii=False, sort_keys=True, separators=(",", ":"))[1:-1]
    except TypeError:  # keys of two types: json cannot sort them, and neither can the chunk be written
        with pytest.raises(TypeError):
            view._entries(items)
        return
    assert view._entries(items) == expected


def test_the_view_s_json_refuses_what_the_standard_library_refuses() -> None:
    @dataclasses.dataclass
    class Record:
        x: int

    for value in (Record(1), datetime.date(2024, 1, 2), {"when": datetime.datetime(2024, 1, 2, 3, 4)}):
        with pytest.raises(TypeError):
            view._json(value)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 3 * details.MAX_ITEMS).flatmap(lambda n: st.lists(st.tuples(
    st.sampled_from(["简讯", "社区开展活动", "要闻"]), st.sampled_from(["2024-03-20", "2024-03-21", None]), st.booleans(),
    st.integers(0, 3)), min_size=n, max_size=n)))
def test_a_node_read_from_many_articles_lists_the_same_sources_while_finding_few_sentences(articles) -> None:
    # the sentences are found only for the items that can be shown: the list is the one every sentence found gives
    g = nx.MultiDiGraph()
    g.add_node("C", kind="Community", label="幸福社区", aliases=["幸福社区居委会"])
    ids = {"C": 0}
    sentences = ["幸福社区开展义诊。", "幸福社区居委会组织清扫。", "其他社区。幸福社区召开会议。", "无关。"]
    for i, (headline, date, drawn, said) in enumerate(articles):
        a = f"A{i:03}"
        g.add_node(a, kind="Article", headline=headline, date=date, source_file=f"{i % 2}.txt", body=sentences[said])
        g.add_edge("C", a, key="derivedFrom")
        if drawn:
            ids[a] = len(ids)
    original = details.evidence_sentence
    every = [(details._source_text(g.nodes[a], a), ids.get(a), original(g.nodes[a]["body"], ["幸福社区", "幸福社区居委会"]), a)
             for a in g.successors("C")]
    with mock.patch.object(details, "evidence_sentence", wraps=original) as counted:
        entry = dict(details.details(g, ids))[0]
    assert dict(entry["sections"])["来源 sources"] == details._items(every)
    # no sentence is read for an article past the MAX_ITEMS-th in (text, id) order and not tied with it
    keys = sorted((t[0], -1 if t[1] is None else t[1]) for t in every)
    assert counted.call_count <= sum(k <= keys[min(len(keys), details.MAX_ITEMS) - 1] for k in keys)

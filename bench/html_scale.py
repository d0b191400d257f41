"""Benchmark: a synthetic city-sized graph -> graph.html -> seconds until the view is usable in headless Chromium.

    .venv/bin/python bench/html_scale.py                 # 5,000 nodes, 3 loads
    .venv/bin/python bench/html_scale.py --nodes 10000 --runs 5 --keep /tmp/big.html

`synthetic_graph` makes a networkx graph in the schema graph/network.py
builds (admin units under a city, bodies under units, people holding
posts, events with organizers, attendees and a place, articles with
credits, bodies and `derivedFrom` edges), as a pure function of its
arguments. The page is written once, then loaded `--runs` times, each in a
fresh browser, and for each load the script prints the time from
navigation until the page reports `window.newskg.stable` (physics stopped),
then the time a search takes to select a node. Timing is measured here,
never asserted in tests. Needs Debian's `chromium` and the `playwright`
package (the test extra); no browser is downloaded.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SYL = "中原金水二七管城惠济上街新郑登封荥阳巩义新密航海嵩山桐柏秦岭建设绿城文化花园农业经开高新龙湖东风南阳丰产福华林山"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华春晓青礼凌义鹏宏"
BUREAUS = ["市场监管局", "教育局", "卫健委", "民政局", "城管局", "财政局", "应急管理局", "文化馆", "总工会", "团委",
           "妇联", "人社局", "司法所", "派出所", "消防救援站", "卫生服务中心", "便民服务中心", "综合执法大队"]
TITLES = ["主任", "书记", "局长", "副局长", "区长", "副区长", "所长", "站长", "队长", "副主任"]
EVENTS = ["工作推进会", "安全检查", "志愿服务活动", "文艺汇演", "义诊活动", "座谈会", "培训会", "消防演练", "观摩会"]


def _name(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYL) for _ in range(n))


def synthetic_graph(n_nodes: int = 5000, seed: int = 0) -> nx.MultiDiGraph:
    """A graph of about `n_nodes` drawn nodes, shaped like a city's news (deterministic).

    Per 5,000: 1 city, 12 districts, 168 street offices, 36 towns, 840
    communities, 216 villages, 900 bodies, 1,300 people (1,000 holding a
    post, 60 reporters), 600 events, 927 articles. Most links stay within a
    district, as a district's news does; one in ten crosses the city.
    """
    rng = random.Random(seed)
    k = n_nodes / 5000
    g = nx.MultiDiGraph(base="https://w3id.org/newskg/id/")
    used: set[str] = set()

    def add(kind: str, label: str, **attrs) -> str:
        key = f"{kind}:{label}"
        while key in used:
            key += "'"
        used.add(key)
        g.add_node(key, kind=kind, iri=f"urn:x:{len(used)}", label=label, aliases=(), articles=(), **attrs)
        return key

    def local(pools: list[list[str]], d: int) -> str:
        return rng.choice(pools[rng.randrange(len(pools))] if rng.random() < 0.1 else pools[d])

    n_districts = max(1, round(12 * k))
    city = add("City", "郑州市")
    districts = [add("District", _name(rng, 2) + "区") for _ in range(n_districts)]
    places: list[list[str]] = [[d] for d in districts]
    for i, d in enumerate(districts):
        g.add_edge(d, city, key="containedInPlace")
        for kind, suffix, count, leaf, leaf_suffix, leaves in (("StreetOffice", "街道", 14, "Community", "社区", 5),
                                                                ("Town", "镇", 3, "Village", "村", 6)):
            for _ in range(count):
                unit = add(kind, _name(rng, 3) + suffix)
                g.add_edge(unit, d, key="containedInPlace")
                places[i].append(unit)
                for _ in range(leaves):
                    g.add_edge(add(leaf, _name(rng, 2) + leaf_suffix), unit, key="containedInPlace")
    articles: list[list[str]] = [[] for _ in districts]
    for i in range(round(927 * k)):
        aid = f"{i // 8:04d}-{i % 8 + 1:02d}"
        g.add_node(f"Article:{aid}", kind="Article", iri=f"urn:a:{aid}", label="", headline="", body="",
                   source_file=f"{aid[:4]}.txt", sources=(f"{aid[:4]}.txt",), section=None,
                   date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
        articles[i % n_districts].append(f"Article:{aid}")
    orgs: list[list[str]] = [[] for _ in districts]
    for j in range(round(900 * k)):
        d = j % n_districts
        parent = rng.choice(places[d][:15])
        o = add("Organization", g.nodes[parent]["label"] + rng.choice(BUREAUS))
        if rng.random() < 0.7:
            g.add_edge(o, parent, key="jurisdiction")
        elif orgs[d] and rng.random() < 0.5:
            g.add_edge(o, rng.choice(orgs[d]), key="parentOrganization")
        orgs[d].append(o)
    people: list[list[str]] = [[] for _ in districts]
    reporters = [add("Person", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)) for _ in range(60)]
    for j in range(round(1240 * k)):
        d = j % n_districts
        p = add("Person", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN))
        people[d].append(p)
        if j < 1000 * k:
            org, title, art = rng.choice(orgs[d]), rng.choice(TITLES), rng.choice(articles[d])
            m = f"Membership:{p}|{title}|{org}|{art}"
            if f"Role:{title}" not in g:
                g.add_node(f"Role:{title}", kind="Role", iri=f"urn:r:{title}", label=title)
            sentence = f"{g.nodes[org]['label']}{title}{g.nodes[p]['label']}出席会议并讲话。"
            g.add_node(m, kind="Membership", iri=f"urn:m:{m}", label=title, evidence=sentence)
            for rel, v in (("member", p), ("role", f"Role:{title}"), ("organization", org), ("derivedFrom", art)):
                g.add_edge(m, v, key=rel)
    for j in range(round(600 * k)):
        d = j % n_districts
        where = local(places, d)
        e = add("Event", g.nodes[where]["label"] + rng.choice(EVENTS), date="2024-03-20", time_of_day=None,
                location_text=g.nodes[where]["label"], evidence="")
        g.add_edge(e, where, key="location")
        for _ in range(rng.randint(1, 2)):
            g.add_edge(e, local(orgs, d), key="organizer")
        for _ in range(rng.randint(0, 3)):
            g.add_edge(e, local(people, d), key="attendee")
    sentences: dict[str, list[str]] = {a: [] for pool in articles for a in pool}
    for n, dd in list(g.nodes(data=True)):
        if dd["kind"] in ("Article", "Role", "Membership"):
            continue
        d = sum(map(ord, n)) % n_districts  # a stable district of its own for every node
        for _ in range(rng.randint(1, 3)):
            a = local(articles, d)
            g.add_edge(n, a, key="derivedFrom")
            g.add_edge(a, n, key="mentions")
            sentences[a].append(f"{rng.choice(SYL)}{rng.choice(SYL)}，{dd['label']}{rng.choice(EVENTS)}顺利开展，群众反响良好。")
    for i, a in enumerate(sorted(sentences)):
        body = "".join(sentences[a]) or "本报讯。"
        g.nodes[a].update(label=body[:18], headline=body[:18], body=body)
        g.add_edge(a, reporters[i % len(reporters)], key="author")
        if i % 2:
            g.add_edge(a, rng.choice(reporters), key="contributor")
    return g


def measure(page_url: str, probe: str, timeout_s: float) -> dict:
    """One load in a fresh browser: ms to stable (page clock and wall clock), then ms for a search to select."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t = time.perf_counter()
            page.goto(page_url)
            page.wait_for_function("() => window.newskg && window.newskg.stable", timeout=timeout_s * 1000, polling=50)
            wall = (time.perf_counter() - t) * 1000
            page_ms, start_ms, iterations = page.evaluate("[newskg.stableMs, newskg.startMs, newskg.iterations]")
            t = time.perf_counter()
            page.fill("#search", probe)
            page.wait_for_function("() => window.newskg.selected !== null", polling=10)
            search = (time.perf_counter() - t) * 1000
        finally:
            browser.close()
    return {"stable_page_ms": page_ms, "stable_wall_ms": round(wall), "search_ms": round(search), "script_ms": start_ms,
            "iterations": iterations}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nodes", type=int, default=5000, help="about this many drawable nodes (default 5000; the page draws at most graph.export.html.VIEW_NODES)")
    ap.add_argument("--runs", type=int, default=3, help="page loads, each in a fresh browser (default 3)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for a load (default 60)")
    ap.add_argument("--keep", type=Path, help="write the page here instead of a temporary file")
    a = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install chromium", file=sys.stderr)
        return 2
    from graph.export.html import to_html, view_data

    g = synthetic_graph(a.nodes, a.seed)
    t = time.perf_counter()
    html = to_html(g, "synthetic city")
    export_s = time.perf_counter() - t
    data = view_data(g)
    probe = data["info"][len(data["nodes"]) // 2]["label"]
    path = a.keep or Path(tempfile.mkdtemp(prefix="newskg-bench-")) / "graph.html"
    path.write_text(html, encoding="utf-8")
    print(f"graph: {len(data['nodes'])} nodes, {len(data['edges'])} edges drawn; page {len(html.encode()) / 1e6:.1f} MB, "
          f"written in {export_s:.1f} s ({path})")
    rows = []
    for i in range(a.runs):
        r = measure(path.resolve().as_uri(), probe, a.timeout)
        rows.append(r)
        print(f"run {i + 1}: stable after {r['stable_wall_ms'] / 1000:.2f} s (wall, from navigation; page clock "
              f"{r['stable_page_ms'] / 1000:.2f} s, script started at {r['script_ms'] / 1000:.2f} s, "
              f"{r['iterations']} physics iterations); search '{probe}' selected in {r['search_ms']} ms")
    walls = [r["stable_wall_ms"] / 1000 for r in rows]
    print(f"time to stable (wall): median {statistics.median(walls):.2f} s, min {min(walls):.2f} s, max {max(walls):.2f} s "
          f"over {len(rows)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())

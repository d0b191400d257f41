"""The HTML view in real headless Chromium (Debian's package, driven by Playwright; no browser download).

Skipped, with the reason, when /usr/bin/chromium or the playwright package is missing.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import networkx as nx
import pytest

from graph.export.html import write_html
from graph.model import Article, Entity
from graph.network import build_graph
from tests.conftest import ROOT
from tests.test_html import CLOSE, PAYLOAD, drawn_in, ranked_city, small_corpus

SCREENSHOT = ROOT / "docs" / "view.png"  # the README's picture: the seeds' view at its default zoom
# vis-network's own test of whether it draws a node's label (Label.visible: rendered font >= drawThreshold - 1)
LABELLED = "newskg.nodes.get({filter: n => !n.hidden}).filter(n => newskg.network.body.nodes[n.id].labelModule.visible()).map(n => n.id)"

CHROMIUM = os.environ.get("NEWSKG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PWN = "<img src=x onerror=window.__pwned=1>"  # sets a flag where alert() would only open a dialog

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (pip install '.[test]')")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class View:
    """One page of the view, with what it asked for from the network, its dialogs and its errors."""

    def __init__(self, browser, path: Path, bypass_csp: bool = False) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("() => window.newskg && window.newskg.stable", timeout=20_000, polling=50)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def search(self, text: str) -> int:
        self.page.locator("#search").fill("")
        self.page.locator("#search").press_sequentially(text)
        return self.js("window.newskg.selected")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_view(browser):
    views: list[View] = []

    def open_(path: Path, **kw) -> View:
        views.append(View(browser, path, **kw))
        return views[-1]

    yield open_
    for v in views:
        v.close()


def test_the_seed_view_shows_the_graph_and_finds_a_name(seed_build, open_view, tmp_path) -> None:
    result, out = seed_build
    g = result.graph
    page = out / "graph.html"
    view = open_view(page)
    kinds = nx.get_node_attributes(g, "kind")
    nodes, edges = drawn_in(g)
    drawn = sorted(nodes)
    counts = view.js("[newskg.data.nodes.length, newskg.nodes.length, newskg.data.edges.length, newskg.edges.length]")
    assert counts == [len(nodes), len(nodes), len(edges), len(edges)]
    by_class = view.js("Object.fromEntries(newskg.data.classes.map(c => [c.name, c.count]))")
    assert {k: v for k, v in by_class.items() if k in result.summary()["entities"]} == {
        k: v for k, v in result.summary()["entities"].items() if v}
    # type a street office's name: it is selected, its details shown, its neighbours highlighted
    name = min(g.nodes[n]["label"] for n in drawn if kinds[n] == "StreetOffice")
    selected = view.search(name)
    assert view.js(f"newskg.data.info[{selected}].label") == name
    assert view.js("newskg.network.getSelectedNodes()") == [selected]
    assert view.page.locator("#details h2").inner_text() == name
    assert view.page.locator("#details").inner_text().count("「") >= 1  # a source with its evidence sentence
    ends = view.js("newskg.data.edges.filter(e => !e.mention).map(e => [e.from, e.to])")
    neighbours = {v for u, v in ends if u == selected} | {u for u, v in ends if v == selected}
    assert sorted(view.js("newskg.neighbours")) == sorted(neighbours) and neighbours
    assert view.js("newskg.highlighted") == 1 + len(neighbours)  # drawn again over the veil
    # a link in the details selects the node it names
    view.page.locator("#details .link").first.click()
    assert view.js("newskg.selected") != selected
    # the hierarchy layout shows the admin units, and nothing else
    view.page.click("#layout-tree")
    assert view.js("newskg.mode") == "tree"
    shown = view.js("newskg.nodes.get({filter: n => !n.hidden}).map(n => n.id).sort((a, b) => a - b)")
    assert shown == sorted(int(i) for i in view.js("Object.keys(newskg.data.tree)"))
    view.page.click("#layout-free")
    assert view.js("newskg.nodes.get({filter: n => n.hidden}).length") == 0
    # the class filter hides a class
    view.page.locator(".legend label", has_text="Person").locator("input").uncheck()
    assert view.js("newskg.nodes.get({filter: n => n.hidden}).length") == by_class["Person"]
    view.page.screenshot(path=str(tmp_path / "seeds.png"))
    assert (tmp_path / "seeds.png").stat().st_size > 20_000
    # a selected article's neighbours take in what it mentions once mentions are shown
    view.page.locator(".legend label", has_text="Person").locator("input").check()
    article = view.js("newskg.data.edges.find(e => e.mention).from")
    view.js(f"newskg.select({article})")
    before = set(view.js("newskg.neighbours"))
    view.page.click("#mentions")
    mentioned = set(view.js(f"newskg.data.edges.filter(e => e.mention && e.from === {article}).map(e => e.to)"))
    assert mentioned and set(view.js("newskg.neighbours")) == before | mentioned
    assert view.requests == [page.resolve().as_uri()]  # nothing but the page itself
    assert view.errors == [] and view.dialogs == []


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_untrusted_text_runs_no_script(open_view, tmp_path, bypass_csp: bool) -> None:
    g = build_graph(small_corpus(name=f"{PWN}街道", org=f"{CLOSE}{PAYLOAD}协会"))
    path = tmp_path / "graph.html"
    write_html(g, path, title=PWN)
    view = open_view(path, bypass_csp=bypass_csp)
    for name in (f"{PWN}街道", f"{CLOSE}{PAYLOAD}协会", "杨春晓"):  # their details show every payload, as text
        assert view.js(f"newskg.data.info[{view.search(name[-4:])}].label") == name
        assert name in view.page.locator("#details").inner_text()
    view.page.locator("#details .link").first.click()
    assert view.js("typeof window.__pwned") == "undefined"
    assert view.js("document.querySelectorAll('img, svg').length") == 0
    assert view.js("document.scripts.length") == 3
    assert view.dialogs == [] and view.errors == []


def test_a_page_built_from_hostile_text_runs_no_script(tmp_path, open_view) -> None:
    from graph.pipeline import build

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "2024-03-21_x.txt").write_text(
        f"中原区召开{CLOSE}工作会议\n\n3月20日上午，中原区{PWN}协会在秦岭路街道召开工作推进会，区长李明出席会议并讲话，"
        f"\"><svg onload=alert(2)>社区主任王芳参加活动。\n\n会议要求，各街道要压实责任。{CLOSE}\n\n本报记者 赵娜\n",
        encoding="utf-8")
    result = build([tmp_path / "in"], tmp_path / "out")
    text = "\n".join(f"{d.get('label')}|{d.get('evidence') or ''}" for _, d in result.graph.nodes(data=True))
    assert CLOSE in text and PWN in text  # the payloads reached the graph: the test below can fail
    view = open_view(tmp_path / "out" / "graph.html")
    view.search("李明")
    assert PWN in view.page.locator("#details").inner_text()  # the evidence, shown as text
    view.search("工作会议")
    assert CLOSE in view.page.locator("#details h2").inner_text()
    assert view.js("typeof window.__pwned") == "undefined" and view.dialogs == [] and view.errors == []
    assert view.js("document.querySelectorAll('img, svg').length") == 0


def _canvas_box(view: View, ids: list[int]) -> tuple[float, float, float, float]:
    """The box the given nodes take on the screen, over the size of the canvas: (left, top, right, bottom) in 0..1."""
    return tuple(view.js(f"""(() => {{
        const c = document.querySelector('#net canvas'), pos = newskg.network.getPositions({ids});
        const xy = Object.values(pos).map(p => newskg.network.canvasToDOM(p));
        const xs = xy.map(p => p.x), ys = xy.map(p => p.y);
        return [Math.min(...xs) / c.clientWidth, Math.min(...ys) / c.clientHeight,
                Math.max(...xs) / c.clientWidth, Math.max(...ys) / c.clientHeight];
    }})()"""))


def test_at_default_zoom_the_biggest_nodes_are_labelled(seed_build, open_view, tmp_path, update_golden) -> None:
    _, out = seed_build
    view = open_view(out / "graph.html")
    labelled = set(view.js(LABELLED))
    sizes = view.js("Object.fromEntries(newskg.data.nodes.filter(n => n.group !== 'Article').map(n => [n.id, n.size]))")
    biggest = sorted(sizes, key=lambda i: -sizes[i])[:10]
    assert {int(i) for i in biggest} <= labelled  # the most connected nodes, whatever the zoom the page opens at
    assert 10 <= len(labelled) < len(sizes) / 2  # by rendered size: the small ones wait for a closer zoom
    scale = view.js("newskg.network.getScale()")
    fonts = view.js(f"{sorted(labelled)}.map(i => newskg.nodes.get(i).font.size)")
    assert min(fonts) * scale >= 10  # pixels: readable
    smallest = min(sizes, key=lambda i: sizes[i])
    assert int(smallest) not in labelled
    view.js("newskg.network.moveTo({scale: newskg.network.getScale() * 4})")  # closer: more labels
    assert len(view.js(LABELLED)) > len(labelled)
    view.js("newskg.network.fit({animation: false})")
    view.page.wait_for_timeout(100)
    view.page.screenshot(path=str(tmp_path / "view.png"))
    assert (tmp_path / "view.png").stat().st_size > 50_000
    if update_golden:  # the README's picture: `pytest tests/test_browser.py --update-golden`
        SCREENSHOT.write_bytes((tmp_path / "view.png").read_bytes())
    assert view.errors == []


def test_the_hierarchy_fills_the_canvas_with_legible_labels(seed_build, open_view) -> None:
    _, out = seed_build
    view = open_view(out / "graph.html")
    view.page.click("#layout-tree")
    tree = sorted(int(i) for i in view.js("Object.keys(newskg.data.tree)"))
    left, top, right, bottom = _canvas_box(view, tree)
    assert right - left > 0.75 and bottom - top > 0.75  # a tree across the window, not a thin column in a corner
    assert set(view.js(LABELLED)) == set(tree)  # every unit's name can be read
    assert view.js("newskg.network.getScale()") * view.js("newskg.data.labels.treeFont") >= 10


def test_mention_edges_can_be_shown_and_hidden(seed_build, open_view) -> None:
    _, out = seed_build
    view = open_view(out / "graph.html")
    mentions = view.js("newskg.data.edges.filter(e => e.mention).length")
    hidden = "newskg.edges.get({filter: e => e.hidden}).length"
    assert mentions > 50 and view.js(hidden) == mentions  # articles link to their reporters at first
    positions = view.js("newskg.network.getPositions()")
    view.page.click("#mentions")
    assert view.js(hidden) == 0 and view.js("newskg.mentions") is True
    assert view.js("newskg.network.getPositions()") == positions  # the layout does not move
    view.page.click("#mentions")
    assert view.js(hidden) == mentions


def test_a_capped_view_says_what_it_left_out_and_lists_it_as_text(open_view, tmp_path) -> None:
    path = tmp_path / "graph.html"
    write_html(ranked_city(), path, most=5)
    view = open_view(path)
    assert view.page.locator("#capped").is_visible()
    assert "5 / 10" in view.page.locator("#capped").inner_text()
    assert view.page.locator(".legend label", has_text="Article").inner_text().endswith("(0 / 3)")
    assert view.page.locator(".legend label", has_text="Event").inner_text().endswith("(1)")
    view.search("Community-K")
    sources = view.page.locator("#details").inner_text()
    assert "报道A1" in sources and "Community-K举行活动A1。" in sources  # an article not drawn, named with its sentence
    assert "报道A1 · 2024年3月20日 · 未画出 not drawn" in sources  # and marked as left out, not mistaken for a link
    assert view.errors == [] and view.dialogs == []
    whole = tmp_path / "whole.html"
    write_html(ranked_city(), whole)
    everything = open_view(whole)
    assert not everything.page.locator("#capped").is_visible()
    everything.search("Community-K")
    assert "未画出" not in everything.page.locator("#details").inner_text()


def _namesakes() -> nx.MultiDiGraph:
    """Two street offices of one name in two districts (the first the better connected), and an article of that name."""
    corpus = small_corpus()
    extra = (Entity(key="District:上街区", type="District", name="上街区", articles=("a-03",)),
             Entity(key="StreetOffice:上街区/y", type="StreetOffice", name="秦岭路街道", articles=("a-03",),
                    parent="District:上街区", parent_source="text"))
    article = Article(id="a-03", source_file="b.txt", headline="秦岭路街道", body="秦岭路街道开展检查。")
    return build_graph(dataclasses.replace(corpus, articles=(*corpus.articles, article), entities=(*corpus.entities, *extra),
                                           mentions=(*corpus.mentions, ("a-03", "StreetOffice:上街区/y"))))


def test_search_tells_namesakes_apart_and_is_run_by_the_keyboard(open_view, tmp_path) -> None:
    path = tmp_path / "graph.html"
    write_html(_namesakes(), path)
    view = open_view(path)
    first = view.search("秦岭路街道")
    rows = view.page.locator("#matches [data-id]")
    texts = rows.all_inner_texts()[:3]  # the exact matches, before the names that hold the text
    assert "中原区" in texts[0] and "上街区" in texts[1]  # where each is: namesakes told apart
    assert texts[2] == "秦岭路街道 · 报道 Article"  # an article of that name after the places
    ids = [int(rows.nth(i).get_attribute("data-id")) for i in range(3)]
    assert first == ids[0]
    view.page.locator("#search").press("ArrowDown")
    assert view.js("newskg.selected") == ids[1]
    view.page.locator("#search").press("ArrowUp")
    view.page.locator("#search").press("ArrowUp")  # past the first: round to the last
    assert view.js("newskg.selected") == int(rows.last.get_attribute("data-id"))
    rows.nth(1).focus()
    rows.nth(1).press("Enter")
    assert view.js("newskg.selected") == ids[1] and view.page.locator("#details h2").inner_text() == "秦岭路街道"
    link = view.page.locator("#details .link").first
    assert link.get_attribute("tabindex") == "0"
    link.press("Enter")  # a link of the details, from the keyboard
    assert view.js("newskg.selected") != ids[1]
    assert view.search("无此名称") is None  # no match: nothing stays selected
    assert "无结果 no match" in view.page.locator("#matches").inner_text()
    assert view.page.locator("#details").inner_text().startswith("点击节点")
    assert view.errors == [] and view.dialogs == []


@pytest.mark.parametrize("which", ["seeds", "wide"])
def test_selecting_zooms_in_to_a_legible_name_never_out(seed_build, open_view, tmp_path, which: str) -> None:
    """On a big graph the fonts are set for a far view: a fixed zoom (scale 1) made a selected name 100 px high."""
    path = seed_build[1] / "graph.html"
    if which == "wide":
        path = tmp_path / "graph.html"
        write_html(_wide_tree(), path)
    view = open_view(path)
    px = view.js("newskg.data.labels.px")
    rendered = "newskg.network.getScale() * newskg.network.body.nodes[newskg.selected].options.font.size"
    small = view.js("newskg.data.nodes.filter(n => n.group !== 'Article').sort((a, b) => a.size - b.size || a.id - b.id)[0].id")
    before = view.js("newskg.network.getScale()")
    view.js(f"newskg.select({small})")  # a small node: zoomed in until its name reads, not past 24 px
    assert view.js("newskg.network.getScale()") > before and px <= view.js(rendered) <= 24.01
    centre = view.js("""(() => { const c = document.querySelector('#net canvas');
        const p = newskg.network.canvasToDOM(newskg.network.getPositions([newskg.selected])[newskg.selected]);
        return [p.x / c.clientWidth, p.y / c.clientHeight]; })()""")
    assert all(abs(x - 0.5) < 0.02 for x in centre)
    view.js("newskg.network.moveTo({scale: newskg.network.getScale() * 20})")
    zoomed = view.js("newskg.network.getScale()")
    biggest = view.js("newskg.data.nodes.filter(n => n.group !== 'Article').sort((a, b) => b.size - a.size)[0].id")
    view.js(f"newskg.select({biggest})")  # zoomed in further by hand: kept
    assert view.js("newskg.network.getScale()") == zoomed


def test_the_hierarchy_lets_go_of_a_selection_it_does_not_show(seed_build, open_view) -> None:
    _, out = seed_build
    view = open_view(out / "graph.html")
    article = view.js("newskg.data.nodes.find(n => n.group === 'Article').id")
    view.js(f"newskg.select({article})")
    view.page.click("#layout-tree")
    assert view.js("newskg.selected") is None and view.js("newskg.highlighted") == 0
    assert view.page.locator("#details").inner_text().startswith("点击节点")
    district = view.js("newskg.data.nodes.find(n => n.group === 'District' && n.id in newskg.data.tree).id")
    view.js(f"newskg.select({district})")
    view.page.click("#layout-free")
    assert view.js("newskg.selected") == district  # shown in both: kept, highlighted again
    assert view.js("newskg.highlighted") == 1 + len(view.js("newskg.neighbours"))


def _wide_tree() -> nx.MultiDiGraph:
    """A city, three districts and 300 street offices: a tree too wide for every name at once."""
    g = nx.MultiDiGraph()
    g.add_node("C", kind="City", label="郑州市")
    for d in range(3):
        g.add_node(f"D{d}", kind="District", label=f"区{d}区")
        g.add_edge(f"D{d}", "C", key="containedInPlace")
    for s in range(300):
        g.add_node(f"S{s}", kind="StreetOffice", label=f"第{s}街道")
        g.add_edge(f"S{s}", f"D{s % 3}", key="containedInPlace")
    return g


def test_a_hierarchy_too_wide_to_read_whole_labels_its_districts(open_view, tmp_path) -> None:
    path = tmp_path / "graph.html"
    write_html(_wide_tree(), path)
    view = open_view(path)
    view.page.click("#layout-tree")
    scale, tree_font = view.js("newskg.network.getScale()"), view.js("newskg.data.labels.treeFont")
    assert scale * tree_font < view.js("newskg.data.labels.px")  # too wide for every name at once
    labelled = set(view.js(LABELLED))
    tops = set(view.js("newskg.data.nodes.filter(n => n.group === 'City' || n.group === 'District').map(n => n.id)"))
    assert len(tops) == 4 and tops <= labelled  # the city and its districts read
    assert view.errors == []


def test_on_a_laptop_screen_the_details_are_in_view_beside_the_search(seed_build, open_view) -> None:
    _, out = seed_build
    view = open_view(out / "graph.html")
    view.page.set_viewport_size({"width": 1366, "height": 768})
    biggest = view.js("newskg.data.nodes.filter(n => n.group === 'District').sort((a, b) => b.size - a.size)[0].id")
    view.js(f"newskg.select({biggest})")
    details = view.page.locator("#details").bounding_box()
    assert details["y"] < 768 - 180 and details["y"] + details["height"] <= 768 + 1  # in view, the page unscrolled
    view.js("document.getElementById('details').scrollTop = 1e6")  # a long list scrolls within the details
    assert view.js("document.getElementById('details').scrollHeight > document.getElementById('details').clientHeight")
    search = view.page.locator("#search").bounding_box()
    assert search["y"] >= 0 and view.js("document.getElementById('side').scrollTop") == 0


def test_articles_are_squares_named_once_zoomed_in(seed_build, open_view) -> None:
    """A box kept its headline's width at every zoom: 38 empty grey bars over the opening view, some over names."""
    _, out = seed_build
    view = open_view(out / "graph.html")
    assert view.js("newskg.data.options.groups.Article.shape") == "square"
    articles = set(view.js("newskg.data.nodes.filter(n => n.group === 'Article').map(n => n.id)"))
    assert articles and not articles & set(view.js(LABELLED))  # the opening view names places and people, not headlines
    view.js("newskg.network.moveTo({scale: newskg.network.getScale() * 8})")
    assert articles & set(view.js(LABELLED))  # closer, the headlines read

"""What the speed and memory work changed in how a build runs, and what it must not change: the output."""

from __future__ import annotations

import copy
import dataclasses
import gc
import logging
import operator
import os
import pickle
import weakref
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph import network
from graph.articles import Articles, dedupe_articles, unique_ids
from graph.cache import PageCache
from graph.compact import CompactGraph, GraphBuilder, NodeData, ReadOnlyMap
from graph.export import html as view
from graph.export.fast_turtle import triples_parts
from graph.export.rdf import PREFIXES, to_rdflib, triples
from graph.export.turtle import to_turtle, turtle_parts, write_turtle
from graph.gazetteer import load as load_gazetteer
from graph.model import ArticleFacts, Corpus, PageResult
from graph.pages import Options, process_page, process_pages, release_models
from graph.pipeline import build, resolving, run_pages
from graph.resolve import resolve
from graph.spill import Spill, Spilled, opened
from graph.workers import MIN_PAGES_PER_BATCH, PAGES_PER_BATCH, batch_size
from tests.conftest import SEEDS


def test_pages_processed_in_a_batch_give_what_each_alone_gives(tmp_path: Path) -> None:
    """The batch's sentences are tagged together first; each page's result is the one it has alone."""
    pages = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:3]]
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    batch = [*pages[:2], str(bad), pages[2]]
    together = process_pages(batch)
    release_models()  # a fresh tagger: nothing cached from the batch
    alone = [process_page(p) for p in batch]
    assert together == alone
    assert together[2].report is not None and together[2].report.skipped


@pytest.mark.parametrize("pages", [1, 7, 64, 100, 129, 1000, 3555])
@pytest.mark.parametrize("jobs", [1, 2, 4])
def test_a_batch_holds_many_pages_but_a_pool_has_batches_enough_to_share(pages: int, jobs: int) -> None:
    """One process takes the largest batches; a pool gets at least two batches a process where the pages allow it,
    and the largest batches once it has pages enough."""
    size = batch_size(pages, jobs)
    assert MIN_PAGES_PER_BATCH <= size <= PAGES_PER_BATCH
    if jobs == 1 or pages >= 4 * jobs * PAGES_PER_BATCH:
        assert size == PAGES_PER_BATCH
    if jobs > 1:
        assert -(-pages // size) >= min(2 * jobs, -(-pages // MIN_PAGES_PER_BATCH))


def test_exports_written_in_parts_are_the_text_at_once(tmp_path: Path) -> None:
    g = build([SEEDS], None).graph
    write_turtle(g, tmp_path / "graph.ttl")
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == to_turtle(g)
    view.write_html(g, tmp_path / "graph.html")
    assert (tmp_path / "graph.html").read_text(encoding="utf-8") == view.to_html(g)


def test_a_build_after_a_build_gives_the_same_bytes(tmp_path: Path) -> None:
    """A one-process build lets go of its tagger and its records; the next build loads them again."""
    build([SEEDS], tmp_path / "one", formats=("ttl",))
    build([SEEDS], tmp_path / "two", formats=("ttl",))
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == (tmp_path / "two" / "graph.ttl").read_bytes()


class _Facts(ArticleFacts):
    """ArticleFacts that can be watched (a weak reference): whether anything still holds them."""


class _Result(PageResult):
    """A PageResult that can be watched."""


class _Corpus(Corpus):
    """A Corpus that can be watched."""


def test_a_build_keeps_no_page_records_once_resolved() -> None:
    """A page's records are let go once its articles are resolved: while a page is read, none before the last one is held."""
    files = sorted(SEEDS.glob("*.txt"))
    watched: list[list[weakref.ref]] = []

    def held(refs: list[weakref.ref]) -> bool:
        gc.collect()
        return any(ref() is not None for ref in refs)

    def results() -> Iterator[PageResult]:
        for f in files:
            assert not any(held(refs) for refs in watched[:-1]), "a page's records are still held after it was resolved"
            r = process_page(str(f))
            facts = tuple(_Facts(x.article, x.mentions, x.entities, x.posts, x.events) for x in r.facts)
            page = _Result(r.name, facts, r.report)
            watched.append([weakref.ref(page), *map(weakref.ref, facts)])
            del r, facts
            yield page
            del page

    corpus = resolving([SEEDS], files, (), results(), load_gazetteer())()[0]
    assert len(watched) == len(files) and corpus.articles and corpus.entities
    assert not any(held(refs) for refs in watched)


def test_a_build_keeps_its_graph_and_makes_its_corpus_again_when_asked(tmp_path: Path, monkeypatch) -> None:
    """The corpus a build's graph is made from is let go before the exports; `corpus` makes it again, the same."""
    from graph import pipeline

    made: list[weakref.ref] = []
    resolving_ = pipeline.resolving

    def watched(*args):
        corpus_of = resolving_(*args)

        def corpus():
            c, bodies = corpus_of()
            c = _Corpus(*(getattr(c, f.name) for f in dataclasses.fields(c)))
            made.append(weakref.ref(c))
            return c, bodies
        return corpus

    held_when_frozen: list[bool] = []
    freeze = GraphBuilder.freeze

    def watched_freeze(self, **attr):
        gc.collect()
        held_when_frozen.append(made[-1]() is not None)
        return freeze(self, **attr)

    monkeypatch.setattr(pipeline, "resolving", watched)
    monkeypatch.setattr(GraphBuilder, "freeze", watched_freeze)
    built = build([SEEDS], tmp_path / "out", formats=("ttl",))
    gc.collect()
    assert held_when_frozen == [False], "the corpus is held while its graph's arrays are made"
    assert len(made) == 1 and made[0]() is None, "the build holds its corpus beside its graph"
    again = built.corpus
    assert len(made) == 2 and built.summary()["articles"] == len(again.articles) > 0
    g = network.build_graph(again)
    assert list(g.nodes(data=True)) == list(built.graph.nodes(data=True))
    assert list(g.edges(keys=True, data=True)) == list(built.graph.edges(keys=True, data=True))


def test_a_build_keeps_its_articles_bodies_on_disk_and_its_graph_reads_them_back(tmp_path: Path) -> None:
    """Each article's body is written to the build's spill file as its page is resolved, each post's and event's
    evidence as its graph is made; the graph gives the text."""
    built = build([SEEDS], tmp_path / "out", formats=("ttl",))
    g, table = built.graph, built.graph._node.table
    articles = [n for n, kind in g.nodes(data="kind") if kind == "Article"]
    for kind, field, least in (("Article", "body", 30), ("Membership", "evidence", 10), ("Event", "evidence", 10)):
        rows = [_fields_and_row(table, n) for n, k in g.nodes(data="kind") if k == kind]
        assert len(rows) > least
        assert all(type(row[fields.index(field)]) is Spilled for fields, row in rows), f"a {kind}'s {field} is held in memory"
    whole = {a.id: a for a in built.corpus.articles}  # made again from the pages: the bodies as read
    bodies = {n: g.nodes[n]["body"] for n in articles}
    assert bodies == {n: whole[n.split(":", 1)[1]].body for n in articles} and all(type(b) is str for b in bodies.values())
    assert dict(g.nodes(data="body")) == {n: bodies.get(n) for n in g}
    assert list(g.nodes(data=True)) == [(n, {k: opened(v) for k, v in zip(*_fields_and_row(table, n), strict=True)}) for n in g]
    for again in (pickle.loads(pickle.dumps(g)), nx.MultiDiGraph(g)):  # the texts go with it, not the handles
        assert {n: again.nodes[n]["body"] for n in articles} == bodies
        assert not any(type(v) is Spilled for _, d in again.nodes(data=True) for v in dict(d).values())
    assert (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8").count("schema:articleBody") == len(articles)


def test_the_turtle_writer_reads_each_text_on_disk_back_once_when_it_keys_the_blocks(tmp_path: Path, monkeypatch) -> None:
    """With the cache's index of blocks, a block made reads its texts once and its key reads none: written again, with
    every block copied, nothing is read back."""
    g = build([SEEDS], tmp_path / "out", formats=(), cache_dir=tmp_path / "cache").graph
    table = g._node.table
    spilled = sum(type(v) is Spilled for n in g for v in _fields_and_row(table, n)[1])
    posts = sum(type(v) is Spilled for n, kind in g.nodes(data="kind") if kind == "Membership" for v in _fields_and_row(table, n)[1])
    assert spilled > 50 and posts > 5  # a post's evidence among them: read for its block, not where the order is found
    reads: list[int] = []
    real = Spill.read
    monkeypatch.setattr(Spill, "read", lambda self, at, size: reads.append(at) or real(self, at, size))
    write_turtle(g, tmp_path / "keyed.ttl", cache=tmp_path / "cache")
    assert len(reads) == spilled
    reads.clear()
    write_turtle(g, tmp_path / "keyed.ttl", cache=tmp_path / "cache")
    assert reads == []
    write_turtle(g, tmp_path / "plain.ttl")
    assert len(reads) == spilled
    assert (tmp_path / "keyed.ttl").read_bytes() == (tmp_path / "plain.ttl").read_bytes()


def _fields_and_row(table, n: str) -> tuple[tuple, tuple]:
    i = table.index[n]
    return table.fields[table.shape[i]], table.rows[i]


@pytest.mark.parametrize("positioned", [True, False])  # os.pread and os.pwrite, or (as on Windows) a seek before each
def test_a_spilled_text_is_read_back_as_written_and_pickled_as_its_text(tmp_path: Path, monkeypatch, positioned: bool) -> None:
    if not positioned:
        monkeypatch.delattr("os.pread", raising=False)
        monkeypatch.delattr("os.pwrite", raising=False)
    spill = Spill(tmp_path)
    texts = ["中原区秦岭路街道办事处召开会议。\n记者 景静", "", "a\udc80b", "𠀀" * 3]  # a lone surrogate, beyond the BMP
    handles = [spill.put(t) for t in texts]
    assert [str(h) for h in reversed(handles)] == texts[::-1]  # read while still in the tail, before any write
    monkeypatch.setattr("graph.spill._BATCH", 40)  # the next puts write the tail: a batch, then a text of a batch alone
    more = ["街道" * 12, "社区", "记者 " * 30, "村"]
    handles += [spill.put(t) for t in more]
    texts += more
    assert 0 < spill._tail_at < spill._end and os.fstat(spill._fd).st_size == spill._tail_at
    assert [str(h) for h in reversed(handles)] == texts[::-1]
    assert [pickle.loads(pickle.dumps(h)) for h in handles] == texts and repr(handles[0]) == repr(texts[0])
    assert list(tmp_path.iterdir()) == [] or all(p.name.startswith("newskg-spill-") for p in tmp_path.iterdir())
    built = GraphBuilder()
    built.node("a", kind="Article", body=handles[0])
    built.node("a", iri="http://example.org/a")  # a row updated keeps its text on disk
    built.node("b", kind="Article", body="在内存中")
    g = built.freeze()
    assert type(g._node.table.rows[0][1]) is Spilled
    assert dict(g.nodes["a"]) == {"kind": "Article", "body": texts[0], "iri": "http://example.org/a"}
    assert g.nodes["a"].get("body") == texts[0] == g.nodes["a"]["body"] and g.nodes["b"]["body"] == "在内存中"
    assert g.nodes["a"].copy() == dict(g.nodes["a"].items()) and dict(g.nodes(data="body")) == {"a": texts[0], "b": "在内存中"}


@pytest.mark.parametrize("spilled", [False, True])
def test_articles_kept_as_they_come_find_an_item_printed_again_whether_or_not_their_bodies_are_on_disk(
    tmp_path: Path, spilled: bool
) -> None:
    item = "本报讯 二七区淮河路街道召开安全生产工作会议，街道党工委书记王晓出席会议并讲话，要求各社区压实责任，排查隐患。\n记者 景静\n"
    other = "本报讯 金水区花园路街道开展义诊活动，辖区居民三百余人参加，街道办事处主任李敏到场看望医护人员。\n记者 景静\n"
    pages = {"2024-03-05_01.txt": item, "2024-03-06_01.txt": other + "\n" + item}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    facts = [f for name in pages for f in process_page(str(tmp_path / name)).facts]
    once = dedupe_articles(facts)
    articles = Articles(Spill(tmp_path) if spilled else None)
    assert [f.article.id for f in articles.new(facts)] == [f.article.id for f in once]
    assert [a.body == "" for a in articles.kept] == [spilled] * len(once) and bool(articles.bodies) == spilled
    whole = [dataclasses.replace(a, body=str(articles.bodies[a.id])) if spilled else a for a in articles.kept]
    assert whole == [f.article for f in once] and len(once) == 2 and len(once[0].article.sources) == 2


def test_a_rebuild_decodes_each_stored_page_only_when_its_turn_comes(tmp_path: Path, monkeypatch) -> None:
    """The stored pages' records are not all in memory at once: each entry is decoded as the resolution takes its page."""
    files = sorted(SEEDS.glob("*.txt"))
    first = list(run_pages(files, Options(), cache_dir=tmp_path))
    loads: list[str] = []
    real = PageCache.load
    monkeypatch.setattr(PageCache, "load", lambda self, key: loads.append(key) or real(self, key))
    for n, _ in enumerate(run_pages(files, Options(), cache_dir=tmp_path), 1):
        assert len(loads) == n, "a stored page was decoded before its turn"
    assert len(loads) == len(files)
    monkeypatch.undo()
    damaged = next(p for p in sorted(tmp_path.rglob("*.msgpack")))
    damaged.write_bytes(damaged.read_bytes()[:-5])  # cut short: its digest fails when its turn comes
    assert list(run_pages(files, Options(), cache_dir=tmp_path)) == first  # computed again, here
    assert real(PageCache(tmp_path), damaged.stem) is not None  # and stored again


def test_an_item_printed_on_two_pages_is_one_article_with_both_sources(tmp_path: Path) -> None:
    item = "本报讯 中原区秦岭路街道办事处召开安全生产工作会议，街道党工委书记王晓出席会议并讲话，要求各社区压实责任。\n记者 景静\n"
    short = "本报讯 二七区淮河路街道开展义诊。\n记者 景静\n"  # too short to be told from another item by its body alone
    pages = {"2024-03-05_01.txt": item, "2024-03-06_01.txt": item + "\n" + short, "2024-03-07_01.txt": short}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    facts = [f for name in pages for f in process_page(str(tmp_path / name)).facts]
    once = dedupe_articles(facts)
    assert [(f.article.id, f.article.sources) for f in once] == [
        ("2024-03-05_01-01", ("2024-03-05_01.txt", "2024-03-06_01.txt")),
        ("2024-03-06_01-02", ("2024-03-06_01.txt",)),
        ("2024-03-07_01-01", ("2024-03-07_01.txt",)),
    ]
    assert [f.entities for f in once] == [facts[0].entities, facts[2].entities, facts[3].entities]  # the first print's
    articles = Articles()  # as the pages come: the same articles, the first one's facts
    assert [f.article.id for f in articles.new(facts)] == [f.article.id for f in once]
    assert articles.kept == [f.article for f in once]


def test_pages_resolved_as_they_come_give_the_corpus_of_all_at_once() -> None:
    files = sorted(SEEDS.glob("*.txt"))
    results = [process_page(str(f)) for f in files]
    facts = [f for r in results for f in r.facts]
    whole = resolve(dedupe_articles(unique_ids(facts)), load_gazetteer())
    assert resolving([SEEDS], files, (), iter(results), load_gazetteer())()[0] == whole


def test_turtle_written_subject_by_subject_is_the_graph_grouped_whole() -> None:
    g = build([SEEDS], None).graph
    grouped = "".join(triples_parts(lambda: triples(g), PREFIXES))
    assert "".join(turtle_parts(g)) == grouped == to_rdflib(g).serialize(format="turtle")
    twin = nx.MultiDiGraph(g)  # two nodes with one IRI: grouped whole, as rdflib would
    first, second = list(twin.nodes)[:2]
    twin.nodes[second]["iri"] = twin.nodes[first]["iri"]
    assert "".join(turtle_parts(twin)) == to_rdflib(twin).serialize(format="turtle")


class _OwnMaps:
    """A GraphBuilder that builds what networkx's own add_node and add_edge make: an ordinary MultiDiGraph."""

    def __init__(self) -> None:
        self.g = nx.MultiDiGraph()

    def __contains__(self, n: object) -> bool:
        return n in self.g

    def __getitem__(self, n: str) -> dict:
        return self.g.nodes[n]

    def get(self, n: str, default: object = None) -> object:
        return self.g.nodes.get(n, default)

    def column(self, name: str) -> Iterator[tuple[str, object]]:
        return iter(self.g.nodes(data=name))

    def node(self, n: str, **attr: object) -> None:
        self.g.add_node(n, **{k: opened(v) for k, v in attr.items()})  # a body the build kept on disk, as its text

    def add(self, u: str, v: str, key: str, **attr: str) -> None:
        self.g.add_edge(u, v, key=key, **attr)

    def freeze(self, **graph_attr: object) -> nx.MultiDiGraph:
        self.g.graph.update(graph_attr)
        return self.g


_SET_OPS = (operator.sub, operator.or_, operator.xor, operator.and_)


def _reads_the_same(g: nx.MultiDiGraph, own: nx.MultiDiGraph) -> None:
    """The same graph, nodes, data, edges, keys and data, and the same orders each way."""
    assert g.graph == own.graph
    assert list(g.nodes(data=True)) == list(own.nodes(data=True))
    assert [list(d) for _, d in g.nodes(data=True)] == [list(d) for _, d in own.nodes(data=True)]  # the keys' order too
    assert [repr(d) for _, d in g.nodes(data=True)] == [repr(d) for _, d in own.nodes(data=True)]  # Turtle's keys digest it
    assert list(g.edges(keys=True, data=True)) == list(own.edges(keys=True, data=True))
    assert [list(g.in_edges(n, keys=True, data=True)) for n in g] == [list(own.in_edges(n, keys=True, data=True)) for n in g]
    assert g.number_of_edges() == own.number_of_edges() and len(g) == len(own)
    if hasattr(own, "_graph"):  # a view: networkx's own maps of one have no copy(), reversed() or set operations
        return
    assert nx.to_dict_of_dicts(g) == nx.to_dict_of_dicts(own) and repr(g._succ) == repr(own._succ)
    # sets made from their keys iterate as those made from a dict's (networkx's non_neighbors returns one)
    assert [list(nx.non_neighbors(g, n)) for n in own] == [list(nx.non_neighbors(own, n)) for n in own]
    for n in own:
        assert [list(reversed(m)) for m in (g._succ[n], g._pred[n], g._node[n])] == \
            [list(reversed(m)) for m in (own._succ[n], own._pred[n], own._node[n])]
        assert [list(op(g._succ[n].keys(), g._pred[n].keys())) for op in _SET_OPS] == \
            [list(op(own._succ[n].keys(), own._pred[n].keys())) for op in _SET_OPS]
        assert [list(op(set(own), g._succ[n].keys())) for op in _SET_OPS] == [list(op(set(own), own._succ[n].keys())) for op in _SET_OPS]


def test_a_built_graph_is_held_compactly_and_reads_as_networkx_s_own(monkeypatch) -> None:
    """Arrays, and one read-only map for each kind of pair (same keys, same data): read as networkx's own maps, in order."""
    g = build([SEEDS], None).graph
    monkeypatch.setattr(network, "GraphBuilder", _OwnMaps)
    own = build([SEEDS], None).graph  # each node and pair with maps of its own, as networkx makes them
    assert isinstance(g, CompactGraph) and type(own) is nx.MultiDiGraph
    assert nx.is_frozen(g)
    _reads_the_same(g, own)
    pairs = {id(keyed) for nbrs in g._succ.values() for keyed in nbrs.values()}
    assert g.number_of_edges() > 700 and len(pairs) < 30
    assert g.number_of_edges() == own.number_of_edges() == g.size() == sum(1 for _ in g.edges(keys=True))
    u, v = next(iter(g.edges()))
    assert g.number_of_edges(u, v) == own.number_of_edges(u, v) >= 1 and g.number_of_edges(v, "nothing") == 0
    assert all(g._pred[v][u] is keyed for u, nbrs in g._succ.items() for v, keyed in nbrs.items())
    assert any(d for _, _, d in g.edges(data=True))  # edges with data (a parent's source) keep it
    # networkx's algorithms and views read it as they read its own
    assert list(nx.weakly_connected_components(g)) == list(nx.weakly_connected_components(own))
    assert dict(g.in_degree) == dict(own.in_degree) and dict(g.out_degree) == dict(own.out_degree)
    some = list(own)[::7]
    _reads_the_same(g.subgraph(some), own.subgraph(some))
    _reads_the_same(g.reverse(), own.reverse())


def test_a_built_graph_cannot_be_changed_in_place_but_its_copy_can() -> None:
    g = build([SEEDS], None).graph
    u, v, key = next(iter(g.edges(keys=True)))
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        g.add_edge(u, v, key="other")
    for change in (lambda: g.edges[u, v, key].update(weight=2), lambda: g._succ[u][v].update(other={}),
                   lambda: g.nodes[u].update(label="x"), lambda: g._succ[u].pop(v), lambda: g._pred[v].clear()):
        with pytest.raises(TypeError, match="copy the graph"):
            change()
    assert g.nodes.data(False) is g.nodes and g.nodes(data=False) is g.nodes  # networkx's NodeView, as for its own graphs
    for own in (nx.MultiDiGraph(g), g.copy()):
        assert type(own) is nx.MultiDiGraph
        own.edges[u, v, key]["weight"] = 2
        own.nodes[u]["label"] = "x"
        own.add_edge(u, v, key="other")
    assert "weight" not in g.edges[u, v, key] and g.nodes[u]["label"] != "x" and not g.has_edge(u, v, "other")
    # pickled and deep-copied as the arrays and maps they are: equal, still shared, still read-only
    for again in (pickle.loads(pickle.dumps(g)), copy.deepcopy(g)):
        assert type(again) is CompactGraph
        _reads_the_same(again, g)
        assert len({id(k) for nbrs in again._succ.values() for k in nbrs.values()}) < 30
        with pytest.raises(TypeError):
            again.edges[u, v, key]["weight"] = 2


_NODES = st.sampled_from("abcd")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    st.tuples(_NODES, _NODES, st.sampled_from(["k", "m", "n"]),
              st.dictionaries(st.sampled_from(["source", "x"]), st.sampled_from(["text", "gazetteer"]), max_size=2)),
    st.tuples(_NODES, st.dictionaries(st.sampled_from(["kind", "iri", "label"]), st.sampled_from(["A", "B", None]), max_size=3)),
), max_size=25))
def test_nodes_and_edges_built_read_as_networkx_s_own_add_node_and_add_edge_make_them(added) -> None:
    """Any nodes and edges, data updated, repeated pairs and keys: the same nodes, data, edges, keys and orders."""
    own, built = nx.MultiDiGraph(), GraphBuilder()
    for one in added:
        if len(one) == 4:
            u, v, key, attr = one
            own.add_edge(u, v, key=key, **attr)
            built.add(u, v, key, **attr)
        else:
            n, attr = one
            own.add_node(n, **attr)
            built.node(n, **attr)
    own.graph["base"] = "http://example.org/"
    g = built.freeze(base="http://example.org/")
    _reads_the_same(g, own)
    assert all(g._pred[v][u] is keyed for u, nbrs in g._succ.items() for v, keyed in nbrs.items())
    assert not built.ids  # what the graph holds moved out of the builder
    for u in "abcdz":  # one pair looked up, as networkx's own maps answer it
        for v in "abcdz":
            assert g.has_edge(u, v) == own.has_edge(u, v) and g.get_edge_data(u, v) == own.get_edge_data(u, v)
            if u in own:
                assert (v in g.succ[u], v in g.pred[u]) == (v in own.succ[u], v in own.pred[u])
                assert g._succ[u].get(v) == own._succ[u].get(v) and len(g._succ[u]) == len(own._succ[u])
                assert dict(g._succ[u]) == own._succ[u] and dict(g._pred[u]) == own._pred[u]


def test_a_node_s_data_reads_as_its_dict_and_its_copy_can_be_changed() -> None:
    built = GraphBuilder()
    built.node("a", kind="Person", label="李敏", aliases=())
    built.node("a", code=None)
    d = built.freeze().nodes["a"]
    plain = {"kind": "Person", "label": "李敏", "aliases": (), "code": None}
    assert isinstance(d, NodeData) and d == plain and plain == d and list(d.items()) == list(plain.items())
    assert repr(d) == repr(plain) and dict(d) == {**d} == plain and d | {"x": 1} == {**plain, "x": 1}
    assert d.get("code", 1) is None and d.get("nope", 1) == 1 and "label" in d and "nope" not in d and len(d) == 4
    assert {"x": 1} | d == {"x": 1, **plain} and list(reversed(d)) == list(reversed(plain)) and d.keys() - {"kind"} == plain.keys() - {"kind"}
    with pytest.raises(TypeError):
        [] in d  # noqa: B015  # a key that cannot be one is refused, as by a dict
    with pytest.raises(TypeError):
        d.get([])
    with pytest.raises(KeyError):
        d["nope"]
    for change in (lambda: d.update(x=1), lambda: d.pop("kind"), lambda: d.setdefault("x", 1), lambda: d.clear()):
        with pytest.raises(TypeError, match="copy the graph"):
            change()
    own = d.copy()
    own["kind"] = "Org"
    assert type(own) is dict and d["kind"] == "Person"
    again = pickle.loads(pickle.dumps(d))
    assert again == plain and type(again) is ReadOnlyMap


def test_a_node_of_many_neighbours_is_looked_up_in_its_arrays_without_a_map_made() -> None:
    built = GraphBuilder()
    for i in range(3000):
        built.add(f"u{i}", "hub", "containedInPlace", source="text" if i % 2 else "gazetteer")
    built.add("hub", "u7", "mentions")
    g = built.freeze()
    pred = g._pred["hub"]
    assert not isinstance(pred, dict) and len(pred) == 3000 and "u2999" in pred and "hub" not in pred and "nope" not in pred
    assert pred["u5"] == {"containedInPlace": {"source": "text"}} and g.edges["u4", "hub", "containedInPlace"]["source"] == "gazetteer"
    assert list(pred)[:3] == ["u0", "u1", "u2"] and list(g.successors("hub")) == ["u7"] and g.has_edge("hub", "u7")
    with pytest.raises(KeyError):
        pred["hub"]  # a node, not a neighbour
    with pytest.raises(TypeError, match="copy the graph"):
        pred["u5"] = {}
    again = pickle.loads(pickle.dumps(pred))  # a neighbour map pickles as the map it reads as
    assert again == pred and type(again) is ReadOnlyMap


def test_shared_edges_take_text_keys_and_values_only() -> None:
    """1, 1.0 and True are one key of a map: shared maps keyed by them would make one edge of three."""
    built = GraphBuilder()
    for key, attr in ((1, {}), (True, {}), ("k", {"w": 1}), ("k", {"w": ["a"]})):
        with pytest.raises(TypeError, match="text only"):
            built.add("a", "b", key, **attr)
    with pytest.raises(TypeError, match="text only"):
        built.node(1)
    with pytest.raises(TypeError, match="text only"):
        built.add("a", 1, "k")  # refused whole: the builder goes on as if it had not been asked
    built.add("a", "b", "k", source="text")
    assert list(built.freeze().edges(keys=True, data=True)) == [("a", "b", "k", {"source": "text"})]


@pytest.mark.parametrize("fails_after", [0, 7])  # the folder full from the start, or once some texts are on disk
def test_a_spill_folder_that_cannot_take_the_texts_keeps_them_in_memory_and_the_build_goes_on(
    tmp_path: Path, monkeypatch, caplog, fails_after: int
) -> None:
    import errno

    want = build([SEEDS], tmp_path / "whole", formats=("ttl", "jsonld"))
    monkeypatch.setattr("graph.spill._BATCH", 512)  # the texts written a few at a time: some on disk before a write fails
    real, done = os.pwrite, []

    def full(fd: int, data: object, at: int) -> int:
        if len(done) >= fails_after:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        done.append(at)
        return real(fd, data, at)

    monkeypatch.setattr(os, "pwrite", full)
    with caplog.at_level(logging.WARNING, logger="newskg"):
        got = build([SEEDS], tmp_path / "full", formats=("ttl", "jsonld"))
    assert "spill file" in caplog.text and "kept in memory" in caplog.text
    for name in ("graph.ttl", "graph.jsonld"):
        assert (tmp_path / "full" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    assert dict(got.graph.nodes(data="body")) == dict(want.graph.nodes(data="body"))
    assert dict(got.graph.nodes(data="evidence")) == dict(want.graph.nodes(data="evidence"))
    monkeypatch.setattr("tempfile.TemporaryFile", lambda **kw: (_ for _ in ()).throw(OSError(errno.EACCES, "denied")))
    assert Spill.made(tmp_path) is None


def test_a_build_with_workers_lets_go_of_the_models_it_loaded_here(tmp_path: Path) -> None:
    """--jobs 2 with one page to compute (a one-page rebuild) tags it here: the tagger and jieba's words are let go
    after the pages stage, as in a build in one process (a one-page rebuild of 20 MB peaked at 345 MB without it, 277
    with it)."""
    import graph.pages as pages
    from graph.pipeline import build

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "one.txt").write_bytes(sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[0].read_bytes())
    build([folder], None, formats=(), jobs=2)
    assert pages._extractor.cache_info().currsize == 0
    assert pages.get_tagger.cache_info().currsize == 0

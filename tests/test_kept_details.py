"""The view's details kept (graph.export.kept): a rebuild copies each drawn node's entry whose key it had, and the key
covers all an entry is made of, so the page is the same bytes as a build's without a cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pytest

from graph.cache import DETAILS, encode, output_version
from graph.export import details, kept
from graph.export.ranking import drawable_nodes
from graph.pipeline import build
from tests.conftest import SEEDS

SENTENCE = "会议要求各单位认真落实，确保各项工作取得实效。\n"


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> tuple[nx.MultiDiGraph, dict[str, int]]:
    """The seeds' graph as a graph that can be changed, and an id for each node the view can draw."""
    result = build([SEEDS], tmp_path_factory.mktemp("out"), formats=("ttl",))
    g = nx.MultiDiGraph(result.graph)
    drawable, _ = drawable_nodes(g)
    return g, {n: i for i, n in enumerate(sorted(drawable))}


def test_an_entry_reads_of_the_other_nodes_only_the_fields_the_key_takes_of_them(seed_graph) -> None:
    """Every other node's fields but details.OTHERS_READ changed at once: no entry changes (the key takes only those)."""
    g, ids = seed_graph
    before = {n: details.entry(g, n, ids) for n in ids}
    changed = g.copy()
    for n, d in changed.nodes(data=True):
        for field in set(d) - set(details.OTHERS_READ):
            d[field] = f"changed {field} of {n}"
    for n in ids:
        own = changed.nodes[n]
        saved = dict(own)
        own.clear()
        own.update(g.nodes[n])
        assert details.entry(changed, n, ids) == before[n], n
        own.clear()
        own.update(saved)
    # and the test can fail: a field it takes, changed, does change entries
    for d in changed.nodes.values():
        if "label" in d:
            d["label"] = "changed"
    assert sum(details.entry(changed, n, ids) != before[n] for n in ids) > len(ids) // 2


def test_an_entry_reads_no_edge_the_key_leaves_out(seed_graph) -> None:
    """The edges the key passes over (an in-edge of no item's relation, an out-edge of none) taken away: no entry changes."""
    g, ids = seed_graph
    before = {n: details.entry(g, n, ids) for n in ids}
    fewer = g.copy()
    # a pair of no item's relation (an article's mention) is read by neither end's entry (OUT_ITEM_RELS is a part of
    # it), nor by any other but a membership's (its role: the key takes a membership's out-edges whole)
    assert details.OUT_ITEM_RELS <= details.ITEM_RELS
    gone = [(u, v) for u, v in {(u, v) for u, v in g.edges()}
            if g._succ[u][v].keys().isdisjoint(details.ITEM_RELS) and g.nodes[u]["kind"] != "Membership"]
    assert gone  # the seeds' mentions
    fewer.remove_edges_from([(u, v, k) for u, v in gone for k in list(g._succ[u][v])])
    assert all(details.entry(fewer, n, ids) == before[n] for n in ids)


def _made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []
    entry = kept.entry
    monkeypatch.setattr(kept, "entry", lambda g, n, ids: made.append(n) or entry(g, n, ids))
    return made


def test_a_one_page_rebuild_makes_only_the_entries_the_page_changed_and_writes_the_same_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages, cache = tmp_path / "pages", tmp_path / "cache"
    shutil.copytree(SEEDS, pages)
    made = _made(monkeypatch)
    build([pages], tmp_path / "first", cache_dir=cache)
    drawn = len(made)
    assert drawn > 100 and (cache / DETAILS).is_file()
    page = sorted(pages.glob("*.txt"))[1]  # its last item gains a sentence: no node is drawn that was not (the ids hold)
    page.write_text(page.read_text(encoding="utf-8").rstrip() + SENTENCE, encoding="utf-8")
    made.clear()
    build([pages], tmp_path / "again", cache_dir=cache)
    assert 0 < len(made) < drawn // 10  # the article and the nodes it is a source of
    build([pages], tmp_path / "plain")
    assert (tmp_path / "again" / "graph.html").read_bytes() == (tmp_path / "plain" / "graph.html").read_bytes()


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '{"label": ', "</script><script>alert(1)</script>"])
def test_kept_texts_that_are_not_json_objects_are_no_entry(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer of the cache puts a text that is not a JSON object under every key: none is copied, the page is as made."""
    cache = tmp_path / "cache"
    build([SEEDS], tmp_path / "first", cache_dir=cache, formats=("html",))
    keys = list(kept.KeptDetails(cache)._old)
    (cache / DETAILS).write_bytes(encode({"texts": dict.fromkeys(keys, text), "version": output_version()}))
    made = _made(monkeypatch)
    build([SEEDS], tmp_path / "again", cache_dir=cache, formats=("html",))
    assert len(made) == len(keys)
    assert (tmp_path / "again" / "graph.html").read_bytes() == (tmp_path / "first" / "graph.html").read_bytes()


def test_rebuilds_after_random_edits_of_articles_write_what_builds_without_a_cache_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sentences added to random lines of random pages, round after round: each rebuild copies most entries (the ids
    mostly hold) and writes the page and the Turtle a build without a cache writes."""
    import random

    rng = random.Random(7)
    sentences = [SENTENCE.strip(), "活动现场气氛热烈，居民纷纷点赞。", "据了解，该项目预计年底完工。",
                 "街道相关负责人表示，下一步将继续加大工作力度。"]
    pages, cache = tmp_path / "pages", tmp_path / "cache"
    shutil.copytree(SEEDS, pages)
    files = sorted(pages.glob("*.txt"))
    made = _made(monkeypatch)
    build([pages], tmp_path / "out", cache_dir=cache)
    drawn, copied = len(made), 0
    for n in range(4):
        page = rng.choice(files)
        lines = page.read_text(encoding="utf-8").split("\n")
        at = rng.randrange(len(lines))
        lines[at] += rng.choice(sentences)
        page.write_text("\n".join(lines), encoding="utf-8")
        made.clear()
        build([pages], tmp_path / "out", cache_dir=cache)
        copied += drawn - len(made)
        build([pages], tmp_path / f"plain{n}")
        for name in ("graph.html", "graph.ttl"):
            assert (tmp_path / "out" / name).read_bytes() == (tmp_path / f"plain{n}" / name).read_bytes(), (n, name)
    assert copied > 2 * drawn  # most of the four rounds' entries were copied, not made

"""The Turtle writer's keys of a built graph's blocks: read from the graph's arrays, never from its texts on disk.

A rebuild copies the block of every subject whose key the last file held
(graph.export.reuse), so a key must change with anything its block is made
of (its data, texts on disk included, its out-edges and their data, their
objects' IRIs, the base) and with nothing else.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from graph.compact import CompactGraph, GraphBuilder
from graph.export.rdf import edge_predicates
from graph.export.turtle import _Subjects
from graph.pipeline import build
from graph.spill import Spill
from tests.conftest import SEEDS

POSTS = Path(__file__).resolve().parent / "pages" / "posts"

BASE = "https://example.org/kg/"
BODY = "本报讯 中原区秦岭路街道办事处召开安全生产工作会议。\n记者 景静"


def _graph(spill: Spill, body: str = BODY, label: str = "中原区", source: str = "text", city: str = BASE + "city",
           base: str = BASE) -> CompactGraph:
    b = GraphBuilder()
    b.node("a", kind="Article", iri=BASE + "a", headline="安全生产会议", body=spill.put(body), source_file="p.txt")
    b.node("d", kind="District", iri=BASE + "d", label=label)
    b.node("c", kind="City", iri=city, label="郑州市")
    b.add("d", "c", "containedInPlace", source=source)
    b.add("d", "a", "derivedFrom")
    b.add("c", "a", "derivedFrom")
    return b.freeze(base=base)


def _keys(g: nx.MultiDiGraph) -> dict[str, str | None]:
    subjects = _Subjects.of(g)
    assert subjects is not None
    return {n: subjects.key(n) for n in g}


def test_a_graph_built_alike_keys_alike_wherever_its_texts_lie_on_disk_and_reads_none_back(tmp_path: Path, monkeypatch) -> None:
    first, other = Spill(tmp_path), Spill(tmp_path)
    other.put("一段别的文字，把正文挤到文件的另一处")  # the body lies elsewhere in the second file
    keys = _keys(_graph(first))
    monkeypatch.setattr(Spill, "read", lambda *a: pytest.fail("a text on disk was read back to key a block"))
    assert _keys(_graph(other)) == keys
    assert len(set(keys.values())) == 3


@pytest.mark.parametrize(
    ("change", "moved"),
    [
        ({"body": BODY.replace("景静", "鲁燕")}, {"a"}),  # a text on disk
        ({"label": "二七区"}, {"d"}),  # a node's own data
        ({"source": "text+gazetteer"}, {"d"}),  # an out-edge's data
        ({"city": BASE + "zhengzhou"}, {"c", "d"}),  # a node's IRI: its own block, and the block that points at it
        ({"base": "https://example.org/other/"}, {"a", "c", "d"}),
    ],
)
def test_a_block_s_key_changes_with_what_the_block_is_made_of_and_no_other_does(
    tmp_path: Path, change: dict[str, str], moved: set[str]
) -> None:
    spill = Spill(tmp_path)
    before, after = _keys(_graph(spill)), _keys(_graph(spill, **change))
    assert {n for n in before if before[n] != after[n]} == moved


@pytest.mark.parametrize("pages", [SEEDS, POSTS])  # POSTS: dated posts, whose intervals and instants are subjects too
def test_a_built_graph_s_subjects_ordered_over_its_arrays_are_in_the_order_its_edges_give(tmp_path: Path, pages: Path) -> None:
    g = build([pages], tmp_path / "out", formats=()).graph
    assert isinstance(g, CompactGraph)
    from_arrays, from_edges = _Subjects.of(g), _Subjects.of(nx.MultiDiGraph(g))
    assert from_arrays is not None and from_edges is not None
    assert from_arrays.table is not None and from_edges.table is None  # the copy is walked edge by edge
    table = from_arrays.table
    counts = table.in_counts(lambda keyed: sum(len(edge_predicates(rel, d)) for rel, d in keyed.items()))
    walked: Counter[str] = Counter()
    for _, v, rel, d in g.edges(keys=True, data=True):
        walked[v] += len(edge_predicates(rel, d))
    assert {table.ids[i]: int(c) for i, c in enumerate(counts) if c} == +walked
    assert sum(walked.values()) > g.number_of_nodes()  # most subjects are the object of a triple or more
    ordered = [(str(s), str(h)) for s, h in from_arrays.order()]
    assert ordered == [(str(s), str(h)) for s, h in from_edges.order()]
    extra = [i for i, (s, h) in enumerate(ordered) if s == h]  # the posts' intervals and instants: their own handles
    assert pages == SEEDS or (0 < extra[0] and extra[-1] < len(ordered) - 1)  # put among the nodes, not before or after them


@pytest.mark.parametrize("pages", [SEEDS, POSTS])
def test_every_node_s_key_made_in_one_pass_is_the_digest_of_what_its_block_is_made_of(tmp_path: Path, pages: Path) -> None:
    """The keys a rebuild's Turtle writer makes for all nodes at once, over slices of the arrays, are each node's
    digest as the key is defined (`_Subjects._table_key`): the base, its row's length and bytes, its out-pairs'
    objects' IRIs, then their maps, node by node, here in a loop of the test's own."""
    import hashlib

    g = build([pages], tmp_path / "out", formats=()).graph
    subjects = _Subjects.of(g)
    assert isinstance(g, CompactGraph) and subjects is not None and subjects.table is not None
    table, base = subjects.table, str(subjects.base).encode("utf-8") + b"\x00"
    off, nbr, maps = table.succ
    iris = [hashlib.blake2b(i.encode("utf-8"), digest_size=16).digest() for _, i in table.column("iri")]

    def key(i: int) -> str:
        row = table.row_bytes(i)
        pairs = range(off[i], off[i + 1])
        made_of = base + len(row).to_bytes(8, "little") + row + b"".join(iris[nbr[j]] for j in pairs)
        return hashlib.blake2b(made_of + b"".join(table.map_digests[maps[j]] for j in pairs), digest_size=16).hexdigest()

    assert [subjects.key(n) for n in table.ids] == [key(i) for i in range(len(table.ids))]
    assert len(table.ids) > 20 and any(off[i + 1] - off[i] > 3 for i in range(len(table.ids)))


def _posted(**iris: str | None) -> CompactGraph:
    """A post reported on one day, its person and an article, with the IRIs given (None: the node has none)."""
    b = GraphBuilder()
    named = {"m": BASE + "membership/m", "p": BASE + "person/p", "a": BASE + "article/a", **iris}
    b.node("m", kind="Membership", label="主任", first="2024-03-20", last="2024-03-20")
    b.node("p", kind="Person", label="李明")
    b.node("a", kind="Article", headline="会议", source_file="p.txt")
    for n, iri in named.items():
        if iri is not None:
            b.node(n, iri=iri)
    b.add("m", "p", "member")
    b.add("m", "a", "derivedFrom")
    return b.freeze(base=BASE)


@pytest.mark.parametrize("iris", [
    {},  # written subject by subject
    {"p": BASE + "article/a"},  # two nodes on one IRI
    {"p": None},  # a node with none
    {"p": "http://www.w3.org/ns/org#Post"},  # one in a bound namespace
    {"p": BASE + "interval/2024-03-20_2024-03-20"},  # one that is the post's interval
    {"a": BASE + "date/2024-03-20"},  # one that is its day
])
def test_a_built_graph_is_written_subject_by_subject_exactly_when_its_edges_would_be(iris: dict) -> None:
    g = _posted(**iris)
    from_arrays, from_edges = _Subjects.of(g), _Subjects.of(nx.MultiDiGraph(g))
    assert (from_arrays is None) == (from_edges is None) == bool(iris)
    if from_arrays is not None and from_edges is not None:
        assert [(str(s), str(h)) for s, h in from_arrays.order()] == [(str(s), str(h)) for s, h in from_edges.order()]


def test_values_are_keyed_by_what_they_are_not_by_which_objects_hold_them(tmp_path: Path, monkeypatch) -> None:
    import datetime as dt
    import sys

    from graph.spill import values_bytes

    shared = sys.intern("秦岭路街道办事处")
    built = "".join(["秦岭路", "街道办事处"])
    assert values_bytes((shared, shared, (shared,))) == values_bytes((built, "".join(["秦岭路街道", "办事处"]), (built,)))
    # values equal in Python but of other types, or another shape, are other values
    alike = [(1,), (True,), (1.0,), ("1",), ([1],), ((1,),), (None,), (b"1",)]
    assert len({values_bytes(v) for v in alike}) == len(alike)
    # a text kept on disk stands as its digest: not as the bytes of that digest held in memory, nor as its text
    spill = Spill(tmp_path)
    body = spill.put(BODY)
    assert values_bytes((body,)) != values_bytes((body.digest.to_bytes(16, "little"),))
    assert values_bytes((body,)) != values_bytes((BODY,))
    assert values_bytes((body,)) == values_bytes((Spill(tmp_path).put(BODY),))
    # a value of a type marshal does not write as itself is keyed as equal to no other, itself included: a bytearray
    # or numpy's integers would be written as the bytes they hold, a str subclass (rdflib's Literal) refused, a text
    # on disk inside a tuple read back
    import numpy as np

    class Tagged(str):
        pass

    monkeypatch.setattr(Spill, "read", lambda *a: pytest.fail("a text on disk was read back to key a value"))
    for odd, plain in [(bytearray(b"ab"), b"ab"), (np.int8(1), b"\x01"), (Tagged("x"), "x"), ((body,), (BODY,)),
                       (dt.date(2024, 3, 1), "2024-03-01")]:
        assert values_bytes((odd,)) != values_bytes((plain,))
        assert values_bytes((odd,)) != values_bytes((odd,))
        assert values_bytes(("a", (odd,))) != values_bytes(("a", (odd,)))

"""Rebuilds with a cache: nothing changed -> nothing loaded or written; a page changed -> a full build's bytes."""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import math
import os
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import read
from graph.cache import SUFFIX, PageCache, decode, encode, output_version
from graph.cli import main
from graph.errors import GraphError
from graph.export import layout
from graph.export.turtle import _Subjects
from graph.pipeline import build
from tests.conftest import SEEDS

EDIT = "\n\n本报讯 二七区淮河路街道召开安全生产会议。\n记者 景静\n"


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(p, folder / p.name)
    return folder


def files_of(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_an_unchanged_rebuild_loads_and_writes_nothing_and_says_so(pages: Path, tmp_path: Path, monkeypatch) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build([pages], out, cache_dir=cache)
    before = files_of(out)
    assert first.unchanged is None

    def no_loading(*args: object) -> None:
        raise AssertionError("a stored page was loaded")

    with monkeypatch.context() as m:
        m.setattr(PageCache, "load", no_loading)
        again = build([pages], out, cache_dir=cache)
        assert again.unchanged is not None
        assert files_of(out) == before  # same bytes, and not written again (same times)
        assert again.summary() == first.summary() and again.reports == first.reports
        assert again.nodes() == first.graph.number_of_nodes()
        assert sorted(again.written) == sorted(first.written) and again.record == out / "build.json"
    assert sorted(again.graph.nodes) == sorted(first.graph.nodes)  # made when asked for
    assert again.corpus == first.corpus
    assert gc.isenabled()  # as it was: making them pauses the collector
    said = CliRunner().invoke(main, ["build", str(pages), "--out", str(out), "--cache", str(cache)])
    assert said.exit_code == 0, said.output
    assert "nothing changed since the last build" in said.output and "wrote" not in said.output
    assert files_of(out) == before
    store = tmp_path / "store"  # a store is written all the same (from the graph made then), and said to be
    for _ in range(2):
        said = CliRunner().invoke(main, ["build", str(pages), "--out", str(out), "--cache", str(cache), "--store", str(store)])
        assert said.exit_code == 0, said.output
    assert "nothing changed since the last build" in said.output and f"wrote {store}" in said.output.splitlines()
    assert [ln for ln in said.output.splitlines() if ln.startswith("wrote")] == [f"wrote {store}"]


@pytest.mark.parametrize("touched", ["graph.ttl", "graph.html", "build.json"])
def test_an_edited_or_missing_output_file_is_written_again(pages: Path, tmp_path: Path, touched: str) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([pages], out, cache_dir=cache)
    before = {name: data for name, (data, _) in files_of(out).items()}
    (out / touched).write_bytes(before[touched] + b"\n")
    again = build([pages], out, cache_dir=cache)
    assert again.unchanged is None
    assert {name: data for name, (data, _) in files_of(out).items()} == before
    (out / touched).unlink()
    assert build([pages], out, cache_dir=cache).unchanged is None
    assert {name: data for name, (data, _) in files_of(out).items()} == before


def test_other_formats_or_another_title_are_not_taken_as_unchanged(pages: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([pages], out, cache_dir=cache)
    more = build([pages], out, formats=("ttl", "html", "nt"), cache_dir=cache)
    assert more.unchanged is None and (out / "graph.nt").is_file()
    assert build([pages], out, formats=("ttl", "html", "nt"), cache_dir=cache).unchanged is not None
    assert build([pages], out, formats=("ttl", "html", "nt"), cache_dir=cache, title="другой").unchanged is None


def test_a_rebuild_after_an_edit_equals_a_full_build_byte_for_byte(pages: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([pages], out, cache_dir=cache)
    page = sorted(pages.glob("*.txt"))[1]
    page.write_text(page.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    rebuilt = build([pages], out, cache_dir=cache)
    assert rebuilt.unchanged is None
    build([pages], tmp_path / "full")
    assert {n: d for n, (d, _) in files_of(out).items()} == {n: d for n, (d, _) in files_of(tmp_path / "full").items()}
    assert build([pages], out, cache_dir=cache).unchanged is not None  # and then nothing changed again
    assert "淮河路街道" in (out / "graph.ttl").read_text(encoding="utf-8")


def _made_blocks(monkeypatch) -> list[object]:
    """The subjects whose Turtle block the next export makes (the others are copied from the last file)."""
    made: list[object] = []
    real_props, real_block = _Subjects.props, _Subjects.block

    def block(self: _Subjects, handle: object, terms: object) -> object:  # written as text, or by `props` if None
        text = real_block(self, handle, terms)  # type: ignore[arg-type]
        if text is not None:
            made.append(handle)
        return text

    monkeypatch.setattr(_Subjects, "props", lambda self, handle: made.append(handle) or real_props(self, handle))
    monkeypatch.setattr(_Subjects, "block", block)
    return made


def test_a_rebuild_copies_the_turtle_blocks_of_what_did_not_change(pages: Path, tmp_path: Path, monkeypatch) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build([pages], out, cache_dir=cache)
    page = sorted(pages.glob("*.txt"))[1]
    page.write_text(page.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    made = _made_blocks(monkeypatch)
    rebuilt = build([pages], out, cache_dir=cache)
    nodes = rebuilt.graph.number_of_nodes()
    assert 0 < len(made) < nodes // 4, (len(made), nodes)  # the new article, its entities, what now points at them
    assert rebuilt.graph.number_of_nodes() > first.graph.number_of_nodes()
    monkeypatch.undo()
    build([pages], tmp_path / "full")
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()


def test_a_turtle_file_changed_since_it_was_written_is_not_copied_from(pages: Path, tmp_path: Path, monkeypatch) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([pages], out, cache_dir=cache)
    ttl = out / "graph.ttl"
    ttl.write_bytes(ttl.read_bytes().replace("街道".encode(), "街巷".encode(), 1))  # same length, other bytes
    page = sorted(pages.glob("*.txt"))[1]
    page.write_text(page.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    made = _made_blocks(monkeypatch)
    rebuilt = build([pages], out, cache_dir=cache)
    assert len(made) >= rebuilt.graph.number_of_nodes()  # every block made again
    monkeypatch.undo()
    build([pages], tmp_path / "full")
    assert ttl.read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()


def test_blocks_an_index_places_where_the_file_holds_none_are_made_not_copied(pages: Path, tmp_path: Path, monkeypatch) -> None:
    # an index of the right file whose places are shifted (forged, or written by a writer gone wrong): a block read
    # there that does not begin a line is made again
    from graph.cache import BlockIndex

    out, cache = tmp_path / "out", tmp_path / "cache"
    build([pages], out, cache_dir=cache)
    index = BlockIndex(cache).load()
    assert index["keys"]
    index["offsets"] = [o + 1 for o in index["offsets"][:-1]] + list(index["offsets"][-1:])
    BlockIndex(cache).store({k: v for k, v in index.items() if k != "version"})
    page = sorted(pages.glob("*.txt"))[1]
    page.write_text(page.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    made = _made_blocks(monkeypatch)
    rebuilt = build([pages], out, cache_dir=cache)
    assert len(made) >= rebuilt.graph.number_of_nodes() - 1  # all but (at most) the last block made again
    monkeypatch.undo()
    build([pages], tmp_path / "full")
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()


def test_a_note_that_names_other_files_is_not_trusted(pages: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([pages], out, cache_dir=cache)
    note = next((cache / "notes").glob("*.note"))
    value = decode(note.read_bytes())
    value["exports"]["ttl|knowledge graph"] = (("../elsewhere.ttl", value["exports"]["ttl|knowledge graph"][0][1]),)
    note.write_bytes(encode(value))
    assert build([pages], out, cache_dir=cache).unchanged is None
    note.write_bytes(note.read_bytes()[:-1] + b"x")  # damaged: its digest fails
    assert build([pages], out, cache_dir=cache).unchanged is None
    assert build([pages], out, cache_dir=cache).unchanged is not None  # the note written again


@pytest.mark.parametrize("forged", ["another format's file", "a file elsewhere", "an endless node count", "no counts",
                                    "entities as a number", "a report of numbers"])
def test_a_forged_note_never_leaves_a_stale_export_nor_stops_the_build(pages: Path, tmp_path: Path, forged: str) -> None:
    """A note with a good digest but what no build writes (someone could plant it): a miss, never a skipped export or a crash."""
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([pages], out, cache_dir=cache)
    good = files_of(out)
    note = next((cache / "notes").glob("*.note"))
    value = decode(note.read_bytes())
    html = value["exports"]["html|knowledge graph"]
    value.update({
        "another format's file": {"exports": {**value["exports"], "ttl|knowledge graph": html}},
        "a file elsewhere": {"exports": {**value["exports"], "ttl|knowledge graph": [("../x.ttl", html[0][1])]}},
        "an endless node count": {"nodes": float("inf")},
        "no counts": {"counts": {}},
        "entities as a number": {"counts": {**value["counts"], "entities": 5}},
        "a report of numbers": {"reports": [[1, 2, 3]]},
    }[forged])
    note.write_bytes(encode(value))
    (out / "graph.ttl").write_bytes(b"stale")
    result = CliRunner().invoke(main, ["build", str(pages), "--out", str(out), "--cache", str(cache)])
    assert result.exit_code == 0 and result.exception is None, result.output
    assert files_of(out)["graph.ttl"][0] == good["graph.ttl"][0]  # written again, as a full build writes it
    assert build([pages], out, cache_dir=cache).unchanged is not None  # a whole note written in its place


def test_a_result_asked_for_its_graph_after_its_pages_changed_says_so_and_stores_nothing(pages: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    (pages / "zz.txt").write_text("", encoding="utf-8")  # skipped: never stored, so read again when the graph is made
    first = build([pages], out, cache_dir=cache)
    same = build([pages], out, cache_dir=cache)
    assert same.unchanged is not None
    (pages / "zz.txt").write_text((sorted(pages.glob("*.txt"))[0]).read_text(encoding="utf-8"), encoding="utf-8")
    stored = sorted(p for p in cache.rglob("*") if p.is_file())
    with pytest.raises(GraphError, match="a page changed since this build found nothing changed"):
        same.graph.number_of_nodes()
    assert sorted(p for p in cache.rglob("*") if p.is_file()) == stored  # nothing stored under the old key
    assert gc.isenabled()
    (pages / "zz.txt").write_text("", encoding="utf-8")
    assert build([pages], tmp_path / "again", cache_dir=cache).summary() == first.summary()


def test_build_json_names_the_sha1_of_each_page_and_file_in_every_kind_of_rebuild(pages: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"

    def as_on_disk() -> None:
        record = json.loads((out / "build.json").read_text(encoding="utf-8"))
        assert record["outputs"] == {n: hashlib.sha1((out / n).read_bytes()).hexdigest() for n in ("graph.html", "graph.ttl")}
        assert {i["file"]: i["sha1"] for i in record["inputs"]} == {
            p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in pages.glob("*.txt")}

    build([pages], out, cache_dir=cache)
    as_on_disk()
    (out / "graph.html").unlink()  # the view written again, the Turtle left as the note says it was written
    build([pages], out, cache_dir=cache)
    as_on_disk()
    (out / "build.json").unlink()  # nothing changed but the record: every export left as it was, build.json written again
    build([pages], out, cache_dir=cache)
    as_on_disk()
    assert build([pages], out, cache_dir=cache).unchanged is not None  # its record made with the note's digests
    page = sorted(pages.glob("*.txt"))[0]
    page.write_text(page.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    build([pages], out, cache_dir=cache)
    as_on_disk()


OLD = "本报讯 中原区秦岭路街道办事处召开安全生产工作会议。\n记者 王晓\n"
NEW = "本报讯 金水区花园路街道办事处开展消防安全检查。\n记者 王晓\n"


def rewritten_when_read(monkeypatch: pytest.MonkeyPatch, page: Path, text: str | None, after: str | None = None) -> None:
    """`page` gets `text` (None: is removed) as the build reads it for its result, after the build took its key from the
    bytes it had; and `after`, if given, once it is read."""
    real = read._read_bytes

    def reading(path: Path, max_bytes: int) -> bytes:
        if Path(path) != page:
            return real(path, max_bytes)
        if text is None:
            page.unlink()
        else:
            page.write_text(text, encoding="utf-8")
        try:
            return real(path, max_bytes)
        finally:
            if after is not None:
                page.write_text(after, encoding="utf-8")

    monkeypatch.setattr(read, "_read_bytes", reading)


def two_pages(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "pages"
    folder.mkdir()
    page = folder / "2024-03-05_01.txt"
    page.write_text(OLD, encoding="utf-8")
    (folder / "2024-03-05_02.txt").write_text("本报讯 二七区淮河路街道举办文明实践活动。\n记者 景静\n", encoding="utf-8")
    return folder, page


def labels(r: object) -> set[str]:
    return {str(d.get("label")) for _, d in r.graph.nodes(data=True)}  # type: ignore[attr-defined]


def test_a_page_rewritten_while_the_build_reads_it_is_stored_as_what_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    folder, page = two_pages(tmp_path)
    out, cache = tmp_path / "out", tmp_path / "cache"
    with monkeypatch.context() as m, caplog.at_level(logging.WARNING, logger="newskg"):
        rewritten_when_read(m, page, NEW, after="本报讯 惠济区迎宾路街道开展义诊活动。\n")
        built = build([folder], out, cache_dir=cache)
    assert "1 page(s) changed while this build read them" in caplog.text
    assert "花园路街道" in labels(built) and "秦岭路街道" not in labels(built)
    inputs = {i["file"]: i["sha1"] for i in json.loads((out / "build.json").read_text(encoding="utf-8"))["inputs"]}
    assert inputs[page.name] == hashlib.sha1(NEW.encode("utf-8")).hexdigest()  # the bytes the graph was made from
    page.write_text(OLD, encoding="utf-8")  # back to the bytes its key was taken from: their result was never stored
    again = build([folder], out, cache_dir=cache)
    assert "秦岭路街道" in labels(again) and "花园路街道" not in labels(again)


@pytest.mark.parametrize("text", [NEW, "", None], ids=["rewritten", "emptied", "removed"])
def test_a_page_rewritten_while_the_build_reads_it_leaves_no_export_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str | None
) -> None:
    folder, page = two_pages(tmp_path)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([folder], out, cache_dir=cache)  # its note: these pages' exports
    (out / "build.json").unlink()  # so the next build is made, not found unchanged
    for entry in cache.glob(f"??/*{SUFFIX}"):  # and its pages read again
        entry.unlink()
    with monkeypatch.context() as m:
        rewritten_when_read(m, page, text)
        build([folder], out, cache_dir=cache)
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "秦岭路街道" not in turtle  # not left as the note said the pages' exports were
    assert ("花园路街道" in turtle) == (text == NEW)


def test_a_result_asked_for_after_a_page_changed_as_it_was_read_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, page = two_pages(tmp_path)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([folder], out, cache_dir=cache)
    same = build([folder], out, cache_dir=cache)
    assert same.unchanged is not None
    for entry in cache.glob(f"??/*{SUFFIX}"):  # its pages read again when its graph is asked for
        entry.unlink()
    with monkeypatch.context() as m:
        rewritten_when_read(m, page, NEW)
        with pytest.raises(GraphError, match="a page changed since this build found nothing changed"):
            same.graph.number_of_nodes()


def test_a_same_named_page_rewritten_as_it_is_read_takes_its_id_tag_from_the_bytes_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder, text in (("a", OLD), ("b", "本报讯 二七区淮河路街道举办文明实践活动。\n记者 景静\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "A08.txt").write_text(text, encoding="utf-8")
    with monkeypatch.context() as m:
        rewritten_when_read(m, tmp_path / "b" / "A08.txt", NEW, after="本报讯 惠济区迎宾路街道开展义诊活动。\n")
        built = build([tmp_path / "a", tmp_path / "b"], None)
    tag = hashlib.sha1(NEW.encode("utf-8")).hexdigest()[:6]  # not the digest of what the file holds afterwards
    articles = {n for n, kind in built.graph.nodes(data="kind") if kind == "Article"}
    assert articles == {"Article:A08-01", f"Article:A08-{tag}-01"}
    with pytest.raises(GraphError, match="a page changed since this build: build again"):
        _ = built.corpus  # made again from the pages, which now hold other bytes than the graph was made from


@pytest.mark.parametrize("cached", [False, True])
def test_the_corpus_asked_for_after_a_page_it_could_not_read_became_readable_is_refused(tmp_path: Path, cached: bool) -> None:
    """An empty page filled after the build: the corpus made again would hold an article the graph does not."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "A08.txt").write_text(OLD, encoding="utf-8")
    (folder / "A09.txt").write_text("", encoding="utf-8")
    calls: list[int] = []
    built = build([folder], None, cache_dir=tmp_path / "cache" if cached else None, progress=lambda *a: calls.append(1))
    assert [r.path.endswith("A09.txt") for r in built.reports] == [True] and calls
    (folder / "A09.txt").write_text(NEW, encoding="utf-8")
    seen = len(calls)
    with pytest.raises(GraphError, match="a page changed since this build: build again"):
        _ = built.corpus
    assert len(calls) == seen  # made again without the build's progress


def test_the_corpus_asked_for_after_the_build_is_the_build_s(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "A08.txt").write_text(OLD, encoding="utf-8")
    (folder / "A09.txt").write_text("", encoding="utf-8")
    built = build([folder], None)
    assert [a.id for a in built.corpus.articles] == ["A08-01"] and len(built.corpus.reports) == 1


def test_every_page_read_but_a_skipped_one_is_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = two_pages(tmp_path)
    (folder / "标题.txt").write_text("第三版 要闻\n", encoding="utf-8")  # read, but holds no news item
    (folder / os.fsdecode(b"bad\xff.txt")).write_text(OLD, encoding="utf-8")  # built under another name
    (folder / "empty.txt").write_text("", encoding="utf-8")  # skipped: not stored
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build([folder], out, cache_dir=cache)
    assert len([r for r in first.reports if r.skipped]) == 1
    assert len(list(cache.glob(f"??/*{SUFFIX}"))) == 4
    real = read._read_bytes

    def only_the_skipped_one(path: Path, max_bytes: int) -> bytes:
        assert Path(path).name == "empty.txt", f"{path} was stored, yet read again"
        return real(path, max_bytes)

    with monkeypatch.context() as m:
        m.setattr(read, "_read_bytes", only_the_skipped_one)
        (out / "build.json").unlink()
        again = build([folder], out, cache_dir=cache)
    assert again.summary() == first.summary()


def exhaustive_flow(
    roots: list[str], children: dict[str, list[str]], rows: dict[str, int], depth: dict[str, int], aspect: float
) -> tuple[list[str], list[list[str]]]:
    """The tree layout's search as it was first written: every column height in turn, each flowed block by block."""
    best = None
    gaps = sum(len(children[r]) for r in roots) + len(roots)
    for height in range(1, sum(rows[r] for r in roots) + gaps + 1):
        hubs = [r for r in roots if rows[r] > height and children[r]]
        blocks = [b for r in roots for b in (children[r] if r in hubs else [r])]
        flow: list[list[str]] = [[]]
        used = 0
        for b in blocks:
            need = rows[b] + (1 if flow[-1] else 0)
            if flow[-1] and used + need > height:
                flow.append([])
                used, need = 0, rows[b]
            flow[-1].append(b)
            used += need
        width = (1 if hubs else 0) + sum(max(depth[b] for b in col) + 0.5 for col in flow)
        tall = max(sum(rows[b] + 1 for b in col) - 1 for col in flow)
        fit = abs(math.log(width * layout.TREE_DX / (tall * layout.TREE_DY) / aspect))
        if best is None or fit < best[0] - 1e-9:
            best = (fit, hubs, flow)
    assert best is not None
    return best[1], best[2]


@pytest.mark.parametrize("seed", range(40))
def test_the_tree_layout_s_search_skips_only_heights_that_change_nothing(seed: int) -> None:
    rng = random.Random(seed)
    roots = [f"r{i}" for i in range(rng.randint(1, 6))]
    children: dict[str, list[str]] = {}
    rows: dict[str, int] = {}
    depth: dict[str, int] = {}

    def grow(n: str, level: int) -> None:
        kids = [f"{n}.{k}" for k in range(rng.choice((0, 0, 1, 3, 8)) if level < 3 else 0)]
        children[n] = kids
        for k in kids:
            grow(k, level + 1)
        rows[n] = sum(rows[k] for k in kids) or 1
        depth[n] = 1 + max((depth[k] for k in kids), default=0)

    for r in roots:
        grow(r, 0)
    for aspect in (0.5, layout.TREE_ASPECT, 3.0):
        assert layout._best_flow(roots, children, rows, depth, aspect) == exhaustive_flow(roots, children, rows, depth, aspect)


def test_the_slugs_of_a_build_are_kept_for_the_next_and_checked(pages: Path, tmp_path: Path) -> None:
    from graph import iri
    from graph.cache import SlugCache

    cache = tmp_path / "cache"
    first = build([pages], tmp_path / "out", cache_dir=cache)
    kept = SlugCache(cache).load()
    labels = {d["label"] for _, d in first.graph.nodes(data=True) if d["kind"] in ("Person", "Organization", "StreetOffice")}
    assert labels and labels <= set(kept)
    saved = dict(iri._SLUGS)
    try:
        iri._SLUGS.clear()
        assert all(iri.slug(name) == s for name, s in kept.items())  # the same slugs, computed afresh
        iri._SLUGS.clear()
        iri.use_slugs({"秦岭路": "Qin Ling!", "郑州": "-zheng-", 3: "x", "中原": "zhong-yuan"})
        assert iri._SLUGS == {"中原": "zhong-yuan"}  # only what a slug can be
    finally:
        iri._SLUGS.clear()
        iri._SLUGS.update(saved)
    (cache / "slugs.entry").write_bytes(encode({"version": "another", "slugs": kept}))
    assert SlugCache(cache).load() == {}  # another code's slugs are not used
    (cache / "slugs.entry").write_bytes(encode({"version": output_version(), "slugs": kept})[:-1] + b"x")
    assert SlugCache(cache).load() == {}  # a damaged file: its digest fails

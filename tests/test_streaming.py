"""What the speed and memory work changed in how a build runs, and what it must not change: the output."""

from __future__ import annotations

from pathlib import Path

from graph.export import html as view
from graph.export.rdf import to_turtle, write_turtle
from graph.pages import process_page, process_pages, release_models
from graph.pipeline import build
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

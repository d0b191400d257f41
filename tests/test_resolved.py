"""The pages as the resolution read them, kept for the next build: a rebuild folds their Parts instead of resolving
them again, and writes what a build without a cache writes."""

from __future__ import annotations

import dataclasses
import logging
import shutil
from pathlib import Path

import pytest

from graph.cache_codec import encode
from graph.fold import packed, unpacked
from graph.gazetteer import load as load_gazetteer
from graph.pipeline import build
from graph.resolve import Resolver
from graph.resolved import ResolvedPages
from tests.conftest import ROOT, SEEDS

# an item two pages print (a reprint: the same body), and one a rebuild's page gains
ITEM = ("\n\n本报讯 二七区淮河路街道办事处近日组织辖区各社区开展消防安全知识宣传活动，街道党工委书记李建国带队检查沿街"
        "商铺的消防设施，要求各社区落实安全生产责任。\n记者 景静\n")
EDIT = "\n\n本报讯 中原区秦岭路街道办事处主任杨春晓带队检查辖区安全生产工作。\n记者 鲁燕\n"


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for p in [*sorted(SEEDS.glob("*.txt"))[:3], *sorted((ROOT / "tests" / "pages" / "genre").glob("*.txt"))[:4]]:
        shutil.copy(p, folder / p.name)
    return folder


def exports(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("graph.ttl", "graph.html")}


def resolved_pages(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Resolver.add_page counted: the pages a build resolves from their results, not from the Parts it kept."""
    seen: list[int] = []
    add_page = Resolver.add_page
    monkeypatch.setattr(Resolver, "add_page", lambda self, *a, **k: seen.append(1) or add_page(self, *a, **k))
    return seen


def test_a_rebuild_folds_the_pages_it_kept_and_writes_what_a_build_without_a_cache_writes(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    counted = resolved_pages(monkeypatch)
    build([pages], tmp_path / "out", cache_dir=cache)
    assert len(counted) == 7 and (cache / "resolved.pack").is_file()  # every page resolved, and kept
    changed = sorted(pages.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    counted.clear()
    build([pages], tmp_path / "out", cache_dir=cache)
    assert len(counted) == 1  # the changed page alone: the others' Parts were folded
    build([pages], tmp_path / "plain")
    assert exports(tmp_path / "out") == exports(tmp_path / "plain")
    assert "杨春晓" in exports(tmp_path / "out")["graph.ttl"].decode("utf-8")


def test_a_reprint_whose_first_printing_is_taken_away_is_read_from_the_parts_its_other_page_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which printing of an item is resolved depends on the pages before it: a page keeps its reprints' Parts too."""
    folder = tmp_path / "pages"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    first, second, third = (folder / p.name for p in seeds)
    for page, seed in zip((first, second, third), seeds, strict=True):
        page.write_text(seed.read_text(encoding="utf-8") + (ITEM if page != third else ""), encoding="utf-8")
    cache = tmp_path / "cache"
    build([folder], tmp_path / "out", cache_dir=cache)
    counted = resolved_pages(monkeypatch)
    for edit in (lambda: third.write_text(third.read_text(encoding="utf-8") + EDIT, encoding="utf-8"),  # both kept
                 lambda: first.write_text(first.read_text(encoding="utf-8").replace(ITEM, ""), encoding="utf-8")):
        edit()
        counted.clear()
        build([folder], tmp_path / "out", cache_dir=cache)
        assert len(counted) == 1
        build([folder], tmp_path / "plain")
        assert exports(tmp_path / "out") == exports(tmp_path / "plain")
        assert "李建国" in exports(tmp_path / "out")["graph.ttl"].decode("utf-8")


def _forged(cache: Path, change) -> None:  # noqa: ANN001 (a function of a ResolvedPage and its Pack)
    """The cache's pack written again, each page as `change(page)` gives it (its digest made right: a forgery)."""
    old = ResolvedPages(cache)
    pages = [old.get(k) for k in list(old._where)]
    old.close()
    new = ResolvedPages(cache)
    for page in pages:
        assert page is not None
        new._append(page.key, encode(change(page)))
    new.finish()


def _cut(cache: Path) -> None:
    pack = cache / "resolved.pack"
    pack.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])


def _flipped(cache: Path) -> None:
    pack = cache / "resolved.pack"
    data = bytearray(pack.read_bytes())
    data[len(data) // 3] ^= 0x01
    pack.write_bytes(bytes(data))


DAMAGE = {
    "a flipped byte": _flipped,
    "cut short": _cut,
    "forged parts": lambda cache: _forged(cache, lambda p: dataclasses.replace(p, parts=packed([((("k", 1),),)]))),  # type: ignore[list-item]
    "another page's entry": lambda cache: _forged(cache, lambda p: dataclasses.replace(p, key="0" * 40)),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_pages_as_resolved_are_read_from_their_results_with_a_warning(
    pages: Path, tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    build([pages], tmp_path / "out", cache_dir=cache)
    DAMAGE[damage](cache)
    changed = sorted(pages.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    counted = resolved_pages(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="newskg"):
        build([pages], tmp_path / "out", cache_dir=cache)
    assert len(counted) > 1  # pages read from their results, not from what was damaged
    warned = [r.getMessage() for r in caplog.records if "unusable" in r.getMessage()]
    assert len(warned) == 1, warned  # one warning, however many of its pages it spoils
    build([pages], tmp_path / "plain")
    assert exports(tmp_path / "out") == exports(tmp_path / "plain")
    caplog.clear()
    counted.clear()
    changed.write_text(changed.read_text(encoding="utf-8").replace(EDIT, ""), encoding="utf-8")
    build([pages], tmp_path / "out", cache_dir=cache)  # the damaged file was replaced by the build
    assert len(counted) == 1 and not [r for r in caplog.records if "unusable" in r.getMessage()]


def test_a_build_that_stops_before_every_page_is_read_leaves_the_last_pages_as_resolved(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    build([pages], tmp_path / "out", cache_dir=cache)
    before = (cache / "resolved.pack").read_bytes()
    calls: list[int] = []
    fold = Resolver.fold

    def failing(self: Resolver, article: str, part: object) -> None:
        calls.append(1)
        if len(calls) == 20:
            raise RuntimeError("stopped")
        fold(self, article, part)  # type: ignore[arg-type]

    monkeypatch.setattr(Resolver, "fold", failing)
    changed = sorted(pages.iterdir())[-1]
    changed.write_text(changed.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    with pytest.raises(RuntimeError, match="stopped"):
        build([pages], tmp_path / "out", cache_dir=cache)
    assert (cache / "resolved.pack").read_bytes() == before
    assert [p.name for p in cache.iterdir() if p.name.startswith(".")] == []  # no unfinished file left


def _leaves(value: object, at: tuple[int, ...] = ()) -> list[tuple[int, ...]]:
    if isinstance(value, tuple):
        return [at, *(p for i, v in enumerate(value) for p in _leaves(v, (*at, i)))]
    return [at]


def _replaced(value: object, at: tuple[int, ...], new: object) -> object:
    if not at:
        return new
    assert isinstance(value, tuple)
    return (*value[: at[0]], _replaced(value[at[0]], at[1:], new), *value[at[0] + 1 :])


def test_the_parts_read_back_are_those_written_and_anything_else_is_refused() -> None:
    """Every value and every tuple of a real page's Parts, in turn, made a number (nothing a Part holds is one)."""
    from graph.pages import Options, process_pages

    result = process_pages([str(sorted(SEEDS.glob("*.txt"))[0])], Options())[0]
    parts = Resolver(load_gazetteer()).add_page(result.facts, result.facts, parts=True)
    assert unpacked(packed(parts)) == parts
    whole = tuple(parts)
    places = _leaves(whole)
    assert len(places) > 500
    for at in places:
        with pytest.raises(ValueError):
            unpacked(packed(_replaced(whole, at, 7)))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        unpacked(b"\xc1")  # not msgpack


@pytest.mark.parametrize("seed", [1, 2])
def test_rebuilds_after_random_edits_write_what_builds_without_a_cache_write(tmp_path: Path, seed: int) -> None:
    """Items printed, reprinted and taken away on random pages, round after round, each rebuild from the pages the
    last one kept."""
    import random

    rng = random.Random(seed)
    folder = tmp_path / "pages"
    folder.mkdir()
    sources = [*sorted(SEEDS.glob("*.txt"))[:3], *sorted((ROOT / "tests" / "pages" / "genre").glob("*.txt"))[:2]]
    for p in sources:
        shutil.copy(p, folder / p.name)
    files = sorted(folder.iterdir())
    cache = tmp_path / "cache"
    build([folder], tmp_path / "out", cache_dir=cache)
    for n in range(3):
        for page in rng.sample(files, 2):
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace(ITEM, "") if ITEM in text and rng.random() < 0.5 else text + rng.choice([ITEM, EDIT]),
                            encoding="utf-8")
        build([folder], tmp_path / "out", cache_dir=cache)
        build([folder], tmp_path / f"plain{n}")
        assert exports(tmp_path / "out") == exports(tmp_path / f"plain{n}"), n

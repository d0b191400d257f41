"""Dask path: per-page work on a dask.distributed cluster gives the same bytes as a local build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def cluster():
    """One in-process worker with one thread: the real scheduler and serialization, none of the start-up cost."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, an empty page and a binary file: results and reports both travel."""
    folder = tmp_path_factory.mktemp("corpus")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    (folder / "2024-01-02_empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4 not a page")
    return folder


@pytest.fixture(scope="module")
def builds(cluster, corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    """(local BuildResult, Dask BuildResult, folder holding local/ and dask/ exports)."""
    from graph.pipeline import build

    out = tmp_path_factory.mktemp("exports")
    local = build([corpus], out / "local")
    dask = build([corpus], out / "dask", scheduler=cluster.scheduler_address)
    return local, dask, out


def test_dask_exports_are_byte_identical_to_a_local_build(builds) -> None:
    local, dask, out = builds
    names = sorted(p.name for p in local.written)
    assert names == ["graph.html", "graph.ttl"]
    assert sorted(p.name for p in dask.written) == names
    for name in names:
        assert (out / "dask" / name).read_bytes() == (out / "local" / name).read_bytes(), name
    assert dask.summary() == local.summary()
    assert len(dask.corpus.articles) >= 30  # the seeds' items: not two empty graphs compared


def test_reports_name_the_client_s_files(builds, corpus: Path) -> None:
    local, dask, _ = builds
    assert [(r.path, r.reason, r.skipped) for r in dask.reports] == [
        (r.path, r.reason, r.skipped) for r in local.reports
    ]
    assert sorted(Path(r.path).name for r in dask.reports) == ["2024-01-02_empty.txt", "scan.txt"]
    assert all(Path(r.path).parent == corpus for r in dask.reports)


def test_results_come_back_for_every_page_with_its_index(cluster, corpus: Path) -> None:
    from graph.distributed import run_on_dask
    from graph.pipeline import Options

    files = sorted(str(p) for p in corpus.glob("*.txt"))
    got = dict(run_on_dask(cluster.scheduler_address, list(enumerate(files)), Options()))
    assert sorted(got) == list(range(len(files)))
    assert [got[i].name for i in range(len(files))] == [Path(f).name for f in files]


def test_a_worker_with_another_newskg_is_refused(cluster, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.distributed as gd
    from graph.pipeline import Options

    real = gd.process_bytes

    def other_version(*args):
        _, result = real(*args)
        return "0" * 40, result

    monkeypatch.setattr(gd, "process_bytes", other_version)
    files = [str(next(corpus.glob("00*.txt")))]
    with pytest.raises(gd.ClusterError, match="another newskg"):
        list(gd.run_on_dask(cluster.scheduler_address, list(enumerate(files)), Options()))


def test_cli_build_takes_a_scheduler(cluster, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graph.cli import main

    page = tmp_path / "pages" / "000_b611260ab2cebaa9.txt"
    page.parent.mkdir()
    shutil.copy(SEEDS / page.name, page)
    runs = {}
    for name, extra in (("local", []), ("dask", ["--scheduler", cluster.scheduler_address])):
        result = CliRunner().invoke(
            main, ["build", str(page.parent), "--out", str(tmp_path / name), "--format", "ttl", "-q", *extra]
        )
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
        runs[name] = result.stderr.replace(str(tmp_path / name), "OUT")
    assert runs["dask"] == runs["local"]
    assert runs["dask"].startswith("articles ")
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (tmp_path / "local" / "graph.ttl").read_bytes()


def test_a_worker_dates_a_page_by_its_folder_as_a_local_build_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from graph.distributed import process_bytes
    from graph.pipeline import Options

    (tmp_path / "temp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))  # where the worker's own folder is made

    data = "柳岸街道举办培训\n\n本报讯 昨日，柳岸街道举办消防安全培训。\n".encode()
    _, dated = process_bytes("A01.txt", data, str(tmp_path / "2024-03-12" / "A01.txt"), Options())
    _, undated = process_bytes("A01.txt", data, str(tmp_path / ".." / "A01.txt"), Options())  # no folder's day, no path out
    assert [e.date for f in dated.facts for e in f.events] == ["2024-03-11"]
    assert [e.date for f in undated.facts for e in f.events] == [None]
    assert list((tmp_path / "temp").iterdir()) == []  # nothing written beside the worker's own folder, nor left

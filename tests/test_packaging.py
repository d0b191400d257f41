"""pyproject.toml: a fresh install gets every data file, and setuptools has nothing to warn about."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from graph.files import seeds_folder
from tests.conftest import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli", reason="Python 3.10 reads TOML with tomli (pip install tomli)")

CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_license_is_an_spdx_expression() -> None:
    # a TOML table ({text = ...}) is deprecated: setuptools prints a page of warnings on every install
    assert isinstance(CONFIG["project"]["license"], str)
    assert CONFIG["project"]["license"] == "Apache-2.0"
    assert any(r.startswith("setuptools>=77") for r in CONFIG["build-system"]["requires"])


def test_every_folder_of_code_or_data_is_a_package() -> None:
    # a data folder left out of the packages is "a package that would be ignored": a warning, and data lost
    setup = CONFIG["tool"]["setuptools"]
    packages = set(setup["packages"])
    code = {str(p.parent.relative_to(ROOT)).replace("/", ".") for p in (ROOT / "graph").rglob("*.py")}
    data = setup["package-data"]["graph"]
    folders = {str(Path("graph", pattern).parent).replace("/", ".") for pattern in data}
    assert folders == {"graph.data", "graph.data.queries"}
    assert packages == code | folders | {"graph.data.seeds"}
    shipped = {p for pattern in data for p in (ROOT / "graph").glob(pattern)}
    on_disk = {p for p in (ROOT / "graph" / "data").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert shipped == on_disk
    assert setup["package-dir"] == {"graph.data.seeds": "seeds"} and setup["package-data"]["graph.data.seeds"] == ["*.txt"]


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """A copy of the repository's files, to build distributions from without writing into the checkout."""
    skip = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", ".*_cache", ".hypothesis")
    return Path(shutil.copytree(ROOT, tmp_path_factory.mktemp("src") / "newskg", ignore=skip))


def _built(source: Path, hook: str, out: Path) -> Path:
    """A distribution built by setuptools' own PEP 517 hook (`build_sdist`, `build_wheel`), in a child process."""
    code = f"from setuptools import build_meta; print(build_meta.{hook}({str(out)!r}))"
    done = subprocess.run([sys.executable, "-c", code], cwd=source, capture_output=True, text=True, check=True)
    return out / done.stdout.strip().splitlines()[-1]


def test_the_wheel_ships_the_seed_pages_the_default_build_reads(source, tmp_path, monkeypatch) -> None:
    wheel = _built(source, "build_wheel", tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    seeds = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert len(seeds) == 5 and {f"graph/data/seeds/{s}" for s in seeds} <= names
    assert not any(n.startswith(("seeds/", "tests/", "bench/")) for n in names)  # no top-level folder of ours
    # installed, graph/ has no seeds/ beside it: the default corpus is the one it ships
    package = tmp_path / "site-packages" / "graph"
    zipfile.ZipFile(wheel).extractall(package.parent)
    monkeypatch.chdir(tmp_path)  # a working folder with no seeds/ of its own
    assert sorted(p.name for p in seeds_folder(package).glob("*.txt")) == seeds


def test_the_sdist_holds_what_the_readme_links_and_the_tests_need(source, tmp_path) -> None:
    sdist = _built(source, "build_sdist", tmp_path)
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(([^)#\s:]+)", readme))
    assert linked and linked <= names, linked - names
    tracked = [p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert set(tracked) <= names, set(tracked) - names
    assert {"seeds/" + p.name for p in (ROOT / "seeds").glob("*.txt")} <= names
    assert {"Makefile", ".ci/run", "pyproject.toml", "docs/performance.md"} <= names


def test_a_working_folder_s_seeds_is_the_default_only_when_it_holds_pages(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "users.rb").write_text("# another tool's seeds\n", encoding="utf-8")
    assert seeds_folder() == ROOT / "seeds"  # the checkout's, as from an install the package's own
    (tmp_path / "seeds" / "page.txt").write_text("本报讯 社区召开议事会。\n", encoding="utf-8")
    assert seeds_folder() == Path("seeds")

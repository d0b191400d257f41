"""pyproject.toml: a fresh install gets every data file, and setuptools has nothing to warn about."""

from __future__ import annotations

from pathlib import Path

import pytest
from setuptools import find_namespace_packages

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


def test_every_folder_of_package_data_is_a_package() -> None:
    # a data folder left out of the packages is "a package that would be ignored": a warning, and data lost
    find = CONFIG["tool"]["setuptools"]["packages"]["find"]
    packages = set(find_namespace_packages(where=str(ROOT), include=find["include"]))
    data = CONFIG["tool"]["setuptools"]["package-data"]["graph"]
    folders = {str(Path("graph", pattern).parent).replace("/", ".") for pattern in data}
    assert folders == {"graph.data", "graph.data.queries"}
    assert folders <= packages
    shipped = {p for pattern in data for p in (ROOT / "graph").glob(pattern)}
    on_disk = {p for p in (ROOT / "graph" / "data").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert shipped == on_disk
    assert "tests" not in packages and "bench" not in packages

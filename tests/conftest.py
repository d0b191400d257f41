"""Shared fixtures: one build of the seeds per test session, and the golden-file switch."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
EXPORTS = ROOT / "exports"  # the seeds' exports, committed: the golden files of the build


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite exports/ (the seeds' golden exports) from the current output.")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory):
    """The seeds built once into a temporary folder: (BuildResult, out_dir)."""
    from graph.pipeline import build

    out = tmp_path_factory.mktemp("seed-exports")
    result = build([SEEDS], out)
    return result, out


@pytest.fixture(scope="session")
def extractor():
    from graph.extract import Extractor

    return Extractor()

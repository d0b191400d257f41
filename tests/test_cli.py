"""The command line, end to end, through click's CliRunner: stdout is data, stderr is talk."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("args", [[], ["build"], ["query"], ["validate"], ["bench"]])
def test_help_everywhere(runner, args) -> None:
    r = runner.invoke(main, [*args, "--help"])
    assert r.exit_code == 0
    assert "Usage:" in r.output


def test_build_writes_exports_and_keeps_stdout_for_data(runner, tmp_path) -> None:
    r = runner.invoke(main, ["build", str(SEEDS / "003_a26fe80e498bcd3e.txt"), "--out", str(tmp_path), "-q"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert "articles 6 |" in r.stderr
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix")
    assert (tmp_path / "graph.html").exists()


def test_missing_path_is_a_usage_error(runner, tmp_path) -> None:
    r = runner.invoke(main, ["build", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert r.exit_code == 2
    assert "nope" in r.stderr


def test_query_formats(runner, seed_build) -> None:
    _, out = seed_build
    g = str(out / "graph.ttl")
    csv = runner.invoke(main, ["query", "officials", "--graph", g, "--format", "csv"])
    assert csv.exit_code == 0
    lines = csv.stdout.splitlines()
    assert lines[0] == "name,title,office,district,reports,person"
    [row] = [ln for ln in lines if ln.startswith("杨春晓,主任,秦岭路街道,中原区,")]  # one row a person and post
    assert row.split(",")[4:] == ["1", "https://w3id.org/newskg/id/person/yang-chun-xiao-7b686b4dc8e7"]
    js = runner.invoke(main, ["query", "-e", "SELECT ?n WHERE { ?d a nk:District ; rdfs:label ?n } ORDER BY ?n", "--graph", g, "--format", "json"])
    assert {"n": "中原区"} in json.loads(js.stdout)
    table = runner.invoke(main, ["query", "officials", "--graph", g])
    assert table.stdout.splitlines()[0].split() == ["name", "title", "office", "district", "reports", "person"]


def test_query_errors(runner, seed_build, tmp_path) -> None:
    _, out = seed_build
    bad = runner.invoke(main, ["query", "-e", "SELEC ?x WHERE {", "--graph", str(out / "graph.ttl")])
    assert bad.exit_code == 1
    assert "error:" in bad.stderr and "Traceback" not in bad.output
    missing = runner.invoke(main, ["query", "officials", "--graph", str(tmp_path / "none.ttl")])
    assert missing.exit_code == 1
    assert "newskg build" in missing.stderr
    neither = runner.invoke(main, ["query", "--graph", str(out / "graph.ttl")])
    assert neither.exit_code == 2


def test_python_dash_m() -> None:
    r = subprocess.run([sys.executable, "-m", "graph", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0
    assert "build" in r.stdout and "query" in r.stdout

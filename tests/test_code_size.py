"""Sizes the house style sets: no function over 60 lines and no module over 450 lines in graph/.

Every module of graph/ is checked but those in OUTSIDE, each with the reason it waits.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

MAX_FUNCTION, MAX_MODULE = 60, 450
# Modules not checked, each with the reason it waits (none now).
OUTSIDE: tuple[str, ...] = ()
MODULES = sorted(p for p in (ROOT / "graph").rglob("*.py") if not p.relative_to(ROOT).as_posix().startswith(OUTSIDE))


def long_functions(source: str, limit: int = MAX_FUNCTION) -> list[tuple[str, int]]:
    """(name, lines) of each function or method longer than `limit` lines, its decorators included."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = (node.end_lineno or node.lineno) - start + 1
            if length > limit:
                out.append((node.name, length))
    return out


def test_the_check_finds_a_long_function() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION))
    assert long_functions(f"def f():\n{body}\n") == [("f", MAX_FUNCTION + 1)]
    assert long_functions(f"def f():\n{body[: body.rindex(chr(10))]}\n") == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_functions_and_modules_stay_short(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert long_functions(source) == [], f"split these by what they do (at most {MAX_FUNCTION} lines a function)"
    assert len(source.splitlines()) <= MAX_MODULE, f"split the module by meaning (at most {MAX_MODULE} lines)"

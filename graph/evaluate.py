"""Evaluate: pages or an exported graph, and gold annotations -> the scores (graph.score) and their table.

`newskg evaluate` is the command over this module: it builds pages in
memory (nothing is written) or reads an export, reads the gold
(graph.gold) and scores the one against the other; by rule, too
(graph.rules).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from graph.errors import GoldError
from graph.export.rdf import to_rdflib
from graph.gold import Gold, load_gold
from graph.pipeline import Options, build, collect
from graph.rules import RuleRow, rule_report
from graph.score import Predicted, prf, read_prediction, same_title, score
from graph.validate import load


def page_filter(patterns: Sequence[str]) -> Callable[[str], bool] | None:
    """A test on page file names from shell patterns (`*[13579].txt`); None when there is none.

    >>> keep = page_filter(["*[13579].txt"])
    >>> keep("dev/p01.txt"), keep("p02.txt"), page_filter([]) is None
    (True, False, True)
    """
    if not patterns:
        return None
    return lambda name: any(fnmatch.fnmatchcase(Path(name).name, p) for p in patterns)


def evaluate_file(graph_file: str | Path, gold_dir: str | Path) -> dict[str, Any]:
    """Scores of an exported graph (Turtle, N-Triples or JSON-LD by extension) against a gold folder."""
    gold = load_gold(gold_dir)
    return score(gold, read_prediction(load(graph_file)))


def rules_of_file(graph_file: str | Path, gold_dir: str | Path) -> tuple[RuleRow, ...]:
    """Each extraction rule's facts in an exported graph that match the gold, and those that do not."""
    return tuple(rule_report(load(graph_file), load_gold(gold_dir)))


def evaluate_graph(g: Any, gold: Gold) -> dict[str, Any]:
    """Scores of a built networkx graph (graph.network) against read gold."""
    return score(gold, read_prediction(to_rdflib(g)))


@dataclass(frozen=True)
class Evaluation:
    """Scores of pages built against their gold, and what did not pair up."""

    scores: dict[str, Any]
    pages: tuple[str, ...]  # file names of the pages built
    unannotated: tuple[str, ...]  # pages the gold has no document for: everything read from them counts as wrong
    missing: tuple[str, ...]  # gold documents whose page was not built: everything in them counts as missed
    reports: tuple[Any, ...] = ()  # graph.model.FileReport of each file skipped or warned about, as a build gives them
    rules: tuple[Any, ...] = ()  # graph.rules.RuleRow of each rule, when asked for


def evaluate_pages(
    paths: Iterable[str | Path],
    gold_dir: str | Path,
    *,
    patterns: Sequence[str] = (),
    options: Any = None,
    progress: Callable[[int, int, str], None] | None = None,
    by_rule: bool = False,
) -> Evaluation:
    """Build the pages under `paths` (in memory, no export) and score them against the gold.

    `patterns` (shell patterns on file names) keeps only the matching pages
    and the gold documents of those pages: `*[13579].txt` scores the odd pages.
    """
    keep = page_filter(patterns)
    files = [f for f in collect(paths) if keep is None or keep(f.name)]
    if not files:
        raise GoldError("no page to evaluate: " + ("no file name matches " + ", ".join(patterns) if patterns else "no page file was found"))
    gold = load_gold(gold_dir, keep)
    options = options or Options()
    if keep is not None and isinstance(options, Options):  # the manifest's other pages are left out with them, not warned of as dating no page
        options = replace(options, dates=tuple((name, day) for name, day in options.dates if keep(name)))
    result = build(files, None, options=options, progress=progress)
    skipped = {r.path for r in result.reports if r.skipped}
    names = tuple(sorted(f.name for f in files if str(f) not in skipped))  # a page that could not be read has no facts
    rdf = to_rdflib(result.graph)
    return Evaluation(
        scores=score(gold, read_prediction(rdf)),
        pages=names,
        unannotated=tuple(n for n in names if n not in set(gold.sources)),
        missing=tuple(sorted(set(gold.sources) - set(names))),
        rules=tuple(rule_report(rdf, gold)) if by_rule else (),
        reports=result.reports,
    )


def format_table(scores: dict[str, Any]) -> str:
    """The scores as an aligned table: P, R, F1 and tp/pred/gold a line; accuracies as one number."""
    width = max(len(k) for k in [*scores["entities"], *scores]) + 2
    lines = [f"{'entities':<{width}} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold"]

    def row(name: str, v: dict[str, Any], indent: str = "") -> str:
        return f"{indent}{name:<{width - len(indent)}} {v['p']:>6} {v['r']:>6} {v['f1']:>6}   {v['tp']}/{v['pred']}/{v['gold']}"

    lines += [row(k, v, "  ") for k, v in scores["entities"].items()]
    for k, v in scores.items():
        if k != "entities":
            lines.append(row(k, v) if isinstance(v, dict) else f"{k:<{width}} {v:>6}")
    return "\n".join(lines) + "\n"


__all__ = ["Gold", "Predicted", "Evaluation", "load_gold", "read_prediction", "score", "evaluate_file", "evaluate_graph", "evaluate_pages",
           "format_table", "page_filter", "prf", "same_title", "rules_of_file"]

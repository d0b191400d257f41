"""Benchmark: rdflib against pyoxigraph on the same SPARQL queries and the same Turtle file.

    .venv/bin/python bench/sparql_engines.py                 # seeds, and the seeds x20 (renamed copies)
    .venv/bin/python bench/sparql_engines.py --copies 1 20 --repeat 3

The larger graphs are the seed export repeated under renamed IRIs
(`.../id/` -> `.../id/c7/`), so every copy is a distinct, equally shaped
graph and the queries' work grows with the copies. Each engine parses the
same Turtle file, then runs each named query `--repeat` times; the best
time is reported (the least disturbed by other load on the machine). The
row counts of the two engines are compared, so a ratio is never between
different answers.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_QUERIES = ("posts", "units-of-district", "reporter-beat", "events-in-district", "attended-with")


def seed_turtle(out: Path) -> Path:
    from graph.pipeline import build

    build([ROOT / "seeds"], out, formats=("ttl",))
    return out / "graph.ttl"


def copies_of(turtle: Path, n: int, out: Path) -> Path:
    """The graph `n` times, each copy's instance IRIs renamed, as one Turtle file."""
    from rdflib import Graph

    from graph.export.rdf import PREFIXES

    nt = Graph().parse(turtle, format="turtle").serialize(format="nt")
    base = "<https://w3id.org/newskg/id/"
    big = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        big.bind(prefix, ns)
    text = "".join(nt.replace(base, f"{base}c{i}/") for i in range(n))
    big.parse(data=text, format="nt")
    path = out / f"graph-x{n}.ttl"
    path.write_text(big.serialize(format="turtle"), encoding="utf-8")
    return path


def timed(fn, repeat: int, budget: float = 5.0):
    """(best, median, result) of up to `repeat` runs; no new run starts once `budget` seconds are spent."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
        if sum(times) > budget:
            break
    return min(times), statistics.median(times), result


def bench(path: Path, queries: tuple[str, ...], repeat: int) -> list[tuple[str, float, float, int]]:
    from rdflib import Graph

    from graph.sparql import Store, bind, named_queries, with_prefixes

    named = named_queries()
    rows = []
    t_rdf, _, rg = timed(lambda: Graph().parse(path, format="turtle"), 1)
    t_ox, _, store = timed(lambda: Store(path), 1)
    rows.append(("(parse the Turtle file)", t_rdf, t_ox, len(rg)))
    assert len(store.store) == len(rg), "the engines read different triples"
    for name in queries:
        text = with_prefixes(bind(named[name], {}))
        best_rdf, _, res_rdf = timed(lambda text=text: list(rg.query(text)), repeat)
        best_ox, _, res_ox = timed(lambda text=text: store.query(text)[1], repeat)
        if len(res_rdf) != len(res_ox):
            raise SystemExit(f"{name}: rdflib gives {len(res_rdf)} rows, pyoxigraph {len(res_ox)}")
        rows.append((name, best_rdf, best_ox, len(res_ox)))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, help="Turtle file to start from (default: a fresh build of seeds/).")
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 20], help="Sizes to measure, in copies of the graph.")
    ap.add_argument("--repeat", type=int, default=5, help="Runs of each query (fewer past 5 s); the best is kept.")
    ap.add_argument("--query", action="append", help="Named query to run (repeatable).")
    args = ap.parse_args()
    queries = tuple(args.query or DEFAULT_QUERIES)
    import pyoxigraph
    import rdflib

    load = f", load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores" if hasattr(os, "getloadavg") else ""
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, rdflib {rdflib.__version__}, "
        f"pyoxigraph {pyoxigraph.__version__}, {platform.machine()}{load}, best of up to {args.repeat} runs"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed = args.graph or seed_turtle(folder)
        for n in args.copies:
            path = seed if n == 1 else copies_of(seed, n, folder)
            results = bench(path, queries, args.repeat)
            print(f"\n## x{n}: {results[0][3]} triples ({path.stat().st_size // 1024} KiB of Turtle)")
            print(f"{'query':<26}{'rows':>7}{'rdflib s':>11}{'oxigraph s':>12}{'ratio':>9}")
            ratios = []
            for name, r, o, count in results:
                ratio = r / o if o > 0 else float("inf")
                if not name.startswith("("):
                    ratios.append(ratio)
                print(f"{name:<26}{count:>7}{r:>11.4f}{o:>12.4f}{ratio:>8.1f}x")
            print(f"{'geometric mean of the queries':<56}{statistics.geometric_mean(ratios):>8.1f}x")


if __name__ == "__main__":
    main()

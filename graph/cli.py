"""CLI: click commands over the library. Parse, call graph.*, format; no logic here.

stdout carries data only (query rows); progress, reports and summaries go
to stderr. Exit status: 0 success, 1 a GraphError (or a --strict report),
2 misuse (click's usage errors, a missing input path).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import signal
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from graph import __version__
from graph.console import log_lines, sigterm_unwinds
from graph.errors import GraphError
from graph.export.formats import FORMATS

# The library is imported inside the commands that use it (and by _shown, _warn_if_not_last_build):
# --help reads this module only, and stays instant.
if TYPE_CHECKING:
    from graph.pipeline import BuildResult
    from graph.serve import SparqlServer

EXPORT_FORMATS = tuple(FORMATS)


def _err(msg: str) -> None:
    click.echo(msg, err=True)


def _shown(text: object) -> str:
    """Untrusted text (a file name, a path, a message quoting one) on one line, fit for a terminal."""
    from graph.files import printable

    return printable(str(text))


@contextlib.contextmanager
def _exit_on_graph_error() -> Iterator[None]:
    """A GraphError ends the command: `error: MESSAGE` on stderr, exit status 1."""
    try:
        yield
    except GraphError as e:
        details = getattr(e, "details", ())  # each line shown apart: a file's name cannot make a line of its own
        _err("\n".join([f"error: {_shown(e.message if details else e)}", *(f"  {_shown(d)}" for d in details)]))
        sys.exit(1)


def _base(value: str | None) -> str | None:
    """--base as given, when instance IRIs can start with it; else a usage error saying what to change."""
    from graph.iri import check_base

    try:
        return None if value is None else check_base(value)
    except ValueError as e:
        raise click.BadParameter(_shown(e)) from None


def _options(encoding: str | None, manifest: Path | None, max_mb: float | None = None) -> Any:
    """The build's Options: the encoding, the manifest's dates and the size limit (default: the library's)."""
    from graph.pipeline import Options
    from graph.read import load_manifest

    dates = tuple(sorted(load_manifest(manifest).items())) if manifest else ()
    if max_mb is None:
        return Options(encoding=encoding, dates=dates)
    return Options(encoding=encoding, max_bytes=int(max_mb * 1024 * 1024), dates=dates)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newskg")
def main() -> None:
    """newskg: build a knowledge graph of Chinese local-government news pages."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("exports"),
              show_default=True, help="Folder the exports are written to.")
@click.option("--format", "formats", multiple=True, type=click.Choice(EXPORT_FORMATS),
              help="Also write this format (repeatable; neo4j writes two CSV files). ttl and html are always written.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write a persistent Oxigraph store to this folder, for `newskg query --store`.")
@click.option("--base", default=None, callback=lambda ctx, param, value: _base(value),
              help="Base IRI of instance IRIs, ending in / or # (default https://w3id.org/newskg/id/).")
@click.option("--encoding", default=None, callback=lambda _c, _p, v: _codec(v),
              help="Read every page with this encoding (gbk, big5, utf-16...) instead of detecting it.")
@click.option("--max-size", "max_mb", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True, help="Skip pages larger than this many MB (of 2^20 bytes).")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV (file,date) or JSON {file: date} of publication dates.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for per-page work; also writes the exports side by side (more memory while they are written).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of cached per-page results (reused when nothing changed).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run the per-page work on this Dask cluster (tcp://host:8786); needs newskg[dask].")
@click.option("--strict", is_flag=True,
              help="Exit with status 1 when any input file was reported or any warning printed (the exports are written).")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
def build(paths, out_dir, formats, store_dir, base, encoding, max_mb, manifest, jobs, cache_dir, scheduler, strict, quiet) -> None:
    """Build the graph of the pages in PATHS (files or folders; default: seeds/, or the seed pages newskg ships)."""
    from graph.files import seeds_folder
    from graph.iri import DEFAULT_BASE
    from graph.pipeline import DEFAULT_FORMATS
    from graph.pipeline import build as run_build

    paths = paths or (seeds_folder(),)
    missing = [_shown(p) for p in paths if not os.path.lexists(p)]  # a broken or looping link is reported, not missing
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    with _exit_on_graph_error():
        options = _options(encoding, manifest, max_mb)
        warned: list[str] = []  # the library's warnings: an undated page of the manifest, a damaged cache entry...

        def warn(message: str) -> None:
            warned.append(message)
            _err(f"warning: {_shown(message)}")

        with sigterm_unwinds(_err), log_lines("newskg", "WARNING", warn):
            result = run_build(paths, out_dir, formats=(*DEFAULT_FORMATS, *formats), base=base or DEFAULT_BASE,
                               options=options, jobs=jobs, cache_dir=cache_dir, scheduler=scheduler,
                               progress=None if quiet else _progress, store_dir=store_dir)
    _say_what_was_built(result, out_dir, len(warned))
    if strict and (result.reports or warned):
        sys.exit(1)


def _say_what_was_built(result: BuildResult, out_dir: Path, warned: int = 0) -> None:
    """On stderr: each file reported, the counts of the graph (`warned`: the warnings printed besides the files'
    reports, counted with them), each file written, and another corpus's exports replaced."""
    _say_reports(result.reports)
    s = result.summary()
    ents = ", ".join(f"{k} {v}" for k, v in s["entities"].items())
    _err(f"articles {s['articles']} | {ents} | events {s['events']} | posts {s['memberships']} | "
         f"edges {s['edges']} | skipped files {s['skipped_files']} | warnings {s['reports'] - s['skipped_files'] + warned}")
    if result.unchanged is not None:
        _err(f"nothing changed since the last build into {_shown(out_dir)}: its files are this build's, none written")
    for p in result.wrote():
        _err(f"wrote {_shown(p)}")
    if result.replaced is not None:
        _err(f"note: {result.replaced.note(out_dir)}")


def _say_reports(reports: Iterable[Any]) -> None:
    """Each file a build reported (graph.model.FileReport), on stderr: `skipped: FILE: why` or `warning: FILE: why`."""
    for r in reports:
        _err(f"{'skipped' if r.skipped else 'warning'}: {_shown(r.path)}: {_shown(r.reason)}")


def _warn_if_not_last_build(graph_file: Path) -> None:
    """A warning on stderr when the graph read is not the one the last build into its folder wrote."""
    from graph.buildinfo import stale_reason

    reason = stale_reason(graph_file)
    if reason:
        _err(f"warning: {_shown(reason)}")


def _codec(name: str | None) -> str | None:
    """A Python codec name, checked before any page is read."""
    if name is not None:
        try:
            codecs.lookup(name)
        except LookupError:
            raise click.BadParameter(f"'{name}' is not an encoding Python knows (try utf-8, gb18030, big5, utf-16)") from None
    return name


@main.command()
@click.argument("query", required=False)
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path), default=Path("exports/graph.ttl"),
              show_default=True, help="Graph file to query: Turtle, or by its extension .nt, .jsonld, .rdf/.owl.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Query this Oxigraph store (from `newskg build --store`) instead of parsing --graph.")
@click.option("-e", "--expr", help="SPARQL text to run.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Parameter of a named query (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the named queries, one line each (as rows with --format csv or json).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, help="Give up after this many seconds.")
@click.option("--max-memory", "max_mb", type=click.FloatRange(min=0, min_open=True), default=1024.0, show_default=True,
              help="MB the query's evaluation and rows may take (Linux); past it the query is stopped with an error.")
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE send the query to the endpoints it names (network access); refused otherwise.")
def query(query, graph_file, store_dir, expr, params, fmt, list_, timeout, max_mb, allow_service) -> None:
    """Run SPARQL over the graph: a named query, a .rq file, or -e 'TEXT'."""
    from graph.rows import format_rows
    from graph.sparql import Store, bind, named_queries, read_query

    _graph_or_store(store_dir)
    named = named_queries()
    if list_:  # a line each; as data, their names, summaries and parameters with their defaults
        if fmt != "table":
            listed: list[list[str | None]] = [[q.name, q.summary, " ".join(f"{n}={d}" for n, d in q.params)] for q in named.values()]
            click.echo(format_rows(["name", "summary", "params"], listed, fmt), nl=False)
            return
        for q in named.values():
            ps = " ".join(f"[--param {n}={d}]" for n, d in q.params)
            click.echo(f"{q.name:<22} {q.summary}{'  ' + ps if ps else ''}")
        return
    if (query is None) == (expr is None):
        raise click.UsageError("give one of QUERY (a name from --list or a .rq file) or -e 'SPARQL'")
    kv = {}
    for p in params:
        if "=" not in p:
            raise click.UsageError(f"--param takes NAME=VALUE, not '{p}'")
        k, v = p.split("=", 1)
        kv[k] = v
    with _exit_on_graph_error():
        if expr is not None:
            text = expr
        elif query in named:
            text = bind(named[query], kv)
        elif Path(query).is_file():
            text = read_query(query)
        else:
            raise click.UsageError(f"'{query}' is neither a named query (see --list) nor a file")
        if store_dir is not None:
            store = Store(store_dir=store_dir)
        elif not graph_file.exists():
            raise GraphError(f"{graph_file}: no such graph; run `newskg build` first or pass --graph")
        else:
            _warn_if_not_last_build(graph_file)
            store = Store(graph_file)
        cols, rows = store.query(text, timeout=timeout, allow_service=allow_service, max_memory=int(max_mb * 1048576),
                                 typed=fmt == "json")  # JSON's numbers and truth values, not their text
    click.echo(format_rows(cols, rows, fmt), nl=False)
    if fmt == "table" and not rows:  # a header alone reads as a failure: say so, on stderr (stdout stays the table)
        click.echo("(no rows)", err=True)


def _graph_or_store(store_dir: Path | None) -> None:
    """A usage error when --graph is given with --store: the store is read, and the graph typed would be dropped."""
    given = click.get_current_context().get_parameter_source("graph_file")
    if store_dir is not None and given not in (None, click.core.ParameterSource.DEFAULT):
        raise click.UsageError("give --graph FILE or --store DIR, not both")


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path), default=Path("exports/graph.ttl"))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="How the violations are printed on stdout.")
def validate(file, fmt) -> None:
    """Check an export (default exports/graph.ttl) against the SHACL shapes; exit 1 when it does not conform."""
    from graph.rows import format_rows
    from graph.validate import validate_file

    with _exit_on_graph_error():
        _warn_if_not_last_build(file)
        report = validate_file(file)
    n = len(report.violations)
    if n or fmt != "table":  # data formats always print a document: [] (JSON) or a header (CSV) when it conforms
        cols = ["focus", "label", "path", "value", "message"]
        rows: list[list[str | None]] = [[v.focus, v.label, v.path, v.value, v.message] for v in report.violations]
        click.echo(format_rows(cols, rows, fmt), nl=False)
    verdict = "conforms" if report.conforms else "does not conform"
    _err(f"{_shown(file)}: {verdict}: {n} violation{'' if n == 1 else 's'} in {report.triples} triples")
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of gold annotations, one JSON file a page (docs/gold-format.md).")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Score this export instead of building PATHS (default, with no PATHS: exports/graph.ttl).")
@click.option("--pages", "patterns", multiple=True, metavar="PATTERN",
              help="Only the pages whose file name matches this shell pattern, and their gold (repeatable; with PATHS): '*[13579].txt'.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV (file,date) or JSON {file: date} of publication dates of PATHS.")
@click.option("--encoding", default=None, callback=lambda _c, _p, v: _codec(v), help="Read every page with this encoding.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option("--by-rule", is_flag=True, help="Also each extraction rule's facts that match the gold and those that do not.")
def evaluate(paths, gold_dir, graph_file, patterns, manifest, encoding, fmt, quiet, by_rule) -> None:
    """Score the extraction against gold annotations: precision, recall and F1 per class and relation.

    Builds PATHS in memory (nothing is written) or reads an export (--graph)
    and compares it with the gold; the scores go to stdout.
    """
    if paths and graph_file is not None:
        raise click.UsageError("give PATHS to build or --graph FILE to read, not both")
    if patterns and not paths:
        raise click.UsageError("--pages chooses among the pages of PATHS; give the pages to build")
    with _exit_on_graph_error():
        if paths:
            scores, rules = _score_pages(paths, gold_dir, patterns, _options(encoding, manifest), quiet, by_rule)
        else:
            scores, rules = _score_export(graph_file or Path("exports/graph.ttl"), gold_dir, by_rule)
    if fmt == "json":
        if by_rule:
            scores = {**scores, "rules": [{"rule": r.rule, "kind": r.kind, "facts": r.facts, "matched": r.matched, "alone": r.alone} for r in rules]}
        click.echo(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        from graph.evaluate import format_table

        click.echo(format_table(scores), nl=False)
        if by_rule:
            from graph.rules import format_rules

            click.echo("")
            click.echo(format_rules(list(rules)), nl=False)


def _score_pages(paths: tuple[Path, ...], gold_dir: Path, patterns: tuple[str, ...], options: Any, quiet: bool,
                 by_rule: bool) -> tuple[dict, tuple]:
    """(scores, rule rows) of PATHS built in memory; notes on stderr of the pages and the gold that did not pair up."""
    from graph.evaluate import evaluate_pages

    run = evaluate_pages(paths, gold_dir, patterns=patterns, options=options, progress=None if quiet else _progress, by_rule=by_rule)
    _say_reports(run.reports)  # a page not read has no facts, and its gold's count as missed
    if run.unannotated:
        _err(f"note: no gold for {len(run.unannotated)} page(s), whose facts all count as wrong: {', '.join(map(_shown, run.unannotated))}")
    if run.missing:
        _err(f"note: {len(run.missing)} gold document(s) name a page not built, whose facts all count as missed: {', '.join(map(_shown, run.missing))}")
    _err(f"evaluated {len(run.pages)} page(s) against {_shown(gold_dir)}")
    return run.scores, run.rules


def _score_export(graph_file: Path, gold_dir: Path, by_rule: bool) -> tuple[dict, tuple]:
    """(scores, rule rows) of an exported graph."""
    from graph.evaluate import evaluate_file, rules_of_file

    _warn_if_not_last_build(graph_file)
    scores = evaluate_file(graph_file, gold_dir)
    rules = rules_of_file(graph_file, gold_dir) if by_rule else ()
    _err(f"evaluated {_shown(graph_file)} against {_shown(gold_dir)}")
    return scores, rules


def _progress(done: int, total: int, name: str) -> None:
    """The page being read: on a terminal, one line written over; in a log, a line at each tenth of the pages."""
    if sys.stderr.isatty():
        click.echo(f"\r[{done}/{total}] {_shown(name)[:60]:<60}", err=True, nl=done == total)
    elif done == total or done * 10 // total != (done - 1) * 10 // total:
        click.echo(f"[{done}/{total}] {_shown(name)}", err=True)


@main.command()
@click.option("--size", "size_mb", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
              help="MB of generated pages to measure on.")
@click.option("--small-size", "small_mb", type=click.FloatRange(min=0), default=None,
              help="MB of a second corpus, built once for peak RSS at another size (default: a quarter; 0: none).")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed of the generated corpus.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=2, show_default=True,
              help="Also time a full build with this many processes (1: skip).")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True,
              help="Runs of (a), (a'), (b), (c) and (d), in turn; the median is reported with the spread.")
@click.option("--work", "work_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the corpus, cache and exports (default: a temporary folder, removed after).")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path), default=Path("bench.json"),
              show_default=True, help="File the numbers are written to.")
@click.option("--seeds", "seed_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of the pages the corpus is made from (default: seeds/).")
@click.option("--growth", default="", help="Also a build at each of these sizes in MB (5,20,80): time, peak RSS, nodes.")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), help="shared/ (default: ../shared): dev scores.")
def bench(size_mb, small_mb, seed, jobs, repeat, work_dir, json_file, seed_dir, growth, shared) -> None:
    """Measure throughput, rebuilds and memory on a generated corpus; the table goes to stdout.

    Times (a) jieba.posseg and (a') LAC's encoder alone, (b) a full build, (c) a rebuild with nothing changed
    and (d) one after a page changed, each in a fresh process (about 10 minutes at 20 MB); the dev set's scores.
    """
    from graph.bench import run_benchmark, shared_folder
    from graph.bench_table import format_table
    from graph.files import seeds_folder

    small = size_mb / 4 if small_mb is None else small_mb
    with _exit_on_graph_error(), contextlib.ExitStack() as stack:
        work = work_dir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="newskg-bench-")))
        report = run_benchmark(work, size_mb, small or None, seed, jobs, repeat, log=_err, seed_dir=seed_dir or seeds_folder(),
                               growth=tuple(float(x) for x in growth.split(",") if x.strip()), shared=shared or shared_folder())
    json_file.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    click.echo(format_table(report), nl=False)
    _err(f"wrote {json_file}")


@main.command()
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path), default=Path("exports/graph.ttl"),
              show_default=True, help="Graph file to serve: Turtle, or by its extension .nt, .jsonld, .rdf/.owl.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Serve this Oxigraph store (from `newskg build --store`) instead of --graph.")
@click.option("--view", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The HTML view served at / (default: graph.html beside --graph; with --store, none: / is the query page).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only a loopback address keeps the endpoint to this machine.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="Port (0: any free port).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              help="Seconds one query may run; past them it is stopped and answered 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows (or triples) one answer may have; a larger answer is refused with 413.")
@click.option("--max-memory", "max_mb", type=click.FloatRange(min=0, min_open=True), default=1024.0, show_default=True,
              help="MB one query may allocate in its worker (Linux); past it the query is stopped (503).")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes, each holding the graph: queries that can run at once.")
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE send queries to the endpoints it names (network access); refused otherwise.")
@click.option("--cors", is_flag=True, help="Let web pages of other origins query the endpoint (a YASGUI of its own host).")
@click.option("--quiet", "-q", is_flag=True, help="No line per request on stderr.")
def serve(graph_file, store_dir, view, host, port, timeout, max_rows, max_mb, workers, allow_service, cors, quiet) -> None:
    """Serve the graph as a read-only SPARQL endpoint (/sparql), with the view at / and the named queries at /queries."""
    from graph.endpoint import Limits
    from graph.serve import Source, SparqlServer

    _graph_or_store(store_dir)
    with _exit_on_graph_error():
        if store_dir is None and not graph_file.exists():
            raise GraphError(f"{graph_file}: no such graph; run `newskg build` first or pass --graph or --store")
        if view is None and store_dir is None and (graph_file.parent / "graph.html").exists():
            view = graph_file.parent / "graph.html"
        source = Source(graph=None if store_dir is not None else graph_file, store_dir=store_dir, view=view)
        limits = Limits(timeout=timeout, max_rows=max_rows, max_memory=int(max_mb * 1048576), allow_service=allow_service)
        with log_lines("newskg.serve", "WARNING" if quiet else "INFO", lambda m: _err(_shown(m))):
            server = SparqlServer(source, host=host, port=port, limits=limits, workers=workers, cors=cors)
            _serve_until_stopped(server, view)


def _serve_until_stopped(server: SparqlServer, view: Path | None) -> None:
    """Serve until Ctrl-C or SIGTERM, then close the server: its workers ended, its port closed."""
    url = server.url
    _err(f"serving {url} (SPARQL {url}sparql, named queries {url}queries, view {url if view else 'none'}); Ctrl-C stops")

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt  # SIGTERM stops the server as Ctrl-C does

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        _err("stopped")


if __name__ == "__main__":
    main()

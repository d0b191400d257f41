"""SPARQL: a query over an exported graph -> rows (pyoxigraph evaluates, rdflib may too).

Named queries ship in graph/data/queries/*.rq; each file opens with
comment lines: the first is its one-line summary, `# param: name default`
lines declare parameters that `--param name=value` replaces (as `$name`
in the query text, quoted as a literal).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import QueryError

QUERY_DIR = Path(__file__).resolve().parent / "data" / "queries"
PREFIXES = """PREFIX nk: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    text: str
    params: tuple[tuple[str, str], ...]  # (name, default)


def named_queries() -> dict[str, NamedQuery]:
    out = {}
    for p in sorted(QUERY_DIR.glob("*.rq")):
        text = p.read_text(encoding="utf-8")
        comments = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
        summary = next((c for c in comments if not c.startswith("param:")), "")
        params = []
        for c in comments:
            m = re.match(r"param:\s*(\w+)\s*(.*)$", c)
            if m:
                params.append((m.group(1), m.group(2).strip()))
        out[p.stem] = NamedQuery(p.stem, summary, text, tuple(params))
    return out


def read_query(path: str | Path) -> str:
    """The text of a .rq file; QueryError when it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise QueryError(f"{path}: is not UTF-8 text (byte {e.start}); re-save the query as UTF-8") from e
    except OSError as e:
        raise QueryError(f"{path}: cannot be read ({e.strerror or e}); check the path and its permissions") from e


def _literal(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def bind(q: NamedQuery, params: dict[str, str]) -> str:
    """The query's text with its parameters replaced by literals."""
    unknown = set(params) - {n for n, _ in q.params}
    if unknown:
        raise QueryError(f"query '{q.name}' has no parameter {', '.join(sorted(unknown))}; it takes: "
                         + (", ".join(n for n, _ in q.params) or "none"))
    text = q.text
    for name, default in q.params:
        literal = _literal(params.get(name, default))
        text = re.sub(rf"\${name}\b", lambda _m, lit=literal: lit, text)  # type: ignore[misc]
    return text


def with_prefixes(query: str) -> str:
    """Add the contract's prefixes a query does not declare itself."""
    declared = {m.group(1) for m in re.finditer(r"PREFIX\s+(\w*):", query, re.IGNORECASE)}
    missing = [ln for ln in PREFIXES.splitlines() if ln.split()[1][:-1] not in declared]
    return "\n".join(missing) + "\n" + query


class Store:
    """An Oxigraph store over a Turtle file, or opened from a persistent store folder."""

    def __init__(self, graph: str | Path | None = None, store_dir: str | Path | None = None) -> None:
        import pyoxigraph as ox

        self._ox = ox
        if store_dir is not None and graph is None:  # a store written by `newskg build --store`
            from graph.store import is_store

            if not is_store(store_dir):
                raise QueryError(f"{store_dir}: not an Oxigraph store; write one with `newskg build --store {store_dir}`")
            try:
                self.store = ox.Store.read_only(str(store_dir))
            except OSError as e:
                raise QueryError(f"{store_dir}: cannot open the store ({e})") from e
        elif store_dir is not None:
            self.store = ox.Store.read_only(str(store_dir)) if Path(store_dir).exists() else ox.Store(str(store_dir))
        else:
            self.store = ox.Store()
        if graph is not None:
            try:
                with open(graph, "rb") as f:
                    self.store.bulk_load(f, ox.RdfFormat.TURTLE)
            except OSError as e:
                raise QueryError(f"{graph}: cannot read the graph ({e.strerror or e}); run `newskg build` first or pass --graph") from e
            except SyntaxError as e:
                raise QueryError(f"{graph}: not valid Turtle ({e})") from e

    def query(self, text: str, timeout: float | None = None) -> tuple[list[str], list[list[str | None]]]:
        """(column names, rows); values as strings (IRIs, literals' lexical forms), None when unbound."""
        ox = self._ox
        result: dict = {}
        full = with_prefixes(text)
        added = full.count("\n") - text.count("\n")  # lines of prefixes put before the user's query
        deadline = None if timeout is None else time.monotonic() + timeout

        def rows_until_deadline(it: Iterable[Any], row: Callable[[Any], list[str | None]]) -> list[list[str | None]]:
            # rows stream out of Oxigraph: stop taking them at the deadline, so a timed-out
            # query does not run on in its thread (a query that sorts or counts cannot be stopped)
            out = []
            for x in it:
                if deadline is not None and time.monotonic() > deadline:
                    result["late"] = True
                    break
                out.append(row(x))
            return out

        def run() -> None:
            try:
                res = self.store.query(full)
                if isinstance(res, ox.QuerySolutions):
                    cols = [v.value for v in res.variables]
                    rows = rows_until_deadline(res, lambda sol: [_value(sol[c]) for c in cols])
                    result["ok"] = (cols, rows)
                elif isinstance(res, ox.QueryBoolean):
                    result["ok"] = (["result"], [[str(bool(res)).lower()]])
                else:
                    triple_row = lambda t: [_value(t.subject), _value(t.predicate), _value(t.object)]  # noqa: E731
                    rows = rows_until_deadline(res, triple_row)  # type: ignore[arg-type]
                    result["ok"] = (["subject", "predicate", "object"], rows)
            except SyntaxError as e:
                unknown = _unknown_prefix(full)
                if unknown is not None:
                    result["err"] = QueryError(unknown)
                    return
                # positions count the user's lines, not the prefixes added before them
                msg = re.sub(r"\bat (\d+):(\d+)", lambda m: f"at line {int(m[1]) - added}, column {m[2]}", str(e), count=1)
                result["err"] = QueryError(f"the query does not parse: {msg}")
            except Exception as e:  # pyoxigraph raises OSError/ValueError for evaluation errors
                result["err"] = QueryError(f"the query failed: {e}")

        if timeout is None:
            run()
        else:
            t = threading.Thread(target=run, daemon=True)
            t.start()
            t.join(timeout)
            if t.is_alive() or result.get("late"):
                raise QueryError(f"the query ran past the {timeout:g} s limit (--timeout); narrow it or raise the limit")
        if "err" in result:
            raise result["err"]
        return result["ok"]


def _unknown_prefix(query: str) -> str | None:
    """The error for a prefixed name whose prefix the query does not declare, naming the known prefixes.

    >>> print(_unknown_prefix('PREFIX nk: <https://w3id.org/newskg/ontology#>\\nSELECT * { ?s foo:p "a:b" }'))
    unknown prefix 'foo:' in the query; the known prefixes are nk: (declare another with PREFIX foo: <IRI>)
    """
    bare = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>', " ", query)
    bare = re.sub(r"#[^\n]*", " ", bare)
    declared = sorted(set(re.findall(r"PREFIX\s+([A-Za-z][\w.-]*|):", bare, re.IGNORECASE)))
    used = re.findall(r"(?<![\w?$:.-])([A-Za-z][\w.-]*|):(?=[\w%\\]|[\s;,.)\]}]|$)", bare)
    unknown = [u for u in used if u not in declared]
    if not unknown:
        return None
    known = ", ".join(f"{d}:" for d in declared) or "none"
    return f"unknown prefix '{unknown[0]}:' in the query; the known prefixes are {known} (declare another with PREFIX {unknown[0]}: <IRI>)"


def _value(term) -> str | None:
    if term is None:
        return None
    return term.value

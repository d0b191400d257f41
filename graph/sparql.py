"""SPARQL: a query over an exported graph -> rows (pyoxigraph evaluates, rdflib may too).

Named queries ship in graph/data/queries/*.rq; each file opens with
comment lines: the first is its one-line summary, `# param: name default`
lines declare parameters that `--param name=value` replaces (as `$name`
in the query text, quoted as a literal).
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from graph.errors import QueryError
from graph.files import GRAPH_SUFFIXES, graph_format, read_child

QUERY_DIR = Path(__file__).resolve().parent / "data" / "queries"
PREFIXES = """PREFIX nk: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX time: <http://www.w3.org/2006/time#>
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


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _literal(value: str) -> str:
    """A SPARQL string literal holding exactly `value` (line breaks, carriage returns, quotes and all)."""
    return '"' + "".join(_ESCAPES.get(c, c) for c in value) + '"'


_SHAPES = ((re.compile(r"(?:\d{4}|-)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"), "a date, 2024-03-20 or --03-20 (any year)"),
           (re.compile(r"\d{4}"), "a year of four digits, 2024"))


def bind(q: NamedQuery, params: dict[str, str]) -> str:
    """The query's text with its parameters replaced by literals."""
    unknown = set(params) - {n for n, _ in q.params}
    if unknown:
        raise QueryError(f"query '{q.name}' has no parameter {', '.join(sorted(unknown))}; it takes: "
                         + (", ".join(n for n, _ in q.params) or "none"))
    text = q.text
    for name, default in q.params:
        value = params.get(name, default)
        for shape, said in _SHAPES:  # a parameter whose default is a date or a year takes one: another matches nothing
            if shape.fullmatch(default) and not shape.fullmatch(value):
                raise QueryError(f"query '{q.name}': {name} takes {said}, not '{value}'")
        literal = _literal(value)
        text = re.sub(rf"\${name}\b", lambda _m, lit=literal: lit, text)  # type: ignore[misc]
    return text


def with_prefixes(query: str) -> str:
    """Add the contract's prefixes a query does not declare itself."""
    declared = {m.group(1) for m in re.finditer(r"PREFIX\s+(\w*):", query, re.IGNORECASE)}
    missing = [ln for ln in PREFIXES.splitlines() if ln.split()[1][:-1] not in declared]
    return "\n".join(missing) + "\n" + query


# What can hide the word SERVICE from a search, as SPARQL's grammar reads them: comments,
# the four kinds of string, IRIs (no spaces inside, so the `<` of `?a < ?b` starts none).
_INERT = re.compile(
    r"#[^\n\r]*"
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r'|<[^<>"{}|^`\\\x00-\x20]*>',
    re.DOTALL,
)
# The keyword itself: not part of a variable (?service), a prefixed name (ex:service, service:x) or a longer word.
_SERVICE = re.compile(r"(?<![\w?$:\\%-])SERVICE(?![\w:-])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether a query holds SERVICE (a call to another endpoint), outside strings, IRIs and comments.

    In doubt (a name that merely looks like the keyword) it says yes: the
    query is refused, never sent.
    """
    return _SERVICE.search(_INERT.sub(" ", query)) is not None


# rdflib's names of the syntaxes (graph.files.graph_format) -> pyoxigraph's, and how an error names them
_OX_FORMATS = {"turtle": ("TURTLE", "Turtle"), "nt": ("N_TRIPLES", "N-Triples"), "json-ld": ("JSON_LD", "JSON-LD"),
               "xml": ("RDF_XML", "RDF/XML"), "n3": ("N3", "N3"), "nquads": ("N_QUADS", "N-Quads"), "trig": ("TRIG", "TriG")}


class Store:
    """An Oxigraph store over a graph file (Turtle, N-Triples, JSON-LD or RDF/XML), or opened from a persistent store folder."""

    def __init__(self, graph: str | Path | None = None, store_dir: str | Path | None = None) -> None:
        import pyoxigraph as ox

        self._ox = ox
        if store_dir is not None and graph is None:  # a store written by `newskg build --store`
            from graph.store import open_path

            path = open_path(store_dir)  # the store, or the old one while a build swaps a new one in
            if path is None:
                raise QueryError(f"{store_dir}: not an Oxigraph store; write one with `newskg build --store {store_dir}`")
            try:
                self.store = ox.Store.read_only(str(path))
            except OSError as e:
                raise QueryError(f"{store_dir}: cannot open the store ({e})") from e
        elif store_dir is not None:
            self.store = ox.Store.read_only(str(store_dir)) if Path(store_dir).exists() else ox.Store(str(store_dir))
        else:
            self.store = ox.Store()
        if graph is not None:
            fmt, said = _OX_FORMATS.get(graph_format(graph), _OX_FORMATS["turtle"])
            try:
                with open(graph, "rb") as f:
                    self.store.bulk_load(f, getattr(ox.RdfFormat, fmt))
            except OSError as e:
                raise QueryError(f"{graph}: cannot read the graph ({e.strerror or e}); run `newskg build` first or pass --graph") from e
            except SyntaxError as e:
                raise QueryError(f"{graph}: not valid {said} ({e}); a graph file is read by its extension: {GRAPH_SUFFIXES}") from e

    def query(
        self,
        text: str,
        timeout: float | None = None,
        *,
        allow_service: bool = False,
        max_memory: int | None = None,
        typed: bool = False,
    ) -> tuple[list[str], list[list[Any]]]:
        """(column names, rows); values as strings (IRIs, literals' lexical forms), None when unbound; with `typed`,
        a number's or a truth value's literal as Python's int, float or bool (ASK's answer too), for JSON.

        A query with SERVICE (which would send the query to another endpoint
        over the network) is refused unless `allow_service`. `max_memory`
        (bytes) caps what evaluating the query may allocate, rows included:
        the query then runs in a child process (POSIX) that is ended at the
        limit or at `timeout`; without it the query runs here.
        """
        if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
            raise QueryError("the query holds bytes that are not UTF-8; write it as UTF-8 text")
        full = with_prefixes(text)
        added = full.count("\n") - text.count("\n")  # lines of prefixes put before the user's query
        if not allow_service and uses_service(full):
            raise QueryError(
                "the query calls another endpoint (SERVICE), which would send it over the network; "
                "newskg queries the local graph only, unless you pass --allow-service"
            )
        if max_memory is not None and hasattr(os, "fork"):
            return self._query_in_child(full, added, timeout, max_memory, typed)
        return self._query_here(full, added, timeout, typed)

    def _evaluate(self, full: str, added: int, deadline: float | None = None, typed: bool = False) -> tuple[list[str], list[list[Any]]]:
        """Run the query; QueryError for a syntax or evaluation error. Rows stop at `deadline` (then 'late')."""
        ox = self._ox
        value = _typed if typed else _value

        def rows_until_deadline(it: Iterable[Any], row: Callable[[Any], list[Any]]) -> list[list[Any]]:
            # rows stream out of Oxigraph: stop taking them at the deadline, so a timed-out
            # query does not run on in its thread (a query that sorts or counts cannot be stopped)
            out = []
            for x in it:
                if deadline is not None and time.monotonic() > deadline:
                    raise _Late
                out.append(row(x))
            return out

        try:
            res = self.store.query(full)
            if isinstance(res, ox.QuerySolutions):
                cols = [v.value for v in res.variables]
                return cols, rows_until_deadline(res, lambda sol: [value(sol[c]) for c in cols])
            if isinstance(res, ox.QueryBoolean):
                return ["result"], [[bool(res) if typed else str(bool(res)).lower()]]
            triple_row = lambda t: [value(t.subject), value(t.predicate), value(t.object)]  # noqa: E731
            return ["subject", "predicate", "object"], rows_until_deadline(res, triple_row)  # type: ignore[arg-type]
        except SyntaxError as e:
            if is_update(full):
                raise QueryError("updates (INSERT, DELETE, LOAD, CLEAR…) are refused: the graph is read, never changed here "
                                 "(change the pages and build again); ask with SELECT, ASK, CONSTRUCT or DESCRIBE") from e
            unknown = _unknown_prefix(full)
            if unknown is not None:
                raise QueryError(unknown) from e
            # positions count the user's lines, not the prefixes added before them
            msg = re.sub(r"\bat (\d+):(\d+)", lambda m: f"at line {int(m[1]) - added}, column {m[2]}", str(e), count=1)
            raise QueryError(f"the query does not parse: {msg}") from e
        except (_Late, MemoryError):
            raise
        except Exception as e:  # pyoxigraph raises OSError/ValueError for evaluation errors
            raise QueryError(f"the query failed: {e}") from e

    def _query_here(self, full: str, added: int, timeout: float | None, typed: bool = False) -> tuple[list[str], list[list[Any]]]:
        """Evaluate in this process; past `timeout` the answer is given up (a sort or count runs on in its thread)."""
        if timeout is None:
            return self._evaluate(full, added, typed=typed)
        result: dict = {}
        deadline = time.monotonic() + timeout

        def run() -> None:
            try:
                result["ok"] = self._evaluate(full, added, deadline, typed)
            except _Late:
                result["late"] = True
            except (QueryError, MemoryError) as e:
                result["err"] = e

        t = threading.Thread(target=run, daemon=True)
        t.start()
        t.join(timeout)
        if t.is_alive() or result.get("late"):
            raise QueryError(_timeout_message(timeout))
        if "err" in result:
            raise result["err"]
        return result["ok"]

    def _query_in_child(self, full: str, added: int, timeout: float | None, max_memory: int,
                        typed: bool = False) -> tuple[list[str], list[list[Any]]]:
        """Evaluate in a forked child whose memory is capped (Linux); the child is killed at `timeout`.

        The child inherits the loaded graph, evaluates, and sends the rows
        back as JSON; when it runs out of its memory (Python's MemoryError, or
        the engine's allocation failure, which aborts it) or past its time,
        this process says so and nothing is left running.
        """
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            self._answer_in_child(r, w, full, added, max_memory, typed)
        os.close(w)
        deadline = None if timeout is None else time.monotonic() + timeout
        chunks, killed, status = read_child(r, pid, deadline)
        if killed:
            raise QueryError(_timeout_message(timeout or 0))
        return _child_rows(chunks, status, max_memory)

    def _answer_in_child(self, r: int, w: int, full: str, added: int, max_memory: int, typed: bool) -> NoReturn:
        """In the forked child: evaluate under the memory cap, write the answer as JSON to pipe `w`, and exit."""
        status = 0
        try:
            os.close(r)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)  # the engine prints "memory allocation failed" before it aborts
            _cap_memory(max_memory)
            try:
                out: dict[str, Any] = {"ok": self._evaluate(full, added, typed=typed)}
            except QueryError as e:
                out = {"err": str(e)}
            except MemoryError:
                out = {"memory": True}
            data = json.dumps(out, ensure_ascii=False).encode("utf-8", "surrogatepass")
            with os.fdopen(w, "wb") as fh:
                fh.write(data)
        except BaseException:
            status = 1
        finally:
            os._exit(status)


def _child_rows(chunks: list[bytes], status: int, max_memory: int) -> tuple[list[str], list[list[Any]]]:
    """The child's (columns, rows); QueryError for its error, or when it ran out of memory (or aborted on it)."""
    memory = QueryError(
        f"the query needed more than {max_memory / 1048576:g} MB (--max-memory) for its evaluation and rows; "
        "narrow it (LIMIT, fewer joins) or raise the limit"
    )
    if not chunks or status != 0:
        raise memory  # the engine aborted on an allocation past the limit
    out = json.loads(b"".join(chunks).decode("utf-8", "surrogatepass"))
    if "err" in out:
        raise QueryError(out["err"])
    if "memory" in out:
        raise memory
    cols, rows = out["ok"]
    return cols, rows


class _Late(Exception):
    """Rows were still coming at the deadline."""


def _timeout_message(timeout: float) -> str:
    return f"the query ran past the {timeout:g} s limit (--timeout); narrow it or raise the limit"


def _cap_memory(limit: int) -> None:
    """Cap the heap this process may add from now on to `limit` bytes (Linux: RLIMIT_DATA)."""
    import resource

    if not sys.platform.startswith("linux"):
        return  # RLIMIT_DATA is not enforced for mmap elsewhere: only the time limit holds there
    used = 0
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmData:"):
                used = int(line.split()[1]) * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    soft = used + limit
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


# An update's first word (SPARQL 1.1 Update), after its prologue; IRIs are blanked to spaces before it is matched (each
# repeat starts with a keyword: no backtracking blow-up)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s*[\w.-]*:|BASE)\s*)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


def is_update(text: str) -> bool:
    """Whether SPARQL text is an update (INSERT, DELETE, LOAD, CLEAR…), not a query.

    >>> is_update('PREFIX nk: <https://w3id.org/newskg/ontology#>\\n# add one\\ninsert data { nk:a nk:b nk:c }')
    True
    >>> is_update('SELECT * { ?s ?p "DELETE" }')
    False
    """
    return _UPDATE.match(_INERT.sub(" ", text)) is not None


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


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
                                        "unsignedShort", "unsignedByte"))
_DECIMALS = frozenset(_XSD + t for t in ("decimal", "double", "float"))


def _typed(term) -> Any:
    """`_value`, but a number's literal as an int or a float and a truth value's as a bool (a lexical form that is
    not its datatype's, or a float JSON cannot write (NaN, INF), stays text)."""
    datatype = getattr(getattr(term, "datatype", None), "value", None)
    text = _value(term)
    if datatype is None or text is None:
        return text
    try:
        if datatype in _INTEGERS:
            return int(text)
        if datatype in _DECIMALS:
            number = float(text)
            return number if math.isfinite(number) else text
    except ValueError:
        return text
    if datatype == _XSD + "boolean" and text in ("true", "false", "1", "0"):
        return text in ("true", "1")
    return text

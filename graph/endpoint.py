"""Endpoint: one SPARQL request (query text, Accept) -> one HTTP answer (status, media type, bytes).

The SPARQL 1.1 Protocol's part that is not HTTP: which result format a
client gets (content negotiation, or a `format=` parameter as SPARQLWrapper
sends it), what is refused before evaluation (updates, SERVICE unless the
operator allows it), and the limits every query runs under:

- a time limit: each query is evaluated in a worker process
  (graph.endpoint_pool); past the limit the worker is killed (Oxigraph cannot stop a query in a thread) and a new
  one is started, so a slow query costs its own worker only;
- a result cap: rows (or triples) are counted as they come out of the
  engine, and an answer past the cap is refused with 413, never cut short;
- a memory cap: what evaluating one query may allocate in its worker (Linux).

Rows are written by Oxigraph's own serializers (JSON, XML, CSV, TSV; Turtle,
N-Triples, JSON-LD, RDF/XML), so every format is exactly Oxigraph's.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from graph.sparql import PREFIXES, is_update, uses_service, with_prefixes

log = logging.getLogger("newskg.serve")

# media type -> (Oxigraph format name, Content-Type sent); the first of each table is the default.
RESULT_TYPES: dict[str, tuple[str, str]] = {
    "application/sparql-results+json": ("JSON", "application/sparql-results+json"),
    "application/json": ("JSON", "application/sparql-results+json"),
    "application/sparql-results+xml": ("XML", "application/sparql-results+xml"),
    "application/xml": ("XML", "application/sparql-results+xml"),
    "text/xml": ("XML", "application/sparql-results+xml"),
    "text/csv": ("CSV", "text/csv; charset=utf-8"),
    "text/tab-separated-values": ("TSV", "text/tab-separated-values; charset=utf-8"),
}
GRAPH_TYPES: dict[str, tuple[str, str]] = {
    "text/turtle": ("TURTLE", "text/turtle; charset=utf-8"),
    "application/turtle": ("TURTLE", "text/turtle; charset=utf-8"),
    "application/x-turtle": ("TURTLE", "text/turtle; charset=utf-8"),
    "text/n3": ("TURTLE", "text/turtle; charset=utf-8"),  # Turtle is N3
    "text/rdf+n3": ("TURTLE", "text/turtle; charset=utf-8"),
    "application/n-triples": ("N_TRIPLES", "application/n-triples"),
    "text/plain": ("N_TRIPLES", "application/n-triples"),
    "application/ld+json": ("JSON_LD", "application/ld+json"),
    "application/x-json+ld": ("JSON_LD", "application/ld+json"),
    "application/rdf+xml": ("RDF_XML", "application/rdf+xml"),
}
# `format=` values (SPARQLWrapper sends json, xml, csv, tsv, turtle, n3, json-ld, rdf+xml) -> media type per kind
FORMAT_NAMES: dict[str, tuple[str | None, str | None]] = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"),
    "ttl": (None, "text/turtle"),
    "n3": (None, "text/turtle"),
    "nt": (None, "application/n-triples"),
    "ntriples": (None, "application/n-triples"),
    "n-triples": (None, "application/n-triples"),
    "json-ld": (None, "application/ld+json"),
    "jsonld": (None, "application/ld+json"),
    "rdf+xml": (None, "application/rdf+xml"),
    "rdf": (None, "application/rdf+xml"),
}
_PREFIX_MAP = {ln.split()[1][:-1]: ln.split()[2][1:-1] for ln in PREFIXES.splitlines()}


@dataclass(frozen=True)
class Limits:
    """What one query may take; the operator sets them (newskg serve --timeout, --max-rows, --max-memory)."""

    timeout: float = 10.0  # seconds of evaluation and writing, in its worker
    max_rows: int = 10_000  # rows of a SELECT, or triples of a CONSTRUCT/DESCRIBE
    max_memory: int | None = 1 << 30  # bytes one query may allocate in its worker (Linux); None: no cap
    max_query: int = 256 * 1024  # bytes of query text
    allow_service: bool = False  # SERVICE reaches other endpoints over the network


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, Content-Type, body."""

    status: int
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def error(status: int, message: str) -> Answer:
    """A refusal the client can read: the message as plain text."""
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


def refusal(text: str, limits: Limits) -> Answer | None:
    """The answer to a request that is refused before any evaluation, or None when it may run."""
    if not text.strip():
        return error(400, "the query is empty: send it as query=… (GET or form POST) or as an application/sparql-query body")
    if len(text.encode("utf-8", "surrogatepass")) > limits.max_query:
        return error(413, f"the query text is longer than {limits.max_query // 1024} KB; shorten it")
    if is_update(text):
        return error(403, "this endpoint is read-only: updates (INSERT, DELETE, LOAD, CLEAR…) are refused")
    if not limits.allow_service and uses_service(text):
        return error(
            403,
            "the query calls another endpoint (SERVICE), which would send it over the network; "
            "this endpoint queries its own graph only unless started with --allow-service",
        )
    return None


def _accepted(accept: str) -> list[str]:
    """The media types of an Accept header, most wanted first (q-values; equal q: the order given)."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [t for _, _, t in sorted(ranked)]


def negotiate(accept: str | None, fmt: str | None, graph: bool) -> tuple[str, str] | None:
    """(Oxigraph format name, Content-Type) for a result kind, or None when the client accepts none we write.

    `fmt` (`format=` parameters: json, csv, turtle…, media types, or a list of
    them separated by commas or tabs; SPARQLWrapper sends `json-ld` and
    `application/ld+json,application/x-json+ld`) wins over `accept`.
    """
    table = GRAPH_TYPES if graph else RESULT_TYPES
    if fmt:
        for name in re.split(r"[,\t]", fmt.lower()):
            name = name.strip()
            media = FORMAT_NAMES[name][1 if graph else 0] if name in FORMAT_NAMES else name
            if media in table:
                return table[media]
        return None
    wanted = _accepted(accept or "*/*") or ["*/*"]
    for media in wanted:
        if media in table:
            return table[media]
        if media == "*/*" or (media.endswith("/*") and any(t.startswith(media[:-1]) for t in table)):
            default = next(t for t in table if media == "*/*" or t.startswith(media[:-1]))
            return table[default]
    return None


def _not_acceptable(graph: bool) -> Answer:
    kinds = "CONSTRUCT and DESCRIBE" if graph else "SELECT and ASK"
    types = sorted({v[1].split(";")[0] for v in (GRAPH_TYPES if graph else RESULT_TYPES).values()})
    return error(406, f"{kinds} answers are written as {', '.join(types)}; ask for one of them (Accept or format=)")


def evaluate(store: Any, text: str, accept: str | None, fmt: str | None, limits: Limits,
             default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = ()) -> Answer:
    """Run one query on a pyoxigraph Store and write its answer; the caller enforces the time limit."""
    import pyoxigraph as ox

    refused = refusal(text, limits)
    if refused is not None:
        return refused
    full = with_prefixes(text)
    added = full.count("\n") - text.count("\n")
    kwargs: dict[str, Any] = {}
    if default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        res = store.query(full, **kwargs)
        if isinstance(res, ox.QueryBoolean):
            chosen = negotiate(accept, fmt, graph=False)
            if chosen is None:
                return _not_acceptable(False)
            return Answer(200, chosen[1], res.serialize(format=getattr(ox.QueryResultsFormat, chosen[0])) or b"")
        if isinstance(res, ox.QuerySolutions):
            chosen = negotiate(accept, fmt, graph=False)
            if chosen is None:
                return _not_acceptable(False)
            variables = [v.value for v in res.variables]
            lines = ["\t".join("?" + v for v in variables)]
            for n, sol in enumerate(res):
                if n == limits.max_rows:
                    return _too_many("rows", limits.max_rows)
                lines.append("\t".join("" if t is None else str(t) for t in sol))
            tsv = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
            rows = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)  # the capped rows, to Oxigraph's writers
            return Answer(200, chosen[1], rows.serialize(format=getattr(ox.QueryResultsFormat, chosen[0])) or b"")
        chosen = negotiate(accept, fmt, graph=True)
        if chosen is None:
            return _not_acceptable(True)
        triples = []
        for n, t in enumerate(res):
            if n == limits.max_rows:
                return _too_many("triples", limits.max_rows)
            triples.append(t)
        body = ox.serialize(triples, format=getattr(ox.RdfFormat, chosen[0]), prefixes=_used_prefixes(triples))
        return Answer(200, chosen[1], body or b"")
    except SyntaxError as e:
        msg = re.sub(r"\bat (\d+):(\d+)", lambda m: f"at line {int(m[1]) - added}, column {m[2]}", str(e), count=1)
        return error(400, f"the query does not parse: {msg}")
    except MemoryError:
        return out_of_memory(limits)
    except (OSError, ValueError, RuntimeError) as e:  # pyoxigraph's evaluation errors
        return error(400, f"the query failed: {e}")


def _used_prefixes(triples: list[Any]) -> dict[str, str]:
    """The contract's prefixes that name something in these triples (Turtle declares only those)."""
    iris = set()
    for t in triples:
        for term in (t.subject, t.predicate, t.object):
            iris.add(getattr(term, "value", "") if type(term).__name__ == "NamedNode" else getattr(getattr(term, "datatype", None), "value", ""))
    return {p: ns for p, ns in _PREFIX_MAP.items() if any(i.startswith(ns) for i in iris)}


def _too_many(what: str, cap: int) -> Answer:
    return error(413, f"the answer has more than {cap} {what} (the endpoint's --max-rows); add LIMIT or narrow the query")


def out_of_memory(limits: Limits) -> Answer:
    mb = (limits.max_memory or 0) / 1048576
    return error(503, f"the query needed more than {mb:g} MB (the endpoint's --max-memory); narrow it (LIMIT, fewer joins)")


__all__ = ["Answer", "Limits", "evaluate", "negotiate", "refusal", "error", "is_update", "out_of_memory"]

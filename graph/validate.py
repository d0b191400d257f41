"""Validation: an exported RDF file -> a Report of SHACL violations against graph/data/shapes.ttl.

The shapes are the contract of docs/ontology.md made checkable: one class and one
@zh label per entity, members and roles on every post, dates as xsd:date or
xsd:gMonthDay, provenance to an nk:Article, and containment only upward
between administrative units. pyshacl runs them with no inference, so the
file is judged by exactly the triples a SPARQL user sees.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection

from graph.errors import ValidationError
from graph.files import GRAPH_SUFFIXES, graph_format

DATA_DIR = Path(__file__).resolve().parent / "data"
SHAPES_PATH = DATA_DIR / "shapes.ttl"
ONTOLOGY_PATH = DATA_DIR / "ontology.ttl"  # as graph.export.ontology reads it (not imported here: it brings networkx)

_SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result, as strings a person can read."""

    focus: str  # the node that fails, prefixed (nkid:street-office/...) where a prefix fits
    label: str  # its rdfs:label, or "" when it has none
    path: str  # the property, prefixed; "" for a rule on the node itself
    value: str  # the offending value, or ""
    message: str
    severity: str  # Violation, Warning or Info
    shape: str  # the shape that was broken, prefixed, or "" for an anonymous one


@dataclass(frozen=True, slots=True)
class Report:
    conforms: bool
    triples: int
    violations: tuple[Violation, ...]


@functools.cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def load(path: str | Path) -> Graph:
    """Parse an RDF file (Turtle, N-Triples, JSON-LD, RDF/XML by its extension; Turtle otherwise)."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"{path}: no such file; run `newskg build` first or name the exported file to check")
    fmt = graph_format(path)
    rdflib_log = logging.getLogger("rdflib")
    level = rdflib_log.level
    rdflib_log.setLevel(logging.ERROR)  # its warnings on each odd IRI of a file that is not RDF
    try:
        return Graph().parse(path, format=fmt)
    except OSError as e:
        raise ValidationError(f"{path}: cannot read it ({e.strerror or e})") from e
    except Exception as e:  # rdflib raises a different class per syntax
        lines = path.read_bytes().count(b"\n") + 1
        raise ValidationError(
            f"{path}: not valid {fmt} ({_first_line(e, lines)}); a graph file is read by its extension: {GRAPH_SUFFIXES}; "
            "if it is an export, build it again with `newskg build`"
        ) from e
    finally:
        rdflib_log.setLevel(level)


def validate_file(path: str | Path) -> Report:
    """Validate an exported file against the shipped shapes."""
    return validate_graph(load(path))


@functools.cache
def _vocabulary() -> frozenset:
    """What graph/data/ontology.ttl describes: its nk: terms, the standard terms it notes, and the ontology itself."""
    return frozenset(Graph().parse(ONTOLOGY_PATH, format="turtle").subjects())


def instance_data(data: Graph) -> Graph:
    """`data` without the ontology's own description of its terms, as a file that holds both has it (the shapes are
    for the instance data: a term's English label or its class is no entity's); `data` itself when it holds none."""
    vocabulary = {t for t in _vocabulary() if (t, None, None) in data}
    if not vocabulary:
        return data
    kept = Graph(namespace_manager=data.namespace_manager)
    kept += (triple for triple in data if triple[0] not in vocabulary)
    return kept


class _Prepared(Graph):
    """A graph whose SPARQL queries are parsed once each: pyshacl runs a SPARQL-based constraint's query once a focus
    node, as text, and rdflib parses the text every time (38 ms a parse: 486 of them were 12 of the seeds' 13 s).
    A query prepared once and run with each node's bindings is what rdflib's prepareQuery is for."""

    def query(self, query_object, processor="sparql", result="sparql", initNs=None, initBindings=None,  # noqa: ANN001, ANN201, N803
              use_store_provided=True, **kwargs):  # noqa: ANN001, ANN003 - rdflib's Graph.query, as it is
        if isinstance(query_object, str):
            from rdflib.plugins.sparql import prepareQuery  # here: with the rest of rdflib's SPARQL, only when asked

            names = dict(self.namespaces()) if initNs is None else initNs
            key = (query_object, tuple(sorted((k, str(v)) for k, v in names.items())), kwargs.get("base"))
            if key not in self._queries:
                self._queries[key] = prepareQuery(query_object, initNs=names, base=kwargs.get("base"))
            query_object = self._queries[key]
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)

    @functools.cached_property
    def _queries(self) -> dict:
        return {}


def validate_graph(data: Graph) -> Report:
    """Validate an rdflib Graph's instance data (`instance_data`) against the shipped shapes; violations sorted by
    focus node and path."""
    from pyshacl import validate  # here: it takes longer to import than the rest of `newskg evaluate`

    logging.getLogger("pyshacl").setLevel(logging.ERROR)
    data = instance_data(data)
    conforms, results, text = validate(
        _Prepared(store=data.store, identifier=data.identifier, namespace_manager=data.namespace_manager),
        shacl_graph=_shapes(), inference="none", abort_on_first=False, allow_infos=True, allow_warnings=True,
    )
    if not hasattr(results, "subjects"):  # pyshacl returns a failure object when the shapes themselves are wrong
        raise ValidationError(f"the shapes could not be run: {text.strip()}")
    sh = lambda name: URIRef(_SH + name)  # noqa: E731
    names = _namespaces(data)
    out = []
    report = results.value(None, RDF.type, sh("ValidationReport"))
    for r in results.objects(report, sh("result")):  # the top results, not their nested sh:detail
        focus = results.value(r, sh("focusNode"))
        path = results.value(r, sh("resultPath"))
        value = results.value(r, sh("value"))
        shape = results.value(r, sh("sourceShape"))
        severity = results.value(r, sh("resultSeverity"))
        message = results.value(r, sh("resultMessage"))
        labels = sorted(str(x) for x in data.objects(focus, RDFS.label)) if focus is not None else []
        out.append(
            Violation(
                focus=_short(focus, names),
                label=" / ".join(labels),
                path=_short(path, names) if isinstance(path, URIRef) else _path_text(path, results, names),
                value=_short(value, names) if value is not None else "",
                message=str(message) if message is not None else "",
                severity=str(severity).rsplit("#", 1)[-1],
                shape=_short(shape, names) if isinstance(shape, URIRef) else "",
            )
        )
    out.sort(key=lambda v: (v.focus, v.path, v.message, v.value))
    return Report(conforms=bool(conforms), triples=len(data), violations=tuple(dict.fromkeys(out)))


def _namespaces(data: Graph) -> list[tuple[str, str]]:
    pairs = [(str(ns), p) for p, ns in data.namespaces() if p]
    pairs += [("https://w3id.org/newskg/shapes#", "nks"), ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf")]
    return sorted(set(pairs), key=lambda x: -len(x[0]))


def _short(term, names: list[tuple[str, str]]) -> str:
    if isinstance(term, Literal):
        lang = f"@{term.language}" if term.language else ""
        dt = f"^^{_short(term.datatype, names)}" if term.datatype else ""
        return f'"{term}"{lang}{dt}'
    text = str(term)
    for ns, prefix in names:
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return f"<{text}>"


def _path_text(path, results: Graph, names: list[tuple[str, str]]) -> str:
    """A complex sh:resultPath, e.g. an alternative path, as `a|b|c`."""
    if path is None:
        return ""
    alt = results.value(path, URIRef(_SH + "alternativePath"))
    if alt is not None:
        return "|".join(_short(p, names) for p in Collection(results, alt))
    return str(path)


def _first_line(e: Exception, lines: int) -> str:
    """The parser's complaint in one line: rdflib's Turtle errors carry the line and the reason apart."""
    why, line = getattr(e, "_why", None), getattr(e, "lines", None)
    if why and isinstance(line, int):
        # rdflib counts past the end when the file stops in mid-statement
        return f"line {line + 1}: {why}" if line < lines else f"at the end of the file: {why}"
    text = str(e).strip().splitlines()
    return text[0][:200] if text else type(e).__name__

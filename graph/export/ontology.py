"""Ontology export: the ontology shipped in graph/data/ontology.ttl -> exports/ontology.ttl, and docs/ontology.md.

The classes and properties of every graph newskg writes, with Chinese and
English labels and the alignments to schema.org, W3C ORG, FOAF and PROV.
It is the same for every corpus, so the graph argument is only there to
give it the signature of the other writers.

docs/ontology.md is generated from the same Turtle (`make docs`, or
`python -m graph.export.ontology --markdown docs/ontology.md`), so the
documentation cannot say anything the ontology does not; tests/test_docs.py
fails when the two differ.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from graph.export import atomic_write

ONTOLOGY_PATH = Path(__file__).resolve().parent.parent / "data" / "ontology.ttl"
EXAMPLE_QUERY = ONTOLOGY_PATH.parent / "queries" / "officials.rq"


def to_ontology(g: nx.MultiDiGraph | None = None) -> str:
    """The ontology as Turtle."""
    return ONTOLOGY_PATH.read_text(encoding="utf-8")


def write_ontology(g: nx.MultiDiGraph | None, path: str | Path) -> None:
    atomic_write(path, to_ontology(g))


INTRO = """\
# The newskg ontology

<!-- Generated from graph/data/ontology.ttl by `make docs`: edit the Turtle (or the prose in
graph/export/ontology.py), then run `make docs`. tests/test_docs.py fails when they differ. -->

This is the vocabulary of the Turtle that `newskg build` writes
(`exports/graph.ttl`) and that `newskg query` answers from: the interface a
SPARQL user can rely on. Terms listed here are kept from release to
release; new terms may be added, none is renamed or dropped. Where a
standard vocabulary already has the word (schema.org, the W3C Organization
Ontology, SKOS, PROV-O), newskg uses it, so a query written by someone who
knows those vocabularies works without reading newskg's code.

The machine-readable form is `graph/data/ontology.ttl` (written beside the
graph by `newskg build --format ontology`); the constraints every export
meets are SHACL shapes in `graph/data/shapes.ttl`, checked by
`newskg validate`.

## What every graph promises

- Every entity has exactly one class of the table below and exactly one
  `rdfs:label` tagged `@zh`: its canonical name. Every other form the
  pages printed for it is a `skos:altLabel` (`秦岭路街道办事处` for
  `秦岭路街道`).
- Instance IRIs are minted under a base (default
  `https://w3id.org/newskg/id/`, `newskg build --base` to change it) from
  the entity's identity alone: the same entity gets the same IRI in every
  run and in every corpus where it has the same identity.
- Every entity, post and event points with `prov:wasDerivedFrom` to each
  `nk:Article` it was read from; posts and events keep the sentence in
  `nk:evidence`.
- Containment (`schema:containedInPlace`) runs only upward between
  administrative units: City > District > StreetOffice, Town >
  Community, Village. Each triple also says its source:
  `nk:statedContainedInPlace` when the text states it,
  `nk:officialContainedInPlace` when the official gazetteer does.
- Dates are `xsd:date` when the page's year is known and `xsd:gMonthDay`
  (`"--03-20"`) when it is not: a year is never invented.
- An article's credits are `schema:author` (reporters, 记者),
  `schema:contributor` (correspondents, 通讯员) and `nk:photographer`; a
  credit is not a mention: `schema:mentions` links an article to the
  entities its text names.
"""

PATTERNS = """\
## Patterns

| pattern | meaning |
|---|---|
| `?x a nk:StreetOffice ; rdfs:label "秦岭路街道"@zh ; skos:altLabel "秦岭路街道办事处"@zh` | one node per real thing, every printed form an alias |
| `?child schema:containedInPlace ?parent` | administrative containment, upward |
| `?m a org:Membership ; org:member ?p ; org:role ?r ; org:organization ?body . ?r rdfs:label "主任"@zh` | a post: the body is any entity that is not a person, absent when the text names none |
| `?e a nk:Event ; schema:startDate ?d ; schema:location ?place ; schema:organizer ?o ; schema:attendee ?x` | an event: the place is an entity IRI where it is one, else a `@zh` literal |
| `?a a nk:Article ; schema:headline ?h ; schema:articleBody ?b ; nk:sourceFile "000_b611260ab2cebaa9.txt"` | an article and the input file it came from |
| `?x prov:wasDerivedFrom ?a` | the articles a fact was read from |
"""


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _declared(kind: str, text: str) -> list[str]:
    """Terms declared `a <kind>` in the Turtle, in the order of the file."""
    return re.findall(rf"^([\w-]+:\w+) a {re.escape(kind)}\b", text, re.M)


def to_markdown() -> str:
    """docs/ontology.md: the prose above, then tables generated from ontology.ttl."""
    text = ONTOLOGY_PATH.read_text(encoding="utf-8")
    g = Graph().parse(data=text, format="turtle")
    ns = {p: str(u) for p, u in re.findall(r"^@prefix\s+(\w*):\s*<([^>]+)>", text, re.M)}

    def iri(term: str) -> URIRef:
        prefix, local = term.split(":", 1)
        return URIRef(ns[prefix] + local)

    def short(node: object) -> str:
        s = str(node)
        for p, u in sorted(ns.items(), key=lambda kv: -len(kv[1])):
            if s.startswith(u):
                return f"`{p}:{s[len(u):]}`"
        return f"<{s}>"

    def label(term: str, lang: str) -> str:  # a term of another vocabulary: what newskg calls it (nk:usageLabel)
        said = g.objects(iri(term), RDFS.label if term.startswith("nk:") else iri("nk:usageLabel"))
        return next((str(o) for o in said if isinstance(o, Literal) and o.language == lang), "")

    def comment(term: str) -> str:  # a term of another vocabulary: how newskg uses it (skos:scopeNote)
        said = g.objects(iri(term), RDFS.comment if term.startswith("nk:") else iri("skos:scopeNote"))
        return next((_md(str(o)) for o in said if isinstance(o, Literal) and o.language == "en"), "")

    def objs(term: str, *props: str) -> str:
        values = sorted({short(o) for p in props for o in g.objects(iri(term), iri(p))})
        return ", ".join(values) or "—"

    out = [INTRO, "## Prefixes\n", "```turtle"]
    width = max(len(p) for p in ns) + 1
    out += [f"@prefix {p + ':':<{width}} <{u}> ." for p, u in ns.items()]
    out += ["```\n", "## Classes\n", "Every entity has exactly one of the first eight; `nk:AdministrativeUnit` groups the six "
            "administrative ones and is never stated in an export.\n",
            "| class | 中文 | what it is | subclass of |", "|---|---|---|---|"]
    classes = [t for t in _declared("owl:Class", text) if t.startswith("nk:")]
    out += [f"| `{t}` | {label(t, 'zh')} | {comment(t)} | {objs(t, 'rdfs:subClassOf')} |" for t in classes]
    out += ["", "## Properties of the nk: namespace\n", "| property | 中文 | meaning | domain | range |", "|---|---|---|---|---|"]
    props = [t for kind in ("owl:DatatypeProperty", "owl:ObjectProperty", "owl:AnnotationProperty", "rdf:Property")
             for t in _declared(kind, text)]
    declared_at = lambda t: text.index(f"\n{t} ")  # noqa: E731 - the order of the file
    own = sorted((t for t in props if t.startswith("nk:")), key=declared_at)
    for t in own:
        sup = objs(t, "rdfs:subPropertyOf")
        meaning = comment(t) + (f" Sub-property of {sup}." if sup != "—" else "")
        out.append(f"| `{t}` | {label(t, 'zh')} | {meaning} | {objs(t, 'rdfs:domain', 'schema:domainIncludes')} | {objs(t, 'rdfs:range')} |")
    out += ["", "## Standard terms newskg reuses\n",
            "Their own definitions stand; this is how newskg uses them.\n",
            "| term | 中文 | how newskg uses it |", "|---|---|---|"]
    reused = [t for t in re.findall(r"^([\w-]+:\w+)\n    rdfs:isDefinedBy", text, re.M) if not t.startswith("nk:")]
    out += [f"| `{t}` | {label(t, 'zh')} | {re.sub(r'^newskg: ', '', comment(t))} |" for t in reused]
    query = EXAMPLE_QUERY.read_text(encoding="utf-8").strip()
    out += ["", PATTERNS, "## Example\n", "The named query `officials` (`newskg query officials`):\n", "```sparql", query, "```", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """`python -m graph.export.ontology --markdown FILE`: write docs/ontology.md."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] != "--markdown":
        print("usage: python -m graph.export.ontology --markdown docs/ontology.md", file=sys.stderr)
        return 2
    atomic_write(args[1], to_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())

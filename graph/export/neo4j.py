"""Neo4j export: the networkx graph -> the two CSV files `neo4j-admin database import` reads.

    neo4j-admin database import full neo4j --multiline-fields=true \\
        --nodes=exports/neo4j-nodes.csv --relationships=exports/neo4j-relationships.csv

Nodes carry their IRI as `id:ID`, their class as `:LABEL` (entities also get
`Entity`, administrative units `AdminUnit`), and their properties with
camelCase names as in the RDF; several values become `string[]` arrays
(Neo4j's default `;` delimiter). Relationships have the networkx edge's name
in Neo4j's style as `:TYPE` (containedInPlace -> CONTAINED_IN_PLACE).
Bodies and evidence keep their line breaks, hence `--multiline-fields=true`.

Cells are untrusted text, and these files also open in spreadsheets:

- a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
  (which a spreadsheet would run as a formula), or with `'`, gets one `'`
  before it (OWASP's rule for CSV injection); `unneutralized()` takes it
  off again;
- inside a `string[]` value, an element's `%` and `;` (the array delimiter)
  are written `%25` and `%3B`, so a file name with a `;` stays one element;
  `array_element()` reads one back.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from graph.export import atomic_write
from graph.model import ADMIN_TYPES, ENTITY_TYPES

NODES_FILE = "neo4j-nodes.csv"
RELATIONSHIPS_FILE = "neo4j-relationships.csv"
ARRAY_DELIMITER = ";"
# header field -> networkx node attribute; `name:type` as Neo4j reads it
NODE_COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("id:ID", "iri"),
    ("label", "label"),
    (":LABEL", None),
    ("kind", "kind"),
    ("aliases:string[]", "aliases"),
    ("adminCode", "code"),
    ("officialPath", "official_path"),
    ("headline", "headline"),
    ("body", "body"),
    ("sourceFiles:string[]", "sources"),
    ("section", "section"),
    ("date", "date"),
    ("evidence", "evidence"),
    ("timeOfDay", "time_of_day"),
    ("locationText", "location_text"),
)
RELATIONSHIP_COLUMNS = (":START_ID", ":END_ID", ":TYPE", "source")


def neo4j_labels(kind: str) -> str:
    """The node's labels: its class, then Entity and AdminUnit where they apply."""
    labels = [kind]
    if kind in ENTITY_TYPES:
        labels.append("Entity")
    if kind in ADMIN_TYPES:
        labels.append("AdminUnit")
    return ARRAY_DELIMITER.join(labels)


def relationship_type(rel: str) -> str:
    """containedInPlace -> CONTAINED_IN_PLACE."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", rel).upper()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as a formula (OWASP)


def neutralized(cell: str) -> str:
    """A cell no spreadsheet runs as a formula: one `'` before a formula-like (or `'`) start."""
    return "'" + cell if cell.startswith((*FORMULA_STARTS, "'")) else cell


def unneutralized(cell: str) -> str:
    """The value of a neutralized cell."""
    return cell[1:] if cell.startswith("'") else cell


def array_element(text: str) -> str:
    """One element of a `string[]` cell, as written: `;` and `%` percent-escaped."""
    return text.replace("%", "%25").replace(ARRAY_DELIMITER, "%3B") if ("%" in text or ARRAY_DELIMITER in text) else text


def array_value(element: str) -> str:
    """An element read back from a `string[]` cell."""
    return re.sub("%(25|3B)", lambda m: "%" if m[1] == "25" else ARRAY_DELIMITER, element) if "%" in element else element


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (tuple, list, set, frozenset)):
        return neutralized(ARRAY_DELIMITER.join(array_element(str(v)) for v in value))
    return neutralized(str(value))


def _field(cell: str) -> str:
    """An RFC 4180 field: quoted (with `""` inside) when it holds a comma, a quote or any line break.

    Python's csv module quotes for the line terminator it writes (`\n`) but
    not for a lone `\r`, which Neo4j and spreadsheets read as a line break.
    """
    if any(c in cell for c in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _csv(header: tuple[str, ...], rows: list[list[str]]) -> str:
    return "".join(",".join(map(_field, row)) + "\n" for row in [list(header), *rows])


def to_neo4j(g: nx.MultiDiGraph) -> tuple[str, str]:
    """(nodes CSV, relationships CSV), rows sorted by id."""
    nodes = []
    for _, d in g.nodes(data=True):
        row = [neo4j_labels(d["kind"]) if attr is None else _cell(d.get(attr)) for _, attr in NODE_COLUMNS]
        nodes.append(row)
    nodes.sort()
    iri = {n: d["iri"] for n, d in g.nodes(data=True)}
    rels = sorted(
        [iri[u], iri[v], relationship_type(rel), d.get("source") or ""]
        for u, v, rel, d in g.edges(keys=True, data=True)
    )
    return _csv(tuple(h for h, _ in NODE_COLUMNS), nodes), _csv(RELATIONSHIP_COLUMNS, rels)


def write_neo4j(g: nx.MultiDiGraph, out_dir: str | Path) -> list[Path]:
    """Write neo4j-nodes.csv and neo4j-relationships.csv into `out_dir`; returns their paths."""
    nodes, rels = to_neo4j(g)
    out = Path(out_dir)
    atomic_write(out / NODES_FILE, nodes)
    atomic_write(out / RELATIONSHIPS_FILE, rels)
    return [out / NODES_FILE, out / RELATIONSHIPS_FILE]

"""A node's Turtle block as text, from the triples graph.export.rdf says it has: rdflib's bytes, without its terms.

fast_turtle writes rdflib's Turtle from rdflib's terms: a Literal made for
every text and a URIRef for every object, each asked for its text, and
equal objects found by rdflib's Python-level equality. For the 20 MB
corpus's 80,000 nodes that was most of a full Turtle write. Here the same
triple functions (graph.export.rdf's `_entity`, `_article`...) are run
with `TextTerms`, whose objects are plain tuples holding the text rdflib
writes for them (its own `Literal._quote_encode` for a text, its
`_literal_n3` once for each date) and what rdflib orders them by. A block
whose objects rdflib would order by more than that (two literals of one
predicate with different datatypes or languages, or two dates) is left to
rdflib's terms (`block` gives None).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, cast

from rdflib import Literal, URIRef

from graph.export.fast_turtle import _FIRST, _LABEL, _TYPE
from graph.export.rdf import NK, date_literal
from graph.files import without_surrogates

if TYPE_CHECKING:
    from graph.export.fast_turtle import _Terms

# an object: (rank, kind, value, text, prefix). rank 0 an IRI, 1 a literal (rdflib orders IRIs first); kind a
# literal's datatype or language ("" for an IRI); value what rdflib sorts objects of one kind by; text as written;
# prefix the one the text uses, or None
Obj = tuple[int, str, str, str, str | None]

# rdflib's own escaping of a literal's text (it reads only str methods of `self`); private: without it, no TextTerms
_QUOTE: Callable[[str], str] | None = getattr(Literal, "_quote_encode", None)


class TextTerms:
    """graph.export.rdf.Terms giving objects (`Obj`) as rdflib writes them, with the prefixed names of `terms`."""

    @classmethod
    def of(cls, terms: _Terms) -> TextTerms | None:
        """TextTerms, or None where this rdflib has not the escaping function they write texts with."""
        return cls(terms, _QUOTE) if _QUOTE is not None else None

    def __init__(self, terms: _Terms, quote: Callable[[str], str]) -> None:
        self._terms, self._quote = terms, quote
        self._dates: dict[str, Obj] = {}
        self._classes: dict[str, Obj] = {}
        self._order: dict[URIRef, str] = {}  # a predicate's IRI as text, what predicates are ordered by

    def zh(self, value: str) -> Obj:
        text = without_surrogates(value)
        return (1, "@zh", text, self._quote(text) + "@zh", None)

    def plain(self, value: str) -> Obj:
        if type(value) is not str:  # a number, a term...: rdflib's literal of it (a graph.network graph has none)
            return self.term(Literal(value))
        return (1, "", value, self._quote(value), None)

    def date(self, value: str) -> Obj:
        if type(value) is not str:
            return self.term(date_literal(value))
        made = self._dates.get(value)
        if made is None:  # rdflib's text for it, once: its lexical form may be normalised, its datatype shortened
            lit = date_literal(value)
            datatype = cast(URIRef, lit.datatype)
            text = lit._literal_n3(use_plain=True, qname_callback=self._terms.pname)
            made = self._dates[value] = (1, f"^^{datatype}", str(lit), text, _prefix(self._terms.pname(datatype)))
        return made

    def cls(self, kind: str) -> Obj:
        made = self._classes.get(kind)
        if made is None:
            made = self._classes[kind] = self.term(NK[kind])
        return made

    def order_key(self, predicate: URIRef) -> str:
        """What rdflib orders a subject's predicates by (past rdf:type and rdfs:label): their IRIs' text."""
        key = self._order.get(predicate)
        if key is None:
            key = self._order[predicate] = str(predicate)
        return key

    def iri(self, value: str) -> Obj:
        return self.term(URIRef(value))  # (few: a post's interval) rdflib's text, or its refusal of an IRI it cannot write

    def term(self, node: Any) -> Obj:
        """An rdflib term's object: an IRI (by its prefixed name where a bound namespace gives one) or a literal."""
        if isinstance(node, URIRef):
            return (0, "", str(node), self._terms.label(node), _prefix(self._terms.pname(node)))
        assert isinstance(node, Literal), f"not an IRI or a literal: {node!r}"
        kind = f"^^{node.datatype}" if node.datatype else f"@{node.language}" if node.language else ""
        dt = self._terms.pname(node.datatype) if node.datatype else None
        return (1, kind, str(node), self._terms.label(node), _prefix(dt))


def _prefix(name: str | None) -> str | None:
    return name.split(":", 1)[0] if name else None


def block(subject: str, s: object, made: Iterable[tuple[Any, URIRef, Any]], edges: Iterable[tuple[tuple[URIRef, ...], str]],
          terms: _Terms, text_terms: TextTerms) -> tuple[str, frozenset[str]] | None:
    """A node's block (`subject` its IRI's text) and the prefixes it uses, as fast_turtle's `_statement` and
    `register` give them; None where rdflib's ordering of its objects needs rdflib's terms.

    `made`: the triples of the node's data, made with `text_terms` (those about another subject than `s` are left
    out, as rdflib groups them under theirs); `edges`: the predicates of each out-edge and its object's IRI.
    """
    props: dict[URIRef, list[Obj]] = {}
    for subj, p, o in made:
        if subj is not s:
            continue
        if type(o) is not tuple:
            o = text_terms.term(o)
        objects = props.setdefault(p, [])
        if o not in objects:  # each object once, as a Graph keeps each triple once
            objects.append(o)
    for predicates, iri in edges:
        o = (0, "", iri, f"<{iri}>", None)
        for p in predicates:
            props.setdefault(p, []).append(o)
    order = [p for p in (_TYPE, _LABEL) if p in props]
    rest = [p for p in props if p not in _FIRST]
    if len(rest) > 1:
        rest.sort(key=text_terms.order_key)
    out = ["\n", subject]
    used = set()
    for n, p in enumerate([*order, *rest]):
        verb = terms.verb(p)
        if name := terms.pnames.get(p):  # (rdf:type is written `a`: no prefix)
            used.add(name.split(":", 1)[0])
        out.append((" " if n == 0 else " ;\n    ") + verb + " ")
        objects = props[p]
        if len(objects) > 1:
            literals = {o[1] for o in objects if o[0]}
            if len(literals) > 1 or any(k.startswith("^^") for k in literals):
                return None  # rdflib compares these by datatype, language and typed value: its terms must
            objects.sort(key=lambda o: (o[0], o[2]))
        out.append(",\n        ".join(o[3] for o in objects))
        used.update(o[4] for o in objects if o[4])
    out.append(" .\n")
    return "".join(out), frozenset(used)


__all__ = ["Obj", "TextTerms", "block"]

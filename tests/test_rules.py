"""Rules name themselves: every fact carries a known rule id, and each rule is measured against gold."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import main
from graph.evaluate import load_gold
from graph.export.rdf import NK
from graph.rules import QUIET, RULES, format_rules, rule_report

HERE = Path(__file__).resolve().parent
SEED_GOLD = HERE / "gold" / "seeds"
GENRE = HERE / "pages" / "genre"


@pytest.fixture(scope="module")
def seed_graph(seed_build) -> Graph:
    from graph.export.rdf import to_rdflib

    return to_rdflib(seed_build[0].graph)


def test_every_fact_of_the_seeds_names_a_known_rule(seed_graph) -> None:
    used = {str(o) for o in seed_graph.objects(None, NK.rule)} | {str(o) for o in seed_graph.objects(None, NK.parentRule)}
    assert used, "the export carries no rule ids"
    assert used <= set(RULES), sorted(used - set(RULES))
    # every entity, post and event has one; every parent link has its rule
    from rdflib.namespace import RDF

    from graph.export.rdf import ORG, SCHEMA

    for cls in ("StreetOffice", "Person", "Organization", "Event"):
        for node in seed_graph.subjects(RDF.type, NK[cls]):
            assert seed_graph.value(node, NK.rule) is not None, (cls, node)
    for m in seed_graph.subjects(RDF.type, ORG.Membership):
        assert seed_graph.value(m, NK.rule) is not None, m
    for child, _ in seed_graph.subject_objects(SCHEMA.containedInPlace):
        assert seed_graph.value(child, NK.parentRule) is not None, child


def test_rule_report_counts_matches_against_the_gold(seed_graph) -> None:
    rows = {(r.rule, r.kind): r for r in rule_report(seed_graph, load_gold(SEED_GOLD))}
    credit = rows[("person.credit", "entity")]
    assert credit.facts == credit.matched >= 30  # every byline of the seeds is in their gold
    gaz = rows[("unit.gazetteer", "entity")]
    assert gaz.facts >= 20 and gaz.matched / gaz.facts > 0.9
    assert rows[("contain.printed", "parent")].matched >= 10
    assert all(r.matched <= r.facts and r.alone <= r.facts for r in rows.values())


def test_a_wrong_fact_counts_against_its_rule(seed_graph) -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    g = Graph()
    for t in seed_graph:
        g.add(t)
    fake = URIRef("https://w3id.org/newskg/id/person/nobody")
    g.add((fake, RDF.type, NK.Person))
    g.add((fake, RDFS.label, Literal("甄无名", lang="zh")))
    g.add((fake, NK.rule, Literal("person.tagged")))
    before = {r.rule: r for r in rule_report(seed_graph, load_gold(SEED_GOLD)) if r.kind == "entity"}
    after = {r.rule: r for r in rule_report(g, load_gold(SEED_GOLD)) if r.kind == "entity"}
    old = before.get("person.tagged")
    new = after["person.tagged"]
    assert new.facts == (old.facts if old else 0) + 1 and new.matched == (old.matched if old else 0)


def test_the_report_lists_quiet_rules_with_their_reason() -> None:
    text = format_rules([])
    for rule in RULES:
        assert rule in text
    for rule, why in QUIET.items():
        assert why in text, rule
    assert "QUIET" not in text  # a reader of the report is not sent to the code
    assert all("(fired on nothing in these pages" in line for line in text.splitlines()[1:])


def test_evaluate_by_rule_from_the_command_line(tmp_path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "-q", "--by-rule", "--gold", str(SEED_GOLD), str(HERE.parent / "seeds")])
    assert result.exit_code == 0, result.output
    assert "person.credit" in result.stdout and "facts" in result.stdout


def test_the_genre_pages_build_without_an_internal_error() -> None:
    """A bug met on one page is reported, not raised: this makes sure none is met on the genre's shapes."""
    from graph.pipeline import build

    built = build([GENRE], None)
    assert not [r for r in built.corpus.reports if "internal error" in r.reason], built.corpus.reports


def test_every_event_trigger_is_a_known_rule_with_a_pattern_of_its_own() -> None:
    from graph.extract.events import TRIGGERS
    from graph.rules import RULES

    assert [t.rule for t in TRIGGERS if t.rule not in RULES] == []
    assert len({t.rule for t in TRIGGERS}) == len({t.pattern.pattern for t in TRIGGERS}) == len(TRIGGERS)


def test_every_record_of_the_person_post_and_span_rules_names_known_rules() -> None:
    from graph.extract import SPAN_RULES
    from graph.extract.people import PERSON_RULES
    from graph.extract.posts import POST_RULES
    from graph.rules import RULES

    ids = [r.rule for r in (*PERSON_RULES, *POST_RULES)] + [i for r in SPAN_RULES for i in r.rules]
    assert [i for i in ids if i not in RULES] == []
    # every unit or body id is claimed by exactly one span record, but the one fold.py gives after
    # the spans (a 新村 reclassed as a community)
    claimed = [i for r in SPAN_RULES for i in r.rules]
    assert sorted(claimed) == sorted(set(claimed))
    assert [i for i in RULES if i.startswith(("unit.", "org.")) and i not in claimed] == ["unit.neighbourhood"]


def test_every_rule_id_the_code_writes_is_a_known_rule() -> None:
    # the seeds exercise most rules, not all: a rule id written as a literal anywhere in the package is in the table
    # too (contain.list was not, until its own graph showed it on the development set)
    import re

    package = HERE.parent / "graph"
    written = {
        m.group(1)
        for path in package.rglob("*.py")
        if path.name != "rules.py"
        for m in re.finditer(r'"((?:contain|unit|org|person|post|event)\.[a-z][a-z-]*)"', path.read_text(encoding="utf-8"))
    }
    assert len(written) > 50  # the scan reads the rules' literals at all
    assert sorted(written - set(RULES)) == []

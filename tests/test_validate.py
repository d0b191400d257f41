"""Validation: the seeds' export conforms to the shapes, and hand-made broken graphs are each caught."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import main
from graph.errors import ValidationError
from graph.validate import validate_file, validate_graph
from tests.helpers import CONTRACT_PREFIXES

PREFIXES = CONTRACT_PREFIXES + "@prefix : <https://w3id.org/newskg/id/> .\n"

# A small graph that keeps every rule: the broken cases below each change one thing.
GOOD = """
:article-a1 a nk:Article ; schema:articleBody "秦岭路街道办事处主任杨春晓陪同观摩。"@zh ;
    nk:sourceFile "000.txt" ; schema:author :person-luyan ; schema:mentions :so-qinling .
:city-zz a nk:City ; rdfs:label "郑州市"@zh ; prov:wasDerivedFrom :article-a1 .
:district-zy a nk:District ; rdfs:label "中原区"@zh ; schema:containedInPlace :city-zz ;
    nk:officialContainedInPlace :city-zz ; prov:wasDerivedFrom :article-a1 .
:so-qinling a nk:StreetOffice ; rdfs:label "秦岭路街道"@zh ; skos:altLabel "秦岭路街道办事处"@zh ;
    schema:containedInPlace :district-zy ; nk:statedContainedInPlace :district-zy ;
    nk:adminCode "410102007" ; prov:wasDerivedFrom :article-a1 .
:community-wd a nk:Community ; rdfs:label "万达社区"@zh ; schema:containedInPlace :so-qinling ;
    prov:wasDerivedFrom :article-a1 .
:org-c a nk:Organization ; rdfs:label "秦岭路街道便民服务中心"@zh ; nk:jurisdiction :so-qinling ;
    prov:wasDerivedFrom :article-a1 .
:person-yang a nk:Person ; rdfs:label "杨春晓"@zh ; prov:wasDerivedFrom :article-a1 .
:person-luyan a nk:Person ; rdfs:label "鲁燕"@zh ; prov:wasDerivedFrom :article-a1 .
:role-zhuren a org:Role ; rdfs:label "主任"@zh .
:m1 a org:Membership ; org:member :person-yang ; org:role :role-zhuren ; org:organization :so-qinling ;
    nk:evidence "秦岭路街道办事处主任杨春晓"@zh ; prov:wasDerivedFrom :article-a1 .
:event-e1 a nk:Event ; rdfs:label "观摩推进会"@zh ; schema:startDate "--03-20"^^xsd:gMonthDay ;
    schema:location :so-qinling ; schema:organizer :district-zy ; schema:attendee :person-yang ;
    nk:timeOfDay "下午"@zh ; nk:evidence "3月20日下午"@zh ; prov:wasDerivedFrom :article-a1 .
:event-e2 a nk:Event ; rdfs:label "宣传活动"@zh ; schema:startDate "2023-03-15"^^xsd:date ;
    schema:location "王府井城市奥莱"@zh ; prov:wasDerivedFrom :article-a1 .
"""

ID = "<https://w3id.org/newskg/id/"


def check(turtle: str):
    return validate_graph(Graph().parse(data=PREFIXES + turtle, format="turtle"))


def test_the_hand_made_good_graph_conforms():
    report = check(GOOD)
    assert report.violations == ()
    assert report.conforms


def test_the_seed_export_conforms(seed_build):
    _, out = seed_build
    report = validate_file(out / "graph.ttl")
    assert report.violations == ()
    assert report.conforms
    assert report.triples > 1000


def test_each_sparql_constraint_s_query_is_parsed_once_not_once_a_focus_node(seed_build, monkeypatch):
    # pyshacl asks a SPARQL-based constraint's query once for every node it targets; parsing the text each time was
    # twelve of the thirteen seconds the seeds' validation took (486 parses)
    import rdflib.plugins.sparql.processor as processor

    parsed: list[str] = []
    real = processor.parseQuery
    monkeypatch.setattr(processor, "parseQuery", lambda text: parsed.append(text) or real(text))
    _, out = seed_build
    assert validate_file(out / "graph.ttl").conforms
    assert parsed and len(parsed) == len(set(parsed)) <= 10


def replace(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


# (case, the broken graph, the focus node and path of the violation it must raise, a word of its message)
BROKEN = [
    (
        "no zh label",
        replace('rdfs:label "杨春晓"@zh', 'rdfs:label "Yang Chunxiao"@en'),
        ID + "person-yang>",
        "rdfs:label",
        "exactly one rdfs:label",
    ),
    (
        "plain label",
        replace('rdfs:label "中原区"@zh', 'rdfs:label "中原区"'),
        ID + "district-zy>",
        "rdfs:label",
        "exactly one rdfs:label",
    ),
    (
        "two labels",
        replace('rdfs:label "秦岭路街道"@zh', 'rdfs:label "秦岭路街道"@zh, "秦岭路街道办事处"@zh'),
        ID + "so-qinling>",
        "rdfs:label",
        "exactly one rdfs:label",
    ),
    (
        "two classes",
        replace(":city-zz a nk:City", ":city-zz a nk:City, nk:District"),
        ID + "city-zz>",
        "rdf:type",
        "exactly one of",
    ),
    (
        "no class",
        replace(":person-luyan a nk:Person ;", ":person-luyan"),
        ID + "person-luyan>",
        "rdf:type",
        "exactly one of",
    ),
    ("membership without role", replace("org:role :role-zhuren ;", ""), ID + "m1>", "org:role", "exactly one org:role"),
    (
        "membership without member",
        replace("org:member :person-yang ;", ""),
        ID + "m1>",
        "org:member",
        "exactly one org:member",
    ),
    (
        "member is not a person",
        replace("org:member :person-yang", "org:member :org-c"),
        ID + "m1>",
        "org:member",
        "an nk:Person",
    ),
    (
        "body is a person",
        replace("org:organization :so-qinling", "org:organization :person-luyan"),
        ID + "m1>",
        "org:organization",
        "administrative unit",
    ),
    (
        "date as a plain string",
        replace('"--03-20"^^xsd:gMonthDay', '"3月20日"'),
        ID + "event-e1>",
        "schema:startDate",
        "xsd:gMonthDay",
    ),
    (
        "date with a time",
        replace('"2023-03-15"^^xsd:date', '"2023-03-15T09:00:00"^^xsd:dateTime'),
        ID + "event-e2>",
        "schema:startDate",
        "xsd:date",
    ),
    (
        "ill-formed date",
        replace('"2023-03-15"^^xsd:date', '"2023-13-45"^^xsd:date'),
        ID + "event-e2>",
        "schema:startDate",
        "xsd:date",
    ),
    (
        "two dates",
        replace(
            'schema:startDate "--03-20"^^xsd:gMonthDay',
            'schema:startDate "--03-20"^^xsd:gMonthDay, "--03-21"^^xsd:gMonthDay',
        ),
        ID + "event-e1>",
        "schema:startDate",
        "at most one",
    ),
    (
        "entity without provenance",
        replace(
            ':community-wd a nk:Community ; rdfs:label "万达社区"@zh ; schema:containedInPlace :so-qinling ;\n    prov:wasDerivedFrom :article-a1 .',
            ':community-wd a nk:Community ; rdfs:label "万达社区"@zh ; schema:containedInPlace :so-qinling .',
        ),
        ID + "community-wd>",
        "prov:wasDerivedFrom",
        "nk:Article",
    ),
    (
        "event without provenance",
        replace(
            'schema:location "王府井城市奥莱"@zh ; prov:wasDerivedFrom :article-a1',
            'schema:location "王府井城市奥莱"@zh',
        ),
        ID + "event-e2>",
        "prov:wasDerivedFrom",
        "nk:Article",
    ),
    (
        "membership derived from a person",
        replace(
            'nk:evidence "秦岭路街道办事处主任杨春晓"@zh ; prov:wasDerivedFrom :article-a1',
            'nk:evidence "秦岭路街道办事处主任杨春晓"@zh ; prov:wasDerivedFrom :person-luyan',
        ),
        ID + "m1>",
        "prov:wasDerivedFrom",
        "nk:Article",
    ),
    (
        "containment upside down",
        replace("schema:containedInPlace :city-zz ;", "schema:containedInPlace :so-qinling ;"),
        ID + "district-zy>",
        "schema:containedInPlace|nk:statedContainedInPlace|nk:officialContainedInPlace",
        "district is contained in a city",
    ),
    (
        "community in a community",
        replace(
            ':community-wd a nk:Community ; rdfs:label "万达社区"@zh ; schema:containedInPlace :so-qinling',
            ':community-wd a nk:Community ; rdfs:label "万达社区"@zh ; schema:containedInPlace :community-wd',
        ),
        ID + "community-wd>",
        "schema:containedInPlace|nk:statedContainedInPlace|nk:officialContainedInPlace",
        "community or village",
    ),
    (
        "city in a district",
        replace(
            ':city-zz a nk:City ; rdfs:label "郑州市"@zh ;',
            ':city-zz a nk:City ; rdfs:label "郑州市"@zh ; schema:containedInPlace :district-zy ;',
        ),
        ID + "city-zz>",
        "schema:containedInPlace|nk:statedContainedInPlace|nk:officialContainedInPlace",
        "top of the hierarchy",
    ),
    (
        "a body contained in a place",
        replace("nk:jurisdiction :so-qinling", "schema:containedInPlace :so-qinling"),
        ID + "org-c>",
        "",
        "only an administrative unit",
    ),
    (
        "stated without schema:containedInPlace",
        replace("schema:containedInPlace :district-zy ; nk:statedContainedInPlace", "nk:statedContainedInPlace"),
        ID + "so-qinling>",
        "nk:statedContainedInPlace",
        "not also written as schema:containedInPlace",
    ),
    (
        "an event attended by a literal",
        replace("schema:attendee :person-yang", 'schema:attendee "杨春晓"@zh'),
        ID + "event-e1>",
        "schema:organizer|schema:attendee",
        "are entities",
    ),
    (
        "a label tagged zh-Hant",
        replace('rdfs:label "杨春晓"@zh', 'rdfs:label "楊春曉"@zh-Hant'),
        ID + "person-yang>",
        "rdfs:label",
        "no region or script after it",
    ),
    (
        "a street office named by its office",
        replace('rdfs:label "秦岭路街道"@zh ; skos:altLabel "秦岭路街道办事处"@zh', 'rdfs:label "秦岭路街道办事处"@zh ; skos:altLabel "秦岭路街道"@zh'),
        ID + "so-qinling>",
        "rdfs:label",
        "canonical name is X街道",
    ),
    (
        "a headline on two lines",
        replace(":article-a1 a nk:Article ;", ':article-a1 a nk:Article ; schema:headline "秦岭路街道\\n召开观摩推进会"@zh ;'),
        ID + "article-a1>",
        "schema:headline",
        "holds a line break",
    ),
    (
        "a headline ending in a line break",
        replace(":article-a1 a nk:Article ;", ':article-a1 a nk:Article ; schema:headline "秦岭路街道召开观摩推进会\\n"@zh ;'),
        ID + "article-a1>",
        "schema:headline",
        "holds a line break",
    ),
    (
        "an official path tagged zh-CN",
        replace(':so-qinling a nk:StreetOffice ;', ':so-qinling a nk:StreetOffice ; nk:officialPath "河南省/郑州市/中原区/秦岭路街道"@zh-CN ;'),
        ID + "so-qinling>",
        "nk:officialPath",
        "no region or script after it",
    ),
    (
        "a headline in English",
        replace(":article-a1 a nk:Article ;", ':article-a1 a nk:Article ; schema:headline "A meeting"@en ;'),
        ID + "article-a1>",
        "schema:headline",
        "at most one schema:headline, a @zh literal",
    ),
    (
        "a month and day from a dated article",
        replace(":article-a1 a nk:Article ;", ':article-a1 a nk:Article ; schema:datePublished "2023-03-21"^^xsd:date ;'),
        ID + "event-e1>",
        "",
        "where the year is known",
    ),
    (
        "a month and day that is none: month 13",
        replace('"--03-20"^^xsd:gMonthDay', '"--13-45"^^xsd:gMonthDay'),
        ID + "event-e1>",
        "",
        "is no month and day",
    ),
    (
        "a month and day without its dashes",
        replace('"--03-20"^^xsd:gMonthDay', '"03-20"^^xsd:gMonthDay'),
        ID + "event-e1>",
        "",
        "is no month and day",
    ),
    (
        "the 30th of February",
        replace('"--03-20"^^xsd:gMonthDay', '"--02-30"^^xsd:gMonthDay'),
        ID + "event-e1>",
        "",
        "is no month and day",
    ),
    (
        "an empty label",
        replace('rdfs:label "杨春晓"@zh', 'rdfs:label ""@zh'),
        ID + "person-yang>",
        "rdfs:label",
        "not empty and not padded",
    ),
    (
        "a label padded with a space",
        replace('rdfs:label "杨春晓"@zh', 'rdfs:label "杨春晓 "@zh'),
        ID + "person-yang>",
        "rdfs:label",
        "not empty and not padded",
    ),
    (
        "a community in two places",
        replace(":community-wd a nk:Community ; rdfs:label \"万达社区\"@zh ; schema:containedInPlace :so-qinling ;",
                ":community-wd a nk:Community ; rdfs:label \"万达社区\"@zh ; schema:containedInPlace :so-qinling, :district-zy ;"),
        ID + "community-wd>",
        "schema:containedInPlace",
        "contained in one place",
    ),
    (
        "a body above itself",
        replace("nk:jurisdiction :so-qinling ;", "nk:jurisdiction :so-qinling ; schema:parentOrganization :org-c ;"),
        ID + "org-c>",
        "",
        "goes round",
    ),
    (
        "article without body",
        replace('schema:articleBody "秦岭路街道办事处主任杨春晓陪同观摩。"@zh ;', ""),
        ID + "article-a1>",
        "schema:articleBody",
        "exactly one schema:articleBody",
    ),
]


@pytest.mark.parametrize("turtle,focus,path,words", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_each_broken_graph_is_caught(turtle, focus, path, words):
    report = check(turtle)
    assert not report.conforms
    hits = [v for v in report.violations if v.focus == focus and v.path == path and words in v.message]
    assert hits, [(v.focus, v.path, v.message) for v in report.violations]
    assert all(v.severity == "Violation" for v in report.violations)


def test_a_violation_carries_the_label_and_the_value():
    report = check(replace("org:member :person-yang", "org:member :org-c"))
    (v,) = [v for v in report.violations if v.path == "org:member"]
    assert v.value == ID + "org-c>"
    assert v.shape == ""  # an anonymous property shape
    report = check(replace('"--03-20"^^xsd:gMonthDay', '"3月20日"'))
    (v,) = report.violations
    assert (v.label, v.value) == ("观摩推进会", '"3月20日"')


def test_missing_and_unparseable_files_are_clear_errors(tmp_path: Path):
    with pytest.raises(ValidationError, match="no such file"):
        validate_file(tmp_path / "nope.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <x#> .\n:a :b :c .\n:d :e @@ .\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"bad.ttl: not valid turtle \(line 3: "):
        validate_file(bad)
    bad.write_text("@prefix : <x#> .\n:a :b\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"not valid turtle \(at the end of the file: "):
        validate_file(bad)
    record = tmp_path / "build.json"  # written beside every export: no graph, not an empty JSON-LD one that conforms
    record.write_text('{"generator": "newskg", "outputs": {}}\n', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"build.json: not valid turtle"):
        validate_file(record)


def test_a_file_of_another_format_is_named_as_such_without_rdflibs_noise(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    graphml = tmp_path / "graph.graphml"  # what `newskg build --format graphml` writes: XML, not RDF
    graphml.write_text('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                       '<graph edgedefault="directed"><node id="a b"/></graph>\n</graphml>\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING), pytest.raises(ValidationError) as e:
        validate_file(graphml)
    assert "graph.graphml: not valid turtle (" in str(e.value)
    assert "a graph file is read by its extension: .ttl Turtle, .nt N-Triples" in str(e.value)
    assert not [r for r in caplog.records if r.name.startswith("rdflib")]
    assert logging.getLogger("rdflib").level == logging.NOTSET  # as it was
    view = tmp_path / "graph.html"  # the network view beside it: rdflib guesses RDFa for .html, and has no reader for it
    view.write_text("<!DOCTYPE html>\n<html><body><div id=\"net\"></div></body></html>\n", encoding="utf-8")
    with pytest.raises(ValidationError) as e:
        validate_file(view)
    assert "graph.html: not valid turtle (" in str(e.value) and "plugin" not in str(e.value)


def test_cli_validate(tmp_path: Path):
    runner = CliRunner()
    good = tmp_path / "good.ttl"
    good.write_text(PREFIXES + GOOD, encoding="utf-8")
    ok = runner.invoke(main, ["validate", str(good)])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout == ""
    assert ok.stderr == f"{good}: conforms: 0 violations in {len(Graph().parse(good))} triples\n"

    broken = tmp_path / "broken.ttl"
    broken.write_text(PREFIXES + replace("org:role :role-zhuren ;", ""), encoding="utf-8")
    res = runner.invoke(main, ["validate", str(broken), "--format", "csv"])
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert lines[0] == "focus,label,path,value,message"
    assert lines[1] == f'{ID}m1>,,org:role,,"a membership has exactly one org:role, an org:Role"'
    assert "1 violation" in res.stderr

    missing = runner.invoke(main, ["validate", str(tmp_path / "none.ttl")])
    assert missing.exit_code == 1
    assert "no such file" in missing.stderr and missing.stdout == ""


def test_a_29_february_printed_in_a_year_without_one_stays_a_month_and_day():
    # graph/extract/dates.py keeps it as printed rather than move it to another day: the shapes allow that one
    dated = GOOD.replace(":article-a1 a nk:Article ;", ':article-a1 a nk:Article ; schema:datePublished "2023-03-05"^^xsd:date ;', 1)
    def on_the_event(turtle: str) -> list:
        return [v for v in check(turtle).violations if v.focus == ID + "event-e1>"]  # the post wants its dates too

    assert on_the_event(dated.replace('"--03-20"^^xsd:gMonthDay', '"--02-29"^^xsd:gMonthDay', 1)) == []
    assert [v.message for v in on_the_event(dated)] == ["a month and day (--03-20) where the year is known: an article it is read from was published on 2023-03-05"]


def test_the_ontology_beside_the_data_is_not_taken_for_entities(seed_build, tmp_path: Path):
    from graph.validate import DATA_DIR

    _, out = seed_build
    merged = tmp_path / "with-ontology.ttl"  # one dump of the data and its vocabulary, as a publisher may load it
    merged.write_text((out / "graph.ttl").read_text(encoding="utf-8") + (DATA_DIR / "ontology.ttl").read_text(encoding="utf-8"),
                      encoding="utf-8")
    assert validate_file(merged).conforms
    broken = merged.read_text(encoding="utf-8").replace('rdfs:label "中原区"@zh', 'rdfs:label "中原区"@en', 1)
    merged.write_text(broken, encoding="utf-8")
    assert {v.label for v in validate_file(merged).violations} == {"中原区"}  # the data is still checked


def test_a_label_in_another_language_may_be_added_one_a_language():
    english = check(replace('rdfs:label "杨春晓"@zh', 'rdfs:label "杨春晓"@zh, "Yang Chunxiao"@en'))
    assert english.conforms, english.violations
    two = check(replace('rdfs:label "杨春晓"@zh', 'rdfs:label "杨春晓"@zh, "Yang Chunxiao"@en, "Chunxiao Yang"@en'))
    assert [(v.focus, v.path) for v in two.violations] == [(ID + "person-yang>", "rdfs:label")]

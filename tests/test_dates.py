"""Posts over time: every membership read from a dated article says when it was reported (org:memberDuring).

The pages of tests/pages/posts carry their dates in their file names; one
has none. The development set (../shared/dev, with its manifest) is
checked too when it is beside the checkout.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from graph.pipeline import build
from graph.validate import validate_file
from tests.conftest import SHARED

POSTS = Path(__file__).resolve().parent / "pages" / "posts"
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")  # open namespaces: pytest's look-ups in rdflib's closed ones warn
NK = Namespace("https://w3id.org/newskg/ontology#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
DEV = SHARED / "dev"
LATER = URIRef("https://w3id.org/newskg/id/date/2030-01-01")

REPORTED = """
PREFIX org: <http://www.w3.org/ns/org#> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX schema: <https://schema.org/>
PREFIX time: <http://www.w3.org/2006/time#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?m ?name ?published ?b ?e WHERE {
  ?m a org:Membership ; org:member/rdfs:label ?name ; prov:wasDerivedFrom ?a .
  FILTER NOT EXISTS { ?m <https://w3id.org/newskg/ontology#rule> "post.former" }  # held before: when, not known
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?m org:memberDuring ?i . ?i a time:Interval .
             OPTIONAL { ?i time:hasBeginning ?bi . ?bi a time:Instant ; time:inXSDDate ?b }
             OPTIONAL { ?i time:hasEnd ?ei . ?ei a time:Instant ; time:inXSDDate ?e } }
}"""


@pytest.fixture(scope="module")
def posts(tmp_path_factory):
    out = tmp_path_factory.mktemp("posts")
    result = build([POSTS], out)
    return result, out, Graph().parse(out / "graph.ttl", format="turtle")


def reported(g: Graph) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(str(r.name), *(None if v is None else str(v) for v in (r.published, r.b, r.e))) for r in g.query(REPORTED)]


def test_a_membership_of_a_dated_article_runs_from_its_first_to_its_last_report(posts):
    _, _, g = posts
    rows = reported(g)
    assert len(rows) == 6
    for name, published, b, e in rows:
        assert (b, e) == (published, published), name  # one article: the same first and last day
    assert ("孙晓梅", None, None, None) in rows  # the undated page: no interval, no guessed date
    assert sum(1 for r in rows if r[1]) == 5


def test_the_same_person_in_two_posts_is_one_node_with_both_memberships(posts):
    _, _, g = posts
    people = {p for p in g.subjects(RDFS.label, Literal("周文华", lang="zh"))}
    assert len(people) == 1
    (person,) = people
    spans = sorted(
        (str(g.value(g.value(g.value(m, ORG.memberDuring), TIME.hasBeginning), TIME.inXSDDate)), str(g.value(g.value(m, ORG.role), RDFS.label)))
        for m in g.subjects(ORG.member, person)
    )
    assert spans == [("2019-03-05", "主任"), ("2021-09-16", "党工委书记")]


def test_instants_and_intervals_have_iris_of_their_days_and_are_shared(posts):
    _, _, g = posts
    day = URIRef("https://w3id.org/newskg/id/date/2021-09-16")
    assert (day, RDF.type, TIME.Instant) in g
    assert g.value(day, TIME.inXSDDate) == Literal("2021-09-16", datatype=XSD.date)
    span = URIRef("https://w3id.org/newskg/id/interval/2021-09-16_2021-09-16")
    assert len(set(g.subjects(ORG.memberDuring, span))) == 2  # 周文华's and 孙晓梅's posts of that day


def test_the_dated_export_conforms_and_the_ontology_declares_the_time_terms(posts, tmp_path: Path):
    _, out, g = posts
    report = validate_file(out / "graph.ttl")
    assert report.conforms, report.violations
    onto = Graph().parse(Path(__file__).resolve().parent.parent / "graph" / "data" / "ontology.ttl", format="turtle")
    for term in (ORG.memberDuring, TIME.Interval, TIME.Instant, TIME.hasBeginning, TIME.hasEnd, TIME.inXSDDate):
        assert {v.language for v in onto.objects(term, NK.usageLabel)} >= {"zh", "en"}, term  # another vocabulary's
        assert {v.language for v in onto.objects(term, SKOS.scopeNote)} >= {"zh", "en"}, term


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda g, m, i: g.remove((m, ORG.memberDuring, None)), "no org:memberDuring"),
        (lambda g, m, i: (g.set((i, TIME.hasBeginning, LATER)), g.add((LATER, RDF.type, TIME.Instant)),
                          g.add((LATER, TIME.inXSDDate, Literal("2030-01-01", datatype=XSD.date)))), "after it ends"),
        (lambda g, m, i: g.set((g.value(i, TIME.hasEnd), TIME.inXSDDate, Literal("2000-01-01", datatype=XSD.date))),
         "first to the last publication date"),
        (lambda g, m, i: (g.remove((i, TIME.hasBeginning, None)), g.remove((i, TIME.hasEnd, None))), "at least one of its ends"),
    ],
)
def test_the_shapes_catch_a_missing_or_wrong_interval(posts, tmp_path: Path, change, message):
    _, out, g = posts
    broken = Graph()
    for t in g:
        broken.add(t)
    m = next(s for s in broken.subjects(ORG.memberDuring, None))
    change(broken, m, broken.value(m, ORG.memberDuring))
    path = tmp_path / "broken.ttl"
    broken.serialize(path, format="turtle")
    report = validate_file(path)
    assert not report.conforms
    assert any(message in v.message for v in report.violations), [v.message for v in report.violations]


def test_the_view_lists_a_person_s_posts_by_date(posts):
    from graph.export.html import view_data

    result, _, _ = posts
    data = view_data(result.graph)
    (zhou,) = [v for v in data["info"].values() if v["label"] == "周文华"]
    posts_ = dict(zhou["sections"])["职务 posts"]
    assert [p[0] for p in posts_] == ["2019年3月5日 · 秦岭路街道 主任", "2021年9月16日 · 秦岭路街道 党工委书记"]
    (sun,) = [v for v in data["info"].values() if v["label"] == "孙晓梅"]
    assert [p[0] for p in dict(sun["sections"])["职务 posts"]] == [
        "2021年9月16日 · 秦岭路街道 主任", "2023年5月10日 · 秦岭路街道 主任", "秦岭路街道 主任"  # undated last
    ]


def test_a_post_printed_as_held_before_has_no_dates(tmp_path: Path):
    page = tmp_path / "pages" / "2024-03-02_a.txt"
    page.parent.mkdir()
    page.write_text("柳岸街道召开老干部座谈会\n\n本报讯 3月1日，柳岸街道召开老干部座谈会，原柳岸街道办事处主任孙建华、"
                    "街道党工委书记王建国参加座谈。\n\n记者 李明\n", encoding="utf-8")
    build([page.parent], tmp_path / "out", formats=("ttl",))
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    during = {str(g.value(m, ORG.member / RDFS.label)): g.value(m, ORG.memberDuring) for m in g.subjects(RDF.type, ORG.Membership)}
    assert during["孙建华"] is None and during["王建国"] is not None  # the former post: held, not on the page's day
    [former] = [m for m in g.subjects(RDF.type, ORG.Membership) if g.value(m, NK.rule) == Literal("post.former")]
    assert str(g.value(former, ORG.member / RDFS.label)) == "孙建华"
    assert validate_file(tmp_path / "out" / "graph.ttl").conforms  # the shapes ask no interval of it


@pytest.mark.skipif(not (DEV / "pages").is_dir(), reason="../shared/dev is not beside the checkout")
def test_on_the_development_set_every_membership_of_a_dated_article_has_its_dates(tmp_path: Path):
    from graph.pipeline import Options
    from graph.read import load_manifest

    options = Options(dates=tuple(sorted(load_manifest(DEV / "dates.csv").items())))
    build([DEV / "pages"], tmp_path, formats=("ttl",), options=options)
    rows = reported(Graph().parse(tmp_path / "graph.ttl", format="turtle"))
    dated = [r for r in rows if r[1]]
    assert len(dated) > 50
    assert all((b, e) == (p, p) for _, p, b, e in dated)
    assert all(b is None and e is None for _, p, b, e in rows if not p)

"""Everyday use does what a user expects: formats add to the defaults, the build is recorded, stale graphs are
named, empty input is an error, credits are not mentions, and the messages say what is wrong."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graph.cli import main
from graph.export.rdf import NK, SCHEMA
from tests.conftest import EXPORTS, SEEDS

PAGE_A = SEEDS / "003_a26fe80e498bcd3e.txt"
PAGE_B = SEEDS / "002_e3956309ced81d76.txt"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory, runner):
    """One page built through the CLI with an extra format: (result, out folder)."""
    out = tmp_path_factory.mktemp("everyday") / "out"
    r = runner.invoke(main, ["build", str(PAGE_A), "--out", str(out), "--format", "jsonld", "-q"])
    assert r.exit_code == 0, r.stderr
    return r, out


def test_a_format_adds_to_the_turtle_and_the_view(built) -> None:
    _, out = built
    assert sorted(p.name for p in out.iterdir()) == ["build.json", "graph.html", "graph.jsonld", "graph.ttl"]


def test_the_build_is_recorded_beside_its_exports(built) -> None:
    r, out = built
    record = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert record["generator"] == "newskg 0.1.0"
    assert [i["file"] for i in record["inputs"]] == [PAGE_A.name]
    assert re.fullmatch(r"[0-9a-f]{40}", record["inputs"][0]["sha1"])
    assert record["formats"] == ["html", "jsonld", "ttl"]
    assert sorted(record["outputs"]) == ["graph.html", "graph.jsonld", "graph.ttl"]
    assert str(out) not in (out / "build.json").read_text(encoding="utf-8")  # no folder: deterministic
    assert f"wrote {out / 'build.json'}" in r.stderr


def test_the_committed_record_is_the_seed_builds(seed_build) -> None:
    _, out = seed_build
    assert (out / "build.json").read_text(encoding="utf-8") == (EXPORTS / "build.json").read_text(encoding="utf-8"), \
        "run pytest --update-golden"


def test_query_and_validate_warn_about_a_graph_the_last_build_did_not_write(built, runner, tmp_path) -> None:
    _, out = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    fresh = runner.invoke(main, ["query", "reporters", "--graph", str(copy / "graph.ttl")])
    assert fresh.exit_code == 0 and "warning" not in fresh.stderr
    with open(copy / "graph.ttl", "a", encoding="utf-8") as f:  # another build's graph put in its place
        f.write('<https://example.org/x> a <https://w3id.org/newskg/ontology#District> .\n')
    for args in (["query", "reporters", "--graph", str(copy / "graph.ttl")], ["validate", str(copy / "graph.ttl")]):
        r = runner.invoke(main, args)
        assert f"warning: {copy / 'graph.ttl'} has changed since the last build into {copy}/" in r.stderr, args
    missing = runner.invoke(main, ["validate", str(copy / "graph.nt")])
    assert missing.exit_code == 1 and "warning" not in missing.stderr  # a missing file is its own error
    (copy / "graph.ttl").rename(copy / "other.ttl")
    r = runner.invoke(main, ["query", "reporters", "--graph", str(copy / "other.ttl")])
    assert "other.ttl was not written by the last build" in r.stderr


def test_a_build_over_another_corpus_says_so(runner, tmp_path) -> None:
    out = tmp_path / "out"
    first = runner.invoke(main, ["build", str(PAGE_A), "--out", str(out), "-q"])
    assert first.exit_code == 0 and "note:" not in first.stderr
    again = runner.invoke(main, ["build", str(PAGE_A), "--out", str(out), "-q"])
    assert "note:" not in again.stderr  # the same pages: nothing of another corpus replaced
    other = runner.invoke(main, ["build", str(PAGE_B), "--out", str(out), "-q"])
    assert other.exit_code == 0
    assert f"note: {out}/ held the exports of a build of 1 other page(s) ({PAGE_A.name}): graph.html, graph.ttl" in other.stderr
    assert "still hold" not in other.stderr  # it wrote every file the other build had


def test_the_same_corpus_grown_or_with_a_format_dropped_is_not_called_another(runner, tmp_path) -> None:
    pages, out = tmp_path / "pages", tmp_path / "out"
    pages.mkdir()
    shutil.copy(PAGE_A, pages)
    first = runner.invoke(main, ["build", str(pages), "--out", str(out), "--format", "nt", "-q"])
    assert first.exit_code == 0, first.stderr
    shutil.copy(PAGE_B, pages)  # a page more: the same corpus, grown
    grown = runner.invoke(main, ["build", str(pages), "--out", str(out), "--format", "nt", "-q"])
    assert grown.exit_code == 0 and "note:" not in grown.stderr
    dropped = runner.invoke(main, ["build", str(pages), "--out", str(out), "-q"])  # the same pages, without nt
    assert dropped.exit_code == 0
    assert (f"note: {out}/ still holds graph.nt of an earlier build, which this one did not write: delete it, "
            "or build again with its --format") in dropped.stderr
    assert "other page" not in dropped.stderr
    (pages / PAGE_A.name).unlink()  # a page fewer, and the stale file gone: nothing to say
    (out / "graph.nt").unlink()
    shrunk = runner.invoke(main, ["build", str(pages), "--out", str(out), "-q"])
    assert shrunk.exit_code == 0 and "note:" not in shrunk.stderr


def test_the_note_names_the_files_another_corpus_s_build_left(runner, tmp_path) -> None:
    out = tmp_path / "out"
    first = runner.invoke(main, ["build", str(PAGE_A), "--out", str(out), "--format", "nt", "--format", "jsonld", "-q"])
    assert first.exit_code == 0, first.stderr
    other = runner.invoke(main, ["build", str(PAGE_B), "--out", str(out), "-q"])
    assert other.exit_code == 0
    assert ("graph.html, graph.ttl now hold this build's; graph.jsonld, graph.nt still hold that build's "
            "(delete them, or build again with their --format)") in other.stderr


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, "nothing to build: no file in"),
        ({"a.html": "<p>x</p>", "b.pdf": "%PDF-1.4"}, "nothing to build: no text page in"),
        ({"a.txt": ""}, "nothing to build: none of the 1 page(s)"),
        ({"a/A08.txt": "", "b/A08.txt": ""}, "nothing to build: none of the 2 page(s)"),  # gathered, not streamed
    ],
    ids=["empty", "html-and-pdf", "only-an-empty-page", "same-named-empty-pages"],
)
def test_a_folder_with_nothing_to_read_is_an_error(runner, tmp_path, files, expected) -> None:
    (tmp_path / "in").mkdir()
    for name, text in files.items():
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    r = runner.invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q"])
    assert r.exit_code == 1
    assert f"error: {expected}" in r.stderr
    for name in files:  # what was found is named, with why it was skipped, each on a line of its own
        assert f"\n  {tmp_path / 'in' / name}: is " in r.stderr
    assert "\\n" not in r.stderr  # line breaks, not their escapes
    assert not (tmp_path / "out").exists()  # nothing written: an earlier build's exports would stay


def test_a_skipped_file_named_with_a_line_break_stays_on_its_line(runner, tmp_path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a\nerror: forged.pdf").write_bytes(b"%PDF-1.4")
    r = runner.invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q"])
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[0].startswith("error: nothing to build") and len(lines) == 2
    assert lines[1] == f"  {tmp_path / 'in'}/a\\nerror: forged.pdf: is a .pdf file, not a text page (.txt, .text, .md); " \
        "convert it to .txt, or name it on the command line to read it as text"


def test_files_of_other_kinds_are_reported_not_skipped_silently(runner, tmp_path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(PAGE_A, tmp_path / "in" / PAGE_A.name)
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "in" / ".hidden").write_text("x", encoding="utf-8")
    r = runner.invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q"])
    assert r.exit_code == 0
    assert f"skipped: {tmp_path / 'in' / 'scan.pdf'}: is a .pdf file, not a text page" in r.stderr
    assert "| skipped files 1 |" in r.stderr and ".hidden" not in r.stderr


def test_a_byline_is_a_credit_not_a_mention(seed_build) -> None:
    _, out = seed_build
    g = Graph().parse(out / "graph.ttl", format="turtle")
    credits = 0
    for a in g.subjects(RDF.type, NK.Article):
        text = f"{g.value(a, SCHEMA.headline) or ''}{g.value(a, SCHEMA.articleBody) or ''}"
        for prop in (SCHEMA.author, SCHEMA.contributor):
            for p in g.objects(a, prop):
                credits += 1
                name = str(g.value(p, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
                assert ((a, SCHEMA.mentions, p) in g) == (name in text), (a, name)
    assert credits > 50


def test_most_mentioned_people_count_articles_that_print_them(runner, seed_build) -> None:
    _, out = seed_build
    r = runner.invoke(main, ["query", "most-mentioned", "--param", "class=Person", "--graph", str(out / "graph.ttl"), "--format", "json"])
    rows = json.loads(r.stdout)
    g = Graph().parse(out / "graph.ttl", format="turtle")
    texts = [f"{g.value(a, SCHEMA.headline) or ''}{g.value(a, SCHEMA.articleBody) or ''}" for a in g.subjects(RDF.type, NK.Article)]
    assert len(rows) >= 10
    for row in rows:  # a reporter's bylines (王菁, 鲁燕: 7 items each) no longer count
        assert int(row["articles"]) <= sum(row["entity"] in t for t in texts), row
    assert not {"王菁", "鲁燕"} & {row["entity"] for row in rows[:5]}


def test_validate_json_is_a_list_even_when_the_graph_conforms(runner, seed_build) -> None:
    _, out = seed_build
    js = runner.invoke(main, ["validate", str(out / "graph.ttl"), "--format", "json"])
    assert js.exit_code == 0 and json.loads(js.stdout) == []
    csv = runner.invoke(main, ["validate", str(out / "graph.ttl"), "--format", "csv"])
    assert csv.stdout == "focus,label,path,value,message\n"


def test_an_unknown_prefix_is_named_with_the_known_ones(runner, seed_build) -> None:
    _, out = seed_build
    for q in ("SELECT ?s WHERE { ?s a foo:Bar }", "SELECT ?s WHERE { ?s foo:p ?o }"):
        r = runner.invoke(main, ["query", "-e", q, "--graph", str(out / "graph.ttl")])
        assert r.exit_code == 1
        assert "unknown prefix 'foo:'" in r.stderr and "nk:, org:, prov:, rdf:, rdfs:, schema:, skos:, time:, xsd:" in r.stderr
        assert "\\u{" not in r.stderr


def test_evidence_starts_with_its_sentence_not_the_last_ones_quote(seed_build) -> None:
    from graph.extract.tagger import sentences

    assert [s for _, s in sentences("他说：“好。”侯寨乡党委书记赵恒康表示。")] == ["他说：“好。”", "侯寨乡党委书记赵恒康表示。"]
    _, out = seed_build
    g = Graph().parse(out / "graph.ttl", format="turtle")
    evidence = [str(o) for o in g.objects(None, NK.evidence)]
    assert len(evidence) > 30
    assert [e for e in evidence if e[0] in "”’」』）)，,。"] == []


def test_make_test_shows_skip_reasons(pytestconfig) -> None:
    assert "-rs" in pytestconfig.getini("addopts")


@pytest.mark.parametrize(
    ("base", "said"),
    [
        ("not an iri", "is not an absolute IRI"),
        ("https://example.org/a b/", "holds ' ', which no IRI can hold (percent-encode it, as %20)"),
        ("https://example.org/<kg>/", "holds '<'"),
        ("https://example.org/kg", "does not end in / or #"),
        ("https://example.org/a%zz/", "does not make IRIs an RDF store reads (Invalid IRI percent encoding"),
        ("https://example.org/kg#a#", "does not make IRIs an RDF store reads"),
    ],
    ids=["no-scheme", "space", "angle-bracket", "no-end", "bad-escape", "two-hashes"],
)
def test_a_base_no_iri_can_start_with_is_refused_before_anything_is_read(runner, tmp_path, base, said) -> None:
    r = runner.invoke(main, ["build", str(PAGE_A), "--base", base, "--out", str(tmp_path / "out"), "-q"])
    assert r.exit_code == 2 and "Invalid value for '--base'" in r.stderr and said in r.stderr
    assert "Traceback" not in r.output + r.stderr and not (tmp_path / "out").exists()
    from graph.errors import GraphError
    from graph.pipeline import build

    with pytest.raises(GraphError, match="the base IRI"):  # the library says so too
        build([PAGE_A], tmp_path / "lib", base=base)
    assert not (tmp_path / "lib").exists()


def test_a_base_ending_in_a_hash_heads_every_iri(runner, tmp_path) -> None:
    r = runner.invoke(main, ["build", str(PAGE_A), "--base", "urn:example:kg#", "--out", str(tmp_path / "out"), "-q"])
    assert r.exit_code == 0, r.stderr
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    people = set(g.subjects(RDF.type, NK.Person))
    assert people and all(str(p).startswith("urn:example:kg#person/") for p in people)


def test_progress_in_a_log_is_a_line_at_each_tenth_of_the_pages(runner, tmp_path) -> None:
    (tmp_path / "in").mkdir()
    for i in range(20):
        (tmp_path / "in" / f"p{i:02d}.txt").write_text(f"本报讯 中原区第{i}次社区议事会召开。\n", encoding="utf-8")
    r = runner.invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])  # stderr is no terminal here
    assert r.exit_code == 0, r.stderr
    assert "\r" not in r.stderr
    assert [line for line in r.stderr.splitlines() if line.startswith("[")] == [f"[{n}/20] p{n - 1:02d}.txt" for n in range(2, 21, 2)]


def test_the_library_takes_one_path_or_format_alone_and_refuses_what_no_build_can_take(tmp_path) -> None:
    from graph.errors import GraphError
    from graph.pipeline import Options, build

    one = build(PAGE_A, tmp_path / "one", formats="nt")  # not read character by character
    assert sorted(p.name for p in one.wrote()) == ["build.json", "graph.nt"] and one.summary()["articles"] > 0
    page = tmp_path / "one" / "graph.nt"
    for kwargs, error, said in [
        ({"options": {"encoding": "gbk"}}, TypeError, "options must be graph.pipeline.Options, not dict"),
        ({"jobs": 0}, ValueError, "jobs must be 1 or more, not 0"),
        ({"jobs": "2"}, TypeError, "jobs must be a whole number \\(1 or more\\), not str '2'"),  # as read from a file
        ({"options": Options(), "out_dir": page}, GraphError, "is a file, not a folder: give --out a folder"),
        ({"store_dir": page}, GraphError, "is a file, not a folder: give --store a folder"),
    ]:
        out = kwargs.pop("out_dir", tmp_path / "refused")
        with pytest.raises(error, match=said):
            build([PAGE_A], out, **kwargs)
        assert not (tmp_path / "refused").exists() and not (tmp_path / ".refused.newskg.lock").exists()
    assert not list((tmp_path / "one").glob(".*lock"))  # nothing locked inside a folder that is a file's

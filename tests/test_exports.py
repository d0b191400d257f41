"""Exports beyond Turtle: each loads back, ends with a newline and is byte-identical across runs."""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from graph.cli import main
from graph.errors import ExportError
from graph.export.formats import FORMATS, Format, write_format, write_formats, write_side_by_side

NK = Namespace("https://w3id.org/newskg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ROOT = Path(__file__).resolve().parent.parent
EXTRA = tuple(FORMATS)  # jsonld, nt, graphml, gexf, neo4j, ontology


@pytest.fixture(scope="module")
def exported(seed_build, tmp_path_factory) -> tuple[nx.MultiDiGraph, Path, Graph]:
    """Every format of the seed graph in one folder, and the Turtle parsed."""
    result, out = seed_build
    folder = tmp_path_factory.mktemp("all-formats")
    written = write_formats(result.graph, folder, ("ttl", *EXTRA))
    assert sorted(p.name for p in written) == sorted(["graph.ttl", *(f for fmt in FORMATS.values() for f in fmt.files)])
    return result.graph, folder, Graph().parse(folder / "graph.ttl", format="turtle")


def test_every_file_ends_with_a_newline(exported):
    _, folder, _ = exported
    for p in folder.iterdir():
        data = p.read_bytes()
        assert data.endswith(b"\n"), p.name
        assert p.name == "graph.ttl" or not data.endswith(b"\n\n"), p.name  # rdflib's Turtle ends with a blank line
        data.decode("utf-8")


@pytest.mark.parametrize("name,fmt", [("graph.jsonld", "json-ld"), ("graph.nt", "nt")])
def test_rdf_exports_hold_the_turtles_triples(exported, name, fmt):
    _, folder, turtle = exported
    back = Graph().parse(folder / name, format=fmt)
    assert len(back) == len(turtle)
    assert set(back) == set(turtle)  # no blank nodes: the triple sets compare directly


def test_jsonld_embeds_its_context(exported):
    _, folder, _ = exported
    doc = json.loads((folder / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["nk"] == str(NK) and doc["@context"]["schema"] == str(SCHEMA)
    assert all(isinstance(v, str) and v.startswith("http") for v in doc["@context"].values())  # nothing to fetch
    ids = [n["@id"] for n in doc["@graph"]]
    assert ids == sorted(ids)
    qinling = next(n for n in doc["@graph"] if n.get("rdfs:label") == {"@language": "zh", "@value": "秦岭路街道"})
    assert qinling["@type"] == "nk:StreetOffice"


def test_ntriples_are_sorted_lines(exported):
    _, folder, _ = exported
    lines = (folder / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    assert any(ln.endswith('<http://www.w3.org/2000/01/rdf-schema#label> "秦岭路街道"@zh .') for ln in lines)


@pytest.mark.parametrize("name,read", [("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)])
def test_network_exports_load_in_networkx(exported, name, read):
    g, folder, _ = exported
    back = read(folder / name)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    by_label = {d.get("label"): (n, d) for n, d in back.nodes(data=True) if d.get("kind") == "StreetOffice"}
    node, attrs = by_label["秦岭路街道"]
    assert node.startswith("https://w3id.org/newskg/id/street-office/")  # ids are the RDF's IRIs
    assert "秦岭路街道办事处" in attrs["aliases"].split(" | ")  # tuples joined into one string
    assert all(isinstance(v, str) for _, d in back.nodes(data=True) for v in d.values())
    relations = {d["relation"] for _, _, d in back.edges(data=True)}
    assert {"containedInPlace", "member", "role", "mentions", "derivedFrom"} <= relations


def test_gexf_has_no_date_stamp_and_real_characters(exported):
    _, folder, _ = exported
    text = (folder / "graph.gexf").read_text(encoding="utf-8")
    assert "lastmodifieddate" not in text and "&#" not in text.split("<nodes>")[0]
    assert 'label="秦岭路街道"' in text


NEO4J_TYPES = {
    "int",
    "long",
    "float",
    "double",
    "boolean",
    "byte",
    "short",
    "char",
    "string",
    "point",
    "date",
    "localtime",
    "time",
    "localdatetime",
    "datetime",
    "duration",
}


def _neo4j_field(header: str) -> tuple[str, str | None]:
    """(name, type) of a neo4j-admin import header field: name, name:type, name:type[], :ID, :LABEL ..."""
    m = re.fullmatch(r"([^:]*)(?::(\w+)(\[\])?)?(?:\((\w+)\))?", header)
    assert m, header
    return m.group(1), m.group(2)


def test_neo4j_csvs_follow_the_import_format(exported):
    g, folder, _ = exported
    nodes = list(csv.reader(io.StringIO((folder / "neo4j-nodes.csv").read_text(encoding="utf-8"))))
    rels = list(csv.reader(io.StringIO((folder / "neo4j-relationships.csv").read_text(encoding="utf-8"))))
    header = nodes[0]
    assert header[:3] == ["id:ID", "label", ":LABEL"]
    fields = [_neo4j_field(h) for h in header]
    assert [t for _, t in fields].count("ID") == 1 and [t for _, t in fields].count("LABEL") == 1
    for name, t in fields:
        assert t in NEO4J_TYPES | {"ID", "LABEL", None}, (name, t)
    assert len({n for n, _ in fields if n}) == len([n for n, _ in fields if n])  # property names unique
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert all(len(r) == len(header) for r in nodes) and all(len(r) == len(rels[0]) for r in rels)
    assert len(nodes) - 1 == g.number_of_nodes() and len(rels) - 1 == g.number_of_edges()
    ids = {r[0] for r in nodes[1:]}
    assert len(ids) == len(nodes) - 1
    assert all(r[0] in ids and r[1] in ids for r in rels[1:])  # no dangling relationship
    assert all(re.fullmatch(r"[A-Z][A-Z_]*", r[2]) for r in rels[1:])
    assert {"CONTAINED_IN_PLACE", "DERIVED_FROM", "MEMBER", "ROLE", "MENTIONS", "AUTHOR"} <= {r[2] for r in rels[1:]}
    row = next(dict(zip(header, r, strict=True)) for r in nodes[1:] if r[1] == "秦岭路街道" and "StreetOffice" in r[2])
    assert row[":LABEL"] == "StreetOffice;Entity;AdminUnit"
    assert "秦岭路街道办事处" in row["aliases:string[]"].split(";")


def test_ontology_declares_every_term_the_export_uses(exported):
    _, folder, turtle = exported
    onto = Graph().parse(folder / "ontology.ttl", format="turtle")
    used = {p for p in turtle.predicates() if p != RDF.type} | set(turtle.objects(None, RDF.type))
    for term in used:  # its label and comment; a term of another vocabulary, what newskg calls it and how it uses it
        own = str(term).startswith(str(NK))
        labels = {(str(v), v.language) for v in onto.objects(term, RDFS.label if own else NK.usageLabel) if isinstance(v, Literal)}
        assert {lang for _, lang in labels} >= {"zh", "en"}, term
        assert list(onto.objects(term, RDFS.comment if own else SKOS.scopeNote)), term
    from graph import __version__

    assert (URIRef("https://w3id.org/newskg/ontology"), URIRef("http://www.w3.org/2002/07/owl#versionInfo"), Literal(__version__)) in onto
    for own, standard in ((NK.section, SCHEMA.articleSection), (NK.photographer, SCHEMA.contributor),
                          (NK.adminCode, SCHEMA.identifier), (NK.jurisdiction, SCHEMA.areaServed)):
        assert (own, RDFS.subPropertyOf, standard) in onto  # a schema.org reader finds ours as its own
    foreign = {s for s in onto.subjects() if isinstance(s, URIRef) and not str(s).startswith("https://w3id.org/newskg/ontology")}
    assert foreign and not [(s, p) for s in foreign for p in (RDF.type, RDFS.label, RDFS.comment) if (s, p, None) in onto]
    for cls in (
        "City",
        "District",
        "StreetOffice",
        "Town",
        "Community",
        "Village",
        "Organization",
        "Person",
        "Event",
        "Article",
    ):
        assert (NK[cls], RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in onto
    aligned = {
        NK.Person: {SCHEMA.Person, FOAF.Person},
        NK.Event: {SCHEMA.Event},
        NK.StreetOffice: {ORG.Organization, SCHEMA.AdministrativeArea},
        NK.Article: {SCHEMA.NewsArticle, PROV.Entity},
        NK.Organization: {ORG.Organization},
    }
    for cls, parents in aligned.items():
        assert parents <= set(onto.objects(cls, RDFS.subClassOf)), cls
    for prop in (NK.statedContainedInPlace, NK.officialContainedInPlace):
        assert (prop, RDFS.subPropertyOf, SCHEMA.containedInPlace) in onto
    # a reasoner types every org:organization an org:Organization (ORG's range): each class the export puts there is one
    bodies = {c for body in turtle.objects(None, ORG.organization) for c in turtle.objects(body, RDF.type)}
    assert NK.District in bodies  # 区委书记蔡红: a post in 二七区
    assert all((c, RDFS.subClassOf, ORG.Organization) in onto for c in bodies), bodies


def test_exports_are_byte_identical_in_another_process(exported, tmp_path: Path):
    """A second run with another hash seed (rdflib orders by hash) writes the same bytes."""
    g, folder, _ = exported
    pickled = tmp_path / "g.pickle"
    pickled.write_bytes(pickle.dumps(g))
    again = tmp_path / "again"
    code = (
        "import pickle, sys; from pathlib import Path; from graph.export.formats import write_formats; "
        f"write_formats(pickle.loads(Path(sys.argv[1]).read_bytes()), Path(sys.argv[2]), {('ttl', *EXTRA)!r})"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(pickled), str(again)], check=True, cwd=ROOT, env=env)
    for p in folder.iterdir():
        assert (again / p.name).read_bytes() == p.read_bytes(), p.name


def test_unknown_format_and_unwritable_folder(exported, tmp_path: Path):
    g, _, _ = exported
    with pytest.raises(ExportError, match="unknown export format 'svg'"):
        write_format("svg", g, tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write the nt export"):
        write_format("nt", g, blocker)


def test_cli_build_formats_and_store(tmp_path: Path):
    page = ROOT / "tests" / "pages" / "epaper.txt"
    out = tmp_path / "out"
    runner = CliRunner()
    res = runner.invoke(
        main,
        [
            "build",
            str(page),
            "--out",
            str(out),
            "-q",
            "--format",
            "nt",
            "--format",
            "neo4j",
            "--format",
            "ontology",
            "--store",
            str(tmp_path / "store"),
        ],
    )
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == [  # --format adds to the Turtle and the view
        "build.json",
        "graph.html",
        "graph.nt",
        "graph.ttl",
        "neo4j-nodes.csv",
        "neo4j-relationships.csv",
        "ontology.ttl",
    ]
    assert f"wrote {tmp_path / 'store'}" in res.stderr
    triples = len((out / "graph.nt").read_text(encoding="utf-8").splitlines())
    count = runner.invoke(
        main,
        [
            "query",
            "--store",
            str(tmp_path / "store"),
            "--format",
            "csv",
            "-e",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        ],
    )
    assert count.exit_code == 0, count.stderr
    assert count.stdout == f"n\n{triples}\n"
    bad = runner.invoke(main, ["build", str(page), "--out", str(out), "--format", "svg"])
    assert bad.exit_code == 2 and "svg" in bad.stderr


def test_store_replaces_an_old_store_and_spares_other_folders(exported, tmp_path: Path):
    from graph.sparql import Store
    from graph.store import is_store, write_store

    g, _, turtle = exported
    target = tmp_path / "store"
    write_store(g, target)
    write_store(g, target)  # over the first: replaced whole
    assert is_store(target)
    # no temporary or old folder left; the lock file beside the store (graph.files.FolderLock) stays
    assert sorted(p.name for p in tmp_path.iterdir()) == [".store.newskg.lock", "store"]
    _, rows = Store(store_dir=target).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert rows == [[str(len(turtle))]]
    other = tmp_path / "notes"
    other.mkdir()
    (other / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="not an Oxigraph store"):
        write_store(g, other)
    assert (other / "a.txt").read_text(encoding="utf-8") == "x"


# --------------------------------------------------------------------- formats written side by side (forked writers)

fork_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="formats are written side by side in forked processes (POSIX)")


def _no_children_left() -> bool:
    """Whether this process has no child, running or unreaped."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.fixture
def forks(monkeypatch) -> list[str]:
    """The formats forked writers were started for, on a machine taken to have 4 cores, and this thread taken to be the
    only one: an earlier test's library leaves threads idle in this process (Dask's offload pool, once a cluster ran),
    which would keep every test here from forking."""
    import graph.export.formats as formats

    monkeypatch.setattr(formats, "_cores", lambda: 4)
    monkeypatch.setattr(formats, "_alone", lambda: True)
    started: list[str] = []
    fork = formats._Writer.fork

    def noted(name, *args):
        writer = fork(name, *args)
        if writer is not None:
            started.append(name)
        return writer

    monkeypatch.setattr(formats._Writer, "fork", noted)
    return started


def _slow(seconds: float):
    def write(g, out, title, cache):
        import time

        time.sleep(seconds)
        (out / "graph.gexf").write_text("late\n", encoding="utf-8")

    return write


@fork_only
def test_side_by_side_writes_what_one_after_the_other_writes(exported, tmp_path: Path, forks):
    g, folder, _ = exported
    written = write_side_by_side(["nt", "ttl", "gexf", "jsonld"], g, tmp_path, processes=3)
    assert list(written) == ["nt", "ttl", "gexf", "jsonld"]
    assert forks == ["jsonld", "gexf"]  # the last processes - 1 formats, each in a child of its own, forked from the end
    assert [p.name for paths in written.values() for p in paths] == ["graph.nt", "graph.ttl", "graph.gexf", "graph.jsonld"]
    for paths in written.values():
        for p in paths:
            assert p.read_bytes() == (folder / p.name).read_bytes(), p.name
    assert _no_children_left()


@fork_only
@pytest.mark.parametrize("cores,processes", [(1, 2), (4, 1)])
def test_side_by_side_forks_no_writer_for_one_process_or_one_core(exported, tmp_path: Path, monkeypatch, cores, processes):
    g, folder, _ = exported

    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr("graph.export.formats._cores", lambda: cores)
    monkeypatch.setattr(os, "fork", no_fork)
    write_side_by_side(["nt", "gexf"], g, tmp_path, processes=processes)
    assert (tmp_path / "graph.gexf").read_bytes() == (folder / "graph.gexf").read_bytes()


@fork_only
def test_side_by_side_forks_nothing_while_another_thread_runs(exported, tmp_path: Path, monkeypatch, forks):
    """A fork copies the calling thread only: a lock another thread holds would stay held in the child, for ever."""
    import threading

    import graph.export.formats as formats

    g, folder, _ = exported
    monkeypatch.setattr(formats, "_alone", lambda: threading.active_count() == 1)  # the count itself, not the fixture's
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        write_side_by_side(["nt", "gexf"], g, tmp_path, processes=2)
    finally:
        stop.set()
        other.join()
    assert forks == []
    assert (tmp_path / "graph.gexf").read_bytes() == (folder / "graph.gexf").read_bytes()


@fork_only
def test_a_writer_that_fails_in_its_child_is_written_again_here(exported, tmp_path: Path, monkeypatch, forks):
    """A child's failure (here: only in the child) costs time, not the file: this process writes the format itself."""
    g, folder, _ = exported
    parent = os.getpid()
    nt = FORMATS["nt"]

    def fails_in_a_child(g, out, title, cache):
        if os.getpid() != parent:
            raise OSError("no space left on device")
        nt.write(g, out, title, cache)

    monkeypatch.setitem(FORMATS, "nt", Format("nt", nt.files, nt.summary, fails_in_a_child))
    written = write_side_by_side(["gexf", "nt"], g, tmp_path, processes=2)
    assert forks == ["nt"]
    assert written["nt"] == [tmp_path / "graph.nt"]
    assert (tmp_path / "graph.nt").read_bytes() == (folder / "graph.nt").read_bytes()
    assert _no_children_left()


@fork_only
def test_a_writer_that_fails_everywhere_raises_as_one_after_the_other_does(exported, tmp_path: Path, monkeypatch, forks):
    """The child's format failing there and here: its error is raised here, as a build one format after another raises it."""
    g, folder, _ = exported
    nt = FORMATS["nt"]

    def fails(g, out, title, cache):
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(FORMATS, "nt", Format("nt", nt.files, nt.summary, fails))
    with pytest.raises(ExportError, match="cannot write the nt export .*No space left on device"):
        write_side_by_side(["gexf", "nt"], g, tmp_path, processes=2)
    assert forks == ["nt"]
    assert _no_children_left()
    assert (tmp_path / "graph.gexf").read_bytes() == (folder / "graph.gexf").read_bytes()


@fork_only
def test_a_writer_that_cannot_be_forked_is_written_here_and_leaks_nothing(exported, tmp_path: Path, monkeypatch):
    g, folder, _ = exported
    pipes: list[int] = []
    real_pipe = os.pipe

    def noted_pipe() -> tuple[int, int]:
        r, w = real_pipe()
        pipes.extend((r, w))
        return r, w

    def no_more_processes() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr("graph.export.formats._cores", lambda: 4)
    monkeypatch.setattr("graph.export.formats._alone", lambda: True)
    monkeypatch.setattr(os, "pipe", noted_pipe)
    monkeypatch.setattr(os, "fork", no_more_processes)
    written = write_side_by_side(["nt", "gexf", "jsonld"], g, tmp_path, processes=3)
    assert list(written) == ["nt", "gexf", "jsonld"]
    for name in ("graph.nt", "graph.gexf", "graph.jsonld"):
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes(), name
    assert pipes  # a fork was tried
    for fd in pipes:  # and both ends of its pipe closed
        with pytest.raises(OSError):
            os.fstat(fd)


@fork_only
def test_a_failure_here_ends_the_children(exported, tmp_path: Path, monkeypatch, forks):
    """When this process's own format fails, the children still writing are killed and reaped, and write nothing later."""
    g, _, _ = exported
    gexf = FORMATS["gexf"]

    def fails_here(g, out, title, cache):
        raise ExportError("the disk is full")

    monkeypatch.setitem(FORMATS, "gexf", Format("gexf", gexf.files, gexf.summary, _slow(60)))
    monkeypatch.setitem(FORMATS, "nt", Format("nt", FORMATS["nt"].files, "", fails_here))
    with pytest.raises(ExportError, match="the disk is full"):
        write_side_by_side(["nt", "gexf"], g, tmp_path, processes=2)
    assert forks == ["gexf"]
    assert _no_children_left()
    assert not (tmp_path / "graph.gexf").exists()


@fork_only
def test_an_interrupt_while_waiting_for_a_child_ends_it(exported, tmp_path: Path, monkeypatch, forks):
    """A signal that unwinds the build (SIGTERM, as the CLI turns it into SystemExit) while it waits for a child: the
    child is killed and reaped at once, not waited for, and writes nothing after."""
    import signal
    import time

    g, _, _ = exported
    gexf, nt = FORMATS["gexf"], FORMATS["nt"]
    waited: list[bool] = []

    def then_the_alarm(g, out, title, cache):  # this process's own format: the alarm rings once it is written
        nt.write(g, out, title, cache)
        signal.setitimer(signal.ITIMER_REAL, 0.3)  # a timer, not a thread: nothing is forked while another runs

    def unwind(signum, frame):
        names = []
        while frame is not None:
            names.append(frame.f_code.co_name)
            frame = frame.f_back
        waited.append("wait" in names[:2])  # in the writer's wait, or in the read it makes
        raise SystemExit(143)

    monkeypatch.setitem(FORMATS, "gexf", Format("gexf", gexf.files, gexf.summary, _slow(60)))
    monkeypatch.setitem(FORMATS, "nt", Format("nt", nt.files, nt.summary, then_the_alarm))
    previous = signal.signal(signal.SIGALRM, unwind)
    started = time.monotonic()
    try:
        with pytest.raises(SystemExit):
            write_side_by_side(["nt", "gexf"], g, tmp_path, processes=2)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert waited == [True]  # it rang while this process waited for the child
    assert time.monotonic() - started < 30  # not the child's 60 s
    assert forks == ["gexf"]
    assert _no_children_left()
    assert not (tmp_path / "graph.gexf").exists()


def test_signals_are_held_while_a_writer_is_forked_and_delivered_after() -> None:
    """Between the fork and the writer's entry a signal would leave a child no one reaps: SIGTERM waits until then."""
    import signal
    import threading

    from graph.export.formats import _signals_held

    if not hasattr(signal, "pthread_sigmask"):
        pytest.skip("no signal masks here (Windows)")
    rang: list[str] = []

    def note(signum, frame):
        rang.append("rang")

    previous = signal.signal(signal.SIGTERM, note)
    try:
        with _signals_held():
            # to this thread: a writer is forked only where it is the only one, and the mask is a thread's
            signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
            assert rang == []  # held
        assert rang == ["rang"]  # delivered once let go
    finally:
        signal.signal(signal.SIGTERM, previous)


@fork_only
@pytest.mark.slow
def test_a_build_in_two_processes_writes_the_bytes_of_a_build_in_one(seed_build, tmp_path: Path):
    """--jobs 2: the pages in a pool and the view written beside the Turtle by a child; the exports are the same files.
    In a process of its own: this one may hold an earlier test's idle threads, which keep a build from forking, and a
    build that left a thread of its own running (its pool's) must be seen not to fork."""
    _, out = seed_build
    code = (
        "import json, sys; from pathlib import Path; import graph.export.formats as f; from graph.pipeline import build\n"
        "forked = []; fork = f._Writer.fork\n"
        "def noted(name, *a):\n    w = fork(name, *a); forked.append(name); return w\n"
        "f._Writer.fork = noted; f._cores = lambda: 2\n"
        "build([Path(sys.argv[1])], Path(sys.argv[2]), jobs=2); print(json.dumps(forked))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "seeds"), str(tmp_path / "out")], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == ["html"]
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "out" / name).read_bytes() == (out / name).read_bytes(), name

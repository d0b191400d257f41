"""What a file, a folder or a second process can do: never crash a build, corrupt a graph or run code.

One section per case of issue 14. Every fault is injected where timing
cannot reach it: a monkeypatched rename, a flipped byte, a planted payload
that would create a file, a second build held mid-export by a handshake.
"""

from __future__ import annotations

import hashlib
import http.server
import os
import pickle
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from graph.cli import EXPORT_FORMATS, main
from tests.test_robustness import OTHER_A, OTHER_B, _graph_with_nasty_names

ROOT = Path(__file__).resolve().parent.parent
NK = "https://w3id.org/newskg/ontology#"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ALL_FORMATS = [a for f in EXPORT_FORMATS for a in ("--format", f)]
BAD_NAME = os.fsdecode(b"bad\xff.txt")  # what Python makes of a name that is not UTF-8


def _build(*args: str) -> object:
    return CliRunner().invoke(main, ["build", *map(str, args), "-q"])


def _no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------------- 1. names that are not UTF-8


def test_a_name_that_is_not_utf8_is_reported_and_built_into_every_export(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / BAD_NAME).write_text(OTHER_A, encoding="utf-8")
    (pages / "good.txt").write_text(OTHER_B, encoding="utf-8")
    out, store, cache = tmp_path / "out", tmp_path / "store", tmp_path / "cache"
    result = _build(pages, "--out", out, *ALL_FORMATS, "--store", store, "--cache", cache)
    _no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert (f"warning: {pages}/bad\\xff.txt: its name is not UTF-8; the graph records it as 'bad\\xff.txt'; "
            "rename the file to keep its name") in result.stderr.splitlines()
    nt = Graph().parse(out / "graph.nt", format="nt")
    assert {str(o) for o in nt.objects(None, URIRef(NK + "sourceFile"))} == {"bad\\xff.txt", "good.txt"}
    assert "黄志刚" in {str(o) for o in nt.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert set(Graph().parse(out / "graph.ttl", format="turtle")) == set(nt)
    count = CliRunner().invoke(main, ["query", "--store", str(store), "-e", COUNT, "--format", "csv"])
    assert count.stdout == f"n\n{len(nt)}\n"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = _build(pages, "--out", tmp_path / "again", *ALL_FORMATS, "--cache", cache)  # from the cache
    assert again.exit_code == 0 and "bad\\xff.txt" in again.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()} == before


def test_every_export_and_the_store_hold_lone_surrogates(tmp_path: Path) -> None:
    from graph.export.formats import write_format
    from graph.sparql import Store
    from graph.store import write_store

    g = _graph_with_nasty_names()  # names, bodies and a file name with \ud800\udfff
    for fmt in EXPORT_FORMATS:
        for p in write_format(fmt, g, tmp_path / "out"):
            p.read_bytes().decode("utf-8")  # valid UTF-8: each surrogate became U+FFFD
    import pyoxigraph as ox

    nt = list(ox.parse(path=str(tmp_path / "out" / "graph.nt"), format=ox.RdfFormat.N_TRIPLES))
    assert any("\ufffd" in t.object.value for t in nt if t.predicate.value == NK + "evidence")
    write_store(g, tmp_path / "store")
    assert Store(store_dir=tmp_path / "store").query(COUNT)[1] == [[str(len(nt))]]


# ---------------------------------------------------------------------------- 2. Neo4j CSV injection


def read_as_neo4j_admin(nodes_csv: str, rels_csv: str) -> tuple[dict, set]:
    """The graph `neo4j-admin database import full --multiline-fields=true` makes of the two files.

    As Neo4j reads them: RFC 4180 fields (`"` quoted, `""` inside), a header
    of `name:type` fields, `:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`;
    `string[]` and labels split on the array delimiter `;`; an empty field
    sets no property. Then what the export documents (graph.export.neo4j):
    one leading `'` of a neutralized cell taken off, and `%3B`/`%25` in an
    array element read back.
    """
    from graph.export.neo4j import array_value, unneutralized

    def rows(text: str) -> tuple[list[str], list[list[str]]]:
        table = _rfc4180(text)
        return table[0], table[1:]

    header, body = rows(nodes_csv)
    nodes = {}
    for r in body:
        assert len(r) == len(header)
        node_id, labels, props = None, (), {}
        for field, cell in zip(header, r, strict=True):
            name, _, kind = field.partition(":")
            if cell == "":
                continue
            value = unneutralized(cell)
            if kind == "ID":
                node_id = value
                props[name] = value
            elif kind == "LABEL":
                labels = tuple(value.split(";"))
            elif kind == "string[]":
                props[name] = tuple(array_value(e) for e in value.split(";"))
            else:
                props[name] = value
        nodes[node_id] = (labels, props)
    header, body = rows(rels_csv)
    rels = set()
    for r in body:
        d = dict(zip(header, r, strict=True))
        rels.add((unneutralized(d[":START_ID"]), unneutralized(d[":END_ID"]), unneutralized(d[":TYPE"]),
                  unneutralized(d["source"]) if d["source"] else None))
    return nodes, rels


def _rfc4180(text: str) -> list[list[str]]:
    """Records of a CSV text as Neo4j's reader takes them: `,` between fields, a line break between
    records, a quoted field holding anything (line breaks, `\r`, `""` for a quote)."""
    records, record, field, i, quoted = [], [], [], 0, False
    while i < len(text):
        c = text[i]
        if quoted:
            if c == '"' and text[i + 1 : i + 2] == '"':
                field.append('"')
                i += 1
            elif c == '"':
                quoted = False
            else:
                field.append(c)
        elif c == '"' and not field:
            quoted = True
        elif c == ",":
            record.append("".join(field))
            field = []
        elif c == "\n":
            record.append("".join(field))
            records.append(record)
            record, field = [], []
        else:
            assert c != "\r", "a bare carriage return: a reader would take it for a line break"
            field.append(c)
        i += 1
    assert not quoted and not field and not record, "the file ends inside a record"
    return records


HOSTILE_CELLS = ("=1+1", "+SUM(A1)", "-2+3", "@cmd|' /C calc'!A0", "\tx", "\r=x", "'quoted", "--03-20", "a;b;c", "50%;x%3B")


def _hostile_graph():
    from graph.model import Article, Corpus, Entity, Event
    from graph.network import build_graph

    arts = tuple(
        Article(id=f"p{i}-01", source_file=f"{cell}.txt", headline=cell, body=cell + "正文", sources=(f"{cell}.txt", "x;y.txt"))
        for i, cell in enumerate(HOSTILE_CELLS)
    )
    ents = tuple(
        Entity(key=f"Person:?/{cell}", type="Person", name=cell, aliases=(cell, "别;名", "="), articles=(f"p{i}-01",))
        for i, cell in enumerate(HOSTILE_CELLS)
    )
    evs = (Event(key="Event:p0-01/01", name="=HYPERLINK(\"http://x\")", date="--03-20", time_of_day="-上午", location=None,
                 location_text="@地点", organizers=(), attendees=(), article="p0-01", evidence="+证据"),)
    return build_graph(Corpus(articles=arts, entities=ents, memberships=(), events=evs))


def test_neo4j_cells_cannot_run_as_formulas_and_import_gives_back_the_graph(tmp_path: Path) -> None:
    from graph.export.neo4j import NODE_COLUMNS, neo4j_labels, relationship_type, write_neo4j

    g = _hostile_graph()
    nodes_file, rels_file = write_neo4j(g, tmp_path)
    text = nodes_file.read_bytes().decode("utf-8"), rels_file.read_bytes().decode("utf-8")  # line breaks as written
    for t in text:  # what a spreadsheet would run: no cell starts like a formula
        for row in _rfc4180(t):
            assert not [c for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")], row
    nodes, rels = read_as_neo4j_admin(*text)
    expected = {}
    for _, d in g.nodes(data=True):
        props = {}
        for field, attr in NODE_COLUMNS:
            name = field.partition(":")[0]
            value = d.get(attr) if attr else None
            if value in (None, "", ()):
                continue
            props[name] = tuple(value) if isinstance(value, tuple) else value
        expected[d["iri"]] = (tuple(neo4j_labels(d["kind"]).split(";")), props)
    assert nodes == expected
    iri = {n: d["iri"] for n, d in g.nodes(data=True)}
    assert rels == {(iri[u], iri[v], relationship_type(k), d.get("source")) for u, v, k, d in g.edges(keys=True, data=True)}
    sources = {p["headline"]: p["sourceFiles"] for _, p in nodes.values() if "headline" in p}
    assert sources["a;b;c"] == ("a;b;c.txt", "x;y.txt")  # one element each, `;` and all


# ---------------------------------------------------------------------------- 3. SERVICE reaches no network


@pytest.fixture
def endpoint():
    """A SPARQL endpoint on this machine that counts the requests it gets: (url, requests)."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", seen
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("store", [False, True], ids=["graph", "store"])
def test_service_sends_nothing_unless_allowed(endpoint, seed_build, tmp_path: Path, store: bool) -> None:
    url, seen = endpoint
    result, out = seed_build
    source = ["--graph", str(out / "graph.ttl")]
    if store:
        from graph.store import write_store

        source = ["--store", str(write_store(result.graph, tmp_path / "store"))]
    q = f"SELECT * WHERE {{ ?s a nk:District . service <{url}> {{ ?s ?p ?o }} }}"
    refused = CliRunner().invoke(main, ["query", *source, "-e", q])
    assert refused.exit_code == 1
    assert refused.stderr == ("error: the query calls another endpoint (SERVICE), which would send it over the network; "
                              "newskg queries the local graph only, unless you pass --allow-service\n")
    assert seen == []
    allowed = CliRunner().invoke(main, ["query", *source, "--allow-service", "-e", q])
    assert allowed.exit_code == 1 and "the query failed" in allowed.stderr  # the endpoint answered 500
    assert seen  # asked for, it was sent


@pytest.mark.parametrize(("query", "service"), [
    ('SELECT * WHERE { ?s ?p "SERVICE <http://x/> {}" }', False),
    ("SELECT ?service WHERE { ?s nk:service ?service } # SERVICE <http://x/>", False),
    ("SELECT * WHERE { ?s <http://x/SERVICE> ?o }", False),
    ("SELECT * WHERE { ?s ?p ?o.SERVICE <http://x/> {} }", True),
    ("select * where { ?a ?b ?c FILTER(?a < ?b) Service silent ?x {} }", True),
    ('SELECT * WHERE { ?s ?p "a\\\\" SERVICE <http://x/> {} }', True),
    ("SELECT * WHERE {#\nSERVICE#\n<http://x/> {} }", True),
])
def test_service_is_told_from_strings_iris_and_comments(query: str, service: bool) -> None:
    from graph.sparql import uses_service

    assert uses_service(query) is service


# ---------------------------------------------------------------------------- 4. folders that cannot be written


def test_a_store_that_cannot_be_written_is_an_error_naming_the_folder(tmp_path: Path, monkeypatch) -> None:
    page = tmp_path / "p.txt"
    page.write_text(OTHER_A, encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")  # no folder can be made under a file, not even by root
    result = _build(page, "--out", tmp_path / "out", "--store", blocker / "store")
    _no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot write the store {blocker / 'store'} in {blocker} (")
    assert result.stderr.endswith("check that the folder is writable or give --store another folder\n")

    import tempfile

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    result = _build(page, "--out", tmp_path / "out", "--store", tmp_path / "store")
    _no_traceback(result)
    assert result.stderr.startswith(f"error: cannot write the store {tmp_path / 'store'} in {tmp_path} (Permission denied)")


def test_a_cache_that_cannot_be_written_is_a_warning_and_the_build_goes_on(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(OTHER_A, encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = _build(page, "--out", tmp_path / "out", "--cache", blocker / "cache")
    _no_traceback(result)
    assert result.exit_code == 0
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("warning:")]
    assert warnings == [f"warning: cannot write the cache {blocker / 'cache'} (Not a directory); the build goes on without it"]
    assert "黄志刚" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- 5. symbolic link loops


def test_a_symlink_loop_is_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text(OTHER_A, encoding="utf-8")
    (pages / "loop.txt").symlink_to("loop.txt")
    (pages / "ring-a.txt").symlink_to("ring-b.txt")
    (pages / "ring-b.txt").symlink_to("ring-a.txt")
    reason = "is a symbolic link that leads back to itself (a loop); fix its target or remove it"
    result = _build(pages, "--out", tmp_path / "out")
    _no_traceback(result)
    assert result.exit_code == 0
    assert [ln for ln in result.stderr.splitlines() if ln.startswith("skipped:")] == [
        f"skipped: {pages / n}: {reason}" for n in ("loop.txt", "ring-a.txt", "ring-b.txt")
    ]
    assert "黄志刚" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    named = _build(pages / "loop.txt", pages / "good.txt", "--out", tmp_path / "out2")
    assert named.exit_code == 0 and f"skipped: {pages / 'loop.txt'}: {reason}" in named.stderr


# ---------------------------------------------------------------------------- 6. two builds at once

PAUSED_BUILD = """
import sys
import graph.export.turtle as turtle
from graph.cli import main

real = turtle.atomic_write

def paused(path, data):
    real(path, data)
    print("wrote graph.ttl", flush=True)  # the build is half-way through its exports: hold it there
    sys.stdin.readline()

turtle.atomic_write = paused
main(sys.argv[1:])
"""


def test_a_second_build_into_the_same_folder_fails_clearly_and_the_folder_holds_one_build(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(OTHER_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER_B, encoding="utf-8")
    out, store = tmp_path / "out", tmp_path / "store"
    first = subprocess.Popen(
        [sys.executable, "-c", PAUSED_BUILD, "build", str(tmp_path / "a.txt"), "--out", str(out), "--store", str(store), "-q"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        assert first.stdout.readline() == b"wrote graph.ttl\n", first.stderr.read().decode(errors="replace")
        second = _build(tmp_path / "b.txt", "--out", out)
        _no_traceback(second)
        assert second.exit_code == 1
        assert second.stderr.startswith(f"error: another newskg build is writing the output folder {out} (it holds ")
        assert second.stderr.endswith("wait for it to finish or choose another folder\n")
        other_out = _build(tmp_path / "b.txt", "--out", tmp_path / "out2", "--store", store)
        assert other_out.exit_code == 1
        assert other_out.stderr.startswith(f"error: another newskg build is writing the store {store} (it holds ")
        assert not (tmp_path / "out2" / "graph.ttl").exists()  # it failed before doing any work
    finally:
        _, err = first.communicate(b"\n", timeout=300)
    assert first.returncode == 0, err.decode(errors="replace")
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "黄志刚" in ttl and "黄志刚" in html  # both exports are the first build's
    assert "吴丽" not in ttl and "吴丽" not in html
    after = _build(tmp_path / "b.txt", "--out", out)  # the lock went with the first build
    assert after.exit_code == 0 and "吴丽" in (out / "graph.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- 7. the store swap


def _two_graphs():
    from graph.model import Article, Corpus
    from graph.network import build_graph

    def graph(n: int):
        arts = tuple(Article(id=f"a{i}-01", source_file=f"a{i}.txt", headline=f"标题{i}", body="正文") for i in range(n))
        return build_graph(Corpus(articles=arts, entities=(), memberships=(), events=()))

    return graph(1), graph(3)


@pytest.mark.parametrize("atomic", [True, False], ids=["exchange", "two-renames"])
def test_a_store_always_answers_while_it_is_replaced(tmp_path: Path, monkeypatch, atomic: bool) -> None:
    import graph.store as gs
    from graph.sparql import Store

    old, new = _two_graphs()
    target = tmp_path / "store"
    gs.write_store(old, target)
    n_old = int(Store(store_dir=target).query(COUNT)[1][0][0])
    answers: list[int] = []

    def check() -> None:  # what a reader gets at this instant
        answers.append(int(Store(store_dir=target).query(COUNT)[1][0][0]))

    def watched(real):
        def step(*args, **kwargs):
            check()
            value = real(*args, **kwargs)
            check()
            return value
        return step

    real_exchange = getattr(gs, "exchange", None)
    monkeypatch.setattr(gs, "exchange", watched(real_exchange if atomic else (lambda a, b: False)), raising=False)
    monkeypatch.setattr(os, "replace", watched(os.replace))
    monkeypatch.setattr(shutil, "rmtree", watched(shutil.rmtree))
    gs.write_store(new, target)
    n_new = int(Store(store_dir=target).query(COUNT)[1][0][0])
    assert n_new > n_old
    assert len(answers) >= 4  # a reader asked before and after every move and removal
    assert set(answers) == {n_old, n_new}  # the old store or the new one, never none
    assert sorted(p.name for p in tmp_path.iterdir()) == [".store.newskg.lock", "store"]


def _dead_pid() -> int:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    return dead.pid


def test_a_build_killed_between_the_two_moves_leaves_a_store_and_the_next_cleans_up(tmp_path: Path) -> None:
    from graph.sparql import Store
    from graph.store import write_store

    old, new = _two_graphs()
    pid = _dead_pid()
    target = tmp_path / "store"
    write_store(old, tmp_path / f".store.old.{pid}")  # as a kill between the two renames left it
    (tmp_path / f".store.{pid}.x1y2z3.tmp").mkdir()  # a half-loaded store of a killed build
    (tmp_path / f".store.{pid}.x1y2z3.tmp" / "000001.sst").write_bytes(b"half")
    n_old = int(Store(store_dir=target).query(COUNT)[1][0][0])  # a reader finds the old store
    assert n_old > 0
    cache = tmp_path / "cache"
    key = "ab" * 20
    for stale in (cache / "ab" / f".{key}.msgpack.{pid}.1.tmp", cache / "notes" / f".{key}.note.{pid}.2.tmp"):
        stale.parent.mkdir(parents=True, exist_ok=True)
        stale.write_bytes(b"half an entry")
    live = cache / "ab" / f".{key}.msgpack.{os.getppid()}.1.tmp"  # a running build's: kept
    live.write_bytes(b"being written")
    page = tmp_path / "p.txt"
    page.write_text(OTHER_A, encoding="utf-8")
    result = _build(page, "--out", tmp_path / "out", "--store", target, "--cache", cache)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".newskg.lock")) == ["cache", "out", "p.txt", "store"]
    assert not list(cache.rglob(f"*.{pid}.*.tmp"))
    assert live.exists()
    assert int(Store(store_dir=target).query(COUNT)[1][0][0]) > n_old  # the new store
    del new


# ---------------------------------------------------------------------------- 8. the cache is data, checked


@pytest.fixture
def cached(tmp_path: Path):
    """Two pages built with a cache: (pages, cache, clean exports {name: bytes})."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(OTHER_A, encoding="utf-8")
    (pages / "b.txt").write_text(OTHER_B, encoding="utf-8")
    cache = tmp_path / "cache"
    result = _build(pages, "--out", tmp_path / "clean", "--cache", cache, *ALL_FORMATS)
    assert result.exit_code == 0, result.stderr
    return pages, cache, {p.name: p.read_bytes() for p in (tmp_path / "clean").iterdir()}


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_a_flipped_byte_in_the_cache_is_a_miss_with_a_warning_never_another_graph(cached, tmp_path: Path) -> None:
    pages, cache, clean = cached
    name = "黄志刚".encode()
    flipped = 0
    for entry in _entries(cache):
        data = bytearray(entry.read_bytes())
        at = data.find(name)
        if at >= 0:
            data[at + 2] ^= 0x01  # a continuation byte stays one: still valid UTF-8, another character
            entry.write_bytes(bytes(data))
            flipped += 1
    assert flipped >= 1  # the page's entry (no other entry holds the text)
    result = _build(pages, "--out", tmp_path / "again", "--cache", cache, *ALL_FORMATS)
    _no_traceback(result)
    assert result.exit_code == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()} == clean
    unusable = [ln for ln in result.stderr.splitlines() if "is unusable: its digest does not match (damaged)" in ln]
    assert len(unusable) == flipped


class _Payload:
    """What a pickle runs when it is loaded: here, it would create a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_a_planted_pickle_runs_nothing(cached, tmp_path: Path) -> None:
    pages, cache, clean = cached
    marker = tmp_path / "owned"
    payload = pickle.dumps(_Payload(marker))
    planted = 0
    for entry in _entries(cache):  # every entry, under this version's name and a pickle's
        for target in (entry, entry.with_suffix(".pkl")):
            target.write_bytes(payload)
            planted += 1
    assert planted >= 4
    result = _build(pages, "--out", tmp_path / "again", "--cache", cache, *ALL_FORMATS)
    _no_traceback(result)
    assert result.exit_code == 0
    assert not marker.exists()
    assert {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()} == clean


def test_an_entry_with_a_good_digest_but_a_foreign_record_is_refused(tmp_path: Path) -> None:
    import msgpack

    from graph.cache import MAGIC, BadEntry, decode, encode
    from graph.model import FileReport, PageResult

    good = PageResult("a.txt", (), FileReport("a.txt", "why", skipped=False))
    assert decode(encode(good)) == good

    def forged(inner: list) -> bytes:
        payload = msgpack.packb(msgpack.ExtType(1, msgpack.packb(inner)))
        return MAGIC + hashlib.sha256(payload).digest() + payload

    for inner, why in [
        (["system", "touch owned"], "is not a record of the model"),  # a name that is no record
        (["PageResult", "a.txt", "not a tuple", None], "do not fit its class"),  # a field of the wrong type
        (["FileReport", "a.txt"], "do not fit its class"),  # fields missing
    ]:
        with pytest.raises(BadEntry, match=why):
            decode(forged(inner))


def test_records_nested_past_any_build_s_depth_are_refused_not_a_crash(tmp_path: Path) -> None:
    """Each nested record is a msgpack call on the C stack: 400 of them (4 KB of entry) overflowed it (SIGSEGV)."""
    import msgpack

    from graph.cache import MAGIC

    payload = msgpack.packb(None)
    for _ in range(400):
        payload = msgpack.packb(msgpack.ExtType(1, msgpack.packb(["PageResult", msgpack.ExtType(1, payload)])))
    entry = tmp_path / "deep.msgpack"
    entry.write_bytes(MAGIC + hashlib.sha256(payload).digest() + payload)
    probe = ("import sys; from graph.cache import BadEntry, decode\n"
             "try:\n    decode(open(sys.argv[1], 'rb').read())\nexcept BadEntry as e:\n    print(e)\n")
    done = subprocess.run([sys.executable, "-c", probe, str(entry)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (0, "records nested deeper than any build writes"), done.stderr


# ---------------------------------------------------------------------------- 9. smaller


def test_a_line_break_in_a_file_name_cannot_forge_a_message(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text(OTHER_A, encoding="utf-8")
    (pages / "x.txt\nskipped: forged.txt: is fine\r\x1b[2K.txt").write_bytes(b"")
    result = _build(pages, "--out", tmp_path / "out")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert not [ln for ln in lines if ln.startswith("skipped: forged")]
    assert f"skipped: {pages}/x.txt\\nskipped: forged.txt: is fine\\r\\x1b[2K.txt: is empty; remove it or fill it with the page's text" in lines


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_symlinked_export_is_replaced_by_a_file_with_the_usual_mode(tmp_path: Path) -> None:
    private = tmp_path / "private.ttl"
    private.write_text("mine\n", encoding="utf-8")
    private.chmod(0o600)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").symlink_to(private)
    (tmp_path / "p.txt").write_text(OTHER_A, encoding="utf-8")
    assert _build(tmp_path / "p.txt", "--out", out).exit_code == 0
    mask = os.umask(0o022)
    os.umask(mask)
    st = (out / "graph.ttl").lstat()
    assert stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o666 & ~mask
    assert private.read_text(encoding="utf-8") == "mine\n" and stat.S_IMODE(private.stat().st_mode) == 0o600


def test_a_parameter_with_a_carriage_return_is_a_value_like_any_other(seed_build) -> None:
    _, out = seed_build
    graph = ["--graph", str(out / "graph.ttl"), "--format", "csv"]
    crlf = CliRunner().invoke(main, ["query", "entity", "--param", "name=秦岭路\r\n街道\t\"x\"\\", *graph])
    assert crlf.exit_code == 0, crlf.stderr
    assert crlf.stdout.splitlines()[1:] == []  # no such name: no rows, and no parser error
    plain = CliRunner().invoke(main, ["query", "entity", "--param", "name=秦岭路街道", *graph])
    assert plain.exit_code == 0 and "秦岭路街道" in plain.stdout


def test_a_query_past_its_memory_is_stopped_with_an_error(seed_build) -> None:
    _, out = seed_build
    product = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"  # sorts 4 x 10^9 rows
    run = subprocess.run(  # in a process of its own: a cap that failed would not take the tests' memory
        [sys.executable, "-m", "graph", "query", "--graph", str(out / "graph.ttl"), "--max-memory", "64",
         "--timeout", "600", "-e", product],
        cwd=ROOT, capture_output=True, timeout=900,
    )
    assert run.returncode == 1
    assert run.stdout == b""
    assert run.stderr.decode() == ("error: the query needed more than 64 MB (--max-memory) for its evaluation and rows; "
                                   "narrow it (LIMIT, fewer joins) or raise the limit\n")
    small = CliRunner().invoke(main, ["query", "--graph", str(out / "graph.ttl"), "--max-memory", "64", "--format", "csv",
                                      "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s a nk:District }"])
    assert small.exit_code == 0 and int(small.stdout.splitlines()[1]) > 0




# ---------------------------------------------------------------------------- the fuzz run, small


@pytest.mark.slow
def test_the_fuzz_run_passes_on_a_small_scale(tmp_path: Path, capsys) -> None:
    """bench/fuzz_hostile.py at a few rounds and names (the README's figures are of the full run)."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("fuzz_hostile", ROOT / "bench" / "fuzz_hostile.py")
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    status = fuzz.main_(["--rounds", "2", "--pages", "6", "--forged", "300", "--names", "60", "--work", str(tmp_path)])
    report = json.loads(capsys.readouterr().out)
    # each round damages 12 entries: 6 pages', the last build's note, the slugs, the gazetteer's rows, the Turtle's
    # block index, the view's details, the pages as resolved
    assert report["cache"]["mutated_entries"] == 24 and report["names"]["names"] == 60
    assert report["cache"]["missing_warnings"] == 0
    assert report["cache"]["changed_exports"] == report["cache"]["tracebacks"] == report["cache"]["forged"]["exceptions"] == 0
    assert report["names"]["problems"] == []
    assert status == 0


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, a folder where no file can be made")
def test_an_output_folder_where_no_lock_can_be_made_is_no_other_build_s(tmp_path: Path) -> None:
    # filelock waits on a lock file it cannot create, as on one another build holds: the message must not say so
    (tmp_path / "a.txt").write_text(OTHER_A, encoding="utf-8")
    out = Path("/proc") / f"newskg-{os.getpid()}"
    result = _build(tmp_path / "a.txt", "--out", out)
    _no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot write the output folder {out} in /proc (")
    assert "another newskg build" not in result.stderr

"""`newskg serve` as its users meet it: started on a free local port, queried by SPARQLWrapper and by plain HTTP.

Every result format is asked for and parsed back; bad queries, updates,
SERVICE, huge answers, slow queries and greedy ones get HTTP errors with
a message, and the server goes on answering after each.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from http.client import HTTPConnection
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote, urlencode, urlsplit
from urllib.request import Request, urlopen

import pytest
from rdflib import Graph, Literal, URIRef

from graph.sparql import named_queries
from tests.conftest import ROOT

OFFICIALS = """SELECT ?name ?title ?office WHERE {
  ?m a org:Membership ; org:member/rdfs:label ?name ; org:role/rdfs:label ?title ; org:organization ?o .
  ?o a nk:StreetOffice ; rdfs:label ?office .
} ORDER BY ?office ?name ?title"""
YANG = ("杨春晓", "主任", "秦岭路街道")  # 秦岭路街道办事处主任杨春晓 (seed 000)
CITY = "SELECT ?city WHERE { ?c a nk:City ; rdfs:label ?city }"
DESCRIBE_CITY = "CONSTRUCT { ?c ?p ?o } WHERE { ?c a nk:City ; ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 2,000 triples cubed: hours
GREEDY = "SELECT (STRLEN(GROUP_CONCAT(?body)) AS ?n) WHERE { ?a schema:articleBody ?body . ?b ?p ?o . ?c a nk:Article }"


class Served:
    """A `newskg serve` process: its URL, its stderr, and how to stop it."""

    def __init__(self, args: list[str], log: Path) -> None:
        self.log = log
        self.proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--port", "0", *args], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=log.open("w", encoding="utf-8"))
        deadline = time.monotonic() + 60
        while "serving http" not in self.stderr:
            assert self.proc.poll() is None, self.stderr
            assert time.monotonic() < deadline, "the server did not start in 60 s"
            time.sleep(0.05)
        self.url = self.stderr.split("serving ", 1)[1].split()[0]
        self.sparql = self.url + "sparql"

    @property
    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> int:
        self.proc.terminate()
        return self.proc.wait(20)


@pytest.fixture(scope="module")
def server(seed_build, tmp_path_factory):
    _, out = seed_build
    s = Served(["--graph", str(out / "graph.ttl")], tmp_path_factory.mktemp("serve") / "stderr.txt")
    yield s
    assert s.stop() == 0
    assert "stopped" in s.stderr


@pytest.fixture(scope="module")
def strict(seed_build, tmp_path_factory):
    """Small limits: 2 s, 50 rows, 200 MB a query."""
    _, out = seed_build
    s = Served(["--graph", str(out / "graph.ttl"), "--timeout", "2", "--max-rows", "50", "--max-memory", "200", "-q"],
               tmp_path_factory.mktemp("strict") / "stderr.txt")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def capped(seed_build, tmp_path_factory):
    """200 MB a query, and a time limit no query here reaches first, however loaded the machine (`strict`'s 2 s was
    reached before the memory cap by a greedy query on a machine running two test suites at once)."""
    _, out = seed_build
    s = Served(["--graph", str(out / "graph.ttl"), "--timeout", "600", "--max-memory", "200", "-q"],
               tmp_path_factory.mktemp("capped") / "stderr.txt")
    yield s
    s.stop()


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None) -> tuple[int, dict, bytes]:
    """(status, headers, body) of one request; HTTP errors are answers too."""
    req = Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except HTTPError as e:
        return e.code, dict(e.headers), e.read()


def get(s: Served, query: str, accept: str = "application/sparql-results+json", **params: str) -> tuple[int, dict, bytes]:
    return http(s.sparql + "?" + urlencode({"query": query, **params}), headers={"Accept": accept})


def post(s: Served, query: str, accept: str = "application/sparql-results+json") -> tuple[int, dict, bytes]:
    return http(s.sparql, urlencode({"query": query}).encode(), {"Accept": accept,
                "Content-Type": "application/x-www-form-urlencoded"})


def still_serving(s: Served) -> None:
    status, _, body = get(s, CITY)
    assert status == 200 and "郑州市" in body.decode("utf-8")


# ---------------------------------------------------------------------------- SPARQLWrapper


def wrapper(s: Served, query: str, fmt: str, method: str = "GET"):
    from SPARQLWrapper import SPARQLWrapper

    w = SPARQLWrapper(s.sparql)
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setMethod(method)
    return w.query()


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_as_json(server, method):
    from SPARQLWrapper import JSON

    rows = wrapper(server, OFFICIALS, JSON, method).convert()["results"]["bindings"]
    assert YANG in {(r["name"]["value"], r["title"]["value"], r["office"]["value"]) for r in rows}
    assert rows[0]["name"]["xml:lang"] == "zh"


def test_sparqlwrapper_select_as_xml_csv_and_tsv(server):
    from SPARQLWrapper import CSV, TSV, XML

    doc = wrapper(server, OFFICIALS, XML).convert()  # a DOM
    literals = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert "杨春晓" in literals
    table = list(csv.reader(io.StringIO(wrapper(server, OFFICIALS, CSV).convert().decode("utf-8"))))
    assert table[0] == ["name", "title", "office"] and list(YANG) in table
    tsv = wrapper(server, OFFICIALS, TSV).convert().decode("utf-8").splitlines()
    assert tsv[0] == "?name\t?title\t?office" and '"杨春晓"@zh\t"主任"@zh\t"秦岭路街道"@zh' in tsv


def test_sparqlwrapper_ask_and_construct(server):
    from SPARQLWrapper import JSON, JSONLD, TURTLE

    assert wrapper(server, 'ASK { ?p rdfs:label "杨春晓"@zh }', JSON).convert()["boolean"] is True
    assert wrapper(server, 'ASK { ?p rdfs:label "无此人"@zh }', JSON).convert()["boolean"] is False
    turtle = Graph().parse(data=wrapper(server, DESCRIBE_CITY, TURTLE).convert(), format="turtle")
    jsonld = wrapper(server, DESCRIBE_CITY, JSONLD).convert()  # SPARQLWrapper parses it into an rdflib Graph
    assert len(turtle) > 3 and turtle.isomorphic(jsonld)
    assert Literal("郑州市", lang="zh") in set(turtle.objects())


def test_sparqlwrapper_reports_a_bad_query_and_the_server_goes_on(server):
    from SPARQLWrapper import JSON
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    with pytest.raises(QueryBadFormed) as e:
        wrapper(server, "SELECT ?x WHERE { ?x ?y }", JSON)
    assert "the query does not parse" in str(e.value) and "line 1" in str(e.value)
    still_serving(server)


# ---------------------------------------------------------------------------- plain HTTP, every format


def test_every_result_format_of_a_select(server):
    status, headers, body = get(server, OFFICIALS)
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    rows = json.loads(body)["results"]["bindings"]
    expected = {(r["name"]["value"], r["title"]["value"], r["office"]["value"]) for r in rows}
    assert YANG in expected

    status, headers, body = get(server, OFFICIALS, "application/sparql-results+xml")
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+xml"
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    results = ET.fromstring(body).findall(".//s:result", ns)
    assert {tuple(r.find(f"s:binding[@name='{v}']/s:literal", ns).text for v in ("name", "title", "office"))
            for r in results} == expected

    status, headers, body = get(server, OFFICIALS, "text/csv")
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    table = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert table[0] == ["name", "title", "office"] and {tuple(r) for r in table[1:]} == expected

    status, headers, body = get(server, OFFICIALS, "text/tab-separated-values")
    assert status == 200 and headers["Content-Type"] == "text/tab-separated-values; charset=utf-8"
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?name\t?title\t?office"
    assert {tuple(c[1:-4] for c in ln.split("\t")) for ln in lines[1:]} == expected  # "杨春晓"@zh


def test_every_graph_format_of_a_construct_says_the_same(server):
    graphs = {}
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
                        ("application/rdf+xml", "xml")):
        status, headers, body = get(server, DESCRIBE_CITY, accept)
        assert status == 200 and headers["Content-Type"].split(";")[0] == accept, accept
        graphs[accept] = Graph().parse(data=body.decode("utf-8"), format=fmt)
    first = graphs["text/turtle"]
    assert len(first) > 3 and all(g.isomorphic(first) for g in graphs.values())
    city = next(iter(first.subjects(URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("郑州市", lang="zh"))))
    status, _, body = get(server, f"DESCRIBE <{city}>", "text/turtle")
    assert status == 200 and Graph().parse(data=body.decode("utf-8"), format="turtle").isomorphic(first)


def test_ask_in_every_result_format(server):
    q = 'ASK { ?p rdfs:label "杨春晓"@zh }'
    assert json.loads(get(server, q)[2]) == {"head": {}, "boolean": True}
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    assert ET.fromstring(get(server, q, "application/sparql-results+xml")[2]).find("s:boolean", ns).text == "true"
    assert get(server, q, "text/csv")[2] == b"true"
    assert get(server, q, "text/tab-separated-values")[2] == b"true"


def test_post_as_form_and_as_a_sparql_query_body_answer_like_get(server):
    by_get = get(server, OFFICIALS, "text/csv")[2]
    assert post(server, OFFICIALS, "text/csv")[2] == by_get
    status, _, body = http(server.sparql, OFFICIALS.encode("utf-8"), {"Content-Type": "application/sparql-query",
                                                                       "Accept": "text/csv"})
    assert status == 200 and body == by_get


def test_accept_q_values_wildcards_and_the_format_parameter(server):
    assert get(server, CITY, "text/csv;q=0.5, application/sparql-results+xml")[1]["Content-Type"].startswith(
        "application/sparql-results+xml")
    assert get(server, CITY, "text/csv;q=0.9, text/tab-separated-values;q=0.1")[1]["Content-Type"].startswith("text/csv")
    assert get(server, CITY, "*/*")[1]["Content-Type"] == "application/sparql-results+json"
    assert get(server, DESCRIBE_CITY, "*/*")[1]["Content-Type"].startswith("text/turtle")
    assert get(server, CITY, "application/sparql-results+json", format="csv")[1]["Content-Type"].startswith("text/csv")
    assert get(server, DESCRIBE_CITY, "", format="json")[1]["Content-Type"] == "application/ld+json"
    status, _, body = get(server, CITY, "text/turtle")
    assert status == 406 and b"application/sparql-results+json" in body
    status, _, body = get(server, DESCRIBE_CITY, "text/csv")
    assert status == 406 and b"text/turtle" in body


def test_the_same_answer_as_newskg_query(server, seed_build):
    from click.testing import CliRunner

    from graph.cli import main

    _, out = seed_build
    cli = CliRunner().invoke(main, ["query", "--graph", str(out / "graph.ttl"), "-e", OFFICIALS, "--format", "csv"])
    assert get(server, OFFICIALS, "text/csv")[2].decode("utf-8").replace("\r\n", "\n") == cli.stdout


# ---------------------------------------------------------------------------- named queries, pages


def test_named_queries_are_listed_and_run_with_their_parameters(server):
    status, _, body = http(server.url + "queries")
    listed = json.loads(body)
    assert status == 200 and [q["name"] for q in listed] == list(named_queries())
    succession = next(q for q in listed if q["name"] == "succession")
    assert succession["params"] == [{"name": "unit", "default": "秦岭路街道"}, {"name": "title", "default": "主任"}]
    assert '"秦岭路街道"' in succession["sparql"] and "$unit" not in succession["sparql"]

    status, headers, body = http(server.url + "queries/officials-of?" + urlencode({"unit": "中原区"}), headers={"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert "杨春晓,主任,秦岭路街道," in body.decode("utf-8")
    status, _, body = http(server.url + "queries/succession?format=json")
    assert status == 200 and ("杨春晓", None) in {(b["name"]["value"], b.get("first")) for b in json.loads(body)["results"]["bindings"]}
    status, headers, body = http(server.url + "queries/posts.rq")
    assert status == 200 and body.decode("utf-8") == named_queries()["posts"].text
    assert http(server.url + "queries/nope")[0] == 404
    status, _, body = http(server.url + "queries/officials-of?units=x")
    assert status == 400 and b"has no parameter units" in body


def test_the_view_is_at_the_root_and_the_query_page_at_sparql(server, seed_build):
    _, out = seed_build
    status, headers, body = http(server.url)
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert page.startswith((out / "graph.html").read_text(encoding="utf-8")[:200])
    assert 'href="/sparql"' in page  # the link to the query page
    status, headers, body = http(server.sparql)
    page = body.decode("utf-8")
    assert status == 200 and "<textarea" in page
    assert "default-src 'none'" in headers["Content-Security-Policy"] and "connect-src 'self'" in headers["Content-Security-Policy"]
    assert "http://" not in page and "https://" not in page  # nothing fetched from anywhere


def test_head_and_unknown_paths(server):
    status, headers, body = http(server.url + "queries", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 100
    status, _, body = http(server.url + "nothing-here")
    assert status == 404 and b"/sparql" in body


# ---------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(("how", "status", "says"), [
    ("form update", 403, "read-only"),
    ("update body", 403, "read-only"),
    ("update as a query", 403, "read-only"),
    ("update endpoint", 403, "read-only"),
    ("PUT", 405, "not allowed"),
    ("DELETE", 405, "not allowed"),
    ("SERVICE", 403, "--allow-service"),
    ("empty query", 400, "empty"),
    ("two queries", 400, "exactly one query"),
    ("no content type", 415, "application/sparql-query"),
    ("body too large", 413, "larger than"),
    ("query too long", 413, "longer than"),
    ("not UTF-8", 400, "UTF-8"),
    ("another host", 403, "127.0.0.1 or localhost only"),
])
def test_refusals_have_a_status_and_a_message_and_leave_the_server_serving(server, how, status, says):
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    insert = "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    requests = {
        "form update": lambda: http(server.sparql, urlencode({"update": insert}).encode(), form),
        "update body": lambda: http(server.sparql, insert.encode(), {"Content-Type": "application/sparql-update"}),
        "update as a query": lambda: get(server, "PREFIX x: <http://x/>\n# a comment\n" + insert),
        "update endpoint": lambda: http(server.url + "update", urlencode({"update": insert}).encode(), form),
        "PUT": lambda: http(server.sparql, b"x", {"Content-Type": "text/turtle"}, method="PUT"),
        "DELETE": lambda: http(server.sparql, method="DELETE"),
        "SERVICE": lambda: get(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"),
        "empty query": lambda: get(server, "  "),
        "two queries": lambda: http(server.sparql + "?query=ASK%7B%7D&query=ASK%7B%7D"),
        "no content type": lambda: http(server.sparql, b"ASK {}", {"Content-Type": "text/plain"}),
        "body too large": lambda: announce(server, 2 << 20),
        "query too long": lambda: post(server, "ASK {} #" + "x" * (300 << 10)),
        "not UTF-8": lambda: http(server.sparql, "ASK { ?s ?p '中' }".encode("gbk"), {"Content-Type": "application/sparql-query"}),
        "another host": lambda: http(server.sparql + "?query=ASK%7B%7D", headers={"Host": "attacker.example"}),
    }
    code, headers, body = requests[how]()
    assert code == status, body
    assert headers["Content-Type"] == "text/plain; charset=utf-8" and says in body.decode("utf-8")
    still_serving(server)


def announce(s: Served, length: int) -> tuple[int, dict, bytes]:
    """A POST that announces a body of `length` bytes and sends none: the server answers without reading it."""
    u = urlsplit(s.url)
    conn = HTTPConnection(u.hostname, u.port, timeout=10)
    conn.putrequest("POST", "/sparql")
    conn.putheader("Content-Type", "application/x-www-form-urlencoded")
    conn.putheader("Content-Length", str(length))
    conn.endheaders()
    r = conn.getresponse()
    answer = (r.status, dict(r.headers), r.read())
    conn.close()
    return answer


def test_a_request_line_the_server_cannot_parse(server):
    u = urlsplit(server.url)
    conn = HTTPConnection(u.hostname, u.port, timeout=10)
    conn.request("GET", "/sparql?query=" + quote("ASK {}" + " " * 70_000))  # past http.server's line limit
    assert conn.getresponse().status == 414
    conn.close()
    still_serving(server)



def raw_get(s: Served, target: bytes) -> tuple[int, bytes]:
    """(status, body) of a GET whose request target is sent as these bytes, as curl sends a URL typed with Chinese in
    it: not percent-escaped."""
    u = urlsplit(s.url)
    with socket.create_connection((u.hostname, u.port), timeout=10) as sock:
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: " + u.netloc.encode() + b"\r\nConnection: close\r\n\r\n")
        answer = b"".join(iter(lambda: sock.recv(65536), b""))
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_a_url_with_its_chinese_unescaped_is_read_as_utf8(server):
    escaped = http(server.url + "queries/officials-of?" + urlencode({"unit": "秦岭路街道"}), headers={"Accept": "text/csv"})
    status, body = raw_get(server, "/queries/officials-of?unit=秦岭路街道&format=csv".encode())
    assert status == 200 and "杨春晓,主任,秦岭路街道," in body.decode("utf-8") and body == escaped[2]
    status, body = raw_get(server, "/sparql?query=ASK{?s rdfs:label \"中原区\"@zh}".replace(" ", "%20").encode())
    assert status == 200 and json.loads(body)["boolean"] is True
    for bad in (b"/queries/officials-of?unit=\xe4\xb8", b"/queries/officials-of?unit=%E4%B8"):  # cut short: not UTF-8
        status, body = raw_get(server, bad)
        assert status == 400 and b"not UTF-8" in body
    assert "unit=%E7%A7%A6%E5%B2%AD%E8%B7%AF%E8%A1%97%E9%81%93" in server.stderr  # logged as sent, escaped once
    still_serving(server)


# ---------------------------------------------------------------------------- limits


def test_an_answer_past_the_row_cap_is_refused_not_cut(strict):
    status, _, body = get(strict, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 413 and "more than 50 rows" in body.decode("utf-8")
    status, _, body = get(strict, "CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle")
    assert status == 413 and "more than 50 triples" in body.decode("utf-8")
    status, _, body = get(strict, "SELECT * WHERE { ?s ?p ?o } LIMIT 50", "text/csv")
    assert status == 200 and len(body.decode("utf-8").splitlines()) == 51
    still_serving(strict)


def test_a_slow_query_is_stopped_at_the_time_limit(strict):
    status, _, body = get(strict, SLOW)
    assert status == 503 and "ran past the 2 s limit" in body.decode("utf-8")
    still_serving(strict)


def test_a_greedy_query_is_stopped_at_the_memory_cap(capped):
    status, _, body = get(capped, GREEDY)
    assert status == 503 and "needed more than 200 MB" in body.decode("utf-8")
    still_serving(capped)


def test_the_pool_replaces_a_stopped_worker(seed_build):
    """In process: the worker killed at the time limit is replaced, and both serve again."""
    from graph.endpoint import Limits
    from graph.serve import Source, SparqlServer

    _, out = seed_build
    with SparqlServer(Source(graph=out / "graph.ttl"), port=0, limits=Limits(timeout=1), workers=2) as s:
        s.start()
        pool = s.endpoint.pool
        before = set(pool.pids)
        assert pool.run(SLOW).status == 503
        deadline = time.monotonic() + 60
        while len(pool.pids) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        after = set(pool.pids)
        assert pool.replaced == 1 and len(after) == 2 and len(before & after) == 1
        answers = [pool.run(CITY, "text/csv") for _ in range(4)]
        assert all(a.status == 200 and "郑州市" in a.text for a in answers)


def test_service_runs_only_when_the_operator_allows_it(seed_build):
    """One endpoint federating to another, both on 127.0.0.1: refused by default, sent with --allow-service."""
    from graph.endpoint import Limits
    from graph.serve import Source, SparqlServer

    _, out = seed_build
    source = Source(graph=out / "graph.ttl")
    with SparqlServer(source, port=0, workers=1) as remote, \
            SparqlServer(source, port=0, workers=1) as closed, \
            SparqlServer(source, port=0, workers=1, limits=Limits(allow_service=True)) as open_:
        remote_url = remote.start() + "sparql"
        closed.start()
        open_.start()
        q = f"SELECT ?city WHERE {{ SERVICE <{remote_url}> {{ ?c a <https://w3id.org/newskg/ontology#City> ; <http://www.w3.org/2000/01/rdf-schema#label> ?city }} }}"
        served = remote.endpoint.served
        refused = closed.endpoint.pool.run(q, "text/csv")
        assert refused.status == 403 and remote.endpoint.served == served  # nothing was sent
        allowed = open_.endpoint.pool.run(q, "text/csv")
        assert allowed.status == 200 and "郑州市" in allowed.text
        assert remote.endpoint.served > served


def test_cross_origin_reading_only_when_the_operator_allows_it(seed_build):
    from graph.serve import Source, SparqlServer

    _, out = seed_build
    for cors in (False, True):
        with SparqlServer(Source(graph=out / "graph.ttl"), port=0, workers=1, cors=cors) as s:
            url = s.start()
            _, headers, _ = http(url + "sparql?" + urlencode({"query": CITY}), headers={"Origin": "http://127.0.0.1:9999"})
            status, preflight, _ = http(url + "sparql", method="OPTIONS", headers={"Origin": "http://127.0.0.1:9999",
                                        "Access-Control-Request-Method": "POST"})
            assert status == 204
            assert ("Access-Control-Allow-Origin" in headers) is cors
            assert ("Access-Control-Allow-Origin" in preflight) is cors


def test_relative_paths_are_the_caller_s(seed_build, tmp_path: Path, monkeypatch):
    import shutil

    from graph.endpoint import Limits
    from graph.endpoint_pool import Pool

    _, out = seed_build
    shutil.copy(out / "graph.ttl", tmp_path / "g.ttl")
    monkeypatch.chdir(tmp_path)
    pool = Pool("g.ttl", None, Limits(), workers=1)
    try:
        assert "郑州市" in pool.run(CITY, "text/csv").text
    finally:
        pool.close()


def test_store_folders_are_served_too(seed_build, tmp_path: Path):
    from graph.serve import Source, SparqlServer
    from graph.store import write_store

    result, _ = seed_build
    store = write_store(result.graph, tmp_path / "store")
    with SparqlServer(Source(store_dir=store), port=0, workers=1) as s:
        url = s.start()
        status, _, body = http(url + "sparql?" + urlencode({"query": CITY}), headers={"Accept": "text/csv"})
        assert status == 200 and "郑州市" in body.decode("utf-8")
        status, _, body = http(url)
        assert status == 200 and b"<textarea" in body  # no view given: the query page


def test_the_load_generator_counts_what_it_sends(server):
    """The load test of `make bench` (bench/serve_load.py), small: every query answered, none lost."""
    from bench.serve_load import load, queries

    report = load(server.sparql, queries(), total=64, clients=16, seconds=60)
    assert report["queries"] == 64 and report["errors"] == 0 and report["statuses"] == {"200": 64}
    assert 0 < report["p50_ms"] <= report["p95_ms"] <= report["p99_ms"]


def test_serve_help_and_a_missing_graph(tmp_path: Path):
    from click.testing import CliRunner

    from graph.cli import main

    res = CliRunner().invoke(main, ["serve", "--help"])
    assert res.exit_code == 0 and "--allow-service" in res.stdout and "--max-rows" in res.stdout
    res = CliRunner().invoke(main, ["serve", "--graph", str(tmp_path / "none.ttl")])
    assert res.exit_code == 1 and "no such graph" in res.stderr


def test_what_cannot_listen_names_the_option_to_change(seed_build):
    from click.testing import CliRunner

    from graph.cli import main

    _, out = seed_build
    graph = ["serve", "--graph", str(out / "graph.ttl"), "-q"]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        res = CliRunner().invoke(main, [*graph, "--port", str(taken.getsockname()[1])])
    assert res.exit_code == 1 and "cannot listen on 127.0.0.1:" in res.stderr and "pick another --port" in res.stderr
    for host in ("bad host", "192.0.2.1"):  # no such name; an address of no machine here (TEST-NET-1)
        res = CliRunner().invoke(main, [*graph, "--host", host, "--port", "0"])
        assert res.exit_code == 1 and f"cannot listen on {host}:0" in res.stderr and "check --host" in res.stderr, res.stderr
        assert "--port" not in res.stderr

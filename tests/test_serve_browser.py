"""The endpoint in headless Chromium: the view at /, its link to the query page, a query run from the page.

Skipped, with the reason, when /usr/bin/chromium or the playwright package is missing (as tests/test_browser.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.test_browser import browser  # noqa: F401 (the fixture: one Chromium for the module)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def endpoint(seed_build):
    from graph.serve import Source, SparqlServer

    _, out = seed_build
    with SparqlServer(Source(graph=out / "graph.ttl", view=out / "graph.html"), port=0, workers=2) as s:
        yield s.start()


@pytest.fixture
def page(browser, endpoint):  # noqa: F811
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    p = context.new_page()
    p.requests, p.errors = [], []
    p.on("request", lambda r: p.requests.append(r.url))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    # the browser reports each refused request (400, 403) on the console: those are the tests' own
    p.on("console", lambda m: p.errors.append(m.text)
         if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    yield p
    context.close()


def test_the_view_at_the_root_leads_to_the_query_page_which_runs_a_named_query(page, endpoint):
    page.goto(endpoint)
    page.wait_for_function("() => window.newskg && window.newskg.stable", timeout=20_000, polling=50)
    page.click("#newskg-sparql")
    page.wait_for_url(endpoint + "sparql")
    page.wait_for_function("() => window.newskgQuery && window.newskgQuery.named > 0", timeout=10_000)
    page.select_option("#named", "officials-of")
    assert '"秦岭路街道"' in page.input_value("#query")
    page.click("#run")
    page.wait_for_function("() => window.newskgQuery.runs === 1", timeout=15_000)
    assert page.evaluate("window.newskgQuery.status") == 200
    assert page.evaluate("window.newskgQuery.rows") > 0
    cells = page.locator("#out td").all_text_contents()
    assert "杨春晓" in cells and "主任" in cells
    assert "行 · rows" in page.text_content("#status")
    assert page.errors == []
    origin = urlsplit(endpoint).netloc
    assert {urlsplit(u).netloc for u in page.requests if not u.startswith("data:")} == {origin}  # nothing from elsewhere


def test_the_page_shows_a_graph_answer_and_a_refusal(page, endpoint):
    page.goto(endpoint + "sparql")
    page.fill("#query", 'CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c a nk:City ; rdfs:label ?l }')
    page.select_option("#format", "text/turtle")
    page.click("#run")
    page.wait_for_function("() => window.newskgQuery.runs === 1", timeout=15_000)
    assert "郑州市" in page.text_content("#out pre")
    page.fill("#query", "SELECT ?x WHERE { ?x ?y }")
    page.select_option("#format", "application/sparql-results+json")
    page.keyboard.press("Control+Enter")
    page.wait_for_function("() => window.newskgQuery.runs === 2", timeout=15_000)
    assert page.evaluate("window.newskgQuery.status") == 400
    assert "the query does not parse" in page.text_content("#status")
    page.fill("#query", "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }")
    page.click("#run")
    page.wait_for_function("() => window.newskgQuery.runs === 3", timeout=15_000)
    assert page.evaluate("window.newskgQuery.status") == 403 and "read-only" in page.text_content("#status")
    assert page.errors == []


def test_answers_are_text_in_the_page_never_markup(page, endpoint):
    page.goto(endpoint + "sparql")
    page.fill("#query", 'SELECT ?x WHERE { BIND ("<img src=x onerror=window.__pwned=1>" AS ?x) }')
    page.click("#run")
    page.wait_for_function("() => window.newskgQuery.runs === 1", timeout=15_000)
    assert page.locator("#out td").all_text_contents() == ["<img src=x onerror=window.__pwned=1>"]
    assert page.evaluate("window.__pwned") is None


def test_a_yasgui_of_its_own_host_queries_the_endpoint_when_cors_is_allowed(browser, seed_build, tmp_path):  # noqa: F811
    """The YASGUI bundled with the oxigraph package (hosted by `oxigraph serve`) pointed at `newskg serve --cors`.

    Only loopback requests leave the page: YASGUI's prefix look-up (prefix.cc) is aborted before it is sent.
    """
    import subprocess
    import time

    from bench.serve_load import free_port, oxigraph_binary
    from graph.serve import Source, SparqlServer

    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph package (its server hosts YASGUI) is not installed (pip install '.[test]')")
    _, out = seed_build
    port = free_port()
    yasgui = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        with SparqlServer(Source(graph=out / "graph.ttl"), port=0, workers=1, cors=True) as s:
            endpoint = s.start() + "sparql"
            context = browser.new_context()
            sent: list[str] = []

            def only_loopback(route):
                host = urlsplit(route.request.url).hostname
                if host in ("127.0.0.1", "localhost"):
                    sent.append(route.request.url)
                    route.continue_()
                else:
                    route.abort()

            context.route("**/*", only_loopback)
            page = context.new_page()
            deadline = time.monotonic() + 30
            while True:
                try:
                    page.goto(f"http://127.0.0.1:{port}/")
                    break
                except Exception:
                    assert time.monotonic() < deadline, "oxigraph serve did not start"
                    time.sleep(0.2)
            page.locator("input.autocomplete").fill(endpoint)
            page.locator("input.autocomplete").press("Enter")
            page.evaluate("""() => document.querySelector('.CodeMirror').CodeMirror.setValue(
                'SELECT ?city WHERE { ?c a <https://w3id.org/newskg/ontology#City> ; '
                + '<http://www.w3.org/2000/01/rdf-schema#label> ?city }')""")
            page.locator(".yasqe_queryButton").click()
            page.wait_for_function("() => document.querySelector('.yasr') && document.querySelector('.yasr').innerText.includes('郑州市')",
                                   timeout=20_000)
            assert any(u.startswith(endpoint) for u in sent)
            context.close()
    finally:
        yasgui.terminate()
        yasgui.wait(10)

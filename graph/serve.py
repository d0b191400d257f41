"""Serve: a read-only SPARQL 1.1 Protocol endpoint over the graph, with the HTML view and a query page.

    /                      the network view (exports/graph.html), with a link to the query page
    /sparql                SPARQL: GET ?query=…, POST form (query=…) or application/sparql-query;
                           without a query, the query page (inline script and style, nothing fetched)
    /queries               the named queries (JSON): name, summary, parameters, their URL and text
    /queries/NAME?P=V      one named query run with its parameters; /queries/NAME.rq its text

Results by Accept (or format=): SPARQL JSON, XML, CSV, TSV; CONSTRUCT and
DESCRIBE as Turtle, N-Triples, JSON-LD, RDF/XML. Updates and (unless
allowed) SERVICE are refused; every query runs under the limits of
graph.endpoint. The server binds 127.0.0.1 unless told otherwise, and then
answers only requests addressed to a loopback name (a web page cannot reach
it through a name of its own).
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import json
import logging
import re
import socket
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from graph.endpoint import Answer, Limits, error
from graph.endpoint_pool import Pool
from graph.errors import GraphError, QueryError
from graph.sparql import NamedQuery, bind, named_queries

log = logging.getLogger("newskg.serve")

PAGE = Path(__file__).resolve().parent / "data" / "query.html"
MAX_BODY = 1 << 20  # bytes of a POST body
LOOPBACK = re.compile(r"^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]|::1)$", re.IGNORECASE)
# The view's own layout is left as it is: a fixed link in a corner, put before </body> when the view is served.
VIEW_LINK = (
    '<a id="newskg-sparql" href="/sparql" style="position:fixed;top:8px;right:12px;z-index:10;padding:4px 8px;'
    'background:#1a4fa0;color:#fff;border-radius:4px;font:13px sans-serif;text-decoration:none">SPARQL 查询 · query</a>\n'
)
SECURITY = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), ("Cache-Control", "no-store"))


@dataclass(frozen=True)
class Source:
    """What the server serves: a Turtle file or a store folder, and the view's HTML file if any."""

    graph: Path | None = None
    store_dir: Path | None = None
    view: Path | None = None


class Endpoint:
    """Routes, named queries and the pool: everything a request needs, shared by the handler threads."""

    def __init__(self, source: Source, limits: Limits, workers: int, cors: bool, loopback_only: bool) -> None:
        self.limits = limits
        self.cors = cors
        self.loopback_only = loopback_only
        self.named = named_queries()
        self.view = _view_page(source.view)
        self.page = PAGE.read_bytes()
        script = re.search(rb"<script>(.*?)</script>", self.page, re.S)
        assert script is not None, f"{PAGE} has no script"
        digest = base64.b64encode(hashlib.sha256(script.group(1)).digest()).decode("ascii")
        # the query page's one script runs, nothing else; it may talk to this server only
        self.page_csp = (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
                         "connect-src 'self'; base-uri 'none'; form-action 'none'")
        self.pool = Pool(source.graph, source.store_dir, limits, workers)
        self.served = 0  # GET, HEAD and POST requests received

    def close(self) -> None:
        self.pool.close()

    def queries_index(self) -> Answer:
        items = []
        for q in self.named.values():
            defaults = {n: d for n, d in q.params}
            items.append({
                "name": q.name,
                "summary": q.summary,
                "params": [{"name": n, "default": d} for n, d in q.params],
                "url": f"/queries/{q.name}",
                "sparql": bind(q, defaults),
            })
        body = json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8")
        return Answer(200, "application/json", body)

    def named_query(self, name: str, params: dict[str, list[str]], accept: str | None) -> Answer:
        if name.endswith(".rq") and name[:-3] in self.named:
            return Answer(200, "application/sparql-query; charset=utf-8", self.named[name[:-3]].text.encode("utf-8"))
        q: NamedQuery | None = self.named.get(name)
        if q is None:
            return error(404, f"no named query '{name}'; GET /queries lists them")
        fmt = _formats(params)
        values = {k: v[-1] for k, v in params.items() if k not in ("format", "output", "results")}
        try:
            text = bind(q, values)
        except QueryError as e:
            return error(400, str(e))
        return self.pool.run(text, accept, fmt)


def _formats(params: dict[str, list[str]]) -> str | None:
    """Every `format=` value, in order, as one list for graph.endpoint.negotiate."""
    values = params.get("format")
    return "\t".join(values) if values else None


def _view_page(view: Path | None) -> bytes | None:
    if view is None:
        return None
    try:
        html = view.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise GraphError(f"{view}: cannot read the view ({e}); build it with `newskg build` or pass --view") from e
    at = html.rfind("</body>")
    return (html[:at] + VIEW_LINK + html[at:] if at >= 0 else html + VIEW_LINK).encode("utf-8")


def _as_sent(path: str) -> str:
    """A request target as the client sent it: http.server decodes the request line as Latin-1, so a URL carrying its
    Chinese unescaped (as curl and browsers' address bars send it) reaches `self.path` as mojibake; read back as the
    bytes sent, and those as UTF-8 (UnicodeError where they are not)."""
    return path.encode("latin-1").decode("utf-8")


def _listen_hint(e: OSError) -> str:
    """What to change when the server cannot listen: the host where it names no address of this machine, else the port."""
    if isinstance(e, socket.gaierror) or e.errno == errno.EADDRNOTAVAIL:
        return "check --host: give an address of this machine (127.0.0.1, 0.0.0.0) or a name that resolves to one"
    if e.errno == errno.EACCES:
        return "pick a --port above 1023, or one this user may listen on"
    return "pick another --port"


class Handler(BaseHTTPRequestHandler):
    """One connection's requests (HTTP/1.1, kept alive)."""

    protocol_version = "HTTP/1.1"
    server_version = "newskg"
    sys_version = ""
    timeout = 60  # seconds a connection may stay silent
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # answers go out at once

    # --------------------------------------------------------------------- methods
    def do_GET(self) -> None:  # noqa: N802
        self._dispatch(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch(head=True)

    def do_POST(self) -> None:  # noqa: N802
        self._started = time.monotonic()
        self.server.endpoint.served += 1
        if not self._host_ok():
            return
        target = self._target()
        if target is None:
            return
        path, params = target
        body = self._body()
        if body is None:
            return
        if path in ("/update",):
            return self._send(error(403, "this endpoint is read-only: updates are refused"))
        if path not in ("/sparql", "/query"):
            return self._send(error(404 if path not in ("/", "/queries") else 405, f"nothing to POST to at {path}; queries go to /sparql"))
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, errors="strict")
            except UnicodeDecodeError:
                return self._send(error(400, "the form is not UTF-8"))
            if "update" in form:
                return self._send(error(403, "this endpoint is read-only: updates are refused"))
            params = {**params, **form}
            text = self._single(params, "query")
        elif ctype == "application/sparql-query":
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return self._send(error(400, "the query is not UTF-8 text"))
        elif ctype == "application/sparql-update":
            return self._send(error(403, "this endpoint is read-only: updates are refused"))
        else:
            return self._send(error(415, "POST a query as application/x-www-form-urlencoded (query=…) or application/sparql-query"))
        if text is None:
            return
        self._query(text, params)

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._started = time.monotonic()
        self._send(Answer(204, "text/plain", b""), extra=(("Allow", "GET, HEAD, POST, OPTIONS"),))

    def _refuse_method(self) -> None:
        self._started = time.monotonic()
        self._send(error(405, f"{self.command} is not allowed: the endpoint is read-only (GET, POST for queries)"),
                   extra=(("Allow", "GET, HEAD, POST, OPTIONS"),))

    do_PUT = do_DELETE = do_PATCH = _refuse_method  # noqa: N815

    # --------------------------------------------------------------------- routes
    def _dispatch(self, head: bool) -> None:
        self._started = time.monotonic()
        self.server.endpoint.served += 1
        if not self._host_ok():
            return
        ep = self.server.endpoint
        target = self._target()
        if target is None:
            return
        path, params = target
        if path in ("/sparql", "/query"):
            if "update" in params:
                return self._send(error(403, "this endpoint is read-only: updates are refused"), head)
            if "query" not in params:
                return self._send(Answer(200, "text/html; charset=utf-8", ep.page), head, page=True)
            text = self._single(params, "query")
            if text is not None:
                self._query(text, params, head)
        elif path == "/":
            if ep.view is None:
                return self._send(Answer(200, "text/html; charset=utf-8", ep.page), head, page=True)
            self._send(Answer(200, "text/html; charset=utf-8", ep.view), head)
        elif path == "/queries":
            self._send(ep.queries_index(), head)
        elif path.startswith("/queries/"):
            self._send(ep.named_query(path[len("/queries/"):], params, self.headers.get("Accept")), head)
        else:
            self._send(error(404, f"nothing at {path}: the view is at /, SPARQL at /sparql, the named queries at /queries"), head)

    def _query(self, text: str, params: dict[str, list[str]], head: bool = False) -> None:
        ep = self.server.endpoint
        answer = ep.pool.run(
            text,
            self.headers.get("Accept"),
            _formats(params),
            tuple(params.get("default-graph-uri", ())),
            tuple(params.get("named-graph-uri", ())),
        )
        self._send(answer, head)

    # --------------------------------------------------------------------- helpers
    def _target(self) -> tuple[str, dict[str, list[str]]] | None:
        """The request's path and parameters as sent (`_as_sent`), its percent-escapes read as UTF-8 too (None, with a
        400 sent, where they are not)."""
        try:
            url = urlsplit(_as_sent(self.path))
            return url.path, parse_qs(url.query, keep_blank_values=True, errors="strict")
        except UnicodeError:
            self.close_connection = True  # a POST's body is not read
            self._send(error(400, "the request's URL is not UTF-8: send its text as UTF-8, percent-escaped or not"))
            return None

    def _single(self, params: dict[str, list[str]], name: str) -> str | None:
        values = params.get(name) or []
        if len(values) != 1:
            self._send(error(400, f"give exactly one {name}= parameter (got {len(values)})"))
            return None
        return values[0]

    def _host_ok(self) -> bool:
        """On a loopback address, only requests addressed to a loopback name (no DNS rebinding)."""
        if not self.server.endpoint.loopback_only:
            return True
        host = (self.headers.get("Host") or "").strip()
        name = re.sub(r":\d+$", "", host)
        if LOOPBACK.match(name):
            return True
        self._send(error(403, f"this server answers requests to 127.0.0.1 or localhost only, not to '{host}'"))
        return False

    def _body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None:
            self._send(error(411, "a POST needs a Content-Length"))
            return None
        try:
            n = int(length)
        except ValueError:
            self._send(error(400, "Content-Length is not a number"))
            return None
        if n < 0 or n > MAX_BODY:
            self.close_connection = True  # the body is not read
            self._send(error(413, f"the request body is larger than {MAX_BODY // 1024} KB"))
            return None
        return self.rfile.read(n)

    def _send(self, answer: Answer, head: bool = False, page: bool = False, extra: tuple[tuple[str, str], ...] = ()) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Vary", "Accept")
        for k, v in (*SECURITY, *extra):
            self.send_header(k, v)
        if page:
            self.send_header("Content-Security-Policy", self.server.endpoint.page_csp)
        if self.server.endpoint.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        if answer.status >= 500 and "busy" in answer.text:
            self.send_header("Retry-After", "1")
        self.end_headers_and(b"" if head else answer.body)

    def end_headers_and(self, body: bytes) -> None:
        """End the headers and send them with the body in one write.

        Two writes (headers, then body) on a kept-alive connection leave the
        second waiting for the client's delayed ACK (Nagle): 40 ms per answer.
        """
        buffer = getattr(self, "_headers_buffer", None)
        if buffer is None:  # an HTTP/0.9 request: no headers
            self.wfile.write(body)
            return
        buffer.extend((b"\r\n", body))
        self.flush_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (a request line too long, a malformed request) as plain text too."""
        self.close_connection = True
        text = message or explain or HTTPStatus(code).phrase
        self._send(error(code, f"{text} ({code})"), extra=(("Connection", "close"),))

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        ms = (time.monotonic() - getattr(self, "_started", time.monotonic())) * 1000
        path = getattr(self, "path", "")
        with contextlib.suppress(UnicodeError):  # escaped again below, as sent
            path = _as_sent(path)
        path = path if len(path) <= 120 else path[:117] + "..."
        log.info("%s %s %s %.0f ms", getattr(self, "command", ""), quote(path, safe="/?=&%:+,;*@!~'()$"), code, ms)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        log.warning("%s", format % args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the listen backlog: socketserver's 5 resets clients that connect together
    endpoint: Endpoint


class SparqlServer:
    """The endpoint on a host and port; `start()` serves in a thread, `serve_forever()` in this one."""

    def __init__(self, source: Source, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
                 workers: int = 2, cors: bool = False) -> None:
        loopback = bool(LOOPBACK.match(host))
        self.endpoint = Endpoint(source, limits or Limits(), workers, cors, loopback_only=loopback)
        try:
            self.httpd = _Server((host, port), Handler)
        except OSError as e:
            self.endpoint.close()
            raise GraphError(f"cannot listen on {host}:{port} ({e.strerror or e}); {_listen_hint(e)}") from e
        self.httpd.endpoint = self.endpoint
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        address, port = self.httpd.server_address[:2]
        host = address.decode() if isinstance(address, bytes) else str(address)
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/"

    def start(self) -> str:
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="newskg-serve", daemon=True)
        self._thread.start()
        return self.url

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def close(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(5)
        self.httpd.server_close()
        self.endpoint.close()

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["SparqlServer", "Source", "Limits"]

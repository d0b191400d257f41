"""Reuse: the Turtle file the last build wrote, read again for every subject whose block did not change.

A page changed changes a few hundred of a graph's tens of thousands of
subjects. A subject's block is a pure function of what it is made from (its
node's data, its out-edges with their data and their objects' IRIs, the
graph's base: graph.export.turtle keys it by a digest of those), so a rebuild
copies the block of every key the last file held and makes only the others.

The index (each key's place in the file and the prefixes its terms use) is
kept in the cache folder (graph.cache.BlockIndex), tied to the file's SHA-1
and the code's version: a file that is not, byte for byte, the one the index
describes (edited, written by another build, another folder) is not read, and
every block is made. Either way the file written is the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from graph.cache import BlockIndex


class TurtleBlocks:
    """The `Reuse` of graph.export.fast_turtle for one Turtle file: its last blocks in, this write's index out."""

    def __init__(self, cache_dir: Path, path: Path) -> None:
        self._index = BlockIndex(cache_dir)
        self._file: IO[bytes] | None = None
        self._found: dict[str, tuple[int, int, int]] = {}  # key -> (offset in the file, length, prefix set)
        self._sets: list[frozenset[str]] = []
        self._key: Callable[[Any], str | None] = lambda handle: None
        self._made: tuple[list[str], list[int], list[int], list[int]] = ([], [], [], [])  # keys, offsets, lengths, sets
        self._made_sets: dict[frozenset[str], int] = {}
        self._head = 0
        old = self._index.load()
        if old:
            self._open(path, old)

    def _open(self, path: Path, old: dict) -> None:
        """Take the last file's blocks when `path` is, byte for byte, the file `old` indexes; else none.

        The file is hashed through the handle its blocks are then read from,
        and every place is checked to lie in it: a damaged or forged index is
        no index (a writer of the cache can change what is copied, never
        make the export fail).
        """
        try:
            if not path.is_file():  # a pipe would block
                return
            fh = open(path, "rb")  # noqa: SIM115 (closed by `close`, after the write)
        except OSError:
            return
        try:
            digest = hashlib.sha1()
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
            size, head = fh.tell(), int(old["head"])
            sets = [frozenset(map(str, s)) for s in old["sets"]]
            found = {}
            for k, o, n, s in zip(old["keys"], old["offsets"], old["lengths"], old["set_of"], strict=True):
                if not (0 <= int(o) and 0 < int(n) and head + int(o) + int(n) <= size and 0 <= int(s) < len(sets)):
                    raise ValueError("a block outside the file")
                found[str(k)] = (head + int(o), int(n), int(s))
            if digest.hexdigest() != old["sha1"]:
                raise ValueError("another file")
        except (KeyError, TypeError, ValueError, OSError):
            fh.close()
            return
        self._file, self._found, self._sets = fh, found, sets

    def keyed(self, key: Callable[[Any], str | None]) -> TurtleBlocks:
        self._key = key
        return self

    # ------------------------------------------------------------------ fast_turtle's Reuse
    def key(self, handle: Any) -> str | None:
        return self._key(handle)

    def get(self, key: str) -> tuple[bytes, frozenset[str]] | None:
        found = self._found.get(key)
        if found is None or self._file is None:
            return None
        offset, length, prefixes = found
        try:
            self._file.seek(offset)  # blocks mostly follow one another: a seek within the buffer reads nothing
            block = self._file.read(length)
        except OSError:
            return None
        return (block, self._sets[prefixes]) if len(block) == length and block.startswith(b"\n") else None

    def made(self, key: str, offset: int, length: int, prefixes: frozenset[str]) -> None:
        keys, offsets, lengths, sets = self._made
        keys.append(key)
        offsets.append(offset)
        lengths.append(length)
        sets.append(self._made_sets.setdefault(prefixes, len(self._made_sets)))

    def headed(self, length: int) -> None:
        self._head = length

    # ------------------------------------------------------------------ the write
    def written(self, parts: Iterable[str | bytes]) -> Iterator[str | bytes]:
        """The parts, passed on; once the last has gone, the index of this text is stored (its SHA-1 taken on the way)."""
        digest, indexed = hashlib.sha1(), True
        try:
            for part in parts:
                if isinstance(part, str):  # a graph fast_turtle's subject order does not cover: no index is kept
                    indexed = False
                else:
                    digest.update(part)
                yield part
        finally:
            self.close()
        if indexed and self._made[0]:
            keys, offsets, lengths, sets = self._made
            by_id = sorted(self._made_sets, key=self._made_sets.__getitem__)
            self._index.store({"sha1": digest.hexdigest(), "head": self._head, "sets": [sorted(s) for s in by_id],
                               "keys": keys, "offsets": offsets, "lengths": lengths, "set_of": sets})
        else:
            self._index.clear()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


__all__ = ["TurtleBlocks"]

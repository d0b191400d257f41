"""The pages as the last build's resolution read them, in one file of the cache folder (graph.cache's rules: data,
never code; a damaged file is a miss with a warning), for a rebuild to fold their Parts instead of resolving them."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from graph.cache import PACK, output_version, temporary_path
from graph.cache_codec import BadEntry, decode, encode
from graph.files import printable
from graph.model import ResolvedPage

log = logging.getLogger("newskg")


class ResolvedPages:
    """The pages as the last build's resolution read them (graph.model.ResolvedPage), in one file: each an entry
    checked as the page cache's are, then an index of where each page's is (an entry too), then where the index is.

    A build reads the last one's pages from it and writes its own as it
    resolves (`put`, or `again` for a page it read from here: its bytes
    copied) into a new file that replaces this one when every page is read
    (`finish`). One file, not one a page: 3,555 small files more took a
    second of a 20 MB build to write. A page is given only when its entry
    is whole and holds that page's key: a damaged or cut file is a miss
    (with one warning, however many of its entries it spoils), never
    another page's Parts.
    """

    def __init__(self, root: Path) -> None:
        self.path = Path(root) / PACK
        self._old: Any = None  # the last build's file, open
        self._where: dict[str, tuple[int, int]] = {}  # page key -> (offset, length) in it
        self._read_last: tuple[str, bytes] | None = None  # the entry `get` read last, for `again` to copy
        self._new: Any = None  # this build's, written as its pages are resolved
        self._made: dict[str, tuple[int, int]] = {}
        self._warned = False
        try:
            self._old = open(self.path, "rb")  # noqa: SIM115 (closed by `finish` or `close`)
            self._where = self._index()
        except FileNotFoundError:
            pass
        except (BadEntry, KeyError, TypeError, ValueError, OSError) as e:
            self.damaged(e)
            self.close()

    def _index(self) -> dict[str, tuple[int, int]]:
        """Where each page's entry is in the open file, as its index says; {} for another version's file (not read)."""
        size = os.fstat(self._old.fileno()).st_size
        at = int.from_bytes(self._read(size - 8, 8) or b"", "little") if size >= 8 else -1
        if not 0 <= at < size - 8:
            raise BadEntry("its index is not where it says")
        index = decode(self._read(at, size - 8 - at) or b"")
        if not isinstance(index, dict):
            raise BadEntry("its index is not a map")
        if index.get("version") != output_version():
            return {}
        where = {k: (o, n) for k, o, n in zip(index["keys"], index["offsets"], index["lengths"], strict=True)}
        if not all(type(k) is str and type(o) is int and type(n) is int and 0 <= o and o + n <= at for k, (o, n) in where.items()):
            raise BadEntry("its index points outside it")
        return where

    def _read(self, offset: int, length: int) -> bytes | None:
        """`length` bytes at `offset` (the pages are read in the file's order: a seek within the buffer reads nothing)."""
        try:
            self._old.seek(offset)
            data = self._old.read(length)
        except OSError:
            return None
        return data if len(data) == length else None

    def damaged(self, why: object) -> None:
        """Say, once a build, that the file is damaged: its pages are read from their results."""
        if not self._warned:
            self._warned = True
            log.warning("the cache entry %s is unusable: %s; reading the pages' results instead", printable(str(self.path)), why)

    def get(self, key: str) -> ResolvedPage | None:
        """The page of this key as the last build's resolution read it; None when there is none or it is damaged."""
        data = self._slice(key)
        if data is None:
            return None
        try:
            page = decode(data)
            if not (isinstance(page, ResolvedPage) and page.key == key):
                raise BadEntry("an entry holds another page")
        except BadEntry as e:
            self.damaged(e)
            return None
        self._read_last = (key, data)
        return page

    def _slice(self, key: str) -> bytes | None:
        at = self._where.get(key)
        if at is None or self._old is None:
            return None
        data = self._read(*at)
        if data is None:
            self.damaged("it was cut short")
        return data

    def put(self, page: ResolvedPage) -> None:
        """Write this build's entry for a page it resolved."""
        self._append(page.key, encode(page))

    def again(self, page: ResolvedPage) -> None:
        """Write this build's entry for a page it read from the last build's file: the same bytes."""
        last, self._read_last = self._read_last, None
        data = last[1] if last is not None and last[0] == page.key else self._slice(page.key)
        self._append(page.key, data if data is not None else encode(page))

    def _append(self, key: str, data: bytes) -> None:
        if key in self._made:
            return
        try:
            if self._new is None:
                self._new = open(temporary_path(self.path), "wb")  # noqa: SIM115 (closed by `finish` or `close`)
            at = self._new.tell()
            self._new.write(data)
        except OSError:
            self.close()
            return
        self._made[key] = (at, len(data))

    def finish(self) -> None:
        """This build's file, its index written, in place of the last one's; the last one's kept if this one cannot be."""
        new, self._new = self._new, None
        self.close()
        if new is None:
            return
        made = self._made
        index = encode({"version": output_version(), "keys": list(made), "offsets": [o for o, _ in made.values()],
                        "lengths": [n for _, n in made.values()]})
        try:
            at = new.tell()
            new.write(index + at.to_bytes(8, "little"))
            new.close()
            os.replace(new.name, self.path)
        except OSError:
            new.close()
            _remove(Path(new.name))

    def close(self) -> None:
        """Let go of both files; this build's, unfinished, is removed."""
        if self._old is not None:
            self._old.close()
            self._old, self._where = None, {}
        if self._new is not None:
            self._new.close()
            _remove(Path(self._new.name))
            self._new = None


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


__all__ = ["ResolvedPages"]

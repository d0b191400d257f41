"""Store: the networkx graph -> a persistent Oxigraph store folder that `newskg query --store` opens.

Parsing Turtle is most of the cost of a query over a large graph; a store
is parsed once at build time. The store is loaded into a fresh folder
beside the target (`.store.<pid>.<random>.tmp`) and swapped in only when
complete, so a reader never opens a half-loaded store, and a failed build
leaves the old one. On Linux the two folders trade places in one atomic
step (renameat2 RENAME_EXCHANGE): at every moment the target is the old
store or the new one. Elsewhere the old store is first moved aside
(`.store.old.<pid>`) and the new one moved in; a reader that finds no
store in between opens the old one (`open_path`), and the next build puts
it back if the build was killed there. Temporary folders of killed builds
are removed by the next build of the same store.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.errors import ExportError
from graph.export.ntriples import to_ntriples
from graph.files import FolderLock, pid_alive, printable

if TYPE_CHECKING:
    import networkx as nx


def is_store(path: str | Path) -> bool:
    """Whether `path` is a folder holding an Oxigraph (RocksDB) store."""
    try:
        return (Path(path) / "CURRENT").is_file()
    except OSError:
        return False


def _old_stores(target: Path) -> list[Path]:
    """Old stores moved aside by a swap (`.store.old.<pid>`), newest process id last."""
    rx = re.compile(rf"\.{re.escape(target.name)}\.old\.(\d+)")
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    found = [(int(m.group(1)), target.parent / n) for n in names if (m := rx.fullmatch(n))]
    return [p for _, p in sorted(found) if is_store(p)]


def open_path(store_dir: str | Path) -> Path | None:
    """The folder a reader should open for `store_dir`: itself, or the old store while a swap moves it aside."""
    target = Path(store_dir)
    if is_store(target):
        return target
    old = _old_stores(target)
    return old[-1] if old else None


def write_store(g: nx.MultiDiGraph, store_dir: str | Path, *, locked: bool = False) -> Path:
    """Load the graph's triples into a new Oxigraph store at `store_dir`, replacing an old store there.

    `locked`: the caller holds the store's FolderLock already (pipeline.build).
    """
    if not locked:
        with FolderLock(store_dir, "the store", "--store"):
            return write_store(g, store_dir, locked=True)
    target = Path(store_dir)
    shown = printable(str(target))
    try:
        if target.exists() and not (target.is_dir() and (is_store(target) or not any(target.iterdir()))):
            raise ExportError(f"{shown} exists and is not an Oxigraph store; give --store a new or empty folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        _recover(target)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent))
    except OSError as e:
        raise ExportError(
            f"cannot write the store {shown} in {printable(str(target.parent))} ({e.strerror or e}); "
            "check that the folder is writable or give --store another folder"
        ) from e
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; a store is as readable as any folder
        store = ox.Store(str(tmp))
        store.bulk_load(to_ntriples(g).encode("utf-8"), ox.RdfFormat.N_TRIPLES)
        store.flush()
        store.optimize()
        del store  # closes the database before it is moved
        _swap(tmp, target)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(f"cannot write the store {shown} ({e.strerror or e}); check the folder is writable") from e
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _swap(new: Path, target: Path) -> None:
    """Put the complete store `new` at `target`, so that a reader of `target` always finds a store."""
    if not target.exists():
        os.replace(new, target)
        return
    if exchange(new, target):  # now `new` holds the old store
        shutil.rmtree(new, ignore_errors=True)
        return
    old = target.with_name(f".{target.name}.old.{os.getpid()}")
    os.replace(target, old)  # a reader in between opens `old` (open_path); a kill here is undone by _recover
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # a libc older than glibc 2.28
        return False
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM):  # a file system without it
        return False
    raise OSError(err, os.strerror(err), str(b))


def _recover(target: Path) -> None:
    """Undo what a killed build left beside `target`: put a moved-aside store back, remove temporary folders.

    Called with the store's lock held, so no other build is writing them.
    """
    old = _old_stores(target)
    if old and not target.exists():
        os.replace(old[-1], target)  # killed between the two moves: the last complete store
    rx = re.compile(rf"\.{re.escape(target.name)}\.(?:old\.(\d+)|(\d+)\..+\.tmp)")
    legacy = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")  # newskg before process ids in names
    for n in os.listdir(target.parent):
        path = target.parent / n
        m = rx.fullmatch(n)
        if m is not None:
            pid = int(m.group(1) or m.group(2))
            if pid != os.getpid() and not pid_alive(pid):
                shutil.rmtree(path, ignore_errors=True)
        elif legacy.fullmatch(n) and time.time() - path.stat().st_mtime > STALE_AFTER:
            shutil.rmtree(path, ignore_errors=True)


STALE_AFTER = 3600.0  # seconds: a temporary folder whose writer cannot be asked about is left that long

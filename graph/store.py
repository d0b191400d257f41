"""Store: the networkx graph -> a persistent Oxigraph store folder that `newskg query --store` opens.

Parsing Turtle is most of the cost of a query over a large graph; a store
is parsed once at build time. The store is loaded into a fresh folder
beside the target and moved into place only when complete, so a reader
never opens a half-loaded store, and a failed build leaves the old one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import ExportError

if TYPE_CHECKING:
    import networkx as nx


def is_store(path: str | Path) -> bool:
    """Whether `path` is a folder holding an Oxigraph (RocksDB) store."""
    return (Path(path) / "CURRENT").is_file()


def write_store(g: nx.MultiDiGraph, store_dir: str | Path) -> Path:
    """Load the graph's triples into a new Oxigraph store at `store_dir`, replacing an old store there."""
    import pyoxigraph as ox

    from graph.export.ntriples import to_ntriples

    target = Path(store_dir)
    if target.exists() and not (target.is_dir() and (is_store(target) or not any(target.iterdir()))):
        raise ExportError(f"{target} exists and is not an Oxigraph store; give --store a new or empty folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; a store is as readable as any folder
    try:
        store = ox.Store(str(tmp))
        store.bulk_load(to_ntriples(g).encode("utf-8"), ox.RdfFormat.N_TRIPLES)
        store.flush()
        store.optimize()
        del store  # closes the database before it is moved
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old.{os.getpid()}")
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(f"cannot write the store {target} ({e.strerror or e}); check the folder is writable") from e
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target

"""Exporters: the networkx graph -> files. Each module has to_x(G) -> str and write_x(G, path)."""

from __future__ import annotations

import functools
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

# A temporary file left by a writer that was killed (SIGKILL, power loss) is
# removed by the next write of the same file, once its writer is gone.
_STALE_AFTER = 3600.0  # seconds; used where a writer's process cannot be asked about


def atomic_write(path: str | Path, data: str | bytes | Iterable[str | bytes]) -> None:
    """Write a file so that readers see the old content or the new, never a part.

    The data goes to a hidden temporary file in the same folder
    (`.graph.ttl.<pid>.<random>.tmp`), is flushed to disk, then renamed over
    the target (an atomic step on POSIX and Windows). An interrupted write
    removes its temporary file; one left by a killed process is removed by
    the next write of the same file. Text is written as UTF-8; a lone
    surrogate (which UTF-8 cannot hold) becomes U+FFFD. Text given as an
    iterable of parts is written part by part, never held whole.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = (data,) if isinstance(data, str | bytes) else data
    _remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            for part in parts:
                f.write(_utf8(part) if isinstance(part, str) else part)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600): give it the mode a plain write would
        os.chmod(tmp, _mode_of(path))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _mode_of(path: Path) -> int:
    """The target's own permissions when it is a file, else what the umask gives a new file.

    A symbolic link is replaced by the new file, not written through, so the
    mode of whatever it pointed to (a private 0600 file) is not copied.
    """
    try:
        st = path.lstat()
    except OSError:
        st = None
    if st is not None and stat.S_ISREG(st.st_mode):
        return stat.S_IMODE(st.st_mode)
    return 0o666 & ~_umask()


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it; put it back at once
    os.umask(mask)
    return mask


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return re.sub("[\ud800-\udfff]", "\ufffd", text).encode("utf-8")


def _remove_stale_temps(path: Path) -> None:
    """Remove temporary files of `path` whose writing process no longer runs."""
    from graph.files import pid_alive  # here: the CLI reads this package to build --help

    prefix = f".{path.name}."
    try:
        names = [n for n in os.listdir(path.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for n in names:
        m = re.fullmatch(r"(\d+)\..*", n[len(prefix) :])
        tmp = path.parent / n
        try:
            if m is not None and os.name == "posix":
                if int(m.group(1)) != os.getpid() and not pid_alive(int(m.group(1))):
                    tmp.unlink()
            elif time.time() - tmp.stat().st_mtime > _STALE_AFTER:
                tmp.unlink()
        except OSError:
            pass  # another process removed or renamed it meanwhile


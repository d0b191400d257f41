"""What a command run from a terminal needs around the library: the library's log as lines, and SIGTERM as an exit.

Both take `say`, how a line reaches the user (the CLI's stderr), so that
nothing here talks to the terminal itself.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def log_lines(name: str, level: str, say: Callable[[str], None]) -> Iterator[None]:
    """Each record of logger `name` from `level` ("INFO") up given to `say` as its message, while the block runs.

    build: the library's warnings (a cache that cannot be written, a damaged
    entry); serve: a line per request.
    """

    class Echo(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            say(record.getMessage())

    logger = logging.getLogger(name)
    handler = Echo(level)
    logger.addHandler(handler)
    propagate, logger.propagate, before = logger.propagate, False, logger.level
    if logging.getLevelName(level) < logger.getEffectiveLevel():
        logger.setLevel(level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        logger.setLevel(before)


@contextlib.contextmanager
def sigterm_unwinds(say: Callable[[str], None]) -> Iterator[None]:
    """Let SIGTERM (kill, timeout, systemd) unwind the build like Ctrl-C does.

    Python's default for SIGTERM ends the process on the spot; as an
    exception it runs the export writers' clean-up, so no temporary file stays.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    me = os.getpid()

    def stop(signum: int, _frame: object) -> None:
        if os.getpid() == me:  # not in a worker process forked from this one
            say("interrupted (SIGTERM): each export is either complete or as it was before this build")
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


__all__ = ["log_lines", "sigterm_unwinds"]

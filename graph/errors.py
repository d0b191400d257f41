"""Errors: one base class, and the few kinds a caller may want to tell apart."""

from __future__ import annotations

from collections.abc import Sequence


class GraphError(Exception):
    """Base class of every error newskg raises on purpose.

    `details`: lines that belong under the message (the files a build
    skipped, say); the text of the error holds them indented, one a line,
    and the command line shows each on its own line.
    """

    def __init__(self, message: object = "", details: Sequence[str] = ()) -> None:
        super().__init__(str(message) + "".join(f"\n  {d}" for d in details))
        self.message, self.details = str(message), tuple(details)


class InputError(GraphError):
    """An input file cannot be used: unreadable, binary, undecodable, empty or too large.

    The message names the file and says what to do; the build reports it,
    counts it and goes on with the other files.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class QueryError(GraphError):
    """A SPARQL query is malformed, unknown, or ran past its time limit."""


class ExportError(GraphError):
    """An export could not be written (an unknown format, or an unwritable folder)."""


class ValidationError(GraphError):
    """A graph could not be validated (its file does not parse)."""


class GoldError(GraphError):
    """A gold folder or file cannot be used: missing, not JSON, or not in the format of docs/gold-format.md."""


class NoPagesError(GraphError):
    """A build found no page it could read: the input is empty, or holds only other files or unusable pages.

    Nothing is written, so the exports of an earlier build stay as they were.
    """

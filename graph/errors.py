"""Errors: one base class, and the few kinds a caller may want to tell apart."""

from __future__ import annotations


class GraphError(Exception):
    """Base class of every error newskg raises on purpose."""


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

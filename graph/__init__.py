"""newskg: a knowledge-graph builder for Chinese local-government news.

    >>> from graph import build
    >>> result = build(["seeds"], "exports")          # doctest: +SKIP
    >>> result.summary()["articles"]                   # doctest: +SKIP
    38

The stages, in order: graph.read, graph.normalize, graph.split,
graph.extract, graph.resolve, graph.network, graph.export.
"""

from __future__ import annotations

__version__ = "0.1.0"


def build(*args, **kwargs):  # noqa: ANN002, ANN003 - the signature is graph.pipeline.build's
    """Build a knowledge graph: see graph.pipeline.build."""
    from graph.pipeline import build as _build

    return _build(*args, **kwargs)


__all__ = ["build", "__version__"]

"""newskg: a knowledge-graph builder for Chinese local-government news.

    >>> from graph import build
    >>> result = build(["seeds"], "exports")          # doctest: +SKIP
    >>> result.summary()["articles"]                   # doctest: +SKIP
    38

The stages, in order: graph.read, graph.normalize, graph.split,
graph.extract, graph.resolve, graph.network, graph.export.
"""

from __future__ import annotations

import os

__version__ = "0.1.0"

# onnxruntime (LAC's tagger runs on it) has, since 1.29 on Linux, a telemetry client: at its first session it writes a
# device id and a queue of events under ~/.cache/Microsoft and would send them to Microsoft's collector. newskg sends
# nothing anywhere: this opts out (before onnxruntime is imported, here and in every worker), unless the user set it.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


def build(*args, **kwargs):  # noqa: ANN002, ANN003 - the signature is graph.pipeline.build's
    """Build a knowledge graph: graph.pipeline.build, imported when first called.

    build(paths, out_dir="exports", *, formats=("ttl", "html"), base=DEFAULT_BASE, options=Options(), jobs=1,
          scheduler=None, cache_dir=None, progress=None, title="knowledge graph", store_dir=None) -> BuildResult

    `formats` is every format written (the command adds ttl and html to its --format's); --cache is `cache_dir`,
    --store `store_dir`; --encoding, --max-size and --manifest are `options`: graph.pipeline.Options(encoding=…,
    max_bytes=…, dates=tuple(graph.read.load_manifest(file).items())).
    """
    from graph.pipeline import build as _build

    return _build(*args, **kwargs)


__all__ = ["build", "__version__"]

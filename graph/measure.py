"""The benchmark's measurements, each run by `newskg bench` in a fresh interpreter (`python -m graph.measure KIND JSON`).

(a)  jieba.posseg alone over the pages' texts;
(a') LAC's encoder alone over the same texts: every sentence of every page,
     cut as the tagger cuts it, in batches of one length, one onnxruntime
     thread, only the session's runs timed: the floor of the build;
(b)  one `newskg build` (also (c) and (d), the rebuilds), with stage times
     and peak RSS;
the development set built by the same code and scored by its scorer
(`shared/eval/score.py`), when `shared/` is there.

Each prints its JSON on the last line of stdout. Speed is measured here,
never asserted in tests.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENCODER_BATCH = 64  # pieces of one length per encoder run, as the tagger batches them


class RssSampler:
    """Samples this process's RSS (and, with `children`, its children's) every `interval` seconds, from a process of its own.

    A process, not a thread: a build writes its exports side by side only
    when it runs no other thread (graph.export.formats.write_side_by_side),
    and a sampler in another process takes none of the build's GIL. It is
    forked on entry and sends its samples back on exit. Finding the
    children reads every process's entry in /proc (psutil), about a
    millisecond on a quiet machine and more on a busy one: a build in one
    process has none to find, so it is asked only of one that has workers.
    """

    def __init__(self, interval: float = 0.05, children: bool = True) -> None:
        self.interval = interval
        self._find_children = children
        self.samples: list[tuple[float, int]] = []  # (time, own RSS)
        self.children: dict[int, int] = {}  # pid -> peak RSS
        self._sampler: Any = None
        self._conn: Any = None

    def __enter__(self) -> RssSampler:
        import multiprocessing

        import psutil  # noqa: F401  here, for a clear ImportError (optional: newskg[bench])

        ctx = multiprocessing.get_context("fork")  # here, before the build loads anything: nothing to copy but this
        self._conn, theirs = ctx.Pipe()
        self._sampler = ctx.Process(target=_sample, args=(os.getpid(), self.interval, self._find_children, theirs), daemon=True)
        self._sampler.start()
        theirs.close()
        try:
            self._conn.recv()  # it has taken its first sample
        except EOFError:
            pass  # it died: no samples
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._conn.send("stop")
            self.samples, children = self._conn.recv()
            self.children = {int(pid): rss for pid, rss in children.items()}
        except (OSError, EOFError):
            pass  # it died (killed, Ctrl-C to the group): what it sampled is lost, the build's result is not
        finally:
            self._sampler.join(timeout=5)
            if self._sampler.is_alive():
                self._sampler.kill()
                self._sampler.join()
            self._conn.close()

    def peak(self, start: float = 0.0, end: float = float("inf")) -> int:
        return max((rss for t, rss in self.samples if start <= t <= end), default=0)


def _sample(pid: int, interval: float, find_children: bool, conn: Any) -> None:
    """The sampler's process: the RSS of process `pid` (and of its children but this one) until told to stop, then
    the samples and the children's peaks sent back on `conn`. time.perf_counter is the system's monotonic clock
    (Linux, macOS), the same in both processes. Ctrl-C is the build's to meet: the sampler ignores it, and stops
    when the build tells it or is gone."""
    import signal

    import psutil

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    proc, me = psutil.Process(pid), os.getpid()
    samples: list[tuple[float, int]] = []
    children: dict[int, int] = {}
    try:
        started = False
        while True:
            try:
                samples.append((time.perf_counter(), proc.memory_info().rss))
            except psutil.Error:
                pass
            for child in _children(proc) if find_children else ():
                if child.pid == me:
                    continue
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                children[child.pid] = max(rss, children.get(child.pid, 0))
            if not started:
                conn.send("started")
                started = True
            if conn.poll(interval):
                break
        conn.recv()
        conn.send((samples, children))
    except (OSError, EOFError):
        pass  # the build is gone
    finally:
        conn.close()


def _children(proc: Any) -> list[Any]:
    import psutil

    try:
        return proc.children(recursive=True)
    except psutil.Error:
        return []


def _peak_rss() -> int:
    """This process's peak RSS in bytes (ru_maxrss: kilobytes on Linux, bytes on macOS)."""
    import resource  # POSIX only

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def measure_jieba(folder: str) -> dict:
    """(a): jieba.posseg over the texts of the pages, with its own Tokenizer and HMM on."""
    import jieba  # here, not at the top: a measurement's process loads only what it measures
    import jieba.posseg

    logging.getLogger("jieba").setLevel(logging.WARNING)
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    t0 = time.perf_counter()
    tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tokenizer.tokenizer.initialize()
    t1 = time.perf_counter()
    tokens = 0
    for text in texts:
        for _ in tokenizer.cut(text, HMM=True):
            tokens += 1
    t2 = time.perf_counter()
    return {"seconds": t2 - t1, "init_seconds": t1 - t0, "tokens": tokens, "peak_rss": _peak_rss()}


def measure_encoder(folder: str) -> dict:
    """(a'): LAC's encoder alone over every sentence of the pages, batched by length, one thread.

    The pages are read and split as a build does (not timed); each
    sentence is cut into the tagger's pieces and every piece is encoded, a
    repeated one as often as it is printed. Only the session's runs count.
    """
    import numpy as np  # here: the process of (a) must not load the tagger

    from graph.extract.tagger import MAX_LEN, Tagger, sentences
    from graph.extract.wordbreak import dictionary_words
    from graph.read import read_page
    from graph.split import split_page

    logging.getLogger("jieba").setLevel(logging.WARNING)
    by_len: dict[int, list[str]] = {}
    for path in sorted(Path(folder).glob("*.txt")):
        for article in split_page(read_page(str(path)), dictionary_words()):
            for _, s in sentences(article.text):
                for off in range(0, len(s), MAX_LEN):
                    by_len.setdefault(len(s[off : off + MAX_LEN]), []).append(s[off : off + MAX_LEN])
    tagger = Tagger(threads=1, cache_size=0)
    seconds, runs = 0.0, 0
    for width, pieces in sorted(by_len.items()):
        for k in range(0, len(pieces), ENCODER_BATCH):
            ids = tagger._id_rows(pieces[k : k + ENCODER_BATCH], width)
            feed = {"token_ids": ids, "length": np.full(len(ids), width, dtype=np.int64)}
            t0 = time.perf_counter()
            tagger._session.run(None, feed)
            seconds += time.perf_counter() - t0
            runs += 1
    encoded = sum(width * len(p) for width, p in by_len.items())
    return {"seconds": seconds, "encoded_chars": encoded, "runs": runs, "batch": ENCODER_BATCH, "peak_rss": _peak_rss()}


def measure_build(folder: str, out: str, cache: str | None, jobs: int) -> dict:
    """(b), (c), (d): one `newskg build` of the folder, with stage times, RSS and the graph's size."""
    from graph.cache import code_version  # here: the process of (a) must not load the pipeline
    from graph.extract.tagger import TOTALS
    from graph.pipeline import build

    logging.getLogger("jieba").setLevel(logging.WARNING)
    with RssSampler(children=jobs > 1) as rss:
        t0 = time.perf_counter()
        result = build([folder], out, jobs=jobs, cache_dir=cache)
        t1 = time.perf_counter()
    pages_end = t0 + result.timings.get("pages", t1 - t0)
    tagged = dict(TOTALS) if TOTALS["chars"] else None  # what this process's taggers were asked and encoded
    return {
        "seconds": t1 - t0,
        "stages": result.timings,
        "peak_rss": _peak_rss(),
        "pages_peak_rss": rss.peak(t0, pages_end),
        "worker_peak_rss": max(rss.children.values(), default=0),
        "code_version": code_version(),
        "nodes": result.nodes(),
        "tagger": tagged,
        "summary": {k: v for k, v in result.summary().items() if k in ("articles", "events", "memberships", "edges")},
    }


def measure_dev(shared: str) -> dict:
    """The development set (`shared/dev/pages`, its manifest) built by this code and scored against `shared/gold/dev`."""
    from graph.pages import Options
    from graph.pipeline import build  # here: as in measure_build
    from graph.read import load_manifest

    root = Path(shared)
    scorer, pages, gold = root / "eval" / "score.py", root / "dev" / "pages", root / "gold" / "dev"
    missing = [str(p) for p in (scorer, pages, gold) if not p.exists()]
    if missing:
        return {"skipped": "not found: " + ", ".join(missing)}
    logging.getLogger("jieba").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="newskg-dev-") as tmp:
        manifest = root / "dev" / "dates.csv"
        options = Options(dates=tuple(sorted(load_manifest(manifest).items())) if manifest.exists() else ())
        build([pages], Path(tmp) / "out", options=options, formats=("ttl",))
        scores = Path(tmp) / "scores.json"
        cmd = [sys.executable, str(scorer), "--ttl", str(Path(tmp) / "out" / "graph.ttl"), "--gold", str(gold), "--json", str(scores)]
        subprocess.run(cmd, check=True, capture_output=True)
        res = json.loads(scores.read_text(encoding="utf-8"))
    f1 = {k: v["f1"] for k, v in res["entities"].items()}
    return {"entities_f1": f1, **{k: res[k]["f1"] for k in ("posts", "events") if isinstance(res.get(k), dict)}}


def _main(argv: list[str]) -> None:
    """`python -m graph.measure KIND JSON`: one measurement, its JSON on the last line of stdout."""
    kind, kwargs = argv[0], json.loads(argv[1])
    measures: dict[str, Callable[..., dict]] = {
        "jieba": measure_jieba, "encoder": measure_encoder, "build": measure_build, "dev": measure_dev,
    }
    print(json.dumps(measures[kind](**kwargs)))


if __name__ == "__main__":
    _main(sys.argv[1:])

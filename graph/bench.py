"""Benchmark: the seed pages -> a synthetic corpus -> timings of jieba, a build and rebuilds, as JSON.

`generate_corpus` recombines the seed pages into as many genre-shaped pages
as a size asks for: headlines, body paragraphs (shuffled) and credit lines
of the seeds, with the people and the street offices renamed page by page
and the districts permuted, so the corpus has ever new entities the way a
decade of a city's news does. It is a pure function of the seeds and a
random seed: the same arguments write the same bytes.

`run_benchmark` then measures, each in a fresh process so that nothing is
warm that a user's run would not have warm:

(a) jieba.posseg alone over the same texts (its own Tokenizer, HMM on): the
    floor of any jieba-based pipeline;
(a') LAC's encoder alone over the same texts (batched, one thread): the
    floor of this one;
(b) the full build (`newskg build`), single process, and with --jobs N;
(c) a rebuild with nothing changed (every page from the cache);
(d) a rebuild after one page changed (each run a change of its own);

and peak RSS, for the whole build and for its extraction stage (sampled),
at two corpus sizes; the development set's scores by the same code
(`shared/`, when it is there); and, if asked, a growth table: a build at
each of several sizes, its time, peak RSS and the graph's node count. The
measurements themselves are in graph.measure. Speed is measured here, never
asserted in tests.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

from graph import __version__
from graph.errors import GraphError
from graph.files import seeds_folder

# Common surnames (by frequency) and given-name characters: names that look like the genre's.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤景栾党苗班鲁齐康"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯晨雪琳璐瑶倩欣怡佳鑫薇楠丹清志新春晓燕青昊俊"
# The seeds' city: its districts are permuted page by page.
DISTRICTS = ("中原区", "二七区", "金水区", "管城回族区", "惠济区", "上街区")
ROAD = "建设桐柏嵩山秦岭淮河汝河陇海航海伏牛铭功大学政通工人绿东棉纺经纬花园文化丰产农业南阳黄河红旗东风"
_CREDIT = re.compile(r"^(?:本报|郑报全媒体)?(?:记者|通讯员)\s|^本版文图")
_CREDIT_NAMES = re.compile(r"(?:记者|通讯员|摄影)\s*((?:[\u4e00-\u9fff]{2,3}\s*)+)")
_TITLED = re.compile(
    r"(?:主任|书记|站长|局长|区长|调研员|负责人|理事|会长|所长|队长|镇长|社长|馆长|院长|大队长)"
    r"([\u4e00-\u9fff]{2,3}?)(?=[，,、。；（(]|出席|陪同|参加|详细|强调|指出|表示|介绍|带队|一行|等)"
)
_STREET = re.compile(r"([\u4e00-\u9fff]{2}路)(?=街道|办事处)")
_NOT_NAMES = frozenset({"文图", "王府井"})
_PARAGRAPHS = re.compile(r"\n[ \t\u3000]*\n")


@dataclass(frozen=True)
class SeedParts:
    """The seeds cut into parts to recombine."""

    headlines: tuple[str, ...]
    bodies: tuple[tuple[str, ...], ...]  # the body paragraphs of each seed page
    names: tuple[str, ...]  # people printed in the seeds: renamed in every page


@dataclass(frozen=True)
class CorpusInfo:
    folder: str
    pages: int
    bytes: int
    chars: int
    seed: int


def seed_parts(seed_dir: str | Path) -> SeedParts:
    """Headlines, body paragraphs and people's names of the seed pages."""
    headlines: list[str] = []
    bodies: list[tuple[str, ...]] = []
    names: set[str] = set()
    for path in sorted(Path(seed_dir).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        body: list[str] = []
        for para in _PARAGRAPHS.split(text):
            para = para.strip()
            if not para:
                continue
            for m in _CREDIT_NAMES.finditer(para):
                names.update(n for n in m.group(1).split() if 2 <= len(n) <= 3)
            names.update(m.group(1) for m in _TITLED.finditer(para))
            if _CREDIT.match(para) and len(para) < 60:
                continue  # credits are written afresh for every article
            if len(para) <= 40 and not re.search(r"[。，,；]", para):
                headlines.append(para.lstrip("# "))
            else:
                body.append(para)
        bodies.append(tuple(body))
    people = sorted((n for n in names if n[0] in SURNAMES and n not in _NOT_NAMES), key=lambda n: (-len(n), n))
    return SeedParts(tuple(headlines), tuple(b for b in bodies if b), tuple(people))


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _page(parts: SeedParts, rng: random.Random) -> str:
    """One page: a few articles, each a seed headline, shuffled seed paragraphs and a credit."""
    renamed = {n: _person(rng) for n in parts.names}
    districts = dict(zip(DISTRICTS, rng.sample(DISTRICTS, len(DISTRICTS)), strict=True))
    streets: dict[str, str] = {}

    def street(m: re.Match[str]) -> str:
        return streets.setdefault(m.group(1), rng.choice(ROAD[::2]) + rng.choice(ROAD[1::2]) + "路")

    names_re = re.compile("|".join(map(re.escape, [*parts.names, *DISTRICTS])))

    def rename(text: str) -> str:
        text = names_re.sub(lambda m: renamed.get(m.group(0)) or districts[m.group(0)], text)
        return _STREET.sub(street, text)

    articles = []
    for _ in range(rng.randint(2, 6)):
        body = list(rng.choice(parts.bodies))
        rng.shuffle(body)
        body = body[: rng.randint(2, 8)]
        reporter, correspondent = _person(rng), _person(rng)
        credit = f"记者 {reporter} 通讯员 {correspondent}" + rng.choice(("", " 文/图"))
        head = rng.choice(parts.headlines)
        articles.append("\n\n".join([rename(head), *(rename(p) for p in body), credit]))
    return "\n\n\n".join(articles) + "\n"


def generate_pages(parts: SeedParts, size_bytes: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(file name, text) of pages until their UTF-8 size reaches `size_bytes`; dated by name."""
    total = 0
    i = 0
    while total < size_bytes:
        rng = random.Random(f"{seed}/{i}")  # one stream per page: page i never depends on page i-1
        text = _page(parts, rng)
        day = dt.date(2020, 1, 1) + dt.timedelta(days=i % 1461)
        yield f"{day.isoformat()}_{i:06d}.txt", text
        total += len(text.encode("utf-8"))
        i += 1


def generate_corpus(
    out_dir: str | Path, size_mb: float, seed: int = 0, seed_dir: str | Path | None = None
) -> CorpusInfo:
    """Write a corpus of at least `size_mb` MB of pages into `out_dir` (emptied first)."""
    out = Path(out_dir)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    folder = Path(seed_dir or seeds_folder())
    parts = seed_parts(folder)
    if not parts.bodies or not parts.headlines:
        raise GraphError(f"no seed pages (*.txt) in {folder}; run from the source checkout or pass --seeds DIR")
    pages = nbytes = chars = 0
    for name, text in generate_pages(parts, int(size_mb * 1_000_000), seed):
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        pages += 1
        nbytes += len(data)
        chars += len(text)
    return CorpusInfo(str(out), pages, nbytes, chars, seed)


# ---------------------------------------------------------------------- measuring, in child processes


def _in_child(kind: str, **kwargs: object) -> dict:
    """Run measure_<kind>(**kwargs) in a fresh interpreter: nothing warm, its own peak RSS."""
    cmd = [sys.executable, "-m", "graph.measure", kind, json.dumps(kwargs)]
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if done.returncode != 0:
        raise RuntimeError(f"benchmark step {kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------- the benchmark


def shared_folder() -> Path | None:
    """shared/ beside the working folder, else beside the source checkout; None when neither has one."""
    for root in (Path.cwd().parent, Path(__file__).resolve().parent.parent.parent):
        if (root / "shared").is_dir():
            return root / "shared"
    return None


def run_benchmark(
    work: str | Path,
    size_mb: float = 20.0,
    small_mb: float | None = None,
    seed: int = 0,
    jobs: int = 2,
    repeat: int = 1,
    log: object = None,
    seed_dir: str | Path | None = None,
    growth: tuple[float, ...] = (),
    shared: str | Path | None = None,
) -> dict:
    """Generate the corpus in `work` and measure (a)-(d), the development set and the growth; returns the report (see README)."""

    def say(msg: str) -> None:
        if callable(log):
            log(msg)

    load = list(os.getloadavg()) if hasattr(os, "getloadavg") else None  # the machine's, before the bench adds its own
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    say(f"generating {size_mb:g} MB of pages in {work / 'corpus'}")
    info = generate_corpus(work / "corpus", size_mb, seed, seed_dir)
    runs = _first_builds(work, info.folder, repeat, say)
    runs.update(_rebuilds(work, info, repeat, say))
    if len({r["code_version"] for r in [*runs["build"], *runs["rebuild_unchanged"], *runs["rebuild_one_changed"]]}) > 1:
        say("warning: the package's files changed while the benchmark ran; the rebuilds did not find the cache")
    if jobs > 1:
        say(f"(b) full build, --jobs {jobs}")
        runs[f"build_jobs{jobs}"] = [
            _in_child("build", folder=info.folder, out=str(work / "out-jobs"), cache=None, jobs=jobs)
        ]
    small = None
    if small_mb:
        say(f"(b) full build of a {small_mb:g} MB corpus, for peak RSS at another size")
        small = generate_corpus(work / "corpus-small", small_mb, seed, seed_dir)
        runs["build_small"] = [_in_child("build", folder=small.folder, out=str(work / "out-small"), cache=None, jobs=1)]
        if jobs > 1:
            runs[f"build_small_jobs{jobs}"] = [
                _in_child("build", folder=small.folder, out=str(work / "out-small"), cache=None, jobs=jobs)
            ]
    report = _report(info, small, runs, jobs, load)
    say("the development set, built by the same code")
    report["dev"] = _in_child("dev", shared=str(shared)) if shared else {"skipped": "no shared/ folder found"}
    report["growth"] = _growth(work, growth, seed, seed_dir, report, say)
    return report


def _growth(
    work: Path, sizes: tuple[float, ...], seed: int, seed_dir: str | Path | None, report: dict, say: Callable[[str], None]
) -> list[dict]:
    """A one-process build at each size (no cache): time, peak RSS, the graph's nodes; the sizes measured above are reused."""
    measured = {report["corpus"]["bytes"] / 1e6: ("build", report["corpus"])}
    if report.get("small_corpus"):
        measured[report["small_corpus"]["bytes"] / 1e6] = ("build_small", report["small_corpus"])
    rows = []
    for size in sizes:
        near = [mb for mb in measured if abs(mb - size) < 0.05 * size]
        if near:
            name, corpus = measured[near[0]]
            run = report["runs"][name]
            rows.append({"size_mb": size, "corpus": corpus, "seconds": run["seconds"], "peak_rss_mb": run["peak_rss_mb"], "nodes": run.get("nodes")})
            continue
        say(f"growth: a full build of {size:g} MB, one process")
        info = generate_corpus(work / "corpus-growth", size, seed, seed_dir)
        r = _in_child("build", folder=info.folder, out=str(work / "out-growth"), cache=None, jobs=1)
        shutil.rmtree(work / "corpus-growth", ignore_errors=True)
        rows.append({"size_mb": size, "corpus": asdict(info), "seconds": r["seconds"], "peak_rss_mb": r["peak_rss"] / 2**20, "nodes": r.get("nodes")})
    return rows


def _first_builds(work: Path, corpus: str, repeat: int, say: Callable[[str], None]) -> dict[str, list[dict]]:
    """(a) jieba alone, (a') the encoder alone and (b) a full build with an empty cache, `repeat` times each, in turn."""
    runs: dict[str, list[dict]] = {"jieba": [], "encoder": [], "build": []}
    for n in range(repeat):
        say(f"(a) jieba.posseg, run {n + 1} of {repeat}")
        runs["jieba"].append(_in_child("jieba", folder=corpus))
        say(f"(a') LAC's encoder alone, run {n + 1} of {repeat}")
        runs["encoder"].append(_in_child("encoder", folder=corpus))
        say(f"(b) full build, one process, run {n + 1} of {repeat}")
        shutil.rmtree(work / "cache", ignore_errors=True)
        runs["build"].append(
            _in_child("build", folder=corpus, out=str(work / "out"), cache=str(work / "cache"), jobs=1)
        )
    return runs


# (d)'s changes: each an item of the genre added to the middle page, none the cache has seen; the n-th replaces the
# one before it, so every (d) finds one page changed from the build before it
CHANGES = (
    "本报讯 中原区秦岭路街道办事处主任杨春晓带队检查辖区安全生产工作。\n记者 鲁燕",
    "本报讯 二七区淮河路街道办事处组织辖区商户开展消防安全演练。\n通讯员 张改华",
    "本报讯 金水区文化路街道办事处召开老旧小区改造推进会。\n记者 冯凌义",
)


def changed_item(n: int) -> str:
    """The item (d)'s n-th run adds: one of CHANGES, numbered from its second round on so that no two are the same."""
    item = CHANGES[n % len(CHANGES)]
    return item if n < len(CHANGES) else item.replace("。\n", f"（第{n // len(CHANGES) + 1}次）。\n", 1)


def _rebuilds(work: Path, info: CorpusInfo, repeat: int, say: Callable[[str], None]) -> dict[str, list[dict]]:
    """(c) a rebuild with the cache of the build before and nothing changed, then (d) one after a page changed,
    `repeat` times each, in turn; the page is given back its text at the end."""
    corpus = info.folder
    changed = sorted(Path(corpus).glob("*.txt"))[info.pages // 2]
    text = changed.read_text(encoding="utf-8")
    runs: dict[str, list[dict]] = {"rebuild_unchanged": [], "rebuild_one_changed": []}
    rebuild = partial(_in_child, "build", folder=corpus, out=str(work / "out"), cache=str(work / "cache"), jobs=1)
    try:
        for n in range(repeat):
            say(f"(c) rebuild, nothing changed, run {n + 1} of {repeat}")
            runs["rebuild_unchanged"].append(rebuild())
            say(f"(d) rebuild, one page changed, run {n + 1} of {repeat}")
            changed.write_text(f"{text}\n\n{changed_item(n)}\n", encoding="utf-8")
            runs["rebuild_one_changed"].append(rebuild())
    finally:
        changed.write_text(text, encoding="utf-8")
    return runs


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _report(info: CorpusInfo, small: CorpusInfo | None, runs: dict[str, list[dict]], jobs: int,
            load: list[float] | None = None) -> dict:
    """The runs' medians and ratios; `load`: the machine's load average before the runs (what else was running)."""
    rows: dict[str, dict] = {}
    for name, results in runs.items():
        chars = small.chars if small is not None and name.startswith("build_small") else info.chars
        secs = [r["seconds"] for r in results]
        rows[name] = {
            "seconds": _median(secs),
            "seconds_all": secs,
            "chars": chars,
            "chars_per_second": chars / _median(secs),
            "peak_rss_mb": max(r["peak_rss"] for r in results) / 2**20,
            # the rest (stage times, the pages stage's peak, the graph's size) of the run whose time is the median (of an
            # even number, the faster of the two middle runs: `seconds` is their mean, which no run took)
            **{k: v for k, v in sorted(results, key=lambda r: r["seconds"])[(len(results) - 1) // 2].items()
               if k not in ("seconds", "peak_rss")},
        }
        for k in ("pages_peak_rss", "worker_peak_rss"):
            if k in rows[name]:
                rows[name][k.replace("_rss", "_rss_mb")] = rows[name].pop(k) / 2**20
    return {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average": load,
            "newskg": __version__,
        },
        "corpus": asdict(info),
        "small_corpus": asdict(small) if small else None,
        "runs": rows,
        "ratios": _ratios(rows, jobs),
    }


def _ratios(rows: dict[str, dict], jobs: int) -> dict[str, float]:
    a, b = rows["jieba"], rows["build"]
    ratios = {
        "build_vs_jieba_throughput": b["chars_per_second"] / a["chars_per_second"],
        "rebuild_unchanged_vs_build": rows["rebuild_unchanged"]["seconds"] / b["seconds"],
        "rebuild_one_changed_vs_build": rows["rebuild_one_changed"]["seconds"] / b["seconds"],
    }
    if "encoder" in rows:
        ratios["build_vs_encoder_throughput"] = b["chars_per_second"] / rows["encoder"]["chars_per_second"]
    if f"build_jobs{jobs}" in rows:
        ratios[f"jobs{jobs}_speedup"] = b["seconds"] / rows[f"build_jobs{jobs}"]["seconds"]
        ratios[f"jobs{jobs}_vs_jieba_throughput"] = rows[f"build_jobs{jobs}"]["chars_per_second"] / a["chars_per_second"]
    return ratios

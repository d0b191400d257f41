"""Benchmark: the generated corpus (deterministic, genre-shaped, sized) and the report's table.

Speed itself is measured by `newskg bench`, never asserted here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.bench import CorpusInfo, _report, generate_corpus, generate_pages, seed_parts
from graph.bench_table import format_table
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def parts():
    return seed_parts(SEEDS)


def test_seed_parts_are_the_seeds_headlines_paragraphs_and_people(parts) -> None:
    assert len(parts.bodies) == 5
    assert "二七区重拳整治二七广场市容乱象" in parts.headlines
    assert {"鲁燕", "杨春晓", "冯凌义", "张改华"} <= set(parts.names)
    assert not {"通讯员", "文图", "整理"} & set(parts.names)
    assert all(len(p) > 40 or re.search("[。，,；]", p) for body in parts.bodies for p in body)


def test_the_same_seed_writes_the_same_pages_and_another_seed_others(parts) -> None:
    one = list(generate_pages(parts, 60_000, seed=1))
    assert one == list(generate_pages(parts, 60_000, seed=1))
    other = list(generate_pages(parts, 60_000, seed=2))
    assert [t for _, t in other] != [t for _, t in one]
    # page i never depends on the size asked for: a bigger corpus extends a smaller one
    assert list(generate_pages(parts, 120_000, seed=1))[: len(one)] == one


def test_pages_are_dated_genre_shaped_and_renamed(parts) -> None:
    pages = list(generate_pages(parts, 100_000, seed=0))
    names = [n for n, _ in pages]
    assert names[0] == "2020-01-01_000000.txt" and names[1] == "2020-01-02_000001.txt"
    text = "".join(t for _, t in pages)
    assert len(re.findall(r"记者 \S+ 通讯员 \S+", text)) >= 2 * len(pages)  # credits, two to six items a page
    assert "本报讯" in text and "街道" in text and "社区" in text
    # the seeds' people are renamed page by page: no seed reporter keeps his byline
    assert "记者 鲁燕" not in text and "记者 张改华" not in text


def test_generate_corpus_reaches_the_size_and_counts_what_it_wrote(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "stale.txt").write_text("x", encoding="utf-8")
    info = generate_corpus(tmp_path / "corpus", 0.05, seed=3, seed_dir=SEEDS)
    files = sorted((tmp_path / "corpus").iterdir())
    assert "stale.txt" not in {f.name for f in files}
    assert info.pages == len(files)
    assert info.bytes == sum(f.stat().st_size for f in files) >= 50_000
    assert info.chars == sum(len(f.read_text(encoding="utf-8")) for f in files)
    assert info.bytes - max(f.stat().st_size for f in files) < 50_000  # it stops at the size


def _run(seconds: float, rss: float, **extra) -> dict:
    return {"seconds": seconds, "peak_rss": rss * 2**20, **extra}


def test_the_report_computes_the_ratios_and_the_table_shows_them() -> None:
    info = CorpusInfo("c", pages=10, bytes=3_000_000, chars=1_000_000, seed=0)
    small = CorpusInfo("s", pages=3, bytes=750_000, chars=250_000, seed=0)
    runs = {
        "jieba": [_run(16.0, 200), _run(14.0, 200), _run(15.0, 210)],
        "build": [_run(30.0, 400, pages_peak_rss=380 * 2**20), _run(28.0, 410), _run(32.0, 400)],
        "rebuild_unchanged": [_run(1.5, 300)],
        "rebuild_one_changed": [_run(3.0, 380)],
        "build_jobs2": [_run(17.5, 250, pages_peak_rss=60 * 2**20, worker_peak_rss=350 * 2**20)],
        "build_small": [_run(8.0, 390)],
    }
    report = _report(info, small, runs, jobs=2)
    assert report["runs"]["jieba"]["seconds"] == 15.0  # the median of three
    assert report["runs"]["jieba"]["chars_per_second"] == pytest.approx(1_000_000 / 15)
    assert report["runs"]["build_small"]["chars_per_second"] == pytest.approx(250_000 / 8)
    assert report["ratios"]["build_vs_jieba_throughput"] == pytest.approx(0.5)
    assert report["ratios"]["rebuild_unchanged_vs_build"] == pytest.approx(0.05)
    assert report["ratios"]["rebuild_one_changed_vs_build"] == pytest.approx(0.1)
    assert report["ratios"]["jobs2_speedup"] == pytest.approx(30 / 17.5)
    table = format_table(report)
    assert "| (a) jieba.posseg alone | 3.0 MB | 15.0 (14.0–16.0) | 66,667 | 210 |  |" in table
    assert "| (b) full build, --jobs 2 | 3.0 MB | 17.5 | 57,143 | 250 | 60; workers 350 |" in table
    assert "| (b) full build, 1 process | 0.8 MB | 8.0 | 31,250 | 390 |  |" in table
    assert "(b)/(a) throughput: **0.50**" in table
    assert "nothing changed: **5.0%**" in table
    assert "--jobs 2 speed-up over one process: **1.71×**" in table


def test_the_encoder_row_the_dev_scores_and_the_growth_table_are_reported() -> None:
    info = CorpusInfo("c", pages=10, bytes=3_000_000, chars=1_000_000, seed=0)
    runs = {
        "jieba": [_run(15.0, 200)],
        "encoder": [_run(16.0, 190, encoded_chars=990_000, runs=40, batch=64)],
        "build": [_run(20.0, 400, nodes=900, tagger={"chars": 1000, "tagged_chars": 250})],
        "rebuild_unchanged": [_run(0.5, 300)],
        "rebuild_one_changed": [_run(1.5, 380)],
        "build_jobs2": [_run(10.0, 250)],
    }
    report = _report(info, None, runs, jobs=2)
    assert report["runs"]["encoder"]["chars_per_second"] == pytest.approx(1_000_000 / 16)  # the corpus's characters
    assert report["ratios"]["build_vs_encoder_throughput"] == pytest.approx(16 / 20)
    assert report["ratios"]["jobs2_vs_jieba_throughput"] == pytest.approx(15 / 10)
    report["dev"] = {"entities_f1": {"ALL": 0.921, "Organization": 0.815, "Person": 0.967}, "posts": 0.762, "events": 0.655}
    report["growth"] = [{"size_mb": 3, "corpus": report["corpus"], "seconds": 20.0, "peak_rss_mb": 400.0, "nodes": 900}]
    table = format_table(report)
    assert "| (a') LAC encoder alone, batched, 1 thread | 3.0 MB | 16.0 | 62,500 | 190 |  |" in table
    assert "(b)/(a') throughput, build over the encoder alone: **0.80**" in table
    assert "(b) --jobs 2/(a) throughput: **1.50**" in table
    assert "encoded 25% of its sentences' characters" in table
    assert "entities ALL F1 **0.921** (Organization 0.815, Person 0.967); posts 0.762; events 0.655" in table
    assert "| 3.0 MB | 10 | 20.0 | 50,000 | 400 | 900 |" in table
    report["dev"] = {"skipped": "no shared/ folder found"}
    assert "development set: skipped (no shared/ folder found)" in format_table(report)


def test_the_encoder_measurement_encodes_every_piece_of_every_page(tmp_path: Path) -> None:
    from graph.measure import measure_encoder

    (tmp_path / "a.txt").write_text("中原区秦岭路街道办事处主任杨春晓带队检查。\n\n记者 鲁燕\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("中原区秦岭路街道办事处主任杨春晓带队检查。\n\n记者 鲁燕\n", encoding="utf-8")
    r = measure_encoder(str(tmp_path))
    assert r["runs"] >= 1 and r["seconds"] > 0 and r["batch"] == 64
    assert r["encoded_chars"] >= 2 * len("中原区秦岭路街道办事处主任杨春晓带队检查。")  # a repeated sentence counts each time


@pytest.mark.parametrize("children", [True, False])
def test_the_rss_sampler_finds_children_only_when_asked(children: bool) -> None:
    """A build in one process has no workers: its sampler does not scan every process for them (graph.measure)."""
    import subprocess
    import sys
    import time

    pytest.importorskip("psutil")
    from graph.measure import RssSampler

    with RssSampler(interval=0.01, children=children) as rss:
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(2)"])
        try:
            if children:  # its two seconds, sampled all along: what the sampler found is told only when it stops
                child.wait(timeout=10)
            else:
                time.sleep(0.2)  # twenty samples, none of which may look for the child
        finally:
            child.kill()
            child.wait()
    assert rss.samples and rss.peak() > 0
    assert (child.pid in rss.children) is children


def test_each_one_page_rebuild_finds_a_change_of_its_own_and_the_page_is_given_back(tmp_path: Path, monkeypatch) -> None:
    """(c) and (d) alternate, `repeat` times: each (d) sees the middle page changed from the build before it, with an
    item none before it added, and the page has its text again once the runs are done."""
    import graph.bench as bench

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(5):
        (corpus / f"{i:02d}.txt").write_text(f"第{i}版\n", encoding="utf-8")
    middle = corpus / "02.txt"
    seen: list[tuple[str, str]] = []

    def child(kind: str, **kwargs) -> dict:
        seen.append((kwargs["cache"], middle.read_text(encoding="utf-8")))
        return {"seconds": 1.0, "peak_rss": 1}

    monkeypatch.setattr(bench, "_in_child", child)
    info = CorpusInfo(str(corpus), pages=5, bytes=0, chars=0, seed=0)
    runs = bench._rebuilds(tmp_path, info, 4, lambda msg: None)
    assert [len(runs["rebuild_unchanged"]), len(runs["rebuild_one_changed"])] == [4, 4]
    texts = [t for _, t in seen]
    assert texts[0] == "第2版\n"  # (c) first: the page as (b) built it
    assert all(texts[k] == texts[k - 1] for k in range(2, 8, 2))  # each (c): the page as the (d) before it left it
    changed = texts[1::2]
    assert len(set(changed)) == 4 and all(t.startswith("第2版\n") and "\n\n本报讯 " in t for t in changed)
    assert {c for c, _ in seen} == {str(tmp_path / "cache")}
    assert middle.read_text(encoding="utf-8") == "第2版\n"


def test_a_row_gives_the_stages_of_the_run_whose_time_is_the_median() -> None:
    info = CorpusInfo("c", pages=10, bytes=3_000_000, chars=1_000_000, seed=0)
    runs = {
        "jieba": [_run(15.0, 200)],
        "build": [_run(20.0, 400)],
        "rebuild_unchanged": [_run(0.5, 300)],
        "rebuild_one_changed": [_run(2.0, 370, stages={"export": 0.8}), _run(2.5, 380, stages={"export": 1.0}),
                                _run(1.5, 390, stages={"export": 0.5})],
    }
    row = _report(info, None, runs, jobs=1)["runs"]["rebuild_one_changed"]
    assert (row["seconds"], row["stages"], row["peak_rss_mb"]) == (2.0, {"export": 0.8}, 390)  # neither the first nor the last
    runs["rebuild_one_changed"].append(_run(3.0, 360, stages={"export": 1.2}))
    row = _report(info, None, runs, jobs=1)["runs"]["rebuild_one_changed"]
    assert (row["seconds"], row["stages"]) == (2.25, {"export": 0.8})  # of four: the mean of the middle two, the faster's stages


def test_the_load_average_reported_is_the_one_read_before_the_runs(tmp_path: Path, monkeypatch) -> None:
    import graph.bench as bench

    runs: list[str] = []  # the machine's load rises with each run the bench makes
    monkeypatch.setattr(bench.os, "getloadavg", lambda: (0.5 + len(runs), 0.25, 0.125))

    def child(kind: str, **kwargs) -> dict:
        runs.append(kind)
        return {"seconds": 1.0, "peak_rss": 1, "code_version": "v"}

    monkeypatch.setattr(bench, "_in_child", child)
    report = bench.run_benchmark(tmp_path, size_mb=0.02, jobs=1, seed_dir=SEEDS)
    assert len(runs) == 5 and report["machine"]["load_average"] == [0.5, 0.25, 0.125]
    assert "load average before the runs 0.50 / 0.25 / 0.12" in format_table(report)
    info = CorpusInfo("c", pages=10, bytes=3_000_000, chars=1_000_000, seed=0)
    runs = {"jieba": [_run(15.0, 200)], "build": [_run(20.0, 400)], "rebuild_unchanged": [_run(0.5, 300)],
            "rebuild_one_changed": [_run(1.5, 380)]}
    report = _report(info, None, runs, jobs=1, load=[0.25, 0.5, 1.0])
    assert report["machine"]["load_average"] == [0.25, 0.5, 1.0]
    assert "load average before the runs 0.25 / 0.50 / 1.00" in format_table(report)
    assert "load average before the runs not known" in format_table(_report(info, None, runs, jobs=1))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_measured_build_looks_for_workers_only_when_it_has_them(jobs: int, monkeypatch) -> None:
    """measure_build samples a one-process build's memory without scanning the machine's processes (graph.measure)."""
    from types import SimpleNamespace

    import graph.measure as measure
    import graph.pipeline as pipeline

    asked: list[bool] = []

    class Sampler:
        def __init__(self, interval: float = 0.05, children: bool = True) -> None:
            asked.append(children)
            self.children: dict[int, int] = {}

        def __enter__(self):
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def peak(self, start: float = 0.0, end: float = float("inf")) -> int:
            return 0

    built = SimpleNamespace(timings={"pages": 0.1}, nodes=lambda: 3, summary=lambda: {"articles": 1})
    monkeypatch.setattr(measure, "RssSampler", Sampler)
    monkeypatch.setattr(pipeline, "build", lambda folders, out, jobs, cache_dir: built)
    r = measure.measure_build("corpus", "out", None, jobs)
    assert asked == [jobs > 1] and r["nodes"] == 3 and r["summary"] == {"articles": 1}


def test_a_sampler_that_dies_costs_its_samples_not_the_measurement() -> None:
    """The sampler is a process of its own: killed (or Ctrl-C to the group), the build it measured still gives its result."""
    pytest.importorskip("psutil")
    from graph.measure import RssSampler

    with RssSampler(interval=0.01) as rss:
        rss._sampler.kill()
        rss._sampler.join()
    assert rss.samples == [] and rss.peak() == 0
    assert not rss._sampler.is_alive()


def test_the_sampler_s_times_are_this_process_s_clock() -> None:
    """Its samples are stamped with time.perf_counter in its own process: the system's monotonic clock, so a stage's
    start and end taken here select the samples taken meanwhile."""
    import time

    pytest.importorskip("psutil")
    from graph.measure import RssSampler

    before = time.perf_counter()
    with RssSampler(interval=0.01) as rss:
        time.sleep(0.2)
    after = time.perf_counter()
    # how many it takes in 0.2 s is the scheduler's (3 on a loaded 2-core machine, 20 on a quiet one); the first is
    # taken before the block is entered, so there is one at least
    assert rss.samples
    assert all(before <= t <= after for t, _ in rss.samples)
    assert rss.peak(before, after) == rss.peak() > 0

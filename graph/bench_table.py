"""The benchmark's report (graph.bench) as Markdown: the runs' table, the ratios, the development set's scores and the
growth table, as the README shows them."""

from __future__ import annotations

_LABELS = {
    "jieba": "(a) jieba.posseg alone",
    "encoder": "(a') LAC encoder alone, batched, 1 thread",
    "build": "(b) full build, 1 process",
    "rebuild_unchanged": "(c) rebuild, nothing changed",
    "rebuild_one_changed": "(d) rebuild, one page changed",
}


def format_table(report: dict) -> str:
    """The report as Markdown tables and the ratios, as the README shows it."""
    mb = report["corpus"]["bytes"] / 1e6
    small = report.get("small_corpus")
    lines = [
        "| run | corpus | seconds | chars/s | peak RSS MB | of which pages stage MB |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, row in report["runs"].items():
        size = small["bytes"] / 1e6 if small and name.startswith("build_small") else mb
        base, _, jobs = name.replace("build_small", "build").partition("_jobs")
        label = _LABELS.get(base, base) if not jobs else f"(b) full build, --jobs {jobs}"
        spread = row["seconds_all"]
        secs = f"{row['seconds']:.1f}" + (f" ({min(spread):.1f}–{max(spread):.1f})" if len(spread) > 1 else "")
        pages = row.get("pages_peak_rss_mb")
        worker = row.get("worker_peak_rss_mb")
        stage = f"{pages:.0f}" if pages else ""
        if worker:
            stage += f"; workers {worker:.0f}"
        lines.append(
            f"| {label} | {size:.1f} MB | {secs} | {row['chars_per_second']:,.0f} | {row['peak_rss_mb']:.0f} | {stage} |"
        )
    return "\n".join([*lines, "", *_ratio_lines(report), *_growth_lines(report.get("growth") or [])]) + "\n"


def _ratio_lines(report: dict) -> list[str]:
    r = report["ratios"]
    lines = []
    if "build_vs_encoder_throughput" in r:
        lines.append(f"- (b)/(a') throughput, build over the encoder alone: **{r['build_vs_encoder_throughput']:.2f}**")
    lines.append(f"- (b)/(a) throughput: **{r['build_vs_jieba_throughput']:.2f}**")
    for k, v in r.items():
        if k.endswith("_vs_jieba_throughput") and k.startswith("jobs"):
            lines.append(f"- (b) --jobs {k[4:].split('_')[0]}/(a) throughput: **{v:.2f}**")
    lines.append(f"- (c)/(b) time, nothing changed: **{r['rebuild_unchanged_vs_build']:.1%}**")
    lines.append(f"- (d)/(b) time, one page changed: **{r['rebuild_one_changed_vs_build']:.1%}**")
    for k, v in r.items():
        if k.endswith("_speedup"):
            lines.append(f"- --jobs {k[4:-8]} speed-up over one process: **{v:.2f}×**")
    tagged = report["runs"]["build"].get("tagger")
    if tagged and tagged.get("chars"):
        share = tagged["tagged_chars"] / tagged["chars"]
        lines.append(f"- (b) encoded {share:.0%} of its sentences' characters; the rest repeat a sentence it had tagged")
    dev = report.get("dev")
    if dev and "entities_f1" in dev:
        f1 = dev["entities_f1"]
        lines.append(
            f"- development set, same code: entities ALL F1 **{f1['ALL']:.3f}** (Organization {f1.get('Organization', 0):.3f},"
            f" Person {f1.get('Person', 0):.3f}); posts {dev.get('posts', 0):.3f}; events {dev.get('events', 0):.3f}"
        )
    elif dev:
        lines.append(f"- development set: skipped ({dev.get('skipped', 'not measured')})")
    m = report["machine"]
    load = " / ".join(f"{x:.2f}" for x in m["load_average"]) if m["load_average"] else "not known"
    lines.append(f"- machine: {m['cpus']} CPUs, Python {m['python']}, load average before the runs {load}")
    return lines


def _growth_lines(rows: list[dict]) -> list[str]:
    if not rows:
        return []
    lines = ["", "| corpus | pages | seconds | chars/s | peak RSS MB | graph nodes |", "|---:|---:|---:|---:|---:|---:|"]
    for g in rows:
        c = g["corpus"]
        lines.append(
            f"| {c['bytes'] / 1e6:.1f} MB | {c['pages']:,} | {g['seconds']:.1f} | {c['chars'] / g['seconds']:,.0f} |"
            f" {g['peak_rss_mb']:.0f} | {g['nodes'] or 0:,} |"
        )
    return lines

"""Fuzz what a folder can hold against `newskg build`: mutated cache entries and hostile file names.

    .venv/bin/python bench/fuzz_hostile.py                       # 100 rounds x 106 entries, 1,000 names
    .venv/bin/python bench/fuzz_hostile.py --rounds 2 --names 40  # a quick look

(1) Cache entries. A corpus of --pages small pages is built once with
`--cache` and every export format; its exports are the reference. Each
round puts the clean cache back, damages every entry of it (each page's, the
last build's note, the slugs, the gazetteer's rows, the Turtle index, the view's details, the pages as resolved) with one random mutation (a flipped bit, a
byte set, cut short, bytes inserted, deleted or repeated, two bytes swapped, the header or the
digest hit), and runs `newskg build` through the CLI. Every build must exit
0 with no traceback, warn once per damaged entry it reads (a page's entry is
not read where the pages as resolved still hold the page), and write exports
byte-identical to the reference. Then --forged entries whose digest was
recomputed over a mutated payload (what someone who can write the cache
folder could plant) are decoded directly: each must be refused or decode
to a well-typed record, never raise and never run code.

(2) File names. --names pages under random hostile names (bytes that are
not UTF-8, line breaks, carriage returns, terminal escapes, bidi overrides,
`;`, `=`, quotes, markup, percent signs, 250-byte names) are built in one
CLI build with every format, `--store` and `--cache`. It must exit 0 with no
traceback; stderr must hold exactly one line per report, the summary and
the `wrote` lines (no forged line); every export must parse and carry each
built page's recorded name; the store must answer; and a rebuild from the
cache and one without it must give the same bytes.

Deterministic for a --seed. Prints the figures; exits 1 if anything failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.cli import EXPORT_FORMATS, main  # noqa: E402
from graph.files import printable, recorded_name  # noqa: E402

ALL_FORMATS = [a for f in EXPORT_FORMATS for a in ("--format", f)]
DISTRICTS = ("中原区", "二七区", "金水区", "管城回族区", "惠济区", "上街区")
STREETS = ("秦岭路街道", "林山寨街道", "建设路街道", "淮河路街道", "文化路街道", "南关街道")
SURNAMES = "王李张刘陈杨赵黄周吴"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


def page(i: int) -> str:
    """A small news page, different for each i."""
    d, s = DISTRICTS[i % len(DISTRICTS)], STREETS[(i // 6) % len(STREETS)]
    name = SURNAMES[i % 10] + GIVEN[(i // 10) % len(GIVEN)] + GIVEN[(i // 7) % len(GIVEN)]
    reporter = SURNAMES[(i + 3) % 10] + GIVEN[(i + 5) % len(GIVEN)]
    return (f"{d}{s}召开第{i + 1}次工作会议\n\n本报讯（记者 {reporter}）3月{i % 28 + 1}日，{d}{s}召开工作会议，"
            f"{s}党工委书记{name}出席会议并讲话。会议部署了下一阶段重点工作。\n")


def build(args: list[str]):
    return CliRunner().invoke(main, ["build", *map(str, args), "-q"])


def exports(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# ---------------------------------------------------------------------------- (1) cache entries


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One random damage to an entry's bytes; never a no-op."""
    from graph.cache import MAGIC

    while True:
        b = bytearray(data)
        kind = rng.choice(("flip", "set", "cut", "insert", "delete", "repeat", "swap", "header", "digest"))
        at = rng.randrange(len(b))
        if kind == "flip":
            b[at] ^= 1 << rng.randrange(8)
        elif kind == "set":
            b[at] = rng.randrange(256)
        elif kind == "cut":
            del b[at:]
        elif kind == "insert":
            b[at:at] = rng.randbytes(rng.randint(1, 16))
        elif kind == "delete":
            del b[at : at + rng.randint(1, 16)]
        elif kind == "repeat":
            n = rng.randint(1, 32)
            b[at:at] = b[at : at + n]
        elif kind == "swap":
            j = rng.randrange(len(b))
            b[at], b[j] = b[j], b[at]
        elif kind == "header":
            b[rng.randrange(len(MAGIC))] ^= 1 << rng.randrange(8)
        else:
            b[len(MAGIC) + rng.randrange(32)] ^= 1 << rng.randrange(8)
        if bytes(b) != data:
            return bytes(b), kind


def forged(data: bytes, rng: random.Random) -> bytes:
    """A mutated payload under a recomputed digest: what a writer of the cache folder could plant."""
    import hashlib

    from graph.cache import MAGIC

    payload = bytearray(data[len(MAGIC) + 32 :])
    for _ in range(rng.randint(1, 4)):
        payload[rng.randrange(len(payload))] = rng.randrange(256)
    return MAGIC + hashlib.sha256(payload).digest() + bytes(payload)


@contextlib.contextmanager
def reads_of(cache: Path) -> Iterator[set[str]]:
    """The entries of `cache` a build reads (a page's entry is not read where the pages as resolved hold the page)."""
    import graph.cache
    import graph.resolved

    read: set[str] = set()
    entry, opened = graph.cache._read_entry, graph.resolved.ResolvedPages.__init__

    def reading(path: Path, kind: type) -> object:
        read.add(str(Path(path).resolve()))
        return entry(path, kind)

    def opening(self: graph.resolved.ResolvedPages, root: Path) -> None:
        opened(self, root)
        if self.path.exists():
            read.add(str(self.path.resolve()))

    graph.cache._read_entry, graph.resolved.ResolvedPages.__init__ = reading, opening
    try:
        yield read
    finally:
        graph.cache._read_entry, graph.resolved.ResolvedPages.__init__ = entry, opened
        read.intersection_update(str(p.resolve()) for p in cache.rglob("*") if p.is_file())


def fuzz_cache(work: Path, pages: int, rounds: int, n_forged: int, rng: random.Random) -> dict:
    from graph.cache import BadEntry, decode

    corpus = work / "pages"
    corpus.mkdir()
    for i in range(pages):
        (corpus / f"2024-03-{i % 28 + 1:02d}_p{i:03d}.txt").write_text(page(i), encoding="utf-8")
    clean_cache = work / "cache-clean"
    first = build([corpus, "--out", work / "reference", "--cache", clean_cache, *ALL_FORMATS])
    assert first.exit_code == 0, first.output
    reference = exports(work / "reference")
    entries = sorted(p.relative_to(clean_cache) for p in clean_cache.rglob("*") if p.is_file() and not p.name.startswith("."))
    figures = {"pages": pages, "entries_per_round": len(entries), "rounds": rounds, "mutated_entries": 0, "kinds": {},
               "builds": 0, "exit_not_0": 0, "tracebacks": 0, "changed_exports": 0, "entries_read": 0, "warnings": 0,
               "missing_warnings": 0}
    cache = work / "cache"
    t0 = time.perf_counter()
    for r in range(rounds):
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(clean_cache, cache)
        for rel in entries:
            data, kind = mutate((cache / rel).read_bytes(), rng)
            (cache / rel).write_bytes(data)
            figures["kinds"][kind] = figures["kinds"].get(kind, 0) + 1
            figures["mutated_entries"] += 1
        out = work / f"round-{r}"
        with reads_of(cache) as read:
            result = build([corpus, "--out", out, "--cache", cache, *ALL_FORMATS])
        figures["builds"] += 1
        figures["exit_not_0"] += result.exit_code != 0
        figures["tracebacks"] += not (result.exception is None or isinstance(result.exception, SystemExit))
        figures["tracebacks"] += "Traceback" in result.stderr
        figures["changed_exports"] += exports(out) != reference
        warned = sum(1 for ln in result.stderr.splitlines() if ln.startswith("warning: the cache entry "))
        figures["warnings"] += warned
        figures["entries_read"] += len(read)
        figures["missing_warnings"] += len(read) - warned
        shutil.rmtree(out)
        print(f"\r(1) round {r + 1}/{rounds}: {figures['mutated_entries']} entries", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    figures["seconds"] = round(time.perf_counter() - t0, 1)
    # forged entries, decoded directly
    f = {"forged": n_forged, "refused": 0, "accepted_well_typed": 0, "exceptions": 0}
    marker = work / "owned"
    sources = [(clean_cache / rel).read_bytes() for rel in entries]
    for _ in range(n_forged):
        try:
            decode(forged(rng.choice(sources), rng))
            f["accepted_well_typed"] += 1
        except BadEntry:
            f["refused"] += 1
        except Exception:  # noqa: BLE001 - counted: must stay 0
            f["exceptions"] += 1
    f["code_ran"] = marker.exists()
    figures["forged"] = f
    figures["ok"] = (figures["exit_not_0"] == figures["tracebacks"] == figures["changed_exports"] == figures["missing_warnings"] == 0
                     and f["exceptions"] == 0 and not f["code_ran"])
    return figures


# ---------------------------------------------------------------------------- (2) file names

PIECES = (
    "\n", "\r", "\r\n", "\t", "\x1b[2K", "\x1b]0;title\x07", "\x7f", "\u202e", "\u2066", "\u2028", "\u2029", "\x85",
    ";", ",", "=", "+", "-", "@", "'", '"', "\\", "%", "%3B", "%25", "<script>", "</script>", "&amp;", "]]>", "{}",
    "$(touch x)", "`id`", "|", "*", "?", " ", "  ", "　", "中原区", "秦岭路街道", "😀", "e\u0301", "ﬁ", "\ufeff",
    "skipped: ", "warning: ", "wrote ", "articles 9 |", "\\n", "\\xff", "..", "~", "#", "^", "[", "]",
)


def hostile_name(i: int, rng: random.Random) -> bytes:
    """A file name (bytes, no `/` or NUL, ending .txt, not hidden, at most 255 bytes)."""
    kind = i % 4
    if kind == 0:  # random bytes, most not UTF-8
        body = bytes(rng.choice([b for b in range(1, 256) if b != 0x2F]) for _ in range(rng.randint(1, 40)))
    elif kind == 1:  # pieces of hostile text
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8))).encode("utf-8")
    elif kind == 2:  # hostile text with bytes that are not UTF-8 in it
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 4))).encode() + bytes([rng.randrange(0x80, 0x100)])
    else:  # long: up to the file system's limit
        body = ("长" * rng.randint(60, 80)).encode() + rng.choice(PIECES).encode()
    body = body.replace(b"/", b"\\").lstrip(b".") or b"x"  # a name holds no /: </script> becomes <\\script>
    body = body[: 240 - len(f"-{i:04d}.txt")]
    return body + f"-{i:04d}.txt".encode()


def fuzz_names(work: Path, n: int, rng: random.Random) -> dict:
    import networkx as nx
    import pyoxigraph as ox

    folder = work / "names"
    folder.mkdir()
    names: list[str] = []
    for i in range(n):
        raw = hostile_name(i, rng)
        path = os.path.join(os.fsencode(folder), raw)
        with open(path, "wb") as fh:
            fh.write(page(i).encode("utf-8") if i % 10 else b"")  # one in ten empty: reported
        names.append(os.fsdecode(raw))
    out, store, cache = work / "names-out", work / "names-store", work / "names-cache"
    t0 = time.perf_counter()
    result = build([folder, "--out", out, "--store", store, "--cache", cache, *ALL_FORMATS])
    seconds = time.perf_counter() - t0
    figures = {"names": n, "not_utf8": sum(1 for s in names if recorded_name(s) != s),
               "with_line_breaks": sum(1 for s in names if any(c in s for c in "\n\r\u2028\u2029\x85")),
               "exit": result.exit_code, "seconds": round(seconds, 1), "problems": []}
    problems = figures["problems"]
    if result.exception is not None and not isinstance(result.exception, SystemExit) or "Traceback" in result.stderr:
        problems.append(f"traceback: {result.exception!r}")
    lines = result.stderr.splitlines()
    reports = [ln for ln in lines if ln.startswith(("skipped: ", "warning: "))]
    summary = [ln for ln in lines if ln.startswith("articles ")]
    wrote = [ln for ln in lines if ln.startswith("wrote ")]
    files = sum(len(f.files) for f in __import__("graph.export.formats", fromlist=["FORMATS"]).FORMATS.values())
    if len(summary) != 1 or len(wrote) != files + 2 or len(lines) != len(reports) + 1 + len(wrote):  # + store, build.json
        problems.append(f"stderr has {len(lines)} lines: {len(reports)} reports, {len(summary)} summaries, {len(wrote)} wrote")
    empty = {names[i] for i in range(n) if i % 10 == 0}
    expected_reports = {f"skipped: {printable(str(folder / s))}: is empty; remove it or fill it with the page's text" for s in empty}
    if not expected_reports <= set(reports):
        problems.append(f"{len(expected_reports - set(reports))} empty pages not reported by their printed name")
    figures["reports"] = len(reports)
    built = {recorded_name(s) for s in names if s not in empty}
    nt = list(ox.parse(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES))
    sources = {t.object.value for t in nt if t.predicate.value.endswith("#sourceFile")}
    if sources != built:
        problems.append(f"nk:sourceFile: {len(built - sources)} names missing, {len(sources - built)} unexpected")
    figures["names_in_graph"] = len(sources)
    ttl = list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    if {str(t) for t in ttl} != {str(t) for t in nt}:
        problems.append("graph.ttl and graph.nt differ")
    from rdflib import Graph

    if len(Graph().parse(out / "graph.jsonld", format="json-ld")) != len(nt):
        problems.append("graph.jsonld does not hold the triples")
    for name, read in (("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)):
        g = read(out / name)
        if g.number_of_nodes() == 0:
            problems.append(f"{name} is empty")
    sys.path.insert(0, str(ROOT))
    from tests.test_hostile import read_as_neo4j_admin

    nodes, _ = read_as_neo4j_admin((out / "neo4j-nodes.csv").read_bytes().decode(), (out / "neo4j-relationships.csv").read_bytes().decode())
    neo_sources = {s for _, p in nodes.values() for s in p.get("sourceFiles", ())}
    if neo_sources != built:
        problems.append(f"Neo4j sourceFiles: {len(built - neo_sources)} missing, {len(neo_sources - built)} unexpected")
    html = (out / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', html, re.S).group(1))
    if not data["nodes"]:
        problems.append("graph.html holds no nodes")
    count = CliRunner().invoke(main, ["query", "--store", str(store), "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv"])
    if count.stdout != f"n\n{len(nt)}\n":
        problems.append(f"the store answers {count.stdout!r}, not {len(nt)} triples")
    reference = exports(out)
    for label, extra in (("from the cache", ["--cache", cache]), ("without the cache", [])):
        again = work / f"names-again-{len(extra)}"
        r = build([folder, "--out", again, *extra, *ALL_FORMATS])
        if r.exit_code != 0 or exports(again) != reference:
            problems.append(f"a rebuild {label} changed the exports (exit {r.exit_code})")
    figures["ok"] = result.exit_code == 0 and not problems
    return figures


def main_(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=100, help="CLI builds, each with every cache entry damaged")
    ap.add_argument("--pages", type=int, default=100, help="pages of the cache corpus (entries a round: pages + 5: the last build's note, the slugs, the Turtle blocks index, the view's details, the pages as resolved)")
    ap.add_argument("--forged", type=int, default=10_000, help="forged entries decoded directly")
    ap.add_argument("--names", type=int, default=1000, help="hostile file names built through the CLI")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--work", type=Path, default=None, help="folder to work in (default: a temporary one, removed)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="newskg-fuzz-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        report = {"cache": fuzz_cache(work, args.pages, args.rounds, args.forged, rng), "names": fuzz_names(work, args.names, rng)}
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0 if report["cache"]["ok"] and report["names"]["ok"] else 1


if __name__ == "__main__":
    sys.exit(main_())

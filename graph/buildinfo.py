"""Build record: what a build read and wrote -> `build.json` beside its exports; and whether a graph file is that build's.

    {"generator": "newskg 0.1.0",
     "inputs": [{"file": "000_b611260ab2cebaa9.txt", "sha1": "…"}, …],
     "options": {"base": "https://w3id.org/newskg/id/", "encoding": null, "max_bytes": 20971520, "dates": {}},
     "formats": ["html", "ttl"],
     "outputs": {"graph.html": "<sha1>", "graph.ttl": "<sha1>"}}

The record is deterministic like the exports (no time, no folder, file
names only), so the seeds' record is committed beside their exports.
`newskg query` and `newskg validate` read it to warn when the graph they
are given is not what the last build into its folder wrote, and a build
reads the previous one to say when it replaces another corpus's exports.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph import __version__
from graph.export import atomic_write
from graph.files import file_sha1, printable, recorded_name

RECORD_NAME = "build.json"


def make_record(files: Sequence[Path], options: Any, base: str, formats: Iterable[str], out_dir: Path, written: Iterable[Path],
                digests: Sequence[str | None] = (), written_digests: Mapping[str, str] | None = None) -> dict:
    """The record of a build: its pages (name and digest), options, formats and each written file's digest.

    `digests`, by page (as `files`), are the SHA-1s of the pages' bytes the
    build read; `written_digests`, by file name in `out_dir` (posix), those
    of the files the exports wrote. What has none ("" or None, or none
    given) is hashed now.
    """
    wrote = written_digests or {}
    names = [p.relative_to(out_dir).as_posix() for p in sorted(set(written))]
    read = dict(zip(files, digests, strict=False))
    return {
        "generator": f"newskg {__version__}",
        "inputs": [{"file": recorded_name(f.name), "sha1": read.get(f) or file_sha1(f)}
                   for f in sorted(files, key=lambda p: (p.name, str(p)))],
        "options": {
            "base": base,
            "encoding": options.encoding,
            "max_bytes": options.max_bytes,
            "dates": {recorded_name(name): d.isoformat() for name, d in sorted(options.dates)},
        },
        "formats": sorted(set(formats)),
        "outputs": {name: wrote.get(name) or file_sha1(out_dir / name) for name in names},
    }


def record_text(record: dict) -> str:
    """The text of build.json holding `record`."""
    return json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_record(out_dir: Path, record: dict) -> Path:
    path = Path(out_dir) / RECORD_NAME
    atomic_write(path, record_text(record))
    return path


def record_is_written(out_dir: Path, record: dict) -> bool:
    """Whether build.json in `out_dir` holds exactly the bytes `write_record` would write for `record`."""
    try:
        return (Path(out_dir) / RECORD_NAME).read_bytes() == record_text(record).encode("utf-8")
    except (OSError, UnicodeEncodeError):  # none yet; or a name with a lone surrogate: written again, as always
        return False


def read_record(folder: Path) -> dict | None:
    """The record of the last build into `folder`, or None when there is none (or it cannot be read)."""
    try:
        record = json.loads((Path(folder) / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def input_names(record: dict | None) -> list[str]:
    return [str(i.get("file")) for i in (record or {}).get("inputs", []) if isinstance(i, dict)]


@dataclass(frozen=True)
class Replaced:
    """What an earlier build left in the output folder that this build did not make: another corpus's exports it
    wrote over, and files of that build's (or of an earlier build of these pages) it did not write again."""

    files: tuple[str, ...]  # export files of another corpus's build that were there and were written again
    pages: tuple[str, ...]  # the pages that build read (empty when it left no record)
    left: tuple[str, ...] = ()  # files the earlier build wrote and this one did not, still there: that build's

    def note(self, out_dir: Path) -> str:
        """What to tell the user: whose exports `out_dir` held, which files now hold this build's, and how to keep both."""
        left = (f"{', '.join(map(printable, self.left))} still hold that build's (delete them, or build again with their "
                "--format)") if self.left else ""
        if not self.files:  # the same corpus, one of its formats not written this time
            one = len(self.left) == 1
            return (f"{printable(str(out_dir))}/ still holds {', '.join(map(printable, self.left))} of an earlier build, "
                    f"which this one did not write: delete {'it' if one else 'them'}, or build again with "
                    f"{'its' if one else 'their'} --format")
        pages = [printable(n) for n in self.pages[:3]]
        before = (f"of {len(self.pages)} other page(s) ({', '.join(pages)}{', …' if len(self.pages) > 3 else ''})"
                  if self.pages else "of unrecorded pages")
        return (f"{printable(str(out_dir))}/ held the exports of a build {before}: {', '.join(self.files)} now hold this build's"
                f"{'; ' + left if left else ''}; pass --out DIR to keep builds apart"
                + (" (`make build` rebuilds the seeds' exports)" if out_dir == Path("exports") else ""))


def replaced(previous: dict | None, out_dir: Path, record: dict, existed: Iterable[str]) -> Replaced | None:
    """What a build replaced or left (`Replaced`); None when its folder held only exports of these pages, all written.

    The earlier build read other pages when it shares none with this one
    (a page of the same name and bytes): a corpus grown, shrunk or edited
    page by page is the same corpus.
    """
    earlier = (previous or {}).get("outputs") or {}
    left = tuple(sorted(str(f) for f in earlier if f not in record["outputs"] and (out_dir / str(f)).is_file()))
    over = tuple(sorted(set(existed) & set(record["outputs"])))
    other = bool(over) and (previous is None or (input_names(previous) != input_names(record)
                                                 and not _pages(previous) & _pages(record)))
    if not other and not left:
        return None
    return Replaced(over if other else (), tuple(input_names(previous)) if other else (), left)


def _pages(record: dict) -> set[tuple[str, str]]:
    """A build's pages as (file name, SHA-1)."""
    return {(str(i.get("file")), str(i.get("sha1"))) for i in record.get("inputs", []) if isinstance(i, dict)}


def stale_reason(graph_file: Path) -> str | None:
    """Why `graph_file` may not be the graph of the last build into its folder, or None when it is.

    A folder with no record (a graph written by hand, or by another tool)
    is not judged.
    """
    graph_file = Path(graph_file)
    record = read_record(graph_file.parent)
    if record is None or not graph_file.is_file():  # a missing graph is the reader's error to report
        return None
    outputs = record.get("outputs") or {}
    folder = graph_file.parent
    if graph_file.name not in outputs:
        return (f"{graph_file} was not written by the last build into {folder}/ (its {RECORD_NAME} lists "
                f"{', '.join(sorted(outputs)) or 'no file'}); rebuild, or pass the graph that build wrote")
    if file_sha1(graph_file) != outputs[graph_file.name]:
        return (f"{graph_file} has changed since the last build into {folder}/ wrote it ({RECORD_NAME} records "
                f"another digest); it may be another build's graph: rebuild to be sure")
    generator = record.get("generator")
    if generator != f"newskg {__version__}":
        return f"{graph_file} was built by {generator}, not newskg {__version__}; rebuild it to query what this version extracts"
    return None

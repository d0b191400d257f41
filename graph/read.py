"""Read: input paths -> Page records (encoding detection, page dates, clear errors).

A file that cannot be used raises InputError with its name, the reason and
what to do; the pipeline reports it and goes on with the rest of the corpus.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import functools
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.errors import GraphError, InputError
from graph.files import TEXT_SUFFIXES, folder_date, page_date_from_name, recorded_name, without_surrogates
from graph.model import Page
from graph.normalize import to_simplified

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Encodings tried, in order, when a file has no BOM and no --encoding is given.
_CANDIDATES = ("utf-8", "gb18030", "big5")
# The least share of a page's characters `_han_score` finds plausible: a page of news has 0.9 and more, random bytes
# decoded as GB18030 about 0.4, Shift-JIS about 0.3 (a page decoded by --encoding is asked `_mojibake` instead).
_PLAUSIBLE = 0.6


def iter_files(paths: Iterable[str | Path], ignored: list[Path] | None = None) -> Iterator[Path]:
    """Every page file named by `paths`: files as given, folders walked in sorted order.

    Inside folders, hidden files and folders are passed over; files whose
    suffix is not a text suffix, links to folders and folders that cannot be
    listed are not read: they are added to `ignored`, if given, so that the
    build can say so (a file or folder named explicitly is always read).
    """

    def unlisted(e: OSError) -> None:  # a folder the walk cannot list (no permission): reported, not passed over
        if ignored is not None:
            ignored.append(Path(e.filename))

    for p in paths:
        path = Path(p)
        if not os.path.lexists(path):  # a broken or looping link exists: reading it reports it
            raise GraphError(f"{path}: no such file or folder")
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=unlisted):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                if ignored is not None:  # a link to a folder is not walked (it may lead out of the input, or round)
                    ignored.extend(Path(root) / d for d in dirs if os.path.islink(Path(root) / d))
                for f in sorted(files):
                    if f.startswith("."):
                        continue
                    if f.lower().endswith(TEXT_SUFFIXES):
                        yield Path(root) / f
                    elif ignored is not None:
                        ignored.append(Path(root) / f)
        else:
            yield path


def collect(paths: Iterable[str | Path], ignored: list[Path] | None = None,
            linked: list[tuple[Path, Path]] | None = None) -> list[Path]:
    """The page files named by `paths`, sorted by name so input order never matters.

    Files in the folders that are not text pages are added to `ignored`,
    if given. A file named twice is read once; when the names differ (a
    link to a page of the build), the page is read under its own name, not
    the link's, and (link, page) is added to `linked`, if given.
    """
    by_file: dict[Path, list[Path]] = {}
    for f in sorted(iter_files(paths, ignored), key=lambda p: (p.name, str(p))):
        try:
            key = f.resolve()
        except (OSError, RuntimeError):  # a symbolic link loop: kept, and reported when it is read
            key = Path(os.path.abspath(f))
        by_file.setdefault(key, []).append(f)
    out = []
    for names in by_file.values():
        page = next((f for f in names if not f.is_symlink()), names[0])
        out.append(page)
        if linked is not None:  # another name for the page, not the page given twice (by the folder and itself)
            others = {os.path.abspath(f): f for f in names}
            others.pop(os.path.abspath(page))
            linked.extend((f, page) for f in others.values())
    return sorted(out, key=lambda p: (p.name, str(p)))


def linked_page(link: Path, page: Path) -> str:
    """Why a link to a page of the build was not read: the reason of its report."""
    return f"is the same file as {page} (a link to it); read once, as {page.name}: remove the link to keep this report away"


def not_a_page(path: Path) -> str:
    """Why a file found in a folder was not read: the reason of its report."""
    if path.is_symlink() and path.is_dir():
        return "is a link to a folder, which a folder's walk does not follow; name it on the command line to read its pages"
    if path.is_symlink() and not path.exists():
        return "is a link that leads nowhere (its target is gone, or it leads back to itself); fix its target or remove it"
    if path.is_dir():
        try:
            os.scandir(path).close()
        except OSError as e:
            return f"is a folder that cannot be read ({(e.strerror or 'error').lower()}); check its permissions: its pages were not read"
    kind = f"a {path.suffix.lower()} file" if path.suffix else "a file with no extension"
    return f"is {kind}, not a text page ({', '.join(TEXT_SUFFIXES)}); convert it to .txt, or name it on the command line to read it as text"


# A reading printed inside a word, in pinyin with tone marks: 長(zhǎng)慶街道, 協(xié)調(diào).
_GLOSS = re.compile(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


# A comma a converting site printed before a mark of its own (，，, ，、, ,。): never the text's (党委书记，、主任X).
_STRAY_COMMA = re.compile(r"[,，](?=[，,、。；;！？!?：:])")


def strip_glosses(text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """Remove pinyin readings printed inside words; returns the text and where each reading was.

    A reposting site's annotation is not part of the words (長(zhǎng)慶街道 is 長慶街道),
    but the page printed it: each reading is kept with the offset, in the text
    without readings, of the character it follows.

    >>> strip_glosses("杭州長(zhǎng)慶街道")
    ('杭州長慶街道', ((2, '(zhǎng)'),))
    """
    glosses: list[tuple[int, str]] = []
    out: list[str] = []
    pos = removed = 0
    for m in _GLOSS.finditer(text):
        out.append(text[pos : m.start()])
        glosses.append((m.start() - removed - 1, m.group(0)))
        removed += m.end() - m.start()
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), tuple(glosses)


def load_manifest(path: str | Path) -> dict[str, dt.date]:
    """File name -> publication date, from a CSV (file,date) or JSON ({"file": "date"}) manifest.

    Every line must be read as it was meant, or the manifest is refused
    with its file and line: a row without a date, with a third value, with
    an unclosed quote (a whole manifest separated by `;` has no date on
    any row), a date that is not one, or a file dated twice with two dates.
    Blank lines and a first row of column names (file, name or path) are
    passed over.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise GraphError(f"{path}: cannot read the manifest ({e}); it must be UTF-8 CSV or JSON") from e
    rows = _json_rows(path, text) if path.suffix.lower() == ".json" else _csv_rows(path, text)
    if not rows:
        raise GraphError(f"{path}: the manifest dates no page; give it a line file,date for each (or leave --manifest out)")
    out: dict[str, dt.date] = {}
    first: dict[str, str] = {}  # where each file is first dated: its line, or the name it was given
    for line, name, value in rows:
        where = f", line {line}" if line else ""
        key = Path(name).name
        day = _manifest_day(value)
        if day is None:
            raise GraphError(f"{path}{where}: '{value}' for {name} is not a date like 2024-11-21")
        if key in out and out[key] != day:
            raise GraphError(f"{path}{where}: {key} is dated {day} here and {out[key]} {first[key]}; give each page one date")
        out[key] = day
        first.setdefault(key, f"on line {line}" if line else f"as {name}")
    return out


def _manifest_day(value: str) -> dt.date | None:
    """The day an ISO date (2024-11-21) or date and time (2024-11-21T08:00) names, the whole text read; else None."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date() if len(value) > 10 else None
    except ValueError:
        return None


def undated_by_manifest(dates: dict[str, dt.date], names: list[str]) -> str | None:
    """What to tell the user when a manifest dates files that are not among the build's pages `names` while some of
    those pages go undated, neither the manifest nor their file names dating them (names that do not match, most
    likely); None when the manifest covers them, or they all miss.

    >>> print(undated_by_manifest({"a": dt.date(2024, 1, 1)}, ["a.txt", "b.txt"]))
    the manifest dates 1 file(s) not among this build's pages (a), and 2 of its 2 page(s) are not in it (a.txt, b.txt): name each page in the manifest by its file name, extension included
    """
    named = set(dates)
    missing = sorted(named - set(names))
    undated = [n for n in names if n not in named and page_date_from_name(n) is None]  # (2024-11-21_x.txt is dated)
    if not missing or not undated:
        return None

    def some(items: list[str]) -> str:
        return ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")

    return (f"the manifest dates {len(missing)} file(s) not among this build's pages ({some(missing)}), and {len(undated)} "
            f"of its {len(names)} page(s) are not in it ({some(undated)}): name each page in the manifest by its file name, "
            "extension included")


def _csv_rows(path: Path, text: str) -> list[tuple[int, str, str]]:
    """(line, file, date) of each row of a CSV manifest, each checked to be a file and a date."""
    reader = csv.reader(io.StringIO(text), strict=True)
    rows: list[tuple[int, str, str]] = []
    read = 0  # the last line of the rows read so far: a row that fails starts after it
    headed = False
    try:
        for cells in reader:
            where, read = f", line {reader.line_num}", reader.line_num
            cells = [c.strip() for c in cells]
            while cells and not cells[-1]:
                cells.pop()
            if not cells:
                continue
            if not rows and not headed and cells[0].lower() in ("file", "name", "path"):
                headed = True  # the first row that is not blank may name the columns
                continue
            if len(cells) != 2 or not cells[0]:
                shown = ",".join(cells)
                what = "no date" if len(cells) == 1 else f"{len(cells)} values" if cells[0] else "no file name"
                raise GraphError(f"{path}{where}: '{shown}' has {what}; each line is file,date (a comma between, "
                                 "as in page-001.txt,2024-11-21)")
            rows.append((reader.line_num, cells[0], cells[1]))
    except csv.Error as e:
        raise GraphError(f"{path}, line {read + 1}: not CSV ({e}: a quote opened there and never closed?); "
                         "each line is file,date") from e
    return rows


def _json_rows(path: Path, text: str) -> list[tuple[int, str, str]]:
    """(0, file, date) of each member of a JSON manifest's object; a file named twice is refused."""

    def members(pairs: list[tuple[str, object]]) -> dict:
        names = [k for k, _ in pairs]
        if len(set(names)) < len(names):
            twice = next(k for k in names if names.count(k) > 1)
            raise GraphError(f"{path}: {twice} is named twice; give each page one date")
        return dict(pairs)

    try:
        data = json.loads(text, object_pairs_hook=members)
    except json.JSONDecodeError as e:
        raise GraphError(f"{path}: the manifest is not valid JSON ({e})") from e
    if not isinstance(data, dict):
        raise GraphError(f'{path}: the JSON manifest must be an object {{"file.txt": "2024-11-21"}}')
    for k, v in data.items():
        if not isinstance(v, str):
            raise GraphError(f'{path}: the date of {k} is {json.dumps(v, ensure_ascii=False)}, not a text like "2024-11-21"')
    return [(0, str(k), v) for k, v in data.items()]


@functools.cache
def _common_characters() -> frozenset[str]:
    """The characters that make up nearly all of a Chinese page: GB2312's symbols (A1-A9: punctuation, numerals, box
    drawing) and first level (B0A1-D7F9: its 3,755 common simplified characters), and Big5's frequently used ones
    (A440-C67E: 5,401 traditional). Bytes that are no text (random, or another encoding's) decode as GB18030 or
    Big5 into Han characters too, but mostly into rare ones."""
    pairs = [(bytes((a, b)), "gb2312") for a in (*range(0xA1, 0xAA), *range(0xB0, 0xD8)) for b in range(0xA1, 0xFF)]
    pairs += [(bytes((a, b)), "big5") for a in range(0xA4, 0xC7) for b in (*range(0x40, 0x7F), *range(0xA1, 0xFF))
              if a < 0xC6 or b < 0x7F]
    out: set[str] = set()
    for code, enc in pairs:
        try:
            out.add(code.decode(enc))
        except UnicodeDecodeError:
            continue  # what GB2312 leaves unassigned (D7FA-D7FE, gaps in the symbol rows)
    return frozenset(out)


def _han_score(text: str) -> float:
    """Share of characters that plausible Chinese news text is made of: ASCII, CJK and full-width punctuation, and
    the common Han characters (`_common_characters`); a rare one in a name costs little, a page of them is no text."""
    if not text:
        return 0.0
    common = _common_characters()
    good = 0
    for ch in text[:20000]:
        o = ord(ch)
        if ch in common or o < 0x80 or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’—…·":
            good += 1
    return good / min(len(text), 20000)


def _mojibake(text: str) -> bool:
    """Chinese bytes decoded by a one-byte encoding: no Han character at all, and a third of the characters or more
    in U+0080-U+00FF (a page in English, or Uyghur, or Korean beside its Chinese, is none)."""
    head = text[:20000]
    if not head or any("\u4e00" <= ch <= "\u9fff" for ch in head):
        return False
    return sum(1 for ch in head if "\x80" <= ch <= "\xff") / len(head) >= 1 / 3


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a page's bytes; returns (text, encoding). Raises InputError when it cannot."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError as e:
            raise InputError(name, f"unknown encoding '{encoding}'; pass a Python codec name to --encoding") from e
        except UnicodeDecodeError as e:
            raise InputError(name, f"is not valid {encoding} (byte {e.start}); check --encoding") from e
        if _mojibake(text):  # latin-1 decodes any bytes: UTF-8 or GBK Chinese into accented letters, no Han character
            raise InputError(name, f"decoded as {encoding} it holds no Chinese character, only accented letters and "
                                   "symbols (U+0080-U+00FF): it is in another encoding; check --encoding")
        return text, encoding
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(name, f"starts with a {enc} byte-order mark but does not decode as {enc}; re-save it") from e
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"is {what}, not a text page; convert it to .txt or remove it from the input")
    if b"\x00" in data[:4096]:
        raise InputError(
            name,
            "is a binary file (NUL bytes), not a text page; convert it to .txt or remove it "
            "(UTF-16 text without a byte-order mark needs --encoding utf-16-le or utf-16-be)",
        )
    best: tuple[float, str, str] | None = None
    for enc in _CANDIDATES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-8":
            return text, enc
        score = _han_score(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None or best[0] < _PLAUSIBLE:
        raise InputError(
            name, "is not UTF-8, UTF-16, GB18030/GBK or Big5 text; re-save it as UTF-8 or pass --encoding"
        )
    return best[1], best[2]


# Unicode's control characters (category Cc: U+0000-U+001F and U+007F-U+009F) but tab, newline and carriage return
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control_free(text: str) -> str:
    """Drop control characters other than tab and newline (form feeds, NULs, escapes)."""
    return _CONTROL.sub("", text)


def _size(n: float) -> str:
    """A byte count for people: 512 bytes, 40 KB, 2.5 MB."""
    if n < 1024:
        return f"{n:.0f} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.3g} KB"
    return f"{n / 1048576:.3g} MB"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """A page file's bytes; InputError for what cannot be a page (folders, pipes, devices, huge files)."""
    where = str(path)
    try:
        st = path.stat()
    except FileNotFoundError as e:
        if path.is_symlink():
            raise InputError(where, "is a broken symbolic link; fix its target or remove it") from e
        raise InputError(where, "has disappeared since the build started; check the path") from e
    except OSError as e:
        if e.errno == errno.ELOOP:  # a link to itself, or links in a circle
            raise InputError(where, "is a symbolic link that leads back to itself (a loop); fix its target or remove it") from e
        raise InputError(where, f"cannot be read ({e.strerror or e}); check the path and its permissions") from e
    if stat.S_ISDIR(st.st_mode):
        raise InputError(where, "is a folder where a file was expected; pass the folder itself or a file in it")
    if not stat.S_ISREG(st.st_mode):
        # a pipe or a device would block the build or never end
        raise InputError(where, "is not a regular file (a pipe, socket or device); copy the page into a .txt file")
    too_big = (
        f"is {_size(st.st_size)}, over the {_size(max_bytes)} limit for one page; split it into pages or raise --max-size"
    )
    if st.st_size > max_bytes:
        raise InputError(where, too_big)
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)  # the file may have grown since stat()
    except PermissionError as e:
        raise InputError(where, "cannot be read (permission denied); check the file's permissions") from e
    except OSError as e:
        raise InputError(where, f"cannot be read ({e.strerror or e}); check the path and its permissions") from e
    if len(data) > max_bytes:
        raise InputError(where, too_big)
    return data


def read_page(
    path: str | Path,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    dates: dict[str, dt.date] | None = None,
) -> Page:
    """Read one page file into a Page: decoded, control characters dropped, date attached."""
    path = Path(path)
    name = recorded_name(path.name)  # bytes that are not UTF-8 as \\xff: every export holds any name
    data = _read_bytes(path, max_bytes)
    text, enc = decode(data, str(path), encoding)
    text = _control_free(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = without_surrogates(text)
    if not text.strip():
        what = f"holds only spaces and line breaks ({len(text):,} character(s))" if text else "is empty"
        raise InputError(str(path), f"{what}; remove it or fill it with the page's text")
    text, glosses = strip_glosses(_STRAY_COMMA.sub("", text))
    simplified = to_simplified(text)
    date = (dates or {}).get(path.name) or page_date_from_name(name) or folder_date(path)
    converted = simplified != text or bool(glosses)
    return Page(name=name, text=simplified, encoding=enc, date=date, converted=converted, original=text, glosses=glosses,
                digest=hashlib.sha1(data).hexdigest())

"""Gazetteer: China's official administrative hierarchy, from jionlp's location data.

jionlp ships the divisions down to communities and villages (province ->
city -> county/district -> street office/town -> community/village) with
the codes of the upper three levels. This module indexes them by name so
extraction can tell a place name from a word (`秦岭路街道` is one, `各街道`
is not) and resolution can place a unit in the hierarchy when the article
does not print its parents. Loaded once per process, on first use.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from graph import collector
from graph.lexicon import OFFICIAL_TOWN_SUFFIXES, STREET_OFFICE_WORDS, TOWN_WORDS

TOWN_SUFFIXES = OFFICIAL_TOWN_SUFFIXES
log = logging.getLogger("newskg")


@dataclass(frozen=True, slots=True)
class Place:
    """One unit of the official hierarchy."""

    level: str  # Province, City, District, StreetOffice, Town, Community, Village
    name: str
    path: tuple[str, ...]  # names from the province down to this unit, inclusive
    code: str | None = None


@dataclass(frozen=True, slots=True)
class PageContext:
    """The official districts a page's items name: every candidate of every name (`places`: a unit of several is the
    one under them) and the one a name singles out (`singled`: a bare 经开区 is the 郑州经开区 the page prints)."""

    places: tuple[Place, ...] = ()
    singled: tuple[Place, ...] = ()


def town_level(name: str) -> str:
    return "Town" if name.endswith(("镇", "乡", "苏木")) else "StreetOffice"


def village_level(name: str) -> str:
    return "Village" if name.endswith(("村", "村委会")) else "Community"


def stem(name: str, suffixes: tuple[str, ...]) -> str:
    for s in suffixes:
        if name.endswith(s) and len(name) > len(s):
            return name[: -len(s)]
    return name


# Where the file is cut into units (a line with fewer than four tabs before its name) and the lines under each,
# and what a town's lines are when each is a village's name alone (four tabs, then a name with no space around it).
_UNITS = re.compile(r"\n(?=\t{0,3}[^\t\n])")
_VILLAGE_LINES = re.compile(r"\t{4}[^\s\t][^\n\r]*(?:\n\t{4}[^\s\t][^\n\r]*)*")

# The levels of the units above the villages, and the indexes `Gazetteer.rows` keeps as rows (the others are made
# again from the units).
_LEVELS = frozenset({"Province", "City", "District", "StreetOffice", "Town"})
_ROWED = ("town_stems", "short", "regions")

# A development zone's official suffix and the one it is printed with.
_ZONE_SHORT = (("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"))
# What a province's short name leaves out: 河南省 -> 河南, 广西壮族自治区 -> 广西, 北京市 -> 北京.
_PROVINCE_END = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")


class Gazetteer:
    """Name indexes over the hierarchy.

    Built from jionlp's china_location.txt (tab-indented: province, city,
    county with code and short name, town, community/village). A town's
    communities and villages (nine lines in ten) stay lines of the file's
    text until the town's are asked for (`_names`), so loading reads only
    the units above them: 0.33-0.50 s and 63 MB here, against 0.79-0.90 s
    and 116 MB when every one was read into a name as it came.
    """

    QUICK = True  # read a town's village lines only when asked (tests turn it off to compare with the general reading)

    def __init__(self, text: str | list[str]) -> None:
        """`text`: the file's, its lines ended by "\n" alone (`_text`), or its lines (none holding a line break)."""
        self.by_name: dict[str, list[Place]] = defaultdict(list)
        self.by_path: dict[tuple[str, ...], Place] = {}
        self.children: dict[tuple[str, ...], list[Place]] = defaultdict(list)
        self.town_stems: dict[str, list[Place]] = defaultdict(list)
        self.short: dict[str, list[Place]] = defaultdict(list)  # 郑州 -> 郑州市, 中原 -> 中原区
        self.regions: dict[str, list[Place]] = defaultdict(list)  # 河南, 河南省, 武汉, 武汉市 -> the province or city
        self._units: list[Place] = []  # every unit above the villages, in the file's order (`rows`)
        # a town's communities and villages, in the file's order of towns: their names, or where their lines are in
        # `_text` until they are asked for (`_names`); nine lines in ten are such a line, and most are never asked for
        self._villages: dict[tuple[str, ...], list[str] | tuple[int, int]] = {}
        self._text = text if isinstance(text, str) else "\n".join(text)
        self._path: list[str] = []
        at = 0
        for chunk in _UNITS.split(self._text):  # a line above the village level, and the lines under it
            lines = chunk.split("\n", 1)
            self._line(lines[0])
            if len(lines) > 1:
                under = (at + len(lines[0]) + 1, at + len(chunk))
                town = tuple(self._path)
                if self.QUICK and len(town) == 4 and town not in self._villages and _VILLAGE_LINES.fullmatch(self._text, *under):
                    self._villages[town] = under  # a town's, each line a name: read when asked
                else:
                    for raw in lines[1].split("\n"):
                        self._line(raw)
            at += len(chunk) + 1
        del self._path

    def _line(self, raw: str) -> None:
        """One line of the file, read in full (a unit's, or a village's the quick reading did not take)."""
        line = raw.rstrip("\r\n")
        if not line.strip():
            return
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        path = self._path
        del path[depth:]
        path.append(parts[0])
        if depth == 4:
            self._names(tuple(path[:4]), made=True).append(parts[0])  # (a town printed twice: the lines of both)
            return
        self._unit(depth, parts, tuple(path))

    def _names(self, town: tuple[str, ...], made: bool = False) -> list[str]:
        """The names of the communities and villages of the town at `town`, read from the file when first asked for;
        `made`: an entry made for a town that has none yet."""
        held = self._villages.setdefault(town, []) if made else self._villages.get(town, [])
        if isinstance(held, tuple):
            held = self._villages[town] = [line[4:].rstrip().split("\t", 1)[0] for line in self._text[held[0]:held[1]].split("\n")]
        return held

    def _unit(self, depth: int, parts: list[str], tpath: tuple[str, ...]) -> None:
        """The unit a line `depth` tabs deep names (province, city, district, town), its fields `parts`, at `tpath`."""
        name = parts[0]
        code = parts[1] if len(parts) > 1 else None
        alias = parts[2] if len(parts) > 2 else ""
        if depth == 0:
            place = Place("Province", name, tpath, code)
            self._add(place)
            for a in dict.fromkeys((name, _PROVINCE_END.sub("", name), *alias.split("/"))):
                if len(a) >= 2:
                    self.regions[a].append(place)
        elif depth == 1:
            place = Place("City", name, tpath, code)
            self._add(place)
            self.regions[name].append(place)
            for a in alias.split("/"):
                if len(a) >= 2 and a != name:
                    self.short[a].append(place)
                    self.regions[a].append(place)
        elif depth == 2:
            place = Place("District", name, tpath, code)
            self._add(place)
            if len(alias) >= 2 and alias != name:
                self.short[alias].append(place)
                # 管城回族区 is printed 管城区 too
                for suffix in ("区", "县", "市", "旗"):
                    if name.endswith(suffix) and alias + suffix != name:
                        self.short[alias + suffix].append(place)
            for long, short in _ZONE_SHORT:  # 郑州高新技术产业开发区 is printed 郑州高新区
                if name.endswith(long) and len(name) > len(long):
                    self.short[name[: -len(long)] + short].append(place)
        elif depth == 3:
            place = Place(town_level(name), name, tpath)
            self._add(place)
            s = stem(name, TOWN_SUFFIXES)
            if s != name:
                self.town_stems[s].append(place)

    def _add(self, place: Place) -> None:
        self._units.append(place)
        self.by_name[place.name].append(place)
        self.by_path[place.path] = place
        if len(place.path) > 1:
            self.children[place.path[:-1]].append(place)

    def rows(self) -> dict:
        """The gazetteer as plain data (texts, numbers, lists, maps), from which `of_rows` makes it again without
        reading the file: what a build's cache keeps (graph.cache.GazetteerEntry). A unit is its row, [level, name,
        the row of its parent or -1, code], in the order the file gave them; an index, the rows it lists."""
        number: dict[int, int] = {}  # a unit's row, by the unit
        first: dict[tuple[str, ...], int] = {}  # the first unit's row at a path (a town printed twice has two)
        for i, place in enumerate(self._units):
            number[id(place)] = i
            first.setdefault(place.path, i)
        units = [[p.level, p.name, first[p.path[:-1]] if len(p.path) > 1 else -1, p.code] for p in self._units]
        indexes = {name: {k: [number[id(p)] for p in ps] for k, ps in getattr(self, name).items()} for name in _ROWED}
        villages = [[list(town), held if isinstance(held, list) else list(held)] for town, held in self._villages.items()]
        return {"text": self._text, "units": units, "indexes": indexes, "villages": villages}

    @classmethod
    def of_rows(cls, rows: dict) -> Gazetteer:
        """The gazetteer `rows()` gave; ValueError where `rows` is not such data."""
        try:
            g = cls.__new__(cls)
            g.by_name, g.by_path, g.children, g._units = defaultdict(list), {}, defaultdict(list), []
            places = g._units  # `_add` appends each unit to it, as a parse does
            for level, name, parent, code in rows["units"]:
                if level not in _LEVELS or type(name) is not str or not (code is None or type(code) is str) or not -1 <= parent < len(places):
                    raise ValueError(f"not a unit: {level!r} {name!r}")
                g._add(Place(level, name, (*places[parent].path, name) if parent >= 0 else (name,), code))
            for name in _ROWED:
                index = rows["indexes"][name]
                if not all(type(k) is str and all(type(i) is int and i >= 0 for i in ps) for k, ps in index.items()):
                    raise ValueError(f"not an index of rows: {name}")
                setattr(g, name, defaultdict(list, {k: [places[i] for i in ps] for k, ps in index.items()}))
            g._text = text = rows["text"]
            g._villages = {tuple(town): (held[0], held[1]) if held and type(held[0]) is int else list(held)
                           for town, held in rows["villages"]}
            if type(text) is not str or not all(type(n) is str for town in g._villages for n in town) or not all(
                    0 <= held[0] <= held[1] <= len(text) if type(held) is tuple else all(type(n) is str for n in held)
                    for held in g._villages.values()):
                raise ValueError("not a gazetteer's text and towns")
        except (KeyError, IndexError, TypeError, ValueError) as e:
            raise ValueError(f"not a gazetteer's rows: {e}") from e
        return g

    def lookup(self, name: str, level: str | None = None) -> list[Place]:
        """Units with this exact official name (and level)."""
        return [p for p in self.by_name.get(name, ()) if level is None or p.level == level]

    def district(self, name: str) -> list[Place]:
        """Districts and counties by full (中原区) or short (中原, 管城区) name, or by a county's name since made a
        district or a city (晋宁县: 晋宁区; 新郑县: 新郑市)."""
        full = self.lookup(name, "District") or [p for p in self.short.get(name, ()) if p.level == "District"]
        if full or len(name) < 3 or not name.endswith("县"):
            return full
        return [p for p in self.short.get(name[:-1], ()) if p.level == "District" and p.name in (name[:-1] + "区", name[:-1] + "市")]

    def page_context(self, names: Iterable[str]) -> PageContext:
        """The context of a page whose items name the districts `names`."""
        found = {name: self.district(name) for name in names}
        return PageContext(tuple(p for ps in found.values() for p in ps), tuple(ps[0] for ps in found.values() if len(ps) == 1))

    def city(self, name: str) -> list[Place]:
        full = self.lookup(name, "City")
        return full or [p for p in self.short.get(name, ()) if p.level == "City"]

    def towns(self, name: str) -> list[Place]:
        """Street offices and towns by name, matching any printed form of the suffix."""
        out = [p for p in self.by_name.get(name, ()) if p.level in ("StreetOffice", "Town")]
        if out:
            return out
        return list(self.town_stems.get(stem(name, (*STREET_OFFICE_WORDS, *TOWN_WORDS)), ()))

    @functools.cached_property
    def region_heads(self) -> re.Pattern[str]:
        """A search for the first two characters of any region's name of two or three characters (河南, 郑州市).

        One branch a first character, its second characters a class: re tests
        a position's first character against them all at once, in C.
        """
        seconds: dict[str, set[str]] = defaultdict(set)
        for name in self.regions:
            if 2 <= len(name) <= 3:
                seconds[name[0]].add(name[1])
        return re.compile("|".join(re.escape(a) + "[" + "".join(map(re.escape, sorted(b))) + "]" for a, b in sorted(seconds.items()))
                          or "(?!)")

    def villages_of(self, town: Place) -> list[Place]:
        """The communities and villages of a street office or town."""
        return [Place(village_level(n), n, (*town.path, n)) for n in self._names(town.path)]

    def villages_under(self, place: Place, name: str) -> list[Place]:
        """Communities or villages called `name` anywhere under `place` (a district or town)."""
        out = []
        n = len(place.path)
        for tpath in self._villages:
            if tpath[:n] == place.path and name in self._names(tpath):
                out.append(Place(village_level(name), name, (*tpath, name)))
        return out


_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # what str.splitlines ends a line at, but "\n"


def _text() -> str:
    """jionlp's file, its lines ended by "\n" alone."""
    text = _file_text().replace("\r\n", "\n")  # jionlp's ends its lines so: a tenth of splitlines' time
    return "\n".join(text.splitlines()) if _OTHER_BREAKS.search(text) else text


def _file_text() -> str:
    import zipfile
    from importlib.util import find_spec

    spec = find_spec("jionlp")
    if spec is None or spec.origin is None:
        raise RuntimeError("jionlp is not installed; it provides the administrative gazetteer")
    from pathlib import Path

    folder = Path(spec.origin).parent / "dictionary"
    txt = folder / "china_location.txt"
    if txt.exists():
        return txt.read_text(encoding="utf-8")
    with zipfile.ZipFile(folder / "china_location.zip") as z:
        return z.read("china_location.txt").decode("utf-8")


class Kept(Protocol):
    """Where a build keeps the gazetteer's rows between runs (graph.cache.GazetteerEntry)."""

    def load(self) -> dict: ...

    def store(self, rows: dict) -> None: ...


_loaded: list[Gazetteer] = []  # the process's gazetteer, once loaded


def load(kept: Kept | None = None) -> Gazetteer:
    """The gazetteer, built from jionlp's data on first use (read, not imported: no banner), or from the rows `kept`
    holds (in about a third of the time); kept there when it is built.

    The cycle collector is paused meanwhile: the build makes a hundred
    thousand objects that live on and make no cycle, and the collector's
    passes over them took a third of its time.
    """
    if not _loaded:
        with collector.paused():
            _loaded.append(_made(kept))
    return _loaded[0]


def _made(kept: Kept | None) -> Gazetteer:
    if kept is not None and (rows := kept.load()):
        try:
            return Gazetteer.of_rows(rows)
        except ValueError as e:
            log.warning("the kept gazetteer is not usable (%s); it is read again from jionlp's file", e)
    g = Gazetteer(_text())
    if kept is not None:
        try:
            kept.store(g.rows())
        except KeyError:  # a unit whose parent is no unit (no such file from jionlp so far): nothing kept
            log.warning("the gazetteer has a unit without its parent; it is not kept for the next build")
    return g


def forget() -> None:
    """Let the gazetteer go (63 MB): the next `load` builds it again."""
    _loaded.clear()


def a_city_or_county(name: str) -> bool:
    """郑州, 新郑, 金水区: the name of a city or county, full or short."""
    g = load()
    return bool(g.city(name) or g.district(name))

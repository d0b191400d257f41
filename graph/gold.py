"""Gold: a folder of gold annotations (docs/gold-format.md) -> Gold, what the annotators put in the graph.

One JSON file a page: its articles, each with the entities it names (name,
aliases, type, parent, roles), its credits and its events. An entity is
known by all the names the gold gives it across the pages; graph.score
compares a built graph with it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import GoldError

CLASSES = ("City", "District", "StreetOffice", "Town", "Community", "Village", "Organization", "Person")
ADMIN = frozenset(CLASSES[:6])
PRESS_TITLES = frozenset({"记者", "通讯员", "本报记者"})  # a credit, not a post

Names = frozenset[str]  # an entity as the set of its (whitespace-free) names


def norm(s: str | None) -> str:
    """A name without whitespace (line breaks inside names are the page's, not the name's).

    >>> norm(" 秦岭路 街道 "), norm(None)
    ('秦岭路街道', '')
    """
    return re.sub(r"\s+", "", s or "")


class NameIndex:
    """Entities of the gold as typed sets of names; a new entity joins the first one of its class sharing a name."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, Names]] = []

    def add(self, cls: str, names: Iterable[str]) -> None:
        new = frozenset(n for n in map(norm, names) if n)
        for i, (c, known) in enumerate(self.entries):
            if c == cls and known & new:
                self.entries[i] = (c, known | new)
                return
        self.entries.append((cls, new))

    def find(self, cls: str | None, name: str) -> Names | None:
        """The first entity (of `cls`, or of any class) that has `name`."""
        n = norm(name)
        return next((s for c, s in self.entries if (cls is None or c == cls) and n in s), None)

    def of_class(self, cls: str) -> list[Names]:
        return [s for c, s in self.entries if c == cls]


@dataclass
class Gold:
    """What the annotators put in the graph: entities, posts, containment and articles (with credits and events)."""

    names: NameIndex = field(default_factory=NameIndex)
    informal: list[Names] = field(default_factory=list)  # 李阿姨, 王区长: predicting them costs nothing
    posts: set[tuple[Names, str, Names | None]] = field(default_factory=set)
    containment: set[tuple[Names, Names]] = field(default_factory=set)
    parent_of: dict[Names, Names] = field(default_factory=dict)
    articles: list[dict[str, Any]] = field(default_factory=list)  # in file order, then reading order
    sources: list[str] = field(default_factory=list)  # the page file each gold document annotates


def load_gold(folder: str | Path, pages: Callable[[str], bool] | None = None) -> Gold:
    """Read a folder of gold JSON files; `pages`, if given, keeps only the documents whose source it accepts."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder}: no such folder of gold annotations (*.json, see docs/gold-format.md)")
    docs = []
    for f in sorted(folder.glob("*.json")):
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
            source, articles = str(doc["source"]), list(doc["articles"])
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise GoldError(f"{f}: cannot be read as UTF-8 JSON ({e}); fix or remove it") from e
        except (KeyError, TypeError) as e:
            raise GoldError(f"{f}: a gold document needs \"source\" and \"articles\" (see docs/gold-format.md)") from e
        _check(f, articles)
        if pages is None or pages(source):
            docs.append((source, articles))
    if not docs:
        what = "no *.json gold document" if pages is None else "no gold document for the pages chosen"
        raise GoldError(f"{folder}: {what} (see docs/gold-format.md)")
    gold = Gold(sources=[s for s, _ in docs])
    for _, articles in docs:
        for art in articles:
            for ent in art.get("entities", []):
                forms = [ent["name"], *ent.get("aliases", [])]
                if ent.get("informal"):
                    gold.informal.append(frozenset(n for n in map(norm, forms) if n))
                else:
                    gold.names.add(ent["type"], forms)
            gold.articles.append(art)
    # relations, once every entity is known by all its names
    find = gold.names.find
    for art in gold.articles:
        for ent in art.get("entities", []):
            if ent.get("informal"):
                continue
            child, parent = find(ent["type"], ent["name"]), find(None, ent["parent"]) if ent.get("parent") else None
            if child and parent:
                gold.parent_of.setdefault(child, parent)
                if ent["type"] in ADMIN:
                    gold.containment.add((child, parent))
            if ent["type"] != "Person":
                continue
            person = find("Person", ent["name"])
            for r in ent.get("roles", []):
                title = norm(r.get("title", ""))
                if person and title not in PRESS_TITLES:
                    gold.posts.add((person, title, find(None, r["org"]) if r.get("org") else None))
    return gold


def _check(path: Path, articles: list) -> None:
    """GoldError, naming the file and the article, for what the scores cannot read."""
    for i, art in enumerate(articles, start=1):
        where = f"{path}: article {art.get('id', i) if isinstance(art, dict) else i}"
        if not isinstance(art, dict):
            raise GoldError(f"{where} is not an object (see docs/gold-format.md)")
        for ent in art.get("entities", []):
            if not isinstance(ent, dict) or not isinstance(ent.get("name"), str) or ent.get("type") not in CLASSES:
                raise GoldError(f"{where}: entity {ent!r} needs a \"name\" and a \"type\" among {', '.join(CLASSES)}")
            for r in ent.get("roles", []):
                if not isinstance(r, dict) or "title" not in r:
                    raise GoldError(f"{where}: a role of {ent['name']} needs a \"title\" (and an \"org\" or null)")
        for ev in art.get("events", []):
            if not isinstance(ev, dict) or not isinstance(ev.get("name"), str):
                raise GoldError(f"{where}: event {ev!r} needs a \"name\"")


__all__ = ["CLASSES", "Gold", "NameIndex", "Names", "load_gold", "norm"]

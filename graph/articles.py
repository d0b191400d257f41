"""Articles across pages: each page's articles -> the corpus's, every article once and under an id of its own.

An article's id comes from its page's file name (`A08-01`), so two pages
can give one id; and the same item can be printed on several pages. The
build keeps such articles apart or together here, before resolution.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from pathlib import Path

from graph.model import Article, ArticleFacts, PageResult
from graph.spill import Spill, Spilled


def without_id_clashes(path: Path, r: PageResult, ids: dict[str, tuple[Path, str]]) -> PageResult:
    """Keep a same-named page's items apart from another page's: qualify their ids.

    Article ids come from file names, so two pages with one name in two
    folders (a/A08.txt and b/A08.txt) give the same ids, and one node for two
    articles would mix their facts. The later page's items then take ids
    qualified by a digest of the page's bytes (`A08-3f2a1c-01`), the same on
    every run whatever the paths. (Different names that give one id are told
    apart by unique_ids.) The same item printed on both (the same body) is not
    a clash: it is the same article, kept once. `ids` maps each (file name,
    id) taken so far to its page and body; it is updated.
    """
    mine = {f.article.id: _spaceless(f.article.body) for f in r.facts}
    taken = {i: ids[f"{r.name}|{i}"] for i in mine if f"{r.name}|{i}" in ids}
    if any(body != mine[i] for i, (_, body) in taken.items()):
        try:  # the bytes the result was made from, not those the file may hold by now
            tag = (r.digest or hashlib.sha1(path.read_bytes()).hexdigest())[:6]
        except OSError:
            tag = hashlib.sha1(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:6]
        facts = []
        for f in r.facts:
            stem, n = f.article.id.rsplit("-", 1)
            facts.append(_with_id(f, f"{stem}-{tag}-{n}"))
        return dataclasses.replace(r, facts=tuple(facts))
    for i, body in mine.items():
        ids.setdefault(f"{r.name}|{i}", (path, body))
    if taken:  # the same items under the same ids: printed already
        return dataclasses.replace(r, facts=tuple(f for f in r.facts if f.article.id not in taken))
    return r


def unique_ids(facts: list[ArticleFacts]) -> list[ArticleFacts]:
    """Article ids stay unique when two files share a stem once their hash is dropped.

    000_aaaaaaaaaaaaaaaa.txt and 000_bbbbbbbbbbbbbbbb.txt both give 000-01;
    those files' articles then use their full file stem.
    """
    sources: dict[str, set[str]] = {}
    for f in facts:
        sources.setdefault(f.article.id, set()).add(f.article.source_file)
    clash = {sf for ids in sources.values() if len(ids) > 1 for sf in ids}
    if not clash:
        return facts
    out = []
    for f in facts:
        a = f.article
        if a.source_file not in clash:
            out.append(f)
            continue
        out.append(_with_id(f, f"{Path(a.source_file).stem}-{a.id.rsplit('-', 1)[1]}"))
    return out


def _with_id(f: ArticleFacts, new_id: str) -> ArticleFacts:
    """An article's facts under another id: the article's and its mentions'."""
    mentions = tuple(dataclasses.replace(m, article_id=new_id) for m in f.mentions)
    return dataclasses.replace(f, article=dataclasses.replace(f.article, id=new_id), mentions=mentions)


def dedupe_articles(facts: list[ArticleFacts]) -> list[ArticleFacts]:
    """An item printed on several pages (same body) is one article with all its sources (`Articles`, all at once)."""
    articles = Articles()
    new = articles.new(facts)  # each new article's facts, as `articles.kept` holds the article with every source
    return [f if f.article is a else dataclasses.replace(f, article=a) for f, a in zip(new, articles.kept, strict=True)]


def _spaceless(body: str) -> str:
    """`body` without whitespace: str.split's whitespace is re's \\s, code point by code point (tests/test_articles.py),
    at a third of its time."""
    return "".join(body.split())


class Articles:
    """`dedupe_articles` as the articles come, keeping the articles but not their facts.

    A body is found again by a digest of its text (and compared in full), so
    the bodies are not held twice. Given a `spill`, not even once: each kept
    article's body is written to it, the article kept with an empty one and
    `bodies` giving its handle by the article's id.
    """

    def __init__(self, spill: Spill | None = None) -> None:
        self.kept: list[Article] = []
        self.bodies: dict[str, Spilled | str] = {}  # a text, where the spill could not take it
        self._by_body: dict[bytes, int] = {}
        self._spill = spill

    def new(self, facts: Iterable[ArticleFacts]) -> list[ArticleFacts]:
        """The facts of the articles not printed before; an article printed before adds its sources to the first."""
        facts = list(facts)
        return [f for f, first in zip(facts, self.first_printed(f.article for f in facts), strict=True) if first]

    def first_printed(self, articles: Iterable[Article]) -> list[bool]:
        """Whether each article is printed here first (then kept), or was printed before (then it adds its sources to
        the first printing's)."""
        out = []
        for a in articles:
            key = _spaceless(a.body)
            digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).digest() if len(key) >= 40 else None
            at = self._by_body.get(digest) if digest is not None else None
            if at is not None and _spaceless(self._body(self.kept[at])) == key:
                first = self.kept[at]
                self.kept[at] = dataclasses.replace(first, sources=tuple(sorted({*first.sources, *a.sources})))
                out.append(False)
                continue
            if digest is not None:
                self._by_body.setdefault(digest, len(self.kept))
            self.kept.append(self._kept(a))
            out.append(True)
        return out

    def _kept(self, a: Article) -> Article:
        if self._spill is None:
            return a
        self.bodies[a.id] = self._spill.put(a.body)
        return dataclasses.replace(a, body="")

    def _body(self, a: Article) -> str:
        """A kept article's body, read back if it was spilled."""
        return str(self.bodies[a.id]) if a.id in self.bodies else a.body


__all__ = ["without_id_clashes", "unique_ids", "dedupe_articles", "Articles"]

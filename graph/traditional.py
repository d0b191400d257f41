"""Printed forms: a traditional-character page's facts -> the same facts with the printed names as aliases.

read.py converts a traditional-character page to simplified characters, one
character for one, so that the extractors and the gazetteer (all simplified)
match it; `Page.original` keeps the text as printed. Because the conversion
keeps every offset, the printed form of any simplified string is the slice
of `Page.original` where the string sits in `Page.text`. This module adds
those printed forms to the page's entities, so the canonical label is the
simplified name and what the page printed is a skos:altLabel.

>>> page = Page("p.txt", "秦岭路街道办事处召开会议", converted=True, original="秦嶺路街道辦事處召開會議")
>>> printed_forms(page, "秦岭路街道")
('秦嶺路街道',)
"""

from __future__ import annotations

import dataclasses
import re

from graph.model import ArticleFacts, LocalEntity, Page, Post

_SPACE = re.compile(r"\s")


def printed_forms(page: Page, text: str) -> tuple[str, ...]:
    """The forms `text` (simplified) is printed in on `page` that differ from it, sorted.

    A name may be cut by a line break in column text (`秦岭路街\\n道`), so
    white space between its characters is allowed and left out of the result.
    """
    if not page.converted or not text or len(page.original) != len(page.text):
        return ()
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return ()
    pattern = re.compile(r"\s*".join(re.escape(c) for c in chars))
    found: set[str] = set()
    for m in pattern.finditer(page.text):
        printed = "".join(
            page.original[i] for i in range(m.start(), m.end()) if not _SPACE.match(page.text[i])
        )
        if printed != "".join(chars):
            found.add(printed)
    return tuple(sorted(found))


def printed_text(page: Page, text: str) -> str:
    """`text` (simplified, normalized from the page) in the characters the page printed.

    Each line of `text` is found in `Page.text` with white space allowed
    between its characters (normalizing rejoined broken lines), and each of
    its characters is replaced by the printed one at the same offset, with the
    reading printed after it (長(zhǎng)), if any. A line that cannot be found is
    left as it is.
    """
    if not page.converted or not text or len(page.original) != len(page.text):
        return text
    out = []
    for line in text.split("\n"):
        chars = [(i, c) for i, c in enumerate(line) if not c.isspace()]
        if not chars:
            out.append(line)
            continue
        pattern = re.compile(r"\s*".join("(" + re.escape(c) + ")" for _, c in chars))
        m = pattern.search(page.text)
        if m is None:
            out.append(line)
            continue
        printed = list(line)
        glosses = dict(page.glosses)
        for k, (i, _) in enumerate(chars, start=1):
            printed[i] = page.original[m.start(k)] + glosses.get(m.start(k), "")
        out.append("".join(printed))
    return "\n".join(out)


def with_printed_forms(page: Page, facts: list[ArticleFacts]) -> list[ArticleFacts]:
    """A converted page's facts as printed: entity names gain their printed forms as aliases,
    and headlines, bodies, mentions, event names and evidence keep the printed characters."""
    if not page.converted:
        return facts
    out = []
    for f in facts:
        a = f.article
        article = dataclasses.replace(a, headline=printed_text(page, a.headline), body=printed_text(page, a.body))
        text = article.text
        mentions = tuple(dataclasses.replace(m, text=text[m.start : m.end]) for m in f.mentions)
        posts = tuple(_printed_post(page, p) for p in f.posts)
        named = {n for e in f.entities for n in (e.name, *e.aliases)}  # a place that is an entity is found by its name
        events = tuple(
            dataclasses.replace(e, name=printed_text(page, e.name), evidence=printed_text(page, e.evidence),
                                location=e.location if e.location in named or e.location is None else printed_text(page, e.location))
            for e in f.events
        )
        entities = tuple(_with_printed(page, e) for e in f.entities)
        out.append(dataclasses.replace(f, article=article, mentions=mentions, entities=entities, posts=posts, events=events))
    return out


def _printed_post(page: Page, p: Post) -> Post:
    """A post with its title and evidence as printed; the simplified title is kept beside it."""
    title = printed_text(page, p.title)
    plain = p.title if title != p.title else ""
    return dataclasses.replace(p, title=title, plain_title=plain, evidence=printed_text(page, p.evidence))


def _with_printed(page: Page, e: LocalEntity) -> LocalEntity:
    forms = {e.name, *e.aliases}
    printed = {p for form in forms for p in printed_forms(page, form)} - forms
    if not printed:
        return e
    own = printed_forms(page, e.name)
    return dataclasses.replace(
        e,
        aliases=tuple(sorted({*e.aliases, *printed})),
        printed=e.printed or (own[0] if own else ""),
    )

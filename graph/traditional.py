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

from graph.model import ArticleFacts, LocalEntity, Page

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


def with_printed_forms(page: Page, facts: list[ArticleFacts]) -> list[ArticleFacts]:
    """Each entity of a converted page gains the forms its names were printed in as aliases."""
    if not page.converted:
        return facts
    out = []
    for f in facts:
        entities = tuple(_with_printed(page, e) for e in f.entities)
        out.append(f if entities == f.entities else dataclasses.replace(f, entities=entities))
    return out


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

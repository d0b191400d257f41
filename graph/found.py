"""What the resolution keeps of the articles' facts as it reads them (graph.resolve): mentions, posts and events.

They are keyed as each article is resolved, by the keys its resolution gave,
and moved to the entities those keys end as (`redirect`) once every page is
read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from graph.model import Event, Membership


class Found:
    """What the corpus keeps of the articles' facts: mentions (one tuple of keys an article), memberships and events."""

    def __init__(self) -> None:
        self.mentions: dict[str, tuple[str, ...]] = {}  # a set of (article, key) pairs took 80 bytes a pair
        self.memberships: list[Membership] = []
        self.events: list[Event] = []

    def add(self, mentions: Iterable[tuple[str, str]], memberships: list[Membership], events: list[Event]) -> None:
        """One article's: its (article, key) mentions, its posts and its events, keyed as its resolution keyed them."""
        for a, k in mentions:
            if k not in (held := self.mentions.get(a, ())):
                self.mentions[a] = (*held, k)
        self.memberships += memberships
        self.events += events

    def mention_pairs(self) -> tuple[tuple[str, str], ...]:
        """The (article, key) pairs, each once, sorted."""
        return tuple(sorted((a, k) for a, keys in self.mentions.items() for k in keys))

    def redirect(self, to: dict[str, str]) -> None:
        """Keys read before the resolution ended (a person's stand-in, a reference that joined an entity since): moved
        to the entities `to` gives them."""
        if not to:
            return

        def key(k: str | None) -> str | None:
            return to.get(k, k) if k else k

        self.mentions = {a: tuple(dict.fromkeys(to.get(k, k) for k in keys)) for a, keys in self.mentions.items()}
        self.memberships = [replace(m, person=to.get(m.person, m.person), org=key(m.org)) for m in self.memberships]
        self.events = [
            replace(e, location=key(e.location), organizers=tuple(to.get(k, k) for k in e.organizers),
                    attendees=tuple(to.get(k, k) for k in e.attendees))
            for e in self.events
        ]


__all__ = ["Found"]

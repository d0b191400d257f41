"""Data model: the frozen records that flow between the pipeline's stages.

read -> Page -> split -> Article -> extract -> ArticleFacts -> resolve -> Corpus.
Every record is immutable and made of tuples, so stages cannot change each
other's data and results can be cached, pickled to worker processes and
compared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Entity classes of the RDF contract (docs/ontology.md), in a fixed order.
ADMIN_TYPES: tuple[str, ...] = ("City", "District", "StreetOffice", "Town", "Community", "Village")
ENTITY_TYPES: tuple[str, ...] = (*ADMIN_TYPES, "Organization", "Person")
# Administrative rank: a child's rank is higher than its parent's.
ADMIN_RANK: dict[str, int] = {
    "Province": 0,
    "City": 1,
    "District": 2,
    "StreetOffice": 3,
    "Town": 3,
    "Community": 4,
    "Village": 4,
}


@dataclass(frozen=True, slots=True)
class Para:
    """One normalized paragraph of a page, with the blank lines printed before it."""

    text: str
    gap: int = 0  # blank lines before this paragraph in the source
    line: int = 0  # 1-based line number of its first line in the source


@dataclass(frozen=True, slots=True)
class Page:
    """One input file, decoded."""

    name: str  # file name, as recorded in nk:sourceFile
    text: str
    encoding: str = "utf-8"
    date: dt.date | None = None  # publication date, from the file name or a manifest
    converted: bool = False  # traditional characters were converted for matching
    original: str = ""  # the text as printed, when conversion changed it (offsets as in `text`)
    glosses: tuple[tuple[int, str], ...] = ()  # pinyin readings printed after the character at each offset
    digest: str = ""  # SHA-1 of the file's bytes as they were read (what the page's cache key is made from)


@dataclass(frozen=True, slots=True)
class Article:
    """One news item of a page: headline, body and credits."""

    id: str  # "<file stem>-<NN>", in reading order
    source_file: str
    headline: str
    body: str  # paragraphs joined by "\n"
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    editors: tuple[tuple[str, str], ...] = ()  # (name, title as printed: 编辑, 责任编辑…)
    section: str = ""  # the page section the item is printed under, e.g. "中原区"
    page_date: dt.date | None = None
    sources: tuple[str, ...] = ()  # every input file that printed this item (duplicates)

    @property
    def text(self) -> str:
        """Headline and body as one string: the text that mention offsets index."""
        return f"{self.headline}\n{self.body}" if self.headline else f"\n{self.body}"

    @property
    def body_offset(self) -> int:
        return len(self.headline) + 1


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article's text that names something of one class."""

    article_id: str
    start: int
    end: int
    text: str
    type: str
    extractor: str  # the id of the rule that found it (unit.gazetteer, person.title…)


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """An entity as a single article knows it (before corpus-wide resolution)."""

    type: str
    name: str  # canonical form within the article
    aliases: tuple[str, ...] = ()  # other printed forms in this article
    parent: str | None = None  # canonical name of the containing unit, as stated by the text
    informal: bool = False  # 李阿姨, 王区长: a reference, not a full name
    printed: str = ""  # how the text printed the canonical form, if different
    rules: tuple[str, ...] = ()  # the rules that found its mentions, sorted
    parent_rule: str | None = None  # the rule that gave it its parent


# The rule id of a post printed as held before the article's day (原…主任X, X曾任…): held, but not on its day, so its
# membership has no org:memberDuring.
FORMER_POST = "post.former"


@dataclass(frozen=True, slots=True)
class Post:
    """A person holding a title, in a body when the text names one."""

    person: str
    title: str
    org: str | None
    evidence: str
    rule: str = ""  # the rule that read it (post.title, post.home-unit…)
    plain_title: str = ""  # the title in simplified characters, when the page printed it otherwise


@dataclass(frozen=True, slots=True)
class EventRecord:
    """A reported occurrence, as one article gives it."""

    name: str
    date: str | None  # "YYYY-MM-DD" or "--MM-DD"
    time_of_day: str | None
    location: str | None  # an entity's canonical name or a printed place
    organizers: tuple[str, ...]
    attendees: tuple[str, ...]
    evidence: str
    rule: str = ""  # the trigger rule that found it (event.active, event.headline…)


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """Everything extraction read from one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    entities: tuple[LocalEntity, ...] = ()
    posts: tuple[Post, ...] = ()
    events: tuple[EventRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class FileReport:
    """A problem with one input file: what, and what the user can do."""

    path: str
    reason: str
    skipped: bool = True


@dataclass(frozen=True, slots=True)
class PageResult:
    """The per-page output of read, split and extract: the unit of parallel work."""

    name: str
    facts: tuple[ArticleFacts, ...] = ()
    report: FileReport | None = None
    digest: str = ""  # the page's Page.digest: the bytes this result was made from ("" when none could be read)


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing, resolved across articles and files."""

    key: str  # identity: the IRI is minted from it
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    parent: str | None = None  # key of the containing unit
    parent_source: str | None = None  # "text" or "gazetteer"
    code: str | None = None  # official administrative code, from the gazetteer
    official_path: str | None = None  # 河南省/郑州市/中原区/秦岭路街道, when the gazetteer placed it
    rules: tuple[str, ...] = ()  # the rules that found its mentions, sorted
    parent_rule: str | None = None  # the rule that placed it in its parent


@dataclass(frozen=True, slots=True)
class Membership:
    person: str  # entity key
    title: str
    org: str | None  # entity key
    article: str
    evidence: str
    rule: str = ""
    plain_title: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    key: str
    name: str
    date: str | None
    time_of_day: str | None
    location: str | None  # entity key ...
    location_text: str | None  # ... or a printed place
    organizers: tuple[str, ...]
    attendees: tuple[str, ...]
    article: str
    evidence: str
    rule: str = ""


# What one article's resolution gives, read alone with its page's context (graph.resolve.Resolver.part): a function of
# the article, its page and the gazetteer, folded into the corpus's entities in reading order (graph.fold). Plain
# values, not records: a page's Parts are kept in the page cache (ResolvedPage) and read back at every rebuild.
PlaceRow = tuple[str, str, tuple[str, ...], str | None]  # an official unit: level, name, path, code (graph.gazetteer.Place)
# an entity as one article's resolution keys it: key, class, name, aliases, parent (its key, source, rule), place, rules
NodeRow = tuple[str, str, str, tuple[str, ...], str | None, str | None, str | None, PlaceRow | None, tuple[str, ...]]
MembershipRow = tuple[str, str, str | None, str, str, str, str]  # a Membership's fields, in order
EventRow = tuple[str, str, str | None, str | None, str | None, str | None, tuple[str, ...], tuple[str, ...], str, str, str]
# nodes; the (body, scope, name) of each person placed once every page is read; the keys mentioned; posts; events
Part = tuple[tuple[NodeRow, ...], tuple[tuple[str, str, str], ...], tuple[str, ...], tuple[MembershipRow, ...],
             tuple[EventRow, ...]]


@dataclass(frozen=True, slots=True)
class ResolvedPage:
    """A page's result as the resolution read it: its items (reprints too) and each one's Part, kept in the cache
    folder (graph.resolved) so that a rebuild folds them instead of reading the page's result and resolving it."""

    key: str  # the page's cache key (graph.cache.PageCache): of its bytes, name and options, and the code's version
    name: str
    articles: tuple[Article, ...]
    parts: bytes  # each article's Part, in order, as plain msgpack (graph.fold.packed): read back by graph.fold.unpacked
    report: FileReport | None = None
    digest: str = ""


@dataclass(frozen=True, slots=True)
class Corpus:
    """The resolved corpus: what the network module turns into a graph."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    memberships: tuple[Membership, ...]
    events: tuple[Event, ...]
    mentions: tuple[tuple[str, str], ...] = ()  # (article id, entity key)
    reports: tuple[FileReport, ...] = field(default=())

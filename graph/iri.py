"""IRIs: the only place instance IRIs are minted, as a pure function of identity.

An entity's IRI is `<base><class>/<pinyin of its name>-<12 hex digits of its
identity key>` (`graph.keys.Key`): readable, ASCII (so it parses everywhere and survives URL
handling), and the same for the same identity in every run and corpus.
The hash keeps homophones (秦岭路 / 琴岭路) and namesakes in different
places apart: 48 bits, because a city's decade of news has thousands of
namesakes of one slug (李阿姨 is someone else in every story), and 6 hex
digits (24 bits) gave two of them one IRI in a corpus of 80 MB.
`graph.network` still checks that no two nodes share an IRI.
"""

from __future__ import annotations

import functools
import hashlib
import re

from graph.keys import Key

DEFAULT_BASE = "https://w3id.org/newskg/id/"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_NOT_IN_AN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')  # RFC 3987: spaces, controls and these delimiters


def check_base(base: str) -> str:
    """`base` itself when every instance IRI can start with it; else ValueError saying what to change.

    It must be an absolute IRI (a scheme first, such as https:) with no
    character an IRI cannot hold, ending in / or #: the IRIs are the base
    and a path after it (person/..., event/...).

    >>> check_base("https://example.org/kg/")
    'https://example.org/kg/'
    >>> check_base("https://example.org/kg")
    Traceback (most recent call last):
    ValueError: 'https://example.org/kg' does not end in / or #: every IRI would run on from its last segment (https://example.org/kgperson/...); try 'https://example.org/kg/'
    """
    if not _SCHEME.match(base):
        raise ValueError(f"{base!r} is not an absolute IRI: it needs a scheme first, as in {DEFAULT_BASE!r}")
    bad = _NOT_IN_AN_IRI.search(base)
    if bad:
        as_escape = f", as %{ord(bad.group()):02X}" if bad.group() < "\x80" else ""
        raise ValueError(f"{base!r} holds {bad.group()!r}, which no IRI can hold (percent-encode it{as_escape})")
    if not base.endswith(("/", "#")):
        raise ValueError(f"{base!r} does not end in / or #: every IRI would run on from its last segment "
                         f"({base}person/...); try {base + '/'!r}")
    import pyoxigraph  # the IRI grammar itself (percent escapes, hosts, ports, a second #): as the store will read it

    try:
        pyoxigraph.NamedNode(base + "person/x")
    except ValueError as e:
        raise ValueError(f"{base!r} does not make IRIs an RDF store reads ({e})") from None
    return base

CLASS_PATH = {
    "City": "city",
    "District": "district",
    "StreetOffice": "street-office",
    "Town": "town",
    "Community": "community",
    "Village": "village",
    "Organization": "organization",
    "Person": "person",
    "Event": "event",
    "Article": "article",
    "Membership": "membership",
    "Role": "role",
}


@functools.cache
def _pinyin():
    from pypinyin import lazy_pinyin

    return lazy_pinyin


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words of a name: 秦岭路街道 -> qin-ling-lu-jie-dao."""
    if limit == 60 and text in _SLUGS:
        _USED.add(text)
        return _SLUGS[text]
    words = _pinyin()(text, errors=lambda s: [c for c in s])
    parts = [re.sub(r"[^a-z0-9]", "", w.lower()) for w in words]
    out = "-".join(p for p in parts if p)[:limit].strip("-") or "x"
    if limit == 60:
        _SLUGS[text] = out
        _USED.add(text)
    return out


# name -> slug: pinyin takes most of the time of minting IRIs, so a rebuild starts from the last build's slugs
_SLUGS: dict[str, str] = {}
_USED: set[str] = set()  # the names slugged since `use_slugs`
_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?|x")


def use_slugs(known: dict) -> None:
    """Take `known` (name -> slug, as `slugs_used` gave them, the same code's) as slugged; those that are not slugs are left out."""
    _SLUGS.update((k, v) for k, v in known.items() if isinstance(k, str) and isinstance(v, str) and _SLUG.fullmatch(v))
    _USED.clear()


def slugs_used() -> dict[str, str]:
    """The names slugged since `use_slugs` (or since this process started), with their slugs."""
    return {k: _SLUGS[k] for k in _USED}


def digest(key: str, n: int = 6) -> str:
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:n]  # a lone surrogate must not crash minting


KEY_DIGITS = 12  # hex digits of an identity key in an entity's or a role's IRI


def entity_iri(base: str, type_: str, name: str, key: str) -> str:
    return f"{base}{CLASS_PATH[type_]}/{slug(name)}-{digest(key, KEY_DIGITS)}"


def _safe_tail(text: str) -> str:
    """`text` when it is IRI-safe ASCII, else its ASCII characters with a digest of the whole.

    File names like 郑州晚报A08.txt give article ids that would all come out
    as dashes; the digest keeps them apart.
    """
    safe = re.sub(r"[^A-Za-z0-9._-]", "-", text)
    return safe if safe == text else f"{safe}-{digest(text)}"


def article_iri(base: str, article_id: str) -> str:
    return f"{base}article/{_safe_tail(article_id)}"


def event_iri(base: str, key: str) -> str:
    tail = "-".join(Key.parse(key).parts)
    return f"{base}event/{_safe_tail(tail)}"


def membership_iri(base: str, person: str, title: str, org: str | None, article: str) -> str:
    return f"{base}membership/{digest(f'{person}|{title}|{org}|{article}', 12)}"


def role_iri(base: str, title: str) -> str:
    return f"{base}role/{slug(title)}-{digest('Role:' + title, KEY_DIGITS)}"


def instant_iri(base: str, day: str) -> str:
    """A day as an OWL-Time instant: `<base>date/2023-03-20` (every fact of that day shares it)."""
    return f"{base}date/{_safe_tail(day)}"


def interval_iri(base: str, first: str, last: str) -> str:
    """The days from `first` to `last` as an OWL-Time interval: `<base>interval/2023-03-20_2023-06-01`."""
    return f"{base}interval/{_safe_tail(first)}_{_safe_tail(last)}"

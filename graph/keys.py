"""Identity keys: what makes two mentions one thing, as a small frozen type.

A key is a kind and a path of parts, printed `Kind:part/part/…/name`:

| key | reads |
|---|---|
| `StreetOffice:河南省/郑州市/中原区/秦岭路街道` | the official unit the gazetteer places |
| `Community:StreetOffice:…/秦岭路街道/西岗社区` | a unit the gazetteer lacks, under its printed parent's key |
| `Community:?郑州市/中原区/某社区` | a unit with no parent, under its article's district (`?`: not placed) |
| `Organization:郑州市中原区人民政府` | a body whose name says where it is |
| `Organization:郑州市/中原区/建设局` | a body qualified by its article's district |
| `Person:press/王磊` | a reporter, one across the corpus |
| `Person:zzwb-a08-03/李阿姨` | someone known only in one story |
| `Event:zzwb-a08-03/01` | the first event of an article |

The printed form is the identity: IRIs are minted from it (`graph.iri`), so
it must never change for the same thing. `format` and `parse` are the only
places that know the punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNPLACED = "?"  # marks a scope that could not be tied to a place
PRESS = "press"  # the scope of people credited on a page
_KINDS = re.compile(r"[A-Za-z]+:")  # the kinds in a key's printed form (Community:District:河南省/… holds two)


@dataclass(frozen=True, slots=True)
class Key:
    """A kind and its parts; a part holding `/` (another key, a path) is split, so equal text is an equal key."""

    kind: str
    parts: tuple[str, ...]

    def __post_init__(self) -> None:
        if "/" in "".join(self.parts):  # the parts joined and split again: each split at its `/`s, in order
            object.__setattr__(self, "parts", tuple("/".join(self.parts).split("/")))

    # -------------------------------------------------------------- makers
    @classmethod
    def of(cls, kind: str, *parts: str) -> Key:
        """`Key.of("Event", "a1", "01")` -> `Event:a1/01`; empty parts are left out."""
        return cls(kind, tuple(p for p in parts if p))

    @classmethod
    def official(cls, kind: str, path: tuple[str, ...]) -> Key:
        """An official unit, by its gazetteer path."""
        return cls(kind, tuple(path))

    @classmethod
    def under(cls, kind: str, parent: str, name: str) -> Key:
        """A thing by its name under another key (a unit under its printed parent)."""
        return cls(kind, (parent, name))

    @classmethod
    def unplaced(cls, kind: str, scope: str, name: str) -> Key:
        """A thing under a scope that is not a place it was tied to: `Kind:?scope/name`."""
        return cls(kind, (UNPLACED + scope, name))

    @classmethod
    def in_scope(cls, kind: str, scope: str, name: str) -> Key:
        """A thing named within a scope: a district path, an article, the press; no scope is unplaced."""
        return cls(kind, (scope, name)) if scope else cls.unplaced(kind, "", name)

    @classmethod
    def press(cls, name: str) -> Key:
        return cls("Person", (PRESS, name))

    # -------------------------------------------------------------- text
    def format(self) -> str:
        return f"{self.kind}:{'/'.join(self.parts)}"

    __str__ = format

    @classmethod
    def parse(cls, text: str) -> Key:
        kind, sep, rest = text.partition(":")
        if not sep or not kind:
            raise ValueError(f"not an identity key: {text!r}")
        return cls(kind, tuple(rest.split("/")))

    # -------------------------------------------------------------- reading
    @property
    def name(self) -> str:
        return self.parts[-1] if self.parts else ""

    @property
    def loose(self) -> bool:
        """True when some scope on the way up was not tied to a place (a `?` anywhere in the key): `loose_text` of its
        printed form, the one place the rule is written."""
        return Key.loose_text(self.format())

    @staticmethod
    def in_scope_of(loose: str, placed: str) -> bool:
        """Whether the key tied to a place `placed` lies in the scope of `loose`, one not tied to a place (printed forms
        both): `Community:?河南省/开封市/文庙社区` is no `Community:河南省/郑州市/金水区/…/文庙社区`; a scope that is
        none, or another key's (a unit under a printed parent not placed), says nothing against it.

        >>> Key.in_scope_of("Community:?河南省/开封市/青莲社区", "Community:District:河南省/郑州市/金水区/青莲社区")
        False
        >>> Key.in_scope_of("Community:?河南省/郑州市/青莲社区", "Community:District:河南省/郑州市/金水区/青莲社区")
        True
        """
        rest = loose.partition(":")[2]
        if not rest.startswith(UNPLACED) or ":" in rest or "/" not in rest:
            return True
        scope = rest[len(UNPLACED):].rsplit("/", 1)[0]
        return not scope or _KINDS.sub("", placed.partition(":")[2]).startswith(scope + "/")  # (a parent's key in it too)

    @staticmethod
    def loose_text(text: str) -> bool:
        """`Key.parse(text).loose`, read from the text without making the key (asked of every entity's key).

        >>> [Key.loose_text(k) for k in ("Community:?郑州市/中原区/某社区", "Community:StreetOffice:?郑州市/秦岭路街道/西岗社区",
        ...                              "Person:press/王磊", "StreetOffice:河南省/郑州市/中原区/秦岭路街道")]
        [True, True, False, False]
        """
        rest = text.partition(":")[2]
        return rest.startswith(UNPLACED) or "/" + UNPLACED in rest or ":" + UNPLACED in rest

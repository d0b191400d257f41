"""Identity keys: one printed form per identity, parsed back to the same key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.iri import event_iri
from graph.keys import Key

_PART = st.text(alphabet="秦岭路街道中原区社区甲乙abc-_0123456789", min_size=1, max_size=8)


@pytest.mark.parametrize(
    "key, text",
    [
        (
            Key.official("StreetOffice", ("河南省", "郑州市", "中原区", "秦岭路街道")),
            "StreetOffice:河南省/郑州市/中原区/秦岭路街道",
        ),
        (Key.unplaced("Community", "河南省/郑州市/中原区", "某社区"), "Community:?河南省/郑州市/中原区/某社区"),
        (Key.unplaced("Community", "", "某社区"), "Community:?/某社区"),
        (Key.in_scope("Organization", "", "建设局"), "Organization:?/建设局"),
        (Key.in_scope("Organization", "河南省/郑州市/中原区", "建设局"), "Organization:河南省/郑州市/中原区/建设局"),
        (Key.of("Organization", "郑州市中原区人民政府"), "Organization:郑州市中原区人民政府"),
        (Key.press("王磊"), "Person:press/王磊"),
        (Key.of("Event", "zzwb-a08-03", "01"), "Event:zzwb-a08-03/01"),
    ],
)
def test_each_maker_prints_the_documented_form(key: Key, text: str) -> None:
    assert key.format() == text == str(key)
    assert Key.parse(text) == key


def test_a_unit_under_a_printed_parent_nests_the_parents_key() -> None:
    parent = Key.official("StreetOffice", ("河南省", "郑州市", "中原区", "秦岭路街道"))
    child = Key.under("Community", parent.format(), "西岗社区")
    assert child.format() == "Community:StreetOffice:河南省/郑州市/中原区/秦岭路街道/西岗社区"
    assert child.name == "西岗社区"
    assert not child.loose


def test_loose_follows_an_unplaced_scope_up_the_chain() -> None:
    parent = Key.unplaced("StreetOffice", "", "某街道")
    assert parent.loose
    assert Key.under("Community", parent.format(), "某社区").loose
    assert not Key.press("王磊").loose


@given(st.sampled_from(["City", "Community", "Person", "Event"]), st.lists(_PART, min_size=1, max_size=5))
def test_parse_inverts_format(kind: str, parts: list[str]) -> None:
    key = Key(kind, tuple(parts))
    assert Key.parse(key.format()) == key


_SCOPED = st.one_of(_PART, st.builds(lambda p: "?" + p, _PART), st.builds(lambda a, b: f"{a}/{b}", _PART, _PART),
                    st.builds(lambda a, b: f"{a}/?{b}", _PART, _PART))


@given(st.lists(st.tuples(st.sampled_from(["of", "under", "unplaced", "in_scope", "official"]),
                          st.sampled_from(["StreetOffice", "Community", "Person"]), _SCOPED, _PART),
                min_size=1, max_size=4))
def test_loose_read_from_the_text_is_the_key_s(chain: list[tuple[str, str, str, str]]) -> None:
    """`Key.loose_text` (what the resolution asks of every key) answers as the parsed key does, keys nested in keys
    (a unit under its printed parent's key) and parts with `/` or a `?` inside them included."""
    text = ""
    for maker, kind, scope, name in chain:
        parent = text or scope
        if maker == "official":
            key = Key.official(kind, (*parent.split("/"), name))
        else:
            key = getattr(Key, maker)(kind, parent, name)
        text = key.format()
        assert Key.loose_text(text) == key.loose == Key.parse(text).loose
        assert Key.parse(text) == key


@given(st.lists(st.one_of(_PART, _SCOPED, st.just("")), min_size=1, max_size=5))
def test_a_part_holding_a_slash_is_split_there_and_only_there(parts: list[str]) -> None:
    assert Key("Community", tuple(parts)).parts == tuple(q for p in parts for q in p.split("/"))


@pytest.mark.parametrize("text", ["", "no colon", ":lost kind"])
def test_parse_refuses_text_that_is_not_a_key(text: str) -> None:
    with pytest.raises(ValueError, match="not an identity key"):
        Key.parse(text)


def test_an_events_iri_is_its_key_parts_joined() -> None:
    assert event_iri("https://example.org/", Key.of("Event", "a1", "02").format()) == "https://example.org/event/a1-02"

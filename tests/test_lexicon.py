"""The lexicon's invariants: every word list once, no word that cannot change a result."""

from __future__ import annotations

import re

import pytest

from graph import lexicon
from graph.lexicon import BODY_WORDS, INFORMAL_RE, ORG_SUFFIXES, alternation, ends_as_body

WORD_LISTS = {
    name: value
    for name, value in vars(lexicon).items()
    if name.isupper() and isinstance(value, tuple) and all(isinstance(w, str) for w in value)
}


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_no_word_list_repeats_a_word(name: str) -> None:
    words = WORD_LISTS[name]
    assert len(set(words)) == len(words), [w for w in words if words.count(w) > 1]


def test_every_body_word_ends_a_body_name() -> None:
    # a word both accepted and rejected (商场 was; 电视台 was, by 台) can never make a body
    assert [w for w in BODY_WORDS if not ends_as_body("郑州" + w)] == []


@pytest.mark.parametrize("name", ["郑州平台", "社区会场", "爱心", "服务站点", "文化广场", "携手破困局", "打破僵局"])
def test_words_that_only_look_like_bodies_do_not(name: str) -> None:
    assert not ends_as_body(name)


def test_the_suffixes_checked_are_the_shortest_endings_of_the_body_words() -> None:
    assert all(any(w.endswith(s) for s in ORG_SUFFIXES) for w in BODY_WORDS)
    assert not any(s != t and s.endswith(t) for s in ORG_SUFFIXES for t in ORG_SUFFIXES)


@pytest.mark.parametrize(
    "ref, informal",
    [("李阿姨", True), ("王区长", True), ("张先生", True), ("老刘", True), ("张某某", False), ("李建国", False)],
)
def test_an_honorific_after_a_surname_is_informal(ref: str, informal: bool) -> None:
    assert bool(INFORMAL_RE.match(ref)) is informal


def test_alternation_keeps_the_order_given() -> None:
    assert alternation(("街道办事处", "街道")) == "(?:街道办事处|街道)"
    assert re.match(alternation(("街道办事处", "街道")), "街道办事处").group() == "街道办事处"

"""The shortcuts taken for speed give what the plain code they replaced gives, on the edges of their inputs.

Each shortcut is checked against a plain version written here (the code
it replaced, as the specification): the regular expressions led by a
lookahead of their first characters (and the event nouns led by how each
can open), the credit test that strips before it
folds, a known name found again by `str.find`, the bare districts searched
only where a region's name starts, and the character counts done by
`str.encode` and regex classes instead of loops over characters.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph import credits
from graph.blocks import stands_alone
from graph.extract import events, places
from graph.extract.bodies import _ends_body
from graph.extract.body_words import SPLIT_SUFFIXES
from graph.extract.dates import DATE_RE
from graph.extract.events import _PASSIVE, _PASSIVE_VERBS, EVENT_NOUN
from graph.extract.people import _known_again, _reading
from graph.extract.spans import Span
from graph.extract.tagger import Token
from graph.extract.units import _REGION_WORDS, _SUFFIX_AFTER_BARE, UnitFinder
from graph.gazetteer import load as load_gazetteer
from graph.lexicon import BAN_VERBS, ORG_SUFFIXES, TITLE_RE, led
from graph.model import Para
from graph.normalize import _FOLD, _ts_table, _width, fold, is_traditional, mend_breaks
from graph.read import _control_free


def _unled(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without the lookahead of first characters that leads it."""
    lead = re.match(r"\(\?=\[[^\]]+\]\)", pattern.pattern)
    assert lead is not None, "the pattern is led by a lookahead of its first characters"
    return re.compile(pattern.pattern[lead.end() :])


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


_DATE_TEXT = st.text(alphabet="0123456789０１２３ \u3000\t二〇一九零三十年月日号份本当去前今上午晚上，。在召开", max_size=40)
_TITLE_TEXT = st.text(alphabet="专职常务副主任书记社区党委街道办事处镇长区王李，。、", max_size=30)


@settings(max_examples=500, deadline=None)
@given(_DATE_TEXT)
def test_the_dates_regex_finds_what_it_found_without_its_lead(text: str) -> None:
    folded = fold(text)
    assert _matches(DATE_RE, folded) == _matches(_unled(DATE_RE), folded)


@pytest.mark.parametrize("text", ["　３月５日上午", "今年3月5日", " 2024年 3 月 20 日", "本月22日", "去年十二月三十日晚上", "5日"])
def test_a_date_that_opens_with_a_space_a_year_word_or_a_numeral_is_found_as_before(text: str) -> None:
    folded = fold(text)
    assert _matches(DATE_RE, folded) == _matches(_unled(DATE_RE), folded) != []


@settings(max_examples=500, deadline=None)
@given(_TITLE_TEXT)
def test_the_titles_regex_finds_what_it_found_without_its_lead(text: str) -> None:
    unled = _unled(TITLE_RE)
    assert _matches(TITLE_RE, text) == _matches(unled, text)
    assert [bool(TITLE_RE.match(text, i)) for i in range(len(text))] == [bool(unled.match(text, i)) for i in range(len(text))]


def _credit_text_as_before(text: str) -> str | None:
    s = fold(text).strip().strip("□■●◆▲★◇▼►▶ ")
    if s[:1] == "(" and s[-1:] == ")":
        s = s[1:-1].strip()
        m = credits._CAPTION_CREDIT.search(s)
        if m and m.start(1) > 0:
            s = m.group(1)
    return s if s and len(s) <= 80 else None


@pytest.mark.parametrize("inner", [79, 80, 81])
@pytest.mark.parametrize("pad", ["", "\u3000\u3000", " ■ ", "■\u3000"])
@pytest.mark.parametrize("paren", [("", ""), ("(", ")"), ("（", "）"), ("（", ")")])
def test_a_credit_at_the_length_limit_is_read_as_before(inner: int, pad: str, paren: tuple[str, str]) -> None:
    body = ("记者 李明 通讯员 王芳" + "图" * inner)[:inner]
    text = pad + paren[0] + body + paren[1] + pad
    assert credits._credit_text(text) == _credit_text_as_before(text)
    caption = "（图为社区志愿者入户走访的现场" + "，" * 90 + " 记者 李明 摄）"
    assert credits._credit_text(caption) == _credit_text_as_before(caption) is not None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="记者李明摄（）() \u3000□■,，ＡＢ１图文/\t", max_size=100))
def test_the_credit_text_is_what_it_was(text: str) -> None:
    assert credits._credit_text(text) == _credit_text_as_before(text)


def _found_again_as_before(text: str, known: set[str]) -> list[tuple[int, int]]:
    return [m.span() for name in sorted(known) for m in re.finditer(re.escape(name), text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="王芳李.*(", max_size=20), st.sets(st.text(alphabet="王芳李.*(", min_size=1, max_size=3), max_size=3))
def test_a_known_name_is_found_again_where_the_regex_found_it(text: str, known: set[str]) -> None:
    reading = _reading(text, [], set(sorted(known)))
    found = sorted(key for key, _ in _known_again(reading, {}))
    assert found == sorted(_found_again_as_before(text, known))


def test_a_name_that_overlaps_itself_is_found_once_for_each_printing_that_does_not_overlap() -> None:
    assert [key for key, _ in _known_again(_reading("芳芳芳，芳芳芳芳", [], {"芳芳"}), {})] == [(0, 2), (4, 6), (6, 8)]


@pytest.fixture(scope="module")
def units() -> UnitFinder:
    return UnitFinder(load_gazetteer())


def _bare_districts_as_before(finder: UnitFinder, text: str) -> list:
    gaz, out, i = finder.gaz, [], 0
    while i < len(text) - 3:
        found = None
        for k in (3, 2):
            parents = gaz.regions.get(text[i : i + k], ())
            for m in (2, 3) if parents else ():
                j = i + k + m
                bare = text[i + k : j]
                if text[j : j + 1] in _SUFFIX_AFTER_BARE or bare in _REGION_WORDS:
                    continue
                places = {p.name for p in gaz.short.get(bare, ()) if p.level == "District"
                          and any(p.path[: len(q.path)] == q.path for q in parents)}
                if len(places) == 1:
                    found = (i + k, j, places.pop())
                    break
            if found:
                break
        if found:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


@pytest.mark.parametrize("text", ["", "河南", "河南中", "河南中牟", "湖北江夏", "河南省中牟县", "他从湖北江夏和广东南雄来到河南中牟。", "河南中原大地"])
def test_a_bare_district_is_found_where_the_loop_over_every_character_found_it(units: UnitFinder, text: str) -> None:
    got = [(s.start, s.end, s.name) for s in units.prefixed_districts(text)]
    assert got == _bare_districts_as_before(units, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["河南", "湖北", "广东", "郑州", "武汉", "中牟", "江夏", "南雄", "中原", "县", "区", "的", "省"]), max_size=12))
def test_bare_districts_in_any_order_of_regions_and_names(units: UnitFinder, words: list[str]) -> None:
    text = "".join(words)
    assert [(s.start, s.end, s.name) for s in units.prefixed_districts(text)] == _bare_districts_as_before(units, text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab 1，中文\u3000\udc80\x7f\x80\x00\t\n\r\x1b\x9f\xa0", max_size=40))
def test_widths_and_control_characters_are_counted_as_the_loops_counted_them(text: str) -> None:
    assert _width(text) == sum(0.5 if ord(c) < 0x80 else 1.0 for c in text)
    assert type(_width(text)) is type(sum(0.5 if ord(c) < 0x80 else 1.0 for c in text))
    assert _control_free(text) == "".join(c for c in text if not (unicodedata.category(c) == "Cc" and c not in "\t\n\r"))


def test_a_page_is_traditional_by_the_same_share_of_its_han_characters() -> None:
    table = _ts_table()
    traditional = "".join(chr(c) for c in sorted(table) if 0x4E00 <= c <= 0x9FFF)[:40]

    def as_before(text: str) -> bool:
        han = [c for c in text[:50000] if "\u4e00" <= c <= "\u9fff"]
        return len(han) >= 20 and sum(1 for c in han if ord(c) in table) / len(han) >= 0.05

    simplified = "街道办事处召开会议部署工作社区居民参加活动" * 3
    for k in range(0, 6):  # around the 5% share: 0 to 5 traditional characters in about sixty
        text = traditional[:k] + simplified
        assert is_traditional(text) == as_before(text)
    assert is_traditional(traditional) and not is_traditional(simplified)
    assert is_traditional(traditional[:19]) is as_before(traditional[:19]) is False  # under 20 Han characters: never
    assert not as_before(traditional[:3] + simplified) and as_before(traditional[:4] + simplified)  # the 5% edge is met


def test_an_empty_paragraph_after_one_that_stands_alone_joins_nothing() -> None:
    paras = [Para("来源：", 0, 1), Para("", 0, 2)]
    assert mend_breaks(paras, None, stands_alone) == paras


# Sentences of the genre that hold event nouns (and the two-character-plus-节 kind) before a verb of taking place.
_EVENT_TEXT = st.text(alphabet="会议大推进座谈读书樱桃节文化美食启动仪式在社区街道顺利召开举行开幕，。、“”的了", max_size=60)


def _plain_passive() -> re.Pattern[str]:
    """_PASSIVE as it was written before its event nouns were led by a lookahead."""
    return re.compile(_PASSIVE.pattern.replace(led(EVENT_NOUN), EVENT_NOUN))


@settings(max_examples=800, deadline=None)
@given(_EVENT_TEXT)
def test_the_passive_trigger_finds_what_it_found_without_the_lookahead(text: str) -> None:
    assert _PASSIVE.pattern != _plain_passive().pattern
    assert _matches(_PASSIVE, text) == _matches(_plain_passive(), text)


@pytest.mark.parametrize("text", ["社区读书节在文化广场顺利召开。", "全区推进会召开", "全村樱桃节拉开帷幕", "“邻里节”活动在社区举行"])
def test_a_passive_event_of_each_kind_is_found_as_before(text: str) -> None:
    assert _matches(_PASSIVE, text) == _matches(_plain_passive(), text) != []


def test_every_event_noun_opens_where_the_lookahead_lets_it() -> None:
    lead = re.compile(led(EVENT_NOUN).removesuffix(EVENT_NOUN))
    for noun in EVENT_NOUN[3:-1].split("|"):
        example = re.sub(r"\[[^\]]+\]\{2\}", "樱桃", noun).replace("?", "")  # 培训班? -> 培训班, [一-龥]{2}节 -> 樱桃节 (樱 opens no other noun)
        assert re.fullmatch(EVENT_NOUN, example), example
        assert lead.match(example), example
    assert led(EVENT_NOUN) in _PASSIVE.pattern and _PASSIVE_VERBS in _PASSIVE.pattern  # the led nouns are _PASSIVE's


@pytest.mark.parametrize("bad", ["会议|大会", "(?:会议|(?:大)会)", "(?:会议|(大)会)", "(?:会议|[ab|c]x|大会)"])
def test_led_refuses_what_it_cannot_lead(bad: str) -> None:
    with pytest.raises(ValueError):
        led(bad)


# Alternations an edit of the event nouns could bring: a quantifier after the first character, a character that is
# special in a class, an escape, the empty alternative, none that opens with a literal.
_ALTERNATIONS = ["(?:大?会|论坛)", "(?:会{0,1}议|大会)", "(?:会议|-动|大会)", "(?:会议|^动|大会)", "(?:会议|.会)", "(?:会议|)",
                 "(?:a*b|c)", r"(?:\d会|大会)", r"(?:.会|\d)", r"(?:会议|\\会)", "(?:[会议]{2}节|大会)"]


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(_ALTERNATIONS), st.text(alphabet="大会议论坛-动^ab c1节\\", max_size=14))
def test_a_led_alternation_matches_what_it_matched_unled(alternation: str, text: str) -> None:
    for before in ("", "[^，]{1,3}"):  # alone, and after a run it backtracks through (as in _PASSIVE)
        plain, fast = re.compile(before + "(" + alternation + ")"), re.compile(before + "(" + led(alternation) + ")")
        assert _matches(fast, text) == _matches(plain, text)
        assert [m.groups() for m in fast.finditer(text)] == [m.groups() for m in plain.finditer(text)]


# Credits and what is near them: names, role words, outlets, marks, separators, and characters no credit holds.
_CREDIT_TEXT = st.lists(
    st.sampled_from(["李晓平", "王强", "记者", "通讯员", "首席", "郑州日报", "本报", "晚报", "文/图", "摄", "报道", " ", "　",
                     "、", "，", "/", ":", "：", "-", "—", "·", "|", "。", "1", "a", "（", "）", "“", "〇", "\t"]),
    max_size=12,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_CREDIT_TEXT)
def test_a_credit_is_read_into_the_tokens_it_was_read_into_without_the_shortcuts(text: str) -> None:
    assert credits._tokens(text) == credits._read_tokens(credits._OUTLETS.sub(" ", text))


@pytest.mark.parametrize("text", ["郑州日报记者 李晓平", "本报-晚报—记者 王强 通讯员 李晓平 文/图", "记者：王强", "王强 李晓平"])
def test_credits_with_outlets_dashes_and_colons_are_read_as_before(text: str) -> None:
    assert credits._tokens(text) == credits._read_tokens(credits._OUTLETS.sub(" ", text)) is not None


def _plain_trip_place(sentence: str, start: int) -> str | None:
    """places.trip_place as it was: every pattern tried, whatever verbs the sentence holds."""
    masked = events.mask_quotes(sentence)
    clause = max(masked.rfind(c, 0, start) for c in "。；;") + 1
    for pattern in (events.TRIP, places._ARRIVED, places._VISITED, places._HOSTED, places._WENT_TO_HOLD):
        for m in pattern.finditer(masked, clause):
            if m.start() > start + events.PLACE_REACH:
                break
            place = places._place_only(m.group("place").strip())
            if place and not places._NOT_A_PLACE.search(place) and not places._two_joined(place):
                return place
    return None


_VISIT_TEXT = st.lists(st.sampled_from(["王庄村", "兴旺社区", "新阳街道", "迎来", "接待", "了", "一群客人", "考察团", "来到",
                                        "参观", "考察", "走进", "开展", "活动", "，", "。", "；", "“", "”", "的", "和", "辖区", "各"]), max_size=10).map("".join)


@settings(max_examples=800, deadline=None)
@given(_VISIT_TEXT, st.integers(min_value=0, max_value=40))
def test_a_visits_place_is_found_where_every_pattern_tried_found_it(text: str, start: int) -> None:
    assert places.trip_place(text, start) == _plain_trip_place(text, start)


@pytest.mark.parametrize(("text", "start"), [("王庄村迎来了一群客人。", 0), ("考察团到达后，兴旺社区接待了考察团。", 6),
                                             ("兴旺社区迎来考察团。随后，王庄村接待了他们。", 12)])
def test_a_place_that_received_the_visit_is_found_as_before(text: str, start: int) -> None:
    assert places.trip_place(text, start) == _plain_trip_place(text, start) is not None


def _plain_ends_body(text: str, t: Token) -> bool:
    """bodies._ends_body read plainly: every suffix tried, the text before the token copied; a token of one character
    ends a body when the text up to it ends with a suffix (考察|组, 教学|点)."""
    ends = t.text.endswith(ORG_SUFFIXES) or len(t.text) == 1 and text[: t.end].endswith((*ORG_SUFFIXES, *SPLIT_SUFFIXES))
    return (ends or t.tag == "ORG") and t.text not in BAN_VERBS


_SUFFIX_PARTS = st.sampled_from([*ORG_SUFFIXES, *SPLIT_SUFFIXES, *sorted(BAN_VERBS)[:4], "教学", "联络", "点", "网",
                                 "金水区", "会", "委员", "", "办事", "处"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_SUFFIX_PARTS, max_size=4).map("".join), st.lists(_SUFFIX_PARTS, min_size=1, max_size=3).map("".join),
       st.sampled_from(["n", "ORG", "v", "LOC"]), st.integers(min_value=0, max_value=2))
def test_a_token_ends_a_body_as_it_did_when_every_suffix_was_tried(before: str, word: str, tag: str, cut: int) -> None:
    word = word[cut:] or word
    text = before + word + "召开"
    t = Token(len(before), len(before) + len(word), word, tag)
    assert _ends_body(text, t) == _plain_ends_body(text, t)


@pytest.mark.parametrize(("text", "start", "word"), [("设立教学点", 4, "点"), ("居委会", 0, "居委会"), ("主办", 0, "主办"),
                                                     ("服务网点", 3, "点"), ("城改办", 0, "城改办"), ("网点", 1, "点")])
def test_body_endings_of_each_kind_are_found_as_before(text: str, start: int, word: str) -> None:
    t = Token(start, start + len(word), word, "n")
    assert _ends_body(text, t) == _plain_ends_body(text, t)


def test_a_span_moved_is_the_span_replace_gives_with_every_other_field_kept() -> None:
    span = Span(3, 7, "金水区", "District", "金水区", ("金水",), "郑州市", "unit.gazetteer")
    assert [f.name for f in dataclasses.fields(Span)] == ["start", "end", "text", "type", "name", "aliases", "parent", "source"]
    for d in (-3, 0, 5):
        assert span.moved(d) == dataclasses.replace(span, start=span.start + d, end=span.end + d)


def test_every_code_point_is_folded_as_the_dict_folded_it() -> None:
    text = "".join(map(chr, range(0x110000)))  # lone surrogates too
    assert fold(text) == text.translate(_FOLD)
    assert fold("，（３月５日）　ＡＢｃ") == ",(3月5日) ABc"

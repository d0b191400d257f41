"""Laws that hold for any input: arbitrary Unicode pages go through the whole pipeline and give valid Turtle."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graph.articles import dedupe_articles
from graph.export.turtle import to_turtle
from graph.gazetteer import load as load_gazetteer
from graph.model import Page
from graph.network import build_graph
from graph.pages import page_facts, process_page
from graph.resolve import resolve

# Pieces of real pages, so that the extractors find something to work on.
NEWS = [
    "本报讯（记者 王文静 通讯员 李红梅）", "3月5日上午，", "金水区文化路街道", "在北林路社区", "举办志愿服务活动，",
    "党工委书记张国强", "出席并讲话。", "中原区秦岭路街道办事处", "召开会议", "记者 鲁燕 文/图", "■", "## 二七区",
    "南關街道黨工委書記劉建國", "管城回族區", "“", "”", "，", "。", "、",
]
AWKWARD = ['"', "\\", "'''", '"""', "<script>", "</script>", "&amp;", "]]>", "\x00", "\x1b", "\x7f", "\r", "\r\n",
           "\t", "\u2028", "\ufeff", "\u3000", "\ud800", "\udfff", "\U0001f600", "a" * 300]
pieces = st.one_of(
    st.sampled_from(NEWS),
    st.sampled_from(AWKWARD),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=8),  # any code point, surrogates too
)
items = st.tuples(st.lists(pieces, min_size=1, max_size=4), st.lists(pieces, min_size=3, max_size=16)).map(
    lambda t: "".join(t[0]) + "\n\n本报讯 " + "".join(t[1]) + "。\n"
)
pages = st.tuples(st.lists(pieces, max_size=3), st.lists(items, min_size=1, max_size=3)).map(
    lambda t: "".join(t[0]) + "\n\n".join(t[1])
)


def _turtle(results: list) -> str:
    facts = [f for r in results for f in r.facts]
    reports = tuple(r.report for r in results if r.report is not None)
    corpus = resolve(dedupe_articles(facts), load_gazetteer(), reports)
    return to_turtle(build_graph(corpus))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=pages, encoding=st.sampled_from(["utf-8", "utf-16", "gb18030", "big5"]))
def test_any_page_goes_through_the_pipeline_and_the_turtle_parses(text: str, encoding: str) -> None:
    # as a file: the bytes a tool might save (what the encoding cannot hold is replaced)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "2024-03-05_p.txt"
        path.write_bytes(text.encode(encoding, errors="replace" if encoding != "utf-8" else "surrogatepass"))
        from_file = process_page(str(path))
    # as a Page made by a library user: control characters and lone surrogates included
    given_page = page_facts(Page("q.txt", text, converted=True, original=text[::-1]))
    for r in (from_file, given_page):
        assert r.report is None or "internal error" not in r.report.reason, r.report
        for f in r.facts:
            for m in f.mentions:
                assert f.article.text[m.start : m.end] == m.text
    ttl = _turtle([from_file, given_page])
    g = Graph().parse(data=ttl, format="turtle")
    articles = {f.article.id for r in (from_file, given_page) for f in r.facts}
    assert len(g) >= len(articles) * 2  # every article has at least a type and a body
    assert ttl.endswith("\n")


def _evidence_by_sentences(body: str, names: list[str], width: int = 120) -> str:
    """The view's evidence sentence as first written: every sentence of the body in turn, each searched for the names."""
    import re

    wanted = sorted({n for n in names if n}, key=lambda n: (-len(n), n))
    for m in re.finditer(r"[^。！？!?；;\n]+[。！？!?；;]?", body):
        s = m.group().strip()
        for name in wanted:
            at = s.find(name)
            if at >= 0:
                if len(s) <= width:
                    return s
                start = max(0, min(at - width // 3, len(s) - width))
                return ("…" if start else "") + s[start : start + width] + ("…" if start + width < len(s) else "")
    return ""


SENTENCE_BITS = ["二七区", "市场监管局", "张国强", "张国", "召开会议", "。", "！", "?", "；", ";", "\n", " ", "\u3000", "，", "x" * 50]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_BITS), max_size=30),
       st.lists(st.sampled_from([*SENTENCE_BITS[:5], "国强。张", "", " 张国", "张国 ", "张国。", "。", "张\n国"]), max_size=3),
       st.sampled_from([10, 30, 120]))
def test_the_evidence_sentence_is_the_first_sentence_that_names_one(bits: list[str], names: list[str], width: int) -> None:
    from graph.export.details import evidence_sentence

    body = "".join(bits)
    assert evidence_sentence(body, names, width) == _evidence_by_sentences(body, names, width)


@pytest.mark.parametrize(("body", "names"), [
    ("。 张国。我和 张国。", [" 张国"]),  # the first sentence printing the name does not name it once stripped
    ("张国 \n我见张国 了。", ["张国 "]),
    ("张国。", ["张国。"]),  # a name that ends on a sentence's mark
    ("你好。", ["。"]),
    ("。 张国。李四来了。", [" 张国", "李四"]),
])
def test_the_evidence_sentence_of_names_with_edges_and_marks(body: str, names: list[str]) -> None:
    from graph.export.details import evidence_sentence

    assert evidence_sentence(body, names) == _evidence_by_sentences(body, names)


def _field_values() -> st.SearchStrategy:
    """Values a forged cache entry could put in a record's field: each kind the model uses, and each kind it does not."""
    import datetime as dt

    from graph.model import FileReport, Mention

    scalar = st.one_of(st.text(max_size=3), st.binary(max_size=3), st.none(), st.integers(-3, 3), st.booleans(),
                       st.floats(allow_nan=False),
                       st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)),
                       st.just(FileReport("a.txt", "is empty")), st.just(Mention("a-01", 0, 3, "中原区", "District", "rule")))
    return st.one_of(scalar, st.tuples(), st.lists(scalar, max_size=3).map(tuple),
                     st.lists(st.tuples(scalar, scalar), max_size=2).map(tuple))


def _fitting(hint: object) -> st.SearchStrategy:
    """Values of the annotation `hint` (the model's: text, numbers, flags, dates, None, records, tuples, unions)."""
    import datetime as dt
    import types
    import typing

    from graph import cache_codec

    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return st.one_of(*(_fitting(a) for a in args))
    if typing.get_origin(hint) is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(_fitting(args[0]), max_size=2).map(tuple)
        return st.tuples(*(_fitting(a) for a in args))
    plain = {str: st.text(max_size=3), int: st.integers(-3, 3), bool: st.booleans(), type(None): st.none(),
             bytes: st.binary(max_size=3), dt.date: st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1))}
    if hint in plain:
        return plain[hint]
    fields = cache_codec._records()[hint.__name__][1]  # a record: its fields', fitting
    return st.tuples(*(st.deferred(lambda h=h: _fitting(h)) for _, h in fields)).map(lambda vs: hint(*vs))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_a_record_read_from_the_cache_is_checked_as_each_field_s_annotation_says(data) -> None:
    """The checks made fast (isinstance over all fields at once) refuse and accept exactly what the per-field tests do."""
    from graph import cache_codec

    name = data.draw(st.sampled_from(sorted(cache_codec._records())))
    fields = cache_codec._records()[name][1]
    wrong = data.draw(st.sets(st.integers(0, len(fields) - 1), max_size=2))  # most fields fit: the record is accepted or not
    values = [data.draw(_field_values() if i in wrong else _fitting(hint)) for i, (_, hint) in enumerate(fields)]
    fits, accepted = _fits_and_accepted(name, values)
    assert accepted == fits


def _fits_and_accepted(name: str, values: list) -> tuple[bool, bool]:
    """Whether each field's own test takes its value (the definition), and whether the cache's check takes the record."""
    from graph import cache_codec

    fields = cache_codec._records()[name][1]
    fits = all(cache_codec._checker(hint)(v) for (_, hint), v in zip(fields, values, strict=True))
    try:
        cache_codec._record(name, values)
    except cache_codec.BadEntry:
        return fits, False
    return fits, True


def test_every_field_of_every_record_refuses_what_its_annotation_refuses() -> None:
    """Each field of a fitting record given, in turn, values of every kind (a flag for a number, a list for a tuple…)."""
    import datetime as dt
    import types
    import typing

    from graph import cache_codec
    from graph.model import FileReport, Mention

    def sample(hint: object) -> object:  # one fitting value: the first option of a union, one item of a tuple
        args = typing.get_args(hint)
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            return sample(args[0])
        if typing.get_origin(hint) is tuple:
            return (sample(args[0]),) if len(args) == 2 and args[1] is Ellipsis else tuple(sample(a) for a in args)
        plain = {str: "x", int: 2, bool: False, type(None): None, bytes: b"x", dt.date: dt.date(2024, 1, 2)}
        return plain[hint] if hint in plain else hint(*(sample(h) for _, h in cache_codec._records()[hint.__name__][1]))

    kinds = ["x", b"x", 1, 0, True, 1.5, None, dt.date(2024, 1, 1), (), ("x",), (1,), (True,), (("x", "x"),), ((1, "x"),),
             (("x", 1),), ["x"], FileReport("a.txt", "is empty"), Mention("a-01", 0, 3, "中原区", "District", "rule"),
             (Mention("a-01", 0, 3, "中原区", "District", "rule"),), (FileReport("a.txt", "is empty"),)]
    tried = 0
    for name, (_, fields) in sorted(cache_codec._records().items()):
        good = [sample(hint) for _, hint in fields]
        cache_codec._record(name, list(good))  # fits
        for i in range(len(fields)):
            for value in kinds:
                fits, accepted = _fits_and_accepted(name, [*good[:i], value, *good[i + 1:]])
                assert accepted == fits, (name, fields[i][0], value)
                tried += 1
    assert tried > 1000

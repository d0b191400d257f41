"""Laws that hold for any input: arbitrary Unicode pages go through the whole pipeline and give valid Turtle."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graph.articles import dedupe_articles
from graph.export.rdf import to_turtle
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

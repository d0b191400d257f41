"""Bad input, faults and reruns: bad files are reported and skipped, the rest is built, nothing leaks."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from graph.cli import EXPORT_FORMATS, main
from graph.export import atomic_write
from graph.model import Page

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCHEMA = "https://schema.org/"
NK = "https://w3id.org/newskg/ontology#"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"

GBK_PAGE = """金水区举办社区志愿服务活动

本报讯（记者 王文静 通讯员 李红梅）3月5日上午，金水区文化路街道在北林路社区举办学雷锋志愿服务活动，文化路街道党工委书记张国强出席活动并讲话。活动现场，志愿者为居民提供义诊、理发、家电维修等服务。
"""
UTF16_PAGE = """二七区召开安全生产工作会议

本报讯（记者 赵明亮）4月10日，二七区召开安全生产工作会议，二七区应急管理局局长孙建华通报了一季度安全生产形势。会议要求，各街道要压实责任，开展隐患排查整治。
"""
BIG5_PAGE = """管城回族區開展環境整治行動

本報訊（記者 陳志遠）5月8日，管城回族區南關街道辦事處組織轄區商戶開展環境衛生整治行動，南關街道黨工委書記劉建國帶隊檢查。此次行動共清理垃圾三十餘噸，整治占道經營五十餘處。
"""
DUPLICATE = """惠济区开展春季植树活动

本报讯（记者 周晓燕）3月12日，惠济区在花园口镇组织开展春季义务植树活动，惠济区林业局局长马卫东介绍了今年全区绿化工作安排。当天共栽植各类苗木两千余株。
"""
OTHER_A = """中原区召开城市管理工作会

本报讯（记者 刘洋）3月15日，中原区召开城市管理工作会议，中原区城市管理局局长黄志刚部署了下一阶段重点工作。
"""
OTHER_B = """上街区举办招聘会

本报讯（记者 吴丽）3月18日，上街区人力资源和社会保障局在济源路街道举办春风行动招聘会，共有八十余家企业参加。
"""
# every entity the good pages name, by the label it must have
GOOD_LABELS = {
    "金水区", "文化路街道", "北林路社区", "张国强", "王文静", "李红梅",  # GBK
    "二七区", "二七区应急管理局", "孙建华", "赵明亮",  # UTF-16
    "管城回族区", "南关街道", "刘建国", "陈志远",  # Big5, traditional
    "惠济区", "花园口镇", "惠济区林业局", "马卫东", "周晓燕",  # the duplicated item
    "中原区", "中原区城市管理局", "黄志刚", "刘洋",  # UTF-8
    "上街区", "济源路街道", "上街区人力资源和社会保障局", "吴丽",  # UTF-8 with a BOM
}
# the traditional page's names as printed: altLabels of the simplified entities
PRINTED = {"管城回族区": "管城回族區", "南关街道": "南關街道", "刘建国": "劉建國", "陈志远": "陳志遠"}
MAX_SIZE_MB = 0.05  # --max-size for the bad corpus: 51.2 KB


def make_corpus(root: Path) -> dict[str, str]:
    """Write the good and bad pages into `root`; returns each bad file's name -> a part of its report."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "2024-03-05_gbk.txt").write_bytes(GBK_PAGE.encode("gbk"))
    (root / "2024-04-10_utf16.txt").write_bytes(UTF16_PAGE.encode("utf-16"))  # with a BOM
    (root / "2024-05-08_big5.txt").write_bytes(BIG5_PAGE.encode("big5"))
    (root / "2024-03-12_dup_a.txt").write_text(DUPLICATE + "\n\n" + OTHER_A, encoding="utf-8")
    (root / "2024-03-13_dup_b.txt").write_text(OTHER_B + "\n\n" + DUPLICATE, encoding="utf-8-sig")
    bad = {
        "fake_pdf.txt": "is a PDF document, not a text page; convert it to .txt or remove it",
        "image.txt": "is a PNG image, not a text page",
        "nul.txt": "is a binary file (NUL bytes)",
        "empty.txt": "is empty; remove it or fill it",
        "blank.txt": "holds only spaces and line breaks (6 character(s)); remove it or fill it",
        "garbage.txt": "is not UTF-8, UTF-16, GB18030/GBK or Big5 text; re-save it as UTF-8 or pass --encoding",
        "huge.txt": "is 58.6 KB, over the 51.2 KB limit for one page; split it into pages or raise --max-size",
        "dangling.txt": "is a broken symbolic link; fix its target or remove it",
    }
    (root / "fake_pdf.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    (root / "nul.txt").write_bytes("本报讯 正文".encode() + b"\x00\x00\x00\x01binary")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b" \n\t\r\n\xe3\x80\x80\n")  # an ideographic space among them
    (root / "garbage.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (root / "huge.txt").write_bytes(("本报讯 " + "中原区召开会议。" * 2500).encode("utf-8"))
    (root / "dangling.txt").symlink_to(root / "no-such-page.txt")
    (root / "folder.txt").mkdir()  # a folder with a page's name is walked, not read
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.txt")  # reading it would block the build forever
        bad["pipe.txt"] = "is not a regular file (a pipe, socket or device)"
    if os.geteuid() != 0:  # root reads anything: the broken link stands for an unreadable file
        (root / "locked.txt").write_text(OTHER_A, encoding="utf-8")
        (root / "locked.txt").chmod(0)
        bad["locked.txt"] = "cannot be read (permission denied); check the file's permissions"
    return bad


def turtle(path: Path) -> Graph:
    g = Graph()
    g.parse(path, format="turtle")
    return g


def labels(g: Graph) -> dict[str, URIRef]:
    return {str(o): s for s, o in g.subject_objects(RDFS.label)}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory):
    """The bad corpus built once through the CLI: (result, bad files, corpus folder, out folder)."""
    root = tmp_path_factory.mktemp("bad") / "corpus"
    bad = make_corpus(root)
    out = root.parent / "out"
    result = CliRunner().invoke(main, ["build", str(root), "--out", str(out), "--max-size", str(MAX_SIZE_MB), "-q"])
    return result, bad, root, out


def test_each_bad_file_is_reported_once_and_counted(bad_build) -> None:
    result, bad, root, out = bad_build
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # stdout carries data only
    lines = result.stderr.splitlines()
    for name, reason in bad.items():
        mine = [ln for ln in lines if f"{root / name}:" in ln]
        assert len(mine) == 1, (name, mine)
        assert mine[0].startswith(f"skipped: {root / name}: ")
        assert reason in mine[0]
    reported = [ln for ln in lines if ln.startswith(("skipped:", "warning:"))]
    assert len(reported) == len(bad)
    summary = next(ln for ln in lines if ln.startswith("articles "))
    assert summary.startswith("articles 6 |")  # 7 items on the good pages, one printed twice
    assert summary.endswith(f"| skipped files {len(bad)} | warnings 0")
    assert sorted(ln for ln in lines if ln.startswith("wrote ")) == [f"wrote {out / n}" for n in ("build.json", "graph.html", "graph.ttl")]


def test_the_good_files_entities_are_all_in_the_turtle(bad_build) -> None:
    *_, out = bad_build
    g = turtle(out / "graph.ttl")
    missing = GOOD_LABELS - set(labels(g))
    assert not missing
    sources = {str(o) for o in g.objects(None, URIRef(NK + "sourceFile"))}
    assert sources == {"2024-03-05_gbk.txt", "2024-04-10_utf16.txt", "2024-05-08_big5.txt",
                       "2024-03-12_dup_a.txt", "2024-03-13_dup_b.txt"}


def test_a_traditional_page_keeps_what_it_printed_as_an_alias(bad_build) -> None:
    *_, out = bad_build
    g = turtle(out / "graph.ttl")
    by_label = labels(g)
    for simplified, printed in PRINTED.items():
        alt = {str(o) for o in g.objects(by_label[simplified], SKOS.altLabel)}
        assert printed in alt, (simplified, alt)
    # the labels are simplified: no printed form is a label
    assert not set(PRINTED.values()) & set(by_label)
    # 南關街道辦事處 was printed; its simplified form was an alias already
    alt = {str(o) for o in g.objects(by_label["南关街道"], SKOS.altLabel)}
    assert {"南关街道办事处", "南關街道辦事處", "南關街道"} <= alt


def test_an_item_on_two_pages_is_one_article_whose_facts_are_not_doubled(bad_build) -> None:
    *_, out = bad_build
    g = turtle(out / "graph.ttl")
    body = Literal(DUPLICATE.split("\n\n", 1)[1].replace("本报讯（记者 周晓燕）", "").strip(), lang="zh")
    articles = list(g.subjects(URIRef(SCHEMA + "articleBody"), body))
    assert len(articles) == 1
    article = articles[0]
    assert {str(o) for o in g.objects(article, URIRef(NK + "sourceFile"))} == {"2024-03-12_dup_a.txt", "2024-03-13_dup_b.txt"}
    person = labels(g)["马卫东"]
    assert set(g.objects(person, URIRef(PROV + "wasDerivedFrom"))) == {article}
    assert list(g.subjects(URIRef(SCHEMA + "mentions"), person)) == [article]
    assert len(list(g.subjects(URIRef(ORG + "member"), person))) == 1
    events = [s for s in g.subjects(URIRef(PROV + "wasDerivedFrom"), article) if (s, RDFS.label, None) in g
              and str(s).split("/")[-2] == "event"]
    assert len(events) == 1
    assert len(list(g.subjects(RDFS.label, Literal("春季植树活动", lang="zh")))) == 1


def test_a_link_to_a_page_of_the_build_is_reported_and_the_page_read_under_its_own_name(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p.txt").write_text(OTHER_A, encoding="utf-8")
    (pages / "0-link.txt").symlink_to(pages / "p.txt")  # sorts first: it was the name the page was read under
    res = CliRunner().invoke(main, ["build", str(pages), str(pages / "p.txt"), "--out", str(tmp_path / "o"), "-q"])
    assert res.exit_code == 0, res.output
    said = f"{pages / '0-link.txt'}: is the same file as {pages / 'p.txt'} (a link to it); read once, as p.txt"
    assert res.stderr.count(said) == 1  # the page named twice (the folder, and itself) is no link: not reported
    assert "skipped files 1" in res.stderr
    inputs = json.loads((tmp_path / "o" / "build.json").read_text(encoding="utf-8"))["inputs"]
    assert [i["file"] for i in inputs] == ["p.txt"]


def test_strict_turns_a_report_into_exit_1(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(OTHER_A, encoding="utf-8")
    runner = CliRunner()
    clean = runner.invoke(main, ["build", str(tmp_path / "good.txt"), "--out", str(tmp_path / "o1"), "--strict", "-q"])
    assert clean.exit_code == 0, clean.output
    (tmp_path / "empty.txt").write_bytes(b"\xef\xbb\xbf  \n")
    bad = runner.invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "o2"), "--strict", "-q"])
    assert bad.exit_code == 1
    assert f"skipped: {tmp_path / 'empty.txt'}: holds only spaces and line breaks (3 character(s)); remove it" in bad.stderr
    assert (tmp_path / "o2" / "graph.ttl").is_file()  # the rest was still built


def test_a_warning_is_counted_in_the_summary_and_strict_exits_1_on_it(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(OTHER_A, encoding="utf-8")
    manifest = tmp_path / "dates.csv"
    manifest.write_text("file,date\nelsewhere.txt,2024-03-20\n", encoding="utf-8")  # a page not among those built
    runner = CliRunner()
    args = ["build", str(tmp_path / "good.txt"), "--out", str(tmp_path / "o"), "--manifest", str(manifest), "-q"]
    lenient = runner.invoke(main, args)
    assert lenient.exit_code == 0, lenient.output
    assert "warning: the manifest dates 1 file(s) not among this build's pages (elsewhere.txt)" in lenient.stderr
    assert "| skipped files 0 | warnings 1" in lenient.stderr
    strict = runner.invoke(main, [*args, "--strict"])
    assert strict.exit_code == 1 and "| warnings 1" in strict.stderr
    assert (tmp_path / "o" / "graph.ttl").is_file()


def test_encoding_overrides_the_detection(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_bytes(GBK_PAGE.encode("gbk"))
    runner = CliRunner()
    forced = runner.invoke(main, ["build", str(tmp_path / "p.txt"), "--out", str(tmp_path / "o1"), "--encoding", "gbk", "-q"])
    assert forced.exit_code == 0 and "skipped:" not in forced.stderr
    assert "北林路社区" in labels(turtle(tmp_path / "o1" / "graph.ttl"))
    wrong = runner.invoke(main, ["build", str(tmp_path / "p.txt"), "--out", str(tmp_path / "o2"), "--encoding", "utf-8", "-q"])
    assert wrong.exit_code == 1  # the only page could not be read: nothing to build
    assert f"{tmp_path / 'p.txt'}: is not valid utf-8 (byte 0); check --encoding" in wrong.stderr
    unknown = runner.invoke(main, ["build", str(tmp_path / "p.txt"), "--out", str(tmp_path / "o3"), "--encoding", "klingon"])
    assert unknown.exit_code == 2
    assert "'klingon' is not an encoding Python knows" in unknown.stderr


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert f"no such file or folder: {tmp_path / 'nope'}" in result.stderr
    assert not (tmp_path / "o").exists()


def test_a_page_whose_ids_clash_with_another_pages_keeps_its_items_apart(tmp_path: Path) -> None:
    import hashlib

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "A08.txt").write_text(OTHER_A, encoding="utf-8")
    (tmp_path / "b" / "A08.txt").write_text(OTHER_B, encoding="utf-8")
    (tmp_path / "b" / "copy").mkdir()
    (tmp_path / "b" / "copy" / "A08.txt").write_text(OTHER_A, encoding="utf-8")  # the same page again: no clash
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 0, result.output
    assert not [ln for ln in result.stderr.splitlines() if ln.startswith("skipped:")]
    g = turtle(tmp_path / "o" / "graph.ttl")
    assert {"黄志刚", "吴丽"} <= set(labels(g))  # nothing is lost
    tag = hashlib.sha1((tmp_path / "b" / "A08.txt").read_bytes()).hexdigest()[:6]
    articles = {str(s).rsplit("/", 1)[1] for s in g.subjects(RDF.type, URIRef(NK + "Article"))}
    assert articles == {"A08-01", f"A08-{tag}-01"}


def test_an_internal_error_on_one_page_is_reported_and_the_rest_is_built(tmp_path: Path, monkeypatch) -> None:
    import graph.pages
    from graph.pipeline import build

    real = graph.pages.split_page

    def failing(page, words=None):
        if page.name == "bad.txt":
            raise ValueError("a bug")
        return real(page, words)

    monkeypatch.setattr(graph.pages, "split_page", failing)
    (tmp_path / "bad.txt").write_text(OTHER_B, encoding="utf-8")
    (tmp_path / "good.txt").write_text(OTHER_A, encoding="utf-8")
    result = build([tmp_path], None)
    assert [(r.path, r.reason) for r in result.reports] == [
        (str(tmp_path / "bad.txt"), "could not be processed, an internal error (ValueError: a bug); please report it with this file")
    ]
    assert [a.source_file for a in result.corpus.articles] == ["good.txt"]
    assert "黄志刚" in {e.name for e in result.corpus.entities}


# ---------------------------------------------------------------------------- printed forms


@pytest.mark.parametrize(
    ("text", "original", "name", "expected"),
    [
        ("南关街道党工委", "南關街道黨工委", "南关街道", ("南關街道",)),
        ("南关街\n道召开", "南關街\n道召開", "南关街道", ("南關街道",)),  # cut by a line break in column text
        ("发展与理发", "發展與理髮", "发", ("發", "髮")),  # two printed forms of one simplified character
        ("中原区召开", "中原區召開", "二七区", ()),  # not on the page
        ("中原区", "中原区", "中原区", ()),  # printed as it is
    ],
)
def test_printed_forms_are_recovered_from_the_original(text: str, original: str, name: str, expected: tuple) -> None:
    from graph.traditional import printed_forms

    assert printed_forms(Page("p.txt", text, converted=True, original=original), name) == expected


def test_a_page_that_was_not_converted_gains_no_alias() -> None:
    from graph.traditional import printed_forms

    assert printed_forms(Page("p.txt", "南关街道", converted=False, original="南關街道"), "南关街道") == ()


# ---------------------------------------------------------------------------- untrusted text

NASTY = 'x"y\\z\'\'\'"""<script>alert(1)</script>&amp;\x00\x01\x1b\x7f\u2028\u2029\ufeff\r\n\t\ud800\udfff]]>'


def _graph_with_nasty_names():
    from graph.model import Article, Corpus, Entity, Event, Membership
    from graph.network import build_graph

    long_line = "长" * 300_000
    a = Article(id="p-01", source_file=f"p{NASTY}.txt", headline=NASTY, body=NASTY + long_line, sources=("p.txt",))
    ents = (
        Entity(key=f"Community:?/{NASTY}", type="Community", name=NASTY + "社区", aliases=(NASTY, "</script>"), articles=("p-01",)),
        Entity(key="Person:?/x", type="Person", name=f"张{NASTY}", articles=("p-01",)),
    )
    ms = (Membership(person="Person:?/x", title=NASTY, org=f"Community:?/{NASTY}", article="p-01", evidence=NASTY),)
    evs = (Event(key="Event:p-01/01", name=NASTY, date=None, time_of_day=NASTY, location=None, location_text=NASTY,
                 organizers=(f"Community:?/{NASTY}",), attendees=(), article="p-01", evidence=NASTY),)
    corpus = Corpus(articles=(a,), entities=ents, memberships=ms, events=evs, mentions=(("p-01", "Person:?/x"),))
    return build_graph(corpus)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_untrusted_names_and_bodies_give_valid_turtle_and_json_ld(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from graph.export.jsonld import write_jsonld
    from graph.export.rdf import to_rdflib
    from graph.export.turtle import write_turtle

    g = _graph_with_nasty_names()
    write_turtle(g, tmp_path / "graph.ttl")
    back = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    names = {str(o) for o in back.objects(None, RDFS.label)}
    assert any(n.startswith('x"y\\z\'\'\'"""<script>alert(1)</script>') and n.endswith("社区") for n in names)
    assert len(back) == len(to_rdflib(g))
    body = next(str(o) for o in back.objects(None, URIRef(SCHEMA + "articleBody")))
    assert body.endswith("长" * 300_000) and "\x00\x01\x1b" in body and "<script>" in body
    write_jsonld(g, tmp_path / "graph.jsonld")
    doc = json.loads((tmp_path / "graph.jsonld").read_bytes().decode("utf-8"))  # valid UTF-8 and JSON
    assert any("<script>alert(1)</script>" in json.dumps(n, ensure_ascii=False) for n in doc["@graph"])
    again = Graph().parse(tmp_path / "graph.jsonld", format="json-ld")
    assert len(again) == len(back)
    store = ox.Store()
    store.bulk_load(path=str(tmp_path / "graph.ttl"), format=ox.RdfFormat.TURTLE)  # the query engine reads it too
    assert len(store) == len(back)


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.tags: list[str] = []
        self._in: dict | None = None

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        if tag == "script":
            self._in = {"attrs": dict(attrs), "text": ""}
            self.scripts.append(self._in)

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._in = None

    def handle_data(self, data) -> None:
        if self._in is not None:
            self._in["text"] += data


def test_untrusted_names_and_bodies_give_inert_html(tmp_path: Path) -> None:
    from graph.export.html import write_html

    write_html(_graph_with_nasty_names(), tmp_path / "graph.html", title=NASTY)
    text = (tmp_path / "graph.html").read_bytes().decode("utf-8")  # valid UTF-8: surrogates were replaced
    assert "<script>alert(1)</script>" not in text
    parser = _Scripts()
    parser.feed(text)
    template = parser.__class__()
    template.feed((ROOT / "graph" / "data" / "view.html").read_text(encoding="utf-8"))
    assert len(parser.scripts) == len(template.scripts)  # no element was opened by the data
    assert parser.tags.count("script") == template.tags.count("script")
    data = json.loads(next(s["text"] for s in parser.scripts if s["attrs"].get("id") == "graph-data"))
    labels_in_view = {n["label"] for n in data["nodes"]}
    assert any(lab.startswith('x"y\\z') and "<script>alert(1)</script>" in lab and lab.endswith("社区") for lab in labels_in_view)


def test_atomic_write_replaces_lone_surrogates(tmp_path: Path) -> None:
    atomic_write(tmp_path / "x.txt", "a\ud800b")
    assert (tmp_path / "x.txt").read_bytes() == "a\ufffdb".encode()


def test_a_page_of_untrusted_text_builds(tmp_path: Path) -> None:
    page = ("中原区秦岭路街道召开会议\n\n本报讯（记者 王伟）3月5日，中原区秦岭路街道“\\\"<script>alert('x')</script>\x1b”"
            "社区党委书记李明出席。" + "测" * 5000 + "\n" + NASTY.replace("\ud800\udfff", ""))
    (tmp_path / "p.txt").write_text(page, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "p.txt"), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 0, result.output
    g = turtle(tmp_path / "o" / "graph.ttl")
    assert "秦岭路街道" in labels(g)
    body = next(str(o) for o in g.objects(None, URIRef(SCHEMA + "articleBody")))
    assert "<script>alert('x')</script>" in body and "\x1b" not in body  # control characters are dropped on reading
    assert "<script>alert(" not in (tmp_path / "o" / "graph.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- queries


def test_a_malformed_query_gets_the_parsers_message_and_exit_1(seed_build) -> None:
    _, out = seed_build
    result = CliRunner().invoke(main, ["query", "--graph", str(out / "graph.ttl"), "-e", "SELECT ?s WHERE {\n  ?s a }"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: the query does not parse: error at line 2, column ")  # the user's lines
    assert "Traceback" not in result.stderr


def test_an_update_is_refused_as_one_and_an_empty_answer_says_so(seed_build) -> None:
    _, out = seed_build
    runner, graph = CliRunner(), str(out / "graph.ttl")
    update = runner.invoke(main, ["query", "--graph", graph, "-e", "PREFIX x: <http://x/>\n# one more\nINSERT DATA { x:a x:b x:c }"])
    assert update.exit_code == 1 and update.stdout == ""
    assert update.stderr.startswith("error: updates (INSERT, DELETE, LOAD, CLEAR…) are refused: the graph is read")
    none = runner.invoke(main, ["query", "--graph", graph, "-e", 'SELECT ?s WHERE { ?s ?p "no such text" }'])
    assert none.exit_code == 0
    assert none.stdout == "s\n-\n" and none.stderr == "(no rows)\n"  # the table stays a table; the note is on stderr
    as_csv = runner.invoke(main, ["query", "--graph", graph, "-e", 'SELECT ?s WHERE { ?s ?p "no such text" }', "--format", "csv"])
    assert (as_csv.stdout, as_csv.stderr) == ("s\n", "")


def test_a_bad_query_file_or_graph_file_is_an_error_not_a_traceback(tmp_path: Path, seed_build) -> None:
    _, out = seed_build
    (tmp_path / "q.rq").write_bytes(b"\xffSELECT")
    (tmp_path / "g.ttl").write_bytes(b"%PDF-1.7 not turtle")
    runner = CliRunner()
    bad_query = runner.invoke(main, ["query", str(tmp_path / "q.rq"), "--graph", str(out / "graph.ttl")])
    assert (bad_query.exit_code, bad_query.stderr) == (1, f"error: {tmp_path / 'q.rq'}: is not UTF-8 text (byte 0); re-save the query as UTF-8\n")
    bad_graph = runner.invoke(main, ["query", "--graph", str(tmp_path / "g.ttl"), "-e", "SELECT * WHERE { ?s ?p ?o }"])
    assert bad_graph.exit_code == 1
    assert bad_graph.stderr.startswith(f"error: {tmp_path / 'g.ttl'}: not valid Turtle (")
    (tmp_path / "g.jsonld").write_text('{"@id": ', encoding="utf-8")
    bad_jsonld = runner.invoke(main, ["query", "--graph", str(tmp_path / "g.jsonld"), "-e", "SELECT * WHERE { ?s ?p ?o }"])
    assert bad_jsonld.exit_code == 1 and bad_jsonld.stderr.startswith(f"error: {tmp_path / 'g.jsonld'}: not valid JSON-LD (")
    assert "read by its extension: .ttl Turtle, .nt N-Triples, .jsonld JSON-LD" in bad_jsonld.stderr
    not_a_graph = runner.invoke(main, ["query", "--graph", str(out / "build.json"), "-e", "SELECT * WHERE { ?s ?p ?o }"])
    assert not_a_graph.exit_code == 1 and "build.json: not valid Turtle (" in not_a_graph.stderr  # not an empty JSON-LD graph


def test_a_graph_file_is_queried_in_the_format_its_extension_names(tmp_path: Path) -> None:
    from graph.pipeline import build

    build([SEEDS / "003_a26fe80e498bcd3e.txt"], tmp_path, formats=("ttl", "nt", "jsonld"))
    rows = {}
    for name in ("graph.ttl", "graph.nt", "graph.jsonld"):
        r = CliRunner().invoke(main, ["query", "reporters", "--graph", str(tmp_path / name), "--format", "csv"])
        assert r.exit_code == 0, r.stderr
        rows[name] = r.stdout
    assert rows["graph.ttl"].count("\n") > 2 and rows["graph.ttl"] == rows["graph.nt"] == rows["graph.jsonld"]


def test_a_query_that_runs_too_long_is_stopped_by_timeout(seed_build) -> None:
    _, out = seed_build
    endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # ~10^12 rows
    result = CliRunner().invoke(main, ["query", "--graph", str(out / "graph.ttl"), "--timeout", "0.3", "-e", endless])
    assert result.exit_code == 1  # the limit's message below shows it was the timeout that ended it
    assert result.stderr == "error: the query ran past the 0.3 s limit (--timeout); narrow it or raise the limit\n"
    ok = CliRunner().invoke(main, ["query", "--graph", str(out / "graph.ttl"), "--timeout", "10", "--format", "csv",
                                   "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s a nk:District }"])
    assert ok.exit_code == 0 and ok.stdout.splitlines()[0] == "n" and int(ok.stdout.splitlines()[1]) > 0


# ---------------------------------------------------------------------------- atomic output


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "graph.ttl"
    atomic_write(target, "old\n")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new\n" * 100_000)
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_export_gets_the_permissions_of_a_plain_write(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    atomic_write(tmp_path / "graph.ttl", "x\n")  # not the private 0600 of a temporary file
    assert (tmp_path / "graph.ttl").stat().st_mode & 0o777 == 0o666 & ~mask
    (tmp_path / "graph.ttl").chmod(0o640)
    atomic_write(tmp_path / "graph.ttl", "y\n")  # a rewrite keeps the mode the user gave the file
    assert (tmp_path / "graph.ttl").stat().st_mode & 0o777 == 0o640


def test_a_temporary_file_left_by_a_killed_writer_is_removed_by_the_next_write(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".graph.ttl.{dead.pid}.abc123.tmp"
    stale.write_text("half a grap")
    other = tmp_path / f".graph.html.{dead.pid}.abc123.tmp"  # another file's: left to that file's next write
    other.write_text("x")
    live = tmp_path / f".graph.ttl.{os.getppid()}.abc123.tmp"  # a running writer's: kept
    live.write_text("x")
    atomic_write(tmp_path / "graph.ttl", "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["graph.ttl", other.name, live.name])


def _corpus_of_copies(root: Path, copies: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for f in sorted(SEEDS.glob("*.txt")):
            shutil.copy(f, root / f"c{i:02d}_{f.name}")
    return root


def _env(seed: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHASHSEED", "COVERAGE_PROCESS_START")}
    env["PYTHONHASHSEED"] = seed
    return env


def _start_build(corpus: Path, out: Path, *extra: str, seed: str = "0") -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "graph", "build", str(corpus), "--out", str(out), *extra],
        cwd=ROOT, env=_env(seed), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _read_until(proc: subprocess.Popen, marker: bytes) -> bytes:
    assert proc.stderr is not None
    seen = b""
    while marker not in seen:
        chunk = proc.stderr.read1(4096)
        assert chunk, f"the build ended before {marker!r}: {seen.decode(errors='replace')}"
        seen += chunk
    return seen


OLD_TTL = '<https://example.org/a> <https://example.org/p> "old export" .\n'
OLD_HTML = "<!DOCTYPE html><title>old export</title>\n"


def _old_exports(out: Path) -> None:
    atomic_write(out / "graph.ttl", OLD_TTL)
    atomic_write(out / "graph.html", OLD_HTML)


def _stray(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name not in ("graph.ttl", "graph.html"))


def _killed_while_exporting(corpus: Path, out: Path) -> None:
    """SIGKILL as soon as a temporary export file shows: each export is the old one or a whole new one."""
    _old_exports(out)
    pages = len(list(corpus.iterdir()))
    proc = _start_build(corpus, out)
    _read_until(proc, f"[{pages}/{pages}]".encode())  # every page done: resolving, then writing
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if any(n.endswith(".tmp") for n in os.listdir(out)):
            break
    proc.kill()
    proc.communicate()
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    if ttl != OLD_TTL:
        assert len(Graph().parse(data=ttl, format="turtle")) > 100  # the new export, whole
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert html == OLD_HTML or html.rstrip().endswith("</html>")
    assert all(re.fullmatch(r"\.graph\.(ttl|html)\.\d+\.\w+\.tmp", n) for n in _stray(out))
    atomic_write(out / "graph.ttl", OLD_TTL)  # the next writes clean up after the killed one
    atomic_write(out / "graph.html", OLD_HTML)
    assert _stray(out) == []


def test_a_build_killed_midway_leaves_old_or_whole_exports_and_the_next_build_cleans_up(tmp_path: Path) -> None:
    _killed_while_exporting(_corpus_of_copies(tmp_path / "corpus", 1), tmp_path / "out")


@pytest.mark.parametrize(("sig", "status", "message"), [
    (signal.SIGTERM, 143, "interrupted (SIGTERM): each export is either complete or as it was before this build\n"),
    (signal.SIGINT, 1, "Aborted!\n"),  # Ctrl-C
], ids=["SIGTERM", "SIGINT"])
def test_a_signal_while_an_export_is_written_leaves_the_old_file(tmp_path: Path, monkeypatch, sig, status, message) -> None:
    import threading

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals reach the main thread only")
    (tmp_path / "p.txt").write_text(OTHER_A, encoding="utf-8")
    out = tmp_path / "out"
    _old_exports(out)
    real_fsync = os.fsync

    def fsync_then_signal(fd: int) -> None:
        real_fsync(fd)
        # to this thread (the main one): delivered before this returns, while the temporary file is open
        signal.pthread_kill(threading.get_ident(), sig)

    monkeypatch.setattr(os, "fsync", fsync_then_signal)
    previous = signal.signal(signal.SIGTERM, lambda *_: None)  # if the CLI failed to catch it, pytest lives on
    # Ctrl-C's own handler, whatever pytest was started with: a shell's background job has SIGINT ignored, and then
    # Python never installs it (the build went on and exited 0: this test's one failure, in a full run started with &)
    interrupt = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = CliRunner().invoke(main, ["build", str(tmp_path / "p.txt"), "--out", str(out), "-q"])
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, interrupt)
    assert result.exit_code == status, result.output
    assert result.stderr.endswith(message)
    assert (out / "graph.ttl").read_text(encoding="utf-8") == OLD_TTL
    assert (out / "graph.html").read_text(encoding="utf-8") == OLD_HTML
    assert _stray(out) == []


def test_two_builds_are_byte_identical_whatever_the_file_order_and_hash_seed(tmp_path: Path) -> None:
    """One build here, one in a process with another hash seed and the files in another order."""
    import random

    from graph.pipeline import Options, build

    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    for f in sorted(SEEDS.glob("*.txt"))[2:4]:
        shutil.copy(f, corpus / f.name)
    files = sorted(str(p) for p in corpus.iterdir() if p.exists() and not p.is_dir())
    shuffled = files[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != files
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"  # this process's seed is random or another
    formats = [a for f in EXPORT_FORMATS for a in ("--format", f)]  # every export
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph", "build", *shuffled, "--out", str(tmp_path / "b"), "-q", "--max-size", str(MAX_SIZE_MB), *formats],
        cwd=ROOT, env=_env(seed), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    build(files, tmp_path / "a", formats=EXPORT_FORMATS, options=Options(max_bytes=int(MAX_SIZE_MB * 1024 * 1024)))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode(errors="replace")
    a = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    b = {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert sorted(a) == sorted(b) and {"graph.ttl", "graph.html", "graph.jsonld"} <= set(a)
    for name in a:
        assert a[name] == b[name], name
    assert "管城回族區".encode() in a["graph.ttl"] and "马卫东".encode() in a["graph.ttl"]

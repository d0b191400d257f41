"""Named queries: each one's expected rows on the seed export, facts read off the seed pages.

Extraction keeps improving, so the checks are subsets (these rows are among
the answer) of facts the pages print plainly, plus a few exclusions that
test the query's own logic (a date range, a district).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import QueryError
from graph.sparql import Store, bind, named_queries

ZHONGYUAN_FILE = "000_b611260ab2cebaa9.txt"  # the 中原区 page: 鲁燕's seven items
POSTS = Path(__file__).resolve().parent / "pages" / "posts"  # one street office's posts over four years (dated file names)


@pytest.fixture(scope="module")
def store(seed_build) -> Store:
    _, out = seed_build
    return Store(out / "graph.ttl")


@pytest.fixture(scope="module")
def posts_store(tmp_path_factory) -> Store:
    """tests/pages/posts built: 秦岭路街道's officials on pages of 2019, 2021 and 2023, and one undated page."""
    from graph.pipeline import build

    out = tmp_path_factory.mktemp("posts")
    build([POSTS], out, formats=("ttl",))
    return Store(out / "graph.ttl")


def run(store: Store, query: str, /, **params: str) -> list[dict[str, str | None]]:
    cols, rows = store.query(bind(named_queries()[query], params))
    return [dict(zip(cols, r, strict=True)) for r in rows]


def pick(rows: list[dict], *cols: str) -> set[tuple]:
    return {tuple(r[c] for c in cols) for r in rows}


TESTED = {
    "officials",
    "posts",
    "reporters",
    "units-of-district",
    "events",
    "officials-of",
    "communities",
    "events-in-district",
    "attended-with",
    "reporter-beat",
    "sources",
    "entity",
    "bodies-of-district",
    "unplaced",
    "most-mentioned",
    "posts-over-time",
    "posts-in-year",
    "succession",
}


def test_every_named_query_is_documented_and_tested():
    named = named_queries()
    assert len(named) >= 10
    assert set(named) == TESTED  # a new query needs its expected answer below
    for q in named.values():
        assert q.summary and not q.summary.startswith("param:"), q.name
        assert q.text.splitlines()[0] == "# " + q.summary  # the first line is the summary
        for p, _default in q.params:
            assert f"${p}" in q.text.split("\n", 1)[1], (q.name, p)


def test_officials(store):
    rows = pick(run(store, "officials"), "name", "title", "office", "district")
    assert {
        ("杨春晓", "主任", "秦岭路街道", "中原区"),  # 秦岭路街道办事处主任杨春晓
        ("曹真信", "党工委书记", "三官庙街道", "中原区"),  # 中原区三官庙街道 … 街道党工委书记曹真信
        ("齐晓静", "副主任", "汝河路街道", "中原区"),  # 汝河路街道办事处副主任齐晓静
    } <= rows


def test_posts(store):
    rows = pick(run(store, "posts"), "name", "title", "body")
    assert {
        ("赵恒康", "党委书记", "侯寨乡"),  # 侯寨乡党委书记赵恒康
        ("冯建红", "主任", "四棉西社区"),  # 四棉西社区主任冯建红
        ("燕营", "党支部书记", "工人路社区"),  # 工人路社区党支部书记燕营
        ("蔡红", "区委书记", "二七区"),  # 二七区委书记蔡红
        ("王娟娟", "站长", "建设路街道志愿服务站"),  # 建设路街道志愿服务站站长王娟娟
    } <= rows


def test_reporters(store):
    rows = pick(run(store, "reporters"), "name", "credit", "items")
    assert {("鲁燕", "reporter", "7"), ("景静", "reporter", "6"), ("陈陈", "correspondent", "1")} <= rows


def test_reporters_names_photographers_too(tmp_path: Path) -> None:
    from graph.pipeline import build

    (tmp_path / "p.txt").write_text(
        "柳岸街道举办夏季纳凉晚会\n\n本报讯 7月2日晚，宁江区柳岸街道光明社区举办夏季纳凉晚会，居民300余人参加。\n"
        "记者 周明/文 刘洋/图\n", encoding="utf-8")
    build([tmp_path / "p.txt"], tmp_path / "o", formats=("ttl",))
    rows = pick(run(Store(tmp_path / "o" / "graph.ttl"), "reporters"), "name", "credit", "items")
    assert rows == {("周明", "reporter", "1"), ("刘洋", "photographer", "1")}


def test_units_of_district(store):
    rows = pick(run(store, "units-of-district", district="中原区"), "unit", "class", "parent")
    assert {
        ("秦岭路街道", "StreetOffice", "中原区"),
        ("三官庙街道", "StreetOffice", "中原区"),
        ("万达社区", "Community", "中原西路街道"),  # 中原西路街道万达社区
        ("四棉西社区", "Community", "棉纺路街道"),  # 中原区棉纺路街道办事处四棉西社区
        ("伏牛北社区", "Community", "三官庙街道"),  # 中原区三官庙街道办事处伏牛北社区
    } <= rows
    assert "侯寨乡" not in {u for u, _, _ in rows}  # 二七区's


def test_events(store):
    rows = pick(run(store, "events"), "date", "place")
    assert {("--03-20", "秦岭路街道"), ("--03-15", "王府井城市奥莱")} <= rows  # an entity, and a printed place


def test_officials_of(store):
    rows = run(store, "officials-of")  # default: 秦岭路街道
    assert ("杨春晓", "主任", "秦岭路街道") in pick(rows, "name", "title", "body")
    assert all(r["evidence"] and "杨春晓" in r["evidence"] for r in rows if r["name"] == "杨春晓")
    whole = pick(run(store, "officials-of", unit="中原区"), "name", "title", "body")
    assert {
        ("杨春晓", "主任", "秦岭路街道"),
        ("曹真信", "党工委书记", "三官庙街道"),
        ("冯建红", "主任", "四棉西社区"),
    } <= whole
    assert not {r for r in whole if r[0] in {"蔡红", "赵恒康"}}  # 二七区's officials


def test_communities(store):
    rows = run(store, "communities", district="中原区")
    assert {
        ("万达社区", "中原西路街道"),
        ("四棉西社区", "棉纺路街道"),
        ("河南工大社区", "林山寨街道"),  # 林山寨街道河南工大社区
        ("凯旋路社区", "西流湖街道"),  # 西流湖街道凯旋路社区
        ("伏牛北社区", "三官庙街道"),
    } <= pick(rows, "unit", "parent")
    placed = {r["unit"]: r["placed_by"] for r in rows}
    assert "gazetteer" in placed["万达社区"]  # the official hierarchy's link is reported as such
    assert set(placed.values()) <= {"text", "gazetteer", "text+gazetteer"}
    villages = pick(run(store, "communities", district="二七区"), "unit", "class", "parent")
    assert ("刘胡桐村", "Village", "马寨镇") in villages  # 二七区马寨镇 … 马寨、刘胡桐、湾刘、张寨4个村


def test_events_in_district_keeps_to_the_range(store):
    rows = run(store, "events-in-district", district="中原区", **{"from": "--03-15", "to": "--03-17"})
    assert {("--03-17", "汝河路街道"), ("--03-16", "林山寨街道"), ("--03-15", "中原区市场监督管理局")} <= pick(
        rows, "date", "by"
    )
    assert {r["date"] for r in rows} <= {"--03-15", "--03-16", "--03-17"}
    everything = pick(run(store, "events-in-district", district="中原区"), "date", "by")
    assert ("--03-20", "秦岭路街道") in everything and ("--02-04", "秦岭路街道") in everything
    erqi = run(store, "events-in-district", district="二七区")
    assert erqi and not any(r["by"] in {"汝河路街道", "秦岭路街道", "中原区"} for r in erqi)


def dated_events(tmp_path: Path, *events: tuple[str, str]) -> Store:
    """A district, 中原区, and events it organizes, each (label, start date as Turtle)."""
    lines = [f':e{i} a nk:Event ; rdfs:label "{label}"@zh ; schema:startDate {date} ; schema:organizer :d ; prov:wasDerivedFrom :a .'
             for i, (label, date) in enumerate(events)]
    ttl = tmp_path / "dates.ttl"
    ttl.write_text(
        "@prefix nk: <https://w3id.org/newskg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix schema: <https://schema.org/> . @prefix prov: <http://www.w3.org/ns/prov#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix : <https://example.org/> .\n"
        ':d a nk:District ; rdfs:label "中原区"@zh .\n' + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    return Store(ttl)


def test_events_in_district_compares_years_only_when_both_have_one(tmp_path: Path):
    s = dated_events(tmp_path, ("有年份", '"2023-03-20"^^xsd:date'), ("无年份", '"--03-20"^^xsd:gMonthDay'),
                     ("四月", '"2023-04-02"^^xsd:date'))

    def events(**p: str) -> set[str]:
        return {r["event"] for r in run(s, "events-in-district", district="中原区", **p)}

    assert events(**{"from": "2023-03-01", "to": "2023-03-31"}) == {"有年份", "无年份"}
    assert events(**{"from": "2024-03-01", "to": "2024-03-31"}) == {"无年份"}  # a year is never assumed
    assert events(**{"from": "--03-01", "to": "--04-30"}) == {"有年份", "无年份", "四月"}
    assert events(**{"from": "2023-04-01", "to": "2023-12-31"}) == {"四月"}


def test_events_in_district_across_a_year_end_and_its_bounds_checked(tmp_path: Path):
    s = dated_events(tmp_path, ("二月无年份", '"--02-03"^^xsd:gMonthDay'), ("一月", '"2023-01-10"^^xsd:date'),
                     ("十二月", '"2022-12-15"^^xsd:date'), ("六月无年份", '"--06-01"^^xsd:gMonthDay'))

    def events(start: str, end: str) -> set[str]:
        return {r["event"] for r in run(s, "events-in-district", district="中原区", **{"from": start, "to": end})}

    assert events("2022-12-01", "2023-02-28") == {"二月无年份", "一月", "十二月"}  # a winter: the month-day of 2023
    assert events("--12-01", "--02-28") == {"二月无年份", "一月", "十二月"}  # any year's winter
    assert events("--03-01", "--11-30") == {"六月无年份"}
    assert events("2020-01-01", "2023-01-01") == {"二月无年份", "六月无年份", "十二月"}  # years long: any month-day
    assert events("2023-01-01", "2023-01-31") == {"一月"}
    for bad in ("2019-3-1", "2023-02-30x", "yesterday"):
        with pytest.raises(QueryError, match=rf"from takes a date, 2024-03-20 or --03-20 \(any year\), not '{re.escape(bad)}'"):
            events(bad, "--12-31")
    with pytest.raises(QueryError, match="year takes a year of four digits"):
        run(s, "posts-in-year", year="24")
    order = [r["event"] for r in run(s, "events")]
    assert order == ["十二月", "一月", "二月无年份", "六月无年份"]  # dated in order, then month-days: never mixed


def test_attended_with(store):
    rows = run(store, "attended-with")  # default: 杨春晓
    # 二级调研员冯凌义、区政务办主任张青礼出席会议，秦岭路街道办事处主任杨春晓陪同观摩
    people = {(r["other"], r["date"]) for r in rows if r["kind"] == "Person"}
    assert {("冯凌义", "--03-20"), ("张青礼", "--03-20")} <= people
    assert {r["person_iri"] for r in rows} == {"https://w3id.org/newskg/id/person/yang-chun-xiao-7b686b4dc8e7"}  # whose
    every = run(store, "attended-with", name="")
    pairs = pick(every, "person", "other")
    assert len({("冯凌义", "张青礼"), ("张青礼", "冯凌义")} & pairs) == 1  # every pair once, either way round
    assert all(a != b and (b, a) not in pairs for a, b in pairs)
    assert len(every) == len(pick(every, "person", "other", "event"))


def test_reporter_beat(store):
    rows = pick(run(store, "reporter-beat"), "reporter", "district")
    assert {
        ("鲁燕", "中原区"),
        ("张改华", "中原区"),
        ("孙志刚", "中原区"),
        ("景静", "二七区"),
        ("党贺喜", "金水区"),
        ("栾月琳", "惠济区"),
        ("王思俊", "管城区"),
    } <= rows
    one = run(store, "reporter-beat", reporter="鲁燕")
    assert {r["reporter"] for r in one} == {"鲁燕"}
    assert {"district": "中原区", "articles": "7", "reporter": "鲁燕"} in one


def test_sources(store):
    rows = run(store, "sources")  # default: 杨春晓
    assert {r["file"] for r in rows} == {ZHONGYUAN_FILE}
    posts = [r for r in rows if r["fact"] == "post: 主任"]
    assert posts and all("主任杨春晓" in r["evidence"] for r in posts)


def test_entity_by_name_or_alias(store):
    for name in ("秦岭路街道", "秦岭路街道办事处"):
        rows = run(store, "entity", name=name)
        assert {(r["class"], r["label"]) for r in rows} == {("StreetOffice", "秦岭路街道")}
        assert ("秦岭路街道办事处", "河南省/郑州市/中原区/秦岭路街道", "中原区") in pick(
            rows, "alias", "path", "parent"
        )


def test_bodies_of_district(store):
    bodies = {r["body"] for r in run(store, "bodies-of-district", district="中原区")}
    assert {"中原区市场监督管理局", "中原区消费者协会", "中原区城市管理行政执法局"} <= bodies
    erqi = {r["body"] for r in run(store, "bodies-of-district", district="二七区")}
    assert {"二七区市场监管局", "二七区民政局"} <= erqi
    assert not bodies & erqi


def test_unplaced(store):
    rows = pick(run(store, "unplaced"), "unit", "class")
    assert ("二七新区", "District") in rows  # a development zone: no official unit
    assert not {u for u, _ in rows} & {"秦岭路街道", "中原区", "郑州市"}  # the gazetteer places these


def test_most_mentioned(store):
    rows = run(store, "most-mentioned", **{"class": "District"})
    assert {r["kind"] for r in rows} == {"District"}
    assert {r["entity"] for r in rows[:2]} == {"中原区", "二七区"}  # the pages of 中原区 and 二七区
    assert [int(r["articles"]) for r in rows] == sorted((int(r["articles"]) for r in rows), reverse=True)
    assert len(run(store, "most-mentioned")) == 20


def test_most_mentioned_counts_namesakes_apart(tmp_path: Path):
    one, two = "<https://w3id.org/newskg/id/person/li-min-1>", "<https://w3id.org/newskg/id/person/li-min-2>"
    (tmp_path / "g.ttl").write_text(
        "@prefix nk: <https://w3id.org/newskg/ontology#> . @prefix schema: <https://schema.org/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f'{one} a nk:Person ; rdfs:label "李敏"@zh . {two} a nk:Person ; rdfs:label "李敏"@zh .\n'
        f"<https://w3id.org/newskg/id/article/a-01> a nk:Article ; schema:mentions {one} .\n"
        f"<https://w3id.org/newskg/id/article/b-01> a nk:Article ; schema:mentions {one}, {two} .\n",
        encoding="utf-8",
    )
    rows = run(Store(tmp_path / "g.ttl"), "most-mentioned", **{"class": "Person"})
    assert [(r["entity"], r["articles"], r["node"]) for r in rows] == [("李敏", "2", one[1:-1]), ("李敏", "1", two[1:-1])]


def test_cli_list_shows_one_line_each():
    res = CliRunner().invoke(main, ["query", "--list"])
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert [ln.split()[0] for ln in lines] == list(named_queries())
    assert any(
        ln.startswith("events-in-district") and "[--param from=--01-01] [--param to=--12-31]" in ln for ln in lines
    )


def test_cli_list_as_data():
    listed = json.loads(CliRunner().invoke(main, ["query", "--list", "--format", "json"]).stdout)
    assert [q["name"] for q in listed] == list(named_queries())
    assert next(q for q in listed if q["name"] == "events-in-district")["params"] == "district=中原区 from=--01-01 to=--12-31"
    rows = list(csv.reader(io.StringIO(CliRunner().invoke(main, ["query", "--list", "--format", "csv"]).stdout)))
    assert rows[0] == ["name", "summary", "params"] and [r[0] for r in rows[1:]] == list(named_queries())


TYPED = ('SELECT (COUNT(*) AS ?n) (1.5 AS ?a) ("x" AS ?s) (true AS ?b) ("NaN"^^xsd:double AS ?nan) ("007"^^xsd:integer AS ?lead) '
         '("abc"^^xsd:integer AS ?bad) (SAMPLE(?none) AS ?unbound) WHERE { ?s0 ?p ?o OPTIONAL { ?s0 <urn:none> ?none } }')


@pytest.mark.parametrize("how", [{}, {"timeout": 60}, {"max_memory": 512 * 1048576}], ids=["here", "thread", "child"])
def test_typed_rows_give_numbers_and_truth_values(seed_build, how):
    _, out = seed_build
    store = Store(out / "graph.ttl")
    cols, (row,) = store.query(TYPED, typed=True, **how)
    typed = dict(zip(cols, row, strict=True))
    assert typed == {"n": typed["n"], "a": 1.5, "s": "x", "b": True, "nan": "NaN", "lead": 7, "bad": "abc", "unbound": None}
    assert type(typed["n"]) is int and typed["n"] > 1000
    _, (text,) = store.query(TYPED, **how)  # untyped: the lexical forms, as CSV and the table print them
    assert text == [str(typed["n"]), "1.5", "x", "true", "NaN", "7", "abc", None]  # as Oxigraph writes them
    assert store.query("ASK {}", typed=True, **how)[1] == [[True]] and store.query("ASK {}", **how)[1] == [["true"]]


def test_cli_json_rows_are_typed(seed_build):
    _, out = seed_build
    rows = json.loads(CliRunner().invoke(main, ["query", "most-mentioned", "--graph", str(out / "graph.ttl"), "--format", "json"]).stdout)
    assert rows and all(type(r["articles"]) is int for r in rows)
    as_csv = CliRunner().invoke(main, ["query", "most-mentioned", "--graph", str(out / "graph.ttl"), "--format", "csv"]).stdout
    assert [r["articles"] for r in csv.DictReader(io.StringIO(as_csv))] == [str(r["articles"]) for r in rows]


def test_a_graph_given_with_a_store_is_a_usage_error(tmp_path: Path):
    for command in (["query", "-e", "ASK {}"], ["serve"]):
        res = CliRunner().invoke(main, [*command, "--store", str(tmp_path / "store"), "--graph", str(tmp_path / "g.ttl")])
        assert res.exit_code == 2 and "give --graph FILE or --store DIR, not both" in res.stderr
        assert not (tmp_path / "store").exists()


def test_cli_query_from_a_store(seed_build, tmp_path: Path):
    from graph.store import write_store

    result, out = seed_build
    write_store(result.graph, tmp_path / "store")
    runner = CliRunner()
    args = ["query", "officials-of", "--param", "unit=中原区", "--format", "csv"]
    by_file = runner.invoke(main, [*args, "--graph", str(out / "graph.ttl")])
    by_store = runner.invoke(main, [*args, "--store", str(tmp_path / "store")])
    assert by_store.exit_code == 0, by_store.stderr
    assert by_store.stdout == by_file.stdout
    assert "杨春晓,主任,秦岭路街道," in by_store.stdout
    missing = runner.invoke(main, [*args, "--store", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "not an Oxigraph store" in missing.stderr


# The posts pages: 2019-03-05 主任周文华, 党工委书记陈立新; 2021-09-16 党工委书记周文华, 主任孙晓梅;
# 2023-05-10 主任孙晓梅; an undated page: 主任孙晓梅. All of 中原区秦岭路街道.


def test_posts_over_time_lists_one_person_s_posts_in_date_order(posts_store):
    rows = run(posts_store, "posts-over-time", name="周文华")
    assert [(r["title"], r["body"], r["first"], r["last"], r["files"]) for r in rows] == [
        ("主任", "秦岭路街道", "2019-03-05", "2019-03-05", "2019-03-05_zzwb_a08.txt"),
        ("党工委书记", "秦岭路街道", "2021-09-16", "2021-09-16", "2021-09-16_zzwb_a08.txt"),
    ]
    assert len({r["person"] for r in rows}) == 1  # the same person in two posts stays one node


def test_posts_over_time_spans_the_dated_reports_and_counts_the_undated(posts_store):
    (row,) = run(posts_store, "posts-over-time", name="孙晓梅")
    assert (row["title"], row["first"], row["last"], row["reports"]) == ("主任", "2021-09-16", "2023-05-10", "3")
    assert set(row["files"].split()) == {"2021-09-16_zzwb_a08.txt", "2023-05-10_zzwb_a08.txt", "zzwb_undated.txt"}
    everyone = run(posts_store, "posts-over-time", name="")
    assert {r["name"] for r in everyone} == {"周文华", "孙晓梅", "陈立新"}


def test_posts_over_time_on_undated_pages_has_posts_without_dates(store):
    rows = run(store, "posts-over-time")  # default: 杨春晓, of the seeds (file names without dates)
    assert ("主任", "秦岭路街道", None, None) in pick(rows, "title", "body", "first", "last")


def test_posts_in_year_keeps_to_the_year(posts_store):
    def year(y: str) -> set[tuple]:
        return pick(run(posts_store, "posts-in-year", unit="秦岭路街道", year=y), "name", "title", "first", "last")

    assert year("2019") == {("周文华", "主任", "2019-03-05", "2019-03-05"), ("陈立新", "党工委书记", "2019-03-05", "2019-03-05")}
    assert year("2021") == {("周文华", "党工委书记", "2021-09-16", "2021-09-16"), ("孙晓梅", "主任", "2021-09-16", "2021-09-16")}
    assert year("2023") == {("孙晓梅", "主任", "2023-05-10", "2023-05-10")}
    assert year("2020") == set() and year("2022") == set()  # no page of those years
    assert pick(run(posts_store, "posts-in-year", unit="中原区", year="2023"), "name", "body") == {("孙晓梅", "秦岭路街道")}


def test_succession_of_a_post_in_a_unit(posts_store):
    director = run(posts_store, "succession", unit="秦岭路街道", title="主任")
    assert [(r["name"], r["first"], r["last"], r["reports"]) for r in director] == [
        ("周文华", "2019-03-05", "2019-03-05", "1"),
        ("孙晓梅", "2021-09-16", "2023-05-10", "3"),  # the undated page counts as a report, not as a date
    ]
    secretary = run(posts_store, "succession", unit="秦岭路街道办事处", title="党工委书记")  # an alias of the unit
    assert [r["name"] for r in secretary] == ["陈立新", "周文华"]
    assert run(posts_store, "succession", unit="中原区", title="主任") == []  # the unit's own posts, not those under it


def test_entity_finds_a_unit_by_its_official_name(store):
    rows = run(store, "entity", name="管城回族区")  # printed 管城区 on the seed pages; the gazetteer's name
    assert {(r["class"], r["label"], r["path"]) for r in rows} == {("District", "管城区", "河南省/郑州市/管城回族区")}
    assert run(store, "entity", name="管城区") == rows
    assert run(store, "entity", name="回族区") == []  # the whole official name, not a part of it


def test_the_post_queries_tell_units_of_one_name_apart_and_mark_former_posts(tmp_path: Path):
    from graph.pipeline import build

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2023-03-07_a.txt").write_text(
        "经八路街道幸福里社区开展义诊\n\n本报讯 3月6日，金水区经八路街道幸福里社区党委书记马秀英带领志愿者开展义诊。\n\n记者 李明\n",
        encoding="utf-8")
    (pages / "2023-03-15_b.txt").write_text(
        "淮河路街道幸福里社区举办邻里节\n\n本报讯 3月14日，二七区淮河路街道幸福里社区党委书记刘芳主持邻里节。"
        "原幸福里社区党委书记王强到场祝贺。\n\n记者 陈静\n", encoding="utf-8")
    build([pages], tmp_path / "out", formats=("ttl",))
    store = Store(tmp_path / "out" / "graph.ttl")
    rows = run(store, "succession", unit="幸福里社区", title="党委书记")
    assert pick(rows, "name", "within", "held") == {("马秀英", "经八路街道", ""), ("刘芳", "淮河路街道", ""), ("王强", "淮河路街道", "former")}
    assert len({r["unit"] for r in rows}) == 2
    assert [r["name"] for r in rows if r["within"] == "淮河路街道"] == ["刘芳", "王强"]  # the former one, undated, last
    assert pick(run(store, "officials-of", unit="幸福里社区"), "name", "within") == {("马秀英", "经八路街道"), ("刘芳", "淮河路街道"), ("王强", "淮河路街道")}
    assert pick(run(store, "posts-over-time", name="王强"), "body", "within", "held") == {("幸福里社区", "淮河路街道", "former")}

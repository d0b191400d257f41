"""Pages of other papers and cities, written for these tests in the genre's shapes.

They check that the rules hold beyond the Zhengzhou seeds: e-paper
breadcrumbs, credits in every printed order, titles chained with 、,
villages and communities under their street offices, page dates.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parent / "pages" / "genre"


@pytest.fixture(scope="module")
def built():
    from graph.pipeline import build

    return build([PAGES], None)


def posts(built) -> set[tuple[str, str, str | None]]:
    names = {e.key: e.name for e in built.corpus.entities}
    return {(names[m.person], m.title, names.get(m.org) if m.org else None) for m in built.corpus.memberships}


def test_articles_headlines_and_dates(built) -> None:
    arts = {a.id: a for a in built.corpus.articles}
    assert arts["2024-06-13_gzrb_a05-01"].headline == "越秀区北京街道打造“15分钟便民生活圈”"
    assert arts["2024-06-13_gzrb_a05-03"].body.startswith("天河区石牌街道昨日举办社区运动会")  # a brief under ■区街快讯
    assert arts["2024-06-13_gzrb_a05-03"].reporters == ("李娜",)
    assert arts["20240521_njrb_b3-01"].headline == "溧水区洪蓝街道傅家边社区举办“乡村振兴”主题党日活动"
    assert arts["20240521_njrb_b3-03"].reporters == ("孙强",)  # (南报记者 孙强)
    assert arts["2024-03-05_xawb_06-02"].headline == "长安区王曲街道南堡寨村 村民议事会议定村规民约"
    assert all(a.page_date == dt.date(2024, 5, 21) for i, a in arts.items() if i.startswith("20240521"))


def test_credits_in_every_order(built) -> None:
    arts = {a.id: a for a in built.corpus.articles}
    a = arts["2024-06-13_gzrb_a05-01"]  # 文/广州日报全媒体记者 … 通讯员 … 图/广州日报全媒体记者 …
    # 图/ credits the photographs, whatever role word follows it
    assert a.reporters == ("陈晓丽",) and a.correspondents == ("越宣",) and a.photographers == ("苏俊杰",)
    b = arts["20240521_njrb_b3-01"]  # 本报讯（通讯员 周婷 记者 孙强）
    assert b.reporters == ("孙强",) and b.correspondents == ("周婷",)
    c = arts["20240521_njrb_b3-02"]  # 记者/文 孙强 通讯员/图 郑涛
    assert c.reporters == ("孙强",) and c.correspondents == ("郑涛",)


@pytest.mark.parametrize(
    "post",
    [
        ("刘明", "党工委书记", "北京街道"),
        ("王志强", "副区长", "越秀区"),
        ("周文华", "副局长", "海珠区教育局"),
        ("陈伟", "副主任", "南京西路街道"),
        ("赵敏", "党工委书记", "花木街道"),
        ("吴海涛", "党工委副书记", "洪蓝街道"),
        ("钱小平", "居委会主任", "傅家边社区"),
        ("许文斌", "驻村第一书记", "蓝溪村"),
        ("马明", "区委书记", "江宁区"),
        ("陈建国", "区长", "江宁区"),
        ("杨建军", "村委会主任", "南堡寨村"),
        ("赵刚", "党工委书记", "丈八沟街道"),
    ],
)
def test_posts(built, post) -> None:
    assert post in posts(built)


def test_units_are_placed_in_the_official_hierarchy(built) -> None:
    by_name = {e.name: e for e in built.corpus.entities}
    assert by_name["南京西路街道"].official_path == "上海市/上海市/静安区/南京西路街道"
    assert by_name["洪蓝街道"].official_path == "江苏省/南京市/溧水区/洪蓝街道"
    assert by_name["江宁区"].code == "320115"
    keys = {e.key: e.name for e in built.corpus.entities}
    assert keys[by_name["南堡寨村"].parent] == "王曲街道"
    assert keys[by_name["傅家边社区"].parent] == "洪蓝街道"


def test_informal_references_are_not_people(built) -> None:
    article_ids = {a.id for a in built.corpus.articles}
    refs = {e.name: e for e in built.corpus.entities if e.type == "Person" and e.name in ("张女士", "王先生", "李阿姨")}
    assert set(refs) == {"张女士", "王先生", "李阿姨"}  # kept, but as references of one article:
    for e in refs.values():
        scope, name = e.key.split(":", 1)[1].rsplit("/", 1)
        assert scope in article_ids and e.articles == (scope,) and name == e.name


def test_events_with_dates_from_the_page(built) -> None:
    evs = {(e.article, e.name, e.date) for e in built.corpus.events}
    assert ("20240521_njrb_b3-03", "优化营商环境推进会", "2024-05-17") in evs
    assert ("2024-06-13_gzrb_a05-03", "社区运动会", "2024-06-12") in evs  # 昨日 on a page of 2024-06-13
    assert any(a == "20240521_njrb_b3-02" and d is None for a, _, d in evs)  # 日前: no day


def test_bracketed_labels_and_caption_credits(built) -> None:
    arts = {a.id: a for a in built.corpus.articles}
    a, b = arts["2022-09-15_fzwb_a07-01"], arts["2022-09-15_fzwb_a07-02"]
    assert (a.headline, a.section) == ("台江区瀛洲街道开展中秋慰问", "社区动态")
    assert a.reporters == ("林一鸣",) and a.correspondents == ("欧阳娜娜",)  # a compound surname
    assert b.headline == "仓山区上渡街道举办消防演练"
    assert ("吴涛", "副大队长", "仓山区消防救援大队") in posts(built)
    assert not any(e.name.startswith("上渡街道联合") for e in built.corpus.entities)


def test_bureau_names_with_he_and_a_district_printed_two_ways(built) -> None:
    by_name = {e.name: e for e in built.corpus.entities}
    bureau = by_name["管城回族区住房保障和房地产管理局"]  # 区住房保障和房地产管理局 in a 管城区 item
    assert "区住房保障和房地产管理局" in bureau.aliases
    assert "管城回族区城管局" in by_name
    assert ("陈红", "居委会主任", "永安街社区") in posts(built)
    assert ("黄静", "主任", "丰产路街道") in posts(built)
    districts = [e for e in built.corpus.entities if e.type == "District" and e.official_path == "河南省/郑州市/管城回族区"]
    assert len(districts) == 1 and {"管城区", "管城回族区"} <= {districts[0].name, *districts[0].aliases}


def test_a_masthead_never_heads_or_dates_an_item(built) -> None:
    """郑州晚报 2024年5月10日 A07 社区 over the page: furniture, not the first headline nor its event's day."""
    arts = {a.id: a for a in built.corpus.articles}
    first = arts["2024-05-10_zzwb_a07-01"]
    assert first.headline == "金水区丰产路街道举办邻里节"
    assert first.reporters == ("张明远",)  # 文/图 郑报全媒体记者 张明远
    events = [e for e in built.corpus.events if e.article == first.id]
    assert [(e.name, e.date) for e in events] == [("邻里节", "2024-05-08")]
    assert "晴" not in first.body and "首页" not in first.body  # weather strip and navigation bar


def test_neighbourhoods_teams_and_posts_of_a_city_page(built) -> None:
    names = {(e.type, e.name) for e in built.corpus.entities}
    assert ("Community", "曹杨新村") in names and ("Village", "曹杨新村") not in names
    assert {("Organization", "“红枫”舞蹈队"), ("Organization", "“老李”调解工作室")} <= names
    assert ("Person", "刘建国") in names and ("Person", "陈秀英") in names  # residents named without a title
    assert {("李芳", "党总支书记", "农业路社区"), ("王振华", "居委会主任", "农业路社区"), ("赵刚", "政协主席", "二七区")} <= posts(built)
